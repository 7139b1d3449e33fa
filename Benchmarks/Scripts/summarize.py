#!/usr/bin/env python3
"""Prints the figures of run-process-benchmarks.sh as a markdown table, against the targets.

Usage: summarize.py WORK_DIR (the folder where the script left hyperfine's JSON exports).
"""

import json
import statistics
import sys
from pathlib import Path

KEYS_EXTRA = 400  # the "many" run presses 402 keys, the "few" run 2


def medians(path: Path) -> list[float]:
    """The median seconds of each command of a hyperfine JSON export, in order."""
    return [result["median"] for result in json.loads(path.read_text())["results"]]


def per_key_ms(path: Path) -> float:
    few, many = medians(path)
    return (many - few) / KEYS_EXTRA * 1000


def compare_rows(swift_csv: Path, numpy_csv: Path) -> str:
    """How closely the numpy reference's rows match lstmviz's."""
    swift_rows = swift_csv.read_text().splitlines()
    numpy_rows = numpy_csv.read_text().splitlines()
    if swift_rows[0] != numpy_rows[0] or len(swift_rows) != len(numpy_rows):
        return "rows differ in header or count"
    fields = identical = 0
    worst = 0.0
    for swift_row, numpy_row in zip(swift_rows[1:], numpy_rows[1:]):
        for a, b in zip(swift_row.split(","), numpy_row.split(",")):
            fields += 1
            if a == b:
                identical += 1
                continue
            worst = max(worst, abs(float(a) - float(b)))
    return (
        f"same header and {len(swift_rows) - 1} rows; {identical} of {fields} fields "
        f"identical as text, largest difference {worst:.1e} (numpy's own tanh/exp, last bits)"
    )


def main() -> None:
    work = Path(sys.argv[1])
    cold = medians(work / "cold.json")[0] * 1000
    key_100 = per_key_ms(work / "keys-100.json")
    key_1e6 = per_key_ms(work / "keys-1000000.json")
    load, loadtxt = medians(work / "load.json")
    rss = statistics.median(int(line) for line in (work / "load-rss.txt").read_text().split())
    swift_trace, numpy_trace = medians(work / "trace.json")
    ratio = numpy_trace / swift_trace

    def mark(ok: bool) -> str:
        return "yes" if ok else "NO"

    rows = [
        ("cold start to first frame (render 120x40)", f"{cold:.1f} ms", "<= 30 ms", cold <= 30),
        ("key press from outside, 10^2 steps", f"{key_100:.3f} ms", "", True),
        (
            "key press from outside, 10^6 steps",
            f"{key_1e6:.3f} ms ({key_1e6 / key_100:.2f}x of 10^2)",
            "<= 0.5 ms, <= 1.5x",
            key_1e6 <= 0.5 and key_1e6 <= 1.5 * key_100,
        ),
        (
            "10^6-step CSV: load, run every step, first frame",
            f"{load:.3f} s, peak RSS {rss / 1024:.0f} MB (numpy.loadtxt alone: {loadtxt:.3f} s)",
            "RSS <= 100 MB",
            rss / 1024 <= 100,
        ),
        (
            "trace --format csv, 10^6 steps",
            f"lstmviz {swift_trace:.2f} s, numpy {numpy_trace:.1f} s: {ratio:.0f}x",
            ">= 20x",
            ratio >= 20,
        ),
    ]
    interactive = work / "interactive.txt"
    if interactive.exists():
        cpu = statistics.median(float(line) for line in interactive.read_text().split())
        rows.append(
            (
                "interactive program under tmux, CPU per key press (ncurses, tty writes)",
                f"{cpu / 400 * 1000:.2f} ms",
                "",
                True,
            )
        )
    print()
    print("| figure (median) | measured | target | met |")
    print("|---|---|---|---|")
    for name, value, target, ok in rows:
        print(f"| {name} | {value} | {target} | {mark(ok) if target else ''} |")
    print()
    print("numpy reference rows (100 steps):", compare_rows(work / "swift-100.csv", work / "numpy-100.csv"))
    print("(loading alone, <= 0.2 s, is measured in process by the LoadBenchmarks suite; the")
    print(" whole-process figure above also runs the 10^6 steps and lays out the first frame)")


if __name__ == "__main__":
    main()
