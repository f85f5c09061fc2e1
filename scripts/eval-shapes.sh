#!/usr/bin/env bash
# The 63-run evaluation of issue 4: five seeds of each of the 12 categories (plain, noisy-neighbour,
# warnings-first, cascade3 or two-faults, plain or two-faults) and three fault-free runs (plain,
# noisy-neighbour, 60 simulated minutes), every other folder without its topology file.
# Usage: scripts/eval-shapes.sh OUT [FIRST_SEED]   (15 to 30 minutes on a 2-core machine,
#        simulation included; seeds FIRST_SEED to FIRST_SEED+4, 21 by default, so that a held-out
#        set of seeds can check what was tuned on the default one)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
s=${2:-21}
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
  specs+=("$c:$s" "$c:$((s + 1)):noisy-neighbour" "$c:$((s + 2)):warnings-first" \
    "$c:$((s + 3)):$deep" "$c:$((s + 4))$last")
done
specs+=("none:$s" "none:$((s + 1)):noisy-neighbour" "none:$((s + 2))::60")
exec "$here/eval-scenarios.sh" "$1" "${specs[@]}" -- --topology-file alternate
