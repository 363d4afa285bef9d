//! Writing the DOCX package: docx-rs builds the XML parts; this module makes them
//! deterministic and zips them.
//!
//! docx-rs numbers paragraphs from a per-thread counter and zip writers stamp entries
//! with the current time; both would make two renders of the same plan differ. Here
//! paragraph ids are renumbered in document order, every entry gets the same fixed
//! time (1980-01-01, the zip epoch), and `docProps/core.xml` carries the plan's title
//! and owner but no dates.

use std::io::{Cursor, Write};

use docx_rs::Docx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::render::chart::esc;
use crate::render::view::Report;
use crate::render::RenderError;

pub fn write(docx: Docx, report: &Report) -> Result<Vec<u8>, RenderError> {
    let x = docx.build();
    let document = repeat_header_rows(&renumber_para_ids(&x.document));
    let document = renumber(&document, b"<wp:docPr id=\"");
    let document = renumber(&document, b"<pic:cNvPr id=\"");
    let styles = default_paragraph_style(&languages(&x.styles));
    let core = core_xml(report);
    let settings = update_fields_on_open(&x.settings);

    let mut parts: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), &x.content_type),
        ("_rels/.rels".into(), &x.rels),
        ("docProps/app.xml".into(), &x.doc_props.app),
        ("docProps/core.xml".into(), core.as_bytes()),
        ("docProps/custom.xml".into(), &x.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), &x.document_rels),
        ("word/document.xml".into(), &document),
        ("word/styles.xml".into(), &styles),
        ("word/settings.xml".into(), &settings),
        ("word/fontTable.xml".into(), FONT_TABLE.as_bytes()),
        ("word/comments.xml".into(), &x.comments),
        ("word/numbering.xml".into(), &x.numberings),
        ("word/commentsExtended.xml".into(), &x.comments_extended),
        ("word/footnotes.xml".into(), &x.footnotes),
    ];
    for (i, h) in x.headers.iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), h));
        if let Some(r) = x.header_rels.get(i) {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), r));
        }
    }
    for (i, f) in x.footers.iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), f));
        if let Some(r) = x.footer_rels.get(i) {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), r));
        }
    }
    for (id, bytes) in &x.media {
        parts.push((format!("word/media/{id}.png"), bytes));
    }

    let err = |e: &dyn std::fmt::Display| RenderError::Docx(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        // PNGs are compressed already.
        let method = if name.ends_with(".png") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        // Level 1: the XML still shrinks about tenfold, at a fraction of the time.
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .compression_level((method == CompressionMethod::Deflated).then_some(1))
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        zip.start_file(name, options).map_err(|e| err(&e))?;
        zip.write_all(bytes).map_err(|e| err(&e))?;
    }
    let cursor = zip.finish().map_err(|e| err(&e))?;
    Ok(cursor.into_inner())
}

/// Replaces every `w14:paraId` with a sequence number in document order.
fn renumber_para_ids(xml: &[u8]) -> Vec<u8> {
    const KEY: &[u8] = b"w14:paraId=\"";
    let mut out = Vec::with_capacity(xml.len());
    let mut n: u32 = 0;
    let mut i = 0;
    while i < xml.len() {
        if xml[i..].starts_with(KEY) {
            out.extend_from_slice(KEY);
            i += KEY.len();
            while i < xml.len() && xml[i] != b'"' {
                i += 1;
            }
            n += 1;
            out.extend_from_slice(format!("{n:08X}").as_bytes());
        } else {
            out.push(xml[i]);
            i += 1;
        }
    }
    out
}

/// Marks `Normal` as the default paragraph style (docx-rs cannot): without it,
/// readers such as python-docx find no style for a paragraph that names none.
fn default_paragraph_style(xml: &[u8]) -> Vec<u8> {
    const NORMAL: &str = r#"<w:style w:type="paragraph" w:styleId="Normal">"#;
    const DEFAULT: &str = r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#;
    String::from_utf8_lossy(xml)
        .replacen(NORMAL, DEFAULT, 1)
        .into_bytes()
}

/// Numbers the attribute value that follows each `key` 1, 2, 3 … in document order:
/// docx-rs gives every picture `docPr id="1"` and `cNvPr id="0"`, but a drawing's id
/// must be unique in the document.
fn renumber(xml: &[u8], key: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(xml.len() + 64);
    let mut n: u32 = 0;
    let mut i = 0;
    while i < xml.len() {
        if xml[i..].starts_with(key) {
            out.extend_from_slice(key);
            i += key.len();
            while i < xml.len() && xml[i] != b'"' {
                i += 1;
            }
            n += 1;
            out.extend_from_slice(n.to_string().as_bytes());
        } else {
            out.push(xml[i]);
            i += 1;
        }
    }
    out
}

/// Marks the first row of every data table as a header row, repeated on each page.
fn repeat_header_rows(xml: &[u8]) -> Vec<u8> {
    const STYLE: &[u8] = b"<w:tblStyle w:val=\"PlancTable\" />";
    const TRPR: &[u8] = b"<w:trPr>";
    let mut out = Vec::with_capacity(xml.len() + 1024);
    let mut i = 0;
    let mut pending = false;
    while i < xml.len() {
        if xml[i..].starts_with(STYLE) {
            pending = true;
        }
        if pending && xml[i..].starts_with(TRPR) {
            out.extend_from_slice(TRPR);
            out.extend_from_slice(b"<w:tblHeader />");
            i += TRPR.len();
            pending = false;
            continue;
        }
        out.push(xml[i]);
        i += 1;
    }
    out
}

/// Declares the document's East-Asian language, so LibreOffice picks a CJK font for
/// Chinese text when the named font is not installed.
/// `<w:updateFields w:val="true"/>`: Word refreshes the contents field (and its page
/// numbers) when it opens the document; until then the pre-filled headings show.
fn update_fields_on_open(settings: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(settings);
    match text.rfind("</w:settings>") {
        Some(i) => format!(
            "{}<w:updateFields w:val=\"true\" />{}",
            &text[..i],
            &text[i..]
        )
        .into_bytes(),
        None => settings.to_vec(),
    }
}

/// The fonts the styles name, declared so Word and LibreOffice both resolve them: the
/// Chinese face under its English and Chinese names (`Microsoft YaHei`, `微软雅黑`) with
/// the GB2312 character set, so a system without it substitutes a Chinese sans-serif
/// (LibreOffice: Noto Sans CJK SC, WenQuanYi), never a Latin face with boxes.
const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204" />"#,
    r#"<w:charset w:val="00" /><w:family w:val="swiss" /><w:pitch w:val="variable" /></w:font>"#,
    r#"<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑" />"#,
    r#"<w:panose1 w:val="020B0503020204020204" /><w:charset w:val="86" />"#,
    r#"<w:family w:val="swiss" /><w:pitch w:val="variable" /></w:font>"#,
    r#"<w:font w:name="SimSun"><w:altName w:val="宋体" />"#,
    r#"<w:panose1 w:val="02010600030101010101" /><w:charset w:val="86" />"#,
    r#"<w:family w:val="auto" /><w:pitch w:val="variable" /></w:font>"#,
    r#"<w:font w:name="Times New Roman"><w:charset w:val="00" />"#,
    r#"<w:family w:val="roman" /><w:pitch w:val="variable" /></w:font>"#,
    r#"</w:fonts>"#
);

/// The documents' languages. Running text is English for Latin text and figures, and
/// Chinese for East Asian text, as Word sets them for Chinese users: with zh-CN as the
/// Latin language too, LibreOffice breaks lines inside figures (`1|03,800`). The figure
/// columns of tables are zh-CN, in either report language, where LibreOffice sets digits in the
/// CJK face: its fallback for Arial (DejaVu Sans) is a tenth wider, and the figures of an
/// eleven-column table would no longer fit their columns. Those cells never wrap; the
/// text columns, which do, keep figures in their sentences whole.
fn languages(xml: &[u8]) -> Vec<u8> {
    const LATIN: &str = "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" />";
    const CHINESE: &str = "<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\" />";
    let mut text = String::from_utf8_lossy(xml).into_owned();
    let mut insert_after = |anchor: &str, key: &str, tag: &str| {
        let Some(a) = text.find(anchor) else { return };
        // Within the element the anchor opens: its own run properties, not the next one's.
        let end = text[a..].find("</w:").map_or(text.len(), |e| a + e);
        if let Some(i) = text[a..end].find(key) {
            text.insert_str(a + i + key.len(), tag);
        }
    };
    insert_after("<w:rPrDefault>", "<w:rPr>", LATIN);
    for style in [
        "w:styleId=\"TableFigure\"",
        "w:styleId=\"TableFigureSmall\"",
    ] {
        insert_after(style, "<w:rPr>", CHINESE);
    }
    text.into_bytes()
}

fn core_xml(r: &Report) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{creator}</dc:creator>",
            "<cp:keywords>planc</cp:keywords><dc:description>{generator} · {source} · sha256 {sha}</dc:description>",
            "<cp:lastModifiedBy>planc</cp:lastModifiedBy><cp:revision>1</cp:revision><dc:language>{lang}</dc:language>",
            "</cp:coreProperties>"
        ),
        title = esc(&r.meta.title),
        subject = esc(&r.meta.kind_label),
        creator = esc(r.meta.owner.as_deref().unwrap_or("planc")),
        generator = esc(&r.meta.generator),
        source = esc(&r.meta.source),
        sha = esc(&r.meta.sha256),
        lang = if r.lang == "zh" { "zh-CN" } else { "en-US" },
    )
}
