use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};

pub static RULE: RuleInfo = RuleInfo {
    code: "P702",
    name: "risk-without-response",
    severity: Severity::Warning,
    summary: "A risk with no response plan.",
    doc: r#"## What it does
Warns when a risk has no `response` (应对预案), or an empty one.

## Why is this bad?
Listing a risk without saying what to do about it documents a worry, not a plan.

## Example
```yaml
risks:
  - id: vbp
    name: 政策风险
    description: 核心产品被纳入新一轮集采
```

## Use instead
```yaml
    response: 提前进行成本测算和报价策略研究，加速新产品上市
```
"#,
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for r in &ctx.plan.risks {
        let missing = r.response.as_ref().is_none_or(|t| t.trim().is_empty());
        if missing {
            out.push(
                Finding::new(
                    &RULE,
                    r.id.span,
                    crate::t!("p702-message", name = r.name.as_str()),
                )
                .label(crate::t!("p702-label"))
                .help(crate::t!("p702-help")),
            );
        }
    }
}
