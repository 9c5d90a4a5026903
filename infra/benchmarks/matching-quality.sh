#!/usr/bin/env bash
# The platform's matching ranking against plain BM25 on the evaluation set, by kind of gap between the two sides:
# hit@1, hit@3 and MRR. Writes infra/benchmarks/results/matching-quality.md. About a minute; no platform needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/business-matching
./mvnw -q -B install -DskipTests -pl contracts,"$module" -am
./mvnw -q -B test-compile dependency:build-classpath -pl "$module" -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark-classpath.txt
java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark-classpath.txt")" \
  jp.iinj.businessmatching.engine.evaluation.MatchingEvaluation infra/benchmarks/results/matching-quality.md
