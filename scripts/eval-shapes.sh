#!/usr/bin/env bash
# The 63-run evaluation of issue 4: five seeds of each of the 12 categories (plain, noisy-neighbour,
# warnings-first, cascade3 or two-faults, plain or two-faults) and three fault-free runs (plain,
# noisy-neighbour, 60 simulated minutes), every other folder without its topology file.
# Usage: scripts/eval-shapes.sh OUT   (15 to 30 minutes on a 2-core machine, simulation included)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
specs=()
for c in dependency.down network.latency resource.disk_full resource.out_of_memory \
    deploy.bad_release app.exception network.unreachable resource.pool_exhausted dns.resolution \
    security.certificate config.error resource.cpu_saturation; do
  case $c in
    resource.out_of_memory | deploy.bad_release | resource.cpu_saturation) deep=two-faults ;;
    *) deep=cascade3 ;;
  esac
  case $c in
    dependency.down | app.exception | config.error) last=":two-faults" ;;
    *) last="" ;;
  esac
  specs+=("$c:21" "$c:22:noisy-neighbour" "$c:23:warnings-first" "$c:24:$deep" "$c:25$last")
done
specs+=(none:21 none:22:noisy-neighbour none:23::60)
exec "$here/eval-scenarios.sh" "$1" "${specs[@]}" -- --topology-file alternate
