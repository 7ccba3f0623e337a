"""An amendment of an amendment: the second whole-text amendment is compared with the text in force after the
first (frozen labels, deleted elements kept), and a Pasal I with one change point takes Lampiran II's single form.

Synthetic region and regulation (tests/test_amendment_docx18.py): the enacted Perwali has Pasal 1-4 and the
closing Pasal 5.
"""

from __future__ import annotations

import textwrap

import docx

from rancang.check import check_project
from rancang.cli import main
from rancang.drafting import amendment, consolidation, versions
from rancang.drafting.tree import plain

from test_amendment_docx18 import CITATION, OLD, project

FIRST = """
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
            teks: Taman kota ditutup pada malam hari.
      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
      - id: pasal-kebersihan
        teks: Setiap pengunjung menjaga kebersihan taman.
      - id: pasal-hewan
        teks: Hewan peliharaan dilarang masuk taman.
    nomor: 9
    tahun: 2025
    penetapan: {tanggal: 2025-01-10}
    pengundangan: {tanggal: 2025-01-11, nomor_berita_daerah: 9}
"""

# copied from the first amendment and edited: a Pasal after the one it inserted, and Pasal 4 deleted
SECOND = """
    tentang: Tata Tertib Taman Kota
    mengubah: perwali-taman
    menimbang: [bahwa tata tertib taman kota perlu disesuaikan kembali]
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
      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
      - id: pasal-parkir
        teks: Kendaraan pengunjung diparkir di tempat yang disediakan.
      - id: pasal-kebersihan
        teks: Setiap pengunjung menjaga kebersihan taman.
"""

FIRST_CITATION = ("Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025 tentang Perubahan atas Peraturan Wali Kota Sukamaju "
                  "Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota (Berita Daerah Kota Sukamaju Tahun 2025 Nomor 9)")


def _chain(tmp_path, second: str = SECOND):
    root = project(tmp_path, new=second)
    (root / "regulations/perubahan-pertama.yaml").write_text(textwrap.dedent(FIRST).lstrip(), encoding="utf-8")
    return root


def _checked(root, monkeypatch):
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert not checked.report.errors, checked.report.errors
    return checked


def test_the_second_amendment_builds_on_the_first(tmp_path, monkeypatch):
    checked = _checked(_chain(tmp_path), monkeypatch)
    data = checked.data
    history = consolidation.history("perwali-taman", data)
    assert [s.record_id for s in history.steps] == ["perwali-taman", "perubahan-pertama", "perubahan-taman"]
    assert history.before("perubahan-taman").record_id == "perubahan-pertama"
    # the first inserted Pasal 2A; the second inserts after it (2B, nothing renumbered) and deletes Pasal 4
    first = checked.drafts["perubahan-pertama"].document.body[0]
    assert [(c.label, plain(c.text)) for c in first.changes] == [("", "")]  # single form: the lead instructs
    assert plain(first.clauses[0].text) == (
        f"Di antara Pasal 2 dan Pasal 3 dalam {CITATION} disisipkan 1 (satu) pasal, yakni Pasal 2A sehingga "
        "berbunyi sebagai berikut:")
    document = checked.drafts["perubahan-taman"].document
    assert document.title[-1] == ("PERUBAHAN KEDUA ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR 3 TAHUN 2024 TENTANG "
                                  "TATA TERTIB TAMAN KOTA")
    pasal_i = document.body[0]
    assert plain(pasal_i.clauses[0].text) == (
        f"Beberapa ketentuan dalam {CITATION} sebagaimana telah diubah dengan {FIRST_CITATION} diubah sebagai "
        "berikut:")
    assert [(c.label, plain(c.text), [plain(q.text) for q in c.quoted]) for c in pasal_i.changes] == [
        ("1.", "Di antara Pasal 2A dan Pasal 3 disisipkan 1 (satu) pasal, yakni Pasal 2B sehingga berbunyi "
               "sebagai berikut:",
         ["Pasal 2B", "Kendaraan pengunjung diparkir di tempat yang disediakan."]),
        ("2.", "Pasal 4 dihapus.", []),
    ]
    assert plain(document.legal_bases[-1].text) == f"{CITATION} sebagaimana telah diubah dengan {FIRST_CITATION};"
    # the consolidated text: Pasal 4 reads Dihapus. with one mark, 2A the first's mark, 2B the second's
    consolidated = history.consolidated()
    marks = [(label, [(m.action, m.text, m.target) for m in found])
             for _anchor, label, found in consolidation.marked_elements(consolidated)]
    draft = ("Rancangan Peraturan Wali Kota Sukamaju tentang Perubahan Kedua atas Peraturan Wali Kota Sukamaju "
             "Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota")
    assert marks == [
        ("Pasal 2A", [("sisip", "Disisipkan dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025",
                       "perubahan-pertama#pasal-1-perubahan-1")]),
        ("Pasal 2B", [("sisip", f"Disisipkan dengan {draft}", "perubahan-taman#pasal-1-perubahan-1")]),
        ("Pasal 4", [("hapus", f"Dihapus dengan {draft}", "perubahan-taman#pasal-1-perubahan-2")]),
    ]
    assert [(a.anchor, a.label, [plain(c.text) for c in a.clauses]) for a in consolidated.articles()][2:6] == [
        ("pasal-2a", "Pasal 2A", ["Pengunjung dapat bersepeda di jalur yang disediakan."]),
        ("pasal-2b", "Pasal 2B", ["Kendaraan pengunjung diparkir di tempat yang disediakan."]),
        ("pasal-3", "Pasal 3", ["Setiap pengunjung menjaga kebersihan taman."]),
        ("pasal-4", "Pasal 4", ["Dihapus."])]
    assert consolidated.title[-1] == (f"SEBAGAIMANA TELAH DIUBAH DENGAN PERATURAN WALI KOTA SUKAMAJU NOMOR 9 TAHUN "
                                      f"2025 DAN {draft.upper()}")
    # up to the first amendment only
    assert [a.label for a in history.consolidated("perubahan-pertama").articles()] == [
        "Pasal 1", "Pasal 2", "Pasal 2A", "Pasal 3", "Pasal 4", "Pasal 5"]
    # compared() is the chain: the old version is the first amendment's text
    found = amendment.compared("perubahan-taman", data)
    assert [a.label for a in found.old_document.articles()] == [
        "Pasal 1", "Pasal 2", "Pasal 2A", "Pasal 3", "Pasal 4", "Pasal 5"]
    # the points applied to the version before give the new version
    for step in history.steps[1:]:
        before = history.before(step.record_id).document
        assert versions.apply(before, step.versions.points()) == step.versions.outline()


def test_a_deleted_pasal_stays_deleted_and_keeps_its_number(tmp_path, monkeypatch):
    # the first amendment deletes Pasal 4; the second, copied from it, adds a Pasal after Pasal 3
    sepeda = """      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
"""
    first = FIRST.replace(sepeda, "").replace("""      - id: pasal-hewan
        teks: Hewan peliharaan dilarang masuk taman.
""", "")
    parkir = """      - id: pasal-parkir
        teks: Kendaraan pengunjung diparkir di tempat yang disediakan.
"""
    second = SECOND.replace(sepeda, "").replace(parkir, "") + parkir
    assert "pasal-hewan" not in first + second and "pasal-sepeda" not in first + second
    root = project(tmp_path, new=second)
    (root / "regulations/perubahan-pertama.yaml").write_text(textwrap.dedent(first).lstrip(), encoding="utf-8")
    checked = _checked(root, monkeypatch)
    pasal_i = checked.drafts["perubahan-taman"].document.body[0]
    # one point, not "Pasal 4 dihapus." again: the single form
    assert plain(pasal_i.clauses[0].text).startswith(
        "Di antara Pasal 4 dan Pasal 5 dalam Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024")
    assert plain(pasal_i.clauses[0].text).endswith("disisipkan 1 (satu) pasal, yakni Pasal 4A sehingga berbunyi "
                                                   "sebagai berikut:")
    history = consolidation.history("perwali-taman", checked.data)
    outline = history.steps[-1].versions.outline()
    assert [(path, text) for path, text in outline if path[0] in ("Pasal 4", "Pasal 4A")] == [
        (("Pasal 4",), "Dihapus."), (("Pasal 4A",), "Kendaraan pengunjung diparkir di tempat yang disediakan.")]
    marks = [(label, [m.target for m in found])
             for _anchor, label, found in consolidation.marked_elements(history.consolidated())]
    assert marks == [("Pasal 4", ["perubahan-pertama#pasal-1-perubahan-1"]),
                     ("Pasal 4A", ["perubahan-taman#pasal-1-perubahan-1"])]


def test_mengubah_may_name_the_first_amendment(tmp_path, monkeypatch):
    root = _chain(tmp_path, SECOND.replace("mengubah: perwali-taman", "mengubah: perubahan-pertama"))
    checked = _checked(root, monkeypatch)
    assert consolidation.history_of("perubahan-taman", checked.data).base_id == "perwali-taman"
    assert checked.drafts["perubahan-taman"].document.title[-1].startswith(
        "PERUBAHAN KEDUA ATAS PERATURAN WALI KOTA SUKAMAJU NOMOR 3 TAHUN 2024")


SINGLE_CHANGE = OLD.replace("Taman kota ditutup pada malam hari.", "Taman kota ditutup pukul 22.00.")


def _single(body_edit) -> str:
    """A draft amendment: the enacted text copied without its number and dates, mengubah added, then edited."""
    copy = "\n".join(line for line in OLD.splitlines()
                     if not line.strip().startswith(("nomor:", "tahun:", "penetapan:", "pengundangan:", "tanggal:",
                                                      "nomor_berita_daerah:")))
    return body_edit(copy.replace("tentang: Tata Tertib Taman Kota",
                                  "tentang: Tata Tertib Taman Kota\n    mengubah: perwali-taman")) + "\n"


def test_a_single_changed_ayat_takes_the_single_form(tmp_path, monkeypatch):
    new = _single(lambda text: text.replace("Taman kota ditutup pada malam hari.", "Taman kota ditutup pukul 22.00."))
    checked = _checked(project(tmp_path, new=new), monkeypatch)
    pasal_i = checked.drafts["perubahan-taman"].document.body[0]
    assert [plain(c.text) for c in pasal_i.clauses] == [
        f"Ketentuan ayat (2) Pasal 2 dalam {CITATION} diubah sehingga berbunyi sebagai berikut:"]
    assert [(c.label, plain(c.text), c.anchor, [(q.heading, plain(q.text)) for q in c.quoted])
            for c in pasal_i.changes] == [
        ("", "", "pasal-1-perubahan-1", [(True, "Pasal 2"), (False, "(1) Taman kota dibuka setiap hari."),
                                         (False, "(2) Taman kota ditutup pukul 22.00.")])]


def test_a_single_deletion_and_a_single_insertion(tmp_path, monkeypatch):
    deleted = _single(lambda text: text.replace("""      - id: pasal-hewan
        teks: Hewan peliharaan dilarang masuk taman.""", ""))
    checked = _checked(project(tmp_path, new=deleted), monkeypatch)
    pasal_i = checked.drafts["perubahan-taman"].document.body[0]
    assert [plain(c.text) for c in pasal_i.clauses] == [f"Pasal 4 dalam {CITATION} dihapus."]
    assert [c.quoted for c in pasal_i.changes] == [[]]

    inserted = _single(lambda text: text.replace("""          - id: jam-tutup""", """          - id: jam-libur
            teks: Pada hari libur taman kota dibuka sampai sore hari.
          - id: jam-tutup"""))
    root = tmp_path / "sisip"
    root.mkdir()
    checked = _checked(project(root, new=inserted), monkeypatch)
    pasal_i = checked.drafts["perubahan-taman"].document.body[0]
    assert [plain(c.text) for c in pasal_i.clauses] == [
        f"Di antara ayat (1) dan ayat (2) Pasal 2 dalam {CITATION} disisipkan 1 (satu) ayat, yakni ayat (1a) "
        "sehingga Pasal 2 berbunyi sebagai berikut:"]
    assert [plain(q.text) for q in pasal_i.changes[0].quoted] == [
        "Pasal 2", "(1) Taman kota dibuka setiap hari.", "(1a) Pada hari libur taman kota dibuka sampai sore hari.",
        "(2) Taman kota ditutup pada malam hari."]


def test_the_single_form_in_the_docx(tmp_path, monkeypatch, capsys):
    new = _single(lambda text: text.replace("Taman kota ditutup pada malam hari.", "Taman kota ditutup pukul 22.00."))
    root = project(tmp_path, new=new)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "-o", "p.docx"]) == 0
    # every paragraph, empty ones too: the single form prints no empty numbered point
    lines = [(p.text, p.style.name) for p in docx.Document(str(root / "p.docx")).paragraphs]
    start = [text for text, _style in lines].index("Pasal I")
    assert lines[start:start + 6] == [
        ("Pasal I", "Judul Pasal"),
        (f"Ketentuan ayat (2) Pasal 2 dalam {CITATION} diubah sehingga berbunyi sebagai berikut:", "Isi Pasal"),
        ("Pasal 2", "Judul Naskah Perubahan"),
        ("(1) Taman kota dibuka setiap hari.", "Naskah Perubahan"),
        ("(2) Taman kota ditutup pukul 22.00.", "Naskah Perubahan"),
        ("Pasal II", "Judul Pasal"),
    ]


def test_l632_an_amendment_copied_from_the_original_undoes_the_first(tmp_path, monkeypatch):
    # copied from the original (no Pasal 2A) and edited: the first amendment's only change is undone
    stale = textwrap.dedent(SECOND).lstrip().replace("""  - id: pasal-sepeda
    teks: Pengunjung dapat bersepeda di jalur yang disediakan.
""", "")
    assert "pasal-sepeda" not in stale
    root = _chain(tmp_path, stale)
    monkeypatch.chdir(root)
    found = [d for d in check_project(root).report.sorted() if d.code == "L632"]
    assert [(d.location.path, d.location.line, d.location.column) for d in found] == [
        ("regulations/perubahan-taman.yaml", 2, 11)]
    assert found[0].message == (
        "naskah ini tampaknya disalin dari versi sebelum Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025: semua yang "
        "diubah peraturan itu (Pasal 2A) kembali berbunyi seperti semula")
    assert found[0].suggestion.startswith(
        "salin naskah terintegrasi terbaru (rancang draft regulations/perwali-taman.yaml --terintegrasi) atau berkas "
        "'perubahan-pertama'")
    assert "Traceback" not in found[0].format()


def test_l632_is_quiet_when_the_amendment_builds_on_the_newest_text(tmp_path, monkeypatch):
    root = _chain(tmp_path)
    monkeypatch.chdir(root)
    assert [d.code for d in check_project(root).report.sorted() if d.code.startswith("L63")] == []


def test_l632_a_changed_ayat_back_to_its_old_words(tmp_path, monkeypatch):
    # the first amendment changes ayat (2) of Pasal 2 only; the second, copied from the original, adds a Pasal
    first = FIRST.replace("""      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
""", "").replace("Taman kota ditutup pada malam hari.", "Taman kota ditutup pukul 22.00.")
    second = SECOND.replace("""      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
""", "")
    root = project(tmp_path, new=second)
    (root / "regulations/perubahan-pertama.yaml").write_text(textwrap.dedent(first).lstrip(), encoding="utf-8")
    monkeypatch.chdir(root)
    found = [d for d in check_project(root).report.sorted() if d.code == "L632"]
    assert [d.message.split(": ", 1)[1] for d in found] == [
        "semua yang diubah peraturan itu (Pasal 2 ayat (2)) kembali berbunyi seperti semula"]
    # the same second amendment keeping the first's words is not reported
    (root / "regulations/perubahan-taman.yaml").write_text(
        textwrap.dedent(second).lstrip().replace("Taman kota ditutup pada malam hari.", "Taman kota ditutup pukul "
                                                 "22.00."), encoding="utf-8")
    assert [d for d in check_project(root).report.sorted() if d.code == "L632"] == []


# -- property: a second random edit script on the text in force after a first one ---------------------------------

import copy  # noqa: E402
import itertools  # noqa: E402

from hypothesis import assume, given, note, strategies as st  # noqa: E402

from rancang.drafting.engine import build  # noqa: E402
from test_versions18 import (CATALOGUE, PROPERTY, SETTINGS, Writer, add_references,  # noqa: E402
                             check_labels_sorted, drop_broken_references, lists_of, model, versions_pair)


def document(body, terms, labels=None):
    """A version built by the engine; an example whose random references the engine refuses is not used."""
    built, problems = build(model(body, terms), SETTINGS, CATALOGUE, labels=labels)
    assume(not problems)
    return built


def edited(draw, version: dict, first_text: int) -> dict:
    """``version`` after a random edit script (insert, delete, modify at every level), as test_versions18 does."""
    writer = Writer(draw)
    writer.count = itertools.count(first_text)
    new = copy.deepcopy(version)
    for _ in range(draw(st.integers(1, 5))):
        containers = [(new["body"], "bab", 1)]
        for chapter in new["body"]:
            lists_of(chapter, containers)
        container, kind, least = draw(st.sampled_from(containers))
        action = draw(st.sampled_from(["insert", "delete", "modify"]))
        if action == "insert":
            made = {"bab": writer.chapter, "bagian": writer.part, "pasal": writer.article, "ayat": writer.clause,
                    "butir": lambda: writer.with_id({"teks": writer.text("butir baru")})}[kind]()
            container.insert(draw(st.integers(1, len(container))), made)
        elif action == "delete" and len(container) > least:
            del container[draw(st.integers(0, len(container) - 1))]
        elif action == "modify":
            element = container[draw(st.integers(0, len(container) - 1))]
            key = next((k for k in ("bab", "bagian", "teks") if k in element), None)
            if key is None:
                element = element["ayat"][draw(st.integers(0, len(element["ayat"]) - 1))]
                key = "teks"
            element[key] = element[key] + " yang diubah lagi"
    drop_broken_references(new)
    add_references(draw, new)
    return new


@st.composite
def three_versions(draw):
    first, second = draw(versions_pair())
    return first, second, edited(draw, second, 5000)


@PROPERTY
@given(three_versions())
def test_a_second_amendment_applied_to_the_text_in_force_gives_its_new_text(triple):
    v0, v1, v2 = triple
    note(f"v0: {v0}\nv1: {v1}\nv2: {v2}")
    old = consolidation._anchored(document(v0["body"], v0["terms"]))
    try:
        first, in_force = consolidation.following(old, document(v1["body"], v1["terms"]),
                                                  lambda labels: document(v1["body"], v1["terms"], labels))
        second, after = consolidation.following(in_force, document(v2["body"], v2["terms"]),
                                                lambda labels: document(v2["body"], v2["terms"], labels))
    except versions.VersionError:
        return  # no prescribed number (a new first element whose old one stays): R308, tested elsewhere
    # the text in force reads as each comparison's outline (deleted elements kept as "Dihapus.")
    assert versions.outline_of(versions.elements(in_force)) == first.outline()
    assert versions.outline_of(versions.elements(after)) == second.outline()
    points = second.points()
    note("\n".join(p.instruction() for p in points))
    assert versions.apply(in_force, points) == second.outline()
    check_labels_sorted(second.outline())
    # no enacted or inserted number moves; a Pasal goes only with a deleted BAB, Bagian or Paragraf (which then
    # reads "Dihapus." with nothing under it); nothing is deleted twice
    pasal_before = [a.label for a in in_force.articles()]
    pasal_after = [a.label for a in after.articles()]
    assert [label for label in pasal_before if label in pasal_after] == \
        [label for label in pasal_after if label in pasal_before]
    if set(pasal_before) - set(pasal_after):
        assert any(p.action == "hapus" and p.level in versions.GROUP_LEVELS for p in points)
    gone = {a.label for a in in_force.articles() if [plain(c.text) for c in a.clauses] == [versions.DELETED]}
    assert not any(p.action == "hapus" and p.level == "pasal" and set(p.labels) & gone for p in points)
    # anchors are unique and every reference points at one
    anchors = [x for x in _anchors(after) if x]
    assert len(anchors) == len(set(anchors))
    targets = {span.target for article in after.articles() for clause in article.clauses
               for span in clause.text if span.target}
    assert targets <= set(anchors)


def _anchors(built):
    out = []

    def points(items):
        for point in items:
            out.append(point.anchor)
            points(point.points)

    def walk(items):
        for item in items:
            out.append(item.anchor)
            if hasattr(item, "clauses"):
                for clause in item.clauses:
                    if clause.label is not None:
                        out.append(clause.anchor)
                    points(clause.points)
            else:
                walk(item.children)

    walk(built.body)
    return out


def test_the_amendments_are_named_by_what_they_are(tmp_path, monkeypatch):
    """Lists, the site and DOCX properties name a whole-text amendment "... tentang Perubahan [Kedua] atas ...",
    not by its ``tentang`` (the amended regulation's subject), so it is never confused with the regulation."""
    from rancang.present.titles import regulation_title

    root = _chain(tmp_path)
    data = _checked(root, monkeypatch).data
    settings = data.settings
    assert regulation_title(settings, data.regulations["perubahan-pertama"], data) == (
        "Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025 tentang Perubahan atas Peraturan Wali Kota Sukamaju "
        "Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota")
    assert regulation_title(settings, data.regulations["perubahan-taman"], data) == (
        "Rancangan Peraturan Wali Kota Sukamaju tentang Perubahan Kedua atas Peraturan Wali Kota Sukamaju "
        "Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota")
    assert regulation_title(settings, data.regulations["perwali-taman"], data) == (
        "Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota")
    # without the project: its own words, as before
    assert regulation_title(settings, data.regulations["perubahan-taman"]) == (
        "Rancangan Peraturan Wali Kota Sukamaju tentang Tata Tertib Taman Kota")


def test_the_commas_of_pasal_i_follow_the_settings(tmp_path, monkeypatch):
    root = _chain(tmp_path)
    settings = root / "rancang.yaml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        + "dokumen: {perubahan: {koma_sebelum_diubah: true}}\n", encoding="utf-8")
    document = _checked(root, monkeypatch).drafts["perubahan-taman"].document
    assert plain(document.body[0].clauses[0].text) == (
        f"Beberapa ketentuan dalam {CITATION} sebagaimana telah diubah dengan {FIRST_CITATION}, diubah sebagai "
        "berikut:")
