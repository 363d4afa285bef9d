//! Everyday input from a Chinese keyboard: each slip gives one finding, at its character,
//! in the user's language, and `planc fix` puts the plan back as it was meant.

use std::path::Path;

use crate::util::{planc, root};

/// The share fixture with its shares right: a plan that checks clean.
fn clean() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/fix/share.plan.yaml"))
        .unwrap()
        .replace("share: 55%", "share: 60%")
        .replace("share: 15.0%", "share: 10.0%")
}

fn check(dir: &Path, text: &str) -> (String, serde_json::Value) {
    let path = dir.join("p.plan.yaml");
    std::fs::write(&path, text).unwrap();
    let human = planc()
        .args(["check", "--lang", "zh"])
        .arg(&path)
        .output()
        .unwrap();
    let json = planc()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&human.stderr).into_owned(),
        serde_json::from_slice(&json.stdout).unwrap(),
    )
}

#[test]
fn each_slip_gives_one_finding_at_its_character_and_fix_restores_the_plan() {
    let clean = clean();
    let cases = [
        ("title: ", "title： ", "`title` 后面是全角冒号", "5:6"),
        (
            "{ ref: xinmaian, value: 6亿元",
            "{ ref: xinmaian，value: 6亿元",
            "全角逗号",
            "25:28",
        ),
        (
            "{ ref: xinmaian, value: 6亿元",
            "{ ref: xinmaian, value：6亿元",
            "`value` 后面是全角冒号",
            "25:35",
        ),
        (
            "value: 4亿元, share: 40%",
            "value: 40,000万元, share: 40%",
            "逗号会结束一个值",
            "26:40",
        ),
        ("value: 6亿元", "value: ６亿元", "用了全角数字", "25:37"),
        (
            "total: 6000万元",
            "total: 6000万元整",
            "`万元整` 不是单位",
            "28:10",
        ),
        ("total: 6000万元", "total: 6000W", "`W` 不是单位", "28:10"),
    ];
    let tmp = tempfile::tempdir().unwrap();
    for (right, slip, says, at) in cases {
        assert!(clean.contains(right), "{right}");
        let text = clean.replacen(right, slip, 1);
        let (human, json) = check(tmp.path(), &text);
        let findings = json["files"][0]["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{slip}: one finding\n{human}");
        assert!(human.contains(says), "{slip}\n{human}");
        assert!(
            human.contains(&format!("p.plan.yaml:{at}]")),
            "{slip}\n{human}"
        );
        let out = planc()
            .args(["fix", "--lang", "zh"])
            .arg(tmp.path().join("p.plan.yaml"))
            .output()
            .unwrap();
        let fixed = std::fs::read_to_string(tmp.path().join("p.plan.yaml")).unwrap();
        let (after, _) = check(tmp.path(), &fixed);
        assert!(
            after.contains("0 个错误"),
            "{slip}: fixed\n{}\n{after}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A YAML syntax error speaks the user's language: no parser English under `--lang zh`.
#[test]
fn yaml_syntax_errors_in_chinese_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = clean();
    for broken in [
        clean.replacen(
            "period: {start: 2026-01-01, end: 2026-12-31}",
            "period: {start: 2026-01-01, end: 2026-12-31",
            1,
        ),
        clean.replacen("title: ", "  title: ", 1),
    ] {
        let (human, _) = check(tmp.path(), &broken);
        let first = human.lines().find(|l| l.contains('×')).unwrap_or_default();
        assert!(
            !first.chars().any(|c| c.is_ascii_lowercase()),
            "English in: {first}\n{human}"
        );
        assert!(human.contains("常见原因"), "{human}");
    }
}

/// A quarter split written as shares of the target (`value: 20%`): read as the figures
/// they give; shares that do not add up to 100 % are one finding that says so in shares.
#[test]
fn breakdown_items_written_as_shares() {
    let tmp = tempfile::tempdir().unwrap();
    let split = |q4: &str| {
        clean().replacen(
            "          - { ref: qingfeining, value: 4亿元, share: 40% }\n",
            &format!(
                "          - {{ ref: qingfeining, value: 4亿元, share: 40% }}\n      - dimension: quarter\n        items:\n          - {{ ref: Q1, value: 20% }}\n          - {{ ref: Q2, value: 25% }}\n          - {{ ref: Q3, value: 25% }}\n          - {{ ref: Q4, value: {q4} }}\n"
            ),
            1,
        )
    };
    let (human, json) = check(tmp.path(), &split("30%"));
    assert_eq!(json["summary"]["errors"], 0, "{human}");
    assert_eq!(json["summary"]["warnings"], 0, "{human}");
    let (human, json) = check(tmp.path(), &split("29%"));
    let findings = json["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{human}");
    assert_eq!(findings[0]["code"], "P101", "{human}");
    assert!(human.contains("占比合计 99%，不是 100%"), "{human}");
}
