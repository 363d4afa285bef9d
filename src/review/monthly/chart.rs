//! The monthly report's two drawings, in the style of the review's plan-vs-actual chart
//! (`review::chart`): a ranking of attainment bars with the 时间进度 line, and a unit's
//! cumulative actual against its phased target curve. SVG, inlined by HTML, drawn as
//! vectors by the PDF and rasterised for DOCX; f64 only for pixels.

use std::fmt::Write as _;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::render::chart::{esc, text_width, ticks, Chart, ChartKind, Datum, FONT_STACK};
use crate::review::chart::colour;

/// One bar of the ranking: a unit's attainment (percent of its annual target) and its
/// own 序时进度 marker.
pub struct RankBar {
    pub key: String,
    pub label: String,
    pub attainment: Decimal,
    pub phased_pace: Option<Decimal>,
    pub text: String,
    pub light: &'static str,
}

pub struct RankLegend {
    pub time_pace: String,
    pub phased_pace: String,
    /// (`green` | `amber` | `red`, its entry): the bars are coloured by their light.
    pub lights: Vec<(&'static str, String)>,
    /// The entry for bars without a light (drawn in the plain bar colour).
    pub unlit: String,
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Attainment bars, best first, with a dashed vertical line at 时间进度 and a tick at
/// each unit's 序时进度.
pub fn ranking(
    id: &str,
    title: String,
    caption: String,
    bars: &[RankBar],
    time_pace: Decimal,
    legend: &RankLegend,
) -> Option<Chart> {
    if bars.is_empty() {
        return None;
    }
    let data: Vec<Datum> = bars
        .iter()
        .map(|b| Datum {
            key: b.key.clone(),
            label: b.label.clone(),
            value: b.text.clone(),
            share: None,
            magnitude: f(b.attainment),
            span: None,
        })
        .collect();
    let mut chart =
        Chart::new(id.into(), title, ChartKind::Bar, "%".into(), data).with_caption(caption);
    let largest = bars
        .iter()
        .map(|b| b.attainment.max(b.phased_pace.unwrap_or_default()))
        .max()
        .unwrap_or_default()
        .max(time_pace);
    let tk = ticks(largest);
    let axis_max = f(tk.last().copied().unwrap_or(Decimal::ONE_HUNDRED)).max(1.0);
    let label_w = bars
        .iter()
        .map(|b| text_width(&b.label, 12.0))
        .fold(40.0_f64, f64::max)
        .min(180.0)
        + 12.0;
    let width = 640.0;
    let value_w = 70.0;
    let plot_w = width - label_w - value_w;
    let row_h = 28.0;
    let top = 24.0;
    let axis_y = top + row_h * bars.len() as f64 + 4.0;
    let height = axis_y + 22.0;
    let x = |v: f64| label_w + v / axis_max * plot_w;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="{FONT_STACK}" font-size="12" role="img">"#
    );
    // Legend: the 时间进度 line, the 序时进度 marker, then one entry per bar colour
    // drawn, in that colour.
    let mut lx = label_w;
    let _ = write!(
        s,
        r##"<line x1="{lx:.1}" y1="9" x2="{:.1}" y2="9" stroke="#c62828" stroke-width="1.5" stroke-dasharray="4 3"/><text x="{:.1}" y="13" fill="#333">{}</text>"##,
        lx + 16.0,
        lx + 20.0,
        esc(&legend.time_pace)
    );
    lx += 20.0 + text_width(&legend.time_pace, 12.0) + 14.0;
    let _ = write!(
        s,
        r##"<rect x="{lx:.1}" y="3" width="3" height="12" fill="#222"/><text x="{:.1}" y="13" fill="#333">{}</text>"##,
        lx + 8.0,
        esc(&legend.phased_pace)
    );
    lx += 8.0 + text_width(&legend.phased_pace, 12.0) + 14.0;
    let mut entry = |s: &mut String, fill: &str, text: &str| {
        let _ = write!(
            s,
            r##"<rect x="{lx:.1}" y="4" width="14" height="10" fill="{fill}"/><text x="{:.1}" y="13" fill="#333">{}</text>"##,
            lx + 18.0,
            esc(text)
        );
        lx += 18.0 + text_width(text, 12.0) + 14.0;
    };
    for (l, name) in &legend.lights {
        if bars.iter().any(|b| b.light == *l) {
            entry(&mut s, colour(l), name);
        }
    }
    if bars
        .iter()
        .any(|b| !legend.lights.iter().any(|(l, _)| *l == b.light))
    {
        entry(&mut s, colour("none"), &legend.unlit);
    }
    for t in &tk {
        let tx = x(f(*t));
        let _ = write!(
            s,
            r##"<line x1="{tx:.1}" y1="{top}" x2="{tx:.1}" y2="{axis_y}" stroke="#e3e7ee" stroke-width="1"/><text x="{tx:.1}" y="{:.1}" text-anchor="middle" fill="#5f6b7a" font-size="10">{}%</text>"##,
            axis_y + 13.0,
            crate::num::dec(*t, 1)
        );
    }
    let _ = write!(
        s,
        r##"<line x1="{label_w}" y1="{axis_y}" x2="{:.1}" y2="{axis_y}" stroke="#9aa5b4" stroke-width="1"/>"##,
        label_w + plot_w
    );
    for (i, b) in bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" fill="#222">{}</text><rect x="{label_w}" y="{}" width="{:.1}" height="16" fill="{}"/>"##,
            label_w - 8.0,
            y + 17.0,
            esc(&b.label),
            y + 5.0,
            (x(f(b.attainment)) - label_w).max(0.0),
            colour(b.light)
        );
        if let Some(p) = b.phased_pace {
            let px = x(f(p));
            let _ = write!(
                s,
                r##"<rect x="{:.1}" y="{}" width="3" height="22" fill="#222"/>"##,
                px - 1.5,
                y + 2.0
            );
        }
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" fill="#222">{}</text>"##,
            label_w + plot_w + 8.0,
            y + 17.0,
            esc(&b.text)
        );
    }
    let tx = x(f(time_pace));
    let _ = write!(
        s,
        r##"<line x1="{tx:.1}" y1="{}" x2="{tx:.1}" y2="{axis_y}" stroke="#c62828" stroke-width="1.5" stroke-dasharray="4 3"/>"##,
        top - 2.0
    );
    s.push_str("</svg>");
    chart.svg = s;
    Some(chart)
}

/// One point of the cumulative chart: the month's label, the phased target to the
/// month's end, and the actual to it (none after the last closed month).
pub struct CumPoint {
    pub label: String,
    pub target: Decimal,
    pub actual: Option<Decimal>,
}

pub struct CumLegend {
    pub target: String,
    pub actual: String,
}

/// The phased target curve over the year and the cumulative actual over the months
/// closed; `factor` turns 元 into the unit the axis is labelled in.
pub fn cumulative(
    id: &str,
    title: String,
    caption: String,
    unit: String,
    factor: Decimal,
    points: &[CumPoint],
    legend: &CumLegend,
) -> Option<Chart> {
    if points.iter().all(|p| p.actual.is_none()) {
        return None;
    }
    let factor = if factor.is_zero() {
        Decimal::ONE
    } else {
        factor
    };
    let data: Vec<Datum> = points
        .iter()
        .filter_map(|p| {
            let a = p.actual?;
            Some(Datum {
                key: p.label.clone(),
                label: p.label.clone(),
                value: crate::num::dec((a / factor).round_dp(2), 2),
                share: Some(crate::num::dec((p.target / factor).round_dp(2), 2)),
                magnitude: f(a / factor),
                span: None,
            })
        })
        .collect();
    let mut chart =
        Chart::new(id.into(), title, ChartKind::Column, unit.clone(), data).with_caption(caption);
    let largest = points
        .iter()
        .flat_map(|p| [Some(p.target), p.actual])
        .flatten()
        .max()
        .unwrap_or_default();
    let tk = ticks(largest / factor);
    let axis_max = f(tk.last().copied().unwrap_or(Decimal::ONE) * factor).max(f64::MIN_POSITIVE);
    let (width, height) = (640.0, 300.0);
    let (left, right, top, bottom) = (64.0, 16.0, 40.0, 30.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let n = points.len().max(1) as f64;
    let px = |i: usize| left + plot_w * (i as f64 + 0.5) / n;
    let py = |v: Decimal| top + plot_h * (1.0 - f(v) / axis_max);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="{FONT_STACK}" font-size="12" role="img">"#
    );
    let mut lx = left;
    let _ = write!(
        s,
        r##"<line x1="{lx}" y1="10" x2="{:.1}" y2="10" stroke="#8a96a8" stroke-width="2" stroke-dasharray="5 3"/><text x="{:.1}" y="14" fill="#333">{}</text>"##,
        lx + 18.0,
        lx + 22.0,
        esc(&legend.target)
    );
    lx += 22.0 + text_width(&legend.target, 12.0) + 16.0;
    let _ = write!(
        s,
        r##"<line x1="{lx:.1}" y1="10" x2="{:.1}" y2="10" stroke="#2f5d9e" stroke-width="2.5"/><circle cx="{:.1}" cy="10" r="3" fill="#2f5d9e"/><text x="{:.1}" y="14" fill="#333">{}</text>"##,
        lx + 18.0,
        lx + 9.0,
        lx + 22.0,
        esc(&legend.actual)
    );
    for t in &tk {
        let y = py(*t * factor);
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#e3e7ee" stroke-width="1"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#5f6b7a" font-size="10">{}</text>"##,
            left + plot_w,
            left - 6.0,
            y + 3.5,
            crate::num::dec(*t, 4)
        );
    }
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="#5f6b7a" font-size="10">{}</text>"##,
        left - 6.0,
        top - 8.0,
        esc(&unit)
    );
    let base = top + plot_h;
    let _ = write!(
        s,
        r##"<line x1="{left}" y1="{base:.1}" x2="{:.1}" y2="{base:.1}" stroke="#9aa5b4" stroke-width="1"/>"##,
        left + plot_w
    );
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#5f6b7a" font-size="10">{}</text>"##,
            px(i),
            base + 14.0,
            esc(&p.label)
        );
    }
    let path = |vals: Vec<(usize, Decimal)>| -> String {
        vals.iter()
            .enumerate()
            .map(|(k, (i, v))| {
                format!(
                    "{}{:.1},{:.1}",
                    if k == 0 { "M" } else { " L" },
                    px(*i),
                    py(*v)
                )
            })
            .collect()
    };
    let target = path(
        points
            .iter()
            .enumerate()
            .map(|(i, p)| (i, p.target))
            .collect(),
    );
    let _ = write!(
        s,
        r##"<path d="{target}" fill="none" stroke="#8a96a8" stroke-width="2" stroke-dasharray="5 3"/>"##
    );
    let actual: Vec<(usize, Decimal)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, p.actual?)))
        .collect();
    let _ = write!(
        s,
        r##"<path d="{}" fill="none" stroke="#2f5d9e" stroke-width="2.5"/>"##,
        path(actual.clone())
    );
    for (i, v) in &actual {
        let _ = write!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="3" fill="#2f5d9e"/>"##,
            px(*i),
            py(*v)
        );
    }
    s.push_str("</svg>");
    chart.svg = s;
    Some(chart)
}
