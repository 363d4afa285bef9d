//! PDF: the report typeset by typst, used as a library.
//!
//! The view-model becomes typst source through minijinja templates (`templates/typ/`,
//! overridable by name like the Markdown and HTML ones); plan text enters that source
//! only escaped (see [`markup`]). The source is compiled in memory by a minimal
//! [`typst::World`]: one main file, the charts' SVG drawings as virtual files under
//! `/charts/`, and the system's CJK fonts. Nothing is read from the network or the
//! working directory, and the document's date is the plan's, so the same plan gives
//! the same bytes.

pub mod fonts;
pub mod markup;
pub mod templates;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::labels::Labels;
use super::view::Report;
use super::RenderError;

/// Typesets `report` as a PDF.
pub fn render(
    report: &Report,
    l: &Labels,
    templates: &templates::Templates,
) -> Result<Vec<u8>, RenderError> {
    let fonts = fonts::system()?;
    let text = templates.render_report(report, l, fonts)?;
    let world = PlanWorld::new(text, charts(report, fonts), fonts, date(report));
    let ident = format!("planc/{}/{}", report.meta.id, report.meta.period);
    let limit = Duration::from_secs(TYPESET_SECONDS.load(Ordering::Relaxed));
    typeset_within(world, ident, limit).map_err(|e| match e {
        Typeset::Failed(message) => RenderError::Pdf(message),
        Typeset::TooLong => RenderError::Pdf(crate::t!(
            "render-pdf-too-long",
            template = templates::Templates::report_name(report),
            seconds = limit.as_secs()
        )),
    })
}

/// How long typesetting one PDF may take by default (`[limits] typeset_seconds`).
/// The company example takes about 2 s in a debug build.
pub const DEFAULT_TYPESET_SECONDS: u64 = 60;

static TYPESET_SECONDS: AtomicU64 = AtomicU64::new(DEFAULT_TYPESET_SECONDS);

/// Sets how long typesetting one PDF may take, for this process.
pub fn set_typeset_seconds(seconds: u64) {
    TYPESET_SECONDS.store(seconds.max(1), Ordering::Relaxed);
}

enum Typeset {
    Failed(String),
    TooLong,
}

/// Compiles and exports `world` in a thread pool of its own, waiting at most `limit`.
/// typst has no step limit of its own (a `for` over a vast range runs on), so a
/// template that typesets without end is given up on: the error names it and the run
/// goes on; the abandoned pool ends with the process (`render` exits after its files,
/// and `serve` never typesets). The pool is typst's own, not the global one that
/// `render DIR` runs its files on: typst spreads layout over rayon, and a global pool
/// whose every thread waits here for a PDF could not lay any out.
fn typeset_within(world: PlanWorld, ident: String, limit: Duration) -> Result<Vec<u8>, Typeset> {
    let (tx, rx) = mpsc::channel();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("planc-typeset-{i}"))
        // typst recurses deeply on nested content; the main thread's stack is 8 MB.
        .stack_size(64 * 1024 * 1024)
        // A panic in typst drops the sender (reported below); rayon would abort.
        .panic_handler(|_| {})
        .build()
        .map_err(|e| Typeset::Failed(e.to_string()))?;
    pool.spawn(move || {
        let warned = typst::compile::<PagedDocument>(&world);
        let result = warned
            .output
            .map_err(|errors| describe(&world, &errors))
            .and_then(|doc| {
                let options = typst_pdf::PdfOptions {
                    ident: Smart::Custom(&ident),
                    timestamp: world.date.map(typst_pdf::Timestamp::new_utc),
                    ..Default::default()
                };
                typst_pdf::pdf(&doc, &options).map_err(|errors| describe(&world, &errors))
            });
        let _ = tx.send(result);
    });
    match rx.recv_timeout(limit) {
        Ok(result) => result.map_err(Typeset::Failed),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Typeset::TooLong),
        // typst panicked.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Typeset::Failed("typst stopped unexpectedly".to_owned()))
        }
    }
}

/// The document's date: the first day of the plan's period (never the clock).
fn date(report: &Report) -> Option<Datetime> {
    let d = chrono::NaiveDate::parse_from_str(report.meta.date.as_deref()?, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8)
}

/// Every chart of the report (`/charts/<id>.svg` → SVG), found wherever a section holds
/// one. Its text is outlined here with usvg (the same fonts): the drawing stays vector,
/// and typst's own SVG text export, whose font order varies from run to run, is not
/// involved, so the PDF's bytes do not either.
fn charts(report: &Report, fonts: &fonts::Fonts) -> HashMap<String, Bytes> {
    let opt = resvg::usvg::Options {
        fontdb: std::sync::Arc::clone(&fonts.svg),
        font_family: fonts.sans.first().cloned().unwrap_or_default(),
        ..Default::default()
    };
    let outline = |svg: &str| -> String {
        match resvg::usvg::Tree::from_str(svg, &opt) {
            Ok(tree) => tree.to_string(&resvg::usvg::WriteOptions::default()),
            Err(_) => svg.to_owned(),
        }
    };
    let mut out = HashMap::new();
    let mut found = Vec::new();
    if let Ok(v) = serde_json::to_value(&report.sections) {
        walk(&v, &mut found);
    }
    for (id, svg) in found {
        out.insert(
            format!("/charts/{id}.svg"),
            Bytes::new(outline(&svg).into_bytes()),
        );
    }
    out
}

fn walk(v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(map) => {
            if let (Some(serde_json::Value::String(id)), Some(serde_json::Value::String(svg))) =
                (map.get("id"), map.get("svg"))
            {
                out.push((id.clone(), svg.clone()));
            }
            map.values().for_each(|x| walk(x, out));
        }
        serde_json::Value::Array(list) => list.iter().for_each(|x| walk(x, out)),
        _ => {}
    }
}

/// Typst's errors with the line of the generated source they point at.
fn describe(world: &PlanWorld, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let mut s = format!("typst: {}", e.message);
            if let Some(id) = e.span.id() {
                if let (Ok(src), Some(range)) = (world.source(id), world.range(e.span)) {
                    if let Some(line) = src.byte_to_line(range.start) {
                        s.push_str(&format!(
                            " (line {} of the generated typst source",
                            line + 1
                        ));
                        let text = src.text().lines().nth(line).unwrap_or("").trim();
                        let short: String = text.chars().take(80).collect();
                        s.push_str(&format!(": `{short}`)"));
                    }
                }
            }
            for h in &e.hints {
                s.push_str(&format!("; hint: {h}"));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n")
}

use typst::WorldExt as _;

/// One in-memory document: the main source, chart drawings and the fonts.
struct PlanWorld {
    library: LazyHash<Library>,
    main: Source,
    files: HashMap<String, Bytes>,
    fonts: &'static fonts::Fonts,
    date: Option<Datetime>,
}

impl PlanWorld {
    fn new(
        text: String,
        files: HashMap<String, Bytes>,
        fonts: &'static fonts::Fonts,
        date: Option<Datetime>,
    ) -> PlanWorld {
        let id = FileId::new(None, VirtualPath::new("/report.typ"));
        PlanWorld {
            library: LazyHash::new(Library::default()),
            main: Source::new(id, text),
            files,
            fonts,
            date,
        }
    }
}

impl World for PlanWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id.package().is_none() {
            let path = id
                .vpath()
                .as_rooted_path()
                .to_string_lossy()
                .replace('\\', "/");
            if let Some(b) = self.files.get(&path) {
                return Ok(b.clone());
            }
        }
        Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        self.date
    }
}
