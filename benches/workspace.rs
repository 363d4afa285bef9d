//! Criterion benchmark of the workspace: opening a linked tree of plans, and re-checking
//! one changed file in it in-process (what the language server does on a keystroke).
//!
//! `cargo bench --bench workspace`. The tree is `bench/gen_plans.py DIR --tree 20 500`
//! (1 company → 20 regions → 500 representatives each, 10 021 files), generated into
//! `$PLANC_BENCH_TREE` (default `/tmp/planc-tree`) when missing.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use planc::config::Config;
use planc::workspace::{Options, Workspace};

fn tree() -> PathBuf {
    let dir = std::env::var_os("PLANC_BENCH_TREE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/planc-tree"));
    if !dir.join("company.plan.yaml").is_file() {
        let root = env!("CARGO_MANIFEST_DIR");
        let ok = std::process::Command::new("python3")
            .arg(format!("{root}/bench/gen_plans.py"))
            .arg(&dir)
            .args(["--tree", "20", "500"])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "bench/gen_plans.py could not write {}", dir.display());
    }
    dir
}

fn bench(c: &mut Criterion) {
    let dir = tree();
    let mut group = c.benchmark_group("workspace");
    group.sample_size(10);
    group.bench_function("open 10k linked plans", |b| {
        b.iter(|| {
            Workspace::open(
                std::slice::from_ref(&dir),
                Config::default(),
                &Options::default(),
            )
        })
    });
    let mut ws = Workspace::open(
        std::slice::from_ref(&dir),
        Config::default(),
        &Options::default(),
    );
    let rep = dir.join("rep-00007-123.plan.yaml");
    let text = std::fs::read_to_string(&rep).expect("a representative's plan");
    let changed = text.replacen("    value: ", "    value: 1", 1);
    let mut flip = false;
    group.sample_size(50);
    group.bench_function("re-check one changed representative", |b| {
        b.iter(|| {
            flip = !flip;
            let t = if flip { changed.clone() } else { text.clone() };
            ws.update(&rep, Some(t))
        })
    });
    let region = dir.join("region-00007.plan.yaml");
    let rtext = std::fs::read_to_string(&region).expect("a region's plan");
    group.bench_function("re-check one changed region (500 children)", |b| {
        b.iter(|| ws.update(&region, Some(rtext.clone())))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
