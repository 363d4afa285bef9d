use rust_decimal::Decimal;

use super::placeholder::is_placeholder;
use super::{
    dimension_noun, each_breakdown, fmt_base, fmt_list, fmt_pct, percent_of, Ctx, RuleInfo,
};
use crate::diagnostics::{Finding, Fix, Severity};
use crate::model::{Breakdown, Quantity, Sp};

pub static RULE: RuleInfo = RuleInfo {
    code: "P101",
    name: "breakdown-sum",
    severity: Severity::Error,
    summary: "The items of a breakdown do not add up to the value they break down.",
    doc: r#"## What it does
For every target and every breakdown (by province, product, quarter, channel …, at
every nesting level), adds up the items after normalising units (3 亿元 = 30000 万元)
and compares the sum with the value broken down. Sums are exact unless
`[tolerance] money` is set in `planc.toml`.

Where the items' values cannot be added up yet (placeholders such as `XX亿元`) but every
item states a `share`, the shares must add up to exactly 100 % as written, like budget
shares (see `planc explain P104`). A breakdown with no items (`items: []`), or whose
items have no figures at all, is reported too: it looks like a split but checks nothing.

## Why is this bad?
A regional target whose provinces add up to less than the total leaves part of the
target unowned; more than the total means someone is carrying a quota that does not
exist.

## Example
```yaml
value: 3.2亿元
breakdowns:
  - dimension: province
    items:
      - { ref: shanghai, value: 1.2亿元 }
      - { ref: jiangsu,  value: 1.6亿元 }
```

## Use instead
Make the items add up, add an `其他` item (for quarters, months and phases: the one
that is missing), or say the split is deliberately partial:
```yaml
  - dimension: province
    partial: true
```

## Fix safety
For an open dimension (provinces, products, channels … — not quarters, months or phases)
whose items fall short of the total, `planc fix --unsafe-fixes` adds an `其他` item with
the unallocated rest. **Unsafe**: it makes the sum agree by declaring money nobody has
planned for yet, so plain `planc fix` does not apply it.
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_breakdown(ctx.plan, &mut |parent, parent_name, b| {
        let whole = Whole {
            value: parent,
            name: parent_name,
        };
        if b.items.is_empty() {
            out.push(empty(&whole, b));
            return;
        }
        if b.partial {
            return;
        }
        // Items written as shares (`value: 20%`): the shares must add up to 100 % as
        // written; said in shares, not in the figures they give.
        if b.items.iter().all(|i| i.value_from_share) {
            out.extend(share_sum(ctx, &whole, b));
        } else if let Some(f) = value_sum(ctx, &whole, b) {
            out.extend(f);
        } else if b.items.iter().all(|i| i.share.is_some()) {
            out.extend(share_sum(ctx, &whole, b));
        } else if b.items.iter().all(|i| i.value.amount.is_none())
            && !b.items.iter().all(|i| is_placeholder(&i.value.raw))
        {
            // Placeholders are reported one by one by the placeholder rule; other
            // non-numbers by bad-quantity. This says what they cost: no check at all.
            out.push(no_values(&whole, b));
        }
    });
}

/// The value a breakdown splits.
struct Whole<'a> {
    value: &'a Sp<Quantity>,
    name: &'a str,
}

fn empty(whole: &Whole, b: &Breakdown) -> Finding {
    let noun = dimension_noun(&b.dimension);
    Finding::new(
        &RULE,
        b.dimension.span,
        crate::t!("p101-empty", noun = noun.as_str(), parent = whole.name),
    )
    .label(crate::t!("p101-label-empty"))
    .help(crate::t!("p101-help-empty", noun = noun))
}

fn no_values(whole: &Whole, b: &Breakdown) -> Finding {
    let noun = dimension_noun(&b.dimension);
    let mut f = Finding::new(
        &RULE,
        b.dimension.span,
        crate::t!("p101-no-values", noun = noun, parent = whole.name),
    )
    .label(crate::t!("p101-label-no-values"));
    for item in &b.items {
        f = f.with(item.value.span, item.value.raw.clone());
    }
    f.help(crate::t!("p101-help-no-values"))
}

/// Compares the sum of the items' values with the whole; `None` when a value is missing
/// (a placeholder, not a number) or the whole is, so the values cannot be added up.
fn value_sum(ctx: &Ctx, whole: &Whole, b: &Breakdown) -> Option<Option<Finding>> {
    let unit = ctx.unit();
    let parent = whole.value;
    let total = parent.base(unit)?;
    let parent_is_money = parent.money_unit(unit).is_some();
    let mut sum = Decimal::ZERO;
    for item in &b.items {
        let comparable = if parent_is_money {
            item.value.money_unit(unit).is_some()
        } else {
            item.value.unit == parent.unit
        };
        let v = item.value.base(unit)?;
        if !comparable {
            // Unit mismatches are incomparable-units' business.
            return Some(None);
        }
        sum += v;
    }
    let agrees = if parent_is_money {
        ctx.money_agrees(sum, total)
    } else {
        sum == total
    };
    if agrees {
        return Some(None);
    }
    let noun = dimension_noun(&b.dimension);
    let gap = total - sum;
    let sum_s = fmt_base(sum, parent, unit);
    let total_s = fmt_base(total, parent, unit);
    let gap_s = fmt_base(gap.abs(), parent, unit);
    let pct = percent_of(gap.abs(), total)
        .map(fmt_pct)
        .unwrap_or_default();
    let mut f = Finding::new(
        &RULE,
        parent.span,
        crate::t!(
            "p101-message",
            noun = noun.as_str(),
            sum = sum_s.as_str(),
            total = total_s.as_str(),
            parent = whole.name
        ),
    )
    .label(crate::t!(
        "p101-label",
        parent = whole.name,
        total = total_s.as_str()
    ));
    for item in &b.items {
        f = f.with(item.value.span, item.value.raw.clone());
    }
    if gap > Decimal::ZERO && parent_is_money && missing_members(ctx, b).is_none() {
        if let Some(x) = add_other(ctx, whole, b, gap) {
            f = f.fix(x);
        }
    }
    let help = if gap > Decimal::ZERO {
        let fix = fix_for_shortfall(ctx, b, false);
        crate::t!(
            "p101-help-short",
            noun = noun,
            sum = sum_s,
            total = total_s,
            gap = gap_s,
            pct = pct,
            fix = fix
        )
    } else {
        crate::t!(
            "p101-help-over",
            noun = noun,
            total = total_s,
            gap = gap_s,
            pct = pct
        )
    };
    Some(Some(f.help(help)))
}

/// Shares stated on the items (when their values cannot be added up) must make 100 %:
/// exactly as written, unless a share stands beside a value it can be checked against
/// (breakdown-share does), which allows it half a unit of its last digit.
fn share_sum(ctx: &Ctx, whole: &Whole, b: &Breakdown) -> Option<Finding> {
    let unit = ctx.unit();
    let total = whole.value.base(unit);
    let mut sum = Decimal::ZERO;
    let mut slack = ctx.tolerance().percent_points;
    let mut shares = Vec::new();
    for item in &b.items {
        let share = item.share.as_ref()?;
        let a = share.amount.filter(|_| share.is_percent())?;
        sum += a;
        let derived = total
            .zip(item.value.base(unit))
            .and_then(|(t, v)| percent_of(v, t));
        // A share that restates a value is rounded to the digits written; a share that
        // is the figure itself (`value: 20%`) is exact.
        if derived.is_some() && !item.value_from_share {
            slack += share.half_ulp();
        }
        shares.push(share);
    }
    if (sum - Decimal::ONE_HUNDRED).abs() <= slack {
        return None;
    }
    let noun = dimension_noun(&b.dimension);
    let sum_s = fmt_pct(sum);
    let mut f = Finding::new(
        &RULE,
        b.dimension.span,
        crate::t!(
            "p101-shares",
            noun = noun.as_str(),
            sum = sum_s.as_str(),
            parent = whole.name
        ),
    )
    .label(crate::t!("p101-label-shares", sum = sum_s));
    for s in &shares {
        f = f.with(s.span, s.raw.clone());
    }
    let gap = Decimal::ONE_HUNDRED - sum;
    let help = if gap > Decimal::ZERO {
        crate::t!(
            "p101-help-shares-short",
            gap = fmt_pct(gap),
            parent = whole.name,
            fix = fix_for_shortfall(ctx, b, true)
        )
    } else {
        crate::t!("p101-help-shares-over", gap = fmt_pct(-gap))
    };
    Some(f.help(help))
}

/// What to do about items that fall short of the whole. Quarters, months and timeline
/// phases are a closed set: name the members that are missing, and never suggest an
/// `其他` item, which only fits open dimensions (provinces, products, channels …).
fn fix_for_shortfall(ctx: &Ctx, b: &Breakdown, shares: bool) -> String {
    match missing_members(ctx, b) {
        None => crate::t!("p101-fix-other"),
        Some(missing) if missing.is_empty() => {
            if shares {
                crate::t!("p101-fix-raise-share")
            } else {
                crate::t!("p101-fix-raise")
            }
        }
        Some(missing) => {
            let names: Vec<&str> = missing.iter().map(String::as_str).collect();
            crate::t!("p101-fix-missing", missing = fmt_list(&names))
        }
    }
}

/// For a dimension with a fixed set of members, the members the breakdown does not list;
/// `None` for an open dimension.
fn missing_members(ctx: &Ctx, b: &Breakdown) -> Option<Vec<String>> {
    let all: Vec<String> = match crate::model::dimension::canonical(&b.dimension) {
        "quarter" => (1..=4).map(|q| format!("Q{q}")).collect(),
        "month" => (1..=12).map(|m| format!("M{m:02}")).collect(),
        "phase" => ctx
            .plan
            .timeline
            .iter()
            .map(|p| p.id.value.clone())
            .collect(),
        _ => return None,
    };
    let listed: Vec<String> = b.items.iter().map(|i| member_key(&i.key)).collect();
    Some(
        all.into_iter()
            .filter(|m| !listed.contains(&member_key(m)))
            .collect(),
    )
}

/// `q3` and `Q3`, `M3` and `M03` name the same member.
fn member_key(key: &str) -> String {
    let k = key.trim().to_ascii_uppercase();
    match k.strip_prefix('M').and_then(|n| n.parse::<u32>().ok()) {
        Some(n) => format!("M{n:02}"),
        None => k,
    }
}

/// The unallocated remainder as an `其他` item after the last one — unsafe: it makes
/// the sum agree by declaring money nobody has planned for yet.
fn add_other(ctx: &Ctx, whole: &Whole, b: &Breakdown, gap: Decimal) -> Option<Fix> {
    let unit = ctx.unit();
    if b.items
        .iter()
        .any(|i| super::reference::is_catch_all(&i.key))
    {
        return None;
    }
    let last = b.items.last()?;
    // In the unit of the whole when that is exact (`2亿元`), else in the items' unit.
    let text = [&whole.value.value, &last.value.value]
        .into_iter()
        .map(|like| fmt_base(gap, like, unit))
        .find(|t| Quantity::parse(t).base(unit) == Some(gap))?;
    let (_, start, end) = super::mapping_with(ctx.root, "ref", last.key.span)?;
    let layout = super::ItemLayout::of(ctx.source, start, end)?;
    let value = super::yaml_scalar(&text);
    let other = "其他";
    let edit = layout.insert_after(ctx.source, &[("ref", other), ("value", &value)]);
    Some(Fix::unsafe_(
        crate::t!("fix-add-other", item = other, value = text.as_str()),
        vec![edit],
    ))
}
