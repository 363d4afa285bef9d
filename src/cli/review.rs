use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Exit, Io};
use crate::diagnostics::{self, human::Style, Severity};
use crate::review::session::{self, Request};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A `kind: review` file, or a plan to review against `--actuals`.
    pub plan: PathBuf,
    /// Actuals files (`*.actuals.yaml`, `.csv`, `.xlsx`), added to the review's own.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub actuals: Vec<PathBuf>,
    /// The date the review is for (YYYY-MM-DD), within the plan period [default: the
    /// review's `as_of`, else the latest `as_of` of the actuals, else the period's end; for
    /// a folder, the last day of the latest month its monthly actuals report].
    ///
    /// Before the end of the period the review shows the year to date: attainment against
    /// the target to date (from the quarter or month split), and a run-rate forecast.
    /// Quarter and month rows count up to this date. A full-year (`FY`) row is the
    /// year-to-date figure as of its file's date — the file's `as_of`, else the end of the
    /// latest quarter or month it reports, else this date — and is never spread over the
    /// months: a file dated after this date has no figure for it (one warning names what
    /// is left without), so give the figures to date in a file with that `as_of`.
    // Read as text and parsed in `run`, so the message speaks the `--lang` asked for.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReviewFormat::Md)]
    pub format: ReviewFormat,
    /// Write to this file instead of stdout (`-`: stdout; a file is required for docx).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this planc.toml instead of the nearest one at or above the plan.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Every amount of the report in this unit (元, 万元 or 亿元), over the plan's
    /// `report_unit` and planc.toml's `[render] money_unit`.
    #[arg(long, value_name = "UNIT")]
    pub money_unit: Option<String>,
    /// At most N findings of one code per file are printed; the rest are counted in one
    /// line (0: no limit), as in `planc check`.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub max_findings: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewFormat {
    /// GitHub-flavoured Markdown
    Md,
    /// One self-contained HTML file
    Html,
    /// A Word document (needs -o FILE)
    Docx,
    /// A typeset A4 PDF (needs -o FILE and a CJK font)
    Pdf,
    /// Every computed figure: exact values, and each `display` written as the report
    /// would (`--lang`, else the review's `lang`, else Chinese)
    Json,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| crate::t!("review-cli-bad-date", text = s))
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    let mut config = match super::config_for(args.config.as_deref(), &args.plan, io) {
        Ok(c) => c,
        Err(e) => return trouble(io, e.to_string()),
    };
    if let Err(e) = super::force_money_unit(&mut config, args.money_unit.as_deref()) {
        return trouble(io, e);
    }
    let as_of = match args.as_of.as_deref().map(parse_date).transpose() {
        Ok(d) => d,
        Err(e) => return trouble(io, e),
    };
    if args.plan.is_dir() {
        return monthly(&args, config, as_of, io);
    }
    if let Some(missing) = std::iter::once(&args.plan)
        .chain(&args.actuals)
        .find(|p| !p.is_file())
    {
        let path = crate::source::display_path(missing);
        if missing.exists() {
            // A FIFO or a device: never opened.
            return trouble(
                io,
                crate::t!(
                    "io-cannot-read",
                    path = path,
                    reason = crate::t!("io-not-a-file")
                ),
            );
        }
        return trouble(io, crate::t!("review-cli-no-such-file", path = path));
    }
    let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
    if matches!(args.format, ReviewFormat::Docx | ReviewFormat::Pdf) && to_stdout {
        return trouble(io, crate::t!("review-cli-docx-needs-file"));
    }
    let outcome = session::run(
        &Request {
            path: &args.plan,
            actuals: &args.actuals,
            as_of,
            config: &config,
            report_missing: true,
        },
        false,
    );
    if let Some(e) = &outcome.as_of_error {
        return trouble(io, e);
    }
    // Diagnostics first: errors stop the review, warnings are shown and it goes on.
    let shown: Vec<_> = outcome
        .reports
        .iter()
        .filter(|r| r.active().next().is_some())
        .collect();
    if !shown.is_empty() {
        let style = Style {
            color: io.color,
            max_per_code: args.max_findings,
            ..Style::default()
        };
        let owned: Vec<diagnostics::FileReport> = shown
            .iter()
            .map(|r| diagnostics::FileReport {
                path: r.path.clone(),
                source: r.source.clone(),
                findings: r.active().cloned().collect(),
            })
            .collect();
        let text = diagnostics::human::render_findings(&owned, &style);
        let _ = io.stderr.write_all(text.as_bytes());
    }
    let errors = outcome.errors();
    let warnings: usize = outcome
        .reports
        .iter()
        .map(|r| r.count(Severity::Warning))
        .sum();
    let Some(review) = outcome.review.as_ref().filter(|_| errors == 0) else {
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!("review-cli-not-written", errors = errors)
        );
        return Exit::Findings;
    };
    let bytes = match args.format {
        ReviewFormat::Json => {
            let value = serde_json::json!({
                "version": 1,
                "tool": { "name": "planc", "version": env!("CARGO_PKG_VERSION") },
                "review": outcome.review_path.as_deref().map(crate::source::display_path),
                "plan_file": outcome.plan_path.as_deref().map(crate::source::display_path),
                "actuals": outcome.sources,
                "figures": review,
            });
            let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
            s.push('\n');
            s.into_bytes()
        }
        format => {
            let format = match format {
                ReviewFormat::Md => crate::review::report::Format::Md,
                ReviewFormat::Html => crate::review::report::Format::Html,
                ReviewFormat::Pdf => crate::review::report::Format::Pdf,
                _ => crate::review::report::Format::Docx,
            };
            match crate::review::report::render(&outcome, format, &config) {
                Ok(b) => b,
                Err(e) => return trouble(io, e),
            }
        }
    };
    deliver(io, args.output.as_deref(), &bytes, |shown| {
        crate::t!(
            "review-cli-wrote",
            path = shown,
            targets = review.summary.targets,
            kpis = review.summary.kpis,
            warnings = warnings
        )
    })
}

/// `planc review DIR [--as-of DATE]`: the monthly report of the organisation in DIR, as of
/// DATE or else the end of the latest month its monthly actuals report.
fn monthly(
    args: &Args,
    config: crate::config::Config,
    as_of: Option<NaiveDate>,
    io: &mut Io,
) -> Exit {
    let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
    if matches!(args.format, ReviewFormat::Docx | ReviewFormat::Pdf) && to_stdout {
        return trouble(io, crate::t!("review-cli-docx-needs-file"));
    }
    let opts = crate::workspace::Options {
        cache: None,
        hash: true,
        keep: true,
        focus: None,
    };
    let mut paths = vec![args.plan.clone()];
    paths.extend(args.actuals.iter().cloned());
    let ws = crate::workspace::Workspace::open(&paths, config, &opts);
    // No date given: the end of the latest month the series reports (as `planc serve`).
    let as_of = match as_of {
        Some(d) => d,
        None => {
            let path = crate::source::display_path(&args.plan);
            let Some(d) = crate::review::monthly::latest_month(&ws) else {
                return trouble(io, crate::t!("review-cli-monthly-as-of", path = path));
            };
            let _ = writeln!(
                io.stderr,
                "{}",
                crate::t!("review-cli-monthly-as-of-latest", date = d.to_string())
            );
            d
        }
    };
    let format = match args.format {
        ReviewFormat::Json => None,
        ReviewFormat::Md => Some(crate::render::Format::Md),
        ReviewFormat::Html => Some(crate::render::Format::Html),
        ReviewFormat::Docx => Some(crate::render::Format::Docx),
        ReviewFormat::Pdf => Some(crate::render::Format::Pdf),
    };
    // The workspace's own findings first: a child's file that disagrees with its
    // parent's (P919), a plan that does not check.
    let mut shown: Vec<diagnostics::FileReport> = ws
        .reports()
        .into_iter()
        .filter(|r| r.active().next().is_some())
        .map(|r| diagnostics::FileReport {
            findings: r.active().cloned().collect(),
            ..r
        })
        .collect();
    let ws_errors = crate::workspace::count(&shown, Severity::Error);
    let (m, bytes) = match crate::report::monthly(&ws, as_of, format) {
        Ok(x) => x,
        Err(e) => return trouble(io, e),
    };
    for r in &m.reports {
        if shown
            .iter()
            .any(|s| crate::workspace::same_file(&s.path, &r.path))
        {
            // The same file as the workspace saw it: keep the findings of the series.
            shown.retain(|s| !crate::workspace::same_file(&s.path, &r.path));
        }
        let active: Vec<_> = r.active().cloned().collect();
        if !active.is_empty() {
            shown.push(diagnostics::FileReport {
                path: r.path.clone(),
                source: r.source.clone(),
                findings: active,
            });
        }
    }
    if !shown.is_empty() {
        let style = Style {
            color: io.color,
            max_per_code: args.max_findings,
            ..Style::default()
        };
        let text = diagnostics::human::render_findings(&shown, &style);
        let _ = io.stderr.write_all(text.as_bytes());
    }
    let errors = crate::workspace::count(&shown, Severity::Error).max(ws_errors);
    if m.roots().next().is_none() {
        return trouble(
            io,
            crate::t!(
                "monthly-no-plans",
                path = crate::source::display_path(&args.plan)
            ),
        );
    }
    if errors > 0 || bytes.is_empty() {
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!("review-cli-not-written", errors = errors.max(1))
        );
        return Exit::Findings;
    }
    deliver(io, args.output.as_deref(), &bytes, |shown| {
        crate::t!(
            "review-cli-monthly-wrote",
            path = shown,
            units = m.units.len(),
            date = as_of.to_string()
        )
    })
}

/// Writes a report to `-o` (atomically; `wrote` says what was written where) or stdout.
fn deliver(
    io: &mut Io,
    output: Option<&Path>,
    bytes: &[u8],
    wrote: impl FnOnce(String) -> String,
) -> Exit {
    match output.filter(|p| *p != Path::new("-")) {
        Some(path) => {
            let shown = crate::source::display_path(path);
            if let Err(e) = super::write_atomic(path, bytes) {
                let reason = e.to_string();
                return trouble(
                    io,
                    crate::t!("cli-cannot-write", path = shown, reason = reason),
                );
            }
            let _ = writeln!(io.stderr, "{}", wrote(shown));
        }
        None => {
            if let Err(e) = io.stdout.write_all(bytes) {
                let reason = e.to_string();
                return trouble(io, crate::t!("cli-cannot-write-stdout", reason = reason));
            }
        }
    }
    Exit::Ok
}

/// `error: …` on stderr: bad options, missing files, nothing written.
fn trouble(io: &mut Io, message: impl std::fmt::Display) -> Exit {
    io.error(message);
    Exit::Trouble
}
