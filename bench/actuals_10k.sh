#!/usr/bin/env bash
# Wall time and peak memory of `planc review` and `planc check` on a 10 000-row XLSX
# export (accounts × months in the long layout) against a plan with a matching account
# breakdown; release build. Usage: bench/actuals_10k.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000}
dir=${TMPDIR:-/tmp}/planc-bench-actuals-$rows
if [ ! -f "$dir/bench-2026.actuals.xlsx" ]; then
  PLANC_BENCH_DIR="$dir" PLANC_BENCH_ROWS="$rows" \
    cargo test --quiet --test integration actuals::write_bench_workbook -- --ignored --exact >/dev/null
fi
cargo build --release --quiet
echo "rows: $rows, workbook: $(du -h "$dir/bench-2026.actuals.xlsx" | cut -f1), plan: $(du -h "$dir/bench.plan.yaml" | cut -f1)"
for run in 1 2 3; do
  /usr/bin/time -f "review json, run $run: wall %es, user %Us, peak RSS %M KB" \
    target/release/planc review "$dir/bench.plan.yaml" --actuals "$dir/bench-2026.actuals.xlsx" \
    --format json -o "$dir/review.json" 2>&1 | tail -1
done
/usr/bin/time -f "review html: wall %es, peak RSS %M KB" \
  target/release/planc review "$dir/bench.plan.yaml" --actuals "$dir/bench-2026.actuals.xlsx" \
  --format html -o "$dir/review.html" 2>&1 | tail -1
/usr/bin/time -f "check (plan + workbook): wall %es, peak RSS %M KB" \
  target/release/planc check "$dir" 2>&1 | tail -2
