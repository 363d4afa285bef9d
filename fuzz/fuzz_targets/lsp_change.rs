#![no_main]
//! See `fuzz/README.md`; the input's meaning is documented on `harness::lsp_change`.

#[path = "../../tests/integration/harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::lsp_change(data));
