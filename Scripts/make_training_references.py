#!/usr/bin/env python3
"""Float64 torch training trajectories, the references for `lstmviz train`.

Writes, into Tests/Fixtures/training/, the lessons trained on and for each case the loss of every
epoch (before its update, as a torch training loop prints it), the loss after the last epoch and
the final weights, in the shape `lstmviz train --format json` writes:

  scalar-adam      the scalar LSTM (12 parameters, one bias per gate), torch.optim.Adam
  scalar-sgd       the same lesson, torch.optim.SGD with momentum
  scalar-rnn-adam  its scalar plain-RNN twin (3 parameters), Adam
  vector-adam      an nn.LSTM(2, 3) under the module prefix "lstm." with bias_ih and bias_hh,
                   vector targets, Adam on lstm.parameters()
  vector-rnn-sgd   its nn.RNN(2, 3) twin under "rnn.", SGD with momentum

The scalar cells are written out in torch operations, one tensor a parameter; the vector cells
are torch's own nn.LSTM and nn.RNN. The loss is the sum over the sequences with a target of
sum((h_T - target)**2); a sequence without a target is not trained on. Needs torch (CPU):
  pip install torch --index-url https://download.pytorch.org/whl/cpu
Usage: Scripts/make_training_references.py   (from the repository's root)
"""

import json
import pathlib

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "training"
GATES = ["forget", "input", "candidate", "output"]
KEYS = ["stmWeight", "inputWeight", "bias"]


def scalar_lesson():
    """A scalar lesson with a twin: three sequences, the third without a target."""
    rng = np.random.default_rng(1414)
    weights = np.round(rng.normal(0, 1, 12), 3).tolist()
    twin = np.round(rng.normal(0, 1, 3), 3).tolist()
    return {
        "title": "training reference: scalar",
        "model": {g: dict(zip(KEYS, weights[3 * k:3 * k + 3])) for k, g in enumerate(GATES)},
        "sequences": [
            {"name": "A", "values": [0, 0.5, 0.25, 1, 0.1], "target": 0},
            {"name": "B", "values": [1, 0.5, 0.25, 1, -0.3], "target": 1},
            {"name": "no target", "values": [0.7, 0.7]},
        ],
        "rnn": dict(zip(KEYS, twin)),
    }


def vector_lesson():
    """An nn.LSTM(2, 3) and its nn.RNN(2, 3) twin from torch's own initialisation."""
    torch.manual_seed(14)
    lstm = torch.nn.LSTM(2, 3)
    rnn = torch.nn.RNN(2, 3)
    rng = np.random.default_rng(2023)
    sequences = []
    for k, steps in enumerate([5, 7, 4]):
        sequences.append({
            "name": f"wave {k + 1}",
            "values": np.round(rng.uniform(-1, 1, (steps, 2)), 3).tolist(),
            "target": np.round(rng.uniform(-0.9, 0.9, 3), 3).tolist(),
        })
    state = {f"lstm.{k}": v.tolist() for k, v in lstm.state_dict().items()}
    state["fc.weight"] = [[0.5, 0.5, 0.5]]
    return {
        "title": "training reference: nn.LSTM(2, 3)",
        "model": state,
        "sequences": sequences,
        "rnn": {f"rnn.{k}": v.tolist() for k, v in rnn.state_dict().items()},
    }, lstm, rnn


def scalar_cell(p, values, rnn):
    h = torch.zeros(())
    c = torch.zeros(())
    for x in values:
        if rnn:
            h = torch.tanh(p[0] * h + p[1] * x + p[2])
            continue
        gate = {g: p[3 * k] * h + p[3 * k + 1] * x + p[3 * k + 2] for k, g in enumerate(GATES)}
        f, i, o = (torch.sigmoid(gate[g]) for g in ("forget", "input", "output"))
        c = f * c + i * torch.tanh(gate["candidate"])
        h = o * torch.tanh(c)
    return h


def train(parameters, loss_of, optimizer, epochs):
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_of()
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        return losses, loss_of().item()


def scalar_case(lesson, name, make_optimizer, epochs, rnn=False):
    if rnn:
        start = [lesson["rnn"][k] for k in KEYS]
    else:
        start = [lesson["model"][g][k] for g in GATES for k in KEYS]
    p = [torch.tensor(float(v), requires_grad=True) for v in start]
    examples = [s for s in lesson["sequences"] if "target" in s]

    def loss_of():
        return sum((scalar_cell(p, s["values"], rnn) - s["target"]) ** 2 for s in examples)

    optimizer, arguments = make_optimizer(p)
    losses, final = train(p, loss_of, optimizer, epochs)
    w = [t.item() for t in p]
    model = (dict(zip(KEYS, w)) if rnn
             else {g: dict(zip(KEYS, w[3 * k:3 * k + 3])) for k, g in enumerate(GATES)})
    write(name, "scalar.lesson.json", arguments + ["--epochs", str(epochs)]
          + (["--cell", "rnn"] if rnn else []), losses, final, model)


def vector_case(lesson, module, prefix, name, make_optimizer, epochs, rnn=False):
    examples = [s for s in lesson["sequences"] if "target" in s]
    inputs = [torch.tensor(s["values"]) for s in examples]
    targets = [torch.tensor(s["target"]) for s in examples]

    def loss_of():
        total = 0
        for x, target in zip(inputs, targets):
            _, state = module(x)
            h = state if rnn else state[0]
            total = total + ((h[0] - target) ** 2).sum()
        return total

    optimizer, arguments = make_optimizer(list(module.parameters()))
    losses, final = train(None, loss_of, optimizer, epochs)
    model = {prefix + k: v.tolist() for k, v in module.state_dict().items()}
    write(name, "vector.lesson.json", arguments + ["--epochs", str(epochs)]
          + (["--cell", "rnn"] if rnn else []), losses, final, model)


def adam(lr):
    return lambda p: (torch.optim.Adam(p, lr=lr), ["--optimizer", "adam", "--learning-rate", str(lr)])


def sgd(lr, momentum):
    return lambda p: (torch.optim.SGD(p, lr=lr, momentum=momentum),
                      ["--optimizer", "sgd", "--learning-rate", str(lr), "--momentum", str(momentum)])


def write(name, lesson, arguments, losses, final, model):
    path = OUT / f"{name}.json"
    path.write_text(json.dumps({
        "lesson": lesson, "arguments": arguments, "source": f"torch {torch.__version__}, float64",
        "losses": losses, "finalLoss": final, "model": model}, indent=1) + "\n")
    print(f"{path.name}: loss {losses[0]:.6g} -> {final:.6g} in {len(losses)} epochs")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    scalar = scalar_lesson()
    (OUT / "scalar.lesson.json").write_text(json.dumps(scalar, indent=1) + "\n")
    vector, lstm, rnn = vector_lesson()
    (OUT / "vector.lesson.json").write_text(json.dumps(vector, indent=1) + "\n")
    scalar_case(scalar, "scalar-adam", adam(0.05), 300)
    scalar_case(scalar, "scalar-sgd", sgd(0.1, 0.9), 200)
    scalar_case(scalar, "scalar-rnn-adam", adam(0.1), 300, rnn=True)
    vector_case(vector, lstm, "lstm.", "vector-adam", adam(0.05), 200)
    vector_case(vector, rnn, "rnn.", "vector-rnn-sgd", sgd(0.05, 0.5), 150, rnn=True)


if __name__ == "__main__":
    main()
