//! One integration-test binary (one link step), one module per area.

mod harness;
mod ledger;
mod util;

mod actuals;
mod allocate;
mod review;

mod check_cli;
mod diff;
mod documents;
mod docx_layout;
mod everyday;
mod exchange;
mod fix_props;
mod fuzz_corpus;
mod git_check;
mod hostile;
mod i18n;
mod init_fix;
mod latin;
mod lsp;
mod monthly;
mod monthly_doc;
mod monthly_series;
mod mutation;
mod one_answer;
mod packaging;
mod pdf;
mod printed;
mod properties;
mod render;
mod rollup_rules;
mod rule_fixtures;
mod schema_drift;
mod serve;
mod workspace;
mod yaml_conformance;
