#!/usr/bin/env bash
# Whole-process benchmarks of a release build of lstmviz, each a median of several runs:
#   1. cold start to a first rendered frame (`lstmviz render`, built-in lesson, 120x40);
#   2. the cost of one key press from outside: `lstmviz render --all-frames` with 402 keys against
#      2 keys, on sequences of 10^2 and 10^6 steps (each key: reduce, lay out and write a frame);
#   3. loading a 10^6-step CSV and showing its first frame: time and peak RSS, beside the time
#      numpy.loadtxt takes to read the same file;
#   4. `lstmviz trace --format csv` over 10^6 steps against the plain numpy reference
#      (Scripts/numpy_trace.py), timed in the same hyperfine run: the ratio is the figure;
#   6. backpropagation through time over 10^5 steps, `trace --gradients --format csv` against the
#      plain numpy BPTT (Scripts/numpy_bptt.py), which also prints its own backward-pass time;
#   5. if tmux is there, the CPU time of the interactive program per key press (drawing through
#      ncurses and writing to the terminal included).
#
# Needs: hyperfine, GNU time (/usr/bin/time) and python3 with numpy.
#   apt-get install hyperfine time python3-numpy
# Environment: RUNS (default 10) runs per Swift measurement (twice that for the key presses, whose
# figure is a small difference of two large times; three times for the cold start), NUMPY_RUNS
# (default 3).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${RUNS:-10}
numpy_runs=${NUMPY_RUNS:-3}

for tool in hyperfine /usr/bin/time python3; do
  if ! command -v "$tool" > /dev/null; then
    echo "run-process-benchmarks: $tool is missing; apt-get install hyperfine time python3-numpy" >&2
    exit 2
  fi
done
if ! python3 -c "import numpy" 2> /dev/null; then
  echo "run-process-benchmarks: python3 has no numpy; apt-get install python3-numpy" >&2
  exit 2
fi

echo "== building lstmviz (release)"
swift build -c release --product lstmviz --package-path "$root" 2>&1 | tail -1
bin="$root/.build/release/lstmviz"
lesson="$root/Tests/Fixtures/golden/statquest.lesson.json"

work=$(mktemp -d "${TMPDIR:-/tmp}/lstmviz-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 "$here/Scripts/make_sequences.py" 100 "$work/steps-100.csv"
python3 "$here/Scripts/make_sequences.py" 1000000 "$work/steps-1000000.csv"

few="right left"
many=$(printf 'right left %.0s' $(seq 201))

echo "== 1. cold start to first frame"
hyperfine -N --warmup 3 --runs $((runs * 3)) --export-json "$work/cold.json" \
  "$bin render --size 120x40"

echo "== 2. key presses from outside (402 keys against 2, --all-frames)"
for steps in 100 1000000; do
  csv="$work/steps-$steps.csv"
  hyperfine -N --warmup 2 --runs $((runs * 2)) --export-json "$work/keys-$steps.json" \
    -n "$steps steps, 2 keys" "$bin render --sequences $csv --size 120x40 --all-frames --keys '$few'" \
    -n "$steps steps, 402 keys" "$bin render --sequences $csv --size 120x40 --all-frames --keys '$many'"
done

echo "== 3. a 10^6-step CSV: load, run and first frame (numpy.loadtxt of the same file beside it)"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/load.json" \
  "$bin render --sequences $work/steps-1000000.csv --size 120x40" \
  "python3 $here/Scripts/loadtxt.py $work/steps-1000000.csv"
for _ in $(seq 5); do
  /usr/bin/time -f "%M" "$bin" render --sequences "$work/steps-1000000.csv" --size 120x40 \
    2>> "$work/load-rss.txt" > /dev/null
done

echo "== 4. trace --format csv over 10^6 steps: lstmviz against numpy"
hyperfine -N --warmup 0 --runs "$numpy_runs" --export-json "$work/trace.json" \
  -n "lstmviz trace --format csv" "$bin trace $lesson --sequences $work/steps-1000000.csv --format csv" \
  -n "numpy reference" "python3 $here/Scripts/numpy_trace.py $lesson $work/steps-1000000.csv"
"$bin" trace "$lesson" --sequences "$work/steps-100.csv" --format csv > "$work/swift-100.csv"
python3 "$here/Scripts/numpy_trace.py" "$lesson" "$work/steps-100.csv" > "$work/numpy-100.csv"

echo "== 6. gradients (backpropagation through time) over 10^5 steps: lstmviz against numpy"
python3 "$here/Scripts/make_sequences.py" 100000 "$work/steps-100000.csv"
hyperfine -N --warmup 0 --runs "$numpy_runs" --export-json "$work/gradients.json" \
  -n "lstmviz trace --gradients --format csv" \
  "$bin trace $lesson --sequences $work/steps-100000.csv --gradients --format csv" \
  -n "numpy BPTT" "python3 $here/Scripts/numpy_bptt.py $lesson $work/steps-100000.csv"
python3 "$here/Scripts/numpy_bptt.py" "$lesson" "$work/steps-100000.csv" | tee "$work/numpy-bptt.txt"

if command -v tmux > /dev/null; then
  echo "== 5. the interactive program under tmux: CPU for 400 key presses, 5 sessions"
  for _ in $(seq 5); do
    "$here/Scripts/interactive_cpu.sh" "$bin" "$work/steps-100.csv" 400 >> "$work/interactive.txt"
  done
fi

python3 "$here/Scripts/summarize.py" "$work"
