//! The figures a Markdown document prints, read back as numbers of a kind (amount,
//! percentage, percentage points) and looked up among the figures of
//! `planc review --format json`.

use rust_decimal::Decimal;

use crate::documents::{number, places};

/// What a printed figure is: an amount, a percentage, or percentage points.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Figure {
    Money,
    Percent,
    Points,
}

/// The `## TITLE` section of a Markdown document, up to the next chapter.
pub(crate) fn summary_section(md: &str, title: &str) -> String {
    md.lines()
        .skip_while(|l| l.strip_prefix("## ") != Some(title))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The figures a Markdown summary prints: in prose, a number followed by `万元`/`元`/
/// `亿元` or written `CNY …m`, followed by `%`, or by `个百分点`/` pp`; in a table, every
/// numeric cell, read by its column header (`百分点` or `Points` in the header: points;
/// a `%` cell: a percentage; else an amount).
fn printed_figures(summary: &str) -> Vec<(String, Figure)> {
    let mut out = Vec::new();
    let mut header: Option<Vec<String>> = None;
    let cells = |l: &str| -> Vec<String> {
        l.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_owned())
            .collect()
    };
    let unit = |s: &str| {
        ["亿元", "万元", "元"]
            .iter()
            .find_map(|u| s.strip_suffix(u))
            .map(str::to_owned)
    };
    for line in summary.lines() {
        if !line.starts_with('|') {
            header = None;
            let chars: Vec<char> = line.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                let signed = matches!(chars[i], '+' | '−' | '-')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                if !(chars[i].is_ascii_digit() || signed)
                    || (i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.'))
                {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_ascii_digit() || ",.".contains(chars[j])) {
                    j += 1;
                }
                let text: String = chars[i..j].iter().collect();
                let text = text.trim_end_matches(['.', ',']).to_owned();
                let rest: String = chars[j..].iter().collect();
                let before: String = chars[..i].iter().collect();
                let kind = if rest.starts_with('%') {
                    Some(Figure::Percent)
                } else if rest.starts_with("个百分点") || rest.starts_with(" pp") {
                    Some(Figure::Points)
                } else if ["亿元", "万元", "元"].iter().any(|u| rest.starts_with(u))
                    || (before.ends_with("CNY ") && rest.starts_with('m'))
                {
                    Some(Figure::Money)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    out.push((text, kind));
                }
                i = j;
            }
            continue;
        }
        let row = cells(line);
        let Some(head) = &header else {
            header = Some(row);
            continue;
        };
        if row.iter().all(|c| c.starts_with(':') || c.starts_with('-')) {
            continue;
        }
        for (ci, cell) in row.iter().enumerate() {
            let name = head.get(ci).map_or("", String::as_str);
            let (text, kind) = if let Some(p) = cell.strip_suffix('%') {
                (p.to_owned(), Figure::Percent)
            } else if let Some(m) = unit(cell) {
                (m, Figure::Money)
            } else if name.contains("百分点") || name.contains("Points") {
                (cell.clone(), Figure::Points)
            } else {
                (cell.clone(), Figure::Money)
            };
            if number(&text).is_some() {
                out.push((text, kind));
            }
        }
    }
    out
}

/// Every `{display, value}` figure of `planc review --format json`, by what its display
/// says it is; amounts in yuan.
fn json_figures(v: &serde_json::Value, out: &mut Vec<(Decimal, Figure)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(serde_json::Value::String(d)), Some(serde_json::Value::String(x))) =
                (m.get("display"), m.get("value"))
            {
                let kind = if d.ends_with('%') {
                    Some(Figure::Percent)
                } else if d.contains("百分点") || d.ends_with(" pp") {
                    Some(Figure::Points)
                } else if d.ends_with('元') || (d.starts_with("CNY ") && d.ends_with('m')) {
                    Some(Figure::Money)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    out.push((x.parse().expect("a JSON figure is a decimal"), kind));
                }
            }
            m.values().for_each(|x| json_figures(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_figures(x, out)),
        _ => {}
    }
}

/// The printed figures of `summary` that no figure of `json` backs: an amount must be a
/// JSON amount exactly (in the review's unit), a percentage or points a JSON figure of
/// the same kind rounded or cut to the printed places. Returns how many were checked.
pub(crate) fn unbacked(summary: &str, json: &serde_json::Value) -> (usize, Vec<String>) {
    let unit = json["figures"]["targets"][0]["unit"].as_str().unwrap();
    let factor = match unit {
        "元" => Decimal::ONE,
        "万元" => Decimal::from(10_000),
        "亿元" => Decimal::from(100_000_000),
        "CNY m" => Decimal::from(1_000_000),
        other => panic!("unknown money unit {other}"),
    };
    let mut known = Vec::new();
    json_figures(json, &mut known);
    let printed = printed_figures(summary);
    let missing = printed
        .iter()
        .filter(|(text, kind)| {
            let p = number(text).unwrap();
            let dp = places(text).unwrap() as u32;
            !known.iter().any(|(v, k)| {
                k == kind
                    && match kind {
                        Figure::Money => p * factor == *v,
                        Figure::Percent | Figure::Points => [
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                            rust_decimal::RoundingStrategy::ToZero,
                        ]
                        .into_iter()
                        .any(|s| v.round_dp_with_strategy(dp, s) == p),
                    }
            })
        })
        .map(|(text, kind)| format!("{kind:?} {text}"))
        .collect();
    (printed.len(), missing)
}
