"""The consolidated text (naskah terintegrasi): its DOCX and its site page.

For the CLI and ``rancang build`` (M, documents.py): the consolidated DOCX is
``regulation_docx.render(history.consolidated(), template, emblem, margins_cm, images, properties)`` -- the same
call as a regulation's (``documents.regulation_docx``) with the consolidated Document; the renderer prints
``Document.notice`` above the kop (style ``Keterangan Naskah``) and every element's ``marks`` after it (style
``Catatan Perubahan``). Both styles are optional (``template_names.LATER_STYLES``): a template without them uses
``Isi Pasal`` / ``Lanjutan Ayat``, and the P414 check of documents.py lists them through ``OPTIONAL_STYLES``.

A synthetic region and regulation (tests/test_amendment_docx18.py's project); nothing here is a real regulation.
"""

from __future__ import annotations

import io
import sys
import textwrap
from pathlib import Path

import docx
from lxml import html as lxml_html

from rancang.check import check_project
from rancang.documents import template_path
from rancang.drafting import consolidation
from rancang.drafting.tree import Mark
from rancang.render.regulation_docx import render
from rancang.render.template_names import LATER_STYLES, OPTIONAL_STYLES

sys.path.insert(0, str(Path(__file__).parent))
from test_amendment_docx18 import NEW, OLD, project  # noqa: E402 - the synthetic Kota Sukamaju project

AMENDED = "Diubah dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025"

FIRST = textwrap.dedent(NEW).lstrip() + ("nomor: 9\ntahun: 2025\npenetapan: {tanggal: 2025-01-10}\n"
                                         "pengundangan: {tanggal: 2025-01-11, nomor_berita_daerah: 9}\n")
"""The first amendment, enacted: ayat (2) of Pasal 2 changed, Pasal 4 deleted, Pasal 4A inserted."""
SECOND = textwrap.dedent(NEW.replace("mengubah: perwali-taman", "mengubah: perubahan-taman").replace("""\
      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
""", """\
      - id: pasal-sepeda
        teks: Pengunjung dapat bersepeda di jalur yang disediakan.
      - id: pasal-sepatu-roda
        teks: Pengunjung dapat bermain sepatu roda di jalur yang disediakan.
""").replace("Taman kota terbuka untuk umum.", "Taman kota terbuka untuk umum tanpa dipungut biaya.")).lstrip()
"""The second amendment, a draft amending the first's text: Pasal 1 changed, Pasal 4B inserted after Pasal 4A."""
KEDUA = ("Rancangan Peraturan Wali Kota Sukamaju tentang Perubahan Kedua atas Peraturan Wali Kota Sukamaju Nomor 3 "
         "Tahun 2024 tentang Tata Tertib Taman Kota")


def chain(tmp_path: Path) -> Path:
    root = project(tmp_path, new=FIRST)
    (root / "regulations/perubahan-kedua.yaml").write_text(SECOND, encoding="utf-8")
    return root


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.text, p.style.name) for p in document.paragraphs if p.text.strip()]


def test_marks_follow_their_element_and_the_notice_opens_the_document(tmp_path, monkeypatch):
    """A hand-built consolidated Document: a mark on an ayat, on a Pasal, on a BAB-less body; the notice."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    document = check_project(root).drafts["perwali-taman"].document
    articles = document.articles()
    articles[1].clauses[1].marks.append(Mark("ubah", AMENDED, "perubahan-taman#pasal-1-perubahan-1"))
    articles[3].marks += [Mark("ubah", AMENDED, "perubahan-taman#pasal-1-perubahan-2"),
                          Mark("hapus", "Dihapus dengan Peraturan Wali Kota Sukamaju Nomor 2 Tahun 2026",
                               "perubahan-kedua#pasal-1-perubahan-1")]
    document.notice = ["Naskah terintegrasi.", "Bukan naskah resmi."]
    lines = _paragraphs(render(document, template_path(root)))
    assert lines[:4] == [("Naskah terintegrasi.", "Keterangan Naskah"), ("Bukan naskah resmi.", "Keterangan Naskah"),
                         ("WALI KOTA SUKAMAJU", "Kop"), ("PROVINSI NUSA CONTOH", "Kop")]
    body = lines[[text for text, _style in lines].index("Pasal 2"):]
    assert body[:11] == [
        ("Pasal 2", "Judul Pasal"),
        ("(1)\tTaman kota dibuka setiap hari.", "Ayat"),
        ("(2)\tTaman kota ditutup pada malam hari.", "Ayat"),
        (f"[{AMENDED}]", "Catatan Perubahan"),
        ("Pasal 3", "Judul Pasal"),
        ("Setiap pengunjung menjaga kebersihan taman.", "Isi Pasal"),
        ("Pasal 4", "Judul Pasal"),
        ("Hewan peliharaan dilarang masuk taman.", "Isi Pasal"),
        (f"[{AMENDED}]", "Catatan Perubahan"),
        ("[Dihapus dengan Peraturan Wali Kota Sukamaju Nomor 2 Tahun 2026]", "Catatan Perubahan"),
        ("Pasal 5", "Judul Pasal"),
    ]


def test_a_document_without_marks_renders_as_before(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    document = check_project(root).drafts["perwali-taman"].document
    lines = _paragraphs(render(document, template_path(root)))
    assert lines[0] == ("WALI KOTA SUKAMAJU", "Kop")
    assert not {style for _text, style in lines} & {"Catatan Perubahan", "Keterangan Naskah"}


def test_the_new_styles_are_optional_with_a_stand_in():
    assert {"Catatan Perubahan", "Keterangan Naskah"} <= OPTIONAL_STYLES
    assert LATER_STYLES["Catatan Perubahan"] == "Lanjutan Ayat" and LATER_STYLES["Keterangan Naskah"] == "Isi Pasal"


def test_the_consolidated_docx_of_two_amendments(tmp_path, monkeypatch):
    root = chain(tmp_path)
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert not checked.report.errors, checked.report.errors
    history = consolidation.history("perwali-taman", checked.data)
    assert [step.record_id for step in history.steps] == ["perwali-taman", "perubahan-taman", "perubahan-kedua"]
    lines = _paragraphs(render(history.consolidated(), template_path(root)))
    notice = [text for text, style in lines if style == "Keterangan Naskah"]
    assert lines[:len(notice)] == [(text, "Keterangan Naskah") for text in notice]  # above the kop
    assert notice[0] == "NASKAH TERINTEGRASI" and len(notice) == 4
    assert lines[len(notice)] == ("WALI KOTA SUKAMAJU", "Kop")
    body = lines[[text for text, _style in lines].index("Pasal 1"):]
    first, second = f"[{AMENDED}]", f"[Diubah dengan {KEDUA}]"
    assert body[:20] == [
        ("Pasal 1", "Judul Pasal"),
        ("Taman kota terbuka untuk umum tanpa dipungut biaya.", "Isi Pasal"),
        (second, "Catatan Perubahan"),
        ("Pasal 2", "Judul Pasal"),
        ("(1)\tTaman kota dibuka setiap hari.", "Ayat"),
        ("(2)\tTaman kota ditutup pukul 22.00.", "Ayat"),
        (first, "Catatan Perubahan"),
        ("Pasal 3", "Judul Pasal"),
        ("Setiap pengunjung menjaga kebersihan taman.", "Isi Pasal"),
        ("Pasal 4", "Judul Pasal"),
        ("Dihapus.", "Isi Pasal"),
        ("[Dihapus dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025]", "Catatan Perubahan"),
        ("Pasal 4A", "Judul Pasal"),
        ("Pengunjung dapat bersepeda di jalur yang disediakan.", "Isi Pasal"),
        ("[Disisipkan dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025]", "Catatan Perubahan"),
        ("Pasal 4B", "Judul Pasal"),
        ("Pengunjung dapat bermain sepatu roda di jalur yang disediakan.", "Isi Pasal"),
        (f"[Disisipkan dengan {KEDUA}]", "Catatan Perubahan"),
        ("Pasal 5", "Judul Pasal"),
        ("Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.", "Isi Pasal"),
    ]


def test_the_consolidated_docx_of_a_perda(tmp_path, monkeypatch):
    perda = "jenis: peraturan_daerah\n"
    old = textwrap.dedent(OLD).lstrip().replace("nomor_berita_daerah", "nomor_lembaran_daerah")
    root = project(tmp_path, new=perda + textwrap.dedent(NEW).lstrip(), old=perda + old)
    monkeypatch.chdir(root)
    checked = check_project(root)
    assert not checked.report.errors, checked.report.errors
    document = consolidation.history("perwali-taman", checked.data).consolidated()
    lines = _paragraphs(render(document, template_path(root)))
    notice = [text for text, style in lines if style == "Keterangan Naskah"]
    assert notice[0] == "NASKAH TERINTEGRASI"
    assert any("Lembaran Daerah" in text for text in notice)
    assert ("PERATURAN DAERAH KOTA SUKAMAJU", "Judul Peraturan") in lines
    marks = [text for text, style in lines if style == "Catatan Perubahan"]
    assert len(marks) == 3 and all("Rancangan Peraturan Daerah Kota Sukamaju" in text for text in marks)
    assert ("LEMBARAN DAERAH KOTA SUKAMAJU TAHUN 2024 NOMOR 3", "Berita Daerah") in lines


# -- the site --------------------------------------------------------------------------------------------------


def _page(site: Path, name: str):
    return lxml_html.fromstring((site / "regulations" / f"{name}.html").read_bytes())


def _text(element) -> str:
    return " ".join(element.text_content().split())


def test_the_site_shows_the_consolidated_text_with_its_history(tmp_path, monkeypatch):
    from support import build_site_of

    root = chain(tmp_path)
    (root / "kb/index.md").write_text("# Uji\n", encoding="utf-8")
    monkeypatch.chdir(root)
    site, warnings = build_site_of(root)
    assert warnings == ""
    page = _page(site, "perwali-taman")
    section = page.get_element_by_id("peraturan")
    ids = [element.get("id") for element in page.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    # every link of the regulation resolves: to an id of this page, of another page, or to a file of the site
    for link in section.iter("a"):
        href = link.get("href")
        target, _hash, fragment = href.partition("#")
        if not target:
            assert fragment in ids, href
        elif target.endswith(".html"):
            assert fragment == "" or fragment in [e.get("id") for e in _page(site, target[:-5]).iter()], href
        else:
            assert (site / "regulations" / target).resolve().is_file(), href
    notes = section.find_class("rancang-catatan-perubahan")
    assert [(_text(note), note.find("a").get("href")) for note in notes] == [
        (f"[Diubah dengan {KEDUA}]", "perubahan-kedua.html#pasal-1-perubahan-1"),
        (f"[{AMENDED}]", "perubahan-taman.html#pasal-1-perubahan-1"),
        ("[Dihapus dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025]",
         "perubahan-taman.html#pasal-1-perubahan-2"),
        ("[Disisipkan dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025]",
         "perubahan-taman.html#pasal-1-perubahan-3"),
        (f"[Disisipkan dengan {KEDUA}]", "perubahan-kedua.html#pasal-1-perubahan-2"),
    ]
    # each note follows its element: the ayat, the Pasal kept as "Dihapus.", the inserted Pasal
    assert _text(page.get_element_by_id("pasal-4")).startswith("Pasal 4 Dihapus. [Dihapus dengan")
    assert _text(page.get_element_by_id("pasal-4b")).startswith("Pasal 4B Pengunjung dapat bermain sepatu roda")
    history = page.get_element_by_id("riwayat-versi")
    versions = history.xpath("./ol/li")
    assert [_text(item.xpath("./p")[0]) for item in versions] == [
        "Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024 (ditetapkan 1 Februari 2024)",
        "Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025 (ditetapkan 10 Januari 2025)",
        f"{KEDUA} (rancangan)"]
    assert [[a.get("href") for a in item.xpath("./p/a")] for item in versions] == [
        [], ["perubahan-taman.html"], ["perubahan-kedua.html"]]
    points = [[(_text(p), [a.get("href") for a in p.iter("a")]) for p in item.xpath("./ul/li/p")] for item in versions]
    assert points == [
        [],
        [("1. Ketentuan ayat (2) Pasal 2 diubah sehingga berbunyi sebagai berikut:", ["#pasal-2-ayat-2"]),
         ("2. Pasal 4 dihapus.", ["#pasal-4"]),
         ("3. Di antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A sehingga berbunyi sebagai "
          "berikut:", ["#pasal-4a"])],
        [("1. Ketentuan Pasal 1 diubah sehingga berbunyi sebagai berikut:", ["#pasal-1"]),
         ("2. Di antara Pasal 4A dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4B sehingga berbunyi sebagai "
          "berikut:", ["#pasal-4b"])],
    ]
    text, at = _text(section), 0
    for part in ("NASKAH TERINTEGRASI", "Riwayat versi", "PROVINSI NUSA CONTOH", "SEBAGAIMANA TELAH DIUBAH DENGAN",
                 "Menimbang", "Pasal 1 Taman", "Pasal 4B Pengunjung", "Pasal 5 Peraturan"):
        at = text.index(part, at)  # each after the one before
    downloads = {_text(a): a.get("href") for a in section.find_class("rancang-unduh")[0].iter("a")}
    assert downloads == {"DOCX": "../_unduhan/perwali-taman.docx",
                         "Naskah terintegrasi (DOCX)": "../_unduhan/perwali-taman-terintegrasi.docx"}
    # each amendment's page links the consolidated text
    for name in ("perubahan-taman", "perubahan-kedua"):
        links = _page(site, name).find_class("rancang-tautan-naskah")
        assert [(_text(p), [a.get("href") for a in p.iter("a")]) for p in links] == [
            ("Naskah terintegrasi: Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024 tentang Tata Tertib Taman Kota",
             ["perwali-taman.html"])]


def test_an_unamended_regulation_page_has_no_history(tmp_path, monkeypatch):
    from support import build_site_of

    root = project(tmp_path)
    (root / "regulations/perubahan-taman.yaml").unlink()
    (root / "kb/index.md").write_text("# Uji\n", encoding="utf-8")
    monkeypatch.chdir(root)
    site, _warnings = build_site_of(root, documents=False)
    page = _page(site, "perwali-taman")
    assert not page.find_class("rancang-riwayat-versi") and not page.find_class("rancang-catatan-perubahan")
    assert "NASKAH TERINTEGRASI" not in _text(page)


def test_a_new_amendment_renews_the_page_of_the_regulation_it_amends(tmp_path, monkeypatch):
    """An incremental build: the enacted regulation's page, built before any amendment existed, is read again."""
    from support import build_site_of

    root = project(tmp_path)
    amendment = root / "regulations/perubahan-taman.yaml"
    text = amendment.read_text(encoding="utf-8")
    amendment.unlink()
    (root / "kb/index.md").write_text("# Uji\n", encoding="utf-8")
    monkeypatch.chdir(root)
    site, _warnings = build_site_of(root, documents=False)
    assert not _page(site, "perwali-taman").find_class("rancang-riwayat-versi")
    amendment.write_text(text, encoding="utf-8")
    site, _warnings = build_site_of(root, documents=False)
    page = _page(site, "perwali-taman")
    assert len(page.find_class("rancang-catatan-perubahan")) == 3
    assert len(page.get_element_by_id("riwayat-versi").xpath("./ol/li")) == 2


SINGLE = textwrap.dedent(OLD).replace("nomor: 3\ntahun: 2024\n", "").replace(
    "tentang: Tata Tertib Taman Kota\n", "tentang: Tata Tertib Taman Kota\nmengubah: perwali-taman\n").replace(
    "ditutup pada malam hari", "ditutup pukul 22.00").split("penetapan:")[0]
"""A draft amendment with one change point (ayat (2) of Pasal 2): Lampiran II's single form."""


def test_the_single_form_has_no_empty_change_point(tmp_path, monkeypatch):
    from support import build_site_of

    root = project(tmp_path, new=SINGLE)
    (root / "kb/index.md").write_text("# Uji\n", encoding="utf-8")
    monkeypatch.chdir(root)
    site, warnings = build_site_of(root)
    assert warnings == ""
    document = docx.Document(str(root / "_build/dokumen/perubahan-taman.docx"))
    texts = [(p.text, p.style.name) for p in document.paragraphs]
    first = texts.index(("Pasal I", "Judul Pasal"))
    assert [style for _text, style in texts[first:first + 4]] == [
        "Judul Pasal", "Isi Pasal", "Judul Naskah Perubahan", "Naskah Perubahan"]
    lead = texts[first + 1][0]
    assert lead.startswith("Ketentuan ayat (2) Pasal 2 dalam Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024")
    change = _page(site, "perubahan-taman").get_element_by_id("pasal-1-perubahan-1")
    assert [_text(p) for p in change.iter("p")][0] == "Pasal 2"  # the quoted text only
    versions = _page(site, "perwali-taman").get_element_by_id("riwayat-versi").xpath("./ol/li")
    assert [(_text(p), [a.get("href") for a in p.iter("a")]) for p in versions[1].xpath("./ul/li/p")] == [
        (lead, ["#pasal-2-ayat-2"])]
