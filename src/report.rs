//! One file of a workspace to its report: what `planc render` writes for a plan (or, for
//! a `kind: review` file, the review pipeline's report) — shared by `render` and `serve`,
//! so the live preview shows byte for byte what `render` writes.

use crate::diagnostics::{FileReport, Severity};
use crate::render::{checks, index::Entry, Format, Input, Renderer};
use crate::workspace::{FileId, Workspace};

/// What became of one plan.
pub enum Outcome {
    Rendered {
        bytes: Vec<u8>,
        entry: Entry,
        report: FileReport,
    },
    /// Errors, and not rendered.
    Refused(FileReport),
    /// The file could not be read, or the report could not be made (the message says why).
    Trouble(String),
}

/// Checks and renders the file `id` of `ws` in `format`; a plan with errors is refused
/// unless `allow_errors` (its report then carries a warning banner).
pub fn render(
    ws: &Workspace,
    id: FileId,
    renderer: &Renderer,
    format: Format,
    allow_errors: bool,
) -> Outcome {
    let file = &ws.files[id];
    let path = &file.path;
    let report = ws.report_of(id);
    if let Some(f) = report.findings.iter().find(|f| f.code == "P000") {
        return Outcome::Trouble(f.message.clone());
    }
    let has_errors = report.count(Severity::Error) > 0;
    if has_errors && !allow_errors {
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
        lang: ws.config.lang.forced,
    };
    let view = renderer.report(&input);
    // A year-end review's figures come from its plan and actuals: render it through the
    // review pipeline, as `planc review` does.
    let rendered = if plan.kind.value == crate::model::Kind::Review {
        render_review(ws, id, format)
    } else {
        renderer.render(&view, format).map_err(|e| e.to_string())
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
        Err(e) => Outcome::Trouble(e),
    }
}

fn render_review(ws: &Workspace, id: FileId, format: Format) -> Result<Vec<u8>, String> {
    let path = &ws.files[id].path;
    let outcome = crate::workspace::reviews::outcome(ws, id);
    if outcome.errors() > 0 || outcome.review.is_none() {
        return Err(crate::t!(
            "render-review-errors",
            path = crate::source::display_path(path)
        ));
    }
    let format = match format {
        Format::Md => crate::review::report::Format::Md,
        Format::Html => crate::review::report::Format::Html,
        Format::Docx => crate::review::report::Format::Docx,
        Format::Pdf => crate::review::report::Format::Pdf,
    };
    crate::review::report::render(&outcome, format, &ws.config)
}

/// The consolidated report of the tree under `root_id` (`render DIR --rollup`), its
/// links to each plan's report relative to `base_dir` as `render DIR` writes them in
/// `format`; `None` when the root plan did not load.
pub fn rollup(
    ws: &Workspace,
    root_id: FileId,
    base_dir: &std::path::Path,
    renderer: &Renderer,
    format: Format,
) -> Option<crate::render::view::Report> {
    fn node<'a>(
        ws: &'a Workspace,
        id: FileId,
        base_dir: &std::path::Path,
        format: Format,
        seen: &mut Vec<FileId>,
    ) -> Option<crate::render::rollup::OrgNode<'a>> {
        seen.push(id);
        let f = &ws.files[id];
        let plan = f.plan.as_deref()?;
        let rel = f.path.strip_prefix(base_dir).unwrap_or(&f.path);
        let filled = crate::workspace::filled(ws, id);
        let mut kids = ws.children(id);
        kids.sort_by(|a, b| ws.files[*a].path.cmp(&ws.files[*b].path));
        let children = kids
            .into_iter()
            .filter(|k| !seen.contains(k))
            .collect::<Vec<_>>()
            .into_iter()
            .filter_map(|k| node(ws, k, base_dir, format, seen))
            .collect();
        Some(crate::render::rollup::OrgNode {
            plan,
            href: Some(crate::render::index::href(&output_name(rel, format))),
            item: filled.as_ref().map(|x| x.item.clone()),
            allocated: filled.as_ref().and_then(|x| x.allocated),
            planned: filled.as_ref().and_then(|x| x.planned),
            target: filled.map(|x| x.target),
            children,
        })
    }
    let mut seen = Vec::new();
    let tree = node(ws, root_id, base_dir, format, &mut seen)?;
    let root_file = &ws.files[root_id];
    let report = ws.report_of(root_id);
    let source = root_file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sha = root_file.sha256.clone().unwrap_or_default();
    let input = Input {
        plan: tree.plan,
        record: checks::Record {
            source: &source,
            sha256: &sha,
            report: &report,
            config: &ws.config,
        },
        lang: ws.config.lang.forced,
    };
    Some(crate::render::rollup::report(renderer, &tree, &input))
}

/// The name `render DIR` gives a plan's report: `x.plan.yaml` → `x.html`.
pub fn output_name(input: &std::path::Path, format: Format) -> std::path::PathBuf {
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

/// The monthly report (`planc review DIR --as-of DATE`): its figures, and the document in
/// `format` (`None` for JSON) when nothing stops it; `Err` when no plan of the workspace
/// can be reported or the document cannot be written.
pub fn monthly(
    ws: &Workspace,
    as_of: chrono::NaiveDate,
    format: Option<Format>,
) -> Result<(crate::review::monthly::Monthly, Vec<u8>), String> {
    use crate::review::monthly;
    let m = monthly::compute(ws, as_of);
    let Some(root) = m.roots().next() else {
        return Ok((m, Vec::new()));
    };
    if m.errors() > 0 {
        return Ok((m, Vec::new()));
    }
    let Some(format) = format else {
        let mut s = serde_json::to_string_pretty(&monthly::json::value(&m)).unwrap_or_default();
        s.push('\n');
        return Ok((m, s.into_bytes()));
    };
    let Some(file) = m.units[root].plan else {
        return Ok((m, Vec::new()));
    };
    let f = &ws.files[file];
    let Some(plan) = f.plan.as_deref() else {
        return Ok((m, Vec::new()));
    };
    let lang = ws.config.lang.forced.unwrap_or_else(|| ws.lang_of(file));
    let renderer = Renderer::new(None).map_err(|e| e.to_string())?;
    let report = ws.report_of(file);
    let source = crate::source::display_path(&f.path);
    let sha = f.sha256.clone().unwrap_or_default();
    let bytes = crate::i18n::scope(lang, || {
        let base = renderer.report(&Input {
            plan,
            record: checks::Record {
                source: &source,
                sha256: &sha,
                report: &report,
                config: &ws.config,
            },
            lang: Some(lang),
        });
        let amounts: Vec<rust_decimal::Decimal> = m
            .units
            .iter()
            .flat_map(|u| [Some(u.inputs.annual), u.figures.actual])
            .flatten()
            .collect();
        // The plan's unit unless asked otherwise: computed figures (a phased target to
        // date) are rounded in it, never shown to the 分.
        let configured = ws
            .config
            .unit_request()
            .over(plan.report_unit())
            .or(Some(plan.money_unit()));
        let money = crate::num::Money::choose(&amounts, lang, configured);
        let doc = monthly::doc::report(&m, base, plan, money, lang);
        renderer.render(&doc, format).map_err(|e| e.to_string())
    })?;
    Ok((m, bytes))
}
