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
