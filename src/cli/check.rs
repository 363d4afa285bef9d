use std::path::{Path, PathBuf};

use crate::workspace::discover::role_of;
use crate::workspace::focus::Change;

use super::{CheckFormat, Exit, Io};
use crate::diagnostics::{self, human::Style, Summary};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories to check (directories are searched for `*.plan.yaml` and
    /// actuals files `*.actuals.yaml`, `*.actuals.csv`, `*.actuals.xlsx`).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format: human (stderr), json, sarif or github (stdout).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Exit with 1 when there are warnings, too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also show findings silenced by `# planc: allow` comments, with their reasons.
    #[arg(long)]
    pub show_suppressed: bool,
    /// Use this planc.toml instead of the nearest one at or above the first path.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Check every file, ignoring and not writing the cache of clean files.
    #[arg(long)]
    pub no_cache: bool,
    /// Human output: at most N findings of one code per file are printed; the rest are
    /// counted in one line (0: no limit). JSON, SARIF and GitHub output keep up to
    /// `diagnostics::MAX_PER_CODE` of one code per file and say how many more there were.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub max_findings: usize,
    /// Where to keep the cache of clean files [env: PLANC_CACHE_DIR; default: .planc_cache].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Check only what changed since the git revision REV (committed, staged, unstaged and
    /// untracked files) and the plans linked to it: a changed child re-checks its parent,
    /// a changed parent its children, a changed plan its reviews and actuals.
    #[arg(long, value_name = "REV", conflicts_with = "files_from")]
    pub changed_since: Option<String>,
    /// Check only the files listed in FILE (one path per line; `-`: standard input) and
    /// the plans linked to them, as `--changed-since` does.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
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
    let cache = (!args.no_cache).then(|| {
        let dir = args
            .cache_dir
            .clone()
            .or_else(|| std::env::var_os("PLANC_CACHE_DIR").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from(crate::cache::DEFAULT_DIR));
        crate::cache::Cache::open(&dir, &config)
    });
    let deny = config.deny_warnings;
    let change = match changed(&args) {
        Ok(c) => c,
        Err(e) => {
            io.error(e);
            return Exit::Trouble;
        }
    };
    if let Some(c) = &change {
        let understood = c.paths.iter().any(|p| role_of(p).is_some());
        if !understood && c.gone_parents.is_empty() {
            let _ = writeln!(io.stderr, "{}", nothing_changed(&args));
            return Exit::Ok;
        }
    }
    let ws = crate::workspace::Workspace::open(
        &args.paths,
        config,
        &crate::workspace::Options {
            cache: cache.as_ref(),
            hash: false,
            keep: false,
            focus: change.as_ref(),
        },
    );
    if change.is_some() && ws.problems.is_empty() && !ws.files.iter().any(|f| f.requested) {
        let _ = writeln!(io.stderr, "{}", nothing_changed(&args));
        return Exit::Ok;
    }
    let trouble = !ws.problems.is_empty();
    let reports = ws.reports();
    let lang = ws.run_lang();
    drop(ws);
    if let Some(cache) = cache {
        cache.save();
    }
    let summary = Summary::of(&reports);
    let out = crate::i18n::scope(lang, || match args.format {
        CheckFormat::Human => {
            let style = Style {
                color: io.color,
                show_suppressed: args.show_suppressed,
                max_per_code: args.max_findings,
                ..Style::default()
            };
            let text = diagnostics::human::render(&reports, &style);
            let _ = io.stderr.write_all(text.as_bytes());
            String::new()
        }
        CheckFormat::Json => diagnostics::json::render(&reports, args.show_suppressed),
        CheckFormat::Sarif => diagnostics::sarif::render(&reports),
        CheckFormat::Github => diagnostics::github::render(&reports),
    });
    let _ = io.stdout.write_all(out.as_bytes());
    if trouble {
        Exit::Trouble
    } else if summary.errors > 0 || ((args.deny_warnings || deny) && summary.warnings > 0) {
        Exit::Findings
    } else {
        Exit::Ok
    }
}

/// The change `--changed-since` or `--files-from` names, if either is given.
fn changed(args: &Args) -> Result<Option<Change>, String> {
    if let Some(list) = &args.files_from {
        let text = if list.as_os_str() == "-" {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                .map_err(|e| e.to_string())?;
            s
        } else {
            std::fs::read_to_string(list).map_err(|e| {
                crate::t!(
                    "io-cannot-read",
                    path = crate::source::display_path(list),
                    reason = crate::source::io_reason(&e)
                )
            })?
        };
        let paths = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect();
        return Ok(Some(Change {
            paths,
            gone_parents: Vec::new(),
        }));
    }
    let Some(rev) = &args.changed_since else {
        return Ok(None);
    };
    let first = args.paths.first().map_or(Path::new("."), PathBuf::as_path);
    let dir = if first.is_dir() {
        first
    } else {
        first
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    let files = crate::git::changed_since(dir, rev).map_err(|e| e.to_string())?;
    let top = crate::git::toplevel(dir).map_err(|e| e.to_string())?;
    let mut change = Change::default();
    for f in files {
        if f.deleted {
            if role_of(&f.path) == Some(crate::workspace::Role::Plan) {
                if let Ok(old) = crate::git::show(&top, rev, &f.in_repo) {
                    change.deleted(&f.path, &old);
                }
            }
        } else {
            change.paths.push(f.path);
        }
    }
    Ok(Some(change))
}

fn nothing_changed(args: &Args) -> String {
    match &args.changed_since {
        Some(rev) => crate::t!("check-nothing-changed-since", rev = rev.as_str()),
        None => crate::t!("check-nothing-listed"),
    }
}
