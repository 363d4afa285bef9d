//! P916: among the children of one parent, each province, city, county, account and
//! representative belongs to one plan.

use std::collections::HashMap;

use super::codes::TERRITORY_OVERLAP;
use super::rollup::{at, dim_word, loaded, name_of, Out};
use super::{FileId, Workspace};
use crate::diagnostics::Finding;
use crate::model::dimension::{canonical, is_territorial};
use crate::model::{Breakdown, Plan};
use crate::source::Span;
use crate::t;

/// The rest of a breakdown (`其他`, `zj-other`, `浙江其他`), claimed by nobody in
/// particular.
fn is_catch_all(key: &str) -> bool {
    let k = key.trim();
    crate::rules::is_catch_all(k)
        || k.ends_with("-other")
        || k.ends_with("_other")
        || k.ends_with("其他")
}

/// What one plan claims: (canonical dimension, key) → where it says so. A plan claims
/// each key once, at its first mention (a province under two targets is one claim).
fn claims(plan: &Plan) -> Vec<((&'static str, &str), Span)> {
    fn go<'a>(bs: &'a [Breakdown], out: &mut Vec<((&'static str, &'a str), Span)>) {
        for b in bs {
            let dim = canonical(&b.dimension);
            let known = territorial_name(dim);
            for i in &b.items {
                if let Some(d) = known {
                    if !is_catch_all(&i.key) {
                        out.push(((d, i.key.as_str()), i.key.span));
                    }
                }
                go(&i.breakdowns, out);
            }
        }
    }
    let mut out = Vec::new();
    for t in &plan.targets {
        go(&t.breakdowns, &mut out);
    }
    out.extend(
        plan.accounts
            .iter()
            .map(|a| (("account", a.id.as_str()), a.id.span)),
    );
    let mut seen = std::collections::HashSet::new();
    out.retain(|(k, _)| seen.insert(*k));
    out
}

fn territorial_name(dim: &str) -> Option<&'static str> {
    if !is_territorial(dim) {
        return None;
    }
    ["province", "city", "county", "account", "representative"]
        .into_iter()
        .find(|d| *d == dim)
}

/// Sibling plans (the children of `p`) claiming one territory.
pub(super) fn check(ws: &Workspace, children: &[FileId], out: &mut Out) {
    let mut first: HashMap<(&'static str, &str), (FileId, Span)> = HashMap::new();
    for &c in children {
        let Some((plan, _)) = loaded(ws, c) else {
            continue;
        };
        for (key, span) in claims(plan) {
            match first.get(&key) {
                Some(&(other, ospan)) if other != c => {
                    let Some(osrc) = ws.files[other].source.as_ref() else {
                        continue;
                    };
                    out.push(at(ws, c, || {
                        Finding::new(
                            &TERRITORY_OVERLAP,
                            span,
                            t!(
                                "p916-message",
                                dim = dim_word(key.0),
                                item = key.1,
                                other = name_of(ws, other)
                            ),
                        )
                        .label(t!("p916-label"))
                        .with_in(osrc, ospan, t!("p916-label-other"))
                        .help(t!("p916-help", dim = dim_word(key.0)))
                    }));
                }
                Some(_) => {}
                None => {
                    first.insert(key, (c, span));
                }
            }
        }
    }
}
