#!/usr/bin/env bash
# A local Flink session cluster without Docker or a Flink distribution: one JobManager and
# LOGRCA_TASKMANAGERS (2) TaskManagers as background JVMs on the Maven jars of the cluster/
# module, the same cluster ClusterITCase kills a TaskManager of.
#   scripts/cluster.sh start                  # web UI and REST at http://localhost:8081
#   scripts/cluster.sh submit --kafka localhost:9092 --topic logs --data /tmp/logrca
#   scripts/cluster.sh status                 # processes, TaskManagers, jobs
#   scripts/cluster.sh stop
# Files (config.yaml, logs, checkpoints, pids) live in LOGRCA_CLUSTER_HOME (./run/cluster).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
home="${LOGRCA_CLUSTER_HOME:-$root/run/cluster}"
classpath_file="$root/cluster/target/flink-classpath.txt"
job_jar="$root/flink-jobs/target/logrca-job.jar"

if [ $# -eq 0 ]; then
  echo "usage: cluster.sh start | stop | status | submit [JOB ARGUMENTS...]" >&2
  exit 2
fi
if [ ! -f "$classpath_file" ] || [ ! -f "$job_jar" ] || [ ! -d "$root/cluster/target/classes" ]; then
  echo "building the job jar and the cluster's classpath (once)..." >&2
  (cd "$root" && ./mvnw -B -q -pl cluster -am -DskipTests -Dspotless.check.skip=true package)
fi
command="$1"
shift
if [ "$command" = submit ]; then
  set -- "$job_jar" "$@"
fi
exec java \
  -Dcluster.home="$home" \
  -Dcluster.classpath="$(cat "$classpath_file")" \
  -Dcluster.taskmanagers="${LOGRCA_TASKMANAGERS:-2}" \
  -Dcluster.rest.port="${LOGRCA_REST_PORT:-8081}" \
  -Dcluster.rpc.port="${LOGRCA_RPC_PORT:-6123}" \
  -Dcluster.metrics.port="${LOGRCA_METRICS_PORT:-9249}" \
  -cp "$(cat "$classpath_file"):$root/cluster/target/classes" \
  dev.logrca.cluster.ClusterCommand "$command" "$@"
