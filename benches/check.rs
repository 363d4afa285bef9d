//! Criterion benchmark: load + check of one plan, and its stages.
//!
//! `cargo bench --bench check`. Whole-run figures (10 000 files, wall time and peak
//! memory) come from `bench/check_10k.sh`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use planc::config::Config;

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::default();
    for name in ["east-china", "company"] {
        let path = root.join(format!("examples/org/{name}.plan.yaml"));
        let bytes = std::fs::read(&path).expect("example exists");
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("load+check", |b| {
            b.iter(|| planc::load::check_bytes(&path, black_box(&bytes), &config))
        });
        group.bench_function("parse yaml", |b| {
            b.iter(|| planc::source::yaml::parse(black_box(&text)))
        });
        let mut tree = planc::source::yaml::parse(&text).root.expect("parses");
        group.bench_function("schema", |b| {
            b.iter(|| planc::schema::validate(black_box(&mut tree)))
        });
        group.bench_function("typed model", |b| {
            b.iter(|| planc::source::de::from_node::<planc::model::Plan>(black_box(&tree)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
