//! `*.actuals.yaml`: a header (`plan`, `as_of`, `unit`, `source`) and `rows` in the long
//! layout. Each row is read on its own, so one bad row never hides the others.

use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::json;

use super::{ActualsFile, Format, Row};
use crate::diagnostics::Finding;
use crate::model::{DateValue, Sp, Text};
use crate::rules::builtin;
use crate::source::yaml::{self as tree, Node, Value, YamlErrorKind};
use crate::source::{de, SourceFile, Span};
use crate::t;

/// Actuals for one plan, as written in a `*.actuals.yaml` file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "planc actuals")]
#[allow(dead_code)] // read field by field in `load`; the struct is the schema
pub struct ActualsDoc {
    /// Id of the plan these actuals belong to, e.g. `east-china-2026`.
    #[serde(default)]
    pub plan: Option<Sp<String>>,
    /// The date the figures run to, e.g. `2026-12-31`; before the period ends, `FY` rows
    /// are year-to-date totals.
    #[serde(default)]
    pub as_of: Option<Sp<DateValue>>,
    /// Money unit of bare amounts: `元`, `万元` or `亿元`; default: the plan's unit.
    #[serde(default)]
    pub unit: Option<Sp<String>>,
    /// Where the figures come from, e.g. `ERP销售报表 2027-01-08导出`.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<Text>,
    /// One row per metric × dimension item × period.
    pub rows: Vec<ActualRow>,
}

/// One actual: a metric (target or KPI id), optionally one item of one of its breakdown
/// dimensions, a period, and a value.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActualRow {
    /// Id (or name) of a target or KPI of the plan, e.g. `east-sales`.
    pub metric: Sp<String>,
    /// A breakdown dimension of the target (`product`, `province` …), `quarter`, `month`,
    /// or a segment of the review.
    #[serde(default)]
    pub dimension: Option<Sp<String>>,
    /// The breakdown item: its `ref`, or the product's or region's name.
    #[serde(default)]
    pub item: Option<Sp<String>>,
    /// `FY`, `Q1`–`Q4`, or a month `2026-03`.
    pub period: Sp<String>,
    /// The actual, e.g. `9.35亿元`, `93%`, `112家`, or a bare number in `unit`.
    #[schemars(with = "crate::model::Quantity")]
    pub value: Sp<String>,
    /// Unit of a bare value, e.g. `万元`, `%`, `家`.
    #[serde(default)]
    pub unit: Option<Sp<String>>,
    /// The same cell and period last year, for year-on-year growth.
    #[serde(default)]
    #[schemars(with = "Option<crate::model::Quantity>")]
    pub last_year: Option<Sp<String>>,
    #[serde(default)]
    #[allow(dead_code)] // a remark for people; not shown
    pub note: Option<Text>,
}

/// The JSON Schema of `*.actuals.yaml`, as committed in `schemas/actuals.schema.json`.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<ActualsDoc>();
    let mut value = serde_json::to_value(schema).expect("a generated schema serializes");
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "$id".into(),
            json!("https://planc.dev/schemas/actuals.schema.json"),
        );
    }
    value
}

/// Pretty JSON with a trailing newline, as committed.
pub fn schema_pretty() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).expect("schema serializes");
    s.push('\n');
    s
}

const HEADER: &[&str] = &["plan", "as_of", "unit", "source", "note", "rows"];

pub fn load(path: &Path, bytes: &[u8]) -> ActualsFile {
    let mut file = ActualsFile::empty(path, Format::Yaml);
    let Some(text) = super::decode(path, bytes, &mut file) else {
        return file;
    };
    let source = SourceFile::new(path, text);
    file.source = Some(source.clone());
    let parsed = tree::parse(&source.text);
    for e in parsed.errors {
        let rule = match e.kind {
            YamlErrorKind::Syntax | YamlErrorKind::Limit => &builtin::YAML_SYNTAX,
            YamlErrorKind::DuplicateKey => &builtin::DUPLICATE_KEY,
            YamlErrorKind::Empty => &builtin::EMPTY_FILE,
        };
        let mut f = Finding::new(rule, e.span, e.message);
        if let Some((span, msg)) = e.related {
            f = f.with(span, msg);
        }
        file.findings.push(f);
    }
    let Some(root) = parsed.root else {
        return file;
    };
    let Value::Map(entries) = &root.value else {
        file.findings.push(
            Finding::new(
                &super::codes::FORMAT,
                root.span,
                t!("actuals-yaml-not-mapping"),
            )
            .label(t!("actuals-yaml-not-mapping-label")),
        );
        return file;
    };
    for e in entries {
        if !HEADER.contains(&e.key.as_str()) {
            let help = match crate::suggest::did_you_mean(&e.key, HEADER.iter().copied()) {
                Some(s) => t!("actuals-did-you-mean", suggestion = s),
                None => t!(
                    "actuals-yaml-fields",
                    fields = HEADER.join(&t!("actuals-list-sep"))
                ),
            };
            file.findings.push(
                Finding::new(
                    &builtin::UNKNOWN_FIELD,
                    e.key_span,
                    t!("actuals-yaml-unknown-field", field = e.key.as_str()),
                )
                .label(t!("actuals-yaml-unknown-field-label"))
                .help(help),
            );
        }
    }
    file.plan = field(&root, "plan", &mut file.findings);
    file.as_of = field(&root, "as_of", &mut file.findings);
    if let Some(a) = &file.as_of {
        if a.range.is_none() {
            file.findings.push(
                Finding::new(
                    &super::codes::FORMAT,
                    a.span,
                    t!("actuals-yaml-as-of", value = a.raw.as_str()),
                )
                .label(t!("actuals-yaml-as-of-label"))
                .help(t!("actuals-yaml-as-of-help")),
            );
            file.as_of = None;
        }
    }
    file.unit = field(&root, "unit", &mut file.findings);
    if let Some(u) = &file.unit {
        if crate::model::MoneyUnit::parse(u).is_none() {
            file.findings.push(
                Finding::new(
                    &super::codes::UNIT_MISMATCH,
                    u.span,
                    t!("actuals-yaml-unit", value = u.as_str()),
                )
                .label(t!("actuals-yaml-unit-label"))
                .help(t!("actuals-yaml-unit-help")),
            );
            file.unit = None;
        }
    }
    file.origin = field(&root, "source", &mut file.findings);
    let Some(rows) = root.entry("rows") else {
        file.findings.push(
            Finding::new(
                &super::codes::FORMAT,
                Span::new(root.span.start, root.span.start),
                t!("actuals-yaml-no-rows"),
            )
            .help(t!("actuals-yaml-no-rows-help")),
        );
        return file;
    };
    let Value::Seq(items) = &rows.value.value else {
        if rows.value.value != Value::Null {
            file.findings.push(
                Finding::new(
                    &super::codes::FORMAT,
                    rows.value.span,
                    t!("actuals-yaml-rows-not-list"),
                )
                .label(t!("actuals-yaml-rows-not-list-label")),
            );
        }
        return file;
    };
    for (i, node) in items.iter().enumerate() {
        match de::from_node::<ActualRow>(node) {
            Ok(r) => file.rows.push(Row {
                metric: r.metric,
                dimension: r.dimension,
                item: r.item,
                period: r.period,
                value: r.value,
                unit: r.unit,
                last_year: r.last_year,
                target: None,
                number: i + 1,
                cells: None,
                implied_by: None,
                metric_from: None,
                sheet: 0,
            }),
            Err(e) => {
                let mut f = Finding::new(
                    &super::codes::FORMAT,
                    e.span.unwrap_or(node.span),
                    t!(
                        "actuals-yaml-row",
                        row = i + 1,
                        message = e.message.as_str()
                    ),
                );
                if let Some(h) = e.help {
                    f = f.help(h);
                }
                file.findings.push(f);
            }
        }
    }
    file
}

fn field<T: for<'a> Deserialize<'a>>(root: &Node, key: &str, out: &mut Vec<Finding>) -> Option<T> {
    let node = root.get(key)?;
    if node.value == Value::Null {
        return None;
    }
    match de::from_node::<T>(node) {
        Ok(v) => Some(v),
        Err(e) => {
            out.push(Finding::new(
                &builtin::SCHEMA,
                e.span.unwrap_or(node.span),
                t!(
                    "actuals-yaml-field",
                    field = key,
                    message = e.message.as_str()
                ),
            ));
            None
        }
    }
}
