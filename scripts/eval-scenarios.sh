#!/usr/bin/env bash
# Simulates scenario/seed pairs into a folder and scores the engine on them with `logrca eval rca`.
# Usage: scripts/eval-scenarios.sh OUT SCENARIO:SEED... [-- EVAL-OPTIONS...]
#   e.g. scripts/eval-scenarios.sh /tmp/eval app.exception:1 none:2 -- --topology-file alternate
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"; shift
runs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  scenario="${1%%:*}"; seed="${1##*:}"; shift
  dir="$out/$scenario-$seed"
  [ -f "$dir/truth.json" ] || "$here/logrca" simulate --scenario "$scenario" --seed "$seed" --out "$dir" >&2
  runs+=("$dir")
done
[ $# -gt 0 ] && shift
exec "$here/logrca" eval rca --data "$out/.data" "$@" "${runs[@]}"
