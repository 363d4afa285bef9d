//! How a breakdown's items are made from the value they split (指标分解): the method,
//! its basis, growth floors and caps, and the rounding unit. `planc allocate` computes
//! the items from this declaration; the allocation rules check it (P112) and warn when
//! the items no longer match it (P113).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Quantity, Sp};

/// The basis an allocation spreads the whole by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Equal parts.
    Even,
    /// In proportion to each item's `last_year`.
    History,
    /// In proportion to each item's `weight`.
    Weights,
    /// In proportion to each item's `potential` (a driver such as `120家 × 800床 × 5%`).
    Potential,
    /// By the allocation's seasonal `index` (季节指数), for quarters and months.
    Seasonal,
    /// A weighted mix of the methods listed under `blend`.
    Blend,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Even => "even",
            Method::History => "history",
            Method::Weights => "weights",
            Method::Potential => "potential",
            Method::Seasonal => "seasonal",
            Method::Blend => "blend",
        }
    }
}

/// One method of a blend and its weight, e.g. `{ method: history, weight: 70% }`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlendPart {
    pub method: Sp<Method>,
    /// Its weight in the blend, e.g. `70%`; the weights add up to 100 %.
    pub weight: Sp<Quantity>,
}

/// An allocation declared on a breakdown: how `planc allocate` computes its items from
/// the value it splits. A breakdown item's `hold: true` keeps its value and the rest is
/// spread over the others.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// `even`, `history` (items' `last_year`), `weights` (items' `weight`), `potential`
    /// (items' `potential`), `seasonal` (the `index`) or `blend`.
    pub method: Sp<Method>,
    /// For `blend`: the methods mixed and their weights (adding up to 100 %).
    #[serde(default)]
    pub blend: Vec<BlendPart>,
    /// Rounding unit, e.g. `10万元`: every item is a multiple of it and the items add up
    /// exactly to the whole (largest remainder). Default: 1 of the plan's unit.
    #[serde(default)]
    pub round: Option<Sp<Quantity>>,
    /// Growth floor for every item over its `last_year`, e.g. `3%` (no item below last
    /// year × 1.03). An item's own `floor` wins.
    #[serde(default)]
    pub floor: Option<Sp<Quantity>>,
    /// Growth cap for every item over its `last_year`, e.g. `25%`. An item's own `cap` wins.
    #[serde(default)]
    pub cap: Option<Sp<Quantity>>,
    /// Seasonal index (季节指数) by item, e.g. `{ Q1: 22%, Q2: 26%, Q3: 24%, Q4: 28% }`,
    /// adding up to 100 %. Written by `planc allocate` when it is computed from `actuals`.
    #[serde(default)]
    pub index: Option<Sp<BTreeMap<String, Sp<Quantity>>>>,
    /// Actuals files (relative to the plan), read by `planc allocate`: for `seasonal`, monthly
    /// figures of one or more years, from which it computes and writes the `index`; for
    /// `history`, figures by item, from which it writes each item's `last_year`.
    #[serde(default)]
    pub actuals: Vec<Sp<String>>,
    /// The metric of the actuals rows to read (default: the target's id).
    #[serde(default)]
    pub metric: Option<Sp<String>>,
}

/// A `potential` driver as written: an expression (`120家 × 800床 × 5%`) or a plain
/// number (`3000`), kept as its text and evaluated exactly by `allocate::expr`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Driver(pub String);

impl std::ops::Deref for Driver {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Driver {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Driver;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or an expression such as 120家 × 800床 × 5%")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Driver, E> {
                Ok(Driver(v.to_owned()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Driver, E> {
                Ok(Driver(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Driver, E> {
                Ok(Driver(v.to_string()))
            }
        }
        // Numbers reach `deserialize_str` as the text written, so `1.5` stays exact.
        d.deserialize_str(V)
    }
}

impl JsonSchema for Driver {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Driver".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A driver evaluated exactly: numbers with optional units (`%` divides by 100, money units count in 元, other units are labels), `+ - × ÷ * /` and parentheses, e.g. `120家 × 800床 × 5%`, or a plain number.",
            "type": ["string", "number"],
            "examples": ["120家 × 800床 × 5%", 3000]
        })
    }
}
