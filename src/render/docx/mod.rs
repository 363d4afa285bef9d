//! DOCX: a real Word document built with docx-rs from the report view-model.
//!
//! DOCX is paged, so it does not go through the templates; it shows the same sections,
//! tables and charts as the HTML, laid out for A4: a title page, a table of contents
//! (a TOC field written with its entries filled in, so it reads well before anyone
//! updates it), Word heading styles that Word and LibreOffice build TOCs from, tables
//! with a repeated header row and a totals row, bulleted and numbered lists, charts as
//! PNG drawn from the same SVG as the HTML, East-Asian fonts, and page numbers.
//!
//! Architecture invariant: the package is byte-identical for the same report — fixed
//! zip entry times, fixed core properties, ids assigned in document order
//! (see `package`).

mod md;
mod package;
mod styles;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, Hyperlink, HyperlinkType,
    IndentLevel, InstrPAGE, InstrText, InstrToC, LevelOverride, Numbering, NumberingId, Paragraph,
    Pic, Run, Shading, ShdType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use std::collections::HashMap;

use super::chart::Chart;
use super::labels::Labels;
use super::raster;
use super::view::{
    ActionV, Body, Figure, KpiGroup, Pair, Report, Section, Table as VTable, TierV, Titled,
};
use super::RenderError;

/// A4 in twips, 2 cm margins.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: i32 = 1134;
/// The width text and tables can use.
const TEXT_W: usize = (PAGE_W as usize) - 2 * (MARGIN as usize);

/// Pixels per CSS pixel of a chart: 960 px across 16 cm, about 150 dpi.
const CHART_SCALE: f32 = 1.5;
/// Tables with at most this many body rows are kept on one page.
const KEEP_WHOLE_ROWS: usize = 12;

/// Numbering id of the shared bullet list (ids 1 and 2 are docx-rs defaults; avoid them).
pub const BULLETS: usize = 10;
/// Abstract numbering ids.
const ABSTRACT_BULLET: usize = 10;
const ABSTRACT_DECIMAL: usize = 11;

/// Allocates Word numbering instances: every numbered list restarts at its own start.
pub struct Lists {
    next: usize,
    numberings: Vec<Numbering>,
}

impl Lists {
    fn new() -> Lists {
        Lists {
            next: 100,
            numberings: Vec::new(),
        }
    }

    /// A fresh numbered list starting at `start`.
    pub fn numbered(&mut self, start: usize) -> usize {
        let id = self.next;
        self.next += 1;
        self.numberings.push(
            Numbering::new(id, ABSTRACT_DECIMAL).add_override(LevelOverride::new(0).start(start)),
        );
        id
    }
}

/// Renders a report as a DOCX package.
pub fn render(report: &Report, l: &Labels) -> Result<Vec<u8>, RenderError> {
    // Charts are the slow part: rasterise them in two halves, one on a second thread.
    let charts = charts_of(report);
    let (first, second) = charts.split_at(charts.len() / 2);
    let rasterise = |list: &[&Chart]| -> Vec<(String, Raster)> {
        list.iter()
            .map(|c| (c.id.clone(), raster::png(c, CHART_SCALE)))
            .collect()
    };
    let rasters: HashMap<String, Raster> = std::thread::scope(|s| {
        let other = (!first.is_empty()).then(|| s.spawn(|| rasterise(first)));
        let mut all = rasterise(second);
        if let Some(h) = other {
            // A panic while drawing a chart surfaces as that chart's error below.
            all.extend(h.join().unwrap_or_default());
        }
        all.into_iter().collect()
    });
    let mut w = Writer {
        docx: styles::base(),
        l,
        lists: Lists::new(),
        bookmark: 0,
        pics: 0,
        zh: report.lang == "zh",
        rasters,
    };
    w.cover(report);
    w.toc(report);
    for s in &report.sections {
        w.section(s)?;
    }
    let Writer {
        mut docx, lists, ..
    } = w;
    for n in lists.numberings {
        docx = docx.add_numbering(n);
    }
    docx = docx
        .header(header(report))
        .first_header(Header::new())
        .footer(footer(l))
        .first_footer(Footer::new())
        .title_pg();
    package::write(docx, report)
}

/// A status light and/or text colour for one table cell.
#[derive(Clone, Copy)]
struct Mark {
    light: Option<&'static str>,
    color: Option<&'static str>,
}

/// Every chart of a report, in document order.
fn charts_of(report: &Report) -> Vec<&Chart> {
    let mut out = Vec::new();
    for s in &report.sections {
        match &s.body {
            Body::Targets { targets, .. } => out.extend(
                targets
                    .iter()
                    .flat_map(|t| &t.breakdowns)
                    .flat_map(|b| &b.charts),
            ),
            Body::Timeline { chart, .. } | Body::Budget { chart, .. } => out.extend(chart),
            Body::Review(f) => out.extend(f.blocks.iter().filter_map(|b| b.chart.as_ref())),
            _ => {}
        }
    }
    out
}

type Raster = Result<(Vec<u8>, u32, u32), String>;

struct Writer<'a> {
    rasters: HashMap<String, Raster>,
    docx: Docx,
    l: &'a Labels,
    lists: Lists,
    bookmark: usize,
    pics: usize,
    zh: bool,
}

fn header(report: &Report) -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .style("HeaderText")
            .align(AlignmentType::Right)
            .add_run(Run::new().add_text(&report.meta.title)),
    )
}

/// `第 N 页 / 共 M 页` with live PAGE and NUMPAGES fields.
fn footer(l: &Labels) -> Footer {
    let pattern = l.get("doc.page_of");
    let mut p = Paragraph::new()
        .style("FooterText")
        .align(AlignmentType::Center);
    let mut rest = pattern.as_str();
    while !rest.is_empty() {
        let next = [("{n}", 0), ("{total}", 1)]
            .iter()
            .filter_map(|(k, which)| rest.find(k).map(|i| (i, *k, *which)))
            .min_by_key(|x| x.0);
        match next {
            Some((i, key, which)) => {
                if i > 0 {
                    p = p.add_run(Run::new().add_text(&rest[..i]));
                }
                let instr = if which == 0 {
                    InstrText::PAGE(InstrPAGE::new())
                } else {
                    InstrText::NUMPAGES(docx_rs::InstrNUMPAGES::new())
                };
                p = p.add_run(
                    Run::new()
                        .add_field_char(FieldCharType::Begin, false)
                        .add_instr_text(instr)
                        .add_field_char(FieldCharType::Separate, false)
                        .add_text("1")
                        .add_field_char(FieldCharType::End, false),
                );
                rest = &rest[i + key.len()..];
            }
            None => {
                p = p.add_run(Run::new().add_text(rest));
                rest = "";
            }
        }
    }
    Footer::new().add_paragraph(p)
}

/// Display width of text in half-ems: CJK and full-width characters count two.
fn display_len(s: &str) -> usize {
    // CJK characters take a whole em; so, nearly, does `%` in the CJK faces.
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x2E80 || c == '%' {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Column widths (twips) filling the text width: short columns (numbers, names) get
/// what they need so they never wrap; long text columns share the rest.
/// Twips per half-em of table text, and a cell's horizontal padding.
const HALF_EM: usize = 118;
const PAD: usize = 320;
/// The same for the small table text (8 pt against 9.5 pt), with tighter padding.
const HALF_EM_SMALL: usize = 100;
const PAD_SMALL: usize = 160;
/// Tables with this many columns or more set in the small table text.
const WIDE_COLUMNS: usize = 10;

/// A half-em and a cell's padding (twips) in the table text, or in the small one.
fn metrics(small: bool) -> (usize, usize) {
    if small {
        (HALF_EM_SMALL, PAD_SMALL)
    } else {
        (HALF_EM, PAD)
    }
}

/// A header's lines: `目标（万元）` breaks before its unit, never inside a word or unit.
fn header_lines(label: &str) -> Vec<&str> {
    match label.find(['（', '(']) {
        Some(i) if i > 0 => vec![label[..i].trim_end(), &label[i..]],
        _ => vec![label],
    }
}

fn column_widths(t: &VTable, extra: &[usize], small: bool) -> Vec<usize> {
    let (half_em, pad) = metrics(small);
    // What the cells need (figures, statuses and short names never wrap), and what the
    // header needs when it breaks only before its unit.
    let cells: Vec<usize> = (0..t.columns.len())
        .map(|i| {
            t.rows
                .iter()
                .filter_map(|r| Some((r.cells.get(i)?, r.kind == "total")))
                // A total row is bold: a half-em wider.
                .map(|(c, bold)| {
                    c.text.lines().map(display_len).max().unwrap_or(0) + usize::from(bold)
                })
                .max()
                .unwrap_or(0)
                .max(4)
                + extra.get(i).copied().unwrap_or(0)
        })
        .collect();
    let headers: Vec<usize> = t
        .columns
        .iter()
        .map(|c| {
            header_lines(&c.label)
                .into_iter()
                .map(display_len)
                .max()
                .unwrap_or(0)
        })
        .collect();
    let with_headers: Vec<usize> = cells.iter().zip(&headers).map(|(c, h)| *c.max(h)).collect();
    let short = |n: usize| n <= 16;
    let need = |n: usize| n * half_em + pad;
    // Short columns at their width, text columns sharing the rest (each at least
    // `MIN_TEXT`), when that fits.
    const MIN_TEXT: usize = 1400;
    let layout = |natural: &[usize], shorts: &[usize]| -> Option<Vec<usize>> {
        let fixed: usize = natural
            .iter()
            .zip(shorts)
            .filter(|(n, _)| short(**n))
            .map(|(_, s)| need(*s))
            .sum();
        let flex: Vec<usize> = natural
            .iter()
            .filter(|n| !short(**n))
            .map(|n| (*n).min(80))
            .collect();
        let rest = TEXT_W.checked_sub(fixed)?;
        if rest < MIN_TEXT * flex.len() {
            return None;
        }
        let flex_total: usize = flex.iter().sum();
        let flex_need: usize = natural
            .iter()
            .filter(|n| !short(**n))
            .map(|n| need(*n))
            .sum();
        let slack = rest.saturating_sub(flex_need);
        Some(
            natural
                .iter()
                .zip(shorts)
                .map(|(n, s)| {
                    if short(*n) {
                        // Nothing to wrap: spread any slack over every column.
                        need(*s)
                            + if flex.is_empty() {
                                rest / natural.len()
                            } else {
                                0
                            }
                    } else if flex_need <= rest {
                        need(*n) + slack / flex.len()
                    } else {
                        rest * (*n).min(80) / flex_total
                    }
                })
                .collect(),
        )
    };
    // Text columns get their room before a short column's long header does: when the
    // headers at full width squeeze a text column (`承接指标` of the roll-up wrapped
    // `华东大区年度|销售指标` beside `已编制下级计划` on one line), the short columns
    // take their cells' width, and what the text columns leave goes back to their
    // headers, narrowest shortfall first.
    let roomy = |w: &[usize]| {
        with_headers
            .iter()
            .zip(w)
            .all(|(n, w)| short(*n) || *w >= need(*n))
    };
    let headers_first = layout(&with_headers, &with_headers);
    let text_first = layout(&with_headers, &cells).map(|mut w| {
        let flex = (0..w.len()).filter(|i| !short(with_headers[*i]));
        let mut slack: usize = flex
            .clone()
            .map(|i| w[i].saturating_sub(need(with_headers[i])))
            .sum();
        if slack == 0 {
            return w;
        }
        let flex_n = flex.clone().count();
        for i in flex {
            w[i] = need(with_headers[i]).min(w[i]);
        }
        let mut shorts: Vec<usize> = (0..w.len()).filter(|i| short(with_headers[*i])).collect();
        shorts.sort_by_key(|i| need(with_headers[*i]).saturating_sub(w[*i]));
        for i in shorts {
            let give = need(with_headers[i]).saturating_sub(w[i]).min(slack);
            w[i] += give;
            slack -= give;
        }
        // Whatever is still left goes back to the text columns.
        if let Some(each) = slack.checked_div(flex_n) {
            for i in (0..w.len()).filter(|i| !short(with_headers[*i])) {
                w[i] += each;
            }
        }
        w
    });
    // Near enough: the width estimate is generous by about a fifth. A text column of
    // sentences wraps either way, and then the headers keep their line.
    let nearly_roomy = |w: &[usize]| {
        with_headers
            .iter()
            .zip(w)
            .all(|(n, w)| short(*n) || *w * 5 >= need(*n) * 4)
    };
    let chosen = match (headers_first, text_first) {
        (Some(h), Some(t)) if !roomy(&h) && nearly_roomy(&t) => Some(t),
        // A long header wraps between characters before any figure does.
        (h, t) => h.or(t),
    };
    chosen.unwrap_or_else(|| {
        // Still too wide: figures and status lights keep their width (they never
        // wrap), the text columns share what is left; only when even that does not
        // fit does every column shrink.
        let figure = |i: usize| {
            let c = &t.columns[i];
            c.align == "right" || c.measure == super::view::Measure::Status
        };
        let fixed: usize = (0..cells.len())
            .filter(|i| figure(*i))
            .map(|i| need(cells[i]))
            .sum();
        let text: usize = (0..cells.len())
            .filter(|i| !figure(*i))
            .map(|i| need(cells[i]))
            .sum();
        let rest = TEXT_W.saturating_sub(fixed);
        if text > 0
            && rest >= MIN_TEXT * (cells.len() - (0..cells.len()).filter(|i| figure(*i)).count())
        {
            (0..cells.len())
                .map(|i| {
                    if figure(i) {
                        need(cells[i])
                    } else {
                        need(cells[i]) * rest / text
                    }
                })
                .collect()
        } else {
            let total: usize = cells.iter().map(|n| need(*n)).sum();
            cells.iter().map(|n| need(*n) * TEXT_W / total).collect()
        }
    })
}

fn shade(fill: &str) -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(fill)
}

fn text_run(s: &str) -> Run {
    Run::new().add_text(s)
}

impl Writer<'_> {
    fn p(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn t(&mut self, t: Table) {
        self.t_kept(t, false);
    }

    /// A table, and the paragraph after it kept with what follows when `keep`.
    fn t_kept(&mut self, t: Table, keep: bool) {
        self.docx = std::mem::take(&mut self.docx).add_table(t);
        // Word needs a paragraph between consecutive tables, and it spaces them.
        self.p(Paragraph::new().style("AfterTable").keep_next(keep));
    }

    fn colon(&self) -> String {
        self.l.get("doc.colon")
    }

    fn md(&mut self, text: &str) {
        self.md_styled(text, md::Style::new("Normal"));
    }

    fn md_styled(&mut self, text: &str, style: md::Style) {
        for p in md::paragraphs(text, style, &mut self.lists) {
            self.p(p);
        }
    }

    /// `**head**：text` (inline), or the head on its own line with the text below.
    fn item(&mut self, head: &str, text: &str) {
        let multi = text.trim().contains('\n');
        if multi {
            self.p(Paragraph::new()
                .style("Normal")
                .keep_next(true)
                .add_run(text_run(head).bold()));
            self.md_styled(
                text,
                md::Style {
                    indent: 420,
                    ..md::Style::new("Normal")
                },
            );
        } else {
            let mut ps = md::paragraphs(text, md::Style::new("Normal"), &mut self.lists);
            if ps.is_empty() {
                ps.push(Paragraph::new().style("Normal"));
            }
            let first = ps.remove(0);
            let mut p = Paragraph::new()
                .style("Normal")
                .add_run(text_run(&format!("{head}{}", self.colon())).bold());
            p.children.extend(first.children);
            self.p(p);
            for rest in ps {
                self.p(rest);
            }
        }
    }

    fn subhead(&mut self, text: &str) {
        self.p(Paragraph::new().style("Subhead").add_run(text_run(text)));
    }

    fn bullets(&mut self, items: &[String]) {
        self.bullets_kept(items, false);
    }

    /// Bullets kept together, and with what follows them when `followed`.
    fn bullets_kept(&mut self, items: &[String], followed: bool) {
        let n = items.len();
        for (k, i) in items.iter().enumerate() {
            let keep = followed || k + 1 < n;
            let mut ps = md::paragraphs(i, md::Style::new("Normal"), &mut self.lists);
            if ps.is_empty() {
                continue;
            }
            let first = ps.remove(0);
            let mut p = Paragraph::new()
                .style("Normal")
                .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                .indent(
                    Some(420),
                    Some(docx_rs::SpecialIndentType::Hanging(300)),
                    None,
                    None,
                );
            p.children.extend(first.children);
            let last = ps.len();
            self.p(p.keep_next(keep || last > 0));
            for (j, rest) in ps.into_iter().enumerate() {
                self.p(rest
                    .indent(Some(420), None, None, None)
                    .keep_next(keep || j + 1 < last));
            }
        }
    }

    /// `label：value　label：value` on one line, labels in grey.
    fn pairs(&mut self, pairs: &[Pair]) {
        if pairs.is_empty() {
            return;
        }
        let mut p = Paragraph::new().style("Meta");
        for (i, pair) in pairs.iter().enumerate() {
            if i > 0 {
                p = p.add_run(text_run(if self.zh { "　　" } else { "   " }));
            }
            p = p
                .add_run(text_run(&format!("{}{}", pair.label, self.colon())).color("5F6B7A"))
                .add_run(text_run(&pair.value));
        }
        self.p(p);
    }

    /// Key figures as a band of cells: labels above, values below, up to four a row.
    fn figures(&mut self, figures: &[Figure]) {
        if figures.is_empty() {
            return;
        }
        // Rows of at most four, balanced (5 → 3 + 2).
        let rows = figures.len().div_ceil(4);
        let per = figures.len().div_ceil(rows);
        let chunks = figures.chunks(per).count();
        // A card of figures keeps together: its rows never split, its label row stays
        // with its value row, and each row of figures with the next.
        for (ci, chunk) in figures.chunks(per).enumerate() {
            let more = ci + 1 < chunks;
            let n = chunk.len();
            let w = TEXT_W / 4;
            let mut labels = Vec::new();
            let mut values = Vec::new();
            for f in chunk {
                labels.push(
                    TableCell::new()
                        .width(w, WidthType::Dxa)
                        .shading(shade("F3F6FA"))
                        .add_paragraph(
                            Paragraph::new()
                                .style("TableText")
                                .keep_next(true)
                                .add_run(text_run(&f.label).color("5F6B7A")),
                        ),
                );
                let mut cell = TableCell::new()
                    .width(w, WidthType::Dxa)
                    .shading(shade("F3F6FA"))
                    .add_paragraph(
                        Paragraph::new()
                            .style("FigureValue")
                            .keep_next(more || f.note.is_some())
                            .add_run(text_run(&f.value)),
                    );
                if let Some(note) = &f.note {
                    for p in md::paragraphs(
                        note,
                        md::Style {
                            color: Some("5F6B7A"),
                            ..md::Style::new("TableSmall")
                        },
                        &mut self.lists,
                    ) {
                        cell = cell.add_paragraph(p);
                    }
                }
                values.push(cell);
            }
            let borders = TableBorders::new()
                .set(
                    TableBorder::new(TableBorderPosition::Top)
                        .color("2F5D9E")
                        .size(12),
                )
                .set(
                    TableBorder::new(TableBorderPosition::Bottom)
                        .color("D5DBE3")
                        .size(4),
                )
                .set(
                    TableBorder::new(TableBorderPosition::Left)
                        .color("FFFFFF")
                        .size(0),
                )
                .set(
                    TableBorder::new(TableBorderPosition::Right)
                        .color("FFFFFF")
                        .size(0),
                )
                .set(
                    TableBorder::new(TableBorderPosition::InsideH)
                        .color("FFFFFF")
                        .size(0),
                )
                .set(
                    TableBorder::new(TableBorderPosition::InsideV)
                        .color("FFFFFF")
                        .size(12),
                );
            let t = Table::new(vec![
                TableRow::new(labels).cant_split(),
                TableRow::new(values).cant_split(),
            ])
            .set_grid(vec![w; n])
            .width(w * n, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(borders)
            .margins(TableCellMargins::new().margin(60, 120, 60, 120));
            self.t(t);
        }
    }

    /// A data table: shaded header row (repeated on every page), right-aligned numbers,
    /// indented nested rows, a bold totals row.
    fn table(&mut self, t: &VTable, small: bool) {
        self.table_marked(t, small, &|_, _| None);
    }

    /// A data table whose cells may carry a coloured mark (a status light) and colour.
    fn table_marked(
        &mut self,
        t: &VTable,
        small: bool,
        mark: &dyn Fn(usize, usize) -> Option<Mark>,
    ) {
        self.table_kept(t, small, mark, t.note.is_some());
    }

    /// A table; `followed`: lines about it come next (highlights, its note), which its
    /// last row keeps on its page.
    fn table_kept(
        &mut self,
        t: &VTable,
        small: bool,
        mark: &dyn Fn(usize, usize) -> Option<Mark>,
        followed: bool,
    ) {
        if t.columns.is_empty() {
            return;
        }
        // A status light ("● ") takes three half-ems in front of the cell's text: the
        // dot is set full-width in the CJK face, then a space.
        let lights: Vec<usize> = (0..t.columns.len())
            .map(|ci| {
                let lit = (0..t.rows.len()).any(|ri| mark(ri, ci).and_then(|m| m.light).is_some());
                if lit {
                    3
                } else {
                    0
                }
            })
            .collect();
        let widths = column_widths(t, &lights, small);
        let (half_em, pad) = metrics(small);
        // A cell's left and right margin (within the padding the widths count).
        let side = if small { 60 } else { 100 };
        let cell_style = if small { "TableSmall" } else { "TableText" };
        let mut rows = Vec::new();
        let head: Vec<TableCell> = t
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let mut p = Paragraph::new().style(cell_style).keep_next(true);
                let fits = display_len(&c.label) * half_em + pad <= *w;
                let lines = if fits {
                    vec![c.label.as_str()]
                } else {
                    header_lines(&c.label)
                };
                for (i, line) in lines.iter().enumerate() {
                    let mut r = text_run(line).bold().color("FFFFFF");
                    if i > 0 {
                        r = Run::new()
                            .add_break(BreakType::TextWrapping)
                            .add_text(*line)
                            .bold()
                            .color("FFFFFF");
                    }
                    p = p.add_run(r);
                }
                if c.align == "right" {
                    p = p.align(AlignmentType::Right);
                }
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .shading(shade("2F5D9E"))
                    .vertical_align(VAlignType::Bottom)
                    .add_paragraph(p)
            })
            .collect();
        rows.push(TableRow::new(head).cant_split());
        let n = t.rows.len();
        // A short table stays on one page; a long one never strands its total row; and
        // the note under a table (its unit, its definitions) never starts a page alone.
        let keep = |ri: usize| {
            (ri + 1 < n && (n <= KEEP_WHOLE_ROWS || (ri + 2 == n && t.rows[n - 1].kind == "total")))
                || (ri + 1 == n && followed)
        };
        for (ri, row) in t.rows.iter().enumerate() {
            let total_row = row.kind == "total";
            let keep_row = keep(ri);
            let cells: Vec<TableCell> = row
                .cells
                .iter()
                .zip(t.columns.iter().zip(&widths))
                .enumerate()
                .map(|(ci, (cell, (col, w)))| {
                    let figure =
                        col.align == "right" || col.measure == super::view::Measure::Status;
                    let cell_style = match (figure, small) {
                        (false, _) => cell_style,
                        (true, false) => "TableFigure",
                        (true, true) => "TableFigureSmall",
                    };
                    let mut style = md::Style::new(cell_style);
                    if col.align == "right" {
                        style.align = Some(AlignmentType::Right);
                    }
                    if ci == 0 && row.depth > 0 {
                        style.indent = 280 * i32::from(row.depth);
                    }
                    style.bold = total_row;
                    let paras = if cell.md {
                        md::paragraphs(&cell.text, style, &mut self.lists)
                    } else {
                        let mut p = Paragraph::new().style(cell_style);
                        if let Some(a) = style.align {
                            p = p.align(a);
                        }
                        if style.indent > 0 {
                            p = p.indent(Some(style.indent), None, None, None);
                        }
                        let m = mark(ri, ci);
                        if let Some(light) = m.and_then(|m| m.light) {
                            p = p.add_run(text_run("● ").color(light));
                        }
                        let mut r = text_run(&cell.text);
                        if total_row {
                            r = r.bold();
                        }
                        if let Some(c) = m.and_then(|m| m.color) {
                            r = r.color(c);
                        } else if row.depth > 0 && ci == 0 {
                            r = r.color("3D4A5A");
                        }
                        vec![p.add_run(r)]
                    };
                    let mut c = TableCell::new().width(*w, WidthType::Dxa);
                    for p in paras {
                        c = c.add_paragraph(p.keep_next(keep_row));
                    }
                    if c.children.is_empty() {
                        c = c.add_paragraph(Paragraph::new().style(cell_style).keep_next(keep_row));
                    }
                    if total_row {
                        c = c.shading(shade("E9EFF8"));
                    } else if ri % 2 == 1 {
                        c = c.shading(shade("F7F9FC"));
                    }
                    c
                })
                .collect();
            rows.push(TableRow::new(cells).cant_split());
        }
        let borders = table_borders();
        let table = Table::new(rows)
            .set_grid(widths.clone())
            .width(widths.iter().sum(), WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(borders)
            .style("PlancTable")
            .margins(TableCellMargins::new().margin(50, side, 50, side));
        self.t_kept(table, followed);
        if let Some(note) = &t.note {
            self.p(Paragraph::new()
                .style("Caption")
                .align(AlignmentType::Left)
                .add_run(text_run(note)));
        }
    }

    fn chart(&mut self, c: &Chart) -> Result<(), RenderError> {
        let raster = match self.rasters.remove(&c.id) {
            Some(r) => r,
            None => raster::png(c, CHART_SCALE),
        };
        let (png, w, h) = raster.map_err(|e| RenderError::Docx(format!("{}: {e}", c.title)))?;
        self.pics += 1;
        // Shown 16 cm wide (or narrower for small charts), keeping the aspect ratio.
        // The raster's own proportions (a drawing made elsewhere has its own size).
        let (css_w, css_h) = (
            f64::from(w) / CHART_SCALE as f64,
            f64::from(h) / CHART_SCALE as f64,
        );
        let emu_w = (16.0 / 2.54 * 914_400.0 * (css_w / 640.0).min(1.0)).round() as u32;
        let emu_h = (f64::from(emu_w) * css_h / css_w).round() as u32;
        let pic = Pic::new_with_dimensions(png, w, h)
            .id(format!("rIdImage{}", self.pics))
            .size(emu_w, emu_h);
        self.p(Paragraph::new()
            .style("Figure")
            .align(AlignmentType::Center)
            .keep_next(true)
            .add_run(Run::new().add_image(pic)));
        self.p(Paragraph::new()
            .style("Caption")
            .add_run(text_run(&c.caption)));
        Ok(())
    }

    fn actions(&mut self, list: &[ActionV]) {
        for a in list {
            let head = Paragraph::new()
                .style("ActionHead")
                .keep_next(a.text.is_some() || !a.facts.is_empty())
                .add_run(text_run(&a.number).bold().color("2F5D9E"))
                .add_run(text_run("  "))
                .add_run(text_run(&a.title).bold());
            self.p(head);
            if let Some(t) = &a.text {
                self.md_styled(
                    t,
                    md::Style {
                        indent: 567,
                        ..md::Style::new("Normal")
                    },
                );
            }
            if !a.facts.is_empty() {
                let mut p = Paragraph::new()
                    .style("Meta")
                    .indent(Some(567), None, None, None);
                for (i, f) in a.facts.iter().enumerate() {
                    if i > 0 {
                        p = p.add_run(text_run(" · ").color("5F6B7A"));
                    }
                    p = p.add_run(
                        text_run(&format!("{}{}{}", f.label, self.colon(), f.value))
                            .color("5F6B7A"),
                    );
                }
                self.p(p);
            }
            if let Some(k) = &a.kpis {
                self.table(k, false);
            }
        }
    }

    fn titled_table(&mut self, rows: &[Titled]) {
        if rows.is_empty() {
            return;
        }
        let w0 = TEXT_W / 4;
        let w1 = TEXT_W - w0;
        let mut trs = Vec::new();
        for r in rows {
            let mut c1 = TableCell::new().width(w1, WidthType::Dxa);
            for p in md::paragraphs(&r.text, md::Style::new("TableText"), &mut self.lists) {
                c1 = c1.add_paragraph(p);
            }
            if c1.children.is_empty() {
                c1 = c1.add_paragraph(Paragraph::new().style("TableText"));
            }
            trs.push(TableRow::new(vec![
                TableCell::new()
                    .width(w0, WidthType::Dxa)
                    .shading(shade("E9EFF8"))
                    .add_paragraph(
                        Paragraph::new()
                            .style("TableText")
                            .add_run(text_run(&r.title).bold().color("1D3F6E")),
                    ),
                c1,
            ]));
        }
        let borders = table_borders();
        self.t(Table::new(trs)
            .set_grid(vec![w0, w1])
            .width(TEXT_W, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(borders)
            .margins(TableCellMargins::new().margin(60, 100, 60, 100)));
    }

    fn tier(&mut self, t: &TierV) {
        self.p(Paragraph::new()
            .style("Subhead2")
            .add_run(text_run(&t.name)));
        if let Some(o) = &t.objective {
            let label = self.l.get("sub.objective");
            self.item(&label, o);
        }
        self.pairs(&t.facts);
        self.actions(&t.actions);
    }

    fn kpi_groups(&mut self, groups: &[KpiGroup]) {
        for g in groups {
            if let Some(t) = &g.title {
                self.subhead(t);
            }
            self.table(&g.table, false);
        }
    }

    // ----- document structure --------------------------------------------------

    fn cover(&mut self, r: &Report) {
        if let Some(b) = &r.banner {
            self.p(Paragraph::new()
                .style("Banner")
                .add_run(text_run(b).bold().color("8A1F1F")));
        }
        match &r.meta.classification {
            Some(c) => self.p(Paragraph::new().align(AlignmentType::Right).add_run(
                text_run(&format!(
                    "{}{}{c}",
                    self.l.get("cover.classification"),
                    self.l.get("doc.colon")
                ))
                .bold(),
            )),
            None => self.p(Paragraph::new().style("Normal")),
        }
        for _ in 0..3 {
            self.p(Paragraph::new().style("Normal"));
        }
        if let Some(c) = &r.meta.company {
            self.p(Paragraph::new()
                .style("Subtitle")
                .add_run(text_run(c).bold()));
        }
        self.p(Paragraph::new()
            .style("CoverKind")
            .add_run(text_run(&r.meta.kind_label)));
        let mut title = Paragraph::new().style("Title");
        for (k, line) in super::view::title_lines(&r.meta.title).iter().enumerate() {
            let mut run = Run::new();
            if k > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            title = title.add_run(run.add_text(line));
        }
        self.p(title);
        let sub = match &r.meta.org_unit {
            Some(u) => format!("{u} · {}", r.meta.period),
            None => r.meta.period.clone(),
        };
        self.p(Paragraph::new().style("Subtitle").add_run(text_run(&sub)));
        let mut rows: Vec<&Pair> = r.memo.iter().collect();
        rows.extend(&r.cover);
        rows.extend(&r.meta.approvals);
        let w0 = TEXT_W * 3 / 10;
        let w1 = TEXT_W * 5 / 10;
        let trs: Vec<TableRow> = rows
            .iter()
            .map(|p| {
                TableRow::new(vec![
                    TableCell::new().width(w0, WidthType::Dxa).add_paragraph(
                        Paragraph::new()
                            .style("CoverText")
                            .align(AlignmentType::Right)
                            .add_run(text_run(&p.label).color("5F6B7A")),
                    ),
                    TableCell::new().width(w1, WidthType::Dxa).add_paragraph(
                        Paragraph::new()
                            .style("CoverText")
                            .add_run(text_run(&p.value)),
                    ),
                ])
            })
            .collect();
        let borders = TableBorders::new()
            .set(
                TableBorder::new(TableBorderPosition::Top)
                    .color("2F5D9E")
                    .size(12),
            )
            .set(
                TableBorder::new(TableBorderPosition::Bottom)
                    .color("2F5D9E")
                    .size(12),
            )
            .set(
                TableBorder::new(TableBorderPosition::Left)
                    .color("FFFFFF")
                    .size(0),
            )
            .set(
                TableBorder::new(TableBorderPosition::Right)
                    .color("FFFFFF")
                    .size(0),
            )
            .set(
                TableBorder::new(TableBorderPosition::InsideH)
                    .color("D5DBE3")
                    .size(4),
            )
            .set(
                TableBorder::new(TableBorderPosition::InsideV)
                    .color("FFFFFF")
                    .size(0),
            );
        self.docx = std::mem::take(&mut self.docx).add_table(
            Table::new(trs)
                .set_grid(vec![w0, w1])
                .width(w0 + w1, WidthType::Dxa)
                .layout(TableLayoutType::Fixed)
                .align(docx_rs::TableAlignmentType::Center)
                .set_borders(borders)
                .margins(TableCellMargins::new().margin(80, 160, 80, 160)),
        );
        self.p(Paragraph::new().style("Normal"));
        self.p(Paragraph::new()
            .style("CoverNote")
            .add_run(text_run(&self.l.get("doc.cover_note"))));
        self.p(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }

    /// Bookmark name of a section: hidden (`_Toc…`) like the ones Word makes.
    fn bookmark_name(s: &Section) -> String {
        format!("_Toc_{}", s.anchor.replace('-', "_"))
    }

    fn toc(&mut self, r: &Report) {
        /// Entries a contents list may have and still share its page with the first chapter.
        const SHORT_TOC: usize = 12;
        self.p(Paragraph::new()
            .style("TOCHeading")
            .add_run(text_run(&self.l.get("doc.toc"))));
        let instr = InstrToC::new()
            .heading_styles_range(1, 3)
            .hyperlink()
            .hide_tab_and_page_numbers_in_webview()
            .use_applied_paragraph_line_level();
        let entries: Vec<&Section> = r.sections.iter().filter(|s| s.level <= 3).collect();
        for (i, s) in entries.iter().enumerate() {
            let mut p = Paragraph::new().style(&format!("TOC{}", s.level));
            if i == 0 {
                // The field begins in the first entry, pre-filled with the headings so
                // every reader sees them; `w:updateFields` in the settings has Word
                // refresh it (page numbers included) when it opens the file.
                p = p.add_run(
                    Run::new()
                        .add_field_char(FieldCharType::Begin, false)
                        .add_instr_text(InstrText::TOC(instr.clone()))
                        .add_field_char(FieldCharType::Separate, false),
                );
            }
            p = p.add_hyperlink(
                Hyperlink::new(Self::bookmark_name(s), HyperlinkType::Anchor)
                    .add_run(text_run(&s.heading)),
            );
            if i + 1 == entries.len() {
                p = p.add_run(Run::new().add_field_char(FieldCharType::End, false));
            }
            self.p(p);
        }
        // A long contents list gets its page; a short one is followed by the first chapter
        // rather than leaving most of a page empty.
        if entries.len() > SHORT_TOC {
            self.p(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
    }

    fn section(&mut self, s: &Section) -> Result<(), RenderError> {
        self.bookmark += 1;
        let level = s.level.clamp(1, 4);
        let h = Paragraph::new()
            .style(&format!("Heading{level}"))
            .add_bookmark_start(self.bookmark, Self::bookmark_name(s))
            .add_run(text_run(&s.heading))
            .add_bookmark_end(self.bookmark);
        // Chapters flow on: the cover and the contents end with a page break, and a
        // forced break before every chapter left pages holding one short table.
        self.p(h);
        if let Some(sub) = &s.subtitle {
            self.p(Paragraph::new()
                .style("SectionSubtitle")
                .add_run(text_run(sub)));
        }
        self.body(&s.body)
    }

    fn body(&mut self, body: &Body) -> Result<(), RenderError> {
        let l = self.l;
        match body {
            Body::Text { text } => self.md(text),
            Body::Part { text } => {
                if let Some(t) = text {
                    self.md(t);
                }
            }
            Body::Swot { quadrants } => {
                for q in quadrants {
                    self.subhead(&q.title);
                    for i in &q.items {
                        self.item(&i.title, &i.text);
                    }
                }
            }
            Body::Overview {
                text,
                facts,
                regions,
                products,
            } => {
                if let Some(t) = text {
                    self.md(t);
                }
                let sep = if self.zh { "、" } else { ", " };
                if !regions.is_empty() {
                    self.item(&l.get("sub.regions_covered"), &regions.join(sep));
                }
                if !products.is_empty() {
                    self.item(&l.get("sub.products"), &products.join(sep));
                }
                self.figures(facts);
            }
            Body::LastYear {
                figures,
                text,
                highlights,
                challenges,
                notes,
                accounts,
            } => {
                self.figures(figures);
                if let Some(t) = text {
                    self.md(t);
                }
                if !notes.is_empty() {
                    self.subhead(&l.get("sub.notes"));
                    for n in notes {
                        self.item(&n.title, &n.text);
                    }
                }
                if !highlights.is_empty() {
                    self.subhead(&l.get("sub.highlights"));
                    self.bullets(highlights);
                }
                if !challenges.is_empty() {
                    self.subhead(&l.get("sub.challenges"));
                    self.bullets(challenges);
                }
                if !accounts.is_empty() {
                    let sep = if self.zh { "、" } else { ", " };
                    self.item(&l.get("sub.accounts_covered"), &accounts.join(sep));
                }
            }
            Body::Launch { figures, objective } => {
                self.figures(figures);
                if let Some(o) = objective {
                    self.item(&l.get("product_card.objective"), o);
                }
            }
            Body::Targets { summary, targets } => {
                if let Some(t) = summary {
                    self.table(t, false);
                }
                for t in targets {
                    for b in &t.breakdowns {
                        self.subhead(&b.title);
                        if let Some(n) = &b.note {
                            self.md(n);
                        }
                        self.table(&b.table, false);
                        for c in &b.charts {
                            self.chart(c)?;
                        }
                    }
                }
            }
            Body::Smart { rows } => self.titled_table(rows),
            Body::Kpis { groups } => self.kpi_groups(groups),
            Body::Strategies { summary }
            | Body::Accounts { summary }
            | Body::Duties { summary } => self.table(summary, false),
            Body::Strategy {
                facts,
                pain_point,
                objective,
                tactics,
                actions,
                resources,
                kpis,
            } => {
                self.pairs(facts);
                if let Some(p) = pain_point {
                    self.item(&l.get("sub.pain_point"), p);
                }
                if let Some(o) = objective {
                    self.item(&l.get("sub.objective"), o);
                }
                if !tactics.is_empty() {
                    self.subhead(&l.get("sub.tactics"));
                    // A Word numbered list, restarting at 1 for each strategy.
                    let list = self.lists.numbered(1);
                    for t in tactics {
                        self.p(Paragraph::new()
                            .style("ActionHead")
                            .keep_next(true)
                            .numbering(NumberingId::new(list), IndentLevel::new(0))
                            .indent(
                                Some(420),
                                Some(docx_rs::SpecialIndentType::Hanging(420)),
                                None,
                                None,
                            )
                            .add_run(text_run(&t.name).bold()));
                        if let Some(x) = &t.text {
                            self.md_styled(
                                x,
                                md::Style {
                                    indent: 567,
                                    ..md::Style::new("Normal")
                                },
                            );
                        }
                        self.bullets(&t.items);
                        for tier in &t.tiers {
                            self.tier(tier);
                        }
                        if let Some(k) = &t.kpis {
                            self.table(k, false);
                        }
                    }
                }
                if !actions.is_empty() {
                    self.subhead(&l.get("sub.actions"));
                    self.actions(actions);
                }
                if !resources.is_empty() {
                    self.subhead(&l.get("sub.resources"));
                    self.bullets(resources);
                }
                if let Some(k) = kpis {
                    self.subhead(&l.get("sub.kpis"));
                    self.table(k, false);
                }
            }
            Body::Tiers { summary, tiers } => {
                self.subhead(&l.get("sub.tier_table"));
                self.table(summary, false);
                if !tiers.is_empty() {
                    self.subhead(&l.get("sub.tiers_detail"));
                    for t in tiers {
                        self.tier(t);
                    }
                }
            }
            Body::Account {
                facts,
                departments,
                status,
                opportunity,
                challenge,
            } => {
                self.pairs(facts);
                if let Some(d) = departments {
                    self.subhead(&l.get("sub.departments"));
                    self.table(d, false);
                }
                for (key, v) in [
                    ("sub.status", status),
                    ("sub.opportunity", opportunity),
                    ("sub.challenge", challenge),
                ] {
                    if let Some(v) = v {
                        self.item(&l.get(key), v);
                    }
                }
            }
            Body::Timeline { summary, chart } => {
                self.table(summary, false);
                if let Some(c) = chart {
                    self.chart(c)?;
                }
            }
            Body::Phase {
                facts,
                goal,
                workstreams,
                actions,
                kpis,
            } => {
                self.pairs(facts);
                if let Some(g) = goal {
                    self.item(&l.get("sub.goal"), g);
                }
                for w in workstreams {
                    self.subhead(&format!("{}. {}", w.number, w.name));
                    if let Some(t) = &w.text {
                        self.md(t);
                    }
                    self.actions(&w.actions);
                }
                self.actions(actions);
                if let Some(k) = kpis {
                    self.subhead(&l.get("sub.kpis"));
                    self.table(k, false);
                }
            }
            Body::Resources {
                figures,
                staffing,
                training,
            } => {
                self.figures(figures);
                if let Some(s) = staffing {
                    self.item(&l.get("sub.staffing"), s);
                }
                if let Some(t) = training {
                    self.item(&l.get("sub.training"), t);
                }
            }
            Body::Budget {
                figures,
                table,
                chart,
                note,
            } => {
                self.figures(figures);
                if let Some(n) = note {
                    self.md(n);
                }
                if let Some(t) = table {
                    self.table(t, false);
                }
                if let Some(c) = chart {
                    self.chart(c)?;
                }
            }
            Body::Requests { table } | Body::Glossary { table } => self.table(table, false),
            Body::Risks { table, risks } => {
                self.subhead(&l.get("sub.risk_matrix"));
                self.table(table, false);
                let list = self.lists.numbered(1);
                for r in risks {
                    self.p(Paragraph::new()
                        .style("Subhead2")
                        .numbering(NumberingId::new(list), IndentLevel::new(0))
                        .indent(
                            Some(420),
                            Some(docx_rs::SpecialIndentType::Hanging(420)),
                            None,
                            None,
                        )
                        .add_run(text_run(&r.name)));
                    self.pairs(&r.facts);
                    self.item(&l.get("sub.description"), &r.description);
                    if let Some(x) = &r.response {
                        self.item(&l.get("sub.response"), x);
                    }
                }
            }
            Body::Cadence { table, items } => {
                self.table(table, false);
                for c in items {
                    if let Some(k) = &c.kpis {
                        self.subhead(&format!("{} · {}", c.name, l.get("sub.kpis")));
                        self.table(k, false);
                    }
                }
            }
            Body::Topics { intro } => {
                if let Some(t) = intro {
                    self.md(t);
                }
            }
            Body::Topic { text, items, kpis } => {
                if let Some(t) = text {
                    self.md(t);
                }
                for i in items {
                    let indent = 420 * i32::from(i.depth.saturating_sub(1));
                    let mut p = Paragraph::new()
                        .style("Normal")
                        .numbering(
                            NumberingId::new(BULLETS),
                            IndentLevel::new(usize::from(i.depth.saturating_sub(1)).min(2)),
                        )
                        .indent(
                            Some(420 + indent),
                            Some(docx_rs::SpecialIndentType::Hanging(300)),
                            None,
                            None,
                        )
                        .add_run(text_run(&i.title).bold());
                    match &i.text {
                        Some(t) if !t.trim().contains('\n') => {
                            p = p.add_run(text_run(&self.colon()));
                            let ps = md::paragraphs(t, md::Style::new("Normal"), &mut self.lists);
                            for x in ps {
                                p.children.extend(x.children);
                            }
                            self.p(p);
                        }
                        Some(t) => {
                            self.p(p);
                            self.md_styled(
                                t,
                                md::Style {
                                    indent: 420 + indent + 300,
                                    ..md::Style::new("Normal")
                                },
                            );
                        }
                        None => self.p(p),
                    }
                    if let Some(k) = &i.kpis {
                        self.table(k, false);
                    }
                }
                if let Some(k) = kpis {
                    self.subhead(&l.get("sub.kpis"));
                    self.table(k, false);
                }
            }
            Body::Duty(d) => {
                if !d.tasks.is_empty() {
                    self.subhead(&l.get("sub.tasks"));
                    self.bullets(&d.tasks);
                }
                self.pairs(&d.facts);
                if let Some(k) = &d.kpis {
                    self.subhead(&l.get("sub.kpis"));
                    self.table(k, false);
                }
            }
            Body::Review(f) => {
                if let Some(i) = &f.intro {
                    self.p(Paragraph::new().style("Normal").add_run(text_run(i)));
                }
                for b in &f.blocks {
                    if let Some(c) = &b.caption {
                        self.subhead(c);
                    }
                    let t = VTable {
                        columns: b.columns.clone(),
                        rows: b
                            .rows
                            .iter()
                            .map(|r| super::view::Row {
                                cells: r
                                    .cells
                                    .iter()
                                    .map(|c| super::view::Cell {
                                        text: c.text.clone(),
                                        md: false,
                                    })
                                    .collect(),
                                kind: r.kind,
                                depth: r.depth,
                            })
                            .collect(),
                        note: None,
                    };
                    let mark = |ri: usize, ci: usize| {
                        let c = b.rows.get(ri)?.cells.get(ci)?;
                        let light = c.light.map(|l| match l {
                            "green" => "2E7D32",
                            "amber" => "E0A100",
                            _ => "C62828",
                        });
                        let color = c.trend.map(|t| if t == "up" { "2E7D32" } else { "C62828" });
                        (light.is_some() || color.is_some()).then_some(Mark { light, color })
                    };
                    // A wide table (ten columns or more) sets in the small table text,
                    // so its figures fit on one line each.
                    let followed = !b.highlights.is_empty() || b.note.is_some();
                    self.table_kept(&t, t.columns.len() >= WIDE_COLUMNS, &mark, followed);
                    if !b.highlights.is_empty() {
                        self.bullets_kept(&b.highlights, b.note.is_some());
                    }
                    if let Some(n) = &b.note {
                        self.p(Paragraph::new()
                            .style("Caption")
                            .align(AlignmentType::Left)
                            .add_run(text_run(n)));
                    }
                    if let Some(c) = &b.chart {
                        self.chart(c)?;
                    }
                }
            }
            Body::Cases { .. } => {}
            Body::Case { rows } => self.titled_table(rows),
            Body::Reference { tables } => {
                for c in tables {
                    if !c.caption.is_empty() {
                        self.subhead(&c.caption);
                    }
                    self.table(&c.table, false);
                }
            }
            Body::Checks {
                intro,
                figures,
                rules,
                suppressed,
                findings,
                full,
            } => {
                self.p(Paragraph::new().style("Normal").add_run(text_run(intro)));
                let pairs: Vec<Pair> = figures
                    .iter()
                    .map(|f| Pair {
                        label: f.label.clone(),
                        value: f.value.clone(),
                    })
                    .collect();
                for p in &pairs {
                    self.p(Paragraph::new()
                        .style("Meta")
                        .add_run(text_run(&format!("{}{}", p.label, self.colon())).color("5F6B7A"))
                        .add_run(text_run(&p.value)));
                }
                if *full {
                    self.subhead(&l.get("checks.rules"));
                    self.table(rules, true);
                }
                if let Some(t) = suppressed {
                    self.subhead(&l.get("checks.suppressed"));
                    self.table(t, true);
                }
                if let Some(t) = findings {
                    self.subhead(&l.get("checks.findings"));
                    self.table(t, true);
                }
            }
        }
        Ok(())
    }
}

/// The borders every planc table uses: blue rules above and below, thin grey lines inside.
fn table_borders() -> TableBorders {
    let line = "C9D1DC";
    let edge = |pos, color: &str, size| TableBorder::new(pos).color(color).size(size);
    TableBorders::new()
        .set(edge(TableBorderPosition::Top, "2F5D9E", 8))
        .set(edge(TableBorderPosition::Bottom, "2F5D9E", 8))
        .set(edge(TableBorderPosition::Left, line, 0))
        .set(edge(TableBorderPosition::Right, line, 0))
        .set(edge(TableBorderPosition::InsideH, line, 4))
        .set(edge(TableBorderPosition::InsideV, line, 4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::{Cell, Column, Measure, Row};

    /// The review's region detail: eleven columns, two of names, nine of figures.
    /// A row of plain cells.
    fn row(cells: &[&str], kind: &'static str) -> Row {
        Row {
            cells: cells
                .iter()
                .map(|t| Cell {
                    text: (*t).into(),
                    md: false,
                })
                .collect(),
            kind,
            depth: 0,
        }
    }

    fn region_detail() -> VTable {
        let right = |l: &str| Column::new(l.into(), "right", 2);
        let mut columns = vec![
            Column::new("项目".into(), "left", 3),
            Column::new("所属".into(), "left", 2),
        ];
        for l in [
            "目标",
            "实际",
            "完成率",
            "差额",
            "占比（占合计）",
            "上年同期",
            "同比",
        ] {
            columns.push(right(l));
        }
        columns.push(right("完成率贡献（合计，百分点）"));
        columns.push(Column::new("状态".into(), "left", 2).measuring(Measure::Status));
        VTable {
            columns,
            rows: vec![
                row(
                    &[
                        "华东大区",
                        "待开发区域",
                        "90,720",
                        "90,900",
                        "100.2%",
                        "−2,280",
                        "25.3%",
                        "84,000",
                        "+23.8%",
                        "−0.63",
                        "黄灯",
                    ],
                    "body",
                ),
                row(
                    &[
                        "待开发区域 小计",
                        "",
                        "178,200",
                        "176,100",
                        "98.8%",
                        "−2,100",
                        "49.1%",
                        "165,000",
                        "+6.7%",
                        "−0.58",
                        "黄灯",
                    ],
                    "body",
                ),
                row(
                    &[
                        "合计", "", "360,000", "359,000", "99.7%", "−1,000", "100.0%", "320,000",
                        "+12.2%", "−0.28", "黄灯",
                    ],
                    "total",
                ),
            ],
            note: None,
        }
    }

    #[test]
    fn a_wide_tables_figures_and_lights_keep_their_line() {
        let t = region_detail();
        let lights = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
        let small = t.columns.len() >= WIDE_COLUMNS;
        assert!(small, "eleven columns set in the small table text");
        let w = column_widths(&t, &lights, small);
        assert!(w.iter().sum::<usize>() <= TEXT_W + w.len(), "{w:?}");
        let (half_em, pad) = metrics(small);
        for (ci, c) in t.columns.iter().enumerate() {
            if c.align != "right" && c.measure != Measure::Status {
                continue;
            }
            // The widest cell (bold in the total row, `%` an em wide) keeps its line.
            let need = t
                .rows
                .iter()
                .map(|r| display_len(&r.cells[ci].text) + usize::from(r.kind == "total"))
                .max()
                .unwrap_or(0)
                + lights[ci];
            // (The estimate is generous — a half-em of 8 pt is 80 twips, counted 100 —
            // so a column shrunk by at most a fifth still holds its figures.)
            assert!(
                w[ci] * 5 >= (need * half_em + pad) * 4,
                "column `{}` is {} twips, needs {}",
                c.label,
                w[ci],
                need * half_em + pad
            );
        }
        // `%` counts an em, like a CJK character.
        assert_eq!(display_len("100.0%"), 7);
        assert_eq!(display_len("黄灯"), 4);
    }

    /// The roll-up's tree: one text column (`承接指标`) among short ones, one of them
    /// under a long header (`已编制下级计划`).
    #[test]
    fn a_text_column_gets_its_room_before_a_short_columns_long_header() {
        let right = |l: &str| Column::new(l.into(), "right", 2);
        let columns = vec![
            Column::new("单位 / 计划".into(), "left", 3),
            Column::new("承接指标".into(), "left", 3),
            right("上级分配"),
            right("本级计划"),
            right("差额"),
            right("下级合计"),
            right("已编制下级计划"),
        ];
        let t = VTable {
            columns,
            rows: vec![
                row(
                    &[
                        "销售中心",
                        "年度销售总额",
                        "—",
                        "360,000",
                        "—",
                        "256,200",
                        "3 / 6",
                    ],
                    "total",
                ),
                row(
                    &[
                        "华东大区",
                        "个人负责区域年度销售总额",
                        "90,720",
                        "90,720",
                        "0",
                        "2,400",
                        "3 / 3",
                    ],
                    "body",
                ),
            ],
            note: None,
        };
        let w = column_widths(&t, &[0; 7], false);
        assert!(w.iter().sum::<usize>() <= TEXT_W + w.len(), "{w:?}");
        let (half_em, pad) = metrics(false);
        // `个人负责区域年度销售总额` on one line (the estimate is generous by a fifth).
        let need = display_len("个人负责区域年度销售总额") * half_em + pad;
        assert!(w[1] * 5 >= need * 4, "{w:?}: the text column needs {need}");
        // The figures keep their line.
        for (ci, text) in [(2, "90,720"), (3, "360,000"), (5, "256,200"), (6, "3 / 6")] {
            assert!(w[ci] >= display_len(text) * half_em + pad, "{w:?}");
        }
    }
}
