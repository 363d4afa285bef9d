//! The documents planc renders for the bundled examples, checked through the view-model
//! they are written from: every table's relative figures are of the whole its header
//! names, totals are their rows, each column has one number of decimals, and no
//! section is empty. What the reader sees in Markdown, HTML, DOCX and PDF is this
//! view-model written out.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use planc::config::Config;
use planc::render::view::{Body, Column, Measure, Report};

use crate::printed::{summary_section, unbacked};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// What `planc ARGS` prints on stdout; it must succeed.
fn stdout_of(args: &[&str]) -> String {
    let out = crate::util::planc_env().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The review of the bundled example, as the report writes it.
fn review_view() -> (planc::review::Review, Report) {
    let path = examples().join("review.plan.yaml");
    let config = Config::discover(&path).unwrap();
    let outcome = planc::review::run(
        &planc::review::Request {
            path: &path,
            actuals: &[],
            as_of: None,
            config: &config,
            report_missing: true,
        },
        false,
    );
    let review = outcome.review.clone().expect("the example review computes");
    let (_, report) = planc::review::report::build(&outcome, &config).unwrap();
    (review, report)
}

/// A table as the checks see it: columns, and rows of (kind, cell texts).
struct Grid {
    name: String,
    columns: Vec<Column>,
    rows: Vec<(&'static str, Vec<String>)>,
}

fn grids(report: &Report) -> Vec<Grid> {
    let mut out = Vec::new();
    for s in &report.sections {
        let mut push = |columns: &[Column], rows: Vec<(&'static str, Vec<String>)>| {
            out.push(Grid {
                name: s.heading.clone(),
                columns: columns.to_vec(),
                rows,
            })
        };
        match &s.body {
            Body::Review(f) => {
                for b in &f.blocks {
                    let rows = b
                        .rows
                        .iter()
                        .map(|r| (r.kind, r.cells.iter().map(|c| c.text.clone()).collect()))
                        .collect();
                    push(&b.columns, rows);
                }
            }
            Body::Reference { tables } => {
                for t in tables {
                    let rows = t
                        .table
                        .rows
                        .iter()
                        .map(|r| (r.kind, r.cells.iter().map(|c| c.text.clone()).collect()))
                        .collect();
                    push(&t.table.columns, rows);
                }
            }
            Body::Budget { table: Some(t), .. } => {
                let rows = t
                    .rows
                    .iter()
                    .map(|r| (r.kind, r.cells.iter().map(|c| c.text.clone()).collect()))
                    .collect();
                push(&t.columns, rows);
            }
            _ => {}
        }
    }
    out
}

/// The number a cell prints (`−0.28`, `+1,036.5`, `25.3%`), `None` for text and `—`.
pub(crate) fn number(text: &str) -> Option<Decimal> {
    let t = text
        .trim()
        .trim_end_matches('%')
        .replace(',', "")
        .replace('\u{2212}', "-");
    let t = t.strip_prefix('+').unwrap_or(&t);
    t.parse().ok()
}

/// Decimals a cell prints: `25.30` → 2.
pub(crate) fn places(text: &str) -> Option<usize> {
    number(text)?;
    Some(text.split_once('.').map_or(0, |(_, f)| {
        f.chars().take_while(char::is_ascii_digit).count()
    }))
}

/// Half a unit of the last place, once for every printed figure in a sum and its total.
fn slack(dp: usize, figures: usize) -> Decimal {
    Decimal::new(5, dp as u32 + 1) * Decimal::from(figures)
}

/// The column's body cells (subtotals left out) and its total cell.
fn column(g: &Grid, ci: usize) -> (Vec<&str>, Option<&str>) {
    let body = g
        .rows
        .iter()
        .filter(|(k, _)| *k == "body")
        .map(|(_, c)| c[ci].as_str())
        .collect();
    let total = g
        .rows
        .iter()
        .find(|(k, _)| *k == "total")
        .map(|(_, c)| c[ci].as_str());
    (body, total)
}

/// Every check the issue asks of a table, on one table.
fn check_grid(g: &Grid, whole_gap: &dyn Fn(&str) -> Option<Decimal>) -> Vec<String> {
    let mut bad = Vec::new();
    for (ci, c) in g.columns.iter().enumerate() {
        let (body, total) = column(g, ci);
        let all: Vec<&str> = g.rows.iter().map(|(_, r)| r[ci].as_str()).collect();
        // One number of decimals per column.
        let dps: std::collections::BTreeSet<usize> = all.iter().filter_map(|t| places(t)).collect();
        if c.measure != Measure::Text && dps.len() > 1 {
            bad.push(format!(
                "{}: column {} prints {:?} decimals: {all:?}",
                g.name, c.label, dps
            ));
        }
        let dp = dps.iter().max().copied().unwrap_or(0);
        let relative = matches!(c.measure, Measure::Share | Measure::Points);
        if relative && total.is_some_and(|t| number(t).is_none()) {
            bad.push(format!(
                "{}: column {} has no total: {all:?}",
                g.name, c.label
            ));
        }
        let values: Option<Vec<Decimal>> = body.iter().map(|t| number(t)).collect();
        let (Some(values), Some(total)) = (values, total.and_then(number)) else {
            continue;
        };
        let sum: Decimal = values.iter().sum();
        let close = |a: Decimal, b: Decimal| (a - b).abs() <= slack(dp, values.len() + 1);
        match c.measure {
            Measure::Money | Measure::Share | Measure::Points if !close(sum, total) => {
                bad.push(format!(
                    "{}: column {} adds up to {sum}, its total row prints {total}",
                    g.name, c.label
                ))
            }
            _ => {}
        }
        if c.measure == Measure::Share && !close(total, Decimal::ONE_HUNDRED) {
            bad.push(format!(
                "{}: shares in column {} add up to {total} % of the whole it names",
                g.name, c.label
            ));
        }
        if c.measure == Measure::Points {
            match whole_gap(&c.label) {
                Some(gap) if close(total, gap) => {}
                gap => bad.push(format!(
                    "{}: points in column {} add up to {total}, the whole's gap is {gap:?}",
                    g.name, c.label
                )),
            }
        }
    }
    bad
}

/// Whether a serialized body holds anything a reader sees (its `type` tag aside).
fn has_content(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => a.iter().any(has_content),
        Value::Object(o) => o
            .iter()
            .any(|(k, v)| k != "type" && k != "align" && k != "kind" && has_content(v)),
        _ => false,
    }
}

fn no_empty_section(report: &Report) -> Vec<String> {
    let mut bad = Vec::new();
    for (i, s) in report.sections.iter().enumerate() {
        let has_children = report
            .sections
            .get(i + 1)
            .is_some_and(|n| n.level > s.level);
        let body = serde_json::to_value(&s.body).unwrap();
        if !has_children && !has_content(&body) {
            bad.push(format!("empty section: {}", s.heading));
        }
    }
    bad
}

/// A column whose every body row is a dash says nothing (an empty heading in a table),
/// and a figure of four digits or more is grouped in threes like every other amount
/// (`2,000名` beside `1,760名`, never `2000名`); dates and ids apart.
fn no_dash_column_and_grouped_digits(g: &Grid) -> Vec<String> {
    let mut bad = Vec::new();
    let body: Vec<&Vec<String>> = g
        .rows
        .iter()
        .filter(|r| r.0 != "total")
        .map(|r| &r.1)
        .collect();
    for (ci, c) in g.columns.iter().enumerate() {
        if !body.is_empty() && body.iter().all(|r| r.get(ci).is_some_and(|x| x == "—")) {
            bad.push(format!(
                "{}: column `{}` is a dash in every row",
                g.name, c.label
            ));
        }
    }
    for (_, cells) in &g.rows {
        for cell in cells {
            let chars: Vec<char> = cell.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                if !chars[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                let before = start.checked_sub(1).map(|k| chars[k]);
                let after = chars.get(i).copied();
                let in_date = before.is_some_and(|c| matches!(c, '-' | '.' | '/' | ','))
                    || after.is_some_and(|c| matches!(c, '-' | '/' | '年'));
                if i - start >= 4 && !in_date {
                    bad.push(format!("{}: `{cell}` has ungrouped digits", g.name));
                }
            }
        }
    }
    bad
}

#[test]
fn no_table_of_the_review_or_the_rollup_has_a_dash_column_or_ungrouped_digits() {
    let (_, review) = review_view();
    let rollup = rollup_view();
    let mut bad: Vec<String> = grids(&review)
        .iter()
        .chain(grids(&rollup).iter())
        .flat_map(no_dash_column_and_grouped_digits)
        .collect();
    // The partial year's review of the region, too (its periods carry targets).
    bad.extend(
        stdout_of(&[
            "review",
            examples()
                .join("org/east-china.plan.yaml")
                .to_str()
                .unwrap(),
            "--actuals",
            examples()
                .join("actuals/east-china-2026-q3.actuals.yaml")
                .to_str()
                .unwrap(),
        ])
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("≥ "))
        .filter(|l| {
            l.split('|').any(|c| {
                let c = c.trim().trim_start_matches("≥ ");
                c.chars().take_while(char::is_ascii_digit).count() >= 4
            })
        })
        .map(|l| format!("east-china Q3: ungrouped KPI target in `{l}`")),
    );
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_reviews_tables_add_up_to_the_wholes_they_name() {
    let (review, report) = review_view();
    // The whole a column is relative to is the table's total, the review's one target
    // (named in each table's note): its gap in points of attainment (points of growth
    // for a segment's column).
    assert_eq!(review.targets.len(), 1);
    let whole_gap = |label: &str| {
        let t = review.targets.first()?;
        let growth = label.contains("增长") || label.contains("growth");
        if growth {
            Some(t.growth.as_ref()?.value)
        } else {
            Some(t.attainment.as_ref()?.value - Decimal::ONE_HUNDRED)
        }
    };
    let grids = grids(&report);
    assert!(
        grids
            .iter()
            .any(|g| g.columns.iter().any(|c| c.measure == Measure::Points)),
        "the review shows contributions"
    );
    let mut bad: Vec<String> = grids
        .iter()
        .flat_map(|g| check_grid(g, &whole_gap))
        .collect();
    bad.extend(no_empty_section(&report));
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn a_region_nested_in_a_group_is_measured_against_the_company() {
    let (review, report) = review_view();
    let sales = review.targets.iter().find(|t| t.id == "sales").unwrap();
    let region = sales
        .breakdowns
        .iter()
        .find(|b| b.dimension == "region")
        .unwrap();
    let east = region.items.iter().find(|i| i.key == "east").unwrap();
    // 9.09 of the company's 35.9: 25.32 %, not 51.6 % of 成熟区域.
    assert_eq!(east.share.as_ref().unwrap().display, "25.3%");
    let northwest = region.items.iter().find(|i| i.key == "northwest").unwrap();
    // (2.41 − 2.53) ÷ 36 = −0.33 points of the company's attainment, not −2.6.
    assert_eq!(
        northwest.contribution.as_ref().unwrap().display,
        "\u{2212}0.33个百分点"
    );
    // The group's subtotal is labelled as one.
    let g = grids(&report)
        .into_iter()
        .find(|g| {
            g.columns.iter().any(|c| c.label == "所属")
                && g.columns.iter().any(|c| c.measure == Measure::Share)
        })
        .unwrap();
    let subs: Vec<&str> = g
        .rows
        .iter()
        .filter(|(k, _)| *k == "sub")
        .map(|(_, c)| c[0].as_str())
        .collect();
    assert_eq!(subs, ["成熟区域 小计", "潜力区域 小计", "待开发区域 小计"]);
    let share = g
        .columns
        .iter()
        .find(|c| c.measure == Measure::Share)
        .unwrap();
    assert_eq!(share.label, "占比（占合计）");
}

/// The consolidated report of `examples/org`, as `render DIR --rollup` builds it.
fn rollup_view() -> Report {
    use planc::workspace::{Options, Workspace};
    let dir = examples().join("org");
    let config = Config::discover(&dir).unwrap();
    let ws = Workspace::open(std::slice::from_ref(&dir), config, &Options::default());
    let root = ws.plans_with_id("company-2026")[0];
    let renderer = planc::render::Renderer::new(None).unwrap();
    planc::report::rollup(&ws, root, &dir, &renderer, planc::render::Format::Md).unwrap()
}

#[test]
fn the_rollups_tables_add_up_and_name_every_unit() {
    let report = rollup_view();
    let grids = grids(&report);
    let mut bad: Vec<String> = grids
        .iter()
        .flat_map(|g| check_grid(g, &|_| None))
        .collect();
    bad.extend(no_empty_section(&report));
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // The company allocates to six regions; three have a plan, and all six are named.
    let tree = grids
        .iter()
        .find(|g| g.rows.first().is_some_and(|(_, r)| r[0] == "销售中心"))
        .unwrap();
    assert_eq!(tree.rows[0].1.last().unwrap(), "3 / 6");
    // 华东's three representatives fill 西湖组's part of its 90,720 (2,400): the count
    // says of what, not "3 / 3" as if 华东 were planned in full.
    let east = tree
        .rows
        .iter()
        .find(|(_, r)| r[0].contains("华东大区"))
        .unwrap();
    assert_eq!(east.1.last().unwrap(), "3 / 3（西湖组）");
    let children = grids
        .iter()
        .find(|g| g.rows.last().is_some_and(|(_, r)| r[0] == "合计"))
        .expect("the regions without a plan are named");
    let names: Vec<&str> = children.rows.iter().map(|(_, r)| r[0].as_str()).collect();
    assert_eq!(
        names,
        [
            "华东大区",
            "华南大区",
            "华北大区",
            "西南大区",
            "西北大区",
            "东北大区",
            "合计"
        ]
    );
    let total = &children.rows.last().unwrap().1;
    assert_eq!(
        total[1], "360,000",
        "the allocations add up to the company's target"
    );
    // Product lines under the company's names, matched by id: 其他成熟产品 is the
    // regions' 博舒平及其他.
    let products = grids
        .iter()
        .find(|g| g.rows.iter().any(|(_, r)| r[0] == "心脉安"))
        .unwrap();
    let names: Vec<&str> = products.rows.iter().map(|(_, r)| r[0].as_str()).collect();
    assert_eq!(names, ["心脉安", "清肺宁", "其他成熟产品", "下级合计"]);
    // The chart's shares are of the total its caption names.
    let chart = report
        .sections
        .iter()
        .find_map(|s| match &s.body {
            Body::Budget { chart: Some(c), .. } => Some(c),
            _ => None,
        })
        .unwrap();
    assert!(chart.caption.contains("360,000万元"), "{}", chart.caption);
    for d in &chart.data {
        let v = number(&d.value).unwrap();
        let share = number(d.share.as_deref().unwrap()).unwrap();
        let expected = (v * Decimal::ONE_HUNDRED / Decimal::from(360_000)).round_dp(1);
        assert_eq!(share, expected, "{}: {} of 360,000", d.label, d.value);
    }
}

#[test]
fn one_figure_is_printed_one_way_throughout_the_review() {
    let (review, report) = review_view();
    let sales = review.targets.iter().find(|t| t.id == "sales").unwrap();
    // The plan report's money format (万元: 9.072亿元 needs no third decimal there).
    assert_eq!(review.money.scale.label(), "万元");
    let want = review.money.amount(sales.target.value);
    assert_eq!(want, "360,000");
    // Every table that breaks the target down prints it so in its total row …
    let totals: Vec<String> = grids(&report)
        .iter()
        .filter_map(|g| {
            let ci = g.columns.iter().position(|c| c.label == "目标")?;
            column(g, ci).1.map(str::to_owned)
        })
        .collect();
    assert!(totals.len() >= 3, "{totals:?}");
    assert!(totals.iter().all(|t| *t == want), "{totals:?}");
    // … and the summary table and the narrative with its unit, which the cover names.
    assert_eq!(sales.target.display, "360,000万元");
    assert_eq!(report.meta.money_unit, "万元");
    let renderer = planc::render::Renderer::new(None).unwrap();
    let md =
        String::from_utf8(renderer.render(&report, planc::render::Format::Md).unwrap()).unwrap();
    assert!(md.contains("对照年度目标360,000万元"), "{md}");
    assert!(md.contains("CNY · 万元"));
    for other in ["36亿元", "| 36.0 ", "**36.00**", "**36.000**"] {
        assert!(!md.contains(other), "{other} in the review");
    }
}

#[test]
fn the_configured_money_unit_applies_to_the_review() {
    let tmp = tempfile::tempdir().unwrap();
    let copy = std::process::Command::new("cp")
        .arg("-r")
        .arg(examples())
        .arg(tmp.path())
        .status()
        .unwrap();
    assert!(copy.success());
    let root = tmp.path().join("examples");
    std::fs::write(root.join("planc.toml"), "[render]\nmoney_unit = \"亿元\"\n").unwrap();
    let out = crate::util::planc_env()
        .args(["review", "review.plan.yaml", "--format", "md"])
        .current_dir(&root)
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every amount in 亿元 with one number of decimals (two: 9.072亿元 is rounded for
    // display, and the cover says so).
    assert!(md.contains("CNY · 亿元"), "{md}");
    assert!(md.contains("四舍五入保留2位小数"), "{md}");
    assert!(
        md.contains("| 年度销售总额 | 36.00 | 35.90 |") && md.contains("*金额单位：亿元。完成率"),
        "{md}"
    );
    assert!(md.contains("| 华东大区 | 成熟区域 | 9.07 | 9.09 |"), "{md}");
}

/// Every nesting depth a report's rows use is indented by the stylesheet, and printing
/// does not force a page break before each chapter.
#[test]
fn html_indents_every_depth_and_prints_without_forced_chapter_breaks() {
    let mut depths = std::collections::BTreeSet::new();
    let mut pages = Vec::new();
    for args in [
        vec!["examples/org/east-china.plan.yaml"],
        vec!["examples/org", "--rollup"],
    ] {
        let html =
            stdout_of(&[&["render"][..], &args[..], &["--format", "html", "-o", "-"]].concat());
        for part in html.split("depth-").skip(1) {
            let n: String = part.chars().take_while(char::is_ascii_digit).collect();
            if part[n.len()..].starts_with(['"', ' ']) && !n.is_empty() {
                depths.insert(n);
            }
        }
        pages.push(html);
    }
    assert!(
        depths.contains("3"),
        "the representatives under 西湖组: {depths:?}"
    );
    for html in &pages {
        for d in &depths {
            assert!(
                html.contains(&format!("tr.depth-{d} td:first-child")),
                "no indentation rule for depth {d}"
            );
        }
        let print = html.split("@media print").nth(1).unwrap_or_default();
        assert!(!print.contains("level-1 { break-before: page"), "{print}");
    }
}

#[test]
fn the_review_and_the_rollup_open_with_an_executive_summary() {
    let (review, report) = review_view();
    let first = report.sections.iter().find(|s| s.level == 1).unwrap();
    assert_eq!(first.title, "执行摘要");
    let Body::Review(f) = &first.body else {
        panic!("the summary holds figures")
    };
    // The headline: attainment against the target, the light, the variance.
    let intro = f.intro.as_deref().unwrap();
    assert!(
        intro.contains("完成年度目标 360,000万元的 99.7%（黄灯），差额 −1,000万元"),
        "{intro}"
    );
    // Every red and amber target, breakdown item and KPI, red first.
    let lit = &f.blocks[0];
    let count = review
        .targets
        .iter()
        .map(|t| t.status)
        .chain(
            review
                .targets
                .iter()
                .flat_map(|t| &t.breakdowns)
                .filter(|b| !b.segment)
                .flat_map(|b| &b.items)
                .map(|i| i.status),
        )
        .chain(review.kpis.iter().map(|k| k.status))
        .filter(|l| matches!(l, planc::review::Light::Red | planc::review::Light::Amber))
        .count();
    assert_eq!(lit.rows.len(), count);
    let lights: Vec<&str> = lit.rows.iter().filter_map(|r| r.cells[3].light).collect();
    assert!(
        lights
            .windows(2)
            .all(|w| !(w[0] == "amber" && w[1] == "red")),
        "{lights:?}"
    );
    // The three largest gaps among the finest items: a region, never its group.
    let gaps: Vec<&str> = f.blocks[1]
        .rows
        .iter()
        .map(|r| r.cells[0].text.as_str())
        .collect();
    assert_eq!(gaps, ["其他成熟产品", "华南大区", "西南大区"]);

    let rollup = rollup_view();
    let first = rollup.sections.iter().find(|s| s.level == 1).unwrap();
    assert_eq!(first.title, "执行摘要");
    let Body::Review(f) = &first.body else {
        panic!("the summary holds figures")
    };
    let intro = f.intro.as_deref().unwrap();
    for said in [
        "已编制下级计划 3 / 6",
        "未由下级计划承接 103,800万元（28.8%）",
        "西南大区（分配 57,600万元）",
    ] {
        assert!(intro.contains(said), "{said} not in {intro}");
    }
    // The decisions the plans ask for.
    assert!(f.blocks[0]
        .rows
        .iter()
        .any(|r| r.cells[1].text == "专家巡讲专项" && r.cells[3].text == "600万元"));
}

/// `--money-unit` puts every amount of a plan, a review and a roll-up in one unit, over
/// the plans' own choice; an unknown unit is a usage error.
#[test]
fn money_unit_on_the_command_line_applies_to_every_document() {
    let run = stdout_of;
    let plan = run(&[
        "render",
        "examples/org/company.plan.yaml",
        "--money-unit",
        "亿元",
        "--format",
        "md",
        "-o",
        "-",
    ]);
    assert!(
        plan.contains("CNY · 亿元") && plan.contains("36.00亿元"),
        "{plan}"
    );
    let review = run(&[
        "review",
        "examples/review.plan.yaml",
        "--money-unit",
        "亿元",
        "--format",
        "md",
    ]);
    assert!(
        review.contains("| 年度销售总额 | 36.00 | 35.90 | 99.7% | −0.10 |")
            && review.contains("*金额单位：亿元。完成率"),
        "{review}"
    );
    let rollup = run(&[
        "render",
        "examples/org",
        "--rollup",
        "--money-unit",
        "元",
        "--format",
        "md",
        "-o",
        "-",
    ]);
    assert!(rollup.contains("3,600,000,000元"), "{rollup}");
    crate::util::planc_env()
        .args([
            "render",
            "examples/org/company.plan.yaml",
            "--money-unit",
            "美元",
        ])
        .assert()
        .code(2);
}

/// Every amount, percentage and percentage-point figure the review's Markdown summary
/// prints, in Chinese and in English, is a figure `planc review --format json` gives for
/// the same review: the document prints nothing the computation does not have.
#[test]
fn every_figure_of_the_reviews_summary_is_in_its_json() {
    // (language, the summary's heading, edits that each print a figure the JSON lacks)
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let cases: [Case; 2] = [
        (
            "zh",
            "执行摘要",
            &[
                ("99.7%（黄灯）", "99.6%（黄灯）"),
                ("| −3,800 |", "| −3,700 |"),
                ("| −1.06 |", "| −1.07 |"),
                ("差额 −1,000万元", "差额 −1,100万元"),
            ],
        ),
        (
            "en",
            "Executive summary",
            &[
                ("99.7% of", "99.8% of"),
                ("| −38.0 |", "| −38.1 |"),
                ("| −0.63 |", "| −0.64 |"),
                ("CNY −10.0m", "CNY −10.5m"),
            ],
        ),
    ];
    for (lang, title, edits) in cases {
        let run = |format: &str| {
            stdout_of(&[
                "--lang",
                lang,
                "review",
                "examples/review.plan.yaml",
                "--format",
                format,
            ])
        };
        let md = run("md");
        let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
        let summary = summary_section(&md, title);
        let (checked, missing) = unbacked(&summary, &json);
        // The headline (actual, target, attainment, variance, growth), a figure for each
        // red or amber item and five for each of the three largest gaps.
        assert!(checked >= 30, "{lang}: only {checked} figures in {summary}");
        assert!(
            missing.is_empty(),
            "{lang}: not in the JSON: {missing:?}\n{summary}"
        );
        // A figure the JSON does not have is found, whatever its kind.
        for (from, to) in edits {
            assert!(summary.contains(from), "{from} not in {summary}");
            let (_, missing) = unbacked(&summary.replacen(from, to, 1), &json);
            assert_eq!(missing.len(), 1, "{lang} {to}: {missing:?}");
        }
    }
}

/// The tick labels (`font-size="10"` numbers) and the values written beside the bars or
/// columns (`font-size="12"`, the first number) of one SVG chart, as printed.
fn axis_and_values(svg: &str) -> (Vec<Decimal>, Vec<Decimal>) {
    let number = |s: &str| -> Option<Decimal> {
        let first = s.split_whitespace().next()?;
        first
            .replace([',', '+'], "")
            .replace('\u{2212}', "-")
            .parse()
            .ok()
    };
    let (mut ticks, mut values) = (Vec::new(), Vec::new());
    for seg in svg.split("<text").skip(1) {
        let Some((attrs, rest)) = seg.split_once('>') else {
            continue;
        };
        let content = rest.split("</text>").next().unwrap_or("");
        if attrs.contains(r#"font-size="10""#) {
            ticks.extend(number(content));
        } else if attrs.contains(r#"font-size="12""#) {
            values.extend(number(content));
        }
    }
    (ticks, values)
}

/// A chart's value axis is in the unit its values are printed in: the last tick reaches
/// the largest value and is less than three times it (an axis in 元 under a caption in
/// 万元 would be ten thousand times it), in the plans' reports and the roll-up.
#[test]
fn value_axes_are_in_the_unit_the_bars_are_printed_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut svgs = Vec::new();
    for plan in ["org/company.plan.yaml", "org/east-china.plan.yaml"] {
        let html = stdout_of(&[
            "render",
            examples().join(plan).to_str().unwrap(),
            "--format",
            "html",
            "-o",
            "-",
        ]);
        svgs.extend(html.split("<svg").skip(1).map(|s| (plan, s.to_owned())));
    }
    let org = examples().join("org");
    stdout_of(&[
        "render",
        org.to_str().unwrap(),
        "--rollup",
        "company-2026",
        "--format",
        "html",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    let rollup = std::fs::read_to_string(dir.path().join("rollup.html")).unwrap();
    svgs.extend(
        rollup
            .split("<svg")
            .skip(1)
            .map(|s| ("rollup", s.to_owned())),
    );
    let mut axes = 0;
    for (doc, svg) in &svgs {
        let svg = svg.split("</svg>").next().unwrap_or("");
        let (ticks, values) = axis_and_values(svg);
        let (Some(top), Some(largest)) = (ticks.iter().max(), values.iter().max()) else {
            continue;
        };
        axes += 1;
        assert!(
            *top >= *largest && *top < *largest * Decimal::from(3),
            "{doc}: the axis ends at {top}, the largest value is {largest}\n{svg}"
        );
    }
    assert!(axes >= 4, "only {axes} charts with a value axis");
}

/// The bars of a review chart are drawn to its axis: the actual bar (12 px high) of each
/// row is as long, against the plot's width (0 to the last tick), as its printed value
/// is against the last tick's, and the printed value stands right of the plot — in the
/// year-end review and the part-way one, whose units differ.
#[test]
fn review_bars_are_drawn_to_their_axis() {
    let attr = |tag: &str, name: &str| -> Option<f64> {
        format!(" {tag}")
            .split(&format!(" {name}=\""))
            .nth(1)?
            .split('"')
            .next()?
            .parse()
            .ok()
    };
    let mut checked = 0;
    for args in [
        vec!["review", "examples/review.plan.yaml"],
        vec![
            "review",
            "examples/org/east-china.plan.yaml",
            "--actuals",
            "examples/actuals/east-china-2026-q3.actuals.yaml",
            "--as-of",
            "2026-09-30",
        ],
    ] {
        let root = examples().join("..");
        let mut full: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        full[1] = root.join(&full[1]).to_string_lossy().into_owned();
        if full.len() > 3 {
            full[3] = root.join(&full[3]).to_string_lossy().into_owned();
        }
        full.extend(["--format", "html", "-o", "-"].map(String::from));
        let refs: Vec<&str> = full.iter().map(String::as_str).collect();
        let html = stdout_of(&refs);
        for svg in html.split("<svg").skip(1) {
            let svg = svg.split("</svg>").next().unwrap();
            let (ticks, _) = axis_and_values(svg);
            let Some(last_tick) = ticks.last().copied() else {
                continue;
            };
            // The value printed beside each bar: `81,000  102.5%`.
            let values: Vec<f64> = svg
                .split("<text ")
                .skip(1)
                .filter(|t| t.contains("fill=\"#222\"") && !t.contains("text-anchor=\"end\""))
                .filter_map(|t| {
                    let content = t.split_once('>')?.1.split("</text>").next()?;
                    content
                        .split_whitespace()
                        .next()?
                        .replace(',', "")
                        .parse()
                        .ok()
                })
                .collect();
            // The plot: from the first grid line to the last.
            let grid: Vec<f64> = svg
                .split("<line ")
                .skip(1)
                .filter(|l| l.contains("stroke=\"#e3e7ee\""))
                .filter_map(|l| attr(l, "x1"))
                .collect();
            let (Some(x0), Some(x1)) = (grid.first().copied(), grid.last().copied()) else {
                continue;
            };
            let bars: Vec<f64> = svg
                .split("<rect ")
                .skip(1)
                .filter(|r| r.contains("height=\"12\"") && !r.contains("width=\"14\""))
                .filter_map(|r| attr(r, "width"))
                .collect();
            let value_x: Vec<f64> = svg
                .split("<text ")
                .skip(1)
                .filter(|t| t.contains("fill=\"#222\"") && !t.contains("text-anchor=\"end\""))
                .filter_map(|t| attr(t, "x"))
                .collect();
            if bars.is_empty() || bars.len() != values.len() {
                continue;
            }
            let last: f64 = last_tick.to_string().parse().unwrap();
            // The axis reaches the largest value, in its unit, and not three times past it.
            let largest = values.iter().copied().fold(0.0, f64::max);
            assert!(
                last >= largest && last < 3.0 * largest,
                "axis to {last}, values to {largest}"
            );
            for (w, v) in bars.iter().zip(&values) {
                let drawn = w / (x1 - x0) * last;
                assert!(
                    (drawn - v).abs() <= last * 0.01,
                    "a bar of {w} px reads {drawn}, printed {v} (axis to {last})"
                );
                checked += 1;
            }
            assert!(
                value_x.iter().all(|x| *x > x1),
                "{value_x:?} beside a plot to {x1}"
            );
            // Every bar stands above the axis line, and the tick labels under it fit the
            // drawing.
            let axis_y = svg
                .split("<line ")
                .skip(1)
                .find(|l| l.contains("stroke=\"#9aa5b4\""))
                .and_then(|l| attr(l, "y1"))
                .expect("an axis line");
            let height = attr(svg.split('>').next().unwrap(), "height").unwrap();
            for r in svg.split("<rect ").skip(1) {
                if let (Some(y), Some(h)) = (attr(r, "y"), attr(r, "height")) {
                    assert!(
                        y + h < axis_y,
                        "a bar to {} on or below the axis at {axis_y}",
                        y + h
                    );
                }
            }
            assert!(
                axis_y + 13.0 <= height,
                "axis at {axis_y} in a drawing {height} high"
            );
        }
    }
    assert!(checked >= 10, "{checked} bars checked");
}
