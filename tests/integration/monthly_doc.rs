//! The monthly report as a document: its own cover (no plan status, issue date or
//! sign-off), a title that does not break mid-word, a chart legend for every bar colour
//! drawn, thresholds stated rather than a config file named, appendices numbered as in
//! every other document, and headings, captions and short tables kept together in print.

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_decimal::Decimal;

use planc::review::monthly::chart::{ranking, RankBar, RankLegend};

use crate::util::{planc, root};

/// The 9月月报 of `examples/org` in `format` and `lang`, written to `path`.
fn write(format: &str, lang: &str, path: &Path) {
    planc()
        .args([
            "--lang",
            lang,
            "review",
            "examples/org",
            "--as-of",
            "2026-09-30",
        ])
        .args(["--format", format, "-o"])
        .arg(path)
        .assert()
        .success();
}

fn text(format: &str, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("m.{format}"));
    write(format, lang, &path);
    std::fs::read_to_string(&path).unwrap()
}

/// The part of a Markdown document before its contents list.
fn md_cover(md: &str) -> &str {
    let end = md
        .find("## 目录")
        .or_else(|| md.find("## Contents"))
        .expect("a contents list");
    &md[..end]
}

/// The `<header class="cover">` of an HTML document.
fn html_cover(html: &str) -> &str {
    let start = html.find("<header class=\"cover\">").expect("a cover");
    let end = start + html[start..].find("</header>").expect("the cover ends");
    &html[start..end]
}

#[test]
fn the_cover_is_the_reports_own_not_the_plans() {
    let md = text("md", "zh");
    let cover = md_cover(&md);
    for want in [
        "**华康医药股份有限公司**",
        "# 2026年9月经营月报",
        "经营月报",
        "2026年1–9月",
        "数据截至",
        "2026-09-30",
        "对照计划",
        "2026年度医药销售工作计划（综合性年度战略规划）",
    ] {
        assert!(
            cover.contains(want),
            "{want} missing from the cover:\n{cover}"
        );
    }
    // The plan's status, issue date, kind and sign-off are the plan's.
    for unwanted in [
        "印发日期",
        "2025-12-20",
        "定稿",
        "计划类型",
        "公司年度销售计划",
        "编制",
        "审核",
        "批准",
        "总经理办公会",
    ] {
        assert!(
            !cover.contains(unwanted),
            "{unwanted} on the cover:\n{cover}"
        );
    }
    let en = text("md", "en");
    let cover = md_cover(&en);
    for want in [
        "# Monthly report, September 2026",
        "January–September 2026",
        "Data as of",
        "Measured against",
    ] {
        assert!(
            cover.contains(want),
            "{want} missing from the cover:\n{cover}"
        );
    }
    for unwanted in ["Issue date", "Final", "Prepared by", "2025-12-20"] {
        assert!(
            !cover.contains(unwanted),
            "{unwanted} on the cover:\n{cover}"
        );
    }
}

#[test]
fn the_html_cover_has_the_report_facts_and_no_sign_off() {
    let html = text("html", "zh");
    let cover = html_cover(&html);
    assert!(cover.contains("<h1>2026年9月经营月报</h1>"), "{cover}");
    assert!(
        cover.contains("<dt>数据截至</dt><dd>2026-09-30</dd>"),
        "{cover}"
    );
    assert!(
        cover.contains("<dt>报告期间</dt><dd>2026年1–9月</dd>"),
        "{cover}"
    );
    assert!(cover.contains("<dt>对照计划</dt>"), "{cover}");
    assert!(!cover.contains("class=\"approvals\""), "{cover}");
    assert!(
        !cover.contains("印发日期") && !cover.contains("定稿"),
        "{cover}"
    );
    assert!(!cover.contains("公司年度销售计划"), "{cover}");
}

/// The fills of the legend's colour swatches (10 high) and of the bars (16 high).
fn fills(svg: &str, height: &str) -> Vec<String> {
    let mut out: Vec<String> = svg
        .split("<rect ")
        .skip(1)
        .filter(|r| r.contains(&format!("height=\"{height}\"")))
        .filter_map(|r| {
            let f = r.split("fill=\"").nth(1)?;
            Some(f[..f.find('"')?].to_owned())
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn bar(key: &str, light: &'static str, attainment: i64) -> RankBar {
    RankBar {
        key: key.into(),
        label: key.into(),
        attainment: Decimal::from(attainment),
        phased_pace: Some(Decimal::from(70)),
        text: format!("{attainment}%"),
        light,
    }
}

fn legend() -> RankLegend {
    RankLegend {
        time_pace: "时间进度 74.8%".into(),
        phased_pace: "序时进度".into(),
        lights: vec![
            ("green", "绿灯".into()),
            ("amber", "黄灯".into()),
            ("red", "红灯".into()),
        ],
        unlit: "年度完成率（无状态灯）".into(),
    }
}

#[test]
fn the_ranking_legend_names_each_bar_colour_drawn_and_no_other() {
    let chart = ranking(
        "c",
        "t".into(),
        "c".into(),
        &[bar("甲", "green", 80), bar("乙", "red", 60)],
        Decimal::from(75),
        &legend(),
    )
    .expect("a chart");
    let svg = &chart.svg;
    assert_eq!(fills(svg, "16"), vec!["#2e7d32", "#c62828"], "{svg}");
    assert_eq!(fills(svg, "10"), fills(svg, "16"), "{svg}");
    assert!(svg.contains(">绿灯<") && svg.contains(">红灯<"), "{svg}");
    assert!(
        !svg.contains(">黄灯<"),
        "no amber bar, no amber entry: {svg}"
    );
    // A bar without a light is drawn plain, and said so.
    let chart = ranking(
        "c",
        "t".into(),
        "c".into(),
        &[bar("甲", "amber", 80), bar("乙", "none", 60)],
        Decimal::from(75),
        &legend(),
    )
    .expect("a chart");
    let svg = &chart.svg;
    assert_eq!(fills(svg, "10"), fills(svg, "16"), "{svg}");
    assert!(svg.contains(">黄灯<") && svg.contains(">年度完成率（无状态灯）<"));
    // In the report: every colour of the ranking charts is in their legends.
    for lang in ["zh", "en"] {
        let html = text("html", lang);
        let mut charts = 0;
        for svg in html.split("<svg").skip(1) {
            let svg = &svg[..svg.find("</svg>").unwrap()];
            if svg.contains("stroke-dasharray=\"4 3\"") && !fills(svg, "16").is_empty() {
                charts += 1;
                assert_eq!(fills(svg, "10"), fills(svg, "16"), "{lang}: {svg}");
            }
        }
        assert!(charts >= 2, "{lang}: {charts} ranking charts");
    }
}

#[test]
fn the_method_states_the_thresholds_and_names_no_config_file() {
    let zh = text("md", "zh");
    let body = &zh[zh.find("## 一、").expect("the first chapter")..];
    let body = &body[..body.rfind("\n---\n").unwrap_or(body.len())];
    assert!(!body.contains("planc.toml"), "{body}");
    assert!(
        body.contains("不低于 100% 为绿灯，不低于 90% 为黄灯，低于 90% 为红灯"),
        "{body}"
    );
    let en = text("md", "en");
    let body = &en[en.find("## 1. ").expect("the first chapter")..];
    let body = &body[..body.rfind("\n---\n").unwrap_or(body.len())];
    assert!(!body.contains("planc.toml"), "{body}");
    assert!(
        body.contains("green at or above 100%, amber at or above 90%, red below 90%"),
        "{body}"
    );
}

#[test]
fn the_appendix_is_numbered_as_in_every_document() {
    let zh = text("md", "zh");
    assert!(zh.contains("\n## 附录A 校验记录\n"), "{zh}");
    assert!(!zh.contains("\n## A 校验记录\n"), "{zh}");
    let en = text("md", "en");
    assert!(en.contains("\n## Appendix A "), "{en}");
}

fn tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

/// The text of each page of a PDF, whitespace removed.
fn pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

/// The title of the PDF cover is on one line: not broken inside 经营月报.
#[test]
fn the_pdf_title_is_not_broken_mid_word() {
    if !tool("pdftotext") || planc::render::pdf::fonts::system().is_err() {
        eprintln!("skipped: needs pdftotext (poppler-utils) and a CJK font (fonts-noto-cjk)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("m.pdf");
    write("pdf", "zh", &pdf);
    let out = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let cover = String::from_utf8_lossy(&out.stdout);
    assert!(
        cover
            .lines()
            .any(|l| l.split_whitespace().collect::<String>() == "2026年9月经营月报"),
        "{cover}"
    );
    assert!(cover.contains("数据截至"), "{cover}");
    assert!(
        !cover.contains("印发日期") && !cover.contains("定稿"),
        "{cover}"
    );
    assert!(!cover.contains("编制"), "{cover}");
}

/// Printed from Chromium (A4), a table caption is on the page of its table, and a short
/// table is not split: each page that shows a table's caption or header also shows its
/// note.
#[test]
fn printed_html_keeps_captions_and_short_tables_together() {
    let chromium = PathBuf::from("/usr/bin/chromium");
    let module = std::env::var_os("PLANC_PLAYWRIGHT")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/tools/playwright/node_modules/playwright-core"));
    let node_ok = Command::new("node").arg("--version").output().is_ok();
    if !node_ok || !chromium.exists() || !module.is_dir() || !tool("pdftotext") {
        eprintln!(
            "skipped: needs node, /usr/bin/chromium, pdftotext and playwright-core in {} \
             (the serve browser test installs it; or set PLANC_PLAYWRIGHT)",
            module.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("m.html");
    let pdf = dir.path().join("m.pdf");
    write("html", "zh", &html);
    let out = Command::new("node")
        .arg(root().join("tests/browser/print.cjs"))
        .env("PLANC_HTML", &html)
        .env("PLANC_PDF", &pdf)
        .env("PLANC_CHROMIUM", &chromium)
        .env("PLANC_PLAYWRIGHT", &module)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let pages = pages(&pdf);
    // The ranking tables: caption, header and note on one page.
    let mut seen = 0;
    for p in &pages {
        let captions = p.matches("：按序时完成率排名").count();
        let notes = p.matches("按序时完成率（累计实际÷序时目标）排名").count();
        assert_eq!(captions, notes, "a ranking caption or table apart:\n{p}");
        seen += captions;
    }
    assert!(seen >= 2, "{seen} ranking tables");
    // The month tables (9 rows).
    let mut seen = 0;
    for p in &pages {
        let headers = p.matches("当月实际").count();
        let notes = p.matches("序时目标：按").count();
        assert_eq!(headers, notes, "a month table split:\n{p}");
        seen += headers;
    }
    assert!(seen >= 2, "{seen} month tables");
}
