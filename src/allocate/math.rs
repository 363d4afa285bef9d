//! The arithmetic of an allocation, as pure functions over `Decimal`: proportional
//! shares of what the holds leave, bounded by floors and caps (water-filling), rounded
//! to a unit by the largest remainder so the items add up exactly to the whole.
//!
//! Nothing here knows about plans, spans or languages; `allocate::declare` turns a
//! breakdown into [`Item`]s and a [`Problem`] into a finding.

use rust_decimal::Decimal;

/// One item to allocate to.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Its basis (last year, weight, potential …); must be positive unless held.
    pub basis: Decimal,
    /// A held item keeps exactly this value.
    pub hold: Option<Decimal>,
    /// No less than this (a growth floor), if set.
    pub min: Option<Decimal>,
    /// No more than this (a growth cap), if set.
    pub max: Option<Decimal>,
}

impl Item {
    pub fn basis(basis: Decimal) -> Item {
        Item {
            basis,
            hold: None,
            min: None,
            max: None,
        }
    }
}

/// Why an allocation cannot be made. Indices are positions in the item list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The rounding unit is zero or negative.
    BadUnit,
    /// A free item's basis is zero or negative.
    NonPositiveBasis { index: usize },
    /// The held items add up to more than the whole.
    HoldsExceedTotal { holds: Decimal, total: Decimal },
    /// Every item is held, and they do not add up to the whole.
    AllHeld { holds: Decimal, total: Decimal },
    /// What the holds leave is not a whole number of rounding units.
    NotAMultiple { rest: Decimal, unit: Decimal },
    /// An item's floor (rounded up to the unit) is above its cap (rounded down).
    BoundsCross { index: usize },
    /// The floors (rounded up to the unit) add up to more than there is to spread.
    FloorsTooHigh { floors: Decimal, rest: Decimal },
    /// The caps (rounded down to the unit) add up to less than there is to spread.
    CapsTooLow { caps: Decimal, rest: Decimal },
    /// A number too large for exact decimal arithmetic.
    Overflow,
}

/// Allocates `total` over `items`: held items keep their value, the rest is spread in
/// proportion to the free items' bases within their floors and caps, every free item a
/// multiple of `unit`, and the items add up to exactly `total`.
pub fn allocate(total: Decimal, unit: Decimal, items: &[Item]) -> Result<Vec<Decimal>, Problem> {
    if unit <= Decimal::ZERO {
        return Err(Problem::BadUnit);
    }
    let holds: Decimal = items.iter().filter_map(|i| i.hold).sum();
    let rest = total - holds;
    if rest < Decimal::ZERO {
        return Err(Problem::HoldsExceedTotal { holds, total });
    }
    let free: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].hold.is_none())
        .collect();
    if free.is_empty() {
        if rest.is_zero() {
            return Ok(items.iter().map(|i| i.hold.unwrap_or_default()).collect());
        }
        return Err(Problem::AllHeld { holds, total });
    }
    if let Some(&index) = free.iter().find(|&&i| items[i].basis <= Decimal::ZERO) {
        return Err(Problem::NonPositiveBasis { index });
    }
    if !(rest % unit).is_zero() {
        return Err(Problem::NotAMultiple { rest, unit });
    }
    // Bounds in whole units: a floor rounds up, a cap down, so any multiple of the unit
    // between them respects the declared bound.
    let mut lo = Vec::with_capacity(free.len());
    let mut hi = Vec::with_capacity(free.len());
    for &i in &free {
        let l = items[i]
            .min
            .map_or(Decimal::ZERO, |m| (m / unit).ceil().max(Decimal::ZERO));
        let h = items[i].max.map(|m| (m / unit).floor());
        if h.is_some_and(|h| h < l) {
            return Err(Problem::BoundsCross { index: i });
        }
        lo.push(l);
        hi.push(h);
    }
    let units = rest / unit;
    let floors: Decimal = lo.iter().sum();
    if floors > units {
        return Err(Problem::FloorsTooHigh {
            floors: floors * unit,
            rest,
        });
    }
    if hi.iter().all(Option::is_some) {
        let caps: Decimal = hi.iter().flatten().sum();
        if caps < units {
            return Err(Problem::CapsTooLow {
                caps: caps * unit,
                rest,
            });
        }
    }
    let basis_sum: Decimal = free.iter().map(|&i| items[i].basis).sum();
    let shares: Vec<Decimal> = free
        .iter()
        .map(|&i| {
            items[i]
                .basis
                .checked_div(basis_sum)
                .ok_or(Problem::Overflow)
        })
        .collect::<Result<_, _>>()?;
    let exact = water_fill(units, &shares, &lo, &hi)?;
    let rounded = largest_remainder(units, &exact, &lo, &hi);
    let mut out: Vec<Decimal> = items.iter().map(|i| i.hold.unwrap_or_default()).collect();
    for (k, &i) in free.iter().enumerate() {
        out[i] = rounded[k] * unit;
    }
    Ok(out)
}

/// The exact (unrounded) values, in units: `clamp(λ·share, lo, hi)` with λ chosen so
/// they add up to `units`. The sum is nondecreasing and piecewise linear in λ, so λ is
/// found on the segment between two breakpoints where it crosses `units`, or beyond the
/// last one (where every capped item is at its cap and the others grow).
pub fn water_fill(
    units: Decimal,
    shares: &[Decimal],
    lo: &[Decimal],
    hi: &[Option<Decimal>],
) -> Result<Vec<Decimal>, Problem> {
    let clamp = |k: usize, v: Decimal| {
        let v = v.max(lo[k]);
        hi[k].map_or(v, |h| v.min(h))
    };
    let at = |lambda: Decimal| -> Result<Decimal, Problem> {
        let mut s = Decimal::ZERO;
        for (k, share) in shares.iter().enumerate() {
            let v = lambda.checked_mul(*share).ok_or(Problem::Overflow)?;
            s += clamp(k, v);
        }
        Ok(s)
    };
    // On a segment of λ where `probe` lies, the level that makes the sum `units`: the
    // items clamped there are fixed, the others grow with slope `share`.
    let level = |probe: Decimal| -> Option<Decimal> {
        let mut fixed = Decimal::ZERO;
        let mut slope = Decimal::ZERO;
        for k in 0..shares.len() {
            let v = probe * shares[k];
            if v <= lo[k] {
                fixed += lo[k];
            } else if let Some(h) = hi[k].filter(|h| v >= *h) {
                fixed += h;
            } else {
                slope += shares[k];
            }
        }
        (units - fixed).checked_div(slope)
    };
    let mut points: Vec<Decimal> = Vec::new();
    for k in 0..shares.len() {
        points.push(lo[k] / shares[k]);
        if let Some(h) = hi[k] {
            points.push(h / shares[k]);
        }
    }
    points.sort();
    points.dedup();
    // The first breakpoint whose sum reaches `units`; λ lies between it and the one
    // before.
    let mut below = Decimal::ZERO;
    let mut lambda = None;
    for &p in &points {
        if at(p)? >= units {
            let mid = (below + p) / Decimal::TWO;
            lambda = Some(level(mid).map_or(p, |l| l.clamp(below, p)));
            break;
        }
        below = p;
    }
    // Past every breakpoint (the caps that bind lift the level above `units`).
    let lambda = match lambda {
        Some(l) => l,
        None => level(below + Decimal::ONE).map_or(below, |l| l.max(below)),
    };
    Ok((0..shares.len())
        .map(|k| clamp(k, lambda * shares[k]))
        .collect())
}

/// Rounds exact values (in units) to whole units that add up to `units`: each is
/// floored, then the units left go one each to the largest remainders (ties: the earlier
/// item).
///
/// One pass is enough, and no floor needs taking back, for what `water_fill` and
/// `percentages` hand in: the exact values add up to `units` (an integer) and lie within
/// integer bounds, so each floor is within its bounds, the floors add up to at most
/// `units`, the shortfall is the sum of the remainders (fewer units than items with a
/// remainder), and an item with a remainder is below its cap by more than its floor.
pub fn largest_remainder(
    units: Decimal,
    exact: &[Decimal],
    lo: &[Decimal],
    hi: &[Option<Decimal>],
) -> Vec<Decimal> {
    let mut out: Vec<Decimal> = exact
        .iter()
        .enumerate()
        .map(|(k, x)| {
            let f = x.floor().max(lo[k]);
            hi[k].map_or(f, |h| f.min(h))
        })
        .collect();
    let mut left = units - out.iter().sum::<Decimal>();
    // Each remainder computed once (a comparison sort would compute it again and again).
    let remainder: Vec<Decimal> = exact.iter().map(|x| x - x.floor()).collect();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| remainder[b].cmp(&remainder[a]));
    // Only items with a remainder get a unit (there are more of them than units left),
    // and none of them is at its cap: no cap to check here.
    for &k in &order {
        if left <= Decimal::ZERO {
            break;
        }
        out[k] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    debug_assert!(left.is_zero(), "{left} unit(s) left over");
    out
}

/// Percentages adding up to exactly 100 at `dp` decimals, in proportion to `parts`
/// (largest remainder): how a seasonal index is written. `None` when the parts are not
/// all positive.
pub fn percentages(parts: &[Decimal], dp: u32) -> Option<Vec<Decimal>> {
    let sum: Decimal = parts.iter().sum();
    if parts.is_empty() || parts.iter().any(|p| *p <= Decimal::ZERO) {
        return None;
    }
    let unit = Decimal::new(1, dp);
    let units = Decimal::ONE_HUNDRED / unit;
    let exact: Vec<Decimal> = parts
        .iter()
        .map(|p| p.checked_div(sum).map(|s| s * units))
        .collect::<Option<_>>()?;
    let lo = vec![Decimal::ZERO; parts.len()];
    let hi = vec![None; parts.len()];
    Some(
        largest_remainder(units, &exact, &lo, &hi)
            .into_iter()
            .map(|u| (u * unit).normalize())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! dec {
        ($x:expr) => {
            stringify!($x).parse::<Decimal>().unwrap()
        };
    }

    #[test]
    fn history_split_rounds_to_the_unit_and_adds_up() {
        let items = [
            Item::basis(dec!(1)),
            Item::basis(dec!(1)),
            Item::basis(dec!(1)),
        ];
        let v = allocate(dec!(100), dec!(1), &items).unwrap();
        assert_eq!(v, [dec!(34), dec!(33), dec!(33)]);
    }

    #[test]
    fn holds_are_kept_and_the_rest_spread() {
        let mut items = vec![Item::basis(dec!(3)), Item::basis(dec!(1))];
        items.push(Item {
            hold: Some(dec!(20)),
            ..Item::basis(dec!(0))
        });
        let v = allocate(dec!(100), dec!(1), &items).unwrap();
        assert_eq!(v, [dec!(60), dec!(20), dec!(20)]);
    }

    #[test]
    fn a_floor_lifts_an_item_and_the_others_share_the_rest() {
        let mut items = vec![Item::basis(dec!(9)), Item::basis(dec!(1))];
        items[1].min = Some(dec!(30));
        let v = allocate(dec!(100), dec!(1), &items).unwrap();
        assert_eq!(v, [dec!(70), dec!(30)]);
    }

    #[test]
    fn refusals() {
        let one = Item::basis(dec!(1));
        assert_eq!(
            allocate(dec!(1), dec!(0), std::slice::from_ref(&one)),
            Err(Problem::BadUnit)
        );
        assert_eq!(
            allocate(dec!(10), dec!(1), &[Item::basis(dec!(0))]),
            Err(Problem::NonPositiveBasis { index: 0 })
        );
        let held = Item {
            hold: Some(dec!(11)),
            ..one.clone()
        };
        assert!(matches!(
            allocate(dec!(10), dec!(1), &[held, one.clone()]),
            Err(Problem::HoldsExceedTotal { .. })
        ));
        assert!(matches!(
            allocate(dec!(10.5), dec!(1), std::slice::from_ref(&one)),
            Err(Problem::NotAMultiple { .. })
        ));
        let floored = Item {
            min: Some(dec!(6)),
            ..one.clone()
        };
        assert!(matches!(
            allocate(dec!(10), dec!(1), &[floored.clone(), floored]),
            Err(Problem::FloorsTooHigh { .. })
        ));
    }

    /// Holds that take exactly the whole leave the others zero (not a refusal); a floor
    /// equal to its cap fixes the item there (not a crossing). (Mutants.)
    #[test]
    fn exact_holds_and_equal_bounds_are_feasible() {
        let items = [
            Item {
                hold: Some(dec!(100)),
                ..Item::basis(dec!(0))
            },
            Item::basis(dec!(1)),
        ];
        assert_eq!(
            allocate(dec!(100), dec!(1), &items),
            Ok(vec![dec!(100), dec!(0)])
        );
        let pinned = Item {
            min: Some(dec!(30)),
            max: Some(dec!(30)),
            ..Item::basis(dec!(1))
        };
        let v = allocate(dec!(100), dec!(1), &[pinned, Item::basis(dec!(1))]).unwrap();
        assert_eq!(v, [dec!(30), dec!(70)]);
    }

    #[test]
    fn percentages_add_up_to_a_hundred() {
        let p = percentages(&[dec!(1), dec!(1), dec!(1)], 2).unwrap();
        assert_eq!(p, [dec!(33.34), dec!(33.33), dec!(33.33)]);
        assert_eq!(percentages(&[dec!(1), dec!(0)], 2), None);
    }

    /// A cap that binds above `units` (the level rises past it): the others share what
    /// the capped item leaves in proportion, not one unit each in turn.
    #[test]
    fn a_cap_lifts_the_level_above_the_total() {
        let mut items = vec![
            Item::basis(dec!(5)),
            Item::basis(dec!(3)),
            Item::basis(dec!(2)),
        ];
        items[0].max = Some(dec!(1));
        let v = allocate(dec!(100), dec!(1), &items).unwrap();
        assert_eq!(v, [dec!(1), dec!(59), dec!(40)]);
    }

    /// Water-filling, for all inputs that can be met: every value within its bounds, the
    /// values add up to `units`, and one level λ explains them all (a free value is λ ×
    /// its share, a value at its floor has λ × share at or below it, one at its cap at or
    /// above it). Raising `units` lowers no value. (Mutants of water_fill.)
    mod water {
        use super::super::*;
        use proptest::prelude::*;

        fn cases() -> u32 {
            std::env::var("PLANC_PROPTEST_CASES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(256)
        }

        /// Shares (bases over their sum, as `allocate` makes them), floors, caps at or
        /// above the floors, and a spread between the floors and the caps.
        type Case = (Decimal, Vec<Decimal>, Vec<Decimal>, Vec<Option<Decimal>>);

        fn case() -> impl Strategy<Value = (Case, Decimal)> {
            prop::collection::vec(
                (
                    1i64..1000,
                    prop::option::weighted(0.5, 0i64..300),
                    prop::option::weighted(0.5, 0i64..300),
                ),
                1..8,
            )
            .prop_flat_map(|raw| {
                let bases: Vec<Decimal> = raw.iter().map(|r| Decimal::from(r.0)).collect();
                let sum: Decimal = bases.iter().sum();
                let shares: Vec<Decimal> = bases.iter().map(|b| b / sum).collect();
                let lo: Vec<Decimal> = raw
                    .iter()
                    .map(|r| Decimal::from(r.1.unwrap_or(0)))
                    .collect();
                let hi: Vec<Option<Decimal>> = raw
                    .iter()
                    .zip(&lo)
                    .map(|(r, l)| r.2.map(|h| l + Decimal::from(h)))
                    .collect();
                let floors: i64 = raw.iter().map(|r| r.1.unwrap_or(0)).sum();
                let room: i64 = if hi.iter().all(Option::is_some) {
                    raw.iter().map(|r| r.2.unwrap_or(0)).sum()
                } else {
                    5000
                };
                (Just((shares, lo, hi, floors)), 0..=room, 0..=room)
            })
            .prop_map(|((shares, lo, hi, floors), a, b)| {
                let (a, b) = (a.min(b), a.max(b));
                let units = Decimal::from(floors + a);
                ((units, shares, lo, hi), Decimal::from(floors + b))
            })
        }

        /// Exact arithmetic rounds at 28 digits: the level is compared to that.
        fn close(a: Decimal, b: Decimal) -> bool {
            (a - b).abs() <= Decimal::new(1, 12)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(cases()))]

            #[test]
            fn one_level_explains_every_value(((units, shares, lo, hi), _) in case()) {
                let v = water_fill(units, &shares, &lo, &hi).unwrap();
                prop_assert_eq!(v.len(), shares.len());
                let sum: Decimal = v.iter().sum();
                prop_assert!(close(sum, units), "{sum} vs {units}");
                let free: Vec<usize> = (0..v.len())
                    .filter(|&k| v[k] > lo[k] && hi[k].is_none_or(|h| v[k] < h))
                    .collect();
                // The level: a free value over its share (any free one; else bounded
                // by the bound values).
                let level = free.first().map(|&k| v[k] / shares[k]);
                for k in 0..v.len() {
                    prop_assert!(v[k] >= lo[k], "{} below floor {}", v[k], lo[k]);
                    prop_assert!(hi[k].is_none_or(|h| v[k] <= h), "{} above cap", v[k]);
                    let Some(level) = level else { continue };
                    let want = level * shares[k];
                    if free.contains(&k) {
                        prop_assert!(close(v[k], want), "{} is not λ·share {}", v[k], want);
                    } else if v[k] == lo[k] && hi[k] != Some(lo[k]) {
                        prop_assert!(want <= lo[k] || close(want, lo[k]), "{want} above floor {}", lo[k]);
                    } else if hi[k] == Some(v[k]) && v[k] != lo[k] {
                        prop_assert!(want >= v[k] || close(want, v[k]), "{want} below cap {}", v[k]);
                    }
                }
            }

            #[test]
            fn more_to_spread_lowers_no_value(((units, shares, lo, hi), more) in case()) {
                let a = water_fill(units, &shares, &lo, &hi).unwrap();
                let b = water_fill(more, &shares, &lo, &hi).unwrap();
                for (x, y) in a.iter().zip(&b) {
                    prop_assert!(*y >= *x || close(*x, *y), "{x} → {y} when {units} → {more}");
                }
            }

            /// Rounding: whole units adding up to `units`, each within its bounds and
            /// less than one unit from its exact value, and a unit handed out goes to a
            /// remainder at least as large as any that got none (unless a cap stopped it).
            #[test]
            fn rounding_keeps_the_sum_and_the_order(((units, shares, lo, hi), _) in case()) {
                let exact = water_fill(units, &shares, &lo, &hi).unwrap();
                let r = largest_remainder(units, &exact, &lo, &hi);
                prop_assert_eq!(r.iter().sum::<Decimal>(), units);
                for k in 0..r.len() {
                    prop_assert!(r[k] >= lo[k] && hi[k].is_none_or(|h| r[k] <= h));
                    prop_assert!((r[k] - exact[k]).abs() < Decimal::ONE, "{} vs {}", r[k], exact[k]);
                    prop_assert_eq!(r[k].fract(), Decimal::ZERO);
                }
                let rem = |k: usize| exact[k] - exact[k].floor();
                let up: Vec<usize> = (0..r.len()).filter(|&k| r[k] > exact[k].floor()).collect();
                let down: Vec<usize> = (0..r.len())
                    .filter(|&k| r[k] == exact[k].floor() && hi[k].is_none_or(|h| r[k] < h) && r[k] >= lo[k])
                    .collect();
                for &u in &up {
                    if exact[u].floor() < lo[u] {
                        continue;
                    }
                    for &d in &down {
                        prop_assert!(rem(u) >= rem(d), "item {u} ({}) rounded up before {d} ({})", rem(u), rem(d));
                    }
                }
            }
        }
    }
}
