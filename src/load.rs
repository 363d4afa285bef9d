//! One file through the front half of the pipeline:
//! bytes → text → YAML tree → schema → typed plan → rules → suppressions.
//!
//! Like rust-analyzer's parser, loading never fails: it returns what it could build
//! together with every finding, so one bad field never hides the others.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::{FileReport, Finding};
use crate::model::Plan;
use crate::rules::builtin;
use crate::source::yaml::{self, Node, YamlErrorKind};
use crate::source::{de, decode, SourceFile, Span};

/// A loaded file: its source, tree and plan where they could be built, and findings.
pub struct Loaded {
    pub source: Option<Arc<SourceFile>>,
    pub root: Option<Node>,
    pub plan: Option<Plan>,
    pub findings: Vec<Finding>,
}

/// Reads and loads a file, without running the semantic rules.
pub fn load_path(path: &Path) -> Loaded {
    match crate::source::read(path) {
        Ok(bytes) => load_owned(path, bytes),
        Err(e) => Loaded {
            source: None,
            root: None,
            plan: None,
            findings: vec![Finding::new(
                &builtin::IO,
                Span::default(),
                format!(
                    "cannot read {}: {}",
                    crate::source::display_path(path),
                    io_reason(&e)
                ),
            )],
        },
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

pub fn load_bytes(path: &Path, bytes: &[u8]) -> Loaded {
    load_owned(path, bytes.to_vec())
}

fn load_owned(path: &Path, bytes: Vec<u8>) -> Loaded {
    let mut findings = Vec::new();
    let text = match decode::decode_owned(bytes) {
        Ok(t) => t,
        Err(e) => {
            findings.push(
                Finding::new(
                    &builtin::ENCODING,
                    Span::default(),
                    format!("{}: {}", crate::source::display_path(path), e.message()),
                )
                .help(e.help()),
            );
            return Loaded {
                source: None,
                root: None,
                plan: None,
                findings,
            };
        }
    };
    let source = SourceFile::new(path, text);
    let parsed = yaml::parse(&source.text);
    for e in parsed.errors {
        let rule = match e.kind {
            YamlErrorKind::Syntax | YamlErrorKind::Limit => &builtin::YAML_SYNTAX,
            YamlErrorKind::DuplicateKey => &builtin::DUPLICATE_KEY,
            YamlErrorKind::Empty => &builtin::EMPTY_FILE,
        };
        let mut f = Finding::new(rule, e.span, e.message).label(match e.kind {
            YamlErrorKind::DuplicateKey => "defined again here",
            YamlErrorKind::Empty => "",
            _ => "here",
        });
        if let Some((span, msg)) = e.related {
            f = f.with(span, msg);
        }
        if e.kind == YamlErrorKind::DuplicateKey {
            f = f.help("remove one of the two; YAML tools disagree on which one wins");
        }
        findings.push(f);
    }
    let Some(root) = parsed.root else {
        return Loaded {
            source: Some(source),
            root: None,
            plan: None,
            findings,
        };
    };
    let schema_findings = crate::schema::validate(&root);
    let schema_ok = schema_findings.is_empty();
    findings.extend(schema_findings);
    let plan = if schema_ok {
        match de::from_node::<Plan>(&root) {
            Ok(p) => Some(p),
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
        source: Some(source),
        root: Some(root),
        plan,
        findings,
    }
}

/// Loads a file, runs the rules, applies suppressions and configured severities.
pub fn check_path(path: &Path, config: &Config) -> FileReport {
    let loaded = load_path(path);
    finish(path, loaded, config).0
}

pub fn check_bytes(path: &Path, bytes: &[u8], config: &Config) -> FileReport {
    finish(path, load_bytes(path, bytes), config).0
}

/// Checks a file and hands back the typed plan too, from one parse (for renderers).
pub fn check_bytes_with_plan(
    path: &Path,
    bytes: &[u8],
    config: &Config,
) -> (FileReport, Option<Plan>) {
    finish(path, load_bytes(path, bytes), config)
}

/// Like [`check_bytes`], taking ownership of the buffer (no copy).
pub fn check_owned(path: &Path, bytes: Vec<u8>, config: &Config) -> FileReport {
    finish(path, load_owned(path, bytes), config).0
}

/// A file through the whole front half, with everything a later stage may need.
pub struct Checked {
    /// Per-file findings; `report.source` is set only when there are findings.
    pub report: FileReport,
    pub plan: Option<Plan>,
    /// The decoded source, whatever the findings (cross-file findings point into it).
    pub source: Option<Arc<SourceFile>>,
    /// The YAML tree, when asked for (`keep_root`).
    pub root: Option<Node>,
}

/// Checks a file from its bytes (one decode, one parse), keeping the plan and source.
pub fn check_full(path: &Path, bytes: Vec<u8>, config: &Config, keep_root: bool) -> Checked {
    let loaded = load_owned(path, bytes);
    let source = loaded.source.clone();
    let (report, plan, root) = finish_keep(path, loaded, config, keep_root);
    Checked {
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
        source,
        root,
        plan,
        mut findings,
    } = loaded;
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
    config.apply_levels(&mut findings);
    crate::diagnostics::sort(&mut findings);
    // Keep the text only where an emitter will quote it: bounded memory on big runs.
    let source = if findings.is_empty() { None } else { source };
    let report = FileReport {
        path: path.to_path_buf(),
        source,
        findings,
    };
    (report, plan, root.filter(|_| keep_root))
}
