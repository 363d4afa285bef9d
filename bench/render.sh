#!/usr/bin/env bash
# Render time of the largest example plan in each format (release build), and the time
# pandoc takes to turn the same Markdown into DOCX. Usage: bench/render.sh [RUNS] [PLAN]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
plan=${2:-$(ls -S examples/*.plan.yaml | while read -r f; do
  grep -qx 'kind: review' "$f" || { echo "$f"; break; }; done)}
out=${TMPDIR:-/tmp}/planc-bench-render
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/planc
echo "plan: $plan ($(wc -c <"$plan") bytes), $runs runs each, best and median wall time"

# Runs a command N times; prints the best and the median wall time in milliseconds.
measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { t[NR] = $1 }
    END { printf "%-28s best %7.1f ms   median %7.1f ms\n", label, t[1] / 1000, t[int((NR + 1) / 2)] / 1000 }'
}

measure "planc check" "$bin" check "$plan"
for f in md html docx; do
  measure "planc render --format $f" "$bin" render "$plan" --format "$f" -o "$out/report.$f"
done
"$bin" render "$plan" --format md -o "$out/report.md" 2>/dev/null
if command -v pandoc >/dev/null; then
  measure "pandoc md -> docx" pandoc "$out/report.md" -o "$out/pandoc.docx"
else
  echo "pandoc not installed: skipped"
fi

if [ "${PLANC_BENCH_IN_PROCESS:-1}" = 1 ]; then
  # The same renders inside one process: no process start, fonts and templates warm.
  PLANC_BENCH_PLAN="$PWD/$plan" PLANC_BENCH_RUNS="$runs" cargo test --release --quiet \
    --test integration render::in_process_render_time -- --ignored --nocapture 2>/dev/null \
    | grep '^in-process' || true
fi
