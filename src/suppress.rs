//! `# planc: allow CODE — reason` comments.
//!
//! A comment at the end of a line silences the named codes for findings labelled on that line.
//! A comment on a line of its own silences them for the block that follows: the next
//! content line and every line indented deeper than it (a whole section or list item).
//! The reason is required; a comment without one, or naming an unknown code, silences
//! nothing and is reported as P007.

use crate::diagnostics::Finding;
use crate::rules::builtin::SUPPRESSION;
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub codes: Vec<&'static str>,
    pub reason: String,
    /// Lines (0-based, inclusive) the suppression covers.
    pub lines: (usize, usize),
    pub span: Span,
}

/// Parses suppressions; malformed ones come back as findings.
pub fn parse(source: &SourceFile) -> (Vec<Suppression>, Vec<Finding>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    if !source.text.contains("planc:") {
        return (out, problems);
    }
    for line in 0..source.line_count() {
        let text = source.line_text(line);
        let Some(hash) = comment_start(text) else {
            continue;
        };
        let comment = text[hash + 1..].trim_start();
        let Some(rest) = comment.strip_prefix("planc:") else {
            continue;
        };
        let offset = source.line_start(line) + hash;
        let span = Span::new(offset, source.line_start(line) + text.len());
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix("allow") else {
            problems.push(
                Finding::new(&SUPPRESSION, span, crate::t!("suppress-unknown-directive"))
                    .label(crate::t!("suppress-expected")),
            );
            continue;
        };
        let (codes_part, reason) = split_reason(rest);
        let mut codes = Vec::new();
        let mut bad = false;
        for token in codes_part
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty())
        {
            match crate::rules::lookup(token) {
                Some(rule) => codes.push(rule.code),
                None => {
                    bad = true;
                    let mut f = Finding::new(
                        &SUPPRESSION,
                        span,
                        crate::t!("suppress-unknown-code", code = token.to_owned()),
                    )
                    .label(crate::t!("suppress-unknown-code-label"));
                    let all = crate::rules::REGISTRY.iter().flat_map(|r| [r.code, r.name]);
                    if let Some(s) = crate::suggest::did_you_mean(token, all) {
                        f = f.help(crate::t!("did-you-mean", suggestion = s.to_owned()));
                    }
                    problems.push(f);
                }
            }
        }
        if codes.is_empty() && !bad {
            problems.push(
                Finding::new(&SUPPRESSION, span, crate::t!("suppress-no-rule"))
                    .label(crate::t!("suppress-expected")),
            );
            continue;
        }
        let reason = reason.trim();
        if reason.is_empty() {
            problems.push(
                Finding::new(&SUPPRESSION, span, crate::t!("suppress-no-reason"))
                    .label(crate::t!("suppress-no-reason-label"))
                    .help(crate::t!("suppress-no-reason-help")),
            );
            continue;
        }
        if bad {
            continue;
        }
        let own_line = text[..hash].trim().is_empty();
        let lines = if own_line {
            block_after(source, line)
        } else {
            (line, line)
        };
        out.push(Suppression {
            codes,
            reason: reason.to_owned(),
            lines,
            span,
        });
    }
    (out, problems)
}

/// Marks findings covered by a suppression (errors and warnings alike).
pub fn apply(source: &SourceFile, suppressions: &[Suppression], findings: &mut [Finding]) {
    if suppressions.is_empty() {
        return;
    }
    for f in findings.iter_mut() {
        if f.code == SUPPRESSION.code {
            continue;
        }
        // A finding is covered when any of its labels (the value, or the other side of
        // the relation) lies in the suppressed lines: a comment above a breakdown covers
        // the sum check of that breakdown even though its primary label is the total.
        let lines: Vec<usize> = std::iter::once(&f.primary)
            .chain(&f.secondary)
            .map(|l| source.line_of(l.span.start))
            .collect();
        if let Some(s) = suppressions.iter().find(|s| {
            s.codes.contains(&f.code) && lines.iter().any(|&l| s.lines.0 <= l && l <= s.lines.1)
        }) {
            f.suppressed = Some(s.reason.clone());
        }
    }
}

/// Byte index of a `#` that starts a comment (preceded by whitespace or at the start,
/// and not inside quotes).
fn comment_start(line: &str) -> Option<usize> {
    let mut in_single = false;
    let mut in_double = false;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !in_double => in_single = !in_single,
            '"' if !in_single && prev != '\\' => in_double = !in_double,
            '#' if !in_single && !in_double && prev.is_whitespace() => return Some(i),
            _ => {}
        }
        prev = c;
    }
    None
}

/// Splits `P101 — reason` at the first separator: a dash (`—`, `——`, `–`, `--`, ` - `,
/// the full-width `－`) or a colon (`:`, the full-width `：` a Chinese keyboard types).
fn split_reason(rest: &str) -> (&str, &str) {
    const SEPARATORS: [&str; 7] = ["—", "–", "--", " - ", ":", "：", "－"];
    let first = SEPARATORS
        .iter()
        .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
        .min();
    match first {
        Some((i, len)) => {
            let reason = rest[i + len..]
                .trim_start_matches(|c: char| "—–-:：－".contains(c) || c.is_whitespace());
            (&rest[..i], reason)
        }
        None => (rest, ""),
    }
}

/// The next content line after `line` and every following line indented deeper.
fn block_after(source: &SourceFile, line: usize) -> (usize, usize) {
    let n = source.line_count();
    let is_blank = |l: usize| {
        let t = source.line_text(l).trim();
        t.is_empty() || t.starts_with('#')
    };
    let mut first = line + 1;
    while first < n && is_blank(first) {
        first += 1;
    }
    if first >= n {
        return (line, line);
    }
    let base = source.line_text(first);
    let base_indent = base.len() - base.trim_start().len();
    let mut last = first;
    let mut l = first + 1;
    while l < n {
        if is_blank(l) {
            l += 1;
            continue;
        }
        let t = source.line_text(l);
        let ind = t.len() - t.trim_start().len();
        if ind > base_indent {
            last = l;
            l += 1;
        } else {
            break;
        }
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_line_and_block_suppressions() {
        let text = "a: 1\nb: 2  # planc: allow P101 — decided in review\n# planc: allow breakdown-sum, P102 -- partial on purpose\nc:\n  d: 1\n  e: 2\nf: 3\n";
        let src = SourceFile::new("x.plan.yaml", text.to_owned());
        let (s, problems) = parse(&src);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].lines, (1, 1));
        assert_eq!(s[0].reason, "decided in review");
        assert_eq!(s[1].codes, vec!["P101", "P102"]);
        assert_eq!(s[1].lines, (3, 5));
    }

    #[test]
    fn reason_is_required_and_codes_must_exist() {
        let text = "a: 1  # planc: allow P101\nb: 2  # planc: allow P999 — because\n";
        let src = SourceFile::new("x.plan.yaml", text.to_owned());
        let (s, problems) = parse(&src);
        assert!(s.is_empty());
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn chinese_colons_and_dashes_separate_the_reason() {
        for (comment, reason) in [
            ("allow P101：理由", "理由"),
            ("allow P101 — 理由", "理由"),
            ("allow P101——理由", "理由"),
            ("allow P101 －－ 理由", "理由"),
            ("allow P101: 理由", "理由"),
            ("allow P101 - 2026-12 定稿", "2026-12 定稿"),
        ] {
            let text = format!("a: 1  # planc: {comment}\n");
            let src = SourceFile::new("x.plan.yaml", text);
            let (s, problems) = parse(&src);
            assert!(problems.is_empty(), "{comment}: {problems:?}");
            assert_eq!(s[0].codes, vec!["P101"], "{comment}");
            assert_eq!(s[0].reason, reason, "{comment}");
        }
    }

    #[test]
    fn hash_inside_quotes_is_not_a_comment() {
        assert_eq!(comment_start("a: \"x # planc: allow P101 — y\""), None);
        assert_eq!(comment_start("a: x # c"), Some(5));
    }
}
