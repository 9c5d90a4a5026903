# A throw-away local platform for the benchmarks: sourced (not run) by gateway-overhead.sh, registration-throughput.sh
# and member-import.sh. It builds, snapshots the jars, starts the launcher on free ports with a data directory in the
# benchmark's temp directory, signs in as the bootstrap administrator, measures CPU per process, waits for a quiet
# machine, writes results newest first, and stops everything again.
#
# The sourcing script sets before sourcing: BENCH_NAME (for messages and the temp directory), and may set the BENCH_*
# settings below; it calls stop_at_exit, naming the variables of its own background pids, so that whatever ends the
# run stops those, the platform and the temp directory.

BENCH_BUILD=${BENCH_BUILD:-1}                       # 1: ./mvnw package (services + launcher) first; 0: use the jars as they are
BENCH_MVN_ARGS=${BENCH_MVN_ARGS:--B -q}              # add -o to stay offline once a build has filled the local Maven repository
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseParallelGC -Xss512k}   # every service JVM (full JIT)
BENCH_LAUNCHER_JAVA_OPTS=${BENCH_LAUNCHER_JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseParallelGC}  # launcher = embedded MongoDB
BENCH_QUIET_MAX=${BENCH_QUIET_MAX:-20}              # before a measurement, wait until other processes use at most this % of one core
BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-300}           # ... but no longer than this many seconds (then measure anyway, noted)
BENCH_START_ATTEMPTS=${BENCH_START_ATTEMPTS:-1}     # starts of the platform before giving up (each on a fresh data directory)
BENCH_KEEP_TMP=${BENCH_KEEP_TMP:-0}                 # 1: keep the temp directory (logs, outputs) after a successful run
BENCH_LABEL=${BENCH_LABEL:-}                        # a name for this variant, shown in the results
BENCH_RESULTS=${BENCH_RESULTS:-infra/benchmarks/results/member-registry.md}
# The services the platform runs (the launcher's iinj.services) and modules built besides them and the launcher; a
# sourcing script that needs more sets these before sourcing (event-feeds-delivery.sh adds event-feeds, and
# infra/testing for its webhook receiver).
PLATFORM_SERVICES=${PLATFORM_SERVICES:-identity member-registry gateway}
PLATFORM_EXTRA_MODULES=${PLATFORM_EXTRA_MODULES:-}

ADMIN_EMAIL=admin@example.jp
ADMIN_PASSWORD='correct horse battery staple'
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RESULTS_MARKER='<!-- runs: newest first; the scripts insert each new run below this line and keep everything after it -->'

say() { printf '[%s %s] %s\n' "$BENCH_NAME" "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

require_tools() { # tool... : names whatever is missing, with the apt-get line
    local missing=() tool
    for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    command -v "$JAVA" >/dev/null 2>&1 || missing+=(java)
    if ((${#missing[@]})); then
        say "missing: ${missing[*]}"
        say "install them, e.g.:  apt-get install -y ${missing[*]/java/openjdk-17-jdk-headless}"
        exit 2
    fi
}

require_whole_numbers() { # variable names
    local n
    for n in "$@"; do [[ ${!n} =~ ^[0-9]+$ ]] || die "$n must be a whole number, not '${!n}'"; done
}

# ---- the temp directory and stopping what was started ---------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/iinj-$BENCH_NAME.XXXXXX")
DATA=$WORK/data
LAUNCHER_PID=
SUCCESS=0
declare -A PIDS=()

stop_pid() { # pid, seconds to wait after SIGTERM before SIGKILL
    local pid=$1 grace=$2 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    say "pid $pid did not stop within ${grace}s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

platform_stop() { # the launcher stops services, Kafka, MongoDB in order; leftovers by the pid files it keeps
    local pidfile pid
    [[ -n $LAUNCHER_PID ]] || return 0
    say "stopping the platform (services, Kafka, MongoDB)"
    stop_pid "$LAUNCHER_PID" 90
    for pidfile in "$DATA"/run/*.pid; do
        [[ -f $pidfile ]] || continue
        pid=$(awk '{print $1}' "$pidfile")
        [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && { say "stopping leftover $(basename "$pidfile" .pid) ($pid)"; stop_pid "$pid" 20; }
    done
    LAUNCHER_PID=
}

remove_work_unless_kept() {
    if ((SUCCESS)) && [[ $BENCH_KEEP_TMP != 1 ]]; then
        rm -rf "$WORK"
    else
        say "logs and outputs kept in $WORK"
    fi
}

stop_at_exit() { # names of variables holding the script's own background pids: at exit (done, failed or Ctrl-C) those
                 # are stopped, then the platform, and the work directory is removed unless kept
    STOP_AT_EXIT=("$@")
    trap stop_everything EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

stop_everything() {
    local status=$? name
    trap - EXIT INT TERM ERR
    set +e
    for name in "${STOP_AT_EXIT[@]}"; do
        if [[ -n ${!name:-} ]] && kill -0 "${!name}" 2>/dev/null; then
            say "stopping ${name%_PID}"
            stop_pid "${!name}" 10
        fi
    done
    platform_stop
    remove_work_unless_kept
    exit "$status"
}

# ---- build and snapshot ---------------------------------------------------------------------------------------------
platform_build() {
    # package, never install: the shared ~/.m2 snapshots stay as they are. The launcher's classpath is resolved in the
    # same reactor, so its sibling modules come from this checkout.
    local goals="compile"
    [[ $BENCH_BUILD == 1 ]] && goals="package -DskipTests"
    say "building: ./mvnw $BENCH_MVN_ARGS $goals (services and launcher)"
    # shellcheck disable=SC2086
    local modules service
    modules=$(printf 'services/%s,' $PLATFORM_SERVICES)infra/local${PLATFORM_EXTRA_MODULES:+,$PLATFORM_EXTRA_MODULES}
    ./mvnw $BENCH_MVN_ARGS $goals -pl "$modules" -am \
        dependency:build-classpath -Dmdep.outputFile=target/bench-launcher.classpath -Dmdep.includeScope=runtime \
        >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; die "build failed"; }
    for service in $PLATFORM_SERVICES; do
        [[ -f services/$service/target/$service.jar ]] || die "services/$service/target/$service.jar is missing: build first (./mvnw -DskipTests package) or leave BENCH_BUILD=1"
    done
    # A snapshot of what runs: a concurrent build in this checkout would otherwise replace jars under the running
    # JVMs. The launcher finds the service jars through the repository root above its working directory.
    SNAPSHOT=$WORK/repository
    JARS_INFO=""
    for service in $PLATFORM_SERVICES; do
        mkdir -p "$SNAPSHOT/services/$service/target"
        cp -p "services/$service/target/$service.jar" "$SNAPSHOT/services/$service/target/"
        JARS_INFO+="${JARS_INFO:+, }$service.jar $(date -u -r "services/$service/target/$service.jar" '+%Y-%m-%d %H:%M') sha256 $(sha256sum "$SNAPSHOT/services/$service/target/$service.jar" | cut -c1-12)"
    done
    cp pom.xml "$SNAPSHOT/"
    local entry i=0
    LAUNCHER_CP="$WORK/launcher/classes"
    mkdir -p "$WORK/launcher/lib"
    cp -r infra/local/target/classes "$WORK/launcher/classes"
    while IFS= read -r entry; do   # the entries in this checkout (sibling modules) are copied too
        [[ -n $entry ]] || continue
        if [[ $entry == "$REPO"/* ]]; then
            i=$((i + 1))
            cp -r "$entry" "$WORK/launcher/lib/$i-$(basename "$entry")"
            entry="$WORK/launcher/lib/$i-$(basename "$entry")"
        fi
        LAUNCHER_CP+=":$entry"
    done < <(tr ':' '\n' <infra/local/target/bench-launcher.classpath)
}

# ---- ports: free ones, away from the platform's defaults and below the kernel's ephemeral range ----------------------
declare -A TAKEN_PORTS=()
free_port() {
    local port
    for _ in $(seq 200); do
        port=$((20000 + RANDOM % 12000))
        [[ -z ${TAKEN_PORTS[$port]:-} ]] || continue
        if [[ -z $(ss -Hltn "sport = :$port" 2>/dev/null) ]]; then TAKEN_PORTS[$port]=1; echo "$port"; return; fi
    done
    die "no free port found"
}

# ---- the platform ---------------------------------------------------------------------------------------------------
PLATFORM_STARTED=0
platform_start() { # sets G (the gateway's URL), REGISTRY_URL, PIDS; BENCH_START_ATTEMPTS starts, each on a fresh data directory
    local attempt
    for ((attempt = 1; ; attempt++)); do
        platform_start_once && return 0
        ((attempt < BENCH_START_ATTEMPTS)) || die "the platform did not start"
        # on 2 shared CPUs a service can miss the launcher's 120 s health deadline when others build at the same time
        DATA=$WORK/data.$((attempt + 1))
        say "the platform did not start (attempt $attempt of $BENCH_START_ATTEMPTS): trying again in $DATA"
    done
}
platform_start_once() { # 1 when the launcher stopped before its banner
    GATEWAY_PORT=$(free_port); REGISTRY_PORT=$(free_port); IDENTITY_PORT=$(free_port)
    KAFKA_PORT=$(free_port); KAFKA_CONTROLLER_PORT=$(free_port); MONGODB_PORT=$(free_port)
    FEEDS_PORT=$(free_port)   # used only when event-feeds is one of PLATFORM_SERVICES
    FEEDS_URL=http://127.0.0.1:$FEEDS_PORT
    G=http://127.0.0.1:$GATEWAY_PORT
    REGISTRY_URL=http://127.0.0.1:$REGISTRY_PORT
    say "starting the platform in $DATA (gateway $GATEWAY_PORT, member-registry $REGISTRY_PORT, identity $IDENTITY_PORT)"
    # shellcheck disable=SC2086
    ( cd "$SNAPSHOT" && exec env -u IINJ_KAFKA_BOOTSTRAP_SERVERS -u IINJ_MONGODB_URI -u IINJ_SERVICES \
        IINJ_GATEWAY_RATE_LIMITS_ENABLED="${IINJ_GATEWAY_RATE_LIMITS_ENABLED:-false}" \
        IINJ_IDENTITY_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL \
        IINJ_IDENTITY_TOKENS_ACCESS_TOKEN_TTL=2h \
        "$JAVA" $BENCH_LAUNCHER_JAVA_OPTS \
        -Diinj.data.dir="$DATA" \
        -Diinj.services="$(tr ' ' ',' <<<"$PLATFORM_SERVICES")" -Diinj.event-feeds.port="$FEEDS_PORT" \
        -Diinj.service.java-opts="$BENCH_JAVA_OPTS" -Diinj.cds=off \
        -Diinj.gateway.port="$GATEWAY_PORT" -Diinj.member-registry.port="$REGISTRY_PORT" -Diinj.identity.port="$IDENTITY_PORT" \
        -Diinj.kafka.port="$KAFKA_PORT" -Diinj.kafka.controller-port="$KAFKA_CONTROLLER_PORT" -Diinj.mongodb.port="$MONGODB_PORT" \
        -cp "$LAUNCHER_CP" jp.iinj.localplatform.LocalPlatform >"$WORK/launcher.out" 2>&1 ) &
    LAUNCHER_PID=$!
    local i
    for ((i = 0; ; i++)); do
        grep -q 'Press Ctrl-C to stop.' "$WORK/launcher.out" && break
        if ! kill -0 "$LAUNCHER_PID" 2>/dev/null; then
            cat "$WORK/launcher.out" >&2; LAUNCHER_PID=; return 1
        fi
        ((i < 3000)) || { tail -40 "$WORK/launcher.out" >&2; die "no banner within 300 s"; }
        sleep 0.1
    done
    say "platform up: $(sed -n 's/.*IINJ local platform is up: \([0-9.]* s\).*/\1/p' "$WORK/launcher.out")"
    local name
    for name in $PLATFORM_SERVICES kafka; do PIDS[$name]=$(awk '{print $1}' "$DATA/run/$name.pid"); done
    PIDS[launcher]=$LAUNCHER_PID
    PLATFORM_STARTED=1
}

# ---- an admin token (authorization code + PKCE through the gateway, as the portal does) -----------------------------
admin_sign_in() { # sets TOKEN
    say "signing in as the bootstrap administrator"
    local i set_password status jar=$WORK/cookies verifier challenge authorize csrf code
    for ((i = 0; i < 100; i++)); do compgen -G "$DATA/mail/*$ADMIN_EMAIL*" >/dev/null && break; sleep 0.2; done
    set_password=$(sed -n 's/^Token: //p' "$DATA"/mail/*"$ADMIN_EMAIL"* | head -1)
    [[ -n $set_password ]] || die "no set-password mail for $ADMIN_EMAIL in $DATA/mail"
    status=$(curl -s -o "$WORK/password.out" -w '%{http_code}' -X POST "$G/api/identity/password-resets/$set_password" \
        -H 'Content-Type: application/json' -d "{\"password\":\"$ADMIN_PASSWORD\"}")
    [[ $status == 2* ]] || die "setting the admin password answered $status: $(cat "$WORK/password.out")"
    # identity issues tokens under the gateway's address as the services know it (localhost)
    local g=http://localhost:$GATEWAY_PORT
    verifier=$(openssl rand -hex 32)
    challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')
    authorize="$g/oauth2/authorize?response_type=code&client_id=iinj-portal&redirect_uri=$g/callback&scope=openid&state=s&code_challenge=$challenge&code_challenge_method=S256"
    curl -s -c "$jar" -b "$jar" -o /dev/null -H 'Accept: text/html' "$authorize"
    csrf=$(curl -s -c "$jar" -b "$jar" "$g/login" | sed -n 's/.*name="_csrf".*value="\([^"]*\)".*/\1/p' | head -1)
    [[ -n $csrf ]] || die "no CSRF token on the login page"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" \
        --data-urlencode "_csrf=$csrf" "$g/login"
    code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' -H 'Accept: text/html' "$authorize&continue" \
        | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
    [[ -n $code ]] || die "the sign-in gave no authorization code"
    TOKEN=$(curl -s -d "grant_type=authorization_code&client_id=iinj-portal&redirect_uri=$g/callback&code=$code&code_verifier=$verifier" \
        "$g/oauth2/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
    [[ -n $TOKEN ]] || die "the token endpoint gave no access token"
}

# ---- member-registry's outbox, from its own metrics endpoint (ADMIN) -----------------------------------------------
outbox_metrics() { # -> "backlog published failures" (events), from member-registry's /actuator/prometheus; nothing if unreadable
    curl -sf -H "Authorization: Bearer $TOKEN" "$REGISTRY_URL/actuator/prometheus" | awk '
        /^iinj_outbox_backlog[ {]/ { backlog = $NF; seen = 1 }
        /^iinj_outbox_published_total[ {]/ { published += $NF }
        /^iinj_outbox_publish_failures_total[ {]/ { failures += $NF }
        END { if (seen) printf "%.0f %.0f %.0f\n", backlog, published, failures }'
}
OUTBOX_DRAINED_AFTER=0
OUTBOX_PEAK=0
OUTBOX_LEFT=0
await_outbox_drained() { # what max-seconds [published-at-least [published-only]]: sets OUTBOX_DRAINED_AFTER (s), OUTBOX_PEAK, OUTBOX_LEFT
    # The backlog gauge is recounted by the relay's sweep (every 10 s), so it lags; drained means the gauge says 0
    # and (when given) the published counter reached what the writes so far must have published; with
    # "published-only" the counter alone decides (for writes whose events are known exactly). Not drained within
    # max-seconds: says so and returns 1 (OUTBOX_LEFT: the backlog then).
    local what=$1 max=$2 at_least=${3:-0} counter_only=${4:-} waited=0 backlog published failures
    OUTBOX_PEAK=0
    while :; do
        read -r backlog published failures < <(outbox_metrics) || die "$what: cannot read member-registry's outbox metrics"
        [[ -n $counter_only ]] && backlog=$((at_least > published ? at_least - published : 0))
        ((backlog > OUTBOX_PEAK)) && OUTBOX_PEAK=$backlog
        OUTBOX_LEFT=$backlog
        OUTBOX_DRAINED_AFTER=$waited
        ((backlog == 0 && published >= at_least)) && return 0
        if ((waited >= max)); then
            say "$what: the outbox backlog is still $backlog (published $published of at least $at_least) after ${max}s"
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}
sample_outbox() { # file: one "second backlog published" line per second; run in the background, stopped by its pid
    local file=$1 t=0 backlog published failures
    while :; do
        read -r backlog published failures < <(outbox_metrics) || true
        echo "$t ${backlog:-?} ${published:-?}" >>"$file" || true
        sleep 1 || true
        t=$((t + 1))
    done
}

# ---- CPU per process -------------------------------------------------------------------------------------------------
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # utime+stime of a process, 0 when gone (fields after the ")" of comm, which may contain spaces)
    local stat
    [[ $1 =~ ^[0-9]+$ ]] || { echo 0; return; }   # no pid: not running (and /proc//stat would be the machine's)
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
    stat=${stat##*) }
    awk '{print $12 + $13}' <<<"$stat"
}
cpu_snapshot() { # -> "gateway=.. member-registry=.. launcher=.. identity=.. kafka=.. total=.. idle=.."
    local p out="" total idle
    for p in gateway member-registry launcher identity kafka ${PIDS[event-feeds]:+event-feeds}; do out+="$p=$(cpu_ticks "${PIDS[$p]:-}") "; done
    read -r total idle < <(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6; exit}' /proc/stat)
    echo "${out}total=$total idle=$idle"
}
cpu_use() { # before after extra-name extra-ticks seconds work-units -> "name=%core/us-per-unit ... other=% machine=%"
    printf '%s\n%s\n%s=%s\n' "$1" "$2" "$3" "$4" | awk -v tck="$CLK_TCK" -v secs="$5" -v units="$6" '
        NR == 1 { for (i = 1; i <= NF; i++) { split($i, kv, "="); before[kv[1]] = kv[2] } }
        NR == 2 { for (i = 1; i <= NF; i++) { split($i, kv, "="); after[kv[1]] = kv[2] } }
        NR == 3 { split($1, kv, "="); extra = kv[1]; after[extra] = kv[2]; before[extra] = 0 }
        END {
            n = split("gateway member-registry launcher identity kafka " extra, names, " ")
            for (i = 1; i <= n; i++) { d = after[names[i]] - before[names[i]]; if (d < 0) d = 0; ours += d
                printf "%s=%.0f/%.0f ", names[i], 100 * d / tck / secs, (units > 0 ? 1e6 * d / tck / units : 0) }
            total = after["total"] - before["total"]; idle = after["idle"] - before["idle"]
            other = total - idle - ours; if (other < 0) other = 0
            printf "other=%.0f machine=%.0f", 100 * other / tck / secs, (total > 0 ? 100 * (total - idle) / total : 0)
        }'
}
cpu_field() { sed -n "s/.*\\b$2=\\([0-9]*\\)\\/\\([0-9]*\\).*/\\$3/p" <<<"$1"; }  # cpu-use process 1=%core 2=us/unit
run_field() { sed -n "s/.*\\b$2=\\([0-9]*\\).*/\\1/p" <<<"$1"; }                  # cpu-use machine|other

# What counts as the benchmark's own processes; a sourcing script with processes of its own redefines it after sourcing
# (gateway-overhead.sh adds nginx).
benchmark_snapshot() { cpu_snapshot; }

foreign_load() { # % of one core used over 2 s by everything but the benchmark's processes (other people's builds, ...)
    local a b
    a=$(benchmark_snapshot); sleep 2; b=$(benchmark_snapshot)
    printf '%s\n%s\n' "$a" "$b" | awk -v tck="$CLK_TCK" '
        NR == 1 { for (i = 1; i <= NF; i++) { split($i, kv, "="); x[kv[1]] = kv[2] } }
        NR == 2 { for (i = 1; i <= NF; i++) { split($i, kv, "="); y[kv[1]] = kv[2] } }
        END { for (k in y) if (k != "total" && k != "idle") ours += y[k] - x[k]
              other = (y["total"] - x["total"]) - (y["idle"] - x["idle"]) - ours
              printf "%.0f", (other > 0 ? 100 * other / tck / 2 : 0) }'
}
QUIET_NOTES=()
wait_quiet() { # what: waits until the machine is quiet but for the benchmark's own processes
    local waited=0 load
    while :; do
        load=$(foreign_load)
        ((load <= BENCH_QUIET_MAX)) && { ((waited == 0)) || say "quiet after ${waited}s"; return; }
        if ((waited >= BENCH_QUIET_WAIT)); then
            say "other processes still use ${load}% of a core after ${waited}s: measuring anyway"
            QUIET_NOTES+=("$1: other processes used ${load}% of a core when it started")
            return
        fi
        ((waited > 0)) || say "other processes use ${load}% of a core: waiting up to ${BENCH_QUIET_WAIT}s for quiet"
        waited=$((waited + 2))
    done
}

# ---- results ---------------------------------------------------------------------------------------------------------
machine_rows() { # the setting rows every section has
    echo "| machine | $(nproc) CPUs ($(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB, Linux $(uname -r) |"
    echo "| Java | $("$JAVA" -version 2>&1 | sed -n '2p') |"
    echo "| service jars (copied before the start) | $JARS_INFO |"
    if ((PLATFORM_STARTED)); then
        echo "| services' JVM options | \`$BENCH_JAVA_OPTS\` (full JIT, C2; not the launcher's C1-only default) |"
        echo "| launcher JVM (embedded MongoDB, Kafka supervisor) | \`$BENCH_LAUNCHER_JAVA_OPTS\` |"
    fi
    if [[ ${IINJ_GATEWAY_RATE_LIMITS_ENABLED:-false} == false ]]; then
        echo "| gateway | rate limits off (\`IINJ_GATEWAY_RATE_LIMITS_ENABLED=false\`), everything else as shipped |"
    else
        echo "| gateway | rate limits ON (\`IINJ_GATEWAY_RATE_LIMITS_ENABLED=$IINJ_GATEWAY_RATE_LIMITS_ENABLED\`) |"
    fi
    local passed
    passed=$(env | grep -E '^(IINJ|SPRING|SERVER|LOGGING|MANAGEMENT|REACTOR|JAVA_TOOL)_' | grep -v '^IINJ_SERVICES=' | sort | sed 's/.*/`&`/' | paste -sd ' ' || true)
    echo "| environment passed to the services | ${passed:-none besides the settings above} |"
}

quiet_notes_and_settings_head() { # a section's "Not quiet" line (if any), then the head of its settings table
    if ((${#QUIET_NOTES[@]})); then
        echo
        echo "Not quiet: $(printf '%s; ' "${QUIET_NOTES[@]}")"
    fi
    echo
    echo "| setting | value |"
    echo "|---|---|"
}

insert_results() { # section-file [heading-file]: puts the section first below the results file's "runs" marker, keeps the rest
    # A results file keeps its own heading and everything below the marker (notes written by hand too); a new file
    # gets the heading given (the member registry's by default).
    local section=$1 heading=${2:-} new=$WORK/results.md
    mkdir -p "$(dirname "$BENCH_RESULTS")"
    if [[ -f $BENCH_RESULTS ]] && grep -q '^<!-- runs: newest first' "$BENCH_RESULTS"; then
        awk -v sf="$section" '
            !done && /^<!-- runs: newest first/ {
                print; print ""
                while ((getline line < sf) > 0) print line
                done = 1
                if ((getline) > 0 && $0 != "") print
                next
            }
            { print }' "$BENCH_RESULTS" >"$new"
    else
        {
            if [[ -n $heading ]]; then
                cat "$heading"
            else
                echo "# Member registry benchmarks"
                echo
                echo "Produced by \`infra/benchmarks/registration-throughput.sh\` and \`infra/benchmarks/member-import.sh\` (see"
                echo "\`infra/benchmarks/README.md\`), each on a throw-away local platform. Numbers from different machines or loads are"
                echo "not comparable; the machine and the settings are in every section."
            fi
            echo
            echo "$RESULTS_MARKER"
            echo
            cat "$section"
            [[ -f $BENCH_RESULTS ]] && cat "$BENCH_RESULTS"
        } >"$new"
    fi
    cp "$new" "$BENCH_RESULTS"
}
