#!/usr/bin/env bash
# The service-level sweep over N open cases (default 100,000): one coordination instance started in-process on the
# integration tests' infrastructure (KRaft Kafka and the embedded MongoDB stand-in, both in the same JVM), a roster
# put on through the API, N open cases seeded into its store (assigned and accepted, in time and overdue, escalated,
# in contact, queued), then the service's own sweep run BENCH_SWEEPS times: time and CPU per sweep, documents
# examined, what it did, how long the relay took to publish its events. Writes
# infra/benchmarks/results/coordination-sweep.md. Others share the CPUs: hold the lock,
#   flock /work/platform.lock infra/benchmarks/coordination-sweep.sh 100000
# Settings (environment): BENCH_SWEEPS (3), BENCH_COORDINATORS (1500), BENCH_CAPACITY_MIN/MAX (60/100),
# BENCH_ASSIGNED_OVERDUE_PERCENT (2), BENCH_ACCEPTED_OVERDUE_PERCENT (2), BENCH_SEED (15), BENCH_QUIET_MAX (20 % of a
# core), BENCH_QUIET_WAIT (120 s), BENCH_HEAP (3g), BENCH_BUILD (1; 0 skips the build), BENCH_MVN_ARGS (-B -q),
# BENCH_RESULTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/coordination
size="${1:-100000}"
results="${BENCH_RESULTS:-infra/benchmarks/results/coordination-sweep.md}"
mvn_args=(${BENCH_MVN_ARGS:--B -q})
if [[ "${BENCH_BUILD:-1}" == 1 ]]; then
  ./mvnw "${mvn_args[@]}" install -DskipTests -pl "$module" -am
fi
./mvnw "${mvn_args[@]}" test-compile dependency:build-classpath -pl "$module" -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark-classpath.txt
jvm="-Xms${BENCH_HEAP:-3g} -Xmx${BENCH_HEAP:-3g} -XX:+UseParallelGC"
# IINJ_TEST_INFRASTRUCTURE=embedded: the broker and the MongoDB stand-in in this JVM, as the tests run without Docker
IINJ_TEST_INFRASTRUCTURE="${IINJ_TEST_INFRASTRUCTURE:-embedded}" java $jvm -Dbenchmark.jvm="$jvm" \
  -Dbenchmark.sweeps="${BENCH_SWEEPS:-3}" -Dbenchmark.coordinators="${BENCH_COORDINATORS:-1500}" \
  -Dbenchmark.capacity-min="${BENCH_CAPACITY_MIN:-60}" -Dbenchmark.capacity-max="${BENCH_CAPACITY_MAX:-100}" \
  -Dbenchmark.assigned-overdue-percent="${BENCH_ASSIGNED_OVERDUE_PERCENT:-2}" \
  -Dbenchmark.accepted-overdue-percent="${BENCH_ACCEPTED_OVERDUE_PERCENT:-2}" \
  -Dbenchmark.seed="${BENCH_SEED:-15}" -Dbenchmark.quiet-max="${BENCH_QUIET_MAX:-20}" \
  -Dbenchmark.quiet-wait="${BENCH_QUIET_WAIT:-120}" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark-classpath.txt")" \
  jp.iinj.coordination.benchmarks.ServiceLevelSweepBenchmark "$results" "$size"
