"""The shipped amendment example (examples/latihan-perubahan, fictional): an enacted Perwali, an enacted first
amendment and a draft second one, each written as a whole text. It must stay clean under ``rancang check``,
write every document a Bagian Hukum expects (the Perubahan, the matrix, the tracked changes, the consolidated
text), convert in LibreOffice, and show the history of versions on the site."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import lxml.html
import pytest

from rancang.cli import main

from support import REPO, needs_libreoffice

EXAMPLE = REPO / "examples" / "latihan-perubahan"
DOCUMENTS = "_build/dokumen"

BASE_CITATION = ("Peraturan Wali Kota Sukamaju Nomor 7 Tahun 2023 tentang Penyelenggaraan Inovasi Daerah "
                 "(Berita Daerah Kota Sukamaju Tahun 2023 Nomor 7)")
FIRST_CITATION = ("Peraturan Wali Kota Sukamaju Nomor 12 Tahun 2024 tentang Perubahan atas Peraturan Wali Kota "
                  "Sukamaju Nomor 7 Tahun 2023 tentang Penyelenggaraan Inovasi Daerah (Berita Daerah Kota "
                  "Sukamaju Tahun 2024 Nomor 12)")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The example copied and built once, with PDFs (LibreOffice) when the machine has it."""
    root = tmp_path_factory.mktemp("latihan") / "latihan-perubahan"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("_build", "__pycache__"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert main(["build"] if shutil.which("soffice") else ["build", "--no-pdf"]) == 0
    return root


def _paragraphs(path: Path) -> list[str]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return [p.text.strip() for p in document.paragraphs if p.text.strip()]


def _pasal_i(path: Path) -> list[str]:
    lines = _paragraphs(path)
    return lines[lines.index("Pasal I") + 1: lines.index("Pasal II")]


def test_the_example_is_clean(tmp_path, monkeypatch, capsys):
    root = tmp_path / "latihan"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("_build", "__pycache__"))
    monkeypatch.chdir(root)
    assert main(["check", "--strict"]) == 0
    out = capsys.readouterr().out
    assert "Tidak ada masalah." in out
    assert "3 rancangan peraturan" in out


def test_the_first_amendment_has_three_change_points(built):
    assert _pasal_i(built / DOCUMENTS / "perubahan-pertama-inovasi.docx") == [
        f"Beberapa ketentuan dalam {BASE_CITATION} diubah sebagai berikut:",
        "1.\tKetentuan ayat (2) Pasal 4 diubah sehingga berbunyi sebagai berikut:",
        "Pasal 4",
        "(1) Usulan Inovasi Daerah disampaikan secara tertulis kepada Wali Kota melalui Tim Inovasi Daerah.",
        "(2) Tim Inovasi Daerah menilai usulan sebagaimana dimaksud pada ayat (1) paling lama 14 (empat belas) "
        "hari kerja.",
        "2.\tDi antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A sehingga berbunyi sebagai "
        "berikut:",
        "Pasal 4A",
        "Usulan Inovasi Daerah yang dinilai layak diuji coba sebelum diterapkan.",
        "3.\tPasal 6 dihapus.",
    ]


def test_the_second_amendment_builds_on_the_first(built):
    lines = _paragraphs(built / DOCUMENTS / "perubahan-kedua-inovasi.docx")
    assert ("PERUBAHAN KEDUA ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR 7 TAHUN 2023 TENTANG PENYELENGGARAAN INOVASI "
            "DAERAH") in lines
    assert _pasal_i(built / DOCUMENTS / "perubahan-kedua-inovasi.docx") == [
        f"Beberapa ketentuan dalam {BASE_CITATION} sebagaimana telah diubah dengan {FIRST_CITATION} diubah sebagai "
        "berikut:",
        # a huruf inserted before the last one: the list's "; dan" moves, which is no change of huruf b
        "1.\tDi antara huruf b dan huruf c Pasal 3 disisipkan 1 (satu) huruf, yakni huruf b1 sehingga Pasal 3 "
        "berbunyi sebagai berikut:",
        "Pasal 3",
        "Usulan Inovasi Daerah dapat diajukan oleh:",
        "a. Perangkat Daerah;",
        "b. aparatur sipil negara;",
        "b1. badan usaha milik daerah; dan",
        "c. anggota masyarakat.",
        "2.\tDi antara ayat (1) dan ayat (2) Pasal 4 disisipkan 1 (satu) ayat, yakni ayat (1a) sehingga Pasal 4 "
        "berbunyi sebagai berikut:",
        "Pasal 4",
        "(1) Usulan Inovasi Daerah disampaikan secara tertulis kepada Wali Kota melalui Tim Inovasi Daerah.",
        "(1a) Usulan sebagaimana dimaksud pada ayat (1) memuat latar belakang, tujuan, manfaat, dan rencana "
        "penerapan.",
        "(2) Tim Inovasi Daerah menilai usulan sebagaimana dimaksud pada ayat (1) paling lama 14 (empat belas) "
        "hari kerja.",
        "3.\tKetentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:",
        "Pasal 5",
        "Perangkat Daerah melaporkan pelaksanaan Inovasi Daerah kepada Wali Kota setiap 3 (tiga) bulan.",
        # Pasal 6 (deleted by the first amendment) keeps its number: the new Pasal after it is 6A
        "4.\tDi antara BAB IV dan BAB V disisipkan 1 (satu) bab, yakni BAB IVA sehingga berbunyi sebagai berikut:",
        "BAB IVA",
        "PENGHARGAAN",
        "Pasal 6A",
        "Wali Kota memberikan penghargaan kepada Perangkat Daerah yang Inovasi Daerahnya berhasil diterapkan dan "
        "memberi manfaat bagi masyarakat.",
    ]


def test_the_consolidated_text_marks_every_change_with_its_amendment(built):
    lines = _paragraphs(built / DOCUMENTS / "perwali-inovasi-terintegrasi.docx")
    first = "Peraturan Wali Kota Sukamaju Nomor 12 Tahun 2024"
    second = ("Rancangan Peraturan Wali Kota Sukamaju tentang Perubahan Kedua atas Peraturan Wali Kota Sukamaju "
              "Nomor 7 Tahun 2023 tentang Penyelenggaraan Inovasi Daerah")
    marks = [line for line in lines if line.startswith("[") and line.endswith("]")]
    assert marks == [
        f"[Disisipkan dengan {second}]",  # huruf b1
        f"[Disisipkan dengan {second}]",  # ayat (1a)
        f"[Diubah dengan {first}]",  # ayat (2) Pasal 4
        f"[Disisipkan dengan {first}]",  # Pasal 4A
        f"[Diubah dengan {second}]",  # Pasal 5
        f"[Dihapus dengan {first}]",  # Pasal 6
        f"[Disisipkan dengan {second}]",  # BAB IVA
    ]
    body = lines[lines.index("MEMUTUSKAN:"):]
    assert [line for line in body if line.startswith(("Pasal ", "BAB "))] == [
        "BAB I", "Pasal 1", "BAB II", "Pasal 2", "BAB III", "Pasal 3", "Pasal 4", "Pasal 4A", "BAB IV", "Pasal 5",
        "Pasal 6", "BAB IVA", "Pasal 6A", "BAB V", "Pasal 7", "BAB VI", "Pasal 8"]
    assert body[body.index("Pasal 6") + 1] == "Dihapus."


def test_the_site_shows_the_history_of_versions(built):
    page = lxml.html.parse(str(built / "_build/html/regulations/perwali-inovasi.html")).getroot()
    ids = set(page.xpath("//@id"))
    history = page.xpath("//*[contains(@class, 'rancang-riwayat')]//a/@href")
    assert history, "riwayat versi tidak ada"
    inside = [href[1:] for href in history if href.startswith("#")]
    assert all(anchor in ids for anchor in inside), inside
    assert len(inside) == 7  # 3 points of the first amendment, 4 of the second


@needs_libreoffice
def test_libreoffice_converts_every_document_of_the_example(built):
    expected = {
        "perubahan-kedua-inovasi.pdf": ["PERUBAHAN KEDUA ATAS", "Pasal 6A", "huruf b1"],
        "perubahan-kedua-inovasi-matriks.pdf": ["MATRIKS PERBANDINGAN", "Ketentuan Lama", "BAB IVA"],
        "perubahan-kedua-inovasi-lacak.pdf": ["NASKAH DENGAN LACAK PERUBAHAN", "(enam", "3 (tiga) bulan"],
        "perwali-inovasi-terintegrasi.pdf": ["NASKAH TERINTEGRASI", "Pasal 4A", "Dihapus."],
    }
    for name, words in expected.items():
        pdf = built / DOCUMENTS / name
        assert pdf.is_file(), name
        text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        for word in words:
            assert word in text, (name, word)


def test_the_matrix_shows_the_old_pasal_beside_an_insertion_inside_it(built):
    table = docx.Document(io.BytesIO((built / DOCUMENTS / "perubahan-kedua-inovasi-matriks.docx").read_bytes())).tables[0]
    cells = [[cell.text.strip() for cell in row.cells] for row in table.rows[1:]]
    assert [row[0] for row in cells] == ["1.", "2.", "3.", "4."]
    # huruf b1 and ayat (1a) are inserted inside Pasal 3 and Pasal 4: the Pasal in force stands beside the new one
    assert cells[0][1].splitlines() == ["Pasal 3", "Usulan Inovasi Daerah dapat diajukan oleh:", "a. Perangkat Daerah;",
                                        "b. aparatur sipil negara; dan", "c. anggota masyarakat."]
    assert cells[1][1].splitlines()[:2] == ["Pasal 4", "(1) Usulan Inovasi Daerah disampaikan secara tertulis kepada "
                                                       "Wali Kota melalui Tim Inovasi Daerah."]
    assert cells[3][1] == "Tidak ada."  # a new BAB has nothing in force
    assert cells[3][3].splitlines()[0] == "Disisipkan"
