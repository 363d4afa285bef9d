//! Plan → report view-model. All arithmetic of the reports happens here, in `Decimal`.
//!
//! The outline (which sections a kind shows, in which order, under which parts) is
//! in [`outline`]; every section the plan fills in appears in the report even when
//! the kind's outline does not name it, so nothing a user wrote goes missing.

mod budget;
mod context;
mod people;
mod strategies;
mod targets;
mod text;
mod timeline;

use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::chart::{Chart, ChartKind, Datum};
use super::labels::{Labels, Lang};
use super::view::*;
use crate::model::{
    self, Action, Breakdown, BreakdownItem, Comparator, Frequency, Kind, Kpi, Level, Phase, Plan,
    Quantity, RequestKind, Sp, Status, Strategy, Tier, Topic,
};
use crate::num::{self, Numbers, ValueStyle};

/// Builds the report for `plan`; `checks` is the validation-record body (see `checks`).
/// `money_unit` is planc.toml's `[render] money_unit` (the plan's `report_unit` wins).
pub fn build(
    plan: &Plan,
    labels: &Labels,
    checks: Body,
    banner: Option<String>,
    money_unit: Option<model::MoneyUnit>,
) -> Report {
    let mut b = Builder::new(plan, labels, money_unit);
    let mut main = Vec::new();
    let mut placed: Vec<&str> = Vec::new();
    for entry in outline(plan.kind.value) {
        match entry {
            O::S(key) => {
                placed.push(key);
                main.extend(b.nodes(key));
            }
            O::P(part, keys) => {
                placed.extend(keys.iter().copied());
                let children: Vec<Node> = keys.iter().flat_map(|k| b.nodes(k)).collect();
                if !children.is_empty() {
                    main.push(
                        Node::new(b.part_title(part), Body::Part { text: None }).with(children),
                    );
                }
            }
        }
    }
    for key in CANONICAL {
        if !placed.contains(key) {
            main.extend(b.nodes(key));
        }
    }
    let closing = plan
        .closing
        .as_ref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| Node::new(b.title("closing"), Body::Text { text: t.clone() }));
    let mut appendices = Vec::new();
    if let Some(n) = b.reference() {
        appendices.push(n);
    }
    appendices.push(Node::new(labels.get("checks.title"), checks));

    let mut sections = number(main, closing, appendices, labels.lang);
    for s in &mut sections {
        s.heading = Section::make_heading(
            &s.number,
            &s.title,
            s.level,
            s.appendix,
            lang_code(labels.lang),
        );
    }
    Report {
        lang: lang_code(labels.lang),
        kind: plan.kind.value.as_str(),
        meta: b.meta(),
        cover: b.cover(),
        memo: b.memo(),
        banner,
        sections,
    }
}

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// An outline entry: a section, or a part grouping sections under one heading.
enum O {
    S(&'static str),
    P(&'static str, &'static [&'static str]),
}

/// The order sections appear in when a kind's outline does not place them.
const CANONICAL: &[&str] = &[
    "preface",
    "overview",
    "last_year",
    "launch",
    "swot",
    "targets",
    "smart",
    "kpis",
    "strategies",
    "campaigns",
    "pillars",
    "tiers",
    "accounts",
    "timeline",
    "role",
    "market",
    "approach",
    "teamwork",
    "development",
    "organisation",
    "duties",
    "cases",
    "resources",
    "budget",
    "requests",
    "risks",
    "cadence",
    "glossary",
    "sections",
];

/// Each kind's outline, following the structure of the documents the kind models.
fn outline(kind: Kind) -> Vec<O> {
    use O::{P, S};
    match kind {
        Kind::Company => vec![
            S("preface"),
            S("swot"),
            P("goals", &["targets", "kpis"]),
            S("strategies"),
            P("resources", &["resources", "budget", "requests"]),
            S("risks"),
            S("cadence"),
        ],
        Kind::Region => vec![
            P("status", &["overview", "last_year", "targets"]),
            S("campaigns"),
            P("support", &["cadence", "requests", "resources", "budget"]),
            S("risks"),
        ],
        Kind::Representative => vec![
            P("goals", &["last_year", "targets", "smart", "kpis"]),
            P("market", &["overview", "accounts"]),
            S("tiers"),
            S("timeline"),
            S("development"),
            S("cadence"),
        ],
        Kind::Launch => vec![S("launch"), S("targets"), S("kpis"), S("timeline")],
        Kind::Initiative => vec![S("preface"), S("kpis"), S("pillars"), S("organisation")],
        Kind::Onboarding => vec![
            S("role"),
            S("kpis"),
            S("targets"),
            S("market"),
            S("approach"),
            S("teamwork"),
            S("development"),
        ],
        Kind::Role => vec![S("duties"), S("kpis"), S("cases"), S("glossary")],
        // The year-end review adds its own sections (actuals against plan) here.
        Kind::Review => vec![S("preface"), S("targets"), S("sections")],
    }
}

/// A section before numbering.
struct Node {
    title: String,
    subtitle: Option<String>,
    body: Body,
    children: Vec<Node>,
}

impl Node {
    fn new(title: String, body: Body) -> Node {
        Node {
            title,
            subtitle: None,
            body,
            children: Vec::new(),
        }
    }
    fn with(mut self, children: Vec<Node>) -> Node {
        self.children = children;
        self
    }
    fn sub(mut self, subtitle: Option<String>) -> Node {
        self.subtitle = subtitle.filter(|s| !s.is_empty());
        self
    }
}

/// Numbers the sections (`一` / `1`, `1.2`, `1.2.3`; appendices `A`, `A.1`) and
/// flattens them in reading order.
fn number(
    main: Vec<Node>,
    closing: Option<Node>,
    appendices: Vec<Node>,
    lang: Lang,
) -> Vec<Section> {
    fn go(
        node: Node,
        path: Vec<String>,
        number: String,
        level: u8,
        appendix: bool,
        out: &mut Vec<Section>,
    ) {
        let anchor = format!("s-{}", path.join("-").to_lowercase());
        out.push(Section {
            anchor,
            number: number.clone(),
            title: node.title,
            heading: String::new(),
            subtitle: node.subtitle,
            level,
            appendix,
            body: node.body,
        });
        let base = if level == 1 {
            path.join(".")
        } else {
            number.clone()
        };
        for (i, child) in node.children.into_iter().enumerate() {
            let mut p = path.clone();
            p.push((i + 1).to_string());
            go(
                child,
                p,
                format!("{base}.{}", i + 1),
                level + 1,
                appendix,
                out,
            );
        }
    }
    let mut out = Vec::new();
    for (i, n) in main.into_iter().enumerate() {
        let number = match lang {
            Lang::Zh => num::zh_numeral(i + 1),
            Lang::En => (i + 1).to_string(),
        };
        go(n, vec![(i + 1).to_string()], number, 1, false, &mut out);
    }
    if let Some(c) = closing {
        out.push(Section {
            anchor: "s-closing".into(),
            number: String::new(),
            title: c.title,
            heading: String::new(),
            subtitle: None,
            level: 1,
            appendix: false,
            body: c.body,
        });
    }
    for (i, n) in appendices.into_iter().enumerate() {
        let letter = char::from(b'A' + (i as u8 % 26)).to_string();
        let start = out.len();
        go(n, vec![letter.clone()], letter.clone(), 1, true, &mut out);
        let prefix = match lang {
            Lang::Zh => format!("附录{letter}"),
            Lang::En => format!("Appendix {letter}"),
        };
        out[start].number = prefix;
    }
    out
}

struct Builder<'a> {
    plan: &'a Plan,
    l: &'a Labels,
    n: Numbers,
    names: HashMap<&'a str, &'a str>,
    charts: usize,
}

impl<'a> Builder<'a> {
    fn new(plan: &'a Plan, l: &'a Labels, money_unit: Option<model::MoneyUnit>) -> Builder<'a> {
        let mut names: HashMap<&str, &str> = HashMap::new();
        let mut add = |id: &'a str, name: &'a str| {
            names.entry(id).or_insert(name);
        };
        plan.products.iter().for_each(|p| add(&p.id, &p.name));
        plan.regions.iter().for_each(|r| add(&r.id, &r.name));
        plan.accounts.iter().for_each(|a| add(&a.id, &a.name));
        plan.people.iter().for_each(|p| add(&p.id, &p.name));
        plan.all_strategies()
            .into_iter()
            .for_each(|s| add(&s.id, &s.name));
        plan.targets.iter().for_each(|t| add(&t.id, &t.name));
        plan.tiers.iter().for_each(|t| add(&t.id, &t.name));
        plan.all_kpis()
            .into_iter()
            .filter_map(|k| k.id.as_ref().map(|id| (id, k)))
            .for_each(|(id, k)| add(id, &k.metric));
        Builder {
            plan,
            l,
            n: Numbers {
                unit: plan.money_unit(),
                lang: l.lang,
                doc: Some(num::Money::of_plan(plan, l.lang, money_unit)),
            },
            names,
            charts: 0,
        }
    }

    // ----- words ---------------------------------------------------------------

    fn t(&self, key: &str) -> String {
        self.l.get(key)
    }

    fn title(&self, key: &str) -> String {
        let kind = self.plan.kind.value.as_str();
        self.l
            .first(&[&format!("{kind}.{key}"), &format!("section.{key}")])
    }

    fn part_title(&self, part: &str) -> String {
        let kind = self.plan.kind.value.as_str();
        self.l
            .first(&[&format!("{kind}.part_{part}"), &format!("part.{part}")])
    }

    fn sep(&self) -> &'static str {
        match self.l.lang {
            Lang::Zh => "、",
            Lang::En => ", ",
        }
    }

    fn name(&self, id: &str) -> String {
        self.names.get(id).copied().unwrap_or(id).to_owned()
    }

    fn names(&self, ids: &[Sp<String>]) -> String {
        ids.iter()
            .map(|i| self.name(i))
            .collect::<Vec<_>>()
            .join(self.sep())
    }

    /// The display name of a breakdown item: its own name, a catalogue name, or a
    /// period (`Q1` → `第一季度`).
    fn item_name(&self, item: &BreakdownItem) -> String {
        if let Some(n) = &item.name {
            return n.clone();
        }
        let key = item.key.as_str();
        if let Some(n) = self.names.get(key) {
            return (*n).to_owned();
        }
        if let Some(q) = self.l.opt(&format!("quarter.{key}")) {
            return q.to_owned();
        }
        if let Some(m) = key
            .strip_prefix('M')
            .and_then(|m| m.parse::<u32>().ok())
            .filter(|m| (1..=12).contains(m))
        {
            return self.l.fmt("doc.month", &[("n", &m.to_string())]);
        }
        key.to_owned()
    }

    fn dimension(&self, dim: &str) -> String {
        self.l
            .opt(&format!("dim.{dim}"))
            .map(str::to_owned)
            .unwrap_or_else(|| dim.replace('_', " "))
    }

    /// The header of a breakdown's item column: the dimension's label, or for a
    /// dimension of the plan's own the word its title uses (`按入职月份分解` → `入职月份`).
    fn dimension_header(&self, dim: &str, title: &str) -> String {
        if let Some(l) = self.l.opt(&format!("dim.{dim}")) {
            return capitalised(l);
        }
        title
            .trim()
            .strip_prefix('按')
            .and_then(|t| t.strip_suffix("分解"))
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| capitalised(&dim.replace('_', " ")))
    }

    fn frequency(&self, f: Frequency) -> String {
        let key = match f {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Biweekly => "biweekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::HalfYearly => "half_yearly",
            Frequency::Yearly => "yearly",
            Frequency::Once => "once",
            Frequency::AdHoc => "ad_hoc",
        };
        self.t(&format!("freq.{key}"))
    }

    fn level(&self, l: Level) -> String {
        let key = match l {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        };
        self.t(&format!("level.{key}"))
    }

    fn col(&self, key: &str) -> String {
        self.t(&format!("col.{key}"))
    }

    /// A column label with a unit: `目标（亿元）`.
    fn col_unit(&self, key: &str, style: &ValueStyle) -> String {
        match style {
            ValueStyle::Money(s) => self.l.fmt(
                "doc.with_unit",
                &[("label", &self.col(key)), ("unit", s.label())],
            ),
            ValueStyle::Plain => self.col(key),
        }
    }

    fn pair(&self, key: &str, value: impl Into<String>) -> Pair {
        Pair {
            label: self.t(key),
            value: value.into(),
        }
    }

    fn date_range(
        &self,
        start: Option<&Sp<model::DateValue>>,
        end: Option<&Sp<model::DateValue>>,
    ) -> Option<String> {
        match (start, end) {
            (Some(s), Some(e)) => Some(format!("{} – {}", s.raw.trim(), e.raw.trim())),
            (Some(s), None) => Some(self.l.fmt("doc.from", &[("date", s.raw.trim())])),
            (None, Some(e)) => Some(self.l.fmt("doc.until", &[("date", e.raw.trim())])),
            (None, None) => None,
        }
    }

    // ----- front matter --------------------------------------------------------

    fn dates(&self) -> String {
        let p = &self.plan.period;
        format!("{} – {}", p.start.raw.trim(), p.end.raw.trim())
    }

    /// The period as the plan names it (`2026年度`), else its dates.
    fn period(&self) -> String {
        match &self.plan.period.label {
            Some(l) if !l.trim().is_empty() => l.trim().to_owned(),
            _ => self.dates(),
        }
    }

    fn meta(&self) -> Meta {
        let p = self.plan;
        let status = match p.status.value {
            Status::Draft => "draft",
            Status::Final => "final",
        };
        Meta {
            title: p.title.value.clone(),
            id: p.id.value.clone(),
            kind_label: self.t(&format!("kind.{}", p.kind.value.as_str())),
            status,
            status_label: self.t(&format!("status.{status}")),
            owner: p.owner.as_ref().map(|o| self.name(o)),
            org_unit: p.org_unit.clone(),
            company: p.company.clone().filter(|c| !c.trim().is_empty()),
            classification: p.classification.clone().filter(|c| !c.trim().is_empty()),
            issue_date: p.issue_date.as_ref().map(|d| d.raw.trim().to_owned()),
            approvals: self.approvals(),
            money_unit: self.money_label(),
            money_note: self.money_note(),
            period: self.period(),
            generator: format!("planc {}", env!("CARGO_PKG_VERSION")),
            sha256: String::new(),
            source: String::new(),
            // The issue date when it is a day, else the period's first day: never the clock.
            date: p
                .issue_date
                .as_ref()
                .and_then(|d| d.range)
                .or(p.period.start.range)
                .map(|(d, _)| d.to_string()),
        }
    }

    /// 编制 / 审核 / 批准, as far as the plan names them (a person id shows its name).
    fn approvals(&self) -> Vec<Pair> {
        let p = self.plan;
        [
            ("cover.prepared_by", &p.prepared_by),
            ("cover.reviewed_by", &p.reviewed_by),
            ("cover.approved_by", &p.approved_by),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| self.pair(k, self.name(v))))
        .collect()
    }

    /// The document's money unit as a header shows it.
    fn money_label(&self) -> String {
        match self.n.doc {
            Some(m) => m.scale.label().to_owned(),
            None => num::Scale::of(self.plan.money_unit(), self.l.lang)
                .label()
                .to_owned(),
        }
    }

    /// The note a document with rounded amounts carries.
    fn money_note(&self) -> Option<String> {
        let m = self.n.doc.filter(|m| m.rounded)?;
        Some(self.l.fmt(
            "doc.money_rounded",
            &[("unit", m.scale.label()), ("dp", &m.dp.to_string())],
        ))
    }

    fn cover(&self) -> Vec<Pair> {
        let p = self.plan;
        let mut out = vec![self.pair(
            "cover.kind",
            self.t(&format!("kind.{}", p.kind.value.as_str())),
        )];
        if let Some(o) = &p.owner {
            out.push(self.pair("cover.owner", self.name(o)));
        }
        if let Some(u) = &p.org_unit {
            out.push(self.pair("cover.org_unit", u.clone()));
        }
        out.push(self.pair("cover.period", self.period()));
        if self.period() != self.dates() {
            out.push(self.pair("cover.dates", self.dates()));
        }
        let status = match p.status.value {
            Status::Draft => "draft",
            Status::Final => "final",
        };
        out.push(self.pair("cover.status", self.t(&format!("status.{status}"))));
        if let Some(d) = &p.issue_date {
            out.push(self.pair("cover.issue_date", d.raw.trim().to_owned()));
        }
        // A plan that states no amount of money has no money unit to declare.
        if num::states_money(p) {
            let currency = p.currency.as_deref().unwrap_or("CNY");
            out.push(self.pair("cover.unit", cover_unit(currency, &self.money_label())));
        }
        if let Some(note) = self.money_note() {
            out.push(self.pair("cover.rounding", note));
        }
        out
    }

    fn memo(&self) -> Vec<Pair> {
        let Some(m) = &self.plan.memo else {
            return Vec::new();
        };
        [
            ("memo.to", &m.to),
            ("memo.from", &m.from),
            ("memo.subject", &m.subject),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| self.pair(k, v.clone())))
        .collect()
    }

    // ----- sections ------------------------------------------------------------

    /// The sections a key of the outline expands to (none when the plan leaves it out).
    fn nodes(&mut self, key: &str) -> Vec<Node> {
        let p = self.plan;
        let one = |n: Option<Node>| n.into_iter().collect::<Vec<_>>();
        match key {
            "preface" => one(text_node(self.title("preface"), p.preface.as_ref())),
            "swot" => one(self.swot()),
            "overview" => one(self.overview()),
            "last_year" => one(self.last_year()),
            "launch" => one(self.launch()),
            "targets" => one(self.targets()),
            "smart" => one(self.smart()),
            "kpis" => one(self.kpis_section()),
            "strategies" => one(self.strategies("strategies", &p.strategies)),
            "campaigns" => one(self.strategies("campaigns", &p.campaigns)),
            "pillars" => one(self.strategies("pillars", &p.pillars)),
            "tiers" => one(self.tiers()),
            "accounts" => one(self.accounts()),
            "timeline" => one(self.timeline()),
            "role" => one(self.topics("role", &p.role)),
            "market" => one(self.topics("market", &p.market)),
            "approach" => one(self.topics("approach", &p.approach)),
            "teamwork" => one(self.topics("teamwork", &p.teamwork)),
            "development" => one(self.topics("development", &p.development)),
            "organisation" => one(self.topics("organisation", &p.organisation)),
            "duties" => one(self.duties()),
            "cases" => one(self.cases()),
            "resources" => one(self.resources()),
            "budget" => one(self.budget()),
            "requests" => one(self.requests()),
            "risks" => one(self.risks()),
            "cadence" => one(self.cadence()),
            "glossary" => one(self.glossary()),
            "sections" => self.free_sections(),
            _ => Vec::new(),
        }
    }
}

/// The cover's currency and money unit: `CNY · 万元`, `CNY m`.
pub fn cover_unit(currency: &str, unit: &str) -> String {
    if unit.starts_with(currency) {
        unit.to_owned()
    } else {
        format!("{currency} · {unit}")
    }
}

/// `province` → `Province` (a dimension name as a column header).
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn text_node(title: String, text: Option<&String>) -> Option<Node> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| Node::new(title, Body::Text { text: t.clone() }))
}

fn text(s: &str) -> Cell {
    Cell {
        text: s.trim().to_owned(),
        md: false,
    }
}

fn md(s: &str) -> Cell {
    Cell {
        text: s.trim().to_owned(),
        md: true,
    }
}

fn row(cells: Vec<Cell>, kind: &'static str, depth: u8) -> Row {
    Row { cells, kind, depth }
}

/// Drops columns (from index `keep` on) whose body rows are all empty.
pub fn drop_empty_columns(t: &mut Table, keep: usize) {
    let n = t.columns.len();
    let mut remove = Vec::new();
    for c in keep..n {
        let empty = t
            .rows
            .iter()
            .filter(|r| r.kind != "total")
            .all(|r| r.cells.get(c).is_none_or(|x| x.text.is_empty()));
        if empty {
            remove.push(c);
        }
    }
    for c in remove.into_iter().rev() {
        t.columns.remove(c);
        for r in &mut t.rows {
            if c < r.cells.len() {
                r.cells.remove(c);
            }
        }
    }
}
