//! YAML text → [`Node`] tree where every value and every key carries its byte span.
//!
//! We build our own small tree from `rlsp-yaml-parser` events (YAML 1.2, byte spans,
//! scalars borrowed from the text where no escape or folding changes them; it agrees
//! with the YAML test suite — `tests/integration/yaml_conformance.rs` — and reads
//! planc's plans 17 % faster in instructions than `saphyr-parser` did, bench/README.md)
//! instead of deserializing straight from the event stream, because three later stages need positions:
//! schema errors arrive as JSON pointers, serde errors arrive from inside visitors,
//! and rules point at values of the typed model. The tree serves all three, from one
//! parse.
//!
//! Scalar typing is deliberately stricter than YAML 1.1: only `true`/`false` are
//! booleans, only `null`/`~`/empty are null, only plain decimal numerals are numbers.
//! `no`, `on`, `0755`, `1_000`, `.inf` and dates stay strings.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::Span;

/// Nesting deeper than this is refused (a plan needs perhaps 12 levels).
pub const MAX_DEPTH: usize = 64;
/// Larger files are refused (the parser's spans are 32-bit byte offsets).
pub const MAX_BYTES: usize = u32::MAX as usize;
/// A long line that holds a flow collection (`[…]` or `{…}`) costs the parser, for each
/// entry, a count of the characters before it on its line: the square of the line's
/// length, when the entries are many (160,000 one-line entries take 20 s). A line whose
/// entries' character offsets add up to more than this (about a second's work) is
/// refused unread. A long line of text, or a few long entries, is read as usual.
pub const MAX_FLOW_LINE_COST: u64 = 10_000_000_000;
/// Lines shorter than this are never costed.
const FLOW_LINE_SCAN_BYTES: usize = 64 * 1024;
/// Alias expansion is refused past this many nodes (defends against "billion laughs").
pub const MAX_ALIAS_NODES: usize = 20_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A plain numeral, kept as written so decimals stay exact.
    Number(String),
    String(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// A problem found while reading YAML. `fatal` problems leave no tree.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub kind: YamlErrorKind,
    pub message: String,
    pub span: Span,
    /// A secondary location (e.g. the first occurrence of a duplicate key).
    pub related: Option<(Span, String)>,
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    Syntax,
    DuplicateKey,
    Limit,
    Empty,
}

impl Default for Node {
    fn default() -> Self {
        Node {
            value: Value::Null,
            span: Span::default(),
        }
    }
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) | Value::Number(s) => Some(s),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// Follows an RFC 6901 JSON pointer. Returns the node and, when the last step was a
    /// mapping key, that key's span.
    pub fn pointer(&self, pointer: &str) -> Option<(&Node, Option<Span>)> {
        let mut node = self;
        let mut key_span = None;
        if pointer.is_empty() {
            return Some((node, None));
        }
        for raw in pointer.strip_prefix('/')?.split('/') {
            let seg: Cow<str> = if raw.contains('~') {
                Cow::Owned(raw.replace("~1", "/").replace("~0", "~"))
            } else {
                Cow::Borrowed(raw)
            };
            match &node.value {
                Value::Map(entries) => {
                    let e = entries.iter().find(|e| e.key == seg)?;
                    key_span = Some(e.key_span);
                    node = &e.value;
                }
                Value::Seq(items) => {
                    node = items.get(seg.parse::<usize>().ok()?)?;
                    key_span = None;
                }
                _ => return None,
            }
        }
        Some((node, key_span))
    }

    /// The JSON view of the tree, for schema validation.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(raw) => {
                if let Ok(i) = raw.parse::<i64>() {
                    J::from(i)
                } else if let Some(n) = raw
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                {
                    J::Number(n)
                } else {
                    J::String(raw.clone())
                }
            }
            Value::String(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|e| (e.key.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// Visits every string scalar with its span and its path of keys.
    pub fn walk_strings<'a>(&'a self, f: &mut dyn FnMut(&'a str, Span, &[&'a str])) {
        fn go<'a>(
            node: &'a Node,
            path: &mut Vec<&'a str>,
            f: &mut dyn FnMut(&'a str, Span, &[&'a str]),
        ) {
            match &node.value {
                Value::String(s) => f(s, node.span, path),
                Value::Seq(items) => items.iter().for_each(|n| go(n, path, f)),
                Value::Map(entries) => {
                    for e in entries {
                        path.push(&e.key);
                        go(&e.value, path, f);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        go(self, &mut Vec::new(), f);
    }
}

enum Frame {
    Seq {
        start: usize,
        anchor: Option<String>,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: Option<String>,
        entries: Vec<Entry>,
        /// The pending key; `None` text: a list or mapping used as a key (reported;
        /// its entry is dropped).
        key: Option<(Option<String>, Span)>,
        index: Option<HashMap<String, usize>>,
    },
}

/// The result of parsing: a tree when the syntax allowed one, and every problem found.
pub struct Parsed {
    pub root: Option<Node>,
    pub errors: Vec<YamlError>,
}

/// Builds the [`Node`] tree from parser events, whichever parser sends them.
struct Builder {
    errors: Vec<YamlError>,
    stack: Vec<Frame>,
    anchors: HashMap<String, Node>,
    root: Option<Node>,
    alias_nodes: usize,
    documents: usize,
}

/// Stop reading. `keep`: the tree built so far stands (a second document follows the
/// first); otherwise there is no tree.
struct Stop {
    keep: bool,
}

impl Builder {
    fn new() -> Self {
        Builder {
            errors: Vec::new(),
            stack: Vec::new(),
            anchors: HashMap::new(),
            root: None,
            alias_nodes: 0,
            documents: 0,
        }
    }

    fn fail(&mut self, kind: YamlErrorKind, message: String, span: Span) {
        self.errors.push(YamlError {
            kind,
            message,
            span,
            related: None,
            help: None,
        });
    }

    fn document_start(&mut self, span: Span) -> Result<(), Stop> {
        self.documents += 1;
        if self.documents > 1 {
            self.fail(
                YamlErrorKind::Syntax,
                crate::t!("yaml-second-document"),
                span,
            );
            return Err(Stop { keep: true });
        }
        Ok(())
    }

    fn alias(&mut self, name: &str, span: Span) -> Result<(), Stop> {
        let Some(node) = self.anchors.get(name) else {
            self.fail(
                YamlErrorKind::Syntax,
                crate::t!("yaml-unknown-anchor"),
                span,
            );
            return Err(Stop { keep: false });
        };
        self.alias_nodes += count_nodes(node);
        if self.alias_nodes > MAX_ALIAS_NODES {
            self.fail(
                YamlErrorKind::Limit,
                crate::t!("yaml-alias-limit", limit = MAX_ALIAS_NODES),
                span,
            );
            return Err(Stop { keep: false });
        }
        let mut copy = node.clone();
        copy.span = span;
        self.complete(copy, None);
        Ok(())
    }

    /// rlsp-yaml-parser 0.11.1 hands the tag of an empty value (`a: !!str` at the end of
    /// its line) to the next scalar instead, which then sits after the empty node it
    /// belongs to. Gives it back: true when the previous empty node took the tag.
    fn retag_empty(&mut self, tag_start: usize, text: bool) -> bool {
        let last = match self.stack.last_mut() {
            Some(Frame::Map {
                entries, key: None, ..
            }) => entries.last_mut().map(|e| &mut e.value),
            Some(Frame::Seq { items, .. }) => items.last_mut(),
            _ => None,
        };
        match last {
            Some(node) if node.value == Value::Null && node.span.start > tag_start => {
                if text {
                    node.value = Value::String(String::new());
                }
                true
            }
            _ => false,
        }
    }

    fn scalar(&mut self, value: Value, span: Span, anchor: Option<String>) {
        self.complete(Node { value, span }, anchor);
    }

    fn start(&mut self, seq: bool, span: Span, anchor: Option<String>) -> Result<(), Stop> {
        if self.stack.len() >= MAX_DEPTH {
            self.fail(
                YamlErrorKind::Limit,
                crate::t!("yaml-depth-limit", limit = MAX_DEPTH),
                span,
            );
            return Err(Stop { keep: false });
        }
        self.stack.push(if seq {
            Frame::Seq {
                start: span.start,
                anchor,
                items: Vec::new(),
            }
        } else {
            Frame::Map {
                start: span.start,
                anchor,
                entries: Vec::new(),
                key: None,
                index: None,
            }
        });
        Ok(())
    }

    fn end(&mut self, span: Span) {
        let (node, anchor) = match self.stack.pop() {
            Some(Frame::Seq {
                start,
                anchor,
                items,
            }) => {
                let end = items.last().map_or(span.end, |n| n.span.end.max(start));
                (
                    Node {
                        value: Value::Seq(items),
                        span: Span::new(start, end),
                    },
                    anchor,
                )
            }
            Some(Frame::Map {
                start,
                anchor,
                entries,
                ..
            }) => {
                let end = entries
                    .last()
                    .map_or(span.end, |e| e.value.span.end.max(start));
                (
                    Node {
                        value: Value::Map(entries),
                        span: Span::new(start, end),
                    },
                    anchor,
                )
            }
            None => return,
        };
        self.complete(node, anchor);
    }

    fn complete(&mut self, node: Node, anchor: Option<String>) {
        if let Some(a) = anchor {
            self.anchors.insert(a, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                key,
                index,
                ..
            }) => match key.take() {
                None => {
                    let k = match node.value {
                        Value::String(s) | Value::Number(s) => Some(s),
                        Value::Bool(b) => Some(b.to_string()),
                        Value::Null => Some(String::new()),
                        _ => {
                            self.errors.push(YamlError {
                                kind: YamlErrorKind::Syntax,
                                message: crate::t!("yaml-complex-key"),
                                span: node.span,
                                related: None,
                                help: None,
                            });
                            None
                        }
                    };
                    *key = Some((k, node.span));
                }
                // Reported above; no entry, so no unknown-field or duplicate-key noise.
                Some((None, _)) => {}
                Some((Some(k), key_span)) => {
                    let previous = find_key(entries, index, &k);
                    if let Some(i) = previous {
                        self.errors.push(YamlError {
                            kind: YamlErrorKind::DuplicateKey,
                            message: crate::t!("yaml-duplicate-key", key = k.clone()),
                            span: key_span,
                            related: Some((entries[i].key_span, crate::t!("label-first-defined"))),
                            help: Some(crate::t!("yaml-duplicate-key-help")),
                        });
                    } else {
                        if let Some(ix) = index {
                            ix.insert(k.clone(), entries.len());
                        }
                        entries.push(Entry {
                            key: k,
                            key_span,
                            value: node,
                        });
                    }
                }
            },
        }
    }

    fn finish(mut self) -> Parsed {
        if self.root.is_none() && self.errors.is_empty() {
            self.fail(
                YamlErrorKind::Empty,
                crate::t!("yaml-empty-file"),
                Span::new(0, 0),
            );
        }
        if let Some(Node {
            value: Value::Null, ..
        }) = self.root
        {
            self.fail(
                YamlErrorKind::Empty,
                crate::t!("yaml-only-comments"),
                Span::new(0, 0),
            );
            self.root = None;
        }
        Parsed {
            root: self.root,
            errors: self.errors,
        }
    }

    fn stop(self, stop: Stop) -> Parsed {
        if stop.keep {
            return self.finish();
        }
        Parsed {
            root: None,
            errors: self.errors,
        }
    }

    /// A syntax error ends the parse: no tree.
    fn syntax(mut self, text: &str, at: usize, info: &str) -> Parsed {
        let at = at.min(text.len());
        let end = text[at..]
            .char_indices()
            .nth(1)
            .map(|(i, _)| at + i)
            .unwrap_or(at);
        self.errors.push(syntax_error(text, at, end, info));
        Parsed {
            root: None,
            errors: self.errors,
        }
    }
}

/// Reads one YAML document into a tree. Never fails: the errors come back with it.
pub fn parse(text: &str) -> Parsed {
    use rlsp_yaml_parser::{Event as E, ScalarStyle as S};
    let mut b = Builder::new();
    // The parser's spans are 32-bit byte offsets.
    if text.len() > MAX_BYTES {
        b.fail(
            YamlErrorKind::Limit,
            crate::t!("yaml-size-limit", limit = MAX_BYTES),
            Span::new(0, 0),
        );
        return b.stop(Stop { keep: false });
    }
    if let Some((at, entries, kb)) = long_flow_line(text) {
        b.fail(
            YamlErrorKind::Limit,
            crate::t!("yaml-flow-line-limit", entries = entries, kb = kb),
            Span::new(at, at + 1),
        );
        return b.stop(Stop { keep: false });
    }
    for ev in rlsp_yaml_parser::parse_events(text) {
        let (event, raw) = match ev {
            Ok(x) => x,
            Err(e) => return b.syntax(text, e.pos.byte_offset, &e.message),
        };
        let span = Span::new(raw.start as usize, raw.end as usize);
        let flow = match event {
            E::StreamStart | E::StreamEnd | E::Comment { .. } | E::DocumentEnd { .. } => Ok(()),
            E::DocumentStart { .. } => b.document_start(span),
            E::Alias { name } => b.alias(name, span),
            E::Scalar { value, style, meta } => {
                let (anchor, tag, tag_start) = match meta {
                    Some(m) => (
                        m.anchor.map(str::to_owned),
                        m.tag,
                        m.tag_loc.map_or(span.start, |l| l.start as usize),
                    ),
                    None => (None, None, span.start),
                };
                // `!!str`, and the non-specific tag `!` (a bare `!` makes a plain scalar
                // text: `! ` is the empty string, not null).
                let mut forced_str = tag
                    .as_deref()
                    .is_some_and(|t| t == "tag:yaml.org,2002:str" || t == "!");
                if tag.is_some() && b.retag_empty(tag_start, forced_str) {
                    forced_str = false;
                }
                b.scalar(
                    type_scalar(value, style == S::Plain, forced_str),
                    span,
                    anchor,
                );
                Ok(())
            }
            E::SequenceStart { meta, .. } => {
                b.start(true, span, meta.and_then(|m| m.anchor.map(str::to_owned)))
            }
            E::MappingStart { meta, .. } => {
                b.start(false, span, meta.and_then(|m| m.anchor.map(str::to_owned)))
            }
            E::SequenceEnd | E::MappingEnd => {
                b.end(span);
                Ok(())
            }
        };
        if let Err(stop) = flow {
            return b.stop(stop);
        }
    }
    b.finish()
}

/// Where a line too costly to parse ([`MAX_FLOW_LINE_COST`]) opens its flow collection,
/// with the number of its entries (commas) and the line's length in KB.
fn long_flow_line(text: &str) -> Option<(usize, u64, usize)> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if line.len() > FLOW_LINE_SCAN_BYTES {
            if let Some(open) = line.find(['[', '{']) {
                let (mut cost, mut entries) = (0u64, 0u64);
                for (chars, c) in line.chars().enumerate() {
                    if c == ',' {
                        entries += 1;
                        cost += chars as u64;
                    }
                }
                if cost > MAX_FLOW_LINE_COST {
                    return Some((start + open, entries + 1, line.len() / 1024));
                }
            }
        }
        start += line.len();
    }
    None
}

/// A parser error in the user's terms: a tab in the indentation is pointed at the tab, a
/// bare `>=` or `|` value is recognised as a block-scalar indicator to be quoted.
fn syntax_error(text: &str, at: usize, end: usize, info: &str) -> YamlError {
    let error = |message, span, help| YamlError {
        kind: YamlErrorKind::Syntax,
        message,
        span,
        related: None,
        help,
    };
    if info.contains("quoted scalar") || info.starts_with("continuation line") {
        // A quote left open runs on into the next lines; the parser stops there. Point
        // at the quote that was opened.
        if let Some(quote) = opening_quote(text, at) {
            return error(
                crate::t!("yaml-unclosed-quote"),
                Span::new(quote, quote + 1),
                Some(crate::t!("yaml-unclosed-quote-help")),
            );
        }
    }
    if info.contains("tab") {
        // The parser stops where the tab is noticed, often at the end of the line before.
        if let Some(tab) = indentation_tab(text, at) {
            return error(
                crate::t!("yaml-tab-indent"),
                Span::new(tab, tab + 1),
                Some(crate::t!("yaml-tab-indent-help")),
            );
        }
    }
    if info.contains("block scalar") {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = &text[line_start..line_end];
        if let Some((key, value)) = line.split_once(": ") {
            let value = value.trim();
            let v_start = line_start + line.find(": ").unwrap_or(0) + 2;
            let v_start = v_start + (text[v_start..].len() - text[v_start..].trim_start().len());
            if value.starts_with(['>', '|']) && value.len() > 1 {
                let key = key.trim().trim_start_matches("- ");
                return error(
                    crate::t!("yaml-indicator-value", value = value.to_owned()),
                    Span::new(v_start, v_start + value.len()),
                    Some(crate::t!(
                        "yaml-indicator-value-help",
                        key = key.to_owned(),
                        value = value.to_owned()
                    )),
                );
            }
        }
    }
    // The parser's own words, sorted into the families a user can act on; its text is
    // kept in English output only (a Chinese reader gets the family's message).
    let lower = info.to_ascii_lowercase();
    let info = info.to_owned();
    let message = if lower.contains("indent") && !lower.contains("flow") {
        crate::t!("yaml-indentation", info = info)
    } else if lower.contains("flow") || lower.contains("comma") || lower.contains("missing closing")
    {
        crate::t!("yaml-flow", info = info)
    } else if lower.contains("mapping") || lower.contains("colon") || lower.contains("key") {
        crate::t!("yaml-mapping", info = info)
    } else {
        crate::t!("yaml-syntax", info = info)
    };
    error(
        message,
        Span::new(at, end),
        Some(crate::t!("yaml-syntax-help")),
    )
}

/// The quote that opens the value (`key: "…` or `- '…`) closest before `at` whose line
/// does not close it.
fn opening_quote(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at.min(text.len())];
    let mut offset = before.len();
    for line in before.lines().rev().take(50) {
        offset = before[..offset].rfind(line).unwrap_or(0);
        let trimmed = line.trim_start().trim_start_matches("- ");
        let value = match trimmed.find(": ") {
            Some(i) => trimmed[i + 2..].trim_start(),
            None => trimmed,
        };
        let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let rest = &value[1..];
        let closed = if q == '"' {
            rest.replace("\\\\", "").replace("\\\"", "").contains('"')
        } else {
            rest.replace("''", "").contains('\'')
        };
        if !closed {
            return Some(offset + (line.len() - value.len()));
        }
        return None;
    }
    None
}

/// The byte offset of the first tab in the indentation of a line at or after the line of
/// `at`.
fn indentation_tab(text: &str, at: usize) -> Option<usize> {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let mut offset = line_start;
    for line in text[line_start..].split_inclusive('\n').take(3) {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(i) = line[..indent].find('\t') {
            return Some(offset + i);
        }
        offset += line.len();
    }
    None
}

fn find_key(
    entries: &[Entry],
    index: &mut Option<HashMap<String, usize>>,
    key: &str,
) -> Option<usize> {
    const LINEAR_LIMIT: usize = 16;
    if index.is_none() && entries.len() >= LINEAR_LIMIT {
        *index = Some(
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.key.clone(), i))
                .collect(),
        );
    }
    match index {
        Some(ix) => ix.get(key).copied(),
        None => entries.iter().position(|e| e.key == key),
    }
}

fn count_nodes(node: &Node) -> usize {
    1 + match &node.value {
        Value::Seq(items) => items.iter().map(count_nodes).sum(),
        Value::Map(entries) => entries.iter().map(|e| 1 + count_nodes(&e.value)).sum(),
        _ => 0,
    }
}

fn type_scalar(raw: Cow<'_, str>, plain: bool, forced_str: bool) -> Value {
    // `into_owned` reuses the scanner's buffer when it already allocated one.
    if forced_str || !plain {
        return Value::String(raw.into_owned());
    }
    match &*raw {
        "" | "~" | "null" => Value::Null,
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        s if is_numeral(s) => Value::Number(raw.into_owned()),
        _ => Value::String(raw.into_owned()),
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` — JSON's numerals, nothing else.
pub fn is_numeral(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'-') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let int_start = i;
    let n = digits(&mut i);
    if n == 0 || (n > 1 && b[int_start] == b'0') {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// All keys used anywhere in the tree (used to keep suggestions relevant).
pub fn keys(node: &Node) -> HashSet<&str> {
    let mut out = HashSet::new();
    fn go<'a>(n: &'a Node, out: &mut HashSet<&'a str>) {
        match &n.value {
            Value::Seq(items) => items.iter().for_each(|i| go(i, out)),
            Value::Map(entries) => entries.iter().for_each(|e| {
                out.insert(e.key.as_str());
                go(&e.value, out);
            }),
            _ => {}
        }
    }
    go(node, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        let p = parse(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        p.root.unwrap()
    }

    #[test]
    fn strict_scalars() {
        let n = root(
            "a: no\nb: on\nc: 0755\nd: 1_000\ne: 12.50\nf: true\ng: ~\nh: '12'\ni: 2026-01-01\n",
        );
        let get = |k| n.get(k).unwrap().value.clone();
        assert_eq!(get("a"), Value::String("no".into()));
        assert_eq!(get("b"), Value::String("on".into()));
        assert_eq!(get("c"), Value::String("0755".into()));
        assert_eq!(get("d"), Value::String("1_000".into()));
        assert_eq!(get("e"), Value::Number("12.50".into()));
        assert_eq!(get("f"), Value::Bool(true));
        assert_eq!(get("g"), Value::Null);
        assert_eq!(get("h"), Value::String("12".into()));
        assert_eq!(get("i"), Value::String("2026-01-01".into()));
    }

    #[test]
    fn spans_are_bytes_with_cjk() {
        let text = "标题: 华东大区\n金额: 3.2亿元\n";
        let n = root(text);
        let e = n.entry("金额").unwrap();
        assert_eq!(&text[e.key_span.start..e.key_span.end], "金额");
        assert_eq!(&text[e.value.span.start..e.value.span.end], "3.2亿元");
    }

    #[test]
    fn duplicate_keys_are_reported_with_both_places() {
        let p = parse("a: 1\nb: 2\na: 3\n");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].kind, YamlErrorKind::DuplicateKey);
        assert_eq!(p.errors[0].span, Span::new(10, 11));
        assert_eq!(p.errors[0].related.as_ref().unwrap().0, Span::new(0, 1));
    }

    #[test]
    fn a_list_as_key_is_one_error_and_no_entry() {
        let p = parse("a: 1\n? [x, y]\n: 2\n? {z: 1}\n: 3\n");
        assert_eq!(p.errors.len(), 2, "{:?}", p.errors);
        assert!(p.errors.iter().all(|e| e.kind == YamlErrorKind::Syntax));
        let Some(Node {
            value: Value::Map(entries),
            ..
        }) = p.root
        else {
            panic!("a mapping")
        };
        assert_eq!(entries.len(), 1);
    }

    #[test]
    fn a_bare_tag_is_text() {
        let p = parse("a: !\nb: ! 12\nc: !!str\n");
        let root = p.root.unwrap();
        assert_eq!(root.get("a").unwrap().value, Value::String(String::new()));
        assert_eq!(root.get("b").unwrap().value, Value::String("12".into()));
        assert_eq!(root.get("c").unwrap().value, Value::String(String::new()));
    }

    #[test]
    fn tabs_and_block_indicators_are_explained_where_they_are() {
        let p = parse("a: 1\nb:\n\tc: 2\n");
        assert_eq!(p.errors[0].span, Span::new(8, 9), "{:?}", p.errors);
        assert!(p.errors[0].help.is_some());
        let text = "k:\n  comparator: >=\n  target: 5\n";
        let p = parse(text);
        let e = &p.errors[0];
        assert_eq!(&text[e.span.start..e.span.end], ">=", "{e:?}");
        assert!(e.help.as_deref().unwrap().contains("\">=\""), "{e:?}");
    }

    #[test]
    fn an_unclosed_quote_is_pointed_at() {
        for text in [
            "a: 1\ntitle: \"未闭合的引号\nstatus: final\n",
            "a: 1\nlist:\n  - 'open\nb: 2\n",
        ] {
            let p = parse(text);
            let e = &p.errors[0];
            assert_eq!(
                e.message,
                crate::t!("yaml-unclosed-quote"),
                "{text:?}: {e:?}"
            );
            assert!(
                matches!(&text[e.span.start..e.span.end], "\"" | "'"),
                "{e:?}"
            );
        }
    }

    #[test]
    fn alias_bomb_fails_fast() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let p = parse(&text);
        assert!(p.root.is_none());
        assert_eq!(p.errors[0].kind, YamlErrorKind::Limit);
    }

    #[test]
    fn deep_nesting_fails_fast() {
        let text = "[".repeat(10_000);
        let p = parse(&text);
        assert!(p.root.is_none());
        assert!(!p.errors.is_empty());
    }

    #[test]
    fn pointer_lookup() {
        let n = root("targets:\n  - id: total\n    value: 3亿元\n");
        let (v, key) = n.pointer("/targets/0/value").unwrap();
        assert_eq!(v.as_str(), Some("3亿元"));
        assert!(key.is_some());
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(parse("").errors[0].kind, YamlErrorKind::Empty);
        assert_eq!(parse("# nothing\n").errors[0].kind, YamlErrorKind::Empty);
    }
}
