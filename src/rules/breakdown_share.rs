use super::{each_breakdown, fmt_pct, percent_of, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P102",
    name: "breakdown-share",
    severity: Severity::Error,
    summary: "A breakdown item's stated share is not its value divided by the whole.",
    doc: r#"## What it does
Where a breakdown item states a `share`, compares it with value ÷ parent value. A
share agrees when it equals the true ratio rounded to the digits written (`27%` for
27.4 %), plus `[tolerance] percent` points.

## Why is this bad?
Shares and amounts drift apart when one is edited and the other is not; the report
then shows two different truths.

## Example
```yaml
value: 10亿元
breakdowns:
  - dimension: product
    items:
      - { ref: xinmaian, value: 6亿元, share: 55% }
```

## Use instead
```yaml
      - { ref: xinmaian, value: 6亿元, share: 60% }
```

## Fix safety
`planc fix` rewrites the share as value ÷ whole, to the digits it was written with
(`55%` → `60%`). Safe: the values are the plan; the share only restates them.
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let unit = ctx.unit();
    each_breakdown(ctx.plan, &mut |parent, _, b| {
        let Some(total) = parent.base(unit) else {
            return;
        };
        // The items add up to the whole: a share that disagrees is the wrong figure.
        let sum: Option<rust_decimal::Decimal> = b.items.iter().map(|i| i.value.base(unit)).sum();
        let corroborated = !b.partial && sum.is_some_and(|s| ctx.money_agrees(s, total));
        for item in &b.items {
            let (Some(share), Some(v)) = (&item.share, item.value.base(unit)) else {
                continue;
            };
            // A value in another unit than the whole (`9600万元整` reads as 9600 of a unit
            // `万元整`) is no part of it: the unit rules report it, and no share is computed
            // from it — least of all a "safe" fix.
            let money = |q: &crate::model::Quantity| q.money_unit(unit).is_some();
            let comparable = if money(parent) {
                money(&item.value)
            } else {
                item.value.unit == parent.unit
            };
            if !comparable {
                continue;
            }
            let Some(actual) = percent_of(v, total) else {
                continue;
            };
            if !share.is_percent() || ctx.percent_agrees(share, actual) {
                continue;
            }
            let pct = fmt_pct(actual);
            let fix = super::share_fix(ctx, share, actual, corroborated);
            let mut f = Finding::new(
                &RULE,
                share.span,
                crate::t!(
                    "p102-message",
                    item = item.key.value.as_str(),
                    share = share.raw.as_str(),
                    value = item.value.raw.as_str(),
                    whole = parent.raw.as_str(),
                    actual = pct.as_str()
                ),
            )
            .label(crate::t!("p102-label", actual = pct.as_str()))
            .with(item.value.span, crate::t!("p102-label-value"))
            .with(parent.span, crate::t!("p102-label-whole"))
            .help(crate::t!(
                "p102-help",
                actual = pct,
                written = super::fmt_share_like(actual, share)
            ));
            if let Some(x) = fix {
                f = f.fix(x);
            }
            out.push(f);
        }
    });
}
