//! Charts: described once in the view-model, drawn as SVG.
//!
//! HTML inlines the SVG; DOCX rasterises the very same drawing (see `raster`). The
//! figures and labels are formatted in `build` with `Decimal`; the `magnitude` of a
//! datum is an f64 copy used for pixel geometry only.

use std::fmt::Write as _;

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::Serialize;

/// Fonts for chart text: CJK-capable faces first, so Chinese labels render wherever
/// one of them is installed.
pub const FONT_STACK: &str = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Heiti SC',sans-serif";

pub const PALETTE: [&str; 10] = [
    "#2f5d9e", "#e0833a", "#3c9d6b", "#c4474c", "#7d62b5", "#2a9bb0", "#c9a227", "#8c6d4f",
    "#d16aa3", "#6b7d8f",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Horizontal bars, one per category (products, regions).
    Bar,
    /// Vertical columns in time order (quarters, months, phases).
    Column,
    /// Shares of a whole (budget composition).
    Donut,
    /// Phases on a time axis.
    Gantt,
}

#[derive(Clone, Debug, Serialize)]
pub struct Datum {
    /// Ascii id of the item (`jiangsu`, `Q1`), used when no CJK font is available.
    pub key: String,
    pub label: String,
    /// The value as the report writes it (`2.45`).
    pub value: String,
    /// Share of the whole (`27.0%`).
    pub share: Option<String>,
    #[serde(skip)]
    pub magnitude: f64,
    /// For Gantt rows: start and end on the chart's axis.
    #[serde(skip)]
    pub span: Option<(f64, f64)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Chart {
    /// Unique in the report: `chart-1`.
    pub id: String,
    pub title: String,
    /// Figure number in the report (1, 2, …) and the caption with it (`图1　…（亿元）`).
    pub number: usize,
    pub caption: String,
    pub kind: ChartKind,
    /// Unit of the values (`亿元`), shown in the caption.
    pub unit: String,
    /// Centre text of a donut (the total).
    pub total: Option<String>,
    /// Axis end labels of a Gantt chart.
    pub axis: Option<(String, String)>,
    /// Ticks of a Gantt chart's axis (position on the axis of the data's spans, label):
    /// one per month or phase; when empty, only the axis ends are labelled.
    pub ticks: Vec<(f64, String)>,
    /// A second row under the ticks (the year at the first tick and at every January).
    pub tick_groups: Vec<(f64, String)>,
    pub data: Vec<Datum>,
    /// The drawing, for formats that inline SVG.
    pub svg: String,
    /// A text alternative listing every value.
    pub alt: String,
}

/// How chart text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextMode {
    /// Labels as written (needs a CJK font to display Chinese).
    Native,
    /// Non-ASCII labels replaced by the item's ascii key, for rasterising without
    /// a CJK font.
    Ascii,
}

impl Chart {
    pub fn new(
        id: String,
        title: String,
        kind: ChartKind,
        unit: String,
        data: Vec<Datum>,
    ) -> Chart {
        let alt = data
            .iter()
            .map(|d| match &d.share {
                Some(s) => format!("{} {} ({s})", d.label, d.value),
                None => format!("{} {}", d.label, d.value),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let number = id
            .rsplit('-')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let mut c = Chart {
            id,
            caption: title.clone(),
            number,
            title,
            kind,
            unit,
            total: None,
            axis: None,
            ticks: Vec::new(),
            tick_groups: Vec::new(),
            data,
            svg: String::new(),
            alt,
        };
        c.svg = c.draw(TextMode::Native);
        c
    }

    pub fn with_caption(mut self, caption: String) -> Chart {
        self.caption = caption;
        self
    }

    pub fn with_total(mut self, total: String) -> Chart {
        self.total = Some(total);
        self.svg = self.draw(TextMode::Native);
        self
    }

    pub fn with_ticks(mut self, ticks: Vec<(f64, String)>, groups: Vec<(f64, String)>) -> Chart {
        self.ticks = ticks;
        self.tick_groups = groups;
        self.svg = self.draw(TextMode::Native);
        self
    }

    pub fn with_axis(mut self, from: String, to: String) -> Chart {
        self.axis = Some((from, to));
        self.svg = self.draw(TextMode::Native);
        self
    }

    /// The chart as a standalone SVG document.
    pub fn draw(&self, mode: TextMode) -> String {
        match self.kind {
            ChartKind::Bar => self.bars(mode),
            ChartKind::Column => self.columns(mode),
            ChartKind::Donut => self.donut(mode),
            ChartKind::Gantt => self.gantt(mode),
        }
    }

    /// Width and height of the drawing in CSS pixels.
    pub fn size(&self) -> (f64, f64) {
        let n = self.data.len() as f64;
        match self.kind {
            // The rows, then the value axis with its tick labels.
            ChartKind::Bar => (WIDTH, 16.0 + n * 30.0 + 10.0 + AXIS_H),
            ChartKind::Column => (WIDTH, 250.0),
            ChartKind::Donut => (WIDTH, (40.0 + n * 26.0).max(220.0)),
            ChartKind::Gantt if !self.tick_groups.is_empty() => (WIDTH, 20.0 + n * 30.0 + 48.0),
            ChartKind::Gantt => (WIDTH, 20.0 + n * 30.0 + 34.0),
        }
    }

    fn label(&self, d: &Datum, i: usize, mode: TextMode) -> String {
        match mode {
            TextMode::Native => d.label.clone(),
            TextMode::Ascii if d.label.is_ascii() => d.label.clone(),
            TextMode::Ascii if d.key.is_ascii() && !d.key.is_empty() => d.key.clone(),
            TextMode::Ascii => format!("#{}", i + 1),
        }
    }

    fn open(&self, out: &mut String) {
        let (w, h) = self.size();
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{}" font-family="{}" font-size="13">"#,
            esc(&self.title),
            FONT_STACK
        );
    }

    fn bars(&self, mode: TextMode) -> String {
        let mut out = String::new();
        self.open(&mut out);
        let labels: Vec<String> = self
            .data
            .iter()
            .enumerate()
            .map(|(i, d)| self.label(d, i, mode))
            .collect();
        let label_w = labels
            .iter()
            .map(|l| text_width(l, 13.0))
            .fold(40.0, f64::max)
            .min(220.0);
        let x0 = 8.0 + label_w + 8.0;
        let value_w = self
            .data
            .iter()
            .map(|d| text_width(&value_text(d), 12.0))
            .fold(0.0, f64::max);
        let span = (WIDTH - x0 - value_w - 16.0).max(60.0);
        let largest = self.data.iter().map(|d| d.magnitude).fold(0.0, f64::max);
        // The axis runs to the first round tick at or past the largest bar; bars are
        // measured against it. (Ticks label the geometry; the figures are the values.)
        let ticks = ticks(Decimal::from_f64(largest).unwrap_or_default());
        let axis_max = ticks.last().copied().unwrap_or_default();
        let max = axis_max.to_f64().unwrap_or(largest);
        let axis_y = 16.0 + self.data.len() as f64 * 30.0 + 2.0;
        for t in &ticks {
            let tx = x0
                + if max > 0.0 {
                    t.to_f64().unwrap_or(0.0) / max * span
                } else {
                    0.0
                };
            let _ = write!(
                out,
                r##"<line x1="{x}" y1="12" x2="{x}" y2="{axis_y}" stroke="#e3e7ee" stroke-width="1"/><text x="{x}" y="{}" text-anchor="middle" font-size="10" fill="#5f6b7a">{}</text>"##,
                axis_y + 14.0,
                crate::num::dec(*t, 4),
                x = r1(tx),
            );
        }
        let last = crate::num::dec(axis_max, 4);
        let _ = write!(
            out,
            r##"<line x1="{x0}" y1="{axis_y}" x2="{}" y2="{axis_y}" stroke="#9aa5b4" stroke-width="1"/><text x="{}" y="{}" font-size="10" fill="#5f6b7a">{}</text>"##,
            r1(x0 + span),
            r1(x0 + span + text_width(&last, 10.0) / 2.0 + 6.0),
            axis_y + 14.0,
            esc(&self.unit)
        );
        for (i, (d, l)) in self.data.iter().zip(&labels).enumerate() {
            let y = 16.0 + i as f64 * 30.0;
            let w = if max > 0.0 {
                d.magnitude.max(0.0) / max * span
            } else {
                0.0
            };
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" text-anchor="end" fill="#333333">{}</text>"##,
                x0 - 8.0,
                y + 14.0,
                esc(&clip(l, 220.0, 13.0))
            );
            // Nothing is drawn for a bar without a value (its figure still shows).
            if w > 0.0 {
                let _ = write!(
                    out,
                    r#"<rect x="{x0}" y="{y}" width="{}" height="20" rx="2" fill="{}"/>"#,
                    r1(w.max(1.0)),
                    // One series, one colour (a rainbow would suggest categories of meaning).
                    PALETTE[0]
                );
            }
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" font-size="12" fill="#333333">{}</text>"##,
                r1(x0 + w + 6.0),
                y + 14.5,
                esc(&value_text(d))
            );
        }
        out.push_str("</svg>");
        out
    }

    fn columns(&self, mode: TextMode) -> String {
        let mut out = String::new();
        self.open(&mut out);
        let (_, h) = self.size();
        let n = self.data.len().max(1) as f64;
        let largest = self.data.iter().map(|d| d.magnitude).fold(0.0, f64::max);
        // A value axis on the left, with round ticks up to the first at or past the
        // tallest column and the unit above it; columns are measured against it.
        let ticks = ticks(Decimal::from_f64(largest).unwrap_or_default());
        let axis_max = ticks.last().copied().unwrap_or_default();
        let max = axis_max.to_f64().unwrap_or(largest);
        let tick_w = ticks
            .iter()
            .map(|t| text_width(&crate::num::dec(*t, 4), 10.0))
            .fold(text_width(&self.unit, 10.0), f64::max);
        let (left, right, top, bottom) = (16.0 + tick_w, 16.0, 34.0, 44.0);
        let slot = (WIDTH - left - right) / n;
        let col_w = (slot * 0.56).min(90.0);
        let base = h - bottom;
        for t in &ticks {
            let y = if max > 0.0 {
                base - t.to_f64().unwrap_or(0.0) / max * (base - top)
            } else {
                base
            };
            let _ = write!(
                out,
                r##"<line x1="{left}" y1="{y}" x2="{}" y2="{y}" stroke="#e3e7ee" stroke-width="1"/><text x="{}" y="{}" text-anchor="end" font-size="10" fill="#5f6b7a">{}</text>"##,
                WIDTH - right,
                left - 4.0,
                r1(y + 3.5),
                crate::num::dec(*t, 4),
                y = r1(y),
            );
        }
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="10" fill="#5f6b7a">{}</text><line x1="{left}" y1="{base}" x2="{}" y2="{base}" stroke="#999999" stroke-width="1"/>"##,
            left - 4.0,
            r1(top - 14.0),
            esc(&self.unit),
            WIDTH - right
        );
        for (i, d) in self.data.iter().enumerate() {
            let cx = left + slot * (i as f64 + 0.5);
            // Nothing is drawn for a column without a value (its figure still shows).
            let hgt = if max > 0.0 {
                d.magnitude.max(0.0) / max * (base - top)
            } else {
                0.0
            };
            if hgt > 0.0 {
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}"/>"#,
                    r1(cx - col_w / 2.0),
                    r1(base - hgt),
                    r1(col_w),
                    r1(hgt.max(1.0)),
                    PALETTE[0]
                );
            }
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="#333333">{}</text>"##,
                r1(cx),
                r1(base - hgt - 18.0),
                esc(&d.value)
            );
            if let Some(s) = &d.share {
                let _ = write!(
                    out,
                    r##"<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#666666">{}</text>"##,
                    r1(cx),
                    r1(base - hgt - 4.0),
                    esc(s)
                );
            }
            // A long label takes two lines (breaking before a bracket where it can)
            // rather than losing its end.
            let (first, second) = wrap2(&self.label(d, i, mode), slot - 4.0, 13.0);
            for (line, y) in [(Some(first), base + 20.0), (second, base + 36.0)] {
                if let Some(line) = line {
                    let _ = write!(
                        out,
                        r##"<text x="{}" y="{}" text-anchor="middle" fill="#333333">{}</text>"##,
                        r1(cx),
                        y,
                        esc(&line)
                    );
                }
            }
        }
        out.push_str("</svg>");
        out
    }

    fn donut(&self, mode: TextMode) -> String {
        let mut out = String::new();
        self.open(&mut out);
        let (_, h) = self.size();
        let (cx, cy, r, inner) = (120.0, h / 2.0, 92.0, 56.0);
        let total: f64 = self.data.iter().map(|d| d.magnitude.max(0.0)).sum();
        let mut angle = -std::f64::consts::FRAC_PI_2;
        for (i, d) in self.data.iter().enumerate() {
            let frac = if total > 0.0 {
                d.magnitude.max(0.0) / total
            } else {
                0.0
            };
            let color = PALETTE[i % PALETTE.len()];
            if frac >= 0.9999 {
                let _ = write!(
                    out,
                    r#"<circle cx="{cx}" cy="{cy}" r="{}" fill="none" stroke="{color}" stroke-width="{}"/>"#,
                    (r + inner) / 2.0,
                    r - inner
                );
            } else if frac > 0.0 {
                let end = angle + frac * std::f64::consts::TAU;
                let large = if frac > 0.5 { 1 } else { 0 };
                let (x1, y1) = (cx + r * angle.cos(), cy + r * angle.sin());
                let (x2, y2) = (cx + r * end.cos(), cy + r * end.sin());
                let (x3, y3) = (cx + inner * end.cos(), cy + inner * end.sin());
                let (x4, y4) = (cx + inner * angle.cos(), cy + inner * angle.sin());
                let _ = write!(
                    out,
                    r##"<path d="M{} {} A{r} {r} 0 {large} 1 {} {} L{} {} A{inner} {inner} 0 {large} 0 {} {} Z" fill="{color}" stroke="#ffffff" stroke-width="1.5"/>"##,
                    r1(x1),
                    r1(y1),
                    r1(x2),
                    r1(y2),
                    r1(x3),
                    r1(y3),
                    r1(x4),
                    r1(y4)
                );
                angle = end;
            }
        }
        if let Some(t) = &self.total {
            let _ = write!(
                out,
                r##"<text x="{cx}" y="{}" text-anchor="middle" font-size="14" font-weight="bold" fill="#222222">{}</text>"##,
                cy + 5.0,
                esc(t)
            );
        }
        let lx = 260.0;
        let ly0 = cy - self.data.len() as f64 * 26.0 / 2.0;
        for (i, d) in self.data.iter().enumerate() {
            let y = ly0 + i as f64 * 26.0;
            let _ = write!(
                out,
                r#"<rect x="{lx}" y="{}" width="14" height="14" rx="2" fill="{}"/>"#,
                r1(y + 3.0),
                PALETTE[i % PALETTE.len()]
            );
            let label = clip(&self.label(d, i, mode), 200.0, 13.0);
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" fill="#333333">{}</text>"##,
                lx + 22.0,
                r1(y + 15.0),
                esc(&label)
            );
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" text-anchor="end" font-size="12" fill="#333333">{}</text>"##,
                WIDTH - 12.0,
                r1(y + 15.0),
                esc(&value_text(d))
            );
        }
        out.push_str("</svg>");
        out
    }

    fn gantt(&self, mode: TextMode) -> String {
        let mut out = String::new();
        self.open(&mut out);
        let (_, h) = self.size();
        let labels: Vec<String> = self
            .data
            .iter()
            .enumerate()
            .map(|(i, d)| self.label(d, i, mode))
            .collect();
        let label_w = labels
            .iter()
            .map(|l| text_width(l, 13.0))
            .fold(40.0, f64::max)
            .min(230.0);
        let x0 = 8.0 + label_w + 10.0;
        let x1 = WIDTH - 16.0;
        let lo = self
            .data
            .iter()
            .filter_map(|d| d.span.map(|s| s.0))
            .fold(f64::INFINITY, f64::min);
        let hi = self
            .data
            .iter()
            .filter_map(|d| d.span.map(|s| s.1))
            .fold(f64::NEG_INFINITY, f64::max);
        let scale = if hi > lo { (x1 - x0) / (hi - lo) } else { 0.0 };
        let axis_y = if self.tick_groups.is_empty() {
            h - 30.0
        } else {
            h - 44.0
        };
        let _ = write!(
            out,
            r##"<line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" stroke="#999999" stroke-width="1"/>"##
        );
        if !self.ticks.is_empty() && scale > 0.0 {
            // A tick per month or phase; a label only where it does not run into the
            // previous one.
            let mut free_from = f64::NEG_INFINITY;
            for (at, label) in &self.ticks {
                let x = x0 + (at - lo) * scale;
                if !(x0 - 0.5..=x1 + 0.5).contains(&x) {
                    continue;
                }
                let _ = write!(
                    out,
                    r##"<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#999999" stroke-width="1"/><line x1="{0}" y1="12" x2="{0}" y2="{1}" stroke="#eeeeee" stroke-width="1"/>"##,
                    r1(x),
                    axis_y,
                    axis_y + 4.0
                );
                let w = text_width(label, 11.0);
                let lx = x.clamp(x0 + w / 2.0, x1 - w / 2.0);
                if lx - w / 2.0 >= free_from {
                    let _ = write!(
                        out,
                        r##"<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#666666">{}</text>"##,
                        r1(lx),
                        axis_y + 16.0,
                        esc(label)
                    );
                    free_from = lx + w / 2.0 + 6.0;
                }
            }
            for (at, label) in &self.tick_groups {
                let x = (x0 + (at - lo) * scale).clamp(x0, x1);
                let _ = write!(
                    out,
                    r##"<text x="{}" y="{}" font-size="11" fill="#666666">{}</text>"##,
                    r1(x),
                    axis_y + 30.0,
                    esc(label)
                );
            }
        } else if let Some((from, to)) = &self.axis {
            let _ = write!(
                out,
                r##"<text x="{x0}" y="{}" font-size="11" fill="#666666">{}</text><text x="{x1}" y="{}" text-anchor="end" font-size="11" fill="#666666">{}</text>"##,
                axis_y + 16.0,
                esc(from),
                axis_y + 16.0,
                esc(to)
            );
        }
        for (i, (d, l)) in self.data.iter().zip(&labels).enumerate() {
            let y = 20.0 + i as f64 * 30.0;
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" text-anchor="end" fill="#333333">{}</text>"##,
                x0 - 10.0,
                y + 14.0,
                esc(&clip(l, 230.0, 13.0))
            );
            if let Some((a, b)) = d.span {
                let bx = x0 + (a - lo) * scale;
                let bw = ((b - a) * scale).max(2.0);
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{y}" width="{}" height="20" rx="3" fill="{}"/>"#,
                    r1(bx),
                    r1(bw),
                    PALETTE[i % PALETTE.len()]
                );
                // The dates in the bar when they fit; the axis ticks say them otherwise.
                let text = if text_width(&d.value, 11.0) <= bw - 8.0 {
                    d.value.clone()
                } else {
                    String::new()
                };
                if !text.is_empty() {
                    let _ = write!(
                        out,
                        r##"<text x="{}" y="{}" font-size="11" fill="#ffffff">{}</text>"##,
                        r1(bx + 5.0),
                        y + 14.0,
                        esc(&text)
                    );
                }
            }
        }
        out.push_str("</svg>");
        out
    }
}

const WIDTH: f64 = 640.0;
/// Height of a bar chart's value axis with its tick labels.
const AXIS_H: f64 = 22.0;

fn value_text(d: &Datum) -> String {
    match &d.share {
        Some(s) => format!("{}  ({s})", d.value),
        None => d.value.clone(),
    }
}

/// Rounds a coordinate to one decimal, so the SVG text is short and stable.
fn r1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Approximate rendered width: CJK and full-width characters are one em, others ~0.6 em.
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| if is_wide(c) { size } else { size * 0.6 })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x201C..=0x201D)
}

/// Cuts a label to fit `max` pixels, ending it with `…`.
/// `s` on at most two lines of `max` pixels: the first breaks before an opening
/// bracket when that fits, else at the last character that fits; the second is
/// clipped if it is still too long.
fn wrap2(s: &str, max: f64, size: f64) -> (String, Option<String>) {
    if text_width(s, size) <= max {
        return (s.to_owned(), None);
    }
    let bracket = s
        .find(['（', '('])
        .filter(|i| *i > 0 && text_width(&s[..*i], size) <= max);
    let cut = bracket.unwrap_or_else(|| {
        let mut w = 0.0;
        let mut end = 0;
        for (i, c) in s.char_indices() {
            w += if is_wide(c) { size } else { size * 0.6 };
            if w > max {
                break;
            }
            end = i + c.len_utf8();
        }
        end
    });
    if cut == 0 {
        return (clip(s, max, size), None);
    }
    let rest = s[cut..].trim();
    (
        s[..cut].trim_end().to_owned(),
        (!rest.is_empty()).then(|| clip(rest, max, size)),
    )
}

fn clip(s: &str, max: f64, size: f64) -> String {
    if text_width(s, size) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = size; // room for the ellipsis
    for c in s.chars() {
        w += if is_wide(c) { size } else { size * 0.6 };
        if w > max {
            break;
        }
        out.push(c);
    }
    if out.is_empty() {
        return out;
    }
    out.push('…');
    out
}

/// Escapes text for XML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Ticks for a value axis from 0 to at least `max`: four or five steps of 1, 2, 2.5 or 5
/// times a power of ten, computed exactly.
pub fn ticks(max: Decimal) -> Vec<Decimal> {
    if max <= Decimal::ZERO {
        return vec![Decimal::ZERO];
    }
    let raw = max / Decimal::from(4);
    let mut p = Decimal::ONE;
    while p * Decimal::TEN <= raw {
        p *= Decimal::TEN;
    }
    while p > raw && p > Decimal::new(1, 6) {
        p /= Decimal::TEN;
    }
    let step = [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::new(25, 1),
        Decimal::new(5, 0),
        Decimal::TEN,
    ]
    .into_iter()
    .map(|m| m * p)
    .find(|s| *s >= raw)
    .unwrap_or(p * Decimal::TEN);
    let mut out = vec![Decimal::ZERO];
    while *out.last().unwrap_or(&Decimal::ZERO) < max {
        let next = out.last().copied().unwrap_or_default() + step;
        out.push(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The axis labels of a drawing: ticks, then the unit.
    fn tick_labels(svg: &str) -> Vec<&str> {
        svg.split("font-size=\"10\" fill=\"#5f6b7a\">")
            .skip(1)
            .filter_map(|t| t.split('<').next())
            .collect()
    }

    fn datum(label: &str, m: f64) -> Datum {
        Datum {
            key: "k".into(),
            label: label.into(),
            value: m.to_string(),
            share: Some("50.0%".into()),
            magnitude: m,
            span: None,
        }
    }

    #[test]
    fn escapes_labels_and_draws_every_item() {
        let c = Chart::new(
            "c1".into(),
            "t".into(),
            ChartKind::Bar,
            "亿元".into(),
            vec![datum("<b>江苏", 2.0), datum("上海", 1.0)],
        );
        assert!(c.svg.contains("&lt;b&gt;江苏"));
        assert_eq!(c.svg.matches("<rect").count(), 2);
        let ascii = c.draw(TextMode::Ascii);
        assert!(!ascii.contains("江苏"));
    }

    #[test]
    fn donut_handles_a_single_slice() {
        let c = Chart::new(
            "c2".into(),
            "t".into(),
            ChartKind::Donut,
            String::new(),
            vec![datum("all", 1.0)],
        );
        assert!(c.svg.contains("<circle"));
    }

    #[test]
    fn one_series_one_colour() {
        let c = Chart::new(
            "c3".into(),
            "t".into(),
            ChartKind::Bar,
            "万元".into(),
            vec![datum("a", 3.0), datum("b", 2.0), datum("c", 1.0)],
        );
        let fills: std::collections::HashSet<&str> = c
            .svg
            .split("<rect")
            .skip(1)
            .filter_map(|r| r.split("fill=\"").nth(1)?.split('"').next())
            .collect();
        assert_eq!(fills.len(), 1, "{fills:?}");
    }

    #[test]
    fn a_bar_chart_has_a_value_axis_with_round_ticks_and_its_unit() {
        let c = Chart::new(
            "c4".into(),
            "t".into(),
            ChartKind::Bar,
            "万元".into(),
            vec![datum("a", 90720.0), datum("b", 78000.0)],
        );
        let labels = tick_labels(&c.svg);
        assert_eq!(
            labels,
            ["0", "25,000", "50,000", "75,000", "100,000", "万元"],
            "{}",
            c.svg
        );
        // The largest bar stops short of the axis end, at 90,720 of 100,000.
        let (w, _) = c.size();
        assert!(c.svg.contains(&format!("viewBox=\"0 0 {w} ")));
    }

    #[test]
    fn a_column_chart_has_a_value_axis_and_draws_nothing_for_a_zero() {
        let c = Chart::new(
            "c5".into(),
            "t".into(),
            ChartKind::Column,
            "万元".into(),
            vec![datum("Q1", 20000.0), datum("Q2", 0.0), datum("Q3", 36000.0)],
        );
        let labels = tick_labels(&c.svg);
        assert_eq!(
            labels,
            ["0", "10,000", "20,000", "30,000", "40,000", "万元"],
            "{}",
            c.svg
        );
        // Two columns drawn, none for the zero quarter; its figure is still written.
        assert_eq!(c.svg.matches("<rect").count(), 2, "{}", c.svg);
        assert!(c.svg.contains(">0</text>"), "{}", c.svg);
        // A bar chart draws no bar for a zero either.
        let b = Chart::new(
            "c6".into(),
            "t".into(),
            ChartKind::Bar,
            "万元".into(),
            vec![datum("a", 5.0), datum("b", 0.0)],
        );
        assert_eq!(b.svg.matches("<rect").count(), 1, "{}", b.svg);
    }

    #[test]
    fn ticks_are_round_and_reach_the_largest_value() {
        let t = |m: i64| ticks(Decimal::from(m));
        assert_eq!(t(360_000).last().copied(), Some(Decimal::from(400_000)));
        assert_eq!(t(8).len(), 5, "{:?}", t(8));
        assert!(t(97).last().unwrap() >= &Decimal::from(97));
        assert_eq!(t(0), [Decimal::ZERO]);
        assert_eq!(
            ticks(Decimal::new(35, 1)),
            [0, 1, 2, 3, 4].map(Decimal::from),
            "3.5 in steps of 1"
        );
    }

    #[test]
    fn a_timeline_has_a_tick_per_month_and_its_years() {
        let mut a = datum("phase 1", 59.0);
        a.span = Some((0.0, 59.0));
        let mut b = datum("phase 2", 306.0);
        b.span = Some((59.0, 365.0));
        let ticks: Vec<(f64, String)> = (0..12)
            .map(|m| (f64::from(m) * 30.4, format!("M{}", m + 1)))
            .collect();
        let c = Chart::new(
            "c4".into(),
            "t".into(),
            ChartKind::Gantt,
            String::new(),
            vec![a, b],
        )
        .with_axis("2026-01-01".into(), "2026-12-31".into())
        .with_ticks(ticks, vec![(0.0, "2026".into())]);
        for m in 1..=12 {
            assert!(c.svg.contains(&format!(">M{m}<")), "tick M{m}");
        }
        assert!(c.svg.contains(">2026<"));
        assert!(!c.svg.contains("2026-12-31"), "ticks replace the axis ends");
    }

    #[test]
    fn long_column_labels_wrap_before_a_bracket() {
        let (a, b) = wrap2("市场成长期（上市后第二、三季度）", 150.0, 13.0);
        assert_eq!(a, "市场成长期");
        assert_eq!(b.as_deref(), Some("（上市后第二、三季度）"));
        assert_eq!(wrap2("Q1", 150.0, 13.0), ("Q1".to_owned(), None));
    }
}
