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
                        crate::t!(
                            "p302-ends-before-start",
                            phase = ph.name.as_str(),
                            end = ed.raw.as_str(),
                            start = sd.raw.as_str()
                        ),
                    )
                    .label(crate::t!("p302-label-end"))
                    .with(sd.span, crate::t!("p302-label-start")),
                );
            }
        }
        if let (Some((prev_ph, prev_end)), Some((sd, s))) = (prev, s) {
            if s <= prev_end {
                out.push(
                    Finding::new(
                        &RULE,
                        sd.span,
                        crate::t!(
                            "p302-overlap",
                            phase = ph.name.as_str(),
                            start = sd.raw.as_str(),
                            previous = prev_ph.name.as_str(),
                            until = prev_end.to_string()
                        ),
                    )
                    .label(crate::t!("p302-label-overlap"))
                    .with(
                        prev_ph.end.as_ref().map_or(prev_ph.id.span, |d| d.span),
                        crate::t!("p302-label-previous-ends"),
                    )
                    .help(crate::t!("p302-help-overlap")),
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
                    crate::t!("p302-months-shape", phase = ph.name.as_str()),
                )
                .label(crate::t!("p302-label-months-shape")),
            );
            continue;
        };
        if to <= from {
            out.push(
                Finding::new(
                    &RULE,
                    m.span,
                    crate::t!(
                        "p302-months-backwards",
                        phase = ph.name.as_str(),
                        to = to.to_string(),
                        from = from.to_string()
                    ),
                )
                .label(crate::t!("p302-label-empty-range")),
            );
        }
        if let Some((p, prev_to)) = prev {
            if *from < prev_to {
                out.push(
                    Finding::new(
                        &RULE,
                        m.span,
                        crate::t!(
                            "p302-months-overlap",
                            phase = ph.name.as_str(),
                            from = from.to_string(),
                            previous = p.name.as_str(),
                            until = prev_to.to_string()
                        ),
                    )
                    .label(crate::t!("p302-label-overlap"))
                    .with(
                        p.months.as_ref().map_or(p.id.span, |m| m.span),
                        crate::t!("p302-label-previous"),
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
                            crate::t!(
                                "p302-action-backwards",
                                action = a.title.value.as_str(),
                                end = e.raw.as_str(),
                                start = s.raw.as_str()
                            ),
                        )
                        .label(crate::t!("p302-label-end"))
                        .with(s.span, crate::t!("p302-label-start")),
                    );
                }
            }
        }
    }
}
