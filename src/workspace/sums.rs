//! Roll-up sums: a child's breakdown against the parent's split of its allocation,
//! coverage of `complete` breakdowns, and the children's breakdowns added up against
//! the parent's.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::codes::{ROLLUP_BREAKDOWN, ROLLUP_COVERAGE};
use super::rollup::{
    agrees, comparable, display, loaded, name_of, parent_target, walk, Claim, Out,
};
use super::{FileId, Workspace};
use crate::diagnostics::Finding;
use crate::model::{Breakdown, BreakdownItem, Plan};
use crate::rules::{dimension_noun, fmt_base, fmt_pct, percent_of};
use crate::source::{SourceFile, Span};

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
                out.push((
                    c,
                    Finding::new(
                        &ROLLUP_BREAKDOWN,
                        ci.value.span,
                        format!(
                            "{} `{}` is {}, but the parent allocates {} to it",
                            pb.dimension.value,
                            ci.key.value,
                            ci.value.value.raw,
                            pi.value.value.raw
                        ),
                    )
                    .label("differs from the parent")
                    .with_in(psrc, pi.value.span, "the parent's allocation")
                    .help("plan the parent's split, or change it in the parent plan"),
                ));
            }
            Some(_) => {}
            None if !cb.partial => out.push((
                c,
                Finding::new(
                    &ROLLUP_BREAKDOWN,
                    cb.dimension.span,
                    format!(
                        "the parent allocates {} to {} `{}`, which this breakdown does not have",
                        pi.value.value.raw, pb.dimension.value, pi.key.value
                    ),
                )
                .label("missing an item")
                .with_in(psrc, pi.key.span, "allocated here")
                .help(format!(
                    "add `{{ ref: {}, value: {} }}`",
                    pi.key.value, pi.value.value.raw
                )),
            )),
            None => {}
        }
    }
    for ci in &cb.items {
        if !pb.items.iter().any(|i| i.key.value == ci.key.value) {
            out.push((
                c,
                Finding::new(
                    &ROLLUP_BREAKDOWN,
                    ci.key.span,
                    format!(
                        "{} `{}` is not in the parent's breakdown of the allocation by {}",
                        pb.dimension.value, ci.key.value, pb.dimension.value
                    ),
                )
                .label("not allocated by the parent")
                .with_in(psrc, pb.dimension.span, "the parent's breakdown")
                .help("use the parent's items, or add this one to the parent's breakdown"),
            ));
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
                    out.push((
                        cl.child,
                        Finding::new(
                            &ROLLUP_COVERAGE,
                            link.span,
                            format!(
                                "{} also claims `{}`: two plans fill one allocation",
                                name_of(ws, other),
                                link.spec.item.as_deref().unwrap_or("")
                            ),
                        )
                        .label("claimed twice")
                        .with_in(osrc, olink.span, "the other plan for it")
                        .help("each item is planned by one plan: change one of the `parent` refs"),
                    ));
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
            if !(b.complete || (all_complete && any)) {
                return;
            }

            let missing: Vec<&BreakdownItem> = b
                .items
                .iter()
                .zip(&claimed)
                .filter(|(_, c)| c.is_none())
                .map(|(i, _)| i)
                .collect();
            // A plan named alone is checked without its children's folders: whether
            // every item has its plan is only known when the workspace holds the tree.
            if !missing.is_empty() && ws.files[p].explicit {
                return;
            }
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
                let names: Vec<String> = missing.iter().map(|i| display(i)).collect();
                let mut f = Finding::new(
                    &ROLLUP_COVERAGE,
                    b.dimension.span,
                    format!(
                        "child plans plan {} of the {} allocated by {} ({}): {} ({}) is not planned by any plan — {}",
                        fmt_base(planned, like, punit),
                        fmt_base(total, like, punit),
                        b.dimension.value,
                        t.name,
                        fmt_base(unplanned, like, punit),
                        percent_of(unplanned, total).map(fmt_pct).unwrap_or_default(),
                        names.join(", ")
                    ),
                )
                .label(if b.complete { "marked `complete: true`" } else { "complete by `[rollup] complete`" });
                for i in missing.iter().take(8) {
                    f = f.with(i.key.span, "no plan fills this");
                }
                f = f.help(format!(
                    "add a plan with `parent: {}#{}` for each, or remove `complete: true` while they are written",
                    parent.id.value, missing[0].key.value
                ));
                out.push((p, f));
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
            .find(|b| b.dimension.value == s.dimension.value && !b.partial)
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
        let mut f = Finding::new(
            &ROLLUP_BREAKDOWN,
            pi.value.span,
            format!(
                "the child plans together plan {} for {} `{}`, not {}",
                fmt_base(sum, like, punit),
                s.dimension.value,
                display(pi),
                pi.value.value.raw
            ),
        )
        .label(format!(
            "{} by {}",
            if sum > pv { "over" } else { "short" },
            fmt_base((sum - pv).abs(), like, punit)
        ));
        for (c, span) in spans.iter().take(6) {
            if let Some(src) = ws.files[*c].source.as_ref() {
                f = f.with_in(src, *span, "a child's part");
            }
        }
        f = f.help(format!(
            "the {} of the child plans must add up to the parent's; move the difference between them or change the parent",
            dimension_noun(&s.dimension.value)
        ));
        out.push((p, f));
    }
    for (key, (_, spans)) in sums {
        let Some((c, span)) = spans.first() else {
            continue;
        };
        out.push((
            *c,
            Finding::new(
                &ROLLUP_BREAKDOWN,
                *span,
                format!(
                    "{} `{key}` is not in the parent's breakdown by {}",
                    s.dimension.value, s.dimension.value
                ),
            )
            .label("the parent does not plan it")
            .with_in(psrc, s.dimension.span, "the parent's breakdown")
            .help("use the parent's items, or add this one to the parent's breakdown"),
        ));
    }
}
