//! Joining actuals to the plan: every row is resolved to a metric (a target or KPI), an
//! optional breakdown cell, a period and an exact value in the metric's base unit (元 for
//! money), or reported. Then the facts are cut at the as-of date, and checked for holes
//! (missing quarters or months) and for parts that do not add up to their totals.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::period::{self, PeriodKey, PlanPeriod};
use super::{codes, ActualsFile, Field, Format, Row};
use crate::config::Tolerance;
use crate::diagnostics::Finding;
use crate::model::{
    Breakdown, BreakdownItem, Kpi, MoneyUnit, Plan, Quantity, Segment, Target, Unit,
};
use crate::suggest::did_you_mean;
use crate::t;

/// What unit a metric's actuals must be in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    Money,
    Percent,
    /// A counted unit: 家, 场, 名 …
    Count(String),
    /// A KPI with a bare target and no unit: any plain number.
    Bare,
}

impl Expect {
    fn of(q: &Quantity, unit: Option<&str>) -> Expect {
        match (&q.unit, unit) {
            (Unit::Money(_), _) => Expect::Money,
            (Unit::Percent, _) => Expect::Percent,
            (Unit::Other(u), _) => Expect::Count(u.clone()),
            (Unit::Bare, Some(u)) if !u.trim().is_empty() => Expect::Count(u.trim().to_owned()),
            (Unit::Bare, _) => Expect::Bare,
        }
    }
    fn describe(&self) -> String {
        match self {
            Expect::Money => t!("actuals-expect-money"),
            Expect::Percent => t!("actuals-expect-percent"),
            Expect::Count(u) => t!("actuals-expect-count", unit = u.as_str()),
            Expect::Bare => t!("actuals-expect-bare"),
        }
    }
}

/// A target or a KPI: what a row's `metric` joins to.
#[derive(Clone, Copy, Debug)]
pub enum MetricKind<'p> {
    Target(&'p Target),
    Kpi(&'p Kpi),
}

/// An item of a breakdown (or of a segment).
#[derive(Debug)]
pub struct DimItem<'p> {
    pub key: String,
    /// The name shown in reports: the item's `name`, or the product's, region's or
    /// account's name, or the key.
    pub display: String,
    /// Other spellings that join: names, names without 省/市/大区.
    aliases: Vec<String>,
    /// The plan's breakdown item (`None` for a segment item).
    pub item: Option<&'p BreakdownItem>,
    /// The item this one is nested under: (dimension index, item index).
    pub parent: Option<(usize, usize)>,
}

/// A dimension of a target, flattened across nesting levels.
#[derive(Debug)]
pub struct Dim<'p> {
    pub name: String,
    pub title: Option<String>,
    /// The plan says the items need not cover the whole.
    pub partial: bool,
    /// A segment of the review: items without targets.
    pub segment: bool,
    pub items: Vec<DimItem<'p>>,
}

/// A target or KPI with what joins to it.
#[derive(Debug)]
pub struct Metric<'p> {
    pub id: &'p str,
    pub name: &'p str,
    pub kind: MetricKind<'p>,
    pub expect: Expect,
    /// Breakdown dimensions (targets only), then the review's segments.
    pub dims: Vec<Dim<'p>>,
}

impl Metric<'_> {
    pub fn is_target(&self) -> bool {
        matches!(self.kind, MetricKind::Target(_))
    }
    fn dim(&self, name: &str) -> Option<usize> {
        self.dims.iter().position(|d| d.name == name)
    }
}

/// What the actuals are joined against: the plan's targets and KPIs and the review's segments.
#[derive(Debug)]
pub struct Scope<'p> {
    pub plan: &'p Plan,
    pub period: PlanPeriod,
    pub unit: MoneyUnit,
    pub metrics: Vec<Metric<'p>>,
}

impl<'p> Scope<'p> {
    pub fn new(plan: &'p Plan, segments: &'p [Segment]) -> Scope<'p> {
        let mut metrics = Vec::new();
        for t in &plan.targets {
            let mut dims: Vec<Dim<'p>> = Vec::new();
            flatten(plan, &t.breakdowns, None, &mut dims);
            add_segments(segments, &mut dims);
            metrics.push(Metric {
                id: t.id.as_str(),
                name: t.name.as_str(),
                kind: MetricKind::Target(t),
                expect: Expect::of(&t.value, None),
                dims,
            });
        }
        for k in plan.all_kpis() {
            let Some(id) = &k.id else { continue };
            let expect = match &k.target {
                Some(t) => Expect::of(t, k.unit.as_deref().map(String::as_str)),
                None => Expect::Bare,
            };
            metrics.push(Metric {
                id: id.as_str(),
                name: k.metric.as_str(),
                kind: MetricKind::Kpi(k),
                expect,
                dims: Vec::new(),
            });
        }
        Scope {
            plan,
            period: PlanPeriod::of(plan),
            unit: plan.money_unit(),
            metrics,
        }
    }

    pub fn metric(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.id == id)
    }
}

fn flatten<'p>(
    plan: &'p Plan,
    breakdowns: &'p [Breakdown],
    parent: Option<(usize, usize)>,
    dims: &mut Vec<Dim<'p>>,
) {
    for b in breakdowns {
        let name = b.dimension.as_str();
        if is_period_dimension(name) {
            continue;
        }
        let di = match dims.iter().position(|d| d.name == name) {
            Some(i) => i,
            None => {
                dims.push(Dim {
                    name: name.to_owned(),
                    title: b.title.clone(),
                    partial: b.partial,
                    segment: false,
                    items: Vec::new(),
                });
                dims.len() - 1
            }
        };
        for item in &b.items {
            if dims[di].items.iter().any(|i| i.key == item.key.as_str()) {
                continue;
            }
            let (display, aliases) = names_of(plan, item.key.as_str(), item.name.as_deref());
            dims[di].items.push(DimItem {
                key: item.key.value.clone(),
                display,
                aliases,
                item: Some(item),
                parent,
            });
            let ii = dims[di].items.len() - 1;
            flatten(plan, &item.breakdowns, Some((di, ii)), dims);
        }
    }
}

fn add_segments<'p>(segments: &'p [Segment], dims: &mut Vec<Dim<'p>>) {
    for s in segments {
        if dims.iter().any(|d| d.name == s.dimension.as_str()) {
            continue;
        }
        dims.push(Dim {
            name: s.dimension.value.clone(),
            title: s.title.clone(),
            partial: true,
            segment: true,
            items: s
                .items
                .iter()
                .map(|i| {
                    let display = i.name.clone().unwrap_or_else(|| i.key.value.clone());
                    DimItem {
                        key: i.key.value.clone(),
                        aliases: vec![display.clone()],
                        display,
                        item: None,
                        parent: None,
                    }
                })
                .collect(),
        });
    }
}

/// `quarter` and `month` breakdowns are periods, not dimensions of the actuals.
pub fn is_period_dimension(name: &str) -> bool {
    matches!(name, "quarter" | "month" | "季度" | "月份" | "月")
}

/// The display name and the other accepted spellings of an item.
fn names_of(plan: &Plan, key: &str, own: Option<&str>) -> (String, Vec<String>) {
    let catalogue = plan
        .products
        .iter()
        .find(|p| p.id.as_str() == key)
        .map(|p| p.name.as_str())
        .or_else(|| {
            plan.regions
                .iter()
                .find(|r| r.id.as_str() == key)
                .map(|r| r.name.as_str())
        })
        .or_else(|| {
            plan.accounts
                .iter()
                .find(|a| a.id.as_str() == key)
                .map(|a| a.name.as_str())
        });
    let display = own.or(catalogue).unwrap_or(key).to_owned();
    let mut aliases = Vec::new();
    for n in own.into_iter().chain(catalogue) {
        aliases.push(n.to_owned());
        for suffix in ["省", "市", "自治区", "大区", "区"] {
            if let Some(short) = n.strip_suffix(suffix) {
                if short.chars().count() >= 2 {
                    aliases.push(short.to_owned());
                }
            }
        }
    }
    (display, aliases)
}

/// Where a fact sits: metric, breakdown cell (dimension, item), period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub metric: usize,
    pub cell: Option<(usize, usize)>,
    pub period: PeriodKey,
}

/// One joined actual, in the metric's base unit (元 for money).
#[derive(Clone, Copy, Debug)]
pub struct Fact {
    pub value: Decimal,
    pub last_year: Option<Decimal>,
    /// Index of the file and of the row in it.
    pub file: usize,
    pub row: usize,
}

/// An aggregated actual of a cell up to the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Agg {
    pub value: Decimal,
    pub last_year: Option<Decimal>,
    /// Derived from the items of a breakdown rather than reported for the cell itself.
    pub rolled_up: bool,
}

/// The actuals joined to the plan.
#[derive(Debug)]
pub struct Joined<'p> {
    pub scope: Scope<'p>,
    pub facts: BTreeMap<Key, Fact>,
    /// The date the actuals run to.
    pub as_of: NaiveDate,
    /// Rows left out because they cover time after the as-of date.
    pub after_as_of: usize,
    /// Those rows' facts: a full-year row is the figure up to its file's date, so a file
    /// dated after `as_of` has none for the review (the review names what it lacks).
    pub later: BTreeMap<Key, Fact>,
    /// The date each file's full-year rows run to: its `as_of`, else the end of the
    /// latest quarter or month it reports, else the end of the plan period.
    pub coverage: Vec<NaiveDate>,
}

/// Resolves every row of every file against the scope; findings go to the files.
/// `as_of`: the date given on the command line or in the review (else the files' own
/// `as_of`, else the end of the plan period).
pub fn join<'p>(
    scope: Scope<'p>,
    files: &mut [ActualsFile],
    as_of: Option<NaiveDate>,
    tolerance: &Tolerance,
) -> Joined<'p> {
    let mut findings: Vec<Vec<Finding>> = files.iter().map(|_| Vec::new()).collect();
    let mut facts: BTreeMap<Key, Fact> = BTreeMap::new();
    let mut seen: HashMap<Key, (usize, usize)> = HashMap::new();
    for (fi, file) in files.iter().enumerate() {
        for (ri, row) in file.rows.iter().enumerate() {
            let Some(key_value) = resolve(&scope, file, row, &mut findings[fi]) else {
                continue;
            };
            let (key, value, last_year) = key_value;
            if let Some(&(ffi, fri)) = seen.get(&key) {
                let first = &files[ffi].rows[fri];
                let mut f = Finding::new(
                    &codes::DUPLICATE_ROW,
                    row.span(Field::Metric),
                    t!(
                        "p804-message",
                        cell = describe_key(&scope, &key),
                        at = file.cell(row, Field::Metric)
                    ),
                )
                .label(t!("p804-label"));
                if ffi == fi {
                    f = f.with(first.span(Field::Metric), t!("p804-label-first"));
                    f = f.help(t!("p804-help", row = first.number));
                } else {
                    f = f.help(t!(
                        "p804-help-other-file",
                        file = crate::source::display_path(&files[ffi].path),
                        row = first.number
                    ));
                }
                findings[fi].push(f);
                continue;
            }
            seen.insert(key, (fi, ri));
            facts.insert(
                key,
                Fact {
                    value,
                    last_year,
                    file: fi,
                    row: ri,
                },
            );
        }
    }
    // The as-of date, and what each file covers.
    let pp = scope.period;
    let explicit = as_of.or_else(|| files.iter().filter_map(|f| f.as_of.as_ref()?.last()).max());
    let as_of = explicit.unwrap_or(pp.end).min(pp.end);
    let coverage: Vec<NaiveDate> = files
        .iter()
        .enumerate()
        .map(|(fi, f)| {
            f.as_of.as_ref().and_then(|a| a.last()).unwrap_or_else(|| {
                facts
                    .iter()
                    .filter(|(k, v)| v.file == fi && k.period.is_sub())
                    .map(|(k, _)| k.period.end(&pp))
                    .max()
                    // A file that says nothing of its date (a CSV of full-year rows):
                    // the figures are as of the date the review is for.
                    .unwrap_or(as_of)
            })
        })
        .collect();
    let (facts, later): (BTreeMap<Key, Fact>, BTreeMap<Key, Fact>) =
        facts.into_iter().partition(|(k, v)| match k.period {
            PeriodKey::Full => coverage[v.file] <= as_of,
            p => p.end(&pp) <= as_of,
        });
    let joined = Joined {
        scope,
        facts,
        as_of,
        after_as_of: later.len(),
        later,
        coverage,
    };
    joined.check_periods(files, explicit, &mut findings);
    joined.check_sums(files, tolerance, &mut findings);
    for (file, f) in files.iter_mut().zip(findings) {
        file.findings.extend(f);
    }
    joined
}

/// Resolves one row, or reports why it cannot be.
fn resolve(
    scope: &Scope,
    file: &ActualsFile,
    row: &Row,
    out: &mut Vec<Finding>,
) -> Option<(Key, Decimal, Option<Decimal>)> {
    let pp = &scope.period;
    // Metric.
    let m = scope
        .metrics
        .iter()
        .position(|m| m.id == row.metric.as_str())
        .or_else(|| {
            scope
                .metrics
                .iter()
                .position(|m| m.name == row.metric.as_str())
        });
    let Some(mi) = m else {
        let candidates = scope.metrics.iter().flat_map(|m| [m.id, m.name]);
        let help = match did_you_mean(&row.metric, candidates) {
            Some(s) => t!("actuals-did-you-mean", suggestion = s),
            None => {
                let ids: Vec<&str> = scope.metrics.iter().map(|m| m.id).take(10).collect();
                t!("p801-help-ids", ids = list(&ids))
            }
        };
        out.push(
            Finding::new(
                &codes::UNKNOWN_METRIC,
                row.metric.span,
                t!(
                    "p801-message",
                    metric = row.metric.as_str(),
                    at = file.cell(row, Field::Metric)
                ),
            )
            .label(t!("p801-label", plan = scope.plan.id.as_str()))
            .help(help),
        );
        return None;
    };
    let metric = &scope.metrics[mi];
    // Period.
    let mut period = match period::parse(&row.period, pp) {
        Ok(p) => p,
        Err(why) => {
            out.push(
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
            out.push(f);
            return None;
        }
        (Some(d), None) => {
            out.push(
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
                    out.push(
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
                out.push(
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
                out.push(
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
                out.push(
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
                let candidates = dim.items.iter().flat_map(|i| {
                    std::iter::once(i.key.as_str())
                        .chain(std::iter::once(i.display.as_str()))
                        .chain(i.aliases.iter().map(String::as_str))
                });
                let help = match did_you_mean(item, candidates) {
                    Some(s) => t!("actuals-did-you-mean", suggestion = s),
                    None => {
                        let keys: Vec<&str> = dim.items.iter().map(|i| i.key.as_str()).collect();
                        t!(
                            "p803-help-items",
                            dim = dim.name.as_str(),
                            items = list(&keys)
                        )
                    }
                };
                out.push(
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
                    })
                    .help(help),
                );
                return None;
            };
            Some((di, ii))
        }
    };
    // Value and unit.
    let value = quantity(scope, file, row, &row.value, metric, out)?;
    let last_year = match &row.last_year {
        Some(ly) => Some(quantity(scope, file, row, ly, metric, out)?),
        None => None,
    };
    Some((
        Key {
            metric: mi,
            cell,
            period,
        },
        value,
        last_year,
    ))
}

fn matches_item(i: &DimItem, text: &str) -> bool {
    i.key == text || i.display == text || i.aliases.iter().any(|a| a == text)
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
    } else {
        Field::LastYear
    };
    let q = Quantity::parse(text);
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
        (Expect::Money, Unit::Bare) if file.format == Format::Yaml => {
            let m = file
                .unit
                .as_ref()
                .and_then(|u| MoneyUnit::parse(u))
                .unwrap_or(scope.unit);
            Some(amount * m.factor())
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

/// `east-sales › 江苏省 (province) › Q3` for messages.
pub fn describe_key(scope: &Scope, key: &Key) -> String {
    format!(
        "{} › {}",
        describe_cell(scope, key.metric, key.cell),
        key.period.label(&scope.period)
    )
}

impl<'p> Joined<'p> {
    /// Facts of a cell, in period order.
    fn cell_facts(
        &self,
        metric: usize,
        cell: Option<(usize, usize)>,
    ) -> impl Iterator<Item = (&Key, &Fact)> {
        let lo = Key {
            metric,
            cell,
            period: PeriodKey::Full,
        };
        self.facts
            .range(lo..)
            .take_while(move |(k, _)| k.metric == metric && k.cell == cell)
    }

    /// The actual of a cell as reported: the `FY` row, or else the quarters (months
    /// filling quarters without a row) up to the as-of date. KPIs that are not counts
    /// take their latest period instead of a sum: a rate is not added up.
    pub fn reported(&self, metric: usize, cell: Option<(usize, usize)>) -> Option<Agg> {
        let pp = &self.scope.period;
        let mut full = None;
        let mut subs: Vec<(PeriodKey, Fact)> = Vec::new();
        for (k, f) in self.cell_facts(metric, cell) {
            match k.period {
                PeriodKey::Full => full = Some(*f),
                p => subs.push((p, *f)),
            }
        }
        if let Some(f) = full {
            return Some(Agg {
                value: f.value,
                last_year: f.last_year,
                rolled_up: false,
            });
        }
        if subs.is_empty() {
            return None;
        }
        let m = &self.scope.metrics[metric];
        let additive = m.is_target() || matches!(m.expect, Expect::Count(_));
        if !additive {
            let (_, f) = subs
                .iter()
                .max_by_key(|(p, _)| (p.end(pp), matches!(p, PeriodKey::Month(_))))?;
            return Some(Agg {
                value: f.value,
                last_year: f.last_year,
                rolled_up: false,
            });
        }
        let mut value = Decimal::ZERO;
        let mut last_year = Some(Decimal::ZERO);
        let mut add = |f: &Fact| {
            value += f.value;
            last_year = match (last_year, f.last_year) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            };
        };
        for q in 1..=pp.quarters() {
            if let Some((_, f)) = subs.iter().find(|(p, _)| *p == PeriodKey::Quarter(q)) {
                add(f);
            } else {
                for (_, f) in subs.iter().filter(|(p, _)| {
                    matches!(p, PeriodKey::Month(m) if PeriodKey::Quarter(q).months(pp).contains(m))
                }) {
                    add(f);
                }
            }
        }
        Some(Agg {
            value,
            last_year,
            rolled_up: false,
        })
    }

    /// The actual of a cell: as reported, or else the sum of the items of the first full
    /// breakdown under it whose items all have actuals.
    pub fn actual(&self, metric: usize, cell: Option<(usize, usize)>) -> Option<Agg> {
        if let Some(a) = self.reported(metric, cell) {
            return Some(a);
        }
        let m = &self.scope.metrics[metric];
        for (di, dim) in m.dims.iter().enumerate() {
            if dim.partial || dim.segment {
                continue;
            }
            let children: Vec<usize> = (0..dim.items.len())
                .filter(|&ii| dim.items[ii].parent == cell)
                .collect();
            if children.is_empty() {
                continue;
            }
            let parts: Option<Vec<Agg>> = children
                .iter()
                .map(|&ii| self.actual(metric, Some((di, ii))))
                .collect();
            if let Some(parts) = parts {
                let value = parts.iter().map(|p| p.value).sum();
                let last_year = parts.iter().map(|p| p.last_year).sum::<Option<Decimal>>();
                return Some(Agg {
                    value,
                    last_year,
                    rolled_up: true,
                });
            }
        }
        None
    }

    /// The fact of one period of a cell, if reported (months fill a quarter).
    pub fn period_actual(
        &self,
        metric: usize,
        cell: Option<(usize, usize)>,
        period: PeriodKey,
    ) -> Option<Decimal> {
        let pp = &self.scope.period;
        let months = period.months(pp);
        let mut sum = None;
        for (k, f) in self.cell_facts(metric, cell) {
            if k.period == period {
                return Some(f.value);
            }
            if let PeriodKey::Month(m) = k.period {
                if months.contains(&m) && period != PeriodKey::Full {
                    sum = Some(sum.unwrap_or(Decimal::ZERO) + f.value);
                }
            }
        }
        sum
    }

    /// Last year's figure for one period of a cell, when reported (months fill a quarter
    /// only when each has last year's figure).
    pub fn period_last_year(
        &self,
        metric: usize,
        cell: Option<(usize, usize)>,
        period: PeriodKey,
    ) -> Option<Decimal> {
        let pp = &self.scope.period;
        let months = period.months(pp);
        let mut sum = Some(Decimal::ZERO);
        let mut any = false;
        for (k, f) in self.cell_facts(metric, cell) {
            if k.period == period {
                return f.last_year;
            }
            if let PeriodKey::Month(m) = k.period {
                if months.contains(&m) && period != PeriodKey::Full {
                    any = true;
                    sum = sum.zip(f.last_year).map(|(a, b)| a + b);
                }
            }
        }
        sum.filter(|_| any)
    }

    /// The first row behind a cell's facts, for pointing at it.
    fn first_fact(&self, metric: usize, cell: Option<(usize, usize)>) -> Option<&Fact> {
        self.cell_facts(metric, cell)
            .map(|(_, f)| f)
            .min_by_key(|f| (f.file, f.row))
    }

    fn check_periods(
        &self,
        files: &[ActualsFile],
        explicit: Option<NaiveDate>,
        out: &mut [Vec<Finding>],
    ) {
        let pp = &self.scope.period;
        // The latest sub-period end per metric.
        let mut latest: HashMap<usize, NaiveDate> = HashMap::new();
        for k in self.facts.keys().filter(|k| k.period.is_sub()) {
            let e = k.period.end(pp);
            let l = latest.entry(k.metric).or_insert(e);
            *l = (*l).max(e);
        }
        let mut cells: Vec<(usize, Option<(usize, usize)>)> = self
            .facts
            .keys()
            .filter(|k| k.period.is_sub())
            .map(|k| (k.metric, k.cell))
            .collect();
        cells.dedup();
        for (metric, cell) in cells {
            let until = explicit.map_or(latest[&metric], |e| e.min(pp.end));
            let periods: Vec<PeriodKey> = self
                .cell_facts(metric, cell)
                .map(|(k, _)| k.period)
                .filter(|p| p.is_sub())
                .collect();
            let has = |m: u32| periods.iter().any(|p| p.months(pp).contains(&m));
            let by_month = periods.iter().all(|p| matches!(p, PeriodKey::Month(_)));
            let mut missing = Vec::new();
            if by_month {
                for m in 0..pp.months {
                    if pp.month_end(m) <= until && !has(m) {
                        missing.push(PeriodKey::Month(m).label(pp));
                    }
                }
            } else {
                for q in 1..=pp.quarters() {
                    let qk = PeriodKey::Quarter(q);
                    if qk.end(pp) <= until && !qk.months(pp).all(has) {
                        missing.push(qk.label(pp));
                    }
                }
            }
            if missing.is_empty() {
                continue;
            }
            let Some(first) = self.first_fact(metric, cell) else {
                continue;
            };
            let file = &files[first.file];
            let row = &file.rows[first.row];
            let have: Vec<String> = periods.iter().map(|p| p.label(pp)).collect();
            let what = describe_cell(&self.scope, metric, cell);
            out[first.file].push(
                Finding::new(
                    &codes::MISSING_PERIOD,
                    row.span(Field::Period),
                    t!(
                        "p807-message",
                        cell = what,
                        have = join_list(&have),
                        missing = join_list(&missing),
                        at = file.cell(row, Field::Period)
                    ),
                )
                .label(if by_month {
                    t!("p807-label-month")
                } else {
                    t!("p807-label-quarter")
                })
                .help(t!(
                    "p807-help",
                    count = missing.len(),
                    until = until.to_string()
                )),
            );
        }
    }

    fn check_sums(&self, files: &[ActualsFile], tolerance: &Tolerance, out: &mut [Vec<Finding>]) {
        let pp = &self.scope.period;
        for (mi, m) in self.scope.metrics.iter().enumerate() {
            let MetricKind::Target(t) = m.kind else {
                continue;
            };
            let fmt = |v: Decimal| crate::rules::fmt_base(v, &t.value, self.scope.unit);
            let agrees = |a: Decimal, b: Decimal| match m.expect {
                Expect::Money => (a - b).abs() <= tolerance.money_yuan,
                _ => a == b,
            };
            let mut cells: Vec<Option<(usize, usize)>> = vec![None];
            for (di, d) in m.dims.iter().enumerate() {
                cells.extend((0..d.items.len()).map(|ii| Some((di, ii))));
            }
            for cell in cells {
                // The full year against its quarters or months.
                let full = self.facts.get(&Key {
                    metric: mi,
                    cell,
                    period: PeriodKey::Full,
                });
                if let Some(full) = full {
                    let subs: Vec<Decimal> = (1..=pp.quarters())
                        .map_while(|q| {
                            let qk = PeriodKey::Quarter(q);
                            (qk.end(pp) <= self.as_of)
                                .then(|| self.period_actual(mi, cell, qk))
                                .flatten()
                        })
                        .collect();
                    let elapsed = (1..=pp.quarters())
                        .filter(|&q| PeriodKey::Quarter(q).end(pp) <= self.as_of)
                        .count();
                    let any_sub = self.cell_facts(mi, cell).any(|(k, _)| k.period.is_sub());
                    if any_sub && elapsed > 0 && subs.len() == elapsed {
                        let sum: Decimal = subs.iter().sum();
                        if !agrees(sum, full.value) {
                            let file = &files[full.file];
                            let row = &file.rows[full.row];
                            out[full.file].push(
                                Finding::new(
                                    &codes::SUM_MISMATCH,
                                    row.span(Field::Value),
                                    t!(
                                        "p809-year",
                                        cell = describe_cell(&self.scope, mi, cell),
                                        full = fmt(full.value),
                                        sum = fmt(sum),
                                        at = file.cell(row, Field::Value)
                                    ),
                                )
                                .label(t!("p809-year-label", sum = fmt(sum)))
                                .help(t!("p809-year-help")),
                            );
                        }
                    }
                }
                // The total against the items of each full breakdown under it.
                let Some(total) = self.reported(mi, cell) else {
                    continue;
                };
                for (di, dim) in m.dims.iter().enumerate() {
                    if dim.partial || dim.segment {
                        continue;
                    }
                    let children: Vec<usize> = (0..dim.items.len())
                        .filter(|&ii| dim.items[ii].parent == cell)
                        .collect();
                    if children.is_empty() {
                        continue;
                    }
                    let parts: Option<Vec<Agg>> = children
                        .iter()
                        .map(|&ii| self.actual(mi, Some((di, ii))))
                        .collect();
                    let Some(parts) = parts else { continue };
                    let sum: Decimal = parts.iter().map(|p| p.value).sum();
                    if agrees(sum, total.value) {
                        continue;
                    }
                    let Some(first) = self.first_fact(mi, cell) else {
                        continue;
                    };
                    let file = &files[first.file];
                    let row = &file.rows[first.row];
                    out[first.file].push(
                        Finding::new(
                            &codes::SUM_MISMATCH,
                            row.span(Field::Value),
                            t!(
                                "p809-parts",
                                noun = crate::rules::dimension_noun(&dim.name),
                                dim = dim_word(&dim.name),
                                cell = describe_cell(&self.scope, mi, cell),
                                sum = fmt(sum),
                                total = fmt(total.value),
                                at = file.cell(row, Field::Value)
                            ),
                        )
                        .label(t!(
                            "p809-parts-label",
                            sum = fmt(sum),
                            dim = dim_word(&dim.name)
                        ))
                        .help(t!("p809-parts-help", dim = dim.name.as_str())),
                    );
                }
            }
        }
    }
}

/// `` `east-sales` `` or `` `east-sales` › province `jiangsu` ``.
pub fn describe_cell(scope: &Scope, metric: usize, cell: Option<(usize, usize)>) -> String {
    let m = &scope.metrics[metric];
    match cell {
        None => format!("`{}`", m.id),
        Some((d, i)) => t!(
            "actuals-cell",
            metric = m.id,
            dim = dim_word(&m.dims[d].name),
            item = m.dims[d].items[i].key.as_str()
        ),
    }
}

/// A breakdown dimension in the current language (`province` / `省份`).
pub fn dim_word(dimension: &str) -> String {
    t!("actuals-dimension", dim = dimension)
}

/// Items joined for a message, in the current language (`a, b` / `a、b`).
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let sep = t!("actuals-list-sep");
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&sep)
}

/// `a, b and c` / `a、b和c`.
fn join_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => t!("actuals-list-and", rest = list(rest), last = last.as_str()),
    }
}
