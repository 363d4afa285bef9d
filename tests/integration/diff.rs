//! `planc diff` as a reviewer runs it: realistic edits of the bundled examples, the
//! summary line, Markdown / terminal / JSON output, directories, `--git` and git's
//! external diff and textconv drivers.

use std::path::Path;
use std::process::Command as Std;

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{planc, planc_env, root, temp_with};

const COMPANY: &str = "examples/org/company.plan.yaml";
const EAST: &str = "examples/org/east-china.plan.yaml";

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

/// The example with each `from` replaced by `to`; every `from` must occur exactly once.
fn edit(rel: &str, edits: &[(&str, &str)]) -> String {
    let mut text = read(rel);
    for (from, to) in edits {
        assert_eq!(
            text.matches(from).count(),
            1,
            "`{from}` must occur once in {rel}"
        );
        text = text.replacen(from, to, 1);
    }
    text
}

/// A temporary folder with `old/<name>` (the example) and `new/<name>` (the edit).
fn pair(rel: &str, new_text: &str) -> tempfile::TempDir {
    let name = Path::new(rel)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    temp_with(&[
        (&format!("old/{name}"), &read(rel)),
        (&format!("new/{name}"), new_text),
    ])
}

/// Runs `planc diff old/<name> new/<name>` with extra arguments; returns stdout.
fn diff(dir: &Path, rel: &str, args: &[&str], code: i32) -> String {
    let name = Path::new(rel).file_name().unwrap().to_str().unwrap();
    let out = planc_env()
        .current_dir(dir)
        .arg("diff")
        .args(args)
        .arg(format!("old/{name}"))
        .arg(format!("new/{name}"))
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

const PROVINCE_MOVE: &[(&str, &str)] = &[
    (
        "          - ref: shanghai\n            value: 2.1亿元",
        "          - ref: shanghai\n            value: 2.2亿元",
    ),
    (
        "          - ref: jiangsu\n            value: 2.45亿元",
        "          - ref: jiangsu\n            value: 2.35亿元",
    ),
];

#[test]
fn a_province_target_moved_to_another_province() {
    let dir = pair(EAST, &edit(EAST, PROVINCE_MOVE));
    let md = diff(dir.path(), EAST, &["--format", "md"], 0);
    // The total did not change: the summary names the cells, not a target change.
    assert_eq!(first_line(&md), "**2 处分解调整**");
    // Money as the region's report prints it (万元: its amounts need it), not as written.
    assert!(md.contains("| 华东大区年度销售指标 › 按省市分解 › 上海市 | 指标值 | 21,000万元 | 22,000万元 | +1,000万元 | +4.8% |"), "{md}");
    assert!(md.contains("| −1,000万元 | −4.1% |"), "{md}");
    insta::assert_snapshot!("md_province_moved", md);
}

const NEW_CAMPAIGN: &str = "  - id: xinghuo
    name: 战役四：“星火计划”
    theme: 县域市场试点
    product: qingfeining
    regions: [anhui, fujian]
    objective: 在皖南、闽北各选2个县域开展基层市场试点。
    budget: 500万元
    kpis:
      - id: xinghuo-counties
        metric: 试点县域
        comparator: \">=\"
        target: 4个

# 第三部分：执行保障与资源需求";

#[test]
fn a_campaign_added() {
    let text = edit(EAST, &[("# 第三部分：执行保障与资源需求", NEW_CAMPAIGN)]);
    let dir = pair(EAST, &text);
    let human = diff(dir.path(), EAST, &[], 0);
    assert_eq!(first_line(&human), "1 项战役调整");
    assert!(human.contains("+ 战役四：“星火计划”: 500万元"), "{human}");
    insta::assert_snapshot!("human_campaign_added", human);
    let en = diff(dir.path(), EAST, &["--lang", "en"], 0);
    assert_eq!(first_line(&en), "1 campaign changed");
}

#[test]
fn a_budget_line_split_in_two() {
    let text = edit(
        COMPANY,
        &[
            ("      amount: 48600万元", "      amount: 36000万元"),
            ("      share: 45%", "      share: 33.3%"),
            (
                "含策略二、策略三专项资金。\n",
                "含策略二专项资金。\n    - name: 数字化推广费用\n      amount: 12600万元\n      share: 11.7%\n      note: 策略三专项资金（线上学术平台、CRM）。\n",
            ),
        ],
    );
    let dir = pair(COMPANY, &text);
    let md = diff(dir.path(), COMPANY, &["--format", "md", "--lang", "en"], 0);
    // The total stayed: the summary says how much moved between the lines.
    assert_eq!(
        first_line(&md),
        "**CNY 126.0m of budget moved between 2 lines**"
    );
    let zh = diff(dir.path(), COMPANY, &[], 0);
    assert_eq!(first_line(&zh), "预算 12,600万元 在 2 个科目间调整");
    // Money in millions in English, shares in points, a real minus sign.
    assert!(
        md.contains("| CNY 486.0m | CNY 360.0m | −CNY 126.0m | −25.9% |"),
        "{md}"
    );
    assert!(md.contains("| 45% | 33.3% | −11.7 pp |  |"), "{md}");
    assert!(
        md.contains("| 数字化推广费用 | added |  | CNY 126.0m | +CNY 126.0m |  |"),
        "{md}"
    );
    insta::assert_snapshot!("md_budget_split_en", md);
}

#[test]
fn a_unit_rewritten_is_no_change() {
    let text = edit(
        COMPANY,
        &[
            (
                "    value: 36亿元\n    last_year: 32亿元",
                "    value: 360000万元\n    last_year: 3200000000元",
            ),
            ("  total: 108000万元", "  total: 10.8亿元"),
            ("      amount: 48600万元", "      amount: 4.86亿元"),
            (
                "            value: 9.072亿元",
                "            value: 90720万元",
            ),
            ("            value: 5000万元", "            value: 0.5亿"),
        ],
    );
    let dir = pair(COMPANY, &text);
    let human = diff(dir.path(), COMPANY, &["--exit-code"], 0);
    assert_eq!(first_line(&human), "无实质变化");
    assert!(!human.contains("\n    ~ "), "{human}");
    let json: Value =
        serde_json::from_str(&diff(dir.path(), COMPANY, &["--format", "json"], 0)).unwrap();
    assert_eq!(json["summary"]["changed"], false);
    assert_eq!(json["summary"]["changes"], 0);
}

#[test]
fn a_kpi_target_changed() {
    let text = edit(
        COMPANY,
        &[(
            "    comparator: \">=\"\n    target: 30%\n    frequency: quarterly",
            "    comparator: \">=\"\n    target: 35%\n    frequency: quarterly",
        )],
    );
    let dir = pair(COMPANY, &text);
    let md = diff(dir.path(), COMPANY, &["--format", "md"], 0);
    assert_eq!(first_line(&md), "**1 项KPI调整**");
    assert!(
        md.contains("| 目标值 | 30% | 35% | +5 个百分点 |  |"),
        "{md}"
    );
    insta::assert_snapshot!("md_kpi_target", md);
}

#[test]
fn a_risk_removed() {
    let from = read(EAST);
    let start = from.find("  - id: r-expansion").unwrap();
    let end = from.find("\nclosing:").unwrap();
    let text = format!("{}{}", &from[..start], &from[end + 1..]);
    let dir = pair(EAST, &text);
    let human = diff(dir.path(), EAST, &[], 0);
    assert_eq!(first_line(&human), "1 项风险调整");
    assert!(human.contains("− 新兴市场开拓不及预期"), "{human}");
    insta::assert_snapshot!("human_risk_removed", human);
}

/// A pull request touching several parts of the company plan at once.
fn company_edit() -> String {
    edit(
        COMPANY,
        &[
            ("    value: 36亿元", "    value: 36.2亿元"),
            (
                "            value: 9.072亿元",
                "            value: 9.272亿元",
            ),
            ("  total: 108000万元", "  total: 110000万元"),
            ("      amount: 48600万元", "      amount: 50600万元"),
            ("    budget: 2500万元", "    budget: 3500万元"),
            ("    target: 300家", "    target: 320家"),
            ("status: final", "status: draft"),
        ],
    )
}

#[test]
fn the_summary_line_comes_first_with_exact_figures() {
    let dir = pair(COMPANY, &company_edit());
    let md = diff(dir.path(), COMPANY, &["--format", "md"], 0);
    assert_eq!(
        first_line(&md),
        "**状态 定稿 → 草稿，目标 +2,000万元（+0.6%），1 处分解调整，1 项策略调整，1 项KPI调整，预算 108,000万元 → 110,000万元，预算 1 个科目调整**"
    );
    insta::assert_snapshot!("md_company_pr", md);
    let human = diff(dir.path(), COMPANY, &["--lang", "en"], 0);
    assert_eq!(
        first_line(&human),
        "status final → draft, target +CNY 20.0m (+0.6%), 1 breakdown cell changed, 1 strategy changed, 1 KPI changed, budget CNY 1,080.0m → CNY 1,100.0m, 1 budget line changed"
    );
    insta::assert_snapshot!("human_company_pr_en", human);
}

#[test]
fn money_follows_the_unit_the_reports_are_asked_for() {
    let dir = pair(COMPANY, &company_edit());
    // `--money-unit`: every amount in it, one number of decimals (the report's two).
    let forced = diff(dir.path(), COMPANY, &["--money-unit", "亿元"], 0);
    assert!(
        forced.contains("年度销售总额 · 指标值: 36.00亿元 → 36.20亿元 (+0.20亿元, +0.6%)"),
        "{forced}"
    );
    assert!(forced.contains("预算 10.80亿元 → 11.00亿元"), "{forced}");
    // planc.toml's `[render] money_unit` beside the plans does the same.
    std::fs::write(
        dir.path().join("planc.toml"),
        "[render]\nmoney_unit = \"亿元\"\n",
    )
    .unwrap();
    let configured = diff(dir.path(), COMPANY, &[], 0);
    assert_eq!(configured, forced);
    // A plan's `report_unit` wins over planc.toml; `--money-unit` wins over both.
    let with_unit = |t: &str| t.replacen("unit: 万元\n", "unit: 万元\nreport_unit: 元\n", 1);
    for side in ["old", "new"] {
        let f = dir.path().join(side).join("company.plan.yaml");
        std::fs::write(&f, with_unit(&std::fs::read_to_string(&f).unwrap())).unwrap();
    }
    let own = diff(dir.path(), COMPANY, &[], 0);
    assert!(
        own.contains("3,600,000,000元 → 3,620,000,000元 (+20,000,000元, +0.6%)"),
        "{own}"
    );
    assert_eq!(
        diff(dir.path(), COMPANY, &["--money-unit", "亿元"], 0),
        forced
    );
    // A unit planc does not know is a usage error naming it.
    planc_env()
        .current_dir(dir.path())
        .args([
            "diff",
            "--money-unit",
            "美元",
            "old/company.plan.yaml",
            "new/company.plan.yaml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("美元"));
}

#[test]
fn json_validates_against_the_committed_schema() {
    let dir = pair(COMPANY, &company_edit());
    let out = diff(dir.path(), COMPANY, &["--format", "json"], 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/diff.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(json["version"], 1);
    let target = json["files"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == serde_json::json!(["targets", "sales", "value"]))
        .expect("the sales target changed");
    assert_eq!(target["old"]["raw"], "36亿元");
    assert_eq!(target["old"]["value"], "3600000000");
    assert_eq!(target["new"]["value"], "3620000000");
    assert_eq!(target["delta"], "20000000");
    assert_eq!(target["display"]["delta"], "+2,000万元");
    // A JSON document that breaks the schema is caught: the test can fail.
    let mut broken = json.clone();
    broken["files"][0]["changes"][0]["kind"] = Value::from("moved");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn exit_code_reports_changes_like_git_diff() {
    let dir = pair(COMPANY, &company_edit());
    diff(dir.path(), COMPANY, &[], 0);
    diff(dir.path(), COMPANY, &["--exit-code"], 1);
    let same = pair(COMPANY, &read(COMPANY));
    diff(same.path(), COMPANY, &["--exit-code"], 0);
}

#[test]
fn usage_and_unloadable_files_exit_2_with_the_file_named() {
    planc()
        .args(["diff", COMPANY])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("two plan files"));
    planc()
        .args(["diff", COMPANY, "examples/org"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "both be files or both be directories",
        ));
    let dir = temp_with(&[
        ("old/x.plan.yaml", &read(COMPANY)),
        (
            "new/x.plan.yaml",
            &read(COMPANY).replace("kind: company", "kind: kompany"),
        ),
    ]);
    planc()
        .current_dir(dir.path())
        .args(["diff", "old/x.plan.yaml", "new/x.plan.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "new/x.plan.yaml does not load as a plan",
        ))
        .stderr(predicate::str::contains("P004"));
}

#[test]
fn directories_pair_plans_by_id_and_report_added_and_removed() {
    let org = root().join("examples/org");
    let mut files: Vec<(String, String)> = Vec::new();
    for p in crate::util::plans_under(&org) {
        let rel = p
            .strip_prefix(&org)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&p).unwrap();
        files.push((format!("old/{rel}"), text.clone()));
        match rel.as_str() {
            // Removed in the new version.
            "north-china.plan.yaml" => {}
            // Renamed: still paired by its id.
            "south-china.plan.yaml" => files.push(("new/south.plan.yaml".into(), text)),
            "east-china.plan.yaml" => files.push((format!("new/{rel}"), edit(EAST, PROVINCE_MOVE))),
            _ => files.push((format!("new/{rel}"), text)),
        }
    }
    let west = read("examples/org/north-china.plan.yaml")
        .replace("id: north-china-2026", "id: west-china-2026");
    files.push(("new/west-china.plan.yaml".into(), west));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = temp_with(&refs);
    let out = planc_env()
        .current_dir(dir.path())
        .args(["diff", "old", "new", "--format", "json", "--exit-code"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let status = |id: &str| {
        json["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["plan_id"] == id)
            .map(|f| f["status"].as_str().unwrap().to_owned())
    };
    assert_eq!(status("east-china-2026").as_deref(), Some("modified"));
    assert_eq!(status("south-china-2026").as_deref(), Some("unchanged"));
    assert_eq!(status("north-china-2026").as_deref(), Some("removed"));
    assert_eq!(status("west-china-2026").as_deref(), Some("added"));
    assert_eq!(status("company-2026").as_deref(), Some("unchanged"));
    assert_eq!(
        json["summary"]["text"],
        "1 份计划有调整，新增 1 份计划，删除 1 份计划"
    );
    let md = planc_env()
        .current_dir(dir.path())
        .args(["diff", "old", "new", "--format", "md"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!("md_directories", String::from_utf8(md).unwrap());
}

#[test]
fn textconv_is_canonical_so_a_unit_rewrite_reads_the_same() {
    let dir = temp_with(&[
        ("a.plan.yaml", &read(COMPANY)),
        (
            "b.plan.yaml",
            &edit(COMPANY, &[("  total: 108000万元", "  total: 10.8亿元")]),
        ),
        (
            "c.plan.yaml",
            &edit(COMPANY, &[("  total: 108000万元", "  total: 110000万元")]),
        ),
    ]);
    let conv = |f: &str| {
        let out = planc()
            .current_dir(dir.path())
            .args(["diff", "--textconv", f])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let (a, b, c) = (
        conv("a.plan.yaml"),
        conv("b.plan.yaml"),
        conv("c.plan.yaml"),
    );
    assert_eq!(a, b);
    assert!(a.contains("budget › total: 10.8亿元\n"), "{a}");
    assert!(c.contains("budget › total: 11亿元\n"), "{c}");
}

/// Runs git in `dir`; `None` when git is not installed.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Std::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("PLANC_LANG")
        .env("GIT_PAGER", "cat")
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// A repository with the company plan committed twice (the second commit edits it).
fn repo() -> Option<tempfile::TempDir> {
    let dir = temp_with(&[("plans/company.plan.yaml", &read(COMPANY))]);
    let d = dir.path();
    if git(d, &["--version"]).is_none() {
        eprintln!("skipped: `git` is not installed");
        return None;
    }
    git(d, &["init", "-q"])?;
    git(d, &["config", "user.email", "test@example.com"])?;
    git(d, &["config", "user.name", "Test"])?;
    git(d, &["add", "."])?;
    git(d, &["commit", "-qm", "plan"])?;
    std::fs::write(d.join("plans/company.plan.yaml"), company_edit()).unwrap();
    git(d, &["commit", "-qam", "raise the target"])?;
    Some(dir)
}

fn planc_bin() -> String {
    assert_cmd::cargo::cargo_bin("planc")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn git_revisions_are_compared_through_the_git_cli() {
    let Some(dir) = repo() else { return };
    let d = dir.path();
    let out = |args: &[&str]| {
        let o = planc_env()
            .current_dir(d)
            .arg("diff")
            .args(args)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        String::from_utf8(o).unwrap()
    };
    let range = out(&["--git", "HEAD~1..HEAD"]);
    assert!(
        range.starts_with("状态 定稿 → 草稿，目标 +2,000万元（+0.6%）"),
        "{range}"
    );
    assert!(
        range.contains("HEAD~1:plans/company.plan.yaml → HEAD:plans/company.plan.yaml"),
        "{range}"
    );
    // The working tree against HEAD: nothing yet, then a KPI edit.
    assert_eq!(out(&["--git", "HEAD", "plans"]), "no changes\n");
    let path = d.join("plans/company.plan.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("    target: 320家", "    target: 330家");
    std::fs::write(&path, text).unwrap();
    let wt = out(&["--git", "HEAD", "plans"]);
    assert!(wt.starts_with("1 项KPI调整\n"), "{wt}");
    assert!(wt.contains("320家 → 330家 (+10家, +3.1%)"), "{wt}");
    planc()
        .current_dir(d)
        .args(["diff", "--git", "nosuchrev"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("git"));
}

#[test]
fn git_diff_and_log_read_well_with_the_planc_drivers() {
    let Some(dir) = repo() else { return };
    let d = dir.path();
    std::fs::write(d.join(".gitattributes"), "*.plan.yaml diff=planc\n").unwrap();
    let bin = planc_bin();
    // External diff driver: git passes its seven arguments.
    let command = format!("diff.planc.command=\"{bin}\" diff");
    let shown = git(d, &["-c", &command, "diff", "HEAD~1", "HEAD"]).unwrap();
    assert!(
        shown.starts_with("状态 定稿 → 草稿，目标 +2,000万元（+0.6%）"),
        "{shown}"
    );
    assert!(
        shown.contains("~ 年度销售总额 · 指标值: 360,000万元 → 362,000万元 (+2,000万元, +0.6%)"),
        "{shown}"
    );
    // An added file (old side /dev/null).
    std::fs::copy(root().join(EAST), d.join("plans/east.plan.yaml")).unwrap();
    git(d, &["add", "."]).unwrap();
    let added = git(d, &["-c", &command, "diff", "--cached"]).unwrap();
    assert!(added.contains("新增计划"), "{added}");
    // textconv: `git log -p` shows one meaningful line per changed figure.
    let textconv = format!("diff.planc.textconv=\"{bin}\" diff --textconv");
    let log = git(
        d,
        &["-c", &textconv, "log", "-p", "-1", "HEAD", "--format="],
    )
    .unwrap();
    assert!(
        log.contains("-targets › sales(年度销售总额) › value: 36亿元"),
        "{log}"
    );
    assert!(
        log.contains("+targets › sales(年度销售总额) › value: 36.2亿元"),
        "{log}"
    );
}

#[test]
fn phases_and_actions_added_removed_and_changed() {
    const LAUNCH: &str = "examples/launch.plan.yaml";
    let from = read(LAUNCH);
    let start = from.find("          - id: \"1.3\"").unwrap();
    let end = from.find("      - id: \"2\"").unwrap();
    let text = format!("{}{}", &from[..start], &from[end..]);
    let dir = pair(
        LAUNCH,
        &text
            .replacen(
                "    end: 2026-03-31\n    goal: 蓄势待发",
                "    end: 2026-04-15\n    goal: 蓄势待发",
                1,
            )
            .replacen(
                "            title: 经销商网络构建",
                "            title: 经销商与DTP药房网络构建",
                1,
            ),
    );
    let human = diff(dir.path(), LAUNCH, &[], 0);
    assert_eq!(first_line(&human), "1 个阶段调整");
    assert!(
        human.contains("~ 第一阶段：上市前准备期 · 结束: 2026-03-31 → 2026-04-15"),
        "{human}"
    );
    assert!(
        human.contains("− 第一阶段：上市前准备期 › 市场准入与渠道铺垫 › 标杆医院准入攻坚"),
        "{human}"
    );
    insta::assert_snapshot!("human_phases_and_actions", human);
}

#[test]
fn status_and_period_changes_lead_the_summary() {
    let text = edit(
        EAST,
        &[
            ("status: final", "status: draft"),
            (
                "  end: 2026-12-31\n  label: 2026年度",
                "  end: 2027-03-31\n  label: 2026年度",
            ),
            ("owner: 陈志远", "owner: 王建国"),
        ],
    );
    let dir = pair(EAST, &text);
    let human = diff(dir.path(), EAST, &[], 0);
    assert_eq!(
        first_line(&human),
        "状态 定稿 → 草稿，计划周期调整，其他 1 处修改"
    );
    assert!(
        human.contains("~ 计划周期 · 结束: 2026-12-31 → 2027-03-31"),
        "{human}"
    );
    assert!(human.contains("~ 负责人: 陈志远 → 王建国"), "{human}");
    let en = diff(dir.path(), EAST, &["--lang", "en"], 0);
    assert_eq!(
        first_line(&en),
        "status final → draft, period changed, 1 other change"
    );
}
