//! The consolidated report of an organisation (`planc render DIR --rollup`): the root
//! plan's targets with, for each child plan, what was allocated against what it plans,
//! the org tree, the children's breakdowns added up by dimension, and links to every
//! child's report. Built as an ordinary [`Report`], so Markdown, HTML and DOCX follow.

mod products;
mod summary;

use products::{item_label, rolled_up};

use rust_decimal::Decimal;

use super::chart::{Chart, ChartKind, Datum};
use super::view::{Body, Captioned, Cell, Column, Figure, Measure, Report, Row, Section, Table};
use super::{Input, Labels, Renderer};
use crate::model::{dimension, BreakdownItem, Lang, Plan, Quantity, Target};
use crate::num::{self, Money};

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

    /// Every item this unit's child plans are expected to fill: all items, at any depth
    /// of its rolled-up target, of the dimension its children's items belong to — the
    /// six regions under the three region groups, not the three that have a plan — in
    /// the plan's order, each once.
    fn expected(&self) -> Vec<(&str, &BreakdownItem)> {
        let Some(t) = self.rolled_target() else {
            return Vec::new();
        };
        let mut all = Vec::new();
        flatten(&t.breakdowns, &mut all);
        let filled: Vec<&str> = self
            .children
            .iter()
            .filter_map(|c| c.item.as_deref())
            .collect();
        let mut dims: Vec<&str> = Vec::new();
        for (d, i) in &all {
            if filled.contains(&i.key.as_str()) && !dims.iter().any(|x| dimension::same(x, d)) {
                dims.push(d);
            }
        }
        let mut out: Vec<(&str, &BreakdownItem)> = Vec::new();
        for (d, i) in all {
            let wanted = dims.iter().any(|x| dimension::same(x, d));
            if wanted && !out.iter().any(|(_, o)| o.key.value == i.key.value) {
                out.push((d, i));
            }
        }
        out
    }

    /// The child plan filling `key`.
    fn child_for(&self, key: &str) -> Option<&OrgNode<'_>> {
        self.children
            .iter()
            .find(|c| c.item.as_deref() == Some(key))
    }
}

/// Every breakdown item at any depth with its dimension, depth first in plan order.
/// The items under which `keys` sit, when together those items are only part of
/// `target` (`西湖组` for the three representatives under 华东's 90,720): the count of
/// child plans is of that part, and says so.
fn within(plan: &Plan, target: &Target, keys: &[&str]) -> Vec<String> {
    let unit = plan.money_unit();
    let whole = target.value.value.base(unit);
    let mut sum = Some(Decimal::ZERO);
    let mut parents: Vec<String> = Vec::new();
    fn walk<'p>(
        bds: &'p [crate::model::Breakdown],
        parent: Option<&'p BreakdownItem>,
        keys: &[&str],
        found: &mut Vec<(Option<&'p BreakdownItem>, &'p BreakdownItem)>,
    ) {
        for bd in bds {
            for i in &bd.items {
                if keys.contains(&i.key.as_str()) {
                    found.push((parent, i));
                }
                walk(&i.breakdowns, Some(i), keys, found);
            }
        }
    }
    let mut found = Vec::new();
    walk(&target.breakdowns, None, keys, &mut found);
    for (parent, item) in found {
        sum = sum.zip(item.value.value.base(unit)).map(|(a, b)| a + b);
        if let Some(p) = parent {
            let name = p.name.clone().unwrap_or_else(|| p.key.value.clone());
            if !parents.contains(&name) {
                parents.push(name);
            }
        }
    }
    match (sum, whole) {
        (Some(s), Some(w)) if s < w => parents,
        _ => Vec::new(),
    }
}

fn flatten<'p>(bds: &'p [crate::model::Breakdown], out: &mut Vec<(&'p str, &'p BreakdownItem)>) {
    for bd in bds {
        for i in &bd.items {
            out.push((bd.dimension.as_str(), i));
            flatten(&i.breakdowns, out);
        }
    }
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        md: false,
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
    money: Money,
    lang: Lang,
}

impl Builder<'_> {
    fn money(&self, v: Option<Decimal>) -> String {
        v.map_or_else(|| "—".to_owned(), |v| self.money.amount(v))
    }
    fn gap(&self, planned: Option<Decimal>, allocated: Option<Decimal>) -> String {
        match (planned, allocated) {
            (Some(p), Some(a)) => self.signed(p - a),
            _ => "—".into(),
        }
    }
    /// A difference with its sign, in the document's money format: `+1,200`, `−980`, `0`.
    fn signed(&self, d: Decimal) -> String {
        let s = self.money.amount(d.abs());
        if s.trim_start_matches(['0', '.', ',']).is_empty() {
            s
        } else if d > Decimal::ZERO {
            format!("+{s}")
        } else {
            format!("{}{s}", num::MINUS)
        }
    }
    fn unit_note(&self) -> String {
        match self.lang {
            Lang::Zh => format!("金额单位：{}", self.money.scale.label()),
            Lang::En => format!("Amounts in {}", self.money.scale.label()),
        }
    }
    /// `3 / 6`: child plans written of those expected.
    fn count(&self, node: &OrgNode) -> String {
        let expected = node.expected();
        if expected.is_empty() {
            return if node.children.is_empty() {
                "—".into()
            } else {
                node.children.len().to_string()
            };
        }
        let planned = expected
            .iter()
            .filter(|(_, i)| node.child_for(&i.key.value).is_some())
            .count();
        let count = self.l.fmt(
            "rollup.count_of",
            &[
                ("n", &planned.to_string()),
                ("of", &expected.len().to_string()),
            ],
        );
        let keys: Vec<&str> = expected.iter().map(|(_, i)| i.key.as_str()).collect();
        let within = node
            .rolled_target()
            .map(|t| within(node.plan, t, &keys))
            .unwrap_or_default();
        if within.is_empty() {
            count
        } else {
            self.l.fmt(
                "rollup.count_within",
                &[
                    ("count", &count),
                    ("within", &within.join(&self.l.get("review.count_sep"))),
                ],
            )
        }
    }

    /// The org tree, depth first; under each unit, its expected items in its plan's
    /// order: the child plan that fills one, or the item named with its allocation.
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
                cell(self.count(node)),
            ],
            kind: if depth == 0 { "total" } else { "body" },
            depth,
        });
        let expected = node.expected();
        for (d, i) in &expected {
            match node.child_for(&i.key.value) {
                Some(c) => self.tree(c, depth + 1, rows),
                None => rows.push(Row {
                    cells: vec![
                        cell(item_label(node.plan, d, &i.key.value, i.name.as_deref())),
                        cell(self.l.get("rollup.no_plan")),
                        cell(self.money(base(&i.value.value, node.plan))),
                        cell("—"),
                        cell("—"),
                        cell("—"),
                        cell("—"),
                    ],
                    kind: "body",
                    depth: depth + 1,
                }),
            }
        }
        // Children filling something outside the expected items still appear.
        for c in &node.children {
            let listed = c
                .item
                .as_deref()
                .is_some_and(|k| expected.iter().any(|(_, i)| i.key.value == k));
            if !listed {
                self.tree(c, depth + 1, rows);
            }
        }
    }
}

/// Every amount the consolidated report shows, in 元: each unit's allocation and plan
/// and every breakdown item of the plans in the tree.
fn amounts_of(node: &OrgNode, out: &mut Vec<Decimal>) {
    out.extend(node.allocated);
    out.extend(node.planned);
    if let Some(t) = node.rolled_target() {
        out.extend(base(&t.value.value, node.plan));
        let mut all = Vec::new();
        flatten(&t.breakdowns, &mut all);
        out.extend(
            all.iter()
                .filter_map(|(_, i)| base(&i.value.value, node.plan)),
        );
    }
    for c in &node.children {
        amounts_of(c, out);
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
    // One money format for the whole document, from every amount it shows.
    let mut amounts = Vec::new();
    amounts_of(root, &mut amounts);
    let configured = input
        .record
        .config
        .unit_request()
        .over(root.plan.report_unit())
        .or_else(|| amounts.is_empty().then(|| root.plan.money_unit()));
    let b = Builder {
        l,
        money: Money::choose(&amounts, lang, configured),
        lang,
    };
    report.meta.money_unit = b.money.scale.label().to_owned();
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
            Column::new(l.get("rollup.unit"), "left", 4),
            Column::new(l.get("rollup.target"), "left", 4),
            Column::new(l.get("rollup.allocated"), "right", 2),
            Column::new(l.get("rollup.planned"), "right", 2),
            Column::new(l.get("rollup.gap"), "right", 2),
            Column::new(l.get("rollup.children_sum"), "right", 2),
            Column::new(l.get("rollup.count"), "right", 1),
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
    // 2. The root's children against their allocations, with a chart: every item the
    // root allocates, planned or not, so the allocations add up to the root's target.
    let own = root
        .rolled_target()
        .and_then(|t| base(&t.value.value, root.plan));
    let planned_sum: Option<Decimal> = root.children.iter().map(|c| c.planned).sum();
    let expected = root.expected();
    // (unit or item, allocated, planned — `None` for an item without a child plan).
    let mut lines: Vec<(String, Option<Decimal>, Option<Option<Decimal>>)> = Vec::new();
    for (d, i) in &expected {
        lines.push(match root.child_for(&i.key.value) {
            Some(c) => (c.name(), c.allocated, Some(c.planned)),
            None => (
                item_label(root.plan, d, &i.key.value, i.name.as_deref()),
                base(&i.value.value, root.plan),
                None,
            ),
        });
    }
    for c in &root.children {
        let listed = c
            .item
            .as_deref()
            .is_some_and(|k| expected.iter().any(|(_, i)| i.key.value == k));
        if !listed {
            lines.push((c.name(), c.allocated, Some(c.planned)));
        }
    }
    let allocated_sum: Option<Decimal> = lines.iter().map(|x| x.1).sum();
    let gap_sum: Option<Decimal> = lines
        .iter()
        .filter_map(|x| Some((x.1, x.2?)))
        .map(|(a, p)| Some(p? - a?))
        .sum();
    let mut child_rows: Vec<Row> = lines
        .iter()
        .map(|(name, a, p)| Row {
            cells: vec![
                cell(name.clone()),
                cell(b.money(*a)),
                match p {
                    Some(p) => cell(b.money(*p)),
                    None => cell(l.get("rollup.not_planned")),
                },
                cell(p.map_or_else(|| "—".into(), |p| b.gap(p, *a))),
            ],
            kind: "body",
            depth: 0,
        })
        .collect();
    child_rows.push(Row {
        cells: vec![
            cell(l.get("rollup.total")),
            cell(b.money(allocated_sum)),
            cell(b.money(planned_sum)),
            cell(gap_sum.map_or_else(|| "—".into(), |g| b.signed(g))),
        ],
        kind: "total",
        depth: 0,
    });
    let mut figures = vec![
        Figure {
            label: l.get("rollup.root_target"),
            value: b.money.money(own.unwrap_or_default()),
            note: None,
        },
        Figure {
            label: l.get("rollup.planned_count"),
            value: b.count(root),
            note: None,
        },
        Figure {
            label: l.get("rollup.planned_sum"),
            value: planned_sum.map_or_else(|| "—".into(), |p| b.money.money(p)),
            note: None,
        },
    ];
    if let (Some(own), Some(p)) = (own, planned_sum) {
        figures.push(Figure {
            label: l.get("rollup.unplanned"),
            value: b.money.money(own - p),
            note: num::percent_of(own - p, own).map(num::pct),
        });
    }
    // The chart's shares are of the root's own target, which its caption names.
    // In the table's order.
    let mut ordered: Vec<&OrgNode> = expected
        .iter()
        .filter_map(|(_, i)| root.child_for(&i.key.value))
        .collect();
    for c in &root.children {
        if !ordered.iter().any(|o| std::ptr::eq(*o, c)) {
            ordered.push(c);
        }
    }
    let data: Vec<Datum> = ordered
        .into_iter()
        .filter_map(|c| {
            let v = c.planned?;
            Some(Datum {
                key: c.plan.id.value.clone(),
                label: c.name(),
                value: b.money.amount(v),
                share: own.and_then(|o| num::percent_of(v, o)).map(num::pct),
                magnitude: (v / b.money.scale.factor()).try_into().unwrap_or(0.0),
                span: None,
            })
        })
        .collect();
    let chart = (!data.is_empty()).then(|| {
        let whole = own.map_or_else(|| "—".into(), |o| b.money.money(o));
        let unit = b.money.scale.label().to_owned();
        let title = l.fmt("rollup.chart", &[("whole", &whole), ("unit", &unit)]);
        let caption = l.fmt("doc.caption", &[("n", "1"), ("title", &title)]);
        Chart::new("chart-1".into(), title, ChartKind::Bar, unit, data).with_caption(caption)
    });
    push(
        l.get("rollup.children"),
        Body::Budget {
            figures,
            table: Some(Table {
                columns: vec![
                    Column::new(l.get("rollup.unit"), "left", 4),
                    Column::new(l.get("rollup.allocated"), "right", 2).measuring(Measure::Money),
                    Column::new(l.get("rollup.planned"), "right", 2).measuring(Measure::Money),
                    Column::new(l.get("rollup.gap"), "right", 2).measuring(Measure::Money),
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
    let (tables, partial) = rolled_up(&b, root, &input.record.config.aliases);
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
    // The link reads as words; the file it points to is the link's target, not text.
    fn plans(node: &OrgNode, depth: u8, rows: &mut Vec<Row>, open: &str) {
        let link = match &node.href {
            Some(h) => Cell {
                text: format!("[{open}]({h})"),
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
            plans(c, depth + 1, rows, open);
        }
    }
    plans(root, 0, &mut rows, &l.get("rollup.open"));
    push(
        l.get("rollup.plans"),
        Body::Reference {
            tables: vec![Captioned {
                caption: String::new(),
                table: Table {
                    columns: vec![
                        Column::new(l.get("rollup.plan"), "left", 5),
                        Column::new(l.get("rollup.owner"), "left", 2),
                        Column::new(l.get("rollup.report"), "left", 5),
                    ],
                    rows,
                    note: None,
                },
            }],
        },
        &mut sections,
    );
    // The executive summary opens the document.
    if let Some(summary) = summary::summary(&b, root) {
        sections.insert(0, Section::summary(l.get("rollup.summary_title"), summary));
    }
    sections.extend(checks);
    report.sections = sections;
    report
}
