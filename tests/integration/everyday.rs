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

/// Breakdown items written only as `share:` (no `value:`): the figure follows from the
/// target; the shares must add up to 100 % as written; a share that cannot be read gives
/// its own finding and no figure; an item with neither is one finding at the item.
#[test]
fn breakdown_items_written_as_share_without_value() {
    let tmp = tempfile::tempdir().unwrap();
    let split = |q4: &str| {
        clean().replacen(
            "          - { ref: qingfeining, value: 4亿元, share: 40% }\n",
            &format!(
                "          - {{ ref: qingfeining, value: 4亿元, share: 40% }}\n      - dimension: quarter\n        items:\n          - {{ ref: Q1, share: 20% }}\n          - {{ ref: Q2, share: 25% }}\n          - {{ ref: Q3, value: 2.5亿元 }}\n          - {{ ref: Q4, {q4} }}\n"
            ),
            1,
        )
    };
    let (human, json) = check(tmp.path(), &split("share: 30%"));
    assert_eq!(json["summary"]["errors"], 0, "{human}");
    assert_eq!(json["summary"]["warnings"], 0, "{human}");
    // The figures follow from the target (10亿元 × 30 % = CNY 300m).
    let path = tmp.path().join("p.plan.yaml");
    let md = planc()
        .args(["render", "--format", "md", "-o", "-"])
        .arg(&path)
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("| Q4 | 300 | 30.0% |"), "{md}");
    // Short by 1 %: one finding, at the breakdown, in values (the items mix figures and
    // shares) or shares, never a missing `value`.
    let (human, json) = check(tmp.path(), &split("share: 29%"));
    let findings = json["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{human}");
    assert_eq!(findings[0]["code"], "P101", "{human}");
    // A share that is not a percentage: its own finding, nothing computed from it.
    let (human, json) = check(tmp.path(), &split("share: 3亿元"));
    let codes: Vec<_> = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect();
    assert!(codes.contains(&"P601".to_owned()), "{human}");
    assert!(
        !human.contains("``"),
        "no finding about a value nobody wrote: {human}"
    );
    // Neither value nor share: one finding at the item, in Chinese.
    let (human, json) = check(tmp.path(), &split("name: 第四季度"));
    let findings = json["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{human}");
    assert_eq!(findings[0]["code"], "P004", "{human}");
    assert!(human.contains("value"), "{human}");
}

/// A flood of one mistake is kept to a documented number of findings per file and code;
/// the rest are one finding that says how many were left out, in every output format.
#[test]
fn a_flood_of_findings_is_capped_and_counted() {
    let src = std::fs::read_to_string(root().join("examples/org/company.plan.yaml")).unwrap();
    let start = src.find("  strengths:\n").unwrap();
    let end = src.find("  weaknesses:\n").unwrap();
    let items: String = (0..2500).map(|i| format!("    - {i}\n")).collect();
    let text = format!("{}  strengths:\n{items}{}", &src[..start], &src[end..]);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("flood.plan.yaml");
    std::fs::write(&path, text).unwrap();
    let out = planc()
        .args(["check", "--format", "json", "--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1001);
    let last = findings.iter().find(|f| {
        f["message"]
            .as_str()
            .unwrap()
            .contains("1500 more findings of this kind were left out")
    });
    assert!(last.is_some(), "{:?}", findings.last());
    assert_eq!(last.unwrap()["omitted"], 1500, "the count as a number");
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.get("omitted").is_some())
            .count(),
        1,
        "only the left-out finding carries `omitted`"
    );
    let sarif = planc()
        .args(["check", "--format", "sarif", "--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&sarif.stdout);
    assert!(
        s.contains("1500 more findings"),
        "sarif says how many were left out"
    );
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let counts: Vec<_> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["properties"]["omitted"].as_u64())
        .collect();
    assert_eq!(counts, [1500], "and as a number in the result's properties");
    // In Chinese, one count for all that were left out, whichever stage stopped early.
    let out = planc()
        .args(["check", "--format", "json", "--lang", "zh"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["files"][0]["findings"].as_array().unwrap();
    let left: Vec<_> = findings
        .iter()
        .filter_map(|f| f["message"].as_str())
        .filter(|m| m.contains("未列出"))
        .collect();
    assert_eq!(
        left,
        ["另有 1500 个同类问题未列出（每个文件每类最多保留 1000 个）"]
    );
    assert_eq!(findings.len(), 1001);
}
