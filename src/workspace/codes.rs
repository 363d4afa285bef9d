//! Codes of the cross-file rules (P9xx): links between plans and roll-ups from child
//! plans into the plans they fill. Registered in [`crate::rules::REGISTRY`].

use crate::diagnostics::Severity;
use crate::rules::RuleInfo;

pub static ALL: &[&RuleInfo] = &[
    &UNKNOWN_PARENT,
    &DUPLICATE_PLAN_ID,
    &PARENT_CYCLE,
    &PARENT_MISMATCH,
    &ROLLUP_TOTAL,
    &ROLLUP_BREAKDOWN,
    &ROLLUP_COVERAGE,
    &ROLLUP_BUDGET,
    &ROLLUP_LAST_YEAR,
    &TERRITORY_OVERLAP,
    &ROLLUP_KPI,
    &STATUS_ORDER,
    &ACTUALS_AGREE,
    &ACTUALS_LAST_YEAR,
];

pub static UNKNOWN_PARENT: RuleInfo = RuleInfo {
    code: "P901",
    name: "unknown-parent",
    severity: Severity::Error,
    summary: "A `parent`, its `#item` or a target's `rolls_up` names nothing in the workspace.",
    doc: r#"## What it does
Resolves every link from a child plan to the plan it rolls up into:

- `parent: <plan-id>` or `parent: <relative path>` must name a plan in the workspace
  (the files checked together; for a single file, also the plans in its folder and the
  folder above);
- `#<item>` (or `#<dimension>:<item>`) must be a breakdown item of one of the parent's
  targets, at any nesting level, and name one dimension only;
- a target's `rolls_up: <target-id>` must be a target of the parent.

A child plan that names an item but none of whose targets rolls up into a parent target
holding that item gets a warning: nothing of it is compared.

Suggests the nearest plan id, item or target for a typo.

## Why is this bad?
A misspelled parent silently cuts a plan out of the organisation: its numbers are never
compared with what was allocated to it.

## Example
```yaml
# east-china.plan.yaml
parent: compnay-2026#east
```

## Use instead
```yaml
parent: company-2026#east
```
"#,
};

pub static DUPLICATE_PLAN_ID: RuleInfo = RuleInfo {
    code: "P902",
    name: "duplicate-plan-id",
    severity: Severity::Error,
    summary: "Two plan files in one workspace have the same `id`.",
    doc: r#"## What it does
Reports every plan whose `id` another plan file of the workspace also has, naming both
files. Reviews are included: an id names one file.

## Why is this bad?
Links are made by id (`parent: company-2026`, `review.plan`, `plan:` of actuals). With
two files of one id, no link can say which one it means — planc never guesses "the
nearest one".

## Example
```yaml
# plans/east.plan.yaml             # plans/east-copy.plan.yaml
id: east-china-2026                id: east-china-2026
```

## Use instead
Give each plan its own id (`east-china-2026`, `east-china-2026-v2`), or delete the copy.
"#,
};

pub static PARENT_CYCLE: RuleInfo = RuleInfo {
    code: "P903",
    name: "parent-cycle",
    severity: Severity::Error,
    summary: "Plans name each other as parents in a circle.",
    doc: r#"## What it does
Follows `parent` links upwards from every plan and reports a plan that is reached again.

## Why is this bad?
An organisation is a tree: the company allocates to regions, regions to representatives.
In a circle no plan is the root and no roll-up has a meaning.

## Example
```yaml
# company.plan.yaml                # east.plan.yaml
parent: east-china-2026            parent: company-2026#east
```

## Use instead
Remove `parent` from the root plan (the company's).
"#,
};

pub static PARENT_MISMATCH: RuleInfo = RuleInfo {
    code: "P904",
    name: "parent-mismatch",
    severity: Severity::Error,
    summary: "A child plan's period, currency or units do not agree with its parent's.",
    doc: r#"## What it does
Compares a child plan with the plan it rolls up into:

- the child's period must lie within the parent's; a shorter period (a half-year plan
  under an annual one) is allowed but its amounts are not compared (warning);
- the currencies must be the same (default `CNY`);
- a target and the parent's allocation must be in comparable units (money with money,
  `家` with `家`);
- a review cannot be a parent.

## Why is this bad?
9000万元 for 2026 and 9000万元 for the first half are not the same allocation, and
neither are 亿元 and 家.

## Example
```yaml
# company-2026: period 2026-01-01 – 2026-12-31
period: { start: 2025-07-01, end: 2026-06-30 }
parent: company-2026#east
```

## Use instead
```yaml
period: { start: 2026-01-01, end: 2026-12-31 }
```
"#,
};

pub static ROLLUP_TOTAL: RuleInfo = RuleInfo {
    code: "P911",
    name: "rollup-total",
    severity: Severity::Error,
    summary: "A child plan's target is not what its parent allocates to it.",
    doc: r#"## What it does
For a plan with `parent: <plan>#<item>`, compares each target with the parent target it
fills (`rolls_up`, or the parent target of the same id): the child's value must equal the
parent's breakdown item `<item>` of that target exactly (money after unit normalisation:
9.072亿元 = 90720万元; `[tolerance] money` in `planc.toml` adds slack).

## Why is this bad?
When the region plans 7.56亿元 of the 8.748亿元 the company gave it, 1.188亿元 of the
company's target is planned by nobody — and nothing in either file shows it.

## Example
```yaml
# company.plan.yaml                      # south-china.plan.yaml
- dimension: region                      parent: company-2026#south
  items:                                 targets:
    - { ref: south, value: 8.748亿元 }     - id: south-sales
                                             rolls_up: sales
                                             value: 7.56亿元
```

## Use instead
Plan what was allocated (`value: 8.748亿元`), or change the allocation in the parent —
in the same pull request, so that both files agree.
"#,
};

pub static ROLLUP_BREAKDOWN: RuleInfo = RuleInfo {
    code: "P912",
    name: "rollup-breakdown",
    severity: Severity::Error,
    summary: "A child's breakdown disagrees with the parent's allocation along the same dimension.",
    doc: r#"## What it does
Compares breakdowns along a dimension that both sides give:

- where the parent breaks its allocation to the child down further (say the `east` item
  by `product`), the child's breakdown by that dimension must have the same items with
  the same values;
- where a parent's breakdown is `complete: true` and every item has its child plan, the
  children's breakdowns by another dimension (product, quarter …) must add up, item by
  item, to the parent's breakdown by that dimension beside it.

## Why is this bad?
The regions may each hit their totals while together planning 1亿元 less of the new
product than the company's product line target — the mix is wrong, and only the sum of
the children shows it.

## Example
```yaml
# company: by product  xinmaian 25.3亿元   — the regions' product breakdowns add up to 24.9亿元
```

## Use instead
Move the difference between the children's product lines, or change the company's.
"#,
};

pub static ROLLUP_COVERAGE: RuleInfo = RuleInfo {
    code: "P913",
    name: "rollup-coverage",
    severity: Severity::Error,
    summary:
        "A `complete` breakdown has items no child plan fills, or two children claim one item.",
    doc: r#"## What it does
- Two child plans naming the same `parent: <plan>#<item>` are reported, naming both.
- A breakdown marked `complete: true` must have exactly one child plan in the workspace
  for each of its items; the finding says how much of the allocation no child plans
  ("华东 + 华南 plan 17.82亿元 of the 36亿元 allocated by region: 18.18亿元 (50.5%) is not
  planned by any plan"). `[rollup] complete = true` in `planc.toml` treats every
  breakdown that has at least one child plan as complete.
- Coverage item by item, for an organisation whose plans are still being written: an
  item marked `child_plan: false` (暂无下级计划) expects no child plan, so a
  `complete` breakdown is checked for its other items; an item marked
  `child_plan: true` expects one even in a breakdown that is not `complete`. A child
  that drops its `parent:` while its item still expects it is found this way. The
  children's breakdowns are only added up against the parent's when every item has
  its child.

## Why is this bad?
An allocation without a plan is a target nobody has committed to; two plans for one
territory count its target twice.

## Example
```yaml
- dimension: representative
  complete: true
  items:
    - { ref: wanglei, value: 900万元 }   # reps/wanglei.plan.yaml
    - { ref: lina, value: 800万元 }      # no plan has parent: east-china-2026#lina
```

## Use instead
Add the missing plan (`planc check` lists the items), or drop `complete: true` while the
plans are still being written.
"#,
};

pub static ROLLUP_BUDGET: RuleInfo = RuleInfo {
    code: "P914",
    name: "rollup-budget",
    severity: Severity::Error,
    summary: "A child plan's budget exceeds what its parent allocates to it.",
    doc: r#"## What it does
Where the parent's `budget.allocations` has an entry for the child's item
(`ref: east`), the child's `budget.total` must not exceed its `amount`.

## Why is this bad?
The sum of the regions' budgets then exceeds the company's, and the overspend is only
found when the money is gone.

## Example
```yaml
# company.plan.yaml                       # east-china.plan.yaml
budget:                                   budget:
  allocations:                              total: 2.9亿元
    - { ref: east, amount: 2.7亿元 }
```

## Use instead
Keep the region's budget within 2.7亿元, or raise the allocation in the company plan.
"#,
};

pub static ROLLUP_LAST_YEAR: RuleInfo = RuleInfo {
    code: "P915",
    name: "rollup-last-year",
    severity: Severity::Error,
    summary:
        "A child plan's last-year figures are not the parent's last year for the item it fills.",
    doc: r#"## What it does
For a plan with `parent: <plan>#<item>`, compares last year on both sides:

- the `last_year` of each child target with the `last_year` of the parent's breakdown
  item it fills;
- where the parent breaks the item down further (by product, by quarter …), each item's
  `last_year` with the child's item of the same key in its breakdown by that dimension.

Money is compared after unit normalisation; `[tolerance] money` adds slack. A side that
states no last year is not compared.

## Why is this bad?
Both plans compute growth from last year. When the company says 华东 sold 8.4亿元 and
华东's own plan says 8.2亿元, one growth rate is false, and the year-on-year figures of
the review will not add up.

## Example
```yaml
# company.plan.yaml                       # east-china.plan.yaml
- ref: east                               parent: company-2026#east
  value: 9.072亿元                          targets:
  last_year: 8.4亿元                          - id: east-sales
                                                rolls_up: sales
                                                value: 9.072亿元
                                                last_year: 8.2亿元
```

## Use instead
Take last year from one source (finance's closing figures) in both files:
`last_year: 8.4亿元`.
"#,
};

pub static TERRITORY_OVERLAP: RuleInfo = RuleInfo {
    code: "P916",
    name: "territory-overlap",
    severity: Severity::Error,
    summary: "Two sibling plans claim the same province, city, account or representative.",
    doc: r#"## What it does
Among the child plans of one parent (the regions of a company, the representatives of a
region), every province, city, county, account and representative belongs to one plan.
A sibling's breakdown item along one of these dimensions (`province`/`省份`,
`city`/`城市`, `county`/`县域`, `account`/`客户`, `representative`/`代表`), or an
account in its `accounts`, that another sibling also claims is reported in both files.

A representative whom two regions both allocate to is one case of it.

## Why is this bad?
A territory in two plans is counted twice: the company's roll-up looks covered while
two managers chase one hospital's target and nobody owns the other one's.

## Example
```yaml
# east-china.plan.yaml                    # south-china.plan.yaml
- dimension: province                     - dimension: province
  items:                                    items:
    - { ref: fujian, value: 1.2亿元 }          - { ref: fujian, value: 0.8亿元 }
```

## Use instead
Give the province to one region, and move its target there.
"#,
};

pub static ROLLUP_KPI: RuleInfo = RuleInfo {
    code: "P917",
    name: "rollup-kpi",
    severity: Severity::Error,
    summary: "A child's KPI linked to a parent KPI (`rolls_up`) breaks it: counts do not add up, or a rate is looser.",
    doc: r#"## What it does
A child plan's KPI can say which KPI of its parent it is a part of, with
`rolls_up: <parent-kpi-id>`. The check follows the KPI's nature:

- **counts and amounts** (家, 名, 场, 次, 万元 …): the children's targets add up to
  the parent's. When only some of the parent's children link the KPI yet, a sum already
  past the parent's is an error and a shorter one is reported as not comparable;
- **rates and shares** (%): under `>=` a child may not ask for less than the parent, under
  `<=` not allow more, under `=` it must be equal;
- the parent KPI must exist (with a suggestion for a typo), and units must agree.

## Why is this bad?
The company promises 90 county hospitals; its three regions promise 30, 25 and 20. The
15 missing hospitals are nobody's job, and the company KPI will be missed by design.

## Example
```yaml
# company.plan.yaml                  # east-china.plan.yaml
- id: county-hospitals               - metric: 县级医院覆盖数量
  metric: 县级医院覆盖数量              rolls_up: county-hospitals
  target: 90家                         target: 30家
```

## Use instead
Allocate the parent's count in full across the children (30 + 35 + 25 = 90), or change
the parent's target.
"#,
};

pub static STATUS_ORDER: RuleInfo = RuleInfo {
    code: "P918",
    name: "status-order",
    severity: Severity::Warning,
    summary: "A `final` plan rolls up into a parent that is still a `draft`.",
    doc: r#"## What it does
Warns when a child plan has `status: final` while the plan it rolls up into is
`status: draft`.

## Why is this bad?
A final plan is signed off against its allocation; while the parent is a draft, that
allocation can still change, and the child would be final against a number that no
longer holds.

## Example
```yaml
# company.plan.yaml      # east-china.plan.yaml
status: draft            status: final
```

## Use instead
Finalise the parent first, or keep the child a draft until it is.
"#,
};

pub static ACTUALS_AGREE: RuleInfo = RuleInfo {
    code: "P919",
    name: "actuals-agree",
    severity: Severity::Error,
    summary: "Two actuals files state different figures for the same plan item and period.",
    doc: r#"## What it does
Every actuals file is joined to its plan, and the figures two files state for the same
thing are compared:

- two files of one plan (a full-year file and a Q3 file that restates Q2, two monthly
  exports that overlap): the same target, KPI or breakdown item in the same quarter or
  month must have the same actual;
- a parent's file and a child's: the parent's row for the item a child plan fills
  (`sales › 华南大区 › FY` in the company's CSV) must equal the child's own total for the
  same period (the `合计` of 华南's file);
- a plan's monthly series and its quarterly or full-year files: the months the exports of
  months only give (the series the monthly report reads) must add up, quarter by quarter,
  to what a quarterly file of the same plan states for the same item, and, to a full-year
  row's date, to that row. Amounts and counts that build up are added; rates and figures
  stated per month (每月协访天数) are not. A quarter the series gives only one or two
  months of is not compared, and a warning at the quarter's cell says so (the month
  missing is P807 too).

Full-year rows are compared only between files that run to the same date (a Q3 file's
year to date is not the year). Money is compared in 元; `[tolerance] money` adds slack;
counts must be equal.

## Why is this bad?
Finance's company export and the region's own file disagree: the company review and the
region's review then report two different attainments for the same region, and nobody
can tell which is true.

## Example
```text
company-2026.actuals.csv        sales,region,华南大区,FY,85200,万元
south-china-2026.actuals.csv    合计,20000,22000,22300,24600,88900
```

```text
2026-01/south-china-2026.actuals.csv    south-sales,2026-01,7100,万元
2026-02/south-china-2026.actuals.csv    south-sales,2026-02,4900,万元
2026-03/south-china-2026.actuals.csv    south-sales,2026-03,7300,万元
south-china-2026.actuals.csv            合计,19200,…    (一季度: the months give 19300)
```

## Use instead
Export both from the same closing figures, so that 华南's file adds up to 85200万元 (or
correct the company's row), and its months to each quarter it states.
"#,
};

pub static ACTUALS_LAST_YEAR: RuleInfo = RuleInfo {
    code: "P920",
    name: "actuals-last-year",
    severity: Severity::Error,
    summary: "An actuals file's last-year column disagrees with the plan's last year.",
    doc: r#"## What it does
A full-year actuals row may give last year's actual beside this year's (`last_year`,
`同期`). The plan states last year too: the target's `last_year`, and each breakdown
item's. For a file whose full-year rows run to the end of the plan period, the two must
be the same figure (money in 元; `[tolerance] money` adds slack). A year-to-date file is
not compared: its 同期 is last year to the same date.

## Why is this bad?
The review's 同比 (year on year) is computed from the file's last year, the plan's growth
from the plan's. When they differ, the plan promises +8 % and the review reports +12 %
for the same sales.

## Example
```text
company-2026.actuals.csv   sales,region,华南大区,FY,85200,万元,79000
company.plan.yaml          - { ref: south, value: 8.748亿元, last_year: 8.1亿元 }
```

## Use instead
Take last year from one closing: `81000` in the export, or correct the plan.
"#,
};
