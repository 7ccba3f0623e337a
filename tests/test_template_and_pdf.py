"""The Perwali/Perbup Word template and the DOCX → PDF conversion through LibreOffice.

The LibreOffice tests share one conversion (a module fixture converting two documents in one
batch); they are skipped only when LibreOffice or poppler-utils is missing. CI installs both.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Emu

import docxtpl  # needs docxtpl[subdoc] (docxcompose) for new_subdoc()
from jinja2 import Environment, StrictUndefined

from rancang.render.pdf import FONTS_CONF, PdfError, convert_to_pdf
from rancang.render.template_names import required_styles
from support import assert_ended, counted_libreoffice, needs_libreoffice, require_libreoffice

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "peraturan-kepala-daerah.docx"
SCRIPT = ROOT / "templates" / "make_templates.py"

P = WD_STYLE_TYPE.PARAGRAPH
PARAGRAPH_STYLES = [
    "Lambang", "Kop", "Judul Peraturan", "Pembukaan", "Konsiderans", "Judul BAB", "Judul Bagian",
    "Judul Paragraf", "Judul Pasal", "Isi Pasal", "Ayat", "Lanjutan Ayat",
    "Rincian 1", "Rincian 2", "Rincian 3", "Rincian 4", "Rincian 5", "Penutup", "Tanda Tangan",
    "Pengundangan", "Berita Daerah", "Lampiran Kepala", "Judul Lampiran", "Isi Lampiran",
    # rich text of a lampiran (rancang.render.richtext_docx)
    "Judul Kecil 1", "Judul Kecil 2", "Judul Kecil 3", "Daftar 1", "Daftar 2", "Daftar 3", "Kutipan", "Blok Kode",
    "Garis Pemisah", "Gambar", "Keterangan Gambar", "Isi Tabel", "Kepala Tabel",
]
TABLE_STYLES = ["Tabel Konsiderans", "Tabel Isi"]
CHARACTER_STYLES = ["Kode", "Hyperlink"]

C, J, L = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
# name: (alignment, bold, space before pt, space after pt, left indent cm, first line cm, tab cm)
STYLE_FORMAT = {
    "Lambang": (C, None, 0, 0, 0, 0, None),
    "Kop": (C, True, 0, 0, 0, 0, None),
    "Judul Peraturan": (C, True, 0, 0, 0, 0, None),
    "Pembukaan": (C, None, 0, 0, 0, 0, None),
    "Konsiderans": (J, None, 0, 0, 0, 0, None),
    "Judul BAB": (C, None, 12, 0, 0, 0, None),
    "Judul Bagian": (C, None, 12, 0, 0, 0, None),
    "Judul Paragraf": (C, None, 12, 0, 0, 0, None),
    "Judul Pasal": (C, None, 12, 0, 0, 0, None),
    "Isi Pasal": (J, None, 0, 6, 0, 0, None),
    "Ayat": (J, None, 0, 0, 1.0, -1.0, 1.0),
    "Lanjutan Ayat": (J, None, 0, 0, 1.0, 0, None),
    **{f"Rincian {n}": (J, None, 0, 0, n * 1.0, -1.0, n * 1.0) for n in range(1, 6)},
    "Penutup": (J, None, 12, 0, 0, 0, None),
    "Tanda Tangan": (L, None, 0, 0, 8.5, 0, None),
    "Pengundangan": (L, None, 0, 0, 0, 0, None),
    "Berita Daerah": (L, True, 12, 0, 0, 0, None),
    "Lampiran Kepala": (L, None, 0, 0, 8.5, 0, None),
    "Judul Lampiran": (C, True, 12, 0, 0, 0, None),
    "Isi Lampiran": (J, None, 0, 6, 0, 0, None),
    "Judul Kecil 1": (L, True, 12, 6, 0, 0, None),
    "Judul Kecil 2": (L, True, 6, 6, 0, 0, None),
    "Judul Kecil 3": (L, True, 6, 3, 0, 0, None),
    **{f"Daftar {n}": (J, None, 0, 3, n * 1.0, -1.0, n * 1.0) for n in (1, 2, 3)},
    "Kutipan": (J, None, 0, 6, 1.0, 0, None),
    "Blok Kode": (L, None, 0, 6, 0.5, 0, None),
    "Garis Pemisah": (L, None, 6, 6, 0, 0, None),
    "Gambar": (C, None, 6, 0, 0, 0, None),
    "Keterangan Gambar": (C, None, 0, 6, 0, 0, None),
    "Isi Tabel": (L, None, 0, 0, 0, 0, None),
    "Kepala Tabel": (C, True, 0, 0, 0, 0, None),
}

KOP_JABATAN = "Kab. Pangkajene & Kepulauan <“uji”> é"
KOP_PROVINSI = "PROVINSI SULAWESI SELATAN \"kutip\" 'tunggal' & <b>"
F4_PT = (215 / 25.4 * 72, 330 / 25.4 * 72)  # 609.45 x 935.43 pt


def _load_script():
    spec = importlib.util.spec_from_file_location("make_templates", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    """The template written again by templates/make_templates.py."""
    out = tmp_path_factory.mktemp("template") / "again.docx"
    _load_script().write_template(out)
    return out


@pytest.fixture(params=["committed", "regenerated"])
def template_path(request, regenerated) -> Path:
    return TEMPLATE if request.param == "committed" else regenerated


def test_script_reproduces_identical_bytes(regenerated, tmp_path):
    second = _load_script().write_template(tmp_path / "second.docx")
    assert second.read_bytes() == regenerated.read_bytes()


# --------------------------------------------------------------------------- (a) template


def test_template_has_every_style(template_path):
    styles = {s.name: s for s in Document(str(template_path)).styles}
    for name in PARAGRAPH_STYLES:
        assert name in styles, name
        assert styles[name].type == WD_STYLE_TYPE.PARAGRAPH, name
        assert styles[name].base_style.name == "Normal", name
    for name in TABLE_STYLES:
        assert styles[name].type == WD_STYLE_TYPE.TABLE, name
    for name in CHARACTER_STYLES:
        assert styles[name].type == WD_STYLE_TYPE.CHARACTER, name
    assert required_styles() <= set(PARAGRAPH_STYLES) | set(TABLE_STYLES) | set(CHARACTER_STYLES) | {"Normal"}


@pytest.mark.parametrize("name", PARAGRAPH_STYLES)
def test_style_format(name):
    style = Document(str(TEMPLATE)).styles[name]
    align, bold, before, after, left, first, tab = STYLE_FORMAT[name]
    fmt = style.paragraph_format
    assert fmt.alignment == align
    assert style.font.bold == bold
    assert (fmt.space_before or Emu(0)).pt == pytest.approx(before)
    assert (fmt.space_after or Emu(0)).pt == pytest.approx(after)
    assert (fmt.left_indent or Emu(0)).cm == pytest.approx(left, abs=0.01)
    assert (fmt.first_line_indent or Emu(0)).cm == pytest.approx(first, abs=0.01)
    tabs = [t.position.cm for t in fmt.tab_stops]
    assert tabs == ([] if tab is None else [pytest.approx(tab, abs=0.01)])
    if name == "Judul Pasal":
        assert fmt.keep_with_next is True


def test_table_style_has_no_borders():
    style = Document(str(TEMPLATE)).styles["Tabel Konsiderans"]
    borders = style.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    edges = {el.tag.split("}")[1]: el.get(qn("w:val")) for el in borders}
    assert edges == dict.fromkeys(["top", "left", "bottom", "right", "insideH", "insideV"], "none")


def test_default_font_language_and_spacing(template_path):
    doc = Document(str(template_path))
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    normal = doc.styles["Normal"].element
    for rpr in (defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), normal.find(qn("w:rPr"))):
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(qn(f"w:{attr}")) == "Bookman Old Style"
        assert not [a for a in fonts.attrib if a.endswith("Theme")]  # no theme font overrides
        assert rpr.find(qn("w:sz")).get(qn("w:val")) == "24"
        assert rpr.find(qn("w:lang")).get(qn("w:val")) == "id-ID"
    fmt = doc.styles["Normal"].paragraph_format
    assert fmt.space_before.pt == 0 and fmt.space_after.pt == 0 and fmt.line_spacing == 1.0
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    assert (spacing.get(qn("w:before")), spacing.get(qn("w:after")), spacing.get(qn("w:line"))) == ("0", "0", "240")


def test_page_setup(template_path):
    doc = Document(str(template_path))
    assert len(doc.sections) == 1
    sec = doc.sections[0]
    assert sec.page_width.mm == pytest.approx(215, abs=0.5)
    assert sec.page_height.mm == pytest.approx(330, abs=0.5)
    margins = (sec.top_margin.cm, sec.bottom_margin.cm, sec.left_margin.cm, sec.right_margin.cm)
    assert margins == pytest.approx((2.5, 2.0, 3.0, 2.0), abs=0.01)


def _field_text(paragraph_element) -> tuple[str, list[str]]:
    """Text of a paragraph with every complex or simple field shown as {INSTR}; and the instructions."""
    out, instructions, depth = [], [], 0
    for el in paragraph_element.iter():
        if el.tag == qn("w:fldSimple"):
            instructions.append(el.get(qn("w:instr")).strip())
            out.append("{" + instructions[-1] + "}")
        elif el.tag == qn("w:fldChar"):
            kind = el.get(qn("w:fldCharType"))
            if kind == "begin":
                depth += 1
            elif kind == "separate":
                depth += 1  # result runs follow: hide them
            elif kind == "end":
                depth = 0
        elif el.tag == qn("w:instrText"):
            instructions.append(el.text.strip())
            out.append("{" + instructions[-1] + "}")
        elif el.tag == qn("w:t") and depth == 0 and not any(
            a.tag == qn("w:fldSimple") for a in el.iterancestors()
        ):
            out.append(el.text or "")
    return "".join(out), instructions


def test_page_number_header_from_page_two(template_path):
    sec = Document(str(template_path)).sections[0]
    assert sec.different_first_page_header_footer is True
    assert not sec.first_page_header.is_linked_to_previous
    assert "".join(p.text for p in sec.first_page_header.paragraphs).strip() == ""
    assert sec.first_page_header._element.findall(".//" + qn("w:fldChar")) == []
    paragraphs = sec.header.paragraphs
    assert len(paragraphs) == 1
    assert paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    text, instructions = _field_text(paragraphs[0]._element)
    assert instructions == ["PAGE"]
    assert text == "- {PAGE} -"


def test_template_body(template_path):
    doc = Document(str(template_path))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == [
        ("Lambang", "{{ lambang }}"),
        ("Kop", "{{ kop_jabatan }}"),
        ("Kop", "{{ kop_provinsi }}"),
        ("Normal", ""),
        ("Normal", "{{p isi }}"),
    ]
    for p in doc.paragraphs:
        if "{" in p.text:
            assert len(p.runs) == 1, f"Jinja tag split over runs: {p.text!r}"
    assert doc.tables == []


# --------------------------------------------------------------------------- (b) and (c) docxtpl


def _env() -> Environment:
    return Environment(undefined=StrictUndefined, autoescape=True)


def test_template_variables():
    tpl = docxtpl.DocxTemplate(str(TEMPLATE))
    assert tpl.get_undeclared_template_variables(_env()) == {"lambang", "kop_jabatan", "kop_provinsi", "isi"}


def render(target: Path, *, lambang: str = "[lambang]", pasal: int = 1) -> Path:
    """Render the template with special characters and ``pasal`` Pasal of one long ayat each."""
    tpl = docxtpl.DocxTemplate(str(TEMPLATE))
    sub = tpl.new_subdoc()
    sub.add_paragraph("PERATURAN BUPATI PANGKAJENE DAN KEPULAUAN", style="Judul Peraturan")
    for n in range(1, pasal + 1):
        sub.add_paragraph(f"Pasal {n}", style="Judul Pasal")
        sub.add_paragraph(
            f"({n})\tIsi ayat & <tanda> “kutip” é — " + "kalimat panjang yang mengisi halaman " * 12,
            style="Ayat",
        )
    tpl.render(
        {"lambang": lambang, "kop_jabatan": KOP_JABATAN, "kop_provinsi": KOP_PROVINSI, "isi": sub},
        _env(),
        autoescape=True,
    )
    tpl.save(str(target))
    return target


def test_render_escapes_and_keeps_styles(tmp_path):
    tpl = docxtpl.DocxTemplate(str(TEMPLATE))
    sub = tpl.new_subdoc()
    sub.add_paragraph("(1)\tIsi ayat & <b> “é”", style="Ayat")
    tpl.render(
        {"lambang": "[Garuda]", "kop_jabatan": KOP_JABATAN, "kop_provinsi": KOP_PROVINSI, "isi": sub},
        _env(),
        autoescape=True,
    )
    out = tmp_path / "hasil.docx"
    tpl.save(str(out))
    doc = Document(str(out))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == [
        ("Lambang", "[Garuda]"),
        ("Kop", KOP_JABATAN),
        ("Kop", KOP_PROVINSI),
        ("Normal", ""),
        ("Ayat", "(1)\tIsi ayat & <b> “é”"),
    ]
    # The header survives rendering.
    assert _field_text(doc.sections[0].header.paragraphs[0]._element)[0] == "- {PAGE} -"


def test_render_refuses_missing_variable():
    tpl = docxtpl.DocxTemplate(str(TEMPLATE))
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        tpl.render({"lambang": "x", "kop_jabatan": "y", "isi": ""}, _env(), autoescape=True)


# --------------------------------------------------------------------------- (d) LibreOffice



def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """One LibreOffice run converting two rendered documents (a batch): a 3+ page one and a short one."""
    require_libreoffice()
    src = tmp_path_factory.mktemp("docx")
    out = tmp_path_factory.mktemp("pdf")
    long_doc = render(src / "panjang rancangan.docx", lambang="[lambang Garuda]", pasal=14)
    short_doc = render(src / "pendek.docx", pasal=1)
    before = {p: _sha(p) for p in (long_doc, short_doc)}
    with counted_libreoffice(tmp_path_factory.mktemp("hitung")) as runs:
        pdfs = convert_to_pdf([long_doc, short_doc], out, timeout=120)
    return {"src": src, "out": out, "pdfs": pdfs, "before": before, "runs": runs()}


@pytest.mark.slow
@needs_libreoffice
def test_pdf_batch_result(converted):
    out = converted["out"]
    assert converted["pdfs"] == [out / "panjang rancangan.pdf", out / "pendek.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["panjang rancangan.pdf", "pendek.pdf"]
    for pdf in converted["pdfs"]:
        assert pdf.read_bytes().startswith(b"%PDF")
    for docx, digest in converted["before"].items():
        assert _sha(docx) == digest  # DOCX untouched
    # LibreOffice left no lock file or anything else beside the DOCX files.
    assert sorted(p.name for p in converted["src"].iterdir()) == ["panjang rancangan.docx", "pendek.docx"]
    assert converted["runs"] == 1  # the batch is one LibreOffice start, however many documents


@pytest.mark.slow
@needs_libreoffice
def test_pdf_text_and_page_size(converted):
    pdf = converted["pdfs"][0]
    text = _run("pdftotext", "-layout", str(pdf), "-")
    for expected in (KOP_JABATAN, "Isi ayat & <tanda> “kutip” é", "[lambang Garuda]"):
        assert expected in text
    assert KOP_PROVINSI in text.replace("’", "'")
    info = _run("pdfinfo", "-f", "1", "-l", "3", str(pdf))
    assert int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) >= 3
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert len(sizes) == 3
    for width, height in sizes:
        assert float(width) == pytest.approx(F4_PT[0], abs=2)
        assert float(height) == pytest.approx(F4_PT[1], abs=2)


@pytest.mark.slow
@needs_libreoffice
def test_pdf_page_numbers(converted):
    pdf = converted["pdfs"][0]
    first = _run("pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-").strip().splitlines()
    assert first[0].strip() == "[lambang Garuda]"  # no number on page 1
    for page in (2, 3):
        layout = _run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-")
        assert re.fullmatch(rf"-\s*{page}\s*-", layout.strip().splitlines()[0].strip())
        raw = _run("pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-")
        assert raw.splitlines()[0].strip() == f"- {page} -"
    # Position: centred on the text area (left 3 cm, right 2 cm) and above the top margin (2.5 cm).
    bbox = _run("pdftotext", "-bbox", "-f", "2", "-l", "2", str(pdf), "-")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox)
    x_min, y_min, x_max, word = words[1]
    assert word == "2"
    cm = 72 / 2.54
    centre = (3 * cm + (21.5 - 2) * cm) / 2
    assert (float(x_min) + float(x_max)) / 2 == pytest.approx(centre, abs=6)
    assert float(y_min) < 2.5 * cm


@pytest.mark.slow
@needs_libreoffice
def test_pdf_embeds_urw_bookman(converted):
    fonts = _run("pdffonts", str(converted["pdfs"][0]))
    rows = [line.split() for line in fonts.splitlines()[2:]]
    bookman = [row for row in rows if "bookman" in row[0].lower()]
    assert bookman, fonts
    assert all(row[-5] == "yes" for row in bookman), fonts  # "emb" column
    assert not [row for row in rows if "bookman" not in row[0].lower()], fonts  # no fallback font


def test_fonts_conf_ships_the_alias():
    text = FONTS_CONF.read_text(encoding="utf-8")
    assert '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' in text
    assert "<family>Bookman Old Style</family>" in text and "<family>URW Bookman</family>" in text


# --------------------------------------------------------------------------- (e) errors


@pytest.fixture
def one_docx(tmp_path) -> tuple[Path, str]:
    src = tmp_path / "src"
    src.mkdir()
    docx = src / "draf.docx"
    shutil.copyfile(TEMPLATE, docx)
    return docx, _sha(docx)


def _fake(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-soffice"
    script.write_text("#!/bin/sh\n" + textwrap.dedent(body), encoding="utf-8")
    script.chmod(0o755)
    return script


def _assert_nothing_written(out: Path, docx: Path, digest: str) -> None:
    assert not out.exists() or list(out.iterdir()) == []
    assert _sha(docx) == digest
    assert sorted(p.name for p in docx.parent.iterdir()) == [docx.name]


def test_missing_soffice_override(tmp_path, one_docx, monkeypatch):
    docx, digest = one_docx
    monkeypatch.setenv("RANCANG_SOFFICE", str(tmp_path / "tidak-ada" / "soffice"))
    with pytest.raises(PdfError) as err:
        convert_to_pdf([docx], tmp_path / "out")
    message = str(err.value)
    assert "LibreOffice (soffice) tidak ditemukan" in message
    assert "libreoffice-writer-nogui" in message and "Berkas DOCX tetap tersedia." in message
    _assert_nothing_written(tmp_path / "out", docx, digest)


def test_missing_soffice_on_path(tmp_path, one_docx, monkeypatch):
    docx, digest = one_docx
    monkeypatch.delenv("RANCANG_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    with pytest.raises(PdfError) as err:
        convert_to_pdf([docx], tmp_path / "out")
    assert str(err.value) == (
        "LibreOffice (soffice) tidak ditemukan; pasang paket libreoffice-writer-nogui untuk membuat PDF. "
        "Berkas DOCX tetap tersedia."
    )
    _assert_nothing_written(tmp_path / "out", docx, digest)


def test_timeout_kills_and_leaves_no_pdf(tmp_path, one_docx, monkeypatch):
    docx, digest = one_docx
    marker, woke = tmp_path / "child.pid", tmp_path / "woke"
    # The fake writes a PDF first, then hangs in a child process (like soffice.bin under oosplash); what it does
    # after the child ends is never reached when the timeout stops it.
    fake = _fake(tmp_path, f"""\
        while [ "$1" != "--outdir" ]; do shift; done
        printf '%%PDF-1.4 setengah' > "$2/draf.pdf"
        sleep 120 &
        echo $! > {marker}
        wait
        echo woke > {woke}
        """)
    monkeypatch.setenv("RANCANG_SOFFICE", str(fake))
    with pytest.raises(PdfError) as err:
        convert_to_pdf([docx], tmp_path / "out", timeout=1)
    assert not woke.exists()  # stopped, not waited for
    assert "tidak selesai dalam 1 detik" in str(err.value)
    _assert_nothing_written(tmp_path / "out", docx, digest)
    assert_ended(int(marker.read_text()))  # the hanging child is gone too


def test_nonzero_exit(tmp_path, one_docx, monkeypatch):
    docx, digest = one_docx
    fake = _fake(tmp_path, """\
        echo "Warning: failed to launch javaldx - java may not function correctly" >&2
        echo "gagal memuat profil" >&2
        exit 1
        """)
    monkeypatch.setenv("RANCANG_SOFFICE", str(fake))
    with pytest.raises(PdfError) as err:
        convert_to_pdf([docx], tmp_path / "out")
    message = str(err.value)
    assert "LibreOffice gagal membuat PDF (kode keluar 1)" in message
    assert "gagal memuat profil" in message and "javaldx" not in message and "Berkas DOCX tetap tersedia" in message
    _assert_nothing_written(tmp_path / "out", docx, digest)


def test_crash_by_signal(tmp_path, one_docx, monkeypatch):
    docx, digest = one_docx
    monkeypatch.setenv("RANCANG_SOFFICE", str(_fake(tmp_path, "kill -SEGV $$\n")))
    with pytest.raises(PdfError, match="berhenti mendadak \\(sinyal SIGSEGV\\)"):
        convert_to_pdf([docx], tmp_path / "out")
    _assert_nothing_written(tmp_path / "out", docx, digest)


def test_missing_pdf_in_batch_writes_none(tmp_path, one_docx, monkeypatch):
    docx, digest = one_docx
    other = docx.with_name("kedua.docx")
    shutil.copyfile(docx, other)
    # Exit 0 but produce only kedua.pdf (LibreOffice does exit 0 when a file cannot be loaded).
    fake = _fake(tmp_path, """\
        while [ "$1" != "--outdir" ]; do shift; done
        printf '%%PDF-1.4 fake' > "$2/kedua.pdf"
        echo "Error: source file could not be loaded"
        """)
    monkeypatch.setenv("RANCANG_SOFFICE", str(fake))
    with pytest.raises(PdfError) as err:
        convert_to_pdf([docx, other], tmp_path / "out")
    assert "tidak menghasilkan PDF untuk: draf.docx" in str(err.value)
    assert "source file could not be loaded" in str(err.value)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    assert _sha(docx) == digest


def test_fake_conversion_arguments_and_atomic_move(tmp_path, one_docx, monkeypatch):
    """Without LibreOffice: the command line, environment and the final move into out_dir."""
    docx, digest = one_docx
    log = tmp_path / "args.txt"
    fake = _fake(tmp_path, f"""\
        printf '%s\\n' "$@" > {log}
        echo "FONTCONFIG_FILE=$FONTCONFIG_FILE" >> {log}
        while [ "$1" != "--outdir" ]; do shift; done
        out="$2"; shift 2
        for f in "$@"; do n=$(basename "$f" .docx); printf '%%PDF-1.4 %s' "$n" > "$out/$n.pdf"; done
        """)
    monkeypatch.setenv("RANCANG_SOFFICE", str(fake))
    out = tmp_path / "keluaran" / "pdf"
    (out.parent).mkdir()
    out.mkdir()
    (out / "draf.pdf").write_bytes(b"%PDF lama")
    assert convert_to_pdf([docx], out) == [out / "draf.pdf"]
    assert (out / "draf.pdf").read_bytes() == b"%PDF-1.4 draf"
    assert sorted(p.name for p in out.iterdir()) == ["draf.pdf"]
    assert _sha(docx) == digest
    args = log.read_text().splitlines()
    assert args[0].startswith("-env:UserInstallation=file:///")
    profile = Path(args[0].split("file://", 1)[1])
    assert not profile.exists()  # the throw-away profile is removed
    assert {"--headless", "--norestore", "--convert-to", "pdf", "--outdir"} <= set(args)
    assert args[-2] == str(docx)
    assert args[-1] == f"FONTCONFIG_FILE={FONTS_CONF}"
    assert convert_to_pdf([], out) == []


def test_missing_docx_and_duplicate_names(tmp_path, one_docx):
    docx, _ = one_docx
    with pytest.raises(PdfError, match="Berkas DOCX tidak ditemukan"):
        convert_to_pdf([tmp_path / "tidak-ada.docx"], tmp_path / "out")
    twin = tmp_path / "lain" / "draf.docx"
    twin.parent.mkdir()
    shutil.copyfile(docx, twin)
    with pytest.raises(PdfError, match="bernama sama"):
        convert_to_pdf([docx, twin], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_packaged_template_is_the_generated_one():
    """Projects without templates/ use the copy inside the package; it must be today's template."""
    import tempfile

    import zipfile

    def parts(path: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    with tempfile.TemporaryDirectory() as tmp:  # a fresh process: python-docx keeps state between documents
        subprocess.run([sys.executable, str(ROOT / "templates" / "make_templates.py"), f"{tmp}/t.docx"],
                       check=True, capture_output=True)
        fresh = parts(Path(tmp) / "t.docx")
    packaged = parts(ROOT / "src" / "rancang" / "templates" / "peraturan-kepala-daerah.docx")
    assert packaged == fresh, "run: .venv/bin/python templates/make_templates.py"
