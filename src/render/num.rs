//! Numbers for reports: exact decimal arithmetic and the way figures are written.
//!
//! Architecture invariant: money, shares and growth are computed with `Decimal`;
//! nothing here touches f64 (charts convert to f64 for pixel geometry only).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{MoneyUnit, Quantity, Unit};

use crate::model::Lang;

/// The scale money is shown in: Chinese reports keep the unit the plan was written
/// in (元 / 万元 / 亿元); English reports use millions of yuan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Yuan,
    Wan,
    Yi,
    Million,
}

impl Scale {
    pub fn factor(self) -> Decimal {
        match self {
            Scale::Yuan => Decimal::ONE,
            Scale::Wan => Decimal::from(10_000),
            Scale::Yi => Decimal::from(100_000_000),
            Scale::Million => Decimal::from(1_000_000),
        }
    }

    pub fn of(unit: MoneyUnit, lang: Lang) -> Scale {
        match (lang, unit) {
            (Lang::En, _) => Scale::Million,
            (Lang::Zh, MoneyUnit::Yuan) => Scale::Yuan,
            (Lang::Zh, MoneyUnit::Wan) => Scale::Wan,
            (Lang::Zh, MoneyUnit::Yi) => Scale::Yi,
        }
    }

    /// The unit as a column header shows it: `亿元`, `CNY m`.
    pub fn label(self) -> &'static str {
        match self {
            Scale::Yuan => "元",
            Scale::Wan => "万元",
            Scale::Yi => "亿元",
            Scale::Million => "CNY m",
        }
    }

    /// An amount in 元 written in this scale, without the unit.
    pub fn amount(self, yuan: Decimal) -> String {
        dec(yuan / self.factor(), 4)
    }

    /// An amount in 元 written in this scale, with the unit.
    pub fn money(self, yuan: Decimal) -> String {
        match self {
            Scale::Million => format!("CNY {}m", self.amount(yuan)),
            _ => format!("{}{}", self.amount(yuan), self.label()),
        }
    }
}

/// Groups the integer digits in threes: `1234567.5` → `1,234,567.5`.
pub(crate) fn group(s: &str) -> String {
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

/// A decimal rounded to at most `dp` places, trailing zeros dropped, digits grouped.
pub fn dec(d: Decimal, dp: u32) -> String {
    let r = d
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let r = if r.is_zero() { Decimal::ZERO } else { r };
    group(&r.to_string())
}

/// A decimal with exactly `dp` places (for aligned percentage columns).
pub fn fixed(d: Decimal, dp: u32) -> String {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r = Decimal::ZERO;
    }
    r.rescale(dp);
    group(&r.to_string())
}

/// A share in percent, one decimal: `23.1%`.
pub fn pct(p: Decimal) -> String {
    format!("{}%", fixed(p, 1))
}

/// A growth rate in percent with its sign: `+8%`, `-5%`, `+12.5%`.
pub fn signed_pct(p: Decimal, dp: u32) -> String {
    let s = dec(p, dp);
    if p > Decimal::ZERO {
        format!("+{s}%")
    } else {
        format!("{s}%")
    }
}

/// `part / whole × 100`, or `None` when `whole` is zero.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        None
    } else {
        part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
    }
}

/// Growth of `now` over `before`, in percent.
pub fn growth(now: Decimal, before: Decimal) -> Option<Decimal> {
    percent_of(now - before, before)
}

/// How a table shows the values of one column of quantities.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueStyle {
    /// Money in one scale; cells hold bare numbers, the header holds the unit.
    Money(Scale),
    /// Anything else; cells hold the quantity as written.
    Plain,
}

/// Context for showing quantities: the plan's default unit and the report language.
#[derive(Clone, Copy, Debug)]
pub struct Numbers {
    pub unit: MoneyUnit,
    pub lang: Lang,
}

impl Numbers {
    /// The value in its base (元 for money, the amount otherwise).
    pub fn base(&self, q: &Quantity) -> Option<Decimal> {
        q.base(self.unit)
    }

    /// Whether `q` is money (bare numbers count, read in the plan's unit).
    pub fn is_money(&self, q: &Quantity) -> bool {
        matches!(q.unit, Unit::Money(_) | Unit::Bare)
    }

    /// The scale a table headed by `q` uses.
    pub fn style_for(&self, q: &Quantity) -> ValueStyle {
        match q.money_unit(self.unit) {
            Some(u) if self.is_money(q) => ValueStyle::Money(Scale::of(u, self.lang)),
            _ => ValueStyle::Plain,
        }
    }

    /// A quantity shown on its own, with its unit: `9.072亿元`, `15%`, `86名`.
    /// A bare number is read as money in the plan's unit.
    pub fn money_or_qty(&self, q: &Quantity) -> String {
        let Some(a) = q.amount else {
            return q.raw.trim().to_owned();
        };
        match &q.unit {
            Unit::Money(_) | Unit::Bare => match q.yuan(self.unit) {
                Some(y) => self.money(y, q),
                None => q.raw.trim().to_owned(),
            },
            Unit::Percent => format!("{}%", dec(a, 4)),
            Unit::Other(u) => format!("{}{u}", dec(a, 4)),
        }
    }

    /// A quantity that is not money even when bare (`12` with a KPI unit `场`).
    pub fn qty(&self, q: &Quantity, bare_unit: Option<&str>) -> String {
        let Some(a) = q.amount else {
            return q.raw.trim().to_owned();
        };
        match &q.unit {
            Unit::Bare => format!("{}{}", dec(a, 4), bare_unit.unwrap_or("")),
            Unit::Money(_) => self.money_or_qty(q),
            Unit::Percent => format!("{}%", dec(a, 4)),
            Unit::Other(u) => format!("{}{u}", dec(a, 4)),
        }
    }

    /// Money in 元, shown in the scale `like` was written in (zh) or in millions (en).
    pub fn money(&self, yuan: Decimal, like: &Quantity) -> String {
        let unit = like.money_unit(self.unit).unwrap_or(self.unit);
        Scale::of(unit, self.lang).money(yuan)
    }

    /// A cell of a value column: a bare number in the table's scale, or the quantity.
    pub fn cell(&self, q: &Quantity, style: &ValueStyle) -> String {
        match style {
            ValueStyle::Money(scale) if self.is_money(q) => match q.yuan(self.unit) {
                Some(y) => scale.amount(y),
                None => q.raw.trim().to_owned(),
            },
            _ => self.money_or_qty(q),
        }
    }

    /// A base value (元 for money) as a cell in `style`, written like `like`.
    pub fn base_cell(&self, base: Decimal, like: &Quantity, style: &ValueStyle) -> String {
        match (style, &like.unit) {
            (ValueStyle::Money(scale), _) => scale.amount(base),
            (_, Unit::Percent) => format!("{}%", dec(base, 4)),
            (_, Unit::Other(u)) => format!("{}{u}", dec(base, 4)),
            _ => dec(base, 4),
        }
    }

    /// A stated or computed growth rate with its sign.
    pub fn growth_of(&self, stated: Option<&Quantity>, computed: Option<Decimal>) -> String {
        match (stated.and_then(|q| q.amount.map(|a| (a, q))), computed) {
            (Some((a, q)), _) => signed_pct(a, q.scale().max(1)),
            (None, Some(c)) => signed_pct(c, 1),
            (None, None) => stated.map(|q| q.raw.trim().to_owned()).unwrap_or_default(),
        }
    }
}

/// Chinese numerals for section numbers: 一, 二, … 十, 十一, … 九十九.
pub fn zh_numeral(n: usize) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[n % 10]),
        20..=99 => {
            let tail = if n % 10 == 0 { "" } else { D[n % 10] };
            format!("{}十{tail}", D[n / 10])
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_and_groups() {
        assert_eq!(dec(d("1234567.5"), 4), "1,234,567.5");
        assert_eq!(dec(d("9.0720"), 4), "9.072");
        assert_eq!(dec(d("-1234"), 0), "-1,234");
        assert_eq!(fixed(d("23.15"), 1), "23.2");
        assert_eq!(fixed(d("100"), 1), "100.0");
        assert_eq!(signed_pct(d("8"), 1), "+8%");
        assert_eq!(signed_pct(d("-5"), 1), "-5%");
        assert_eq!(Scale::Yi.amount(d("192000000")), "1.92");
        assert_eq!(Scale::Million.money(d("907200000")), "CNY 907.2m");
    }

    #[test]
    fn numerals() {
        assert_eq!(zh_numeral(1), "一");
        assert_eq!(zh_numeral(10), "十");
        assert_eq!(zh_numeral(12), "十二");
        assert_eq!(zh_numeral(20), "二十");
        assert_eq!(zh_numeral(34), "三十四");
    }
}
