//! The change list written out: the summary line, Markdown for a pull-request comment,
//! terminal text, JSON (versioned, `schemas/diff.schema.json`), and one plan's canonical
//! text for `git`'s `textconv`. Every function returns text; the CLI writes it.

use rust_decimal::Decimal;
use serde_json::json;

use super::{Change, ChangeKind, Diff, FileDiff, FileStatus, Qty, QtyKind, Summary, Val, COUNTED};
use crate::i18n::Lang;
use crate::model::{MoneyUnit, Plan};
use crate::num::{dec, decimals, signed_pct, Money, UnitRequest, MINUS};
use crate::t;

/// The JSON format's version: changes only on an incompatible change.
pub const JSON_VERSION: u32 = 1;

/// Writes figures in one language, money in the diff's one format (`num::Money`).
#[derive(Clone, Copy, Debug)]
pub struct Fmt {
    pub lang: Lang,
    pub money: Money,
}

/// `+x`, `−x` (a real minus sign), or `0`.
fn signed(d: Decimal, magnitude: String) -> String {
    if d > Decimal::ZERO {
        format!("+{magnitude}")
    } else if d < Decimal::ZERO {
        format!("{MINUS}{magnitude}")
    } else {
        magnitude
    }
}

impl Fmt {
    /// The diff of `plans` (both sides) written in `lang`, every amount in one unit with
    /// one number of decimals, as their reports print them: `--money-unit`, else the
    /// plans' `report_unit` (when they name one and agree), else `[render] money_unit`,
    /// else the largest unit that shows every amount the plans state and every amount the
    /// diff shows exactly (`num::Money::choose`).
    pub fn new(lang: Lang, diff: &Diff, plans: &[&Plan], asked: UnitRequest) -> Fmt {
        let mut amounts: Vec<Decimal> = plans
            .iter()
            .flat_map(|p| crate::num::money_amounts(p))
            .collect();
        for c in diff.files.iter().flat_map(|f| &f.changes) {
            for q in [c.old_qty(), c.new_qty()].into_iter().flatten() {
                if let (QtyKind::Money, Some(v)) = (&q.kind, q.value) {
                    amounts.push(v);
                }
            }
        }
        let mut units = plans.iter().filter_map(|p| p.report_unit());
        let own = units.next().filter(|first| units.all(|u| u == *first));
        let fallback = (amounts.is_empty())
            .then(|| plans.first().map(|p| p.money_unit()))
            .flatten();
        let configured = asked.over(own).or(fallback);
        Fmt {
            lang,
            money: Money::choose(&amounts, lang, configured),
        }
    }

    /// Money in the diff's format; an amount that format would round to zero keeps
    /// the decimals it needs (a change of 50 元 in a 亿元 diff is never `0.00亿元`).
    fn money(&self, yuan: Decimal) -> String {
        let m = self.money;
        let need = decimals(yuan / m.scale.factor());
        let shown = (yuan / m.scale.factor()).round_dp(m.dp);
        if need > m.dp && shown.is_zero() && !yuan.is_zero() {
            Money { dp: need, ..m }.money(yuan)
        } else {
            m.money(yuan)
        }
    }

    /// A figure as its report prints it: money in the diff's unit, other figures exactly.
    pub fn qty(&self, q: &Qty) -> String {
        let Some(v) = q.value else {
            return q.raw.clone();
        };
        match q.kind {
            QtyKind::Money => self.money(v),
            QtyKind::Percent => format!("{}%", dec(v, 4)),
            QtyKind::Count => format!("{}{}", dec(v, 4), q.unit.as_deref().unwrap_or("")),
            QtyKind::Number => dec(v, 4),
            QtyKind::Unknown => q.raw.clone(),
        }
    }

    /// Money with its sign, in the diff's unit.
    pub fn signed_money(&self, d: Decimal) -> String {
        signed(d, self.money(d.abs()))
    }

    /// The change of a figure: money in the diff's unit, percentages in points.
    pub fn delta(&self, c: &Change) -> Option<String> {
        let d = c.delta()?;
        let q = c.new_qty().or(c.old_qty())?;
        Some(match q.kind {
            QtyKind::Money => self.signed_money(d),
            QtyKind::Percent => {
                let v = signed(d, dec(d.abs(), 4));
                t!("diff-points", value = v)
            }
            QtyKind::Count => signed(
                d,
                format!("{}{}", dec(d.abs(), 4), q.unit.as_deref().unwrap_or("")),
            ),
            _ => signed(d, dec(d.abs(), 4)),
        })
    }

    /// The relative change, one decimal: `+2.2%`.
    pub fn delta_percent(&self, c: &Change) -> Option<String> {
        c.delta_percent().map(percent)
    }

    /// Both sides of a change as shown; two long texts are cut around where they differ.
    fn vals(&self, c: &Change) -> (String, String) {
        match (&c.old, &c.new) {
            (Some(Val::Text(a)), Some(Val::Text(b)))
                if a.chars().count() > 40 || b.chars().count() > 40 =>
            {
                excerpts(a, b, 40)
            }
            _ => (self.val(&c.old), self.val(&c.new)),
        }
    }

    fn val(&self, v: &Option<Val>) -> String {
        match v {
            Some(Val::Qty(q)) => self.qty(q),
            Some(Val::Text(t)) if t == "draft" || t == "final" => status_label(t),
            Some(Val::Text(t)) => short(t, 40),
            None => String::new(),
        }
    }
}

/// A relative change as the reports write a growth rate: one decimal, signed.
fn percent(p: Decimal) -> String {
    signed_pct(p, 1)
}

/// Two texts on one line each, from a little before their first difference, cut to `n`
/// characters — so a changed sentence at the end of a long paragraph is what shows.
fn excerpts(a: &str, b: &str, n: usize) -> (String, String) {
    let one = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (a, b) = (one(a), one(b));
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let skip = common.saturating_sub(10);
    let cut = |s: &str| {
        let rest: String = s.chars().skip(skip).collect();
        let body = short(&rest, n);
        if skip > 0 {
            format!("…{body}")
        } else {
            body
        }
    };
    (cut(&a), cut(&b))
}

/// Text on one line, cut to `n` characters.
fn short(s: &str, n: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > n {
        format!("{}…", one.chars().take(n).collect::<String>())
    } else {
        one
    }
}

/// The heading of a section.
pub fn section_label(key: &str) -> String {
    match key {
        "plan" => t!("diff-section-plan"),
        "targets" => t!("diff-section-targets"),
        "kpis" => t!("diff-section-kpis"),
        "strategies" => t!("diff-section-strategies"),
        "campaigns" => t!("diff-section-campaigns"),
        "pillars" => t!("diff-section-pillars"),
        "budget" => t!("diff-section-budget"),
        "risks" => t!("diff-section-risks"),
        "timeline" => t!("diff-section-timeline"),
        "products" => t!("diff-section-products"),
        "regions" => t!("diff-section-regions"),
        "people" => t!("diff-section-people"),
        "accounts" => t!("diff-section-accounts"),
        "last_year" => t!("diff-section-last-year"),
        "resources" => t!("diff-section-resources"),
        "cadence" => t!("diff-section-cadence"),
        "overview" => t!("diff-section-overview"),
        other => t!("diff-section-other", key = other),
    }
}

/// A field name as the reader knows it (`share` → 占比).
pub fn field_label(field: &str) -> String {
    field
        .split('.')
        .map(|f| match f {
            "value" => t!("diff-field-value"),
            "share" => t!("diff-field-share"),
            "growth" => t!("diff-field-growth"),
            "last_year" => t!("diff-field-last-year"),
            "target" => t!("diff-field-target"),
            "amount" => t!("diff-field-amount"),
            "total" => t!("diff-field-total"),
            "budget" => t!("diff-field-budget"),
            "sales_ratio" => t!("diff-field-sales-ratio"),
            "name" => t!("diff-field-name"),
            "title" => t!("diff-field-title"),
            "owner" => t!("diff-field-owner"),
            "status" => t!("diff-field-status"),
            "period" => t!("diff-field-period"),
            "start" => t!("diff-field-start"),
            "end" => t!("diff-field-end"),
            "response" => t!("diff-field-response"),
            "description" => t!("diff-field-description"),
            "note" => t!("diff-field-note"),
            "text" => t!("diff-field-text"),
            "objective" => t!("diff-field-objective"),
            "attainment" => t!("diff-field-attainment"),
            "sales" => t!("diff-field-sales"),
            "previous_sales" => t!("diff-field-previous-sales"),
            "rolls_up" => t!("diff-field-rolls-up"),
            "theme" => t!("diff-field-theme"),
            "focus" => t!("diff-field-focus"),
            "metric" => t!("diff-field-metric"),
            "comparator" => t!("diff-field-comparator"),
            "frequency" => t!("diff-field-frequency"),
            "baseline" => t!("diff-field-baseline"),
            "due" => t!("diff-field-due"),
            "likelihood" => t!("diff-field-likelihood"),
            "impact" => t!("diff-field-impact"),
            "campaign" => t!("diff-field-campaign"),
            "goal" => t!("diff-field-goal"),
            "when" => t!("diff-field-when"),
            "parent" => t!("diff-field-parent"),
            "memo" => t!("diff-field-memo"),
            "from" => t!("diff-field-from"),
            "to" => t!("diff-field-to"),
            "subject" => t!("diff-field-subject"),
            "org_unit" => t!("diff-field-org-unit"),
            "unit" => t!("diff-field-unit"),
            "product" => t!("diff-field-product"),
            "regions" => t!("diff-field-regions"),
            "products" => t!("diff-field-products"),
            "resources" => t!("diff-field-resources"),
            "label" => t!("diff-field-label"),
            other => other.replace('_', " "),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn status_label(s: &str) -> String {
    match s {
        "draft" => t!("diff-status-draft"),
        "final" => t!("diff-status-final"),
        other => other.to_owned(),
    }
}

/// What a change did, for the "change" column: a field name, or added / removed.
fn change_label(c: &Change) -> String {
    match (&c.field, c.kind) {
        (None, ChangeKind::Added) => t!("diff-added"),
        (None, ChangeKind::Removed) => t!("diff-removed"),
        (None, ChangeKind::Changed) => t!("diff-changed"),
        (Some(_), ChangeKind::Added) if c.item.is_empty() => t!("diff-added"),
        (Some(_), ChangeKind::Removed) if c.item.is_empty() => t!("diff-removed"),
        (Some(_), ChangeKind::Changed) if c.item.is_empty() => t!("diff-changed"),
        (Some(f), ChangeKind::Changed) => field_label(f),
        (Some(f), ChangeKind::Added) => t!("diff-field-added", field = field_label(f)),
        (Some(f), ChangeKind::Removed) => t!("diff-field-removed", field = field_label(f)),
    }
}

/// What a change is about: the entities down to it, or the field of the plan itself.
fn item_label(c: &Change) -> String {
    if c.item.is_empty() {
        c.field.as_deref().map(field_label).unwrap_or_default()
    } else {
        c.item.join(" › ")
    }
}

impl Fmt {
    /// The summary line: `目标 +0.2亿元（+0.6%），2 项战役调整，预算 48600万元 → 50000万元`.
    pub fn summary(&self, s: &Summary) -> String {
        let mut parts = Vec::new();
        if s.plans_changed > 0 {
            parts.push(t!("diff-summary-plans-changed", count = s.plans_changed));
        }
        if s.plans_added > 0 {
            parts.push(t!("diff-summary-plans-added", count = s.plans_added));
        }
        if s.plans_removed > 0 {
            parts.push(t!("diff-summary-plans-removed", count = s.plans_removed));
        }
        if let Some((st_old, st_new)) = &s.status {
            parts.push(t!(
                "diff-summary-status",
                old = status_label(st_old),
                new = status_label(st_new)
            ));
        }
        if s.period {
            parts.push(t!("diff-summary-period"));
        }
        if let Some((o, n)) = &s.target {
            let c = Change {
                section: "targets".into(),
                path: Vec::new(),
                item: Vec::new(),
                field: None,
                kind: ChangeKind::Changed,
                old: Some(Val::Qty(o.clone())),
                new: Some(Val::Qty(n.clone())),
            };
            match (self.delta(&c), self.delta_percent(&c)) {
                (Some(d), Some(p)) => parts.push(t!("diff-summary-target", delta = d, percent = p)),
                _ => parts.push(t!(
                    "diff-summary-target-values",
                    old = self.qty(o),
                    new = self.qty(n)
                )),
            }
        }
        if s.more_targets > 0 {
            parts.push(t!("diff-summary-more-targets", count = s.more_targets));
        }
        if s.cells > 0 {
            parts.push(t!("diff-summary-cells", count = s.cells));
        }
        for section in COUNTED {
            let Some(&n) = s.entities.get(section) else {
                continue;
            };
            parts.push(match section {
                "strategies" => t!("diff-summary-strategies", count = n),
                "campaigns" => t!("diff-summary-campaigns", count = n),
                "pillars" => t!("diff-summary-pillars", count = n),
                "kpis" => t!("diff-summary-kpis", count = n),
                "risks" => t!("diff-summary-risks", count = n),
                _ => t!("diff-summary-timeline", count = n),
            });
        }
        if let Some((o, n)) = &s.budget_total {
            parts.push(t!(
                "diff-summary-budget",
                old = self.qty(o),
                new = self.qty(n)
            ));
        }
        if let Some(yuan) = s.budget_moved {
            let amount = self.money(yuan);
            parts.push(t!(
                "diff-summary-budget-moved",
                amount = amount,
                count = s.budget_lines
            ));
        } else if s.budget_lines > 0 {
            parts.push(t!("diff-summary-budget-lines", count = s.budget_lines));
        }
        if s.other > 0 {
            parts.push(t!("diff-summary-other", count = s.other));
        }
        if parts.is_empty() {
            return t!("diff-summary-none");
        }
        parts.join(&t!("diff-summary-sep"))
    }

    fn file_heading(&self, f: &FileDiff) -> String {
        let paths = match (&f.old_path, &f.new_path) {
            (Some(o), Some(n)) if o != n => format!("{o} → {n}"),
            (Some(p), _) | (_, Some(p)) => p.clone(),
            _ => String::new(),
        };
        format!("{} ({}) — {paths}", f.title, f.plan_id)
    }

    fn status_note(&self, f: &FileDiff) -> Option<String> {
        match f.status {
            FileStatus::Added => Some(t!("diff-plan-added")),
            FileStatus::Removed => Some(t!("diff-plan-removed")),
            FileStatus::Unchanged => Some(t!("diff-summary-none")),
            FileStatus::Modified => None,
        }
    }

    /// Markdown for a pull-request comment: the summary line in bold, then per plan one
    /// table per section.
    pub fn markdown(&self, diff: &Diff) -> String {
        let mut out = format!(
            "**{}**\n",
            md_escape(&self.summary(&Summary::of_diff(diff)))
        );
        let several = diff.files.len() > 1;
        for f in &diff.files {
            if several && f.status == FileStatus::Unchanged {
                continue;
            }
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&format!("### {}\n\n", md_escape(&self.file_heading(f))));
            if let Some(note) = self.status_note(f) {
                out.push_str(&format!("{note}\n"));
                continue;
            }
            if several {
                let s = Summary::of_changes(&f.changes);
                out.push_str(&format!("{}\n\n", md_escape(&self.summary(&s))));
            }
            for (section, changes) in by_section(&f.changes) {
                out.push_str(&format!("#### {}\n\n", md_escape(&section_label(section))));
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} |\n|---|---|--:|--:|--:|--:|\n",
                    t!("diff-col-item"),
                    t!("diff-col-change"),
                    t!("diff-col-old"),
                    t!("diff-col-new"),
                    t!("diff-col-delta"),
                    t!("diff-col-delta-percent"),
                ));
                for c in changes {
                    out.push_str(&format!(
                        "| {} | {} | {} | {} | {} | {} |\n",
                        md_escape(&item_label(c)),
                        md_escape(&change_label(c)),
                        md_escape(&self.vals(c).0),
                        md_escape(&self.vals(c).1),
                        self.delta(c).unwrap_or_default(),
                        self.delta_percent(c).unwrap_or_default(),
                    ));
                }
                out.push('\n');
            }
        }
        out
    }

    /// Terminal text: the summary line, then per plan its changes by section, one line each.
    pub fn human(&self, diff: &Diff) -> String {
        let mut out = format!("{}\n", self.summary(&Summary::of_diff(diff)));
        let several = diff.files.len() > 1;
        for f in &diff.files {
            if several && f.status == FileStatus::Unchanged {
                continue;
            }
            out.push_str(&format!("\n{}\n", self.file_heading(f)));
            if let Some(note) = self.status_note(f) {
                out.push_str(&format!("  {note}\n"));
                continue;
            }
            if several {
                out.push_str(&format!(
                    "  {}\n",
                    self.summary(&Summary::of_changes(&f.changes))
                ));
            }
            for (section, changes) in by_section(&f.changes) {
                out.push_str(&format!("  {}\n", section_label(section)));
                for c in changes {
                    out.push_str(&format!("    {}\n", self.line(c)));
                }
            }
        }
        out
    }

    /// `~ 年度销售总额 › 指标值: 36亿元 → 36.2亿元 (+0.2亿元, +0.6%)`.
    fn line(&self, c: &Change) -> String {
        let marker = match c.kind {
            ChangeKind::Added => '+',
            ChangeKind::Removed => MINUS,
            ChangeKind::Changed => '~',
        };
        let mut head = item_label(c);
        if let (Some(f), false) = (&c.field, c.item.is_empty()) {
            head = format!("{head} · {}", field_label(f));
        }
        let values = match (&c.old, &c.new) {
            (Some(_), Some(_)) => {
                let (a, b) = self.vals(c);
                format!("{a} → {b}")
            }
            (Some(_), None) => self.val(&c.old),
            (None, Some(_)) => self.val(&c.new),
            (None, None) => String::new(),
        };
        let extra: Vec<String> = [self.delta(c), self.delta_percent(c)]
            .into_iter()
            .flatten()
            .filter(|_| c.kind == ChangeKind::Changed)
            .collect();
        let mut s = format!("{marker} {head}");
        if !values.is_empty() {
            s.push_str(&format!(": {values}"));
        }
        if !extra.is_empty() {
            s.push_str(&format!(" ({})", extra.join(", ")));
        }
        s
    }

    /// The JSON document (see `schemas/diff.schema.json`).
    pub fn json(&self, diff: &Diff) -> serde_json::Value {
        let files: Vec<serde_json::Value> = diff
            .files
            .iter()
            .map(|f| {
                json!({
                    "old_path": f.old_path,
                    "new_path": f.new_path,
                    "plan_id": f.plan_id,
                    "title": f.title,
                    "status": f.status,
                    "summary": self.summary(&Summary::of_changes(&f.changes)),
                    "changes": f.changes.iter().map(|c| self.json_change(c)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let changes: usize = diff.files.iter().map(|f| f.changes.len()).sum();
        let s = Summary::of_diff(diff);
        json!({
            "version": JSON_VERSION,
            "tool": { "name": "planc", "version": env!("CARGO_PKG_VERSION") },
            "lang": match self.lang { Lang::Zh => "zh", Lang::En => "en" },
            "summary": {
                "text": self.summary(&s),
                "changed": diff.has_changes(),
                "changes": changes,
                "plans_added": diff.files.iter().filter(|f| f.status == FileStatus::Added).count(),
                "plans_removed": diff.files.iter().filter(|f| f.status == FileStatus::Removed).count(),
                "plans_modified": diff.files.iter().filter(|f| f.status == FileStatus::Modified).count(),
            },
            "files": files,
        })
    }

    fn json_change(&self, c: &Change) -> serde_json::Value {
        let side = |v: &Option<Val>| match v {
            None => serde_json::Value::Null,
            Some(Val::Text(t)) => json!({ "type": "text", "text": t }),
            Some(Val::Qty(q)) => json!({
                "type": "quantity",
                "raw": q.raw,
                "kind": q.kind,
                "value": q.value.map(|v| v.normalize().to_string()),
                "unit": q.unit,
            }),
        };
        json!({
            "section": c.section,
            "path": c.path,
            "item": c.item,
            "field": c.field,
            "kind": c.kind,
            "old": side(&c.old),
            "new": side(&c.new),
            "delta": c.delta().map(|d| d.normalize().to_string()),
            "delta_percent": c.delta_percent().map(|d| d.round_dp(4).normalize().to_string()),
            "display": {
                "item": item_label(c),
                "change": change_label(c),
                "old": self.vals(c).0,
                "new": self.vals(c).1,
                "delta": self.delta(c),
                "delta_percent": self.delta_percent(c),
            },
        })
    }
}

/// Changes grouped by section, sections in order of first appearance.
fn by_section(changes: &[Change]) -> Vec<(&str, Vec<&Change>)> {
    let mut out: Vec<(&str, Vec<&Change>)> = Vec::new();
    for c in changes {
        match out.iter_mut().find(|(s, _)| *s == c.section) {
            Some((_, v)) => v.push(c),
            None => out.push((&c.section, vec![c])),
        }
    }
    out
}

fn md_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('<', "&lt;")
        .replace('\n', " ")
}

/// Money in the largest unit that keeps it readable, whatever unit it was written in —
/// so that `textconv` output does not change when only a unit is rewritten.
fn canonical_money(yuan: Decimal) -> String {
    let unit = [MoneyUnit::Yi, MoneyUnit::Wan]
        .into_iter()
        .find(|u| yuan.abs() >= u.factor())
        .unwrap_or(MoneyUnit::Yuan);
    format!("{}{}", (yuan / unit.factor()).normalize(), unit.label())
}

/// One plan as canonical text for `git diff` (`textconv`): one line per value, in the
/// plan's order, figures normalised, long text kept whole on following lines.
pub fn textconv(plan: &Plan) -> String {
    let mut out = String::new();
    for (path, q, text) in super::canonical_lines(plan) {
        let value = match &q {
            Some(q) if q.kind == QtyKind::Money => q.value.map(canonical_money),
            Some(q) if q.kind != QtyKind::Unknown => q
                .value
                .map(|v| format!("{}{}", v.normalize(), q.unit.as_deref().unwrap_or(""))),
            _ => None,
        };
        match value {
            Some(v) => out.push_str(&format!("{path}: {v}\n")),
            None if text.contains('\n') => {
                out.push_str(&format!("{path}: |\n"));
                for line in text.lines() {
                    out.push_str(&format!("    {line}\n"));
                }
            }
            None => out.push_str(&format!("{path}: {text}\n")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn fmt(lang: Lang, unit: MoneyUnit, dp: u32) -> Fmt {
        Fmt {
            lang,
            money: Money {
                scale: crate::num::Scale::of(unit, lang),
                dp,
                rounded: false,
            },
        }
    }

    #[test]
    fn money_changes_take_the_diffs_unit_and_a_real_minus() {
        let zh = fmt(Lang::Zh, MoneyUnit::Yi, 2);
        assert_eq!(zh.signed_money(d("20000000")), "+0.20亿元");
        assert_eq!(zh.signed_money(d("-2800000")), "\u{2212}0.03亿元");
        assert_eq!(zh.signed_money(d("0")), "0.00亿元");
        // An amount the format would show as zero keeps the decimals it needs.
        assert_eq!(zh.signed_money(d("5000")), "+0.00005亿元");
        let wan = fmt(Lang::Zh, MoneyUnit::Wan, 0);
        assert_eq!(
            wan.signed_money(d("-360000000000")),
            "\u{2212}36,000,000万元"
        );
        let en = fmt(Lang::En, MoneyUnit::Yi, 1);
        assert_eq!(en.signed_money(d("-20000000")), "\u{2212}CNY 20.0m");
        assert_eq!(percent(d("0.5556")), "+0.6%");
        assert_eq!(percent(d("-4.08")), "\u{2212}4.1%");
        assert_eq!(percent(d("2")), "+2.0%");
    }

    #[test]
    fn long_texts_show_where_they_differ() {
        let a = "本计划旨在为公司2026年度的医药销售工作提供全面、系统、可执行的战略指导，并围绕目标制定行动方案。";
        let b = "本计划旨在为公司2026年度的医药销售工作提供全面、系统、可执行的战略指导，并围绕目标制定季度行动方案。";
        let (x, y) = excerpts(a, b, 40);
        assert!(x.starts_with('…') && y.starts_with('…'), "{x} / {y}");
        assert!(y.contains("季度"), "{y}");
        assert_eq!(excerpts("短", "长", 40), ("短".to_owned(), "长".to_owned()));
    }
}
