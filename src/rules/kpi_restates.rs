//! P111: a KPI that states a figure of the plan again (`restates: <target>` or
//! `<target>#<item>`) must state the same figure.

use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{BreakdownItem, Kpi, Quantity, Sp, Unit};
use crate::suggest::did_you_mean;

pub static RULE: RuleInfo = RuleInfo {
    code: "P111",
    name: "kpi-restates",
    severity: Severity::Error,
    summary: "A KPI that restates a target or breakdown item disagrees with it, or names none.",
    doc: r#"## What it does
A KPI often states again a figure the targets already hold: `县域销售额 ≥ 12000万元`
beside the `county` item of the sales target. Link the two with
`restates: <target-id>` or `restates: <target-id>#<item>` (an item at any level of
the target's breakdowns), and planc checks that the KPI's target equals the figure
(money after unit normalisation), and that the link names a target or item.

## Why is this bad?
When the county item is cut to 11000万元 in a revision and the KPI still says 12000万元,
the representatives are measured against a number the plan no longer holds.

## Example
```yaml
targets:
  - id: sales
    value: 3亿元
    breakdowns:
      - dimension: channel
        items:
          - { ref: county, value: 11000万元 }
          - { ref: city, value: 19000万元 }
kpis:
  - { metric: 县域销售额, comparator: ">=", target: 12000万元, restates: sales#county }
```

## Use instead
```yaml
  - { metric: 县域销售额, comparator: ">=", target: 11000万元, restates: sales#county }
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for k in ctx.plan.all_kpis() {
        if let Some(link) = &k.restates {
            one(ctx, k, link, out);
        }
    }
}

fn find_item<'a>(bs: &'a [crate::model::Breakdown], key: &str) -> Option<&'a BreakdownItem> {
    for b in bs {
        for i in &b.items {
            if i.key.value == key {
                return Some(i);
            }
            if let Some(x) = find_item(&i.breakdowns, key) {
                return Some(x);
            }
        }
    }
    None
}

fn all_items<'a>(bs: &'a [crate::model::Breakdown], out: &mut Vec<&'a str>) {
    for b in bs {
        for i in &b.items {
            out.push(i.key.as_str());
            all_items(&i.breakdowns, out);
        }
    }
}

fn one(ctx: &Ctx, k: &Kpi, link: &Sp<String>, out: &mut Vec<Finding>) {
    let (tid, item) = match link.value.split_once('#') {
        Some((t, i)) => (t.trim(), Some(i.trim())),
        None => (link.value.trim(), None),
    };
    let targets = &ctx.plan.targets;
    let Some(t) = targets.iter().find(|t| t.id.value == tid) else {
        let ids: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
        let f = Finding::new(&RULE, link.span, crate::t!("p111-no-target", target = tid))
            .label(crate::t!("p111-unresolved-label"));
        out.push(match did_you_mean(tid, ids.iter().copied()) {
            Some(s) => f.help(crate::t!("did-you-mean", suggestion = s)),
            None => f.help(crate::t!("p111-help-targets", ids = super::fmt_list(&ids))),
        });
        return;
    };
    let stated: &Sp<Quantity> = match item {
        None => &t.value,
        Some(key) => match find_item(&t.breakdowns, key) {
            Some(i) => &i.value,
            None => {
                let mut keys = Vec::new();
                all_items(&t.breakdowns, &mut keys);
                let f = Finding::new(
                    &RULE,
                    link.span,
                    crate::t!("p111-no-item", target = tid, item = key),
                )
                .label(crate::t!("p111-unresolved-label"));
                out.push(match did_you_mean(key, keys.iter().copied()) {
                    Some(s) => f.help(crate::t!("did-you-mean", suggestion = format!("{tid}#{s}"))),
                    None => f.help(crate::t!("p111-help-items")),
                });
                return;
            }
        },
    };
    let Some(kt) = &k.target else {
        return;
    };
    let unit = ctx.unit();
    let money = |q: &Quantity| matches!(q.unit, Unit::Money(_) | Unit::Bare);
    let comparable = kt.same_kind(stated);
    let (Some(a), Some(b)) = (kt.base(unit), stated.base(unit)) else {
        return;
    };
    if comparable {
        let same = if money(kt) {
            ctx.money_agrees(a, b)
        } else {
            a == b
        };
        if same {
            return;
        }
    }
    out.push(
        Finding::new(
            &RULE,
            kt.span,
            crate::t!(
                "p111-differs",
                metric = k.metric.as_str(),
                kpi = kt.raw.as_str(),
                link = link.as_str(),
                value = stated.raw.as_str()
            ),
        )
        .label(crate::t!("p111-differs-label"))
        .with(stated.span, crate::t!("p111-differs-label-figure"))
        .help(crate::t!("p111-differs-help")),
    );
}
