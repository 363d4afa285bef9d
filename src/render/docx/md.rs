//! Narrative Markdown → Word paragraphs: emphasis as run formatting, lists as Word
//! numbering, raw HTML as plain text (it is shown, never interpreted).

use docx_rs::{
    AlignmentType, BreakType, Hyperlink, HyperlinkType, IndentLevel, NumberingId, Paragraph, Run,
    RunFonts, SpecialIndentType,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Lists, BULLETS};

/// How the paragraphs of a narrative are styled.
#[derive(Clone, Copy)]
pub struct Style<'a> {
    /// Paragraph style id (`Normal`, `TableText`).
    pub para: &'a str,
    /// Left indent (twips) of every paragraph.
    pub indent: i32,
    pub align: Option<AlignmentType>,
    pub bold: bool,
    pub color: Option<&'a str>,
}

impl<'a> Style<'a> {
    pub fn new(para: &'a str) -> Style<'a> {
        Style {
            para,
            indent: 0,
            align: None,
            bold: false,
            color: None,
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Fmt {
    bold: u32,
    italic: u32,
    strike: u32,
    code: bool,
    link: bool,
}

struct ListState {
    /// Word numbering id: the shared bullet list, or a fresh numbered one.
    num: usize,
}

struct Conv<'s, 'l> {
    style: Style<'s>,
    lists: &'l mut Lists,
    out: Vec<Paragraph>,
    cur: Option<Paragraph>,
    fmt: Fmt,
    stack: Vec<ListState>,
    quote: i32,
    /// The last character written, to join soft line breaks in Chinese without a space.
    last: Option<char>,
    link_url: Option<String>,
    link_text: String,
    /// The runs of a link to a file beside the document (`reps/lina.docx`): a hyperlink
    /// once the link closes, its target not printed.
    link_runs: Option<Vec<Run>>,
}

/// Converts narrative Markdown into paragraphs.
pub fn paragraphs(md: &str, style: Style, lists: &mut Lists) -> Vec<Paragraph> {
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut c = Conv {
        style,
        lists,
        out: Vec::new(),
        cur: None,
        fmt: Fmt::default(),
        stack: Vec::new(),
        quote: 0,
        last: None,
        link_url: None,
        link_text: String::new(),
        link_runs: None,
    };
    for event in parser {
        c.event(event);
    }
    c.flush();
    c.out
}

impl Conv<'_, '_> {
    fn base(&self) -> Paragraph {
        let mut p = Paragraph::new().style(self.style.para);
        let indent = self.style.indent + self.quote * 420;
        if indent > 0 {
            p = p.indent(Some(indent), None, None, None);
        }
        if let Some(a) = self.style.align {
            p = p.align(a);
        }
        p
    }

    fn para(&mut self) -> &mut Paragraph {
        if self.cur.is_none() {
            self.cur = Some(self.base());
        }
        self.cur.as_mut().expect("just set")
    }

    fn flush(&mut self) {
        if let Some(p) = self.cur.take() {
            self.out.push(p);
        }
        self.last = None;
    }

    fn run(&self, text: &str) -> Run {
        let mut r = Run::new().add_text(text);
        if self.fmt.bold > 0 || self.style.bold {
            r = r.bold();
        }
        if self.fmt.italic > 0 {
            r = r.italic();
        }
        if self.fmt.strike > 0 {
            r = r.strike();
        }
        if self.fmt.code {
            r = r.fonts(
                RunFonts::new()
                    .ascii("Consolas")
                    .hi_ansi("Consolas")
                    .east_asia("Microsoft YaHei"),
            );
        }
        if self.fmt.link {
            r = r.color("2F5D9E").underline("single");
        } else if let Some(c) = self.style.color {
            r = r.color(c);
        }
        r
    }

    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if self.link_url.is_some() {
            self.link_text.push_str(t);
        }
        let run = self.run(t);
        self.last = t.chars().last();
        if let Some(runs) = &mut self.link_runs {
            runs.push(run);
            return;
        }
        let p = self.para();
        *p = std::mem::take(p).add_run(run);
    }

    fn event(&mut self, e: Event) {
        match e {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                self.fmt.code = true;
                self.text(&t);
                self.fmt.code = false;
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                // Shown as written, never interpreted.
                let t = t.trim_end_matches('\n').to_owned();
                self.text(&t);
            }
            Event::SoftBreak => {
                let cjk = self.last.is_some_and(is_cjk);
                if !cjk {
                    self.text(" ");
                }
            }
            Event::HardBreak => {
                let p = self.para();
                *p = std::mem::take(p).add_run(Run::new().add_break(BreakType::TextWrapping));
            }
            Event::Rule => self.flush(),
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(t) => self.text(&format!("[{t}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                // A loose list item already opened its paragraph.
                let in_empty_item = self
                    .cur
                    .as_ref()
                    .is_some_and(|p| p.children.is_empty() && p.has_numbering);
                if !in_empty_item {
                    self.flush();
                }
            }
            Tag::Heading { .. } => {
                self.flush();
                self.fmt.bold += 1;
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.fmt.code = true;
            }
            Tag::List(start) => {
                self.flush();
                let num = match start {
                    Some(n) => self.lists.numbered(n as usize),
                    None => BULLETS,
                };
                self.stack.push(ListState { num });
            }
            Tag::Item => {
                self.flush();
                let level = self.stack.len().saturating_sub(1);
                let num = self.stack.last().map_or(BULLETS, |l| l.num);
                let mut p = Paragraph::new()
                    .style(self.style.para)
                    .numbering(NumberingId::new(num), IndentLevel::new(level));
                let left = self.style.indent + 420 * (level as i32 + 1);
                p = p.indent(
                    Some(left),
                    Some(SpecialIndentType::Hanging(300)),
                    None,
                    None,
                );
                self.cur = Some(p);
            }
            Tag::Emphasis => self.fmt.italic += 1,
            Tag::Strong => self.fmt.bold += 1,
            Tag::Strikethrough => self.fmt.strike += 1,
            Tag::Link { dest_url, .. } => {
                self.fmt.link = true;
                self.link_url = Some(dest_url.to_string());
                self.link_text.clear();
                if relative(&dest_url) {
                    self.link_runs = Some(Vec::new());
                }
            }
            // Never fetched or embedded: the image's address, when the policy allows it.
            Tag::Image { dest_url, .. } if crate::render::links::allowed(&dest_url) => {
                self.text(&format!("[{dest_url}]"));
            }
            Tag::Table(_) | Tag::TableHead | Tag::TableRow => self.flush(),
            Tag::TableCell if self.cur.as_ref().is_some_and(|p| !p.children.is_empty()) => {
                self.text(" | ");
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow => self.flush(),
            TagEnd::Heading(_) => {
                self.fmt.bold = self.fmt.bold.saturating_sub(1);
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote -= 1;
            }
            TagEnd::CodeBlock => {
                self.fmt.code = false;
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.stack.pop();
            }
            TagEnd::Emphasis => self.fmt.italic = self.fmt.italic.saturating_sub(1),
            TagEnd::Strong => self.fmt.bold = self.fmt.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.fmt.strike = self.fmt.strike.saturating_sub(1),
            TagEnd::Link => {
                self.fmt.link = false;
                if let Some((runs, url)) = self
                    .link_runs
                    .take()
                    .and_then(|runs| Some((runs, self.link_url.take()?)))
                {
                    let link = runs
                        .into_iter()
                        .fold(Hyperlink::new(url, HyperlinkType::External), |h, r| {
                            h.add_run(r)
                        });
                    let p = self.para();
                    *p = std::mem::take(p).add_hyperlink(link);
                } else if let Some(url) = self.link_url.take() {
                    let shown = crate::render::links::allowed(&url);
                    if shown && url != self.link_text && !url.is_empty() {
                        self.text(&format!(" ({url})"));
                    }
                }
            }
            _ => {}
        }
    }
}

/// A link to a file beside the document: no scheme, not a fragment, no way up or out.
fn relative(url: &str) -> bool {
    let u = url.trim();
    !u.is_empty()
        && !u.contains(':')
        && !u.starts_with(['/', '\\', '#'])
        && !u.split(['/', '\\']).any(|s| s == "..")
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}
