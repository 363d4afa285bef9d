use super::{Ctx, RuleInfo};
use crate::allocate::{compute_all, Indexes, Outcome};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P112",
    name: "allocation-invalid",
    severity: Severity::Error,
    summary: "A breakdown's declared allocation cannot be computed.",
    doc: r#"## What it does
Reads the `allocation` declared on a breakdown (指标分解) the way `planc allocate`
does, and reports what keeps it from being computed: an item without the basis its
method needs (`last_year` for `history`, `weight`, `potential`, an entry of the seasonal
`index`), a zero or negative basis, a `potential` driver that cannot be evaluated, a
seasonal `index` that does not add up (percentages to exactly 100 %, ratios such as
`Q1: 0.88` to the number of periods; never silently normalised), blend weights that do not add up to 100 %, held items (`hold: true`) adding up to more
than the value split, growth floors that cannot all be met (or caps that leave part of
the value unallocated), a rounding unit that does not divide what is spread, or a value
to split that is not a number yet.

## Why is this bad?
An allocation that cannot be computed cannot be re-run or reviewed: its items are
whatever someone typed, which is what declaring the method was meant to prevent.
`planc allocate` writes nothing for such a plan.

## Example
```yaml
value: 36亿元
breakdowns:
  - dimension: region
    allocation: { method: history, floor: 15% }
    items:
      - { ref: east, value: 20亿元, last_year: 16亿元 }
      - { ref: north, value: 16亿元, last_year: 16亿元 }
```
Both regions at last year + 15 % need 36.8亿元, more than the 36亿元 to allocate.

## Use instead
```yaml
    allocation: { method: history, floor: 10% }
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for outcome in compute_all(ctx.plan, &Indexes::new()) {
        let Outcome::Invalid(problems) = outcome else {
            continue;
        };
        for p in problems {
            let mut f = Finding::new(&RULE, p.span, p.message).label(p.label);
            if let Some((span, label)) = p.related {
                f = f.with(span, label);
            }
            if let Some(h) = p.help {
                f = f.help(h);
            }
            out.push(f);
        }
    }
}
