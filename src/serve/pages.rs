//! The server's own pages: the workspace index (files with counts, the org tree) and the
//! wrapper around one file's report (its findings, the report in an `<iframe>`). Only
//! these pages carry script — the EventSource snippet that reloads on a change; the
//! reports are served as `render` writes them.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::{rel, served, State};
use crate::i18n::Lang;
use crate::model::Plan;
use crate::num::Scale;
use crate::render::index::href;
use crate::t_in;
use crate::workspace::FileId;

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:0;color:#1f2328}\
main{padding:1rem 1.5rem;max-width:72rem}\
header.bar{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;background:#f6f8fa;border-bottom:1px solid #d0d7de;font-size:.9rem}\
header.bar .live{margin-left:auto;color:#57606a}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border-bottom:1px solid #d8dee4;padding:.3rem .7rem;text-align:left}\
td.num{text-align:right;font-variant-numeric:tabular-nums}.err{color:#cf222e;font-weight:600}.warn{color:#9a6700}\
.ok{color:#1a7f37}pre.findings{background:#fff8f8;border:1px solid #f0c0c0;padding:.8rem;overflow:auto;font-size:.85rem;white-space:pre}\
section.diag{padding:0 1rem}details.diag{padding:.3rem 1rem}details.diag summary{cursor:pointer;color:#9a6700}p.stale{margin:0;padding:.5rem 1rem;background:#fff8c5;border-top:1px solid #d4a72c;font-weight:600}\
iframe{display:block;width:100%;height:calc(100vh - 2.6rem);border:0}iframe.stale{opacity:.75;height:80vh}";

/// Reloads the page when the workspace changes, keeping the report's scroll position.
const RELOAD: &str = "<script>(function(){var f=document.getElementById('report');\
var k='planc-scroll:'+location.pathname;\
if(f){f.addEventListener('load',function(){var y=sessionStorage.getItem(k);\
if(y){try{f.contentWindow.scrollTo(0,+y)}catch(e){}}})}\
var es=new EventSource('/events');\
es.addEventListener('change',function(){if(f){try{sessionStorage.setItem(k,f.contentWindow.scrollY)}catch(e){}}\
location.reload()})})();</script>";

/// Escapes text for HTML content and attributes (the XML escaping the charts use).
pub(crate) use crate::render::chart::esc;

fn head(lang: Lang, title: &str) -> String {
    let code = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>",
        esc(title)
    )
}

fn counts(lang: Lang, errors: usize, warnings: usize) -> String {
    if errors == 0 && warnings == 0 {
        return format!(
            "<span class=\"ok\">{}</span>",
            esc(&t_in!(lang, "serve-clean"))
        );
    }
    let class = if errors > 0 { "err" } else { "warn" };
    format!(
        "<span class=\"{class}\">{}</span>",
        esc(&t_in!(
            lang,
            "serve-counts",
            errors = errors,
            warnings = warnings
        ))
    )
}

/// The index: every served file with kind, status and counts, then the org tree.
pub(crate) fn index(state: &State) -> String {
    let lang = state.lang;
    let root = crate::source::display_path(&state.root);
    let mut h = head(lang, &t_in!(lang, "serve-index-title", root = root.clone()));
    let _ = write!(
        h,
        "<header class=\"bar\"><strong>planc serve</strong><span>{}</span>\
         <span class=\"live\">{}</span></header><main>",
        esc(&root),
        esc(&t_in!(lang, "serve-live"))
    );
    for p in &state.ws.problems {
        for f in &p.findings {
            let _ = write!(h, "<p class=\"err\">{}</p>", esc(&f.message));
        }
    }
    let ids = served(state);
    let _ = write!(h, "<h1>{}</h1>", esc(&t_in!(lang, "serve-files")));
    if ids.is_empty() {
        let _ = write!(h, "<p>{}</p>", esc(&t_in!(lang, "serve-none", root = root)));
    } else {
        let labels = state.renderer.labels(lang);
        let _ = write!(
            h,
            "<table id=\"files\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
             <th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(&t_in!(lang, "serve-col-file")),
            esc(&t_in!(lang, "serve-col-title")),
            esc(&t_in!(lang, "serve-col-kind")),
            esc(&t_in!(lang, "serve-col-status")),
            esc(&t_in!(lang, "serve-col-errors")),
            esc(&t_in!(lang, "serve-col-warnings")),
        );
        for &id in &ids {
            let file = &state.ws.files[id];
            let r = rel(state, id);
            let page = state.pages.get(&file.path);
            let (errors, warnings) = page.map_or((0, 0), |p| (p.errors, p.warnings));
            let (title, kind, status) = match file.plan.as_deref() {
                Some(p) => (
                    p.title.value.clone(),
                    labels.get(&format!("kind.{}", p.kind.value.as_str())),
                    labels.get(&format!("status.{}", status_key(p))),
                ),
                None => (String::new(), String::new(), String::new()),
            };
            let _ = write!(
                h,
                "<tr data-file=\"{r_attr}\"><td><a href=\"/plan/{link}\">{r_attr}</a></td>\
                 <td>{}</td><td>{}</td><td>{}</td>\
                 <td class=\"num errors{}\">{errors}</td><td class=\"num warnings{}\">{warnings}</td></tr>",
                esc(&title),
                esc(&kind),
                esc(&status),
                if errors > 0 { " err" } else { "" },
                if warnings > 0 { " warn" } else { "" },
                r_attr = esc(&r),
                link = href(std::path::Path::new(&r)),
            );
        }
        h.push_str("</tbody></table>");
    }
    org_tree(state, &ids, &mut h);
    h.push_str("</main>");
    h.push_str(RELOAD);
    h.push_str("</body></html>\n");
    h
}

fn status_key(p: &Plan) -> &'static str {
    match p.status.value {
        crate::model::Status::Draft => "draft",
        crate::model::Status::Final => "final",
    }
}

/// The org tree: each root plan with children, then its children, with each node's
/// target, what its parent allocated to it and the gap (figures from
/// `workspace::filled`).
fn org_tree(state: &State, ids: &[FileId], h: &mut String) {
    let lang = state.lang;
    let ws = &state.ws;
    let roots: Vec<FileId> = ids
        .iter()
        .copied()
        .filter(|&i| ws.link(i).is_none() && !ws.children(i).is_empty())
        .collect();
    let _ = write!(h, "<h2>{}</h2>", esc(&t_in!(lang, "serve-org-tree")));
    if let Some(as_of) = crate::review::monthly::latest_month(ws).filter(|_| !roots.is_empty()) {
        let _ = write!(
            h,
            "<p><a href=\"/monthly\">{}</a></p>",
            esc(&t_in!(lang, "serve-monthly-link", date = as_of.to_string()))
        );
    }
    if roots.is_empty() {
        let _ = write!(h, "<p>{}</p>", esc(&t_in!(lang, "serve-no-tree")));
        return;
    }
    let _ = write!(
        h,
        "<table id=\"org\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&t_in!(lang, "serve-col-unit")),
        esc(&t_in!(lang, "serve-col-target")),
        esc(&t_in!(lang, "serve-col-allocated")),
        esc(&t_in!(lang, "serve-col-gap")),
    );
    let mut seen = Vec::new();
    for r in roots {
        node(state, ids, r, 0, &mut seen, h);
    }
    h.push_str("</tbody></table>");
}

fn node(
    state: &State,
    ids: &[FileId],
    id: FileId,
    depth: usize,
    seen: &mut Vec<FileId>,
    h: &mut String,
) {
    if seen.contains(&id) {
        return;
    }
    seen.push(id);
    let ws = &state.ws;
    let Some(plan) = ws.files[id].plan.as_deref() else {
        return;
    };
    let filled = crate::workspace::filled(ws, id);
    let target = match &filled {
        Some(f) => plan.targets.iter().find(|t| t.id.as_str() == f.target),
        None => plan.targets.first(),
    };
    let unit = plan.money_unit();
    let money = target.is_some_and(|t| t.value.value.money_unit(unit).is_some());
    let scale = Scale::of(unit, state.lang);
    let show = |v: Option<Decimal>| match v {
        Some(v) if money => scale.money(v),
        Some(v) => crate::num::dec(v, 4),
        None => "—".to_owned(),
    };
    let planned = match &filled {
        Some(f) => f.planned,
        None => target.and_then(|t| t.value.value.base(unit)),
    };
    let allocated = filled.as_ref().and_then(|f| f.allocated);
    let gap = match (planned, allocated) {
        (Some(p), Some(a)) if p == a => "0".to_owned(),
        (Some(p), Some(a)) if p > a => format!("+{}", show(Some(p - a))),
        (Some(p), Some(a)) => format!("−{}", show(Some(a - p))),
        _ => "—".to_owned(),
    };
    let r = rel(state, id);
    let shown = ids.contains(&id);
    // As the consolidated report names a unit: a representative by name.
    let name = match (plan.kind.value, plan.owner.as_ref()) {
        (crate::model::Kind::Representative, Some(o)) => o.value.clone(),
        _ => plan
            .org_unit
            .clone()
            .unwrap_or_else(|| plan.title.value.clone()),
    };
    let label = if shown {
        format!(
            "<a href=\"/plan/{}\">{}</a>",
            href(std::path::Path::new(&r)),
            esc(&name)
        )
    } else {
        esc(&name)
    };
    let _ = write!(
        h,
        "<tr data-plan=\"{}\"><td style=\"padding-left:{}rem\">{label}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num gap\">{}</td></tr>",
        esc(&plan.id.value),
        0.7 + 1.5 * depth as f32,
        esc(&show(planned)),
        esc(&if filled.is_some() {
            show(allocated)
        } else {
            "—".into()
        }),
        esc(&gap),
    );
    let mut kids = ws.children(id);
    kids.sort_by(|a, b| ws.files[*a].path.cmp(&ws.files[*b].path));
    for k in kids {
        node(state, ids, k, depth + 1, seen, h);
    }
}

/// One file: its findings when it has any, its report (or, with errors, the last good
/// one, marked as out of date).
pub(crate) fn plan(state: &State, id: FileId) -> String {
    let lang = state.lang;
    let file = &state.ws.files[id];
    let r = rel(state, id);
    let link = href(std::path::Path::new(&r));
    let title = file
        .plan
        .as_deref()
        .map_or_else(|| r.clone(), |p| p.title.value.clone());
    let page = state.pages.get(&file.path);
    let mut h = head(lang, &title);
    let (errors, warnings) = page.map_or((0, 0), |p| (p.errors, p.warnings));
    let _ = write!(
        h,
        "<header class=\"bar\"><a href=\"/\">{}</a><strong>{}</strong><span id=\"counts\">{}</span>\
         <span class=\"live\">{}</span></header>",
        esc(&t_in!(lang, "serve-back")),
        esc(&r),
        counts(lang, errors, warnings),
        esc(&t_in!(lang, "serve-live")),
    );
    let Some(page) = page else {
        h.push_str(RELOAD);
        h.push_str("</body></html>\n");
        return h;
    };
    if let Some(trouble) = &page.trouble {
        let _ = write!(
            h,
            "<section class=\"diag\"><p class=\"err\">{}</p></section>",
            esc(&t_in!(lang, "serve-trouble", reason = trouble.clone()))
        );
    }
    if page.current.is_none() && !page.findings.is_empty() {
        let _ = write!(
            h,
            "<section class=\"diag\" id=\"findings\"><h2>{}</h2><p>{}</p><pre class=\"findings\">{}</pre></section>",
            esc(&t_in!(lang, "serve-findings")),
            esc(&t_in!(lang, "serve-errors-no-report")),
            esc(&page.findings)
        );
    }
    if page.current.is_some() && !page.findings.is_empty() {
        // Warnings only: the report renders; the findings fold away above it.
        let _ = write!(
            h,
            "<details class=\"diag\" id=\"findings\"><summary>{}</summary><pre class=\"findings\">{}</pre></details>",
            esc(&t_in!(lang, "serve-findings")),
            esc(&page.findings)
        );
    }
    if page.current.is_some() {
        let _ = write!(
            h,
            "<iframe id=\"report\" sandbox=\"allow-same-origin\" title=\"{}\" src=\"/report/{link}\"></iframe>",
            esc(&title)
        );
    } else if page.last_good.is_some() {
        let _ = write!(
            h,
            "<p class=\"stale\">{}</p><iframe id=\"report\" class=\"stale\" sandbox=\"allow-same-origin\" title=\"{}\" src=\"/last-good/{link}\"></iframe>",
            esc(&t_in!(lang, "serve-stale")),
            esc(&title)
        );
    } else {
        let _ = write!(
            h,
            "<section class=\"diag\"><p>{}</p></section>",
            esc(&t_in!(lang, "serve-no-last-good"))
        );
    }
    h.push_str(RELOAD);
    h.push_str("</body></html>\n");
    h
}

/// The monthly report's page: the report framed, reloaded when a file changes (a new
/// month's export lands), or why it cannot be made.
pub(crate) fn monthly(state: &State) -> String {
    let lang = state.lang;
    let title = t_in!(lang, "serve-monthly");
    let mut h = head(lang, &title);
    let _ = write!(
        h,
        "<header class=\"bar\"><a href=\"/\">{}</a><strong>{}</strong><span class=\"live\">{}</span></header>",
        esc(&t_in!(lang, "serve-back")),
        esc(&title),
        esc(&t_in!(lang, "serve-live")),
    );
    match super::monthly_report(state) {
        Ok(_) => {
            let _ = write!(
                h,
                "<iframe id=\"report\" sandbox=\"allow-same-origin\" title=\"{}\" src=\"/monthly/report\"></iframe>",
                esc(&title)
            );
        }
        Err(reason) => {
            let _ = write!(
                h,
                "<section class=\"diag\"><p class=\"err\">{}</p></section>",
                esc(&t_in!(lang, "serve-trouble", reason = reason))
            );
        }
    }
    h.push_str(RELOAD);
    h.push_str("</body></html>\n");
    h
}

/// The 404 page.
pub(crate) fn not_found(state: &State) -> String {
    let lang = state.lang;
    let mut h = head(lang, &t_in!(lang, "serve-not-found"));
    let _ = writeln!(
        h,
        "<main><h1>404</h1><p>{}</p><p><a href=\"/\">{}</a></p></main></body></html>",
        esc(&t_in!(lang, "serve-not-found")),
        esc(&t_in!(lang, "serve-back"))
    );
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
