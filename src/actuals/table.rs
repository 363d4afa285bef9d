//! CSV and XLSX actuals: a header row naming the columns, then, in the long layout, one
//! row per metric × dimension item × period (the wide layout is read by `super::wide`).
//!
//! Both become the same [`Row`]s with spans into a [`SourceFile`]: for CSV the file's own
//! text; for a workbook a listing of the sheet read, one line per sheet row, so a finding's
//! line is the sheet row and its label sits under the cell (the message names the cell,
//! `Sheet1!C5`, too).

use std::path::Path;

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
        "目标" | "目标值" | "目标额" | "计划" | "计划值" | "计划额" | "销售目标" | "plan"
        | "planned" | "goal" => Field::Target,
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
pub(super) fn rows_from_records(
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
) -> [Option<usize>; 8] {
    let mut columns: [Option<usize>; 8] = [None; 8];
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
    columns: [Option<usize>; 8],
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
        let mut cell_at = [None; 8];
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
            target: get(Field::Target).map(sp),
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
pub(super) fn split_header(
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
    let mut rest = records.split_off(at + 1);
    let (line, mut header) = records.pop()?;
    // Two-row headers, as finance's reports merge them: a row above whose labels stand
    // over the header's empty cells (`省份` over the blank beside `Q1 … Q4`), or a row
    // below that splits each merged period into 目标 / 实际 / 达成率.
    if let Some((_, above)) = records.last() {
        merge_above(&mut header, above);
    }
    if rest.first().is_some_and(|(_, below)| is_sub_header(below)) {
        let (_, below) = rest.remove(0);
        merge_below(&mut header, &below);
    }
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

/// Fills the header's empty cells from the row above where that row names a column
/// planc knows (`省份`, `指标`, `单位`); titles and notes are never taken.
fn merge_above(header: &mut [Cell], above: &[Cell]) {
    for (h, a) in header.iter_mut().zip(above) {
        let known = header_field(&a.text).is_some() || super::wide::dimension_of(&a.text).is_some();
        if h.is_empty() && !a.is_empty() && known {
            h.text = a.text.trim().to_owned();
            h.span = a.span;
            h.at = a.at;
        }
    }
}

/// The words under a merged period that say which figure a column holds.
fn value_word(text: &str) -> bool {
    matches!(
        text.trim(),
        "实际"
            | "实际值"
            | "实际数"
            | "完成"
            | "实际完成"
            | "实际销售额"
            | "销售额"
            | "金额"
            | "actual"
            | "Actual"
            | "actuals"
    )
}

fn other_word(text: &str) -> bool {
    matches!(
        text.trim(),
        "目标"
            | "计划"
            | "指标"
            | "达成率"
            | "完成率"
            | "达成"
            | "同比"
            | "环比"
            | "增长率"
            | "差额"
            | "target"
            | "Target"
            | "plan"
            | "attainment"
    )
}

/// A row under the header that splits merged periods (目标 / 实际 / 达成率): words only,
/// at least one of them the actual's.
fn is_sub_header(cells: &[Cell]) -> bool {
    let filled: Vec<&Cell> = cells.iter().filter(|c| !c.is_empty()).collect();
    filled.iter().any(|c| value_word(&c.text))
        && filled
            .iter()
            .all(|c| value_word(&c.text) || other_word(&c.text))
}

/// Each column of a header over a row of 目标 / 实际 / 达成率: the actual's column takes
/// the period above it (a merged cell spans to the right), the others become columns
/// planc does not read.
fn merge_below(header: &mut [Cell], below: &[Cell]) {
    let mut period: Option<String> = None;
    for (j, h) in header.iter_mut().enumerate() {
        if !h.is_empty() {
            let t = strip_unit(&h.text).0;
            period = super::period::form(t)
                .filter(|f| f.is_sub())
                .map(|_| t.to_owned());
        }
        let Some(b) = below.get(j).filter(|b| !b.is_empty()) else {
            continue;
        };
        let Some(p) = &period else { continue };
        h.text = if value_word(&b.text) {
            p.clone()
        } else {
            format!("{p}{}", b.text.trim())
        };
        if h.at.is_none() || h.span == Span::default() {
            h.span = b.span;
        }
    }
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
pub(super) fn is_header(texts: &[String]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
