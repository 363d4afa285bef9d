//! `planc fix` never makes a plan worse: properties over the bundled plans.
//!
//! - On a consistent plan, fix changes nothing.
//! - After any single change of one digit of one figure, the safe fixes never leave more
//!   errors than there were, and never change any other figure: a figure that was right
//!   before the change stays as it was (the changed one may be put back, or left).

use std::path::{Path, PathBuf};

use planc::config::Config;
use planc::diagnostics::Severity;
use proptest::prelude::*;

use crate::util::root;

/// Plans that check clean on their own, with shares, budgets and quarter splits.
fn plans() -> Vec<(PathBuf, String)> {
    let r = root();
    let mut out: Vec<(PathBuf, String)> = [
        "examples/org/company.plan.yaml",
        "examples/org/east-china.plan.yaml",
        "examples/org/north-china.plan.yaml",
        "examples/org/south-china.plan.yaml",
        "examples/launch.plan.yaml",
        "examples/representative.plan.yaml",
    ]
    .iter()
    .map(|p| {
        let path = r.join(p);
        let text = std::fs::read_to_string(&path).unwrap();
        (path, text)
    })
    .collect();
    // The share fixture with its shares made right.
    let path = r.join("tests/fixtures/fix/share.plan.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("share: 55%", "share: 60%")
        .replace("share: 15.0%", "share: 10.0%");
    out.push((path, text));
    out
}

/// Byte ranges of the figures of a plan: the scalars after `value:`, `share:`,
/// `amount:`, `total:` and `last_year:` that start with a digit.
fn figures(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for key in ["value: ", "share: ", "amount: ", "total: ", "last_year: "] {
        let mut from = 0;
        while let Some(i) = text[from..].find(key) {
            let start = from + i + key.len();
            let end = start
                + text[start..]
                    .find([',', '}', '\n', ' ', '#'])
                    .unwrap_or(text.len() - start);
            if text[start..].starts_with(|c: char| c.is_ascii_digit()) {
                out.push(start..end);
            }
            from = end;
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

fn errors(path: &Path, text: &str) -> usize {
    let config = Config::default();
    planc::load::check_bytes(path, text.as_bytes(), &config)
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
}

fn fix(path: &Path, text: &str) -> String {
    planc::fix::fix_text(path, text, &Config::default(), false).fixed
}

#[test]
fn fix_changes_nothing_on_a_consistent_plan() {
    for (path, text) in plans() {
        assert_eq!(
            errors(&path, &text),
            0,
            "{} is not consistent",
            path.display()
        );
        assert_eq!(fix(&path, &text), text, "{}", path.display());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_safe_fix_never_changes_a_figure_that_was_right(
        plan in 0usize..7,
        figure in any::<prop::sample::Index>(),
        digit in any::<prop::sample::Index>(),
        new in 0u8..10,
    ) {
        let plans = plans();
        let (path, text) = &plans[plan % plans.len()];
        let spans = figures(text);
        let at = figure.index(spans.len());
        let span = spans[at].clone();
        let digits: Vec<usize> = text[span.clone()]
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, _)| span.start + i)
            .collect();
        let d = digits[digit.index(digits.len())];
        let new = (b'0' + new) as char;
        prop_assume!(text.as_bytes()[d] as char != new);
        let mut mutated = text.clone();
        mutated.replace_range(d..d + 1, &new.to_string());
        let before = errors(path, &mutated);
        let fixed = fix(path, &mutated);
        let after = errors(path, &fixed);
        prop_assert!(after <= before, "{} errors after the fix, {} before", after, before);
        // Every figure but the changed one reads as it did before the change.
        let was: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        let now_spans = figures(&fixed);
        prop_assert_eq!(now_spans.len(), spans.len(), "a fix added or removed a figure");
        for (i, r) in now_spans.iter().enumerate() {
            let now = &fixed[r.clone()];
            if i == at {
                let changed = &mutated[spans[at].start..spans[at].end + (mutated.len() - text.len())];
                prop_assert!(now == was[i] || now == changed, "the changed figure became {now}");
            } else {
                prop_assert_eq!(now, was[i], "figure {} of {} changed by a safe fix (figure {} was changed to {})",
                    i, path.display(), at, &mutated[spans[at].clone()]);
            }
        }
    }
}
