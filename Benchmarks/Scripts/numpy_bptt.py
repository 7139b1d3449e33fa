#!/usr/bin/env python3
"""Backpropagation through time in plain numpy, the reference for lstmviz's gradients.

The LSTM of LESSON (scalar gates) over the first sequence of SEQUENCES.csv, J = the prediction:
a forward pass that keeps every gate, then the backward pass written the plain way, one timestep
at a time, each gate a numpy matrix-vector product (the formulas of issue 12 and of
Tests/Fixtures/golden/make_gradient_references.py). Prints the seconds of the forward and of the
backward pass and dJ/dLTM_0, so that a run can be checked against
`lstmviz trace LESSON --sequences FILE --gradients --format csv`.

Usage: numpy_bptt.py LESSON.json SEQUENCES.csv
"""

import sys
import time

import numpy as np

from numpy_trace import GATES, load_model, load_sequences, sigmoid


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: numpy_bptt.py LESSON.json SEQUENCES.csv")
    stm_w, in_w, bias = load_model(sys.argv[1])
    _, inputs = load_sequences(sys.argv[2])[0]
    n = bias["forget"].shape[0]
    start = time.perf_counter()
    stm, ltm = np.zeros(n), np.zeros(n)
    steps = []
    for x_in in inputs:
        x = {g: stm_w[g] @ stm + in_w[g] @ x_in + bias[g] for g in GATES}
        v = {g: np.tanh(x[g]) if g == "candidate" else sigmoid(x[g]) for g in GATES}
        new_ltm = v["forget"] * ltm + v["input"] * v["candidate"]
        potential = np.tanh(new_ltm)
        steps.append((x_in, stm, ltm, v, potential))
        stm, ltm = v["output"] * potential, new_ltm
    forward = time.perf_counter() - start
    start = time.perf_counter()
    d_stm = np.eye(n)[0]
    carried = np.zeros(n)
    grads = {g: [np.zeros((n, n)), np.zeros((n, 1)), np.zeros(n)] for g in GATES}
    for x_in, stm_in, ltm_in, v, potential in reversed(steps):
        d_ltm = carried + d_stm * v["output"] * (1 - potential**2)
        dv = {"output": d_stm * potential, "forget": d_ltm * ltm_in,
              "input": d_ltm * v["candidate"], "candidate": d_ltm * v["input"]}
        dx = {g: dv[g] * (1 - v[g] ** 2 if g == "candidate" else v[g] * (1 - v[g]))
              for g in GATES}
        for g in GATES:
            grads[g][0] += np.outer(dx[g], stm_in)
            grads[g][1] += np.outer(dx[g], x_in)
            grads[g][2] += dx[g]
        d_stm = sum(stm_w[g].T @ dx[g] for g in GATES)
        carried = d_ltm * v["forget"]
    backward = time.perf_counter() - start
    print(f"steps {len(steps)} forward {forward:.3f} s backward {backward:.3f} s "
          f"dJ/dLTM_0 {carried[0]!r}")


if __name__ == "__main__":
    main()
