use rust_decimal::Decimal;

use super::{fmt_pct, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P104",
    name: "budget-shares-sum",
    severity: Severity::Error,
    summary: "Budget line shares do not add up to 100 %.",
    doc: r#"## What it does
Adds up the `share` of every budget line. The sum must be 100 %, allowing for the
rounding of each share to the digits written (three shares of `33.3%` are fine) plus
`[tolerance] percent` points.

## Why is this bad?
Shares that add up to 95 % leave 5 % of the budget unexplained; 105 % is a budget
that cannot be spent as written.

## Example
```yaml
lines:
  - { name: 市场推广活动费用, share: 50% }
  - { name: 人员薪酬与激励, share: 30% }
  - { name: 培训与发展费用, share: 10% }
```

## Use instead
Add the missing line (`行政及其他费用: 10%`) or correct the shares.
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(budget) = &ctx.plan.budget else {
        return;
    };
    let shares: Vec<_> = budget
        .lines
        .iter()
        .filter_map(|l| l.share.as_ref())
        .collect();
    if shares.is_empty() || shares.len() != budget.lines.len() {
        return;
    }
    let mut sum = Decimal::ZERO;
    let mut slack = ctx.tolerance().percent_points;
    for s in &shares {
        match s.amount {
            Some(a) if s.is_percent() => {
                sum += a;
                slack += s.half_ulp();
            }
            _ => return,
        }
    }
    if (sum - Decimal::ONE_HUNDRED).abs() <= slack {
        return;
    }
    let mut f = Finding::new(
        &RULE,
        shares[0].span,
        crate::t!("p104-message", sum = fmt_pct(sum)),
    )
    .label(crate::t!("p104-label-first"));
    for s in &shares[1..] {
        f = f.with(s.span, s.raw.clone());
    }
    let gap = Decimal::ONE_HUNDRED - sum;
    let help = if gap > Decimal::ZERO {
        crate::t!("p104-help-short", gap = fmt_pct(gap))
    } else {
        crate::t!("p104-help-over", gap = fmt_pct(-gap))
    };
    out.push(f.help(help));
}
