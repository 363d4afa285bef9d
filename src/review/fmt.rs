//! Writing decimals for reviews: the report formatter's rounding and digit grouping,
//! plus truncation for attainments next to a status light.

use rust_decimal::{Decimal, RoundingStrategy};

pub use crate::num::{dec, fixed};

/// Exactly `dp` places, cut towards zero: an attainment of 99.987 % is written 99.9 %,
/// never 100.0 % next to an amber light.
pub fn truncated(d: Decimal, dp: u32) -> String {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
    if r.is_zero() {
        r = Decimal::ZERO;
    }
    r.rescale(dp);
    crate::num::group(&r.to_string())
}
