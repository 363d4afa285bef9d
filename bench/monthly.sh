#!/usr/bin/env bash
# Wall time and peak memory of the monthly report (`planc review DIR --as-of`) on a
# generated 1 → 20 → 500 tree with 12 monthly exports of ~10 000 rows each
# (bench/gen_monthly.py), JSON and HTML; release build. Target: < 3 s wall, < 500 MB peak.
# Usage: bench/monthly.sh [REGIONS REPS HOSPITALS]   (default 20 25 18)
set -euo pipefail
cd "$(dirname "$0")/.."
regions=${1:-20} reps=${2:-25} hospitals=${3:-18}
dir=${TMPDIR:-/tmp}/planc-bench-monthly-$regions-$reps-$hospitals
if [ ! -d "$dir/actuals/2026-12" ]; then
  python3 bench/gen_monthly.py "$dir" "$regions" "$reps" "$hospitals"
fi
cargo build --release --quiet
plans=$(find "$dir" -maxdepth 1 -name '*.plan.yaml' | wc -l)
files=$(find "$dir/actuals" -name '*.actuals.csv' | wc -l)
rows=$(cat "$dir"/actuals/*/*.csv | grep -vc '^metric,')
echo "plans: $plans, monthly files: $files, rows: $rows ($(du -sh "$dir/actuals" | cut -f1))"
for fmt in json html; do
  for run in 1 2 3; do
    /usr/bin/time -v target/release/planc review "$dir" --as-of 2026-12-31 --format "$fmt" \
      -o "$dir/monthly.$fmt" 2> "$dir/time.txt" || { cat "$dir/time.txt"; exit 1; }
    wall=$(grep 'Elapsed (wall clock)' "$dir/time.txt" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$dir/time.txt" | awk '{print $NF}')
    echo "review $fmt, run $run: wall $wall, peak RSS $((rss / 1024)) MB"
  done
done
