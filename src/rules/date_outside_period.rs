use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{DateValue, Sp};

pub static RULE: RuleInfo = RuleInfo {
    code: "P301",
    name: "date-outside-period",
    severity: Severity::Error,
    summary: "A date of an action, phase, KPI or launch lies outside the plan period.",
    doc: r#"## What it does
Checks every dated thing — action and phase `start`/`end`, KPI `due`, the launch
date — against `period.start` … `period.end`.

## Why is this bad?
An action dated after the period is not part of this plan; usually a typo in the
year (2025 for 2026).

## Example
```yaml
period: { start: 2026-01-01, end: 2026-12-31 }
timeline:
  - id: q4
    name: 年终冲刺
    end: 2027-01-15
```

## Use instead
```yaml
    end: 2026-12-31
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let period = &ctx.plan.period;
    let (Some(start), Some(end)) = (period.start.first(), period.end.last()) else {
        return;
    };
    if start > end {
        return;
    }
    let mut dates: Vec<(&Sp<DateValue>, &str)> = Vec::new();
    for a in ctx.plan.all_actions() {
        dates.extend(a.start.iter().map(|d| (d, "action-start")));
        dates.extend(a.end.iter().map(|d| (d, "action-end")));
    }
    for ph in &ctx.plan.timeline {
        dates.extend(ph.start.iter().map(|d| (d, "phase-start")));
        dates.extend(ph.end.iter().map(|d| (d, "phase-end")));
    }
    for k in ctx.plan.all_kpis() {
        dates.extend(k.due.iter().map(|d| (d, "kpi-due")));
    }
    if let Some(l) = &ctx.plan.launch {
        dates.push((&l.date, "launch"));
    }
    for (d, what) in dates {
        let (Some(first), Some(last)) = (d.first(), d.last()) else {
            continue;
        };
        if first < start || last > end {
            out.push(
                Finding::new(
                    &RULE,
                    d.span,
                    crate::t!(
                        "p301-message",
                        what = what,
                        date = d.raw.as_str(),
                        start = period.start.raw.as_str(),
                        end = period.end.raw.as_str()
                    ),
                )
                .label(crate::t!("p301-label"))
                .with(period.start.span, crate::t!("p301-label-start"))
                .with(period.end.span, crate::t!("p301-label-end"))
                .help(crate::t!("p301-help")),
            );
        }
    }
}
