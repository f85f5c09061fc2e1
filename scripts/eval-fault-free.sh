#!/usr/bin/env bash
# A simulated day of fault-free traffic for the false-incident target of issue 4: 12 hours plain and
# 12 hours with a noisy neighbour (a service that always logs errors), in four runs, every other
# one without its topology file. Prints the false incidents per simulated hour and day.
# Usage: scripts/eval-fault-free.sh OUT   (about 30 to 40 minutes on a 2-core machine)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/eval-scenarios.sh" "$1" none:31::240 none:32:noisy-neighbour:240 none:33::480 \
  none:34:noisy-neighbour:480 -- --topology-file alternate
