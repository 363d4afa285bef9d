use super::{Ctx, RuleInfo};
use crate::diagnostics::{Finding, Severity};
use crate::model::Strategy;

pub static RULE: RuleInfo = RuleInfo {
    code: "P701",
    name: "strategy-without-kpi",
    severity: Severity::Warning,
    summary: "A strategy, campaign or pillar with no KPI to assess it.",
    doc: r#"## What it does
Warns when a strategy, campaign or pillar (or one of its `parts`) has no KPI — in its
own `kpis`, in a tactic, in an action, or in every one of its parts.

## Why is this bad?
A campaign without a measurable objective cannot be reviewed at year end; "做好客户
维护" is a wish, "A类客户月拜访 ≥ 1次" is a plan.

## Example
```yaml
campaigns:
  - id: zhujian
    name: 铸剑计划
    objective: 打造专业化、合规化、数字化的团队
```

## Use instead
```yaml
    kpis:
      - { metric: CRM数据完整率, comparator: ">=", target: 95% }
```
"#,
};

fn has_kpi(s: &Strategy) -> bool {
    !s.kpis.is_empty()
        || s.tactics.iter().any(|t| !t.kpis.is_empty())
        || s.actions.iter().any(|a| !a.kpis.is_empty())
        || (!s.parts.is_empty() && s.parts.iter().all(has_kpi))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s in ctx.plan.all_strategies() {
        if !has_kpi(s) {
            out.push(
                Finding::new(
                    &RULE,
                    s.id.span,
                    crate::t!("p701-message", name = s.name.as_str()),
                )
                .label(crate::t!("p701-label"))
                .help(crate::t!("p701-help")),
            );
        }
    }
}
