//! Every rule has a fixture under `tests/fixtures/rules/<CODE>/` that triggers it; the
//! rendered diagnostics are pinned with insta so a reviewer sees what a user sees.
//! And no rule fires on the bundled examples.

use std::path::{Path, PathBuf};

use planc::config::Config;
use planc::diagnostics::{human, FileReport};
use planc::i18n::{Choice, Lang};
use planc::rules::REGISTRY;

use crate::util::root;

fn check_dir(dir: &Path, lang: Lang) -> Vec<FileReport> {
    let config = Config {
        lang: Choice { forced: Some(lang) },
        ..Config::default()
    };
    let rel = dir.strip_prefix(root()).unwrap_or(dir).to_path_buf();
    planc::check::check_paths(&[rel], &config)
}

fn render(reports: &[FileReport]) -> String {
    let style = human::Style {
        show_suppressed: true,
        ..human::Style::default()
    };
    human::render(reports, &style)
}

#[test]
fn every_rule_has_a_firing_fixture_and_a_snapshot() {
    let actuals_tests =
        std::fs::read_to_string(root().join("tests/integration/actuals.rs")).unwrap_or_default();
    for rule in REGISTRY.iter() {
        // Actuals codes (P8xx) fire on plan + actuals pairs; tests/integration/actuals.rs
        // has one test per code, named after it.
        if rule.code.starts_with("P8") {
            let test = format!("fn {}_", rule.code.to_lowercase());
            assert!(
                actuals_tests.contains(&test),
                "rule {} has no `{test}…` test in actuals.rs",
                rule.code
            );
            continue;
        }
        let dir: PathBuf = root().join("tests/fixtures/rules").join(rule.code);
        assert!(
            dir.is_dir(),
            "rule {} has no fixture directory {}",
            rule.code,
            dir.display()
        );
        let reports = check_dir(&dir, Lang::En);
        let fired = reports
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.code == rule.code);
        assert!(fired, "the fixture of {} does not trigger it", rule.code);
        let en = planc::i18n::scope(Lang::En, || render(&reports));
        insta::assert_snapshot!(rule.code, en);
        // The same findings as a Chinese-speaking user reads them.
        let zh = planc::i18n::scope(Lang::Zh, || render(&check_dir(&dir, Lang::Zh)));
        insta::assert_snapshot!(format!("{}-zh", rule.code), zh);
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in REGISTRY.iter() {
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
        ] {
            assert!(
                rule.doc.contains(heading),
                "{} doc lacks `{heading}`",
                rule.code
            );
        }
        assert!(!rule.summary.is_empty());
    }
    let mut codes: Vec<_> = REGISTRY.iter().map(|r| r.code).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), REGISTRY.len(), "rule codes are unique");
}

#[test]
fn final_examples_check_clean() {
    let reports = check_dir(&root().join("examples"), Lang::En);
    for r in &reports {
        let in_drafts = r.path.components().any(|c| c.as_os_str() == "drafts");
        for f in &r.findings {
            if in_drafts {
                assert_eq!(f.code, "P501", "drafts only warn about placeholders: {f:?}");
                assert_eq!(f.severity, planc::diagnostics::Severity::Warning);
            } else {
                panic!("{}: {} {}", r.path.display(), f.code, f.message);
            }
        }
    }
    assert!(reports.len() >= 8, "all examples were checked");
}

// ---- Edges of the sum, share and growth rules (issue 9) ----------------------------

/// A final company plan around the given `targets:` and `budget:` sections.
fn plan(targets: &str, budget: &str) -> String {
    format!(
        r#"kind: company
id: edge
title: 边界用例
status: final
period: {{start: 2026-01-01, end: 2026-12-31}}
unit: 万元
regions:
  - {{id: shanghai, name: 上海市}}
  - {{id: jiangsu, name: 江苏省}}
  - {{id: zhejiang, name: 浙江省}}
products:
  - {{id: xinmaian, name: 心脉安}}
  - {{id: qingfeining, name: 清肺宁}}
timeline:
  - {{id: h1, name: 上半年, start: 2026-01-01, end: 2026-06-30}}
  - {{id: h2, name: 下半年, start: 2026-07-01, end: 2026-12-31}}
swot:
  strengths:
    - {{title: 产品优势, text: 心脉安拥有领先的临床数据}}
targets:
{targets}
strategies:
  - id: s1
    name: 产品生命周期管理
    kpis:
      - {{metric: 核心专家合作项目数量, comparator: ">=", target: 12项}}
budget:
{budget}
risks:
  - {{id: r1, name: 政策风险, description: 核心产品被纳入集采, response: 提前进行成本测算}}
cadence:
  - {{name: 月度销售会议, frequency: monthly}}
"#
    )
}

const SALES: &str = "  - {id: sales, name: 年度销售总额, value: 32亿元}";
const TOTAL: &str = "  total: 6000万元";

/// A finding as `(code, message, help)`.
type Seen = (String, String, String);

fn check_with(text: &str, percent_points: &str) -> Vec<Seen> {
    let config = Config {
        lang: Choice {
            forced: Some(Lang::En),
        },
        tolerance: planc::config::Tolerance {
            percent_points: percent_points.parse().unwrap(),
            ..Default::default()
        },
        ..Config::default()
    };
    let report = planc::load::check_bytes(Path::new("edge.plan.yaml"), text.as_bytes(), &config);
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.code.to_owned(),
                f.message.clone(),
                f.help.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn check(targets: &str, budget: &str) -> Vec<Seen> {
    check_with(&plan(targets, budget), "0")
}

fn codes(seen: &[Seen]) -> Vec<&str> {
    seen.iter().map(|(c, _, _)| c.as_str()).collect()
}

fn only<'a>(seen: &'a [Seen], code: &str) -> Vec<&'a Seen> {
    seen.iter().filter(|(c, _, _)| c == code).collect()
}

fn budget_lines(lines: &[&str]) -> String {
    let mut b = format!("{TOTAL}\n  lines:\n");
    for l in lines {
        b.push_str(&format!("    - {l}\n"));
    }
    b
}

#[test]
fn p104_shares_stated_alone_add_up_to_exactly_100() {
    let lines = |shares: &[&str]| {
        let l: Vec<String> = shares
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{{name: 费用{i}, share: {s}}}"))
            .collect();
        budget_lines(&l.iter().map(String::as_str).collect::<Vec<_>>())
    };
    for bad in [
        &["50%", "30%", "10%", "8%"][..],
        &["50%", "30%", "10%", "9%"],
        &["50%", "30%", "10%", "11%"],
        &["33.3%", "33.3%", "33.3%"],
    ] {
        let seen = check(SALES, &lines(bad));
        assert_eq!(codes(&seen), ["P104"], "{bad:?}");
    }
    for good in [
        &["50%", "30%", "10%", "10%"][..],
        &["33.3%", "33.3%", "33.4%"],
        &["100%"],
    ] {
        assert_eq!(
            codes(&check(SALES, &lines(good))),
            [] as [&str; 0],
            "{good:?}"
        );
    }
    let seen = check(SALES, &lines(&["50%", "30%", "10%", "8%"]));
    assert_eq!(seen[0].1, "budget shares add up to 98%, not 100%");
    assert_eq!(seen[0].2, "2% of the budget is in no line");
}

#[test]
fn p104_tolerance_percent_is_the_only_slack_for_stated_shares() {
    let text = plan(
        SALES,
        &budget_lines(&[
            "{name: a, share: 50%}",
            "{name: b, share: 30%}",
            "{name: c, share: 10%}",
            "{name: d, share: 8%}",
        ]),
    );
    assert_eq!(codes(&check_with(&text, "2")), [] as [&str; 0]);
    assert_eq!(codes(&check_with(&text, "1.9")), ["P104"]);
}

#[test]
fn p104_shares_beside_amounts_keep_their_rounding() {
    // 2000 of 6000 is 33.33…%: `33.3%` is that share rounded, and three of them make 99.9%.
    let rounded = budget_lines(&[
        "{name: a, amount: 2000万元, share: 33.3%}",
        "{name: b, amount: 2000万元, share: 33.3%}",
        "{name: c, amount: 2000万元, share: 33.3%}",
    ]);
    assert_eq!(codes(&check(SALES, &rounded)), [] as [&str; 0]);
    // Only the share beside an amount gets slack: 0.05 from `a`, none from `b` and `c`.
    let mixed = budget_lines(&[
        "{name: a, amount: 2000万元, share: 33.3%}",
        "{name: b, share: 33.3%}",
        "{name: c, share: 33.3%}",
    ]);
    assert_eq!(codes(&check(SALES, &mixed)), ["P104"]);
    let mixed_ok = budget_lines(&[
        "{name: a, amount: 2000万元, share: 33.3%}",
        "{name: b, share: 33.3%}",
        "{name: c, share: 33.35%}",
    ]);
    assert_eq!(codes(&check(SALES, &mixed_ok)), [] as [&str; 0]);
}

fn breakdown(dimension: &str, items: &[&str]) -> String {
    let mut t =
        "  - id: sales\n    name: 年度销售总额\n    value: 32亿元\n    breakdowns:\n".to_owned();
    t.push_str(&format!("      - dimension: {dimension}\n        items:\n"));
    for i in items {
        t.push_str(&format!("          - {i}\n"));
    }
    t
}

#[test]
fn p101_shares_of_items_without_values_add_up_to_exactly_100() {
    let items = |shares: [&str; 3]| {
        let refs = ["shanghai", "jiangsu", "zhejiang"];
        let v: Vec<String> = refs
            .iter()
            .zip(shares)
            .map(|(r, s)| format!("{{ref: {r}, value: XX亿元, share: {s}}}"))
            .collect();
        breakdown(
            "province",
            &v.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };
    let seen = check(&items(["40%", "35%", "24%"]), TOTAL);
    let p101 = only(&seen, "P101");
    assert_eq!(p101.len(), 1, "{seen:?}");
    assert_eq!(
        p101[0].1,
        "the shares of the provinces add up to 99%, not 100% (年度销售总额)"
    );
    assert!(
        p101[0].2.contains("1% of 年度销售总额 is in no item"),
        "{}",
        p101[0].2
    );
    let seen = check(&items(["40%", "35%", "26%"]), TOTAL);
    assert!(only(&seen, "P101")[0].2.contains("exceed 100% by 1%"));
    assert!(only(&check(&items(["40%", "35%", "25%"]), TOTAL), "P101").is_empty());
    // With every value known, the values are added up (and each share is checked by P102).
    let valued = breakdown(
        "province",
        &[
            "{ref: shanghai, value: 12亿元, share: 37.5%}",
            "{ref: jiangsu, value: 10亿元, share: 31.3%}",
            "{ref: zhejiang, value: 10亿元, share: 31.3%}",
        ],
    );
    assert_eq!(codes(&check(&valued, TOTAL)), [] as [&str; 0]);
}

#[test]
fn p101_an_empty_breakdown_is_reported_once() {
    for partial in ["", "        partial: true\n"] {
        let t = format!(
            "  - id: sales\n    name: 年度销售总额\n    value: 32亿元\n    breakdowns:\n      - dimension: quarter\n{partial}        items: []\n"
        );
        let seen = check(&t, TOTAL);
        assert_eq!(codes(&seen), ["P101"], "{seen:?}");
        assert_eq!(seen[0].1, "the breakdown of 年度销售总额 lists no quarters");
    }
}

#[test]
fn p101_items_without_any_figure_are_reported() {
    let seen = check(
        &breakdown(
            "province",
            &[
                "{ref: shanghai, value: \"\"}",
                "{ref: jiangsu, value: 若干}",
            ],
        ),
        TOTAL,
    );
    let p101 = only(&seen, "P101");
    assert_eq!(p101.len(), 1, "{seen:?}");
    assert_eq!(
        p101[0].1,
        "the provinces of 年度销售总额 have no figures, so the split cannot be checked"
    );
    // Placeholders are the placeholder rule's: one warning each in a draft, nothing more.
    let draft = plan(
        &breakdown(
            "province",
            &[
                "{ref: shanghai, value: XX亿元}",
                "{ref: jiangsu, value: XX亿元}",
            ],
        ),
        TOTAL,
    )
    .replace("status: final", "status: draft");
    assert_eq!(codes(&check_with(&draft, "0")), ["P501", "P501"]);
}

#[test]
fn p101_help_fits_the_dimension() {
    let help = |dimension: &str, items: &[&str]| {
        let seen = check(&breakdown(dimension, items), TOTAL);
        only(&seen, "P101")
            .first()
            .map(|s| s.2.clone())
            .unwrap_or_default()
    };
    // A quarter split without Q3: add Q3, not an `其他` item.
    let h = help(
        "quarter",
        &[
            "{ref: Q1, value: 7亿元}",
            "{ref: Q2, value: 8亿元}",
            "{ref: q4, value: 9亿元}",
        ],
    );
    assert!(
        h.ends_with("— add the missing Q3 or mark the breakdown `partial: true`"),
        "{h}"
    );
    let h = help(
        "quarter",
        &[
            "{ref: Q1, value: 7亿元}",
            "{ref: Q2, value: 8亿元}",
            "{ref: Q3, value: 8亿元}",
            "{ref: Q4, value: 8亿元}",
        ],
    );
    assert!(h.ends_with("— raise an item or lower the total"), "{h}");
    let h = help(
        "month",
        &["{ref: M01, value: 7亿元}", "{ref: m2, value: 8亿元}"],
    );
    assert!(h.contains("add the missing M03, M04,"), "{h}");
    assert!(h.contains("M12 or mark"), "{h}");
    let h = help("phase", &["{ref: h1, value: 7亿元}"]);
    assert!(
        h.ends_with("— add the missing h2 or mark the breakdown `partial: true`"),
        "{h}"
    );
    let h = help("province", &["{ref: shanghai, value: 7亿元}"]);
    assert!(
        h.ends_with("— add an `其他` item or mark the breakdown `partial: true`"),
        "{h}"
    );
    // Shares: a complete quarter split that falls short needs a bigger share.
    let h = help(
        "quarter",
        &[
            "{ref: Q1, value: XX亿元, share: 20%}",
            "{ref: Q2, value: XX亿元, share: 20%}",
            "{ref: Q3, value: XX亿元, share: 20%}",
            "{ref: Q4, value: XX亿元, share: 20%}",
        ],
    );
    assert!(h.ends_with("— raise a share"), "{h}");
}

#[test]
fn p107_growth_over_a_last_year_of_zero_is_reported() {
    let t = "  - {id: sales, name: 年度销售总额, value: 32亿元, last_year: 0亿元, growth: 15%}";
    let seen = check(t, TOTAL);
    assert_eq!(codes(&seen), ["P107"], "{seen:?}");
    assert_eq!(
        seen[0].1,
        "growth 15% is stated over last year's 0亿元: growth from zero is not a percentage"
    );
    // Without a stated growth there is nothing to check.
    let t = "  - {id: sales, name: 年度销售总额, value: 32亿元, last_year: 0亿元}";
    assert_eq!(codes(&check(t, TOTAL)), [] as [&str; 0]);
}

#[test]
fn p108_percentages_over_a_zero_base_are_reported() {
    let text = plan(SALES, TOTAL).replace(
        "targets:\n",
        "last_year:\n  sales: 7.8亿元\n  target: 0\n  attainment: 100%\n  previous_sales: 0亿元\n  growth: 100%\ntargets:\n",
    );
    let seen = check_with(&text, "0");
    assert_eq!(codes(&seen), ["P108", "P108"], "{seen:?}");
    assert!(seen[0]
        .1
        .starts_with("attainment 100% is stated against a target of 0"));
    assert!(seen[1]
        .1
        .starts_with("growth 100% is stated over previous sales of 0亿元"));
}

#[test]
fn helps_fit_the_case() {
    // A province listed twice is merged, not given a new id.
    let seen = check(
        &breakdown(
            "province",
            &[
                "{ref: shanghai, value: 16亿元}",
                "{ref: shanghai, value: 16亿元}",
            ],
        ),
        TOTAL,
    );
    assert_eq!(
        only(&seen, "P202")[0].2,
        "list each item once: merge the two into one"
    );
    // Only a KPI can be marked a growth.
    let seen = check(
        &breakdown("province", &["{ref: shanghai, value: 32亿元, share: 120%}"]),
        TOTAL,
    );
    let p402 = only(&seen, "P402");
    assert!(!p402[0].2.contains("growth: true"), "{}", p402[0].2);
    // A KPI with a comparator lacks only its target.
    let text = plan(SALES, TOTAL).replace(
        "target: 12项}",
        "target: 12项}\n      - {metric: 医院准入率, comparator: \">=\"}",
    );
    let seen = check_with(&text, "0");
    assert_eq!(
        only(&seen, "P401")[0].2,
        "add `target:` with the figure to reach, e.g. `target: 90%`"
    );
    // A campaign lives under one of three keys.
    let text = plan(SALES, TOTAL).replace(
        "response: 提前进行成本测算}",
        "response: 提前进行成本测算, campaign: liaoyuan}",
    );
    let seen = check_with(&text, "0");
    let p201 = only(&seen, "P201");
    assert_eq!(
        p201[0].2, "declared campaigns and strategies: s1",
        "{seen:?}"
    );
}

#[test]
fn p101_only_a_share_beside_a_value_is_a_rounded_figure() {
    // 10亿元 of 32亿元 is 31.25%, written `31.3%`: that share may be 0.05 off, the others
    // are exact. 31.3 + 34.35 + 34.4 = 100.05 is within that 0.05.
    let items = |shanghai: &str| {
        breakdown(
            "province",
            &[
                &format!("{{ref: shanghai, value: {shanghai}, share: 31.3%}}"),
                "{ref: jiangsu, value: XX亿元, share: 34.35%}",
                "{ref: zhejiang, value: XX亿元, share: 34.4%}",
            ],
        )
    };
    assert!(only(&check(&items("10亿元"), TOTAL), "P101").is_empty());
    let seen = check(&items("XX亿元"), TOTAL);
    assert_eq!(only(&seen, "P101").len(), 1, "{seen:?}");
}

#[test]
fn p201_an_undeclared_kind_says_where_to_declare_it() {
    let t = "  - id: sales\n    name: 年度销售总额\n    value: 32亿元\n    breakdowns:\n      - dimension: account\n        partial: true\n        items:\n          - {ref: ruijin, value: 2亿元}\n";
    let seen = check(t, TOTAL);
    assert_eq!(
        only(&seen, "P201")[0].2,
        "declare it under `accounts:` with an `id`"
    );
}

#[test]
fn p601_a_unit_that_looks_like_money_is_reported_wherever_a_figure_is() {
    // Targets take any unit; one that reads like money but is not a money unit is
    // reported (`千元` names 元, `USD` is money), a count (`家`) is not.
    for (value, unit, reported) in [
        ("300千元", "千元", true),
        ("50USD", "USD", true),
        ("120家", "家", false),
    ] {
        let targets = format!("{SALES}\n  - {{id: other, name: 其他指标, value: {value}}}");
        let seen = check(&targets, TOTAL);
        let p601 = only(&seen, "P601");
        assert_eq!(p601.len(), usize::from(reported), "{value}: {seen:?}");
        assert!(p601.iter().all(|(_, m, _)| m.contains(unit)), "{p601:?}");
    }
}

#[test]
fn p601_a_budget_request_is_money_and_any_request_is_a_figure() {
    for (kind, amount, reported) in [
        ("budget", "6名", true),
        ("budget", "300万元", false),
        ("headcount", "6名", false),
        // Every request's amount is still a figure.
        ("headcount", "六名", true),
    ] {
        let text = format!(
            "{}requests:\n  - {{kind: {kind}, name: 申请, amount: {amount}, text: 说明}}\n",
            plan(SALES, TOTAL)
        );
        let seen = check_with(&text, "0");
        assert_eq!(
            only(&seen, "P601").len(),
            usize::from(reported),
            "{kind} {amount}: {seen:?}"
        );
    }
}

#[test]
fn p301_a_one_day_period_still_has_dates_outside_it() {
    let period = "period: {start: 2026-01-01, end: 2026-12-31}";
    let one_day =
        plan(SALES, TOTAL).replace(period, "period: {start: 2026-03-01, end: 2026-03-01}");
    let seen = check_with(&one_day, "0");
    // The two phases of the timeline start or end on other days; a period of one day
    // is not backwards.
    assert!(only(&seen, "P301").len() >= 2, "{seen:?}");
    assert!(only(&seen, "P305").is_empty(), "{seen:?}");
    // A period that ends before it starts is its own error (P305); its dates are not
    // measured against it.
    let reversed =
        plan(SALES, TOTAL).replace(period, "period: {start: 2026-12-31, end: 2026-01-01}");
    let seen = check_with(&reversed, "0");
    assert!(only(&seen, "P301").is_empty(), "{seen:?}");
    assert_eq!(only(&seen, "P305").len(), 1, "{seen:?}");
}

#[test]
fn p201_items_of_product_region_and_phase_breakdowns_are_references() {
    for (dimension, known, unknown) in [
        ("product", "xinmaian", "xinmai"),
        ("province", "jiangsu", "jiangxi"),
        ("region", "jiangsu", "jiangxi"),
        ("phase", "h1", "h3"),
    ] {
        let items = [
            format!("{{ref: {known}, value: 16亿元}}"),
            format!("{{ref: {unknown}, value: 16亿元}}"),
        ];
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        let seen = check(&breakdown(dimension, &items), TOTAL);
        let p201 = only(&seen, "P201");
        assert_eq!(p201.len(), 1, "{dimension}: {seen:?}");
        assert!(p201[0].1.contains(unknown), "{dimension}: {p201:?}");
    }
}

/// The edge plan with its one strategy's `kpis:` block replaced by `strategy`.
fn with_strategy(strategy: &str) -> String {
    let kpis =
        "    kpis:\n      - {metric: 核心专家合作项目数量, comparator: \">=\", target: 12项}\n";
    let text = plan(SALES, TOTAL);
    assert!(text.contains(kpis));
    text.replace(kpis, strategy)
}

#[test]
fn p401_a_range_that_ends_below_its_start() {
    for (target, max, reported) in [
        ("20%", "10%", true),
        ("10%", "10%", false),
        ("10%", "20%", false),
    ] {
        let text = with_strategy(&format!(
            "    kpis:\n      - {{metric: 库存占比, comparator: range, target: {target}, max: {max}}}\n"
        ));
        let seen = check_with(&text, "0");
        assert_eq!(
            only(&seen, "P401").len(),
            usize::from(reported),
            "{target}–{max}: {seen:?}"
        );
    }
}

#[test]
fn p402_a_percentage_below_zero_or_over_100() {
    for (target, reported) in [
        ("-5%", true),
        ("0%", false),
        ("100%", false),
        ("101%", true),
    ] {
        let text = with_strategy(&format!(
            "    kpis:\n      - {{metric: 覆盖率, comparator: \">=\", target: {target}}}\n"
        ));
        let seen = check_with(&text, "0");
        assert_eq!(
            only(&seen, "P402").len(),
            usize::from(reported),
            "{target}: {seen:?}"
        );
    }
}

#[test]
fn p701_kpis_of_a_tactic_or_an_action_count_for_their_strategy() {
    let kpi = "{metric: 覆盖率, comparator: \">=\", target: 90%}";
    let cases = [
        (format!("    tactics:\n      - name: 战术\n        kpis:\n          - {kpi}\n"), false),
        (
            format!("    actions:\n      - title: 行动\n        text: 说明\n        kpis:\n          - {kpi}\n"),
            false,
        ),
        ("    tactics:\n      - name: 战术\n        text: 没有指标\n".to_owned(), true),
        ("    actions:\n      - title: 行动\n        text: 没有指标\n".to_owned(), true),
    ];
    for (strategy, reported) in cases {
        let seen = check_with(&with_strategy(&strategy), "0");
        assert_eq!(
            only(&seen, "P701").len(),
            usize::from(reported),
            "{strategy}: {seen:?}"
        );
    }
}

#[test]
fn p303_weeks_that_run_backwards_or_start_at_zero() {
    let timeline = "  - {id: h1, name: 上半年, start: 2026-01-01, end: 2026-06-30}\n  - {id: h2, name: 下半年, start: 2026-07-01, end: 2026-12-31}\n";
    for (weeks, reported) in [("5-3", true), ("0-3", true), ("3-3", false), ("1-4", false)] {
        let text = plan(SALES, TOTAL).replace(
            timeline,
            &format!("  - {{id: w1, name: 第一阶段, weeks: {weeks}}}\n"),
        );
        assert!(text.contains("weeks:"));
        let seen = check_with(&text, "0");
        assert_eq!(
            only(&seen, "P303").len(),
            usize::from(reported),
            "{weeks}: {seen:?}"
        );
    }
}

/// P501 points at the placeholder itself — in a plain and a quoted scalar, and at each of
/// two alike — and finds `待…` and `【…】` in a file that holds only one of them.
#[test]
fn p501_points_at_each_placeholder() {
    let found = |swot_text: &str| -> Vec<(isize, String)> {
        let text = plan(SALES, TOTAL)
            .replace("status: final", "status: draft")
            .replace(
                "text: 心脉安拥有领先的临床数据",
                &format!("text: {swot_text}"),
            );
        let report = planc::load::check_bytes(
            Path::new("p.plan.yaml"),
            text.as_bytes(),
            &Config::default(),
        );
        let at = (text.find("text: ").unwrap() + "text: ".len()) as isize;
        report
            .findings
            .iter()
            .filter(|f| f.code == "P501")
            .map(|f| {
                let s = f.primary.span;
                (s.start as isize - at, text[s.start..s.end].to_owned())
            })
            .collect()
    };
    // Byte offsets within the scalar as written: 覆盖 is 6 bytes, 家医院， 12.
    assert_eq!(
        found("覆盖XX家医院，XX场会议"),
        [(6, "XX".to_owned()), (20, "XX".to_owned())]
    );
    assert_eq!(found("\"覆盖XX家医院\""), [(7, "XX".to_owned())]);
    assert_eq!(found("预算待定"), [(6, "待定".to_owned())]);
    assert_eq!(found("覆盖【城市】"), [(6, "【城市】".to_owned())]);
    // Spelt as an escape, the placeholder is not in the source: the whole scalar is marked.
    let escaped = r#""预算\u5F85定""#;
    assert_eq!(found(escaped), [(0, escaped.to_owned())]);
    // An empty or blank narrative is one too, at its key.
    for blank in ["\"\"", "\"  \""] {
        assert_eq!(found(blank), [(-6, "text".to_owned())], "{blank}");
    }
}

/// A misspelt money unit comes with the fix that writes it as the unit it was read as.
#[test]
fn p601_a_misspelt_money_unit_is_fixed_to_the_unit_it_was_read_as() {
    let text = plan("  - {id: sales, name: 年度销售总额, value: 32亿圆}", TOTAL);
    let report = planc::load::check_bytes(
        Path::new("p.plan.yaml"),
        text.as_bytes(),
        &Config::default(),
    );
    let typo: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == "P601")
        .collect();
    assert_eq!(typo.len(), 1, "{:?}", report.findings);
    let fix = typo[0].fix.as_ref().expect("a fix");
    assert_eq!(fix.edits.len(), 1);
    let edit = &fix.edits[0];
    assert_eq!(&text[edit.span.start..edit.span.end], "32亿圆");
    assert_eq!(edit.replacement, "32亿元");
}

// ---- The ledger's relations: each caught fixture has a consistent twin -------------

/// `tests/fixtures/consistent/<CODE>/` holds the consistent twin of the caught fixture
/// of a relation: the same files with the numbers agreeing. It raises nothing of that
/// code (and no error at all).
#[test]
fn consistent_twins_raise_nothing() {
    let base = root().join("tests/fixtures/consistent");
    let mut seen = 0;
    for entry in std::fs::read_dir(&base).unwrap() {
        let dir = entry.unwrap().path();
        let code = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            REGISTRY.iter().any(|r| r.code == code),
            "{code} is not a rule code"
        );
        let reports = check_dir(&dir, Lang::En);
        assert!(!reports.is_empty());
        for r in &reports {
            for f in &r.findings {
                assert!(
                    f.code != code && f.severity != planc::diagnostics::Severity::Error,
                    "{}: {} {}",
                    r.path.display(),
                    f.code,
                    f.message
                );
            }
        }
        // The caught twin does fire.
        let caught = check_dir(&root().join("tests/fixtures/rules").join(&code), Lang::En);
        assert!(
            caught
                .iter()
                .flat_map(|r| &r.findings)
                .any(|f| f.code == code),
            "the caught fixture of {code} does not fire"
        );
        seen += 1;
    }
    assert!(seen >= 9, "every ledger relation has its consistent twin");
}
