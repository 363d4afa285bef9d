#![no_main]
//! See `fuzz/README.md`; the input's meaning is documented on `harness::load_check`.

#[path = "../../tests/integration/harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::load_check(data));
