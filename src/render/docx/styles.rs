//! Page setup, paragraph and table styles, list numbering — all defined here rather
//! than relying on Word's built-ins, so LibreOffice and Word show the same document.
//! Heading styles carry the built-in names (`heading 1` …) and outline levels, so both
//! build tables of contents and navigation panes from them.

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, Level, LevelJc, LevelText, LineSpacing,
    LineSpacingType, NumberFormat, Numbering, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, RunFonts, Shading, ShdType, SpecialIndentType, Start, Style, StyleType,
};

use super::{ABSTRACT_BULLET, ABSTRACT_DECIMAL, BULLETS, MARGIN, PAGE_H, PAGE_W};

/// Latin text in Arial, Chinese in Microsoft YaHei (微软雅黑); LibreOffice substitutes
/// an installed CJK face (e.g. Noto Sans CJK) for the East-Asian font when it is missing.
pub fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii("Arial")
        .hi_ansi("Arial")
        .east_asia("Microsoft YaHei")
        .cs("Arial")
        .hint("eastAsia")
}

fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(line)
        .line_rule(LineSpacingType::Auto)
}

fn para(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .fonts(fonts())
}

fn with_spacing(mut s: Style, sp: LineSpacing) -> Style {
    s.paragraph_property = s.paragraph_property.line_spacing(sp);
    s
}

fn keep_next(mut s: Style) -> Style {
    s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
    s
}

fn heading(level: usize, size: usize, color: &str, before: u32, after: u32) -> Style {
    let mut s = para(&format!("Heading{level}"), &format!("heading {level}"))
        .size(size)
        .bold()
        .color(color)
        .outline_lvl(level - 1);
    s = with_spacing(s, spacing(before, after, 276));
    if level == 1 {
        s.paragraph_property = s.paragraph_property.set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(12)
                    .space(4)
                    .color("2F5D9E"),
            ),
        );
    }
    keep_next(s)
}

/// The document with page setup, styles and list numbering, and no content yet.
/// (docx-rs writes the `Normal` style itself; the document defaults shape it.)
pub fn base() -> Docx {
    let mut d = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            docx_rs::PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .default_fonts(fonts())
        .default_size(21)
        .default_line_spacing(spacing(0, 100, 312))
        .default_tab_stop(420);

    let styles = vec![
        with_spacing(
            para("Title", "Title")
                .size(52)
                .bold()
                .color("1D3F6E")
                .align(AlignmentType::Center),
            spacing(120, 240, 276),
        ),
        with_spacing(
            para("Subtitle", "Subtitle")
                .size(28)
                .color("5F6B7A")
                .align(AlignmentType::Center),
            spacing(0, 480, 276),
        ),
        with_spacing(
            para("CoverKind", "Cover Kind")
                .size(24)
                .color("5F6B7A")
                .align(AlignmentType::Center),
            spacing(0, 120, 276),
        ),
        with_spacing(para("CoverText", "Cover Text").size(22), spacing(0, 0, 276)),
        with_spacing(
            para("CoverNote", "Cover Note")
                .size(18)
                .color("5F6B7A")
                .align(AlignmentType::Center),
            spacing(240, 0, 276),
        ),
        {
            let mut s = with_spacing(para("Banner", "Banner").size(21), spacing(0, 200, 276));
            s.paragraph_property = s.paragraph_property.shading(
                Shading::new()
                    .shd_type(ShdType::Clear)
                    .color("auto")
                    .fill("FDECEA"),
            );
            s
        },
        heading(1, 32, "1D3F6E", 240, 200),
        heading(2, 28, "1D3F6E", 320, 140),
        heading(3, 24, "22446F", 240, 100),
        heading(4, 22, "22446F", 200, 80),
        keep_next(with_spacing(
            para("TOCHeading", "TOC Heading")
                .size(32)
                .bold()
                .color("1D3F6E"),
            spacing(0, 240, 276),
        )),
        with_spacing(para("TOC1", "toc 1").bold().size(22), spacing(120, 40, 276)),
        with_spacing(
            para("TOC2", "toc 2")
                .size(21)
                .indent(Some(420), None, None, None),
            spacing(0, 20, 276),
        ),
        with_spacing(
            para("TOC3", "toc 3")
                .size(19)
                .color("5F6B7A")
                .indent(Some(840), None, None, None),
            spacing(0, 20, 276),
        ),
        keep_next(with_spacing(
            para("Subhead", "Subhead").size(22).bold().color("2F5D9E"),
            spacing(200, 80, 276),
        )),
        keep_next(with_spacing(
            para("Subhead2", "Subhead 2")
                .size(21)
                .bold()
                .color("1D3F6E"),
            spacing(160, 60, 276),
        )),
        keep_next(with_spacing(
            para("SectionSubtitle", "Section Subtitle")
                .size(20)
                .italic()
                .color("5F6B7A"),
            spacing(0, 120, 276),
        )),
        with_spacing(para("TableText", "Table Text").size(19), spacing(0, 0, 264)),
        with_spacing(
            para("TableSmall", "Table Small").size(16),
            spacing(0, 0, 252),
        ),
        // The figure columns' text: the same, in its own style for its language (see
        // `package::languages`).
        with_spacing(
            para("TableFigure", "Table Figure").size(19),
            spacing(0, 0, 264),
        ),
        with_spacing(
            para("TableFigureSmall", "Table Figure Small").size(16),
            spacing(0, 0, 252),
        ),
        with_spacing(
            para("FigureValue", "Figure Value")
                .size(26)
                .bold()
                .color("1D3F6E"),
            spacing(0, 0, 276),
        ),
        with_spacing(para("Meta", "Meta").size(19), spacing(0, 80, 276)),
        keep_next(with_spacing(
            para("ActionHead", "Action Head"),
            spacing(120, 40, 276),
        )),
        with_spacing(
            para("Caption", "caption")
                .size(18)
                .color("5F6B7A")
                .align(AlignmentType::Center),
            spacing(60, 240, 276),
        ),
        with_spacing(para("Figure", "Figure"), spacing(160, 0, 240)),
        with_spacing(
            para("AfterTable", "After Table").size(12),
            spacing(0, 80, 240),
        ),
        with_spacing(
            para("HeaderText", "header").size(16).color("8A94A3"),
            spacing(0, 0, 240),
        ),
        with_spacing(
            para("FooterText", "footer").size(18).color("5F6B7A"),
            spacing(0, 0, 240),
        ),
        Style::new("PlancTable", StyleType::Table).name("Planc Table"),
    ];
    for s in styles {
        d = d.add_style(s);
    }

    let bullet = |i: usize, text: &str| {
        Level::new(
            i,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(
            Some(420 * (i as i32 + 1)),
            Some(SpecialIndentType::Hanging(300)),
            None,
            None,
        )
    };
    let decimal = |i: usize, text: &str| {
        Level::new(
            i,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(
            Some(420 * (i as i32 + 1)),
            Some(SpecialIndentType::Hanging(360)),
            None,
            None,
        )
    };
    d.add_abstract_numbering(
        AbstractNumbering::new(ABSTRACT_BULLET)
            .add_level(bullet(0, "•"))
            .add_level(bullet(1, "◦"))
            .add_level(bullet(2, "▪")),
    )
    .add_abstract_numbering(
        AbstractNumbering::new(ABSTRACT_DECIMAL)
            .add_level(decimal(0, "%1."))
            .add_level(decimal(1, "%2)"))
            .add_level(decimal(2, "%3.")),
    )
    .add_numbering(Numbering::new(BULLETS, ABSTRACT_BULLET))
}
