//! `planc check` as a user runs it: exit codes, output formats, bad input.

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{planc, root, temp_with};

const CLEAN: &str = "examples/org/company.plan.yaml";
const BROKEN: &str = "tests/fixtures/rules/P101/provinces-short.plan.yaml";

#[test]
fn examples_pass_with_exit_0_and_a_summary_line() {
    planc()
        .args(["check", "examples"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("0 errors"));
}

#[test]
fn errors_exit_1_and_name_file_line_col() {
    planc()
        .args(["check", BROKEN])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "tests/fixtures/rules/P101/provinces-short.plan.yaml:",
        ))
        .stderr(predicate::str::contains("P101(breakdown-sum)"));
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = "tests/fixtures/rules/P701";
    planc().args(["check", dir]).assert().code(0);
    planc()
        .args(["check", "--deny-warnings", dir])
        .assert()
        .code(1);
}

#[test]
fn missing_paths_and_empty_directories_exit_2() {
    planc()
        .args(["check", "no/such/plan.plan.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file or directory"));
    let empty = tempfile::tempdir().unwrap();
    planc()
        .arg("check")
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no *.plan.yaml or *.actuals.* files under",
        ));
    planc().args(["check", "--format", "yaml"]).assert().code(2);
}

#[test]
fn bad_input_never_panics() {
    let big_nesting = "a: ".to_owned() + &"[".repeat(5000);
    let dir = temp_with(&[
        ("empty.plan.yaml", ""),
        ("malformed.plan.yaml", "kind: company\n  id: x\n: : :\n"),
        (
            "wrong-types.plan.yaml",
            "kind: 7\nid: [1]\ntitle: {a: b}\nstatus: true\nperiod: 2026\n",
        ),
        ("deep.plan.yaml", &big_nesting),
        ("list.plan.yaml", "- a\n- b\n"),
        ("scalar.plan.yaml", "just text\n"),
    ]);
    let out = planc().arg("check").arg(dir.path()).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("checked 6 files"), "{stderr}");
}

#[test]
fn non_utf8_files_name_the_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs_gbk("标题: 华东大区年度销售计划\n");
    std::fs::write(dir.path().join("gbk.plan.yaml"), gbk).unwrap();
    planc()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("GBK/GB18030"))
        .stderr(predicate::str::contains("re-save the file as UTF-8"));
}

fn encoding_rs_gbk(s: &str) -> (Vec<u8>, (), ()) {
    // GBK bytes for a few common characters, written out so the test needs no extra crate.
    let _ = s;
    let bytes = vec![
        0xB1, 0xEA, 0xCC, 0xE2, b':', b' ', 0xBB, 0xAA, 0xB6, 0xAB, 0xB4, 0xF3, 0xC7, 0xF8, b'\n',
    ];
    (bytes, (), ())
}

#[test]
fn json_output_is_stable_and_complete() {
    let out = planc()
        .args(["check", "--format", "json", BROKEN])
        .assert()
        .code(1);
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["version"], 1);
    let f = &v["files"][0]["findings"][0];
    assert_eq!(f["code"], "P101");
    assert_eq!(f["severity"], "error");
    assert!(f["line"].as_u64().unwrap() > 1);
    assert!(f["labels"].as_array().unwrap().len() >= 2);
    assert_eq!(v["summary"]["errors"], 2);
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    // The official 2.1.0 schema (as shipped in the serde-sarif crate) has a language-tag
    // pattern with a stray `]` that strict validators refuse; use the intended pattern.
    let text = std::fs::read_to_string(root().join("tests/sarif-schema-2.1.0.json"))
        .unwrap()
        .replace(
            r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
            r"^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
        );
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for args in [
        vec!["check", "--format", "sarif", BROKEN],
        vec!["check", "--format", "sarif", "tests/fixtures/rules/P101"],
        vec!["check", "--format", "sarif", CLEAN],
        vec!["check", "--format", "sarif", "tests/fixtures/rules/P002"],
        vec!["check", "--format", "sarif", "tests/fixtures/rules/P911"],
        vec!["check", "--format", "sarif", "tests/fixtures/rules/P913"],
        vec!["check", "--format", "sarif", "tests/fixtures/fix"],
    ] {
        let out = planc().args(&args).output().unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        assert_eq!(v["version"], "2.1.0");
    }
    let out = planc()
        .args(["check", "--format", "sarif", BROKEN])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "P101");
    assert!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
            > 1
    );
}

/// Microsoft's SARIF multitool, installed from npm into `target/tools` on first use;
/// `None` (and the test skips, saying why) when npm or the registry is not reachable.
fn sarif_multitool() -> Option<std::path::PathBuf> {
    let dir = root().join("target/tools/sarif-multitool");
    let bin = dir.join("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    if !bin.exists() {
        let status = std::process::Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&dir)
            .arg("@microsoft/sarif-multitool@5.7.0")
            .status();
        if !status.is_ok_and(|s| s.success()) || !bin.exists() {
            eprintln!("SKIPPED: the SARIF multitool could not be installed with npm");
            return None;
        }
    }
    // npm leaves the install script's `chmod` undone when scripts are not allowed.
    let _ = std::process::Command::new("chmod")
        .arg("u+x")
        .arg(&bin)
        .status();
    Some(bin)
}

#[test]
fn sarif_passes_microsofts_multitool_for_relative_and_absolute_paths() {
    let Some(tool) = sarif_multitool() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let abs = root().join("tests/fixtures/rules/P911");
    let cases: [(&str, Vec<String>); 3] = [
        ("relative", vec!["tests/fixtures/rules/P101".into()]),
        ("absolute", vec![abs.display().to_string()]),
        (
            "cross-file",
            vec![root()
                .join("tests/fixtures/rules/P913")
                .display()
                .to_string()],
        ),
    ];
    for (name, paths) in cases {
        let out = planc()
            .args(["check", "--format", "sarif"])
            .args(&paths)
            .output()
            .unwrap();
        let input = tmp.path().join(format!("{name}.sarif"));
        std::fs::write(&input, &out.stdout).unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let uri = v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_owned();
        if name == "relative" {
            assert!(uri.starts_with("tests/"), "{uri}");
        } else {
            assert!(uri.starts_with("file:///"), "{uri}");
        }
        let report = tmp.path().join(format!("{name}.validation.sarif"));
        let run = std::process::Command::new(&tool)
            .arg("validate")
            .arg("--output")
            .arg(&report)
            .arg(&input)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stdout)
        );
        let findings: Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        let problems: Vec<String> = findings["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| matches!(r["level"].as_str(), Some("error" | "warning")))
            .map(|r| format!("{}: {}", r["ruleId"], r["message"]))
            .collect();
        assert!(problems.is_empty(), "{name}: {problems:#?}");
    }
}

#[test]
fn columns_count_characters_in_every_format_on_a_chinese_line() {
    // `  from: 华东大区经理 [经理姓名]`: the placeholder starts at character 16 (byte 28).
    let file = "examples/drafts/region-draft.plan.yaml";
    let human = planc().args(["check", file]).output().unwrap();
    let human = String::from_utf8(human.stderr).unwrap();
    assert!(human.contains("region-draft.plan.yaml:19:16]"), "{human}");
    assert!(!human.contains(":19:28"), "{human}");
    let json = planc()
        .args(["check", "--format", "json", file])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    let at_19: Vec<_> = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["line"] == 19)
        .collect();
    assert_eq!(at_19[0]["column"], 16);
    let gh = planc()
        .args(["check", "--format", "github", file])
        .output()
        .unwrap();
    assert!(String::from_utf8(gh.stdout)
        .unwrap()
        .contains("line=19,col=16,"));
    let sarif = planc()
        .args(["check", "--format", "sarif", file])
        .output()
        .unwrap();
    assert!(String::from_utf8(sarif.stdout)
        .unwrap()
        .contains("\"startColumn\": 16"));
}

#[test]
fn github_annotations() {
    planc()
        .args(["check", "--format", "github", BROKEN])
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(
            r"(?m)^::error file=tests/fixtures/rules/P101/provinces-short.plan.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=P101 breakdown-sum::",
        )
        .unwrap());
}

#[test]
fn suppressions_are_hidden_but_shown_on_request() {
    let file = "tests/fixtures/rules/P101/suppressed.plan.yaml";
    planc().args(["check", file]).assert().code(0);
    planc()
        .args(["check", "--show-suppressed", file])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "suppressed: 浙江省指标待12月价格谈判后再分配",
        ));
}

#[test]
fn planc_toml_sets_severity_and_tolerance() {
    let plan =
        std::fs::read_to_string(root().join("tests/fixtures/rules/P106/ratio.plan.yaml")).unwrap();
    let dir = temp_with(&[
        ("plans/ratio.plan.yaml", &plan),
        ("planc.toml", "[rules]\nbudget-sales-ratio = \"warning\"\n"),
    ]);
    planc()
        .arg("check")
        .arg(dir.path().join("plans"))
        .assert()
        .code(0);
    let dir = temp_with(&[
        ("ratio.plan.yaml", &plan),
        ("planc.toml", "[tolerance]\npercent = \"2\"\n"),
    ]);
    planc().arg("check").arg(dir.path()).assert().code(0);
    let dir = temp_with(&[
        ("ratio.plan.yaml", &plan),
        ("planc.toml", "[rules]\nP1O6 = \"off\"\n"),
    ]);
    planc()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean"));
}

#[test]
fn rules_and_explain() {
    planc()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("P101  breakdown-sum"));
    planc()
        .args(["explain", "breakdown-sum"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## What it does"));
    planc()
        .args(["explain", "P1O1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `P101`?"));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = planc().arg("schema").assert().code(0);
    let committed = std::fs::read_to_string(root().join("schemas/plan.schema.json")).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout), committed);
}

#[test]
fn the_cache_skips_only_unchanged_clean_files() {
    let plan = std::fs::read_to_string(root().join(CLEAN)).unwrap();
    let broken = plan.replacen("total: ", "total: 1", 1);
    let dir = temp_with(&[("p.plan.yaml", &plan)]);
    let cache = dir.path().join("cache");
    let run = |code: i32| {
        planc()
            .arg("check")
            .arg(dir.path().join("p.plan.yaml"))
            .arg("--cache-dir")
            .arg(&cache)
            .assert()
            .code(code);
    };
    run(0);
    assert!(
        cache.join("clean-v1.bin").is_file(),
        "clean files are remembered"
    );
    run(0);
    std::fs::write(dir.path().join("p.plan.yaml"), &broken).unwrap();
    run(1);
    run(1);
    // A corrupt cache is ignored.
    std::fs::write(cache.join("clean-v1.bin"), b"garbage").unwrap();
    std::fs::write(dir.path().join("p.plan.yaml"), &plan).unwrap();
    run(0);
}

/// The company example with one line replaced.
fn company_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(root().join(CLEAN)).unwrap();
    assert!(text.contains(from), "`{from}` is not in {CLEAN}");
    text.replacen(from, to, 1)
}

fn check_text(name: &str, text: &str, lang: &str) -> (i32, String) {
    let dir = crate::util::temp_with(&[(name, text)]);
    let out = planc()
        .args(["--lang", lang, "check"])
        .arg(dir.path().join(name))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_wrong_kind_lists_every_kind_and_suggests_the_one_meant() {
    let (code, err) = check_text(
        "k.plan.yaml",
        &company_with("kind: company", "kind: regional"),
        "en",
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`regional` is not a valid value in `kind`"),
        "{err}"
    );
    assert!(err.contains("did you mean `region`?"), "{err}");
    for kind in [
        "company",
        "representative",
        "launch",
        "onboarding",
        "review",
    ] {
        assert!(
            err.contains(&format!("`{kind}`")),
            "{kind} not listed: {err}"
        );
    }
    assert!(!err.contains("was expected"), "{err}");
    let (_, err) = check_text("l.plan.yaml", &company_with("lang: zh", "lang: cn"), "en");
    assert!(err.contains("did you mean `zh`?"), "{err}");
}

#[test]
fn yaml_mistakes_are_explained_in_the_users_terms() {
    let tab = "kind: company\nid: x\n\ttitle: y\n";
    let (code, err) = check_text("tab.plan.yaml", tab, "en");
    assert_eq!(code, 1);
    assert!(
        err.contains("tabs are not allowed for indentation in YAML; use spaces"),
        "{err}"
    );
    assert!(err.contains("tab.plan.yaml:3:1]"), "{err}");
    let (_, err) = check_text("tab.plan.yaml", tab, "zh");
    assert!(err.contains("YAML 不允许用 Tab 缩进"), "{err}");

    let cmp = "kind: company\nid: x\nk:\n  comparator: >=\n  target: 5\n";
    let (code, err) = check_text("cmp.plan.yaml", cmp, "en");
    assert_eq!(code, 1);
    assert!(
        err.contains(r#"put it in quotes: `comparator: ">="`"#),
        "{err}"
    );
    assert!(!err.contains("block scalar"), "{err}");

    let complex = company_with("title:", "? [a, b]\n: 1\ntitle:");
    let (_, err) = check_text("cx.plan.yaml", &complex, "en");
    assert!(err.contains("mapping keys must be plain text"), "{err}");
    assert!(!err.contains("complex key"), "{err}");
    assert!(!err.contains("unknown field"), "{err}");
}

#[test]
fn chinese_money_shorthand_is_money_and_a_misspelt_unit_is_read_as_meant() {
    // The company's first target is 9.072亿元 (90720万元 split below it).
    let text = company_with("value: 9.072亿元", "value: 9.072亿");
    let (code, err) = check_text("s.plan.yaml", &text, "en");
    assert_eq!(code, 0, "{err}");
    let text = company_with("value: 9.072亿元", "value: 90720万");
    let (code, err) = check_text("s.plan.yaml", &text, "en");
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_chinese_plan_gets_chinese_diagnostics_unless_told_otherwise() {
    let file = "examples/drafts/region-draft.plan.yaml";
    let out = crate::util::planc_env()
        .args(["check", file])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("region-draft.plan.yaml:19:16]"), "{err}");
    assert!(
        err.contains("已检查 1 个文件：0 个错误，34 个警告"),
        "{err}"
    );
    let out = crate::util::planc_env()
        .args(["check", "--lang", "en", file])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("checked 1 file: 0 errors, 34 warnings"),
        "{err}"
    );
    // PLANC_LANG decides for what no plan says (the summary of a run over English plans).
    let out = crate::util::planc_env()
        .env("PLANC_LANG", "zh")
        .args(["explain", "P101"])
        .output()
        .unwrap();
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(doc.contains("默认级别"), "{doc}");
}

#[test]
fn past_the_limit_the_same_finding_is_counted_not_repeated() {
    let mut text = String::from("kind: company\nid: big\ntitle: 大\nswot:\n  strengths:\n");
    for i in 0..200 {
        text.push_str(&format!("    - {{ bad: {i} }}\n"));
    }
    let dir = crate::util::temp_with(&[("big.plan.yaml", &text)]);
    let path = dir.path().join("big.plan.yaml");
    let out = planc().arg("check").arg(&path).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("P005(unknown-field)\n").count(), 50, "{err}");
    assert!(
        err.contains("150 more findings of P005(unknown-field) not shown"),
        "{err}"
    );
    let out = planc()
        .args(["check", "--max-findings", "0"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("P005(unknown-field)\n").count(), 200);
    assert!(!err.contains("not shown"));
    let json = planc()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    let p005 = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "P005")
        .count();
    assert_eq!(p005, 200);
}
