//! The codes reported about actuals files and reviews (P8xx), with their documentation.
//! They are registered in [`crate::rules::REGISTRY`], so `planc rules`, `planc explain` and
//! `[rules]` in `planc.toml` know them like any other rule.

use crate::diagnostics::Severity;
use crate::rules::RuleInfo;

pub static ALL: &[&RuleInfo] = &[
    &UNKNOWN_METRIC,
    &UNKNOWN_DIMENSION,
    &UNKNOWN_ITEM,
    &DUPLICATE_ROW,
    &UNIT_MISMATCH,
    &BAD_PERIOD,
    &MISSING_PERIOD,
    &MISSING_ACTUAL,
    &SUM_MISMATCH,
    &FORMAT,
    &PLAN_NOT_FOUND,
    &UNKNOWN_FIGURE,
    &AS_OF,
    &NARRATIVE_FIGURE,
    &TARGET_DIFFERS,
];

pub static UNKNOWN_METRIC: RuleInfo = RuleInfo {
    code: "P801",
    name: "unknown-metric",
    severity: Severity::Error,
    summary: "An actuals row names a metric that is neither a target nor a KPI of the plan.",
    doc: r#"## What it does
Joins every actuals row to the plan by its `metric`: the `id` (or the name) of a target
or of a KPI. A metric the plan does not have is reported with the nearest id.

## Why is this bad?
A row that joins nothing is a figure that silently drops out of the year-end summary:
the target it was meant for shows no actual, or a wrong one.

## Example
```csv
metric,period,value,unit
east-sale,FY,9.35,亿元
```

## Use instead
```csv
metric,period,value,unit
east-sales,FY,9.35,亿元
```
"#,
};

pub static UNKNOWN_DIMENSION: RuleInfo = RuleInfo {
    code: "P802",
    name: "unknown-dimension",
    severity: Severity::Error,
    summary:
        "An actuals row breaks a metric down along a dimension the plan does not break it down by.",
    doc: r#"## What it does
Checks that the `dimension` of a row is one the target is broken down by in the plan
(`breakdowns[].dimension`, at any nesting level), `quarter` or `month`, or a segment
declared under `review.segments`. KPIs have no breakdowns. A row with an `item` must
have a `dimension`, and the other way round.

## Why is this bad?
Without a breakdown there is no target to compare the figure with, and a misspelt
dimension (`provnce`) hides every row under it.

## Example
```csv
metric,dimension,item,period,value,unit
east-sales,provnce,jiangsu,FY,2.5,亿元
```

## Use instead
```csv
metric,dimension,item,period,value,unit
east-sales,province,jiangsu,FY,2.5,亿元
```
"#,
};

pub static UNKNOWN_ITEM: RuleInfo = RuleInfo {
    code: "P803",
    name: "unknown-item",
    severity: Severity::Error,
    summary: "An actuals row names a breakdown item (product, region, account …) the plan's breakdown does not list.",
    doc: r#"## What it does
Joins the `item` of a row to the items of the plan's breakdown along its dimension: by
the item's `ref`, its `name`, or the name of the product, region or account it refers
to (`jiangsu`, `江苏省` and `江苏` all join the same item; `广西` joins `广西壮族自治区`).
Anything else is reported with the nearest match, so `江蘇` suggests `江苏` — but never
an item that has a row of its own for the same period: then the row is about another
item (`广西` is no misspelt `广东` when `广东` has its figure).

## Why is this bad?
Exports from CRM and ERP systems spell names their own way; a row that joins nothing
leaves a province without its actual and the total without its part.

## Example
```csv
metric,dimension,item,period,value,unit
east-sales,province,江蘇,FY,2.5,亿元
```

## Use instead
```csv
metric,dimension,item,period,value,unit
east-sales,province,江苏,FY,2.5,亿元
```
"#,
};

pub static DUPLICATE_ROW: RuleInfo = RuleInfo {
    code: "P804",
    name: "duplicate-actual",
    severity: Severity::Error,
    summary: "Two actuals rows give a figure for the same metric, item and period.",
    doc: r#"## What it does
Reports a second row for the same metric × dimension item × period, in the same file
or in another actuals file of the same review, pointing at both. `dimension: quarter,
item: Q1` and `period: Q1` are the same cell.

## Why is this bad?
Exports appended twice, or two systems reporting the same figure, would otherwise
double a number or let whichever comes last win.

## Example
```csv
metric,period,value,unit
east-sales,Q1,2.1,亿元
east-sales,Q1,2.1,亿元
```

## Use instead
Keep one row per metric, item and period.
"#,
};

pub static UNIT_MISMATCH: RuleInfo = RuleInfo {
    code: "P805",
    name: "actual-unit",
    severity: Severity::Error,
    summary: "An actual is not a number, or its unit does not match the target's (元 for a money target, % for a rate, 家 for hospitals).",
    doc: r#"## What it does
Reads each value with its unit (a `unit` column, or a unit written after the number)
and checks that it can be compared with the target: money with money (元, 万元 and
亿元 convert), a percentage with a percentage, a count with the same count unit. A
bare number takes the target's unit for percentages and counts; for money, the unit
of the actuals file (`unit:` in YAML, else the plan's) in YAML, and a `unit` column in
CSV and XLSX, where a bare amount would be off by a factor of 10 000.

## Why is this bad?
`935000000` in 元 read as 万元 is a 10 000-fold attainment; `93` hospitals compared
with a `95%` target is no comparison at all.

## Example
```csv
metric,period,value,unit
east-sales,FY,9.35,家
```

## Use instead
```csv
metric,period,value,unit
east-sales,FY,9.35,亿元
```
"#,
};

pub static BAD_PERIOD: RuleInfo = RuleInfo {
    code: "P806",
    name: "bad-period",
    severity: Severity::Error,
    summary: "A period that is not `FY`, `Q1`–`Q4`, a month `2026-03` (or `M03`), or lies outside the plan period.",
    doc: r#"## What it does
Reads the `period` of each row (or the header of each period column in the wide
layout): `FY` (the plan period, to the as-of date; also `全年`), a quarter `Q1`–`Q4`
(also `2026Q1`, `2026-Q1`, `一季度`, `第一季度`, `2026年第一季度`), or a month `2026-03`
(also `2026/03`, `2026年3月`, `M03`, or a date cell in a workbook). Quarters and `M03`
count from the start of the plan period; `3月` or `三月` without a year is March of the
plan period (a period longer than a year needs the year). A month outside the plan
period is reported too.

## Why is this bad?
A row for `2025-12` in a 2026 review, or `上半年` that nothing can place, is a figure
that would be added to the wrong year or dropped.

## Example
```csv
metric,period,value,unit
east-sales,2025-12,0.8,亿元
```

## Use instead
```csv
metric,period,value,unit
east-sales,2026-12,0.8,亿元
```
"#,
};

pub static MISSING_PERIOD: RuleInfo = RuleInfo {
    code: "P807",
    name: "missing-period",
    severity: Severity::Error,
    summary: "A metric reported by quarter or month skips a quarter or month before the latest one reported (or the as-of date).",
    doc: r#"## What it does
For every metric and breakdown item reported by quarter or by month, checks that
every quarter or month from the start of the period up to the latest one reported
for that metric (or the as-of date, when given) is there. A quarter counts as
reported when its three months are.

## Why is this bad?
A year-to-date figure summed over Q1, Q2 and Q4 is a quarter short, and the run-rate
forecast built on it is wrong by the same amount.

## Example
```csv
metric,period,value,unit
east-sales,Q1,2.1,亿元
east-sales,Q2,2.5,亿元
east-sales,Q4,2.5,亿元
```

## Use instead
```csv
metric,period,value,unit
east-sales,Q1,2.1,亿元
east-sales,Q2,2.5,亿元
east-sales,Q3,2.2,亿元
east-sales,Q4,2.5,亿元
```
"#,
};

pub static MISSING_ACTUAL: RuleInfo = RuleInfo {
    code: "P808",
    name: "missing-actual",
    severity: Severity::Warning,
    summary: "A target, KPI or breakdown item of the reviewed plan has no actual in any of the review's actuals files.",
    doc: r#"## What it does
In a review, lists each target and KPI of the plan that no actuals row gives a figure
for, and each breakdown item left without one while its siblings have theirs. The
summary shows such figures as "—".

## Why is this bad?
A year-end summary that leaves out the KPI that was missed reads better than it is.

## Example
A plan with KPI `zhujian-crm`, and actuals files without a `zhujian-crm` row.

## Use instead
Add the row, or export it from the system that measures it and list that file under
`review.actuals`.
"#,
};

pub static SUM_MISMATCH: RuleInfo = RuleInfo {
    code: "P809",
    name: "actuals-sum-mismatch",
    severity: Severity::Warning,
    summary: "Actuals that should add up do not: the items of a full breakdown vs the total, the quarters or months vs the full year, or a wide table's row vs its total column.",
    doc: r#"## What it does
Where the actuals give both a total and all of its parts — every item of a breakdown
that is not `partial`, or every quarter or month and the full year — checks that the
parts add up to the total (within `[tolerance] money`).

In the wide layout, a total column (`合计`, `总计`, `累计`, `全年`, `FY`) is checked, not
read: it must equal the sum of its row's month cells (its quarter cells when the table
has no month columns), exactly.

A quarter given beside all of its months (an `一季度` column among `1月`–`3月`) is a
subtotal too: the months are read, and the quarter must equal them.

A subtotal that disagrees with its parts — a quarter with its months, the full year with
its quarters, a `合计` column with its row — is an **error** (the parts are used, never
the subtotal); a total that disagrees with the items of a breakdown stays a warning.

## Why is this bad?
Province figures from one export and the total from another rarely agree by
accident; when they differ, the summary would show a total its own table
contradicts.

## Example
```csv
metric,dimension,item,period,value,unit
east-sales,,,FY,9.35,亿元
east-sales,product,xinmaian,FY,6.8,亿元
east-sales,product,qingfeining,FY,0.2,亿元
east-sales,product,bosuping,FY,2.2,亿元
```

## Use instead
Correct the total, or the part that is wrong (here the products add up to 9.2亿元).
"#,
};

pub static FORMAT: RuleInfo = RuleInfo {
    code: "P810",
    name: "actuals-format",
    severity: Severity::Error,
    summary: "An actuals file that cannot be read in the long or the wide layout: a missing column, an unreadable workbook, a malformed row.",
    doc: r#"## What it does
Reads `*.actuals.yaml` against its schema (`schemas/actuals.schema.json`), and CSV and
XLSX files in one of two layouts:

- the **long layout**: a header row with the columns `metric`, `period`, `value` and,
  as needed, `dimension`, `item`, `unit` and `last_year` (Chinese headers 指标, 维度,
  项目, 期间, 实际, 单位, 同期 are accepted), one row per figure;
- the **wide layout** of an Excel report: no `period` and `value` columns, but one
  column per month (`1月` … `12月`, `2026-01`) or quarter (`Q1`, `一季度`), and one row per
  item. The first columns say what a row is: `metric` (指标), and/or the items of a
  dimension — a column headed `province`/`省份`, `product`/`产品`, `region`/`大区` …, or
  `item`/`项目` with a `dimension` column. Without a `metric` column, `项目` names the
  metric of each row (`年度销售额`), and items of a dimension belong to the plan's one
  target broken down by it. A `unit` (单位) column gives the unit of the row. A total
  column (`合计`) is checked against the row (P809), and a `合计` row of dimension items
  is the metric's total for each period.

A title row above the header (one filled cell) is skipped; `单位：万元` in it is the money
unit of bare amounts. Reports missing columns, a header that looks like a misspelt
column, a wide header with no column naming its rows, rows with the wrong number of
cells, and workbooks that cannot be opened.

## Why is this bad?
A column that is not recognised is a column that is not read: a misspelt `unti`
would leave every value without its unit.

## Example
```csv
metric,period,amount
east-sales,FY,9.35亿元
```

## Use instead
```csv
metric,period,value
east-sales,FY,9.35亿元
```
"#,
};

pub static PLAN_NOT_FOUND: RuleInfo = RuleInfo {
    code: "P811",
    name: "review-plan",
    severity: Severity::Error,
    summary: "A review's plan or actuals file cannot be found, or an actuals file cannot be matched to a plan.",
    doc: r#"## What it does
Resolves `review.plan` (a path relative to the review, or a plan id among the plans
beside it) and every file under `review.actuals`. An actuals file checked on its own
is matched to its plan by `plan:` (YAML) or by its file name starting with the plan
id (`east-china-2026.actuals.csv`), among the plans checked with it and those in its
folder and the folder above.

## Why is this bad?
Actuals can only be checked against the targets they report on.

## Example
```yaml
kind: review
review:
  plan: regoin.plan.yaml
```

## Use instead
```yaml
review:
  plan: region.plan.yaml
```
"#,
};

pub static UNKNOWN_FIGURE: RuleInfo = RuleInfo {
    code: "P812",
    name: "unknown-figure",
    severity: Severity::Error,
    summary: "A review names a computed figure or table that does not exist (a `figures` entry, or `{{…}}` in its text).",
    doc: r#"## What it does
Resolves the `figures` of each review section (`targets`, `kpis`, `kpis/<group or
strategy>`, `kpi/<id>`, `<target>/<dimension>`, `forecast`) and every figure written
into narrative as `{{<metric>.<field>}}` or `{{<metric>/<dimension>/<item>.<field>}}`,
with the fields `actual`, `target`, `attainment`, `variance`, `last_year`, `growth`,
`share`, `status`, `forecast`, `progress`.

## Why is this bad?
Figures in a year-end summary are computed from the plan and the actuals, never
typed; a reference that resolves to nothing would leave a hole in a sentence.

## Example
```yaml
text: 全年销售额{{east-sale.actual}}，完成率{{east-sales.attainment}}。
```

## Use instead
```yaml
text: 全年销售额{{east-sales.actual}}，完成率{{east-sales.attainment}}。
```
"#,
};

pub static AS_OF: RuleInfo = RuleInfo {
    code: "P813",
    name: "actuals-as-of",
    severity: Severity::Error,
    summary: "An actuals file's `as_of` lies outside the plan period, or a row runs past it.",
    doc: r#"## What it does
- The `as_of` of an actuals file (the date its figures run to) must lie within the
  period of the plan the file belongs to.
- A row for a quarter or month that begins after the file's own `as_of` cannot be a
  figure to that date: it is reported (a warning) and not counted, never dropped without
  a word.

## Why is this bad?
A file dated 2027-03-31 for a 2026 plan is last year's file or a typo; either way every
year-to-date figure built on it is wrong. A Q3 row in a file as of June 30 is either a
forecast or a wrong date, and an attainment counted from it would be false.

## Example
```yaml
plan: east-china-2026
as_of: 2026-06-30
rows:
  - { metric: east-sales, period: Q3, value: 2.18亿元 }
```

## Use instead
```yaml
as_of: 2026-09-30
```
"#,
};

pub static NARRATIVE_FIGURE: RuleInfo = RuleInfo {
    code: "P814",
    name: "narrative-figure",
    severity: Severity::Error,
    summary:
        "A percentage typed into a review's narrative contradicts the figure the review computes.",
    doc: r#"## What it does
Reads the narrative of a `kind: review` file for percentages typed by hand, and checks
those whose sentence says exactly what they are: the name of a target, a breakdown item
(华南大区, or 华南) or a KPI the review computes, and right before the number a cue —
完成率, 达成率, 完成年度目标的 (attainment), 同比增长, 增长率 (growth), or 目标 ≤ / ≥ (a
KPI's target in the plan). The number must be the computed figure to the digits written
(rounded or cut). Numbers filled in by planc (`{{sales.attainment}}`) and sentences
without a name and a cue are left alone.

## Why is this bad?
A summary that says 华南 reached 101.2 % where the figures say 99.7 % puts a false
number in front of the board, and the table on the next page contradicts it.

## Example
```yaml
text: 华南大区完成率101.2%，位列第一。
```

## Use instead
Let planc write the number:
```yaml
text: 华南大区完成率{{sales/region/south.attainment}}，位列第一。
```
"#,
};

pub static TARGET_DIFFERS: RuleInfo = RuleInfo {
    code: "P815",
    name: "export-target-differs",
    severity: Severity::Warning,
    summary: "An export states a target (目标 / 计划) beside an actual that is not the plan's.",
    doc: r#"## What it does
Reads the target a finance export states beside an actual — a `目标` column under a
merged quarter (`Q1` over `目标 / 实际 / 达成率`), or a `目标` / `计划` column in the long
layout — and compares it with the plan's own figure for the same item and period: the
item's value for the year, or the sum of its quarter or month split for a quarter, a
half or a month. Money may differ by `[tolerance] money`; counts must be equal. The
actual is read either way; the stated target is checked, never used. Targets the plan
states no figure for (a quarter of an item the plan does not phase) are counted in one
warning per file, so no comparison is silently skipped.

## Why is this bad?
Finance built the export against another version of the plan (last autumn's draft,
or a target cut since). Its 达成率 column then disagrees with planc's, and the region
is judged against a number nobody signed.

## Example
```csv
单位：万元
省份,目标,实际,期间
江苏,5200,5310,全年
```
with the plan's `jiangsu` at `5000万元`.

## Use instead
Ask finance to export against the current plan (or read the target from the plan:
the review computes attainment from the plan's figures).
"#,
};
