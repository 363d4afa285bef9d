//! `planc review`: figures computed by hand for a small plan, partial years, the
//! bundled example, and the rendered summary.

use std::collections::{BTreeMap, BTreeSet};

use crate::util::{planc, root};

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
    // In the review's own language (`lang: zh`): figures in 亿元.
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
    assert_eq!(sales["actual"]["display"], "35.9亿元");
    assert_eq!(sales["attainment"]["value"], "99.7222");
    assert_eq!(sales["status"], "amber");
    assert_eq!(sales["growth"]["value"], "12.1875");
    // 成熟区域 rolls up from 华东 9.09 and 华南 8.52: 17.61 of 17.82 = 98.8215 %.
    let groups = find(&sales["breakdowns"], "dimension", "region_group");
    let mature = find(&groups["items"], "ref", "成熟区域");
    assert_eq!(mature["actual"]["display"], "17.61亿元");
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
            "错误：--format docx 需要用 -o 指定输出文件\n".to_owned()
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
    assert!(md.contains("全年实现销售额35.9亿元，完成年度目标的99.7%"));
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
        "| 年度销售总额 | CNY 3,600m | CNY 3,590m | 99.7% | -CNY 10m | CNY 3,200m | +12.2% | 🟡 amber |",
        "- Targets: 1 (0 green, 1 amber, 0 red); KPIs: 25 (17 met, 8 missed).",
        "全年实现销售额CNY 3,590m",
        "状态为amber",
        "| 整体费用率 | ≤ 42% | 42.9% | 97.9% | missed | 🟡 amber |",
        "- Ahead of target: 心脉安 (+CNY 32m)",
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
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# "));
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

/// The tables of a rendered review (rows of cell texts, the header first) and its text.
struct Rendered {
    tables: Vec<Vec<Vec<String>>>,
    text: String,
}

/// The stretches of `s` from each `open` (any of them) to the `close` after it.
fn spans<'a>(s: &'a str, open: &[&str], close: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = open.iter().filter_map(|o| s[at..].find(o)).min() {
        let start = at + start;
        let Some(end) = close
            .iter()
            .filter_map(|c| s[start..].find(c).map(|e| (e, c.len())))
            .min()
        else {
            break;
        };
        out.push(&s[start..start + end.0 + end.1]);
        at = start + end.0 + end.1;
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
        .trim()
        .to_owned()
}

fn from_md(md: &str) -> Rendered {
    let mut tables = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    for line in md.lines().chain([""]) {
        if line.starts_with('|') {
            if !line.contains("| :--") && !line.contains("| --:") {
                let cells = line.trim().trim_matches('|').split(" | ");
                table.push(cells.map(|c| c.trim().replace("**", "")).collect());
            }
        } else if !table.is_empty() {
            tables.push(std::mem::take(&mut table));
        }
    }
    Rendered {
        tables,
        text: md.to_owned(),
    }
}

fn from_html(html: &str) -> Rendered {
    let tables = spans(html, &["<table"], &["</table>"])
        .into_iter()
        .map(|t| {
            spans(t, &["<tr"], &["</tr>"])
                .into_iter()
                .map(|r| {
                    spans(r, &["<td", "<th"], &["</td>", "</th>"])
                        .into_iter()
                        .map(strip_tags)
                        .collect()
                })
                .collect()
        })
        .collect();
    let text = spans(html, &["<p", "<li"], &["</p>", "</li>"])
        .into_iter()
        .map(strip_tags)
        .collect::<Vec<_>>()
        .join("\n");
    Rendered { tables, text }
}

fn from_docx(bytes: &[u8]) -> Rendered {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let text_of = |s: &str| -> String {
        spans(s, &["<w:t>", "<w:t "], &["</w:t>"])
            .into_iter()
            .map(strip_tags)
            .collect::<Vec<_>>()
            .join("")
    };
    let tables = spans(&xml, &["<w:tbl>"], &["</w:tbl>"])
        .into_iter()
        .map(|t| {
            spans(t, &["<w:tr>", "<w:tr "], &["</w:tr>"])
                .into_iter()
                .map(|r| {
                    spans(r, &["<w:tc>"], &["</w:tc>"])
                        .into_iter()
                        .map(|c| text_of(c).trim().to_owned())
                        .collect()
                })
                .collect()
        })
        .collect();
    let text = spans(&xml, &["<w:p>", "<w:p "], &["</w:p>"])
        .into_iter()
        .map(text_of)
        .collect::<Vec<_>>()
        .join("\n");
    Rendered { tables, text }
}

/// The words of a language: (metric column, verdict column, verdicts, lights).
fn words(
    zh: bool,
) -> (
    &'static str,
    &'static str,
    [&'static str; 5],
    [&'static str; 3],
) {
    if zh {
        (
            "指标",
            "判定",
            ["达成", "未达成", "进度正常", "进度落后", "无数据"],
            ["绿灯", "黄灯", "红灯"],
        )
    } else {
        (
            "Metric",
            "Result",
            ["met", "missed", "on track", "behind", "no data"],
            ["green", "amber", "red"],
        )
    }
}

/// One part of the summary line: its total and `(word, count)` pairs.
fn summary_part(part: &str, zh: bool) -> (usize, BTreeMap<String, usize>) {
    let num = |s: &str| -> usize {
        s.trim()
            .parse()
            .unwrap_or_else(|_| panic!("`{s}` is not a count in `{part}`"))
    };
    let (total, list) = if zh {
        let (head, list) = part.split_once('：').unwrap();
        let total = head.split(' ').nth(1).unwrap();
        (
            num(total),
            list.trim_end_matches('。').split('、').collect::<Vec<_>>(),
        )
    } else {
        let (head, list) = part.split_once(" (").unwrap();
        let total = head.rsplit(' ').next().unwrap();
        (
            num(total),
            list.trim_end_matches(").")
                .trim_end_matches(')')
                .split(", ")
                .collect(),
        )
    };
    let counts = list
        .into_iter()
        .map(|w| {
            if zh {
                let (word, n) = w.rsplit_once(' ').unwrap();
                (word.to_owned(), num(n))
            } else {
                let (n, word) = w.split_once(' ').unwrap();
                (word.to_owned(), num(n))
            }
        })
        .collect();
    (total, counts)
}

/// The counts the summary line quotes equal the rows the tables show: every KPI in a
/// KPI table (once), each verdict as often as the summary says; every target in the
/// targets table, each light as often as the summary says.
fn assert_counts_match_rows(r: &Rendered, what: &str) {
    let zh = r.text.contains("关键指标 ");
    let (metric, verdict, verdicts, lights) = words(zh);
    let line = r
        .text
        .lines()
        .find(|l| l.contains(if zh { "关键指标 " } else { "KPIs: " }))
        .unwrap_or_else(|| panic!("{what}: no summary line in\n{}", r.text))
        .trim()
        .trim_start_matches("- ");
    let (targets_part, kpis_part) = line
        .split_once(if zh { "；" } else { "; " })
        .unwrap_or_else(|| panic!("{what}: `{line}`"));
    let (kpis, quoted) = summary_part(kpis_part, zh);
    // KPI rows, once each (a KPI may be shown in more than one table).
    let mut rows: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    for t in &r.tables {
        let Some(col) = t
            .first()
            .filter(|h| h.first().is_some_and(|c| c == metric))
            .and_then(|h| h.iter().position(|c| c == verdict))
        else {
            continue;
        };
        for row in &t[1..] {
            if rows.insert(row.clone()) {
                *tally.entry(row[col].clone()).or_default() += 1;
            }
        }
    }
    assert_eq!(
        rows.len(),
        kpis,
        "{what}: `{line}` counts {kpis} KPIs; the tables show {}",
        rows.len()
    );
    for word in tally.keys() {
        assert!(
            verdicts.contains(&word.as_str()),
            "{what}: verdict `{word}`"
        );
    }
    let quoted_nonzero: BTreeMap<String, usize> = quoted
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(w, n)| (w.clone(), *n))
        .collect();
    assert_eq!(
        quoted_nonzero, tally,
        "{what}: `{line}` against the KPI tables"
    );
    assert_eq!(quoted.values().sum::<usize>(), kpis, "{what}: `{line}`");
    // Target rows of the targets table (its header: metric, annual target, …, growth).
    let (targets, quoted) = summary_part(targets_part, zh);
    let growth = if zh { "同比" } else { "YoY" };
    let table = r
        .tables
        .iter()
        .find(|t| {
            t.first()
                .is_some_and(|h| h[0] == metric && h.iter().any(|c| c == growth))
        })
        .unwrap_or_else(|| panic!("{what}: no targets table"));
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    for row in &table[1..] {
        let status = row.last().unwrap();
        let word = lights
            .iter()
            .find(|l| status.contains(**l))
            .map_or(verdicts[4], |l| *l);
        *tally.entry(word.to_owned()).or_default() += 1;
    }
    assert_eq!(table.len() - 1, targets, "{what}: `{line}`");
    let quoted_nonzero: BTreeMap<String, usize> =
        quoted.into_iter().filter(|(_, n)| *n > 0).collect();
    assert_eq!(
        quoted_nonzero, tally,
        "{what}: `{line}` against the targets table"
    );
}

/// Renders a review in every format and checks its counts against its rows.
fn assert_counts_in_every_format(lang: Option<&str>, args: &[&str], what: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let cmd = || {
        let mut c = crate::util::planc_env();
        c.arg("review").args(args);
        if let Some(l) = lang {
            c.args(["--lang", l]);
        }
        c
    };
    for format in ["md", "html", "docx"] {
        let path = tmp.path().join(format!("review.{format}"));
        let out = cmd()
            .args(["--format", format, "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{what} ({format}): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&path).unwrap();
        let r = match format {
            "md" => from_md(&String::from_utf8(bytes).unwrap()),
            "html" => from_html(&String::from_utf8(bytes).unwrap()),
            _ => from_docx(&bytes),
        };
        assert_counts_match_rows(&r, &format!("{what} ({format}, {lang:?})"));
    }
}

#[test]
fn every_kpi_the_summary_counts_is_in_a_table() {
    // Every example review, in its own language and in English.
    let reviews: Vec<_> = crate::util::plans_under(&root().join("examples"))
        .into_iter()
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("\nkind: review")
        })
        .collect();
    assert!(!reviews.is_empty());
    for p in &reviews {
        let p = p.to_string_lossy();
        for lang in [None, Some("en")] {
            assert_counts_in_every_format(lang, &[&p], &p);
        }
    }
    // The example plans with their actuals, for the full year and part-way through it.
    let cases: &[(&str, &[&str])] = &[
        (
            "examples/org/company.plan.yaml",
            &["examples/actuals/company-2026.actuals.csv"],
        ),
        (
            "examples/org/east-china.plan.yaml",
            &["examples/actuals/east-china-2026.actuals.yaml"],
        ),
        (
            "examples/org/east-china.plan.yaml",
            &["examples/actuals/east-china-2026-q3.actuals.yaml"],
        ),
        // The wide layout: one row per province, one column per quarter.
        (
            "examples/org/south-china.plan.yaml",
            &["examples/actuals/south-china-2026.actuals.csv"],
        ),
    ];
    // The CRM export breaks sales down by customer type, a segment only the review
    // defines: it is read through examples/review.plan.yaml.
    let through_review = "examples/actuals/company-2026-crm.actuals.xlsx";
    let listed: BTreeSet<&str> = cases
        .iter()
        .flat_map(|(_, a)| a.iter().copied())
        .chain([through_review])
        .collect();
    for e in std::fs::read_dir(root().join("examples/actuals")).unwrap() {
        let name = format!(
            "examples/actuals/{}",
            e.unwrap().file_name().to_string_lossy()
        );
        assert!(listed.contains(name.as_str()), "{name} is not checked here");
    }
    for (plan, actuals) in cases {
        for as_of in [None, Some("2026-09-30")] {
            let mut args = vec![*plan, "--actuals"];
            args.extend(actuals.iter());
            if let Some(d) = as_of {
                args.extend(["--as-of", d]);
            }
            assert_counts_in_every_format(None, &args, &format!("{plan} {as_of:?}"));
        }
    }
}

#[test]
fn kpis_without_actuals_are_counted_as_no_data() {
    let dir = root().join("tests/fixtures/actuals");
    let tmp = tempfile::tempdir().unwrap();
    let actuals = tmp.path().join("tiny-2026.actuals.csv");
    std::fs::write(
        &actuals,
        "metric,period,value,unit\nsales,FY,1260,万元\nk-cover,FY,93,%\n",
    )
    .unwrap();
    let plan = dir.join("tiny.plan.yaml");
    let args = [
        plan.to_str().unwrap(),
        "--actuals",
        actuals.to_str().unwrap(),
    ];
    for lang in [Some("zh"), Some("en")] {
        assert_counts_in_every_format(lang, &args, "tiny without most KPIs");
    }
    let md = render(&[args[0], args[1], args[2], "--format", "md", "--lang", "zh"]);
    assert!(
        md.contains("目标 2 项：绿灯 1、黄灯 0、红灯 0、无数据 1；关键指标 4 项：达成 1、未达成 0、无数据 3。"),
        "{md}"
    );
}

#[test]
fn kpis_no_figure_names_are_shown_after_the_summary() {
    let dir = root().join("tests/fixtures/actuals");
    let tmp = tempfile::tempdir().unwrap();
    for name in ["tiny.plan.yaml", "tiny-2026.actuals.yaml"] {
        std::fs::copy(dir.join(name), tmp.path().join(name)).unwrap();
    }
    let review = tmp.path().join("tiny.review.plan.yaml");
    std::fs::write(
        &review,
        "kind: review\nid: tiny-review\ntitle: 年度总结\nstatus: final\nlang: zh\n\
period: { start: 2026-01-01, end: 2026-12-31 }\n\
review:\n  plan: tiny.plan.yaml\n  actuals: [tiny-2026.actuals.yaml]\n\
sections:\n  - title: 目标回顾\n    figures: [targets]\n  - title: 覆盖\n    figures: [kpi/k-cover]\n",
    )
    .unwrap();
    let path = review.to_string_lossy().into_owned();
    for lang in [None, Some("en")] {
        assert_counts_in_every_format(lang, &[&path], "a review naming one KPI");
    }
    let md = render(&[&path, "--format", "md", "--lang", "zh"]);
    let other = md.find("### 1.2 其他关键指标达成情况").expect(&md);
    let next = md.find("## 二、覆盖").unwrap();
    assert!(other < next);
    for metric in ["费用率", "库存周转天数占比", "违规事件"] {
        assert!(md[other..next].contains(metric), "{metric} in\n{md}");
    }
    assert!(!md[other..next].contains("目标医院覆盖率"), "{md}");
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
    assert_eq!(sales["actual"]["display"], "CNY 665m");
    assert_eq!(sales["attainment"]["value"], "100");
    // A full-year row dated 30 September is the year to date: 江苏 1.85 of 2.45 × 6.65 ÷ 9.072.
    let province = find(&sales["breakdowns"], "dimension", "province");
    let jiangsu = find(&province["items"], "ref", "jiangsu");
    assert_eq!(jiangsu["actual"]["value"], "185000000");
    // An amount to reach builds up over the year: 470万元 of 600万元 × 9 ÷ 12 = 450万元.
    let qfn = find(&f["kpis"], "id", "liaoyuan-qfn-sales");
    assert_eq!(qfn["verdict"], "on_track");
    assert_eq!(qfn["target_to_date"]["value"], "4500000");
    // A rate is judged as it stands: 10.8 % against ≥ 12 % is missed, not pro-rated.
    let output = find(&f["kpis"], "id", "panshi-output");
    assert_eq!(output["verdict"], "fail");
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
