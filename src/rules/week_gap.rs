use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P303",
    name: "week-gap",
    severity: Severity::Error,
    summary: "Week ranges of the timeline leave a gap, overlap, or run backwards.",
    doc: r#"## What it does
For timeline phases given as `weeks: 1-4`, checks that each range runs forwards and
that the next phase starts the week after the previous one ends.

## Why is this bad?
A representative's plan that jumps from week 4 to week 9 has a month with nothing
planned; overlapping ranges double-book the same weeks.

## Example
```yaml
timeline:
  - { id: w1, name: 第一周至第四周, weeks: 1-4 }
  - { id: w2, name: 第五周至第八周, weeks: 6-8 }
```

## Use instead
```yaml
  - { id: w2, name: 第五周至第八周, weeks: 5-8 }
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut prev: Option<(&crate::model::Sp<crate::model::WeekRange>, u32)> = None;
    for ph in &ctx.plan.timeline {
        let Some(w) = &ph.weeks else { continue };
        let Some((a, b)) = w.range else {
            out.push(
                Finding::new(
                    &RULE,
                    w.span,
                    crate::t!("p303-not-a-range", raw = w.raw.as_str()),
                )
                .label(crate::t!("p303-label-not-a-range"))
                .help(crate::t!("p303-help-not-a-range")),
            );
            continue;
        };
        if b < a || a == 0 {
            out.push(
                Finding::new(
                    &RULE,
                    w.span,
                    crate::t!("p303-backwards", raw = w.raw.as_str()),
                )
                .label(crate::t!("p303-label-backwards")),
            );
        }
        if let Some((pw, pend)) = prev {
            if a != pend + 1 {
                let message = if a > pend + 1 {
                    crate::t!(
                        "p303-gap",
                        from = (pend + 1).to_string(),
                        to = (a - 1).to_string(),
                        one = yes_no(pend + 1 == a - 1)
                    )
                } else {
                    crate::t!(
                        "p303-overlap",
                        from = a.to_string(),
                        to = pend.to_string(),
                        one = yes_no(a == pend)
                    )
                };
                out.push(
                    Finding::new(&RULE, w.span, message)
                        .label(crate::t!(
                            "p303-label-expected",
                            week = (pend + 1).to_string()
                        ))
                        .with(pw.span, crate::t!("p303-label-previous")),
                );
            }
        }
        prev = Some((w, b));
    }
}

/// A `yes`/`no` selector for messages.
fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}
