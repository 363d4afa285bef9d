//! The situation sections: SWOT, overview, last year, launch facts.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn swot(&self) -> Option<Node> {
        let s = self.plan.swot.as_ref()?;
        let quadrants: Vec<Quadrant> = [
            ("strengths", &s.strengths),
            ("weaknesses", &s.weaknesses),
            ("opportunities", &s.opportunities),
            ("threats", &s.threats),
        ]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(key, items)| Quadrant {
            key,
            title: self.t(&format!("swot.{key}")),
            items: items
                .iter()
                .map(|i| Titled {
                    title: i.title.clone(),
                    text: i.text.clone(),
                })
                .collect(),
        })
        .collect();
        (!quadrants.is_empty()).then(|| Node::new(self.title("swot"), Body::Swot { quadrants }))
    }

    pub(super) fn overview(&self) -> Option<Node> {
        let o = self.plan.overview.as_ref()?;
        let facts: Vec<Figure> = o
            .facts
            .iter()
            .map(|f| Figure {
                label: f.label.clone(),
                value: self.n.qty(&f.value, None),
                note: f.note.clone(),
            })
            .collect();
        let regions: Vec<String> = o.regions.iter().map(|r| self.name(r)).collect();
        let products: Vec<String> = o.products.iter().map(|p| self.name(p)).collect();
        if o.text.is_none() && facts.is_empty() && regions.is_empty() && products.is_empty() {
            return None;
        }
        Some(Node::new(
            self.title("overview"),
            Body::Overview {
                text: o.text.clone(),
                facts,
                regions,
                products,
            },
        ))
    }

    pub(super) fn last_year(&self) -> Option<Node> {
        let ly = self.plan.last_year.as_ref()?;
        let mut figures = Vec::new();
        let money = |key: &str, q: &Option<Sp<Quantity>>| {
            q.as_ref().map(|q| Figure {
                label: self.t(key),
                value: self.n.money_or_qty(q),
                note: None,
            })
        };
        figures.extend(money("last_year.sales", &ly.sales));
        figures.extend(money("last_year.target", &ly.target));
        let computed_att = match (&ly.sales, &ly.target) {
            (Some(s), Some(t)) => self
                .n
                .base(s)
                .zip(self.n.base(t))
                .and_then(|(s, t)| num::percent_of(s, t)),
            _ => None,
        };
        match (&ly.attainment, computed_att) {
            (Some(a), _) => figures.push(Figure {
                label: self.t("last_year.attainment"),
                value: self.n.qty(a, None),
                note: None,
            }),
            (None, Some(c)) => figures.push(Figure {
                label: self.t("last_year.attainment"),
                value: format!("{}%", num::dec(c, 1)),
                note: None,
            }),
            _ => {}
        }
        figures.extend(money("last_year.previous_sales", &ly.previous_sales));
        let computed_growth = match (&ly.sales, &ly.previous_sales) {
            (Some(s), Some(p)) => self
                .n
                .base(s)
                .zip(self.n.base(p))
                .and_then(|(s, p)| num::growth(s, p)),
            _ => None,
        };
        if ly.growth.is_some() || computed_growth.is_some() {
            figures.push(Figure {
                label: self.t("last_year.growth"),
                value: self
                    .n
                    .growth_of(ly.growth.as_ref().map(|g| &g.value), computed_growth),
                note: None,
            });
        }
        Some(Node::new(
            self.title("last_year"),
            Body::LastYear {
                figures,
                text: ly.text.clone(),
                highlights: ly.highlights.clone(),
                challenges: ly.challenges.clone(),
                notes: ly
                    .notes
                    .iter()
                    .map(|n| Titled {
                        title: self.name(&n.subject),
                        text: n.text.clone(),
                    })
                    .collect(),
                accounts: ly.accounts.iter().map(|a| self.name(a)).collect(),
            },
        ))
    }

    pub(super) fn launch(&self) -> Option<Node> {
        let la = self.plan.launch.as_ref()?;
        let mut figures = vec![Figure {
            label: self.t("product_card.product"),
            value: self.name(&la.product),
            note: None,
        }];
        for (key, v) in [
            ("product_card.description", &la.description),
            ("product_card.area", &la.area),
            ("product_card.indication", &la.indication),
        ] {
            if let Some(v) = v {
                figures.push(Figure {
                    label: self.t(key),
                    value: v.clone(),
                    note: None,
                });
            }
        }
        figures.push(Figure {
            label: self.t("product_card.date"),
            value: la.date.raw.trim().to_owned(),
            note: None,
        });
        Some(Node::new(
            self.title("launch"),
            Body::Launch {
                figures,
                objective: la.objective.clone(),
            },
        ))
    }

    // ----- targets and breakdowns ---------------------------------------------
}
