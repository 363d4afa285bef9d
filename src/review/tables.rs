//! The tables of a review: one [`Block`] of computed figures per `figures` entry — the
//! targets with the summary of lights and verdicts, the forecast, KPI verdicts, a
//! target's periods and its breakdowns — every cell already written out.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::chart::{self, Bar};
use super::compute::{ItemResult, KpiResult, Light, Review, TargetResult};
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
}

fn col(label: String, align: &'static str, weight: u8) -> Column {
    Column {
        label,
        align,
        weight,
        ..Default::default()
    }
}

fn opt(a: Option<&super::compute::Amount>) -> String {
    a.map_or_else(|| "—".into(), |a| a.number.clone())
}

fn optd(a: Option<&super::compute::Amount>) -> String {
    a.map_or_else(|| "—".into(), |a| a.display.clone())
}

fn optp(p: Option<&super::compute::Pct>) -> String {
    p.map_or_else(|| "—".into(), |p| p.display.clone())
}

impl Builder<'_> {
    /// What a value of `t` is divided by to be read in its unit (the money scale).
    fn factor(&self, t: &TargetResult) -> Decimal {
        if t.money {
            self.review.money.scale.factor()
        } else {
            Decimal::ONE
        }
    }

    pub(super) fn c(&self, key: &str) -> String {
        self.l.get(&format!("review.col_{key}"))
    }

    fn light(&self, l: Light) -> Cell {
        match l {
            Light::None => Cell::text("—"),
            l => Cell::light(
                self.l.get(&format!("review.light_{}", l.as_str())),
                l.as_str(),
            ),
        }
    }

    fn pct(&self, d: Decimal) -> String {
        format!("{}%", d.normalize())
    }

    fn note(&self, unit: Option<&str>, to_date: bool) -> String {
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

    fn dim_name(&self, b: &super::compute::BreakdownResult) -> String {
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

    fn targets(&self) -> Block {
        let r = self.review;
        let partial = r.partial;
        let mut columns = vec![
            col(self.c("metric"), "left", 4),
            col(self.c("annual"), "right", 2),
        ];
        if partial {
            columns.push(col(self.c("target_to_date"), "right", 2));
        }
        columns.extend([
            col(self.c("actual"), "right", 2),
            col(self.c("attainment"), "right", 2),
            col(self.c("variance"), "right", 2),
            col(self.c("last_year"), "right", 2),
            col(self.c("growth"), "right", 2),
            col(self.c("status"), "left", 2),
        ]);
        let rows = r
            .targets
            .iter()
            .map(|t| {
                let mut cells = vec![Cell::text(&t.name), Cell::text(&t.target.display)];
                if partial {
                    cells.push(Cell::text(&t.target_to_date.display));
                }
                cells.extend([
                    Cell::text(optd(t.actual.as_ref())),
                    Cell::text(optp(t.attainment.as_ref())),
                    Cell::signed(optd(t.variance.as_ref())),
                    Cell::text(optd(t.last_year.as_ref())),
                    Cell::signed(optp(t.growth.as_ref())),
                    self.light(t.status),
                ]);
                Row {
                    cells,
                    kind: "body",
                    depth: 0,
                }
            })
            .collect();
        let summary = self.summary_line();
        let mut highlights = vec![summary];
        if partial {
            highlights.push(self.partial_note());
        }
        Block {
            caption: None,
            columns,
            rows,
            note: Some(self.note(None, partial)),
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
        let columns = vec![
            col(self.c("metric"), "left", 4),
            col(self.c("annual"), "right", 2),
            col(self.c("target_to_date"), "right", 2),
            col(self.c("actual"), "right", 2),
            col(self.c("attainment"), "right", 2),
            col(self.c("progress"), "right", 2),
            col(self.c("forecast"), "right", 2),
            col(self.c("forecast_attainment"), "right", 2),
            col(self.c("status"), "left", 2),
        ];
        let rows = r
            .targets
            .iter()
            .map(|t| Row {
                cells: vec![
                    Cell::text(&t.name),
                    Cell::text(&t.target.display),
                    Cell::text(&t.target_to_date.display),
                    Cell::text(optd(t.actual.as_ref())),
                    Cell::text(optp(t.attainment.as_ref())),
                    Cell::text(optp(t.progress.as_ref())),
                    Cell::text(
                        t.forecast
                            .as_ref()
                            .map_or("—".into(), |f| f.value.display.clone()),
                    ),
                    Cell::text(optp(
                        t.forecast.as_ref().and_then(|f| f.attainment.as_ref()),
                    )),
                    self.light(t.forecast.as_ref().map_or(Light::None, |f| f.status)),
                ],
                kind: "body",
                depth: 0,
            })
            .collect();
        Some(Block {
            caption: None,
            columns,
            rows,
            note: Some(self.partial_note()),
            highlights: Vec::new(),
            chart: None,
        })
    }

    fn kpis(&mut self, kpis: &[&KpiResult], grouped: bool) -> Block {
        self.shown.extend(kpis.iter().map(|k| k.id.clone()));
        let mut columns = vec![col(self.c("metric"), "left", 5)];
        if grouped {
            columns.push(col(self.c("group"), "left", 3));
        }
        columns.extend([
            col(self.c("target"), "right", 2),
            col(self.c("actual"), "right", 2),
            col(self.c("closeness"), "right", 2),
            col(self.c("verdict"), "left", 2),
            col(self.c("status"), "left", 2),
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
                Row {
                    cells,
                    kind: "body",
                    depth: 0,
                }
            })
            .collect();
        Block {
            caption: None,
            columns,
            rows,
            note: Some(self.l.get("review.kpi_note")),
            highlights: Vec::new(),
            chart: None,
        }
    }

    fn next_chart(
        &mut self,
        title: &str,
        unit: &str,
        bars: &[Bar],
        legend: (String, String),
        against_last_year: bool,
        factor: Decimal,
    ) -> Option<crate::render::chart::Chart> {
        let number = self.charts + 1;
        let key = if against_last_year {
            "review.chart_ly"
        } else {
            "review.chart"
        };
        let caption_title = self.l.fmt(key, &[("name", title), ("unit", unit)]);
        let caption = self.l.fmt(
            "doc.caption",
            &[("n", &number.to_string()), ("title", &caption_title)],
        );
        let lights = ["green", "amber", "red"]
            .into_iter()
            .map(|l| {
                let light = self.l.get(&format!("review.light_{l}"));
                let entry = self.l.fmt(
                    "review.chart_actual_light",
                    &[("actual", &legend.1), ("light", &light)],
                );
                (l, entry)
            })
            .collect();
        let legend = chart::Legend {
            target: legend.0,
            actual: legend.1,
            lights,
        };
        let c = chart::plan_vs_actual(
            number,
            caption_title,
            caption,
            unit.to_owned(),
            &legend,
            factor,
            bars,
        )?;
        self.charts = number;
        Some(c)
    }

    fn periods(&mut self, t: &TargetResult, title: &str) -> Block {
        let columns = vec![
            col(self.c("period"), "left", 2),
            col(self.c("target"), "right", 2),
            col(self.c("actual"), "right", 2),
            col(self.c("attainment"), "right", 2),
            col(self.c("last_year"), "right", 2),
            col(self.c("growth"), "right", 2),
            col(self.c("status"), "left", 2),
        ];
        let rows = t
            .periods
            .iter()
            .map(|p| Row {
                cells: vec![
                    Cell::text(&p.period),
                    Cell::text(opt(p.target.as_ref())),
                    Cell::text(opt(p.actual.as_ref())),
                    Cell::text(optp(p.attainment.as_ref())),
                    Cell::text(opt(p.last_year.as_ref())),
                    Cell::signed(optp(p.growth.as_ref())),
                    self.light(p.status),
                ],
                kind: "body",
                depth: 0,
            })
            .collect();
        let bars: Vec<Bar> = t
            .periods
            .iter()
            .map(|p| Bar {
                key: p.period.clone(),
                label: p.period.clone(),
                target: p.target.as_ref().map(|a| a.value),
                actual: p.actual.as_ref().map(|a| a.value),
                actual_text: opt(p.actual.as_ref()),
                attainment_text: match (&p.attainment, &p.growth) {
                    (Some(a), _) => a.display.clone(),
                    (None, Some(g)) => format!("{} {}", self.c("growth"), g.display),
                    _ => "—".into(),
                },
                light: p.status.as_str(),
            })
            .collect();
        let legend = (
            self.l.get("review.chart_target"),
            self.l.get("review.chart_actual"),
        );
        let chart = self.next_chart(title, &t.unit, &bars, legend, false, self.factor(t));
        Block {
            caption: None,
            columns,
            rows,
            note: Some(self.note(Some(&t.unit), false)),
            highlights: Vec::new(),
            chart,
        }
    }

    fn breakdown(
        &mut self,
        t: &TargetResult,
        b: &super::compute::BreakdownResult,
        title: &str,
    ) -> Block {
        let nested = b.items.iter().any(|i| i.parent.is_some());
        let name_of = |key: &str| {
            b.items
                .iter()
                .find(|i| i.key == key)
                .map(|i| i.name.clone())
                .unwrap_or_else(|| key.to_owned())
        };
        let parent_name = |i: &ItemResult| -> String {
            let Some(p) = &i.parent else {
                return String::new();
            };
            t.breakdowns
                .iter()
                .flat_map(|x| &x.items)
                .find(|x| &x.key == p)
                .map(|x| x.name.clone())
                .unwrap_or_else(|| p.clone())
        };
        // Every relative figure is of the whole the table breaks down — its total row,
        // `合计`, which the headers name and the note names as the target — whatever the
        // nesting.
        let whole = [("whole", t.name.as_str())];
        let mut columns = vec![col(self.c("item"), "left", 3)];
        if nested {
            columns.push(col(self.c("group"), "left", 2));
        }
        let segment = b.segment;
        let share_col =
            col(self.l.fmt("review.col_share", &whole), "right", 2).measuring(Measure::Share);
        if segment {
            columns.extend([
                col(self.c("actual"), "right", 2).measuring(Measure::Money),
                share_col,
                col(self.c("last_year"), "right", 2).measuring(Measure::Money),
                col(self.c("growth"), "right", 2).measuring(Measure::Rate),
                col(
                    self.l.fmt("review.col_growth_contribution", &whole),
                    "right",
                    2,
                )
                .measuring(Measure::Points),
            ]);
        } else {
            columns.extend([
                col(self.c("target"), "right", 2).measuring(Measure::Money),
                col(self.c("actual"), "right", 2).measuring(Measure::Money),
                col(self.c("attainment"), "right", 2).measuring(Measure::Rate),
                col(self.c("variance"), "right", 2).measuring(Measure::Money),
                share_col,
                col(self.c("last_year"), "right", 2).measuring(Measure::Money),
                col(self.c("growth"), "right", 2).measuring(Measure::Rate),
                col(self.l.fmt("review.col_contribution", &whole), "right", 2)
                    .measuring(Measure::Points),
                col(self.c("status"), "left", 2),
            ]);
        }
        let points = |p: Option<&super::compute::Pct>| {
            p.map_or_else(|| "—".into(), |p| super::compute::points_number(p.value))
        };
        let row_of = |i: &ItemResult, label: String, group: String, kind: &'static str| {
            let mut cells = vec![Cell::text(label)];
            if nested {
                cells.push(Cell::text(group));
            }
            if segment {
                cells.extend([
                    Cell::text(opt(i.actual.as_ref())),
                    Cell::text(optp(i.share.as_ref())),
                    Cell::text(opt(i.last_year.as_ref())),
                    Cell::signed(optp(i.growth.as_ref())),
                    Cell::signed(points(i.contribution.as_ref())),
                ]);
            } else {
                cells.extend([
                    Cell::text(opt(i.target.as_ref())),
                    Cell::text(opt(i.actual.as_ref())),
                    Cell::text(optp(i.attainment.as_ref())),
                    Cell::signed(opt(i.variance.as_ref())),
                    Cell::text(optp(i.share.as_ref())),
                    Cell::text(opt(i.last_year.as_ref())),
                    Cell::signed(optp(i.growth.as_ref())),
                    Cell::signed(points(i.contribution.as_ref())),
                    self.light(i.status),
                ]);
            }
            Row {
                cells,
                kind,
                depth: 0,
            }
        };
        // Nested items come group by group, each group closed by its subtotal — the
        // group's own figures, labelled as a subtotal, never added into the total.
        let mut rows: Vec<Row> = Vec::new();
        let mut groups: Vec<Option<&String>> = Vec::new();
        for i in &b.items {
            if !groups.contains(&i.parent.as_ref()) {
                groups.push(i.parent.as_ref());
            }
        }
        for g in groups {
            for i in b.items.iter().filter(|i| i.parent.as_ref() == g) {
                rows.push(row_of(i, i.name.clone(), parent_name(i), "body"));
            }
            let parent = g.and_then(|p| {
                t.breakdowns
                    .iter()
                    .filter(|x| !std::ptr::eq(*x, b))
                    .flat_map(|x| &x.items)
                    .find(|x| &x.key == p)
            });
            if let Some(p) = parent {
                let label = self.l.fmt("review.subtotal", &[("name", &p.name)]);
                rows.push(row_of(p, label, String::new(), "sub"));
            }
        }
        // The total row: the parts added up, when every part has its figure.
        let sum = |f: &dyn Fn(&ItemResult) -> Option<Decimal>| -> Option<Decimal> {
            b.items.iter().map(f).sum::<Option<Decimal>>()
        };
        let whole = !segment && !nested && !b.partial;
        let actual = sum(&|i| i.actual.as_ref().map(|a| a.value));
        let target = sum(&|i| i.target.as_ref().map(|a| a.value));
        let shares = sum(&|i| i.share.as_ref().map(|p| p.value));
        let contributions = sum(&|i| i.contribution.as_ref().map(|p| p.value));
        // Parts of the whole target: its total is the target's own (which may carry last
        // year's figure where a new product has none).
        let last = match (whole, &t.last_year) {
            (true, Some(l)) => Some(l.value),
            _ => sum(&|i| i.last_year.as_ref().map(|a| a.value)),
        };
        if let Some(a) = actual {
            let u = |v: Decimal| {
                if t.money {
                    return self.review.money.amount(v);
                }
                // Written like the items: find one item's scale from its number/value.
                b.items
                    .iter()
                    .find_map(|i| i.actual.as_ref().filter(|x| !x.value.is_zero()))
                    .map(|x| scale(v, x))
                    .unwrap_or_else(|| v.normalize().to_string())
            };
            let growth = last
                .filter(|l| *l > Decimal::ZERO)
                .map(|l| super::compute::signed_pct((a - l) * Decimal::ONE_HUNDRED / l).display);
            let share_total = shares
                .map(|s| super::compute::pct(s).display)
                .unwrap_or_else(|| "—".into());
            let points_total = contributions
                .map(super::compute::points_number)
                .unwrap_or_else(|| "—".into());
            let mut cells = vec![Cell::text(self.l.get("review.total"))];
            if nested {
                cells.push(Cell::text(""));
            }
            if segment {
                cells.extend([
                    Cell::text(u(a)),
                    Cell::text(share_total),
                    Cell::text(last.map(u).unwrap_or_else(|| "—".into())),
                    Cell::signed(growth.unwrap_or_else(|| "—".into())),
                    Cell::signed(points_total),
                ]);
            } else {
                let att = target
                    .filter(|t| !t.is_zero() && !self.review.partial)
                    .map(|t| a * Decimal::ONE_HUNDRED / t);
                cells.extend([
                    Cell::text(target.map(u).unwrap_or_else(|| "—".into())),
                    Cell::text(u(a)),
                    Cell::text(
                        att.map(|x| super::compute::att(x, &self.thresholds).display)
                            .unwrap_or_else(|| "—".into()),
                    ),
                    Cell::signed(
                        target
                            .filter(|_| !self.review.partial)
                            .map(|t| {
                                let v = u(a - t);
                                if a > t {
                                    format!("+{v}")
                                } else {
                                    v
                                }
                            })
                            .unwrap_or_else(|| "—".into()),
                    ),
                    Cell::text(share_total),
                    Cell::text(last.map(u).unwrap_or_else(|| "—".into())),
                    Cell::signed(growth.unwrap_or_else(|| "—".into())),
                    Cell::signed(points_total),
                    att.map(|x| self.light(Light::of(Some(x), &self.thresholds)))
                        .unwrap_or_else(|| Cell::text("")),
                ]);
            }
            rows.push(Row {
                cells,
                kind: "total",
                depth: 0,
            });
        }
        let zh = self.lang == Lang::Zh;
        let names = |keys: &[String], with: &dyn Fn(&ItemResult) -> String| -> String {
            keys.iter()
                .filter_map(|k| b.items.iter().find(|i| &i.key == k))
                .map(|i| match zh {
                    true => format!("{}（{}）", name_of(&i.key), with(i)),
                    false => format!("{} ({})", name_of(&i.key), with(i)),
                })
                .collect::<Vec<_>>()
                .join(if zh { "、" } else { ", " })
        };
        let mut highlights = Vec::new();
        let colon = self.l.get("doc.colon");
        if segment {
            let delta = |i: &ItemResult| optp(i.contribution.as_ref());
            if !b.top.is_empty() {
                highlights.push(format!(
                    "{}{colon}{}",
                    self.l.get("review.grew"),
                    names(&b.top, &delta)
                ));
            }
            if !b.bottom.is_empty() {
                highlights.push(format!(
                    "{}{colon}{}",
                    self.l.get("review.shrank"),
                    names(&b.bottom, &delta)
                ));
            }
        } else {
            let var = |i: &ItemResult| optd(i.variance.as_ref());
            if !b.top.is_empty() {
                highlights.push(format!(
                    "{}{colon}{}",
                    self.l.get("review.top"),
                    names(&b.top, &var)
                ));
            }
            if !b.bottom.is_empty() {
                highlights.push(format!(
                    "{}{colon}{}",
                    self.l.get("review.bottom"),
                    names(&b.bottom, &var)
                ));
            }
        }
        let bars: Vec<Bar> = b
            .items
            .iter()
            .map(|i| Bar {
                key: i.key.clone(),
                label: i.name.clone(),
                target: if segment {
                    i.last_year.as_ref().map(|a| a.value)
                } else {
                    i.target_to_date.as_ref().map(|a| a.value)
                },
                actual: i.actual.as_ref().map(|a| a.value),
                actual_text: opt(i.actual.as_ref()),
                attainment_text: if segment {
                    optp(i.growth.as_ref())
                } else {
                    optp(i.attainment.as_ref())
                },
                light: if segment { "none" } else { i.status.as_str() },
            })
            .collect();
        let legend = if segment {
            (self.c("last_year"), self.l.get("review.chart_actual"))
        } else {
            (
                self.l.get("review.chart_target"),
                self.l.get("review.chart_actual"),
            )
        };
        let chart = self.next_chart(title, &t.unit, &bars, legend, segment, self.factor(t));
        let note = if segment {
            self.l.fmt("review.segment_note", &[("unit", &t.unit)])
        } else {
            format!(
                "{}{}",
                self.note(Some(&t.unit), self.review.partial),
                self.l.fmt("review.relative_note", &[("whole", &t.name)])
            )
        };
        Block {
            caption: None,
            columns,
            rows,
            note: Some(note),
            highlights,
            chart,
        }
    }
}

/// A total written in the same scale as an item (`x.number` is `x.value` in the unit).
fn scale(v: Decimal, like: &super::compute::Amount) -> String {
    let shown: Decimal = like
        .number
        .replace([',', '+'], "")
        .parse()
        .unwrap_or(like.value);
    if shown.is_zero() {
        return v.normalize().to_string();
    }
    let factor = like.value / shown;
    let x = (v / factor).round_dp(4).normalize();
    let s = x.to_string();
    // Group thousands like the other cells.
    match s.split_once('.') {
        Some((i, f)) => format!("{}.{f}", group(i)),
        None => group(&s),
    }
}

fn group(int: &str) -> String {
    // A real minus sign, as `num` writes it.
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("\u{2212}", d));
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
