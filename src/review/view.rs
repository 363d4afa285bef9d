//! What a review section shows besides its narrative: tables of computed figures with
//! status lights, and plan-vs-actual charts. One [`Figures`] is the body of a report
//! section (`Body::Review`); every cell is already written out.

use serde::Serialize;

use crate::render::chart::Chart;
use crate::render::view::Column;

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

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// `body`, `sub` or `total`.
    pub kind: &'static str,
    pub depth: u8,
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
    fn a_real_minus_sign_reads_as_down() {
        assert_eq!(Cell::signed("\u{2212}0.21").trend, Some("down"));
        assert_eq!(Cell::signed("-0.21").trend, Some("down"));
        assert_eq!(Cell::signed("+0.11").trend, Some("up"));
        assert_eq!(Cell::signed("0").trend, None);
    }
}
