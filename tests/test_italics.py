"""Italics in regulation texts: ``*ad hoc*`` becomes an italic span in the engine's tree, an italic run in the
DOCX, ``<em>`` on the page, and never leaves an asterisk behind; rule L590 finds foreign terms written upright.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docutils import nodes
from hypothesis import given, strategies as st

from rancang.check import check_project
from rancang.documents import regulation_docx, template_path
from rancang.drafting import emphasis
from rancang.drafting.engine import build
from rancang.drafting.references import MARKUP
from rancang.drafting.tree import Span, plain
from rancang.lint.examples import write_project
from rancang.lint.foreign_terms import TERMS
from rancang.lint.registry import Example
from rancang.models.catalogue import LegalCatalogue
from rancang.models.project import Project
from rancang.models.regulation import Regulation
from rancang.render.regulation_docx import render
from rancang.site.regulation_page import rich

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"}})
CATALOGUE = {e.id: e for e in LegalCatalogue.model_validate(
    [{"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": True}]).root}


def drafted(body: list, **extra):
    regulation = Regulation.model_validate({"tentang": "Uji", "menimbang": ["bahwa perlu diuji"],
                                            "mengingat": ["uud-1945"], "batang_tubuh": body, **extra})
    document, problems = build(regulation, SETTINGS, CATALOGUE)
    assert problems == []
    return document


def norm(text: str) -> list[Span]:
    """The spans of a Pasal of one norm, written after a Pasal with id ``p1``."""
    document = drafted([{"id": "p1", "teks": "Pasal pertama."}, {"teks": text}])
    return document.articles()[1].clauses[0].text


# -- the engine ----------------------------------------------------------------------------------


def test_an_italic_term_next_to_a_reference():
    assert norm("Usulan [[p1]] dibahas tim *ad hoc*") == [
        Span("Usulan sebagaimana dimaksud dalam "), Span("Pasal 1", "pasal-1"), Span(" dibahas tim "),
        Span("ad hoc", italic=True)]
    assert norm("Tim *ad hoc*[[p1]] bekerja.") == [
        Span("Tim "), Span("ad hoc", italic=True), Span("sebagaimana dimaksud dalam "), Span("Pasal 1", "pasal-1"),
        Span(" bekerja.")]


def test_a_reference_inside_italics_is_italic_and_still_a_link():
    assert norm("Lihat *uraian [[p1]]* ini.") == [
        Span("Lihat "), Span("uraian sebagaimana dimaksud dalam ", italic=True),
        Span("Pasal 1", "pasal-1", italic=True), Span(" ini.")]


@pytest.mark.parametrize("text", [
    "Nilai 5 * 3 dan 4 * 2 dihitung.",
    "Tanda * berdiri sendiri.",
    "Huruf *tanpa penutup tetap ada.",
    "Penutup tanpa pembuka* tetap ada.",
    "Catatan*) dan *) tetap ada.",
    "Garis bawah snake_case, _bukan miring_, dan ______ tetap ada.",
    "Garis miring terbalik C:\\data dan \\(kurung\\) tetap ada.",
])
def test_a_star_that_is_no_emphasis_stays_a_character(text):
    assert norm(text) == [Span(text)]


def test_an_escaped_star_is_a_star():
    assert norm("Tanda \\*bintang\\* tetap.") == [Span("Tanda *bintang* tetap.")]


def test_nested_and_bold_marks():
    assert norm("Ada ***tebal miring*** dan *miring **tebal** miring*.") == [
        Span("Ada "), Span("tebal miring", italic=True, bold=True), Span(" dan "), Span("miring ", italic=True),
        Span("tebal", italic=True, bold=True), Span(" miring", italic=True), Span(".")]
    assert norm("Ini **tebal**.") == [Span("Ini "), Span("tebal", bold=True), Span(".")]
    # unbalanced runs: CommonMark's reading, the extra star is a character
    assert norm("A **b* c.") == [Span("A *"), Span("b", italic=True), Span(" c.")]


def test_generated_endings_are_upright_and_never_doubled():
    document = drafted([{"teks": "Norma."}], menimbang=["bahwa perlu tim *ad hoc*", "bahwa tim *ad hoc;*"])
    first, second = (entry.text for entry in document.considerations[:2])
    assert first == [Span("bahwa perlu tim "), Span("ad hoc", italic=True), Span(";")]
    assert second == [Span("bahwa tim "), Span("ad hoc;", italic=True)]


def test_every_kind_of_text_reads_italics():
    document = drafted(
        [{"teks": "Bentuk:", "rincian": {"sifat": "kumulatif", "butir": ["layanan *online*", "layanan *offline*"],
                                          "penutup": "secara *ad hoc*."}}],
        menimbang=["bahwa *stakeholder* perlu dilibatkan"],
        ketentuan_umum=[{"istilah": "Tim", "arti": "tim *ad hoc* yang dibentuk Wali Kota"}])
    definition = document.articles()[0].clauses[0].points[0].text
    assert Span("ad hoc", italic=True) in definition
    clause = document.articles()[1].clauses[0]
    assert [span for point in clause.points for span in point.text if span.italic] == [
        Span("online", italic=True), Span("offline", italic=True)]
    assert Span("ad hoc", italic=True) in clause.closing
    assert Span("stakeholder", italic=True) in document.considerations[0].text
    texts = [plain(definition), *(plain(p.text) for p in clause.points), plain(clause.closing),
             plain(document.considerations[0].text)]
    assert not any("*" in text for text in texts), texts


def markdown_it_reading(text: str) -> emphasis.Reading:
    """The oracle: what markdown-it's own emphasis rules make of ``text`` (only ``*`` marks, ``\\*`` the only
    escape, ``[[...]]`` a word), walked along the source to give every shown character its offset and style."""
    from markdown_it import MarkdownIt

    # markdown-it normalises NUL and CR: give it what the flanking rules of rancang see there
    seen = MARKUP.sub(lambda m: "\ue000" * len(m.group(0)), text.replace("\x00", "\ue000").replace("\r", " "))
    masked = re.sub(r"_|\\(?!\*)", "\u2016", seen)  # '_' and a lone backslash: punctuation, never marks
    children = MarkdownIt("zero").enable(["emphasis", "escape"]).parseInline(masked)[0].children or []
    offsets, styles, cursor, italic, bold = [], [], 0, 0, 0
    for token in children:
        if token.type == "text":
            for character in token.content:
                if masked.startswith("\\*", cursor):
                    cursor += 1
                assert masked[cursor] == character
                offsets.append(cursor)
                styles.append((emphasis.ITALIC if italic else 0) | (emphasis.BOLD if bold else 0))
                cursor += 1
        else:
            assert token.type in ("em_open", "em_close", "strong_open", "strong_close"), token.type
            assert masked.startswith(token.markup, cursor)
            cursor += len(token.markup)
            step = 1 if token.type.endswith("open") else -1
            italic, bold = (italic + step, bold) if token.type.startswith("em") else (italic, bold + step)
    assert cursor == len(masked)
    return emphasis.Reading("".join(text[o] for o in offsets), tuple(offsets), tuple(styles))


SOURCE = st.lists(st.sampled_from([*"**\\_ a.", "[[p1]]", "(", "\n", "é", "[", "]"]), max_size=30).map("".join)


@given(SOURCE)
def test_the_reading_is_markdown_its_reading_of_stars(text):
    reading = emphasis.read(text, protect=MARKUP)
    assert reading == markdown_it_reading(text)
    dropped = sorted(set(range(len(text))) - set(reading.offsets))
    assert all(text[i] == "*" or text.startswith("\\*", i) for i in dropped), (text, dropped)
    for match in MARKUP.finditer(text):  # a reference is never split by emphasis
        inside = [reading.styles[i] for i, offset in enumerate(reading.offsets) if match.start() <= offset < match.end()]
        assert len(inside) == len(match.group(0)) and len(set(inside)) == 1


@pytest.mark.parametrize("text", ["*a*", "**a**", "***a***", "*a **b** c*", "**a *b* c**", "*a*b*c*", "***a*b**",
                                  "*foo**bar**baz*", "*foo**bar*", "**foo*bar*baz**", "*(**foo**)*", "a * b * c",
                                  "****a****", "*a* *b* *c*", "x\\**y*", "\\\\*a*"])
def test_the_reading_of_commonmark_examples(text):
    assert emphasis.read(text) == markdown_it_reading(text)


# -- the DOCX ----------------------------------------------------------------------------------------


def word_paragraphs(data: bytes):
    """Every paragraph of the document body, those in table cells included."""
    document = WordDocument(io.BytesIO(data))
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def test_the_docx_has_italic_runs_and_no_asterisk():
    document = drafted(
        [{"id": "p1", "teks": "Pasal pertama."},
         {"teks": "Usulan [[p1]] dibahas tim *ad hoc* dalam 5 * 3 hari."}],
        menimbang=["bahwa *stakeholder* perlu dilibatkan"])
    paragraphs = word_paragraphs(render(document, template_path(ROOT)))
    norm_paragraph = next(p for p in paragraphs if p.text.startswith("Usulan"))
    assert norm_paragraph.text == "Usulan sebagaimana dimaksud dalam Pasal 1 dibahas tim ad hoc dalam 5 * 3 hari."
    assert [(run.text, run.italic) for run in norm_paragraph.runs] == [
        ("Usulan sebagaimana dimaksud dalam ", None), ("Pasal 1", None), (" dibahas tim ", None), ("ad hoc", True),
        (" dalam 5 * 3 hari.", None)]
    cell = next(p for p in paragraphs if p.text.startswith("bahwa stakeholder"))
    assert [(run.text, run.italic) for run in cell.runs] == [
        ("bahwa ", None), ("stakeholder", True), (" perlu dilibatkan;", None)]
    assert not any("*" in p.text for p in paragraphs if p is not norm_paragraph)


def test_the_example_draft_prints_ad_hoc_in_italics():
    checked = check_project(ROOT)
    paragraphs = word_paragraphs(regulation_docx(ROOT, checked, "perwali-inovasi-daerah"))
    definition = next(p for p in paragraphs if "Tim Independen adalah" in p.text)
    assert "tim ad hoc yang beranggotakan" in definition.text
    assert [run.text for run in definition.runs if run.italic] == ["ad hoc"]
    assert not any("*" in p.text for p in paragraphs)


# -- the page ------------------------------------------------------------------------------------------


def test_rich_spans_become_emphasis_strong_and_links():
    para = rich([Span("tim "), Span("ad hoc", italic=True), Span(" dan "),
                 Span("Pasal 1", "pasal-1", italic=True), Span(" "), Span("tebal", bold=True)], nodes.paragraph())
    emphases = list(para.findall(nodes.emphasis))
    assert [e.astext() for e in emphases] == ["ad hoc", "Pasal 1"]
    assert emphases[1][0]["refuri"] == "#pasal-1"
    assert [s.astext() for s in para.findall(nodes.strong)] == ["tebal"]
    assert para.astext() == "tim ad hoc dan Pasal 1 tebal"


def test_the_regulation_page_shows_em(example_build):
    page = (example_build.site / "regulations" / "perwali-inovasi-daerah.html").read_text(encoding="utf-8")
    assert "tim <em>ad hoc</em> yang beranggotakan" in page
    assert "*ad hoc*" not in page


# -- rule L590 ------------------------------------------------------------------------------------------

_BODY = """
batang_tubuh:
  - bab: BENTUK INOVASI DAERAH
    isi:
      - id: pasal-online
        teks: Wali Kota menetapkan Inovasi Daerah.
      - ayat:
          - teks: {first}
          - Penetapan [[pasal-online]] dilakukan paling lama [[14]] hari.
"""


def l590(tmp_path, monkeypatch, patch: str) -> tuple[list, str]:
    """The L590 findings of the base project with ``patch`` applied, and the regulation's YAML as written."""
    root = write_project(tmp_path, Example("regulasi", patch))
    monkeypatch.chdir(root)
    report = check_project(root).report
    return [d for d in report.sorted() if d.code == "L590"], (root / "regulations" / "contoh.yaml").read_text()


def where(yaml_text: str, needle: str) -> tuple[int, int]:
    offset = yaml_text.index(needle)
    line = yaml_text.count("\n", 0, offset) + 1
    return line, offset - (yaml_text.rfind("\n", 0, offset) + 1) + 1


def test_an_upright_term_is_found_at_its_line_and_column(tmp_path, monkeypatch):
    found, written = l590(tmp_path, monkeypatch, _BODY.format(first="Usulan diterima secara online dan offline."))
    assert [(d.location.line, d.location.column) for d in found] == [where(written, "online dan"),
                                                                      where(written, "offline")]
    assert "'online'" in found[0].message and "daring" in (found[0].suggestion or "")
    assert "*offline*" in (found[1].suggestion or "")


def test_a_folded_term_is_found(tmp_path, monkeypatch):
    root = write_project(tmp_path, Example("regulasi", "{}"))
    path = root / "regulations" / "contoh.yaml"
    written = path.read_text().replace("- bahwa Inovasi Daerah perlu diatur agar terarah",
                                       "- >-\n  bahwa perlu dibentuk tim ad\n  hoc")
    path.write_text(written)
    monkeypatch.chdir(root)
    found = [d for d in check_project(root).report.sorted() if d.code == "L590"]
    assert len(found) == 1 and "'ad hoc'" in found[0].message
    assert (found[0].location.line, found[0].location.column) == where(written, "ad\n")


@pytest.mark.parametrize("first", [
    "Usulan diterima secara *online*.",
    "Usulan diterima secara daring.",
    "Usulan dimuat dalam program Parepare Smart City.",
    "Usulan dimuat dalam Layanan Call Center 112.",
    "Usulan diterima melalui surat.",
])
def test_italic_terms_names_and_indonesian_words_are_not_found(tmp_path, monkeypatch, first):
    found, _ = l590(tmp_path, monkeypatch, _BODY.format(first=first))
    assert found == [], [d.format() for d in found]


def test_a_term_half_in_italics_is_found(tmp_path, monkeypatch):
    found, _ = l590(tmp_path, monkeypatch, _BODY.format(first="Usulan dibahas tim *ad* hoc."))
    assert len(found) == 1


def test_a_defined_term_is_the_regulations_own_name(tmp_path, monkeypatch):
    found, _ = l590(tmp_path, monkeypatch, """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Call Center
            arti: layanan pengaduan melalui telepon
        batang_tubuh:
          - teks: Bappeda mengelola Call Center.
          - teks: Pengaduan juga diterima melalui hotline.
    """)
    assert [d.message for d in found] == [
        "istilah asing 'hotline' ditulis tegak; istilah bahasa asing dan bahasa daerah dicetak miring"]


def test_a_lampiran_address_is_not_a_term(tmp_path, monkeypatch):
    found, _ = l590(tmp_path, monkeypatch, """
        lampiran:
          - judul: Formulir Usulan
            isi: |
              Usulan dikirim melalui https://website.pareparekota.go.id/online atau surel usulan@website.id.

              Usulan dapat diisi secara online.
    """)
    assert len(found) == 1 and "'online'" in found[0].message


def test_the_bundled_example_has_no_upright_foreign_term():
    for root in (ROOT, ROOT / "examples" / "pangkep"):
        assert [d.format() for d in check_project(root).report.sorted() if d.code == "L590"] == []


def test_the_term_list_is_well_formed():
    forms = [form for term in TERMS for form in term.forms]
    assert len(forms) == len(set(forms))
    assert all(form == form.lower() and form == " ".join(form.split()) for form in forms)
    assert all(term.indonesian is None or term.indonesian.strip() for term in TERMS)
    assert not {"platform", "internet", "data", "digital", "aplikasi", "web"} & set(forms)  # Indonesian words
