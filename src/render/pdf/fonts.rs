//! The fonts a PDF is typeset with: CJK faces found on the system (fontconfig's
//! directories, via fontdb), memory-mapped, and nothing else — no font is embedded in
//! planc and none is downloaded. Without a Chinese font there is no PDF: the user gets
//! an error naming the package to install rather than a document of empty boxes.
//!
//! `PLANC_FONT_PATH` (a path list, like `PATH`) replaces the system directories with
//! the given ones.

use std::sync::{Arc, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

use super::RenderError;

/// Serif families for body text, in order of preference.
const SERIF: &[&str] = &[
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Noto Serif SC",
    "Source Han Serif",
    "AR PL UMing CN",
];

/// Sans families for headings, tables and charts (the charts' SVG asks for these).
const SANS: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "Source Han Sans",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
];

/// Monospace families for code spans in narrative text.
const MONO: &[&str] = &[
    "Noto Sans Mono CJK SC",
    "DejaVu Sans Mono",
    "Liberation Mono",
];

pub struct Fonts {
    pub book: LazyHash<FontBook>,
    /// The same faces for usvg, which outlines the charts' text (see `super::charts`).
    pub svg: Arc<fontdb::Database>,
    fonts: Vec<Font>,
    /// The families found, in order of preference (what the templates ask for).
    pub serif: Vec<String>,
    pub sans: Vec<String>,
    pub mono: Vec<String>,
}

impl Fonts {
    pub fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }
}

/// The system's fonts, searched once per process.
pub fn system() -> Result<&'static Fonts, RenderError> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let dirs = std::env::var_os("PLANC_FONT_PATH").filter(|v| !v.is_empty());
            search(dirs.as_deref())
        })
        .as_ref()
        .ok_or_else(|| RenderError::Pdf(crate::t!("render-pdf-no-cjk-font")))
}

/// Bytes of a memory-mapped font file.
struct Shared(Arc<dyn AsRef<[u8]> + Send + Sync>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

fn search(dirs: Option<&std::ffi::OsStr>) -> Option<Fonts> {
    let mut db = fontdb::Database::new();
    match dirs {
        Some(list) => std::env::split_paths(list).for_each(|d| db.load_fonts_dir(d)),
        None => db.load_system_fonts(),
    }
    let wanted = |name: &str| {
        SERIF
            .iter()
            .chain(SANS)
            .chain(MONO)
            .any(|w| w.eq_ignore_ascii_case(name))
    };
    let ids: Vec<fontdb::ID> = db
        .faces()
        .filter(|f| f.families.iter().any(|(name, _)| wanted(name)))
        .map(|f| f.id)
        .collect();
    let mut book = FontBook::new();
    let mut fonts = Vec::new();
    let mut families: Vec<String> = Vec::new();
    // Faces in a stable order (the directory walk's order is the file system's).
    let mut faces: Vec<(String, u32, fontdb::ID)> = ids
        .iter()
        .filter_map(|&id| {
            let f = db.face(id)?;
            let path = match &f.source {
                fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => {
                    p.to_string_lossy().into_owned()
                }
                fontdb::Source::Binary(_) => String::new(),
            };
            Some((path, f.index, id))
        })
        .collect();
    faces.sort();
    for (_, _, id) in faces {
        // SAFETY (inside fontdb): the file is mapped read-only; fonts are not rewritten
        // while a render runs.
        let Some((data, index)) = (unsafe { db.make_shared_face_data(id) }) else {
            continue;
        };
        let bytes = Bytes::new(Shared(data));
        let (Some(info), Some(font)) = (
            FontInfo::new(&bytes, index),
            Font::new(bytes.clone(), index),
        ) else {
            continue;
        };
        families.push(info.family.clone());
        book.push(info);
        fonts.push(font);
    }
    let found = |list: &[&str]| -> Vec<String> {
        list.iter()
            .filter_map(|w| families.iter().find(|f| f.eq_ignore_ascii_case(w)).cloned())
            .collect()
    };
    let (serif, sans, mono) = (found(SERIF), found(SANS), found(MONO));
    if serif.is_empty() && sans.is_empty() {
        return None;
    }
    db.set_sans_serif_family(sans.first().or(serif.first())?.clone());
    Some(Fonts {
        book: LazyHash::new(book),
        svg: Arc::new(db),
        fonts,
        serif: if serif.is_empty() {
            sans.clone()
        } else {
            serif
        },
        sans: if sans.is_empty() { found(SERIF) } else { sans },
        mono,
    })
}
