//! The children's breakdowns added up by dimension (by product, by region): items are
//! matched across levels by id, else by a name or alias one plan gives the other's item,
//! else by planc.toml's `[aliases]`; the root's names and order win, and every item of
//! the root appears, planned by a child or not.

use rust_decimal::Decimal;

use super::{base, cell, Builder, OrgNode};
use crate::model::{dimension, Plan, Target};

use crate::render::view::{Captioned, Column, Measure, Row, Table};

/// The children's breakdowns added up, one table per dimension that every child gives
/// (a dimension only some give cannot be added up: it is named in the note instead).
pub(super) fn rolled_up(
    b: &Builder,
    root: &OrgNode,
    repo: &Aliases,
) -> (Vec<Captioned>, Option<String>) {
    let l = b.l;
    let kids: Vec<(&OrgNode, &Target)> = root
        .children
        .iter()
        .filter_map(|c| Some((c, c.rolled_target()?)))
        .collect();
    let mut order: Vec<&str> = Vec::new();
    for (_, t) in &kids {
        for bd in t.breakdowns.iter().filter(|x| !x.partial) {
            if !order.contains(&bd.dimension.as_str()) {
                order.push(bd.dimension.as_str());
            }
        }
    }
    let dim_label = |d: &str| {
        l.opt(&format!("dim.{d}"))
            .map(str::to_owned)
            .unwrap_or_else(|| d.replace('_', " "))
    };
    let mut tables = Vec::new();
    let mut skipped = Vec::new();
    for d in order {
        let parts: Vec<_> = kids
            .iter()
            .map(|(c, t)| {
                let bd = t
                    .breakdowns
                    .iter()
                    .find(|x| x.dimension.as_str() == d && !x.partial)?;
                Some((*c, bd))
            })
            .collect();
        if parts.iter().any(Option::is_none) {
            skipped.push(dim_label(d));
            continue;
        }
        // The root's own items first, in its order and under its names; then items only
        // the children name. A child's item is the root's when the ids match or when one
        // plan lists the other's name among the product's or region's `aliases` (the
        // company's 其他成熟产品 is the regions' 博舒平及其他 when either says so).
        let own = root.rolled_target().and_then(|t| {
            t.breakdowns
                .iter()
                .find(|x| dimension::same(&x.dimension, d))
        });
        // (root key, label, children's sum, root's own value).
        let mut lines: Vec<(String, String, Decimal, Option<Decimal>)> = own
            .map(|o| {
                o.items
                    .iter()
                    .map(|i| {
                        (
                            i.key.value.clone(),
                            item_label(root.plan, d, &i.key.value, i.name.as_deref()),
                            Decimal::ZERO,
                            base(&i.value.value, root.plan),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let own_complete = own.is_some_and(|o| !o.partial);
        for (c, bd) in parts.into_iter().flatten() {
            for i in &bd.items {
                let Some(v) = base(&i.value.value, c.plan) else {
                    continue;
                };
                let key = &i.key.value;
                let at = lines.iter().position(|x| x.0 == *key).or_else(|| {
                    lines
                        .iter()
                        .position(|x| same_item(root.plan, &x.0, c.plan, key, d, repo))
                });
                match at {
                    Some(k) => lines[k].2 += v,
                    None => lines.push((
                        key.clone(),
                        item_label(c.plan, d, key, i.name.as_deref()),
                        v,
                        // A complete own breakdown plans nothing for it.
                        own_complete.then_some(Decimal::ZERO),
                    )),
                }
            }
        }
        let total: Decimal = lines.iter().map(|x| x.2).sum();
        let mut rows: Vec<Row> = lines
            .iter()
            .map(|(_, label, v, o)| {
                let mut cells = vec![cell(label.clone()), cell(b.money.amount(*v))];
                if own.is_some() {
                    cells.push(cell(b.money(*o)));
                    cells.push(cell(b.gap(Some(*v), *o)));
                }
                Row {
                    cells,
                    kind: "body",
                    depth: 0,
                }
            })
            .collect();
        let mut cells = vec![cell(l.get("rollup.sum")), cell(b.money.amount(total))];
        let mut columns = vec![
            Column::new(l.get("rollup.item"), "left", 4),
            Column::new(l.get("rollup.sum"), "right", 2).measuring(Measure::Money),
        ];
        if own.is_some() {
            let own_total: Option<Decimal> = lines.iter().map(|x| x.3).sum();
            cells.push(cell(b.money(own_total)));
            cells.push(cell(b.gap(Some(total), own_total)));
            columns.push(Column::new(l.get("rollup.own"), "right", 2).measuring(Measure::Money));
            columns.push(Column::new(l.get("rollup.gap"), "right", 2).measuring(Measure::Money));
        }
        rows.push(Row {
            cells,
            kind: "total",
            depth: 0,
        });
        let explained = tables.iter().any(|t: &Captioned| t.table.columns.len() > 2);
        let note = if own.is_some() && !explained {
            format!(
                "{}　{}",
                b.unit_note(),
                l.fmt("rollup.dims_note", &[("plan", &root.name())])
            )
        } else {
            b.unit_note()
        };
        tables.push(Captioned {
            caption: l.fmt("rollup.by", &[("dim", &dim_label(d))]),
            table: Table {
                columns,
                rows,
                note: Some(note),
            },
        });
    }
    let partial = (!skipped.is_empty()).then(|| {
        l.fmt(
            "rollup.not_rolled",
            &[("dims", &skipped.join(l.opt("doc.sep").unwrap_or(", ")))],
        )
    });
    (tables, partial)
}

/// An item's display name: its `name`, else the product, region or person it refers to.
pub(super) fn item_label(plan: &Plan, dim: &str, key: &str, name: Option<&str>) -> String {
    if let Some(n) = name {
        return n.to_owned();
    }
    names_of(plan, dim, key)
        .and_then(|n| n.first().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| key.to_owned())
}

/// The names an item's entity goes by in `plan`: its name, then its aliases.
fn names_of<'p>(plan: &'p Plan, dim: &str, key: &str) -> Option<Vec<&'p str>> {
    let with = |name: &'p str, aliases: &'p [String]| {
        std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .collect::<Vec<_>>()
    };
    match dimension::canonical(dim) {
        "product" => plan
            .products
            .iter()
            .find(|p| p.id.as_str() == key)
            .map(|p| with(&p.name, &p.aliases)),
        "region" | "province" | "city" | "county" => plan
            .regions
            .iter()
            .find(|r| r.id.as_str() == key)
            .map(|r| with(&r.name, &r.aliases)),
        "representative" | "team" => plan
            .people
            .iter()
            .find(|p| p.id.as_str() == key)
            .map(|p| vec![p.name.as_str()]),
        _ => None,
    }
}

/// The repository's `[aliases]` (planc.toml), by item id or name.
pub(super) type Aliases = std::collections::BTreeMap<String, Vec<String>>;

/// Whether a child's item `key` is the root's item `root_key`, ids apart: one plan
/// names the other's item among its names or aliases, or planc.toml's `[aliases]`
/// gives one of them the other's id or name.
fn same_item(
    root: &Plan,
    root_key: &str,
    child: &Plan,
    key: &str,
    dim: &str,
    repo: &Aliases,
) -> bool {
    let with_repo = |names: Vec<&str>, id: &str| -> Vec<String> {
        let mut out: Vec<String> = if names.is_empty() {
            vec![id.to_owned()]
        } else {
            names.iter().map(|n| (*n).to_owned()).collect()
        };
        let first = out[0].clone();
        for k in [id, first.as_str()] {
            out.extend(repo.get(k).into_iter().flatten().cloned());
        }
        out
    };
    let ours = with_repo(names_of(root, dim, root_key).unwrap_or_default(), root_key);
    let theirs = with_repo(names_of(child, dim, key).unwrap_or_default(), key);
    // Its own name does not make a match (two plans may both call an item 其他);
    // an alias does.
    let (our_name, their_name) = (ours.first(), theirs.first());
    ours.iter()
        .skip(1)
        .any(|a| Some(a) == their_name || *a == key)
        || theirs
            .iter()
            .skip(1)
            .any(|a| Some(a) == our_name || *a == root_key)
}

#[cfg(test)]
mod tests {
    use super::Aliases;
    use crate::model::Plan;

    fn plan(products: &str) -> Plan {
        let text = format!(
            "kind: region\nid: x\ntitle: x\nstatus: draft\n\
             period: {{ start: 2026-01-01, end: 2026-12-31 }}\nproducts:\n{products}"
        );
        let parsed = crate::source::yaml::parse(&text);
        crate::source::de::from_node::<Plan>(&parsed.root.unwrap()).unwrap()
    }

    fn same_item(a: &Plan, ak: &str, b: &Plan, bk: &str, dim: &str) -> bool {
        super::same_item(a, ak, b, bk, dim, &Aliases::new())
    }

    #[test]
    fn planc_toml_aliases_map_too() {
        let company = plan("  - { id: mature, name: 其他成熟产品 }\n");
        let region = plan("  - { id: bsp, name: 博舒平及其他 }\n");
        assert!(!same_item(&company, "mature", &region, "bsp", "product"));
        let mut repo = Aliases::new();
        repo.insert("mature".into(), vec!["博舒平及其他".into()]);
        assert!(super::same_item(
            &company, "mature", &region, "bsp", "product", &repo
        ));
        let mut repo = Aliases::new();
        repo.insert("博舒平及其他".into(), vec!["mature".into()]);
        assert!(super::same_item(
            &company, "mature", &region, "bsp", "product", &repo
        ));
    }

    #[test]
    fn an_alias_maps_a_product_line_named_differently() {
        let company = plan("  - { id: mature, name: 其他成熟产品, aliases: [博舒平及其他] }\n");
        let region = plan("  - { id: bsp, name: 博舒平及其他 }\n");
        assert!(same_item(&company, "mature", &region, "bsp", "product"));
        assert!(same_item(&region, "bsp", &company, "mature", "产品"));
        // Without an alias, different names are different lines …
        let other = plan("  - { id: bsp, name: 博舒平 }\n");
        assert!(!same_item(&company, "mature", &other, "bsp", "product"));
        // … and one name alone (both say 其他) does not make them one.
        let a = plan("  - { id: a, name: 其他 }\n");
        let b = plan("  - { id: b, name: 其他 }\n");
        assert!(!same_item(&a, "a", &b, "b", "product"));
        // An alias naming the other's id maps too.
        let c = plan("  - { id: c, name: 心脉安, aliases: [xma] }\n");
        let d = plan("  - { id: xma, name: 心脉安片 }\n");
        assert!(same_item(&c, "c", &d, "xma", "product"));
    }
}
