use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::source::yaml::{Node, Value};
use crate::source::Span;

pub static RULE: RuleInfo = RuleInfo {
    code: "P501",
    name: "placeholder",
    severity: Severity::Warning,
    summary: "A placeholder (`XX`, `TBD`, `待定`, `[姓名]`) or empty narrative is left in the plan — a warning in a draft, an error in a final plan.",
    doc: r#"## What it does
Finds text that is still a template: `XX` and `XX%` (as in `销售额XX亿元`), `TBD`,
`TODO`, `待定`, `待补充`, `待确认`, bracketed fill-ins such as `[经理姓名]` or
`【城市】`, and narrative fields (`text`, `description`, `response`, `objective` …) left
empty. In a `status: draft` plan these are warnings; in a `status: final` plan they are
errors.

## Why is this bad?
Template plans copied from last year keep their `XX` long after the numbers are
decided; a final plan with `XX` in it goes to the board as is.

## Example
```yaml
status: final
memo:
  from: 华东大区经理 [经理姓名]
targets:
  - { id: sales, name: 年度销售额, value: XX亿元 }
```

## Use instead
```yaml
memo:
  from: 华东大区经理 李明
targets:
  - { id: sales, name: 年度销售额, value: 9.6亿元 }
```
"#,
};

/// Keys whose value is narrative that must not be left empty.
const NARRATIVE_KEYS: &[&str] = &[
    "text",
    "description",
    "response",
    "objective",
    "preface",
    "closing",
    "goal",
    "background",
    "outcome",
    "definition",
    "pain_point",
];

const WORDS: &[&str] = &["TBD", "TODO", "待定", "待补充", "待确认", "待填写"];

/// Which kinds of placeholder the text may hold (this runs on every string of every
/// plan, and almost none holds one): runs of `X`, a word (`TBD`, `TODO`, `待…`), a
/// bracket (`[`, `【`). `cjk`: whether `待` or `【` may occur at all (false when the
/// whole file holds neither, which spares a search per string).
fn may_hold(b: &[u8], cjk: bool) -> (bool, bool, bool) {
    let (mut x, mut word, mut bracket) = (false, false, false);
    let mut from = 0;
    while let Some(i) = memchr::memchr3(b'X', b'T', b'[', &b[from..]) {
        match b[from + i] {
            b'X' => x = true,
            b'T' => word = true,
            _ => bracket = true,
        }
        from += i + 1;
    }
    if cjk {
        word = word || memchr::memmem::find(b, "待".as_bytes()).is_some();
        bracket = bracket || memchr::memmem::find(b, "【".as_bytes()).is_some();
    }
    (x, word, bracket)
}

/// Byte ranges of placeholders within `s`.
pub fn find(s: &str) -> Vec<(usize, usize)> {
    find_in(s, true)
}

/// [`find`], told whether the file holds `待` or `【` anywhere.
fn find_in(s: &str, cjk: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let (maybe_x, maybe_word, maybe_bracket) = may_hold(b, cjk);
    if !(maybe_x || maybe_word || maybe_bracket) {
        return out;
    }
    // Runs of two or more `X` not inside an ASCII word (XX, XX%, XX亿元, XX医院).
    let mut i = if maybe_x { 0 } else { b.len() };
    while i < b.len() {
        if b[i] == b'X' {
            let start = i;
            while i < b.len() && b[i] == b'X' {
                i += 1;
            }
            let before_ok = start == 0 || !b[start - 1].is_ascii_alphanumeric();
            let after_ok = i == b.len() || !b[i].is_ascii_alphabetic();
            if i - start >= 2 && before_ok && after_ok {
                out.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    for w in WORDS.iter().filter(|_| maybe_word) {
        let mut from = 0;
        while let Some(pos) = s[from..].find(w) {
            let at = from + pos;
            let end = at + w.len();
            let ascii_word = w.is_ascii()
                && ((at > 0 && b[at - 1].is_ascii_alphanumeric())
                    || (end < b.len() && b[end].is_ascii_alphanumeric()));
            if !ascii_word {
                out.push((at, end));
            }
            from = end;
        }
    }
    // Bracketed fill-ins: [经理姓名], 【城市】 — not Markdown links, checkboxes or [1].
    for (open, close) in [("[", "]"), ("【", "】")]
        .into_iter()
        .filter(|_| maybe_bracket)
    {
        let mut from = 0;
        while let Some(pos) = s[from..].find(open) {
            let at = from + pos;
            let inner_start = at + open.len();
            let Some(rel) = s[inner_start..].find(close) else {
                break;
            };
            let inner = &s[inner_start..inner_start + rel];
            let end = inner_start + rel + close.len();
            let is_link = s[end..].starts_with('(');
            let trivial = inner.trim().is_empty()
                || inner.eq_ignore_ascii_case("x")
                || inner
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '-');
            if !is_link && !trivial && inner.chars().count() <= 20 && !inner.contains('\n') {
                out.push((at, end));
            }
            from = end;
        }
    }
    out.sort_unstable();
    out
}

pub fn is_placeholder(s: &str) -> bool {
    !find(s).is_empty()
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let severity = if ctx.is_final() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let advice = if ctx.is_final() {
        crate::t!("p501-help-final")
    } else {
        crate::t!("p501-help-draft")
    };
    let source = ctx.source;
    // A string holds 待 or 【 only if the file does (or spells them as escapes).
    let text = source.text.as_bytes();
    let cjk = memchr::memmem::find(text, "待".as_bytes()).is_some()
        || memchr::memmem::find(text, "【".as_bytes()).is_some()
        || memchr::memchr(b'\\', text).is_some();
    ctx.root.walk_strings(&mut |s, span, _path| {
        for (a, b) in find_in(s, cjk) {
            let raw = &s[a..b];
            // Locate the placeholder inside the scalar's source text (quotes, block scalars).
            let src = source.slice(span);
            let exact = if src == s {
                Span::new(span.start + a, span.start + b)
            } else {
                src.find(raw).map_or(span, |i| {
                    Span::new(span.start + i, span.start + i + raw.len())
                })
            };
            out.push(
                Finding::new(&RULE, exact, crate::t!("p501-message", raw = raw))
                    .label(crate::t!("p501-label"))
                    .severity(severity)
                    .help(advice.as_str()),
            );
        }
    });
    empty_narrative(ctx.root, severity, out);
}

fn empty_narrative(node: &Node, severity: Severity, out: &mut Vec<Finding>) {
    match &node.value {
        Value::Map(entries) => {
            for e in entries {
                let empty = match &e.value.value {
                    Value::Null => true,
                    Value::String(s) => s.trim().is_empty(),
                    _ => false,
                };
                if empty && NARRATIVE_KEYS.contains(&e.key.as_str()) {
                    out.push(
                        Finding::new(
                            &RULE,
                            e.key_span,
                            crate::t!("p501-empty", key = e.key.as_str()),
                        )
                        .label(crate::t!("p501-label-empty"))
                        .severity(severity)
                        .help(crate::t!("p501-help-empty")),
                    );
                }
                empty_narrative(&e.value, severity, out);
            }
        }
        Value::Seq(items) => items.iter().for_each(|i| empty_narrative(i, severity, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    fn found(s: &str) -> Vec<&str> {
        find(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn finds_seed_placeholders() {
        assert_eq!(found("实现年度销售总额XX亿元，同比增长XX%。"), ["XX", "XX"]);
        assert_eq!(found("发件人: 华东大区经理 [经理姓名]"), ["[经理姓名]"]);
        assert_eq!(found("【城市名称】市"), ["【城市名称】"]);
        assert_eq!(found("预算待定"), ["待定"]);
        assert_eq!(found("TBD"), ["TBD"]);
    }

    #[test]
    fn ignores_lookalikes() {
        assert!(found("XXL码, [链接](https://x.cn), 文献[1], - [x] done, MAXX").is_empty());
        assert!(found("OUTBDX").is_empty());
        // An ASCII word inside a longer ASCII word, on either side, is not one.
        assert!(found("TBD2").is_empty());
        assert!(found("xTODO").is_empty());
        assert!(found("ATBD").is_empty());
        // References and ranges in brackets, long bracketed asides, brackets over lines.
        assert!(found("文献[1,3] 与 [2-5]").is_empty());
        assert!(found("[ ] 与 【 】").is_empty());
        assert!(found("[本段引自2025年度全国医药市场发展蓝皮书第三章]").is_empty());
        assert!(found("[姓\n名]").is_empty());
        assert_eq!(found("[X]与[TBC]"), ["[TBC]"]);
    }

    /// A Chinese placeholder is one whatever stands next to it.
    #[test]
    fn chinese_words_beside_letters_and_digits() {
        assert_eq!(found("待定2项"), ["待定"]);
        assert_eq!(found("A待补充"), ["待补充"]);
        assert_eq!(found("TBD，待确认"), ["TBD", "待确认"]);
        assert_eq!(found("预算 TBD 万元"), ["TBD"]);
    }
}
