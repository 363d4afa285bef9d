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

/// Like [`did_you_mean`], but only when exactly one candidate is a plausible typo — the
/// case where a fix can replace the input without asking.
pub fn only_candidate<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut found: Option<&'a str> = None;
    for c in candidates {
        if found == Some(c) || did_you_mean(input, [c]).is_none() {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some(c);
    }
    found
}

/// What people write for an allowed value when they mean it: `cn` and `中文` for `zh`,
/// `regional` for `region`. Only returns a value that is among `allowed`.
pub fn value_alias<'a>(input: &str, allowed: &[&'a str]) -> Option<&'a str> {
    const ALIASES: &[(&str, &[&str])] = &[
        (
            "zh",
            &[
                "cn",
                "chs",
                "zh-cn",
                "zh_cn",
                "zh-hans",
                "chinese",
                "中文",
                "汉语",
                "简体中文",
            ],
        ),
        (
            "en",
            &["eng", "en-us", "en_us", "en-gb", "english", "英文", "英语"],
        ),
        ("company", &["corporate", "corp", "公司", "集团"]),
        ("region", &["regional", "area", "大区", "区域"]),
        ("representative", &["rep", "sales-rep", "代表", "医药代表"]),
        ("review", &["summary", "year-end", "总结", "年终总结"]),
        ("draft", &["草稿", "初稿"]),
        ("final", &["定稿", "正式"]),
        ("quarterly", &["每季度", "季度"]),
        ("monthly", &["每月", "月度"]),
        ("weekly", &["每周", "周"]),
        ("yearly", &["annual", "annually", "每年", "年度"]),
    ];
    let key = input.trim().to_lowercase();
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .and_then(|(value, _)| allowed.iter().copied().find(|a| a == value))
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
        assert_eq!(
            super::only_candidate("江蘇", ["江苏", "浙江"]),
            Some("江苏")
        );
        assert_eq!(super::only_candidate("P1O1", ["P101", "P1O2"]), None);
        assert_eq!(
            super::only_candidate("P1O1", ["P101", "P101"]),
            Some("P101")
        );
        assert_eq!(super::only_candidate("xyz", ["budget"]), None);
        assert_eq!(did_you_mean("P999", ["P101", "P809"]), None);
    }
}
