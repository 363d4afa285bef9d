//! P919: two actuals files that state the same figure must agree — two files of one plan
//! (a full-year file and a Q3 file restating Q2), or a parent's row for a child's item
//! and the child's own file (the company's CSV row for 华南 and 华南's file).
//!
//! Each actuals file is joined to its plan on its own (as `check` does), and the facts of
//! the files are compared key by key: the same target (or the parent target's item), the
//! same quarter or month; full-year rows only between files that run to the same date.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use rust_decimal::Decimal;

use super::codes::ACTUALS_AGREE;
use super::reviews::plan_of_actuals;
use super::rollup::filled;
use super::{FileId, Role, Workspace};
use crate::actuals::join::{self, describe_key, Fact, Key, Scope};
use crate::actuals::period::PeriodKey;
use crate::actuals::{ActualsFile, Field};
use crate::diagnostics::Finding;
use crate::model::Plan;
use crate::t;

/// A fact, and whether planc added it up rather than read it from one row.
type Stated = (Key, Fact, bool);
/// A metric and a breakdown cell of it.
type Cell = (usize, Option<(usize, usize)>);

/// One actuals file joined to its plan on its own.
pub(super) struct Joined<'a> {
    pub(super) file: FileId,
    pub(super) actuals: &'a ActualsFile,
    pub(super) scope: Scope<'a>,
    /// Each fact, and whether planc added it up (a full year from four quarters)
    /// rather than read it from one row.
    pub(super) facts: Vec<(Key, Fact, bool)>,
    /// The date its full-year rows run to.
    pub(super) coverage: Option<NaiveDate>,
}

fn joined<'a>(ws: &'a Workspace, plan: &'a Plan, file: FileId) -> Option<Joined<'a>> {
    let actuals = ws.files[file].actuals.as_ref()?;
    let mut copy = [actuals.clone()];
    let j = join::join(
        Scope::new(plan, &[]).with_aliases(&ws.config.aliases),
        &mut copy,
        None,
        &ws.config.tolerance,
    );
    let coverage = j.coverage.first().copied();
    let mut facts: Vec<(Key, Fact, bool)> = j
        .facts
        .iter()
        .chain(j.later.iter())
        .map(|(k, f)| (*k, *f, false))
        .collect();
    facts.extend(full_years(&j.scope, &facts));
    Some(Joined {
        file,
        actuals,
        scope: Scope::new(plan, &[]).with_aliases(&ws.config.aliases),
        facts,
        coverage,
    })
}

/// The full year of each additive cell that states all four quarters and no full year
/// (a wide sheet whose `合计` column is only checked against its quarters).
fn full_years(scope: &Scope, facts: &[Stated]) -> Vec<Stated> {
    let quarters = scope.period.quarters();
    let mut cells: HashMap<Cell, Vec<&Stated>> = HashMap::new();
    for f in facts {
        cells.entry((f.0.metric, f.0.cell)).or_default().push(f);
    }
    let mut out = Vec::new();
    for ((metric, cell), fs) in cells {
        let m = &scope.metrics[metric];
        let additive = m.is_target() || matches!(m.expect, join::Expect::Count(_));
        if !additive || fs.iter().any(|f| f.0.period == PeriodKey::Full) {
            continue;
        }
        let qs: Option<Vec<&Fact>> = (1..=quarters)
            .map(|q| {
                fs.iter()
                    .find(|f| f.0.period == PeriodKey::Quarter(q))
                    .map(|f| &f.1)
            })
            .collect();
        let Some(qs) = qs.filter(|q| !q.is_empty()) else {
            continue;
        };
        let last = *qs[qs.len() - 1];
        out.push((
            Key {
                metric,
                cell,
                period: PeriodKey::Full,
            },
            Fact {
                value: qs.iter().map(|f| f.value).sum(),
                last_year: None,
                ..last
            },
            true,
        ));
    }
    out
}

/// Are two facts of one period comparable? Quarters and months always; the full year
/// only between files whose full-year rows run to the same date.
fn same_span(a: &Joined, b: &Joined, period: PeriodKey) -> bool {
    period != PeriodKey::Full || (a.coverage.is_some() && a.coverage == b.coverage)
}

pub(super) fn is_money(scope: &Scope, metric: usize) -> bool {
    let m = &scope.metrics[metric];
    m.expect == join::Expect::Money || (m.is_target() && m.expect == join::Expect::Bare)
}

pub(super) fn slack(ws: &Workspace, scope: &Scope, metric: usize) -> Decimal {
    if is_money(scope, metric) {
        ws.config.tolerance.money_yuan
    } else {
        Decimal::ZERO
    }
}

/// Every finding, by the actuals file it is reported in.
pub(super) fn check(ws: &Workspace) -> HashMap<FileId, Vec<Finding>> {
    let mut by_plan: HashMap<FileId, Vec<FileId>> = HashMap::new();
    for (i, f) in ws.files.iter().enumerate() {
        if f.role != Role::Actuals || f.actuals.is_none() {
            continue;
        }
        if let Some(p) = plan_of_actuals(ws, &ws.graph, i) {
            by_plan.entry(p).or_default().push(i);
        }
    }
    let mut out: HashMap<FileId, Vec<Finding>> = HashMap::new();
    if by_plan.is_empty() {
        return out;
    }
    // Each file joined on its own, plans in parallel.
    let joins: HashMap<FileId, Vec<Joined>> = by_plan
        .par_iter()
        .filter_map(|(&p, files)| {
            let plan = ws.files[p].plan.as_deref()?;
            let js: Vec<Joined> = files.iter().filter_map(|&f| joined(ws, plan, f)).collect();
            Some((p, js))
        })
        .collect();
    // Each file's last-year column against its plan's last year (P920).
    for (&p, js) in &joins {
        for j in js {
            super::actuals_last_year::check(ws, p, j, &mut out);
        }
    }
    // A plan's monthly series against its quarterly and full-year files.
    for js in joins.values() {
        super::actuals_months::check(ws, js, &mut out);
    }
    // Files of one plan.
    for js in joins.values() {
        for (x, a) in js.iter().enumerate() {
            for b in &js[x + 1..] {
                let index: HashMap<&Key, (&Fact, bool)> =
                    a.facts.iter().map(|(k, f, d)| (k, (f, *d))).collect();
                for (k, fb, db) in &b.facts {
                    let Some(&(fa, da)) = index.get(k) else {
                        continue;
                    };
                    if !same_span(a, b, k.period)
                        || (fa.value - fb.value).abs() <= slack(ws, &b.scope, k.metric)
                    {
                        continue;
                    }
                    let what = || describe_key(&b.scope, k);
                    push(
                        ws,
                        (b, fb, *db),
                        (a, fa, da),
                        is_money(&b.scope, k.metric),
                        what,
                        &mut out,
                    );
                }
            }
        }
    }
    // A child's files against its parent's rows for the child's item.
    for c in 0..ws.files.len() {
        let Some(link) = ws.link(c) else { continue };
        let (Some(cjs), Some(pjs)) = (joins.get(&c), joins.get(&link.parent)) else {
            continue;
        };
        let Some(fill) = filled(ws, c) else { continue };
        for cj in cjs {
            let Some(cm) = cj
                .scope
                .metrics
                .iter()
                .position(|m| m.is_target() && m.id == fill.target)
            else {
                continue;
            };
            for pj in pjs {
                let Some((pm, cell)) = item_cell(&pj.scope, &fill.parent_target, &fill.item) else {
                    continue;
                };
                let parent_facts: HashMap<PeriodKey, (&Fact, bool)> = pj
                    .facts
                    .iter()
                    .filter(|(k, _, _)| k.metric == pm && k.cell == Some(cell))
                    .map(|(k, f, d)| (k.period, (f, *d)))
                    .collect();
                for (k, fc, dc) in cj
                    .facts
                    .iter()
                    .filter(|(k, _, _)| k.metric == cm && k.cell.is_none())
                {
                    let Some(&(fp, dp)) = parent_facts.get(&k.period) else {
                        continue;
                    };
                    if !same_span(cj, pj, k.period)
                        || (fc.value - fp.value).abs() <= slack(ws, &cj.scope, cm)
                    {
                        continue;
                    }
                    let what = || describe_key(&cj.scope, k);
                    push(
                        ws,
                        (cj, fc, *dc),
                        (pj, fp, dp),
                        is_money(&cj.scope, cm),
                        what,
                        &mut out,
                    );
                }
            }
        }
    }
    out
}

/// The metric of the parent target and the cell of its breakdown item `item`.
fn item_cell(scope: &Scope, target: &str, item: &str) -> Option<(usize, (usize, usize))> {
    let m = scope
        .metrics
        .iter()
        .position(|m| m.is_target() && m.id == target)?;
    for (di, d) in scope.metrics[m].dims.iter().enumerate() {
        if d.segment {
            continue;
        }
        if let Some(ii) = d
            .items
            .iter()
            .position(|i| i.item.is_some_and(|x| x.key.value == item))
        {
            return Some((m, (di, ii)));
        }
    }
    None
}

/// A fact as the user reads it: the cell as written, or a sum planc made in the plan's
/// money unit (for counts, the plain number).
fn value_text(f: &Joined, fact: &Fact, derived: bool, money: bool) -> String {
    match f.actuals.rows.get(fact.row) {
        Some(r) if !derived => r.written(&r.value),
        _ if money => crate::rules::fmt_in(fact.value, f.scope.plan.money_unit()),
        _ => fact.value.normalize().to_string(),
    }
}

fn push(
    ws: &Workspace,
    (here, fh, dh): (&Joined, &Fact, bool),
    (there, ft, dt): (&Joined, &Fact, bool),
    is_money: bool,
    what: impl Fn() -> String,
    out: &mut HashMap<FileId, Vec<Finding>>,
) {
    let Some(osrc) = &there.actuals.source else {
        return;
    };
    let (Some(row), Some(orow)) = (
        here.actuals.rows.get(fh.row),
        there.actuals.rows.get(ft.row),
    ) else {
        return;
    };
    let finding = crate::i18n::scope(ws.lang_of(here.file), || {
        Finding::new(
            &ACTUALS_AGREE,
            row.span(Field::Value),
            t!(
                "p919-message",
                what = what(),
                value = value_text(here, fh, dh, is_money),
                other = crate::source::display_path(&ws.files[there.file].path),
                theirs = value_text(there, ft, dt, is_money)
            ),
        )
        .label(t!("p919-label"))
        .with_in(osrc, orow.span(Field::Value), t!("p919-label-other"))
        .help(t!("p919-help"))
    });
    out.entry(here.file).or_default().push(finding);
}
