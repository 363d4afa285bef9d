//! Consistency rules. One file per rule: its [`RuleInfo`] (stable code, name, default
//! severity, documentation) and a `check` function that returns findings.
//!
//! Architecture invariant: rules never print and never read files; they get a
//! [`Ctx`] and push [`Finding`]s that carry spans.
//!
//! Adding a rule = one file here + one line in [`RULES`] + one fixture under
//! `tests/fixtures/rules/<CODE>/`.

pub mod builtin;

mod allocation;
mod allocation_drift;
mod attainment;
mod breakdown_share;
mod breakdown_sum;
mod budget_allocations;
mod budget_lines_sum;
mod budget_sales_ratio;
mod budget_share_amount;
mod budget_shares_sum;
mod date_outside_period;
mod duplicate_id;
mod growth;
mod incomparable_units;
mod invalid_date;
mod kpi_malformed;
mod kpi_restates;
mod last_year_sum;
mod month_in_quarter;
mod percent_range;
mod phase_order;
mod placeholder;
mod quantity_unit;
mod quarter_coverage;
mod reference;
pub(crate) use reference::is_catch_all;
mod risk_without_response;
mod strategy_without_kpi;
mod week_gap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::config::{Config, Tolerance};
use crate::diagnostics::{Edit, Finding, Fix, Severity};
use crate::model::{MoneyUnit, Plan, Quantity, Unit};
use crate::source::yaml::Node;
use crate::source::SourceFile;

pub use crate::diagnostics::edit::{mapping_with, scalar_edit, yaml_scalar};

/// What a rule is, for `planc rules`, `planc explain` and every output format.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable code, e.g. `P101`. Never reused.
    pub code: &'static str,
    /// Readable name, e.g. `breakdown-sum`; also accepted wherever a code is.
    pub name: &'static str,
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// Markdown with the headings *What it does*, *Why is this bad?*, *Example*, *Use instead*.
    pub doc: &'static str,
}

/// Everything a rule may look at.
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub root: &'a Node,
    pub source: &'a SourceFile,
    pub config: &'a Config,
}

type Check = fn(&Ctx, &mut Vec<Finding>);

/// The semantic rules, in code order.
pub static RULES: &[(&RuleInfo, Check)] = &[
    (&breakdown_sum::RULE, breakdown_sum::check),
    (&breakdown_share::RULE, breakdown_share::check),
    (&budget_lines_sum::RULE, budget_lines_sum::check),
    (&budget_shares_sum::RULE, budget_shares_sum::check),
    (&budget_share_amount::RULE, budget_share_amount::check),
    (&budget_sales_ratio::RULE, budget_sales_ratio::check),
    (&growth::RULE, growth::check),
    (&attainment::RULE, attainment::check),
    (&last_year_sum::RULE, last_year_sum::check),
    (&budget_allocations::RULE, budget_allocations::check),
    (&kpi_restates::RULE, kpi_restates::check),
    (&allocation::RULE, allocation::check),
    (&allocation_drift::RULE, allocation_drift::check),
    (&reference::RULE, reference::check),
    (&duplicate_id::RULE, duplicate_id::check),
    (&date_outside_period::RULE, date_outside_period::check),
    (&phase_order::RULE, phase_order::check),
    (&week_gap::RULE, week_gap::check),
    (&quarter_coverage::RULE, quarter_coverage::check),
    (&invalid_date::RULE, invalid_date::check),
    (&month_in_quarter::RULE, month_in_quarter::check),
    (&kpi_malformed::RULE, kpi_malformed::check),
    (&percent_range::RULE, percent_range::check),
    (&placeholder::RULE, placeholder::check),
    (&quantity_unit::RULE, quantity_unit::check),
    (&incomparable_units::RULE, incomparable_units::check),
    (&strategy_without_kpi::RULE, strategy_without_kpi::check),
    (&risk_without_response::RULE, risk_without_response::check),
];

/// Every code planc can report: loader codes first, then the semantic rules, then the
/// codes of actuals and reviews.
pub static REGISTRY: std::sync::LazyLock<Vec<&'static RuleInfo>> = std::sync::LazyLock::new(|| {
    builtin::ALL
        .iter()
        .copied()
        .chain(RULES.iter().map(|(r, _)| *r))
        .chain(crate::actuals::codes::ALL.iter().copied())
        .chain(crate::workspace::codes::ALL.iter().copied())
        .collect()
});

/// Finds a rule by code or name (case-insensitive).
pub fn lookup(key: &str) -> Option<&'static RuleInfo> {
    REGISTRY
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
}

/// Runs every enabled rule over a loaded plan.
pub fn run(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for (info, check) in RULES {
        if ctx.config.severity(info.code, info.severity).is_none() {
            continue;
        }
        check(ctx, &mut out);
    }
    out
}

impl Ctx<'_> {
    pub fn unit(&self) -> MoneyUnit {
        self.plan.money_unit()
    }
    pub fn tolerance(&self) -> &Tolerance {
        &self.config.tolerance
    }
    /// Does a stated percentage agree with the true ratio (in percent)?
    /// It agrees when it equals the ratio rounded to the digits written, plus the tolerance.
    pub fn percent_agrees(&self, stated: &Quantity, actual_percent: Decimal) -> bool {
        match stated.amount {
            Some(s) => {
                (actual_percent - s).abs() <= stated.half_ulp() + self.tolerance().percent_points
            }
            None => true,
        }
    }
    /// Do two money amounts (in 元) agree within the money tolerance?
    pub fn money_agrees(&self, a: Decimal, b: Decimal) -> bool {
        (a - b).abs() <= self.tolerance().money_yuan
    }
    pub fn is_final(&self) -> bool {
        self.plan.status.value == crate::model::Status::Final
    }
}

/// Formats an amount in 元 in the unit `like` was written in (or the plan's default).
pub fn fmt_money(yuan: Decimal, like: &Quantity, default: MoneyUnit) -> String {
    let unit = like.money_unit(default).unwrap_or(default);
    fmt_in(yuan, unit)
}

pub fn fmt_in(yuan: Decimal, unit: MoneyUnit) -> String {
    let v = (yuan / unit.factor())
        .round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven)
        .normalize();
    format!("{v}{}", unit.label())
}

/// Formats a base value (元 for money) the way `like` is written.
pub fn fmt_base(base: Decimal, like: &Quantity, default: MoneyUnit) -> String {
    match &like.unit {
        Unit::Money(_) | Unit::Bare => fmt_money(base, like, default),
        other => format!("{}{other}", base.normalize()),
    }
}

/// A percentage for messages, to two decimals at most.
pub fn fmt_pct(p: Decimal) -> String {
    format!(
        "{}%",
        p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    )
}

/// Items of a list for messages: `a, b, c` (`a、b、c` in Chinese).
pub fn fmt_list(items: &[&str]) -> String {
    items.join(&crate::t!("list-separator"))
}

/// The sum in 元 of amounts that must all be money; `None` as soon as one cannot be read
/// (its own rule reports it, and no sum is made from the others).
pub fn sum_yuan<'a>(
    amounts: impl IntoIterator<Item = Option<&'a Quantity>>,
    unit: MoneyUnit,
) -> Option<Decimal> {
    amounts
        .into_iter()
        .map(|a| a.and_then(|q| q.yuan(unit)))
        .sum()
}

/// `part / whole × 100`, or `None` when `whole` is zero.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        None
    } else {
        part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
    }
}

/// The plural noun for a breakdown dimension, for messages ("provinces", "省份").
pub fn dimension_noun(dimension: &str) -> String {
    match crate::model::dimension::canonical(dimension) {
        "product" => crate::t!("dimension-product"),
        "region" => crate::t!("dimension-region"),
        "province" => crate::t!("dimension-province"),
        "quarter" => crate::t!("dimension-quarter"),
        "month" => crate::t!("dimension-month"),
        "channel" => crate::t!("dimension-channel"),
        "account" => crate::t!("dimension-account"),
        "city" => crate::t!("dimension-city"),
        "team" => crate::t!("dimension-team"),
        "representative" => crate::t!("dimension-representative"),
        "phase" => crate::t!("dimension-phase"),
        other => crate::t!("dimension-other", dimension = other),
    }
}

/// Calls `f(parent_value, parent_name, breakdown)` for every breakdown of every target,
/// at every nesting level.
pub fn each_breakdown<'a>(
    plan: &'a Plan,
    f: &mut dyn FnMut(&'a crate::model::Sp<Quantity>, &'a str, &'a crate::model::Breakdown),
) {
    fn go<'a>(
        value: &'a crate::model::Sp<Quantity>,
        name: &'a str,
        breakdowns: &'a [crate::model::Breakdown],
        f: &mut dyn FnMut(&'a crate::model::Sp<Quantity>, &'a str, &'a crate::model::Breakdown),
    ) {
        for b in breakdowns {
            f(value, name, b);
            for item in &b.items {
                let n = item.name.as_deref().unwrap_or(item.key.as_str());
                go(&item.value, n, &item.breakdowns, f);
            }
        }
    }
    for t in &plan.targets {
        go(&t.value, &t.name, &t.breakdowns, f);
    }
}

/// `(value, last_year, growth)` of a target or breakdown item.
pub type GrowthTriple<'a> = (
    &'a crate::model::Sp<Quantity>,
    Option<&'a crate::model::Sp<Quantity>>,
    Option<&'a crate::model::Sp<Quantity>>,
);

/// Every target and breakdown item that states `last_year` and/or `growth`:
/// `(value, last_year, growth)`.
pub fn each_growth(plan: &Plan) -> Vec<GrowthTriple<'_>> {
    let mut out = Vec::new();
    for t in &plan.targets {
        out.push((&t.value, t.last_year.as_ref(), t.growth.as_ref()));
    }
    each_breakdown(plan, &mut |_, _, b| {
        for i in &b.items {
            out.push((&i.value, i.last_year.as_ref(), i.growth.as_ref()));
        }
    });
    out
}

/// Formats `percent` the way a share was written: the same number of decimals, `%`.
pub fn fmt_share_like(percent: Decimal, like: &Quantity) -> String {
    let dp = like.scale();
    let v = percent.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    format!("{v:.prec$}%", prec = dp as usize)
}

/// A fix that rewrites a stated share to the ratio it should be. It is safe only when
/// the amounts are `corroborated` — they add up to the whole, so the share is the figure
/// that disagrees. Otherwise an amount may be what is wrong and the share right: the fix
/// is offered as unsafe, saying so.
pub fn share_fix(
    ctx: &Ctx,
    share: &crate::model::Sp<Quantity>,
    actual: Decimal,
    corroborated: bool,
) -> Option<Fix> {
    let new = fmt_share_like(actual, share);
    if new == share.raw.trim() {
        return None;
    }
    let edit = scalar_edit(ctx.source, share.span, &new)?;
    let message = crate::t!("fix-replace", old = share.raw.trim(), new = new.as_str());
    Some(if corroborated {
        Fix::safe(message, vec![edit])
    } else {
        Fix::unsafe_(
            crate::t!("fix-share-uncorroborated", fix = message),
            vec![edit],
        )
    })
}

/// How an existing item of a sequence of mappings is laid out — its `- ` line, its
/// indentation, block (`- ref: Q1` + indented keys) or flow (`- { ref: Q1, … }`) style,
/// the file's line ending — so a new item can be written beside it the same way.
pub struct ItemLayout {
    /// Byte offset of the start of the item's line.
    pub line_start: usize,
    /// Byte offset just after the line holding `end` (or the end of the file).
    pub after: usize,
    pub dash_indent: String,
    pub flow: bool,
    pub newline: &'static str,
}

impl ItemLayout {
    /// `start`: where the item's first key is; `end`: where its last value ends. `None`
    /// when the item does not start its own `- ` line (an item of a flow sequence, say).
    pub fn of(source: &SourceFile, start: usize, end: usize) -> Option<ItemLayout> {
        let text = source.text.as_str();
        let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
        let head = &text[line_start..];
        let indent_len = head.len() - head.trim_start_matches(' ').len();
        let rest = head[indent_len..].strip_prefix('-')?;
        let after_dash = rest.trim_start_matches(' ');
        if rest.len() == after_dash.len() {
            return None;
        }
        let flow = after_dash.starts_with('{');
        let body_start = line_start + indent_len + 1 + (rest.len() - after_dash.len());
        // The first key must be on the dash line, right after `- ` (or `- { `).
        let first_key = if flow {
            body_start + 1 + after_dash[1..].len() - after_dash[1..].trim_start().len()
        } else {
            body_start
        };
        if first_key != start {
            return None;
        }
        let end_line_start = text.get(..end)?.rfind('\n').map_or(0, |i| i + 1);
        // A value ending exactly at a line start (a block scalar) has its line behind it.
        // (`end` is past the item's first key, so never at `line_start` itself.)
        let after = if end == end_line_start {
            end
        } else {
            text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
        };
        Some(ItemLayout {
            line_start,
            after,
            dash_indent: " ".repeat(indent_len),
            flow,
            newline: if text.contains("\r\n") { "\r\n" } else { "\n" },
        })
    }

    /// An edit inserting a new item after this one.
    pub fn insert_after(&self, source: &SourceFile, pairs: &[(&str, &str)]) -> Edit {
        let mut replacement = self.item(pairs);
        if self.after == source.text.len() && !source.text.ends_with('\n') {
            replacement.insert_str(0, self.newline);
        }
        Edit {
            span: crate::source::Span::new(self.after, self.after),
            replacement,
        }
    }

    /// An edit inserting a new item before this one.
    pub fn insert_before(&self, pairs: &[(&str, &str)]) -> Edit {
        Edit {
            span: crate::source::Span::new(self.line_start, self.line_start),
            replacement: self.item(pairs),
        }
    }

    /// The text of a new item with these `(key, value)` pairs (values already YAML).
    pub fn item(&self, pairs: &[(&str, &str)]) -> String {
        let nl = self.newline;
        if self.flow {
            let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("{}- {{ {} }}{nl}", self.dash_indent, body.join(", "))
        } else {
            let mut s = String::new();
            for (i, (k, v)) in pairs.iter().enumerate() {
                let lead = if i == 0 { "- " } else { "  " };
                s.push_str(&format!("{}{lead}{k}: {v}{nl}", self.dash_indent));
            }
            s
        }
    }
}

#[cfg(test)]
mod fix_tests {
    use super::*;
    use crate::source::Span;

    fn src(text: &str) -> std::sync::Arc<SourceFile> {
        SourceFile::new("t.plan.yaml", text.to_owned())
    }

    #[test]
    fn scalar_edits_keep_the_quotes_written() {
        let s = src("a: jaingsu\nb: \"jaingsu\"\nc: 'jaingsu'\n");
        assert_eq!(
            scalar_edit(&s, Span::new(3, 10), "jiangsu")
                .unwrap()
                .replacement,
            "jiangsu"
        );
        assert_eq!(
            scalar_edit(&s, Span::new(14, 23), "jiangsu")
                .unwrap()
                .replacement,
            "\"jiangsu\""
        );
        assert_eq!(
            scalar_edit(&s, Span::new(27, 36), "it's")
                .unwrap()
                .replacement,
            "'it''s'"
        );
        assert_eq!(
            scalar_edit(&s, Span::new(3, 10), "a: b")
                .unwrap()
                .replacement,
            "\"a: b\""
        );
    }

    #[test]
    fn a_block_scalar_gets_no_edit() {
        // The span of `>-` runs to the next key's indentation: replacing it would swallow
        // the `value:` line after it.
        let s = src("- ref: >-\n    jaingsu\n  value: 6亿元\n");
        assert_eq!(scalar_edit(&s, Span::new(7, 24), "jiangsu"), None);
        assert_eq!(
            scalar_edit(&s, Span::new(14, 21), "jiangsu").map(|e| e.replacement),
            Some("jiangsu".into())
        );
        // A plain scalar folded over two lines: no `|` or `>`, but still no edit.
        let s = src("- ref: jai\n    ngsu\n  value: 6亿元\n");
        assert_eq!(scalar_edit(&s, Span::new(7, 19), "jiangsu"), None);
        // A block indicator whose span was cut at the line end.
        let s = src("- ref: >-\n");
        assert_eq!(scalar_edit(&s, Span::new(7, 9), "jiangsu"), None);
    }

    #[test]
    fn a_span_that_is_not_a_whole_quoted_scalar_is_not_taken_for_one() {
        let s = src("b: \"jaingsu\"\n");
        // Cut short: an opening quote with no closing one.
        assert_eq!(
            scalar_edit(&s, Span::new(3, 11), "jiangsu")
                .unwrap()
                .replacement,
            "jiangsu"
        );
        // A lone quote character.
        assert_eq!(
            scalar_edit(&s, Span::new(3, 4), "jiangsu")
                .unwrap()
                .replacement,
            "jiangsu"
        );
    }

    #[test]
    fn values_that_would_read_differently_are_quoted() {
        for plain in ["jiangsu", "江苏", "60%", "3000万元", "Q3", "a-b", "a:b"] {
            assert_eq!(yaml_scalar(plain), plain);
        }
        for quoted in [
            "", "true", "null", "~", "#x", "a #b", "[x]", "a, b", "-x", " x", "%x", "{x}",
        ] {
            assert!(yaml_scalar(quoted).starts_with('"'), "{quoted:?}");
        }
        assert_eq!(yaml_scalar("say \"hi\""), "say \"hi\"");
        assert_eq!(yaml_scalar("\"hi\" she said"), "\"\\\"hi\\\" she said\"");
    }

    #[test]
    fn shares_keep_the_digits_written() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(fmt_share_like(d("59.96"), &Quantity::parse("55%")), "60%");
        assert_eq!(fmt_share_like(d("10"), &Quantity::parse("15.0%")), "10.0%");
        assert_eq!(
            fmt_share_like(d("33.3333"), &Quantity::parse("12.50%")),
            "33.33%"
        );
        assert_eq!(fmt_share_like(d("12.5"), &Quantity::parse("10%")), "13%");
    }

    #[test]
    fn new_items_follow_their_neighbour() {
        // Block style, with a nested key after the value and a comment.
        let text = "items:\n  - ref: Q1\n    value: 1亿元\n    focus: x   # c\n  - ref: Q2\n";
        let s = src(text);
        let start = text.find("ref: Q1").unwrap();
        let end = text.find("x   #").unwrap() + 1;
        let l = ItemLayout::of(&s, start, end).unwrap();
        assert!(!l.flow);
        let e = l.insert_after(&s, &[("ref", "Q3"), ("value", "2亿元")]);
        assert_eq!(
            e.span,
            Span::new(
                text.find("  - ref: Q2").unwrap(),
                text.find("  - ref: Q2").unwrap()
            )
        );
        assert_eq!(e.replacement, "  - ref: Q3\n    value: 2亿元\n");
        let b = l.insert_before(&[("ref", "Q0"), ("value", "1")]);
        assert_eq!(b.span.start, text.find("  - ref: Q1").unwrap());

        // Flow style, CRLF, no newline at the end of the file.
        let text = "items:\r\n    - { ref: a, value: 1 }";
        let s = src(text);
        let start = text.find("ref").unwrap();
        let end = text.find('1').unwrap() + 1;
        let l = ItemLayout::of(&s, start, end).unwrap();
        assert!(l.flow);
        let e = l.insert_after(&s, &[("ref", "其他"), ("value", "2")]);
        assert_eq!(e.span.start, text.len());
        assert_eq!(e.replacement, "\r\n    - { ref: 其他, value: 2 }\r\n");

        // The item does not start its own `- ` line: no layout, no fix.
        let text = "items: [{ ref: a, value: 1 }]\n";
        let s = src(text);
        let start = text.find("ref").unwrap();
        assert!(ItemLayout::of(&s, start, start + 10).is_none());
        let text = "items:\n  - value: 1\n    ref: a\n";
        let s = src(text);
        assert!(ItemLayout::of(&s, text.find("ref").unwrap(), text.len() - 1).is_none());
    }

    #[test]
    fn items_with_other_padding_and_at_the_end_of_the_file() {
        // Three spaces after the dash; the last item of a file that ends with a newline.
        let text = "items:\n  -   ref: Q1\n      value: 1\n";
        let s = src(text);
        let l = ItemLayout::of(&s, text.find("ref").unwrap(), text.rfind('1').unwrap() + 1)
            .expect("the first key is right after the dash and its padding");
        assert!(!l.flow);
        let e = l.insert_after(&s, &[("ref", "Q2"), ("value", "2")]);
        assert_eq!(e.span, Span::new(text.len(), text.len()));
        assert_eq!(
            e.replacement, "  - ref: Q2\n    value: 2\n",
            "no blank line"
        );

        // A flow item with no space inside its braces.
        let text = "items:\n  - {ref: a, value: 1}\n";
        let s = src(text);
        let l = ItemLayout::of(&s, text.find("ref").unwrap(), text.find("1}").unwrap() + 1)
            .expect("the first key is right after the brace");
        assert!(l.flow);
        assert_eq!(l.after, text.len());

        // The last value is a block scalar, whose span ends at the start of the next line.
        let text = "items:\n  - ref: Q1\n    focus: |\n      a\n  - ref: Q3\n";
        let s = src(text);
        let end = text.find("  - ref: Q3").unwrap();
        let l = ItemLayout::of(&s, text.find("ref").unwrap(), end).unwrap();
        assert_eq!(
            l.after, end,
            "the new item goes before the next one, not after it"
        );
    }
}
