"""Importer stage 1: DOCX (with Word's automatic numbering as text), PDF (pdftotext) and text -> source lines.

The DOCX files are made here with python-docx and hand-written ``numbering.xml`` and style definitions, so the
labels Word would show are known exactly; the PDFs are written by hand (a text layer, several pages, one without
text) or made by LibreOffice from such a DOCX.
"""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from rancang.diagnostics import RancangError
from rancang.importer import extract
from rancang.importer.extract import read_source, split_text
from rancang.importer.tree import Note, SourceLine
from support import HAVE_POPPLER, require_libreoffice

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WNS = f'xmlns:w="{W}"'

needs_pdftotext = pytest.mark.skipif(not HAVE_POPPLER, reason="poppler-utils (pdftotext) tidak terpasang")


# -- building DOCX files ------------------------------------------------------------------------------------------


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, restart: int | None = None, extra: str = "") -> str:
    restart_xml = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{restart_xml}'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def abstract(key: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{key}">{extra}{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def para(text: str = "", num_id: int | None = None, ilvl: int | None = None, style: str | None = None,
         inner: str | None = None, ppr: str = "") -> str:
    """A w:p; ``inner`` replaces the single run of ``text`` (for breaks, tabs, several runs)."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        props += "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + \
                 f'<w:numId w:val="{num_id}"/></w:numPr>'
    props += ppr
    runs = inner if inner is not None else (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    return f"<w:p {WNS}><w:pPr>{props}</w:pPr>{runs}</w:p>"


def paragraph_style(style_id: str, num_id: int | None = None, ilvl: int | None = None,
                    based_on: str | None = None, ppr: str = "") -> str:
    props = ""
    if num_id is not None:
        props = "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + \
                f'<w:numId w:val="{num_id}"/></w:numPr>'
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (f'<w:style {WNS} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>{based}'
            f"<w:pPr>{props}{ppr}</w:pPr></w:style>")


def make_docx(path: Path, body: list[str], numbering: str | None = None, styles: list[str] = (),
              header: str | None = None) -> Path:
    """A DOCX whose body is exactly ``body`` (w:p / w:tbl XML), with this numbering part and these styles."""
    document = docx.Document()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    element = document.element.body
    sect = element.find(f"{{{W}}}sectPr")
    for child in list(element):
        if child is not sect:
            element.remove(child)
    for xml in body:
        sect.addprevious(parse_xml(xml))
    if numbering is not None:
        part = document.part.part_related_by(RT.NUMBERING)
        part._element = parse_xml(f"<w:numbering {WNS}>{numbering}</w:numbering>")
    styles_element = document.styles.element
    for xml in styles:
        styles_element.append(parse_xml(xml))
    document.save(str(path))
    return path


def texts(lines: list[SourceLine]) -> list[str]:
    return [line.text for line in lines]


# The numbering of a Perwali as a drafter sets it up in Word: Pasal's ayat "(1)", their list "a.", deeper "1)".
REGULATION_NUMBERING = (
    abstract(10, lvl(0, "decimal", "(%1)"), lvl(1, "lowerLetter", "%2."), lvl(2, "decimal", "%3)"),
             lvl(3, "lowerLetter", "%4)"))
    + abstract(20, lvl(0, "decimal", "%1."))
    + abstract(30, lvl(0, "lowerLetter", "%1."))
    + abstract(40, lvl(0, "upperRoman", "%1."), lvl(1, "upperLetter", "%2."), lvl(2, "lowerRoman", "%3."))
    + abstract(50, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2.", restart=0))
    + abstract(60, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2."), lvl(2, "decimal", "%1.%2.%3."))
    + abstract(70, lvl(0, "bullet", "\uf0b7"), lvl(1, "bullet", "-"))
    + abstract(80, lvl(0, "decimal", "%1.", start=5))
    + abstract(90, lvl(0, "upperLetter", "%1."), lvl(1, "decimal", "%2.", extra='<w:isLgl/>'))
    + num(1, 10) + num(2, 20) + num(3, 30) + num(4, 40) + num(5, 50) + num(6, 60) + num(7, 70) + num(8, 80)
    + num(9, 10, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    + num(11, 20)
    + num(12, 20, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    + num(13, 20, '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                  '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%1)"/></w:lvl></w:lvlOverride>')
    + num(14, 90)
)


def read_body(tmp_path: Path, body: list[str], **kwargs) -> list[SourceLine]:
    return read_source(make_docx(tmp_path / "naskah.docx", body, REGULATION_NUMBERING, **kwargs))


def test_decimal_letter_and_parenthesised_numbering_become_text(tmp_path):
    lines = read_body(tmp_path, [
        para("Pasal 2"),
        para("Setiap Perangkat Daerah wajib:", 1, 0),
        para("pengusulan; dan", 1, 1),
        para("penetapan.", 1, 1),
        para("Ketentuan lebih lanjut diatur.", 1, 0),
        para("Dalam Peraturan Wali Kota ini yang dimaksud dengan:", 2, 0),
        para("Daerah adalah Kota Parepare.", 2, 0),
        para("Wali Kota adalah Wali Kota Parepare.", 2, 0),
        para("pertama;", 3, 0),
        para("kedua.", 3, 0),
    ])
    assert texts(lines) == [
        "Pasal 2",
        "(1) Setiap Perangkat Daerah wajib:",
        "a. pengusulan; dan",
        "b. penetapan.",
        "(2) Ketentuan lebih lanjut diatur.",
        "1. Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
        "2. Daerah adalah Kota Parepare.",
        "3. Wali Kota adalah Wali Kota Parepare.",
        "a. pertama;",
        "b. kedua.",
    ]
    assert [line.line for line in lines] == list(range(1, 11))
    assert all(line.page == 1 and line.table is None for line in lines)


def test_deeper_levels_restart_when_a_higher_level_advances(tmp_path):
    lines = read_body(tmp_path, [
        para("satu", 1, 0), para("huruf", 1, 1), para("angka", 1, 2), para("angka lagi", 1, 2),
        para("huruf kecil", 1, 3), para("huruf lagi", 1, 1), para("angka baru", 1, 2),
        para("dua", 1, 0), para("huruf baru", 1, 1), para("angka baru lagi", 1, 2), para("huruf kecil baru", 1, 3),
    ])
    assert texts(lines) == [
        "(1) satu", "a. huruf", "1) angka", "2) angka lagi", "a) huruf kecil", "b. huruf lagi", "1) angka baru",
        "(2) dua", "a. huruf baru", "1) angka baru lagi", "a) huruf kecil baru",
    ]


def test_lvl_restart_zero_keeps_counting_across_the_higher_level(tmp_path):
    lines = read_body(tmp_path, [para("x", 5, 0), para("y", 5, 1), para("z", 5, 1), para("x", 5, 0), para("y", 5, 1)])
    assert texts(lines) == ["1. x", "a. y", "b. z", "2. x", "c. y"]


def test_multi_level_text_roman_letters_start_and_legal_numbering(tmp_path):
    lines = read_body(tmp_path, [
        para("UMUM", 4, 0), para("Latar", 4, 1), para("satu", 4, 2), para("dua", 4, 2), para("tiga", 4, 2),
        para("empat", 4, 2), para("PASAL DEMI PASAL", 4, 0),
        para("a", 6, 0), para("b", 6, 1), para("c", 6, 2), para("d", 6, 1), para("e", 6, 0), para("f", 6, 1),
        para("lima", 8, 0), para("enam", 8, 0),
        para("A", 14, 0), para("B", 14, 1),
    ])
    assert texts(lines) == [
        "I. UMUM", "A. Latar", "i. satu", "ii. dua", "iii. tiga", "iv. empat", "II. PASAL DEMI PASAL",
        "1. a", "1.1. b", "1.1.1. c", "1.2. d", "2. e", "2.1. f",
        "5. lima", "6. enam",
        "A. A", "1. B",
    ]


def test_nums_of_one_abstract_numbering_share_counters_unless_a_start_is_overridden(tmp_path):
    lines = read_body(tmp_path, [
        para("a", 2, 0), para("b", 2, 0),
        para("c", 11, 0),  # another num on the same abstract numbering: continues
        para("d", 12, 0),  # startOverride: restarts
        para("e", 12, 0), para("f", 2, 0),
        para("g", 13, 0),  # a whole level overridden: its own format, restarted
        para("h", 1, 0), para("i", 9, 0),
    ])
    assert texts(lines) == ["1. a", "2. b", "3. c", "1. d", "2. e", "3. f", "(i) g", "(1) h", "(1) i"]


def test_bullets_become_a_plain_bullet_and_their_own_character(tmp_path):
    lines = read_body(tmp_path, [para("butir", 7, 0), para("anak butir", 7, 1)])
    assert texts(lines) == ["• butir", "- anak butir"]


def test_numbering_through_a_style_and_its_inheritance(tmp_path):
    styles = [
        paragraph_style("Ayat", num_id=1, ilvl=0),
        paragraph_style("AyatTurunan", based_on="Ayat"),
        paragraph_style("Huruf", num_id=1),  # no ilvl: the level that names this style in numbering.xml
        paragraph_style("TanpaNomor", based_on="Ayat"),
    ]
    numbering = (abstract(10, lvl(0, "decimal", "(%1)"),
                          lvl(1, "lowerLetter", "%2.", extra='<w:pStyle w:val="Huruf"/>'))
                 + num(1, 10))
    path = make_docx(tmp_path / "gaya.docx", [
        para("Setiap orang berhak.", style="Ayat"),
        para("Setiap orang wajib:", style="AyatTurunan"),
        para("mendaftar; dan", style="Huruf"),
        para("melapor.", style="Huruf"),
        para("Tidak bernomor.", style="TanpaNomor", num_id=0),
        para("Ayat ketiga.", style="AyatTurunan"),
    ], numbering, styles)
    assert texts(read_source(path)) == [
        "(1) Setiap orang berhak.", "(2) Setiap orang wajib:", "a. mendaftar; dan", "b. melapor.",
        "Tidak bernomor.", "(3) Ayat ketiga.",
    ]


def test_missing_definitions_give_no_label_and_no_error(tmp_path):
    lines = read_body(tmp_path, [para("tanpa definisi", 99, 0), para("tanpa num", None), para("x", 2, 0)])
    assert texts(lines) == ["tanpa definisi", "tanpa num", "1. x"]


def test_a_document_without_numbering_part(tmp_path):
    document = docx.Document()
    document.add_paragraph("Pasal 1")
    path = tmp_path / "polos.docx"
    document.save(str(path))
    assert texts(read_source(path)) == ["Pasal 1"]


# -- breaks, tables, furniture ------------------------------------------------------------------------------------


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


BR = "<w:r><w:br/></w:r>"
PAGE = '<w:r><w:br w:type="page"/></w:r>'


def cell(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs)}</w:tc>"


def table(*rows: list[str]) -> str:
    body = "".join("<w:tr>" + "".join(row) + "</w:tr>" for row in rows)
    return f"<w:tbl {WNS}><w:tblPr/><w:tblGrid/>{body}</w:tbl>"


def test_soft_breaks_page_breaks_tables_and_tabs(tmp_path):
    lines = read_body(tmp_path, [
        para(inner=run("Ditetapkan di Parepare") + BR + run("pada tanggal 4 Juni 2020")),
        para(inner=run("Menimbang") + "<w:r><w:tab/></w:r>" + run(":") + "<w:r><w:tab/><w:tab/></w:r>" + run("a. bahwa")),
        para(inner=run("akhir halaman satu") + PAGE + run("awal halaman dua")),
        table([cell(para("No")), cell(para("Jenis Layanan")), cell(para("Tarif"))],
              [cell(para("1")), cell(para("Layanan"), para("dalam jaringan")), cell(para(""))]),
        para("sesudah tabel", ppr="<w:pageBreakBefore/>"),
        para("", ppr="<w:sectPr/>"),  # a section ending here: the next one starts on a new page
        para("bagian baru", 1, 0),
    ])
    assert [(line.text, line.line, line.page) for line in lines] == [
        ("Ditetapkan di Parepare", 1, 1),
        ("pada tanggal 4 Juni 2020", 1, 1),
        ("Menimbang : a. bahwa", 2, 1),
        ("akhir halaman satu", 3, 1),
        ("awal halaman dua", 3, 2),
        ("No | Jenis Layanan | Tarif", 4, 2),
        ("1 | Layanan dalam jaringan | ", 5, 2),
        ("sesudah tabel", 6, 3),
        ("", 7, 3),
        ("(1) bagian baru", 8, 4),
    ]
    assert lines[5].table == ("No", "Jenis Layanan", "Tarif")
    assert lines[6].table == ("1", "Layanan dalam jaringan", "")


def test_numbering_inside_table_cells_and_nested_tables(tmp_path):
    inner = table([cell(para("dalam"))])
    lines = read_body(tmp_path, [
        table([cell(para("pertama", 2, 0)), cell(para("x"), inner)]),
        para("kedua", 2, 0),
    ])
    assert texts(lines) == ["1. pertama | x dalam", "2. kedua"]
    assert [line.line for line in lines] == [1, 2]


def test_headers_and_footers_are_not_body_text_but_are_told(tmp_path):
    notes: list[Note] = []
    path = make_docx(tmp_path / "kepala.docx", [para("Pasal 1")], header="SALINAN - JDIH KOTA PAREPARE")
    assert texts(read_source(path, notes)) == ["Pasal 1"]
    assert [note.kind for note in notes] == ["info"]
    assert "SALINAN - JDIH KOTA PAREPARE" in notes[0].message
    assert notes[0].text == ""  # not source body words: the ledger does not count them


def test_deleted_revisions_and_field_codes_are_not_text_inserted_ones_are(tmp_path):
    lines = read_body(tmp_path, [para(inner=(
        run("Pasal ")
        + f'<w:ins w:id="1" w:author="a">{run("5")}</w:ins>'
        + '<w:del w:id="2" w:author="a"><w:r><w:delText>4</w:delText></w:r></w:del>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    ))])
    assert texts(lines) == ["Pasal 5"]


# -- text files ------------------------------------------------------------------------------------------------------


def test_text_lines_and_form_feeds(tmp_path):
    path = tmp_path / "naskah.txt"
    path.write_bytes("Pasal 1\r\n\r\nisi\f- 2 -\nPasal 2\n\fPasal 3\n".encode("utf-8"))
    assert [(line.text, line.line, line.page) for line in read_source(path)] == [
        ("Pasal 1", 1, 1), ("", 2, 1), ("isi", 3, 1), ("- 2 -", 3, 2), ("Pasal 2", 4, 2), ("Pasal 3", 5, 3),
    ]


def test_text_without_form_feeds_has_no_pages_and_keeps_text_exactly(tmp_path):
    path = tmp_path / "naskah.txt"
    path.write_text("\ufeff  Menimbang :\ta.  bahwa\n\nakhir", encoding="utf-8")
    assert [(line.text, line.line, line.page) for line in read_source(path)] == [
        ("  Menimbang :\ta.  bahwa", 1, None), ("", 2, None), ("akhir", 3, None),
    ]


def test_text_not_in_utf8_is_read_as_windows_1252_with_a_note(tmp_path):
    path = tmp_path / "lama.txt"
    path.write_bytes("Pasal 1 \u201cDaerah\u201d \u2013 Kota".encode("cp1252"))
    notes: list[Note] = []
    assert texts(read_source(path, notes)) == ["Pasal 1 \u201cDaerah\u201d \u2013 Kota"]
    assert notes[0].kind == "info" and "Windows-1252" in notes[0].message
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9 \x81")  # 0x81 is undefined in Windows-1252
    notes.clear()
    assert texts(read_source(latin, notes)) == ["caf\u00e9 \x81"]
    assert "Latin-1" in notes[0].message


def test_split_text_ignores_other_line_separators():
    assert texts(split_text("a\u2028b\x0bc\nd")) == ["a\u2028b\x0bc", "d"]


# -- errors -----------------------------------------------------------------------------------------------------------


def codes_of(excinfo) -> list[str]:
    return [d.code for d in excinfo.value.diagnostics]


@pytest.mark.parametrize("name", ["naskah.doc", "naskah.odt", "naskah", "naskah.yaml"])
def test_other_suffixes_are_refused_in_indonesian(tmp_path, name):
    path = tmp_path / name
    path.write_text("Pasal 1", encoding="utf-8")
    with pytest.raises(RancangError) as excinfo:
        read_source(path)
    assert codes_of(excinfo) == ["Y115"]
    diagnostic = excinfo.value.diagnostics[0]
    assert diagnostic.location.path == str(path)
    assert "tidak dapat diimpor" in diagnostic.message and ".docx" in diagnostic.message


def test_missing_file_folder_binary_text_and_broken_docx(tmp_path):
    with pytest.raises(RancangError) as excinfo:
        read_source(tmp_path / "tidak-ada.pdf")
    assert codes_of(excinfo) == ["Y101"] and "tidak ada" in str(excinfo.value)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(RancangError) as excinfo:
        read_source(folder)
    assert codes_of(excinfo) == ["Y101"] and "folder" in str(excinfo.value)
    binary = tmp_path / "gambar.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(RancangError) as excinfo:
        read_source(binary)
    assert codes_of(excinfo) == ["Y103"]
    for name, data in (("lama.docx", b"\xd0\xcf\x11\xe0 bukan zip"), ("rusak.docx", b"PK\x05\x06" + b"\0" * 18)):
        broken = tmp_path / name
        broken.write_bytes(data)
        with pytest.raises(RancangError) as excinfo:
            read_source(broken)
        assert codes_of(excinfo) == ["Y118"], name
        assert str(broken) in str(excinfo.value)


# -- PDF --------------------------------------------------------------------------------------------------------------


def tiny_pdf(pages: list[list[tuple[int, int, str]]]) -> bytes:
    """A PDF with a text layer: per page, (x, y, text) in Helvetica 11 pt (ASCII text)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for page in pages:
        ops = b"".join(
            b"BT /F1 11 Tf %d %d Td (%s) Tj ET\n" % (x, y, text.replace("\\", "\\\\").replace("(", "\\(")
                                                     .replace(")", "\\)").encode("latin-1"))
            for x, y, text in page)
        packed = zlib.compress(ops)
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (tree, content, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


@needs_pdftotext
def test_a_text_layer_pdf_gives_pages_and_lines_without_layout_spacing(tmp_path):
    path = tmp_path / "kecil.pdf"
    path.write_bytes(tiny_pdf([
        [(250, 800, "WALI KOTA PAREPARE"), (72, 760, "Menimbang"), (160, 760, ":"), (180, 760, "a. bahwa pe-"),
         (72, 740, "Pasal 1")],
        [(280, 800, "Halaman 2"), (72, 760, "Pasal 2")],
        [],
        [(72, 760, "Pasal 3")],
    ]))
    notes: list[Note] = []
    lines = read_source(path, notes)
    filled = [(line.text, line.page) for line in lines if line.text]
    assert filled == [
        ("WALI KOTA PAREPARE", 1), ("Menimbang : a. bahwa pe-", 1), ("Pasal 1", 1),
        ("Halaman 2", 2), ("Pasal 2", 2), ("Pasal 3", 4),
    ]
    numbers = [line.line for line in lines]
    assert numbers == sorted(numbers) and numbers[0] == 1
    assert [note.kind for note in notes] == ["info"] and "3" in notes[0].message  # the empty page is told


@needs_pdftotext
def test_a_pdf_without_text_layer_asks_for_ocr(tmp_path):
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(tiny_pdf([[], []]))
    with pytest.raises(RancangError) as excinfo:
        read_source(path)
    assert codes_of(excinfo) == ["Y116"]
    assert "PDF tidak memiliki lapisan teks (hasil pindaian?); lakukan OCR dulu" in str(excinfo.value)


@needs_pdftotext
def test_a_broken_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "rusak.pdf"
    path.write_bytes(b"%PDF-1.4\nbukan pdf\n")
    with pytest.raises(RancangError) as excinfo:
        read_source(path)
    assert codes_of(excinfo) in (["Y117"], ["Y116"])


def test_without_pdftotext_the_error_says_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "kecil.pdf"
    path.write_bytes(tiny_pdf([[(72, 760, "Pasal 1")]]))
    monkeypatch.setattr(extract.shutil, "which", lambda name: None)
    with pytest.raises(RancangError) as excinfo:
        read_source(path)
    assert codes_of(excinfo) == ["Y117"]
    assert "poppler-utils" in str(excinfo.value)


@needs_pdftotext
def test_pdftotext_running_too_long_is_stopped(tmp_path, monkeypatch):
    slow = tmp_path / "pdftotext"
    slow.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    slow.chmod(0o755)
    path = tmp_path / "kecil.pdf"
    path.write_bytes(tiny_pdf([[(72, 760, "Pasal 1")]]))
    monkeypatch.setattr(extract.shutil, "which", lambda name: str(slow))
    monkeypatch.setattr(extract, "PDFTOTEXT_TIMEOUT", 0.5)
    with pytest.raises(RancangError) as excinfo:
        read_source(path)
    assert codes_of(excinfo) == ["Y117"] and "detik" in str(excinfo.value)


@pytest.mark.slow
def test_a_pdf_made_by_libreoffice_keeps_word_numbering_as_text(tmp_path):
    require_libreoffice()
    from rancang.render.pdf import convert_to_pdf

    source = make_docx(tmp_path / "perwali.docx", [
        para("Pasal 1"),
        para("Dalam Peraturan Wali Kota ini yang dimaksud dengan:"),
        para("Daerah adalah Kota Parepare.", 2, 0),
        para("Wali Kota adalah Wali Kota Parepare.", 2, 0),
        para("Pasal 2"),
        para("Setiap Perangkat Daerah wajib menyusun:", 1, 0),
        para("rencana kerja; dan", 1, 1),
        para("laporan kinerja.", 1, 1),
        para("Rencana kerja disusun setiap tahun.", 1, 0),
        para("BAB II", ppr="<w:pageBreakBefore/>"),
        para("PENUTUP"),
    ], REGULATION_NUMBERING)
    (pdf,) = convert_to_pdf([source], tmp_path / "pdf")
    lines = read_source(pdf)
    assert [line.text for line in lines if line.text] == [
        "Pasal 1",
        "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
        "1. Daerah adalah Kota Parepare.",
        "2. Wali Kota adalah Wali Kota Parepare.",
        "Pasal 2",
        "(1) Setiap Perangkat Daerah wajib menyusun:",
        "a. rencana kerja; dan",
        "b. laporan kinerja.",
        "(2) Rencana kerja disusun setiap tahun.",
        "BAB II",
        "PENUTUP",
    ]
    assert {line.page for line in lines if line.text == "BAB II"} == {2}
    assert shutil.which("pdftotext")


def test_italic_runs_are_marked_as_the_regulation_format_writes_them(tmp_path):
    """A foreign term set in italics in Word (``*ad hoc*``) keeps its italics in the imported YAML."""
    from docx import Document as WordDocument

    from rancang.importer.extract import read_source

    document = WordDocument()
    paragraph = document.add_paragraph("tim ")
    paragraph.add_run("ad ").italic = True
    paragraph.add_run("hoc").italic = True
    paragraph.add_run(" yang dibentuk;")
    whole = document.add_paragraph()
    whole.add_run("in casu").italic = True
    plain = document.add_paragraph("tanpa miring")
    plain.runs[0].italic = False
    path = tmp_path / "miring.docx"
    document.save(str(path))
    assert [line.text for line in read_source(path)] == ["tim *ad hoc* yang dibentuk;", "*in casu*", "tanpa miring"]
