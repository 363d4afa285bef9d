//! P110: the budget's allocations and the campaigns' budgets fit inside the budget, and
//! every allocation names a unit of the plan.

use rust_decimal::Decimal;

use super::{fmt_money, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::suggest::did_you_mean;

pub static RULE: RuleInfo = RuleInfo {
    code: "P110",
    name: "budget-allocations",
    severity: Severity::Error,
    summary: "Budget allocations or campaign budgets exceed the budget total, or an allocation names no unit of the plan.",
    doc: r#"## What it does
- The `budget.allocations` may not add up to more than `budget.total`; with
  `allocations_complete: true` they must add up to it exactly.
- Every allocation's `ref` must name a unit of the plan: a breakdown item of a target
  (at any level), a region, a person or an account. A typo gets a suggestion.
- One unit may be allocated once.
- The budgets of the strategies and campaigns (`budget:` on each) may not add up to
  more than `budget.total`.

Money is compared after unit normalisation; `[tolerance] money` adds slack.

## Why is this bad?
An allocation to `esat` reaches no child plan: its budget cap (P914) is never applied.
Allocations or campaign budgets beyond the total spend money the plan does not have.

## Example
```yaml
budget:
  total: 3亿元
  allocations:
    - { ref: east, amount: 1.8亿元 }
    - { ref: south, amount: 1.5亿元 }
```

## Use instead
```yaml
    - { ref: south, amount: 1.2亿元 }
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(budget) = &ctx.plan.budget else {
        return;
    };
    let unit = ctx.unit();
    let total = budget.total.yuan(unit);
    refs(ctx, out);
    if let Some(total) = total {
        if !budget.allocations.is_empty() {
            allocations(ctx, total, out);
        }
        campaigns(ctx, total, out);
    }
}

/// Every unit an allocation may name.
fn units<'a>(ctx: &'a Ctx) -> Vec<&'a str> {
    let p = ctx.plan;
    let mut keys: Vec<&str> = Vec::new();
    super::each_breakdown(p, &mut |_, _, b| {
        keys.extend(b.items.iter().map(|i| i.key.as_str()));
    });
    keys.extend(p.regions.iter().map(|r| r.id.as_str()));
    keys.extend(p.people.iter().map(|r| r.id.as_str()));
    keys.extend(p.accounts.iter().map(|r| r.id.as_str()));
    keys
}

fn refs(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(budget) = &ctx.plan.budget else {
        return;
    };
    if budget.allocations.is_empty() {
        return;
    }
    let known = units(ctx);
    let mut seen: Vec<&crate::model::Sp<String>> = Vec::new();
    for a in &budget.allocations {
        if let Some(first) = seen.iter().find(|s| s.value == a.key.value) {
            out.push(
                Finding::new(
                    &RULE,
                    a.key.span,
                    crate::t!("p110-twice", unit = a.key.as_str()),
                )
                .label(crate::t!("p110-twice-label"))
                .with(first.span, crate::t!("p110-twice-label-first"))
                .help(crate::t!("p110-twice-help")),
            );
            continue;
        }
        seen.push(&a.key);
        if known.contains(&a.key.as_str()) {
            continue;
        }
        let f = Finding::new(
            &RULE,
            a.key.span,
            crate::t!("p110-unknown", unit = a.key.as_str()),
        )
        .label(crate::t!("p110-unknown-label"));
        let f = match did_you_mean(&a.key, known.iter().copied()) {
            Some(s) => f.help(crate::t!("did-you-mean", suggestion = s)),
            None => f.help(crate::t!("p110-unknown-help")),
        };
        out.push(f);
    }
}

fn allocations(ctx: &Ctx, total: Decimal, out: &mut Vec<Finding>) {
    let budget = ctx.plan.budget.as_ref().expect("checked");
    let unit = ctx.unit();
    let Some(sum) = super::sum_yuan(budget.allocations.iter().map(|a| Some(&*a.amount)), unit)
    else {
        return;
    };
    let over = sum > total + ctx.tolerance().money_yuan;
    let short = budget.allocations_complete && !ctx.money_agrees(sum, total);
    if !over && !short {
        return;
    }
    let like = &budget.total;
    let gap = fmt_money((sum - total).abs(), like, unit);
    let mut f = Finding::new(
        &RULE,
        budget.total.span,
        crate::t!(
            "p110-sum",
            sum = fmt_money(sum, like, unit),
            total = like.raw.as_str()
        ),
    )
    .label(if over {
        crate::t!("p110-sum-label-over", gap = gap.as_str())
    } else {
        crate::t!("p110-sum-label-short", gap = gap.as_str())
    });
    for a in &budget.allocations {
        f = f.with(a.amount.span, a.key.value.clone());
    }
    out.push(f.help(if over {
        crate::t!("p110-sum-help-over")
    } else {
        crate::t!("p110-sum-help-short", gap = gap)
    }));
}

fn campaigns(ctx: &Ctx, total: Decimal, out: &mut Vec<Finding>) {
    let budget = ctx.plan.budget.as_ref().expect("checked");
    let unit = ctx.unit();
    // Top-level strategies only: a part's budget is inside its strategy's.
    let tops: Vec<&crate::model::Strategy> = ctx
        .plan
        .strategies
        .iter()
        .chain(&ctx.plan.campaigns)
        .chain(&ctx.plan.pillars)
        .collect();
    let stated: Vec<(
        &crate::model::Strategy,
        &crate::model::Sp<crate::model::Quantity>,
    )> = tops
        .iter()
        .filter_map(|s| s.budget.as_ref().map(|b| (*s, b)))
        .collect();
    if stated.is_empty() {
        return;
    }
    let Some(sum) = super::sum_yuan(stated.iter().map(|(_, b)| Some(&***b)), unit) else {
        return;
    };
    if sum <= total + ctx.tolerance().money_yuan {
        return;
    }
    let like = &budget.total;
    let mut f = Finding::new(
        &RULE,
        budget.total.span,
        crate::t!(
            "p110-campaigns",
            sum = fmt_money(sum, like, unit),
            total = like.raw.as_str()
        ),
    )
    .label(crate::t!(
        "p110-sum-label-over",
        gap = fmt_money(sum - total, like, unit)
    ));
    for (s, b) in &stated {
        f = f.with(b.span, s.name.clone());
    }
    out.push(f.help(crate::t!("p110-campaigns-help")));
}
