//! `planc allocate`: compute every allocation declared in the plans and write the items
//! (and a seasonal index computed from actuals) as text edits, as `planc fix` does.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use super::{Exit, Io};
use crate::allocate::history::{Figure, Part};
use crate::allocate::season::Monthly;
use crate::apply_allocation::{allocate_text, FileAllocation, Sources};
use crate::diagnostics::{human::Style, FileReport, Severity};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Plan files or directories of `*.plan.yaml`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Print the edits as a unified diff to stdout and write nothing; exit 1 when there
    /// is something to write.
    #[arg(long)]
    pub diff: bool,
    /// Also set each child plan's target to the value its parent's allocation gives the
    /// item it fills (`parent: <plan>#<item>`), then allocate the child's own breakdowns.
    #[arg(long)]
    pub into_children: bool,
    /// With `--into-children`: start a child plan, as `planc init` would, for each item of
    /// an allocated breakdown that expects one (`complete: true`, `child_plan: true`) and
    /// has none: `<item>.plan.yaml` beside the parent, `parent:` set, its target valued.
    #[arg(long, requires = "into_children")]
    pub create: bool,
    /// Use this planc.toml instead of the nearest one at or above the first path.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Monthly figures of `metric` from an actuals file (any format the actuals readers
/// take): rows without a dimension whose period is a calendar month.
pub(crate) fn monthly(path: &Path, metric: &str) -> Result<Vec<Monthly>, String> {
    use crate::actuals::period::{form, Form};
    let (file, unit, name) = read_actuals(path)?;
    let mut out = Vec::new();
    for row in &file.rows {
        if !row.metric.value.trim().eq_ignore_ascii_case(metric)
            || row
                .dimension
                .as_ref()
                .is_some_and(|d| !d.value.trim().is_empty())
        {
            continue;
        }
        let Some(Form::Month(Some(year), month)) = form(&row.period.value) else {
            continue;
        };
        let q = crate::model::Quantity::parse(&row.written(&row.value));
        let amount: Decimal = q.base(unit).ok_or_else(|| {
            crate::t!(
                "alloc-season-value",
                path = name.as_str(),
                line = row.number,
                value = row.value.value.trim()
            )
        })?;
        out.push(Monthly {
            year,
            month,
            amount,
        });
    }
    Ok(out)
}

/// Figures of `metric` by the items of `dimension` from an actuals file (any format the
/// actuals readers take), for last year's basis: rows whose dimension means the same,
/// with an item, and a period that is a year, a quarter or a month.
pub(crate) fn by_item(path: &Path, metric: &str, dimension: &str) -> Result<Vec<Figure>, String> {
    use crate::actuals::period::{form, Form};
    let (file, unit, name) = read_actuals(path)?;
    let mut out = Vec::new();
    for row in &file.rows {
        let same_metric = row.metric.value.trim().eq_ignore_ascii_case(metric)
            || (row.metric.value.trim().is_empty() && row.implied_by.is_some());
        let same_dim = row.dimension.as_ref().is_some_and(|d| {
            let d = d.value.trim();
            d.eq_ignore_ascii_case(dimension.trim())
                || crate::model::dimension::same(d, dimension.trim())
        });
        let Some(item) = row.item.as_ref().filter(|i| !i.value.trim().is_empty()) else {
            continue;
        };
        if !same_metric || !same_dim {
            continue;
        }
        let (year, part) = match form(&row.period.value) {
            Some(Form::Full(y)) => (y, Part::Year),
            Some(Form::Quarter(y, q)) => (y, Part::Quarter(q)),
            Some(Form::Month(y, m)) => (y, Part::Month(m)),
            _ => continue,
        };
        let q = crate::model::Quantity::parse(&row.written(&row.value));
        let amount: Decimal = q.base(unit).ok_or_else(|| {
            crate::t!(
                "alloc-season-value",
                path = name.as_str(),
                line = row.number,
                value = row.value.value.trim()
            )
        })?;
        out.push(Figure {
            item: item.value.trim().to_owned(),
            year,
            part,
            amount,
        });
    }
    Ok(out)
}

/// An actuals file read, refused with its first error; its money unit and display name.
fn read_actuals(
    path: &Path,
) -> Result<(crate::actuals::ActualsFile, crate::model::MoneyUnit, String), String> {
    let name = crate::source::display_path(path);
    crate::source::note_input(path);
    let file = crate::actuals::load_path(path);
    let errors: Vec<_> = file
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if let Some(first) = errors.first() {
        return Err(crate::t!(
            "alloc-actuals-findings",
            path = name.as_str(),
            count = errors.len(),
            first = first.message.as_str()
        ));
    }
    let unit = file
        .unit
        .as_ref()
        .and_then(|u| crate::model::MoneyUnit::parse(&u.value))
        .unwrap_or(crate::model::MoneyUnit::Wan);
    Ok((file, unit, name))
}

/// `planc allocate`'s readers of the actuals files a plan in `dir` names.
fn allocate_in(
    path: &Path,
    text: &str,
    config: &crate::config::Config,
    check: bool,
) -> FileAllocation {
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let monthly_in = |file: &str, metric: &str| monthly(&dir.join(file), metric);
    let history_in =
        |file: &str, metric: &str, dimension: &str| by_item(&dir.join(file), metric, dimension);
    let sources = Sources {
        monthly: &monthly_in,
        history: &history_in,
    };
    allocate_text(path, text, config, &sources, check)
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    let first = args.paths.first().map_or(Path::new("."), |p| p);
    let config = match super::config_for(args.config.as_deref(), first, io) {
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
    let plans: Vec<PathBuf> = files
        .iter()
        .filter(|p| crate::check::is_plan_file(p))
        .cloned()
        .collect();
    if plans.is_empty() && !trouble {
        io.error(crate::t!("alloc-cli-no-plans"));
        return Exit::Trouble;
    }
    let plan_count = plans.len();
    let mut total = 0;
    let mut changed_files = 0;
    let mut refused_any = false;
    let mut remaining: Vec<FileReport> = Vec::new();
    let mut langs: Vec<crate::i18n::Lang> = Vec::new();
    let mut allocated: Vec<(PathBuf, String)> = Vec::new();
    // Each plan is read, allocated and checked on its own (in parallel); a plan that
    // declares no allocation is not parsed at all. Reports follow in input order.
    let results: Vec<Result<Prepared, String>> = {
        use rayon::prelude::*;
        plans
            .par_iter()
            .map(|path| prepare(path, &config, io.lang, args.diff))
            .collect()
    };
    for r in results {
        let mut p = match r {
            Ok(p) => p,
            Err(message) => {
                io.error(message);
                trouble = true;
                continue;
            }
        };
        langs.push(p.lang);
        let Some(result) = p.result.take() else {
            continue;
        };
        crate::i18n::scope(p.lang, || report_file(io, &args, &p, &result, &mut trouble));
        if !result.refused.is_empty() {
            refused_any = true;
        }
        if result.changed() {
            allocated.push((p.path.clone(), result.allocated.clone()));
            changed_files += 1;
            total += result.written.len();
        }
        if result.report.count(Severity::Error) > 0 {
            remaining.push(result.report);
        }
    }
    if args.into_children && !refused_any && !trouble {
        let (n, files) = carry_into_children(io, &args, &config, &allocated, &mut trouble);
        total += n;
        changed_files += files;
    }
    // Messages about the run: the plans' language when they agree.
    let lang = match langs.split_first() {
        Some((first, rest)) if rest.iter().all(|l| l == first) => *first,
        _ => io.lang.ui(),
    };
    crate::i18n::scope(lang, || {
        finish(
            io,
            &args,
            (total, changed_files, plan_count),
            &remaining,
            refused_any,
            trouble,
        )
    })
}

fn finish(
    io: &mut Io,
    args: &Args,
    (total, changed_files, plan_count): (usize, usize, usize),
    remaining: &[FileReport],
    refused_any: bool,
    trouble: bool,
) -> Exit {
    let line = if total == 0 {
        crate::t!("alloc-cli-none", files = plan_count)
    } else if args.diff {
        crate::t!(
            "alloc-cli-summary-diff",
            count = total,
            files = changed_files
        )
    } else {
        crate::t!("alloc-cli-summary", count = total, files = changed_files)
    };
    if !remaining.is_empty() && !args.diff && !refused_any {
        let text = crate::diagnostics::human::render_findings(remaining, &style(io));
        let _ = io.stderr.write_all(text.as_bytes());
    }
    let _ = writeln!(io.stderr, "{line}");
    if trouble {
        Exit::Trouble
    } else if refused_any || (args.diff && total > 0) || (!args.diff && !remaining.is_empty()) {
        Exit::Findings
    } else {
        Exit::Ok
    }
}

/// `--into-children`: each child plan's target set to its item's allocated value (the
/// allocated texts stand in for the files in `--diff` mode), then the child's own
/// allocations. Returns the children changed, counted as allocations and as files.
fn carry_into_children(
    io: &mut Io,
    args: &Args,
    config: &crate::config::Config,
    allocated: &[(PathBuf, String)],
    trouble: &mut bool,
) -> (usize, usize) {
    let opts = crate::workspace::Options {
        keep: true,
        ..Default::default()
    };
    let mut ws = crate::workspace::Workspace::open(&args.paths, config.clone(), &opts);
    if args.diff {
        for (path, text) in allocated {
            ws.update(path, Some(text.clone()));
        }
    }
    let edits = crate::apply_allocation::into_children(&ws);
    let mut count = 0;
    for e in &edits {
        let name = crate::source::display_path(&e.path);
        let lang = io.lang.for_file(crate::load::text_lang(&e.original));
        // The child's own allocations follow its new target.
        let own = crate::i18n::scope(lang, || allocate_in(&e.path, &e.edited, config, false));
        let text = if own.refused.is_empty() {
            own.allocated
        } else {
            e.edited.clone()
        };
        let line = crate::i18n::scope(lang, || {
            crate::t!(
                "alloc-cli-child",
                path = name.as_str(),
                target = e.target.as_str(),
                old = e.old.as_str(),
                new = e.new.as_str(),
                filled = e.filled.as_str()
            )
        });
        let _ = writeln!(io.stderr, "{line}");
        count += 1;
        if args.diff {
            let d = crate::fix::unified_diff(&name, &e.original, &text);
            let _ = io.stdout.write_all(d.as_bytes());
        } else if let Err(err) = super::replace_atomic(&e.path, text.as_bytes()) {
            io.error(crate::t!(
                "cli-cannot-write",
                path = name.as_str(),
                reason = crate::source::io_reason(&err)
            ));
            *trouble = true;
        }
    }
    if args.create {
        count += create_children(io, args, &ws, trouble);
    }
    (count, count)
}

/// `--create`: the missing children, started as `planc init` would.
fn create_children(
    io: &mut Io,
    args: &Args,
    ws: &crate::workspace::Workspace,
    trouble: &mut bool,
) -> usize {
    let mut count = 0;
    for c in crate::apply_allocation::missing_children(ws) {
        let dir = c.parent_path.parent().unwrap_or(Path::new("."));
        let path = dir.join(format!("{}.plan.yaml", c.item));
        let name = crate::source::display_path(&path);
        let parent = format!("{}#{}", c.parent_id, c.item);
        if path.exists() {
            io.error(crate::t!(
                "alloc-cli-create-exists",
                path = name.as_str(),
                parent = parent.as_str()
            ));
            *trouble = true;
            continue;
        }
        let text = crate::apply_allocation::new_child_text(&c, &super::init::schema_path(dir));
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!(
                "alloc-cli-created",
                path = name.as_str(),
                parent = parent.as_str(),
                value = c.value.as_str()
            )
        );
        count += 1;
        if args.diff {
            let d = crate::fix::unified_diff(&name, "", &text);
            let _ = io.stdout.write_all(d.as_bytes());
        } else if let Err(e) = super::write_atomic(&path, text.as_bytes()) {
            io.error(crate::t!(
                "cli-cannot-write",
                path = name.as_str(),
                reason = crate::source::io_reason(&e)
            ));
            *trouble = true;
        }
    }
    count
}

/// One plan read and allocated (`result` is `None` when it declares no allocation).
struct Prepared {
    path: PathBuf,
    name: String,
    lang: crate::i18n::Lang,
    result: Option<FileAllocation>,
    /// Why the allocated text could not be written, if it could not.
    write_error: Option<String>,
    /// With `--diff`: the edits as a unified diff (made here, in parallel).
    diff: Option<String>,
}

fn prepare(
    path: &Path,
    config: &crate::config::Config,
    choice: crate::i18n::Choice,
    diff: bool,
) -> Result<Prepared, String> {
    let name = crate::source::display_path(path);
    let lang0 = choice.ui();
    let bytes = crate::source::read(path).map_err(|e| {
        crate::i18n::scope(lang0, || {
            crate::t!(
                "fix-unreadable",
                path = name.as_str(),
                reason = crate::source::io_reason(&e)
            )
        })
    })?;
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let text = crate::source::decode::decode(&bytes).map_err(|e| {
        crate::i18n::scope(lang0, || {
            crate::t!("fix-unreadable", path = name.as_str(), reason = e.message())
        })
    })?;
    let lang = choice.for_file(crate::load::text_lang(&text));
    // An allocation is declared under the key `allocation`: without the word, nothing to do.
    let result = text
        .contains("allocation")
        .then(|| crate::i18n::scope(lang, || allocate_in(path, &text, config, !diff)));
    // Written here, in parallel with the other plans (the report follows in order).
    let write_error = result
        .as_ref()
        .filter(|r| !diff && r.changed() && r.refused.is_empty() && !r.untouchable)
        .and_then(|r| {
            let mut out = Vec::with_capacity(r.allocated.len() + 3);
            if bom {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            out.extend_from_slice(r.allocated.as_bytes());
            super::replace_atomic(path, &out)
                .err()
                .map(|e| crate::i18n::scope(lang, || crate::source::io_reason(&e)))
        });
    let diff = result
        .as_ref()
        .filter(|r| diff && r.changed() && r.refused.is_empty() && !r.untouchable)
        .map(|r| crate::fix::unified_diff(&name, &r.original, &r.allocated));
    Ok(Prepared {
        path: path.to_path_buf(),
        name,
        lang,
        result,
        write_error,
        diff,
    })
}

fn report_file(
    io: &mut Io,
    args: &Args,
    p: &Prepared,
    result: &FileAllocation,
    trouble: &mut bool,
) {
    let (name, path) = (p.name.as_str(), p.path.as_path());
    if result.untouchable {
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!("alloc-cli-parse-error", path = name)
        );
        *trouble = true;
        return;
    }
    if !result.refused.is_empty() {
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!(
                "alloc-cli-refused",
                path = name,
                count = result.refused.len()
            )
        );
        let report = FileReport {
            path: path.to_path_buf(),
            source: Some(crate::source::SourceFile::new(
                path,
                result.original.clone(),
            )),
            findings: result.refused.clone(),
        };
        let text = crate::diagnostics::human::render(&[report], &style(io));
        let _ = io.stderr.write_all(text.as_bytes());
        return;
    }
    if result.unstable {
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!(
                "alloc-cli-not-stable",
                path = name,
                rounds = crate::fix::MAX_ROUNDS
            )
        );
    }
    if !result.changed() {
        return;
    }
    let head = if args.diff {
        crate::t!(
            "alloc-cli-would-apply",
            path = name,
            count = result.written.len()
        )
    } else {
        crate::t!(
            "alloc-cli-applied",
            path = name,
            count = result.written.len()
        )
    };
    let _ = writeln!(io.stderr, "{head}");
    for w in &result.written {
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!(
                "alloc-cli-item",
                line = w.line,
                column = w.column,
                target = w.target.as_str(),
                dimension = w.dimension.as_str(),
                method = crate::allocate::edit::method_name(w.method),
                items = w.items
            )
        );
    }
    if args.diff {
        if let Some(d) = &p.diff {
            let _ = io.stdout.write_all(d.as_bytes());
        }
        return;
    }
    if let Some(reason) = &p.write_error {
        io.error(crate::t!("cli-cannot-write", path = name, reason = reason));
        *trouble = true;
    }
}

fn style(io: &Io) -> Style {
    Style {
        color: io.color,
        ..Style::default()
    }
}
