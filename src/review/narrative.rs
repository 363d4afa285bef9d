//! P814: a percentage typed into a review's narrative that contradicts the figure the
//! review computes for the same thing.
//!
//! Precision first: a number is checked only when its sentence names exactly what it is
//! about — a target, a breakdown item or a KPI the review computes, by its name — and a
//! cue right before the number says which figure it is (完成率 / 达成率 / 完成…目标的:
//! attainment; 同比增长 / 增长率: growth; 目标 ≤ / ≥: a KPI's target). Anything else is
//! left alone. Written numbers agree when they are the computed figure to the digits
//! written (truncated or rounded).

use rust_decimal::{Decimal, RoundingStrategy};

use super::compute::Review;
use crate::actuals::codes::NARRATIVE_FIGURE;
use crate::diagnostics::Finding;
use crate::model::Plan;
use crate::source::yaml::Node;
use crate::source::{SourceFile, Span};

/// Which computed figure a typed number states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Attainment,
    Growth,
    KpiTarget,
}

/// A computed figure a sentence can name.
struct Subject {
    names: Vec<String>,
    attainment: Option<Decimal>,
    growth: Option<Decimal>,
    kpi_target: Option<Decimal>,
}

fn subjects(review: &Review, plan: &Plan) -> Vec<Subject> {
    let mut out = Vec::new();
    for t in &review.targets {
        out.push(Subject {
            names: vec![t.name.clone()],
            attainment: t.attainment.as_ref().map(|p| p.value),
            growth: t.growth.as_ref().map(|p| p.value),
            kpi_target: None,
        });
        for b in &t.breakdowns {
            for i in &b.items {
                let mut names = vec![i.name.clone()];
                // 华南大区 is 华南 in a sentence; 江苏省 江苏.
                for suffix in ["大区", "区域", "省", "市", "自治区"] {
                    if let Some(short) = i.name.strip_suffix(suffix) {
                        if short.chars().count() >= 2 {
                            names.push(short.to_owned());
                        }
                    }
                }
                out.push(Subject {
                    names,
                    attainment: i.attainment.as_ref().map(|p| p.value),
                    growth: i.growth.as_ref().map(|p| p.value),
                    kpi_target: None,
                });
            }
        }
    }
    for k in plan.all_kpis() {
        let target = k
            .target
            .as_ref()
            .filter(|q| q.is_percent())
            .and_then(|q| q.amount);
        let attainment = k.id.as_ref().and_then(|id| {
            review
                .kpis
                .iter()
                .find(|r| r.id == id.value)
                .and_then(|r| r.attainment.as_ref().map(|p| p.value))
        });
        out.push(Subject {
            names: vec![k.metric.value.clone()],
            attainment,
            growth: None,
            kpi_target: target,
        });
    }
    out.retain(|s| s.names.iter().any(|n| n.chars().count() >= 2));
    out
}

/// The cue in the text just before a number, if it names a figure.
fn cue(before: &str) -> Option<Cue> {
    let tail: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(8)..].iter().collect()
    };
    let t = tail.trim_end();
    if ["完成率", "达成率", "目标的", "完成了", "达成了"]
        .iter()
        .any(|c| t.contains(c))
        || t.ends_with("完成")
        || t.ends_with("达成")
    {
        return Some(Cue::Attainment);
    }
    if ["同比增长", "增长率", "同比"].iter().any(|c| t.contains(c)) {
        return Some(Cue::Growth);
    }
    if t.contains("目标") {
        return Some(Cue::KpiTarget);
    }
    None
}

/// `(start, end, number)` of every percentage written in `s` (`101.2%`, `98％`).
fn percentages(s: &str) -> Vec<(usize, usize, Decimal)> {
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if c != '%' && c != '％' {
            continue;
        }
        let head = s[..i].trim_end();
        let start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
            .last()
            .map(|(j, _)| j);
        let Some(start) = start else { continue };
        let text = &head[start..];
        // A sign belongs to the number (−2.6%).
        let signed = head[..start].ends_with(['-', '−']);
        if let Ok(mut n) = text.parse::<Decimal>() {
            if signed {
                n = -n;
            }
            out.push((start, i + c.len_utf8(), n));
        }
    }
    out
}

/// Does the written number state the computed one, to the digits written?
fn agrees(written: Decimal, computed: Decimal) -> bool {
    let dp = written.scale();
    let rounded = computed.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let truncated = computed.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
    written == rounded || written == truncated
}

/// Byte ranges of `{{…}}` references: their numbers are planc's, not typed.
fn references(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(a) = s[from..].find("{{") {
        let a = from + a;
        let Some(b) = s[a..].find("}}") else { break };
        out.push((a, a + b + 2));
        from = a + b + 2;
    }
    out
}

pub fn check(
    root: &Node,
    source: &SourceFile,
    review: &Review,
    plan: &Plan,
    out: &mut Vec<Finding>,
) {
    let subjects = subjects(review, plan);
    if subjects.is_empty() {
        return;
    }
    root.walk_strings(&mut |s, span, _| {
        let refs = references(s);
        let mut sentence_start = 0;
        for (end_i, c) in s.char_indices().chain(std::iter::once((s.len(), '。'))) {
            if !matches!(c, '。' | '；' | ';' | '\n' | '！' | '？' | '!' | '?') {
                continue;
            }
            let sentence = &s[sentence_start..end_i];
            for (a, b, n) in percentages(sentence) {
                let (a, b) = (sentence_start + a, sentence_start + b);
                if refs.iter().any(|(x, y)| a >= *x && b <= *y) {
                    continue;
                }
                let before = &s[sentence_start..a];
                let Some(kind) = cue(before) else { continue };
                // The subject: the name that ends last before the number.
                let mut best: Option<(usize, usize, &Subject)> = None;
                for sub in &subjects {
                    for name in &sub.names {
                        if let Some(at) = before.rfind(name.as_str()) {
                            let key = (at + name.len(), name.len());
                            if best.is_none_or(|(e, l, _)| key > (e, l)) {
                                best = Some((key.0, key.1, sub));
                            }
                        }
                    }
                }
                let Some((_, _, sub)) = best else { continue };
                let computed = match kind {
                    Cue::Attainment => sub.attainment,
                    Cue::Growth => sub.growth,
                    Cue::KpiTarget => sub.kpi_target,
                };
                let Some(computed) = computed else { continue };
                if agrees(n, computed) {
                    continue;
                }
                let at = exact(source, span, s, a, b);
                let shown = format!(
                    "{}%",
                    computed
                        .round_dp_with_strategy(
                            n.scale().max(1),
                            RoundingStrategy::MidpointAwayFromZero
                        )
                        .normalize()
                );
                let what = match kind {
                    Cue::Attainment => crate::t!("p814-attainment"),
                    Cue::Growth => crate::t!("p814-growth"),
                    Cue::KpiTarget => crate::t!("p814-kpi-target"),
                };
                out.push(
                    Finding::new(
                        &NARRATIVE_FIGURE,
                        at,
                        crate::t!(
                            "p814-message",
                            written = &s[a..b],
                            what = what,
                            name = sub.names[0].as_str(),
                            computed = shown.as_str()
                        ),
                    )
                    .label(crate::t!("p814-label", computed = shown.as_str()))
                    .help(crate::t!("p814-help")),
                );
            }
            sentence_start = end_i + c.len_utf8().min(s.len() - end_i);
        }
    });
}

/// The span of `s[a..b]` in the file: exact for a plain scalar, else found in its text.
fn exact(source: &SourceFile, span: Span, s: &str, a: usize, b: usize) -> Span {
    let src = source.slice(span);
    if src == s {
        return Span::new(span.start + a, span.start + b);
    }
    let raw = &s[a..b];
    src.find(raw).map_or(span, |i| {
        Span::new(span.start + i, span.start + i + raw.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_and_cues() {
        let p = percentages("完成率101.2%，增长−2.6％，共3家");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].2, Decimal::new(1012, 1));
        assert_eq!(p[1].2, Decimal::new(-26, 1));
        assert_eq!(cue("华南大区完成率"), Some(Cue::Attainment));
        assert_eq!(cue("完成年度目标的"), Some(Cue::Attainment));
        assert_eq!(cue("同比增长"), Some(Cue::Growth));
        assert_eq!(cue("费用率目标≤"), Some(Cue::KpiTarget));
        assert_eq!(cue("市场份额"), None);
        assert!(agrees(Decimal::new(997, 1), Decimal::new(99_74, 2)));
        assert!(agrees(Decimal::new(99, 0), Decimal::new(99_74, 2)));
        assert!(agrees(Decimal::new(100, 0), Decimal::new(99_74, 2)));
        assert!(!agrees(Decimal::new(1012, 1), Decimal::new(99_74, 2)));
        assert_eq!(references("a{{x.y}}b{{z}}"), vec![(1, 8), (9, 14)]);
    }
}
