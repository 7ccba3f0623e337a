"""Generate the Word templates: a Peraturan Wali Kota / Peraturan Bupati / Peraturan Daerah / Keputusan Wali Kota /
Keputusan Bupati and a kunjungan kerja brief.

Run from the repository root (any directory works)::

    .venv/bin/python templates/make_templates.py                        # both templates, templates/ and packaged copies
    .venv/bin/python templates/make_templates.py OUT.docx               # the regulation template as OUT.docx
    .venv/bin/python templates/make_templates.py --kunjungan OUT.docx   # the kunjungan kerja template as OUT.docx
    .venv/bin/python templates/make_templates.py --proposal [OUT.docx]  # the KIPP proposal template (packaged copy)

The result is a normal, user-editable Word file: a drafter may restyle it in Word (font, margins,
spacing of every named style). The generator only relies on the style *names* and on the Jinja
tags in the body, so those must stay.

Layout (see the drafting reference §1.1-1.2 and §5): F4 paper 215 x 330 mm, Bookman Old Style
12 pt, page number "- 2 -" centred at the top from page 2 on, nothing in the header of page 1.

The kunjungan kerja template (``kunjungan-kerja.docx``, bahan and laporan hasil kunjungan kerja):
A4, margins 2.5/2.5/3/2.5 cm (top/bottom/left/right), Bookman Old Style 12 pt, the running header
``{{ kepala }}`` on pages 2+, "Halaman N" centred at the bottom of every page.

The KIPP proposal template (``proposal-kipp.docx``, packaged only): the kunjungan kerja template plus the
styles of a proposal draft (cover, word counts, the yellow "Isian Penulis" paragraphs the author must write).

Running the script twice gives byte-identical files (fixed core properties and ZIP timestamps).
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

TEMPLATE_NAME = "peraturan-kepala-daerah.docx"
DEFAULT_OUTPUT = Path(__file__).resolve().parent / TEMPLATE_NAME

FONT = "Bookman Old Style"
FONT_SIZE = Pt(12)
LANGUAGE = "id-ID"

PAGE_WIDTH = Cm(21.5)
PAGE_HEIGHT = Cm(33.0)
MARGIN_TOP = Cm(2.5)
MARGIN_BOTTOM = Cm(2.0)
MARGIN_LEFT = Cm(3.0)
MARGIN_RIGHT = Cm(2.0)

STEP = 1.0  # cm; indent step of ayat and rincian
SIGNATURE_INDENT = Cm(8.5)  # penetapan block and LAMPIRAN header start on the right half

# Built-in styles kept from python-docx's base document; the other ~150 (theme-font headings,
# coloured table styles) only make every generated document bigger and slower to save.
KEEP_BUILTIN_STYLES = {
    "Normal",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
    "header",
    "Header Char",
    "footer",
    "Footer Char",
}

FIXED_TIME = _dt.datetime(2025, 1, 1, tzinfo=_dt.timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- styles


def _set_run_fonts(rpr) -> None:
    """Explicit Bookman for every script (no theme fonts), 12 pt, Indonesian."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    for tag in ("w:sz", "w:szCs", "w:lang"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(int(FONT_SIZE.pt * 2)))
        rpr.append(el)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)


def _set_doc_defaults(styles_element) -> None:
    doc_defaults = styles_element.find(qn("w:docDefaults"))
    rpr = doc_defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_run_fonts(rpr)
    ppr = doc_defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)


def _prune_builtin_styles(document) -> None:
    styles_element = document.styles.element
    for style in list(styles_element.findall(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val")) not in KEEP_BUILTIN_STYLES:
            styles_element.remove(style)


def _setup_normal(document) -> None:
    normal = document.styles["Normal"]
    _set_run_fonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _paragraph_style(
    document,
    name: str,
    *,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    bold: bool = False,
    before: float = 0,
    after: float = 0,
    left: float = 0,
    right: float = 0,
    hanging: float = 0,
    tab: float | None = None,
    keep_with_next: bool = False,
    contextual: bool = False,
):
    """Add one paragraph style based on Normal; lengths in cm, spacing in pt."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.font.bold = True if bold else None
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.left_indent = Cm(left)
    if right:
        fmt.right_indent = Cm(right)
    fmt.first_line_indent = Cm(-hanging) if hanging else Cm(0)
    if tab is not None:
        fmt.tab_stops.add_tab_stop(Cm(tab), WD_TAB_ALIGNMENT.LEFT)
    if keep_with_next:
        fmt.keep_with_next = True
    if contextual:
        # "Don't add space between paragraphs of the same style": a two-line heading
        # ("BAB I" / "KETENTUAN UMUM") gets the space only above its first line.
        ppr = style.element.get_or_add_pPr()
        ppr.insert_element_before(
            OxmlElement("w:contextualSpacing"),
            "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
            "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
            "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
        )
    return style


def _new_table_style(document, name: str, border: str, size: str, padding: tuple[int, int, int, int]):
    """A table style with the same border on every edge and the given cell padding (top, left, bottom, right)."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    style.quick_style = True
    tblpr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), border)
        el.set(qn("w:sz"), size)
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "auto")
        borders.append(el)
    tblpr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in zip(("top", "left", "bottom", "right"), padding):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tblpr.append(margins)
    style.element.append(tblpr)
    return style


def _table_style(document, name: str):
    """A table style without any border (Word and LibreOffice) and no left cell padding."""
    return _new_table_style(document, name, "none", "0", (0, 0, 0, 57))


PARAGRAPH_STYLES: list[tuple[str, dict]] = [
    ("Lambang", dict(align=WD_ALIGN_PARAGRAPH.CENTER)),
    ("Kop", dict(align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)),
    ("Judul Peraturan", dict(align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)),
    ("Pembukaan", dict(align=WD_ALIGN_PARAGRAPH.CENTER)),
    ("Konsiderans", dict()),
    ("Judul BAB", dict(align=WD_ALIGN_PARAGRAPH.CENTER, before=12, keep_with_next=True, contextual=True)),
    ("Judul Bagian", dict(align=WD_ALIGN_PARAGRAPH.CENTER, before=12, keep_with_next=True, contextual=True)),
    ("Judul Paragraf", dict(align=WD_ALIGN_PARAGRAPH.CENTER, before=12, keep_with_next=True, contextual=True)),
    ("Judul Pasal", dict(align=WD_ALIGN_PARAGRAPH.CENTER, before=12, keep_with_next=True)),
    ("Isi Pasal", dict(after=6)),
    ("Ayat", dict(left=STEP, hanging=STEP, tab=STEP)),
    ("Lanjutan Ayat", dict(left=STEP)),
    *[(f"Rincian {n}", dict(left=n * STEP, hanging=STEP, tab=n * STEP)) for n in range(1, 6)],
    ("Penutup", dict(before=12)),
    ("Tanda Tangan", dict(align=WD_ALIGN_PARAGRAPH.LEFT, left=SIGNATURE_INDENT.cm)),
    ("Pengundangan", dict(align=WD_ALIGN_PARAGRAPH.LEFT)),
    ("Berita Daerah", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, before=12)),
    ("Lampiran Kepala", dict(align=WD_ALIGN_PARAGRAPH.LEFT, left=SIGNATURE_INDENT.cm)),
    ("Judul Lampiran", dict(align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=12)),
    ("Isi Lampiran", dict(after=6)),
    # An amending regulation: the quoted new text of a change point, at the text indent of "Rincian 1".
    ("Naskah Perubahan", dict(left=STEP)),
    ("Judul Naskah Perubahan", dict(align=WD_ALIGN_PARAGRAPH.CENTER, left=STEP, before=6, keep_with_next=True)),
    # A Peraturan Daerah's Penjelasan: its title, "I. UMUM" / "II. PASAL DEMI PASAL", then one indent per level
    # (Pasal, ayat or huruf under it, ...) for the element's label and for its explanation.
    ("Judul Penjelasan", dict(align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)),
    ("Bagian Penjelasan", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, before=12, after=6, left=STEP,
                               hanging=STEP, tab=STEP, keep_with_next=True)),
    *[(f"Unsur Penjelasan {n}", dict(align=WD_ALIGN_PARAGRAPH.LEFT, before=6, left=n * STEP, keep_with_next=True))
      for n in range(1, 5)],
    *[(f"Isi Penjelasan {n}", dict(after=6, left=n * STEP)) for n in range(1, 5)],
]
TABLE_STYLES = ["Tabel Konsiderans"]

MARK_COLOUR = RGBColor(0x40, 0x40, 0x40)
CONSOLIDATED_STYLES: list[tuple[str, dict]] = [
    # A consolidated text (naskah terintegrasi): the note after an element an amendment changed, inserted or
    # deleted ("[Diubah dengan ...]"), at the first indent; and the notice above the kop (what the text is).
    ("Catatan Perubahan", dict(align=WD_ALIGN_PARAGRAPH.LEFT, italic=True, size=10, colour=MARK_COLOUR, left=STEP,
                               after=6)),
    ("Keterangan Naskah", dict(italic=True, size=10, after=6)),
]
"""Added after every other style (the existing styles' XML and order stay as they were)."""

DECREE_STYLES: list[tuple[str, dict]] = [
    # A Keputusan Kepala Daerah: the cells of each diktum row (KESATU | : | its text) in the table that starts with
    # Menetapkan, a little apart from the row above; and the Tembusan under the signature, bottom-left, its number
    # hanging ("Tembusan:" itself starts at the margin).
    ("Diktum", dict(before=6)),
    ("Tembusan", dict(align=WD_ALIGN_PARAGRAPH.LEFT, left=STEP, hanging=STEP, tab=STEP)),
]
"""Added after the consolidated text's styles (the existing styles' XML and order stay as they were)."""

# --------------------------------------------------------------------------- rich text (both templates)

CODE_FONT = "Courier New"
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
RULE_COLOUR = "808080"


def _richtext_paragraph_styles(step: float, cell_size: float) -> list[tuple[str, dict]]:
    """The paragraph styles of Markdown text (rancang.render.richtext_docx), with the list indent ``step`` (cm)
    of the template; ``Isi Tabel`` and ``Kepala Tabel`` are left out where the template already has them."""
    return [
        ("Judul Kecil 1", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, before=12, after=6, keep_with_next=True)),
        ("Judul Kecil 2", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, before=6, after=6, keep_with_next=True)),
        ("Judul Kecil 3", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, italic=True, before=6, after=3,
                               keep_with_next=True)),
        *[(f"Daftar {n}", dict(after=3, left=n * step, hanging=step, tab=n * step)) for n in range(1, 4)],
        ("Kutipan", dict(left=1.0, right=1.0, after=6)),
        ("Blok Kode", dict(align=WD_ALIGN_PARAGRAPH.LEFT, font=CODE_FONT, size=10, left=0.5, after=6)),
        ("Garis Pemisah", dict(align=WD_ALIGN_PARAGRAPH.LEFT, before=6, after=6, rule=True)),
        ("Gambar", dict(align=WD_ALIGN_PARAGRAPH.CENTER, before=6, keep_with_next=True)),
        ("Keterangan Gambar", dict(align=WD_ALIGN_PARAGRAPH.CENTER, size=10, after=6)),
        ("Isi Tabel", dict(align=WD_ALIGN_PARAGRAPH.LEFT, size=cell_size)),
        ("Kepala Tabel", dict(align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=cell_size)),
    ]


def _character_style(document, name: str, *, font: str | None = None, size: float | None = None,
                     colour: RGBColor | None = None, underline: bool = False):
    style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.base_style = document.styles["Default Paragraph Font"]
    style.quick_style = True
    if font is not None:
        _set_font(style, font)
    if size is not None:
        style.font.size = Pt(size)
        style.font.element.rPr.find(qn("w:sz")).addnext(_val_element("w:szCs", str(int(size * 2))))
    if colour is not None:
        style.font.color.rgb = colour
    if underline:
        style.font.underline = True
    return style


def _set_font(style, font: str) -> None:
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), font)


def _add_richtext_styles(document, step: float, cell_size: float) -> None:
    """Every style of rich text (template_names.RICHTEXT_STYLES) that the template does not have yet."""
    existing = {style.name for style in document.styles}
    for name, options in _richtext_paragraph_styles(step, cell_size):
        if name not in existing:
            _styled_paragraph(document, name, **options)
    if "Tabel Isi" not in existing:
        _bordered_table_style(document, "Tabel Isi")
    _character_style(document, "Kode", font=CODE_FONT, size=10)
    _character_style(document, "Hyperlink", colour=LINK_COLOUR, underline=True)


# --------------------------------------------------------------------------- page


def _add_page_field(paragraph, cached: str = "2") -> None:
    """Append a real PAGE field (fldChar begin / instrText / separate / result / end)."""

    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(cached)  # cached result; Word and LibreOffice recompute it
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _setup_section(document) -> None:
    section = document.sections[0]
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.25)
    section.gutter = Cm(0)
    section.different_first_page_header_footer = True

    # Page 1: an explicit, empty header (the kop is in the body).
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = document.styles["header"]

    # Pages 2+: "- 2 -" centred at the top.
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = document.styles["header"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("- ")
    _add_page_field(paragraph)
    paragraph.add_run(" -")


def _setup_settings(document) -> None:
    settings = document.settings.element
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        settings.remove(rsids)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)


def _add_font_table_entry(document) -> None:
    """Describe Bookman Old Style in the font table so Word substitutes a serif if it is missing."""
    font_part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable")),
        None,
    )
    if font_part is None:
        return
    from lxml import etree

    root = etree.fromstring(font_part.blob)
    if any(f.get(qn("w:name")) == FONT for f in root.findall(qn("w:font"))):
        return
    font = etree.SubElement(root, qn("w:font"))
    font.set(qn("w:name"), FONT)
    for tag, val in (("panose1", "02050604050505020204"), ("charset", "00"), ("family", "roman"),
                     ("pitch", "variable")):
        etree.SubElement(font, qn(f"w:{tag}")).set(qn("w:val"), val)
    font_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_unused_parts(document) -> None:
    """Drop parts of python-docx's base document that a regulation never uses: a 430 kB
    Word 2010 copy of styles.xml, an empty bibliography and a thumbnail of a blank Letter page."""
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            document.part.drop_rel(rid)
    package_rels = document.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]


# --------------------------------------------------------------------------- body


def _replace_body(document, paragraphs: list[tuple[str, str]]) -> None:
    """Keep only the section properties, then add (text, style) paragraphs.

    Each Jinja tag sits in a single run of its own paragraph.
    """
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)


def _add_body(document) -> None:
    _replace_body(document, [("{{ lambang }}", "Lambang"), ("{{ kop_jabatan }}", "Kop"),
                             ("{{ kop_provinsi }}", "Kop"), ("", "Normal"), ("{{p isi }}", "Normal")])


def _base_document():
    """python-docx's base document stripped to what a template needs, with the shared defaults."""
    document = Document()
    _drop_unused_parts(document)
    _prune_builtin_styles(document)
    _set_doc_defaults(document.styles.element)
    _setup_normal(document)
    return document


def build_document():
    document = _base_document()
    for name, options in PARAGRAPH_STYLES:
        _paragraph_style(document, name, **options)
    for name in TABLE_STYLES:
        _table_style(document, name)
    _add_richtext_styles(document, STEP, 11)
    for name, options in CONSOLIDATED_STYLES:
        _styled_paragraph(document, name, **options)
    for name, options in DECREE_STYLES:
        _styled_paragraph(document, name, **options)
    _setup_section(document)
    _setup_settings(document)
    _add_font_table_entry(document)
    _add_body(document)

    props = document.core_properties
    props.title = "Templat Peraturan Kepala Daerah"
    props.subject = "Rancangan Peraturan Wali Kota/Bupati"
    props.author = "rancang"
    props.last_modified_by = "rancang"
    props.comments = "Dibuat oleh templates/make_templates.py; gaya boleh diubah di Word."
    props.keywords = ""
    props.category = ""
    props.language = LANGUAGE
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    return document


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so that reruns are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


def _write(path: Path, document) -> Path:
    buffer = io.BytesIO()
    document.save(buffer)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(_normalise_zip(buffer.getvalue()))
    tmp.replace(path)
    return path


def write_template(path: Path = DEFAULT_OUTPUT) -> Path:
    return _write(path, build_document())


PACKAGED_OUTPUT = Path(__file__).resolve().parents[1] / "src" / "rancang" / "templates" / TEMPLATE_NAME
"""The copy shipped inside the package: used by projects that have no templates/ of their own."""


# =========================================================================== kunjungan kerja

VISIT_TEMPLATE_NAME = "kunjungan-kerja.docx"
VISIT_DEFAULT_OUTPUT = Path(__file__).resolve().parent / VISIT_TEMPLATE_NAME
VISIT_PACKAGED_OUTPUT = PACKAGED_OUTPUT.with_name(VISIT_TEMPLATE_NAME)

VISIT_PAGE_WIDTH = Cm(21.0)  # A4; the renderer switches to F4 on request
VISIT_PAGE_HEIGHT = Cm(29.7)
VISIT_MARGIN_TOP = Cm(2.5)
VISIT_MARGIN_BOTTOM = Cm(2.5)
VISIT_MARGIN_LEFT = Cm(3.0)
VISIT_MARGIN_RIGHT = Cm(2.5)
VISIT_HANGING = 0.75  # cm; "•" or "1." then a tab, the text at 0.75 cm
NOTE_COLOUR = RGBColor(0x59, 0x59, 0x59)
HEADER_SHADING = "D9D9D9"  # header row of "Tabel Isi": light grey
RUNNING_SIZE = Pt(10)  # running header and footer

VISIT_PARAGRAPH_STYLES: list[tuple[str, dict]] = [
    ("Judul Dokumen", dict(align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, caps=True, size=14, keep_with_next=True)),
    ("Subjudul Dokumen", dict(align=WD_ALIGN_PARAGRAPH.CENTER, before=6, keep_with_next=True)),
    ("Judul 1", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, before=12, after=6, keep_with_next=True, outline=0)),
    ("Judul 2", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, before=6, after=6, keep_with_next=True, outline=1)),
    ("Judul 3", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, italic=True, before=6, after=3, keep_with_next=True,
                     outline=2)),
    ("Isi", dict(after=6)),
    ("Catatan", dict(italic=True, size=10, colour=NOTE_COLOUR, after=6)),
    ("Butir", dict(after=3, left=VISIT_HANGING, hanging=VISIT_HANGING, tab=VISIT_HANGING)),
    ("Butir Bernomor", dict(after=3, left=VISIT_HANGING, hanging=VISIT_HANGING, tab=VISIT_HANGING)),
    ("Isi Tabel", dict(align=WD_ALIGN_PARAGRAPH.LEFT, size=11)),
    ("Kepala Tabel", dict(align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=11)),
]
VISIT_TABLE_STYLES = ["Tabel Isi", "Tabel Keterangan"]


def _styled_paragraph(
    document,
    name: str,
    *,
    italic: bool = False,
    caps: bool = False,
    size: float | None = None,
    colour: RGBColor | None = None,
    outline: int | None = None,
    font: str | None = None,
    rule: bool = False,
    **options,
):
    """A paragraph style with character formatting too (the kunjungan kerja template's, and rich text's)."""
    style = _paragraph_style(document, name, **options)
    if font is not None:
        _set_font(style, font)
    if rule:
        _bottom_border(style.element.get_or_add_pPr(), RULE_COLOUR)
    if italic:
        style.font.italic = True
    if caps:
        style.font.all_caps = True
    if size is not None:
        style.font.size = Pt(size)
        style.font.element.rPr.find(qn("w:sz")).addnext(_val_element("w:szCs", str(int(size * 2))))
    if colour is not None:
        style.font.color.rgb = colour
    if outline is not None:
        ppr = style.element.get_or_add_pPr()
        ppr.insert_element_before(
            _val_element("w:outlineLvl", str(outline)),
            "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
        )
    return style


_visit_paragraph_style = _styled_paragraph


def _val_element(tag: str, value: str):
    el = OxmlElement(tag)
    el.set(qn("w:val"), value)
    return el


def _bordered_table_style(document, name: str):
    """Single lines around and between all cells; the header row (``tblLook firstRow``) shaded light grey."""
    style = _new_table_style(document, name, "single", "4", (28, 85, 28, 85))
    first_row = OxmlElement("w:tblStylePr")
    first_row.set(qn("w:type"), "firstRow")
    first_row.append(OxmlElement("w:tblPr"))
    tcpr = OxmlElement("w:tcPr")
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), HEADER_SHADING)
    tcpr.append(shading)
    first_row.append(tcpr)
    style.element.append(first_row)
    return style


def _running_paragraph(paragraph, document, style: str, align: WD_ALIGN_PARAGRAPH) -> None:
    paragraph.style = document.styles[style]
    paragraph.alignment = align


def _small(run) -> None:
    run.font.size = RUNNING_SIZE
    run._r.get_or_add_rPr().append(_val_element("w:szCs", str(int(RUNNING_SIZE.pt * 2))))


def _page_footer(document, footer, cached: str) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    _running_paragraph(paragraph, document, "footer", WD_ALIGN_PARAGRAPH.CENTER)
    _small(paragraph.add_run("Halaman "))
    _add_page_field(paragraph, cached)
    for run in paragraph.runs[1:]:
        _small(run)


def _setup_visit_section(document) -> None:
    section = document.sections[0]
    section.page_width = VISIT_PAGE_WIDTH
    section.page_height = VISIT_PAGE_HEIGHT
    section.top_margin = VISIT_MARGIN_TOP
    section.bottom_margin = VISIT_MARGIN_BOTTOM
    section.left_margin = VISIT_MARGIN_LEFT
    section.right_margin = VISIT_MARGIN_RIGHT
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.25)
    section.gutter = Cm(0)
    section.different_first_page_header_footer = True

    # Page 1: no running header (the title says it all).
    first = section.first_page_header
    first.is_linked_to_previous = False
    _running_paragraph(first.paragraphs[0], document, "header", WD_ALIGN_PARAGRAPH.LEFT)

    # Pages 2+: the running header, left, over a thin line.
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    _running_paragraph(paragraph, document, "header", WD_ALIGN_PARAGRAPH.LEFT)
    _small(paragraph.add_run("{{ kepala }}"))  # one run: the Jinja tag must not be split
    _bottom_border(paragraph._p.get_or_add_pPr(), "auto")

    # Every page: "Halaman N" centred at the bottom.
    _page_footer(document, section.first_page_footer, "1")
    _page_footer(document, section.footer, "2")


def _bottom_border(ppr, colour: str) -> None:
    """A thin line under the paragraph (the running header's, the thematic break of rich text)."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", colour)):
        bottom.set(qn(attr), value)
    borders.append(bottom)
    ppr.insert_element_before(
        borders,
        "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange",
    )


def _setup_visit_compat(document) -> None:
    """A justified line ending in a line break (``\\n`` in the text) is not stretched, in Word and LibreOffice."""
    compat = document.settings.element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        document.settings.element.append(compat)
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def _add_visit_body(document) -> None:
    _replace_body(document, [("{{ judul }}", "Judul Dokumen"), ("{{ subjudul }}", "Subjudul Dokumen"),
                             ("", "Normal"), ("{{p isi }}", "Normal")])


def build_visit_document():
    document = _base_document()
    for name, options in VISIT_PARAGRAPH_STYLES:
        _visit_paragraph_style(document, name, **options)
    _bordered_table_style(document, "Tabel Isi")
    _table_style(document, "Tabel Keterangan")
    _add_richtext_styles(document, VISIT_HANGING, 11)
    _setup_visit_section(document)
    _setup_settings(document)
    _setup_visit_compat(document)
    _add_font_table_entry(document)
    _add_visit_body(document)

    props = document.core_properties
    props.title = "Templat Bahan dan Laporan Kunjungan Kerja"
    props.subject = "Bahan kunjungan kerja dan laporan hasil kunjungan kerja"
    props.author = "rancang"
    props.last_modified_by = "rancang"
    props.comments = "Dibuat oleh templates/make_templates.py; gaya boleh diubah di Word."
    props.keywords = ""
    props.category = ""
    props.language = LANGUAGE
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    return document


def write_visit_template(path: Path = VISIT_DEFAULT_OUTPUT) -> Path:
    return _write(path, build_visit_document())


# =========================================================================== KIPP proposal

PROPOSAL_TEMPLATE_NAME = "proposal-kipp.docx"
PROPOSAL_PACKAGED_OUTPUT = PACKAGED_OUTPUT.with_name(PROPOSAL_TEMPLATE_NAME)
PLACEHOLDER_SHADING = "FFF2CC"  # light yellow: a part the author still has to write
PLACEHOLDER_BORDER = "BF9000"
OVER_COLOUR = RGBColor(0xC0, 0x00, 0x00)  # a word count over the limit
COUNT_COLOUR = RGBColor(0x40, 0x40, 0x40)

PROPOSAL_PARAGRAPH_STYLES: list[tuple[str, dict]] = [
    ("Judul Sampul", dict(align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=18, before=48, after=24,
                          keep_with_next=True)),
    ("Keterangan Sampul", dict(align=WD_ALIGN_PARAGRAPH.CENTER, after=6)),
    ("Hitungan Kata", dict(align=WD_ALIGN_PARAGRAPH.LEFT, size=10, colour=COUNT_COLOUR, after=6,
                           keep_with_next=True)),
    ("Hitungan Kata Lewat", dict(align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, size=10, colour=OVER_COLOUR, after=6,
                                 keep_with_next=True)),
    ("Isian Penulis", dict(align=WD_ALIGN_PARAGRAPH.LEFT, italic=True, after=6)),
]


def _placeholder_look(style) -> None:
    """A light yellow paragraph with a dark yellow bar on its left: seen at once on screen and on paper."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for attr, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "4"), ("w:color", PLACEHOLDER_BORDER)):
        left.set(qn(attr), value)
    borders.append(left)
    shading = OxmlElement("w:shd")
    for attr, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", PLACEHOLDER_SHADING)):
        shading.set(qn(attr), value)
    after = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
             "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
             "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
             "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
             "w:sectPr", "w:pPrChange")
    ppr.insert_element_before(borders, "w:shd", *after)
    ppr.insert_element_before(shading, *after)


def build_proposal_document():
    """The kunjungan kerja template (same page, styles and running header) with the styles of a proposal draft:
    its cover, the word count under each aspect's heading, and the marked parts the author still has to write."""
    document = build_visit_document()
    for name, options in PROPOSAL_PARAGRAPH_STYLES:
        _styled_paragraph(document, name, **options)
    _placeholder_look(document.styles["Isian Penulis"])
    props = document.core_properties
    props.title = "Templat Draf Proposal KIPP"
    props.subject = "Draf proposal Kompetisi Inovasi Pelayanan Publik dari profil inovasi"
    return document


def write_proposal_template(path: Path = PROPOSAL_PACKAGED_OUTPUT) -> Path:
    return _write(path, build_proposal_document())


# =========================================================================== command line


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--proposal"]:
        print(f"Templat ditulis: {write_proposal_template(*(Path(a) for a in args[1:2]))}")
        return 0
    if args[:1] == ["--kunjungan"]:
        if len(args) != 2:
            print("pemakaian: make_templates.py [--kunjungan] [KELUARAN.docx]", file=sys.stderr)
            return 2
        print(f"Templat ditulis: {write_visit_template(Path(args[1]))}")
        return 0
    if args:
        print(f"Templat ditulis: {write_template(Path(args[0]))}")
        return 0
    for target in (DEFAULT_OUTPUT, PACKAGED_OUTPUT):
        print(f"Templat ditulis: {write_template(target)}")
    for target in (VISIT_DEFAULT_OUTPUT, VISIT_PACKAGED_OUTPUT):
        print(f"Templat ditulis: {write_visit_template(target)}")
    print(f"Templat ditulis: {write_proposal_template()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
