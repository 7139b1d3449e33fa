#!/usr/bin/env python3
"""Writes a sequences CSV of STEPS timesteps for lstmviz: a header row, one column, one row a step.

The values are a bounded random walk in [0, 1] from a fixed seed, so every run benchmarks the same
file. Usage: make_sequences.py STEPS OUTPUT.csv
"""

import random
import sys


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: make_sequences.py STEPS OUTPUT.csv")
    steps = int(sys.argv[1])
    generator = random.Random(20261124)
    value = 0.5
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("Random walk\n")
        rows = []
        for _ in range(steps):
            value = min(1.0, max(0.0, value + generator.uniform(-0.1, 0.1)))
            rows.append(f"{value:.6f}\n")
        out.write("".join(rows))


if __name__ == "__main__":
    main()
