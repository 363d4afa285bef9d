//! Every rule has a fixture under `tests/fixtures/rules/<CODE>/` that triggers it; the
//! rendered diagnostics are pinned with insta so a reviewer sees what a user sees.
//! And no rule fires on the bundled examples.

use std::path::{Path, PathBuf};

use planc::config::Config;
use planc::diagnostics::{human, FileReport};
use planc::i18n::{Choice, Lang};
use planc::rules::REGISTRY;

use crate::util::root;

fn check_dir(dir: &Path, lang: Lang) -> Vec<FileReport> {
    let config = Config {
        lang: Choice { forced: Some(lang) },
        ..Config::default()
    };
    let rel = dir.strip_prefix(root()).unwrap_or(dir).to_path_buf();
    planc::check::check_paths(&[rel], &config)
}

fn render(reports: &[FileReport]) -> String {
    let style = human::Style {
        show_suppressed: true,
        ..human::Style::default()
    };
    human::render(reports, &style)
}

#[test]
fn every_rule_has_a_firing_fixture_and_a_snapshot() {
    let actuals_tests =
        std::fs::read_to_string(root().join("tests/integration/actuals.rs")).unwrap_or_default();
    for rule in REGISTRY.iter() {
        // Actuals codes (P8xx) fire on plan + actuals pairs; tests/integration/actuals.rs
        // has one test per code, named after it.
        if rule.code.starts_with("P8") {
            let test = format!("fn {}_", rule.code.to_lowercase());
            assert!(
                actuals_tests.contains(&test),
                "rule {} has no `{test}…` test in actuals.rs",
                rule.code
            );
            continue;
        }
        let dir: PathBuf = root().join("tests/fixtures/rules").join(rule.code);
        assert!(
            dir.is_dir(),
            "rule {} has no fixture directory {}",
            rule.code,
            dir.display()
        );
        let reports = check_dir(&dir, Lang::En);
        let fired = reports
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.code == rule.code);
        assert!(fired, "the fixture of {} does not trigger it", rule.code);
        let en = planc::i18n::scope(Lang::En, || render(&reports));
        insta::assert_snapshot!(rule.code, en);
        // The same findings as a Chinese-speaking user reads them.
        let zh = planc::i18n::scope(Lang::Zh, || render(&check_dir(&dir, Lang::Zh)));
        insta::assert_snapshot!(format!("{}-zh", rule.code), zh);
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in REGISTRY.iter() {
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
        ] {
            assert!(
                rule.doc.contains(heading),
                "{} doc lacks `{heading}`",
                rule.code
            );
        }
        assert!(!rule.summary.is_empty());
    }
    let mut codes: Vec<_> = REGISTRY.iter().map(|r| r.code).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), REGISTRY.len(), "rule codes are unique");
}

#[test]
fn final_examples_check_clean() {
    let reports = check_dir(&root().join("examples"), Lang::En);
    for r in &reports {
        let in_drafts = r.path.components().any(|c| c.as_os_str() == "drafts");
        for f in &r.findings {
            if in_drafts {
                assert_eq!(f.code, "P501", "drafts only warn about placeholders: {f:?}");
                assert_eq!(f.severity, planc::diagnostics::Severity::Warning);
            } else {
                panic!("{}: {} {}", r.path.display(), f.code, f.message);
            }
        }
    }
    assert!(reports.len() >= 8, "all examples were checked");
}
