#!/usr/bin/env bash
# The whole benchmark suite (see BENCHMARKS.md for the figures and what they mean):
#   1. in-process benchmarks with package-benchmark (ordo-one/benchmark): a trace step, a key
#      press, loading a 10^6-step CSV; medians and allocations, release build;
#   2. whole-process benchmarks with hyperfine and /usr/bin/time (run-process-benchmarks.sh):
#      cold start, key presses from outside, CSV load and first frame, trace csv against numpy.
# Needs: apt-get install hyperfine time python3-numpy
# Arguments are passed to `swift package benchmark` (for example --filter "advance.*").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
(cd "$here" && swift package benchmark --no-progress "$@")
"$here/run-process-benchmarks.sh"
