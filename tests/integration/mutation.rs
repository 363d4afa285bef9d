//! The acceptance test of the consistency rules: in the company and region examples,
//! changing any number that takes part in a sum, a share or a growth relation makes
//! `planc check` fail with a diagnostic labelled on that value's line.

use std::path::Path;
use std::str::FromStr;

use planc::config::Config;
use planc::diagnostics::Severity;
use planc::source::yaml::{parse, Node, Value};
use planc::source::{SourceFile, Span};
use rust_decimal::Decimal;

use crate::util::root;

/// Spans of every number that takes part in a relation, with a description.
fn related_numbers(root: &Node) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let has = |n: &Node, k: &str| n.get(k).is_some();
    let seq = |n: &Node, k: &str| -> Vec<Node> {
        match n.get(k).map(|v| &v.value) {
            Some(Value::Seq(items)) => items.clone(),
            _ => Vec::new(),
        }
    };
    // Targets and breakdowns, recursively.
    fn item_like(node: &Node, path: &str, in_sum: bool, out: &mut Vec<(Span, String)>) {
        let breakdowns: Vec<&Node> = match node.get("breakdowns").map(|v| &v.value) {
            Some(Value::Seq(items)) => items.iter().collect(),
            _ => Vec::new(),
        };
        let split = breakdowns.iter().any(|b| {
            b.get("partial")
                .is_none_or(|p| p.value != Value::Bool(true))
                && matches!(b.get("items").map(|i| &i.value), Some(Value::Seq(v)) if !v.is_empty())
        });
        let growth = node.get("last_year").is_some() && node.get("growth").is_some();
        if let Some(v) = node.get("value") {
            if in_sum || split || growth {
                out.push((v.span, format!("{path}.value")));
            }
        }
        if growth {
            for k in ["last_year", "growth"] {
                out.push((node.get(k).unwrap().span, format!("{path}.{k}")));
            }
        }
        if let Some(s) = node.get("share") {
            out.push((s.span, format!("{path}.share")));
        }
        for (j, b) in breakdowns.iter().enumerate() {
            let partial = b
                .get("partial")
                .is_some_and(|p| p.value == Value::Bool(true));
            if let Some(Value::Seq(items)) = b.get("items").map(|i| &i.value) {
                for (k, item) in items.iter().enumerate() {
                    item_like(
                        item,
                        &format!("{path}.breakdowns[{j}].items[{k}]"),
                        !partial,
                        out,
                    );
                }
            }
        }
    }
    let targets = seq(root, "targets");
    let budget = root.get("budget");
    let ratio_target = budget
        .and_then(|b| b.get("sales_ratio").map(|_| b))
        .map(|b| {
            b.get("sales_target")
                .and_then(Node::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    targets[0]
                        .get("id")
                        .and_then(Node::as_str)
                        .unwrap()
                        .to_owned()
                })
        });
    for (i, t) in targets.iter().enumerate() {
        let is_ratio_base = ratio_target.as_deref() == t.get("id").and_then(Node::as_str);
        item_like(t, &format!("targets[{i}]"), is_ratio_base, &mut out);
    }
    if let Some(b) = budget {
        let lines = seq(b, "lines");
        let amounts = !lines.is_empty() && lines.iter().all(|l| has(l, "amount"));
        let shares = lines.iter().any(|l| has(l, "share"));
        if amounts || shares || has(b, "sales_ratio") {
            out.push((b.get("total").unwrap().span, "budget.total".into()));
        }
        for (i, l) in lines.iter().enumerate() {
            if let (true, Some(a)) = (amounts, l.get("amount")) {
                out.push((a.span, format!("budget.lines[{i}].amount")));
            }
            if let Some(s) = l.get("share") {
                out.push((s.span, format!("budget.lines[{i}].share")));
            }
        }
        if let Some(r) = b.get("sales_ratio") {
            out.push((r.span, "budget.sales_ratio".into()));
        }
    }
    if let Some(ly) = root.get("last_year") {
        let pairs = [("target", "attainment"), ("previous_sales", "growth")];
        for (a, b) in pairs {
            if has(ly, "sales") && has(ly, a) && has(ly, b) {
                for k in ["sales", a, b] {
                    out.push((ly.get(k).unwrap().span, format!("last_year.{k}")));
                }
            }
        }
    }
    out.sort_by_key(|(s, _)| s.start);
    out.dedup_by_key(|(s, _)| s.start);
    out
}

/// Adds one to the number at the start of a scalar (`9.072亿元` → `10.072亿元`).
fn bump(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && c == '-')))
        .map_or(text.len(), |(i, _)| i);
    let n = Decimal::from_str(&text[..end]).expect("a number");
    format!("{}{}", n + Decimal::ONE, &text[end..])
}

fn mutate_every_related_number(example: &str) -> usize {
    let path = root().join(example);
    let text = std::fs::read_to_string(&path).unwrap();
    let root_node = parse(&text).root.unwrap();
    let numbers = related_numbers(&root_node);
    let source = SourceFile::new(&path, text.clone());
    let config = Config::default();
    let mut missed = Vec::new();
    for (span, what) in &numbers {
        let original = &text[span.start..span.end];
        let mut mutated = text.clone();
        mutated.replace_range(span.start..span.end, &bump(original));
        let report = planc::load::check_bytes(Path::new(example), mutated.as_bytes(), &config);
        let line = source.line_of(span.start);
        let hit = report.findings.iter().any(|f| {
            f.severity == Severity::Error
                && std::iter::once(&f.primary)
                    .chain(&f.secondary)
                    .any(|l| source.line_of(l.span.start) == line)
        });
        if !hit {
            missed.push(format!("{what} = {original} (line {})", line + 1));
        }
    }
    assert!(
        missed.is_empty(),
        "{example}: changing these went unnoticed: {missed:#?}"
    );
    numbers.len()
}

#[test]
fn every_related_number_in_the_company_example_is_checked() {
    let n = mutate_every_related_number("examples/org/company.plan.yaml");
    assert!(n > 20, "only {n} related numbers found");
}

#[test]
fn every_related_number_in_the_region_example_is_checked() {
    let n = mutate_every_related_number("examples/org/east-china.plan.yaml");
    assert!(n > 20, "only {n} related numbers found");
}
