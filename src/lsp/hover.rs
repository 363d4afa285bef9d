//! Hover: the rule behind a diagnostic, what a reference points to, a field's doc.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::convert::{path_of, LineIndex};
use super::nav::{resolve, Target};
use super::tree::{self, locate, At};
use super::Snapshot;
use crate::i18n::Lang;

/// `textDocument/hover`: every part that applies, separated by rules.
pub fn hover(snap: &Snapshot, p: &HoverParams) -> Option<Hover> {
    let pos = &p.text_document_position_params;
    let path = path_of(&pos.text_document.uri)?;
    let text = snap.text(&path)?;
    let offset = snap.offset(&text, pos.position);
    let lang = snap.lang(&path, &text);
    let mut parts: Vec<String> = Vec::new();

    // The rules of the findings under the cursor.
    let report = snap.report(&path, &text);
    let mut codes: Vec<&str> = Vec::new();
    for f in &report.findings {
        let s = f.primary.span;
        if f.suppressed.is_none() && s.start <= offset && offset <= s.end.max(s.start + 1) {
            if codes.contains(&f.code) {
                continue;
            }
            codes.push(f.code);
            if let Some(rule) = crate::rules::lookup(f.code) {
                parts.push(format!(
                    "**{} {}** — {}\n\n{}{}",
                    rule.code,
                    rule.name,
                    crate::i18n::rule_summary(lang, rule),
                    first_section(crate::i18n::rule_doc(lang, rule)),
                    crate::t_in!(lang, "lsp-hover-explain", code = rule.code)
                ));
            }
        }
    }

    if let Some(root) = Snapshot::tree(&text) {
        match locate(&root, offset) {
            Some(At::Key { path: at, .. }) => {
                if let Some(d) = tree::schema_at(&at).and_then(tree::description) {
                    let d = crate::i18n::schema::description(lang, d);
                    parts.push(format!("**{}**\n\n{d}", tree::last_key(&at).unwrap_or("")));
                }
            }
            Some(At::Scalar { path: at, .. }) => {
                let figures = super::figures::figure(&root, &at, lang, snap.config.unit_request());
                if !figures.is_empty() {
                    parts.push(figures.join("\n\n"));
                }
                let targets = resolve(snap, &path, &root, offset);
                for t in &targets {
                    parts.push(describe(snap, t, lang));
                }
                if targets.is_empty() {
                    if let Some(d) = tree::schema_at(&at).and_then(tree::description) {
                        let d = crate::i18n::schema::description(lang, d);
                        parts.push(format!("**{}**\n\n{d}", tree::last_key(&at).unwrap_or("")));
                    }
                }
            }
            None => {}
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

/// "`xinmaian` — 心脉安 (products), east-china.plan.yaml:24".
fn describe(snap: &Snapshot, t: &Target, lang: Lang) -> String {
    let text = snap.text(&t.path).unwrap_or_default();
    let line = LineIndex::new(&text, snap.encoding)
        .position(t.span.start)
        .line
        + 1;
    let id = text.get(t.span.start..t.span.end).unwrap_or("").to_owned();
    let file = t
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = t.name.clone().unwrap_or_default();
    let section = t.section.clone().unwrap_or_default();
    let line = i64::from(line);
    if t.filled_by {
        crate::t_in!(
            lang,
            "lsp-hover-filled-by",
            name = name,
            file = file,
            line = line
        )
    } else {
        crate::t_in!(
            lang,
            "lsp-hover-ref",
            id = id,
            name = name,
            section = section,
            file = file,
            line = line
        )
    }
}

/// The body of a rule doc's first section (*What it does*), with a blank line after it.
fn first_section(doc: &str) -> String {
    let body = doc
        .trim_start()
        .strip_prefix("## ")
        .and_then(|rest| rest.split_once('\n'))
        .map_or("", |(_, body)| body);
    let body = body.split("\n## ").next().unwrap_or("").trim();
    if body.is_empty() {
        String::new()
    } else {
        format!("{body}\n\n")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_section_of_a_doc() {
        let doc = "## What it does\nAdds up.\n\n## Why is this bad?\nBecause.";
        assert_eq!(super::first_section(doc), "Adds up.\n\n");
        assert_eq!(super::first_section(""), "");
    }
}
