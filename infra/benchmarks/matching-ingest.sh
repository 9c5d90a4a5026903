#!/usr/bin/env bash
# Ingest through the service: N synthetic profiles (default 100,000) drafted and published through business matching's
# HTTP API, one instance started in-process on the integration tests' infrastructure (KRaft Kafka and the embedded
# MongoDB stand-in, both in the same JVM). Measures profiles/s accepted and indexed, the lag from publish answer to
# searchable, how far the proposals subscription got, and where the CPU went. Writes
# infra/benchmarks/results/matching-ingest.md. Others share the CPUs: hold the lock for large runs,
#   flock /work/platform.lock infra/benchmarks/matching-ingest.sh 100000
# Settings (environment): BENCH_CONCURRENCY (16 in flight), BENCH_MEMBERS (200), BENCH_SAMPLE (every 100th profile),
# BENCH_MAX_MINUTES (30: publishing stops then), BENCH_INDEX_WAIT_MINUTES (10: wait for the index after that),
# BENCH_HEAP (3g), BENCH_BUILD (1; 0 skips the build),
# BENCH_MVN_ARGS (-B -q), BENCH_RESULTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/business-matching
size="${1:-100000}"
results="${BENCH_RESULTS:-infra/benchmarks/results/matching-ingest.md}"
mvn_args=(${BENCH_MVN_ARGS:--B -q})
if [[ "${BENCH_BUILD:-1}" == 1 ]]; then
  ./mvnw "${mvn_args[@]}" install -DskipTests -pl "$module" -am
fi
./mvnw "${mvn_args[@]}" test-compile dependency:build-classpath -pl "$module" -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark-classpath.txt
jvm="-Xms${BENCH_HEAP:-3g} -Xmx${BENCH_HEAP:-3g} -XX:+UseParallelGC"
# IINJ_TEST_INFRASTRUCTURE=embedded: the broker and the MongoDB stand-in in this JVM, as the tests run without Docker
IINJ_TEST_INFRASTRUCTURE="${IINJ_TEST_INFRASTRUCTURE:-embedded}" java $jvm -Dbenchmark.jvm="$jvm" \
  -Dbenchmark.concurrency="${BENCH_CONCURRENCY:-16}" -Dbenchmark.members="${BENCH_MEMBERS:-200}" \
  -Dbenchmark.sample="${BENCH_SAMPLE:-100}" -Dbenchmark.max-minutes="${BENCH_MAX_MINUTES:-30}" \
  -Dbenchmark.index-wait-minutes="${BENCH_INDEX_WAIT_MINUTES:-10}" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark-classpath.txt")" \
  jp.iinj.businessmatching.engine.evaluation.ServiceIngestBenchmark "$results" "$size"
