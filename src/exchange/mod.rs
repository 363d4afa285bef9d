//! Excel out and back (下发/回收): a plan's targets as workbook sheets regional managers
//! and finance work in, and the edited cells read back into the plans as text edits.
//!
//! - this file: the layout of a target's sheet, computed from the typed plan alone, so
//!   export writes it and import regenerates it to know what every cell should hold;
//! - [`export`]: the workbook (rust_xlsxwriter): live formulas, the plan's unit,
//!   frozen headers, only input cells unlocked, a hidden `planc` sheet with each plan's
//!   id, path and SHA-256;
//! - [`import`]: the workbook read back (calamine) into edits, refusing — naming the
//!   cell — a plan changed since the export, a locked or formula cell changed, an edit
//!   outside the plan's cells.
//!
//! Architecture invariant: figures cross the workbook boundary as f64 only because XLSX
//! stores numbers so; they are written from and read back through their shortest
//! decimal text, never computed on as f64. Nothing here prints; the CLI reads and writes.

pub mod export;
pub mod import;
#[cfg(test)]
mod props;

use rust_decimal::Decimal;

use crate::allocate::season::months_of;
use crate::model::{Breakdown, BreakdownItem, MoneyUnit, Plan, Quantity, Sp, Target};

/// The hidden sheet naming the exported plans.
pub const META_SHEET: &str = "planc";
/// First row of the hidden sheet's table (after its header).
pub const META_FIRST_ROW: u32 = 2;
/// Row of the column headers of a target sheet; the target's row is below it.
pub const HEADER_ROW: u32 = 3;
/// Columns before the figures: dimension, item, name.
pub const FIGURE_COL: u16 = 3;

/// Where a value lives in the plan: the target, then `(dimension, ref)` down to the item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemPath {
    pub target: String,
    pub steps: Vec<(String, String)>,
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, locked.
    Label(String),
    /// A figure in the sheet's unit, locked.
    Number(Decimal),
    /// A figure in the sheet's unit that may be edited; it writes back to the item.
    Input {
        value: Decimal,
        path: ItemPath,
        label: String,
    },
    /// A live formula (without `=`), locked, shown as a money figure or a share.
    Formula {
        text: String,
        share: bool,
        /// The value it computes from the plan's figures, stored as the formula's cached
        /// result so a client that does not recalculate on opening shows it too.
        result: Option<Decimal>,
    },
    /// An item's year as the live sum of its row's period inputs: locked, and on import
    /// the item's value becomes the sum of the periods read back.
    Sum {
        text: String,
        value: Decimal,
        path: ItemPath,
        label: String,
        result: Decimal,
    },
}

/// One target's sheet.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub name: String,
    pub plan_id: String,
    pub target_id: String,
    pub unit: MoneyUnit,
    /// Headers of the period columns after 全年 and 占比.
    pub periods: Vec<String>,
    /// `(row, column, cell)`, 0-based.
    pub cells: Vec<(u32, u16, Cell)>,
}

fn is_period(b: &Breakdown) -> bool {
    matches!(
        crate::model::dimension::canonical(&b.dimension),
        "quarter" | "month"
    )
}

/// The period columns a target's sheet needs: Q1–Q4 when a quarter split appears (of the
/// target or of an item at any level the sheet shows), 1–12 when a month split does.
fn period_columns(t: &Target) -> (bool, bool) {
    fn see(bs: &[Breakdown], qm: &mut (bool, bool)) {
        for b in bs {
            if !is_period(b) {
                for i in &b.items {
                    see(&i.breakdowns, qm);
                }
            } else if crate::model::dimension::canonical(&b.dimension) == "quarter" {
                qm.0 = true;
            } else {
                qm.1 = true;
            }
        }
    }
    let mut qm = (false, false);
    see(&t.breakdowns, &mut qm);
    qm
}

/// The figure of a quantity in the sheet's unit, if it is money.
fn in_unit(q: &Quantity, plan_unit: MoneyUnit) -> Option<Decimal> {
    Some(q.yuan(plan_unit)? / plan_unit.factor())
}

/// Excel's column letters for a 0-based column.
pub fn col_name(col: u16) -> String {
    let mut s = String::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

/// `D5` for a 0-based cell.
pub fn cell_name(row: u32, col: u16) -> String {
    format!("{}{}", col_name(col), row + 1)
}

struct Builder {
    unit: MoneyUnit,
    cols: Vec<(String, Vec<u32>)>,
    cells: Vec<(u32, u16, Cell)>,
}

impl Builder {
    /// The figure a cell already placed shows (an input, a number, a formula's result).
    fn value(&self, r: u32, c: u16) -> Option<Decimal> {
        self.cells
            .iter()
            .find(|(rr, cc, _)| *rr == r && *cc == c)
            .and_then(|(_, _, cell)| match cell {
                Cell::Input { value, .. } | Cell::Number(value) => Some(*value),
                Cell::Sum { result, .. } => Some(*result),
                Cell::Formula { result, .. } => *result,
                Cell::Label(_) => None,
            })
    }
    fn formula(&mut self, r: u32, c: u16, text: String, share: bool, result: Option<Decimal>) {
        self.cells.push((
            r,
            c,
            Cell::Formula {
                text,
                share,
                result,
            },
        ));
    }
    fn label(&mut self, r: u32, c: u16, s: impl Into<String>) {
        self.cells.push((r, c, Cell::Label(s.into())));
    }
    /// The value of `q` as an input writing back to `path`, or a locked label when it is
    /// not a money figure (a placeholder, a count: edited in the plan, not here).
    fn figure(&mut self, r: u32, c: u16, q: &Sp<Quantity>, path: ItemPath, label: String) {
        match in_unit(q, self.unit) {
            Some(value) => self.cells.push((r, c, Cell::Input { value, path, label })),
            None => self.label(r, c, q.raw.trim()),
        }
    }
    /// The period cells of a row: an item's (or the target's) quarter or month split.
    fn periods(&mut self, r: u32, breakdowns: &[Breakdown], path: &ItemPath, name: &str) -> bool {
        let mut any = false;
        for b in breakdowns.iter().filter(|b| is_period(b)) {
            for item in &b.items {
                let Some(months) = months_of(&item.key) else {
                    continue;
                };
                let Some(k) = self.cols.iter().position(|(_, m)| *m == months) else {
                    continue;
                };
                let mut p = path.clone();
                p.steps
                    .push((b.dimension.value.clone(), item.key.value.clone()));
                let label = format!("{name} {}", self.cols[k].0);
                self.figure(r, FIGURE_COL + 2 + k as u16, &item.value, p, label);
                any = true;
            }
        }
        any
    }
}

/// A dimension as the workbook's language names it (the reports' `dim.*` labels:
/// 产品, 区域类别; product, region group), or as the plan writes it when planc has no
/// label for it.
fn dimension_label(labels: Option<&crate::render::labels::Labels>, dim: &str) -> String {
    labels
        .and_then(|l| l.opt(&format!("dim.{}", crate::model::dimension::canonical(dim))))
        .map(str::to_owned)
        .unwrap_or_else(|| dim.trim().to_owned())
}

fn item_name<'a>(plan: &'a Plan, i: &'a BreakdownItem) -> &'a str {
    if let Some(n) = &i.name {
        return n;
    }
    let id = i.key.as_str();
    plan.regions
        .iter()
        .find(|r| r.id.value == id)
        .map(|r| r.name.as_str())
        .or_else(|| {
            plan.products
                .iter()
                .find(|p| p.id.value == id)
                .map(|p| p.name.as_str())
        })
        .unwrap_or(id)
}

/// The sheet of one target. `name` is the sheet's (unique, ≤ 31 characters).
pub fn sheet(plan: &Plan, t: &Target, name: String) -> Sheet {
    let zh = plan.lang.is_none_or(|l| l == crate::model::Lang::Zh);
    let lang = if zh {
        crate::model::Lang::Zh
    } else {
        crate::model::Lang::En
    };
    // The built-in catalogue always loads; were it not to, the ids show.
    let labels = crate::render::labels::Labels::load(lang, None).ok();
    let unit = plan.money_unit();
    let (q, m) = period_columns(t);
    let mut cols: Vec<(String, Vec<u32>)> = Vec::new();
    if q {
        for k in 1..=4u32 {
            cols.push((format!("Q{k}"), ((k - 1) * 3 + 1..=k * 3).collect()));
        }
    }
    if m {
        for k in 1..=12u32 {
            let label = if zh {
                format!("{k}月")
            } else {
                format!("M{k:02}")
            };
            cols.push((label, vec![k]));
        }
    }
    let mut b = Builder {
        unit,
        cols,
        cells: Vec::new(),
    };
    let w = |zh_text: &str, en: &str| {
        if zh {
            zh_text.to_owned()
        } else {
            en.to_owned()
        }
    };
    b.label(
        0,
        0,
        format!("{} · {}（{}）", plan.title, t.name, t.id.value),
    );
    b.label(
        1,
        0,
        if zh {
            format!("单位：{unit} · 只有白色单元格可填写；合计、占比与差额是公式 · planc 导出")
        } else {
            format!("Unit: {unit} · only the white cells take input; totals, shares and gaps are formulas · exported by planc")
        },
    );
    let h = HEADER_ROW;
    let headers = [
        w("维度", "dimension"),
        w("项目", "item"),
        w("名称", "name"),
        w(&format!("全年（{unit}）"), &format!("year ({unit})")),
        w("占比", "share"),
    ];
    for (c, text) in headers.into_iter().enumerate() {
        b.label(h, c as u16, text);
    }
    let period_labels: Vec<String> = b.cols.iter().map(|(l, _)| l.clone()).collect();
    for (k, l) in period_labels.iter().enumerate() {
        b.label(h, FIGURE_COL + 2 + k as u16, l.clone());
    }
    let last_col = FIGURE_COL + 1 + b.cols.len() as u16;
    // The target's row: its value is set from above (locked); its period split is input.
    let tr = h + 1;
    let root = ItemPath {
        target: t.id.value.clone(),
        steps: Vec::new(),
    };
    b.label(tr, 0, w("目标", "target"));
    b.label(tr, 1, t.id.value.clone());
    b.label(tr, 2, t.name.clone());
    let target_value = in_unit(&t.value, unit);
    match target_value {
        Some(v) => b.cells.push((tr, FIGURE_COL, Cell::Number(v))),
        None => b.label(tr, FIGURE_COL, t.value.raw.trim()),
    }
    let total_ref = format!("${}${}", col_name(FIGURE_COL), tr + 1);
    b.periods(tr, &t.breakdowns, &root, &t.name);
    let mut r = tr + 2;
    let ctx = Block {
        plan,
        zh,
        last_col,
        labels: labels.as_ref(),
    };
    for bd in t.breakdowns.iter().filter(|b| !is_period(b)) {
        let whole = Whole {
            path: &root,
            cell: total_ref.clone(),
            value: target_value,
            dim_label: dimension_label(labels.as_ref(), &bd.dimension.value),
            gap_label: w("与目标差额", "gap to target"),
        };
        r = ctx.write(&mut b, bd, &whole, r);
    }
    Sheet {
        name,
        plan_id: plan.id.value.clone(),
        target_id: t.id.value.clone(),
        unit,
        periods: period_labels,
        cells: b.cells,
    }
}

/// What a block of items splits: the target or an item above (its path, its cell, its
/// figure) and how the block's rows name it.
struct Whole<'a> {
    path: &'a ItemPath,
    cell: String,
    value: Option<Decimal>,
    dim_label: String,
    gap_label: String,
}

/// The rows of the breakdowns below the target, each level under the one it splits.
struct Block<'a> {
    plan: &'a Plan,
    zh: bool,
    last_col: u16,
    labels: Option<&'a crate::render::labels::Labels>,
}

impl Block<'_> {
    /// One breakdown's items, its 合计 and 差额 rows, then (below them) the breakdowns
    /// of each of its items; returns the next free row.
    fn write(&self, b: &mut Builder, bd: &Breakdown, whole: &Whole, mut r: u32) -> u32 {
        let (plan, zh, last_col) = (self.plan, self.zh, self.last_col);
        let first = r;
        let mut below: Vec<(u32, ItemPath, String, &BreakdownItem)> = Vec::new();
        for item in &bd.items {
            let mut path = whole.path.clone();
            path.steps
                .push((bd.dimension.value.clone(), item.key.value.clone()));
            let name = item_name(plan, item).to_owned();
            b.label(r, 0, whole.dim_label.clone());
            b.label(r, 1, item.key.value.clone());
            b.label(r, 2, name.clone());
            let split = b.periods(r, &item.breakdowns, &path, &name);
            if split && item.breakdowns.iter().any(|x| is_period(x) && !x.partial) {
                // The year is the sum of its periods when they are written here.
                let text = format!(
                    "SUM({}{row}:{}{row})",
                    col_name(FIGURE_COL + 2),
                    col_name(last_col),
                    row = r + 1
                );
                let result: Decimal = (FIGURE_COL + 2..=last_col)
                    .filter_map(|c| b.value(r, c))
                    .sum();
                match in_unit(&item.value, b.unit) {
                    Some(value) => b.cells.push((
                        r,
                        FIGURE_COL,
                        Cell::Sum {
                            text,
                            value,
                            path: path.clone(),
                            label: format!("{name} {}", headers_year(zh)),
                            result,
                        },
                    )),
                    None => b.formula(r, FIGURE_COL, text, false, Some(result)),
                }
            } else {
                b.figure(
                    r,
                    FIGURE_COL,
                    &item.value,
                    path.clone(),
                    format!("{name} {}", headers_year(zh)),
                );
            }
            let share = format!(
                "IF({total}=0,0,{}{}/{total})",
                col_name(FIGURE_COL),
                r + 1,
                total = whole.cell
            );
            let result = match (b.value(r, FIGURE_COL), whole.value) {
                (Some(v), Some(t)) if !t.is_zero() => v.checked_div(t),
                _ => None,
            };
            b.formula(r, FIGURE_COL + 1, share, true, result);
            below.push((r, path, name, item));
            r += 1;
        }
        if bd.items.is_empty() {
            return r;
        }
        // 合计 and 差额 rows: live formulas over the block.
        b.label(r, 0, whole.dim_label.clone());
        b.label(r, 2, if zh { "合计" } else { "total" });
        for c in FIGURE_COL..=last_col {
            // A period column none of the block's items splits into has no total: a
            // row of zeros would read as a split that adds up to nothing.
            let used =
                (first..r).any(|row| b.cells.iter().any(|(rr, cc, _)| *rr == row && *cc == c));
            if c > FIGURE_COL + 1 && !used {
                continue;
            }
            let col = col_name(c);
            let text = format!("SUM({col}{}:{col}{})", first + 1, r);
            let result = (first..r).filter_map(|row| b.value(row, c)).sum();
            b.formula(r, c, text, c == FIGURE_COL + 1, Some(result));
        }
        b.label(r + 1, 2, whole.gap_label.clone());
        let text = format!("{}-{}{}", whole.cell, col_name(FIGURE_COL), r + 1);
        let gap = whole.value.zip(b.value(r, FIGURE_COL)).map(|(t, s)| t - s);
        b.formula(r + 1, FIGURE_COL, text, false, gap);
        r += 3;
        // The next level: each item's own breakdowns, split from the item's cell.
        for (row, path, name, item) in below {
            for nb in item.breakdowns.iter().filter(|x| !is_period(x)) {
                let whole = Whole {
                    path: &path,
                    cell: format!("${}${}", col_name(FIGURE_COL), row + 1),
                    value: b.value(row, FIGURE_COL),
                    dim_label: format!(
                        "{name} › {}",
                        dimension_label(self.labels, &nb.dimension.value)
                    ),
                    gap_label: if zh {
                        format!("与{name}差额")
                    } else {
                        format!("gap to {name}")
                    },
                };
                r = self.write(b, nb, &whole, r);
            }
        }
        r
    }
}

fn headers_year(zh: bool) -> &'static str {
    if zh {
        "全年"
    } else {
        "year"
    }
}

/// A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`), unique in `taken`.
pub fn sheet_name(plan_id: &str, target_id: &str, taken: &[String]) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if "[]:*?/\\'".contains(c) { '_' } else { c })
            .collect()
    };
    let base: String = format!("{}·{}", clean(plan_id), clean(target_id))
        .chars()
        .take(28)
        .collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base}~{n}");
        n += 1;
    }
    name
}

/// Every sheet of a plan, one per target with a money value.
pub fn sheets(plan: &Plan, taken: &mut Vec<String>) -> Vec<Sheet> {
    let mut out = Vec::new();
    for t in &plan.targets {
        if t.value.money_unit(plan.money_unit()).is_none() {
            continue;
        }
        let name = sheet_name(&plan.id, &t.id, taken);
        taken.push(name.clone());
        out.push(sheet(plan, t, name));
    }
    out
}

/// The item an [`ItemPath`] names, if the plan still has it.
pub fn find_item<'a>(plan: &'a Plan, path: &ItemPath) -> Option<&'a Sp<Quantity>> {
    let t = plan.targets.iter().find(|t| t.id.value == path.target)?;
    let mut value = &t.value;
    let mut breakdowns = &t.breakdowns;
    for (dim, key) in &path.steps {
        let item = breakdowns
            .iter()
            .filter(|b| b.dimension.value == *dim)
            .find_map(|b| b.items.iter().find(|i| i.key.value == *key))?;
        value = &item.value;
        breakdowns = &item.breakdowns;
    }
    Some(value)
}
