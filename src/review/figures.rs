//! Computed figures a review places: the blocks named in a section's `figures`, and
//! `{{…}}` references written into narrative, which are replaced by the computed value
//! so a sentence never carries a typed number that disagrees with the tables.

use super::compute::{ItemResult, Light, Review, TargetResult};
use crate::actuals::join::{is_period_dimension, Scope};
use crate::model::Plan;
use crate::suggest::did_you_mean;

/// A block of computed figures, as named in `figures:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Every target against its actual.
    Targets,
    /// KPI verdicts: all, or those of a group or strategy.
    Kpis(Option<String>),
    /// One KPI.
    Kpi(String),
    /// A breakdown of a target along a dimension (or a segment).
    Breakdown { target: String, dimension: String },
    /// A target's quarters (or months).
    Periods { target: String },
    /// Year-to-date and run-rate forecast of every target (partial years).
    Forecast,
}

/// Reads a `figures` entry against the plan under review; `Err` holds the help text.
pub fn block(spec: &str, scope: &Scope) -> Result<Block, String> {
    let spec = spec.trim();
    match spec {
        "targets" => return Ok(Block::Targets),
        "kpis" => return Ok(Block::Kpis(None)),
        "forecast" => return Ok(Block::Forecast),
        _ => {}
    }
    let (head, tail) = spec.split_once('/').unwrap_or((spec, ""));
    let kpi_ids: Vec<&str> = scope
        .metrics
        .iter()
        .filter(|m| !m.is_target())
        .map(|m| m.id)
        .collect();
    match head {
        "kpis" => {
            let plan = scope.plan;
            let groups: Vec<String> = plan
                .all_kpis()
                .iter()
                .filter_map(|k| k.group.clone())
                .chain(plan.all_strategies().iter().map(|s| s.id.value.clone()))
                .collect();
            if groups.iter().any(|g| g == tail) {
                Ok(Block::Kpis(Some(tail.to_owned())))
            } else {
                Err(suggest(
                    tail,
                    groups.iter().map(String::as_str),
                    &crate::t!("review-choices-groups"),
                ))
            }
        }
        "kpi" => {
            if kpi_ids.contains(&tail) {
                Ok(Block::Kpi(tail.to_owned()))
            } else {
                Err(suggest(
                    tail,
                    kpi_ids.iter().copied(),
                    &crate::t!("review-choices-kpis"),
                ))
            }
        }
        _ => {
            let targets: Vec<&str> = scope
                .metrics
                .iter()
                .filter(|m| m.is_target())
                .map(|m| m.id)
                .collect();
            let Some(m) = scope.metrics.iter().find(|m| m.is_target() && m.id == head) else {
                let mut all = vec!["targets", "kpis", "forecast"];
                all.extend(&targets);
                return Err(suggest(
                    head,
                    all.into_iter(),
                    &crate::t!("review-choices-figures"),
                ));
            };
            if tail.is_empty() || is_period_dimension(tail) {
                return Ok(Block::Periods {
                    target: head.to_owned(),
                });
            }
            if m.dims.iter().any(|d| d.name == tail) {
                Ok(Block::Breakdown {
                    target: head.to_owned(),
                    dimension: tail.to_owned(),
                })
            } else {
                let mut dims: Vec<&str> = m.dims.iter().map(|d| d.name.as_str()).collect();
                dims.push("quarter");
                Err(suggest(
                    tail,
                    dims.into_iter(),
                    &crate::t!("review-choices-dimensions", target = head),
                ))
            }
        }
    }
}

fn suggest<'a>(
    what: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
    noun: &str,
) -> String {
    match did_you_mean(what, candidates.clone()) {
        Some(s) => crate::t!("review-did-you-mean", name = s),
        None => {
            let all: Vec<&str> = candidates.take(12).collect();
            crate::t!(
                "review-choices",
                what = noun,
                list = all.join(&crate::t!("list-sep"))
            )
        }
    }
}

/// The fields a narrative reference may ask for.
pub const FIELDS: &[&str] = &[
    "actual",
    "target",
    "attainment",
    "variance",
    "last_year",
    "growth",
    "share",
    "status",
    "forecast",
    "progress",
    "verdict",
];

/// Finds `{{ … }}` references in a text: (byte range of the whole reference, inner text).
pub fn references(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{") {
        let start = from + open;
        let Some(close) = text[start + 2..].find("}}") else {
            break;
        };
        let end = start + 2 + close + 2;
        out.push((start..end, text[start + 2..end - 2].trim()));
        from = end;
    }
    out
}

/// Checks a reference against the scope (before anything is computed); `Err` is the help.
pub fn check_reference(inner: &str, scope: &Scope) -> Result<(), String> {
    let Some((path, field)) = inner.rsplit_once('.') else {
        return Err(crate::t!("review-reference-form"));
    };
    if !FIELDS.contains(&field) {
        return Err(suggest(
            field,
            FIELDS.iter().copied(),
            &crate::t!("review-choices-fields"),
        ));
    }
    let parts: Vec<&str> = path.split('/').collect();
    let Some(m) = scope.metrics.iter().find(|m| m.id == parts[0]) else {
        return Err(suggest(
            parts[0],
            scope.metrics.iter().map(|m| m.id),
            &crate::t!("review-choices-metrics"),
        ));
    };
    match parts.as_slice() {
        [_] => Ok(()),
        [_, d, i] => {
            if is_period_dimension(d) {
                return Ok(());
            }
            let Some(dim) = m.dims.iter().find(|x| x.name == *d) else {
                return Err(suggest(
                    d,
                    m.dims.iter().map(|x| x.name.as_str()),
                    &crate::t!("review-choices-dimensions", target = m.id),
                ));
            };
            if dim.items.iter().any(|x| x.key == *i) {
                Ok(())
            } else {
                Err(suggest(
                    i,
                    dim.items.iter().map(|x| x.key.as_str()),
                    &crate::t!("review-choices-items", dimension = *d),
                ))
            }
        }
        _ => Err(crate::t!("review-reference-form-item")),
    }
}

/// The value of a reference, as written in the report (`—` when there is no figure).
pub fn evaluate(inner: &str, review: &Review, zh: bool) -> String {
    let dash = "—".to_owned();
    let Some((path, field)) = inner.rsplit_once('.') else {
        return dash;
    };
    let parts: Vec<&str> = path.split('/').collect();
    if let Some(t) = review.targets.iter().find(|t| t.id == parts[0]) {
        return match parts.as_slice() {
            [_] => target_field(t, field, zh),
            [_, d, i] if is_period_dimension(d) => t
                .periods
                .iter()
                .find(|p| p.period.eq_ignore_ascii_case(i))
                .and_then(|p| match field {
                    "actual" => p.actual.as_ref().map(|a| a.display.clone()),
                    "target" => p.target.as_ref().map(|a| a.display.clone()),
                    "attainment" => p.attainment.as_ref().map(|a| a.display.clone()),
                    "status" => Some(light(p.status, zh)),
                    _ => None,
                })
                .unwrap_or(dash),
            [_, d, i] => t
                .breakdowns
                .iter()
                .find(|b| b.dimension == *d)
                .and_then(|b| b.items.iter().find(|x| x.key == *i))
                .map(|x| item_field(x, field, zh))
                .unwrap_or(dash),
            _ => dash,
        };
    }
    if let Some(k) = review.kpis.iter().find(|k| k.id == parts[0]) {
        return match field {
            "actual" => k.actual.as_ref().map(|a| a.display.clone()),
            "target" => k.target.clone(),
            "attainment" => k.attainment.as_ref().map(|a| a.display.clone()),
            "status" => Some(light(k.status, zh)),
            "verdict" => Some(verdict(k.verdict, zh).to_owned()),
            _ => None,
        }
        .unwrap_or(dash);
    }
    dash
}

fn target_field(t: &TargetResult, field: &str, zh: bool) -> String {
    let s = match field {
        "actual" => t.actual.as_ref().map(|a| a.display.clone()),
        "target" => Some(t.target.display.clone()),
        "attainment" => t.attainment.as_ref().map(|a| a.display.clone()),
        "variance" => t.variance.as_ref().map(|a| a.display.clone()),
        "last_year" => t.last_year.as_ref().map(|a| a.display.clone()),
        "growth" => t.growth.as_ref().map(|a| a.display.clone()),
        "status" => Some(light(t.status, zh)),
        "forecast" => t.forecast.as_ref().map(|f| f.value.display.clone()),
        "progress" => t
            .progress
            .as_ref()
            .or(t.attainment.as_ref())
            .map(|a| a.display.clone()),
        _ => None,
    };
    s.unwrap_or_else(|| "—".into())
}

fn item_field(x: &ItemResult, field: &str, zh: bool) -> String {
    let s = match field {
        "actual" => x.actual.as_ref().map(|a| a.display.clone()),
        "target" => x.target.as_ref().map(|a| a.display.clone()),
        "attainment" => x.attainment.as_ref().map(|a| a.display.clone()),
        "variance" => x.variance.as_ref().map(|a| a.display.clone()),
        "last_year" => x.last_year.as_ref().map(|a| a.display.clone()),
        "growth" => x.growth.as_ref().map(|a| a.display.clone()),
        "share" => x.share.as_ref().map(|a| a.display.clone()),
        "status" => Some(light(x.status, zh)),
        _ => None,
    };
    s.unwrap_or_else(|| "—".into())
}

pub fn light(l: Light, zh: bool) -> String {
    match (l, zh) {
        (Light::Green, true) => "绿灯",
        (Light::Amber, true) => "黄灯",
        (Light::Red, true) => "红灯",
        (Light::Green, false) => "green",
        (Light::Amber, false) => "amber",
        (Light::Red, false) => "red",
        (Light::None, _) => "—",
    }
    .to_owned()
}

pub fn verdict(v: &str, zh: bool) -> &'static str {
    match (v, zh) {
        ("pass", true) => "达成",
        ("fail", true) => "未达成",
        ("on_track", true) => "进度正常",
        ("behind", true) => "进度落后",
        ("pass", false) => "met",
        ("fail", false) => "missed",
        ("on_track", false) => "on track",
        ("behind", false) => "behind",
        (_, true) => "无数据",
        (_, false) => "no data",
    }
}

/// Replaces every reference in a text by its value.
pub fn fill(text: &str, review: &Review, zh: bool) -> String {
    let refs = references(text);
    if refs.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, inner) in refs {
        out.push_str(&text[at..range.start]);
        out.push_str(&evaluate(inner, review, zh));
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Fills the references in every narrative field of a review plan.
pub fn fill_plan(plan: &mut Plan, review: &Review, zh: bool) {
    fn topic(t: &mut crate::model::Topic, r: &Review, zh: bool) {
        if let Some(x) = &mut t.text {
            *x = fill(x, r, zh);
        }
        t.items.iter_mut().for_each(|i| topic(i, r, zh));
    }
    for text in [&mut plan.preface, &mut plan.closing].into_iter().flatten() {
        *text = fill(text, review, zh);
    }
    for s in &mut plan.sections {
        if let Some(x) = &mut s.text {
            *x = fill(x, review, zh);
        }
        s.items.iter_mut().for_each(|t| topic(t, review, zh));
    }
    for n in plan.last_year.iter_mut().flat_map(|l| l.notes.iter_mut()) {
        n.text = fill(&n.text, review, zh);
    }
}

#[cfg(test)]
mod tests {
    use super::references;

    #[test]
    fn finds_references() {
        let t = "销售额{{ sales.actual }}，完成率{{sales.attainment}}。";
        let r = references(t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].1, "sales.actual");
        assert_eq!(&t[r[1].0.clone()], "{{sales.attainment}}");
    }
}
