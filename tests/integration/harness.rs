//! What each fuzz target does with one input — shared, byte for byte, by the cargo-fuzz
//! targets in `fuzz/fuzz_targets/` (which include this file with `#[path]`) and by the
//! regression test in `fuzz_corpus.rs`, which runs every saved input of
//! `tests/fuzz_corpus/<target>/` through the same function.
//!
//! Only the `planc` library is used here (no test dependencies), so the fuzz crate
//! builds it as it is.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use planc::config::Config;
use planc::lsp::convert::{Encoding, LineIndex};

/// What a fuzz target runs on one input.
pub type Target = fn(&[u8]);

/// The fuzz targets, by name (the directory names under `tests/fuzz_corpus/`).
pub const TARGETS: &[(&str, Target)] = &[
    ("load_check", load_check),
    ("actuals", actuals),
    ("render", render),
    ("lsp_change", lsp_change),
];

/// One plan file through decode, YAML, schema, model, rules and suppressions, then
/// every emitter that quotes it.
pub fn load_check(data: &[u8]) {
    let config = Config::default();
    let report = planc::load::check_bytes(Path::new("fuzz.plan.yaml"), data, &config);
    let reports = [report];
    let _ = planc::diagnostics::json::render(&reports, true);
    let _ = planc::diagnostics::sarif::render(&reports);
    let _ = planc::diagnostics::github::render(&reports);
    let _ = planc::diagnostics::human::render(&reports, &human_style());
}

/// An actuals file: the first byte picks the format (CSV, XLSX, YAML), the rest is the
/// file; then its findings through the human emitter.
pub fn actuals(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = match pick % 3 {
        0 => "fuzz.actuals.csv",
        1 => "fuzz.actuals.xlsx",
        _ => "fuzz.actuals.yaml",
    };
    let file = planc::actuals::load_bytes(Path::new(name), bytes);
    let report = file.into_report();
    let _ = planc::diagnostics::human::render(&[report], &human_style());
}

/// A plan checked, then rendered in every format (errors or not, as `--allow-errors`).
pub fn render(data: &[u8]) {
    let config = Config::default();
    let path = Path::new("fuzz.plan.yaml");
    let (report, plan) = planc::load::check_bytes_with_plan(path, data, &config);
    let Some(plan) = plan else {
        return;
    };
    let renderer = planc::render::Renderer::new(None).expect("the built-in templates load");
    let input = planc::render::Input {
        plan: &plan,
        record: planc::render::checks::Record {
            source: "fuzz.plan.yaml",
            sha256: "0",
            report: &report,
            config: &config,
        },
        lang: None,
    };
    let view = renderer.report(&input);
    for format in [
        planc::render::Format::Md,
        planc::render::Format::Html,
        planc::render::Format::Docx,
    ] {
        let _ = renderer.render(&view, format);
    }
}

/// The language server's document-change path: a document (the input up to the first
/// 0xFF byte) receives incremental changes (the rest: records of a 4-byte range — start
/// line, start column, end line, end column — and text up to the next 0xFF), applied as
/// the server applies `didChange`; after each, the text is checked alone and its
/// findings converted to diagnostics, and hover, completion and symbols are asked at
/// the change's position. The encoding follows the first change's first byte.
pub fn lsp_change(data: &[u8]) {
    let mut parts = data.split(|&b| b == 0xFF);
    let Some(first) = parts.next() else {
        return;
    };
    let mut text = String::from_utf8_lossy(first).into_owned();
    let path = PathBuf::from("/fuzz/fuzz.plan.yaml");
    let uri = lsp_types::Url::parse("file:///fuzz/fuzz.plan.yaml").expect("a valid URI");
    let config = Config::default();
    let mut encoding = None;
    for change in parts {
        let (range, new) = if change.len() >= 4 {
            change.split_at(4)
        } else {
            (&[][..], change)
        };
        let enc = *encoding.get_or_insert(if range.first().is_some_and(|b| b & 0x80 != 0) {
            Encoding::Utf16
        } else {
            Encoding::Utf8
        });
        let pos = |l: u8, c: u8| lsp_types::Position::new(u32::from(l % 64), u32::from(c));
        let range = (range.len() == 4).then(|| lsp_types::Range {
            start: pos(range[0], range[1]),
            end: pos(range[2], range[3]),
        });
        let change = lsp_types::TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: String::from_utf8_lossy(new).into_owned(),
        };
        planc::lsp::apply(&mut text, change, enc);
        let report = planc::load::check_bytes(&path, text.as_bytes(), &config);
        let lang = config.lang.for_file(planc::load::text_lang(&text));
        let _ = planc::lsp::diag::diagnostics(
            &report,
            Some(&text),
            enc,
            lang,
            &planc::lsp::diag::Docs::none(),
        );
        let mut open = HashMap::new();
        open.insert(
            path.clone(),
            planc::lsp::Doc {
                uri: uri.clone(),
                text: text.clone(),
                version: 1,
            },
        );
        let snap = planc::lsp::Snapshot {
            encoding: enc,
            config: &config,
            ws: None,
            open: &open,
        };
        let at = range.map_or_else(
            || LineIndex::new(&text, enc).position(text.len() / 2),
            |r| r.end,
        );
        let doc = lsp_types::TextDocumentPositionParams {
            text_document: lsp_types::TextDocumentIdentifier { uri: uri.clone() },
            position: at,
        };
        let _ = planc::lsp::hover::hover(
            &snap,
            &lsp_types::HoverParams {
                text_document_position_params: doc.clone(),
                work_done_progress_params: Default::default(),
            },
        );
        let _ = planc::lsp::complete::complete(
            &snap,
            &lsp_types::CompletionParams {
                text_document_position: doc,
                work_done_progress_params: Default::default(),
                partial_result_params: Default::default(),
                context: None,
            },
        );
        let _ = planc::lsp::nav::symbols(
            &snap,
            &lsp_types::DocumentSymbolParams {
                text_document: lsp_types::TextDocumentIdentifier { uri: uri.clone() },
                work_done_progress_params: Default::default(),
                partial_result_params: Default::default(),
            },
        );
    }
}

fn human_style() -> planc::diagnostics::human::Style {
    planc::diagnostics::human::Style::default()
}
