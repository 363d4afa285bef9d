//! planc — a plan-as-code compiler for annual sales plans.
//!
//! The pipeline, in the order data flows (see ARCHITECTURE.md):
//! `source` (bytes → text → YAML tree with spans) → `schema` (JSON Schema validation)
//! → `model` (typed plan) → `rules` (consistency findings) → `diagnostics` (emitters)
//! → `render` (reports).

pub mod actuals;
pub mod allocate;
pub mod apply_allocation;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod diff;
pub mod exchange;
pub mod fix;
pub mod git;
pub mod i18n;
pub mod init;
pub mod load;
pub mod lsp;
pub mod model;
pub mod num;
pub mod render;
pub mod report;
pub mod review;
pub mod rules;
pub mod schema;
pub mod serve;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod workspace;
