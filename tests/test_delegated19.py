"""The single-point delegated konsiderans: ``melaksanakan: {id, pasal}`` instead of ``menimbang``.

A regulation that carries out one provision of a higher regulation has one konsiderans without a letter: "bahwa
untuk melaksanakan ketentuan <Pasal> <the regulation named without its gazette bracket>, perlu menetapkan/membentuk
<kind> tentang <title>;" (domain notes, legal-drafting §3.3). Read from the engine's tree for each kind, from the
DOCX paragraph by paragraph and from the site page; the errors and the L504 finding read as ``rancang check``
prints them, located, on the small project of the rules' examples (:mod:`rancang.lint.examples`).
"""

from __future__ import annotations

import textwrap

import lxml.html
import pytest
import yaml
from docutils.core import publish_from_doctree
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from docx_reading import blocks
from rancang.check import check_project
from rancang.documents import template_path
from rancang.drafting.engine import build
from rancang.lint.examples import write_project
from rancang.lint.registry import Example
from rancang.models.catalogue import LegalCatalogue
from rancang.models.regulation import Regulation
from rancang.render.regulation_docx import render
from rancang.site.regulation_page import regulation_nodes
from test_perda import CITY, REGENCY, ROOT

CATALOGUE_TEXT = """\
- id: uud-1945
  jenis: UUD
  tahun: 1945
  terkonfirmasi: true
- id: pp-38-2017
  jenis: PP
  nomor: 38
  tahun: 2017
  tentang: Inovasi Daerah
  lembaran: {tahun: 2017, nomor: 206}
  tambahan: 6123
  terkonfirmasi: true
"""
CATALOGUE = {entry.id: entry for entry in LegalCatalogue.model_validate(yaml.safe_load(CATALOGUE_TEXT)).root}

DELEGATION = {"id": "pp-38-2017", "pasal": "Pasal …"}
CITED = "Pasal … Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah"


def delegated(kind: str, title: str = "Inovasi Daerah", **extra) -> Regulation:
    data: dict = {"jenis": kind, "tentang": title, "melaksanakan": DELEGATION,
                  "mengingat": [{"id": "uud-1945", "pasal": "Pasal 18 ayat (6)"}, "pp-38-2017"], **extra}
    if kind.startswith("keputusan"):
        data.setdefault("diktum", ["Menetapkan Inovasi Daerah sebagaimana tercantum dalam Lampiran"])
    else:
        data.setdefault("batang_tubuh", [{"teks": "Perangkat daerah melaksanakan Inovasi Daerah."}])
    return Regulation.model_validate(data)


def considerations(regulation: Regulation, settings=CITY, catalogue=CATALOGUE):
    document, problems = build(regulation, settings, catalogue)
    return [(entry.label, "".join(span.text for span in entry.text)) for entry in document.considerations], problems


# -- the sentence, per kind --------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "settings", "made"), [
    ("peraturan_wali_kota", CITY, "perlu menetapkan Peraturan Wali Kota tentang Inovasi Daerah;"),
    ("peraturan_bupati", REGENCY, "perlu menetapkan Peraturan Bupati tentang Inovasi Daerah;"),
    ("peraturan_daerah", CITY, "perlu membentuk Peraturan Daerah tentang Inovasi Daerah;"),
    ("peraturan_daerah", REGENCY, "perlu membentuk Peraturan Daerah tentang Inovasi Daerah;"),
    ("keputusan_wali_kota", CITY, "perlu menetapkan Keputusan Wali Kota tentang Inovasi Daerah;"),
    ("keputusan_bupati", REGENCY, "perlu menetapkan Keputusan Bupati tentang Inovasi Daerah;"),
])
def test_the_single_konsiderans_has_no_letter_and_names_the_provision_without_its_gazette(kind, settings, made):
    found, problems = considerations(delegated(kind), settings)
    assert problems == []
    assert found == [(None, f"bahwa untuk melaksanakan ketentuan {CITED}, {made}")]


def test_the_title_in_the_konsiderans_is_the_regulations_own():
    found, _ = considerations(delegated("peraturan_wali_kota", "Tata Cara Uji Coba Inovasi Daerah"))
    assert found[0][1].endswith(", perlu menetapkan Peraturan Wali Kota tentang Tata Cara Uji Coba Inovasi Daerah;")


def test_without_melaksanakan_the_lettered_points_and_closing_formula_stay():
    regulation = Regulation.model_validate({"tentang": "Inovasi Daerah", "menimbang": ["bahwa Inovasi perlu diatur"],
                                            "mengingat": ["pp-38-2017"], "batang_tubuh": [{"teks": "Isi pasal."}]})
    found, _ = considerations(regulation)
    assert found == [("a.", "bahwa Inovasi perlu diatur;"),
                     ("b.", "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
                            "Peraturan Wali Kota tentang Inovasi Daerah;")]


def test_an_unknown_id_is_r301_with_the_nearest_id_and_an_ellipsis_in_the_sentence():
    regulation = delegated("peraturan_wali_kota", melaksanakan={"id": "pp-38-2071", "pasal": "Pasal …"})
    found, problems = considerations(regulation)
    assert found == [(None, "bahwa untuk melaksanakan ketentuan Pasal … ..., perlu menetapkan Peraturan "
                            "Wali Kota tentang Inovasi Daerah;")]
    assert [(p.code, p.message, p.suggestion) for p in problems] == [
        ("R301", "dasar hukum 'pp-38-2071' tidak dikenal",
         "mungkin maksud Anda 'pp-38-2017'? id dasar hukum didaftarkan di kb/dasar-hukum.yaml")]


# -- the DOCX and the page -----------------------------------------------------------------------------------


def test_the_docx_writes_the_single_point_without_a_label():
    document, problems = build(delegated("peraturan_wali_kota"), CITY, CATALOGUE)
    assert problems == []
    found = blocks(render(document, template_path(ROOT)))
    start = next(i for i, (_, text) in enumerate(found) if text.startswith("Menimbang"))
    assert found[start:start + 3] == [
        ("tabel", f"Menimbang | : | bahwa untuk melaksanakan ketentuan {CITED}, perlu menetapkan Peraturan Wali Kota "
                  "tentang Inovasi Daerah;"),
        ("Normal", ""),
        ("tabel", "Mengingat | : | 1. | Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;"),
    ]


def test_the_page_writes_the_single_point_without_a_label():
    document, _ = build(delegated("peraturan_daerah"), CITY, CATALOGUE)
    tree = new_document("<perda>", get_default_settings(Parser))
    for node in regulation_nodes(document, "Rancangan Peraturan Daerah Kota Parepare", []):
        tree += node
    page = lxml.html.fromstring(publish_from_doctree(tree, writer="html5",
                                                     settings_overrides={"output_encoding": "unicode"}))
    points = page.xpath("//div[@id='menimbang']/p")
    assert [" ".join(p.text_content().split()) for p in points] == [
        "Menimbang", f"bahwa untuk melaksanakan ketentuan {CITED}, perlu membentuk Peraturan Daerah tentang "
                     "Inovasi Daerah;"]
    assert not points[1].xpath(".//*[contains(@class, 'rancang-label')]")


# -- the errors, as `rancang check` prints them -------------------------------------------------------------------

HEAD = """\
tentang: Uji Coba Inovasi Daerah
"""
MENIMBANG = """\
menimbang:
  - bahwa uji coba Inovasi Daerah perlu diatur
"""
MELAKSANAKAN = """\
melaksanakan:
  id: {id}
  pasal: Pasal …
"""
REST = """\
mengingat:
  - {id: uud-1945, pasal: Pasal 18 ayat (6)}
  - uu-23-2014
  - pp-38-2017
batang_tubuh:
  - teks: Perangkat daerah melakukan uji coba sebelum inovasi diterapkan.
"""


def check(tmp_path, monkeypatch, text: str | None = None) -> list[str]:
    root = write_project(tmp_path, Example("regulasi-pelaksana", "{}"))
    if text is not None:
        (root / "regulations" / "pelaksana.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    return [d.format() for d in check_project(root).report.sorted()]


def test_the_delegated_base_is_clean(tmp_path, monkeypatch):
    assert check(tmp_path, monkeypatch) == []
    assert check(tmp_path, monkeypatch, HEAD + MELAKSANAKAN.format(id="pp-38-2017") + REST) == []


@pytest.mark.parametrize(("order", "line"), [("menimbang first", 4), ("melaksanakan first", 5)])
def test_menimbang_and_melaksanakan_together_are_an_error_at_the_second(tmp_path, monkeypatch, order, line):
    given = MELAKSANAKAN.format(id="pp-38-2017")
    text = HEAD + (MENIMBANG + given if order == "menimbang first" else given + MENIMBANG) + REST
    second = "melaksanakan" if order == "menimbang first" else "menimbang"
    assert text.splitlines()[line - 1].startswith(second)
    assert check(tmp_path, monkeypatch, text) == [
        f"regulations/pelaksana.yaml:{line}:1: S206: 'menimbang' dan 'melaksanakan' tidak dipakai "
        "bersama-sama; pilih salah satu ('melaksanakan' untuk konsiderans satu butir yang melaksanakan satu "
        "ketentuan peraturan yang lebih tinggi, 'menimbang' untuk pokok-pokok pikiran)"]


def test_neither_is_the_missing_menimbang(tmp_path, monkeypatch):
    found = check(tmp_path, monkeypatch, HEAD + REST)
    assert found == ["regulations/pelaksana.yaml:1:1: S201: kunci wajib 'menimbang' tidak ada (atau "
                     "'melaksanakan' (id dan pasal) bila peraturan ini melaksanakan satu ketentuan peraturan yang "
                     "lebih tinggi)"]


def test_an_empty_menimbang_is_still_too_short(tmp_path, monkeypatch):
    found = check(tmp_path, monkeypatch, HEAD + "menimbang: []\n" + REST)
    assert len(found) == 1 and found[0].startswith("regulations/pelaksana.yaml:2:") and "S20" in found[0]


def test_melaksanakan_needs_its_pasal(tmp_path, monkeypatch):
    text = HEAD + "melaksanakan:\n  id: pp-38-2017\n" + REST
    assert check(tmp_path, monkeypatch, text) == [
        "regulations/pelaksana.yaml:3:3: S201: kunci wajib 'pasal' tidak ada"]


def test_an_unknown_id_is_r301_at_the_id(tmp_path, monkeypatch):
    found = check(tmp_path, monkeypatch, HEAD + MELAKSANAKAN.format(id="pp-38-2071") + REST)
    assert found == ["regulations/pelaksana.yaml:3:7: R301: dasar hukum 'pp-38-2071' tidak dikenal "
                     "(mungkin maksud Anda 'pp-38-2017'? id dasar hukum didaftarkan di kb/dasar-hukum.yaml)"]


def test_the_delegating_regulation_missing_from_mengingat_is_l504(tmp_path, monkeypatch):
    text = HEAD + MELAKSANAKAN.format(id="pp-38-2017") + REST.replace("  - pp-38-2017\n", "")
    assert check(tmp_path, monkeypatch, text) == [
        "regulations/pelaksana.yaml:3:3: L504: peringatan: 'pp-38-2017' yang ketentuannya dilaksanakan "
        "('melaksanakan') tidak dikutip dalam Mengingat (tambahkan pp-38-2017 ke 'mengingat'; pasalnya cukup "
        "ditulis di 'melaksanakan')"]


def test_a_konsiderans_typed_in_menimbang_is_still_linted_as_before(tmp_path, monkeypatch):
    """L501 reads 'menimbang' only: with 'melaksanakan' there is no typed konsiderans to read."""
    text = HEAD + "menimbang:\n  - uji coba Inovasi Daerah perlu diatur\n" + REST
    assert [line.split(": ")[1] for line in check(tmp_path, monkeypatch, text)] == ["L501"]
