//! Top-down allocation (指标分解): the items of a breakdown computed from the value it
//! splits, by the `allocation` declared on it.
//!
//! - [`math`]: the arithmetic, pure functions over `Decimal` (shares within floors and
//!   caps, largest-remainder rounding, seasonal percentages).
//! - [`expr`]: a `potential` driver evaluated exactly.
//! - `basis`: each method's basis for the items, from the typed plan.
//! - [`season`]: a seasonal index from monthly actuals already read.
//! - [`history`]: each item's last year from actuals of earlier years already read.
//! - [`edit`]: the computed figures as text edits of the plan (values, the index used, a
//!   provenance comment), for `planc allocate`, `planc fix` and the drift rule.
//!
//! Architecture invariant: nothing here reads files or prints. The rules (P112 invalid
//! declarations, P113 drift) and `cli/allocate.rs` are its clients.

mod basis;
pub mod edit;
pub mod expr;
pub mod history;
pub mod math;
pub mod season;

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::{Allocation, Breakdown, MoneyUnit, Plan, Quantity, Sp, Unit};
use crate::source::Span;

/// What `planc allocate` computed from actuals files, keyed by the span of the
/// breakdown's `dimension`; it wins over what the plan states (and is written into it).
#[derive(Clone, Debug, Default)]
pub struct Indexes {
    /// A seasonal index (percent by item ref), for the plan's `index`.
    pub seasonal: HashMap<Span, Vec<(String, Decimal)>>,
    /// Each item's last year (base units, item order), for the items' `last_year`.
    pub last_year: HashMap<Span, Vec<Decimal>>,
}

impl Indexes {
    pub fn new() -> Indexes {
        Indexes::default()
    }
}

/// An allocation that was computed.
#[derive(Clone, Debug)]
pub struct Computed<'a> {
    pub target_id: &'a str,
    /// The value split: a target's or a breakdown item's.
    pub whole: &'a Sp<Quantity>,
    pub whole_name: &'a str,
    pub breakdown: &'a Breakdown,
    pub allocation: &'a Allocation,
    /// Each item's value, in base units (元 for money), in item order.
    pub values: Vec<Decimal>,
    /// The rounding unit in base units, and as written (or the default).
    pub unit: Decimal,
    pub unit_text: String,
    /// The seasonal index used (percent by item ref), when the method uses one.
    pub index: Option<Vec<(String, Decimal)>>,
    /// The index came from actuals (so `planc allocate` writes it into the plan).
    pub index_computed: bool,
    /// Each item's last year computed from actuals (base units, item order), which
    /// `planc allocate` writes as the items' `last_year`.
    pub last_years: Option<Vec<Decimal>>,
    /// The plan's money unit, for writing figures.
    pub money: MoneyUnit,
}

/// A declaration that cannot be computed: where, what, and what to do.
#[derive(Clone, Debug)]
pub struct Invalid {
    pub span: Span,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
    /// The other side of the problem (the total the holds exceed, say).
    pub related: Option<(Span, String)>,
}

/// One declared allocation: computed, or why not.
#[derive(Clone, Debug)]
pub enum Outcome<'a> {
    Computed(Computed<'a>),
    Invalid(Vec<Invalid>),
    /// The index is to be computed from actuals by `planc allocate` and has not been
    /// written yet; nothing to compare.
    Pending(&'a Breakdown),
}

/// Every allocation declared in the plan, outermost first (a nested breakdown is split
/// from its item's value as the plan states it now).
pub fn compute_all<'a>(plan: &'a Plan, indexes: &Indexes) -> Vec<Outcome<'a>> {
    let mut out = Vec::new();
    let money = plan.money_unit();
    fn go<'a>(
        target: &'a str,
        whole: &'a Sp<Quantity>,
        name: &'a str,
        breakdowns: &'a [Breakdown],
        money: MoneyUnit,
        indexes: &Indexes,
        out: &mut Vec<Outcome<'a>>,
    ) {
        for b in breakdowns {
            if let Some(a) = &b.allocation {
                out.push(compute(target, whole, name, b, a, money, indexes));
            }
            for item in &b.items {
                let n = item.name.as_deref().unwrap_or(item.key.as_str());
                go(
                    target,
                    &item.value,
                    n,
                    &item.breakdowns,
                    money,
                    indexes,
                    out,
                );
            }
        }
    }
    for t in &plan.targets {
        go(
            &t.id,
            &t.value,
            &t.name,
            &t.breakdowns,
            money,
            indexes,
            &mut out,
        );
    }
    out
}

fn invalid(span: Span, message: String, label: String, help: Option<String>) -> Invalid {
    Invalid {
        span,
        message,
        label,
        help,
        related: None,
    }
}

/// A quantity in base units (元 for money, else its amount), if it is a number of the
/// same kind as the whole.
pub fn base_of(q: &Quantity, whole: &Quantity, money: MoneyUnit) -> Option<Decimal> {
    if whole.money_unit(money).is_some() {
        q.yuan(money)
    } else if q.unit == whole.unit || q.unit == Unit::Bare {
        q.amount
    } else {
        None
    }
}

fn compute<'a>(
    target_id: &'a str,
    whole: &'a Sp<Quantity>,
    whole_name: &'a str,
    b: &'a Breakdown,
    a: &'a Allocation,
    money: MoneyUnit,
    indexes: &Indexes,
) -> Outcome<'a> {
    let mut problems = Vec::new();
    let dim = b.dimension.value.trim().to_owned();
    let Some(total) = base_of(whole, whole, money) else {
        return Outcome::Invalid(vec![invalid(
            b.dimension.span,
            crate::t!(
                "alloc-whole-not-a-number",
                whole = whole.raw.trim(),
                name = whole_name
            ),
            crate::t!("alloc-label-whole"),
            Some(crate::t!("alloc-help-whole")),
        )]);
    };
    // The rounding unit: as declared, else 1 of the plan's unit (or 1 of a count).
    let (unit, unit_text) = match &a.round {
        Some(r) => match base_of(r, whole, money) {
            Some(u) if u > Decimal::ZERO => (u, r.raw.trim().to_owned()),
            _ => {
                return Outcome::Invalid(vec![invalid(
                    r.span,
                    crate::t!(
                        "alloc-bad-round",
                        round = r.raw.trim(),
                        whole = whole.raw.trim()
                    ),
                    crate::t!("alloc-label-round"),
                    Some(crate::t!("alloc-help-round")),
                )])
            }
        },
        None if whole.money_unit(money).is_some() => (money.factor(), format!("1{money}")),
        None => (Decimal::ONE, format!("1{}", whole.unit)),
    };
    let (index, index_computed) = match indexes.seasonal.get(&b.dimension.span) {
        Some(ix) => (Some(ix.clone()), true),
        None => (None, false),
    };
    let last_years = indexes.last_year.get(&b.dimension.span);
    let uses_history = a.method.value == crate::model::Method::History
        || a.blend
            .iter()
            .any(|p| p.method.value == crate::model::Method::History);
    // Last year is to be read from actuals and some item does not state it yet.
    if uses_history
        && last_years.is_none()
        && !a.actuals.is_empty()
        && b.items
            .iter()
            .any(|i| i.last_year.is_none() && !i.hold.as_ref().is_some_and(|h| h.value))
    {
        return Outcome::Pending(b);
    }
    let uses_index = a.method.value == crate::model::Method::Seasonal
        || a.blend
            .iter()
            .any(|p| p.method.value == crate::model::Method::Seasonal);
    if uses_index && index.is_none() && a.index.is_none() && !a.actuals.is_empty() {
        return Outcome::Pending(b);
    }
    let ctx = basis::Ctx {
        whole,
        b,
        a,
        money,
        index: index.as_deref(),
        last_years: last_years.map(Vec::as_slice),
    };
    let items = match basis::items(&ctx, &mut problems) {
        Some(items) if problems.is_empty() => items,
        _ => return Outcome::Invalid(problems),
    };
    let index_used = if uses_index {
        index.clone().or_else(|| basis::plan_index(a))
    } else {
        None
    };
    match math::allocate(total, unit, &items) {
        Ok(values) => Outcome::Computed(Computed {
            target_id,
            whole,
            whole_name,
            breakdown: b,
            allocation: a,
            values,
            unit,
            unit_text,
            index: index_used,
            index_computed,
            last_years: last_years.cloned(),
            money,
        }),
        Err(p) => Outcome::Invalid(vec![basis::explain(&ctx, &dim, total, unit, &unit_text, p)]),
    }
}

/// Formats a base amount (元 for money) the way `like` is written: its money unit (or a
/// bare number in the plan's unit), else `fallback`'s money unit; counts keep their unit.
pub fn format_value(
    base: Decimal,
    like: &Quantity,
    fallback: &Quantity,
    money: MoneyUnit,
) -> String {
    let pick = |q: &Quantity| match q.unit {
        Unit::Money(m) => Some((m, m.label())),
        Unit::Bare if q.amount.is_some() => Some((money, "")),
        _ => None,
    };
    if fallback.money_unit(money).is_some() || like.is_money() {
        let (m, label) = pick(like)
            .or_else(|| pick(fallback).map(|(m, _)| (m, m.label())))
            .unwrap_or((money, money.label()));
        return format!("{}{label}", (base / m.factor()).normalize());
    }
    format!("{}{}", base.normalize(), fallback.unit)
}

/// A percentage for messages, to two decimals at most.
fn fmt_pct(p: Decimal) -> String {
    format!(
        "{}%",
        p.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    )
}

/// Items of a list for messages: `a, b` (`a、b` in Chinese).
fn fmt_list(items: &[&str]) -> String {
    items.join(&crate::t!("list-separator"))
}
