//! Plan-vs-actual charts: for each item a pale target bar and, over it, the actual bar
//! coloured by its status light, with the attainment at the end of the row.
//!
//! The drawing is SVG (inlined by HTML). The chart is also described as a
//! `render::chart::Chart` of the actuals, so formats that redraw charts still get one.

use std::fmt::Write as _;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::render::chart::{esc, text_width, ticks, Chart, ChartKind, Datum, FONT_STACK};

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

/// What the legend says: the pale bar, the actual bar, and the name of each status
/// light the actual bars may be coloured by.
pub struct Legend {
    pub target: String,
    pub actual: String,
    /// (`green` | `amber` | `red`, the entry for actual bars in its colour): `实际（绿灯）`.
    pub lights: Vec<(&'static str, String)>,
}

/// The chart, numbered `number` in the report; `factor` turns a bar's value into the
/// unit the value axis is labelled in (元 per 万元 for money, 1 for counts).
pub fn plan_vs_actual(
    number: usize,
    title: String,
    caption: String,
    unit: String,
    legend: &Legend,
    factor: Decimal,
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
    chart.svg = draw(bars, legend, factor, &chart.unit);
    Some(chart)
}

fn draw(bars: &[Bar], legend: &Legend, factor: Decimal, unit: &str) -> String {
    // The axis runs to the first tick at or past the largest bar, in the axis's unit.
    let largest = bars
        .iter()
        .flat_map(|b| [b.target, b.actual])
        .flatten()
        .max()
        .unwrap_or_default();
    let factor = if factor.is_zero() {
        Decimal::ONE
    } else {
        factor
    };
    let ticks = ticks(largest / factor);
    let axis_max = ticks.last().copied().unwrap_or(Decimal::ONE);
    // Geometry in f64 for pixels only; the figures were written with Decimal.
    let max = (axis_max * factor)
        .to_f64()
        .unwrap_or(1.0)
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
    let top = 22.0;
    let axis_y = top + row_h * bars.len() as f64 + 4.0;
    let height = axis_y + 22.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="{FONT_STACK}" font-size="12" role="img">"#
    );
    // Legend: an entry for each series drawn, in the colour it is drawn in.
    let mut x = label_w;
    let mut entry = |s: &mut String, fill: &str, text: &str| {
        let _ = write!(
            s,
            r##"<rect x="{x:.1}" y="4" width="14" height="10" fill="{fill}"/><text x="{:.1}" y="13" fill="#333">{}</text>"##,
            x + 18.0,
            esc(text)
        );
        x += 18.0 + text_width(text, 12.0) + 14.0;
    };
    if bars.iter().any(|b| b.target.is_some()) {
        entry(&mut s, "#d5dbe3", &legend.target);
    }
    let drawn: Vec<&str> = bars
        .iter()
        .filter(|b| b.actual.is_some())
        .map(|b| b.light)
        .collect();
    let lit: Vec<&(&str, String)> = legend
        .lights
        .iter()
        .filter(|(l, _)| drawn.contains(l))
        .collect();
    if drawn
        .iter()
        .any(|l| !legend.lights.iter().any(|(k, _)| k == l))
    {
        entry(&mut s, colour("none"), &legend.actual);
    }
    for (l, name) in lit {
        entry(&mut s, colour(l), name);
    }
    // The value axis: gridlines at each tick, labelled in the chart's unit.
    for t in &ticks {
        let tx = label_w + (*t / axis_max).to_f64().unwrap_or(0.0) * plot_w;
        let _ = write!(
            s,
            r##"<line x1="{tx:.1}" y1="{top}" x2="{tx:.1}" y2="{axis_y}" stroke="#e3e7ee" stroke-width="1"/><text x="{tx:.1}" y="{:.1}" text-anchor="middle" fill="#5f6b7a" font-size="10">{}</text>"##,
            axis_y + 13.0,
            crate::num::dec(*t, 4)
        );
    }
    // The unit after the last tick's label, clear of it.
    let last = crate::num::dec(axis_max, 4);
    let _ = write!(
        s,
        r##"<line x1="{label_w}" y1="{axis_y}" x2="{:.1}" y2="{axis_y}" stroke="#9aa5b4" stroke-width="1"/><text x="{:.1}" y="{:.1}" fill="#5f6b7a" font-size="10">{}</text>"##,
        label_w + plot_w,
        label_w + plot_w + text_width(&last, 10.0) / 2.0 + 6.0,
        axis_y + 13.0,
        esc(unit)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(target: Option<i64>, actual: Option<i64>, light: &'static str) -> Bar {
        Bar {
            key: "k".into(),
            label: "项".into(),
            target: target.map(Decimal::from),
            actual: actual.map(Decimal::from),
            actual_text: String::new(),
            attainment_text: String::new(),
            light,
        }
    }

    fn legend() -> Legend {
        Legend {
            target: "目标".into(),
            actual: "实际".into(),
            lights: vec![
                ("green", "实际（绿灯）".into()),
                ("amber", "实际（黄灯）".into()),
                ("red", "实际（红灯）".into()),
            ],
        }
    }

    #[test]
    fn each_legend_entry_is_a_series_drawn_in_its_colour() {
        let svg = draw(
            &[
                bar(Some(10), Some(11), "green"),
                bar(Some(10), Some(9), "amber"),
            ],
            &legend(),
            Decimal::ONE,
            "万元",
        );
        assert!(
            svg.contains("目标") && svg.contains("实际（绿灯）") && svg.contains("实际（黄灯）")
        );
        assert!(!svg.contains("红灯"), "no red bar, no red entry");
        assert!(
            !svg.contains(&format!("fill=\"{}\"", colour("none"))),
            "{svg}"
        );
        // The value axis carries its unit.
        assert!(svg.contains(">万元</text>"), "{svg}");
        // No target bars (a segment against last year is drawn with its own names): no
        // target entry.
        let svg = draw(&[bar(None, Some(5), "none")], &legend(), Decimal::ONE, "家");
        assert!(!svg.contains("目标"));
        assert!(svg.contains(&format!("fill=\"{}\"/><text", colour("none"))));
    }
}
