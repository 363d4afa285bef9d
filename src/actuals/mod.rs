//! Actuals: what was achieved, read from `*.actuals.yaml`, CSV or XLSX.
//!
//! Two layouts are read, in CSV and XLSX alike (YAML is always long):
//! - the **long layout** that sales systems export — one row per metric × dimension
//!   item × period, with a unit: `metric, dimension, item, period, value, unit, last_year`
//!   (or `指标, 维度, 项目, 期间, 实际, 单位, 同期`);
//! - the **wide layout** of an Excel report — one row per item, one column per month or
//!   quarter: `省份, 1月, 2月, …, 12月, 合计` or `项目, Q1, Q2, Q3, Q4`. See the `wide`
//!   module for its rules: which column names the row, what a `合计` column means.
//!
//! A title row above the header (one filled cell, such as `2026年各省销售额（单位：万元）`)
//! is skipped; a `单位：万元` in it sets the money unit of bare amounts, like `unit:` in
//! YAML.
//!
//! Pipeline: [`load_path`] reads a file into [`Row`]s with spans (CSV and workbooks get a
//! [`SourceFile`] of their own text, so findings point at cells like they point at YAML
//! values); [`join::join`] resolves every row against the plan (targets, KPIs,
//! breakdowns, periods, units) into exact facts; `crate::review` computes from those.
//!
//! Architecture invariants: loading never fails — it returns the rows it could read and
//! a finding for each one it could not; no figure passes through f64 arithmetic (a
//! workbook's numbers are taken through their shortest round-trip decimal text).

mod checks;
pub mod codes;
mod detail;
pub mod join;
pub mod period;
mod resolve;
mod table;
mod target;
pub mod template;
mod wide;
pub(crate) mod workbook;
mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::{FileReport, Finding};
use crate::model::{DateValue, Sp};
use crate::rules::builtin;
use crate::source::{display_path, SourceFile, Span};

pub use yaml::{schema, schema_pretty};

/// The three forms actuals come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Csv,
    Xlsx,
}

impl Format {
    /// The format of a path, by its extension: YAML, a workbook, or else delimited text
    /// (`.csv`, `.tsv`, `.txt`, and whatever [`is_actuals_file`] let through).
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("yaml" | "yml") => Format::Yaml,
            Some("xlsx" | "xlsm" | "xls") => Format::Xlsx,
            _ => Format::Csv,
        }
    }
}

/// Is this an actuals file name (`*.actuals.yaml`, `*.actuals.csv`, `*.actuals.xlsx`)?
pub fn is_actuals_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.to_ascii_lowercase())
        .is_some_and(|n| {
            [
                ".actuals.yaml",
                ".actuals.yml",
                ".actuals.csv",
                ".actuals.xlsx",
                ".actuals.xls",
            ]
            .iter()
            .any(|ext| n.ends_with(ext))
        })
}

/// A field of an actuals row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Metric,
    Dimension,
    Item,
    Period,
    Value,
    Unit,
    LastYear,
    /// The target finance's export states beside the actual (目标 / 计划), checked
    /// against the plan's figure, never read as one.
    Target,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Metric,
        Field::Dimension,
        Field::Item,
        Field::Period,
        Field::Value,
        Field::Unit,
        Field::LastYear,
        Field::Target,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Field::Metric => "metric",
            Field::Dimension => "dimension",
            Field::Item => "item",
            Field::Period => "period",
            Field::Value => "value",
            Field::Unit => "unit",
            Field::LastYear => "last_year",
            Field::Target => "target_value",
        }
    }
    fn index(self) -> usize {
        self as usize
    }
}

/// One row of actuals, as written, with the span of each field.
#[derive(Clone, Debug)]
pub struct Row {
    pub metric: Sp<String>,
    pub dimension: Option<Sp<String>>,
    pub item: Option<Sp<String>>,
    pub period: Sp<String>,
    /// The value as written, possibly with a unit (`9.35亿元`, `93500`).
    pub value: Sp<String>,
    pub unit: Option<Sp<String>>,
    /// Last year's actual for the same cell and period, for growth.
    pub last_year: Option<Sp<String>>,
    /// The target the export states for the same cell and period (目标), if any.
    pub target: Option<Sp<String>>,
    /// 1-based: the CSV line, the sheet row, or the position in the YAML `rows` list.
    pub number: usize,
    /// In a workbook: the 0-based (row, column) of each field's cell, for messages.
    pub cells: Option<[Option<(u32, u32)>; 8]>,
    /// Wide layout without a `metric` column, items of a dimension: the metric is the
    /// plan's one target broken down by this dimension (`metric` is then empty). The span
    /// is the column's header.
    pub implied_by: Option<Sp<String>>,
    /// Wide layout without a `metric` column: the header of the column the metric was
    /// read from (`项目`), for the help when it holds items instead.
    pub metric_from: Option<String>,
    /// In a workbook: which of the file's `sheets` the row is on.
    pub sheet: u16,
}

impl Row {
    /// A figure of the row as the user reads it: its text, with the unit of the row's
    /// unit column when the text has none (`85200万元`, not a bare `85200`).
    pub fn written(&self, text: &Sp<String>) -> String {
        let v = text.value.trim();
        match &self.unit {
            Some(u) if v.ends_with(|c: char| c.is_ascii_digit()) => {
                format!("{v}{}", u.value.trim())
            }
            _ => v.to_owned(),
        }
    }

    /// The span of a field, or of the whole row's first field when it is absent.
    pub fn span(&self, field: Field) -> Span {
        let s = match field {
            Field::Metric => Some(self.metric.span),
            Field::Dimension => self.dimension.as_ref().map(|d| d.span),
            Field::Item => self.item.as_ref().map(|d| d.span),
            Field::Period => Some(self.period.span),
            Field::Value => Some(self.value.span),
            Field::Unit => self.unit.as_ref().map(|d| d.span),
            Field::LastYear => self.last_year.as_ref().map(|d| d.span),
            Field::Target => self.target.as_ref().map(|d| d.span),
        };
        s.unwrap_or(self.metric.span)
    }
}

/// One actuals file: what could be read, and what could not.
#[derive(Clone, Debug)]
pub struct ActualsFile {
    pub path: PathBuf,
    pub format: Format,
    /// The text findings point into: the file itself, or for a workbook a listing of
    /// the sheet with one line per sheet row (so line numbers are row numbers).
    pub source: Option<Arc<SourceFile>>,
    /// The (first) sheet read, for workbooks.
    pub sheet: Option<String>,
    /// Every sheet read, for workbooks whose actuals span several sheets; a row's
    /// `sheet` indexes it.
    pub sheets: Vec<String>,
    /// `plan:` in YAML: the id of the plan the actuals belong to.
    pub plan: Option<Sp<String>>,
    /// `as_of:` in YAML: the date the figures run to.
    pub as_of: Option<Sp<DateValue>>,
    /// `unit:` in YAML, or `单位：万元` in a title row above a table's header: the money
    /// unit of bare amounts.
    pub unit: Option<Sp<String>>,
    /// `source:` in YAML: where the figures come from (shown in the report).
    pub origin: Option<String>,
    pub rows: Vec<Row>,
    pub findings: Vec<Finding>,
}

impl ActualsFile {
    fn empty(path: &Path, format: Format) -> ActualsFile {
        ActualsFile {
            path: path.to_path_buf(),
            format,
            source: None,
            sheet: None,
            sheets: Vec::new(),
            plan: None,
            as_of: None,
            unit: None,
            origin: None,
            rows: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// ` (Sheet1!C5)` for a field of a workbook row; empty for text files, whose spans say it.
    pub fn cell(&self, row: &Row, field: Field) -> String {
        let sheet = self
            .sheets
            .get(usize::from(row.sheet))
            .or(self.sheet.as_ref());
        let (Some(sheet), Some(cells)) = (sheet, &row.cells) else {
            return String::new();
        };
        let (r, c) = cells[field.index()]
            .or(cells[Field::Metric.index()])
            .unwrap_or((row.number.saturating_sub(1) as u32, 0));
        crate::t!("actuals-at-cell", cell = cell_ref(sheet, r, c))
    }

    /// The findings as a report for the emitters.
    pub fn into_report(self) -> FileReport {
        FileReport {
            path: self.path,
            source: self.source,
            findings: self.findings,
        }
    }
}

/// `Sheet1!C5` (0-based row and column in).
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    let mut letters = String::new();
    let mut n = col + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        letters.insert(0, (b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    let quoted = if sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        sheet.to_owned()
    } else {
        format!("'{sheet}'")
    };
    format!("{quoted}!{letters}{}", row + 1)
}

/// Reads an actuals file of any format. Never fails: problems come back as findings.
pub fn load_path(path: &Path) -> ActualsFile {
    let format = Format::of(path);
    match crate::source::read(path) {
        Ok(bytes) => load_bytes(path, &bytes),
        Err(e) => {
            let mut file = ActualsFile::empty(path, format);
            file.findings.push(Finding::new(
                &builtin::IO,
                Span::default(),
                crate::t!(
                    "io-cannot-read",
                    path = display_path(path),
                    reason = crate::source::io_reason(&e)
                ),
            ));
            file
        }
    }
}

/// Reads actuals from bytes; the format follows the file name's extension.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> ActualsFile {
    match Format::of(path) {
        Format::Yaml => yaml::load(path, bytes),
        // Only an `.xls` is sniffed: an `.xlsx` that is not a package is a broken
        // workbook, and calamine says so.
        Format::Xlsx if !is_xls(path) => workbook::load_xlsx(path, bytes),
        Format::Xlsx => match Workbook::sniff(bytes) {
            Workbook::Package => workbook::load_xlsx(path, bytes),
            // Some ERP systems save tab- or comma-separated text under an `.xls` name.
            Workbook::Text => {
                let mut file = table::load_csv(path, bytes);
                file.format = Format::Xlsx;
                file.findings.push(
                    Finding::new(&codes::FORMAT, Span::default(), {
                        crate::t!("actuals-xls-is-text", path = display_path(path))
                    })
                    .severity(crate::diagnostics::Severity::Warning),
                );
                file
            }
            Workbook::Html => {
                let mut file = ActualsFile::empty(path, Format::Xlsx);
                file.findings.push(
                    Finding::new(
                        &codes::FORMAT,
                        Span::default(),
                        crate::t!("actuals-xls-is-html", path = display_path(path)),
                    )
                    .help(crate::t!("actuals-xls-is-html-help")),
                );
                file
            }
        },
        Format::Csv => table::load_csv(path, bytes),
    }
}

fn is_xls(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xls"))
}

/// What a file with a workbook's name really is, by its first bytes.
#[derive(Debug, PartialEq, Eq)]
enum Workbook {
    /// A zip (XLSX) or an OLE compound file (XLS): calamine reads both, or says why not.
    Package,
    /// An HTML table saved with an `.xls` name.
    Html,
    /// Delimited text saved with an `.xls` name.
    Text,
}

impl Workbook {
    fn sniff(bytes: &[u8]) -> Workbook {
        let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if b.starts_with(b"PK") || b.starts_with(b"\xD0\xCF\x11\xE0") {
            return Workbook::Package;
        }
        let head: Vec<u8> = b
            .iter()
            .skip_while(|c| c.is_ascii_whitespace())
            .take(512)
            .map(u8::to_ascii_lowercase)
            .collect();
        let starts = |p: &[u8]| head.starts_with(p);
        if starts(b"<")
            && (head.windows(5).any(|w| w == b"<html")
                || head.windows(6).any(|w| w == b"<table")
                || starts(b"<!doctype")
                || starts(b"<?xml"))
        {
            return Workbook::Html;
        }
        let text = !b.is_empty() && !b.iter().take(4096).any(|&c| c == 0);
        if text {
            Workbook::Text
        } else {
            Workbook::Package
        }
    }
}

/// Decodes text, or reports the encoding like a plan would be.
fn decode(path: &Path, bytes: &[u8], file: &mut ActualsFile) -> Option<String> {
    match crate::source::decode::decode(bytes) {
        Ok(t) => Some(t),
        // Excel on Chinese Windows saves "CSV (逗号分隔)" in GB18030 (GBK). A file that is
        // not UTF-8 but decodes as GB18030 without a single replacement is read as such,
        // and the run says so; plans stay UTF-8 only.
        Err(e)
            if file.format == Format::Csv
                && e.looks_like != "UTF-16LE"
                && e.looks_like != "UTF-16BE" =>
        {
            let (text, _, malformed) = encoding_rs::GB18030.decode(bytes);
            if malformed {
                push_encoding(path, &e, file);
                return None;
            }
            file.findings.push(
                Finding::new(
                    &codes::FORMAT,
                    Span::default(),
                    crate::t!("actuals-read-as-gb18030", path = display_path(path)),
                )
                .severity(crate::diagnostics::Severity::Warning)
                .help(crate::t!("actuals-read-as-gb18030-help")),
            );
            Some(text.into_owned())
        }
        Err(e) => {
            push_encoding(path, &e, file);
            None
        }
    }
}

fn push_encoding(path: &Path, e: &crate::source::decode::DecodeError, file: &mut ActualsFile) {
    let help = format!(
        "{} {}",
        e.help()
            .replace("in.plan.yaml", display_path(path).as_str())
            .replace("out.plan.yaml", "out.csv"),
        crate::t!("actuals-read-as-gb18030-help")
    );
    file.findings.push(
        Finding::new(
            &builtin::ENCODING,
            Span::default(),
            crate::t!(
                "actuals-encoding",
                path = display_path(path),
                message = e.message()
            ),
        )
        .help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_workbook_name_holds() {
        assert_eq!(Workbook::sniff(b"PK\x03\x04rest"), Workbook::Package);
        assert_eq!(Workbook::sniff(b"\xD0\xCF\x11\xE0\xA1"), Workbook::Package);
        assert_eq!(Workbook::sniff(b"<html><table><tr>"), Workbook::Html);
        assert_eq!(Workbook::sniff(b"  <TABLE border=1>"), Workbook::Html);
        assert_eq!(
            Workbook::sniff(b"\xEF\xBB\xBF<!DOCTYPE html>"),
            Workbook::Html
        );
        assert_eq!(
            Workbook::sniff("指标\t期间\t实际\n".as_bytes()),
            Workbook::Text
        );
        assert_eq!(Workbook::sniff(b"a\x00b"), Workbook::Package);
        assert_eq!(Workbook::sniff(b""), Workbook::Package);
    }

    #[test]
    fn names_cells_like_excel() {
        assert_eq!(cell_ref("Sheet1", 0, 0), "Sheet1!A1");
        assert_eq!(cell_ref("实际", 4, 2), "实际!C5");
        assert_eq!(cell_ref("my data", 9, 27), "'my data'!AB10");
    }

    #[test]
    fn recognises_actuals_files() {
        assert!(is_actuals_file(Path::new("a/east.actuals.yaml")));
        assert!(is_actuals_file(Path::new("east.actuals.CSV")));
        assert!(is_actuals_file(Path::new("east.actuals.xlsx")));
        assert!(!is_actuals_file(Path::new("east.plan.yaml")));
        assert!(!is_actuals_file(Path::new("east.csv")));
    }
}
