//! The tables of a review: one [`Block`] of computed figures per `figures` entry — the
//! targets with the summary of lights and verdicts, the forecast, KPI verdicts, a
//! target's periods and its breakdowns — every cell already written out.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::compute::{KpiResult, Light, Review, TargetResult};
use super::figures::Block as Spec;
use crate::model::{Lang, Plan};
use crate::render::figures::{Block, Cell, Row};
use crate::render::view::{Column, Measure};
use crate::render::Labels;

pub(super) struct Builder<'a> {
    pub review: &'a Review,
    pub base: &'a Plan,
    pub l: &'a Labels,
    pub thresholds: crate::config::Thresholds,
    /// Charts numbered so far.
    pub charts: usize,
    pub lang: Lang,
    /// The ids of the KPIs shown in a table so far.
    pub shown: BTreeSet<String>,
    /// The document shows the forecast table (1.2), whose note says the date and the
    /// months elapsed: the targets table (1.1) then does not repeat it.
    pub forecast_shown: bool,
}

pub(super) fn opt(a: Option<&super::compute::Amount>) -> String {
    a.map_or_else(|| "—".into(), |a| a.number.clone())
}

pub(super) fn optd(a: Option<&super::compute::Amount>) -> String {
    a.map_or_else(|| "—".into(), |a| a.display.clone())
}

pub(super) fn optp(p: Option<&super::compute::Pct>) -> String {
    p.map_or_else(|| "—".into(), |p| p.display.clone())
}

impl Builder<'_> {
    /// What a value of `t` is divided by to be read in its unit (the money scale).
    pub(super) fn factor(&self, t: &TargetResult) -> Decimal {
        if t.money {
            self.review.money.scale.factor()
        } else {
            Decimal::ONE
        }
    }

    pub(super) fn c(&self, key: &str) -> String {
        self.l.get(&format!("review.col_{key}"))
    }

    pub(super) fn light(&self, l: Light) -> Cell {
        match l {
            Light::None => Cell::text("—"),
            l => Cell::light(
                self.l.get(&format!("review.light_{}", l.as_str())),
                l.as_str(),
            ),
        }
    }

    pub(super) fn pct(&self, d: Decimal) -> String {
        format!("{}%", d.normalize())
    }

    pub(super) fn note(&self, unit: Option<&str>, to_date: bool) -> String {
        let basis = self.l.get(if to_date {
            "review.basis_to_date"
        } else {
            "review.basis_full"
        });
        let green = self.pct(self.thresholds.green);
        let amber = self.pct(self.thresholds.amber);
        match unit {
            Some(u) => self.l.fmt(
                "review.note",
                &[
                    ("unit", u),
                    ("basis", &basis),
                    ("green", &green),
                    ("amber", &amber),
                ],
            ),
            None => self.l.fmt(
                "review.note_count",
                &[("basis", &basis), ("green", &green), ("amber", &amber)],
            ),
        }
    }

    pub fn block(&mut self, spec: &Spec) -> Option<(String, Block)> {
        match spec {
            Spec::Targets => Some((self.l.get("review.targets"), self.targets())),
            Spec::Forecast => self.forecast().map(|b| (self.l.get("review.forecast"), b)),
            Spec::Kpis(filter) => {
                // A strategy's KPIs include those of its parts (a product's strategy
                // under the lifecycle strategy), at any depth.
                let within = filter.as_deref().map(|g| self.strategy_and_parts(g));
                let kpis: Vec<&KpiResult> = self
                    .review
                    .kpis
                    .iter()
                    .filter(|k| match (filter, &within) {
                        (Some(g), Some(ids)) => {
                            k.group.as_deref() == Some(g)
                                || k.strategy.as_ref().is_some_and(|s| ids.contains(s))
                        }
                        _ => true,
                    })
                    .collect();
                let title = match filter {
                    None => self.l.get("review.kpis"),
                    Some(g) => {
                        let name = self
                            .base
                            .all_strategies()
                            .iter()
                            .find(|s| s.id.as_str() == g)
                            .map(|s| s.name.clone())
                            .unwrap_or_else(|| g.clone());
                        self.l.fmt("review.kpis_of", &[("name", &name)])
                    }
                };
                // The group column, when the KPIs come from more than one place.
                let places: BTreeSet<(Option<&str>, Option<&str>)> = kpis
                    .iter()
                    .map(|k| (k.group.as_deref(), k.strategy.as_deref()))
                    .collect();
                let grouped = filter.is_none() || places.len() > 1;
                Some((title, self.kpis(&kpis, grouped)))
            }
            Spec::Kpi(id) => {
                let k = self.review.kpis.iter().find(|k| &k.id == id)?;
                Some((k.metric.clone(), self.kpis(&[k], false)))
            }
            Spec::Periods { target } => {
                let t = self.review.targets.iter().find(|t| &t.id == target)?;
                let title = self.l.fmt("review.periods", &[("name", &t.name)]);
                Some((title.clone(), self.periods(t, &title)))
            }
            Spec::Breakdown { target, dimension } => {
                let t = self.review.targets.iter().find(|t| &t.id == target)?;
                let b = t.breakdowns.iter().find(|b| &b.dimension == dimension)?;
                let name = self.dim_name(b);
                let mut title = if b.segment {
                    self.l.fmt("review.segment", &[("name", &name)])
                } else {
                    self.l.fmt("review.breakdown", &[("name", &name)])
                };
                if self.review.targets.len() > 1 {
                    title = self
                        .l
                        .fmt("review.of_target", &[("target", &t.name), ("name", &title)]);
                }
                Some((title.clone(), self.breakdown(t, b, &title)))
            }
        }
    }

    /// The name of the breakdown `spec` shows, when no item of it has an actual.
    pub fn breakdown_without_actuals(&self, spec: &Spec) -> Option<String> {
        let Spec::Breakdown { target, dimension } = spec else {
            return None;
        };
        let t = self.review.targets.iter().find(|t| &t.id == target)?;
        let b = t.breakdowns.iter().find(|b| &b.dimension == dimension)?;
        b.items
            .iter()
            .all(|i| i.actual.is_none())
            .then(|| self.dim_name(b))
    }

    /// The ids of a strategy and of its parts, at any depth.
    fn strategy_and_parts(&self, id: &str) -> BTreeSet<String> {
        fn add(s: &crate::model::Strategy, out: &mut BTreeSet<String>) {
            out.insert(s.id.value.clone());
            s.parts.iter().for_each(|p| add(p, out));
        }
        let mut out = BTreeSet::new();
        if let Some(s) = self
            .base
            .all_strategies()
            .into_iter()
            .find(|s| s.id.as_str() == id)
        {
            add(s, &mut out);
        }
        out
    }

    /// The KPIs the summary counts that no table has shown, as one table.
    pub fn unshown_kpis(&mut self) -> Option<(String, Block)> {
        let review = self.review;
        let left: Vec<&KpiResult> = review
            .kpis
            .iter()
            .filter(|k| !self.shown.contains(&k.id))
            .collect();
        if left.is_empty() {
            return None;
        }
        Some((self.l.get("review.kpis_other"), self.kpis(&left, true)))
    }

    pub(super) fn dim_name(&self, b: &super::compute::BreakdownResult) -> String {
        if let Some(t) = &b.title {
            let t = t.trim();
            let t = t.strip_suffix("分解").unwrap_or(t);
            let t = t.strip_suffix("目标").unwrap_or(t);
            return t.to_owned();
        }
        let label = match (b.dimension.as_str(), self.lang) {
            ("product", Lang::Zh) => "产品".to_owned(),
            ("region", Lang::Zh) => "区域".to_owned(),
            ("province", Lang::Zh) => "省份".to_owned(),
            ("city", Lang::Zh) => "城市".to_owned(),
            ("channel", Lang::Zh) => "渠道".to_owned(),
            ("account", Lang::Zh) => "客户".to_owned(),
            ("region_group", Lang::Zh) => "区域类别".to_owned(),
            (d, Lang::Zh) => d.to_owned(),
            // `Region group`, from the report's dimension names.
            (d, Lang::En) => {
                let name = self.l.opt(&format!("dim.{d}")).unwrap_or(d);
                let mut c = name.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        };
        if b.items.iter().any(|i| i.parent.is_some()) {
            self.l.fmt("review.detail", &[("name", &label)])
        } else {
            label
        }
    }

    /// The money unit every target of the review is written in, when all of them are
    /// money: their tables then print bare figures under one unit note, as the other
    /// money tables do, and a nine-column table's figures do not wrap around their unit.
    fn money_unit(&self) -> Option<&str> {
        let first = self.review.targets.first()?;
        let all = self
            .review
            .targets
            .iter()
            .all(|t| t.money && t.unit == first.unit);
        all.then_some(first.unit.as_str())
    }

    fn targets(&self) -> Block {
        let r = self.review;
        let partial = r.partial;
        let unit = self.money_unit();
        let amount = |a: Option<&super::compute::Amount>| match unit {
            Some(_) => opt(a),
            None => optd(a),
        };
        let mut columns = vec![
            Column::new(self.c("metric"), "left", 4),
            Column::new(self.c("annual"), "right", 2),
        ];
        if partial {
            columns.push(Column::new(self.c("target_to_date"), "right", 2));
        }
        columns.extend([
            Column::new(self.c("actual"), "right", 2),
            Column::new(self.c("attainment"), "right", 2),
            Column::new(self.c("variance"), "right", 2),
            Column::new(self.c("last_year"), "right", 2),
            Column::new(self.c("growth"), "right", 2),
            Column::new(self.c("status"), "left", 2).measuring(Measure::Status),
        ]);
        let rows = r
            .targets
            .iter()
            .map(|t| {
                let mut cells = vec![Cell::text(&t.name), Cell::text(amount(Some(&t.target)))];
                if partial {
                    cells.push(Cell::text(amount(Some(&t.target_to_date))));
                }
                cells.extend([
                    Cell::text(amount(t.actual.as_ref())),
                    Cell::text(optp(t.attainment.as_ref())),
                    Cell::signed(amount(t.variance.as_ref())),
                    Cell::text(amount(t.last_year.as_ref())),
                    Cell::signed(optp(t.growth.as_ref())),
                    self.light(t.status),
                ]);
                Row::body(cells)
            })
            .collect();
        // Part-way through the year the date and the months elapsed are said once: under
        // the forecast (1.2) when the document shows it, which the run rate needs.
        let mut highlights = vec![self.summary_line()];
        if partial && !self.forecast_shown {
            highlights.push(self.partial_note());
        }
        Block {
            caption: None,
            columns,
            rows,
            note: Some(self.note(unit, partial)),
            highlights,
            chart: None,
        }
    }

    /// `目标 1 项：绿灯 0、黄灯 1、红灯 0；关键指标 25 项：达成 17、未达成 8。`: every count
    /// in the words the tables use, so each can be checked against their rows.
    fn summary_line(&self) -> String {
        let s = &self.review.summary;
        let count = |key: &str, n: usize| {
            self.l.fmt(
                "review.count",
                &[("what", &self.l.get(key)), ("n", &n.to_string())],
            )
        };
        let sep = self.l.get("review.count_sep");
        let mut targets = vec![
            count("review.light_green", s.green),
            count("review.light_amber", s.amber),
            count("review.light_red", s.red),
        ];
        if s.targets_without_actual > 0 {
            targets.push(count("review.verdict_missing", s.targets_without_actual));
        }
        let mut kpis = vec![
            count("review.verdict_pass", s.kpis_passed),
            count("review.verdict_fail", s.kpis_failed),
        ];
        for (key, n) in [
            ("review.verdict_on_track", s.kpis_on_track),
            ("review.verdict_behind", s.kpis_behind),
            ("review.verdict_missing", s.kpis_without_actual),
        ] {
            if n > 0 {
                kpis.push(count(key, n));
            }
        }
        self.l.fmt(
            "review.summary",
            &[
                ("targets", &s.targets.to_string()),
                ("target_counts", &targets.join(&sep)),
                ("kpis", &s.kpis.to_string()),
                ("kpi_counts", &kpis.join(&sep)),
            ],
        )
    }

    fn partial_note(&self) -> String {
        let r = self.review;
        self.l.fmt(
            "review.partial",
            &[
                ("date", &r.as_of),
                ("elapsed", &r.elapsed_months.normalize().to_string()),
                ("months", &r.months.to_string()),
            ],
        )
    }

    fn forecast(&self) -> Option<Block> {
        let r = self.review;
        if !r.partial {
            return None;
        }
        let unit = self.money_unit();
        let amount = |a: Option<&super::compute::Amount>| match unit {
            Some(_) => opt(a),
            None => optd(a),
        };
        let columns = vec![
            Column::new(self.c("metric"), "left", 4),
            Column::new(self.c("annual"), "right", 2),
            Column::new(self.c("target_to_date"), "right", 2),
            Column::new(self.c("actual"), "right", 2),
            Column::new(self.c("attainment"), "right", 2),
            Column::new(self.c("progress"), "right", 2),
            Column::new(self.c("forecast"), "right", 2),
            Column::new(self.c("forecast_attainment"), "right", 2),
            Column::new(self.c("forecast_status"), "left", 2).measuring(Measure::Status),
        ];
        let rows = r
            .targets
            .iter()
            .map(|t| Row {
                cells: vec![
                    Cell::text(&t.name),
                    Cell::text(amount(Some(&t.target))),
                    Cell::text(amount(Some(&t.target_to_date))),
                    Cell::text(amount(t.actual.as_ref())),
                    Cell::text(optp(t.attainment.as_ref())),
                    Cell::text(optp(t.progress.as_ref())),
                    Cell::text(amount(t.forecast.as_ref().map(|f| &f.value))),
                    Cell::text(optp(
                        t.forecast.as_ref().and_then(|f| f.attainment.as_ref()),
                    )),
                    self.light(t.forecast.as_ref().map_or(Light::None, |f| f.status)),
                ],
                kind: "body",
                depth: 0,
            })
            .collect();
        let mut note = self.partial_note();
        if let Some(u) = unit {
            note = format!("{}{note}", self.l.fmt("review.unit_note", &[("unit", u)]));
        }
        if r.targets
            .iter()
            .any(|t| t.forecast.as_ref().is_some_and(|f| f.rounded))
        {
            note = format!("{note}{}", self.l.get("review.forecast_rounded"));
        }
        Some(Block {
            caption: None,
            columns,
            rows,
            note: Some(note),
            highlights: Vec::new(),
            chart: None,
        })
    }

    fn kpis(&mut self, kpis: &[&KpiResult], grouped: bool) -> Block {
        self.shown.extend(kpis.iter().map(|k| k.id.clone()));
        let mut columns = vec![Column::new(self.c("metric"), "left", 5)];
        if grouped {
            columns.push(Column::new(self.c("group"), "left", 3));
        }
        columns.extend([
            Column::new(self.c("target"), "right", 2),
            Column::new(self.c("actual"), "right", 2),
            Column::new(self.c("closeness"), "right", 2),
            Column::new(self.c("verdict"), "left", 2).measuring(Measure::Status),
            Column::new(self.c("status"), "left", 2).measuring(Measure::Status),
        ]);
        let strategies = self.base.all_strategies();
        let rows = kpis
            .iter()
            .map(|k| {
                let mut cells = vec![Cell::text(&k.metric)];
                if grouped {
                    let g = k
                        .strategy
                        .as_ref()
                        .and_then(|id| strategies.iter().find(|s| s.id.as_str() == id))
                        .map(|s| s.name.clone())
                        .or_else(|| k.group.clone())
                        .unwrap_or_default();
                    cells.push(Cell::text(g));
                }
                let target = match (&k.comparator, &k.target) {
                    (Some(c), Some(t)) if c != "~" => format!("{c} {t}"),
                    (_, Some(t)) => t.clone(),
                    _ => "—".into(),
                };
                cells.extend([
                    Cell::text(target),
                    Cell::text(optd(k.actual.as_ref())),
                    Cell::text(optp(k.attainment.as_ref())),
                    Cell::text(self.l.get(&format!("review.verdict_{}", k.verdict))),
                    self.light(k.status),
                ]);
                Row::body(cells)
            })
            .collect();
        let mut note = self.l.get("review.kpi_note");
        if kpis.iter().any(|k| k.target_to_date.is_some()) {
            let r = self.review;
            note.push_str(&self.l.fmt(
                "review.kpi_note_partial",
                &[
                    ("date", &r.as_of),
                    ("elapsed", &r.elapsed_months.normalize().to_string()),
                    ("months", &r.months.to_string()),
                ],
            ));
        }
        Block {
            caption: None,
            columns,
            rows,
            note: Some(note),
            highlights: Vec::new(),
            chart: None,
        }
    }
}
