//! P915: last year's figures of a child plan against its parent's for the item it fills.

use std::sync::Arc;

use super::codes::ROLLUP_LAST_YEAR;
use super::rollup::{agrees, at, comparable, dim_word, Out};
use super::{FileId, Workspace};
use crate::diagnostics::Finding;
use crate::model::dimension::same;
use crate::model::{BreakdownItem, Plan, Quantity, Sp, Target};
use crate::source::SourceFile;
use crate::t;

/// One pair of last-year figures: the child's and the parent's.
fn pair(
    ws: &Workspace,
    (child, c, ours): (&Plan, FileId, &Sp<Quantity>),
    (parent, psrc, theirs): (&Plan, &Arc<SourceFile>, &Sp<Quantity>),
    what: impl Fn() -> String,
    out: &mut Out,
) {
    if !comparable(ours, theirs) {
        return;
    }
    if agrees(ws, ours, theirs, child.money_unit(), parent.money_unit()) != Some(false) {
        return;
    }
    out.push(at(ws, c, || {
        Finding::new(
            &ROLLUP_LAST_YEAR,
            ours.span,
            t!(
                "p915-message",
                what = what(),
                value = ours.raw.as_str(),
                parent = parent.id.as_str(),
                theirs = theirs.raw.as_str()
            ),
        )
        .label(t!("p915-label"))
        .with_in(psrc, theirs.span, t!("p915-label-parent"))
        .help(t!("p915-help"))
    }));
}

/// The child's target `t` fills the parent's allocation `item`.
pub(super) fn check(
    ws: &Workspace,
    (child, c, t): (&Plan, FileId, &Target),
    (parent, psrc, item): (&Plan, &Arc<SourceFile>, &BreakdownItem),
    out: &mut Out,
) {
    if let (Some(ours), Some(theirs)) = (&t.last_year, &item.last_year) {
        pair(
            ws,
            (child, c, ours),
            (parent, psrc, theirs),
            || t.name.clone(),
            out,
        );
    }
    for pb in &item.breakdowns {
        let Some(cb) = t
            .breakdowns
            .iter()
            .find(|b| same(&b.dimension, &pb.dimension))
        else {
            continue;
        };
        for pi in &pb.items {
            let Some(theirs) = &pi.last_year else {
                continue;
            };
            let Some(ci) = cb.items.iter().find(|i| i.key.value == pi.key.value) else {
                continue;
            };
            let Some(ours) = &ci.last_year else {
                continue;
            };
            let what = || {
                t!(
                    "p915-what-item",
                    dim = dim_word(&pb.dimension),
                    item = pi.key.as_str()
                )
            };
            pair(ws, (child, c, ours), (parent, psrc, theirs), what, out);
        }
    }
}
