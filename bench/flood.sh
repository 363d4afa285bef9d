#!/usr/bin/env bash
# A flood of findings: a 64 MB plan with one million invalid SWOT entries (each a
# 64-byte string where an item needs `title:` and `text:`), checked in every output
# format. Every format must stay under 1 GB peak RSS and 20 s (issue 24): past
# diagnostics::MAX_PER_CODE findings of one code are counted, not held.
# Usage: bench/flood.sh [N [ITEM_BYTES]]   (default 1000000 64)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
bytes=${2:-64}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
[ -n "${PLANC:-}" ] || { cargo build --release --quiet; PLANC=target/release/planc; }
f=$dir/flood.plan.yaml
python3 bench/gen_findings.py "$n" "$f" --item-bytes "$bytes"
echo "$(du -m "$f" | cut -f1) MB, $n entries"
printf '%-7s %-5s %-8s %-10s %s\n' format lang wall peak-RSS output
for format in human json sarif github; do
  for lang in en zh; do
    /usr/bin/time -f "%e %M" -o "$dir/time" "$PLANC" --lang "$lang" check --no-cache \
      --format "$format" "$f" >"$dir/out" 2>"$dir/err" || true
    read -r wall kb < <(tail -1 "$dir/time")
    printf '%-7s %-5s %-8s %-10s %s\n' "$format" "$lang" "${wall}s" "$((kb / 1024)) MB" \
      "$(cat "$dir/out" "$dir/err" | wc -c) bytes"
  done
done
