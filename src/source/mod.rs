//! Reading plan files: bytes → text (encoding detection) → YAML tree with spans.
//!
//! Architecture invariant: nothing after this module touches the file system for a
//! plan; every later stage works on a [`SourceFile`] and the [`yaml::Node`] tree.

pub mod de;
pub mod decode;
pub mod scope;
pub mod slips;
pub mod write;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

static READS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The default size limit of a file planc reads: 64 MB (`--max-file-mb`,
/// `[limits] max_file_mb` in planc.toml).
pub const DEFAULT_MAX_FILE_MB: u64 = 64;

static MAX_BYTES: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(DEFAULT_MAX_FILE_MB * 1024 * 1024);

/// Sets the size limit of [`read`] for this process, in MB.
pub fn set_max_file_mb(mb: u64) {
    MAX_BYTES.store(
        mb.saturating_mul(1024 * 1024),
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// The size limit of [`read`], in bytes.
pub fn max_file_bytes() -> u64 {
    MAX_BYTES.load(std::sync::atomic::Ordering::Relaxed)
}

/// Why [`read`] refused a file (carried inside its `io::Error`; `io_reason` says it
/// in the user's language).
#[derive(Debug)]
pub enum ReadRefusal {
    /// An output that would replace one of the run's inputs (`cli::write_atomic`).
    OutputIsInput,
    /// A FIFO, a device, a socket: reading it could block or never end.
    NotAFile,
    /// Larger than the limit (both in bytes).
    TooLarge { size: u64, limit: u64 },
}

impl std::fmt::Display for ReadRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = |b: u64| format!("{:.1}", b as f64 / (1024.0 * 1024.0));
        match self {
            ReadRefusal::NotAFile => f.write_str(&crate::t!("io-not-a-file")),
            ReadRefusal::OutputIsInput => f.write_str(&crate::t!("io-output-is-input")),
            ReadRefusal::TooLarge { size, limit } => f.write_str(&crate::t!(
                "io-too-large",
                size = mb(*size),
                limit = (limit / (1024 * 1024)).to_string()
            )),
        }
    }
}

impl std::error::Error for ReadRefusal {}

pub fn refused(why: ReadRefusal) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, why)
}

/// Reads a file planc checks. Every read of a plan or actuals file goes through here, so
/// "every file is read once" can be measured: `PLANC_DEBUG_READS=1` makes the CLI print
/// the count.
///
/// Only regular files are read (a FIFO or a device could block or never end: the type
/// is checked before opening, and again on the opened handle, which is opened
/// non-blocking), and only up to the size limit ([`set_max_file_mb`]), checked from the
/// metadata before reading and enforced while reading.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let limit = max_file_bytes();
    let check = |meta: &std::fs::Metadata| {
        if !meta.is_file() {
            return Err(refused(ReadRefusal::NotAFile));
        }
        if meta.len() > limit {
            return Err(refused(ReadRefusal::TooLarge {
                size: meta.len(),
                limit,
            }));
        }
        Ok(())
    };
    let meta = std::fs::metadata(path)?;
    check(&meta)?;
    remember_input(&meta, path);
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    check(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(refused(ReadRefusal::TooLarge {
            size: bytes.len() as u64,
            limit,
        }));
    }
    Ok(bytes)
}

/// The files [`read`] has read in this process, by identity (device and inode on Unix,
/// the canonical path elsewhere), so that no output overwrites an input
/// ([`is_input`], checked by `cli::write_atomic`).
static INPUTS: std::sync::Mutex<Vec<FileIdentity>> = std::sync::Mutex::new(Vec::new());

#[cfg(unix)]
type FileIdentity = (u64, u64);
#[cfg(not(unix))]
type FileIdentity = PathBuf;

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata, _path: &Path) -> Option<FileIdentity> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata, path: &Path) -> Option<FileIdentity> {
    std::fs::canonicalize(path).ok()
}

fn remember_input(meta: &std::fs::Metadata, path: &Path) {
    if let (Some(id), Ok(mut inputs)) = (identity(meta, path), INPUTS.lock()) {
        inputs.push(id);
    }
}

/// Records a file read by other means than [`read`] (`planc.toml`, `--config`) as an
/// input, so that no output overwrites it either.
pub fn note_input(path: &Path) {
    if let Ok(meta) = std::fs::metadata(path) {
        remember_input(&meta, path);
    }
}

/// Whether `path` is (through any link) a file [`read`] has read in this process.
pub fn is_input(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    let Some(id) = identity(&meta, path) else {
        return false;
    };
    INPUTS.lock().is_ok_and(|inputs| inputs.contains(&id))
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
    /// Characters before each multiple of [`CHUNK`] bytes, computed when first needed.
    char_counts: std::sync::OnceLock<Vec<usize>>,
}

const CHUNK: usize = 4096;

/// Characters in UTF-8 bytes (any byte range: continuation bytes are not counted).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Arc<Self> {
        Arc::new(SourceFile {
            path: path.into(),
            text,
            line_starts: std::sync::OnceLock::new(),
            char_counts: std::sync::OnceLock::new(),
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
    /// Constant time per call whatever the line's length (a 2 MB line with thousands of
    /// findings must not cost thousands × 2 MB): see [`SourceFile::chars_before`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts()[line];
        let col = if offset - start <= CHUNK {
            count_chars(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line + 1, col + 1)
    }

    /// How many characters the text holds before byte `offset`: a running count kept
    /// every [`CHUNK`] bytes (computed when first needed), plus the rest of one chunk.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let counts = self.char_counts.get_or_init(|| {
            let mut counts = Vec::with_capacity(bytes.len() / CHUNK + 1);
            let mut n = 0;
            counts.push(0);
            for chunk in bytes.chunks(CHUNK) {
                n += count_chars(chunk);
                counts.push(n);
            }
            counts
        });
        let i = offset / CHUNK;
        counts[i] + count_chars(&bytes[i * CHUNK..offset])
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

/// The sha256 of a file's bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The reason of an I/O error, in the current language.
pub fn io_reason(e: &std::io::Error) -> String {
    if let Some(why) = e.get_ref().and_then(|i| i.downcast_ref::<ReadRefusal>()) {
        return why.to_string();
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => crate::t!("io-not-found"),
        std::io::ErrorKind::PermissionDenied => crate::t!("io-permission-denied"),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_on_long_lines_count_characters() {
        // A line far longer than one chunk, mixing one- and three-byte characters.
        let line: String = (0..5000)
            .map(|i| if i % 3 == 0 { "华" } else { "a" })
            .collect();
        let text = format!("first\n{line}\nlast\n");
        let file = SourceFile::new("x.plan.yaml", text.clone());
        for (offset, _) in text.char_indices().step_by(997) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let want = text[line_start..offset].chars().count() + 1;
            assert_eq!(file.line_col(offset).1, want, "offset {offset}");
        }
        assert_eq!(file.line_col(text.len() - 1), (3, 5));
    }
}
