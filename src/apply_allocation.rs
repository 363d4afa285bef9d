//! `planc allocate` as a library call: every allocation declared in one plan computed
//! and written as text edits (`allocate::edit`), applied the way `planc fix` applies
//! its fixes (`fix::apply_edits`), round after round until nothing changes (a nested
//! breakdown is split from its item's new value in the next round), then checked.
//!
//! Beside `fix.rs` rather than inside `allocate/`, because it loads and checks plans
//! (`load`), which run the rules, which use `allocate`: the stage order stays
//! `allocate` → `rules` → `load` → here.
//!
//! Architecture invariant: nothing here reads files or prints; actuals arrive through
//! the callbacks the CLI supplies ([`Sources`]).

use std::path::Path;

use crate::allocate::history;
use crate::allocate::season::{self, Monthly};
use crate::allocate::{compute_all, edit, Indexes, Outcome};
use crate::config::Config;
use crate::diagnostics::{Edit, FileReport, Finding};
use crate::model::{Breakdown, Method, Plan};
use crate::source::Span;
use rust_decimal::Decimal;

/// Codes after which the text cannot be trusted to edit.
const UNFIXABLE: &[&str] = &["P001", "P002", "P003", "P006"];

/// Loads the monthly figures of `metric` from an actuals file named (relative to the
/// plan) in an allocation's `actuals`.
pub type MonthlySource<'a> = dyn Fn(&str, &str) -> Result<Vec<Monthly>, String> + 'a;

/// Loads the figures of `metric` by the items of `dimension` from an actuals file named
/// (relative to the plan) in a `history` allocation's `actuals`.
pub type HistorySource<'a> = dyn Fn(&str, &str, &str) -> Result<Vec<history::Figure>, String> + 'a;

/// Where `planc allocate` reads actuals: monthly figures for a seasonal index, figures by
/// item for last year.
pub struct Sources<'a> {
    pub monthly: &'a MonthlySource<'a>,
    pub history: &'a HistorySource<'a>,
}

/// One allocation written (or to be written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The allocation's place among the plan's allocations (document order).
    pub ordinal: usize,
    pub target: String,
    pub dimension: String,
    pub method: crate::model::Method,
    /// Items whose value changed.
    pub items: usize,
    /// 1-based line and column of the breakdown's `dimension` in the original text.
    pub line: usize,
    pub column: usize,
}

/// What `planc allocate` did (or would do) to one file.
#[derive(Debug)]
pub struct FileAllocation {
    pub original: String,
    pub allocated: String,
    pub written: Vec<Written>,
    /// Errors that stop the allocation (invalid declarations, unreadable actuals): with
    /// any of them, `allocated` is `original`.
    pub refused: Vec<Finding>,
    /// The findings of the allocated text.
    pub report: FileReport,
    /// Not valid YAML (or not a plan): left alone.
    pub untouchable: bool,
    /// Still changing after [`crate::fix::MAX_ROUNDS`].
    pub unstable: bool,
}

impl FileAllocation {
    pub fn changed(&self) -> bool {
        self.original != self.allocated
    }
}

/// Seasonal indexes computed from the actuals the plan's allocations name.
fn indexes(plan: &Plan, sources: &Sources, refused: &mut Vec<Finding>) -> Indexes {
    let monthly = sources.monthly;
    let mut out = Indexes::new();
    let mut visit = |target: &str, b: &Breakdown| {
        let Some(a) = &b.allocation else { return };
        if a.actuals.is_empty() {
            return;
        }
        let metric = a.metric.as_ref().map_or(target, |m| m.as_str());
        let uses = |m: Method| a.method.value == m || a.blend.iter().any(|p| p.method.value == m);
        if uses(Method::History) {
            let mut figures = Vec::new();
            for file in &a.actuals {
                match (sources.history)(&file.value, metric, &b.dimension.value) {
                    Ok(f) => figures.extend(f),
                    Err(e) => {
                        refused.push(problem(file.span, e));
                        return;
                    }
                }
            }
            let held = |i: &crate::model::BreakdownItem| i.hold.as_ref().is_some_and(|h| h.value);
            let free: Vec<&crate::model::BreakdownItem> =
                b.items.iter().filter(|i| !held(i)).collect();
            let labels: Vec<&str> = free.iter().map(|i| i.key.as_str()).collect();
            let is_item = |k: usize, t: &str| crate::actuals::join::names_item(plan, free[k], t);
            match history::last_years(&figures, &labels, &is_item) {
                Ok((_, values)) => {
                    let mut values = values.into_iter();
                    let all = b
                        .items
                        .iter()
                        .map(|i| {
                            if held(i) {
                                Decimal::ZERO
                            } else {
                                values.next().unwrap_or_default()
                            }
                        })
                        .collect();
                    out.last_year.insert(b.dimension.span, all);
                }
                Err(e) => refused.push(problem(a.actuals[0].span, e)),
            }
        }
        if !uses(Method::Seasonal) {
            return;
        }
        let mut figures = Vec::new();
        for file in &a.actuals {
            match monthly(&file.value, metric) {
                Ok(f) => figures.extend(f),
                Err(e) => {
                    refused.push(problem(file.span, e));
                    return;
                }
            }
        }
        let items: Vec<&str> = b.items.iter().map(|i| i.key.as_str()).collect();
        match season::index(&figures, &items) {
            Ok(ix) => {
                out.seasonal.insert(b.dimension.span, ix);
            }
            Err(e) => refused.push(problem(a.actuals[0].span, e)),
        }
    };
    fn walk<'a>(target: &str, bs: &'a [Breakdown], f: &mut dyn FnMut(&str, &'a Breakdown)) {
        for b in bs {
            f(target, b);
            for i in &b.items {
                walk(target, &i.breakdowns, f);
            }
        }
    }
    for t in &plan.targets {
        walk(&t.id, &t.breakdowns, &mut visit);
    }
    out
}

fn problem(span: Span, message: String) -> Finding {
    let rule = crate::rules::lookup("P112").expect("P112 is registered");
    Finding::new(rule, span, message).label(crate::t!("alloc-label-actuals"))
}

/// Computes and writes every allocation of the plan text `text` (the file at `path`).
/// With `check`, the rules run on the allocated text (`report`); without, `report` is
/// empty (`planc allocate --diff` shows the edits only). Either way the allocated text
/// is parsed again, so an edit that would break it is never written.
pub fn allocate_text(
    path: &Path,
    text: &str,
    config: &Config,
    sources: &Sources,
    check: bool,
) -> FileAllocation {
    let finish = |checked: crate::load::Loaded| {
        if check {
            crate::load::check_loaded(path, checked, config)
        } else {
            FileReport {
                path: path.to_path_buf(),
                source: None,
                findings: Vec::new(),
            }
        }
    };
    let mut current = text.to_owned();
    let mut written: Vec<Written> = Vec::new();
    let mut refused = Vec::new();
    let mut untouchable = false;
    let mut unstable = false;
    let mut round = 0;
    // Where each allocation is in the latest text: the lines reported are the written file's.
    let mut positions: Vec<(usize, usize)> = Vec::new();
    let report = loop {
        // Each round parses the text once; the rules run only on the text that is final.
        let checked =
            crate::load::load_owned_bytes(path, current.clone().into_bytes(), config.lang);
        let (Some(plan), Some(root), Some(source)) =
            (&checked.plan, &checked.root, &checked.source)
        else {
            untouchable = true;
            break finish(checked);
        };
        if checked.findings.iter().any(|f| UNFIXABLE.contains(&f.code)) {
            if round > 0 {
                // Our own edits broke the text: a bug in planc, never written.
                let rule = crate::rules::lookup("P112").expect("P112 is registered");
                refused.push(Finding::new(
                    rule,
                    Span::default(),
                    crate::t!("alloc-broke-yaml"),
                ));
                current = text.to_owned();
                written.clear();
            } else {
                untouchable = true;
            }
            break finish(checked);
        }
        let ix = crate::i18n::scope(checked.lang, || indexes(plan, sources, &mut refused));
        let outcomes = crate::i18n::scope(checked.lang, || compute_all(plan, &ix));
        positions = outcomes
            .iter()
            .map(|o| match o {
                Outcome::Computed(c) => source.line_col(c.breakdown.dimension.span.start),
                Outcome::Pending(b) => source.line_col(b.dimension.span.start),
                Outcome::Invalid(_) => (0, 0),
            })
            .collect();
        let mut edits: Vec<Edit> = Vec::new();
        let mut this_round = Vec::new();
        for (ordinal, o) in outcomes.iter().enumerate() {
            match o {
                Outcome::Invalid(problems) => {
                    let rule = crate::rules::lookup("P112").expect("P112 is registered");
                    for p in problems {
                        let mut f =
                            Finding::new(rule, p.span, p.message.clone()).label(p.label.clone());
                        if let Some(h) = &p.help {
                            f = f.help(h.clone());
                        }
                        refused.push(f);
                    }
                }
                Outcome::Pending(_) => {}
                Outcome::Computed(c) => {
                    // The comment is part of the plan: in the plan's own language.
                    let plan_lang = crate::load::text_lang(&current).unwrap_or(checked.lang);
                    let e = crate::i18n::scope(plan_lang, || edit::edits(source, root, c));
                    let items = edit::value_edits(source, c).len();
                    if !e.is_empty() {
                        let (line, column) = source.line_col(c.breakdown.dimension.span.start);
                        this_round.push(Written {
                            ordinal,
                            target: c.target_id.to_owned(),
                            dimension: c.breakdown.dimension.value.clone(),
                            method: c.allocation.method.value,
                            items,
                            line,
                            column,
                        });
                    }
                    edits.extend(e);
                }
            }
        }
        drop(outcomes);
        if !refused.is_empty() {
            // Nothing is written from a plan whose allocations cannot all be computed.
            current = text.to_owned();
            written.clear();
            break finish(checked);
        }
        if edits.is_empty() {
            break finish(checked);
        }
        if round == crate::fix::MAX_ROUNDS {
            unstable = true;
            break finish(checked);
        }
        round += 1;
        let refs: Vec<&Edit> = edits.iter().collect();
        current = crate::fix::apply_edits(&current, &refs);
        for w in this_round {
            match written.iter_mut().find(|x| x.ordinal == w.ordinal) {
                Some(x) => x.items = x.items.max(w.items),
                None => written.push(w),
            }
        }
    };
    for w in &mut written {
        if let Some(&(line, column)) = positions.get(w.ordinal) {
            (w.line, w.column) = (line, column);
        }
    }
    FileAllocation {
        original: text.to_owned(),
        allocated: current,
        written,
        refused,
        report,
        untouchable,
        unstable,
    }
}

/// A child plan's target set to what its parent's allocation gives its item
/// (`planc allocate --into-children`).
#[derive(Debug)]
pub struct ChildEdit {
    pub path: std::path::PathBuf,
    pub original: String,
    pub edited: String,
    /// `company-2026#east`.
    pub filled: String,
    pub target: String,
    pub old: String,
    pub new: String,
}

/// Does the parent's target split `item` in a breakdown that declares an allocation?
fn allocated_item(plan: &Plan, target: &str, item: &str) -> bool {
    fn go(bs: &[Breakdown], item: &str) -> bool {
        bs.iter().any(|b| {
            (b.allocation.is_some() && b.items.iter().any(|i| i.key.value == item))
                || b.items.iter().any(|i| go(&i.breakdowns, item))
        })
    }
    plan.targets
        .iter()
        .filter(|t| t.id.value == target)
        .any(|t| go(&t.breakdowns, item))
}

/// For every child plan filling an item of an allocated breakdown, the edit that sets its
/// target's value to the item's (in the unit the child wrote it in).
pub fn into_children(ws: &crate::workspace::Workspace) -> Vec<ChildEdit> {
    let mut out = Vec::new();
    for (c, file) in ws.files.iter().enumerate() {
        let Some(f) = crate::workspace::filled(ws, c) else {
            continue;
        };
        let (Some(allocated), Some(link)) = (f.allocated, ws.link(c)) else {
            continue;
        };
        if f.planned == Some(allocated) {
            continue;
        }
        let (Some(child), Some(source)) = (file.plan.as_deref(), file.source.as_ref()) else {
            continue;
        };
        let Some(parent) = ws.files.get(link.parent).and_then(|p| p.plan.as_deref()) else {
            continue;
        };
        if !allocated_item(parent, &f.parent_target, &f.item) {
            continue;
        }
        let Some(t) = child.targets.iter().find(|t| t.id.value == f.target) else {
            continue;
        };
        let text = crate::allocate::format_value(allocated, &t.value, &t.value, child.money_unit());
        let Some(edit) = crate::diagnostics::edit::scalar_edit(source, t.value.span, &text) else {
            continue;
        };
        out.push(ChildEdit {
            path: file.path.clone(),
            original: source.text.clone(),
            edited: crate::fix::apply_edits(&source.text, &[&edit]),
            filled: format!("{}#{}", parent.id.value, f.item),
            target: f.target,
            old: t.value.raw.trim().to_owned(),
            new: text,
        });
    }
    out
}

/// A child plan to start (`--into-children --create`): an item of an allocated breakdown
/// that expects a child plan (`complete: true`, or `child_plan: true`) and has none.
#[derive(Debug)]
pub struct NewChild {
    /// Where the parent plan is; the child goes beside it as `<item>.plan.yaml`.
    pub parent_path: std::path::PathBuf,
    pub parent_id: String,
    pub parent_target: String,
    pub item: String,
    pub name: String,
    pub kind: crate::model::Kind,
    pub year: i32,
    /// The item's value as the parent writes it (`9.072亿元`).
    pub value: String,
}

/// The missing children of every allocated breakdown of the workspace.
pub fn missing_children(ws: &crate::workspace::Workspace) -> Vec<NewChild> {
    use crate::model::Kind;
    let mut filled: std::collections::HashSet<(usize, String)> = Default::default();
    for c in 0..ws.files.len() {
        if let (Some(f), Some(link)) = (crate::workspace::filled(ws, c), ws.link(c)) {
            filled.insert((link.parent, f.item));
        }
    }
    let mut out = Vec::new();
    for (p, file) in ws.files.iter().enumerate() {
        let Some(plan) = file.plan.as_deref() else {
            continue;
        };
        let kind = match plan.kind.value {
            Kind::Company => Kind::Region,
            Kind::Region => Kind::Representative,
            _ => continue,
        };
        let year = plan
            .period
            .start
            .first()
            .map_or_else(crate::init::this_year, |d| chrono::Datelike::year(&d));
        fn go(bs: &[Breakdown], f: &mut dyn FnMut(&Breakdown, &crate::model::BreakdownItem)) {
            for b in bs {
                for i in &b.items {
                    f(b, i);
                    go(&i.breakdowns, f);
                }
            }
        }
        for t in &plan.targets {
            go(&t.breakdowns, &mut |b, i| {
                let expected = i.child_plan.as_ref().map_or(b.complete, |c| c.value);
                if b.allocation.is_none() || !expected || filled.contains(&(p, i.key.value.clone()))
                {
                    return;
                }
                out.push(NewChild {
                    parent_path: file.path.clone(),
                    parent_id: plan.id.value.clone(),
                    parent_target: t.id.value.clone(),
                    item: i.key.value.clone(),
                    name: i.name.clone().unwrap_or_else(|| i.key.value.clone()),
                    kind,
                    year,
                    value: i.value.raw.trim().to_owned(),
                });
            });
        }
    }
    out
}

/// The text of a new child plan: `planc init`'s plan of that kind, with `parent:` set to
/// the item, the target rolling up into the parent's and valued at the item's value.
pub fn new_child_text(c: &NewChild, schema: &str) -> String {
    let mut o = crate::init::Options::new(c.kind, c.year);
    o.id = format!("{}-{}", c.item, c.year);
    o.title = format!("{}{}", c.name, crate::init::default_title(c.kind, c.year));
    o.schema = schema.to_owned();
    o.file = format!("{}.plan.yaml", c.item);
    // Siblings never share a territory (P916): the template's placeholder province and
    // hospital get the item's name in front.
    let text = crate::init::plan(&o)
        .replace("province-a", &format!("{}-province-a", c.item))
        .replace("province-b", &format!("{}-province-b", c.item))
        .replace("hospital-a", &format!("{}-hospital-a", c.item));
    let id_line = format!("id: {}\n", crate::diagnostics::edit::yaml_scalar(&o.id));
    let parent = format!(
        "parent: {}   # {}\n",
        crate::diagnostics::edit::yaml_scalar(&format!("{}#{}", c.parent_id, c.item)),
        crate::t!("alloc-created-comment")
    );
    let text = text.replacen(&id_line, &format!("{id_line}{parent}"), 1);
    // The template's one target: rolls up into the parent's, valued at the allocation.
    let Some(start) = text.find("targets:\n  - id: sales\n") else {
        return text;
    };
    let head = &text[..start];
    let rest = &text[start..];
    let Some(v) = rest.find("\n    value: ") else {
        return text;
    };
    let line_end = rest[v + 1..].find('\n').map_or(rest.len(), |e| v + 1 + e);
    let value = crate::diagnostics::edit::yaml_scalar(&c.value);
    let rolls = if c.parent_target == "sales" {
        String::new()
    } else {
        format!(
            "\n    rolls_up: {}",
            crate::diagnostics::edit::yaml_scalar(&c.parent_target)
        )
    };
    format!(
        "{head}{}\n    value: {value}{rolls}{}",
        &rest[..v],
        &rest[line_end..]
    )
}
