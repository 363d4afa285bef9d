use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{Comparator, Unit};

pub static RULE: RuleInfo = RuleInfo {
    code: "P401",
    name: "kpi-malformed",
    severity: Severity::Error,
    summary: "A KPI without a target or comparator, a range without a valid upper end, or a bare number without a unit.",
    doc: r#"## What it does
Checks each KPI: `comparator: range` needs `max` not below `target`; `max` only makes
sense with `range`; a KPI should have a `target` and say whether it is a floor (`>=`)
or a ceiling (`<=`) (warnings); a bare-number target needs a `unit` (warning).

## Why is this bad?
"目标医院准入率" without a number cannot be assessed at year end; "≤ 5" without a unit
could be 5 %, 5 days or 5 complaints.

## Example
```yaml
kpis:
  - metric: 种子专家数量
    comparator: range
    target: 30位
```

## Use instead
```yaml
  - metric: 种子专家数量
    comparator: range
    target: 30位
    max: 50位
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for k in ctx.plan.all_kpis() {
        let cmp = k.comparator.as_ref().map(|c| c.value);
        match (&k.target, cmp) {
            (None, _) => out.push(
                Finding::new(
                    &RULE,
                    k.metric.span,
                    format!("KPI `{}` has no target", k.metric.value),
                )
                .label("no target")
                .severity(Severity::Warning)
                .help("add `comparator` and `target`, e.g. `comparator: \">=\"` and `target: 90%`"),
            ),
            (Some(t), None) => out.push(
                Finding::new(
                    &RULE,
                    t.span,
                    format!(
                        "KPI `{}` does not say how its target is compared",
                        k.metric.value
                    ),
                )
                .label("a floor or a ceiling?")
                .severity(Severity::Warning)
                .help(
                    "add `comparator: \">=\"` (at least), `\"<=\"` (at most), `\"=\"` or `range`",
                ),
            ),
            _ => {}
        }
        if cmp == Some(Comparator::Range) {
            match (&k.target, &k.max) {
                (Some(t), None) => out.push(
                    Finding::new(
                        &RULE,
                        t.span,
                        format!("KPI `{}` is a range without `max`", k.metric.value),
                    )
                    .label("lower end")
                    .help("add `max:` with the upper end of the range"),
                ),
                (Some(t), Some(m)) => {
                    if let (Some(a), Some(b)) = (t.amount, m.amount) {
                        if b < a {
                            out.push(
                                Finding::new(
                                    &RULE,
                                    m.span,
                                    format!(
                                        "range of `{}` ends ({}) below its start ({})",
                                        k.metric.value, m.raw, t.raw
                                    ),
                                )
                                .label("upper end")
                                .with(t.span, "lower end"),
                            );
                        }
                    }
                }
                _ => {}
            }
        } else if let Some(m) = &k.max {
            out.push(
                Finding::new(
                    &RULE,
                    m.span,
                    format!(
                        "`max` of KPI `{}` only applies to `comparator: range`",
                        k.metric.value
                    ),
                )
                .label("ignored")
                .help("set `comparator: range`, or remove `max`"),
            );
        }
        if let Some(t) = &k.target {
            if t.unit == Unit::Bare && t.amount.is_some() && k.unit.is_none() {
                out.push(
                    Finding::new(
                        &RULE,
                        t.span,
                        format!("KPI `{}` target `{}` has no unit", k.metric.value, t.raw),
                    )
                    .label("no unit")
                    .severity(Severity::Warning)
                    .help("write the unit with the number (`12场`, `95%`) or add `unit:`"),
                );
            }
        }
    }
}
