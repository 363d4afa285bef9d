//! Go to definition (ids and references, `parent:` across files) and document symbols.

use std::path::{Path, PathBuf};

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, Location, SymbolKind,
};

use super::convert::{path_of, uri_of, LineIndex};
use super::tree::{last_key, locate, maps_with, At, Seg};
use super::Snapshot;
use crate::source::yaml::{Node, Value};
use crate::source::Span;
use crate::workspace::ParentRef;

/// What a reference points to.
#[derive(Debug)]
pub struct Target {
    pub path: PathBuf,
    /// The span of the id (or the `ref`, the `parent:` value) that declares it.
    pub span: Span,
    /// The section it is declared in (`products`, `targets` …).
    pub section: Option<String>,
    /// Its `name`, when it has one.
    pub name: Option<String>,
    /// The plan that fills it (a child whose `parent:` names this item).
    pub filled_by: bool,
}

/// The declarations the scalar at `offset` refers to.
pub fn resolve(snap: &Snapshot, path: &Path, root: &Node, offset: usize) -> Vec<Target> {
    let Some(At::Scalar { path: at, node }) = locate(root, offset) else {
        return Vec::new();
    };
    let Some(value) = node.as_str() else {
        return Vec::new();
    };
    let key = last_key(&at).unwrap_or("");
    match key {
        "parent" => parent_targets(snap, path, value),
        "id" => Vec::new(),
        _ => {
            let mut out = declarations(path, root, value, node.span);
            if out.is_empty() && key == "rolls_up" {
                out = parent_of(snap, path, root)
                    .map(|(p, proot)| declarations(&p, &proot, value, Span::default()))
                    .unwrap_or_default();
            }
            if out.is_empty() && key == "ref" {
                out = fillers(snap, path, value);
            }
            out
        }
    }
}

/// The maps of a tree that declare `value` as their `id` (else, for people, as their
/// `name`), except the place asked about.
fn declarations(path: &Path, root: &Node, value: &str, except: Span) -> Vec<Target> {
    let found = |key: &str| -> Vec<Target> {
        maps_with(root, key, value)
            .into_iter()
            .filter_map(|(p, map)| {
                let span = map.get(key)?.span;
                (span != except).then(|| Target {
                    path: path.to_path_buf(),
                    span,
                    section: p.iter().find_map(|s| match s {
                        Seg::Key(k) => Some(k.clone()),
                        Seg::Index(_) => None,
                    }),
                    name: map.get("name").and_then(Node::as_str).map(str::to_owned),
                    filled_by: false,
                })
            })
            .collect()
    };
    let ids = found("id");
    if ids.is_empty() {
        found("name")
            .into_iter()
            .filter(|t| t.section.as_deref() == Some("people"))
            .collect()
    } else {
        ids
    }
}

/// `parent: plan#item` → the parent plan's id, or the item of its breakdown.
fn parent_targets(snap: &Snapshot, path: &Path, value: &str) -> Vec<Target> {
    let Some(ws) = snap.ws else {
        return Vec::new();
    };
    let spec = ParentRef::parse(value);
    let parent = ws
        .find_path(path)
        .and_then(|id| ws.link(id))
        .map(|l| l.parent)
        .or_else(|| ws.plans_with_id(&spec.plan).first().copied());
    let Some(file) = parent.and_then(|p| ws.files.get(p)) else {
        return Vec::new();
    };
    let Some(text) = snap.text(&file.path) else {
        return Vec::new();
    };
    let Some(proot) = Snapshot::tree(&text) else {
        return Vec::new();
    };
    if let Some(item) = &spec.item {
        let items: Vec<Target> = maps_with(&proot, "ref", item)
            .into_iter()
            .filter(|(p, _)| match &spec.dimension {
                Some(d) => {
                    p.len()
                        .checked_sub(2)
                        .and_then(|n| super::tree::node_at(&proot, &p[..n]))
                        .and_then(|b| b.get("dimension"))
                        .and_then(Node::as_str)
                        == Some(d.as_str())
                }
                None => true,
            })
            .filter_map(|(_, map)| {
                Some(Target {
                    path: file.path.clone(),
                    span: map.get("ref")?.span,
                    section: Some("breakdowns".into()),
                    name: map.get("name").and_then(Node::as_str).map(str::to_owned),
                    filled_by: false,
                })
            })
            .collect();
        if !items.is_empty() {
            return items;
        }
    }
    proot
        .get("id")
        .map(|n| Target {
            path: file.path.clone(),
            span: n.span,
            section: None,
            name: proot.get("title").and_then(Node::as_str).map(str::to_owned),
            filled_by: false,
        })
        .into_iter()
        .collect()
}

/// The parent plan of a file, with its tree.
fn parent_of(snap: &Snapshot, path: &Path, _root: &Node) -> Option<(PathBuf, Node)> {
    let ws = snap.ws?;
    let link = ws.link(ws.find_path(path)?)?;
    let p = ws.files.get(link.parent)?.path.clone();
    let tree = Snapshot::tree(&snap.text(&p)?)?;
    Some((p, tree))
}

/// The plans whose `parent:` names this item of the file: they fill it.
fn fillers(snap: &Snapshot, path: &Path, item: &str) -> Vec<Target> {
    let Some(ws) = snap.ws else {
        return Vec::new();
    };
    let Some(me) = ws.find_path(path) else {
        return Vec::new();
    };
    ws.children(me)
        .into_iter()
        .filter_map(|c| {
            let link = ws.link(c)?;
            (link.spec.item.as_deref() == Some(item)).then(|| {
                let file = &ws.files[c];
                Target {
                    path: file.path.clone(),
                    span: link.span,
                    section: None,
                    name: file
                        .plan
                        .as_ref()
                        .map(|p| p.title.value.clone())
                        .or_else(|| file.id().map(str::to_owned)),
                    filled_by: true,
                }
            })
        })
        .collect()
}

/// `textDocument/definition`.
pub fn definition(snap: &Snapshot, p: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let pos = &p.text_document_position_params;
    let path = path_of(&pos.text_document.uri)?;
    let text = snap.text(&path)?;
    let root = Snapshot::tree(&text)?;
    let offset = snap.offset(&text, pos.position);
    let locations: Vec<Location> = resolve(snap, &path, &root, offset)
        .into_iter()
        .filter_map(|t| location(snap, &t))
        .collect();
    (!locations.is_empty()).then_some(GotoDefinitionResponse::Array(locations))
}

/// The location of a target, in the client's encoding.
pub fn location(snap: &Snapshot, t: &Target) -> Option<Location> {
    let text = snap.text(&t.path)?;
    let range = LineIndex::new(&text, snap.encoding).range(t.span);
    Some(Location::new(uri_of(&t.path)?, range))
}

/// `textDocument/documentSymbol`: the top-level sections, and in them every item with an
/// id or a name (targets, campaigns, products …), nested as the plan nests them.
pub fn symbols(snap: &Snapshot, p: &DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let path = path_of(&p.text_document.uri)?;
    let text = snap.text(&path)?;
    let root = Snapshot::tree(&text)?;
    let index = LineIndex::new(&text, snap.encoding);
    let Value::Map(entries) = &root.value else {
        return None;
    };
    let out = entries
        .iter()
        .map(|e| {
            let kind = match &e.value.value {
                Value::Seq(_) => SymbolKind::NAMESPACE,
                Value::Map(_) => SymbolKind::OBJECT,
                _ => SymbolKind::FIELD,
            };
            let detail = e.value.as_str().map(str::to_owned);
            symbol(
                &index,
                e.key.clone(),
                detail,
                kind,
                span_of(e.key_span, e.value.span),
                e.key_span,
                items(&index, &e.value, 0),
            )
        })
        .collect();
    Some(DocumentSymbolResponse::Nested(out))
}

/// The items with an id or a name under a node, up to a few levels deep.
fn items(index: &LineIndex, node: &Node, depth: usize) -> Vec<DocumentSymbol> {
    if depth > 4 {
        return Vec::new();
    }
    let mut out = Vec::new();
    match &node.value {
        Value::Seq(list) => {
            for item in list {
                let label = ["id", "ref", "name", "title"]
                    .iter()
                    .find_map(|k| item.get(k).filter(|n| n.as_str().is_some()));
                match label {
                    Some(l) => {
                        let name = l.as_str().unwrap_or_default().to_owned();
                        let detail = item
                            .get("name")
                            .filter(|n| n.span != l.span)
                            .and_then(Node::as_str)
                            .map(str::to_owned);
                        out.push(symbol(
                            index,
                            name,
                            detail,
                            SymbolKind::OBJECT,
                            item.span,
                            l.span,
                            items(index, item, depth + 1),
                        ));
                    }
                    None => out.extend(items(index, item, depth + 1)),
                }
            }
        }
        Value::Map(entries) => {
            for e in entries {
                if matches!(e.value.value, Value::Seq(_)) {
                    let children = items(index, &e.value, depth + 1);
                    if !children.is_empty() {
                        out.push(symbol(
                            index,
                            e.key.clone(),
                            None,
                            SymbolKind::NAMESPACE,
                            span_of(e.key_span, e.value.span),
                            e.key_span,
                            children,
                        ));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

fn span_of(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
fn symbol(
    index: &LineIndex,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.is_empty() { "-".into() } else { name },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: index.range(span),
        selection_range: index.range(selection),
        children: (!children.is_empty()).then_some(children),
    }
}
