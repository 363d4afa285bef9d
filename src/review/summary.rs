//! The executive summary that opens a review: the headline attainment (and, part-way
//! through the year, against the time elapsed), every red and amber item, the three
//! largest gaps, and the decisions the plan asks for — all from figures `compute`
//! already made, written the way the tables write them.

use rust_decimal::Decimal;

use super::compute::{points_number, ItemResult, Light};
use super::tables::Builder;
use crate::model::{Lang, Plan, RequestKind};
use crate::render::figures::{Block, Cell, Figures, Row};
use crate::render::view::{Column, Measure};

use super::tables::optp;

impl Builder<'_> {
    /// The summary's body, or `None` when the review has no target to speak of.
    pub fn summary(&self, plan: &Plan) -> Option<Figures> {
        let r = self.review;
        let main = r.targets.first()?;
        let light = |l: Light| self.l.get(&format!("review.light_{}", l.as_str()));
        let none = || "—".to_owned();
        let actual = main
            .actual
            .as_ref()
            .map_or_else(none, |a| a.display.clone());
        let mut intro = if r.partial {
            // Time elapsed (days, as the monthly report counts them), as a share of the
            // period: the pace the year's target needs.
            let time = r.time_pace;
            let progress = main.progress.as_ref().map(|p| p.value);
            let behind = progress.map(|p| p - time);
            self.l.fmt(
                "review.headline_partial",
                &[
                    ("name", &main.name),
                    ("date", &r.as_of),
                    ("actual", &actual),
                    ("target", &main.target.display),
                    ("progress", &optp(main.progress.as_ref())),
                    ("time", &super::compute::pct(time).display),
                    (
                        "pace",
                        &behind.map_or_else(none, |b| super::compute::points(b, self.lang).display),
                    ),
                    ("attainment", &optp(main.attainment.as_ref())),
                    ("light", &light(main.status)),
                ],
            )
        } else {
            self.l.fmt(
                "review.headline",
                &[
                    ("name", &main.name),
                    ("actual", &actual),
                    ("target", &main.target.display),
                    ("attainment", &optp(main.attainment.as_ref())),
                    ("light", &light(main.status)),
                    (
                        "variance",
                        &main
                            .variance
                            .as_ref()
                            .map_or_else(none, |v| v.display.clone()),
                    ),
                    ("growth", &optp(main.growth.as_ref())),
                ],
            )
        };
        let mut blocks = Vec::new();
        if let Some(b) = self.lights_block() {
            blocks.push(b);
        } else {
            intro.push_str(&self.l.get("review.no_lights"));
        }
        blocks.extend(self.gaps_block());
        blocks.extend(self.decisions_block(plan));
        Some(Figures {
            intro: Some(intro),
            blocks,
        })
    }

    /// Every target, breakdown item and KPI with a red or amber light, red first.
    fn lights_block(&self) -> Option<Block> {
        let r = self.review;
        // (light, attainment, item, where, attainment text)
        let mut lit: Vec<(Light, Decimal, String, String, String)> = Vec::new();
        for t in &r.targets {
            if matches!(t.status, Light::Red | Light::Amber) {
                let a = t.attainment.as_ref();
                let v = a.map_or(Decimal::ZERO, |p| p.value);
                lit.push((t.status, v, t.name.clone(), self.c("target"), optp(a)));
            }
            for b in t.breakdowns.iter().filter(|b| !b.segment) {
                for i in &b.items {
                    if matches!(i.status, Light::Red | Light::Amber) {
                        let a = i.attainment.as_ref();
                        let v = a.map_or(Decimal::ZERO, |p| p.value);
                        let place = format!("{}·{}", t.name, self.dim_label(b));
                        lit.push((i.status, v, i.name.clone(), place, optp(a)));
                    }
                }
            }
        }
        for k in &r.kpis {
            if matches!(k.status, Light::Red | Light::Amber) {
                let a = k.attainment.as_ref();
                let v = a.map_or(Decimal::ZERO, |p| p.value);
                // The strategy it measures, else its group, else "a KPI".
                let strategy = k.strategy.as_deref().and_then(|id| {
                    self.base
                        .all_strategies()
                        .into_iter()
                        .find(|s| s.id.as_str() == id)
                        .map(|s| s.name.clone())
                });
                let place = strategy
                    .or_else(|| k.group.clone())
                    .unwrap_or_else(|| self.l.get("review.kpi"));
                lit.push((k.status, v, k.metric.clone(), place, optp(a)));
            }
        }
        if lit.is_empty() {
            return None;
        }
        let rank = |l: Light| if l == Light::Red { 0 } else { 1 };
        lit.sort_by(|a, b| rank(a.0).cmp(&rank(b.0)).then(a.1.cmp(&b.1)));
        let rows = lit
            .into_iter()
            .map(|(l, _, item, place, att)| {
                Row::body(vec![
                    Cell::text(item),
                    Cell::text(place),
                    Cell::text(att),
                    Cell::light(
                        self.l.get(&format!("review.light_{}", l.as_str())),
                        l.as_str(),
                    ),
                ])
            })
            .collect();
        Some(Block {
            caption: Some(self.l.get("review.lit")),
            columns: vec![
                Column::new(self.c("item"), "left", 4),
                Column::new(self.c("group"), "left", 3),
                Column::new(self.l.get("review.col_attainment_or_closeness"), "right", 2)
                    .measuring(Measure::Rate),
                Column::new(self.c("status"), "left", 2).measuring(Measure::Status),
            ],
            rows,
            note: Some(self.l.get("review.lit_note")),
            highlights: Vec::new(),
            chart: None,
        })
    }

    /// The three items furthest behind their targets, among the finest items of every
    /// breakdown (a region, not also its region group).
    fn gaps_block(&self) -> Option<Block> {
        let r = self.review;
        let mut gaps: Vec<(&ItemResult, String, &str)> = Vec::new();
        for t in r.targets.iter().filter(|t| t.money) {
            let parents: Vec<&str> = t
                .breakdowns
                .iter()
                .flat_map(|b| &b.items)
                .filter_map(|i| i.parent.as_deref())
                .collect();
            for b in t.breakdowns.iter().filter(|b| !b.segment) {
                let dim = self.dim_label(b);
                for i in &b.items {
                    let behind = i.variance.as_ref().is_some_and(|v| v.value < Decimal::ZERO);
                    if behind && !parents.contains(&i.key.as_str()) {
                        gaps.push((i, dim.clone(), t.name.as_str()));
                    }
                }
            }
        }
        if gaps.is_empty() {
            return None;
        }
        let value = |i: &ItemResult| i.variance.as_ref().map_or(Decimal::ZERO, |v| v.value);
        gaps.sort_by(|a, b| value(a.0).cmp(&value(b.0)).then(a.0.key.cmp(&b.0.key)));
        gaps.truncate(3);
        let whole = gaps.first().map(|g| g.2).unwrap_or_default();
        let opt = |a: Option<&super::compute::Amount>| {
            a.map_or_else(|| "—".to_owned(), |a| a.number.clone())
        };
        let rows = gaps
            .iter()
            .map(|(i, dim, _)| {
                Row::body(vec![
                    Cell::text(&i.name),
                    Cell::text(dim),
                    Cell::text(opt(i.target_to_date.as_ref())),
                    Cell::text(opt(i.actual.as_ref())),
                    Cell::signed(opt(i.variance.as_ref())),
                    Cell::signed(
                        i.contribution
                            .as_ref()
                            .map_or_else(|| "—".into(), |c| points_number(c.value)),
                    ),
                ])
            })
            .collect();
        let unit = r.money.scale.label();
        Some(Block {
            caption: Some(self.l.get("review.gaps")),
            columns: vec![
                Column::new(self.c("item"), "left", 3),
                Column::new(self.l.get("review.col_dimension"), "left", 2),
                Column::new(
                    self.c(if r.partial {
                        "target_to_date"
                    } else {
                        "target"
                    }),
                    "right",
                    2,
                ),
                Column::new(self.c("actual"), "right", 2),
                Column::new(self.c("variance"), "right", 2),
                Column::new(
                    self.l
                        .fmt("review.col_contribution_to", &[("whole", whole)]),
                    "right",
                    2,
                ),
            ],
            rows,
            note: Some(self.l.fmt("review.gaps_note", &[("unit", unit)])),
            highlights: Vec::new(),
            chart: None,
        })
    }

    /// The resources and decisions the plan under review asks for (`requests`).
    fn decisions_block(&self, plan: &Plan) -> Option<Block> {
        let requests: Vec<_> = self.base.requests.iter().chain(&plan.requests).collect();
        if requests.is_empty() {
            return None;
        }
        let unit = self.base.money_unit();
        let rows = requests
            .iter()
            .map(|q| {
                let amount = q.amount.as_ref().map_or_else(
                    || "—".to_owned(),
                    |a| match a.value.base(unit) {
                        Some(v) if a.value.money_unit(unit).is_some() => self.review.money.money(v),
                        _ => a.value.raw.clone(),
                    },
                );
                Row::body(vec![
                    Cell::text(&q.name),
                    Cell::text(self.l.get(match q.kind {
                        RequestKind::Budget => "request.budget",
                        RequestKind::Headcount => "request.headcount",
                        RequestKind::Training => "request.training",
                        RequestKind::Other => "request.other",
                    })),
                    Cell::text(amount),
                    Cell::text(q.text.clone().unwrap_or_default().trim()),
                ])
            })
            .collect();
        Some(Block {
            caption: Some(self.l.get("review.decisions")),
            columns: vec![
                Column::new(self.l.get("review.col_request"), "left", 3),
                Column::new(self.l.get("review.col_kind"), "left", 2),
                Column::new(self.l.get("review.col_amount"), "right", 2),
                Column::new(self.l.get("review.col_reason"), "left", 5),
            ],
            rows,
            note: None,
            highlights: Vec::new(),
            chart: None,
        })
    }

    fn dim_label(&self, b: &super::compute::BreakdownResult) -> String {
        match (b.dimension.as_str(), self.lang) {
            ("product", Lang::Zh) => "产品".into(),
            ("region", Lang::Zh) => "区域".into(),
            ("region_group", Lang::Zh) => "区域类别".into(),
            ("province", Lang::Zh) => "省份".into(),
            ("city", Lang::Zh) => "城市".into(),
            ("channel", Lang::Zh) => "渠道".into(),
            (d, lang) => {
                let name = self.l.opt(&format!("dim.{d}")).unwrap_or(d);
                let mut c = name.chars();
                match (lang, c.next()) {
                    (Lang::En, Some(f)) => f.to_uppercase().chain(c).collect(),
                    _ => name.to_owned(),
                }
            }
        }
    }
}
