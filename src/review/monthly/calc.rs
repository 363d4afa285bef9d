//! The figures of one unit of the monthly report, as pure functions over exact decimals:
//! no plan, no file, no language. Money is in 元, ratios in percent.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::actuals::period::{PeriodKey, PlanPeriod};

/// What one unit's figures are computed from.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// The annual target.
    pub annual: Decimal,
    /// The target's phasing (quarters or months, in 元); `None`: linear.
    pub split: Option<Vec<(PeriodKey, Decimal)>>,
    /// The actual of each month of the period (index from the period start); `None`: not
    /// reported.
    pub months: Vec<Option<Decimal>>,
    /// Last year's actual of the same month, when given.
    pub last_year: Vec<Option<Decimal>>,
}

/// Every figure of a unit at one date. `None` is a figure that cannot be computed,
/// never a zero.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Months closed at the date (their last day is on or before it).
    pub closed: u32,
    /// 时间进度: days elapsed ÷ days of the period, in percent.
    pub time_pace: Decimal,
    /// The target to date by the phasing (序时目标).
    pub phased_to_date: Decimal,
    /// 序时进度: the phased target to date ÷ the annual target, in percent.
    pub phased_pace: Option<Decimal>,
    /// The closed months with no actual.
    pub missing: Vec<u32>,
    /// Actual to date: the sum of the closed months (`None` when one is missing).
    pub actual: Option<Decimal>,
    /// Actual ÷ annual target, percent (年度完成率).
    pub attainment: Option<Decimal>,
    /// Actual ÷ phased target to date, percent (序时完成率): what the light is of.
    pub attainment_to_date: Option<Decimal>,
    /// Actual − phased target to date.
    pub gap: Option<Decimal>,
    /// Attainment − 序时进度, in points (ahead > 0).
    pub points_phased: Option<Decimal>,
    /// Attainment − 时间进度, in points.
    pub points_time: Option<Decimal>,
    /// Last year to the same month, and the growth over it (同比), percent.
    pub last_year: Option<Decimal>,
    pub yoy: Option<Decimal>,
    /// The last closed month, the one before, and the change (环比), percent.
    pub last_month: Option<Decimal>,
    pub previous_month: Option<Decimal>,
    pub mom: Option<Decimal>,
    /// Actual to date ÷ phased target to date × annual target.
    pub forecast_phased: Option<Decimal>,
    /// Actual to date × months of the period ÷ months elapsed.
    pub forecast_linear: Option<Decimal>,
}

/// Percent of `part` in `whole`; `None` for a zero whole.
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    (part * Decimal::ONE_HUNDRED).checked_div(whole)
}

/// Growth of `now` over `before`, percent; `None` when `before` is not above zero.
pub fn growth(now: Decimal, before: Decimal) -> Option<Decimal> {
    if before <= Decimal::ZERO {
        return None;
    }
    percent(now - before, before)
}

/// 时间进度 at `as_of`: days elapsed (the day itself included) ÷ days of the period.
pub fn time_pace(pp: &PlanPeriod, as_of: NaiveDate) -> Decimal {
    let all = (pp.end - pp.start).num_days() + 1;
    let done = ((as_of - pp.start).num_days() + 1).clamp(0, all);
    percent(Decimal::from(done), Decimal::from(all)).unwrap_or_default()
}

/// The target to date by a split: Σ value × the elapsed share of its months (the running
/// month by its days); without a split, the annual target × months elapsed ÷ months.
pub fn phased_to_date(
    pp: &PlanPeriod,
    annual: Decimal,
    split: Option<&[(PeriodKey, Decimal)]>,
    as_of: NaiveDate,
) -> Decimal {
    let elapsed = pp.elapsed_months(as_of);
    match split {
        Some(items) => items
            .iter()
            .map(|(p, v)| {
                let r = p.months(pp);
                let len = Decimal::from(r.end - r.start);
                if len.is_zero() {
                    return Decimal::ZERO;
                }
                let done = (elapsed - Decimal::from(r.start)).clamp(Decimal::ZERO, len);
                *v * done / len
            })
            .sum(),
        None => (annual * elapsed)
            .checked_div(Decimal::from(pp.months))
            .unwrap_or_default(),
    }
}

/// The months closed at `as_of`.
pub fn closed_months(pp: &PlanPeriod, as_of: NaiveDate) -> u32 {
    (0..pp.months)
        .take_while(|&m| pp.month_end(m) <= as_of)
        .count() as u32
}

/// Every figure of one unit at `as_of`.
pub fn figures(pp: &PlanPeriod, input: &Inputs, as_of: NaiveDate) -> Figures {
    let closed = closed_months(pp, as_of);
    let month = |m: u32| input.months.get(m as usize).copied().flatten();
    let last = |m: u32| input.last_year.get(m as usize).copied().flatten();
    let missing: Vec<u32> = (0..closed).filter(|&m| month(m).is_none()).collect();
    let actual: Option<Decimal> = if closed == 0 {
        None
    } else {
        (0..closed).map(month).sum()
    };
    let time = time_pace(pp, as_of);
    let phased = phased_to_date(pp, input.annual, input.split.as_deref(), as_of);
    let phased_pace = percent(phased, input.annual);
    let attainment = actual.and_then(|a| percent(a, input.annual));
    let attainment_to_date = actual.and_then(|a| percent(a, phased));
    let last_year: Option<Decimal> = if closed == 0 {
        None
    } else {
        (0..closed).map(last).sum()
    };
    let (last_month, previous_month) = match closed {
        0 => (None, None),
        1 => (month(0), None),
        c => (month(c - 1), month(c - 2)),
    };
    let elapsed = pp.elapsed_months(as_of);
    Figures {
        closed,
        time_pace: time,
        phased_to_date: phased,
        phased_pace,
        missing,
        actual,
        attainment,
        attainment_to_date,
        gap: actual.map(|a| a - phased),
        points_phased: attainment.zip(phased_pace).map(|(a, p)| a - p),
        points_time: attainment.map(|a| a - time),
        last_year,
        yoy: actual.zip(last_year).and_then(|(a, l)| growth(a, l)),
        last_month,
        previous_month,
        mom: last_month
            .zip(previous_month)
            .and_then(|(a, b)| growth(a, b)),
        forecast_phased: actual.and_then(|a| (a * input.annual).checked_div(phased)),
        forecast_linear: actual.and_then(|a| (a * Decimal::from(pp.months)).checked_div(elapsed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn pp() -> PlanPeriod {
        PlanPeriod::new(
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        )
    }

    #[test]
    fn a_quarter_split_paces_by_its_quarters() {
        let split = vec![
            (PeriodKey::Quarter(1), d("100")),
            (PeriodKey::Quarter(2), d("200")),
            (PeriodKey::Quarter(3), d("300")),
            (PeriodKey::Quarter(4), d("400")),
        ];
        let at = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(
            phased_to_date(&pp(), d("1000"), Some(&split), at(6, 30)),
            d("300")
        );
        // Two months into Q3: two thirds of it.
        assert_eq!(
            phased_to_date(&pp(), d("1000"), Some(&split), at(8, 31)),
            d("500")
        );
        assert_eq!(phased_to_date(&pp(), d("1200"), None, at(3, 31)), d("300"));
        assert_eq!(time_pace(&pp(), at(12, 31)), d("100"));
    }

    #[test]
    fn a_missing_month_leaves_the_year_to_date_uncomputed() {
        let input = Inputs {
            annual: d("1200"),
            split: None,
            months: vec![Some(d("100")), None, Some(d("100"))],
            last_year: vec![],
        };
        let f = figures(&pp(), &input, NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
        assert_eq!(f.actual, None);
        assert_eq!(f.missing, vec![1]);
        assert_eq!(f.forecast_phased, None);
        assert_eq!(f.phased_to_date, d("300"));
    }

    #[test]
    fn month_on_month_and_year_on_year() {
        let input = Inputs {
            annual: d("1200"),
            split: None,
            months: vec![Some(d("100")), Some(d("125"))],
            last_year: vec![Some(d("90")), Some(d("110"))],
        };
        let f = figures(&pp(), &input, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
        assert_eq!(f.actual, Some(d("225")));
        assert_eq!(f.mom, Some(d("25")));
        assert_eq!(f.yoy, Some(d("12.5")));
        assert_eq!(f.forecast_linear, Some(d("1350")));
        assert_eq!(f.forecast_phased, Some(d("1350")));
    }
}
