//! Joining actuals to the plan: every row is resolved to a metric (a target or KPI), an
//! optional breakdown cell, a period and an exact value in the metric's base unit (元 for
//! money), or reported. Then the facts are cut at the as-of date, and checked for holes
//! (missing quarters or months) and for parts that do not add up to their totals.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::period::{PeriodKey, PlanPeriod};
use super::resolve::{resolve, suggestion, Pending, Resolved, Sink};
use super::{codes, ActualsFile, Field};
use crate::config::Tolerance;
use crate::diagnostics::Finding;
use crate::model::{
    Breakdown, BreakdownItem, Kpi, MoneyUnit, Plan, Quantity, Segment, Target, Unit,
};
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
    pub(super) fn describe(&self) -> String {
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
    pub(super) aliases: Vec<String>,
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
    /// The dimension of this name, compared by meaning (`省份` = `province`).
    pub(super) fn dim(&self, name: &str) -> Option<usize> {
        self.dims.iter().position(|d| d.name == name).or_else(|| {
            self.dims
                .iter()
                .position(|d| crate::model::dimension::same(&d.name, name))
        })
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
    /// Adds the names of `[aliases]` in `planc.toml`: an item id (or the item's name)
    /// and the names finance's and the CRM's exports give it.
    pub fn with_aliases(mut self, aliases: &BTreeMap<String, Vec<String>>) -> Scope<'p> {
        if aliases.is_empty() {
            return self;
        }
        for m in &mut self.metrics {
            for d in &mut m.dims {
                for i in &mut d.items {
                    for key in [&i.key, &i.display] {
                        if let Some(names) = aliases.get(key.as_str()) {
                            i.aliases.extend(names.iter().map(|n| n.trim().to_owned()));
                        }
                    }
                }
            }
        }
        self
    }

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
                // A bare target is money in the plan's unit, here as everywhere.
                expect: match Expect::of(&t.value, None) {
                    Expect::Bare => Expect::Money,
                    e => e,
                },
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
}

/// The breakdowns of a target as dimensions of items, a level at a time: an item key
/// is joined once per dimension, so when a dimension appears at two levels (sales by
/// province, and product A by province) the rows address the outer one, whose target is
/// the item's whole figure — never a nested share of it.
fn flatten<'p>(
    plan: &'p Plan,
    breakdowns: &'p [Breakdown],
    parent: Option<(usize, usize)>,
    dims: &mut Vec<Dim<'p>>,
) {
    let mut nested = Vec::new();
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
            nested.push((&item.breakdowns, (di, dims[di].items.len() - 1)));
        }
    }
    for (breakdowns, at) in nested {
        flatten(plan, breakdowns, Some(at), dims);
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
/// Whether `text`, an item as an actuals file writes it, names the breakdown item `item`
/// of `plan` (its key, name, the product's, region's or account's name or aliases, the
/// CRM's short forms), as the review joins them.
pub fn names_item(plan: &Plan, item: &BreakdownItem, text: &str) -> bool {
    let (display, aliases) = names_of(plan, item.key.as_str(), item.name.as_deref());
    let it = DimItem {
        key: item.key.value.clone(),
        display,
        aliases,
        item: None,
        parent: None,
    };
    super::resolve::matches_item(&it, text.trim())
}

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
    // The names the plan declares for finance's and the CRM's exports.
    let declared = plan
        .products
        .iter()
        .find(|p| p.id.as_str() == key)
        .map(|p| &p.aliases)
        .or_else(|| {
            plan.regions
                .iter()
                .find(|r| r.id.as_str() == key)
                .map(|r| &r.aliases)
        })
        .or_else(|| {
            plan.accounts
                .iter()
                .find(|a| a.id.as_str() == key)
                .map(|a| &a.aliases)
        });
    aliases.extend(declared.into_iter().flatten().map(|a| a.trim().to_owned()));
    for n in own.into_iter().chain(catalogue) {
        aliases.push(n.to_owned());
        for suffix in [
            "省",
            "市",
            "壮族自治区",
            "回族自治区",
            "维吾尔自治区",
            "自治区",
            "特别行政区",
            "大区",
            "区",
        ] {
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

/// The findings without repeats: the cells of one wide-layout row share their metric,
/// item and header cells, so a problem with one of those is reported once.
fn dedup(findings: Vec<Finding>) -> Vec<Finding> {
    let mut seen = std::collections::HashSet::new();
    findings
        .into_iter()
        .filter(|f| {
            seen.insert((
                f.code,
                f.primary.span.start,
                f.primary.span.end,
                f.message.clone(),
            ))
        })
        .collect()
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
    let mut pending: Vec<Pending> = Vec::new();
    let mut uncompared = vec![0usize; files.len()];
    for (fi, file) in files.iter().enumerate() {
        for (ri, row) in file.rows.iter().enumerate() {
            let mut sink = Sink {
                file: fi,
                out: &mut findings[fi],
                pending: &mut pending,
            };
            let Some(resolved) = resolve(&scope, file, row, &mut sink) else {
                continue;
            };
            let Resolved {
                key,
                value,
                last_year,
                target,
            } = resolved;
            if let Some(given) = target {
                let out = &mut findings[fi];
                if !super::target::check(&scope, file, row, &key, given, tolerance, out) {
                    uncompared[fi] += 1;
                }
            }
            // Sales and counts below zero where the plan's target is above it: returns
            // can make a month negative, but never without a word.
            let m = &scope.metrics[key.metric];
            let positive = match m.kind {
                MetricKind::Target(t) => t.value.amount.is_some_and(|a| a > Decimal::ZERO),
                MetricKind::Kpi(k) => {
                    matches!(m.expect, Expect::Count(_))
                        && k.target
                            .as_ref()
                            .and_then(|t| t.amount)
                            .is_some_and(|a| a > Decimal::ZERO)
                }
            };
            if positive && value < Decimal::ZERO {
                findings[fi].push(
                    Finding::new(
                        &codes::UNIT_MISMATCH,
                        row.span(Field::Value),
                        t!(
                            "p805-negative",
                            cell = describe_key(&scope, &key),
                            value = row.value.value.as_str(),
                            at = file.cell(row, Field::Value)
                        ),
                    )
                    .severity(crate::diagnostics::Severity::Warning)
                    .label(t!("p805-negative-label"))
                    .help(t!("p805-negative-help")),
                );
            }
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
    for (fi, &n) in uncompared.iter().enumerate() {
        if n > 0 {
            findings[fi].push(super::target::not_compared(n));
        }
    }
    // Suggestions, now that every row that gives a figure is known.
    for p in &pending {
        let help = suggestion(&scope, &|k| seen.contains_key(k), p);
        findings[p.file][p.finding].help = Some(help);
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
    joined.check_as_of(files, &mut findings);
    joined.check_sums(files, tolerance, &mut findings);
    for (file, f) in files.iter_mut().zip(findings) {
        file.findings.extend(dedup(f));
    }
    joined
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
    pub(super) fn cell_facts(
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
        // A half given without any figure of its quarters or months stands for them.
        let halves: Vec<(PeriodKey, Fact)> = subs
            .iter()
            .filter(|(p, _)| matches!(p, PeriodKey::Half(_)))
            .filter(|(h, _)| {
                let months = h.months(pp);
                !subs.iter().any(|(p, _)| {
                    !matches!(p, PeriodKey::Half(_))
                        && p.months(pp).start < months.end
                        && months.start < p.months(pp).end
                })
            })
            .copied()
            .collect();
        for (_, f) in &halves {
            add(f);
        }
        for q in 1..=pp.quarters() {
            let in_half = halves.iter().any(|(h, _)| {
                PeriodKey::Quarter(q)
                    .months(pp)
                    .all(|m| h.months(pp).contains(&m))
            });
            if in_half {
                continue;
            }
            let months_complete = self.quarter_months(metric, cell, q).is_some();
            let quarter = subs.iter().find(|(p, _)| *p == PeriodKey::Quarter(q));
            if let (Some((_, f)), false) = (quarter, months_complete) {
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
    /// The sum of a quarter's months, when every month of it is reported.
    pub fn quarter_months(
        &self,
        metric: usize,
        cell: Option<(usize, usize)>,
        q: u8,
    ) -> Option<Decimal> {
        let pp = &self.scope.period;
        let months = PeriodKey::Quarter(q).months(pp);
        let mut sum = Decimal::ZERO;
        let mut seen = 0;
        for (k, f) in self.cell_facts(metric, cell) {
            if let PeriodKey::Month(m) = k.period {
                if months.contains(&m) {
                    sum += f.value;
                    seen += 1;
                }
            }
        }
        (seen == months.len()).then_some(sum)
    }

    /// The sum of a half's two quarters, when each is reported (by a row or all its
    /// months).
    pub fn half_quarters(
        &self,
        metric: usize,
        cell: Option<(usize, usize)>,
        quarters: [PeriodKey; 2],
    ) -> Option<Decimal> {
        quarters
            .iter()
            .map(|&q| {
                let PeriodKey::Quarter(n) = q else {
                    return None;
                };
                self.quarter_months(metric, cell, n).or_else(|| {
                    self.facts
                        .get(&Key {
                            metric,
                            cell,
                            period: q,
                        })
                        .map(|f| f.value)
                })
            })
            .sum()
    }

    pub fn period_actual(
        &self,
        metric: usize,
        cell: Option<(usize, usize)>,
        period: PeriodKey,
    ) -> Option<Decimal> {
        let pp = &self.scope.period;
        // A quarter given with all its months: the months are the figures, the quarter a
        // subtotal (checked against them, P809).
        if let PeriodKey::Quarter(q) = period {
            if let Some(sum) = self.quarter_months(metric, cell, q) {
                return Some(sum);
            }
        }
        // A half given with both its quarters: the quarters are the figures.
        if let Some(qs) = period.quarters_of_half(pp) {
            if let Some(sum) = self.half_quarters(metric, cell, qs) {
                return Some(sum);
            }
        }
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
    pub(super) fn first_fact(&self, metric: usize, cell: Option<(usize, usize)>) -> Option<&Fact> {
        self.cell_facts(metric, cell)
            .map(|(_, f)| f)
            .min_by_key(|f| (f.file, f.row))
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
pub(super) fn list<S: AsRef<str>>(items: &[S]) -> String {
    let sep = t!("actuals-list-sep");
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&sep)
}

/// `a, b and c` / `a、b和c`.
pub fn join_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => t!("actuals-list-and", rest = list(rest), last = last.as_str()),
    }
}
