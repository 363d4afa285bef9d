use rust_decimal::Decimal;

use super::{fmt_pct, percent_of, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P104",
    name: "budget-shares-sum",
    severity: Severity::Error,
    summary: "Budget line shares do not add up to 100 %.",
    doc: r#"## What it does
Adds up the `share` of every budget line. The sum must be exactly 100 % at the
precision the shares are written with: `50% + 30% + 10% + 8%` is 98 %, not 100 %.
Only `[tolerance] percent` in `planc.toml` widens that, and only if you set it.

A share written beside an `amount` is different: it is amount ÷ total rounded to the
digits shown, so it may be off by half a unit of its last digit (budget-share-amount,
P105, checks it against the amount), and the sum allows that for each such share.
Three lines of 2000万元 in a 6000万元 budget may each say `33.3%`; three lines that
give only `share: 33.3%` state 99.9 % and must be written `33.3%`, `33.3%`, `33.4%`.

## Why is this bad?
Shares that add up to 95 % leave 5 % of the budget unexplained; 105 % is a budget
that cannot be spent as written. Allocation tools (monthly distributions, quota
tools) take the shares as written and need them to make 100 %; letting each whole
number share be half a point off would let four shares that add up to 98 % through.

## Example
```yaml
lines:
  - { name: 市场推广活动费用, share: 50% }
  - { name: 人员薪酬与激励, share: 30% }
  - { name: 培训与发展费用, share: 10% }
```

## Use instead
Add the missing line (`行政及其他费用: 10%`) or correct the shares so they make 100 %
as written.
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
    // A share stated on its own is exact as written. Only a share that budget-share-amount
    // compares with amount ÷ total is a rounded figure, allowed half a unit of its last digit.
    let total = budget.total.yuan(ctx.unit());
    let mut sum = Decimal::ZERO;
    let mut slack = ctx.tolerance().percent_points;
    for (line, s) in budget.lines.iter().zip(&shares) {
        match s.amount {
            Some(a) if s.is_percent() => {
                sum += a;
                let amount = line.amount.as_ref().and_then(|a| a.yuan(ctx.unit()));
                if total
                    .zip(amount)
                    .and_then(|(t, a)| percent_of(a, t))
                    .is_some()
                {
                    slack += s.half_ulp();
                }
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
