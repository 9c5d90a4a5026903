#!/usr/bin/env bash
# Gateway overhead benchmark: wrk against GET /api/members/organisations/{id} of member-registry
#   (a) directly, (b) through the gateway, (c) through nginx proxying member-registry,
# with the same valid JWT, on a throw-away local platform with its own data directory and ports.
#
#   infra/benchmarks/gateway-overhead.sh            (from the repository root; see infra/benchmarks/README.md)
#
# Writes infra/benchmarks/results/gateway-overhead.md (newest run first, earlier runs kept) and prints the new run.
# Settings are environment variables, BENCH_* below; anything else in the environment (IINJ_*, SPRING_*, LOGGING_*,
# ...) reaches the services, as with the local platform itself.
set -Eeuo pipefail

# ---- settings (the platform's own, BENCH_BUILD, BENCH_JAVA_OPTS, BENCH_QUIET_*, ...: throwaway-platform.sh) ----------
BENCH_NAME=gateway-bench
BENCH_THREADS=${BENCH_THREADS:-1}                   # wrk threads (one is enough to load 2 cores' worth of services)
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}          # wrk connections (concurrent requests in flight)
BENCH_DURATION=${BENCH_DURATION:-20}                # seconds per measured run
BENCH_WARMUP=${BENCH_WARMUP:-30}                    # warm-up per target (discarded): at least this many seconds, in 10 s steps, ...
BENCH_WARMUP_MAX=${BENCH_WARMUP_MAX:-180}           # ... until two steps in a row differ by < 5% in throughput, at most this long
BENCH_ROUNDS=${BENCH_ROUNDS:-3}                     # measured rounds; each round runs the three targets, rotated
BENCH_PAUSE=${BENCH_PAUSE:-3}                       # seconds of rest before every run
BENCH_NGINX_WORKERS=${BENCH_NGINX_WORKERS:-auto}    # nginx worker_processes
BENCH_PIN=${BENCH_PIN:-0}                           # 1: pin the back end and the front (proxy + wrk) to separate CPUs, below
BENCH_PIN_BACKEND_CPUS=${BENCH_PIN_BACKEND_CPUS:-0} # member-registry, MongoDB (launcher), identity, Kafka
BENCH_PIN_FRONT_CPUS=${BENCH_PIN_FRONT_CPUS:-1}     # gateway, nginx, wrk
BENCH_RESULTS=${BENCH_RESULTS:-infra/benchmarks/results/gateway-overhead.md}
BENCH_HOLD=${BENCH_HOLD:-0}                         # 1: set everything up, write <temp>/targets.env, measure nothing, wait for Ctrl-C
BENCH_TARGET_RATIO=0.8                              # the issue's target: gateway >= 0.8 x nginx throughput

TARGETS=(direct gateway nginx)


cd "$(dirname "$0")/../.."
[[ -f pom.xml && -d services && -d infra/local ]] || { echo "run from the IINJ repository (no pom.xml/services/infra/local here: $PWD)" >&2; exit 1; }
REPO=$PWD
# shellcheck source=throwaway-platform.sh
source infra/benchmarks/throwaway-platform.sh
trap 'say "FAILED: unexpected error (status $?) at line $LINENO: $BASH_COMMAND"' ERR

# ---- preconditions -----------------------------------------------------------------------------------------------
TOOLS=(wrk nginx curl openssl awk sed ss sha256sum)
[[ $BENCH_PIN != 1 ]] || TOOLS+=(taskset)
require_tools "${TOOLS[@]}"
require_whole_numbers BENCH_THREADS BENCH_CONNECTIONS BENCH_DURATION BENCH_WARMUP BENCH_WARMUP_MAX BENCH_ROUNDS BENCH_PAUSE \
    BENCH_QUIET_MAX BENCH_QUIET_WAIT
((BENCH_ROUNDS >= 1 && BENCH_DURATION >= 1 && BENCH_THREADS >= 1 && BENCH_CONNECTIONS >= BENCH_THREADS)) \
    || die "BENCH_ROUNDS, BENCH_DURATION, BENCH_THREADS must be >= 1 and BENCH_CONNECTIONS >= BENCH_THREADS"

NGX=$WORK/nginx
OUT=$WORK/wrk
mkdir -p "$NGX/tmp" "$OUT"

# ---- clean-up: always stop what this script started ----------------------------------------------------------------
NGINX_PID=
WRK_PID=
cleanup() {
    local status=$?
    trap - EXIT INT TERM ERR
    set +e
    stop_pid "$WRK_PID" 2
    if [[ -n $NGINX_PID ]]; then say "stopping nginx"; stop_pid "$NGINX_PID" 10; fi
    platform_stop
    remove_work_unless_kept
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the platform and an administrator's token (throwaway-platform.sh) ---------------------------------------------
platform_build
NGINX_PORT=$(free_port)
platform_start
admin_sign_in

# ---- one organisation to read --------------------------------------------------------------------------------------
say "registering an organisation"
status=$(curl -s -o "$WORK/organisation.json" -D "$WORK/organisation.headers" -w '%{http_code}' -X POST "$G/api/members/organisations" \
    -H 'Content-Type: application/json' \
    -d '{"legalName":"株式会社ベンチマーク精機","organisationType":"SME","corporateNumber":"7123456789012","prefectureCode":"13","owner":{"displayName":"測定 太郎","email":"owner@bench.example.jp"}}')
[[ $status == 201 ]] || die "registration answered $status: $(cat "$WORK/organisation.json")"
ORG_PATH=$(sed -n 's/^[Ll]ocation: *\(.*\)\r$/\1/p' "$WORK/organisation.headers" | sed 's#^https\{0,1\}://[^/]*##')
[[ $ORG_PATH == /api/members/organisations/* ]] || die "unexpected Location: $ORG_PATH"

# ---- nginx: a plain reverse proxy in front of member-registry ------------------------------------------------------
NGINX_VERSION=$(nginx -v 2>&1 | sed 's#.*nginx/##')
NGINX_USER_LINE=""
((EUID == 0)) && NGINX_USER_LINE="user root;"   # as root, workers would otherwise switch to nobody and lose the temp dir
cat >"$NGX/nginx.conf" <<EOF
# generated by infra/benchmarks/gateway-overhead.sh
$NGINX_USER_LINE
worker_processes $BENCH_NGINX_WORKERS;
daemon off;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $NGX/tmp/client_body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    keepalive_requests 1000000;       # like reactor-netty: no forced reconnects of wrk's connections
    upstream member_registry {
        server 127.0.0.1:$REGISTRY_PORT;
        keepalive 64;                 # pooled HTTP/1.1 connections to member-registry, like the gateway's pool
        keepalive_requests 1000000;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://member_registry;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header Authorization \$http_authorization;   # forwarded by default anyway; explicit here
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
EOF
nginx -t -q -e "$NGX/error.log" -p "$NGX" -c "$NGX/nginx.conf" 2>"$NGX/test.out" || { cat "$NGX/test.out" >&2; die "nginx -t failed"; }
nginx -e "$NGX/error.log" -p "$NGX" -c "$NGX/nginx.conf" >"$NGX/stdout" 2>&1 &
NGINX_PID=$!
for ((i = 0; i < 100; i++)); do [[ -n $(ss -Hltn "sport = :$NGINX_PORT") ]] && break; sleep 0.1; done
kill -0 "$NGINX_PID" 2>/dev/null || { cat "$NGX/error.log" >&2; NGINX_PID=; die "nginx did not start"; }
NGINX_WORKER_COUNT=$(pgrep -P "$NGINX_PID" | wc -l)
WRK=(wrk)
PINNING="none: every process may run on every CPU"
if [[ $BENCH_PIN == 1 ]]; then
    for p in member-registry launcher identity kafka; do taskset -a -p -c "$BENCH_PIN_BACKEND_CPUS" "${PIDS[$p]}" >/dev/null; done
    for pid in "${PIDS[gateway]}" "$NGINX_PID" $(pgrep -P "$NGINX_PID"); do taskset -a -p -c "$BENCH_PIN_FRONT_CPUS" "$pid" >/dev/null; done
    WRK=(taskset -c "$BENCH_PIN_FRONT_CPUS" wrk)
    PINNING="CPUs $BENCH_PIN_BACKEND_CPUS: member-registry, MongoDB, identity, Kafka; CPUs $BENCH_PIN_FRONT_CPUS: gateway, nginx, wrk (taskset, every thread)"
    say "pinned: $PINNING"
fi
say "nginx $NGINX_VERSION on $NGINX_PORT (pid $NGINX_PID, $NGINX_WORKER_COUNT workers)"

# 127.0.0.1 rather than localhost: wrk takes the first address getaddrinfo gives, which may be ::1 (nginx listens on IPv4)
declare -A URL=([direct]="http://127.0.0.1:$REGISTRY_PORT$ORG_PATH" [gateway]="http://127.0.0.1:$GATEWAY_PORT$ORG_PATH"
                [nginx]="http://127.0.0.1:$NGINX_PORT$ORG_PATH")
declare -A RESPONSE_BYTES=()
for t in "${TARGETS[@]}"; do
    read -r status header_bytes body_bytes < <(curl -s -o "$WORK/$t.body" -w '%{http_code} %{size_header} %{size_download}\n' \
        -H "Authorization: Bearer $TOKEN" "${URL[$t]}")
    [[ $status == 200 ]] || die "$t: GET ${URL[$t]} answered $status: $(cat "$WORK/$t.body")"
    RESPONSE_BYTES[$t]="$header_bytes + $body_bytes"
done
cmp -s "$WORK/direct.body" "$WORK/gateway.body" && cmp -s "$WORK/direct.body" "$WORK/nginx.body" \
    || die "the three targets answered different bodies"

if [[ $BENCH_HOLD == 1 ]]; then
    {
        for t in "${TARGETS[@]}"; do echo "${t^^}_URL=${URL[$t]}"; done
        echo "TOKEN=$TOKEN"
        for p in "${!PIDS[@]}"; do echo "PID_${p^^}=${PIDS[$p]}" | tr '-' '_'; done
        echo "PID_NGINX=$NGINX_PID"
        echo "DATA=$DATA"
    } >"$WORK/targets.env"
    say "holding (BENCH_HOLD=1): source $WORK/targets.env, then e.g."
    say "  wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d20s --latency -H \"Authorization: Bearer \$TOKEN\" \$GATEWAY_URL"
    say "Ctrl-C (or kill $$) stops nginx and the platform"
    while kill -0 "$LAUNCHER_PID" 2>/dev/null; do sleep 1; done
    die "the platform stopped"
fi

# ---- measuring -------------------------------------------------------------------------------------------------------
nginx_ticks() {
    local sum pid
    sum=$(cpu_ticks "$NGINX_PID")
    for pid in $(pgrep -P "$NGINX_PID"); do sum=$((sum + $(cpu_ticks "$pid"))); done
    echo "$sum"
}
benchmark_snapshot() { # the platform's processes and nginx: "gateway=.. ... total=.. idle=.. nginx=.."
    echo "$(cpu_snapshot) nginx=$(nginx_ticks)"
}
to_ms() { # wrk's 812.00us / 3.21ms / 1.02s / 1.50m
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
        if (f < 0) { print "NaN"; exit 1 } printf "%.2f", n * f }'
}
WRK_ARGS=(-t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" --latency -H "Authorization: Bearer $TOKEN")

run_wrk() { # target seconds output-file: runs wrk, records CPU use of every process in <output>.cpu
    local target=$1 seconds=$2 output=$3 before after wrk_cpu
    before=$(benchmark_snapshot)
    TIMEFORMAT='%U %S'
    { time "${WRK[@]}" "${WRK_ARGS[@]}" -d"${seconds}s" "${URL[$target]}" >"$output" 2>&1; } 2>"$output.time" &
    WRK_PID=$!
    wait "$WRK_PID" || { cat "$output" >&2; die "wrk failed against $target"; }
    WRK_PID=
    after=$(benchmark_snapshot)
    wrk_cpu=$(awk '{printf "%d", ($1 + $2) * '"$CLK_TCK"'}' "$output.time")
    printf '%s\n%s\nwrk=%s\n' "$before" "$after" "$wrk_cpu" >"$output.cpu"
}
check_wrk() { # output-file target [discarded]: fails on any non-2xx answer or socket error; a discarded (warm-up) run only reports
    local output=$1 target=$2 discarded=${3:-} non2xx errors problem=""
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$output")
    errors=$(sed -n 's/.*Socket errors: *//p' "$output")
    [[ -z $non2xx ]] || problem="$non2xx responses were not 2xx"
    [[ -z $errors ]] || problem+="${problem:+; }socket errors: $errors"
    grep -q '^Requests/sec:' "$output" || problem+="${problem:+; }no Requests/sec in wrk's output"
    [[ -z $problem ]] && return 0
    # a cold gateway hits wrk's timeout in its first warm-up steps; those runs are thrown away, so are their errors
    [[ -n $discarded ]] && { say "$target: $problem (discarded with the warm-up)"; return 0; }
    cat "$output" >&2
    die "$target: $problem (see above)"
}

# the gateway first: its path warms member-registry too. The JIT needs a minute or more under load (C2 competes with
# the load for the two cores), so each target runs in 10 s steps until its throughput stops moving.
declare -A WARMED=()
for t in gateway nginx direct; do
    ((BENCH_WARMUP > 0)) || break
    wait_quiet "warm-up $t"
    previous=0; elapsed=0; trail=""
    while :; do
        f=$OUT/warmup-$t-$elapsed.txt
        run_wrk "$t" 10 "$f"
        check_wrk "$f" "$t (warm-up)" discarded
        elapsed=$((elapsed + 10))
        rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$f"); rps=${rps:-0}
        trail+="${trail:+ }$rps"
        if ((elapsed >= BENCH_WARMUP)) && awk -v a="$previous" -v b="$rps" 'BEGIN { exit !(a > 0 && (b - a) / a < 0.05 && (a - b) / a < 0.05) }'; then
            break
        fi
        ((elapsed < BENCH_WARMUP_MAX)) || { say "warm-up of $t still moving after ${elapsed}s: measuring anyway"; break; }
        previous=$rps
    done
    WARMED[$t]="${elapsed}s"
    say "warmed up $t in ${elapsed}s (requests/s per 10 s: $trail)"
done

# round r runs the targets starting at index r: every target is first, second and third once in three rounds
RESULTS=$WORK/runs.tsv   # round target rps p50 p99 requests cpu-fields...
: >"$RESULTS"
for ((r = 0; r < BENCH_ROUNDS; r++)); do
    for ((k = 0; k < ${#TARGETS[@]}; k++)); do
        t=${TARGETS[$(((r + k) % ${#TARGETS[@]}))]}
        sleep "$BENCH_PAUSE"
        wait_quiet "round $((r + 1)) $t"
        f=$OUT/round$((r + 1))-$t.txt
        run_wrk "$t" "$BENCH_DURATION" "$f"
        check_wrk "$f" "$t"
        rps=$(awk '/^Requests\/sec:/ {print $2}' "$f")
        p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$f")")
        p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$f")")
        requests=$(awk '/requests in/ {print $1}' "$f")
        # CPU seconds per process over the run -> "% of one core" and "CPU microseconds per request"
        cpu=$(awk -v tck="$CLK_TCK" -v secs="$BENCH_DURATION" -v req="$requests" '
            NR == 1 { for (i = 1; i <= NF; i++) { split($i, kv, "="); before[kv[1]] = kv[2] } }
            NR == 2 { for (i = 1; i <= NF; i++) { split($i, kv, "="); after[kv[1]] = kv[2] } }
            NR == 3 { split($1, kv, "="); after["wrk"] = kv[2]; before["wrk"] = 0 }
            END {
                n = split("gateway member-registry nginx wrk launcher identity kafka", names, " ")
                for (i = 1; i <= n; i++) { d = after[names[i]] - before[names[i]]; if (d < 0) d = 0; ours += d
                    printf "%s=%.0f/%.0f ", names[i], 100 * d / tck / secs, 1e6 * d / tck / req }
                total = after["total"] - before["total"]; idle = after["idle"] - before["idle"]
                other = total - idle - ours; if (other < 0) other = 0
                printf "other=%.0f machine=%.0f", 100 * other / tck / secs, (total > 0 ? 100 * (total - idle) / total : 0)
            }' "$f.cpu")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$((r + 1))" "$t" "$rps" "$p50" "$p99" "$requests" "$cpu" >>"$RESULTS"
        say "round $((r + 1)) $t: $rps req/s, p50 $p50 ms, p99 $p99 ms  [cpu %core/us-per-req: $cpu]"
    done
done

# ---- results -----------------------------------------------------------------------------------------------------------
median_row() { # target -> the run with the median throughput (the lower median for an even number of rounds)
    awk -F'\t' -v t="$1" '$2 == t' "$RESULTS" | sort -t$'\t' -k3,3g | awk -v n="$BENCH_ROUNDS" 'NR == int((n + 1) / 2)'
}
declare -A RPS P50 P99 CPU
for t in "${TARGETS[@]}"; do
    IFS=$'\t' read -r _ _ RPS[$t] P50[$t] P99[$t] _ CPU[$t] < <(median_row "$t")
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
GW_NGINX=$(ratio "${RPS[gateway]}" "${RPS[nginx]}")
GW_DIRECT=$(ratio "${RPS[gateway]}" "${RPS[direct]}")
NGINX_DIRECT=$(ratio "${RPS[nginx]}" "${RPS[direct]}")
if awk -v r="$GW_NGINX" -v t="$BENCH_TARGET_RATIO" 'BEGIN { exit !(r >= t) }'; then VERDICT="met"; else VERDICT="NOT met"; fi

spread() { awk -F'\t' -v t="$1" '$2 == t { v = $3 + 0; if (min == "" || v < min) min = v; if (v > max) max = v }
    END { printf "%.0f–%.0f", min, max }' "$RESULTS"; }
label() { case $1 in direct) echo "direct (member-registry)";; gateway) echo "gateway → member-registry";; nginx) echo "nginx → member-registry";; esac; }

CPU_MODEL=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
MEM_GIB=$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)
JAVA_VERSION=$("$JAVA" -version 2>&1 | sed -n '2p')
WRK_VERSION=$( (wrk -v 2>&1 || true) | awk 'NR == 1 {print $2}')
NOW=$(date -u '+%Y-%m-%d %H:%M UTC')
PASSED_ENV=$(env | grep -E '^(IINJ|SPRING|SERVER|LOGGING|MANAGEMENT|REACTOR|JAVA_TOOL)_' | grep -v '^IINJ_SERVICES=' | sort | sed 's/.*/`&`/' | paste -sd ' ' || true)

SECTION=$WORK/section.md
{
    echo "## $NOW${BENCH_LABEL:+ — $BENCH_LABEL}: gateway/nginx ${GW_NGINX}× (target ≥ ${BENCH_TARGET_RATIO}×: $VERDICT)"
    echo
    echo "| target | requests/s (median) | min–max of $BENCH_ROUNDS runs | p50 (ms) | p99 (ms) | CPU, % of one core: gateway / member-registry / nginx / wrk / MongoDB | other processes | machine busy |"
    echo "|---|---:|---:|---:|---:|---|---:|---:|"
    for t in "${TARGETS[@]}"; do
        printf '| %s | %.0f | %s | %s | %s | %s / %s / %s / %s / %s | %s%% | %s%% |\n' "$(label "$t")" "${RPS[$t]}" "$(spread "$t")" \
            "${P50[$t]}" "${P99[$t]}" "$(cpu_field "${CPU[$t]}" gateway 1)" "$(cpu_field "${CPU[$t]}" member-registry 1)" "$(cpu_field "${CPU[$t]}" nginx 1)" \
            "$(cpu_field "${CPU[$t]}" wrk 1)" "$(cpu_field "${CPU[$t]}" launcher 1)" "$(run_field "${CPU[$t]}" other)" "$(run_field "${CPU[$t]}" machine)"
    done
    echo
    echo "**Ratios (median throughput): gateway/nginx = ${GW_NGINX}, gateway/direct = ${GW_DIRECT}** (nginx/direct = ${NGINX_DIRECT})."
    echo
    echo "CPU time per request (µs) in the median runs:"
    echo
    echo "| target | gateway | member-registry | nginx | MongoDB (launcher) | wrk |"
    echo "|---|---:|---:|---:|---:|---:|"
    for t in "${TARGETS[@]}"; do
        printf '| %s | %s | %s | %s | %s | %s |\n' "$(label "$t")" "$(cpu_field "${CPU[$t]}" gateway 2)" "$(cpu_field "${CPU[$t]}" member-registry 2)" \
            "$(cpu_field "${CPU[$t]}" nginx 2)" "$(cpu_field "${CPU[$t]}" launcher 2)" "$(cpu_field "${CPU[$t]}" wrk 2)"
    done
    if ((${#QUIET_NOTES[@]})); then
        echo
        echo "Not quiet: $(printf '%s; ' "${QUIET_NOTES[@]}")"
    fi
    echo
    echo "| setting | value |"
    echo "|---|---|"
    echo "| machine | $(nproc) CPUs ($CPU_MODEL), ${MEM_GIB} GiB, Linux $(uname -r) |"
    echo "| Java | $JAVA_VERSION |"
    echo "| service jars (copied before the start) | $JARS_INFO |"
    echo "| services' JVM options | \`$BENCH_JAVA_OPTS\` (full JIT, C2; not the launcher's C1-only default) |"
    echo "| launcher JVM (embedded MongoDB, Kafka supervisor) | \`$BENCH_LAUNCHER_JAVA_OPTS\` |"
    echo "| load | wrk $WRK_VERSION \`-t$BENCH_THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s --latency\`, keep-alive, loopback |"
    echo "| CPU pinning | $PINNING |"
    echo "| procedure | warm-up in 10 s steps until throughput is steady (gateway ${WARMED[gateway]:-0s}, nginx ${WARMED[nginx]:-0s}, direct ${WARMED[direct]:-0s}), then $BENCH_ROUNDS rounds of the three targets in rotated order; before each run ${BENCH_PAUSE}s pause and a wait (≤ ${BENCH_QUIET_WAIT}s) until other processes use ≤ ${BENCH_QUIET_MAX}% of a core; each row is the run with the median throughput |"
    echo "| request | \`GET /api/members/organisations/{id}\`, \`Authorization: Bearer\` admin access token (RS256 JWT); response bytes (headers + body): direct ${RESPONSE_BYTES[direct]}, gateway ${RESPONSE_BYTES[gateway]}, nginx ${RESPONSE_BYTES[nginx]} |"
    if [[ ${IINJ_GATEWAY_RATE_LIMITS_ENABLED:-false} == false ]]; then
        echo "| gateway | rate limits off (\`IINJ_GATEWAY_RATE_LIMITS_ENABLED=false\`), everything else as shipped (JWT check, access table, correlation, security headers) |"
    else
        echo "| gateway | rate limits ON (\`IINJ_GATEWAY_RATE_LIMITS_ENABLED=$IINJ_GATEWAY_RATE_LIMITS_ENABLED\`; see the environment below for the limits), everything else as shipped |"
    fi
    echo "| nginx | $NGINX_VERSION, \`worker_processes $BENCH_NGINX_WORKERS\` ($NGINX_WORKER_COUNT workers), upstream \`keepalive 64\`, HTTP/1.1, access log off |"
    echo "| environment passed to the services | ${PASSED_ENV:-none besides the settings above} |"
    echo
    echo "<details><summary>Every run (CPU: % of one core / µs per request; other = processes not of the benchmark, % of one core)</summary>"
    echo
    echo "| round | target | requests/s | p50 (ms) | p99 (ms) | requests | CPU |"
    echo "|---:|---|---:|---:|---:|---:|---|"
    awk -F'\t' '{ printf "| %s | %s | %.0f | %s | %s | %s | `%s` |\n", $1, $2, $3, $4, $5, $6, $7 }' "$RESULTS"
    echo
    echo "</details>"
    echo
} >"$SECTION"

HEADING=$WORK/heading.md
{
    echo "# Gateway overhead benchmark"
    echo
    echo "Produced by \`infra/benchmarks/gateway-overhead.sh\` (see \`infra/benchmarks/README.md\`): wrk against member-registry's"
    echo "\`GET /api/members/organisations/{id}\` directly, through the gateway and through nginx, with the same JWT. Target from the"
    echo "issue: gateway ≥ ${BENCH_TARGET_RATIO}× nginx throughput. Numbers from different machines or loads are not comparable."
} >"$HEADING"
insert_results "$SECTION" "$HEADING"

echo
cat "$SECTION"
say "results written to $BENCH_RESULTS"
SUCCESS=1
