//! The workbook `planc export --format xlsx` writes (rust_xlsxwriter): one sheet per
//! plan and target laid out by [`super::sheet`], and the hidden `planc` sheet the import
//! reads — each sheet's plan id, target, the plan's path and the SHA-256 of its text.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatBorder, Formula,
    ProtectionOptions, Workbook,
};

use super::{Cell, Sheet, HEADER_ROW, META_FIRST_ROW, META_SHEET};

/// One exported plan: its sheets, the path it was read from (as the user named it) and
/// the SHA-256 (hex) of its bytes.
pub struct Exported {
    pub path: String,
    pub sha256: String,
    pub sheets: Vec<Sheet>,
}

/// The widest a text column grows (in Excel's character widths); a longer text wraps.
const TEXT_WIDTH: u32 = 40;

/// A text's width in Excel's character widths: a CJK (any non-ASCII) character takes two.
fn text_width(t: &str) -> u32 {
    t.chars().map(|ch| if ch.is_ascii() { 1 } else { 2 }).sum()
}

/// A decimal as the f64 XLSX stores: through its shortest text, which reads back exactly.
fn number(v: rust_decimal::Decimal) -> f64 {
    v.normalize().to_string().parse().unwrap_or(0.0)
}

/// A formula's cached result as Excel stores it: the shortest decimal text.
fn shortest(v: rust_decimal::Decimal) -> String {
    number(v.round_dp(15)).to_string()
}

/// The workbook's bytes.
pub fn workbook(plans: &[Exported]) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let note = Format::new().set_italic().set_font_color("#555555");
    let header = Format::new()
        .set_bold()
        .set_background_color("#DDE4EE")
        .set_border_bottom(FormatBorder::Thin);
    // Text below the header wraps in its cell when it is wider than its column.
    let label = Format::new()
        .set_background_color("#F2F2F2")
        .set_text_wrap();
    let money = "#,##0.####";
    let fixed = Format::new()
        .set_num_format(money)
        .set_background_color("#F2F2F2");
    let input = Format::new()
        .set_num_format(money)
        .set_unlocked()
        .set_background_color("#FFFFFF")
        .set_border(FormatBorder::Thin)
        .set_border_color("#9DB3D1");
    let formula = Format::new()
        .set_num_format(money)
        .set_bold()
        .set_background_color("#E8EEF7");
    let share = Format::new()
        .set_num_format("0.0%")
        .set_background_color("#E8EEF7");
    let numbers = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title("planc")
        .map_err(err)?
        .set_error_message("请填写数字（按表头的单位）。 A number, in the header's unit.")
        .map_err(err)?;
    for plan in plans {
        for s in &plan.sheets {
            let ws = wb.add_worksheet();
            ws.set_name(&s.name).map_err(err)?;
            let mut last_col = 0u16;
            for (r, c, cell) in &s.cells {
                last_col = last_col.max(*c);
                match cell {
                    Cell::Label(t) => {
                        let f = match *r {
                            0 => &title,
                            1 => &note,
                            HEADER_ROW => &header,
                            _ => &label,
                        };
                        ws.write_string_with_format(*r, *c, t, f).map_err(err)?;
                    }
                    Cell::Number(v) => {
                        ws.write_number_with_format(*r, *c, number(*v), &fixed)
                            .map_err(err)?;
                    }
                    Cell::Input { value, .. } => {
                        ws.write_number_with_format(*r, *c, number(*value), &input)
                            .map_err(err)?;
                        ws.add_data_validation(*r, *c, *r, *c, &numbers)
                            .map_err(err)?;
                    }
                    Cell::Sum { text, result, .. } => {
                        let f = Formula::new(format!("={text}")).set_result(shortest(*result));
                        ws.write_formula_with_format(*r, *c, f, &formula)
                            .map_err(err)?;
                    }
                    Cell::Formula {
                        text,
                        share: s,
                        result,
                    } => {
                        let mut f = Formula::new(format!("={text}"));
                        if let Some(v) = result {
                            f = f.set_result(shortest(*v));
                        }
                        let fmt = if *s { &share } else { &formula };
                        ws.write_formula_with_format(*r, *c, f, fmt).map_err(err)?;
                    }
                }
            }
            // The text columns (dimension, item, name) fit their longest text below the
            // header (a nested level reads `成熟区域 › 区域`, a target's name may be long)
            // up to a limit; a longer text wraps inside its cell (see `label`).
            for (c, least) in [(0u16, 11u32), (1, 10), (2, 18)] {
                let widest = s
                    .cells
                    .iter()
                    .filter(|(r, cc, _)| *cc == c && *r > HEADER_ROW)
                    .filter_map(|(_, _, cell)| match cell {
                        Cell::Label(t) => Some(text_width(t)),
                        _ => None,
                    })
                    .max()
                    .unwrap_or(0);
                ws.set_column_width(c, f64::from(widest.clamp(least, TEXT_WIDTH) + 1))
                    .map_err(err)?;
            }
            for c in super::FIGURE_COL..=last_col.max(super::FIGURE_COL) {
                ws.set_column_width(c, 13).map_err(err)?;
            }
            // Printed (or turned into a PDF) on landscape pages one sheet wide.
            ws.set_landscape();
            ws.set_print_fit_to_pages(1, 0);
            ws.set_freeze_panes(HEADER_ROW + 1, super::FIGURE_COL)
                .map_err(err)?;
            let options = ProtectionOptions {
                format_columns: true,
                format_rows: true,
                ..ProtectionOptions::default()
            };
            ws.protect_with_options(&options);
        }
    }
    let meta = wb.add_worksheet();
    meta.set_name(META_SHEET).map_err(err)?;
    meta.write_string(0, 0, "planc export").map_err(err)?;
    meta.write_string(0, 1, "1").map_err(err)?;
    for (c, h) in ["sheet", "plan", "target", "path", "sha256"]
        .iter()
        .enumerate()
    {
        meta.write_string(1, c as u16, *h).map_err(err)?;
    }
    let mut r = META_FIRST_ROW;
    for plan in plans {
        for s in &plan.sheets {
            meta.write_string(r, 0, &s.name).map_err(err)?;
            meta.write_string(r, 1, &s.plan_id).map_err(err)?;
            meta.write_string(r, 2, &s.target_id).map_err(err)?;
            meta.write_string(r, 3, &plan.path).map_err(err)?;
            meta.write_string(r, 4, &plan.sha256).map_err(err)?;
            r += 1;
        }
    }
    meta.protect();
    meta.set_hidden(true);
    wb.save_to_buffer().map_err(err)
}
