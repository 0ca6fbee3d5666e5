//! A report as a printable PDF: A4 portrait, the key figures in boxes, each table with its
//! header repeated on every page it runs over, page numbers in the footer. Text stays text
//! (selectable, searchable), in the system's sans-serif font, with fallback fonts for scripts
//! it lacks (a Japanese name in a European font), found through `fontdb`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Datelike, Timelike};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;

use crate::error::CoreError;
use crate::model::{Report, ReportSection};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "No font was found to write the PDF with. Install a sans-serif font \
         (on Debian or Ubuntu: fonts-dejavu-core, and fonts-noto-cjk for Chinese, Japanese \
         and Korean names)."
    )]
    NoFont,
    #[error("The PDF could not be written: {0}")]
    Write(String),
}

impl From<PdfError> for CoreError {
    fn from(e: PdfError) -> Self {
        CoreError::Unavailable {
            path: String::new(),
            reason: e.to_string(),
        }
    }
}

/// A4's sides in points.
const A4_SHORT: f32 = 595.0;
const A4_LONG: f32 = 842.0;
const MARGIN: f32 = 40.0;
const ROW_H: f32 = 14.0;
const CELL_PAD: f32 = 4.0;
const TABLE_SIZE: f32 = 8.5;
const FIGURES_PER_ROW: usize = 4;

const INK: (u8, u8, u8) = (33, 37, 41);
const GREY: (u8, u8, u8) = (108, 117, 125);
const RULE: (u8, u8, u8) = (222, 226, 230);
const SHADE: (u8, u8, u8) = (241, 243, 245);

/// The paper: A4, turned to landscape when a table would not fit upright.
#[derive(Debug, Clone, Copy)]
struct Sheet {
    w: f32,
    h: f32,
}

impl Sheet {
    const PORTRAIT: Sheet = Sheet {
        w: A4_SHORT,
        h: A4_LONG,
    };
    const LANDSCAPE: Sheet = Sheet {
        w: A4_LONG,
        h: A4_SHORT,
    };

    fn content_w(self) -> f32 {
        self.w - 2.0 * MARGIN
    }

    /// Where content stops, above the footer.
    fn bottom(self) -> f32 {
        self.h - MARGIN - 14.0
    }

    fn for_report(report: &Report, fonts: &Fonts) -> Sheet {
        let upright = Sheet::PORTRAIT.content_w();
        let too_wide = report
            .sections
            .iter()
            .any(|s| natural_widths(s, fonts, upright).iter().sum::<f32>() > upright * 1.1);
        if too_wide {
            Sheet::LANDSCAPE
        } else {
            Sheet::PORTRAIT
        }
    }
}

/// The report as the bytes of a PDF file.
pub fn render(report: &Report) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let sheet = Sheet::for_report(report, fonts);
    let pages = layout(report, fonts, sheet);
    let mut document = Document::new();
    let total = pages.len();
    for (n, ops) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(sheet.w, sheet.h)
            .ok_or_else(|| PdfError::Write("page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            op.draw(&mut surface, fonts);
        }
        let footer_y = sheet.h - MARGIN + 6.0;
        text(
            &mut surface,
            fonts,
            MARGIN,
            footer_y,
            7.5,
            false,
            GREY,
            &report.title,
        );
        let number = format!("Page {} of {total}", n + 1);
        let width = fonts.width(&number, 7.5, false);
        text(
            &mut surface,
            fonts,
            sheet.w - MARGIN - width,
            footer_y,
            7.5,
            false,
            GREY,
            &number,
        );
        surface.finish();
        page.finish();
    }
    let at = report.generated_at;
    let created = krilla::metadata::DateTime::new(u16::try_from(at.year()).unwrap_or(2000))
        .month(at.month() as u8)
        .day(at.day() as u8)
        .hour(at.hour() as u8)
        .minute(at.minute() as u8);
    document.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", report.title, report.period.label))
            .creator("Rapport".into())
            .creation_date(created),
    );
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// What is drawn on a page, laid out first so the page count is known for the footers.
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<(u8, u8, u8)>,
        stroke: Option<(u8, u8, u8)>,
    },
    Line {
        x1: f32,
        x2: f32,
        y: f32,
    },
}

impl Op {
    fn draw(&self, surface: &mut krilla::surface::Surface<'_>, fonts: &Fonts) {
        match self {
            Op::Text {
                x,
                y,
                size,
                bold,
                color,
                text: t,
            } => text(surface, fonts, *x, *y, *size, *bold, *color, t),
            Op::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                    return;
                };
                let mut builder = PathBuilder::new();
                builder.push_rect(rect);
                let Some(path) = builder.finish() else { return };
                surface.set_fill(fill.map(|c| Fill {
                    paint: color(c).into(),
                    ..Fill::default()
                }));
                surface.set_stroke(stroke.map(|c| Stroke {
                    paint: color(c).into(),
                    width: 0.6,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
                surface.set_fill(Some(Fill::default()));
            }
            Op::Line { x1, x2, y } => {
                let mut builder = PathBuilder::new();
                builder.move_to(*x1, *y);
                builder.line_to(*x2, *y);
                let Some(path) = builder.finish() else { return };
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: color(RULE).into(),
                    width: 0.5,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
                surface.set_fill(Some(Fill::default()));
            }
        }
    }
}

fn color((r, g, b): (u8, u8, u8)) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

/// Draws one line of text from its baseline at (x, y), each run in the font that has its
/// characters.
#[allow(clippy::too_many_arguments)]
fn text(
    surface: &mut krilla::surface::Surface<'_>,
    fonts: &Fonts,
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    ink: (u8, u8, u8),
    content: &str,
) {
    surface.set_fill(Some(Fill {
        paint: color(ink).into(),
        ..Fill::default()
    }));
    let mut x = x;
    for (face, run) in fonts.runs(content, bold) {
        surface.draw_text(
            Point::from_xy(x, y),
            face.font.clone(),
            size,
            run,
            false,
            TextDirection::Auto,
        );
        x += face.width(run, size);
    }
    surface.set_fill(Some(Fill::default()));
}

/// Lays the report out into pages of drawing operations.
fn layout(report: &Report, fonts: &Fonts, sheet: Sheet) -> Vec<Vec<Op>> {
    let mut pages = Pages {
        sheet,
        done: Vec::new(),
        ops: Vec::new(),
        y: MARGIN,
    };
    let cw = sheet.content_w();
    pages.text(MARGIN, 20.0, 17.0, true, INK, &report.title, cw, fonts);
    pages.y += 8.0;
    let meta = format!("{} · {}", report.period.label, report.scope);
    pages.text(MARGIN, 12.0, 9.5, false, GREY, &meta, cw, fonts);
    let made = format!(
        "Made {} by {}",
        report.generated_at.format("%-d %B %Y, %H:%M UTC"),
        report.generated_by
    );
    pages.text(MARGIN, 12.0, 9.5, false, GREY, &made, cw, fonts);
    pages.y += 10.0;
    figures(&mut pages, report, fonts);
    for section in &report.sections {
        table(&mut pages, section, fonts);
    }
    pages.finish()
}

struct Pages {
    sheet: Sheet,
    done: Vec<Vec<Op>>,
    ops: Vec<Op>,
    y: f32,
}

impl Pages {
    fn room(&self) -> f32 {
        self.sheet.bottom() - self.y
    }

    fn break_page(&mut self) {
        self.done.push(std::mem::take(&mut self.ops));
        self.y = MARGIN;
    }

    /// One line of text `line_h` high, cut with "…" to fit `max_w`.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f32,
        line_h: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        content: &str,
        max_w: f32,
        fonts: &Fonts,
    ) {
        self.y += line_h;
        self.ops.push(Op::Text {
            x,
            y: self.y - line_h * 0.25,
            size,
            bold,
            color,
            text: fonts.fit(content, size, bold, max_w),
        });
    }

    fn finish(mut self) -> Vec<Vec<Op>> {
        if !self.ops.is_empty() || self.done.is_empty() {
            self.done.push(self.ops);
        }
        self.done
    }
}

fn figures(pages: &mut Pages, report: &Report, fonts: &Fonts) {
    let gap = 8.0;
    let w =
        (pages.sheet.content_w() - gap * (FIGURES_PER_ROW as f32 - 1.0)) / FIGURES_PER_ROW as f32;
    let h = 38.0;
    for row in report.figures.chunks(FIGURES_PER_ROW) {
        if pages.room() < h + gap {
            pages.break_page();
        }
        for (i, figure) in row.iter().enumerate() {
            let x = MARGIN + i as f32 * (w + gap);
            pages.ops.push(Op::Rect {
                x,
                y: pages.y,
                w,
                h,
                fill: None,
                stroke: Some(RULE),
            });
            let label = fonts.fit(&figure.label.to_uppercase(), 6.5, true, w - 12.0);
            pages.ops.push(Op::Text {
                x: x + 6.0,
                y: pages.y + 12.0,
                size: 6.5,
                bold: true,
                color: GREY,
                text: label,
            });
            pages.ops.push(Op::Text {
                x: x + 6.0,
                y: pages.y + 30.0,
                size: 13.0,
                bold: true,
                color: INK,
                text: fonts.fit(&figure.value, 13.0, true, w - 12.0),
            });
        }
        pages.y += h + gap;
    }
}

/// Each column's widest text (header included; the first 300 rows), a text column at most
/// 45% of the width: one overlong value (a 300-character name) must not starve the others.
fn natural_widths(section: &ReportSection, fonts: &Fonts, content_w: f32) -> Vec<f32> {
    let mut natural: Vec<f32> = section
        .columns
        .iter()
        .map(|c| fonts.width(&c.label, TABLE_SIZE, true) + 2.0 * CELL_PAD)
        .collect();
    for row in section.rows.iter().take(300) {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = natural.get_mut(i) {
                *w = w.max(fonts.width(cell, TABLE_SIZE, false) + 2.0 * CELL_PAD);
            }
        }
    }
    for (w, column) in natural.iter_mut().zip(&section.columns) {
        if !column.numeric {
            *w = w.min(content_w * 0.45);
        }
    }
    natural
}

/// Column widths: the natural widths spread to the page's width when narrower; when wider,
/// numeric columns kept whole and the widest text columns cut first.
fn widths(section: &ReportSection, fonts: &Fonts, content_w: f32) -> Vec<f32> {
    let natural = natural_widths(section, fonts, content_w);
    let total: f32 = natural.iter().sum();
    if total <= content_w {
        return natural.iter().map(|w| w * content_w / total).collect();
    }
    // Too wide: numeric columns stay whole, and the widest text columns are cut to one common
    // width (found by bisection) so narrow ones (references, codes) are never cut.
    let numeric: f32 = natural
        .iter()
        .zip(&section.columns)
        .filter(|(_, c)| c.numeric)
        .map(|(w, _)| *w)
        .sum();
    let room = (content_w - numeric).max(content_w * 0.4);
    let texts = || {
        natural
            .iter()
            .zip(&section.columns)
            .filter(|(_, c)| !c.numeric)
            .map(|(w, _)| *w)
    };
    let (mut low, mut high) = (0.0_f32, texts().fold(0.0, f32::max));
    for _ in 0..30 {
        let level = (low + high) / 2.0;
        if texts().map(|w| w.min(level)).sum::<f32>() > room {
            high = level;
        } else {
            low = level;
        }
    }
    let mut out: Vec<f32> = natural
        .iter()
        .zip(&section.columns)
        .map(|(w, c)| if c.numeric { *w } else { w.min(low) })
        .collect();
    // Numeric columns wider than the page could allow are squeezed too, as a last resort.
    let sum: f32 = out.iter().sum();
    if sum > content_w {
        out.iter_mut().for_each(|w| *w *= content_w / sum);
    }
    out
}

fn header_row(pages: &mut Pages, section: &ReportSection, widths: &[f32], fonts: &Fonts) {
    pages.ops.push(Op::Rect {
        x: MARGIN,
        y: pages.y,
        w: pages.sheet.content_w(),
        h: ROW_H + 2.0,
        fill: Some(SHADE),
        stroke: None,
    });
    cells(
        pages,
        section.columns.iter().map(|c| c.label.as_str()),
        section,
        widths,
        true,
        fonts,
    );
    pages.y += ROW_H + 2.0;
}

fn cells<'a>(
    pages: &mut Pages,
    texts: impl Iterator<Item = &'a str>,
    section: &ReportSection,
    widths: &[f32],
    bold: bool,
    fonts: &Fonts,
) {
    let mut x = MARGIN;
    for ((content, w), column) in texts.zip(widths).zip(&section.columns) {
        let fitted = fonts.fit(content, TABLE_SIZE, bold, w - 2.0 * CELL_PAD);
        let text_x = if column.numeric {
            x + w - CELL_PAD - fonts.width(&fitted, TABLE_SIZE, bold)
        } else {
            x + CELL_PAD
        };
        pages.ops.push(Op::Text {
            x: text_x,
            y: pages.y + ROW_H - 3.5 + if bold { 1.0 } else { 0.0 },
            size: TABLE_SIZE,
            bold,
            color: if bold { GREY } else { INK },
            text: fitted,
        });
        x += w;
    }
}

fn table(pages: &mut Pages, section: &ReportSection, fonts: &Fonts) {
    let cw = pages.sheet.content_w();
    let note_h = if section.note.is_some() { 12.0 } else { 0.0 };
    // The title, its note, the header and two rows stay together.
    if pages.room() < 28.0 + note_h + (ROW_H + 2.0) + 2.0 * ROW_H {
        pages.break_page();
    }
    pages.y += 10.0;
    pages.text(MARGIN, 16.0, 11.0, true, INK, &section.title, cw, fonts);
    if let Some(note) = &section.note {
        pages.text(MARGIN, note_h, 8.0, false, GREY, note, cw, fonts);
    }
    pages.y += 4.0;
    if section.rows.is_empty() {
        pages.text(
            MARGIN,
            14.0,
            9.0,
            false,
            GREY,
            "Nothing to list.",
            cw,
            fonts,
        );
        return;
    }
    let widths = widths(section, fonts, cw);
    header_row(pages, section, &widths, fonts);
    for row in &section.rows {
        if pages.room() < ROW_H {
            pages.break_page();
            let continued = format!("{} (continued)", section.title);
            pages.text(MARGIN, 14.0, 9.0, true, GREY, &continued, cw, fonts);
            pages.y += 2.0;
            header_row(pages, section, &widths, fonts);
        }
        cells(
            pages,
            row.iter().map(String::as_str),
            section,
            &widths,
            false,
            fonts,
        );
        pages.y += ROW_H;
        pages.ops.push(Op::Line {
            x1: MARGIN,
            x2: MARGIN + cw,
            y: pages.y,
        });
    }
}

/// A font face: the krilla font that embeds it, and the advance of each character it has,
/// read from the font once (parsing the font for every character measured is what made a
/// 500-row table slow).
struct Face {
    data: Arc<Vec<u8>>,
    index: u32,
    font: Font,
    units_per_em: f32,
    /// Per character: its advance in font units, or `None` when the face lacks it.
    advances: Mutex<HashMap<char, Option<f32>>>,
}

impl Face {
    fn load(data: Vec<u8>, index: u32) -> Option<Face> {
        let units_per_em = f32::from(ttf_parser::Face::parse(&data, index).ok()?.units_per_em());
        let data = Arc::new(data);
        let font = Font::new(data.clone().into(), index)?;
        Some(Face {
            data,
            index,
            font,
            units_per_em,
            advances: Mutex::new(HashMap::new()),
        })
    }

    fn advance(&self, c: char) -> Option<f32> {
        let mut advances = self.advances.lock().unwrap_or_else(|e| e.into_inner());
        *advances.entry(c).or_insert_with(|| {
            let face = ttf_parser::Face::parse(&self.data, self.index).ok()?;
            let glyph = face.glyph_index(c)?;
            Some(face.glyph_hor_advance(glyph).map_or(0.0, f32::from))
        })
    }

    fn covers(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    fn width(&self, run: &str, size: f32) -> f32 {
        let units: f32 = run.chars().map(|c| self.advance(c).unwrap_or(0.0)).sum();
        units * size / self.units_per_em
    }
}

/// The system's fonts: a regular and a bold sans-serif face, and the fallback faces found for
/// characters those lack, loaded once per process.
struct Fonts {
    system: fontdb::Database,
    regular: Arc<Face>,
    bold: Arc<Face>,
    fallbacks: Mutex<Fallbacks>,
}

#[derive(Default)]
struct Fallbacks {
    faces: HashMap<fontdb::ID, Arc<Face>>,
    /// The face found for a character; `None` when no font has it (it is drawn as the primary
    /// font's missing-glyph box).
    by_char: HashMap<char, Option<fontdb::ID>>,
}

impl Fonts {
    fn primary(&self, bold: bool) -> &Arc<Face> {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    fn face_for(&self, c: char, bold: bool) -> Arc<Face> {
        let primary = self.primary(bold);
        if c.is_whitespace() || primary.covers(c) {
            return primary.clone();
        }
        let mut cache = self.fallbacks.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&Some(id)) = cache.by_char.get(&c) {
            if let Some(face) = cache.faces.get(&id) {
                return face.clone();
            }
        }
        // A fallback already loaded usually has the next character of the same script too:
        // checking it first spares a search through every system font.
        let loaded = cache
            .faces
            .iter()
            .find(|(_, f)| f.covers(c))
            .map(|(id, _)| *id);
        if let Some(id) = loaded {
            cache.by_char.insert(c, Some(id));
            if let Some(face) = cache.faces.get(&id) {
                return face.clone();
            }
        }
        let id = *cache
            .by_char
            .entry(c)
            .or_insert_with(|| self.find_fallback(c));
        let Some(id) = id else {
            return primary.clone();
        };
        if let Some(face) = cache.faces.get(&id) {
            return face.clone();
        }
        let loaded = self
            .system
            .with_face_data(id, |data, index| Face::load(data.to_vec(), index))
            .flatten()
            .map(Arc::new);
        match loaded {
            Some(face) => {
                cache.faces.insert(id, face.clone());
                face
            }
            None => primary.clone(),
        }
    }

    /// A face that has the character, upright sans-serif faces of normal weight first.
    fn find_fallback(&self, c: char) -> Option<fontdb::ID> {
        let has = |id| {
            self.system
                .with_face_data(id, |data, index| {
                    ttf_parser::Face::parse(data, index).is_ok_and(|f| f.glyph_index(c).is_some())
                })
                .unwrap_or(false)
        };
        let preferred = |f: &fontdb::FaceInfo| {
            f.style == fontdb::Style::Normal
                && f.weight == fontdb::Weight::NORMAL
                && f.families.iter().any(|(name, _)| name.contains("Sans"))
        };
        let faces: Vec<&fontdb::FaceInfo> = self.system.faces().collect();
        faces
            .iter()
            .filter(|f| preferred(f))
            .chain(faces.iter().filter(|f| !preferred(f)))
            .map(|f| f.id)
            .find(|id| has(*id))
    }

    /// The text in runs of one face each.
    fn runs<'a>(&self, text: &'a str, bold: bool) -> Vec<(Arc<Face>, &'a str)> {
        let mut out: Vec<(Arc<Face>, &'a str)> = Vec::new();
        let mut start = 0;
        let mut current: Option<Arc<Face>> = None;
        for (i, c) in text.char_indices() {
            let face = self.face_for(c, bold);
            match &current {
                Some(f) if Arc::ptr_eq(f, &face) => {}
                Some(f) => {
                    out.push((f.clone(), &text[start..i]));
                    start = i;
                    current = Some(face);
                }
                None => current = Some(face),
            }
        }
        if let Some(f) = current {
            out.push((f, &text[start..]));
        }
        out
    }

    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.runs(text, bold)
            .iter()
            .map(|(face, run)| face.width(run, size))
            .sum()
    }

    /// The text, or as much of it as fits in `max` followed by "…".
    fn fit(&self, text: &str, size: f32, bold: bool, max: f32) -> String {
        // One line per cell: line breaks and tabs in a value read as spaces.
        let text: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if self.width(&text, size, bold) <= max {
            return text;
        }
        let room = max - self.width("…", size, bold);
        let mut used = 0.0;
        let mut out = String::new();
        for c in text.chars() {
            let w = self
                .face_for(c, bold)
                .width(c.encode_utf8(&mut [0; 4]), size);
            if used + w > room {
                break;
            }
            used += w;
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }
}

static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();

fn fonts() -> Result<&'static Fonts, PdfError> {
    FONTS
        .get_or_init(|| {
            let mut system = fontdb::Database::new();
            system.load_system_fonts();
            let families = [
                "DejaVu Sans",
                "Noto Sans",
                "Liberation Sans",
                "Arial",
                "Helvetica",
                "Segoe UI",
            ];
            let query = |family: fontdb::Family<'_>, weight| {
                system.query(&fontdb::Query {
                    families: &[family],
                    weight,
                    stretch: fontdb::Stretch::Normal,
                    style: fontdb::Style::Normal,
                })
            };
            let regular = families
                .iter()
                .find_map(|f| query(fontdb::Family::Name(f), fontdb::Weight::NORMAL))
                .or_else(|| query(fontdb::Family::SansSerif, fontdb::Weight::NORMAL))
                .or_else(|| system.faces().next().map(|f| f.id))?;
            let family = system.face(regular)?.families.first()?.0.clone();
            let bold =
                query(fontdb::Family::Name(&family), fontdb::Weight::BOLD).unwrap_or(regular);
            let load = |id| {
                system
                    .with_face_data(id, |data, index| Face::load(data.to_vec(), index))
                    .flatten()
                    .map(Arc::new)
            };
            let regular = load(regular)?;
            let bold = load(bold)?;
            Some(Fonts {
                system,
                regular,
                bold,
                fallbacks: Mutex::new(Fallbacks::default()),
            })
        })
        .as_ref()
        .ok_or(PdfError::NoFont)
}
