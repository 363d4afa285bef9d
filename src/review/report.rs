//! The review as a report: the `kind: review` file's own sections (narrative with the
//! figures filled in) through `crate::render`, with a section of computed figures —
//! tables with status lights and plan-vs-actual charts — after each section that names
//! them in `figures`. Without a review file, a default outline is generated.

use super::compute::Review;
use super::figures::Block as Spec;
use super::session::Outcome;
use super::tables::Builder;
use crate::config::Config;
use crate::model::{Lang, Plan};
use crate::render::figures::{Block, Figures};
use crate::render::view::{Body, Pair, Report, Section};
use crate::render::{checks, Input, Renderer};

/// A report format of `planc review`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Docx,
    Pdf,
}

pub fn render(outcome: &Outcome, format: Format, config: &Config) -> Result<Vec<u8>, String> {
    let (renderer, report) = build(outcome, config)?;
    let fmt = match format {
        Format::Md => crate::render::Format::Md,
        Format::Html => crate::render::Format::Html,
        Format::Docx => crate::render::Format::Docx,
        Format::Pdf => crate::render::Format::Pdf,
    };
    renderer.render(&report, fmt).map_err(|e| e.to_string())
}

/// The review's view-model — every section, table and chart with its figures written
/// out — and the renderer that writes it in any format.
pub fn build(outcome: &Outcome, config: &Config) -> Result<(Renderer, Report), String> {
    let review = outcome
        .review
        .as_ref()
        .ok_or_else(|| crate::t!("review-nothing-computed"))?;
    let base = outcome
        .plan
        .as_ref()
        .ok_or_else(|| crate::t!("review-plan-not-loaded"))?;
    let renderer = Renderer::new(None).map_err(|e| e.to_string())?;
    let generated;
    let (plan, path) = match (&outcome.review_plan, &outcome.review_path) {
        (Some(p), Some(path)) => (p, path.clone()),
        _ => {
            generated = default_review(base, review, outcome.lang)?;
            (&generated, outcome.plan_path.clone().unwrap_or_default())
        }
    };
    let lang = outcome.lang;
    let l = renderer.labels(lang);
    let known = if outcome.review_path.as_ref() == Some(&path) {
        outcome.review_sha256.clone()
    } else {
        outcome.plan_sha256.clone()
    };
    let sha = known.unwrap_or_else(|| {
        crate::source::sha256_hex(&crate::source::read(&path).unwrap_or_default())
    });
    let source = crate::source::display_path(&path);
    let empty = crate::diagnostics::FileReport {
        path: path.clone(),
        source: None,
        findings: Vec::new(),
    };
    let file_report = outcome.reports.first().unwrap_or(&empty);
    let mut report = renderer.report(&Input {
        plan,
        record: checks::Record {
            source: &source,
            sha256: &sha,
            report: file_report,
            config,
        },
        lang: Some(lang),
    });
    // The cover names the company: the review's own, else its plan's.
    if report.meta.company.is_none() {
        report.meta.company = base.company.clone().filter(|c| !c.trim().is_empty());
    }
    // The cover names the unit every amount of the review is written in (the review
    // file itself states none: its amounts are the plan's and the actuals').
    report.meta.money_unit = review.money.scale.label().to_owned();
    let unit_label = l.get("cover.unit");
    report.cover.retain(|p| p.label != unit_label);
    report.cover.push(Pair {
        label: unit_label,
        value: crate::render::build::cover_unit(
            base.currency.as_deref().unwrap_or("CNY"),
            review.money.scale.label(),
        ),
    });
    report.meta.money_note = review.money.rounded.then(|| {
        l.fmt(
            "doc.money_rounded",
            &[
                ("unit", review.money.scale.label()),
                ("dp", &review.money.dp.to_string()),
            ],
        )
    });
    let rounding_label = l.get("cover.rounding");
    report.cover.retain(|p| p.label != rounding_label);
    if let Some(note) = &report.meta.money_note {
        report.cover.push(Pair {
            label: rounding_label,
            value: note.clone(),
        });
    }
    // Part-way through the year the document is a review to date, not the year's
    // summary: its cover says so.
    if review.partial {
        let kind = l.get("review.kind_partial");
        let kind_label = l.get("cover.kind");
        for p in report.cover.iter_mut().filter(|p| p.label == kind_label) {
            p.value = kind.clone();
        }
        report.meta.kind_label = kind;
    }
    report.cover.push(Pair {
        label: l.get("review.plan"),
        value: base.title.value.clone(),
    });
    report.cover.push(Pair {
        label: l.get("review.as_of"),
        value: review.as_of.clone(),
    });
    // File names belong to the validation record, not the cover.
    let sources = outcome
        .sources
        .iter()
        .map(|s| {
            let name = s.path.rsplit('/').next().unwrap_or(&s.path);
            match lang {
                Lang::Zh => format!("{name}（{}，{}行）", s.format.to_uppercase(), s.rows),
                Lang::En => format!("{name} ({}, {} rows)", s.format.to_uppercase(), s.rows),
            }
        })
        .collect::<Vec<_>>()
        .join(l.opt("doc.sep").unwrap_or("; "));
    if let Some(Body::Checks { figures, .. }) = report
        .sections
        .iter_mut()
        .map(|s| &mut s.body)
        .find(|b| matches!(b, Body::Checks { .. }))
    {
        figures.push(crate::render::view::Figure {
            label: l.get("review.plan_id"),
            value: base.id.value.clone(),
            note: None,
        });
        figures.push(crate::render::view::Figure {
            label: l.get("review.sources"),
            value: sources,
            note: None,
        });
    }
    let segments = plan
        .review
        .as_ref()
        .map(|r| r.segments.as_slice())
        .unwrap_or(&[]);
    let scope = crate::actuals::join::Scope::new(base, segments).with_aliases(&config.aliases);
    let forecast_shown = review.partial
        && plan
            .sections
            .iter()
            .flat_map(|s| &s.figures)
            .any(|f| super::figures::block(f, &scope).is_ok_and(|spec| spec == Spec::Forecast));
    let mut b = Builder {
        review,
        base,
        l,
        thresholds: config.thresholds,
        charts: 0,
        lang,
        shown: Default::default(),
        forecast_shown,
    };
    // The figures each section of the review names, built in document order (charts are
    // numbered as they appear): (the section's place in the report, its blocks).
    let mut placed: Vec<(usize, Vec<(String, Block)>)> = Vec::new();
    let mut summary_at = None;
    let mut at = 0;
    for s in &plan.sections {
        let Some(pos) = report.sections[at..]
            .iter()
            .position(|x| x.level == 1 && !x.appendix && x.title == s.title)
            .map(|p| p + at)
        else {
            continue;
        };
        at = pos + 1;
        let mut children = Vec::new();
        // Breakdowns no actual reaches (actuals by province, a breakdown by city): named
        // under the section's last table, not a table of dashes.
        let mut without_actuals: Vec<String> = Vec::new();
        for f in &s.figures {
            let Ok(spec) = super::figures::block(f, &scope) else {
                continue;
            };
            if let Some(name) = b.breakdown_without_actuals(&spec) {
                without_actuals.push(name);
                continue;
            }
            if let Some(block) = b.block(&spec) {
                if spec == Spec::Targets && summary_at.is_none() {
                    summary_at = Some(placed.len());
                }
                children.push(block);
            }
        }
        if !without_actuals.is_empty() {
            let line = l.fmt(
                "review.no_actuals",
                &[("names", &without_actuals.join(&l.get("review.count_sep")))],
            );
            match children.last_mut() {
                Some((_, block)) => {
                    block.note = Some(match block.note.take() {
                        Some(n) => format!("{n}{line}"),
                        None => line,
                    });
                }
                None => children.push((
                    l.get("review.no_actuals_title"),
                    Block {
                        caption: None,
                        columns: Vec::new(),
                        rows: Vec::new(),
                        note: Some(line),
                        highlights: Vec::new(),
                        chart: None,
                    },
                )),
            }
        }
        placed.push((pos, children));
    }
    // Every KPI the summary counts is shown: those no block named go after the figures
    // of the section with the summary (else of the last section with figures).
    let last_with_figures = placed.iter().rposition(|(_, c)| !c.is_empty());
    if let (Some(i), Some(block)) = (summary_at.or(last_with_figures), b.unshown_kpis()) {
        placed[i].1.push(block);
    }
    // Inserted from the last section up, so the places of those before stay put.
    for (pos, children) in placed.into_iter().rev() {
        let parent = report.sections[pos]
            .anchor
            .trim_start_matches("s-")
            .to_owned();
        // Existing children of the section (none for narrative sections, but keep order).
        let mut end = pos + 1;
        while end < report.sections.len() && report.sections[end].level > 1 {
            end += 1;
        }
        let existing = report.sections[pos + 1..end]
            .iter()
            .filter(|x| x.level == 2)
            .count();
        for (i, (title, block)) in children.into_iter().enumerate() {
            let n = existing + i + 1;
            let number = format!("{parent}.{n}");
            let heading = Section::make_heading(&number, &title, 2, false, lang_code(lang));
            report.sections.insert(
                end,
                Section {
                    anchor: format!("s-{parent}-{n}"),
                    number,
                    title,
                    heading,
                    subtitle: None,
                    level: 2,
                    appendix: false,
                    body: Body::Review(Figures {
                        intro: None,
                        blocks: vec![block],
                    }),
                },
            );
            end += 1;
        }
    }
    // The executive summary opens the document, before the first chapter.
    if let Some(summary) = b.summary(plan) {
        let at = report
            .sections
            .iter()
            .position(|x| x.level == 1)
            .unwrap_or(report.sections.len());
        let section = Section::summary(l.get("review.summary_title"), summary);
        report.sections.insert(at, section);
    }
    for s in &mut report.sections {
        if let Body::Review(f) = &mut s.body {
            f.blocks.iter_mut().for_each(Block::align_decimals);
        }
    }
    Ok((renderer, report))
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// A review of a plain plan: every target, KPI and breakdown in a standard outline.
fn default_review(base: &Plan, review: &Review, lang: Lang) -> Result<Plan, String> {
    let zh = lang == Lang::Zh;
    let mut performance: Vec<String> = Vec::new();
    for t in &review.targets {
        if !t.periods.is_empty() {
            performance.push(format!("{}/quarter", t.id));
        }
        for b in &t.breakdowns {
            performance.push(format!("{}/{}", t.id, b.dimension));
        }
    }
    let mut overview = vec!["targets".to_owned()];
    if review.partial {
        overview.push("forecast".into());
    }
    if !review.kpis.is_empty() {
        overview.push("kpis".into());
    }
    // Part-way through the year it is a review to date, not the year's summary.
    let (t1, t2, suffix) = match (zh, review.partial) {
        (true, false) => ("目标完成情况", "销售业绩分析", "——年度工作总结".to_owned()),
        (true, true) => (
            "目标完成情况",
            "销售业绩分析",
            format!("——执行回顾（截至 {}）", review.as_of),
        ),
        (false, false) => (
            "Targets against actuals",
            "Performance analysis",
            " — year-end review".to_owned(),
        ),
        (false, true) => (
            "Targets against actuals",
            "Performance analysis",
            format!(" — review to {}", review.as_of),
        ),
    };
    let doc = serde_json::json!({
        "kind": "review",
        "id": format!("{}-review", base.id.value),
        "title": format!("{}{}", base.title.value, suffix),
        "status": "final",
        "period": {
            "start": base.period.start.raw,
            "end": base.period.end.raw,
            "label": base.period.label,
        },
        "owner": base.owner.as_ref().map(|o| o.value.clone()),
        "org_unit": base.org_unit,
        "unit": base.unit.as_ref().map(|u| u.value.clone()),
        "lang": if zh { "zh" } else { "en" },
        "review": { "plan": base.id.value },
        "sections": [
            { "title": t1, "figures": overview },
            { "title": t2, "figures": performance },
        ],
    });
    let text = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
    let parsed = crate::source::yaml::parse(&text);
    let root = parsed
        .root
        .ok_or_else(|| crate::t!("review-outline-failed"))?;
    crate::source::de::from_node::<Plan>(&root).map_err(|e| e.message)
}
