"""The Perubahan from a whole edited text (``mengubah:`` naming a regulation file), as DOCX.

A synthetic region and regulation (nothing here is a real regulation): the enacted version has four Pasal,
the edited one changes ayat (2) of Pasal 2, deletes Pasal 4 and adds a Pasal after it (Pasal 4A).
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
from rancang.drafting import amendment
from rancang.drafting.tree import plain

from support import needs_libreoffice

ROOT = Path(__file__).resolve().parents[1]

SETTINGS = "daerah: {jenis: kota, nama: Sukamaju, provinsi: Nusa Contoh}\n"
CATALOGUE = "- {id: uud-1945, jenis: UUD, tahun: 1945, terkonfirmasi: true}\n"

OLD = """
    tentang: Tata Tertib Taman Kota
    nomor: 3
    tahun: 2024
    menimbang: [bahwa taman kota perlu ditata]
    mengingat: [uud-1945]
    batang_tubuh:
      - id: pasal-taman
        teks: Taman kota terbuka untuk umum.
      - id: pasal-jam
        ayat:
          - id: jam-buka
            teks: Taman kota dibuka setiap hari.
          - id: jam-tutup
            teks: Taman kota ditutup pada malam hari.
      - id: pasal-kebersihan
        teks: Setiap pengunjung menjaga kebersihan taman.
      - id: pasal-hewan
        teks: Hewan peliharaan dilarang masuk taman.
    penetapan:
      tanggal: 2024-02-01
    pengundangan:
      tanggal: 2024-02-02
      nomor_berita_daerah: 3
"""

NEW = """
    tentang: Tata Tertib Taman Kota
    mengubah: perwali-taman
    menimbang: [bahwa tata tertib taman kota perlu disesuaikan]
    mengingat: [uud-1945]
    batang_tubuh:
      - id: pasal-taman
        teks: Taman kota terbuka untuk umum.
      - id: pasal-jam
        ayat:
          - id: jam-buka
            teks: Taman kota dibuka setiap hari.
          - id: jam-tutup
            teks: Taman kota ditutup pukul 22.00.
      - id: pasal-kebersihan
        teks: Setiap pengunjung menjaga kebersihan taman.
      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
"""


def project(tmp_path: Path, new: str = NEW, old: str = OLD) -> Path:
    (tmp_path / "rancang.yaml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb/dasar-hukum.yaml").write_text(CATALOGUE, encoding="utf-8")
    (tmp_path / "regulations").mkdir()
    (tmp_path / "regulations/perwali-taman.yaml").write_text(textwrap.dedent(old).lstrip(), encoding="utf-8")
    (tmp_path / "regulations/perubahan-taman.yaml").write_text(textwrap.dedent(new).lstrip(), encoding="utf-8")
    return tmp_path


CITATION = ("Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota "
            "(Berita Daerah Kota Sukamaju Tahun 2024 Nomor 3)")


def test_the_perubahan_is_built_from_the_two_versions(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert not checked.report.errors, checked.report.errors
    drafted = checked.drafts["perubahan-taman"]
    assert drafted.problems == []
    document = drafted.document
    assert document.title == ["RANCANGAN", "PERATURAN WALI KOTA SUKAMAJU", "NOMOR ... TAHUN ...", "TENTANG",
                              "PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR 3 TAHUN 2024 TENTANG TATA TERTIB "
                              "TAMAN KOTA"]
    assert [a.label for a in document.body] == ["Pasal I", "Pasal II"]
    first, second = document.body
    assert plain(first.clauses[0].text) == f"Beberapa ketentuan dalam {CITATION} diubah sebagai berikut:"
    changes = [(c.label, plain(c.text), [plain(q.text) for q in c.quoted]) for c in first.changes]
    assert changes == [
        ("1.", "Ketentuan ayat (2) Pasal 2 diubah sehingga berbunyi sebagai berikut:",
         ["Pasal 2", "(1) Taman kota dibuka setiap hari.", "(2) Taman kota ditutup pukul 22.00."]),
        ("2.", "Pasal 4 dihapus.", []),
        # the new Pasal follows the deleted one, before the closing Pasal 5 (mulai berlaku) the engine adds
        ("3.", "Di antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A sehingga berbunyi sebagai "
               "berikut:",
         ["Pasal 4A", "Pengunjung dapat bersepeda di jalur yang disediakan."]),
    ]
    assert [q.heading for q in first.changes[2].quoted] == [True, False]
    assert plain(second.clauses[0].text) == "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan."
    assert plain(document.legal_bases[-1].text) == CITATION + ";"
    assert plain(document.considerations[-1].text).endswith(
        "perlu menetapkan Peraturan Wali Kota tentang Perubahan atas Peraturan Wali Kota Sukamaju Nomor 3 Tahun "
        "2024 tentang Tata Tertib Taman Kota;")
    assert document.enact_text == ("PERATURAN WALI KOTA TENTANG PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU "
                                   "NOMOR 3 TAHUN 2024 TENTANG TATA TERTIB TAMAN KOTA.")
    # the enacted regulation itself is built as before, by position
    assert [a.label for a in checked.drafts["perwali-taman"].document.articles()][:4] == [
        "Pasal 1", "Pasal 2", "Pasal 3", "Pasal 4"]


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return [(p.text.strip(), p.style.name) for p in document.paragraphs if p.text.strip()]


def test_rancang_draft_writes_the_perubahan_as_docx_in_order(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "-o", "keluar/perubahan.docx"]) == 0
    assert capsys.readouterr().out == "Ditulis: keluar/perubahan.docx\n"
    lines = _paragraphs(root / "keluar/perubahan.docx")
    assert lines[2:7] == [
        ("RANCANGAN", "Judul Peraturan"), ("PERATURAN WALI KOTA SUKAMAJU", "Judul Peraturan"),
        ("NOMOR ... TAHUN ...", "Judul Peraturan"), ("TENTANG", "Judul Peraturan"),
        ("PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR 3 TAHUN 2024 TENTANG TATA TERTIB TAMAN KOTA",
         "Judul Peraturan")]
    body = lines[[text for text, _style in lines].index("Pasal I"):]
    assert body[:13] == [
        ("Pasal I", "Judul Pasal"),
        (f"Beberapa ketentuan dalam {CITATION} diubah sebagai berikut:", "Isi Pasal"),
        ("1.\tKetentuan ayat (2) Pasal 2 diubah sehingga berbunyi sebagai berikut:", "Rincian 1"),
        ("Pasal 2", "Judul Naskah Perubahan"),
        ("(1) Taman kota dibuka setiap hari.", "Naskah Perubahan"),
        ("(2) Taman kota ditutup pukul 22.00.", "Naskah Perubahan"),
        ("2.\tPasal 4 dihapus.", "Rincian 1"),
        ("3.\tDi antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A sehingga berbunyi sebagai "
         "berikut:", "Rincian 1"),
        ("Pasal 4A", "Judul Naskah Perubahan"),
        ("Pengunjung dapat bersepeda di jalur yang disediakan.", "Naskah Perubahan"),
        ("Pasal II", "Judul Pasal"),
        ("Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.", "Isi Pasal"),
        ("Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Wali Kota ini dengan "
         "penempatannya dalam Berita Daerah Kota Sukamaju.", "Penutup"),
    ]


def test_a_catalogue_amendment_keeps_its_hand_written_pasal_i(tmp_path, monkeypatch):
    catalogue_form = """
        tentang: Perubahan atas Tata Tertib
        mengubah: uud-1945
        menimbang: [bahwa perlu diubah]
        mengingat: [uud-1945]
        batang_tubuh:
          - perubahan:
              - teks: "Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:"
                naskah: |
                  Pasal 2
                  Taman kota dibuka.
          - teks: Peraturan ini mulai berlaku pada tanggal diundangkan.
    """
    root = project(tmp_path, new=catalogue_form)
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert not checked.report.errors, checked.report.errors
    data = checked.data
    assert amendment.amended_regulation(data.regulations["perubahan-taman"], data.regulations) is None
    first = checked.drafts["perubahan-taman"].document.body[0]
    assert [plain(c.text) for c in first.changes] == ["Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:"]


def test_an_unknown_mengubah_names_the_closest_regulation(tmp_path, monkeypatch):
    root = project(tmp_path, new=NEW.replace("mengubah: perwali-taman", "mengubah: perwali-tamn"))
    monkeypatch.chdir(root)
    found = [d for d in check_project(root).report.errors if d.code == "R301"]
    assert len(found) == 1
    assert "perwali-tamn" in found[0].message and "'perwali-taman'" in (found[0].suggestion or "")


def test_amending_a_draft_is_still_generated_with_a_located_warning(tmp_path, monkeypatch):
    draft_old = "\n".join(line for line in OLD.splitlines() if "nomor: 3" not in line and "tahun: 2024" not in line)
    root = project(tmp_path, old=draft_old)
    monkeypatch.chdir(root)
    checked = check_project(root)
    warnings = [d for d in checked.report.warnings if d.code == "R307"]
    assert len(warnings) == 1
    assert warnings[0].message.startswith("mengubah rancangan yang belum ditetapkan")
    assert warnings[0].location.path == "regulations/perubahan-taman.yaml" and warnings[0].location.line == 2
    assert checked.drafts["perubahan-taman"].document.title[-1].startswith(
        "PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR ... TAHUN ...")


def test_a_second_enacted_amendment_is_the_perubahan_kedua(tmp_path, monkeypatch):
    root = project(tmp_path)
    first = textwrap.dedent(NEW).lstrip() + ("nomor: 9\ntahun: 2025\npenetapan: {tanggal: 2025-01-10}\n"
                                             "pengundangan: {tanggal: 2025-01-11, nomor_berita_daerah: 9}\n")
    (root / "regulations/perubahan-pertama.yaml").write_text(first, encoding="utf-8")
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert checked.drafts["perubahan-taman"].document.title[-1].startswith("PERUBAHAN KEDUA ATAS PERATURAN")
    assert checked.drafts["perubahan-pertama"].document.title[-1].startswith("PERUBAHAN ATAS PERATURAN")


@needs_libreoffice
@pytest.mark.slow
def test_libreoffice_converts_the_perubahan(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "--pdf"]) == 0
    pdf = root / "_build/dokumen/perubahan-taman.pdf"
    assert pdf.is_file()
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for line in ("PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU", "Pasal I", "Pasal 4 dihapus.", "Pasal 4A",
                 "Pasal II"):
        assert line in text, line


def test_an_inserted_ayat_with_huruf_is_quoted_with_its_frozen_labels(tmp_path, monkeypatch):
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
    # 3 of the 5 enacted Pasal touched (NEW's changes and this insertion): Lampiran II's advice to redraft
    assert [d.code for d in checked.report.sorted()] == ["L630"]
    change = checked.drafts["perubahan-taman"].document.body[0].changes[0]
    # an ayat changed and one inserted in the same Pasal: the whole Pasal is replaced (versions' rule)
    assert plain(change.text) == "Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:"
    assert [(q.heading, plain(q.text)) for q in change.quoted] == [
        (True, "Pasal 2"), (False, "(1) Taman kota dibuka setiap hari."),
        (False, "(1a) Pada hari libur taman kota dibuka untuk:"), (False, "a. keluarga; dan"),
        (False, "b. rombongan sekolah."), (False, "(2) Taman kota ditutup pukul 22.00.")]


def test_a_change_that_cannot_be_written_is_a_located_error(tmp_path, monkeypatch):
    # a new Pasal before the first one, which is still there (its id says so): no number exists for it
    new = NEW.replace("""      - id: pasal-taman
""", """      - id: pasal-pembuka
        teks: Taman kota dikelola oleh pemerintah daerah.
      - id: pasal-taman
""")
    root = project(tmp_path, new=new)
    monkeypatch.chdir(root)
    checked = check_project(root)
    found = [d for d in checked.report.errors if d.code == "R308"]
    assert len(found) == 1
    assert found[0].message.startswith("perubahan tidak dapat dirumuskan: ")
    assert (found[0].location.path, found[0].location.line) == ("regulations/perubahan-taman.yaml", 2)


def test_an_unedited_copy_changes_nothing_and_says_so(tmp_path, monkeypatch):
    copy = "\n".join(line for line in OLD.splitlines()
                     if not line.strip().startswith(("nomor:", "tahun:", "penetapan:", "pengundangan:", "tanggal:",
                                                      "nomor_berita_daerah:")))
    root = project(tmp_path, new=copy.replace("tentang: Tata Tertib Taman Kota",
                                              "tentang: Tata Tertib Taman Kota\n    mengubah: perwali-taman"))
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert not checked.report.errors
    found = [d for d in checked.report.warnings if d.code == "R309"]
    assert [(d.message, d.location.line) for d in found] == [
        ("naskah ini sama dengan 'perwali-taman': tidak ada yang diubah", 2)]
    assert checked.drafts["perubahan-taman"].document.body[0].changes == []


def test_the_site_page_shows_the_perubahan(tmp_path, monkeypatch):
    from support import build_site_of

    root = project(tmp_path)
    (root / "kb/index.md").write_text("# Uji\n", encoding="utf-8")
    monkeypatch.chdir(root)
    site, warnings = build_site_of(root)
    assert warnings == ""
    page = (site / "regulations/perubahan-taman.html").read_text(encoding="utf-8")
    positions = [page.index(text) for text in (
        "PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR 3 TAHUN 2024", "Pasal I", "Beberapa ketentuan dalam",
        "Ketentuan ayat (2) Pasal 2 diubah", "Pasal 4 dihapus.", "Pasal 4A", "Pasal II")]
    assert positions == sorted(positions)
