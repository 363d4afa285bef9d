//! What a year-end review section shows besides its narrative: tables of computed
//! figures with status lights, and plan-vs-actual charts. One [`Figures`] is the body of
//! a report section (`Body::Review`); every cell is already written out. It lives here,
//! with the rest of the view-model, so `render` never imports `review` (which builds it).

use serde::Serialize;

use super::chart::Chart;
use super::view::Column;

/// The body of a review section: blocks of figures, in order.
#[derive(Clone, Debug, Serialize)]
pub struct Figures {
    /// A line above the blocks (the summary of lights and verdicts).
    pub intro: Option<String>,
    pub blocks: Vec<Block>,
}

/// One table, with its notes, contributor lines and chart.
#[derive(Clone, Debug, Serialize)]
pub struct Block {
    /// A caption above the table (when a section holds several blocks).
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Lines under the table: units, definitions, thresholds.
    pub note: Option<String>,
    /// `超额贡献：…`, `拖累完成：…`.
    pub highlights: Vec<String>,
    pub chart: Option<Chart>,
}

impl Block {
    /// Gives the bare numbers of each right-aligned column the same decimals (the most
    /// any of them has, padding with zeros — nothing is rounded): `25.30` above `25.62`.
    pub fn align_decimals(&mut self) {
        for (ci, col) in self.columns.iter().enumerate() {
            if col.align != "right" {
                continue;
            }
            let places = |t: &str| bare_number(t).map(|(_, f)| f.map_or(0, str::len));
            let dp = self
                .rows
                .iter()
                .filter_map(|r| r.cells.get(ci))
                .filter_map(|c| places(&c.text))
                .max()
                .unwrap_or(0);
            if dp == 0 {
                continue;
            }
            for r in &mut self.rows {
                let Some(c) = r.cells.get_mut(ci) else {
                    continue;
                };
                if let Some((int, frac)) = bare_number(&c.text) {
                    let frac = frac.unwrap_or("");
                    c.text = format!("{int}.{frac:0<dp$}");
                }
            }
        }
    }
}

/// `[sign]1,234[.56]` split at the point; `None` for anything else (units, `—`, `%`).
fn bare_number(t: &str) -> Option<(&str, Option<&str>)> {
    let body = t.trim_start_matches(['+', '-', '\u{2212}']);
    let ok = !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && body.matches('.').count() <= 1;
    if !ok {
        return None;
    }
    Some(match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// `body`, `sub` or `total`.
    pub kind: &'static str,
    pub depth: u8,
}

impl Row {
    /// A plain row of the table's body.
    pub fn body(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            kind: "body",
            depth: 0,
        }
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Cell {
    pub text: String,
    /// `green`, `amber` or `red`: the cell shows a status light.
    pub light: Option<&'static str>,
    /// `up` or `down`: a signed figure (variance, growth) and its direction.
    pub trend: Option<&'static str>,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            text: t.into(),
            ..Cell::default()
        }
    }
    pub fn light(t: impl Into<String>, light: &'static str) -> Cell {
        Cell {
            text: t.into(),
            light: Some(light),
            trend: None,
        }
    }
    pub fn signed(t: impl Into<String>) -> Cell {
        let text = t.into();
        let trend = if text.starts_with('+') {
            Some("up")
        } else if text.starts_with(['-', '\u{2212}']) {
            Some("down")
        } else {
            None
        };
        Cell {
            text,
            light: None,
            trend,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cell;

    #[test]
    fn a_column_of_bare_numbers_has_one_number_of_decimals() {
        use super::{Block, Row};
        use crate::render::view::Column;
        let col = |align: &'static str| Column {
            label: "x".into(),
            align,
            weight: 1,
            ..Default::default()
        };
        let row = |cells: &[&str]| Row {
            cells: cells.iter().map(|t| Cell::text(*t)).collect(),
            kind: "body",
            depth: 0,
        };
        let mut b = Block {
            caption: None,
            columns: vec![col("left"), col("right"), col("right")],
            rows: vec![
                row(&["a", "25.3", "101.3%"]),
                row(&["b", "\u{2212}0.46", "—"]),
                row(&["c", "1,036", "92.0%"]),
                row(&["1.5", "+0.125", "7家"]),
            ],
            note: None,
            highlights: Vec::new(),
            chart: None,
        };
        b.align_decimals();
        let col1: Vec<&str> = b.rows.iter().map(|r| r.cells[1].text.as_str()).collect();
        assert_eq!(col1, ["25.300", "\u{2212}0.460", "1,036.000", "+0.125"]);
        let col2: Vec<&str> = b.rows.iter().map(|r| r.cells[2].text.as_str()).collect();
        assert_eq!(
            col2,
            ["101.3%", "—", "92.0%", "7家"],
            "units and percentages stay"
        );
        assert_eq!(b.rows[3].cells[0].text, "1.5", "left columns stay");
    }

    #[test]
    fn a_real_minus_sign_reads_as_down() {
        assert_eq!(Cell::signed("\u{2212}0.21").trend, Some("down"));
        assert_eq!(Cell::signed("-0.21").trend, Some("down"));
        assert_eq!(Cell::signed("+0.11").trend, Some("up"));
        assert_eq!(Cell::signed("0").trend, None);
    }
}
