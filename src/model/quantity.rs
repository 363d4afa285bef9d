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
    /// The units planc reads as money: 元 / 万元 / 亿元, and the shorthand people write
    /// for money, `万` and `亿` (`52000万`, `7.56亿`).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "元" | "CNY" | "RMB" => Some(MoneyUnit::Yuan),
            "万元" | "万" => Some(MoneyUnit::Wan),
            "亿元" | "亿" => Some(MoneyUnit::Yi),
            _ => None,
        }
    }
    /// A misspelling of a money unit that can only mean one thing: `万圆`, `亿圆`, `圆`,
    /// the traditional `萬元` / `億元`, `万 元`. Read as that unit (so one typo gives one
    /// finding, not a cascade) and reported by P601.
    pub fn near_miss(s: &str) -> Option<Self> {
        let t: String = s
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '圆' | '圓' => '元',
                '萬' => '万',
                '億' => '亿',
                c => c,
            })
            .collect();
        // `元整` as on a cheque, and `W`/`w` as 万 is typed in chats: their meaning is
        // certain.
        let t = t.strip_suffix('整').unwrap_or(&t);
        let t = match t {
            "w" | "W" | "w元" | "W元" => "万元",
            t => t,
        };
        if t == s.trim() {
            return None;
        }
        match t {
            "元" => Some(MoneyUnit::Yuan),
            "万元" | "万" => Some(MoneyUnit::Wan),
            "亿元" | "亿" => Some(MoneyUnit::Yi),
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
        // Digits typed on a Chinese keyboard (`９６００万元`): read as the number they are;
        // P601 reports them with a fix.
        let half = halfwidth(raw.trim());
        let text = half.as_str();
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
            // A number the decimal type cannot hold exactly is no number at all here:
            // P601 reports it, rather than letting its last digits be rounded away.
            Decimal::from_str(&cleaned)
                .or_else(|_| Decimal::from_scientific(&cleaned))
                .ok()
                .filter(|_| significant_digits(&cleaned) <= MAX_DIGITS)
        };
        let unit_text = unit.trim();
        let unit = if amount.is_none() {
            // Keep the unit of a placeholder like `XX亿元` so unit checks still apply.
            let tail = text.trim_start_matches(|c: char| !is_unit_start(c)).trim();
            unit_of(tail)
        } else {
            unit_of(unit_text)
        };
        // Amounts past 10^20 元 are not plans; refusing them keeps every sum exact
        // (and far from the decimal type's limit).
        let amount = amount.filter(|a| a.abs() < max_amount(&unit));
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

    /// Can the two be compared as amounts? Money (or a bare number, read as money in the
    /// plan's unit) with money; anything else only with the very same unit.
    pub fn same_kind(&self, other: &Quantity) -> bool {
        matches!(
            (&self.unit, &other.unit),
            (Unit::Money(_) | Unit::Bare, Unit::Money(_) | Unit::Bare)
        ) || self.unit == other.unit
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

    /// The unit text as written after the number (`万圆` in `5万圆`).
    pub fn unit_text(&self) -> &str {
        let text = self.raw.trim();
        let start = text
            .char_indices()
            .find(|&(_, c)| is_unit_start(c) && !is_fullwidth_number_char(c))
            .map_or(text.len(), |(i, _)| i);
        let unit = text[start..].trim();
        if !unit.is_empty() {
            return unit;
        }
        // A Latin unit right after the number (`6000W`).
        let number_end = text
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_digit()
                    || matches!(c, '.' | ',')
                    || (i == 0 && matches!(c, '+' | '-'))
                    || is_fullwidth_number_char(c))
            })
            .map_or(text.len(), |(i, _)| i);
        match text[number_end..].trim() {
            w @ ("w" | "W") if number_end > 0 => w,
            _ => unit,
        }
    }

    /// The number is written with full-width digits (`９６００`, `１．５`).
    pub fn fullwidth(&self) -> bool {
        let text = self.raw.trim();
        let unit = self.unit_text().len();
        text[..text.len() - unit]
            .chars()
            .any(is_fullwidth_number_char)
    }

    /// The money unit a misspelt unit was read as (`万圆` → 万元).
    pub fn unit_typo(&self) -> Option<MoneyUnit> {
        match self.unit {
            Unit::Money(m) if MoneyUnit::near_miss(self.unit_text()) == Some(m) => Some(m),
            _ => None,
        }
    }

    /// A number too large to be a plan's figure (≥ 10^20 元): the number was not read.
    pub fn too_large(&self) -> bool {
        if self.amount.is_some() || self.too_precise().is_some() {
            return false;
        }
        let text = self.raw.trim();
        let end = text
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && (c == '-' || c == '+')))
            })
            .map_or(text.len(), |(i, _)| i);
        let num = text[..end].replace([',', '+'], "");
        Decimal::from_str(&num)
            .or_else(|_| Decimal::from_scientific(&num))
            .is_ok_and(|a| a.abs() >= max_amount(&self.unit))
    }

    /// More significant digits than an exact decimal holds: the number was not read.
    pub fn too_precise(&self) -> Option<usize> {
        if self.amount.is_some() {
            return None;
        }
        let text = self.raw.trim();
        let end = text
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && (c == '-' || c == '+')))
            })
            .map_or(text.len(), |(i, _)| i);
        let digits = significant_digits(&text[..end].replace([',', '+'], ""));
        (digits > MAX_DIGITS).then_some(digits)
    }
}

/// The largest amount (exclusive) read in `unit`: 10^20 元, so that sums over any
/// number of plans stay exact.
fn max_amount(unit: &Unit) -> Decimal {
    let limit = Decimal::from_i128_with_scale(100_000_000_000_000_000_000, 0);
    match unit {
        Unit::Money(m) => limit / m.factor(),
        // A bare number may be read in 亿元.
        Unit::Bare => limit / MoneyUnit::Yi.factor(),
        _ => limit,
    }
}

/// The most significant digits planc holds exactly (`rust_decimal` holds 28 in every case).
pub const MAX_DIGITS: usize = 28;

/// Significant digits of a decimal numeral: without sign, leading zeros and the zeros
/// that end a fraction (`0.00120` has 2; `1200` has 4).
fn significant_digits(num: &str) -> usize {
    let mantissa = num.split(['e', 'E']).next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let trimmed = if mantissa.contains('.') {
        digits.trim_end_matches('0')
    } else {
        &digits
    };
    trimmed.trim_start_matches('0').len()
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

/// `０`–`９`, and `．` `，` `＋` `－` as typed between them.
fn is_fullwidth_number_char(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}' | '．' | '，' | '＋' | '－')
}

/// A number's full-width characters as their ASCII forms (`９６００` → `9600`); the unit
/// after it is kept as written.
pub fn halfwidth(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = true;
    for c in text.chars() {
        if in_number && is_fullwidth_number_char(c) {
            out.push(match c {
                '．' => '.',
                '，' => ',',
                '＋' => '+',
                '－' => '-',
                d => char::from_u32(d as u32 - 0xFF10 + u32::from(b'0')).unwrap_or(d),
            });
            continue;
        }
        if !(c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-')) {
            in_number = false;
        }
        out.push(c);
    }
    out
}

fn unit_of(s: &str) -> Unit {
    if s.is_empty() {
        Unit::Bare
    } else if s == "%" || s == "％" {
        Unit::Percent
    } else if let Some(m) = MoneyUnit::parse(s).or_else(|| MoneyUnit::near_miss(s)) {
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
    fn chinese_money_shorthand_and_misspelt_units() {
        assert_eq!(Quantity::parse("7.56亿").unit, Unit::Money(MoneyUnit::Yi));
        assert_eq!(
            Quantity::parse("52000万").yuan(MoneyUnit::Yuan),
            Some(d("520000000"))
        );
        let typo = Quantity::parse("5000万圆");
        assert_eq!(typo.unit, Unit::Money(MoneyUnit::Wan));
        assert_eq!(typo.unit_typo(), Some(MoneyUnit::Wan));
        assert_eq!(Quantity::parse("3億元").unit_typo(), Some(MoneyUnit::Yi));
        assert_eq!(Quantity::parse("5000万元").unit_typo(), None);
        assert_eq!(Quantity::parse("5000万").unit_typo(), None);
        assert_eq!(Quantity::parse("50万盒").unit, Unit::Other("万盒".into()));
    }

    #[test]
    fn numbers_that_cannot_be_held_exactly_are_not_read() {
        let q = Quantity::parse("1.2345678901234567890123456789亿元");
        assert_eq!(q.amount, None);
        assert_eq!(q.too_precise(), Some(29));
        let ok = Quantity::parse("1.234567890123456789012345678亿元");
        assert_eq!(ok.amount, Some(d("1.234567890123456789012345678")));
        assert_eq!(ok.too_precise(), None);
        assert_eq!(Quantity::parse("XX亿元").too_precise(), None);
        let big = Quantity::parse("2000000000000亿元");
        assert_eq!(big.amount, None);
        assert!(big.too_large());
        assert!(!Quantity::parse("999999999999亿元").too_large());
        assert!(!Quantity::parse("XX亿元").too_large());
        assert_eq!(significant_digits("0.00120"), 2);
        assert_eq!(significant_digits("1200"), 4);
        assert_eq!(significant_digits("-1,200.50"), 5);
    }

    #[test]
    fn half_ulp_follows_written_precision() {
        assert_eq!(Quantity::parse("15%").half_ulp(), d("0.5"));
        assert_eq!(Quantity::parse("12.5%").half_ulp(), d("0.05"));
    }
}
