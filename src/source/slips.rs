//! Everyday input typed on a Chinese keyboard where YAML needs ASCII: a full-width colon
//! after a key (`value：9600万元`), a full-width comma between the entries of `{ … }`, a
//! full-width space in the indentation, and a thousands separator inside `{ … }` (where a
//! comma ends the value: `value: 5,000万元` reads as `5` and a key `000万元`).
//!
//! The parser reports these as a syntax error somewhere after, or the schema as an unknown
//! field and a missing one. Each slip is found here at its exact character, with a fix
//! where the meaning is certain, and the findings it causes on its line (and the missing
//! key it hides) give way to it: the root cause, once.

use super::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlipKind {
    /// `：` after a key.
    Colon,
    /// `，` before the next key of a flow mapping.
    Comma,
    /// `　` (U+3000) in the indentation.
    Space,
    /// `5,000万元` inside `{ … }`.
    Thousands,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    pub kind: SlipKind,
    /// The character (or, for thousands, the number) at fault.
    pub span: Span,
    /// The key the slip belongs to (`value`).
    pub key: String,
    /// The text as written at `span`.
    pub written: String,
    /// What to write instead, when the meaning is certain.
    pub replacement: Option<String>,
    /// 1-based line.
    pub line: usize,
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// The ASCII key that ends right before byte `end` of `line` (`  - { ref: a, value` →
/// `value`), if the text before it is the start of a line, `- `, `{` or a comma.
fn key_before(line: &str, end: usize) -> Option<&str> {
    let head = &line[..end];
    let head = head.trim_end();
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_key_char(c))
        .last()
        .map(|(i, _)| i)?;
    let key = &head[start..];
    if !key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return None;
    }
    let before = head[..start].trim_end();
    let ok = before.is_empty()
        || before.ends_with('-')
        || before.ends_with('{')
        || before.ends_with(',')
        || before.ends_with('，')
        || before.trim_start_matches(['-', ' ', '\u{3000}']).is_empty();
    ok.then_some(key)
}

/// The part of a line before a comment (` #`), outside quotes.
fn code_part(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && (prev == ' ' || i == 0) => return &line[..i],
            None => {}
        }
        prev = c;
    }
    line
}

/// Every slip of a text, in order.
pub fn scan(text: &str) -> Vec<Slip> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (n, full) in text.split_inclusive('\n').enumerate() {
        let line_no = n + 1;
        let line = code_part(full.trim_end_matches(['\n', '\r']));
        let at = |i: usize, len: usize| Span::new(offset + i, offset + i + len);
        // A full-width space in the indentation.
        let indent_end = line
            .char_indices()
            .find(|&(_, c)| !matches!(c, ' ' | '\u{3000}'))
            .map_or(line.len(), |(i, _)| i);
        if let Some(i) = line[..indent_end].find('\u{3000}') {
            let rest = line[indent_end..].trim_start_matches("- ");
            let key: String = rest.chars().take_while(|&c| is_key_char(c)).collect();
            out.push(Slip {
                kind: SlipKind::Space,
                span: at(i, '\u{3000}'.len_utf8()),
                key,
                written: "\u{3000}".into(),
                replacement: None,
                line: line_no,
            });
        }
        let in_flow = line.contains('{');
        for (i, c) in line.char_indices() {
            match c {
                '：' => {
                    if let Some(key) = key_before(line, i) {
                        let next = line[i + c.len_utf8()..].chars().next();
                        let replacement = if next.is_some_and(|n| n == ' ') {
                            ":"
                        } else {
                            ": "
                        };
                        out.push(Slip {
                            kind: SlipKind::Colon,
                            span: at(i, c.len_utf8()),
                            key: key.to_owned(),
                            written: c.to_string(),
                            replacement: Some(replacement.into()),
                            line: line_no,
                        });
                    }
                }
                '，' if in_flow => {
                    // Only before a key (`，value:`): a comma inside Chinese text is text.
                    let rest = &line[i + c.len_utf8()..];
                    let trimmed = rest.trim_start();
                    let key: String = trimmed.chars().take_while(|&c| is_key_char(c)).collect();
                    let after = trimmed[key.len()..].trim_start();
                    if !key.is_empty() && (after.starts_with(':') || after.starts_with('：')) {
                        out.push(Slip {
                            kind: SlipKind::Comma,
                            span: at(i, c.len_utf8()),
                            key,
                            written: c.to_string(),
                            replacement: Some(if rest.starts_with(' ') {
                                ",".into()
                            } else {
                                ", ".into()
                            }),
                            line: line_no,
                        });
                    }
                }
                _ => {}
            }
        }
        if in_flow {
            thousands(line, offset, line_no, &mut out);
        }
        offset += full.len();
    }
    out
}

/// `key: 5,000万元` inside `{ … }`: digits, then `,` and exactly three digits.
fn thousands(line: &str, offset: usize, line_no: usize, out: &mut Vec<Slip>) {
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(p) = line[from..].find(": ") {
        let colon = from + p;
        from = colon + 2;
        let Some(key) = key_before(line, colon) else {
            continue;
        };
        let start = from + (line[from..].len() - line[from..].trim_start().len());
        let mut i = start;
        if i < b.len() && b[i] == b'-' {
            i += 1;
        }
        let digits_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == digits_start || i - digits_start > 3 {
            continue;
        }
        let mut groups = 0;
        while i + 3 < b.len() && b[i] == b',' && b[i + 1..i + 4].iter().all(u8::is_ascii_digit) {
            i += 4;
            groups += 1;
        }
        if groups == 0 || (i < b.len() && b[i].is_ascii_digit()) {
            continue;
        }
        // The rest of the value: decimals and a unit, up to the next `,` or `}`.
        let end = line[i..].find([',', '}']).map_or(line.len(), |e| i + e);
        let written = line[start..end].trim_end();
        let number = &line[start..i];
        let replacement = format!("{}{}", number.replace(',', ""), &written[number.len()..]);
        out.push(Slip {
            kind: SlipKind::Thousands,
            span: Span::new(offset + start, offset + start + written.len()),
            key: key.to_owned(),
            written: written.to_owned(),
            replacement: Some(replacement),
            line: line_no,
        });
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SlipKind, String, Option<String>)> {
        scan(text)
            .into_iter()
            .map(|s| (s.kind, s.key, s.replacement))
            .collect()
    }

    #[test]
    fn finds_each_slip_at_its_character() {
        let s = scan("title： 标题\n");
        assert_eq!(s[0].kind, SlipKind::Colon);
        assert_eq!(s[0].span, Span::new(5, 8));
        assert_eq!(s[0].replacement.as_deref(), Some(":"));
        assert_eq!(
            kinds("  - { ref: a，value: 6亿元 }\n"),
            [(SlipKind::Comma, "value".into(), Some(", ".into()))]
        );
        assert_eq!(
            kinds("  - { ref: a, value：6亿元 }\n"),
            [(SlipKind::Colon, "value".into(), Some(": ".into()))]
        );
        assert_eq!(
            kinds("  - { ref: b, value: 40,000万元, share: 40% }\n"),
            [(
                SlipKind::Thousands,
                "value".into(),
                Some("40000万元".into())
            )]
        );
        assert_eq!(
            kinds("  - { ref: b, value: 1,234,567.5元 }\n"),
            [(
                SlipKind::Thousands,
                "value".into(),
                Some("1234567.5元".into())
            )]
        );
        assert_eq!(kinds("\u{3000}status: final\n")[0].0, SlipKind::Space);
    }

    #[test]
    fn comments_end_the_code_outside_quotes() {
        assert_eq!(code_part("a: 1 # b"), "a: 1 ");
        assert_eq!(code_part("#c"), "");
        assert_eq!(code_part("a: \"x # y\" # c"), "a: \"x # y\" ");
        assert_eq!(code_part("a: 'x # y' # c"), "a: 'x # y' ");
        assert_eq!(code_part("a: x#y"), "a: x#y");
        assert_eq!(code_part("a: \"q\" b # c"), "a: \"q\" b ");
    }

    #[test]
    fn a_key_stands_after_a_line_start_a_dash_a_brace_or_a_comma() {
        assert_eq!(key_before("value", 5), Some("value"));
        assert_eq!(key_before("  - last_year", 13), Some("last_year"));
        assert_eq!(key_before("{ ref: a, child-plan", 20), Some("child-plan"));
        assert_eq!(key_before("{ ref: a，value", 16), Some("value"));
        assert_eq!(key_before("{value", 6), Some("value"));
        assert_eq!(key_before("x value", 7), None);
        assert_eq!(key_before("  9abc", 6), None);
        assert_eq!(key_before("  目标", 8), None);
        // A colon in a quoted text or a comment is text.
        assert_eq!(scan("text: \"目标：x\"\n"), []);
        assert_eq!(scan("a: 1 # value：2\n"), []);
        assert_eq!(kinds("a: \"#\" \nvalue：2\n")[0].1, "value");
    }

    #[test]
    fn chinese_text_is_left_alone() {
        for ok in [
            "text: 目标：提升份额，扩大覆盖\n",
            "  - { title: 优势, text: 产品线丰富，覆盖全国 }\n",
            "  - 目标：提升份额\n",
            "value: 5,000万元\n",
            "  - { ref: a, value: 5000万元 }   # 注：5,000万元\n",
            "  - { a: 1, b: 2 }\n",
        ] {
            assert_eq!(scan(ok), [], "{ok}");
        }
    }
}
