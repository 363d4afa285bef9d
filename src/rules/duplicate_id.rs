use std::collections::HashMap;

use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::Sp;

pub static RULE: RuleInfo = RuleInfo {
    code: "P202",
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "Two entries of the same kind share an id, or a breakdown lists the same item twice.",
    doc: r#"## What it does
Checks that ids are unique among products, regions, people, accounts, targets,
strategies/campaigns/pillars (with their parts), KPIs, risks, customer tiers, phases
and duties; and that a breakdown does not list the same item twice.

## Why is this bad?
References and actuals join on ids; a duplicate makes them ambiguous, and a province
listed twice in a breakdown is counted twice.

## Example
```yaml
campaigns:
  - { id: panshi, name: 磐石计划 }
  - { id: panshi, name: 燎原计划 }
```

## Use instead
```yaml
  - { id: liaoyuan, name: 燎原计划 }
```
"#,
};

/// `what` is the kind of thing, as the `$kind` of the messages.
fn unique<'a>(
    what: &'static str,
    ids: impl IntoIterator<Item = &'a Sp<String>>,
    out: &mut Vec<Finding>,
) {
    let mut seen: HashMap<&str, &Sp<String>> = HashMap::new();
    for id in ids {
        if let Some(first) = seen.get(id.as_str()) {
            out.push(
                Finding::new(
                    &RULE,
                    id.span,
                    crate::t!("p202-message", kind = what, id = id.value.as_str()),
                )
                .label(crate::t!("p202-label"))
                .with(first.span, crate::t!("p202-label-first"))
                .help(crate::t!("p202-help", kind = what)),
            );
        } else {
            seen.insert(id.as_str(), id);
        }
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let p = ctx.plan;
    unique("product", p.products.iter().map(|x| &x.id), out);
    unique("region", p.regions.iter().map(|x| &x.id), out);
    unique("person", p.people.iter().map(|x| &x.id), out);
    unique("account", p.accounts.iter().map(|x| &x.id), out);
    unique("target", p.targets.iter().map(|x| &x.id), out);
    unique(
        "strategy",
        p.all_strategies().into_iter().map(|x| &x.id),
        out,
    );
    unique(
        "kpi",
        p.all_kpis().into_iter().filter_map(|k| k.id.as_ref()),
        out,
    );
    unique("risk", p.risks.iter().map(|x| &x.id), out);
    let mut tiers: Vec<&Sp<String>> = p.tiers.iter().map(|t| &t.id).collect();
    for s in p.all_strategies() {
        for t in &s.tactics {
            tiers.extend(t.tiers.iter().map(|t| &t.id));
        }
    }
    unique("tier", tiers, out);
    unique("phase", p.timeline.iter().map(|x| &x.id), out);
    unique("duty", p.duties.iter().map(|x| &x.id), out);
    super::each_breakdown(p, &mut |_, _, b| {
        // Repeated quarters are reported by quarter-coverage.
        if crate::model::dimension::canonical(&b.dimension) == "quarter" {
            return;
        }
        unique("item", b.items.iter().map(|i| &i.key), out);
    });
}
