//! A computed allocation as text edits of the plan: each item's value that differs, the
//! seasonal index when it was computed from actuals, and a one-line provenance comment
//! above the breakdown's `items:`. Edits are made at the spans the tree holds, the way
//! `planc fix` makes them, so everything else is the user's text byte for byte.

use rust_decimal::Decimal;

use super::{base_of, format_value, Computed};
use crate::diagnostics::edit::{mapping_with, scalar_edit};
use crate::diagnostics::Edit;
use crate::model::Method;
use crate::source::yaml::{Node, Value};
use crate::source::{SourceFile, Span};

/// The comment's fixed start, in every language: how an existing one is recognised.
pub const PROVENANCE: &str = "# planc allocate";

/// The edits of the items whose value differs from the computed one.
pub fn value_edits(source: &SourceFile, c: &Computed) -> Vec<Edit> {
    let mut out = Vec::new();
    for (item, v) in c.breakdown.items.iter().zip(&c.values) {
        // An item written only as `share:` has no value to rewrite (its span is the
        // share's); allocation-drift (P113) says when its share no longer matches.
        if !item.value_written() || base_of(&item.value, c.whole, c.money) == Some(*v) {
            continue;
        }
        let text = format_value(*v, &item.value, c.whole, c.money);
        if let Some(e) = scalar_edit(source, item.value.span, &text) {
            out.push(e);
        }
    }
    out
}

/// Every edit `planc allocate` makes for one computed allocation.
pub fn edits(source: &SourceFile, root: &Node, c: &Computed) -> Vec<Edit> {
    let mut out = value_edits(source, c);
    if c.index_computed {
        out.extend(index_edit(source, root, c));
    }
    out.extend(last_year_edits(source, root, c));
    out.extend(provenance_edit(source, root, c));
    out
}

/// `{ Q1: 22.5%, Q2: 26%, … }` in item order.
fn index_text(ix: &[(String, Decimal)]) -> String {
    let parts: Vec<String> = ix
        .iter()
        .map(|(k, v)| {
            format!(
                "{}: {}%",
                crate::diagnostics::edit::yaml_scalar(k),
                v.normalize()
            )
        })
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

fn breakdown_node<'a>(root: &'a Node, c: &Computed) -> Option<&'a Node> {
    mapping_with(root, "dimension", c.breakdown.dimension.span).map(|(n, _, _)| n)
}

fn entry<'a>(node: &'a Node, key: &str) -> Option<&'a crate::source::yaml::Entry> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|e| e.key == key),
        _ => None,
    }
}

/// Is `offset` the first non-blank of its line? Then the line start.
fn line_head(text: &str, offset: usize) -> Option<usize> {
    let start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    text[start..offset]
        .chars()
        .all(|c| c == ' ')
        .then_some(start)
}

fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

fn index_edit(source: &SourceFile, root: &Node, c: &Computed) -> Option<Edit> {
    let ix = c.index.as_ref()?;
    if let Some(written) = &c.allocation.index {
        let same = written.value.len() == ix.len()
            && ix.iter().all(|(k, v)| {
                written
                    .value
                    .get(k)
                    .and_then(|q| q.amount)
                    .is_some_and(|w| w == *v)
            });
        if same {
            return None;
        }
        // A flow mapping's span runs from `{` to its last value: take its `}` too.
        let text = source.text.as_str();
        let mut end = written.span.end;
        if text[written.span.start..].starts_with('{') {
            let rest = &text[end..];
            let gap = rest.len() - rest.trim_start().len();
            if rest[gap..].starts_with('}') {
                end += gap + 1;
            }
        }
        return Some(Edit {
            span: Span::new(written.span.start, end),
            replacement: index_text(ix),
        });
    }
    // No index yet: a new key before `method:`, in the mapping's own style.
    let alloc = entry(breakdown_node(root, c)?, "allocation")?;
    let method = entry(&alloc.value, "method")?;
    let text = source.text.as_str();
    let at = method.key_span.start;
    let replacement = match line_head(text, at) {
        Some(_) => {
            let indent = " ".repeat(at - text[..at].rfind('\n').map_or(0, |i| i + 1));
            format!("index: {}{}{indent}", index_text(ix), newline(text))
        }
        None => format!("index: {}, ", index_text(ix)),
    };
    Some(Edit {
        span: Span::new(at, at),
        replacement,
    })
}

/// The mapping in the tree with an entry whose value is at `span` (an item by its key).
fn mapping_at(root: &Node, span: Span) -> Option<&Node> {
    match &root.value {
        Value::Map(entries) => {
            if entries.iter().any(|e| e.value.span == span) {
                return Some(root);
            }
            entries.iter().find_map(|e| mapping_at(&e.value, span))
        }
        Value::Seq(items) => items.iter().find_map(|n| mapping_at(n, span)),
        _ => None,
    }
}

/// Each item's `last_year` computed from actuals, where the plan states another figure
/// or none (a new key before the item's `value:`, in the mapping's own style).
fn last_year_edits(source: &SourceFile, root: &Node, c: &Computed) -> Vec<Edit> {
    let Some(lys) = &c.last_years else {
        return Vec::new();
    };
    let text = source.text.as_str();
    let mut out = Vec::new();
    for (item, ly) in c.breakdown.items.iter().zip(lys) {
        if item.hold.as_ref().is_some_and(|h| h.value) {
            continue;
        }
        let written = format_value(*ly, &item.value, c.whole, c.money);
        match &item.last_year {
            Some(l) if base_of(l, c.whole, c.money) == Some(*ly) => {}
            Some(l) => out.extend(scalar_edit(source, l.span, &written)),
            None => {
                let Some(value) = mapping_at(root, item.key.span).and_then(|n| entry(n, "value"))
                else {
                    continue;
                };
                let at = value.key_span.start;
                let replacement = match line_head(text, at) {
                    Some(line) => {
                        format!("last_year: {written}{}{}", newline(text), &text[line..at])
                    }
                    None => format!("last_year: {written}, "),
                };
                out.push(Edit {
                    span: Span::new(at, at),
                    replacement,
                });
            }
        }
    }
    out
}

/// The comment's text in the current language.
pub fn provenance(c: &Computed) -> String {
    let a = c.allocation;
    let method = if a.method.value == Method::Blend {
        let parts: Vec<String> = a
            .blend
            .iter()
            .map(|p| format!("{} {}", method_name(p.method.value), p.weight.raw.trim()))
            .collect();
        parts.join(" + ")
    } else {
        method_name(a.method.value)
    };
    let mut extra = String::new();
    if let Some(f) = &a.floor {
        extra.push_str(&crate::t!("alloc-prov-floor", floor = f.raw.trim()));
    }
    if let Some(cap) = &a.cap {
        extra.push_str(&crate::t!("alloc-prov-cap", cap = cap.raw.trim()));
    }
    let holds: Vec<&str> = c
        .breakdown
        .items
        .iter()
        .filter(|i| i.hold.as_ref().is_some_and(|h| h.value))
        .map(|i| i.key.as_str())
        .collect();
    if !holds.is_empty() {
        extra.push_str(&crate::t!(
            "alloc-prov-holds",
            holds = super::fmt_list(&holds)
        ));
    }
    format!(
        "{PROVENANCE}{}",
        crate::t!(
            "alloc-prov",
            method = method,
            round = c.unit_text.as_str(),
            extra = extra
        )
    )
}

fn provenance_edit(source: &SourceFile, root: &Node, c: &Computed) -> Option<Edit> {
    let items = entry(breakdown_node(root, c)?, "items")?;
    let text = source.text.as_str();
    let at = items.key_span.start;
    let line = line_head(text, at)?;
    let indent = &text[line..at];
    let wanted = format!("{indent}{}", provenance(c));
    // The line above, if it is our comment.
    if line > 0 {
        let prev_end = line - 1 - usize::from(text[..line - 1].ends_with('\r'));
        let prev_start = text[..prev_end].rfind('\n').map_or(0, |i| i + 1);
        let prev = &text[prev_start..prev_end];
        if prev.trim_start().starts_with(PROVENANCE) {
            if prev == wanted {
                return None;
            }
            return Some(Edit {
                span: Span::new(prev_start, prev_end),
                replacement: wanted,
            });
        }
    }
    Some(Edit {
        span: Span::new(line, line),
        replacement: format!("{wanted}{}", newline(text)),
    })
}

/// A method as the reader names it (`按上年实际` for `history`).
pub fn method_name(m: Method) -> String {
    match m {
        Method::Even => crate::t!("alloc-method-even"),
        Method::History => crate::t!("alloc-method-history"),
        Method::Weights => crate::t!("alloc-method-weights"),
        Method::Potential => crate::t!("alloc-method-potential"),
        Method::Seasonal => crate::t!("alloc-method-seasonal"),
        Method::Blend => crate::t!("alloc-method-blend"),
    }
}
