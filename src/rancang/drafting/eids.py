"""Akoma Ntoso eIds of a numbered tree: one generator, run once where the tree is built.

An eId names an element of the document the way the Akoma Ntoso Naming Convention 1.0 does (domain notes,
legal-products §5.2): the parent's eId, ``__``, the element's abbreviation, ``_`` and its number. The number is
the element's printed number without spaces, brackets and edge dots (``(1a)`` -> ``1a``, ``a.`` -> ``a``,
``c1)`` -> ``c1``); an element without a number counts among its siblings (``cit_1``); an expected number that is
empty is ``nn``. An eId already used in the document gets ``_2``, ``_3``, ... (and what is under it follows).

The mapping of the Indonesian units (legal-products §5.3, a proposal, not a standard):

=====================================  ==========================================================
BAB II                                 ``chp_II`` (the Roman number as printed; BAB IVA ``chp_IVA``)
Bagian Kesatu (Kedua A)                ``chp_II__part_1`` (``part_2A``): the ordinal as a number
Paragraf 3 (3A)                        ``chp_II__part_1__subpart_3``
Pasal 5 / 12A / I                      ``chp_II__sec_5``, ``sec_12A``, ``sec_I`` (a Perubahan)
ayat (1) / (1a)                        ``...__sec_5__subsec_1a``; the single norm of a Pasal has none
rincian of an ayat or a Pasal          ``...__subsec_1__list_1`` (the blockList), items ``__item_a``,
                                       nested ``__item_a__list_1__item_1``
Menimbang a.                           ``recs`` / ``recs__rec_a`` (a single point without letter: ``rec_1``)
Mengingat 1.                           ``cits`` / ``cits__cit_1``
Memperhatikan (Keputusan)              ``cits_2`` / ``cits_2__cit_1``: "having regard to", a second citations
Diktum KESATU (Keputusan)              ``hcontainer_1``, its rincian ``hcontainer_1__list_1__item_a``
Pasal I's change points                ``sec_I__list_1__item_3``, the quoted new text ``sec_I__list_1__item_3__qstr_1``
Penjelasan (a Perda)                   ``att_1``; I. UMUM ``att_1__hcontainer_1``, II. PASAL DEMI PASAL
                                       ``att_1__hcontainer_2``, an explained Pasal 3
                                       ``att_1__hcontainer_2__hcontainer_3``, its ayat (1)
                                       ``...__hcontainer_3__hcontainer_1``, huruf a ``...__hcontainer_a``
Lampiran, Lampiran I, II ...           ``att_1``, ``att_2`` ... after the Penjelasan (``att_2`` when there is one)
=====================================  ==========================================================

The generator writes ``eid`` (and ``list_eid`` on an element holding a rincian or change points) on the nodes of
:mod:`rancang.drafting.tree`; renderers (the AKN writer, the site's page) read them and never make one. Running it
again over a tree gives the same eIds (it is run again after a step rebuilds a tree: a consolidated text, a
Perubahan written from a whole text).
"""

from __future__ import annotations

import re

from rancang.drafting.tree import (
    AnnexPart,
    Article,
    BodyItem,
    Change,
    Clause,
    Dictum,
    Document,
    Explained,
    Group,
    ListEntry,
    Point,
)
from rancang.language.numbering import ordinal

SEPARATOR = "__"
"""Between a parent's eId and a child's part."""
EXPECTED_EMPTY = "nn"
"""The number of an element whose printed number is empty (AKN NC)."""

ABBREVIATIONS = {"bab": "chp", "bagian": "part", "paragraf": "subpart"}
"""The AKN element of a BAB, Bagian and Paragraf, as its eId abbreviation."""

PATTERN = re.compile(r"^[a-z]+(?:_[0-9A-Za-z-]+)*(?:__[a-z]+(?:_[0-9A-Za-z-]+)+)*$")
"""What every eId this module makes looks like: ``abbr_number`` parts joined by ``__`` (a duplicate's ``_2``
suffix follows its number: ``sec_5_2``); only a container without a number starts with a bare abbreviation
(``recs``, ``cits``)."""

_DROPPED = re.compile(r"[\s()\[\]]")


def number_of(printed: str) -> str:
    """The number part of an eId from a printed number: spaces and ``( ) [ ]`` removed, edge dots stripped
    (``(1a)`` -> ``1a``, ``a.`` -> ``a``, ``c1)`` -> ``c1``, ``1.2.`` -> ``1-2``); ``nn`` when nothing is left."""
    bare = _DROPPED.sub("", printed).strip(".")
    bare = bare.replace(".", "-")
    return bare or EXPECTED_EMPTY


def _group_number(group: Group) -> str:
    """``BAB IVA`` -> ``IVA``; ``Bagian Kedua A`` -> ``2A``; ``Paragraf 3A`` -> ``3A``."""
    words = group.label.split()
    rest = words[1:] if len(words) > 1 else words
    if group.kind == "bagian" and rest:
        suffix = rest[-1] if len(rest) > 1 and rest[-1].isupper() else ""
        word = " ".join(rest[:-1] if suffix else rest)
        for n in range(1, 201):
            if ordinal(n) == word:
                return f"{n}{suffix}"
    return number_of("".join(rest))


def _after_word(label: str) -> str:
    """``Pasal 12A`` -> ``12A``; ``Ayat (1)`` -> ``1``; ``Huruf a`` -> ``a``."""
    words = label.split()
    return number_of("".join(words[1:] if len(words) > 1 else words))


class IdGenerator:
    """Makes the eIds of one document: unique, duplicates suffixed ``_2``, ``_3``, ..."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.counters: dict[tuple[str, str], int] = {}

    def make(self, parent: str, abbreviation: str, number: str | None) -> str:
        """The eId of a child of ``parent`` ("" at the top): ``number`` None counts among the parent's children
        of the same abbreviation."""
        if number is None:
            key = (parent, abbreviation)
            self.counters[key] = self.counters.get(key, 0) + 1
            number = str(self.counters[key])
        base = f"{parent}{SEPARATOR if parent else ''}{abbreviation}_{number}"
        eid, rank = base, 1
        while eid in self.used:
            rank += 1
            eid = f"{base}_{rank}"
        self.used.add(eid)
        return eid

    def container(self, parent: str, abbreviation: str) -> str:
        """The eId of a container without a number (``recs``, ``cits``): the bare abbreviation, ``_2`` when
        taken."""
        base = f"{parent}{SEPARATOR if parent else ''}{abbreviation}"
        eid, rank = base, 1
        while eid in self.used:
            rank += 1
            eid = f"{base}_{rank}"
        self.used.add(eid)
        return eid


def assign(document: Document) -> Document:
    """Write the eIds of every element of ``document`` in place, and return it."""
    ids = IdGenerator()
    document.recitals_eid = ids.container("", "recs")
    _entries(ids, document.recitals_eid, "rec", document.considerations)
    document.citations_eid = ids.container("", "cits")
    _entries(ids, document.citations_eid, "cit", document.legal_bases)
    document.noted_eid = ids.container("", "cits") if document.noted else ""
    _entries(ids, document.noted_eid, "cit", document.noted)
    for item in document.body:
        _body(ids, "", item)
    for dictum in document.dicta:
        _dictum(ids, dictum)
    attachments = 0
    if document.explanation is not None:
        attachments += 1
        part = document.explanation
        part.eid = ids.make("", "att", str(attachments))
        part.general_eid = ids.make(part.eid, "hcontainer", "1")
        part.articles_eid = ids.make(part.eid, "hcontainer", "2")
        for explained in part.articles:
            _explained(ids, part.articles_eid, explained)
    for annex in document.annexes:
        attachments += 1
        _annex(ids, annex, attachments)
    return document


def _entries(ids: IdGenerator, parent: str, abbreviation: str, entries: list[ListEntry]) -> None:
    for entry in entries:
        entry.eid = ids.make(parent, abbreviation, number_of(entry.label) if entry.label else None)


def _body(ids: IdGenerator, parent: str, item: BodyItem) -> None:
    if isinstance(item, Article):
        _article(ids, parent, item)
        return
    item.eid = ids.make(parent, ABBREVIATIONS[item.kind], _group_number(item))
    for child in item.children:
        _body(ids, item.eid, child)


def _article(ids: IdGenerator, parent: str, article: Article) -> None:
    article.eid = ids.make(parent, "sec", _after_word(article.label))
    for clause in article.clauses:
        _clause(ids, article.eid, clause)
    if article.changes:
        article.list_eid = ids.make(article.eid, "list", None)
        for index, change in enumerate(article.changes, start=1):
            _change(ids, article.list_eid, change, index)
    else:
        article.list_eid = ""


def _clause(ids: IdGenerator, article: str, clause: Clause) -> None:
    """A numbered ayat is a subsection; the single norm of a Pasal is the Pasal's content (no eId of its own,
    its rincian under the Pasal's eId)."""
    clause.eid = ids.make(article, "subsec", number_of(clause.label)) if clause.label is not None else ""
    _points(ids, clause.eid or article, clause)


def _points(ids: IdGenerator, parent: str, owner: Clause | Point | Dictum) -> None:
    """The blockList of ``owner``'s rincian (``list_1``) and its items."""
    if not owner.points:
        owner.list_eid = ""
        return
    owner.list_eid = ids.make(parent, "list", None)
    for point in owner.points:
        point.eid = ids.make(owner.list_eid, "item", number_of(point.label))
        _points(ids, point.eid, point)


def _change(ids: IdGenerator, parent: str, change: Change, index: int) -> None:
    """A change point is an item of Pasal I's list, by its number (the single form has none: its position);
    its quoted new text one quotedStructure."""
    label = number_of(change.label) if change.label.strip() else str(index)
    change.eid = ids.make(parent, "item", label)
    change.quoted_eid = ids.make(change.eid, "qstr", None) if change.quoted else ""


def _dictum(ids: IdGenerator, dictum: Dictum) -> None:
    """A diktum is an hcontainer numbered by its ordinal (KESATU -> 1)."""
    dictum.eid = ids.make("", "hcontainer", str(_ordinal_number(dictum.label)))
    _points(ids, dictum.eid, dictum)


def _ordinal_number(label: str) -> str:
    for n in range(1, 201):
        if ordinal(n).upper() == label.upper():
            return str(n)
    return number_of(label)


def _explained(ids: IdGenerator, parent: str, explained: Explained) -> None:
    explained.eid = ids.make(parent, "hcontainer", _after_word(explained.label))
    for child in explained.children:
        _explained(ids, explained.eid, child)


def _annex(ids: IdGenerator, annex: AnnexPart, position: int) -> None:
    annex.eid = ids.make("", "att", str(position))


def all_eids(document: Document) -> list[str]:
    """Every eId of ``document`` in document order (containers included), for checks and tests."""
    out: list[str] = [document.recitals_eid, *(e.eid for e in document.considerations),
                      document.citations_eid, *(e.eid for e in document.legal_bases)]
    if document.noted_eid:
        out += [document.noted_eid, *(e.eid for e in document.noted)]

    def points(owner: Clause | Point | Dictum) -> None:
        if owner.list_eid:
            out.append(owner.list_eid)
        for point in owner.points:
            out.append(point.eid)
            points(point)

    def body(item: BodyItem) -> None:
        out.append(item.eid)
        if isinstance(item, Group):
            for child in item.children:
                body(child)
            return
        for clause in item.clauses:
            if clause.eid:
                out.append(clause.eid)
            points(clause)
        if item.list_eid:
            out.append(item.list_eid)
        for change in item.changes:
            out.append(change.eid)
            if change.quoted_eid:
                out.append(change.quoted_eid)

    def explained(item: Explained) -> None:
        out.append(item.eid)
        for child in item.children:
            explained(child)

    for item in document.body:
        body(item)
    for dictum in document.dicta:
        out.append(dictum.eid)
        points(dictum)
    if document.explanation is not None:
        part = document.explanation
        out += [part.eid, part.general_eid, part.articles_eid]
        for item in part.articles:
            explained(item)
    out += [annex.eid for annex in document.annexes]
    return out


def by_anchor(document: Document) -> dict[str, str]:
    """The eId of the element at each anchor of ``document`` (``pasal-5`` -> ``chp_II__sec_5``): what a
    reference's :attr:`~rancang.drafting.tree.Span.target` becomes in an Akoma Ntoso ``<ref href="#...">``.
    The single norm of a Pasal shares the Pasal's anchor, and the Pasal's eId."""
    found: dict[str, str] = {}

    def note(anchor: str, eid: str) -> None:
        if anchor and eid:
            found.setdefault(anchor, eid)

    def points(items: list[Point]) -> None:
        for point in items:
            note(point.anchor, point.eid)
            points(point.points)

    def body(item: BodyItem) -> None:
        note(item.anchor, item.eid)
        if isinstance(item, Group):
            for child in item.children:
                body(child)
            return
        for clause in item.clauses:
            note(clause.anchor, clause.eid)
            points(clause.points)
        for change in item.changes:
            note(change.anchor, change.eid)

    def explained(item: Explained) -> None:
        note(item.anchor, item.eid)
        for child in item.children:
            explained(child)

    for item in document.body:
        body(item)
    for dictum in document.dicta:
        note(dictum.anchor, dictum.eid)
        points(dictum.points)
    if document.explanation is not None:
        note(document.explanation.anchor, document.explanation.eid)
        for child in document.explanation.articles:
            explained(child)
    for annex in document.annexes:
        note(annex.anchor, annex.eid)
    note("menimbang", document.recitals_eid)
    note("mengingat", document.citations_eid)
    note("memperhatikan", document.noted_eid)
    return found
