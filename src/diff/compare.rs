//! The walk over two plans: both are seen through their serde shape (the same keys the
//! YAML has), lists of entities are matched by id (`id`, `ref`, `dimension`, `metric`,
//! `name`, `title` …), lists of plain values as sets, and figures are compared after
//! unit normalisation.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value as J};

use super::{Change, ChangeKind, Qty, QtyKind, Val};
use crate::model::{MoneyUnit, Plan, Quantity, Unit};

/// Keys whose values are figures (`Quantity`).
const QUANTITY_KEYS: &[&str] = &[
    "value",
    "share",
    "growth",
    "last_year",
    "target",
    "max",
    "baseline",
    "amount",
    "total",
    "sales_ratio",
    "budget",
    "headcount",
    "sales",
    "attainment",
    "previous_sales",
    "beds",
];

/// Keys that name a list element, in order of preference.
const ID_KEYS: &[&str] = &[
    "id",
    "ref",
    "dimension",
    "metric",
    "name",
    "title",
    "term",
    "label",
    "subject",
    "plan",
];

/// Keys that give an element its display name, in order of preference.
const NAME_KEYS: &[&str] = &["name", "title", "metric", "term", "label"];

/// Keys shown first among an entity's fields: its headline figure, then its name.
const FIRST_KEYS: &[&str] = &[
    "value",
    "total",
    "amount",
    "target",
    "max",
    "share",
    "growth",
    "last_year",
    "budget",
];

/// Top-level keys that belong to the plan's metadata section.
const META_KEYS: &[&str] = &[
    "kind", "id", "title", "status", "period", "owner", "org_unit", "currency", "unit", "lang",
    "parent", "memo",
];

struct Ctx {
    old_unit: MoneyUnit,
    new_unit: MoneyUnit,
    /// Ids of products, regions, people, accounts, tiers → their names.
    names: BTreeMap<String, String>,
    out: Vec<Change>,
}

/// One step of a path: a field key, or a list element (its id and display name).
#[derive(Clone)]
enum Seg {
    Field(String),
    Elem { key: String, label: String },
}

/// Every change between two versions of a plan, in the plan's order.
pub fn compare(old: &Plan, new: &Plan) -> Vec<Change> {
    let (o, n) = (to_json(old), to_json(new));
    let mut names = BTreeMap::new();
    for v in [&o, &n] {
        collect_names(v, &mut names);
    }
    let mut cx = Ctx {
        old_unit: old.money_unit(),
        new_unit: new.money_unit(),
        names,
        out: Vec::new(),
    };
    let empty = Map::new();
    let (om, nm) = (
        o.as_object().unwrap_or(&empty),
        n.as_object().unwrap_or(&empty),
    );
    // Metadata first, then the sections in the model's order.
    let mut keys: Vec<&str> = META_KEYS.to_vec();
    keys.extend(section_order().iter().filter(|k| !META_KEYS.contains(k)));
    for k in om.keys().chain(nm.keys()) {
        if !keys.contains(&k.as_str()) {
            keys.push(k);
        }
    }
    for k in keys {
        let (a, b) = (om.get(k).unwrap_or(&J::Null), nm.get(k).unwrap_or(&J::Null));
        let mut path = vec![Seg::Field(k.to_owned())];
        cx.walk(&mut path, a, b, false);
    }
    cx.out
}

/// The plan's top-level keys in the order the model declares them.
fn section_order() -> Vec<&'static str> {
    vec![
        "products",
        "regions",
        "people",
        "accounts",
        "preface",
        "swot",
        "overview",
        "last_year",
        "launch",
        "targets",
        "smart",
        "kpis",
        "strategies",
        "campaigns",
        "pillars",
        "tiers",
        "timeline",
        "resources",
        "budget",
        "requests",
        "risks",
        "cadence",
        "role",
        "market",
        "approach",
        "teamwork",
        "development",
        "organisation",
        "duties",
        "cases",
        "glossary",
        "sections",
        "closing",
        "review",
    ]
}

fn to_json(plan: &Plan) -> J {
    serde_json::to_value(plan).unwrap_or(J::Null)
}

fn collect_names(v: &J, names: &mut BTreeMap<String, String>) {
    for list in ["products", "regions", "people", "accounts", "tiers"] {
        for e in v.get(list).and_then(J::as_array).into_iter().flatten() {
            if let (Some(id), Some(name)) = (
                e.get("id").and_then(J::as_str),
                e.get("name").and_then(J::as_str),
            ) {
                names.insert(id.to_owned(), name.to_owned());
            }
        }
    }
}

/// Null, an empty list and an empty object all mean "not there".
fn absent(v: &J) -> bool {
    match v {
        J::Null => true,
        J::Array(a) => a.is_empty(),
        J::Object(o) => o.values().all(absent),
        _ => false,
    }
}

fn is_scalar(v: &J) -> bool {
    !matches!(v, J::Array(_) | J::Object(_))
}

fn scalar_text(v: &J) -> String {
    match v {
        J::String(s) => s.trim_end().to_owned(),
        J::Null => String::new(),
        other => other.to_string(),
    }
}

/// The id of a list element and how often it was seen before (a repeated id is matched
/// by its occurrence).
fn element_key(v: &J) -> Option<String> {
    let o = v.as_object()?;
    ID_KEYS
        .iter()
        .find_map(|k| o.get(*k).and_then(J::as_str).map(|s| s.trim().to_owned()))
}

fn keyed(list: &[J]) -> Option<Vec<(String, &J)>> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    list.iter()
        .map(|v| {
            let k = element_key(v)?;
            let n = seen.entry(k.clone()).or_default();
            *n += 1;
            Some((if *n > 1 { format!("{k}#{n}") } else { k }, v))
        })
        .collect()
}

impl Ctx {
    fn label_of(&self, key: &str, v: &J) -> String {
        let o = v.as_object();
        if let Some(name) = NAME_KEYS
            .iter()
            .find_map(|k| o.and_then(|o| o.get(*k)).and_then(J::as_str))
        {
            return name.to_owned();
        }
        // A breakdown without a title stays out of the shown path: its items say enough.
        if o.is_some_and(|o| o.contains_key("dimension")) {
            return String::new();
        }
        let bare = key.split('#').next().unwrap_or(key);
        self.names
            .get(bare)
            .cloned()
            .unwrap_or_else(|| bare.to_owned())
    }

    fn walk(&mut self, path: &mut Vec<Seg>, old: &J, new: &J, in_kpi: bool) {
        match (absent(old), absent(new)) {
            (true, true) => return,
            (true, false) if !is_scalar(new) && !matches!(new, J::Object(_)) => {
                return self.list(path, &J::Array(vec![]), new, in_kpi);
            }
            (false, true) if !is_scalar(old) && !matches!(old, J::Object(_)) => {
                return self.list(path, old, &J::Array(vec![]), in_kpi);
            }
            _ => {}
        }
        match (old, new) {
            (J::Object(a), J::Object(b)) => self.object(path, a, b, in_kpi),
            (J::Object(a), _) if absent(new) => self.object(path, a, &Map::new(), in_kpi),
            (_, J::Object(b)) if absent(old) => self.object(path, &Map::new(), b, in_kpi),
            (J::Array(_), _) | (_, J::Array(_)) => self.list(path, old, new, in_kpi),
            _ => self.leaf(path, old, new, in_kpi),
        }
    }

    fn object(
        &mut self,
        path: &mut Vec<Seg>,
        a: &Map<String, J>,
        b: &Map<String, J>,
        in_kpi: bool,
    ) {
        let in_kpi = in_kpi || a.contains_key("metric") || b.contains_key("metric");
        let mut keys: Vec<&String> = Vec::new();
        for k in FIRST_KEYS {
            if let Some((k, _)) = b.get_key_value(*k).or_else(|| a.get_key_value(*k)) {
                keys.push(k);
            }
        }
        let (scalars, nested): (Vec<&String>, Vec<&String>) = a
            .keys()
            .chain(b.keys())
            .filter(|k| !FIRST_KEYS.contains(&k.as_str()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .partition(|k| {
                let v = b.get(*k).filter(|v| !absent(v)).or_else(|| a.get(*k));
                v.is_none_or(is_scalar)
            });
        keys.extend(scalars);
        keys.extend(nested);
        for k in keys {
            let (x, y) = (a.get(k).unwrap_or(&J::Null), b.get(k).unwrap_or(&J::Null));
            path.push(Seg::Field(k.clone()));
            self.walk(path, x, y, in_kpi);
            path.pop();
        }
    }

    fn list(&mut self, path: &mut Vec<Seg>, old: &J, new: &J, in_kpi: bool) {
        let empty = Vec::new();
        let a = old.as_array().unwrap_or(&empty);
        let b = new.as_array().unwrap_or(&empty);
        let all = || a.iter().chain(b);
        if all().all(is_scalar) {
            if all().all(|v| v.is_string()) {
                return self.set(path, a, b);
            }
            return self.leaf(path, old, new, in_kpi);
        }
        let (Some(ka), Some(kb)) = (keyed(a), keyed(b)) else {
            // Elements without ids: matched by position.
            let ka: Vec<(String, &J)> = a
                .iter()
                .enumerate()
                .map(|(i, v)| ((i + 1).to_string(), v))
                .collect();
            let kb: Vec<(String, &J)> = b
                .iter()
                .enumerate()
                .map(|(i, v)| ((i + 1).to_string(), v))
                .collect();
            return self.matched(path, &ka, &kb, in_kpi);
        };
        self.matched(path, &ka, &kb, in_kpi)
    }

    fn matched(
        &mut self,
        path: &mut Vec<Seg>,
        a: &[(String, &J)],
        b: &[(String, &J)],
        in_kpi: bool,
    ) {
        let find = |list: &[(String, &J)], k: &str| list.iter().position(|(x, _)| x == k);
        // Every new element at its place; a removed one before the first new element that
        // stood after it in the old list.
        type Entry<'j> = (usize, u8, String, Option<&'j J>, Option<&'j J>);
        let mut ranked: Vec<Entry> = Vec::new();
        for (j, (k, v)) in b.iter().enumerate() {
            ranked.push((j, 1, k.clone(), find(a, k).map(|i| a[i].1), Some(*v)));
        }
        for (i, (k, v)) in a.iter().enumerate() {
            if find(b, k).is_none() {
                let j = b
                    .iter()
                    .position(|(k2, _)| find(a, k2).is_some_and(|x| x > i))
                    .unwrap_or(b.len());
                ranked.push((j, 0, k.clone(), Some(*v), None));
            }
        }
        ranked.sort_by_key(|e| (e.0, e.1));
        for (_, _, key, o, n) in ranked {
            let label = self.label_of(&key, n.or(o).unwrap_or(&J::Null));
            path.push(Seg::Elem { key, label });
            match (o, n) {
                (Some(x), Some(y)) => self.walk(path, x, y, in_kpi),
                (None, Some(y)) => self.whole(path, ChangeKind::Added, y, in_kpi),
                (Some(x), None) => self.whole(path, ChangeKind::Removed, x, in_kpi),
                (None, None) => {}
            }
            path.pop();
        }
    }

    /// An element added or removed as a whole: one change, with its headline figure.
    fn whole(&mut self, path: &[Seg], kind: ChangeKind, v: &J, in_kpi: bool) {
        let in_kpi = in_kpi || v.get("metric").is_some();
        let headline = FIRST_KEYS.iter().find_map(|k| {
            let s = v.get(*k)?.as_str()?;
            Some(Val::Qty(self.qty(s, k, in_kpi, kind == ChangeKind::Added)))
        });
        let (old, new) = match kind {
            ChangeKind::Added => (None, headline),
            _ => (headline, None),
        };
        self.push(path, None, kind, old, new);
    }

    fn set(&mut self, path: &[Seg], a: &[J], b: &[J]) {
        let sa: Vec<String> = a.iter().map(scalar_text).collect();
        let sb: Vec<String> = b.iter().map(scalar_text).collect();
        for x in &sb {
            if !sa.contains(x) {
                let shown = self.names.get(x).cloned().unwrap_or_else(|| x.clone());
                self.push(
                    path,
                    Some(()),
                    ChangeKind::Added,
                    None,
                    Some(Val::Text(shown)),
                );
            }
        }
        for x in &sa {
            if !sb.contains(x) {
                let shown = self.names.get(x).cloned().unwrap_or_else(|| x.clone());
                self.push(
                    path,
                    Some(()),
                    ChangeKind::Removed,
                    Some(Val::Text(shown)),
                    None,
                );
            }
        }
    }

    fn leaf(&mut self, path: &[Seg], old: &J, new: &J, in_kpi: bool) {
        let key = match path.last() {
            Some(Seg::Field(k)) => k.as_str(),
            _ => "",
        };
        let kind = match (absent(old), absent(new)) {
            (true, _) => ChangeKind::Added,
            (_, true) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        if QUANTITY_KEYS.contains(&key) {
            if let (J::String(_) | J::Null, J::String(_) | J::Null) = (old, new) {
                let o = old.as_str().map(|s| self.qty(s, key, in_kpi, false));
                let n = new.as_str().map(|s| self.qty(s, key, in_kpi, true));
                if let (Some(x), Some(y)) = (&o, &n) {
                    let same = if x.comparable(y) {
                        x.value == y.value
                    } else {
                        x.raw.trim() == y.raw.trim()
                    };
                    if same {
                        return;
                    }
                }
                return self.push(path, Some(()), kind, o.map(Val::Qty), n.map(Val::Qty));
            }
        }
        let (x, y) = (scalar_text(old), scalar_text(new));
        if x == y {
            return;
        }
        let val = |v: &J, s: String| (!absent(v)).then_some(Val::Text(s));
        self.push(path, Some(()), kind, val(old, x), val(new, y));
    }

    fn qty(&self, raw: &str, key: &str, in_kpi: bool, new_side: bool) -> Qty {
        let plan_unit = if new_side {
            self.new_unit
        } else {
            self.old_unit
        };
        let money_field = !in_kpi
            && !matches!(
                key,
                "share" | "growth" | "sales_ratio" | "attainment" | "beds"
            );
        qty_of(raw, plan_unit, money_field)
    }

    fn push(
        &mut self,
        path: &[Seg],
        field: Option<()>,
        kind: ChangeKind,
        old: Option<Val>,
        new: Option<Val>,
    ) {
        let keys: Vec<String> = path
            .iter()
            .map(|s| match s {
                Seg::Field(k) => k.clone(),
                Seg::Elem { key, .. } => key.clone(),
            })
            .collect();
        let top = keys.first().cloned().unwrap_or_default();
        let section = if META_KEYS.contains(&top.as_str()) {
            "plan".to_owned()
        } else {
            top
        };
        let item: Vec<String> = path
            .iter()
            .filter_map(|s| match s {
                Seg::Elem { label, .. } if !label.is_empty() => Some(label.clone()),
                _ => None,
            })
            .collect();
        // The field: the keys after the last element (or below the section).
        let last_elem = path.iter().rposition(|s| matches!(s, Seg::Elem { .. }));
        let from = match last_elem {
            Some(i) => i + 1,
            None if section == "plan" => 0,
            None => 1,
        };
        let field = field.map(|_| {
            path[from..]
                .iter()
                .filter_map(|s| match s {
                    Seg::Field(k) => Some(k.as_str()),
                    Seg::Elem { .. } => None,
                })
                .collect::<Vec<_>>()
                .join(".")
        });
        self.out.push(Change {
            section,
            path: keys,
            item,
            field,
            kind,
            old,
            new,
        });
    }
}

/// A figure read the way the plan reads it: bare numbers are money in the plan's unit
/// where money is expected, plain numbers elsewhere.
pub(super) fn qty_of(raw: &str, plan_unit: MoneyUnit, money_field: bool) -> Qty {
    let q = Quantity::parse(raw);
    let (kind, value, unit) = match &q.unit {
        _ if q.amount.is_none() => (QtyKind::Unknown, None, None),
        Unit::Money(_) => (QtyKind::Money, q.yuan(plan_unit), Some("元".to_owned())),
        Unit::Bare if money_field => (QtyKind::Money, q.yuan(plan_unit), Some("元".to_owned())),
        Unit::Bare => (QtyKind::Number, q.amount, None),
        Unit::Percent => (QtyKind::Percent, q.amount, Some("%".to_owned())),
        Unit::Other(u) => (QtyKind::Count, q.amount, Some(u.clone())),
    };
    Qty {
        raw: raw.trim().to_owned(),
        kind,
        value: value.map(|v| v.normalize()),
        unit,
    }
}

/// One plan as canonical lines — `path: value`, figures normalised — for `git`'s
/// `textconv`: a unit rewritten gives the same text, a changed figure one changed line.
pub fn canonical_lines(plan: &Plan) -> Vec<(String, Option<Qty>, String)> {
    let v = to_json(plan);
    let mut names = BTreeMap::new();
    collect_names(&v, &mut names);
    let cx = Ctx {
        old_unit: plan.money_unit(),
        new_unit: plan.money_unit(),
        names,
        out: Vec::new(),
    };
    let mut out = Vec::new();
    flatten(&cx, &mut Vec::new(), &v, false, &mut out);
    out
}

fn flatten(
    cx: &Ctx,
    path: &mut Vec<String>,
    v: &J,
    in_kpi: bool,
    out: &mut Vec<(String, Option<Qty>, String)>,
) {
    match v {
        J::Object(o) => {
            let in_kpi = in_kpi || o.contains_key("metric");
            // The plan's own order at the top; ids, names and figures first below it.
            // Ids are in the path already; `false` is every flag's default.
            let top = path.is_empty();
            let mut keys: Vec<&str> = if top {
                META_KEYS.iter().copied().chain(section_order()).collect()
            } else {
                NAME_KEYS.iter().chain(FIRST_KEYS).copied().collect()
            };
            keys.retain(|k| o.contains_key(*k));
            let element = element_key(v);
            keys.retain(|k| o.contains_key(*k));
            keys.extend(
                o.keys()
                    .map(String::as_str)
                    .filter(|k| !keys.contains(k))
                    .collect::<Vec<_>>(),
            );
            for k in keys {
                let x = &o[k];
                let is_id = !top
                    && matches!(k, "id" | "ref" | "dimension")
                    && element.as_deref() == x.as_str().map(str::trim);
                if absent(x) || *x == J::Bool(false) || is_id {
                    continue;
                }
                // `breakdowns` and `items` say nothing the ids after them do not.
                let structural = matches!(k, "breakdowns" | "items") && x.is_array();
                if !structural {
                    path.push(k.to_owned());
                }
                flatten(cx, path, x, in_kpi, out);
                if !structural {
                    path.pop();
                }
            }
        }
        J::Array(list) if !list.iter().all(is_scalar) => {
            let keys = keyed(list).unwrap_or_else(|| {
                list.iter()
                    .enumerate()
                    .map(|(i, x)| ((i + 1).to_string(), x))
                    .collect()
            });
            for (k, x) in keys {
                let label = cx.label_of(&k, x);
                path.push(if label == k {
                    k
                } else {
                    format!("{k}({label})")
                });
                flatten(cx, path, x, in_kpi, out);
                path.pop();
            }
        }
        _ => {
            let key = path.last().map(String::as_str).unwrap_or("");
            let joined = path.join(" › ");
            let q = match v {
                J::String(s) if QUANTITY_KEYS.contains(&key) => Some(cx.qty(s, key, in_kpi, true)),
                _ => None,
            };
            let text = match v {
                J::Array(list) => list.iter().map(scalar_text).collect::<Vec<_>>().join(", "),
                other => scalar_text(other),
            };
            out.push((joined, q, text));
        }
    }
}
