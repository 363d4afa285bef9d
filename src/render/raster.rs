//! Charts as PNG, for paged formats: the chart's SVG drawn by resvg.
//!
//! System fonts are loaded once per process. When none of them covers Chinese, the
//! chart is drawn with its ascii item keys instead of Chinese labels (the table next
//! to every chart still names each item), rather than with boxes for glyphs.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::chart::{Chart, TextMode};

struct Fonts {
    db: Arc<usvg::fontdb::Database>,
    cjk: Option<String>,
}

/// Families known to cover simplified Chinese, best first.
const CJK_FAMILIES: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
];

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_system_fonts();
        let has = |name: &str| {
            db.faces()
                .any(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
        };
        let cjk = CJK_FAMILIES
            .iter()
            .find(|f| has(f))
            .map(|f| (*f).to_owned())
            .or_else(|| {
                db.faces()
                    .flat_map(|f| f.families.iter().map(|(n, _)| n))
                    .find(|n| {
                        ["CJK", "Hei", "Song", "Ming", "Han Sans", "WenQuanYi"]
                            .iter()
                            .any(|k| n.contains(k))
                    })
                    .cloned()
            });
        if let Some(f) = &cjk {
            db.set_sans_serif_family(f.clone());
        }
        Fonts {
            db: Arc::new(db),
            cjk,
        }
    })
}

/// Whether chart labels can be drawn in Chinese on this machine.
pub fn has_cjk_font() -> bool {
    fonts().cjk.is_some()
}

/// The chart as a PNG at `scale` × its CSS pixel size: `(bytes, width, height)`.
pub fn png(chart: &Chart, scale: f32) -> Result<(Vec<u8>, u32, u32), String> {
    let f = fonts();
    let mode = if f.cjk.is_some() {
        TextMode::Native
    } else {
        TextMode::Ascii
    };
    // A chart that carries its own drawing (the review's plan-vs-actual bars) keeps it.
    let svg = match mode {
        TextMode::Native if !chart.svg.is_empty() => chart.svg.clone(),
        _ => chart.draw(mode),
    };
    let opt = usvg::Options {
        fontdb: Arc::clone(&f.db),
        font_family: f.cjk.clone().unwrap_or_else(|| "sans-serif".into()),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &opt).map_err(|e| e.to_string())?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("chart too large")?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("chart has no area")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok((bytes, size.width(), size.height()))
}
