//! Completion: the keys the schema allows at the cursor, enum values, money units after
//! a number, ids for references and plan ids for `parent:`.
//!
//! A buffer being typed into often does not parse, so the place is read from the text:
//! the indentation of the lines above gives the path of keys (block YAML, as plans are
//! written), and the schema says what may go there.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, Documentation,
    MarkupContent, MarkupKind,
};

use super::convert::path_of;
use super::tree::{self, Seg};
use super::Snapshot;
use crate::source::yaml::Node;

/// Keys whose values name an id declared elsewhere in the plan.
const REFERENCE_KEYS: &[&str] = &[
    "ref",
    "product",
    "products",
    "regions",
    "accounts",
    "campaign",
    "owner",
    "sales_target",
    "kpis",
    "listed",
    "rolls_up",
];

/// `textDocument/completion`.
pub fn complete(snap: &Snapshot, p: &CompletionParams) -> Option<CompletionResponse> {
    let pos = &p.text_document_position;
    let path = path_of(&pos.text_document.uri)?;
    let text = snap.text(&path)?;
    let offset = snap.offset(&text, pos.position);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    let (segs, key, typed) = place(&text[..line_start], prefix);
    let items = match key {
        None => keys(&segs),
        Some(key) => {
            let mut at = segs.clone();
            at.push(Seg::Key(key.clone()));
            values(snap, &path, &text, &at, &key, &typed)
        }
    };
    Some(CompletionResponse::Array(items))
}

/// The path of the mapping the cursor's line belongs to, the key whose value is being
/// typed (if past its colon) and what has been typed of that value.
fn place(before: &str, prefix: &str) -> (Vec<Seg>, Option<String>, String) {
    let indent = prefix.len() - prefix.trim_start().len();
    let mut rest = prefix.trim_start();
    let mut want = indent;
    let mut segs_rev: Vec<Seg> = Vec::new();
    let mut in_item = false;
    while let Some(r) = rest.strip_prefix("- ") {
        in_item = true;
        want += 2;
        rest = r.trim_start();
    }
    let (key, typed) = match rest.split_once(':') {
        Some((k, v)) => (
            Some(k.trim().to_owned()),
            v.trim_start().trim_start_matches('[').trim().to_owned(),
        ),
        None => (None, String::new()),
    };
    if in_item {
        segs_rev.push(Seg::Index(0));
        want = indent;
    }
    for line in before.lines().rev() {
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let i = line.len() - content.len();
        if i >= want {
            continue;
        }
        if let Some(item) = content.strip_prefix("- ") {
            // A list item that starts at a shallower indent: the cursor is in it when
            // its first key lines up with ours.
            let key_indent = i + 2 + (item.len() - item.trim_start().len());
            if key_indent == want {
                segs_rev.push(Seg::Index(0));
                want = i;
            }
            continue;
        }
        if let Some((k, v)) = content.split_once(':') {
            if v.trim().is_empty() || v.trim_start().starts_with('#') || v.trim() == "|" {
                segs_rev.push(Seg::Key(k.trim().to_owned()));
                want = i;
            }
        }
        if i == 0 {
            break;
        }
    }
    segs_rev.reverse();
    (segs_rev, key, typed)
}

fn keys(segs: &[Seg]) -> Vec<CompletionItem> {
    let Some(s) = tree::schema_at(segs) else {
        return Vec::new();
    };
    tree::properties(s)
        .into_iter()
        .map(|(k, doc)| CompletionItem {
            label: k.to_owned(),
            kind: Some(CompletionItemKind::PROPERTY),
            insert_text: Some(format!("{k}: ")),
            documentation: doc.map(markdown),
            ..CompletionItem::default()
        })
        .collect()
}

fn values(
    snap: &Snapshot,
    path: &std::path::Path,
    text: &str,
    at: &[Seg],
    key: &str,
    typed: &str,
) -> Vec<CompletionItem> {
    let mut out: Vec<CompletionItem> = Vec::new();
    let schema = tree::schema_at(at);
    if let Some(s) = schema {
        out.extend(tree::enum_values(s).into_iter().map(|v| CompletionItem {
            label: v.to_owned(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            ..CompletionItem::default()
        }));
    }
    // A number typed where a quantity goes: its unit.
    let number = typed
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .to_owned();
    if !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && schema.is_some_and(is_quantity)
    {
        for unit in ["亿元", "万元", "元", "%"] {
            out.push(CompletionItem {
                label: format!("{number}{unit}"),
                kind: Some(CompletionItemKind::UNIT),
                filter_text: Some(typed.to_owned()),
                ..CompletionItem::default()
            });
        }
    }
    if key == "parent" && typed.contains('#') {
        out.extend(parent_items(snap, typed));
    } else if key == "parent" {
        if let Some(ws) = snap.ws {
            let mut ids: Vec<&str> = ws.files.iter().filter_map(|f| f.id()).collect();
            ids.sort_unstable();
            ids.dedup();
            out.extend(ids.into_iter().map(|id| CompletionItem {
                label: id.to_owned(),
                kind: Some(CompletionItemKind::REFERENCE),
                ..CompletionItem::default()
            }));
        }
    }
    if REFERENCE_KEYS.contains(&key) {
        let lang = snap.lang(path, text);
        if let Some(root) = Snapshot::tree(text).or_else(|| tree_without_line(text)) {
            for (p, map) in tree::maps_with_key(&root, "id") {
                let Some(id) = map.get("id").and_then(Node::as_str) else {
                    continue;
                };
                if out.iter().any(|i| i.label == id) {
                    continue;
                }
                let section = tree::last_key(&p).unwrap_or("").to_owned();
                let name = map
                    .get("name")
                    .and_then(Node::as_str)
                    .unwrap_or("")
                    .to_owned();
                out.push(CompletionItem {
                    label: id.to_owned(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: Some(crate::t_in!(
                        lang,
                        "lsp-complete-id",
                        name = name,
                        section = section
                    )),
                    ..CompletionItem::default()
                });
            }
        }
    }
    out
}

/// `parent: plan#…`: the breakdown items of that plan, as `plan#item`.
fn parent_items(snap: &Snapshot, typed: &str) -> Vec<CompletionItem> {
    let plan = typed.split('#').next().unwrap_or("").trim();
    let Some(ws) = snap.ws else {
        return Vec::new();
    };
    let Some(file) = ws
        .plans_with_id(plan)
        .first()
        .and_then(|&i| ws.files.get(i))
    else {
        return Vec::new();
    };
    let Some(root) = snap.text(&file.path).and_then(|t| Snapshot::tree(&t)) else {
        return Vec::new();
    };
    let mut out: Vec<CompletionItem> = Vec::new();
    for (_, map) in tree::maps_with_key(&root, "ref") {
        let Some(item) = map.get("ref").and_then(Node::as_str) else {
            continue;
        };
        let label = format!("{plan}#{item}");
        if out.iter().any(|i| i.label == label) {
            continue;
        }
        out.push(CompletionItem {
            label,
            kind: Some(CompletionItemKind::REFERENCE),
            detail: map.get("name").and_then(Node::as_str).map(str::to_owned),
            ..CompletionItem::default()
        });
    }
    out
}

/// The tree of a text whose cursor line does not parse yet: parsed without that line.
fn tree_without_line(text: &str) -> Option<Node> {
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_end().ends_with(':'))
        .collect();
    Snapshot::tree(&kept.join("\n"))
}

/// Does the schema of a place take a quantity (`3.2亿元`, `15%`)?
fn is_quantity(s: &serde_json::Value) -> bool {
    let text = s.to_string();
    text.contains("#/$defs/Quantity")
}

fn markdown(s: &str) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: s.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_comes_from_indentation() {
        let before = "kind: region\ntargets:\n  - id: sales\n";
        let (segs, key, _) = place(before, "    na");
        assert_eq!(
            segs,
            vec![Seg::Key("targets".into()), Seg::Index(0)],
            "{segs:?}"
        );
        assert_eq!(key, None);
        let (segs, key, typed) = place("", "kind: reg");
        assert!(segs.is_empty());
        assert_eq!(key.as_deref(), Some("kind"));
        assert_eq!(typed, "reg");
        let (segs, _, _) = place("targets:\n", "  - ");
        assert_eq!(segs, vec![Seg::Key("targets".into()), Seg::Index(0)]);
    }

    #[test]
    fn keys_of_a_target_come_from_the_schema() {
        let k = keys(&[Seg::Key("targets".into()), Seg::Index(0)]);
        assert!(k.iter().any(|i| i.label == "breakdowns"));
        let kinds = tree::schema_at(&[Seg::Key("kind".into())]).map(tree::enum_values);
        assert!(kinds.is_some_and(|k| k.contains(&"company")));
    }
}
