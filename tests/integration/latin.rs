//! No English left in Chinese output: every command run with `--lang zh` on the bundled
//! examples, its output scanned for Latin words. What may stay Latin is what the user
//! typed or types — codes (`P101`, `breakdown-sum`), ids and keys from the plans and the
//! schema, file names, options, values in code spans — and units and names of formats
//! and tools (MB, YAML, Excel). Anything else is an English word a Chinese reader meets.

use std::collections::BTreeSet;
use std::path::Path;

use crate::util::{planc_env, plans_under, root};

/// Names of units, formats, tools and standards that Chinese text writes in Latin.
const UNITS_AND_NAMES: &[&str] = &[
    "planc", "MB", "GB", "KB", "UTF", "YAML", "JSON", "CSV", "XLSX", "XLS", "HTML", "Markdown",
    "PDF", "DOCX", "SARIF", "Schema", "git", "GitHub", "CI", "LSP", "VS", "Code", "Excel",
    "Windows", "GBK", "Big", "BOM", "ANSI", "Tab", "SHA", "KPI", "SWOT", "SMART", "CRM", "ERP",
    "CNY", "RMB", "ID", "id", "ids", "TOP", "KOL", "OMO", "Q", "M", "FY", "Noto", "Sans", "CJK",
    "SC", "Ctrl", "C", "SIGTERM", "stdin", "stdout", "stderr", "URL", "Big5", "GB18030", "GB2312",
    // Subcommands, as typed.
    "check", "rules", "explain", "schema", "render", "review", "diff", "init", "fix", "lsp",
    "serve", "actuals", "template", "allocate", "export", "import",
];

/// The Latin tokens the examples, the schemas and the rule registry hold: ids, keys,
/// enum values, rule names — what a message may quote of the user's own words.
fn allowed() -> BTreeSet<String> {
    let mut out: BTreeSet<String> = UNITS_AND_NAMES.iter().map(|s| (*s).to_owned()).collect();
    let mut add = |text: &str| {
        for w in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
            if w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
                out.insert(w.to_owned());
            }
        }
    };
    for e in walkdir::WalkDir::new(root().join("examples"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        add(&String::from_utf8_lossy(
            &std::fs::read(e.path()).unwrap_or_default(),
        ));
    }
    add(&planc::schema::generate_pretty());
    add(&planc::actuals::schema_pretty());
    let rules = planc_env().args(["rules", "--json"]).output().unwrap();
    add(&String::from_utf8_lossy(&rules.stdout));
    out
}

/// Text with what may be Latin taken out: fenced blocks, code spans, tags, URLs, file
/// names and paths, options, `CODE(name)` headings, choices and defaults in `--help`.
/// `text` without its fenced code blocks (examples of plan text).
fn unfenced(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn prose(line: &str) -> String {
    let mut s = line.to_owned();
    for (open, close) in [
        ("`", "`"),
        ("<", ">"),
        ("（可选值：", "）"),
        ("（默认：", "）"),
        ("{{", "}}"),
    ] {
        s = cut_between(&s, open, close);
    }
    s.split(|c: char| c.is_whitespace() || "，。；：、（）()【】“”\"'|,;:!?*[]=#".contains(c))
        .filter(|w| {
            !(w.contains('/')
                || w.contains('\\')
                || w.starts_with('-')
                || w.starts_with("http")
                || w.contains('.') && w.chars().any(|c| c.is_ascii_alphabetic()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn cut_between(s: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let after = &rest[i + open.len()..];
        match after.find(close) {
            // Only on one line: a lone `<` is a comparison, not a tag.
            Some(j) if !after[..j].contains('\n') => {
                out.push(' ');
                rest = &after[j + close.len()..];
            }
            _ => {
                out.push_str(open);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The Latin words of `text` not in `allowed`, each with the line it is on.
fn english(text: &str, allowed: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for line in unfenced(text).lines() {
        for w in prose(line).split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
            let latin = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
            if latin >= 2 && !allowed.contains(w) && !w.chars().all(|c| c.is_ascii_digit()) {
                found.push((w.to_owned(), line.trim().to_owned()));
            }
        }
    }
    found
}

fn run(args: &[&str], dir: Option<&Path>) -> String {
    let mut cmd = planc_env();
    cmd.arg("--lang").arg("zh").args(args);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let out = cmd.output().expect("planc runs");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn chinese_output_has_no_english_words() {
    let allowed = allowed();
    let mut outputs: Vec<(String, String)> = Vec::new();
    let mut push = |what: String, text: String| outputs.push((what, text));
    push(
        "check examples".into(),
        run(&["check", "--no-cache", "examples"], None),
    );
    push(
        "check drafts".into(),
        run(
            &[
                "check",
                "--no-cache",
                "--max-findings",
                "0",
                "examples/drafts",
            ],
            None,
        ),
    );
    push("rules".into(), run(&["rules"], None));
    push(
        "review examples/org (monthly)".into(),
        run(&["review", "examples/org", "--as-of", "2026-09-30"], None),
    );
    push(
        "review examples/org (monthly, no date)".into(),
        run(&["review", "examples/org"], None),
    );
    let codes = run(&["rules"], None);
    for code in codes.lines().filter_map(|l| l.split_whitespace().next()) {
        push(format!("explain {code}"), run(&["explain", code], None));
    }
    for plan in plans_under(&root().join("examples")) {
        let rel = plan
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel.contains("drafts") {
            continue;
        }
        push(
            format!("render {rel}"),
            run(&["render", &rel, "--format", "md", "-o", "-"], None),
        );
    }
    push(
        "review".into(),
        run(
            &["review", "examples/review.plan.yaml", "--format", "md"],
            None,
        ),
    );
    push(
        "diff".into(),
        run(
            &[
                "diff",
                "examples/org/company.plan.yaml",
                "examples/org/east-china.plan.yaml",
            ],
            None,
        ),
    );
    push(
        "fix --diff".into(),
        run(&["fix", "--diff", "examples"], None),
    );
    let tmp = tempfile::tempdir().unwrap();
    push(
        "init".into(),
        run(&["init", "--kind", "region"], Some(tmp.path())),
    );
    push("check --formt".into(), run(&["check", "--formt"], None));
    push("--help".into(), run(&["--help"], None));
    for sub in [
        "check", "rules", "explain", "schema", "render", "review", "diff", "init", "fix", "lsp",
        "serve", "actuals", "allocate", "export", "import",
    ] {
        push(format!("{sub} --help"), run(&[sub, "--help"], None));
    }
    let mut report = String::new();
    let mut seen = BTreeSet::new();
    for (what, text) in &outputs {
        for (word, line) in english(text, &allowed) {
            if seen.insert(word.clone()) {
                report.push_str(&format!("{what}: `{word}` in: {line}\n"));
            }
        }
    }
    assert!(report.is_empty(), "English in Chinese output:\n{report}");
    assert!(outputs.len() > 60, "{} outputs scanned", outputs.len());
}

/// The scanner finds an English word, and lets codes, ids and file names pass.
#[test]
fn the_scanner_tells_english_from_codes() {
    let allowed: BTreeSet<String> = ["east", "sales"].iter().map(|s| (*s).to_owned()).collect();
    let found = english("  help: 改为 `status: final` 之前请填写", &allowed);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "help");
    assert!(english("east 的 sales 见 a/b.plan.yaml，`x y z` --lang", &allowed).is_empty());
    assert!(english("P101(breakdown-sum) 写作 <PATH>", &allowed).len() == 2);
}

/// The Chinese README is linked from the top of the English one and kept in step: every
/// subcommand, option and rule code the English README names, the Chinese one names too.
#[test]
fn the_chinese_readme_keeps_step_with_the_english_one() {
    let en = std::fs::read_to_string(root().join("README.md")).unwrap();
    let zh = std::fs::read_to_string(root().join("README.zh-CN.md")).unwrap();
    let top: String = en.lines().take(5).collect::<Vec<_>>().join("\n");
    assert!(top.contains("(README.zh-CN.md)"), "{top}");
    assert!(zh.lines().take(5).any(|l| l.contains("(README.md)")));
    // planc's own subcommands and options, from its command line.
    let help = planc_env()
        .args(["--lang", "en", "--help"])
        .output()
        .unwrap();
    let mut names: BTreeSet<String> = BTreeSet::new();
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    let subs: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    assert!(subs.len() > 10, "{subs:?}");
    for s in &subs {
        names.insert(format!("planc {s}"));
        let out = planc_env()
            .args(["--lang", "en", s, "--help"])
            .output()
            .unwrap();
        for w in String::from_utf8_lossy(&out.stdout).split_whitespace() {
            if let Some(opt) = w.strip_prefix("--") {
                let opt: String = opt
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if !opt.is_empty() {
                    names.insert(format!("--{opt}"));
                }
            }
        }
    }
    let mentions = |text: &str, name: &str| {
        text.match_indices(name).any(|(i, _)| {
            !text[i + name.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
        })
    };
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| mentions(&en, n) && !mentions(&zh, n))
        .collect();
    assert!(
        missing.is_empty(),
        "README.zh-CN.md does not mention {missing:?}"
    );
    let codes = |t: &str| -> BTreeSet<String> {
        t.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| {
                w.len() == 4 && w.starts_with('P') && w[1..].chars().all(|c| c.is_ascii_digit())
            })
            .map(str::to_owned)
            .collect()
    };
    let lacking: Vec<String> = codes(&en).difference(&codes(&zh)).cloned().collect();
    assert!(
        lacking.is_empty(),
        "README.zh-CN.md does not mention {lacking:?}"
    );
    assert!(
        zh.matches("\n## ").count() >= en.matches("\n## ").count(),
        "a section of README.md has no counterpart"
    );
    // Every picture the English README shows is in the repository and shown in the
    // Chinese one too.
    let images = |t: &str| -> BTreeSet<String> {
        t.match_indices("](")
            .filter(|(i, _)| {
                t[..*i]
                    .rfind("![")
                    .is_some_and(|j| !t[j..*i].contains('\n'))
            })
            .filter_map(|(i, _)| t[i + 2..].split(')').next().map(str::to_owned))
            .collect()
    };
    let pictures = images(&en);
    assert!(
        pictures.contains("docs/img/review-summary.png"),
        "{pictures:?}"
    );
    for picture in &pictures {
        assert!(
            root().join(picture).is_file(),
            "README.md shows missing {picture}"
        );
    }
    let shown = images(&zh);
    let unshown: Vec<&String> = pictures.difference(&shown).collect();
    assert!(
        unshown.is_empty(),
        "README.zh-CN.md does not show {unshown:?}"
    );
}
