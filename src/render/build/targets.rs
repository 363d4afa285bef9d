//! Targets and their breakdowns (tables, totals, shares, charts), SMART goals and KPIs.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn targets(&mut self) -> Option<Node> {
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

    pub(super) fn column(&self, key: &str, align: &'static str, weight: u8) -> Column {
        Column {
            label: self.col(key),
            align,
            weight,
            ..Default::default()
        }
    }

    /// Tables (and charts) for the breakdowns of `value`, nested ones inline when an
    /// item has exactly one, as separate tables otherwise.
    pub(super) fn breakdowns(
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
                        ..Default::default()
                    },
                    Column {
                        label: self.col_unit("target", &style),
                        align: "right",
                        weight: 2,
                        ..Default::default()
                    },
                    self.column("share", "right", 1),
                    Column {
                        label: self.col_unit("last_year", &style),
                        align: "right",
                        weight: 2,
                        ..Default::default()
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
            let share_col = self.col("share");
            if table.rows.iter().any(|r| r.depth > 0)
                && table.columns.iter().any(|c| c.label == share_col)
            {
                // Group rows give their share of the total, indented rows theirs within
                // the group: say so, or the column reads as one thing.
                table.note = Some(self.t("note.share_within_group"));
            }
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

    pub(super) fn breakdown_rows<'p>(
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

    pub(super) fn total_row(
        &self,
        parent: &Quantity,
        b: &Breakdown,
        style: &ValueStyle,
        table: &mut Table,
    ) {
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

    pub(super) fn next_chart_id(&mut self) -> String {
        self.charts += 1;
        format!("chart-{}", self.charts)
    }

    /// `图3　华东大区年度销售指标：按省市分解（亿元）`.
    pub(super) fn captioned(&self, c: Chart) -> Chart {
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

    pub(super) fn breakdown_charts(
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

    pub(super) fn chart_data(
        &self,
        parent: &Quantity,
        items: &[&BreakdownItem],
        style: &ValueStyle,
    ) -> Option<Vec<Datum>> {
        if items.len() < 2 {
            return None;
        }
        let parent_base = self.n.base(parent);
        // Bars are measured in the unit the axis is labelled in (the table's scale).
        let per = match style {
            ValueStyle::Money(s) => s.factor(),
            ValueStyle::Plain => Decimal::ONE,
        };
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
                    magnitude: (base / per).to_f64().unwrap_or(0.0),
                    span: None,
                })
            })
            .collect()
    }

    pub(super) fn smart(&self) -> Option<Node> {
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

    pub(super) fn kpi_target(&self, k: &Kpi) -> String {
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
    pub(super) fn kpi_table(&self, kpis: &[&Kpi]) -> Option<Table> {
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

    pub(super) fn kpis_of(&self, kpis: &[Kpi]) -> Option<Table> {
        self.kpi_table(&kpis.iter().collect::<Vec<_>>())
    }

    pub(super) fn kpis_section(&self) -> Option<Node> {
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
}
