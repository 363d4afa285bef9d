//! The plan model: one [`Plan`] per `*.plan.yaml` file.
//!
//! Plans of every kind share one set of building blocks (targets with breakdowns,
//! KPIs, strategies, budgets, risks, timelines, accounts, narrative topics); the
//! `kind` decides which sections are required (see `schema`) and how the report is
//! laid out (see `render`). Serde shapes are plain structs and externally tagged
//! enums only, and every value a rule may point at is wrapped in [`Sp`].
//!
//! Architecture invariant: the model holds no f64; money and shares are [`Quantity`].

pub mod allocation;
pub mod dimension;
pub mod quantity;

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::source::de::Sp;
pub use allocation::{Allocation, BlendPart, Method};
pub use quantity::{MoneyUnit, Quantity, Unit};

/// Narrative text. Markdown is allowed (lists, emphasis, links, tables).
pub type Text = String;

/// What sort of plan a file holds; decides the required sections and the report layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Company-wide annual strategy (SWOT, targets, strategies, budget, risks, monitoring).
    Company,
    /// A regional manager's execution plan (targets by province, product and quarter; campaigns).
    Region,
    /// A medical representative's personal plan (SMART goals, hospitals, customer pyramid, weekly actions).
    Representative,
    /// A new product launch plan with phases relative to the launch date.
    Launch,
    /// A transformation initiative (e.g. digital marketing) with quantified goals and pillars.
    Initiative,
    /// A new hire's onboarding report.
    Onboarding,
    /// A role card: duties, KPIs, worked cases, glossary.
    Role,
    /// A year-end summary comparing the plan with actuals.
    Review,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Company,
        Kind::Region,
        Kind::Representative,
        Kind::Launch,
        Kind::Initiative,
        Kind::Onboarding,
        Kind::Role,
        Kind::Review,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Company => "company",
            Kind::Region => "region",
            Kind::Representative => "representative",
            Kind::Launch => "launch",
            Kind::Initiative => "initiative",
            Kind::Onboarding => "onboarding",
            Kind::Role => "role",
            Kind::Review => "review",
        }
    }
    /// Top-level sections a plan of this kind must have.
    pub fn required_sections(self) -> &'static [&'static str] {
        match self {
            Kind::Company => &[
                "swot",
                "targets",
                "strategies",
                "budget",
                "risks",
                "cadence",
            ],
            Kind::Region => &[
                "overview",
                "last_year",
                "targets",
                "campaigns",
                "cadence",
                "risks",
            ],
            Kind::Representative => &["last_year", "targets", "accounts", "tiers", "timeline"],
            Kind::Launch => &["launch", "timeline", "kpis"],
            Kind::Initiative => &["preface", "kpis", "pillars", "organisation"],
            Kind::Onboarding => &[
                "role",
                "kpis",
                "market",
                "approach",
                "teamwork",
                "development",
            ],
            Kind::Role => &["duties", "kpis", "glossary"],
            Kind::Review => &["review", "sections"],
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `draft` plans may hold placeholders (warnings); `final` plans may not (errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Final,
}

/// Report language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    Zh,
    En,
}

/// How often something happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Daily,
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    /// Once, on a given date or occasion.
    Once,
    /// Whenever the occasion arises.
    AdHoc,
}

/// Low / medium / high, for risk likelihood and impact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
}

/// How a KPI's target is compared with the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Comparator {
    /// At least the target (≥).
    #[serde(rename = ">=")]
    AtLeast,
    /// At most the target (≤); lower is better.
    #[serde(rename = "<=")]
    AtMost,
    /// Exactly the target.
    #[serde(rename = "=")]
    Equal,
    /// Between `target` and `max`.
    #[serde(rename = "range")]
    Range,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::AtMost => "≤",
            Comparator::Equal => "=",
            Comparator::Range => "~",
        }
    }
}

/// A calendar date `YYYY-MM-DD`, or a month `YYYY-MM` meaning the whole month.
/// Placeholders (`[起始月份]`) load and are reported by the placeholder rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateValue {
    pub raw: String,
    /// First and last day meant, when the text is a date or a month.
    pub range: Option<(NaiveDate, NaiveDate)>,
}

impl DateValue {
    pub fn parse(raw: &str) -> DateValue {
        let t = raw.trim();
        let range = if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            Some((d, d))
        } else if let Ok(first) = NaiveDate::parse_from_str(&format!("{t}-01"), "%Y-%m-%d") {
            let next = if first.format("%m").to_string() == "12" {
                NaiveDate::from_ymd_opt(first.year_ce().1 as i32 + 1, 1, 1)
            } else {
                first.checked_add_months(chrono::Months::new(1))
            };
            next.and_then(|n| n.pred_opt()).map(|last| (first, last))
        } else {
            None
        };
        DateValue {
            raw: raw.to_owned(),
            range,
        }
    }
    pub fn first(&self) -> Option<NaiveDate> {
        self.range.map(|r| r.0)
    }
    pub fn last(&self) -> Option<NaiveDate> {
        self.range.map(|r| r.1)
    }
}

use chrono::Datelike;

impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<str>>::deserialize(d)?;
        Ok(DateValue::parse(&s))
    }
}

impl JsonSchema for DateValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date `YYYY-MM-DD`, or a month `YYYY-MM` meaning the whole month.",
            "type": "string",
            "examples": ["2026-01-01", "2026-03"]
        })
    }
}

/// A range of week numbers within the plan period, written `1-4` (or a single week `5`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekRange {
    pub raw: String,
    pub range: Option<(u32, u32)>,
}

impl WeekRange {
    pub fn parse(raw: &str) -> WeekRange {
        let t = raw.trim();
        let nums: Vec<u32> = t
            .split(['-', '–', '~', '至'])
            .map(|p| p.trim().parse::<u32>())
            .collect::<Result<_, _>>()
            .unwrap_or_default();
        let range = match nums.as_slice() {
            [a] => Some((*a, *a)),
            [a, b] => Some((*a, *b)),
            _ => None,
        };
        WeekRange {
            raw: raw.to_owned(),
            range,
        }
    }
}

impl Serialize for WeekRange {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for WeekRange {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<str>>::deserialize(d)?;
        Ok(WeekRange::parse(&s))
    }
}

impl JsonSchema for WeekRange {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WeekRange".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Week numbers within the plan period: `1-4`, or a single week `5`.",
            "type": ["string", "integer"],
            "examples": ["1-4", "5-8"]
        })
    }
}

/// The period a plan covers.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day of the period (`2026-01-01`, or a month `2026-01`).
    pub start: Sp<DateValue>,
    /// Last day of the period (`2026-12-31`, or a month `2026-12`).
    pub end: Sp<DateValue>,
    /// How the period is named in the report, e.g. `2026年度`.
    #[serde(default)]
    pub label: Option<String>,
}

/// Addressing of a memo-style plan (致 / 发件人 / 主题).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    /// 致: who the plan is addressed to.
    #[serde(default)]
    pub to: Option<String>,
    /// 发件人: who sends it.
    #[serde(default)]
    pub from: Option<String>,
    /// 主题: the subject line.
    #[serde(default)]
    pub subject: Option<String>,
}

/// A product the plan refers to by id.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Short id used in breakdowns and references, e.g. `xinmaian`.
    pub id: Sp<String>,
    /// Display name, e.g. `心脉安`.
    pub name: String,
    /// Other names finance's and the CRM's exports use for it (`江苏省分公司`,
    /// `苏州办事处`): actuals rows naming any of them join this item.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Life-cycle stage, e.g. `成熟期`, `导入期`.
    #[serde(default)]
    pub stage: Option<String>,
    /// Therapeutic area, e.g. `心血管`.
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A region, province, city or district the plan refers to by id.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Short id, e.g. `jiangsu`.
    pub id: Sp<String>,
    /// Display name, e.g. `江苏省`.
    pub name: String,
    /// Other names finance's and the CRM's exports use for it (`江苏省分公司`,
    /// `苏州办事处`): actuals rows naming any of them join this item.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Level, e.g. `大区`, `省`, `市`, `区`.
    #[serde(default)]
    pub level: Option<String>,
    /// Region group this one belongs to (e.g. `成熟区域`).
    #[serde(default)]
    pub group: Option<String>,
}

/// A person the plan refers to by id (owners of actions, tiers, risks).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Sp<String>,
    pub name: String,
    /// Role, e.g. `大区经理`, `区域主管`, `医药代表`.
    #[serde(default)]
    pub role: Option<String>,
}

/// One item of a SWOT quadrant.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SwotItem {
    /// Short heading, e.g. `产品优势`.
    pub title: String,
    pub text: Text,
}

/// SWOT analysis.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Swot {
    #[serde(default)]
    pub strengths: Vec<SwotItem>,
    #[serde(default)]
    pub weaknesses: Vec<SwotItem>,
    #[serde(default)]
    pub opportunities: Vec<SwotItem>,
    #[serde(default)]
    pub threats: Vec<SwotItem>,
}

/// A labelled figure, e.g. `销售代表: 86名`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub label: String,
    pub value: Sp<Quantity>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// Overview of the organisation or territory the plan covers.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    #[serde(default)]
    pub text: Option<Text>,
    /// Regions covered (ids from `regions`).
    #[serde(default)]
    pub regions: Vec<Sp<String>>,
    /// Products carried (ids from `products`).
    #[serde(default)]
    pub products: Vec<Sp<String>>,
    /// Key figures: representatives, supervisors, hospitals, population …
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// A note about one product, region or topic in a review.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// What the note is about (a product or region id, or a name).
    pub subject: Sp<String>,
    pub text: Text,
}

/// The previous period's results.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LastYear {
    /// Actual sales last period.
    #[serde(default)]
    pub sales: Option<Sp<Quantity>>,
    /// Last period's target.
    #[serde(default)]
    pub target: Option<Sp<Quantity>>,
    /// Attainment = sales / target, e.g. `104%`.
    #[serde(default)]
    pub attainment: Option<Sp<Quantity>>,
    /// Sales of the period before, for the growth check.
    #[serde(default)]
    pub previous_sales: Option<Sp<Quantity>>,
    /// Year-on-year growth of `sales` over `previous_sales`, e.g. `8%`.
    #[serde(default)]
    pub growth: Option<Sp<Quantity>>,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub highlights: Vec<Text>,
    #[serde(default)]
    pub challenges: Vec<Text>,
    /// Per-product or per-region remarks.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Accounts covered last period (ids from `accounts`).
    #[serde(default)]
    pub accounts: Vec<Sp<String>>,
}

/// A target, optionally broken down along named dimensions.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Id, unique in the plan, e.g. `sales`.
    pub id: Sp<String>,
    /// Display name, e.g. `年度销售总额`.
    pub name: String,
    /// The target value: `32亿元`, `60家` …
    pub value: Sp<Quantity>,
    /// Last period's actual, for the growth check.
    #[serde(default)]
    pub last_year: Option<Sp<Quantity>>,
    /// Growth over `last_year`, e.g. `15%`.
    #[serde(default)]
    pub growth: Option<Sp<Quantity>>,
    /// Product this target is about (id from `products`).
    #[serde(default)]
    pub product: Option<Sp<String>>,
    /// Focus of the task (任务重点).
    #[serde(default)]
    pub focus: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    /// Breakdowns of the value, each along one dimension.
    #[serde(default)]
    pub breakdowns: Vec<Breakdown>,
    /// In a plan with a `parent`: the id of the parent plan's target this target fills
    /// (default: the parent's target with the same id), e.g. `sales`.
    #[serde(default)]
    pub rolls_up: Option<Sp<String>>,
}

/// A split of a value along one dimension. Items must add up to the value unless `partial`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Breakdown {
    /// The dimension: `product`, `region`, `province`, `quarter`, `month`, `channel`, `account`, or a name of your own.
    pub dimension: Sp<String>,
    /// Title shown in the report, e.g. `按省市分解`.
    #[serde(default)]
    pub title: Option<String>,
    /// The items deliberately do not cover the whole value.
    #[serde(default)]
    pub partial: bool,
    /// Every item is planned by exactly one child plan (`parent: <this plan>#<item>`) in
    /// the workspace, and the children together must add up to these items.
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub note: Option<Text>,
    /// How the items are computed from the value they split (指标分解): `planc allocate`
    /// fills them in, and a warning (P113) says when they no longer match.
    #[serde(default)]
    pub allocation: Option<Allocation>,
    pub items: Vec<BreakdownItem>,
}

/// One part of a breakdown: its figure (`value:`), its share of the value it splits
/// (`share:`), or both.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [{ "required": ["value"] }, { "required": ["share"] }]))]
pub struct BreakdownItem {
    /// What the item is: a product, region or account id, `Q1`–`Q4`, `M01`–`M12`, or a name.
    #[serde(rename = "ref")]
    pub key: Sp<String>,
    /// Display name when it differs from the referenced entity's.
    #[serde(default)]
    pub name: Option<String>,
    /// The item's figure, in the unit of the value it splits; or its share of that value
    /// (`20%`), from which the figure follows. May be left out when `share:` is given.
    #[serde(default = "unwritten_value")]
    #[schemars(transform = no_default)]
    pub value: Sp<Quantity>,
    /// The value was written as a share of its whole (`value: 20%`, or `share:` without
    /// `value:`): `share` holds what was written and `value` the figure it gives (see
    /// [`Plan::resolve_shares`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub value_from_share: bool,
    /// The file has no `value:` for this item, only its `share:`.
    #[serde(skip)]
    #[schemars(skip)]
    pub share_only: bool,
    /// Share of the parent value, e.g. `25%`; checked against value / parent. Without
    /// `value:`, the item's figure follows from it.
    #[serde(default)]
    pub share: Option<Sp<Quantity>>,
    #[serde(default)]
    pub last_year: Option<Sp<Quantity>>,
    #[serde(default)]
    pub growth: Option<Sp<Quantity>>,
    /// Focus of the task (任务重点).
    #[serde(default)]
    pub focus: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    /// Whether a child plan is expected for this item (`parent: <this plan>#<item>`):
    /// `true` expects one even when the breakdown is not `complete`; `false` says the
    /// item has none (yet), e.g. 暂无下级计划, so a `complete` breakdown's coverage is
    /// checked for the other items.
    #[serde(default)]
    pub child_plan: Option<Sp<bool>>,
    /// For an allocation: keep this item's value as written and spread the rest over
    /// the other items.
    #[serde(default)]
    pub hold: Option<Sp<bool>>,
    /// For an allocation by `weights`: this item's weight (any positive number).
    #[serde(default)]
    pub weight: Option<Sp<Quantity>>,
    /// For an allocation by `potential`: a driver evaluated exactly, e.g.
    /// `120家 × 800床 × 5%` (numbers with optional units, `+ - × ÷ * /`, parentheses;
    /// `%` divides by 100, money units count in 元, other units are labels).
    #[serde(default)]
    pub potential: Option<Sp<allocation::Driver>>,
    /// For an allocation: this item's growth floor over its `last_year` (overrides the
    /// allocation's `floor`).
    #[serde(default)]
    pub floor: Option<Sp<Quantity>>,
    /// For an allocation: this item's growth cap over its `last_year` (overrides the
    /// allocation's `cap`).
    #[serde(default)]
    pub cap: Option<Sp<Quantity>>,
    /// Nested breakdowns of this item.
    #[serde(default)]
    pub breakdowns: Vec<Breakdown>,
}

/// A key performance indicator.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Optional id, unique in the plan, for references from actuals.
    #[serde(default)]
    pub id: Option<Sp<String>>,
    /// What is measured, e.g. `目标医院准入率`.
    pub metric: Sp<String>,
    /// Group heading, e.g. `渠道目标`, `利润目标`, `考核维度: 客户满意度`.
    #[serde(default)]
    pub group: Option<String>,
    /// `>=`, `<=`, `=` or `range`.
    #[serde(default)]
    pub comparator: Option<Sp<Comparator>>,
    /// The target, e.g. `90%`, `50家`, `30人`.
    #[serde(default)]
    pub target: Option<Sp<Quantity>>,
    /// Upper end when `comparator: range`.
    #[serde(default)]
    pub max: Option<Sp<Quantity>>,
    /// Unit when the target is a bare number, e.g. `场`.
    #[serde(default)]
    pub unit: Option<Sp<String>>,
    /// How often it is measured.
    #[serde(default)]
    pub frequency: Option<Sp<Frequency>>,
    /// Starting value.
    #[serde(default)]
    pub baseline: Option<Sp<Quantity>>,
    /// The target is a growth rate (may be negative or above 100 %).
    #[serde(default)]
    pub growth: bool,
    /// Date by which the target is due.
    #[serde(default)]
    pub due: Option<Sp<DateValue>>,
    /// Who is accountable (id from `people`, or a name).
    #[serde(default)]
    pub owner: Option<Sp<String>>,
    /// The id of the parent plan's KPI this one is a part of: counts (家, 名, 场 …) of
    /// the children add up to the parent's; a rate may not be looser than the parent's.
    #[serde(default)]
    pub rolls_up: Option<Sp<String>>,
    /// The figure of this plan the KPI states again: a target id, or
    /// `<target>#<item>` for a breakdown item (e.g. `sales#county`); both must agree.
    #[serde(default)]
    pub restates: Option<Sp<String>>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// An action in a strategy, campaign or timeline.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Number or id, e.g. `1.1`.
    #[serde(default)]
    pub id: Option<Sp<String>>,
    pub title: Sp<String>,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub owner: Option<Sp<String>>,
    #[serde(default)]
    pub start: Option<Sp<DateValue>>,
    #[serde(default)]
    pub end: Option<Sp<DateValue>>,
    /// Accounts concerned (ids from `accounts`).
    #[serde(default)]
    pub accounts: Vec<Sp<String>>,
    /// Products concerned (ids from `products`).
    #[serde(default)]
    pub products: Vec<Sp<String>>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
}

/// A customer tier (A/B/C, 塔尖/塔腰/塔基) with how it is served.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: Sp<String>,
    /// Display name, e.g. `A类客户`, `塔尖客户`.
    pub name: String,
    /// Who belongs to it, e.g. `顶级KOL/高潜力科室主任`.
    #[serde(default)]
    pub who: Option<Text>,
    /// How many customers, e.g. `1-2名`.
    #[serde(default)]
    pub count: Option<String>,
    /// Who serves the tier.
    #[serde(default)]
    pub owner: Option<Sp<String>>,
    /// Visit frequency, e.g. `每月至少1次高层拜访`.
    #[serde(default)]
    pub visits: Option<String>,
    #[serde(default)]
    pub objective: Option<Text>,
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Accounts in the tier (ids from `accounts`).
    #[serde(default)]
    pub accounts: Vec<Sp<String>>,
}

/// A tactic (战术打法) of a campaign.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tactic {
    pub name: String,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub items: Vec<Text>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
}

/// A strategy, campaign (战役) or pillar (支柱): objective, tactics, actions, resources, KPIs.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// Id, unique in the plan, e.g. `panshi`.
    pub id: Sp<String>,
    /// Name, e.g. `磐石计划`.
    pub name: String,
    /// Theme, e.g. `核心市场深耕战`.
    #[serde(default)]
    pub theme: Option<String>,
    /// Product the strategy is about (id from `products`).
    #[serde(default)]
    pub product: Option<Sp<String>>,
    /// Regions concerned (ids from `regions`).
    #[serde(default)]
    pub regions: Vec<Sp<String>>,
    /// Current pain point (现状痛点).
    #[serde(default)]
    pub pain_point: Option<Text>,
    /// Objective (战役目标), in words.
    #[serde(default)]
    pub objective: Option<Text>,
    #[serde(default)]
    pub tactics: Vec<Tactic>,
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Resource support (资源支持).
    #[serde(default)]
    pub resources: Vec<Text>,
    /// Budget earmarked for the strategy.
    #[serde(default)]
    pub budget: Option<Sp<Quantity>>,
    #[serde(default)]
    pub owner: Option<Sp<String>>,
    /// Measurable targets and assessment indicators (考核指标).
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    /// Sub-strategies, e.g. one per product.
    #[serde(default)]
    pub parts: Vec<Strategy>,
}

/// A department of a hospital.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// e.g. `心内科`.
    pub name: String,
    /// Number of beds.
    #[serde(default)]
    pub beds: Option<Sp<Quantity>>,
    /// Head of department (主任).
    #[serde(default)]
    pub head: Option<String>,
    /// Deputy heads (副主任).
    #[serde(default)]
    pub deputies: Vec<String>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A customer account: a hospital, community health centre or clinic.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id: Sp<String>,
    pub name: String,
    /// Other names finance's and the CRM's exports use for it (`江苏省分公司`,
    /// `苏州办事处`): actuals rows naming any of them join this item.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Level, e.g. `三甲`, `二级`, `社区卫生服务中心`.
    #[serde(default)]
    pub level: Option<String>,
    /// Role in the plan, e.g. `核心阵地`, `增长点`, `潜力股`.
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub departments: Vec<Department>,
    /// Current sales situation (当前销售).
    #[serde(default)]
    pub status: Option<Text>,
    #[serde(default)]
    pub opportunity: Option<Text>,
    #[serde(default)]
    pub challenge: Option<Text>,
    /// Products listed in the hospital (ids from `products`).
    #[serde(default)]
    pub listed: Vec<Sp<String>>,
}

/// A block of work within a phase, e.g. `市场准入与渠道铺垫`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workstream {
    /// Number, e.g. `1`.
    #[serde(default)]
    pub id: Option<Sp<String>>,
    pub name: String,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// A phase of a timeline: dated, in weeks of the period, or in months relative to a launch.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: Sp<String>,
    /// e.g. `上市前准备期`.
    pub name: String,
    /// When, in words, e.g. `上市前3个月`.
    #[serde(default)]
    pub when: Option<String>,
    #[serde(default)]
    pub start: Option<Sp<DateValue>>,
    #[serde(default)]
    pub end: Option<Sp<DateValue>>,
    /// Week numbers within the plan period, e.g. `1-4`.
    #[serde(default)]
    pub weeks: Option<Sp<WeekRange>>,
    /// Months relative to the launch date, `[from, to]`, e.g. `[-3, 0]`.
    #[serde(default)]
    pub months: Option<Sp<Vec<i32>>>,
    /// Core goal of the phase (核心目标).
    #[serde(default)]
    pub goal: Option<Text>,
    #[serde(default)]
    pub workstreams: Vec<Workstream>,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
}

/// A new product launch.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Launch {
    /// The product (id from `products`).
    pub product: Sp<String>,
    /// Formulation or generic description, e.g. `注射用重组抗肿瘤蛋白`.
    #[serde(default)]
    pub description: Option<String>,
    /// Therapeutic area, e.g. `肿瘤科`.
    #[serde(default)]
    pub area: Option<String>,
    /// Indication, e.g. `非小细胞肺癌二线治疗`.
    #[serde(default)]
    pub indication: Option<String>,
    /// Launch date; phase `months` are counted from it.
    pub date: Sp<DateValue>,
    /// Plan objective (计划目标).
    #[serde(default)]
    pub objective: Option<Text>,
}

/// A budget line.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    pub name: String,
    #[serde(default)]
    pub amount: Option<Sp<Quantity>>,
    /// Share of the total, e.g. `45%`.
    #[serde(default)]
    pub share: Option<Sp<Quantity>>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// The budget, its lines, and its ratio to sales.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub total: Sp<Quantity>,
    /// Budget as a share of expected sales, e.g. `18%`.
    #[serde(default)]
    pub sales_ratio: Option<Sp<Quantity>>,
    /// Target the ratio is taken of (id from `targets`); default: the first target.
    #[serde(default)]
    pub sales_target: Option<Sp<String>>,
    #[serde(default)]
    pub lines: Vec<BudgetLine>,
    /// What of the total is allocated to each child unit (region, territory …): a child
    /// plan naming that unit in its `parent` must keep its budget within the amount.
    #[serde(default)]
    pub allocations: Vec<BudgetAllocation>,
    /// The allocations share out the whole total: their sum must equal it (without
    /// this, it must not exceed it).
    #[serde(default)]
    pub allocations_complete: bool,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A part of the budget allocated to a child unit.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetAllocation {
    /// The unit, as the child plan's `parent: <plan>#<unit>` names it, e.g. `east`.
    #[serde(rename = "ref")]
    pub key: Sp<String>,
    /// The most the child plan may budget, e.g. `2.7亿元`.
    pub amount: Sp<Quantity>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// Staffing and training resources (人员配置, 培训支持).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    /// New headcount requested or planned.
    #[serde(default)]
    pub headcount: Option<Sp<Quantity>>,
    #[serde(default)]
    pub staffing: Option<Text>,
    #[serde(default)]
    pub training: Option<Text>,
}

/// What a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Budget,
    Headcount,
    Training,
    Other,
}

/// A resource request to headquarters (资源需求).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub kind: RequestKind,
    pub name: String,
    /// Money for a budget request (`200万元`); a count for headcount (`6名`).
    #[serde(default)]
    pub amount: Option<Sp<Quantity>>,
    /// Campaign or strategy the request serves (id).
    #[serde(default)]
    pub campaign: Option<Sp<String>>,
    #[serde(default)]
    pub text: Option<Text>,
}

/// A risk and the response to it.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: Sp<String>,
    /// e.g. `政策风险`.
    pub name: String,
    pub description: Sp<Text>,
    /// Response plan (应对预案).
    #[serde(default)]
    pub response: Option<Sp<Text>>,
    #[serde(default)]
    pub likelihood: Option<Level>,
    #[serde(default)]
    pub impact: Option<Level>,
    #[serde(default)]
    pub owner: Option<Sp<String>>,
    /// Campaign or strategy the response relies on (id).
    #[serde(default)]
    pub campaign: Option<Sp<String>>,
}

/// A recurring meeting or review (月度销售会议, 周会制, 协访制度).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    pub name: String,
    pub frequency: Sp<Frequency>,
    /// When it happens, e.g. `每周一上午`.
    #[serde(default)]
    pub when: Option<String>,
    #[serde(default)]
    pub participants: Option<String>,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
}

/// A narrative block with optional sub-items and KPIs.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub title: String,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub items: Vec<Topic>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
}

/// The SMART frame of a personal plan; specific and measurable goals live in `targets` and `kpis`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Smart {
    #[serde(default)]
    pub specific: Option<Text>,
    #[serde(default)]
    pub measurable: Option<Text>,
    #[serde(default)]
    pub achievable: Option<Text>,
    #[serde(default)]
    pub relevant: Option<Text>,
    #[serde(default)]
    pub time_bound: Option<Text>,
}

/// A duty of a role card with its daily tasks, partners, deliverables and KPIs.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    pub id: Sp<String>,
    pub title: String,
    #[serde(default)]
    pub tasks: Vec<Text>,
    /// Departments to coordinate with (协调部门).
    #[serde(default)]
    pub departments: Vec<String>,
    /// Deliverables (交付物).
    #[serde(default)]
    pub deliverables: Vec<String>,
    /// Assessment dimensions (考核维度).
    #[serde(default)]
    pub dimensions: Vec<String>,
    /// Ids of KPIs in the plan's `kpis` that assess this duty.
    #[serde(default)]
    pub kpis: Vec<Sp<String>>,
}

/// A worked case (典型工作场景).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub title: String,
    pub background: Text,
    #[serde(default)]
    pub task: Option<Text>,
    #[serde(default)]
    pub actions: Option<Text>,
    #[serde(default)]
    pub coordination: Option<Text>,
    #[serde(default)]
    pub outcome: Option<Text>,
}

/// A glossary entry.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    pub definition: Text,
}

/// A free section of narrative (used by reviews and for anything the other sections do not cover).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(default)]
    pub id: Option<Sp<String>>,
    pub title: String,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub items: Vec<Topic>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    /// In a review: computed tables shown in this section, after its text. `targets` (every
    /// target against its actual), `kpis` (every KPI verdict), `kpis/<group or strategy id>`,
    /// `kpi/<id>`, `<target id>/<dimension>` (a breakdown: attainment, growth, top and bottom
    /// contributors, chart), `forecast` (year-to-date and run-rate, partial years only).
    #[serde(default)]
    pub figures: Vec<Sp<String>>,
}

/// What a `kind: review` reviews: the plan, the actuals, and extra analysis dimensions.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewSpec {
    /// The plan under review: a path relative to this file (`company.plan.yaml`) or a plan id.
    pub plan: Sp<String>,
    /// Actuals files (`*.actuals.yaml`, `.csv`, `.xlsx`), relative to this file.
    #[serde(default)]
    pub actuals: Vec<Sp<String>>,
    /// The date the actuals run to; before the end of the period the review shows
    /// year-to-date attainment and a run-rate forecast. Default: the end of the period.
    #[serde(default)]
    pub as_of: Option<Sp<DateValue>>,
    /// Dimensions the actuals break down that the plan set no targets for (e.g. customer type);
    /// shown as contribution and growth, without attainment.
    #[serde(default)]
    pub segments: Vec<Segment>,
}

/// An analysis dimension without targets, e.g. customer type (三甲医院 / 民营医院 / 基层医疗机构).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// The dimension id used in the actuals, e.g. `customer_type`.
    pub dimension: Sp<String>,
    /// Title shown in the report, e.g. `按客户类型`.
    #[serde(default)]
    pub title: Option<String>,
    pub items: Vec<SegmentItem>,
}

/// One item of a [`Segment`].
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SegmentItem {
    /// Id used in the actuals, e.g. `tertiary`.
    #[serde(rename = "ref")]
    pub key: Sp<String>,
    /// Display name, e.g. `三甲医院`.
    #[serde(default)]
    pub name: Option<String>,
}

/// An annual sales plan, report or role card, as written in a `*.plan.yaml` file.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "planc plan")]
pub struct Plan {
    /// What sort of plan this is; decides the required sections and the report layout.
    pub kind: Sp<Kind>,
    /// Id, unique across the repository, e.g. `east-china-2026`.
    pub id: Sp<String>,
    /// Title shown on the report, e.g. `华东大区2026年度销售工作执行计划`.
    pub title: Sp<String>,
    /// `draft` allows placeholders (warnings); `final` does not (errors).
    pub status: Sp<Status>,
    pub period: Period,
    /// Who owns the plan.
    #[serde(default)]
    pub owner: Option<Sp<String>>,
    /// Organisational unit, e.g. `华东大区`.
    #[serde(default)]
    pub org_unit: Option<String>,
    /// The company the plan is written for, shown on the cover, e.g. `华康医药股份有限公司`.
    #[serde(default)]
    pub company: Option<String>,
    /// Security classification (密级) shown on the cover, e.g. `内部资料` or `秘密`.
    #[serde(default)]
    pub classification: Option<String>,
    /// Who prepared the plan (编制): a person id or a name; shown in the cover's approval block.
    #[serde(default)]
    pub prepared_by: Option<Sp<String>>,
    /// Who reviewed the plan (审核): a person id or a name.
    #[serde(default)]
    pub reviewed_by: Option<Sp<String>>,
    /// Who approved the plan (批准): a person id or a name.
    #[serde(default)]
    pub approved_by: Option<Sp<String>>,
    /// Date the document is issued (`2025-12-20`), shown on the cover.
    #[serde(default)]
    pub issue_date: Option<Sp<DateValue>>,
    /// Currency code; default `CNY`.
    #[serde(default)]
    pub currency: Option<String>,
    /// Default money unit for bare numbers: `元`, `万元` or `亿元`; default `万元`.
    #[serde(default)]
    pub unit: Option<Sp<String>>,
    /// The money unit the report shows every amount in (`元`, `万元` or `亿元`), so the
    /// cover and every table agree. Default: the largest unit that shows every amount of
    /// the plan exactly with at most two decimals (English reports: millions of yuan).
    #[serde(default)]
    pub report_unit: Option<Sp<String>>,
    /// Report language when `--lang` is not given.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The plan this one rolls up into: its id or a path relative to this file, followed by
    /// `#<item>` naming the breakdown item of the parent that this plan fills, e.g.
    /// `company-2026#east` (`#<dimension>:<item>` when the item appears in two dimensions).
    #[serde(default)]
    pub parent: Option<Sp<String>>,
    /// Memo header (致 / 发件人 / 主题).
    #[serde(default)]
    pub memo: Option<Memo>,

    // Catalogues the rest of the plan refers to by id.
    #[serde(default)]
    pub products: Vec<Product>,
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub accounts: Vec<Account>,

    // Sections.
    /// Preface, background or strategic intent (前言与总览 / 计划背景).
    #[serde(default)]
    pub preface: Option<Text>,
    #[serde(default)]
    pub swot: Option<Swot>,
    #[serde(default)]
    pub overview: Option<Overview>,
    #[serde(default)]
    pub last_year: Option<LastYear>,
    #[serde(default)]
    pub launch: Option<Launch>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub smart: Option<Smart>,
    /// Key performance indicators and quantified goals.
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    /// Core strategies (核心策略).
    #[serde(default)]
    pub strategies: Vec<Strategy>,
    /// Campaigns (战役), e.g. 磐石 / 燎原 / 铸剑.
    #[serde(default)]
    pub campaigns: Vec<Strategy>,
    /// Pillars (支柱) of an initiative.
    #[serde(default)]
    pub pillars: Vec<Strategy>,
    /// Customer tiers / pyramid.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    /// Phases with actions.
    #[serde(default)]
    pub timeline: Vec<Phase>,
    #[serde(default)]
    pub resources: Option<Resources>,
    #[serde(default)]
    pub budget: Option<Budget>,
    #[serde(default)]
    pub requests: Vec<Request>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// Meetings, reviews and co-visits (评估与监控 / 过程管理).
    #[serde(default)]
    pub cadence: Vec<Cadence>,
    /// Role understanding (岗位认知与职责).
    #[serde(default)]
    pub role: Vec<Topic>,
    /// Market analysis (医疗市场分析).
    #[serde(default)]
    pub market: Vec<Topic>,
    /// Sales approach (销售策略规划).
    #[serde(default)]
    pub approach: Vec<Topic>,
    /// Teamwork (团队协作机制).
    #[serde(default)]
    pub teamwork: Vec<Topic>,
    /// Personal or team development (个人成长计划 / 专业能力提升计划).
    #[serde(default)]
    pub development: Vec<Topic>,
    /// Organisation and rollout (组织保障与实施路径).
    #[serde(default)]
    pub organisation: Vec<Topic>,
    #[serde(default)]
    pub duties: Vec<Duty>,
    #[serde(default)]
    pub cases: Vec<Case>,
    #[serde(default)]
    pub glossary: Vec<Term>,
    /// Further sections of narrative, rendered after the others.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Closing words (结语).
    #[serde(default)]
    pub closing: Option<Text>,
    /// In a `kind: review`: the plan under review, its actuals and analysis segments.
    #[serde(default)]
    pub review: Option<ReviewSpec>,
}

impl Plan {
    /// The default money unit for bare numbers.
    /// The money unit the report shows every amount in, when the plan fixes it.
    pub fn report_unit(&self) -> Option<MoneyUnit> {
        self.report_unit.as_ref().and_then(|u| MoneyUnit::parse(u))
    }

    pub fn money_unit(&self) -> MoneyUnit {
        self.unit
            .as_ref()
            .and_then(|u| MoneyUnit::parse(u))
            .unwrap_or(MoneyUnit::Wan)
    }

    /// Campaigns, strategies and pillars (and their parts), in document order.
    pub fn all_strategies(&self) -> Vec<&Strategy> {
        fn push<'a>(s: &'a Strategy, out: &mut Vec<&'a Strategy>) {
            out.push(s);
            s.parts.iter().for_each(|p| push(p, out));
        }
        let mut out = Vec::new();
        for s in self
            .strategies
            .iter()
            .chain(&self.campaigns)
            .chain(&self.pillars)
        {
            push(s, &mut out);
        }
        out
    }

    /// Every KPI in the plan with where it sits.
    pub fn all_kpis(&self) -> Vec<&Kpi> {
        let mut out: Vec<&Kpi> = self.kpis.iter().collect();
        for s in self.all_strategies() {
            out.extend(&s.kpis);
            for t in &s.tactics {
                out.extend(&t.kpis);
            }
            out.extend(s.actions.iter().flat_map(|a| &a.kpis));
        }
        for p in &self.timeline {
            out.extend(&p.kpis);
            out.extend(p.actions.iter().flat_map(|a| &a.kpis));
            out.extend(
                p.workstreams
                    .iter()
                    .flat_map(|w| &w.actions)
                    .flat_map(|a| &a.kpis),
            );
        }
        out.extend(self.cadence.iter().flat_map(|c| &c.kpis));
        for t in self
            .role
            .iter()
            .chain(&self.market)
            .chain(&self.approach)
            .chain(&self.teamwork)
            .chain(&self.development)
            .chain(&self.organisation)
        {
            collect_topic_kpis(t, &mut out);
        }
        for s in &self.sections {
            out.extend(&s.kpis);
            s.items.iter().for_each(|t| collect_topic_kpis(t, &mut out));
        }
        out
    }

    /// Every action in the plan.
    pub fn all_actions(&self) -> Vec<&Action> {
        let mut out = Vec::new();
        for s in self.all_strategies() {
            out.extend(&s.actions);
            for t in &s.tactics {
                out.extend(t.tiers.iter().flat_map(|tier| &tier.actions));
            }
        }
        out.extend(self.tiers.iter().flat_map(|t| &t.actions));
        for p in &self.timeline {
            out.extend(&p.actions);
            out.extend(p.workstreams.iter().flat_map(|w| &w.actions));
        }
        out
    }
}

fn collect_topic_kpis<'a>(t: &'a Topic, out: &mut Vec<&'a Kpi>) {
    out.extend(&t.kpis);
    t.items.iter().for_each(|i| collect_topic_kpis(i, out));
}

/// A breakdown item's `value:` that was left out (its `share:` gives it): no amount, no
/// text, and no place in the file until [`Plan::resolve_shares`] derives it.
fn unwritten_value() -> Sp<Quantity> {
    Sp::new(
        Quantity {
            amount: None,
            unit: Unit::Bare,
            raw: String::new(),
        },
        crate::source::Span::default(),
    )
}

/// A field whose serde default is no value a user could write.
fn no_default(schema: &mut schemars::Schema) {
    schema.remove("default");
}

impl BreakdownItem {
    /// Whether the file holds a `value:` for this item (else only its `share:`).
    pub fn value_written(&self) -> bool {
        !self.share_only && self.value.span != crate::source::Span::default()
    }
}

impl Plan {
    /// Breakdown items written as shares of their whole (`- { ref: Q1, value: 20% }`
    /// under a value in money or a count): the share is kept as written and the value
    /// becomes the figure it gives, exactly (whole × share ÷ 100), so every stage that
    /// adds up or phases values reads figures. A whole that cannot be read leaves the
    /// item as written (the unit rules report it).
    ///
    /// An item with `share:` and no `value:` is read the same way: its value is the
    /// figure its share gives, at the share's place in the file. A share or whole that
    /// cannot be read leaves it without a figure (their own findings say why).
    pub fn resolve_shares(&mut self) {
        fn go(whole: &Sp<Quantity>, breakdowns: &mut [Breakdown]) {
            for b in breakdowns {
                for item in &mut b.items {
                    if !item.value_written() && !item.value_from_share {
                        if let Some(share) = &item.share {
                            item.share_only = true;
                            item.value = Sp::new(
                                Quantity {
                                    amount: None,
                                    unit: Unit::Bare,
                                    raw: String::new(),
                                },
                                share.span,
                            );
                            let readable =
                                share.unit == Unit::Percent && whole.unit != Unit::Percent;
                            if let (true, Some(w), Some(p)) = (readable, whole.amount, share.amount)
                            {
                                item.value = Sp::new(
                                    Quantity::from_decimal(
                                        w * p / rust_decimal::Decimal::ONE_HUNDRED,
                                        whole.unit.clone(),
                                    ),
                                    share.span,
                                );
                                item.value_from_share = true;
                            }
                        }
                        go(&item.value.clone(), &mut item.breakdowns);
                        continue;
                    }
                    let is_share = item.value.unit == Unit::Percent
                        && whole.unit != Unit::Percent
                        && !item.value_from_share;
                    if let (true, Some(w), Some(p)) = (is_share, whole.amount, item.value.amount) {
                        let amount = w * p / rust_decimal::Decimal::ONE_HUNDRED;
                        let written = item.value.clone();
                        item.value = Sp::new(
                            Quantity::from_decimal(amount, whole.unit.clone()),
                            written.span,
                        );
                        item.share.get_or_insert(written);
                        item.value_from_share = true;
                    }
                    go(&item.value, &mut item.breakdowns);
                }
            }
        }
        for t in &mut self.targets {
            let whole = t.value.clone();
            go(&whole, &mut t.breakdowns);
        }
    }
}
