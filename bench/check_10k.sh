#!/usr/bin/env bash
# Wall time and peak memory of `planc check` on N generated plans (default 10 000).
# Usage: bench/check_10k.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=${TMPDIR:-/tmp}/planc-bench-$n
if [ ! -d "$dir" ] || [ "$(ls "$dir" | wc -l)" -ne "$n" ]; then
  rm -rf "$dir"
  python3 bench/gen_plans.py "$dir" "$n"
fi
cargo build --release --quiet
echo "files: $n, size: $(du -sh "$dir" | cut -f1)"
for run in 1 2 3; do
  /usr/bin/time -f "run $run: wall %es, user %Us, sys %Ss, peak RSS %M KB" \
    target/release/planc check "$dir" 2>&1 >/dev/null | tail -2
done
echo "examples:"
/usr/bin/time -f "wall %es, peak RSS %M KB" target/release/planc check examples 2>&1 | tail -2
