//! P920: the last-year column of an actuals file against the plan's last year.
//!
//! A full-year row's `last_year` (同期) is last year's actual for the same target or
//! breakdown item: the plan states the same figure as the target's or item's
//! `last_year`. Only files whose full-year rows run to the plan's end are compared (a
//! year-to-date file's 同期 is last year to the same date).

use std::collections::HashMap;

use super::actuals_agree::Joined;
use super::codes::ACTUALS_LAST_YEAR;
use super::{FileId, Workspace};
use crate::actuals::join::{describe_key, MetricKind};
use crate::actuals::period::PeriodKey;
use crate::actuals::Field;
use crate::diagnostics::Finding;
use crate::model::{Quantity, Sp};
use crate::t;

pub(super) fn check(
    ws: &Workspace,
    plan_file: FileId,
    j: &Joined,
    out: &mut HashMap<FileId, Vec<Finding>>,
) {
    let scope = &j.scope;
    if j.coverage != Some(scope.period.end) {
        return;
    }
    let Some(psrc) = ws.files[plan_file].source.as_ref() else {
        return;
    };
    let unit = scope.plan.money_unit();
    for (k, f, derived) in &j.facts {
        if *derived || k.period != PeriodKey::Full {
            continue;
        }
        let Some(theirs) = f.last_year else { continue };
        let m = &scope.metrics[k.metric];
        let MetricKind::Target(t) = m.kind else {
            continue;
        };
        let stated: Option<&Sp<Quantity>> = match k.cell {
            None => t.last_year.as_ref(),
            Some((d, i)) => m.dims[d].items[i].item.and_then(|x| x.last_year.as_ref()),
        };
        let Some(stated) = stated else { continue };
        let Some(ours) = stated.base(unit) else {
            continue;
        };
        let slack = if stated.is_money() || stated.unit == crate::model::Unit::Bare {
            ws.config.tolerance.money_yuan
        } else {
            rust_decimal::Decimal::ZERO
        };
        if (ours - theirs).abs() <= slack {
            continue;
        }
        let Some(row) = j.actuals.rows.get(f.row) else {
            continue;
        };
        let written = row
            .last_year
            .as_ref()
            .map_or_else(|| theirs.normalize().to_string(), |v| row.written(v));
        let finding = crate::i18n::scope(ws.lang_of(j.file), || {
            Finding::new(
                &ACTUALS_LAST_YEAR,
                row.span(Field::LastYear),
                t!(
                    "p920-message",
                    what = describe_key(scope, k),
                    value = written,
                    plan = scope.plan.id.as_str(),
                    stated = stated.raw.as_str()
                ),
            )
            .label(t!("p920-label"))
            .with_in(psrc, stated.span, t!("p920-label-plan"))
            .help(t!("p920-help"))
        });
        out.entry(j.file).or_default().push(finding);
    }
}
