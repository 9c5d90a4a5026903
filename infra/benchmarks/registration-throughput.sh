#!/usr/bin/env bash
# Registration throughput: wrk registers new organisations through the gateway (POST /api/members/organisations,
# anonymous, each request a new corporate number and Idempotency-Key: registration-throughput.lua), on a throw-away
# local platform with its own data directory and ports; then waits for member-registry's outbox to publish every
# event the registrations wrote. Last, a steady-rate phase (RegistrationLatency.java) times registration -> event on
# Kafka at a fixed rate below saturation.
#
#   infra/benchmarks/registration-throughput.sh      (from the repository root; see infra/benchmarks/README.md)
#
# Writes infra/benchmarks/results/member-registry.md (newest run first, earlier runs kept) and prints the new run.
# Settings are environment variables, BENCH_* below and in throwaway-platform.sh; anything else in the environment
# (IINJ_*, SPRING_*, LOGGING_*, ...) reaches the services, as with the local platform itself.
set -Eeuo pipefail

BENCH_NAME=registration-bench
BENCH_THREADS=${BENCH_THREADS:-1}                   # wrk threads (one is enough to load 2 cores' worth of services)
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-16}          # wrk connections (registrations in flight; more only adds queueing)
BENCH_TIMEOUT=${BENCH_TIMEOUT:-10}                  # wrk --timeout in seconds: a registration not answered by then fails the run
BENCH_DURATION=${BENCH_DURATION:-20}                # seconds per measured run
BENCH_WARMUP=${BENCH_WARMUP:-30}                    # warm-up (discarded): at least this many seconds, in 10 s steps, ...
BENCH_WARMUP_MAX=${BENCH_WARMUP_MAX:-120}           # ... until two steps in a row differ by < 5% in throughput, at most this long
BENCH_ROUNDS=${BENCH_ROUNDS:-3}                     # measured runs
BENCH_PAUSE=${BENCH_PAUSE:-3}                       # seconds of rest before every run
BENCH_DRAIN_MAX=${BENCH_DRAIN_MAX:-900}             # after a run, wait at most this long for the outbox backlog to reach 0
BENCH_STEADY_RATE=${BENCH_STEADY_RATE:-50}          # steady phase after the runs: registrations/s, open loop (0: no steady phase)
BENCH_STEADY_DURATION=${BENCH_STEADY_DURATION:-60}  # ... seconds measured
BENCH_STEADY_WARMUP=${BENCH_STEADY_WARMUP:-15}      # ... after this many seconds at the same rate (discarded)
BENCH_STEADY_TIMEOUT=${BENCH_STEADY_TIMEOUT:-60}    # ... an event not on Kafka this long after the last send counts as missing

cd "$(dirname "$0")/../.."
[[ -f pom.xml && -d services && -d infra/local ]] || { echo "run from the IINJ repository (no pom.xml/services/infra/local here: $PWD)" >&2; exit 1; }
REPO=$PWD
LUA=$REPO/infra/benchmarks/registration-throughput.lua
STEADY_JAVA=$REPO/infra/benchmarks/RegistrationLatency.java
STEADY_JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"   # C1 only: less JIT CPU taken from the services
# shellcheck source=throwaway-platform.sh
source infra/benchmarks/throwaway-platform.sh
trap 'say "FAILED: unexpected error (status $?) at line $LINENO: $BASH_COMMAND"' ERR

require_tools wrk curl openssl awk sed ss sha256sum
require_whole_numbers BENCH_THREADS BENCH_CONNECTIONS BENCH_TIMEOUT BENCH_DURATION BENCH_WARMUP BENCH_WARMUP_MAX BENCH_ROUNDS BENCH_PAUSE \
    BENCH_DRAIN_MAX BENCH_QUIET_MAX BENCH_QUIET_WAIT BENCH_STEADY_RATE BENCH_STEADY_DURATION BENCH_STEADY_WARMUP BENCH_STEADY_TIMEOUT
((BENCH_STEADY_RATE == 0 || BENCH_STEADY_DURATION >= 1)) || die "BENCH_STEADY_DURATION must be >= 1"
((BENCH_ROUNDS >= 1 && BENCH_DURATION >= 1 && BENCH_TIMEOUT >= 1 && BENCH_THREADS >= 1 && BENCH_THREADS <= 100 && BENCH_CONNECTIONS >= BENCH_THREADS)) \
    || die "BENCH_ROUNDS, BENCH_DURATION must be >= 1, BENCH_THREADS 1..100, BENCH_CONNECTIONS >= BENCH_THREADS"

OUT=$WORK/wrk
mkdir -p "$OUT"
WRK_PID=
SAMPLER_PID=
STEADY_PID=
stop_at_exit WRK_PID SAMPLER_PID STEADY_PID

platform_build
platform_start
admin_sign_in   # for member-registry's metrics (outbox backlog, events published)

URL=$G/api/members/organisations
status=$(curl -s -o "$WORK/registration.json" -w '%{http_code}' -X POST "$URL" -H 'Content-Type: application/json' \
    -d '{"legalName":"株式会社ベンチマーク確認","organisationType":"SME","corporateNumber":"7123456789012","prefectureCode":"13","owner":{"displayName":"確認 太郎","email":"check@bench.example.jp"}}')
[[ $status == 201 ]] || die "a registration through the gateway answered $status: $(cat "$WORK/registration.json")"
read -r _ published _ < <(outbox_metrics) || die "cannot read member-registry's outbox metrics"

# ---- measuring -------------------------------------------------------------------------------------------------------
RUN=0   # every wrk run gets its own number: the corporate numbers of one run never repeat another's
run_wrk() { # seconds output-file -> runs wrk once; CPU of every process in <output>.cpu
    local seconds=$1 output=$2 before after wrk_ticks
    RUN=$((RUN + 1))
    before=$(cpu_snapshot)
    TIMEFORMAT='%U %S'
    { time wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${seconds}s" --timeout "${BENCH_TIMEOUT}s" --latency -s "$LUA" "$URL" -- "$RUN" >"$output" 2>&1; } 2>"$output.time" &
    WRK_PID=$!
    wait "$WRK_PID" || { cat "$output" >&2; die "wrk failed"; }
    WRK_PID=
    after=$(cpu_snapshot)
    wrk_ticks=$(awk -v tck="$CLK_TCK" '{printf "%d", ($1 + $2) * tck}' "$output.time")
    printf '%s\n%s\n%s\n' "$before" "$after" "$wrk_ticks" >"$output.cpu"
}
bench_field() { sed -n "s/^BENCH .*\\b$2=\\([0-9]*\\).*/\\1/p" "$1"; }   # output-file field (from the Lua done())
check_wrk() { # output-file what [discarded]: every registration 201, no socket error; a discarded (warm-up) run only reports
    local output=$1 what=$2 discarded=${3:-} non2xx errors problem=""
    grep -q '^BENCH ' "$output" || { cat "$output" >&2; die "$what: no summary line from registration-throughput.lua"; }
    non2xx=$(bench_field "$output" non2xx)
    errors=$(( $(bench_field "$output" connect) + $(bench_field "$output" read) + $(bench_field "$output" write) + $(bench_field "$output" timeout) ))
    ((non2xx == 0)) || problem="$non2xx registrations were not answered 2xx ($WORK/data/logs)"
    ((errors == 0)) || problem+="${problem:+; }$errors socket errors (timeouts: no answer within ${BENCH_TIMEOUT}s)"
    [[ -z $problem ]] && return 0
    # a cold platform may time out during the first warm-up steps; those runs are thrown away, so are their errors
    [[ -n $discarded ]] && { say "$what: $problem (discarded with the warm-up)"; return 0; }
    cat "$output" >&2
    die "$what: $problem"
}
# warm-up: the JIT needs a minute or more under load on 2 shared CPUs; 10 s steps until the throughput stops moving
WARMED=0
if ((BENCH_WARMUP > 0)); then
    wait_quiet "warm-up"
    previous=0; trail=""
    while :; do
        f=$OUT/warmup-$WARMED.txt
        run_wrk 10 "$f"
        check_wrk "$f" "warm-up" discarded
        WARMED=$((WARMED + 10))
        rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$f"); rps=${rps:-0}
        trail+="${trail:+ }$rps"
        if ((WARMED >= BENCH_WARMUP)) && awk -v a="$previous" -v b="$rps" 'BEGIN { exit !(a > 0 && (b - a) / a < 0.05 && (a - b) / a < 0.05) }'; then
            break
        fi
        ((WARMED < BENCH_WARMUP_MAX)) || { say "warm-up still moving after ${WARMED}s: measuring anyway"; break; }
        previous=$rps
    done
    say "warmed up in ${WARMED}s (registrations/s per 10 s: $trail)"
    await_outbox_drained "warm-up" "$BENCH_DRAIN_MAX" || die "the outbox did not drain after the warm-up"
    say "outbox drained ${OUTBOX_DRAINED_AFTER}s after the warm-up"
fi

RUNS=$WORK/runs.tsv   # round rps p50 p99 requests non2xx published-during published-after backlog-at-end peak drain-s failures cpu
: >"$RUNS"
for ((r = 1; r <= BENCH_ROUNDS; r++)); do
    sleep "$BENCH_PAUSE"
    await_outbox_drained "before round $r" "$BENCH_DRAIN_MAX" || die "the outbox did not drain before round $r"
    wait_quiet "round $r"
    f=$OUT/round$r.txt
    SAMPLES=$f.backlog
    read -r _ published_before failures_before < <(outbox_metrics) || die "cannot read member-registry's outbox metrics"
    sample_outbox "$SAMPLES" &
    SAMPLER_PID=$!
    run_wrk "$BENCH_DURATION" "$f"
    read -r backlog_at_end published_at_end _ < <(outbox_metrics) || die "cannot read member-registry's outbox metrics"
    stop_pid "$SAMPLER_PID" 2; SAMPLER_PID=
    check_wrk "$f" "round $r"
    # every registration wrk counted (all 201) wrote two events
    await_outbox_drained "round $r" "$BENCH_DRAIN_MAX" "$((published_before + 2 * $(bench_field "$f" requests)))" \
        || die "round $r: the outbox did not drain within ${BENCH_DRAIN_MAX}s (BENCH_DRAIN_MAX)"
    drain_seconds=$OUTBOX_DRAINED_AFTER
    drained=$(cpu_snapshot)
    read -r _ published_after failures_after < <(outbox_metrics) || die "cannot read member-registry's outbox metrics"
    # what publishing the backlog costs once the load is gone
    drain_cpu=$(cpu_use "$(sed -n 2p "$f.cpu")" "$drained" wrk 0 "$((drain_seconds > 0 ? drain_seconds : 1))" "$((published_after - published_at_end))")
    peak=$(awk -v p="$OUTBOX_PEAK" '$2 ~ /^[0-9]+$/ && $2 > p { p = $2 } END { print p }' "$SAMPLES")
    requests=$(bench_field "$f" requests)
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$f")
    p50=$(awk -v us="$(bench_field "$f" p50_us)" 'BEGIN { printf "%.2f", us / 1000 }')
    p99=$(awk -v us="$(bench_field "$f" p99_us)" 'BEGIN { printf "%.2f", us / 1000 }')
    { read -r before; read -r after; read -r wrk_ticks; } <"$f.cpu"
    cpu=$(cpu_use "$before" "$after" wrk "$wrk_ticks" "$BENCH_DURATION" "$requests")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$rps" "$p50" "$p99" "$requests" \
        "$(bench_field "$f" non2xx)" "$((published_at_end - published_before))" "$((published_after - published_at_end))" \
        "$backlog_at_end" "$peak" "$drain_seconds" "$((failures_after - failures_before))" "$drain_cpu" "$cpu" >>"$RUNS"
    say "round $r: $rps registrations/s, p50 $p50 ms, p99 $p99 ms, $requests registrations, events published $((published_at_end - published_before)) during + $((published_after - published_at_end)) after (backlog $backlog_at_end at the end, peak $peak, drained in ${drain_seconds}s)  [cpu %core/us-per-registration: $cpu]"
done

# ---- steady rate: registration -> event on Kafka ---------------------------------------------------------------------
# Below the saturated rate of the runs, so the latency is mostly the path's own (gateway, registry, MongoDB write,
# outbox hand-off, Kafka) rather than a queue that keeps growing. RegistrationLatency.java sends on a fixed schedule
# (open loop) and times each registration until a plain consumer sees its member-registered event; CPU is sampled
# between its "PHASE measuring" and "PHASE sent" lines, so neither its warm-up nor the wait for late events counts.
STEADY=
if ((BENCH_STEADY_RATE > 0)); then
    sleep "$BENCH_PAUSE"
    await_outbox_drained "before the steady phase" "$BENCH_DRAIN_MAX" || die "the outbox did not drain before the steady phase"
    wait_quiet "steady phase"
    RUN=$((RUN + 1))   # a run number of its own: its corporate numbers repeat no wrk run's
    STEADY=$OUT/steady.txt
    say "steady phase: $BENCH_STEADY_RATE registrations/s, ${BENCH_STEADY_WARMUP}s warm-up + ${BENCH_STEADY_DURATION}s measured"
    # the launcher's classpath has kafka-clients (through the broker) and a logging back end
    # shellcheck disable=SC2086
    "$JAVA" $STEADY_JAVA_OPTS -cp "$LAUNCHER_CP" "$STEADY_JAVA" --url "$URL" --bootstrap "127.0.0.1:$KAFKA_PORT" \
        --run "$RUN" --rate "$BENCH_STEADY_RATE" --duration "$BENCH_STEADY_DURATION" --warmup "$BENCH_STEADY_WARMUP" \
        --timeout "$BENCH_STEADY_TIMEOUT" --http-timeout "$BENCH_TIMEOUT" >"$STEADY" 2>"$STEADY.err" &
    STEADY_PID=$!
    await_phase() { # line: waits until RegistrationLatency.java prints "PHASE <line>"
        until grep -qx "PHASE $1" "$STEADY"; do
            kill -0 "$STEADY_PID" 2>/dev/null || { cat "$STEADY.err" >&2; die "RegistrationLatency.java stopped before \"PHASE $1\""; }
            sleep 0.1
        done
    }
    await_phase measuring
    read -r _ published_before _ < <(outbox_metrics) || die "cannot read member-registry's outbox metrics"
    before=$(cpu_snapshot); started=$(date +%s.%N); loadgen_before=$(cpu_ticks "$STEADY_PID")
    ((BENCH_STEADY_DURATION > 2)) && sleep $((BENCH_STEADY_DURATION - 2))   # fewer greps on the measured CPUs
    await_phase sent
    after=$(cpu_snapshot); ended=$(date +%s.%N); loadgen_after=$(cpu_ticks "$STEADY_PID")
    read -r _ published_after _ < <(outbox_metrics) || die "cannot read member-registry's outbox metrics"
    wait "$STEADY_PID" || { status=$?; STEADY_PID=; cat "$STEADY.err" >&2; die "RegistrationLatency.java failed (status $status)"; }
    STEADY_PID=
    grep -q '^STEADY ' "$STEADY" || { cat "$STEADY" "$STEADY.err" >&2; die "no summary line from RegistrationLatency.java"; }
    steady_field() { sed -n "s/^STEADY .*\\b$1=\\([^ ]*\\).*/\\1/p" "$STEADY"; }
    STEADY_SECONDS=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", b - a }')
    STEADY_EVENTS_PUBLISHED=$((published_after - published_before))   # both events of each registration, by the relay
    STEADY_CPU=$(cpu_use "$before" "$after" loadgen "$((loadgen_after - loadgen_before))" "$STEADY_SECONDS" "$(steady_field ok)")
    STEADY_CPU_PER_EVENT=$(cpu_use "$before" "$after" loadgen 0 "$STEADY_SECONDS" "$STEADY_EVENTS_PUBLISHED")
    say "steady phase: $(steady_field achieved_rate) registrations/s, $(steady_field ok) ok, $(steady_field non2xx) non-2xx, $(steady_field events) events received, $(steady_field missing) missing; registration -> event p50 $(steady_field p50_ms) ms, p99 $(steady_field p99_ms) ms, max $(steady_field max_ms) ms  [cpu: $STEADY_CPU]"
    if (($(steady_field non2xx) + $(steady_field errors) + $(steady_field unanswered) + $(steady_field missing) > 0)); then
        say "steady phase: not every registration was answered 2xx and seen on Kafka (see the results; $STEADY.err)"
        sed -n '/^not answered/,$p' "$STEADY.err" >&2
    fi
fi

# ---- results -----------------------------------------------------------------------------------------------------------
# the run with the median throughput (the lower median for an even number of rounds)
IFS=$'\t' read -r _ RPS P50 P99 REQUESTS NON2XX PUB_DURING PUB_AFTER BACKLOG_END PEAK DRAIN FAILURES DRAIN_CPU CPU \
    < <(sort -t$'\t' -k2,2g "$RUNS" | awk -v n="$BENCH_ROUNDS" 'NR == int((n + 1) / 2)')
SPREAD=$(awk -F'\t' '{ v = $2 + 0; if (min == "" || v < min) min = v; if (v > max) max = v } END { printf "%.0f–%.0f", min, max }' "$RUNS")
TOTAL_REGISTRATIONS=$(awk -F'\t' '{ s += $5 } END { print s }' "$RUNS")
TOTAL_EVENTS=$(awk -F'\t' '{ s += $7 + $8 } END { print s }' "$RUNS")
TOTAL_FAILURES=$(awk -F'\t' '{ s += $12 } END { print s }' "$RUNS")
NOW=$(date -u '+%Y-%m-%d %H:%M UTC')

SECTION=$WORK/section.md
{
    printf '## %s — registration throughput%s: %.0f registrations/s, p99 %s ms%s\n' "$NOW" "${BENCH_LABEL:+ ($BENCH_LABEL)}" "$RPS" "$P99" \
        "${STEADY:+; at $BENCH_STEADY_RATE/s registration → event on Kafka p99 $(steady_field p99_ms) ms}"
    echo
    echo "| registrations/s (median run) | min–max of $BENCH_ROUNDS runs | p50 (ms) | p99 (ms) | registrations | non-2xx | events published during the run / after it | outbox backlog at the end / peak | drained after |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '| %.0f | %s | %s | %s | %s | %s | %s / %s | %s / %s | %s s |\n' "$RPS" "$SPREAD" "$P50" "$P99" "$REQUESTS" "$NON2XX" \
        "$PUB_DURING" "$PUB_AFTER" "$BACKLOG_END" "$PEAK" "$DRAIN"
    echo
    echo "Every registration writes two events in the same document write (\`member-registered\` on \`membership.member-events.v1\`,"
    echo "\`owner-designated\` on \`membership.member-contacts.v1\`); the outbox relay publishes them. Over all $BENCH_ROUNDS runs: $TOTAL_REGISTRATIONS"
    echo "registrations counted by wrk, $TOTAL_EVENTS events published (2 per registration, plus those of registrations still in flight"
    echo "when wrk stopped), $TOTAL_FAILURES publish failures. While the median run's backlog drained (no load), the relay published"
    printf '%.0f events/s; member-registry used %s%% of a core (%s µs per event), MongoDB (launcher) %s%% (%s µs per event), Kafka %s%%.\n' \
        "$(awk -v e="$PUB_AFTER" -v s="$DRAIN" 'BEGIN { print (s > 0 ? e / s : e) }')" \
        "$(cpu_field "$DRAIN_CPU" member-registry 1)" "$(cpu_field "$DRAIN_CPU" member-registry 2)" \
        "$(cpu_field "$DRAIN_CPU" launcher 1)" "$(cpu_field "$DRAIN_CPU" launcher 2)" "$(cpu_field "$DRAIN_CPU" kafka 1)"
    echo
    echo "CPU in the median run, % of one core and µs per registration:"
    echo
    echo "| gateway | member-registry | MongoDB (launcher) | identity | Kafka | wrk | other processes | machine busy |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '| %s%% / %s µs | %s%% / %s µs | %s%% / %s µs | %s%% / %s µs | %s%% / %s µs | %s%% / %s µs | %s%% | %s%% |\n' \
        "$(cpu_field "$CPU" gateway 1)" "$(cpu_field "$CPU" gateway 2)" "$(cpu_field "$CPU" member-registry 1)" "$(cpu_field "$CPU" member-registry 2)" \
        "$(cpu_field "$CPU" launcher 1)" "$(cpu_field "$CPU" launcher 2)" "$(cpu_field "$CPU" identity 1)" "$(cpu_field "$CPU" identity 2)" \
        "$(cpu_field "$CPU" kafka 1)" "$(cpu_field "$CPU" kafka 2)" "$(cpu_field "$CPU" wrk 1)" "$(cpu_field "$CPU" wrk 2)" \
        "$(run_field "$CPU" other)" "$(run_field "$CPU" machine)"
    if [[ -n $STEADY ]]; then
        echo
        echo "**Steady rate**, after the runs: registrations at a fixed $BENCH_STEADY_RATE/s (open loop; ${BENCH_STEADY_WARMUP}s at that rate discarded,"
        echo "then ${BENCH_STEADY_DURATION}s), each timed from its scheduled send until a plain Kafka consumer received its \`member-registered\` event, and"
        echo "until the record's timestamp ($(steady_field timestamp_type))."
        echo
        echo "| registrations/s asked / achieved | registrations ok / non-2xx / no answer | events received / missing | registration → event p50 / p90 / p99 / max (ms) | registration → record timestamp p50 / p99 (ms) | HTTP answer p50 / p99 (ms) |"
        echo "|---:|---:|---:|---:|---:|---:|"
        printf '| %s / %s | %s / %s / %s | %s / %s | %s / %s / %s / %s | %s / %s | %s / %s |\n' \
            "$(steady_field asked_rate)" "$(steady_field achieved_rate)" "$(steady_field ok)" "$(steady_field non2xx)" \
            "$(($(steady_field errors) + $(steady_field unanswered)))" "$(steady_field events)" "$(steady_field missing)" \
            "$(steady_field p50_ms)" "$(steady_field p90_ms)" "$(steady_field p99_ms)" "$(steady_field max_ms)" \
            "$(steady_field broker_p50_ms)" "$(steady_field broker_p99_ms)" "$(steady_field http_p50_ms)" "$(steady_field http_p99_ms)"
        if [[ $(steady_field non2xx_statuses) != - ]]; then
            echo
            echo "Non-2xx answers by status: \`$(steady_field non2xx_statuses)\` (the first ones are in the script's output)."
        fi
        echo
        echo "CPU over the steady phase's ${STEADY_SECONDS}s of sending, % of one core and µs per registration answered 2xx; member-registry"
        echo "used $(cpu_field "$STEADY_CPU_PER_EVENT" member-registry 2) µs per event its outbox published then ($STEADY_EVENTS_PUBLISHED events, two per registration):"
        echo
        echo "| gateway | member-registry | MongoDB (launcher) | identity | Kafka | load generator | other processes | machine busy |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
        printf '| %s%% / %s µs | %s%% / %s µs | %s%% / %s µs | %s%% / %s µs | %s%% / %s µs | %s%% / %s µs | %s%% | %s%% |\n' \
            "$(cpu_field "$STEADY_CPU" gateway 1)" "$(cpu_field "$STEADY_CPU" gateway 2)" "$(cpu_field "$STEADY_CPU" member-registry 1)" "$(cpu_field "$STEADY_CPU" member-registry 2)" \
            "$(cpu_field "$STEADY_CPU" launcher 1)" "$(cpu_field "$STEADY_CPU" launcher 2)" "$(cpu_field "$STEADY_CPU" identity 1)" "$(cpu_field "$STEADY_CPU" identity 2)" \
            "$(cpu_field "$STEADY_CPU" kafka 1)" "$(cpu_field "$STEADY_CPU" kafka 2)" "$(cpu_field "$STEADY_CPU" loadgen 1)" "$(cpu_field "$STEADY_CPU" loadgen 2)" \
            "$(run_field "$STEADY_CPU" other)" "$(run_field "$STEADY_CPU" machine)"
    fi
    quiet_notes_and_settings_head
    machine_rows
    echo "| load | wrk $( (wrk -v 2>&1 || true) | awk 'NR == 1 {print $2}') \`-t$BENCH_THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s --timeout ${BENCH_TIMEOUT}s --latency -s registration-throughput.lua\`, keep-alive, loopback, through the gateway |"
    echo "| request | \`POST /api/members/organisations\`, anonymous, JSON (~380 bytes): a new corporate number (valid check digit), \`Idempotency-Key\` and owner e-mail per request, prefectures of 6 bureaus |"
    echo "| procedure | warm-up in 10 s steps until throughput is steady (${WARMED}s), then $BENCH_ROUNDS runs; before each run ${BENCH_PAUSE}s pause, the outbox drained, and a wait (≤ ${BENCH_QUIET_WAIT}s) until other processes use ≤ ${BENCH_QUIET_MAX}% of a core; the row is the run with the median throughput; backlog sampled every second from member-registry's \`iinj_outbox_backlog\` |"
    if [[ -n $STEADY ]]; then
        echo "| steady phase | \`RegistrationLatency.java\` after the runs (same pause, drained outbox, quiet wait): JDK \`HttpClient\`, HTTP/1.1, asynchronous, each send at its scheduled instant (the latency counts from there; largest lag $(steady_field max_send_lag_ms) ms), same request as wrk's; a \`KafkaConsumer\` of its own (random group, partitions assigned and positioned at the end before the first send) on \`membership.member-events.v1\`, matching \`ce_type\` \`member-registered\` by record key = member id; events not received ${BENCH_STEADY_TIMEOUT}s after the last send count as missing; its JVM \`$STEADY_JAVA_OPTS\` |"
    fi
    echo
    echo "<details><summary>Every run</summary>"
    echo
    echo "| run | registrations/s | p50 (ms) | p99 (ms) | registrations | non-2xx | events during / after | backlog end / peak | drained after | publish failures | CPU under load (% of one core / µs per registration) | CPU while draining (% of one core / µs per event) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    awk -F'\t' '{ printf "| %s | %.0f | %s | %s | %s | %s | %s / %s | %s / %s | %s s | %s | `%s` | `%s` |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $13 }' "$RUNS"
    echo
    echo "</details>"
    echo
} >"$SECTION"

insert_results "$SECTION"
echo
cat "$SECTION"
say "results written to $BENCH_RESULTS"
SUCCESS=1
