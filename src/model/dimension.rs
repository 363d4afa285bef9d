//! Breakdown dimensions compared by meaning: `产品` and `product` name one dimension,
//! `省份`, `省` and `province` another. A name planc does not know is matched only to
//! itself (exactly as written).

/// The canonical (English) name of a known dimension, or the name as written.
pub fn canonical(name: &str) -> &str {
    let t = name.trim();
    let lower = t.to_ascii_lowercase();
    let known = match lower.as_str() {
        "product" | "products" | "产品" | "品种" | "产品线" | "药品" => "product",
        "province" | "provinces" | "省份" | "省" | "省区" => "province",
        "region" | "regions" | "大区" | "区域" | "地区" => "region",
        "region_group" | "区域组" | "区域类型" => "region_group",
        "quarter" | "quarters" | "季度" | "季" => "quarter",
        "month" | "months" | "月份" | "月度" | "月" => "month",
        "city" | "cities" | "城市" | "地市" => "city",
        "county" | "县域" | "区县" | "县" => "county",
        "channel" | "channels" | "渠道" => "channel",
        "account" | "accounts" | "hospital" | "客户" | "医院" | "终端" => "account",
        "team" | "teams" | "团队" | "小组" => "team",
        "representative" | "representatives" | "rep" | "reps" | "代表" | "医药代表"
        | "销售代表" => "representative",
        "phase" | "phases" | "阶段" => "phase",
        _ => return t,
    };
    known
}

/// Do two dimension names mean the same dimension?
pub fn same(a: &str, b: &str) -> bool {
    canonical(a) == canonical(b)
}

/// Dimensions that split territory or people: an item of one of these belongs to one
/// plan among siblings (a province, a city, an account, a representative). Teams are
/// not: two regions may each have a team called 一组.
pub fn is_territorial(name: &str) -> bool {
    matches!(
        canonical(name),
        "province" | "city" | "county" | "account" | "representative"
    )
}

/// The canonical code of a currency as written: `RMB`, `人民币`, `CNY` and `元` are one.
pub fn currency_code(written: &str) -> String {
    let t = written.trim();
    match t.to_ascii_uppercase().as_str() {
        "CNY" | "RMB" | "人民币" | "元" | "¥" | "￥" | "CN¥" => "CNY".to_owned(),
        "USD" | "US$" | "美元" => "USD".to_owned(),
        "EUR" | "€" | "欧元" => "EUR".to_owned(),
        "HKD" | "HK$" | "港元" | "港币" => "HKD".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_meet_and_custom_names_only_themselves() {
        for (a, b) in [
            ("产品", "product"),
            ("省份", "province"),
            ("季度", "quarter"),
            ("月份", "month"),
            ("代表", "rep"),
            ("rep", "representative"),
            ("Province", "省"),
        ] {
            assert!(same(a, b), "{a} = {b}");
        }
        // Every known dimension by each of its names.
        let table: &[(&str, &[&str])] = &[
            ("product", &["products", "产品", "品种", "产品线", "药品"]),
            ("province", &["provinces", "省份", "省", "省区"]),
            ("region", &["regions", "大区", "区域", "地区"]),
            ("region_group", &["区域组", "区域类型"]),
            ("quarter", &["quarters", "季度", "季"]),
            ("month", &["months", "月份", "月度", "月"]),
            ("city", &["cities", "城市", "地市"]),
            ("county", &["县域", "区县", "县"]),
            ("channel", &["channels", "渠道"]),
            ("account", &["accounts", "hospital", "客户", "医院", "终端"]),
            ("team", &["teams", "团队", "小组"]),
            (
                "representative",
                &[
                    "representatives",
                    "rep",
                    "reps",
                    "代表",
                    "医药代表",
                    "销售代表",
                ],
            ),
            ("phase", &["phases", "阶段"]),
        ];
        for (canon, names) in table {
            assert_eq!(canonical(canon), *canon);
            for n in *names {
                assert_eq!(canonical(n), *canon, "{n}");
            }
        }
        assert!(!same("product", "province"));
        assert!(!same("片区", "region"));
        assert!(same("片区", "片区"));
        assert_eq!(canonical(" 片区 "), "片区");
        assert!(is_territorial("省份"));
        assert!(is_territorial("account"));
        assert!(!is_territorial("product"));
        assert!(!is_territorial("quarter"));
    }

    #[test]
    fn currencies_by_meaning() {
        assert_eq!(currency_code("RMB"), "CNY");
        assert_eq!(currency_code("人民币"), "CNY");
        assert_eq!(currency_code("cny"), "CNY");
        assert_eq!(currency_code("usd"), "USD");
        assert_ne!(currency_code("USD"), currency_code("CNY"));
        assert_eq!(currency_code("XYZ"), "XYZ");
        for (code, names) in [
            ("CNY", &["CNY", "RMB", "人民币", "元", "¥", "￥", "CN¥"][..]),
            ("USD", &["USD", "US$", "美元"][..]),
            ("EUR", &["EUR", "€", "欧元"][..]),
            ("HKD", &["HKD", "HK$", "港元", "港币"][..]),
        ] {
            for n in names {
                assert_eq!(currency_code(n), code, "{n}");
            }
        }
    }
}
