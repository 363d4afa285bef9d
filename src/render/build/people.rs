//! Accounts, duties of people, cases.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn accounts(&self) -> Option<Node> {
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

    pub(super) fn duties(&self) -> Option<Node> {
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

    pub(super) fn cases(&self) -> Option<Node> {
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
}
