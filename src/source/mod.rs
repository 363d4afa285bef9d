//! Reading plan files: bytes → text (encoding detection) → YAML tree with spans.
//!
//! Architecture invariant: nothing after this module touches the file system for a
//! plan; every later stage works on a [`SourceFile`] and the [`yaml::Node`] tree.

pub mod de;
pub mod decode;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

static READS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Reads a file planc checks. Every read of a plan or actuals file goes through here, so
/// "every file is read once" can be measured: `PLANC_DEBUG_READS=1` makes the CLI print
/// the count.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::fs::read(path)
}

/// How many files [`read`] has read in this process.
pub fn reads() -> usize {
    READS.load(std::sync::atomic::Ordering::Relaxed)
}

/// A byte range in a source file. `start..end`, in bytes of the decoded UTF-8 text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start, s.len()).into()
    }
}

/// One decoded source file, shared between the loader, the rules and the emitters.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or as discovered under a directory they gave).
    pub path: PathBuf,
    /// Decoded UTF-8 text without a byte-order mark.
    pub text: String,
    /// Byte offsets at which each line starts, computed when first needed (most files
    /// have no findings and never need them).
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Arc<Self> {
        Arc::new(SourceFile {
            path: path.into(),
            text,
            line_starts: std::sync::OnceLock::new(),
        })
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    pub fn name(&self) -> String {
        display_path(&self.path)
    }

    /// 1-based line and 1-based column (in Unicode scalar values) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts()[line];
        let col = self.text[start..offset].chars().count();
        (line + 1, col + 1)
    }

    /// 0-based line index of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_col(offset).0 - 1
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// The text of a 0-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let starts = self.line_starts();
        let Some(&start) = starts.get(line) else {
            return "";
        };
        let end = starts.get(line + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts()
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// Paths are shown with forward slashes and without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}
