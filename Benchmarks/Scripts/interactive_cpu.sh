#!/usr/bin/env bash
# Prints the CPU seconds (user + system) the interactive program spends on a session of KEYS key
# presses (→ and ← in turn) at 120x40, driven through tmux as a teacher would, then q.
# Usage: interactive_cpu.sh LSTMVIZ SEQUENCES.csv KEYS
set -euo pipefail
bin=$1
csv=$2
keys=$3
out=$(mktemp)
session="lstmviz-bench-$$"
tmux new-session -d -s "$session" -x 120 -y 40 \
  "/usr/bin/time -f '%U %S' -o $out $bin --sequences $csv"
sleep 0.5
for ((i = 0; i < keys / 2; i++)); do tmux send-keys -t "$session" Right Left; done
tmux send-keys -t "$session" q
while tmux has-session -t "$session" 2> /dev/null; do sleep 0.05; done
awk '{ print $1 + $2 }' "$out"
rm -f "$out"
