//! P919, a plan's monthly series against its quarterly and full-year files: the months
//! the monthly exports of one plan give (the series the monthly report reads) add up, for
//! each quarter, to what a quarterly file of the same plan states for that quarter, and
//! to a full-year row whose file runs to the end of the months given.
//!
//! Only whole spans are compared. A quarter the series gives one or two months of is said
//! to be not compared (a warning at the quarter's cell; a month missing before the latest
//! one is also P807); a full-year row is compared only when the series gives every month
//! up to its file's date (as between two files, a year to another date is not the same
//! figure). A month that two monthly files give differently is P919 between those files,
//! and its quarter is not added up from either.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::actuals_agree::{is_money, slack, Joined};
use super::codes::ACTUALS_AGREE;
use super::{FileId, Workspace};
use crate::actuals::join::{describe_key, Expect, Fact, MetricKind};
use crate::actuals::period::PeriodKey;
use crate::actuals::Field;
use crate::diagnostics::{Finding, Severity};
use crate::t;

/// A metric and a breakdown cell of it.
type Cell = (usize, Option<(usize, usize)>);

/// A month of the series: each monthly file that gives it, and its fact there.
type Given<'j, 'a> = Vec<(&'j Joined<'a>, &'j Fact)>;
/// A month of a span added up: its index, the file it is read from and its fact.
type Part<'j, 'a> = (u32, &'j Joined<'a>, &'j Fact);

/// Can a span's figure be added up from its months? Money, and counts that build up (not
/// a count its metric states per month, such as 每月协访天数, nor a rate).
fn additive(j: &Joined, metric: usize) -> bool {
    if is_money(&j.scope, metric) {
        return true;
    }
    let m = &j.scope.metrics[metric];
    match (m.kind, &m.expect) {
        (MetricKind::Target(_), Expect::Count(_)) => true,
        (MetricKind::Kpi(k), Expect::Count(_)) => {
            !crate::review::compute::per_period(&k.metric.value)
        }
        _ => false,
    }
}

/// Every finding of one plan's files, by the file it is reported in.
pub(super) fn check(ws: &Workspace, js: &[Joined], out: &mut HashMap<FileId, Vec<Finding>>) {
    let (series, others): (Vec<&Joined>, Vec<&Joined>) = js
        .iter()
        .partition(|j| super::reviews::is_months(j.actuals));
    if series.is_empty() {
        return;
    }
    // The series: each cell's months, and the files that give each.
    let mut months: HashMap<Cell, BTreeMap<u32, Given>> = HashMap::new();
    for j in &series {
        for (k, f, _) in &j.facts {
            if let PeriodKey::Month(m) = k.period {
                months
                    .entry((k.metric, k.cell))
                    .or_default()
                    .entry(m)
                    .or_default()
                    .push((j, f));
            }
        }
    }
    for j in others {
        let pp = &j.scope.period;
        for (k, f, derived) in &j.facts {
            if *derived || !additive(j, k.metric) {
                continue;
            }
            let Some(given) = months.get(&(k.metric, k.cell)) else {
                continue;
            };
            let span = match k.period {
                PeriodKey::Quarter(_) => k.period.months(pp),
                // The year to the file's date, when that date ends a month the series gives.
                PeriodKey::Full => {
                    let Some(to) = j.coverage else { continue };
                    let Some(last) = (0..pp.months).find(|&m| pp.month_end(m) == to) else {
                        continue;
                    };
                    if !(0..=last).all(|m| given.contains_key(&m)) {
                        continue;
                    }
                    0..last + 1
                }
                _ => continue,
            };
            let have: Vec<u32> = span.clone().filter(|m| given.contains_key(m)).collect();
            if have.is_empty() {
                continue;
            }
            let what = || describe_key(&j.scope, k);
            if have.len() < span.len() {
                let missing: Vec<String> = span
                    .clone()
                    .filter(|m| !given.contains_key(m))
                    .map(|m| PeriodKey::Month(m).label(pp))
                    .collect();
                let have: Vec<String> = have
                    .iter()
                    .map(|&m| PeriodKey::Month(m).label(pp))
                    .collect();
                push_partial(ws, j, f, what(), &have, &missing, out);
                continue;
            }
            // Each month once: where two files give it differently, the months disagree
            // (P919 between them) and the quarter is not added up from either.
            let tol = slack(ws, &j.scope, k.metric);
            let parts: Option<Vec<Part>> = span
                .clone()
                .map(|m| {
                    let g = &given[&m];
                    let (first, fact) = g[0];
                    g.iter()
                        .all(|(_, o)| (o.value - fact.value).abs() <= tol)
                        .then_some((m, first, fact))
                })
                .collect();
            let Some(parts) = parts else { continue };
            let sum: Decimal = parts.iter().map(|(_, _, p)| p.value).sum();
            if (sum - f.value).abs() <= tol {
                continue;
            }
            push(ws, j, f, k.metric, what(), &parts, sum, out);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn push(
    ws: &Workspace,
    here: &Joined,
    fact: &Fact,
    metric: usize,
    what: String,
    parts: &[Part],
    sum: Decimal,
    out: &mut HashMap<FileId, Vec<Finding>>,
) {
    let Some(row) = here.actuals.rows.get(fact.row) else {
        return;
    };
    let money = is_money(&here.scope, metric);
    let pp = &here.scope.period;
    // Every figure in the plan's money unit (a wide sheet's cell says its unit only in
    // its title), counts as plain numbers.
    let show = |v: Decimal| {
        if money {
            crate::rules::fmt_in(v, here.scope.plan.money_unit())
        } else {
            v.normalize().to_string()
        }
    };
    let finding = crate::i18n::scope(ws.lang_of(here.file), || {
        let mut files: Vec<String> = Vec::new();
        let mut written: Vec<String> = Vec::new();
        for (m, j, p) in parts {
            let name = crate::source::display_path(&ws.files[j.file].path);
            if !files.contains(&name) {
                files.push(name);
            }
            let month = PeriodKey::Month(*m).label(pp);
            written.push(format!("{month} {}", show(p.value)));
        }
        let mut f = Finding::new(
            &ACTUALS_AGREE,
            row.span(Field::Value),
            t!(
                "p919-months",
                what = what,
                value = show(fact.value),
                sum = show(sum)
            ),
        )
        .label(t!("p919-months-label"));
        for (_, j, p) in parts {
            if let (Some(src), Some(r)) = (&j.actuals.source, j.actuals.rows.get(p.row)) {
                f = f.with_in(src, r.span(Field::Value), t!("p919-months-label-month"));
            }
        }
        f.help(t!(
            "p919-months-help",
            files = crate::actuals::join::join_list(&files),
            parts = written.join(" + "),
            sum = show(sum),
            value = show(fact.value)
        ))
    });
    out.entry(here.file).or_default().push(finding);
}

fn push_partial(
    ws: &Workspace,
    here: &Joined,
    fact: &Fact,
    what: String,
    have: &[String],
    missing: &[String],
    out: &mut HashMap<FileId, Vec<Finding>>,
) {
    let Some(row) = here.actuals.rows.get(fact.row) else {
        return;
    };
    let finding = crate::i18n::scope(ws.lang_of(here.file), || {
        Finding::new(
            &ACTUALS_AGREE,
            row.span(Field::Value),
            t!(
                "p919-months-partial",
                what = what,
                have = crate::actuals::join::join_list(have),
                missing = crate::actuals::join::join_list(missing)
            ),
        )
        .severity(Severity::Warning)
        .label(t!("p919-months-partial-label"))
        .help(t!("p919-months-partial-help"))
    });
    out.entry(here.file).or_default().push(finding);
}
