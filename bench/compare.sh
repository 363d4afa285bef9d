#!/usr/bin/env bash
# planc against its peers, on the same generated files, in one run:
#   planc check --no-cache            vs  check-jsonschema and ajv-cli (+ ajv-formats)
#                                         validating against schemas/plan.schema.json
#                                         (schema only: less work than planc does)
#   planc render DIR --format docx    vs  pandoc turning planc's own Markdown of the same
#                                         plans into DOCX (one pandoc per file, as many
#                                         at once as there are cores)
# Installs the peers into a temporary folder (pip venv, npm prefix; pandoc with apt-get
# when run as root, else skipped with a message). Prints one table: tool, files, wall
# (best of RUNS), peak RSS, and planc's speed ratio to each.
#
# Usage: bench/compare.sh [N ...]            default N: 1000 10000
# Environment: RUNS (default 3), DOCX_N (plans rendered to DOCX, default 200),
#   JSONSCHEMA_MAX_N (largest N check-jsonschema is run on; default 10000),
#   PEER_TIMEOUT (seconds per peer run, default 1800), KEEP=1 keeps the temp folder,
#   PLANC_BIN=path measures that binary instead of building target/release/planc.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs=${RUNS:-3}
docx_n=${DOCX_N:-200}
js_max=${JSONSCHEMA_MAX_N:-10000}
timeout_s=${PEER_TIMEOUT:-1800}
cores=$(nproc)

work=$(mktemp -d "${TMPDIR:-/tmp}/planc-compare.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
say() { echo "== $*" >&2; }

if [ -n "${PLANC_BIN:-}" ]; then
  planc=$(realpath "$PLANC_BIN")
else
  say "building planc (release)"
  cargo build --release --quiet
  planc=$root/target/release/planc
fi
schema=$root/schemas/plan.schema.json

# --- peers -----------------------------------------------------------------------
cjs=""
if python3 -m venv "$work/venv" >/dev/null 2>&1 &&
  "$work/venv/bin/pip" install --quiet check-jsonschema >/dev/null 2>&1; then
  cjs=$work/venv/bin/check-jsonschema
  say "check-jsonschema $("$cjs" --version 2>&1 | awk '{print $NF}')"
else
  say "check-jsonschema could not be installed (pip): skipped"
fi
ajv=""
if command -v npm >/dev/null &&
  npm install --silent --no-audit --no-fund --prefix "$work/npm" ajv-cli ajv-formats >/dev/null 2>&1; then
  ajv=$work/npm/node_modules/.bin/ajv
  say "ajv-cli $(node -p "require('$work/npm/node_modules/ajv-cli/package.json').version"), ajv-formats $(node -p "require('$work/npm/node_modules/ajv-formats/package.json').version")"
else
  say "ajv-cli could not be installed (npm missing or offline): skipped"
fi
if ! command -v pandoc >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq pandoc >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq pandoc >/dev/null 2>&1) || true
  fi
fi
if command -v pandoc >/dev/null; then
  say "$(pandoc --version | head -1)"
else
  say "pandoc is not installed and could not be (needs root and apt-get): DOCX comparison skipped"
fi

# --- measuring -------------------------------------------------------------------
# measure RUNS CMD...: best wall time (s) of RUNS runs and the largest peak RSS (MB),
# as "wall rss status"; status is "ok", "exit N" (the tool reported invalid files
# or failed) or "timeout".
measure() {
  local n=$1 best="" rss=0 status=ok; shift
  for _ in $(seq "$n"); do
    local out=$work/time.out
    set +e
    timeout "$timeout_s" /usr/bin/time -f '%e %M' -o "$out" "$@" >"$work/last.stdout" 2>"$work/last.stderr"
    local rc=$?
    set -e
    if [ $rc = 124 ]; then status=timeout; best=$timeout_s; break; fi
    [ $rc = 0 ] || status="exit $rc"
    local wall kb
    read -r wall kb < <(tail -1 "$out")
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$wall; fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  echo "$best $((rss / 1024)) $status"
}

rows=()
row() { rows+=("$(printf '%-44s %7s %9s %9s  %-14s %s' "$@")"); }
# ratio PEER_WALL PLANC_WALL STATUS [DIGITS]: how many times faster planc is; a lower
# bound (">") when the peer was stopped by the timeout.
ratio() {
  awk -v a="$1" -v b="$2" -v s="$3" -v d="${4:-1}" \
    'BEGIN{printf "%s%.*fx", (s == "timeout" ? ">" : ""), d, a/b}'
}

for n in "${sizes[@]}"; do
  dir=$work/plans-$n
  say "generating $n plans"
  python3 bench/gen_plans.py "$dir" "$n" >/dev/null
  size=$(du -sm "$dir" | cut -f1)
  sync
  say "planc check --no-cache ($n files, $size MB)"
  read -r pw pr ps < <(measure "$runs" "$planc" check --no-cache "$dir")
  row "planc check --no-cache" "$n" "${pw}s" "${pr}MB" "1.0" "$ps"
  if [ -n "$cjs" ] && [ "$n" -le "$js_max" ]; then
    say "check-jsonschema ($n files)"
    # One process for all files (its fastest use); a single run: it is slow.
    read -r w r s < <(measure 1 "$cjs" --schemafile "$schema" "$dir"/*.plan.yaml)
    row "check-jsonschema (schema only)" "$n" "${w}s" "${r}MB" "$(ratio "$w" "$pw" "$s" 0)" "$s"
  elif [ -n "$cjs" ]; then
    row "check-jsonschema (schema only)" "$n" "-" "-" "-" "not run (JSONSCHEMA_MAX_N=$js_max)"
  fi
  if [ -n "$ajv" ]; then
    say "ajv-cli ($n files)"
    read -r w r s < <(measure "$runs" "$ajv" validate --spec=draft2020 --strict=false -c ajv-formats \
      -s "$schema" -d "$dir/*.plan.yaml" --errors=line)
    row "ajv-cli + ajv-formats (schema only)" "$n" "${w}s" "${r}MB" "$(ratio "$w" "$pw" "$s")" "$s"
  fi
done

if [ "$docx_n" -gt 0 ]; then
  dir=$work/docx-plans
  python3 bench/gen_plans.py "$dir" "$docx_n" >/dev/null
  # planc's own Markdown of the same plans: pandoc's input.
  "$planc" render "$dir" --format md -o "$work/md" >/dev/null 2>&1
  say "planc render --format docx ($docx_n plans)"
  read -r pw pr ps < <(measure "$runs" "$planc" render "$dir" --format docx -o "$work/docx-planc")
  row "planc render --format docx" "$docx_n" "${pw}s" "${pr}MB" "1.0" "$ps"
  if command -v pandoc >/dev/null; then
    mkdir -p "$work/docx-pandoc"
    ls "$work/md"/*.md | grep -v '/index\.md$' >"$work/md.list"
    say "pandoc md -> docx ($(wc -l <"$work/md.list") files, $cores at once)"
    read -r w r s < <(measure "$runs" sh -c "xargs -P $cores -I{} sh -c 'pandoc \"\$1\" -o \"$work/docx-pandoc/\$(basename \"\$1\" .md).docx\"' _ {} <'$work/md.list'")
    row "pandoc md -> docx" "$(wc -l <"$work/md.list")" "${w}s" "${r}MB" "$(ratio "$w" "$pw" "$s")" "$s"
  fi
fi

echo
echo "$(nproc) cores, $(uptime | sed 's/.*load average/load average/'); wall: best of $runs (1 for check-jsonschema)"
printf '%-44s %7s %9s %9s  %-14s %s\n' "tool" "files" "wall" "peak RSS" "planc faster" "status"
printf '%s\n' "${rows[@]}"
echo "(ajv-cli reads YAML with js-yaml, YAML 1.1: dates such as 2026-12-31 become timestamps"
echo " and fail the schema's strings, hence its exit 1; it still validates every file.)"
