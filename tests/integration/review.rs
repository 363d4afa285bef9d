//! `planc review`: figures computed by hand for a small plan, partial years, the
//! bundled example, and the rendered summary.

use crate::util::{planc, root};

#[path = "review_as_of.rs"]
mod as_of;
#[path = "review_counts.rs"]
mod counts;

fn tiny(args: &[&str]) -> serde_json::Value {
    let dir = root().join("tests/fixtures/actuals");
    let out = planc()
        .arg("review")
        .arg(dir.join("tiny.plan.yaml"))
        .arg("--actuals")
        .arg(dir.join("tiny-2026.actuals.yaml"))
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["figures"].clone()
}

/// `planc review PLAN --actuals ACTUALS --format json` in `dir`.
fn review_json(dir: &std::path::Path, plan: &str, actuals: &str) -> serde_json::Value {
    let out = planc()
        .current_dir(dir)
        .args(["review", plan, "--actuals", actuals, "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn find<'a>(list: &'a serde_json::Value, key: &str, id: &str) -> &'a serde_json::Value {
    list.as_array()
        .and_then(|a| a.iter().find(|x| x[key] == id))
        .unwrap_or_else(|| panic!("no {id} in {list}"))
}

#[test]
fn attainment_growth_and_verdicts_match_a_hand_calculation() {
    let f = tiny(&[]);
    let sales = find(&f["targets"], "id", "sales");
    // 1260 / 1200 = 105 %; 1260 / 1000 − 1 = 26 %; 1260 − 1200 = +60.
    assert_eq!(sales["actual"]["value"], "12600000");
    assert_eq!(sales["attainment"]["value"], "105");
    assert_eq!(sales["growth"]["value"], "26");
    // Written for the report's language: `--lang en` gives millions of yuan.
    assert_eq!(sales["variance"]["display"], "+CNY 0.6m");
    assert_eq!(sales["status"], "green");
    let product = find(&sales["breakdowns"], "dimension", "product");
    let a = find(&product["items"], "ref", "a");
    // 780 / 800 = 97.5 % (amber); 780 / 700 − 1 = 11.4286 %; share 780 / 1260 = 61.9048 %.
    assert_eq!(a["attainment"]["value"], "97.5");
    assert_eq!(a["status"], "amber");
    assert_eq!(a["growth"]["value"], "11.4286");
    assert_eq!(a["share"]["value"], "61.9048");
    // −20 of a 1200 target: −1.6667 points of attainment.
    assert_eq!(a["contribution"]["value"], "-1.6667");
    let b = find(&product["items"], "ref", "b");
    assert_eq!(b["attainment"]["value"], "120");
    assert_eq!(b["growth"]["value"], "60");
    assert_eq!(product["top"], serde_json::json!(["b"]));
    assert_eq!(product["bottom"], serde_json::json!(["a"]));
    let q3 = find(&sales["periods"], "period", "Q3");
    // 290 / 300 = 96.6667 %.
    assert_eq!(q3["attainment"]["value"], "96.6667");
    let hospitals = find(&f["targets"], "id", "new-hospitals");
    // 18 / 20 = 90 % is amber at the default thresholds; 18 / 15 − 1 = 20 %.
    assert_eq!(hospitals["attainment"]["value"], "90");
    assert_eq!(hospitals["status"], "amber");
    assert_eq!(hospitals["growth"]["value"], "20");
    // KPIs: ≥ 90 % met; ≤ 5 % missed by 5.5 % (5 / 5.5 = 90.9091 %, amber);
    // range 10–20 % missed by 25 % (20 / 25 = 80 %, red); = 0 met.
    let cover = find(&f["kpis"], "id", "k-cover");
    assert_eq!(
        (cover["verdict"].as_str(), cover["status"].as_str()),
        (Some("pass"), Some("green"))
    );
    let expense = find(&f["kpis"], "id", "k-expense");
    assert_eq!(expense["verdict"], "fail");
    assert_eq!(expense["attainment"]["value"], "90.9091");
    assert_eq!(expense["status"], "amber");
    let range = find(&f["kpis"], "id", "k-range");
    assert_eq!(range["verdict"], "fail");
    assert_eq!(range["attainment"]["value"], "80");
    assert_eq!(range["status"], "red");
    let zero = find(&f["kpis"], "id", "k-zero");
    assert_eq!(zero["verdict"], "pass");
    assert_eq!(f["summary"]["kpis_passed"], 2);
    assert_eq!(f["summary"]["kpis_failed"], 2);
}

#[test]
fn partial_year_uses_the_quarter_split_and_forecasts_the_run_rate() {
    let f = tiny(&["--as-of", "2026-09-30"]);
    assert_eq!(f["partial"], true);
    assert_eq!(f["elapsed_months"], "9");
    let sales = find(&f["targets"], "id", "sales");
    // Q1–Q3 actual 250 + 310 + 290 = 850 against 240 + 300 + 300 = 840: 101.1905 %.
    assert_eq!(sales["actual"]["value"], "8500000");
    assert_eq!(sales["target_to_date"]["value"], "8400000");
    assert_eq!(sales["attainment"]["value"], "101.1905");
    // 850 of the year's 1200: 70.8333 %; run rate 850 × 12 / 9 = 1133.33, 94.4444 %.
    assert_eq!(sales["progress"]["value"], "70.8333");
    assert_eq!(sales["forecast"]["attainment"]["value"], "94.4444");
    assert_eq!(sales["forecast"]["status"], "amber");
    // The full-year row covers time after the as-of date and is left out.
    assert!(f["rows_after_as_of"].as_u64().unwrap() >= 1);
}

#[test]
fn items_in_a_partial_year_are_measured_against_their_share_to_date() {
    // The tiny plan with product a split by channel, reviewed at 2026-09-30 with
    // year-to-date rows for the items.
    let tmp = tempfile::tempdir().unwrap();
    let plan = std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny.plan.yaml"))
        .unwrap()
        .replace(
            "          - { ref: a, value: 800万元, last_year: 700万元 }\n",
            "          - ref: a\n            value: 800万元\n            last_year: 700万元\n            \
             breakdowns:\n              - dimension: channel\n                items:\n                  \
             - { ref: 医院, value: 500万元 }\n                  - { ref: 药店, value: 300万元 }\n",
        );
    assert!(plan.contains("医院"));
    std::fs::write(tmp.path().join("tiny.plan.yaml"), plan).unwrap();
    let rows = [
        "{ metric: sales, period: Q1, value: 250 }",
        "{ metric: sales, period: Q2, value: 310 }",
        "{ metric: sales, period: Q3, value: 290 }",
        "{ metric: sales, dimension: product, item: a, period: FY, value: 588 }",
        "{ metric: sales, dimension: product, item: b, period: FY, value: 262 }",
        "{ metric: sales, dimension: channel, item: 医院, period: FY, value: 360 }",
        "{ metric: sales, dimension: channel, item: 药店, period: FY, value: 228 }",
    ];
    let actuals = format!(
        "plan: tiny-2026\nas_of: 2026-09-30\nunit: 万元\nrows:\n{}",
        rows.map(|r| format!("  - {r}\n")).concat()
    );
    std::fs::write(tmp.path().join("q3.actuals.yaml"), actuals).unwrap();
    let v = review_json(tmp.path(), "tiny.plan.yaml", "q3.actuals.yaml");
    let sales = find(&v["figures"]["targets"], "id", "sales");
    // To date: Q1–Q3 of the quarter split, 840 of 1200 (70 %).
    assert_eq!(sales["target_to_date"]["value"], "8400000");
    // The quarters before the as-of date have ended; Q4 has not.
    let ended: Vec<bool> = sales["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["elapsed"].as_bool().unwrap())
        .collect();
    assert_eq!(ended, [true, true, true, false]);
    // a: 588 of 800 × 70 % = 560 → 105 %, (588 − 560) / 840 = +3.3333 points;
    // b: 262 of 280 → 93.5714 %, −2.1429 points.
    let product = find(&sales["breakdowns"], "dimension", "product");
    let a = find(&product["items"], "ref", "a");
    assert_eq!(a["attainment"]["value"], "105");
    assert_eq!(a["contribution"]["value"], "3.3333");
    let b = find(&product["items"], "ref", "b");
    assert_eq!(b["attainment"]["value"], "93.5714");
    assert_eq!(b["contribution"]["value"], "-2.1429");
    // Channels of a, against a's 560 to date: 医院 360 of 350 → 102.8571 %, and
    // (360 − 350) ÷ 840 = +1.1905 points of the whole's attainment (not of a's);
    // 药店 228 of 210 → 108.5714 %, +2.1429 points.
    let channel = find(&sales["breakdowns"], "dimension", "channel");
    let hospital = find(&channel["items"], "ref", "医院");
    assert_eq!(hospital["attainment"]["value"], "102.8571");
    assert_eq!(hospital["contribution"]["value"], "1.1905");
    let pharmacy = find(&channel["items"], "ref", "药店");
    assert_eq!(pharmacy["attainment"]["value"], "108.5714");
    assert_eq!(pharmacy["contribution"]["value"], "2.1429");
}

#[test]
fn a_dimension_at_two_levels_is_measured_at_the_outer_one() {
    // Sales by province (江苏 700, 浙江 500), and product a by province too (500, 300):
    // the rows `dimension: province` are the provinces' whole sales, so 江苏's 720 is
    // measured against 700, never against a's 500.
    let tmp = tempfile::tempdir().unwrap();
    let dir = root().join("tests/fixtures/actuals");
    let plan = std::fs::read_to_string(dir.join("tiny.plan.yaml"))
        .unwrap()
        .replace(
            "          - { ref: a, value: 800万元, last_year: 700万元 }\n",
            "          - ref: a\n            value: 800万元\n            last_year: 700万元\n            \
             breakdowns:\n              - dimension: province\n                items:\n                  \
             - { ref: jiangsu, value: 500万元 }\n                  - { ref: zhejiang, value: 300万元 }\n",
        );
    std::fs::write(tmp.path().join("tiny.plan.yaml"), plan).unwrap();
    std::fs::copy(
        dir.join("tiny-2026.actuals.yaml"),
        tmp.path().join("tiny-2026.actuals.yaml"),
    )
    .unwrap();
    let v = review_json(tmp.path(), "tiny.plan.yaml", "tiny-2026.actuals.yaml");
    let sales = find(&v["figures"]["targets"], "id", "sales");
    let province = find(&sales["breakdowns"], "dimension", "province");
    let jiangsu = find(&province["items"], "ref", "jiangsu");
    assert_eq!(jiangsu["target"]["value"], "7000000");
    assert_eq!(jiangsu["attainment"]["value"], "102.8571");
    let zhejiang = find(&province["items"], "ref", "zhejiang");
    assert_eq!(zhejiang["attainment"]["value"], "108");
}

#[test]
fn kpi_attainment_at_the_edges_of_each_comparator() {
    // (id, comparator, target, max, actual) → (verdict, attainment, light), by hand:
    // a negative figure or a range from zero cannot be measured as a ratio, so a KPI
    // that is not met there attains 0 %, one that is met 100 %.
    let cases = [
        ("ge-neg", "\">=\"", "10%", "", "-5%", ("fail", "0", "red")),
        (
            "le-neg",
            "\"<=\"",
            "5%",
            "",
            "-1%",
            ("pass", "100", "green"),
        ),
        (
            "eq-short",
            "\"=\"",
            "10场",
            "",
            "8场",
            ("fail", "80", "red"),
        ),
        ("eq-neg", "\"=\"", "10场", "", "-3场", ("fail", "0", "red")),
        (
            "range-in",
            "range",
            "10%",
            "20%",
            "15%",
            ("pass", "100", "green"),
        ),
        (
            "range-on",
            "range",
            "10%",
            "20%",
            "20%",
            ("pass", "100", "green"),
        ),
        (
            "range-below",
            "range",
            "10%",
            "20%",
            "8%",
            ("fail", "80", "red"),
        ),
        (
            "range-over",
            "range",
            "10%",
            "20%",
            "25%",
            ("fail", "80", "red"),
        ),
        (
            "range-neg",
            "range",
            "10%",
            "20%",
            "-5%",
            ("fail", "0", "red"),
        ),
        (
            "range-from-zero",
            "range",
            "0%",
            "20%",
            "25%",
            ("fail", "0", "red"),
        ),
        // No attainment is shown against a target of zero.
        ("ge-zero", "\">=\"", "0场", "", "5场", ("pass", "", "green")),
        ("le-zero", "\"<=\"", "0场", "", "2场", ("fail", "", "red")),
    ];
    let src =
        std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny.plan.yaml")).unwrap();
    let (start, end) = (
        src.find("      - { id: k-cover").unwrap(),
        src.find("cadence:").unwrap(),
    );
    let kpis: String = cases
        .iter()
        .map(|(id, c, t, max, _, _)| {
            let max = if max.is_empty() {
                String::new()
            } else {
                format!(", max: {max}")
            };
            format!("      - {{ id: {id}, metric: 指标{id}, comparator: {c}, target: {t}{max} }}\n")
        })
        .collect();
    // A bare target with the KPI's own unit is shown with that unit.
    let kpis = format!(
        "{kpis}      - {{ id: bare, metric: 指标bare, comparator: \">=\", target: 12, unit: 场 }}\n"
    );
    let rows: String = cases
        .iter()
        .map(|(id, _, _, _, a, _)| format!("  - {{ metric: {id}, period: FY, value: {a} }}\n"))
        .chain(["  - { metric: bare, period: FY, value: 12 }\n".to_owned()])
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("tiny.plan.yaml"),
        format!("{}{kpis}{}", &src[..start], &src[end..]),
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("a.actuals.yaml"),
        format!("plan: tiny-2026\nunit: 万元\nrows:\n{rows}"),
    )
    .unwrap();
    let v = review_json(tmp.path(), "tiny.plan.yaml", "a.actuals.yaml");
    let bare = find(&v["figures"]["kpis"], "id", "bare");
    assert_eq!(
        (bare["target"].as_str(), bare["verdict"].as_str()),
        (Some("12场"), Some("pass"))
    );
    for (id, _, _, _, _, (verdict, attainment, light)) in cases {
        let k = find(&v["figures"]["kpis"], "id", id);
        assert_eq!(
            (
                k["verdict"].as_str(),
                k["attainment"]["value"].as_str().unwrap_or_default(),
                k["status"].as_str()
            ),
            (Some(verdict), attainment, Some(light)),
            "{id}"
        );
    }
}

#[test]
fn thresholds_come_from_planc_toml() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = root().join("tests/fixtures/actuals");
    for name in ["tiny.plan.yaml", "tiny-2026.actuals.yaml"] {
        std::fs::copy(dir.join(name), tmp.path().join(name)).unwrap();
    }
    std::fs::write(
        tmp.path().join("planc.toml"),
        "[review]\ngreen = \"95%\"\namber = \"85%\"\n",
    )
    .unwrap();
    let out = planc()
        .current_dir(tmp.path())
        .args([
            "review",
            "tiny.plan.yaml",
            "--actuals",
            "tiny-2026.actuals.yaml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sales = find(&v["figures"]["targets"], "id", "sales");
    let a = find(
        &find(&sales["breakdowns"], "dimension", "product")["items"],
        "ref",
        "a",
    );
    assert_eq!(a["status"], "green", "97.5 % is green at a 95 % threshold");
}

#[test]
fn the_summary_counts_every_light() {
    // At 106 % / 95 %: sales (105 %) is amber and new-hospitals (90 %) red.
    let tmp = tempfile::tempdir().unwrap();
    let dir = root().join("tests/fixtures/actuals");
    for name in ["tiny.plan.yaml", "tiny-2026.actuals.yaml"] {
        std::fs::copy(dir.join(name), tmp.path().join(name)).unwrap();
    }
    let review = |toml: &str| {
        std::fs::write(tmp.path().join("planc.toml"), toml).unwrap();
        let out = planc()
            .current_dir(tmp.path())
            .args([
                "review",
                "tiny.plan.yaml",
                "--actuals",
                "tiny-2026.actuals.yaml",
            ])
            .args(["--format", "json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let s = &v["figures"]["summary"];
        [&s["targets"], &s["green"], &s["amber"], &s["red"]].map(|n| n.as_u64().unwrap())
    };
    assert_eq!(
        review("[review]\ngreen = \"106%\"\namber = \"95%\"\n"),
        [2, 0, 1, 1]
    );
    assert_eq!(
        review("[review]\ngreen = \"100%\"\namber = \"90%\"\n"),
        [2, 1, 1, 0]
    );
    assert_eq!(
        review("[review]\ngreen = \"130%\"\namber = \"120%\"\n"),
        [2, 0, 0, 2]
    );
}

#[test]
fn an_attainment_just_below_a_threshold_never_reads_as_reaching_it() {
    use planc::config::Thresholds;
    use planc::review::compute::att;
    use rust_decimal::Decimal;
    use std::str::FromStr;
    let d = |s: &str| Decimal::from_str(s).unwrap();
    let th = Thresholds::default(); // green 100 %, amber 90 %
                                    // 99.96 % would round to 100.0 % beside an amber light: it is cut to 99.9 %.
    assert_eq!(att(d("99.96"), &th).display, "99.9%");
    assert_eq!(att(d("89.97"), &th).display, "89.9%");
    // Away from a threshold, and on one, figures round as usual.
    assert_eq!(att(d("99.94"), &th).display, "99.9%");
    assert_eq!(att(d("97.56"), &th).display, "97.6%");
    assert_eq!(att(d("100"), &th).display, "100.0%");
    // A figure exactly on a threshold written with two places reached it: rounded up.
    let th = Thresholds {
        green: d("95.55"),
        amber: d("90"),
    };
    assert_eq!(att(d("95.55"), &th).display, "95.6%");
}

#[test]
fn errors_in_the_actuals_stop_the_review() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("tests/fixtures/actuals/tiny.plan.yaml"),
        tmp.path().join("tiny.plan.yaml"),
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("bad.actuals.csv"),
        "metric,period,value,unit\nsale,FY,1,万元\n",
    )
    .unwrap();
    planc()
        .current_dir(tmp.path())
        .args([
            "review",
            "tiny.plan.yaml",
            "--actuals",
            "bad.actuals.csv",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("did you mean `sales`?"))
        .stderr(predicates::str::contains("review not written"));
}

#[test]
fn the_bundled_examples_check_clean() {
    planc().args(["check", "examples"]).assert().code(0);
}

#[test]
fn the_bundled_review_matches_a_hand_calculation() {
    // In the review's own language (`lang: zh`): figures in the plan report's one money
    // format (万元: the largest unit that shows 9.072亿元 without a third decimal).
    let out = crate::util::planc_env()
        .args(["review", "examples/review.plan.yaml", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["figures"];
    let sales = find(&f["targets"], "id", "sales");
    // 35.9亿元 of 36亿元: 99.7222 %, amber; 35.9 / 32 − 1 = 12.1875 %.
    assert_eq!(sales["actual"]["display"], "359,000万元");
    assert_eq!(sales["attainment"]["value"], "99.7222");
    assert_eq!(sales["status"], "amber");
    assert_eq!(sales["growth"]["value"], "12.1875");
    // 成熟区域 rolls up from 华东 9.09 and 华南 8.52: 17.61 of 17.82 = 98.8215 %.
    let groups = find(&sales["breakdowns"], "dimension", "region_group");
    let mature = find(&groups["items"], "ref", "成熟区域");
    assert_eq!(mature["actual"]["display"], "176,100万元");
    assert_eq!(mature["attainment"]["value"], "98.8215");
    // 民营医院 3.95 vs 2.88: +37.1528 %.
    let customers = find(&sales["breakdowns"], "dimension", "customer_type");
    let private = find(&customers["items"], "ref", "private");
    assert_eq!(private["growth"]["value"], "37.1528");
    // ≤ 42 % expense ratio at 42.9 %: missed, 42 / 42.9 = 97.9021 %.
    let expense = find(&f["kpis"], "id", "expense-ratio");
    assert_eq!(expense["verdict"], "fail");
    assert_eq!(expense["attainment"]["value"], "97.9021");
    assert_eq!(f["summary"]["kpis"], 25);
}

#[test]
fn review_files_are_checked_with_their_plan_and_actuals() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = root().join("tests/fixtures/actuals");
    std::fs::copy(
        dir.join("tiny.plan.yaml"),
        tmp.path().join("tiny.plan.yaml"),
    )
    .unwrap();
    // No KPI rows: the review warns about each KPI without an actual.
    std::fs::write(
        tmp.path().join("tiny-2026.actuals.csv"),
        "metric,period,value,unit\nsales,FY,1260,万元\nnew-hospitals,FY,18,家\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("tiny.review.plan.yaml"),
        "kind: review\nid: tiny-review\ntitle: 年度总结\nstatus: final\nperiod: { start: 2026-01-01, end: 2026-12-31 }\n\
review:\n  plan: tiny.plan.yaml\n  actuals: [tiny-2026.actuals.csv, missing.actuals.csv]\n\
sections:\n  - title: 目标回顾\n    text: 完成率{{sales.attainment}}，增长{{sales.growht}}。\n    figures: [targets, sales/produkt]\n",
    )
    .unwrap();
    let out = planc()
        .current_dir(tmp.path())
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr));
    // The same findings in Chinese.
    let out = planc()
        .current_dir(tmp.path())
        .args(["check", ".", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(
        "review_files_are_checked_with_their_plan_and_actuals-zh",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `planc review`'s own messages follow `--lang`.
#[test]
fn cli_messages_in_chinese() {
    let zh = |args: &[&str]| {
        let out = planc()
            .arg("review")
            .args(args)
            .args(["--lang", "zh"])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(
        zh(&["nope.plan.yaml"]),
        (
            Some(2),
            "错误：无法读取 nope.plan.yaml：文件不存在\n".to_owned()
        )
    );
    assert_eq!(
        zh(&["examples/review.plan.yaml", "--format", "docx"]),
        (
            Some(2),
            "错误：--format docx 和 --format pdf 需要用 -o 指定输出文件\n".to_owned()
        )
    );
    let (code, err) = zh(&["examples/review.plan.yaml", "--as-of", "2026-9-31"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`2026-9-31` 不是日期；请写成 YYYY-MM-DD，例如 2026-09-30"),
        "{err}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("总结.md");
    let (code, err) = zh(&[
        "examples/review.plan.yaml",
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.ends_with("（目标 1 项、关键指标 25 项；0 个警告）\n"),
        "{err}"
    );
}

fn render(args: &[&str]) -> String {
    let out = planc().arg("review").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn rendered_summary_of_the_bundled_review() {
    let md = render(&[
        "examples/review.plan.yaml",
        "--format",
        "md",
        "--lang",
        "zh",
    ]);
    // Figures in the narrative are filled in, never left as references.
    assert!(!md.contains("{{"), "unfilled reference in:\n{md}");
    assert!(md.contains("全年实现销售额359,000万元，完成年度目标的99.7%"));
    insta::assert_snapshot!(md);
}

#[test]
fn rendered_summary_of_a_plain_plan_with_a_partial_year() {
    let dir = "tests/fixtures/actuals";
    let md = render(&[
        &format!("{dir}/tiny.plan.yaml"),
        "--actuals",
        &format!("{dir}/tiny-2026.actuals.yaml"),
        "--as-of",
        "2026-09-30",
        "--format",
        "md",
        "--lang",
        "zh",
    ]);
    insta::assert_snapshot!(md);
}

/// Part-way through the year a breakdown's target column is the target to date — what
/// its attainment and variance are of, and what its chart draws — and its total row is
/// the whole's, as table 1.1 gives it. Breakdowns no actual reaches are named, not
/// tabled as dashes.
#[test]
fn a_partial_reviews_breakdowns_are_to_date_and_name_what_has_no_actuals() {
    let md = render(&[
        "examples/org/east-china.plan.yaml",
        "--actuals",
        "examples/actuals/east-china-2026-q3.actuals.yaml",
        "--as-of",
        "2026-09-30",
        "--format",
        "md",
        "--lang",
        "zh",
    ]);
    let provinces = md
        .split("### 2.2 按省市完成情况")
        .nth(1)
        .and_then(|s| s.split("\n### ").next())
        .unwrap_or_else(|| panic!("no 2.2 in\n{md}"));
    assert!(
        provinces.contains("| 项目 | 截至目标 | 实际 | 完成率 | 差额 |"),
        "{provinces}"
    );
    // 上海市: 15,800 against 15,394 to date (21,000 for the year) is 102.6 %.
    assert!(
        provinces.contains("| 上海市 | 15,394 | 15,800 | 102.6% | +406 |"),
        "{provinces}"
    );
    assert!(
        provinces
            .contains("| **合计** | **66,500** | **66,500** | **100.0%** | **0** | **100.0%** |"),
        "{provinces}"
    );
    assert!(provinces.contains("🟢 **绿灯** |"), "{provinces}");
    assert!(
        md.contains("未列完成情况：按地市、按销售小组、按代表。"),
        "{md}"
    );
    // 时间进度 by days, as the monthly report counts it: 273 of 365 days is 74.79 %;
    // 66,500 of 90,720 is 73.30 % of the year, 1.49 points behind.
    assert!(
        md.contains("完成全年目标 90,720万元的 73.3%，时间进度 74.8%（进度差 −1.49个百分点）"),
        "{md}"
    );
    // The cover says what the document is: a review to date, not the year's summary.
    assert!(md.contains("- **计划类型**：执行回顾\n"), "{md}");
    for gone in ["按地市完成情况", "按销售小组完成情况", "按代表完成情况"] {
        assert!(!md.contains(gone), "{gone} in\n{md}");
    }
}

/// A review made from a plan and its actuals alone is titled for what it covers: the
/// year, or the year to date — in either language.
#[test]
fn a_review_without_a_review_file_is_titled_for_its_period() {
    let dir = "tests/fixtures/actuals";
    let plan = format!("{dir}/tiny.plan.yaml");
    let actuals = format!("{dir}/tiny-2026.actuals.yaml");
    let title = |extra: &[&str]| {
        let mut args = vec![plan.as_str(), "--actuals", actuals.as_str()];
        args.extend(extra);
        args.extend(["--format", "md"]);
        render(&args).lines().next().unwrap_or_default().to_owned()
    };
    assert_eq!(
        title(&["--lang", "zh"]),
        "# 测试大区2026年度计划——年度工作总结"
    );
    assert_eq!(
        title(&["--lang", "en"]),
        "# 测试大区2026年度计划 — year-end review"
    );
    assert_eq!(
        title(&["--as-of", "2026-06-30", "--lang", "en"]),
        "# 测试大区2026年度计划 — review to 2026-06-30"
    );
}

/// `--lang en`: the report's own text, table headers, status words, the summary line
/// and the figures in the narrative are English (the narrative people wrote stays as
/// written); money in millions of yuan.
#[test]
fn english_review_of_the_bundled_example() {
    let md = render(&[
        "examples/review.plan.yaml",
        "--format",
        "md",
        "--lang",
        "en",
    ]);
    for english in [
        "### 1.1 Targets against actuals",
        "| Metric | Annual target | Actual | Attainment | Variance | Last year | YoY | Status |",
        "| 年度销售总额 | 3,600.0 | 3,590.0 | 99.7% | −10.0 | 3,200.0 | +12.2% | 🟡 amber |",
        "*Amounts in CNY m. Attainment = actual ÷ target;",
        "- Targets: 1 (0 green, 1 amber, 0 red); KPIs: 25 (17 met, 8 missed).",
        "全年实现销售额CNY 3,590.0m",
        "状态为amber",
        "| 整体费用率 | ≤ 42% | 42.9% | 97.9% | missed | 🟡 amber |",
        "- Ahead of target: 心脉安 (+CNY 32.0m)",
        "## Appendix A Checks",
    ] {
        assert!(md.contains(english), "no `{english}` in\n{md}");
    }
    for chinese in [
        "目标完成情况",
        "绿灯",
        "黄灯",
        "未达成",
        "亿元",
        "合计",
        "完成率 =",
    ] {
        assert!(
            !md.contains(chinese),
            "`{chinese}` in the English review:\n{md}"
        );
    }
    // `planc render` of the review file takes `--lang` too, and gives the same report.
    let out = planc()
        .args([
            "render",
            "examples/review.plan.yaml",
            "--format",
            "md",
            "-o",
            "-",
        ])
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), md);
    // Without `--lang`: the review's own `lang: zh`.
    let out = crate::util::planc_env()
        .args(["review", "examples/review.plan.yaml", "--format", "md"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("关键指标 25 项：达成 17、未达成 8。"));
}

/// A plan without `lang:` reviewed in English: the generated outline is English too.
#[test]
fn english_review_of_a_plain_plan() {
    let dir = "tests/fixtures/actuals";
    let md = render(&[
        &format!("{dir}/tiny.plan.yaml"),
        "--actuals",
        &format!("{dir}/tiny-2026.actuals.yaml"),
        "--format",
        "md",
        "--lang",
        "en",
    ]);
    insta::assert_snapshot!(md);
}

#[test]
fn html_summary_has_lights_and_plan_vs_actual_charts() {
    let html = render(&["examples/review.plan.yaml", "--format", "html"]);
    assert!(html.contains("light light-green"));
    assert!(html.contains("light light-amber"));
    assert!(html.contains("<svg"));
    assert!(!html.contains("{{"));
}

#[test]
fn dash_output_writes_to_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = root().join("examples/review.plan.yaml");
    let out = planc()
        .current_dir(tmp.path())
        .arg("review")
        .arg(&plan)
        .args(["--format", "md", "-o", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The company (from the plan under review) above the title, then the title.
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with("**华康医药股份有限公司**\n\n# "), "{md}");
    assert!(!tmp.path().join("-").exists(), "wrote a file named `-`");
    // A Word document never goes to a terminal.
    planc()
        .current_dir(tmp.path())
        .arg("review")
        .arg(&plan)
        .args(["--format", "docx", "-o", "-"])
        .assert()
        .code(2)
        .stdout("");
    assert!(!tmp.path().join("-").exists());
}

/// Actuals that belong to no plan of the workspace, in Chinese.
#[test]
fn actuals_without_a_plan_in_chinese() {
    let tmp = crate::util::temp_with(&[
        (
            "other.actuals.csv",
            "metric,period,value,unit\nsales,FY,1,万元\n",
        ),
        (
            "x.actuals.yaml",
            "plan: nope\nrows:\n  - { metric: sales, period: FY, value: 1万元 }\n",
        ),
    ]);
    let out = planc()
        .current_dir(tmp.path())
        .args(["check", ".", "--lang", "zh"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("无法判断 other.actuals.csv 属于哪份计划"),
        "{err}"
    );
    assert!(err.contains("找不到这些实际数据对应的计划 `nope`"), "{err}");
    assert!(
        err.contains("或在 YAML 实际数据文件中写上 `plan: <id>`"),
        "{err}"
    );
}

/// A review whose period is not its plan's is reported, pointing at both periods.
#[test]
fn a_review_of_another_period_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    for rel in [
        "review.plan.yaml",
        "org/company.plan.yaml",
        "actuals/company-2026.actuals.csv",
        "actuals/company-2026-crm.actuals.xlsx",
    ] {
        let to = tmp.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(crate::util::root().join("examples").join(rel), &to).unwrap();
    }
    let check = |dir: &std::path::Path| {
        let out = crate::util::planc()
            .current_dir(dir)
            .args(["check", "--lang", "en", "review.plan.yaml"])
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code(),
        )
    };
    let (err, code) = check(tmp.path());
    assert!(!err.contains("the review covers"), "{err}");
    assert_eq!(code, Some(0), "{err}");
    let path = tmp.path().join("review.plan.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("start: 2026-01-01", "start: 2025-01-01", 1),
    )
    .unwrap();
    let (err, code) = check(tmp.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("the review covers 2025-01-01 – 2026-12-31, but its plan's period is 2026-01-01 – 2026-12-31"),
        "{err}"
    );
    assert!(err.contains("the plan's period"), "{err}");
}

/// `planc review DIR` is the monthly report of the folder's organisation: without a date
/// and without monthly actuals to take one from, it asks for one, never "not a regular file".
#[test]
fn review_of_a_folder_asks_for_the_date_of_its_monthly_report() {
    let empty = tempfile::tempdir().unwrap();
    let out = planc()
        .args(["review", "--lang", "en"])
        .arg(empty.path())
        .current_dir(root())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("monthly actuals"), "{err}");
    assert!(err.contains("--as-of 2026-09-30"), "{err}");
    assert!(!err.contains("not a regular file"), "{err}");
}

/// 华东's year to September reads the same in the part-way review and the monthly report:
/// the quarterly file's last-year figures are its monthly files' added up, and its
/// province and product splits of last year add up to the same whole.
#[test]
fn the_quarterly_example_agrees_with_the_monthly_files_on_last_year() {
    use rust_decimal::Decimal;
    let wan = Decimal::from(10_000);
    let mut months = Vec::new();
    for m in 1..=9 {
        let csv = std::fs::read_to_string(root().join(format!(
            "examples/org/actuals/2026-{m:02}/east-china-2026.actuals.csv"
        )))
        .unwrap();
        let row = csv.lines().find(|l| l.starts_with("east-sales,")).unwrap();
        let last_year: Decimal = row.rsplit(',').next().unwrap().parse().unwrap();
        months.push(last_year);
    }
    let q3 =
        std::fs::read_to_string(root().join("examples/actuals/east-china-2026-q3.actuals.yaml"))
            .unwrap();
    // `last_year: 2.2688 }` in 亿元, or `last_year: 7372万元 }`.
    let last_year = |line: &str| -> Decimal {
        let v = line
            .split("last_year: ")
            .nth(1)
            .unwrap()
            .trim_end_matches([' ', '}']);
        match v.strip_suffix("万元") {
            Some(w) => w.parse::<Decimal>().unwrap(),
            None => v.parse::<Decimal>().unwrap() * wan,
        }
    };
    for (q, name) in ["Q1", "Q2", "Q3"].iter().enumerate() {
        let line = q3
            .lines()
            .find(|l| l.contains(&format!("metric: east-sales, period: {name},")))
            .unwrap();
        let sum: Decimal = months[q * 3..q * 3 + 3].iter().sum();
        assert_eq!(last_year(line), sum, "{name}");
    }
    let to_sep: Decimal = months.iter().sum();
    for dimension in ["province", "product"] {
        let split: Decimal = q3
            .lines()
            .filter(|l| l.contains(&format!("dimension: {dimension},")) && l.contains("last_year"))
            .map(last_year)
            .sum();
        assert_eq!(split, to_sep, "{dimension}");
    }
}

/// A forecast that divides evenly is not said to be rounded; one that does not, is.
#[test]
fn only_a_forecast_that_does_not_divide_evenly_is_said_rounded() {
    let dir = "tests/fixtures/actuals";
    let plan = format!("{dir}/tiny.plan.yaml");
    let actuals = format!("{dir}/tiny-2026.actuals.yaml");
    let at = |date: &str| {
        render(&[
            plan.as_str(),
            "--actuals",
            actuals.as_str(),
            "--as-of",
            date,
            "--format",
            "md",
            "--lang",
            "zh",
        ])
    };
    // 560 to June: 560 × 12 ÷ 6 = 1,120 exactly.
    let june = at("2026-06-30");
    assert!(june.contains("| 1,120万元 | 93.3% |"), "{june}");
    assert!(!june.contains("除不尽"), "{june}");
    // 850 to September: 850 × 12 ÷ 9 = 1,133.33…
    let september = at("2026-09-30");
    assert!(september.contains("全年预测除不尽"), "{september}");
}

/// A point change reads with its sign, and one that rounds to nothing reads `0.00`, not
/// `+0.00`.
#[test]
fn a_point_change_is_signed_unless_it_rounds_to_nothing() {
    use planc::review::compute::points_number;
    use rust_decimal::Decimal;
    let p = |s: &str| points_number(s.parse::<Decimal>().unwrap());
    assert_eq!(p("0.001"), "0.00");
    assert_eq!(p("0"), "0.00");
    assert_eq!(p("0.5"), "+0.50");
    assert_eq!(p("0.31"), "+0.31");
    assert!(p("-0.28").ends_with("0.28") && !p("-0.28").starts_with('+'));
}
