//! Last year's figure of each item of a breakdown, from actuals files of earlier years
//! already read (`method: history` with `actuals:`): the latest year that every item has
//! whole — a full-year figure, else four quarters, else twelve months, added up exactly.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

/// Which part of a year a figure covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Year,
    Quarter(u32),
    Month(u32),
}

/// One figure of an actuals file: its item as written, year (when the period names it),
/// part of the year, and amount in base units (元 for money).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub item: String,
    pub year: Option<i32>,
    pub part: Part,
    pub amount: Decimal,
}

/// The year's total from its parts: the full-year figure, else four quarters, else
/// twelve months.
#[derive(Default)]
struct Year {
    full: Option<Decimal>,
    quarters: BTreeMap<u32, Decimal>,
    months: BTreeMap<u32, Decimal>,
}

impl Year {
    fn whole(&self) -> Option<Decimal> {
        if self.full.is_some() {
            return self.full;
        }
        if self.quarters.len() == 4 {
            return Some(self.quarters.values().sum());
        }
        (self.months.len() == 12).then(|| self.months.values().sum())
    }
}

/// Each item's figure (in item order) for the latest year that all of them have whole.
/// `labels` names the items; `is_item(k, text)` says whether an item as written is item
/// `k`. `Err` is the message: which item has no figure, or no whole year in common with
/// the others.
pub fn last_years(
    figures: &[Figure],
    labels: &[&str],
    is_item: &dyn Fn(usize, &str) -> bool,
) -> Result<(Option<i32>, Vec<Decimal>), String> {
    let mut per_item: Vec<BTreeMap<Option<i32>, Year>> = Vec::with_capacity(labels.len());
    for (k, label) in labels.iter().enumerate() {
        let mut years: BTreeMap<Option<i32>, Year> = BTreeMap::new();
        for f in figures.iter().filter(|f| is_item(k, &f.item)) {
            let y = years.entry(f.year).or_default();
            match f.part {
                Part::Year => *y.full.get_or_insert(Decimal::ZERO) += f.amount,
                Part::Quarter(q) => *y.quarters.entry(q).or_default() += f.amount,
                Part::Month(m) => *y.months.entry(m).or_default() += f.amount,
            }
        }
        if years.is_empty() {
            return Err(crate::t!("alloc-history-no-item", item = *label));
        }
        per_item.push(years);
    }
    // The years every item has whole; the latest of them.
    let mut common: Option<BTreeSet<Option<i32>>> = None;
    for (k, years) in per_item.iter().enumerate() {
        let whole: BTreeSet<Option<i32>> = years
            .iter()
            .filter(|(_, y)| y.whole().is_some())
            .map(|(year, _)| *year)
            .collect();
        let next: BTreeSet<Option<i32>> = match &common {
            None => whole,
            Some(c) => c.intersection(&whole).copied().collect(),
        };
        if next.is_empty() {
            return Err(crate::t!("alloc-history-no-year", item = labels[k]));
        }
        common = Some(next);
    }
    let year = common
        .and_then(|c| c.last().copied())
        .ok_or_else(|| crate::t!("alloc-history-no-rows"))?;
    let values = per_item
        .iter()
        .map(|years| years.get(&year).and_then(Year::whole).unwrap_or_default())
        .collect();
    Ok((year, values))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(item: &str, year: i32, part: Part, amount: i64) -> Figure {
        Figure {
            item: item.into(),
            year: Some(year),
            part,
            amount: Decimal::from(amount),
        }
    }

    #[test]
    fn the_latest_whole_year_every_item_has() {
        let mut f = vec![
            fig("华东", 2024, Part::Year, 80),
            fig("华南", 2024, Part::Year, 70),
            fig("华东", 2025, Part::Year, 90),
            // 华南's 2025 in quarters: whole, added up.
            fig("华南", 2025, Part::Quarter(1), 10),
            fig("华南", 2025, Part::Quarter(2), 20),
            fig("华南", 2025, Part::Quarter(3), 30),
            fig("华南", 2025, Part::Quarter(4), 25),
        ];
        let names = ["华东", "华南"];
        let is = |k: usize, t: &str| names.get(k) == Some(&t);
        let got = last_years(&f, &["east", "south"], &is).unwrap();
        assert_eq!(
            got,
            (Some(2025), vec![Decimal::from(90), Decimal::from(85)])
        );
        // Three quarters are not a year: 2024 is the latest whole one for both.
        f.retain(|x| x.part != Part::Quarter(4));
        let got = last_years(&f, &["east", "south"], &is).unwrap();
        assert_eq!(
            got,
            (Some(2024), vec![Decimal::from(80), Decimal::from(70)])
        );
        // Twelve months are a year; eleven are not.
        let months: Vec<Figure> = (1..=12)
            .map(|m| fig("华东", 2025, Part::Month(m), m.into()))
            .collect();
        assert_eq!(
            last_years(&months, &["east"], &is).unwrap(),
            (Some(2025), vec![Decimal::from(78)])
        );
        assert!(last_years(&months[1..], &["east"], &is).is_err());
        // An item without figures is named.
        let north = |k: usize, t: &str| ["华东", "华北"].get(k) == Some(&t);
        let e = last_years(&f, &["east", "north"], &north).unwrap_err();
        assert!(e.contains("north"), "{e}");
    }
}
