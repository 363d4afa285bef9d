//! Semantic diff of plans: what changed between two versions of a plan, matched by ids
//! (targets, breakdown items, KPIs, campaigns, budget lines …), never by line.
//!
//! `compare` walks both plans and returns a flat list of [`Change`]s; figures are
//! compared after unit normalisation (3亿元 and 30000万元 are the same figure), text
//! after trimming. [`pair`] matches the files of two directories by plan id (else by
//! relative path). `format` writes the change list as Markdown, terminal text, JSON, or
//! the canonical text of one plan for `git`'s `textconv`.
//!
//! Architecture invariant: nothing here prints or reads files; the CLI (`cli/diff.rs`)
//! loads the plans (from files or `git show`) and hands them in.

mod compare;
pub mod format;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Lang, Plan};

pub use compare::{canonical_lines, compare};

/// Whether something was added, removed or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// What sort of figure a quantity is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QtyKind {
    /// Money; the normalised value is in 元.
    Money,
    /// A percentage; deltas are in points.
    Percent,
    /// A counted unit (`家`, `名`, `场` …).
    Count,
    /// A bare number that is not money (a KPI target without unit).
    Number,
    /// A placeholder or text that holds no number (`XX亿元`).
    Unknown,
}

/// A figure as written and as compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Qty {
    /// The text as written in the plan.
    pub raw: String,
    pub kind: QtyKind,
    /// The normalised value: 元 for money, the amount otherwise.
    pub value: Option<Decimal>,
    /// The unit of `value`: `元`, `%`, the counted unit, or none.
    pub unit: Option<String>,
}

impl Qty {
    /// Whether two figures can be subtracted.
    pub fn comparable(&self, other: &Qty) -> bool {
        self.kind == other.kind
            && self.kind != QtyKind::Unknown
            && self.unit == other.unit
            && self.value.is_some()
            && other.value.is_some()
    }
}

/// One side of a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val {
    Qty(Qty),
    Text(String),
}

/// One change between the two versions of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The top-level section: `plan` (title, status, period, owner …), `targets`, `kpis`,
    /// `strategies`, `campaigns`, `pillars`, `budget`, `risks`, `timeline`, or another key
    /// of the plan.
    pub section: String,
    /// Machine path: field keys and element ids, e.g.
    /// `targets/sales/breakdowns/region/items/east/value`.
    pub path: Vec<String>,
    /// Display names of the entities down to the change, e.g. `年度销售总额 › 区域目标 › 华东大区`.
    pub item: Vec<String>,
    /// The field within the entity (`value`, `share`, `period.start`); `None` when a whole
    /// entity was added or removed.
    pub field: Option<String>,
    pub kind: ChangeKind,
    pub old: Option<Val>,
    pub new: Option<Val>,
}

impl Change {
    fn qty(v: &Option<Val>) -> Option<&Qty> {
        match v {
            Some(Val::Qty(q)) => Some(q),
            _ => None,
        }
    }
    pub fn old_qty(&self) -> Option<&Qty> {
        Self::qty(&self.old)
    }
    pub fn new_qty(&self) -> Option<&Qty> {
        Self::qty(&self.new)
    }

    /// New minus old (in 元 for money, points for percentages); an added figure counts
    /// from zero, a removed one down to zero.
    pub fn delta(&self) -> Option<Decimal> {
        match (self.old_qty(), self.new_qty()) {
            (Some(o), Some(n)) if o.comparable(n) => Some(n.value? - o.value?),
            (None, Some(n)) if self.kind == ChangeKind::Added && n.kind != QtyKind::Unknown => {
                n.value
            }
            (Some(o), None) if self.kind == ChangeKind::Removed && o.kind != QtyKind::Unknown => {
                o.value.map(|v| -v)
            }
            _ => None,
        }
    }

    /// The change relative to the old value, in percent (not for percentages, whose
    /// change is in points).
    pub fn delta_percent(&self) -> Option<Decimal> {
        let (o, n) = (self.old_qty()?, self.new_qty()?);
        if !o.comparable(n) || o.kind == QtyKind::Percent {
            return None;
        }
        crate::num::growth(n.value?, o.value?)
    }

    /// The path of the entity the change is in (the path without the field).
    pub fn owner(&self) -> &[String] {
        let depth = self.field.as_deref().map_or(0, |f| f.split('.').count());
        &self.path[..self.path.len().saturating_sub(depth)]
    }

    /// The entity a change belongs to at the top of its section (a campaign, a KPI, a
    /// target), for counting.
    pub fn entity(&self) -> Option<&str> {
        self.path.get(1).map(String::as_str)
    }
}

/// Whether a file was added, removed or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    Added,
    Removed,
    Modified,
    Unchanged,
}

/// One plan compared with its other version.
#[derive(Clone, Debug)]
pub struct FileDiff {
    pub old_path: Option<String>,
    pub new_path: Option<String>,
    pub plan_id: String,
    pub title: String,
    pub status: FileStatus,
    pub changes: Vec<Change>,
}

/// A plan on one side of a diff.
pub struct Side<'a> {
    pub path: String,
    pub plan: &'a Plan,
}

/// Compares two versions of one plan (either may be missing: added or removed).
pub fn diff_files(old: Option<&Side>, new: Option<&Side>) -> FileDiff {
    let changes = match (old, new) {
        (Some(o), Some(n)) => compare(o.plan, n.plan),
        _ => Vec::new(),
    };
    let status = match (old, new) {
        (None, _) => FileStatus::Added,
        (_, None) => FileStatus::Removed,
        _ if changes.is_empty() => FileStatus::Unchanged,
        _ => FileStatus::Modified,
    };
    let plan = new.or(old).map(|s| s.plan);
    FileDiff {
        old_path: old.map(|s| s.path.clone()),
        new_path: new.map(|s| s.path.clone()),
        plan_id: plan.map(|p| p.id.value.clone()).unwrap_or_default(),
        title: plan.map(|p| p.title.value.clone()).unwrap_or_default(),
        status,
        changes,
    }
}

/// Pairs the plans of two sets of files: by plan id, else by relative path. Returns
/// index pairs in the order of the new side, then the removed files.
pub fn pair(
    old: &[(String, &Plan)],
    new: &[(String, &Plan)],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut used = vec![false; old.len()];
    let mut out = Vec::new();
    for (j, (path, plan)) in new.iter().enumerate() {
        let by_id = old
            .iter()
            .enumerate()
            .position(|(i, (_, p))| !used[i] && p.id.value == plan.id.value);
        let by_path = || {
            old.iter()
                .enumerate()
                .position(|(i, (p, _))| !used[i] && p == path)
        };
        let i = by_id.or_else(by_path);
        if let Some(i) = i {
            used[i] = true;
        }
        out.push((i, Some(j)));
    }
    out.extend(
        (0..old.len())
            .filter(|&i| !used[i])
            .map(|i| (Some(i), None)),
    );
    out
}

/// The whole comparison: every plan pair.
#[derive(Clone, Debug)]
pub struct Diff {
    pub files: Vec<FileDiff>,
}

impl Diff {
    /// Whether anything differs (a plan added, removed or changed).
    pub fn has_changes(&self) -> bool {
        self.files.iter().any(|f| f.status != FileStatus::Unchanged)
    }
}

/// What the summary line counts, for one file or a whole diff.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The first top-level target whose value changed: old and new.
    pub target: Option<(Qty, Qty)>,
    /// Further top-level targets whose value changed, added or removed.
    pub more_targets: usize,
    /// Breakdown cells added, removed or changed.
    pub cells: usize,
    /// Entities touched per section (`campaigns` → 2), for counted sections.
    pub entities: BTreeMap<String, usize>,
    /// The budget total, old and new, when it changed.
    pub budget_total: Option<(Qty, Qty)>,
    /// Budget lines added, removed or changed.
    pub budget_lines: usize,
    /// With the total unchanged: the money moved between lines (in 元) and the unit to
    /// show it in.
    pub budget_moved: Option<Decimal>,
    /// The status, old and new, when it changed.
    pub status: Option<(String, String)>,
    /// The period, old and new, when it changed.
    pub period: bool,
    /// Other changes (metadata, text, sections not counted above).
    pub other: usize,
    pub plans_added: usize,
    pub plans_removed: usize,
    pub plans_changed: usize,
}

/// Sections whose changes are counted by entity in the summary.
pub const COUNTED: [&str; 6] = [
    "strategies",
    "campaigns",
    "pillars",
    "kpis",
    "risks",
    "timeline",
];

impl Summary {
    pub fn of_changes(changes: &[Change]) -> Summary {
        let mut s = Summary::default();
        let mut entities: BTreeMap<String, std::collections::BTreeSet<&str>> = BTreeMap::new();
        let mut cells = std::collections::BTreeSet::new();
        let mut lines = std::collections::BTreeSet::new();
        let mut moved: Vec<Decimal> = Vec::new();
        for c in changes {
            match c.section.as_str() {
                "targets" => {
                    let top = c.path.len() == 3 && c.path[2] == "value";
                    let whole = c.path.len() == 2;
                    if top || whole {
                        let value_change = match (c.old_qty(), c.new_qty()) {
                            (Some(o), Some(n)) if top => Some((o.clone(), n.clone())),
                            _ => None,
                        };
                        match value_change {
                            Some(v) if s.target.is_none() => s.target = Some(v),
                            _ => s.more_targets += 1,
                        }
                    } else if c.path.iter().any(|p| p == "breakdowns") {
                        cells.insert(c.owner());
                    } else {
                        s.other += 1;
                    }
                }
                "budget" => {
                    if c.path.len() == 2 && c.path[1] == "total" {
                        if let (Some(o), Some(n)) = (c.old_qty(), c.new_qty()) {
                            s.budget_total = Some((o.clone(), n.clone()));
                        }
                    } else if c.path.get(1).is_some_and(|p| p == "lines") {
                        lines.insert(c.path.get(2));
                        let amount = c.field.as_deref().is_none_or(|f| f == "amount");
                        if let (true, Some(d)) = (amount, c.delta()) {
                            moved.push(d);
                        }
                    } else {
                        s.other += 1;
                    }
                }
                "plan" if c.path == ["status"] => {
                    let text = |v: &Option<Val>| match v {
                        Some(Val::Text(t)) => t.clone(),
                        _ => String::new(),
                    };
                    s.status = Some((text(&c.old), text(&c.new)));
                }
                "plan" if c.path.first().is_some_and(|p| p == "period") => s.period = true,
                section if COUNTED.contains(&section) => {
                    if let Some(e) = c.entity() {
                        entities.entry(section.to_owned()).or_default().insert(e);
                    } else {
                        s.other += 1;
                    }
                }
                _ => s.other += 1,
            }
        }
        s.cells = cells.len();
        s.budget_lines = lines.len();
        let up: Decimal = moved.iter().filter(|d| d.is_sign_positive()).sum();
        let net: Decimal = moved.iter().sum();
        if s.budget_total.is_none() && net.is_zero() && !up.is_zero() {
            s.budget_moved = Some(up);
        }
        s.entities = entities.into_iter().map(|(k, v)| (k, v.len())).collect();
        s
    }

    /// The summary of a whole diff: one file's own, or counts over every file.
    pub fn of_diff(diff: &Diff) -> Summary {
        if let [only] = diff.files.as_slice() {
            let mut s = Summary::of_changes(&only.changes);
            match only.status {
                FileStatus::Added => s.plans_added = 1,
                FileStatus::Removed => s.plans_removed = 1,
                _ => {}
            }
            return s;
        }
        let mut s = Summary::default();
        for f in &diff.files {
            match f.status {
                FileStatus::Added => s.plans_added += 1,
                FileStatus::Removed => s.plans_removed += 1,
                FileStatus::Modified => s.plans_changed += 1,
                FileStatus::Unchanged => {}
            }
        }
        s
    }

    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }
}

/// The language of the output when `--lang` is not given: the plans' own when they agree.
pub fn plans_lang<'a>(plans: impl IntoIterator<Item = &'a Plan>) -> Option<Lang> {
    let mut langs = plans.into_iter().filter_map(|p| p.lang);
    let first = langs.next()?;
    langs.all(|l| l == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::compare::qty_of;
    use super::*;
    use crate::model::MoneyUnit;

    #[test]
    fn figures_compare_after_unit_normalisation() {
        let a = qty_of("3亿元", MoneyUnit::Wan, true);
        let b = qty_of("30000万元", MoneyUnit::Wan, true);
        let bare = qty_of("30000", MoneyUnit::Wan, true);
        assert!(a.comparable(&b));
        assert_eq!(a.value, b.value);
        assert_eq!(a.value, bare.value);
        // A bare KPI target is a number, not money.
        assert_eq!(qty_of("12", MoneyUnit::Wan, false).kind, QtyKind::Number);
        assert!(!qty_of("50家", MoneyUnit::Wan, true).comparable(&qty_of(
            "50名",
            MoneyUnit::Wan,
            true
        )));
        assert_eq!(
            qty_of("XX亿元", MoneyUnit::Wan, true).kind,
            QtyKind::Unknown
        );
    }

    #[test]
    fn deltas_count_added_figures_from_zero() {
        let change = |kind, old: Option<&str>, new: Option<&str>| Change {
            section: "budget".into(),
            path: vec!["budget".into(), "lines".into(), "x".into()],
            item: vec!["x".into()],
            field: None,
            kind,
            old: old.map(|s| Val::Qty(qty_of(s, MoneyUnit::Wan, true))),
            new: new.map(|s| Val::Qty(qty_of(s, MoneyUnit::Wan, true))),
        };
        let added = change(ChangeKind::Added, None, Some("500万元"));
        assert_eq!(added.delta(), Some(Decimal::from(5_000_000)));
        assert_eq!(added.delta_percent(), None);
        let removed = change(ChangeKind::Removed, Some("1亿元"), None);
        assert_eq!(removed.delta(), Some(Decimal::from(-100_000_000)));
        let changed = change(ChangeKind::Changed, Some("4亿元"), Some("50000万元"));
        assert_eq!(changed.delta_percent(), Some(Decimal::from(25)));
    }

    #[test]
    fn no_delta_between_figures_that_do_not_subtract() {
        let change = |kind, old: Option<Val>, new: Option<Val>| Change {
            section: "targets".into(),
            path: vec!["targets".into(), "x".into(), "value".into()],
            item: vec!["x".into()],
            field: Some("value".into()),
            kind,
            old,
            new,
        };
        let q = |s: &str| Some(Val::Qty(qty_of(s, MoneyUnit::Wan, true)));
        let text = |s: &str| Some(Val::Text(s.into()));
        // Counts of different things.
        assert_eq!(
            change(ChangeKind::Changed, q("50家"), q("60名")).delta(),
            None
        );
        // A figure in place of a text, or a text in place of a figure: neither added
        // nor removed, so not counted from or down to zero.
        let from_text = change(ChangeKind::Changed, text("待定"), q("500万元"));
        assert_eq!(from_text.delta(), None);
        let to_text = change(ChangeKind::Changed, q("500万元"), text("待定"));
        assert_eq!(to_text.delta(), None);
    }
}
