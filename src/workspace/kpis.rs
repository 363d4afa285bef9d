//! P917: children's KPIs linked to a parent's KPI (`rolls_up`): counts and amounts add
//! up to the parent's, rates are no looser than the parent's.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::codes::ROLLUP_KPI;
use super::rollup::{at, list, loaded, Out};
use super::{FileId, Workspace};
use crate::diagnostics::{Finding, Severity};
use crate::model::{Comparator, Kpi, MoneyUnit, Plan, Quantity, Sp, Unit};
use crate::source::{SourceFile, Span};
use crate::suggest::did_you_mean;
use crate::t;

/// What a KPI measures, for comparing it across plans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Measure {
    /// Money, in 元.
    Money,
    /// A rate or share, in percent.
    Rate,
    /// A count of a unit (`家`), or a plain number (empty unit).
    Count(String),
}

/// A KPI's target as a comparable value: its measure and amount (元 for money).
pub(crate) fn value_of(k: &Kpi) -> Option<(Measure, Decimal)> {
    let q: &Quantity = k.target.as_deref()?;
    let amount = q.amount?;
    Some(match &q.unit {
        Unit::Money(m) => (Measure::Money, amount * m.factor()),
        Unit::Percent => (Measure::Rate, amount),
        Unit::Other(u) => (Measure::Count(u.clone()), amount),
        Unit::Bare => match k.unit.as_ref().map(|u| u.value.trim()) {
            Some("%") => (Measure::Rate, amount),
            Some(u) => match MoneyUnit::parse(u) {
                Some(m) => (Measure::Money, amount * m.factor()),
                None => (Measure::Count(u.to_owned()), amount),
            },
            // A bare KPI target without a unit is a plain number, not the plan's money.
            None => (Measure::Count(String::new()), amount),
        },
    })
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.all_kpis()
        .into_iter()
        .filter_map(|k| k.id.as_ref().map(|i| i.as_str()))
        .collect()
}

/// One child's linked KPI.
struct Part<'a> {
    child: FileId,
    kpi: &'a Kpi,
}

pub(super) fn check(
    ws: &Workspace,
    (p, parent, psrc): (FileId, &Plan, &Arc<SourceFile>),
    children: &[FileId],
    out: &mut Out,
) {
    let parent_kpis: Vec<&Kpi> = parent.all_kpis();
    let mut groups: HashMap<&str, Vec<Part>> = HashMap::new();
    for &c in children {
        let Some((child, _)) = loaded(ws, c) else {
            continue;
        };
        for k in child.all_kpis() {
            let Some(link) = &k.rolls_up else {
                continue;
            };
            if parent_kpis
                .iter()
                .any(|p| p.id.as_ref().is_some_and(|i| i.value == link.value))
            {
                groups
                    .entry(link.as_str())
                    .or_default()
                    .push(Part { child: c, kpi: k });
            } else {
                let known = ids(parent);
                out.push(at(ws, c, || {
                    let f = Finding::new(
                        &ROLLUP_KPI,
                        link.span,
                        t!(
                            "p917-unknown",
                            kpi = link.as_str(),
                            parent = parent.id.as_str()
                        ),
                    )
                    .label(t!("p917-unknown-label"))
                    .with_in(
                        psrc,
                        parent.id.span,
                        t!("workspace-label-parent-plan"),
                    );
                    match did_you_mean(link, known.iter().copied()) {
                        Some(s) => f.help(t!("workspace-did-you-mean", suggestion = s)),
                        None if known.is_empty() => f.help(t!("p917-unknown-help-none")),
                        None => f.help(t!("p917-unknown-help", ids = list(&known))),
                    }
                }));
            }
        }
    }
    // Stable order: by the parent's KPI order.
    for pk in parent_kpis {
        let Some(id) = &pk.id else { continue };
        let Some(parts) = groups.get(id.as_str()) else {
            continue;
        };
        one(ws, (p, parent, psrc, pk), parts, children, out);
    }
}

fn one(
    ws: &Workspace,
    (p, parent, psrc, pk): (FileId, &Plan, &Arc<SourceFile>, &Kpi),
    parts: &[Part],
    children: &[FileId],
    out: &mut Out,
) {
    let Some(pt) = &pk.target else { return };
    let Some((pm, pv)) = value_of(pk) else {
        return;
    };
    let mut values: Vec<(FileId, Span, Decimal)> = Vec::new();
    for part in parts {
        let Some(ct) = &part.kpi.target else { continue };
        let Some((cm, cv)) = value_of(part.kpi) else {
            // A figure that cannot be read is reported by its own rule; no sum is made.
            return;
        };
        if cm != pm {
            out.push(at(ws, part.child, || {
                Finding::new(
                    &ROLLUP_KPI,
                    ct.span,
                    t!(
                        "p917-unit",
                        kpi = ct.raw.as_str(),
                        parent_kpi = pt.raw.as_str()
                    ),
                )
                .label(t!("p917-unit-label"))
                .with_in(psrc, pt.span, t!("p917-label-parent"))
                .help(t!("p917-unit-help"))
            }));
            return;
        }
        values.push((part.child, ct.span, cv));
        if pm == Measure::Rate {
            rate(ws, (psrc, pk, pt, pv), part, ct, cv, out);
        }
    }
    if pm == Measure::Rate || values.is_empty() {
        return;
    }
    let sum: Decimal = values.iter().map(|v| v.2).sum();
    let slack = if pm == Measure::Money {
        ws.config.tolerance.money_yuan
    } else {
        Decimal::ZERO
    };
    if (sum - pv).abs() <= slack {
        return;
    }
    let mut linked: Vec<FileId> = values.iter().map(|v| v.0).collect();
    linked.sort_unstable();
    linked.dedup();
    let all = children.iter().all(|c| linked.contains(c));
    if !all && sum < pv {
        // Some children do not link this KPI yet: what is stated so far is not wrong.
        out.push(at(ws, values[0].0, || {
            Finding::new(
                &ROLLUP_KPI,
                values[0].1,
                t!(
                    "p917-partial",
                    linked = linked.len(),
                    children = children.len(),
                    parent_kpi = pk.metric.as_str()
                ),
            )
            .severity(Severity::Warning)
            .label(t!("p917-partial-label"))
            .with_in(psrc, pt.span, t!("p917-label-parent"))
            .help(t!("p917-partial-help"))
        }));
        return;
    }
    let show = |v: Decimal| match pm {
        Measure::Money => crate::rules::fmt_base(v, pt, parent.money_unit()),
        Measure::Count(ref u) => format!("{}{u}", v.normalize()),
        Measure::Rate => format!("{}%", v.normalize()),
    };
    out.push(at(ws, p, || {
        let mut f = Finding::new(
            &ROLLUP_KPI,
            pt.span,
            t!(
                "p917-sum",
                sum = show(sum),
                metric = pk.metric.as_str(),
                parent_kpi = pt.raw.as_str()
            ),
        )
        .label(t!("p917-sum-label", value = show(pv)));
        for (c, span, _) in values.iter().take(8) {
            if let Some(src) = ws.files[*c].source.as_ref() {
                f = f.with_in(src, *span, t!("p917-sum-label-part"));
            }
        }
        f.help(if sum > pv {
            t!("p917-sum-help-over", gap = show(sum - pv))
        } else {
            t!("p917-sum-help-short", gap = show(pv - sum))
        })
    }));
}

fn rate(
    ws: &Workspace,
    (psrc, pk, pt, pv): (&Arc<SourceFile>, &Kpi, &Sp<Quantity>, Decimal),
    part: &Part,
    ct: &Sp<Quantity>,
    cv: Decimal,
    out: &mut Out,
) {
    let cmp = pk.comparator.as_ref().map(|c| c.value);
    let child_cmp = part.kpi.comparator.as_ref().map(|c| c.value);
    let looser = match cmp {
        Some(Comparator::AtLeast) => cv < pv,
        Some(Comparator::AtMost) => cv > pv,
        Some(Comparator::Equal) | None => cv != pv,
        Some(Comparator::Range) => false,
    };
    let flipped = cmp.is_some() && child_cmp.is_some() && cmp != child_cmp;
    if !looser && !flipped {
        return;
    }
    out.push(at(ws, part.child, || {
        Finding::new(
            &ROLLUP_KPI,
            ct.span,
            if flipped {
                t!("p917-rate-comparator", metric = part.kpi.metric.as_str())
            } else {
                t!(
                    "p917-rate",
                    kpi = ct.raw.as_str(),
                    metric = part.kpi.metric.as_str(),
                    parent_kpi = pt.raw.as_str()
                )
            },
        )
        .label(t!("p917-rate-label"))
        .with_in(psrc, pt.span, t!("p917-label-parent"))
        .help(t!(
            "p917-rate-help",
            parent_kpi = pt.raw.as_str(),
            metric = pk.metric.as_str()
        ))
    }));
}
