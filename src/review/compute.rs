//! Joined actuals → every figure of the year-end review, in exact decimals: attainment,
//! variance, year-on-year growth, status lights, KPI verdicts, contributors, and for a
//! partial year the year-to-date target (from the quarter or month split) and the
//! run-rate forecast.
//!
//! Architecture invariant: every figure the review shows is computed here, from the plan
//! and the actuals; templates and narrative only place them.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::fmt;
use crate::actuals::join::{Agg, Expect, Joined, MetricKind};
use crate::actuals::period::PeriodKey;
use crate::config::Thresholds;
use crate::model::{Comparator, Kpi, Lang, Plan, Quantity, Target};
use crate::num::Money;
use crate::review::monthly::calc::phased_to_date;

/// Green, amber or red; `none` when nothing can be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Light {
    Green,
    Amber,
    Red,
    None,
}

impl Light {
    pub fn of(ratio: Option<Decimal>, t: &Thresholds) -> Light {
        match ratio {
            Some(r) if r >= t.green => Light::Green,
            Some(r) if r >= t.amber => Light::Amber,
            Some(_) => Light::Red,
            None => Light::None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Light::Green => "green",
            Light::Amber => "amber",
            Light::Red => "red",
            Light::None => "none",
        }
    }
}

/// A figure: its exact value in the base unit (元 for money) and how it is written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Amount {
    #[serde(serialize_with = "ser_dec")]
    pub value: Decimal,
    pub display: String,
    /// The display without its unit, for table cells under a unit note.
    #[serde(skip)]
    pub number: String,
}

/// A ratio in percent (exact to 4 places in JSON) and how it is written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pct {
    #[serde(serialize_with = "ser_pct")]
    pub value: Decimal,
    pub display: String,
}

fn ser_dec<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.normalize().to_string())
}

fn ser_pct<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(
        &d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
            .to_string(),
    )
}

/// How the figures of one metric are written.
#[derive(Clone, Debug)]
pub struct Units {
    pub expect: Expect,
    /// The document's one money format (unit and decimals), as `planc render` writes
    /// the plan: every amount of the review in it, so one figure reads alike everywhere.
    pub money: Money,
    pub lang: Lang,
}

impl Units {
    pub fn amount(&self, v: Decimal) -> Amount {
        self.written(v, false)
    }
    pub fn signed(&self, v: Decimal) -> Amount {
        self.written(v, true)
    }
    /// Whether `v` is written rounded (more decimals than the document shows).
    pub fn rounds(&self, v: Decimal) -> bool {
        match &self.expect {
            Expect::Money => crate::num::decimals(v / self.money.scale.factor()) > self.money.dp,
            _ => crate::num::decimals(v) > 2,
        }
    }
    fn written(&self, v: Decimal, signed: bool) -> Amount {
        let number = self.number(v, signed);
        let display = match (&self.expect, self.lang) {
            // `CNY 3,590m`, `-CNY 10m`.
            (Expect::Money, Lang::En) => match number.strip_prefix(['+', '-']) {
                Some(n) => format!("{}CNY {n}m", &number[..1]),
                None => format!("CNY {number}m"),
            },
            _ => format!("{number}{}", self.label()),
        };
        Amount {
            value: v,
            display,
            number,
        }
    }
    fn number(&self, v: Decimal, signed: bool) -> String {
        let s = match &self.expect {
            Expect::Money => self.money.amount(v),
            _ => fmt::dec(v, 2),
        };
        if signed && v > Decimal::ZERO && !s.trim_start_matches(['0', '.', ',']).is_empty() {
            format!("+{s}")
        } else {
            s
        }
    }
    pub fn label(&self) -> String {
        match &self.expect {
            Expect::Money => self.money.scale.label().to_owned(),
            Expect::Percent => "%".into(),
            Expect::Count(u) => u.clone(),
            Expect::Bare => String::new(),
        }
    }
}

/// A share or ratio in percent, one place.
pub fn pct(v: Decimal) -> Pct {
    Pct {
        value: v,
        display: format!("{}%", fmt::fixed(v, 1)),
    }
}

/// An attainment, one place; a figure just below a threshold is cut rather than rounded,
/// so 99.987 % reads 99.9 % next to its amber light, never 100.0 %.
pub fn att(v: Decimal, th: &Thresholds) -> Pct {
    let rounded = v.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let crosses = [th.green, th.amber].iter().any(|t| v < *t && rounded >= *t);
    Pct {
        value: v,
        display: if crosses {
            format!("{}%", fmt::truncated(v, 1))
        } else {
            format!("{}%", fmt::fixed(v, 1))
        },
    }
}

pub fn signed_pct(v: Decimal) -> Pct {
    let s = fmt::fixed(v, 1);
    Pct {
        value: v,
        display: if v > Decimal::ZERO {
            format!("+{s}%")
        } else {
            format!("{s}%")
        },
    }
}

/// Decimals of a point change: two, so the points of a table's items add up to the
/// whole's gap as printed (−0.33 for a region behind by 0.12 of a 36 target).
pub const POINTS_DP: u32 = 2;

/// A change in percentage points with its sign and unit: `+0.89个百分点`, `−0.28 pp`
/// (a table writes the number alone under a header naming the unit).
pub fn points(v: Decimal, lang: Lang) -> Pct {
    let s = points_number(v);
    Pct {
        value: v,
        display: match lang {
            Lang::Zh => format!("{s}个百分点"),
            Lang::En => format!("{s} pp"),
        },
    }
}

/// The number of a point change as a table cell shows it: `+0.89`, `−0.28`, `0.00`.
pub fn points_number(v: Decimal) -> String {
    let s = fmt::fixed(v, POINTS_DP);
    if v > Decimal::ZERO && s.trim_start_matches(['0', '.']).is_empty() {
        s
    } else if v > Decimal::ZERO {
        format!("+{s}")
    } else {
        s
    }
}

fn att_v(v: Option<Decimal>, th: &Thresholds) -> Option<Pct> {
    v.map(|x| att(x, th))
}

fn ratio(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        None
    } else {
        part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
    }
}

fn growth(now: Decimal, before: Decimal) -> Option<Decimal> {
    if before <= Decimal::ZERO {
        None
    } else {
        ratio(now - before, before)
    }
}

/// The review of one plan against its actuals.
#[derive(Clone, Debug, Serialize)]
pub struct Review {
    pub plan: PlanInfo,
    /// The date the actuals run to.
    pub as_of: String,
    /// The actuals stop before the end of the period: attainment is year-to-date.
    pub partial: bool,
    /// Months elapsed (`9` at 2026-09-30) of `months`.
    #[serde(serialize_with = "ser_dec")]
    pub elapsed_months: Decimal,
    pub months: u32,
    /// 时间进度: days elapsed ÷ days of the period, in percent — as the monthly report
    /// gives it.
    #[serde(serialize_with = "ser_pct")]
    pub time_pace: Decimal,
    pub thresholds: ThresholdInfo,
    pub targets: Vec<TargetResult>,
    pub kpis: Vec<KpiResult>,
    pub summary: Summary,
    /// Rows left out because they cover time after `as_of`.
    pub rows_after_as_of: usize,
    /// The money format every amount is written in (the cover's unit).
    #[serde(skip)]
    pub money: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanInfo {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub org_unit: Option<String>,
    pub owner: Option<String>,
    pub period_start: String,
    pub period_end: String,
    pub period_label: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ThresholdInfo {
    pub green: Pct,
    pub amber: Pct,
}

#[derive(Clone, Debug, Serialize)]
pub struct TargetResult {
    pub id: String,
    pub name: String,
    /// The unit figures are shown in: `亿元`, `%`, `家`.
    pub unit: String,
    /// Money: its figures are written in the review's one money format.
    #[serde(skip)]
    pub money: bool,
    /// The full-period target.
    pub target: Amount,
    /// The target up to `as_of` (the full target in a full year).
    pub target_to_date: Amount,
    pub actual: Option<Amount>,
    /// Actual ÷ target to date.
    pub attainment: Option<Pct>,
    /// Actual ÷ full-period target (partial years: how far along the year's target is).
    pub progress: Option<Pct>,
    /// Actual − target to date.
    pub variance: Option<Amount>,
    pub last_year: Option<Amount>,
    pub growth: Option<Pct>,
    pub status: Light,
    /// Partial years: the full-period run-rate forecast.
    pub forecast: Option<Forecast>,
    /// Quarters (or months) of the period, target and actual.
    pub periods: Vec<PeriodResult>,
    pub breakdowns: Vec<BreakdownResult>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Forecast {
    /// Actual to date ÷ months elapsed × months in the period.
    pub value: Amount,
    /// The run rate does not divide evenly: `value.display` is rounded (the table says so).
    #[serde(skip)]
    pub rounded: bool,
    pub attainment: Option<Pct>,
    pub status: Light,
}

#[derive(Clone, Debug, Serialize)]
pub struct PeriodResult {
    pub period: String,
    pub target: Option<Amount>,
    pub actual: Option<Amount>,
    pub attainment: Option<Pct>,
    pub last_year: Option<Amount>,
    pub growth: Option<Pct>,
    pub status: Light,
    /// The period has ended by `as_of`.
    pub elapsed: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct BreakdownResult {
    pub dimension: String,
    pub title: Option<String>,
    /// A review segment: no targets, contribution and growth only.
    pub segment: bool,
    pub partial: bool,
    pub items: Vec<ItemResult>,
    /// Items ahead of target by the most (segments: grown the most), best first.
    pub top: Vec<String>,
    /// Items behind target by the most (segments: shrunk the most), worst first.
    pub bottom: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ItemResult {
    #[serde(rename = "ref")]
    pub key: String,
    pub name: String,
    /// The item this one is nested under.
    pub parent: Option<String>,
    pub target: Option<Amount>,
    pub target_to_date: Option<Amount>,
    pub actual: Option<Amount>,
    pub attainment: Option<Pct>,
    pub variance: Option<Amount>,
    /// Share of the whole's actual (the target's, whatever the nesting).
    pub share: Option<Pct>,
    pub last_year: Option<Amount>,
    pub growth: Option<Pct>,
    /// Percentage points the item adds to (or takes from) the whole's attainment:
    /// (actual − target) ÷ the whole's target; segments, points of the whole's growth.
    pub contribution: Option<Pct>,
    pub status: Light,
}

#[derive(Clone, Debug, Serialize)]
pub struct KpiResult {
    pub id: String,
    pub metric: String,
    pub group: Option<String>,
    /// The strategy, campaign or pillar the KPI belongs to (id), if any.
    pub strategy: Option<String>,
    pub comparator: Option<String>,
    pub target: Option<String>,
    pub actual: Option<Amount>,
    /// Partial years, counts and amounts to reach: the target pro-rated to `as_of`.
    pub target_to_date: Option<Amount>,
    /// `pass`, `fail`, `on_track`, `behind` or `missing`.
    pub verdict: &'static str,
    /// How close, in percent (lower-is-better KPIs inverted: target ÷ actual).
    pub attainment: Option<Pct>,
    pub status: Light,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub targets: usize,
    pub green: usize,
    pub amber: usize,
    pub red: usize,
    pub targets_without_actual: usize,
    pub kpis: usize,
    pub kpis_passed: usize,
    pub kpis_failed: usize,
    pub kpis_on_track: usize,
    pub kpis_behind: usize,
    pub kpis_without_actual: usize,
}

/// Computes the review, its figures written for a report in `lang`.
pub fn compute(j: &Joined, thresholds: &Thresholds, lang: Lang, money: Money) -> Review {
    let plan = j.scope.plan;
    let pp = j.scope.period;
    let elapsed = pp.elapsed_months(j.as_of);
    let months = Decimal::from(pp.months);
    let partial = j.as_of < pp.end;
    let mut targets = Vec::new();
    let mut kpis = Vec::new();
    for (mi, m) in j.scope.metrics.iter().enumerate() {
        match m.kind {
            MetricKind::Target(t) => targets.push(target(
                j,
                mi,
                t,
                thresholds,
                (elapsed, months),
                partial,
                (lang, money),
            )),
            MetricKind::Kpi(k) => kpis.push(kpi(j, mi, k, thresholds, partial, (lang, money))),
        }
    }
    let mut summary = Summary {
        targets: targets.len(),
        kpis: kpis.len(),
        ..Summary::default()
    };
    for t in &targets {
        match t.status {
            Light::Green => summary.green += 1,
            Light::Amber => summary.amber += 1,
            Light::Red => summary.red += 1,
            Light::None => {}
        }
        if t.actual.is_none() {
            summary.targets_without_actual += 1;
        }
    }
    for k in &kpis {
        match k.verdict {
            "pass" => summary.kpis_passed += 1,
            "fail" => summary.kpis_failed += 1,
            "on_track" => summary.kpis_on_track += 1,
            "behind" => summary.kpis_behind += 1,
            _ => summary.kpis_without_actual += 1,
        }
    }
    Review {
        plan: PlanInfo {
            id: plan.id.value.clone(),
            title: plan.title.value.clone(),
            kind: plan.kind.value.as_str().to_owned(),
            org_unit: plan.org_unit.clone(),
            owner: plan.owner.as_ref().map(|o| o.value.clone()),
            period_start: pp.start.to_string(),
            period_end: pp.end.to_string(),
            period_label: plan.period.label.clone(),
        },
        as_of: j.as_of.to_string(),
        partial,
        elapsed_months: elapsed.round_dp(2).normalize(),
        months: pp.months,
        time_pace: super::monthly::calc::time_pace(&pp, j.as_of),
        thresholds: ThresholdInfo {
            green: pct(thresholds.green),
            amber: pct(thresholds.amber),
        },
        targets,
        kpis,
        summary,
        rows_after_as_of: j.after_as_of,
        money,
    }
}

/// The share of a period split that falls before `as_of`: Σ value × elapsed fraction.
/// The quarter or month split of a value, from its `quarter`/`month` breakdown.
fn split_of(
    breakdowns: &[crate::model::Breakdown],
    j: &Joined,
    unit: crate::model::MoneyUnit,
) -> Option<Vec<(PeriodKey, Decimal)>> {
    let pp = &j.scope.period;
    let b = breakdowns
        .iter()
        .find(|b| b.dimension.as_str() == "month")
        .or_else(|| {
            breakdowns
                .iter()
                .find(|b| b.dimension.as_str() == "quarter")
        })?;
    let mut out = Vec::new();
    for i in &b.items {
        let p = crate::actuals::period::parse(&i.key, pp).ok()?;
        out.push((p, i.value.base(unit)?));
    }
    Some(out)
}

/// `(elapsed, months)`: months of the period elapsed at the as-of date, and in all.
type Months = (Decimal, Decimal);

fn target(
    j: &Joined,
    mi: usize,
    t: &Target,
    th: &Thresholds,
    (elapsed, months): Months,
    partial: bool,
    (lang, money): (Lang, Money),
) -> TargetResult {
    let m = &j.scope.metrics[mi];
    let unit = j.scope.unit;
    let u = Units {
        expect: m.expect.clone(),
        money,
        lang,
    };
    let full = t.value.base(unit).unwrap_or(Decimal::ZERO);
    let split = split_of(&t.breakdowns, j, unit);
    // The pace to date, as the monthly report computes it (序时目标).
    let to_date = if partial {
        phased_to_date(&j.scope.period, full, split.as_deref(), j.as_of)
    } else {
        full
    };
    let actual = j.actual(mi, None);
    let last_year = actual.and_then(|a| a.last_year).or_else(|| {
        if partial {
            None
        } else {
            t.last_year.as_ref().and_then(|l| l.base(unit))
        }
    });
    let attainment = actual.and_then(|a| ratio(a.value, to_date));
    // The run rate: none before any of the period has elapsed.
    let forecast = match (partial, actual) {
        (true, Some(a)) => (a.value * months).checked_div(elapsed).map(|v| {
            let att = ratio(v, full);
            Forecast {
                rounded: u.rounds(v),
                value: u.amount(v),
                attainment: att_v(att, th),
                status: Light::of(att, th),
            }
        }),
        _ => None,
    };
    // Periods: quarters, from the split or from the actuals.
    let pp = &j.scope.period;
    let mut periods = Vec::new();
    let granular: Vec<PeriodKey> = match &split {
        Some(s) => s.iter().map(|(p, _)| *p).collect(),
        None => (1..=pp.quarters()).map(PeriodKey::Quarter).collect(),
    };
    for p in granular {
        let target = split
            .as_ref()
            .and_then(|s| s.iter().find(|(k, _)| *k == p).map(|(_, v)| *v));
        let actual = j.period_actual(mi, None, p);
        let last = j.period_last_year(mi, None, p);
        let ended = p.end(pp) <= j.as_of;
        let part_target = target.map(|v| {
            if ended {
                v
            } else {
                phased_to_date(pp, v, Some(&[(p, v)]), j.as_of)
            }
        });
        let att = actual.zip(part_target).and_then(|(a, t)| ratio(a, t));
        if target.is_none() && actual.is_none() {
            continue;
        }
        periods.push(PeriodResult {
            period: p.label(pp),
            target: target.map(|v| u.amount(v)),
            actual: actual.map(|v| u.amount(v)),
            attainment: att_v(att, th),
            last_year: last.map(|v| u.amount(v)),
            growth: actual
                .zip(last)
                .and_then(|(a, l)| growth(a, l))
                .map(signed_pct),
            status: Light::of(att, th),
            elapsed: ended,
        });
    }
    // Breakdowns.
    let scale = if full.is_zero() {
        Decimal::ONE
    } else {
        to_date / full
    };
    let mut breakdowns = Vec::new();
    for (di, dim) in m.dims.iter().enumerate() {
        let mut items = Vec::new();
        let actuals: Vec<Option<Agg>> = (0..dim.items.len())
            .map(|ii| j.actual(mi, Some((di, ii))))
            .collect();
        // Shares are of the whole the table names — the target's actual — at every
        // level, so a region nested under a region group shows its share of the
        // company, not of its group. Without an actual for the whole, the items of
        // the outermost level stand for it.
        let whole_actual = actual.map(|a| a.value).or_else(|| {
            dim.items
                .iter()
                .enumerate()
                .filter(|(_, x)| x.parent.is_none())
                .map(|(k, _)| actuals[k].map(|a| a.value))
                .sum::<Option<Decimal>>()
        });
        for (ii, it) in dim.items.iter().enumerate() {
            let a = actuals[ii];
            let item_full = it.item.and_then(|b| b.value.base(unit));
            let item_to_date = it.item.and_then(|b| {
                let v = b.value.base(unit)?;
                Some(if !partial {
                    v
                } else if let Some(s) = split_of(&b.breakdowns, j, unit) {
                    phased_to_date(&j.scope.period, v, Some(&s), j.as_of)
                } else {
                    v * scale
                })
            });
            let att = a.zip(item_to_date).and_then(|(a, t)| ratio(a.value, t));
            let variance = a.zip(item_to_date).map(|(a, t)| a.value - t);
            let ly = a.and_then(|a| a.last_year).or_else(|| {
                if partial {
                    None
                } else {
                    it.item.and_then(|b| b.last_year.as_ref()?.base(unit))
                }
            });
            // Points of the whole's attainment (segments: of the whole's growth), so
            // the column adds up to the whole's gap at every level of nesting.
            let contribution = if dim.segment {
                a.zip(ly)
                    .zip(last_year)
                    .and_then(|((a, l), total_ly)| ratio(a.value - l, total_ly))
            } else {
                variance.and_then(|v| ratio(v, to_date))
            };
            items.push(ItemResult {
                key: it.key.clone(),
                name: it.display.clone(),
                parent: it.parent.map(|(pd, pi)| m.dims[pd].items[pi].key.clone()),
                target: item_full.map(|v| u.amount(v)),
                target_to_date: item_to_date.map(|v| u.amount(v)),
                actual: a.map(|a| u.amount(a.value)),
                attainment: att_v(att, th),
                variance: variance.map(|v| u.signed(v)),
                share: a
                    .zip(whole_actual)
                    .and_then(|(a, w)| ratio(a.value, w))
                    .map(pct),
                last_year: ly.map(|v| u.amount(v)),
                growth: a
                    .zip(ly)
                    .and_then(|(a, l)| growth(a.value, l))
                    .map(signed_pct),
                contribution: contribution.map(|c| points(c, lang)),
                status: if dim.segment {
                    Light::None
                } else {
                    Light::of(att, th)
                },
            });
        }
        // Contributors: by variance against target; segments by change on last year.
        let mut ranked: Vec<(Decimal, &str)> = items
            .iter()
            .filter_map(|i| {
                let v = if dim.segment {
                    let a = i.actual.as_ref()?.value;
                    a - i.last_year.as_ref()?.value
                } else {
                    i.variance.as_ref()?.value
                };
                Some((v, i.key.as_str()))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let top = ranked
            .iter()
            .filter(|(v, _)| *v > Decimal::ZERO)
            .take(3)
            .map(|(_, k)| k.to_string())
            .collect();
        let bottom = ranked
            .iter()
            .rev()
            .filter(|(v, _)| *v < Decimal::ZERO)
            .take(3)
            .map(|(_, k)| k.to_string())
            .collect();
        breakdowns.push(BreakdownResult {
            dimension: dim.name.clone(),
            title: dim.title.clone(),
            segment: dim.segment,
            partial: dim.partial,
            items,
            top,
            bottom,
        });
    }
    TargetResult {
        id: t.id.value.clone(),
        name: t.name.clone(),
        unit: u.label(),
        money: matches!(u.expect, Expect::Money),
        target: u.amount(full),
        target_to_date: u.amount(to_date),
        actual: actual.map(|a| u.amount(a.value)),
        attainment: att_v(attainment, th),
        progress: if partial {
            actual.and_then(|a| ratio(a.value, full)).map(pct)
        } else {
            None
        },
        variance: actual.map(|a| u.signed(a.value - to_date)),
        last_year: last_year.map(|v| u.amount(v)),
        growth: actual
            .zip(last_year)
            .and_then(|(a, l)| growth(a.value, l))
            .map(signed_pct),
        status: Light::of(attainment, th),
        forecast,
        periods,
        breakdowns,
    }
}

/// A metric stated per period (`每月协访天数`, `月均拜访量`, `visits per week`): its target
/// holds for each period, so it is not prorated to a date. `区域内部分享会`, held monthly
/// with a target of 12场 for the year, names no period and builds up.
pub(crate) fn per_period(metric: &str) -> bool {
    const ZH: [&str; 10] = [
        "每月",
        "每周",
        "每季",
        "每日",
        "每天",
        "月均",
        "周均",
        "季均",
        "日均",
        "每半年",
    ];
    const EN: [&str; 8] = [
        "per month",
        "per week",
        "per quarter",
        "per day",
        "a month",
        "a week",
        "monthly average",
        "weekly average",
    ];
    let lower = metric.to_lowercase();
    ZH.iter().any(|w| metric.contains(w)) || EN.iter().any(|w| lower.contains(w))
}

fn kpi(
    j: &Joined,
    mi: usize,
    k: &Kpi,
    th: &Thresholds,
    partial: bool,
    (lang, money): (Lang, Money),
) -> KpiResult {
    let m = &j.scope.metrics[mi];
    let u = Units {
        expect: m.expect.clone(),
        money,
        lang,
    };
    let actual = j.actual(mi, None).map(|a| a.value);
    let base = |q: &Quantity| match m.expect {
        Expect::Money => q.base(j.scope.unit),
        _ => q.amount,
    };
    let target = k.target.as_ref().and_then(|t| base(t));
    let max = k.max.as_ref().and_then(|t| base(t));
    let comparator = k.comparator.as_ref().map(|c| c.value);
    // Counts and amounts build up over the year (a KPI of 600万元 of sales is 450万元 to
    // reach by the end of September); rates and shares are measured as they stand, and so
    // is a figure its metric states per month, week or quarter (区域主管每月协访天数 ≥ 12天
    // is twelve days in every month, not nine by September).
    let counted = matches!(m.expect, Expect::Count(_) | Expect::Bare | Expect::Money)
        && !k.growth
        && !per_period(&k.metric.value);
    // The pace to date of the monthly report (a KPI has no split: linear).
    let to_date = match (partial, counted, comparator, target) {
        (true, true, Some(Comparator::AtLeast), Some(t)) => {
            Some(phased_to_date(&j.scope.period, t, None, j.as_of))
        }
        _ => None,
    };
    let (verdict, closeness) = match (actual, target, comparator) {
        (None, _, _) => ("missing", None),
        (Some(_), None, _) | (Some(_), _, None) => ("missing", None),
        (Some(a), Some(t), Some(c)) => {
            let pass = match c {
                Comparator::AtLeast => a >= t,
                Comparator::AtMost => a <= t,
                Comparator::Equal => a == t,
                Comparator::Range => a >= t && max.is_none_or(|x| a <= x),
            };
            let positive = t > Decimal::ZERO && a >= Decimal::ZERO;
            let closeness = match c {
                Comparator::AtLeast if positive => ratio(a, to_date.unwrap_or(t)),
                Comparator::AtMost if positive => {
                    if a.is_zero() {
                        Some(Decimal::ONE_HUNDRED)
                    } else {
                        ratio(t, a)
                    }
                }
                Comparator::Equal if positive && !a.is_zero() => ratio(a.min(t), a.max(t)),
                Comparator::Range if positive => {
                    if a < t {
                        ratio(a, t)
                    } else if let Some(x) = max.filter(|x| a > *x && !a.is_zero()) {
                        ratio(x, a)
                    } else {
                        Some(Decimal::ONE_HUNDRED)
                    }
                }
                _ => Some(if pass {
                    Decimal::ONE_HUNDRED
                } else {
                    Decimal::ZERO
                }),
            };
            let verdict = match (pass, to_date) {
                (true, _) => "pass",
                (false, Some(td)) if a >= td => "on_track",
                (false, Some(_)) => "behind",
                (false, None) => "fail",
            };
            (verdict, closeness)
        }
    };
    let shown_closeness = match comparator {
        Some(Comparator::Equal | Comparator::Range) => closeness,
        _ if target.is_some_and(|t| t <= Decimal::ZERO) => None,
        _ => closeness,
    };
    // A missing actual has no closeness, so no light. Part-way through the year a
    // counted KPI's closeness is against the pace, so its light agrees with its verdict:
    // on track is green, as in the monthly report.
    let status = match verdict {
        "pass" | "on_track" => Light::Green,
        _ => match Light::of(closeness, th) {
            // A KPI that is not met (or behind its pace) is never green, whatever the
            // thresholds.
            Light::Green => Light::Amber,
            l => l,
        },
    };
    KpiResult {
        id: m.id.to_owned(),
        metric: k.metric.value.clone(),
        group: k.group.clone(),
        strategy: strategy_of(j.scope.plan, k),
        comparator: comparator.map(|c| c.symbol().to_owned()),
        // The target in the style of the actual beside it (the document's money unit,
        // grouped digits): `≥ 2,000名` beside `1,760名`, never `2000名`.
        target: k.target.as_ref().map(|t| {
            let shown = |v: Option<Decimal>, q: &Quantity| match v {
                Some(v) => u.amount(v).display,
                None => q.raw.clone(),
            };
            match (&k.max, comparator) {
                (Some(x), Some(Comparator::Range)) => {
                    format!("{}–{}", shown(target, t), shown(max, x))
                }
                _ => shown(target, t),
            }
        }),
        actual: actual.map(|a| u.amount(a)),
        target_to_date: to_date.map(|v| u.amount(v)),
        verdict,
        attainment: att_v(shown_closeness, th),
        status,
    }
}

/// The id of the strategy, campaign or pillar a KPI sits in (at any depth).
fn strategy_of(plan: &Plan, k: &Kpi) -> Option<String> {
    for s in plan.all_strategies() {
        let mine = s
            .kpis
            .iter()
            .chain(s.tactics.iter().flat_map(|t| &t.kpis))
            .chain(s.actions.iter().flat_map(|a| &a.kpis))
            .chain(s.tactics.iter().flat_map(|t| {
                t.tiers
                    .iter()
                    .flat_map(|tier| tier.actions.iter().flat_map(|a| &a.kpis))
            }));
        if mine.into_iter().any(|x| std::ptr::eq(x, k)) {
            return Some(s.id.value.clone());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::per_period;

    #[test]
    fn a_metric_stated_per_period_is_not_prorated() {
        for m in [
            "区域主管每月协访天数",
            "月均拜访量",
            "大区经理每季度每省区实地考察",
            "Coaching days per month",
            "Visits a week",
            "Calls per day",
        ] {
            assert!(per_period(m), "{m}");
        }
        for m in ["区域内部分享会", "新兴市场“清肺宁”销售额", "Seminars held"]
        {
            assert!(!per_period(m), "{m}");
        }
    }
}
