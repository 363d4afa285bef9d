//! Writing decimals for reviews: rounded, trailing zeros dropped, digits grouped.

use rust_decimal::{Decimal, RoundingStrategy};

fn group(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// At most `dp` places, trailing zeros dropped: `1,234.5`.
pub fn dec(d: Decimal, dp: u32) -> String {
    let r = d
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let r = if r.is_zero() { Decimal::ZERO } else { r };
    group(&r.to_string())
}

/// Exactly `dp` places: `103.0`.
pub fn fixed(d: Decimal, dp: u32) -> String {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r = Decimal::ZERO;
    }
    r.rescale(dp);
    group(&r.to_string())
}

/// Exactly `dp` places, cut towards zero: an attainment of 99.987 % is written 99.9 %,
/// never 100.0 % next to an amber light.
pub fn truncated(d: Decimal, dp: u32) -> String {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
    if r.is_zero() {
        r = Decimal::ZERO;
    }
    r.rescale(dp);
    group(&r.to_string())
}
