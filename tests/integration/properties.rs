//! Property tests (proptest): a generated consistent plan — a target whose product and
//! province breakdowns add up, shares that follow from the values and sum to 100 %,
//! growth that matches last year, a budget whose lines add up — checks clean and renders
//! in every format; changing any one summed, shared or growth-related number makes the
//! rule about that relation fire on that number's line.
//!
//! 32 cases by default (so `cargo test` stays quick); `PLANC_PROPTEST_CASES=1000` for more.

use std::path::Path;

use planc::config::Config;
use planc::diagnostics::{FileReport, Severity};
use planc::render::{checks::Record, Format, Input, Renderer};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PLANC_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

/// A consistent plan, as numbers; `text` writes it out.
#[derive(Clone, Debug)]
struct Spec {
    /// Sales by product, in 万元.
    products: Vec<u32>,
    /// Sales by province, in 万元 (the same total).
    provinces: Vec<u32>,
    /// Last year's total, in 万元 (a multiple of 100, so growth is exact).
    last_year: u32,
    /// Budget lines, in 万元.
    budget: Vec<u32>,
}

impl Spec {
    fn total(&self) -> u32 {
        self.products.iter().sum()
    }
    fn growth(&self) -> i64 {
        // total = last_year × (1 + g/100) exactly, by construction.
        (i64::from(self.total()) - i64::from(self.last_year)) * 100 / i64::from(self.last_year)
    }
}

/// Parts of `total` in `n` pieces, each at least 1.
fn split(total: u32, cuts: &[u32]) -> Vec<u32> {
    let mut points: Vec<u32> = cuts.iter().map(|c| 1 + c % (total - 1)).collect();
    points.sort_unstable();
    points.dedup();
    let mut parts = Vec::new();
    let mut last = 0;
    for p in points {
        parts.push(p - last);
        last = p;
    }
    parts.push(total - last);
    parts
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        1u32..=50,                                 // last year, in hundreds of 万元
        -50i32..=80,                               // growth, in whole percent
        prop::collection::vec(any::<u32>(), 0..4), // product cuts
        prop::collection::vec(any::<u32>(), 0..5), // province cuts
        10u32..=5000,                              // budget total
        prop::collection::vec(any::<u32>(), 0..4), // budget cuts
    )
        .prop_map(|(ly, g, pc, rc, bt, bc)| {
            let last_year = ly * 100;
            let total = (i64::from(last_year) * (100 + i64::from(g)) / 100) as u32;
            let total = total.max(2);
            let last_year = if total == 2 { 2 } else { last_year };
            Spec {
                products: split(total, &pc),
                provinces: split(total, &rc),
                last_year,
                budget: split(bt, &bc),
            }
        })
        .prop_filter("exact growth", |s| {
            (i64::from(s.last_year) * (100 + s.growth())) == i64::from(s.total()) * 100
        })
}

/// A share of a whole, as planc reads a stated share: to the digits written (here two).
fn share(part: u32, whole: u32) -> String {
    let d = rust_decimal::Decimal::from(part) * rust_decimal::Decimal::from(100)
        / rust_decimal::Decimal::from(whole);
    format!("{}%", d.round_dp(2).normalize())
}

/// The plan text; each related number is on a line of its own, tagged with a comment
/// naming it, so a test can find and change it.
fn text(s: &Spec) -> String {
    let total = s.total();
    let mut t = String::from(
        "kind: region\nid: prop-2026\ntitle: 生成的大区计划\nstatus: final\n\
         period:\n  start: 2026-01-01\n  end: 2026-12-31\nunit: 万元\nproducts:\n",
    );
    for i in 0..s.products.len() {
        t.push_str(&format!("  - {{ id: p{i}, name: 产品{i} }}\n"));
    }
    t.push_str("regions:\n");
    for i in 0..s.provinces.len() {
        t.push_str(&format!("  - {{ id: r{i}, name: 省份{i} }}\n"));
    }
    t.push_str(&format!(
        "overview:\n  text: 生成的计划。\nlast_year:\n  sales: {ly}万元\ntargets:\n  - id: sales\n    name: 年度销售额\n    value: {total}万元 # total\n    last_year: {ly}万元 # last_year\n    growth: {g}% # growth\n    breakdowns:\n      - dimension: product\n        items:\n",
        ly = s.last_year,
        g = s.growth(),
    ));
    for (i, v) in s.products.iter().enumerate() {
        t.push_str(&format!(
            "          - ref: p{i}\n            value: {v}万元 # product{i}\n            share: {} # pshare{i}\n",
            share(*v, total)
        ));
    }
    t.push_str("      - dimension: province\n        items:\n");
    for (i, v) in s.provinces.iter().enumerate() {
        t.push_str(&format!(
            "          - ref: r{i}\n            value: {v}万元 # province{i}\n"
        ));
    }
    let bt: u32 = s.budget.iter().sum();
    t.push_str(&format!("budget:\n  total: {bt}万元 # budget\n  lines:\n"));
    for (i, v) in s.budget.iter().enumerate() {
        t.push_str(&format!(
            "    - name: 费用{i}\n      amount: {v}万元 # line{i}\n"
        ));
    }
    t.push_str(
        "campaigns:\n  - id: c1\n    name: 战役一\n    kpis:\n      - { id: k1, metric: 覆盖率, comparator: \">=\", target: 90% }\n\
         cadence:\n  - { name: 周会, frequency: weekly }\n\
         risks:\n  - { id: k, name: 政策风险, description: 集采降价。, response: 加快新品准入。 }\n",
    );
    t
}

fn check(text: &str) -> (FileReport, Option<planc::model::Plan>) {
    planc::load::check_bytes_with_plan(
        Path::new("prop.plan.yaml"),
        text.as_bytes(),
        &Config::default(),
    )
}

fn active_errors(r: &FileReport) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .map(|f| format!("{} {}", f.code, f.message))
        .collect()
}

/// The text with the number on the line tagged `# tag` changed by `delta` (in its own
/// unit), and that line's 1-based number.
fn perturb(text: &str, tag: &str, delta: i64) -> (String, usize, rust_decimal::Decimal) {
    let marker = format!(" # {tag}\n");
    let end = text.find(&marker).expect("a tagged line");
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..end];
    let colon = line.find(": ").expect("key: value") + 2;
    let value = &line[colon..];
    let digits_end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(value.len());
    let n: rust_decimal::Decimal = value[..digits_end].parse().expect("a number");
    let new = (n + rust_decimal::Decimal::from(delta)).normalize();
    let changed = format!("{}{new}{}", &line[..colon], &value[digits_end..]);
    let out = format!("{}{changed}{}", &text[..line_start], &text[end..]);
    (out, text[..line_start].matches('\n').count() + 1, new)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn a_consistent_plan_checks_clean_and_renders(s in spec()) {
        let text = text(&s);
        let (report, plan) = check(&text);
        prop_assert!(active_errors(&report).is_empty(), "{:?}\n{text}", active_errors(&report));
        let plan = plan.expect("a typed plan");
        let renderer = Renderer::new(None).expect("built-in templates");
        let config = Config::default();
        let view = renderer.report(&Input {
            plan: &plan,
            record: Record { source: "prop.plan.yaml", sha256: "0", report: &report, config: &config },
            lang: None,
        });
        for format in [Format::Md, Format::Html, Format::Docx] {
            let bytes = renderer.render(&view, format);
            prop_assert!(bytes.as_ref().is_ok_and(|b| !b.is_empty()), "{format:?}: {:?}", bytes.err());
        }
    }

    #[test]
    fn changing_a_related_number_fires_its_rule_on_its_line(
        s in spec(),
        pick in any::<prop::sample::Index>(),
        up in any::<bool>(),
    ) {
        let text = text(&s);
        // Each related number, and the rule that must fire when it changes.
        let mut related: Vec<(String, &[&str])> = vec![
            ("total".into(), &["P101", "P107"]),
            ("last_year".into(), &["P107"]),
            ("growth".into(), &["P107"]),
            ("budget".into(), &["P103"]),
        ];
        for i in 0..s.products.len() {
            related.push((format!("product{i}"), &["P101", "P102"]));
            related.push((format!("pshare{i}"), &["P102"]));
        }
        for i in 0..s.provinces.len() {
            related.push((format!("province{i}"), &["P101"]));
        }
        for i in 0..s.budget.len() {
            related.push((format!("line{i}"), &["P103"]));
        }
        let (tag, codes) = &related[pick.index(related.len())];
        // A change of 1 in the last digit written (never to zero or below) — except last
        // year, changed by 3 %: growth is compared at the digits written (a whole
        // percent here), so a smaller change can leave the rounded growth as stated.
        let step = if tag == "last_year" { (i64::from(s.last_year) * 3 + 99) / 100 } else { 1 };
        let delta = if up { step } else { -step };
        let (changed, line, new) = perturb(&text, tag, delta);
        prop_assume!(tag == "growth" || new > rust_decimal::Decimal::ZERO);
        let (report, _) = check(&changed);
        prop_assert!(report.source.is_some(), "changing {tag} (line {line}) by {delta}: no finding\n{changed}");
        let source = report.source.clone().expect("findings keep their source");
        let source = &source;
        let fired: Vec<(&str, usize)> = report
            .findings
            .iter()
            .filter(|f| f.suppressed.is_none() && f.severity == Severity::Error)
            .flat_map(|f| {
                std::iter::once(f.primary.span)
                    .chain(f.secondary.iter().filter(|l| l.file.is_none()).map(|l| l.span))
                    .map(move |sp| (f.code, source.line_col(sp.start).0))
            })
            .collect();
        prop_assert!(
            fired.iter().any(|(code, l)| codes.contains(code) && *l == line),
            "changing {tag} (line {line}) by {delta}: expected one of {codes:?} on that line, got {fired:?}\n{changed}"
        );
    }
}
