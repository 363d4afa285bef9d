//! Workbooks (XLSX): every sheet that holds actuals, read within limits (rows, cells, the
//! rectangle calamine allocates, the bytes a zip unpacks to), each cell as the text Excel
//! shows — a percent-formatted number as its percentage, a date as `YYYY-MM-DD`, a number
//! through its shortest decimal text — then the same header and row reading as CSV
//! (`super::table`).

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};

use super::table::{is_header, rows_from_records, split_header, Cell};
use super::{codes, ActualsFile, Format};
use crate::diagnostics::Finding;
use crate::model::Sp;
use crate::source::{SourceFile, Span};
use crate::t;

/// How many cells a workbook's sheets may hold, and how large the rectangle from their
/// first to their last cell may be (calamine allocates that rectangle): a workbook with
/// a million rows, or two cells at A1 and XFD1048576, is refused with a message instead
/// of taking the memory of the machine.
pub(crate) struct SheetLimits {
    /// Rows from the first cell's to the last cell's.
    rows: u32,
    cells: usize,
    /// Cells of the rectangle from the first cell to the last.
    area: u64,
}

pub(crate) const SHEET_LIMITS: SheetLimits = SheetLimits {
    rows: 500_000,
    cells: 5_000_000,
    area: 20_000_000,
};

/// Refuses a workbook that unpacks to more than `limit` bytes (four times the file-size
/// limit, `--max-file-mb`, in [`load_xlsx`]), counting the bytes actually inflated, not
/// the sizes the zip claims — a zip bomb is stopped after the limit, before calamine
/// reads anything.
pub(crate) fn check_unpacked(bytes: &[u8], limit: u64) -> Result<(), String> {
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
pub(crate) fn check_cells<RS: std::io::Read + std::io::Seek>(
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
    let mut unread: Vec<String> = Vec::new();
    for name in &names {
        if name == super::template::META_SHEET {
            continue;
        }
        let Ok(range) = workbook.worksheet_range(name) else {
            continue;
        };
        let filled = |r: &[Data]| r.iter().filter(|c| **c != Data::Empty).count();
        // The header may sit below title and note rows, as in `split_header`.
        let has_header = range
            .rows()
            .take(30)
            .any(|r| is_header(&r.iter().map(cell_text).collect::<Vec<_>>()));
        let data_rows = range.rows().filter(|r| filled(r) >= 2).take(2).count();
        if has_header {
            chosen.push((name.clone(), range));
        } else {
            if data_rows >= 2 {
                unread.push(name.clone());
            }
            if first.is_none() {
                first = Some((name.clone(), range));
            }
        }
    }
    if chosen.is_empty() {
        if let Some((n, _)) = &first {
            unread.retain(|u| u != n);
        }
        chosen.extend(first);
    }
    // A sheet that holds rows but no header planc knows is said, never dropped without a
    // word (a cover sheet of one title is fine).
    if !unread.is_empty() {
        file.findings.push(
            Finding::new(
                &codes::FORMAT,
                Span::default(),
                t!(
                    "actuals-sheets-unread",
                    count = unread.len(),
                    sheets = super::table::list(&unread)
                ),
            )
            .severity(crate::diagnostics::Severity::Warning)
            .help(t!("actuals-sheets-unread-help")),
        );
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
    use crate::actuals::Field;

    /// The hidden `planc` sheet names the plan only when it says `plan` and an id.
    #[test]
    fn the_template_sheet_names_the_plan_only_in_its_form() {
        let book = |a: &str, b: &str| {
            let mut wb = rust_xlsxwriter::Workbook::new();
            let ws = wb.add_worksheet();
            ws.write_string(0, 0, "指标").unwrap();
            ws.write_string(0, 1, "期间").unwrap();
            ws.write_string(0, 2, "实际").unwrap();
            let meta = wb.add_worksheet();
            meta.set_name(crate::actuals::template::META_SHEET).unwrap();
            meta.write_string(0, 0, a).unwrap();
            meta.write_string(0, 1, b).unwrap();
            wb.save_to_buffer().unwrap()
        };
        let plan = |a: &str, b: &str| {
            load_xlsx(Path::new("t.actuals.xlsx"), &book(a, b))
                .plan
                .map(|p| p.value)
        };
        assert_eq!(plan("plan", "east-2026").as_deref(), Some("east-2026"));
        assert_eq!(plan("plan", " "), None);
        assert_eq!(plan("note", "east-2026"), None);
    }

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
}
