//! The monthly report (`planc review DIR --as-of DATE`): every figure of the 9月月报 of
//! `examples/org` computed by hand below, the bad inputs each with one finding, and the
//! relations that hold for any consistent series.

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

use planc::actuals::period::{PeriodKey, PlanPeriod};
use planc::review::monthly::calc::{self, Inputs};

use crate::util::{planc, root};

fn json_of(args: &[&str]) -> Value {
    let out = planc().args(args).output().expect("planc runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn unit<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["id"] == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

fn september() -> Value {
    json_of(&[
        "review",
        "examples/org",
        "--as-of",
        "2026-09-30",
        "--format",
        "json",
    ])
}

#[test]
fn the_september_report_of_the_company_to_the_digit() {
    let v = september();
    assert_eq!(v["kind"], "monthly");
    assert_eq!(v["months_closed"], 9);
    let c = unit(&v, "company-2026");
    // Target 36亿 split 7.9 / 9.2 / 8.9 / 10亿: to Sep 30 the first three quarters, 26亿.
    assert_eq!(c["annual_target"], "3600000000");
    assert_eq!(c["phased_target_to_date"], "2600000000");
    assert_eq!(c["phasing"], "quarter");
    // Actual Jan–Sep: the months add up to the quarters of company-2026.actuals.csv,
    // 81000 + 92000 + 89000 = 262000万.
    assert_eq!(c["actual_to_date"], "2620000000");
    // 262000 ÷ 360000 = 72.7778 %; 260000 ÷ 360000 = 72.2222 %; 0.5556 points ahead.
    assert_eq!(c["attainment"], "72.7778");
    assert_eq!(c["phased_pace"], "72.2222");
    assert_eq!(c["points_vs_phased_pace"], "0.5556");
    // 262000 ÷ 260000 = 100.7692 %: green.
    assert_eq!(c["attainment_to_date"], "100.7692");
    assert_eq!(c["status"], "green");
    assert_eq!(c["gap_to_pace"], "20000000");
    // 时间进度: 273 of 365 days.
    assert_eq!(c["time_pace"], "74.7945");
    assert_eq!(c["points_vs_time_pace"], "-2.0167");
    // 同比: last year Jan–Sep 73000 + 82000 + 79000 = 234000万 → +11.9658 %.
    assert_eq!(c["last_year_to_date"], "2340000000");
    assert_eq!(c["yoy"], "11.9658");
    // 环比: September 30270万 over August 27580万 → +9.7534 %.
    assert_eq!(c["last_month"], "302700000");
    assert_eq!(c["previous_month"], "275800000");
    assert_eq!(c["mom"], "9.7534");
    // Phased forecast 262000 ÷ 260000 × 360000 = 362769.23万; linear 262000 × 12 ÷ 9.
    assert_eq!(c["forecast_phased"], "3627692307.69");
    assert_eq!(c["forecast_linear"], "3493333333.33");
    assert_eq!(c["months"].as_array().map(Vec::len), Some(9));
    assert_eq!(c["months"][1]["month"], "2026-02");
    assert_eq!(c["months"][1]["actual"], "202500000");
    // Feb's end: Q1 (7.9亿) two thirds of the way.
    assert_eq!(c["months"][1]["phased_target_to_date"], "526666666.67");
}

#[test]
fn the_regions_ranked_against_their_phased_targets() {
    let v = september();
    let east = unit(&v, "east-china-2026");
    // East: 2 + 2.45 + 2.2亿 = 6.65亿 to date, and 19600 + 25100 + 21800 = 66500万 sold:
    // exactly on pace.
    assert_eq!(east["phased_target_to_date"], "665000000");
    assert_eq!(east["actual_to_date"], "665000000");
    assert_eq!(east["attainment_to_date"], "100");
    assert_eq!(east["points_vs_phased_pace"], "0");
    // 同比 against examples/history: 2025 Jan–Sep 61572万 → 66500 ÷ 61572 − 1.
    assert_eq!(east["last_year_to_date"], "615720000");
    assert_eq!(east["yoy"], "8.0036");
    // 环比: 7410 ÷ 6760 − 1.
    assert_eq!(east["mom"], "9.6154");
    let south = unit(&v, "south-china-2026");
    // 1.95 + 2.23 + 2.12亿 = 6.3亿; 61600万 sold: 97.7778 %, amber (≥ 90 %).
    assert_eq!(south["attainment_to_date"], "97.7778");
    assert_eq!(south["status"], "amber");
    assert_eq!(south["gap_to_pace"], "-14000000");
    // The phased forecast respects the heavy Q4: 61600 ÷ 63000 × 87480 = 85536万.
    assert_eq!(south["forecast_phased"], "855360000");
    assert_eq!(south["forecast_linear"], "821333333.33");
    let north = unit(&v, "north-china-2026");
    assert_eq!(north["attainment_to_date"], "105.1786");
    // A region without a plan: the company's split in its share, 2.09亿 × 26 ÷ 36.
    let ne = unit(&v, "northeast");
    assert_eq!(ne["phasing"], "parent");
    assert_eq!(ne["has_plan"], false);
    assert_eq!(ne["phased_target_to_date"], "150944444.44");
    assert_eq!(ne["attainment_to_date"], "106.6618");
    // Ranked by attainment to date: 东北 106.7, 华北 105.2, 华东 100.0, 西南 99.0,
    // 华南 97.8, 西北 96.9.
    let mut regions: Vec<(&str, u64)> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["level"] == 1)
        .map(|u| (u["id"].as_str().unwrap(), u["rank"].as_u64().unwrap()))
        .collect();
    regions.sort_by_key(|r| r.1);
    let order: Vec<&str> = regions.iter().map(|r| r.0).collect();
    assert_eq!(
        order,
        [
            "northeast",
            "north-china-2026",
            "east-china-2026",
            "southwest",
            "south-china-2026",
            "northwest"
        ]
    );
    // 李娜 (800万, quarters 180 / 205 / 200): to Sep 30 her first three quarters, 585万.
    let rep = unit(&v, "rep-lina-2026");
    assert_eq!(rep["parent"], "east-china-2026");
    assert_eq!(rep["phasing"], "quarter");
    assert_eq!(rep["annual_target"], "8000000");
    assert_eq!(rep["phased_target_to_date"], "5850000");
    // Her months 58 52 66 | 68 70 72 | 64 66 70 = 586万.
    assert_eq!(rep["actual_to_date"], "5860000");
    // 586 ÷ 800 = 73.25 %; 585 ÷ 800 = 73.125 %; 0.125 points ahead.
    assert_eq!(rep["attainment"], "73.25");
    assert_eq!(rep["phased_pace"], "73.125");
    assert_eq!(rep["points_vs_phased_pace"], "0.125");
    // 586 ÷ 585 = 100.1709 %: green, 1万 ahead.
    assert_eq!(rep["attainment_to_date"], "100.1709");
    assert_eq!(rep["status"], "green");
    assert_eq!(rep["gap_to_pace"], "10000");
    // 同比: last year Jan–Sep 466万 → 586 ÷ 466 − 1; 环比: 70 ÷ 66 − 1.
    assert_eq!(rep["last_year_to_date"], "4660000");
    assert_eq!(rep["yoy"], "25.7511");
    assert_eq!(rep["mom"], "6.0606");
    // 586 ÷ 585 × 800 = 801.37万; 586 × 12 ÷ 9 = 781.33万.
    assert_eq!(rep["forecast_phased"], "8013675.21");
    assert_eq!(rep["forecast_linear"], "7813333.33");
    // Within 华东, ranked by attainment to date: 张伟 105.3 (537 of 510),
    // 李娜 100.2, 王磊 95.2 (619 of 650, amber).
    let mut reps: Vec<(&str, u64)> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["parent"] == "east-china-2026")
        .map(|u| (u["id"].as_str().unwrap(), u["rank"].as_u64().unwrap()))
        .collect();
    reps.sort_by_key(|r| r.1);
    assert_eq!(
        reps,
        [
            ("rep-zhangwei-2026", 1),
            ("rep-lina-2026", 2),
            ("rep-wanglei-2026", 3)
        ]
    );
    assert_eq!(
        unit(&v, "rep-zhangwei-2026")["attainment_to_date"],
        "105.2941"
    );
    let wanglei = unit(&v, "rep-wanglei-2026");
    assert_eq!(wanglei["attainment_to_date"], "95.2308");
    assert_eq!(wanglei["status"], "amber");
    // The regions' months add up to the company's, month by month.
    for m in 0..9 {
        let sum: Decimal = v["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["level"] == 1)
            .map(|u| {
                u["months"][m]["actual"]
                    .as_str()
                    .unwrap()
                    .parse::<Decimal>()
                    .unwrap()
            })
            .sum();
        let company: Decimal = unit(&v, "company-2026")["months"][m]["actual"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(sum, company, "month {m}");
    }
}

#[test]
fn the_markdown_report_opens_with_its_summary() {
    let out = planc()
        .args([
            "--lang",
            "zh",
            "review",
            "examples/org",
            "--as-of",
            "2026-09-30",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("**华康医药股份有限公司**\n\n# 2026年9月经营月报"),
        "{md}"
    );
    let summary = md.find("## 一、本月要点").expect("the summary first");
    let ranking = md.find("## 二、序时进度排名").expect("the ranking");
    assert!(summary < ranking);
    assert!(md.contains(
        "截至2026-09-30，华康医药股份有限公司累计实现销售262,000万元，完成年度目标的72.8%；时间进度74.8%，序时进度72.2%，领先序时进度0.56个百分点。同比+12.0%，环比+9.8%。全年预测：序时法362,769万元，线性法349,333万元。"
    ), "{md}");
    assert!(md.contains("落后序时目标最多：华南大区 −1,400万元"), "{md}");
    assert!(md.contains("| 1 | 东北大区 |"), "{md}");
    // The regions add up to the company: its row is 合计. The representatives are one
    // team of 华东, so 华东's row is named as the whole it is, not a total of theirs.
    assert!(md.contains("|  | **合计** | **262,000** |"), "{md}");
    assert!(
        md.contains("|  | **华东大区（整体）** | **66,500** |"),
        "{md}"
    );
    assert!(!md.contains("|  | **合计** | **66,500** |"), "{md}");
    // English on request.
    let out = planc()
        .args(["review", "examples/org", "--as-of", "2026-09-30"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("ahead of the phased pace by 0.56 points"),
        "{md}"
    );
}

#[test]
fn every_format_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for fmt in ["html", "docx"] {
        let path = dir.path().join(format!("m.{fmt}"));
        planc()
            .args([
                "review",
                "examples/org",
                "--as-of",
                "2026-09-30",
                "--format",
                fmt,
                "-o",
            ])
            .arg(&path)
            .assert()
            .success();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 1000, "{fmt}");
        if fmt == "html" {
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.contains("<svg"), "charts inlined");
            assert!(!html.contains("<script"), "no script");
        }
    }
}

/// A copy of `examples/org` (and the history file its east plan reads) to break.
fn org_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("examples");
    for entry in walkdir::WalkDir::new(from.join("org"))
        .into_iter()
        .chain(walkdir::WalkDir::new(from.join("history")))
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(&from).unwrap();
        let to = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

fn review_dir(dir: &Path, as_of: &str) -> (bool, String, String) {
    let out = planc()
        .arg("review")
        .arg(dir.join("org"))
        .args(["--as-of", as_of, "--format", "json"])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The summary names the red units and the threshold they fall below, as planc.toml sets it.
#[test]
fn the_summary_names_red_units_below_the_configured_amber() {
    let md = |dir: &Path, lang: &str| {
        let out = planc()
            .args(["--lang", lang, "review"])
            .arg(dir.join("org"))
            .args(["--as-of", "2026-09-30"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let dir = org_copy();
    // Defaults: amber at 90 %, and nobody below it.
    assert!(
        md(dir.path(), "zh").contains("- 红灯单位（序时完成率低于 90%）：无\n"),
        "{}",
        md(dir.path(), "zh")
    );
    std::fs::write(
        dir.path().join("org/planc.toml"),
        "[review]\namber = \"97%\"\n",
    )
    .unwrap();
    // 王磊 95.2 % and 西北 96.9 % fall below 97 %; 华南 97.8 % stays amber.
    let zh = md(dir.path(), "zh");
    assert!(
        zh.contains("- 红灯单位（序时完成率低于 97%）：王磊 95.2%；西北大区 96.9%\n"),
        "{zh}"
    );
    assert!(zh.contains("不低于 100% 为绿灯，不低于 97% 为黄灯"), "{zh}");
    let en = md(dir.path(), "en");
    assert!(
        en.contains("- Red units (attainment to date below 97%): 王磊 95.2%; 西北大区 96.9%\n"),
        "{en}"
    );
    assert!(
        en.contains("green at or above 100%, amber at or above 97%"),
        "{en}"
    );
}

/// A representative whose months are all missing: no figure, never a zero, and no rank.
#[test]
fn a_representative_without_actuals_has_no_figures() {
    let dir = org_copy();
    for m in 1..=9 {
        std::fs::remove_file(
            dir.path()
                .join(format!("org/actuals/2026-{m:02}/rep-lina-2026.actuals.csv")),
        )
        .unwrap();
    }
    let (ok, stdout, stderr) = review_dir(dir.path(), "2026-09-30");
    assert!(ok, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let rep = unit(&v, "rep-lina-2026");
    assert_eq!(rep["actual_to_date"], Value::Null);
    assert_eq!(rep["attainment"], Value::Null);
    assert_eq!(rep["rank"], Value::Null);
    assert_eq!(rep["status"], "none");
    // The others keep their order.
    assert_eq!(unit(&v, "rep-zhangwei-2026")["rank"], 1);
    assert_eq!(unit(&v, "rep-wanglei-2026")["rank"], 2);
}

#[test]
fn p804_the_same_month_twice_in_a_monthly_series() {
    let dir = org_copy();
    let again = dir.path().join("org/actuals/2026-09-bis");
    std::fs::create_dir_all(&again).unwrap();
    std::fs::copy(
        dir.path()
            .join("org/actuals/2026-09/east-china-2026.actuals.csv"),
        again.join("east-china-2026.actuals.csv"),
    )
    .unwrap();
    let (ok, stdout, stderr) = review_dir(dir.path(), "2026-09-30");
    assert!(!ok && stdout.is_empty(), "{stderr}");
    assert_eq!(stderr.matches("P804").count(), 1, "{stderr}");
    assert!(
        stderr.contains("east-sales") && stderr.contains("2026-09"),
        "{stderr}"
    );
    assert!(stderr.contains("review not written"), "{stderr}");
}

#[test]
fn p807_a_month_missing_from_a_monthly_series() {
    let dir = org_copy();
    std::fs::remove_file(
        dir.path()
            .join("org/actuals/2026-05/south-china-2026.actuals.csv"),
    )
    .unwrap();
    let (ok, stdout, stderr) = review_dir(dir.path(), "2026-09-30");
    assert!(!ok && stdout.is_empty(), "{stderr}");
    assert_eq!(stderr.matches("P807").count(), 1, "{stderr}");
    assert!(
        stderr.contains("south-sales") && stderr.contains("2026-05"),
        "{stderr}"
    );
    // `planc check` says the same of the folder.
    let out = planc()
        .arg("check")
        .arg(dir.path().join("org"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(text.matches("P807").count(), 1, "{text}");
}

#[test]
fn p813_a_month_after_the_report_date_is_said_and_not_counted() {
    let dir = org_copy();
    let (ok, stdout, stderr) = review_dir(dir.path(), "2026-08-31");
    assert!(ok, "{stderr}");
    // One warning per September row: the company's total and six regions, one row in
    // each of the three region files and one in each of the three representatives'.
    assert_eq!(stderr.matches("P813").count(), 13, "{stderr}");
    assert!(
        stderr.contains("after the report date 2026-08-31"),
        "{stderr}"
    );
    let v: Value = serde_json::from_str(&stdout).unwrap();
    // 262000 − 30270 = 231730万 to Aug 31.
    assert_eq!(unit(&v, "company-2026")["actual_to_date"], "2317300000");
    assert_eq!(v["months_closed"], 8);
}

#[test]
fn p919_a_region_that_disagrees_with_the_company_for_a_month() {
    let dir = org_copy();
    let path = dir
        .path()
        .join("org/actuals/2026-03/east-china-2026.actuals.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace(",7450,", ",7550,")).unwrap();
    let (ok, stdout, stderr) = review_dir(dir.path(), "2026-09-30");
    assert!(!ok && stdout.is_empty(), "{stderr}");
    assert_eq!(stderr.matches("P919").count(), 1, "{stderr}");
    assert!(stderr.contains("2026-03"), "{stderr}");
}

#[test]
fn a_folder_needs_a_date_and_a_tree() {
    // Without monthly actuals there is no latest month to date the report by.
    let empty = tempfile::tempdir().unwrap();
    let out = planc().arg("review").arg(empty.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--as-of"), "{err}");
    let out = planc()
        .arg("review")
        .arg(empty.path())
        .args(["--as-of", "2026-09-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("holds no plan"), "{err}");
}

fn pp() -> PlanPeriod {
    PlanPeriod::new(
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    )
}

fn series() -> impl Strategy<Value = (Vec<Vec<u32>>, Vec<u32>)> {
    // 1–6 children, 12 months each of 0–100000 (万元), and a quarter split.
    (
        prop::collection::vec(prop::collection::vec(0u32..100_000, 12), 1..6),
        prop::collection::vec(1u32..1_000_000, 4),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn children_add_up_to_their_parent_and_pace_grows_with_the_date((kids, split) in series()) {
        let pp = pp();
        let months = |v: &Vec<u32>| v.iter().map(|&x| Some(Decimal::from(x))).collect::<Vec<_>>();
        let parent: Vec<u32> = (0..12).map(|m| kids.iter().map(|k| k[m]).sum()).collect();
        let annual: Decimal = split.iter().map(|&q| Decimal::from(q)).sum();
        let split: Vec<(PeriodKey, Decimal)> = split
            .iter()
            .enumerate()
            .map(|(i, &v)| (PeriodKey::Quarter(i as u8 + 1), Decimal::from(v)))
            .collect();
        let input = |m: Vec<Option<Decimal>>| Inputs {
            annual,
            split: Some(split.clone()),
            months: m.clone(),
            last_year: m,
        };
        let mut last_phased = Decimal::ZERO;
        let mut last_time = Decimal::ZERO;
        let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while day <= pp.end {
            let p = calc::figures(&pp, &input(months(&parent)), day);
            let sum: Option<Decimal> = kids
                .iter()
                .map(|k| calc::figures(&pp, &input(months(k)), day).actual)
                .sum();
            prop_assert_eq!(sum, p.actual, "{}", day);
            let phased = p.phased_pace.unwrap();
            prop_assert!(phased >= last_phased, "{} {} < {}", day, phased, last_phased);
            prop_assert!(p.time_pace >= last_time);
            last_phased = phased;
            last_time = p.time_pace;
            day = day.succ_opt().unwrap();
        }
        prop_assert_eq!(last_phased, Decimal::ONE_HUNDRED);
        prop_assert_eq!(last_time, Decimal::ONE_HUNDRED);
    }
}

/// The bundled months add up to the bundled quarterly files: the company's CSV (its
/// total and each region's full year), 华东's Q3 file and 华南's wide sheet.
#[test]
fn the_monthly_examples_agree_with_the_quarterly_files() {
    let v = september();
    let quarters = |id: &str| -> Vec<Decimal> {
        let months = unit(&v, id)["months"].as_array().unwrap().clone();
        (0..3)
            .map(|q| {
                (0..3)
                    .map(|m| {
                        months[q * 3 + m]["actual"]
                            .as_str()
                            .unwrap()
                            .parse::<Decimal>()
                            .unwrap()
                            / Decimal::from(10_000)
                    })
                    .sum()
            })
            .collect()
    };
    let d = |xs: &[i64]| xs.iter().map(|&x| Decimal::from(x)).collect::<Vec<_>>();
    let csv =
        std::fs::read_to_string(root().join("examples/actuals/company-2026.actuals.csv")).unwrap();
    for (q, want) in quarters("company-2026").iter().zip(["Q1", "Q2", "Q3"]) {
        let line = csv
            .lines()
            .find(|l| l.starts_with(&format!("sales,,,{want},")))
            .unwrap();
        let value: Decimal = line.split(',').nth(4).unwrap().parse().unwrap();
        assert_eq!(*q, value, "{want}");
    }
    let q3 =
        std::fs::read_to_string(root().join("examples/actuals/east-china-2026-q3.actuals.yaml"))
            .unwrap();
    for (q, want) in quarters("east-china-2026").iter().zip(["Q1", "Q2", "Q3"]) {
        let line = q3
            .lines()
            .find(|l| l.contains(&format!("metric: east-sales, period: {want},")))
            .unwrap();
        let yi: Decimal = line
            .split("value: ")
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(*q, yi * Decimal::from(10_000), "east {want}");
    }
    // 华南's wide sheet: the 合计 row, Q1–Q3.
    assert_eq!(quarters("south-china-2026"), d(&[19200, 21100, 21300]));
    let wide =
        std::fs::read_to_string(root().join("examples/actuals/south-china-2026.actuals.csv"))
            .unwrap();
    assert!(wide.contains("合计,19200,21100,21300,"), "{wide}");
    // The company's full-year rows of the regions without a plan run past September;
    // their months to September are what the company's monthly files say.
    let regions_to_sep: Decimal = [
        "east-china-2026",
        "south-china-2026",
        "north-china-2026",
        "southwest",
        "northwest",
        "northeast",
    ]
    .iter()
    .map(|id| quarters(id).iter().copied().sum::<Decimal>())
    .sum();
    assert_eq!(regions_to_sep, Decimal::from(262_000));
}

fn org_workspace(org: &Path) -> planc::workspace::Workspace {
    let config = planc::config::Config::discover(org).unwrap();
    let opts = planc::workspace::Options {
        cache: None,
        hash: false,
        keep: true,
        focus: None,
    };
    planc::workspace::Workspace::open(&[org.to_path_buf()], config, &opts)
}

/// `planc serve` shows the report as of the last day of the latest month reported, and
/// the report counts the errors that stop it.
#[test]
fn the_latest_month_reported_and_the_errors_that_stop_the_report() {
    let ws = org_workspace(&root().join("examples/org"));
    let september = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
    assert_eq!(planc::review::monthly::latest_month(&ws), Some(september));
    assert_eq!(planc::review::monthly::compute(&ws, september).errors(), 0);
    // September given twice for 华东 (P804): the report has an error to say.
    let dir = org_copy();
    let again = dir.path().join("org/actuals/2026-09-bis");
    std::fs::create_dir_all(&again).unwrap();
    std::fs::copy(
        dir.path()
            .join("org/actuals/2026-09/east-china-2026.actuals.csv"),
        again.join("east-china-2026.actuals.csv"),
    )
    .unwrap();
    let ws = org_workspace(&dir.path().join("org"));
    let m = planc::review::monthly::compute(&ws, september);
    assert!(m.errors() > 0, "{:?}", m.reports.len());
}

/// The company is named by its `company:` when it gives one, else by its org unit; a blank
/// `company:` names nothing.
#[test]
fn the_company_is_named_by_its_company_else_its_org_unit() {
    let september = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
    let dir = org_copy();
    let plan = dir.path().join("org/company.plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let line = "company: 华康医药股份有限公司\n";
    assert!(text.contains(line));
    let named = |company: &str| {
        std::fs::write(&plan, text.replace(line, company)).unwrap();
        let ws = org_workspace(&dir.path().join("org"));
        let m = planc::review::monthly::compute(&ws, september);
        let root = m.roots().next().expect("a root");
        (m.units[root].id.clone(), m.units[root].name.clone())
    };
    let company = || ("company-2026".to_owned(), "华康医药股份有限公司".to_owned());
    assert_eq!(named("company: 华康医药股份有限公司\n"), company());
    let org_unit = || ("company-2026".to_owned(), "销售中心".to_owned());
    assert_eq!(named("company: \"  \"\n"), org_unit());
    assert_eq!(named(""), org_unit());
}

/// The series are the exports of months: a quarterly file linked to a plan is the
/// workspace check's and the year-end review's, never joined into the months (its Q3
/// here disagrees with them).
#[test]
fn a_quarterly_file_beside_the_months_is_not_read() {
    let september = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
    let dir = org_copy();
    std::fs::write(
        dir.path()
            .join("org/actuals/east-china-2026-q3.actuals.csv"),
        "metric,period,value,unit,last_year\neast-sales,Q3,99999,万元,\n",
    )
    .unwrap();
    let ws = org_workspace(&dir.path().join("org"));
    let m = planc::review::monthly::compute(&ws, september);
    assert!(
        m.sources.iter().all(|s| !s.contains("q3")),
        "{:?}",
        m.sources
    );
    assert_eq!(m.sources.len(), 9 * 7);
    assert_eq!(m.errors(), 0);
    let east = m.units.iter().find(|u| u.id == "east-china-2026").unwrap();
    assert_eq!(east.figures.actual, Some(Decimal::from(665_000_000)));
}

/// A review is no unit of the organisation, even one that carries a target and a month
/// of actuals of its own.
#[test]
fn a_review_is_not_a_unit() {
    let september = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
    let dir = org_copy();
    std::fs::write(
        dir.path().join("org/company-review.plan.yaml"),
        "kind: review\nid: company-2026-review\ntitle: 2026年度总结\nstatus: draft\n\
         period:\n  start: 2026-01-01\n  end: 2026-12-31\nowner: 王建国\norg_unit: 销售中心\n\
         unit: 万元\nlang: zh\nreview:\n  plan: company.plan.yaml\n  as_of: 2026-09-30\n\
         sections:\n  - title: 总结\n    text: 全年总结。\n\
         targets:\n  - id: sales\n    name: 销售额\n    value: 1000万元\n",
    )
    .unwrap();
    std::fs::write(
        dir.path()
            .join("org/actuals/2026-09/company-2026-review.actuals.csv"),
        "metric,period,value,unit\nsales,2026-09,80,万元\n",
    )
    .unwrap();
    let ws = org_workspace(&dir.path().join("org"));
    assert!(ws.files.iter().any(|f| f.review && f.plan.is_some()));
    let m = planc::review::monthly::compute(&ws, september);
    let ids: Vec<&str> = m.roots().map(|r| m.units[r].id.as_str()).collect();
    assert_eq!(ids, ["company-2026"]);
    assert!(m.units.iter().all(|u| u.id != "company-2026-review"));
}

/// A root is a plan with units under it or actuals of its own: the company without its
/// monthly files still heads its regions; a plan alone with neither is no unit.
#[test]
fn the_roots_are_the_plans_with_children_or_actuals() {
    let september = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
    let dir = org_copy();
    for m in 1..=9 {
        std::fs::remove_file(
            dir.path()
                .join(format!("org/actuals/2026-{m:02}/company-2026.actuals.csv")),
        )
        .unwrap();
    }
    // A plan of its own, no parent, no children, no actuals.
    let lone = std::fs::read_to_string(dir.path().join("org/reps/lina.plan.yaml"))
        .unwrap()
        .replace("id: rep-lina-2026", "id: rep-lone-2026")
        .replace("parent: east-china-2026#lina\n", "");
    std::fs::write(dir.path().join("org/lone.plan.yaml"), lone).unwrap();
    let ws = org_workspace(&dir.path().join("org"));
    let m = planc::review::monthly::compute(&ws, september);
    let roots: Vec<&str> = m.roots().map(|r| m.units[r].id.as_str()).collect();
    assert_eq!(roots, ["company-2026"]);
    let company = &m.units[0];
    assert!(!company.has_actuals);
    assert!(company.figures.actual.is_none());
    // Its regions are under it: the ones with plans, then the others of its split.
    let kids: Vec<&str> = company
        .children
        .iter()
        .map(|&k| m.units[k].id.as_str())
        .collect();
    assert_eq!(
        kids,
        [
            "east-china-2026",
            "north-china-2026",
            "south-china-2026",
            "southwest",
            "northwest",
            "northeast"
        ]
    );
    let east = m.units.iter().find(|u| u.id == "east-china-2026").unwrap();
    assert_eq!(east.figures.actual, Some(Decimal::from(665_000_000)));
}

/// A December export: the latest month reported ends on the year's last day.
#[test]
fn the_latest_month_reported_in_december() {
    let dir = org_copy();
    let dec = dir.path().join("org/actuals/2026-12");
    std::fs::create_dir_all(&dec).unwrap();
    std::fs::write(
        dec.join("east-china-2026.actuals.csv"),
        "metric,period,value,unit,last_year\neast-sales,2026-12,7000,万元,6500\n",
    )
    .unwrap();
    let ws = org_workspace(&dir.path().join("org"));
    assert_eq!(
        planc::review::monthly::latest_month(&ws),
        NaiveDate::from_ymd_opt(2026, 12, 31)
    );
}

/// The whole September report as the sales director reads it, in Chinese and in English:
/// the summary, the ranking and its chart, the months of every unit, the units under each
/// region, the definitions. Every figure in it is checked above; this keeps its words,
/// signs, numbering and order.
#[test]
fn the_september_report_in_markdown() {
    for lang in ["zh", "en"] {
        let out = planc()
            .args(["--lang", lang, "review", "examples/org"])
            .args(["--as-of", "2026-09-30"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let md = String::from_utf8(out.stdout).unwrap();
        insta::assert_snapshot!(format!("september_{lang}"), md);
    }
}

/// The company without monthly files of its own: its headline says it has no figures,
/// its row in the ranking says it has no actuals and is named, not 合计 (its units have
/// no sum to be), and only the regions with files have months.
#[test]
fn the_report_of_a_company_without_its_own_files() {
    let dir = org_copy();
    for m in 1..=9 {
        std::fs::remove_file(
            dir.path()
                .join(format!("org/actuals/2026-{m:02}/company-2026.actuals.csv")),
        )
        .unwrap();
    }
    let out = planc()
        .args(["--lang", "en", "review"])
        .arg(dir.path().join("org"))
        .args(["--as-of", "2026-09-30"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout)
        .unwrap()
        .replace(&dir.path().display().to_string(), "[dir]");
    insta::assert_snapshot!(md);
}

/// A unit exactly on its phased pace (华东: 66,500万元 sold against 66,500万元 to date)
/// is ahead by 0.00 points in the headline, never behind.
#[test]
fn a_unit_exactly_on_pace_is_not_behind() {
    use planc::model::Lang;
    use planc::num::{Money, Scale};
    use planc::review::monthly::doc::{headline, Words};
    let september = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
    let ws = org_workspace(&root().join("examples/org"));
    let m = planc::review::monthly::compute(&ws, september);
    let east = m.units.iter().find(|u| u.id == "east-china-2026").unwrap();
    assert_eq!(east.figures.points_phased, Some(Decimal::ZERO));
    let w = Words {
        money: Money {
            scale: Scale::Wan,
            dp: 0,
            rounded: false,
        },
        lang: Lang::Zh,
    };
    let h = planc::i18n::scope(Lang::Zh, || headline(&m, east, &w));
    assert!(h.contains("领先序时进度0.00个百分点"), "{h}");
    let w = Words {
        lang: Lang::En,
        ..w
    };
    let h = planc::i18n::scope(Lang::En, || headline(&m, east, &w));
    assert!(h.contains("ahead of the phased pace by 0.00 points"), "{h}");
}

/// Only the company's own totals reported: no unit under it has a figure. Its ranking
/// has no chart (the company's months are 图1), the units under it are named as without
/// actuals, no gap is listed, and no unit without a figure has a light in any format.
#[test]
fn the_report_when_only_the_company_has_figures() {
    let dir = org_copy();
    let actuals = dir.path().join("org/actuals");
    for m in 1..=9 {
        let month = actuals.join(format!("2026-{m:02}"));
        for entry in std::fs::read_dir(&month).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if name == "company-2026.actuals.csv" {
                // The company's total row only: no region's row.
                let text = std::fs::read_to_string(&path).unwrap();
                let kept: Vec<&str> = text
                    .lines()
                    .filter(|l| l.starts_with("metric,") || l.starts_with("sales,,,"))
                    .collect();
                assert_eq!(kept.len(), 2, "{text}");
                std::fs::write(&path, kept.join("\n") + "\n").unwrap();
            } else {
                std::fs::remove_file(&path).unwrap();
            }
        }
    }
    let run = |fmt: &str| {
        let out = planc()
            .args(["--lang", "zh", "review"])
            .arg(dir.path().join("org"))
            .args(["--as-of", "2026-09-30", "--format", fmt])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .replace(&dir.path().display().to_string(), "[dir]")
    };
    let md = run("md");
    assert!(md.contains("落后序时目标最多：无"), "{md}");
    assert!(md.contains("| — | 华东大区（无实际数据） |"), "{md}");
    assert!(
        md.contains("*图1　华康医药股份有限公司：累计实际与序时目标"),
        "{md}"
    );
    assert!(!md.contains("图2"), "{md}");
    insta::assert_snapshot!(md);
    // A light for each unit with a figure (the company's row in its ranking and in its
    // months), none for the others.
    let html = run("html");
    assert!(
        !html.contains("light-none"),
        "no light for a unit without figures"
    );
    assert!(html.contains("light-green"));
}
