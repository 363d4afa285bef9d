//! The message catalogue: every message exists in every language, every message the code
//! names exists, and every rule has a translated summary and doc.

use std::collections::BTreeSet;

use planc::i18n::{self, Lang};

/// The message ids a catalogue defines (`id = …` at the start of a line).
fn ids(lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, text) in i18n::sources(lang) {
        for line in text.lines() {
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            if !line.starts_with([' ', '#', '-', '.', '*', '[', '}'])
                && !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                out.insert(id.to_owned());
            }
        }
    }
    out
}

#[test]
fn every_message_exists_in_both_languages() {
    let en = ids(Lang::En);
    let zh = ids(Lang::Zh);
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(only_en.is_empty(), "messages only in English: {only_en:?}");
    assert!(only_zh.is_empty(), "messages only in Chinese: {only_zh:?}");
    assert!(en.len() > 20, "the catalogue looks empty: {} ids", en.len());
    for id in &en {
        assert!(
            i18n::has(Lang::En, id) && i18n::has(Lang::Zh, id),
            "{id} does not parse"
        );
    }
}

/// Every literal id passed to `t!` / `t_in!` in the sources.
fn used_ids() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for marker in ["t!(", "t_in!("] {
            for (i, _) in text.match_indices(marker) {
                // `format!(`, `print!(` … end in `t!(` too.
                let before = text[..i].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[i + marker.len()..];
                // `t_in!(lang, "id"…`: skip to the first string literal.
                let Some(q) = rest.find('"') else { continue };
                if rest[..q].contains(')') || rest[..q].contains(';') {
                    continue;
                }
                let rest = &rest[q + 1..];
                if let Some(end) = rest.find('"') {
                    let id = &rest[..end];
                    if !id.is_empty() && !id.contains(' ') {
                        out.insert(id.split('.').next().unwrap().to_owned());
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_names_exists() {
    let used = used_ids();
    assert!(
        used.len() > 20,
        "found only {} message ids in src/",
        used.len()
    );
    let missing: Vec<_> = used
        .iter()
        .filter(|id| !i18n::has(Lang::En, id) || !i18n::has(Lang::Zh, id))
        .collect();
    assert!(
        missing.is_empty(),
        "messages named in src/ but not in the catalogue: {missing:?}"
    );
}

#[test]
fn every_rule_has_a_chinese_summary_and_doc() {
    let missing: Vec<_> = planc::rules::REGISTRY
        .iter()
        .filter(|r| {
            i18n::docs_translated(Lang::Zh, r.code)
                .is_none_or(|t| t.summary.is_empty() || t.doc.is_empty())
        })
        .map(|r| r.code)
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a Chinese summary or doc: {missing:?}"
    );
}
