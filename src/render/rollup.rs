//! The consolidated report of an organisation (`planc render DIR --rollup`): the root
//! plan's targets with, for each child plan, what was allocated against what it plans,
//! the org tree, the children's breakdowns added up by dimension, and links to every
//! child's report. Built as an ordinary [`Report`], so Markdown, HTML and DOCX follow.

use rust_decimal::Decimal;

use super::chart::{Chart, ChartKind, Datum};
use super::num::Scale;
use super::view::{Body, Captioned, Cell, Column, Figure, Report, Row, Section, Table};
use super::{Input, Labels, Renderer};
use crate::model::{Lang, Plan, Quantity, Target};

/// A plan of the tree with what it fills in its parent.
pub struct OrgNode<'a> {
    pub plan: &'a Plan,
    /// Link to the plan's own report, relative to the consolidated report.
    pub href: Option<String>,
    /// The item of the parent it fills, the allocation and its own planned value (元).
    pub item: Option<String>,
    pub allocated: Option<Decimal>,
    pub planned: Option<Decimal>,
    /// The child's target that rolls up.
    pub target: Option<String>,
    pub children: Vec<OrgNode<'a>>,
}

impl OrgNode<'_> {
    /// The unit's name: a representative by name, any other plan by its org unit.
    fn name(&self) -> String {
        let owner = self.plan.owner.as_ref().map(|o| o.value.clone());
        match (self.plan.kind.value, owner) {
            (crate::model::Kind::Representative, Some(o)) => o,
            _ => self
                .plan
                .org_unit
                .clone()
                .unwrap_or_else(|| self.plan.title.value.clone()),
        }
    }
    fn rolled_target(&self) -> Option<&Target> {
        match &self.target {
            Some(id) => self.plan.targets.iter().find(|t| t.id.as_str() == id),
            None => self.plan.targets.first(),
        }
    }
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        md: false,
    }
}

fn col(label: String, align: &'static str, weight: u8) -> Column {
    Column {
        label,
        align,
        weight,
        ..Default::default()
    }
}

/// Chinese or Arabic section numbers.
fn number(n: usize, lang: Lang) -> String {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match lang {
        Lang::Zh => ZH
            .get(n)
            .map_or_else(|| (n + 1).to_string(), |s| (*s).to_owned()),
        Lang::En => (n + 1).to_string(),
    }
}

struct Builder<'a> {
    l: &'a Labels,
    scale: Scale,
    lang: Lang,
}

impl Builder<'_> {
    fn money(&self, v: Option<Decimal>) -> String {
        v.map_or_else(|| "—".to_owned(), |v| self.scale.amount(v))
    }
    fn gap(&self, planned: Option<Decimal>, allocated: Option<Decimal>) -> String {
        match (planned, allocated) {
            (Some(p), Some(a)) if p == a => "0".into(),
            (Some(p), Some(a)) => {
                let d = p - a;
                let s = self.scale.amount(d.abs());
                if d > Decimal::ZERO {
                    format!("+{s}")
                } else {
                    format!("−{s}")
                }
            }
            _ => "—".into(),
        }
    }
    fn unit_note(&self) -> String {
        match self.lang {
            Lang::Zh => format!("金额单位：{}", self.scale.label()),
            Lang::En => format!("Amounts in {}", self.scale.label()),
        }
    }

    /// The org tree, depth first.
    fn tree(&self, node: &OrgNode, depth: u8, rows: &mut Vec<Row>) {
        let children_sum: Option<Decimal> = if node.children.is_empty() {
            None
        } else {
            node.children.iter().map(|c| c.planned).sum()
        };
        let planned = node.planned.or_else(|| {
            node.rolled_target()
                .and_then(|t| base(&t.value.value, node.plan))
        });
        rows.push(Row {
            cells: vec![
                cell(node.name()),
                cell(
                    node.rolled_target()
                        .map(|t| t.name.clone())
                        .unwrap_or_default(),
                ),
                cell(self.money(node.allocated)),
                cell(self.money(planned)),
                cell(self.gap(planned, node.allocated)),
                cell(self.money(children_sum)),
                cell(node.children.len().to_string()),
            ],
            kind: if depth == 0 { "total" } else { "body" },
            depth,
        });
        for c in &node.children {
            self.tree(c, depth + 1, rows);
        }
    }
}

/// An amount in 元 (money) or the count.
fn base(q: &Quantity, plan: &Plan) -> Option<Decimal> {
    q.base(plan.money_unit())
}

/// Builds the consolidated report of `root`; `input` is the root plan's own input (its
/// validation record and language).
pub fn report(renderer: &Renderer, root: &OrgNode, input: &Input) -> Report {
    let mut report = renderer.report(input);
    let lang = if report.lang == "en" {
        Lang::En
    } else {
        Lang::Zh
    };
    let l = renderer.labels(lang);
    let b = Builder {
        l,
        scale: Scale::of(root.plan.money_unit(), lang),
        lang,
    };
    report.meta.title = l.fmt("rollup.title", &[("title", &root.plan.title.value)]);
    let checks: Vec<Section> = report
        .sections
        .drain(..)
        .filter(|s| matches!(s.body, Body::Checks { .. }))
        .map(|mut s| {
            // The only appendix here.
            // `附录B` → `附录A`, `B` → `A`.
            s.number = match s.number.pop() {
                Some(_) => format!("{}A", s.number),
                None => "A".into(),
            };
            s.heading = Section::make_heading(&s.number, &s.title, s.level, true, report.lang);
            s
        })
        .collect();
    let mut sections = Vec::new();
    let push = |title: String, body: Body, sections: &mut Vec<Section>| {
        let n = number(sections.len(), lang);
        sections.push(Section {
            anchor: format!("s-{}", sections.len() + 1),
            heading: Section::make_heading(&n, &title, 1, false, report.lang),
            number: n,
            title,
            subtitle: None,
            level: 1,
            appendix: false,
            body,
        });
    };
    // 1. The tree.
    let mut rows = Vec::new();
    b.tree(root, 0, &mut rows);
    let tree = Table {
        columns: vec![
            col(l.get("rollup.unit"), "left", 4),
            col(l.get("rollup.target"), "left", 4),
            col(l.get("rollup.allocated"), "right", 2),
            col(l.get("rollup.planned"), "right", 2),
            col(l.get("rollup.gap"), "right", 2),
            col(l.get("rollup.children_sum"), "right", 2),
            col(l.get("rollup.count"), "right", 1),
        ],
        rows,
        note: Some(format!("{}　{}", b.unit_note(), l.get("rollup.tree_note"))),
    };
    push(
        l.get("rollup.tree"),
        Body::Reference {
            tables: vec![Captioned {
                caption: String::new(),
                table: tree,
            }],
        },
        &mut sections,
    );
    // 2. The root's children against their allocations, with a chart.
    let own = root
        .rolled_target()
        .and_then(|t| base(&t.value.value, root.plan));
    let planned_sum: Option<Decimal> = root.children.iter().map(|c| c.planned).sum();
    let allocated_sum: Option<Decimal> = root.children.iter().map(|c| c.allocated).sum();
    let mut figures = vec![
        Figure {
            label: l.get("rollup.root_target"),
            value: b.scale.money(own.unwrap_or_default()),
            note: None,
        },
        Figure {
            label: l.get("rollup.planned_sum"),
            value: b.money(planned_sum).to_string() + b.scale.label(),
            note: None,
        },
    ];
    if let (Some(own), Some(p)) = (own, planned_sum) {
        figures.push(Figure {
            label: l.get("rollup.unplanned"),
            value: b.scale.money(own - p),
            note: super::num::percent_of(own - p, own).map(super::num::pct),
        });
    }
    let child_rows: Vec<Row> = root
        .children
        .iter()
        .map(|c| Row {
            cells: vec![
                cell(c.name()),
                cell(c.item.clone().unwrap_or_default()),
                cell(b.money(c.allocated)),
                cell(b.money(c.planned)),
                cell(b.gap(c.planned, c.allocated)),
            ],
            kind: "body",
            depth: 0,
        })
        .chain(std::iter::once(Row {
            cells: vec![
                cell(l.get("rollup.sum")),
                cell(String::new()),
                cell(b.money(allocated_sum)),
                cell(b.money(planned_sum)),
                cell(b.gap(planned_sum, allocated_sum)),
            ],
            kind: "total",
            depth: 0,
        }))
        .collect();
    let data: Vec<Datum> = root
        .children
        .iter()
        .filter_map(|c| {
            let v = c.planned?;
            Some(Datum {
                key: c.plan.id.value.clone(),
                label: c.name(),
                value: b.scale.amount(v),
                share: planned_sum
                    .and_then(|p| super::num::percent_of(v, p))
                    .map(super::num::pct),
                magnitude: (v / b.scale.factor()).try_into().unwrap_or(0.0),
                span: None,
            })
        })
        .collect();
    let chart = (!data.is_empty()).then(|| {
        let title = l.get("rollup.chart");
        let unit = b.scale.label().to_owned();
        let caption = l.fmt(
            "doc.caption",
            &[
                ("n", "1"),
                (
                    "title",
                    &l.fmt("doc.with_unit", &[("label", &title), ("unit", &unit)]),
                ),
            ],
        );
        Chart::new("chart-1".into(), title, ChartKind::Bar, unit, data).with_caption(caption)
    });
    push(
        l.get("rollup.children"),
        Body::Budget {
            figures,
            table: Some(Table {
                columns: vec![
                    col(l.get("rollup.unit"), "left", 4),
                    col(l.get("rollup.item"), "left", 2),
                    col(l.get("rollup.allocated"), "right", 2),
                    col(l.get("rollup.planned"), "right", 2),
                    col(l.get("rollup.gap"), "right", 2),
                ],
                rows: child_rows,
                note: Some(b.unit_note()),
            }),
            chart,
            note: None,
        },
        &mut sections,
    );
    // 3. The children's breakdowns added up, by dimension.
    let (tables, partial) = rolled_up(&b, root);
    if !tables.is_empty() {
        push(
            l.get("rollup.dims"),
            Body::Reference { tables },
            &mut sections,
        );
        if let (
            Some(note),
            Some(Section {
                body: Body::Reference { tables },
                ..
            }),
        ) = (partial, sections.last_mut())
        {
            if let Some(last) = tables.last_mut() {
                let n = last.table.note.take().unwrap_or_default();
                last.table.note = Some(format!("{n}　{note}"));
            }
        }
    }
    // 4. Every plan, with a link to its report.
    let mut rows = Vec::new();
    fn plans(node: &OrgNode, depth: u8, rows: &mut Vec<Row>) {
        let link = match &node.href {
            Some(h) => Cell {
                text: format!("[{h}]({h})"),
                md: true,
            },
            None => cell("—"),
        };
        rows.push(Row {
            cells: vec![
                cell(node.plan.title.value.clone()),
                cell(
                    node.plan
                        .owner
                        .as_ref()
                        .map(|o| o.value.clone())
                        .unwrap_or_default(),
                ),
                link,
            ],
            kind: "body",
            depth,
        });
        for c in &node.children {
            plans(c, depth + 1, rows);
        }
    }
    plans(root, 0, &mut rows);
    push(
        l.get("rollup.plans"),
        Body::Reference {
            tables: vec![Captioned {
                caption: String::new(),
                table: Table {
                    columns: vec![
                        col(l.get("rollup.plan"), "left", 5),
                        col(l.get("rollup.owner"), "left", 2),
                        col(l.get("rollup.report"), "left", 5),
                    ],
                    rows,
                    note: None,
                },
            }],
        },
        &mut sections,
    );
    sections.extend(checks);
    report.sections = sections;
    report
}

/// The children's breakdowns added up, one table per dimension that every child gives
/// (a dimension only some give cannot be added up: it is named in the note instead).
fn rolled_up(b: &Builder, root: &OrgNode) -> (Vec<Captioned>, Option<String>) {
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
        // Items in the order they first appear, summed over the children.
        let mut sums: Vec<(String, String, Decimal)> = Vec::new();
        for (c, bd) in parts.into_iter().flatten() {
            for i in &bd.items {
                let Some(v) = base(&i.value.value, c.plan) else {
                    continue;
                };
                match sums.iter_mut().find(|(k, _, _)| *k == i.key.value) {
                    Some(e) => e.2 += v,
                    None => sums.push((
                        i.key.value.clone(),
                        item_label(c.plan, d, &i.key.value, i.name.as_deref()),
                        v,
                    )),
                }
            }
        }
        let own = root
            .rolled_target()
            .and_then(|t| t.breakdowns.iter().find(|x| x.dimension.as_str() == d));
        let own_of = |k: &str| {
            own.and_then(|x| x.items.iter().find(|i| i.key.value == k))
                .and_then(|i| base(&i.value.value, root.plan))
        };
        let total: Decimal = sums.iter().map(|x| x.2).sum();
        let mut rows: Vec<Row> = sums
            .iter()
            .map(|(k, label, v)| {
                let mut cells = vec![cell(label.clone()), cell(b.scale.amount(*v))];
                if own.is_some() {
                    let o = own_of(k);
                    cells.push(cell(b.money(o)));
                    cells.push(cell(b.gap(Some(*v), o)));
                }
                Row {
                    cells,
                    kind: "body",
                    depth: 0,
                }
            })
            .collect();
        let mut cells = vec![cell(l.get("rollup.sum")), cell(b.scale.amount(total))];
        let mut columns = vec![
            col(l.get("rollup.item"), "left", 4),
            col(l.get("rollup.sum"), "right", 2),
        ];
        if let Some(own) = own {
            let own_total: Option<Decimal> = own
                .items
                .iter()
                .map(|i| base(&i.value.value, root.plan))
                .sum();
            cells.push(cell(b.money(own_total)));
            cells.push(cell(b.gap(Some(total), own_total)));
            columns.push(col(l.get("rollup.own"), "right", 2));
            columns.push(col(l.get("rollup.gap"), "right", 2));
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

/// An item's display name: its `name`, else the product or region it refers to.
fn item_label(plan: &Plan, dim: &str, key: &str, name: Option<&str>) -> String {
    if let Some(n) = name {
        return n.to_owned();
    }
    let found = match dim {
        "product" => plan
            .products
            .iter()
            .find(|p| p.id.as_str() == key)
            .map(|p| p.name.clone()),
        "region" | "province" => plan
            .regions
            .iter()
            .find(|r| r.id.as_str() == key)
            .map(|r| r.name.clone()),
        _ => None,
    };
    found.unwrap_or_else(|| key.to_owned())
}
