//! `planc render`: report snapshots, the DOCX package, injection, determinism,
//! template overrides and the command line.

use std::io::Read;
use std::path::{Path, PathBuf};

use planc::config::Config;
use planc::render::{checks, Format, Input, Renderer};

use crate::util::{planc_env, plans_under, root, temp_with};

/// The example plans `planc render` is for (year-end reviews go through `planc review`).
fn examples() -> Vec<PathBuf> {
    plans_under(&root().join("examples"))
        .into_iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            !text.lines().any(|l| l.trim() == "kind: review")
        })
        .collect()
}

/// Renders a plan file in-process, as `planc render` does.
pub(crate) fn render(renderer: &Renderer, path: &Path, format: Format) -> Vec<u8> {
    let bytes = std::fs::read(path).expect("read plan");
    let config = Config::default();
    let report = planc::load::check_bytes(path, &bytes, &config);
    let plan = planc::load::load_bytes(path, &bytes, Default::default())
        .plan
        .unwrap_or_else(|| panic!("{} loads", path.display()));
    let sha = planc::source::sha256_hex(&bytes);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let input = Input {
        plan: &plan,
        record: checks::Record {
            source: &name,
            sha256: &sha,
            report: &report,
            config: &config,
        },
        lang: None,
    };
    let view = renderer.report(&input);
    renderer.render(&view, format).expect("renders")
}

fn stem(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    name.trim_end_matches(".plan.yaml").replace('-', "_")
}

#[test]
fn markdown_and_html_of_every_example() {
    let renderer = Renderer::new(None).unwrap();
    let plans = examples();
    assert!(plans.len() >= 7, "examples: {plans:?}");
    for path in plans {
        let name = stem(&path);
        let md = String::from_utf8(render(&renderer, &path, Format::Md)).unwrap();
        insta::assert_snapshot!(format!("md_{name}"), md);
        let html = String::from_utf8(render(&renderer, &path, Format::Html)).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
        insta::assert_snapshot!(format!("html_{name}"), html);
    }
}

#[test]
fn html_is_self_contained() {
    let renderer = Renderer::new(None).unwrap();
    for path in examples() {
        let html = String::from_utf8(render(&renderer, &path, Format::Html)).unwrap();
        let lower = html.to_lowercase();
        for banned in [
            "<script",
            "<link",
            "@import",
            "src=\"http",
            "url(http",
            "<iframe",
        ] {
            assert!(!lower.contains(banned), "{}: {banned}", path.display());
        }
        assert!(
            html.contains("<nav class=\"toc\""),
            "{}: toc",
            path.display()
        );
        assert!(
            html.contains("@media print"),
            "{}: print css",
            path.display()
        );
    }
    // The plans with breakdowns and budgets carry their charts as inline SVG.
    let company = String::from_utf8(render(
        &renderer,
        &root().join("examples/org/company.plan.yaml"),
        Format::Html,
    ))
    .unwrap();
    assert!(
        company.matches("<svg").count() >= 4,
        "product, region group, region, budget"
    );
    let region = String::from_utf8(render(
        &renderer,
        &root().join("examples/org/east-china.plan.yaml"),
        Format::Html,
    ))
    .unwrap();
    for chart in ["按省市分解", "按产品分解", "按季度分解"] {
        assert!(region.contains("<figcaption>图") && region.contains(chart));
    }
}

pub(crate) fn unzip(bytes: &[u8]) -> zip::ZipArchive<std::io::Cursor<Vec<u8>>> {
    zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("the DOCX is a zip")
}

pub(crate) fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> String {
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn docx_is_a_word_document_with_headings_tables_lists_and_charts() {
    use resvg::usvg::roxmltree;
    let renderer = Renderer::new(None).unwrap();
    let bytes = render(
        &renderer,
        &root().join("examples/org/company.plan.yaml"),
        Format::Docx,
    );
    let mut zip = unzip(&bytes);
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().expect("entry time");
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1), "{}", f.name());
    }
    let document = entry(&mut zip, "word/document.xml");
    let doc = roxmltree::Document::parse(&document).expect("document.xml parses");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let count = |name: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name((w, name)))
            .count()
    };
    assert!(count("tbl") >= 10, "tables");
    assert!(count("tblHeader") >= 10, "repeated header rows");
    assert!(count("numPr") >= 5, "list paragraphs");
    assert!(count("drawing") >= 4, "charts as images");
    assert!(count("bookmarkStart") >= 10, "heading bookmarks");
    let heading1 = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "pStyle")))
        .filter(|n| n.attribute((w, "val")) == Some("Heading1"))
        .count();
    assert!(heading1 >= 7, "Heading1 paragraphs: {heading1}");
    let instr: String = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "instrText")))
        .filter_map(|n| n.text())
        .collect();
    assert!(instr.contains("TOC \\o \"1-3\""), "TOC field: {instr}");
    assert!(document.contains("2026年度医药销售工作计划"), "title page");
    assert!(document.contains("校验记录"), "validation record");

    let styles = entry(&mut zip, "word/styles.xml");
    let styles = roxmltree::Document::parse(&styles).expect("styles.xml parses");
    let names: Vec<&str> = styles
        .descendants()
        .filter(|n| n.has_tag_name((w, "name")))
        .filter_map(|n| n.attribute((w, "val")))
        .collect();
    for name in [
        "heading 1",
        "heading 2",
        "heading 3",
        "toc 1",
        "Planc Table",
    ] {
        assert!(names.contains(&name), "style {name} in {names:?}");
    }
    assert!(
        styles.descendants().any(|n| n.has_tag_name((w, "rFonts"))
            && n.attribute((w, "eastAsia")) == Some("Microsoft YaHei")),
        "an East-Asian font"
    );
    let numbering = entry(&mut zip, "word/numbering.xml");
    assert!(
        numbering.contains("w:abstractNumId=\"10\"")
            || numbering.contains("abstractNumId w:val=\"10\"")
    );
    let footer = entry(&mut zip, "word/footer1.xml");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "page numbers"
    );
    let core = entry(&mut zip, "docProps/core.xml");
    assert!(core.contains("<dc:title>2026年度医药销售工作计划"));
    assert!(
        zip.by_name("word/media/rIdImage1.png").is_ok(),
        "chart image"
    );
}

#[test]
fn every_format_is_byte_identical_across_renders() {
    let a = Renderer::new(None).unwrap();
    let b = Renderer::new(None).unwrap();
    for name in ["org/company", "representative", "launch"] {
        let path = root().join(format!("examples/{name}.plan.yaml"));
        for format in [Format::Md, Format::Html, Format::Docx] {
            let first = render(&a, &path, format);
            let again = render(&a, &path, format);
            let other = render(&b, &path, format);
            assert!(first == again && first == other, "{name} {format:?}");
        }
    }
}

#[test]
fn docx_from_separate_processes_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let out = |n: &str| dir.path().join(n);
    for n in ["a.docx", "b.docx"] {
        planc_env()
            .args([
                "render",
                "examples/org/east-china.plan.yaml",
                "--format",
                "docx",
                "-o",
            ])
            .arg(out(n))
            .assert()
            .success();
    }
    assert_eq!(
        std::fs::read(out("a.docx")).unwrap(),
        std::fs::read(out("b.docx")).unwrap()
    );
}

const PAYLOAD: &str = r#"'<script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick="alert(3)">b</b> [l](javascript:alert(4)) <a href="javascript:alert(5)">a</a>'"#;

/// A plan with the payload in every narrative field (and a few names).
fn hostile_plan() -> String {
    r#"kind: company
id: hostile
title: P
status: draft
period: {start: 2026-01-01, end: 2026-12-31}
owner: P
products:
  - {id: a, name: P, note: P}
regions:
  - {id: r, name: P}
people:
  - {id: u, name: P, role: P}
accounts:
  - id: h
    name: P
    status: P
    opportunity: P
    challenge: P
    departments: [{name: P, note: P}]
preface: P
swot:
  strengths: [{title: P, text: P}]
  weaknesses: [{title: P, text: P}]
  opportunities: [{title: P, text: P}]
  threats: [{title: P, text: P}]
overview:
  text: P
  facts: [{label: P, value: 3家, note: P}]
last_year:
  sales: 10亿元
  text: P
  highlights: [P]
  challenges: [P]
  notes: [{subject: a, text: P}]
targets:
  - id: t
    name: P
    value: 10亿元
    focus: P
    note: P
    breakdowns:
      - dimension: product
        note: P
        items:
          - {ref: a, value: 10亿元, focus: P, note: P}
smart: {specific: P, measurable: P, achievable: P, relevant: P, time_bound: P}
kpis:
  - {metric: P, group: P, comparator: ">=", target: 5家, note: P, owner: u}
strategies:
  - id: s
    name: P
    pain_point: P
    objective: P
    resources: [P]
    tactics:
      - name: P
        text: P
        items: [P]
        tiers: [{id: ti, name: P, who: P, objective: P, actions: [{title: P, text: P}]}]
        kpis: [{metric: P, comparator: ">=", target: 1场}]
    actions: [{title: P, text: P}]
    kpis: [{metric: P, comparator: ">=", target: 1场, note: P}]
tiers:
  - {id: tt, name: P, who: P, objective: P, actions: [{title: P, text: P}]}
timeline:
  - id: ph
    name: P
    start: 2026-01-01
    end: 2026-03-31
    goal: P
    workstreams: [{name: P, text: P, actions: [{title: P, text: P}]}]
    actions: [{title: P, text: P}]
resources: {headcount: 3名, staffing: P, training: P}
budget:
  total: 100万元
  note: P
  lines: [{name: P, amount: 100万元, note: P}]
requests:
  - {kind: other, name: P, text: P}
risks:
  - {id: k, name: P, description: P, response: P}
cadence:
  - {name: P, frequency: monthly, when: P, participants: P, text: P}
role: [{title: P, text: P, items: [{title: P, text: P}]}]
duties:
  - {id: d, title: P, tasks: [P], departments: [P], deliverables: [P], dimensions: [P]}
cases:
  - {title: P, background: P, task: P, actions: P, coordination: P, outcome: P}
glossary:
  - {term: P, definition: P}
sections:
  - {title: P, text: P, items: [{title: P, text: P}]}
closing: P
"#
    .replace(": P", &format!(": {PAYLOAD}"))
    .replace("[P]", &format!("[{PAYLOAD}]"))
}

/// Every markup tag of an HTML text (escaped text such as `&lt;script&gt;` is not one).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn scripts_and_handlers_in_a_plan_come_out_inert() {
    let dir = temp_with(&[("hostile.plan.yaml", &hostile_plan())]);
    let path = dir.path().join("hostile.plan.yaml");
    let loaded = planc::load::load_path(&path, Default::default());
    assert!(
        loaded.plan.is_some(),
        "the hostile plan loads: {:?}",
        loaded
            .findings
            .iter()
            .map(|f| &f.message)
            .collect::<Vec<_>>()
    );
    let renderer = Renderer::new(None).unwrap();

    let html = String::from_utf8(render(&renderer, &path, Format::Html)).unwrap();
    for tag in tags(&html) {
        let t = tag.to_lowercase();
        for bad in [
            "<script",
            "<img",
            "<iframe",
            "onerror",
            "onclick",
            "javascript:",
        ] {
            assert!(!t.contains(bad), "HTML has the tag {tag}");
        }
    }
    // The narrative still shows up, as text.
    assert!(html.contains("&lt;script&gt;") || html.contains("alert(1)"));

    let md = String::from_utf8(render(&renderer, &path, Format::Md)).unwrap();
    assert!(!md.contains("<script") && !md.contains("<img") && !md.contains("<b onclick"));

    let docx = render(&renderer, &path, Format::Docx);
    let document = entry(&mut unzip(&docx), "word/document.xml");
    assert!(!document.contains("<script"), "raw tag in document.xml");
    assert!(
        document.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
}

#[test]
fn templates_and_labels_can_be_overridden_by_name() {
    let dir = temp_with(&[
        (
            "html/sections/risks.html.j2",
            "<p class=\"mine\">RISKS: {{ s.body.risks|length }}</p>\n",
        ),
        (
            "md/kinds/region.md.j2",
            "{% extends \"md/base.md.j2\" %}{% block front %}FRONT {{ r.meta.id }}\n{% endblock %}",
        ),
        ("labels/zh.toml", "[checks]\ntitle = \"核对记录\"\n"),
    ]);
    let out = planc_env()
        .args([
            "render",
            "examples/org/east-china.plan.yaml",
            "-o",
            "-",
            "--templates",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let html = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        html.contains("<p class=\"mine\">RISKS: 2</p>"),
        "overridden partial"
    );
    assert!(html.contains("附录B 核对记录"), "overridden label");
    assert!(
        html.contains("风险预判与应对"),
        "other sections keep the defaults"
    );
    let out = planc_env()
        .args([
            "render",
            "examples/org/east-china.plan.yaml",
            "--format",
            "md",
            "-o",
            "-",
            "--templates",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(md.contains("FRONT east-china-2026"));

    let broken = temp_with(&[("html/base.html.j2", "{% if %}")]);
    planc_env()
        .args([
            "render",
            "examples/org/east-china.plan.yaml",
            "-o",
            "-",
            "--templates",
        ])
        .arg(broken.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("html/base.html.j2"));
}

/// The region example with one province changed, so the breakdown no longer adds up.
fn broken_region() -> String {
    let text = crate::util::region_alone().replacen(
        "id: east-china-2026",
        "id: east-china-2026-broken",
        1,
    );
    let changed = text.replacen("value: 2.1亿元", "value: 2.2亿元", 1);
    assert_ne!(text, changed);
    changed
}

#[test]
fn cli_renders_next_to_the_input_and_to_stdout() {
    let region = crate::util::region_alone();
    let dir = temp_with(&[("east.plan.yaml", &region)]);
    planc_env()
        .args(["render"])
        .arg(dir.path().join("east.plan.yaml"))
        .assert()
        .success();
    assert!(
        dir.path().join("east.html").is_file(),
        "default output next to the input"
    );
    planc_env()
        .args(["render", "--format", "docx"])
        .arg(dir.path().join("east.plan.yaml"))
        .assert()
        .success();
    assert!(dir.path().join("east.docx").is_file());
    let out = dir.path().join("reports");
    std::fs::create_dir(&out).unwrap();
    planc_env()
        .args(["render", "--format", "md", "-o"])
        .arg(&out)
        .arg(dir.path().join("east.plan.yaml"))
        .assert()
        .success();
    assert!(
        out.join("east.md").is_file(),
        "-o DIR puts the report in DIR"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("planc-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");

    let out = planc_env()
        .args([
            "render",
            "examples/org/east-china.plan.yaml",
            "--format",
            "md",
            "-o",
            "-",
            "--lang",
            "en",
        ])
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(md.starts_with("# 华东大区2026年度销售工作执行计划"));
    assert!(md.contains("## Contents") && md.contains("Appendix B Checks"));
}

#[test]
fn cli_exit_codes() {
    let dir = temp_with(&[("bad.plan.yaml", &broken_region())]);
    let bad = dir.path().join("bad.plan.yaml");
    planc_env()
        .args(["render"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("P101"));
    assert!(
        !dir.path().join("bad.html").exists(),
        "nothing written for a plan with errors"
    );

    let out = planc_env()
        .args(["render", "--allow-errors", "-o", "-"])
        .arg(&bad)
        .assert()
        .success();
    let html = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(html.contains("class=\"banner\""), "warning banner");
    assert!(
        html.contains("P101"),
        "the error is listed in the validation record"
    );

    planc_env()
        .args(["render", "examples/no-such.plan.yaml"])
        .assert()
        .code(2);
    planc_env()
        .args([
            "render",
            "examples/org/east-china.plan.yaml",
            "--format",
            "docx",
            "-o",
            "-",
        ])
        .assert()
        .code(2);
    planc_env()
        .args([
            "render",
            "examples/org/east-china.plan.yaml",
            "--format",
            "odt",
        ])
        .assert()
        .code(2);
}

#[test]
fn cli_renders_a_directory_with_an_index() {
    let read = |n: &str| std::fs::read_to_string(root().join("examples").join(n)).unwrap();
    let dir = temp_with(&[
        ("plans/region.plan.yaml", &crate::util::region_alone()),
        ("plans/team/role.plan.yaml", &read("role.plan.yaml")),
        ("plans/bad.plan.yaml", &broken_region()),
    ]);
    let out = dir.path().join("site");
    planc_env()
        .args(["render", "--format", "html", "-o"])
        .arg(&out)
        .arg(dir.path().join("plans"))
        .assert()
        .code(1);
    assert!(out.join("region.html").is_file());
    assert!(out.join("team/role.html").is_file());
    assert!(!out.join("bad.html").exists());
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"region.html\"") && index.contains("href=\"team/role.html\""));
    assert!(
        index.contains("bad.plan.yaml"),
        "the plan that was not rendered is listed"
    );
}

/// `docx` converted to PDF by LibreOffice into `outdir` (its profile there too); the
/// PDF's path.
pub(crate) fn soffice_pdf(soffice: &Path, docx: &Path, outdir: &Path) -> PathBuf {
    let status = std::process::Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(outdir)
        .arg(docx)
        .env("HOME", outdir)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{status:?}");
    outdir
        .join(docx.file_stem().expect("a file name"))
        .with_extension("pdf")
}

/// Converts a report with LibreOffice when it is installed (it is not needed otherwise).
#[test]
fn libreoffice_converts_the_docx_to_pdf() {
    let Some(soffice) = crate::pdf::tool("soffice") else {
        eprintln!("skipped: soffice is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("region.docx");
    planc_env()
        .args([
            "render",
            "examples/org/east-china.plan.yaml",
            "--format",
            "docx",
            "-o",
        ])
        .arg(&docx)
        .assert()
        .success();
    let pdf = std::fs::read(soffice_pdf(&soffice, &docx, dir.path())).expect("a PDF");
    assert!(
        pdf.starts_with(b"%PDF") && pdf.len() > 20_000,
        "{} bytes",
        pdf.len()
    );
}

/// Render time in-process, after a first warm-up render (fonts loaded, templates
/// compiled): what `bench/render.sh` reports next to the end-to-end times.
/// Run with `cargo test --release --test integration render::in_process_render_time -- --ignored --nocapture`.
#[test]
#[ignore]
fn in_process_render_time() {
    let path = std::env::var_os("PLANC_BENCH_PLAN")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("examples/org/company.plan.yaml"));
    let runs: u32 = std::env::var("PLANC_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let renderer = Renderer::new(None).unwrap();
    for format in [Format::Md, Format::Html, Format::Docx] {
        render(&renderer, &path, format);
        let start = std::time::Instant::now();
        for _ in 0..runs {
            render(&renderer, &path, format);
        }
        let each = start.elapsed() / runs;
        println!(
            "in-process {:<5} {:>7.2} ms per report (check + load + render)",
            format.extension(),
            each.as_secs_f64() * 1000.0
        );
    }
}
