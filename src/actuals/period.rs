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
            PeriodKey::Quarter(q) => format!("Q{q}"),
            PeriodKey::Month(m) => pp.month_start(m).format("%Y-%m").to_string(),
        }
    }

    pub fn is_sub(self) -> bool {
        self != PeriodKey::Full
    }
}

/// Reads a period as written in an actuals row.
pub fn parse(raw: &str, pp: &PlanPeriod) -> Result<PeriodKey, String> {
    let t = raw.trim();
    let upper = t.to_ascii_uppercase();
    let quarter = |q: u32| -> Result<PeriodKey, String> {
        if (1..=pp.quarters() as u32).contains(&q) {
            Ok(PeriodKey::Quarter(q as u8))
        } else {
            Err(format!(
                "the plan period has quarters Q1–Q{}",
                pp.quarters()
            ))
        }
    };
    let month_of = |d: NaiveDate| -> Result<PeriodKey, String> {
        let first = first_of_month(pp.start);
        if d < first || d > pp.end {
            return Err(format!(
                "{} is outside the plan period {} – {}",
                d.format("%Y-%m"),
                pp.start,
                pp.end
            ));
        }
        Ok(PeriodKey::Month(month_index(pp.start, d)))
    };
    if matches!(upper.as_str(), "FY" | "全年" | "年度" | "YTD")
        || upper == pp.start.year().to_string()
    {
        return Ok(PeriodKey::Full);
    }
    if let Some(n) = upper.strip_prefix('Q').and_then(|n| n.parse::<u32>().ok()) {
        return quarter(n);
    }
    if let Some((y, q)) = upper.split_once('Q') {
        let y = y.trim_end_matches(['-', ' ']);
        if let (Ok(y), Ok(q)) = (y.parse::<i32>(), q.parse::<u32>()) {
            if y != pp.start.year() {
                return Err(format!(
                    "{t} is outside the plan period {} – {}",
                    pp.start, pp.end
                ));
            }
            return quarter(q);
        }
    }
    if let Some(n) = upper.strip_prefix('M').and_then(|n| n.parse::<u32>().ok()) {
        return if (1..=pp.months).contains(&n) {
            Ok(PeriodKey::Month(n - 1))
        } else {
            Err(format!("the plan period has months M01–M{:02}", pp.months))
        };
    }
    let norm = t.replace(['/', '年'], "-").replace('月', "");
    if let Ok(d) = NaiveDate::parse_from_str(&format!("{norm}-01"), "%Y-%m-%d") {
        return month_of(d);
    }
    if let Ok(d) = NaiveDate::parse_from_str(&norm, "%Y-%m-%d") {
        return month_of(d);
    }
    Err("expected `FY`, a quarter `Q1`–`Q4`, or a month such as `2026-03`".into())
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
        assert!(parse("第一季度", &p).is_err());
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
