"""The kunjungan kerja Word template and its renderer (rancang.render.visit_docx).

(a) the template: styles, page, running header/footer, body, Jinja variables, reproducible
generation and the packaged copy; (b) rendering every block type with special characters, read
back with python-docx; (c) the PDF made by LibreOffice: page size, header from page 2 on,
"Halaman N", the characters. The LibreOffice tests share one batch conversion and are skipped
only when LibreOffice or poppler-utils is missing (CI installs both).
"""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docxtpl
import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from jinja2 import Environment, StrictUndefined, UndefinedError

from rancang.render.pdf import convert_to_pdf
from rancang.render.template_check import template_problems
from rancang.render.template_names import (
    VISIT_REQUIRED_STYLES, VISIT_TEMPLATE_STYLES,
    VISIT_STYLES,
    VISIT_TEMPLATE_NAME,
    VISIT_TEMPLATE_VARIABLES,
)
from rancang.render.visit_docx import TemplateStyleError, render
from rancang.visits.blocks import Bullets, Heading, KeyValues, Para, Table, VisitDocument
from support import require_libreoffice

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / VISIT_TEMPLATE_NAME
PACKAGED = ROOT / "src" / "rancang" / "templates" / VISIT_TEMPLATE_NAME
SCRIPT = ROOT / "templates" / "make_templates.py"

C, J, L = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
GREY = RGBColor(0x59, 0x59, 0x59)
# name: (alignment, bold, italic, caps, size pt (None = 12 of Normal), colour, before pt, after pt,
#        left indent cm, first line cm, tab cm, keep with next)
STYLE_FORMAT = {
    "Judul Dokumen": (C, True, None, True, 14, None, 0, 0, 0, 0, None, True),
    "Subjudul Dokumen": (C, None, None, None, None, None, 6, 0, 0, 0, None, True),
    "Judul 1": (L, True, None, None, None, None, 12, 6, 0, 0, None, True),
    "Judul 2": (L, True, None, None, None, None, 6, 6, 0, 0, None, True),
    "Judul 3": (L, True, True, None, None, None, 6, 3, 0, 0, None, True),
    "Isi": (J, None, None, None, None, None, 0, 6, 0, 0, None, None),
    "Catatan": (J, None, True, None, 10, GREY, 0, 6, 0, 0, None, None),
    "Butir": (J, None, None, None, None, None, 0, 3, 0.75, -0.75, 0.75, None),
    "Butir Bernomor": (J, None, None, None, None, None, 0, 3, 0.75, -0.75, 0.75, None),
    "Isi Tabel": (L, None, None, None, 11, None, 0, 0, 0, 0, None, None),
    "Kepala Tabel": (C, True, None, None, 11, None, 0, 0, 0, 0, None, None),
    # rich text (Markdown of the narratives), rancang.render.richtext_docx
    "Judul Kecil 1": (L, True, None, None, None, None, 12, 6, 0, 0, None, True),
    "Judul Kecil 2": (L, True, None, None, None, None, 6, 6, 0, 0, None, True),
    "Judul Kecil 3": (L, True, True, None, None, None, 6, 3, 0, 0, None, True),
    **{f"Daftar {n}": (J, None, None, None, None, None, 0, 3, 0.75 * n, -0.75, 0.75 * n, None) for n in (1, 2, 3)},
    "Kutipan": (J, None, None, None, None, None, 0, 6, 1.0, 0, None, None),
    "Blok Kode": (L, None, None, None, 10, None, 0, 6, 0.5, 0, None, None),
    "Garis Pemisah": (L, None, None, None, None, None, 6, 6, 0, 0, None, None),
    "Gambar": (C, None, None, None, None, None, 6, 0, 0, 0, None, True),
    "Keterangan Gambar": (C, None, None, None, 10, None, 0, 6, 0, 0, None, None),
}
TABLE_STYLES = ["Tabel Isi", "Tabel Keterangan"]
CHARACTER_STYLES = ["Kode", "Hyperlink"]
EDGES = ["top", "left", "bottom", "right", "insideH", "insideV"]

A4_PT = (595.28, 841.89)
F4_PT = (215 / 25.4 * 72, 330 / 25.4 * 72)  # 609.45 x 935.43 pt


def _load_script():
    spec = importlib.util.spec_from_file_location("make_templates", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("visit-template") / "again.docx"
    _load_script().write_visit_template(out)
    return out


@pytest.fixture(params=["committed", "packaged", "regenerated"])
def template_path(request, regenerated) -> Path:
    return {"committed": TEMPLATE, "packaged": PACKAGED, "regenerated": regenerated}[request.param]


# --------------------------------------------------------------------------- (a) the template


def test_script_reproduces_identical_bytes(regenerated, tmp_path):
    second = _load_script().write_visit_template(tmp_path / "second.docx")
    assert second.read_bytes() == regenerated.read_bytes()
    assert TEMPLATE.read_bytes() == PACKAGED.read_bytes()


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_packaged_template_is_the_generated_one():
    """Projects without templates/kunjungan-kerja.docx use the packaged copy; it must be today's template."""
    with tempfile.TemporaryDirectory() as tmp:  # a fresh process: python-docx keeps state between documents
        subprocess.run([sys.executable, str(SCRIPT), "--kunjungan", f"{tmp}/k.docx"], check=True, capture_output=True)
        fresh = _parts(Path(tmp) / "k.docx")
    assert _parts(PACKAGED) == fresh, "run: .venv/bin/python templates/make_templates.py"
    assert _parts(TEMPLATE) == fresh, "run: .venv/bin/python templates/make_templates.py"


def test_generating_the_visit_template_leaves_the_regulation_template_alone(tmp_path):
    subprocess.run([sys.executable, str(SCRIPT), f"{tmp_path}/r.docx"], check=True, capture_output=True)
    assert (tmp_path / "r.docx").read_bytes() == (ROOT / "templates" / "peraturan-kepala-daerah.docx").read_bytes()


def test_template_has_every_style(template_path):
    styles = {s.name: s for s in Document(str(template_path)).styles}
    assert set(STYLE_FORMAT) | set(TABLE_STYLES) | set(CHARACTER_STYLES) | {"Normal"} == VISIT_TEMPLATE_STYLES
    for name in STYLE_FORMAT:
        assert styles[name].type == WD_STYLE_TYPE.PARAGRAPH, name
        assert styles[name].base_style.name == "Normal", name
    for name in TABLE_STYLES:
        assert styles[name].type == WD_STYLE_TYPE.TABLE, name
    for name in CHARACTER_STYLES:
        assert styles[name].type == WD_STYLE_TYPE.CHARACTER, name
    assert template_problems(template_path, VISIT_REQUIRED_STYLES, VISIT_TEMPLATE_VARIABLES) == []


@pytest.mark.parametrize("name", list(STYLE_FORMAT))
def test_style_format(name):
    style = Document(str(TEMPLATE)).styles[name]
    align, bold, italic, caps, size, colour, before, after, left, first, tab, keep = STYLE_FORMAT[name]
    fmt, font = style.paragraph_format, style.font
    assert fmt.alignment == align
    assert (font.bold, font.italic, font.all_caps) == (bold, italic, caps)
    assert (font.size.pt if font.size else None) == size
    if size is not None:  # complex scripts too
        assert style.element.rPr.find(qn("w:szCs")).get(qn("w:val")) == str(size * 2)
    assert font.color.rgb == colour
    assert (fmt.space_before or Emu(0)).pt == pytest.approx(before)
    assert (fmt.space_after or Emu(0)).pt == pytest.approx(after)
    assert (fmt.left_indent or Emu(0)).cm == pytest.approx(left, abs=0.01)
    assert (fmt.first_line_indent or Emu(0)).cm == pytest.approx(first, abs=0.01)
    assert [t.position.cm for t in fmt.tab_stops] == ([] if tab is None else [pytest.approx(tab, abs=0.01)])
    assert fmt.keep_with_next == keep


def test_heading_outline_levels():
    styles = Document(str(TEMPLATE)).styles
    for level in (1, 2, 3):
        outline = styles[f"Judul {level}"].element.pPr.find(qn("w:outlineLvl"))
        assert outline.get(qn("w:val")) == str(level - 1)


def _borders(style) -> dict[str, str]:
    borders = style.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    return {el.tag.split("}")[1]: el.get(qn("w:val")) for el in borders}


def test_table_styles():
    styles = Document(str(TEMPLATE)).styles
    content = styles["Tabel Isi"]
    assert _borders(content) == dict.fromkeys(EDGES, "single")
    (first_row,) = content.element.findall(qn("w:tblStylePr"))
    assert first_row.get(qn("w:type")) == "firstRow"
    shading = first_row.find(qn("w:tcPr")).find(qn("w:shd"))
    assert shading.get(qn("w:fill")) == "D9D9D9"
    assert _borders(styles["Tabel Keterangan"]) == dict.fromkeys(EDGES, "none")
    assert styles["Tabel Keterangan"].element.findall(qn("w:tblStylePr")) == []


def test_default_font_and_language(template_path):
    doc = Document(str(template_path))
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for rpr in (defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), doc.styles["Normal"].element.find(qn("w:rPr"))):
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(qn(f"w:{attr}")) == "Bookman Old Style"
        assert not [a for a in fonts.attrib if a.endswith("Theme")]
        assert rpr.find(qn("w:sz")).get(qn("w:val")) == "24"
        assert rpr.find(qn("w:lang")).get(qn("w:val")) == "id-ID"
    compat = doc.settings.element.find(qn("w:compat"))
    assert compat.find(qn("w:doNotExpandShiftReturn")) is not None  # "\n" in a justified line: not stretched


def test_page_setup(template_path):
    doc = Document(str(template_path))
    assert len(doc.sections) == 1
    sec = doc.sections[0]
    assert (sec.page_width.mm, sec.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    margins = (sec.top_margin.cm, sec.bottom_margin.cm, sec.left_margin.cm, sec.right_margin.cm)
    assert margins == pytest.approx((2.5, 2.5, 3.0, 2.5), abs=0.01)


def _field_text(paragraph_element) -> tuple[str, list[str]]:
    """Text of a paragraph with each complex field shown as {INSTR} (its cached result hidden)."""
    out, instructions, in_field = [], [], False
    for el in paragraph_element.iter():
        if el.tag == qn("w:fldChar"):
            in_field = el.get(qn("w:fldCharType")) != "end"
        elif el.tag == qn("w:instrText"):
            instructions.append(el.text.strip())
            out.append("{" + instructions[-1] + "}")
        elif el.tag == qn("w:t") and not in_field:
            out.append(el.text or "")
    return "".join(out), instructions


def test_running_header_and_footer(template_path):
    sec = Document(str(template_path)).sections[0]
    assert sec.different_first_page_header_footer is True
    # Page 1: no running header.
    assert not sec.first_page_header.is_linked_to_previous
    assert "".join(p.text for p in sec.first_page_header.paragraphs).strip() == ""
    # Pages 2+: {{ kepala }} on the left, in one run.
    (header,) = sec.header.paragraphs
    assert header.text == "{{ kepala }}" and len(header.runs) == 1
    assert header.alignment == WD_ALIGN_PARAGRAPH.LEFT
    # Every page: "Halaman {PAGE}" centred.
    for footer in (sec.first_page_footer, sec.footer):
        assert not footer.is_linked_to_previous
        (paragraph,) = footer.paragraphs
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert _field_text(paragraph._element) == ("Halaman {PAGE}", ["PAGE"])


def test_template_body(template_path):
    doc = Document(str(template_path))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == [
        ("Judul Dokumen", "{{ judul }}"),
        ("Subjudul Dokumen", "{{ subjudul }}"),
        ("Normal", ""),
        ("Normal", "{{p isi }}"),
    ]
    for p in doc.paragraphs:
        if "{" in p.text:
            assert len(p.runs) == 1, f"Jinja tag split over runs: {p.text!r}"
    assert doc.tables == []


def test_template_variables(template_path):
    tpl = docxtpl.DocxTemplate(str(template_path))
    env = Environment(undefined=StrictUndefined, autoescape=True)
    assert tpl.get_undeclared_template_variables(env) == VISIT_TEMPLATE_VARIABLES


def test_style_names_constants():
    assert VISIT_TEMPLATE_VARIABLES == {"judul", "subjudul", "kepala", "isi"}
    assert {VISIT_STYLES[k] for k in ("table", "key_values")} == set(TABLE_STYLES)


# --------------------------------------------------------------------------- (b) rendering

SPECIAL = "& < > \" ' {{ x }} {% if %} é 中文 “kutip” {_{ y }_} %_}"
TITLE = "Bahan Kunjungan Kerja & <Uji> {{ judul }}"
SUBTITLE = "Studi Banding DPRD Kabupaten Pangkajene dan Kepulauan ke Kota Parepare\nJumat, 4 Juni 2021 {% if %}"
HEADER = "Kunjungan ke Parepare & <“uji”> é {_{ z }_}"
ROWS = tuple((str(n), f"Uraian nomor {n} & <rincian>", f"{n * 1000:,}".replace(",", ".")) for n in range(1, 41))


def _document() -> VisitDocument:
    return VisitDocument(
        title=TITLE,
        subtitle=SUBTITLE,
        header=HEADER,
        blocks=[
            Heading(1, "I. PENDAHULUAN"),
            Heading(2, "A. Latar Belakang & <dasar>"),
            Heading(3, "1. Rincian {% if %}"),
            Para(SPECIAL),
            Para("Baris satu\nbaris dua\tsesudah tab"),
            Para("Teks\x07 dengan\x0c kendali\r\nbaris baru"),
            Para("tidak tercatat dalam data", note=True),
            Bullets(("butir pertama", SPECIAL)),
            Bullets(("satu", "dua\nlanjutan"), numbered=True),
            KeyValues((("Hari/tanggal", "Jumat, 4 Juni 2021"), ("Tempat", SPECIAL))),
            Para("Sesudah keterangan."),
            Table(("No.", "Uraian & <catatan>", "Jumlah"), ROWS, (1.2, 10.3, 4.0)),
            Heading(2, "B. Tabel tanpa lebar"),
            Table(("A", "B"), (("1", SPECIAL),)),
            Table((), (("x", "y"),)),
        ],
    )


def _cells(row) -> list[tuple[str, str]]:
    out = []
    for cell in row.cells:
        (paragraph,) = cell.paragraphs
        out.append((paragraph.style.name, paragraph.text))
    return out


def _read(data: bytes) -> list[tuple]:
    """("p", style, text) for each body paragraph; ("tbl", table style, [[(cell style, text)]]) for each table."""
    document = Document(io.BytesIO(data))
    out: list[tuple] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            out.append(("p", paragraph.style.name, paragraph.text))
        elif tag == "tbl":
            table = DocxTable(child, document)
            out.append(("tbl", table.style.name, [_cells(row) for row in table.rows]))
    return out


def _head(*texts: str) -> list[tuple[str, str]]:
    return [("Kepala Tabel", t) for t in texts]


def _row(*texts: str) -> list[tuple[str, str]]:
    return [("Isi Tabel", t) for t in texts]


EXPECTED = [
    ("p", "Judul Dokumen", TITLE),
    ("p", "Subjudul Dokumen", SUBTITLE),
    ("p", "Normal", ""),
    ("p", "Judul 1", "I. PENDAHULUAN"),
    ("p", "Judul 2", "A. Latar Belakang & <dasar>"),
    ("p", "Judul 3", "1. Rincian {% if %}"),
    ("p", "Isi", SPECIAL),
    ("p", "Isi", "Baris satu\nbaris dua\tsesudah tab"),
    ("p", "Isi", "Teks dengan kendali\nbaris baru"),
    ("p", "Catatan", "tidak tercatat dalam data"),
    ("p", "Butir", "•\tbutir pertama"),
    ("p", "Butir", "•\t" + SPECIAL),
    ("p", "Butir Bernomor", "1.\tsatu"),
    ("p", "Butir Bernomor", "2.\tdua\nlanjutan"),
    ("tbl", "Tabel Keterangan", [_row("Hari/tanggal", ":", "Jumat, 4 Juni 2021"), _row("Tempat", ":", SPECIAL)]),
    ("p", "Normal", ""),  # air below a table
    ("p", "Isi", "Sesudah keterangan."),
    ("tbl", "Tabel Isi", [_head("No.", "Uraian & <catatan>", "Jumlah"), *[_row(*r) for r in ROWS]]),
    ("p", "Normal", ""),
    ("p", "Judul 2", "B. Tabel tanpa lebar"),
    ("tbl", "Tabel Isi", [_head("A", "B"), _row("1", SPECIAL)]),
    ("p", "Normal", ""),  # two tables never touch (Word would join them)
    ("tbl", "Tabel Isi", [_row("x", "y")]),
    ("p", "Normal", ""),  # the document does not end with a table
]


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    document = _document()
    return {paper: render(document, TEMPLATE, paper) for paper in ("A4", "F4")}


def test_render_every_block_exactly(rendered):
    assert _read(rendered["A4"]) == EXPECTED
    assert _read(rendered["F4"]) == EXPECTED


def test_render_header_footer_and_title(rendered):
    doc = Document(io.BytesIO(rendered["A4"]))
    sec = doc.sections[0]
    assert [p.text for p in sec.header.paragraphs] == [HEADER]
    assert "".join(p.text for p in sec.first_page_header.paragraphs) == ""
    for footer in (sec.first_page_footer, sec.footer):
        assert _field_text(footer.paragraphs[0]._element) == ("Halaman {PAGE}", ["PAGE"])
    # "\n" of the subtitle is a line break, not a new paragraph.
    subtitle = doc.paragraphs[1]._element
    assert len(subtitle.findall(".//" + qn("w:br"))) == 1


def _tables(data: bytes):
    return Document(io.BytesIO(data)).tables


def _grid_cm(table) -> list[float]:
    return [col.w.cm for col in table._tbl.tblGrid.gridCol_lst]


def test_tables_structure(rendered):
    key_values, content, small, bare = _tables(rendered["A4"])
    for table in (key_values, content, small, bare):
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for row in table.rows:  # every cell as wide as its grid column
            assert [c.width.cm for c in row.cells] == pytest.approx(_grid_cm(table), abs=0.01)
    # Column widths on the grid, as given or shared out over the text width (21 - 3 - 2.5 = 15.5 cm).
    assert _grid_cm(content) == pytest.approx([1.2, 10.3, 4.0], abs=0.01)
    assert _grid_cm(small) == pytest.approx([7.75, 7.75], abs=0.01)
    assert sum(_grid_cm(key_values)) == pytest.approx(15.5, abs=0.01)
    assert _grid_cm(key_values)[1] == pytest.approx(0.5, abs=0.01)
    # The header row repeats on every page and gets the style's first-row shading; no other row does.
    for table, has_header in ((content, True), (small, True), (bare, False), (key_values, False)):
        repeated = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
                    for row in table.rows]
        assert repeated == [has_header] + [False] * (len(table.rows) - 1)
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        assert look.get(qn("w:firstRow")) == ("1" if has_header else "0")
        assert look.get(qn("w:firstColumn")) == "0"


def test_paper_sizes(rendered):
    a4 = Document(io.BytesIO(rendered["A4"])).sections[0]
    f4 = Document(io.BytesIO(rendered["F4"])).sections[0]
    assert (a4.page_width.mm, a4.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert (f4.page_width.mm, f4.page_height.mm) == pytest.approx((215, 330), abs=0.1)
    assert f4.left_margin == a4.left_margin and f4.right_margin == a4.right_margin
    # Shared-out widths follow the paper: 21.5 - 3 - 2.5 = 16 cm on F4.
    assert _grid_cm(_tables(rendered["F4"])[2]) == pytest.approx([8.0, 8.0], abs=0.01)
    assert render(VisitDocument("J", "S", "K"), TEMPLATE, "f4")  # case does not matter
    with pytest.raises(ValueError, match="kertas"):
        render(VisitDocument("J", "S", "K"), TEMPLATE, "Letter")


def test_too_wide_tables_are_narrowed_to_the_text_width():
    block = Table(("A", "B"), (("1", "2"),), (12.0, 4.0))  # 16 cm
    (a4,) = _tables(render(VisitDocument("J", "S", "K", [block]), TEMPLATE, "A4"))
    (f4,) = _tables(render(VisitDocument("J", "S", "K", [block]), TEMPLATE, "F4"))
    assert _grid_cm(a4) == pytest.approx([12.0 * 15.5 / 16, 4.0 * 15.5 / 16], abs=0.01)
    assert _grid_cm(f4) == pytest.approx([12.0, 4.0], abs=0.01)  # 16 cm fit on F4


def test_empty_document():
    data = render(VisitDocument("Judul", "", "Kepala"), TEMPLATE)
    assert _read(data) == [("p", "Judul Dokumen", "Judul"), ("p", "Subjudul Dokumen", ""), ("p", "Normal", "")]


def test_bad_blocks():
    for block, message in (
        (Heading(4, "IV"), "tingkat judul"),
        (Table(("A", "B"), (("1",),)), "baris tabel"),
        (Table(("A", "B"), (("1", "2"),), (3.0,)), "lebar kolom"),
    ):
        with pytest.raises(ValueError, match=message):
            render(VisitDocument("J", "S", "K", [block]), TEMPLATE)


def test_missing_style_is_reported(tmp_path):
    doc = Document(str(TEMPLATE))
    doc.styles["Butir"].name = "Poin"
    doc.styles["Tabel Keterangan"].name = "Tabel Lain"
    broken = tmp_path / "tanpa-gaya.docx"
    doc.save(str(broken))
    with pytest.raises(TemplateStyleError) as err:
        render(_document(), broken)
    assert str(err.value) == "Butir, Tabel Keterangan"


def test_style_of_the_wrong_kind_is_reported(tmp_path):
    doc = Document(str(TEMPLATE))
    doc.styles["Tabel Isi"].name = "Tabel Lama"
    doc.styles.add_style("Tabel Isi", WD_STYLE_TYPE.PARAGRAPH)
    broken = tmp_path / "salah-jenis.docx"
    doc.save(str(broken))
    with pytest.raises(TemplateStyleError, match=r"^Tabel Isi \(bukan gaya tabel\)$"):
        render(_document(), broken)


def test_unknown_template_variable_is_an_error(tmp_path):
    doc = Document(str(TEMPLATE))
    doc.add_paragraph("{{ tidak_ada }}")
    extra = tmp_path / "variabel-lain.docx"
    doc.save(str(extra))
    with pytest.raises(UndefinedError):
        render(_document(), extra)


# --------------------------------------------------------------------------- (c) LibreOffice

HAVE_CJK_FONT = bool(shutil.which("fc-list")) and bool(
    subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
)


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, rendered) -> dict[str, Path]:
    require_libreoffice()
    src = tmp_path_factory.mktemp("visit-docx")
    for paper, data in rendered.items():
        (src / f"bahan-{paper}.docx").write_bytes(data)
    out = tmp_path_factory.mktemp("visit-pdf")
    a4, f4 = convert_to_pdf([src / "bahan-A4.docx", src / "bahan-F4.docx"], out)
    return {"A4": a4, "F4": f4}


def _pages(pdf: Path) -> list[str]:
    count = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))
    return [_run("pdftotext", "-raw", "-f", str(n), "-l", str(n), str(pdf), "-") for n in range(1, count + 1)]


@pytest.mark.slow
@pytest.mark.parametrize("paper, size", [("A4", A4_PT), ("F4", F4_PT)])
def test_pdf_page_size(pdfs, paper, size):
    info = _run("pdfinfo", "-f", "1", "-l", "2", str(pdfs[paper]))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert len(sizes) == 2
    for width, height in sizes:
        assert (float(width), float(height)) == pytest.approx(size, abs=2)


@pytest.mark.slow
def test_pdf_header_and_page_numbers(pdfs):
    pages = _pages(pdfs["A4"])
    assert len(pages) >= 2
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert HEADER not in pages[0]  # no running header on page 1
    assert first[-1] == "Halaman 1"
    for number, text in enumerate(pages[1:], start=2):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == HEADER
        assert lines[-1] == f"Halaman {number}"


@pytest.mark.slow
def test_pdf_text_keeps_the_characters(pdfs):
    # -layout: -raw puts the glyphs of the fallback CJK font out of reading order.
    layout = _run("pdftotext", "-layout", str(pdfs["A4"]), "-")
    if not HAVE_CJK_FONT:  # then only the other characters can be checked
        layout = layout.replace("中文", "")
    lines = [re.sub(r" +", " ", line.strip()) for line in layout.splitlines()]
    expected = SPECIAL if HAVE_CJK_FONT else SPECIAL.replace("中文 ", "")
    for line in ("Baris satu", "baris dua sesudah tab", "Teks dengan kendali", "Sesudah keterangan.",
                 "Jumat, 4 Juni 2021 {% if %}", "BAHAN KUNJUNGAN KERJA & <UJI> {{ JUDUL }}"):
        assert line in lines
    assert [line for line in lines if line.endswith(expected)] == [
        expected,  # Isi
        f"• {expected}",  # Butir
        f"Tempat : {expected}",  # Tabel Keterangan
    ]


@pytest.mark.slow
def test_pdf_repeats_the_table_header(pdfs):
    pages = _pages(pdfs["A4"])
    with_rows = [text for text in pages if "Uraian nomor " in text]
    assert len(with_rows) >= 2, "the 40-row table should run over a page break"
    for text in with_rows:
        assert "Uraian & <catatan>" in text
