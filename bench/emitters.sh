#!/usr/bin/env bash
# Time of each `planc check` output format on files with N findings (default 10 000 and
# 25 000): `swot.strengths` of the company example replaced by N invalid items, one per
# line and all on one line (bench/gen_findings.py). Every emitter must cost time linear
# in the findings and the file size.
# Usage: bench/emitters.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 25000)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --release --quiet
printf '%-8s %-9s %-7s %-9s %s\n' findings layout format max wall/peak-RSS
for n in "${sizes[@]}"; do
  for layout in lines one-line; do
    f=$dir/f-$n-$layout.plan.yaml
    if [ "$layout" = one-line ]; then
      python3 bench/gen_findings.py "$n" "$f" --one-line
    else
      python3 bench/gen_findings.py "$n" "$f"
    fi
    for format in human json sarif github; do
      for max in 50 0; do
        [ "$format" != human ] && [ "$max" = 0 ] && continue
        t=$( { /usr/bin/time -f "%es %MKB" target/release/planc check --no-cache \
              --max-findings "$max" --format "$format" "$f" >/dev/null 2>"$dir/err"; } 2>&1 || true)
        printf '%-8s %-9s %-7s %-9s %s\n' "$n" "$layout" "$format" "$max" \
          "$(tail -1 "$dir/err" | grep -o '[0-9.]*s [0-9]*KB' || echo "$t")"
      done
    done
  done
done
