//! The fuzzers' regression corpus: every input saved under `tests/fuzz_corpus/<target>/`
//! (the crashes, hangs and out-of-memory inputs the fuzz targets found, once fixed, and a
//! few seeds) goes through the same function as its fuzz target (`harness.rs`). Each
//! input runs on a thread of its own; one that panics fails the test with its file
//! name, and one that does not finish within a generous bound is reported as a hang.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use crate::harness::TARGETS;

/// Far above what any input needs in a debug build: a hang, not slowness, trips it.
const BOUND: Duration = Duration::from_secs(60);

#[test]
fn every_saved_fuzz_input_runs_to_completion() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let mut ran = 0;
    for (target, run) in TARGETS {
        let dir = root.join(target);
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a readable entry").path())
            .collect();
        inputs.sort();
        assert!(!inputs.is_empty(), "{} has no inputs", dir.display());
        for input in inputs {
            let data = std::fs::read(&input).expect("a readable corpus file");
            let run = *run;
            let (tx, rx) = mpsc::channel();
            let name = input.display().to_string();
            std::thread::spawn(move || {
                let outcome = std::panic::catch_unwind(|| run(&data));
                let _ = tx.send(outcome.is_ok());
            });
            match rx.recv_timeout(BOUND) {
                Ok(true) => ran += 1,
                Ok(false) => panic!("{name}: the {target} target panicked"),
                Err(_) => panic!("{name}: the {target} target did not finish in {BOUND:?}"),
            }
        }
    }
    assert!(ran >= TARGETS.len());
}
