use crate::util::root;

#[test]
fn committed_schema_matches_the_generated_one() {
    let committed = std::fs::read_to_string(root().join("schemas/plan.schema.json"))
        .expect("schemas/plan.schema.json is committed");
    let generated = planc::schema::generate_pretty();
    assert!(
        committed == generated,
        "schemas/plan.schema.json is out of date: run `cargo run -- schema -o schemas/plan.schema.json`"
    );
}

/// The Chinese schema `planc init` points new plans at: the same schema with every
/// description translated (none left in English).
#[test]
fn committed_chinese_schema_matches_and_every_description_is_translated() {
    let committed = std::fs::read_to_string(root().join("schemas/plan.schema.zh.json"))
        .expect("schemas/plan.schema.zh.json is committed");
    let generated = planc::schema::generate_pretty_in(planc::i18n::Lang::Zh);
    assert!(
        committed == generated,
        "schemas/plan.schema.zh.json is out of date: run `cargo run -- --lang zh schema -o schemas/plan.schema.zh.json`"
    );
    let english: Vec<String> = planc::i18n::schema::descriptions(&planc::schema::generate())
        .into_iter()
        .chain(planc::i18n::schema::descriptions(&planc::actuals::schema()))
        .collect();
    assert!(english.len() > 200, "{}", english.len());
    let untranslated: Vec<&String> = english
        .iter()
        .filter(|d| planc::i18n::schema::description(planc::i18n::Lang::Zh, d) == d.as_str())
        .collect();
    assert!(
        untranslated.is_empty(),
        "descriptions without a Chinese text in i18n/zh/schema.json: {untranslated:#?}"
    );
    // The translations are Chinese, and none is left over from a description that changed.
    assert_eq!(
        planc::i18n::schema::table_size(),
        english
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        "i18n/zh/schema.json holds translations of descriptions that no longer exist"
    );
    for d in &english {
        let zh = planc::i18n::schema::description(planc::i18n::Lang::Zh, d);
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "not Chinese: {zh}"
        );
    }
}

#[test]
fn every_example_points_editors_at_the_schema() {
    for path in crate::util::plans_under(&root().join("examples")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("# yaml-language-server: $schema=")
                && first.ends_with("schemas/plan.schema.json"),
            "{} does not start with the yaml-language-server schema comment",
            path.display()
        );
    }
}
