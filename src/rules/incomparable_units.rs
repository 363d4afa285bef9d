use super::{each_breakdown, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{MoneyUnit, Quantity, Sp, Unit};

pub static RULE: RuleInfo = RuleInfo {
    code: "P602",
    name: "incomparable-units",
    severity: Severity::Error,
    summary:
        "Figures that must be compared are in units that cannot be compared (亿元 vs 家, % vs 盒).",
    doc: r#"## What it does
Checks that a breakdown's items are in a unit comparable with the value they break
down (any money unit with any money unit; otherwise the same unit), and that a
target's `last_year` and a KPI's `baseline` and `max` are in the target's unit.

## Why is this bad?
A hospital-count target broken down in 万元 cannot add up; the sum check can only be
trusted when the units agree.

## Example
```yaml
- id: new-hospitals
  name: 新开发医院
  value: 40家
  breakdowns:
    - dimension: province
      items:
        - { ref: jiangsu, value: 200万元 }
```

## Use instead
```yaml
        - { ref: jiangsu, value: 12家 }
```
"#,
};

fn comparable(a: &Quantity, b: &Quantity, unit: MoneyUnit) -> bool {
    match (a.money_unit(unit), b.money_unit(unit)) {
        (Some(_), Some(_)) => true,
        (None, None) => a.unit == b.unit,
        // A bare number next to a counted unit reads as that unit.
        _ => matches!(
            (&a.unit, &b.unit),
            (Unit::Bare, Unit::Other(_)) | (Unit::Other(_), Unit::Bare)
        ),
    }
}

fn unit_name(q: &Quantity, unit: MoneyUnit) -> String {
    match &q.unit {
        Unit::Bare => unit.label().to_owned(),
        u => u.to_string(),
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let unit = ctx.unit();
    let pair = |a: &Sp<Quantity>, b: &Sp<Quantity>, what: &'static str, out: &mut Vec<Finding>| {
        if comparable(a, b, unit) {
            return;
        }
        out.push(
            Finding::new(
                &RULE,
                b.span,
                crate::t!(
                    "p602-message",
                    what = what,
                    raw = b.raw.as_str(),
                    unit = unit_name(b, unit),
                    other = a.raw.as_str(),
                    other_unit = unit_name(a, unit)
                ),
            )
            .label(crate::t!("p602-label", unit = unit_name(b, unit)))
            .with(a.span, crate::t!("p602-label", unit = unit_name(a, unit)))
            .help(crate::t!("p602-help")),
        );
    };
    each_breakdown(ctx.plan, &mut |parent, _, b| {
        for i in &b.items {
            pair(parent, &i.value, "item", out);
        }
    });
    for (value, last, _) in super::each_growth(ctx.plan) {
        if let Some(l) = last {
            pair(value, l, "last-year", out);
        }
    }
    for k in ctx.plan.all_kpis() {
        if let Some(t) = &k.target {
            for other in k.max.iter().chain(&k.baseline) {
                pair(t, other, "kpi", out);
            }
        }
    }
}
