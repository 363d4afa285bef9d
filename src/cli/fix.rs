//! `planc fix`: apply the fixes planc is sure of, like `ruff check --fix`.

use std::path::PathBuf;

use super::{Exit, Io};
use crate::diagnostics::{human::Style, FileReport, Safety};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Plan files or directories of `*.plan.yaml` to fix.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Also apply fixes that change what the plan says (an `其他` item for the
    /// unallocated rest of a breakdown).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of the fixes to stdout and write nothing; exit 1 when there
    /// are fixes.
    #[arg(long)]
    pub diff: bool,
    /// Use this planc.toml instead of the nearest one at or above the first path.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    let config = match super::config_for(
        args.config.as_deref(),
        args.paths.first().map_or(std::path::Path::new("."), |p| p),
        io,
    ) {
        Ok(c) => c,
        Err(e) => {
            io.error(e);
            return Exit::Trouble;
        }
    };
    let (files, problems) = crate::check::discover(&args.paths);
    let mut trouble = !problems.is_empty();
    if !problems.is_empty() {
        let text = crate::diagnostics::human::render_findings(&problems, &style(io));
        let _ = io.stderr.write_all(text.as_bytes());
    }
    let mut fixed_total = 0;
    let mut files_changed = 0;
    let mut hidden_unsafe = 0;
    let mut remaining: Vec<FileReport> = Vec::new();
    let mut langs: Vec<crate::i18n::Lang> = Vec::new();
    for path in files.iter().filter(|p| crate::check::is_plan_file(p)) {
        let name = crate::source::display_path(path);
        let bytes = match crate::source::read(path) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(
                    io.stderr,
                    "{}",
                    crate::t!(
                        "fix-unreadable",
                        path = name,
                        reason = crate::source::io_reason(&e)
                    )
                );
                trouble = true;
                continue;
            }
        };
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let text = match crate::source::decode::decode(&bytes) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(
                    io.stderr,
                    "{}",
                    crate::t!("fix-unreadable", path = name, reason = e.message())
                );
                trouble = true;
                continue;
            }
        };
        let result = crate::fix::fix_text(path, &text, &config, args.unsafe_fixes);
        let lang = io.lang.for_file(crate::load::text_lang(&result.fixed));
        langs.push(lang);
        crate::i18n::scope(lang, || {
            if result.untouchable {
                let _ = writeln!(
                    io.stderr,
                    "{}",
                    crate::t!("fix-parse-error", path = name.as_str())
                );
                trouble = true;
            }
            if result.unstable {
                let _ = writeln!(
                    io.stderr,
                    "{}",
                    crate::t!(
                        "fix-not-stable",
                        path = name.as_str(),
                        rounds = crate::fix::MAX_ROUNDS
                    )
                );
            }
            for (code, why) in &result.rejected {
                let _ = writeln!(
                    io.stderr,
                    "{}",
                    crate::t!(
                        "fix-rejected",
                        path = name.as_str(),
                        code = *code,
                        reason = why.as_str()
                    )
                );
            }
            if !args.unsafe_fixes {
                hidden_unsafe += result
                    .remaining
                    .active()
                    .filter(|f| f.fix.as_ref().is_some_and(|x| x.safety == Safety::Unsafe))
                    .count();
            }
            if result.changed() {
                files_changed += 1;
                fixed_total += result.applied.len();
                let n = result.applied.len();
                let head = if args.diff {
                    crate::t!("fix-would-apply", path = name.as_str(), count = n)
                } else {
                    crate::t!("fix-applied", path = name.as_str(), count = n)
                };
                let _ = writeln!(io.stderr, "{head}");
                for a in &result.applied {
                    let _ = writeln!(
                        io.stderr,
                        "{}",
                        crate::t!(
                            "fix-applied-item",
                            code = a.code,
                            line = a.line,
                            column = a.column,
                            message = a.message.as_str()
                        )
                    );
                }
                if args.diff {
                    let d = crate::fix::unified_diff(&name, &result.original, &result.fixed);
                    let _ = io.stdout.write_all(d.as_bytes());
                } else {
                    let mut out = Vec::with_capacity(result.fixed.len() + 3);
                    if bom {
                        out.extend_from_slice(b"\xEF\xBB\xBF");
                    }
                    out.extend_from_slice(result.fixed.as_bytes());
                    if let Err(e) = super::replace_atomic(path, &out) {
                        io.error(crate::t!(
                            "cli-cannot-write",
                            path = name.as_str(),
                            reason = crate::source::io_reason(&e)
                        ));
                        trouble = true;
                    }
                }
            }
        });
        if !result.remaining.findings.is_empty() {
            remaining.push(result.remaining);
        }
    }
    // Messages about the run: the plans' language when they agree.
    let lang = match langs.split_first() {
        Some((first, rest)) if rest.iter().all(|l| l == first) => *first,
        _ => io.lang.ui(),
    };
    crate::i18n::scope(lang, || {
        finish(
            &args,
            io,
            trouble,
            Totals {
                fixed_total,
                files_changed,
                hidden_unsafe,
            },
            &remaining,
        )
    })
}

struct Totals {
    fixed_total: usize,
    files_changed: usize,
    hidden_unsafe: usize,
}

fn finish(
    args: &Args,
    io: &mut Io,
    trouble: bool,
    totals: Totals,
    remaining: &[FileReport],
) -> Exit {
    let Totals {
        fixed_total,
        files_changed,
        hidden_unsafe,
    } = totals;
    let remaining_count: usize = remaining.iter().map(|r| r.active().count()).sum();
    if remaining_count > 0 && !args.diff {
        let _ = writeln!(io.stderr, "\n{}\n", crate::t!("fix-remaining-header"));
        let text = crate::diagnostics::human::render_findings(remaining, &style(io));
        let _ = io.stderr.write_all(text.as_bytes());
    }
    let line = if fixed_total == 0 {
        crate::t!("fix-summary-none", remaining = remaining_count)
    } else if args.diff {
        crate::t!(
            "fix-summary-diff",
            fixes = fixed_total,
            files = files_changed
        )
    } else {
        crate::t!(
            "fix-summary",
            fixed = fixed_total,
            files = files_changed,
            remaining = remaining_count
        )
    };
    let _ = writeln!(io.stderr, "{line}");
    if hidden_unsafe > 0 {
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!("fix-hidden-unsafe", count = hidden_unsafe)
        );
    }
    if trouble {
        Exit::Trouble
    } else if (args.diff && fixed_total > 0)
        || (!args.diff
            && remaining
                .iter()
                .any(|r| r.count(crate::diagnostics::Severity::Error) > 0))
    {
        // `--diff`: there is something to fix (ruff's convention); else errors remain.
        Exit::Findings
    } else {
        Exit::Ok
    }
}

fn style(io: &Io) -> Style {
    Style {
        color: io.color,
        ..Style::default()
    }
}
