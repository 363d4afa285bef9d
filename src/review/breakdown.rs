//! The detail tables of one target in a review: its periods (quarters or months) and
//! each breakdown (regions, products, …) with share, contribution and a chart. Shares
//! and contributions are of the target the breakdown splits, whatever the nesting.

use rust_decimal::Decimal;

use super::chart::{self, Bar};
use super::compute::{ItemResult, Light, TargetResult};
use super::tables::{opt, optd, optp, Builder};
use crate::model::Lang;
use crate::render::figures::{Block, Cell, Row};
use crate::render::view::{Column, Measure};

impl Builder<'_> {
    fn next_chart(
        &mut self,
        title: &str,
        unit: &str,
        bars: &[Bar],
        legend: (String, String),
        key: &str,
        factor: Decimal,
    ) -> Option<crate::render::chart::Chart> {
        let number = self.charts + 1;
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

    /// A target's quarters (or months). When the plan splits no target over them, the
    /// table shows what there is — actual, last year, growth — and says so: no column of
    /// dashes, no chart captioned "target and actual" without a target.
    pub(super) fn periods(&mut self, t: &TargetResult, title: &str) -> Block {
        let targeted = t.periods.iter().any(|p| p.target.is_some());
        let mut columns = vec![Column::new(self.c("period"), "left", 2)];
        if targeted {
            columns.push(Column::new(self.c("target"), "right", 2));
        }
        columns.push(Column::new(self.c("actual"), "right", 2));
        if targeted {
            columns.push(Column::new(self.c("attainment"), "right", 2));
        }
        columns.push(Column::new(self.c("last_year"), "right", 2));
        columns.push(Column::new(self.c("growth"), "right", 2));
        if targeted {
            columns.push(Column::new(self.c("status"), "left", 2).measuring(Measure::Status));
        }
        let rows = t
            .periods
            .iter()
            .map(|p| {
                let mut cells = vec![Cell::text(&p.period)];
                if targeted {
                    cells.push(Cell::text(opt(p.target.as_ref())));
                }
                cells.push(Cell::text(opt(p.actual.as_ref())));
                if targeted {
                    cells.push(Cell::text(optp(p.attainment.as_ref())));
                }
                cells.push(Cell::text(opt(p.last_year.as_ref())));
                cells.push(Cell::signed(optp(p.growth.as_ref())));
                if targeted {
                    cells.push(self.light(p.status));
                }
                Row::body(cells)
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
        let caption = if targeted {
            "review.chart"
        } else {
            "review.chart_actual_only"
        };
        let chart = self.next_chart(title, &t.unit, &bars, legend, caption, self.factor(t));
        let note = if targeted {
            self.note(t.money.then_some(t.unit.as_str()), false)
        } else {
            let unit = t.unit.as_str();
            self.l.fmt("review.periods_untargeted", &[("unit", unit)])
        };
        Block {
            caption: None,
            columns,
            rows,
            note: Some(note),
            highlights: Vec::new(),
            chart,
        }
    }

    pub(super) fn breakdown(
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
        let mut columns = vec![Column::new(self.c("item"), "left", 3)];
        if nested {
            columns.push(Column::new(self.c("group"), "left", 2));
        }
        let segment = b.segment;
        let share_col = Column::new(self.l.fmt("review.col_share", &whole), "right", 2)
            .measuring(Measure::Share);
        if segment {
            columns.extend([
                Column::new(self.c("actual"), "right", 2).measuring(Measure::Money),
                share_col,
                Column::new(self.c("last_year"), "right", 2).measuring(Measure::Money),
                Column::new(self.c("growth"), "right", 2).measuring(Measure::Rate),
                Column::new(
                    self.l.fmt("review.col_growth_contribution", &whole),
                    "right",
                    2,
                )
                .measuring(Measure::Points),
            ]);
        } else {
            // Part-way through the year attainment and variance are of the target to
            // date, and so is the target the table shows beside them.
            let target_col = if self.review.partial {
                "target_to_date"
            } else {
                "target"
            };
            columns.extend([
                Column::new(self.c(target_col), "right", 2).measuring(Measure::Money),
                Column::new(self.c("actual"), "right", 2).measuring(Measure::Money),
                Column::new(self.c("attainment"), "right", 2).measuring(Measure::Rate),
                Column::new(self.c("variance"), "right", 2).measuring(Measure::Money),
                share_col,
                Column::new(self.c("last_year"), "right", 2).measuring(Measure::Money),
                Column::new(self.c("growth"), "right", 2).measuring(Measure::Rate),
                Column::new(self.l.fmt("review.col_contribution", &whole), "right", 2)
                    .measuring(Measure::Points),
                Column::new(self.c("status"), "left", 2).measuring(Measure::Status),
            ]);
        }
        let partial = self.review.partial;
        fn target_of(i: &ItemResult, partial: bool) -> Option<&super::compute::Amount> {
            if partial {
                i.target_to_date.as_ref()
            } else {
                i.target.as_ref()
            }
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
                    Cell::text(opt(target_of(i, partial))),
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
        // Part-way through the year the parts of the whole target total the target's own
        // target to date, as table 1.1 gives it: their own phasing need not add up to it.
        let target = if whole && partial {
            Some(t.target_to_date.value)
        } else {
            sum(&|i| target_of(i, partial).map(|a| a.value))
        };
        let shares = sum(&|i| i.share.as_ref().map(|p| p.value));
        let contributions = sum(&|i| i.contribution.as_ref().map(|p| p.value));
        // Parts of the whole target: its total is the target's own (which may carry last
        // year's figure where a new product has none).
        let last = match (whole, &t.last_year) {
            (true, Some(l)) => Some(l.value),
            _ => sum(&|i| i.last_year.as_ref().map(|a| a.value)),
        };
        if let Some(a) = actual {
            // Written as the items are (`compute::Units`): money in the document's format,
            // other figures with up to two decimals.
            let u = |v: Decimal| {
                if t.money {
                    self.review.money.amount(v)
                } else {
                    crate::num::dec(v, 2)
                }
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
                    .filter(|t| !t.is_zero())
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
        let key = if segment {
            "review.chart_ly"
        } else {
            "review.chart"
        };
        let chart = self.next_chart(title, &t.unit, &bars, legend, key, self.factor(t));
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
