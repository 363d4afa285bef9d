//! Resources, budget, requests and risks.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn resources(&self) -> Option<Node> {
        let r = self.plan.resources.as_ref()?;
        let figures = r
            .headcount
            .iter()
            .map(|h| Figure {
                label: self.t("sub.headcount"),
                value: self.n.qty(h, None),
                note: None,
            })
            .collect::<Vec<_>>();
        if figures.is_empty() && r.staffing.is_none() && r.training.is_none() {
            return None;
        }
        Some(Node::new(
            self.title("resources"),
            Body::Resources {
                figures,
                staffing: r.staffing.clone(),
                training: r.training.clone(),
            },
        ))
    }

    pub(super) fn budget(&mut self) -> Option<Node> {
        let plan = self.plan;
        let b = plan.budget.as_ref()?;
        let style = self.n.style_for(&b.total);
        let total = self.n.base(&b.total);
        let mut figures = vec![Figure {
            label: self.t("budget.total"),
            value: self.n.money_or_qty(&b.total),
            note: None,
        }];
        let target = match &b.sales_target {
            Some(id) => plan.targets.iter().find(|t| t.id.value == id.value),
            None => plan.targets.first(),
        };
        let computed_ratio = target
            .and_then(|t| self.n.base(&t.value))
            .zip(total)
            .and_then(|(s, b)| num::percent_of(b, s));
        match (&b.sales_ratio, target) {
            (Some(r), Some(t)) => figures.push(Figure {
                label: self.t("budget.sales_ratio"),
                value: self.n.qty(r, None),
                note: Some(self.l.fmt(
                    "budget.of_target",
                    &[
                        ("target", &t.name),
                        ("value", &self.n.money_or_qty(&t.value)),
                    ],
                )),
            }),
            (Some(r), None) => figures.push(Figure {
                label: self.t("budget.sales_ratio"),
                value: self.n.qty(r, None),
                note: None,
            }),
            (None, Some(t)) if computed_ratio.is_some() => figures.push(Figure {
                label: self.t("budget.sales_ratio"),
                value: computed_ratio.map(num::pct).unwrap_or_default(),
                note: Some(self.l.fmt(
                    "budget.of_target",
                    &[
                        ("target", &t.name),
                        ("value", &self.n.money_or_qty(&t.value)),
                    ],
                )),
            }),
            _ => {}
        }
        let mut table = None;
        let mut chart = None;
        if !b.lines.is_empty() {
            let mut t = Table {
                columns: vec![
                    self.column("item", "left", 3),
                    Column {
                        label: self.col_unit("amount", &style),
                        align: "right",
                        weight: 2,
                        ..Default::default()
                    },
                    self.column("share", "right", 1),
                    self.column("note", "left", 5),
                ],
                ..Table::default()
            };
            // A line with only a share gets its amount from the total.
            let amounts: Vec<Option<Decimal>> = b
                .lines
                .iter()
                .map(|l| match (&l.amount, &l.share, total) {
                    (Some(a), _, _) => self.n.base(a),
                    (None, Some(s), Some(tot)) => s
                        .amount
                        .filter(|_| s.is_percent())
                        .map(|p| tot * p / Decimal::ONE_HUNDRED),
                    _ => None,
                })
                .collect();
            for (l, amount) in b.lines.iter().zip(&amounts) {
                let share = amount
                    .zip(total)
                    .and_then(|(a, tot)| num::percent_of(a, tot))
                    .map(num::pct)
                    .or_else(|| l.share.as_ref().map(|s| s.raw.trim().to_owned()))
                    .unwrap_or_default();
                let amount_text = match (&l.amount, amount) {
                    (Some(a), _) => self.n.cell(a, &style),
                    (None, Some(a)) => self.n.base_cell(*a, &b.total, &style),
                    (None, None) => String::new(),
                };
                t.rows.push(row(
                    vec![
                        text(&l.name),
                        text(&amount_text),
                        text(&share),
                        md(l.note.as_deref().unwrap_or_default()),
                    ],
                    "body",
                    0,
                ));
            }
            let known: Option<Vec<Decimal>> = amounts.iter().copied().collect();
            if let Some(known) = &known {
                let sum: Decimal = known.iter().sum();
                t.rows.push(row(
                    vec![
                        text(&self.t("col.total")),
                        text(&self.n.base_cell(sum, &b.total, &style)),
                        text(
                            &total
                                .and_then(|tot| num::percent_of(sum, tot))
                                .map(num::pct)
                                .unwrap_or_default(),
                        ),
                        Cell::default(),
                    ],
                    "total",
                    0,
                ));
                if total.is_some_and(|tot| tot != sum) {
                    t.note = Some(self.l.fmt(
                        "doc.mismatch",
                        &[
                            ("sum", &self.n.base_cell(sum, &b.total, &style)),
                            ("value", &self.n.money_or_qty(&b.total)),
                        ],
                    ));
                }
                // The donut shows shares of the total in its centre: drawn only when the
                // lines add up to it, each slice a line with an amount (no legend entry
                // without a slice), in colours that stay distinct.
                let drawn = known.iter().filter(|a| !a.is_zero()).count();
                let adds_up = total.is_none_or(|tot| tot == sum);
                if drawn >= 2
                    && drawn <= crate::render::chart::PALETTE.len()
                    && adds_up
                    && known.iter().all(|a| *a >= Decimal::ZERO)
                {
                    let data = b
                        .lines
                        .iter()
                        .zip(known)
                        .filter(|(_, a)| !a.is_zero())
                        .enumerate()
                        .map(|(i, (l, a))| Datum {
                            key: format!("{}", i + 1),
                            label: l.name.clone(),
                            value: self.n.base_cell(*a, &b.total, &style),
                            share: total.and_then(|tot| num::percent_of(*a, tot)).map(num::pct),
                            magnitude: a.to_f64().unwrap_or(0.0),
                            span: None,
                        })
                        .collect();
                    let unit = match &style {
                        ValueStyle::Money(s) => s.label().to_owned(),
                        ValueStyle::Plain => String::new(),
                    };
                    let id = self.next_chart_id();
                    let c = Chart::new(id, self.t("chart.budget"), ChartKind::Donut, unit, data)
                        .with_total(self.n.money_or_qty(&b.total));
                    chart = Some(self.captioned(c));
                }
            }
            drop_empty_columns(&mut t, 2);
            table = Some(t);
        }
        Some(Node::new(
            self.title("budget"),
            Body::Budget {
                figures,
                table,
                chart,
                note: b.note.clone(),
            },
        ))
    }

    pub(super) fn requests(&self) -> Option<Node> {
        let rs = &self.plan.requests;
        if rs.is_empty() {
            return None;
        }
        // Money requests only: 金额; headcount or training among them: a neutral header
        // (a headcount under 金额 misleads).
        let only_money = rs
            .iter()
            .filter(|r| r.amount.is_some())
            .all(|r| r.kind == RequestKind::Budget);
        let mut table = Table {
            columns: vec![
                self.column("request_kind", "left", 1),
                self.column("item", "left", 2),
                self.column(if only_money { "amount" } else { "requested" }, "right", 2),
                self.column("campaign", "left", 2),
                self.column("note", "left", 5),
            ],
            ..Table::default()
        };
        let mut money = Vec::new();
        for r in rs {
            let kind = match r.kind {
                RequestKind::Budget => "budget",
                RequestKind::Headcount => "headcount",
                RequestKind::Training => "training",
                RequestKind::Other => "other",
            };
            let amount = r.amount.as_ref().map(|a| {
                if r.kind == RequestKind::Budget {
                    if let Some(y) = a.yuan(self.n.unit).filter(|_| self.n.is_money(a)) {
                        money.push((y, &a.value));
                    }
                    self.n.money_or_qty(a)
                } else {
                    self.n.qty(a, None)
                }
            });
            table.rows.push(row(
                vec![
                    text(&self.t(&format!("request.{kind}"))),
                    text(&r.name),
                    text(amount.as_deref().unwrap_or_default()),
                    text(
                        &r.campaign
                            .as_ref()
                            .map(|c| self.name(c))
                            .unwrap_or_default(),
                    ),
                    md(r.text.as_deref().unwrap_or_default()),
                ],
                "body",
                0,
            ));
        }
        if money.len() >= 2 {
            let sum: Decimal = money.iter().map(|m| m.0).sum();
            table.rows.push(row(
                vec![
                    text(&self.t("col.budget_total")),
                    Cell::default(),
                    text(&self.n.money(sum, money[0].1)),
                    Cell::default(),
                    Cell::default(),
                ],
                "total",
                0,
            ));
        }
        drop_empty_columns(&mut table, 2);
        Some(Node::new(self.title("requests"), Body::Requests { table }))
    }

    pub(super) fn risks(&self) -> Option<Node> {
        let rs = &self.plan.risks;
        if rs.is_empty() {
            return None;
        }
        let mut table = Table {
            columns: vec![
                self.column("risk", "left", 3),
                self.column("likelihood", "left", 1),
                self.column("impact", "left", 1),
                self.column("owner", "left", 2),
                self.column("campaign", "left", 3),
            ],
            ..Table::default()
        };
        let mut risks = Vec::new();
        for r in rs {
            let likelihood = r.likelihood.map(|l| self.level(l)).unwrap_or_default();
            let impact = r.impact.map(|l| self.level(l)).unwrap_or_default();
            let owner = r.owner.as_ref().map(|o| self.name(o)).unwrap_or_default();
            let campaign = r
                .campaign
                .as_ref()
                .map(|c| self.name(c))
                .unwrap_or_default();
            table.rows.push(row(
                vec![
                    text(&r.name),
                    text(&likelihood),
                    text(&impact),
                    text(&owner),
                    text(&campaign),
                ],
                "body",
                0,
            ));
            let mut facts = Vec::new();
            for (k, v) in [
                ("sub.likelihood", likelihood),
                ("sub.impact", impact),
                ("sub.owner", owner),
                ("sub.campaign", campaign),
            ] {
                if !v.is_empty() {
                    facts.push(self.pair(k, v));
                }
            }
            risks.push(RiskV {
                name: r.name.clone(),
                description: r.description.value.clone(),
                response: r.response.as_ref().map(|x| x.value.clone()),
                facts,
            });
        }
        drop_empty_columns(&mut table, 1);
        Some(Node::new(self.title("risks"), Body::Risks { table, risks }))
    }
}
