//! Roll-up sums: a child's breakdown against the parent's split of its allocation,
//! coverage of `complete` breakdowns, and the children's breakdowns added up against
//! the parent's.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::codes::{ROLLUP_BREAKDOWN, ROLLUP_COVERAGE};
use super::rollup::{
    agrees, at, comparable, dim_word, display, list, loaded, name_of, parent_target, walk, Claim,
    Out,
};
use super::{FileId, Workspace};
use crate::diagnostics::Finding;
use crate::model::{Breakdown, BreakdownItem, Plan};
use crate::rules::{dimension_noun, fmt_base, fmt_pct, percent_of};
use crate::source::{SourceFile, Span};
use crate::t;

/// Where the children's parts of one parent item came from.
type Parts = (Decimal, Vec<(FileId, Span)>);

/// The parent's breakdown of an allocation against the child's of the same dimension.
pub(super) fn compare_breakdowns(
    ws: &Workspace,
    (child, cb): (&Plan, &Breakdown),
    (parent, psrc, pb): (&Plan, &Arc<SourceFile>, &Breakdown),
    c: FileId,
    out: &mut Out,
) {
    let (cunit, punit) = (child.money_unit(), parent.money_unit());
    for pi in &pb.items {
        match cb.items.iter().find(|i| i.key.value == pi.key.value) {
            Some(ci)
                if comparable(&ci.value.value, &pi.value.value)
                    && agrees(ws, &ci.value.value, &pi.value.value, cunit, punit)
                        == Some(false) =>
            {
                out.push(at(ws, c, || {
                    Finding::new(
                        &ROLLUP_BREAKDOWN,
                        ci.value.span,
                        t!(
                            "p912-differs",
                            dim = dim_word(&pb.dimension.value),
                            item = ci.key.as_str(),
                            value = ci.value.value.raw.as_str(),
                            allocated = pi.value.value.raw.as_str()
                        ),
                    )
                    .label(t!("p912-differs-label"))
                    .with_in(psrc, pi.value.span, t!("p912-differs-label-parent"))
                    .help(t!("p912-differs-help"))
                }));
            }
            Some(_) => {}
            None if !cb.partial => out.push(at(ws, c, || {
                Finding::new(
                    &ROLLUP_BREAKDOWN,
                    cb.dimension.span,
                    t!(
                        "p912-missing",
                        allocated = pi.value.value.raw.as_str(),
                        dim = dim_word(&pb.dimension.value),
                        item = pi.key.as_str()
                    ),
                )
                .label(t!("p912-missing-label"))
                .with_in(psrc, pi.key.span, t!("p912-missing-label-parent"))
                .help(t!(
                    "p912-missing-help",
                    item = pi.key.as_str(),
                    allocated = pi.value.value.raw.as_str()
                ))
            })),
            None => {}
        }
    }
    for ci in &cb.items {
        if !pb.items.iter().any(|i| i.key.value == ci.key.value) {
            out.push(at(ws, c, || {
                Finding::new(
                    &ROLLUP_BREAKDOWN,
                    ci.key.span,
                    t!(
                        "p912-extra",
                        dim = dim_word(&pb.dimension.value),
                        item = ci.key.as_str()
                    ),
                )
                .label(t!("p912-extra-label"))
                .with_in(
                    psrc,
                    pb.dimension.span,
                    t!("workspace-label-parent-breakdown"),
                )
                .help(t!("workspace-help-use-parent-items"))
            }));
        }
    }
}

/// Two children claiming one item; `complete` breakdowns with items nobody plans; and
/// the children's breakdowns summed against the parent's beside a complete breakdown.
pub(super) fn coverage(
    ws: &Workspace,
    p: FileId,
    parent: &Plan,
    psrc: &Arc<SourceFile>,
    claims: &[Claim],
    out: &mut Out,
) {
    // Two children, one item.
    let mut first: HashMap<*const BreakdownItem, FileId> = HashMap::new();
    for cl in claims {
        for item in &cl.allocs {
            match first.get(item) {
                Some(&other) if other != cl.child => {
                    let Some(link) = ws.link(cl.child) else {
                        continue;
                    };
                    let Some(olink) = ws.link(other) else {
                        continue;
                    };
                    let Some(osrc) = ws.files[other].source.as_ref() else {
                        continue;
                    };
                    out.push(at(ws, cl.child, || {
                        Finding::new(
                            &ROLLUP_COVERAGE,
                            link.span,
                            t!(
                                "p913-twice",
                                other = name_of(ws, other),
                                item = link.spec.item.as_deref().unwrap_or("")
                            ),
                        )
                        .label(t!("p913-twice-label"))
                        .with_in(osrc, olink.span, t!("p913-twice-label-other"))
                        .help(t!("p913-twice-help"))
                    }));
                }
                Some(_) => {}
                None => {
                    first.insert(*item, cl.child);
                }
            }
        }
    }
    let punit = parent.money_unit();
    let all_complete = ws.config.rollup_complete;
    for t in &parent.targets {
        let mut seen_breakdowns: Vec<*const Breakdown> = Vec::new();
        walk(t, &mut |b, _, siblings| {
            let bp = b as *const Breakdown;
            if seen_breakdowns.contains(&bp) {
                return;
            }
            seen_breakdowns.push(bp);
            let claimed: Vec<Option<&Claim>> = b
                .items
                .iter()
                .map(|i| {
                    claims
                        .iter()
                        .find(|cl| cl.allocs.iter().any(|ip| std::ptr::eq(*ip, i)))
                })
                .collect();
            let any = claimed.iter().any(Option::is_some);
            let whole = b.complete || (all_complete && any);
            // Which items expect a child plan: `child_plan` on the item decides, else
            // the breakdown's completeness.
            let expects = |i: &BreakdownItem| i.child_plan.as_ref().map_or(whole, |c| c.value);
            if !b.items.iter().any(expects) {
                return;
            }

            let missing: Vec<&BreakdownItem> = b
                .items
                .iter()
                .zip(&claimed)
                .filter(|(i, c)| c.is_none() && expects(i))
                .map(|(i, _)| i)
                .collect();
            // A plan named alone has its workspace's children loaded with it
            // (`Workspace::load_children`): the same answer as a check of the tree.
            if !missing.is_empty() {
                let total: Decimal = b
                    .items
                    .iter()
                    .filter_map(|i| i.value.value.base(punit))
                    .sum();
                let unplanned: Decimal = missing
                    .iter()
                    .filter_map(|i| i.value.value.base(punit))
                    .sum();
                let planned: Decimal = b
                    .items
                    .iter()
                    .zip(&claimed)
                    .filter_map(|(i, c)| {
                        let cl = c.as_ref()?;
                        let k = cl.allocs.iter().position(|ip| std::ptr::eq(*ip, i))?;
                        cl.planned.get(k).copied().flatten()
                    })
                    .sum();
                let like = &b.items[0].value.value;
                out.push(at(ws, p, || {
                    let names: Vec<String> = missing.iter().map(|i| display(i)).collect();
                    let mut f = Finding::new(
                        &ROLLUP_COVERAGE,
                        b.dimension.span,
                        t!(
                            "p913-unplanned",
                            planned = fmt_base(planned, like, punit),
                            total = fmt_base(total, like, punit),
                            dim = dim_word(&b.dimension.value),
                            target = t.name.as_str(),
                            unplanned = fmt_base(unplanned, like, punit),
                            pct = percent_of(unplanned, total)
                                .map(fmt_pct)
                                .unwrap_or_default(),
                            items = list(&names)
                        ),
                    )
                    .label(if b.complete {
                        t!("p913-label-complete")
                    } else if whole {
                        t!("p913-label-complete-config")
                    } else {
                        t!("p913-label-expected")
                    });
                    for i in missing.iter().take(8) {
                        f = f.with(i.key.span, t!("p913-label-item"));
                    }
                    f.help(t!(
                        "p913-help",
                        plan = parent.id.as_str(),
                        item = missing[0].key.as_str()
                    ))
                }));
                return;
            }
            // Items marked as having no child plan (yet): the children cannot add up
            // to the whole, and that is no mistake.
            if !whole || claimed.iter().any(Option::is_none) {
                return;
            }
            // Every item has its child: the children's other breakdowns add up to the
            // parent's beside this one.
            for s in siblings {
                if std::ptr::eq(s, b) {
                    continue;
                }
                sum_children(ws, p, parent, psrc, t, s, &claimed, out);
            }
        });
    }
}

/// The children's breakdowns by `s.dimension`, summed, against the parent's `s`.
#[allow(clippy::too_many_arguments)]
fn sum_children(
    ws: &Workspace,
    p: FileId,
    parent: &Plan,
    psrc: &Arc<SourceFile>,
    target: &crate::model::Target,
    s: &Breakdown,
    claimed: &[Option<&Claim>],
    out: &mut Out,
) {
    let punit = parent.money_unit();
    let mut sums: HashMap<&str, Parts> = HashMap::new();
    for cl in claimed.iter().flatten() {
        let Some((child, _)) = loaded(ws, cl.child) else {
            return;
        };
        let cunit = child.money_unit();
        // The child's target that fills this parent target.
        let Some(t) = child
            .targets
            .iter()
            .find(|t| parent_target(parent, t).is_some_and(|pt| std::ptr::eq(pt, target)))
        else {
            return;
        };
        let Some(cb) = t
            .breakdowns
            .iter()
            .find(|b| crate::model::dimension::same(&b.dimension, &s.dimension) && !b.partial)
        else {
            return; // a child without this breakdown: nothing to add up
        };
        for i in &cb.items {
            let Some(v) = i.value.value.base(cunit) else {
                return;
            };
            let e = sums
                .entry(i.key.as_str())
                .or_insert((Decimal::ZERO, Vec::new()));
            e.0 += v;
            e.1.push((cl.child, i.value.span));
        }
    }
    for pi in &s.items {
        let Some(pv) = pi.value.value.base(punit) else {
            continue;
        };
        let (sum, spans) = sums.remove(pi.key.as_str()).unwrap_or_default();
        if (sum - pv).abs() <= ws.config.tolerance.money_yuan {
            continue;
        }
        let like = &pi.value.value;
        out.push(at(ws, p, || {
            let gap = fmt_base((sum - pv).abs(), like, punit);
            let mut f = Finding::new(
                &ROLLUP_BREAKDOWN,
                pi.value.span,
                t!(
                    "p912-sum",
                    sum = fmt_base(sum, like, punit),
                    dim = dim_word(&s.dimension.value),
                    item = display(pi),
                    value = pi.value.value.raw.as_str()
                ),
            )
            .label(if sum > pv {
                t!("p912-sum-label-over", gap = gap)
            } else {
                t!("p912-sum-label-short", gap = gap)
            });
            for (c, span) in spans.iter().take(6) {
                if let Some(src) = ws.files[*c].source.as_ref() {
                    f = f.with_in(src, *span, t!("p912-sum-label-part"));
                }
            }
            f.help(t!(
                "p912-sum-help",
                noun = dimension_noun(&s.dimension.value),
                dim = dim_word(&s.dimension.value)
            ))
        }));
    }
    for (key, (_, spans)) in sums {
        let Some(&(c, span)) = spans.first() else {
            continue;
        };
        out.push(at(ws, c, || {
            Finding::new(
                &ROLLUP_BREAKDOWN,
                span,
                t!(
                    "p912-sum-extra",
                    dim = dim_word(&s.dimension.value),
                    item = key
                ),
            )
            .label(t!("p912-sum-extra-label"))
            .with_in(
                psrc,
                s.dimension.span,
                t!("workspace-label-parent-breakdown"),
            )
            .help(t!("workspace-help-use-parent-items"))
        }));
    }
}
