"""The tracked-changes document of a whole-text amendment (``rancang draft <amendment> --lacak``).

What a drafter relies on: accepting every change in Word gives exactly the amended text, rejecting every change
gives exactly the text in force; each change is a native ``w:ins``/``w:del`` (so LibreOffice and Word list them),
by "rancang", dated. The synthetic Kota Sukamaju project of test_amendment_docx18 (nothing here is a real
regulation); random edit scripts over synthetic paragraphs for the accept/reject property.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import signal
import subprocess
import textwrap
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

from rancang.cli import main
from rancang.render.tracked_docx import tracked

from support import needs_libreoffice
from test_amendment_docx18 import NEW, project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHOTS = Path("/tmp/shots")


# -- reading revisions ---------------------------------------------------------------------------------------------


def _body(package: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")


def _inside(node: etree._Element, tag: str) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag == f"{W}{tag}":
            return True
        parent = parent.getparent()
    return False


def _mark(paragraph: etree._Element, kind: str) -> bool:
    return paragraph.find(f"{W}pPr/{W}rPr/{W}{kind}") is not None


def _read(body: etree._Element, accept: bool) -> list[str]:
    """The paragraphs' texts once every change is accepted (or rejected): a paragraph whose mark is deleted
    (inserted) goes; deleted (inserted) text goes."""
    gone, text_tag = ("del", "t") if accept else ("ins", "delText")
    out = []
    for paragraph in body.iter(f"{W}p"):
        if _mark(paragraph, gone):
            continue
        parts = []
        for node in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br"):
            if _inside(node, gone):
                continue
            if node.tag == f"{W}tab":
                parts.append("\t")
            elif node.tag == f"{W}br":
                parts.append("\n")
            elif node.tag in (f"{W}t", f"{W}{text_tag}"):
                parts.append(node.text or "")
        out.append("".join(parts))
    return out


def _plain(package: bytes) -> list[str]:
    """The paragraphs' texts of a DOCX without revisions."""
    body = _body(package)
    assert body.find(f".//{W}ins") is None and body.find(f".//{W}del") is None
    return _read(body, accept=True)


def _revisions(body: etree._Element) -> list[etree._Element]:
    return [node for node in body.iter(f"{W}ins", f"{W}del") if node.getparent().tag != f"{W}rPr"]


# -- synthetic paragraphs ------------------------------------------------------------------------------------------


def _docx(paragraphs: list[tuple[str, str, bool]]) -> bytes:
    """A DOCX of (style, text, italic) paragraphs; a tab in the text is a w:tab (as regulation_docx writes labels)."""
    document = docx.Document()
    for style, value, italic in paragraphs:
        paragraph = document.add_paragraph(style=style)
        for index, piece in enumerate(value.split("\t")):
            if index:
                paragraph.add_run().add_tab()
            if piece:
                paragraph.add_run(piece).italic = italic or None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


WORDS = st.sampled_from(["taman", "kota", "dibuka", "ditutup", "pukul", "22.00", "setiap", "hari", "(2)", "a.",
                         "dan", "Pasal", "4A", "&", "<b>", "ä"])
TEXT = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
PARAGRAPH = st.tuples(st.sampled_from(["Normal", "Title", "Heading 1"]), TEXT, st.booleans())


@st.composite
def edit_script(draw):
    """An old list of paragraphs and the new one after random inserts, deletes, word edits and restylings."""
    old = draw(st.lists(PARAGRAPH, min_size=1, max_size=8))
    new = list(old)
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["insert", "delete", "words", "style", "label"]))
        if action == "insert" or not new:
            new.insert(draw(st.integers(0, len(new))), draw(PARAGRAPH))
            continue
        at = draw(st.integers(0, len(new) - 1))
        style, value, italic = new[at]
        if action == "delete":
            del new[at]
        elif action == "words":
            words = value.split(" ")
            spot = draw(st.integers(0, len(words)))
            words[spot:spot + draw(st.integers(0, 2))] = draw(st.lists(WORDS, max_size=3))
            new[at] = (style, " ".join(words) or "kosong", italic)
        elif action == "style":
            new[at] = (draw(st.sampled_from(["Normal", "Title", "Heading 1"])), value, not italic)
        else:
            new[at] = (style, draw(st.sampled_from(["(1)", "(1a)", "b."])) + "\t" + value, italic)
    return old, new


@settings(max_examples=50, deadline=None)
@given(edit_script())
def test_accepting_every_change_gives_the_new_text_and_rejecting_gives_the_old(script):
    old, new = script
    old_docx, new_docx = _docx(old), _docx(new)
    out, count = tracked(old_docx, new_docx, dt.date(2025, 1, 10))
    body = _body(out)
    assert _read(body, accept=True) == _plain(new_docx)
    assert _read(body, accept=False) == _plain(old_docx)
    if old == new:
        assert _revisions(body) == []
    ids = [node.get(f"{W}id") for node in body.iter(f"{W}ins", f"{W}del", f"{W}pPrChange")]
    assert len(ids) == len(set(ids))
    assert count <= len(_revisions(body))


def test_a_word_change_is_one_deletion_and_one_insertion_with_its_run_properties():
    old = _docx([("Normal", "(2)\tTaman kota ditutup pada malam hari.", True)])
    new = _docx([("Normal", "(2)\tTaman kota ditutup pukul 22.00.", True)])
    out, count = tracked(old, new, dt.date(2025, 1, 10))
    body = _body(out)
    changes = [(node.tag.removeprefix(W), "".join(node.itertext())) for node in _revisions(body)]
    assert changes == [("del", "pada malam hari."), ("ins", "pukul 22.00.")]
    assert count == 2
    for node in _revisions(body):
        assert (node.get(f"{W}author"), node.get(f"{W}date")) == ("rancang", "2025-01-10T00:00:00Z")
        assert node.find(f"{W}r/{W}rPr/{W}i") is not None  # the words keep their italics


def test_a_renumbered_label_is_a_paragraph_deleted_and_another_inserted():
    old = _docx([("Heading 1", "Pasal 4", False), ("Normal", "Hewan dilarang masuk.", False)])
    new = _docx([("Heading 1", "Pasal 4A", False), ("Normal", "Hewan dilarang masuk.", False)])
    body = _body(tracked(old, new, dt.date(2025, 1, 10))[0])
    paragraphs = list(body.iter(f"{W}p"))
    assert [(_mark(p, "del"), _mark(p, "ins"), "".join(p.itertext())) for p in paragraphs] == [
        (True, False, "Pasal 4"), (False, True, "Pasal 4A"), (False, False, "Hewan dilarang masuk.")]


def test_a_style_change_is_tracked_as_a_paragraph_property_change():
    old = _docx([("Normal", "Taman kota", False)])
    new = _docx([("Title", "Taman kota", False)])
    body = _body(tracked(old, new, dt.date(2025, 1, 10))[0])
    change = body.find(f".//{W}pPr/{W}pPrChange")
    assert change is not None and change.get(f"{W}author") == "rancang"
    assert body.find(f".//{W}p/{W}pPr/{W}pStyle").get(f"{W}val") == "Title"
    assert change.find(f"{W}pPr/{W}pStyle") is None or change.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Normal"


def _table_docx(rows: list[list[str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("Menimbang")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("new_rows", [[["a.", "bahwa taman kota perlu ditata ulang;"]],
                                      [["a.", "bahwa taman perlu ditata;"], ["b.", "bahwa perlu ketentuan baru;"]]],
                         ids=["same shape", "row added"])
def test_a_changed_table_accepts_to_the_new_and_rejects_to_the_old(new_rows):
    old = _table_docx([["a.", "bahwa taman kota perlu ditata;"]])
    new = _table_docx(new_rows)
    body = _body(tracked(old, new, dt.date(2025, 1, 10))[0])
    assert _read(body, accept=True) == _plain(new)
    assert _read(body, accept=False) == _plain(old)
    if len(new_rows) > 1:  # a table of another shape: deleted and inserted row by row
        assert [row.find(f"{W}trPr/{W}del") is not None for row in body.iter(f"{W}tr")] == [True, False, False]
        assert [row.find(f"{W}trPr/{W}ins") is not None for row in body.iter(f"{W}tr")] == [False, True, True]


# -- through the CLI -----------------------------------------------------------------------------------------------

ENACTED = "nomor: 9\ntahun: 2025\npenetapan: {tanggal: 2025-01-10}\npengundangan: {tanggal: 2025-01-11, " \
          "nomor_berita_daerah: 9}\n"


def _lacak(root: Path) -> bytes:
    assert main(["draft", "regulations/perubahan-taman.yaml", "--lacak"]) == 0
    return (root / "_build/dokumen/perubahan-taman-lacak.docx").read_bytes()


def test_rancang_draft_lacak_tracks_the_amendment_in_the_regulation_in_force(tmp_path, monkeypatch, capsys):
    root = project(tmp_path, new=NEW + textwrap.indent(ENACTED, "    "))
    monkeypatch.chdir(root)
    package = _lacak(root)
    assert capsys.readouterr().out == "Ditulis: _build/dokumen/perubahan-taman-lacak.docx\n"
    body = _body(package)
    accepted, rejected = _read(body, accept=True), _read(body, accept=False)
    # the frame is the regulation in force (its number, title and konsiderans), not the amendment's
    start = accepted.index("PERATURAN WALI KOTA SUKAMAJU")
    assert accepted[start:start + 2] == ["PERATURAN WALI KOTA SUKAMAJU", "NOMOR 3 TAHUN 2024"]
    assert accepted[:2] == [
        "NASKAH DENGAN LACAK PERUBAHAN",
        "Naskah Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024 di bawah ini menunjukkan perubahan yang dimuat "
        "Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025 sebagai lacak perubahan (track changes): teks yang dihapus "
        "dicoret, teks yang disisipkan digarisbawahi. Naskah ini bukan naskah resmi."]

    def body_of(texts: list[str]) -> list[str]:
        return [t for t in texts[texts.index("Pasal 1"):texts.index("Pasal 5") + 2] if t]

    assert body_of(accepted) == [
        "Pasal 1", "Taman kota terbuka untuk umum.", "Pasal 2", "(1)\tTaman kota dibuka setiap hari.",
        "(2)\tTaman kota ditutup pukul 22.00.", "Pasal 3", "Setiap pengunjung menjaga kebersihan taman.",
        "Pasal 4", "Dihapus.", "Pasal 4A", "Pengunjung dapat bersepeda di jalur yang disediakan.", "Pasal 5",
        "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan."]
    assert body_of(rejected) == [
        "Pasal 1", "Taman kota terbuka untuk umum.", "Pasal 2", "(1)\tTaman kota dibuka setiap hari.",
        "(2)\tTaman kota ditutup pada malam hari.", "Pasal 3", "Setiap pengunjung menjaga kebersihan taman.",
        "Pasal 4", "Hewan peliharaan dilarang masuk taman.", "Pasal 5",
        "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan."]
    # outside the batang tubuh nothing changed
    assert accepted[:accepted.index("Pasal 1")] == rejected[:rejected.index("Pasal 1")]
    assert accepted[accepted.index("Pasal 5"):] == rejected[rejected.index("Pasal 5"):]
    revisions = _revisions(body)
    assert {(r.get(f"{W}author"), r.get(f"{W}date")) for r in revisions} == {("rancang", "2025-01-10T00:00:00Z")}
    changed = next(p for p in body.iter(f"{W}p") if "".join(p.itertext()).startswith("(2)"))
    assert [(r.tag.removeprefix(W), "".join(r.itertext())) for r in _revisions(changed)] == [
        ("del", "pada malam hari."), ("ins", "pukul 22.00.")]
    assert b"numPr" not in etree.tostring(body)


def test_a_draft_amendment_is_dated_on_the_build_date(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 3, 4, tzinfo=dt.timezone.utc).timestamp())))
    body = _body(_lacak(root))
    assert {r.get(f"{W}date") for r in _revisions(body)} == {"2026-03-04T00:00:00Z"}


def test_lacak_of_a_regulation_that_amends_nothing_is_refused(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perwali-taman.yaml", "--lacak"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("regulations/perwali-taman.yaml:1:1: P404: naskah dengan lacak perubahan hanya dibuat "
                          "dari perubahan peraturan yang memuat naskah utuh")
    assert not (root / "_build/dokumen/perwali-taman-lacak.docx").exists()


# -- LibreOffice ---------------------------------------------------------------------------------------------------


def _soffice(source: Path, fmt: str, work: Path) -> Path:
    """``soffice --convert-to fmt`` with its own profile and a timeout."""
    from rancang.render.pdf import find_soffice

    profile = work / "profile"
    out = work / "out"
    out.mkdir(parents=True)
    process = subprocess.Popen([find_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                "--norestore", "--nolockcheck", "--convert-to", fmt, "--outdir", str(out),
                                str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        process.wait(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    return out / f"{source.stem}.{fmt}"


@needs_libreoffice
@pytest.mark.slow
def test_libreoffice_reads_the_changes_as_tracked_changes(tmp_path, monkeypatch):
    (tmp_path / "p").mkdir()
    root = project(tmp_path / "p")
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/perubahan-taman.yaml", "--lacak", "--pdf"]) == 0
    source = root / "_build/dokumen/perubahan-taman-lacak.docx"
    # LibreOffice's own document keeps them as tracked changes, one changed region per revision
    odt = _soffice(source, "odt", tmp_path / "odt")
    with zipfile.ZipFile(odt) as archive:
        content = archive.read("content.xml").decode("utf-8")
    regions = re.findall(r"<text:changed-region\b.*?</text:changed-region>", content, re.S)
    kinds = sorted({kind for region in regions for kind in re.findall(r"<text:(insertion|deletion)>", region)})
    assert kinds == ["deletion", "insertion"]
    assert len(regions) >= len(_revisions(_body(source.read_bytes()))) // 2
    assert all("<dc:creator>rancang</dc:creator>" in region for region in regions)
    # the PDF shows both the deleted and the inserted words
    pdf = root / "_build/dokumen/perubahan-taman-lacak.pdf"
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for words in ("NASKAH DENGAN LACAK PERUBAHAN", "pada malam hari", "pukul 22.00", "Hewan peliharaan dilarang",
                  "Pasal 4A", "Dihapus."):
        assert words in text, words
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(SHOTS / "lacak-1")], check=True, timeout=120)
    assert (SHOTS / "lacak-1.png").is_file()
