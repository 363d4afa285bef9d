//! One file through the front half of the pipeline:
//! bytes → text → YAML tree → schema → typed plan → rules → suppressions.
//!
//! Like rust-analyzer's parser, loading never fails: it returns what it could build
//! together with every finding, so one bad field never hides the others.

use crate::source::slips::SlipKind;
use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::{FileReport, Finding};
use crate::i18n::{self, Choice, Lang};
use crate::model::Plan;
use crate::rules::builtin;
use crate::source::yaml::{self, Node, YamlErrorKind};
use crate::source::{de, decode, SourceFile, Span};

/// A loaded file: its source, tree and plan where they could be built, and findings.
pub struct Loaded {
    /// The language of this file's messages.
    pub lang: Lang,
    pub source: Option<Arc<SourceFile>>,
    pub root: Option<Node>,
    pub plan: Option<Plan>,
    pub findings: Vec<Finding>,
}

/// Reads and loads a file, without running the semantic rules.
pub fn load_path(path: &Path, choice: Choice) -> Loaded {
    match crate::source::read(path) {
        Ok(bytes) => load_owned(path, bytes, choice),
        Err(e) => {
            let lang = choice.for_file(None);
            let message = i18n::scope(lang, || {
                crate::t!(
                    "io-cannot-read",
                    path = crate::source::display_path(path),
                    reason = crate::source::io_reason(&e)
                )
            });
            Loaded {
                lang,
                source: None,
                root: None,
                plan: None,
                findings: vec![Finding::new(&builtin::IO, Span::default(), message)],
            }
        }
    }
}

pub fn load_bytes(path: &Path, bytes: &[u8], choice: Choice) -> Loaded {
    load_owned(path, bytes.to_vec(), choice)
}

/// The `lang:` a plan states at its top level, read from the text so that it also holds
/// for a file whose YAML does not parse.
pub fn text_lang(text: &str) -> Option<Lang> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix("lang:")?;
        let value = value.split('#').next().unwrap_or("").trim();
        match value.trim_matches(|c| c == '"' || c == '\'') {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    })
}

fn load_owned(path: &Path, bytes: Vec<u8>, choice: Choice) -> Loaded {
    let text = match decode::decode_owned(bytes) {
        Ok(t) => t,
        Err(e) => {
            let lang = choice.for_file(None);
            let finding = i18n::scope(lang, || {
                Finding::new(
                    &builtin::ENCODING,
                    Span::default(),
                    format!("{}: {}", crate::source::display_path(path), e.message()),
                )
                .help(e.help())
            });
            return Loaded {
                lang,
                source: None,
                root: None,
                plan: None,
                findings: vec![finding],
            };
        }
    };
    let lang = choice.for_file(text_lang(&text));
    i18n::scope(lang, || load_text(path, text, lang))
}

fn load_text(path: &Path, text: String, lang: Lang) -> Loaded {
    let source = SourceFile::new(path, text);
    let parsed = yaml::parse(&source.text);
    let mut findings = Vec::new();
    for e in parsed.errors {
        let rule = match e.kind {
            YamlErrorKind::Syntax | YamlErrorKind::Limit => &builtin::YAML_SYNTAX,
            YamlErrorKind::DuplicateKey => &builtin::DUPLICATE_KEY,
            YamlErrorKind::Empty => &builtin::EMPTY_FILE,
        };
        let mut f = Finding::new(rule, e.span, e.message).label(match e.kind {
            YamlErrorKind::DuplicateKey => crate::t!("yaml-defined-again"),
            YamlErrorKind::Empty => String::new(),
            _ => crate::t!("label-here"),
        });
        if let Some((span, msg)) = e.related {
            f = f.with(span, msg);
        }
        if let Some(help) = e.help {
            f = f.help(help);
        }
        findings.push(f);
    }
    let Some(mut root) = parsed.root else {
        slips_first(&source.text, &mut findings);
        return Loaded {
            lang,
            source: Some(source),
            root: None,
            plan: None,
            findings,
        };
    };
    let schema_findings = crate::schema::validate(&mut root);
    let schema_ok = schema_findings.is_empty();
    findings.extend(schema_findings);
    slips_first(&source.text, &mut findings);
    let plan = if schema_ok {
        match de::from_node::<Plan>(&root) {
            Ok(mut p) => {
                p.resolve_shares();
                Some(p)
            }
            Err(e) => {
                let mut f = Finding::new(
                    &builtin::SCHEMA,
                    e.span.unwrap_or_default(),
                    e.message.clone(),
                );
                if let Some(h) = e.help {
                    f = f.help(h);
                }
                findings.push(f);
                None
            }
        }
    } else {
        None
    };
    Loaded {
        lang,
        source: Some(source),
        root: Some(root),
        plan,
        findings,
    }
}

/// Everyday input where YAML needs ASCII (a full-width colon, comma or space, a thousands
/// separator inside `{ … }`): one finding at the character, with a fix where the meaning is
/// certain, in place of the syntax error, unknown field and missing field it causes.
fn slips_first(text: &str, findings: &mut Vec<Finding>) {
    // A slip always shows as one of these; a file without them is not scanned (the
    // hot path of a clean check stays as it was).
    let structural = [
        builtin::YAML_SYNTAX.code,
        builtin::SCHEMA.code,
        builtin::UNKNOWN_FIELD.code,
    ];
    if !findings.iter().any(|f| structural.contains(&f.code)) {
        return;
    }
    let slips = crate::source::slips::scan(text);
    if slips.is_empty() {
        return;
    }
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let first = slips.iter().map(|s| s.line).min().unwrap_or(usize::MAX);
    findings.retain(|f| {
        let line = line_of(f.primary.span.start);
        if f.code == builtin::YAML_SYNTAX.code {
            // The parser stops at or after the first slip.
            return line < first;
        }
        if f.code != builtin::SCHEMA.code && f.code != builtin::UNKNOWN_FIELD.code {
            return true;
        }
        !slips.iter().any(|s| {
            s.line == line
                || (matches!(s.kind, SlipKind::Colon | SlipKind::Space)
                    && f.message.contains(&format!("`{}`", s.key)))
        })
    });
    for s in slips {
        let (message, label) = match s.kind {
            SlipKind::Colon => (
                crate::t!("slip-colon", key = s.key.as_str()),
                crate::t!("slip-colon-label"),
            ),
            SlipKind::Comma => (
                crate::t!("slip-comma", key = s.key.as_str()),
                crate::t!("slip-comma-label"),
            ),
            SlipKind::Space => (crate::t!("slip-space"), crate::t!("slip-space-label")),
            SlipKind::Thousands => (
                crate::t!(
                    "slip-thousands",
                    key = s.key.as_str(),
                    written = s.written.as_str()
                ),
                crate::t!("slip-thousands-label"),
            ),
        };
        let help = match s.kind {
            SlipKind::Thousands => crate::t!(
                "slip-thousands-help",
                new = s.replacement.clone().unwrap_or_default()
            ),
            SlipKind::Space => crate::t!("slip-space-help"),
            _ => crate::t!("slip-ascii-help"),
        };
        let mut f = Finding::new(&builtin::YAML_SYNTAX, s.span, message)
            .label(label)
            .help(help);
        if let Some(new) = s.replacement {
            f = f.fix(crate::diagnostics::Fix::safe(
                crate::t!("fix-replace", old = s.written.as_str(), new = new.as_str()),
                vec![crate::diagnostics::Edit {
                    span: s.span,
                    replacement: new,
                }],
            ));
        }
        findings.push(f);
    }
    findings.sort_by_key(|f| f.primary.span.start);
}

/// Loads a file, runs the rules, applies suppressions and configured severities.
pub fn check_path(path: &Path, config: &Config) -> FileReport {
    let loaded = load_path(path, config.lang);
    finish(path, loaded, config).0
}

/// [`check_path`] with the typed plan too (`planc actuals template`).
pub fn check_path_with_plan(path: &Path, config: &Config) -> (FileReport, Option<Plan>) {
    finish(path, load_path(path, config.lang), config)
}

pub fn check_bytes(path: &Path, bytes: &[u8], config: &Config) -> FileReport {
    finish(path, load_bytes(path, bytes, config.lang), config).0
}

/// Checks a file and hands back the typed plan too, from one parse (for renderers).
pub fn check_bytes_with_plan(
    path: &Path,
    bytes: &[u8],
    config: &Config,
) -> (FileReport, Option<Plan>) {
    finish(path, load_bytes(path, bytes, config.lang), config)
}

/// Like [`check_bytes`], taking ownership of the buffer (no copy).
pub fn check_owned(path: &Path, bytes: Vec<u8>, config: &Config) -> FileReport {
    finish(path, load_owned(path, bytes, config.lang), config).0
}

/// A file through the whole front half, with everything a later stage may need.
pub struct Checked {
    /// The language of the file's messages.
    pub lang: Lang,
    /// Per-file findings; `report.source` is set only when there are findings.
    pub report: FileReport,
    pub plan: Option<Plan>,
    /// The decoded source, whatever the findings (cross-file findings point into it).
    pub source: Option<Arc<SourceFile>>,
    /// The YAML tree, when asked for (`keep_root`).
    pub root: Option<Node>,
}

/// Checks a file from its bytes (one decode, one parse), keeping the plan and source.
/// The semantic rules over a file already loaded (`load_bytes`), without parsing again.
pub fn check_loaded(path: &Path, loaded: Loaded, config: &Config) -> FileReport {
    finish_keep(path, loaded, config, false).0
}

pub fn load_owned_bytes(path: &Path, bytes: Vec<u8>, choice: Choice) -> Loaded {
    load_owned(path, bytes, choice)
}

pub fn check_full(path: &Path, bytes: Vec<u8>, config: &Config, keep_root: bool) -> Checked {
    let loaded = load_owned(path, bytes, config.lang);
    let source = loaded.source.clone();
    let lang = loaded.lang;
    let (report, plan, root) = finish_keep(path, loaded, config, keep_root);
    Checked {
        lang,
        report,
        plan,
        source,
        root,
    }
}

fn finish(path: &Path, loaded: Loaded, config: &Config) -> (FileReport, Option<Plan>) {
    let (report, plan, _) = finish_keep(path, loaded, config, false);
    (report, plan)
}

fn finish_keep(
    path: &Path,
    loaded: Loaded,
    config: &Config,
    keep_root: bool,
) -> (FileReport, Option<Plan>, Option<Node>) {
    let Loaded {
        lang,
        source,
        root,
        plan,
        mut findings,
    } = loaded;
    i18n::scope(lang, || {
        if let (Some(source), Some(root), Some(plan)) = (&source, &root, &plan) {
            let ctx = crate::rules::Ctx {
                plan,
                root,
                source,
                config,
            };
            findings.extend(crate::rules::run(&ctx));
        }
        if let Some(source) = &source {
            let (suppressions, problems) = crate::suppress::parse(source);
            findings.extend(problems);
            crate::suppress::apply(source, &suppressions, &mut findings);
        }
    });
    config.apply_levels(&mut findings);
    crate::diagnostics::sort(&mut findings);
    i18n::scope(lang, || crate::diagnostics::cap(&mut findings));
    // Keep the text only where an emitter will quote it: bounded memory on big runs.
    let source = if findings.is_empty() { None } else { source };
    let report = FileReport {
        path: path.to_path_buf(),
        source,
        findings,
    };
    (report, plan, root.filter(|_| keep_root))
}
