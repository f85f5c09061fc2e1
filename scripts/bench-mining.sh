#!/usr/bin/env bash
# Runs the template-mining JMH benchmarks (core/src/test/java/dev/logrca/core/template/bench) and
# prints lines per second. Arguments go to JMH, e.g. `-f 1 -i 3`, `-p corpus=loghub`, `-prof gc`.
# Usage: scripts/bench-mining.sh [JMH-OPTIONS...]   (MVN=mvn to use an installed Maven)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mvn="${MVN:-$here/mvnw}"
cd "$here"
classpath="$here/core/target/bench.classpath"
# test-compile runs the JMH annotation processor; the classpath file lists the test dependencies
$mvn -B -q -pl core -Dspotless.check.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
exec java -cp "$here/core/target/test-classes:$here/core/target/classes:$(cat "$classpath")" \
  org.openjdk.jmh.Main 'dev.logrca.core.template.bench.*' "$@"
