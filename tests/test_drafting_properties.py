"""Property tests of the regulation engine over random regulation trees.

Hypothesis writes random but valid ``regulations/<id>.yaml`` contents (as the dicts
the YAML loader would give), runs the engine and checks, against numbers computed
here independently from the input:

1. numbering has no gaps: Pasal 1..N, BAB I, II, ..., Bagian Kesatu, Kedua ... per
   BAB, Paragraf 1, 2 ... per Bagian, ayat (1)..(k) per Pasal, rincian a. / 1. / a) / 1)
   per depth, no ayat number on a Pasal of one norm (``teks`` or a single ayat), Ketentuan
   Umum as Pasal 1 in BAB I, Ketentuan Penutup last;
2. every ``[[id]]``, ``[[#id]]``, ``[[id, id]]`` and ``[[id sampai id]]`` resolves to
   the element it names (anchor and wording);
3. every string of the YAML appears in the DOCX exactly once, where it belongs;
4. list punctuation: ``;`` / ``; dan`` / ``; atau`` / ``; dan/atau`` / ``.``, or ``,`` before
   closing words (``penutup``, at any depth), which then take the ending of the list;
5. inserting a Pasal at the top renumbers every Pasal and every reference to it.

Every text carries unique markers ``«n»`` and ``«/n»`` at its ends so it can be found again;
between the markers is random text with ``& < > " '``, ``{{ }}`` and non-ASCII.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, note, settings, strategies as st

from rancang.drafting.engine import build
from rancang.drafting.tree import Article, Document, Group, RichText, Span, plain
from rancang.documents import template_path
from rancang.models.catalogue import LegalBasis
from rancang.models.project import Project
from rancang.models.regulation import Regulation
from rancang.render.regulation_docx import render

ROOT = Path(__file__).resolve().parents[1]

SETTINGS = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"}})
CATALOGUE = {
    "uud-1945": LegalBasis.model_validate({"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": True})
}

TREE = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
DOCX = settings(max_examples=30, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Number forms written out here, not taken from rancang.language.numbering.
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
ORDINALS = ["", "Kesatu", "Kedua", "Ketiga", "Keempat", "Kelima", "Keenam"]
LETTERS = " abcdefghij"
CONJUNCTIONS = {"kumulatif": "dan", "alternatif": "atau", "kumulatif_alternatif": "dan/atau"}
MULTI_KINDS = ("pasal", "ayat", "butir", "istilah")

MARKUP = re.compile(r"\[\[(.*?)\]\]")
MARKER = re.compile(r"«(\d+)»")


def point_label(depth: int, n: int) -> str:
    return {1: f"{LETTERS[n]}.", 2: f"{n}.", 3: f"{LETTERS[n]})", 4: f"{n})"}[depth]


def point_reference(depth: int, n: int) -> str:
    return {1: f"huruf {LETTERS[n]}", 2: f"angka {n}", 3: f"huruf {LETTERS[n]})", 4: f"angka {n})"}[depth]


def point_slug(depth: int, n: int) -> str:
    return f"huruf-{LETTERS[n]}" if depth in (1, 3) else f"angka-{n}"


# -- random regulations ----------------------------------------------------------------------

SAFE = st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), exclude_characters="[«»*")
"""``*`` is left out: it makes italics, which tests/test_italics.py checks."""
MIDDLE = st.one_of(
    st.text(SAFE, max_size=8),
    st.sampled_from(["", " & < > \" ' ", " {{ isi }} {% if x %} ", " Pemerintah Daerah Kota ",
                     " naïve — 日本語 ✓ ", "  dua  spasi  ", " x]] ", " a; dan", " akhir. "]),
)


class _Writer:
    """Writes one random regulation; every text gets the next marker."""

    def __init__(self, draw):
        self.draw = draw
        self.count = 0
        self.ids = 0

    def text(self) -> str:
        self.count += 1
        return f"«{self.count}»{self.draw(MIDDLE)}«/{self.count}»"

    def maybe_id(self, node: dict, kind: str) -> None:
        if self.draw(st.booleans()):
            self.ids += 1
            node["id"] = f"e{self.ids}-{kind}"

    def rincian(self, depth: int, max_depth: int) -> dict:
        items: list[Any] = []
        for _ in range(self.draw(st.integers(2, 4 if depth == 1 else 3))):
            item: dict = {"teks": self.text()}
            self.maybe_id(item, "butir")
            if depth < max_depth and self.draw(st.booleans()):
                item["rincian"] = self.rincian(depth + 1, max_depth)
            items.append(item["teks"] if set(item) == {"teks"} and self.draw(st.booleans()) else item)
        node = {"sifat": self.draw(st.sampled_from(sorted(CONJUNCTIONS))), "butir": items}
        if self.draw(st.integers(0, 2)) == 0:
            node["penutup"] = self.text()
        return node

    def article(self) -> dict:
        node: dict = {}
        self.maybe_id(node, "pasal")
        if self.draw(st.booleans()):
            node["teks"] = self.text()
            if self.draw(st.booleans()):
                node["rincian"] = self.rincian(1, self.draw(st.integers(1, 4)))
            return node
        clauses: list[Any] = []
        for _ in range(self.draw(st.integers(1, 3))):  # one ayat: the Pasal's unnumbered norm
            clause: dict = {"teks": self.text()}
            self.maybe_id(clause, "ayat")
            if self.draw(st.integers(0, 2)) == 0:
                clause["rincian"] = self.rincian(1, self.draw(st.integers(1, 4)))
            clauses.append(clause["teks"] if set(clause) == {"teks"} and self.draw(st.booleans()) else clause)
        node["ayat"] = clauses
        return node

    def articles(self, most: int) -> list[dict]:
        return [self.article() for _ in range(self.draw(st.integers(1, most)))]

    def group(self, key: str, kind: str) -> dict:
        node = {key: self.text()}
        self.maybe_id(node, kind)
        return node

    def body(self) -> list[dict]:
        if self.draw(st.booleans()):
            return self.articles(4)
        chapters = []
        for _ in range(self.draw(st.integers(1, 3))):
            chapter = self.group("bab", "bab")
            if self.draw(st.booleans()):
                chapter["isi"] = self.articles(3)
            else:
                chapter["isi"] = []
                for _ in range(self.draw(st.integers(1, 3))):
                    part = self.group("bagian", "bagian")
                    if self.draw(st.booleans()):
                        part["isi"] = self.articles(2)
                    else:
                        part["isi"] = []
                        for _ in range(self.draw(st.integers(1, 2))):
                            division = self.group("paragraf", "paragraf")
                            division["isi"] = self.articles(2)
                            part["isi"].append(division)
                    chapter["isi"].append(part)
            chapters.append(chapter)
        return chapters

    def definitions(self) -> list[dict]:
        out = []
        for _ in range(self.draw(st.integers(0, 4))):
            node = {"istilah": self.text(), "arti": self.text()}
            alias = self.draw(st.sampled_from([None, "disingkat", "disebut"]))
            if alias:
                node[alias] = self.text()
            self.maybe_id(node, "istilah")
            out.append(node)
        return out


def _inject_references(draw, data: dict, at_least: int) -> None:
    """Insert ``[[...]]`` naming existing ids into random resolvable texts."""
    expected = Expectation(data)
    named = [e for e in expected.elements if e.id]
    if not named and at_least:
        expected.articles[0][1]["id"] = "e0-pasal"
        expected = Expectation(data)
        named = [e for e in expected.elements if e.id]
    if not named:
        return
    listable = [e for e in named if e.kind in MULTI_KINDS]
    families: dict[tuple, list[Element]] = {}
    for element in listable:
        families.setdefault(element.family, []).append(element)
    pairs = [(a, b) for family in families.values() for i, a in enumerate(family) for b in family[i + 1:]
             if a.anchor != b.anchor]
    forms = ["id", "label"] + (["list"] if len(listable) >= 2 else []) + (["range"] if pairs else [])
    slots = expected.slots
    for _ in range(draw(st.integers(at_least, 6))):
        slot = draw(st.integers(0, len(slots) - 1))
        form = draw(st.sampled_from(forms))
        if form == "id":
            markup = f"[[{draw(st.sampled_from(named)).id}]]"
        elif form == "label":
            markup = f"[[#{draw(st.sampled_from(named)).id}]]"
        elif form == "range":
            first, last = draw(st.sampled_from(pairs))
            markup = f"[[{first.id} sampai {last.id}]]"
        else:
            chosen = draw(st.lists(st.sampled_from(listable), min_size=2, max_size=4, unique_by=lambda e: e.id))
            separator = draw(st.sampled_from([", ", ",", " , "]))
            markup = "[[" + separator.join(e.id for e in chosen) + "]]"
        container, key = slots[slot]
        text = container[key]
        opening = MARKER.search(text)
        closing_at = text.rindex("«")
        taken = {i for m in MARKUP.finditer(text) for i in range(m.start() + 1, m.end())}
        inside = [i for i in range(opening.end(), closing_at + 1) if i not in taken] if opening else []
        position = draw(st.sampled_from([0, len(text), *inside]))
        container[key] = text[:position] + markup + text[position:]


@st.composite
def regulations(draw, references: int | None = 0) -> dict:
    """A valid regulation; ``references``: None for none, else the least number of ``[[...]]`` to insert."""
    writer = _Writer(draw)
    data = {
        "tentang": "Uji Properti " + writer.text(),
        "menimbang": [writer.text() for _ in range(draw(st.integers(1, 3)))],
        "mengingat": ["uud-1945"],
        "ketentuan_umum": writer.definitions(),
        "batang_tubuh": writer.body(),
    }
    if not data["ketentuan_umum"] and draw(st.booleans()):
        del data["ketentuan_umum"]
    if references is not None:
        _inject_references(draw, data, references)
    return data


# -- what the engine should produce, computed from the input ---------------------------------


@dataclass
class Element:
    """An element that an id can name."""

    kind: str
    id: str | None
    anchor: str
    order: int
    article: int | None = None
    clause: int | None = None
    path: tuple[str, ...] = ()
    label: str = ""
    """BAB II, Bagian Kesatu BAB II, ... (groups only)."""
    index: int = 0
    """Position among its siblings: the ayat number, the huruf or angka of a butir or istilah."""

    @property
    def family(self) -> tuple:
        """Elements that may form a range together."""
        if self.kind == "pasal":
            return ("pasal",)
        if self.kind == "ayat":
            return ("ayat", self.article)
        return (self.kind, self.article, self.clause, self.path[:-1])

    @property
    def full_tail(self) -> str:
        """``ayat (2) huruf b``: what follows ``Pasal N``."""
        parts = ([f"ayat ({self.clause})"] if self.clause is not None else []) + list(self.path)
        return " ".join(parts)


@dataclass
class Text:
    """A text of the input, where it is written and what the engine adds around it."""

    raw: str
    article: int | None
    clause: int | None
    ending: str = ""
    prefix: str = ""


class Expectation:
    """Walks the input dict in document order, numbering it as Lampiran II UU 12/2011 says."""

    def __init__(self, data: dict):
        self.data = data
        self.elements: list[Element] = []
        self.rows: list[tuple] = []
        self.texts: list[Text | None] = []
        """One per text row; None for a generated text (formulas)."""
        self.slots: list[tuple[Any, Any]] = []
        """(container, key) of every text where references are resolved."""
        self.articles: list[tuple[int, dict]] = []
        self.pasal = 0
        self.order = 0
        considerations = data["menimbang"]
        for index, raw in enumerate(considerations):
            self.rows.append(("menimbang", f"{LETTERS[index + 1]}."))
            self.texts.append(Text(raw, None, None, ";"))
            self.slots.append((considerations, index))
        self.rows.append(("menimbang", f"{LETTERS[len(considerations) + 1]}."))
        self.texts.append(None)
        body = data["batang_tubuh"]
        self.grouped = "bab" in body[0]
        chapters = 0
        definitions = data.get("ketentuan_umum") or []
        if definitions:
            if self.grouped:
                chapters += 1
                self.rows.append(("bab", "BAB I", "KETENTUAN UMUM", "bab-1"))
            self.definitions(definitions)
        for element in body:
            if self.grouped:
                chapters += 1
                self.chapter(element, chapters)
            else:
                self.article(element)
        if self.grouped:
            chapters += 1
            self.rows.append(("bab", f"BAB {ROMAN[chapters]}", "KETENTUAN PENUTUP", f"bab-{chapters}"))
        self.chapters = chapters
        number = self.new_article(None)
        self.rows.append(("clause", None, f"pasal-{number}"))
        self.texts.append(None)
        self.by_id = {e.id: e for e in self.elements if e.id}
        self.by_anchor = {e.anchor: e for e in self.elements if e.id}

    def add(self, element: Element) -> None:
        self.order += 1
        element.order = self.order
        self.elements.append(element)

    def new_article(self, element_id: str | None) -> int:
        self.pasal += 1
        self.add(Element("pasal", element_id, f"pasal-{self.pasal}", 0, article=self.pasal))
        self.rows.append(("pasal", self.pasal, f"Pasal {self.pasal}", f"pasal-{self.pasal}"))
        return self.pasal

    def definitions(self, definitions: list[dict]) -> None:
        number = self.new_article(None)
        self.rows.append(("clause", None, f"pasal-{number}"))
        self.texts.append(None)
        for index, definition in enumerate(definitions, start=1):
            anchor = f"pasal-{number}-angka-{index}"
            self.add(Element("istilah", definition.get("id"), anchor, 0, article=number, path=(f"angka {index}",),
                             index=index))
            self.rows.append(("point", 2, f"{index}.", anchor))
            head = definition["istilah"]
            if "disingkat" in definition:
                head += f" yang selanjutnya disingkat {definition['disingkat']}"
            if "disebut" in definition:
                head += f" yang selanjutnya disebut {definition['disebut']}"
            self.texts.append(Text(definition["arti"], number, None, ".", f"{head} adalah "))
            self.slots.append((definition, "arti"))

    def chapter(self, chapter: dict, number: int) -> None:
        anchor, label = f"bab-{number}", f"BAB {ROMAN[number]}"
        self.add(Element("bab", chapter.get("id"), anchor, 0, label=label))
        self.rows.append(("bab", label, chapter["bab"].upper(), anchor))  # BAB titles in capitals
        parts = 0
        for element in chapter["isi"]:
            if "bagian" in element:
                parts += 1
                self.part(element, parts, anchor, label)
            else:
                self.article(element)

    def part(self, part: dict, number: int, parent_anchor: str, parent_label: str) -> None:
        anchor, label = f"{parent_anchor}-bagian-{number}", f"Bagian {ORDINALS[number]}"
        self.add(Element("bagian", part.get("id"), anchor, 0, label=f"{label} {parent_label}"))
        self.rows.append(("bagian", label, part["bagian"], anchor))
        divisions = 0
        for element in part["isi"]:
            if "paragraf" in element:
                divisions += 1
                division_anchor = f"{anchor}-paragraf-{divisions}"
                self.add(Element("paragraf", element.get("id"), division_anchor, 0,
                                 label=f"Paragraf {divisions} {label} {parent_label}"))
                self.rows.append(("paragraf", f"Paragraf {divisions}", element["paragraf"], division_anchor))
                for article in element["isi"]:
                    self.article(article)
            else:
                self.article(element)

    def article(self, node: dict) -> None:
        number = self.new_article(node.get("id"))
        self.articles.append((number, node))
        anchor = f"pasal-{number}"
        if "teks" in node:
            self.rows.append(("clause", None, anchor))
            self.clause(node, node, "teks", number, None, anchor)
        if len(node.get("ayat", [])) == 1:  # the Pasal's one norm; its id names the Pasal
            only = node["ayat"][0]
            item = only if isinstance(only, dict) else {"teks": only}
            self.add(Element("pasal", item.get("id"), anchor, 0, article=number))
            self.rows.append(("clause", None, anchor))
            container, key = (only, "teks") if isinstance(only, dict) else (node["ayat"], 0)
            self.clause(item, container, key, number, None, anchor)
            return
        for index, clause in enumerate(node.get("ayat", []), start=1):
            clause_anchor = f"{anchor}-ayat-{index}"
            item = clause if isinstance(clause, dict) else {"teks": clause}
            self.add(Element("ayat", item.get("id"), clause_anchor, 0, article=number, clause=index, index=index))
            self.rows.append(("clause", f"({index})", clause_anchor))
            container, key = (clause, "teks") if isinstance(clause, dict) else (node["ayat"], index - 1)
            self.clause(item, container, key, number, index, clause_anchor)

    def clause(self, node: dict, container: Any, key: Any, article: int, clause: int | None, anchor: str) -> None:
        items = node.get("rincian")
        self.texts.append(Text(node["teks"], article, clause, ":" if items else ""))
        self.slots.append((container, key))
        if items:
            self.points(items, 1, "," if "penutup" in items else ".", article, clause, anchor, ())
            if "penutup" in items:
                self.rows.append(("closing",))
                self.texts.append(Text(items["penutup"], article, clause))
                self.slots.append((items, "penutup"))

    def points(self, items: dict, depth: int, final: str, article: int, clause: int | None, parent: str,
               path: tuple[str, ...]) -> None:
        count = len(items["butir"])
        conjunction = CONJUNCTIONS[items["sifat"]]
        for index, item in enumerate(items["butir"], start=1):
            ending = final if index == count else f"; {conjunction}" if index == count - 1 else ";"
            anchor = f"{parent}-{point_slug(depth, index)}"
            node = item if isinstance(item, dict) else {"teks": item}
            here = path + (point_reference(depth, index),)
            self.add(Element("butir", node.get("id"), anchor, 0, article=article, clause=clause, path=here,
                             index=index))
            self.rows.append(("point", depth, point_label(depth, index), anchor))
            sub = node.get("rincian")
            self.texts.append(Text(node["teks"], article, clause, ":" if sub else ending))
            self.slots.append((item, "teks") if isinstance(item, dict) else (items["butir"], index - 1))
            if sub:
                closing = "penutup" in sub
                self.points(sub, depth + 1, "," if closing else ending, article, clause, anchor, here)
                if closing:  # the item's sentence continues after its rincian and takes its ending
                    self.rows.append(("closing", "butir"))
                    self.texts.append(Text(sub["penutup"], article, clause, ending))
                    self.slots.append((sub, "penutup"))

    # -- references ----------------------------------------------------------------------

    @staticmethod
    def same_article(element: Element, text: Text) -> bool:
        return element.kind != "pasal" and element.article is not None and element.article == text.article

    def label(self, element: Element, text: Text) -> str:
        """``Pasal 7 ayat (2) huruf b``; ``ayat (2) huruf b`` in Pasal 7; ``huruf b`` in its own ayat."""
        if element.kind in ("bab", "bagian", "paragraf"):
            return element.label
        if element.kind == "pasal":
            return f"Pasal {element.article}"
        if not self.same_article(element, text):
            return f"Pasal {element.article} {element.full_tail}"
        parts = list(element.path)
        if element.clause is not None and (element.kind == "ayat" or element.clause != text.clause):
            parts.insert(0, f"ayat ({element.clause})")
        return " ".join(parts)

    def resolve(self, text: Text) -> "Resolved":
        """The plain text and the reference spans the engine should write (a list reference stays open)."""
        resolved = Resolved(text.prefix, [])
        position = 0
        for match in MARKUP.finditer(text.raw):
            resolved.write(text.raw[position:match.start()])
            inner = match.group(1)
            position = match.end()
            if inner.startswith("#"):
                element = self.by_id[inner[1:]]
                resolved.write(self.label(element, text), element.anchor)
            elif " sampai " in inner:
                first, last = (self.by_id[part] for part in inner.split(" sampai "))
                preposition = "pada" if self.same_article(first, text) else "dalam"
                resolved.write(f"sebagaimana dimaksud {preposition} ")
                resolved.write(self.label(first, text), first.anchor)
                resolved.write(" sampai dengan ")
                if last.kind == "pasal":
                    resolved.write(f"Pasal {last.article}", last.anchor)
                elif last.kind == "ayat":
                    resolved.write(f"ayat ({last.clause})", last.anchor)
                else:
                    resolved.write(" ".join(last.path), last.anchor)
            elif "," in inner:
                self.list_phrase([self.by_id[part.strip()] for part in inner.split(",")], text, resolved)
            else:
                element = self.by_id[inner]
                preposition = "pada" if self.same_article(element, text) else "dalam"
                resolved.write(f"sebagaimana dimaksud {preposition} ")
                resolved.write(self.label(element, text), element.anchor)
        resolved.write(text.raw[position:] + text.ending)
        return resolved

    def list_phrase(self, elements: list[Element], text: Text, out: Resolved) -> None:
        """``[[a, b, c]]``: own Pasal first, then in order; one Pasal's elements together after ``Pasal N``;
        three or more whole Pasal in a row, or siblings in a row, as ``x sampai dengan y``."""
        targets = sorted({e.anchor: e for e in elements}.values(),
                         key=lambda e: (not self.same_article(e, text), e.order))
        groups: list[list[Element]] = []
        for element in targets:
            if groups and "pasal" not in (element.kind, groups[-1][0].kind) \
                    and groups[-1][0].article == element.article:
                groups[-1].append(element)
            else:
                groups.append([element])
        pieces = []
        i = 0
        while i < len(groups):
            j = i
            while j + 1 < len(groups) and all(len(g) == 1 and g[0].kind == "pasal" for g in groups[i:j + 2]) \
                    and groups[j + 1][0].article == groups[j][0].article + 1:
                j += 1
            if j - i >= 2:
                first, last = groups[i][0], groups[j][0]
                pieces.append([(f"Pasal {first.article}", first.anchor), (" sampai dengan ", None),
                               (f"Pasal {last.article}", last.anchor)])
                i = j + 1
            else:
                pieces.append(self.group_words(groups[i], text))
                i += 1
        out.write(f"sebagaimana dimaksud {'pada' if self.same_article(targets[0], text) else 'dalam'} ")
        for words, anchor in _join(pieces):
            out.write(words, anchor)

    def group_words(self, group: list[Element], text: Text) -> list[tuple[str, str | None]]:
        def words(element: Element) -> str:
            return f"Pasal {element.article}" if element.kind == "pasal" else element.full_tail

        def consecutive(a: Element, b: Element) -> bool:
            return a.kind == b.kind != "pasal" and a.family == b.family and b.index == a.index + 1

        items = []
        i = 0
        while i < len(group):
            j = i
            while j + 1 < len(group) and consecutive(group[j], group[j + 1]):
                j += 1
            if j - i >= 2:  # the end of a range drops the ayat it shares with the start
                end = " ".join(group[j].path) if group[j].kind != "ayat" else words(group[j])
                items.append([(words(group[i]), group[i].anchor), (" sampai dengan ", None),
                              (end, group[j].anchor)])
                i = j + 1
            else:
                items.append([(words(group[i]), group[i].anchor)])
                i += 1
        if group[0].kind != "pasal" and not self.same_article(group[0], text):
            first_words, anchor = items[0][0]
            items[0][0] = (f"Pasal {group[0].article} {first_words}", anchor)
        return _join(items)


@dataclass
class Resolved:
    """Expected plain text, and (offset, text, anchor) of every reference span in it."""

    plain: str
    targets: list[tuple[int, str, str]]

    def write(self, text: str, target: str | None = None) -> None:
        if target:
            self.targets.append((len(self.plain), text, target))
        self.plain += text


def _join(pieces: list[list[tuple[str, str | None]]]) -> list[tuple[str, str | None]]:
    """``A``, ``A dan B``, ``A, B, dan C``."""
    out: list[tuple[str, str | None]] = []
    for index, piece in enumerate(pieces):
        if index:
            out.append((" dan " if len(pieces) == 2 else ", dan " if index == len(pieces) - 1 else ", ", None))
        out.extend(piece)
    return out


# -- reading the engine's tree ----------------------------------------------------------------


def engine(data: dict) -> tuple[Document, list]:
    regulation = Regulation.model_validate(data)
    return build(regulation, SETTINGS, CATALOGUE)


def rows_of(document: Document) -> tuple[list[tuple], list[RichText]]:
    """The tree flattened as :class:`Expectation` writes it: rows, and the text of each text row."""
    rows: list[tuple] = []
    texts: list[RichText] = []
    for entry in document.considerations:
        rows.append(("menimbang", entry.label))
        texts.append(entry.text)

    def points(items) -> None:
        for point in items:
            rows.append(("point", point.depth, point.label, point.anchor))
            texts.append(point.text)
            points(point.points)
            if point.closing is not None:
                rows.append(("closing", "butir"))
                texts.append(point.closing)

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Group):
                rows.append((item.kind, item.label, item.title, item.anchor))
                walk(item.children)
                continue
            rows.append(("pasal", item.number, item.label, item.anchor))
            for clause in item.clauses:
                rows.append(("clause", clause.label, clause.anchor))
                texts.append(clause.text)
                points(clause.points)
                if clause.closing is not None:
                    rows.append(("closing",))
                    texts.append(clause.closing)

    walk(document.body)
    return rows, texts


def targets_of(text: RichText) -> list[tuple[int, str, str]]:
    """(offset in the plain text, text, anchor) of every reference span."""
    out, offset = [], 0
    for span in text:
        if span.target is not None:
            out.append((offset, span.text, span.target))
        offset += len(span.text)
    return out


def check_text(actual: RichText, text: Text, expected: Expectation) -> None:
    resolved = expected.resolve(text)
    assert all(span.text for span in actual)
    assert plain(actual) == resolved.plain
    assert targets_of(actual) == resolved.targets


# -- 1. numbering ----------------------------------------------------------------------------


@TREE
@given(regulations(references=None))
def test_numbering_has_no_gaps(data):
    note(repr(data))
    document, problems = engine(data)
    assert problems == []
    articles = document.articles()
    assert [a.number for a in articles] == list(range(1, len(articles) + 1))
    assert [a.label for a in articles] == [f"Pasal {n}" for n in range(1, len(articles) + 1)]
    grouped = "bab" in data["batang_tubuh"][0]
    definitions = data.get("ketentuan_umum") or []
    if grouped:
        assert all(isinstance(item, Group) and item.kind == "bab" for item in document.body)
        assert [g.label for g in document.body] == [f"BAB {ROMAN[i]}" for i in range(1, len(document.body) + 1)]
        assert document.body[-1].title == "KETENTUAN PENUTUP"
        if definitions:
            assert document.body[0].title == "KETENTUAN UMUM"
            assert document.body[0].children == [articles[0]]
        for chapter in document.body:
            parts = [c for c in chapter.children if isinstance(c, Group)]
            assert [p.label for p in parts] == [f"Bagian {ORDINALS[i]}" for i in range(1, len(parts) + 1)]
            for part in parts:
                divisions = [c for c in part.children if isinstance(c, Group)]
                assert [d.label for d in divisions] == [f"Paragraf {i}" for i in range(1, len(divisions) + 1)]
    else:
        assert all(isinstance(item, Article) for item in document.body)
    if definitions:
        lead = articles[0].clauses
        assert len(lead) == 1 and lead[0].label is None
        assert [p.label for p in lead[0].points] == [f"{i}." for i in range(1, len(definitions) + 1)]

    def check_points(points, depth):
        assert [p.label for p in points] == [point_label(depth, i) for i in range(1, len(points) + 1)]
        for point in points:
            assert point.depth == depth
            check_points(point.points, depth + 1)

    for article in articles[1 if definitions else 0:]:
        if len(article.clauses) == 1:
            assert article.clauses[0].label is None
        else:
            assert [c.label for c in article.clauses] == [f"({k})" for k in range(1, len(article.clauses) + 1)]
        for clause in article.clauses:
            check_points(clause.points, 1)


@TREE
@given(regulations())
def test_tree_matches_the_input(data):
    """The whole numbered tree -- labels, anchors, titles, texts -- equals the one computed from the input."""
    note(repr(data))
    document, problems = engine(data)
    assert problems == []
    expected = Expectation(data)
    rows, texts = rows_of(document)
    assert rows == expected.rows
    assert len(texts) == len(expected.texts)
    for actual, text in zip(texts, expected.texts):
        if text is not None:
            check_text(actual, text, expected)


# -- 2. references ---------------------------------------------------------------------------


@TREE
@given(regulations(references=1))
def test_every_reference_resolves_to_the_element_it_names(data):
    note(repr(data))
    document, problems = engine(data)
    assert problems == []
    expected = Expectation(data)
    _, texts = rows_of(document)
    anchors = {row[-1] for row in expected.rows if len(row) > 2}
    seen = 0
    for actual, text in zip(texts, expected.texts):
        if text is None or "[[" not in text.raw:
            assert not targets_of(actual)
            continue
        for _, words, anchor in targets_of(actual):
            seen += 1
            assert anchor in anchors
            element = expected.by_anchor[anchor]
            assert element.id is not None, "references name elements that have an id"
            if element.kind in ("bab", "bagian", "paragraf"):
                assert words == element.label
            elif element.kind == "pasal" or not expected.same_article(element, text):
                assert f"Pasal {element.article}" in words or words.startswith(("ayat", "huruf", "angka"))
            else:
                assert "Pasal" not in words
        check_text(actual, text, expected)
    assert seen >= 1


# -- 4. list punctuation ---------------------------------------------------------------------

_ENDING = re.compile(r"(; dan/atau|; dan|; atau|;|\.|,|:)$")


def _effective_ending(point) -> str:
    """How the item ends: its own ending, that of the words after its rincian, or that of its last sub-item."""
    if point.closing is not None:
        return _ENDING.search(plain(point.closing)).group(1)
    if point.points:
        assert _ENDING.search(plain(point.text)).group(1) == ":"
        return _effective_ending(point.points[-1])
    return _ENDING.search(plain(point.text)).group(1)


def _check_list(points, rincian: dict, final: str) -> None:
    """``;`` on every item, ``; dan`` (by sifat) on the second-to-last, ``final`` on the last."""
    expected = [";"] * (len(points) - 2) + [f"; {CONJUNCTIONS[rincian['sifat']]}", final]
    assert len(points) == len(rincian["butir"]) >= 2
    endings = [_effective_ending(p) for p in points]
    assert endings == expected
    assert sum(e.startswith("; ") for e in endings[:-1]) == 1, "one conjunction per list"
    for point, item, ending in zip(points, rincian["butir"], expected):
        if isinstance(item, dict) and "rincian" in item:
            sub = item["rincian"]
            assert _ENDING.search(plain(point.text)).group(1) == ":"
            _check_list(point.points, sub, "," if "penutup" in sub else ending)
            assert (point.closing is not None) == ("penutup" in sub)
        else:
            assert not point.points and point.closing is None


@TREE
@given(regulations())
def test_list_punctuation(data):
    note(repr(data))
    document, problems = engine(data)
    assert problems == []
    articles = {a.number: a for a in document.articles()}
    for number, node in Expectation(data).articles:
        article = articles[number]
        clauses = [node] if "teks" in node else [c if isinstance(c, dict) else {"teks": c} for c in node["ayat"]]
        assert len(article.clauses) == len(clauses)
        for clause, model in zip(article.clauses, clauses):
            rincian = model.get("rincian")
            if rincian is None:
                assert not clause.points and clause.closing is None
                continue
            assert plain(clause.text).endswith(":")
            _check_list(clause.points, rincian, "," if "penutup" in rincian else ".")
            assert (clause.closing is not None) == ("penutup" in rincian)
    if data.get("ketentuan_umum"):
        assert all(plain(p.text).endswith(".") and not plain(p.text).endswith("..")
                   for p in document.articles()[0].clauses[0].points)


# -- 3. every string of the YAML in the DOCX -------------------------------------------------


def docx_paragraphs(content: bytes) -> list[str]:
    """Every paragraph of the body, table cells included, once each, in document order."""
    document = docx.Document(io.BytesIO(content))
    return [Paragraph(p, None).text for p in document.element.body.iter(qn("w:p"))]


def yaml_strings(data: dict) -> list[str]:
    """Every string of the input as the document writes it (a BAB title in capitals)."""
    out: list[str] = []

    def walk(value: Any, key: str | None = None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if k not in ("id", "sifat", "mengingat"):
                    walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            out.append(value.upper() if key == "bab" else value)

    walk(data)
    return out


@DOCX
@given(regulations())
def test_every_string_appears_once_in_the_docx(data):
    note(repr(data))
    document, problems = engine(data)
    assert problems == []
    paragraphs = docx_paragraphs(render(document, template_path(ROOT)))
    everything = "\n".join(paragraphs)

    # Exactly once, character for character: whole strings, or each marked piece around a reference.
    strings = yaml_strings(data)
    assert len(strings) == len(set(strings))
    for string in strings:
        pieces = [p for p in MARKUP.split(string)[::2] if "«" in p] if "[[" in string else [string]
        for piece in pieces:
            assert sum(p.count(piece) for p in paragraphs) == 1, piece
            assert everything.count(piece) == 1, piece

    # Where it belongs: the body is one run of paragraphs, in order, each with its label.
    expected = Expectation(data)
    rows, texts = rows_of(document)
    assert rows == expected.rows
    body: list[str] = []
    text_index = 0
    considerations: list[str] = []
    for row in expected.rows:
        kind = row[0]
        if kind in ("bab", "bagian", "paragraf"):
            body += [row[1], row[2]]
            continue
        if kind == "pasal":
            body.append(row[2])
            continue
        text = expected.texts[text_index]
        words = expected.resolve(text).plain if text is not None else plain(texts[text_index])
        text_index += 1
        if kind == "menimbang":
            considerations += [row[1], words]
        elif kind == "clause":
            body.append(words if row[1] is None else f"{row[1]}\t{words}")
        elif kind == "point":
            body.append(f"{row[2]}\t{words}")
        elif row == ("closing", "butir"):
            body.append(f"\t{words}")  # at the indent of the item's text
        else:
            body.append(words)
    starts = [i for i in range(len(paragraphs)) if paragraphs[i:i + len(body)] == body]
    assert len(starts) == 1, "the body, in order, exactly once"
    start = paragraphs.index("Menimbang")
    cells = [p for p in paragraphs[start + 2:paragraphs.index("Mengingat")] if p]
    assert cells == considerations
    assert f"tentang {data['tentang']};" in cells[-1]


# -- 5. inserting a Pasal renumbers everything -------------------------------------------------

NEW_ARTICLE = "«0»Pasal yang disisipkan«/0»"


def _insert_first_article(data: dict) -> dict:
    changed = copy.deepcopy(data)
    container = changed["batang_tubuh"]
    while "teks" not in container[0] and "ayat" not in container[0]:
        container = container[0]["isi"]
    container.insert(0, {"teks": NEW_ARTICLE})
    return changed


def _contents(rows: list[tuple], texts: list[RichText]) -> dict[str, str | None]:
    """Anchor -> the marker of the element's own text (its title for a group), to recognise it."""
    out: dict[str, str | None] = {}
    index = 0
    pending: list[str] = []
    for row in rows:
        if row[0] in ("bab", "bagian", "paragraf"):
            found = MARKER.search(row[2])
            out[row[3]] = found.group(1) if found else None
        elif row[0] == "pasal":
            pending.append(row[3])
        elif row[0] in ("clause", "point"):
            found = MARKER.search(plain(texts[index]))
            for anchor in pending + [row[-1]]:
                out.setdefault(anchor, found.group(1) if found else None)
            pending = []
            index += 1
        else:
            index += 1
    return out


@TREE
@given(regulations())
def test_inserting_a_pasal_shifts_every_number_and_reference(data):
    note(repr(data))
    before, problems = engine(data)
    assert problems == []
    after, problems = engine(_insert_first_article(data))
    assert problems == []
    first = 2 if data.get("ketentuan_umum") else 1

    def shift_number(match: re.Match) -> str:
        number = int(match.group(1))
        return f"{match.group(0)[:-len(match.group(1))]}{number + 1 if number >= first else number}"

    def shift_anchor(anchor: str) -> str:
        return re.sub(r"^pasal-(\d+)", shift_number, anchor)

    def shift_words(words: str) -> str:
        return re.sub(r"Pasal (\d+)", shift_number, words)

    old_articles, new_articles = before.articles(), after.articles()
    assert len(new_articles) == len(old_articles) + 1
    inserted = new_articles[first - 1]
    assert inserted.number == first and plain(inserted.clauses[0].text) == NEW_ARTICLE

    old_rows, old_texts = rows_of(before)
    new_rows, new_texts = rows_of(after)
    at = new_rows.index(("pasal", first, f"Pasal {first}", f"pasal-{first}"))
    assert new_rows[at + 1] == ("clause", None, f"pasal-{first}")
    text_at = sum(1 for row in new_rows[:at + 1] if row[0] in ("menimbang", "clause", "point", "closing"))
    assert plain(new_texts[text_at]) == NEW_ARTICLE
    kept_rows = new_rows[:at] + new_rows[at + 2:]
    kept_texts = new_texts[:text_at] + new_texts[text_at + 1:]

    def shifted(row: tuple) -> tuple:
        if row[0] == "pasal":
            n = row[1] + 1 if row[1] >= first else row[1]
            return ("pasal", n, f"Pasal {n}", f"pasal-{n}")
        if row[0] in ("clause", "point"):
            return row[:-1] + (shift_anchor(row[-1]),)
        return row

    assert kept_rows == [shifted(row) for row in old_rows]
    assert len(kept_texts) == len(old_texts)
    old_contents, new_contents = _contents(old_rows, old_texts), _contents(new_rows, new_texts)
    for old, new in zip(old_texts, kept_texts):
        assert new == [Span(shift_words(s.text), shift_anchor(s.target)) if s.target else s for s in old]
        for old_span, new_span in zip(old, new):
            if old_span.target:
                assert old_contents[old_span.target] is not None
                assert new_contents[new_span.target] == old_contents[old_span.target], "same element"


# -- examples ----------------------------------------------------------------------------------------


def test_closing_words_of_a_nested_list_are_kept():
    data = {
        "tentang": "Uji", "menimbang": ["a"], "mengingat": ["uud-1945"],
        "batang_tubuh": [{"teks": "P:", "rincian": {"sifat": "kumulatif", "butir": [
            "x", {"teks": "y", "rincian": {"sifat": "alternatif", "butir": ["q", "r"], "penutup": "LANJUTAN"}}]}}],
    }
    document, problems = engine(data)
    rows, texts = rows_of(document)
    assert problems == []
    assert [plain(t) for t in texts if plain(t) in ("q; atau", "r,", "LANJUTAN.", "y:")] == \
        ["y:", "q; atau", "r,", "LANJUTAN."]
