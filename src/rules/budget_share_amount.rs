use super::{fmt_money, fmt_pct, percent_of, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P105",
    name: "budget-share-amount",
    severity: Severity::Error,
    summary: "A budget line's share × the total is not its amount.",
    doc: r#"## What it does
Where a budget line states both `amount` and `share`, checks that the share equals
amount ÷ total, to the digits the share is written with (plus `[tolerance] percent`).

## Why is this bad?
When someone updates the amount but not the share (or the total but not the lines),
the report shows a share that no longer matches the money.

## Example
```yaml
budget:
  total: 6000万元
  lines:
    - { name: 培训与发展费用, amount: 600万元, share: 15% }
```

## Use instead
```yaml
    - { name: 培训与发展费用, amount: 600万元, share: 10% }
```

## Fix safety
`planc fix` rewrites the share as amount ÷ total, to the digits it was written with
(`15.0%` → `10.0%`). Safe: the amounts are the plan; the share only restates them.
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(budget) = &ctx.plan.budget else {
        return;
    };
    let unit = ctx.unit();
    let Some(total) = budget.total.yuan(unit) else {
        return;
    };
    // The amounts add up to the total: a share that disagrees is the wrong figure.
    let amounts: Option<rust_decimal::Decimal> = budget
        .lines
        .iter()
        .map(|l| l.amount.as_ref().and_then(|a| a.yuan(unit)))
        .sum();
    let corroborated = amounts.is_some_and(|s| ctx.money_agrees(s, total));
    for line in &budget.lines {
        let (Some(amount), Some(share)) = (&line.amount, &line.share) else {
            continue;
        };
        let Some(a) = amount.yuan(unit) else { continue };
        let Some(actual) = percent_of(a, total) else {
            continue;
        };
        if !share.is_percent() || ctx.percent_agrees(share, actual) {
            continue;
        }
        let expected = share
            .amount
            .map(|s| s * total / rust_decimal::Decimal::ONE_HUNDRED);
        let pct = fmt_pct(actual);
        let mut f = Finding::new(
            &RULE,
            share.span,
            crate::t!(
                "p105-message",
                line = line.name.as_str(),
                amount = amount.raw.as_str(),
                total = budget.total.raw.as_str(),
                actual = pct.as_str(),
                share = share.raw.as_str()
            ),
        )
        .label(crate::t!("p105-label", actual = pct.as_str()))
        .with(amount.span, crate::t!("p105-label-amount"))
        .with(budget.total.span, crate::t!("p105-label-total"));
        if let Some(e) = expected {
            f = f.help(crate::t!(
                "p105-help",
                actual = pct,
                amount = fmt_money(e, amount, unit)
            ));
        }
        if let Some(x) = super::share_fix(ctx, share, actual, corroborated) {
            f = f.fix(x);
        }
        out.push(f);
    }
}
