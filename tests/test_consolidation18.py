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
