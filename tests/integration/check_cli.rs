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
