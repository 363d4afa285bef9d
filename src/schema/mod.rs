//! The JSON Schema of a plan: generated from the model types (schemars), committed as
//! `schemas/plan.schema.json`, and used to validate every file (jsonschema) so a user
//! sees all shape errors at once. Errors come back as JSON pointers; we map them onto
//! spans through the YAML tree.

mod tree_json;

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::{json, Value as Json};

use crate::diagnostics::Finding;
use crate::model::{Kind, Plan};
use crate::rules::builtin;
use crate::source::yaml::{Node, Value};
use crate::source::Span;

/// The schema as committed in `schemas/plan.schema.json`.
pub fn generate() -> Json {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<Plan>();
    let mut value = serde_json::to_value(schema).expect("a generated schema serializes");
    let conditions: Vec<Json> = Kind::ALL
        .iter()
        .map(|k| {
            json!({
                "if": { "properties": { "kind": { "const": k.as_str() } }, "required": ["kind"] },
                "then": { "required": k.required_sections() }
            })
        })
        .collect();
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "$id".into(),
            json!("https://planc.dev/schemas/plan.schema.json"),
        );
        obj.insert("allOf".into(), Json::Array(conditions));
    }
    value
}

/// Pretty JSON with a trailing newline, as committed.
pub fn generate_pretty() -> String {
    generate_pretty_in(crate::i18n::Lang::En)
}

/// [`generate_pretty`] with its descriptions in `lang` (`planc schema --lang zh`).
pub fn generate_pretty_in(lang: crate::i18n::Lang) -> String {
    let mut schema = generate();
    crate::i18n::schema::translate(&mut schema, lang);
    let mut s = serde_json::to_string_pretty(&schema).expect("schema serializes");
    s.push('\n');
    s
}

struct Compiled {
    schema: Json,
    validator: jsonschema::Validator<tree_json::TreeJson>,
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let schema = generate();
        let validator = jsonschema::options_for::<tree_json::TreeJson>()
            .should_validate_formats(false)
            .build(&schema)
            .expect("the generated schema compiles");
        Compiled { schema, validator }
    })
}

/// Sequences longer than this are validated one window of items at a time: the
/// validator collects every error of a run before it hands back the first, so a
/// sequence of a million invalid entries would otherwise hold a million errors at once.
const WINDOW: usize = 1024;

/// Validates the tree against the plan schema; every error becomes a finding, up to
/// [`crate::diagnostics::MAX_PER_CODE`] (the rest are counted in one finding).
///
/// The tree is handed back as it came; while it is checked, each long sequence holds
/// one window of its items at a time (moved, not copied).
pub fn validate(root: &mut Node) -> Vec<Finding> {
    let compiled = compiled();
    if compiled.validator.is_valid(&*root) {
        return Vec::new();
    }
    let mut findings = Vec::new();
    let mut beyond = 0usize;
    let mut long = Vec::new();
    long_sequences(root, &mut Vec::new(), &mut String::new(), &mut long);
    // Everything but the long sequences (empty for this pass: the schema has no
    // `minItems`, so an empty sequence adds no error of its own).
    let mut stash: Vec<Vec<Node>> = long
        .iter()
        .map(|(path, _)| std::mem::take(seq_at(root, path)))
        .collect();
    let whole = Shift::default();
    run(compiled, root, &whole, &mut findings, &mut beyond);
    for ((path, pointer), items) in long.iter().zip(stash.iter_mut()) {
        let mut rest = std::mem::take(items).into_iter();
        let mut done = Vec::new();
        let mut start = 0;
        loop {
            let window: Vec<Node> = rest.by_ref().take(WINDOW).collect();
            if window.is_empty() {
                break;
            }
            let n = window.len();
            *seq_at(root, path) = window;
            let shift = Shift {
                prefix: format!("{pointer}/"),
                offset: start,
            };
            run(compiled, root, &shift, &mut findings, &mut beyond);
            done.append(seq_at(root, path));
            start += n;
        }
        *items = done;
    }
    for ((path, _), items) in long.iter().zip(stash) {
        *seq_at(root, path) = items;
    }
    findings.sort_by_key(|f| (f.primary.span, f.message.clone()));
    findings.dedup_by(|a, b| a.primary.span == b.primary.span && a.message == b.message);
    if beyond > 0 {
        findings.push(crate::diagnostics::omitted(&builtin::SCHEMA, beyond));
    }
    findings
}

fn run(
    compiled: &Compiled,
    root: &Node,
    shift: &Shift,
    findings: &mut Vec<Finding>,
    beyond: &mut usize,
) {
    if compiled.validator.is_valid(root) {
        return;
    }
    for error in compiled.validator.iter_errors(root) {
        map_error(root, &compiled.schema, shift, &error, findings, beyond);
    }
}

/// Where the items of a window really stand: a pointer under `prefix` has its first
/// index raised by `offset` (in messages; the tree is read with the pointer as given).
#[derive(Default)]
struct Shift {
    prefix: String,
    offset: usize,
}

impl Shift {
    /// Whether an error at `pointer` is this run's to report.
    fn covers(&self, pointer: &str) -> bool {
        pointer.starts_with(self.prefix.as_str())
    }

    fn apply<'a>(&self, pointer: &'a str) -> std::borrow::Cow<'a, str> {
        if self.prefix.is_empty() {
            return pointer.into();
        }
        let Some(rest) = pointer.strip_prefix(self.prefix.as_str()) else {
            return pointer.into();
        };
        let (index, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        match index.parse::<usize>() {
            Ok(i) => format!("{}{}{tail}", self.prefix, i + self.offset).into(),
            Err(_) => pointer.into(),
        }
    }
}

/// The outermost sequences longer than [`WINDOW`]: their path (child positions from the
/// root) and JSON pointer.
fn long_sequences(
    node: &Node,
    path: &mut Vec<usize>,
    pointer: &mut String,
    out: &mut Vec<(Vec<usize>, String)>,
) {
    match &node.value {
        Value::Seq(items) if items.len() > WINDOW => out.push((path.clone(), pointer.clone())),
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                path.push(i);
                long_sequences(item, path, pointer, out);
                path.pop();
                pointer.truncate(len);
            }
        }
        Value::Map(entries) => {
            for (i, e) in entries.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&e.key.replace('~', "~0").replace('/', "~1"));
                path.push(i);
                long_sequences(&e.value, path, pointer, out);
                path.pop();
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// The items of the sequence at `path` (as [`long_sequences`] found it).
fn seq_at<'a>(mut node: &'a mut Node, path: &[usize]) -> &'a mut Vec<Node> {
    for &i in path {
        node = match &mut node.value {
            Value::Seq(items) => &mut items[i],
            Value::Map(entries) => &mut entries[i].value,
            _ => unreachable!("a path from long_sequences"),
        };
    }
    match &mut node.value {
        Value::Seq(items) => items,
        _ => unreachable!("a path from long_sequences"),
    }
}

fn map_error(
    root: &Node,
    schema: &Json,
    shift: &Shift,
    error: &jsonschema::ValidationError<'_>,
    out: &mut Vec<Finding>,
    beyond: &mut usize,
) {
    // A flood (a million invalid entries, all in one `anyOf` of an optional section) is
    // counted past the cap, never turned into findings.
    // Each error of an `anyOf` branch counts as its own (below).
    let full = out.len() >= crate::diagnostics::MAX_PER_CODE;
    let any_of = matches!(
        error.kind(),
        ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. }
    );
    let pointer = error.instance_path().as_str();
    // A window's run sees the rest of the tree again: what lies outside the window was
    // reported by the first run.
    if !any_of && !shift.covers(pointer) {
        return;
    }
    if full && !any_of {
        *beyond += 1;
        return;
    }
    let kind = error.kind();
    // The validator's own English text, only where no message of ours fits.
    let fallback = || error.to_string();
    let (node, key_span) = root.pointer(pointer).unwrap_or((root, None));
    let at = describe_path(&shift.apply(pointer));
    match kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed = allowed_keys(schema, root, pointer);
            for key in unexpected {
                let span = node.entry(key).map_or(node.span, |e| e.key_span);
                let mut f = Finding::new(
                    &builtin::UNKNOWN_FIELD,
                    span,
                    in_place("schema-unknown-field", key, &at),
                )
                .label(crate::t!("schema-unknown-field-label"));
                f.help = Some(
                    match crate::suggest::did_you_mean(key, allowed.iter().map(String::as_str)) {
                        Some(s) => crate::t!("did-you-mean", suggestion = s.to_owned()),
                        None if !allowed.is_empty() => {
                            crate::t!("schema-fields-allowed", fields = allowed.join(", "))
                        }
                        None => crate::t!("schema-remove-it"),
                    },
                );
                out.push(f);
            }
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let span = key_span.unwrap_or_else(|| first_line(node));
            let is_section = pointer.is_empty();
            let message = if is_section {
                match root.get("kind").and_then(Node::as_str) {
                    _ if matches!(name, "kind" | "id" | "title" | "status" | "period") => {
                        crate::t!("schema-missing-field", subject = name.to_owned())
                    }
                    Some(kind) => crate::t!(
                        "schema-missing-section",
                        kind = kind.to_owned(),
                        field = name.to_owned()
                    ),
                    None => crate::t!("schema-missing-section-any", field = name.to_owned()),
                }
            } else {
                in_place("schema-missing-field", name, &at)
            };
            let label = if is_section {
                crate::t!("schema-in-this-plan")
            } else {
                crate::t!("schema-in-this-entry")
            };
            out.push(
                Finding::new(&builtin::SCHEMA, span, message)
                    .label(label)
                    .help(crate::t!("schema-add-field", field = name.to_owned())),
            );
        }
        ValidationErrorKind::Enum { options } => {
            let opts: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(Json::as_str).collect())
                .unwrap_or_default();
            out.push(not_allowed(node, &at, &opts));
        }
        ValidationErrorKind::Constant { expected_value } => {
            let opts: Vec<&str> = expected_value.as_str().into_iter().collect();
            out.push(not_allowed(node, &at, &opts));
        }
        ValidationErrorKind::Type { kind } => {
            let types: Vec<String> = match kind {
                TypeKind::Single(t) => vec![t.to_string()],
                TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
            };
            let expected = types
                .iter()
                .map(|t| type_name(t, false))
                .collect::<Vec<_>>()
                .join(&crate::t!("word-or"));
            // "a list or number": the article goes with the first type.
            let expected_a = std::iter::once(type_name(&types[0], true))
                .chain(types[1..].iter().map(|t| type_name(t, false)))
                .collect::<Vec<_>>()
                .join(&crate::t!("word-or"));
            let message = if at.is_empty() {
                crate::t!(
                    "schema-type",
                    expected = expected_a,
                    found = describe_node(node)
                )
            } else {
                crate::t!(
                    "schema-type.at",
                    expected = expected_a,
                    at = at.clone(),
                    found = describe_node(node)
                )
            };
            out.push(
                Finding::new(&builtin::SCHEMA, node.span, message)
                    .label(crate::t!("schema-type-label", expected = expected)),
            );
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // Every branch rejects the same value for not being its constant (the plan
            // kinds, one branch each): one finding listing every allowed value.
            if let Some((path, opts)) = constants_of_all_branches(context) {
                if !shift.covers(&path) {
                    return;
                }
                if full {
                    *beyond += 1;
                    return;
                }
                let (node, _) = root.pointer(&path).unwrap_or((root, None));
                let opts: Vec<&str> = opts.iter().map(String::as_str).collect();
                out.push(not_allowed(
                    node,
                    &describe_path(&shift.apply(&path)),
                    &opts,
                ));
                return;
            }
            // `Option<T>` is `anyOf [T, null]`: report the errors of the non-null branch.
            let branch = context
                .iter()
                .find(|errs| {
                    !errs.iter().all(|e| {
                        matches!(e.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(t) } if t.to_string() == "null")
                    })
                })
                .or_else(|| context.first());
            match branch {
                Some(errs) if !errs.is_empty() => {
                    for e in errs {
                        map_error(root, schema, shift, e, out, beyond);
                    }
                }
                _ if !shift.covers(pointer) => {}
                _ if full => *beyond += 1,
                _ => out.push(Finding::new(&builtin::SCHEMA, node.span, fallback())),
            }
        }
        _ => out.push(Finding::new(
            &builtin::SCHEMA,
            node.span,
            if at.is_empty() {
                fallback()
            } else {
                crate::t!("schema-other-at", message = fallback(), at = at)
            },
        )),
    }
}

/// When every branch of an `anyOf`/`oneOf` fails only because one value is not its
/// constant, that value's path and every branch's constant.
fn constants_of_all_branches(
    context: &[Vec<jsonschema::ValidationError<'_>>],
) -> Option<(String, Vec<String>)> {
    let mut path: Option<String> = None;
    let mut opts = Vec::new();
    for errs in context {
        let mut found = false;
        for e in errs {
            if let ValidationErrorKind::Constant { expected_value } = e.kind() {
                let p = e.instance_path().as_str().to_owned();
                if path.as_ref().is_some_and(|q| *q != p) {
                    return None;
                }
                path = Some(p);
                if let Some(v) = expected_value.as_str() {
                    if !opts.iter().any(|o| o == v) {
                        opts.push(v.to_owned());
                    }
                }
                found = true;
            }
        }
        if !found {
            return None;
        }
    }
    path.filter(|_| opts.len() > 1).map(|p| (p, opts))
}

/// A value that is not one of `opts`: the allowed values listed, the nearest suggested.
fn not_allowed(node: &Node, at: &str, opts: &[&str]) -> Finding {
    let found = match &node.value {
        Value::String(s) | Value::Number(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    };
    let allowed = opts
        .iter()
        .map(|o| format!("`{o}`"))
        .collect::<Vec<_>>()
        .join(&crate::t!("list-sep"));
    let help = match crate::suggest::value_alias(&found, opts)
        .or_else(|| crate::suggest::did_you_mean(&found, opts.iter().copied()))
    {
        Some(s) => crate::t!(
            "schema-not-allowed-suggest",
            suggestion = s.to_owned(),
            allowed = allowed
        ),
        None => crate::t!("schema-allowed-values", allowed = allowed),
    };
    Finding::new(
        &builtin::SCHEMA,
        node.span,
        in_place("schema-not-allowed", &found, at),
    )
    .label(crate::t!("schema-not-allowed-label"))
    .help(help)
}

/// A message about `subject`, with ` in `path`` when the path is known.
fn in_place(id: &str, subject: &str, at: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("subject", subject.to_owned());
    if at.is_empty() {
        crate::i18n::tr(id, Some(&args))
    } else {
        args.set("at", at.to_owned());
        crate::i18n::tr(&format!("{id}.at"), Some(&args))
    }
}

/// JSON Schema type names the way YAML users know them (`with_article`: "a list").
fn type_name(t: &str, with_article: bool) -> String {
    let id = match t {
        "array" => "type-list",
        "object" => "type-mapping",
        "string" => "type-text",
        "number" => "type-number",
        "integer" => "type-integer",
        "boolean" => "type-boolean",
        "null" => "type-null",
        other => return other.to_owned(),
    };
    if with_article {
        crate::i18n::tr(&format!("{id}.a"), None)
    } else {
        crate::i18n::tr(id, None)
    }
}

/// `/targets/0/breakdowns/1` → `targets[0].breakdowns[1]`.
pub fn describe_path(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        if seg.parse::<usize>().is_ok() {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg.replace("~1", "/").replace("~0", "~"));
        }
    }
    out
}

fn describe_node(node: &Node) -> String {
    match &node.value {
        Value::Null => crate::t!("found-null"),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => crate::t!("found-number", value = n.clone()),
        Value::String(s) => crate::t!("found-text", value = truncate(s, 30)),
        Value::Seq(_) => crate::t!("found-list"),
        Value::Map(_) => crate::t!("found-mapping"),
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let t: String = s.chars().take(n).collect();
        format!("{t}…")
    }
}

fn first_line(node: &Node) -> Span {
    match &node.value {
        Value::Map(entries) if !entries.is_empty() => entries[0].key_span,
        _ => Span::new(node.span.start, node.span.start),
    }
}

/// Property names the schema allows for the object at `pointer`.
fn allowed_keys(schema: &Json, root: &Node, pointer: &str) -> Vec<String> {
    let mut current = schema;
    let mut node = root;
    for seg in pointer.split('/').skip(1) {
        current = resolve(schema, current);
        match &node.value {
            Value::Map(entries) => {
                let Some(e) = entries.iter().find(|e| e.key == seg) else {
                    return Vec::new();
                };
                node = &e.value;
                match current.get("properties").and_then(|p| p.get(seg)) {
                    Some(s) => current = s,
                    None => return Vec::new(),
                }
            }
            Value::Seq(items) => {
                let Some(n) = seg.parse::<usize>().ok().and_then(|i| items.get(i)) else {
                    return Vec::new();
                };
                node = n;
                match current.get("items") {
                    Some(s) => current = s,
                    None => return Vec::new(),
                }
            }
            _ => return Vec::new(),
        }
    }
    let current = resolve(schema, current);
    let mut keys: Vec<String> = current
        .get("properties")
        .and_then(Json::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

/// Follows `$ref` and the non-null branch of `anyOf` (how schemars writes `Option<T>`).
fn resolve<'a>(root: &'a Json, mut s: &'a Json) -> &'a Json {
    for _ in 0..16 {
        if let Some(r) = s.get("$ref").and_then(Json::as_str) {
            match r.strip_prefix('#').and_then(|p| root.pointer(p)) {
                Some(target) => s = target,
                None => return s,
            }
        } else if let Some(branches) = s.get("anyOf").and_then(Json::as_array) {
            match branches
                .iter()
                .find(|b| b.get("type").and_then(Json::as_str) != Some("null"))
            {
                Some(b) => s = b,
                None => return s,
            }
        } else {
            return s;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::yaml::parse;

    #[test]
    fn schema_compiles_and_requires_sections_per_kind() {
        let mut root = parse("kind: region\nid: x\ntitle: t\nstatus: final\nperiod: {start: 2026-01-01, end: 2026-12-31}\n")
            .root
            .unwrap();
        let findings = validate(&mut root);
        let messages: Vec<_> = findings.iter().map(|f| f.message.as_str()).collect();
        assert!(
            messages.contains(&"a `region` plan needs a `campaigns` section"),
            "{messages:?}"
        );
    }

    #[test]
    fn unknown_fields_point_at_the_key_and_suggest() {
        let text = "kind: region\nid: x\ntitle: t\nstatus: final\nperiod: {start: 2026-01-01, end: 2026-12-31}\ntargest: []\n";
        let mut root = parse(text).root.unwrap();
        let findings = validate(&mut root);
        let f = findings.iter().find(|f| f.code == "P005").unwrap();
        assert_eq!(&text[f.primary.span.start..f.primary.span.end], "targest");
        assert_eq!(f.help.as_deref(), Some("did you mean `targets`?"));
    }

    #[test]
    fn nested_unknown_fields_suggest_from_the_right_object() {
        let text = "kind: company\nid: x\ntitle: t\nstatus: final\nperiod: {start: 2026-01-01, end: 2026-12-31}\nbudget:\n  total: 1万元\n  lnies: []\n";
        let mut root = parse(text).root.unwrap();
        let findings = validate(&mut root);
        let f = findings.iter().find(|f| f.code == "P005").unwrap();
        assert_eq!(f.help.as_deref(), Some("did you mean `lines`?"));
    }

    /// A plan whose `swot.strengths` holds `n` items, those in `bad` plain numbers (not
    /// the mapping an item needs), the rest valid.
    fn swot_plan(n: usize, bad: std::ops::Range<usize>) -> String {
        let mut text = String::from(
            "kind: company\nid: x\ntitle: t\nstatus: final\nperiod: {start: 2026-01-01, end: 2026-12-31}\nswot:\n  strengths:\n",
        );
        for i in 0..n {
            if bad.contains(&i) {
                text.push_str(&format!("    - {i}\n"));
            } else {
                text.push_str("    - {title: a, text: b}\n");
            }
        }
        text.push_str("  threats:\n    - 7\n");
        text
    }

    #[test]
    fn long_sequences_are_checked_a_window_at_a_time_with_their_true_indices() {
        // Items 1500.. are in the second window; the threat after the sequence is not.
        let text = swot_plan(3 * WINDOW, 1500..1503);
        let mut root = parse(&text).root.unwrap();
        let before = root.clone();
        let findings = validate(&mut root);
        assert_eq!(root, before, "the tree is handed back as it came");
        let items: Vec<_> = findings
            .iter()
            .filter(|f| f.message.contains("swot."))
            .collect();
        let messages: Vec<_> = items.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(items.len(), 4, "{messages:?}");
        for (f, i) in items.iter().zip(1500..1503) {
            assert!(
                f.message.contains(&format!("`swot.strengths[{i}]`")),
                "{}",
                f.message
            );
            assert_eq!(
                &text[f.primary.span.start..f.primary.span.end],
                i.to_string()
            );
        }
        assert!(
            items[3].message.contains("`swot.threats[0]`"),
            "{messages:?}"
        );
        assert!(findings.iter().all(|f| f.omitted == 0));
    }

    #[test]
    fn a_flood_across_windows_is_kept_to_the_cap_and_counted_exactly() {
        let max = crate::diagnostics::MAX_PER_CODE;
        let n = 3 * WINDOW + 5;
        let mut root = parse(&swot_plan(n, 0..n)).root.unwrap();
        let findings = validate(&mut root);
        let items = findings
            .iter()
            .filter(|f| f.message.contains("`swot.strengths["))
            .count();
        let omitted: Vec<_> = findings.iter().filter(|f| f.omitted > 0).collect();
        assert_eq!(omitted.len(), 1);
        // The missing sections and the threat are checked first (outside the long
        // sequence); the items fill the rest of the cap, and every other is counted.
        assert!(findings
            .iter()
            .any(|f| f.message.contains("`swot.threats[0]`")));
        assert_eq!(findings.len() - 1, max);
        assert!(items > max - 10, "{items}");
        assert_eq!(omitted[0].omitted, n - items);
    }

    #[test]
    fn shift_raises_the_index_under_its_prefix_only() {
        let shift = Shift {
            prefix: "/swot/strengths/".into(),
            offset: 1024,
        };
        assert_eq!(shift.apply("/swot/strengths/3"), "/swot/strengths/1027");
        assert_eq!(
            shift.apply("/swot/strengths/3/title"),
            "/swot/strengths/1027/title"
        );
        assert_eq!(shift.apply("/swot/threats/3"), "/swot/threats/3");
        assert_eq!(shift.apply("/swot/strengths"), "/swot/strengths");
        assert_eq!(Shift::default().apply("/a/1"), "/a/1");
        assert!(shift.covers("/swot/strengths/3/title"));
        assert!(!shift.covers("/swot/threats/0"));
        assert!(!shift.covers("/swot"));
        assert!(Shift::default().covers("/swot"));
    }
}
