#!/usr/bin/env bash
# Writes the savepoint fixture of a release: builds that commit's fat jar in a worktree of its own
# (package only, never install), simulates a small run with a fault, runs the release's job over it
# and stops it with a savepoint part way. See README.md beside this script.
#
#   flink-jobs/src/test/savepoint/write-release-savepoint.sh [COMMIT] [STOP_AFTER_LINES]
set -euo pipefail
commit=${1:-3d3c66f}
stop_after=${2:-5500}
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
here="$repo/flink-jobs/src/test/savepoint"
fixture="$repo/flink-jobs/src/test/resources/savepoint/release-$commit"
release=${RELEASE_WORKTREE:-/tmp/logrca-release-$commit}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$release/app/target/logrca.jar" ]; then
  [ -d "$release" ] || git -C "$repo" worktree add --detach "$release" "$commit"
  (cd "$release" && ./mvnw -B -o -q -pl app -am -DskipTests -Dspotless.check.skip=true package)
fi
jar="$release/app/target/logrca.jar"

# the input: the same simulator run as the test replays (the test reads the gzipped copies)
input="target/savepoint-$commit"
java -jar "$jar" simulate --scenario dependency.down --seed 7 --minutes 6 --rate 2 \
  --out "$work/$input"
rm -f "$work/$input/truth.json" "$work/$input/topology.json"

javac -d "$work/classes" -cp "$jar" "$here/WriteReleaseSavepoint.java"
# relative input paths: the events' sources, and the paths in the savepoint, are those the test
# sees from the module folder
(cd "$work" && java -Xmx1g -cp "$jar:$work/classes" WriteReleaseSavepoint "$input" "$stop_after" out)

rm -rf "$fixture"
mkdir -p "$fixture/input"
cp -r "$work/out/savepoint"/savepoint-* "$fixture/savepoint"
cp "$work/out/incidents.jsonl" "$work/out/templates.tsv" "$fixture/"
for f in "$work/$input"/*.log; do gzip -9 -n -c "$f" > "$fixture/input/$(basename "$f").gz"; done
echo "$commit" > "$fixture/COMMIT"
du -sh "$fixture"
