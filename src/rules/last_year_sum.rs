//! P109: last year's figures hang together inside one plan: a breakdown's items' last
//! year add up to the last year of what they split, and the `last_year` block's sales
//! are the sales target's last year.

use rust_decimal::Decimal;

use super::{dimension_noun, fmt_base, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{Breakdown, Quantity, Sp, Target, Unit};

pub static RULE: RuleInfo = RuleInfo {
    code: "P109",
    name: "last-year-sum",
    severity: Severity::Error,
    summary: "Last year's figures of a breakdown, or of the `last_year` block, disagree with the target's last year.",
    doc: r#"## What it does
Checks last year the way `breakdown-sum` (P101) checks this year:

- where every item of a breakdown states `last_year`, they must add up to the
  `last_year` of the target (or item) they split, unless the breakdown is
  `partial: true`. Where some items state none (a product launched this year), the
  ones stated may not add up to more than the whole;
- the `last_year.sales` of the plan must equal the `last_year` of its sales target
  (`budget.sales_target`, or the first target).

Money is compared after unit normalisation; `[tolerance] money` adds slack.

## Why is this bad?
Growth rates, the review's year-on-year figures and the parent's roll-up all start from
last year. When the provinces' last year adds up to 8.2亿元 and the region's to 8.4亿元,
one of them is wrong and every growth rate built on it is too.

## Example
```yaml
- id: sales
  value: 9.072亿元
  last_year: 8.4亿元
  breakdowns:
    - dimension: product
      items:
        - { ref: xinmaian, value: 6.6亿元, last_year: 6亿元 }
        - { ref: bosuping, value: 2.472亿元, last_year: 2.2亿元 }
```

## Use instead
```yaml
        - { ref: bosuping, value: 2.472亿元, last_year: 2.4亿元 }
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for t in &ctx.plan.targets {
        walk(ctx, t.last_year.as_ref(), &t.name, &t.breakdowns, out);
    }
    block(ctx, out);
}

fn walk(
    ctx: &Ctx,
    whole: Option<&Sp<Quantity>>,
    name: &str,
    breakdowns: &[Breakdown],
    out: &mut Vec<Finding>,
) {
    for b in breakdowns {
        if let Some(w) = whole {
            if !b.partial {
                out.extend(sum(ctx, w, name, b));
            }
        }
        for i in &b.items {
            let n = i.name.as_deref().unwrap_or(i.key.as_str());
            walk(ctx, i.last_year.as_ref(), n, &i.breakdowns, out);
        }
    }
}

fn agrees(ctx: &Ctx, whole: &Quantity, a: Decimal, b: Decimal) -> bool {
    if matches!(whole.unit, Unit::Money(_) | Unit::Bare) {
        ctx.money_agrees(a, b)
    } else {
        a == b
    }
}

fn sum(ctx: &Ctx, whole: &Sp<Quantity>, name: &str, b: &Breakdown) -> Option<Finding> {
    let unit = ctx.unit();
    let total = whole.base(unit)?;
    let stated: Vec<&Sp<Quantity>> = b
        .items
        .iter()
        .filter_map(|i| i.last_year.as_ref())
        .collect();
    if stated.is_empty() {
        return None;
    }
    let mut s = Decimal::ZERO;
    for q in &stated {
        if !whole.same_kind(q) {
            return None; // incomparable-units' business
        }
        // A figure that cannot be read is reported by its own rule; nothing is added up.
        s += q.base(unit)?;
    }
    let missing = b.items.len() - stated.len();
    // Items without a last year may hold the rest: then only a sum past the whole is
    // certainly wrong.
    if agrees(ctx, whole, s, total) || (missing > 0 && s < total) {
        return None;
    }
    let noun = dimension_noun(&b.dimension);
    let mut f = Finding::new(
        &RULE,
        whole.span,
        crate::t!(
            "p109-message",
            noun = noun.as_str(),
            sum = fmt_base(s, whole, unit),
            total = fmt_base(total, whole, unit),
            parent = name
        ),
    )
    .label(crate::t!(
        "p109-label",
        parent = name,
        total = whole.raw.as_str()
    ));
    for i in &b.items {
        if let Some(q) = &i.last_year {
            f = f.with(q.span, i.key.value.clone());
        }
    }
    Some(f.help(crate::t!("p109-help")))
}

/// The target whose last year the `last_year` block's sales state.
fn sales_target<'a>(ctx: &'a Ctx) -> Option<&'a Target> {
    let p = ctx.plan;
    match p.budget.as_ref().and_then(|b| b.sales_target.as_ref()) {
        Some(id) => p.targets.iter().find(|t| t.id.value == id.value),
        None => p.targets.first(),
    }
}

fn block(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(sales) = ctx.plan.last_year.as_ref().and_then(|l| l.sales.as_ref()) else {
        return;
    };
    let Some(t) = sales_target(ctx) else {
        return;
    };
    let Some(ly) = &t.last_year else {
        return;
    };
    if !sales.same_kind(ly) {
        return;
    }
    let unit = ctx.unit();
    let (Some(a), Some(b)) = (sales.base(unit), ly.base(unit)) else {
        return;
    };
    if agrees(ctx, ly, a, b) {
        return;
    }
    out.push(
        Finding::new(
            &RULE,
            sales.span,
            crate::t!(
                "p109-block",
                sales = sales.raw.as_str(),
                target = t.name.as_str(),
                last_year = ly.raw.as_str()
            ),
        )
        .label(crate::t!("p109-block-label"))
        .with(ly.span, crate::t!("p109-block-label-target"))
        .help(crate::t!("p109-block-help")),
    );
}
