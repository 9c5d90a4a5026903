#!/usr/bin/env bash
# Password reset timing: does the answer to POST /api/identity/password-resets take longer for an e-mail that has an
# account than for one that has none? On a throw-away local platform (its own data directory and ports), the bootstrap
# administrator's e-mail (an ACTIVE account) against random unknown e-mails, one request at a time, through the
# gateway and to identity directly (PasswordResetTiming.java): median, p90, p99 and mean per kind.
#
#   infra/benchmarks/password-reset-timing.sh      (from the repository root; under flock /work/platform.lock where
#                                                   several people share a machine)
#
# Writes infra/benchmarks/results/password-reset-timing.md (newest run first, earlier runs kept) and prints the new run.
# Settings: BENCH_* below and in throwaway-platform.sh.
set -Eeuo pipefail

BENCH_NAME=password-reset-timing
BENCH_WARMUP_REQUESTS=${BENCH_WARMUP_REQUESTS:-300}   # per target, discarded
BENCH_COUNT=${BENCH_COUNT:-1000}                      # measured requests per kind (known, unknown) and target
BENCH_SEED=${BENCH_SEED:-1}                           # the shuffled order of known and unknown requests
BENCH_RESULTS=${BENCH_RESULTS:-infra/benchmarks/results/password-reset-timing.md}

cd "$(dirname "$0")/../.."
[[ -f pom.xml && -d services && -d infra/local ]] || { echo "run from the IINJ repository (no pom.xml/services/infra/local here: $PWD)" >&2; exit 1; }
REPO=$PWD
TIMING_JAVA=$REPO/infra/benchmarks/PasswordResetTiming.java
TIMING_JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC"
# shellcheck source=throwaway-platform.sh
source infra/benchmarks/throwaway-platform.sh
trap 'say "FAILED: unexpected error (status $?) at line $LINENO: $BASH_COMMAND"' ERR

require_tools curl awk sed ss sha256sum
require_whole_numbers BENCH_WARMUP_REQUESTS BENCH_COUNT BENCH_SEED BENCH_QUIET_MAX BENCH_QUIET_WAIT
((BENCH_COUNT >= 10)) || die "BENCH_COUNT must be >= 10"
stop_at_exit

platform_build
platform_start
IDENTITY_URL=http://127.0.0.1:$IDENTITY_PORT

wait_quiet "timing"
OUT=$WORK/timing.txt
say "timing: $BENCH_COUNT requests per kind and target after $BENCH_WARMUP_REQUESTS warm-up requests, through the gateway and directly"
# shellcheck disable=SC2086
"$JAVA" $TIMING_JAVA_OPTS "$TIMING_JAVA" --target "gateway=$G" --target "identity=$IDENTITY_URL" --known "$ADMIN_EMAIL" \
    --warmup "$BENCH_WARMUP_REQUESTS" --count "$BENCH_COUNT" --seed "$BENCH_SEED" >"$OUT" 2>"$OUT.err" \
    || { cat "$OUT" "$OUT.err" >&2; die "PasswordResetTiming.java failed"; }
grep -qx DONE "$OUT" || { cat "$OUT" "$OUT.err" >&2; die "no DONE from PasswordResetTiming.java"; }
result() { sed -n "s/^RESULT target=$1 kind=$2 .*\\b$3=\\([^ ]*\\).*/\\1/p" "$OUT"; }
same() { sed -n "s/^SAME target=$1 .*\\b$2=\\([^ ]*\\).*/\\1/p" "$OUT"; }
MAILS=$(find "$DATA/mail" -name "*$ADMIN_EMAIL*" | wc -l)
NOW=$(date -u '+%Y-%m-%d %H:%M UTC')

SECTION=$WORK/section.md
{
    printf '## %s — password reset timing%s: known − unknown median %s ms through the gateway, %s ms directly\n' "$NOW" \
        "${BENCH_LABEL:+ ($BENCH_LABEL)}" \
        "$(awk -v a="$(result gateway known median_ms)" -v b="$(result gateway unknown median_ms)" 'BEGIN { printf "%+.2f", a - b }')" \
        "$(awk -v a="$(result identity known median_ms)" -v b="$(result identity unknown median_ms)" 'BEGIN { printf "%+.2f", a - b }')"
    echo
    echo "| path | e-mail | requests | median (ms) | p90 (ms) | p99 (ms) | mean (ms) |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    for target in gateway identity; do
        for kind in known unknown; do
            printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$([[ $target == gateway ]] && echo 'through the gateway' || echo 'identity directly')" \
                "$([[ $kind == known ]] && echo 'has an account' || echo 'has none')" "$(result $target $kind n)" \
                "$(result $target $kind median_ms)" "$(result $target $kind p90_ms)" "$(result $target $kind p99_ms)" "$(result $target $kind mean_ms)"
        done
    done
    echo
    echo "Answers alike for both kinds (status, body, header names): through the gateway $(same gateway statuses)/$(same gateway bodies)/$(same gateway header_names),"
    echo "directly $(same identity statuses)/$(same identity bodies)/$(same identity header_names). Reset mails written for the known account"
    echo "while the run lasted (the worker handles each request about a second later, off the request path, and mails one"
    echo "account at most \`iinj.identity.password-resets.mails-per-hour\` times an hour, 5 by default): $MAILS."
    quiet_notes_and_settings_head
    machine_rows
    echo "| load | \`PasswordResetTiming.java\`: JDK \`HttpClient\`, HTTP/1.1, one keep-alive connection, one request at a time; per target $BENCH_WARMUP_REQUESTS warm-up requests, then $BENCH_COUNT per kind in a shuffled order (seed $BENCH_SEED); time from send to the whole answer read; its JVM \`$TIMING_JAVA_OPTS\` |"
    echo "| request | \`POST /api/identity/password-resets {\"email\": …}\`: the bootstrap administrator's e-mail (ACTIVE account), or a new random e-mail |"
} >"$SECTION"

HEADING=$WORK/heading.md
cat >"$HEADING" <<'HEADING_EOF'
# Password reset timing

Produced by `infra/benchmarks/password-reset-timing.sh` (see `infra/benchmarks/README.md`): whether the answer to
`POST /api/identity/password-resets` takes longer for an e-mail that has an account. Before the request path was
reduced to recording the request (issue 12), the black-box probe measured a median of **10.0 ms for a known e-mail
against 4.8 ms for an unknown one** directly, and 16.3 ms against 11.4 ms through the gateway. Numbers from
different machines or loads are not comparable.
HEADING_EOF
insert_results "$SECTION" "$HEADING"
SUCCESS=1
cat "$SECTION"
