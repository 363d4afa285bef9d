use rust_decimal::Decimal;

use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{Quantity, Sp};

pub static RULE: RuleInfo = RuleInfo {
    code: "P402",
    name: "percent-range",
    severity: Severity::Error,
    summary:
        "A percentage outside 0–100 % where it cannot be (a rate, a share), unless it is a growth.",
    doc: r#"## What it does
Checks that KPI targets, bounds and baselines written in %, breakdown shares and budget
shares lie between 0 % and 100 %. KPIs marked `growth: true` and `growth` fields may
be negative or above 100 %.

## Why is this bad?
A coverage rate of 120 % or a share of −5 % is a typo (usually a misplaced digit) that
would otherwise reach the report.

## Example
```yaml
kpis:
  - { metric: 合规培训覆盖率, comparator: ">=", target: 1000% }
```

## Use instead
```yaml
  - { metric: 合规培训覆盖率, comparator: ">=", target: 100% }
```
"#,
};

/// What a percentage is, for the message.
enum What<'a> {
    Kpi(&'a str),
    Share,
    BudgetShare,
}

fn check_one(q: &Sp<Quantity>, what: &What, out: &mut Vec<Finding>) {
    let Some(a) = q.amount else { return };
    if q.is_percent() && (a < Decimal::ZERO || a > Decimal::ONE_HUNDRED) {
        let raw = q.raw.as_str();
        let message = match what {
            What::Kpi(metric) => crate::t!("p402-kpi", metric = *metric, raw = raw),
            What::Share => crate::t!("p402-share", raw = raw),
            What::BudgetShare => crate::t!("p402-budget-share", raw = raw),
        };
        let help = match what {
            What::Kpi(_) => crate::t!("p402-help"),
            What::Share | What::BudgetShare => crate::t!("p402-help-share"),
        };
        out.push(
            Finding::new(&RULE, q.span, message)
                .label(crate::t!("p402-label"))
                .help(help),
        );
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for k in ctx.plan.all_kpis() {
        if k.growth {
            continue;
        }
        let what = What::Kpi(&k.metric.value);
        for q in k.target.iter().chain(&k.max).chain(&k.baseline) {
            check_one(q, &what, out);
        }
    }
    super::each_breakdown(ctx.plan, &mut |_, _, b| {
        for i in &b.items {
            if let Some(s) = &i.share {
                check_one(s, &What::Share, out);
            }
        }
    });
    if let Some(b) = &ctx.plan.budget {
        for l in &b.lines {
            if let Some(s) = &l.share {
                check_one(s, &What::BudgetShare, out);
            }
        }
    }
}
