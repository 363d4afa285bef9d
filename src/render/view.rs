//! The report view-model: everything a report shows, computed once from the plan.
//!
//! Every format reads this and nothing else: the Markdown and HTML templates through
//! minijinja, the DOCX writer directly. All figures are already formatted strings —
//! totals, shares and growth were computed with `Decimal` in `build` — so templates
//! hold layout and wording, never arithmetic.

use serde::Serialize;

use super::chart::Chart;

/// A narrative field: Markdown as the user wrote it. Each format converts it
/// (HTML: pulldown-cmark + ammonia; DOCX: runs and lists; Markdown: inert tags).
pub type Md = String;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// `zh` or `en`.
    pub lang: &'static str,
    /// The plan kind (`company`, `region` …); picks the template set.
    pub kind: &'static str,
    pub meta: Meta,
    /// Title-page rows: owner, unit, period, status …
    pub cover: Vec<Pair>,
    /// Memo header (致 / 发件人 / 主题), when the plan has one.
    pub memo: Vec<Pair>,
    /// Shown at the top when the plan was rendered despite errors.
    pub banner: Option<String>,
    /// Every section in reading order; `level` gives the nesting.
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Meta {
    pub title: String,
    pub id: String,
    pub kind_label: String,
    /// `draft` or `final`.
    pub status: &'static str,
    pub status_label: String,
    pub owner: Option<String>,
    pub org_unit: Option<String>,
    /// The company (cover, above the title).
    pub company: Option<String>,
    /// Security classification (密级), e.g. `内部资料`.
    pub classification: Option<String>,
    /// Issue date as written (`2025-12-20`).
    pub issue_date: Option<String>,
    /// The approval block, in order 编制 / 审核 / 批准 (only those the plan names).
    pub approvals: Vec<Pair>,
    /// The one money unit of the document (`万元`, `CNY m`).
    pub money_unit: String,
    /// Set when some amount is rounded for display (the checks use exact values).
    pub money_note: Option<String>,
    pub period: String,
    /// `planc 0.1.0`.
    pub generator: String,
    /// sha256 of the plan file's bytes.
    pub sha256: String,
    /// The plan file's name.
    pub source: String,
    /// The document's date (`2026-01-01`): the issue date when it is a day, else the first
    /// day of the plan's period. The PDF carries it as its creation date, so a render never
    /// depends on the clock.
    pub date: Option<String>,
}

/// A label and its value.
#[derive(Clone, Debug, Serialize)]
pub struct Pair {
    pub label: String,
    pub value: String,
}

/// A labelled figure with an optional note (`销售代表: 86名`).
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub note: Option<Md>,
}

/// A heading and narrative under it.
#[derive(Clone, Debug, Serialize)]
pub struct Titled {
    pub title: String,
    pub text: Md,
}

#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// Anchor / bookmark name, unique in the report: `s-3-1`.
    pub anchor: String,
    /// `一`, `1.2`, `A` …; empty for unnumbered sections.
    pub number: String,
    pub title: String,
    /// Number and title as printed: `一、前言`, `1.2 区域概览`, `附录A 校验记录`.
    pub heading: String,
    /// A line under the heading (`上市前3个月`).
    pub subtitle: Option<String>,
    /// 1 for top-level sections.
    pub level: u8,
    pub appendix: bool,
    pub body: Body,
}

impl Section {
    /// The executive summary that opens a review or a roll-up: unnumbered, top level.
    pub fn summary(title: String, figures: super::figures::Figures) -> Section {
        Section {
            anchor: "s-summary".into(),
            number: String::new(),
            heading: title.clone(),
            title,
            subtitle: None,
            level: 1,
            appendix: false,
            body: Body::Review(figures),
        }
    }

    /// The heading as printed: `一、前言` / `1.2 区域概览` / `1. Preface`.
    pub fn make_heading(
        number: &str,
        title: &str,
        level: u8,
        appendix: bool,
        lang: &str,
    ) -> String {
        if number.is_empty() {
            title.to_owned()
        } else if level == 1 && !appendix && lang == "zh" {
            format!("{number}、{title}")
        } else if level == 1 && !appendix {
            format!("{number}. {title}")
        } else {
            format!("{number} {title}")
        }
    }
}

/// A table with its header, rows and (optionally) a totals row, all cells formatted.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// A line under the table (`金额单位：亿元`, `部分分解`).
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Column {
    pub label: String,
    /// `left` or `right` (numbers).
    pub align: &'static str,
    /// Relative width, for paged formats.
    pub weight: u8,
    /// What the column's figures are, so a check can tell how they relate (a share
    /// column adds up to 100 %, a points column to the whole's gap).
    #[serde(skip_serializing_if = "Measure::is_text")]
    pub measure: Measure,
}

impl Column {
    /// A column of text (`measuring` says what else it holds).
    pub fn new(label: String, align: &'static str, weight: u8) -> Column {
        Column {
            label,
            align,
            weight,
            ..Default::default()
        }
    }

    /// The same column, saying what its figures are.
    pub fn measuring(mut self, measure: Measure) -> Column {
        self.measure = measure;
        self
    }
}

/// What a table column holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Names, statuses, anything that is not added up.
    #[default]
    Text,
    /// Amounts of money in the document's unit.
    Money,
    /// A rate of something (attainment, growth): not added up.
    Rate,
    /// A share of the whole the header names: the parts add up to 100 %.
    Share,
    /// Percentage points of the whole's attainment or growth: the parts add up to the
    /// whole's gap.
    Points,
    /// A status light and its word (`🟡 黄灯`), a verdict: kept on one line.
    Status,
}

impl Measure {
    pub fn is_text(&self) -> bool {
        *self == Measure::Text
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// `body`, `sub` (a nested row) or `total`.
    pub kind: &'static str,
    /// Nesting depth of the row (0 = top).
    pub depth: u8,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Cell {
    pub text: String,
    /// The text is Markdown (a narrative field).
    pub md: bool,
}

impl Table {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// An action, numbered.
#[derive(Clone, Debug, Serialize)]
pub struct ActionV {
    pub number: String,
    pub title: String,
    pub text: Option<Md>,
    /// Owner, dates, accounts, products — as `label: value` pairs.
    pub facts: Vec<Pair>,
    pub kpis: Option<Table>,
}

/// A group of KPIs under an optional heading.
#[derive(Clone, Debug, Serialize)]
pub struct KpiGroup {
    pub title: Option<String>,
    pub table: Table,
}

/// One breakdown of a target: its table and charts.
#[derive(Clone, Debug, Serialize)]
pub struct BreakdownV {
    pub title: String,
    pub note: Option<Md>,
    pub table: Table,
    pub charts: Vec<Chart>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TargetV {
    pub name: String,
    pub value: String,
    pub facts: Vec<Pair>,
    pub focus: Option<Md>,
    pub note: Option<Md>,
    pub breakdowns: Vec<BreakdownV>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TacticV {
    pub number: String,
    pub name: String,
    pub text: Option<Md>,
    pub tiers: Vec<TierV>,
    pub items: Vec<Md>,
    pub kpis: Option<Table>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TierV {
    pub name: String,
    pub facts: Vec<Pair>,
    pub objective: Option<Md>,
    pub actions: Vec<ActionV>,
}

#[derive(Clone, Debug, Serialize)]
pub struct WorkstreamV {
    pub number: String,
    pub name: String,
    pub text: Option<Md>,
    pub actions: Vec<ActionV>,
}

/// A narrative item nested in a topic, flattened with its depth (1 = first level).
#[derive(Clone, Debug, Serialize)]
pub struct TopicItem {
    pub depth: u8,
    pub title: String,
    pub text: Option<Md>,
    pub kpis: Option<Table>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RiskV {
    pub name: String,
    pub description: Md,
    pub response: Option<Md>,
    pub facts: Vec<Pair>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CadenceV {
    pub name: String,
    pub facts: Vec<Pair>,
    pub text: Option<Md>,
    pub kpis: Option<Table>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DutyV {
    pub title: String,
    pub tasks: Vec<Md>,
    pub facts: Vec<Pair>,
    pub kpis: Option<Table>,
}

/// What a section shows. Each variant has a partial template of the same name
/// (`html/sections/<type>.html.j2`) and a writer in `render::docx`.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    /// Narrative only (preface, closing, a free section's text).
    Text {
        text: Md,
    },
    /// A grouping heading; its content is in the sections that follow.
    Part {
        text: Option<Md>,
    },
    Swot {
        quadrants: Vec<Quadrant>,
    },
    Overview {
        text: Option<Md>,
        facts: Vec<Figure>,
        regions: Vec<String>,
        products: Vec<String>,
    },
    LastYear {
        figures: Vec<Figure>,
        text: Option<Md>,
        highlights: Vec<Md>,
        challenges: Vec<Md>,
        notes: Vec<Titled>,
        accounts: Vec<String>,
    },
    Launch {
        figures: Vec<Figure>,
        objective: Option<Md>,
    },
    Targets {
        summary: Option<Table>,
        targets: Vec<TargetV>,
    },
    Smart {
        rows: Vec<Titled>,
    },
    Kpis {
        groups: Vec<KpiGroup>,
    },
    /// The parent of strategies, campaigns or pillars: an overview table.
    Strategies {
        summary: Table,
    },
    Strategy {
        facts: Vec<Pair>,
        pain_point: Option<Md>,
        objective: Option<Md>,
        tactics: Vec<TacticV>,
        actions: Vec<ActionV>,
        resources: Vec<Md>,
        kpis: Option<Table>,
    },
    Tiers {
        summary: Table,
        tiers: Vec<TierV>,
    },
    Accounts {
        summary: Table,
    },
    Account {
        facts: Vec<Pair>,
        departments: Option<Table>,
        status: Option<Md>,
        opportunity: Option<Md>,
        challenge: Option<Md>,
    },
    Timeline {
        summary: Table,
        chart: Option<Chart>,
    },
    Phase {
        facts: Vec<Pair>,
        goal: Option<Md>,
        workstreams: Vec<WorkstreamV>,
        actions: Vec<ActionV>,
        kpis: Option<Table>,
    },
    Resources {
        figures: Vec<Figure>,
        staffing: Option<Md>,
        training: Option<Md>,
    },
    Budget {
        figures: Vec<Figure>,
        table: Option<Table>,
        chart: Option<Chart>,
        note: Option<Md>,
    },
    Requests {
        table: Table,
    },
    Risks {
        table: Table,
        risks: Vec<RiskV>,
    },
    Cadence {
        table: Table,
        items: Vec<CadenceV>,
    },
    /// The parent of a list of narrative topics.
    Topics {
        intro: Option<Md>,
    },
    Topic {
        text: Option<Md>,
        items: Vec<TopicItem>,
        kpis: Option<Table>,
    },
    Duties {
        summary: Table,
    },
    Duty(DutyV),
    Cases {
        count: usize,
    },
    Case {
        rows: Vec<Titled>,
    },
    Glossary {
        table: Table,
    },
    /// Reference data: products, regions, people.
    Reference {
        tables: Vec<Captioned>,
    },
    /// The validation record (校验记录).
    Checks {
        intro: String,
        figures: Vec<Figure>,
        rules: Table,
        suppressed: Option<Table>,
        findings: Option<Table>,
        /// `planc render --appendix full`: `figures` (generator, file, SHA-256) and
        /// `rules` are filled; otherwise both are empty and `intro` is the one-paragraph
        /// summary for readers.
        full: bool,
    },
    /// Year-end review figures (attainment tables with status lights, plan-vs-actual
    /// charts), built by `crate::review::report`.
    Review(super::figures::Figures),
}

#[derive(Clone, Debug, Serialize)]
pub struct Quadrant {
    /// `strengths`, `weaknesses`, `opportunities`, `threats`.
    pub key: &'static str,
    pub title: String,
    pub items: Vec<Titled>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Captioned {
    pub caption: String,
    pub table: Table,
}

/// A cover title in lines: a long title (wider than a cover line, ~18 CJK characters)
/// breaks before its parenthesis or dash — `2026年度医药销售工作计划` /
/// `（综合性年度战略规划）` — never inside a word; a short one, or one with nowhere to
/// break, is one line.
pub fn title_lines(title: &str) -> Vec<String> {
    const LINE: usize = 36;
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
            .sum()
    };
    if width(title) <= LINE {
        return vec![title.to_owned()];
    }
    // The title cut before each `（`, `(` and `——` after its start.
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, _) in title.char_indices().skip(1) {
        let rest = &title[i..];
        if rest.starts_with(['（', '(']) || (rest.starts_with("——") && !title[..i].ends_with('—'))
        {
            parts.push(&title[start..i]);
            start = i;
        }
    }
    parts.push(&title[start..]);
    let mut lines: Vec<String> = Vec::new();
    for p in parts {
        match lines.last_mut() {
            Some(l) if width(l) + width(p) <= LINE => l.push_str(p),
            _ => lines.push(p.to_owned()),
        }
    }
    lines.into_iter().map(|l| l.trim().to_owned()).collect()
}

#[cfg(test)]
mod title_tests {
    use super::title_lines;

    #[test]
    fn a_long_title_breaks_before_its_parenthesis_or_dash() {
        assert_eq!(
            title_lines("2026 年度医药销售工作计划（综合性年度战略规划）"),
            ["2026 年度医药销售工作计划", "（综合性年度战略规划）"]
        );
        assert_eq!(
            title_lines("2026 年度医药销售工作计划（综合性年度战略规划）——组织汇总"),
            [
                "2026 年度医药销售工作计划",
                "（综合性年度战略规划）——组织汇总"
            ]
        );
        assert_eq!(
            title_lines("华东大区2026年度销售工作执行计划"),
            ["华东大区2026年度销售工作执行计划"]
        );
        // Nowhere to break: one line, as written.
        let long = "华东大区二〇二六年度销售工作执行计划与重点医院开发专项方案";
        assert_eq!(title_lines(long), [long]);
    }
}
