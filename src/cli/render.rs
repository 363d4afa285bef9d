//! `planc render`: check a plan, then write its report as Markdown, HTML or DOCX.
//!
//! Only a plan without errors is rendered (the checks of `planc check`, with the same
//! configuration discovery); `--allow-errors` renders anyway under a warning banner.
//! Outputs are written atomically; a directory renders every plan plus an index.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Exit, Io};
use crate::diagnostics::{self, human::Style, FileReport, Severity};
use crate::model::Lang;
use crate::render::{index::Entry, Format, Renderer};
use crate::report::Outcome;
use crate::workspace::{FileId, Options, Role, Workspace};

#[derive(clap::Args, Clone, Debug)]
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
    /// A directory whose templates (and `labels/*.toml`) replace the built-in ones by name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Render even when the plan has errors; the report then carries a warning banner.
    #[arg(long)]
    pub allow_errors: bool,
    /// The validation appendix: `short` (one paragraph and the accepted exceptions with
    /// their reasons) or `full` (also every rule that ran, the file's SHA-256 and versions).
    #[arg(long, value_enum, default_value_t = crate::render::checks::Appendix::Short)]
    pub appendix: crate::render::checks::Appendix,
    /// Use this planc.toml instead of the nearest one at or above the input.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Every amount of the report in this unit (元, 万元 or 亿元), over the plan's
    /// `report_unit` and planc.toml's `[render] money_unit`.
    #[arg(long, value_name = "UNIT")]
    pub money_unit: Option<String>,
    /// Render the consolidated report of an organisation: the plan ROOT-ID (default: the
    /// plan with the most descendants) with its child plans' allocations, plans and
    /// breakdowns rolled up. Written as `rollup.<ext>` into the folder `-o` names (made when missing), default DIR.
    #[arg(long, value_name = "ROOT-ID", num_args = 0..=1, default_missing_value = "")]
    pub rollup: Option<String>,
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    let mut config = match super::config_for(args.config.as_deref(), &args.path, io) {
        Ok(c) => c,
        Err(e) => return trouble(io, e),
    };
    if let Err(e) = super::force_money_unit(&mut config, args.money_unit.as_deref()) {
        return trouble(io, e);
    }
    let renderer = match Renderer::new(args.templates.as_deref()) {
        Ok(r) => r.with_appendix(args.appendix),
        Err(e) => return trouble(io, e),
    };
    let opts = Options {
        cache: None,
        hash: true,
        keep: true,
        focus: None,
    };
    let ws = Workspace::open(std::slice::from_ref(&args.path), config, &opts);
    if let Some(root) = &args.rollup {
        return render_rollup(&args, &ws, root, &renderer, io);
    }
    if args.path.is_dir() {
        render_dir(&args, &ws, &renderer, io)
    } else {
        render_file(&args, &ws, &renderer, io)
    }
}

fn trouble(io: &mut Io, e: impl std::fmt::Display) -> Exit {
    io.error(e);
    Exit::Trouble
}

fn render_one(ws: &Workspace, id: FileId, args: &Args, renderer: &Renderer) -> Outcome {
    crate::report::render(ws, id, renderer, args.format, args.allow_errors)
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
    crate::report::output_name(input, format)
}

fn render_file(args: &Args, ws: &Workspace, renderer: &Renderer, io: &mut Io) -> Exit {
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if to_stdout && args.format == Format::Docx {
        return trouble(io, crate::t!("render-docx-to-stdout"));
    }
    if to_stdout && args.format == Format::Pdf {
        return trouble(io, crate::t!("render-pdf-to-stdout"));
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
        return trouble(io, crate::t!("render-nothing"));
    };
    if ws.files[id].role == Role::Actuals {
        return trouble(
            io,
            crate::t!(
                "render-actuals-not-plan",
                path = crate::source::display_path(&args.path)
            ),
        );
    }
    match render_one(ws, id, args, renderer) {
        Outcome::Trouble(msg) => trouble(io, msg),
        Outcome::Refused(report) => {
            print_findings(io, &[&report]);
            io.error(crate::t!(
                "render-refused-allow",
                path = report.display_path(),
                errors = report.count(Severity::Error)
            ));
            Exit::Findings
        }
        Outcome::Rendered { bytes, report, .. } => {
            if report.active().next().is_some() {
                print_findings(io, &[&report]);
            }
            let default = default_output(&args.path, args.format);
            emit(args, &bytes, &default, io)
        }
    }
}

fn render_dir(args: &Args, ws: &Workspace, renderer: &Renderer, io: &mut Io) -> Exit {
    if args.output.as_deref() == Some(Path::new("-")) {
        return trouble(io, crate::t!("render-dir-to-stdout"));
    }
    if !ws.problems.is_empty() {
        for p in &ws.problems {
            for f in &p.findings {
                io.error(&f.message);
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
                io.error(msg);
                exit = Exit::Trouble;
            }
            Outcome::Refused(report) => {
                print_findings(io, &[&report]);
                io.error(crate::t!(
                    "render-refused",
                    path = report.display_path(),
                    errors = report.count(Severity::Error)
                ));
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
                    io.error(crate::t!(
                        "cli-cannot-write",
                        path = crate::source::display_path(&out),
                        reason = crate::source::io_reason(&e)
                    ));
                    exit = Exit::Trouble;
                    continue;
                }
                let _ = writeln!(
                    io.stderr,
                    "{}",
                    crate::t!("cli-wrote", path = crate::source::display_path(&out))
                );
                entry.href = Some(crate::render::index::href(&rel_out));
                entries.push(entry);
            }
        }
    }
    let lang = io.lang.forced.unwrap_or(Lang::Zh);
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
                "{}",
                crate::t!("cli-wrote", path = crate::source::display_path(&index_path))
            );
        }
        Err(e) => {
            io.error(crate::t!(
                "cli-cannot-write",
                path = crate::source::display_path(&index_path),
                reason = crate::source::io_reason(&e)
            ));
            exit = Exit::Trouble;
        }
    }
    exit
}

/// `--rollup`: the consolidated report of the tree under a root plan.
fn render_rollup(
    args: &Args,
    ws: &Workspace,
    root: &str,
    renderer: &Renderer,
    io: &mut Io,
) -> Exit {
    if let Some(p) = ws.problems.first() {
        let msg = p
            .findings
            .first()
            .map(|f| f.message.clone())
            .unwrap_or_default();
        return trouble(io, msg);
    }
    let descendants = |id: FileId| -> usize {
        let mut n = 0;
        let mut stack = ws.children(id);
        while let Some(c) = stack.pop() {
            n += 1;
            if n > ws.files.len() {
                break;
            }
            stack.extend(ws.children(c));
        }
        n
    };
    let root_id = if root.is_empty() {
        let best = (0..ws.files.len())
            .filter(|&i| ws.files[i].requested && ws.link(i).is_none())
            .map(|i| (descendants(i), i))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, i)| (*n, std::cmp::Reverse(*i)));
        match best {
            Some((_, i)) => i,
            None => {
                return trouble(
                    io,
                    crate::t!(
                        "rollup-no-children",
                        path = crate::source::display_path(&args.path)
                    ),
                )
            }
        }
    } else {
        match ws.plans_with_id(root) {
            [one] => *one,
            [] => {
                let ids = ws.files.iter().filter_map(|f| f.id());
                let message = match crate::suggest::did_you_mean(root, ids) {
                    Some(s) => crate::t!(
                        "rollup-no-plan-suggest",
                        id = root,
                        suggestion = s.to_owned()
                    ),
                    None => crate::t!("rollup-no-plan", id = root),
                };
                return trouble(io, message);
            }
            _ => return trouble(io, crate::t!("rollup-duplicate-root", id = root)),
        }
    };
    // Every plan of the tree must check, as for any report.
    let mut tree_ids = vec![root_id];
    let mut i = 0;
    while i < tree_ids.len() {
        let mut kids = ws.children(tree_ids[i]);
        kids.retain(|k| !tree_ids.contains(k));
        tree_ids.extend(kids);
        i += 1;
    }
    let reports: Vec<FileReport> = tree_ids.iter().map(|&i| ws.report_of(i)).collect();
    let errors: usize = reports.iter().map(|r| r.count(Severity::Error)).sum();
    if errors > 0 && !args.allow_errors {
        let refs: Vec<&FileReport> = reports.iter().collect();
        print_findings(io, &refs);
        io.error(crate::t!("rollup-refused", errors = errors));
        return Exit::Findings;
    }
    let base_dir = if args.path.is_dir() {
        args.path.clone()
    } else {
        args.path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
    let Some(view) = crate::report::rollup(ws, root_id, &base_dir, renderer, args.format) else {
        return trouble(io, crate::t!("rollup-root-not-loaded"));
    };
    let bytes = match renderer.render(&view, args.format) {
        Ok(b) => b,
        Err(e) => return trouble(io, e),
    };
    let name = format!("rollup.{}", args.format.extension());
    // A directory render writes into a folder — `-o site` is the folder `site`, made
    // when it does not exist yet — with the consolidated report beside the reports it
    // links to, written with it. (`-o -` still prints Markdown or HTML.)
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if args.path.is_dir() && !to_stdout {
        let dir = args.output.clone().unwrap_or_else(|| base_dir.clone());
        if dir.exists() && !dir.is_dir() {
            return trouble(
                io,
                crate::t!(
                    "render-dir-into-file",
                    path = crate::source::display_path(&dir)
                ),
            );
        }
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return trouble(
                io,
                crate::t!(
                    "cli-cannot-write",
                    path = crate::source::display_path(&dir),
                    reason = crate::source::io_reason(&e)
                ),
            );
        }
        // The report of every plan it links to, beside it, so its links open them.
        // (`render_dir` writes where this does: `-o`, else the folder rendered.)
        let reports = render_dir(args, ws, renderer, io);
        let into = Args {
            output: Some(dir.join(&name)),
            ..args.clone()
        };
        let written = emit(&into, &bytes, &dir.join(&name), io);
        return if written == Exit::Ok {
            reports
        } else {
            written
        };
    }
    emit(args, &bytes, &base_dir.join(name), io)
}

/// Writes one rendered report: to stdout for `-o -` (not DOCX), into an existing
/// directory under `default`'s name, to the file given, or to `default`; atomically.
fn emit(args: &Args, bytes: &[u8], default: &Path, io: &mut Io) -> Exit {
    if args.output.as_deref() == Some(Path::new("-")) {
        if args.format == Format::Docx {
            return trouble(io, crate::t!("render-docx-to-stdout"));
        }
        if args.format == Format::Pdf {
            return trouble(io, crate::t!("render-pdf-to-stdout"));
        }
        return match io.stdout.write_all(bytes) {
            Ok(()) => Exit::Ok,
            Err(e) => trouble(
                io,
                crate::t!("cli-cannot-write-stdout", reason = e.to_string()),
            ),
        };
    }
    let out = match &args.output {
        // An existing directory: the report goes into it, under its default name.
        Some(dir) if dir.is_dir() => dir.join(default.file_name().unwrap_or_default()),
        Some(file) => file.clone(),
        None => default.to_path_buf(),
    };
    match crate::cli::write_atomic(&out, bytes) {
        Ok(()) => {
            let _ = writeln!(
                io.stderr,
                "{}",
                crate::t!("cli-wrote", path = crate::source::display_path(&out))
            );
            Exit::Ok
        }
        Err(e) => trouble(
            io,
            crate::t!(
                "cli-cannot-write",
                path = crate::source::display_path(&out),
                reason = crate::source::io_reason(&e)
            ),
        ),
    }
}
