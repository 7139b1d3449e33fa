#!/usr/bin/env python3
"""Writes the vector gradient references beside this script, with an independent numpy BPTT.

    python3 Tests/Fixtures/golden/make_gradient_references.py

The same code first reproduces the four StatQuest gradient files (computed with PyTorch autograd
in float64) to 1e-12, and every gradient it writes is checked against central differences, so
the references do not rest on this code alone. The tests read the JSON; they never run Python.

Files written (the shapes of `statquest.gradients.json` and `statquest.rnn-gradients.json`,
plus `model`, each sequence's `target`, each step's gate `x` gradients and the direct-path
product, and for the RNN the self-loop factor):
    vector-3x2.lstm-gradients.json, vector-3x2.lstm-loss-gradients.json
    vector-3x2.rnn-gradients.json,  vector-3x2.rnn-loss-gradients.json
"""

import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GATES = ["forget", "input", "candidate", "output"]


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm_forward(model, inputs):
    """Every number of every step; `model[gate]` = (W_stm n×n, W_in n×m, b n)."""
    n = model["forget"][0].shape[0]
    stm, ltm = np.zeros(n), np.zeros(n)
    steps = []
    for x_in in inputs:
        xs = {g: model[g][0] @ stm + model[g][1] @ x_in + model[g][2] for g in GATES}
        vals = {g: (np.tanh(xs[g]) if g == "candidate" else sigmoid(xs[g])) for g in GATES}
        remembered = vals["forget"] * ltm
        added = vals["input"] * vals["candidate"]
        new_ltm = remembered + added
        potential = np.tanh(new_ltm)
        new_stm = vals["output"] * potential
        steps.append(dict(input=x_in, stmIn=stm, ltmIn=ltm, x=xs, value=vals,
                          ltmRemembered=remembered, ltmAdded=added, ltm=new_ltm,
                          stmPotential=potential, stm=new_stm))
        stm, ltm = new_stm, new_ltm
    return steps


def objective(prediction, target, kind):
    if kind == "prediction":
        return prediction[0], np.eye(len(prediction))[0]
    residual = prediction - target
    return float(residual @ residual), 2 * residual


def lstm_backward(model, steps, target, kind):
    n = model["forget"][0].shape[0]
    T = len(steps)
    value, seed = objective(steps[-1]["stm"], target, kind)
    d_stm = [None] * (T + 1)
    d_ltm = [None] * (T + 1)
    d_input = [None] * T
    d_x = [None] * T
    direct = [None] * (T + 1)
    grads = {g: [np.zeros((n, n)), np.zeros_like(model[g][1]), np.zeros(n)] for g in GATES}
    d_stm[T] = seed.copy()
    carried = np.zeros(n)
    direct[T] = np.ones(n)
    for t in range(T, 0, -1):
        s = steps[t - 1]
        v = s["value"]
        d_ltm[t] = carried + d_stm[t] * v["output"] * (1 - s["stmPotential"] ** 2)
        dv = {"output": d_stm[t] * s["stmPotential"], "forget": d_ltm[t] * s["ltmIn"],
              "input": d_ltm[t] * v["candidate"], "candidate": d_ltm[t] * v["input"]}
        dx = {g: dv[g] * (1 - v[g] ** 2 if g == "candidate" else v[g] * (1 - v[g]))
              for g in GATES}
        d_x[t - 1] = dx
        d_stm[t - 1] = sum(model[g][0].T @ dx[g] for g in GATES)
        d_input[t - 1] = sum(model[g][1].T @ dx[g] for g in GATES)
        for g in GATES:
            grads[g][0] += np.outer(dx[g], s["stmIn"])
            grads[g][1] += np.outer(dx[g], s["input"])
            grads[g][2] += dx[g]
        carried = d_ltm[t] * v["forget"]
        direct[t - 1] = direct[t] * v["forget"]
    d_ltm[0] = carried
    return dict(value=value, stm=d_stm, ltm=d_ltm, input=d_input, x=d_x, direct=direct,
                weights=grads)


def rnn_forward(model, inputs):
    w_h, w_x, b = model
    h = np.zeros(w_h.shape[0])
    steps = []
    for x_in in inputs:
        x = w_h @ h + w_x @ x_in + b
        new_h = np.tanh(x)
        steps.append(dict(input=x_in, stmIn=h, x=x, stm=new_h))
        h = new_h
    return steps


def rnn_backward(model, steps, target, kind):
    w_h, w_x, _ = model
    n = w_h.shape[0]
    T = len(steps)
    value, seed = objective(steps[-1]["stm"], target, kind)
    d_h = [None] * (T + 1)
    d_input = [None] * T
    d_x = [None] * T
    factor = [None] * T
    product = [None] * (T + 1)
    grads = [np.zeros_like(w_h), np.zeros_like(w_x), np.zeros(n)]
    d_h[T] = seed.copy()
    product[T] = np.ones(n)
    for t in range(T, 0, -1):
        s = steps[t - 1]
        dx = d_h[t] * (1 - s["stm"] ** 2)
        d_x[t - 1] = dx
        d_h[t - 1] = w_h.T @ dx
        d_input[t - 1] = w_x.T @ dx
        grads[0] += np.outer(dx, s["stmIn"])
        grads[1] += np.outer(dx, s["input"])
        grads[2] += dx
        factor[t - 1] = np.diag(w_h) * (1 - s["stm"] ** 2)
        product[t - 1] = product[t] * factor[t - 1]
    return dict(value=value, stm=d_h, input=d_input, x=d_x, factor=factor, product=product,
                weights=grads)


# --- independent checks ---------------------------------------------------------------------


def lstm_objective(model, inputs, target, kind):
    return objective(lstm_forward(model, inputs)[-1]["stm"], target, kind)[0]


def rnn_objective(model, inputs, target, kind):
    return objective(rnn_forward(model, inputs)[-1]["stm"], target, kind)[0]


def central(f, array, index, h=1e-6):
    old = array[index]
    array[index] = old + h
    up = f()
    array[index] = old - h
    down = f()
    array[index] = old
    return (up - down) / (2 * h)


def check_close(got, want, what, tol):
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    scale = max(1.0, float(np.max(np.abs(want))) if want.size else 1.0)
    error = float(np.max(np.abs(got - want))) if want.size else 0.0
    assert error <= tol * scale, f"{what}: off by {error}"


def check_lstm_by_differences(model, inputs, target, kind, back):
    f = lambda: lstm_objective(model, inputs, target, kind)
    for g in GATES:
        for part in range(3):
            array = model[g][part]
            for index in np.ndindex(array.shape):
                check_close(back["weights"][g][part][index], central(f, array, index),
                            f"{kind} {g}[{part}]{index}", 1e-7)
    for t in range(len(inputs)):
        for k in range(inputs.shape[1]):
            check_close(back["input"][t][k], central(f, inputs, (t, k)), f"input {t}", 1e-7)


def check_rnn_by_differences(model, inputs, target, kind, back):
    f = lambda: rnn_objective(model, inputs, target, kind)
    for part in range(3):
        for index in np.ndindex(model[part].shape):
            check_close(back["weights"][part][index], central(f, model[part], index),
                        f"rnn {kind} [{part}]{index}", 1e-7)
    for t in range(len(inputs)):
        for k in range(inputs.shape[1]):
            check_close(back["input"][t][k], central(f, inputs, (t, k)), f"input {t}", 1e-7)


STATQUEST = {"forget": (2.70, 1.63, 1.62), "input": (2.00, 1.65, 0.62),
             "candidate": (1.41, 0.94, -0.32), "output": (4.38, -0.19, 0.59)}
STATQUEST_RNN = (1.89, 2.29, -0.70)
COMPANIES = [("Company A", [0, 0.5, 0.25, 1], 0.0), ("Company B", [1, 0.5, 0.25, 1], 1.0)]


def reproduce_statquest():
    lstm = {g: (np.array([[w[0]]]), np.array([[w[1]]]), np.array([w[2]]))
            for g, w in STATQUEST.items()}
    rnn = (np.array([[STATQUEST_RNN[0]]]), np.array([[STATQUEST_RNN[1]]]),
           np.array([STATQUEST_RNN[2]]))
    for name, kind in [("statquest.gradients.json", "prediction"),
                       ("statquest.loss-gradients.json", "loss")]:
        golden = json.load(open(os.path.join(HERE, name)))
        for (_, values, target), sequence in zip(COMPANIES, golden["sequences"]):
            inputs = np.array(values, dtype=float)[:, None]
            steps = lstm_forward(lstm, inputs)
            back = lstm_backward(lstm, steps, np.array([target]), kind)
            for t, step in enumerate(sequence["steps"], start=1):
                for key in ["ltm", "stm", "input"]:
                    got = back[key][t - 1] if key == "input" else back[key][t]
                    check_close(got, step["gradients"][key], f"{name} {key} t={t}", 1e-12)
            for g in GATES:
                for part, key in enumerate(["stmWeight", "inputWeight", "bias"]):
                    check_close(back["weights"][g][part], sequence["weightGradients"][g][key],
                                f"{name} {g}.{key}", 1e-12)
            if kind == "loss":
                check_close(back["value"], sequence["loss"], "loss", 1e-12)
    for name, kind in [("statquest.rnn-gradients.json", "prediction"),
                       ("statquest.rnn-loss-gradients.json", "loss")]:
        golden = json.load(open(os.path.join(HERE, name)))
        for (_, values, target), sequence in zip(COMPANIES, golden["sequences"]):
            inputs = np.array(values, dtype=float)[:, None]
            steps = rnn_forward(rnn, inputs)
            back = rnn_backward(rnn, steps, np.array([target]), kind)
            for t, step in enumerate(sequence["steps"], start=1):
                check_close(back["stm"][t], step["gradients"]["stm"], f"{name} stm", 1e-12)
                check_close(back["input"][t - 1], step["gradients"]["input"], name, 1e-12)
                check_close(steps[t - 1]["x"], step["x"], f"{name} x", 1e-12)
            for part, key in enumerate(["stmWeight", "inputWeight", "bias"]):
                check_close(back["weights"][part], sequence["weightGradients"][key],
                            f"{name} {key}", 1e-12)
            if kind == "loss":
                check_close(back["value"], sequence["loss"], "loss", 1e-12)


# --- writing --------------------------------------------------------------------------------


def listed(a):
    return np.asarray(a, dtype=float).tolist()


def weights_json(w_stm, w_in, b):
    return {"stmWeight": listed(w_stm), "inputWeight": listed(w_in), "bias": listed(b)}


def write(name, document):
    with open(os.path.join(HERE, name), "w") as file:
        json.dump(document, file, indent=1)
        file.write("\n")


def write_lstm(model, sequences, kind, name):
    n, m = model["forget"][1].shape
    out = []
    for label, inputs, target in sequences:
        steps = lstm_forward(model, inputs)
        back = lstm_backward(model, steps, target, kind)
        check_lstm_by_differences(model, inputs, target, kind, back)
        written = []
        for t, s in enumerate(steps, start=1):
            written.append({
                "t": t, "input": listed(s["input"]), "stmIn": listed(s["stmIn"]),
                "ltmIn": listed(s["ltmIn"]),
                "gates": {g: {"x": listed(s["x"][g]), "value": listed(s["value"][g])}
                          for g in GATES},
                "ltmRemembered": listed(s["ltmRemembered"]), "ltmAdded": listed(s["ltmAdded"]),
                "ltm": listed(s["ltm"]), "stmPotential": listed(s["stmPotential"]),
                "stm": listed(s["stm"]),
                "gradients": {"ltm": listed(back["ltm"][t]), "stm": listed(back["stm"][t]),
                              "input": listed(back["input"][t - 1]),
                              "x": {g: listed(back["x"][t - 1][g]) for g in GATES},
                              "directPath": listed(back["direct"][t])}})
        entry = {"name": label, "target": listed(target), "prediction": listed(steps[-1]["stm"]),
                 "initialGradients": {"ltm": listed(back["ltm"][0]),
                                      "stm": listed(back["stm"][0]),
                                      "directPath": listed(back["direct"][0])},
                 "steps": written,
                 "weightGradients": {g: weights_json(*back["weights"][g]) for g in GATES}}
        if kind == "loss":
            entry["loss"] = back["value"]
        out.append(entry)
    write(name, {"title": "random vector LSTM (numpy BPTT, checked by central differences)",
                 "inputSize": m, "hiddenSize": n,
                 "gradientOf": "prediction unit 1" if kind == "prediction" else "loss",
                 "model": {g: weights_json(*model[g]) for g in GATES}, "sequences": out})


def write_rnn(model, sequences, kind, name):
    n, m = model[1].shape
    out = []
    for label, inputs, target in sequences:
        steps = rnn_forward(model, inputs)
        back = rnn_backward(model, steps, target, kind)
        check_rnn_by_differences(model, inputs, target, kind, back)
        written = [{"t": t, "input": listed(s["input"]), "stmIn": listed(s["stmIn"]),
                    "x": listed(s["x"]), "stm": listed(s["stm"]),
                    "gradients": {"stm": listed(back["stm"][t]),
                                  "input": listed(back["input"][t - 1]),
                                  "x": listed(back["x"][t - 1]),
                                  "selfLoopFactor": listed(back["factor"][t - 1]),
                                  "directPath": listed(back["product"][t])}}
                   for t, s in enumerate(steps, start=1)]
        entry = {"name": label, "target": listed(target), "prediction": listed(steps[-1]["stm"]),
                 "initialGradients": {"stm": listed(back["stm"][0]),
                                      "directPath": listed(back["product"][0])},
                 "steps": written, "weightGradients": weights_json(*back["weights"])}
        if kind == "loss":
            entry["loss"] = back["value"]
        out.append(entry)
    write(name, {"title": "random vector RNN (numpy BPTT, checked by central differences)",
                 "inputSize": m, "hiddenSize": n, "cell": "rnn",
                 "gradientOf": "prediction unit 1" if kind == "prediction" else "loss",
                 "model": weights_json(*model), "sequences": out})


def main():
    reproduce_statquest()
    rng = np.random.default_rng(20240611)
    n, m, T = 3, 2, 14
    lstm = {g: (rng.normal(0, 0.8, (n, n)), rng.normal(0, 0.8, (n, m)), rng.normal(0, 0.5, n))
            for g in GATES}
    rnn = (rng.normal(0, 0.7, (n, n)), rng.normal(0, 0.8, (n, m)), rng.normal(0, 0.3, n))
    ts = np.arange(T)
    sequences = [
        ("wave", np.stack([np.sin(0.5 * ts), np.cos(0.3 * ts)], axis=1),
         np.array([0.25, -0.5, 0.75])),
        ("noise", rng.normal(0, 1.0, (T + 2, m)), np.array([-0.3, 0.1, 0.6])),
    ]
    write_lstm(lstm, sequences, "prediction", "vector-3x2.lstm-gradients.json")
    write_lstm(lstm, sequences, "loss", "vector-3x2.lstm-loss-gradients.json")
    write_rnn(rnn, sequences, "prediction", "vector-3x2.rnn-gradients.json")
    write_rnn(rnn, sequences, "loss", "vector-3x2.rnn-loss-gradients.json")
    print("statquest gradients reproduced to 1e-12; vector references written and checked")


if __name__ == "__main__":
    main()
