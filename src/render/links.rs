//! One URL policy for every output: a link from a plan may go to `http`, `https`,
//! `mailto`, an anchor in the document (`#…`) or a relative path (another report); any
//! other scheme (`javascript:`, `data:`, `file:` …) is shown as its text only. Images are
//! never fetched or embedded: in Markdown output a remote image becomes its alt text.

/// May a link from a plan point here?
pub fn allowed(url: &str) -> bool {
    let u = url.trim();
    // Control characters and spaces inside a scheme are a classic way to hide one.
    let cleaned: String = u
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = cleaned.find(':');
    let path_start = cleaned.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        // A scheme: the part before the first `:`, when no `/`, `?` or `#` comes first.
        (Some(c), p) if p.is_none_or(|p| c < p) => {
            let scheme = &cleaned[..c];
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Narrative Markdown for Markdown output: a link whose target the policy refuses keeps
/// its text and loses its target; an image keeps only its alt text.
pub fn neutralise_markdown(s: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // (range in `s`, replacement), outermost first.
    let mut cuts: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut open: Option<(std::ops::Range<usize>, String)> = None;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(s, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if open.is_none() && !allowed(&dest_url) => {
                open = Some((range, String::new()));
                depth = 0;
            }
            Event::Start(Tag::Image { .. }) if open.is_none() => {
                open = Some((range, String::new()));
                depth = 0;
            }
            Event::Start(_) if open.is_some() => depth += 1,
            Event::End(TagEnd::Link | TagEnd::Image) if open.is_some() && depth == 0 => {
                if let Some(c) = open.take() {
                    cuts.push(c);
                }
            }
            Event::End(_) if open.is_some() => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = open.as_mut() {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    if cuts.is_empty() {
        return s.to_owned();
    }
    let mut out = s.to_owned();
    for (range, text) in cuts.into_iter().rev() {
        // The text as plain text: brackets that would make a new link are escaped.
        let plain = text.replace('[', "\\[").replace(']', "\\]");
        out.replace_range(range, &plain);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy() {
        for ok in [
            "https://example.com/x",
            "http://a.b",
            "mailto:a@b.c",
            "#swot",
            "east-china.html",
            "reps/lina.html#targets",
            "HTTPS://A.B",
        ] {
            assert!(allowed(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " java\tscript:alert(1)",
            "data:text/html;base64,AAAA",
            "file:///etc/passwd",
            "vbscript:x",
        ] {
            assert!(!allowed(bad), "{bad}");
        }
    }

    #[test]
    fn markdown_links_and_images() {
        assert_eq!(
            neutralise_markdown("see [the doc](javascript:alert(1)) now"),
            "see the doc now"
        );
        assert_eq!(
            neutralise_markdown("see [the doc](https://example.com) now"),
            "see [the doc](https://example.com) now"
        );
        assert_eq!(
            neutralise_markdown("a ![logo](https://evil.example/x.png) b"),
            "a logo b"
        );
        assert_eq!(
            neutralise_markdown("<javascript:alert(1)>"),
            "javascript:alert(1)"
        );
        assert_eq!(neutralise_markdown("plain 文本"), "plain 文本");
    }

    #[test]
    fn pdf_links_follow_the_policy() {
        let bad = crate::render::pdf::markup::markdown("see [it](javascript:alert(1))");
        assert!(!bad.contains("#link("), "{bad}");
        assert!(bad.contains("it"), "{bad}");
        let good = crate::render::pdf::markup::markdown("see [it](https://example.com)");
        assert!(good.contains("#link("), "{good}");
    }
}
