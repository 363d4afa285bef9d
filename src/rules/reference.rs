use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Fix, Severity};
use crate::model::Sp;
use crate::suggest::{did_you_mean, only_candidate};

pub static RULE: RuleInfo = RuleInfo {
    code: "P201",
    name: "unresolved-reference",
    severity: Severity::Error,
    summary: "A reference to a product, region, account, campaign, person, target or KPI that the plan does not declare.",
    doc: r#"## What it does
Resolves every reference by id: breakdown items of dimension `product`, `region`,
`province`, `account` and `phase` (timeline phases); `product`/`products`/`listed` fields; `regions`; `accounts`;
the `campaign` of risks and requests (any strategy, campaign or pillar); `owner`
fields (when the plan declares `people`, by id or name); `budget.sales_target`; the
`kpis` of duties. Suggests the nearest id for a typo (`江蘇` → `江苏`).

## Why is this bad?
A breakdown item for a province that is not in the region, or a risk response that
relies on a campaign that was renamed, is a plan that no longer says what it means.

## Example
```yaml
regions:
  - { id: jiangsu, name: 江苏省 }
targets:
  - id: sales
    breakdowns:
      - dimension: province
        items:
          - { ref: jaingsu, value: 2.4亿元 }
```

## Use instead
```yaml
          - { ref: jiangsu, value: 2.4亿元 }
```

## Fix safety
When exactly one declared id or name is a plausible typo of the reference, `planc fix`
replaces it with that one (safe: the plan meant it). With two candidates, or none,
nothing is changed. `其他` (or `other`) as a breakdown item is the catch-all for the
rest of a breakdown and is not looked up.
"#,
};

struct Catalogue<'a> {
    source: &'a crate::source::SourceFile,
    /// The kind of thing, as the `$kind` of the messages.
    what: &'static str,
    key: &'static str,
    ids: Vec<&'a str>,
    names: Vec<&'a str>,
}

impl Catalogue<'_> {
    fn check(&self, r: &Sp<String>, out: &mut Vec<Finding>) {
        let v = r.value.as_str();
        if self.ids.contains(&v) || self.names.contains(&v) {
            return;
        }
        let mut f = Finding::new(
            &RULE,
            r.span,
            crate::t!("p201-message", kind = self.what, id = v),
        )
        .label(crate::t!("p201-label", kind = self.what, key = self.key));
        let candidates = self.ids.iter().chain(&self.names).copied();
        if let Some(s) = only_candidate(v, candidates.clone()) {
            if let Some(edit) = super::scalar_edit(self.source, r.span, s) {
                f = f.fix(Fix::safe(
                    crate::t!("fix-replace", old = v, new = s),
                    vec![edit],
                ));
            }
        }
        f = match did_you_mean(v, candidates) {
            Some(s) => f.help(crate::t!("p201-help-suggest", suggestion = s)),
            None if self.ids.is_empty() => f.help(crate::t!(
                "p201-help-declare",
                kind = self.what,
                key = self.key
            )),
            None => f.help(crate::t!(
                "p201-help-declared",
                kind = self.what,
                ids = super::fmt_list(&self.ids)
            )),
        };
        out.push(f);
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let p = ctx.plan;
    let products = Catalogue {
        source: ctx.source,
        what: "product",
        key: "products",
        ids: p.products.iter().map(|x| x.id.as_str()).collect(),
        names: p.products.iter().map(|x| x.name.as_str()).collect(),
    };
    let regions = Catalogue {
        source: ctx.source,
        what: "region",
        key: "regions",
        ids: p.regions.iter().map(|x| x.id.as_str()).collect(),
        names: p.regions.iter().map(|x| x.name.as_str()).collect(),
    };
    let accounts = Catalogue {
        source: ctx.source,
        what: "account",
        key: "accounts",
        ids: p.accounts.iter().map(|x| x.id.as_str()).collect(),
        names: p.accounts.iter().map(|x| x.name.as_str()).collect(),
    };
    let strategies = p.all_strategies();
    let campaigns = Catalogue {
        source: ctx.source,
        what: "campaign",
        key: "campaigns",
        ids: strategies.iter().map(|s| s.id.as_str()).collect(),
        names: strategies.iter().map(|s| s.name.as_str()).collect(),
    };
    let people = Catalogue {
        source: ctx.source,
        what: "person",
        key: "people",
        ids: p.people.iter().map(|x| x.id.as_str()).collect(),
        names: p.people.iter().map(|x| x.name.as_str()).collect(),
    };
    let targets = Catalogue {
        source: ctx.source,
        what: "target",
        key: "targets",
        ids: p.targets.iter().map(|t| t.id.as_str()).collect(),
        names: Vec::new(),
    };
    let phases = Catalogue {
        source: ctx.source,
        what: "phase",
        key: "timeline",
        ids: p.timeline.iter().map(|x| x.id.as_str()).collect(),
        names: p.timeline.iter().map(|x| x.name.as_str()).collect(),
    };
    let all_kpis = p.all_kpis();
    let kpis = Catalogue {
        source: ctx.source,
        what: "kpi",
        key: "kpis",
        ids: all_kpis
            .iter()
            .filter_map(|k| k.id.as_ref().map(|i| i.as_str()))
            .collect(),
        names: Vec::new(),
    };

    // Breakdown items.
    super::each_breakdown(p, &mut |_, _, b| {
        let cat = match crate::model::dimension::canonical(&b.dimension) {
            "product" => &products,
            "region" | "province" => &regions,
            "account" => &accounts,
            "phase" => &phases,
            _ => return,
        };
        for item in &b.items {
            // `其他` is the catch-all item breakdown-sum suggests, in any dimension.
            if !is_catch_all(&item.key) {
                cat.check(&item.key, out);
            }
        }
    });
    for t in &p.targets {
        if let Some(r) = &t.product {
            products.check(r, out);
        }
    }
    if let Some(o) = &p.overview {
        o.regions.iter().for_each(|r| regions.check(r, out));
        o.products.iter().for_each(|r| products.check(r, out));
    }
    if let Some(l) = &p.launch {
        products.check(&l.product, out);
    }
    if let Some(ly) = &p.last_year {
        ly.accounts.iter().for_each(|r| accounts.check(r, out));
    }
    for a in &p.accounts {
        a.listed.iter().for_each(|r| products.check(r, out));
    }
    for s in &strategies {
        if let Some(r) = &s.product {
            products.check(r, out);
        }
        s.regions.iter().for_each(|r| regions.check(r, out));
        for t in &s.tactics {
            for tier in &t.tiers {
                tier.accounts.iter().for_each(|r| accounts.check(r, out));
            }
        }
    }
    for tier in &p.tiers {
        tier.accounts.iter().for_each(|r| accounts.check(r, out));
    }
    for a in p.all_actions() {
        a.accounts.iter().for_each(|r| accounts.check(r, out));
        a.products.iter().for_each(|r| products.check(r, out));
    }
    for r in &p.risks {
        if let Some(c) = &r.campaign {
            campaigns.check(c, out);
        }
    }
    for r in &p.requests {
        if let Some(c) = &r.campaign {
            campaigns.check(c, out);
        }
    }
    if let Some(b) = &p.budget {
        if let Some(t) = &b.sales_target {
            targets.check(t, out);
        }
    }
    for d in &p.duties {
        d.kpis.iter().for_each(|k| kpis.check(k, out));
    }

    // Owners resolve only when the plan declares its people.
    if !p.people.is_empty() {
        let mut owners: Vec<&Sp<String>> = Vec::new();
        owners.extend(strategies.iter().filter_map(|s| s.owner.as_ref()));
        owners.extend(p.all_actions().into_iter().filter_map(|a| a.owner.as_ref()));
        owners.extend(p.tiers.iter().filter_map(|t| t.owner.as_ref()));
        for s in &strategies {
            for t in &s.tactics {
                owners.extend(t.tiers.iter().filter_map(|t| t.owner.as_ref()));
            }
        }
        owners.extend(p.risks.iter().filter_map(|r| r.owner.as_ref()));
        owners.extend(all_kpis.iter().filter_map(|k| k.owner.as_ref()));
        for o in owners {
            people.check(o, out);
        }
    }
}

/// `其他` / `other`: the rest of a breakdown, never a declared product or region.
pub(crate) fn is_catch_all(key: &str) -> bool {
    matches!(
        key.trim(),
        "其他" | "其它" | "other" | "others" | "Other" | "Others"
    )
}
