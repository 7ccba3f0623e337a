"""The DOCX of a Keputusan Kepala Daerah (Keputusan Wali Kota / Keputusan Bupati).

Read back paragraph by paragraph with its styles (``docx_reading.blocks``; a table row is ``"tabel"`` and its cells
joined by ``" | "``, a cell's paragraphs by a line break): the title with its text number (or ``NOMOR ...`` while a
draft), Memperhatikan as a labelled block like Mengingat, the diktum rows under Menetapkan (``KESATU | : | text``,
rincian in the text cell at the first indent), the signature without promulgation order, Sekda block or gazette line,
the Tembusan bottom-left and numbered, the lampiran header; numbers always text; a template made before the decree's
styles still drafts one. The decree Documents here are built by hand (:func:`decree`), as the engine would.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from docx_reading import blocks
from rancang import richtext
from rancang.drafting.tree import (
    AnnexPart,
    Dictum,
    Document,
    ListEntry,
    Point,
    SignatureBlock,
    Span,
)
from rancang.render.regulation_docx import render
from rancang.render.template_names import LATER_STYLES

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "peraturan-kepala-daerah.docx"

TITLE = "PENETAPAN INOVASI DAERAH KOTA PAREPARE"


def t(text: str) -> list[Span]:
    return [Span(text)]


def decree(*, draft: bool = True, noted: int = 2, copies: int = 2, annex: bool = True) -> Document:
    """A Keputusan Wali Kota as the engine builds one (numbers, labels and endings already in it)."""
    office = "WALI KOTA PAREPARE"
    return Document(
        heading=[office, "PROVINSI SULAWESI SELATAN"],
        draft=draft,
        title=(["RANCANGAN"] if draft else []) + ["KEPUTUSAN WALI KOTA PAREPARE",
                                                   "NOMOR ..." if draft else "NOMOR 100.3.3.2/7/Bappeda/2026",
                                                   "TENTANG", TITLE],
        invocation="DENGAN RAHMAT TUHAN YANG MAHA ESA",
        office_line=f"{office},",
        considerations=[
            ListEntry("a.", t("bahwa Inovasi Daerah perlu ditetapkan;")),
            ListEntry("b.", t("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
                              "Keputusan Wali Kota tentang Penetapan Inovasi Daerah Kota Parepare;")),
        ],
        legal_bases=[ListEntry("1.", t("Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah;")),
                     ListEntry("2.", t("Peraturan Wali Kota tentang Inovasi Daerah;"))],
        decision="MEMUTUSKAN:",
        enact_label="Menetapkan",
        enact_text=f"KEPUTUSAN WALI KOTA TENTANG {TITLE}.",
        body=[],
        promulgation_order="",
        enactment=SignatureBlock("Ditetapkan di Parepare", "pada tanggal ...", f"{office},", "NAMA WALI KOTA"),
        promulgation=SignatureBlock("", "", "", ""),
        gazette_line="",
        annexes=[AnnexPart(
            label="LAMPIRAN",
            header=["LAMPIRAN", "KEPUTUSAN WALI KOTA PAREPARE", "NOMOR ...", f"TENTANG {TITLE}"],
            title="DAFTAR INOVASI DAERAH",
            content=richtext.parse("| No. | Nama Inovasi |\n|---|---|\n| 1. | Contoh |\n"),
            signature_office=f"{office},",
            signature_name="NAMA WALI KOTA",
            anchor="lampiran",
        )] if annex else [],
        decree=True,
        noted=([ListEntry("1.", t("Berita Acara Rapat Tim Inovasi Daerah;")),
                ListEntry("2.", t("Surat Kepala Bappeda;"))][:noted] if noted > 1
               else [ListEntry(None, t("Berita Acara Rapat Tim Inovasi Daerah;"))] if noted else []),
        dicta=[
            Dictum("KESATU", t("Menetapkan Inovasi Daerah Kota Parepare sebagaimana tercantum dalam Lampiran yang "
                               "merupakan bagian tidak terpisahkan dari Keputusan Wali Kota ini."),
                   anchor="diktum-kesatu"),
            Dictum("KEDUA", [Span("Inovasi Daerah sebagaimana dimaksud dalam "),
                             Span("Diktum KESATU", target="diktum-kesatu"), Span(" dilaksanakan oleh:")],
                   points=[Point("a.", t("Perangkat Daerah; dan"), anchor="diktum-kedua-huruf-a",
                                 points=[Point("1.", t("dinas;"), depth=2), Point("2.", t("badan."), depth=2)]),
                           Point("b.", t("masyarakat."), anchor="diktum-kedua-huruf-b")],
                   anchor="diktum-kedua"),
            Dictum("KETIGA", t("Keputusan Wali Kota ini mulai berlaku pada tanggal ditetapkan."),
                   anchor="diktum-ketiga"),
        ],
        copies=["Gubernur Sulawesi Selatan di Makassar;", "Ketua DPRD Kota Parepare di Parepare."][:copies]
        if copies > 1 else (["Gubernur Sulawesi Selatan di Makassar."] if copies else []),
    )


def docx_of(document: Document, template: Path = TEMPLATE) -> bytes:
    return render(document, template)


def section(found, first, last):
    start = found.index(first)
    return found[start:found.index(last, start) + 1]


@pytest.fixture(scope="module")
def drafted() -> list[tuple[str, str]]:
    return blocks(docx_of(decree()))


def test_a_draft_keputusan_has_its_title_and_memperhatikan_like_mengingat(drafted):
    assert drafted[:17] == [
        ("Lambang", ""), ("Kop", "WALI KOTA PAREPARE"), ("Kop", "PROVINSI SULAWESI SELATAN"), ("Normal", ""),
        ("Judul Peraturan", "RANCANGAN"),
        ("Judul Peraturan", "KEPUTUSAN WALI KOTA PAREPARE"),
        ("Judul Peraturan", "NOMOR ..."), ("Normal", ""),
        ("Judul Peraturan", "TENTANG"), ("Normal", ""),
        ("Judul Peraturan", TITLE), ("Normal", ""),
        ("Pembukaan", "DENGAN RAHMAT TUHAN YANG MAHA ESA"), ("Normal", ""),
        ("Pembukaan", "WALI KOTA PAREPARE,"), ("Normal", ""),
        ("tabel", "Menimbang | : | a. | bahwa Inovasi Daerah perlu ditetapkan;"),
    ]
    assert section(drafted, ("tabel", "Mengingat | : | 1. | Peraturan Pemerintah Nomor 38 Tahun 2017 tentang "
                                      "Inovasi Daerah;"), ("Pembukaan", "MEMUTUSKAN:")) == [
        ("tabel", "Mengingat | : | 1. | Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah;"),
        ("tabel", " |  | 2. | Peraturan Wali Kota tentang Inovasi Daerah;"),
        ("Normal", ""),
        ("tabel", "Memperhatikan | : | 1. | Berita Acara Rapat Tim Inovasi Daerah;"),
        ("tabel", " |  | 2. | Surat Kepala Bappeda;"),
        ("Normal", ""),
        ("Pembukaan", "MEMUTUSKAN:"),
    ]


def test_one_memperhatikan_is_not_numbered_and_none_leaves_no_block():
    one = blocks(docx_of(decree(noted=1)))
    assert ("tabel", "Memperhatikan | : | Berita Acara Rapat Tim Inovasi Daerah;") in one
    none = blocks(docx_of(decree(noted=0)))
    assert not any("Memperhatikan" in text for _style, text in none)
    mengingat = none.index(("tabel", " |  | 2. | Peraturan Wali Kota tentang Inovasi Daerah;"))
    assert none[mengingat + 1:mengingat + 3] == [("Normal", ""), ("Pembukaan", "MEMUTUSKAN:")]


def test_the_diktum_rows_follow_menetapkan_with_their_rincian_in_the_text_cell(drafted):
    start = drafted.index(("Pembukaan", "MEMUTUSKAN:"))
    assert drafted[start:start + 6] == [
        ("Pembukaan", "MEMUTUSKAN:"), ("Normal", ""),
        ("tabel", f"Menetapkan | : | KEPUTUSAN WALI KOTA TENTANG {TITLE}."),
        ("tabel", "KESATU | : | Menetapkan Inovasi Daerah Kota Parepare sebagaimana tercantum dalam Lampiran yang "
                  "merupakan bagian tidak terpisahkan dari Keputusan Wali Kota ini."),
        ("tabel", "KEDUA | : | Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU dilaksanakan oleh:\n"
                  "a.\tPerangkat Daerah; dan\n1.\tdinas;\n2.\tbadan.\nb.\tmasyarakat."),
        ("tabel", "KETIGA | : | Keputusan Wali Kota ini mulai berlaku pada tanggal ditetapkan."),
    ]


def _table_with(data: bytes, text: str):
    document = docx.Document(io.BytesIO(data))
    return next(table for table in document.tables if table.rows[0].cells[0].text == text)


def test_each_diktum_cell_and_rincian_has_its_named_style():
    data = docx_of(decree())
    table = _table_with(data, "Menetapkan")
    assert [cell.paragraphs[0].style.name for cell in table.rows[0].cells] == ["Konsiderans"] * 4
    kedua = table.rows[2]
    assert [cell.paragraphs[0].style.name for cell in kedua.cells[:2]] == ["Diktum", "Diktum"]
    assert [(p.style.name, p.text) for p in kedua.cells[2].paragraphs] == [
        ("Diktum", "Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU dilaksanakan oleh:"),
        ("Rincian 1", "a.\tPerangkat Daerah; dan"), ("Rincian 2", "1.\tdinas;"), ("Rincian 2", "2.\tbadan."),
        ("Rincian 1", "b.\tmasyarakat.")]
    assert kedua.cells[2]._tc is kedua.cells[3]._tc, "the text spans the letter and text columns"


def test_every_colon_of_a_keputusan_is_in_the_same_column_wide_enough_for_its_labels():
    data = docx_of(decree())
    document = docx.Document(io.BytesIO(data))
    widths = {tuple(column.width for column in table.columns) for table in document.tables
              if table.rows[0].cells[0].text in ("Menimbang", "Mengingat", "Memperhatikan", "Menetapkan")}
    assert len(widths) == 1
    (first, colon, *_rest), = widths
    assert round(first.cm, 1) == 3.8 and round(colon.cm, 1) == 0.5
    assert len(document.tables) == 4 + 1, "Menimbang, Mengingat, Memperhatikan, Menetapkan + diktum, lampiran"


def test_a_keputusan_is_signed_not_promulgated_and_lists_its_tembusan(drafted):
    texts = [text for _style, text in drafted]
    ending = section(drafted, ("Tanda Tangan", "Ditetapkan di Parepare"), ("Lampiran Kepala", "LAMPIRAN"))
    assert ending == [
        ("Tanda Tangan", "Ditetapkan di Parepare"), ("Tanda Tangan", "pada tanggal ..."), ("Normal", ""),
        ("Tanda Tangan", "WALI KOTA PAREPARE,"), ("Tanda Tangan", ""), ("Tanda Tangan", ""), ("Tanda Tangan", ""),
        ("Tanda Tangan", "NAMA WALI KOTA"), ("Normal", ""),
        ("Tembusan", "Tembusan:"),
        ("Tembusan", "1.\tGubernur Sulawesi Selatan di Makassar;"),
        ("Tembusan", "2.\tKetua DPRD Kota Parepare di Parepare."),
        ("Lampiran Kepala", "LAMPIRAN"),  # on a page of its own
    ]
    assert not any(style in ("Pengundangan", "Penutup", "Berita Daerah") for style, _text in drafted)
    assert not any("Diundangkan" in text or "BERITA DAERAH" in text or "pengundangan" in text for text in texts)
    assert drafted.index(("tabel", "KETIGA | : | Keputusan Wali Kota ini mulai berlaku pada tanggal ditetapkan.")) \
        < drafted.index(("Tanda Tangan", "Ditetapkan di Parepare"))


def test_one_tembusan_is_numbered_and_none_leaves_no_heading():
    one = blocks(docx_of(decree(copies=1)))
    assert section(one, ("Tembusan", "Tembusan:"), ("Tembusan", "1.\tGubernur Sulawesi Selatan di Makassar.")) == [
        ("Tembusan", "Tembusan:"), ("Tembusan", "1.\tGubernur Sulawesi Selatan di Makassar.")]
    none = blocks(docx_of(decree(copies=0, annex=False)))
    assert not any(style == "Tembusan" or "Tembusan" in text for style, text in none)
    assert none[-1] == ("Tanda Tangan", "NAMA WALI KOTA")


def test_the_lampiran_has_the_keputusan_header(drafted):
    annex = drafted[drafted.index(("Lampiran Kepala", "LAMPIRAN")):]
    assert annex[:5] == [("Lampiran Kepala", "LAMPIRAN"), ("Lampiran Kepala", "KEPUTUSAN WALI KOTA PAREPARE"),
                         ("Lampiran Kepala", "NOMOR ..."), ("Lampiran Kepala", f"TENTANG {TITLE}"),
                         ("Judul Lampiran", "DAFTAR INOVASI DAERAH")]
    assert ("tabel", "No. | Nama Inovasi") in annex and ("tabel", "1. | Contoh") in annex


def test_an_enacted_keputusan_prints_its_text_number_without_rancangan():
    found = blocks(docx_of(decree(draft=False)))
    assert found[4:7] == [("Judul Peraturan", "KEPUTUSAN WALI KOTA PAREPARE"),
                          ("Judul Peraturan", "NOMOR 100.3.3.2/7/Bappeda/2026"), ("Normal", "")]
    assert ("Judul Peraturan", "RANCANGAN") not in found


def test_numbers_are_text_never_word_numbering():
    with zipfile.ZipFile(io.BytesIO(docx_of(decree()))) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "<w:numPr>" not in document and "w:numId" not in document
    assert ">KESATU<" in document and ">1.<" in document


def test_a_template_without_the_decree_styles_still_drafts_a_keputusan(tmp_path):
    from test_old_templates import _without_styles

    template = tmp_path / "peraturan-kepala-daerah.docx"
    template.write_bytes(TEMPLATE.read_bytes())
    _without_styles(template, {"Diktum", "Tembusan"})
    assert LATER_STYLES["Diktum"] == "Konsiderans" and LATER_STYLES["Tembusan"] == "Pengundangan"
    data = docx_of(decree(), template)
    found = blocks(data)
    assert ("Pengundangan", "Tembusan:") in found
    assert ("Pengundangan", "1.\tGubernur Sulawesi Selatan di Makassar;") in found
    table = _table_with(data, "Menetapkan")
    assert [p.style.name for p in table.rows[2].cells[2].paragraphs] == [
        "Konsiderans", "Rincian 1", "Rincian 2", "Rincian 2", "Rincian 1"]
    assert not {style for style, _text in found} & {"Diktum", "Tembusan"}


def test_the_template_has_the_decree_styles_after_every_older_style():
    with zipfile.ZipFile(TEMPLATE) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    names = [part.split('"', 1)[0] for part in styles.split('<w:name w:val="')[1:]]
    assert names[-2:] == ["Diktum", "Tembusan"]
    assert (ROOT / "src" / "rancang" / "templates" / "peraturan-kepala-daerah.docx").read_bytes() == \
        TEMPLATE.read_bytes()


# -- through `rancang draft`, for a kota and a kabupaten -----------------------------------------------------------

CATALOGUE = """\
- id: pp-38-2017
  jenis: PP
  nomor: 38
  tahun: 2017
  tentang: Inovasi Daerah
  lembaran: {tahun: 2017, nomor: 206}
  tambahan: 6123
  terkonfirmasi: true
"""

REGIONS = {
    "kota": ("daerah: {jenis: kota, nama: Parepare, provinsi: Sulawesi Selatan}\n"
             "kepala_daerah: {nama: Nama Kepala Daerah}\n"),
    "kabupaten": ("daerah: {jenis: kabupaten, nama: Pangkajene dan Kepulauan, provinsi: Sulawesi Selatan, "
                  "ibu_kota: Pangkajene}\nkepala_daerah: {nama: Nama Kepala Daerah}\n"),
}

TEAM = """\
jenis: {kind}
nomor: 1/UJI/2026
tahun: 2026
tentang: Tim Inovasi Daerah
menimbang:
  - bahwa Tim Inovasi Daerah perlu dibentuk
mengingat: [pp-38-2017]
memperhatikan:
  - Berita Acara Rapat Uji
diktum:
  - id: diktum-tim
    teks: >-
      Membentuk Tim Inovasi Daerah dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang
      merupakan bagian tidak terpisahkan dari Keputusan ini.
  - teks: "Tim Inovasi Daerah [[diktum-tim]] bertugas:"
    rincian:
      sifat: kumulatif
      butir:
        - menyusun rencana kerja
        - melaporkan pelaksanaan tugasnya
penetapan:
  tempat: {place}
  tanggal: 2026-01-02
tembusan:
  - Gubernur Sulawesi Selatan di Makassar
  - Inspektur
lampiran:
  - judul: Susunan Keanggotaan Tim Inovasi Daerah
    anggota:
      - {{jabatan_tim: Ketua, jabatan: Sekretaris Daerah}}
      - {{jabatan_tim: Anggota, jabatan: Kepala Perangkat Daerah Uji}}
"""


def project(root: Path, region: str) -> Path:
    (root / "kb").mkdir(parents=True)
    (root / "regulations").mkdir()
    (root / "rancang.yaml").write_text(REGIONS[region], encoding="utf-8")
    (root / "kb" / "dasar-hukum.yaml").write_text(CATALOGUE, encoding="utf-8")
    kind, place = ("keputusan_wali_kota", "Parepare") if region == "kota" else ("keputusan_bupati", "Pangkajene")
    (root / "regulations" / "tim.yaml").write_text(TEAM.format(kind=kind, place=place), encoding="utf-8")
    return root


def drafted_by_cli(tmp_path: Path, monkeypatch, capsys, region: str) -> bytes:
    from rancang.cli import main

    root = project(tmp_path / region, region)
    monkeypatch.chdir(root)
    out = root / "tim.docx"
    assert main(["draft", "regulations/tim.yaml", "-o", str(out)]) == 0, capsys.readouterr()
    return out.read_bytes()


@pytest.mark.parametrize("region, office, title, enact", [
    ("kota", "WALI KOTA PAREPARE", "KEPUTUSAN WALI KOTA PAREPARE", "KEPUTUSAN WALI KOTA TENTANG TIM INOVASI DAERAH."),
    ("kabupaten", "BUPATI PANGKAJENE DAN KEPULAUAN", "KEPUTUSAN BUPATI PANGKAJENE DAN KEPULAUAN",
     "KEPUTUSAN BUPATI TENTANG TIM INOVASI DAERAH."),
])
def test_rancang_draft_writes_a_keputusan_for_a_kota_and_a_kabupaten(tmp_path, monkeypatch, capsys, region,
                                                                      office, title, enact):
    found = blocks(drafted_by_cli(tmp_path, monkeypatch, capsys, region))
    texts = [text for _style, text in found]
    assert found[4:7] == [("Judul Peraturan", title), ("Judul Peraturan", "NOMOR 1/UJI/2026"), ("Normal", "")]
    assert ("Pembukaan", f"{office},") in found
    assert ("tabel", "Memperhatikan | : | Berita Acara Rapat Uji;") in found
    start = found.index(("tabel", f"Menetapkan | : | {enact}"))
    rows = [text for style, text in found[start + 1:start + 4]]
    assert rows[0].startswith("KESATU | : | Membentuk Tim Inovasi Daerah")
    assert rows[1] == ("KEDUA | : | Tim Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU bertugas:\n"
                       "a.\tmenyusun rencana kerja; dan\nb.\tmelaporkan pelaksanaan tugasnya.")
    assert rows[2].startswith("KETIGA | : | Keputusan ") and rows[2].endswith(" ini mulai berlaku pada tanggal "
                                                                            "ditetapkan.")
    tembusan = found.index(("Tembusan", "Tembusan:"))
    assert [text.split("\t")[0] for _style, text in found[tembusan + 1:tembusan + 3]] == ["1.", "2."]
    assert found[tembusan - 2] == ("Tanda Tangan", "NAMA KEPALA DAERAH")
    assert not any(style in ("Pengundangan", "Penutup", "Berita Daerah") for style, _text in found)
    annex = texts.index("LAMPIRAN")
    assert texts[annex + 1] == title
    assert ("tabel", "No. | Jabatan dalam Tim | Jabatan/Unsur | Nama | NIP") in found
    assert ("tabel", "1. | Ketua | Sekretaris Daerah |  | ") in found


@pytest.mark.slow
def test_a_keputusan_converts_in_libreoffice(tmp_path, monkeypatch, capsys):
    import subprocess

    from support import require_libreoffice

    from rancang.render.pdf import convert_to_pdf

    require_libreoffice()
    source = tmp_path / "tim.docx"
    source.write_bytes(drafted_by_cli(tmp_path, monkeypatch, capsys, "kabupaten"))
    (pdf,) = convert_to_pdf([source], tmp_path)
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for expected in ("KEPUTUSAN BUPATI PANGKAJENE DAN KEPULAUAN NOMOR 1/UJI/2026 TENTANG TIM INOVASI DAERAH",
                     "Memperhatikan : Berita Acara Rapat Uji;", "MEMUTUSKAN:",
                     "Menetapkan : KEPUTUSAN BUPATI TENTANG TIM INOVASI DAERAH.",
                     "KEDUA : Tim Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU bertugas: a. menyusun "
                     "rencana kerja; dan b. melaporkan pelaksanaan tugasnya.",
                     "Ditetapkan di Pangkajene pada tanggal 2 Januari 2026",
                     "Tembusan: 1. Gubernur Sulawesi Selatan di Makassar; 2. Inspektur.",
                     "LAMPIRAN KEPUTUSAN BUPATI PANGKAJENE DAN KEPULAUAN", "No. Jabatan dalam Tim Jabatan/Unsur",
                     "1. Ketua Sekretaris Daerah 2. Anggota Kepala Perangkat Daerah Uji"):
        assert expected in text, expected
    assert "Diundangkan" not in text and "BERITA DAERAH" not in text
    pages = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    for page in range(1, pages + 1):  # the Tembusan ends near the foot of its page: no blank page after it
        words = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout.split()
        assert [word for word in words if word not in ("-", str(page))], f"halaman {page} kosong"
    last = subprocess.run(["pdftotext", "-raw", "-f", str(pages), "-l", str(pages), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout.split()
    assert "LAMPIRAN" in last


def test_an_old_template_is_named_by_check_and_still_drafts_a_keputusan(tmp_path, monkeypatch, capsys):
    from test_old_templates import _without_styles

    from rancang.cli import main

    root = project(tmp_path / "proyek", "kota")
    (root / "templates").mkdir()
    template = root / "templates" / "peraturan-kepala-daerah.docx"
    template.write_bytes(TEMPLATE.read_bytes())
    _without_styles(template, {"Diktum", "Tembusan"})
    monkeypatch.chdir(root)
    assert main(["check"]) == 0
    assert ("templates/peraturan-kepala-daerah.docx: P414: peringatan: templat belum memiliki gaya bagian peraturan: "
            "Diktum (diganti Konsiderans), Tembusan (diganti Pengundangan)") in capsys.readouterr().out
    assert main(["draft", "regulations/tim.yaml", "-o", "tim.docx"]) == 0
    found = blocks((root / "tim.docx").read_bytes())
    assert ("Pengundangan", "Tembusan:") in found and ("Pengundangan", "2.\tInspektur.") in found


def test_the_words_after_a_diktums_rincian_stay_in_its_text_cell():
    document = decree()
    document.dicta[1].points[1].closing = [Span("sesuai dengan tugasnya,")]
    document.dicta[1].closing = [Span("sesuai dengan ketentuan peraturan perundang-undangan.")]
    table = _table_with(docx_of(document), "Menetapkan")
    assert [(p.style.name, p.text) for p in table.rows[2].cells[2].paragraphs][-3:] == [
        ("Rincian 1", "b.\tmasyarakat."), ("Rincian 1", "\tsesuai dengan tugasnya,"),
        ("Konsiderans", "sesuai dengan ketentuan peraturan perundang-undangan.")]


@pytest.mark.slow
def test_memutuskan_and_the_whole_menetapkan_line_stay_on_one_page(tmp_path, monkeypatch):
    """In the Parepare example the Mengingat fills page 1: MEMUTUSKAN: moves with the Menetapkan line, whole."""
    import subprocess

    from support import require_libreoffice

    from rancang.cli import main
    from rancang.render.pdf import convert_to_pdf

    require_libreoffice()
    monkeypatch.chdir(ROOT)
    source = tmp_path / "keputusan.docx"
    assert main(["draft", "regulations/keputusan-inovasi-daerah.yaml", "-o", str(source)]) == 0
    (pdf,) = convert_to_pdf([source], tmp_path)
    pages = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    (page,) = [" ".join(page.split()) for page in pages if "Menetapkan :" in page]
    assert "MEMUTUSKAN: Menetapkan : KEPUTUSAN WALI KOTA TENTANG PENETAPAN INOVASI DAERAH KOTA PAREPARE." in page


def test_a_keputusan_without_the_invocation_goes_from_its_title_to_the_office_line():
    from dataclasses import replace

    def opening(document: Document) -> list[str]:
        texts = [p.text for p in docx.Document(io.BytesIO(docx_of(document))).paragraphs]
        start = texts.index("TENTANG")
        return texts[start:texts.index("WALI KOTA PAREPARE,") + 1]

    with_it = opening(decree())
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" in with_it
    without = opening(replace(decree(), invocation=""))
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" not in without
    assert len(without) == len(with_it) - 2  # the line and the blank after it, nothing left in their place
