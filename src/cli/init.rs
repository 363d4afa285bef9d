//! `planc init`: a new plan of a kind, and in a folder without plans the files a plan
//! repository starts with.

use std::path::{Path, PathBuf};

use super::{Exit, Io};
use crate::init::Options;
use crate::model::Kind;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The kind of plan: company, region, representative, launch, initiative,
    /// onboarding, role or review.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Kind,
    /// The new file, or a folder to put `<kind>.plan.yaml` in [default: `<kind>.plan.yaml`
    /// in the current folder].
    pub path: Option<PathBuf>,
    /// The plan's id [default: `<kind>-<year>`].
    #[arg(long)]
    pub id: Option<String>,
    /// The plan's title [default: a Chinese title for the kind and year].
    #[arg(long, value_name = "TITLE")]
    pub name: Option<String>,
    /// The plan year (the period runs 1 January to 31 December) [default: this year].
    #[arg(long)]
    pub year: Option<i32>,
    /// `--kind review`: the plan under review, a path relative to the new file or an id
    /// [default: the first other plan in its folder].
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<String>,
    /// Overwrite the plan file if it exists (the repository files are never overwritten).
    #[arg(long)]
    pub force: bool,
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::ALL
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| {
            let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            crate::t!(
                "init-unknown-kind",
                kind = s,
                kinds = crate::rules::fmt_list(&kinds)
            )
        })
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    let kind = args.kind;
    let file = match &args.path {
        Some(p) if is_folder(p) => p.join(crate::init::default_file(kind)),
        Some(p) => p.clone(),
        None => PathBuf::from(crate::init::default_file(kind)),
    };
    let shown = crate::source::display_path(&file);
    if file.exists() && !args.force {
        io.error(crate::t!("init-exists", path = shown));
        return Exit::Trouble;
    }
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return cannot_write(io, &dir, &e);
    }
    let mut status = Exit::Ok;
    if !has_plans(&dir) && !in_repository(&dir) {
        for (rel, text) in crate::init::scaffold() {
            let path = dir.join(rel);
            let shown = crate::source::display_path(&path);
            if path.exists() {
                let _ = writeln!(io.stderr, "{}", crate::t!("init-kept", path = shown));
                continue;
            }
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| super::write_atomic(&path, text.as_bytes()));
            match written {
                Ok(()) => {
                    let _ = writeln!(io.stderr, "{}", crate::t!("init-written", path = shown));
                }
                Err(e) => status = cannot_write(io, &path, &e),
            }
        }
    }
    let year = args.year.unwrap_or_else(crate::init::this_year);
    let mut o = Options::new(kind, year);
    o.schema = schema_path(&dir);
    o.file = file
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    if let Some(id) = args.id {
        o.id = id;
    }
    if let Some(name) = args.name {
        o.title = name;
    }
    match args.plan {
        Some(plan) => o.plan = plan,
        None => {
            if let Some(plan) = plan_beside(&dir, &file) {
                o.plan = plan;
            }
        }
    }
    match super::write_atomic(&file, crate::init::plan(&o).as_bytes()) {
        Ok(()) => {
            let _ = writeln!(
                io.stderr,
                "{}",
                crate::t!("init-written", path = shown.as_str())
            );
            let _ = writeln!(io.stderr, "{}", crate::t!("init-next", path = shown));
        }
        Err(e) => status = cannot_write(io, &file, &e),
    }
    status
}

/// A folder that exists, or a path written as one (`plans/`, or without a `.yaml` name).
fn is_folder(p: &Path) -> bool {
    let s = p.as_os_str().to_string_lossy();
    p.is_dir()
        || s.ends_with('/')
        || s.ends_with(std::path::MAIN_SEPARATOR)
        || !matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// For a new review: the first plan in its folder that is not a review (by name), the
/// plan it most likely reviews.
fn plan_beside(dir: &Path, file: &Path) -> Option<String> {
    let mut plans: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| crate::check::is_plan_file(p) && p.file_name() != file.file_name())
        .collect();
    plans.sort();
    plans.into_iter().find_map(|p| {
        let text = std::fs::read_to_string(&p).ok()?;
        let review = text.lines().any(|l| l.trim() == "kind: review");
        (!review).then(|| p.file_name()?.to_str().map(str::to_owned))?
    })
}

/// Is `dir` inside a plan repository already (a `planc.toml` in it or above)? Then a new
/// plan in a subfolder (`reps/`) starts no second repository.
fn in_repository(dir: &Path) -> bool {
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    abs.ancestors()
        .any(|d| d.join(crate::config::FILE_NAME).is_file())
}

/// Does `dir` hold a plan already (then it is a plan repository, not a new one)?
fn has_plans(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| crate::check::is_plan_file(&e.path()))
    })
}

/// The schema the editor header points at: in the nearest folder at or above `dir` that
/// has one, the schema in the plan's language (`schemas/plan.schema.zh.json`: `init`'s
/// plans are Chinese), else the repository's English `schemas/plan.schema.json`;
/// relative to `dir`.
pub(crate) fn schema_path(dir: &Path) -> String {
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut up = String::new();
    for d in abs.ancestors() {
        for schema in [crate::init::SCHEMA_PATH_ZH, crate::init::SCHEMA_PATH] {
            if d.join(schema).is_file() {
                return format!("{up}{schema}");
            }
        }
        up.push_str("../");
    }
    crate::init::SCHEMA_PATH_ZH.to_owned()
}

fn cannot_write(io: &mut Io, path: &Path, e: &std::io::Error) -> Exit {
    io.error(crate::t!(
        "cli-cannot-write",
        path = crate::source::display_path(path),
        reason = crate::source::io_reason(e)
    ));
    Exit::Trouble
}
