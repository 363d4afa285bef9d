//! The wide layout of CSV and XLSX actuals: one row per item, one column per month or
//! quarter — how a sales report usually leaves Excel:
//!
//! ```text
//! 省份,1月,2月,3月,…,12月,合计         项目,一季度,二季度,三季度,四季度
//! 江苏,60,58,61,…,720                 年度销售额,250,310,290,410
//! ```
//!
//! Each filled period cell becomes one [`Row`] of the long layout, its period pointing at
//! the column's header and its value at the cell, so the join and every diagnostic (unknown
//! items, bad numbers, units, missing months, duplicates) work as for the long layout. The
//! rules:
//!
//! - A header is wide when it has no `period` and no `value` column and at least one
//!   period column: a month (`1月`, `一月`, `2026-01`, `2026年1月`, `M01`, a date cell) or a
//!   quarter (`Q1`, `一季度`, `第一季度`, `2026Q1`). Months and quarters count as in the
//!   long layout (`Q1` and `M01` from the start of the plan period; `1月` is January).
//! - `metric`, `dimension`, `item` and `unit` columns (指标, 维度, 项目, 单位) mean what
//!   they mean in the long layout. A column headed by a dimension — `product`/`产品`,
//!   `province`/`省份`, `region`/`大区`, `city`/`城市`, `channel`/`渠道`,
//!   `account`/`客户`/`医院`, `team`/`团队`, `representative`/`代表` — holds items of that
//!   dimension. Without any of these, the first column is the label: headed by a
//!   dimension's name (`customer_type`), it holds that dimension's items; blank, it is
//!   read like `项目`.
//! - Which metric a row is for: its `metric` cell; without a `metric` column, an `项目`
//!   (item) cell without a dimension names the metric itself (a target or KPI id or
//!   name, such as `年度销售额`), and items of a dimension belong to the plan's one target
//!   broken down by that dimension.
//! - A total column (`合计`, `总计`, `累计`, `全年`, `FY`, `total`) is checked, not read:
//!   it must equal the sum of the row's month cells (its quarter cells when there are no
//!   month columns) — P809 where it does not. A total row (`合计` in the label column)
//!   of dimension items is the metric's total for each period; of metrics, it is skipped.
//! - Empty cells are figures not given. Other columns are not read (a header that looks
//!   like a misspelt column name is reported, as in the long layout). Last year's figures
//!   (`同期`) need the long layout.

use rust_decimal::Decimal;

use super::period::{self, Form};
use super::table::{at, extra_cell, field_columns, header_field, Cell, Record};
use super::{codes, ActualsFile, Field, Row};
use crate::diagnostics::{Finding, Severity};
use crate::model::{Quantity, Sp, Unit};
use crate::source::Span;
use crate::t;

/// What a column of a wide header holds.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    Field(Field),
    Period(Form),
    Total,
    /// Items of this dimension (its name in plans).
    Dimension(&'static str),
    Other,
}

fn normalized(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect()
}

/// The dimension a header names, in English or Chinese.
pub(super) fn dimension_of(text: &str) -> Option<&'static str> {
    let text = super::table::strip_unit(text).0;
    Some(match normalized(text).as_str() {
        "product" | "产品" | "品种" | "品规" | "药品" | "产品名称" => "product",
        "province" | "省份" | "省" | "省区" => "province",
        "region" | "大区" | "区域" => "region",
        "city" | "城市" | "地市" => "city",
        "channel" | "渠道" => "channel",
        "account" | "客户" | "医院" | "终端" | "客户名称" | "医院名称" => "account",
        "team" | "团队" => "team",
        "representative" | "代表" | "销售代表" | "业务员" => "representative",
        "customertype" | "客户类型" => "customer_type",
        _ => return None,
    })
}

/// A header or label that means "the sum of the others".
fn is_total(text: &str) -> bool {
    matches!(
        normalized(text).as_str(),
        "合计"
            | "总计"
            | "总额"
            | "累计"
            | "合计值"
            | "年度合计"
            | "全年合计"
            | "total"
            | "sum"
    ) || period::form(text).is_some_and(|f| !f.is_sub())
}

fn classify(text: &str) -> Column {
    let text = super::table::strip_unit(text).0;
    if let Some(f) = header_field(text) {
        return Column::Field(f);
    }
    if let Some(f) = period::form(text).filter(|f| f.is_sub()) {
        return Column::Period(f);
    }
    if is_total(text) {
        return Column::Total;
    }
    dimension_of(text).map_or(Column::Other, Column::Dimension)
}

fn is_wide_columns(columns: &[Column]) -> bool {
    !columns
        .iter()
        .any(|c| matches!(c, Column::Field(Field::Period | Field::Value)))
        && columns.iter().any(|c| matches!(c, Column::Period(_)))
}

/// Is this header one of the wide layout?
pub(super) fn is_wide(header: &[Cell]) -> bool {
    let columns: Vec<Column> = header.iter().map(|h| classify(&h.text)).collect();
    is_wide_columns(&columns)
}

/// [`is_wide`] for a workbook row's texts (choosing the sheet).
pub(super) fn looks_wide(texts: &[String]) -> bool {
    let columns: Vec<Column> = texts.iter().map(|t| classify(t)).collect();
    is_wide_columns(&columns)
}

/// Where the metric, dimension and item of each row come from.
struct Layout {
    metric: Option<usize>,
    dimension: Option<usize>,
    /// The label column: items, or metrics when nothing gives a dimension.
    label: Option<usize>,
    /// The dimension of every label (a dimension-headed column): the header's column and
    /// the dimension, with the header's span.
    fixed: Option<(usize, Sp<String>)>,
    unit: Option<usize>,
    periods: Vec<(usize, Form)>,
    /// For each period column, the column of the target the export states beside it
    /// (`Q1目标` under a merged `Q1`), if any.
    targets: Vec<Option<usize>>,
    totals: Vec<usize>,
}

/// Reads the records under a wide header into rows.
pub(super) fn rows(
    file: &mut ActualsFile,
    header: Vec<Cell>,
    header_line: usize,
    records: Vec<Record>,
) {
    let kinds: Vec<Column> = header.iter().map(|h| classify(&h.text)).collect();
    let known = |t: &str| !matches!(classify(t), Column::Other);
    let fields = field_columns(file, &header, &known);
    if let Some(i) = fields[Field::LastYear as usize] {
        file.findings.push(
            Finding::new(
                &codes::FORMAT,
                header[i].span,
                t!(
                    "actuals-wide-last-year",
                    column = header[i].text.trim(),
                    at = at(file, &header[i])
                ),
            )
            .label(t!("actuals-column-unread-label"))
            .help(t!("actuals-wide-last-year-help"))
            .severity(Severity::Warning),
        );
    }
    let dimension_column = kinds.iter().enumerate().rev().find_map(|(i, k)| match k {
        Column::Dimension(d) => Some((i, *d)),
        _ => None,
    });
    let (label, fixed) = match (fields[Field::Item as usize], dimension_column) {
        (Some(i), _) => (Some(i), None),
        (None, Some((i, d))) => (Some(i), Some((i, Sp::new(d.to_owned(), header[i].span)))),
        // The first column names the rows: blank, like `项目`; else a dimension by name.
        (None, None) if fields[Field::Metric as usize].is_none() && kinds[0] == Column::Other => {
            let h = &header[0];
            let fixed = (!h.is_empty()).then(|| (0, Sp::new(h.text.trim().to_owned(), h.span)));
            (Some(0), fixed)
        }
        (None, None) => (None, None),
    };
    if label.is_none() && fields[Field::Metric as usize].is_none() {
        let span = match (header.first(), header.last()) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        };
        file.findings.push(
            Finding::new(
                &codes::FORMAT,
                span,
                t!("actuals-wide-no-label", row = header_line),
            )
            .label(t!("actuals-wide-no-label-label"))
            .help(t!("actuals-wide-no-label-help")),
        );
        return;
    }
    let periods: Vec<(usize, Form)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            Column::Period(f) => Some((i, *f)),
            _ => None,
        })
        .collect();
    // `Q1目标` beside `Q1` (a two-row header's 目标 under the merged quarter).
    let targets = periods
        .iter()
        .map(|&(j, _)| {
            let period = super::table::strip_unit(&header[j].text).0.trim();
            header.iter().position(|h| {
                h.text
                    .trim()
                    .strip_prefix(period)
                    .is_some_and(|rest| header_field(rest) == Some(Field::Target))
            })
        })
        .collect();
    let layout = Layout {
        metric: fields[Field::Metric as usize],
        dimension: fields[Field::Dimension as usize],
        label,
        fixed,
        unit: fields[Field::Unit as usize],
        periods,
        targets,
        totals: kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| **k == Column::Total)
            .map(|(i, _)| i)
            .collect(),
    };
    let mut zeros = 0;
    for (line, cells) in records {
        if cells.iter().all(Cell::is_empty) || extra_cell(file, header.len(), line, &cells) {
            continue;
        }
        zeros += read_row(file, &header, &layout, line, &cells);
    }
    if zeros > 0 {
        file.findings.push(
            Finding::new(
                &codes::FORMAT,
                Span::default(),
                t!("actuals-zero-cells", count = zeros),
            )
            .severity(Severity::Warning)
            .help(t!("actuals-zero-cells-help")),
        );
    }
}

/// `-`, `—` and the like: finance's way of writing "nothing" in a cell.
fn is_dash(text: &str) -> bool {
    matches!(
        text.trim(),
        "-" | "--" | "—" | "——" | "–" | "－" | "/" | "／"
    )
}

/// One record: a row per filled period cell, and its totals checked. A blank or a dash
/// among a row's figures (before its last filled period), and a dash anywhere, is zero
/// for that period: the number of such cells is returned, for one line that says so.
fn read_row(
    file: &mut ActualsFile,
    header: &[Cell],
    layout: &Layout,
    line: usize,
    cells: &[Cell],
) -> usize {
    let get = |i: Option<usize>| {
        i.and_then(|i| cells.get(i))
            .filter(|c| !c.is_empty() && !is_dash(&c.text))
    };
    let sp = |c: &Cell| Sp::new(c.text.trim().to_owned(), c.span);
    let label = get(layout.label);
    let given_dimension = match &layout.fixed {
        Some((_, d)) => Some(d.clone()),
        None => get(layout.dimension).map(sp),
    };
    let total_row = label.is_some_and(|l| is_total(&l.text));
    let (metric, implied_by, metric_from, dimension, item) = match (get(layout.metric), label) {
        (Some(m), _) if total_row => (sp(m), None, None, None, None),
        (Some(m), l) => (sp(m), None, None, given_dimension, l.map(sp)),
        (None, Some(l)) => match given_dimension {
            // The metric's total for each period.
            Some(d) if total_row => (Sp::new(String::new(), l.span), Some(d), None, None, None),
            Some(d) => (
                Sp::new(String::new(), l.span),
                Some(d.clone()),
                None,
                Some(d),
                Some(sp(l)),
            ),
            // A sum of different metrics is no figure.
            None if total_row => return 0,
            None => {
                let from = layout.label.map(|i| header[i].text.trim().to_owned());
                (sp(l), None, from, None, None)
            }
        },
        (None, None) => {
            let given = layout.periods.iter().any(|(j, _)| get(Some(*j)).is_some());
            if given {
                let first = cells.iter().find(|c| !c.is_empty()).unwrap_or(&cells[0]);
                let what = header[layout.label.or(layout.metric).unwrap_or(0)]
                    .text
                    .trim()
                    .to_owned();
                file.findings.push(
                    Finding::new(
                        &codes::FORMAT,
                        first.span,
                        t!(
                            "actuals-row-incomplete",
                            row = line,
                            fields = format!("`{what}`"),
                            at = at(file, first)
                        ),
                    )
                    .label(t!("actuals-row-incomplete-label")),
                );
            }
            return 0;
        }
    };
    let unit = get(layout.unit);
    let coords = |i: Option<usize>| i.and_then(|i| cells.get(i)).and_then(|c| c.at);
    let label_at = coords(layout.label);
    // The last period column with a figure: blanks before it are zeros, after it the
    // months not reported yet.
    let last = layout
        .periods
        .iter()
        .rposition(|&(j, _)| get(Some(j)).is_some());
    let mut zeros = 0;
    for (pos, &(j, _)) in layout.periods.iter().enumerate() {
        let value = match get(Some(j)) {
            Some(v) => sp(v),
            None => {
                let Some(l) = last else { continue };
                let cell = cells.get(j);
                let dash = cell.is_some_and(|c| is_dash(&c.text));
                if !(dash || pos < l) {
                    continue;
                }
                zeros += 1;
                let span = cell.map_or(header[j].span, |c| c.span);
                Sp::new("0".to_owned(), span)
            }
        };
        let value_at = cells.get(j).and_then(|c| c.at);
        let mut cell_at = [None; 8];
        cell_at[Field::Metric as usize] = coords(layout.metric).or(label_at);
        cell_at[Field::Dimension as usize] = match &layout.fixed {
            Some((i, _)) => header[*i].at,
            None => coords(layout.dimension),
        };
        cell_at[Field::Item as usize] = label_at;
        cell_at[Field::Period as usize] = header[j].at;
        cell_at[Field::Value as usize] = value_at;
        cell_at[Field::Unit as usize] = coords(layout.unit);
        let target = layout.targets[pos].and_then(|k| get(Some(k)));
        cell_at[Field::Target as usize] = target.and_then(|t| t.at);
        file.rows.push(Row {
            metric: metric.clone(),
            dimension: dimension.clone(),
            item: item.clone(),
            period: Sp::new(
                super::table::strip_unit(&header[j].text).0.to_owned(),
                header[j].span,
            ),
            value,
            unit: unit.map(sp),
            last_year: None,
            target: target.map(sp),
            number: line,
            cells: file.sheet.is_some().then_some(cell_at),
            implied_by: implied_by.clone(),
            metric_from: metric_from.clone(),
            sheet: 0,
        });
    }
    for &t in &layout.totals {
        if let Some(total) = get(Some(t)) {
            check_total(file, layout, line, cells, (&header[t], total), unit);
        }
    }
    zeros
}

/// A value in a common base (元 for money), with the unit it is in (`unit`: that of the
/// row's unit cell, or of the file).
fn amount(cell: &Cell, unit: Option<&str>) -> Option<(Decimal, Unit)> {
    let q = Quantity::parse(&cell.text);
    let written = match (&q.unit, unit) {
        (Unit::Bare, Some(u)) => Quantity::parse(&format!("1{u}")).unit,
        (w, _) => w.clone(),
    };
    let a = q.amount?;
    match written {
        Unit::Money(m) => Some((a * m.factor(), Unit::Money(m))),
        other => Some((a, other)),
    }
}

/// Same kind of unit: money with money, else the very same unit.
fn same_kind(a: &Unit, b: &Unit) -> bool {
    matches!((a, b), (Unit::Money(_), Unit::Money(_))) || a == b
}

/// A total column against the sum of the row's months (or quarters).
fn check_total(
    file: &mut ActualsFile,
    layout: &Layout,
    line: usize,
    cells: &[Cell],
    (column, total): (&Cell, &Cell),
    unit: Option<&Cell>,
) {
    let unit = unit
        .map(|u| u.text.trim().to_owned())
        .or_else(|| file.unit.as_ref().map(|u| u.value.clone()));
    let unit = unit.as_deref();
    // The finest columns are the figures (months, else quarters, else halves).
    let finest = layout.periods.iter().map(|(_, f)| f.grain()).min();
    let months = finest == Some(0);
    let Some((total_base, total_unit)) = amount(total, unit) else {
        return;
    };
    let mut sum = Decimal::ZERO;
    for &(j, f) in &layout.periods {
        if Some(f.grain()) != finest {
            continue;
        }
        let Some(c) = cells.get(j).filter(|c| !c.is_empty()) else {
            continue;
        };
        // A cell that is not a number, or in another unit, is reported by the join.
        let Some((v, u)) = amount(c, unit) else {
            return;
        };
        if !same_kind(&u, &total_unit) {
            return;
        }
        sum += v;
    }
    if sum == total_base {
        return;
    }
    let (shown, suffix) = match &total_unit {
        Unit::Money(m) => (sum / m.factor(), m.to_string()),
        other => (sum, other.to_string()),
    };
    let total_text = match (Quantity::parse(&total.text).unit, unit) {
        (Unit::Bare, Some(u)) => format!("{}{u}", total.text.trim()),
        _ => total.text.trim().to_owned(),
    };
    let sum = format!("{}{suffix}", shown.normalize());
    let (name, at) = (column.text.trim(), at(file, total));
    let message = if months {
        t!(
            "actuals-wide-total-months",
            row = line,
            sum = sum,
            column = name,
            total = total_text,
            at = at
        )
    } else {
        t!(
            "actuals-wide-total-quarters",
            row = line,
            sum = sum,
            column = name,
            total = total_text,
            at = at
        )
    };
    file.findings.push(
        Finding::new(&codes::SUM_MISMATCH, total.span, message)
            .label(t!("actuals-wide-total-label"))
            .help(t!("actuals-wide-total-help"))
            // A 合计 that disagrees with its parts: the parts are read, the export is wrong.
            .severity(crate::diagnostics::Severity::Error),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scope, Lang};
    use std::path::Path;

    fn read(text: &str) -> ActualsFile {
        scope(Lang::En, || {
            super::super::table::load_csv(Path::new("t.actuals.csv"), text.as_bytes())
        })
    }

    fn messages(f: &ActualsFile) -> Vec<String> {
        f.findings
            .iter()
            .map(|x| format!("{} {}", x.code, x.message))
            .collect()
    }

    #[test]
    fn items_of_a_dimension_by_month() {
        let f = read("销售（单位：万元）\n省份,1月,2月,合计\n江苏,60,58,118\n合计,60,58,118\n");
        assert!(f.findings.is_empty(), "{:?}", messages(&f));
        assert_eq!(f.unit.as_ref().map(|u| u.as_str()), Some("万元"));
        assert_eq!(f.rows.len(), 4);
        let r = &f.rows[0];
        assert_eq!(r.metric.as_str(), "");
        assert_eq!(r.implied_by.as_ref().map(|d| d.as_str()), Some("province"));
        assert_eq!(r.dimension.as_ref().map(|d| d.as_str()), Some("province"));
        assert_eq!(r.item.as_ref().map(|d| d.as_str()), Some("江苏"));
        assert_eq!((r.period.as_str(), r.value.as_str()), ("1月", "60"));
        assert_eq!(r.number, 3);
        assert_eq!(f.rows[1].period.as_str(), "2月");
        // The total row: the metric's own figure per period.
        let t = &f.rows[2];
        assert_eq!(t.implied_by.as_ref().map(|d| d.as_str()), Some("province"));
        assert!(t.dimension.is_none() && t.item.is_none());
        assert_eq!(t.number, 4);
    }

    #[test]
    fn metrics_by_quarter_with_a_unit_column() {
        let f = read("项目,单位,Q1,Q2,合计\n年度销售额,万元,250,310,560\n合计,,1,1,2\n");
        assert!(f.findings.is_empty(), "{:?}", messages(&f));
        assert_eq!(f.rows.len(), 2, "the total row of metrics is skipped");
        let r = &f.rows[1];
        assert_eq!(r.metric.as_str(), "年度销售额");
        assert_eq!(r.metric_from.as_deref(), Some("项目"));
        assert!(r.implied_by.is_none() && r.dimension.is_none() && r.item.is_none());
        assert_eq!(r.unit.as_ref().map(|u| u.as_str()), Some("万元"));
        assert_eq!(r.period.as_str(), "Q2");
    }

    #[test]
    fn metric_dimension_and_item_columns() {
        let f = read("指标,维度,项目,Q1\nsales,product,a,150\nsales,,,250\n");
        assert!(f.findings.is_empty(), "{:?}", messages(&f));
        let r = &f.rows[0];
        assert_eq!(r.metric.as_str(), "sales");
        assert_eq!(r.dimension.as_ref().map(|d| d.as_str()), Some("product"));
        assert_eq!(r.item.as_ref().map(|d| d.as_str()), Some("a"));
        assert!(r.implied_by.is_none() && r.metric_from.is_none());
        let total = &f.rows[1];
        assert!(total.dimension.is_none() && total.item.is_none());
        // A metric column and a dimension-headed column.
        let f = read("指标,省份,Q1\nsales,江苏,150\nsales,合计,250\n");
        assert_eq!(
            f.rows[0].dimension.as_ref().map(|d| d.as_str()),
            Some("province")
        );
        assert_eq!(f.rows[0].item.as_ref().map(|d| d.as_str()), Some("江苏"));
        assert!(f.rows[1].item.is_none() && f.rows[1].dimension.is_none());
        assert!(f.rows.iter().all(|r| r.implied_by.is_none()));
    }

    #[test]
    fn the_first_column_names_the_rows() {
        let f = read("customer_type,Q1\n民营,10\n");
        let r = &f.rows[0];
        assert_eq!(
            r.implied_by.as_ref().map(|d| d.as_str()),
            Some("customer_type")
        );
        let f = read(",Q1,Q2\n年度销售额,10,20\n");
        assert_eq!(f.rows[0].metric.as_str(), "年度销售额");
        assert!(f.rows[0].implied_by.is_none());
        // With a metric column, a first column of its own is not read.
        let f = read("序号,指标,Q1\n1,sales,10\n");
        assert_eq!(f.rows[0].metric.as_str(), "sales");
        assert!(f.rows[0].item.is_none() && f.rows[0].implied_by.is_none());
    }

    #[test]
    fn a_header_that_names_no_rows() {
        let f = read("单位,1月\n万元,60\n");
        assert_eq!(f.rows.len(), 0);
        assert_eq!(
            messages(&f),
            ["P810 the header (row 1) has month or quarter columns but no column naming what each row is"]
        );
        assert_eq!(f.findings[0].primary.span, crate::source::Span::new(0, 11));
    }

    #[test]
    fn rows_without_a_label_and_extra_cells() {
        let f = read("省份,1月\n,60\n,\n江苏,1,2\n");
        assert_eq!(f.rows.len(), 0);
        assert_eq!(
            messages(&f),
            [
                "P810 row 2 has no `省份`",
                "P810 row 4 has more cells than the header has columns"
            ]
        );
    }

    #[test]
    fn last_year_is_not_read_in_the_wide_layout() {
        let f = read("省份,同期,1月\n江苏,50,60\n");
        assert_eq!(f.rows.len(), 1);
        assert!(f.rows[0].last_year.is_none());
        assert_eq!(
            messages(&f),
            ["P810 the `同期` column is not read in the wide layout"]
        );
        assert_eq!(
            f.findings[0].severity,
            crate::diagnostics::Severity::Warning
        );
    }

    #[test]
    fn totals_are_checked_not_read() {
        let months = read("省份,单位,1月,2月,Q1,合计\n江苏,万元,60,58,1,120\n");
        assert_eq!(months.rows.len(), 3, "the months and the quarter are read");
        assert_eq!(
            messages(&months),
            ["P809 row 2: the months add up to 118万元, but `合计` says 120万元"]
        );
        // A total that disagrees with its parts is an error: the parts are read.
        assert_eq!(
            months.findings[0].severity,
            crate::diagnostics::Severity::Error
        );
        let quarters = read("省份,Q1,Q2,合计\n江苏,1亿元,5000万元,1.6亿元\n");
        assert_eq!(
            messages(&quarters),
            ["P809 row 2: the quarters add up to 1.5亿元, but `合计` says 1.6亿元"]
        );
        // Money in two units adds up; empty cells are not given.
        assert!(read("省份,Q1,Q2,Q3,合计\n江苏,1亿元,5000万元,,1.5亿元\n")
            .findings
            .is_empty());
        // Counts with counts; a cell in another unit is for the join to report.
        assert!(read("省份,Q1,Q2,合计\n江苏,3家,4家,7家\n")
            .findings
            .is_empty());
        assert!(read("省份,Q1,Q2,合计\n江苏,3家,4万元,7家\n")
            .findings
            .is_empty());
        assert!(read("省份,Q1,Q2,合计\n江苏,3家,x,7家\n")
            .findings
            .is_empty());
        assert!(read("省份,Q1,合计\n江苏,3家,y\n").findings.is_empty());
        let counts = read("省份,Q1,Q2,合计\n江苏,3家,4家,8家\n");
        assert_eq!(
            messages(&counts),
            ["P809 row 2: the quarters add up to 7家, but `合计` says 8家"]
        );
        // The file's unit.
        let titled = read("单位：万元\n省份,Q1,Q2,合计\n江苏,3,4,8\n");
        assert_eq!(
            messages(&titled),
            ["P809 row 3: the quarters add up to 7万元, but `合计` says 8万元"]
        );
    }

    #[test]
    fn amounts_and_units() {
        let cell = |t: &str| Cell {
            text: t.to_owned(),
            span: Span::default(),
            at: None,
        };
        assert_eq!(
            amount(&cell("2亿元"), None),
            Some((
                Decimal::from(200_000_000),
                Unit::Money(crate::model::MoneyUnit::Yi)
            ))
        );
        assert_eq!(
            amount(&cell("3"), Some("万元")),
            Some((
                Decimal::from(30_000),
                Unit::Money(crate::model::MoneyUnit::Wan)
            ))
        );
        assert_eq!(
            amount(&cell("3"), None),
            Some((Decimal::from(3), Unit::Bare))
        );
        assert_eq!(amount(&cell("-"), None), None);
        assert!(same_kind(
            &Unit::Money(crate::model::MoneyUnit::Wan),
            &Unit::Money(crate::model::MoneyUnit::Yi)
        ));
        assert!(!same_kind(
            &Unit::Bare,
            &Unit::Money(crate::model::MoneyUnit::Wan)
        ));
        assert!(!same_kind(
            &Unit::Other("家".into()),
            &Unit::Other("人".into())
        ));
        assert!(same_kind(&Unit::Percent, &Unit::Percent));
    }

    #[test]
    fn columns_of_a_wide_header() {
        assert_eq!(classify("1月"), Column::Period(Form::Month(None, 1)));
        assert_eq!(classify("一季度"), Column::Period(Form::Quarter(None, 1)));
        assert_eq!(classify("合计"), Column::Total);
        assert_eq!(classify("全年"), Column::Total);
        assert_eq!(classify("省份"), Column::Dimension("province"));
        assert_eq!(classify("Product"), Column::Dimension("product"));
        assert_eq!(classify("项目"), Column::Field(Field::Item));
        assert_eq!(classify("备注"), Column::Other);
        assert_eq!(classify("总计"), Column::Total);
        assert_eq!(classify("Total"), Column::Total);
        assert_eq!(classify("客户类型"), Column::Dimension("customer_type"));
        assert_eq!(
            classify("customer_type"),
            Column::Dimension("customer_type")
        );
        for (header, dim) in [
            ("产品", "product"),
            ("省份", "province"),
            ("大区", "region"),
            ("城市", "city"),
            ("渠道", "channel"),
            ("医院", "account"),
            ("团队", "team"),
            ("代表", "representative"),
        ] {
            assert_eq!(dimension_of(header), Some(dim));
        }
        assert_eq!(normalized(" Customer_Type "), "customertype");
        assert_eq!(normalized("last-year"), "lastyear");
        assert!(is_total("合计") && is_total("FY") && is_total("2026"));
        assert!(!is_total("Q1") && !is_total("江苏"));
        let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(looks_wide(&texts(&["省份", "1月", "2月"])));
        assert!(!looks_wide(&texts(&["metric", "period", "value"])));
        assert!(!looks_wide(&texts(&["项目", "合计"])));
        assert!(!looks_wide(&texts(&["期间", "Q1"])));
    }
}
