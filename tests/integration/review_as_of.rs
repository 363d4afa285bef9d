//! `planc review` part-way through the year: what a full-year row means, and the
//! review's date inside the plan period.

use super::find;
use crate::util::{planc, root};

fn review_json(args: &[&str]) -> (serde_json::Value, String) {
    let out = planc()
        .arg("review")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    (serde_json::from_slice(&out.stdout).unwrap(), err)
}

/// The region example part-way through the year: the quarters so far and the
/// year-to-date figures of a file dated 30 September; no KPI without a figure.
#[test]
fn the_region_example_reads_correctly_at_the_end_of_september() {
    let (v, err) = review_json(&[
        "examples/org/east-china.plan.yaml",
        "--actuals",
        "examples/actuals/east-china-2026-q3.actuals.yaml",
        "--as-of",
        "2026-09-30",
    ]);
    assert!(!err.contains('⚠') && !err.contains('×'), "{err}");
    let f = &v["figures"];
    assert_eq!(f["partial"], true);
    let s = &f["summary"];
    assert_eq!(
        [
            &s["kpis"],
            &s["kpis_passed"],
            &s["kpis_failed"],
            &s["kpis_on_track"],
            &s["kpis_behind"],
            &s["kpis_without_actual"]
        ],
        [13, 5, 3, 3, 2, 0]
    );
    let sales = find(&f["targets"], "id", "east-sales");
    // Q1–Q3: 1.96 + 2.51 + 2.18 = 6.65 of the split's 2 + 2.45 + 2.2 = 6.65.
    // One money format for the document: the plan needs 907.2m, so one decimal.
    assert_eq!(sales["actual"]["display"], "CNY 665.0m");
    assert_eq!(sales["attainment"]["value"], "100");
    // A full-year row dated 30 September is the year to date: 江苏 1.85 of 2.45 × 6.65 ÷ 9.072.
    let province = find(&sales["breakdowns"], "dimension", "province");
    let jiangsu = find(&province["items"], "ref", "jiangsu");
    assert_eq!(jiangsu["actual"]["value"], "185000000");
    // An amount to reach builds up over the year: 470万元 of 600万元 × 9 ÷ 12 = 450万元.
    let qfn = find(&f["kpis"], "id", "liaoyuan-qfn-sales");
    assert_eq!(qfn["verdict"], "on_track");
    assert_eq!(qfn["target_to_date"]["value"], "4500000");
    // Part-way through the year a light agrees with its verdict: it is of the pace, as in
    // the monthly report (on track is green, behind is never green).
    for k in f["kpis"].as_array().unwrap() {
        match k["verdict"].as_str().unwrap() {
            "on_track" | "pass" => assert_eq!(k["status"], "green", "{k}"),
            _ => assert_ne!(k["status"], "green", "{k}"),
        }
    }
    assert_eq!(qfn["status"], "green");
    let seminars = find(&f["kpis"], "id", "liaoyuan-seminars");
    assert_eq!(
        [&seminars["verdict"], &seminars["status"]],
        ["behind", "amber"]
    );
    // A figure its metric states per month (区域主管每月协访天数 ≥ 12天) holds in every
    // month: 12.3 days is met, 102.5 %, not 136.7 % of a prorated 9 days.
    let coaching = find(&f["kpis"], "id", "coaching-days");
    assert_eq!(coaching["verdict"], "pass", "{coaching}");
    assert!(coaching["target_to_date"].is_null(), "{coaching}");
    // A rate is judged as it stands: 10.8 % against ≥ 12 % is missed, not pro-rated.
    let output = find(&f["kpis"], "id", "panshi-output");
    assert_eq!(output["verdict"], "fail");
    // In English: money in millions, the KPI's target too.
    let out = planc()
        .args(["review", "examples/org/east-china.plan.yaml", "--actuals"])
        .arg("examples/actuals/east-china-2026-q3.actuals.yaml")
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("| 新兴市场“清肺宁”销售额 | 战役二：“燎原计划” | ≥ CNY 6.0m | CNY 4.7m | 104.4% | on track | 🟢 green |"),
        "{md}"
    );
    assert!(
        md.contains("KPIs: 13 (5 met, 3 missed, 3 on track, 2 behind)."),
        "{md}"
    );
    // The date and the months elapsed are said once, under the forecast (1.2), not again
    // under the targets (1.1).
    assert_eq!(
        md.matches("As of 2026-09-30, 9 of 12 months.").count(),
        1,
        "{md}"
    );
    let forecast_at = md.find("Forecast").unwrap_or(usize::MAX);
    assert!(
        md.find("As of 2026-09-30, 9 of 12 months.").unwrap() > forecast_at,
        "{md}"
    );
    // The KPI table says which basis its lights use.
    assert!(
        md.contains("take attainment and light against the target to date (target × 9/12)"),
        "{md}"
    );
    // The same without `--as-of`: the file's own date.
    let (w, _) = review_json(&[
        "examples/org/east-china.plan.yaml",
        "--actuals",
        "examples/actuals/east-china-2026-q3.actuals.yaml",
    ]);
    assert_eq!(w["figures"], v["figures"]);
}

/// Full-year figures dated after the review's date are left out, and one warning on the
/// file's date says what is left without a figure (never one per KPI, never pro-rated).
#[test]
fn full_year_rows_dated_after_the_review_are_named_once() {
    let (v, err) = review_json(&[
        "examples/org/east-china.plan.yaml",
        "--actuals",
        "examples/actuals/east-china-2026.actuals.yaml",
        "--as-of",
        "2026-09-30",
    ]);
    assert_eq!(err.matches("P808").count(), 1, "{err}");
    assert!(!err.contains("no actual for"), "{err}");
    // (Lines of the message wrap at 100 columns.)
    assert!(
        err.contains("22 full-year rows are as of 2026-12-31, after the review's date 2026-09-30, and left out:"),
        "{err}"
    );
    assert!(
        err.contains("`east-sales` by province, `east-sales` by product, `panshi-output`"),
        "{err}"
    );
    assert!(err.contains("and 9 more have no figure to date"), "{err}");
    assert!(err.contains("east-china-2026.actuals.yaml:4:8"), "{err}");
    assert!(err.contains("`as_of: 2026-09-30`"), "{err}");
    let f = &v["figures"];
    assert_eq!(f["summary"]["kpis_without_actual"], 13);
    assert_eq!(f["rows_after_as_of"], 23);
    // In Chinese.
    let out = planc()
        .args(["review", "examples/org/east-china.plan.yaml", "--actuals"])
        .args([
            "examples/actuals/east-china-2026.actuals.yaml",
            "--as-of",
            "2026-09-30",
        ])
        .args(["--format", "json", "--lang", "zh"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("有 22 行全年数据截至 2026-12-31，晚于总结日期 2026-09-30，未计入"),
        "{err}"
    );
    assert!(err.contains("等 15 项没有截至 2026-09-30 的数字"), "{err}");
}

/// A file that does not say its date (a CSV of full-year rows) is as of the review's date.
#[test]
fn undated_full_year_rows_are_the_year_to_date() {
    let dir = root().join("tests/fixtures/actuals");
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("ytd.actuals.csv");
    std::fs::write(
        &csv,
        "metric,period,value,unit\nsales,FY,850,万元\nnew-hospitals,FY,16,家\nk-cover,FY,91,%\n",
    )
    .unwrap();
    let plan = dir.join("tiny.plan.yaml");
    let (v, err) = review_json(&[
        plan.to_str().unwrap(),
        "--actuals",
        csv.to_str().unwrap(),
        "--as-of",
        "2026-09-30",
    ]);
    assert!(!err.contains("full-year"), "{err}");
    let f = &v["figures"];
    let sales = find(&f["targets"], "id", "sales");
    // 850 against the split's 240 + 300 + 300 = 840.
    assert_eq!(sales["attainment"]["value"], "101.1905");
    // 16 of 20 × 9 ÷ 12 = 15 new hospitals to date.
    let hospitals = find(&f["targets"], "id", "new-hospitals");
    assert_eq!(hospitals["target_to_date"]["value"], "15");
    assert_eq!(find(&f["kpis"], "id", "k-cover")["verdict"], "pass");
}

#[test]
fn an_as_of_date_outside_the_plan_period_is_an_error() {
    for date in ["2025-12-31", "2027-01-01"] {
        for format in ["md", "json"] {
            planc()
                .args(["review", "examples/review.plan.yaml", "--as-of", date, "--format", format])
                .assert()
                .code(2)
                .stdout("")
                .stderr(format!(
                    "error: --as-of {date} lies outside the plan period of `company-2026`, 2026-01-01 to 2026-12-31; give a date within it\n"
                ));
        }
    }
    // The first and the last day are inside.
    for date in ["2026-01-01", "2026-12-31"] {
        planc()
            .args([
                "review",
                "examples/review.plan.yaml",
                "--as-of",
                date,
                "--format",
                "json",
            ])
            .assert()
            .code(0);
    }
    planc()
        .args(["review", "examples/review.plan.yaml", "--as-of", "2027-03-31", "--lang", "zh"])
        .assert()
        .code(2)
        .stderr("错误：--as-of 2027-03-31 不在计划 `company-2026` 的期间（2026-01-01 至 2026-12-31）内；请给出这段时间内的日期\n");
    // A review file's own `as_of` outside the period: an error in the file.
    let dir = root().join("tests/fixtures/actuals");
    let tmp = tempfile::tempdir().unwrap();
    for name in ["tiny.plan.yaml", "tiny-2026.actuals.yaml"] {
        std::fs::copy(dir.join(name), tmp.path().join(name)).unwrap();
    }
    std::fs::write(
        tmp.path().join("tiny.review.plan.yaml"),
        "kind: review\nid: tiny-review\ntitle: 年度总结\nstatus: final\n\
period: { start: 2026-01-01, end: 2026-12-31 }\n\
review:\n  plan: tiny.plan.yaml\n  actuals: [tiny-2026.actuals.yaml]\n  as_of: 2027-03-31\n\
sections:\n  - title: 目标回顾\n    figures: [targets]\n",
    )
    .unwrap();
    for args in [
        &["check", "."][..],
        &["review", "tiny.review.plan.yaml"][..],
    ] {
        planc()
            .current_dir(tmp.path())
            .args(args)
            .assert()
            .code(1)
            .stderr(predicates::str::contains("P806(bad-period)"))
            .stderr(predicates::str::contains(
                "`as_of` 2027-03-31 lies outside the plan period, 2026-01-01 to 2026-12-31",
            ));
    }
}

/// A review file dated 30 September over a file of full-year figures dated 31 December:
/// the one warning names up to six figures in full, and `planc check` says the same.
#[test]
fn the_warning_on_later_rows_names_six_figures_in_full() {
    let dir = root().join("tests/fixtures/actuals");
    let tmp = crate::util::temp_with(&[
        (
            "tiny-2026.actuals.yaml",
            "plan: tiny-2026\nas_of: 2026-12-31\nunit: 万元\nrows:\n\
  - { metric: sales, period: Q1, value: 250 }\n\
  - { metric: sales, period: Q2, value: 310 }\n\
  - { metric: sales, period: Q3, value: 290 }\n\
  - { metric: sales, dimension: product, item: a, period: FY, value: 780 }\n\
  - { metric: sales, dimension: product, item: b, period: FY, value: 480 }\n\
  - { metric: new-hospitals, period: FY, value: 18家 }\n\
  - { metric: k-cover, period: FY, value: 93% }\n\
  - { metric: k-expense, period: FY, value: 5.5% }\n\
  - { metric: k-range, period: FY, value: 25% }\n\
  - { metric: k-zero, period: FY, value: 0起 }\n",
        ),
        (
            "tiny.review.plan.yaml",
            "kind: review\nid: tiny-review\ntitle: 三季度总结\nstatus: final\n\
period: { start: 2026-01-01, end: 2026-12-31 }\n\
review:\n  plan: tiny.plan.yaml\n  actuals: [tiny-2026.actuals.yaml]\n  as_of: 2026-09-30\n\
sections:\n  - title: 目标回顾\n    figures: [targets]\n",
        ),
    ]);
    std::fs::copy(
        dir.join("tiny.plan.yaml"),
        tmp.path().join("tiny.plan.yaml"),
    )
    .unwrap();
    let out = planc()
        .current_dir(tmp.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let messages: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .filter(|f| f["code"] == "P808")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        ["7 full-year rows are as of 2026-12-31, after the review's date 2026-09-30, and left out: \
`sales` by product, `new-hospitals`, `k-cover`, `k-expense`, `k-range`, `k-zero` have no figure to date"],
        "{v}"
    );
}

/// A review whose sections show no forecast says the date and the months elapsed under
/// its targets, once.
#[test]
fn a_review_without_a_forecast_says_the_months_elapsed_once() {
    let out = planc()
        .args([
            "review",
            "examples/review.plan.yaml",
            "--as-of",
            "2026-09-30",
        ])
        .args(["--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        md.matches("As of 2026-09-30, 9 of 12 months.").count(),
        1,
        "{md}"
    );
}
