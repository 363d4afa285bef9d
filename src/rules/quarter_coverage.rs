use rust_decimal::Decimal;

use super::{each_breakdown, fmt_base, mapping_with, Ctx, ItemLayout, RuleInfo};
use crate::diagnostics::{Finding, Fix, Severity};
use crate::model::{Breakdown, Quantity, Sp};

pub static RULE: RuleInfo = RuleInfo {
    code: "P304",
    name: "quarter-coverage",
    severity: Severity::Error,
    summary: "A quarter breakdown does not list Q1, Q2, Q3 and Q4 exactly once each.",
    doc: r#"## What it does
For breakdowns with `dimension: quarter`, checks that the items are `Q1` … `Q4`, each
exactly once (unless the breakdown is `partial: true`, in which case each may appear
at most once).

## Why is this bad?
A quarterly split that forgets Q4, or names `Q5`, cannot be tracked against actuals.

## Example
```yaml
- dimension: quarter
  items:
    - { ref: Q1, value: 2亿元 }
    - { ref: Q2, value: 2.5亿元 }
    - { ref: Q2, value: 2.5亿元 }
```

## Use instead
```yaml
    - { ref: Q3, value: 2.5亿元 }
    - { ref: Q4, value: 3亿元 }
```

## Fix safety
When exactly one quarter is missing, the others are listed once each, and the total and
every other quarter's value are known, `planc fix` adds the missing quarter with the
remainder (total − the other quarters), in the style and indentation of its neighbours.
Safe: a full-year total already fixes what that quarter must be.
"#,
};

const QUARTERS: [&str; 4] = ["Q1", "Q2", "Q3", "Q4"];

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_breakdown(ctx.plan, &mut |parent, _, b| {
        // An empty breakdown is reported once, by breakdown-sum.
        if crate::model::dimension::canonical(&b.dimension) != "quarter" || b.items.is_empty() {
            return;
        }
        let mut seen = [0usize; 4];
        let mut clean = true;
        for item in &b.items {
            match QUARTERS
                .iter()
                .position(|q| q.eq_ignore_ascii_case(&item.key))
            {
                Some(i) => {
                    seen[i] += 1;
                    if seen[i] == 2 {
                        clean = false;
                        out.push(
                            Finding::new(
                                &RULE,
                                item.key.span,
                                crate::t!("p304-repeated", quarter = QUARTERS[i]),
                            )
                            .label(crate::t!("p304-label-repeated")),
                        );
                    }
                }
                None => {
                    clean = false;
                    out.push(
                        Finding::new(
                            &RULE,
                            item.key.span,
                            crate::t!("p304-not-a-quarter", key = item.key.value.as_str()),
                        )
                        .label(crate::t!("p304-label-not-a-quarter")),
                    )
                }
            }
        }
        if !b.partial {
            let missing: Vec<&str> = QUARTERS
                .iter()
                .zip(seen)
                .filter(|(_, n)| *n == 0)
                .map(|(q, _)| *q)
                .collect();
            if !missing.is_empty() {
                let mut f = Finding::new(
                    &RULE,
                    b.dimension.span,
                    crate::t!("p304-missing", missing = super::fmt_list(&missing)),
                )
                .label(crate::t!("p304-label-missing"))
                .help(crate::t!("p304-help-missing"));
                if let (true, [only]) = (clean, missing.as_slice()) {
                    if let Some(x) = complete(ctx, parent, b, only) {
                        f = f.fix(x);
                    }
                }
                out.push(f);
            }
        }
    });
}

/// The one missing quarter, added with the remainder of the total, when every other
/// quarter's value is known, in a unit that adds up with the total, and the remainder
/// is not negative and can be written exactly.
fn complete(ctx: &Ctx, parent: &Sp<Quantity>, b: &Breakdown, missing: &str) -> Option<Fix> {
    let unit = ctx.unit();
    let total = parent.base(unit)?;
    let money = parent.money_unit(unit).is_some();
    let mut sum = Decimal::ZERO;
    for item in &b.items {
        let comparable = if money {
            item.value.money_unit(unit).is_some()
        } else {
            item.value.unit == parent.unit
        };
        if !comparable {
            return None;
        }
        sum += item.value.base(unit)?;
    }
    let rest = total - sum;
    if rest < Decimal::ZERO {
        return None;
    }
    let like = &b.items.last()?.value;
    let text = fmt_base(rest, like, unit);
    if Quantity::parse(&text).base(unit) != Some(rest) {
        return None;
    }
    let n = QUARTERS.iter().position(|q| *q == missing)?;
    let position = |item: &crate::model::BreakdownItem| {
        QUARTERS
            .iter()
            .position(|q| q.eq_ignore_ascii_case(&item.key))
    };
    let before = b
        .items
        .iter()
        .filter(|i| position(i).is_some_and(|p| p < n))
        .max_by_key(|i| position(i));
    let key = super::yaml_scalar(missing);
    let value = super::yaml_scalar(&text);
    let pairs = [("ref", key.as_str()), ("value", value.as_str())];
    let edit = match before {
        Some(item) => {
            let (_, start, end) = mapping_with(ctx.root, "ref", item.key.span)?;
            ItemLayout::of(ctx.source, start, end)?.insert_after(ctx.source, &pairs)
        }
        None => {
            let first = b.items.first()?;
            let (_, start, end) = mapping_with(ctx.root, "ref", first.key.span)?;
            ItemLayout::of(ctx.source, start, end)?.insert_before(&pairs)
        }
    };
    Some(Fix::safe(
        crate::t!("fix-add-quarter", quarter = missing, value = text.as_str()),
        vec![edit],
    ))
}
