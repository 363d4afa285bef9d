//! The YAML test suite (github.com/yaml/yaml-test-suite, `data` branch, 402 cases) against
//! planc's YAML reader: every valid single-document input is accepted, every invalid
//! input is rejected. planc's own policies on top of YAML are told apart and counted:
//! a second document, a list or mapping used as a key, and a document that is only a
//! null (an empty plan) are refused on purpose.

use std::path::Path;

use planc::i18n::{self, Lang};
use planc::source::yaml::{self, YamlErrorKind};

/// Valid single-document cases refused by a planc policy on purpose.
const POLICY: usize = 22;

#[derive(Debug, PartialEq)]
enum Outcome {
    Accepted,
    /// Refused by the YAML reader (syntax, limits).
    Rejected,
    /// Refused by a planc policy only (complex key, empty document, second document).
    Policy,
}

fn outcome(text: &str) -> Outcome {
    i18n::scope(Lang::En, || {
        let parsed = yaml::parse(text);
        let complex = planc::t!("yaml-complex-key");
        let second = planc::t!("yaml-second-document");
        if parsed.errors.is_empty() {
            return Outcome::Accepted;
        }
        let policy = parsed.errors.iter().all(|e| match e.kind {
            YamlErrorKind::Empty | YamlErrorKind::DuplicateKey => true,
            YamlErrorKind::Syntax => e.message == complex || e.message == second,
            YamlErrorKind::Limit => false,
        });
        if policy {
            Outcome::Policy
        } else {
            Outcome::Rejected
        }
    })
}

#[test]
fn yaml_test_suite_valid_accepted_invalid_rejected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/yaml-test-suite");
    let cases = std::fs::read_to_string(dir.join("cases.tsv")).unwrap();
    let (mut valid, mut invalid, mut multi, mut policy) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for line in cases.lines() {
        let mut cols = line.split('\t');
        let (id, expect, docs) = (
            cols.next().unwrap(),
            cols.next().unwrap(),
            cols.next().unwrap().parse::<usize>().unwrap(),
        );
        let bytes = std::fs::read(dir.join(format!("{id}.yaml"))).unwrap();
        // A few cases hold bytes that are not UTF-8 text; planc refuses those before YAML.
        let Ok(text) = String::from_utf8(bytes) else {
            assert_eq!(expect, "invalid", "{id}: valid YAML that is not UTF-8");
            invalid += 1;
            continue;
        };
        let got = std::panic::catch_unwind(|| outcome(&text))
            .unwrap_or_else(|_| panic!("{id}: the reader panicked"));
        match (expect, docs) {
            ("invalid", _) => {
                invalid += 1;
                // Refused by a policy is refused too (QLJ7: its error is in a second
                // document, which planc does not read).
                if got == Outcome::Accepted {
                    wrong.push(format!("{id}: invalid YAML, accepted"));
                }
            }
            (_, 1) => {
                valid += 1;
                if got == Outcome::Policy {
                    policy += 1;
                } else if got != Outcome::Accepted {
                    wrong.push(format!("{id}: valid YAML, got {got:?}"));
                }
            }
            // More than one document, or none: planc refuses both (one plan per file).
            _ => {
                multi += 1;
                if got == Outcome::Accepted {
                    wrong.push(format!("{id}: {docs} documents, accepted"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases disagree:\n{}",
        wrong.len(),
        valid + invalid + multi,
        wrong.join("\n")
    );
    assert_eq!(valid + invalid + multi, 402);
    assert_eq!(invalid, 94);
    // Valid single documents that planc refuses on purpose (a list or mapping as a
    // key, a document that is only a null): counted so a change shows.
    assert_eq!(
        policy, POLICY,
        "valid single documents refused by a planc policy"
    );
}
