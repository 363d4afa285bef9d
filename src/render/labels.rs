//! The label catalogues: every word a report prints that does not come from the plan.
//!
//! The defaults are `templates/labels/zh.toml` and `en.toml`, embedded in the binary;
//! a `labels/<lang>.toml` in a `--templates` directory overrides any of their keys.

use std::collections::BTreeMap;
use std::path::Path;

pub use crate::model::Lang;

use super::RenderError;

const ZH: &str = include_str!("../../templates/labels/zh.toml");
const EN: &str = include_str!("../../templates/labels/en.toml");

/// One language's labels, keyed `group.name` (`section.targets`, `col.value`).
#[derive(Clone, Debug)]
pub struct Labels {
    pub lang: Lang,
    map: BTreeMap<String, String>,
}

impl Labels {
    /// The built-in catalogue for `lang`, with the keys of `overrides/labels/<lang>.toml`
    /// (when that file exists) replacing the defaults.
    pub fn load(lang: Lang, overrides: Option<&Path>) -> Result<Labels, RenderError> {
        let (name, text) = match lang {
            Lang::Zh => ("labels/zh.toml", ZH),
            Lang::En => ("labels/en.toml", EN),
        };
        let mut map = BTreeMap::new();
        flatten_into(&mut map, name, text)?;
        if let Some(dir) = overrides {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(t) => flatten_into(&mut map, &crate::source::display_path(&path), &t)?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(RenderError::Io {
                        path: path.clone(),
                        reason: crate::source::io_reason(&e),
                    })
                }
            }
        }
        Ok(Labels { lang, map })
    }

    /// The label, or the key itself so a missing label shows instead of vanishing.
    pub fn get(&self, key: &str) -> String {
        self.opt(key).unwrap_or(key).to_owned()
    }

    pub fn opt(&self, key: &str) -> Option<&str> {
        self.map.get(key).map(String::as_str)
    }

    /// The first of `keys` that exists.
    pub fn first(&self, keys: &[&str]) -> String {
        keys.iter()
            .find_map(|k| self.opt(k))
            .unwrap_or_else(|| keys.last().copied().unwrap_or_default())
            .to_owned()
    }

    /// The label with `{name}` placeholders filled in.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.get(key);
        for (k, v) in args {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    /// Every label, for templates (`L["col.value"]`).
    pub fn map(&self) -> &BTreeMap<String, String> {
        &self.map
    }
}

fn flatten_into(
    map: &mut BTreeMap<String, String>,
    name: &str,
    text: &str,
) -> Result<(), RenderError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| RenderError::Template {
        name: name.to_owned(),
        message: e.to_string(),
    })?;
    fn go(prefix: &str, t: &toml::Table, map: &mut BTreeMap<String, String>) {
        for (k, v) in t {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::Table(inner) => go(&key, inner, map),
                toml::Value::String(s) => {
                    map.insert(key, s.clone());
                }
                other => {
                    map.insert(key, other.to_string());
                }
            }
        }
    }
    go("", &table, map);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Chinese report speaks Chinese: no English word in a label (`优势（Strengths）`),
    /// beyond placeholders, acronyms (SWOT, KPI, CNY) and the names of tools and options
    /// a reader is pointed to.
    #[test]
    fn chinese_labels_carry_no_english_words() {
        let zh = Labels::load(Lang::Zh, None).unwrap();
        let allowed = ["planc", "allow", "--allow-errors", "Word", "Schema"];
        let mut bad = Vec::new();
        for (key, value) in zh.map() {
            let mut text = String::new();
            let mut depth = 0;
            for c in value.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => text.push(c),
                    _ => {}
                }
            }
            let words = text
                .split(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
                .filter(|w| w.chars().any(|c| c.is_ascii_lowercase()))
                .filter(|w| !allowed.contains(w));
            bad.extend(words.map(|w| format!("{key}: {w}")));
        }
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn catalogues_have_the_same_keys() {
        let zh = Labels::load(Lang::Zh, None).unwrap();
        let en = Labels::load(Lang::En, None).unwrap();
        let zk: Vec<_> = zh.map.keys().collect();
        let ek: Vec<_> = en.map.keys().collect();
        let only_zh: Vec<_> = zk.iter().filter(|k| !en.map.contains_key(**k)).collect();
        let only_en: Vec<_> = ek.iter().filter(|k| !zh.map.contains_key(**k)).collect();
        assert!(
            only_zh.is_empty() && only_en.is_empty(),
            "only zh: {only_zh:?}; only en: {only_en:?}"
        );
    }
}
