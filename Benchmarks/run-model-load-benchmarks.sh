#!/usr/bin/env bash
# Loading a large model file to the first frame: a 2-layer nn.LSTM(1024, 1024) in float32
# (about 67 MB), as safetensors and as torch.save. For each: the time of
# `lstmviz render --model FILE` (hyperfine, median), its peak RSS (GNU time, median of RUNS runs)
# against the file's size, and, in the same hyperfine run, torch.load / safetensors' load_file
# of the same file. Targets (issue 15): at most 0.3 s, peak RSS at most 2.5x the file.
#
# Needs: hyperfine, GNU time (/usr/bin/time), python3 with torch and safetensors.
#   apt-get install hyperfine time && pip install torch safetensors
# Environment: RUNS (default 10).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${RUNS:-10}

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" > /dev/null || { echo "run-model-load-benchmarks: $tool is missing" >&2; exit 2; }
done
python3 -c "import torch, safetensors" 2> /dev/null || {
  echo "run-model-load-benchmarks: python3 needs torch and safetensors" >&2; exit 2; }

echo "== building lstmviz (release)"
swift build -c release --product lstmviz --package-path "$root" 2>&1 | tail -1
bin="$root/.build/release/lstmviz"

work=$(mktemp -d "${TMPDIR:-/tmp}/lstmviz-big.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 "$here/Scripts/make_big_model.py" "$work"
sequences="$work/big.sequences.json"

for file in big.safetensors big.pt; do
  model="$work/$file"
  size=$(stat -c %s "$model")
  echo "== $file ($((size / 1000000)) MB)"
  command="$bin render --model $model --sequences $sequences --size 120x40"
  $command > /dev/null
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/$file.json" \
    -n "lstmviz render" "$command" \
    -n "python torch/safetensors load" "python3 $here/Scripts/torch_load.py $model"
  rss=()
  for _ in $(seq "$runs"); do
    rss+=("$( { /usr/bin/time -f '%M' $command > /dev/null; } 2>&1 | tail -1 )")
  done
  median=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  python3 - "$work/$file.json" "$median" "$size" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
rss_kb, size = int(sys.argv[2]), int(sys.argv[3])
for result in results:
    print(f"  {result['command']}: median {result['median']:.3f} s")
print(f"  lstmviz peak RSS: median {rss_kb / 1024:.0f} MiB = {rss_kb * 1024 / size:.2f}x the file")
PY
done
