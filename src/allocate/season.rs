//! A seasonal index (季节指数) from monthly actuals already read by `actuals`: each
//! year's months as shares of that year, averaged over the years, summed into the
//! breakdown's quarters or months, and written as percentages adding up to exactly 100
//! (largest remainder at two decimals).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// Decimals of the percentages written.
pub const INDEX_DP: u32 = 2;

/// One month's actual: year, month (1–12) and amount in base units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Monthly {
    pub year: i32,
    pub month: u32,
    pub amount: Decimal,
}

/// Which months (1–12) an item of a quarter or month breakdown covers: `Q1`–`Q4`,
/// `M01`–`M12`, `1月`–`12月`.
pub fn months_of(item: &str) -> Option<Vec<u32>> {
    let t = item.trim();
    let upper = t.to_ascii_uppercase();
    if let Some(q) = upper.strip_prefix('Q').and_then(|n| n.parse::<u32>().ok()) {
        return (1..=4)
            .contains(&q)
            .then(|| ((q - 1) * 3 + 1..=q * 3).collect());
    }
    let m = upper
        .strip_prefix('M')
        .or_else(|| t.strip_suffix('月'))
        .and_then(|n| n.parse::<u32>().ok())?;
    (1..=12).contains(&m).then(|| vec![m])
}

/// The index for `items` (refs of quarters or months) from monthly figures of one or
/// more full years. Errors are messages in the current language.
pub fn index(figures: &[Monthly], items: &[&str]) -> Result<Vec<(String, Decimal)>, String> {
    let mut covered: Vec<Vec<u32>> = Vec::new();
    for item in items {
        match months_of(item) {
            Some(m) => covered.push(m),
            None => return Err(crate::t!("alloc-season-item", item = *item)),
        }
    }
    let mut years: BTreeMap<i32, BTreeMap<u32, Decimal>> = BTreeMap::new();
    for f in figures {
        *years.entry(f.year).or_default().entry(f.month).or_default() += f.amount;
    }
    if years.is_empty() {
        return Err(crate::t!("alloc-season-no-rows"));
    }
    let mut shares = [Decimal::ZERO; 12];
    for (year, months) in &years {
        let missing: Vec<String> = (1..=12)
            .filter(|m| !months.contains_key(m))
            .map(|m| m.to_string())
            .collect();
        if !missing.is_empty() {
            return Err(crate::t!(
                "alloc-season-missing-months",
                year = *year,
                months = missing.join(", ")
            ));
        }
        let total: Decimal = months.values().sum();
        if total <= Decimal::ZERO || months.values().any(|v| *v < Decimal::ZERO) {
            return Err(crate::t!("alloc-season-nonpositive", year = *year));
        }
        for (m, v) in months {
            if let Some(s) = shares.get_mut(*m as usize - 1) {
                *s += *v / total;
            }
        }
    }
    let parts: Vec<Decimal> = covered
        .iter()
        .map(|ms| ms.iter().map(|m| shares[*m as usize - 1]).sum())
        .collect();
    let pct =
        super::math::percentages(&parts, INDEX_DP).ok_or_else(|| crate::t!("alloc-season-zero"))?;
    Ok(items.iter().map(|s| s.to_string()).zip(pct).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_and_months_cover_their_months() {
        assert_eq!(months_of("Q2"), Some(vec![4, 5, 6]));
        assert_eq!(months_of("M03"), Some(vec![3]));
        assert_eq!(months_of("3月"), Some(vec![3]));
        assert_eq!(months_of("Q5"), None);
        assert_eq!(months_of("M13"), None);
        figures_missing_a_month_are_refused();
        assert_eq!(months_of("shanghai"), None);
    }

    fn figures_missing_a_month_are_refused() {
        let f = Monthly {
            year: 2025,
            month: 1,
            amount: Decimal::ONE,
        };
        assert!(index(&[f], &["Q1"]).is_err());
        assert!(index(&[], &["Q1"]).is_err());
    }

    #[test]
    fn an_index_from_two_years_adds_up_to_a_hundred() {
        let mut figures = Vec::new();
        for year in [2024, 2025] {
            for month in 1..=12 {
                let amount = Decimal::from(if month <= 3 { 100 } else { 200 });
                figures.push(Monthly {
                    year,
                    month,
                    amount,
                });
            }
        }
        let ix = index(&figures, &["Q1", "Q2", "Q3", "Q4"]).unwrap();
        let pct: Vec<String> = ix.iter().map(|(_, v)| v.to_string()).collect();
        // Q1 = 300 of 2100 each year: 14.2857…%, the rest 28.5714…%; sum exactly 100.
        assert_eq!(pct, ["14.29", "28.57", "28.57", "28.57"]);
    }
}
