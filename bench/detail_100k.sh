#!/usr/bin/env bash
# Wall time, peak memory and output size of `planc review` and `planc check` on finance's
# hospital × month export in its own long layout (省份, 医院, 月份, 销售额; titles above
# the header, a footer), ROWS rows (default 100 000) against the tiny test plan, whose
# target is split by province: the rows are summed to provinces × months. Release build.
# Usage: bench/detail_100k.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
dir=${TMPDIR:-/tmp}/planc-bench-detail-$rows
mkdir -p "$dir"
cp tests/fixtures/actuals/tiny.plan.yaml "$dir/tiny.plan.yaml"
python3 - "$dir/tiny-2026.actuals.csv" "$rows" <<'PY'
import sys
path, rows = sys.argv[1], int(sys.argv[2])
hospitals = max(1, rows // 12)
with open(path, "w", encoding="utf-8") as f:
    f.write("2026年分医院销售明细\n制表日期：2027-01-05,,,单位：万元\n省份,医院,月份,销售额\n")
    n = 0
    for h in range(hospitals):
        prov = "江苏" if h % 7 < 4 else "浙江"
        for m in range(1, 13):
            if n == rows:
                break
            f.write(f"{prov},医院{h:06d},2026-{m:02d},{(h * 37 + m * 11) % 500 / 100:.2f}\n")
            n += 1
    f.write("注：数据来源CRM,,,\n")
PY
[ -n "${PLANC_BIN:-}" ] || cargo build --release --quiet
bin=${PLANC_BIN:-target/release/planc}
echo "rows: $rows, file: $(du -h "$dir/tiny-2026.actuals.csv" | cut -f1)"
for run in 1 2 3; do
  /usr/bin/time -f "review json, run $run: wall %es, user %Us, peak RSS %M KB" \
    "$bin" review "$dir/tiny.plan.yaml" --actuals "$dir/tiny-2026.actuals.csv" \
    --format json -o "$dir/review.json" 2>"$dir/stderr" || true
  tail -1 "$dir/stderr"
done
echo "review stderr: $(wc -c <"$dir/stderr") bytes"
/usr/bin/time -f "check: wall %es, peak RSS %M KB" "$bin" check --no-cache "$dir" 2>"$dir/stderr" || true
tail -1 "$dir/stderr"
echo "check stderr: $(wc -c <"$dir/stderr") bytes"
