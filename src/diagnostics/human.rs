//! Human output: miette's graphical report, `file:line:col` with the source snippet and
//! a label under the exact value.

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, NamedSource,
    SourceCode, SourceSpan, SpanContents,
};

use super::{FileReport, Finding, Severity, Summary};
use crate::source::SourceFile;

/// Options for human output.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    pub width: usize,
    pub show_suppressed: bool,
    /// At most this many findings of one code per file are printed (0: all).
    pub max_per_code: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            unicode: true,
            width: 100,
            show_suppressed: false,
            max_per_code: 0,
        }
    }
}

struct Text(Arc<SourceFile>);

impl SourceCode for Text {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // miette scans a `str` from its start for every span; hand it only the lines
        // around the span (found with the line index), so printing n findings costs
        // time linear in n, not n × file size.
        let file = &self.0;
        let text = file.text.as_str();
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let first = file.line_of(start).saturating_sub(before);
        let last = file.line_of(end) + after + 1;
        let window_start = file.line_start(first);
        let window_end = if last < file.line_count() {
            file.line_start(last)
        } else {
            text.len()
        };
        // A very long line (a 2 MB line, a flow sequence of thousands of items) is shown
        // only around the span: printing n findings on it must not print n × the line.
        let (window_start, window_end) = if window_end - window_start > LONG_WINDOW {
            (
                window_start.max(floor_char(text, start.saturating_sub(AROUND))),
                window_end.min(ceil_char(text, end + AROUND)),
            )
        } else {
            (window_start, window_end)
        };
        let first = file.line_of(window_start);
        let window = &text[window_start..window_end];
        let inner = window.read_span(
            &SourceSpan::new((start - window_start).into(), end - start),
            before,
            after,
        )?;
        let offset = inner.span().offset() + window_start;
        // miette counts columns in bytes; planc counts characters everywhere (JSON, SARIF,
        // GitHub, the editor), so `19:16` on a Chinese line is the same place in all of them.
        let column = file.line_col(offset).1 - 1;
        Ok(Box::new(CharColumns {
            span: SourceSpan::new(offset.into(), inner.span().len()),
            line: inner.line() + first,
            line_count: inner.line_count() + first,
            column,
            data: inner.data(),
        }))
    }
}

/// Past this many bytes, the lines around a span are cut to [`AROUND`] bytes each side.
const LONG_WINDOW: usize = 4096;
const AROUND: usize = 400;
/// A label longer than this is cut to the end of its first line (or to this length):
/// a finding about a whole 100 000-line block quotes its start, not the block.
const LONG_LABEL: usize = 2048;

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A label's span as shown: long ones cut (see [`LONG_LABEL`]).
fn shown(text: &str, span: crate::source::Span) -> SourceSpan {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    if end - start <= LONG_LABEL {
        return SourceSpan::new(start.into(), end - start);
    }
    let line_end = text[start..end].find('\n').map_or(end, |i| start + i);
    let end = floor_char(text, line_end.min(start + LONG_LABEL)).max(start);
    SourceSpan::new(start.into(), end - start)
}

/// The lines around a span, placed in the whole file, with a character column.
struct CharColumns<'a> {
    data: &'a [u8],
    span: SourceSpan,
    line: usize,
    line_count: usize,
    column: usize,
}

impl<'a> SpanContents<'a> for CharColumns<'a> {
    fn data(&self) -> &'a [u8] {
        self.data
    }
    fn span(&self) -> &SourceSpan {
        &self.span
    }
    fn line(&self) -> usize {
        self.line
    }
    fn column(&self) -> usize {
        self.column
    }
    fn line_count(&self) -> usize {
        self.line_count
    }
}

struct Diag<'a> {
    finding: &'a Finding,
    source: Option<NamedSource<Text>>,
    message: String,
    /// Labels in other files, one block per file.
    related: Vec<Related>,
}

/// The labels of a cross-file finding that point into another file.
struct Related {
    source: NamedSource<Text>,
    message: String,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for Related {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Related {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Related {}

impl Diagnostic for Related {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

fn related(finding: &Finding) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    for l in &finding.secondary {
        let Some(file) = &l.file else { continue };
        let label = LabeledSpan::new_with_span(
            (!l.message.is_empty()).then(|| l.message.clone()),
            shown(&file.text, l.span),
        );
        match out.iter_mut().find(|r| r.source.name() == file.name()) {
            Some(r) => r.labels.push(label),
            None => out.push(Related {
                source: NamedSource::new(file.name(), Text(Arc::clone(file))),
                message: crate::t!("human-other-side", file = file.name()),
                labels: vec![label],
            }),
        }
    }
    out
}

impl fmt::Debug for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag<'_> {}

impl Diagnostic for Diag<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}({})",
            self.finding.code, self.finding.name
        )))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let mut help = self.finding.help.clone();
        if let Some(fix) = &self.finding.fix {
            let note = match fix.safety {
                super::Safety::Safe => {
                    crate::t!("fix-human-safe", message = fix.message.as_str())
                }
                super::Safety::Unsafe => {
                    crate::t!("fix-human-unsafe", message = fix.message.as_str())
                }
            };
            help = Some(match help {
                Some(h) => format!("{h}\n{note}"),
                None => note,
            });
        }
        if let Some(reason) = &self.finding.suppressed {
            let note = crate::t!("human-suppressed", reason = reason.clone());
            help = Some(match help {
                Some(h) => format!("{h}\n{note}"),
                None => note,
            });
        }
        help.map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let source = &self.source.as_ref()?.inner().0.text;
        let f = self.finding;
        fn text(m: &str) -> Option<String> {
            (!m.is_empty()).then(|| m.to_owned())
        }
        let primary = LabeledSpan::new_primary_with_span(
            text(&f.primary.message),
            shown(source, f.primary.span),
        );
        let rest = f
            .secondary
            .iter()
            .filter(|l| l.file.is_none())
            .map(move |l| LabeledSpan::new_with_span(text(&l.message), shown(source, l.span)));
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

/// Renders one finding.
pub fn render_finding(report: &FileReport, finding: &Finding, style: &Style) -> String {
    let theme = match (style.unicode, style.color) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme::unicode_nocolor(),
        (false, _) => GraphicalTheme::ascii(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1);
    let (source, message) = match &report.source {
        Some(s) => (
            Some(NamedSource::new(report.display_path(), Text(Arc::clone(s)))),
            finding.message.clone(),
        ),
        None => {
            let path = report.display_path();
            let message = if finding.message.contains(&path) {
                finding.message.clone()
            } else {
                format!("{path}: {}", finding.message)
            };
            (None, message)
        }
    };
    let diag = Diag {
        finding,
        source,
        message,
        related: related(finding),
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &diag).is_err() {
        out = format!(
            "{}[{}]: {}\n",
            finding.severity.as_str(),
            finding.code,
            finding.message
        );
    }
    // miette heads the other file's block with an English "Advice:" (the severity it
    // renders related diagnostics under); the reader's language says what it is.
    if !diag.related.is_empty() {
        out = localise_related(&out);
    }
    localise_help(&out)
}

/// Replaces miette's English `help: ` before a finding's help with the reader's word
/// (`提示：`, as wide as `help: `, so wrapped lines stay aligned under it).
fn localise_help(text: &str) -> String {
    let label = crate::t!("human-help-label");
    if label == "help: " || label == "help:" {
        return text.to_owned();
    }
    text.split_inclusive('\n')
        .map(|line| {
            if strip_ansi(line).trim_start().starts_with("help: ") {
                line.replacen("help: ", &label, 1)
            } else {
                line.to_owned()
            }
        })
        .collect()
}

/// Replaces miette's `Advice:` heading of a related block, in colour or not.
fn localise_related(text: &str) -> String {
    let heading = crate::t!("human-related-heading");
    text.lines()
        .map(|line| {
            let plain: String = strip_ansi(line);
            if plain.trim_end() == "Advice:" {
                heading.clone()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if text.ends_with('\n') { "\n" } else { "" }
}

/// The text of a line without its colour escapes.
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Renders every report and the summary line.
pub fn render(reports: &[FileReport], style: &Style) -> String {
    let mut out = render_findings(reports, style);
    out.push_str(&Summary::of(reports).line());
    out.push('\n');
    out
}

/// Renders every report's findings, without the summary line.
pub fn render_findings(reports: &[FileReport], style: &Style) -> String {
    let mut out = String::new();
    for r in reports {
        // Findings of one code beyond the limit, counted (in order of first omission).
        let mut shown: std::collections::HashMap<&str, usize> = Default::default();
        let mut omitted: Vec<(&str, &str, usize)> = Vec::new();
        for f in &r.findings {
            if f.suppressed.is_some() && !style.show_suppressed {
                continue;
            }
            let n = shown.entry(f.code).or_default();
            *n += 1;
            if style.max_per_code > 0 && *n > style.max_per_code {
                match omitted.iter_mut().find(|(c, _, _)| *c == f.code) {
                    Some(o) => o.2 += 1,
                    None => omitted.push((f.code, f.name, 1)),
                }
                continue;
            }
            out.push_str(&render_finding(r, f, style));
            out.push('\n');
        }
        for (code, name, n) in omitted {
            out.push_str(&crate::t!(
                "human-omitted",
                path = r.display_path(),
                count = n,
                code = code,
                name = name,
                shown = style.max_per_code
            ));
            out.push_str("\n\n");
        }
    }
    out
}
