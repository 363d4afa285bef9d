//! Near-miss suggestions ("did you mean …?") for keys, ids and references.

/// The closest candidate to `input`, if it is close enough to be a plausible typo.
///
/// Works on characters, so one wrong CJK character (`江蘇` for `江苏`) counts as one edit.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input_len = input.chars().count();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        if c == input {
            continue;
        }
        let dist = strsim::levenshtein(input, c);
        let len = input_len.max(c.chars().count()).max(1);
        // One edit in short names and codes (`P101`), about a third of the length in longer ones.
        let allowed = if len <= 4 { 1 } else { len.div_ceil(3) };
        let score = strsim::jaro_winkler(input, c);
        if dist <= allowed || (score > 0.88 && dist <= allowed + 1) {
            let rank = dist as f64 - score;
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn finds_typos() {
        assert_eq!(did_you_mean("江蘇", ["江苏", "浙江", "上海"]), Some("江苏"));
        assert_eq!(did_you_mean("budegt", ["budget", "risks"]), Some("budget"));
        assert_eq!(did_you_mean("xyz", ["budget", "risks"]), None);
        assert_eq!(did_you_mean("P1O1", ["P101", "P809"]), Some("P101"));
        assert_eq!(did_you_mean("P999", ["P101", "P809"]), None);
    }
}
