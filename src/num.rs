//! Numbers for reports: exact decimal arithmetic and the way figures are written.
//!
//! Architecture invariant: money, shares and growth are computed with `Decimal`;
//! nothing here touches f64 (charts convert to f64 for pixel geometry only).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{MoneyUnit, Plan, Quantity, Unit};

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

/// The minus sign reports print (U+2212), not a hyphen.
pub const MINUS: char = '\u{2212}';

/// The most decimals a money column shows.
pub const MAX_MONEY_DP: u32 = 2;

/// How one document shows money: every amount in one scale with one number of
/// decimals, so the cover and every table agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money {
    pub scale: Scale,
    pub dp: u32,
    /// Whether some amount of the document cannot be shown at `dp` without loss
    /// (it is rounded for display; the checks stay exact).
    pub rounded: bool,
}

impl Money {
    /// The money format of a document whose amounts (in 元) are `amounts`.
    ///
    /// `configured` (planc.toml `[render] money_unit` or the plan's `report_unit`)
    /// fixes the scale; otherwise Chinese reports take the largest of 亿元 / 万元 / 元
    /// that shows every amount exactly with at most two decimals, English reports
    /// millions of yuan. The decimals are the fewest that show every amount exactly
    /// (at most two; beyond that, amounts are rounded and `rounded` says so).
    pub fn choose(amounts: &[Decimal], lang: Lang, configured: Option<MoneyUnit>) -> Money {
        let scale = match (lang, configured) {
            (Lang::En, _) => Scale::Million,
            (Lang::Zh, Some(u)) => Scale::of(u, Lang::Zh),
            (Lang::Zh, None) => [Scale::Yi, Scale::Wan, Scale::Yuan]
                .into_iter()
                .find(|s| {
                    amounts
                        .iter()
                        .all(|a| decimals(*a / s.factor()) <= MAX_MONEY_DP)
                })
                .unwrap_or(Scale::Yuan),
        };
        let need = amounts
            .iter()
            .map(|a| decimals(*a / scale.factor()))
            .max()
            .unwrap_or(0);
        Money {
            scale,
            dp: need.min(MAX_MONEY_DP),
            rounded: need > MAX_MONEY_DP,
        }
    }

    /// The money format of a document about `plan`: its `report_unit`, else the
    /// configured one (`[render] money_unit`, `--money-unit`), else chosen from every
    /// amount the plan states; a plan without amounts keeps the unit it is written in.
    pub fn of_plan(plan: &Plan, lang: Lang, configured: Option<MoneyUnit>) -> Money {
        let amounts = money_amounts(plan);
        let fallback = amounts.is_empty().then(|| plan.money_unit());
        Money::choose(
            &amounts,
            lang,
            plan.report_unit().or(configured).or(fallback),
        )
    }

    /// An amount in 元 as a bare number in this format: `90,720`, `9.07`.
    pub fn amount(self, yuan: Decimal) -> String {
        fixed(yuan / self.scale.factor(), self.dp)
    }

    /// An amount in 元 with its unit: `90,720万元`, `CNY 907.20m`.
    pub fn money(self, yuan: Decimal) -> String {
        match self.scale {
            Scale::Million => format!("CNY {}m", self.amount(yuan)),
            s => format!("{}{}", self.amount(yuan), s.label()),
        }
    }
}

/// Every amount of money the plan states, in 元: what the document's money format
/// must show (sums and shares of these need no more decimals than they do).
pub fn money_amounts(plan: &Plan) -> Vec<Decimal> {
    let unit = plan.money_unit();
    let mut out = Vec::new();
    let mut add = |q: Option<&crate::model::Sp<Quantity>>| {
        if let Some(y) = q
            .filter(|q| matches!(q.unit, Unit::Money(_) | Unit::Bare))
            .and_then(|q| q.yuan(unit))
        {
            out.push(y);
        }
    };
    fn items<'p>(
        bs: &'p [crate::model::Breakdown],
        out: &mut Vec<&'p crate::model::BreakdownItem>,
    ) {
        for b in bs {
            for i in &b.items {
                out.push(i);
                items(&i.breakdowns, out);
            }
        }
    }
    for t in &plan.targets {
        if !matches!(t.value.unit, Unit::Money(_) | Unit::Bare) {
            continue;
        }
        add(Some(&t.value));
        add(t.last_year.as_ref());
        let mut all = Vec::new();
        items(&t.breakdowns, &mut all);
        for i in all {
            add(Some(&i.value));
            add(i.last_year.as_ref());
        }
    }
    if let Some(ly) = &plan.last_year {
        add(ly.sales.as_ref());
        add(ly.target.as_ref());
        add(ly.previous_sales.as_ref());
    }
    if let Some(b) = &plan.budget {
        add(Some(&b.total));
        b.lines.iter().for_each(|l| add(l.amount.as_ref()));
        b.allocations.iter().for_each(|a| add(Some(&a.amount)));
    }
    plan.all_strategies()
        .into_iter()
        .for_each(|s| add(s.budget.as_ref()));
    plan.requests
        .iter()
        .filter(|r| r.kind == crate::model::RequestKind::Budget)
        .for_each(|r| add(r.amount.as_ref()));
    out
}

/// Whether the plan speaks of money at all — a target in money (an `XX亿元` placeholder
/// included), a budget, last year's sales — so its cover names a money unit.
pub fn states_money(plan: &Plan) -> bool {
    let money = |u: &Unit| matches!(u, Unit::Money(_) | Unit::Bare);
    !money_amounts(plan).is_empty()
        || plan.targets.iter().any(|t| money(&t.value.unit))
        || plan.budget.is_some()
}

/// The decimals `d` needs to be written exactly (`9.0720` → 3).
pub fn decimals(d: Decimal) -> u32 {
    d.normalize().scale()
}

/// Groups the integer digits in threes: `1234567.5` → `1,234,567.5`; a leading
/// minus becomes U+2212.
pub(crate) fn group(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("\u{2212}", r),
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

/// A growth rate in percent with its sign and exactly `dp` decimals: `+8.0%`, `−5.0%`.
pub fn signed_pct(p: Decimal, dp: u32) -> String {
    let s = fixed(p, dp);
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

/// Context for showing quantities: the plan's default unit, the report language and,
/// in a report, the document's one money format (`None`: each amount in the scale it
/// was written in, as the editor's figures show it).
#[derive(Clone, Copy, Debug)]
pub struct Numbers {
    pub unit: MoneyUnit,
    pub lang: Lang,
    pub doc: Option<Money>,
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
        if let Some(m) = self.doc.filter(|_| self.is_money(q)) {
            return ValueStyle::Money(m.scale);
        }
        match q.money_unit(self.unit) {
            Some(u) => ValueStyle::Money(Scale::of(u, self.lang)),
            None => ValueStyle::Plain,
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
        if let Some(m) = self.doc {
            return m.money(yuan);
        }
        let unit = like.money_unit(self.unit).unwrap_or(self.unit);
        Scale::of(unit, self.lang).money(yuan)
    }

    /// A cell of a value column: a bare number in the table's scale, or the quantity.
    pub fn cell(&self, q: &Quantity, style: &ValueStyle) -> String {
        match style {
            ValueStyle::Money(scale) if self.is_money(q) => match q.yuan(self.unit) {
                Some(y) => self.amount(*scale, y),
                None => q.raw.trim().to_owned(),
            },
            _ => self.money_or_qty(q),
        }
    }

    /// A base value (元 for money) as a cell in `style`, written like `like`.
    pub fn base_cell(&self, base: Decimal, like: &Quantity, style: &ValueStyle) -> String {
        match (style, &like.unit) {
            (ValueStyle::Money(scale), _) => self.amount(*scale, base),
            (_, Unit::Percent) => format!("{}%", dec(base, 4)),
            (_, Unit::Other(u)) => format!("{}{u}", dec(base, 4)),
            _ => dec(base, 4),
        }
    }

    /// A bare amount of a money column: the document's decimals when the column is
    /// in the document's scale, else up to four.
    fn amount(&self, scale: Scale, yuan: Decimal) -> String {
        match self.doc {
            Some(m) if m.scale == scale => m.amount(yuan),
            _ => scale.amount(yuan),
        }
    }

    /// A stated or computed growth rate with its sign, one decimal (a column of
    /// growth rates reads evenly).
    pub fn growth_of(&self, stated: Option<&Quantity>, computed: Option<Decimal>) -> String {
        match (stated.and_then(|q| q.amount.map(|a| (a, q))), computed) {
            (Some((a, _)), _) => signed_pct(a, 1),
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
        assert_eq!(dec(d("-1234"), 0), "\u{2212}1,234");
        assert_eq!(fixed(d("23.15"), 1), "23.2");
        assert_eq!(fixed(d("100"), 1), "100.0");
        assert_eq!(signed_pct(d("8"), 1), "+8.0%");
        assert_eq!(signed_pct(d("-5"), 1), "\u{2212}5.0%");
        assert_eq!(signed_pct(d("12.25"), 1), "+12.3%");
        assert_eq!(Scale::Yi.amount(d("192000000")), "1.92");
        assert_eq!(Scale::Million.money(d("907200000")), "CNY 907.2m");
    }

    fn yuan(s: &str) -> Decimal {
        d(s)
    }

    #[test]
    fn one_money_unit_per_document_chosen_from_its_amounts() {
        // 9.072亿 needs three decimals in 亿元: the document is in 万元, no decimals.
        let amounts = [yuan("907200000"), yuan("1080000000"), yuan("300000")];
        let m = Money::choose(&amounts, Lang::Zh, None);
        assert_eq!((m.scale, m.dp, m.rounded), (Scale::Wan, 0, false));
        assert_eq!(m.amount(yuan("907200000")), "90,720");
        assert_eq!(m.money(yuan("1080000000")), "108,000万元");
        // Round 亿 amounts: 亿元 with the fewest decimals that are exact, for every cell.
        let m = Money::choose(&[yuan("250000000"), yuan("30000000")], Lang::Zh, None);
        assert_eq!((m.scale, m.dp), (Scale::Yi, 1));
        assert_eq!(m.amount(yuan("250000000")), "2.5");
        assert_eq!(m.amount(yuan("100000000")), "1.0");
        // A configured unit wins; an amount it cannot show at two decimals is rounded.
        let m = Money::choose(&[yuan("907200000")], Lang::Zh, Some(MoneyUnit::Yi));
        assert_eq!((m.scale, m.dp, m.rounded), (Scale::Yi, 2, true));
        assert_eq!(m.amount(yuan("907200000")), "9.07");
        // English: millions of yuan.
        let m = Money::choose(&[yuan("907200000"), yuan("300000")], Lang::En, None);
        assert_eq!((m.scale, m.dp), (Scale::Million, 1));
        assert_eq!(m.money(yuan("907200000")), "CNY 907.2m");
        // Negative amounts carry a real minus sign.
        assert_eq!(m.amount(yuan("-1500000")), "\u{2212}1.5");
        // Exactly two decimals at the configured unit are exact, not rounded; three are.
        let m = Money::choose(&[yuan("907000000")], Lang::Zh, Some(MoneyUnit::Yi));
        assert_eq!((m.scale, m.dp, m.rounded), (Scale::Yi, 2, false));
        let m = Money::choose(&[yuan("1234.567")], Lang::Zh, None);
        assert_eq!((m.scale, m.dp, m.rounded), (Scale::Yuan, 2, true));
        // No amounts: whole 亿元.
        assert_eq!(Money::choose(&[], Lang::Zh, None).scale, Scale::Yi);
    }

    #[test]
    fn a_document_column_has_fixed_decimals() {
        let doc = Money::choose(&[yuan("123456.7")], Lang::Zh, None);
        assert_eq!((doc.scale, doc.dp), (Scale::Yuan, 1));
        let n = Numbers {
            unit: MoneyUnit::Yuan,
            lang: Lang::Zh,
            doc: Some(doc),
        };
        let q = Quantity::parse("1234元");
        let style = n.style_for(&q);
        assert_eq!(style, ValueStyle::Money(Scale::Yuan));
        assert_eq!(n.cell(&q, &style), "1,234.0");
        assert_eq!(n.money_or_qty(&q), "1,234.0元");
        let wan = Quantity::parse("3万元");
        assert_eq!(n.cell(&wan, &n.style_for(&wan)), "30,000.0");
    }

    #[test]
    fn a_column_is_money_only_when_its_head_is() {
        let doc = Money::choose(&[yuan("907200000")], Lang::Zh, None);
        for doc in [Some(doc), None] {
            let n = Numbers {
                unit: MoneyUnit::Wan,
                lang: Lang::Zh,
                doc,
            };
            for plain in ["15%", "86家", "12名"] {
                let q = Quantity::parse(plain);
                assert!(!n.is_money(&q), "{plain}");
                assert_eq!(n.style_for(&q), ValueStyle::Plain, "{plain}");
            }
            let scale = doc.map_or(Scale::Yi, |m| m.scale);
            assert!(n.is_money(&Quantity::parse("9.072亿元")));
            assert_eq!(
                n.style_for(&Quantity::parse("9.072亿元")),
                ValueStyle::Money(scale)
            );
            // A bare number is money in the plan's unit.
            let bare = doc.map_or(Scale::Wan, |m| m.scale);
            assert_eq!(
                n.style_for(&Quantity::parse("500")),
                ValueStyle::Money(bare)
            );
        }
    }

    #[test]
    fn cells_of_a_money_column() {
        // The document is in 万元 with no decimals.
        let doc = Money::choose(&[yuan("907200000"), yuan("300000")], Lang::Zh, None);
        let n = Numbers {
            unit: MoneyUnit::Wan,
            lang: Lang::Zh,
            doc: Some(doc),
        };
        let wan = ValueStyle::Money(Scale::Wan);
        assert_eq!(n.cell(&Quantity::parse("9.072亿元"), &wan), "90,720");
        // A percentage in a money column keeps its unit, in the report's own digits.
        assert_eq!(n.cell(&Quantity::parse("15.50%"), &wan), "15.5%");
        // A column in another scale than the document's: that scale's own digits.
        let yi = ValueStyle::Money(Scale::Yi);
        assert_eq!(n.cell(&Quantity::parse("9.072亿元"), &yi), "9.072");
        assert_eq!(
            n.base_cell(d("907200000"), &Quantity::parse("1亿元"), &yi),
            "9.072"
        );
        assert_eq!(
            n.base_cell(d("907200000"), &Quantity::parse("1亿元"), &wan),
            "90,720"
        );
        // Base values of other quantities keep the unit written.
        let plain = ValueStyle::Plain;
        assert_eq!(
            n.base_cell(d("12.5"), &Quantity::parse("10%"), &plain),
            "12.5%"
        );
        assert_eq!(
            n.base_cell(d("86"), &Quantity::parse("80家"), &plain),
            "86家"
        );
        assert_eq!(n.base_cell(d("86"), &Quantity::parse("80"), &plain), "86");
    }

    #[test]
    fn growth_has_a_sign_only_when_it_is_not_zero() {
        assert_eq!(signed_pct(d("8"), 1), "+8.0%");
        assert_eq!(signed_pct(d("0"), 1), "0.0%");
        assert_eq!(signed_pct(d("-5"), 1), "\u{2212}5.0%");
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
