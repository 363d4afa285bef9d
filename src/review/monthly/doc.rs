//! The monthly report as a view-model [`Report`]: the summary page first (headline, red
//! items, largest gaps to pace), the ranking with its chart, the cumulative curves, the
//! units under each region, month by month, and the definitions. Built once, so
//! Markdown, HTML, DOCX and PDF all follow (`Renderer::render`).

use rust_decimal::Decimal;

use super::chart::{self, CumLegend, CumPoint, RankBar, RankLegend};
use super::{calc, Monthly, Phasing, Unit};
use crate::actuals::period::PeriodKey;
use crate::model::{Lang, Plan};
use crate::num::{self, Money};
use crate::render::figures::{Block, Cell, Figures, Row};
use crate::render::view::{Body, Column, Pair, Report, Section};
use crate::review::compute::{points_number, POINTS_DP};
use crate::t;

/// How figures are written: one money format for the whole document.
pub struct Words {
    pub money: Money,
    pub lang: Lang,
}

impl Words {
    pub fn amount(&self, v: Option<Decimal>) -> String {
        v.map_or_else(|| "—".into(), |v| self.money.amount(v))
    }
    pub fn money(&self, v: Option<Decimal>) -> String {
        v.map_or_else(|| "—".into(), |v| self.money.money(v))
    }
    /// The sign an amount is written with: none when it shows as zero.
    fn sign(&self, v: Decimal) -> &'static str {
        if self
            .money
            .amount(v.abs())
            .trim_start_matches(['0', '.', ','])
            .is_empty()
        {
            ""
        } else if v.is_sign_negative() {
            "\u{2212}"
        } else {
            "+"
        }
    }
    pub fn signed(&self, v: Option<Decimal>) -> String {
        v.map_or_else(
            || "—".into(),
            |v| format!("{}{}", self.sign(v), self.money.amount(v.abs())),
        )
    }
    /// A signed amount with its unit: `+2,000万元`, `−1,400万元`, `−CNY 14.00m`.
    pub fn signed_money(&self, v: Option<Decimal>) -> String {
        v.map_or_else(
            || "—".into(),
            |v| format!("{}{}", self.sign(v), self.money.money(v.abs())),
        )
    }
    /// A note after a name, in the document's language: `王磊（…）`, `Wang Lei (…)`.
    pub fn aside(&self, s: &str, note: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{s}（{note}）"),
            Lang::En => format!("{s} ({note})"),
        }
    }
    pub fn pct(&self, v: Option<Decimal>) -> String {
        v.map_or_else(|| "—".into(), |v| format!("{}%", num::fixed(v, 1)))
    }
    pub fn signed_pct(&self, v: Option<Decimal>) -> String {
        v.map_or_else(
            || "—".into(),
            |v| num::signed_pct(v, 1).replace('-', "\u{2212}"),
        )
    }
    pub fn points(&self, v: Option<Decimal>) -> String {
        v.map_or_else(|| "—".into(), |v| points_number(v).replace('-', "\u{2212}"))
    }
}

/// A column. No weight: every table here has one left-aligned column, the only one
/// that takes a share of the width (the others fit their figures), so it takes all of it.
fn col(label: String, align: &'static str) -> Column {
    Column {
        label,
        align,
        ..Default::default()
    }
}

fn row(cells: Vec<Cell>, kind: &'static str, depth: u8) -> Row {
    Row { cells, kind, depth }
}

/// The month's number (1–12) of the last closed month, for titles.
fn month_no(m: &Monthly) -> String {
    use chrono::Datelike;
    m.as_of.month().to_string()
}

/// The headline sentence of a unit.
/// A light's threshold as the config gives it: `90%`, `92.5%`.
fn threshold(v: Decimal) -> String {
    format!("{}%", v.normalize())
}

pub fn headline(m: &Monthly, u: &Unit, w: &Words) -> String {
    let f = &u.figures;
    let Some(actual) = f.actual else {
        return t!(
            "monthly-headline-none",
            unit = u.name.as_str(),
            date = m.as_of.to_string()
        );
    };
    let ahead = f.points_phased.unwrap_or_default() >= Decimal::ZERO;
    t!(
        "monthly-headline",
        unit = u.name.as_str(),
        date = m.as_of.to_string(),
        actual = w.money(Some(actual)),
        attainment = w.pct(f.attainment),
        time = w.pct(Some(f.time_pace)),
        phased = w.pct(f.phased_pace),
        ahead = if ahead { "ahead" } else { "behind" },
        points = num::fixed(f.points_phased.unwrap_or_default().abs(), POINTS_DP),
        yoy = w.signed_pct(f.yoy),
        mom = w.signed_pct(f.mom),
        fphased = w.money(f.forecast_phased),
        flinear = w.money(f.forecast_linear)
    )
}

fn light_cell(u: &Unit, w: &Words) -> Cell {
    let text = w.pct(u.figures.attainment_to_date);
    match u.light.as_str() {
        "none" => Cell::text(text),
        l => Cell::light(text, l),
    }
}

/// The columns of a ranking table.
fn rank_columns() -> Vec<Column> {
    vec![
        col(t!("monthly-col-rank"), "right"),
        col(t!("monthly-col-unit"), "left"),
        col(t!("monthly-col-actual"), "right"),
        col(t!("monthly-col-attainment"), "right"),
        col(t!("monthly-col-phased-pace"), "right"),
        col(t!("monthly-col-points-short"), "right"),
        col(t!("monthly-col-to-date"), "right"),
        col(t!("monthly-col-gap-short"), "right"),
        col(t!("monthly-col-yoy"), "right"),
        col(t!("monthly-col-mom"), "right"),
    ]
}

fn rank_row(u: &Unit, w: &Words, kind: &'static str) -> Row {
    let f = &u.figures;
    let name = if u.has_actuals || u.plan.is_none() {
        u.name.clone()
    } else {
        w.aside(&u.name, &t!("monthly-no-actuals"))
    };
    row(
        vec![
            Cell::text(u.rank.map_or_else(|| "—".into(), |r| r.to_string())),
            Cell::text(name),
            Cell::text(w.amount(f.actual)),
            Cell::text(w.pct(f.attainment)),
            Cell::text(w.pct(f.phased_pace)),
            Cell::signed(w.points(f.points_phased)),
            light_cell(u, w),
            Cell::signed(w.signed(f.gap)),
            Cell::signed(w.signed_pct(f.yoy)),
            Cell::signed(w.signed_pct(f.mom)),
        ],
        kind,
        0,
    )
}

fn ranking_block(m: &Monthly, parent: usize, w: &Words, chart_no: &mut usize) -> Block {
    let p = &m.units[parent];
    let kids = m.ranked_children(parent);
    let mut rows: Vec<Row> = kids
        .iter()
        .map(|&k| rank_row(&m.units[k], w, "body"))
        .collect();
    let mut total = rank_row(p, w, "total");
    total.cells[0] = Cell::text("");
    // The parent's row is 合计 only when its units add up to it; otherwise (the units are
    // part of the parent, as a team's representatives are of their region) it is named.
    let sum = kids
        .iter()
        .map(|&k| m.units[k].figures.actual)
        .sum::<Option<Decimal>>();
    total.cells[1] = Cell::text(if sum.is_some() && sum == p.figures.actual {
        t!("monthly-total")
    } else {
        t!("monthly-parent-row", unit = p.name.as_str())
    });
    rows.push(total);
    let bars: Vec<RankBar> = kids
        .iter()
        .map(|&k| &m.units[k])
        .filter_map(|u| {
            Some(RankBar {
                key: u.id.clone(),
                label: u.name.clone(),
                attainment: u.figures.attainment?,
                phased_pace: u.figures.phased_pace,
                text: w.pct(u.figures.attainment),
                light: u.light.as_str(),
            })
        })
        .collect();
    *chart_no += 1;
    let title = t!("monthly-chart-ranking", unit = p.name.as_str());
    let caption = t!("monthly-caption", n = *chart_no, title = title.as_str());
    let chart = chart::ranking(
        &format!("chart-{chart_no}"),
        title,
        caption,
        &bars,
        p.figures.time_pace,
        &RankLegend {
            time_pace: t!(
                "monthly-legend-time-pace",
                pace = w.pct(Some(p.figures.time_pace))
            ),
            phased_pace: t!("monthly-legend-phased-pace"),
            lights: vec![
                ("green", t!("monthly-legend-green")),
                ("amber", t!("monthly-legend-amber")),
                ("red", t!("monthly-legend-red")),
            ],
            unlit: t!("monthly-legend-unlit"),
        },
    );
    if chart.is_none() {
        *chart_no -= 1;
    }
    let mut b = Block {
        caption: Some(t!("monthly-ranking-caption", unit = p.name.as_str())),
        columns: rank_columns(),
        rows,
        note: Some(t!(
            "monthly-ranking-note",
            unit = w.money.scale.label(),
            time = w.pct(Some(p.figures.time_pace))
        )),
        highlights: Vec::new(),
        chart,
    };
    b.align_decimals();
    b
}

fn cumulative_block(m: &Monthly, i: usize, w: &Words, chart_no: &mut usize) -> Option<Block> {
    let u = &m.units[i];
    if !u.has_actuals {
        return None;
    }
    let pp = &m.period;
    let mut cum = Some(Decimal::ZERO);
    let mut points = Vec::new();
    let mut rows = Vec::new();
    for k in 0..pp.months {
        let target = calc::phased_to_date(
            pp,
            u.inputs.annual,
            u.inputs.split.as_deref(),
            pp.month_end(k),
        );
        let closed = k < u.figures.closed;
        let month = u.inputs.months.get(k as usize).copied().flatten();
        let actual = if closed {
            cum = cum.zip(month).map(|(a, b)| a + b);
            cum
        } else {
            None
        };
        let label = t!(
            "monthly-month",
            n = pp.month_start(k).format("%-m").to_string()
        );
        points.push(CumPoint {
            label: label.clone(),
            target,
            actual,
        });
        if closed {
            let ly = u.inputs.last_year.get(k as usize).copied().flatten();
            let prev = k
                .checked_sub(1)
                .and_then(|p| u.inputs.months.get(p as usize).copied().flatten());
            rows.push(row(
                vec![
                    Cell::text(PeriodKey::Month(k).label(pp)),
                    Cell::text(w.amount(month)),
                    Cell::text(w.amount(ly)),
                    Cell::signed(w.signed_pct(month.zip(ly).and_then(|(a, l)| calc::growth(a, l)))),
                    Cell::signed(
                        w.signed_pct(month.zip(prev).and_then(|(a, l)| calc::growth(a, l))),
                    ),
                    Cell::text(w.amount(actual)),
                    Cell::text(w.amount(Some(target))),
                    Cell::text(w.pct(actual.and_then(|a| calc::percent(a, target)))),
                ],
                "body",
                0,
            ));
        }
    }
    *chart_no += 1;
    let title = t!("monthly-chart-cumulative", unit = u.name.as_str());
    let caption = t!(
        "monthly-caption-unit",
        n = *chart_no,
        title = title.as_str(),
        unit = w.money.scale.label()
    );
    let chart = chart::cumulative(
        &format!("chart-{chart_no}"),
        title,
        caption,
        w.money.scale.label().to_owned(),
        w.money.scale.factor(),
        &points,
        &CumLegend {
            target: t!("monthly-legend-target"),
            actual: t!("monthly-legend-actual"),
        },
    );
    if chart.is_none() {
        *chart_no -= 1;
    }
    let mut b = Block {
        caption: Some(u.name.clone()),
        columns: vec![
            col(t!("monthly-col-month"), "left"),
            col(t!("monthly-col-month-actual"), "right"),
            col(t!("monthly-col-last-year"), "right"),
            col(t!("monthly-col-yoy"), "right"),
            col(t!("monthly-col-mom"), "right"),
            col(t!("monthly-col-cum-actual"), "right"),
            col(t!("monthly-col-cum-target"), "right"),
            col(t!("monthly-col-to-date"), "right"),
        ],
        rows,
        note: Some(t!(
            "monthly-months-note",
            unit = w.money.scale.label(),
            phasing = phasing_text(u.phasing)
        )),
        highlights: Vec::new(),
        chart,
    };
    b.align_decimals();
    Some(b)
}

fn phasing_text(p: Phasing) -> String {
    match p {
        Phasing::Quarter => t!("monthly-phasing-quarter"),
        Phasing::Month => t!("monthly-phasing-month"),
        Phasing::Parent => t!("monthly-phasing-parent"),
        Phasing::Linear => t!("monthly-phasing-linear"),
    }
}

/// The summary page of one root: its key figures, the red units, the largest gaps.
fn summary_block(m: &Monthly, root: usize, w: &Words) -> Figures {
    let u = &m.units[root];
    let f = &u.figures;
    let pair =
        |label: String, value: String| row(vec![Cell::text(label), Cell::text(value)], "body", 0);
    let rows = vec![
        pair(t!("monthly-col-annual"), w.money(Some(u.inputs.annual))),
        pair(t!("monthly-col-actual"), w.money(f.actual)),
        pair(t!("monthly-col-attainment"), w.pct(f.attainment)),
        pair(t!("monthly-col-time-pace"), w.pct(Some(f.time_pace))),
        pair(t!("monthly-col-phased-pace"), w.pct(f.phased_pace)),
        pair(t!("monthly-col-phased"), w.money(Some(f.phased_to_date))),
        pair(t!("monthly-col-to-date"), w.pct(f.attainment_to_date)),
        pair(t!("monthly-col-points"), w.points(f.points_phased)),
        pair(t!("monthly-col-gap"), w.signed_money(f.gap)),
        pair(t!("monthly-col-yoy"), w.signed_pct(f.yoy)),
        pair(t!("monthly-col-mom"), w.signed_pct(f.mom)),
        pair(
            t!("monthly-col-forecast-phased"),
            w.money(f.forecast_phased),
        ),
        pair(
            t!("monthly-col-forecast-linear"),
            w.money(f.forecast_linear),
        ),
    ];
    // Red units, and the largest gaps to pace, anywhere under the root.
    let mut under = Vec::new();
    let mut stack = vec![root];
    while let Some(i) = stack.pop() {
        for &c in &m.units[i].children {
            under.push(c);
            stack.push(c);
        }
    }
    under.sort_unstable();
    let red: Vec<String> = under
        .iter()
        .map(|&i| &m.units[i])
        .filter(|u| u.light.as_str() == "red")
        .map(|u| format!("{} {}", u.name, w.pct(u.figures.attainment_to_date)))
        .collect();
    let mut gaps: Vec<&Unit> = under
        .iter()
        .map(|&i| &m.units[i])
        .filter(|u| u.figures.gap.is_some_and(|g| g < Decimal::ZERO))
        .collect();
    gaps.sort_by_key(|u| (u.figures.gap, u.level));
    let gaps: Vec<String> = gaps
        .iter()
        .take(5)
        .map(|u| {
            w.aside(
                &format!("{} {}", u.name, w.signed_money(u.figures.gap)),
                &t!("monthly-points", points = w.points(u.figures.points_phased)),
            )
        })
        .collect();
    let none = t!("monthly-none");
    let highlights = vec![
        t!(
            "monthly-red",
            amber = threshold(m.thresholds.amber),
            list = if red.is_empty() {
                none.clone()
            } else {
                red.join(&t!("monthly-list-sep"))
            }
        ),
        t!(
            "monthly-gaps",
            list = if gaps.is_empty() {
                none
            } else {
                gaps.join(&t!("monthly-list-sep"))
            }
        ),
    ];
    let mut b = Block {
        caption: None,
        columns: vec![
            col(t!("monthly-col-figure"), "left"),
            col(t!("monthly-col-value"), "right"),
        ],
        rows,
        note: Some(t!("monthly-summary-note")),
        highlights,
        chart: None,
    };
    b.align_decimals();
    Figures {
        intro: Some(headline(m, u, w)),
        blocks: vec![b],
    }
}

/// The report's period: the plan period's first month to the month of the report date,
/// `2026年1–9月`, `January–September 2026`.
fn period_text(m: &Monthly) -> String {
    use chrono::Datelike;
    let from = m.period.month_start(0).max(m.period.start);
    let to = m.as_of.min(m.period.end).max(from);
    let name = |d: chrono::NaiveDate| d.format("%B").to_string();
    if (from.year(), from.month()) == (to.year(), to.month()) {
        t!(
            "monthly-period-one",
            year = to.year().to_string(),
            month = to.month().to_string(),
            name = name(to)
        )
    } else if from.year() == to.year() {
        t!(
            "monthly-period",
            year = to.year().to_string(),
            from = from.month().to_string(),
            to = to.month().to_string(),
            fromname = name(from),
            toname = name(to)
        )
    } else {
        t!(
            "monthly-period-span",
            fromyear = from.year().to_string(),
            from = from.month().to_string(),
            fromname = name(from),
            year = to.year().to_string(),
            to = to.month().to_string(),
            toname = name(to)
        )
    }
}

/// The report's own cover: its kind, organisation, period, date of the data and the plan
/// it is measured against. The plan's status, issue date and sign-off are the plan's, not
/// this report's, and stay off it.
fn cover(m: &Monthly, base: &mut Report, plan: &Plan, w: &Words) {
    let r = &m.units[m.roots().next().unwrap_or(0)];
    let period = period_text(m);
    let meta = &mut base.meta;
    meta.title = t!(
        "monthly-title",
        unit = r.name.as_str(),
        year = m.as_of.format("%Y").to_string(),
        month = month_no(m),
        name = m.as_of.format("%B").to_string()
    );
    meta.kind_label = t!("monthly-kind");
    meta.status = "final";
    meta.status_label = String::new();
    meta.owner = None;
    meta.org_unit = Some(r.name.clone()).filter(|n| meta.company.as_deref() != Some(n.as_str()));
    meta.issue_date = None;
    meta.approvals.clear();
    meta.period = period.clone();
    meta.date = Some(m.as_of.to_string());
    meta.money_unit = w.money.scale.label().to_owned();
    let pair = |label: String, value: String| Pair { label, value };
    let mut rows = vec![pair(t!("monthly-cover-kind"), t!("monthly-kind"))];
    if let Some(u) = &meta.org_unit {
        rows.push(pair(t!("monthly-cover-org"), u.clone()));
    }
    rows.push(pair(t!("monthly-cover-period"), period));
    rows.push(pair(t!("monthly-cover-as-of"), m.as_of.to_string()));
    rows.push(pair(t!("monthly-cover-plan"), plan.title.value.clone()));
    rows.push(pair(
        t!("monthly-cover-unit"),
        crate::render::build::cover_unit(
            plan.currency.as_deref().unwrap_or("CNY"),
            w.money.scale.label(),
        ),
    ));
    if let Some(note) = &meta.money_note {
        rows.push(pair(t!("monthly-cover-rounding"), note.clone()));
    }
    base.cover = rows;
    base.memo.clear();
}

/// Builds the report. `base` is the renderer's report of the root plan (validation
/// record); its cover is replaced by the report's own and its plan sections by the
/// report's.
pub fn report(m: &Monthly, mut base: Report, plan: &Plan, money: Money, lang: Lang) -> Report {
    let w = Words { money, lang };
    let Some(root) = m.roots().next() else {
        return base;
    };
    let r = &m.units[root];
    cover(m, &mut base, plan, &w);
    let appendix = match lang {
        Lang::Zh => "附录A",
        Lang::En => "Appendix A",
    };
    let checks: Vec<Section> = base
        .sections
        .drain(..)
        .filter(|s| matches!(s.body, Body::Checks { .. }))
        .map(|mut s| {
            s.number = appendix.into();
            s.heading = Section::make_heading(&s.number, &s.title, s.level, true, base.lang);
            s
        })
        .collect();
    let mut sections: Vec<Section> = Vec::new();
    let push = |title: String, body: Body, sections: &mut Vec<Section>| {
        let n = match lang {
            Lang::Zh => num::zh_numeral(sections.len() + 1),
            Lang::En => (sections.len() + 1).to_string(),
        };
        sections.push(Section {
            anchor: format!("s-{}", sections.len() + 1),
            heading: Section::make_heading(&n, &title, 1, false, base.lang),
            number: n,
            title,
            subtitle: None,
            level: 1,
            appendix: false,
            body,
        });
    };
    let mut chart_no = 0;
    push(
        t!("monthly-s-summary"),
        Body::Review(summary_block(m, root, &w)),
        &mut sections,
    );
    // Ranking: the root's children, then each child's own (representatives in a region).
    let mut blocks = Vec::new();
    if !r.children.is_empty() {
        blocks.push(ranking_block(m, root, &w, &mut chart_no));
    }
    push(
        t!("monthly-s-ranking"),
        Body::Review(Figures {
            intro: None,
            blocks,
        }),
        &mut sections,
    );
    let mut blocks = Vec::new();
    for i in std::iter::once(root).chain(m.ranked_children(root)) {
        if let Some(b) = cumulative_block(m, i, &w, &mut chart_no) {
            blocks.push(b);
        }
    }
    push(
        t!("monthly-s-progress"),
        Body::Review(Figures {
            intro: None,
            blocks,
        }),
        &mut sections,
    );
    let mut blocks = Vec::new();
    for c in m.ranked_children(root) {
        if !m.units[c].children.is_empty() {
            blocks.push(ranking_block(m, c, &w, &mut chart_no));
        }
    }
    if !blocks.is_empty() {
        push(
            t!("monthly-s-units"),
            Body::Review(Figures {
                intro: None,
                blocks,
            }),
            &mut sections,
        );
    }
    push(
        t!("monthly-s-method"),
        Body::Text {
            text: t!(
                "monthly-method",
                dp = POINTS_DP,
                green = threshold(m.thresholds.green),
                amber = threshold(m.thresholds.amber)
            ),
        },
        &mut sections,
    );
    sections.extend(checks);
    base.sections = sections;
    base
}
