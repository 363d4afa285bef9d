use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P302",
    name: "phase-order",
    severity: Severity::Error,
    summary: "Timeline phases are out of order, overlap, or end before they start.",
    doc: r#"## What it does
For timeline phases with `start`/`end` dates or launch-relative `months: [from, to]`,
checks that each phase ends after it starts, and that each phase starts no earlier
than the previous one ends. Actions must not end before they start either.

## Why is this bad?
Overlapping phases (导入期 still running when 成长期 begins) make it unclear which
goals apply when; a phase that ends before it starts is a typo.

## Example
```yaml
timeline:
  - { id: prelaunch, name: 上市前准备期, months: [-3, 0] }
  - { id: launch, name: 市场导入期, months: [-1, 3] }
```

## Use instead
```yaml
  - { id: launch, name: 市场导入期, months: [0, 3] }
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let phases = &ctx.plan.timeline;
    // Dates.
    let mut prev: Option<(&crate::model::Phase, chrono::NaiveDate)> = None;
    for ph in phases {
        let s = ph.start.as_ref().and_then(|d| d.first().map(|x| (d, x)));
        let e = ph.end.as_ref().and_then(|d| d.last().map(|x| (d, x)));
        if let (Some((sd, s)), Some((ed, e))) = (s, e) {
            if e < s {
                out.push(
                    Finding::new(
                        &RULE,
                        ed.span,
                        format!(
                            "phase `{}` ends ({}) before it starts ({})",
                            ph.name, ed.raw, sd.raw
                        ),
                    )
                    .label("end")
                    .with(sd.span, "start"),
                );
            }
        }
        if let (Some((prev_ph, prev_end)), Some((sd, s))) = (prev, s) {
            if s <= prev_end {
                out.push(
                    Finding::new(
                        &RULE,
                        sd.span,
                        format!(
                            "phase `{}` starts on {} but `{}` runs until {}",
                            ph.name, sd.raw, prev_ph.name, prev_end
                        ),
                    )
                    .label("overlaps the previous phase")
                    .with(
                        prev_ph.end.as_ref().map_or(prev_ph.id.span, |d| d.span),
                        "previous phase ends",
                    )
                    .help(
                        "phases run one after another: start this one after the previous one ends",
                    ),
                );
            }
        }
        if let Some((_, e)) = e {
            prev = Some((ph, e));
        }
    }
    // Launch-relative months.
    let mut prev: Option<(&crate::model::Phase, i32)> = None;
    for ph in phases {
        let Some(m) = &ph.months else { continue };
        let [from, to] = m.value.as_slice() else {
            out.push(
                Finding::new(
                    &RULE,
                    m.span,
                    format!(
                        "phase `{}`: `months` needs two numbers, [from, to]",
                        ph.name
                    ),
                )
                .label("expected [from, to]"),
            );
            continue;
        };
        if to <= from {
            out.push(
                Finding::new(
                    &RULE,
                    m.span,
                    format!(
                        "phase `{}` ends (month {to}) before it starts (month {from})",
                        ph.name
                    ),
                )
                .label("empty range"),
            );
        }
        if let Some((p, prev_to)) = prev {
            if *from < prev_to {
                out.push(
                    Finding::new(
                        &RULE,
                        m.span,
                        format!(
                            "phase `{}` starts at month {from} but `{}` runs until month {prev_to}",
                            ph.name, p.name
                        ),
                    )
                    .label("overlaps the previous phase")
                    .with(
                        p.months.as_ref().map_or(p.id.span, |m| m.span),
                        "previous phase",
                    ),
                );
            }
        }
        prev = Some((ph, *to));
    }
    // Actions.
    for a in ctx.plan.all_actions() {
        if let (Some(s), Some(e)) = (&a.start, &a.end) {
            if let (Some(sf), Some(el)) = (s.first(), e.last()) {
                if el < sf {
                    out.push(
                        Finding::new(
                            &RULE,
                            e.span,
                            format!(
                                "action `{}` ends ({}) before it starts ({})",
                                a.title.value, e.raw, s.raw
                            ),
                        )
                        .label("end")
                        .with(s.span, "start"),
                    );
                }
            }
        }
    }
}
