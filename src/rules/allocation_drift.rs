use super::{Ctx, RuleInfo};
use crate::allocate::{compute_all, edit, format_value, Indexes, Outcome};
use crate::diagnostics::{Finding, Fix, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P113",
    name: "allocation-drift",
    severity: Severity::Warning,
    summary: "A breakdown's items no longer match the allocation declared on it.",
    doc: r#"## What it does
Computes every breakdown's declared `allocation` (method, holds, growth floors and caps,
rounding) exactly as `planc allocate` does, and warns when an item's value differs
from the computed one, showing the computed figure. A seasonal allocation whose index
is to be computed from `actuals` but has not been written yet is reported too.

## Why is this bad?
Someone edited an allocated figure by hand: the breakdown still says it was made by
the method, but it no longer is, and the next `planc allocate` would silently undo
the edit.

## Example
```yaml
  - dimension: region
    allocation: { method: history, round: 100万元 }
    items:
      - { ref: east, value: 20亿元, last_year: 16亿元 }
      - { ref: north, value: 16亿元, last_year: 16亿元 }
```
By history (16 : 16), 36亿元 gives each region 18亿元.

## Use instead
Run `planc allocate`, or keep the hand-set figure with a hold — the rest is spread
over the other items:
```yaml
      - { ref: east, value: 20亿元, last_year: 16亿元, hold: true }
```

## Fix safety
`planc fix --unsafe-fixes` writes the computed figures. **Unsafe**: it replaces numbers
someone typed.
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for outcome in compute_all(ctx.plan, &Indexes::new()) {
        match outcome {
            Outcome::Pending(b) => out.push(
                Finding::new(
                    &RULE,
                    b.dimension.span,
                    crate::t!("p113-pending", dimension = b.dimension.value.trim()),
                )
                .label(crate::t!("p113-label-pending"))
                .help(crate::t!("p113-help-pending")),
            ),
            Outcome::Computed(c) => {
                let differ: Vec<_> = c
                    .breakdown
                    .items
                    .iter()
                    .zip(&c.values)
                    .filter(|(i, v)| {
                        crate::allocate::base_of(&i.value, c.whole, c.money) != Some(**v)
                    })
                    .collect();
                let Some((first, v)) = differ.first() else {
                    continue;
                };
                let computed = |item: &crate::model::BreakdownItem, v| {
                    format_value(v, &item.value, c.whole, c.money)
                };
                let mut f = Finding::new(
                    &RULE,
                    first.value.span,
                    crate::t!(
                        "p113-drift",
                        item = first.name.as_deref().unwrap_or(first.key.as_str()),
                        value = first.value.raw.trim(),
                        computed = computed(first, **v),
                        method = c.allocation.method.as_str(),
                        count = differ.len()
                    ),
                )
                .label(crate::t!("p113-label", computed = computed(first, **v)));
                for (item, v) in differ.iter().skip(1) {
                    f = f.with(
                        item.value.span,
                        crate::t!("p113-label", computed = computed(item, **v)),
                    );
                }
                let edits = edit::value_edits(ctx.source, &c);
                f = f.help(crate::t!("p113-help"));
                if !edits.is_empty() {
                    f = f.fix(Fix::unsafe_(crate::t!("p113-fix"), edits));
                }
                out.push(f);
            }
            Outcome::Invalid(_) => {}
        }
    }
}
