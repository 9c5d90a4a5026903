#!/usr/bin/env bash
# Platform start-up benchmark: the local platform started as ./mvnw -Pplatform starts it, "before" (the service jars
# started as built, no class data sharing: iinj.cds=off) and "after" (the launcher's start-up tuning on), each
# on a first start (fresh data directory, nothing extracted or archived yet) and a warm restart (same data, archives
# from the first start), interleaved in rounds, in one run on the same machine.
#
#   infra/benchmarks/platform-startup.sh            (from the repository root; see infra/benchmarks/README.md)
#
# Per start: time to the banner; per service CPU seconds and wall time until its /actuator/health first answers UP;
# Kafka's CPU until it answers; the launcher's; and at the banner where each service's time went (classes loaded and
# how many came from the CDS archive, class-loading time, JIT compile time, GC time, Spring Boot's own start figures).
# Writes infra/benchmarks/results/platform-startup.md (newest run first, earlier runs kept) and prints the new run.
set -Eeuo pipefail

BENCH_NAME=startup-bench
BENCH_ROUNDS=${BENCH_ROUNDS:-3}                     # rounds of (before first, before warm, after first, after warm), order alternating
BENCH_TRAINING_WAIT=${BENCH_TRAINING_WAIT:-300}     # after an "after" first start: wait this long at most for the archives
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-300}     # a start without banner after this many seconds fails the run
BENCH_POLL=${BENCH_POLL:-0.1}                       # seconds between health polls (bash /dev/tcp: no process per poll)
BENCH_TARGET_CPU_CUT=40                             # the issue's targets: CPU to UP -40 % per service, warm banner <= 15 s
BENCH_TARGET_BANNER=15
# the launcher's JVM as the Maven profile starts it (it hosts the embedded MongoDB)
BENCH_LAUNCHER_JAVA_OPTS=${BENCH_LAUNCHER_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
BENCH_SERVICE_JAVA_OPTS=${BENCH_SERVICE_JAVA_OPTS:-}  # blank: the launcher's default for both variants
BENCH_BEFORE_SETTINGS=${BENCH_BEFORE_SETTINGS:--Diinj.cds=off}   # launcher system properties of "before"
BENCH_AFTER_SETTINGS=${BENCH_AFTER_SETTINGS:-}                         # ... and of "after" (blank: the defaults)
BENCH_RESULTS=${BENCH_RESULTS:-infra/benchmarks/results/platform-startup.md}

SERVICES=(identity member-registry gateway)

cd "$(dirname "$0")/../.."
[[ -f pom.xml && -d services && -d infra/local ]] || { echo "run from the IINJ repository (no pom.xml/services/infra/local here: $PWD)" >&2; exit 1; }
REPO=$PWD
# shellcheck source=throwaway-platform.sh
source infra/benchmarks/throwaway-platform.sh
trap 'say "FAILED: unexpected error (status $?) at line $LINENO: $BASH_COMMAND"' ERR

require_tools awk sed ss sha256sum jstat
require_whole_numbers BENCH_ROUNDS BENCH_TRAINING_WAIT BENCH_START_TIMEOUT BENCH_QUIET_MAX BENCH_QUIET_WAIT
((BENCH_ROUNDS >= 1)) || die "BENCH_ROUNDS must be >= 1"
command -v jstat >/dev/null || die "jstat (a JDK, not a JRE) is needed for the counters"

RAW=$WORK/raw.txt          # "variant kind round key value", one line per figure
: >"$RAW"

stop_at_exit

# ---- helpers --------------------------------------------------------------------------------------------------------
now_ms() { local t; t=$(date +%s%N); echo $((t / 1000000)); }
all_ticks() { # utime stime cutime cstime of a process (children it has reaped included), 0 when gone
    local stat
    [[ $1 =~ ^[0-9]+$ ]] || { echo 0; return; }
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
    stat=${stat##*) }
    awk '{print $12 + $13 + $14 + $15}' <<<"$stat"
}
child_ticks() { # cutime + cstime: what the processes the launcher started and reaped (extractions, training runs) used
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
    stat=${stat##*) }
    awk '{print $14 + $15}' <<<"$stat"
}
machine_busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }   # ticks of all CPUs not idle or waiting
secs() { awk -v t="$1" -v tck="$CLK_TCK" 'BEGIN {printf "%.2f", t / tck}'; }
record() { echo "$1 $2 $3 $4 $5" >>"$RAW"; }                                      # variant kind round key value

health_up() { # port: does /actuator/health answer UP? (bash's /dev/tcp, HTTP/1.0: the server closes, no process started)
    local answer=
    { exec 9<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
    { printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&9; } 2>/dev/null || { exec 9<&-; return 1; }
    IFS= read -r -t 2 -d '' answer <&9 || true
    exec 9<&-
    [[ $answer == "HTTP/1."?" 200"* && $answer == *'"status":"UP"'* ]]
}

counters() { # pid -> "classes shared clstime jit gc" from the JVM's own performance counters (no attach)
    jstat -J-Djstat.showUnsupported=true -snap "$1" 2>/dev/null | awk -F= '
        { v[$1] = $2 }
        END { f = v["sun.os.hrt.frequency"]; if (f == "") { print "? ? ? ? ?"; exit }
              printf "%s %s %.2f %.2f %.2f\n", v["java.cls.loadedClasses"], v["java.cls.sharedLoadedClasses"],
                  v["sun.cls.time"] / f, v["java.ci.totalTime"] / f, (v["sun.gc.collector.0.time"] + v["sun.gc.collector.1.time"]) / f }'
}

# ---- build, snapshot, ports ----------------------------------------------------------------------------------------
platform_build
GATEWAY_PORT=$(free_port); REGISTRY_PORT=$(free_port); IDENTITY_PORT=$(free_port)
KAFKA_PORT=$(free_port); KAFKA_CONTROLLER_PORT=$(free_port); MONGODB_PORT=$(free_port)
declare -A PORT=([identity]=$IDENTITY_PORT [member-registry]=$REGISTRY_PORT [gateway]=$GATEWAY_PORT)
declare -A COMMAND_LINE=()

# ---- one start ------------------------------------------------------------------------------------------------------
one_start() { # variant (before|after) kind (first|warm) round
    local variant=$1 kind=$2 round=$3 settings out t0 busy0 deadline s p now cpu kafka_pid= kafka_seen=0 banner_seen=0 pending
    local -A up=()
    [[ $variant == before ]] && settings=$BENCH_BEFORE_SETTINGS || settings=$BENCH_AFTER_SETTINGS
    DATA=$WORK/data-$variant-$round
    if [[ $kind == first ]]; then
        rm -rf "$DATA"
        # a first start after a build: nothing extracted or archived yet (the launcher keeps both next to the jars)
        rm -rf "$SNAPSHOT"/services/*/target/*-cds "$SNAPSHOT"/infra/local/target/kafka-cds
    fi
    wait_quiet "$variant $kind start, round $round"
    out=$WORK/$variant-$kind-$round.out
    say "round $round: $variant, $kind start"
    busy0=$(machine_busy)
    t0=$(now_ms)
    # shellcheck disable=SC2086
    ( cd "$SNAPSHOT" && exec env -u IINJ_KAFKA_BOOTSTRAP_SERVERS -u IINJ_MONGODB_URI -u IINJ_SERVICES -u IINJ_CDS \
        -u IINJ_SERVICE_JAVA_OPTS IINJ_IDENTITY_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL \
        "$JAVA" $BENCH_LAUNCHER_JAVA_OPTS -Diinj.data.dir="$DATA" -Diinj.services=identity,member-registry,gateway \
        ${BENCH_SERVICE_JAVA_OPTS:+"-Diinj.service.java-opts=$BENCH_SERVICE_JAVA_OPTS"} $settings \
        -Diinj.gateway.port="$GATEWAY_PORT" -Diinj.member-registry.port="$REGISTRY_PORT" -Diinj.identity.port="$IDENTITY_PORT" \
        -Diinj.kafka.port="$KAFKA_PORT" -Diinj.kafka.controller-port="$KAFKA_CONTROLLER_PORT" -Diinj.mongodb.port="$MONGODB_PORT" \
        -cp "$LAUNCHER_CP" jp.iinj.localplatform.LocalPlatform >"$out" 2>&1 ) &
    LAUNCHER_PID=$!
    deadline=$((t0 + BENCH_START_TIMEOUT * 1000))
    while :; do
        now=$(now_ms)
        if ((!kafka_seen)) && [[ $(<"$out") == *"Kafka is up"* ]]; then
            kafka_pid=$(awk '{print $1}' "$DATA/run/kafka.pid" 2>/dev/null || true)
            record "$variant" "$kind" "$round" kafka.cpu "$(secs "$(cpu_ticks "$kafka_pid")")"
            record "$variant" "$kind" "$round" kafka.up "$(awk -v ms=$((now - t0)) 'BEGIN {printf "%.2f", ms / 1000}')"
            kafka_seen=1
        fi
        pending=0
        for s in "${SERVICES[@]}"; do
            [[ -z ${up[$s]:-} ]] || continue
            pending=1
            [[ -f $DATA/run/$s.pid ]] || continue
            if health_up "${PORT[$s]}"; then
                p=$(awk '{print $1}' "$DATA/run/$s.pid")
                cpu=$(cpu_ticks "$p")
                now=$(now_ms)
                up[$s]=$p
                record "$variant" "$kind" "$round" "$s.cpu" "$(secs "$cpu")"
                record "$variant" "$kind" "$round" "$s.up" "$(awk -v ms=$((now - t0)) 'BEGIN {printf "%.2f", ms / 1000}')"
                [[ -n ${COMMAND_LINE[$variant-$kind-$s]:-} ]] || COMMAND_LINE[$variant-$kind-$s]=$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null \
                    | sed -e "s|$SNAPSHOT|<repo>|g" -e 's| --server.port=[0-9]*||' -e 's/ *$//' || true)
            fi
        done
        if ((!banner_seen)) && [[ $(<"$out") == *"Press Ctrl-C to stop."* ]]; then
            banner_seen=1
            record "$variant" "$kind" "$round" wall "$(awk -v ms=$((now - t0)) 'BEGIN {printf "%.2f", ms / 1000}')"
        fi
        ((banner_seen && !pending)) && break
        if ! kill -0 "$LAUNCHER_PID" 2>/dev/null; then
            tail -40 "$out" >&2; LAUNCHER_PID=; die "the platform did not start ($variant, $kind, round $round)"
        fi
        ((now < deadline)) || { tail -40 "$out" >&2; die "no banner within ${BENCH_START_TIMEOUT}s ($variant, $kind, round $round)"; }
        sleep "$BENCH_POLL"
    done
    local launcher_children
    launcher_children=$(child_ticks "$LAUNCHER_PID")
    record "$variant" "$kind" "$round" banner "$(sed -n 's/.*IINJ local platform is up: \([0-9.]*\) s.*/\1/p' "$out")"
    record "$variant" "$kind" "$round" launcher.cpu "$(secs "$(cpu_ticks "$LAUNCHER_PID")")"
    record "$variant" "$kind" "$round" extract.cpu "$(secs "$launcher_children")"
    # everything else the machine did meanwhile (other people's builds): the noise this start ran in
    local ours=0
    ours=$((ours + $(all_ticks "$LAUNCHER_PID") + $(cpu_ticks "$kafka_pid")))
    for s in "${SERVICES[@]}"; do ours=$((ours + $(cpu_ticks "${up[$s]}"))); done
    local other=$(( $(machine_busy) - busy0 - ours ))
    record "$variant" "$kind" "$round" other.cpu "$(secs $((other > 0 ? other : 0)))"
    # where each service's time went, at the banner (the JVM's own counters, read without attaching)
    local c
    for s in "${SERVICES[@]}"; do
        read -r -a c < <(counters "${up[$s]}") || true
        record "$variant" "$kind" "$round" "$s.classes" "${c[0]}"
        record "$variant" "$kind" "$round" "$s.shared" "${c[1]}"
        record "$variant" "$kind" "$round" "$s.clstime" "${c[2]}"
        record "$variant" "$kind" "$round" "$s.jit" "${c[3]}"
        record "$variant" "$kind" "$round" "$s.gc" "${c[4]}"
        # Spring Boot's "Started <App> in N seconds (process running for M)"
        read -r -a c < <(sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' \
            "$DATA/logs/$s.log" | head -1) || true
        record "$variant" "$kind" "$round" "$s.started" "${c[0]:-?}"
        record "$variant" "$kind" "$round" "$s.jvm" "$(awk -v a="${c[0]:-0}" -v b="${c[1]:-0}" 'BEGIN {printf "%.2f", b - a}')"
    done
    if [[ $variant == after && $kind == first ]]; then
        local waited=0 training0=$launcher_children
        t0=$(now_ms)
        until grep -qE 'archives written|No class data sharing archive|archives not written' "$out"; do
            ((waited < BENCH_TRAINING_WAIT * 10)) || die "no class data sharing archives ${BENCH_TRAINING_WAIT}s after the banner"
            sleep 0.1; waited=$((waited + 1))
        done
        local written
        written=$(grep 'archives written for' "$out" || true)
        for s in kafka "${SERVICES[@]}"; do
            [[ $written == *" $s"[,:]* ]] || { cat "$out" >&2; die "no class data sharing archive for $s"; }
        done
        record "$variant" "$kind" "$round" training.cpu "$(secs $(( $(child_ticks "$LAUNCHER_PID") - training0 )))"
        record "$variant" "$kind" "$round" training.wall "$(awk -v ms=$(( $(now_ms) - t0 )) 'BEGIN {printf "%.1f", ms / 1000}')"
    fi
    t0=$(now_ms)
    platform_stop
    record "$variant" "$kind" "$round" stop "$(awk -v ms=$(( $(now_ms) - t0 )) 'BEGIN {printf "%.1f", ms / 1000}')"
    # nothing may be left behind: every pid file removed and no process of this start alive
    for s in "${SERVICES[@]}" kafka; do
        [[ ! -f $DATA/run/$s.pid ]] || die "$s's pid file outlived the stop ($variant, $kind, round $round)"
    done
}

# ---- the rounds: before and after alternate which goes first ----------------------------------------------------------
for ((round = 1; round <= BENCH_ROUNDS; round++)); do
    if ((round % 2)); then order=(before after); else order=(after before); fi
    for variant in "${order[@]}"; do
        one_start "$variant" first "$round"
        one_start "$variant" warm "$round"
    done
done
SUCCESS=1

# ---- results --------------------------------------------------------------------------------------------------------
median() { # variant kind key -> "median (min-max)" over the rounds, or the value alone for one round
    awk -v v="$1" -v k="$2" -v key="$3" '$1 == v && $2 == k && $4 == key && $5 != "?" { x[n++] = $5 }
        END { if (!n) { print "–"; exit }
              for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
              m = (n % 2) ? x[int(n / 2)] : (x[n / 2 - 1] + x[n / 2]) / 2
              if (n == 1) printf "%s", x[0] + 0; else printf "%s (%s–%s)", m + 0, x[0] + 0, x[n - 1] + 0 }' "$RAW"
}
med() { median "$@" | awk '{print $1}'; }   # the median alone
change() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b != "–") printf "%+.0f %%", 100 * (b - a) / a; else printf "–" }'; }

SECTION=$WORK/section.md
HEADING=$WORK/heading.md
{
    echo "# Platform start-up"
    echo
    echo "Produced by \`infra/benchmarks/platform-startup.sh\` (see \`infra/benchmarks/README.md\`): the local platform started"
    echo "\"before\" (service jars as built, \`iinj.cds=off\`) and \"after\" (the launcher's defaults: extracted jars"
    echo "and class data sharing archives), first start and warm restart, interleaved, in one run on one machine. CPU seconds"
    echo "are the process's own (utime + stime from \`/proc\`), which other load on the machine disturbs much less than wall"
    echo "time. Numbers from different machines or loads are not comparable; the machine is in every section."
} >"$HEADING"

{
    banner_before=$(med before warm banner); banner_after=$(med after warm banner)
    verdict=""
    for s in "${SERVICES[@]}"; do
        verdict+="${verdict:+, }$s $(change "$(med before warm "$s.cpu")" "$(med after warm "$s.cpu")")"
    done
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC')${BENCH_LABEL:+: $BENCH_LABEL}: warm banner $banner_before s → $banner_after s; CPU to UP $verdict"
    echo
    echo "Medians of $BENCH_ROUNDS round(s), min–max in brackets. *first*: fresh data directory and, for \"after\", nothing extracted"
    echo "or archived yet (as after a build); *warm*: the same command again on the same data."
    echo
    echo "| | before, first | before, warm | after, first | after, warm | warm: after vs before |"
    echo "|---|---|---|---|---|---|"
    row() { # label key
        echo "| $1 | $(median before first "$2") | $(median before warm "$2") | $(median after first "$2") | $(median after warm "$2") | $(change "$(med before warm "$2")" "$(med after warm "$2")") |"
    }
    row "**banner** (s, the launcher's own figure)" banner
    for s in "${SERVICES[@]}"; do
        row "**$s: CPU s to UP**" "$s.cpu"
        row "$s: wall s to UP (from the launcher's start)" "$s.up"
    done
    row "Kafka: CPU s until it answers" kafka.cpu
    row "Kafka: wall s until it answers" kafka.up
    row "launcher: CPU s to the banner (embedded MongoDB, health polls)" launcher.cpu
    row "jar extraction: CPU s (while Kafka starts)" extract.cpu
    row "other processes on the machine: CPU s during the start" other.cpu
    row "stop (s, Ctrl-C until every process has ended)" stop
    echo
    echo "**Targets** (warm restart, after vs before): CPU to UP at least −$BENCH_TARGET_CPU_CUT % for every service; banner ≤ $BENCH_TARGET_BANNER s."
    echo
    echo "| | before, warm | after, warm | change | target met |"
    echo "|---|---|---|---|---|"
    for s in "${SERVICES[@]}"; do
        a=$(med before warm "$s.cpu"); b=$(med after warm "$s.cpu")
        met=$(awk -v a="$a" -v b="$b" -v t="$BENCH_TARGET_CPU_CUT" 'BEGIN {print (a > 0 && 100 * (a - b) / a >= t) ? "yes" : "no"}')
        echo "| $s CPU s to UP | $a | $b | $(change "$a" "$b") | $met |"
    done
    met=$(awk -v b="$banner_after" -v t="$BENCH_TARGET_BANNER" 'BEGIN {print (b <= t) ? "yes" : "no"}')
    echo "| banner s | $banner_before | $banner_after | $(change "$banner_before" "$banner_after") | $met |"
    echo
    echo "**Where each service's start goes** (medians; the JVM's counters read at the banner, so a little work after UP is"
    echo "included; class loading and JIT are elapsed times of the threads doing them, which overlap, not CPU shares):"
    echo
    echo "| service, variant (warm) | classes loaded | from the CDS archive | class loading s | JIT compiling s | GC s | JVM start to Spring s | Spring Boot start s |"
    echo "|---|---|---|---|---|---|---|---|"
    for s in "${SERVICES[@]}"; do
        for variant in before after; do
            echo "| $s, $variant | $(med $variant warm "$s.classes") | $(med $variant warm "$s.shared") | $(med $variant warm "$s.clstime") | $(med $variant warm "$s.jit") | $(med $variant warm "$s.gc") | $(med $variant warm "$s.jvm") | $(med $variant warm "$s.started") |"
        done
    done
    echo
    echo "**Archives after a first start** (\"after\" only; in the background after the banner, one at a time, \`nice -n 19\`):"
    echo "$(median after first training.cpu) CPU s for Kafka's dump and the three services' training runs, $(median after first training.wall) s"
    echo "from the banner until all were written. The first start's jar extraction: $(median after first extract.cpu) CPU s (three in"
    echo "parallel, while Kafka starts)."
    echo
    echo "| setting | value |"
    echo "|---|---|"
    echo "| machine | $(nproc) CPUs ($(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB, Linux $(uname -r) |"
    echo "| Java | $("$JAVA" -version 2>&1 | sed -n '2p') |"
    echo "| service jars (copied before the start) | $JARS_INFO |"
    echo "| launcher JVM (embedded MongoDB) | \`$BENCH_LAUNCHER_JAVA_OPTS\` (as the \`platform\` Maven profile) |"
    echo "| before: launcher settings | \`${BENCH_BEFORE_SETTINGS:-(defaults)}\` |"
    echo "| after: launcher settings | \`${BENCH_AFTER_SETTINGS:-(defaults)}\` |"
    for s in "${SERVICES[@]}"; do
        echo "| $s, before | \`${COMMAND_LINE[before-warm-$s]:-?}\` |"
        echo "| $s, after, first start | \`${COMMAND_LINE[after-first-$s]:-?}\` |"
        echo "| $s, after, warm | \`${COMMAND_LINE[after-warm-$s]:-?}\` |"
    done
    echo "| polling | health every ${BENCH_POLL}s by the script itself; CPU read when it first answered UP |"
    ((${#QUIET_NOTES[@]} == 0)) || echo "| not quiet | $(printf '%s; ' "${QUIET_NOTES[@]}") |"
    echo
    echo "<details><summary>every start</summary>"
    echo
    echo "| variant | start | round | banner s | identity CPU s | member-registry CPU s | gateway CPU s | Kafka CPU s | other CPU s |"
    echo "|---|---|---|---|---|---|---|---|---|"
    awk '{ key = $1 " " $2 " " $3; if (!(key in seen)) { seen[key] = 1; order[n++] = key } v[key, $4] = $5 }
        END { for (i = 0; i < n; i++) { split(order[i], f, " ")
              printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", f[1], f[2], f[3], v[order[i], "banner"], v[order[i], "identity.cpu"],
                  v[order[i], "member-registry.cpu"], v[order[i], "gateway.cpu"], v[order[i], "kafka.cpu"], v[order[i], "other.cpu"] } }' "$RAW"
    echo
    echo "</details>"
    echo
} >"$SECTION"

insert_results "$SECTION" "$HEADING"
cat "$SECTION"
say "results in $BENCH_RESULTS"
