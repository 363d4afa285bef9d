//! The roll-up rules at their edges: each case is a small workspace written to a fresh
//! folder, checked with `planc check --format json`, and judged by the codes it yields.
//! Written for the mutants `cargo mutants --in-diff` found missed on these rules.

use std::path::Path;

use serde_json::Value;

use crate::util::{planc, temp_with};

/// A minimal plan of kind `company` (any kind may have a parent).
fn plan(id: &str, head: &str, targets: &str, budget: &str) -> String {
    format!(
        r#"kind: company
id: {id}
title: {id} 年度计划
status: final
unit: 万元
{head}regions:
  - {{id: east, name: 华东大区}}
  - {{id: south, name: 华南大区}}
products:
  - {{id: xinmaian, name: 心脉安}}
  - {{id: qingfeining, name: 清肺宁}}
  - {{id: bosuping, name: 博舒平}}
swot:
  strengths:
    - {{title: 产品优势, text: 心脉安拥有领先的临床数据}}
targets:
{targets}strategies:
  - id: s1
    name: 产品生命周期管理
    kpis:
      - {{metric: 核心专家合作项目数量, comparator: ">=", target: 12项}}
budget:
{budget}risks:
  - id: r1
    name: 政策风险
    description: 核心产品被纳入集采
    response: 提前进行成本测算
cadence:
  - {{name: 月度销售会议, frequency: monthly}}
"#
    )
}

const YEAR: &str = "period: {start: 2026-01-01, end: 2026-12-31}\n";
const BUDGET: &str = "  total: 3000万元\n";

/// The parent: sales 20亿元 by region (east 12亿元, south 8亿元); `east_sub` goes under
/// the east item; `extra` after the region breakdown (more breakdowns of sales).
fn hq(complete: bool, east_sub: &str, extra: &str, budget: &str) -> String {
    let complete = if complete {
        "        complete: true\n"
    } else {
        ""
    };
    let targets = format!(
        "  - id: sales
    name: 年度销售总额
    value: 20亿元
    breakdowns:
      - dimension: region
{complete}        items:
          - ref: east
            value: 12亿元
{east_sub}          - ref: south
            value: 8亿元
{extra}"
    );
    plan("hq-2026", YEAR, &targets, budget)
}

/// A child target `sales` rolling up into `sales`, with optional breakdowns.
fn child(id: &str, parent: &str, value: &str, breakdowns: &str) -> String {
    child_with(id, parent, YEAR, value, breakdowns, BUDGET)
}

fn child_with(
    id: &str,
    parent: &str,
    period: &str,
    value: &str,
    breakdowns: &str,
    budget: &str,
) -> String {
    let targets = format!(
        "  - id: region-sales
    name: 大区年度销售指标
    value: {value}
    rolls_up: sales
{breakdowns}"
    );
    plan(id, &format!("{period}parent: {parent}\n"), &targets, budget)
}

/// (file name, code, severity, message) of every finding.
fn check(files: &[(&str, &str)], config: Option<&str>) -> Vec<(String, String, String, String)> {
    let mut all: Vec<(&str, &str)> = files.to_vec();
    if let Some(c) = config {
        all.push(("planc.toml", c));
    }
    let dir = temp_with(&all);
    let out = planc()
        .args(["check", "--no-cache", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut found = Vec::new();
    for f in json["files"].as_array().unwrap() {
        let name = Path::new(f["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for x in f["findings"].as_array().unwrap() {
            found.push((
                name.clone(),
                x["code"].as_str().unwrap().to_owned(),
                x["severity"].as_str().unwrap().to_owned(),
                x["message"].as_str().unwrap().to_owned(),
            ));
        }
    }
    found
}

fn codes(found: &[(String, String, String, String)]) -> Vec<String> {
    found.iter().map(|f| format!("{}:{}", f.0, f.1)).collect()
}

#[test]
fn an_item_can_be_named_with_its_dimension() {
    let extra = "      - dimension: channel
        items:
          - {ref: east, value: 15亿元}
          - {ref: other, value: 5亿元}
";
    let parent = hq(false, "", extra, BUDGET);
    // `east` is a region and a channel: ambiguous without the dimension.
    let found = check(
        &[
            ("hq.plan.yaml", &parent),
            (
                "east.plan.yaml",
                &child("east-2026", "hq-2026#east", "12亿元", ""),
            ),
        ],
        None,
    );
    assert!(
        found
            .iter()
            .any(|f| f.1 == "P901" && f.3.contains("more than one breakdown")),
        "{found:?}"
    );
    let found = check(
        &[
            ("hq.plan.yaml", &parent),
            (
                "east.plan.yaml",
                &child("east-2026", "hq-2026#region:east", "12亿元", ""),
            ),
        ],
        None,
    );
    assert!(found.is_empty(), "{found:?}");
    let found = check(
        &[
            ("hq.plan.yaml", &parent),
            (
                "east.plan.yaml",
                &child("east-2026", "hq-2026#channel:east", "12亿元", ""),
            ),
        ],
        None,
    );
    assert!(
        found
            .iter()
            .any(|f| f.1 == "P911" && f.3.contains("15亿元")),
        "{found:?}"
    );
    let found = check(
        &[
            ("hq.plan.yaml", &parent),
            (
                "east.plan.yaml",
                &child("east-2026", "hq-2026#product:east", "12亿元", ""),
            ),
        ],
        None,
    );
    assert!(
        found
            .iter()
            .any(|f| f.1 == "P901" && f.3.contains("by `product`")),
        "{found:?}"
    );
}

/// A parent whose target counts hospitals (家) by region.
fn hq_hospitals() -> String {
    let targets = "  - id: sales
    name: 目标医院数
    value: 50家
    breakdowns:
      - dimension: region
        items:
          - {ref: east, value: 30家}
          - {ref: south, value: 20家}
";
    plan("hq-2026", YEAR, targets, BUDGET)
}

#[test]
fn counts_roll_up_exactly_and_money_is_not_compared_with_counts() {
    let found = check(
        &[
            ("hq.plan.yaml", &hq_hospitals()),
            (
                "east.plan.yaml",
                &child("east-2026", "hq-2026#east", "30家", ""),
            ),
        ],
        None,
    );
    assert!(found.is_empty(), "{found:?}");
    // The money tolerance is for money: one hospital short still fails.
    let found = check(
        &[
            ("hq.plan.yaml", &hq_hospitals()),
            (
                "east.plan.yaml",
                &child("east-2026", "hq-2026#east", "29家", ""),
            ),
        ],
        Some("[tolerance]\nmoney = \"1亿元\"\n"),
    );
    assert_eq!(codes(&found), ["east.plan.yaml:P911"], "{found:?}");
    let found = check(
        &[
            ("hq.plan.yaml", &hq_hospitals()),
            (
                "east.plan.yaml",
                &child("east-2026", "hq-2026#east", "12亿元", ""),
            ),
        ],
        None,
    );
    assert!(
        found
            .iter()
            .any(|f| f.1 == "P904" && f.3.contains("in money")),
        "{found:?}"
    );
    assert!(found.iter().all(|f| f.1 != "P911"), "{found:?}");
}

#[test]
fn the_money_tolerance_applies_to_roll_ups() {
    let parent = hq(false, "", "", BUDGET);
    let east = child("east-2026", "hq-2026#east", "11.5亿元", "");
    let files = [
        ("hq.plan.yaml", parent.as_str()),
        ("east.plan.yaml", east.as_str()),
    ];
    assert!(check(&files, Some("[tolerance]\nmoney = \"1亿元\"\n")).is_empty());
    assert_eq!(codes(&check(&files, None)), ["east.plan.yaml:P911"]);
}

#[test]
fn a_review_cannot_be_a_parent() {
    let review = "kind: review
id: rev-2026
title: 年度总结
status: final
period: {start: 2026-01-01, end: 2026-12-31}
review:
  plan: hq-2026
  actuals: []
sections:
  - title: 总结
    text: 全年工作回顾。
";
    let found = check(
        &[
            ("hq.plan.yaml", &hq(false, "", "", BUDGET)),
            ("rev.plan.yaml", review),
            (
                "east.plan.yaml",
                &child("east-2026", "rev-2026#east", "12亿元", ""),
            ),
        ],
        None,
    );
    assert!(
        found
            .iter()
            .any(|f| f.0 == "east.plan.yaml" && f.1 == "P904" && f.3.contains("review")),
        "{found:?}"
    );
}

#[test]
fn a_budget_may_use_its_whole_allocation_and_the_tolerance() {
    let alloc = "  total: 3亿元\n  allocations:\n    - {ref: east, amount: 1亿元}\n";
    let with_budget = |b: &str, period: &str| {
        vec![
            ("hq.plan.yaml".to_owned(), hq(false, "", "", alloc)),
            (
                "east.plan.yaml".to_owned(),
                child_with("east-2026", "hq-2026#east", period, "12亿元", "", b),
            ),
        ]
    };
    let run = |files: Vec<(String, String)>, config: Option<&str>| {
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        check(&refs, config)
    };
    assert!(
        run(with_budget("  total: 1亿元\n", YEAR), None).is_empty(),
        "the whole allocation"
    );
    assert_eq!(
        codes(&run(with_budget("  total: 10500万元\n", YEAR), None)),
        ["east.plan.yaml:P914"]
    );
    assert!(run(
        with_budget("  total: 10500万元\n", YEAR),
        Some("[tolerance]\nmoney = \"1000万元\"\n")
    )
    .is_empty());
    assert!(!run(
        with_budget("  total: 11500万元\n", YEAR),
        Some("[tolerance]\nmoney = \"1000万元\"\n")
    )
    .is_empty());
    // A half-year plan is not compared: a warning says so, and no budget finding.
    let half = "period: {start: 2026-01-01, end: 2026-06-30}\n";
    let found = run(with_budget("  total: 2亿元\n", half), None);
    assert_eq!(codes(&found), ["east.plan.yaml:P904"], "{found:?}");
    assert_eq!(found[0].2, "warning");
}

#[test]
fn periods_must_lie_within_the_parents() {
    let run = |period: &str, value: &str| {
        check(
            &[
                ("hq.plan.yaml", &hq(false, "", "", BUDGET)),
                (
                    "east.plan.yaml",
                    &child_with("east-2026", "hq-2026#east", period, value, "", BUDGET),
                ),
            ],
            None,
        )
    };
    let late = run("period: {start: 2026-01-01, end: 2027-03-31}\n", "12亿元");
    assert_eq!(codes(&late), ["east.plan.yaml:P904"]);
    assert_eq!(late[0].2, "error");
    assert!(late[0].3.contains("not within"));
    let early = run("period: {start: 2025-10-01, end: 2026-12-31}\n", "12亿元");
    assert_eq!(early[0].2, "error");
    // Within and shorter: a warning, and a different total is not compared.
    let part = run("period: {start: 2026-04-01, end: 2026-12-31}\n", "9亿元");
    assert_eq!(codes(&part), ["east.plan.yaml:P904"]);
    assert_eq!(part[0].2, "warning");
    let part = run("period: {start: 2026-01-01, end: 2026-09-30}\n", "9亿元");
    assert_eq!(part[0].2, "warning");
    assert!(run(YEAR, "12亿元").is_empty());
}

#[test]
fn a_chain_into_a_circle_reports_the_circle_only() {
    let found = check(
        &[
            ("a.plan.yaml", &child("a-2026", "b-2026", "12亿元", "")),
            ("b.plan.yaml", &child("b-2026", "a-2026", "12亿元", "")),
            ("c.plan.yaml", &child("c-2026", "a-2026", "12亿元", "")),
        ],
        None,
    );
    let cycles: Vec<&str> = found
        .iter()
        .filter(|f| f.1 == "P903")
        .map(|f| f.0.as_str())
        .collect();
    assert_eq!(cycles, ["a.plan.yaml", "b.plan.yaml"], "{found:?}");
}

const EAST_BY_PRODUCT: &str = "            breakdowns:
              - dimension: product
                items:
                  - {ref: xinmaian, value: 9亿元}
                  - {ref: qingfeining, value: 3亿元}
";

fn by_product(partial: bool, items: &[(&str, &str)]) -> String {
    let mut s = String::from("    breakdowns:\n      - dimension: product\n");
    if partial {
        s.push_str("        partial: true\n");
    }
    s.push_str("        items:\n");
    for (k, v) in items {
        s.push_str(&format!("          - {{ref: {k}, value: {v}}}\n"));
    }
    s
}

#[test]
fn a_child_follows_the_parents_split_of_its_allocation() {
    let parent = hq(false, EAST_BY_PRODUCT, "", BUDGET);
    let run = |b: String| {
        check(
            &[
                ("hq.plan.yaml", &parent),
                (
                    "east.plan.yaml",
                    &child("east-2026", "hq-2026#east", "12亿元", &b),
                ),
            ],
            None,
        )
    };
    assert!(run(by_product(
        false,
        &[("xinmaian", "9亿元"), ("qingfeining", "3亿元")]
    ))
    .is_empty());
    // A partial breakdown may leave an item out; a whole one may not.
    let partial = run(by_product(true, &[("xinmaian", "9亿元")]));
    assert!(partial.iter().all(|f| f.1 != "P912"), "{partial:?}");
    let missing = run(by_product(false, &[("xinmaian", "12亿元")]));
    assert!(
        missing
            .iter()
            .any(|f| f.1 == "P912" && f.3.contains("does not have")),
        "{missing:?}"
    );
    // An item the parent does not allocate.
    let extra = run(by_product(
        false,
        &[
            ("xinmaian", "9亿元"),
            ("qingfeining", "2亿元"),
            ("bosuping", "1亿元"),
        ],
    ));
    assert!(
        extra
            .iter()
            .any(|f| f.1 == "P912" && f.3.contains("`bosuping` is not in")),
        "{extra:?}"
    );
    assert!(
        extra
            .iter()
            .any(|f| f.1 == "P912" && f.3.contains("`qingfeining` is 2亿元")),
        "{extra:?}"
    );
}

#[test]
fn a_child_filling_one_allocation_with_two_targets_claims_it_once() {
    let targets = "  - id: region-sales
    name: 大区年度销售指标
    value: 12亿元
    rolls_up: sales
  - id: region-sales-again
    name: 大区年度销售指标（复核）
    value: 12亿元
    rolls_up: sales
";
    let child = plan(
        "east-2026",
        &format!("{YEAR}parent: hq-2026#east\n"),
        targets,
        BUDGET,
    );
    let found = check(
        &[
            ("hq.plan.yaml", &hq(false, "", "", BUDGET)),
            ("east.plan.yaml", &child),
        ],
        None,
    );
    assert!(found.iter().all(|f| f.1 != "P913"), "{found:?}");
}

#[test]
fn coverage_is_told_per_target() {
    let targets = "  - id: sales
    name: 年度销售总额
    value: 20亿元
    breakdowns:
      - dimension: region
        complete: true
        items:
          - {ref: east, value: 12亿元}
          - {ref: south, value: 8亿元}
  - id: hospitals
    name: 目标医院数
    value: 50家
    breakdowns:
      - dimension: region
        complete: true
        items:
          - {ref: east, value: 30家}
          - {ref: south, value: 20家}
";
    let parent = plan("hq-2026", YEAR, targets, BUDGET);
    let child_targets = "  - id: region-sales
    name: 大区年度销售指标
    value: 12亿元
    rolls_up: sales
  - id: region-hospitals
    name: 大区目标医院数
    value: 30家
    rolls_up: hospitals
";
    let child = plan(
        "east-2026",
        &format!("{YEAR}parent: hq-2026#east\n"),
        child_targets,
        BUDGET,
    );
    let found = check(
        &[("hq.plan.yaml", &parent), ("east.plan.yaml", &child)],
        None,
    );
    let msgs: Vec<&str> = found
        .iter()
        .filter(|f| f.1 == "P913")
        .map(|f| f.3.as_str())
        .collect();
    assert_eq!(msgs.len(), 2, "{found:?}");
    assert!(
        msgs.iter().any(|m| m.contains("plan 12亿元 of the 20亿元")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("plan 30家 of the 50家")),
        "{msgs:?}"
    );
}

#[test]
fn children_of_a_complete_breakdown_add_up_to_the_parents_other_breakdowns() {
    let products = "      - dimension: product
        items:
          - {ref: xinmaian, value: 14亿元}
          - {ref: qingfeining, value: 6亿元}
";
    let parent = hq(true, "", products, BUDGET);
    let run = |south: &[(&str, &str)], partial: bool| {
        check(
            &[
                ("hq.plan.yaml", &parent),
                (
                    "east.plan.yaml",
                    &child(
                        "east-2026",
                        "hq-2026#east",
                        "12亿元",
                        &by_product(false, &[("xinmaian", "9亿元"), ("qingfeining", "3亿元")]),
                    ),
                ),
                (
                    "south.plan.yaml",
                    &child(
                        "south-2026",
                        "hq-2026#south",
                        "8亿元",
                        &by_product(partial, south),
                    ),
                ),
            ],
            None,
        )
    };
    assert!(run(&[("xinmaian", "5亿元"), ("qingfeining", "3亿元")], false).is_empty());
    let off = run(&[("xinmaian", "4亿元"), ("qingfeining", "4亿元")], false);
    let msgs: Vec<&str> = off
        .iter()
        .filter(|f| f.0 == "hq.plan.yaml" && f.1 == "P912")
        .map(|f| f.3.as_str())
        .collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("13亿元") && m.contains("`xinmaian`")),
        "{off:?}"
    );
    assert!(msgs.iter().any(|m| m.contains("7亿元")), "{off:?}");
    assert_eq!(msgs.len(), 2, "{off:?}");
    // Within the money tolerance: silent.
    let dir_files = [
        ("hq.plan.yaml", parent.clone()),
        (
            "east.plan.yaml",
            child(
                "east-2026",
                "hq-2026#east",
                "12亿元",
                &by_product(false, &[("xinmaian", "9亿元"), ("qingfeining", "3亿元")]),
            ),
        ),
        (
            "south.plan.yaml",
            child(
                "south-2026",
                "hq-2026#south",
                "8亿元",
                &by_product(
                    false,
                    &[("xinmaian", "49000万元"), ("qingfeining", "31000万元")],
                ),
            ),
        ),
    ];
    let refs: Vec<(&str, &str)> = dir_files.iter().map(|(a, b)| (*a, b.as_str())).collect();
    assert!(check(&refs, Some("[tolerance]\nmoney = \"1000万元\"\n"))
        .iter()
        .all(|f| f.1 != "P912"));
    assert!(check(&refs, None).iter().any(|f| f.1 == "P912"));
    // A child whose breakdown is partial is not added up.
    let partial = run(&[("xinmaian", "4亿元")], true);
    assert!(partial.iter().all(|f| f.1 != "P912"), "{partial:?}");
    // An item the parent's breakdown does not have is reported in the child.
    let extra = run(
        &[
            ("xinmaian", "5亿元"),
            ("qingfeining", "2亿元"),
            ("bosuping", "1亿元"),
        ],
        false,
    );
    assert!(
        extra
            .iter()
            .any(|f| f.0 == "south.plan.yaml" && f.1 == "P912" && f.3.contains("`bosuping`")),
        "{extra:?}"
    );
}

/// A cross-file finding is written in the language of the file it is reported in: the
/// child's roll-up gap in the child's `lang: en`, the parent's coverage in its `lang: zh`.
#[test]
fn cross_file_findings_speak_the_language_of_their_file() {
    let parent = hq(true, "", "", BUDGET).replace("kind: company\n", "kind: company\nlang: zh\n");
    let child = child("east-2026", "hq-2026#east", "11亿元", "")
        .replace("kind: company\n", "kind: company\nlang: en\n");
    let dir = temp_with(&[("hq.plan.yaml", &parent), ("east.plan.yaml", &child)]);
    let out = crate::util::planc_env()
        .args(["check", "--no-cache", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut messages = Vec::new();
    for f in json["files"].as_array().unwrap() {
        for x in f["findings"].as_array().unwrap() {
            messages.push((
                x["code"].as_str().unwrap().to_owned(),
                x["message"].as_str().unwrap().to_owned(),
            ));
        }
    }
    let of = |code: &str| {
        messages
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| panic!("no {code} in {messages:?}"))
    };
    assert!(
        of("P911").starts_with("大区年度销售指标 is 11亿元, but hq-2026 allocates 12亿元"),
        "{messages:?}"
    );
    assert!(
        of("P913").starts_with("按大区分配的 20亿元（年度销售总额）中，下级计划只承接了 11亿元"),
        "{messages:?}"
    );
}
