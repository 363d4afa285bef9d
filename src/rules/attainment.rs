use rust_decimal::Decimal;

use super::{fmt_pct, percent_of, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{Quantity, Sp};

pub static RULE: RuleInfo = RuleInfo {
    code: "P108",
    name: "last-year-mismatch",
    severity: Severity::Error,
    summary:
        "Last year's attainment or growth does not follow from its sales, target and prior sales.",
    doc: r#"## What it does
In `last_year`, checks attainment = sales ÷ target and growth = sales ÷
previous_sales − 1, each to the digits written (plus `[tolerance] percent`). An
attainment of a zero target, or a growth over zero previous sales, is reported too: no
percentage can state it.

## Why is this bad?
The review of last year frames the whole plan; a wrong attainment figure undermines
every target that follows.

## Example
```yaml
last_year:
  sales: 7.8亿元
  target: 7.5亿元
  attainment: 108%
```

## Use instead
```yaml
  attainment: 104%
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(ly) = &ctx.plan.last_year else {
        return;
    };
    let unit = ctx.unit();
    let Some(sales) = &ly.sales else { return };
    let Some(s) = sales.base(unit) else { return };
    if let (Some(target), Some(att)) = (&ly.target, &ly.attainment) {
        if let (Some(t), true) = (target.base(unit), att.is_percent()) {
            match percent_of(s, t) {
                None => out.push(zero_base(att, target, "attainment")),
                Some(actual) if !ctx.percent_agrees(att, actual) => out.push(
                    Finding::new(
                        &RULE,
                        att.span,
                        crate::t!(
                            "p108-attainment",
                            sales = sales.raw.as_str(),
                            target = target.raw.as_str(),
                            actual = fmt_pct(actual),
                            attainment = att.raw.as_str()
                        ),
                    )
                    .label(crate::t!("p108-label", actual = fmt_pct(actual)))
                    .with(sales.span, crate::t!("p108-label-sales"))
                    .with(target.span, crate::t!("p108-label-target")),
                ),
                Some(_) => {}
            }
        }
    }
    if let (Some(prev), Some(growth)) = (&ly.previous_sales, &ly.growth) {
        if let (Some(p), true) = (prev.base(unit), growth.is_percent()) {
            match percent_of(s, p).map(|r| r - Decimal::ONE_HUNDRED) {
                None => out.push(zero_base(growth, prev, "growth")),
                Some(actual) if !ctx.percent_agrees(growth, actual) => out.push(
                    Finding::new(
                        &RULE,
                        growth.span,
                        crate::t!(
                            "p108-growth",
                            previous = prev.raw.as_str(),
                            sales = sales.raw.as_str(),
                            actual = fmt_pct(actual),
                            growth = growth.raw.as_str()
                        ),
                    )
                    .label(crate::t!("p108-label", actual = fmt_pct(actual)))
                    .with(sales.span, crate::t!("p108-label-sales"))
                    .with(prev.span, crate::t!("p108-label-previous")),
                ),
                Some(_) => {}
            }
        }
    }
}

/// An attainment over a target of zero, or a growth over previous sales of zero: no
/// percentage can say it. `what` is `attainment` or `growth`.
fn zero_base(stated: &Sp<Quantity>, base: &Sp<Quantity>, what: &'static str) -> Finding {
    Finding::new(
        &RULE,
        stated.span,
        crate::t!(
            "p108-zero",
            what = what,
            stated = stated.raw.as_str(),
            base = base.raw.as_str()
        ),
    )
    .label(crate::t!("p108-label-zero"))
    .with(base.span, crate::t!("p108-label-zero-base", what = what))
    .help(crate::t!("p108-help-zero", what = what))
}
