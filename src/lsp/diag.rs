//! Findings → LSP diagnostics, and the rule docs their `codeDescription` links to.
//!
//! LSP requires `codeDescription.href` to be a URI. planc has no website, so the server
//! writes every rule's doc (the text `planc explain CODE` prints, in both languages) once
//! to `<temp dir>/planc-<version>-rules/<lang>/<CODE>.md` and links there with a `file:`
//! URI: a link an editor can open offline, in the language of the message.

use std::path::{Path, PathBuf};

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Url,
};

use super::convert::{uri_of, Encoding, LineIndex};
use crate::diagnostics::{FileReport, Finding, Severity};
use crate::i18n::Lang;

/// Where the rule docs were written, if they could be.
pub struct Docs {
    dir: Option<PathBuf>,
}

impl Docs {
    /// Writes the docs of every registered code under the temp dir.
    pub fn write() -> Docs {
        let dir = std::env::temp_dir().join(format!("planc-{}-rules", env!("CARGO_PKG_VERSION")));
        let ok = [Lang::En, Lang::Zh].into_iter().all(|lang| {
            let sub = dir.join(lang_dir(lang));
            std::fs::create_dir_all(&sub).is_ok()
                && crate::rules::REGISTRY.iter().all(|r| {
                    std::fs::write(sub.join(format!("{}.md", r.code)), explain_text(lang, r))
                        .is_ok()
                })
        });
        Docs {
            dir: ok.then_some(dir),
        }
    }

    /// No links (tests that should not write files).
    pub fn none() -> Docs {
        Docs { dir: None }
    }

    fn href(&self, lang: Lang, code: &str) -> Option<Url> {
        let dir = self.dir.as_ref()?;
        crate::rules::lookup(code)?;
        uri_of(&dir.join(lang_dir(lang)).join(format!("{code}.md")))
    }
}

fn lang_dir(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// The text `planc explain` prints for a rule.
pub fn explain_text(lang: Lang, r: &crate::rules::RuleInfo) -> String {
    let severity = crate::t_in!(lang, "explain-severity", severity = r.severity.as_str());
    format!(
        "# {} ({})\n\n{severity}\n\n{}\n\n{}\n",
        r.code,
        r.name,
        crate::i18n::rule_summary(lang, r),
        crate::i18n::rule_doc(lang, r).trim_end()
    )
}

/// The diagnostics of one file's report. `text` is the file's text as the client has it
/// (the report's own source otherwise); suppressed findings are left out.
pub fn diagnostics(
    report: &FileReport,
    text: Option<&str>,
    encoding: Encoding,
    lang: Lang,
    docs: &Docs,
) -> Vec<Diagnostic> {
    let Some(text) = text.or(report.source.as_deref().map(|s| s.text.as_str())) else {
        return Vec::new();
    };
    let index = LineIndex::new(text, encoding);
    report
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .map(|f| diagnostic(f, &report.path, &index, encoding, lang, docs))
        .collect()
}

fn diagnostic(
    f: &Finding,
    path: &Path,
    index: &LineIndex,
    encoding: Encoding,
    lang: Lang,
    docs: &Docs,
) -> Diagnostic {
    let mut message = f.message.clone();
    if !f.primary.message.is_empty() && f.primary.message != f.message {
        message.push('\n');
        message.push_str(&f.primary.message);
    }
    if let Some(help) = &f.help {
        message.push('\n');
        message.push_str(&crate::t_in!(lang, "lsp-help", help = help.clone()));
    }
    let related: Vec<DiagnosticRelatedInformation> = f
        .secondary
        .iter()
        .filter_map(|l| {
            let location = match &l.file {
                Some(other) => Location::new(
                    uri_of(&other.path)?,
                    LineIndex::new(&other.text, encoding).range(l.span),
                ),
                None => Location::new(uri_of(path)?, index.range(l.span)),
            };
            Some(DiagnosticRelatedInformation {
                location,
                message: if l.message.is_empty() {
                    f.message.clone()
                } else {
                    l.message.clone()
                },
            })
        })
        .collect();
    Diagnostic {
        range: index.range(f.primary.span),
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(f.code.to_owned())),
        code_description: docs.href(lang, f.code).map(|href| CodeDescription { href }),
        source: Some("planc".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
