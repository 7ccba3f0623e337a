"""Hand-typed references of an enacted regulation -> ``[[id]]`` (rancang.importer.references).

1. Trees built by hand: each pattern of the formula, its exact markup, the ids given to the targets, and a
   ``rujukan`` note (reason, words, source lines) for each phrase left as text.
2. A property over the engine itself: a random regulation with random ``[[...]]`` is drafted, its texts (as
   an enacted document prints them) are read into a :class:`Node` tree, converted back, and drafted again:
   every text of the second document is exactly the text of the first, and every formula became markup.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import given, note, strategies as st

from rancang.drafting.engine import build
from rancang.drafting.tree import Article, Clause, Document, Group, Point, plain
from rancang.importer.references import link_references
from rancang.importer.tree import Node, Note
from rancang.models.catalogue import LegalBasis
from rancang.models.project import Project
from rancang.models.regulation import Regulation

# -- trees by hand ---------------------------------------------------------------------------------------

_LINE = [0]


def _node(kind: str, label: str, number: int, text: str | None, children, closing: str | None = None,
          **extra) -> Node:
    _LINE[0] += 1
    return Node(kind, label, number, text=text, children=list(children), closing=closing, lines=[_LINE[0]],
                **extra)


def pasal(n: int, text: str | None = None, *children: Node, label: str | None = None, **extra) -> Node:
    return _node("pasal", label or str(n), n, text, children, **extra)


def ayat(n: int, text: str, *children: Node, **extra) -> Node:
    return _node("ayat", f"({n})", n, text, children, **extra)


def huruf(letter: str, text: str, *children: Node, paren: bool = False, **extra) -> Node:
    return _node("butir", f"{letter})" if paren else f"{letter}.", ord(letter) - 96, text, children, **extra)


def angka(n: int, text: str, *children: Node, paren: bool = False, **extra) -> Node:
    return _node("butir", f"{n})" if paren else f"{n}.", n, text, children, **extra)


def bab(n: int, label: str, title: str, *children: Node) -> Node:
    return _node("bab", label, n, None, children, title=title)


def bagian(n: int, label: str, title: str, *children: Node) -> Node:
    return _node("bagian", label, n, None, children, title=title)


def regulation_body() -> list[Node]:
    """BAB I (Pasal 1: definitions), BAB II (Bagian Kesatu: Pasal 2, 3; Bagian Kedua: Pasal 4-8), BAB III."""
    return [
        bab(1, "I", "KETENTUAN UMUM", pasal(
            1, "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
            angka(1, "Daerah adalah Kota Parepare."),
            angka(2, "Izin adalah izin usaha."),
            angka(3, "Pemohon adalah orang yang mengajukan izin."),
        )),
        bab(2, "II", "PERIZINAN",
            bagian(1, "Kesatu", "Umum",
                   pasal(2, None,
                         ayat(1, "Setiap orang wajib memiliki izin."),
                         ayat(2, "Izin terdiri atas:",
                              huruf("a", "izin usaha;"),
                              huruf("b", "izin lokasi, yang meliputi:",
                                    angka(1, "lokasi darat, berupa:",
                                          huruf("a", "tanah;", paren=True),
                                          huruf("b", "bangunan; dan", paren=True)),
                                    angka(2, "lokasi perairan; dan")),
                              huruf("c", "izin lain.")),
                         ayat(3, "Izin diberikan oleh Wali Kota.")),
                   pasal(3, "Persyaratan izin meliputi:",
                         huruf("a", "surat permohonan;"),
                         huruf("b", "identitas pemohon; dan"),
                         huruf("c", "bukti kepemilikan."))),
            bagian(2, "Kedua", "Tata Cara",
                   *(pasal(n, f"Ketentuan tata cara ke-{n}.") for n in range(4, 9)))),
        bab(3, "III", "KETENTUAN PENUTUP", pasal(9, "Peraturan Wali Kota ini mulai berlaku.")),
    ]


def find(body: list[Node], where: str) -> Node:
    """``"2"`` Pasal 2, ``"2/2"`` its ayat (2), ``"2/2/b/1"`` huruf b angka 1 (labels as printed, no dots)."""
    number, *rest = where.split("/")
    node = next(n for top in body for n in top.walk() if n.kind == "pasal" and n.label == number)
    for label in rest:
        node = next(c for c in node.children if c.label.strip("().") == label)
    return node


def convert(where: str, text: str, body: list[Node] | None = None) -> tuple[str, list[Note], list[Node]]:
    body = body if body is not None else regulation_body()
    node = find(body, where)
    node.text = text
    notes = link_references(body, definitions_article=1)
    return node.text, notes, body


CONVERTED = [
    # (written in, source text, converted text)
    ("9", "Izin sebagaimana dimaksud dalam Pasal 2 berlaku.", "Izin [[pasal-2]] berlaku."),
    ("9", "Izin sebagaimana dimaksud dalam Pasal 2 ayat (2) berlaku.", "Izin [[pasal-2-ayat-2]] berlaku."),
    ("9", "Izin sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf b berlaku.",
     "Izin [[pasal-2-ayat-2-huruf-b]] berlaku."),
    ("9", "Lokasi sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf b angka 1 berlaku.",
     "Lokasi [[pasal-2-ayat-2-huruf-b-angka-1]] berlaku."),
    ("9", "Tanah sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf b angka 1 huruf a);",
     "Tanah [[pasal-2-ayat-2-huruf-b-angka-1-huruf-a]];"),
    ("9", "Surat sebagaimana dimaksud dalam Pasal 3 huruf a dinilai.", "Surat [[pasal-3-huruf-a]] dinilai."),
    ("2/3", "Izin sebagaimana dimaksud pada ayat (1) diberikan.", "Izin [[pasal-2-ayat-1]] diberikan."),
    ("2/3", "Izin sebagaimana dimaksud pada ayat (2) huruf a diberikan.",
     "Izin [[pasal-2-ayat-2-huruf-a]] diberikan."),
    ("2/2/c", "izin lain selain izin sebagaimana dimaksud pada huruf a.",
     "izin lain selain izin [[pasal-2-ayat-2-huruf-a]]."),
    ("3/c", "bukti selain sebagaimana dimaksud pada huruf a.", "bukti selain [[pasal-3-huruf-a]]."),
    ("9", "Ketentuan sebagaimana dimaksud dalam Pasal 5 dan Pasal 7 berlaku.",
     "Ketentuan [[pasal-5, pasal-7]] berlaku."),
    ("2/3", "Izin sebagaimana dimaksud pada ayat (1) dan ayat (2) diberikan.",
     "Izin [[pasal-2-ayat-1, pasal-2-ayat-2]] diberikan."),
    ("9", "Syarat sebagaimana dimaksud dalam Pasal 3 huruf a dan huruf c dinilai.",
     "Syarat [[pasal-3-huruf-a, pasal-3-huruf-c]] dinilai."),
    ("9", "Ketentuan sebagaimana dimaksud dalam Pasal 4, Pasal 6, dan Pasal 8 berlaku.",
     "Ketentuan [[pasal-4, pasal-6, pasal-8]] berlaku."),
    ("9", "Ketentuan sebagaimana dimaksud dalam Pasal 4 sampai dengan Pasal 7 berlaku.",
     "Ketentuan [[pasal-4 sampai pasal-7]] berlaku."),
    ("9", "Ketentuan sebagaimana dimaksud dalam Pasal 2, Pasal 4 sampai dengan Pasal 6, dan Pasal 8 berlaku.",
     "Ketentuan [[pasal-2, pasal-4, pasal-5, pasal-6, pasal-8]] berlaku."),
    ("9", "Ketentuan sebagaimana dimaksud dalam Pasal 2 ayat (1) sampai dengan ayat (3) berlaku.",
     "Ketentuan [[pasal-2-ayat-1 sampai pasal-2-ayat-3]] berlaku."),
    ("9", "Ketentuan sebagaimana dimaksud dalam BAB II berlaku.", "Ketentuan [[bab-2]] berlaku."),
    ("9", "Ketentuan sebagaimana dimaksud dalam Bagian Kedua BAB II berlaku.",
     "Ketentuan [[bab-2-bagian-2]] berlaku."),
    ("9", "Izin sebagaimana dimaksud dalam Pasal 1 angka 2 berlaku.", "Izin [[pasal-1-angka-2]] berlaku."),
    ("1/3", "Pemohon adalah orang yang mengajukan izin sebagaimana dimaksud pada angka 2.",
     "Pemohon adalah orang yang mengajukan izin [[pasal-1-angka-2]]."),
    ("9", "Ketentuan sebagaimana dimaksud dalam Pasal 5 Peraturan Wali Kota ini berlaku.",
     "Ketentuan [[pasal-5]] Peraturan Wali Kota ini berlaku."),
    ("9", "Izin (sebagaimana dimaksud dalam Pasal 3 huruf a) dinilai.", "Izin ([[pasal-3-huruf-a]]) dinilai."),
    # bare labels: the engine's label-only form, when it writes the same words
    ("9", "Ketentuan dalam Pasal 5 berlaku.", "Ketentuan dalam [[#pasal-5]] berlaku."),
    ("2/3", "Izin tersebut pada ayat (1) diberikan.", "Izin tersebut pada [[#pasal-2-ayat-1]] diberikan."),
    ("9", "Diatur dalam Pasal 2 ayat (2) huruf b dan berdasarkan BAB II.",
     "Diatur dalam [[#pasal-2-ayat-2-huruf-b]] dan berdasarkan [[#bab-2]]."),
    # never touched: other regulations' Pasal, bare labels the engine would write otherwise, no reference at all
    ("9", "Sebagaimana diatur dalam Pasal 5 Undang-Undang Nomor 23 Tahun 2014.",
     "Sebagaimana diatur dalam Pasal 5 Undang-Undang Nomor 23 Tahun 2014."),
    ("9", "Kewenangan sebagaimana dimaksud dalam Pasal 18 ayat (6) UUD 1945.",
     "Kewenangan sebagaimana dimaksud dalam Pasal 18 ayat (6) UUD 1945."),
    ("9", "Izin sebagaimana dimaksud dalam Peraturan Daerah berlaku.",
     "Izin sebagaimana dimaksud dalam Peraturan Daerah berlaku."),
    ("2/3", "Izin dalam Pasal 2 ayat (1) dan ayat (2) diberikan.",
     "Izin dalam Pasal 2 ayat (1) dan ayat (2) diberikan."),
    ("9", "Pasal 5 berlaku; dalam Pasal 40 tidak; ditulis dalam angka 2.",
     "Pasal 5 berlaku; dalam Pasal 40 tidak; ditulis dalam angka 2."),
]


@pytest.mark.parametrize(("where", "source", "expected"), CONVERTED)
def test_a_reference_becomes_the_markup_the_engine_writes_back(where, source, expected):
    converted, notes, _body = convert(where, source)
    assert converted == expected
    assert notes == []


def test_ids_are_given_to_the_targets_only():
    body = regulation_body()
    find(body, "9").text = ("Izin sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf b angka 1 dan "
                            "sebagaimana dimaksud dalam BAB II berlaku.")
    link_references(body, definitions_article=1)
    with_ids = {n.id: (n.kind, n.label) for top in body for n in top.walk() if n.id}
    assert with_ids == {"pasal-2-ayat-2-huruf-b-angka-1": ("butir", "1."), "bab-2": ("bab", "II")}


def test_an_existing_id_is_used_and_a_new_one_never_repeats_one():
    body = regulation_body()
    find(body, "5").id = "retribusi"
    find(body, "8").id = "pasal-7"  # an unlucky id already in the source
    find(body, "9").text = "Ketentuan sebagaimana dimaksud dalam Pasal 5 dan Pasal 7 berlaku."
    assert link_references(body, definitions_article=1) == []
    assert find(body, "9").text == "Ketentuan [[retribusi, pasal-7-2]] berlaku."
    assert (find(body, "5").id, find(body, "7").id, find(body, "8").id) == ("retribusi", "pasal-7-2", "pasal-7")


def test_the_closing_words_of_a_list_are_converted_too():
    body = regulation_body()
    find(body, "3").closing = "sesuai dengan ketentuan sebagaimana dimaksud dalam Pasal 2."
    assert link_references(body, definitions_article=1) == []
    assert find(body, "3").closing == "sesuai dengan ketentuan [[pasal-2]]."


NOT_CONVERTED = [
    # (written in, phrase, reason)
    ("9", "sebagaimana dimaksud dalam Pasal 40", "Pasal 40 tidak ada"),
    ("9", "sebagaimana dimaksud dalam Pasal huruf a", "rujukan tidak lengkap: nomor pasal tidak ada"),
    ("9", "sebagaimana dimaksud dalam Pasal 2 ayat huruf a", "rujukan tidak lengkap: nomor ayat tidak ada"),
    ("9", "sebagaimana dimaksud dalam Pasal 2 ayat (5)", "ayat (5) tidak ada dalam Pasal 2"),
    ("9", "sebagaimana dimaksud dalam Pasal 3 huruf d", "huruf d tidak ada dalam Pasal 3"),
    ("9", "sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf b angka 3",
     "angka 3 tidak ada dalam Pasal 2 ayat (2) huruf b"),
    ("9", "sebagaimana dimaksud dalam Pasal 3 huruf a ayat (1)", "urutan unsur rujukan tidak lazim"),
    ("9", "sebagaimana dimaksud dalam Pasal 7 sampai dengan Pasal 5",
     "rentang ditulis dari unsur yang lebih akhir ke yang lebih awal"),
    ("9", "sebagaimana dimaksud pada ayat (1)", "ayat (1) tidak ada dalam Pasal 9"),
    # it resolves, but the engine writes other words: the source text stays, the drafter sees both
    ("9", "sebagaimana dimaksud pada Pasal 5",
     'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 5"; teks sumber dibiarkan'),
    ("2/3", "sebagaimana dimaksud dalam Pasal 2 ayat (1)",
     'rancang draft akan menulis "sebagaimana dimaksud pada ayat (1)"; teks sumber dibiarkan'),
    ("2/3", "sebagaimana dimaksud pada ayat 1",
     'rancang draft akan menulis "sebagaimana dimaksud pada ayat (1)"; teks sumber dibiarkan'),
    ("9", "sebagaimana dimaksud dalam\xa0Pasal 5",
     'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 5" (hanya spasinya yang berbeda); '
     'teks sumber dibiarkan'),
    ("2/3", "sebagaimana dimaksud pada ayat (1) Pasal ini",
     'rancang draft akan menulis "sebagaimana dimaksud pada ayat (1)"; teks sumber dibiarkan'),
    ("9", "sebagaimana dimaksud dalam Pasal ini",
     'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 9"; teks sumber dibiarkan'),
    ("9", "sebagaimana dimaksud dalam Pasal 5, Pasal 6, dan Pasal 7",
     'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 5 sampai dengan Pasal 7"; teks sumber dibiarkan'),
    ("9", "sebagaimana dimaksud dalam Pasal 7 dan Pasal 5",
     'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 5 dan Pasal 7"; teks sumber dibiarkan'),
    ("9", "sebagaimana dimaksud dalam Pasal 5 atau Pasal 6",
     'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 5 dan Pasal 6"; teks sumber dibiarkan'),
    ("4", "sebagaimana dimaksud dalam Bagian Kedua",
     'rancang draft akan menulis "sebagaimana dimaksud dalam Bagian Kedua BAB II"; teks sumber dibiarkan'),
    ("9", "sebagaimana dimaksud dalam Bagian Kedua", "Bagian Kedua tidak ada dalam BAB III"),
    ("9", "sebagaimana dimaksud dalam Pasal 3 huruf a dan Pasal 3 huruf c",
     'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 3 huruf a dan huruf c"; teks sumber dibiarkan'),
    ("9", "sebagaimana dimaksud dalam Pasal 5 dan BAB II",
     "rancang draft tidak dapat menulis rujukan ini: rujukan ganda hanya dapat menunjuk pasal, ayat, butir, "
     "atau istilah"),
]


@pytest.mark.parametrize(("where", "phrase", "reason"), NOT_CONVERTED)
def test_a_reference_that_cannot_be_converted_stays_and_is_reported(where, phrase, reason):
    source = f"Izin {phrase} berlaku."
    converted, notes, body = convert(where, source)
    assert converted == source
    assert notes == [Note("rujukan", reason, tuple(find(body, where).lines), phrase)]
    assert not any(n.id for top in body for n in top.walk())


def test_a_phrase_is_converted_while_the_one_beside_it_is_reported():
    converted, notes, _body = convert(
        "9", "Izin sebagaimana dimaksud dalam Pasal 40 dan sebagaimana dimaksud dalam Pasal 3 berlaku.")
    assert converted == "Izin sebagaimana dimaksud dalam Pasal 40 dan [[pasal-3]] berlaku."
    assert [n.message for n in notes] == ["Pasal 40 tidak ada"]


def test_a_pasal_numbered_twice_in_the_source_is_ambiguous():
    body = regulation_body()
    repeated = find(body, "6")
    repeated.label, repeated.number = "5", 5  # Pasal 4, 5, 5, 7: the source repeats 5
    converted, notes, _body = convert("9", "Izin sebagaimana dimaksud dalam Pasal 5 berlaku.", body)
    assert converted == "Izin sebagaimana dimaksud dalam Pasal 5 berlaku."
    assert [n.message for n in notes] == ["Pasal 5 ada lebih dari satu"]


def test_the_engine_numbers_win_when_the_source_skips_a_number():
    body = [pasal(1, "Satu."), pasal(2, "Dua."),
            pasal(4, "Izin sebagaimana dimaksud dalam Pasal 2 dan sebagaimana dimaksud dalam Pasal 4 berlaku.")]
    notes = link_references(body)
    assert body[2].text == "Izin [[pasal-2]] dan sebagaimana dimaksud dalam Pasal 4 berlaku."
    assert [n.message for n in notes] == [
        'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 3"; teks sumber dibiarkan']


def test_the_single_ayat_of_a_pasal_is_the_pasal_for_the_engine():
    body = [pasal(1, None, ayat(1, "Satu.")),
            pasal(2, "Izin sebagaimana dimaksud dalam Pasal 1 ayat (1) dan sebagaimana dimaksud dalam Pasal 1.")]
    notes = link_references(body)
    assert body[1].text == "Izin sebagaimana dimaksud dalam Pasal 1 ayat (1) dan [[pasal-1]]."
    assert [n.message for n in notes] == [
        'rancang draft akan menulis "sebagaimana dimaksud dalam Pasal 1"; teks sumber dibiarkan']


def test_an_amending_regulation_is_left_alone():
    body = [pasal(1, "Ketentuan Pasal 5 sebagaimana dimaksud dalam Pasal 2 diubah.", label="I"),
            pasal(2, "Peraturan ini mulai berlaku.", label="II")]
    assert link_references(body) == []
    assert body[0].text == "Ketentuan Pasal 5 sebagaimana dimaksud dalam Pasal 2 diubah."


def test_a_text_holding_brackets_is_left_alone_and_reported():
    converted, notes, _body = convert("9", "Izin [[x]] sebagaimana dimaksud dalam Pasal 3 berlaku.")
    assert converted == "Izin [[x]] sebagaimana dimaksud dalam Pasal 3 berlaku."
    assert [n.message for n in notes] == ["teks memuat '[[' atau ']]'; rujukan di dalamnya tidak diubah"]


def test_emphasis_around_a_reference_reads_the_same():
    converted, notes, _body = convert("9", "Izin *sebagaimana dimaksud dalam Pasal 3* berlaku.")
    assert converted == "Izin *[[pasal-3]]* berlaku."
    assert notes == []


# -- the engine's own round trip ----------------------------------------------------------------------------

SETTINGS = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"}})
CATALOGUE = {
    "uud-1945": LegalBasis.model_validate({"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": True})
}
WORDS = ["izin", "wajib", "berlaku", "diberikan", "oleh Wali Kota", "Pemerintah Daerah", "dan", "yang",
         "Peraturan Wali Kota ini", "tata cara", "atau", "setiap orang"]
ENDING = re.compile(r"(?:;(?: dan/atau| dan| atau)?|[.,:])$")


class _Writer:
    """A random regulation (every element with an id, every text in long form) and what its ids name."""

    def __init__(self, draw):
        self.draw = draw
        self.count = 0
        self.elements: list[tuple[str, str, tuple]] = []
        """(id, kind, family): family says which elements may form a range together."""
        self.slots: list[tuple[dict, str]] = []

    def new_id(self, kind: str, family: tuple | None) -> str:
        self.count += 1
        element_id = f"e{self.count}-{kind}"
        if family is not None:
            self.elements.append((element_id, kind, family))
        return element_id

    def words(self) -> str:
        return " ".join(self.draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)))

    def text(self, node: dict, key: str) -> None:
        node[key] = self.words()
        self.slots.append((node, key))

    def rincian(self, depth: int, parent: str) -> dict:
        items = []
        for _ in range(self.draw(st.integers(2, 3))):
            item: dict = {"id": self.new_id("butir", ("butir", parent))}
            self.text(item, "teks")
            if depth < 3 and self.draw(st.integers(0, 2)) == 0:
                item["rincian"] = self.rincian(depth + 1, item["id"])
            items.append(item)
        node = {"sifat": self.draw(st.sampled_from(["kumulatif", "alternatif", "kumulatif_alternatif"])),
                "butir": items}
        if self.draw(st.integers(0, 3)) == 0:
            self.text(node, "penutup")
        return node

    def article(self) -> dict:
        node: dict = {"id": self.new_id("pasal", ("pasal",))}
        if self.draw(st.booleans()):
            self.text(node, "teks")
            if self.draw(st.booleans()):
                node["rincian"] = self.rincian(1, node["id"])
            return node
        count = self.draw(st.integers(1, 3))
        node["ayat"] = []
        for _ in range(count):
            # a single ayat is the Pasal's one norm: the engine names it as the Pasal (no range, no list)
            clause: dict = {"id": self.new_id("ayat", ("ayat", node["id"]) if count > 1 else None)}
            self.text(clause, "teks")
            if self.draw(st.integers(0, 2)) == 0:
                clause["rincian"] = self.rincian(1, clause["id"])
            node["ayat"].append(clause)
        return node

    def articles(self, most: int) -> list[dict]:
        return [self.article() for _ in range(self.draw(st.integers(1, most)))]

    def body(self) -> list[dict]:
        if self.draw(st.booleans()):
            return self.articles(4)
        chapters = []
        count = self.draw(st.integers(1, 3))
        titles = ["Bab"] * count
        if self.draw(st.booleans()):  # the author's own BAB for the definitions and the closing Pasal
            titles[0], titles[-1] = "Ketentuan Umum", "Ketentuan Penutup"
        for title in titles:
            chapter: dict = {"bab": title, "id": self.new_id("bab", ("bab", self.count))}
            if self.draw(st.booleans()):
                chapter["isi"] = self.articles(3)
            else:
                chapter["isi"] = []
                for _ in range(self.draw(st.integers(1, 2))):
                    part: dict = {"bagian": "Bagian", "id": self.new_id("bagian", ("bagian", self.count))}
                    if self.draw(st.booleans()):
                        part["isi"] = self.articles(2)
                    else:
                        part["isi"] = [{"paragraf": "Paragraf",
                                        "id": self.new_id("paragraf", ("paragraf", self.count)),
                                        "isi": self.articles(2)} for _ in range(self.draw(st.integers(1, 2)))]
                    chapter["isi"].append(part)
            chapters.append(chapter)
        return chapters

    def definitions(self) -> list[dict]:
        out = []
        for index in range(self.draw(st.integers(0, 3))):
            node = {"istilah": f"Istilah {index + 1}", "id": self.new_id("istilah", ("istilah",))}
            self.text(node, "arti")
            out.append(node)
        return out


@st.composite
def referring_regulations(draw) -> dict:
    """A valid regulation whose body texts hold 1-6 random ``[[...]]`` in every form the engine knows."""
    writer = _Writer(draw)
    definitions = writer.definitions()  # first: the engine puts them first, so their order is first
    data: dict[str, Any] = {"tentang": "Uji Rujukan", "menimbang": ["pertimbangan"], "mengingat": ["uud-1945"],
                            "batang_tubuh": writer.body()}
    if definitions:
        data["ketentuan_umum"] = definitions
    elements = writer.elements
    listable = [e for e in elements if e[1] in ("pasal", "ayat", "butir", "istilah")]
    families: dict[tuple, list[str]] = {}
    for element_id, kind, family in listable:
        families.setdefault(family, []).append(element_id)
    pairs = [(a, b) for ids in families.values() for i, a in enumerate(ids) for b in ids[i + 1:]]
    forms = ["id", "label"] + (["list"] if len(listable) >= 2 else []) + (["range"] if pairs else [])
    for _ in range(draw(st.integers(1, 6))):
        form = draw(st.sampled_from(forms))
        if form == "id":
            markup = f"[[{draw(st.sampled_from(elements))[0]}]]"
        elif form == "label":
            markup = f"dalam [[#{draw(st.sampled_from(elements))[0]}]]"
        elif form == "range":
            first, last = draw(st.sampled_from(pairs))
            markup = f"[[{first} sampai {last}]]"
        else:
            chosen = draw(st.lists(st.sampled_from(listable), min_size=2, max_size=4, unique_by=lambda e: e[0]))
            markup = "[[" + ", ".join(e[0] for e in chosen) + "]]"
        node, key = draw(st.sampled_from(writer.slots))
        node[key] = f"{node[key]} {markup} {writer.words()}"
    return data


def _draft(data: dict) -> Document:
    document, problems = build(Regulation.model_validate(data), SETTINGS, CATALOGUE)
    assert problems == [], problems
    return document


def _number(label: str) -> int:
    core = label.strip("().")
    return int(core) if core.isdigit() else ord(core[0]) - 96 + 26 * (len(core) - 1)


class _Reader:
    """Reads a drafted document into a source :class:`Node` tree, as the importer's parser would, and remembers
    which text of the regulation each node holds (to write the converted texts back)."""

    def __init__(self, document: Document, data: dict):
        self.back: list[tuple[Node, str, dict, str]] = []
        """(node, attribute, regulation mapping, key): where a converted text goes."""
        self.named: list[tuple[Node, dict]] = []
        """(node, regulation mapping): where a node's id goes."""
        body = list(document.body)
        self.body: list[Node] = []
        definitions = self.definitions = list(data.get("ketentuan_umum") or [])
        elements = iter(data["batang_tubuh"])
        for item in body:
            if isinstance(item, Group) and item.title in ("KETENTUAN UMUM", "KETENTUAN PENUTUP") \
                    and item.source is None:
                self.body.append(self.group(item, None))
            elif isinstance(item, Article) and item.source is None:
                self.body.append(self.article(item, None, definitions))
            else:
                element = next(elements)
                self.body.append(self.group(item, element) if isinstance(item, Group)
                                 else self.article(item, element))

    def group(self, group: Group, data: dict | None) -> Node:
        label = group.label.split(" ", 1)[1]
        number = {"bab": lambda: _number_roman(label), "bagian": lambda: 0, "paragraf": lambda: int(label)}
        node = Node(group.kind, label, number[group.kind](), title=group.title)
        if data is not None:
            self.named.append((node, data))
        children = iter(data["isi"]) if data is not None else None
        siblings = 0
        for child in group.children:
            if isinstance(child, Group):
                siblings += 1
                sub = self.group(child, next(children))
                if child.kind == "bagian":
                    sub.number = siblings
                node.children.append(sub)
            elif data is None or child.source is None:  # generated: Ketentuan Umum, the closing Pasal
                node.children.append(self.article(child, None, self.definitions))
            else:
                node.children.append(self.article(child, next(children)))
        return node

    def article(self, article: Article, data: dict | None, definitions: list | None = None) -> Node:
        node = Node("pasal", str(article.number), article.number)
        if data is not None:
            self.named.append((node, data))
        clauses = article.clauses
        if len(clauses) == 1 and clauses[0].label is None:
            clause = clauses[0]
            if data is None and definitions:  # the definitions: "<term> adalah <meaning>."
                node.text = plain(clause.text)
                for point, definition in zip(clause.points, definitions):
                    child = Node("butir", point.label, _number(point.label), text=plain(point.text))
                    self.named.append((child, definition))
                    self.back.append((child, "text", definition, "arti"))
                    node.children.append(child)
                definitions.clear()
                return node
            self.fill(node, clause, None if data is None else data if "teks" in data else data["ayat"][0])
            return node
        for clause, clause_data in zip(clauses, data["ayat"]):
            child = Node("ayat", clause.label, _number(clause.label))
            self.named.append((child, clause_data))
            self.fill(child, clause, clause_data)
            node.children.append(child)
        return node

    def fill(self, node: Node, clause: Clause, data: dict | None) -> None:
        node.text = plain(clause.text)
        if data is not None:
            self.back.append((node, "text", data, "teks"))
        self.points(node, clause.points, clause.closing, data.get("rincian") if data else None)

    def points(self, node: Node, points: list[Point], closing, data: dict | None) -> None:
        if closing is not None:
            node.closing = plain(closing)
            if data is not None:
                self.back.append((node, "closing", data, "penutup"))
        for index, point in enumerate(points):
            item = data["butir"][index] if data is not None else None
            child = Node("butir", point.label, _number(point.label), text=plain(point.text))
            if item is not None:
                self.named.append((child, item))
                self.back.append((child, "text", item, "teks"))
            self.points(child, point.points, point.closing, item.get("rincian") if item else None)
            node.children.append(child)

    def write_back(self, data: dict) -> None:
        for _node, mapping in self.named:
            mapping.pop("id", None)
        for node, mapping in self.named:
            if node.id:
                mapping["id"] = node.id
        for node, attribute, mapping, key in self.back:
            text = ENDING.sub("", getattr(node, attribute))
            mapping[key] = text.split(" adalah ", 1)[1] if key == "arti" else text


def _number_roman(label: str) -> int:
    return ["", "I", "II", "III", "IV", "V"].index(label)


def _texts(document: Document) -> list[str]:
    """Every label and text of the body, in order."""
    out: list[str] = []

    def points(items: list[Point]) -> None:
        for point in items:
            out.extend([point.label, plain(point.text)])
            points(point.points)
            if point.closing is not None:
                out.append(plain(point.closing))

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Group):
                out.extend([item.label, item.title])
                walk(item.children)
                continue
            out.append(item.label)
            for clause in item.clauses:
                out.extend([clause.label or "", plain(clause.text)])
                points(clause.points)
                if clause.closing is not None:
                    out.append(plain(clause.closing))

    walk(document.body)
    return out


@given(referring_regulations())
def test_every_reference_the_engine_writes_comes_back_as_markup_that_writes_the_same(data):
    first = _draft(data)
    converted = copy.deepcopy(data)
    reader = _Reader(first, converted)
    note(f"enacted texts: {[node.text for top in reader.body for node in top.walk() if node.text]}")
    notes = link_references(reader.body, definitions_article=1 if data.get("ketentuan_umum") else None)
    assert notes == []
    reader.write_back(converted)
    note(f"converted: {converted}")
    texts = [getattr(node, attribute) for node, attribute, _mapping, _key in reader.back]
    assert not any("sebagaimana dimaksud" in text for text in texts)
    assert _texts(_draft(converted)) == _texts(first)
