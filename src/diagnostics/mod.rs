//! Findings and the emitters that present them.
//!
//! Architecture invariant: every finding about a file's content carries a span into
//! that file; rules and loaders return findings, only emitters print.

pub mod edit;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::source::{SourceFile, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A labelled span: in the file the finding is reported for, or — for the other side of
/// a cross-file relation (a parent plan, a sibling) — in `file`.
#[derive(Clone, Debug)]
pub struct Label {
    pub span: Span,
    pub message: String,
    /// Another file the span points into; `None`: the report's own file.
    pub file: Option<Arc<SourceFile>>,
}

impl PartialEq for Label {
    fn eq(&self, other: &Self) -> bool {
        self.span == other.span
            && self.message == other.message
            && self.file.as_ref().map(|f| &f.path) == other.file.as_ref().map(|f| &f.path)
    }
}

impl Eq for Label {}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
            file: None,
        }
    }
}

/// How sure planc is of a fix (ruff's applicability, rustc's `MachineApplicable`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    /// Keeps what the plan means: `planc fix` applies it.
    Safe,
    /// Changes what the plan says (adds an item, moves money): only with `--unsafe-fixes`.
    Unsafe,
}

impl Safety {
    pub fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Unsafe => "unsafe",
        }
    }
}

/// Replace the text at `span` (bytes of the decoded file) with `replacement`; an empty
/// span inserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// What a finding's fix does: text edits in the finding's own file, applied together or
/// not at all. `planc fix`, `--diff` and (later) the language server's code actions read
/// the same list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub safety: Safety,
    /// What the fix does, in the user's language (`replace `jaingsu` with `jiangsu``).
    pub message: String,
    /// Non-overlapping edits, in file order.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(Safety::Safe, message, edits)
    }
    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(Safety::Unsafe, message, edits)
    }
    fn new(safety: Safety, message: impl Into<String>, mut edits: Vec<Edit>) -> Fix {
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        Fix {
            safety,
            message: message.into(),
            edits,
        }
    }
    /// The smallest span covering every edit.
    pub fn range(&self) -> Span {
        let start = self.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.span.end).max().unwrap_or(start);
        Span::new(start, end)
    }
}

/// One problem found in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable code, e.g. `P101`.
    pub code: &'static str,
    /// Readable rule name, e.g. `breakdown-sum`.
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where the problem is: the exact value.
    pub primary: Label,
    /// The other side of a relation (the total, the first definition …).
    pub secondary: Vec<Label>,
    pub help: Option<String>,
    /// Set when a `# planc: allow` comment silenced the finding; holds its reason.
    pub suppressed: Option<String>,
    /// Edits that resolve the finding, when planc knows them (`planc fix`).
    pub fix: Option<Fix>,
    /// For the one finding that stands for findings left out past the cap: how many
    /// (see [`omitted`]); 0 for every other finding.
    pub omitted: usize,
}

impl Finding {
    pub fn new(rule: &crate::rules::RuleInfo, span: Span, message: impl Into<String>) -> Self {
        Finding {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
            message: message.into(),
            primary: Label::new(span, ""),
            secondary: Vec::new(),
            help: None,
            suppressed: None,
            fix: None,
            omitted: 0,
        }
    }
    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }
    pub fn with(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::new(span, message));
        self
    }
    /// A secondary label in another file (the other side of a cross-file relation).
    pub fn with_in(
        mut self,
        file: &Arc<SourceFile>,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        self.secondary.push(Label {
            file: Some(Arc::clone(file)),
            ..Label::new(span, message)
        });
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// Attaches a fix (`None`: the finding stays without one).
    pub fn fix(mut self, fix: impl Into<Option<Fix>>) -> Self {
        self.fix = fix.into();
        self
    }
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

/// Puts a file's findings in the order they are shown: by position, then code and message.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.primary.span.start, a.code, &a.message).cmp(&(b.primary.span.start, b.code, &b.message))
    });
}

/// All findings for one input file.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// The decoded source, when the file could be read and decoded.
    pub source: Option<Arc<SourceFile>>,
    pub findings: Vec<Finding>,
}

impl FileReport {
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.suppressed.is_none())
    }
    /// Active findings that carry a fix `planc fix` applies (safe ones, or any with
    /// `unsafe_fixes`).
    pub fn fixable(&self, unsafe_fixes: bool) -> usize {
        self.active()
            .filter(|f| {
                f.fix
                    .as_ref()
                    .is_some_and(|x| unsafe_fixes || x.safety == Safety::Safe)
            })
            .count()
    }
    pub fn count(&self, severity: Severity) -> usize {
        self.active().filter(|f| f.severity == severity).count()
    }
    /// 1-based line and column of a span start (1:1 when there is no source).
    pub fn line_col(&self, span: Span) -> (usize, usize) {
        self.source
            .as_ref()
            .map_or((1, 1), |s| s.line_col(span.start))
    }
    pub fn end_line_col(&self, span: Span) -> (usize, usize) {
        self.source
            .as_ref()
            .map_or((1, 1), |s| s.line_col(span.end))
    }
    /// Path, start and end (line, column) of a label, in whichever file it points into.
    pub fn locate(&self, l: &Label) -> (String, (usize, usize), (usize, usize)) {
        match &l.file {
            Some(f) => (f.name(), f.line_col(l.span.start), f.line_col(l.span.end)),
            None => (
                self.display_path(),
                self.line_col(l.span),
                self.end_line_col(l.span),
            ),
        }
    }
    pub fn display_path(&self) -> String {
        crate::source::display_path(&self.path)
    }
}

/// Totals over a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub suppressed: usize,
    /// Active findings with a safe fix (`planc fix` applies them).
    pub fixable: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        // Paths that could not be read (P000) were not checked.
        let mut s = Summary {
            files: reports
                .iter()
                .filter(|r| !r.findings.iter().any(|f| f.code == "P000"))
                .count(),
            ..Summary::default()
        };
        for r in reports {
            s.errors += r.count(Severity::Error);
            s.warnings += r.count(Severity::Warning);
            s.suppressed += r.findings.iter().filter(|f| f.suppressed.is_some()).count();
            s.fixable += r.fixable(false);
        }
        s
    }
    /// `checked 3 files: 1 error, 2 warnings`, in the current language.
    pub fn line(&self) -> String {
        let mut line = crate::t!(
            "summary-line",
            files = self.files,
            errors = self.errors,
            warnings = self.warnings
        );
        if self.suppressed > 0 {
            line.push_str(&crate::t!(
                "summary-suppressed",
                suppressed = self.suppressed
            ));
        }
        if self.fixable > 0 {
            line.push_str(&crate::t!("fix-summary-fixable", fixable = self.fixable));
        }
        line
    }
}

/// At most this many findings of one code are kept for one file; the rest are counted in
/// one finding that says how many were left out (`planc check --max-findings` shows
/// fewer still in the terminal). A file with a million invalid entries costs seconds and
/// a bounded amount of memory, in every output format.
pub const MAX_PER_CODE: usize = 1000;

/// The finding that stands for `count` findings of `rule` left out past the cap.
pub fn omitted(rule: &'static crate::rules::RuleInfo, count: usize) -> Finding {
    let mut f = Finding::new(
        rule,
        crate::source::Span::default(),
        crate::t!("findings-omitted", count = count, max = MAX_PER_CODE),
    )
    .help(crate::t!("findings-omitted-help"));
    f.omitted = count;
    f
}

/// Keeps the first [`MAX_PER_CODE`] findings of each code (in file order) and replaces
/// the rest with one [`omitted`] finding per code, which also takes in the counts of
/// any such finding already there (a stage that stopped early, like the schema's).
pub fn cap(findings: &mut Vec<Finding>) {
    let mut seen: std::collections::HashMap<&'static str, usize> = Default::default();
    let mut over: Vec<(&'static str, Severity, usize)> = Vec::new();
    findings.retain(|f| {
        let count = if f.omitted > 0 {
            f.omitted
        } else {
            let n = seen.entry(f.code).or_default();
            *n += 1;
            if *n <= MAX_PER_CODE {
                return true;
            }
            1
        };
        match over.iter_mut().find(|(c, _, _)| *c == f.code) {
            Some(o) => o.2 += count,
            None => over.push((f.code, f.severity, count)),
        }
        false
    });
    for (code, severity, count) in over {
        if let Some(rule) = crate::rules::lookup(code) {
            findings.push(omitted(rule, count).severity(severity));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::builtin::{SCHEMA, UNKNOWN_FIELD};
    use crate::source::Span;

    fn at(rule: &crate::rules::RuleInfo, i: usize) -> Finding {
        Finding::new(rule, Span::new(i, i + 1), format!("f{i}"))
    }

    #[test]
    fn cap_keeps_the_first_of_each_code_and_counts_the_rest_once() {
        let mut findings: Vec<Finding> = (0..MAX_PER_CODE + 7).map(|i| at(&SCHEMA, i)).collect();
        findings.push(at(&UNKNOWN_FIELD, 5));
        // A stage that stopped early already counted 30 more of its code.
        findings.insert(3, omitted(&SCHEMA, 30));
        cap(&mut findings);
        let schema: Vec<_> = findings.iter().filter(|f| f.code == SCHEMA.code).collect();
        assert_eq!(schema.len(), MAX_PER_CODE + 1);
        assert_eq!(
            schema[MAX_PER_CODE - 1].message,
            format!("f{}", MAX_PER_CODE - 1)
        );
        let left: Vec<_> = findings.iter().filter(|f| f.omitted > 0).collect();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].omitted, 37);
        assert_eq!(left[0].code, SCHEMA.code);
        assert!(findings.iter().any(|f| f.code == UNKNOWN_FIELD.code));
    }

    #[test]
    fn cap_leaves_a_file_under_the_cap_alone() {
        let mut findings: Vec<Finding> = (0..MAX_PER_CODE).map(|i| at(&SCHEMA, i)).collect();
        let before = findings.clone();
        cap(&mut findings);
        assert_eq!(findings, before);
    }
}
