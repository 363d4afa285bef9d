use rust_decimal::Decimal;

use super::{each_growth, fmt_base, fmt_pct, percent_of, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{Quantity, Sp};

pub static RULE: RuleInfo = RuleInfo {
    code: "P107",
    name: "growth-mismatch",
    severity: Severity::Error,
    summary: "A target is not last year × (1 + growth).",
    doc: r#"## What it does
Where a target or breakdown item states `value`, `last_year` and `growth`, checks that
value ÷ last_year − 1 equals the stated growth to the digits it is written with (plus
`[tolerance] percent`). A growth stated over a last year of zero is reported as well:
growth from nothing is not a percentage.

## Why is this bad?
"同比增长15%" next to figures that imply 12 % is the first thing a director will
catch — and the first thing that goes stale when a target is revised.

## Example
```yaml
value: 30亿元
last_year: 25亿元
growth: 15%
```

## Use instead
```yaml
growth: 20%
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let unit = ctx.unit();
    for (value, last, growth) in each_growth(ctx.plan) {
        let (Some(last), Some(growth)) = (last, growth) else {
            continue;
        };
        if value.money_unit(unit).is_some() != last.money_unit(unit).is_some() {
            continue;
        }
        let (Some(v), Some(l)) = (value.base(unit), last.base(unit)) else {
            continue;
        };
        if !growth.is_percent() {
            continue;
        }
        let Some(ratio) = percent_of(v, l) else {
            out.push(from_zero(growth, last));
            continue;
        };
        let actual = ratio - Decimal::ONE_HUNDRED;
        if ctx.percent_agrees(growth, actual) {
            continue;
        }
        let implied = growth
            .amount
            .map(|g| l * (Decimal::ONE_HUNDRED + g) / Decimal::ONE_HUNDRED);
        let pct = fmt_pct(actual);
        let mut f = Finding::new(
            &RULE,
            value.span,
            crate::t!(
                "p107-message",
                value = value.raw.as_str(),
                actual = pct.as_str(),
                last = last.raw.as_str(),
                growth = growth.raw.as_str()
            ),
        )
        .label(crate::t!("p107-label", actual = pct))
        .with(last.span, crate::t!("p107-label-last"))
        .with(growth.span, crate::t!("p107-label-growth"));
        if let Some(i) = implied {
            f = f.help(crate::t!(
                "p107-help",
                last = last.raw.as_str(),
                growth = growth.raw.as_str(),
                implied = fmt_base(i, value, unit)
            ));
        }
        out.push(f);
    }
}

/// A growth stated over a last year of zero: no percentage can say how much bigger
/// something is than nothing.
pub(super) fn from_zero(growth: &Sp<Quantity>, base: &Sp<Quantity>) -> Finding {
    Finding::new(
        &RULE,
        growth.span,
        crate::t!(
            "p107-zero",
            growth = growth.raw.as_str(),
            last = base.raw.as_str()
        ),
    )
    .label(crate::t!("p107-label-zero"))
    .with(base.span, crate::t!("p107-label-last"))
    .help(crate::t!("p107-help-zero"))
}
