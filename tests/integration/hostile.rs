//! Hostile input and safe output (issue 13): each case through the `planc` binary —
//! exit 1 or 2, a message naming the file, no panic, within a time bound (assert_cmd's
//! timeout kills a hang) and a memory bound (`ulimit -v` in the shell that runs it).
//! Big inputs are generated in temporary folders at test time, never committed.
//!
//! Cases already covered elsewhere are not repeated here: empty files, a malformed
//! mapping and 5 000-deep nesting (`check_cli::bad_input_never_panics`), GBK
//! (`check_cli::non_utf8_files_name_the_encoding`), alias bombs and deep nesting in the
//! parser (`source::yaml` unit tests), `<script>` in narrative
//! (`render::scripts_and_handlers_in_a_plan_come_out_inert`).

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

use crate::actuals::xlsx;
use crate::util::{root, temp_with};

/// Far above what any case needs: a hang, not slowness, trips it.
const BOUND: Duration = Duration::from_secs(120);
/// Address space for one run (KB): 3 GB.
const MEMORY_KB: u64 = 3 * 1024 * 1024;

/// `planc --lang en ARGS` in `dir`, with a time and a memory bound; returns the exit code
/// and stderr (checked for panics).
fn run_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("planc");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KB} && exec \"$0\" --lang en \"$@\""
        ))
        .arg(bin)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("PLANC_CACHE_DIR", dir.join(".cache"))
        .timeout(BOUND)
        .output()
        .expect("planc runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed: {stderr}"));
    (code, stderr)
}

/// `planc check FILE` on a file with these bytes: exit 1 or 2, and the message names it.
fn check_bytes(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let (code, stderr) = run_in(dir.path(), &["check", "--no-cache", name]);
    assert!(code == 1 || code == 2, "exit {code}: {stderr}");
    assert!(stderr.contains(name), "names the file: {stderr}");
    stderr
}

#[test]
fn an_alias_bomb_fails_fast() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..30 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let err = check_bytes("bomb.plan.yaml", text.as_bytes());
    assert!(err.contains("P001"), "{err}");
}

#[test]
fn nesting_100_000_deep_fails_fast() {
    for (name, open) in [("flow.plan.yaml", "["), ("map.plan.yaml", "{a: ")] {
        let text = format!("kind: company\nx: {}", open.repeat(100_000));
        let err = check_bytes(name, text.as_bytes());
        assert!(err.contains("P001"), "{err}");
        assert!(
            err.len() < 20_000,
            "the snippet is cut: {} bytes",
            err.len()
        );
    }
}

#[test]
fn a_2_mb_line_is_quoted_around_the_finding() {
    // A 2.4 MB line holding 2,000 findings (numbers where text is required) after 2.4 MB of
    // valid text: the output quotes only the region around each finding.
    let mut items = vec![format!("\"{}\"", "长".repeat(200_000)); 4];
    items.extend((0..2_000).map(|i| i.to_string()));
    let src = std::fs::read_to_string(root().join("examples/org/company.plan.yaml")).unwrap();
    let start = src.find("  strengths:\n").unwrap();
    let end = src.find("  weaknesses:\n").unwrap();
    let text = format!(
        "{}  strengths: [{}]\n{}",
        &src[..start],
        items.join(", "),
        &src[end..]
    );
    assert!(text.lines().any(|l| l.len() > 2_000_000));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long.plan.yaml"), &text).unwrap();
    let (code, err) = run_in(
        dir.path(),
        &[
            "check",
            "--no-cache",
            "--max-findings",
            "100",
            "long.plan.yaml",
        ],
    );
    assert_eq!(code, 1, "{}", err.chars().take(2000).collect::<String>());
    let line = text[..text.find("  strengths: [").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        err.contains(&format!("long.plan.yaml:{line}:")),
        "{}",
        err.chars().take(2000).collect::<String>()
    );
    assert!(
        err.contains("more findings of P004"),
        "the rest are counted"
    );
    // 100 findings quoted, each with at most ~800 bytes of the line.
    assert!(err.len() < 400_000, "{} bytes of output", err.len());
}

#[test]
fn a_flow_list_too_long_for_one_line_is_refused_at_its_bracket() {
    // 200,000 entries in one `[ ]` on one line: the parser's cost grows with the square
    // of the line, so the line is refused unread, at its bracket, before the parse.
    let items: Vec<String> = (0..200_000).map(|i| i.to_string()).collect();
    let src = std::fs::read_to_string(root().join("examples/org/company.plan.yaml")).unwrap();
    let start = src.find("  strengths:\n").unwrap();
    let end = src.find("  weaknesses:\n").unwrap();
    let text = format!(
        "{}  strengths: [{}]\n{}",
        &src[..start],
        items.join(", "),
        &src[end..]
    );
    let line = src[..start].matches('\n').count() + 1;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flow.plan.yaml"), &text).unwrap();
    let (code, err) = run_in(dir.path(), &["check", "--no-cache", "flow.plan.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("flow.plan.yaml:{line}:14]"))
            && err.contains("holds 200000 entries on one line"),
        "{}",
        err.chars().take(2000).collect::<String>()
    );
    // In Chinese, too.
    let (_, err) = run_in(
        dir.path(),
        &["--lang", "zh", "check", "--no-cache", "flow.plan.yaml"],
    );
    assert!(err.contains("一行之内过多"), "{err}");
    // The same entries one per line are read (and each gets its finding).
    let text = format!(
        "{}  strengths:\n{}\n{}",
        &src[..start],
        items[..2_000]
            .iter()
            .map(|i| format!("    - {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        &src[end..]
    );
    std::fs::write(dir.path().join("flow.plan.yaml"), &text).unwrap();
    let (_, err) = run_in(dir.path(), &["check", "--no-cache", "flow.plan.yaml"]);
    assert!(!err.contains("entries on one line"), "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.plan.yaml");
    // A sparse 100 MB file: nothing is written, and planc must not read it.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    let (code, err) = run_in(dir.path(), &["check", "--no-cache", "huge.plan.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("huge.plan.yaml") && err.contains("100.0 MB, over the limit of 64 MB"),
        "{err}"
    );
    // The limit is configurable: the flag, and planc.toml.
    std::fs::write(
        dir.path().join("small.plan.yaml"),
        "kind: company\n".repeat(100_000),
    )
    .unwrap();
    let (_, err) = run_in(
        dir.path(),
        &[
            "--max-file-mb",
            "1",
            "check",
            "--no-cache",
            "small.plan.yaml",
        ],
    );
    assert!(err.contains("over the limit of 1 MB"), "{err}");
    std::fs::write(dir.path().join("planc.toml"), "[limits]\nmax_file_mb = 1\n").unwrap();
    let (_, err) = run_in(dir.path(), &["check", "--no-cache", "small.plan.yaml"]);
    assert!(err.contains("over the limit of 1 MB"), "{err}");
}

#[test]
fn nul_bytes_invalid_utf8_utf16_and_binary_files_are_named() {
    let err = check_bytes("nul.plan.yaml", b"kind: company\x00\nid: x\n");
    assert!(err.contains("P001"), "{err}");
    let err = check_bytes("latin1.plan.yaml", b"kind: company\ntitle: caf\xe9\n");
    assert!(err.contains("not UTF-8"), "{err}");
    let utf16: Vec<u8> = "kind: company\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let err = check_bytes("utf16.plan.yaml", &utf16);
    assert!(err.contains("UTF-16LE"), "{err}");
    let mut bom16 = vec![0xFE, 0xFF];
    bom16.extend("kind: company\n".encode_utf16().flat_map(u16::to_be_bytes));
    let err = check_bytes("utf16be.plan.yaml", &bom16);
    assert!(err.contains("UTF-16BE"), "{err}");
    // A PNG renamed.
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    png.extend((0..=255u8).cycle().take(10_000));
    let err = check_bytes("image.plan.yaml", &png);
    assert!(err.contains("not UTF-8"), "{err}");
    // Binary actuals.
    let err = check_bytes("bin.actuals.csv", &png);
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn a_fifo_or_a_device_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.plan.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    // Named, in a folder, and behind a link: nobody ever writes to the FIFO, so a
    // blocking open would hang until the timeout.
    let (code, err) = run_in(dir.path(), &["check", "--no-cache", "pipe.plan.yaml"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("pipe.plan.yaml") && err.contains("not a regular file"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("ok.plan.yaml"),
        std::fs::read(root().join("examples/role.plan.yaml")).unwrap(),
    )
    .unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.plan.yaml")).unwrap();
    let (code, err) = run_in(dir.path(), &["check", "--no-cache", "."]);
    assert!(
        code == 0 || code == 1,
        "the folder's plan is checked: {err}"
    );
    for args in [
        &["check", "--no-cache", "/dev/zero"][..],
        &["check", "--no-cache", "zero.plan.yaml"],
        &["render", "/dev/zero", "-o", "out.md"],
        &["render", "pipe.plan.yaml", "-o", "out.md"],
        &["fix", "pipe.plan.yaml"],
        &["review", "ok.plan.yaml", "--actuals", "pipe.plan.yaml"],
        &["diff", "pipe.plan.yaml", "ok.plan.yaml"],
        &["check", "--config", "pipe.plan.yaml", "ok.plan.yaml"],
    ] {
        let (code, err) = run_in(dir.path(), args);
        assert!(code == 1 || code == 2, "{args:?}: exit {code}: {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
    }
}

#[test]
fn symlink_loops_and_unreadable_entries_are_reported_and_the_rest_checked() {
    let dir = temp_with(&[(
        "plans/ok.plan.yaml",
        &std::fs::read_to_string(root().join("examples/role.plan.yaml")).unwrap(),
    )]);
    let plans = dir.path().join("plans");
    std::os::unix::fs::symlink("..", plans.join("loop")).unwrap();
    std::os::unix::fs::symlink("self.plan.yaml", plans.join("self.plan.yaml")).unwrap();
    let (code, err) = run_in(dir.path(), &["check", "--no-cache", "plans"]);
    // The link to a folder is not followed (no loop to walk); the file that links to
    // itself is named.
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("plans/loop"), "{err}");
    assert!(err.contains("plans/self.plan.yaml"), "{err}");
    assert!(
        err.contains("checked 1 file"),
        "the plan is still checked: {err}"
    );

    let locked = plans.join("locked.plan.yaml");
    std::fs::write(&locked, "kind: company\n").unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("SKIPPED (unreadable entries): running as root, every file is readable");
        return;
    }
    let (code, err) = run_in(dir.path(), &["check", "--no-cache", "plans"]);
    assert!(code == 1 || code == 2, "{err}");
    assert!(
        err.contains("locked.plan.yaml") && err.contains("permission denied"),
        "{err}"
    );
}

/// A valid company plan with `value:` of its first target replaced.
fn with_first_value(value: &str) -> String {
    let src = std::fs::read_to_string(root().join("examples/org/company.plan.yaml")).unwrap();
    let at = src.find("\n    value: ").unwrap() + "\n    value: ".len();
    let end = at + src[at..].find('\n').unwrap();
    format!("{}{value}{}", &src[..at], &src[end..])
}

#[test]
fn numbers_beyond_decimal_nan_and_infinity_are_findings() {
    for (i, value) in [
        "1e400",
        "99999999999999999999999999999999999999999亿元",
        "0.0000000000000000000000000000000000001",
        ".nan",
        ".inf",
        "-.Inf万元",
        "NaN",
        "1e-400",
    ]
    .iter()
    .enumerate()
    {
        let name = format!("n{i}.plan.yaml");
        let err = check_bytes(&name, with_first_value(value).as_bytes());
        assert!(err.contains(&format!("{name}:")), "{value}: located: {err}");
    }
}

#[test]
fn dates_that_do_not_exist_are_findings() {
    let src = std::fs::read_to_string(root().join("examples/org/company.plan.yaml")).unwrap();
    let first = src.find("2026-").unwrap();
    for (i, date) in [
        "2026-02-30",
        "2026-13-01",
        "2025-02-29",
        "2026-00-10",
        "99999-01-01",
    ]
    .iter()
    .enumerate()
    {
        let text = format!("{}{date}{}", &src[..first], &src[first + 10..]);
        let name = format!("d{i}.plan.yaml");
        let err = check_bytes(&name, text.as_bytes());
        assert!(err.contains(&format!("{name}:")), "{date}: located: {err}");
    }
}

#[test]
fn a_zip_bomb_workbook_is_refused() {
    // One sheet entry inflating to 600 MB from about 600 KB (deflate at ~1000:1).
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let block = vec![b' '; 1 << 20];
        for _ in 0..600 {
            zip.write_all(&block).unwrap();
        }
        zip.finish().unwrap();
    }
    assert!(bytes.len() < 2 << 20, "{} bytes", bytes.len());
    let err = check_bytes("bomb.actuals.xlsx", &bytes);
    assert!(err.contains("unpacks to more than 256 MB"), "{err}");
}

#[test]
fn a_workbook_with_a_million_rows_or_a_vast_range_is_refused() {
    // A million rows, built as Excel writes them (stored entries: no compression needed).
    let mut csv = String::from("指标,期间,实际\n");
    for i in 0..1_000_000 {
        csv.push_str(&format!("total,2026-{:02},{i}\n", i % 12 + 1));
    }
    let book = xlsx::from_csv("实际", &csv);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rows.actuals.xlsx"), &book).unwrap();
    let (code, err) = run_in(
        dir.path(),
        &[
            "--max-file-mb",
            "512",
            "check",
            "--no-cache",
            "rows.actuals.xlsx",
        ],
    );
    assert!(code == 1 || code == 2, "{err}");
    assert!(err.contains("rows.actuals.xlsx"), "{err}");
    assert!(err.contains("too large for planc"), "{err}");

    // Two cells, at A1 and XFD1048576: calamine would allocate the whole sheet.
    let sheet = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#;
    let book = xlsx::with_sheet_xml("实际", sheet);
    let err = check_bytes("vast.actuals.xlsx", &book);
    assert!(err.contains("too large for planc"), "{err}");
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = temp_with(&[
        (
            "p/role.plan.yaml",
            &std::fs::read_to_string(root().join("examples/role.plan.yaml")).unwrap(),
        ),
        (
            "tiny.plan.yaml",
            &std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny.plan.yaml")).unwrap(),
        ),
        (
            "tiny-2026.actuals.csv",
            &std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny-2026.actuals.csv"))
                .unwrap(),
        ),
    ]);
    let d = dir.path();
    std::os::unix::fs::symlink("p/role.plan.yaml", d.join("link.md")).unwrap();
    let before = std::fs::read(d.join("p/role.plan.yaml")).unwrap();
    for args in [
        &["render", "p/role.plan.yaml", "-o", "p/role.plan.yaml"][..],
        &["render", "p/role.plan.yaml", "-o", "p/../p/role.plan.yaml"],
        &[
            "render",
            "p/role.plan.yaml",
            "--format",
            "md",
            "-o",
            "link.md",
        ],
        &[
            "review",
            "tiny.plan.yaml",
            "--actuals",
            "tiny-2026.actuals.csv",
            "-o",
            "tiny-2026.actuals.csv",
        ],
        &[
            "review",
            "tiny.plan.yaml",
            "--actuals",
            "tiny-2026.actuals.csv",
            "-o",
            "tiny.plan.yaml",
        ],
        &[
            "diff",
            "p/role.plan.yaml",
            "tiny.plan.yaml",
            "-o",
            "tiny.plan.yaml",
        ],
    ] {
        let (code, err) = run_in(d, args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains("planc never overwrites an input"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(std::fs::read(d.join("p/role.plan.yaml")).unwrap(), before);
    assert!(std::fs::symlink_metadata(d.join("link.md"))
        .unwrap()
        .is_symlink());
    // `render DIR -o DIR` writes reports beside the plans, never over them.
    let (code, err) = run_in(d, &["render", "p", "-o", "p", "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(d.join("p/role.md").is_file());
    assert_eq!(std::fs::read(d.join("p/role.plan.yaml")).unwrap(), before);
    // No temporary file is left behind by a refused or a finished write.
    let stray: Vec<_> = walkdir::WalkDir::new(d)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("planc-tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn templates_cannot_reach_outside_their_folder() {
    let outside = temp_with(&[("secret.txt", "TOP-SECRET")]);
    let secret = outside.path().join("secret.txt");
    let dir = temp_with(&[(
        "html/sections/risks.html.j2",
        &format!("{{% include \"{}\" %}}", secret.display()),
    )]);
    let plan = root().join("examples/org/east-china.plan.yaml");
    let plan = plan.to_str().unwrap();
    let templates = dir.path().to_str().unwrap();
    let render = |dir: &Path| run_in(dir, &["render", plan, "-o", "-", "--templates", templates]);
    // An absolute include: not found in the folder, nor among the defaults.
    let (code, err) = render(dir.path());
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("TOP-SECRET"));
    // `../` out of the folder.
    std::fs::write(
        dir.path().join("html/sections/risks.html.j2"),
        "{% include \"../../secret.txt\" %}",
    )
    .unwrap();
    let (code, err) = render(dir.path());
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("TOP-SECRET"));
    // A link inside the folder pointing out of it.
    std::os::unix::fs::symlink(&secret, dir.path().join("html/leak.html.j2")).unwrap();
    std::fs::write(
        dir.path().join("html/sections/risks.html.j2"),
        "{% include \"html/leak.html.j2\" %}",
    )
    .unwrap();
    let (code, err) = render(dir.path());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("outside the --templates folder"), "{err}");
    // Templates have no function that reads the environment or files.
    std::fs::write(
        dir.path().join("html/sections/risks.html.j2"),
        "{{ env }}{{ environ }}{{ getenv(\"HOME\") }}",
    )
    .unwrap();
    let (code, err) = render(dir.path());
    assert_eq!(code, 2, "an unknown function is an error: {err}");
    // The PDF's typst templates go through the same loader.
    std::fs::create_dir_all(dir.path().join("typ/sections")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("typ/leak.typ.j2")).unwrap();
    std::fs::write(
        dir.path().join("typ/sections/risks.typ.j2"),
        "{% include \"typ/leak.typ.j2\" %}",
    )
    .unwrap();
    let out = dir.path().join("x.pdf");
    let (code, err) = run_in(
        dir.path(),
        &[
            "render",
            plan,
            "--format",
            "pdf",
            "-o",
            out.to_str().unwrap(),
            "--templates",
            templates,
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("TOP-SECRET"));
    assert!(!out.exists());
    if !err.contains("fonts-noto-cjk") {
        assert!(err.contains("outside the --templates folder"), "{err}");
    }
}

#[test]
fn template_syntax_in_plan_text_renders_literally() {
    let src = std::fs::read_to_string(root().join("examples/role.plan.yaml")).unwrap();
    let payload =
        r#"'{{ 7 * 7 }} {% include "/etc/passwd" %} {{ r.meta }} <script>alert(1)</script>'"#;
    let text = src.replacen("title: ", &format!("title: {payload}\n_was: "), 1);
    let text = text.replacen("\n_was: ", "\n# ", 1);
    let dir = temp_with(&[("t.plan.yaml", &text)]);
    for (format, ext) in [("md", "md"), ("html", "html"), ("docx", "docx")] {
        let out = format!("t.{ext}");
        let (code, err) = run_in(
            dir.path(),
            &["render", "t.plan.yaml", "--format", format, "-o", &out],
        );
        assert_eq!(code, 0, "{format}: {err}");
        let bytes = std::fs::read(dir.path().join(&out)).unwrap();
        let body = if ext == "docx" {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut s)
                .unwrap();
            s
        } else {
            String::from_utf8(bytes).unwrap()
        };
        assert!(body.contains("{{ 7 * 7 }}"), "{format}: shown as written");
        assert!(
            body.contains("include") && body.contains("passwd"),
            "{format}: shown as written"
        );
        assert!(!body.contains("root:x:0:0"), "{format}: nothing included");
        assert!(!body.contains("<script>"), "{format}: escaped");
    }
}

/// `-o` writes only over a regular file or where nothing is (a folder is written into):
/// a FIFO and a link to a device are refused (exit 2) and left as they were; through a link to a
/// regular file the file is written and the link kept; a replaced file keeps its mode;
/// `planc.toml` and the `--config` file are inputs, never outputs.
#[test]
fn outputs_only_replace_regular_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("role.plan.yaml"),
        std::fs::read(root().join("examples/role.plan.yaml")).unwrap(),
    )
    .unwrap();
    let render = |out: &str| run_in(d, &["render", "role.plan.yaml", "-o", out]);
    // A FIFO (skipped where mkfifo is missing), a directory, a link to a device.
    let fifo_made = std::process::Command::new("mkfifo")
        .arg(d.join("pipe.md"))
        .status()
        .is_ok_and(|s| s.success());
    std::os::unix::fs::symlink("/dev/null", d.join("null.md")).unwrap();
    let mut refused = vec!["null.md"];
    if fifo_made {
        refused.push("pipe.md");
    } else {
        eprintln!("SKIPPED (FIFO part): mkfifo is not available");
    }
    for out in refused {
        let (code, err) = render(out);
        assert_eq!(code, 2, "{out}: {err}");
        assert!(err.contains("not a regular file"), "{out}: {err}");
    }
    assert!(std::fs::symlink_metadata(d.join("null.md"))
        .unwrap()
        .file_type()
        .is_symlink());
    {
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device());
    }
    if fifo_made {
        assert!(!std::fs::metadata(d.join("pipe.md")).unwrap().is_file());
    }
    // Through a link to a regular file: the file gets the report, the link stays.
    std::fs::write(d.join("real.md"), "old").unwrap();
    std::fs::set_permissions(d.join("real.md"), std::fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::symlink("real.md", d.join("link.md")).unwrap();
    let (code, err) = render("link.md");
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::symlink_metadata(d.join("link.md"))
        .unwrap()
        .file_type()
        .is_symlink());
    let written = std::fs::read_to_string(d.join("real.md")).unwrap();
    assert!(written.len() > 100, "{written}");
    let mode = std::fs::metadata(d.join("real.md"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "the replaced file keeps its mode");
    // The configuration is an input.
    std::fs::write(d.join("planc.toml"), "[render]\n").unwrap();
    let (code, err) = render("planc.toml");
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("planc.toml")).unwrap(),
        "[render]\n"
    );
    std::fs::write(d.join("other.toml"), "[render]\n").unwrap();
    let (code, err) = run_in(
        d,
        &[
            "render",
            "role.plan.yaml",
            "--config",
            "other.toml",
            "-o",
            "other.toml",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("other.toml")).unwrap(),
        "[render]\n"
    );
}

/// Folder scans stay inside the root: links to folders are not followed (a link out of
/// the root, a fan-out of links over one folder), and a link to a plan outside the root
/// is named and not read; a link to a plan inside the root is that plan, read once.
#[test]
fn scans_do_not_follow_links_out_of_the_root() {
    let outside = temp_with(&[(
        "far/away.plan.yaml",
        &std::fs::read_to_string(root().join("examples/role.plan.yaml")).unwrap(),
    )]);
    let dir = temp_with(&[(
        "plans/ok.plan.yaml",
        &std::fs::read_to_string(root().join("examples/role.plan.yaml")).unwrap(),
    )]);
    let plans = dir.path().join("plans");
    std::os::unix::fs::symlink(outside.path().join("far"), plans.join("far")).unwrap();
    for i in 0..20 {
        std::os::unix::fs::symlink(&plans, plans.join(format!("fan{i}"))).unwrap();
    }
    let (code, err) = run_in(dir.path(), &["check", "--no-cache", "plans"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("checked 1 file"), "{err}");
    std::os::unix::fs::symlink(
        outside.path().join("far/away.plan.yaml"),
        plans.join("away.plan.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("ok.plan.yaml", plans.join("same.plan.yaml")).unwrap();
    let (code, err) = run_in(dir.path(), &["check", "--no-cache", "plans"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("plans/away.plan.yaml links to"), "{err}");
    assert!(err.contains("outside the folder checked"), "{err}");
    // The link to a plan inside the root is that plan: read once, no duplicate id.
    assert!(err.contains("checked 1 file"), "{err}");
    assert!(!err.contains("P902"), "{err}");
}

/// A `javascript:` or `data:` link in a plan's narrative never reaches an output as a
/// link, and a remote image is never embedded: Markdown keeps their text only.
#[test]
fn unsafe_links_and_remote_images_do_not_reach_markdown() {
    let plan = std::fs::read_to_string(root().join("examples/role.plan.yaml")).unwrap();
    let at = plan.find("\ntitle: ").unwrap();
    let evil = "\npreface: 见[制度](javascript:alert(1))与[附件](data:text/html;base64,PHNjcmlwdD4=)，![图](https://evil.example/x.png) 及[官网](https://example.com)。";
    let text = format!("{}{evil}{}", &plan[..at], &plan[at..]);
    let dir = temp_with(&[("x.plan.yaml", &text)]);
    let (code, err) = run_in(
        dir.path(),
        &["render", "x.plan.yaml", "--format", "md", "-o", "x.md"],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("x.md")).unwrap();
    assert!(md.contains("制度") && md.contains("附件"), "{md}");
    assert!(!md.contains("javascript:"), "{md}");
    assert!(!md.contains("data:text"), "{md}");
    assert!(!md.contains("evil.example"), "{md}");
    assert!(md.contains("(https://example.com)"), "{md}");
}

/// A template's work is bounded: a runaway loop in an override stops with an error that
/// names the template, within seconds, and writes no file.
#[test]
fn a_runaway_template_is_stopped() {
    let dir = temp_with(&[(
        "templates/md/sections/risks.md.j2",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n",
    )]);
    std::fs::write(
        dir.path().join("east.plan.yaml"),
        crate::util::region_alone(),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let (code, err) = run_in(
        dir.path(),
        &[
            "render",
            "east.plan.yaml",
            "--format",
            "md",
            "-o",
            "out.md",
            "--templates",
            "templates",
        ],
    );
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("risks.md.j2"), "names the template: {err}");
    assert!(
        !dir.path().join("out.md").exists(),
        "no half-written output"
    );
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

/// A template's output is bounded: a loop printing a long string stops at 64 MB with an
/// error naming the report's template, and writes no file.
#[test]
fn a_template_that_writes_without_end_is_stopped() {
    let dir = temp_with(&[(
        "templates/md/sections/risks.md.j2",
        "{% set s = 'x' * 1000000 %}{% for i in range(100) %}{{ s }}{% endfor %}\n",
    )]);
    std::fs::write(
        dir.path().join("east.plan.yaml"),
        crate::util::region_alone(),
    )
    .unwrap();
    let (code, err) = run_in(
        dir.path(),
        &[
            "--lang",
            "en",
            "render",
            "east.plan.yaml",
            "--format",
            "md",
            "-o",
            "out.md",
            "--templates",
            "templates",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("template `md/kinds/region.md.j2`") && err.contains("more than 64 MB"),
        "{err}"
    );
    assert!(!dir.path().join("out.md").exists());
}

/// Recursion in a template is bounded: a macro calling itself stops with an error
/// naming the template, never a stack overflow.
#[test]
fn a_recursive_template_is_stopped() {
    let dir = temp_with(&[(
        "templates/md/sections/risks.md.j2",
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}\n",
    )]);
    std::fs::write(
        dir.path().join("east.plan.yaml"),
        crate::util::region_alone(),
    )
    .unwrap();
    let (code, err) = run_in(
        dir.path(),
        &[
            "render",
            "east.plan.yaml",
            "--format",
            "md",
            "-o",
            "out.md",
            "--templates",
            "templates",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("risks.md.j2"), "{err}");
    assert!(err.contains("recursion"), "{err}");
    assert!(!dir.path().join("out.md").exists());
}

/// Paths written in files stay inside the workspace: a review's `plan:` and `actuals:`
/// and a child's `parent:` that lead out of it are findings naming the path and the
/// rule, and the files they name are never read (each outside file is broken YAML, so
/// reading it would add its own findings).
#[test]
fn references_from_files_stay_inside_the_workspace() {
    let review = std::fs::read_to_string(root().join("examples/review.plan.yaml"))
        .unwrap()
        .replace(
            "plan: org/company.plan.yaml",
            "plan: ../../outside/company.plan.yaml",
        )
        .replace(
            "- actuals/company-2026.actuals.csv",
            "- ../../outside/company-2026.actuals.csv",
        )
        .replace(
            "- actuals/company-2026-crm.actuals.xlsx",
            "- /etc/company-2026-crm.actuals.yaml",
        );
    let east = std::fs::read_to_string(root().join("examples/org/east-china.plan.yaml"))
        .unwrap()
        .replace(
            "parent: company-2026#east",
            "parent: ../../outside/company.plan.yaml#east",
        );
    let broken = "kind: [ company\n";
    let dir = temp_with(&[
        ("ws/reviews/review.plan.yaml", &review),
        ("ws/plans/east.plan.yaml", &east),
        ("outside/company.plan.yaml", broken),
        ("outside/company-2026.actuals.csv", "\u{0}\u{1}broken"),
    ]);
    for target in ["ws", "ws/plans/east.plan.yaml"] {
        let (code, err) = run_in(dir.path(), &["--lang", "en", "check", "--no-cache", target]);
        assert_eq!(code, 1, "{target}: {err}");
        assert!(
            err.contains("parent `../../outside/company.plan.yaml` lies outside the workspace"),
            "{target}: {err}"
        );
        assert!(err.contains("P901"), "{target}: {err}");
        assert!(
            !err.contains("outside/company.plan.yaml:"),
            "{target}: read: {err}"
        );
        assert!(!err.contains("YAML syntax"), "{target}: read: {err}");
    }
    let (code, err) = run_in(dir.path(), &["--lang", "en", "check", "--no-cache", "ws"]);
    assert_eq!(code, 1, "{err}");
    for path in [
        "../../outside/company.plan.yaml",
        "../../outside/company-2026.actuals.csv",
        "/etc/company-2026-crm.actuals.yaml",
    ] {
        assert!(
            err.contains(&format!("`{path}` lies outside the workspace")),
            "{path}: {err}"
        );
    }
    assert!(err.contains("P811"), "{err}");
    assert!(!err.contains("NUL"), "the outside actuals were read: {err}");
    // `planc review` on the review file alone holds to the same rule.
    let (code, err) = run_in(
        dir.path(),
        &["--lang", "en", "review", "ws/reviews/review.plan.yaml"],
    );
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("lies outside the workspace"), "{err}");
    assert!(!err.contains("YAML syntax"), "read: {err}");
}
