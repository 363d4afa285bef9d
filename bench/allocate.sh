#!/usr/bin/env bash
# Wall time and peak memory of `planc allocate` on an organisation tree (1 company →
# REGIONS regions → REPS representatives each; default 20 × 500 = 10 021 plans) in
# which every plan declares an allocation: the company's regions `even`, each region's
# quarters and each representative's months by a seasonal index. First run: every
# allocation written (`--diff`, nothing written, then for real); second run: nothing left
# to write. Then `planc export` of the company sheet and `planc import` of it unchanged.
# Usage: bench/allocate.sh [REGIONS REPS]
# PLANC_BIN=path measures that binary instead of building the release one.
set -euo pipefail
cd "$(dirname "$0")/.."
regions=${1:-20}
reps=${2:-500}
if [ -n "${PLANC_BIN:-}" ]; then
  bin=$(realpath "$PLANC_BIN")
else
  cargo build --release --quiet
  bin=$PWD/target/release/planc
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/planc-allocate.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 bench/gen_plans.py "$work/tree" --tree "$regions" "$reps"
# Declare the allocations (and blank the figures they fill, so the first run writes them).
python3 - "$work/tree" <<'PY'
import re, sys
from pathlib import Path
root = Path(sys.argv[1])
MONTHS = [7, 6, 8, 8, 8.5, 9, 8, 7.5, 8.5, 9, 9.5, 11]
month_index = ", ".join(f"M{k + 1:02d}: {v}%" for k, v in enumerate(MONTHS))
for p in root.glob("*.plan.yaml"):
    t = p.read_text(encoding="utf-8")
    if p.name == "company.plan.yaml":
        t = t.replace("      - dimension: region\n        complete: true\n",
                      "      - dimension: region\n        complete: true\n        allocation: {method: even, round: 10万元}\n")
    elif p.name.startswith("region-"):
        t = t.replace("      - dimension: quarter\n        title: 按季度分解\n",
                      "      - dimension: quarter\n        title: 按季度分解\n"
                      "        allocation: {method: seasonal, index: {Q1: 22%, Q2: 26%, Q3: 24%, Q4: 28%}}\n")
    else:
        # A representative's quarters become months phased by the seasonal index.
        head, _, tail = t.partition("      - dimension: quarter\n        items:\n")
        tail = re.sub(r"^          - \{ref: Q\d, value: \d+万元\}\n", "", tail, flags=re.M)
        months = "".join(f"          - {{ref: M{k + 1:02d}, value: XX万元}}\n" for k in range(12))
        t = (head + "      - dimension: month\n"
             f"        allocation: {{method: seasonal, index: {{{month_index}}}}}\n"
             "        items:\n" + months + tail)
    p.write_text(t, encoding="utf-8")
PY
n=$(ls "$work/tree" | wc -l)
echo "tree: $n plans ($(du -sh "$work/tree" | cut -f1))"
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || true
  read -r wall kb < <(tail -n 1 "$work/t")
  printf '%-44s %6.2f s wall  %5d MB peak RSS   %s\n' "$label" "$wall" $((kb / 1024)) "$(tail -n 1 "$work/err")"
}
timed "allocate --diff (everything to write)" "$bin" allocate --diff "$work/tree"
timed "allocate (write)" "$bin" allocate "$work/tree"
timed "allocate again (nothing to write)" "$bin" allocate "$work/tree"
cd "$work"
timed "export company sheet" "$bin" export tree/company.plan.yaml -o company.xlsx
timed "import it unchanged" "$bin" import company.xlsx
timed "export one region (--for region-00000)" "$bin" export tree --for region-00000 -o r0.xlsx
timed "import it unchanged" "$bin" import r0.xlsx
