//! The timeline (phases, milestones) and its Gantt chart.

use super::*;

/// Axis ticks and the row of year labels under them.
type Ticks = (Vec<(f64, String)>, Vec<(f64, String)>);

impl<'a> Builder<'a> {
    pub(super) fn phase_when(&self, p: &Phase) -> Option<String> {
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
    pub(super) fn launch_month(&self, n: i32) -> String {
        let abs = n.unsigned_abs().to_string();
        match n {
            n if n < 0 => self.l.fmt("doc.month_before", &[("n", &abs)]),
            0 => self.t("doc.month_at"),
            _ => self.l.fmt("doc.month_after", &[("n", &abs)]),
        }
    }

    /// A tick at the first day of every month from `lo` to `hi` (days after `lo`),
    /// every third month on a timeline longer than two years; and the years under
    /// them (at the first tick and at every January).
    fn month_ticks(&self, lo: chrono::NaiveDate, hi: chrono::NaiveDate) -> Ticks {
        use chrono::Datelike;
        let months = (hi.year() - lo.year()) * 12 + hi.month() as i32 - lo.month() as i32;
        let step = if months > 24 { 3 } else { 1 };
        let (mut ticks, mut years) = (Vec::new(), Vec::new());
        let mut m = lo.with_day(1).unwrap_or(lo);
        let mut i = 0;
        while m <= hi {
            let at = (m - lo).num_days().max(0) as f64;
            if i % step == 0 {
                let label = match self.l.lang {
                    Lang::Zh => format!("{}月", m.month()),
                    Lang::En => m.format("%b").to_string(),
                };
                ticks.push((at, label));
            }
            if i == 0 || m.month() == 1 {
                let year = match self.l.lang {
                    Lang::Zh => format!("{}年", m.year()),
                    Lang::En => m.year().to_string(),
                };
                years.push((at, year));
            }
            i += 1;
            m = match m.checked_add_months(chrono::Months::new(1)) {
                Some(next) => next,
                None => break,
            };
        }
        (ticks, years)
    }

    pub(super) fn timeline(&mut self) -> Option<Node> {
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
    pub(super) fn gantt(&mut self) -> Option<Chart> {
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
        type Axis = (Vec<(f64, f64)>, (String, String), Ticks);
        let (spans, axis, ticks): Axis = if let Some(d) = dates {
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
            (
                spans,
                (lo.to_string(), hi.to_string()),
                self.month_ticks(lo, hi),
            )
        } else if let Some(w) = weeks {
            let lo = w.iter().map(|x| x.0).min()?;
            let hi = w.iter().map(|x| x.1).max()?;
            let spans: Vec<(f64, f64)> = w
                .iter()
                .map(|(a, b)| (f64::from(*a) - 1.0, f64::from(*b)))
                .collect();
            // A tick at the start of each phase.
            let mut starts: Vec<u32> = w.iter().map(|x| x.0).collect();
            starts.sort_unstable();
            starts.dedup();
            let ticks: Vec<(f64, String)> = starts
                .into_iter()
                .map(|n| {
                    (
                        f64::from(n) - 1.0,
                        self.l.fmt("doc.week", &[("n", &n.to_string())]),
                    )
                })
                .collect();
            (
                spans,
                (
                    self.l.fmt("doc.week", &[("n", &lo.to_string())]),
                    self.l.fmt("doc.week", &[("n", &hi.to_string())]),
                ),
                (ticks, Vec::new()),
            )
        } else if let Some(m) = months {
            let lo = m.iter().map(|x| x.0).min()?;
            let hi = m.iter().map(|x| x.1).max()?;
            let spans = m
                .iter()
                .map(|(a, b)| (f64::from(*a), f64::from(*b)))
                .collect();
            // A tick per month relative to the launch.
            let ticks = (lo..=hi)
                .map(|n| (f64::from(n), self.launch_month(n)))
                .collect();
            (
                spans,
                (self.launch_month(lo), self.launch_month(hi)),
                (ticks, Vec::new()),
            )
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
        .with_axis(axis.0, axis.1)
        .with_ticks(ticks.0, ticks.1);
        Some(self.captioned(c))
    }

    // ----- narrative topics -------------------------------------------------------
}
