//! P918: a final plan under a draft parent.

use std::sync::Arc;

use super::codes::STATUS_ORDER;
use super::rollup::{at, Out};
use super::{FileId, Workspace};
use crate::diagnostics::Finding;
use crate::model::{Plan, Status};
use crate::source::SourceFile;
use crate::t;

pub(super) fn check(
    ws: &Workspace,
    (child, c): (&Plan, FileId),
    (parent, psrc): (&Plan, &Arc<SourceFile>),
    out: &mut Out,
) {
    if child.status.value != Status::Final || parent.status.value != Status::Draft {
        return;
    }
    out.push(at(ws, c, || {
        Finding::new(
            &STATUS_ORDER,
            child.status.span,
            t!("p918-message", parent = parent.id.as_str()),
        )
        .label(t!("p918-label"))
        .with_in(psrc, parent.status.span, t!("p918-label-parent"))
        .help(t!("p918-help"))
    }));
}
