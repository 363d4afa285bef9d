//! The monthly report (月报): `planc review DIR --as-of DATE` — the organisation under a
//! workspace against its plans, every unit paced, ranked and forecast.
//!
//! Pipeline: the workspace (opened by the CLI) links plans to their parents and every
//! actuals file to its plan; each plan's actuals files are joined to it together, as one
//! series ([`crate::actuals::join`]: a month given twice is P804, a month missing P807);
//! a month after the report date is a warning (P813) and is not counted; a parent's row
//! for a child's item that disagrees with the child's own file is P919 (the workspace
//! check). [`calc`] computes each unit's figures from its monthly series, its annual
//! target and its phasing; [`doc`] places them in a report every format renders.
//!
//! Units: every plan of the tree (the company, its regions, their representatives) and,
//! for the items of the dimension a plan's children fill that have no plan of their own
//! (a region without a region plan), the item as the parent's actuals report it, phased
//! like its parent.

pub mod calc;
pub mod chart;
pub mod doc;
pub mod json;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::actuals::join::{self, Key, Scope};
use crate::actuals::period::{PeriodKey, PlanPeriod};
use crate::actuals::{ActualsFile, Field};
use crate::diagnostics::{FileReport, Finding, Severity};
use crate::model::{Kind, Plan, Target};
use crate::review::Light;
use crate::workspace::{FileId, Role, Workspace};

/// How a unit's target is spread over the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phasing {
    /// The plan's quarter split.
    Quarter,
    /// The plan's month split.
    Month,
    /// The parent's split, in the share of the parent's target the item holds.
    Parent,
    /// No split declared: evenly over the months.
    Linear,
}

impl Phasing {
    pub fn as_str(self) -> &'static str {
        match self {
            Phasing::Quarter => "quarter",
            Phasing::Month => "month",
            Phasing::Parent => "parent",
            Phasing::Linear => "linear",
        }
    }
}

/// One unit of the organisation.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Its name as a report writes it: the org unit, a representative's name, an item's name.
    pub name: String,
    /// The plan's id, or the parent's item key for a unit without a plan.
    pub id: String,
    /// The plan file, for a unit with a plan.
    pub plan: Option<FileId>,
    /// The target the unit is measured on.
    pub target: String,
    pub level: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub phasing: Phasing,
    /// Whether any actuals were given for the unit.
    pub has_actuals: bool,
    pub inputs: calc::Inputs,
    pub figures: calc::Figures,
    /// The light of the attainment against the phased target to date.
    pub light: Light,
    /// 1-based rank among its siblings by attainment to date; `None` without actuals.
    pub rank: Option<usize>,
}

/// The whole report's figures.
pub struct Monthly {
    pub as_of: NaiveDate,
    pub period: PlanPeriod,
    /// Units, parents before their children; index 0 is the first root.
    pub units: Vec<Unit>,
    /// The actuals files read, as the report names them.
    pub sources: Vec<String>,
    /// Findings of the join, by file (only files with findings).
    pub reports: Vec<FileReport>,
    /// The lights' thresholds (`[review]` in planc.toml), for the words that name them.
    pub thresholds: crate::config::Thresholds,
}

impl Monthly {
    pub fn errors(&self) -> usize {
        crate::workspace::count(&self.reports, Severity::Error)
    }
    /// The roots (units without a parent).
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.units.len()).filter(|&i| self.units[i].parent.is_none())
    }
    /// A unit's children, ranked (by rank, then the ones without actuals in plan order).
    pub fn ranked_children(&self, i: usize) -> Vec<usize> {
        let mut c = self.units[i].children.clone();
        c.sort_by_key(|&k| (self.units[k].rank.unwrap_or(usize::MAX), k));
        c
    }
}

/// The target a plan is measured on: the one that rolls up into its parent, else its first.
fn headline(plan: &Plan) -> Option<&Target> {
    plan.targets
        .iter()
        .find(|t| t.rolls_up.is_some())
        .or_else(|| plan.targets.first())
}

/// A plan's name in the report: a representative by name, any other plan by its org unit.
fn unit_name(plan: &Plan) -> String {
    let owner = plan.owner.as_ref().map(|o| o.value.clone());
    match (plan.kind.value, owner) {
        (Kind::Representative, Some(o)) => o,
        (Kind::Company, _) if plan.company.as_ref().is_some_and(|c| !c.trim().is_empty()) => {
            plan.company.clone().unwrap_or_default()
        }
        _ => plan
            .org_unit
            .clone()
            .unwrap_or_else(|| plan.title.value.clone()),
    }
}

/// The quarter or month split of a target, in 元.
fn split_of(
    t: &Target,
    plan: &Plan,
    pp: &PlanPeriod,
) -> Option<(Phasing, Vec<(PeriodKey, Decimal)>)> {
    let unit = plan.money_unit();
    for (dim, phasing) in [("month", Phasing::Month), ("quarter", Phasing::Quarter)] {
        let Some(b) = t.breakdowns.iter().find(|b| b.dimension.as_str() == dim) else {
            continue;
        };
        let mut out = Vec::new();
        for i in &b.items {
            let p = crate::actuals::period::parse(&i.key, pp).ok()?;
            out.push((p, i.value.value.base(unit)?));
        }
        return Some((phasing, out));
    }
    None
}

/// An item of a plan's headline target: key, (dimension, item) in the join's scope,
/// display name, value in 元.
type PlanItem = (String, (usize, usize), String, Option<Decimal>);

/// A month series and last year's, and whether any month was given.
type Series = (Vec<Option<Decimal>>, Vec<Option<Decimal>>, bool);

/// A plan's series and its files (with the join's findings on them).
type Joined = (PlanSeries, Vec<ActualsFile>);

/// One plan's actuals joined: the monthly series of its headline target and of the items
/// of its breakdowns (for units without a plan).
struct PlanSeries {
    facts: BTreeMap<Key, join::Fact>,
    metric: Option<usize>,
    /// Item key → (dimension index, item index, display name, value in 元).
    items: Vec<PlanItem>,
}

fn series(
    facts: &BTreeMap<Key, join::Fact>,
    metric: usize,
    cell: Option<(usize, usize)>,
    pp: &PlanPeriod,
) -> Series {
    let mut months = vec![None; pp.months as usize];
    let mut last = vec![None; pp.months as usize];
    let mut any = false;
    for m in 0..pp.months {
        if let Some(f) = facts.get(&Key {
            metric,
            cell,
            period: PeriodKey::Month(m),
        }) {
            months[m as usize] = Some(f.value);
            last[m as usize] = f.last_year;
            any = true;
        }
    }
    (months, last, any)
}

/// Joins a plan's actuals files together at `as_of`; the files' findings (and a warning
/// for each month after the date) are left on the files.
fn join_plan(
    ws: &Workspace,
    plan: &Plan,
    files: &mut [ActualsFile],
    as_of: NaiveDate,
) -> PlanSeries {
    let scope = Scope::new(plan, &[]).with_aliases(&ws.config.aliases);
    let joined = join::join(scope, files, Some(as_of), &ws.config.tolerance);
    let pp = joined.scope.period;
    // Months after the report date: said once per row, never counted.
    for (k, f) in &joined.later {
        if let PeriodKey::Month(m) = k.period {
            let file = &mut files[f.file];
            let Some(row) = file.rows.get(f.row) else {
                continue;
            };
            let finding = Finding::new(
                &crate::actuals::codes::AS_OF,
                row.span(Field::Period),
                crate::t!(
                    "monthly-after-as-of",
                    period = PeriodKey::Month(m).label(&pp),
                    date = as_of.to_string()
                ),
            )
            .severity(Severity::Warning)
            .label(crate::t!("monthly-after-as-of-label"))
            .help(crate::t!("monthly-after-as-of-help"));
            file.findings.push(finding);
        }
    }
    let metric = headline(plan).and_then(|t| {
        joined
            .scope
            .metrics
            .iter()
            .position(|m| m.id == t.id.as_str())
    });
    let mut items = Vec::new();
    if let Some(mi) = metric {
        for (di, d) in joined.scope.metrics[mi].dims.iter().enumerate() {
            for (ii, it) in d.items.iter().enumerate() {
                let value = it.item.and_then(|b| b.value.value.base(plan.money_unit()));
                items.push((it.key.clone(), (di, ii), it.display.clone(), value));
            }
        }
    }
    PlanSeries {
        facts: joined.facts,
        metric,
        items,
    }
}

/// Computes the monthly report of every tree in the workspace at `as_of`.
pub fn compute(ws: &Workspace, as_of: NaiveDate) -> Monthly {
    // Each plan's monthly actuals files: every file the workspace links to it that
    // reports months only (quarterly and full-year exports are `planc check`'s and the
    // year-end review's; their agreement with the months is P919's).
    let mut by_plan: BTreeMap<FileId, Vec<FileId>> = BTreeMap::new();
    for (i, f) in ws.files.iter().enumerate() {
        let months = f
            .actuals
            .as_ref()
            .is_some_and(crate::workspace::reviews::is_months);
        if f.role == Role::Actuals && months {
            if let Some(p) = crate::workspace::plan_of_actuals(ws, i) {
                by_plan.entry(p).or_default().push(i);
            }
        }
    }
    let plans: Vec<FileId> = (0..ws.files.len())
        .filter(|&i| ws.files[i].role == Role::Plan && !ws.files[i].review)
        .filter(|&i| ws.files[i].plan.is_some())
        .collect();
    // Roots: plans without a parent that have children or actuals.
    let roots: Vec<FileId> = plans
        .iter()
        .copied()
        .filter(|&i| ws.link(i).is_none())
        .filter(|&i| !ws.children(i).is_empty() || by_plan.contains_key(&i))
        .collect();
    let mut out = Monthly {
        as_of,
        period: PlanPeriod::new(as_of, as_of),
        units: Vec::new(),
        sources: Vec::new(),
        reports: Vec::new(),
        thresholds: ws.config.thresholds,
    };
    // Each plan's series joined (plans in parallel), then the tree walked in order.
    let done: Vec<(FileId, Joined)> = by_plan
        .par_iter()
        .filter_map(|(&p, files)| {
            let plan = ws.files[p].plan.as_deref()?;
            let mut files: Vec<ActualsFile> = files
                .iter()
                .filter_map(|&a| ws.files[a].actuals.clone())
                .collect();
            let series =
                crate::i18n::scope(ws.lang_of(p), || join_plan(ws, plan, &mut files, as_of));
            Some((p, (series, files)))
        })
        .collect();
    let mut done: HashMap<FileId, Joined> = done.into_iter().collect();
    let mut first_period = None;
    for root in roots {
        add_plan(ws, root, None, 0, &mut done, &mut out, &mut first_period);
    }
    out.period = first_period.unwrap_or(out.period);
    rank(&mut out, &ws.config.thresholds);
    out
}

#[allow(clippy::too_many_arguments)]
fn add_plan(
    ws: &Workspace,
    id: FileId,
    parent: Option<usize>,
    level: usize,
    done: &mut HashMap<FileId, Joined>,
    out: &mut Monthly,
    first_period: &mut Option<PlanPeriod>,
) -> Option<usize> {
    // A plan is one unit, once: a cycle of `parent:` links (reported by `check`) ends here.
    if out.units.iter().any(|u| u.plan == Some(id)) {
        return None;
    }
    let plan = ws.files[id].plan.as_deref()?;
    let t = headline(plan)?;
    let pp = PlanPeriod::of(plan);
    first_period.get_or_insert(pp);
    let (joined, files) = done.remove(&id).unwrap_or_else(|| {
        let mut none = Vec::new();
        (join_plan(ws, plan, &mut none, out.as_of), none)
    });
    for f in files {
        out.sources.push(crate::source::display_path(&f.path));
        if !f.findings.is_empty() {
            out.reports.push(f.into_report());
        }
    }
    let annual = t.value.value.base(plan.money_unit()).unwrap_or_default();
    let (phasing, split) = match split_of(t, plan, &pp) {
        Some((p, s)) => (p, Some(s)),
        None => (Phasing::Linear, None),
    };
    let (months, last_year, any) = match joined.metric {
        Some(mi) => series(&joined.facts, mi, None, &pp),
        None => (Vec::new(), Vec::new(), false),
    };
    let inputs = calc::Inputs {
        annual,
        split,
        months,
        last_year,
    };
    let figures = calc::figures(&pp, &inputs, out.as_of);
    let me = out.units.len();
    out.units.push(Unit {
        name: unit_name(plan),
        id: plan.id.value.clone(),
        plan: Some(id),
        target: t.id.value.clone(),
        level,
        parent,
        children: Vec::new(),
        phasing,
        has_actuals: any,
        inputs: inputs.clone(),
        figures,
        light: Light::None,
        rank: None,
    });
    if let Some(p) = parent {
        out.units[p].children.push(me);
    }
    // Children: the plans under this one, then the items of the dimension they fill
    // that have no plan, as this plan's actuals report them.
    let mut kids = ws.children(id);
    kids.sort_by(|a, b| ws.files[*a].path.cmp(&ws.files[*b].path));
    let mut filled: Vec<String> = Vec::new();
    for k in kids {
        if let Some(f) = crate::workspace::filled(ws, k) {
            filled.push(f.item);
        }
        add_plan(ws, k, Some(me), level + 1, done, out, first_period);
    }
    let Some(mi) = joined.metric else {
        return Some(me);
    };
    // The dimension the children fill: the one holding their items.
    let dim = joined
        .items
        .iter()
        .find(|(key, ..)| filled.contains(key))
        .map(|(_, (di, _), ..)| *di);
    let Some(di) = dim else {
        return Some(me);
    };
    // Items without a plan, in the plan's order (a child plan's item may sit under a group).
    let mut items: Vec<(usize, usize)> = Vec::new();
    for (key, (d, ii), ..) in &joined.items {
        if *d == di && !filled.contains(key) {
            items.push((*d, *ii));
        }
    }
    for (d, ii) in items {
        let Some((key, _, display, Some(value))) = joined
            .items
            .iter()
            .find(|(_, c, ..)| *c == (d, ii))
            .cloned()
        else {
            continue;
        };
        let (months, last_year, any) = series(&joined.facts, mi, Some((d, ii)), &pp);
        let split = inputs.split.as_ref().map(|s| {
            s.iter()
                .map(|(p, v)| (*p, (*v * value).checked_div(annual).unwrap_or_default()))
                .collect::<Vec<_>>()
        });
        let phasing = if split.is_some() {
            Phasing::Parent
        } else {
            Phasing::Linear
        };
        let item_inputs = calc::Inputs {
            annual: value,
            split,
            months,
            last_year,
        };
        let figures = calc::figures(&pp, &item_inputs, out.as_of);
        let u = out.units.len();
        out.units.push(Unit {
            name: display,
            id: key,
            plan: None,
            target: t.id.value.clone(),
            level: level + 1,
            parent: Some(me),
            children: Vec::new(),
            phasing,
            has_actuals: any,
            inputs: item_inputs,
            figures,
            light: Light::None,
            rank: None,
        });
        out.units[me].children.push(u);
    }
    Some(me)
}

/// Lights against the phased target to date, and each unit's rank among its siblings by
/// its attainment to date (highest first; units without a figure are not ranked).
fn rank(out: &mut Monthly, th: &crate::config::Thresholds) {
    for u in &mut out.units {
        u.light = Light::of(u.figures.attainment_to_date, th);
    }
    let groups: Vec<Vec<usize>> = (0..out.units.len())
        .map(|i| out.units[i].children.clone())
        .chain(std::iter::once(out.roots().collect()))
        .collect();
    for g in groups {
        let mut scored: Vec<(Decimal, usize)> = g
            .iter()
            .filter_map(|&i| Some((out.units[i].figures.attainment_to_date?, i)))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (r, (_, i)) in scored.into_iter().enumerate() {
            out.units[i].rank = Some(r + 1);
        }
    }
}

/// The last day of the latest month the monthly report's series reports: over every
/// export of months only that the workspace links to a plan, each row's month read
/// against that plan's period (`2026-09`, `2026年9月`, `9月`, `M09`). `planc serve` shows
/// the report as of this date, and `planc review DIR` without `--as-of` writes it;
/// `None` without monthly files.
pub fn latest_month(ws: &Workspace) -> Option<NaiveDate> {
    (0..ws.files.len())
        .filter(|&i| ws.files[i].role == Role::Actuals)
        .filter_map(|i| {
            let a = ws.files[i].actuals.as_ref()?;
            if !crate::workspace::reviews::is_months(a) {
                return None;
            }
            let plan = ws.files[crate::workspace::plan_of_actuals(ws, i)?]
                .plan
                .as_deref()?;
            let pp = PlanPeriod::of(plan);
            a.rows
                .iter()
                .filter_map(
                    |r| match crate::actuals::period::parse(&r.period.value, &pp) {
                        Ok(PeriodKey::Month(m)) => Some(pp.month_end(m)),
                        _ => None,
                    },
                )
                .max()
        })
        .max()
}
