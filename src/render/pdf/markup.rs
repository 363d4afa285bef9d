//! Plan text → typst source, always inert.
//!
//! Everything a plan author wrote reaches typst either escaped as markup (every ASCII
//! punctuation mark gets a backslash, so `#`, `$`, `*`, `_`, `@`, `<`, `[`, `/` … are
//! shown, never interpreted) or as a string literal. Narrative Markdown is parsed with
//! pulldown-cmark and rebuilt from typst's own elements (`#strong[…]`, lists, tables),
//! with its text escaped the same way; raw HTML in it is shown as text.

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

/// Plain text as typst markup that shows it literally. A line break stays a line break.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    let mut lines = s.trim_end_matches('\n').split('\n').peekable();
    while let Some(line) = lines.next() {
        escape_into(&mut out, line.trim_end_matches('\r'));
        if lines.peek().is_some() {
            // A backslash before a newline is a forced line break.
            out.push_str("\\\n");
        }
    }
    out
}

/// A run of this many letters and digits without a break (a SHA-256) gets a
/// zero-width space after every such stretch, so it wraps inside its cell.
const LONG_RUN: usize = 16;

fn escape_into(out: &mut String, s: &str) {
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            run += 1;
            if run > LONG_RUN {
                out.push('\u{200B}');
                run = 1;
            }
        } else {
            run = 0;
        }
        match c {
            // Unicode escapes need `\u{`: letters and digits are never escaped.
            c if c.is_ascii_punctuation()
                && !matches!(
                    c,
                    ',' | ';' | '!' | '?' | '(' | ')' | '%' | '&' | '|' | '{' | '}' | ':'
                ) =>
            {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// A typst string literal holding `s`.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Narrative Markdown as typst block markup (paragraphs, lists, quotes, tables).
pub fn markdown(md: &str) -> String {
    let mut c = Conv::default();
    c.run(md);
    c.out.trim().to_owned()
}

/// Narrative Markdown inside a line (a cell, after a label): paragraphs joined by line breaks.
pub fn markdown_inline(md: &str) -> String {
    let block = markdown(md);
    let simple = !block.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with("- ")
            || t.starts_with("+ ")
            || t.starts_with("#quote")
            || t.starts_with("#table")
    });
    if simple {
        // Paragraph breaks become line breaks, so the text stays in its cell or line.
        block
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" \\\n")
    } else {
        format!("#block[\n{block}\n]")
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

#[derive(Default)]
struct Conv {
    out: String,
    /// Open list levels: `None` bullets, `Some(_)` numbered.
    lists: Vec<Option<u64>>,
    /// A soft break waits for the next character: Chinese lines join without a space.
    pending_soft: bool,
    last: Option<char>,
    /// Inside a Markdown table.
    table: bool,
    /// The text of a code block being read.
    code: Option<String>,
    image_alt: Option<String>,
}

impl Conv {
    fn run(&mut self, md: &str) {
        let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for ev in Parser::new_ext(md, opts) {
            self.event(ev);
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(alt) = &mut self.image_alt {
            alt.push_str(t);
            return;
        }
        if let Some(code) = &mut self.code {
            code.push_str(t);
            return;
        }
        if self.pending_soft {
            self.pending_soft = false;
            let next = t.chars().next();
            let join = self.last.is_some_and(is_cjk) || next.is_some_and(is_cjk);
            if !join {
                self.out.push(' ');
            }
        }
        escape_into(&mut self.out, t);
        if let Some(c) = t.chars().last() {
            self.last = Some(c);
        }
    }

    fn raw(&mut self, s: &str) {
        if self.pending_soft {
            self.pending_soft = false;
            self.out.push(' ');
        }
        self.out.push_str(s);
    }

    fn block_start(&mut self) {
        if self.table {
            return;
        }
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            if !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            if self.lists.is_empty() {
                self.out.push('\n');
            }
        }
        self.last = None;
        self.pending_soft = false;
    }

    fn indent(&self) -> String {
        "  ".repeat(self.lists.len().saturating_sub(1))
    }

    fn event(&mut self, ev: Event) {
        match ev {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                let lit = string(&t);
                self.raw(&format!("#raw({lit})"));
            }
            Event::Html(t) | Event::InlineHtml(t) => self.text(&t),
            Event::SoftBreak => {
                if self.code.is_some() {
                    self.text("\n");
                } else {
                    self.pending_soft = true;
                }
            }
            Event::HardBreak => self.raw(" \\\n"),
            Event::Rule => {
                self.block_start();
                self.out
                    .push_str("#line(length: 100%, stroke: 0.5pt + luma(160))\n");
            }
            Event::TaskListMarker(done) => self.raw(if done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(t) => self.text(&format!("[{t}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph if self.lists.is_empty() => self.block_start(),
            Tag::Heading { .. } => {
                // Narrative headings are emphasised lines, not document headings:
                // they stay out of the table of contents and the bookmarks.
                self.block_start();
                self.raw("#strong[");
            }
            Tag::BlockQuote(_) => {
                self.block_start();
                self.raw("#quote(block: true)[\n");
            }
            Tag::CodeBlock(_) => {
                self.block_start();
                self.code = Some(String::new());
            }
            Tag::List(start) => {
                if self.lists.is_empty() {
                    self.block_start();
                } else if !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
                self.lists.push(start);
            }
            Tag::Item => {
                if !self.out.is_empty() && !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
                let indent = self.indent();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_owned(),
                };
                self.out.push_str(&indent);
                self.out.push_str(&marker);
                self.last = None;
                self.pending_soft = false;
            }
            Tag::Table(aligns) => {
                self.block_start();
                let cols = aligns.len().max(1);
                let align: Vec<&str> = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Right => "right",
                        Alignment::Center => "center",
                        _ => "left",
                    })
                    .collect();
                self.out.push_str(&format!(
                    "#md-table(columns: {cols}, align: ({},),\n",
                    align.join(", ")
                ));
                self.table = true;
            }
            Tag::TableHead => self.out.push_str("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => {
                self.out.push('[');
                self.last = None;
            }
            Tag::Emphasis => self.raw("#emph["),
            Tag::Strong => self.raw("#strong["),
            Tag::Strikethrough => self.raw("#strike["),
            // Only the links the policy allows become link annotations; the others keep
            // their text (a `#[…]` block closes like a link).
            Tag::Link { dest_url, .. } if crate::render::links::allowed(&dest_url) => {
                let lit = string(&dest_url);
                self.raw(&format!("#link({lit})["));
            }
            Tag::Link { .. } => self.raw("#["),
            Tag::Image { .. } => self.image_alt = Some(String::new()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                if !self.lists.is_empty() {
                    // A loose list: paragraphs of an item are joined by a line break.
                    self.raw(" \\\n");
                    self.out.push_str(&"  ".repeat(self.lists.len()));
                } else {
                    self.out.push('\n');
                }
            }
            TagEnd::Heading(_) => self.out.push_str("]\n"),
            TagEnd::BlockQuote(_) => self.out.push_str("\n]\n"),
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                let lit = string(code.trim_end_matches('\n'));
                self.out.push_str(&format!("#raw(block: true, {lit})\n"));
            }
            TagEnd::List(_) => {
                self.lists.pop();
                if !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
            }
            TagEnd::Item => {
                // Drop a trailing line break left by the item's last paragraph.
                let trimmed = self.out.trim_end_matches([' ', '\n']);
                let trimmed = trimmed.strip_suffix(" \\").unwrap_or(trimmed);
                let len = trimmed.len();
                self.out.truncate(len);
                self.out.push('\n');
            }
            TagEnd::Table => {
                self.table = false;
                self.out.push_str(")\n");
            }
            TagEnd::TableHead => self.out.push_str("),\n"),
            TagEnd::TableRow => self.out.push('\n'),
            TagEnd::TableCell => self.out.push_str("], "),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.out.push(']')
            }
            TagEnd::Image => {
                let alt = self.image_alt.take().unwrap_or_default();
                self.text(&alt);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        let e = escape("#let x = 1 $a$ *b* _c_ @d <e> [f] \\g `h` ~ // i\n- j\n1. k = 2");
        // Every special character is escaped: read as typst reads `\x`.
        let mut chars = e.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                chars.next();
            } else {
                assert!(!"#$*_@<>[]`~/=-".contains(c), "`{c}` unescaped in {e}");
            }
        }
        assert!(e.contains("\\#let"), "{e}");
        assert!(e.contains("\\\\g"), "{e}");
        assert_eq!(escape("增长 12.5%"), "增长 12\\.5%");
        assert_eq!(escape(&"a".repeat(20)).matches('\u{200B}').count(), 1);
    }

    #[test]
    fn strings_are_literals() {
        assert_eq!(string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }

    #[test]
    fn markdown_becomes_typst_elements() {
        let t = markdown("**重点** 医院 #1\n\n- 一\n- 二 `#x`\n\n> 引用");
        assert!(t.contains("#strong[重点]"), "{t}");
        assert!(t.contains("\\#1"), "{t}");
        assert!(t.contains("- 一\n- 二 #raw(\"#x\")"), "{t}");
        assert!(t.contains("#quote(block: true)["), "{t}");
        // Chinese lines join without a space.
        assert_eq!(markdown("第一行\n第二行"), "第一行第二行");
        assert_eq!(markdown("one\ntwo"), "one two");
        assert_eq!(markdown_inline("a\n\nb"), "a \\\nb");
    }
}
