//! Resolving one actuals row against the plan: its metric, breakdown cell, period and
//! value in the metric's base unit — or the findings that say why it cannot be.

use rust_decimal::Decimal;

use super::join::{
    dim_word, is_period_dimension, list, DimItem, Expect, Key, Metric, MetricKind, Scope,
};
use super::period::{self, PeriodKey};
use super::{codes, ActualsFile, Field, Format, Row};
use crate::diagnostics::Finding;
use crate::model::{MoneyUnit, Quantity, Unit};
use crate::suggest::did_you_mean;
use crate::t;

/// A finding whose "did you mean" waits until every row is read: a suggestion must not
/// name a metric or item that another row gives a figure for in the same period — that
/// one is real, and this row is about something else (`广西` is not a typo of `广东`
/// when `广东` has its own row).
pub(super) struct Pending {
    /// The file and the index of its finding.
    pub(super) file: usize,
    pub(super) finding: usize,
    pub(super) text: String,
    pub(super) what: Suggest,
}

pub(super) enum Suggest {
    /// An unknown metric of a row without a breakdown cell, in this period.
    Metric(PeriodKey),
    /// An unknown item of this metric's dimension, in this period.
    Item {
        metric: usize,
        dim: usize,
        period: PeriodKey,
    },
}

/// Where a row's findings go.
pub(super) struct Sink<'a> {
    pub(super) file: usize,
    pub(super) out: &'a mut Vec<Finding>,
    pub(super) pending: &'a mut Vec<Pending>,
}

impl Sink<'_> {
    /// Adds a finding whose help is a suggestion to be made later.
    fn defer(&mut self, f: Finding, text: &str, what: Suggest) {
        self.pending.push(Pending {
            file: self.file,
            finding: self.out.len(),
            text: text.to_owned(),
            what,
        });
        self.out.push(f);
    }
}

/// The help of a deferred finding, now that `given` tells the cells rows gave.
pub(super) fn suggestion(scope: &Scope, given: &dyn Fn(&Key) -> bool, p: &Pending) -> String {
    match p.what {
        Suggest::Metric(period) => {
            let free = scope.metrics.iter().enumerate().filter(|(mi, _)| {
                !given(&Key {
                    metric: *mi,
                    cell: None,
                    period,
                })
            });
            match did_you_mean(&p.text, free.flat_map(|(_, m)| [m.id, m.name])) {
                Some(s) => t!("actuals-did-you-mean", suggestion = s),
                None => metric_ids(scope),
            }
        }
        Suggest::Item {
            metric,
            dim: di,
            period,
        } => {
            let dim = &scope.metrics[metric].dims[di];
            let free = dim.items.iter().enumerate().filter(|(ii, _)| {
                !given(&Key {
                    metric,
                    cell: Some((di, *ii)),
                    period,
                })
            });
            let candidates = free.flat_map(|(_, i)| {
                std::iter::once(i.key.as_str())
                    .chain(std::iter::once(i.display.as_str()))
                    .chain(i.aliases.iter().map(String::as_str))
            });
            match did_you_mean(&p.text, candidates) {
                Some(s) => t!("actuals-did-you-mean", suggestion = s),
                None => {
                    let keys: Vec<&str> = dim.items.iter().map(|i| i.key.as_str()).collect();
                    t!(
                        "p803-help-items",
                        dim = dim.name.as_str(),
                        items = list(&keys)
                    )
                }
            }
        }
    }
}

fn metric_ids(scope: &Scope) -> String {
    let ids: Vec<&str> = scope.metrics.iter().map(|m| m.id).take(10).collect();
    t!("p801-help-ids", ids = list(&ids))
}

/// The metric a row names, by id, else by name.
fn find_metric(scope: &Scope, text: &str) -> Option<usize> {
    let m = &scope.metrics;
    m.iter()
        .position(|m| m.id == text)
        .or_else(|| m.iter().position(|m| m.name == text))
}

/// The one target broken down by `dim` (a wide layout's items without a metric column).
fn implied_metric(
    scope: &Scope,
    file: &ActualsFile,
    row: &Row,
    dim: &crate::model::Sp<String>,
    out: &mut Vec<Finding>,
) -> Option<usize> {
    let found: Vec<usize> = (0..scope.metrics.len())
        .filter(|&i| scope.metrics[i].is_target() && scope.metrics[i].dim(dim).is_some())
        .collect();
    let at = file.cell(row, Field::Dimension);
    let f = match found.as_slice() {
        [one] => return Some(*one),
        [] => Finding::new(
            &codes::UNKNOWN_METRIC,
            dim.span,
            t!(
                "actuals-wide-metric-none",
                plan = scope.plan.id.as_str(),
                dim = dim.as_str(),
                at = at
            ),
        )
        .label(t!("actuals-wide-metric-none-label"))
        .help(t!("actuals-wide-metric-none-help")),
        several => {
            let ids: Vec<&str> = several.iter().map(|&i| scope.metrics[i].id).collect();
            Finding::new(
                &codes::UNKNOWN_METRIC,
                dim.span,
                t!(
                    "actuals-wide-metric-several",
                    dim = dim.as_str(),
                    targets = list(&ids),
                    at = at
                ),
            )
            .label(t!("actuals-wide-metric-several-label"))
            .help(t!("actuals-wide-metric-several-help"))
        }
    };
    out.push(f);
    None
}

/// Reports a metric the plan does not have.
fn unknown_metric(scope: &Scope, file: &ActualsFile, row: &Row, sink: &mut Sink) {
    let f = Finding::new(
        &codes::UNKNOWN_METRIC,
        row.metric.span,
        t!(
            "p801-message",
            metric = row.metric.as_str(),
            at = file.cell(row, Field::Metric)
        ),
    )
    .label(t!("p801-label", plan = scope.plan.id.as_str()));
    // A wide layout's `项目` column of items rather than metrics.
    if let Some(column) = &row.metric_from {
        let dim = scope
            .metrics
            .iter()
            .flat_map(|m| &m.dims)
            .find(|d| d.items.iter().any(|i| matches_item(i, &row.metric)));
        if let Some(d) = dim {
            sink.out.push(f.help(t!(
                "actuals-wide-item-as-metric-help",
                column = column.as_str(),
                item = row.metric.as_str(),
                dim = d.name.as_str()
            )));
            return;
        }
    }
    let period = period::parse(&row.period, &scope.period).ok();
    match period {
        Some(p) if row.dimension.is_none() && row.item.is_none() => {
            sink.defer(f, &row.metric, Suggest::Metric(p));
        }
        _ => {
            let candidates = scope.metrics.iter().flat_map(|m| [m.id, m.name]);
            let help = match did_you_mean(&row.metric, candidates) {
                Some(s) => t!("actuals-did-you-mean", suggestion = s),
                None => metric_ids(scope),
            };
            sink.out.push(f.help(help));
        }
    }
}

/// Resolves one row, or reports why it cannot be.
pub(super) fn resolve(
    scope: &Scope,
    file: &ActualsFile,
    row: &Row,
    sink: &mut Sink,
) -> Option<Resolved> {
    let pp = &scope.period;
    // Metric.
    let mi = match &row.implied_by {
        Some(d) => implied_metric(scope, file, row, d, sink.out)?,
        None => match find_metric(scope, &row.metric) {
            Some(mi) => mi,
            None => {
                unknown_metric(scope, file, row, sink);
                return None;
            }
        },
    };
    let metric = &scope.metrics[mi];
    // Period.
    let mut period = match period::parse(&row.period, pp) {
        Ok(p) => p,
        Err(why) => {
            sink.out.push(
                Finding::new(
                    &codes::BAD_PERIOD,
                    row.period.span,
                    t!(
                        "p806-message",
                        period = row.period.as_str(),
                        at = file.cell(row, Field::Period)
                    ),
                )
                .label(why)
                .help(t!("p806-help")),
            );
            return None;
        }
    };
    // Cell.
    let cell = match (&row.dimension, &row.item) {
        (None, None) => None,
        (None, Some(item)) => {
            let owner = metric
                .dims
                .iter()
                .find(|d| d.items.iter().any(|i| matches_item(i, item)))
                .map(|d| d.name.as_str());
            let mut f = Finding::new(
                &codes::UNKNOWN_DIMENSION,
                item.span,
                t!(
                    "p802-no-dimension",
                    item = item.as_str(),
                    at = file.cell(row, Field::Item)
                ),
            )
            .label(t!("p802-no-dimension-label"));
            f = f.help(match owner {
                Some(d) => t!("p802-no-dimension-help", dim = d),
                None => t!("p802-no-dimension-help-any"),
            });
            sink.out.push(f);
            return None;
        }
        (Some(d), None) => {
            sink.out.push(
                Finding::new(
                    &codes::UNKNOWN_DIMENSION,
                    d.span,
                    t!(
                        "p802-no-item",
                        dim = d.as_str(),
                        at = file.cell(row, Field::Dimension)
                    ),
                )
                .label(t!("p802-no-item-label"))
                .help(t!("p802-no-item-help")),
            );
            return None;
        }
        (Some(d), Some(item)) if is_period_dimension(d) => {
            let p = match period::parse(item, pp) {
                Ok(p) => p,
                Err(why) => {
                    sink.out.push(
                        Finding::new(
                            &codes::BAD_PERIOD,
                            item.span,
                            t!(
                                "p806-item",
                                item = item.as_str(),
                                dim = dim_word(d),
                                at = file.cell(row, Field::Item)
                            ),
                        )
                        .label(why),
                    );
                    return None;
                }
            };
            if period != PeriodKey::Full && period != p {
                sink.out.push(
                    Finding::new(
                        &codes::BAD_PERIOD,
                        row.period.span,
                        t!(
                            "p806-disagree",
                            item = item.as_str(),
                            period = row.period.as_str(),
                            at = file.cell(row, Field::Period)
                        ),
                    )
                    .label(t!("p806-disagree-label"))
                    .with(item.span, t!("p806-disagree-label-item"))
                    .help(t!(
                        "p806-disagree-help",
                        dim = dim_word(d),
                        period = p.label(pp)
                    )),
                );
                return None;
            }
            period = p;
            None
        }
        (Some(d), Some(item)) => {
            if !metric.is_target() {
                sink.out.push(
                    Finding::new(
                        &codes::UNKNOWN_DIMENSION,
                        d.span,
                        t!(
                            "p802-kpi",
                            metric = metric.id,
                            at = file.cell(row, Field::Dimension)
                        ),
                    )
                    .label(t!("p802-kpi-label"))
                    .help(t!("p802-kpi-help")),
                );
                return None;
            }
            let Some(di) = metric.dim(d) else {
                let mut names: Vec<&str> = metric.dims.iter().map(|d| d.name.as_str()).collect();
                names.extend(["quarter", "month"]);
                let help = match did_you_mean(d, names.iter().copied()) {
                    Some(s) => t!("actuals-did-you-mean", suggestion = s),
                    None => t!("p802-unknown-help", metric = metric.id, dims = list(&names)),
                };
                sink.out.push(
                    Finding::new(
                        &codes::UNKNOWN_DIMENSION,
                        d.span,
                        t!(
                            "p802-unknown",
                            metric = metric.id,
                            dim = d.as_str(),
                            at = file.cell(row, Field::Dimension)
                        ),
                    )
                    .label(t!("p802-unknown-label"))
                    .help(help),
                );
                return None;
            };
            let dim = &metric.dims[di];
            let Some(ii) = dim.items.iter().position(|i| matches_item(i, item)) else {
                let what = Suggest::Item {
                    metric: mi,
                    dim: di,
                    period,
                };
                sink.defer(
                    Finding::new(
                        &codes::UNKNOWN_ITEM,
                        item.span,
                        t!(
                            "p803-message",
                            dim = dim_word(&dim.name),
                            item = item.as_str(),
                            metric = metric.id,
                            at = file.cell(row, Field::Item)
                        ),
                    )
                    .label(if dim.segment {
                        t!("p803-label-segment", dim = dim.name.as_str())
                    } else {
                        t!("p803-label", dim = dim.name.as_str())
                    }),
                    item,
                    what,
                );
                return None;
            };
            Some((di, ii))
        }
    };
    // Value and unit.
    let value = quantity(scope, file, row, &row.value, metric, sink.out)?;
    let last_year = match &row.last_year {
        Some(ly) => Some(quantity(scope, file, row, ly, metric, sink.out)?),
        None => None,
    };
    // The export's own target: a figure like the others (an unreadable one is reported,
    // and the row is still read: the target is checked, never used).
    let target = row
        .target
        .as_ref()
        .and_then(|t| quantity(scope, file, row, t, metric, sink.out));
    Some(Resolved {
        key: Key {
            metric: mi,
            cell,
            period,
        },
        value,
        last_year,
        target,
    })
}

/// A row joined to the plan: where its figure sits, the figure, last year's, and the
/// target the export states beside it.
pub(super) struct Resolved {
    pub(super) key: Key,
    pub(super) value: Decimal,
    pub(super) last_year: Option<Decimal>,
    pub(super) target: Option<Decimal>,
}

pub(super) fn matches_item(i: &DimItem, text: &str) -> bool {
    let exact = |t: &str| i.key == t || i.display == t || i.aliases.iter().any(|a| a == t);
    exact(text) || crm_short(text).is_some_and(|t| exact(&t))
}

/// A number as finance's systems write it, in the form planc reads: a currency sign
/// (`￥5,519.40`, `¥`), an accounting negative (`(2,821.6)`, `（2,821.6）`), full-width
/// digits (`９６００`). Anything else is left as written (and read, or refused, as such).
fn finance_number(text: &str) -> String {
    let mut t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '－' | '−' => '-',
            other => other,
        })
        .collect();
    for sign in ["￥", "¥", "RMB", "CNY"] {
        if let Some(rest) = t.strip_prefix(sign) {
            t = rest.trim_start().to_owned();
            break;
        }
    }
    let accounting = [('(', ')'), ('（', '）')].into_iter().find_map(|(o, c)| {
        t.strip_prefix(o)
            .and_then(|r| r.strip_suffix(c))
            .map(str::to_owned)
    });
    match accounting {
        Some(inner)
            if !inner.is_empty()
                && inner
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',') =>
        {
            format!("-{inner}")
        }
        _ => t,
    }
}

/// A CRM's name of an organisational unit without its suffix: `江苏省分公司`, `江苏省区`,
/// `江苏办事处`, `华东大区销售部` → `江苏` / `华东` (then matched like the plan's names
/// without 省/市/大区). `None` when nothing is stripped or too little is left.
fn crm_short(text: &str) -> Option<String> {
    let mut t = text.trim();
    let before = t;
    for suffix in ["销售部", "销售中心", "分公司", "办事处", "省区", "营销中心"]
    {
        if let Some(s) = t.strip_suffix(suffix) {
            t = s;
            break;
        }
    }
    for suffix in ["省", "市", "大区", "自治区", "区"] {
        if let Some(s) = t.strip_suffix(suffix) {
            t = s;
            break;
        }
    }
    (t != before && t.chars().count() >= 2).then(|| t.to_owned())
}

/// Reads a value (or last year's) in the metric's base unit.
fn quantity(
    scope: &Scope,
    file: &ActualsFile,
    row: &Row,
    text: &crate::model::Sp<String>,
    metric: &Metric,
    out: &mut Vec<Finding>,
) -> Option<Decimal> {
    let field = if std::ptr::eq(text, &row.value) {
        Field::Value
    } else if row.target.as_ref().is_some_and(|t| std::ptr::eq(text, t)) {
        Field::Target
    } else {
        Field::LastYear
    };
    let q = Quantity::parse(&finance_number(text));
    let Some(amount) = q.amount else {
        out.push(
            Finding::new(
                &codes::UNIT_MISMATCH,
                text.span,
                t!(
                    "p805-not-number",
                    value = text.as_str(),
                    at = file.cell(row, field)
                ),
            )
            .label(t!("p805-not-number-label")),
        );
        return None;
    };
    let column = row
        .unit
        .as_ref()
        .map(|u| (u, Quantity::parse(&format!("1{}", u.trim())).unit));
    let unit = match (&q.unit, &column) {
        (Unit::Bare, Some((_, u))) => u.clone(),
        (written, Some((col, u))) if written != u && *u != Unit::Bare => {
            out.push(
                Finding::new(
                    &codes::UNIT_MISMATCH,
                    text.span,
                    t!(
                        "p805-unit-column",
                        value = text.as_str(),
                        unit = col.as_str(),
                        at = file.cell(row, field)
                    ),
                )
                .label(t!("p805-unit-column-label", written = written.to_string()))
                .with(col.span, t!("p805-unit-column-label-column"))
                .help(t!("p805-unit-column-help")),
            );
            return None;
        }
        (written, _) => written.clone(),
    };
    let mismatch = |found: &Unit, out: &mut Vec<Finding>| {
        let found_text = match found {
            Unit::Bare => t!("actuals-found-bare"),
            Unit::Money(m) => t!("actuals-found-money", unit = m.to_string()),
            Unit::Percent => t!("actuals-expect-percent"),
            Unit::Other(u) => t!("actuals-expect-count", unit = u.as_str()),
        };
        let target = match metric.kind {
            MetricKind::Target(t) => t.value.raw.clone(),
            MetricKind::Kpi(k) => k.target.as_ref().map(|t| t.raw.clone()).unwrap_or_default(),
        };
        out.push(
            Finding::new(
                &codes::UNIT_MISMATCH,
                text.span,
                t!(
                    "p805-mismatch",
                    metric = metric.id,
                    expected = metric.expect.describe(),
                    found = found_text,
                    at = file.cell(row, field)
                ),
            )
            .label(t!("p805-mismatch-label", target = target))
            .help(match &metric.expect {
                Expect::Money if *found == Unit::Bare => t!("p805-mismatch-help-unit"),
                e => t!("p805-mismatch-help", expected = e.describe()),
            }),
        );
    };
    match (&metric.expect, &unit) {
        (Expect::Money, Unit::Money(m)) => Some(amount * m.factor()),
        (Expect::Money, Unit::Bare) if file.format == Format::Yaml || file.unit.is_some() => {
            let m = file
                .unit
                .as_ref()
                .and_then(|u| MoneyUnit::parse(u))
                .unwrap_or(scope.unit);
            Some(amount * m.factor())
        }
        // 0.962 for a rate in % is the fraction Excel shows as 96.2 % (a cell whose percent
        // format was lost in the export), or 0.962 %: planc cannot tell, so it asks.
        (Expect::Percent, Unit::Bare) if !amount.is_zero() && amount.abs() <= Decimal::ONE => {
            let shown = (amount * Decimal::ONE_HUNDRED).normalize().to_string();
            out.push(
                Finding::new(
                    &codes::UNIT_MISMATCH,
                    text.span,
                    t!(
                        "p805-fraction",
                        metric = metric.id,
                        value = text.as_str(),
                        at = file.cell(row, field)
                    ),
                )
                .label(t!("p805-fraction-label", percent = shown.as_str()))
                .help(t!(
                    "p805-fraction-help",
                    value = text.as_str(),
                    percent = shown.as_str()
                )),
            );
            None
        }
        (Expect::Percent, Unit::Percent | Unit::Bare) => Some(amount),
        (Expect::Count(c), Unit::Other(u)) if c == u => Some(amount),
        (Expect::Count(_), Unit::Bare) => Some(amount),
        (Expect::Bare, Unit::Bare | Unit::Other(_)) => Some(amount),
        (_, found) => {
            mismatch(found, out);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finance_numbers() {
        assert_eq!(finance_number("￥5,519.40"), "5,519.40");
        assert_eq!(finance_number("¥ 12"), "12");
        assert_eq!(finance_number("(2,821.6)"), "-2,821.6");
        assert_eq!(finance_number("（2,821.6）"), "-2,821.6");
        assert_eq!(finance_number("９６００"), "9600");
        assert_eq!(finance_number("－５"), "-5");
        assert_eq!(finance_number("(备注)"), "(备注)");
        assert_eq!(finance_number("()"), "()");
        assert_eq!(finance_number("96.2%"), "96.2%");
    }

    #[test]
    fn crm_names_of_units() {
        assert_eq!(crm_short("江苏省分公司").as_deref(), Some("江苏"));
        assert_eq!(crm_short("江苏省区").as_deref(), Some("江苏"));
        assert_eq!(crm_short("上海分公司").as_deref(), Some("上海"));
        assert_eq!(crm_short("上海市分公司").as_deref(), Some("上海"));
        assert_eq!(crm_short("福建办事处").as_deref(), Some("福建"));
        assert_eq!(crm_short("华东大区销售部").as_deref(), Some("华东"));
        assert_eq!(crm_short("江苏").as_deref(), None);
        assert_eq!(crm_short("省区").as_deref(), None);
    }
}
