#!/usr/bin/env bash
# Two release builds side by side, in one hyperfine run each, so that a change is measured
# against what came before it on the same machine at the same time:
#   1. a key press and its frame at 10^6 steps: `render --all-frames` with 402 keys against 2
#      (the difference over 400 is one key: reduce, lay out, write the frame);
#   2. the first frame of a 10^6-step CSV (load, run, first frame);
#   3. `trace --format csv` over 10^6 steps.
# Usage: Benchmarks/compare-revisions.sh BASE [HEAD]   (git revisions; HEAD by default)
# Needs: hyperfine, python3. Builds each revision in a worktree under $TMPDIR with its own
# scratch folder, so the checkout's own .build is not touched. RUNS (default 10) per command.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
base=${1:?usage: compare-revisions.sh BASE [HEAD]}
head=${2:-HEAD}
runs=${RUNS:-10}
command -v hyperfine > /dev/null || { echo "compare-revisions: apt-get install hyperfine" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/lstmviz-compare.XXXXXX")
cleanup() {
  for name in base head; do git -C "$root" worktree remove --force "$work/$name" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

build() { # name revision
  git -C "$root" worktree add --detach "$work/$1" "$2" > /dev/null 2>&1
  echo "== building $1 ($(git -C "$root" rev-parse --short "$2"), release)"
  swift build -c release --product lstmviz --package-path "$work/$1" \
    --scratch-path "$work/$1/.build-compare" 2>&1 | tail -1
  ln -s "$work/$1/.build-compare/release/lstmviz" "$work/lstmviz-$1"
}
build base "$base"
build head "$head"

python3 "$here/Scripts/make_sequences.py" 1000000 "$work/steps.csv"
# Each build traces its own revision's lesson (a newer lesson may hold keys an older build refuses).
lesson=Tests/Fixtures/golden/statquest.lesson.json
few="right left"
many=$(printf 'right left %.0s' $(seq 201))

echo "== 1. key presses at 10^6 steps (402 keys against 2)"
hyperfine -N --warmup 2 --runs $((runs * 2)) --export-json "$work/keys.json" \
  -n "base, 2 keys" "$work/lstmviz-base render --sequences $work/steps.csv --size 120x40 --all-frames --keys '$few'" \
  -n "base, 402 keys" "$work/lstmviz-base render --sequences $work/steps.csv --size 120x40 --all-frames --keys '$many'" \
  -n "head, 2 keys" "$work/lstmviz-head render --sequences $work/steps.csv --size 120x40 --all-frames --keys '$few'" \
  -n "head, 402 keys" "$work/lstmviz-head render --sequences $work/steps.csv --size 120x40 --all-frames --keys '$many'"

echo "== 2. first frame of a 10^6-step CSV"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/load.json" \
  -n "base" "$work/lstmviz-base render --sequences $work/steps.csv --size 120x40" \
  -n "head" "$work/lstmviz-head render --sequences $work/steps.csv --size 120x40"

echo "== 3. trace --format csv over 10^6 steps"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/trace.json" \
  -n "base" "$work/lstmviz-base trace $work/base/$lesson --sequences $work/steps.csv --format csv" \
  -n "head" "$work/lstmviz-head trace $work/head/$lesson --sequences $work/steps.csv --format csv"

python3 - "$work" << 'PY'
import json, sys
work = sys.argv[1]
def medians(name):
    return {r["command"]: r["median"] for r in json.load(open(f"{work}/{name}.json"))["results"]}
keys, load, trace = medians("keys"), medians("load"), medians("trace")
key = {w: (keys[f"{w}, 402 keys"] - keys[f"{w}, 2 keys"]) / 400 * 1e3 for w in ("base", "head")}
rows = [
    ("a key press and its frame, 10^6 steps (ms)", key["base"], key["head"]),
    ("first frame of a 10^6-step CSV (s)", load["base"], load["head"]),
    ("trace --format csv, 10^6 steps (s)", trace["base"], trace["head"]),
]
print("\n| what | base | head | head / base |\n|---|---|---|---|")
for what, b, h in rows:
    print(f"| {what} | {b:.4g} | {h:.4g} | {h / b:.3f} |")
PY
