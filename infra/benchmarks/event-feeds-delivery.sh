#!/usr/bin/env bash
# Event feeds' webhook delivery latency: registrations through the gateway at a steady rate (default 50/s), each timed
# from its 201 until a subscriber on loopback received the signed webhook of its member-registered event; with one
# subscription, beside a slow subscriber (answers after 5 s), and with 100 subscriptions matching every event. Then the
# floor: Kafka's own EndToEndLatency tool against the same broker. On a throw-away local platform (identity,
# member-registry, event-feeds, gateway; throwaway-platform.sh) with its own data directory and ports.
#
#   flock /work/platform.lock infra/benchmarks/event-feeds-delivery.sh     (about 15 minutes with the build)
#
# Writes infra/benchmarks/results/event-feeds-delivery.md (newest run first; the summary written by hand above the runs
# is kept). Settings are environment variables (see infra/benchmarks/README.md); anything else in the environment
# (IINJ_*, SPRING_*, ...) reaches the services, as with the local platform itself.
set -Eeuo pipefail

BENCH_NAME=feeds-bench
BENCH_PHASES=${BENCH_PHASES:-one,slow,many}        # one subscription; + a slow one; BENCH_SUBSCRIPTIONS of them
BENCH_RATE=${BENCH_RATE:-50}                      # registrations/s (open loop) in phases one and slow
BENCH_MANY_RATE=${BENCH_MANY_RATE:-$BENCH_RATE}   # ... in phase many
BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-30}  # per phase, at its rate, discarded; ...
BENCH_FIRST_WARMUP_SECONDS=${BENCH_FIRST_WARMUP_SECONDS:-60}   # ... the first phase's (a cold platform: JIT)
BENCH_SECONDS=${BENCH_SECONDS:-120}               # per phase, measured
BENCH_SUBSCRIPTIONS=${BENCH_SUBSCRIPTIONS:-100}   # phase many: subscriptions in all (max-per-owner is 200)
BENCH_SLOW_MS=${BENCH_SLOW_MS:-5000}              # phase slow: the slow subscriber answers after this long
BENCH_TIMEOUT=${BENCH_TIMEOUT:-60}                # a webhook not received this long after the phase's last send is missing
BENCH_FLOOR_MESSAGES=${BENCH_FLOOR_MESSAGES:-10000}   # EndToEndLatency: messages (one at a time), ...
BENCH_FLOOR_SIZE=${BENCH_FLOOR_SIZE:-600}             # ... bytes each (about a member-registered event's)
BENCH_FLOOR_ACKS=${BENCH_FLOOR_ACKS:-all}             # ... producer acks (member-registry's relay: all)
BENCH_DRIVER_JAVA_OPTS=${BENCH_DRIVER_JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
BENCH_RESULTS=${BENCH_RESULTS:-infra/benchmarks/results/event-feeds-delivery.md}
BENCH_START_ATTEMPTS=${BENCH_START_ATTEMPTS:-3}   # four services starting at once miss the launcher's deadline on a busy machine
PLATFORM_SERVICES="identity member-registry event-feeds gateway"
PLATFORM_EXTRA_MODULES=infra/testing   # the shared webhook receiver and signature check the driver uses

cd "$(dirname "$0")/../.."
[[ -f pom.xml && -d services && -d infra/local ]] || { echo "run from the IINJ repository (not $PWD)" >&2; exit 1; }
REPO=$PWD
DRIVER_JAVA=$REPO/infra/benchmarks/FeedDeliveryLatency.java
# shellcheck source=throwaway-platform.sh
source infra/benchmarks/throwaway-platform.sh
trap 'say "FAILED: unexpected error (status $?) at line $LINENO: $BASH_COMMAND"' ERR
require_tools curl openssl awk sed ss sha256sum
require_whole_numbers BENCH_RATE BENCH_MANY_RATE BENCH_WARMUP_SECONDS BENCH_FIRST_WARMUP_SECONDS BENCH_SECONDS BENCH_SUBSCRIPTIONS BENCH_SLOW_MS \
    BENCH_TIMEOUT BENCH_FLOOR_MESSAGES BENCH_FLOOR_SIZE BENCH_QUIET_MAX BENCH_QUIET_WAIT

DRIVER_PID=
FLOOR_PID=
stop_at_exit DRIVER_PID FLOOR_PID

platform_build
# the driver's classes from infra/testing, and Kafka's tools (the version of the kafka-clients the platform runs)
mkdir -p "$WORK/driver" "$WORK/floor"
cp -r infra/testing/target/classes "$WORK/driver/testing-classes"
KAFKA_VERSION=$(tr ':' '\n' <<<"$LAUNCHER_CP" | sed -n 's/.*kafka-clients-\([0-9][^/]*\)\.jar$/\1/p' | head -1)
[[ -n $KAFKA_VERSION ]] || die "no kafka-clients jar on the launcher's classpath"
# shellcheck disable=SC2086
./mvnw $BENCH_MVN_ARGS dependency:copy -Dartifact="org.apache.kafka:kafka-tools:$KAFKA_VERSION" \
    -DoutputDirectory="$WORK/floor" >"$WORK/floor/get.log" 2>&1 || { cat "$WORK/floor/get.log" >&2; die "kafka-tools $KAFKA_VERSION did not resolve"; }
FLOOR_CP="$WORK/floor/kafka-tools-$KAFKA_VERSION.jar:$LAUNCHER_CP"

platform_start
admin_sign_in
say "event-feeds on $FEEDS_URL"

# ---- the phases ------------------------------------------------------------------------------------------------------
pid_list() { local name out=""; for name in gateway member-registry event-feeds identity kafka launcher; do out+="${out:+,}$name=${PIDS[$name]}"; done; echo "$out"; }
wait_quiet "phases"
DRIVER_OUT=$WORK/driver.out
DRIVER_SECTION=$WORK/driver.md
say "phases $BENCH_PHASES: ${BENCH_WARMUP_SECONDS}s warm-up + ${BENCH_SECONDS}s each at $BENCH_RATE/s (many: $BENCH_MANY_RATE/s, $BENCH_SUBSCRIPTIONS subscriptions)"
: >"$DRIVER_OUT"   # before tail -f below looks for it
# shellcheck disable=SC2086
"$JAVA" $BENCH_DRIVER_JAVA_OPTS -cp "$WORK/driver/testing-classes:$LAUNCHER_CP" "$DRIVER_JAVA" \
    --gateway "$G" --token "$TOKEN" --bootstrap "127.0.0.1:$KAFKA_PORT" --run 1 --pids "$(pid_list)" \
    --out "$DRIVER_SECTION" --phases "$BENCH_PHASES" --rate "$BENCH_RATE" --many-rate "$BENCH_MANY_RATE" \
    --warmup "$BENCH_WARMUP_SECONDS" --first-warmup "$BENCH_FIRST_WARMUP_SECONDS" --duration "$BENCH_SECONDS" --subscriptions "$BENCH_SUBSCRIPTIONS" \
    --slow-ms "$BENCH_SLOW_MS" --timeout "$BENCH_TIMEOUT" >"$DRIVER_OUT" 2>"$WORK/driver.err" &
DRIVER_PID=$!
tail -f "$DRIVER_OUT" --pid "$DRIVER_PID" | grep --line-buffered '^RESULT' >&2 &
wait "$DRIVER_PID" || { status=$?; DRIVER_PID=; cat "$WORK/driver.err" >&2; die "FeedDeliveryLatency.java failed (status $status)"; }
DRIVER_PID=
result_field() { sed -n "s/^RESULT $1 .*\\b$2=\\([^ ]*\\).*/\\1/p" "$DRIVER_OUT"; }

# ---- the floor: Kafka's own end-to-end latency tool on the same broker -------------------------------------------------
# One message at a time (send, then poll until it is back), so its rate is what the broker allows, not ours.
wait_quiet "floor"
say "floor: EndToEndLatency, $BENCH_FLOOR_MESSAGES messages of $BENCH_FLOOR_SIZE bytes, acks=$BENCH_FLOOR_ACKS"
floor_start=$(date +%s.%N)
"$JAVA" -Xmx256m -cp "$FLOOR_CP" org.apache.kafka.tools.EndToEndLatency "127.0.0.1:$KAFKA_PORT" bench.end-to-end-latency \
    "$BENCH_FLOOR_MESSAGES" "$BENCH_FLOOR_ACKS" "$BENCH_FLOOR_SIZE" >"$WORK/floor.out" 2>"$WORK/floor.err" &
FLOOR_PID=$!
wait "$FLOOR_PID" || { status=$?; FLOOR_PID=; cat "$WORK/floor.out" "$WORK/floor.err" >&2; die "EndToEndLatency failed (status $status)"; }
FLOOR_PID=
floor_seconds=$(awk -v a="$floor_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
FLOOR_AVG=$(sed -n 's/^Avg latency: *\([0-9.]*\) ms.*/\1/p' "$WORK/floor.out")
read -r FLOOR_P50 FLOOR_P99 FLOOR_P999 < <(sed -n 's/^Percentiles: 50th = \([0-9]*\), 99th = \([0-9]*\), 99.9th = \([0-9]*\).*/\1 \2 \3/p' "$WORK/floor.out")
[[ -n $FLOOR_P50 ]] || { cat "$WORK/floor.out" >&2; die "no percentiles from EndToEndLatency"; }
say "floor: p50 $FLOOR_P50 ms, p99 $FLOOR_P99 ms, p99.9 $FLOOR_P999 ms, average $FLOOR_AVG ms"

# ---- results -----------------------------------------------------------------------------------------------------------
NOW=$(date -u '+%Y-%m-%d %H:%M UTC')
SECTION=$WORK/section.md
HEADING=$WORK/heading.md
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v != "" && v + 0 <= t ? "met" : "missed") }'; }
{
    printf '## %s%s — one subscription p99 %s ms (target ≤ 50: %s)' "$NOW" "${BENCH_LABEL:+ ($BENCH_LABEL)}" \
        "$(result_field one p99_ms)" "$(verdict "$(result_field one p99_ms)" 50)"
    [[ -n $(result_field many p99_ms) ]] && printf '; %s subscriptions p99 %s ms over all deliveries (target ≤ 200: %s)' \
        "$(result_field many subscriptions)" "$(result_field many all_p99_ms)" "$(verdict "$(result_field many all_p99_ms)" 200)"
    [[ -n $(result_field slow p99_ms) ]] && printf '; beside a slow subscriber p99 %s ms' "$(result_field slow p99_ms)"
    printf '; Kafka floor p99 %s ms\n\n' "$FLOOR_P99"
    cat "$DRIVER_SECTION"
    echo "### The floor: Kafka's \`EndToEndLatency\` on the same broker"
    echo
    echo "\`org.apache.kafka.tools.EndToEndLatency\` from \`kafka-tools\` $KAFKA_VERSION (the kafka-clients version the platform runs),"
    echo "after the phases, against the platform's broker: a new topic (one partition), $BENCH_FLOOR_MESSAGES messages of $BENCH_FLOOR_SIZE bytes, \`acks=$BENCH_FLOOR_ACKS\`,"
    echo "**one at a time** (it sends, then polls until the message is back), so its rate is the broker's round trip"
    printf '(%.0f messages/s here), not %s/s; the tool reports whole milliseconds.\n\n' \
        "$(awk -v n="$BENCH_FLOOR_MESSAGES" -v s="$floor_seconds" 'BEGIN { print n / s }')" "$BENCH_RATE"
    echo "| produce → consumed (ms) | p50 | p99 | p99.9 | average |"
    echo "|---|---:|---:|---:|---:|"
    echo "| Kafka alone | $FLOOR_P50 | $FLOOR_P99 | $FLOOR_P999 | $FLOOR_AVG |"
    quiet_notes_and_settings_head
    machine_rows
    echo "| platform | identity, member-registry, event-feeds, gateway from the launcher (\`jp.iinj.localplatform.LocalPlatform\`), Kafka and the embedded MongoDB stand-in (in the launcher's JVM), free random ports, a data directory of their own; event-feeds may deliver to loopback over http (the launcher's \`IINJ_FEEDS_SINKS_*\`) |"
    echo "| load | \`FeedDeliveryLatency.java\`: JDK \`HttpClient\`, HTTP/1.1, asynchronous, open loop (each registration sent at its scheduled instant), \`POST /api/members/organisations\` anonymous through the gateway, prefectures of 6 bureaus; phases \`$BENCH_PHASES\`, ${BENCH_WARMUP_SECONDS}s warm-up (the first phase ${BENCH_FIRST_WARMUP_SECONDS}s; discarded) + ${BENCH_SECONDS}s measured each; its JVM \`$BENCH_DRIVER_JAVA_OPTS\` |"
    echo "| subscribers | infra/testing's \`WebhookReceiver\` (JDK \`HttpServer\` on 127.0.0.1, a thread per request, 204), one per subscription, in the driver's JVM; each subscription made through the gateway as the administrator (\`types\`: \`member-registered\`, no bureaus: every event) |"
    echo "| measured | receipt (\`nanoTime\` when the request was read) − \`nanoTime\` when the registration's 201 was read, matched by the CloudEvent's \`subject\` = the member id in the 201; a plain \`KafkaConsumer\` on \`membership.member-events.v1\` (positioned at the end first) times the record; missing = not received ${BENCH_TIMEOUT}s after the phase's last send |"
} >"$SECTION"
cat >"$HEADING" <<'EOF'
# Event feeds: webhook delivery latency

Produced by `infra/benchmarks/event-feeds-delivery.sh` (see `infra/benchmarks/README.md`) on a throw-away local
platform. Numbers from different machines or loads are not comparable; the machine and the settings are in every
section.
EOF
insert_results "$SECTION" "$HEADING"
SUCCESS=1
cat "$SECTION"
say "results in $BENCH_RESULTS"
