//! `planc diff`: the semantic change list of two versions of a plan (or of two
//! directories of plans), from files, from `git` revisions, or as `git`'s external diff
//! driver and `textconv` filter.
//!
//! Plans are only loaded (schema and typed model), not checked: a draft with rule errors
//! still compares. A file that does not load stops the diff with its findings (exit 2),
//! except as `git`'s driver, where the message is printed in the diff and git goes on.

use std::path::{Path, PathBuf};

use super::{Exit, Io};
use crate::diagnostics::{self, human::Style, FileReport, Severity};
use crate::diff::{self, format::Fmt, Diff, Side};
use crate::model::Plan;
use crate::t;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// OLD NEW: two plan files or two directories. With `--git`: paths to limit the
    /// comparison to. As git's external diff driver (`diff.planc.command`): the seven
    /// arguments git passes (`path old-file old-hex old-mode new-file new-hex new-mode`).
    pub paths: Vec<PathBuf>,
    /// Compare a git revision with the working tree (`REV`), or two revisions
    /// (`REV..REV2`): the `*.plan.yaml` files `git diff --name-status` lists.
    #[arg(long, value_name = "REV[..REV2]")]
    pub git: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Exit with 1 when there are changes (like `git diff --exit-code`).
    #[arg(long)]
    pub exit_code: bool,
    /// Print one plan as canonical text, figures normalised (for `diff.planc.textconv`).
    #[arg(long, conflicts_with = "git")]
    pub textconv: bool,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this planc.toml instead of the nearest one at or above the plans.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Every amount in this unit (元, 万元 or 亿元), over the plans' `report_unit` and
    /// planc.toml's `[render] money_unit`.
    #[arg(long, value_name = "UNIT")]
    pub money_unit: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Plain text for the terminal (and for `git diff` as external driver)
    Human,
    /// GitHub-flavoured Markdown, for a pull-request comment
    Md,
    /// Versioned JSON (schemas/diff.schema.json), with raw and normalised values
    Json,
}

/// A plan loaded from one side: the name shown and the plan.
struct Loaded {
    name: String,
    plan: Plan,
}

/// Why the diff could not be made; printed as it is.
struct Trouble(String);

pub fn run(args: Args, io: &mut Io) -> Exit {
    if args.textconv {
        return textconv(&args, io);
    }
    let driver = args.git.is_none() && is_driver_call(&args.paths);
    // planc.toml beside the plans (the repository's, for git and as its driver).
    let start = match args.paths.last() {
        Some(p) if args.git.is_none() && !driver => p.clone(),
        _ => PathBuf::from("."),
    };
    let asked = super::config_for(args.config.as_deref(), &start, io)
        .map_err(|e| e.to_string())
        .and_then(|mut c| {
            super::force_money_unit(&mut c, args.money_unit.as_deref())?;
            Ok(c.unit_request())
        });
    let asked = match asked {
        Ok(a) => a,
        Err(msg) => {
            io.error(msg);
            return Exit::Trouble;
        }
    };
    let loaded = if let Some(rev) = &args.git {
        from_git(rev, &args.paths, io)
    } else if driver {
        from_driver(&args.paths, io)
    } else {
        from_paths(&args.paths, io)
    };
    let pairs = match loaded {
        Ok(p) => p,
        Err(Trouble(msg)) if driver => {
            // git stops at an external diff that fails: say it in the diff and go on.
            let _ = io.stdout.write_all(msg.as_bytes());
            return Exit::Ok;
        }
        Err(Trouble(msg)) => {
            let _ = io.stderr.write_all(msg.as_bytes());
            return Exit::Trouble;
        }
    };
    let plans = pairs
        .iter()
        .flat_map(|(o, n)| [o, n])
        .flatten()
        .map(|l| &l.plan);
    let lang = io
        .lang
        .forced
        .or_else(|| diff::plans_lang(plans))
        .unwrap_or_else(|| io.lang.ui());
    let diff = Diff {
        files: pairs
            .iter()
            .map(|(o, n)| {
                diff::diff_files(o.as_ref().map(side).as_ref(), n.as_ref().map(side).as_ref())
            })
            .collect(),
    };
    let sides: Vec<&Plan> = pairs
        .iter()
        .flat_map(|(o, n)| [o, n])
        .flatten()
        .map(|l| &l.plan)
        .collect();
    let fmt = Fmt::new(lang, &diff, &sides, asked);
    let mut text = crate::i18n::scope(lang, || match args.format {
        DiffFormat::Human => fmt.human(&diff),
        DiffFormat::Md => fmt.markdown(&diff),
        DiffFormat::Json => {
            let mut s = serde_json::to_string_pretty(&fmt.json(&diff)).unwrap_or_default();
            s.push('\n');
            s
        }
    });
    if driver {
        // git runs the driver once per file: a blank line keeps the files apart.
        text.push('\n');
    }
    if let Err(e) = write_out(args.output.as_deref(), text.as_bytes(), io) {
        let _ = io.stderr.write_all(e.0.as_bytes());
        return Exit::Trouble;
    }
    if args.exit_code && diff.has_changes() && !driver {
        Exit::Findings
    } else {
        Exit::Ok
    }
}

fn side(l: &Loaded) -> Side<'_> {
    Side {
        path: l.name.clone(),
        plan: &l.plan,
    }
}

fn write_out(path: Option<&Path>, bytes: &[u8], io: &mut Io) -> Result<(), Trouble> {
    match path.filter(|p| *p != Path::new("-")) {
        Some(p) => super::write_atomic(p, bytes).map_err(|e| {
            trouble(t!(
                "cli-cannot-write",
                path = crate::source::display_path(p),
                reason = crate::source::io_reason(&e)
            ))
        }),
        None => {
            let _ = io.stdout.write_all(bytes);
            Ok(())
        }
    }
}

fn trouble(msg: String) -> Trouble {
    Trouble(format!("{}{msg}\n", crate::i18n::error_prefix()))
}

type Pairs = Vec<(Option<Loaded>, Option<Loaded>)>;

/// git's external diff convention: `path old-file old-hex old-mode new-file new-hex
/// new-mode` (and two more for a rename).
fn is_driver_call(paths: &[PathBuf]) -> bool {
    let mode = |p: &PathBuf| {
        let s = p.to_string_lossy();
        s == "." || (s.len() == 6 && s.chars().all(|c| c.is_digit(8)))
    };
    let hex = |p: &PathBuf| {
        let s = p.to_string_lossy();
        s == "." || (s.len() >= 7 && s.chars().all(|c| c.is_ascii_hexdigit()))
    };
    matches!(paths.len(), 7 | 9)
        && hex(&paths[2])
        && mode(&paths[3])
        && hex(&paths[5])
        && mode(&paths[6])
}

fn from_driver(paths: &[PathBuf], io: &Io) -> Result<Pairs, Trouble> {
    let name = crate::source::display_path(&paths[0]);
    let new_name = paths
        .get(7)
        .map(|p| crate::source::display_path(p))
        .unwrap_or_else(|| name.clone());
    let side = |file: &Path, name: &str| -> Result<Option<Loaded>, Trouble> {
        if file == Path::new("/dev/null") {
            return Ok(None);
        }
        let bytes = read(file)?;
        load(name, bytes, io).map(Some)
    };
    Ok(vec![(side(&paths[1], &name)?, side(&paths[4], &new_name)?)])
}

fn read(path: &Path) -> Result<Vec<u8>, Trouble> {
    crate::source::read(path).map_err(|e| {
        trouble(t!(
            "io-cannot-read",
            path = crate::source::display_path(path),
            reason = crate::source::io_reason(&e)
        ))
    })
}

/// Loads a plan (schema and model, no rules); a file that does not load is trouble,
/// shown with its findings.
fn load(name: &str, bytes: Vec<u8>, io: &Io) -> Result<Loaded, Trouble> {
    let loaded = crate::load::load_bytes(Path::new(name), &bytes, io.lang);
    if let Some(plan) = loaded.plan {
        return Ok(Loaded {
            name: name.to_owned(),
            plan,
        });
    }
    let report = FileReport {
        path: PathBuf::from(name),
        source: loaded.source,
        findings: loaded.findings,
    };
    let errors: Vec<_> = report
        .active()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let mut msg = trouble(t!(
        "diff-cli-not-loaded",
        path = name,
        count = errors.len().max(1)
    ))
    .0;
    let style = Style {
        color: io.color,
        ..Style::default()
    };
    for f in errors.iter().take(3) {
        msg.push_str(&diagnostics::human::render_finding(&report, f, &style));
        msg.push('\n');
    }
    Err(Trouble(msg))
}

fn from_paths(paths: &[PathBuf], io: &Io) -> Result<Pairs, Trouble> {
    let [old, new] = paths else {
        return Err(trouble(t!("diff-cli-two-paths")));
    };
    for p in [old, new] {
        if !p.exists() {
            let path = crate::source::display_path(p);
            return Err(trouble(t!("diff-cli-no-such-path", path = path)));
        }
    }
    match (old.is_dir(), new.is_dir()) {
        (false, false) => {
            let side = |p: &PathBuf| {
                let name = crate::source::display_path(p);
                load(&name, read(p)?, io)
            };
            Ok(vec![(Some(side(old)?), Some(side(new)?))])
        }
        (true, true) => {
            let a = load_dir(old, io)?;
            let b = load_dir(new, io)?;
            Ok(pair_up(a, b))
        }
        _ => Err(trouble(t!(
            "diff-cli-mixed",
            old = crate::source::display_path(old),
            new = crate::source::display_path(new)
        ))),
    }
}

/// Every `*.plan.yaml` under `dir`, with its path relative to `dir`, loaded.
fn load_dir(dir: &Path, io: &Io) -> Result<Vec<(String, Loaded)>, Trouble> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file() && e.file_name().to_string_lossy().ends_with(".plan.yaml")
        })
        .map(|e| e.into_path())
        .collect();
    files.sort();
    if files.is_empty() {
        let path = crate::source::display_path(dir);
        return Err(trouble(t!("diff-cli-no-plans", path = path)));
    }
    files
        .iter()
        .map(|p| {
            let rel = crate::source::display_path(p.strip_prefix(dir).unwrap_or(p));
            let name = crate::source::display_path(p);
            Ok((rel, load(&name, read(p)?, io)?))
        })
        .collect()
}

/// Pairs two lists of plans by id, else by relative path.
fn pair_up(a: Vec<(String, Loaded)>, b: Vec<(String, Loaded)>) -> Pairs {
    let ka: Vec<(String, &Plan)> = a.iter().map(|(r, l)| (r.clone(), &l.plan)).collect();
    let kb: Vec<(String, &Plan)> = b.iter().map(|(r, l)| (r.clone(), &l.plan)).collect();
    let order = diff::pair(&ka, &kb);
    let mut a: Vec<Option<Loaded>> = a.into_iter().map(|(_, l)| Some(l)).collect();
    let mut b: Vec<Option<Loaded>> = b.into_iter().map(|(_, l)| Some(l)).collect();
    order
        .into_iter()
        .map(|(i, j)| (i.and_then(|i| a[i].take()), j.and_then(|j| b[j].take())))
        .collect()
}

/// Runs `git` in `dir` and returns its standard output.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, Trouble> {
    crate::git::run(dir, args).map_err(|e| trouble(e.to_string()))
}

fn from_git(rev: &str, paths: &[PathBuf], io: &Io) -> Result<Pairs, Trouble> {
    let (old_rev, new_rev) = match rev.split_once("..") {
        _ if rev.contains("...") || rev.trim().is_empty() => {
            return Err(trouble(t!("diff-cli-bad-range", rev = rev)))
        }
        Some((a, b)) if !a.is_empty() && !b.is_empty() => (a, Some(b)),
        Some(_) => return Err(trouble(t!("diff-cli-bad-range", rev = rev))),
        None => (rev, None),
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let specs: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| cwd.join(p)))
        .collect();
    // The repository that holds the paths (else the current directory's).
    let start = specs
        .first()
        .map(|p| {
            if p.is_dir() {
                p.clone()
            } else {
                p.parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| cwd.clone())
            }
        })
        .filter(|p| p.is_dir())
        .unwrap_or_else(|| cwd.clone());
    let top = git(&start, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let mut args: Vec<String> = ["diff", "--name-status", "--no-renames", "-z", old_rev]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.extend(new_rev.map(str::to_owned));
    args.push("--".into());
    args.extend(specs.iter().map(|p| p.to_string_lossy().into_owned()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let listing = git(&top, &argv)?;
    let listing = String::from_utf8_lossy(&listing).into_owned();
    let mut fields = listing.split('\0').filter(|s| !s.is_empty());
    let mut old = Vec::new();
    let mut new = Vec::new();
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        if !path.ends_with(".plan.yaml") {
            continue;
        }
        if !status.starts_with('A') {
            let bytes = git(&top, &["show", &format!("{old_rev}:{path}")])?;
            let name = format!("{old_rev}:{path}");
            old.push((path.to_owned(), load(&name, bytes, io)?));
        }
        if !status.starts_with('D') {
            let (name, bytes) = match new_rev {
                Some(r) => (
                    format!("{r}:{path}"),
                    git(&top, &["show", &format!("{r}:{path}")])?,
                ),
                None => (path.to_owned(), read(&top.join(path))?),
            };
            new.push((path.to_owned(), load(&name, bytes, io)?));
        }
    }
    Ok(pair_up(old, new))
}

/// `--textconv FILE`: the plan as canonical text. A file that does not load is passed
/// through as it is (git still shows a diff), with a note on stderr.
fn textconv(args: &Args, io: &mut Io) -> Exit {
    let [path] = args.paths.as_slice() else {
        let _ = io
            .stderr
            .write_all(trouble(t!("diff-cli-textconv-one")).0.as_bytes());
        return Exit::Trouble;
    };
    let bytes = match read(path) {
        Ok(b) => b,
        Err(Trouble(msg)) => {
            let _ = io.stderr.write_all(msg.as_bytes());
            return Exit::Trouble;
        }
    };
    let name = crate::source::display_path(path);
    let text = match load(&name, bytes.clone(), io) {
        Ok(l) => diff::format::textconv(&l.plan).into_bytes(),
        Err(Trouble(msg)) => {
            let _ = io.stderr.write_all(msg.as_bytes());
            bytes
        }
    };
    match write_out(args.output.as_deref(), &text, io) {
        Ok(()) => Exit::Ok,
        Err(Trouble(msg)) => {
            let _ = io.stderr.write_all(msg.as_bytes());
            Exit::Trouble
        }
    }
}
