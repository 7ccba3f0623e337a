"""Linter rules for amendments: L630 (a whole-text Perubahan touching more than half of the enacted Pasal), L631
(a hand-written naskah repeating the enacted Pasal).

The synthetic region and regulations of tests/test_amendment_docx18.py (nothing here is a real regulation): the
enacted version has five Pasal (four written, the closing one the engine adds).
"""

from __future__ import annotations

from pathlib import Path

from rancang.check import check_project
from rancang.cli import main
from rancang.diagnostics import Severity
from rancang.lint.registry import RULES

from test_amendment_docx18 import NEW, OLD, project

ONE_AYAT = OLD.replace("Taman kota ditutup pada malam hari.", "Taman kota ditutup pukul 22.00.").replace(
    "tentang: Tata Tertib Taman Kota", "tentang: Tata Tertib Taman Kota\n    mengubah: perwali-taman")
"""The edited text changing only ayat (2) of Pasal 2: 1 of 5 Pasal."""

ONE_AYAT = "\n".join(line for line in ONE_AYAT.splitlines()
                     if not line.strip().startswith(("nomor:", "tahun:", "penetapan:", "pengundangan:", "tanggal:",
                                                     "nomor_berita_daerah:")))

MESSAGE = ("perubahan ini menyentuh 3 pasal (1 diubah, 1 dihapus, 1 disisipkan) dari 5 pasal 'perwali-taman': "
           "lebih dari separuh")


def l630(root: Path) -> list:
    return [d for d in check_project(root).report.sorted() if d.code == "L630"]


def test_more_than_half_of_the_pasal_touched_is_reported_at_mengubah(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    found = l630(root)
    assert [(d.message, d.location.path, d.location.line, d.severity) for d in found] == [
        (MESSAGE, "regulations/perubahan-taman.yaml", 2, Severity.WARNING)]
    assert found[0].suggestion.startswith("susun peraturan baru yang mencabut 'perwali-taman'")
    assert RULES["L630"].severity is Severity.WARNING


def test_half_or_less_is_not_reported(tmp_path, monkeypatch):
    root = project(tmp_path, new=ONE_AYAT)
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert checked.report.sorted() == []
    assert len(checked.drafts["perubahan-taman"].document.body[0].changes) == 1
    # two of the five Pasal (2 * 2 <= 5) is still not more than half
    two = ONE_AYAT.replace("Hewan peliharaan dilarang masuk taman.", "Hewan peliharaan wajib dituntun.")
    (tmp_path / "dua").mkdir()
    root2 = project(tmp_path / "dua", new=two)
    monkeypatch.chdir(root2)
    assert l630(root2) == []


def test_three_of_five_touched_by_changes_alone_is_reported(tmp_path, monkeypatch):
    three = ONE_AYAT.replace("Hewan peliharaan dilarang masuk taman.", "Hewan peliharaan wajib dituntun.").replace(
        "Setiap pengunjung menjaga kebersihan taman.", "Setiap pengunjung wajib menjaga kebersihan taman.")
    root = project(tmp_path, new=three)
    monkeypatch.chdir(root)
    assert [d.message for d in l630(root)] == [
        "perubahan ini menyentuh 3 pasal (3 diubah, 0 dihapus, 0 disisipkan) dari 5 pasal 'perwali-taman': "
        "lebih dari separuh"]


def test_a_regulation_without_mengubah_is_not_examined(tmp_path, monkeypatch):
    root = project(tmp_path, new=OLD.replace("tentang: Tata Tertib Taman Kota", "tentang: Taman Lain"))
    monkeypatch.chdir(root)
    assert l630(root) == []


def test_draft_writes_the_perubahan_and_prints_the_finding(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "-o", "keluar/perubahan.docx"]) == 0
    out, err = capsys.readouterr()
    assert out == "Ditulis: keluar/perubahan.docx\n"
    assert "regulations/perubahan-taman.yaml:2:" in err and ": L630: " in err and MESSAGE in err
    assert (root / "keluar/perubahan.docx").is_file()


def test_draft_strict_refuses(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "--strict", "regulations/perubahan-taman.yaml", "-o", "keluar/perubahan.docx"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and ": L630: " in err
    assert not (root / "keluar/perubahan.docx").exists()


HAND_WRITTEN = """
    tentang: Perubahan atas Tata Tertib Taman Kota
    mengubah: {target}
    menimbang: [bahwa tata tertib taman kota perlu disesuaikan]
    mengingat: [uud-1945]
    batang_tubuh:
      - perubahan:
          - teks: "Pasal 4 dihapus."
          - teks: "Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:"
            naskah: |
              Pasal 2
              (1) Taman kota dibuka setiap hari.
              (2) {second}
      - teks: Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def l631(tmp_path: Path, monkeypatch, target: str = "perwali-taman",
         second: str = "Taman  kota ditutup pada MALAM hari.") -> list:
    root = project(tmp_path, new=HAND_WRITTEN.format(target=target, second=second))
    monkeypatch.chdir(root)
    report = check_project(root).report
    assert not report.errors, report.errors
    return [d for d in report.sorted() if d.code == "L631"]


def test_a_hand_written_naskah_repeating_the_enacted_pasal_is_reported_at_it(tmp_path, monkeypatch):
    found = l631(tmp_path, monkeypatch)  # spaces and case are not a change
    assert [(d.message, d.location.path, d.location.line, d.severity) for d in found] == [
        ("naskah butir perubahan 2 sama dengan bunyi Pasal 2 'perwali-taman': tidak ada yang diubah",
         "regulations/perubahan-taman.yaml", 9, Severity.WARNING)]  # the naskah key
    assert found[0].suggestion == "tulis bunyi baru Pasal 2, atau hapus butir perubahan ini"


def test_a_hand_written_naskah_with_a_new_text_is_not_reported(tmp_path, monkeypatch):
    assert l631(tmp_path, monkeypatch, second="Taman kota ditutup pukul 22.00.") == []


def test_a_naskah_against_a_catalogue_entry_is_not_examined(tmp_path, monkeypatch):
    assert l631(tmp_path, monkeypatch, target="uud-1945") == []


def test_a_naskah_quoting_an_ayat_alone_is_not_examined(tmp_path, monkeypatch):
    text = HAND_WRITTEN.replace("""              Pasal 2
""", "").format(target="perwali-taman", second="Taman kota ditutup pada malam hari.")
    root = project(tmp_path, new=text)
    monkeypatch.chdir(root)
    assert [d for d in check_project(root).report.sorted() if d.code == "L631"] == []
