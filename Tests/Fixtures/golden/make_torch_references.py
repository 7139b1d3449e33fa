#!/usr/bin/env python3
"""Second references for backpropagation through time, from PyTorch autograd in float64.

    python3 Tests/Fixtures/golden/make_torch_references.py

1. Double-checks the numpy references (`vector-3x2.*-gradients.json`, written by
   make_gradient_references.py) against autograd to 1e-12, and writes
   `vector-3x2.lesson.json`: their LSTM and RNN twin as PyTorch state_dicts (biases split in two,
   which add), with their sequences and targets, so that the CLI can trace them.
2. Writes longer sequences on the StatQuest cell and its twin, `statquest-long.lesson.json`, with
   their references in exactly the shape `lstmviz trace --gradients --format json` and
   `lstmviz trace --cell rnn --gradients --format json` write:
   `statquest-long.gradients.json`, `statquest-long.loss-gradients.json`,
   `statquest-long.rnn-gradients.json`, `statquest-long.rnn-loss-gradients.json`.

The forward numbers come from the seed's formulas in torch and are checked against
`torch.nn.LSTM` and `torch.nn.RNN` (1e-12). The tests read the JSON; they never run Python.
"""

import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
GATES = ["forget", "input", "candidate", "output"]
TORCH_ORDER = ["input", "forget", "candidate", "output"]


def tensor(a):
    return torch.tensor(a, dtype=torch.float64)


def listed(t):
    return t.detach().reshape(-1).tolist()


def rows(t):
    return t.detach().tolist()


def lstm_autograd(model, inputs, target, kind):
    """model[g] = (W_stm n×n, W_in n×m, b n) tensors; inputs T×m; every number and gradient."""
    n = model["forget"][0].shape[0]
    weights = {g: tuple(p.clone().requires_grad_(True) for p in model[g]) for g in GATES}
    x_in = inputs.clone().requires_grad_(True)
    stm, ltm = torch.zeros(n), torch.zeros(n)
    steps, stms, ltms = [], [], []
    for t in range(x_in.shape[0]):
        xs = {g: weights[g][0] @ stm + weights[g][1] @ x_in[t] + weights[g][2] for g in GATES}
        vals = {g: torch.tanh(xs[g]) if g == "candidate" else torch.sigmoid(xs[g]) for g in GATES}
        remembered = vals["forget"] * ltm
        added = vals["input"] * vals["candidate"]
        new_ltm = remembered + added
        potential = torch.tanh(new_ltm)
        new_stm = vals["output"] * potential
        new_stm.retain_grad()
        new_ltm.retain_grad()
        steps.append(dict(input=x_in[t], stmIn=stm, ltmIn=ltm, x=xs, value=vals,
                          ltmRemembered=remembered, ltmAdded=added, ltm=new_ltm,
                          stmPotential=potential, stm=new_stm))
        stms.append(new_stm)
        ltms.append(new_ltm)
        stm, ltm = new_stm, new_ltm
    prediction = stm
    objective = prediction[0] if kind == "prediction" else ((prediction - target) ** 2).sum()
    objective.backward()
    # nn.LSTM agrees with the seed's formulas.
    lstm = torch.nn.LSTM(inputs.shape[1], n)
    with torch.no_grad():
        lstm.weight_ih_l0.copy_(torch.cat([model[g][1] for g in TORCH_ORDER]))
        lstm.weight_hh_l0.copy_(torch.cat([model[g][0] for g in TORCH_ORDER]))
        lstm.bias_ih_l0.copy_(torch.cat([model[g][2] for g in TORCH_ORDER]))
        lstm.bias_hh_l0.zero_()
        out, (h, c) = lstm(inputs.unsqueeze(1))
    assert torch.allclose(out[:, 0, :], torch.stack(stms), atol=1e-12, rtol=0)
    assert torch.allclose(c[0, 0], ltm, atol=1e-12, rtol=0)
    return dict(steps=steps, value=objective.item(), prediction=prediction,
                stm=[s.grad for s in stms], ltm=[c.grad for c in ltms], input=x_in.grad,
                weights={g: tuple(p.grad for p in weights[g]) for g in GATES})


def rnn_autograd(model, inputs, target, kind):
    w_stm, w_in, b = (p.clone().requires_grad_(True) for p in model)
    n = w_stm.shape[0]
    x_in = inputs.clone().requires_grad_(True)
    stm = torch.zeros(n)
    steps, stms = [], []
    for t in range(x_in.shape[0]):
        x = w_stm @ stm + w_in @ x_in[t] + b
        new = torch.tanh(x)
        new.retain_grad()
        steps.append(dict(input=x_in[t], stmIn=stm, x=x, stm=new))
        stms.append(new)
        stm = new
    objective = stm[0] if kind == "prediction" else ((stm - target) ** 2).sum()
    objective.backward()
    rnn = torch.nn.RNN(inputs.shape[1], n)
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(model[1])
        rnn.weight_hh_l0.copy_(model[0])
        rnn.bias_ih_l0.copy_(model[2])
        rnn.bias_hh_l0.zero_()
        out, _ = rnn(inputs.unsqueeze(1))
    assert torch.allclose(out[:, 0, :], torch.stack(stms), atol=1e-12, rtol=0)
    return dict(steps=steps, value=objective.item(), prediction=stm,
                stm=[s.grad for s in stms], input=x_in.grad,
                weights=(w_stm.grad, w_in.grad, b.grad))


def weights_json(w_stm, w_in, b):
    return {"stmWeight": rows(w_stm), "inputWeight": rows(w_in), "bias": listed(b)}


def lstm_document(title, model, sequences, kind):
    n, m = model["forget"][1].shape
    out = []
    for name, inputs, target in sequences:
        run = lstm_autograd(model, inputs, target, kind)
        steps = []
        for t, s in enumerate(run["steps"], start=1):
            steps.append({
                "t": t, "input": listed(s["input"]), "stmIn": listed(s["stmIn"]),
                "ltmIn": listed(s["ltmIn"]),
                "gates": {g: {"x": listed(s["x"][g]), "value": listed(s["value"][g])}
                          for g in GATES},
                "ltmRemembered": listed(s["ltmRemembered"]), "ltmAdded": listed(s["ltmAdded"]),
                "ltm": listed(s["ltm"]), "stmPotential": listed(s["stmPotential"]),
                "stm": listed(s["stm"]),
                "gradients": {"ltm": listed(run["ltm"][t - 1]), "stm": listed(run["stm"][t - 1]),
                              "input": listed(run["input"][t - 1])}})
        entry = {"name": name, "prediction": listed(run["prediction"]), "steps": steps,
                 "weightGradients": {g: weights_json(*run["weights"][g]) for g in TORCH_ORDER}}
        if kind == "loss":
            entry["loss"] = run["value"]
        out.append(entry)
    return {"title": title, "inputSize": m, "hiddenSize": n,
            "gradientOf": "prediction unit 1" if kind == "prediction" else "loss",
            "sequences": out}


def rnn_document(title, model, sequences, kind):
    n, m = model[1].shape
    out = []
    for name, inputs, target in sequences:
        run = rnn_autograd(model, inputs, target, kind)
        steps = [{"t": t, "input": listed(s["input"]), "stmIn": listed(s["stmIn"]),
                  "x": listed(s["x"]), "stm": listed(s["stm"]),
                  "gradients": {"stm": listed(run["stm"][t - 1]),
                                "input": listed(run["input"][t - 1])}}
                 for t, s in enumerate(run["steps"], start=1)]
        entry = {"name": name, "prediction": listed(run["prediction"]), "steps": steps,
                 "weightGradients": weights_json(*run["weights"])}
        if kind == "loss":
            entry["loss"] = run["value"]
        out.append(entry)
    return {"title": title, "inputSize": m, "hiddenSize": n, "cell": "rnn",
            "gradientOf": "prediction unit 1" if kind == "prediction" else "loss",
            "sequences": out}


def write(name, document):
    with open(os.path.join(HERE, name), "w") as file:
        json.dump(document, file, indent=1)
        file.write("\n")


def close(got, want, path, tol=1e-12):
    """Every number of `want` (a reference) within tol of `got`, over the keys `got` has."""
    if isinstance(got, dict):
        for key, value in got.items():
            close(value, want[key], f"{path}.{key}", tol)
    elif isinstance(got, list):
        assert len(got) == len(want), path
        for k, (a, b) in enumerate(zip(got, want)):
            close(a, b, f"{path}[{k}]", tol)
    elif isinstance(got, (int, float)):
        assert abs(got - want) <= tol * max(1.0, abs(want)), (path, got, want)


def model_of(weights):
    return tuple(tensor(weights[k]) for k in ("stmWeight", "inputWeight", "bias"))


def vector_references():
    """Checks the numpy references against autograd and writes their lesson."""
    lstm_ref = json.load(open(os.path.join(HERE, "vector-3x2.lstm-gradients.json")))
    rnn_ref = json.load(open(os.path.join(HERE, "vector-3x2.rnn-gradients.json")))
    lstm = {g: model_of(lstm_ref["model"][g]) for g in GATES}
    rnn = model_of(rnn_ref["model"])
    sequences = [(s["name"], tensor([step["input"] for step in s["steps"]]), tensor(s["target"]))
                 for s in lstm_ref["sequences"]]
    for kind, suffix in (("prediction", "gradients"), ("loss", "loss-gradients")):
        mine = lstm_document("", lstm, sequences, kind)
        theirs = json.load(open(os.path.join(HERE, f"vector-3x2.lstm-{suffix}.json")))
        close(mine["sequences"], theirs["sequences"], f"lstm {kind}")
        mine = rnn_document("", rnn, sequences, kind)
        theirs = json.load(open(os.path.join(HERE, f"vector-3x2.rnn-{suffix}.json")))
        close(mine["sequences"], theirs["sequences"], f"rnn {kind}")
    # Each bias split in two, as PyTorch stores it: the halves add back to the reference's.
    ih = torch.cat([lstm[g][1] for g in TORCH_ORDER])
    hh = torch.cat([lstm[g][0] for g in TORCH_ORDER])
    bias = torch.cat([lstm[g][2] for g in TORCH_ORDER])
    lesson = {
        "title": "A random vector LSTM (n = 3, m = 2) and its vector RNN twin",
        "description": "The numpy references vector-3x2.*-gradients.json, as a lesson.",
        "model": {"weight_ih_l0": rows(ih), "weight_hh_l0": rows(hh),
                  "bias_ih_l0": listed(bias), "bias_hh_l0": [0.0] * bias.shape[0]},
        "sequences": [{"name": name, "values": rows(inputs), "target": listed(target)}
                      for name, inputs, target in sequences],
        "rnn": {"rnn.weight_ih_l0": rows(rnn[1]), "rnn.weight_hh_l0": rows(rnn[0]),
                "rnn.bias_ih_l0": listed(rnn[2]), "rnn.bias_hh_l0": [0.0] * rnn[2].shape[0]},
    }
    write("vector-3x2.lesson.json", lesson)


def statquest_long():
    scalar = {"forget": (2.70, 1.63, 1.62), "input": (2.00, 1.65, 0.62),
              "candidate": (1.41, 0.94, -0.32), "output": (4.38, -0.19, 0.59)}
    lstm = {g: (tensor([[w[0]]]), tensor([[w[1]]]), tensor([w[2]])) for g, w in scalar.items()}
    twin = (1.89, 2.29, -0.70)
    rnn = (tensor([[twin[0]]]), tensor([[twin[1]]]), tensor([twin[2]]))
    sequences = [
        ("Company A, 24 days", [round(0.5 + 0.5 * math.sin(0.7 * t), 6) for t in range(24)], 0.0),
        ("Company B, 50 days", [1.0] + [round(0.25 + 0.2 * math.cos(0.3 * t), 6)
                                        for t in range(48)] + [1.0], 1.0),
        ("Noisy, 80 days", [round((t * 0.6180339887) % 1.0, 6) for t in range(80)], 0.5),
    ]
    lesson = {
        "title": "The StatQuest cell and its twin over longer sequences",
        "model": {g: {"stmWeight": w[0], "inputWeight": w[1], "bias": w[2]}
                  for g, w in scalar.items()},
        "sequences": [{"name": name, "values": values, "target": target}
                      for name, values, target in sequences],
        "rnn": {"stmWeight": twin[0], "inputWeight": twin[1], "bias": twin[2]},
    }
    write("statquest-long.lesson.json", lesson)
    runs = [(name, tensor(values).reshape(-1, 1), tensor([target]))
            for name, values, target in sequences]
    title = lesson["title"]
    write("statquest-long.gradients.json", lstm_document(title, lstm, runs, "prediction"))
    write("statquest-long.loss-gradients.json", lstm_document(title, lstm, runs, "loss"))
    write("statquest-long.rnn-gradients.json", rnn_document(title, rnn, runs, "prediction"))
    write("statquest-long.rnn-loss-gradients.json", rnn_document(title, rnn, runs, "loss"))


def main():
    # The public StatQuest references agree with this code too.
    golden_lesson = json.load(open(os.path.join(HERE, "statquest.lesson.json")))
    lstm = {g: tuple(tensor(v) for v in ([[w["stmWeight"]]], [[w["inputWeight"]]], [w["bias"]]))
            for g, w in golden_lesson["model"].items()}
    r = golden_lesson["rnn"]
    rnn = (tensor([[r["stmWeight"]]]), tensor([[r["inputWeight"]]]), tensor([r["bias"]]))
    companies = [(s["name"], tensor(s["values"]).reshape(-1, 1), tensor([s["target"]]))
                 for s in golden_lesson["sequences"]]
    for kind, suffix in (("prediction", "gradients"), ("loss", "loss-gradients")):
        close(lstm_document("", lstm, companies, kind)["sequences"],
              json.load(open(os.path.join(HERE, f"statquest.{suffix}.json")))["sequences"],
              f"statquest {kind}")
        close(rnn_document("", rnn, companies, kind)["sequences"],
              json.load(open(os.path.join(HERE, f"statquest.rnn-{suffix}.json")))["sequences"],
              f"statquest rnn {kind}")
    vector_references()
    statquest_long()
    print("statquest and vector references agree with autograd to 1e-12; long references written")


if __name__ == "__main__":
    main()
