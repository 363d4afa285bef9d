//! Text edits at the spans planc holds: a scalar replaced keeping its quotes, a value
//! written as YAML, a mapping found by one of its values. Shared by the rules' fixes and
//! `allocate`, below both.

use crate::diagnostics::Edit;
use crate::source::yaml::Node;
use crate::source::SourceFile;

/// An edit that replaces the scalar at `span` with `value`, keeping the quotes it was
/// written with; a value that cannot stand unquoted in YAML is double-quoted.
pub fn scalar_edit(source: &SourceFile, span: crate::source::Span, value: &str) -> Option<Edit> {
    let written = source.text.get(span.start..span.end)?;
    // A block scalar (`>-`, `|`) or a value folded over lines: its span runs up to the
    // next key's indentation, so a replacement there would swallow what follows. No fix.
    if written.contains('\n') || written.starts_with(['|', '>']) {
        return None;
    }
    let replacement = match written.chars().next() {
        Some(q @ ('"' | '\'')) if written.len() >= 2 && written.ends_with(q) => {
            if q == '\'' {
                format!("'{}'", value.replace('\'', "''"))
            } else {
                format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
            }
        }
        _ => yaml_scalar(value),
    };
    Some(Edit { span, replacement })
}

/// `value` as a YAML scalar: plain when it reads back as itself, else double-quoted.
pub fn yaml_scalar(value: &str) -> String {
    if plain_safe(value) {
        value.to_owned()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Can `value` be written as a plain scalar that reads back as this same string, in block
/// and in flow context?
fn plain_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    value.trim() == value
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.chars().any(|c| ",[]{}\n\r\t".contains(c))
        && !matches!(value, "true" | "false" | "null" | "~")
}

/// The mapping in the tree that has `key` with a value at `span` (a breakdown item by its
/// `ref`, say), with the span from its first key to the end of its last value.
pub fn mapping_with<'a>(
    root: &'a Node,
    key: &str,
    span: crate::source::Span,
) -> Option<(&'a Node, usize, usize)> {
    use crate::source::yaml::Value;
    match &root.value {
        Value::Map(entries) => {
            if entries.iter().any(|e| e.key == key && e.value.span == span) {
                let start = entries.first()?.key_span.start;
                let end = entries.iter().map(|e| e.value.span.end).max()?;
                return Some((root, start, end));
            }
            entries
                .iter()
                .find_map(|e| mapping_with(&e.value, key, span))
        }
        Value::Seq(items) => items.iter().find_map(|n| mapping_with(n, key, span)),
        _ => None,
    }
}
