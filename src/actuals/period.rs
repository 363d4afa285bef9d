//! Periods of actuals rows: the full plan period, a quarter or a month, counted from the
//! start of the plan period (so a fiscal year starting in April has Q1 = April–June).

use chrono::{Datelike, Months, NaiveDate};

/// The plan period in whole months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Number of months the period spans (12 for a calendar year).
    pub months: u32,
}

impl PlanPeriod {
    pub fn new(start: NaiveDate, end: NaiveDate) -> PlanPeriod {
        let months = month_index(start, end) + 1;
        PlanPeriod { start, end, months }
    }

    /// The plan's period, or the calendar year 2026 when the plan's dates are unusable
    /// (the plan's own rules report that).
    pub fn of(plan: &crate::model::Plan) -> PlanPeriod {
        match (plan.period.start.first(), plan.period.end.last()) {
            (Some(s), Some(e)) if s <= e => PlanPeriod::new(s, e),
            _ => PlanPeriod::new(ymd(2026, 1, 1), ymd(2026, 12, 31)),
        }
    }

    /// First day of the month with index `i` (0-based from the period start).
    pub fn month_start(&self, i: u32) -> NaiveDate {
        first_of_month(self.start)
            .checked_add_months(Months::new(i))
            .unwrap_or(self.end)
    }

    /// Last day of the month with index `i`, clipped to the period end.
    pub fn month_end(&self, i: u32) -> NaiveDate {
        self.month_start(i + 1)
            .pred_opt()
            .unwrap_or(self.end)
            .min(self.end)
    }

    /// The number of months elapsed at `as_of` (inclusive), with the running month
    /// counted by its elapsed days: `2026-09-30` is 9, `2026-09-15` is 8.5.
    pub fn elapsed_months(&self, as_of: NaiveDate) -> rust_decimal::Decimal {
        use rust_decimal::Decimal;
        if as_of >= self.end {
            return Decimal::from(self.months);
        }
        if as_of < self.start {
            return Decimal::ZERO;
        }
        let i = month_index(self.start, as_of);
        let first = self.month_start(i).max(self.start);
        let last = self.month_end(i);
        let days = Decimal::from((last - first).num_days() + 1);
        let done = Decimal::from((as_of - first).num_days() + 1);
        Decimal::from(i) + done / days
    }

    pub fn quarters(&self) -> u8 {
        self.months.div_ceil(3).min(u8::MAX as u32) as u8
    }
}

/// Months between the months of `a` and `b` (`b` later).
fn month_index(a: NaiveDate, b: NaiveDate) -> u32 {
    let m = (b.year() - a.year()) * 12 + b.month() as i32 - a.month() as i32;
    m.max(0) as u32
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The period a row covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKey {
    /// The whole plan period, up to the as-of date.
    Full,
    /// Half 1–2 of the plan period (上半年 / 下半年): six months each.
    Half(u8),
    /// Quarter 1–4 of the plan period.
    Quarter(u8),
    /// Month index from the start of the plan period, 0-based.
    Month(u32),
}

impl PeriodKey {
    /// Month indices covered, half-open.
    pub fn months(self, pp: &PlanPeriod) -> std::ops::Range<u32> {
        match self {
            PeriodKey::Full => 0..pp.months,
            PeriodKey::Half(h) => {
                let s = (h as u32 - 1) * 6;
                s.min(pp.months)..(s + 6).min(pp.months)
            }
            PeriodKey::Quarter(q) => {
                let s = (q as u32 - 1) * 3;
                s..(s + 3).min(pp.months)
            }
            PeriodKey::Month(m) => m..m + 1,
        }
    }

    /// Last day covered.
    pub fn end(self, pp: &PlanPeriod) -> NaiveDate {
        match self {
            PeriodKey::Full => pp.end,
            other => pp.month_end(other.months(pp).end.saturating_sub(1)),
        }
    }

    /// How the period is written in reports: `FY`, `Q3`, `2026-09`.
    pub fn label(self, pp: &PlanPeriod) -> String {
        match self {
            PeriodKey::Full => "FY".into(),
            PeriodKey::Half(h) => format!("H{h}"),
            PeriodKey::Quarter(q) => format!("Q{q}"),
            PeriodKey::Month(m) => pp.month_start(m).format("%Y-%m").to_string(),
        }
    }

    pub fn is_sub(self) -> bool {
        self != PeriodKey::Full
    }

    /// The quarters of a half (both within the plan period), else none.
    pub fn quarters_of_half(self, pp: &PlanPeriod) -> Option<[PeriodKey; 2]> {
        match self {
            PeriodKey::Half(h) if 2 * h <= pp.quarters() => {
                Some([PeriodKey::Quarter(2 * h - 1), PeriodKey::Quarter(2 * h)])
            }
            _ => None,
        }
    }
}

/// What a period as written says, before it is placed in a plan period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `FY`, `全年`, `年度`, `YTD`, or a bare year (`2026`).
    Full(Option<i32>),
    /// `H1`, `2026H1`, `上半年`, `2026年下半年`.
    Half(Option<i32>, u32),
    /// `Q3`, `2026Q3`, `2026-Q3`, `三季度`, `第三季度`, `2026年第三季度`.
    Quarter(Option<i32>, u32),
    /// `M03`: the third month of the plan period.
    PlanMonth(u32),
    /// A calendar month: `2026-03`, `2026/03`, `2026年3月`, a date; or `3月`, `三月`
    /// without a year.
    Month(Option<i32>, u32),
}

impl Form {
    /// A month or a quarter (a column of the wide layout), not the whole period.
    pub fn is_sub(self) -> bool {
        !matches!(self, Form::Full(_))
    }
    pub fn is_month(self) -> bool {
        matches!(self, Form::PlanMonth(_) | Form::Month(..))
    }
    /// How fine the period is: months 0, quarters 1, halves 2, the year 3. Columns of
    /// the finest grain are the figures; coarser ones are subtotals.
    pub fn grain(self) -> u8 {
        match self {
            Form::PlanMonth(_) | Form::Month(..) => 0,
            Form::Quarter(..) => 1,
            Form::Half(..) => 2,
            Form::Full(_) => 3,
        }
    }
}

/// `一`…`十二` or `1`…`12`.
fn small_number(t: &str) -> Option<u32> {
    if let Ok(n) = t.parse::<u32>() {
        return Some(n);
    }
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = t.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', c] => digit(*c).map(|d| 10 + d),
        _ => None,
    }
}

/// `H1`, `1H`, `2026H1`, `2026-H2`, `上半年`, `2026年下半年` (upper-cased input).
fn half(upper: &str) -> Option<Form> {
    for (word, h) in [("上半年", 1), ("下半年", 2), ("上半", 1), ("下半", 2)] {
        if let Some(year) = upper.strip_suffix(word) {
            let year = year.trim().trim_end_matches('年').trim();
            return match year {
                "" => Some(Form::Half(None, h)),
                y if y.len() == 4 => Some(Form::Half(Some(y.parse().ok()?), h)),
                _ => None,
            };
        }
    }
    let (y, h) = match upper.rsplit_once('H') {
        Some((n, "")) => return small_half(n).map(|h| Form::Half(None, h)),
        Some((y, h)) => (y.trim_end_matches(['-', ' ']), h),
        None => return None,
    };
    let h = small_half(h)?;
    match y {
        "" => Some(Form::Half(None, h)),
        y if y.len() == 4 => Some(Form::Half(Some(y.parse().ok()?), h)),
        _ => None,
    }
}

fn small_half(t: &str) -> Option<u32> {
    match t {
        "1" => Some(1),
        "2" => Some(2),
        _ => None,
    }
}

/// Reads the form of a period, if it is one; `Q5` and `13月` are forms too (placing
/// them says what is wrong).
pub fn form(raw: &str) -> Option<Form> {
    let t = raw.trim();
    let upper = t.to_ascii_uppercase();
    if matches!(upper.as_str(), "FY" | "全年" | "年度" | "YTD") {
        return Some(Form::Full(None));
    }
    if upper.len() == 4 {
        if let Ok(y) = upper.parse::<i32>() {
            return Some(Form::Full(Some(y)));
        }
    }
    if let Some(h) = half(&upper) {
        return Some(h);
    }
    if let Some(n) = upper.strip_prefix('Q').and_then(|n| n.parse::<u32>().ok()) {
        return Some(Form::Quarter(None, n));
    }
    if let Some((y, q)) = upper.split_once('Q') {
        let y = y.trim_end_matches(['-', ' ']);
        if let (Ok(y), Ok(q)) = (y.parse::<i32>(), q.parse::<u32>()) {
            return Some(Form::Quarter(Some(y), q));
        }
    }
    if let Some(n) = upper.strip_prefix('M').and_then(|n| n.parse::<u32>().ok()) {
        return Some(Form::PlanMonth(n));
    }
    // Chinese: an optional `2026年`, then `第三季度` / `三季度` / `3季度`, or `3月` / `三月`.
    let (year, rest) = match t.split_once('年') {
        Some((y, rest)) if y.trim().len() == 4 => match y.trim().parse::<i32>() {
            Ok(y) => (Some(y), rest.trim()),
            Err(_) => return None,
        },
        _ => (None, t),
    };
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    if let Some(q) = rest
        .strip_suffix("季度")
        .or_else(|| rest.strip_suffix('季'))
        .and_then(small_number)
    {
        return Some(Form::Quarter(year, q));
    }
    if let Some(m) = rest
        .strip_suffix('月')
        .or_else(|| rest.strip_suffix("月份"))
        .and_then(small_number)
    {
        return Some(Form::Month(year, m));
    }
    // An Excel date serial that lost its date format (`46082` is 2026-03-01): days since
    // 1899-12-30, read only in the range of this century's dates.
    if t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = t.parse().ok()?;
        if (36_526..=73_050).contains(&n) {
            let d = NaiveDate::from_ymd_opt(1899, 12, 30)?
                .checked_add_signed(chrono::TimeDelta::days(n))?;
            return Some(Form::Month(Some(d.year()), d.month()));
        }
        return None;
    }
    // ERP month keys: `202603` (year and month run together).
    if t.len() == 6
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
    {
        if let (Ok(y), Ok(m)) = (t[..4].parse::<i32>(), t[4..].parse::<u32>()) {
            if (1..=12).contains(&m) {
                return Some(Form::Month(Some(y), m));
            }
        }
        return None;
    }
    // `2026.03`, `2026/3`, `2026-03`, `2026年3月`.
    let norm = t.replace(['/', '年', '.'], "-").replace('月', "");
    let date = NaiveDate::parse_from_str(&format!("{norm}-01"), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&norm, "%Y-%m-%d"))
        .ok()?;
    Some(Form::Month(Some(date.year()), date.month()))
}

/// Reads a period as written in an actuals row.
pub fn parse(raw: &str, pp: &PlanPeriod) -> Result<PeriodKey, String> {
    let t = raw.trim();
    let outside = |what: String| {
        crate::t!(
            "actuals-period-outside",
            period = what,
            start = pp.start.to_string(),
            end = pp.end.to_string()
        )
    };
    let quarter = |q: u32| -> Result<PeriodKey, String> {
        if (1..=pp.quarters() as u32).contains(&q) {
            Ok(PeriodKey::Quarter(q as u8))
        } else {
            Err(crate::t!("actuals-period-quarters", last = pp.quarters()))
        }
    };
    let month_of = |d: NaiveDate| -> Result<PeriodKey, String> {
        let first = first_of_month(pp.start);
        if d < first || d > pp.end {
            return Err(outside(d.format("%Y-%m").to_string()));
        }
        Ok(PeriodKey::Month(month_index(pp.start, d)))
    };
    let expected = || crate::t!("actuals-period-expected");
    match form(t).ok_or_else(expected)? {
        Form::Full(None) => Ok(PeriodKey::Full),
        Form::Full(Some(y)) if y == pp.start.year() => Ok(PeriodKey::Full),
        Form::Full(Some(_)) => Err(expected()),
        Form::Quarter(Some(y), _) | Form::Half(Some(y), _) if y != pp.start.year() => {
            Err(outside(t.to_owned()))
        }
        Form::Half(_, h) if (1..=2).contains(&h) && pp.months >= h * 6 => {
            Ok(PeriodKey::Half(h as u8))
        }
        Form::Half(..) => Err(crate::t!("actuals-period-expected")),
        Form::Quarter(_, q) => quarter(q),
        Form::PlanMonth(n) if (1..=pp.months).contains(&n) => Ok(PeriodKey::Month(n - 1)),
        Form::PlanMonth(_) => Err(crate::t!(
            "actuals-period-months",
            last = format!("{:02}", pp.months)
        )),
        Form::Month(Some(y), m) => {
            let d = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(expected)?;
            month_of(d)
        }
        Form::Month(None, m) => {
            if !(1..=12).contains(&m) {
                return Err(expected());
            }
            // A calendar month without a year: the plan period's month of that name.
            let found: Vec<u32> = (0..pp.months)
                .filter(|&i| pp.month_start(i).month() == m)
                .collect();
            match found.as_slice() {
                [i] => Ok(PeriodKey::Month(*i)),
                [] => Err(outside(t.to_owned())),
                [i, ..] => Err(crate::t!(
                    "actuals-period-ambiguous-month",
                    period = t,
                    example = pp.month_start(*i).format("%Y-%m").to_string()
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pp() -> PlanPeriod {
        PlanPeriod::new(ymd(2026, 1, 1), ymd(2026, 12, 31))
    }

    #[test]
    fn reads_every_form() {
        let p = pp();
        assert_eq!(parse("FY", &p), Ok(PeriodKey::Full));
        assert_eq!(parse("q3", &p), Ok(PeriodKey::Quarter(3)));
        assert_eq!(parse("2026Q2", &p), Ok(PeriodKey::Quarter(2)));
        assert_eq!(parse("2026-Q4", &p), Ok(PeriodKey::Quarter(4)));
        assert_eq!(parse("2026-03", &p), Ok(PeriodKey::Month(2)));
        assert_eq!(parse("2026/11", &p), Ok(PeriodKey::Month(10)));
        assert_eq!(parse("M12", &p), Ok(PeriodKey::Month(11)));
        assert_eq!(parse("2026-03-01", &p), Ok(PeriodKey::Month(2)));
        assert!(parse("2025-12", &p).unwrap_err().contains("outside"));
        assert!(parse("Q5", &p).is_err());
        assert_eq!(parse("上半年", &p), Ok(PeriodKey::Half(1)));
        assert_eq!(parse("2026年下半年", &p), Ok(PeriodKey::Half(2)));
        assert_eq!(parse("H1", &p), Ok(PeriodKey::Half(1)));
        assert_eq!(parse("2026H2", &p), Ok(PeriodKey::Half(2)));
        assert_eq!(parse("2026-h1", &p), Ok(PeriodKey::Half(1)));
        assert_eq!(parse("1H", &p), Ok(PeriodKey::Half(1)));
        assert!(parse("H3", &p).is_err());
        assert!(parse("2025H1", &p).is_err());
        assert_eq!(PeriodKey::Half(2).months(&p), 6..12);
        assert_eq!(PeriodKey::Half(1).label(&p), "H1");
        assert_eq!(
            PeriodKey::Half(2).quarters_of_half(&p),
            Some([PeriodKey::Quarter(3), PeriodKey::Quarter(4)])
        );
    }

    #[test]
    fn reads_chinese_quarters_and_months() {
        let p = pp();
        assert_eq!(parse("第一季度", &p), Ok(PeriodKey::Quarter(1)));
        assert_eq!(parse("三季度", &p), Ok(PeriodKey::Quarter(3)));
        assert_eq!(parse("2026年第四季度", &p), Ok(PeriodKey::Quarter(4)));
        assert_eq!(parse("2季度", &p), Ok(PeriodKey::Quarter(2)));
        assert!(parse("2025年一季度", &p).is_err());
        assert!(parse("五季度", &p).is_err());
        assert_eq!(parse("1月", &p), Ok(PeriodKey::Month(0)));
        assert_eq!(parse("十二月", &p), Ok(PeriodKey::Month(11)));
        assert_eq!(parse("十月", &p), Ok(PeriodKey::Month(9)));
        assert_eq!(parse("2026年3月", &p), Ok(PeriodKey::Month(2)));
        assert!(parse("13月", &p).is_err());
        assert!(parse("2025", &p).is_err());
        assert_eq!(parse("2026", &p), Ok(PeriodKey::Full));
        // A fiscal year from April: January is its tenth month.
        let fy = PlanPeriod::new(ymd(2026, 4, 1), ymd(2027, 3, 31));
        assert_eq!(parse("1月", &fy), Ok(PeriodKey::Month(9)));
        assert_eq!(parse("4月", &fy), Ok(PeriodKey::Month(0)));
        // Two Januaries in an 18-month period: the year is needed.
        let long = PlanPeriod::new(ymd(2026, 1, 1), ymd(2027, 6, 30));
        assert!(parse("1月", &long).unwrap_err().contains("2026-01"));
        // A half-year plan has no October.
        let half = PlanPeriod::new(ymd(2026, 1, 1), ymd(2026, 6, 30));
        assert!(parse("10月", &half).unwrap_err().contains("outside"));
    }

    #[test]
    fn forms_tell_months_from_quarters() {
        assert_eq!(form("1月"), Some(Form::Month(None, 1)));
        assert_eq!(form("2026-01"), Some(Form::Month(Some(2026), 1)));
        assert_eq!(form("一季度"), Some(Form::Quarter(None, 1)));
        assert_eq!(form("Q4"), Some(Form::Quarter(None, 4)));
        assert_eq!(form("全年"), Some(Form::Full(None)));
        assert!(form("1月").is_some_and(Form::is_month));
        assert!(!form("Q1").is_some_and(Form::is_month));
        assert!(!form("FY").is_some_and(Form::is_sub));
        assert_eq!(form("202603"), Some(Form::Month(Some(2026), 3)));
        assert_eq!(form("46082"), Some(Form::Month(Some(2026), 3)));
        assert_eq!(form("46112"), Some(Form::Month(Some(2026), 3)));
        assert_eq!(form("12345"), None);
        assert_eq!(form("202613"), None);
        assert_eq!(form("2026.03"), Some(Form::Month(Some(2026), 3)));
        assert_eq!(form("2026/3"), Some(Form::Month(Some(2026), 3)));
        assert_eq!(form("2026年3月"), Some(Form::Month(Some(2026), 3)));
        assert_eq!(form("合计"), None);
        assert_eq!(form("省份"), None);
        assert_eq!(form("月"), None);
    }

    /// A plan period that ends on the first of a month still holds that month.
    #[test]
    fn a_period_ending_on_the_first_holds_its_last_month() {
        let p = PlanPeriod::new(ymd(2026, 1, 1), ymd(2026, 12, 1));
        assert_eq!(parse("2026-12", &p), Ok(PeriodKey::Month(11)));
        assert!(parse("2027-01", &p).unwrap_err().contains("outside"));
    }

    /// The plan's own period when its dates are usable, else the calendar year 2026.
    #[test]
    fn the_period_of_a_plan() {
        let of = |start: &str, end: &str| {
            let tiny = include_str!("../../tests/fixtures/actuals/tiny.plan.yaml")
                .replace("start: 2026-01-01", &format!("start: {start}"))
                .replace("end: 2026-12-31", &format!("end: {end}"));
            let (_, plan) = crate::load::check_bytes_with_plan(
                std::path::Path::new("t.plan.yaml"),
                tiny.as_bytes(),
                &crate::config::Config::default(),
            );
            let p = PlanPeriod::of(&plan.expect("the plan loads"));
            (p.start, p.end, p.months)
        };
        assert_eq!(
            of("2025-04-01", "2026-03-31"),
            (ymd(2025, 4, 1), ymd(2026, 3, 31), 12)
        );
        assert_eq!(
            of("2025-06-01", "2025-06-01"),
            (ymd(2025, 6, 1), ymd(2025, 6, 1), 1)
        );
        assert_eq!(
            of("2025-12-31", "2025-01-01"),
            (ymd(2026, 1, 1), ymd(2026, 12, 31), 12)
        );
    }

    #[test]
    fn ends_and_elapsed() {
        let p = pp();
        assert_eq!(PeriodKey::Quarter(3).end(&p), ymd(2026, 9, 30));
        assert_eq!(PeriodKey::Month(1).end(&p), ymd(2026, 2, 28));
        assert_eq!(
            p.elapsed_months(ymd(2026, 9, 30)),
            rust_decimal::Decimal::from(9)
        );
        assert_eq!(
            p.elapsed_months(ymd(2026, 12, 31)),
            rust_decimal::Decimal::from(12)
        );
        assert_eq!(
            p.elapsed_months(ymd(2026, 9, 15)),
            rust_decimal::Decimal::new(85, 1)
        );
    }
}
