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
from pathlib import Path

import docx

from rancang.check import check_project
from rancang.documents import template_path
from rancang.drafting.tree import Mark
from rancang.render.regulation_docx import render
from rancang.render.template_names import LATER_STYLES, OPTIONAL_STYLES

sys.path.insert(0, str(Path(__file__).parent))
from test_amendment_docx18 import project  # noqa: E402 - the synthetic Kota Sukamaju project

AMENDED = "Diubah dengan Peraturan Wali Kota Sukamaju Nomor 9 Tahun 2025"


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
