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
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            unicode: true,
            width: 100,
            show_suppressed: false,
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
        let inner = self.0.text.as_str().read_span(span, before, after)?;
        // miette counts columns in bytes; planc counts characters everywhere (JSON, SARIF,
        // GitHub, the editor), so `19:16` on a Chinese line is the same place in all of them.
        let column = self.0.line_col(inner.span().offset()).1 - 1;
        Ok(Box::new(CharColumns { inner, column }))
    }
}

/// Span contents whose column is a character count.
struct CharColumns<'a> {
    inner: Box<dyn SpanContents<'a> + 'a>,
    column: usize,
}

impl<'a> SpanContents<'a> for CharColumns<'a> {
    fn data(&self) -> &'a [u8] {
        self.inner.data()
    }
    fn span(&self) -> &SourceSpan {
        self.inner.span()
    }
    fn name(&self) -> Option<&str> {
        self.inner.name()
    }
    fn line(&self) -> usize {
        self.inner.line()
    }
    fn column(&self) -> usize {
        self.column
    }
    fn line_count(&self) -> usize {
        self.inner.line_count()
    }
    fn language(&self) -> Option<&str> {
        self.inner.language()
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
        let label =
            LabeledSpan::new_with_span((!l.message.is_empty()).then(|| l.message.clone()), l.span);
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
        self.source.as_ref()?;
        let f = self.finding;
        fn text(m: &str) -> Option<String> {
            (!m.is_empty()).then(|| m.to_owned())
        }
        let primary = LabeledSpan::new_primary_with_span(text(&f.primary.message), f.primary.span);
        let rest = f
            .secondary
            .iter()
            .filter(|l| l.file.is_none())
            .map(|l| LabeledSpan::new_with_span(text(&l.message), l.span));
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
    out
}

/// Renders every report and the summary line.
pub fn render(reports: &[FileReport], style: &Style) -> String {
    let mut out = String::new();
    for r in reports {
        for f in &r.findings {
            if f.suppressed.is_some() && !style.show_suppressed {
                continue;
            }
            out.push_str(&render_finding(r, f, style));
            out.push('\n');
        }
    }
    out.push_str(&Summary::of(reports).line());
    out.push('\n');
    out
}
