//! `planc fix` as a library call: the fixes findings carry, applied as text edits.
//!
//! A rule that is sure how to resolve its finding attaches a [`Fix`] — edits at the spans
//! it already holds, plus a [`Safety`]. This module picks the fixes to apply (safe ones,
//! or unsafe ones too when asked), never two that touch the same text, applies them to
//! the source text from the end backwards (so earlier offsets stay valid), and checks the
//! result again until no fix is left (bounded). Everything outside the edits — comments,
//! indentation, quoting — is the user's text, byte for byte.
//!
//! Architecture invariant: nothing here reads or writes files or prints; the CLI does.

use std::path::Path;

use crate::config::Config;
use crate::diagnostics::{Edit, FileReport, Finding, Fix, Safety};

/// At most this many rounds of check → fix: a fix that makes another fix possible (a
/// unit spelt right lets a share be computed) is applied in the next round.
pub const MAX_ROUNDS: usize = 10;

/// Codes after which the text cannot be trusted to edit: nothing is fixed.
const UNFIXABLE: &[&str] = &["P001", "P002", "P006"];

/// One applied fix, for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub code: &'static str,
    pub message: String,
    /// 1-based line and column of the finding, in the text the round started from.
    pub line: usize,
    pub column: usize,
}

/// What `planc fix` did (or would do) to one file.
#[derive(Debug)]
pub struct FileFix {
    /// The decoded text as read.
    pub original: String,
    /// The text after every round (equal to `original` when nothing applied).
    pub fixed: String,
    pub applied: Vec<Applied>,
    /// The findings of the fixed text.
    pub remaining: FileReport,
    /// The file could not be parsed (or decoded): it was left alone.
    pub untouchable: bool,
    /// Fixes were still appearing after [`MAX_ROUNDS`].
    pub unstable: bool,
    /// Fixes that failed their verification and were not applied: the finding's code
    /// and why.
    pub rejected: Vec<(&'static str, String)>,
}

impl FileFix {
    pub fn changed(&self) -> bool {
        self.original != self.fixed
    }
}

/// Is this fix applied at this setting?
pub fn wanted(fix: &Fix, unsafe_fixes: bool) -> bool {
    fix.safety == Safety::Safe || unsafe_fixes
}

fn overlaps(a: &Edit, b: &Edit) -> bool {
    (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start == b.span.start
}

/// The findings whose fixes are applied together: active, wanted, in file order, and
/// never two whose edits overlap (the later one waits for the next round).
pub fn select(findings: &[Finding], unsafe_fixes: bool) -> Vec<&Finding> {
    let mut candidates: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .filter(|f| f.fix.as_ref().is_some_and(|x| wanted(x, unsafe_fixes)))
        .collect();
    candidates.sort_by_key(|f| {
        let x = f.fix.as_ref().map(Fix::range).unwrap_or_default();
        (x.start, x.end)
    });
    let mut taken: Vec<&Edit> = Vec::new();
    let mut out = Vec::new();
    for f in candidates {
        let edits = &f.fix.as_ref().expect("filtered on fix").edits;
        if edits.iter().any(|e| taken.iter().any(|t| overlaps(e, t))) {
            continue;
        }
        taken.extend(edits);
        out.push(f);
    }
    out
}

/// Applies non-overlapping edits to `text`. Edits whose span is not on character
/// boundaries of `text` are skipped (they cannot come from this text).
pub fn apply_edits(text: &str, edits: &[&Edit]) -> String {
    let mut edits: Vec<(usize, &Edit)> = edits
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, e)| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        })
        .collect();
    // Two insertions at one place: the later one stands first (as applying them last
    // first always did).
    edits.sort_by_key(|(k, e)| (e.span.start, e.span.end, std::cmp::Reverse(*k)));
    let edits: Vec<&Edit> = edits.into_iter().map(|(_, e)| e).collect();
    // One pass from the start (a file written by `planc allocate` gets a dozen edits; each
    // `replace_range` would move the rest of the text). Edits that overlap are applied
    // last first, one at a time, as they always were.
    if edits.windows(2).any(|w| w[1].span.start < w[0].span.end) {
        let mut out = text.to_owned();
        for e in edits.iter().rev() {
            if e.span.end <= out.len()
                && out.is_char_boundary(e.span.start)
                && out.is_char_boundary(e.span.end)
            {
                out.replace_range(e.span.start..e.span.end, &e.replacement);
            }
        }
        return out;
    }
    let added: usize = edits.iter().map(|e| e.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() + added);
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A finding as compared before and after a fix: its code and its message (spans move
/// when text is edited; what a finding says does not).
fn identity(f: &Finding) -> (&'static str, &str) {
    (f.code, f.message.as_str())
}

/// Verifies one fix the way it would be applied: alone, in memory, then checked again.
/// It is kept only if its own finding goes away and no finding appears that was not
/// there before. `Err` says why not, in the user's language.
pub fn verify(
    path: &Path,
    text: &str,
    before: &FileReport,
    finding: &Finding,
    config: &Config,
) -> Result<(), String> {
    let Some(fix) = &finding.fix else {
        return Ok(());
    };
    let edits: Vec<&Edit> = fix.edits.iter().collect();
    let next = apply_edits(text, &edits);
    let after = crate::load::check_bytes(path, next.as_bytes(), config);
    let mut left: Vec<(&str, &str)> = before.findings.iter().map(identity).collect();
    let own = identity(finding);
    let mut own_remains = false;
    for f in &after.findings {
        let id = identity(f);
        match left.iter().position(|x| *x == id) {
            Some(i) => {
                left.swap_remove(i);
                own_remains |= id == own;
            }
            None => {
                return Err(crate::t!(
                    "fix-rejected-new",
                    code = f.code,
                    message = f.message.clone()
                ))
            }
        }
    }
    // The finding itself is still among what is left: it was not resolved.
    if own_remains && !left.contains(&own) {
        return Err(crate::t!("fix-rejected-remains"));
    }
    Ok(())
}

/// Checks `text` as the file at `path` and applies the wanted fixes, round after round.
/// Each fix is verified first ([`verify`]); one that fails is not applied.
pub fn fix_text(path: &Path, text: &str, config: &Config, unsafe_fixes: bool) -> FileFix {
    let mut current = text.to_owned();
    let mut applied = Vec::new();
    let mut rejected: Vec<(&'static str, String)> = Vec::new();
    let mut refused: Vec<(&'static str, String)> = Vec::new();
    let mut report = crate::load::check_bytes(path, current.as_bytes(), config);
    let untouchable = (report.source.is_none() && !report.findings.is_empty())
        || report
            .findings
            .iter()
            .any(|f| UNFIXABLE.contains(&f.code) && f.fix.is_none());
    let mut unstable = false;
    if !untouchable {
        for round in 0.. {
            let candidates: Vec<Finding> = report
                .findings
                .iter()
                .filter(|f| !refused.contains(&(f.code, f.message.clone())))
                .cloned()
                .collect();
            let mut chosen = select(&candidates, unsafe_fixes);
            chosen.retain(|f| match verify(path, &current, &report, f, config) {
                Ok(()) => true,
                Err(why) => {
                    refused.push((f.code, f.message.clone()));
                    rejected.push((f.code, why));
                    false
                }
            });
            if chosen.is_empty() {
                break;
            }
            if round == MAX_ROUNDS {
                unstable = true;
                break;
            }
            let edits: Vec<&Edit> = chosen
                .iter()
                .flat_map(|f| &f.fix.as_ref().expect("selected on fix").edits)
                .collect();
            let next = apply_edits(&current, &edits);
            for f in &chosen {
                let (line, column) = report.line_col(f.primary.span);
                applied.push(Applied {
                    code: f.code,
                    message: f
                        .fix
                        .as_ref()
                        .map(|x| x.message.clone())
                        .unwrap_or_default(),
                    line,
                    column,
                });
            }
            let next_report = crate::load::check_bytes(path, next.as_bytes(), config);
            // An edit that breaks the YAML is never kept: stop with the last good text.
            if next_report
                .findings
                .iter()
                .any(|f| (UNFIXABLE.contains(&f.code) && f.fix.is_none()) || f.code == "P003")
            {
                applied.truncate(applied.len() - chosen.len());
                break;
            }
            current = next;
            report = next_report;
        }
    }
    FileFix {
        original: text.to_owned(),
        fixed: current,
        applied,
        remaining: report,
        untouchable,
        unstable,
        rejected,
    }
}

/// A unified diff of a file's fix, with `a/` and `b/` headers naming `name`.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    let rel = name.trim_start_matches('/');
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{rel}"), &format!("b/{rel}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn edit(start: usize, end: usize, r: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            replacement: r.into(),
        }
    }

    #[test]
    fn edits_apply_from_the_end() {
        let a = edit(0, 1, "AA");
        let b = edit(2, 3, "C");
        let c = edit(3, 3, "!");
        assert_eq!(apply_edits("abcd", &[&a, &b, &c]), "AAbC!d");
    }

    #[test]
    fn overlap_is_detected() {
        assert!(overlaps(&edit(0, 3, ""), &edit(2, 4, "")));
        assert!(overlaps(&edit(2, 2, "x"), &edit(2, 2, "y")));
        assert!(overlaps(&edit(1, 5, ""), &edit(3, 3, "y")));
        assert!(!overlaps(&edit(0, 2, ""), &edit(2, 4, "")));
        assert!(!overlaps(&edit(0, 2, ""), &edit(3, 3, "")));
        assert!(
            !overlaps(&edit(2, 4, ""), &edit(0, 2, "")),
            "touching, later first"
        );
    }

    #[test]
    fn edits_off_char_boundaries_are_skipped() {
        let e = edit(1, 2, "x");
        assert_eq!(apply_edits("江苏", &[&e]), "江苏");
        let e = edit(0, 1, "x");
        assert_eq!(
            apply_edits("江苏", &[&e]),
            "江苏",
            "the end is off a boundary"
        );
    }
}

#[cfg(test)]
mod select_tests {
    use super::*;
    use crate::source::Span;

    fn finding(code: &str, start: usize, end: usize, safety: Safety) -> Finding {
        let rule = crate::rules::lookup(code).unwrap();
        Finding::new(rule, Span::new(start, end), "m").fix(Fix {
            safety,
            message: format!("{code}@{start}"),
            edits: vec![Edit {
                span: Span::new(start, end),
                replacement: "x".into(),
            }],
        })
    }

    #[test]
    fn overlapping_fixes_are_never_both_taken() {
        let fs = vec![
            finding("P601", 10, 20, Safety::Safe),
            finding("P102", 15, 25, Safety::Safe),
            finding("P201", 0, 5, Safety::Safe),
            finding("P101", 30, 30, Safety::Unsafe),
        ];
        let picked: Vec<&str> = select(&fs, false)
            .iter()
            .map(|f| f.fix.as_ref().unwrap().message.as_str())
            .collect();
        assert_eq!(picked, ["P201@0", "P601@10"]);
        assert_eq!(select(&fs, true).len(), 3, "the unsafe one only when asked");
        let mut suppressed = fs.clone();
        suppressed[2].suppressed = Some("reason".into());
        assert_eq!(
            select(&suppressed, false).len(),
            1,
            "a suppressed finding is not fixed"
        );
    }
}

#[cfg(test)]
mod fix_text_tests {
    use super::*;

    const REFERENCE: &str = include_str!("../tests/fixtures/fix/reference.plan.yaml");

    fn fix(text: &str) -> FileFix {
        fix_text(Path::new("t.plan.yaml"), text, &Config::default(), false)
    }

    #[test]
    fn a_fix_is_kept_beside_findings_it_does_not_resolve() {
        let text = REFERENCE.replace("ref: \"zhejiang\"", "ref: \"hainan\"");
        let r = fix(&text);
        assert!(r.fixed.contains("ref: jiangsu"), "{}", r.fixed);
        assert_eq!(r.applied.len(), 1);
        assert!(
            r.remaining.findings.iter().any(|f| f.code == "P201"),
            "hainan is still unknown"
        );
    }

    /// The guard against an edit that breaks the YAML: no rule's fix makes a duplicate
    /// key, so the one here is already in the text — which, as written, voids the fixes
    /// of the round as well (a stricter guard would compare with the text before).
    #[test]
    fn a_fixed_text_with_a_duplicate_key_is_not_kept() {
        let text = REFERENCE.replacen("title: ", "title: 重复\ntitle: ", 1);
        let r = fix(&text);
        assert!(!r.changed(), "{}", r.fixed);
        assert!(r.applied.is_empty(), "{:?}", r.applied);
        assert!(r.remaining.findings.iter().any(|f| f.code == "P003"));
        assert!(r
            .remaining
            .findings
            .iter()
            .any(|f| f.code == "P201" && f.fix.is_some()));
    }
}

#[cfg(test)]
mod verify_tests {
    use super::*;

    const REFERENCE: &str = include_str!("../tests/fixtures/fix/reference.plan.yaml");

    fn path() -> &'static Path {
        Path::new("t.plan.yaml")
    }

    /// The unknown reference `jaingsu` of `text`, with its fix's edits replaced by `to`
    /// written over the reference.
    fn with_fix(text: &str, before: &FileReport, to: &str) -> Finding {
        let mut f = before
            .findings
            .iter()
            .find(|f| f.code == "P201" && f.message.contains("jaingsu"))
            .expect("the fixture's unknown reference")
            .clone();
        let at = text.find("ref: jaingsu").unwrap() + "ref: ".len();
        let fix = f.fix.as_mut().expect("P201 offers a fix");
        fix.edits = vec![Edit {
            span: crate::source::Span::new(at, at + "jaingsu".len()),
            replacement: to.into(),
        }];
        f
    }

    fn verify_to(text: &str, to: &str) -> Result<(), String> {
        let config = Config::default();
        let before = crate::load::check_bytes(path(), text.as_bytes(), &config);
        let f = with_fix(text, &before, to);
        verify(path(), text, &before, &f, &config)
    }

    #[test]
    fn a_fix_that_resolves_its_finding_and_adds_none_is_kept() {
        assert_eq!(verify_to(REFERENCE, "jiangsu"), Ok(()));
    }

    #[test]
    fn a_fix_that_trades_its_finding_for_another_is_refused_naming_the_new_one() {
        // One finding out, one in: the count alone would not tell.
        let why = verify_to(REFERENCE, "hainan").unwrap_err();
        assert!(why.contains("hainan"), "{why}");
    }

    #[test]
    fn a_fix_that_changes_nothing_is_refused_as_not_resolving() {
        let why = verify_to(REFERENCE, "jaingsu").unwrap_err();
        assert_eq!(why, crate::t!("fix-rejected-remains"));
    }

    #[test]
    fn fixing_one_of_two_identical_findings_is_kept() {
        // The same unknown reference twice: the same code and message. Fixing the first
        // leaves the second, which was there before.
        let text = REFERENCE.replacen("ref: \"zhejiang\"", "ref: jaingsu", 1);
        let config = Config::default();
        let before = crate::load::check_bytes(path(), text.as_bytes(), &config);
        let same = before
            .findings
            .iter()
            .filter(|f| f.code == "P201" && f.message.contains("jaingsu"))
            .count();
        assert_eq!(same, 2, "{:?}", before.findings);
        let f = with_fix(&text, &before, "jiangsu");
        assert_eq!(verify(path(), &text, &before, &f, &config), Ok(()));
    }

    #[test]
    fn a_finding_without_a_fix_is_not_refused() {
        let config = Config::default();
        let before = crate::load::check_bytes(path(), REFERENCE.as_bytes(), &config);
        let mut f = with_fix(REFERENCE, &before, "hainan");
        f.fix = None;
        assert_eq!(verify(path(), REFERENCE, &before, &f, &config), Ok(()));
    }
}
