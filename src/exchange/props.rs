//! Properties of the round trip (下发/回收) over the bundled examples: a workbook handed
//! back unchanged writes nothing and reports no change, whichever plans it carries; a
//! workbook with one input cell edited changes exactly that figure (and, when the cell is
//! a period of a row whose year is their sum, that year).

use std::collections::HashMap;
use std::path::Path;

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::export::{workbook, Exported};
use super::import::{read, Imported};
use super::{cell_name, Cell, Sheet};
use crate::config::Config;
use crate::diagnostics::Severity;

/// An example plan that exports: its path (as the workbook records it), bytes, sheets.
struct Example {
    path: String,
    bytes: Vec<u8>,
    sheets: Vec<Sheet>,
}

fn sheets_of(path: &str, bytes: &[u8], taken: &mut Vec<String>) -> Option<Vec<Sheet>> {
    let checked =
        crate::load::check_full(Path::new(path), bytes.to_vec(), &Config::default(), false);
    if checked.report.count(Severity::Error) > 0 {
        return None;
    }
    let plan = checked.plan?;
    let sheets = crate::i18n::scope(checked.lang, || super::sheets(&plan, taken));
    (!sheets.is_empty()).then_some(sheets)
}

/// Every bundled example `planc export` hands out (no errors, a money target).
fn examples() -> &'static [Example] {
    static ALL: std::sync::OnceLock<Vec<Example>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<_> = walkdir::WalkDir::new(root.join("examples"))
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| p.to_string_lossy().ends_with(".plan.yaml"))
            .collect();
        paths.sort();
        let mut out = Vec::new();
        for p in paths {
            let path = p.to_string_lossy().into_owned();
            let bytes = std::fs::read(&p).unwrap();
            if let Some(sheets) = sheets_of(&path, &bytes, &mut Vec::new()) {
                out.push(Example {
                    path,
                    bytes,
                    sheets,
                });
            }
        }
        out
    })
}

/// The workbook of `chosen` (indices into [`examples`]) with `edit` applied to one
/// input, then read back.
fn round_trip(chosen: &[usize], edit: Option<(usize, usize, Decimal)>) -> Imported {
    let all = examples();
    let mut taken = Vec::new();
    let exported: Vec<Exported> = chosen
        .iter()
        .map(|&k| {
            let e = &all[k];
            let mut sheets = sheets_of(&e.path, &e.bytes, &mut taken).unwrap();
            if let Some((plan, input, new)) = edit {
                if plan == k {
                    let cell = sheets
                        .iter_mut()
                        .flat_map(|s| s.cells.iter_mut())
                        .filter(|(_, _, c)| matches!(c, Cell::Input { .. }))
                        .nth(input)
                        .unwrap();
                    if let Cell::Input { value, .. } = &mut cell.2 {
                        *value = new;
                    }
                }
            }
            Exported {
                path: e.path.clone(),
                sha256: crate::source::sha256_hex(&e.bytes),
                sheets,
            }
        })
        .collect();
    let bytes = workbook(&exported).unwrap();
    let by_path: HashMap<&str, &[u8]> = all
        .iter()
        .map(|e| (e.path.as_str(), e.bytes.as_slice()))
        .collect();
    let source = |p: &str| {
        by_path
            .get(p)
            .map(|b| b.to_vec())
            .ok_or_else(|| p.to_owned())
    };
    read(&bytes, &source, &Config::default())
}

/// The inputs of a plan's sheets: `(sheet, cell, row, value)`.
fn inputs(sheets: &[Sheet]) -> Vec<(String, String, u32, Decimal)> {
    sheets
        .iter()
        .flat_map(|s| {
            s.cells.iter().filter_map(|(r, c, cell)| match cell {
                Cell::Input { value, .. } => Some((s.name.clone(), cell_name(*r, *c), *r, *value)),
                _ => None,
            })
        })
        .collect()
}

/// The year cells that sum their row's periods: `(sheet, cell, row, value)`.
fn sums(sheets: &[Sheet]) -> Vec<(String, String, u32, Decimal)> {
    sheets
        .iter()
        .flat_map(|s| {
            s.cells.iter().filter_map(|(r, c, cell)| match cell {
                Cell::Sum { value, .. } => Some((s.name.clone(), cell_name(*r, *c), *r, *value)),
                _ => None,
            })
        })
        .collect()
}

#[test]
fn enough_examples_export() {
    // The properties below are only as strong as the plans they run on.
    let all = examples();
    assert!(all.len() >= 5, "{} examples export", all.len());
    assert!(all.iter().map(|e| inputs(&e.sheets).len()).sum::<usize>() >= 50);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any choice of the examples, in any order, handed back unchanged: no refusal, no
    /// change, every plan's text as it was.
    #[test]
    fn an_unchanged_workbook_changes_nothing(
        chosen in Just(()).prop_flat_map(|()| {
            let n = examples().len();
            proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 1..=n).prop_shuffle()
        })
    ) {
        let imported = round_trip(&chosen, None);
        prop_assert!(imported.refusals.is_empty(), "{:?}", imported.refusals);
        prop_assert_eq!(imported.plans.len(), chosen.len());
        for p in &imported.plans {
            prop_assert!(p.changes.is_empty(), "{}: {:?}", p.path, p.changes);
            prop_assert_eq!(&p.edited, &p.original);
        }
    }

    /// One input cell of one plan edited: that plan's text changes at exactly that figure
    /// (plus its row's year when the year sums the periods); the other plans not at all.
    #[test]
    fn one_edited_input_changes_exactly_that_figure(
        (plan, input, with_other) in Just(()).prop_flat_map(|()| {
            let all = examples();
            // The plans with an input to edit (a draft may have none).
            let editable: Vec<usize> =
                (0..all.len()).filter(|&k| !inputs(&all[k].sheets).is_empty()).collect();
            proptest::sample::select(editable).prop_flat_map(move |k| {
                (Just(k), 0..inputs(&all[k].sheets).len(), any::<bool>())
            })
        }),
        mantissa in 0i64..1_000_000_000,
        scale in 0u32..=2,
    ) {
        let all = examples();
        let (sheet, cell, row, old) = inputs(&all[plan].sheets)[input].clone();
        let mut new = Decimal::new(mantissa, scale);
        if new == old {
            new += Decimal::ONE;
        }
        let other = (plan + 1) % all.len();
        let chosen = if with_other && other != plan { vec![plan, other] } else { vec![plan] };
        let imported = round_trip(&chosen, Some((plan, input, new)));
        prop_assert!(imported.refusals.is_empty(), "{:?}", imported.refusals);
        let mut want = vec![format!("{sheet}!{cell}")];
        let year = sums(&all[plan].sheets)
            .into_iter()
            .find(|(s, _, r, _)| *s == sheet && *r == row);
        if let Some((_, c, _, _)) = &year {
            if *c != cell {
                want.push(format!("{sheet}!{c}"));
            }
        }
        for p in &imported.plans {
            if p.path != all[plan].path {
                prop_assert!(p.changes.is_empty());
                prop_assert_eq!(&p.edited, &p.original);
                continue;
            }
            let mut got: Vec<String> = p.changes.iter().map(|c| c.cell.clone()).collect();
            got.sort();
            want.sort();
            prop_assert_eq!(&got, &want);
            // The edited plan, exported again, shows the new figure there and every other
            // input as it was.
            let checked = crate::load::check_full(Path::new(&p.path), p.edited.clone().into_bytes(), &Config::default(), false);
            let edited = checked.plan.expect("the edited plan parses");
            let again = crate::i18n::scope(checked.lang, || super::sheets(&edited, &mut Vec::new()));
            let before = inputs(&all[plan].sheets);
            let now = inputs(&again);
            prop_assert_eq!(before.len(), now.len());
            for (b, n) in before.iter().zip(&now) {
                prop_assert_eq!((&b.0, &b.1), (&n.0, &n.1));
                if b.0 == sheet && b.1 == cell {
                    prop_assert_eq!(n.3, new);
                } else {
                    prop_assert_eq!(b.3, n.3, "{}!{}", b.0, b.1);
                }
            }
            if let Some((_, c, _, v)) = &year {
                let now_year = sums(&again).into_iter().find(|(s, cc, _, _)| *s == sheet && cc == c).unwrap();
                prop_assert_eq!(now_year.3, *v + new - old);
            }
        }
    }
}
