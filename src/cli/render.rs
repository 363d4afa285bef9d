//! `planc render`: check a plan, then write its report as Markdown, HTML or DOCX.
//!
//! Only a plan without errors is rendered (the checks of `planc check`, with the same
//! configuration discovery); `--allow-errors` renders anyway under a warning banner.
//! Outputs are written atomically; a directory renders every plan plus an index.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Exit, Io};
use crate::config::Config;
use crate::diagnostics::{self, human::Style, FileReport, Severity};
use crate::model::Lang;
use crate::render::{checks, index::Entry, Format, Input, Renderer};
use crate::workspace::{FileId, Options, Role, Workspace};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A plan file, or a directory: every `*.plan.yaml` under it is rendered, plus an index.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// Output file (`-` writes Markdown or HTML to stdout); for a directory, the output
    /// directory. Default: next to the input, with the format's extension.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Report language; default: the plan's `lang`, else Chinese.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// A directory whose templates (and `labels/*.toml`) replace the built-in ones by name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Render even when the plan has errors; the report then carries a warning banner.
    #[arg(long)]
    pub allow_errors: bool,
    /// Use this planc.toml instead of the nearest one at or above the input.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    let config = match &args.config {
        Some(p) => Config::load(p),
        None => Config::discover(&args.path),
    };
    let config = match config {
        Ok(c) => c,
        Err(e) => return trouble(io, e),
    };
    let renderer = match Renderer::new(args.templates.as_deref()) {
        Ok(r) => r,
        Err(e) => return trouble(io, e),
    };
    let opts = Options {
        cache: None,
        hash: true,
    };
    let ws = Workspace::open(std::slice::from_ref(&args.path), config, &opts);
    if args.path.is_dir() {
        render_dir(&args, &ws, &renderer, io)
    } else {
        render_file(&args, &ws, &renderer, io)
    }
}

fn trouble(io: &mut Io, e: impl std::fmt::Display) -> Exit {
    let _ = writeln!(io.stderr, "error: {e}");
    Exit::Trouble
}

/// What became of one plan.
enum Outcome {
    Rendered {
        bytes: Vec<u8>,
        entry: Entry,
        report: FileReport,
    },
    /// Errors, and not rendered.
    Refused(FileReport),
    Trouble(String),
}

fn render_one(ws: &Workspace, id: FileId, args: &Args, renderer: &Renderer) -> Outcome {
    let file = &ws.files[id];
    let path = &file.path;
    let report = ws.report_of(id);
    if report.findings.iter().any(|f| f.code == "P000") {
        let msg = report
            .findings
            .iter()
            .find(|f| f.code == "P000")
            .map(|f| f.message.clone())
            .unwrap_or_default();
        return Outcome::Trouble(msg);
    }
    let has_errors = report.count(Severity::Error) > 0;
    if has_errors && !args.allow_errors {
        return Outcome::Refused(report);
    }
    let Some(plan) = file.plan.as_deref() else {
        return Outcome::Refused(report);
    };
    let sha = file.sha256.clone().unwrap_or_default();
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let input = Input {
        plan,
        record: checks::Record {
            source: &source,
            sha256: &sha,
            report: &report,
            config: &ws.config,
        },
        lang: args.lang.map(Lang::from),
    };
    let view = renderer.report(&input);
    // A year-end review's figures come from its plan and actuals: render it through the
    // review pipeline, as `planc review` does.
    let rendered = if plan.kind.value == crate::model::Kind::Review {
        render_review(ws, id, args.format)
    } else {
        renderer
            .render(&view, args.format)
            .map_err(|e| e.to_string())
    };
    match rendered {
        Ok(bytes) => {
            let entry = Entry {
                title: view.meta.title.clone(),
                kind: view.meta.kind_label.clone(),
                status: view.meta.status_label.clone(),
                owner: view.meta.owner.clone().unwrap_or_default(),
                period: view.meta.period.clone(),
                href: None,
                source: crate::source::display_path(path),
            };
            Outcome::Rendered {
                bytes,
                entry,
                report,
            }
        }
        Err(e) => Outcome::Trouble(e.to_string()),
    }
}

/// Prints the findings of a report (errors and warnings) to stderr.
fn print_findings(io: &mut Io, reports: &[&FileReport]) {
    let style = Style {
        color: io.color,
        ..Style::default()
    };
    for r in reports {
        for f in r.active() {
            let _ = io
                .stderr
                .write_all(diagnostics::human::render_finding(r, f, &style).as_bytes());
            let _ = writeln!(io.stderr);
        }
    }
}

/// `x.plan.yaml` → `x.html` (in the same directory).
fn default_output(input: &Path, format: Format) -> PathBuf {
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = [".plan.yaml", ".plan.yml", ".yaml", ".yml"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or(&name);
    input.with_file_name(format!("{stem}.{}", format.extension()))
}

fn render_file(args: &Args, ws: &Workspace, renderer: &Renderer, io: &mut Io) -> Exit {
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if to_stdout && args.format == Format::Docx {
        return trouble(io, "a DOCX file cannot go to stdout; give -o FILE.docx");
    }
    if let Some(p) = ws.problems.first() {
        let msg = p
            .findings
            .first()
            .map(|f| f.message.clone())
            .unwrap_or_default();
        return trouble(io, msg);
    }
    let Some(id) = ws.files.iter().position(|f| f.requested) else {
        return trouble(io, "nothing to render");
    };
    if ws.files[id].role == Role::Actuals {
        return trouble(
            io,
            format!(
                "{} holds actuals, not a plan; render the review that reads it, or `planc review PLAN --actuals {}`",
                crate::source::display_path(&args.path),
                crate::source::display_path(&args.path)
            ),
        );
    }
    match render_one(ws, id, args, renderer) {
        Outcome::Trouble(msg) => trouble(io, msg),
        Outcome::Refused(report) => {
            print_findings(io, &[&report]);
            let _ = writeln!(
                io.stderr,
                "error: {} has {} error(s); not rendered (use --allow-errors to render anyway)",
                report.display_path(),
                report.count(Severity::Error)
            );
            Exit::Findings
        }
        Outcome::Rendered { bytes, report, .. } => {
            if report.active().next().is_some() {
                print_findings(io, &[&report]);
            }
            if to_stdout {
                return match io.stdout.write_all(&bytes) {
                    Ok(()) => Exit::Ok,
                    Err(e) => trouble(io, format!("cannot write to stdout: {e}")),
                };
            }
            let out = match &args.output {
                // An existing directory: the report goes into it, named after the plan.
                Some(dir) if dir.is_dir() => {
                    let name = default_output(&args.path, args.format);
                    dir.join(name.file_name().unwrap_or_default())
                }
                Some(file) => file.clone(),
                None => default_output(&args.path, args.format),
            };
            match crate::cli::write_atomic(&out, &bytes) {
                Ok(()) => {
                    let _ = writeln!(io.stderr, "wrote {}", crate::source::display_path(&out));
                    Exit::Ok
                }
                Err(e) => trouble(
                    io,
                    format!(
                        "cannot write {}: {}",
                        crate::source::display_path(&out),
                        crate::load::io_reason(&e)
                    ),
                ),
            }
        }
    }
}

fn render_dir(args: &Args, ws: &Workspace, renderer: &Renderer, io: &mut Io) -> Exit {
    if args.output.as_deref() == Some(Path::new("-")) {
        return trouble(io, "a directory renders to a directory; give -o OUTDIR");
    }
    if !ws.problems.is_empty() {
        for p in &ws.problems {
            for f in &p.findings {
                let _ = writeln!(io.stderr, "error: {}", f.message);
            }
        }
        return Exit::Trouble;
    }
    let out_dir = args.output.clone().unwrap_or_else(|| args.path.clone());
    // Plans and reviews are rendered; actuals files are read by the reviews.
    let ids: Vec<FileId> = (0..ws.files.len())
        .filter(|&i| ws.files[i].requested && ws.files[i].role == Role::Plan)
        .collect();
    let outcomes: Vec<(PathBuf, Outcome)> = ids
        .par_iter()
        .map(|&i| (ws.files[i].path.clone(), render_one(ws, i, args, renderer)))
        .collect();
    let mut exit = Exit::Ok;
    let mut entries = Vec::new();
    for (file, outcome) in outcomes {
        let rel = file.strip_prefix(&args.path).unwrap_or(&file).to_path_buf();
        match outcome {
            Outcome::Trouble(msg) => {
                let _ = writeln!(io.stderr, "error: {msg}");
                exit = Exit::Trouble;
            }
            Outcome::Refused(report) => {
                print_findings(io, &[&report]);
                let _ = writeln!(
                    io.stderr,
                    "error: {} has {} error(s); not rendered",
                    report.display_path(),
                    report.count(Severity::Error)
                );
                if exit == Exit::Ok {
                    exit = Exit::Findings;
                }
                entries.push(Entry {
                    title: crate::source::display_path(&rel),
                    kind: String::new(),
                    status: String::new(),
                    owner: String::new(),
                    period: String::new(),
                    href: None,
                    source: crate::source::display_path(&file),
                });
            }
            Outcome::Rendered {
                bytes,
                mut entry,
                report,
            } => {
                if report.active().next().is_some() {
                    print_findings(io, &[&report]);
                }
                let rel_out = default_output(&rel, args.format);
                let out = out_dir.join(&rel_out);
                let written = out
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| crate::cli::write_atomic(&out, &bytes));
                if let Err(e) = written {
                    let _ = writeln!(
                        io.stderr,
                        "error: cannot write {}: {}",
                        crate::source::display_path(&out),
                        crate::load::io_reason(&e)
                    );
                    exit = Exit::Trouble;
                    continue;
                }
                let _ = writeln!(io.stderr, "wrote {}", crate::source::display_path(&out));
                entry.href = Some(crate::render::index::href(&rel_out));
                entries.push(entry);
            }
        }
    }
    let lang = args.lang.map(Lang::from).unwrap_or(Lang::Zh);
    let index_format = if args.format == Format::Md {
        Format::Md
    } else {
        Format::Html
    };
    let index = match renderer.index(&entries, index_format, lang) {
        Ok(b) => b,
        Err(e) => return trouble(io, e),
    };
    let index_path = out_dir.join(format!("index.{}", index_format.extension()));
    match std::fs::create_dir_all(&out_dir)
        .and_then(|()| crate::cli::write_atomic(&index_path, &index))
    {
        Ok(()) => {
            let _ = writeln!(
                io.stderr,
                "wrote {}",
                crate::source::display_path(&index_path)
            );
        }
        Err(e) => {
            let _ = writeln!(
                io.stderr,
                "error: cannot write {}: {}",
                crate::source::display_path(&index_path),
                crate::load::io_reason(&e)
            );
            exit = Exit::Trouble;
        }
    }
    exit
}

fn render_review(ws: &Workspace, id: FileId, format: Format) -> Result<Vec<u8>, String> {
    let path = &ws.files[id].path;
    let outcome = crate::workspace::reviews::outcome(ws, id);
    if outcome.errors() > 0 || outcome.review.is_none() {
        return Err(format!(
            "{}: the review has errors in its plan or actuals; run `planc review {}` to see them",
            crate::source::display_path(path),
            crate::source::display_path(path)
        ));
    }
    let format = match format {
        Format::Md => crate::review::report::Format::Md,
        Format::Html => crate::review::report::Format::Html,
        Format::Docx => crate::review::report::Format::Docx,
    };
    crate::review::report::render(&outcome, format, &ws.config)
}
