//! DOCX pagination and structure as Word reads it: no forced break before every chapter,
//! headings and captions kept with what follows, rows that do not split, short tables and
//! total rows kept with their table, no update-fields prompt, unique drawing ids; and
//! python-docx (a reader nobody here wrote) opens every example.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;

use planc::render::{Format, Renderer};
use resvg::usvg::roxmltree::{Document, Node};

use crate::render::{entry, render, unzip};
use crate::util::{plans_under, root};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn docx(path: &str) -> Vec<u8> {
    render(
        &Renderer::new(None).unwrap(),
        &root().join(path),
        Format::Docx,
    )
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name((W, name)))
}

fn style<'a>(p: Node<'a, '_>) -> Option<&'a str> {
    child(child(p, "pPr")?, "pStyle")?.attribute((W, "val"))
}

fn keeps_next(p: Node) -> bool {
    child(p, "pPr")
        .and_then(|pr| child(pr, "keepNext"))
        .is_some()
}

fn text(n: Node) -> String {
    n.descendants()
        .filter(|d| d.has_tag_name((W, "t")))
        .filter_map(|d| d.text())
        .collect()
}

#[test]
fn docx_pages_flow_and_keep_tables_together() {
    let bytes = docx("examples/org/company.plan.yaml");
    let mut zip = unzip(&bytes);
    let xml = entry(&mut zip, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let paras: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();

    // Chapters flow on: no Heading 1 forces a page break.
    let h1: Vec<&Node> = paras
        .iter()
        .filter(|p| style(**p) == Some("Heading1"))
        .collect();
    assert!(h1.len() >= 7, "{} chapters", h1.len());
    for p in &h1 {
        let pr = child(**p, "pPr").unwrap();
        assert!(
            child(pr, "pageBreakBefore").is_none(),
            "page break before {}",
            text(**p)
        );
    }
    // Only the cover and the contents end with a page break.
    let breaks = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "br")) && n.attribute((W, "type")) == Some("page"))
        .count();
    assert_eq!(breaks, 2, "page breaks");

    // Headings, subheads and figures keep with the next paragraph (in the style or
    // on the paragraph).
    let styles = entry(&mut zip, "word/styles.xml");
    let styles = Document::parse(&styles).unwrap();
    let kept_styles: HashSet<&str> = styles
        .descendants()
        .filter(|s| s.has_tag_name((W, "style")))
        .filter(|s| {
            child(*s, "pPr")
                .and_then(|pr| child(pr, "keepNext"))
                .is_some()
        })
        .filter_map(|s| s.attribute((W, "styleId")))
        .collect();
    for s in ["Heading1", "Heading2", "Heading3", "Subhead"] {
        assert!(
            kept_styles.contains(s),
            "{s} keeps with next: {kept_styles:?}"
        );
    }
    let figures: Vec<&Node> = paras
        .iter()
        .filter(|p| style(**p) == Some("Figure"))
        .collect();
    assert!(figures.len() >= 4);
    assert!(
        figures.iter().all(|p| keeps_next(**p)),
        "chart keeps with its caption"
    );

    // Rows never split; short tables are kept whole; a long one keeps its total row.
    let tables: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .filter(|t| {
            child(*t, "tblPr")
                .and_then(|pr| child(pr, "tblStyle"))
                .and_then(|s| s.attribute((W, "val")))
                == Some("PlancTable")
        })
        .collect();
    assert!(tables.len() >= 10);
    let mut totals = 0;
    for t in &tables {
        let rows: Vec<Node> = t.children().filter(|r| r.has_tag_name((W, "tr"))).collect();
        for r in &rows {
            let pr = child(*r, "trPr").expect("row properties");
            assert!(child(pr, "cantSplit").is_some(), "row splits: {}", text(*r));
        }
        let row_keeps = |r: &Node| {
            r.descendants()
                .filter(|p| p.has_tag_name((W, "p")))
                .all(keeps_next)
        };
        let body = rows.len() - 1;
        // What comes after the table: its note or highlight bullets, which its last row
        // keeps on its page, or anything else, which it does not hold.
        let after = t
            .next_siblings()
            .skip(1)
            .filter(|n| n.is_element())
            .find(|n| style(*n) != Some("AfterTable"));
        let about_it = after.is_some_and(|p| {
            style(p) == Some("Caption")
                || (style(p) == Some("Normal")
                    && child(p, "pPr").and_then(|pr| child(pr, "numPr")).is_some())
        });
        for (i, r) in rows.iter().enumerate() {
            let last = i + 1 == rows.len();
            if body <= 12 && !last {
                assert!(row_keeps(r), "short table row {i}: {}", text(*r));
            }
            if last {
                assert_eq!(row_keeps(r), about_it, "last row: {}", text(*r));
            }
        }
        if text(*rows.last().unwrap()).starts_with("合计") {
            totals += 1;
            assert!(
                row_keeps(&rows[rows.len() - 2]),
                "the row above the total keeps with it"
            );
        }
    }
    assert!(totals >= 3, "{totals} tables with a total row");

    // A money header keeps its unit whole: `目标（万元）` on one line, or `目标` and
    // `（万元）` on two; and a table mixing group and sub-rows says what its 占比 is of.
    let runs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        runs.iter()
            .any(|t| *t == "目标（万元）" || *t == "（万元）"),
        "a money header: {:?}",
        runs.iter()
            .filter(|t| t.contains("万元"))
            .collect::<Vec<_>>()
    );
    assert!(
        !runs
            .iter()
            .any(|t| t.contains("（万") && !t.contains("（万元）")),
        "a unit split"
    );
    assert!(runs
        .iter()
        .any(|t| t.contains("缩进的子项占比为其在所属分组中的比例")));
}

#[test]
fn docx_contents_update_on_open_and_drawings_have_unique_ids() {
    let bytes = docx("examples/org/company.plan.yaml");
    let mut zip = unzip(&bytes);
    // Word refreshes the contents (with page numbers) when it opens the file …
    let settings = entry(&mut zip, "word/settings.xml");
    assert!(
        settings.contains("<w:updateFields w:val=\"true\" />"),
        "{settings}"
    );
    // … and the Chinese face is declared under both its names, with the GB2312 set.
    let fonts = entry(&mut zip, "word/fontTable.xml");
    assert!(
        fonts.contains("w:name=\"Microsoft YaHei\"><w:altName w:val=\"微软雅黑\" />")
            && fonts.contains("<w:charset w:val=\"86\" />"),
        "{fonts}"
    );
    let xml = entry(&mut zip, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    // Meanwhile (and in LibreOffice) the contents show the headings, with no note asking
    // the reader to press F9.
    let toc: Vec<String> = doc
        .descendants()
        .filter(|p| p.has_tag_name((W, "p")) && style(*p) == Some("TOC1"))
        .map(text)
        .collect();
    assert!(toc.len() >= 7 && toc[0].contains("前言"), "{toc:?}");
    assert!(
        !xml.contains("按 F9") && !xml.contains("选中目录"),
        "no note about pressing F9"
    );
    // Every row of every table outside the cover keeps together, figure cards included.
    let split: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tr")))
        .filter(|tr| !tr.descendants().any(|n| n.has_tag_name((W, "cantSplit"))))
        .filter(|tr| {
            !tr.descendants()
                .any(|p| p.has_tag_name((W, "p")) && style(p) == Some("CoverText"))
        })
        .map(text)
        .collect();
    assert!(split.is_empty(), "rows that may split: {split:?}");

    let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    for (ns, name) in [(wp, "docPr"), (pic, "cNvPr")] {
        let ids: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((ns, name)))
            .filter_map(|n| n.attribute("id"))
            .collect();
        assert!(ids.len() >= 4, "{name}: {ids:?}");
        let unique: HashSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{name} ids repeat: {ids:?}");
        assert!(!ids.contains(&"0"), "{name} id 0");
    }
}

/// A virtual environment with python-docx (as `packaging.rs` makes one for its tools).
fn python_docx() -> Option<PathBuf> {
    let venv = root().join("target/tools/docx");
    let python = venv.join("bin/python");
    let ready = |p: &PathBuf| {
        Command::new(p)
            .args(["-c", "import docx"])
            .status()
            .is_ok_and(|s| s.success())
    };
    if !ready(&python) {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success());
        let installed = made
            && Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .arg("python-docx>=1.1,<2")
                .status()
                .is_ok_and(|s| s.success());
        if !installed || !ready(&python) {
            eprintln!("SKIPPED: python-docx could not be installed from PyPI");
            return None;
        }
    }
    Some(python)
}

#[test]
fn python_docx_opens_every_example() {
    let Some(python) = python_docx() else { return };
    let dir = tempfile::tempdir().unwrap();
    let renderer = Renderer::new(None).unwrap();
    let plans = plans_under(&root().join("examples"));
    let mut files = Vec::new();
    for p in plans.iter().filter(|p| {
        !std::fs::read_to_string(p)
            .unwrap_or_default()
            .contains("\nkind: review")
    }) {
        let name = p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".plan.yaml", ".docx");
        let out = dir.path().join(name);
        std::fs::write(&out, render(&renderer, p, Format::Docx)).unwrap();
        files.push(out);
    }
    assert!(files.len() >= 8, "{files:?}");
    // Every document opens; headings, tables and pictures are where Word puts them, and
    // no table row of a company plan is empty.
    let script = r#"
import sys, docx
for path in sys.argv[1:]:
    d = docx.Document(path)
    heads = [p.text for p in d.paragraphs if p.style.name.lower().startswith("heading")]
    assert heads, (path, "no headings")
    assert d.tables, (path, "no tables")
    for t in d.tables:
        for r in t.rows:
            assert any(c.text.strip() for c in r.cells), (path, "empty row")
    print(path.rsplit("/", 1)[-1], len(heads), len(d.tables), len(d.inline_shapes))
"#;
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(&files)
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.lines().count(), files.len(), "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("company.docx") && !l.ends_with(" 0")),
        "pictures in the company plan: {stdout}"
    );
}

/// The 华东 plan with a breakdown that does not add up, accepted with a reason.
fn region_with_exception() -> String {
    crate::util::region_alone()
        .replace(
            "      - dimension: province\n",
            "      # planc: allow P101 — 浙江省指标待12月价格谈判后再分配\n      - dimension: province\n",
        )
        .replacen("value: 2.1亿元", "value: 2.0亿元", 1)
}

#[test]
fn the_validation_appendix_is_short_for_readers_and_full_on_request() {
    let dir = crate::util::temp_with(&[("east.plan.yaml", &region_with_exception())]);
    let run = |extra: &[&str], format: &str| {
        let out = crate::util::planc_env()
            .current_dir(dir.path())
            .args(["render", "east.plan.yaml", "--format", format, "-o", "-"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    // From the appendix heading to the colophon.
    let appendix = |md: &str| {
        let tail = &md[md.find("校验记录").expect("the appendix")..];
        tail[..tail.find("\n---\n").unwrap_or(tail.len())].to_owned()
    };
    let short = appendix(&run(&[], "md"));
    assert!(
        short.contains("本报告数据已通过 planc 校验：")
            && short.contains("1 项经批准的例外（见下）"),
        "{short}"
    );
    assert!(
        short.contains("浙江省指标待12月价格谈判后再分配"),
        "the reason"
    );
    for internal in ["SHA-256", "P101", "P004", "planc 0.", "已运行的检查"] {
        assert!(
            !short.contains(internal),
            "`{internal}` in the short appendix:\n{short}"
        );
    }
    let full = appendix(&run(&["--appendix", "full"], "md"));
    for detail in [
        "SHA-256",
        "P101",
        "P004",
        "已运行的检查",
        "浙江省指标待12月价格谈判后再分配",
    ] {
        assert!(
            full.contains(detail),
            "no `{detail}` in the full appendix:\n{full}"
        );
    }
    let html = run(&[], "html");
    assert!(html.contains("1 项经批准的例外") && !html.contains("已运行的检查"));
    let html = run(&["--appendix", "full"], "html");
    assert!(html.contains("已运行的检查"));
    // English readers get the paragraph in English.
    let en = run(&["--lang", "en"], "md");
    assert!(en.contains("1 approved exceptions (see below)"), "{en}");
}

#[test]
fn one_money_unit_per_document_auto_or_configured() {
    let dir = crate::util::temp_with(&[("east.plan.yaml", &crate::util::region_alone())]);
    let md = |dir: &std::path::Path| {
        let out = crate::util::planc_env()
            .current_dir(dir)
            .args(["render", "east.plan.yaml", "--format", "md", "-o", "-"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    // 9.072亿 needs three decimals in 亿元: the whole document is in 万元, whole numbers.
    let auto = md(dir.path());
    assert!(auto.contains("货币与金额单位**：CNY · 万元"), "{auto}");
    assert!(auto.contains("| 省市 | 目标（万元） |"), "{auto}");
    assert!(auto.contains("| 90,720万元 |"), "{auto}");
    assert!(!auto.contains("亿元）"), "a table in 亿元:\n{auto}");
    assert!(!auto.contains("金额说明"), "nothing is rounded");
    // Configured 亿元: two decimals in every money cell, and the cover says what is rounded.
    std::fs::write(
        dir.path().join("planc.toml"),
        "[render]\nmoney_unit = \"亿元\"\n",
    )
    .unwrap();
    let yi = md(dir.path());
    assert!(yi.contains("| 省市 | 目标（亿元） |"), "{yi}");
    assert!(yi.contains("| 9.07亿元 |"), "{yi}");
    assert!(yi.contains("四舍五入保留2位小数；校验按精确值进行"), "{yi}");
    assert!(!yi.contains("（万元）"), "a table in 万元:\n{yi}");
}

/// Figures in a text: signed, grouped, decimal, percent — two characters or more, the
/// least a line break can split.
fn figures(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    // Dates (`2026-09-30`) are not figures: they may break after a hyphen.
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let t = cur.trim_end_matches([',', '.', '-']).to_owned();
        if t.chars().filter(char::is_ascii_digit).count() >= 2 && !t.contains('-') {
            out.push(t);
        }
        cur.clear();
    };
    for c in text.chars() {
        let digit = c.is_ascii_digit();
        let joins = !cur.is_empty() && matches!(c, ',' | '.' | '%' | '-');
        if digit || joins {
            cur.push(c);
            if c == '%' {
                flush(&mut cur, &mut out);
            }
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// LibreOffice sets every figure of the review (in Chinese and English), the part-way review, the roll-up and a
/// plan on one line: each figure of the document's text is whole in the PDF it prints.
/// (It broke `1|03,800` in the roll-up's summary while the Latin language was zh-CN,
/// and `178,20|0` in an eleven-column table when figures were set in its Arial fallback.)
#[test]
fn libreoffice_never_breaks_a_figure_across_lines() {
    let Some(soffice) = crate::pdf::tool("soffice") else {
        eprintln!("skipped: soffice is not installed (Debian: libreoffice-writer)");
        return;
    };
    let Some(pdftotext) = crate::pdf::tool("pdftotext") else {
        eprintln!("skipped: pdftotext is not installed (Debian: poppler-utils)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let runs: [(&str, &[&str]); 5] = [
        ("review", &["review", "examples/review.plan.yaml"]),
        (
            "review-en",
            &["review", "examples/review.plan.yaml", "--lang", "en"],
        ),
        (
            "partial",
            &[
                "review",
                "examples/org/east-china.plan.yaml",
                "--actuals",
                "examples/actuals/east-china-2026-q3.actuals.yaml",
                "--as-of",
                "2026-09-30",
            ],
        ),
        ("company", &["render", "examples/org/company.plan.yaml"]),
        ("rollup", &["render", "examples/org", "--rollup"]),
    ];
    let mut broken = Vec::new();
    for (name, args) in runs {
        let out = dir.path().join(name);
        crate::util::planc_env()
            .current_dir(root())
            .args(args)
            .args(["--format", "docx", "-o"])
            .arg(&out)
            .assert()
            .success();
        let docx = if out.is_dir() {
            out.join("rollup.docx")
        } else {
            let f = dir.path().join(format!("{name}.docx"));
            std::fs::rename(&out, &f).unwrap();
            f
        };
        let xml = entry(
            &mut unzip(&std::fs::read(&docx).unwrap()),
            "word/document.xml",
        );
        let doc = Document::parse(&xml).unwrap();
        let written: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .flat_map(|p| figures(&text(p)))
            .collect();
        assert!(written.len() > 20, "{name}: {written:?}");
        let pdf = crate::render::soffice_pdf(&soffice, &docx, dir.path());
        let printed = Command::new(&pdftotext)
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let printed = figures(&String::from_utf8_lossy(&printed.stdout));
        let mut left: std::collections::HashMap<&str, usize> = Default::default();
        for f in &printed {
            *left.entry(f).or_default() += 1;
        }
        for f in &written {
            match left.get_mut(f.as_str()) {
                Some(n) if *n > 0 => *n -= 1,
                _ => broken.push(format!("{name}: {f}")),
            }
        }
    }
    assert!(broken.is_empty(), "figures broken across lines: {broken:?}");
}

/// The roll-up's table of plans links each plan's DOCX beside it as a Word hyperlink;
/// the file name is the link's target, never printed in the body.
#[test]
fn the_rollups_docx_links_each_plan_without_printing_file_names() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::planc_env()
        .current_dir(root())
        .args([
            "render",
            "examples/org",
            "--rollup",
            "--format",
            "docx",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let mut zip = unzip(&std::fs::read(dir.path().join("rollup.docx")).unwrap());
    let rels = entry(&mut zip, "word/_rels/document.xml.rels");
    let xml = entry(&mut zip, "word/document.xml");
    for plan in ["company.docx", "east-china.docx", "reps/lina.docx"] {
        assert!(
            rels.contains(&format!("Target=\"{plan}\" TargetMode=\"External\"")),
            "{plan} in\n{rels}"
        );
        assert!(dir.path().join(plan).is_file(), "{plan} written beside it");
        assert!(!xml.contains(plan), "{plan} printed in the body");
    }
    assert!(xml.matches("<w:hyperlink r:id=").count() >= 7);
}
