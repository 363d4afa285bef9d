//! Find references (`textDocument/references`): every place that names an id — in the
//! file that declares it (breakdown `ref`s, `product:`, `regions: [..]`, KPI and campaign
//! links …) and, across files, the child plans whose `parent:` names the plan or one of
//! its items and whose `rolls_up:` names one of its targets.

use std::path::{Path, PathBuf};

use lsp_types::{Location, ReferenceParams};

use super::convert::path_of;
use super::nav::{location, resolve, Target};
use super::tree::{last_key, locate, At};
use super::Snapshot;
use crate::source::yaml::{Node, Value};
use crate::source::Span;

/// `textDocument/references`.
pub fn references(snap: &Snapshot, p: &ReferenceParams) -> Option<Vec<Location>> {
    let pos = &p.text_document_position;
    let path = path_of(&pos.text_document.uri)?;
    let text = snap.text(&path)?;
    let root = Snapshot::tree(&text)?;
    let offset = snap.offset(&text, pos.position);
    let Some(At::Scalar { path: at, node }) = locate(&root, offset) else {
        return None;
    };
    // What the name under the cursor declares or points to.
    let declared: Vec<Target> = if last_key(&at) == Some("id") {
        vec![Target {
            path: path.clone(),
            span: node.span,
            section: None,
            name: None,
            filled_by: false,
        }]
    } else {
        resolve(snap, &path, &root, offset)
            .into_iter()
            .filter(|t| !t.filled_by)
            .collect()
    };
    let mut found: Vec<(PathBuf, Span)> = Vec::new();
    for t in &declared {
        let Some(dtext) = snap.text(&t.path) else {
            continue;
        };
        let Some(name) = dtext.get(t.span.start..t.span.end) else {
            continue;
        };
        let name = name.trim_matches(['"', '\'']);
        let Some(droot) = Snapshot::tree(&dtext) else {
            continue;
        };
        let own_id = droot.get("id").and_then(Node::as_str);
        for span in scalars_equal(&droot, name) {
            if span != t.span || p.context.include_declaration {
                found.push((t.path.clone(), span));
            }
        }
        found.extend(in_children(snap, &t.path, name, own_id == Some(name)));
    }
    found.sort_by(|a, b| (&a.0, a.1.start).cmp(&(&b.0, b.1.start)));
    found.dedup();
    let locations: Vec<Location> = found
        .into_iter()
        .filter_map(|(path, span)| {
            location(
                snap,
                &Target {
                    path,
                    span,
                    section: None,
                    name: None,
                    filled_by: false,
                },
            )
        })
        .collect();
    Some(locations)
}

/// The spans of the scalars whose whole text is `name` (ids are slugs: free text never
/// equals one), except under keys that hold prose.
fn scalars_equal(root: &Node, name: &str) -> Vec<Span> {
    const PROSE: &[&str] = &["text", "title", "description", "note", "summary", "label"];
    let mut out = Vec::new();
    let mut stack: Vec<(&Node, &str)> = vec![(root, "")];
    while let Some((node, key)) = stack.pop() {
        match &node.value {
            Value::Map(entries) => {
                for e in entries {
                    stack.push((&e.value, e.key.as_str()));
                }
            }
            Value::Seq(items) => stack.extend(items.iter().map(|n| (n, key))),
            Value::String(s) if s == name && !PROSE.contains(&key) => out.push(node.span),
            _ => {}
        }
    }
    out
}

/// In the plans whose `parent:` resolves to `parent`: their `parent:` when it names
/// `name` (the plan's id when `is_plan_id`, else an item), and `rolls_up: name`.
fn in_children(
    snap: &Snapshot,
    parent: &Path,
    name: &str,
    is_plan_id: bool,
) -> Vec<(PathBuf, Span)> {
    let Some(ws) = snap.ws else {
        return Vec::new();
    };
    let Some(me) = ws.find_path(parent) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in ws.children(me) {
        let Some(link) = ws.link(c) else { continue };
        let file = &ws.files[c];
        // Every resolved link names the plan itself (by its id or by its path).
        let names_it = if is_plan_id {
            true
        } else {
            link.spec.item.as_deref() == Some(name)
        };
        if names_it {
            out.push((file.path.clone(), link.span));
        }
        if !is_plan_id {
            let Some(ctext) = snap.text(&file.path) else {
                continue;
            };
            let Some(croot) = Snapshot::tree(&ctext) else {
                continue;
            };
            for (_, map) in super::tree::maps_with(&croot, "rolls_up", name) {
                if let Some(n) = map.get("rolls_up") {
                    out.push((file.path.clone(), n.span));
                }
            }
        }
    }
    out
}
