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
    let mut s = serde_json::to_string_pretty(&generate()).expect("schema serializes");
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

/// Validates the tree against the plan schema; every error becomes a finding.
pub fn validate(root: &Node) -> Vec<Finding> {
    let compiled = compiled();
    if compiled.validator.is_valid(root) {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for error in compiled.validator.iter_errors(root) {
        map_error(
            root,
            &compiled.schema,
            error.instance_path().as_str(),
            error.kind(),
            &error.to_string(),
            &mut findings,
        );
    }
    findings.sort_by_key(|f| (f.primary.span, f.message.clone()));
    findings.dedup_by(|a, b| a.primary.span == b.primary.span && a.message == b.message);
    findings
}

fn map_error(
    root: &Node,
    schema: &Json,
    pointer: &str,
    kind: &ValidationErrorKind,
    fallback: &str,
    out: &mut Vec<Finding>,
) {
    let (node, key_span) = root.pointer(pointer).unwrap_or((root, None));
    let at = describe_path(pointer);
    match kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed = allowed_keys(schema, root, pointer);
            for key in unexpected {
                let span = node.entry(key).map_or(node.span, |e| e.key_span);
                let mut f = Finding::new(
                    &builtin::UNKNOWN_FIELD,
                    span,
                    format!("unknown field `{key}`{}", in_place(&at)),
                )
                .label("not a field here");
                f.help = Some(
                    match crate::suggest::did_you_mean(key, allowed.iter().map(String::as_str)) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None if !allowed.is_empty() => {
                            format!("fields allowed here: {}", allowed.join(", "))
                        }
                        None => "remove it".to_owned(),
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
                let kind = root
                    .get("kind")
                    .and_then(Node::as_str)
                    .unwrap_or("this kind of");
                if matches!(name, "kind" | "id" | "title" | "status" | "period") {
                    format!("missing required field `{name}`")
                } else {
                    format!("a `{kind}` plan needs a `{name}` section")
                }
            } else {
                format!("missing required field `{name}`{}", in_place(&at))
            };
            let label = if is_section {
                "in this plan"
            } else {
                "in this entry"
            };
            out.push(
                Finding::new(&builtin::SCHEMA, span, message)
                    .label(label)
                    .help(format!("add `{name}:` here")),
            );
        }
        ValidationErrorKind::Enum { options } => {
            let found = node.as_str().unwrap_or_default();
            let opts: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(Json::as_str).collect())
                .unwrap_or_default();
            let mut f = Finding::new(
                &builtin::SCHEMA,
                node.span,
                format!("`{found}` is not a valid value{}", in_place(&at)),
            )
            .label("not one of the allowed values");
            f.help = Some(
                match crate::suggest::did_you_mean(found, opts.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("expected one of: {}", opts.join(", ")),
                },
            );
            out.push(f);
        }
        ValidationErrorKind::Type { kind } => {
            // Name types the way YAML users know them.
            let yaml_name = |t: String| match t.as_str() {
                "array" => "list".to_owned(),
                "object" => "mapping".to_owned(),
                "string" => "text".to_owned(),
                _ => t,
            };
            let expected = match kind {
                TypeKind::Single(t) => yaml_name(t.to_string()),
                TypeKind::Multiple(set) => set
                    .iter()
                    .map(|t| yaml_name(t.to_string()))
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            out.push(
                Finding::new(
                    &builtin::SCHEMA,
                    node.span,
                    format!(
                        "expected {} {expected}{}, found {}",
                        article(&expected),
                        in_place(&at),
                        describe_node(node)
                    ),
                )
                .label(format!("expected {expected}")),
            );
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
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
                        map_error(
                            root,
                            schema,
                            e.instance_path().as_str(),
                            e.kind(),
                            &e.to_string(),
                            out,
                        );
                    }
                }
                _ => out.push(Finding::new(
                    &builtin::SCHEMA,
                    node.span,
                    fallback.to_owned(),
                )),
            }
        }
        _ => out.push(Finding::new(
            &builtin::SCHEMA,
            node.span,
            format!("{fallback}{}", in_place(&at)),
        )),
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn in_place(at: &str) -> String {
    if at.is_empty() {
        String::new()
    } else {
        format!(" in `{at}`")
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
        Value::Null => "nothing (null)".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!("the text `{}`", truncate(s, 30)),
        Value::Seq(_) => "a list".into(),
        Value::Map(_) => "a mapping".into(),
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
        let root = parse("kind: region\nid: x\ntitle: t\nstatus: final\nperiod: {start: 2026-01-01, end: 2026-12-31}\n")
            .root
            .unwrap();
        let findings = validate(&root);
        let messages: Vec<_> = findings.iter().map(|f| f.message.as_str()).collect();
        assert!(
            messages.contains(&"a `region` plan needs a `campaigns` section"),
            "{messages:?}"
        );
    }

    #[test]
    fn unknown_fields_point_at_the_key_and_suggest() {
        let text = "kind: region\nid: x\ntitle: t\nstatus: final\nperiod: {start: 2026-01-01, end: 2026-12-31}\ntargest: []\n";
        let root = parse(text).root.unwrap();
        let findings = validate(&root);
        let f = findings.iter().find(|f| f.code == "P005").unwrap();
        assert_eq!(&text[f.primary.span.start..f.primary.span.end], "targest");
        assert_eq!(f.help.as_deref(), Some("did you mean `targets`?"));
    }

    #[test]
    fn nested_unknown_fields_suggest_from_the_right_object() {
        let text = "kind: company\nid: x\ntitle: t\nstatus: final\nperiod: {start: 2026-01-01, end: 2026-12-31}\nbudget:\n  total: 1万元\n  lnies: []\n";
        let root = parse(text).root.unwrap();
        let findings = validate(&root);
        let f = findings.iter().find(|f| f.code == "P005").unwrap();
        assert_eq!(f.help.as_deref(), Some("did you mean `lines`?"));
    }
}
