//! CSV and XLSX actuals: a header row naming the columns, then, in the long layout, one
//! row per metric × dimension item × period (the wide layout is read by `super::wide`).
//!
//! Both become the same [`Row`]s with spans into a [`SourceFile`]: for CSV the file's own
//! text; for a workbook a listing of the sheet read, one line per sheet row, so a finding's
//! line is the sheet row and its label sits under the cell (the message names the cell,
//! `Sheet1!C5`, too).

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};

use super::{codes, ActualsFile, Field, Format, Row};
use crate::diagnostics::{Finding, Severity};
use crate::model::Sp;
use crate::source::{SourceFile, Span};
use crate::t;

/// Which field a header names, in English or Chinese.
/// A header with its unit in brackets (`销售额（万元）`, `一季度(元)`, `达成率(%)`): the name,
/// and the unit when the brackets hold one planc knows.
pub(super) fn strip_unit(text: &str) -> (&str, Option<&str>) {
    let t = text.trim();
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = t.strip_suffix(close) {
            if let Some(at) = inner.rfind(open) {
                let unit = inner[at + open.len_utf8()..].trim();
                let unit = unit
                    .strip_prefix("单位")
                    .map(|u| u.trim_start_matches(['：', ':', ' ']))
                    .unwrap_or(unit);
                let known = unit == "%" || crate::model::MoneyUnit::parse(unit).is_some();
                let name = inner[..at].trim();
                if known && !name.is_empty() {
                    return (name, Some(unit));
                }
            }
        }
    }
    (t, None)
}

pub(super) fn header_field(name: &str) -> Option<Field> {
    let name = strip_unit(name).0;
    let n: String = name
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect();
    Some(match n.as_str() {
        "metric" | "metricid" | "target" | "kpi" | "指标" | "指标id" | "指标编号" | "指标代码"
        | "指标名称" => Field::Metric,
        "dimension" | "dim" | "维度" | "分解维度" => Field::Dimension,
        "item" | "ref" | "项目" | "明细" | "维度值" | "对象" => Field::Item,
        "period" | "期间" | "周期" | "时间" | "月份" | "账期" | "年月" | "日期" | "月度" => {
            Field::Period
        }
        "value" | "actual" | "actuals" | "实际" | "实际值" | "实际完成" | "完成" | "完成值"
        | "数值" | "金额" | "销售额" | "实际销售额" | "销售金额" | "实际金额" | "完成额"
        | "实际完成额" => Field::Value,
        "unit" | "单位" => Field::Unit,
        "lastyear" | "ly" | "同期" | "上年同期" | "去年同期" | "上年" => {
            Field::LastYear
        }
        _ => return None,
    })
}

/// A cell as read: its text and where it is.
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) span: Span,
    /// 0-based (row, column) in a workbook.
    pub(super) at: Option<(u32, u32)>,
}

impl Cell {
    pub(super) fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// A record: its 1-based line (or sheet row) and its cells.
pub(super) type Record = (usize, Vec<Cell>);

/// Turns a header and records into rows, reporting what does not fit the layout.
fn rows_from_records(
    file: &mut ActualsFile,
    header: Vec<Cell>,
    header_line: usize,
    records: Vec<Record>,
) {
    if super::wide::is_wide(&header) {
        super::wide::rows(file, header, header_line, records);
        return;
    }
    // Finance's own long layout: no `metric` column, the items in columns named by their
    // dimension (省份, 医院, 代表 …), the period and the amount (月份, 销售额).
    let dims: Vec<(usize, &'static str)> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| header_field(&h.text).is_none())
        .filter_map(|(i, h)| super::wide::dimension_of(&h.text).map(|d| (i, d)))
        .collect();
    let named = |t: &str| super::wide::dimension_of(t).is_some();
    let columns = if dims.is_empty() {
        field_columns(file, &header, &|_| false)
    } else {
        field_columns(file, &header, &named)
    };
    let implied = !dims.is_empty()
        && [Field::Metric, Field::Dimension, Field::Item]
            .iter()
            .all(|f| columns[*f as usize].is_none())
        && columns[Field::Period as usize].is_some()
        && columns[Field::Value as usize].is_some();
    if implied {
        super::detail::rows(file, &header, records, columns, &dims);
        return;
    }
    long_rows(file, header, header_line, records, columns);
}

/// The column of each field a header names. Reports a field given twice, and a header
/// that looks like a misspelt field (unless `known` says it means something else).
pub(super) fn field_columns(
    file: &mut ActualsFile,
    header: &[Cell],
    known: &dyn Fn(&str) -> bool,
) -> [Option<usize>; 7] {
    let mut columns: [Option<usize>; 7] = [None; 7];
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        match header_field(&h.text) {
            Some(f) => {
                if let Some(first) = columns[f as usize] {
                    let first_span = header[first].span;
                    file.findings.push(
                        Finding::new(
                            &codes::FORMAT,
                            h.span,
                            t!("actuals-column-twice", field = f.name(), at = at(file, h)),
                        )
                        .label(t!("actuals-column-twice-label"))
                        .with(first_span, t!("actuals-column-twice-first"))
                        .help(t!("actuals-column-twice-help")),
                    );
                } else {
                    columns[f as usize] = Some(i);
                }
            }
            None if known(&h.text) => {}
            None => {
                let names = Field::ALL.map(|f| f.name());
                if let Some(s) = crate::suggest::did_you_mean(&h.text.trim().to_lowercase(), names)
                {
                    file.findings.push(
                        Finding::new(
                            &codes::FORMAT,
                            h.span,
                            t!(
                                "actuals-column-unread",
                                column = h.text.trim(),
                                at = at(file, h)
                            ),
                        )
                        .label(t!("actuals-column-unread-label"))
                        .help(t!("actuals-did-you-mean", suggestion = s))
                        .severity(Severity::Warning),
                    );
                }
            }
        }
    }
    columns
}

/// Reports a cell beyond the header's columns; true when the record has one.
pub(super) fn extra_cell(
    file: &mut ActualsFile,
    header_len: usize,
    line: usize,
    cells: &[Cell],
) -> bool {
    let Some(extra) = cells.iter().skip(header_len).find(|c| !c.is_empty()) else {
        return false;
    };
    file.findings.push(
        Finding::new(
            &codes::FORMAT,
            extra.span,
            t!("actuals-row-extra-cells", row = line, at = at(file, extra)),
        )
        .label(t!("actuals-row-extra-cells-label"))
        .help(t!("actuals-row-extra-cells-help")),
    );
    true
}

/// The long layout's rows.
fn long_rows(
    file: &mut ActualsFile,
    header: Vec<Cell>,
    header_line: usize,
    records: Vec<Record>,
    columns: [Option<usize>; 7],
) {
    let missing: Vec<&str> = [Field::Metric, Field::Period, Field::Value]
        .into_iter()
        .filter(|f| columns[*f as usize].is_none())
        .map(|f| f.name())
        .collect();
    if !missing.is_empty() {
        let span = match (header.first(), header.last()) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        };
        let found: Vec<&str> = header.iter().map(|h| h.text.trim()).collect();
        file.findings.push(
            Finding::new(
                &codes::FORMAT,
                span,
                t!(
                    "actuals-header-missing",
                    row = header_line,
                    columns = list(&missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>()),
                    count = missing.len()
                ),
            )
            .label(t!("actuals-header-found", columns = list(&found)))
            .help(t!("actuals-header-help")),
        );
        return;
    }
    for (line, cells) in records {
        if cells.iter().all(Cell::is_empty) || extra_cell(file, header.len(), line, &cells) {
            continue;
        }
        let get = |f: Field| -> Option<&Cell> {
            columns[f as usize]
                .and_then(|i| cells.get(i))
                .filter(|c| !c.text.trim().is_empty())
        };
        let sp = |c: &Cell| Sp::new(c.text.trim().to_owned(), c.span);
        let row_span = match (cells.first(), cells.last()) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        };
        let mut absent = Vec::new();
        for f in [Field::Metric, Field::Period, Field::Value] {
            if get(f).is_none() {
                absent.push(f.name());
            }
        }
        if !absent.is_empty() {
            let cell = cells.first().map(|c| at(file, c)).unwrap_or_default();
            file.findings.push(
                Finding::new(
                    &codes::FORMAT,
                    row_span,
                    t!(
                        "actuals-row-incomplete",
                        row = line,
                        fields = list(&absent),
                        at = cell
                    ),
                )
                .label(t!("actuals-row-incomplete-label")),
            );
            continue;
        }
        let (Some(metric), Some(period), Some(value)) =
            (get(Field::Metric), get(Field::Period), get(Field::Value))
        else {
            continue;
        };
        let mut cell_at = [None; 7];
        for f in Field::ALL {
            cell_at[f as usize] = columns[f as usize]
                .and_then(|i| cells.get(i))
                .and_then(|c| c.at);
        }
        file.rows.push(Row {
            metric: sp(metric),
            dimension: get(Field::Dimension).map(sp),
            item: get(Field::Item).map(sp),
            period: sp(period),
            value: sp(value),
            unit: get(Field::Unit).map(sp),
            last_year: get(Field::LastYear).map(sp),
            number: line,
            cells: file.sheet.is_some().then_some(cell_at),
            implied_by: None,
            metric_from: None,
            sheet: 0,
        });
    }
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

/// ` (Sheet1!C5)` for a workbook cell; empty for CSV, whose spans say where.
pub(super) fn at(file: &ActualsFile, cell: &Cell) -> String {
    match (&file.sheet, cell.at) {
        (Some(sheet), Some((r, c))) => t!("actuals-at-cell", cell = super::cell_ref(sheet, r, c)),
        _ => String::new(),
    }
}

/// Reads CSV (comma-, semicolon- or tab-separated, as the header line shows).
pub fn load_csv(path: &Path, bytes: &[u8]) -> ActualsFile {
    let mut file = ActualsFile::empty(path, Format::Csv);
    let Some(text) = super::decode(path, bytes, &mut file) else {
        return file;
    };
    let source = SourceFile::new(path, text);
    file.source = Some(source.clone());
    // The first line with a separator shows which it is (a title line may have none).
    let first_line = source
        .text
        .lines()
        .find(|l| l.bytes().any(|b| matches!(b, b',' | b';' | b'\t')))
        .unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let records = lex(&source.text, delimiter);
    let Some((header_line, header, records)) = split_header(&mut file, records) else {
        file.findings.push(
            Finding::new(
                &crate::rules::builtin::EMPTY_FILE,
                Span::default(),
                t!("actuals-no-rows"),
            )
            .help(t!("actuals-no-rows-help")),
        );
        return file;
    };
    rows_from_records(&mut file, header, header_line, records);
    file
}

/// Finds the header: the first row with two or more filled cells, skipping title rows
/// (one filled cell) above it; else the first filled row. A `单位：万元` in a title row
/// sets the money unit of the file's bare amounts.
fn split_header(
    file: &mut ActualsFile,
    mut records: Vec<Record>,
) -> Option<(usize, Vec<Cell>, Vec<Record>)> {
    let filled = |cells: &[Cell]| cells.iter().filter(|c| !c.is_empty()).count();
    // The header is the first row (of the first 30) that reads as one: title and note
    // rows above it may fill several cells (制表日期 in A2, 单位：万元 in F2). Without
    // one, the first row of two or more filled cells is taken (and its findings say
    // what it lacks).
    let texts = |cells: &[Cell]| cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
    let at = records
        .iter()
        .take(30)
        .position(|(_, c)| is_header(&texts(c)))
        .or_else(|| records.iter().position(|(_, c)| filled(c) >= 2))
        .or_else(|| records.iter().position(|(_, c)| filled(c) >= 1))?;
    for (_, cells) in &records[..at] {
        for c in cells {
            if let (None, Some(u)) = (&file.unit, title_unit(&c.text)) {
                file.unit = Some(Sp::new(u, c.span));
            }
        }
    }
    let rest = records.split_off(at + 1);
    let (line, header) = records.pop()?;
    // A unit in a header cell (`销售额（万元）`) is the file's money unit, like a title's.
    for c in &header {
        if let (None, (_, Some(u))) = (&file.unit, strip_unit(&c.text)) {
            if crate::model::MoneyUnit::parse(u).is_some() {
                file.unit = Some(Sp::new(u.to_owned(), c.span));
            }
        }
    }
    Some((line, header, rest))
}

/// The money unit a title names: `2026年销售额（单位：万元）` → `万元`.
fn title_unit(text: &str) -> Option<String> {
    let (_, after) = text.split_once("单位")?;
    let unit: String = after
        .trim_start_matches(|c: char| c == '：' || c == ':' || c.is_whitespace())
        .chars()
        .take_while(|c| !matches!(c, '）' | ')' | '，' | ',' | '；' | ';' | ' ' | '　'))
        .collect();
    crate::model::MoneyUnit::parse(&unit).map(|_| unit)
}

/// Does a row look like the header of either layout?
fn is_header(texts: &[String]) -> bool {
    let fields: Vec<Field> = texts.iter().filter_map(|t| header_field(t)).collect();
    let has = |f: Field| fields.contains(&f);
    (has(Field::Metric) && has(Field::Period) && has(Field::Value))
        || super::wide::looks_wide(texts)
        // Finance's long layout: items in a column named by its dimension (省份, 医院).
        || (has(Field::Period)
            && has(Field::Value)
            && texts.iter().any(|t| super::wide::dimension_of(t).is_some()))
}

/// Splits CSV text into records of cells with their spans (inside the quotes for quoted
/// cells) and the 1-based line each record starts on. RFC 4180: `""` inside quotes is `"`.
fn lex(text: &str, delimiter: u8) -> Vec<(usize, Vec<Cell>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < b.len() {
        let record_line = line;
        let mut cells = Vec::new();
        loop {
            // One cell.
            let cell = if i < b.len() && b[i] == b'"' {
                let start = i + 1;
                let mut j = start;
                let mut value = Vec::new();
                while j < b.len() {
                    if b[j] == b'"' {
                        if j + 1 < b.len() && b[j + 1] == b'"' {
                            value.push(b'"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if b[j] == b'\n' {
                        line += 1;
                    }
                    value.push(b[j]);
                    j += 1;
                }
                let end = j.min(b.len());
                i = (j + 1).min(b.len());
                // Anything between the closing quote and the delimiter is kept as text.
                while i < b.len() && b[i] != delimiter && b[i] != b'\n' && b[i] != b'\r' {
                    value.push(b[i]);
                    i += 1;
                }
                Cell {
                    text: String::from_utf8_lossy(&value).into_owned(),
                    span: Span::new(start, end),
                    at: None,
                }
            } else {
                let start = i;
                while i < b.len() && b[i] != delimiter && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                Cell {
                    text: text[start..i].to_owned(),
                    span: Span::new(start, i),
                    at: None,
                }
            };
            cells.push(cell);
            if i < b.len() && b[i] == delimiter {
                i += 1;
                continue;
            }
            break;
        }
        // End of record.
        if i < b.len() && b[i] == b'\r' {
            i += 1;
        }
        if i < b.len() && b[i] == b'\n' {
            i += 1;
            line += 1;
        }
        out.push((record_line, cells));
    }
    out
}

/// How many cells a workbook's sheets may hold, and how large the rectangle from their
/// first to their last cell may be (calamine allocates that rectangle): a workbook with
/// a million rows, or two cells at A1 and XFD1048576, is refused with a message instead
/// of taking the memory of the machine.
struct SheetLimits {
    /// Rows from the first cell's to the last cell's.
    rows: u32,
    cells: usize,
    /// Cells of the rectangle from the first cell to the last.
    area: u64,
}

const SHEET_LIMITS: SheetLimits = SheetLimits {
    rows: 500_000,
    cells: 5_000_000,
    area: 20_000_000,
};

/// Refuses a workbook that unpacks to more than `limit` bytes (four times the file-size
/// limit, `--max-file-mb`, in [`load_xlsx`]), counting the bytes actually inflated, not
/// the sizes the zip claims — a zip bomb is stopped after the limit, before calamine
/// reads anything.
fn check_unpacked(bytes: &[u8], limit: u64) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // not a zip: calamine says what it is not
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let left = limit.saturating_sub(total);
        let n = std::io::copy(
            &mut std::io::Read::take(entry, left.saturating_add(1)),
            &mut std::io::sink(),
        )
        .unwrap_or(0);
        total = total.saturating_add(n);
        if total > limit {
            return Err(t!(
                "actuals-workbook-unpacks-too-large",
                limit = (limit / (1024 * 1024)).to_string()
            ));
        }
    }
    Ok(())
}

/// Counts the cells of every sheet (streaming) before a sheet is read as a rectangle.
fn check_cells<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Sheets<RS>,
    limits: &SheetLimits,
) -> Result<(), String> {
    let calamine::Sheets::Xlsx(xlsx) = workbook else {
        return Ok(());
    };
    for name in xlsx.sheet_names() {
        let Ok(mut cells) = xlsx.worksheet_cells_reader(&name) else {
            continue;
        };
        let (mut count, mut lo, mut hi) = (0usize, (u32::MAX, u32::MAX), (0u32, 0u32));
        while let Ok(Some(cell)) = cells.next_cell() {
            let (r, c) = cell.get_position();
            count += 1;
            lo = (lo.0.min(r), lo.1.min(c));
            hi = (hi.0.max(r), hi.1.max(c));
            let area =
                (u64::from(hi.0 - lo.0.min(hi.0)) + 1) * (u64::from(hi.1 - lo.1.min(hi.1)) + 1);
            if count > limits.cells || area > limits.area || hi.0 - lo.0.min(hi.0) >= limits.rows {
                return Err(t!(
                    "actuals-workbook-too-many-cells",
                    sheet = name.clone(),
                    rows = limits.rows.to_string(),
                    cells = limits.cells.to_string()
                ));
            }
        }
    }
    Ok(())
}

/// Reads every sheet of a workbook whose header is one of the long layout (`metric`,
/// `period` and `value`) or of the wide layout (without any, the first sheet).
pub fn load_xlsx(path: &Path, bytes: &[u8]) -> ActualsFile {
    let mut file = ActualsFile::empty(path, Format::Xlsx);
    let unpacked = crate::source::max_file_bytes().saturating_mul(4);
    let opened = check_unpacked(bytes, unpacked)
        .and_then(|()| {
            calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
                .map_err(|e| e.to_string())
        })
        .and_then(|mut w| check_cells(&mut w, &SHEET_LIMITS).map(|()| w));
    let mut workbook = match opened {
        Ok(w) => w,
        Err(e) => {
            file.findings.push(
                Finding::new(
                    &codes::FORMAT,
                    Span::default(),
                    t!(
                        "actuals-workbook-unreadable",
                        path = crate::source::display_path(path),
                        reason = e
                    ),
                )
                .help(t!("actuals-workbook-unreadable-help")),
            );
            return file;
        }
    };
    let names = workbook.sheet_names();
    // A template's hidden sheet names its plan (`planc actuals template`).
    if names.iter().any(|n| n == super::template::META_SHEET) {
        if let Ok(meta) = workbook.worksheet_range(super::template::META_SHEET) {
            if let (Some(Data::String(k)), Some(Data::String(id))) =
                (meta.get_value((0, 0)), meta.get_value((0, 1)))
            {
                if k == "plan" && !id.trim().is_empty() {
                    file.plan = Some(Sp::new(id.trim().to_owned(), Span::default()));
                }
            }
        }
    }
    // Every sheet whose header (below its titles) is one of actuals is read: finance
    // splits exports over sheets (a cover sheet, 上半年 and 下半年, one per product).
    // Without any, the first sheet is read (and says what its header lacks).
    let mut chosen: Vec<(String, calamine::Range<Data>)> = Vec::new();
    let mut first = None;
    for name in &names {
        if name == super::template::META_SHEET {
            continue;
        }
        let Ok(range) = workbook.worksheet_range(name) else {
            continue;
        };
        let filled = |r: &[Data]| r.iter().filter(|c| **c != Data::Empty).count();
        let has_header = range
            .rows()
            .find(|r| filled(r) >= 2)
            .or_else(|| range.rows().find(|r| filled(r) >= 1))
            .is_some_and(|r| is_header(&r.iter().map(cell_text).collect::<Vec<_>>()));
        if has_header {
            chosen.push((name.clone(), range));
        } else if first.is_none() {
            first = Some((name.clone(), range));
        }
    }
    if chosen.is_empty() {
        chosen.extend(first);
    }
    if chosen.is_empty() {
        file.findings.push(Finding::new(
            &crate::rules::builtin::EMPTY_FILE,
            Span::default(),
            t!(
                "actuals-workbook-no-sheets",
                path = crate::source::display_path(path)
            ),
        ));
        return file;
    }
    file.sheet = Some(chosen[0].0.clone());
    file.sheets = chosen.iter().map(|(n, _)| n.clone()).collect();
    // The listing: for the first sheet, line n is sheet row n; each further sheet follows
    // under a line naming it. Cells are separated by " | ".
    let mut text = String::new();
    let mut per_sheet = Vec::new();
    for (si, (sheet, range)) in chosen.iter().enumerate() {
        // Number formats: a percent-formatted cell holds a fraction (0.962 shown as 96.2%).
        let styles = match &mut workbook {
            calamine::Sheets::Xlsx(x) => x.worksheet_style(sheet).ok(),
            _ => None,
        };
        let percent_at = |row: u32, col: u32| {
            styles
                .as_ref()
                .and_then(|s| s.get((row, col)))
                .and_then(|st| st.number_format.as_ref())
                .is_some_and(|f| is_percent_format(&f.format_code))
        };
        // Formulas whose value was never stored (a workbook written by a script and never
        // opened in Excel): their cells read as empty, which is no figure at all.
        let formulas = workbook.worksheet_formula(sheet).ok();
        if let Some(f) = &formulas {
            let missing: Vec<String> = f
                .used_cells()
                .filter(|(_, _, text)| !text.trim().is_empty())
                .map(|(r, c, _)| {
                    let (r0, c0) = f.start().unwrap_or((0, 0));
                    (r0 + r as u32, c0 + c as u32)
                })
                .filter(|&(r, c)| matches!(range.get_value((r, c)), None | Some(Data::Empty)))
                .map(|(r, c)| super::cell_ref(sheet, r, c))
                .collect();
            if !missing.is_empty() {
                let shown: Vec<&str> = missing.iter().take(8).map(String::as_str).collect();
                file.findings.push(
                    Finding::new(
                        &codes::FORMAT,
                        Span::default(),
                        t!(
                            "actuals-formula-no-value",
                            count = missing.len(),
                            cells = shown.join(", ")
                        ),
                    )
                    .severity(crate::diagnostics::Severity::Error)
                    .help(t!("actuals-formula-no-value-help")),
                );
            }
        }
        let (row0, col0) = range.start().unwrap_or((0, 0));
        if si == 0 {
            for _ in 0..row0 {
                text.push('\n');
            }
        } else {
            text.push_str(&format!("[{sheet}]\n"));
        }
        let mut records = Vec::new();
        for (i, r) in range.rows().enumerate() {
            let row = row0 + i as u32;
            let mut cells = Vec::new();
            for (j, c) in r.iter().enumerate() {
                if j > 0 {
                    text.push_str(" | ");
                }
                let t = if percent_at(row, col0 + j as u32) {
                    percent_text(c).unwrap_or_else(|| cell_text(c))
                } else {
                    cell_text(c)
                };
                let start = text.len();
                text.push_str(&t);
                cells.push(Cell {
                    text: t,
                    span: Span::new(start, text.len()),
                    at: Some((row, col0 + j as u32)),
                });
            }
            text.push('\n');
            records.push((row as usize + 1, cells));
        }
        per_sheet.push((si, sheet.clone(), records));
    }
    file.source = Some(SourceFile::new(path, text));
    for (si, sheet, records) in per_sheet {
        let Some((header_line, header, records)) = split_header(&mut file, records) else {
            file.findings.push(Finding::new(
                &crate::rules::builtin::EMPTY_FILE,
                Span::default(),
                t!("actuals-sheet-no-rows", sheet = sheet.as_str()),
            ));
            continue;
        };
        let before = file.rows.len();
        rows_from_records(&mut file, header, header_line, records);
        let index = u16::try_from(si).unwrap_or(u16::MAX);
        for r in &mut file.rows[before..] {
            r.sheet = index;
        }
    }
    file
}

/// Is an Excel number format a percentage (`0%`, `0.0%`, `#,##0.00%`)? A `%` inside
/// quotes or escaped with `\` is a literal character, not the format.
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// A percent-formatted number cell as Excel shows it: the fraction × 100 with `%`,
/// exactly (0.962 → `96.2%`).
fn percent_text(c: &Data) -> Option<String> {
    let fraction: rust_decimal::Decimal = match c {
        Data::Int(i) => rust_decimal::Decimal::from(*i),
        Data::Float(f) => format!("{f}").parse().ok()?,
        _ => return None,
    };
    let pct = fraction.checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?;
    Some(format!("{}%", pct.normalize()))
}

/// A cell's value as text. Numbers go through their shortest round-trip decimal form, so
/// `12345.67` typed in Excel is read as exactly 12345.67; date cells become `YYYY-MM-DD`.
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let serial = d.as_f64().floor() as i64;
            chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|e| e.checked_add_signed(chrono::TimeDelta::days(serial)))
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| format!("{}", d.as_f64()))
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_and_their_text() {
        for code in ["0%", "0.0%", "#,##0.00%", "0.00%;[Red]-0.00%"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in ["General", "0.00", "\"%\"0", "0\\%", "#,##0"] {
            assert!(!is_percent_format(code), "{code}");
        }
        assert_eq!(percent_text(&Data::Float(0.962)).as_deref(), Some("96.2%"));
        assert_eq!(percent_text(&Data::Float(1.0)).as_deref(), Some("100%"));
        assert_eq!(percent_text(&Data::Int(2)).as_deref(), Some("200%"));
        assert_eq!(percent_text(&Data::Float(-0.026)).as_deref(), Some("-2.6%"));
        assert_eq!(percent_text(&Data::String("x".into())), None);
    }

    #[test]
    fn lexes_quotes_and_spans() {
        let text = "a,\"b,\"\"c\"\"\",d\r\n1,2,3\n";
        let recs = lex(text, b',');
        assert_eq!(recs.len(), 2);
        let (line, cells) = &recs[0];
        assert_eq!(*line, 1);
        assert_eq!(cells[1].text, "b,\"c\"");
        assert_eq!(&text[cells[1].span.start..cells[1].span.end], "b,\"\"c\"\"");
        assert_eq!(recs[1].0, 2);
        assert_eq!(recs[1].1[2].text, "3");
    }

    #[test]
    fn lexes_line_breaks_in_quotes_and_text_after_them() {
        // A quoted cell over two lines: the next record starts on line 3.
        let text = "\"x\ny\",1\n2,\"a\"b\n\"end\"";
        let recs = lex(text, b',');
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].0, 1);
        assert_eq!(recs[0].1[0].text, "x\ny");
        assert_eq!(recs[0].1[1].text, "1");
        assert_eq!(recs[1].0, 3);
        // Text between the closing quote and the delimiter is kept.
        assert_eq!(recs[1].1[1].text, "ab");
        assert_eq!(recs[2].0, 4);
        assert_eq!(recs[2].1[0].text, "end");
        // An escaped quote that ends the text, and a quote never closed.
        assert_eq!(lex("\"\"\"\"", b',')[0].1[0].text, "\"");
        let unclosed = lex("a,\"b", b',');
        assert_eq!(unclosed[0].1[1].text, "b");
        let span = unclosed[0].1[1].span;
        assert_eq!((span.start, span.end), (3, 4));
        // A delimiter that ends the text leaves an empty last cell.
        let trailing = lex("a,", b',');
        assert_eq!(trailing[0].1.len(), 2);
        assert_eq!(trailing[0].1[1].text, "");
    }

    /// A workbook of sheets `S1`, `S2` … holding `sheets` (their `<row>` elements), built
    /// from the example workbook's package.
    fn workbook_of(sheets: &[&str]) -> Vec<u8> {
        use std::io::Write;
        const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let example = include_bytes!("../../examples/actuals/company-2026-crm.actuals.xlsx");
        let mut from = zip::ZipArchive::new(Cursor::new(&example[..])).unwrap();
        let mut to = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let ours = [
            "[Content_Types].xml",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml",
        ];
        for i in 0..from.len() {
            let entry = from.by_index(i).unwrap();
            if !ours.contains(&entry.name()) {
                to.raw_copy_file(entry).unwrap();
            }
        }
        let n = 1..=sheets.len();
        let types: String = n.clone().map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)).collect();
        let names: String = n
            .clone()
            .map(|i| format!(r#"<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>"#))
            .collect();
        let rels: String = n.clone().map(|i| format!(r#"<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>"#)).collect();
        let mut parts = vec![
            (
                "[Content_Types].xml".to_owned(),
                format!(
                    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{types}</Types>"#
                ),
            ),
            (
                "xl/workbook.xml".to_owned(),
                format!(
                    r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{names}</sheets></workbook>"#
                ),
            ),
            (
                "xl/_rels/workbook.xml.rels".to_owned(),
                format!(
                    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
                ),
            ),
        ];
        for (i, rows) in sheets.iter().enumerate() {
            parts.push((
                format!("xl/worksheets/sheet{}.xml", i + 1),
                format!(r#"<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>"#),
            ));
        }
        for (name, xml) in parts {
            to.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            write!(
                to,
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{xml}"#
            )
            .unwrap();
        }
        to.finish().unwrap().into_inner()
    }

    /// The sheet read is the first whose header (below any title rows) is one of actuals.
    #[test]
    fn the_sheet_with_an_actuals_header_is_read() {
        let text =
            |r: &str, t: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#);
        let notes = format!(r#"<row r="1">{}</row>"#, text("A1", "本簿由ERP导出"));
        let actuals = format!(
            r#"<row r="1">{}</row><row r="2">{}{}{}</row><row r="3">{}{}<c r="C3"><v>1260</v></c></row>"#,
            text("A1", "2026年实际（单位：万元）"),
            text("A2", "指标"),
            text("B2", "期间"),
            text("C2", "实际"),
            text("A3", "sales"),
            text("B3", "FY"),
        );
        let book = workbook_of(&[&notes, &actuals]);
        let file = load_xlsx(Path::new("t.actuals.xlsx"), &book);
        assert_eq!(file.sheet.as_deref(), Some("S2"), "{:?}", file.findings);
        assert_eq!(file.rows.len(), 1);
    }

    /// Every sheet that holds actuals is read, each row citing its own sheet; a cover
    /// sheet is passed over.
    #[test]
    fn every_sheet_with_actuals_is_read() {
        let text =
            |r: &str, t: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#);
        let cover = format!(r#"<row r="1">{}</row>"#, text("A1", "2026年销售实际"));
        let sheet = |period: &str, value: &str| {
            format!(
                r#"<row r="1">{}{}{}</row><row r="2">{}{}<c r="C2"><v>{value}</v></c></row>"#,
                text("A1", "指标"),
                text("B1", "期间"),
                text("C1", "实际"),
                text("A2", "sales"),
                text("B2", period),
            )
        };
        let book = workbook_of(&[&cover, &sheet("Q1", "250"), &sheet("Q2", "310")]);
        let file = load_xlsx(Path::new("t.actuals.xlsx"), &book);
        assert_eq!(file.sheets, ["S2", "S3"], "{:?}", file.findings);
        let periods: Vec<&str> = file.rows.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(periods, ["Q1", "Q2"]);
        assert_eq!(
            file.cell(&file.rows[0], Field::Value),
            t!("actuals-at-cell", cell = "S2!C2")
        );
        assert_eq!(
            file.cell(&file.rows[1], Field::Value),
            t!("actuals-at-cell", cell = "S3!C2")
        );
    }

    /// A workbook is refused just past each limit, and read at it.
    #[test]
    fn a_workbook_at_and_just_past_each_limit() {
        // Cells C3, E3 and D6: rows 3 to 6 (a span of 3), columns C to E, 4 × 3 = 12.
        let book = workbook_of(&[
            r#"<row r="3"><c r="C3"><v>1</v></c><c r="E3"><v>2</v></c></row><row r="6"><c r="D6"><v>3</v></c></row>"#,
        ]);
        let check = |limits: SheetLimits| {
            let mut w = calamine::open_workbook_auto_from_rs(Cursor::new(book.clone())).unwrap();
            check_cells(&mut w, &limits)
        };
        let at = || SheetLimits {
            rows: 4,
            cells: 3,
            area: 12,
        };
        assert_eq!(check(at()), Ok(()));
        let past = [
            SheetLimits { rows: 3, ..at() },
            SheetLimits { cells: 2, ..at() },
            SheetLimits { area: 11, ..at() },
        ];
        for limits in past {
            assert!(check(limits).is_err());
        }

        // Unpacked: every entry inflated, counted to the byte.
        let mut zip = zip::ZipArchive::new(Cursor::new(&book[..])).unwrap();
        let size: u64 = (0..zip.len())
            .map(|i| zip.by_index(i).unwrap().size())
            .sum();
        assert_eq!(check_unpacked(&book, size), Ok(()));
        assert!(check_unpacked(&book, size - 1).is_err());
        assert_eq!(check_unpacked(b"not a zip", 0), Ok(()));
    }

    #[test]
    fn a_title_row_gives_the_unit() {
        assert_eq!(
            title_unit("2026年各省销售额（单位：万元）").as_deref(),
            Some("万元")
        );
        assert_eq!(title_unit("单位: 亿元").as_deref(), Some("亿元"));
        assert_eq!(title_unit("（单位：元，含税）").as_deref(), Some("元"));
        assert_eq!(title_unit("单位:万元)").as_deref(), Some("万元"));
        assert_eq!(title_unit("单位：家"), None);
        assert_eq!(title_unit("2026年各省销售额"), None);
    }

    #[test]
    fn the_header_is_below_the_titles() {
        let mut file = ActualsFile::empty(Path::new("t.csv"), Format::Csv);
        let text = "\n标题（单位：万元）\n,,\n备注：截至9月\nmetric,period,value\nsales,FY,1\n";
        let (line, header, rest) = split_header(&mut file, lex(text, b',')).unwrap();
        assert_eq!(line, 5);
        assert_eq!(header[0].text, "metric");
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].0, 6);
        assert_eq!(file.unit.as_ref().map(|u| u.as_str()), Some("万元"));
        // Without a row of two cells, the first filled row is the header.
        let mut file = ActualsFile::empty(Path::new("t.csv"), Format::Csv);
        let (line, header, rest) = split_header(&mut file, lex("\nmetric\nsales\n", b',')).unwrap();
        assert_eq!(
            (line, header[0].text.as_str(), rest.len()),
            (2, "metric", 1)
        );
        assert!(file.unit.is_none());
        let mut file = ActualsFile::empty(Path::new("t.csv"), Format::Csv);
        assert!(split_header(&mut file, lex("\n,\n", b',')).is_none());
    }

    #[test]
    fn headers_of_both_layouts() {
        let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_header(&texts(&["指标", "期间", "实际"])));
        assert!(is_header(&texts(&["省份", "1月", "2月"])));
        assert!(!is_header(&texts(&["metric", "period"])));
        assert!(!is_header(&texts(&["标题", "说明"])));
    }

    #[test]
    fn reads_chinese_headers() {
        assert_eq!(header_field("指标"), Some(Field::Metric));
        assert_eq!(header_field(" Last_Year "), Some(Field::LastYear));
        assert_eq!(header_field("实际值"), Some(Field::Value));
        assert_eq!(header_field("备注"), None);
    }
}
