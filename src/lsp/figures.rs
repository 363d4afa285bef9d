//! Hover on a figure: what it takes part in, computed exactly as the rules compute it —
//! on a target's (or an item's) `value`, each breakdown's total against it; on a
//! breakdown item's `value`, its share of the whole and the breakdown's total.
//!
//! The figures come from the buffer as typed (the tree, read with `Quantity` in the
//! plan's unit), so they follow every keystroke, even while the file has other errors.

use rust_decimal::Decimal;

use super::tree::{node_at, Seg};
use crate::i18n::Lang;
use crate::model::{MoneyUnit, Quantity, Unit};
use crate::num::{self, Numbers, Scale, UnitRequest};
use crate::source::yaml::{Node, Value};

/// The plan's numbers, and the scale its reports show money in when one is set.
struct Fig {
    n: Numbers,
    shown: Option<Scale>,
}

impl std::ops::Deref for Fig {
    type Target = Numbers;
    fn deref(&self) -> &Numbers {
        &self.n
    }
}

/// The lines to show for the scalar at `at`, when it is a `value` in a target or item.
/// Money is shown in the unit the plan's reports use when one is set (`asked`: planc.toml
/// `[render] money_unit`, below the plan's own `report_unit`), else as it is written.
pub fn figure(root: &Node, at: &[Seg], lang: Lang, asked: UnitRequest) -> Vec<String> {
    if at.last() != Some(&Seg::Key("value".into())) {
        return Vec::new();
    }
    let unit_at = |key: &str| {
        root.get(key)
            .and_then(Node::as_str)
            .and_then(MoneyUnit::parse)
    };
    let n = Fig {
        n: Numbers {
            unit: unit_at("unit").unwrap_or(MoneyUnit::Wan),
            lang,
            doc: None,
        },
        shown: asked
            .over(unit_at("report_unit"))
            .map(|u| Scale::of(u, lang)),
    };
    let owner_path = &at[..at.len() - 1];
    let Some(owner) = node_at(root, owner_path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // An item of a breakdown: its share of the whole, and the breakdown's total.
    if let [.., Seg::Key(b), Seg::Index(_), Seg::Key(i), Seg::Index(_)] = owner_path {
        if b == "breakdowns" && i == "items" {
            let breakdown = node_at(root, &owner_path[..owner_path.len() - 2]);
            let whole = node_at(root, &owner_path[..owner_path.len() - 4]);
            if let (Some(breakdown), Some(whole)) = (breakdown, whole) {
                out.extend(share_line(&n, owner, breakdown, whole, lang));
            }
        }
    }
    // A figure with breakdowns: each one's total against it.
    if let Some(Value::Seq(breakdowns)) = owner.get("breakdowns").map(|b| &b.value) {
        for b in breakdowns {
            out.extend(total_line(&n, b, owner, lang));
        }
    }
    out
}

fn quantity(node: &Node) -> Option<Quantity> {
    let raw = match &node.get("value")?.value {
        Value::String(s) => s.clone(),
        Value::Number(s) => s.clone(),
        _ => return None,
    };
    Some(Quantity::parse(&raw))
}

/// Whether two figures add up in one unit (money with money, `家` with `家`).
fn comparable(n: &Numbers, a: &Quantity, b: &Quantity) -> bool {
    (n.is_money(a) && n.is_money(b)) || (a.unit == b.unit && !matches!(a.unit, Unit::Bare))
}

fn show(n: &Fig, base: Decimal, like: &Quantity) -> String {
    if n.is_money(like) {
        match n.shown {
            Some(scale) => scale.money(base),
            None => n.money(base, like),
        }
    } else {
        match &like.unit {
            Unit::Percent => format!("{}%", num::dec(base, 4)),
            Unit::Other(u) => format!("{}{u}", num::dec(base, 4)),
            _ => num::dec(base, 4),
        }
    }
}

fn label(node: &Node) -> String {
    ["title", "name", "dimension", "ref", "id"]
        .iter()
        .find_map(|k| node.get(k).and_then(Node::as_str))
        .unwrap_or("")
        .to_owned()
}

/// The items of a breakdown in the unit of `whole`: their sum, how many, how many blank.
fn items_sum(n: &Numbers, breakdown: &Node, whole: &Quantity) -> Option<(Decimal, usize, usize)> {
    let Some(Value::Seq(items)) = breakdown.get("items").map(|i| &i.value) else {
        return None;
    };
    let (mut sum, mut count, mut blank) = (Decimal::ZERO, 0, 0);
    for item in items {
        count += 1;
        match quantity(item) {
            Some(q) if q.amount.is_some() => {
                if !comparable(n, &q, whole) {
                    return None;
                }
                sum = sum.checked_add(n.base(&q)?)?;
            }
            _ => blank += 1,
        }
    }
    Some((sum, count, blank))
}

/// `按省市分解：各项合计 9.072亿元 = 9.072亿元（5 项）`, or the gap.
fn total_line(n: &Fig, breakdown: &Node, owner: &Node, lang: Lang) -> Option<String> {
    let whole = quantity(owner)?;
    let whole_base = n.base(&whole)?;
    let (sum, count, blank) = items_sum(n, breakdown, &whole)?;
    if count == 0 {
        return None;
    }
    let name = label(breakdown);
    let partial = matches!(
        breakdown.get("partial").map(|p| &p.value),
        Some(Value::Bool(true))
    );
    let (sum_s, whole_s) = (show(n, sum, &whole), show(n, whole_base, &whole));
    let mut line = if partial {
        let share = num::percent_of(sum, whole_base)
            .map(num::pct)
            .unwrap_or_default();
        crate::t_in!(
            lang,
            "lsp-hover-sum-partial",
            breakdown = name,
            sum = sum_s,
            whole = whole_s,
            share = share
        )
    } else if sum == whole_base {
        crate::t_in!(
            lang,
            "lsp-hover-sum-ok",
            breakdown = name,
            sum = sum_s,
            whole = whole_s,
            count = count
        )
    } else if sum < whole_base {
        let gap = show(n, whole_base - sum, &whole);
        crate::t_in!(
            lang,
            "lsp-hover-sum-short",
            breakdown = name,
            sum = sum_s,
            whole = whole_s,
            gap = gap
        )
    } else {
        let gap = show(n, sum - whole_base, &whole);
        crate::t_in!(
            lang,
            "lsp-hover-sum-over",
            breakdown = name,
            sum = sum_s,
            whole = whole_s,
            gap = gap
        )
    };
    if blank > 0 {
        line.push_str(&crate::t_in!(lang, "lsp-hover-sum-blank", blank = blank));
    }
    Some(line)
}

/// `2.45亿元 占 华东大区年度销售指标 9.072亿元 的 27.0%`, then the breakdown's total.
fn share_line(n: &Fig, item: &Node, breakdown: &Node, whole: &Node, lang: Lang) -> Vec<String> {
    let (Some(q), Some(w)) = (quantity(item), quantity(whole)) else {
        return Vec::new();
    };
    let (Some(v), Some(wb)) = (n.base(&q), n.base(&w)) else {
        return Vec::new();
    };
    if !comparable(n, &q, &w) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(p) = num::percent_of(v, wb) {
        out.push(crate::t_in!(
            lang,
            "lsp-hover-share",
            value = show(n, v, &q),
            owner = label(whole),
            whole = show(n, wb, &w),
            share = num::pct(p)
        ));
    }
    out.extend(total_line(n, breakdown, whole, lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Node {
        crate::source::yaml::parse(text).root.expect("parses")
    }

    fn at(path: &[&str]) -> Vec<Seg> {
        path.iter()
            .map(|s| match s.parse::<usize>() {
                Ok(i) => Seg::Index(i),
                Err(_) => Seg::Key((*s).to_owned()),
            })
            .collect()
    }

    const PLAN: &str = "unit: 万元\ntargets:\n  - id: t\n    name: 销售\n    value: 1亿元\n    breakdowns:\n      - dimension: q\n        title: 按季度\n        items:\n          - { ref: a, value: 4000 }\n          - { ref: b, value: 0.5亿元 }\n      - dimension: p\n        partial: true\n        items:\n          - { ref: x, value: 2500万元 }\n          - { ref: y, value: XX万元 }\n";

    #[test]
    fn a_target_shows_each_split_against_it() {
        let root = tree(PLAN);
        let lines = figure(
            &root,
            &at(&["targets", "0", "value"]),
            Lang::Zh,
            UnitRequest::default(),
        );
        assert_eq!(
            lines,
            [
                "按季度：各项合计 0.9亿元，比 1亿元 少 0.1亿元",
                "p（部分分解）：各项合计 0.25亿元，占 1亿元 的 25.0%（其中 1 项尚未填写）"
            ]
        );
    }

    #[test]
    fn an_item_shows_its_share() {
        let root = tree(PLAN);
        let lines = figure(
            &root,
            &at(&["targets", "0", "breakdowns", "0", "items", "1", "value"]),
            Lang::En,
            UnitRequest::default(),
        );
        assert_eq!(lines[0], "CNY 50m is 50.0% of 销售 (CNY 100m)");
        assert!(lines[1].contains("short of"), "{lines:?}");
        assert!(figure(
            &root,
            &at(&["targets", "0", "name"]),
            Lang::En,
            UnitRequest::default()
        )
        .is_empty());
    }

    #[test]
    fn money_is_shown_in_the_reports_unit_when_one_is_set() {
        let root = tree(PLAN);
        let value = at(&["targets", "0", "value"]);
        let wan = UnitRequest {
            unit: Some(MoneyUnit::Wan),
            forced: false,
        };
        let lines = figure(&root, &value, Lang::Zh, wan);
        assert_eq!(
            lines[0],
            "按季度：各项合计 9,000万元，比 10,000万元 少 1,000万元"
        );
        // The plan's own `report_unit` wins over planc.toml's, `--money-unit` over both.
        let own = tree(&format!("report_unit: 元\n{PLAN}"));
        let lines = figure(&own, &value, Lang::Zh, wan);
        assert!(lines[0].contains("各项合计 90,000,000元"), "{lines:?}");
        let forced = UnitRequest {
            unit: Some(MoneyUnit::Yi),
            forced: true,
        };
        let lines = figure(&own, &value, Lang::Zh, forced);
        assert!(lines[0].contains("各项合计 0.9亿元"), "{lines:?}");
    }
}
