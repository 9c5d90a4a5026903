#!/usr/bin/env bash
# Assignment latency through the service: match-agreed events produced on Kafka at a steady rate (default 20/s), as
# business matching publishes them, to coordination's coordinator-assigned (or case-queued) on its case events topic.
# One coordination instance started in-process on the integration tests' infrastructure (KRaft Kafka and the embedded
# MongoDB stand-in, both in the same JVM), a roster of BENCH_COORDINATORS put on through the API. Writes
# infra/benchmarks/results/coordination-assignment.md. Others share the CPUs: hold the lock,
#   flock /work/platform.lock infra/benchmarks/coordination-assignment.sh
# Settings (environment): BENCH_RATE (20 matches/s), BENCH_MINUTES (3, measured), BENCH_WARMUP_SECONDS (60),
# BENCH_COORDINATORS (300), BENCH_CAPACITY_MIN/MAX (10/40), BENCH_SEED (15), BENCH_QUIET_MAX (20 % of a core),
# BENCH_QUIET_WAIT (120 s), BENCH_HEAP (1g), BENCH_BUILD (1; 0 skips
# the build), BENCH_MVN_ARGS (-B -q), BENCH_RESULTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/coordination
results="${BENCH_RESULTS:-infra/benchmarks/results/coordination-assignment.md}"
mvn_args=(${BENCH_MVN_ARGS:--B -q})
if [[ "${BENCH_BUILD:-1}" == 1 ]]; then
  ./mvnw "${mvn_args[@]}" install -DskipTests -pl "$module" -am
fi
./mvnw "${mvn_args[@]}" test-compile dependency:build-classpath -pl "$module" -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark-classpath.txt
jvm="-Xms${BENCH_HEAP:-1g} -Xmx${BENCH_HEAP:-1g} -XX:+UseParallelGC"
# IINJ_TEST_INFRASTRUCTURE=embedded: the broker and the MongoDB stand-in in this JVM, as the tests run without Docker
IINJ_TEST_INFRASTRUCTURE="${IINJ_TEST_INFRASTRUCTURE:-embedded}" java $jvm -Dbenchmark.jvm="$jvm" \
  -Dbenchmark.rate="${BENCH_RATE:-20}" -Dbenchmark.minutes="${BENCH_MINUTES:-3}" \
  -Dbenchmark.warmup-seconds="${BENCH_WARMUP_SECONDS:-60}" -Dbenchmark.coordinators="${BENCH_COORDINATORS:-300}" \
  -Dbenchmark.capacity-min="${BENCH_CAPACITY_MIN:-10}" -Dbenchmark.capacity-max="${BENCH_CAPACITY_MAX:-40}" \
  -Dbenchmark.seed="${BENCH_SEED:-15}" -Dbenchmark.quiet-max="${BENCH_QUIET_MAX:-20}" \
  -Dbenchmark.quiet-wait="${BENCH_QUIET_WAIT:-120}" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark-classpath.txt")" \
  jp.iinj.coordination.benchmarks.AssignmentLatencyBenchmark "$results"
