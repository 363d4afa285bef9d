//! The minijinja environment: embedded default templates, overrides by name from a
//! directory, and the filters templates use to turn narrative Markdown into output.
//!
//! Narrative fields are Markdown written by plan authors. In HTML they go through
//! pulldown-cmark and ammonia, so a `<script>` or `onclick` in a plan never reaches
//! the report; in Markdown output raw HTML tags are defused (`<` → `&lt;`).

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use minijinja::{context, AutoEscape, Environment, State, UndefinedBehavior, Value};
use serde::Serialize;

use super::index::Entry;
use super::labels::Labels;
use super::view::Report;
use super::{Format, RenderError};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

/// The default templates, by name. A file of the same name under `--templates DIR`
/// replaces one.
pub static DEFAULTS: &[(&str, &str)] = embed![
    "md/base.md.j2",
    "md/macros.md.j2",
    "md/index.md.j2",
    "md/kinds/company.md.j2",
    "md/kinds/region.md.j2",
    "md/kinds/representative.md.j2",
    "md/kinds/launch.md.j2",
    "md/kinds/initiative.md.j2",
    "md/kinds/onboarding.md.j2",
    "md/kinds/role.md.j2",
    "md/kinds/review.md.j2",
    "md/sections/text.md.j2",
    "md/sections/part.md.j2",
    "md/sections/swot.md.j2",
    "md/sections/overview.md.j2",
    "md/sections/last_year.md.j2",
    "md/sections/launch.md.j2",
    "md/sections/targets.md.j2",
    "md/sections/smart.md.j2",
    "md/sections/kpis.md.j2",
    "md/sections/strategies.md.j2",
    "md/sections/strategy.md.j2",
    "md/sections/tiers.md.j2",
    "md/sections/accounts.md.j2",
    "md/sections/account.md.j2",
    "md/sections/timeline.md.j2",
    "md/sections/phase.md.j2",
    "md/sections/resources.md.j2",
    "md/sections/budget.md.j2",
    "md/sections/requests.md.j2",
    "md/sections/risks.md.j2",
    "md/sections/cadence.md.j2",
    "md/sections/topics.md.j2",
    "md/sections/topic.md.j2",
    "md/sections/duties.md.j2",
    "md/sections/duty.md.j2",
    "md/sections/cases.md.j2",
    "md/sections/case.md.j2",
    "md/sections/glossary.md.j2",
    "md/sections/reference.md.j2",
    "md/sections/checks.md.j2",
    "md/sections/review.md.j2",
    "html/base.html.j2",
    "html/macros.html.j2",
    "html/style.css.j2",
    "html/index.html.j2",
    "html/kinds/company.html.j2",
    "html/kinds/region.html.j2",
    "html/kinds/representative.html.j2",
    "html/kinds/launch.html.j2",
    "html/kinds/initiative.html.j2",
    "html/kinds/onboarding.html.j2",
    "html/kinds/role.html.j2",
    "html/kinds/review.html.j2",
    "html/sections/text.html.j2",
    "html/sections/part.html.j2",
    "html/sections/swot.html.j2",
    "html/sections/overview.html.j2",
    "html/sections/last_year.html.j2",
    "html/sections/launch.html.j2",
    "html/sections/targets.html.j2",
    "html/sections/smart.html.j2",
    "html/sections/kpis.html.j2",
    "html/sections/strategies.html.j2",
    "html/sections/strategy.html.j2",
    "html/sections/tiers.html.j2",
    "html/sections/accounts.html.j2",
    "html/sections/account.html.j2",
    "html/sections/timeline.html.j2",
    "html/sections/phase.html.j2",
    "html/sections/resources.html.j2",
    "html/sections/budget.html.j2",
    "html/sections/requests.html.j2",
    "html/sections/risks.html.j2",
    "html/sections/cadence.html.j2",
    "html/sections/topics.html.j2",
    "html/sections/topic.html.j2",
    "html/sections/duties.html.j2",
    "html/sections/duty.html.j2",
    "html/sections/cases.html.j2",
    "html/sections/case.html.j2",
    "html/sections/glossary.html.j2",
    "html/sections/reference.html.j2",
    "html/sections/checks.html.j2",
    "html/sections/review.html.j2",
];

pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    pub fn new(overrides: Option<&Path>) -> Templates {
        let mut env = environment(overrides, DEFAULTS);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") || name.ends_with(".css.j2") {
                AutoEscape::Html
            } else if name.ends_with(".md.j2") {
                AutoEscape::Custom("md")
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            if !is_md(state) {
                return minijinja::escape_formatter(out, state, value);
            }
            if value.is_undefined() || value.is_none() {
                return Ok(());
            }
            let text = match value.as_str() {
                Some(s) if !value.is_safe() => inert(s),
                _ => value.to_string(),
            };
            out.write_str(&text).map_err(minijinja::Error::from)
        });
        env.add_filter("md", md_filter);
        env.add_filter("md_inline", md_inline_filter);
        env.add_filter("cell", cell_filter);
        env.add_filter("slug", slug);
        env.add_filter("title_lines", |t: String| super::view::title_lines(&t));
        Templates { env }
    }

    pub fn render_report(
        &self,
        report: &Report,
        format: Format,
        l: &Labels,
    ) -> Result<String, RenderError> {
        let (dir, ext) = dir_ext(format);
        let name = format!("{dir}/kinds/{}.{ext}.j2", report.kind);
        let t = self.env.get_template(&name)?;
        let out = render_bounded(
            &t,
            context! { r => Value::from_serialize(report), L => l.map() },
        )?;
        Ok(match format {
            Format::Md => tidy_markdown(&out),
            _ => out,
        })
    }

    pub fn render_index(
        &self,
        entries: &[Entry],
        format: Format,
        l: &Labels,
    ) -> Result<String, RenderError> {
        let (dir, ext) = dir_ext(format);
        let t = self.env.get_template(&format!("{dir}/index.{ext}.j2"))?;
        #[derive(Serialize)]
        struct Ctx<'a> {
            entries: &'a [Entry],
        }
        render_bounded(
            &t,
            context! { r => Value::from_serialize(Ctx { entries }), L => l.map() },
        )
    }
}

/// The instructions one template rendering may execute.
pub const TEMPLATE_FUEL: u64 = 50_000_000;

/// The most one text template rendering may write: 64 MB. The largest bundled report
/// (the company plan's HTML, charts inline) is under 1 MB.
pub const TEMPLATE_OUTPUT_BYTES: usize = 64 * 1024 * 1024;

/// Renders `t`, stopping with an error that names the template when the output
/// passes [`TEMPLATE_OUTPUT_BYTES`]: fuel bounds the steps, not what one step writes (a
/// loop printing a long string), so the output is bounded as it is written.
pub(crate) fn render_bounded(
    t: &minijinja::Template<'_, '_>,
    ctx: Value,
) -> Result<String, RenderError> {
    render_within(t, ctx, TEMPLATE_OUTPUT_BYTES)
}

fn render_within(
    t: &minijinja::Template<'_, '_>,
    ctx: Value,
    limit: usize,
) -> Result<String, RenderError> {
    let mut out = Bounded {
        bytes: Vec::new(),
        limit,
        over: false,
    };
    match t.render_captured_to(ctx, &mut out) {
        Ok(_) => String::from_utf8(out.bytes).map_err(|e| RenderError::Template {
            name: t.name().to_owned(),
            message: e.to_string(),
        }),
        // minijinja names the template rendered, not the include that wrote the byte.
        Err(_) if out.over => Err(RenderError::Template {
            name: t.name().to_owned(),
            message: crate::t!("template-output-too-large", mb = limit / (1024 * 1024)),
        }),
        Err(e) => Err(e.into()),
    }
}

/// A buffer that refuses to grow past its limit.
struct Bounded {
    bytes: Vec<u8>,
    limit: usize,
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            self.over = true;
            return Err(std::io::Error::other("the template's output limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A template environment shared by every format (md, html, typst): block whitespace
/// trimmed, undefined values chainable, templates from `overrides` (through
/// `read_override`) before the built-in `defaults`.
pub(crate) fn environment(
    overrides: Option<&Path>,
    defaults: &'static [(&'static str, &'static str)],
) -> Environment<'static> {
    let mut env = Environment::new();
    // A template's work is bounded: a loop that runs away (nested `range`s, a recursive
    // macro) stops with an error naming the template instead of taking the machine.
    // Every bundled report renders within a tenth of this (tested at 5 000 000).
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_recursion_limit(200);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    let dir: Option<PathBuf> = overrides.map(Path::to_path_buf);
    env.set_loader(move |name| {
        if let Some(dir) = &dir {
            if let Some(text) = read_override(dir, name)? {
                return Ok(Some(text));
            }
        }
        Ok(defaults
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| (*t).to_owned()))
    });
    env
}

/// A template of the `--templates` folder, by name (`html/sections/risks.html.j2`).
/// Only files inside the folder are read: a name with `..`, an empty part (an absolute
/// path), a backslash or a drive colon is not looked up, and a file that resolves
/// (through a link) outside the folder, or is not a regular file, is refused with an
/// error — an `{% include %}` can never reach `/etc/passwd`.
fn read_override(dir: &Path, name: &str) -> Result<Option<String>, minijinja::Error> {
    let refuse = |path: &Path, reason: String| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            crate::t!(
                "io-cannot-read",
                path = crate::source::display_path(path),
                reason = reason
            ),
        )
    };
    if name
        .split('/')
        .any(|p| p == ".." || p == "." || p.is_empty() || p.contains(['\\', ':']))
    {
        return Ok(None);
    }
    let path = dir.join(name);
    let resolved = match std::fs::canonicalize(&path) {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(refuse(&path, crate::source::io_reason(&e))),
    };
    let root = std::fs::canonicalize(dir).map_err(|e| refuse(dir, crate::source::io_reason(&e)))?;
    if !resolved.starts_with(&root) {
        return Err(refuse(&path, crate::t!("render-template-outside")));
    }
    match crate::source::read(&resolved) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| refuse(&path, crate::t!("decode-unknown-encoding"))),
        Err(e) => Err(refuse(&path, crate::source::io_reason(&e))),
    }
}

fn dir_ext(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::Html => ("html", "html"),
        _ => ("md", "md"),
    }
}

fn is_md(state: &State) -> bool {
    state.auto_escape() == AutoEscape::Custom("md")
}

/// Narrative Markdown as a block: sanitised HTML, or defused Markdown.
fn md_filter(state: &State, text: Option<String>) -> Value {
    let text = text.unwrap_or_default();
    if is_md(state) {
        let safe = super::links::neutralise_markdown(text.trim());
        Value::from_safe_string(inert(&safe))
    } else {
        Value::from_safe_string(to_html(&text))
    }
}

/// Narrative Markdown inside a line (a table cell, a list item): no wrapping `<p>`.
fn md_inline_filter(state: &State, text: Option<String>) -> Value {
    let text = text.unwrap_or_default();
    if is_md(state) {
        let safe = super::links::neutralise_markdown(text.trim());
        Value::from_safe_string(one_line(&inert(&safe)))
    } else {
        Value::from_safe_string(to_html_inline(&text))
    }
}

/// A table cell (a view `Cell`, or plain text) for the current format.
fn cell_filter(state: &State, value: Value) -> Value {
    let (text, md) = match value.get_attr("text") {
        Ok(t) if !t.is_undefined() => (
            t.as_str().unwrap_or_default().to_owned(),
            value.get_attr("md").map(|m| m.is_true()).unwrap_or(false),
        ),
        _ => (
            value
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_string()),
            false,
        ),
    };
    if is_md(state) {
        let t = inert(&super::links::neutralise_markdown(&text)).replace('|', "\\|");
        Value::from_safe_string(one_line(&t))
    } else if md {
        Value::from_safe_string(to_html_inline(&text))
    } else {
        Value::from(text)
    }
}

/// Collapses runs of blank lines into one and drops trailing spaces, so templates
/// need not count newlines exactly (a line ending in two spaces is a hard break and stays).
pub fn tidy_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let l = if line.ends_with("  ") && !line.trim().is_empty() {
            line
        } else {
            line.trim_end()
        };
        if l.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(l);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Joins lines with `<br>` so a multi-line cell stays one Markdown table row.
fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Defuses raw HTML in Markdown text: a `<` that would open a tag becomes `&lt;`.
pub fn inert(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
        {
            out.push_str("&lt;");
        } else {
            out.push(c);
        }
    }
    out
}

/// The anchor GitHub gives a heading: lower-case, punctuation dropped, spaces → `-`.
pub fn slug(s: String) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c)
            } else if c == ' ' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.link_rel(Some("noopener noreferrer"));
    // A report is self-contained: nothing in a plan may make it load anything.
    b.rm_tags(["img"]);
    b
});

/// Markdown → sanitised HTML.
pub fn to_html(md: &str) -> String {
    let opts =
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    let parser = pulldown_cmark::Parser::new_ext(md, opts);
    let mut html = String::with_capacity(md.len() * 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    SANITIZER.clean(&html).to_string()
}

/// Markdown → sanitised HTML without the `<p>` around a single paragraph.
pub fn to_html_inline(md: &str) -> String {
    let html = to_html(md);
    let t = html.trim();
    match t.strip_prefix("<p>").and_then(|x| x.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => t.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_do_not_survive() {
        let h = to_html("hi <script>alert(1)</script> <img src=x onerror=alert(2)> [a](javascript:alert(3)) <b onclick=\"x()\">b</b>");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("onerror"), "{h}");
        assert!(!h.contains("onclick"), "{h}");
        assert!(!h.contains("javascript:"), "{h}");
        assert_eq!(inert("a <script> b < c"), "a &lt;script> b < c");
    }

    #[test]
    fn slugs_like_github() {
        assert_eq!(slug("一、前言与总览".into()), "一前言与总览");
        assert_eq!(slug("1.1 区域概览".into()), "11-区域概览");
    }

    #[test]
    fn every_default_template_parses() {
        let t = Templates::new(None);
        for (name, _) in DEFAULTS {
            if let Err(e) = t.env.get_template(name) {
                panic!("{name}: {e:#}");
            }
        }
    }

    /// The output limit is exact: a template writing the limit renders, one writing a
    /// byte more stops with an error naming the template rendered.
    #[test]
    fn output_is_bounded_and_the_template_named() {
        let mut env = Environment::new();
        env.add_template("inner.md.j2", "{% for i in range(n) %}x{% endfor %}")
            .unwrap();
        env.add_template("outer.md.j2", "ab{% include 'inner.md.j2' %}")
            .unwrap();
        let t = env.get_template("outer.md.j2").unwrap();
        let out = render_within(&t, context! { n => 8 }, 10).unwrap();
        assert_eq!(out, "abxxxxxxxx");
        let err = crate::i18n::scope(crate::i18n::Lang::En, || {
            render_within(&t, context! { n => 9 }, 10).unwrap_err()
        });
        match err {
            RenderError::Template { name, message } => {
                assert_eq!(name, "outer.md.j2");
                assert!(message.contains("more than 0 MB"), "{message}");
            }
            e => panic!("{e}"),
        }
    }
}
