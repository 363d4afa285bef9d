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
        if b.dimension.as_str() != "quarter" {
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
                                format!("{} appears more than once", QUARTERS[i]),
                            )
                            .label("repeated quarter"),
                        );
                    }
                }
                None => out.push(
                    Finding::new(
                        &RULE,
                        item.key.span,
                        format!("`{}` is not a quarter", item.key.value),
                    )
                    .label("expected Q1, Q2, Q3 or Q4"),
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
                        format!("quarter breakdown lacks {}", missing.join(", ")),
                    )
                    .label("this breakdown")
                    .help("add the missing quarters, or mark the breakdown `partial: true`"),
                );
            }
        }
    });
}
