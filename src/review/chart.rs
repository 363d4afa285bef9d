//! Plan-vs-actual charts: for each item a pale target bar and, over it, the actual bar
//! coloured by its status light, with the attainment at the end of the row.
//!
//! The drawing is SVG (inlined by HTML). The chart is also described as a
//! `render::chart::Chart` of the actuals, so formats that redraw charts still get one.

use std::fmt::Write as _;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::render::chart::{esc, text_width, Chart, ChartKind, Datum, FONT_STACK};

/// One row of the chart.
pub struct Bar {
    pub key: String,
    pub label: String,
    pub target: Option<Decimal>,
    pub actual: Option<Decimal>,
    /// Written values for the alt text and the end of the row.
    pub actual_text: String,
    pub attainment_text: String,
    pub light: &'static str,
}

pub fn colour(light: &str) -> &'static str {
    match light {
        "green" => "#2e7d32",
        "amber" => "#e0a100",
        "red" => "#c62828",
        _ => "#2f5d9e",
    }
}

/// The chart, numbered `number` in the report.
pub fn plan_vs_actual(
    number: usize,
    title: String,
    caption: String,
    unit: String,
    legend: (&str, &str),
    bars: &[Bar],
) -> Option<Chart> {
    if bars.iter().all(|b| b.actual.is_none()) {
        return None;
    }
    let data: Vec<Datum> = bars
        .iter()
        .map(|b| Datum {
            key: b.key.clone(),
            label: b.label.clone(),
            value: b.actual_text.clone(),
            share: Some(b.attainment_text.clone()),
            magnitude: b.actual.and_then(|a| a.to_f64()).unwrap_or(0.0),
            span: None,
        })
        .collect();
    let mut chart = Chart::new(format!("chart-{number}"), title, ChartKind::Bar, unit, data)
        .with_caption(caption);
    chart.svg = draw(bars, legend);
    Some(chart)
}

fn draw(bars: &[Bar], legend: (&str, &str)) -> String {
    // Geometry in f64 for pixels only; the figures were written with Decimal.
    let max = bars
        .iter()
        .flat_map(|b| [b.target, b.actual])
        .flatten()
        .filter_map(|d| d.to_f64())
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let label_w = bars
        .iter()
        .map(|b| text_width(&b.label, 12.0))
        .fold(40.0_f64, f64::max)
        .min(180.0)
        + 12.0;
    let value_w = 150.0;
    // The size `render::chart::Chart::size` gives a bar chart, which paged formats use.
    let width = 640.0;
    let plot_w = width - label_w - value_w;
    let row_h = 30.0;
    let top = 18.0;
    let height = top + row_h * bars.len() as f64 + 8.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="{FONT_STACK}" font-size="12" role="img">"#
    );
    // Legend.
    let _ = write!(
        s,
        r##"<rect x="{label_w}" y="2" width="14" height="10" fill="#d5dbe3"/><text x="{}" y="11" fill="#333">{}</text><rect x="{}" y="2" width="14" height="10" fill="#2f5d9e"/><text x="{}" y="11" fill="#333">{}</text>"##,
        label_w + 18.0,
        esc(legend.0),
        label_w + 80.0,
        label_w + 98.0,
        esc(legend.1)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" fill="#222">{}</text>"##,
            label_w - 8.0,
            y + 19.0,
            esc(&b.label)
        );
        if let Some(t) = b.target.and_then(|t| t.to_f64()) {
            let w = (t / max * plot_w).max(0.0);
            let _ = write!(
                s,
                r##"<rect x="{label_w}" y="{}" width="{w:.1}" height="22" fill="#d5dbe3"/>"##,
                y + 4.0
            );
        }
        if let Some(a) = b.actual.and_then(|a| a.to_f64()) {
            let w = (a / max * plot_w).max(0.0);
            let _ = write!(
                s,
                r#"<rect x="{label_w}" y="{}" width="{w:.1}" height="12" fill="{}"/>"#,
                y + 9.0,
                colour(b.light)
            );
        }
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" fill="#222">{}</text>"##,
            label_w + plot_w + 8.0,
            y + 19.0,
            esc(&format!("{}  {}", b.actual_text, b.attainment_text))
        );
    }
    s.push_str("</svg>");
    s
}
