//! Exact quantities: money with 元 / 万元 / 亿元, percentages and counted units.
//!
//! Architecture invariant: no f64 is ever used for a money amount or a share. The text
//! a user wrote is parsed straight into a `rust_decimal::Decimal`.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A money unit. Amounts are compared after normalising to 元.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum MoneyUnit {
    #[serde(rename = "元")]
    Yuan,
    #[serde(rename = "万元")]
    Wan,
    #[serde(rename = "亿元")]
    Yi,
}

impl MoneyUnit {
    pub fn factor(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::Wan => Decimal::from(10_000),
            MoneyUnit::Yi => Decimal::from(100_000_000),
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Wan => "万元",
            MoneyUnit::Yi => "亿元",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "元" | "CNY" | "RMB" => Some(MoneyUnit::Yuan),
            "万元" => Some(MoneyUnit::Wan),
            "亿元" => Some(MoneyUnit::Yi),
            _ => None,
        }
    }
    pub const ALL: [MoneyUnit; 3] = [MoneyUnit::Yuan, MoneyUnit::Wan, MoneyUnit::Yi];
}

impl fmt::Display for MoneyUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The unit a quantity was written with.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A bare number: money fields read it in the plan's default unit.
    Bare,
    Money(MoneyUnit),
    Percent,
    /// A counted or named unit: 家, 人, 场, 名, 盒, 天 …
    Other(String),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Bare => Ok(()),
            Unit::Money(m) => f.write_str(m.label()),
            Unit::Percent => f.write_str("%"),
            Unit::Other(s) => f.write_str(s),
        }
    }
}

/// A number with its unit, as written in the plan: `3.2亿元`, `4500万元`, `15%`, `50家`, `12`.
///
/// Placeholders such as `XX亿元` load fine (with `amount == None`) so a draft still
/// checks; the placeholder rule reports them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// The exact amount, or `None` when the text holds no number (`XX`, `TBD`).
    pub amount: Option<Decimal>,
    pub unit: Unit,
    /// The text as the user wrote it.
    pub raw: String,
}

impl Quantity {
    pub fn parse(raw: &str) -> Quantity {
        let text = raw.trim();
        let num_end = text
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && (c == '-' || c == '+')))
            })
            .map_or(text.len(), |(i, _)| i);
        let (num, unit) = text.split_at(num_end);
        let cleaned: String = num.chars().filter(|&c| c != ',' && c != '+').collect();
        let amount = if cleaned.is_empty() {
            None
        } else {
            Decimal::from_str(&cleaned)
                .or_else(|_| Decimal::from_scientific(&cleaned))
                .ok()
        };
        let unit_text = unit.trim();
        let unit = if amount.is_none() {
            // Keep the unit of a placeholder like `XX亿元` so unit checks still apply.
            let tail = text.trim_start_matches(|c: char| !is_unit_start(c)).trim();
            unit_of(tail)
        } else {
            unit_of(unit_text)
        };
        Quantity {
            amount,
            unit,
            raw: raw.to_owned(),
        }
    }

    pub fn from_decimal(amount: Decimal, unit: Unit) -> Quantity {
        let raw = format!("{}{}", amount.normalize(), unit);
        Quantity {
            amount: Some(amount),
            unit,
            raw,
        }
    }

    pub fn is_money(&self) -> bool {
        matches!(self.unit, Unit::Money(_))
    }

    pub fn is_percent(&self) -> bool {
        self.unit == Unit::Percent
    }

    /// The money unit this quantity is in, reading a bare number in `default`.
    pub fn money_unit(&self, default: MoneyUnit) -> Option<MoneyUnit> {
        match self.unit {
            Unit::Money(m) => Some(m),
            Unit::Bare => Some(default),
            _ => None,
        }
    }

    /// The amount in 元 (bare numbers read in `default`), or `None` if not money.
    pub fn yuan(&self, default: MoneyUnit) -> Option<Decimal> {
        Some(self.amount? * self.money_unit(default)?.factor())
    }

    /// A comparable base value: 元 for money, the plain amount for other units.
    pub fn base(&self, default: MoneyUnit) -> Option<Decimal> {
        match self.unit {
            Unit::Money(_) | Unit::Bare => self.yuan(default),
            _ => self.amount,
        }
    }

    /// Half a unit in the last decimal place written, e.g. `0.05` for `12.5%`.
    pub fn half_ulp(&self) -> Decimal {
        match self.amount {
            Some(a) => Decimal::new(5, a.scale() + 1),
            None => Decimal::ZERO,
        }
    }

    /// Number of decimal places written.
    pub fn scale(&self) -> u32 {
        self.amount.map_or(0, |a| a.scale())
    }
}

fn is_unit_start(c: char) -> bool {
    !(c.is_ascii_alphanumeric()
        || c == '.'
        || c == ','
        || c.is_whitespace()
        || c == '['
        || c == ']')
        || c == '%'
}

fn unit_of(s: &str) -> Unit {
    if s.is_empty() {
        Unit::Bare
    } else if s == "%" || s == "％" {
        Unit::Percent
    } else if let Some(m) = MoneyUnit::parse(s) {
        Unit::Money(m)
    } else {
        Unit::Other(s.to_owned())
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Quantity;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number with an optional unit, such as 3.2亿元, 15% or 50家")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Quantity, E> {
                Ok(Quantity::parse(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Quantity, E> {
                Ok(Quantity::parse(&v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Quantity, E> {
                Ok(Quantity::parse(&v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Quantity, E> {
                // Only reached from deserializers that do not keep the text; ours does.
                Ok(Quantity::parse(&v.to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

impl schemars::JsonSchema for Quantity {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Quantity".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number with an optional unit, written as text: money in 元, 万元 or 亿元 (`3.2亿元`, `4500万元`); a percentage (`15%`); a count (`50家`, `12名`). A bare number is read in the plan's default money unit where money is expected.",
            "type": ["string", "number"],
            "examples": ["3.2亿元", "4500万元", "15%", "50家"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_money_units_and_normalises() {
        let q = Quantity::parse("3.2亿元");
        assert_eq!(q.amount, Some(d("3.2")));
        assert_eq!(q.unit, Unit::Money(MoneyUnit::Yi));
        assert_eq!(q.yuan(MoneyUnit::Wan), Some(d("320000000")));
        assert_eq!(
            Quantity::parse("3亿元").yuan(MoneyUnit::Yuan),
            Quantity::parse("30000万元").yuan(MoneyUnit::Yuan)
        );
        assert_eq!(Quantity::parse("1,200 万元").amount, Some(d("1200")));
        assert_eq!(
            Quantity::parse("12").yuan(MoneyUnit::Wan),
            Some(d("120000"))
        );
    }

    #[test]
    fn percent_counts_and_placeholders() {
        assert_eq!(Quantity::parse("15%").unit, Unit::Percent);
        assert_eq!(Quantity::parse("-5.5%").amount, Some(d("-5.5")));
        assert_eq!(Quantity::parse("50家").unit, Unit::Other("家".into()));
        let p = Quantity::parse("XX亿元");
        assert_eq!(p.amount, None);
        assert_eq!(p.unit, Unit::Money(MoneyUnit::Yi));
        assert_eq!(Quantity::parse("XX%").unit, Unit::Percent);
    }

    #[test]
    fn half_ulp_follows_written_precision() {
        assert_eq!(Quantity::parse("15%").half_ulp(), d("0.5"));
        assert_eq!(Quantity::parse("12.5%").half_ulp(), d("0.05"));
    }
}
