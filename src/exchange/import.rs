//! A workbook `planc export` wrote, read back (calamine): every edited input cell becomes
//! a text edit of its plan item's value. The layout each sheet should have is rebuilt
//! from the plan (unchanged since the export, which the SHA-256 proves), so every cell is
//! known: an input that differs is a change; a label, number or formula that differs, a
//! cell written outside the layout, a plan whose text changed — each is a refusal naming
//! the cell, and nothing is written.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};
use rust_decimal::Decimal;

use super::{cell_name, find_item, Cell, META_FIRST_ROW, META_SHEET};
use crate::config::Config;
use crate::diagnostics::Edit;
use crate::model::{MoneyUnit, Quantity, Unit};

/// One changed cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// `Sheet!D5`.
    pub cell: String,
    /// What the cell is (`上海市 全年`).
    pub label: String,
    pub old: String,
    pub new: String,
}

/// One plan's part of an import.
#[derive(Debug)]
pub struct PlanImport {
    pub path: String,
    pub original: String,
    pub edited: String,
    pub changes: Vec<Change>,
}

/// What an import found: the plans' edits, or why it refuses.
#[derive(Debug, Default)]
pub struct Imported {
    pub plans: Vec<PlanImport>,
    /// Each refusal names its cell; any refusal means nothing is written.
    pub refusals: Vec<String>,
}

/// Reads a plan's bytes by the path the export recorded.
pub type PlanSource<'a> = dyn Fn(&str) -> Result<Vec<u8>, String> + 'a;

struct Meta {
    row: u32,
    sheet: String,
    plan: String,
    target: String,
    path: String,
    sha256: String,
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => format!("{}", d.as_f64()),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A cell's figure in the sheet's unit: a number through its shortest decimal text, or
/// text with a money unit (`9.1亿元`) converted to the sheet's unit.
fn figure(d: &Data, unit: MoneyUnit) -> Option<Decimal> {
    match d {
        Data::Int(i) => Some(Decimal::from(*i)),
        Data::Float(f) => format!("{f}").parse().ok(),
        Data::String(s) => {
            let q = Quantity::parse(s);
            match q.unit {
                Unit::Money(_) | Unit::Bare => Some(q.yuan(unit)? / unit.factor()),
                _ => None,
            }
        }
        _ => None,
    }
}

fn same_formula(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.trim_start_matches('=')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase()
    };
    norm(a) == norm(b)
}

fn read_meta<RS: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Sheets<RS>,
) -> Result<Vec<Meta>, String> {
    let range = wb
        .worksheet_range(META_SHEET)
        .map_err(|_| crate::t!("xchg-not-an-export"))?;
    if range.get_value((0, 0)).map(text).as_deref() != Some("planc export") {
        return Err(crate::t!("xchg-not-an-export"));
    }
    let mut out = Vec::new();
    let mut r = META_FIRST_ROW;
    loop {
        let get = |c: u32| range.get_value((r, c)).map(text).unwrap_or_default();
        let sheet = get(0);
        if sheet.is_empty() {
            break;
        }
        out.push(Meta {
            row: r,
            sheet,
            plan: get(1),
            target: get(2),
            path: get(3),
            sha256: get(4),
        });
        r += 1;
    }
    Ok(out)
}

/// Reads an exported workbook back into edits of the plans it names.
pub fn read(bytes: &[u8], plans: &PlanSource, config: &Config) -> Imported {
    let mut out = Imported::default();
    let limit = crate::source::max_file_bytes().saturating_mul(4);
    let opened = crate::actuals::workbook::check_unpacked(bytes, limit)
        .and_then(|()| {
            calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
                .map_err(|e| e.to_string())
        })
        .and_then(|mut w| {
            crate::actuals::workbook::check_cells(&mut w, &crate::actuals::workbook::SHEET_LIMITS)
                .map(|()| w)
        });
    let mut wb = match opened {
        Ok(w) => w,
        Err(e) => {
            out.refusals.push(crate::t!("xchg-unreadable", reason = e));
            return out;
        }
    };
    let metas = match read_meta(&mut wb) {
        Ok(m) => m,
        Err(e) => {
            out.refusals.push(e);
            return out;
        }
    };
    let known: Vec<&str> = metas.iter().map(|m| m.sheet.as_str()).collect();
    for name in wb.sheet_names() {
        if name != META_SHEET && !known.contains(&name.as_str()) {
            out.refusals
                .push(crate::t!("xchg-unknown-sheet", sheet = name.as_str()));
        }
    }
    // Plans in the order the export listed them.
    let mut order: Vec<String> = Vec::new();
    let mut by_path: HashMap<String, Vec<&Meta>> = HashMap::new();
    for m in &metas {
        if !by_path.contains_key(&m.path) {
            order.push(m.path.clone());
        }
        by_path.entry(m.path.clone()).or_default().push(m);
    }
    for path in order {
        let group = &by_path[&path];
        let first = group[0];
        let hash_cell = format!("{META_SHEET}!{}", cell_name(first.row, 4));
        let bytes = match plans(&path) {
            Ok(b) => b,
            Err(e) => {
                out.refusals.push(crate::t!(
                    "xchg-plan-unreadable",
                    path = path.as_str(),
                    cell = hash_cell.as_str(),
                    reason = e
                ));
                continue;
            }
        };
        if crate::source::sha256_hex(&bytes) != first.sha256 {
            out.refusals.push(crate::t!(
                "xchg-plan-changed",
                path = path.as_str(),
                cell = hash_cell.as_str()
            ));
            continue;
        }
        let checked = crate::load::check_full(Path::new(&path), bytes, config, false);
        let (Some(plan), Some(source)) = (&checked.plan, &checked.source) else {
            out.refusals.push(crate::t!(
                "xchg-plan-unreadable",
                path = path.as_str(),
                cell = hash_cell.as_str(),
                reason = crate::t!("xchg-not-a-plan")
            ));
            continue;
        };
        if plan.id.value != first.plan {
            out.refusals.push(crate::t!(
                "xchg-plan-id",
                path = path.as_str(),
                cell = hash_cell.as_str(),
                id = first.plan.as_str()
            ));
            continue;
        }
        let mut edits: Vec<Edit> = Vec::new();
        let mut changes = Vec::new();
        for m in group {
            let Some(t) = plan.targets.iter().find(|t| t.id.value == m.target) else {
                out.refusals
                    .push(crate::t!("xchg-unknown-sheet", sheet = m.sheet.as_str()));
                continue;
            };
            let expected =
                crate::i18n::scope(checked.lang, || super::sheet(plan, t, m.sheet.clone()));
            compare(
                &mut wb,
                &expected,
                plan,
                source,
                &mut edits,
                &mut changes,
                &mut out.refusals,
            );
        }
        let refs: Vec<&Edit> = edits.iter().collect();
        let edited = crate::fix::apply_edits(&source.text, &refs);
        out.plans.push(PlanImport {
            path,
            original: source.text.clone(),
            edited,
            changes,
        });
    }
    out
}

/// Compares one sheet with its expected layout.
fn compare<RS: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Sheets<RS>,
    expected: &super::Sheet,
    plan: &crate::model::Plan,
    source: &crate::source::SourceFile,
    edits: &mut Vec<Edit>,
    changes: &mut Vec<Change>,
    refusals: &mut Vec<String>,
) {
    let name = expected.name.as_str();
    let at = |r: u32, c: u16| format!("{name}!{}", cell_name(r, c));
    let Ok(values) = wb.worksheet_range(name) else {
        refusals.push(crate::t!("xchg-missing-sheet", sheet = name));
        return;
    };
    let formulas = wb.worksheet_formula(name).unwrap_or_default();
    let mut actual: BTreeMap<(u32, u16), Data> = BTreeMap::new();
    let (r0, c0) = values.start().unwrap_or((0, 0));
    for (r, c, d) in values.used_cells() {
        if !matches!(d, Data::Empty) {
            actual.insert((r as u32 + r0, (c as u32 + c0) as u16), d.clone());
        }
    }
    let mut formula_at: BTreeMap<(u32, u16), String> = BTreeMap::new();
    let (f0, g0) = formulas.start().unwrap_or((0, 0));
    for (r, c, f) in formulas.used_cells() {
        if !f.is_empty() {
            formula_at.insert((r as u32 + f0, (c as u32 + g0) as u16), f.clone());
        }
    }
    let unit = expected.unit;
    let mut seen = std::collections::HashSet::new();
    // Each row's period inputs as read back, for the year cells that sum them.
    let mut row_sum: HashMap<u32, Decimal> = HashMap::new();
    let mut sums: Vec<(u32, u16, &Decimal, &super::ItemPath, &String)> = Vec::new();
    for (r, c, cell) in &expected.cells {
        seen.insert((*r, *c));
        let got = actual.get(&(*r, *c)).cloned().unwrap_or(Data::Empty);
        let typed_formula = formula_at.get(&(*r, *c));
        match cell {
            Cell::Label(t) => {
                if typed_formula.is_some() || text(&got).trim() != t.trim() {
                    refusals.push(crate::t!(
                        "xchg-locked-changed",
                        cell = at(*r, *c),
                        old = t.as_str(),
                        new = shown(&got, typed_formula)
                    ));
                }
            }
            Cell::Number(v) => {
                if typed_formula.is_some() || figure(&got, unit) != Some(*v) {
                    refusals.push(crate::t!(
                        "xchg-locked-changed",
                        cell = at(*r, *c),
                        old = v.normalize().to_string(),
                        new = shown(&got, typed_formula)
                    ));
                }
            }
            Cell::Sum {
                text: f,
                value,
                path,
                label,
                ..
            } => {
                if !typed_formula.is_some_and(|g| same_formula(g, f)) {
                    refusals.push(crate::t!(
                        "xchg-formula-changed",
                        cell = at(*r, *c),
                        old = format!("={f}"),
                        new = shown(&got, typed_formula)
                    ));
                } else {
                    sums.push((*r, *c, value, path, label));
                }
            }
            Cell::Formula { text: f, .. } => {
                if !typed_formula.is_some_and(|g| same_formula(g, f)) {
                    refusals.push(crate::t!(
                        "xchg-formula-changed",
                        cell = at(*r, *c),
                        old = format!("={f}"),
                        new = shown(&got, typed_formula)
                    ));
                }
            }
            Cell::Input { value, path, label } => {
                if typed_formula.is_some() {
                    refusals.push(crate::t!(
                        "xchg-input-formula",
                        cell = at(*r, *c),
                        new = shown(&got, typed_formula)
                    ));
                    continue;
                }
                let Some(new) = figure(&got, unit) else {
                    refusals.push(crate::t!(
                        "xchg-input-not-a-number",
                        cell = at(*r, *c),
                        new = text(&got)
                    ));
                    continue;
                };
                if *c > super::FIGURE_COL + 1 {
                    *row_sum.entry(*r).or_default() += new;
                }
                if new != *value {
                    let cell = Target {
                        cell: at(*r, *c),
                        label,
                        path,
                    };
                    write_back(plan, source, unit, &cell, new, edits, changes, refusals);
                }
            }
        }
    }
    for (r, c, value, path, label) in sums {
        let new = row_sum.get(&r).copied().unwrap_or_default();
        if new != *value {
            let cell = Target {
                cell: at(r, c),
                label,
                path,
            };
            write_back(plan, source, unit, &cell, new, edits, changes, refusals);
        }
    }
    let extra = actual
        .keys()
        .chain(formula_at.keys())
        .filter(|k| !seen.contains(k))
        .collect::<std::collections::BTreeSet<_>>();
    for (r, c) in extra {
        let got = actual.get(&(*r, *c)).cloned().unwrap_or(Data::Empty);
        refusals.push(crate::t!(
            "xchg-outside",
            cell = at(*r, *c),
            new = shown(&got, formula_at.get(&(*r, *c)))
        ));
    }
}

/// The cell a value is read from, and the item it writes back to.
struct Target<'a> {
    cell: String,
    label: &'a String,
    path: &'a super::ItemPath,
}

/// The edit writing `new` (in the sheet's unit) into the item's value, in the unit the
/// plan wrote it with.
#[allow(clippy::too_many_arguments)]
fn write_back(
    plan: &crate::model::Plan,
    source: &crate::source::SourceFile,
    unit: MoneyUnit,
    t: &Target,
    new: Decimal,
    edits: &mut Vec<Edit>,
    changes: &mut Vec<Change>,
    refusals: &mut Vec<String>,
) {
    let Some(item) = find_item(plan, t.path) else {
        refusals.push(crate::t!("xchg-item-gone", cell = t.cell.as_str()));
        return;
    };
    let written = crate::allocate::format_value(new * unit.factor(), item, item, unit);
    match crate::diagnostics::edit::scalar_edit(source, item.span, &written) {
        Some(e) => {
            edits.push(e);
            changes.push(Change {
                cell: t.cell.clone(),
                label: t.label.clone(),
                old: item.raw.trim().to_owned(),
                new: written,
            });
        }
        None => refusals.push(crate::t!("xchg-item-gone", cell = t.cell.as_str())),
    }
}

fn shown(d: &Data, formula: Option<&String>) -> String {
    match formula {
        Some(f) => format!("={}", f.trim_start_matches('=')),
        None if matches!(d, Data::Empty) => crate::t!("xchg-empty"),
        None => text(d),
    }
}
