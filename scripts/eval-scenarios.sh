#!/usr/bin/env bash
# Simulates scenario/seed pairs into a folder and scores the engine on them with `logrca eval rca`.
# Usage: scripts/eval-scenarios.sh OUT SCENARIO:SEED[:SHAPE[:MINUTES]]... [-- EVAL-OPTIONS...]
#   e.g. scripts/eval-scenarios.sh /tmp/eval app.exception:1 dns.resolution:2:cascade3 none:3::60 \
#          -- --topology-file alternate
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"; shift
runs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  IFS=: read -r scenario seed shape minutes <<<"$1"; shift
  dir="$out/$scenario-$seed${shape:+-$shape}${minutes:+-${minutes}m}"
  extra=()
  [ -n "$shape" ] && extra+=(--shape "$shape")
  [ -n "$minutes" ] && extra+=(--minutes "$minutes")
  [ -f "$dir/truth.json" ] || "$here/logrca" simulate --scenario "$scenario" --seed "$seed" \
    ${extra[@]+"${extra[@]}"} --out "$dir" >&2
  runs+=("$dir")
done
[ $# -gt 0 ] && shift
exec "$here/logrca" eval rca --data "$out/.data" "$@" "${runs[@]}"
