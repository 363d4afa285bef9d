//! `planc init` (a new plan of every kind, the files of a new plan repository) and
//! `planc fix` (the fixes findings carry, applied as text edits).

use std::path::Path;

use crate::util::{planc, planc_env, root};

const KINDS: [&str; 8] = [
    "company",
    "region",
    "representative",
    "launch",
    "initiative",
    "onboarding",
    "role",
    "review",
];

fn check_json(path: &Path) -> serde_json::Value {
    let out = planc()
        .args(["check", "--no-cache", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["severity"].as_str().unwrap()
            )
        })
        .collect()
}

/// `planc init --kind KIND --year 2026` in `dir` (a review reviews the company plan).
fn init(dir: &Path, kind: &str) -> std::process::Output {
    let mut cmd = planc();
    cmd.current_dir(dir)
        .args(["init", "--kind", kind, "--year", "2026"]);
    if kind == "review" {
        cmd.args(["--plan", "company.plan.yaml"]);
    }
    cmd.output().unwrap()
}

#[test]
fn a_new_review_reviews_the_plan_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    // Written as a folder that does not exist yet.
    planc()
        .current_dir(dir.path())
        .args(["init", "--kind", "region", "--year", "2026", "plans/"])
        .assert()
        .success();
    planc()
        .current_dir(dir.path())
        .args(["init", "--kind", "review", "--year", "2026", "plans"])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("plans/review.plan.yaml")).unwrap();
    assert!(text.contains("  plan: region.plan.yaml\n"), "{text}");
    let found = codes(&check_json(&dir.path().join("plans/review.plan.yaml")));
    assert!(found.iter().all(|c| c == "P501 warning"), "{found:?}");
}

#[test]
fn init_every_kind_checks_with_placeholder_warnings_only_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    // The company plan first: the review plan reviews it.
    for kind in KINDS {
        let out = init(dir.path(), kind);
        assert!(
            out.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = dir.path().join(format!("{kind}.plan.yaml"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.starts_with("# yaml-language-server: $schema=schemas/plan.schema.zh.json\n"));
        assert!(text.contains("status: draft"), "{kind}");
        let json = check_json(&file);
        let found = codes(&json);
        assert!(!found.is_empty(), "{kind}: a draft has placeholders");
        assert!(
            found.iter().all(|c| c == "P501 warning"),
            "{kind}: only placeholder warnings, got {found:?}"
        );
        for format in ["md", "html", "docx"] {
            let out_file = dir.path().join(format!("{kind}.{format}"));
            let out = planc_env()
                .args(["render", "--format", format, "-o"])
                .arg(&out_file)
                .arg(&file)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{kind} → {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(std::fs::metadata(&out_file).unwrap().len() > 0);
        }
        let md = std::fs::read_to_string(dir.path().join(format!("{kind}.md"))).unwrap();
        assert!(
            md.contains("2026年度"),
            "{kind}: the title is in the report"
        );
    }
}

/// A new plan has every section its kind's seed document has (the seeds' chapters:
/// the region plan's memo, splits by province, product and quarter, campaigns with
/// tactics and KPIs, cadence, resource requests, budget, risks and closing words; the
/// company's preface, SWOT, strategies, budget, KPIs; the representative's SMART goals,
/// territory, tiers, development), so nobody has to read the schema to add one.
#[test]
fn init_writes_every_section_of_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, sections) in [
        (
            "region",
            &[
                "memo:",
                "regions:",
                "products:",
                "overview:",
                "last_year:",
                "targets:",
                "dimension: province",
                "dimension: product",
                "dimension: quarter",
                "focus:",
                "campaigns:",
                "tactics:",
                "tiers:",
                "kpis:",
                "cadence:",
                "requests:",
                "budget:",
                "lines:",
                "risks:",
                "closing:",
            ][..],
        ),
        (
            "company",
            &[
                "preface:",
                "swot:",
                "strengths:",
                "weaknesses:",
                "opportunities:",
                "threats:",
                "targets:",
                "dimension: product",
                "dimension: quarter",
                "strategies:",
                "budget:",
                "risks:",
                "cadence:",
                "kpis:",
                "closing:",
            ],
        ),
        (
            "representative",
            &[
                "overview:",
                "smart:",
                "last_year:",
                "targets:",
                "dimension: quarter",
                "accounts:",
                "tiers:",
                "timeline:",
                "kpis:",
                "development:",
                "cadence:",
                "closing:",
            ],
        ),
    ] {
        let out = init(dir.path(), kind);
        assert!(out.status.success(), "{kind}");
        let text = std::fs::read_to_string(dir.path().join(format!("{kind}.plan.yaml"))).unwrap();
        for s in sections {
            assert!(text.contains(s), "{kind} lacks `{s}`");
        }
        // Each top-level section comes with Chinese guidance above it.
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate().skip(16) {
            let top = l.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && l.ends_with(':');
            if top && !["period:"].contains(l) {
                let above = lines[..i].iter().rev().find(|x| !x.trim().is_empty());
                assert!(
                    above.is_some_and(|a| a.starts_with('#')
                        && a.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))),
                    "{kind}: `{l}` has no Chinese guidance above it"
                );
            }
        }
    }
}

#[test]
fn init_in_an_empty_folder_writes_the_repository_files_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let out = init(dir.path(), "region");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    for f in [
        "planc.toml",
        ".gitattributes",
        ".github/workflows/planc.yml",
        "schemas/plan.schema.json",
        "schemas/plan.schema.zh.json",
        "region.plan.yaml",
    ] {
        assert!(dir.path().join(f).is_file(), "{f} written");
        assert!(err.contains(f), "{f} reported: {err}");
    }
    let attrs = std::fs::read_to_string(dir.path().join(".gitattributes")).unwrap();
    assert!(attrs.contains("*.plan.yaml diff=planc"));
    assert!(attrs.contains("git config diff.planc.command \"planc diff\""));
    let ci = std::fs::read_to_string(dir.path().join(".github/workflows/planc.yml")).unwrap();
    assert!(ci.contains("planc check --format github") && ci.contains("upload-sarif"));
    let schema = std::fs::read_to_string(dir.path().join("schemas/plan.schema.json")).unwrap();
    let committed = std::fs::read_to_string(root().join("schemas/plan.schema.json")).unwrap();
    assert_eq!(schema, committed);
    let schema = std::fs::read_to_string(dir.path().join("schemas/plan.schema.zh.json")).unwrap();
    let committed = std::fs::read_to_string(root().join("schemas/plan.schema.zh.json")).unwrap();
    assert_eq!(
        schema, committed,
        "the Chinese schema beside the English one"
    );
    let region = std::fs::read_to_string(dir.path().join("region.plan.yaml")).unwrap();
    assert!(
        region.starts_with("# yaml-language-server: $schema=schemas/plan.schema.zh.json\n"),
        "the new plan's editor header points at the schema in its language"
    );
    // The commented defaults are a valid planc.toml, and the folder checks (warnings only).
    planc()
        .current_dir(dir.path())
        .args(["check", "--no-cache", "."])
        .assert()
        .success();
    // Every key of the configuration is named in it.
    let toml = std::fs::read_to_string(dir.path().join("planc.toml")).unwrap();
    for key in [
        "money",
        "percent",
        "[rules]",
        "deny_warnings",
        "green",
        "amber",
        "complete",
        "money_unit",
        "max_file_mb",
        "typeset_seconds",
    ] {
        assert!(toml.contains(key), "planc.toml names {key}");
    }
    // `# key = value` lines are settings; other comment lines are guidance.
    let uncommented: String = toml
        .lines()
        .map(|l| l.strip_prefix("# ").unwrap_or(l))
        .filter(|l| !l.starts_with('#'))
        .filter(|l| {
            l.is_empty()
                || l.starts_with('[')
                || l.split_once(" = ").is_some_and(|(k, _)| {
                    k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                })
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        uncommented.contains("deny_warnings = false"),
        "{uncommented}"
    );
    planc::config::Config::parse(&uncommented).expect("the commented defaults parse");

    // A plan in a subfolder of the repository: no second repository, the header reaches
    // the schema at the root.
    planc()
        .current_dir(dir.path())
        .args(["init", "--kind", "representative", "reps/"])
        .assert()
        .success();
    assert!(!dir.path().join("reps/planc.toml").exists());
    assert!(!dir.path().join("reps/schemas").exists());
    let rep = std::fs::read_to_string(dir.path().join("reps/representative.plan.yaml")).unwrap();
    assert!(rep.starts_with("# yaml-language-server: $schema=../schemas/plan.schema.zh.json\n"));

    // A second plan in the same folder: no repository files again, and none overwritten.
    std::fs::write(dir.path().join("planc.toml"), "# mine\n").unwrap();
    let out = init(dir.path(), "company");
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("planc.toml"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("planc.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn init_never_overwrites_a_plan_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.plan.yaml");
    std::fs::write(&file, "kind: company\n").unwrap();
    planc()
        .args(["init", "--kind", "company"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("exists already"))
        .stderr(predicates::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "kind: company\n");
    planc()
        .args(["--lang", "zh", "init", "--kind", "company"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("已存在"));
    planc()
        .args([
            "init",
            "--kind",
            "company",
            "--force",
            "--id",
            "east-2027",
            "--name",
            "华东2027年度计划",
            "--year",
            "2027",
        ])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("id: east-2027\n") && text.contains("title: 华东2027年度计划\n"));
    assert!(text.contains("start: 2027-01-01"));
    // A folder: the kind's file in it; the header reaches the schema in the folder.
    let sub = dir.path().join("reps");
    std::fs::create_dir(&sub).unwrap();
    planc()
        .args(["init", "--kind", "representative"])
        .arg(&sub)
        .assert()
        .success();
    let text = std::fs::read_to_string(sub.join("representative.plan.yaml")).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=schemas/plan.schema.zh.json"));
    planc()
        .args(["init", "--kind", "budget"])
        .arg(&sub)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("company"));
}

/// A fixture copied into a temp folder (with no planc.toml above it).
fn fixture(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("tests/fixtures/fix").join(name)).unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Comment lines of a YAML text (and trailing comments), in order.
fn comments(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.find('#').map(|i| l[i..].to_owned()))
        .collect()
}

fn fix_and_snapshot(name: &str, extra: &[&str], expect_left: &[&str]) -> String {
    let (_dir, path) = fixture(name);
    let before = std::fs::read_to_string(&path).unwrap();
    let before_codes = codes(&check_json(&path));
    assert!(!before_codes.is_empty(), "{name} has findings to fix");
    let out = planc().arg("fix").args(extra).arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_ne!(before, after, "{name}: fixed\n{err}");
    assert_eq!(comments(&before), comments(&after), "{name}: comments kept");
    let left = codes(&check_json(&path));
    assert_eq!(left, expect_left, "{name}: what remains\n{err}");
    insta::assert_snapshot!(format!("fix-{name}"), after);
    err
}

#[test]
fn fix_replaces_a_reference_typo_with_the_only_candidate() {
    let err = fix_and_snapshot("reference.plan.yaml", &[], &[]);
    assert!(err.contains("replace `jaingsu` with `jiangsu`"), "{err}");
    assert!(err.contains("fixed 1 finding"), "{err}");
}

#[test]
fn fix_recomputes_shares_at_the_precision_written() {
    fix_and_snapshot("share.plan.yaml", &[], &[]);
}

#[test]
fn fix_completes_a_quarter_split_with_the_remainder() {
    let err = fix_and_snapshot("quarter.plan.yaml", &[], &[]);
    assert!(err.contains("add Q3"), "{err}");
}

#[test]
fn fix_normalises_a_misspelt_money_unit() {
    fix_and_snapshot("unit.plan.yaml", &[], &[]);
}

#[test]
fn unsafe_fix_adds_the_unallocated_rest_only_when_asked() {
    let (_dir, path) = fixture("other.plan.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = planc().arg("fix").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the sum still does not add up");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--unsafe-fixes"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "safe mode: untouched"
    );
    fix_and_snapshot("other.plan.yaml", &["--unsafe-fixes"], &[]);
}

#[test]
fn fix_diff_shows_the_edit_and_writes_nothing() {
    let (_dir, path) = fixture("quarter.plan.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = planc().args(["fix", "--diff"]).arg(&path).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "--diff exits 1 when there are fixes"
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains("+++ b/"), "{diff}");
    assert!(
        diff.contains("+          - ref: Q3\n+            value: 8亿元\n"),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // Nothing to fix: exit 0, no diff.
    let out = planc()
        .args(["fix", "--diff", "examples/org/company.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn fix_leaves_a_file_that_does_not_parse_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.plan.yaml");
    let text = "kind: company\nid: x\n  title: [unclosed\nunit: 万圆\n";
    std::fs::write(&path, text).unwrap();
    planc()
        .arg("fix")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("does not parse as YAML"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn check_marks_fixable_findings_in_human_and_json_output() {
    let path = root().join("tests/fixtures/fix/reference.plan.yaml");
    let out = planc()
        .args(["check", "--no-cache"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("fixable with `planc fix`: replace `jaingsu` with `jiangsu`"),
        "{err}"
    );
    assert!(err.contains("1 fixable with `planc fix`"), "{err}");
    let json = check_json(&path);
    let f = &json["files"][0]["findings"][0];
    assert_eq!(f["code"], "P201");
    assert_eq!(f["fix"]["safety"], "safe");
    assert_eq!(f["fix"]["edits"][0]["replacement"], "jiangsu");
    let text = std::fs::read_to_string(&path).unwrap();
    let (s, e) = (
        f["fix"]["edits"][0]["start"].as_u64().unwrap() as usize,
        f["fix"]["edits"][0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "jaingsu");
    assert_eq!(json["summary"]["fixable"], 1);
    // SARIF carries the same edit.
    let out = planc()
        .args(["check", "--no-cache", "--format", "sarif"])
        .arg(&path)
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let change = &sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0];
    assert_eq!(
        change["replacements"][0]["insertedContent"]["text"],
        "jiangsu"
    );
    assert_eq!(change["replacements"][0]["deletedRegion"]["startLine"], 25);
    // A finding without a fix says so.
    let json = check_json(&root().join("tests/fixtures/rules/P701"));
    let f = &json["files"][0]["findings"][0];
    assert!(f["fix"].is_null(), "{f}");
    // The unsafe fix is marked as such.
    let json = check_json(&root().join("tests/fixtures/fix/other.plan.yaml"));
    let f = &json["files"][0]["findings"][0];
    assert_eq!(f["fix"]["safety"], "unsafe");
    assert_eq!(json["summary"]["fixable"], 0, "only safe fixes count");
}

#[test]
fn fix_speaks_chinese() {
    let (_dir, path) = fixture("reference.plan.yaml");
    let out = planc()
        .args(["--lang", "zh", "fix"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("已修复 1 个问题"), "{err}");
    assert!(err.contains("把 `jaingsu` 改成 `jiangsu`"), "{err}");
}

#[test]
fn fix_keeps_a_bom_and_adds_a_first_quarter_before_the_others() {
    // Start from the quarter fixture, Q1 missing instead of Q3, with a BOM.
    let quarter = std::fs::read_to_string(root().join("tests/fixtures/fix/quarter.plan.yaml"))
        .unwrap()
        .replace(
            "          - ref: Q1\n            value: 7亿元\n            focus: 开门红\n",
            "",
        )
        .replace(
            "          # Q3 忘了写\n",
            "          - ref: Q3\n            value: 8亿元\n",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q1.plan.yaml");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(quarter.as_bytes());
    std::fs::write(&path, &bytes).unwrap();
    planc().arg("fix").arg(&path).assert().success();
    let after = std::fs::read(&path).unwrap();
    assert!(after.starts_with(b"\xEF\xBB\xBF"), "the BOM is kept");
    let after = String::from_utf8(after[3..].to_vec()).unwrap();
    assert!(
        after.contains(
            "        items:\n          - ref: Q1\n            value: 7亿元\n          - ref: Q2\n"
        ),
        "{after}"
    );
}

#[test]
fn a_reference_with_two_candidates_is_not_fixed() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/fix/reference.plan.yaml"))
        .unwrap()
        .replace(
            "  - {id: zhejiang, name: 浙江省}\n",
            "  - {id: zhejiang, name: 浙江省}\n  - {id: jiangsv, name: 江苏二区}\n",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.plan.yaml");
    std::fs::write(&path, &text).unwrap();
    let json = check_json(&path);
    let f = &json["files"][0]["findings"][0];
    assert_eq!(f["code"], "P201");
    assert!(f["fix"].is_null(), "two near ids: no fix ({f})");
    planc().arg("fix").arg(&path).assert().code(1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// The quarter fixture with its items replaced.
fn quarters(items: &str) -> serde_json::Value {
    quarters_of("32亿元", items)
}

/// The quarter fixture with its total and its items replaced.
fn quarters_of(total: &str, items: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/fix/quarter.plan.yaml"))
        .unwrap()
        .replace("value: 32亿元", &format!("value: {total}"));
    let start = text.find("          - ref: Q1").unwrap();
    let end = text.find("budget:").unwrap();
    let text = format!("{}{items}{}", &text[..start], &text[end..]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.plan.yaml");
    std::fs::write(&path, text).unwrap();
    check_json(&path)
}

fn p304_fix(json: &serde_json::Value) -> Option<serde_json::Value> {
    json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "P304" && f["message"].as_str().unwrap().contains("lacks"))
        .map(|f| f["fix"].clone())
        .filter(|f| !f.is_null())
}

#[test]
fn a_quarter_is_only_added_when_the_rest_is_certain() {
    let q = |k: &str, v: &str| format!("          - {{ ref: {k}, value: {v} }}\n");
    // One missing, the rest known: fixed with the remainder, in flow style.
    let fix = p304_fix(&quarters(
        &[q("Q1", "7亿元"), q("Q2", "8亿元"), q("Q3", "8亿元")].concat(),
    ));
    let fix = fix.expect("a fix");
    assert_eq!(
        fix["edits"][0]["replacement"],
        "          - { ref: Q4, value: 9亿元 }\n"
    );
    // A quarter listed twice: which one is wrong is not certain.
    let twice = [q("Q1", "7亿元"), q("Q2", "8亿元"), q("Q2", "8亿元")].concat();
    assert!(p304_fix(&quarters(&twice)).is_none());
    // Two missing.
    assert!(p304_fix(&quarters(&[q("Q1", "7亿元"), q("Q2", "8亿元")].concat())).is_none());
    // The others already exceed the total.
    let over = [q("Q1", "17亿元"), q("Q2", "8亿元"), q("Q3", "8亿元")].concat();
    assert!(p304_fix(&quarters(&over)).is_none());
    // A placeholder among the others.
    let unknown = [q("Q1", "XX亿元"), q("Q2", "8亿元"), q("Q3", "8亿元")].concat();
    assert!(p304_fix(&quarters(&unknown)).is_none());
    // A count among money.
    let count = [q("Q1", "7家"), q("Q2", "8亿元"), q("Q3", "8亿元")].concat();
    assert!(p304_fix(&quarters(&count)).is_none());
    // Nothing left over: Q4 of 0 is still the remainder.
    let all = [q("Q1", "16亿元"), q("Q2", "8亿元"), q("Q3", "8亿元")].concat();
    let fix = p304_fix(&quarters(&all)).expect("a fix");
    assert_eq!(
        fix["edits"][0]["replacement"],
        "          - { ref: Q4, value: 0亿元 }\n"
    );
}

#[test]
fn a_quarter_of_counts_is_added_when_the_others_count_the_same_thing() {
    let q = |k: &str, v: &str| format!("          - {{ ref: {k}, value: {v} }}\n");
    let fix = p304_fix(&quarters_of(
        "100家",
        &[q("Q1", "20家"), q("Q2", "30家"), q("Q3", "25家")].concat(),
    ))
    .expect("a fix");
    assert_eq!(
        fix["edits"][0]["replacement"],
        "          - { ref: Q4, value: 25家 }\n"
    );
    // Another unit among the counts: not added up.
    let mixed = [q("Q1", "20个"), q("Q2", "30家"), q("Q3", "25家")].concat();
    assert!(p304_fix(&quarters_of("100家", &mixed)).is_none());
}

#[test]
fn a_quarter_after_a_block_scalar_keeps_the_yaml_valid() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/fix/quarter.plan.yaml"))
        .unwrap()
        .replace(
            "          - ref: Q4\n            value: 9亿元   # 年终冲刺\n",
            "",
        )
        .replace(
            "          # Q3 忘了写\n",
            "          - ref: Q3\n            value: 8亿元\n            focus: |\n              持续跟进，\n              巩固成果。\n\n          # Q4 忘了写\n",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.plan.yaml");
    std::fs::write(&path, &text).unwrap();
    planc().arg("fix").arg(&path).assert().success();
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("              巩固成果。\n"), "{after}");
    assert!(
        after.contains("          - ref: Q4\n            value: 9亿元\n"),
        "{after}"
    );
    assert!(codes(&check_json(&path)).is_empty(), "{after}");
    assert_eq!(comments(&text), comments(&after));
}

#[test]
fn no_other_item_when_there_is_one_or_the_figures_are_counts() {
    let base = std::fs::read_to_string(root().join("tests/fixtures/fix/other.plan.yaml")).unwrap();
    let p101_fix = |text: String| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.plan.yaml");
        std::fs::write(&path, text).unwrap();
        let json = check_json(&path);
        let f = json["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "P101")
            .cloned()
            .expect("P101 fires");
        f["fix"].clone()
    };
    assert!(!p101_fix(base.clone()).is_null(), "the fixture has the fix");
    let with_other = base.replace(
        "          - { ref: zhejiang, value: 3亿元 }\n",
        "          - { ref: zhejiang, value: 3亿元 }\n          - { ref: 其他, value: 1亿元 }\n",
    );
    assert!(
        p101_fix(with_other).is_null(),
        "an 其他 item exists already"
    );
    let counts = base
        .replace("value: 10亿元", "value: 100家")
        .replace("value: 5亿元", "value: 50家")
        .replace("value: 3亿元", "value: 30家");
    assert!(p101_fix(counts).is_null(), "hospitals are not money");
}

#[test]
fn a_reference_written_as_a_block_scalar_gets_no_fix() {
    // `ref: >-` with the id on the next line: its span runs to the next key, so an edit
    // would swallow `value:`. The finding stays, without a fix, and `fix` leaves the file.
    let (_dir, path) = fixture("reference.plan.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let block = text.replacen(
        "          - ref: jaingsu   # 江苏：核心市场\n",
        "          - ref: >-\n              jaingsu\n",
        1,
    );
    assert_ne!(text, block);
    std::fs::write(&path, &block).unwrap();
    let json = check_json(&path);
    let p201: Vec<&serde_json::Value> = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "P201")
        .collect();
    assert_eq!(p201.len(), 1, "{json:#}");
    assert!(p201[0]["fix"].is_null(), "{json:#}");
    planc().arg("fix").arg(&path).output().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), block);
    assert!(!codes(&check_json(&path)).contains(&"P004".to_owned()));
}

/// A share is never "fixed" from a value that cannot be read as money of the whole:
/// `9600万元整` is reported, and the correct `share: 40%` stays as written.
#[test]
fn a_safe_fix_never_computes_from_an_unreadable_value() {
    let plan = "kind: company\nid: sw-2027\ntitle: 西南大区2027年度计划\nstatus: draft\n\
period: {start: 2027-01-01, end: 2027-12-31}\nunit: 万元\nregions:\n  - {id: sichuan, name: 四川省}\n\
  - {id: chongqing, name: 重庆市}\nswot:\n  strengths:\n    - {title: 产品优势, text: 临床数据}\n\
targets:\n  - id: sales\n    name: 年度销售总额\n    value: 24000万元\n    breakdowns:\n\
      - dimension: province\n        items:\n          - {ref: sichuan, value: 9600万元整, share: 40%}\n\
          - {ref: chongqing, value: 14400万元, share: 60%}\nstrategies:\n  - id: s1\n    name: 策略\n\
    kpis:\n      - {metric: 项目数量, comparator: \">=\", target: 12项}\nbudget:\n  total: 3000万元\n\
risks:\n  - {id: r1, name: 政策风险, description: 集采, response: 测算}\n\
cadence:\n  - {name: 月度销售会议, frequency: monthly}\n";
    let dir = crate::util::temp_with(&[("r.plan.yaml", plan)]);
    let out = crate::util::planc()
        .current_dir(dir.path())
        .args(["fix", "r.plan.yaml", "--lang", "en"])
        .output()
        .unwrap();
    let after = std::fs::read_to_string(dir.path().join("r.plan.yaml")).unwrap();
    assert!(after.contains("share: 40%"), "{after}");
    assert_eq!(after, plan, "nothing is rewritten");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("0%`"), "{err}");
}

/// A fix is verified before it is applied: `jaingsu` → `jiangsu` where the breakdown
/// already has `jiangsu` would make a duplicate item, so it is not applied, and `fix`
/// says why.
#[test]
fn a_fix_that_would_raise_a_new_finding_is_not_applied() {
    let (_dir, path) = fixture("reference.plan.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "          - ref: \"zhejiang\"\n            value: 4亿元",
        "          - ref: jiangsu\n            value: 4亿元",
    );
    std::fs::write(&path, &text).unwrap();
    let out = planc()
        .args(["fix", "--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{err}");
    assert!(err.contains("not applied: the fix would raise"), "{err}");
}
