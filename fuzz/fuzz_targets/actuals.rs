#![no_main]
//! See `fuzz/README.md`; the input's meaning is documented on `harness::actuals`.

#[path = "../../tests/integration/harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::actuals(data));
