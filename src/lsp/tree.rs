//! What is at a byte offset of a YAML tree, and what the schema says about that place.

use serde_json::Value as Json;

use crate::source::yaml::{Node, Value};
use crate::source::Span;

/// A step from the root to a node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// The innermost thing at an offset.
#[derive(Debug)]
pub enum At<'a> {
    /// On a mapping key; `path` ends with that key.
    Key { path: Vec<Seg>, span: Span },
    /// On a scalar value; `path` leads to it.
    Scalar { path: Vec<Seg>, node: &'a Node },
}

impl At<'_> {
    pub fn path(&self) -> &[Seg] {
        match self {
            At::Key { path, .. } | At::Scalar { path, .. } => path,
        }
    }
}

/// The key or scalar under `offset` (a cursor just after a word still counts).
pub fn locate(root: &Node, offset: usize) -> Option<At<'_>> {
    let mut path = Vec::new();
    let mut node = root;
    loop {
        match &node.value {
            Value::Map(entries) => {
                let mut next = None;
                for e in entries {
                    if e.key_span.start <= offset && offset <= e.key_span.end {
                        path.push(Seg::Key(e.key.clone()));
                        return Some(At::Key {
                            path,
                            span: e.key_span,
                        });
                    }
                    if e.value.span.start <= offset && offset <= e.value.span.end {
                        next = Some((Seg::Key(e.key.clone()), &e.value));
                    }
                }
                let (seg, n) = next?;
                path.push(seg);
                node = n;
            }
            Value::Seq(items) => {
                let (i, n) = items
                    .iter()
                    .enumerate()
                    .find(|(_, n)| n.span.start <= offset && offset <= n.span.end)?;
                path.push(Seg::Index(i));
                node = n;
            }
            _ => return Some(At::Scalar { path, node }),
        }
    }
}

/// The node at a path.
pub fn node_at<'a>(root: &'a Node, path: &[Seg]) -> Option<&'a Node> {
    let mut node = root;
    for seg in path {
        node = match (seg, &node.value) {
            (Seg::Key(k), Value::Map(_)) => node.get(k)?,
            (Seg::Index(i), Value::Seq(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The last key of a path (the field a value belongs to; `products` for an item of a
/// `products: [a, b]` list).
pub fn last_key(path: &[Seg]) -> Option<&str> {
    path.iter().rev().find_map(|s| match s {
        Seg::Key(k) => Some(k.as_str()),
        Seg::Index(_) => None,
    })
}

/// Every mapping in the tree whose `key` is the scalar `value`, with the path to it.
pub fn maps_with<'a>(root: &'a Node, key: &str, value: &str) -> Vec<(Vec<Seg>, &'a Node)> {
    maps_where(root, key, Some(value))
}

/// Every mapping in the tree that has `key`, with the path to it.
pub fn maps_with_key<'a>(root: &'a Node, key: &str) -> Vec<(Vec<Seg>, &'a Node)> {
    maps_where(root, key, None)
}

fn maps_where<'a>(root: &'a Node, key: &str, value: Option<&str>) -> Vec<(Vec<Seg>, &'a Node)> {
    fn walk<'a>(
        n: &'a Node,
        key: &str,
        value: Option<&str>,
        path: &mut Vec<Seg>,
        out: &mut Vec<(Vec<Seg>, &'a Node)>,
    ) {
        match &n.value {
            Value::Map(entries) => {
                let here = n.get(key);
                if here.is_some_and(|h| value.is_none() || h.as_str() == value) {
                    out.push((path.clone(), n));
                }
                for e in entries {
                    path.push(Seg::Key(e.key.clone()));
                    walk(&e.value, key, value, path, out);
                    path.pop();
                }
            }
            Value::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    walk(item, key, value, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, key, value, &mut Vec::new(), &mut out);
    out
}

/// The schema of plan files (generated once).
pub fn schema() -> &'static Json {
    static SCHEMA: std::sync::LazyLock<Json> = std::sync::LazyLock::new(crate::schema::generate);
    &SCHEMA
}

/// Follows `$ref`s to the schema they name.
fn resolve<'a>(root: &'a Json, mut s: &'a Json) -> &'a Json {
    for _ in 0..16 {
        let Some(r) = s.get("$ref").and_then(Json::as_str) else {
            break;
        };
        match r.strip_prefix('#').and_then(|p| root.pointer(p)) {
            Some(t) => s = t,
            None => break,
        }
    }
    s
}

/// The schema's branches of a place: itself, or each branch of `anyOf`/`oneOf`/`allOf`
/// (an `Option<T>` is `anyOf [T, null]`), resolved.
fn branches<'a>(root: &'a Json, s: &'a Json, out: &mut Vec<&'a Json>, depth: usize) {
    let s = resolve(root, s);
    if depth > 8 {
        return;
    }
    out.push(s);
    for k in ["anyOf", "oneOf", "allOf"] {
        if let Some(list) = s.get(k).and_then(Json::as_array) {
            for b in list {
                branches(root, b, out, depth + 1);
            }
        }
    }
}

/// The schema of the value at `path` (the property schema as written, with its own
/// description, before `$ref` is followed).
pub fn schema_at(path: &[Seg]) -> Option<&'static Json> {
    let root = schema();
    let mut s = root;
    for seg in path {
        let mut bs = Vec::new();
        branches(root, s, &mut bs, 0);
        s = bs.into_iter().find_map(|b| match seg {
            Seg::Key(k) => b.get("properties").and_then(|p| p.get(k)),
            Seg::Index(_) => b.get("items"),
        })?;
    }
    Some(s)
}

/// The description of a place: its own, else its type's.
pub fn description(s: &'static Json) -> Option<&'static str> {
    let root = schema();
    let mut bs = Vec::new();
    branches(root, s, &mut bs, 0);
    s.get("description").and_then(Json::as_str).or_else(|| {
        bs.iter()
            .find_map(|b| b.get("description").and_then(Json::as_str))
    })
}

/// The keys the schema allows in the mapping at a place, with their descriptions.
pub fn properties(s: &'static Json) -> Vec<(&'static str, Option<&'static str>)> {
    let root = schema();
    let mut bs = Vec::new();
    branches(root, s, &mut bs, 0);
    let mut out: Vec<(&str, Option<&str>)> = Vec::new();
    for b in bs {
        if let Some(p) = b.get("properties").and_then(Json::as_object) {
            for (k, v) in p {
                if !out.iter().any(|(o, _)| o == k) {
                    out.push((k.as_str(), description(v)));
                }
            }
        }
    }
    out
}

/// The values the schema allows at a place, when it lists them (`enum`/`const`).
pub fn enum_values(s: &'static Json) -> Vec<&'static str> {
    let root = schema();
    let mut bs = Vec::new();
    branches(root, s, &mut bs, 0);
    let mut out = Vec::new();
    for b in bs {
        if let Some(list) = b.get("enum").and_then(Json::as_array) {
            out.extend(list.iter().filter_map(Json::as_str));
        }
        if let Some(c) = b.get("const").and_then(Json::as_str) {
            out.push(c);
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_keys_and_values() {
        let text = "kind: region\ntargets:\n  - { id: sales, value: 3亿元 }\n";
        let root = crate::source::yaml::parse(text)
            .root
            .unwrap_or_else(|| Node {
                value: Value::Null,
                span: Span::default(),
            });
        let at = locate(&root, text.find("value").unwrap_or_default() + 1);
        assert!(matches!(at, Some(At::Key { ref path, .. })
            if path == &[Seg::Key("targets".into()), Seg::Index(0), Seg::Key("value".into())]));
        let at = locate(&root, text.find("sales").unwrap_or_default());
        assert!(matches!(at, Some(At::Scalar { node, .. }) if node.as_str() == Some("sales")));
    }

    #[test]
    fn the_schema_describes_nested_fields() {
        let path = [
            Seg::Key("targets".into()),
            Seg::Index(0),
            Seg::Key("product".into()),
        ];
        let s = schema_at(&path).and_then(description).unwrap_or_default();
        assert!(s.contains("products"), "{s}");
        let kind = schema_at(&[Seg::Key("kind".into())]).map(enum_values);
        assert!(kind.is_some_and(|k| k.contains(&"region")));
    }
}
