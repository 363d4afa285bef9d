use super::{placeholder::is_placeholder, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{DateValue, Sp};

pub static RULE: RuleInfo = RuleInfo {
    code: "P305",
    name: "invalid-date",
    severity: Severity::Error,
    summary: "A date that is not a real `YYYY-MM-DD` or `YYYY-MM`, or a period that ends before it starts.",
    doc: r#"## What it does
Checks that every date is a real calendar date written `YYYY-MM-DD` (or a month
`YYYY-MM`), and that the plan period does not end before it starts. Placeholders such
as `[起始月份]` are left to the placeholder rule.

## Why is this bad?
`2026-02-30` or `2026/3/1` cannot be placed on a timeline or compared with the period.

## Example
```yaml
period: { start: 2026-01-01, end: 2026-02-30 }
```

## Use instead
```yaml
period: { start: 2026-01-01, end: 2026-12-31 }
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let p = ctx.plan;
    let mut dates: Vec<&Sp<DateValue>> = vec![&p.period.start, &p.period.end];
    for a in p.all_actions() {
        dates.extend(a.start.iter().chain(a.end.iter()));
    }
    for ph in &p.timeline {
        dates.extend(ph.start.iter().chain(ph.end.iter()));
    }
    for k in p.all_kpis() {
        dates.extend(k.due.iter());
    }
    if let Some(l) = &p.launch {
        dates.push(&l.date);
    }
    for d in dates {
        if d.range.is_none() && !is_placeholder(&d.raw) {
            out.push(
                Finding::new(
                    &RULE,
                    d.span,
                    crate::t!("p305-not-a-date", raw = d.raw.as_str()),
                )
                .label(crate::t!("p305-label-not-a-date"))
                .help(crate::t!("p305-help-not-a-date")),
            );
        }
    }
    if let (Some(s), Some(e)) = (p.period.start.first(), p.period.end.last()) {
        if e < s {
            out.push(
                Finding::new(
                    &RULE,
                    p.period.end.span,
                    crate::t!(
                        "p305-period-backwards",
                        end = p.period.end.raw.as_str(),
                        start = p.period.start.raw.as_str()
                    ),
                )
                .label(crate::t!("p305-label-end"))
                .with(p.period.start.span, crate::t!("p305-label-start")),
            );
        }
    }
}
