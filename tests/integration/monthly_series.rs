//! The monthly series as a whole: the date `planc review DIR` reports when none is given
//! (the end of the latest month the series reports), and the series against the same
//! plan's quarterly and full-year files (P919: the months of a quarter add up to it).

use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

use crate::util::{copy_tree, planc, root};

/// A copy of `examples` (the org tree, its quarterly and full-year files, the review
/// whose segments the CRM export reads, the history the east plan reads) to break.
fn examples_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("examples"), dir.path());
    dir
}

/// `planc --lang LANG ARGS…`: (exit code, stdout, stderr).
fn run(lang: &str, args: &[&str], dir: Option<&Path>) -> (i32, String, String) {
    let mut cmd = planc();
    cmd.args(["--lang", lang]);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn without_a_date_a_folder_is_reported_as_of_its_latest_month() {
    for format in ["json", "md"] {
        let (code, dated, quiet) = run(
            "en",
            &[
                "review",
                "examples/org",
                "--as-of",
                "2026-09-30",
                "--format",
                format,
            ],
            None,
        );
        assert_eq!(code, 0);
        // A date given is not announced.
        assert!(!quiet.contains("--as-of"), "{quiet}");
        let (code, default, stderr) =
            run("en", &["review", "examples/org", "--format", format], None);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(default, dated, "{format}");
        // One line says which date was taken.
        let said: Vec<&str> = stderr.lines().filter(|l| l.contains("--as-of")).collect();
        assert_eq!(
            said,
            ["no `--as-of` given: the monthly report is as of 2026-09-30, the last day of the latest month the actuals report"],
            "{stderr}"
        );
    }
    let (code, _, stderr) = run("zh", &["review", "examples/org", "--format", "json"], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr
            .contains("未指定 `--as-of`：月报截至 2026-09-30，即实际数据所报最近一个月的最后一天"),
        "{stderr}"
    );
}

#[test]
fn a_folder_without_monthly_actuals_needs_a_date() {
    let dir = examples_copy();
    std::fs::remove_dir_all(dir.path().join("org/actuals")).unwrap();
    let org = dir.path().join("org");
    let org = org.to_str().unwrap();
    let (code, stdout, stderr) = run("en", &["review", org], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("holds no monthly actuals to date the report by: give its date with `--as-of YYYY-MM-DD`"),
        "{stderr}"
    );
    let (code, _, stderr) = run("zh", &["review", org], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("中没有月度实际数据，无法确定月报日期：请用 `--as-of YYYY-MM-DD` 指定"),
        "{stderr}"
    );
    // The quarterly and full-year files beside them are no monthly series either.
    let (code, _, stderr) = run("en", &["review", dir.path().to_str().unwrap()], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("holds no monthly actuals"), "{stderr}");
}

/// The latest month is read as the plan reads it, from every row of an export of months
/// (`2026年10月` in a file that also gives September).
#[test]
fn the_latest_month_is_read_from_every_row_in_any_month_form() {
    let dir = examples_copy();
    let org = dir.path().join("org");
    std::fs::write(
        org.join("actuals/rep-lina-2026-late.actuals.csv"),
        "metric,period,value,unit\n\
         sales,2026年10月,10,万元\n\
         sales,2026-09,10,万元\n",
    )
    .unwrap();
    let config = planc::config::Config::discover(&org).unwrap();
    let opts = planc::workspace::Options {
        cache: None,
        hash: false,
        keep: true,
        focus: None,
    };
    let ws = planc::workspace::Workspace::open(std::slice::from_ref(&org), config, &opts);
    assert_eq!(
        planc::review::monthly::latest_month(&ws),
        NaiveDate::from_ymd_opt(2026, 10, 31)
    );
}

/// `planc check --format json DIR` in `lang`: the exit code, and each P919 finding with
/// the path of the file it is reported in.
fn p919(dir: &Path, lang: &str) -> (i32, Vec<(String, Value)>) {
    let (code, stdout, stderr) = run(
        lang,
        &[
            "check",
            "--no-cache",
            "--format",
            "json",
            dir.to_str().unwrap(),
        ],
        None,
    );
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    let mut out = Vec::new();
    for f in v["files"].as_array().unwrap() {
        for x in f["findings"].as_array().unwrap() {
            if x["code"] == "P919" {
                out.push((f["path"].as_str().unwrap().to_owned(), x.clone()));
            }
        }
    }
    (code, out)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The bundled months agree with the bundled quarterly files: nothing to say.
#[test]
fn p919_the_bundled_months_agree_with_their_quarters() {
    let (code, found) = p919(&root().join("examples"), "en");
    assert_eq!(code, 0);
    assert!(found.is_empty(), "{found:?}");
}

/// 华南's February raised by 100万元: its quarter in the wide sheet no longer agrees. One
/// finding at the sheet's Q1 cell of the 合计 row, naming the three monthly files and both
/// figures (beside the one of the month itself against the company's row for 华南).
#[test]
fn p919_a_month_that_breaks_its_quarter() {
    let dir = examples_copy();
    edit(
        &dir.path()
            .join("org/actuals/2026-02/south-china-2026.actuals.csv"),
        ",4800,",
        ",4900,",
    );
    let (code, found) = p919(dir.path(), "en");
    assert_eq!(code, 1);
    assert_eq!(found.len(), 2, "{found:?}");
    let quarter: Vec<&(String, Value)> = found
        .iter()
        .filter(|(p, _)| p.ends_with("/actuals/south-china-2026.actuals.csv"))
        .collect();
    assert_eq!(quarter.len(), 1, "{found:?}");
    let f = &quarter[0].1;
    assert_eq!(f["severity"], "error");
    assert_eq!(
        f["message"],
        "`south-sales` › Q1 is 19200万元 here, but its months in the monthly files add up to 19300万元"
    );
    // At the cell: line 6 (合计), the 一季度 column.
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(6), Some(4))
    );
    assert_eq!(f["end_column"], 9);
    let help = f["help"].as_str().unwrap();
    for m in ["2026-01", "2026-02", "2026-03"] {
        assert!(
            help.contains(&format!("org/actuals/{m}/south-china-2026.actuals.csv")),
            "{help}"
        );
    }
    assert!(
        help.contains("give 2026-01 7100万元 + 2026-02 4900万元 + 2026-03 7300万元 = 19300万元, and this file 19200万元"),
        "{help}"
    );
    // Each month is labelled where it is written.
    let labels = f["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 3);
    assert!(labels
        .iter()
        .all(|l| l["line"] == 2 && l["column"] == 21 && l["message"] == "one of its months"));
    // The same in Chinese.
    let (_, zh) = p919(dir.path(), "zh");
    assert!(
        zh.iter().any(|(_, f)| f["message"]
            == "`south-sales` › Q1 在这里为 19200万元，但月度文件中各月合计为 19300万元"),
        "{zh:?}"
    );
    // Within `[tolerance] money` it agrees (the month against the company's row too).
    std::fs::write(
        dir.path().join("planc.toml"),
        "[tolerance]\nmoney = \"100万元\"\n",
    )
    .unwrap();
    let (_, found) = p919(dir.path(), "en");
    assert!(found.is_empty(), "{found:?}");
}

/// A quarter the series gives two months of is not compared, and says so (the month
/// missing is also P807).
#[test]
fn p919_a_quarter_with_a_month_missing_is_not_compared() {
    let dir = examples_copy();
    std::fs::remove_file(
        dir.path()
            .join("org/actuals/2026-02/south-china-2026.actuals.csv"),
    )
    .unwrap();
    let (_, found) = p919(dir.path(), "en");
    assert_eq!(found.len(), 1, "{found:?}");
    let (path, f) = &found[0];
    assert!(
        path.ends_with("/actuals/south-china-2026.actuals.csv"),
        "{path}"
    );
    assert_eq!(f["severity"], "warning");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(6), Some(4))
    );
    assert_eq!(
        f["message"],
        "`south-sales` › Q1 is not compared with the monthly files: they give 2026-01 and 2026-03, not 2026-02"
    );
    let (_, zh) = p919(dir.path(), "zh");
    assert_eq!(
        zh[0].1["message"],
        "`south-sales` › Q1 未与月度文件比较：月度文件给出 2026-01 和 2026-03，缺少 2026-02"
    );
    let (_, _, stderr) = run(
        "en",
        &["check", "--no-cache", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(
        stderr.matches("P807(missing-period)").count(),
        1,
        "{stderr}"
    );
}

/// A full-year row to the end of June is the months January to June added up.
#[test]
fn p919_a_year_to_date_row_against_its_months() {
    let dir = examples_copy();
    let h1 = |value: &str| {
        format!(
            "plan: south-china-2026\nas_of: 2026-06-30\nunit: 万元\nrows:\n  - {{ metric: south-sales, period: FY, value: {value} }}\n"
        )
    };
    let file = dir.path().join("actuals/south-china-2026-h1.actuals.yaml");
    // 19200 + 21100 = 40300万元 to June 30.
    std::fs::write(&file, h1("40300")).unwrap();
    let (code, found) = p919(dir.path(), "en");
    assert_eq!(code, 0, "{found:?}");
    assert!(found.is_empty(), "{found:?}");
    std::fs::write(&file, h1("40000")).unwrap();
    let (code, found) = p919(dir.path(), "en");
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    let (path, f) = &found[0];
    assert!(path.ends_with("south-china-2026-h1.actuals.yaml"), "{path}");
    assert_eq!(
        f["message"],
        "`south-sales` › FY is 40000万元 here, but its months in the monthly files add up to 40300万元"
    );
    assert_eq!(f["line"], 5);
    // The months of six files are labelled.
    assert_eq!(f["labels"].as_array().unwrap().len(), 6);
}

/// Counts are added up and compared exactly, whatever `[tolerance] money` allows; a KPI
/// stated per month (区域主管每月协访天数) is not added up: its quarter is its level.
#[test]
fn p919_counts_add_up_exactly_and_a_per_month_kpi_is_not_added() {
    let dir = examples_copy();
    for (m, seminars, days) in [(1, 2, 12), (2, 2, 13), (3, 1, 12)] {
        let path = dir.path().join(format!(
            "org/actuals/2026-{m:02}/east-china-2026.actuals.csv"
        ));
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&format!(
            "liaoyuan-seminars,2026-{m:02},{seminars},场,\ncoaching-days,2026-{m:02},{days},天,\n"
        ));
        std::fs::write(&path, text).unwrap();
    }
    // Five seminars in the months, six in the quarter; 12.3 days a month is the level.
    std::fs::write(
        dir.path()
            .join("actuals/east-china-2026-q1-kpis.actuals.yaml"),
        "plan: east-china-2026\nas_of: 2026-03-31\nrows:\n  \
         - { metric: liaoyuan-seminars, period: Q1, value: 6场 }\n  \
         - { metric: coaching-days, period: Q1, value: 12.3天 }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("planc.toml"),
        "[tolerance]\nmoney = \"100万元\"\n",
    )
    .unwrap();
    let (_, found) = p919(dir.path(), "en");
    assert_eq!(found.len(), 1, "{found:?}");
    let (path, f) = &found[0];
    assert!(
        path.ends_with("east-china-2026-q1-kpis.actuals.yaml"),
        "{path}"
    );
    assert_eq!(
        (f["line"].as_u64(), f["severity"].as_str()),
        (Some(4), Some("error"))
    );
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("Q1 is 6 here, but its months in the monthly files add up to 5"),
        "{message}"
    );
}

/// A month two monthly files give differently is P919 between those files; its quarter is
/// not added up from either.
#[test]
fn p919_a_month_given_twice_differently_is_not_added_into_its_quarter() {
    let dir = examples_copy();
    let again = dir.path().join("org/actuals/2026-02-bis");
    std::fs::create_dir_all(&again).unwrap();
    std::fs::write(
        again.join("south-china-2026.actuals.csv"),
        "metric,period,value,unit,last_year\nsouth-sales,2026-02,4900,万元,4950\n",
    )
    .unwrap();
    let (code, found) = p919(dir.path(), "en");
    assert_eq!(code, 1);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|(_, f)| !f["message"]
            .as_str()
            .unwrap()
            .contains("its months in the monthly files")),
        "{found:?}"
    );
}

/// A target counted in 家 is added up and compared exactly too.
#[test]
fn p919_a_counted_target_adds_up_exactly() {
    let dir = examples_copy();
    let plan = dir.path().join("org/reps/lina.plan.yaml");
    edit(
        &plan,
        "targets:\n",
        "targets:\n  - id: new-hospitals\n    name: 新开发医院\n    value: 12家\n",
    );
    for m in 1..=3 {
        let path = dir
            .path()
            .join(format!("org/actuals/2026-{m:02}/rep-lina-2026.actuals.csv"));
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&format!("new-hospitals,2026-{m:02},1,家,\n"));
        std::fs::write(&path, text).unwrap();
    }
    let quarter = dir.path().join("actuals/rep-lina-2026-q1.actuals.yaml");
    let q1 = |n: u32| {
        format!(
            "plan: rep-lina-2026\nas_of: 2026-03-31\nrows:\n  - {{ metric: new-hospitals, period: Q1, value: {n}家 }}\n"
        )
    };
    std::fs::write(&quarter, q1(3)).unwrap();
    let (_, found) = p919(dir.path(), "en");
    assert!(found.is_empty(), "{found:?}");
    std::fs::write(&quarter, q1(4)).unwrap();
    let (_, found) = p919(dir.path(), "en");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].1["message"]
            .as_str()
            .unwrap()
            .contains("Q1 is 4 here, but its months in the monthly files add up to 3"),
        "{found:?}"
    );
}
