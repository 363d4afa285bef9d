#!/usr/bin/env bash
# Wall time, CPU time and peak memory of `planc check` on N generated plans (~20 KB
# each), for each N given (default 10 000): `--no-cache` (every file parsed and
# checked), then with a warm cache. Best of RUNS (default 5) runs; with hyperfine
# installed its mean ± σ is printed too. DROP_CACHES=1 (root) empties the page cache
# before every run: "cold" then includes reading the files from disk.
# Usage: bench/check_10k.sh [N ...]        e.g. bench/check_10k.sh 1000 10000 25000
# PLANC_BIN=path measures that binary instead of building the release one.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000)
runs=${RUNS:-5}
# PLANC_BIN: measure that binary instead of building target/release/planc.
if [ -n "${PLANC_BIN:-}" ]; then
  bin=$(realpath "$PLANC_BIN")
else
  cargo build --release --quiet
  bin=$PWD/target/release/planc
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/planc-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

drop() {
  if [ "${DROP_CACHES:-0}" = 1 ]; then
    sync
    echo 3 >/proc/sys/vm/drop_caches 2>/dev/null || echo "(cannot drop the page cache here)" >&2
  fi
}

# best RUNS CMD...: "wall user sys rss_MB" of the fastest run (RSS: the largest seen).
best() {
  local n=$1 line bw="" out rss=0; shift
  for _ in $(seq "$n"); do
    drop
    /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
    read -r w u s kb <"$work/t"
    [ "$kb" -gt "$rss" ] && rss=$kb
    if [ -z "$bw" ] || awk -v a="$w" -v b="$bw" 'BEGIN{exit !(a<b)}'; then
      bw=$w
      line="$w $u $s"
    fi
  done
  echo "$line $((rss / 1024))"
}

echo "$(nproc) cores; $(uptime | sed 's/.*load average/load average/'); best of $runs"
printf '%-8s %-8s %-16s %8s %8s %8s %9s %12s\n' files MB mode wall user sys "peak RSS" "µs/file"
for n in "${sizes[@]}"; do
  dir=$work/plans-$n
  python3 bench/gen_plans.py "$dir" "$n" >/dev/null
  mb=$(du -sm "$dir" | cut -f1)
  "$bin" check --no-cache "$dir" >/dev/null 2>&1 # read once: the page cache is warm unless DROP_CACHES=1
  read -r w u s r < <(best "$runs" "$bin" check --no-cache "$dir")
  printf '%-8s %-8s %-16s %7ss %7ss %7ss %7sMB %12.0f\n' "$n" "$mb" "--no-cache" "$w" "$u" "$s" "$r" \
    "$(awk -v w="$w" -v n="$n" 'BEGIN{print w*1e6/n}')"
  "$bin" check --cache-dir "$work/cache-$n" "$dir" >/dev/null 2>&1 || true
  read -r w u s r < <(best "$runs" "$bin" check --cache-dir "$work/cache-$n" "$dir")
  printf '%-8s %-8s %-16s %7ss %7ss %7ss %7sMB %12.0f\n' "$n" "$mb" "warm cache" "$w" "$u" "$s" "$r" \
    "$(awk -v w="$w" -v n="$n" 'BEGIN{print w*1e6/n}')"
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs "$runs" --style basic "$bin check --no-cache $dir" 2>/dev/null |
      grep -E 'Time \(mean' | sed "s/^ */  hyperfine, $n files, --no-cache: /"
  fi
  rm -rf "$dir" "$work/cache-$n"
done
echo "examples:"
/usr/bin/time -f "wall %es, peak RSS %M KB" "$bin" check examples 2>&1 | tail -2
