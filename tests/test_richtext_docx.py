"""Rich text in the DOCX (rancang.render.richtext_docx): a lampiran and the narratives of a brief, read back.

The example project is copied and given a lampiran written in Markdown (a paragraph with italics, bold, inline
code, a link and a ``[[...]]`` reference; a table with aligned columns and a reference in a cell; nested lists; a
quote; an image) and a brief whose background and result are Markdown too. The DOCX is read back paragraph by
paragraph with style names, runs (italic, bold, hyperlink), tables (cells, repeated header row, table style,
widths) and image parts (the drawing's size). Then: every special character exactly once, no Markdown syntax
left in any paragraph, images of every kind (small, high resolution, too wide, too tall, SVG, missing), and the
PDF that LibreOffice makes of the lampiran.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import textwrap
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docx.table import Table
from docx.text.paragraph import Paragraph

from rancang import richtext
from rancang.documents import regulation_docx, template_path, visit_docx, visit_template
from rancang.render import docx_template
from rancang.render.richtext_docx import RichTextWriter, blocks_xml, image_xml, project_images
from rancang.render.visit_docx import render as render_visit
from rancang.visits.blocks import Figure, Heading, Rich, VisitDocument
from support import check_clean, copy_example, require_libreoffice

REGULATION = "perwali-inovasi-daerah"
VISIT = "dprd-pangkep-2021"
URL = "https://pareparekota.go.id/tarif?a=1&b=2"
SPECIAL = "& < > \" ' {{ nama }} {% if %} العربية 中文 ñ"
TEXT_WIDTH = int(Cm(21.5) - Cm(3.0) - Cm(2.0))
"""The regulation template: F4, 3 cm left and 2 cm right margins."""
EMU_PER_PX_96 = 914400 // 96

LAMPIRAN = """\
Tarif layanan [[pasal-tujuan]] ditetapkan *ad hoc* oleh **Tim Independen**,
memakai `kode-layanan`; rinciannya di [laman resmi](URL).

| No. | Uraian | Tarif (Rp) |
| :-: | ------ | ---------: |
| 1 | Layanan *online* [[pasal-maksud]] | 10.000 |
| 2 | Layanan **terpadu** | 25.000 |

1. langkah pertama
2. langkah kedua
   - rincian *satu*
   - rincian dua

> Kutipan yang *penting*.

![Alur layanan](kb/gambar/alur.png "Gambar 1. Alur Layanan")

Teks khusus: SPECIAL.
""".replace("URL", URL).replace("SPECIAL", SPECIAL.replace("{", "\\{"))
"""(``\\{`` is only ``{`` in Markdown: the escape shows that the text is read as Markdown.)"""

BACKGROUND = """\
Kunjungan ini *penting* bagi **DPRD**; lihat [berita](https://tribun-timur.com/berita).

- butir satu
- butir dua

| Aspek | Keterangan |
| --- | --- |
| Inovasi | 21 |

![Foto kunjungan](kb/gambar/foto.png)
"""


def png(width: int, height: int, dpi: int | None = None) -> bytes:
    """A solid PNG of ``width`` x ``height`` pixels, declaring ``dpi`` (pHYs) when given."""
    row = b"\x00" + b"\x33\x66\x99" * width
    chunks = [(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))]
    if dpi:
        per_metre = round(dpi / 0.0254)
        chunks.append((b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
    chunks += [(b"IDAT", zlib.compress(row * height)), (b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        for kind, data in chunks)


def _indent(text: str, spaces: int) -> str:
    return textwrap.indent(text, " " * spaces)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("richtext") / "p")
    (root / "kb" / "gambar").mkdir()
    (root / "kb" / "gambar" / "alur.png").write_bytes(png(480, 240))
    (root / "kb" / "gambar" / "foto.png").write_bytes(png(2000, 1000))
    regulation = root / "regulations" / f"{REGULATION}.yaml"
    regulation.write_text(regulation.read_text(encoding="utf-8") + "\nlampiran:\n  - id: lampiran-tarif\n"
                          "    judul: Tarif Layanan\n    isi: |\n" + _indent(LAMPIRAN, 6), encoding="utf-8")
    visit = root / "visits" / f"{VISIT}.yaml"
    text = visit.read_text(encoding="utf-8")
    visit.write_text(text + "\nlatar_belakang: |\n" + _indent(BACKGROUND, 2), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def checked(project):
    return check_clean(project)


@pytest.fixture(scope="module")
def regulation(project, checked) -> bytes:
    return regulation_docx(project, checked, REGULATION)


@pytest.fixture(scope="module")
def brief(project, checked) -> bytes:
    return visit_docx(project, checked.data, VISIT, "brief")


def _document(data: bytes):
    return Document(io.BytesIO(data))


def _lampiran(document) -> list:
    """The body elements of the (one) lampiran, from its title to the signature."""
    children = list(document.element.body.iterchildren())
    start = next(i for i, child in enumerate(children)
                 if child.tag == qn("w:p") and Paragraph(child, document).style.name == "Judul Lampiran")
    end = next(i for i in range(start, len(children))
               if children[i].tag == qn("w:p") and Paragraph(children[i], document).style.name == "Tanda Tangan")
    return children[start + 1:end]


def _blocks(document, elements) -> list[tuple[str, str]]:
    out = []
    for element in elements:
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            out.append((paragraph.style.name, paragraph.text))
        elif element.tag == qn("w:tbl"):
            table = Table(element, document)
            out.append((f"tabel {table.style.name}", " || ".join(" | ".join(c.text for c in row.cells)
                                                                 for row in table.rows)))
    return out


REFERENCE = r"sebagaimana dimaksud dalam Pasal \d+"


# -- the lampiran, paragraph by paragraph -----------------------------------------------------------------------


def test_lampiran_blocks_have_named_styles(regulation):
    document = _document(regulation)
    found = _blocks(document, _lampiran(document))
    patterns = [
        ("Isi Lampiran", rf"Tarif layanan {REFERENCE} ditetapkan ad hoc oleh Tim Independen, memakai kode-layanan; "
                         r"rinciannya di laman resmi\."),
        ("tabel Tabel Isi", rf"No\. \| Uraian \| Tarif \(Rp\) \|\| 1 \| Layanan online {REFERENCE} \| 10\.000 \|\| "
                            r"2 \| Layanan terpadu \| 25\.000"),
        ("Normal", ""),
        ("Daftar 1", r"1\.\tlangkah pertama"),
        ("Daftar 1", r"2\.\tlangkah kedua"),
        ("Daftar 2", "•\trincian satu".replace("•", "–")),
        ("Daftar 2", "–\trincian dua"),
        ("Kutipan", r"Kutipan yang penting\."),
        ("Gambar", ""),
        ("Keterangan Gambar", r"Gambar 1\. Alur Layanan"),
        ("Isi Lampiran", re.escape(f"Teks khusus: {SPECIAL}.")),
        ("Normal", ""),
        ("Normal", ""),  # the signature's blank line
    ]
    assert [style for style, _ in found] == [style for style, _ in patterns]
    for (style, text), (_, pattern) in zip(found, patterns):
        assert re.fullmatch(pattern, text), (style, text, pattern)


def test_italic_bold_code_and_hyperlink_runs(regulation):
    document = _document(regulation)
    first = Paragraph(_lampiran(document)[0], document)
    runs = [(run.text, run.italic, run.bold, run.style.name) for run in first.runs]
    assert ("ad hoc", True, None, "Default Paragraph Font") in runs
    assert ("Tim Independen", None, True, "Default Paragraph Font") in runs
    assert ("kode-layanan", None, None, "Kode") in runs
    (link,) = first._p.findall(qn("w:hyperlink"))
    relationship = document.part.rels[link.get(qn("r:id"))]
    assert relationship.is_external and relationship.target_ref == URL
    link_runs = link.findall(qn("w:r"))
    assert "".join(run.findtext(qn("w:t")) for run in link_runs) == "laman resmi"
    assert {run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) for run in link_runs} == {"Hyperlink"}
    # a reference is plain words in the DOCX: the only link of the lampiran is the author's
    assert len([h for element in _lampiran(document) for h in element.iter(qn("w:hyperlink"))]) == 1


def test_table_cells_header_repeat_style_alignment_and_widths(regulation):
    document = _document(regulation)
    (table,) = [Table(e, document) for e in _lampiran(document) if e.tag == qn("w:tbl")]
    assert table.style.name == "Tabel Isi"
    rows = table.rows
    assert [c.text for c in rows[0].cells] == ["No.", "Uraian", "Tarif (Rp)"]
    assert [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in rows] == \
        [True, False, False]
    assert {p.style.name for c in rows[0].cells for p in c.paragraphs} == {"Kepala Tabel"}
    assert {p.style.name for row in rows[1:] for c in row.cells for p in c.paragraphs} == {"Isi Tabel"}
    alignment = [[c.paragraphs[0]._p.pPr.find(qn("w:jc")) for c in row.cells] for row in rows]
    assert [[jc.get(qn("w:val")) if jc is not None else "" for jc in row] for row in alignment] == \
        [["center", "", "right"]] * 3
    italic = [(r.text, r.italic) for r in rows[1].cells[1].paragraphs[0].runs]
    assert ("online", True) in italic
    widths = [int(w) for w in (col.get(qn("w:w")) for col in table._tbl.tblGrid.gridCol_lst)]
    assert abs(sum(Emu(Emu(w * 635)) for w in widths) - TEXT_WIDTH) < Cm(0.05)  # twips -> EMU
    assert widths[1] > widths[2] > widths[0]  # "Layanan online sebagaimana ..." is the longest column


def test_image_part_and_drawing_size(regulation):
    document = _document(regulation)
    with zipfile.ZipFile(io.BytesIO(regulation)) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        types = archive.read("[Content_Types].xml").decode()
    assert len(media) == 1 and media[0].endswith(".png")
    assert 'Extension="png"' in types or "image/png" in types
    (shape,) = document.inline_shapes
    assert (shape.width, shape.height) == (480 * EMU_PER_PX_96, 240 * EMU_PER_PX_96)  # natural size, 96 dpi
    descriptions = [e.get("descr") for e in document.element.body.iter(qn("wp:docPr"))]
    assert descriptions == ["Alur layanan"]


def test_references_in_a_lampiran_are_resolved_and_problems_located(project, checked):
    document = checked.drafts[REGULATION].document
    (annex,) = document.annexes
    links = [item for block in annex.content.blocks if isinstance(block, richtext.Paragraph)
             for item in block.children if isinstance(item, richtext.Link)]
    assert [link.target for link in links][0].startswith("#pasal-")  # a link on the page
    assert links[-1].target == URL

    broken = project.parent / "broken"
    shutil.copytree(project, broken)
    path = broken / "regulations" / f"{REGULATION}.yaml"
    text = path.read_text(encoding="utf-8").replace("| 2 | Layanan **terpadu**", "| 2 | Layanan [[pasal-tak-ada]]")
    path.write_text(text, encoding="utf-8")
    from rancang.check import check_project

    errors = check_project(broken).report.errors
    assert errors, "a reference to a missing id is an error"
    line = text.splitlines().index(next(l for l in text.splitlines() if "[[pasal-tak-ada]]" in l)) + 1
    assert [(e.location.line, e.location.path.endswith(f"{REGULATION}.yaml")) for e in errors] == [(line, True)]


# -- every character once, no syntax left ----------------------------------------------------------------------


def _all_paragraph_texts(data: bytes) -> list[str]:
    document = _document(data)
    return [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]


def test_special_characters_reach_the_document_exactly_once(regulation):
    texts = _all_paragraph_texts(regulation)
    assert sum(text.count(SPECIAL) for text in texts) == 1
    joined = "\n".join(texts)
    for piece in ("{{ nama }}", "{% if %}", "العربية", "中文"):
        assert joined.count(piece) == 1, piece


MARKDOWN_SYNTAX = [re.compile(p) for p in (r"\*\*", r"(?<![\w*])\*\w", r"\w\*(?![\w*])", r"\|\s*:?-{3,}", r"!\[",
                                            r"\]\(", r"^\s*#+ ", r"^\s*> ", r"`")]


@pytest.mark.parametrize("which", ["regulation", "brief"])
def test_no_markdown_syntax_is_left_in_any_paragraph(which, request):
    texts = _all_paragraph_texts(request.getfixturevalue(which))
    leaks = [(pattern.pattern, text) for text in texts for pattern in MARKDOWN_SYNTAX if pattern.search(text)]
    assert leaks == []


def test_brief_background_is_rich(brief):
    document = _document(brief)
    found = _blocks(document, list(document.element.body.iterchildren()))
    start = found.index(("Judul 2", "A. Latar Belakang"))
    assert found[start + 1:start + 7] == [
        ("Isi", "Kunjungan ini penting bagi DPRD; lihat berita."),
        ("Daftar 1", "•\tbutir satu"),
        ("Daftar 1", "•\tbutir dua"),
        ("tabel Tabel Isi", "Aspek | Keterangan || Inovasi | 21"),
        ("Normal", ""),
        ("Gambar", ""),
    ]
    assert found[start + 7] == ("Keterangan Gambar", "Foto kunjungan")
    (shape,) = document.inline_shapes
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    # 2000 px at 96 dpi is wider than the text: narrowed, aspect kept (the section's sizes are in twips)
    assert shape.width == pytest.approx(text_width, abs=Emu(635))
    assert shape.height == pytest.approx(shape.width // 2, abs=1)
    (link,) = document.element.body.iter(qn("w:hyperlink"))
    assert document.part.rels[link.get(qn("r:id"))].target_ref == "https://tribun-timur.com/berita"


# -- images of every kind ----------------------------------------------------------------------------------------


def _writer(visit: bool = False):
    path = visit_template(Path("/nonexistent")) if visit else template_path(Path("/nonexistent"))
    template, key = docx_template.open_template(path)
    ids, _kinds = docx_template.style_info(template, key)
    return template, RichTextWriter.of(template, ids, "Isi" if visit else "Isi Lampiran")


def _rendered(template, body: str) -> bytes:
    return docx_template.render(template, {"lambang": "", "kop_jabatan": "A", "kop_provinsi": "B"}, body)


def _extents(data: bytes) -> list[tuple[int, int]]:
    return [(s.width, s.height) for s in _document(data).inline_shapes]


def test_image_sizes_natural_high_resolution_too_wide_too_tall():
    template, writer = _writer()
    body = "".join(image_xml(writer, data, f"gambar {i}") for i, data in enumerate(
        [png(300, 150), png(400, 200, dpi=200), png(1600, 400), png(200, 4000)]))
    extents = _extents(_rendered(template, body))
    height_limit = writer.text_height - int(Cm(4))
    assert extents[0] == (300 * EMU_PER_PX_96, 150 * EMU_PER_PX_96)
    assert extents[1] == (400 * 914400 // 200, 200 * 914400 // 200)  # its own 200 dpi: physical size kept
    assert extents[2][0] == writer.text_width == pytest.approx(TEXT_WIDTH, abs=635)  # the template's, in twips
    assert extents[2][1] == pytest.approx(writer.text_width // 4, abs=1)
    assert extents[3][1] == height_limit and abs(extents[3][0] - height_limit // 20) <= 1


def test_one_part_per_distinct_image_and_unique_drawing_ids():
    template, writer = _writer()
    same = png(100, 100)
    body = image_xml(writer, same, "a") + image_xml(writer, same, "b") + image_xml(writer, png(50, 50), None)
    data = _rendered(template, body)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert len([n for n in archive.namelist() if n.startswith("word/media/")]) == 2
    ids = [e.get("id") for e in _document(data).element.body.iter(qn("wp:docPr"))]
    assert len(ids) == 3 == len(set(ids))


def test_svg_missing_and_broken_images_leave_a_visible_note():
    template, writer = _writer()
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    body = (image_xml(writer, svg, "Bagan SVG", "Sumber: Bappeda", missing="kb/bagan.svg")
            + image_xml(writer, None, "Tidak ada", missing="kb/hilang.png")
            + image_xml(writer, b"bukan gambar", "Rusak"))
    document = _document(_rendered(template, body))
    found = [(p.style.name, p.text) for p in document.paragraphs][4:]
    assert found == [
        ("Keterangan Gambar", "[gambar SVG tidak dapat dimuat di dokumen Word; sertakan versi PNG atau JPEG: "
                              "kb/bagan.svg]"),
        ("Keterangan Gambar", "Bagan SVG\nSumber: Bappeda"),
        ("Keterangan Gambar", "[gambar tidak ditemukan: kb/hilang.png]"),
        ("Keterangan Gambar", "Tidak ada"),
        ("Keterangan Gambar", "[berkas bukan gambar PNG atau JPEG]"),
        ("Keterangan Gambar", "Rusak"),
    ]
    assert list(document.inline_shapes) == []


def test_project_images_stay_inside_the_project(tmp_path):
    (tmp_path / "p" / "kb").mkdir(parents=True)
    (tmp_path / "p" / "kb" / "a.png").write_bytes(png(2, 2))
    (tmp_path / "luar.png").write_bytes(png(2, 2))
    read = project_images(tmp_path / "p", limit=10_000)
    assert read("kb/a.png") == png(2, 2)
    assert read("kb/a%2Epng") == png(2, 2)
    for refused in ("../luar.png", str(tmp_path / "luar.png"), "https://contoh.id/a.png", "kb", "kb/tidak.png",
                    "file:///etc/passwd", ""):
        assert read(refused) is None, refused
    assert project_images(tmp_path / "p", limit=10)("kb/a.png") is None  # larger than the limit


def test_visit_figure_and_rich_blocks(tmp_path):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "foto.png").write_bytes(png(96, 48))
    tree = richtext.parse("Teks *miring* dengan <b>HTML</b>.\n\n<div>blok</div>\n\n```\nkode  <x>\n```\n\n---")
    document = VisitDocument("BAHAN", "sub", "kepala", [
        Heading(1, "I. PROFIL"), Rich(tree), Figure("kb/foto.png", "Foto layanan", "Sumber: Dinas Kominfo"),
        Figure("kb/hilang.png", "Hilang")])
    data = render_visit(document, visit_template(tmp_path), images=project_images(tmp_path))
    found = [(p.style.name, p.text) for p in _document(data).paragraphs][3:]
    assert found == [
        ("Judul 1", "I. PROFIL"),
        ("Isi", "Teks miring dengan <b>HTML</b>."),
        ("Isi", "<div>blok</div>"),
        ("Blok Kode", "kode  <x>"),
        ("Garis Pemisah", ""),
        ("Gambar", ""),
        ("Keterangan Gambar", "Foto layanan\nSumber: Dinas Kominfo"),
        ("Keterangan Gambar", "[gambar tidak ditemukan: kb/hilang.png]"),
        ("Keterangan Gambar", "Hilang"),
    ]
    assert _extents(data) == [(96 * EMU_PER_PX_96, 48 * EMU_PER_PX_96)]


def test_blocks_xml_of_nested_lists_and_list_continuations():
    template, writer = _writer()
    tree = richtext.parse("3. tiga\n\n   lanjutan\n4. empat\n   - a\n     - b\n       - c\n- \n")
    document = _document(_rendered(template, blocks_xml(writer, tree)))
    assert [(p.style.name, p.text) for p in document.paragraphs][4:] == [
        ("Daftar 1", "3.\ttiga"),
        ("Daftar 1", "\tlanjutan"),
        ("Daftar 1", "4.\tempat"),
        ("Daftar 2", "–\ta"),
        ("Daftar 3", "•\tb"),
        ("Daftar 3", "•\tc"),
        ("Isi Lampiran", "-"),  # a list of nothing but a marker is the marker as text, as written
    ]


# -- the PDF LibreOffice makes of it -----------------------------------------------------------------------------


@pytest.mark.slow
def test_the_lampiran_survives_libreoffice(regulation, tmp_path):
    require_libreoffice()
    from rancang.render.pdf import convert_to_pdf

    source = tmp_path / "lampiran.docx"
    source.write_bytes(regulation)
    (pdf,) = convert_to_pdf([source], tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    squeezed = re.sub(r"\s+", " ", text)
    for expected in ("TARIF LAYANAN", "Tarif (Rp)", "Layanan online", "10.000", "langkah kedua",
                     "Gambar 1. Alur Layanan", "{{ nama }}"):
        assert expected in squeezed, expected
    for syntax in ("**", "| ---", "![", "](", "`"):
        assert syntax not in text, syntax
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) >= 3  # header lines + the picture of the lampiran


def test_only_web_and_mail_links_become_hyperlinks():
    template, writer = _writer()
    tree = richtext.parse("[web](https://a.id/x) [surat](mailto:a@b.id) [berkas](dokumen/a.pdf) [jangkar](#pasal-1)")
    document = _document(_rendered(template, blocks_xml(writer, tree)))
    links = list(document.element.body.iter(qn("w:hyperlink")))
    assert [document.part.rels[link.get(qn("r:id"))].target_ref for link in links] == [
        "https://a.id/x", "mailto:a@b.id"]
    assert document.paragraphs[4].text == "web surat berkas jangkar"


def test_text_around_an_image_keeps_its_paragraphs(tmp_path):
    (tmp_path / "a.png").write_bytes(png(10, 10))
    template, writer = _writer()
    tree = richtext.parse("Lihat: ![A](a.png) lalu ![B](a.png)\n\n1. ![C](a.png) sesudah")
    data = _rendered(template, blocks_xml(writer, tree, project_images(tmp_path)))
    document = _document(data)
    assert [(p.style.name, p.text) for p in document.paragraphs][4:] == [
        ("Isi Lampiran", "Lihat:"),
        ("Gambar", ""), ("Keterangan Gambar", "A"),
        ("Isi Lampiran", "lalu"),
        ("Gambar", ""), ("Keterangan Gambar", "B"),
        ("Daftar 1", "1.\t"),
        ("Gambar", ""), ("Keterangan Gambar", "C"),
        ("Daftar 1", "\tsesudah"),
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # one part for the three uses
        assert len([n for n in archive.namelist() if n.startswith("word/media/")]) == 1


def test_a_narrow_column_is_as_wide_as_its_longest_word():
    """Proportional widths alone gave the lampiran table of a Keputusan's innovations columns so narrow that
    LibreOffice broke "Pelayanan" into "Pelayana n": every column gets at least its longest word's width, taken
    from the columns with room to spare, and the total stays the text width."""
    from rancang import richtext as rt
    from rancang.render.richtext_docx import _CELL_PADDING_EMU, _CHAR_EMU, _column_widths

    long = "Layanan administrasi kependudukan terpadu keliling kelurahan " * 3
    markdown = ("| No. | Nama Inovasi | Jenis | Tahapan |\n|---|---|---|---|\n"
                f"| 1. | {long} | Digital | Penerapan |\n| 2. | {long} | Pelayanan publik | Uji coba |\n")
    (table,) = [block for block in rt.parse(markdown).blocks if isinstance(block, rt.Table)]
    total = 5_760_000  # about 16 cm
    widths = _column_widths(table, total)
    assert sum(widths) == total
    assert widths[2] >= len("Pelayanan") * _CHAR_EMU + _CELL_PADDING_EMU
    assert widths[3] >= len("Penerapan") * _CHAR_EMU + _CELL_PADDING_EMU
    assert widths[1] == max(widths)  # the long names keep most of the width
