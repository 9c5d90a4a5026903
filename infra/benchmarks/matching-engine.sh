#!/usr/bin/env bash
# The matching engine at scale: top-10 proposals p50/p99, index build time and heap at 10,000, 100,000 and 1,000,000
# synthetic published profiles (the engine loaded directly). Writes infra/benchmarks/results/matching-engine.md.
# Sizes can be given: infra/benchmarks/matching-engine.sh 10000 100000. Building the 1,000,000 index takes about seven
# minutes; BENCHMARK_JAVA_OPTS=-Dbenchmark.indexes=<dir> keeps each size's index there and measures it again next time
# without a rebuild (the build time recorded the first time is reported).
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/business-matching
sizes=("${@:-10000 100000 1000000}")
./mvnw -q -B install -DskipTests -pl contracts,"$module" -am
./mvnw -q -B test-compile dependency:build-classpath -pl "$module" -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark-classpath.txt
java -Xmx2g -XX:+UseParallelGC ${BENCHMARK_JAVA_OPTS:-} \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark-classpath.txt")" \
  jp.iinj.businessmatching.engine.evaluation.MatchingEngineBenchmark infra/benchmarks/results/matching-engine.md ${sizes[*]}
