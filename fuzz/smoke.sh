#!/usr/bin/env bash
# A short fuzzing run of every target, for CI machines that have the nightly
# toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
# usage: fuzz/smoke.sh [SECONDS_PER_TARGET]      (default 60)
#
# Each target starts from its committed seeds (fuzz/corpus/TARGET) and grows
# a throwaway corpus. A crash, panic or stack overflow fails the run and
# leaves the input in fuzz/artifacts/TARGET/. The parse target must never
# time out either. The run target runs each program under tight limits
# (fuzz_targets/run.rs), so a timeout or out-of-memory stop there means a
# limit missed something: they are listed for triage (fuzz/README.md) but
# do not fail the run, since a loaded machine can slow a bounded program
# past the timeout.
#
# pyco is built with debug assertions (`-a`), so integer overflow in the
# interpreter is a panic here rather than a silently wrong value.
#
# Environment: SANITIZER (default none; address is slower but also checks
# the unsafe code of dependencies), FUZZ_TIMEOUT (seconds per input, 10),
# FUZZ_RSS_MB (memory per process, 2048).
set -euo pipefail

secs=${1:-60}
sanitizer=${SANITIZER:-none}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
cd "$(dirname "$0")/.."

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz/smoke.sh: needs the nightly toolchain and cargo-fuzz" >&2
    exit 2
fi

cargo +nightly fuzz build -s "$sanitizer" -a
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

common=(-max_total_time="$secs" -dict=fuzz/python.dict -rss_limit_mb="$rss" -timeout="$timeout")
status=0
for target in parse run; do
    mkdir -p "$work/$target" "fuzz/artifacts/$target"
    case $target in
        parse) extra=() ;;
        run) extra=(-max_len=4096 -fork=1 -ignore_timeouts=1 -ignore_ooms=1) ;;
    esac
    echo "== $target: ${secs}s"
    if ! cargo +nightly fuzz run -s "$sanitizer" -a "$target" "$work/$target" "fuzz/corpus/$target" \
        -- "${common[@]}" "${extra[@]}" </dev/null; then
        echo "== $target: FAILED (input in fuzz/artifacts/$target/)" >&2
        status=1
    fi
    find "fuzz/artifacts/$target" -type f -newer "$work" -printf "== $target: %p\n"
done
exit $status
