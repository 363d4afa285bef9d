//! Text-like sections: topics, free sections, glossary, cadence, reference tables.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn topic_items(&self, items: &[Topic], depth: u8, out: &mut Vec<TopicItem>) {
        for t in items {
            out.push(TopicItem {
                depth,
                title: t.title.clone(),
                text: t.text.clone(),
                kpis: self.kpis_of(&t.kpis),
            });
            self.topic_items(&t.items, depth + 1, out);
        }
    }

    pub(super) fn topics(&self, key: &str, list: &[Topic]) -> Option<Node> {
        if list.is_empty() {
            return None;
        }
        let children = list
            .iter()
            .map(|t| {
                let mut items = Vec::new();
                self.topic_items(&t.items, 1, &mut items);
                Node::new(
                    t.title.clone(),
                    Body::Topic {
                        text: t.text.clone(),
                        items,
                        kpis: self.kpis_of(&t.kpis),
                    },
                )
            })
            .collect();
        Some(Node::new(self.title(key), Body::Topics { intro: None }).with(children))
    }

    pub(super) fn free_sections(&self) -> Vec<Node> {
        self.plan
            .sections
            .iter()
            .map(|s| {
                let mut items = Vec::new();
                self.topic_items(&s.items, 1, &mut items);
                Node::new(
                    s.title.clone(),
                    Body::Topic {
                        text: s.text.clone(),
                        items,
                        kpis: self.kpis_of(&s.kpis),
                    },
                )
            })
            .collect()
    }

    // ----- role cards ---------------------------------------------------------------

    pub(super) fn glossary(&self) -> Option<Node> {
        let g = &self.plan.glossary;
        if g.is_empty() {
            return None;
        }
        let mut table = Table {
            columns: vec![
                self.column("term", "left", 1),
                self.column("definition", "left", 4),
            ],
            ..Table::default()
        };
        for t in g {
            table
                .rows
                .push(row(vec![text(&t.term), md(&t.definition)], "body", 0));
        }
        Some(Node::new(self.title("glossary"), Body::Glossary { table }))
    }

    // ----- resources, budget, requests ---------------------------------------------

    pub(super) fn cadence(&self) -> Option<Node> {
        let cs = &self.plan.cadence;
        if cs.is_empty() {
            return None;
        }
        let mut table = Table {
            columns: vec![
                self.column("mechanism", "left", 2),
                self.column("frequency", "left", 1),
                self.column("when", "left", 2),
                self.column("participants", "left", 2),
                self.column("content", "left", 5),
            ],
            ..Table::default()
        };
        let mut items = Vec::new();
        for c in cs {
            let freq = self.frequency(c.frequency.value);
            table.rows.push(row(
                vec![
                    text(&c.name),
                    text(&freq),
                    text(c.when.as_deref().unwrap_or_default()),
                    text(c.participants.as_deref().unwrap_or_default()),
                    md(c.text.as_deref().unwrap_or_default()),
                ],
                "body",
                0,
            ));
            if let Some(kpis) = self.kpis_of(&c.kpis) {
                items.push(CadenceV {
                    name: c.name.clone(),
                    facts: vec![self.pair("sub.frequency", freq)],
                    text: None,
                    kpis: Some(kpis),
                });
            }
        }
        drop_empty_columns(&mut table, 1);
        Some(Node::new(
            self.title("cadence"),
            Body::Cadence { table, items },
        ))
    }

    /// Appendix: the catalogues (products, regions, people) with all their fields.
    pub(super) fn reference(&self) -> Option<Node> {
        let p = self.plan;
        let mut tables = Vec::new();
        if !p.products.is_empty() {
            let mut t = Table {
                columns: vec![
                    self.column("product", "left", 2),
                    self.column("stage", "left", 1),
                    self.column("area", "left", 1),
                    self.column("note", "left", 5),
                ],
                ..Table::default()
            };
            for x in &p.products {
                t.rows.push(row(
                    vec![
                        text(&x.name),
                        text(x.stage.as_deref().unwrap_or_default()),
                        text(x.area.as_deref().unwrap_or_default()),
                        md(x.note.as_deref().unwrap_or_default()),
                    ],
                    "body",
                    0,
                ));
            }
            drop_empty_columns(&mut t, 1);
            tables.push(Captioned {
                caption: self.t("reference.products"),
                table: t,
            });
        }
        if !p.regions.is_empty() {
            let mut t = Table {
                columns: vec![
                    self.column("region", "left", 2),
                    self.column("level", "left", 1),
                    self.column("group", "left", 2),
                ],
                ..Table::default()
            };
            for x in &p.regions {
                t.rows.push(row(
                    vec![
                        text(&x.name),
                        text(x.level.as_deref().unwrap_or_default()),
                        text(x.group.as_deref().unwrap_or_default()),
                    ],
                    "body",
                    0,
                ));
            }
            drop_empty_columns(&mut t, 1);
            tables.push(Captioned {
                caption: self.t("reference.regions"),
                table: t,
            });
        }
        if !p.people.is_empty() {
            let mut t = Table {
                columns: vec![
                    self.column("person", "left", 2),
                    self.column("role", "left", 3),
                ],
                ..Table::default()
            };
            for x in &p.people {
                t.rows.push(row(
                    vec![text(&x.name), text(x.role.as_deref().unwrap_or_default())],
                    "body",
                    0,
                ));
            }
            drop_empty_columns(&mut t, 1);
            tables.push(Captioned {
                caption: self.t("reference.people"),
                table: t,
            });
        }
        (!tables.is_empty())
            .then(|| Node::new(self.t("reference.title"), Body::Reference { tables }))
    }
}
