use super::{placeholder::is_placeholder, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::{MoneyUnit, Quantity, Sp, Unit};

pub static RULE: RuleInfo = RuleInfo {
    code: "P601",
    name: "bad-quantity",
    severity: Severity::Error,
    summary: "A figure that is not a number, an unknown money unit, or a unit of the wrong kind (money where a % is expected …).",
    doc: r#"## What it does
Checks every figure: it must be a number with an optional unit. Money fields (budget
totals and lines, requests, last year's sales and target) must be in 元, 万元 or 亿元
(or a bare number in the plan's `unit`); shares, growth, attainment and ratios must be
percentages written with `%`; the plan's `unit` must be a money unit. Money-like units
planc does not know (`千元`, `千万`, `美元`) are reported rather than guessed. The
shorthand `万` and `亿` is read as 万元 and 亿元 (`52000万`, `7.56亿`). A misspelt unit
that can only mean one money unit (`万圆`, `亿圆`, `萬元`) is read as that unit — so the
sums it takes part in are still checked — and reported here once. A number that cannot
be held exactly (more than 28 significant digits, or 10^20 元 and more) is reported and
takes part in no sum: it is never rounded.

## Why is this bad?
`share: 0.25` could mean 25 % or 0.25 %; `3千万` could be read as 3 元. Exact
numbers need explicit units.

## Example
```yaml
budget:
  total: 6000千元
  lines:
    - { name: 市场推广活动费用, amount: 3000万元, share: 0.5 }
```

## Use instead
```yaml
budget:
  total: 600万元
  lines:
    - { name: 市场推广活动费用, amount: 300万元, share: 50% }
```

## Fix safety
A misspelt money unit is already read as the unit it can only mean; `planc fix` writes
that unit (`3000万圆` → `3000万元`). Safe: nothing is re-read differently.
"#,
};

fn looks_like_money(u: &str) -> bool {
    u.contains('元')
        || matches!(
            u,
            "万" | "亿" | "千" | "百万" | "千万" | "USD" | "$" | "美元" | "CNY" | "RMB" | "w" | "W"
        )
}

fn money_help() -> String {
    crate::t!("p601-help-money")
}

fn unknown_money_unit(q: &Sp<Quantity>, u: &str) -> Finding {
    Finding::new(
        &RULE,
        q.span,
        crate::t!("p601-unknown-money-unit", unit = u),
    )
    .label(crate::t!("p601-label-unknown-money-unit"))
    .help(money_help())
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let p = ctx.plan;
    if let Some(u) = &p.unit {
        if MoneyUnit::parse(u).is_none() {
            out.push(
                Finding::new(
                    &RULE,
                    u.span,
                    crate::t!("p601-plan-unit", unit = u.value.as_str()),
                )
                .label(crate::t!("p601-label-money"))
                .help(crate::t!("p601-help-plan-unit")),
            );
        }
    }
    if let Some(u) = &p.report_unit {
        if MoneyUnit::parse(u).is_none() {
            out.push(
                Finding::new(
                    &RULE,
                    u.span,
                    crate::t!("p601-plan-unit", unit = u.value.as_str()),
                )
                .label(crate::t!("p601-label-money"))
                .help(crate::t!("p601-help-report-unit")),
            );
        }
    }

    let mut money: Vec<&Sp<Quantity>> = Vec::new();
    let mut percents: Vec<&Sp<Quantity>> = Vec::new();
    let mut any: Vec<&Sp<Quantity>> = Vec::new();
    if let Some(b) = &p.budget {
        money.push(&b.total);
        money.extend(b.lines.iter().filter_map(|l| l.amount.as_ref()));
        percents.extend(b.lines.iter().filter_map(|l| l.share.as_ref()));
        percents.extend(b.sales_ratio.iter());
    }
    for r in &p.requests {
        match (r.kind, &r.amount) {
            (crate::model::RequestKind::Budget, Some(a)) => money.push(a),
            (_, Some(a)) => any.push(a),
            _ => {}
        }
    }
    money.extend(p.all_strategies().iter().filter_map(|s| s.budget.as_ref()));
    if let Some(ly) = &p.last_year {
        money.extend(ly.sales.iter().chain(&ly.target).chain(&ly.previous_sales));
        percents.extend(ly.attainment.iter().chain(&ly.growth));
    }
    for t in &p.targets {
        any.push(&t.value);
        any.extend(t.last_year.iter());
        percents.extend(t.growth.iter());
    }
    super::each_breakdown(p, &mut |_, _, b| {
        for i in &b.items {
            // A value left out (the share gives it) is not the user's text.
            if i.value_written() {
                any.push(&i.value);
            }
            any.extend(i.last_year.iter());
            percents.extend(i.share.iter().chain(&i.growth));
        }
    });
    for k in p.all_kpis() {
        any.extend(k.target.iter().chain(&k.max).chain(&k.baseline));
    }
    if let Some(o) = &p.overview {
        any.extend(o.facts.iter().map(|f| &f.value));
    }
    for a in &p.accounts {
        any.extend(a.departments.iter().filter_map(|d| d.beds.as_ref()));
    }
    if let Some(r) = &p.resources {
        any.extend(r.headcount.iter());
    }

    // A misspelt money unit is read as the unit it can only mean: one finding here,
    // and the sums and shares it takes part in are checked as if it were spelt right.
    for q in money.iter().chain(&percents).chain(&any) {
        if let Some(m) = q.unit_typo() {
            out.push(
                Finding::new(
                    &RULE,
                    q.span,
                    crate::t!("p601-unit-typo", unit = q.unit_text(), meant = m.label()),
                )
                .label(crate::t!("p601-label-unit-typo", meant = m.label()))
                .help(crate::t!("did-you-mean", suggestion = m.label()))
                .fix(unit_fix(ctx, q, m)),
            );
        }
    }

    // Full-width digits (`９６００万元`) are read as the number they are: one finding, with
    // the number rewritten in ASCII digits.
    for q in money.iter().chain(&percents).chain(&any) {
        if q.fullwidth() {
            let raw = q.raw.trim();
            let new = crate::model::quantity::halfwidth(raw);
            let fix = super::scalar_edit(ctx.source, q.span, &new).map(|edit| {
                crate::diagnostics::Fix::safe(
                    crate::t!("fix-replace", old = raw, new = new.as_str()),
                    vec![edit],
                )
            });
            let mut f = Finding::new(&RULE, q.span, crate::t!("p601-fullwidth", raw = raw))
                .label(crate::t!("p601-label-fullwidth", new = new.as_str()))
                .help(crate::t!("p601-help-fullwidth"));
            if let Some(x) = fix {
                f = f.fix(x);
            }
            out.push(f);
        }
    }

    let not_a_number = |q: &Sp<Quantity>, out: &mut Vec<Finding>| -> bool {
        if q.amount.is_none() {
            if let Some(digits) = q.too_precise() {
                out.push(
                    Finding::new(
                        &RULE,
                        q.span,
                        crate::t!(
                            "p601-too-precise",
                            raw = q.raw.as_str(),
                            digits = digits,
                            max = crate::model::quantity::MAX_DIGITS
                        ),
                    )
                    .label(crate::t!("p601-label-not-exact"))
                    .help(crate::t!("p601-help-too-precise")),
                );
            } else if q.too_large() {
                out.push(
                    Finding::new(
                        &RULE,
                        q.span,
                        crate::t!("p601-too-large", raw = q.raw.as_str()),
                    )
                    .label(crate::t!("p601-label-not-exact"))
                    .help(crate::t!("p601-help-too-large")),
                );
            } else if !is_placeholder(&q.raw) {
                out.push(
                    Finding::new(
                        &RULE,
                        q.span,
                        crate::t!("p601-not-a-number", raw = q.raw.as_str()),
                    )
                    .label(crate::t!("p601-label-not-a-number"))
                    .help(crate::t!("p601-help-not-a-number")),
                );
            }
            return true;
        }
        false
    };

    for q in money {
        if not_a_number(q, out) {
            continue;
        }
        match &q.unit {
            Unit::Money(_) | Unit::Bare => {}
            Unit::Percent => out.push(
                Finding::new(
                    &RULE,
                    q.span,
                    crate::t!("p601-percent-for-money", raw = q.raw.as_str()),
                )
                .label(crate::t!("p601-label-money"))
                .help(money_help()),
            ),
            Unit::Other(u) => out.push(unknown_money_unit(q, u)),
        }
    }
    for q in percents {
        if not_a_number(q, out) {
            continue;
        }
        if !q.is_percent() {
            let help = match (&q.unit, q.amount) {
                (Unit::Bare, Some(a)) => crate::t!(
                    "p601-help-percent-bare",
                    as_is = a.normalize().to_string(),
                    scaled = (a * rust_decimal::Decimal::ONE_HUNDRED)
                        .normalize()
                        .to_string()
                ),
                _ => crate::t!("p601-help-percent"),
            };
            out.push(
                Finding::new(
                    &RULE,
                    q.span,
                    crate::t!("p601-not-a-percent", raw = q.raw.as_str()),
                )
                .label(crate::t!("p601-label-percent"))
                .help(help),
            );
        }
    }
    for q in any {
        if not_a_number(q, out) {
            continue;
        }
        if let Unit::Other(u) = &q.unit {
            if looks_like_money(u) {
                out.push(unknown_money_unit(q, u));
            }
        }
    }
}

/// Rewrites a misspelt money unit (`5000万圆`) as the unit it was read as (`5000万元`).
fn unit_fix(ctx: &Ctx, q: &Sp<Quantity>, meant: MoneyUnit) -> Option<crate::diagnostics::Fix> {
    let raw = q.raw.trim();
    let number = raw.strip_suffix(q.unit_text()).unwrap_or(raw).trim_end();
    let new = format!("{number}{}", meant.label());
    let edit = super::scalar_edit(ctx.source, q.span, &new)?;
    Some(crate::diagnostics::Fix::safe(
        crate::t!("fix-replace", old = raw, new = new.as_str()),
        vec![edit],
    ))
}
