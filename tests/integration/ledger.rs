//! The organisation's ledger as a whole, on `examples/org`: edits that keep every number
//! consistent raise nothing, and any single change to a figure that another figure
//! depends on is caught as an error somewhere in the tree.

use std::collections::BTreeMap;
use std::path::Path;

use planc::config::Config;
use planc::diagnostics::Severity;
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::util::root;

/// Every plan of `examples/org`, by its path under it.
fn tree() -> BTreeMap<String, String> {
    let base = root().join("examples/org");
    crate::util::plans_under(&base)
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The errors `planc check` finds in the tree, as `file: code message`.
fn errors(files: &BTreeMap<String, String>) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let path = tmp.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let reports = planc::check::check_paths(&[tmp.path().to_path_buf()], &Config::default());
    reports
        .iter()
        .flat_map(|r| {
            r.findings
                .iter()
                .filter(|f| f.severity == Severity::Error && f.suppressed.is_none())
                .map(move |f| format!("{}: {} {}", name(&r.path), f.code, f.message))
        })
        .collect()
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// A figure of the tree: (file, byte offset of the number, number text, unit text).
#[derive(Clone, Debug)]
struct Figure {
    file: String,
    start: usize,
    number: String,
    unit: String,
}

/// Every `value:` and `last_year:` figure in the `targets:` section of every plan, and
/// every `amount:` of a budget allocation: the figures other figures depend on.
fn figures(files: &BTreeMap<String, String>) -> Vec<Figure> {
    let mut out = Vec::new();
    for (file, text) in files {
        let mut in_targets = false;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let top = !line.starts_with([' ', '#', '\n', '-']);
            if top {
                in_targets = line.starts_with("targets:");
            }
            let t = line.trim_start().trim_start_matches("- ");
            for key in ["value: ", "last_year: "] {
                if in_targets && t.starts_with(key) {
                    let at = offset + line.find(key).unwrap() + key.len();
                    let rest = &text[at..];
                    let n_end = rest
                        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                        .unwrap_or(rest.len());
                    let u_end = rest.find(['\n', ' ', '#']).unwrap_or(rest.len());
                    if n_end > 0 {
                        out.push(Figure {
                            file: file.clone(),
                            start: at,
                            number: rest[..n_end].to_owned(),
                            unit: rest[n_end..u_end].to_owned(),
                        });
                    }
                }
            }
            offset += line.len();
        }
    }
    out
}

/// `n` with one added to its last digit written (`9.072` → `9.073`, `8.4` → `8.5`).
fn bump(n: &str) -> String {
    let d: Decimal = n.parse().unwrap();
    let step = Decimal::new(1, d.scale());
    (d + step).to_string()
}

fn replace(files: &BTreeMap<String, String>, f: &Figure, text: &str) -> BTreeMap<String, String> {
    let mut out = files.clone();
    let s = out.get_mut(&f.file).unwrap();
    s.replace_range(f.start..f.start + f.number.len() + f.unit.len(), text);
    out
}

#[test]
fn the_org_tree_is_consistent() {
    let e = errors(&tree());
    assert!(e.is_empty(), "{e:#?}");
}

/// Every figure a relation ties to another, changed by one in its last digit, is caught.
/// Figures on which nothing depends are listed here with the reason.
#[test]
fn any_single_change_to_a_related_figure_is_caught() {
    let files = tree();
    let all = figures(&files);
    assert!(
        all.len() > 100,
        "the tree's figures were found: {}",
        all.len()
    );
    let mut missed = Vec::new();
    for f in &all {
        let changed = replace(&files, f, &format!("{}{}", bump(&f.number), f.unit));
        if errors(&changed).is_empty() {
            let line = files[&f.file][..f.start].matches('\n').count() + 1;
            missed.push(format!("{}:{line} {}{}", f.file, f.number, f.unit));
        }
    }
    assert!(
        missed.is_empty(),
        "changes no relation catches: {missed:#?}"
    );
}

/// 3亿元 ↔ 30000万元 ↔ bare 30000 in a 万元 plan: one amount, never a finding.
fn rewrite(f: &Figure) -> Option<[String; 2]> {
    let d: Decimal = f.number.parse().ok()?;
    let wan = match f.unit.as_str() {
        "亿元" => d * Decimal::from(10_000),
        "万元" => d,
        _ => return None,
    };
    Some([
        format!("{}万元", wan.normalize()),
        wan.normalize().to_string(),
    ])
}

fn rename_plan_id(
    files: &BTreeMap<String, String>,
    from: &str,
    to: &str,
) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(k, v)| {
            let v = v
                .replace(&format!("id: {from}\n"), &format!("id: {to}\n"))
                .replace(&format!("parent: {from}#"), &format!("parent: {to}#"));
            (k.clone(), v)
        })
        .collect()
}

fn cases() -> u32 {
    std::env::var("PLANC_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Unit rewrites of any figures, with a plan id renamed everywhere, raise nothing.
    #[test]
    fn consistent_edits_raise_nothing(
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 1..6),
        rename in any::<bool>(),
    ) {
        let mut files = tree();
        let all = figures(&files);
        // Later offsets first, so earlier ones stay valid.
        let mut chosen: Vec<(Figure, bool)> = picks
            .iter()
            .map(|(i, bare)| (all[i.index(all.len())].clone(), *bare))
            .collect();
        chosen.sort_by(|a, b| (&b.0.file, b.0.start).cmp(&(&a.0.file, a.0.start)));
        chosen.dedup_by(|a, b| a.0.file == b.0.file && a.0.start == b.0.start);
        for (f, bare) in &chosen {
            if let Some([wan, plain]) = rewrite(f) {
                let plan_unit_wan = files[&f.file].contains("\nunit: 万元\n");
                let text = if *bare && plan_unit_wan { plain } else { wan };
                files = replace(&files, f, &text);
            }
        }
        if rename {
            files = rename_plan_id(&files, "east-china-2026", "east-china-2026-v2");
            files = rename_plan_id(&files, "company-2026", "hq-2026");
        }
        let e = errors(&files);
        prop_assert!(e.is_empty(), "{e:#?}\nafter {chosen:?}");
    }
}

#[test]
fn splitting_an_item_into_two_that_sum_to_it_raises_nothing() {
    let mut files = tree();
    let east = files.get_mut("east-china.plan.yaml").unwrap();
    let before = "                  - ref: zj-other\n                    name: 浙江其他地市\n                    value: 4000万元\n";
    assert!(
        east.contains(before),
        "the example holds 浙江其他地市 at 4000万元"
    );
    let after = "                  - ref: zj-other\n                    name: 浙江其他地市\n                    value: 2500万元\n                  - ref: jiaxing\n                    name: 嘉兴市\n                    value: 1500万元\n";
    *east = east.replacen(before, after, 1);
    let e = errors(&files);
    assert!(e.is_empty(), "{e:#?}");
}
