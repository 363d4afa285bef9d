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
        let metric = k.metric.value.as_str();
        let cmp = k.comparator.as_ref().map(|c| c.value);
        match (&k.target, cmp) {
            (None, _) => out.push(
                Finding::new(
                    &RULE,
                    k.metric.span,
                    crate::t!("p401-no-target", metric = metric),
                )
                .label(crate::t!("p401-label-no-target"))
                .severity(Severity::Warning)
                .help(if cmp.is_some() {
                    crate::t!("p401-help-no-target-value")
                } else {
                    crate::t!("p401-help-no-target")
                }),
            ),
            (Some(t), None) => out.push(
                Finding::new(
                    &RULE,
                    t.span,
                    crate::t!("p401-no-comparator", metric = metric),
                )
                .label(crate::t!("p401-label-no-comparator"))
                .severity(Severity::Warning)
                .help(crate::t!("p401-help-no-comparator")),
            ),
            _ => {}
        }
        if cmp == Some(Comparator::Range) {
            match (&k.target, &k.max) {
                (Some(t), None) => out.push(
                    Finding::new(
                        &RULE,
                        t.span,
                        crate::t!("p401-range-without-max", metric = metric),
                    )
                    .label(crate::t!("p401-label-lower-end"))
                    .help(crate::t!("p401-help-range-without-max")),
                ),
                (Some(t), Some(m)) => {
                    if let (Some(a), Some(b)) = (t.amount, m.amount) {
                        if b < a {
                            out.push(
                                Finding::new(
                                    &RULE,
                                    m.span,
                                    crate::t!(
                                        "p401-range-backwards",
                                        metric = metric,
                                        max = m.raw.as_str(),
                                        target = t.raw.as_str()
                                    ),
                                )
                                .label(crate::t!("p401-label-upper-end"))
                                .with(t.span, crate::t!("p401-label-lower-end")),
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
                    crate::t!("p401-max-without-range", metric = metric),
                )
                .label(crate::t!("p401-label-ignored"))
                .help(crate::t!("p401-help-max-without-range")),
            );
        }
        if let Some(t) = &k.target {
            if t.unit == Unit::Bare && t.amount.is_some() && k.unit.is_none() {
                out.push(
                    Finding::new(
                        &RULE,
                        t.span,
                        crate::t!("p401-no-unit", metric = metric, target = t.raw.as_str()),
                    )
                    .label(crate::t!("p401-label-no-unit"))
                    .severity(Severity::Warning)
                    .help(crate::t!("p401-help-no-unit")),
                );
            }
        }
    }
}
