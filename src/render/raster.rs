//! Charts as PNG, for paged formats: the chart's SVG drawn by resvg.
//!
//! Fonts are loaded once per process, and only what charts need: the CJK font files
//! found under the usual font directories (all system fonts only when none of the
//! known ones is installed). When no font covers Chinese, the chart is drawn with its
//! ascii item keys instead of Chinese labels (the table next to every chart still
//! names each item), rather than with boxes for glyphs.

use std::path::PathBuf;
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

/// Files of those families (regular and bold), as distributions and OSes name them.
const CJK_FILES: &[&str] = &[
    "notosanscjk-regular.ttc",
    "notosanscjk-bold.ttc",
    "notosanscjksc-regular.otf",
    "notosanscjksc-bold.otf",
    "notosanssc-regular.otf",
    "notosanssc-bold.otf",
    "sourcehansanssc-regular.otf",
    "sourcehansanssc-bold.otf",
    "sourcehansans-regular.ttc",
    "sourcehansans-bold.ttc",
    "pingfang.ttc",
    "msyh.ttc",
    "msyhbd.ttc",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "droidsansfallbackfull.ttf",
    "droidsansfallback.ttf",
];

fn font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(extra) = std::env::var_os("PLANC_FONT_DIR") {
        dirs.push(extra.into());
    }
    dirs.extend(
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            "/System/Library/Fonts",
            "/Library/Fonts",
            "C:\\Windows\\Fonts",
        ]
        .iter()
        .map(PathBuf::from),
    );
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".fonts"));
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    dirs
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        let mut found = Vec::new();
        for dir in font_dirs().into_iter().filter(|d| d.is_dir()) {
            for e in walkdir::WalkDir::new(dir)
                .max_depth(4)
                .into_iter()
                .filter_map(Result::ok)
            {
                let name = e.file_name().to_string_lossy().to_lowercase();
                if CJK_FILES.contains(&name.as_str()) {
                    found.push(e.into_path());
                }
            }
        }
        found.sort();
        for f in &found {
            let _ = db.load_font_file(f);
        }
        let family = |db: &usvg::fontdb::Database| {
            let has = |name: &str| {
                db.faces()
                    .any(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
            };
            CJK_FAMILIES
                .iter()
                .find(|f| has(f))
                .map(|f| (*f).to_owned())
        };
        let mut cjk = family(&db);
        if cjk.is_none() {
            db.load_system_fonts();
            cjk = family(&db).or_else(|| {
                db.faces()
                    .flat_map(|f| f.families.iter().map(|(n, _)| n))
                    .find(|n| {
                        ["CJK", "Hei", "Song", "Ming", "Han Sans", "WenQuanYi"]
                            .iter()
                            .any(|k| n.contains(k))
                    })
                    .cloned()
            });
        }
        if let Some(f) = &cjk {
            db.set_sans_serif_family(f.clone());
            // fontdb maps a font file anew on every glyph lookup unless its data is
            // shared; for a 20 MB CJK collection that repeated mmap/munmap is most of
            // the cost of a chart. Map each file of the family once.
            let ids: Vec<_> = db
                .faces()
                .filter(|face| face.families.iter().any(|(n, _)| n == f))
                .map(|face| face.id)
                .collect();
            for id in ids {
                // SAFETY: the mapped files are installed system fonts, which nothing
                // rewrites while a report renders; fontdb maps them the same way itself.
                unsafe {
                    db.make_shared_face_data(id);
                }
            }
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
    // The drawing HTML inlines (`chart.svg`), so DOCX shows the same chart — including
    // drawings made elsewhere (the review's target-vs-actual bars in status colours).
    // Without a CJK font a generic chart is redrawn with ascii labels.
    let native = chart.draw(TextMode::Native);
    let svg = if chart.svg.is_empty() {
        chart.draw(mode)
    } else if mode == TextMode::Ascii && chart.svg == native {
        chart.draw(TextMode::Ascii)
    } else {
        chart.svg.clone()
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
    let bytes = encode_rgb(&pixmap).map_err(|e| e.to_string())?;
    Ok((bytes, size.width(), size.height()))
}

/// PNG without alpha (the chart is drawn on opaque white, so premultiplied RGBA is
/// plain RGB), with the fast deflate: a few times quicker than the default encoder.
fn encode_rgb(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    // Charts are flat colours in horizontal runs: `Sub` compresses them as well as
    // adaptive filtering does, without trying every filter on every row.
    enc.set_filter(png::Filter::Sub);
    let mut w = enc.write_header()?;
    w.write_image_data(&rgb)?;
    w.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::{ChartKind, Datum};

    #[test]
    fn docx_charts_are_the_svg_html_shows() {
        let data = vec![Datum {
            key: "a".into(),
            label: "a".into(),
            value: "1".into(),
            share: None,
            magnitude: 1.0,
            span: None,
        }];
        let mut chart = Chart::new(
            "chart-1".into(),
            "t".into(),
            ChartKind::Bar,
            "".into(),
            data,
        );
        // A drawing made elsewhere (as the review's charts are): one amber square.
        chart.svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#e0a100"/></svg>"##.into();
        let (png, w, h) = png(&chart, 1.0).unwrap();
        assert_eq!((w, h), (40, 20), "the drawing's own size");
        let decoder = ::png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut buf).unwrap();
        assert_eq!(&buf[..3], &[0xe0, 0xa1, 0x00], "the amber of the drawing");
    }
}
