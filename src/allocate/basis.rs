//! Each method's basis for a breakdown's items, read from the typed plan, and the
//! problems of a declaration as messages at the user's spans.

use rust_decimal::Decimal;

use super::math::{Item, Problem};
use super::{base_of, invalid, Invalid};
use crate::model::{Allocation, Breakdown, BreakdownItem, Method, MoneyUnit, Quantity, Sp};
use crate::source::Span;

pub(super) struct Ctx<'a> {
    pub whole: &'a Sp<Quantity>,
    pub b: &'a Breakdown,
    pub a: &'a Allocation,
    pub money: MoneyUnit,
    /// An index computed from actuals, which wins over the plan's.
    pub index: Option<&'a [(String, Decimal)]>,
    /// Each item's last year computed from actuals, which wins over the plan's.
    pub last_years: Option<&'a [Decimal]>,
}

/// Item `k`'s last year in base units: computed from actuals, else as the plan states it.
fn last_year_of(ctx: &Ctx, k: usize, item: &BreakdownItem) -> Option<Decimal> {
    match ctx.last_years {
        Some(ly) => ly.get(k).copied(),
        None => item
            .last_year
            .as_ref()
            .and_then(|l| base_of(l, ctx.whole, ctx.money)),
    }
}

fn item_name(i: &BreakdownItem) -> &str {
    i.name.as_deref().unwrap_or(i.key.as_str())
}

fn held(i: &BreakdownItem) -> bool {
    i.hold.as_ref().is_some_and(|h| h.value)
}

/// The plan's own seasonal index, as percentages by item ref.
pub(super) fn plan_index(a: &Allocation) -> Option<Vec<(String, Decimal)>> {
    let ix = a.index.as_ref()?;
    ix.value
        .iter()
        .map(|(k, q)| Some((k.clone(), q.amount?)))
        .collect()
}

/// A seasonal index written in the plan must say what it means: percentages adding up
/// to exactly 100 %, or ratios to an average period (1.05, 0.92 …) adding up to the
/// number of periods (4 quarters, 12 months). Anything else would be silently
/// normalised into some other index than the one a reader sees.
fn index_sum_problem(a: &Allocation) -> Option<Invalid> {
    use crate::model::Unit;
    let ix = a.index.as_ref()?;
    let entries: Vec<&Sp<crate::model::Quantity>> = ix.value.values().collect();
    let percent = entries.iter().all(|q| q.unit == Unit::Percent);
    let ratios = entries.iter().all(|q| q.unit == Unit::Bare);
    let sum: Decimal = entries.iter().filter_map(|q| q.amount).sum();
    let written = if percent {
        super::fmt_pct(sum)
    } else {
        sum.normalize().to_string()
    };
    let (message, help) = if percent {
        if sum == Decimal::ONE_HUNDRED {
            return None;
        }
        let missing = super::fmt_pct(Decimal::ONE_HUNDRED - sum);
        (
            crate::t!("alloc-index-sum", sum = written.as_str()),
            crate::t!("alloc-help-index-sum", missing = missing.as_str()),
        )
    } else if ratios {
        let n = Decimal::from(entries.len());
        if sum == n {
            return None;
        }
        (
            crate::t!(
                "alloc-index-ratio-sum",
                sum = written.as_str(),
                count = entries.len()
            ),
            crate::t!("alloc-help-index-ratio-sum", count = entries.len()),
        )
    } else {
        (
            crate::t!("alloc-index-units"),
            crate::t!("alloc-help-index-units"),
        )
    };
    Some(invalid(
        ix.span,
        message,
        crate::t!("alloc-label-index"),
        Some(help),
    ))
}

/// The items for the arithmetic: bases (normalised per method, mixed for a blend),
/// holds and growth bounds. Problems are pushed; `None` when the bases cannot be made.
pub(super) fn items(ctx: &Ctx, problems: &mut Vec<Invalid>) -> Option<Vec<Item>> {
    let a = ctx.a;
    let bases: Vec<Decimal> = if a.method.value == Method::Blend {
        if a.blend.is_empty() {
            problems.push(invalid(
                a.method.span,
                crate::t!("alloc-blend-empty"),
                crate::t!("alloc-label-method"),
                Some(crate::t!("alloc-help-blend")),
            ));
            return None;
        }
        let mut weight_sum = Decimal::ZERO;
        let mut mixed = vec![Decimal::ZERO; ctx.b.items.len()];
        for part in &a.blend {
            let w = match (&part.weight.unit, part.weight.amount) {
                (crate::model::Unit::Percent, Some(w)) if w > Decimal::ZERO => w,
                _ => {
                    problems.push(invalid(
                        part.weight.span,
                        crate::t!("alloc-blend-weight", weight = part.weight.raw.trim()),
                        crate::t!("alloc-label-weight"),
                        Some(crate::t!("alloc-help-blend")),
                    ));
                    continue;
                }
            };
            weight_sum += w;
            if matches!(part.method.value, Method::Blend) {
                problems.push(invalid(
                    part.method.span,
                    crate::t!("alloc-blend-nested"),
                    crate::t!("alloc-label-method"),
                    None,
                ));
                continue;
            }
            let Some(raw) = method_bases(ctx, part.method.value, part.method.span, problems) else {
                continue;
            };
            let sum: Decimal = ctx
                .b
                .items
                .iter()
                .zip(&raw)
                .filter(|(i, _)| !held(i))
                .map(|(_, b)| *b)
                .sum();
            if sum <= Decimal::ZERO {
                continue;
            }
            for (m, r) in mixed.iter_mut().zip(&raw) {
                *m += w * *r / sum;
            }
        }
        if problems.is_empty() && weight_sum != Decimal::ONE_HUNDRED {
            let first = a.blend.first().map_or(a.method.span, |p| p.weight.span);
            problems.push(invalid(
                first,
                crate::t!("alloc-blend-sum", sum = super::fmt_pct(weight_sum)),
                crate::t!("alloc-label-weight"),
                Some(crate::t!("alloc-help-blend")),
            ));
        }
        mixed
    } else {
        method_bases(ctx, a.method.value, a.method.span, problems)?
    };
    if ctx.b.items.is_empty() {
        problems.push(invalid(
            ctx.b.dimension.span,
            crate::t!("alloc-no-items"),
            crate::t!("alloc-label-items"),
            None,
        ));
    }
    if !problems.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(ctx.b.items.len());
    for (k, (item, basis)) in ctx.b.items.iter().zip(bases).enumerate() {
        let mut it = Item::basis(basis);
        if held(item) {
            match base_of(&item.value, ctx.whole, ctx.money) {
                Some(v) => it.hold = Some(v),
                None => problems.push(invalid(
                    item.value.span,
                    crate::t!(
                        "alloc-hold-not-a-number",
                        item = item_name(item),
                        value = item.value.raw.trim()
                    ),
                    crate::t!("alloc-label-hold"),
                    Some(crate::t!("alloc-help-hold")),
                )),
            }
        } else {
            it.min = bound(
                ctx,
                k,
                item,
                item.floor.as_ref().or(ctx.a.floor.as_ref()),
                problems,
            );
            it.max = bound(
                ctx,
                k,
                item,
                item.cap.as_ref().or(ctx.a.cap.as_ref()),
                problems,
            );
        }
        out.push(it);
    }
    problems.is_empty().then_some(out)
}

/// last year × (1 + growth) for a floor or cap.
fn bound(
    ctx: &Ctx,
    k: usize,
    item: &BreakdownItem,
    growth: Option<&Sp<Quantity>>,
    problems: &mut Vec<Invalid>,
) -> Option<Decimal> {
    let g = growth?;
    let Some(p) = g.amount.filter(|_| g.is_percent()) else {
        problems.push(invalid(
            g.span,
            crate::t!("alloc-bad-growth", value = g.raw.trim()),
            crate::t!("alloc-label-growth"),
            Some(crate::t!("alloc-help-growth")),
        ));
        return None;
    };
    let Some(ly) = last_year_of(ctx, k, item) else {
        problems.push(invalid(
            item.key.span,
            crate::t!("alloc-bound-needs-last-year", item = item_name(item)),
            crate::t!("alloc-label-last-year"),
            Some(crate::t!("alloc-help-bound-last-year")),
        ));
        return None;
    };
    Some(ly * (Decimal::ONE_HUNDRED + p) / Decimal::ONE_HUNDRED)
}

/// One method's raw basis per item (held items get zero), or `None` with problems.
fn method_bases(
    ctx: &Ctx,
    method: Method,
    method_span: Span,
    problems: &mut Vec<Invalid>,
) -> Option<Vec<Decimal>> {
    let before = problems.len();
    let plan_index = plan_index(ctx.a);
    let index: Option<&[(String, Decimal)]> = ctx.index.or(plan_index.as_deref());
    if method == Method::Seasonal && index.is_none() {
        problems.push(invalid(
            method_span,
            crate::t!("alloc-no-index"),
            crate::t!("alloc-label-method"),
            Some(crate::t!("alloc-help-index")),
        ));
        return None;
    }
    if method == Method::Seasonal && ctx.index.is_none() {
        if let Some(p) = index_sum_problem(ctx.a) {
            problems.push(p);
            return None;
        }
    }
    let mut out = Vec::with_capacity(ctx.b.items.len());
    for (k, item) in ctx.b.items.iter().enumerate() {
        if held(item) {
            out.push(Decimal::ZERO);
            continue;
        }
        let name = item_name(item);
        let missing = |field: &str| {
            invalid(
                item.key.span,
                crate::t!(
                    "alloc-missing-basis",
                    item = name,
                    field = field,
                    method = method.as_str()
                ),
                crate::t!("alloc-label-basis"),
                Some(crate::t!("alloc-help-basis", field = field)),
            )
        };
        let nonpositive = |span: Span, value: &str| {
            invalid(
                span,
                crate::t!("alloc-nonpositive-basis", item = name, value = value),
                crate::t!("alloc-label-basis"),
                Some(crate::t!("alloc-help-nonpositive")),
            )
        };
        let value = match method {
            Method::Even => Some(Decimal::ONE),
            Method::History => match (&item.last_year, ctx.last_years) {
                (_, Some(_)) => match last_year_of(ctx, k, item) {
                    Some(v) if v > Decimal::ZERO => Some(v),
                    v => {
                        let v = v.unwrap_or_default().normalize().to_string();
                        let span = ctx.a.actuals.first().map_or(item.key.span, |f| f.span);
                        problems.push(nonpositive(span, &v));
                        None
                    }
                },
                (None, None) => {
                    problems.push(missing("last_year"));
                    None
                }
                (Some(ly), None) => match base_of(ly, ctx.whole, ctx.money) {
                    Some(v) if v > Decimal::ZERO => Some(v),
                    _ => {
                        problems.push(nonpositive(ly.span, ly.raw.trim()));
                        None
                    }
                },
            },
            Method::Weights => match &item.weight {
                None => {
                    problems.push(missing("weight"));
                    None
                }
                Some(w) => match w.amount {
                    Some(v) if v > Decimal::ZERO => Some(v),
                    _ => {
                        problems.push(nonpositive(w.span, w.raw.trim()));
                        None
                    }
                },
            },
            Method::Potential => match &item.potential {
                None => {
                    problems.push(missing("potential"));
                    None
                }
                Some(p) => match super::expr::eval(&p.value) {
                    Ok(v) if v > Decimal::ZERO => Some(v),
                    Ok(v) => {
                        problems.push(nonpositive(p.span, &v.normalize().to_string()));
                        None
                    }
                    Err(e) => {
                        problems.push(expr_problem(p, &e));
                        None
                    }
                },
            },
            Method::Seasonal => {
                let found = index.and_then(|ix| {
                    ix.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(&item.key))
                        .map(|(_, v)| *v)
                });
                match found {
                    Some(v) if v > Decimal::ZERO => Some(v),
                    Some(v) => {
                        let span = ctx.a.index.as_ref().map_or(item.key.span, |i| i.span);
                        problems.push(nonpositive(span, &format!("{}%", v.normalize())));
                        None
                    }
                    None => {
                        problems.push(invalid(
                            item.key.span,
                            crate::t!("alloc-index-missing-item", item = item.key.as_str()),
                            crate::t!("alloc-label-basis"),
                            Some(crate::t!("alloc-help-index")),
                        ));
                        None
                    }
                }
            }
            Method::Blend => None,
        };
        out.push(value.unwrap_or_default());
    }
    (problems.len() == before).then_some(out)
}

fn expr_problem(p: &Sp<crate::model::allocation::Driver>, e: &super::expr::ExprError) -> Invalid {
    use super::expr::ExprErrorKind as K;
    let what = match &e.kind {
        K::Unexpected(w) => crate::t!("alloc-expr-unexpected", token = w.as_str()),
        K::MissingOperand => crate::t!("alloc-expr-missing"),
        K::Unclosed => crate::t!("alloc-expr-unclosed"),
        K::DivisionByZero => crate::t!("alloc-expr-division"),
        K::Overflow => crate::t!("alloc-expr-overflow"),
    };
    invalid(
        p.span,
        crate::t!(
            "alloc-bad-potential",
            expr = p.value.0.trim(),
            problem = what
        ),
        crate::t!("alloc-label-potential"),
        Some(crate::t!("alloc-help-potential")),
    )
}

/// A problem of the arithmetic as a message at the right span.
pub(super) fn explain(
    ctx: &Ctx,
    dim: &str,
    total: Decimal,
    unit: Decimal,
    unit_text: &str,
    p: Problem,
) -> Invalid {
    let fmt = |v: Decimal| super::format_value(v, ctx.whole, ctx.whole, ctx.money);
    let items = &ctx.b.items;
    let hold_span = || {
        items
            .iter()
            .find(|i| held(i))
            .and_then(|i| i.hold.as_ref().map(|h| h.span))
            .unwrap_or(ctx.b.dimension.span)
    };
    let whole_label = Some((ctx.whole.span, crate::t!("alloc-label-whole-value")));
    match p {
        Problem::HoldsExceedTotal { holds, total } | Problem::AllHeld { holds, total } => Invalid {
            span: hold_span(),
            message: crate::t!(
                "alloc-holds-exceed",
                holds = fmt(holds),
                total = fmt(total),
                dimension = dim
            ),
            label: crate::t!("alloc-label-hold"),
            help: Some(crate::t!("alloc-help-holds")),
            related: whole_label,
        },
        Problem::NotAMultiple { rest, .. } => Invalid {
            span: ctx.a.round.as_ref().map_or(ctx.a.method.span, |r| r.span),
            message: crate::t!("alloc-not-a-multiple", rest = fmt(rest), round = unit_text),
            label: crate::t!("alloc-label-round"),
            help: Some(crate::t!("alloc-help-multiple")),
            related: whole_label,
        },
        Problem::FloorsTooHigh { floors, rest } => Invalid {
            span: ctx.a.floor.as_ref().map_or_else(
                || {
                    items
                        .iter()
                        .find_map(|i| i.floor.as_ref().map(|f| f.span))
                        .unwrap_or(ctx.a.method.span)
                },
                |f| f.span,
            ),
            message: crate::t!(
                "alloc-floors-infeasible",
                floors = fmt(floors),
                rest = fmt(rest),
                dimension = dim
            ),
            label: crate::t!("alloc-label-growth"),
            help: Some(crate::t!("alloc-help-floors")),
            related: whole_label,
        },
        Problem::CapsTooLow { caps, rest } => Invalid {
            span: ctx.a.cap.as_ref().map_or(ctx.a.method.span, |c| c.span),
            message: crate::t!(
                "alloc-caps-infeasible",
                caps = fmt(caps),
                rest = fmt(rest),
                dimension = dim
            ),
            label: crate::t!("alloc-label-growth"),
            help: Some(crate::t!("alloc-help-caps")),
            related: whole_label,
        },
        Problem::BoundsCross { index } => {
            let item = &items[index];
            invalid(
                item.key.span,
                crate::t!("alloc-bounds-cross", item = item_name(item)),
                crate::t!("alloc-label-growth"),
                Some(crate::t!("alloc-help-caps")),
            )
        }
        Problem::NonPositiveBasis { index } => invalid(
            items[index].key.span,
            crate::t!(
                "alloc-nonpositive-basis",
                item = item_name(&items[index]),
                value = "0"
            ),
            crate::t!("alloc-label-basis"),
            Some(crate::t!("alloc-help-nonpositive")),
        ),
        Problem::BadUnit | Problem::Overflow => invalid(
            ctx.a.method.span,
            crate::t!("alloc-overflow", total = fmt(total), round = fmt(unit)),
            crate::t!("alloc-label-method"),
            None,
        ),
    }
}
