//! `planc actuals template`: the workbook (or CSV) planc reads best for a plan, for
//! finance to fill in. The wide layout: one row per item of each dimension the plan's
//! targets break down by (with the plan's own names), one per target without a split and
//! one per KPI with an id, a column per month of the plan period, a unit column. In the
//! workbook the header is locked (the sheet is protected, the figure cells unlocked),
//! the figure cells accept numbers only, and a hidden sheet `planc` names the plan, so
//! the file is read against it whatever it is called.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, ProtectionOptions, Workbook,
};

use super::join::{Expect, MetricKind, Scope};
use crate::model::Plan;

/// The sheet holding the plan id in a template.
pub const META_SHEET: &str = "planc";

/// The template as a table: a title line, the header, and the rows to fill.
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    /// Each row: metric, dimension, item, unit (the figure cells follow, empty).
    pub rows: Vec<[String; 4]>,
    pub plan_id: String,
}

/// The rows finance fills for `plan`.
pub fn table(plan: &Plan) -> Table {
    let scope = Scope::new(plan, &[]);
    let pp = scope.period;
    let zh = plan.lang.is_none_or(|l| l == crate::model::Lang::Zh);
    let unit = scope.unit.label();
    let mut rows = Vec::new();
    for m in &scope.metrics {
        let row_unit = match &m.expect {
            Expect::Money => unit.to_owned(),
            Expect::Percent => "%".to_owned(),
            Expect::Count(u) => u.clone(),
            Expect::Bare => match m.kind {
                MetricKind::Target(_) => unit.to_owned(),
                MetricKind::Kpi(_) => String::new(),
            },
        };
        let top: Vec<(usize, usize)> = m
            .dims
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.segment)
            .flat_map(|(di, d)| {
                d.items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.parent.is_none())
                    .map(move |(ii, _)| (di, ii))
            })
            .collect();
        if top.is_empty() || !m.is_target() {
            rows.push([m.name.to_owned(), String::new(), String::new(), row_unit]);
            continue;
        }
        for (di, ii) in top {
            let d = &m.dims[di];
            rows.push([
                m.name.to_owned(),
                d.name.clone(),
                d.items[ii].display.clone(),
                row_unit.clone(),
            ]);
        }
    }
    let months: Vec<String> = (0..pp.months)
        .map(|i| {
            let start = pp.month_start(i);
            if pp.months == 12 && pp.start.format("%m-%d").to_string() == "01-01" {
                format!("{}月", i + 1)
            } else {
                start.format("%Y-%m").to_string()
            }
        })
        .collect();
    let mut header: Vec<String> = if zh {
        vec!["指标".into(), "维度".into(), "项目".into(), "单位".into()]
    } else {
        vec![
            "metric".into(),
            "dimension".into(),
            "item".into(),
            "unit".into(),
        ]
    };
    header.extend(months);
    let title = if zh {
        format!(
            "{} · 实际数据（单位：{}；按月填写，未发生填 0）",
            plan.title, unit
        )
    } else {
        format!(
            "{} · actuals (unit: {}; one column per month, 0 where none)",
            plan.title, unit
        )
    };
    Table {
        title,
        header,
        rows,
        plan_id: plan.id.value.clone(),
    }
}

/// The table as CSV (UTF-8 with a BOM, so Excel opens the Chinese right).
pub fn csv(t: &Table) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let blanks = t.header.len() - 4;
    // Writing into memory cannot fail; every record is UTF-8 text.
    let _ = w.write_record([&t.title]);
    let _ = w.write_record(&t.header);
    for r in &t.rows {
        let cells = r
            .iter()
            .map(String::as_str)
            .chain(std::iter::repeat_n("", blanks));
        let _ = w.write_record(cells);
    }
    w.into_inner().unwrap_or_default()
}

/// The table as a workbook: header locked, figure cells unlocked and numbers only, the
/// plan id on a hidden sheet.
pub fn xlsx(t: &Table) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let locked = Format::new().set_bold().set_background_color("#E8EEF7");
    let open = Format::new().set_unlocked().set_num_format("#,##0.00");
    let ws = wb.add_worksheet();
    ws.set_name("实际").map_err(err)?;
    ws.write_string_with_format(0, 0, &t.title, &bold)
        .map_err(err)?;
    for (c, h) in t.header.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, h, &locked)
            .map_err(err)?;
    }
    let first_figure = 4u16;
    let last_col = (t.header.len() - 1) as u16;
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 2;
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r, c as u16, v).map_err(err)?;
        }
        for c in first_figure..=last_col {
            ws.write_blank(r, c, &open).map_err(err)?;
        }
    }
    if !t.rows.is_empty() {
        let last_row = t.rows.len() as u32 + 1;
        let numbers = DataValidation::new()
            .allow_decimal_number(rust_xlsxwriter::DataValidationRule::Between(-1e15, 1e15))
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_title("planc")
            .map_err(err)?
            .set_error_message("请填写数字（金额按单位列的单位）。 A number, in the row's unit.")
            .map_err(err)?;
        ws.add_data_validation(2, first_figure, last_row, last_col, &numbers)
            .map_err(err)?;
    }
    ws.set_column_width(0, 18).map_err(err)?;
    ws.set_column_width(2, 16).map_err(err)?;
    ws.set_freeze_panes(2, first_figure).map_err(err)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    let meta = wb.add_worksheet();
    meta.set_name(META_SHEET).map_err(err)?;
    meta.write_string(0, 0, "plan").map_err(err)?;
    meta.write_string(0, 1, &t.plan_id).map_err(err)?;
    meta.set_hidden(true);
    wb.save_to_buffer().map_err(err)
}
