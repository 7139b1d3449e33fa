#!/usr/bin/env bash
# Training speed, lstmviz against torch, in one run (see BENCHMARKS.md, issue 14):
#   1. in process, one epoch a sample (`Trainer.runEpoch()`): the StatQuest lesson from its
#      untrained start, the forty-day lesson (LSTM and twin), and a 16-unit state_dict cell on 100
#      sequences of 50 steps (package-benchmark, TrainingBenchmarks);
#   2. whole process: `lstmviz train` of the StatQuest lesson for EPOCHS epochs (default 100000),
#      epochs per second from the wall clock, start-up included;
#   3. torch's time per epoch for the same training (Scripts/torch_train_epoch.py: nn.LSTM(1, 1)
#      and the cell in scalar torch operations, float64, one thread), and the ratio.
# Needs python3 with torch for 3 (pip install torch --index-url https://download.pytorch.org/whl/cpu).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
epochs=${EPOCHS:-100000}
lesson="$root/Samples/statquest-untrained.json"

(cd "$here" && swift package benchmark --no-progress --target TrainingBenchmarks "$@")

echo "== lstmviz train, whole process, $epochs epochs"
swift build -c release --product lstmviz --package-path "$root" 2>&1 | tail -1
bin="$root/.build/release/lstmviz"
start=$(date +%s.%N)
"$bin" train "$lesson" --epochs "$epochs" --format json > /dev/null
end=$(date +%s.%N)
ours=$(awk -v a="$start" -v b="$end" -v n="$epochs" 'BEGIN { print (b - a) * 1e6 / n }')
awk -v t="$ours" 'BEGIN { printf "lstmviz: %.2f us/epoch, %.0f epochs/s\n", t, 1e6 / t }'

if python3 -c "import torch" 2> /dev/null; then
  echo "== torch, the same training"
  torch_output=$(python3 "$here/Scripts/torch_train_epoch.py" "$lesson" 300 5)
  echo "$torch_output"
  torch_line=$(echo "$torch_output" | grep '^nn.LSTM')
  theirs=$(echo "$torch_line" | sed -E 's/.*median ([0-9.]+) us.*/\1/')
  awk -v a="$theirs" -v b="$ours" \
    'BEGIN { printf "ratio: torch'"'"'s nn.LSTM takes %.0f times as long per epoch\n", a / b }'
else
  echo "== torch is not installed: no reference (pip install torch --index-url https://download.pytorch.org/whl/cpu)"
fi
