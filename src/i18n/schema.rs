//! The JSON Schemas' field descriptions in the user's language: the schemas are generated
//! from the Rust types' doc comments (English); `i18n/zh/schema.json` maps each English
//! description to its Chinese text, and [`translate`] rewrites a generated schema.
//!
//! Keyed by the English text, as gettext keys by its msgid, rather than by JSON pointer:
//! one type's description appears at many pointers (a `Quantity` under every figure) and
//! is translated once, and a doc comment that changes no longer matches its old
//! translation — the test that every description has one then fails, instead of a stale
//! Chinese text describing a field that now means something else.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Lang;

static ZH: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    // A catalogue that does not parse is a build defect the tests catch; without it the
    // English stays.
    serde_json::from_str(include_str!("../../i18n/zh/schema.json")).unwrap_or_default()
});

/// A schema description in `lang` (the English text when it has no translation).
pub fn description(lang: Lang, english: &str) -> &str {
    match lang {
        Lang::En => english,
        Lang::Zh => ZH.get(english).map_or(english, String::as_str),
    }
}

/// Rewrites every `description` of a generated schema into `lang`.
pub fn translate(schema: &mut serde_json::Value, lang: Lang) {
    if lang == Lang::En {
        return;
    }
    walk(schema, &mut |d| {
        if let Some(t) = ZH.get(d.as_str()) {
            *d = t.clone();
        }
    });
}

/// Every `description` of a schema (for the test that each has a translation).
pub fn descriptions(schema: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut schema = schema.clone();
    walk(&mut schema, &mut |d| out.push(d.clone()));
    out
}

fn walk(v: &mut serde_json::Value, f: &mut dyn FnMut(&mut String)) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                match x {
                    serde_json::Value::String(s) if k == "description" => f(s),
                    _ => walk(x, f),
                }
            }
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(|x| walk(x, f)),
        _ => {}
    }
}

/// Whether the translation table parses (a test holds it to every description).
pub fn table_size() -> usize {
    ZH.len()
}
