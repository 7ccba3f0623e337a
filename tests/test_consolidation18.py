"""The consolidated text (naskah terintegrasi) of a regulation and its whole-text amendments.

Synthetic region and regulation (tests/test_amendment_docx18.py): the enacted Perwali has four Pasal; the
amendment changes ayat (2) of Pasal 2, deletes Pasal 4 and adds Pasal 4A.
"""

from __future__ import annotations

import textwrap

from rancang.check import check_project
from rancang.drafting import consolidation
from rancang.drafting.tree import Article, plain

from test_amendment_docx18 import NEW, project

ENACTED = ("nomor: 9\ntahun: 2025\npenetapan: {tanggal: 2025-01-10}\n"
           "pengundangan: {tanggal: 2025-01-11, nomor_berita_daerah: 9}\n")
SHORT = "Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025"


def _data(root, monkeypatch):
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert not checked.report.errors, checked.report.errors
    return checked.data


def _enacted_project(tmp_path):
    root = project(tmp_path)
    (root / "regulations/perubahan-taman.yaml").write_text(textwrap.dedent(NEW).lstrip() + ENACTED, encoding="utf-8")
    return root


def _body(document):
    """(anchor, label, texts, marks as (action, text, target)) of every Pasal, ayat and huruf, in order."""
    out = []
    for article in document.articles():
        out.append((article.anchor, article.label, [(m.action, m.text, m.target) for m in article.marks]))
        for clause in article.clauses:
            if clause.label is not None:
                out.append((clause.anchor, f"{clause.label} {plain(clause.text)}",
                            [(m.action, m.text, m.target) for m in clause.marks]))
            elif clause.text:
                out.append((clause.anchor, plain(clause.text), []))
    return out


def test_the_consolidated_text_marks_each_change_and_keeps_deleted_numbers(tmp_path, monkeypatch):
    data = _data(_enacted_project(tmp_path), monkeypatch)
    history = consolidation.history("perwali-taman", data)
    assert [(s.record_id, s.citation, s.ordinal) for s in history.steps] == [
        ("perwali-taman", "Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024", 0),
        ("perubahan-taman", SHORT, 1)]
    assert history.before("perubahan-taman").record_id == "perwali-taman"
    assert consolidation.history_of("perubahan-taman", data).base_id == "perwali-taman"
    document = history.consolidated()
    changed, deleted, inserted = (f"{verb} dengan {SHORT}" for verb in ("Diubah", "Dihapus", "Disisipkan"))
    assert _body(document) == [
        ("pasal-1", "Pasal 1", []), ("pasal-1", "Taman kota terbuka untuk umum.", []),
        ("pasal-2", "Pasal 2", []),
        ("pasal-2-ayat-1", "(1) Taman kota dibuka setiap hari.", []),
        ("pasal-2-ayat-2", "(2) Taman kota ditutup pukul 22.00.",
         [("ubah", changed, "perubahan-taman#pasal-1-perubahan-1")]),
        ("pasal-3", "Pasal 3", []), ("pasal-3", "Setiap pengunjung menjaga kebersihan taman.", []),
        ("pasal-4", "Pasal 4", [("hapus", deleted, "perubahan-taman#pasal-1-perubahan-2")]),
        ("pasal-4", "Dihapus.", []),
        ("pasal-4a", "Pasal 4A", [("sisip", inserted, "perubahan-taman#pasal-1-perubahan-3")]),
        ("pasal-4a", "Pengunjung dapat bersepeda di jalur yang disediakan.", []),
        ("pasal-5", "Pasal 5", []), ("pasal-5", "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.", []),
    ]
    assert document.title == ["PERATURAN WALI KOTA SUKAMAJU", "NOMOR 3 TAHUN 2024", "TENTANG",
                              "TATA TERTIB TAMAN KOTA",
                              "SEBAGAIMANA TELAH DIUBAH DENGAN PERATURAN WALI KOTA SUKAMAJU NOMOR 9 TAHUN 2025"]
    assert document.notice[0] == "NASKAH TERINTEGRASI"
    assert document.notice[1].startswith(
        "Naskah ini menyatukan Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota "
        f"sebagaimana telah diubah dengan {SHORT}.")
    assert "bukan naskah resmi" in document.notice[2] and document.notice[2].endswith(
        "diundangkan dalam Berita Daerah Kota Sukamaju.")
    assert len(document.notice) == 3  # every version enacted: no word about drafts
    # the frame is the base regulation's
    base = history.steps[0].document
    assert document.considerations == base.considerations and document.enactment == base.enactment
    # the steps themselves carry no marks (they are what the Perubahan and the matrix compare)
    assert not any(a.marks for a in history.steps[-1].document.articles())


def test_a_regulation_nothing_amends_has_no_history(tmp_path, monkeypatch):
    data = _data(project(tmp_path), monkeypatch)
    assert consolidation.history("perubahan-taman", data) is None
    assert consolidation.history("tidak-ada", data) is None


def test_a_draft_amendment_is_named_as_a_rancangan(tmp_path, monkeypatch):
    data = _data(project(tmp_path), monkeypatch)
    document = consolidation.history_of("perwali-taman", data).consolidated()
    assert document.title[-1] == (
        "SEBAGAIMANA TELAH DIUBAH DENGAN RANCANGAN PERATURAN WALI KOTA SUKAMAJU TENTANG PERUBAHAN ATAS PERATURAN "
        "WALI KOTA SUKAMAJU NOMOR 3 TAHUN 2024 TENTANG TATA TERTIB TAMAN KOTA")
    assert document.notice[-1] == "Naskah ini memuat rancangan yang belum ditetapkan; isinya masih dapat berubah."
    deleted = next(a for a in document.articles() if a.label == "Pasal 4")
    assert isinstance(deleted, Article) and [plain(c.text) for c in deleted.clauses] == ["Dihapus."]


# -- the golden outline of an example amendment of the Parepare Perwali -------------------------------------------

import os  # noqa: E402
from pathlib import Path  # noqa: E402

from rancang.drafting import amendment, versions  # noqa: E402

GOLDEN = Path(__file__).parent / "golden/perubahan/outline.txt"

# SYNTHETIC, TEST-ONLY: the bundled Parepare draft is given a number, a year and dates so that it can be amended.
# No such regulation was enacted; these values are never shipped in the example.
ENACT_PAREPARE = {
    "penetapan:\n  tempat: Parepare\n": "nomor: 99\ntahun: 2099\npenetapan:\n  tempat: Parepare\n  tanggal: 2099-01-05\n",
    "pengundangan:\n  tempat: Parepare\n": "pengundangan:\n  tempat: Parepare\n  tanggal: 2099-01-06\n"
                                          "  nomor_berita_daerah: 99\n",
}

# The amendment: the Perwali copied and edited (synthetic texts, written for this test).
EDITS = {
    # an ayat changed (Pasal tim independen, ayat (2))
    "              - Tim Independen dikoordinasikan oleh kepala Bappeda.\n":
        "              - Tim Independen dikoordinasikan oleh Sekretaris Daerah.\n",
    # a Pasal inserted after the Pasal on penetapan
    """              ditetapkan oleh Wali Kota sebagai Inovasi Daerah yang akan dilaksanakan.
""": """              ditetapkan oleh Wali Kota sebagai Inovasi Daerah yang akan dilaksanakan.
          - id: pasal-pengumuman-penetapan
            teks: Wali Kota mengumumkan Inovasi Daerah yang telah ditetapkan melalui laman resmi Pemerintah Daerah.
""",
    # an ayat inserted between ayat (2) and ayat (3)
    """              - Bappeda mengoordinasikan, memverifikasi, dan mengevaluasi uji coba Inovasi Daerah.
""": """              - Bappeda mengoordinasikan, memverifikasi, dan mengevaluasi uji coba Inovasi Daerah.
              - Uji coba Inovasi Daerah dilaksanakan paling lama 1 (satu) tahun.
""",
    # a huruf inserted between huruf c and huruf d of the criteria
    """                - merupakan urusan pemerintahan yang menjadi kewenangan Daerah
""": """                - dapat diukur hasilnya
                - merupakan urusan pemerintahan yang menjadi kewenangan Daerah
""",
    # a Pasal deleted (the reporting Pasal; nothing refers to it from outside)
    """      - id: pasal-pelaporan
        ayat:
          - id: laporan-kepada-menteri
            teks: Wali Kota melaporkan penerapan Inovasi Daerah kepada Menteri.
          - >-
            Laporan [[laporan-kepada-menteri]] disampaikan dengan mengisi data Indeks Inovasi
            Daerah sesuai dengan ketentuan peraturan perundang-undangan.
""": "",
    # a BAB inserted before PENDANAAN
    """  - bab: PENDANAAN
""": """  - bab: PEMBINAAN
    id: bab-pembinaan
    isi:
      - id: pasal-pembinaan
        teks: Sekretaris Daerah membina penyelenggaraan Inovasi Daerah di lingkungan Perangkat Daerah.

  - bab: PENDANAAN
""",
}


def _parepare_amendment(root: Path) -> None:
    source = root / "regulations/perwali-inovasi-daerah.yaml"
    text = source.read_text(encoding="utf-8")
    enacted = text
    for old, new in ENACT_PAREPARE.items():
        assert enacted.count(old) == 1, old
        enacted = enacted.replace(old, new)
    source.write_text(enacted, encoding="utf-8")
    edited = text.replace("tentang: Inovasi Daerah\n", "tentang: Inovasi Daerah\nmengubah: perwali-inovasi-daerah\n", 1)
    for old, new in EDITS.items():
        assert edited.count(old) == 1, old
        edited = edited.replace(old, new)
    (root / "regulations/perubahan-inovasi-daerah.yaml").write_text(edited, encoding="utf-8")


def _golden_text(pasal_i: list[str], outline: versions.Outline) -> str:
    lines = ["# Pasal I", *pasal_i, "", "# Naskah terintegrasi (label | teks)"]
    lines += [f"{' > '.join(path)} | {text}".replace("\n", " // ") for path, text in outline]
    return "\n".join(lines) + "\n"


def test_golden_outline_of_an_amendment_of_the_parepare_perwali(example_copy):
    root = example_copy
    _parepare_amendment(root)
    checked = check_project(root)
    assert not checked.report.errors, [d.format() for d in checked.report.errors]
    document = checked.drafts["perubahan-inovasi-daerah"].document
    pasal_i = [f"{c.label} {plain(c.text)}" for c in document.body[0].changes]
    history = consolidation.history("perwali-inovasi-daerah", checked.data)
    step = history.step("perubahan-inovasi-daerah")
    outline = step.versions.outline()
    text = _golden_text(pasal_i, outline)
    if os.environ.get("REGENERATE") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    # every kind of change is there, once
    kinds = sorted(point.action + ":" + point.level for point in step.versions.points())
    assert kinds == ["hapus:pasal", "sisip:ayat", "sisip:bab", "sisip:huruf", "sisip:pasal", "ubah:ayat"], kinds
    # applying the points to the old text gives the new text; the consolidated text reads the same
    old = history.before("perubahan-inovasi-daerah").document
    assert versions.apply(old, step.versions.points()) == outline
    assert versions.outline_of(versions.elements(history.consolidated())) == outline
    found = amendment.compared("perubahan-inovasi-daerah", checked.data)
    assert versions.outline_of(versions.elements(found.old_document)) == versions.outline_of(versions.elements(old))
