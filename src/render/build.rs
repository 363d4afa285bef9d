//! Plan → report view-model. All arithmetic of the reports happens here, in `Decimal`.
//!
//! The outline (which sections a kind shows, in which order, under which parts) is
//! in [`outline`]; every section the plan fills in appears in the report even when
//! the kind's outline does not name it, so nothing a user wrote goes missing.

use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::chart::{Chart, ChartKind, Datum};
use super::labels::{Labels, Lang};
use super::num::{self, Numbers, ValueStyle};
use super::view::*;
use crate::model::{
    self, Action, Breakdown, BreakdownItem, Comparator, Frequency, Kind, Kpi, Level, Phase, Plan,
    Quantity, RequestKind, Sp, Status, Strategy, Tier, Topic,
};

/// Builds the report for `plan`; `checks` is the validation-record body (see `checks`).
pub fn build(plan: &Plan, labels: &Labels, checks: Body, banner: Option<String>) -> Report {
    let mut b = Builder::new(plan, labels);
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
    fn new(plan: &'a Plan, l: &'a Labels) -> Builder<'a> {
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
            period: self.period(),
            generator: format!("planc {}", env!("CARGO_PKG_VERSION")),
            sha256: String::new(),
            source: String::new(),
        }
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
        out.push(self.pair("cover.id", p.id.value.clone()));
        if let Some(parent) = &p.parent {
            out.push(self.pair("cover.parent", parent.value.clone()));
        }
        let currency = p.currency.clone().unwrap_or_else(|| "CNY".into());
        let unit = num::Scale::of(p.money_unit(), self.l.lang).label();
        let unit = if unit.starts_with(&currency) {
            unit.to_owned()
        } else {
            format!("{currency} · {unit}")
        };
        out.push(self.pair("cover.unit", unit));
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

    fn swot(&self) -> Option<Node> {
        let s = self.plan.swot.as_ref()?;
        let quadrants: Vec<Quadrant> = [
            ("strengths", &s.strengths),
            ("weaknesses", &s.weaknesses),
            ("opportunities", &s.opportunities),
            ("threats", &s.threats),
        ]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(key, items)| Quadrant {
            key,
            title: self.t(&format!("swot.{key}")),
            items: items
                .iter()
                .map(|i| Titled {
                    title: i.title.clone(),
                    text: i.text.clone(),
                })
                .collect(),
        })
        .collect();
        (!quadrants.is_empty()).then(|| Node::new(self.title("swot"), Body::Swot { quadrants }))
    }

    fn overview(&self) -> Option<Node> {
        let o = self.plan.overview.as_ref()?;
        let facts: Vec<Figure> = o
            .facts
            .iter()
            .map(|f| Figure {
                label: f.label.clone(),
                value: self.n.qty(&f.value, None),
                note: f.note.clone(),
            })
            .collect();
        let regions: Vec<String> = o.regions.iter().map(|r| self.name(r)).collect();
        let products: Vec<String> = o.products.iter().map(|p| self.name(p)).collect();
        if o.text.is_none() && facts.is_empty() && regions.is_empty() && products.is_empty() {
            return None;
        }
        Some(Node::new(
            self.title("overview"),
            Body::Overview {
                text: o.text.clone(),
                facts,
                regions,
                products,
            },
        ))
    }

    fn last_year(&self) -> Option<Node> {
        let ly = self.plan.last_year.as_ref()?;
        let mut figures = Vec::new();
        let money = |key: &str, q: &Option<Sp<Quantity>>| {
            q.as_ref().map(|q| Figure {
                label: self.t(key),
                value: self.n.money_or_qty(q),
                note: None,
            })
        };
        figures.extend(money("last_year.sales", &ly.sales));
        figures.extend(money("last_year.target", &ly.target));
        let computed_att = match (&ly.sales, &ly.target) {
            (Some(s), Some(t)) => self
                .n
                .base(s)
                .zip(self.n.base(t))
                .and_then(|(s, t)| num::percent_of(s, t)),
            _ => None,
        };
        match (&ly.attainment, computed_att) {
            (Some(a), _) => figures.push(Figure {
                label: self.t("last_year.attainment"),
                value: self.n.qty(a, None),
                note: None,
            }),
            (None, Some(c)) => figures.push(Figure {
                label: self.t("last_year.attainment"),
                value: format!("{}%", num::dec(c, 1)),
                note: None,
            }),
            _ => {}
        }
        figures.extend(money("last_year.previous_sales", &ly.previous_sales));
        let computed_growth = match (&ly.sales, &ly.previous_sales) {
            (Some(s), Some(p)) => self
                .n
                .base(s)
                .zip(self.n.base(p))
                .and_then(|(s, p)| num::growth(s, p)),
            _ => None,
        };
        if ly.growth.is_some() || computed_growth.is_some() {
            figures.push(Figure {
                label: self.t("last_year.growth"),
                value: self
                    .n
                    .growth_of(ly.growth.as_ref().map(|g| &g.value), computed_growth),
                note: None,
            });
        }
        Some(Node::new(
            self.title("last_year"),
            Body::LastYear {
                figures,
                text: ly.text.clone(),
                highlights: ly.highlights.clone(),
                challenges: ly.challenges.clone(),
                notes: ly
                    .notes
                    .iter()
                    .map(|n| Titled {
                        title: self.name(&n.subject),
                        text: n.text.clone(),
                    })
                    .collect(),
                accounts: ly.accounts.iter().map(|a| self.name(a)).collect(),
            },
        ))
    }

    fn launch(&self) -> Option<Node> {
        let la = self.plan.launch.as_ref()?;
        let mut figures = vec![Figure {
            label: self.t("product_card.product"),
            value: self.name(&la.product),
            note: None,
        }];
        for (key, v) in [
            ("product_card.description", &la.description),
            ("product_card.area", &la.area),
            ("product_card.indication", &la.indication),
        ] {
            if let Some(v) = v {
                figures.push(Figure {
                    label: self.t(key),
                    value: v.clone(),
                    note: None,
                });
            }
        }
        figures.push(Figure {
            label: self.t("product_card.date"),
            value: la.date.raw.trim().to_owned(),
            note: None,
        });
        Some(Node::new(
            self.title("launch"),
            Body::Launch {
                figures,
                objective: la.objective.clone(),
            },
        ))
    }

    // ----- targets and breakdowns ---------------------------------------------

    fn targets(&mut self) -> Option<Node> {
        let plan = self.plan;
        if plan.targets.is_empty() {
            return None;
        }
        let mut summary = Table {
            columns: vec![
                self.column("metric", "left", 3),
                self.column("target", "right", 2),
                self.column("last_year", "right", 2),
                self.column("growth", "right", 1),
                self.column("product", "left", 2),
                self.column("note", "left", 4),
            ],
            ..Table::default()
        };
        let mut targets = Vec::new();
        for t in &plan.targets {
            let now = self.n.base(&t.value);
            let before = t.last_year.as_ref().and_then(|q| self.n.base(q));
            let computed = now.zip(before).and_then(|(a, b)| num::growth(a, b));
            let growth = if t.growth.is_some() || computed.is_some() {
                self.n
                    .growth_of(t.growth.as_ref().map(|g| &g.value), computed)
            } else {
                String::new()
            };
            let note = [t.focus.as_deref(), t.note.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n\n");
            summary.rows.push(row(
                vec![
                    text(&t.name),
                    text(&self.n.money_or_qty(&t.value)),
                    text(
                        &t.last_year
                            .as_ref()
                            .map(|q| self.n.money_or_qty(q))
                            .unwrap_or_default(),
                    ),
                    text(&growth),
                    text(&t.product.as_ref().map(|p| self.name(p)).unwrap_or_default()),
                    md(&note),
                ],
                "body",
                0,
            ));
            if t.breakdowns.is_empty() {
                continue;
            }
            let mut breakdowns = Vec::new();
            self.breakdowns(&t.name, &t.value, &t.breakdowns, &mut breakdowns);
            targets.push(TargetV {
                name: t.name.clone(),
                value: self.n.money_or_qty(&t.value),
                facts: Vec::new(),
                focus: t.focus.clone(),
                note: t.note.clone(),
                breakdowns,
            });
        }
        drop_empty_columns(&mut summary, 2);
        Some(Node::new(
            self.title("targets"),
            Body::Targets {
                summary: Some(summary),
                targets,
            },
        ))
    }

    fn column(&self, key: &str, align: &'static str, weight: u8) -> Column {
        Column {
            label: self.col(key),
            align,
            weight,
        }
    }

    /// Tables (and charts) for the breakdowns of `value`, nested ones inline when an
    /// item has exactly one, as separate tables otherwise.
    fn breakdowns(
        &mut self,
        owner: &str,
        value: &Quantity,
        list: &[Breakdown],
        out: &mut Vec<BreakdownV>,
    ) {
        for b in list {
            let style = self.n.style_for(value);
            let dim = self.dimension(&b.dimension);
            let title = b
                .title
                .clone()
                .unwrap_or_else(|| self.l.fmt("dim.by", &[("dim", &dim)]));
            let mut table = Table {
                columns: vec![
                    Column {
                        label: self.dimension_header(&b.dimension, &title),
                        align: "left",
                        weight: 3,
                    },
                    Column {
                        label: self.col_unit("target", &style),
                        align: "right",
                        weight: 2,
                    },
                    self.column("share", "right", 1),
                    Column {
                        label: self.col_unit("last_year", &style),
                        align: "right",
                        weight: 2,
                    },
                    self.column("growth", "right", 1),
                    self.column("focus", "left", 4),
                ],
                ..Table::default()
            };
            let mut later = Vec::new();
            self.breakdown_rows(value, b, &style, 0, &mut table, &mut later);
            self.total_row(value, b, &style, &mut table);
            drop_empty_columns(&mut table, 2);
            let charts = self.breakdown_charts(owner, &title, value, b, &style);
            out.push(BreakdownV {
                title: format!("{owner}：{title}"),
                note: b.note.clone(),
                table,
                charts,
            });
            for (name, item_value, nested) in later {
                self.breakdowns(&name, item_value, nested, out);
            }
        }
    }

    fn breakdown_rows<'p>(
        &self,
        parent: &Quantity,
        b: &'p Breakdown,
        style: &ValueStyle,
        depth: u8,
        table: &mut Table,
        later: &mut Vec<(String, &'p Quantity, &'p [Breakdown])>,
    ) {
        let parent_base = self.n.base(parent);
        for item in &b.items {
            let name = self.item_name(item);
            let base = self.n.base(&item.value);
            let share = match (base, parent_base) {
                (Some(v), Some(p)) => num::percent_of(v, p).map(num::pct),
                _ => None,
            }
            .or_else(|| item.share.as_ref().map(|s| s.raw.trim().to_owned()))
            .unwrap_or_default();
            let before = item.last_year.as_ref().and_then(|q| self.n.base(q));
            let computed = base.zip(before).and_then(|(a, b)| num::growth(a, b));
            let growth = if item.growth.is_some() || computed.is_some() {
                self.n
                    .growth_of(item.growth.as_ref().map(|g| &g.value), computed)
            } else {
                String::new()
            };
            let focus = [item.focus.as_deref(), item.note.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n\n");
            table.rows.push(row(
                vec![
                    text(&name),
                    text(&self.n.cell(&item.value, style)),
                    text(&share),
                    text(
                        &item
                            .last_year
                            .as_ref()
                            .map(|q| self.n.cell(q, style))
                            .unwrap_or_default(),
                    ),
                    text(&growth),
                    md(&focus),
                ],
                if depth == 0 { "body" } else { "sub" },
                depth,
            ));
            match item.breakdowns.as_slice() {
                [] => {}
                [one] if depth < 3 => {
                    self.breakdown_rows(&item.value, one, style, depth + 1, table, later)
                }
                many => later.push((name, &item.value, many)),
            }
        }
    }

    fn total_row(&self, parent: &Quantity, b: &Breakdown, style: &ValueStyle, table: &mut Table) {
        // An empty breakdown (`items: []`, allowed with `--allow-errors`) has no total.
        let Some(first) = b.items.first() else {
            return;
        };
        let bases: Option<Vec<Decimal>> = b.items.iter().map(|i| self.n.base(&i.value)).collect();
        let Some(bases) = bases else {
            return;
        };
        let sum: Decimal = bases.iter().sum();
        let share = self
            .n
            .base(parent)
            .and_then(|p| num::percent_of(sum, p))
            .map(num::pct)
            .unwrap_or_default();
        let before: Option<Vec<Decimal>> = b
            .items
            .iter()
            .map(|i| i.last_year.as_ref().and_then(|q| self.n.base(q)))
            .collect();
        let before_sum: Option<Decimal> = before.map(|v| v.iter().sum());
        let growth = before_sum
            .and_then(|bs| num::growth(sum, bs))
            .map(|g| num::signed_pct(g, 1))
            .unwrap_or_default();
        let like = &first.value;
        let label = if b.partial {
            self.t("col.total_partial")
        } else {
            self.t("col.total")
        };
        table.rows.push(row(
            vec![
                text(&label),
                text(&self.n.base_cell(sum, like, style)),
                text(&share),
                text(
                    &before_sum
                        .map(|s| self.n.base_cell(s, like, style))
                        .unwrap_or_default(),
                ),
                text(&growth),
                Cell::default(),
            ],
            "total",
            0,
        ));
        if let Some(p) = self.n.base(parent) {
            if b.partial {
                table.note = Some(self.l.fmt(
                    "doc.partial",
                    &[("share", &share), ("value", &self.n.money_or_qty(parent))],
                ));
            } else if sum != p {
                table.note = Some(self.l.fmt(
                    "doc.mismatch",
                    &[
                        ("sum", &self.n.base_cell(sum, like, style)),
                        ("value", &self.n.money_or_qty(parent)),
                    ],
                ));
            }
        }
    }

    fn next_chart_id(&mut self) -> String {
        self.charts += 1;
        format!("chart-{}", self.charts)
    }

    /// `图3　华东大区年度销售指标：按省市分解（亿元）`.
    fn captioned(&self, c: Chart) -> Chart {
        let title = if c.unit.is_empty() {
            c.title.clone()
        } else {
            self.l
                .fmt("doc.with_unit", &[("label", &c.title), ("unit", &c.unit)])
        };
        let caption = self.l.fmt(
            "doc.caption",
            &[("n", &c.number.to_string()), ("title", &title)],
        );
        c.with_caption(caption)
    }

    fn breakdown_charts(
        &mut self,
        owner: &str,
        title: &str,
        parent: &Quantity,
        b: &Breakdown,
        style: &ValueStyle,
    ) -> Vec<Chart> {
        let mut charts = Vec::new();
        let kind = match b.dimension.as_str() {
            "quarter" | "month" | "phase" | "week" | "half" => ChartKind::Column,
            _ => ChartKind::Bar,
        };
        let unit = match style {
            ValueStyle::Money(s) => s.label().to_owned(),
            ValueStyle::Plain => String::new(),
        };
        let items: Vec<&BreakdownItem> = b.items.iter().collect();
        if let Some(data) = self.chart_data(parent, &items, style) {
            let id = self.next_chart_id();
            let c = Chart::new(id, format!("{owner}：{title}"), kind, unit.clone(), data);
            charts.push(self.captioned(c));
        }
        // A nested split along the same dimension under every item (region groups →
        // regions): chart the leaves, too.
        let nested: Option<Vec<&Breakdown>> = b
            .items
            .iter()
            .map(|i| match i.breakdowns.as_slice() {
                [one] => Some(one),
                _ => None,
            })
            .collect();
        if let Some(nested) = nested.filter(|n| !n.is_empty()) {
            let dim = &nested[0].dimension;
            if nested.iter().all(|n| &n.dimension == dim) && nested.iter().all(|n| !n.partial) {
                let leaves: Vec<&BreakdownItem> = nested.iter().flat_map(|n| &n.items).collect();
                if let Some(data) = self.chart_data(parent, &leaves, style) {
                    let by = self.l.fmt("dim.by", &[("dim", &self.dimension(dim))]);
                    let id = self.next_chart_id();
                    let c = Chart::new(id, format!("{owner}：{by}"), ChartKind::Bar, unit, data);
                    charts.push(self.captioned(c));
                }
            }
        }
        charts
    }

    fn chart_data(
        &self,
        parent: &Quantity,
        items: &[&BreakdownItem],
        style: &ValueStyle,
    ) -> Option<Vec<Datum>> {
        if items.len() < 2 {
            return None;
        }
        let parent_base = self.n.base(parent);
        items
            .iter()
            .map(|i| {
                let base = self.n.base(&i.value)?;
                if base < Decimal::ZERO {
                    return None;
                }
                Some(Datum {
                    key: i.key.value.clone(),
                    label: self.item_name(i),
                    value: self.n.cell(&i.value, style),
                    share: parent_base
                        .and_then(|p| num::percent_of(base, p))
                        .map(num::pct),
                    magnitude: base.to_f64().unwrap_or(0.0),
                    span: None,
                })
            })
            .collect()
    }

    fn smart(&self) -> Option<Node> {
        let s = self.plan.smart.as_ref()?;
        let rows: Vec<Titled> = [
            ("specific", &s.specific),
            ("measurable", &s.measurable),
            ("achievable", &s.achievable),
            ("relevant", &s.relevant),
            ("time_bound", &s.time_bound),
        ]
        .into_iter()
        .filter_map(|(k, v)| {
            v.as_ref().map(|v| Titled {
                title: self.t(&format!("smart.{k}")),
                text: v.clone(),
            })
        })
        .collect();
        (!rows.is_empty()).then(|| Node::new(self.title("smart"), Body::Smart { rows }))
    }

    // ----- KPIs -----------------------------------------------------------------

    fn kpi_target(&self, k: &Kpi) -> String {
        let unit = k.unit.as_ref().map(|u| u.value.as_str());
        let Some(target) = &k.target else {
            return String::new();
        };
        let t = self.n.qty(target, unit);
        let t = match k.comparator.as_ref().map(|c| c.value) {
            Some(Comparator::Range) => match &k.max {
                Some(m) => format!("{t} – {}", self.n.qty(m, unit)),
                None => t,
            },
            Some(Comparator::Equal) | None => t,
            Some(c) => format!("{} {t}", c.symbol()),
        };
        if k.growth {
            format!("{t}{}", self.t("doc.growth_mark"))
        } else {
            t
        }
    }

    /// A KPI table (metric, target, baseline, frequency, due, owner, note), empty
    /// columns dropped; `None` when there are no KPIs.
    fn kpi_table(&self, kpis: &[&Kpi]) -> Option<Table> {
        if kpis.is_empty() {
            return None;
        }
        let mut t = Table {
            columns: vec![
                self.column("metric", "left", 5),
                self.column("target", "right", 2),
                self.column("baseline", "right", 2),
                self.column("frequency", "left", 1),
                self.column("due", "left", 2),
                self.column("owner", "left", 2),
                self.column("note", "left", 3),
            ],
            ..Table::default()
        };
        for k in kpis {
            let unit = k.unit.as_ref().map(|u| u.value.as_str());
            t.rows.push(row(
                vec![
                    text(&k.metric),
                    text(&self.kpi_target(k)),
                    text(
                        &k.baseline
                            .as_ref()
                            .map(|b| self.n.qty(b, unit))
                            .unwrap_or_default(),
                    ),
                    text(
                        &k.frequency
                            .as_ref()
                            .map(|f| self.frequency(f.value))
                            .unwrap_or_default(),
                    ),
                    text(
                        &k.due
                            .as_ref()
                            .map(|d| d.raw.trim().to_owned())
                            .unwrap_or_default(),
                    ),
                    text(&k.owner.as_ref().map(|o| self.name(o)).unwrap_or_default()),
                    md(k.note.as_deref().unwrap_or_default()),
                ],
                "body",
                0,
            ));
        }
        drop_empty_columns(&mut t, 2);
        Some(t)
    }

    fn kpis_of(&self, kpis: &[Kpi]) -> Option<Table> {
        self.kpi_table(&kpis.iter().collect::<Vec<_>>())
    }

    fn kpis_section(&self) -> Option<Node> {
        let kpis = &self.plan.kpis;
        if kpis.is_empty() {
            return None;
        }
        let mut order: Vec<Option<&str>> = Vec::new();
        for k in kpis {
            let g = k.group.as_deref();
            if !order.contains(&g) {
                order.push(g);
            }
        }
        let groups = order
            .into_iter()
            .filter_map(|g| {
                let members: Vec<&Kpi> = kpis.iter().filter(|k| k.group.as_deref() == g).collect();
                self.kpi_table(&members).map(|table| KpiGroup {
                    title: g.map(str::to_owned),
                    table,
                })
            })
            .collect();
        Some(Node::new(self.title("kpis"), Body::Kpis { groups }))
    }

    // ----- strategies, campaigns, pillars ---------------------------------------

    fn strategies(&self, key: &str, list: &[Strategy]) -> Option<Node> {
        if list.is_empty() {
            return None;
        }
        let mut summary = Table {
            columns: vec![
                self.column("name", "left", 3),
                self.column("theme", "left", 3),
                self.column("product", "left", 2),
                self.column("regions", "left", 3),
                self.column("budget", "right", 2),
                self.column("kpi_count", "right", 1),
            ],
            ..Table::default()
        };
        for s in list {
            let kpi_count = s.kpis.len()
                + s.tactics.iter().map(|t| t.kpis.len()).sum::<usize>()
                + s.actions.iter().map(|a| a.kpis.len()).sum::<usize>()
                + s.parts.iter().map(|p| p.kpis.len()).sum::<usize>();
            summary.rows.push(row(
                vec![
                    text(&s.name),
                    text(s.theme.as_deref().unwrap_or_default()),
                    text(&s.product.as_ref().map(|p| self.name(p)).unwrap_or_default()),
                    text(&self.names(&s.regions)),
                    text(
                        &s.budget
                            .as_ref()
                            .map(|b| self.n.money_or_qty(b))
                            .unwrap_or_default(),
                    ),
                    text(&kpi_count.to_string()),
                ],
                "body",
                0,
            ));
        }
        drop_empty_columns(&mut summary, 1);
        let children = list.iter().map(|s| self.strategy(s, 0)).collect();
        Some(Node::new(self.title(key), Body::Strategies { summary }).with(children))
    }

    fn strategy(&self, s: &Strategy, depth: usize) -> Node {
        let mut facts = Vec::new();
        if let Some(p) = &s.product {
            facts.push(self.pair("sub.product", self.name(p)));
        }
        if !s.regions.is_empty() {
            facts.push(self.pair("sub.regions", self.names(&s.regions)));
        }
        if let Some(o) = &s.owner {
            facts.push(self.pair("sub.owner", self.name(o)));
        }
        if let Some(b) = &s.budget {
            facts.push(self.pair("sub.budget", self.n.money_or_qty(b)));
        }
        if let (Some(theme), true) = (&s.theme, depth > 0) {
            facts.insert(0, self.pair("sub.theme", theme.clone()));
        }
        let tactics = s
            .tactics
            .iter()
            .enumerate()
            .map(|(i, t)| TacticV {
                number: (i + 1).to_string(),
                name: t.name.clone(),
                text: t.text.clone(),
                tiers: t.tiers.iter().map(|tier| self.tier(tier)).collect(),
                items: t.items.clone(),
                kpis: self.kpis_of(&t.kpis),
            })
            .collect();
        let title = match &s.theme {
            Some(theme) if depth == 0 => self
                .l
                .fmt("doc.themed", &[("name", &s.name), ("theme", theme)]),
            _ => s.name.clone(),
        };
        Node::new(
            title,
            Body::Strategy {
                facts,
                pain_point: s.pain_point.clone(),
                objective: s.objective.clone(),
                tactics,
                actions: self.actions(&s.actions, None),
                resources: s.resources.clone(),
                kpis: self.kpis_of(&s.kpis),
            },
        )
        .with(
            s.parts
                .iter()
                .map(|p| self.strategy(p, depth + 1))
                .collect(),
        )
    }

    fn actions(&self, list: &[Action], prefix: Option<&str>) -> Vec<ActionV> {
        list.iter()
            .enumerate()
            .map(|(i, a)| {
                let number = match (&a.id, prefix) {
                    (Some(id), _) => id.value.clone(),
                    (None, Some(p)) => format!("{p}.{}", i + 1),
                    (None, None) => (i + 1).to_string(),
                };
                let mut facts = Vec::new();
                if let Some(o) = &a.owner {
                    facts.push(self.pair("sub.owner", self.name(o)));
                }
                if let Some(w) = self.date_range(a.start.as_ref(), a.end.as_ref()) {
                    facts.push(self.pair("sub.when", w));
                }
                if !a.accounts.is_empty() {
                    facts.push(self.pair("sub.accounts", self.names(&a.accounts)));
                }
                if !a.products.is_empty() {
                    facts.push(self.pair("sub.action_products", self.names(&a.products)));
                }
                ActionV {
                    number,
                    title: a.title.value.clone(),
                    text: a.text.clone(),
                    facts,
                    kpis: self.kpis_of(&a.kpis),
                }
            })
            .collect()
    }

    // ----- customers --------------------------------------------------------------

    fn tier(&self, t: &Tier) -> TierV {
        let mut facts = Vec::new();
        if let Some(w) = &t.who {
            facts.push(self.pair("sub.who", w.clone()));
        }
        if let Some(c) = &t.count {
            facts.push(self.pair("sub.count", c.clone()));
        }
        if let Some(o) = &t.owner {
            facts.push(self.pair("sub.owner", self.name(o)));
        }
        if let Some(v) = &t.visits {
            facts.push(self.pair("sub.visits", v.clone()));
        }
        if !t.accounts.is_empty() {
            facts.push(self.pair("sub.accounts", self.names(&t.accounts)));
        }
        TierV {
            name: t.name.clone(),
            facts,
            objective: t.objective.clone(),
            actions: self.actions(&t.actions, None),
        }
    }

    fn tiers(&self) -> Option<Node> {
        let tiers = &self.plan.tiers;
        if tiers.is_empty() {
            return None;
        }
        let mut summary = Table {
            columns: vec![
                self.column("tier", "left", 2),
                self.column("who", "left", 5),
                self.column("count", "right", 1),
                self.column("owner", "left", 2),
                self.column("visits", "left", 3),
            ],
            ..Table::default()
        };
        for t in tiers {
            summary.rows.push(row(
                vec![
                    text(&t.name),
                    md(t.who.as_deref().unwrap_or_default()),
                    text(t.count.as_deref().unwrap_or_default()),
                    text(&t.owner.as_ref().map(|o| self.name(o)).unwrap_or_default()),
                    text(t.visits.as_deref().unwrap_or_default()),
                ],
                "body",
                0,
            ));
        }
        drop_empty_columns(&mut summary, 1);
        Some(Node::new(
            self.title("tiers"),
            Body::Tiers {
                summary,
                tiers: tiers.iter().map(|t| self.tier(t)).collect(),
            },
        ))
    }

    fn accounts(&self) -> Option<Node> {
        let accounts = &self.plan.accounts;
        if accounts.is_empty() {
            return None;
        }
        let mut summary = Table {
            columns: vec![
                self.column("account", "left", 4),
                self.column("level", "left", 1),
                self.column("role", "left", 2),
                self.column("departments", "left", 3),
                self.column("listed", "left", 2),
            ],
            ..Table::default()
        };
        let mut children = Vec::new();
        for a in accounts {
            let depts = a
                .departments
                .iter()
                .map(|d| d.name.clone())
                .collect::<Vec<_>>()
                .join(self.sep());
            summary.rows.push(row(
                vec![
                    text(&a.name),
                    text(a.level.as_deref().unwrap_or_default()),
                    text(a.role.as_deref().unwrap_or_default()),
                    text(&depts),
                    text(&self.names(&a.listed)),
                ],
                "body",
                0,
            ));
            let mut facts = Vec::new();
            if let Some(l) = &a.level {
                facts.push(self.pair("sub.level", l.clone()));
            }
            if let Some(r) = &a.role {
                facts.push(self.pair("sub.role", r.clone()));
            }
            if !a.listed.is_empty() {
                facts.push(self.pair("sub.listed", self.names(&a.listed)));
            }
            let departments = (!a.departments.is_empty()).then(|| {
                let mut t = Table {
                    columns: vec![
                        self.column("department", "left", 2),
                        self.column("beds", "right", 1),
                        self.column("head", "left", 2),
                        self.column("deputies", "left", 2),
                        self.column("note", "left", 4),
                    ],
                    ..Table::default()
                };
                for d in &a.departments {
                    t.rows.push(row(
                        vec![
                            text(&d.name),
                            text(
                                &d.beds
                                    .as_ref()
                                    .map(|b| self.n.qty(b, None))
                                    .unwrap_or_default(),
                            ),
                            text(d.head.as_deref().unwrap_or_default()),
                            text(&d.deputies.join(self.sep())),
                            md(d.note.as_deref().unwrap_or_default()),
                        ],
                        "body",
                        0,
                    ));
                }
                drop_empty_columns(&mut t, 1);
                t
            });
            children.push(Node::new(
                a.name.clone(),
                Body::Account {
                    facts,
                    departments,
                    status: a.status.clone(),
                    opportunity: a.opportunity.clone(),
                    challenge: a.challenge.clone(),
                },
            ));
        }
        drop_empty_columns(&mut summary, 1);
        Some(Node::new(self.title("accounts"), Body::Accounts { summary }).with(children))
    }

    // ----- timeline ---------------------------------------------------------------

    fn phase_when(&self, p: &Phase) -> Option<String> {
        if let Some(w) = &p.when {
            return Some(w.clone());
        }
        if let Some(w) = &p.weeks {
            return Some(match w.range {
                Some((a, b)) if a == b => self.l.fmt("doc.week", &[("n", &a.to_string())]),
                Some((a, b)) => self.l.fmt(
                    "doc.weeks",
                    &[("from", &a.to_string()), ("to", &b.to_string())],
                ),
                None => w.raw.clone(),
            });
        }
        if let Some(m) = &p.months {
            if let [a, b] = m.value.as_slice() {
                return Some(self.l.fmt(
                    "doc.range",
                    &[
                        ("from", &self.launch_month(*a)),
                        ("to", &self.launch_month(*b)),
                    ],
                ));
            }
        }
        self.date_range(p.start.as_ref(), p.end.as_ref())
    }

    /// A month relative to the launch: `上市前3个月`, `上市时`, `上市后9个月`.
    fn launch_month(&self, n: i32) -> String {
        let abs = n.unsigned_abs().to_string();
        match n {
            n if n < 0 => self.l.fmt("doc.month_before", &[("n", &abs)]),
            0 => self.t("doc.month_at"),
            _ => self.l.fmt("doc.month_after", &[("n", &abs)]),
        }
    }

    fn timeline(&mut self) -> Option<Node> {
        let phases = &self.plan.timeline;
        if phases.is_empty() {
            return None;
        }
        let mut summary = Table {
            columns: vec![
                self.column("phase", "left", 3),
                self.column("when", "left", 3),
                self.column("dates", "left", 3),
                self.column("goal", "left", 4),
                self.column("action_count", "right", 1),
            ],
            ..Table::default()
        };
        let mut children = Vec::new();
        for p in phases {
            let when = self.phase_when(p);
            let dates = if p.when.is_some() || p.weeks.is_some() || p.months.is_some() {
                self.date_range(p.start.as_ref(), p.end.as_ref())
            } else {
                None
            };
            let count =
                p.actions.len() + p.workstreams.iter().map(|w| w.actions.len()).sum::<usize>();
            summary.rows.push(row(
                vec![
                    text(&p.name),
                    text(when.as_deref().unwrap_or_default()),
                    text(dates.as_deref().unwrap_or_default()),
                    md(p.goal.as_deref().unwrap_or_default()),
                    text(&count.to_string()),
                ],
                "body",
                0,
            ));
            let mut facts = Vec::new();
            if let Some(d) = &dates {
                facts.push(self.pair("sub.dates", d.clone()));
            }
            if p.when.is_some() {
                // `when` is the subtitle; the weeks or months it stands for go here.
                let spelled = Phase {
                    when: None,
                    start: None,
                    end: None,
                    ..p.clone()
                };
                if let Some(w) = self.phase_when(&spelled) {
                    facts.push(self.pair("sub.schedule", w));
                }
            }
            let workstreams = p
                .workstreams
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let number =
                        w.id.as_ref()
                            .map(|id| id.value.clone())
                            .unwrap_or_else(|| (i + 1).to_string());
                    WorkstreamV {
                        actions: self.actions(&w.actions, Some(&number)),
                        number,
                        name: w.name.clone(),
                        text: w.text.clone(),
                    }
                })
                .collect();
            children.push(
                Node::new(
                    p.name.clone(),
                    Body::Phase {
                        facts,
                        goal: p.goal.clone(),
                        workstreams,
                        actions: self.actions(&p.actions, None),
                        kpis: self.kpis_of(&p.kpis),
                    },
                )
                .sub(when),
            );
        }
        drop_empty_columns(&mut summary, 1);
        let chart = self.gantt();
        Some(Node::new(self.title("timeline"), Body::Timeline { summary, chart }).with(children))
    }

    /// Phases on one axis: dates when every phase has them, else weeks, else months.
    fn gantt(&mut self) -> Option<Chart> {
        let phases = &self.plan.timeline;
        if phases.len() < 2 {
            return None;
        }
        let dates: Option<Vec<(chrono::NaiveDate, chrono::NaiveDate)>> = phases
            .iter()
            .map(|p| Some((p.start.as_ref()?.first()?, p.end.as_ref()?.last()?)))
            .collect();
        let weeks: Option<Vec<(u32, u32)>> = phases
            .iter()
            .map(|p| p.weeks.as_ref().and_then(|w| w.range))
            .collect();
        let months: Option<Vec<(i32, i32)>> = phases
            .iter()
            .map(|p| match p.months.as_ref().map(|m| m.value.as_slice()) {
                Some([a, b]) => Some((*a, *b)),
                _ => None,
            })
            .collect();
        let (spans, axis): (Vec<(f64, f64)>, (String, String)) = if let Some(d) = dates {
            let lo = d.iter().map(|x| x.0).min()?;
            let hi = d.iter().map(|x| x.1).max()?;
            let spans = d
                .iter()
                .map(|(a, b)| {
                    (
                        (*a - lo).num_days() as f64,
                        ((*b - lo).num_days() + 1) as f64,
                    )
                })
                .collect();
            (spans, (lo.to_string(), hi.to_string()))
        } else if let Some(w) = weeks {
            let lo = w.iter().map(|x| x.0).min()?;
            let hi = w.iter().map(|x| x.1).max()?;
            let spans = w
                .iter()
                .map(|(a, b)| (f64::from(*a) - 1.0, f64::from(*b)))
                .collect();
            (
                spans,
                (
                    self.l.fmt("doc.week", &[("n", &lo.to_string())]),
                    self.l.fmt("doc.week", &[("n", &hi.to_string())]),
                ),
            )
        } else if let Some(m) = months {
            let lo = m.iter().map(|x| x.0).min()?;
            let hi = m.iter().map(|x| x.1).max()?;
            let spans = m
                .iter()
                .map(|(a, b)| (f64::from(*a), f64::from(*b)))
                .collect();
            (spans, (self.launch_month(lo), self.launch_month(hi)))
        } else {
            return None;
        };
        let data = phases
            .iter()
            .zip(spans)
            .map(|(p, span)| Datum {
                key: p.id.value.clone(),
                label: p.name.clone(),
                value: self.phase_when(p).unwrap_or_default(),
                share: None,
                magnitude: span.1 - span.0,
                span: Some(span),
            })
            .collect();
        let id = self.next_chart_id();
        let c = Chart::new(
            id,
            self.t("chart.timeline"),
            ChartKind::Gantt,
            String::new(),
            data,
        )
        .with_axis(axis.0, axis.1);
        Some(self.captioned(c))
    }

    // ----- narrative topics -------------------------------------------------------

    fn topic_items(&self, items: &[Topic], depth: u8, out: &mut Vec<TopicItem>) {
        for t in items {
            out.push(TopicItem {
                depth,
                title: t.title.clone(),
                text: t.text.clone(),
                kpis: self.kpis_of(&t.kpis),
            });
            self.topic_items(&t.items, depth + 1, out);
        }
    }

    fn topics(&self, key: &str, list: &[Topic]) -> Option<Node> {
        if list.is_empty() {
            return None;
        }
        let children = list
            .iter()
            .map(|t| {
                let mut items = Vec::new();
                self.topic_items(&t.items, 1, &mut items);
                Node::new(
                    t.title.clone(),
                    Body::Topic {
                        text: t.text.clone(),
                        items,
                        kpis: self.kpis_of(&t.kpis),
                    },
                )
            })
            .collect();
        Some(Node::new(self.title(key), Body::Topics { intro: None }).with(children))
    }

    fn free_sections(&self) -> Vec<Node> {
        self.plan
            .sections
            .iter()
            .map(|s| {
                let mut items = Vec::new();
                self.topic_items(&s.items, 1, &mut items);
                Node::new(
                    s.title.clone(),
                    Body::Topic {
                        text: s.text.clone(),
                        items,
                        kpis: self.kpis_of(&s.kpis),
                    },
                )
            })
            .collect()
    }

    // ----- role cards ---------------------------------------------------------------

    fn duties(&self) -> Option<Node> {
        let duties = &self.plan.duties;
        if duties.is_empty() {
            return None;
        }
        let mut summary = Table {
            columns: vec![
                self.column("duty", "left", 5),
                self.column("coordination", "left", 3),
                self.column("deliverables", "left", 3),
                self.column("dimensions", "left", 3),
            ],
            ..Table::default()
        };
        let all = self.plan.all_kpis();
        let mut children = Vec::new();
        for d in duties {
            let sep = self.sep();
            summary.rows.push(row(
                vec![
                    text(&d.title),
                    text(&d.departments.join(sep)),
                    text(&d.deliverables.join(sep)),
                    text(&d.dimensions.join(sep)),
                ],
                "body",
                0,
            ));
            let mut facts = Vec::new();
            if !d.departments.is_empty() {
                facts.push(self.pair("sub.coordination", d.departments.join(sep)));
            }
            if !d.deliverables.is_empty() {
                facts.push(self.pair("sub.deliverables", d.deliverables.join(sep)));
            }
            if !d.dimensions.is_empty() {
                facts.push(self.pair("sub.dimensions", d.dimensions.join(sep)));
            }
            let kpis: Vec<&Kpi> = d
                .kpis
                .iter()
                .filter_map(|id| {
                    all.iter()
                        .copied()
                        .find(|k| k.id.as_ref().is_some_and(|kid| kid.value == id.value))
                })
                .collect();
            children.push(Node::new(
                d.title.clone(),
                Body::Duty(DutyV {
                    title: d.title.clone(),
                    tasks: d.tasks.clone(),
                    facts,
                    kpis: self.kpi_table(&kpis),
                }),
            ));
        }
        drop_empty_columns(&mut summary, 1);
        Some(Node::new(self.title("duties"), Body::Duties { summary }).with(children))
    }

    fn cases(&self) -> Option<Node> {
        let cases = &self.plan.cases;
        if cases.is_empty() {
            return None;
        }
        let children = cases
            .iter()
            .map(|c| {
                let rows = [
                    ("case.background", Some(&c.background)),
                    ("case.task", c.task.as_ref()),
                    ("case.actions", c.actions.as_ref()),
                    ("case.coordination", c.coordination.as_ref()),
                    ("case.outcome", c.outcome.as_ref()),
                ]
                .into_iter()
                .filter_map(|(k, v)| {
                    v.map(|v| Titled {
                        title: self.t(k),
                        text: v.clone(),
                    })
                })
                .collect();
                Node::new(c.title.clone(), Body::Case { rows })
            })
            .collect();
        Some(Node::new(self.title("cases"), Body::Cases { count: cases.len() }).with(children))
    }

    fn glossary(&self) -> Option<Node> {
        let g = &self.plan.glossary;
        if g.is_empty() {
            return None;
        }
        let mut table = Table {
            columns: vec![
                self.column("term", "left", 1),
                self.column("definition", "left", 4),
            ],
            ..Table::default()
        };
        for t in g {
            table
                .rows
                .push(row(vec![text(&t.term), md(&t.definition)], "body", 0));
        }
        Some(Node::new(self.title("glossary"), Body::Glossary { table }))
    }

    // ----- resources, budget, requests ---------------------------------------------

    fn resources(&self) -> Option<Node> {
        let r = self.plan.resources.as_ref()?;
        let figures = r
            .headcount
            .iter()
            .map(|h| Figure {
                label: self.t("sub.headcount"),
                value: self.n.qty(h, None),
                note: None,
            })
            .collect::<Vec<_>>();
        if figures.is_empty() && r.staffing.is_none() && r.training.is_none() {
            return None;
        }
        Some(Node::new(
            self.title("resources"),
            Body::Resources {
                figures,
                staffing: r.staffing.clone(),
                training: r.training.clone(),
            },
        ))
    }

    fn budget(&mut self) -> Option<Node> {
        let plan = self.plan;
        let b = plan.budget.as_ref()?;
        let style = self.n.style_for(&b.total);
        let total = self.n.base(&b.total);
        let mut figures = vec![Figure {
            label: self.t("budget.total"),
            value: self.n.money_or_qty(&b.total),
            note: None,
        }];
        let target = match &b.sales_target {
            Some(id) => plan.targets.iter().find(|t| t.id.value == id.value),
            None => plan.targets.first(),
        };
        let computed_ratio = target
            .and_then(|t| self.n.base(&t.value))
            .zip(total)
            .and_then(|(s, b)| num::percent_of(b, s));
        match (&b.sales_ratio, target) {
            (Some(r), Some(t)) => figures.push(Figure {
                label: self.t("budget.sales_ratio"),
                value: self.n.qty(r, None),
                note: Some(self.l.fmt(
                    "budget.of_target",
                    &[
                        ("target", &t.name),
                        ("value", &self.n.money_or_qty(&t.value)),
                    ],
                )),
            }),
            (Some(r), None) => figures.push(Figure {
                label: self.t("budget.sales_ratio"),
                value: self.n.qty(r, None),
                note: None,
            }),
            (None, Some(t)) if computed_ratio.is_some() => figures.push(Figure {
                label: self.t("budget.sales_ratio"),
                value: computed_ratio.map(num::pct).unwrap_or_default(),
                note: Some(self.l.fmt(
                    "budget.of_target",
                    &[
                        ("target", &t.name),
                        ("value", &self.n.money_or_qty(&t.value)),
                    ],
                )),
            }),
            _ => {}
        }
        let mut table = None;
        let mut chart = None;
        if !b.lines.is_empty() {
            let mut t = Table {
                columns: vec![
                    self.column("item", "left", 3),
                    Column {
                        label: self.col_unit("amount", &style),
                        align: "right",
                        weight: 2,
                    },
                    self.column("share", "right", 1),
                    self.column("note", "left", 5),
                ],
                ..Table::default()
            };
            // A line with only a share gets its amount from the total.
            let amounts: Vec<Option<Decimal>> = b
                .lines
                .iter()
                .map(|l| match (&l.amount, &l.share, total) {
                    (Some(a), _, _) => self.n.base(a),
                    (None, Some(s), Some(tot)) => s
                        .amount
                        .filter(|_| s.is_percent())
                        .map(|p| tot * p / Decimal::ONE_HUNDRED),
                    _ => None,
                })
                .collect();
            for (l, amount) in b.lines.iter().zip(&amounts) {
                let share = amount
                    .zip(total)
                    .and_then(|(a, tot)| num::percent_of(a, tot))
                    .map(num::pct)
                    .or_else(|| l.share.as_ref().map(|s| s.raw.trim().to_owned()))
                    .unwrap_or_default();
                let amount_text = match (&l.amount, amount) {
                    (Some(a), _) => self.n.cell(a, &style),
                    (None, Some(a)) => self.n.base_cell(*a, &b.total, &style),
                    (None, None) => String::new(),
                };
                t.rows.push(row(
                    vec![
                        text(&l.name),
                        text(&amount_text),
                        text(&share),
                        md(l.note.as_deref().unwrap_or_default()),
                    ],
                    "body",
                    0,
                ));
            }
            let known: Option<Vec<Decimal>> = amounts.iter().copied().collect();
            if let Some(known) = &known {
                let sum: Decimal = known.iter().sum();
                t.rows.push(row(
                    vec![
                        text(&self.t("col.total")),
                        text(&self.n.base_cell(sum, &b.total, &style)),
                        text(
                            &total
                                .and_then(|tot| num::percent_of(sum, tot))
                                .map(num::pct)
                                .unwrap_or_default(),
                        ),
                        Cell::default(),
                    ],
                    "total",
                    0,
                ));
                if total.is_some_and(|tot| tot != sum) {
                    t.note = Some(self.l.fmt(
                        "doc.mismatch",
                        &[
                            ("sum", &self.n.base_cell(sum, &b.total, &style)),
                            ("value", &self.n.money_or_qty(&b.total)),
                        ],
                    ));
                }
                if known.len() >= 2 && known.iter().all(|a| *a >= Decimal::ZERO) {
                    let data = b
                        .lines
                        .iter()
                        .zip(known)
                        .enumerate()
                        .map(|(i, (l, a))| Datum {
                            key: format!("{}", i + 1),
                            label: l.name.clone(),
                            value: self.n.base_cell(*a, &b.total, &style),
                            share: total.and_then(|tot| num::percent_of(*a, tot)).map(num::pct),
                            magnitude: a.to_f64().unwrap_or(0.0),
                            span: None,
                        })
                        .collect();
                    let unit = match &style {
                        ValueStyle::Money(s) => s.label().to_owned(),
                        ValueStyle::Plain => String::new(),
                    };
                    let id = self.next_chart_id();
                    let c = Chart::new(id, self.t("chart.budget"), ChartKind::Donut, unit, data)
                        .with_total(self.n.money_or_qty(&b.total));
                    chart = Some(self.captioned(c));
                }
            }
            drop_empty_columns(&mut t, 2);
            table = Some(t);
        }
        Some(Node::new(
            self.title("budget"),
            Body::Budget {
                figures,
                table,
                chart,
                note: b.note.clone(),
            },
        ))
    }

    fn requests(&self) -> Option<Node> {
        let rs = &self.plan.requests;
        if rs.is_empty() {
            return None;
        }
        let mut table = Table {
            columns: vec![
                self.column("request_kind", "left", 1),
                self.column("item", "left", 2),
                self.column("amount", "right", 2),
                self.column("campaign", "left", 2),
                self.column("note", "left", 5),
            ],
            ..Table::default()
        };
        let mut money = Vec::new();
        for r in rs {
            let kind = match r.kind {
                RequestKind::Budget => "budget",
                RequestKind::Headcount => "headcount",
                RequestKind::Training => "training",
                RequestKind::Other => "other",
            };
            let amount = r.amount.as_ref().map(|a| {
                if r.kind == RequestKind::Budget {
                    if let Some(y) = a.yuan(self.n.unit).filter(|_| self.n.is_money(a)) {
                        money.push((y, &a.value));
                    }
                    self.n.money_or_qty(a)
                } else {
                    self.n.qty(a, None)
                }
            });
            table.rows.push(row(
                vec![
                    text(&self.t(&format!("request.{kind}"))),
                    text(&r.name),
                    text(amount.as_deref().unwrap_or_default()),
                    text(
                        &r.campaign
                            .as_ref()
                            .map(|c| self.name(c))
                            .unwrap_or_default(),
                    ),
                    md(r.text.as_deref().unwrap_or_default()),
                ],
                "body",
                0,
            ));
        }
        if money.len() >= 2 {
            let sum: Decimal = money.iter().map(|m| m.0).sum();
            table.rows.push(row(
                vec![
                    text(&self.t("col.budget_total")),
                    Cell::default(),
                    text(&self.n.money(sum, money[0].1)),
                    Cell::default(),
                    Cell::default(),
                ],
                "total",
                0,
            ));
        }
        drop_empty_columns(&mut table, 2);
        Some(Node::new(self.title("requests"), Body::Requests { table }))
    }

    fn risks(&self) -> Option<Node> {
        let rs = &self.plan.risks;
        if rs.is_empty() {
            return None;
        }
        let mut table = Table {
            columns: vec![
                self.column("risk", "left", 3),
                self.column("likelihood", "left", 1),
                self.column("impact", "left", 1),
                self.column("owner", "left", 2),
                self.column("campaign", "left", 3),
            ],
            ..Table::default()
        };
        let mut risks = Vec::new();
        for r in rs {
            let likelihood = r.likelihood.map(|l| self.level(l)).unwrap_or_default();
            let impact = r.impact.map(|l| self.level(l)).unwrap_or_default();
            let owner = r.owner.as_ref().map(|o| self.name(o)).unwrap_or_default();
            let campaign = r
                .campaign
                .as_ref()
                .map(|c| self.name(c))
                .unwrap_or_default();
            table.rows.push(row(
                vec![
                    text(&r.name),
                    text(&likelihood),
                    text(&impact),
                    text(&owner),
                    text(&campaign),
                ],
                "body",
                0,
            ));
            let mut facts = Vec::new();
            for (k, v) in [
                ("sub.likelihood", likelihood),
                ("sub.impact", impact),
                ("sub.owner", owner),
                ("sub.campaign", campaign),
            ] {
                if !v.is_empty() {
                    facts.push(self.pair(k, v));
                }
            }
            risks.push(RiskV {
                name: r.name.clone(),
                description: r.description.value.clone(),
                response: r.response.as_ref().map(|x| x.value.clone()),
                facts,
            });
        }
        drop_empty_columns(&mut table, 1);
        Some(Node::new(self.title("risks"), Body::Risks { table, risks }))
    }

    fn cadence(&self) -> Option<Node> {
        let cs = &self.plan.cadence;
        if cs.is_empty() {
            return None;
        }
        let mut table = Table {
            columns: vec![
                self.column("mechanism", "left", 2),
                self.column("frequency", "left", 1),
                self.column("when", "left", 2),
                self.column("participants", "left", 2),
                self.column("content", "left", 5),
            ],
            ..Table::default()
        };
        let mut items = Vec::new();
        for c in cs {
            let freq = self.frequency(c.frequency.value);
            table.rows.push(row(
                vec![
                    text(&c.name),
                    text(&freq),
                    text(c.when.as_deref().unwrap_or_default()),
                    text(c.participants.as_deref().unwrap_or_default()),
                    md(c.text.as_deref().unwrap_or_default()),
                ],
                "body",
                0,
            ));
            if let Some(kpis) = self.kpis_of(&c.kpis) {
                items.push(CadenceV {
                    name: c.name.clone(),
                    facts: vec![self.pair("sub.frequency", freq)],
                    text: None,
                    kpis: Some(kpis),
                });
            }
        }
        drop_empty_columns(&mut table, 1);
        Some(Node::new(
            self.title("cadence"),
            Body::Cadence { table, items },
        ))
    }

    /// Appendix: the catalogues (products, regions, people) with all their fields.
    fn reference(&self) -> Option<Node> {
        let p = self.plan;
        let mut tables = Vec::new();
        if !p.products.is_empty() {
            let mut t = Table {
                columns: vec![
                    self.column("product", "left", 2),
                    self.column("stage", "left", 1),
                    self.column("area", "left", 1),
                    self.column("note", "left", 5),
                ],
                ..Table::default()
            };
            for x in &p.products {
                t.rows.push(row(
                    vec![
                        text(&x.name),
                        text(x.stage.as_deref().unwrap_or_default()),
                        text(x.area.as_deref().unwrap_or_default()),
                        md(x.note.as_deref().unwrap_or_default()),
                    ],
                    "body",
                    0,
                ));
            }
            drop_empty_columns(&mut t, 1);
            tables.push(Captioned {
                caption: self.t("reference.products"),
                table: t,
            });
        }
        if !p.regions.is_empty() {
            let mut t = Table {
                columns: vec![
                    self.column("region", "left", 2),
                    self.column("level", "left", 1),
                    self.column("group", "left", 2),
                ],
                ..Table::default()
            };
            for x in &p.regions {
                t.rows.push(row(
                    vec![
                        text(&x.name),
                        text(x.level.as_deref().unwrap_or_default()),
                        text(x.group.as_deref().unwrap_or_default()),
                    ],
                    "body",
                    0,
                ));
            }
            drop_empty_columns(&mut t, 1);
            tables.push(Captioned {
                caption: self.t("reference.regions"),
                table: t,
            });
        }
        if !p.people.is_empty() {
            let mut t = Table {
                columns: vec![
                    self.column("person", "left", 2),
                    self.column("role", "left", 3),
                ],
                ..Table::default()
            };
            for x in &p.people {
                t.rows.push(row(
                    vec![text(&x.name), text(x.role.as_deref().unwrap_or_default())],
                    "body",
                    0,
                ));
            }
            drop_empty_columns(&mut t, 1);
            tables.push(Captioned {
                caption: self.t("reference.people"),
                table: t,
            });
        }
        (!tables.is_empty())
            .then(|| Node::new(self.t("reference.title"), Body::Reference { tables }))
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
