//! Allocation (指标分解): the arithmetic's properties for all inputs (proptest), and
//! `planc allocate` as a user runs it.

use planc::allocate::math::{allocate, percentages, Item, Problem};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn cases() -> u32 {
    std::env::var("PLANC_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

/// A unit among the ones people round to (1, 10, 100 of the base), a total that is a
/// multiple of it, and 1–12 items with positive bases (some with two decimals).
fn setup() -> impl Strategy<Value = (Decimal, Decimal, Vec<Decimal>)> {
    (
        prop::sample::select(vec![1i64, 10, 100, 10_000]),
        0i64..5_000_000,
        prop::collection::vec(1i64..1_000_000, 1..12),
        any::<bool>(),
    )
        .prop_map(|(unit, units, bases, cents)| {
            let unit = Decimal::from(unit);
            let bases = bases
                .into_iter()
                .map(|b| {
                    if cents {
                        Decimal::new(b, 2)
                    } else {
                        Decimal::from(b)
                    }
                })
                .collect();
            (unit, Decimal::from(units) * unit, bases)
        })
}

fn items(bases: &[Decimal]) -> Vec<Item> {
    bases.iter().map(|b| Item::basis(*b)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Items add up exactly to the total, each is a multiple of the unit and within one
    /// unit of its exact share; allocating again by the result gives the result.
    #[test]
    fn items_add_up_and_stay_within_a_unit((unit, total, bases) in setup()) {
        let v = allocate(total, unit, &items(&bases)).unwrap();
        prop_assert_eq!(v.iter().sum::<Decimal>(), total);
        let sum: Decimal = bases.iter().sum();
        for (x, b) in v.iter().zip(&bases) {
            prop_assert!((*x % unit).is_zero(), "{x} is not a multiple of {unit}");
            let exact = total * *b / sum;
            prop_assert!((*x - exact).abs() <= unit, "{x} vs exact {exact}");
        }
        // Idempotent: the result as weights reproduces itself (when every item got some).
        if v.iter().all(|x| *x > Decimal::ZERO) {
            prop_assert_eq!(allocate(total, unit, &items(&v)).unwrap(), v.clone());
        }
        prop_assert_eq!(allocate(total, unit, &items(&bases)).unwrap(), v);
    }

    /// Held items keep their value; the others share the rest; holds above the total
    /// are refused.
    #[test]
    fn holds_are_kept((unit, total, bases) in setup(), held in 0usize..12, extra in 0i64..50) {
        let held = held % bases.len();
        let mut its = items(&bases);
        let hold = Decimal::from(extra) * unit;
        its[held].hold = Some(hold);
        match allocate(total, unit, &its) {
            Ok(v) => {
                prop_assert_eq!(v[held], hold);
                prop_assert_eq!(v.iter().sum::<Decimal>(), total);
            }
            Err(Problem::HoldsExceedTotal { .. }) => prop_assert!(hold > total),
            Err(Problem::AllHeld { .. }) => prop_assert!(bases.len() == 1 && hold != total),
            Err(e) => prop_assert!(false, "unexpected {e:?}"),
        }
    }

    /// Floors and caps (growth bounds) are respected when they can all be met, and the
    /// allocation is refused exactly when they cannot.
    #[test]
    fn bounds_are_respected_or_refused(
        (unit, total, bases) in setup(),
        floors in prop::collection::vec(prop::option::of(0i64..400_000), 12),
        caps in prop::collection::vec(prop::option::of(0i64..3_000_000), 12),
    ) {
        let mut its = items(&bases);
        for (k, it) in its.iter_mut().enumerate() {
            it.min = floors[k].map(|f| Decimal::from(f) * unit / Decimal::TEN);
            it.max = caps[k].map(|c| Decimal::from(c) * unit / Decimal::TEN);
        }
        let lo: Vec<Decimal> = its.iter().map(|i| i.min.map_or(Decimal::ZERO, |m| (m / unit).ceil() * unit)).collect();
        let hi: Vec<Option<Decimal>> = its.iter().map(|i| i.max.map(|m| (m / unit).floor() * unit)).collect();
        let crossing = lo.iter().zip(&hi).any(|(l, h)| h.is_some_and(|h| h < *l));
        let floors_sum: Decimal = lo.iter().sum();
        let capped = hi.iter().all(Option::is_some);
        let caps_sum: Decimal = hi.iter().flatten().sum();
        let feasible = !crossing && floors_sum <= total && (!capped || caps_sum >= total);
        match allocate(total, unit, &its) {
            Ok(v) => {
                prop_assert!(feasible);
                prop_assert_eq!(v.iter().sum::<Decimal>(), total);
                for (x, it) in v.iter().zip(&its) {
                    prop_assert!(it.min.is_none_or(|m| *x >= m), "{x} below floor {:?}", it.min);
                    prop_assert!(it.max.is_none_or(|m| *x <= m), "{x} above cap {:?}", it.max);
                    prop_assert!((*x % unit).is_zero());
                }
            }
            Err(Problem::BoundsCross { .. } | Problem::FloorsTooHigh { .. } | Problem::CapsTooLow { .. }) => {
                prop_assert!(!feasible)
            }
            Err(e) => prop_assert!(false, "unexpected {e:?}"),
        }
    }

    /// A seasonal index always adds up to exactly 100 % at two decimals.
    #[test]
    fn percentages_add_up(parts in prop::collection::vec(1i64..10_000_000, 1..12)) {
        let parts: Vec<Decimal> = parts.into_iter().map(Decimal::from).collect();
        let p = percentages(&parts, 2).unwrap();
        prop_assert_eq!(p.iter().sum::<Decimal>(), Decimal::ONE_HUNDRED);
        let sum: Decimal = parts.iter().sum();
        for (x, part) in p.iter().zip(&parts) {
            let exact = Decimal::ONE_HUNDRED * *part / sum;
            prop_assert!((*x - exact).abs() <= Decimal::new(1, 2));
        }
    }
}

#[test]
fn a_total_that_is_not_a_multiple_of_the_unit_is_refused() {
    let r = allocate(Decimal::new(9072, 1), Decimal::TEN, &items(&[Decimal::ONE]));
    assert!(matches!(r, Err(Problem::NotAMultiple { .. })), "{r:?}");
}

// ---- `planc allocate` as a user runs it ----------------------------------------------

use crate::util::{planc, root, temp_with};

fn fixture(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_bundled_org_is_allocated_already() {
    let o = planc()
        .args(["allocate", "--diff", "examples/org"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        o.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(
        stderr(&o).contains("no allocation to write"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn allocate_writes_the_items_keeps_comments_and_is_idempotent() {
    let text = fixture("tests/fixtures/rules/P113/drift.plan.yaml");
    let dir = temp_with(&[("p.plan.yaml", &text)]);
    let path = dir.path().join("p.plan.yaml");
    let diff = planc()
        .args(["allocate", "--diff"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(1), "there is something to write");
    let shown = String::from_utf8_lossy(&diff.stdout);
    assert!(
        shown.contains("+          - {ref: east, value: 18亿元, last_year: 16亿元}  # 手工改过"),
        "{shown}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "--diff writes nothing"
    );

    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("# planc allocate: by history (last year), round 100万元\n        items:"),
        "{after}"
    );
    assert!(
        after.contains("value: 18亿元, last_year: 16亿元}  # 手工改过"),
        "{after}"
    );
    assert!(after.contains("{ref: north, value: 18亿元"), "{after}");
    // Everything else is the user's text: only the two values and the comment changed.
    let changed = similar::TextDiff::from_lines(&text, &after)
        .iter_all_changes()
        .filter(|c| c.tag() == similar::ChangeTag::Insert)
        .count();
    assert_eq!(changed, 3, "{after}");

    let again = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        after,
        "running twice changes nothing"
    );
    let check = planc().arg("check").arg(&path).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(!stderr(&check).contains("P113"), "{}", stderr(&check));
}

#[test]
fn an_invalid_declaration_is_refused_at_its_place_and_nothing_is_written() {
    let text = fixture("tests/fixtures/rules/P112/floors.plan.yaml");
    let dir = temp_with(&[("p.plan.yaml", &text)]);
    let path = dir.path().join("p.plan.yaml");
    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("nothing written"), "{err}");
    assert!(
        err.contains("growth floors need at least 36.8亿元"),
        "{err}"
    );
    assert!(err.contains("p.plan.yaml:23:46"), "{err}");
    assert!(err.contains("unexpected `床`"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A plan around one target; `items` and `allocation` as YAML lines.
fn one_target(value: &str, allocation: &str, items: &str) -> String {
    let base = fixture("tests/fixtures/rules/P113/drift.plan.yaml");
    let start = base.find("targets:\n").unwrap() + "targets:\n".len();
    let end = base.find("strategies:").unwrap();
    let targets = format!(
        "  - id: sales\n    name: 年度销售总额\n    value: {value}\n    breakdowns:\n      - dimension: quarter\n        allocation: {allocation}\n        items:\n{items}"
    );
    format!("{}{targets}{}", &base[..start], &base[end..])
}

#[test]
fn holds_larger_than_the_total_are_refused() {
    let text = one_target(
        "100万元",
        "{method: even}",
        "          - {ref: Q1, value: 120万元, hold: true}\n          - {ref: Q2, value: 0}\n          - {ref: Q3, value: 0}\n          - {ref: Q4, value: 0}\n",
    );
    let dir = temp_with(&[("p.plan.yaml", &text)]);
    let path = dir.path().join("p.plan.yaml");
    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("held items add up to 120万元, more than the 100万元"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A seasonal index in the plan that does not add up (98 %, or ratios adding up to 4.1
/// for four quarters) is refused at the index, never silently normalised; one that adds
/// up, in percentages or in ratios, is used as written.
#[test]
fn a_seasonal_index_that_does_not_add_up_is_refused() {
    let items = "          - {ref: Q1, value: 0}\n          - {ref: Q2, value: 0}\n          - {ref: Q3, value: 0}\n          - {ref: Q4, value: 0}\n";
    let cases = [
        (
            "{method: seasonal, index: {Q1: 22%, Q2: 26%, Q3: 24%, Q4: 26%}}",
            Some("the seasonal index adds up to 98%, not 100%"),
        ),
        (
            "{method: seasonal, index: {Q1: 0.9, Q2: 1.1, Q3: 1, Q4: 1.1}}",
            Some("the seasonal index of ratios adds up to 4.1, not 4"),
        ),
        (
            "{method: seasonal, index: {Q1: 22%, Q2: 1.1, Q3: 24%, Q4: 28%}}",
            Some("mixes percentages"),
        ),
        (
            "{method: seasonal, index: {Q1: 0.88, Q2: 1.04, Q3: 0.96, Q4: 1.12}}",
            None,
        ),
    ];
    for (allocation, refusal) in cases {
        let text = one_target("100万元", allocation, items);
        let dir = temp_with(&[("p.plan.yaml", &text)]);
        let path = dir.path().join("p.plan.yaml");
        let o = planc().arg("allocate").arg(&path).output().unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        match refusal {
            Some(message) => {
                assert_eq!(o.status.code(), Some(1), "{allocation}: {}", stderr(&o));
                assert!(stderr(&o).contains(message), "{allocation}: {}", stderr(&o));
                assert!(stderr(&o).contains("P112"), "{}", stderr(&o));
                assert_eq!(written, text);
            }
            None => {
                assert_eq!(o.status.code(), Some(0), "{allocation}: {}", stderr(&o));
                for q in [
                    "{ref: Q1, value: 22}\n",
                    "{ref: Q2, value: 26}\n",
                    "{ref: Q4, value: 28}\n",
                ] {
                    assert!(written.contains(q), "{q} in {written}");
                }
            }
        }
    }
}

/// `method: history` with `actuals:`: each item's last year is read from an earlier
/// year's actuals (a full-year row, or four quarters added up; the item named as finance
/// names it), written into the plan as its `last_year` (flow and block items alike), and
/// the items allocated by it; `planc check` waits for it; a second run changes nothing;
/// an item the actuals do not hold is refused, named, with nothing written.
#[test]
fn last_year_from_earlier_actuals_is_written_and_allocated_by() {
    let base = fixture("tests/fixtures/rules/P113/drift.plan.yaml");
    let start = base.find("    breakdowns:\n").unwrap();
    let end = base.find("strategies:").unwrap();
    let breakdown = "    breakdowns:\n      - dimension: region\n        allocation: {method: history, actuals: [sales-2025.csv], round: 100万元}\n        items:\n          - {ref: east, value: 0}\n          - ref: north\n            value: 0\n";
    let text = format!("{}{breakdown}{}", &base[..start], &base[end..]);
    let csv = "metric,dimension,item,period,value,unit\nsales,region,华东大区,2025,192000,万元\nsales,region,华北大区,2025Q1,30000,万元\nsales,region,华北大区,2025Q2,32000,万元\nsales,region,华北大区,2025Q3,33000,万元\nsales,region,华北大区,2025Q4,33000,万元\nsales,region,华北大区,2024,1,万元\n";
    let dir = temp_with(&[("p.plan.yaml", &text), ("sales-2025.csv", csv)]);
    let path = dir.path().join("p.plan.yaml");
    // Before: nothing to compare yet, and no error for the missing `last_year`s.
    let o = planc().arg("check").arg(&path).output().unwrap();
    assert!(!stderr(&o).contains("P112"), "{}", stderr(&o));
    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&path).unwrap();
    // 19.2亿 : 12.8亿 (2025, not 2024's figure) of 36亿.
    assert!(
        written.contains("{ref: east, last_year: 192000, value: 216000}"),
        "{written}"
    );
    assert!(
        written.contains(
            "          - ref: north\n            last_year: 128000\n            value: 144000\n"
        ),
        "{written}"
    );
    let again = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
    // An item the actuals do not hold.
    let dir = temp_with(&[
        ("p.plan.yaml", &text),
        (
            "sales-2025.csv",
            "metric,dimension,item,period,value,unit\nsales,region,华东大区,2025,120000,万元\n",
        ),
    ]);
    let path = dir.path().join("p.plan.yaml");
    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("the actuals hold no figure for north"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_seasonal_index_from_monthly_actuals_is_written_into_the_plan() {
    let text = one_target(
        "9.072亿元",
        "\n          method: seasonal\n          actuals: [h.csv]\n          round: 10万元",
        "          - ref: Q1\n            value: XX亿元\n          - ref: Q2\n            value: XX亿元\n          - ref: Q3\n            value: XX亿元\n          - ref: Q4\n            value: XX亿元\n",
    );
    let history =
        fixture("examples/history/east-china-2025-monthly.csv").replace("east-sales", "sales");
    let dir = temp_with(&[("p.plan.yaml", &text), ("h.csv", &history)]);
    let path = dir.path().join("p.plan.yaml");
    // Before allocating, the check says the index is still to be computed.
    let check = planc().arg("check").arg(&path).output().unwrap();
    assert!(stderr(&check).contains("P113"), "{}", stderr(&check));
    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("index: { Q1: 22.04%, Q2: 27.01%, Q3: 24.25%, Q4: 26.7% }"),
        "{after}"
    );
    for v in ["2亿元", "2.45亿元", "2.2亿元", "2.422亿元"] {
        assert!(after.contains(&format!("value: {v}")), "{v}: {after}");
    }
    let again = planc()
        .args(["allocate", "--diff"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    // A month missing from the actuals is refused, naming the file's entry.
    let short: String = history
        .lines()
        .filter(|l| !l.contains("2025-07"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("h.csv"), short).unwrap();
    std::fs::write(&path, &text).unwrap();
    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("lack month(s) 7"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// `--into-children`: a region's target follows what the company allocates to it, and
/// the region's own quarters follow its new target.
#[test]
fn into_children_carries_the_allocation_down_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let org = dir.path().join("org");
    std::fs::create_dir_all(org.join("reps")).unwrap();
    std::fs::create_dir_all(dir.path().join("history")).unwrap();
    for f in ["company", "east-china", "south-china", "north-china"] {
        let mut text = fixture(&format!("examples/org/{f}.plan.yaml"));
        if f == "company" {
            // 成熟区域 grows: 17.82亿元 → 18亿元, split by history (8.4 : 8.1).
            text = text.replacen("value: 17.82亿元", "value: 18亿元", 1);
        }
        std::fs::write(org.join(format!("{f}.plan.yaml")), text).unwrap();
    }
    for f in ["lina", "wanglei", "zhangwei"] {
        let text = fixture(&format!("examples/org/reps/{f}.plan.yaml"));
        std::fs::write(org.join(format!("reps/{f}.plan.yaml")), text).unwrap();
    }
    std::fs::copy(
        root().join("examples/history/east-china-2025-monthly.csv"),
        dir.path().join("history/east-china-2025-monthly.csv"),
    )
    .unwrap();
    std::fs::copy(
        root().join("examples/history/company-2025-regions.csv"),
        dir.path().join("history/company-2025-regions.csv"),
    )
    .unwrap();
    let before = std::fs::read_to_string(org.join("east-china.plan.yaml")).unwrap();
    let diff = planc()
        .args(["allocate", "--diff", "--into-children"])
        .arg(&org)
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    assert!(
        stderr(&diff)
            .contains("target east-sales 9.072亿元 → 9.164亿元 (allocated to company-2026#east)"),
        "{}",
        stderr(&diff)
    );
    assert_eq!(
        std::fs::read_to_string(org.join("east-china.plan.yaml")).unwrap(),
        before
    );

    let o = planc()
        .args(["allocate", "--into-children"])
        .arg(&org)
        .output()
        .unwrap();
    let company = std::fs::read_to_string(org.join("company.plan.yaml")).unwrap();
    assert!(company.contains("value: 9.164亿元"), "{company}");
    assert!(company.contains("value: 8.836亿元"), "{company}");
    let east = std::fs::read_to_string(org.join("east-china.plan.yaml")).unwrap();
    assert!(
        east.contains("    value: 9.164亿元\n"),
        "{}\n{east}",
        stderr(&o)
    );
    // The quarters are phased again from the new target: 91640万元 by the index.
    for q in ["2.02亿元", "2.475亿元", "2.222亿元", "2.447亿元"] {
        assert!(east.contains(&format!("value: {q}")), "{q}: {east}");
    }
    let again = planc()
        .args(["allocate", "--diff", "--into-children"])
        .arg(&org)
        .output()
        .unwrap();
    // Nothing left to write.
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        again.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    assert!(
        stderr(&again).contains("no allocation to write"),
        "{}",
        stderr(&again)
    );
    // Written, the run checks the plans: the company's groups no longer add up to 36亿元.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("P101"), "{}", stderr(&o));
}

/// `--create`: an allocated, complete breakdown whose items have no child plans gets
/// them, started as `planc init` would, linked and valued; they check as drafts.
#[test]
fn create_starts_the_missing_children() {
    let text = fixture("tests/fixtures/rules/P113/drift.plan.yaml").replace(
        "        allocation: {method: history, round: 100万元}\n",
        "        complete: true\n        allocation: {method: history, round: 100万元}\n",
    );
    let dir = temp_with(&[("company.plan.yaml", &text)]);
    let o = planc()
        .args(["allocate", "--into-children", "--create"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let east = std::fs::read_to_string(dir.path().join("east.plan.yaml")).unwrap();
    assert!(
        east.contains("kind: region\nid: east-2026\nparent: alloc-2026#east"),
        "{east}"
    );
    assert!(east.contains("    value: 18亿元\n"), "{east}");
    assert!(dir.path().join("north.plan.yaml").is_file());
    let check = planc().arg("check").arg(dir.path()).output().unwrap();
    let err = stderr(&check);
    assert_eq!(check.status.code(), Some(0), "{err}");
    assert!(!err.contains("P9"), "linked and valued: {err}");
    // Nothing left to create or carry.
    let again = planc()
        .args(["allocate", "--into-children", "--create", "--diff"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(again.stdout.is_empty());
}

#[test]
fn a_zero_basis_is_refused_at_its_value() {
    let text = one_target(
        "100万元",
        "{method: history}",
        "          - {ref: Q1, value: 0, last_year: 30万元}\n          - {ref: Q2, value: 0, last_year: 0万元}\n          - {ref: Q3, value: 0, last_year: 30万元}\n          - {ref: Q4, value: 0, last_year: 40万元}\n",
    );
    let dir = temp_with(&[("p.plan.yaml", &text)]);
    let path = dir.path().join("p.plan.yaml");
    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("Q2's allocation basis is 0万元; it must be positive"),
        "{err}"
    );
    // Line and column of `0万元` on Q2's line.
    let line = text.lines().position(|l| l.contains("ref: Q2")).unwrap() + 1;
    let col = text.lines().nth(line - 1).unwrap().find("0万元}").unwrap() + 1;
    assert!(
        err.contains(&format!("p.plan.yaml:{line}:{col}")),
        "{line}:{col} {err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // In Chinese too.
    let zh = crate::util::planc_env()
        .args(["--lang", "zh", "allocate"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        stderr(&zh).contains("Q2 的分解依据为 0万元，必须为正数"),
        "{}",
        stderr(&zh)
    );
}

/// A blend of history and potential, end to end: the values written are what the
/// arithmetic gives for the blended bases (70 % of each item's share of last year plus
/// 30 % of its share of potential), to the 万元, adding up to the whole.
#[test]
fn a_blend_of_history_and_potential_is_written_exactly() {
    let text = one_target(
        "1000万元",
        "\n          method: blend\n          blend: [{method: history, weight: 70%}, {method: potential, weight: 30%}]",
        "          - {ref: Q1, value: XX, last_year: 200万元, potential: 120家 × 800床 × 5%}\n          - {ref: Q2, value: XX, last_year: 300万元, potential: (80 + 20)家 × 600床 × 5%}\n          - {ref: Q3, value: XX, last_year: 250万元, potential: 3000}\n          - {ref: Q4, value: XX, last_year: 150万元, potential: 1500 ÷ 2}\n",
    );
    let dir = temp_with(&[("p.plan.yaml", &text)]);
    let path = dir.path().join("p.plan.yaml");
    let o = planc().arg("allocate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = std::fs::read_to_string(&path).unwrap();
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let history = [d("200"), d("300"), d("250"), d("150")];
    let potential = [d("4800"), d("3000"), d("3000"), d("750")];
    let (hs, ps): (Decimal, Decimal) = (history.iter().sum(), potential.iter().sum());
    let bases: Vec<Decimal> = (0..4)
        .map(|k| d("70") * history[k] / hs + d("30") * potential[k] / ps)
        .collect();
    let want = allocate(d("10000000"), d("10000"), &items(&bases)).unwrap();
    assert_eq!(want.iter().sum::<Decimal>(), d("10000000"));
    for (k, v) in want.iter().enumerate() {
        let line = format!(
            "{{ref: Q{}, value: {}万元,",
            k + 1,
            (v / d("10000")).normalize()
        );
        assert!(after.contains(&line), "{line}\n{after}");
    }
}

/// A changed declaration updates what `planc allocate` wrote before, in place: the
/// provenance comment (not a second one) and an index that no longer matches its actuals.
#[test]
fn a_changed_declaration_rewrites_its_comment_and_index_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let org = dir.path().join("org");
    std::fs::create_dir_all(&org).unwrap();
    std::fs::create_dir_all(dir.path().join("history")).unwrap();
    std::fs::copy(
        root().join("examples/history/east-china-2025-monthly.csv"),
        dir.path().join("history/east-china-2025-monthly.csv"),
    )
    .unwrap();
    std::fs::copy(
        root().join("examples/history/company-2025-regions.csv"),
        dir.path().join("history/company-2025-regions.csv"),
    )
    .unwrap();
    let company = fixture("examples/org/company.plan.yaml").replacen(
        "floor: 3%, round: 10万元 }",
        "floor: 3%, round: 1万元 }",
        1,
    );
    let east = fixture("examples/org/east-china.plan.yaml").replace("Q1: 22.04%", "Q1: 22.05%");
    std::fs::write(org.join("company.plan.yaml"), &company).unwrap();
    std::fs::write(org.join("east-china.plan.yaml"), &east).unwrap();
    let o = crate::util::planc_env()
        .arg("allocate")
        .arg(&org)
        .output()
        .unwrap();
    assert!(o.status.code().is_some(), "{}", stderr(&o));
    let company = std::fs::read_to_string(org.join("company.plan.yaml")).unwrap();
    assert!(
        company.contains("round: 1万元 }\n                # planc allocate：按上年实际分解，取整 1万元，增长下限 3%\n                items:"),
        "{company}"
    );
    assert_eq!(company.matches("# planc allocate").count(), 3, "{company}");
    let east = std::fs::read_to_string(org.join("east-china.plan.yaml")).unwrap();
    assert!(
        east.contains("index: { Q1: 22.04%, Q2: 27.01%, Q3: 24.25%, Q4: 26.7% }"),
        "{east}"
    );
    assert_eq!(east.matches("index:").count(), 1, "{east}");
}
