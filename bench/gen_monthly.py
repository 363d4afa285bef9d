#!/usr/bin/env python3
"""A monthly-report workload: 1 company → REGIONS regions → REPS representatives each
(bench/gen_plans.py --tree), each representative's target broken down by HOSPITALS
hospitals, and 12 monthly exports of every plan's actuals.

Usage: bench/gen_monthly.py OUT_DIR [REGIONS REPS HOSPITALS]   (default 20 25 18)

Each month is a folder `actuals/2026-MM/` with one CSV per plan (a CSV names its plan by
its file name): a representative's file has its total and one row per hospital, a
region's its total and one row per representative, the company's its total and one row
per region. With the defaults a month holds 21 + 20 × 26 + 500 × 19 = 10 041 rows, so the
12 exports are ~120 000 rows. Every figure adds up at every level and month (built from
the hospitals up), so the workload checks clean and the report runs its normal path.
"""
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    out = Path(sys.argv[1])
    regions, reps, hospitals = (int(x) for x in (sys.argv[2:5] or ["20", "25", "18"]))
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(HERE / "gen_plans.py"), str(out), "--tree", str(regions), str(reps)], check=True)
    rng = random.Random(26)
    # Each representative's target split over hospitals (a breakdown the actuals name).
    monthly = {}  # plan id → [12 monthly totals]
    rows = {}  # plan id → list of (dimension, item, [12 values])
    for r in range(regions):
        region_months = [0] * 12
        region_rows = []
        for k in range(reps):
            rid = f"rep-{r:05d}-{k:03d}"
            path = out / f"{rid}.plan.yaml"
            text = path.read_text(encoding="utf-8")
            value = int(re.search(r"(?m)^    value: (\d+)万元$", text).group(1))
            parts = [value // hospitals] * (hospitals - 1)
            parts.append(value - sum(parts))
            items = "".join(
                f"          - {{ref: h{r:05d}-{k:03d}-{j:02d}, name: 医院{r}-{k}-{j}, value: {v}万元}}\n" for j, v in enumerate(parts)
            )
            text = text.replace(
                "    breakdowns:\n",
                "    breakdowns:\n      - dimension: hospital\n        items:\n" + items,
                1,
            )
            accounts = "".join(
                f"  - {{id: h{r:05d}-{k:03d}-{j:02d}, name: 医院{r}-{k}-{j}, level: 二级}}\n" for j in range(hospitals)
            )
            text = text.replace("accounts:\n", "accounts:\n" + accounts, 1)
            path.write_text(text, encoding="utf-8")
            hosp = []
            for j, v in enumerate(parts):
                # A month's actual: about a twelfth of the hospital's target.
                hosp.append(("hospital", f"h{r:05d}-{k:03d}-{j:02d}", [max(0, v * rng.randint(85, 115) // 1200) for _ in range(12)]))
            months = [sum(h[2][m] for h in hosp) for m in range(12)]
            monthly[rid] = months
            rows[rid] = hosp
            region_rows.append(("representative", f"r{r:05d}-rep-{k:03d}", months))
            region_months = [a + b for a, b in zip(region_months, months)]
        monthly[f"region-{r:05d}"] = region_months
        rows[f"region-{r:05d}"] = region_rows
    rows["tree-company"] = [("region", f"region-{r:05d}", monthly[f"region-{r:05d}"]) for r in range(regions)]
    monthly["tree-company"] = [sum(monthly[f"region-{r:05d}"][m] for r in range(regions)) for m in range(12)]
    for m in range(12):
        d = out / "actuals" / f"2026-{m + 1:02d}"
        d.mkdir(parents=True, exist_ok=True)
        period = f"2026-{m + 1:02d}"
        for pid, total in monthly.items():
            lines = ["metric,dimension,item,period,value,unit"]
            lines.append(f"sales,,,{period},{total[m]},万元")
            lines += [f"sales,{dim},{item},{period},{vals[m]},万元" for dim, item, vals in rows[pid]]
            (d / f"{pid}.actuals.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
