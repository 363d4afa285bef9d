//! The target an export states beside an actual (目标 under a merged quarter, a 计划
//! column of the long layout): checked against the plan's own figure for the same cell
//! and period (P815), never read as a figure. A target planc has nothing to compare with
//! is counted and said, not passed over.

use rust_decimal::Decimal;

use super::join::{is_period_dimension, Expect, Key, MetricKind, Scope};
use super::period::{self, PeriodKey};
use super::{codes, ActualsFile, Field, Row};
use crate::config::Tolerance;
use crate::diagnostics::{Finding, Severity};
use crate::model::{Breakdown, Quantity, Sp};
use crate::t;

/// The plan's figure for a cell and period, in base units (元 for money): the target's
/// or the item's value for the year, else the sum of its quarter or month split items
/// that make up the period exactly. `None` when the plan states none.
pub(super) fn plan_figure(scope: &Scope, key: &Key) -> Option<Decimal> {
    let m = &scope.metrics[key.metric];
    let MetricKind::Target(t) = m.kind else {
        return None;
    };
    let (value, breakdowns): (&Sp<Quantity>, &[Breakdown]) = match key.cell {
        None => (&t.value, &t.breakdowns),
        Some((d, i)) => {
            let item = m.dims[d].items[i].item?;
            (&item.value, &item.breakdowns)
        }
    };
    let unit = scope.unit;
    let pp = &scope.period;
    if key.period == PeriodKey::Full {
        return value.base(unit);
    }
    let want = key.period.months(pp);
    for b in breakdowns
        .iter()
        .filter(|b| is_period_dimension(b.dimension.as_str()))
    {
        let mut sum = Decimal::ZERO;
        let mut covered = 0;
        for item in &b.items {
            let Ok(p) = period::parse(item.key.as_str(), pp) else {
                return None;
            };
            let months = p.months(pp);
            if months.start >= want.start && months.end <= want.end {
                sum += item.value.base(unit)?;
                covered += months.len();
            }
        }
        if covered == want.len() {
            return Some(sum);
        }
    }
    None
}

/// Checks the target a row states; `false` when the plan has no figure to compare it
/// with (the caller says how many such cells a file has).
pub(super) fn check(
    scope: &Scope,
    file: &ActualsFile,
    row: &Row,
    key: &Key,
    given: Decimal,
    tolerance: &Tolerance,
    out: &mut Vec<Finding>,
) -> bool {
    let Some(plan) = plan_figure(scope, key) else {
        return false;
    };
    let m = &scope.metrics[key.metric];
    let MetricKind::Target(t) = m.kind else {
        return false;
    };
    let allowed = match m.expect {
        Expect::Money => tolerance.money_yuan,
        _ => Decimal::ZERO,
    };
    if (given - plan).abs() <= allowed {
        return true;
    }
    let fmt = |v: Decimal| crate::rules::fmt_base(v, &t.value, scope.unit);
    let Some(text) = &row.target else {
        return true;
    };
    out.push(
        Finding::new(
            &codes::TARGET_DIFFERS,
            text.span,
            t!(
                "p815-message",
                cell = super::join::describe_key(scope, key),
                given = fmt(given),
                plan = fmt(plan),
                at = file.cell(row, Field::Target)
            ),
        )
        .label(t!("p815-label", plan = fmt(plan)))
        .help(t!("p815-help"))
        .severity(Severity::Warning),
    );
    true
}

/// One note per file for the targets it states that the plan has no figure for.
pub(super) fn not_compared(count: usize) -> Finding {
    Finding::new(
        &codes::TARGET_DIFFERS,
        crate::source::Span::default(),
        t!("p815-not-compared", count = count),
    )
    .help(t!("p815-not-compared-help"))
    .severity(Severity::Warning)
}
