//! The year-end review: a plan against its actuals.
//!
//! [`session::run`] loads the `kind: review` file (or a plain plan), the plan under
//! review and the actuals; `crate::actuals` joins them; [`compute`] turns the joined
//! facts into every figure the summary shows (attainment, growth, variance, KPI
//! verdicts, status lights, contributors, year-to-date and forecast); [`figures`]
//! places them in sections and narrative. `planc check` runs the same session without
//! computing, for its findings.

mod breakdown;
pub mod chart;
pub mod compute;
pub mod figures;
mod fmt;
pub mod monthly;
mod narrative;
pub mod report;
pub mod session;
mod summary;
mod tables;

pub use compute::{compute, Light, Review};
pub use session::{run, Outcome, Request};
