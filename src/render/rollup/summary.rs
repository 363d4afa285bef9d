//! The executive summary that opens the consolidated report.

use rust_decimal::Decimal;

use super::{base, item_label, Builder, OrgNode};
use crate::num;
use crate::render::view::Column;

/// The summary of the consolidated report: the root's target and how much of it the
/// child plans carry, the units without a plan (with their allocations), the units whose
/// plan differs from their allocation, and the resources the plans ask for.
pub(super) fn summary(b: &Builder, root: &OrgNode) -> Option<crate::render::figures::Figures> {
    use crate::render::figures::{Block, Cell, Figures, Row};
    let l = b.l;
    let target = root.rolled_target()?;
    let own = base(&target.value.value, root.plan)?;
    let planned: Decimal = root.children.iter().filter_map(|c| c.planned).sum();
    let share = |v: Decimal| num::percent_of(v, own).map(num::pct).unwrap_or_default();
    let sep = l.opt("review.count_sep").unwrap_or(", ");
    let missing: Vec<String> = root
        .expected()
        .iter()
        .filter(|(_, i)| root.child_for(&i.key.value).is_none())
        .map(|(d, i)| {
            let name = item_label(root.plan, d, &i.key.value, i.name.as_deref());
            match base(&i.value.value, root.plan) {
                Some(a) => l.fmt(
                    "rollup.missing_item",
                    &[("name", &name), ("amount", &b.money.money(a))],
                ),
                None => name,
            }
        })
        .collect();
    let mut intro = l.fmt(
        "rollup.headline",
        &[
            ("target", &target.name),
            ("amount", &b.money.money(own)),
            ("count", &b.count(root)),
            ("planned", &b.money.money(planned)),
            ("planned_share", &share(planned)),
            ("unplanned", &b.money.money(own - planned)),
            ("unplanned_share", &share(own - planned)),
        ],
    );
    if !missing.is_empty() {
        intro.push_str(&l.fmt("rollup.missing", &[("items", &missing.join(sep))]));
    }
    let mut off = Vec::new();
    let mut stack: Vec<&OrgNode> = root.children.iter().collect();
    while let Some(n) = stack.pop() {
        if let (Some(p), Some(a)) = (n.planned, n.allocated) {
            if p != a {
                off.push(format!("{}（{}）", n.name(), b.gap(Some(p), Some(a))));
            }
        }
        stack.extend(&n.children);
    }
    intro.push_str(&if off.is_empty() {
        l.get("rollup.all_match")
    } else {
        l.fmt("rollup.off", &[("units", &off.join(sep))])
    });
    // Requests of every plan in the tree, depth first.
    let mut rows = Vec::new();
    fn walk<'a>(n: &'a OrgNode<'a>, out: &mut Vec<&'a OrgNode<'a>>) {
        out.push(n);
        for c in &n.children {
            walk(c, out);
        }
    }
    let mut nodes = Vec::new();
    walk(root, &mut nodes);
    for n in nodes {
        let unit = n.plan.money_unit();
        for q in &n.plan.requests {
            let amount = q.amount.as_ref().map_or_else(
                || "—".to_owned(),
                |a| match a.value.base(unit) {
                    Some(v) if a.value.money_unit(unit).is_some() => b.money.money(v),
                    _ => a.value.raw.clone(),
                },
            );
            let kind = match q.kind {
                crate::model::RequestKind::Budget => "request.budget",
                crate::model::RequestKind::Headcount => "request.headcount",
                crate::model::RequestKind::Training => "request.training",
                crate::model::RequestKind::Other => "request.other",
            };
            rows.push(Row {
                cells: vec![
                    Cell::text(n.name()),
                    Cell::text(&q.name),
                    Cell::text(l.get(kind)),
                    Cell::text(amount),
                    Cell::text(q.text.clone().unwrap_or_default().trim()),
                ],
                kind: "body",
                depth: 0,
            });
        }
    }
    let blocks = if rows.is_empty() {
        Vec::new()
    } else {
        vec![Block {
            caption: Some(l.get("review.decisions")),
            columns: vec![
                Column::new(l.get("rollup.unit"), "left", 2),
                Column::new(l.get("review.col_request"), "left", 3),
                Column::new(l.get("review.col_kind"), "left", 2),
                Column::new(l.get("review.col_amount"), "right", 2),
                Column::new(l.get("review.col_reason"), "left", 5),
            ],
            rows,
            note: None,
            highlights: Vec::new(),
            chart: None,
        }]
    };
    Some(Figures {
        intro: Some(intro),
        blocks,
    })
}
