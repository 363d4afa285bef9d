//! Strategies, campaigns, their actions, and account tiers.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn strategies(&self, key: &str, list: &[Strategy]) -> Option<Node> {
        if list.is_empty() {
            return None;
        }
        let mut summary = Table {
            columns: vec![
                self.column("name", "left", 3),
                self.column("theme", "left", 3),
                self.column("product", "left", 2),
                self.column("regions", "left", 3),
                self.column("budget", "right", 2),
                self.column("kpi_count", "right", 1),
            ],
            ..Table::default()
        };
        for s in list {
            let kpi_count = s.kpis.len()
                + s.tactics.iter().map(|t| t.kpis.len()).sum::<usize>()
                + s.actions.iter().map(|a| a.kpis.len()).sum::<usize>()
                + s.parts.iter().map(|p| p.kpis.len()).sum::<usize>();
            summary.rows.push(row(
                vec![
                    text(&s.name),
                    text(s.theme.as_deref().unwrap_or_default()),
                    text(&s.product.as_ref().map(|p| self.name(p)).unwrap_or_default()),
                    text(&self.names(&s.regions)),
                    text(
                        &s.budget
                            .as_ref()
                            .map(|b| self.n.money_or_qty(b))
                            .unwrap_or_default(),
                    ),
                    text(&kpi_count.to_string()),
                ],
                "body",
                0,
            ));
        }
        drop_empty_columns(&mut summary, 1);
        let children = list.iter().map(|s| self.strategy(s, 0)).collect();
        Some(Node::new(self.title(key), Body::Strategies { summary }).with(children))
    }

    pub(super) fn strategy(&self, s: &Strategy, depth: usize) -> Node {
        let mut facts = Vec::new();
        if let Some(p) = &s.product {
            facts.push(self.pair("sub.product", self.name(p)));
        }
        if !s.regions.is_empty() {
            facts.push(self.pair("sub.regions", self.names(&s.regions)));
        }
        if let Some(o) = &s.owner {
            facts.push(self.pair("sub.owner", self.name(o)));
        }
        if let Some(b) = &s.budget {
            facts.push(self.pair("sub.budget", self.n.money_or_qty(b)));
        }
        if let (Some(theme), true) = (&s.theme, depth > 0) {
            facts.insert(0, self.pair("sub.theme", theme.clone()));
        }
        let tactics = s
            .tactics
            .iter()
            .enumerate()
            .map(|(i, t)| TacticV {
                number: (i + 1).to_string(),
                name: t.name.clone(),
                text: t.text.clone(),
                tiers: t.tiers.iter().map(|tier| self.tier(tier)).collect(),
                items: t.items.clone(),
                kpis: self.kpis_of(&t.kpis),
            })
            .collect();
        let title = match &s.theme {
            Some(theme) if depth == 0 => self
                .l
                .fmt("doc.themed", &[("name", &s.name), ("theme", theme)]),
            _ => s.name.clone(),
        };
        Node::new(
            title,
            Body::Strategy {
                facts,
                pain_point: s.pain_point.clone(),
                objective: s.objective.clone(),
                tactics,
                actions: self.actions(&s.actions, None),
                resources: s.resources.clone(),
                kpis: self.kpis_of(&s.kpis),
            },
        )
        .with(
            s.parts
                .iter()
                .map(|p| self.strategy(p, depth + 1))
                .collect(),
        )
    }

    pub(super) fn actions(&self, list: &[Action], prefix: Option<&str>) -> Vec<ActionV> {
        list.iter()
            .enumerate()
            .map(|(i, a)| {
                let number = match (&a.id, prefix) {
                    (Some(id), _) => id.value.clone(),
                    (None, Some(p)) => format!("{p}.{}", i + 1),
                    (None, None) => (i + 1).to_string(),
                };
                let mut facts = Vec::new();
                if let Some(o) = &a.owner {
                    facts.push(self.pair("sub.owner", self.name(o)));
                }
                if let Some(w) = self.date_range(a.start.as_ref(), a.end.as_ref()) {
                    facts.push(self.pair("sub.when", w));
                }
                if !a.accounts.is_empty() {
                    facts.push(self.pair("sub.accounts", self.names(&a.accounts)));
                }
                if !a.products.is_empty() {
                    facts.push(self.pair("sub.action_products", self.names(&a.products)));
                }
                ActionV {
                    number,
                    title: a.title.value.clone(),
                    text: a.text.clone(),
                    facts,
                    kpis: self.kpis_of(&a.kpis),
                }
            })
            .collect()
    }

    // ----- customers --------------------------------------------------------------

    pub(super) fn tier(&self, t: &Tier) -> TierV {
        let mut facts = Vec::new();
        if let Some(w) = &t.who {
            facts.push(self.pair("sub.who", w.clone()));
        }
        if let Some(c) = &t.count {
            facts.push(self.pair("sub.count", c.clone()));
        }
        if let Some(o) = &t.owner {
            facts.push(self.pair("sub.owner", self.name(o)));
        }
        if let Some(v) = &t.visits {
            facts.push(self.pair("sub.visits", v.clone()));
        }
        if !t.accounts.is_empty() {
            facts.push(self.pair("sub.accounts", self.names(&t.accounts)));
        }
        TierV {
            name: t.name.clone(),
            facts,
            objective: t.objective.clone(),
            actions: self.actions(&t.actions, None),
        }
    }

    pub(super) fn tiers(&self) -> Option<Node> {
        let tiers = &self.plan.tiers;
        if tiers.is_empty() {
            return None;
        }
        let mut summary = Table {
            columns: vec![
                self.column("tier", "left", 2),
                self.column("who", "left", 5),
                self.column("count", "right", 1),
                self.column("owner", "left", 2),
                self.column("visits", "left", 3),
            ],
            ..Table::default()
        };
        for t in tiers {
            summary.rows.push(row(
                vec![
                    text(&t.name),
                    md(t.who.as_deref().unwrap_or_default()),
                    text(t.count.as_deref().unwrap_or_default()),
                    text(&t.owner.as_ref().map(|o| self.name(o)).unwrap_or_default()),
                    text(t.visits.as_deref().unwrap_or_default()),
                ],
                "body",
                0,
            ));
        }
        drop_empty_columns(&mut summary, 1);
        Some(Node::new(
            self.title("tiers"),
            Body::Tiers {
                summary,
                tiers: tiers.iter().map(|t| self.tier(t)).collect(),
            },
        ))
    }
}
