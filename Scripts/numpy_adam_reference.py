#!/usr/bin/env python3
"""An independent reference for `lstmviz train`: the scalar LSTM trained with Adam in plain numpy.

Nothing is shared with torch or with lstmviz: the forward pass keeps every gate, the backward
pass is written out one timestep at a time (the chain rule of the README's "Why LSTMs"), and Adam
is the textbook form of Kingma and Ba with the bias corrections written as m-hat and v-hat:

  m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g*g
  w = w - lr * (m / (1-b1**t)) / (sqrt(v / (1-b2**t)) + eps)

which is torch's arithmetic rearranged, so the two agree to rounding, not bit for bit. Reads
Tests/Fixtures/training/scalar.lesson.json and the arguments of scalar-adam.json, writes
scalar-adam.numpy.json beside them, and prints how far it is from torch's trajectory.
Usage: Scripts/numpy_adam_reference.py   (from the repository's root)
"""

import json
import pathlib

import numpy as np

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "training"
GATES = ["forget", "input", "candidate", "output"]
KEYS = ["stmWeight", "inputWeight", "bias"]


def sigmoid(x):
    return 1 / (1 + np.exp(-x)) if x >= 0 else np.exp(x) / (1 + np.exp(x))


def loss_and_gradient(w, examples):
    """w: {gate: [stmWeight, inputWeight, bias]}; the loss and its gradient, same shape."""
    loss = 0.0
    grad = {g: np.zeros(3) for g in GATES}
    for values, target in examples:
        h, c, steps = 0.0, 0.0, []
        for x in values:
            pre = {g: w[g][0] * h + w[g][1] * x + w[g][2] for g in GATES}
            v = {g: np.tanh(pre[g]) if g == "candidate" else sigmoid(pre[g]) for g in GATES}
            new_c = v["forget"] * c + v["input"] * v["candidate"]
            steps.append((x, h, c, v, np.tanh(new_c)))
            h, c = v["output"] * np.tanh(new_c), new_c
        loss += (h - target) ** 2
        d_h, d_c_next, f_next = 2 * (h - target), 0.0, 0.0
        for x, h_in, c_in, v, tanh_c in reversed(steps):
            d_c = d_c_next * f_next + d_h * v["output"] * (1 - tanh_c**2)
            d_value = {"output": d_h * tanh_c, "forget": d_c * c_in,
                       "input": d_c * v["candidate"], "candidate": d_c * v["input"]}
            d_pre = {g: d_value[g] * ((1 - v[g] ** 2) if g == "candidate" else v[g] * (1 - v[g]))
                     for g in GATES}
            for g in GATES:
                grad[g] += d_pre[g] * np.array([h_in, x, 1.0])
            d_h = sum(d_pre[g] * w[g][0] for g in GATES)
            d_c_next, f_next = d_c, v["forget"]
    return loss, grad


def main():
    lesson = json.loads((FIXTURES / "scalar.lesson.json").read_text())
    torch_case = json.loads((FIXTURES / "scalar-adam.json").read_text())
    arguments = torch_case["arguments"]
    lr = float(arguments[arguments.index("--learning-rate") + 1])
    epochs = int(arguments[arguments.index("--epochs") + 1])
    examples = [(s["values"], s["target"]) for s in lesson["sequences"] if "target" in s]
    w = {g: np.array([lesson["model"][g][k] for k in KEYS], dtype=np.float64) for g in GATES}
    m = {g: np.zeros(3) for g in GATES}
    v = {g: np.zeros(3) for g in GATES}
    b1, b2, eps = 0.9, 0.999, 1e-8
    losses = []
    for t in range(1, epochs + 1):
        loss, grad = loss_and_gradient(w, examples)
        losses.append(float(loss))
        for g in GATES:
            m[g] = b1 * m[g] + (1 - b1) * grad[g]
            v[g] = b2 * v[g] + (1 - b2) * grad[g] ** 2
            w[g] = w[g] - lr * (m[g] / (1 - b1**t)) / (np.sqrt(v[g] / (1 - b2**t)) + eps)
    final, _ = loss_and_gradient(w, examples)
    model = {g: dict(zip(KEYS, map(float, w[g]))) for g in GATES}
    (FIXTURES / "scalar-adam.numpy.json").write_text(json.dumps({
        "lesson": "scalar.lesson.json", "arguments": arguments,
        "source": "numpy, an independent Adam and backward pass", "losses": losses,
        "finalLoss": float(final), "model": model}, indent=1) + "\n")
    loss_gap = max(abs(a - b) / abs(b) for a, b in zip(losses, torch_case["losses"]))
    weight_gap = max(abs(model[g][k] - torch_case["model"][g][k]) / abs(torch_case["model"][g][k])
                     for g in GATES for k in KEYS)
    print(f"scalar-adam.numpy.json: {epochs} epochs; against torch, largest relative difference "
          f"{loss_gap:.2e} in a loss, {weight_gap:.2e} in a final weight")


if __name__ == "__main__":
    main()
