#!/usr/bin/env bash
# Runs the given fuzz targets (default: all four) for SECONDS each (default 600), two
# at a time (PARALLEL=N for N), niced, logging to logs/<target>.log. Assumes `cargo +nightly fuzz build -O`.
set -uo pipefail
cd "$(dirname "$0")"
secs=${SECONDS_EACH:-600}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(load_check actuals render lsp_change)
bin=target/x86_64-unknown-linux-gnu/release
run() {
  mkdir -p "corpus/$1" "artifacts/$1"
  nice -n 10 "$bin/$1" "corpus/$1" -artifact_prefix="artifacts/$1/" \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    > "logs/$1.log" 2>&1
}
i=0
for t in "${targets[@]}"; do
  run "$t" &
  i=$((i + 1))
  if [ $((i % ${PARALLEL:-2})) -eq 0 ]; then wait; fi
done
wait
