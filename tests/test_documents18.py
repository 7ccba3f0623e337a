"""The companions of an amendment through ``rancang draft`` and ``rancang build``: the comparison matrix, the
tracked-changes document and the consolidated text (naskah terintegrasi).

The synthetic Kota Sukamaju project of test_amendment_docx18 (nothing here is a real regulation): an enacted
Perwali of five Pasal and a whole-text amendment of it; a second amendment builds on the first.
"""

from __future__ import annotations

import io
import subprocess
import textwrap
from pathlib import Path

import docx
import pytest

from rancang.check import check_project
from rancang.cli import main
from rancang.documents import companion_jobs

from support import needs_libreoffice
from test_amendment_docx18 import NEW, project

DOCUMENTS = "_build/dokumen"
ENACTED = textwrap.indent("nomor: 9\ntahun: 2025\npenetapan: {tanggal: 2025-01-10}\n"
                          "pengundangan: {tanggal: 2025-01-11, nomor_berita_daerah: 9}\n", "    ")
UNAMENDED = """tentang: Kebersihan Pasar
menimbang: [bahwa pasar perlu bersih]
mengingat: [uud-1945]
batang_tubuh:
  - teks: Setiap pedagang menjaga kebersihan pasar.
"""


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return [(p.text.strip(), p.style.name) for p in document.paragraphs if p.text.strip()]


def _two_amendments(root: Path) -> Path:
    """perubahan-pertama (enacted) inserts Pasal 4A and deletes Pasal 4; perubahan-taman (a draft) inserts a Pasal
    after 4A: Pasal 4B."""
    project(root, new=NEW.replace("""        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
""", """        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
      - id: pasal-piknik
        teks: Pengunjung dapat berpiknik di halaman taman.
"""))
    (root / "regulations/perubahan-pertama.yaml").write_text(textwrap.dedent(NEW + ENACTED).lstrip(),
                                                             encoding="utf-8")
    return root


def test_rancang_build_writes_the_companions_of_every_amendment(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    (root / "regulations/perwali-pasar.yaml").write_text(UNAMENDED, encoding="utf-8")
    (root / "kb/index.md").write_text("# Uji\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["build", "--no-pdf"]) == 0
    out = capsys.readouterr().out
    written = sorted(line.removeprefix("Ditulis: ") for line in out.splitlines()
                     if line.startswith(f"Ditulis: {DOCUMENTS}/"))
    assert written == [f"{DOCUMENTS}/{name}" for name in (
        "perubahan-taman-lacak.docx", "perubahan-taman-matriks.docx", "perubahan-taman.docx",
        "perwali-pasar.docx", "perwali-taman-terintegrasi.docx", "perwali-taman.docx")]
    for name in written:
        assert (root / name).is_file()
    # each is what it says: the Perubahan, the matrix, the tracked text, the consolidated text
    assert ("PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR 3 TAHUN 2024 TENTANG TATA TERTIB TAMAN KOTA",
            "Judul Peraturan") in _paragraphs(root / DOCUMENTS / "perubahan-taman.docx")
    assert _paragraphs(root / DOCUMENTS / "perubahan-taman-matriks.docx")[0] == ("MATRIKS PERBANDINGAN",
                                                                                 "Judul Matriks")
    assert _paragraphs(root / DOCUMENTS / "perubahan-taman-lacak.docx")[0][0] == "NASKAH DENGAN LACAK PERUBAHAN"
    assert _paragraphs(root / DOCUMENTS / "perwali-taman-terintegrasi.docx")[0][0] == "NASKAH TERINTEGRASI"


def test_the_jobs_of_the_companions(tmp_path, monkeypatch):
    root = _two_amendments(tmp_path)
    monkeypatch.chdir(root)
    data = check_project(root).data
    folder = root / DOCUMENTS
    assert [(job.kind, job.record_id, job.target.name) for job in companion_jobs(data, folder)] == [
        ("matriks", "perubahan-pertama", "perubahan-pertama-matriks.docx"),
        ("lacak", "perubahan-pertama", "perubahan-pertama-lacak.docx"),
        ("matriks", "perubahan-taman", "perubahan-taman-matriks.docx"),
        ("lacak", "perubahan-taman", "perubahan-taman-lacak.docx"),
        ("terintegrasi", "perwali-taman", "perwali-taman-terintegrasi.docx"),
    ]


@pytest.mark.parametrize("given", ["perwali-taman", "perubahan-taman"])
def test_terintegrasi_from_the_regulation_or_its_amendment(tmp_path, monkeypatch, capsys, given):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", f"regulations/{given}.yaml", "--terintegrasi"]) == 0
    assert capsys.readouterr().out == f"Ditulis: {DOCUMENTS}/perwali-taman-terintegrasi.docx\n"
    lines = _paragraphs(root / DOCUMENTS / "perwali-taman-terintegrasi.docx")
    assert [text for text, style in lines if style == "Keterangan Naskah"][0] == "NASKAH TERINTEGRASI"
    body = lines[[text for text, _ in lines].index("Pasal 1"):]
    marked = "Catatan Perubahan"
    # each changed, deleted or inserted element is followed by its note, in the note's own style
    notes = [(body[index - 1][0], text) for index, (text, style) in enumerate(body) if style == marked]
    assert [element for element, _note in notes] == ["(2)\tTaman kota ditutup pukul 22.00.", "Dihapus.",
                                                     "Pengunjung dapat bersepeda di jalur yang disediakan."]
    assert all("Rancangan Peraturan Wali Kota Sukamaju tentang Perubahan atas" in note for _element, note in notes)
    assert ("Pasal 4", "Judul Pasal") in body and ("Pasal 4A", "Judul Pasal") in body


def test_terintegrasi_of_a_regulation_nobody_amends_is_refused(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    (root / "regulations/perwali-pasar.yaml").write_text(UNAMENDED, encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perwali-pasar.yaml", "--terintegrasi"]) == 1
    assert capsys.readouterr().err.startswith(
        "regulations/perwali-pasar.yaml:1:1: P404: naskah terintegrasi hanya dibuat untuk peraturan yang diubah: "
        "tidak ada berkas di regulations/ yang mengubah peraturan ini dengan naskah utuh")
    assert not (root / DOCUMENTS / "perwali-pasar-terintegrasi.docx").exists()


def test_the_second_amendment_is_compared_with_the_first(tmp_path, monkeypatch):
    root = _two_amendments(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "--matriks"]) == 0
    (table,) = docx.Document(str(root / DOCUMENTS / "perubahan-taman-matriks.docx")).tables
    assert [[[p.text for p in cell.paragraphs] for cell in row.cells] for row in table.rows[1:]] == [
        [["1."], ["Tidak ada."], ["Pasal 4B", "Pengunjung dapat berpiknik di halaman taman."],
         ["Disisipkan", "Pasal I",
          "Di antara Pasal 4A dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4B."]]]
    assert main(["draft", "regulations/perubahan-taman.yaml", "--terintegrasi"]) == 0
    lines = _paragraphs(root / DOCUMENTS / "perwali-taman-terintegrasi.docx")
    body = [text for text, _style in lines[[text for text, _ in lines].index("Pasal 1"):]]
    assert body[body.index("Pasal 4"):body.index("Pasal 5")] == [
        "Pasal 4", "Dihapus.", "[Dihapus dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025]",
        "Pasal 4A", "Pengunjung dapat bersepeda di jalur yang disediakan.",
        "[Disisipkan dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025]",
        "Pasal 4B", "Pengunjung dapat berpiknik di halaman taman.",
        "[Disisipkan dengan Rancangan Peraturan Wali Kota Sukamaju tentang Perubahan Kedua atas Peraturan Wali "
        "Kota Sukamaju Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota]"]


@needs_libreoffice
@pytest.mark.slow
def test_libreoffice_converts_the_perubahan_and_its_companions(tmp_path, monkeypatch):
    root = project(tmp_path)
    (root / "kb/index.md").write_text("# Uji\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    expected = {
        "perubahan-taman.pdf": ["PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU", "Pasal I", "Pasal 4 dihapus."],
        "perubahan-taman-matriks.pdf": ["MATRIKS PERBANDINGAN", "Ketentuan Lama", "Tidak ada."],
        "perubahan-taman-lacak.pdf": ["NASKAH DENGAN LACAK PERUBAHAN", "pada malam hari", "pukul 22.00"],
        "perwali-taman-terintegrasi.pdf": ["NASKAH TERINTEGRASI", "SEBAGAIMANA TELAH DIUBAH DENGAN", "Pasal 4A"],
    }
    for name, words in expected.items():
        pdf = root / DOCUMENTS / name
        assert pdf.is_file(), name
        text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        for word in words:
            assert word in text, (name, word)


def test_a_template_without_the_consolidated_styles_is_warned_about_and_still_used(tmp_path, monkeypatch, capsys):
    from support import REPO
    from test_old_templates import _without_styles

    root = project(tmp_path)
    (root / "templates").mkdir()
    template = root / "templates/peraturan-kepala-daerah.docx"
    template.write_bytes((REPO / "templates/peraturan-kepala-daerah.docx").read_bytes())
    _without_styles(template, {"Catatan Perubahan", "Keterangan Naskah"})
    monkeypatch.chdir(root)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert main(["draft", "regulations/perubahan-taman.yaml", "--terintegrasi"]) == 0
    assert ("templates/peraturan-kepala-daerah.docx: P414: peringatan: templat belum memiliki gaya bagian peraturan: "
            "Catatan Perubahan (diganti Lanjutan Ayat), Keterangan Naskah (diganti Isi Pasal); isinya ditulis dengan "
            "gaya isi biasa atau gaya penggantinya") in out
    lines = _paragraphs(root / DOCUMENTS / "perwali-taman-terintegrasi.docx")
    assert lines[0] == ("NASKAH TERINTEGRASI", "Isi Pasal")
    assert ("[Disisipkan dengan Rancangan Peraturan Wali Kota Sukamaju tentang Perubahan atas Peraturan Wali Kota "
            "Sukamaju Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota]", "Lanjutan Ayat") in lines


def test_a_perda_amendment_has_its_companions_too(tmp_path, monkeypatch, capsys):
    from test_amendment_docx18 import OLD

    def perda(text: str) -> str:
        return text.replace("    tentang:", "    jenis: peraturan_daerah\n    tentang:", 1).replace(
            "nomor_berita_daerah", "nomor_lembaran_daerah")

    root = project(tmp_path, new=perda(NEW), old=perda(OLD))
    monkeypatch.chdir(root)
    for flag, name in (("--matriks", "perubahan-taman-matriks"), ("--lacak", "perubahan-taman-lacak"),
                       ("--terintegrasi", "perwali-taman-terintegrasi")):
        assert main(["draft", "regulations/perubahan-taman.yaml", flag]) == 0, capsys.readouterr().err
    lines = _paragraphs(root / DOCUMENTS / "perubahan-taman-matriks.docx")
    assert lines[1:3] == [("RANCANGAN PERATURAN DAERAH KOTA SUKAMAJU", "Judul Matriks"), ("TENTANG", "Judul Matriks")]
    assert lines[3][0].startswith("PERUBAHAN ATAS PERATURAN DAERAH KOTA SUKAMAJU NOMOR 3 TAHUN 2024")
    tracked = [text for text, _style in _paragraphs(root / DOCUMENTS / "perubahan-taman-lacak.docx")]
    assert tracked[1].startswith("Naskah Peraturan Daerah Kota Sukamaju Nomor 3 Tahun 2024 di bawah ini")
    assert "PERATURAN DAERAH KOTA SUKAMAJU" in tracked and "Dengan Persetujuan Bersama" in tracked
    consolidated = [text for text, _style in _paragraphs(root / DOCUMENTS / "perwali-taman-terintegrasi.docx")]
    assert consolidated[0] == "NASKAH TERINTEGRASI" and "Pasal 4A" in consolidated


def test_a_build_of_eight_documents_renders_the_companions_in_workers_too(tmp_path, monkeypatch, capsys):
    from rancang.documents import document_workers

    root = _two_amendments(tmp_path)
    (root / "kb/index.md").write_text("# Uji\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["build", "--no-pdf"]) == 0
    written = sorted(line.removeprefix(f"Ditulis: {DOCUMENTS}/") for line in capsys.readouterr().out.splitlines()
                     if line.startswith(f"Ditulis: {DOCUMENTS}/"))
    assert written == ["perubahan-pertama-lacak.docx", "perubahan-pertama-matriks.docx", "perubahan-pertama.docx",
                       "perubahan-taman-lacak.docx", "perubahan-taman-matriks.docx", "perubahan-taman.docx",
                       "perwali-taman-terintegrasi.docx", "perwali-taman.docx"]
    if document_workers(len(written)) > 1:  # forked workers made them: the same documents as `rancang draft`
        assert main(["draft", "regulations/perubahan-taman.yaml", "--matriks", "-o", "lagi.docx"]) == 0
        assert _paragraphs(root / "lagi.docx") == _paragraphs(root / DOCUMENTS / "perubahan-taman-matriks.docx")
