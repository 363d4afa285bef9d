//! Rule documentation per language. English is written beside each rule
//! ([`RuleInfo`](crate::rules::RuleInfo)); other languages live in `i18n/<lang>/rules.md`
//! (loading and per-file rules) and `i18n/<lang>/workspace.md` (actuals and cross-file
//! rules), one section per rule:
//!
//! ```text
//! <!-- P101 -->
//! One-line summary.
//!
//! ## 作用
//! …
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Lang;
use crate::rules::RuleInfo;

const ZH: [&str; 2] = [
    include_str!("../../i18n/zh/rules.md"),
    include_str!("../../i18n/zh/workspace.md"),
];

/// A translated rule: its summary line and its Markdown doc.
#[derive(Debug, Clone, Copy)]
pub struct Translated {
    pub summary: &'static str,
    pub doc: &'static str,
}

/// Splits a `rules.md` into its sections, keyed by rule code.
pub fn parse(text: &'static str) -> HashMap<&'static str, Translated> {
    let mut out = HashMap::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!-- ") {
        let after = &rest[start + 5..];
        let Some(end) = after.find(" -->") else { break };
        let code = after[..end].trim();
        let body_start = &after[end + 4..];
        let next = body_start
            .find("\n<!-- ")
            .map_or(body_start.len(), |i| i + 1);
        let body = body_start[..next].trim();
        let (summary, doc) = body.split_once('\n').unwrap_or((body, ""));
        out.insert(
            code,
            Translated {
                summary: summary.trim(),
                doc: doc.trim(),
            },
        );
        rest = &body_start[next..];
    }
    out
}

static ZH_DOCS: LazyLock<HashMap<&'static str, Translated>> =
    LazyLock::new(|| ZH.iter().flat_map(|t| parse(t)).collect());

/// The translation of a rule's summary and doc, if the language has one.
pub fn translated(lang: Lang, code: &str) -> Option<Translated> {
    match lang {
        Lang::En => None,
        Lang::Zh => ZH_DOCS.get(code).copied(),
    }
}

/// The rule's one-line summary in `lang` (English when there is no translation).
pub fn rule_summary(lang: Lang, rule: &RuleInfo) -> &'static str {
    translated(lang, rule.code).map_or(rule.summary, |t| t.summary)
}

/// The rule's Markdown doc in `lang` (English when there is no translation).
pub fn rule_doc(lang: Lang, rule: &RuleInfo) -> &'static str {
    translated(lang, rule.code).map_or(rule.doc, |t| t.doc)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sections_split_on_markers() {
        let m = super::parse("<!-- P1 -->\nOne.\n\n## A\nx\n<!-- P2 -->\nTwo.\n");
        assert_eq!(m["P1"].summary, "One.");
        assert_eq!(m["P1"].doc, "## A\nx");
        assert_eq!(m["P2"].summary, "Two.");
        assert_eq!(m["P2"].doc, "");
    }
}
