//! Finance's own long layout: no `metric` column; the items stand in columns named by
//! their dimension (`省份`, `医院`, `代表` …) beside a period (`月份`) and an amount
//! (`销售额`). The first such column is the plan's dimension (its target is the one the
//! plan breaks down by it); columns after it are finer than the plan (a hospital, a
//! representative): their rows are summed, exactly, into one figure per item and period,
//! and one line says how many rows went into how many figures — never a duplicate error
//! per row.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::table::{Cell, Record};
use super::{codes, ActualsFile, Field, Row};
use crate::diagnostics::{Finding, Severity};
use crate::model::{Quantity, Sp};
use crate::source::Span;
use crate::t;

/// One figure being summed: the first row's cells, and the running sum (`None` once a
/// value cannot be read: then every row is kept as written, so each is reported).
struct Group {
    rows: Vec<Row>,
    sum: Option<Decimal>,
    unit: String,
}

pub(super) fn rows(
    file: &mut ActualsFile,
    header: &[Cell],
    records: Vec<Record>,
    columns: [Option<usize>; 8],
    dims: &[(usize, &'static str)],
) {
    let (dim_col, dim) = dims[0];
    let finer = dims.len() > 1;
    let dim_sp = Sp::new(dim.to_owned(), header[dim_col].span);
    let sp = |c: &Cell| Sp::new(c.text.trim().to_owned(), c.span);
    let mut order: Vec<(String, String, String)> = Vec::new();
    let mut groups: HashMap<(String, String, String), Group> = HashMap::new();
    let mut read = 0usize;
    for (line, cells) in records {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let get = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .filter(|c| !c.text.trim().is_empty())
        };
        let (Some(item), Some(period), Some(value)) = (
            get(Some(dim_col)),
            get(columns[Field::Period as usize]),
            get(columns[Field::Value as usize]),
        ) else {
            // A footer (注：数据来源…) or a subtotal line without its item: not a figure.
            continue;
        };
        let unit = get(columns[Field::Unit as usize]);
        let mut cell_at = [None; 8];
        cell_at[Field::Metric as usize] = item.at;
        cell_at[Field::Dimension as usize] = header[dim_col].at;
        cell_at[Field::Item as usize] = item.at;
        cell_at[Field::Period as usize] = period.at;
        cell_at[Field::Value as usize] = value.at;
        cell_at[Field::Unit as usize] = unit.and_then(|u| u.at);
        // A target beside a detail row is the detail's, not the plan item's: not checked.
        let target = get(columns[Field::Target as usize]).filter(|_| !finer);
        cell_at[Field::Target as usize] = target.and_then(|t| t.at);
        let row = Row {
            metric: Sp::new(String::new(), item.span),
            dimension: Some(dim_sp.clone()),
            item: Some(sp(item)),
            period: sp(period),
            value: sp(value),
            unit: unit.map(sp),
            last_year: None,
            target: target.map(sp),
            number: line,
            cells: file.sheet.is_some().then_some(cell_at),
            implied_by: Some(dim_sp.clone()),
            metric_from: None,
            sheet: 0,
        };
        read += 1;
        if !finer {
            file.rows.push(row);
            continue;
        }
        let q = Quantity::parse(value.text.trim());
        let written_unit = q.unit_text().to_owned();
        let key = (
            item.text.trim().to_owned(),
            period.text.trim().to_owned(),
            format!("{written_unit}|{}", unit.map_or("", |u| u.text.trim())),
        );
        let g = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            Group {
                rows: Vec::new(),
                sum: Some(Decimal::ZERO),
                unit: written_unit.clone(),
            }
        });
        g.sum = match (g.sum, q.amount) {
            (Some(s), Some(a)) => s.checked_add(a),
            _ => None,
        };
        g.rows.push(row);
    }
    if !finer {
        return;
    }
    let figures = order.len();
    for key in order {
        let Some(mut g) = groups.remove(&key) else {
            continue;
        };
        match g.sum {
            Some(sum) if g.rows.len() > 1 => {
                let mut first = g.rows.swap_remove(0);
                first.value = Sp::new(format!("{}{}", sum.normalize(), g.unit), first.value.span);
                file.rows.push(first);
            }
            _ => file.rows.extend(g.rows),
        }
    }
    let finer_names: Vec<&str> = dims[1..]
        .iter()
        .map(|(i, _)| header[*i].text.trim())
        .collect();
    file.findings.push(
        Finding::new(
            &codes::FORMAT,
            Span::default(),
            t!(
                "actuals-detail-summed",
                rows = read,
                figures = figures,
                finer = super::table::list(&finer_names),
                by = header[dim_col].text.trim()
            ),
        )
        .severity(Severity::Warning)
        .help(t!(
            "actuals-detail-summed-help",
            by = header[dim_col].text.trim()
        )),
    );
}
