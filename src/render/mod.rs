//! Reports: a plan that checks, rendered to Markdown, self-contained HTML or DOCX.
//!
//! One view-model, many formats (like mdBook's renderers and typst's exporters):
//! `build` turns the [`Plan`] into a [`view::Report`] — sections in the order the
//! plan's kind calls for, tables with totals, shares and growth computed in `Decimal`,
//! charts described once — and each format reads only that report:
//! `markdown` and `html` through minijinja templates (`templates/`, embedded, each
//! overridable by name with `--templates DIR`), `docx` through docx-rs, `pdf` through
//! typst templates (`templates/typ/`) typeset by typst as a library.
//!
//! Architecture invariants: renderers never read the plan file (the caller hands
//! over the plan, its findings and its hash); templates hold layout and wording, not
//! arithmetic; the same input gives byte-identical output in every format.

pub mod build;
pub mod chart;
pub mod checks;
pub mod docx;
pub mod figures;
pub mod index;
pub mod labels;
pub mod links;
pub mod pdf;
pub mod raster;
pub mod rollup;
pub mod templates;
pub mod view;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostics::Severity;
use crate::model::{Lang, Plan};

pub use labels::Labels;
pub use view::Report;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// GitHub-flavoured Markdown.
    Md,
    /// One self-contained HTML file (inline CSS and SVG charts, no scripts).
    Html,
    /// A Word document.
    Docx,
    /// A typeset A4 PDF (typst): table of contents with page numbers, bookmarks,
    /// vector charts; needs a CJK font on the system.
    Pdf,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template `{name}`: {message}")]
    Template { name: String, message: String },
    #[error("cannot read {}: {reason}", crate::source::display_path(path))]
    Io { path: PathBuf, reason: String },
    #[error("cannot build the Word document: {0}")]
    Docx(String),
    /// A PDF could not be typeset (no CJK font, a typst error in an overridden template).
    #[error("{0}")]
    Pdf(String),
}

impl From<minijinja::Error> for RenderError {
    fn from(e: minijinja::Error) -> Self {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            message.push_str(&format!(": {s}"));
            source = s.source();
        }
        RenderError::Template {
            name: e.name().unwrap_or("?").to_owned(),
            message,
        }
    }
}

/// Templates and label catalogues, loaded once and shared by every report of a run.
pub struct Renderer {
    templates: templates::Templates,
    overrides: Option<PathBuf>,
    /// The built-in catalogues are parsed on first use (most runs need one language);
    /// overridden ones are loaded, and their errors reported, by `new`.
    zh: OnceLock<Labels>,
    en: OnceLock<Labels>,
    appendix: checks::Appendix,
    /// The typst templates, set up on the first PDF.
    typ: OnceLock<pdf::templates::Templates>,
}

/// What a report is made from: the plan, and what checking it found.
pub struct Input<'a> {
    pub plan: &'a Plan,
    pub record: checks::Record<'a>,
    /// Report language; the plan's `lang` (else Chinese) when `None`.
    pub lang: Option<Lang>,
}

impl Renderer {
    /// Loads the default templates, with those in `overrides` (if any) taking precedence.
    pub fn new(overrides: Option<&Path>) -> Result<Renderer, RenderError> {
        if let Some(dir) = overrides {
            if !dir.is_dir() {
                return Err(RenderError::Io {
                    path: dir.to_path_buf(),
                    reason: "not a directory".into(),
                });
            }
        }
        let r = Renderer {
            templates: templates::Templates::new(overrides),
            overrides: overrides.map(Path::to_path_buf),
            zh: OnceLock::new(),
            en: OnceLock::new(),
            appendix: checks::Appendix::default(),
            typ: OnceLock::new(),
        };
        if let Some(dir) = overrides {
            if dir.join("labels").is_dir() {
                let _ = r.zh.set(Labels::load(Lang::Zh, overrides)?);
                let _ = r.en.set(Labels::load(Lang::En, overrides)?);
            }
        }
        Ok(r)
    }

    /// Sets how much of the validation record reports carry (default: short).
    pub fn with_appendix(mut self, appendix: checks::Appendix) -> Renderer {
        self.appendix = appendix;
        self
    }

    /// The label catalogue of `lang` (with overrides).
    pub fn labels(&self, lang: Lang) -> &Labels {
        let cell = match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        };
        cell.get_or_init(|| {
            // Only the embedded catalogues get here (overrides were loaded by `new`),
            // and a unit test parses those.
            Labels::load(lang, self.overrides.as_deref())
                .expect("the built-in label catalogues parse")
        })
    }

    /// Builds the report view-model.
    pub fn report(&self, input: &Input) -> Report {
        let lang = input.lang.or(input.plan.lang).unwrap_or(Lang::Zh);
        let l = self.labels(lang);
        let has_errors = input
            .record
            .report
            .findings
            .iter()
            .any(|f| f.suppressed.is_none() && f.severity == Severity::Error);
        let banner = has_errors.then(|| l.get("doc.banner"));
        let checks = checks::body(&input.record, l, self.appendix);
        let mut report = build::build(
            input.plan,
            l,
            checks,
            banner,
            input.record.config.money_unit,
        );
        report.meta.sha256 = input.record.sha256.to_owned();
        report.meta.source = input.record.source.to_owned();
        report
    }

    /// Renders a report in `format`.
    pub fn render(&self, report: &Report, format: Format) -> Result<Vec<u8>, RenderError> {
        let l = self.labels(if report.lang == "en" {
            Lang::En
        } else {
            Lang::Zh
        });
        match format {
            Format::Md | Format::Html => self
                .templates
                .render_report(report, format, l)
                .map(String::into_bytes),
            Format::Docx => docx::render(report, l),
            Format::Pdf => {
                let t = self
                    .typ
                    .get_or_init(|| pdf::templates::Templates::new(self.overrides.as_deref()));
                pdf::render(report, l, t)
            }
        }
    }

    /// Renders the index page of a directory of reports.
    pub fn index(
        &self,
        entries: &[index::Entry],
        format: Format,
        lang: Lang,
    ) -> Result<Vec<u8>, RenderError> {
        let l = self.labels(lang);
        self.templates
            .render_index(entries, format, l)
            .map(String::into_bytes)
    }
}
