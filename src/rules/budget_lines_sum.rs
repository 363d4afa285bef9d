use rust_decimal::Decimal;

use super::{fmt_money, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P103",
    name: "budget-lines-sum",
    severity: Severity::Error,
    summary: "Budget line amounts do not add up to the budget total.",
    doc: r#"## What it does
Adds up the `amount` of every budget line (after unit normalisation) and compares the
sum with `budget.total`.

## Why is this bad?
A budget whose lines do not reach the total either hides unallocated money or
promises money that is not there.

## Example
```yaml
budget:
  total: 6000万元
  lines:
    - { name: 市场推广活动费用, amount: 3000万元 }
    - { name: 人员薪酬与激励, amount: 2500万元 }
```

## Use instead
```yaml
    - { name: 人员薪酬与激励, amount: 3000万元 }
```
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
    if budget.lines.is_empty() {
        return;
    }
    let Some(sum) = super::sum_yuan(budget.lines.iter().map(|l| l.amount.as_deref()), unit) else {
        return;
    };
    if ctx.money_agrees(sum, total) {
        return;
    }
    let gap = total - sum;
    let mut f = Finding::new(
        &RULE,
        budget.total.span,
        crate::t!(
            "p103-message",
            sum = fmt_money(sum, &budget.total, unit),
            total = budget.total.raw.as_str()
        ),
    )
    .label(crate::t!("p103-label"));
    for line in &budget.lines {
        if let Some(a) = &line.amount {
            f = f.with(a.span, line.name.clone());
        }
    }
    let help = if gap > Decimal::ZERO {
        crate::t!("p103-help-short", gap = fmt_money(gap, &budget.total, unit))
    } else {
        crate::t!("p103-help-over", gap = fmt_money(-gap, &budget.total, unit))
    };
    out.push(f.help(help));
}
