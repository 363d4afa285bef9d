//! Cross-file rules: links between plans (P901–P904) and roll-ups of child plans into
//! the allocations of their parents (P911–P914).
//!
//! Findings are computed per group (a parent with its children; a child whose parent is
//! missing; the plans sharing an id), so that one changed file re-computes only the
//! groups it takes part in. Each finding is reported in one file with a label in the
//! other.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::codes::*;
use super::graph::{parent_of, GroupKey, ParentRef};
use super::{FileId, Workspace};
use crate::diagnostics::{Finding, Severity};
use crate::model::dimension::currency_code;
use crate::model::{Breakdown, BreakdownItem, Kind, MoneyUnit, Plan, Quantity, Target, Unit};
use crate::rules::{fmt_base, fmt_pct, percent_of};
use crate::source::SourceFile;
use crate::suggest::did_you_mean;
use crate::t;

pub(super) type Out = Vec<(FileId, Finding)>;

/// Every group's findings.
pub fn check_all(ws: &Workspace) -> HashMap<GroupKey, Out> {
    let mut keys: Vec<GroupKey> = Vec::new();
    let mut parents = std::collections::HashSet::new();
    for l in ws.graph.links.iter().flatten() {
        if parents.insert(l.parent) {
            keys.push(GroupKey::Parent(l.parent));
        }
    }
    // Parents with `complete` breakdowns but no children at all are groups too.
    for (i, f) in ws.files.iter().enumerate() {
        if f.plan.as_ref().is_some_and(|p| has_complete(p)) && parents.insert(i) {
            keys.push(GroupKey::Parent(i));
        }
    }
    keys.extend(ws.graph.unresolved.iter().map(|&i| GroupKey::Unresolved(i)));
    keys.extend(
        ws.graph
            .ids
            .iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(id, _)| GroupKey::DuplicateId(id.clone())),
    );
    keys.into_iter()
        .map(|k| {
            let out = group(ws, &k);
            (k, out)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// Re-computes some groups; returns the files whose findings may have changed.
pub fn recheck(ws: &mut Workspace, keys: &[GroupKey]) -> Vec<FileId> {
    let mut touched = Vec::new();
    let any_cycle = ws
        .cross
        .values()
        .flatten()
        .any(|(_, f)| f.code == PARENT_CYCLE.code);
    if any_cycle {
        // A cycle spans groups: recompute everything (rare, and still no parsing).
        let before: Vec<FileId> = ws.cross.values().flatten().map(|(i, _)| *i).collect();
        ws.cross = check_all(ws);
        touched.extend(before);
        touched.extend(ws.cross.values().flatten().map(|(i, _)| *i));
        return touched;
    }
    for k in keys {
        if let Some(old) = ws.cross.remove(k) {
            touched.extend(old.into_iter().map(|(i, _)| i));
        }
        let new = group(ws, k);
        touched.extend(new.iter().map(|(i, _)| *i));
        if !new.is_empty() {
            ws.cross.insert(k.clone(), new);
        }
    }
    touched.sort_unstable();
    touched.dedup();
    touched
}

fn group(ws: &Workspace, key: &GroupKey) -> Out {
    let mut out = Vec::new();
    match key {
        GroupKey::DuplicateId(id) => duplicates(ws, id, &mut out),
        GroupKey::Unresolved(c) => {
            if ws.graph.unresolved.contains(c) {
                unresolved(ws, *c, &mut out);
            }
        }
        GroupKey::Parent(p) => {
            if *p < ws.files.len() {
                family(ws, *p, &mut out);
            }
        }
    }
    out
}

/// Does the plan expect child plans: a `complete` breakdown, or an item marked
/// `child_plan: true`?
fn has_complete(p: &Plan) -> bool {
    let mut any = false;
    crate::rules::each_breakdown(p, &mut |_, _, b| {
        any |= b.complete
            || b.items
                .iter()
                .any(|i| i.child_plan.as_ref().is_some_and(|c| c.value));
    });
    any
}

/// A file's plan and source, when both loaded.
pub(super) fn loaded(ws: &Workspace, i: FileId) -> Option<(&Plan, &Arc<SourceFile>)> {
    let f = ws.files.get(i)?;
    Some((f.plan.as_deref()?, f.source.as_ref()?))
}

/// A finding reported in `file`, its text in the language of that file.
pub(super) fn at(
    ws: &Workspace,
    file: FileId,
    make: impl FnOnce() -> Finding,
) -> (FileId, Finding) {
    (file, crate::i18n::scope(ws.lang_of(file), make))
}

/// Items joined for a message, in the current language (`a, b` / `a、b`).
pub(super) fn list<S: AsRef<str>>(items: &[S]) -> String {
    let sep = crate::t!("workspace-list-sep");
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&sep)
}

/// A breakdown dimension in the current language (`province` / `省份`).
pub(super) fn dim_word(dimension: &str) -> String {
    crate::t!(
        "workspace-dimension",
        dim = crate::model::dimension::canonical(dimension)
    )
}

pub(super) fn name_of(ws: &Workspace, i: FileId) -> String {
    ws.files[i].source.as_ref().map_or_else(
        || crate::source::display_path(&ws.files[i].path),
        |s| s.name(),
    )
}

// ---------------------------------------------------------------------------------
// P902: duplicate ids

fn duplicates(ws: &Workspace, id: &str, out: &mut Out) {
    let files = ws.plans_with_id(id);
    if files.len() < 2 {
        return;
    }
    for &i in files {
        let Some((plan, _)) = loaded(ws, i) else {
            continue;
        };
        out.push(at(ws, i, || {
            let names: Vec<String> = files.iter().map(|&j| name_of(ws, j)).collect();
            let mut f = Finding::new(
                &DUPLICATE_PLAN_ID,
                plan.id.span,
                t!(
                    "p902-message",
                    id = id,
                    count = files.len(),
                    files = list(&names)
                ),
            )
            .label(t!("p902-label"))
            .help(t!("p902-help"));
            for &j in files {
                if j == i {
                    continue;
                }
                if let Some((other, src)) = loaded(ws, j) {
                    f = f.with_in(src, other.id.span, t!("p902-label-other"));
                }
            }
            f
        }));
    }
}

// ---------------------------------------------------------------------------------
// P901: a parent that resolves to nothing

fn unresolved(ws: &Workspace, c: FileId, out: &mut Out) {
    let Some((value, span)) = parent_of(ws, c) else {
        return;
    };
    let spec = ParentRef::parse(value);
    let ids: Vec<&str> = ws
        .graph
        .ids
        .iter()
        .filter(|(_, v)| v.iter().any(|&i| !ws.files[i].review))
        .map(|(k, _)| k.as_str())
        .filter(|k| Some(*k) != ws.files[c].id())
        .collect();
    if !spec.is_path() && ws.plans_with_id(&spec.plan).len() > 1 {
        // Reported as a duplicate id; say why the link is not followed.
        out.push(at(ws, c, || {
            Finding::new(
                &UNKNOWN_PARENT,
                span,
                t!("p901-ambiguous", plan = spec.plan.as_str()),
            )
            .label(t!("p901-ambiguous-label"))
            .help(t!("p901-ambiguous-help"))
        }));
        return;
    }
    if !spec.is_path() && ws.files[c].id() == Some(spec.plan.as_str()) {
        out.push(at(ws, c, || {
            Finding::new(&PARENT_CYCLE, span, t!("p903-own-parent"))
                .label(t!("p903-own-parent-label"))
        }));
        return;
    }
    if !super::graph::path_inside(ws, c, &spec) {
        let root = crate::source::display_path(&ws.root_of(&ws.files[c].path));
        out.push(at(ws, c, || {
            Finding::new(
                &UNKNOWN_PARENT,
                span,
                t!("p901-outside", plan = spec.plan.as_str()),
            )
            .label(t!("p901-outside-label"))
            .help(t!("p901-outside-help", root = root.clone()))
        }));
        return;
    }
    // The parent's file is there but did not load: that is the cause, said once here and
    // in full in that file's own findings (listed first).
    if let Some(failed) = ws.failed_plan(&spec.plan) {
        let file = crate::source::display_path(&ws.files[failed].path);
        out.push(at(ws, c, || {
            Finding::new(
                &UNKNOWN_PARENT,
                span,
                t!(
                    "p901-parent-failed",
                    plan = spec.plan.as_str(),
                    file = file.as_str()
                ),
            )
            .label(t!("p901-parent-failed-label"))
            .help(t!("p901-parent-failed-help", file = file.as_str()))
        }));
        return;
    }
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    out.push(at(ws, c, || {
        let plan = spec.plan.as_str();
        let message = if spec.is_path() {
            t!("p901-no-file", plan = plan)
        } else {
            t!("p901-no-plan", plan = plan)
        };
        let f = Finding::new(&UNKNOWN_PARENT, span, message).label(t!("p901-no-plan-label"));
        match did_you_mean(&spec.plan, ids.iter().copied()) {
            Some(s) => f.help(t!("workspace-did-you-mean", suggestion = s)),
            None if ws.files[c].explicit && sorted.len() <= 1 => {
                f.help(t!("p901-help-check-together"))
            }
            None if sorted.is_empty() => f.help(t!("p901-help-no-plans")),
            None => {
                let first: Vec<&str> = sorted.iter().take(12).copied().collect();
                f.help(t!("p901-help-plans", ids = list(&first)))
            }
        }
    }));
}

// ---------------------------------------------------------------------------------
// A parent with its children

/// Where a child's allocation sits in the parent: a breakdown item of a target.
struct Alloc<'a> {
    target: &'a Target,
    breakdown: &'a Breakdown,
    item: &'a BreakdownItem,
}

/// Every breakdown item of a target, at every level, with its breakdown and the
/// breakdowns beside it (its container's).
pub(super) fn walk<'a>(
    t: &'a Target,
    f: &mut dyn FnMut(&'a Breakdown, &'a BreakdownItem, &'a [Breakdown]),
) {
    fn go<'a>(
        bs: &'a [Breakdown],
        f: &mut dyn FnMut(&'a Breakdown, &'a BreakdownItem, &'a [Breakdown]),
    ) {
        for b in bs {
            for i in &b.items {
                f(b, i, bs);
                go(&i.breakdowns, f);
            }
        }
    }
    go(&t.breakdowns, f);
}

fn find_allocs<'a>(t: &'a Target, spec: &ParentRef) -> Vec<Alloc<'a>> {
    let Some(item) = &spec.item else {
        return Vec::new();
    };
    let mut found = Vec::new();
    walk(t, &mut |b, i, _| {
        if i.key.as_str() == item
            && spec
                .dimension
                .as_deref()
                .is_none_or(|d| crate::model::dimension::same(d, &b.dimension))
        {
            found.push(Alloc {
                target: t,
                breakdown: b,
                item: i,
            });
        }
    });
    found
}

/// The parent target a child target fills: `rolls_up`, else the one of the same id.
pub(super) fn parent_target<'a>(parent: &'a Plan, t: &Target) -> Option<&'a Target> {
    let id = t.rolls_up.as_ref().map_or(t.id.as_str(), |r| r.as_str());
    parent.targets.iter().find(|p| p.id.as_str() == id)
}

pub(super) fn comparable(a: &Quantity, b: &Quantity) -> bool {
    a.same_kind(b)
}

pub(super) fn agrees(
    ws: &Workspace,
    a: &Quantity,
    b: &Quantity,
    a_unit: MoneyUnit,
    b_unit: MoneyUnit,
) -> Option<bool> {
    let x = a.base(a_unit)?;
    let y = b.base(b_unit)?;
    let slack = if a.is_money() || a.unit == Unit::Bare {
        ws.config.tolerance.money_yuan
    } else {
        Decimal::ZERO
    };
    Some((x - y).abs() <= slack)
}

pub(super) fn display(item: &BreakdownItem) -> String {
    match &item.name {
        Some(n) => t!(
            "workspace-item-named",
            key = item.key.as_str(),
            name = n.as_str()
        ),
        None => item.key.value.clone(),
    }
}

/// The resolved allocation of one child: its spec and the parent targets it fills.
pub(super) struct Claim {
    pub(super) child: FileId,
    /// The parent's breakdown item of each allocation filled (its address: an item
    /// belongs to one target, so it names the target too).
    pub(super) allocs: Vec<*const BreakdownItem>,
    /// The child's planned value per filled allocation, in parent base units.
    pub(super) planned: Vec<Option<Decimal>>,
}

fn family(ws: &Workspace, p: FileId, out: &mut Out) {
    let Some((parent, psrc)) = loaded(ws, p) else {
        return;
    };
    let children: Vec<FileId> = (0..ws.files.len())
        .filter(|&c| ws.link(c).is_some_and(|l| l.parent == p))
        .collect();
    let punit = parent.money_unit();
    let mut claims: Vec<Claim> = Vec::new();
    for &c in &children {
        let Some((child, _)) = loaded(ws, c) else {
            continue;
        };
        let link = ws.link(c).expect("a child has a link");
        if cycle_through(ws, c) {
            out.push(at(ws, c, || {
                Finding::new(
                    &PARENT_CYCLE,
                    link.span,
                    t!("p903-message", path = cycle_path(ws, c).join(" → ")),
                )
                .label(t!("p903-label"))
                .with_in(psrc, parent.id.span, t!("p903-label-parent"))
                .help(t!("p903-help"))
            }));
            continue;
        }
        if parent.kind.value == Kind::Review {
            out.push(at(ws, c, || {
                Finding::new(&PARENT_MISMATCH, link.span, t!("p904-review-parent"))
                    .label(t!("p904-review-parent-label"))
                    .with_in(psrc, parent.kind.span, "kind: review")
            }));
            continue;
        }
        super::status::check(ws, (child, c), (parent, psrc), out);
        // Period and currency.
        let period = crate::i18n::scope(ws.lang_of(c), || period_mismatch(child, parent, psrc));
        let mut compare_amounts = period.is_none();
        out.extend(period.map(|f| (c, f)));
        let ccur = child.currency.as_deref().unwrap_or("CNY");
        let pcur = parent.currency.as_deref().unwrap_or("CNY");
        if currency_code(ccur) != currency_code(pcur) {
            out.push(at(ws, c, || {
                Finding::new(
                    &PARENT_MISMATCH,
                    link.span,
                    t!("p904-currency", child = ccur, parent = pcur),
                )
                .label(t!("p904-currency-label"))
                .help(t!("p904-currency-help"))
            }));
            compare_amounts = false;
        }
        let spec = &link.spec;
        let Some(item) = &spec.item else {
            claims.push(Claim {
                child: c,
                allocs: Vec::new(),
                planned: Vec::new(),
            });
            continue;
        };
        // The item in the parent.
        let mut holders: Vec<Alloc> = Vec::new();
        for t in &parent.targets {
            let found = find_allocs(t, spec);
            let dims: Vec<&str> = found
                .iter()
                .map(|a| a.breakdown.dimension.as_str())
                .collect();
            if found.len() > 1 {
                out.push(at(ws, c, || {
                    Finding::new(
                        &UNKNOWN_PARENT,
                        link.span,
                        t!(
                            "p901-item-ambiguous",
                            item = item.as_str(),
                            target = t.id.as_str(),
                            dims = list(&dims)
                        ),
                    )
                    .label(t!("p901-item-ambiguous-label"))
                    .help(t!(
                        "p901-item-ambiguous-help",
                        plan = spec.plan.as_str(),
                        dim = dims[0],
                        item = item.as_str()
                    ))
                }));
                continue;
            }
            holders.extend(found);
        }
        if holders.is_empty() {
            let mut keys: Vec<&str> = Vec::new();
            for t in &parent.targets {
                walk(t, &mut |_, i, _| keys.push(i.key.as_str()));
            }
            out.push(at(ws, c, || {
                let pid = parent.id.as_str();
                let message = match &spec.dimension {
                    Some(d) => t!(
                        "p901-no-item-by",
                        parent = pid,
                        item = item.as_str(),
                        dim = d.as_str()
                    ),
                    None => t!("p901-no-item", parent = pid, item = item.as_str()),
                };
                let f = Finding::new(&UNKNOWN_PARENT, link.span, message)
                    .label(t!("p901-no-item-label"))
                    .with_in(psrc, parent.id.span, t!("workspace-label-parent-plan"));
                match did_you_mean(item, keys.iter().copied()) {
                    Some(s) => f.help(t!(
                        "workspace-did-you-mean",
                        suggestion = format!("{}#{s}", spec.plan)
                    )),
                    None => f.help(t!("p901-no-item-help")),
                }
            }));
            continue;
        }
        let mut claim = Claim {
            child: c,
            allocs: Vec::new(),
            planned: Vec::new(),
        };
        let cunit = child.money_unit();
        let mut linked_any = false;
        for t in &child.targets {
            let pt = parent_target(parent, t);
            if pt.is_none() {
                if let Some(r) = &t.rolls_up {
                    out.push(at(ws, c, || {
                        let ids: Vec<&str> = parent.targets.iter().map(|x| x.id.as_str()).collect();
                        let f = Finding::new(
                            &UNKNOWN_PARENT,
                            r.span,
                            t!(
                                "p901-no-target",
                                parent = parent.id.as_str(),
                                target = r.as_str()
                            ),
                        )
                        .label(t!("p901-no-target-label"))
                        .with_in(
                            psrc,
                            parent.id.span,
                            t!("workspace-label-parent-plan"),
                        );
                        match did_you_mean(&r.value, ids.iter().copied()) {
                            Some(s) => f.help(t!("workspace-did-you-mean", suggestion = s)),
                            None => f.help(t!("p901-help-targets", ids = list(&ids))),
                        }
                    }));
                }
                continue;
            }
            let pt = pt.expect("checked");
            let Some(a) = holders.iter().find(|a| std::ptr::eq(a.target, pt)) else {
                continue;
            };
            linked_any = true;
            claim.allocs.push(a.item as *const _);
            let planned = t
                .value
                .value
                .base(cunit)
                .and_then(|v| comparable(&t.value.value, &a.item.value.value).then_some(v));
            claim.planned.push(planned);
            if !comparable(&t.value.value, &a.item.value.value) {
                out.push(at(ws, c, || {
                    Finding::new(
                        &PARENT_MISMATCH,
                        t.value.span,
                        t!(
                            "p904-unit",
                            target = t.name.as_str(),
                            unit = unit_word(&t.value.value),
                            allocated = a.item.value.value.raw.as_str(),
                            parent_unit = unit_word(&a.item.value.value)
                        ),
                    )
                    .label(t!("p904-unit-label"))
                    .with_in(
                        psrc,
                        a.item.value.span,
                        t!("p904-unit-label-allocation"),
                    )
                }));
                continue;
            }
            if !compare_amounts {
                continue;
            }
            if agrees(ws, &t.value.value, &a.item.value.value, cunit, punit) == Some(false) {
                let cv = t.value.value.base(cunit).unwrap_or_default();
                let pv = a.item.value.value.base(punit).unwrap_or_default();
                let gap = cv - pv;
                let pct = percent_of(gap.abs(), pv).map(fmt_pct).unwrap_or_default();
                let gap_text = fmt_base(gap.abs(), &t.value.value, cunit);
                let over = gap > Decimal::ZERO;
                out.push(at(ws, c, || {
                    let message = t!(
                        "p911-message",
                        target = t.name.as_str(),
                        value = t.value.value.raw.as_str(),
                        parent = parent.id.as_str(),
                        allocated = fmt_base(pv, &t.value.value, cunit),
                        item = item.as_str(),
                        parent_target = pt.name.as_str()
                    );
                    let (label, help) = if over {
                        (
                            t!("p911-label-over", gap = gap_text.as_str()),
                            t!(
                                "p911-help-over",
                                gap = gap_text.as_str(),
                                pct = pct.as_str(),
                                item = item.as_str()
                            ),
                        )
                    } else {
                        (
                            t!("p911-label-short", gap = gap_text.as_str()),
                            t!(
                                "p911-help-short",
                                gap = gap_text.as_str(),
                                pct = pct.as_str(),
                                item = item.as_str()
                            ),
                        )
                    };
                    Finding::new(&ROLLUP_TOTAL, t.value.span, message)
                        .label(label)
                        .with_in(
                            psrc,
                            a.item.value.span,
                            t!(
                                "p911-label-allocation",
                                parent_target = pt.name.as_str(),
                                item = display(a.item)
                            ),
                        )
                        .help(help)
                }));
            }
            super::last_year::check(ws, (child, c, t), (parent, psrc, a.item), out);
            // The parent's own breakdowns of the allocation, against the child's.
            for pb in &a.item.breakdowns {
                let Some(cb) = t
                    .breakdowns
                    .iter()
                    .find(|b| crate::model::dimension::same(&b.dimension, &pb.dimension))
                else {
                    continue;
                };
                super::sums::compare_breakdowns(ws, (child, cb), (parent, psrc, pb), c, out);
            }
        }
        if !linked_any && !child.targets.is_empty() {
            let pts: Vec<&str> = holders.iter().map(|a| a.target.id.as_str()).collect();
            out.push(at(ws, c, || {
                Finding::new(
                    &UNKNOWN_PARENT,
                    link.span,
                    t!(
                        "p901-nothing-compared",
                        parent = parent.id.as_str(),
                        item = item.as_str(),
                        targets = list(&pts)
                    ),
                )
                .severity(Severity::Warning)
                .label(t!("p901-nothing-compared-label"))
                .help(t!(
                    "p901-nothing-compared-help",
                    target = pts.first().copied().unwrap_or("sales")
                ))
            }));
        }
        // Budget.
        if let (Some(cb), Some(pb)) = (&child.budget, &parent.budget) {
            if let Some(al) = pb.allocations.iter().find(|a| a.key.as_str() == item) {
                if let (Some(total), Some(cap)) =
                    (cb.total.value.yuan(cunit), al.amount.value.yuan(punit))
                {
                    if total > cap + ws.config.tolerance.money_yuan && compare_amounts {
                        out.push(at(ws, c, || {
                            Finding::new(
                                &ROLLUP_BUDGET,
                                cb.total.span,
                                t!(
                                    "p914-message",
                                    budget = cb.total.value.raw.as_str(),
                                    allocated = fmt_base(cap, &cb.total.value, cunit),
                                    parent = parent.id.as_str(),
                                    item = item.as_str()
                                ),
                            )
                            .label(t!(
                                "p914-label",
                                gap = fmt_base(total - cap, &cb.total.value, cunit)
                            ))
                            .with_in(psrc, al.amount.span, t!("p914-label-allocation"))
                            .help(t!("p914-help"))
                        }));
                    }
                }
            }
        }
        claims.push(claim);
    }
    super::sums::coverage(ws, p, parent, psrc, &claims, out);
    super::territory::check(ws, &children, out);
    super::kpis::check(ws, (p, parent, psrc), &children, out);
}

fn unit_word(q: &Quantity) -> String {
    match &q.unit {
        Unit::Money(_) | Unit::Bare => t!("workspace-unit-money"),
        Unit::Percent => t!("workspace-unit-percent"),
        Unit::Other(u) => t!("workspace-unit-other", unit = u.as_str()),
    }
}

/// Does following `parent` from `c` come back to `c`? (A chain that runs into a circle
/// of other plans does not: that circle is reported on its own members.)
fn cycle_through(ws: &Workspace, c: FileId) -> bool {
    let mut seen = std::collections::HashSet::from([c]);
    let mut at = c;
    while let Some(l) = ws.link(at) {
        if l.parent == c {
            return true;
        }
        if !seen.insert(l.parent) {
            return false;
        }
        at = l.parent;
    }
    false
}

fn cycle_path(ws: &Workspace, c: FileId) -> Vec<String> {
    let mut names = vec![ws.files[c].id().unwrap_or("?").to_owned()];
    let mut at = c;
    while let Some(l) = ws.link(at) {
        at = l.parent;
        names.push(ws.files[at].id().unwrap_or("?").to_owned());
        if at == c || names.len() > 12 {
            break;
        }
    }
    names
}

/// What a child plan fills in its parent: the parent target, the allocation and the
/// child's own planned value (both in 元 for money, or the count), for the first of the
/// child's targets that rolls up into an allocation.
#[derive(Clone, Debug)]
pub struct Filled {
    pub parent_target: String,
    pub item: String,
    pub allocated: Option<Decimal>,
    pub planned: Option<Decimal>,
    /// The child's target id.
    pub target: String,
}

pub fn filled(ws: &Workspace, c: FileId) -> Option<Filled> {
    let link = ws.link(c)?;
    let (child, _) = loaded(ws, c)?;
    let (parent, _) = loaded(ws, link.parent)?;
    for t in &child.targets {
        let Some(pt) = parent_target(parent, t) else {
            continue;
        };
        let Some(a) = find_allocs(pt, &link.spec).into_iter().next() else {
            continue;
        };
        return Some(Filled {
            parent_target: pt.id.value.clone(),
            item: a.item.key.value.clone(),
            allocated: a.item.value.value.base(parent.money_unit()),
            planned: t.value.value.base(child.money_unit()),
            target: t.id.value.clone(),
        });
    }
    None
}

/// A child's period outside its parent's (error), or a part of it (warning: its amounts
/// are then not compared).
fn period_mismatch(child: &Plan, parent: &Plan, psrc: &Arc<SourceFile>) -> Option<Finding> {
    let (ps, pe) = (
        parent.period.start.value.range?.0,
        parent.period.end.value.range?.1,
    );
    let (cs, ce) = (
        child.period.start.value.range?.0,
        child.period.end.value.range?.1,
    );
    let outside = cs < ps || ce > pe;
    if !outside && cs == ps && ce == pe {
        return None;
    }
    let (start, end) = (
        child.period.start.value.raw.as_str(),
        child.period.end.value.raw.as_str(),
    );
    let (parent_start, parent_end) = (
        parent.period.start.value.raw.as_str(),
        parent.period.end.value.raw.as_str(),
    );
    let f = if outside {
        Finding::new(
            &PARENT_MISMATCH,
            child.period.start.span,
            t!(
                "p904-period-outside",
                start = start,
                end = end,
                parent_start = parent_start,
                parent_end = parent_end
            ),
        )
        .label(t!("p904-period-outside-label"))
        .help(t!("p904-period-outside-help"))
    } else {
        Finding::new(
            &PARENT_MISMATCH,
            child.period.start.span,
            t!(
                "p904-period-shorter",
                start = start,
                end = end,
                parent_start = parent_start,
                parent_end = parent_end
            ),
        )
        .severity(Severity::Warning)
        .label(t!("p904-period-shorter-label"))
        .help(t!("p904-period-shorter-help"))
    };
    Some(f.with_in(
        psrc,
        parent.period.start.span,
        t!("p904-period-label-parent"),
    ))
}
