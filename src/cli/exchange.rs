//! `planc export` and `planc import`: the plans' targets out to a workbook for the
//! regions (下发) and the edited workbook back into the plans (回收).

use std::path::{Path, PathBuf};

use super::{Exit, Io};
use crate::diagnostics::{human::Style, FileReport, Severity};
use crate::exchange::export::{workbook, Exported};
use crate::source::sha256_hex;

/// `--format` of `planc export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Xlsx,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// Plan files or directories of `*.plan.yaml`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "xlsx")]
    pub format: ExportFormat,
    /// Only this plan's sheets (a region's own workbook), e.g. `east-china-2026`.
    #[arg(long = "for", value_name = "PLAN-ID")]
    pub for_plan: Option<String>,
    /// The workbook to write [default: beside a single plan, `x.plan.yaml` → `x.xlsx`;
    /// else `<plan-id>.xlsx` with `--for`, or `plans.xlsx`, in the current folder].
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this planc.toml instead of the nearest one at or above the first path.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The workbook `planc export` wrote, as the regions send it back.
    pub workbook: PathBuf,
    /// Print the edits as a unified diff and write nothing; exit 1 when there are edits.
    #[arg(long)]
    pub diff: bool,
    /// Use this planc.toml instead of the nearest one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

fn style(io: &Io) -> Style {
    Style {
        color: io.color,
        ..Style::default()
    }
}

pub fn export(args: ExportArgs, io: &mut Io) -> Exit {
    let first = args.paths.first().map_or(Path::new("."), |p| p);
    let config = match super::config_for(args.config.as_deref(), first, io) {
        Ok(c) => c,
        Err(e) => {
            io.error(e);
            return Exit::Trouble;
        }
    };
    let (files, problems) = crate::check::discover(&args.paths);
    if !problems.is_empty() {
        let text = crate::diagnostics::human::render_findings(&problems, &style(io));
        let _ = io.stderr.write_all(text.as_bytes());
        return Exit::Trouble;
    }
    let mut taken: Vec<String> = Vec::new();
    let mut exported: Vec<Exported> = Vec::new();
    let mut with_errors: Vec<FileReport> = Vec::new();
    for path in files.iter().filter(|p| crate::check::is_plan_file(p)) {
        let bytes = match crate::source::read(path) {
            Ok(b) => b,
            Err(e) => {
                io.error(crate::t!(
                    "fix-unreadable",
                    path = crate::source::display_path(path),
                    reason = crate::source::io_reason(&e)
                ));
                return Exit::Trouble;
            }
        };
        // `--for ID`: a plan whose text does not even contain the id is not that plan,
        // and is not parsed (a region's workbook out of a tree of ten thousand plans).
        if let Some(id) = &args.for_plan {
            if !bytes.windows(id.len()).any(|w| w == id.as_bytes()) {
                continue;
            }
        }
        let sha256 = sha256_hex(&bytes);
        let checked = crate::load::check_full(path, bytes, &config, false);
        let Some(plan) = &checked.plan else {
            with_errors.push(checked.report);
            continue;
        };
        if args
            .for_plan
            .as_ref()
            .is_some_and(|id| *id != plan.id.value)
        {
            continue;
        }
        if checked.report.count(Severity::Error) > 0 {
            with_errors.push(checked.report);
            continue;
        }
        let sheets = crate::i18n::scope(checked.lang, || crate::exchange::sheets(plan, &mut taken));
        exported.push(Exported {
            path: crate::source::display_path(path),
            sha256,
            sheets,
        });
    }
    if !with_errors.is_empty() {
        // A plan with errors is not handed out: its figures do not hang together.
        let text = crate::diagnostics::human::render(&with_errors, &style(io));
        let _ = io.stderr.write_all(text.as_bytes());
        return Exit::Findings;
    }
    if exported.iter().all(|e| e.sheets.is_empty()) {
        match &args.for_plan {
            Some(id) => io.error(crate::t!("xchg-cli-unknown-for", id = id.as_str())),
            None => io.error(crate::t!("xchg-cli-no-plans")),
        }
        return Exit::Trouble;
    }
    let output =
        args.output
            .clone()
            .unwrap_or_else(|| match (&args.for_plan, args.paths.as_slice()) {
                (Some(id), _) => PathBuf::from(format!("{id}.xlsx")),
                (None, [one]) if one.is_file() => {
                    let name = one
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    one.with_file_name(format!(
                        "{}.xlsx",
                        name.trim_end_matches(".yaml").trim_end_matches(".plan")
                    ))
                }
                _ => PathBuf::from("plans.xlsx"),
            });
    let bytes = match workbook(&exported) {
        Ok(b) => b,
        Err(e) => {
            io.error(e);
            return Exit::Trouble;
        }
    };
    let name = crate::source::display_path(&output);
    if let Err(e) = super::write_atomic(&output, &bytes) {
        io.error(crate::t!(
            "cli-cannot-write",
            path = name.as_str(),
            reason = crate::source::io_reason(&e)
        ));
        return Exit::Trouble;
    }
    let count: usize = exported.iter().map(|e| e.sheets.len()).sum();
    let _ = writeln!(
        io.stderr,
        "{}",
        crate::t!("xchg-cli-written", path = name, sheets = count)
    );
    Exit::Ok
}

pub fn import(args: ImportArgs, io: &mut Io) -> Exit {
    let config = match super::config_for(args.config.as_deref(), Path::new("."), io) {
        Ok(c) => c,
        Err(e) => {
            io.error(e);
            return Exit::Trouble;
        }
    };
    let name = crate::source::display_path(&args.workbook);
    let bytes = match crate::source::read(&args.workbook) {
        Ok(b) => b,
        Err(e) => {
            io.error(crate::t!(
                "fix-unreadable",
                path = name.as_str(),
                reason = crate::source::io_reason(&e)
            ));
            return Exit::Trouble;
        }
    };
    let read_plan = |p: &str| -> Result<Vec<u8>, String> {
        crate::source::read(Path::new(p)).map_err(|e| crate::source::io_reason(&e))
    };
    let imported = crate::exchange::import::read(&bytes, &read_plan, &config);
    if !imported.refusals.is_empty() {
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!(
                "xchg-cli-refused",
                path = name.as_str(),
                count = imported.refusals.len()
            )
        );
        for r in &imported.refusals {
            let _ = writeln!(
                io.stderr,
                "{}",
                crate::t!("xchg-cli-refusal", message = r.as_str())
            );
        }
        return Exit::Findings;
    }
    let mut total = 0;
    let mut files = 0;
    let mut reports: Vec<FileReport> = Vec::new();
    for p in &imported.plans {
        if p.changes.is_empty() {
            continue;
        }
        files += 1;
        total += p.changes.len();
        // The changes of a plan are listed in the plan's language.
        let lang = io.lang.for_file(crate::load::text_lang(&p.original));
        let mut out = vec![crate::i18n::scope(lang, || {
            crate::t!(
                "xchg-cli-plan",
                path = p.path.as_str(),
                count = p.changes.len()
            )
        })];
        for c in &p.changes {
            out.push(crate::i18n::scope(lang, || {
                crate::t!(
                    "xchg-cli-change",
                    cell = c.cell.as_str(),
                    label = c.label.as_str(),
                    old = c.old.as_str(),
                    new = c.new.as_str()
                )
            }));
        }
        for l in out {
            let _ = writeln!(io.stderr, "{l}");
        }
        if args.diff {
            let d = crate::fix::unified_diff(&p.path, &p.original, &p.edited);
            let _ = io.stdout.write_all(d.as_bytes());
            continue;
        }
        let path = PathBuf::from(&p.path);
        if let Err(e) = super::replace_atomic(&path, p.edited.as_bytes()) {
            io.error(crate::t!(
                "cli-cannot-write",
                path = p.path.as_str(),
                reason = crate::source::io_reason(&e)
            ));
            return Exit::Trouble;
        }
        // Then check, as `planc check` would: the regions' figures must still hang together.
        let report = crate::load::check_bytes(&path, p.edited.as_bytes(), &config);
        if !report.findings.is_empty() {
            reports.push(report);
        }
    }
    if !reports.is_empty() {
        let text = crate::diagnostics::human::render(&reports, &style(io));
        let _ = io.stderr.write_all(text.as_bytes());
    }
    let line = if total == 0 {
        crate::t!("xchg-cli-none")
    } else if args.diff {
        crate::t!("xchg-cli-summary-diff", count = total, files = files)
    } else {
        crate::t!("xchg-cli-summary", count = total, files = files)
    };
    let _ = writeln!(io.stderr, "{line}");
    if (args.diff && total > 0) || reports.iter().any(|r| r.count(Severity::Error) > 0) {
        Exit::Findings
    } else {
        Exit::Ok
    }
}
