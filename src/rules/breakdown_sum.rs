use rust_decimal::Decimal;

use super::{dimension_noun, each_breakdown, fmt_base, fmt_pct, percent_of, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

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
Make the items add up, add an `其他` item, or say the split is deliberately partial:
```yaml
  - dimension: province
    partial: true
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let unit = ctx.unit();
    each_breakdown(ctx.plan, &mut |parent, parent_name, b| {
        if b.partial || b.items.is_empty() {
            return;
        }
        let Some(total) = parent.base(unit) else {
            return;
        };
        let parent_is_money = parent.money_unit(unit).is_some();
        let mut sum = Decimal::ZERO;
        for item in &b.items {
            let comparable = if parent_is_money {
                item.value.money_unit(unit).is_some()
            } else {
                item.value.unit == parent.unit
            };
            match item.value.base(unit) {
                Some(v) if comparable => sum += v,
                _ => return, // placeholders and unit mismatches are other rules' business
            }
        }
        let agrees = if parent_is_money {
            ctx.money_agrees(sum, total)
        } else {
            sum == total
        };
        if agrees {
            return;
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
                parent = parent_name
            ),
        )
        .label(crate::t!(
            "p101-label",
            parent = parent_name,
            total = total_s.as_str()
        ));
        for item in &b.items {
            f = f.with(item.value.span, item.value.raw.clone());
        }
        let help = if gap > Decimal::ZERO {
            crate::t!(
                "p101-help-short",
                noun = noun,
                sum = sum_s,
                total = total_s,
                gap = gap_s,
                pct = pct
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
        out.push(f.help(help));
    });
}
