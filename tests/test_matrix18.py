"""The comparison matrix of a whole-text amendment (``rancang draft <amendment> --matriks``).

The synthetic Kota Sukamaju project of test_amendment_docx18 (nothing here is a real regulation): the amendment
changes ayat (2) of Pasal 2, deletes Pasal 4 and inserts Pasal 4A. The DOCX is read as a drafter reads it: the
title lines, then the table row by row, each cell paragraph by paragraph with its style.
"""

from __future__ import annotations

import io
import subprocess
import textwrap
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from rancang.check import check_project
from rancang.cli import main
from rancang.drafting import amendment
from rancang.drafting.tree import plain
from rancang.render import amendment_matrix_docx

from support import needs_libreoffice
from test_amendment_docx18 import NEW, project

SHOTS = Path("/tmp/shots")
MATRIX = "_build/dokumen/perubahan-taman-matriks.docx"


def _cells(row) -> list[list[tuple[str, str]]]:
    return [[(p.text, p.style.name) for p in cell.paragraphs] for cell in row.cells]


def test_the_rows_follow_pasal_i(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    checked = check_project(root)
    rows = amendment_matrix_docx.rows(amendment.compared("perubahan-taman", checked.data))
    assert [(r.number, [plain(q.text) for q in r.old], [plain(q.text) for q in r.new], r.note) for r in rows] == [
        ("1.", ["Pasal 2", "(1) Taman kota dibuka setiap hari.", "(2) Taman kota ditutup pada malam hari."],
         ["Pasal 2", "(1) Taman kota dibuka setiap hari.", "(2) Taman kota ditutup pukul 22.00."],
         ["Diubah", "Pasal I angka 1", "Ketentuan ayat (2) Pasal 2 diubah."]),
        ("2.", ["Pasal 4", "Hewan peliharaan dilarang masuk taman."], ["Pasal 4", "Dihapus."],
         ["Dihapus", "Pasal I angka 2", "Pasal 4 dihapus."]),
        ("3.", [], ["Pasal 4A", "Pengunjung dapat bersepeda di jalur yang disediakan."],
         ["Disisipkan", "Pasal I angka 3",
          "Di antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A."]),
    ]


def test_rancang_draft_matriks_writes_a_landscape_table_with_a_repeated_header(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "--matriks"]) == 0
    assert capsys.readouterr().out == f"Ditulis: {MATRIX}\n"
    document = docx.Document(io.BytesIO((root / MATRIX).read_bytes()))
    assert [(p.text, p.style.name) for p in document.paragraphs if p.text] == [
        ("MATRIKS PERBANDINGAN", "Judul Matriks"),
        ("RANCANGAN PERATURAN WALI KOTA SUKAMAJU", "Judul Matriks"),
        ("TENTANG", "Judul Matriks"),
        ("PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR 3 TAHUN 2024 TENTANG TATA TERTIB TAMAN KOTA",
         "Subjudul Matriks"),
    ]
    (table,) = document.tables
    assert table.style.name == "Tabel Isi"
    header, *rows = table.rows
    assert _cells(header) == [[(text, "Kepala Matriks")] for text in
                              ("No.", "Ketentuan Lama", "Ketentuan Baru", "Keterangan")]
    assert header._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None  # repeated on every page
    cell, heading, note = "Isi Matriks", "Judul Unsur Matriks", "Keterangan Matriks"
    assert [_cells(row) for row in rows] == [
        [[("1.", note)],
         [("Pasal 2", heading), ("(1) Taman kota dibuka setiap hari.", cell),
          ("(2) Taman kota ditutup pada malam hari.", cell)],
         [("Pasal 2", heading), ("(1) Taman kota dibuka setiap hari.", cell),
          ("(2) Taman kota ditutup pukul 22.00.", cell)],
         [("Diubah", note), ("Pasal I angka 1", note), ("Ketentuan ayat (2) Pasal 2 diubah.", note)]],
        [[("2.", note)],
         [("Pasal 4", heading), ("Hewan peliharaan dilarang masuk taman.", cell)],
         [("Pasal 4", heading), ("Dihapus.", cell)],
         [("Dihapus", note), ("Pasal I angka 2", note), ("Pasal 4 dihapus.", note)]],
        [[("3.", note)],
         [("Tidak ada.", cell)],
         [("Pasal 4A", heading), ("Pengunjung dapat bersepeda di jalur yang disediakan.", cell)],
         [("Disisipkan", note), ("Pasal I angka 3", note),
          ("Di antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A.", note)]],
    ]
    section = document.sections[0]
    # the regulation template's F4 paper, turned landscape
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (330, 215)
    assert section.orientation == 1
    widths = [column.width for column in table.columns]
    assert sum(widths) == section.page_width - section.left_margin - section.right_margin
    assert widths[1] == widths[2] > widths[3] > widths[0]
    xml = document.element.xml
    assert "w:numPr" not in xml  # numbers are text
    assert document.core_properties.title == ("Matriks Perbandingan: Rancangan Peraturan Wali Kota Sukamaju tentang "
                                              "Perubahan atas Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024 "
                                              "tentang Tata Tertib Taman Kota")


def test_a_single_change_point_is_pasal_i_without_a_number(tmp_path, monkeypatch):
    only_one = NEW.replace("""      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
""", """      - id: pasal-hewan
        teks: Hewan peliharaan dilarang masuk taman.
""").replace("Taman kota ditutup pukul 22.00.", "Taman kota ditutup pada malam hari.").replace(
        "Setiap pengunjung menjaga kebersihan taman.", "Setiap pengunjung wajib menjaga kebersihan taman.")
    root = project(tmp_path, new=only_one)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "--matriks", "-o", "keluar/m.docx"]) == 0
    (table,) = docx.Document(str(root / "keluar/m.docx")).tables
    assert [[p.text for p in cell.paragraphs] for cell in table.rows[1].cells] == [
        ["1."], ["Pasal 3", "Setiap pengunjung menjaga kebersihan taman."],
        ["Pasal 3", "Setiap pengunjung wajib menjaga kebersihan taman."],
        ["Diubah", "Pasal I", "Ketentuan Pasal 3 diubah."]]
    assert len(table.rows) == 2


def test_a_changed_bab_title_and_an_inserted_huruf(tmp_path, monkeypatch):
    old = """
        tentang: Tata Tertib Taman Kota
        nomor: 3
        tahun: 2024
        menimbang: [bahwa taman kota perlu ditata]
        mengingat: [uud-1945]
        batang_tubuh:
          - bab: Ketentuan Umum
            isi:
              - id: pasal-taman
                teks: Taman kota terbuka untuk umum.
          - bab: Larangan
            isi:
              - id: pasal-larangan
                teks: "Setiap pengunjung dilarang:"
                rincian:
                  sifat: kumulatif
                  butir:
                    - merusak tanaman
                    - membuang sampah sembarangan
        penetapan:
          tanggal: 2024-02-01
        pengundangan:
          tanggal: 2024-02-02
          nomor_berita_daerah: 3
    """
    new = """
        tentang: Tata Tertib Taman Kota
        mengubah: perwali-taman
        menimbang: [bahwa tata tertib taman kota perlu disesuaikan]
        mengingat: [uud-1945]
        batang_tubuh:
          - bab: Ketentuan Umum
            isi:
              - id: pasal-taman
                teks: Taman kota terbuka untuk umum.
          - bab: Larangan dan Sanksi
            isi:
              - id: pasal-larangan
                teks: "Setiap pengunjung dilarang:"
                rincian:
                  sifat: kumulatif
                  butir:
                    - merusak tanaman
                    - membuang sampah sembarangan
                    - menyalakan api
    """
    root = project(tmp_path, new=textwrap.dedent(new), old=textwrap.dedent(old))
    monkeypatch.chdir(root)
    checked = check_project(root)
    rows = amendment_matrix_docx.rows(amendment.compared("perubahan-taman", checked.data))
    assert [([plain(q.text) for q in r.old], [plain(q.text) for q in r.new], r.note[0]) for r in rows] == [
        (["BAB II", "LARANGAN"], ["BAB II", "LARANGAN DAN SANKSI"], "Diubah"),
        (["Pasal 2", "Setiap pengunjung dilarang:", "a. merusak tanaman; dan", "b. membuang sampah sembarangan."],
         ["Pasal 2", "Setiap pengunjung dilarang:", "a. merusak tanaman;", "b. membuang sampah sembarangan; dan",
          "c. menyalakan api."], "Diubah"),
    ]
    assert [r.note[1:] for r in rows] == [["Pasal I angka 1", "Ketentuan BAB II diubah."],
                                         ["Pasal I angka 2", "Ketentuan Pasal 2 diubah."]]


def test_matriks_of_a_regulation_that_amends_nothing_is_refused(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perwali-taman.yaml", "--matriks"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        "regulations/perwali-taman.yaml:1:1: P404: matriks perbandingan hanya dibuat dari perubahan peraturan yang "
        "memuat naskah utuh; berkas ini tidak mengubah berkas lain di regulations/")
    assert not (root / "_build/dokumen/perwali-taman-matriks.docx").exists()


def test_matriks_lacak_and_terintegrasi_exclude_each_other(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    with pytest.raises(SystemExit) as stopped:
        main(["draft", "regulations/perubahan-taman.yaml", "--matriks", "--lacak"])
    assert stopped.value.code == 2
    assert "argumen --lacak: tidak boleh dipakai bersama --matriks" in capsys.readouterr().err


@needs_libreoffice
@pytest.mark.slow
def test_libreoffice_converts_the_matrix(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "--matriks", "--pdf"]) == 0
    pdf = root / "_build/dokumen/perubahan-taman-matriks.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, height = (float(value) for value in size.split()[2:5:2])
    assert width > height  # landscape
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for words in ("MATRIKS PERBANDINGAN", "No. Ketentuan Lama Ketentuan Baru Keterangan", "Tidak ada.",
                  "Taman kota ditutup pada malam hari.", "Taman kota ditutup pukul 22.00.", "Pasal I angka 3"):
        assert words in text, words
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(SHOTS / "matriks-1")], check=True, timeout=120)
    assert (SHOTS / "matriks-1.png").is_file()



def test_ketentuan_baru_is_what_the_perubahan_quotes(tmp_path, monkeypatch):
    new = NEW.replace("""          - id: jam-buka
            teks: Taman kota dibuka setiap hari.
""", """          - id: jam-buka
            teks: Taman kota dibuka setiap hari.
          - id: jam-libur
            teks: "Pada hari libur taman kota dibuka untuk:"
            rincian:
              sifat: kumulatif
              butir:
                - keluarga
                - rombongan sekolah
""")
    root = project(tmp_path, new=new)
    monkeypatch.chdir(root)
    checked = check_project(root)
    changes = checked.drafts["perubahan-taman"].document.body[0].changes
    rows = amendment_matrix_docx.rows(amendment.compared("perubahan-taman", checked.data))
    assert len(rows) == len(changes) == 3
    for row, change in zip(rows, changes):
        assert row.note[1] == f"Pasal I angka {change.label.rstrip('.')}"
        if change.quoted:
            assert [(q.heading, plain(q.text)) for q in row.new] == [(q.heading, plain(q.text)) for q in change.quoted]
        else:  # a deletion: the Perubahan quotes nothing, the matrix shows the number and "Dihapus."
            assert [plain(q.text) for q in row.new] == ["Pasal 4", "Dihapus."]
    assert [plain(q.text) for q in rows[0].old] == [
        "Pasal 2", "(1) Taman kota dibuka setiap hari.", "(2) Taman kota ditutup pada malam hari."]
