//! `planc render --format pdf`: the PDF read back with poppler (pdfinfo, pdftotext and
//! pdftohtml's outline), skipped with a message when poppler or a CJK font is missing.
//! Checked: every example typesets; pages are A4; the bookmarks and the table of
//! contents point at the pages where the headings are; footers count pages; the bytes
//! are deterministic; plan text with typst syntax comes out literally; no CJK font gives
//! a clear error and no file.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{planc_env, root, temp_with};

pub(crate) fn tool(name: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|p| p.join(name))
        .find(|p| p.is_file())
}

/// Whether the PDF can be made and read here; says why not when it cannot.
fn ready(test: &str) -> bool {
    for t in ["pdfinfo", "pdftotext", "pdftohtml"] {
        if tool(t).is_none() {
            eprintln!("skipped {test}: {t} is not installed (Debian: poppler-utils)");
            return false;
        }
    }
    if planc::render::pdf::fonts::system().is_err() {
        eprintln!("skipped {test}: no CJK font installed (Debian: fonts-noto-cjk)");
        return false;
    }
    true
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("poppler runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

struct Pdf {
    pages: usize,
    /// The text of each page (index 0 = page 1), whitespace removed.
    text: Vec<String>,
    info: String,
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn read_pdf(path: &Path) -> Pdf {
    let info = run(Command::new("pdfinfo").arg(path));
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{}: no page count in {info}", path.display()));
    let text = (1..=pages)
        .map(|n| {
            let n = n.to_string();
            squash(&run(Command::new("pdftotext")
                .args(["-f", &n, "-l", &n, "-enc", "UTF-8"])
                .arg(path)
                .arg("-")))
        })
        .collect();
    Pdf { pages, text, info }
}

/// The bookmarks (title, page) from pdftohtml's XML outline.
fn outline(path: &Path) -> Vec<(String, usize)> {
    let xml = run(Command::new("pdftohtml")
        .args(["-xml", "-i", "-q", "-stdout", "-enc", "UTF-8"])
        .arg(path));
    let mut out = Vec::new();
    for part in xml.split("<item page=\"").skip(1) {
        let (page, rest) = part.split_once('"').unwrap();
        let title = rest
            .split_once('>')
            .map(|(_, t)| t.split('<').next().unwrap_or(""))
            .unwrap_or("");
        let title = title
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'");
        out.push((squash(&title), page.parse().unwrap()));
    }
    out
}

/// Table-of-contents entries (heading, page) read off the pages titled `toc`.
fn toc(path: &Path, pdf: &Pdf, toc: &str) -> Vec<(String, usize)> {
    let mut entries = Vec::new();
    for (i, page) in pdf.text.iter().enumerate() {
        if !page.contains(toc) || i == 0 {
            continue;
        }
        let n = (i + 1).to_string();
        let text = run(Command::new("pdftotext")
            .args(["-layout", "-f", &n, "-l", &n, "-enc", "UTF-8"])
            .arg(path)
            .arg("-"));
        for line in text.lines() {
            // `一、前言 . . . . . 3`
            let t = line.trim();
            let Some((head, num)) = t.rsplit_once(' ') else {
                continue;
            };
            let (Ok(num), true) = (num.parse::<usize>(), head.contains(". .")) else {
                continue;
            };
            let head = head.trim_end_matches([' ', '.']);
            entries.push((squash(head), num));
        }
    }
    entries
}

fn render(plan: &str, out: &Path, extra: &[&str]) {
    planc_env()
        .args(["render", plan, "--format", "pdf", "-o"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
}

/// Checks one PDF: A4, more than one page, footers, bookmarks and the table of contents.
fn check(path: &Path, lang: &str) -> Pdf {
    let pdf = read_pdf(path);
    let name = path.display();
    assert!(pdf.pages > 1, "{name}: {} page(s)", pdf.pages);
    assert!(
        pdf.info.contains("595.276 x 841.89 pts (A4)"),
        "{name}: not A4: {}",
        pdf.info
    );
    let n = pdf.pages;
    let footer = |p: usize| match lang {
        "en" => format!("Page{p}of{n}"),
        _ => format!("第{p}页/共{n}页"),
    };
    for p in [2, n] {
        assert!(
            pdf.text[p - 1].contains(&footer(p)),
            "{name}: page {p} has no footer `{}`: {}",
            footer(p),
            pdf.text[p - 1]
        );
    }
    assert!(
        !pdf.text[0].contains(&footer(1)),
        "{name}: the cover has no footer"
    );
    let marks = outline(path);
    assert!(marks.len() >= 3, "{name}: bookmarks {marks:?}");
    for (title, page) in &marks {
        assert!(
            pdf.text[page - 1].contains(title.as_str()),
            "{name}: bookmark `{title}` points at page {page}, whose text is {}",
            pdf.text[page - 1]
        );
    }
    let entries = toc(path, &pdf, if lang == "en" { "Contents" } else { "目录" });
    assert!(entries.len() >= 3, "{name}: table of contents {entries:?}");
    for (head, page) in &entries {
        assert!(
            *page <= n && pdf.text[page - 1].contains(head.as_str()),
            "{name}: the contents put `{head}` on page {page}, whose text is {}",
            pdf.text
                .get(page - 1)
                .map(String::as_str)
                .unwrap_or("(no such page)")
        );
        assert!(
            marks.iter().any(|(t, p)| t == head && p == page),
            "{name}: `{head}` p.{page} is in the contents but not in the bookmarks {marks:?}"
        );
    }
    pdf
}

#[test]
fn every_example_typesets_with_contents_bookmarks_and_footers() {
    if !ready("every_example_typesets_with_contents_bookmarks_and_footers") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut plans: Vec<String> = crate::util::plans_under(&root().join("examples"))
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains("drafts"))
        .map(|p| {
            p.strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(plans.len() >= 10, "{plans:?}");
    plans.sort();
    for (i, plan) in plans.iter().enumerate() {
        let out = dir.path().join(format!("{i}.pdf"));
        render(plan, &out, &[]);
        let pdf = check(&out, "zh");
        let title = std::fs::read_to_string(root().join(plan))
            .unwrap()
            .lines()
            .find_map(|l| {
                l.strip_prefix("title: ")
                    .map(|t| squash(t.trim_matches('"')))
            })
            .unwrap();
        assert!(
            pdf.text[0].contains(&title),
            "{plan}: cover {}",
            pdf.text[0]
        );
    }
    // The consolidated report of the organisation, into the folder.
    let out = dir.path().join("rollup.pdf");
    planc_env()
        .args([
            "render",
            "examples/org",
            "--rollup",
            "--format",
            "pdf",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    check(&out, "zh");
}

#[test]
fn english_pdf_and_a_directory() {
    if !ready("english_pdf_and_a_directory") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("en.pdf");
    render("examples/org/east-china.plan.yaml", &out, &["--lang", "en"]);
    let pdf = check(&out, "en");
    assert!(pdf.text[1].contains("Contents"), "{}", pdf.text[1]);

    let site = dir.path().join("site");
    planc_env()
        .args(["render", "examples/org", "--format", "pdf", "-o"])
        .arg(&site)
        .assert()
        .success();
    for name in ["company.pdf", "south-china.pdf", "reps/lina.pdf"] {
        check(&site.join(name), "zh");
    }
    assert!(site.join("index.html").is_file(), "the index stays HTML");
}

#[test]
fn pdf_bytes_are_deterministic() {
    if !ready("pdf_bytes_are_deterministic") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    render("examples/org/company.plan.yaml", &a, &[]);
    render("examples/org/company.plan.yaml", &b, &[]);
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == b, "two renders differ");
    let info = String::from_utf8_lossy(&a);
    assert!(
        info.contains("D:20251220"),
        "the creation date is the plan's issue date (2025-12-20)"
    );
}

#[test]
fn typst_syntax_in_a_plan_comes_out_literally() {
    if !ready("typst_syntax_in_a_plan_comes_out_literally") {
        return;
    }
    let nasty = r#"A#set page(width: 1cm) $x^2$ *b* _c_ @ref <lab> [d] \e `f` ~g //h = i"#;
    // Narrative is Markdown (`*b*` is emphasis there): typst syntax only.
    let narrative = r#"#set text(size: 40pt) $x$ @ref <lab> [d] #{panic()} /* j */ = i"#;
    let plan = crate::util::region_alone()
        .replacen(
            "title: 华东大区2026年度销售工作执行计划",
            &format!("title: '华东{}'", nasty.replace('\'', "''")),
            1,
        )
        .replacen("closing: |", &format!("closing: |\n  结语 {narrative}"), 1);
    assert!(plan.contains(nasty), "the plan carries the text");
    let dir = temp_with(&[("east.plan.yaml", &plan)]);
    let out = dir.path().join("east.pdf");
    planc_env()
        .args(["render", "--format", "pdf", "--allow-errors", "-o"])
        .arg(&out)
        .arg(dir.path().join("east.plan.yaml"))
        .assert()
        .success();
    let pdf = check(&out, "zh");
    let all = pdf.text.concat();
    let literal = squash(nasty);
    assert!(pdf.text[0].contains(&literal), "cover: {}", pdf.text[0]);
    assert!(
        all.contains(&format!("结语{}", squash(narrative))),
        "closing: {all}"
    );
}

#[test]
fn no_cjk_font_is_a_clear_error_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    let out = dir.path().join("x.pdf");
    let result = planc_env()
        .env("PLANC_FONT_PATH", &fonts)
        .args([
            "render",
            "examples/representative.plan.yaml",
            "--format",
            "pdf",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&result.get_output().stderr).into_owned();
    assert!(err.contains("fonts-noto-cjk"), "{err}");
    assert!(!out.exists(), "no PDF is written");
    let result = planc_env()
        .env("PLANC_FONT_PATH", &fonts)
        .env("PLANC_LANG", "en")
        .args([
            "render",
            "examples/representative.plan.yaml",
            "--format",
            "pdf",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&result.get_output().stderr).into_owned();
    assert!(
        err.contains("no Chinese (CJK) font") && err.contains("fonts-noto-cjk"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn typst_templates_can_be_overridden_and_their_errors_are_reported() {
    if !ready("typst_templates_can_be_overridden_and_their_errors_are_reported") {
        return;
    }
    let dir = temp_with(&[(
        "t/typ/sections/text.typ.j2",
        "#text(fill: red)[OVERRIDDEN] {{ s.body.text|md }}\n",
    )]);
    let out = dir.path().join("x.pdf");
    render(
        "examples/launch.plan.yaml",
        &out,
        &["--templates", &dir.path().join("t").to_string_lossy()],
    );
    let pdf = check(&out, "zh");
    assert!(pdf.text.concat().contains("OVERRIDDEN"));

    std::fs::write(
        dir.path().join("t/typ/sections/text.typ.j2"),
        "#no-such-function()\n",
    )
    .unwrap();
    let out = dir.path().join("y.pdf");
    let result = planc_env()
        .args([
            "render",
            "examples/launch.plan.yaml",
            "--format",
            "pdf",
            "--templates",
        ])
        .arg(dir.path().join("t"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&result.get_output().stderr).into_owned();
    assert!(
        err.contains("typst: unknown variable: no-such-function") && err.contains("line "),
        "{err}"
    );
    assert!(!out.exists());
}

/// Typesetting is bounded in time: a typst template that loops for ever is stopped
/// after `[limits] typeset_seconds`, with an error naming the template, and no file.
#[test]
fn a_runaway_typst_template_is_stopped() {
    if !ready("a_runaway_typst_template_is_stopped") {
        return;
    }
    let dir = temp_with(&[
        (
            "t/typ/sections/text.typ.j2",
            "#for i in range(1000000) { for j in range(1000000) { } }\n",
        ),
        ("planc.toml", "[limits]\ntypeset_seconds = 2\n"),
    ]);
    let out = dir.path().join("x.pdf");
    let started = std::time::Instant::now();
    let result = planc_env()
        .args([
            "--lang",
            "en",
            "render",
            "examples/launch.plan.yaml",
            "--format",
            "pdf",
            "--config",
        ])
        .arg(dir.path().join("planc.toml"))
        .arg("--templates")
        .arg(dir.path().join("t"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2);
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&result.get_output().stderr).into_owned();
    assert!(
        err.contains("`typ/kinds/launch.typ.j2` took longer than 2 s"),
        "{err}"
    );
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
    assert!(!out.exists());
}
