//! P306: the months nested under a quarter belong to that quarter.

use super::{each_breakdown, Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::dimension::canonical;

pub static RULE: RuleInfo = RuleInfo {
    code: "P306",
    name: "month-in-quarter",
    severity: Severity::Error,
    summary: "A month is filed under a quarter it does not belong to.",
    doc: r#"## What it does
Where a quarter item (`Q1` … `Q4`) is broken down by month, every month must lie in
that quarter: `M01`–`M03` under `Q1`, `M04`–`M06` under `Q2`, and so on. Months are
read as `M04`, `4月`, `04` or `2026-04`.

## Why is this bad?
A month under the wrong quarter is counted twice in one quarter and missing from
another: the phased target to date, the monthly report and the seasonality all move.

## Example
```yaml
- ref: Q1
  value: 2亿元
  breakdowns:
    - dimension: month
      items:
        - { ref: M02, value: 6000万元 }
        - { ref: M03, value: 7000万元 }
        - { ref: M04, value: 7000万元 }
```

## Use instead
```yaml
        - { ref: M01, value: 7000万元 }
```
"#,
};

/// The month (1–12) an item key names, or `None`.
pub fn month_of(key: &str) -> Option<u32> {
    let k = key.trim();
    let digits = if let Some(rest) = k.strip_prefix(['M', 'm']) {
        rest
    } else if let Some(rest) = k.strip_suffix('月') {
        rest
    } else if let Some((y, m)) = k.split_once('-') {
        if y.len() != 4 || !y.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        m
    } else {
        k
    };
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let m: u32 = digits.parse().ok()?;
    (1..=12).contains(&m).then_some(m)
}

/// The quarter (1–4) an item key names, or `None`.
fn quarter_of(key: &str) -> Option<u32> {
    let k = key.trim();
    let rest = k.strip_prefix(['Q', 'q'])?;
    let q: u32 = rest.parse().ok()?;
    (1..=4).contains(&q).then_some(q)
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_breakdown(ctx.plan, &mut |_, _, b| {
        if canonical(&b.dimension) != "quarter" {
            return;
        }
        for q in &b.items {
            let Some(n) = quarter_of(&q.key) else {
                continue;
            };
            for mb in q
                .breakdowns
                .iter()
                .filter(|x| canonical(&x.dimension) == "month")
            {
                for m in &mb.items {
                    let Some(month) = month_of(&m.key) else {
                        continue;
                    };
                    let belongs = (month - 1) / 3 + 1;
                    if belongs == n {
                        continue;
                    }
                    out.push(
                        Finding::new(
                            &RULE,
                            m.key.span,
                            crate::t!(
                                "p306-message",
                                month = m.key.as_str(),
                                quarter = q.key.as_str(),
                                belongs = format!("Q{belongs}")
                            ),
                        )
                        .label(crate::t!("p306-label", belongs = format!("Q{belongs}")))
                        .with(q.key.span, crate::t!("p306-label-quarter"))
                        .help(crate::t!(
                            "p306-help",
                            quarter = q.key.as_str(),
                            first = format!("M{:02}", 3 * n - 2),
                            last = format!("M{:02}", 3 * n)
                        )),
                    );
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_quarters_as_written() {
        assert_eq!(month_of("M04"), Some(4));
        assert_eq!(month_of("m4"), Some(4));
        assert_eq!(month_of("4月"), Some(4));
        assert_eq!(month_of("12月"), Some(12));
        assert_eq!(month_of("2026-04"), Some(4));
        assert_eq!(month_of("04"), Some(4));
        assert_eq!(month_of("M13"), None);
        assert_eq!(month_of("M00"), None);
        assert_eq!(month_of("M"), None);
        assert_eq!(month_of("26-04"), None);
        assert_eq!(month_of("M123"), None);
        assert_eq!(quarter_of("Q2"), Some(2));
        assert_eq!(quarter_of("q4"), Some(4));
        assert_eq!(quarter_of("Q5"), None);
        assert_eq!(quarter_of("Q0"), None);
        assert_eq!(quarter_of("2"), None);
    }
}
