#!/usr/bin/env python3
"""torch's time for one training epoch of a lesson, the reference for `lstmviz train`'s speed.

The same training as `lstmviz train LESSON` with its defaults: the lesson's scalar LSTM as an
nn.LSTM(1, 1) in float64 (its bias as bias_ih, bias_hh zero), the loss sum((h_T - target)**2) over
the sequences with a target, loss.backward() and torch.optim.Adam(lr=0.1).step(), on one CPU
thread. Also the same cell written in scalar torch operations, one tensor per weight, as the
reference trajectories (Scripts/make_training_references.py) write it. Prints the median
microseconds per epoch of REPEATS runs of EPOCHS epochs each, after a warm-up.

Usage: torch_train_epoch.py LESSON.json [EPOCHS] [REPEATS]
"""

import json
import statistics
import sys
import time

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
GATES = ["forget", "input", "candidate", "output"]
ORDER = ["input", "forget", "candidate", "output"]  # nn.LSTM's blocks i, f, g, o


def module_trainer(lesson):
    model = lesson["model"]
    lstm = torch.nn.LSTM(1, 1)
    with torch.no_grad():
        lstm.weight_ih_l0.copy_(torch.tensor([[model[g]["inputWeight"]] for g in ORDER]))
        lstm.weight_hh_l0.copy_(torch.tensor([[model[g]["stmWeight"]] for g in ORDER]))
        lstm.bias_ih_l0.copy_(torch.tensor([model[g]["bias"] for g in ORDER]))
        lstm.bias_hh_l0.zero_()
    examples = [(torch.tensor(s["values"]).reshape(-1, 1), torch.tensor([float(s["target"])]))
                for s in lesson["sequences"] if "target" in s]
    optimizer = torch.optim.Adam(lstm.parameters(), lr=0.1)

    def epoch():
        optimizer.zero_grad()
        loss = 0
        for x, target in examples:
            _, (h, _) = lstm(x)
            loss = loss + ((h[0] - target) ** 2).sum()
        loss.backward()
        optimizer.step()
        return loss.item()
    return epoch


def scalar_trainer(lesson):
    model = lesson["model"]
    p = [torch.tensor(float(model[g][k]), requires_grad=True)
         for g in GATES for k in ("stmWeight", "inputWeight", "bias")]
    examples = [(s["values"], float(s["target"])) for s in lesson["sequences"] if "target" in s]
    optimizer = torch.optim.Adam(p, lr=0.1)

    def cell(values):
        h = torch.zeros(())
        c = torch.zeros(())
        for x in values:
            z = {g: p[3 * k] * h + p[3 * k + 1] * x + p[3 * k + 2] for k, g in enumerate(GATES)}
            c = torch.sigmoid(z["forget"]) * c + torch.sigmoid(z["input"]) * torch.tanh(z["candidate"])
            h = torch.sigmoid(z["output"]) * torch.tanh(c)
        return h

    def epoch():
        optimizer.zero_grad()
        loss = sum((cell(values) - target) ** 2 for values, target in examples)
        loss.backward()
        optimizer.step()
        return loss.item()
    return epoch


def measure(make, lesson, epochs, repeats):
    times = []
    for _ in range(repeats):
        epoch = make(lesson)
        for _ in range(20):
            epoch()
        start = time.perf_counter()
        for _ in range(epochs):
            epoch()
        times.append((time.perf_counter() - start) / epochs * 1e6)
    return statistics.median(times), min(times), max(times)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: torch_train_epoch.py LESSON.json [EPOCHS] [REPEATS]")
    lesson = json.load(open(sys.argv[1]))
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    print(f"torch {torch.__version__}, float64, 1 thread, {sys.argv[1]}, {epochs} epochs x {repeats}")
    for name, make in [("nn.LSTM(1, 1)", module_trainer), ("scalar torch ops", scalar_trainer)]:
        median, low, high = measure(make, lesson, epochs, repeats)
        print(f"{name}: median {median:.1f} us/epoch (min {low:.1f}, max {high:.1f}), "
              f"{1e6 / median:.0f} epochs/s")


if __name__ == "__main__":
    main()
