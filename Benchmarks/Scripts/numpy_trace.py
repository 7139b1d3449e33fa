#!/usr/bin/env python3
"""The reference for `lstmviz trace LESSON --sequences FILE.csv --format csv`, in plain numpy.

The same per-step computation (DESIGN §1, stable sigmoid), written the plain way: one timestep at
a time, each gate a numpy matrix-vector product, every row written with Python's shortest
round-trip float text, which is what lstmviz writes. The benchmark script times the two against
each other on the same million-step file.

Usage: numpy_trace.py LESSON.json SEQUENCES.csv > trace.csv
LESSON.json holds a scalar-gate model ({"model": {"forget": {"stmWeight", "inputWeight", "bias"},
...}}); SEQUENCES.csv has a header of names, one column per sequence, one row per timestep.
"""

import json
import sys

import numpy as np

GATES = ("forget", "input", "candidate", "output")
COLUMNS = (
    "stmIn", "ltmIn", "forget_x", "forget_value", "ltmRemembered", "candidate_x",
    "candidate_value", "input_x", "input_value", "ltmAdded", "ltm", "stmPotential",
    "output_x", "output_value", "stm",
)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """exp(x)/(exp(x)+1) without overflow: 1/(1+exp(-x)) for x >= 0, exp(x)/(1+exp(x)) below."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def load_model(path: str):
    with open(path, encoding="utf-8") as f:
        model = json.load(f)["model"]
    stm_w = {g: np.array([[float(model[g]["stmWeight"])]]) for g in GATES}
    in_w = {g: np.array([[float(model[g]["inputWeight"])]]) for g in GATES}
    bias = {g: np.array([float(model[g]["bias"])]) for g in GATES}
    return stm_w, in_w, bias


def load_sequences(path: str):
    with open(path, encoding="utf-8") as f:
        names = f.readline().rstrip("\r\n").split(",")
    values = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return [(name, values[:, [k]]) for k, name in enumerate(names)]


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: numpy_trace.py LESSON.json SEQUENCES.csv")
    stm_w, in_w, bias = load_model(sys.argv[1])
    n = bias["forget"].shape[0]
    out = sys.stdout
    out.write(",".join(("sequence", "t", "unit", "input") + COLUMNS) + "\n")
    for name, inputs in load_sequences(sys.argv[2]):
        stm = np.zeros(n)
        ltm = np.zeros(n)
        lines = []
        for t, x_in in enumerate(inputs, start=1):
            x = {g: stm_w[g] @ stm + in_w[g] @ x_in + bias[g] for g in GATES}
            forget = sigmoid(x["forget"])
            retained = sigmoid(x["input"])
            potential_ltm = np.tanh(x["candidate"])
            output = sigmoid(x["output"])
            remembered = forget * ltm
            added = retained * potential_ltm
            new_ltm = remembered + added
            potential_stm = np.tanh(new_ltm)
            new_stm = output * potential_stm
            quantities = (
                stm, ltm, x["forget"], forget, remembered, x["candidate"], potential_ltm,
                x["input"], retained, added, new_ltm, potential_stm, x["output"], output, new_stm,
            )
            for unit in range(n):
                fields = [name, str(t), str(unit + 1), repr(float(x_in[0]))]
                fields += [repr(float(q[unit])) for q in quantities]
                lines.append(",".join(fields))
            if len(lines) >= 4096:
                out.write("\n".join(lines) + "\n")
                lines = []
            stm, ltm = new_stm, new_ltm
        if lines:
            out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
