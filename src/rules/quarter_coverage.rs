use super::{each_breakdown, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

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
"#,
};

const QUARTERS: [&str; 4] = ["Q1", "Q2", "Q3", "Q4"];

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_breakdown(ctx.plan, &mut |_, _, b| {
        // An empty breakdown is reported once, by breakdown-sum.
        if b.dimension.as_str() != "quarter" || b.items.is_empty() {
            return;
        }
        let mut seen = [0usize; 4];
        for item in &b.items {
            match QUARTERS
                .iter()
                .position(|q| q.eq_ignore_ascii_case(&item.key))
            {
                Some(i) => {
                    seen[i] += 1;
                    if seen[i] == 2 {
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
                None => out.push(
                    Finding::new(
                        &RULE,
                        item.key.span,
                        crate::t!("p304-not-a-quarter", key = item.key.value.as_str()),
                    )
                    .label(crate::t!("p304-label-not-a-quarter")),
                ),
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
                out.push(
                    Finding::new(
                        &RULE,
                        b.dimension.span,
                        crate::t!("p304-missing", missing = super::fmt_list(&missing)),
                    )
                    .label(crate::t!("p304-label-missing"))
                    .help(crate::t!("p304-help-missing")),
                );
            }
        }
    });
}
