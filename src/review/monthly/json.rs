//! `planc review DIR --format json`: every figure of the monthly report, exact, with the
//! stable field names README "月报 / Monthly report" documents. Money is a decimal string
//! in 元; ratios are decimal strings in percent (4 places); points likewise; a figure that
//! cannot be computed is `null`, never `0`.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use super::{Monthly, Unit};
use crate::actuals::period::PeriodKey;

fn money(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| {
        Value::String(
            d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                .normalize()
                .to_string(),
        )
    })
}

fn pct(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| {
        Value::String(
            d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
                .normalize()
                .to_string(),
        )
    })
}

fn unit(m: &Monthly, u: &Unit) -> Value {
    let f = &u.figures;
    let pp = &m.period;
    let months: Vec<Value> = (0..f.closed)
        .map(|i| {
            let a = u.inputs.months.get(i as usize).copied().flatten();
            let l = u.inputs.last_year.get(i as usize).copied().flatten();
            let to_date = super::calc::phased_to_date(
                pp,
                u.inputs.annual,
                u.inputs.split.as_deref(),
                pp.month_end(i),
            );
            json!({
                "month": PeriodKey::Month(i).label(pp),
                "actual": money(a),
                "last_year": money(l),
                "phased_target_to_date": money(Some(to_date)),
            })
        })
        .collect();
    json!({
        "id": u.id,
        "name": u.name,
        "level": u.level,
        "parent": u.parent.map(|p| m.units[p].id.clone()),
        "has_plan": u.plan.is_some(),
        "target": u.target,
        "phasing": u.phasing.as_str(),
        "annual_target": money(Some(u.inputs.annual)),
        "time_pace": pct(Some(f.time_pace)),
        "phased_target_to_date": money(Some(f.phased_to_date)),
        "phased_pace": pct(f.phased_pace),
        "actual_to_date": money(f.actual),
        "missing_months": f.missing.iter().map(|&i| PeriodKey::Month(i).label(pp)).collect::<Vec<_>>(),
        "attainment": pct(f.attainment),
        "attainment_to_date": pct(f.attainment_to_date),
        "gap_to_pace": money(f.gap),
        "points_vs_phased_pace": pct(f.points_phased),
        "points_vs_time_pace": pct(f.points_time),
        "status": u.light.as_str(),
        "rank": u.rank,
        "last_year_to_date": money(f.last_year),
        "yoy": pct(f.yoy),
        "last_month": money(f.last_month),
        "previous_month": money(f.previous_month),
        "mom": pct(f.mom),
        "forecast_phased": money(f.forecast_phased),
        "forecast_linear": money(f.forecast_linear),
        "months": months,
    })
}

/// The document `--format json` prints.
pub fn value(m: &Monthly) -> Value {
    json!({
        "version": 1,
        "tool": { "name": "planc", "version": env!("CARGO_PKG_VERSION") },
        "kind": "monthly",
        "as_of": m.as_of.to_string(),
        "period": { "start": m.period.start.to_string(), "end": m.period.end.to_string() },
        "months_closed": super::calc::closed_months(&m.period, m.as_of),
        "actuals": m.sources,
        "units": m.units.iter().map(|u| unit(m, u)).collect::<Vec<_>>(),
    })
}
