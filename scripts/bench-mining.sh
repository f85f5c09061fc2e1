#!/usr/bin/env bash
# Runs the template-mining JMH benchmarks (simulator/src/test/java/dev/logrca/core/template/bench) and
# prints lines per second. Arguments go to JMH, e.g. `-f 1 -i 3`, `-p corpus=loghub`, `-prof gc`.
# Usage: scripts/bench-mining.sh [JMH-OPTIONS...]   (MVN=mvn to use an installed Maven)
#        scripts/bench-mining.sh --cpu-time         (the same loops timed by thread CPU time, for
#                                                    a machine busy with other work)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mvn="${MVN:-$here/mvnw}"
cd "$here"
classpath="$here/simulator/target/bench.classpath"
# test-compile runs the JMH annotation processor; the classpath file lists the test dependencies
$mvn -B -q -pl simulator -am -Dspotless.check.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
cp="$here/simulator/target/test-classes:$here/simulator/target/classes:$here/core/target/test-classes:$here/core/target/classes:$(cat "$classpath")"
if [ "${1:-}" = "--cpu-time" ]; then
  exec java -Xms1g -Xmx1g -XX:+UseParallelGC -cp "$cp" dev.logrca.core.template.bench.MiningCpuTime
fi
exec java -cp "$cp" org.openjdk.jmh.Main 'dev.logrca.core.template.bench.MiningBenchmark' "$@"
