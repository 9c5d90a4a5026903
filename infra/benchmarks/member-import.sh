#!/usr/bin/env bash
# Member import: a regional body's member list as one CSV file (100,000 rows by default, valid corporate numbers,
# prefectures of the Kanto bureau), imported through the gateway by an administrator, on a throw-away local platform:
#
#   POST /api/members/imports   Content-Type: text/csv; charset=UTF-8   -> 202, Location: /api/members/imports/{id}
#   GET  /api/members/imports/{id}   until "state" is COMPLETED or FAILED
#        {state, rowsRead, rowsImported, rowsAlreadyRegistered, rowsRejected, errors, startedAt, finishedAt, ...}
#
# It measures rows/s (rowsImported / (finishedAt - startedAt)), the wall time including the upload, and
# member-registry's peak memory while it imports: resident set (VmHWM, reset before each import) and heap used
# (jstat every second), against its -Xmx. Then the time its outbox needs to publish the events the import wrote.
#
#   infra/benchmarks/member-import.sh      (from the repository root; see infra/benchmarks/README.md)
#
# Writes infra/benchmarks/results/member-registry.md (newest run first, earlier runs kept) and prints the new run.
set -Eeuo pipefail

BENCH_NAME=import-bench
BENCH_ROWS=${BENCH_ROWS:-100000}                    # rows of the generated CSV
BENCH_CSV_ENCODING=${BENCH_CSV_ENCODING:-UTF-8}     # UTF-8 or Shift_JIS (the file is converted with iconv; charset= says which)
BENCH_INVALID_EVERY=${BENCH_INVALID_EVERY:-0}       # > 0: every n-th row gets a wrong check digit (then rowsRejected > 0)
BENCH_CSV=${BENCH_CSV:-}                            # import this file instead of generating one (encoding: BENCH_CSV_ENCODING)
BENCH_IMPORTS=${BENCH_IMPORTS:-1}                   # imports of the same file; from the second on every row is already registered
BENCH_POLL_INTERVAL=${BENCH_POLL_INTERVAL:-1}       # seconds between GETs of the import's state
BENCH_IMPORT_TIMEOUT=${BENCH_IMPORT_TIMEOUT:-3600}  # seconds an import may take, upload included
EVENTS_PER_IMPORTED_ROW=3                          # member-registered, member-approved, owner-designated (RowImport)
BENCH_DRAIN_MAX=${BENCH_DRAIN_MAX:-1800}            # after an import, wait at most this long for the outbox backlog to reach 0
# the embedded MongoDB (in the launcher) ran out of memory at ~30,000 members with 512 MB: see the README's caveats
BENCH_LAUNCHER_JAVA_OPTS=${BENCH_LAUNCHER_JAVA_OPTS:--Xms128m -Xmx2g -XX:+UseParallelGC}
BENCH_GATEWAY_URL=${BENCH_GATEWAY_URL:-}            # set: import into a platform that is already running (no build, no start) ...
BENCH_TOKEN=${BENCH_TOKEN:-}                        # ... with this administrator's access token,
BENCH_REGISTRY_URL=${BENCH_REGISTRY_URL:-}          # ... member-registry's own address (outbox metrics; optional)
BENCH_REGISTRY_PID=${BENCH_REGISTRY_PID:-}          # ... and member-registry's pid (memory; optional)

cd "$(dirname "$0")/../.."
[[ -f pom.xml && -d services && -d infra/local ]] || { echo "run from the IINJ repository (no pom.xml/services/infra/local here: $PWD)" >&2; exit 1; }
REPO=$PWD
# shellcheck source=throwaway-platform.sh
source infra/benchmarks/throwaway-platform.sh
trap 'say "FAILED: unexpected error (status $?) at line $LINENO: $BASH_COMMAND"' ERR

require_tools curl jq iconv openssl awk sed ss sha256sum jstat jcmd
require_whole_numbers BENCH_ROWS BENCH_INVALID_EVERY BENCH_IMPORTS BENCH_POLL_INTERVAL BENCH_IMPORT_TIMEOUT BENCH_DRAIN_MAX \
    BENCH_QUIET_MAX BENCH_QUIET_WAIT
((BENCH_ROWS >= 1 && BENCH_ROWS <= 9999999 && BENCH_IMPORTS >= 1 && BENCH_POLL_INTERVAL >= 1)) \
    || die "BENCH_ROWS must be 1..9999999, BENCH_IMPORTS and BENCH_POLL_INTERVAL >= 1"
case ${BENCH_CSV_ENCODING^^} in
    UTF-8|UTF8) BENCH_CSV_ENCODING=UTF-8; ICONV_ENCODING=UTF-8 ;;
    SHIFT_JIS|SHIFT-JIS|SJIS) BENCH_CSV_ENCODING=Shift_JIS; ICONV_ENCODING=SHIFT_JIS ;;
    *) die "BENCH_CSV_ENCODING is UTF-8 or Shift_JIS, not '$BENCH_CSV_ENCODING'" ;;
esac
[[ -z $BENCH_CSV || -f $BENCH_CSV ]] || die "BENCH_CSV: no file $BENCH_CSV"
[[ -z $BENCH_GATEWAY_URL || -n $BENCH_TOKEN ]] || die "BENCH_GATEWAY_URL needs BENCH_TOKEN (an administrator's access token)"

SAMPLES=$WORK/samples
mkdir -p "$SAMPLES"
CURL_PID=
JSTAT_PID=
RSS_PID=
stop_at_exit CURL_PID JSTAT_PID RSS_PID

# ---- the CSV ----------------------------------------------------------------------------------------------------------
# The registry's check digit (services/member-registry/.../corporatenumber/CorporateNumber.java) over a 12-digit base
# "20000" + the row number: 9 - (sum of P_n * Q_n mod 9), P_n the n-th digit from the right, Q_n 1 (odd n) or 2 (even).
generate_csv() { # rows invalid-every -> UTF-8 CSV on stdout
    awk -v rows="$1" -v invalid_every="$2" 'BEGIN {
        print "corporate_number,legal_name,legal_name_kana,organisation_type,prefecture_code,address,website,employee_band,keywords,owner_name,owner_email"
        np = split("08 09 10 11 12 13 14 15 19 20 22", code, " ")
        split("茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 新潟県 山梨県 長野県 静岡県", place, " ")
        nt = split("SME SME SME START_UP SME LARGE_ENTERPRISE UNIVERSITY SUPPORT_ORGANISATION SME PUBLIC_RESEARCH_INSTITUTE", type, " ")
        nb = split("EMPLOYEES_1_TO_4 EMPLOYEES_5_TO_19 EMPLOYEES_20_TO_49 EMPLOYEES_20_TO_49 EMPLOYEES_50_TO_99 EMPLOYEES_100_TO_299 EMPLOYEES_300_TO_999", band, " ")
        nk = split("精密加工;試作 金型;樹脂成形;量産 ソフトウェア;組込み 医療機器部品 表面処理;めっき;研磨 食品加工;包装", keywords, " ")
        nn = split("精機 工業 製作所 電子 化成 技研 システムズ", suffix, " ")
        for (i = 1; i <= rows; i++) {
            base = sprintf("20000%07d", i)
            sum = 0
            for (n = 1; n <= 12; n++) sum += substr(base, 13 - n, 1) * (n % 2 == 1 ? 1 : 2)
            check = 9 - sum % 9
            if (invalid_every > 0 && i % invalid_every == 0) check = check % 9 + 1   # another digit 1-9: wrong
            p = (i * 7) % np + 1
            printf "%d%s,株式会社関東%s%d,カントウテスト,%s,%s,%s中央町%d番地,https://member%d.import.example.jp/,%s,%s,山田 太郎%d,owner%d@import.example.jp\n", \
                check, base, suffix[i % nn + 1], i, type[i % nt + 1], code[p], place[p], i % 999 + 1, i, band[i % nb + 1], \
                keywords[i % nk + 1], i, i
        }
    }'
}

CSV=$WORK/members.csv
if [[ -n $BENCH_CSV ]]; then
    cp "$BENCH_CSV" "$CSV"
    CSV_ORIGIN="\`$BENCH_CSV\`"
else
    say "generating $BENCH_ROWS rows ($BENCH_CSV_ENCODING)"
    generate_csv "$BENCH_ROWS" "$BENCH_INVALID_EVERY" >"$WORK/members.utf8.csv"
    iconv -f UTF-8 -t "$ICONV_ENCODING" "$WORK/members.utf8.csv" >"$CSV" || die "iconv to $ICONV_ENCODING failed"
    CSV_ORIGIN="generated, 12-digit bases 200000000001… with valid check digits"
    ((BENCH_INVALID_EVERY == 0)) || CSV_ORIGIN+=" (every ${BENCH_INVALID_EVERY}th row a wrong one)"
    CSV_ORIGIN+=", the 11 prefectures of the Kanto bureau, 6 organisation types, 6 employee bands, \`;\`-separated keywords"
fi
CSV_BYTES=$(stat -c %s "$CSV")
CSV_ROWS=$(($(wc -l <"$CSV") - 1))
say "CSV: $CSV_ROWS rows, $CSV_BYTES bytes"

# ---- the platform -----------------------------------------------------------------------------------------------------
if [[ -n $BENCH_GATEWAY_URL ]]; then
    G=${BENCH_GATEWAY_URL%/}
    TOKEN=$BENCH_TOKEN
    REGISTRY_URL=$BENCH_REGISTRY_URL
    PIDS[member-registry]=$BENCH_REGISTRY_PID
    JARS_INFO="not started by the benchmark: a running platform at $G"
    say "importing into the running platform at $G"
else
    platform_build
    platform_start
    admin_sign_in
fi
REGISTRY_PID=${PIDS[member-registry]:-}
if [[ -n $REGISTRY_PID ]]; then
    kill -0 "$REGISTRY_PID" 2>/dev/null || die "member-registry's pid $REGISTRY_PID is not running"
    MAX_HEAP_MIB=$(jcmd "$REGISTRY_PID" VM.flags 2>/dev/null | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=\([0-9]*\)$/\1/p' | awk '{ printf "%.0f", $1 / 1048576 }' || true)
    [[ -n $MAX_HEAP_MIB ]] || say "cannot read member-registry's MaxHeapSize with jcmd: heap figures will be missing"
    # the JVM options member-registry really runs with, from its command line
    REGISTRY_JVM_OPTS=$(tr '\0' '\n' <"/proc/$REGISTRY_PID/cmdline" | grep -E '^-X|^-XX:' | paste -sd ' ' || true)
fi

# ---- memory and CPU while importing -------------------------------------------------------------------------------------
kib_of() { # pid VmRSS|VmHWM -> KiB, "-" when unknown
    local kib=""
    [[ $1 =~ ^[1-9][0-9]*$ ]] && kib=$(awk -v k="$2" '$1 == k":" { print $2; exit }' "/proc/$1/status" 2>/dev/null || true)
    echo "${kib:--}"
}
sample_rss() { # file: "second rss-KiB hwm-KiB gateway-rss launcher-rss" every second, in the background
    local file=$1 t=0
    while :; do
        echo "$t $(kib_of "$REGISTRY_PID" VmRSS) $(kib_of "$REGISTRY_PID" VmHWM) $(kib_of "${PIDS[gateway]:-}" VmRSS) $(kib_of "${PIDS[launcher]:-}" VmRSS)" >>"$file" || true
        sleep 1 || true
        t=$((t + 1))
    done
}
start_memory_samplers() { # import-number
    [[ -n $REGISTRY_PID ]] || return 0
    # peak RSS of the import only: writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0)
    HWM_RESET=yes
    echo 5 >"/proc/$REGISTRY_PID/clear_refs" 2>/dev/null || HWM_RESET=no
    jstat -gc "$REGISTRY_PID" 1000 >"$SAMPLES/jstat-$1.txt" 2>&1 &
    JSTAT_PID=$!
    sample_rss "$SAMPLES/rss-$1.txt" &
    RSS_PID=$!
}
stop_memory_samplers() {
    stop_pid "$JSTAT_PID" 2; JSTAT_PID=
    stop_pid "$RSS_PID" 2; RSS_PID=
}
heap_summary() { # jstat-file -> "heap-used-at-start-MiB peak-heap-used-MiB young-gcs full-gcs gc-seconds" (or "? ? ? ? ?")
    awk '
        $1 == "S0C" { for (i = 1; i <= NF; i++) col[$i] = i; next }
        col["EU"] && $1 ~ /^[0-9.]+$/ {
            used = ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024
            if (!n++) { first = used; ygc0 = $col["YGC"]; fgc0 = $col["FGC"]; gct0 = $col["GCT"] }
            if (used > peak) peak = used
            ygc = $col["YGC"]; fgc = $col["FGC"]; gct = $col["GCT"]
        }
        END { if (n) printf "%.0f %.0f %d %d %.2f\n", first, peak, ygc - ygc0, fgc - fgc0, gct - gct0; else print "? ? ? ? ?" }' "$1"
}
rss_summary() { # rss-file -> "rss-at-start-MiB peak-sampled-rss-MiB hwm-MiB gateway-peak-MiB launcher-peak-MiB" ("?": unknown)
    awk 'function mib(kib) { return kib == "" ? "?" : sprintf("%.0f", kib / 1024) }
        $2 ~ /^[0-9]+$/ {
            if (!n++) first = $2
            for (i = 2; i <= 5; i++) if ($i ~ /^[0-9]+$/ && (peak[i] == "" || $i + 0 > peak[i] + 0)) peak[i] = $i }
        END { if (n) print mib(first), mib(peak[2]), mib(peak[3]), mib(peak[4]), mib(peak[5]); else print "? ? ? ? ?" }' "$1"
}

# ---- one import ---------------------------------------------------------------------------------------------------------
iso_seconds() { date -u -d "$1" +%s.%N 2>/dev/null || echo ""; }
RUNS=$WORK/runs.tsv
: >"$RUNS"
FIRST_ERRORS=""
run_import() { # number
    local n=$1 status location job started_wall finished_wall upload_seconds upload_bytes state waited=0 last_report=0
    local published_before=0 published_after=0 before after cpu
    wait_quiet "import $n"
    if [[ -n $REGISTRY_URL ]]; then read -r _ published_before _ < <(outbox_metrics) || published_before=0; fi
    start_memory_samplers "$n"
    sleep 2   # a baseline of the samplers before the upload
    before=$(cpu_snapshot)
    started_wall=$(date +%s.%N)
    say "import $n: uploading $CSV_BYTES bytes to $G/api/members/imports"
    curl -s -o "$WORK/upload-$n.body" -D "$WORK/upload-$n.headers" -w '%{http_code} %{time_total} %{size_upload}\n' \
        -X POST "$G/api/members/imports" -H "Authorization: Bearer $TOKEN" \
        -H "Content-Type: text/csv; charset=$BENCH_CSV_ENCODING" -H 'Accept: application/json' \
        --data-binary @"$CSV" >"$WORK/upload-$n.out" &
    CURL_PID=$!
    wait "$CURL_PID" || die "import $n: the upload failed (curl status $?)"
    CURL_PID=
    read -r status upload_seconds upload_bytes <"$WORK/upload-$n.out"
    upload_seconds=$(awk -v s="$upload_seconds" 'BEGIN { printf "%.1f", s }')
    case $status in
        202) ;;
        404|405) die "import $n: POST /api/members/imports answered $status: member-registry has no import API in this build: $(head -c 400 "$WORK/upload-$n.body")" ;;
        413) die "import $n: $CSV_BYTES bytes are too large for the gateway or member-registry (413): the gateway forwards at most iinj.gateway.body-limits.general (1MB) unless the import route has its own limit; for a try, IINJ_GATEWAY_BODY_LIMITS_GENERAL=64MB. $(head -c 400 "$WORK/upload-$n.body")" ;;
        *) die "import $n: POST /api/members/imports answered $status, expected 202: $(head -c 600 "$WORK/upload-$n.body")" ;;
    esac
    location=$(sed -n 's/^[Ll]ocation: *\(.*\)\r$/\1/p' "$WORK/upload-$n.headers" | sed 's#^https\{0,1\}://[^/]*##')
    [[ $location == /api/members/imports/* ]] || die "import $n: 202 without a Location /api/members/imports/{id} (got '$location')"
    say "import $n: uploaded in ${upload_seconds}s, polling $location"
    while :; do
        status=$(curl -s -o "$WORK/import-$n.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "$G$location")
        [[ $status == 200 ]] || die "import $n: GET $location answered $status: $(head -c 400 "$WORK/import-$n.json")"
        state=$(jq -r '.state // "?"' "$WORK/import-$n.json")
        [[ $state == COMPLETED || $state == FAILED ]] && break
        waited=$(awk -v a="$started_wall" -v b="$(date +%s.%N)" 'BEGIN { printf "%d", b - a }')
        ((waited <= BENCH_IMPORT_TIMEOUT)) || die "import $n: still $state after ${BENCH_IMPORT_TIMEOUT}s: $(cat "$WORK/import-$n.json")"
        if ((waited - last_report >= 10)); then
            say "import $n: $state, $(jq -r '"\(.rowsRead // "?") read, \(.rowsImported // "?") imported"' "$WORK/import-$n.json") after ${waited}s"
            last_report=$waited
        fi
        sleep "$BENCH_POLL_INTERVAL"
    done
    finished_wall=$(date +%s.%N)
    after=$(cpu_snapshot)
    stop_memory_samplers
    [[ $state == COMPLETED ]] || die "import $n: FAILED: $(jq -c . "$WORK/import-$n.json" | head -c 2000)"

    local read_rows imported already rejected errors started_at finished_at server_seconds rows_per_second wall
    read -r read_rows imported already rejected errors started_at finished_at < <(jq -r '[
        (.rowsRead // "?"), (.rowsImported // "?"), (.rowsAlreadyRegistered // "?"), (.rowsRejected // "?"),
        (.errors | if type == "array" then length elif type == "number" then . else "?" end),
        (.startedAt // "?"), (.finishedAt // "?")] | map(tostring) | join(" ")' "$WORK/import-$n.json")
    [[ -n $FIRST_ERRORS ]] || FIRST_ERRORS=$(jq -c '.errors | if type == "array" then .[:3] else empty end' "$WORK/import-$n.json" 2>/dev/null || true)
    server_seconds=$(awk -v a="$(iso_seconds "$started_at")" -v b="$(iso_seconds "$finished_at")" 'BEGIN { if (a == "" || b == "") print "?"; else printf "%.2f", b - a }')
    rows_per_second=$(awk -v rows="$imported" -v s="$server_seconds" 'BEGIN { if (s + 0 > 0 && rows ~ /^[0-9]+$/) printf "%.0f", rows / s; else print "?" }')
    wall=$(awk -v a="$started_wall" -v b="$finished_wall" 'BEGIN { printf "%.1f", b - a }')
    cpu=$(cpu_use "$before" "$after" curl 0 "$wall" "${imported//[^0-9]/}")

    # the events the import wrote: published by the outbox, measured until every one of them was acknowledged
    local drain="?" published_during="?" published_later="?" backlog_at_end="?"
    if [[ -n $REGISTRY_URL ]]; then
        read -r _ published_after _ < <(outbox_metrics) || published_after=$published_before
        # each imported row writes member-registered, member-approved and owner-designated (RowImport): drained
        # means all of them published; the backlog gauge alone is recounted by the relay's sweep (10 s) and lags
        local expected=$((EVENTS_PER_IMPORTED_ROW * ${imported//[^0-9]/0}))
        backlog_at_end=$((expected - (published_after - published_before)))
        if await_outbox_drained "import $n" "$BENCH_DRAIN_MAX" "$((published_before + expected))" published-only; then
            drain=$OUTBOX_DRAINED_AFTER
        else
            drain="> $BENCH_DRAIN_MAX (backlog $OUTBOX_LEFT then)"
        fi
        local published_drained
        read -r _ published_drained _ < <(outbox_metrics) || published_drained=$published_after
        published_during=$((published_after - published_before))
        published_later=$((published_drained - published_after))
    fi

    local heap rss
    heap=$(if [[ -n $REGISTRY_PID ]]; then heap_summary "$SAMPLES/jstat-$n.txt"; else echo "? ? ? ? ?"; fi)
    rss=$(if [[ -n $REGISTRY_PID ]]; then rss_summary "$SAMPLES/rss-$n.txt"; else echo "? ? ? ? ?"; fi)
    printf '%s\t' "$n" "$read_rows" "$imported" "$already" "$rejected" "$errors" "$server_seconds" "$rows_per_second" \
        "$upload_seconds" "$wall" "$heap" "$rss" "$published_during" "$published_later" "$drain" "$backlog_at_end" >>"$RUNS"
    printf '%s\n' "$cpu" >>"$RUNS"
    say "import $n: $imported imported, $already already registered, $rejected rejected of $read_rows in ${server_seconds}s ($rows_per_second rows/s); wall ${wall}s incl. upload ${upload_seconds}s; heap start/peak MiB, GCs young/full, GC s: $heap; RSS start/peak/HWM, gateway, MongoDB MiB: $rss; events $published_during during + $published_later after (drained in ${drain}s)"
}

for ((i = 1; i <= BENCH_IMPORTS; i++)); do run_import "$i"; done

# ---- results --------------------------------------------------------------------------------------------------------------
NOW=$(date -u '+%Y-%m-%d %H:%M UTC')
IFS=$'\t' read -r _ READ IMPORTED ALREADY REJECTED ERRORS SERVER RPS UPLOAD WALL HEAP RSS PUB_DURING PUB_LATER DRAIN BACKLOG_AT_END CPU <"$RUNS"
read -r HEAP_START HEAP_PEAK YGC FGC GCT <<<"$HEAP"
read -r RSS_START RSS_PEAK RSS_HWM GATEWAY_PEAK MONGO_PEAK <<<"$RSS"
SECTION=$WORK/section.md
{
    echo "## $NOW — member import${BENCH_LABEL:+ ($BENCH_LABEL)}: $IMPORTED rows in ${SERVER}s = $RPS rows/s, member-registry peak heap ${HEAP_PEAK} MiB of ${MAX_HEAP_MIB:-?} MiB, peak RSS ${RSS_HWM} MiB"
    echo
    echo "| rows read | imported | already registered | rejected | errors | import (finishedAt − startedAt) | rows/s | upload | wall time incl. upload |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    echo "| $READ | $IMPORTED | $ALREADY | $REJECTED | $ERRORS | ${SERVER} s | $RPS | ${UPLOAD} s | ${WALL} s |"
    echo
    echo "member-registry's memory during the first import (sampled every second; \`-Xmx\` = MaxHeapSize ${MAX_HEAP_MIB:-?} MiB):"
    echo
    echo "| heap used before → peak | GCs young / full, GC time | RSS before → peak sampled | peak RSS (VmHWM$([[ ${HWM_RESET:-no} == yes ]] && echo ", reset before the import" || echo ", since start: clear_refs refused")) | gateway peak RSS | MongoDB (launcher) peak RSS |"
    echo "|---:|---:|---:|---:|---:|---:|"
    echo "| ${HEAP_START} → ${HEAP_PEAK} MiB | $YGC / $FGC, ${GCT} s | ${RSS_START} → ${RSS_PEAK} MiB | ${RSS_HWM} MiB | ${GATEWAY_PEAK} MiB | ${MONGO_PEAK} MiB |"
    echo
    echo "Events the import wrote ($EVENTS_PER_IMPORTED_ROW per imported row): $PUB_DURING published while it ran ($(awk -v e="$PUB_DURING" -v s="$SERVER" 'BEGIN { if (s + 0 > 0 && e ~ /^[0-9]+$/) printf "%.0f", e / s; else print "?" }') events/s), **backlog when the import finished: $BACKLOG_AT_END events** ($(awk -v b="$BACKLOG_AT_END" -v e="$PUB_DURING" -v s="$SERVER" 'BEGIN { if (e + 0 > 0 && b ~ /^-?[0-9]+$/) printf "%.1f", b / (e / s); else print "?" }') s of publishing at the rate during the import); $PUB_LATER published after it; **all published ${DRAIN} s after the import finished**."
    echo
    echo "CPU during the first import (upload to COMPLETED), % of one core and µs per imported row: gateway $(cpu_field "$CPU" gateway 1)% / $(cpu_field "$CPU" gateway 2) µs, member-registry $(cpu_field "$CPU" member-registry 1)% / $(cpu_field "$CPU" member-registry 2) µs, MongoDB (launcher) $(cpu_field "$CPU" launcher 1)% / $(cpu_field "$CPU" launcher 2) µs, identity $(cpu_field "$CPU" identity 1)%, Kafka $(cpu_field "$CPU" kafka 1)%; other processes $(run_field "$CPU" other)%, machine $(run_field "$CPU" machine)% busy."
    if [[ -n $FIRST_ERRORS && $FIRST_ERRORS != "[]" ]]; then
        echo
        echo "First errors reported: \`$FIRST_ERRORS\`"
    fi
    quiet_notes_and_settings_head
    machine_rows
    echo "| member-registry's JVM (its command line) | \`${REGISTRY_JVM_OPTS:-?}\`, MaxHeapSize ${MAX_HEAP_MIB:-?} MiB, pid ${REGISTRY_PID:-not known: no memory figures} |"
    echo "| CSV | $CSV_ORIGIN; $CSV_ROWS rows, $CSV_BYTES bytes, \`text/csv; charset=$BENCH_CSV_ENCODING\` |"
    echo "| request | \`POST /api/members/imports\` through the gateway as the bootstrap administrator (curl \`--data-binary\`), then \`GET /api/members/imports/{id}\` every ${BENCH_POLL_INTERVAL}s until COMPLETED or FAILED |"
    echo "| rows/s | rowsImported ÷ (finishedAt − startedAt) as member-registry reports them; wall time from the start of the upload to the GET that saw COMPLETED |"
    echo
    if ((BENCH_IMPORTS > 1)); then
        echo "<details><summary>Every import (the second and later import the same file again)</summary>"
        echo
        echo "| import | read | imported | already | rejected | errors | import s | rows/s | upload s | wall s | heap start / peak MiB, young / full GCs, GC s | RSS start / peak / HWM, gateway, MongoDB MiB | events during / after | drained after |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|"
        awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 }' "$RUNS"
        echo
        echo "</details>"
        echo
    fi
} >"$SECTION"

insert_results "$SECTION"
echo
cat "$SECTION"
say "results written to $BENCH_RESULTS"
SUCCESS=1
