//! The counts the review's summary line quotes against the rows its tables show, in
//! every format (Markdown, HTML, DOCX) and language, for every example.

use std::collections::{BTreeMap, BTreeSet};

use super::render;
use crate::util::root;

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

/// A review of the tiny plan with these sections (YAML list items), in a fresh folder.
fn tiny_review(sections: &str) -> (tempfile::TempDir, String) {
    let dir = root().join("tests/fixtures/actuals");
    let tmp = tempfile::tempdir().unwrap();
    for name in ["tiny.plan.yaml", "tiny-2026.actuals.yaml"] {
        std::fs::copy(dir.join(name), tmp.path().join(name)).unwrap();
    }
    let review = tmp.path().join("tiny.review.plan.yaml");
    std::fs::write(
        &review,
        format!(
            "kind: review\nid: tiny-review\ntitle: 年度总结\nstatus: final\nlang: zh\n\
period: {{ start: 2026-01-01, end: 2026-12-31 }}\n\
review:\n  plan: tiny.plan.yaml\n  actuals: [tiny-2026.actuals.yaml]\n\
sections:\n{sections}"
        ),
    )
    .unwrap();
    let path = review.to_string_lossy().into_owned();
    (tmp, path)
}

/// The text of the report from `from` to `to` (both must be there, in order).
fn between<'a>(md: &'a str, from: &str, to: &str) -> &'a str {
    let a = md
        .find(from)
        .unwrap_or_else(|| panic!("no `{from}` in\n{md}"));
    let b = md[a..]
        .find(to)
        .unwrap_or_else(|| panic!("no `{to}` after `{from}` in\n{md}"));
    &md[a..a + b]
}

#[test]
fn kpis_no_figure_names_are_shown_after_the_summary() {
    // The summary in the second section: the KPIs no figure names follow it there.
    let (_tmp, path) = tiny_review(
        "  - title: 覆盖\n    figures: [kpi/k-cover]\n  - title: 目标回顾\n    figures: [targets]\n  - title: 结语\n    text: 完。\n",
    );
    for lang in [None, Some("en")] {
        assert_counts_in_every_format(lang, &[&path], "a review naming one KPI");
    }
    let md = render(&[&path, "--format", "md", "--lang", "zh"]);
    let other = between(&md, "### 2.2 其他关键指标达成情况", "## 三、结语");
    for metric in ["费用率", "库存周转天数占比", "违规事件"] {
        assert!(other.contains(metric), "{metric} in\n{md}");
    }
    assert!(!other.contains("目标医院覆盖率"), "{md}");
    assert!(!md.contains("### 1.2"), "{md}");
}

#[test]
fn without_a_summary_the_kpis_no_figure_names_follow_the_last_figures() {
    let (_tmp, path) = tiny_review(
        "  - title: 覆盖\n    figures: [kpi/k-cover]\n  - title: 费用\n    figures: [kpi/k-expense]\n  - title: 结语\n    text: 完。\n",
    );
    let md = render(&[&path, "--format", "md", "--lang", "zh"]);
    let other = between(&md, "### 2.2 其他关键指标达成情况", "## 三、结语");
    assert!(
        other.contains("库存周转天数占比") && other.contains("违规事件"),
        "{md}"
    );
    assert!(!other.contains("费用率 |"), "{md}");
}

#[test]
fn sections_with_the_same_title_keep_their_own_figures() {
    let (_tmp, path) = tiny_review(
        "  - title: 指标\n    figures: [kpi/k-cover]\n  - title: 指标\n    figures: [kpi/k-expense]\n",
    );
    let md = render(&[&path, "--format", "md", "--lang", "zh"]);
    assert!(
        md.contains("## 一、指标\n\n### 1.1 目标医院覆盖率\n"),
        "{md}"
    );
    assert!(md.contains("## 二、指标\n\n### 2.1 费用率\n"), "{md}");
}
