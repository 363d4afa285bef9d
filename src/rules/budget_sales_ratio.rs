use super::{fmt_pct, percent_of, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P106",
    name: "budget-sales-ratio",
    severity: Severity::Error,
    summary: "The budget's stated share of sales does not match budget ÷ sales target.",
    doc: r#"## What it does
Where `budget.sales_ratio` is given (年度销售总预算占预期销售额的XX%), divides the
budget total by the sales target (`budget.sales_target`, or the first target) and
compares, to the digits written (plus `[tolerance] percent`).

## Why is this bad?
The ratio is what finance reads first; if the target moves and the ratio does not,
the plan asks for a different budget than it says.

## Example
```yaml
targets:
  - { id: sales, name: 年度销售总额, value: 32亿元 }
budget:
  total: 3.2亿元
  sales_ratio: 8%
```

## Use instead
```yaml
  sales_ratio: 10%
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(budget) = &ctx.plan.budget else {
        return;
    };
    let Some(ratio) = &budget.sales_ratio else {
        return;
    };
    let target = match &budget.sales_target {
        Some(id) => ctx.plan.targets.iter().find(|t| t.id.value == id.value),
        None => ctx.plan.targets.first(),
    };
    let Some(target) = target else { return };
    let unit = ctx.unit();
    let (Some(b), Some(s)) = (budget.total.yuan(unit), target.value.yuan(unit)) else {
        return;
    };
    let Some(actual) = percent_of(b, s) else {
        return;
    };
    if !ratio.is_percent() || ctx.percent_agrees(ratio, actual) {
        return;
    }
    let pct = fmt_pct(actual);
    out.push(
        Finding::new(
            &RULE,
            ratio.span,
            crate::t!(
                "p106-message",
                budget = budget.total.raw.as_str(),
                actual = pct.as_str(),
                target = target.value.raw.as_str(),
                ratio = ratio.raw.as_str()
            ),
        )
        .label(crate::t!("p106-label", actual = pct.as_str()))
        .with(budget.total.span, crate::t!("p106-label-budget"))
        .with(
            target.value.span,
            crate::t!("p106-label-target", target = target.name.as_str()),
        )
        .help(crate::t!("p106-help", actual = pct)),
    );
}
