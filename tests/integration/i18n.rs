//! The message catalogue: every message exists in every language, every message the code
//! names exists, and every rule has a translated summary and doc.

use std::collections::BTreeSet;

use planc::i18n::{self, Lang};

/// The message ids a catalogue defines (`id = …` at the start of a line).
fn ids(lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, text) in i18n::sources(lang) {
        for line in text.lines() {
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            if !line.starts_with([' ', '#', '-', '.', '*', '[', '}'])
                && !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                out.insert(id.to_owned());
            }
        }
    }
    out
}

#[test]
fn every_message_exists_in_both_languages() {
    let en = ids(Lang::En);
    let zh = ids(Lang::Zh);
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(only_en.is_empty(), "messages only in English: {only_en:?}");
    assert!(only_zh.is_empty(), "messages only in Chinese: {only_zh:?}");
    assert!(en.len() > 20, "the catalogue looks empty: {} ids", en.len());
    for id in &en {
        assert!(
            i18n::has(Lang::En, id) && i18n::has(Lang::Zh, id),
            "{id} does not parse"
        );
    }
}

/// Every literal id passed to `t!` / `t_in!` in the sources.
fn used_ids() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for marker in ["t!(", "t_in!("] {
            for (i, _) in text.match_indices(marker) {
                // `format!(`, `print!(` … end in `t!(` too.
                let before = text[..i].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[i + marker.len()..];
                // `t_in!(lang, "id"…`: skip to the first string literal.
                let Some(q) = rest.find('"') else { continue };
                if rest[..q].contains(')') || rest[..q].contains(';') {
                    continue;
                }
                let rest = &rest[q + 1..];
                if let Some(end) = rest.find('"') {
                    let id = &rest[..end];
                    if !id.is_empty() && !id.contains(' ') {
                        out.insert(id.split('.').next().unwrap().to_owned());
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_names_exists() {
    let used = used_ids();
    assert!(
        used.len() > 20,
        "found only {} message ids in src/",
        used.len()
    );
    let missing: Vec<_> = used
        .iter()
        .filter(|id| !i18n::has(Lang::En, id) || !i18n::has(Lang::Zh, id))
        .collect();
    assert!(
        missing.is_empty(),
        "messages named in src/ but not in the catalogue: {missing:?}"
    );
}

#[test]
fn every_rule_has_a_chinese_summary_and_doc() {
    let missing: Vec<_> = planc::rules::REGISTRY
        .iter()
        .filter(|r| {
            i18n::docs_translated(Lang::Zh, r.code)
                .is_none_or(|t| t.summary.is_empty() || t.doc.is_empty())
        })
        .map(|r| r.code)
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a Chinese summary or doc: {missing:?}"
    );
}

/// `--help` speaks the chosen language, from the catalogue: headings, abouts, argument
/// help, defaults and choices; no clap English left in the Chinese help.
#[test]
fn help_is_in_the_chosen_language() {
    for args in [
        &["--lang", "zh", "--help"][..],
        &["--lang", "zh", "check", "--help"],
        &["--lang", "zh", "serve", "-h"],
        &["--lang", "zh", "actuals", "template", "--help"],
        &["help-less", "--lang", "zh", "render", "--help"][1..],
    ] {
        let out = crate::util::planc_env().args(args).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains("用法：planc"), "{args:?}: {text}");
        assert!(text.contains("显示帮助"), "{args:?}: {text}");
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print help",
            "default:",
            "possible values",
            "[OPTIONS]",
            "<COMMAND>",
        ] {
            assert!(!text.contains(english), "{args:?}: `{english}` in {text}");
        }
    }
    let out = crate::util::planc_env()
        .args(["--lang", "zh", "serve", "--help"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("监听的端口"), "{text}");
    assert!(text.contains("（默认：7700）"), "{text}");
    // English stays English.
    let out = crate::util::planc_env()
        .args(["--lang", "en", "serve", "--help"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("Usage: planc serve [OPTIONS] [PATH]"),
        "{text}"
    );
    assert!(text.contains("The port to listen on"), "{text}");
    assert!(text.contains("[default: 7700]"), "{text}");
}

/// clap's argument errors in the chosen language — `--lang`, or the environment's when
/// none is given — with the suggestion and usage, and exit 2.
#[test]
fn argument_errors_are_in_the_chosen_language() {
    let out = crate::util::planc_env()
        .args(["--lang", "zh", "check", "--formt", "json"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("错误：不认识的参数 `--formt`"), "{err}");
    assert!(err.contains("是否想输入 `--format`？"), "{err}");
    assert!(err.contains("用法：planc check [选项]"), "{err}");
    let out = crate::util::planc_env()
        .env("PLANC_LANG", "zh")
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("的值 `xml` 无效；可选值：human, json, sarif, github"),
        "{err}"
    );
    let out = crate::util::planc_env()
        .env("PLANC_LANG", "zh")
        .args(["nonsense"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("不认识的子命令 `nonsense`"), "{err}");
    let out = crate::util::planc_env()
        .args(["--lang", "en", "check", "--formt"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("error: unexpected argument `--formt`"),
        "{err}"
    );
    assert!(err.contains("did you mean `--format`?"), "{err}");
}

/// `planc schema --lang zh` describes every field in Chinese (the editor's hovers);
/// without it, in an English environment, the schema stays English.
#[test]
fn schema_descriptions_follow_the_language() {
    let out = crate::util::planc_env()
        .args(["--lang", "zh", "schema"])
        .assert()
        .success();
    let zh = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        zh.contains("\"description\": \"计划覆盖的时期。\""),
        "{zh:.400}"
    );
    assert!(!zh.contains("\"description\": \"The period a plan covers.\""));
    let out = crate::util::planc_env()
        .args(["--lang", "zh", "schema", "--actuals"])
        .assert()
        .success();
    let zh = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(zh.contains("每个 指标 × 分解项 × 期间 一行。"), "{zh:.400}");
    let out = crate::util::planc_env().args(["schema"]).assert().success();
    let en = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(en.contains("\"description\": \"The period a plan covers.\""));
}
