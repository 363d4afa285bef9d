//! Checks over the joined actuals: quarters or months missing before the latest one
//! reported (P807), and parts that do not add up to their totals (P809).

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::join::{describe_cell, dim_word, join_list, Agg, Expect, Joined, Key, MetricKind};
use super::period::PeriodKey;
use super::{codes, ActualsFile, Field};
use crate::config::Tolerance;
use crate::diagnostics::Finding;
use crate::t;

impl Joined<'_> {
    /// P813: each file's own `as_of` within the plan period, and no row that begins
    /// after it.
    pub(super) fn check_as_of(&self, files: &[ActualsFile], out: &mut [Vec<Finding>]) {
        let pp = &self.scope.period;
        for (fi, file) in files.iter().enumerate() {
            let Some(as_of) = &file.as_of else { continue };
            let Some(date) = as_of.last() else { continue };
            if date < pp.start || date > pp.end {
                out[fi].push(
                    Finding::new(
                        &codes::AS_OF,
                        as_of.span,
                        t!(
                            "p813-outside",
                            as_of = as_of.raw.as_str(),
                            start = pp.start.to_string(),
                            end = pp.end.to_string()
                        ),
                    )
                    .label(t!("p813-outside-label"))
                    .help(t!("p813-outside-help")),
                );
                continue;
            }
            for (k, f) in self.facts.iter().chain(self.later.iter()) {
                if f.file != fi || !k.period.is_sub() {
                    continue;
                }
                let start = pp.month_start(k.period.months(pp).start);
                if start <= date {
                    continue;
                }
                let Some(row) = file.rows.get(f.row) else {
                    continue;
                };
                out[fi].push(
                    Finding::new(
                        &codes::AS_OF,
                        row.span(Field::Period),
                        t!(
                            "p813-after",
                            period = k.period.label(pp),
                            as_of = as_of.raw.as_str()
                        ),
                    )
                    .severity(crate::diagnostics::Severity::Warning)
                    .label(t!("p813-after-label"))
                    .with(as_of.span, t!("p813-after-label-as-of"))
                    .help(t!("p813-after-help")),
                );
            }
        }
    }

    pub(super) fn check_periods(
        &self,
        files: &[ActualsFile],
        explicit: Option<NaiveDate>,
        out: &mut [Vec<Finding>],
    ) {
        let pp = &self.scope.period;
        // The latest sub-period end per metric.
        let mut latest: HashMap<usize, NaiveDate> = HashMap::new();
        for k in self.facts.keys().filter(|k| k.period.is_sub()) {
            let e = k.period.end(pp);
            let l = latest.entry(k.metric).or_insert(e);
            *l = (*l).max(e);
        }
        let mut cells: Vec<(usize, Option<(usize, usize)>)> = self
            .facts
            .keys()
            .filter(|k| k.period.is_sub())
            .map(|k| (k.metric, k.cell))
            .collect();
        cells.dedup();
        for (metric, cell) in cells {
            let until = explicit.map_or(latest[&metric], |e| e.min(pp.end));
            let periods: Vec<PeriodKey> = self
                .cell_facts(metric, cell)
                .map(|(k, _)| k.period)
                .filter(|p| p.is_sub())
                .collect();
            // A half stands for its months only when nothing finer is given inside it
            // (then the finer periods are the figures, and the rest of the half is missing).
            let finer_in = |h: &PeriodKey| {
                let hm = h.months(pp);
                periods.iter().any(|p| {
                    !matches!(p, PeriodKey::Half(_))
                        && p.months(pp).start < hm.end
                        && hm.start < p.months(pp).end
                })
            };
            let has = |m: u32| {
                periods.iter().any(|p| {
                    p.months(pp).contains(&m) && !(matches!(p, PeriodKey::Half(_)) && finer_in(p))
                })
            };
            let by_month = periods.iter().all(|p| matches!(p, PeriodKey::Month(_)));
            let mut missing = Vec::new();
            if by_month {
                for m in 0..pp.months {
                    if pp.month_end(m) <= until && !has(m) {
                        missing.push(PeriodKey::Month(m).label(pp));
                    }
                }
            } else {
                for q in 1..=pp.quarters() {
                    let qk = PeriodKey::Quarter(q);
                    if qk.end(pp) <= until && !qk.months(pp).all(has) {
                        missing.push(qk.label(pp));
                    }
                }
            }
            if missing.is_empty() {
                continue;
            }
            let Some(first) = self.first_fact(metric, cell) else {
                continue;
            };
            let file = &files[first.file];
            let row = &file.rows[first.row];
            let have: Vec<String> = periods.iter().map(|p| p.label(pp)).collect();
            let what = describe_cell(&self.scope, metric, cell);
            out[first.file].push(
                Finding::new(
                    &codes::MISSING_PERIOD,
                    row.span(Field::Period),
                    t!(
                        "p807-message",
                        cell = what,
                        have = join_list(&have),
                        missing = join_list(&missing),
                        at = file.cell(row, Field::Period)
                    ),
                )
                .label(if by_month {
                    t!("p807-label-month")
                } else {
                    t!("p807-label-quarter")
                })
                .help(t!(
                    "p807-help",
                    count = missing.len(),
                    until = until.to_string()
                )),
            );
        }
    }

    pub(super) fn check_sums(
        &self,
        files: &[ActualsFile],
        tolerance: &Tolerance,
        out: &mut [Vec<Finding>],
    ) {
        let pp = &self.scope.period;
        for (mi, m) in self.scope.metrics.iter().enumerate() {
            let MetricKind::Target(t) = m.kind else {
                continue;
            };
            let fmt = |v: Decimal| crate::rules::fmt_base(v, &t.value, self.scope.unit);
            let agrees = |a: Decimal, b: Decimal| match m.expect {
                Expect::Money => (a - b).abs() <= tolerance.money_yuan,
                _ => a == b,
            };
            let mut cells: Vec<Option<(usize, usize)>> = vec![None];
            for (di, d) in m.dims.iter().enumerate() {
                cells.extend((0..d.items.len()).map(|ii| Some((di, ii))));
            }
            for cell in cells {
                // Each quarter given beside all its months: a subtotal that must agree.
                for q in 1..=pp.quarters() {
                    let Some(months) = self.quarter_months(mi, cell, q) else {
                        continue;
                    };
                    let Some(qf) = self.facts.get(&Key {
                        metric: mi,
                        cell,
                        period: PeriodKey::Quarter(q),
                    }) else {
                        continue;
                    };
                    if agrees(months, qf.value) {
                        continue;
                    }
                    let file = &files[qf.file];
                    let row = &file.rows[qf.row];
                    out[qf.file].push(
                        Finding::new(
                            &codes::SUM_MISMATCH,
                            row.span(Field::Value),
                            t!(
                                "p809-quarter",
                                cell = describe_cell(&self.scope, mi, cell),
                                quarter = PeriodKey::Quarter(q).label(pp),
                                value = fmt(qf.value),
                                sum = fmt(months),
                                at = file.cell(row, Field::Value)
                            ),
                        )
                        .label(t!("p809-quarter-label", sum = fmt(months)))
                        .help(t!("p809-quarter-help"))
                        .severity(crate::diagnostics::Severity::Error),
                    );
                }
                // Each half given beside both its quarters: a subtotal that must agree.
                for h in 1..=2u8 {
                    let hk = PeriodKey::Half(h);
                    let Some(quarters) = hk.quarters_of_half(pp) else {
                        continue;
                    };
                    let Some(sum) = self.half_quarters(mi, cell, quarters) else {
                        continue;
                    };
                    let Some(hf) = self.facts.get(&Key {
                        metric: mi,
                        cell,
                        period: hk,
                    }) else {
                        continue;
                    };
                    if agrees(sum, hf.value) {
                        continue;
                    }
                    let file = &files[hf.file];
                    let row = &file.rows[hf.row];
                    out[hf.file].push(
                        Finding::new(
                            &codes::SUM_MISMATCH,
                            row.span(Field::Value),
                            t!(
                                "p809-half",
                                cell = describe_cell(&self.scope, mi, cell),
                                half = hk.label(pp),
                                value = fmt(hf.value),
                                sum = fmt(sum),
                                at = file.cell(row, Field::Value)
                            ),
                        )
                        .label(t!("p809-half-label", sum = fmt(sum)))
                        .help(t!("p809-half-help"))
                        .severity(crate::diagnostics::Severity::Error),
                    );
                }
                // The full year against its quarters or months.
                let full = self.facts.get(&Key {
                    metric: mi,
                    cell,
                    period: PeriodKey::Full,
                });
                if let Some(full) = full {
                    let subs: Vec<Decimal> = (1..=pp.quarters())
                        .map_while(|q| {
                            let qk = PeriodKey::Quarter(q);
                            (qk.end(pp) <= self.as_of)
                                .then(|| self.period_actual(mi, cell, qk))
                                .flatten()
                        })
                        .collect();
                    let elapsed = (1..=pp.quarters())
                        .filter(|&q| PeriodKey::Quarter(q).end(pp) <= self.as_of)
                        .count();
                    let any_sub = self.cell_facts(mi, cell).any(|(k, _)| k.period.is_sub());
                    if any_sub && elapsed > 0 && subs.len() == elapsed {
                        let sum: Decimal = subs.iter().sum();
                        if !agrees(sum, full.value) {
                            let file = &files[full.file];
                            let row = &file.rows[full.row];
                            out[full.file].push(
                                Finding::new(
                                    &codes::SUM_MISMATCH,
                                    row.span(Field::Value),
                                    t!(
                                        "p809-year",
                                        cell = describe_cell(&self.scope, mi, cell),
                                        full = fmt(full.value),
                                        sum = fmt(sum),
                                        at = file.cell(row, Field::Value)
                                    ),
                                )
                                .label(t!("p809-year-label", sum = fmt(sum)))
                                .help(t!("p809-year-help"))
                                // A subtotal that disagrees with its parts: an error.
                                .severity(crate::diagnostics::Severity::Error),
                            );
                        }
                    }
                }
                // The total against the items of each full breakdown under it.
                let Some(total) = self.reported(mi, cell) else {
                    continue;
                };
                for (di, dim) in m.dims.iter().enumerate() {
                    if dim.partial || dim.segment {
                        continue;
                    }
                    let children: Vec<usize> = (0..dim.items.len())
                        .filter(|&ii| dim.items[ii].parent == cell)
                        .collect();
                    if children.is_empty() {
                        continue;
                    }
                    let parts: Option<Vec<Agg>> = children
                        .iter()
                        .map(|&ii| self.actual(mi, Some((di, ii))))
                        .collect();
                    let Some(parts) = parts else { continue };
                    let sum: Decimal = parts.iter().map(|p| p.value).sum();
                    if agrees(sum, total.value) {
                        continue;
                    }
                    let Some(first) = self.first_fact(mi, cell) else {
                        continue;
                    };
                    let file = &files[first.file];
                    let row = &file.rows[first.row];
                    out[first.file].push(
                        Finding::new(
                            &codes::SUM_MISMATCH,
                            row.span(Field::Value),
                            t!(
                                "p809-parts",
                                noun = crate::rules::dimension_noun(&dim.name),
                                dim = dim_word(&dim.name),
                                cell = describe_cell(&self.scope, mi, cell),
                                sum = fmt(sum),
                                total = fmt(total.value),
                                at = file.cell(row, Field::Value)
                            ),
                        )
                        .label(t!(
                            "p809-parts-label",
                            sum = fmt(sum),
                            dim = dim_word(&dim.name)
                        ))
                        .help(t!("p809-parts-help", dim = dim.name.as_str())),
                    );
                }
            }
        }
    }
}
