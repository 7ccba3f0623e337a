"""Two versions of a regulation: what changed, the frozen labels, the change points, and applying them.

An amendment is written as the whole edited text: legal staff copy the regulation in force and edit it. From
the engine's numbered tree of the enacted version (``old``) and of the edited one (``new``) this module
computes, without any input from the author beyond the two texts:

(a) **an alignment** of every level (BAB, Bagian, Paragraf, Pasal, ayat, huruf and angka at any depth). Within
    one container (the body, a BAB, a Pasal, an ayat, a huruf ...) elements are matched by ``id`` where both
    versions give one (an element with an id is not matched to one with another id, save a new first element,
    see (b)); the others by aligning
    their normalised text with :class:`difflib.SequenceMatcher` (equal texts), the unequal stretches paired in
    order so that as many elements as possible stay matched, the most similar first. A matched pair whose own
    text differs is *changed*; an old element without a partner is *deleted*, a new one *inserted*. An element
    moved to another container is deleted where it was and inserted where it is.
(b) **the frozen labels** of the new version (:meth:`Versions.labels`: new anchor -> label): enacted numbers
    never move. An old element keeps its label; a deleted one keeps it and reads "Dihapus."; an inserted one
    takes the label after the one before it (:func:`rancang.language.numbering.inserted`: Pasal 12A, BAB IVA,
    ayat (1a), huruf c1, angka 5a), or, after the last one of its container, the next number
    (:func:`~rancang.language.numbering.appended`: ayat (4) after (3)). Pasal are numbered across BAB, so an
    inserted Pasal follows the Pasal before it anywhere in the document (a new BAB IVA holds Pasal 12A, 12B).
    Inside an inserted element its own ayat, huruf, Bagian ... are numbered afresh, as are those of a Pasal
    that goes from one norm to numbered ayat or back and of an element that gains its first rincian or loses
    its last (nothing of its inside was numbered the same way before). Nothing can be numbered before the first
    element of a container, so a new first element is read as the old first one changed, the old text
    following it as an inserted one (what Lampiran II leaves as the only way); when an id found in both
    versions says the old first element is still there, or an element falls between two inserted labels (12A
    and 12B), no form is prescribed: :class:`VersionError`, in Indonesian.
(c) **the change points**, in document order, as coarse as reads well:

    * a Pasal whose own text changed, whose shape changed (one norm <-> ayat), whose every ayat (or huruf)
      changed, or that holds more than one kind of change (an ayat changed *and* one inserted) is replaced
      whole: "Ketentuan Pasal 7 diubah". One kind of change inside it is named precisely: "Ketentuan ayat (2)
      Pasal 7 diubah", "ayat (2) dan ayat (3)", "Di antara ayat (1) dan ayat (2) Pasal 18 disisipkan ...",
      "ayat (3) Pasal 9 dihapus", and the same rule again one level down (huruf b ayat (2) Pasal 7). Why:
      Lampiran II's compound instructions ("Ketentuan ayat (1) diubah dan di antara ayat (1) dan ayat (2)
      disisipkan ...") are long and easy to misread, while quoting the whole Pasal says the same thing and gives
      the reader one complete Pasal;
    * consecutive inserted siblings are one point ("disisipkan 2 (dua) pasal, yakni Pasal 12A dan Pasal 12B"),
      consecutive deleted ones too; an inserted BAB is one point with its Pasal; a deleted BAB is one point;
    * a BAB, Bagian or Paragraf whose title changed is a point on its heading only; what changed inside it has
      its own points. One whose Pasal are now grouped in Bagian (or the other way round) is replaced whole,
      its enacted Pasal kept as "Dihapus.".

(d) :func:`apply` carries out the points on the old tree and gives the consolidated outline;
(e) the outline: ``(label path, text)`` of every element in document order, a deleted one as
    ``(label path, "Dihapus.")`` without what was under it.

References: texts are aligned with each resolved reference replaced by the id it names, so a reference whose
number moved in the new version is no change, and a kept element reads as enacted (its references name the
enacted, frozen numbers). Given ``rebuild`` (:func:`compare`), the new version is built again by the engine with
its frozen labels (``engine.build(..., labels=Versions.labels())``, keyed by the anchors of the build without
them): changed and inserted texts, the quoted elements and the outline then name Pasal 12A, not 13, in their
references, and a kept element whose printed text now differs (a reference to an element that moved to another
container reads its new, inserted number) is changed. Without ``rebuild`` a changed or inserted text shows the
numbers the engine gave the new version by position.

An amendment of an amendment: the old version is then the text in force after the earlier amendments
(:mod:`rancang.drafting.consolidation`), its inserted labels (12A) kept and each element an earlier amendment
deleted kept as a placeholder reading "Dihapus." with nothing under it (:attr:`_Node.gone`). A placeholder takes no
part in alignment (its text would pair with anything): it is put back after the old element before it, stays
deleted (:attr:`Aligned.gone`), keeps its label, counts as a neighbour for inserted labels and instructions
("Di antara Pasal 4 dan Pasal 5", Pasal 4A after a deleted Pasal 4) and makes no change point.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Literal, Mapping

from rancang.drafting.tree import Article, BodyItem, Clause, Document, Point, RichText, plain
from rancang.language import numbering

DELETED = "Dihapus."
"""What a deleted element reads in the consolidated text (Lampiran II: the number stays, "Dihapus.")."""

GROUP_LEVELS = ("bab", "bagian", "paragraf")
PREFIX = {"bab": "BAB ", "bagian": "Bagian ", "paragraf": "Paragraf ", "pasal": "Pasal "}

Status = Literal["kept", "changed", "inserted", "deleted"]
Action = Literal["ubah", "sisip", "hapus"]
Outline = list[tuple[tuple[str, ...], str]]


class VersionError(ValueError):
    """Two versions whose changes cannot be written with enacted numbers kept (message in Indonesian)."""


# -- the elements of one version ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Element:
    """An element of a version with its (frozen) label: what the outline lists and a change point quotes."""

    level: str
    """``bab``, ``bagian``, ``paragraf``, ``pasal``, ``ayat``, ``huruf`` or ``angka``."""
    label: str
    """As printed: ``BAB IVA``, ``Bagian Kesatu``, ``Pasal 12A``, ``(1a)``, ``c1.``, ``5a)``; None-like ``""``
    never occurs (a Pasal's unnumbered norm is the Pasal's own text)."""
    text: str
    """Its own text: a group's title, a Pasal's one norm (empty when it has ayat), an ayat's or a butir's text;
    words after its rincian (``penutup``) follow on a new line."""
    children: tuple["Element", ...] = ()
    deleted: bool = False
    depth: int = 0
    """For huruf and angka: the depth of the rincian (1 ``a.``, 2 ``1.``, 3 ``a)``, 4 ``1)``)."""

    def outline(self, path: tuple[str, ...] = ()) -> Outline:
        here = path + (self.label,)
        if self.deleted:
            return [(here, DELETED)]
        out: Outline = [(here, self.text)]
        for child in self.children:
            out.extend(child.outline(here))
        return out


def outline_of(elements: tuple[Element, ...] | list[Element]) -> Outline:
    """The outline of a body: every element in document order with its label path and text."""
    out: Outline = []
    for element in elements:
        out.extend(element.outline())
    return out


@dataclass(frozen=True)
class _Node:
    """An element of one engine tree, as compared."""

    level: str
    label: str
    text: str
    key: str | None
    children: tuple["_Node", ...]
    depth: int = 0
    numbered: bool = False
    """For a Pasal: it has numbered ayat."""
    anchor: str = ""
    compared: str | None = None
    """Its text as compared: each reference as the id of what it names (``⟦tugas⟧``), so that a reference
    whose number moved in the new version is no change; None: ``text``."""

    @property
    def norm(self) -> str:
        return " ".join((self.compared if self.compared is not None else self.text).split())

    @property
    def gone(self) -> bool:
        """A placeholder of an element an earlier amendment deleted (``Pasal 4`` / ``Dihapus.``, nothing under
        it): in the version before an amendment of an amendment (:mod:`rancang.drafting.consolidation`)."""
        return not self.children and self.norm == DELETED

    @property
    def full(self) -> str:
        """Its text and everything under it, normalised: what text alignment compares."""
        return " ".join([self.norm, *(child.full for child in self.children)]).strip()

    def element(self) -> Element:
        return Element(self.level, self.label, self.text, tuple(c.element() for c in self.children),
                       depth=self.depth)


def _id(source) -> str | None:
    return getattr(source, "id", None) if source is not None else None


@dataclass
class _Reader:
    """Reads one engine tree into nodes; ``ids``: the id of the element at each anchor."""

    ids: dict[str, str]

    def text(self, *parts: RichText | None) -> tuple[str, str]:
        """The plain text of ``parts`` (a text and the words after its rincian, one line each) and its
        compared form."""
        given = [part for part in parts if part]
        shown = "\n".join(plain(part) for part in given)
        compared = "\n".join("".join(f"⟦{self.ids[span.target]}⟧" if span.target in self.ids else span.text
                                     for span in part) for part in given)
        return shown, compared

    def point(self, point: Point) -> _Node:
        level = "huruf" if point.depth in (1, 3) else "angka"
        shown, compared = self.text(point.text, point.closing)
        return _Node(level, point.label, shown, _id(point.source), tuple(self.point(p) for p in point.points),
                     depth=point.depth, anchor=point.anchor, compared=compared)

    def article(self, article: Article) -> _Node:
        numbered = [clause for clause in article.clauses if clause.label is not None]
        if numbered:
            children = tuple(self.clause(clause) for clause in numbered)
            shown = compared = ""
        else:
            children = tuple(self.point(p) for clause in article.clauses for p in clause.points)
            shown, compared = self.text(*(part for clause in article.clauses for part in (clause.text, clause.closing)))
        return _Node("pasal", article.label, shown, _id(article.source), children, numbered=bool(numbered),
                     anchor=article.anchor, compared=compared)

    def clause(self, clause: Clause) -> _Node:
        shown, compared = self.text(clause.text, clause.closing)
        return _Node("ayat", clause.label or "", shown, _id(clause.source), tuple(self.point(p) for p in clause.points),
                     anchor=clause.anchor, compared=compared)

    def item(self, item: BodyItem) -> _Node:
        if isinstance(item, Article):
            return self.article(item)
        return _Node(item.kind, item.label, item.title, _id(item.source), tuple(self.item(c) for c in item.children),
                     anchor=item.anchor)


def _anchor_ids(document: Document) -> dict[str, str]:
    """The id of the element at each anchor of the body (a Pasal's before its single ayat's)."""
    ids: dict[str, str] = {}

    def note(anchor: str, source) -> None:
        element_id = _id(source)
        if anchor and element_id:
            ids.setdefault(anchor, element_id)

    def points(items: list[Point]) -> None:
        for point in items:
            note(point.anchor, point.source)
            points(point.points)

    def walk(items: list[BodyItem]) -> None:
        for item in items:
            note(item.anchor, item.source)
            if isinstance(item, Article):
                for clause in item.clauses:
                    note(clause.anchor, clause.source)
                    points(clause.points)
            else:
                walk(item.children)

    walk(document.body)
    return ids


def nodes(document: Document) -> tuple[_Node, ...]:
    reader = _Reader(_anchor_ids(document))
    return tuple(reader.item(item) for item in document.body)


def elements(document: Document) -> tuple[Element, ...]:
    """A version's body as elements with the engine's labels (an enacted regulation's own labels)."""
    return tuple(node.element() for node in nodes(document))


# -- alignment ---------------------------------------------------------------------------------------------------


@dataclass
class Aligned:
    """One element of the merged version: its old and new forms, what happened to it, its frozen label."""

    status: Status
    old: _Node | None
    new: _Node | None
    children: list["Aligned"] = field(default_factory=list)
    label: str = ""
    restructured: bool = False
    """A Pasal that went from one norm to numbered ayat or back, or an element that gained its first ayat or
    rincian or lost its last: replaced whole, its inside numbered afresh (nothing there was numbered before)."""
    fresh: bool = False
    """Inside an inserted or restructured element: labelled as in the new version (Pasal excepted)."""
    gone: bool = False
    """Deleted by an earlier amendment (its "Dihapus." placeholder in the old version): stays deleted, keeps its
    label, takes no part in alignment and makes no change point."""

    @property
    def node(self) -> _Node:
        return self.new if self.new is not None else self.old  # type: ignore[return-value]

    @property
    def level(self) -> str:
        return self.node.level

    @property
    def unchanged(self) -> bool:
        """Kept, and everything under it too (an element deleted by an earlier amendment stays as it was)."""
        return self.gone or self.status == "kept" and all(child.unchanged for child in self.children)

    def walk(self) -> Iterator["Aligned"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def element(self) -> Element:
        """Its frozen form in the new version."""
        if self.status == "deleted":
            return Element(self.level, self.label, DELETED, deleted=True, depth=self.node.depth)
        assert self.new is not None
        # a kept text reads as enacted: its references name enacted (frozen) numbers
        text = self.old.text if self.status == "kept" and self.old is not None else self.new.text
        return Element(self.level, self.label, text, tuple(c.element() for c in self.children),
                       depth=self.new.depth)


def _compatible(a: _Node, b: _Node) -> bool:
    return a.level == b.level and a.depth == b.depth and not (a.key and b.key and a.key != b.key)


def _pair_block(old: list[_Node], new: list[_Node]) -> list[tuple[_Node | None, _Node | None]]:
    """Pair an unequal stretch in order: most pairs first, then the most similar; unpaired old before new."""
    m, n = len(old), len(new)
    NONE = (0, 0.0)
    best = [[NONE] * (n + 1) for _ in range(m + 1)]
    ratio: dict[tuple[int, int], float] = {}
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if _compatible(old[i], new[j]):
                r = difflib.SequenceMatcher(None, old[i].full, new[j].full, autojunk=False).ratio()
                ratio[i, j] = r
                pairs, score = best[i + 1][j + 1]
                options.append((pairs + 1, score + r))
            best[i][j] = max(options)
    out: list[tuple[_Node | None, _Node | None]] = []
    i = j = 0
    while i < m or j < n:
        if i < m and j < n and (i, j) in ratio and \
                best[i][j] == (best[i + 1][j + 1][0] + 1, best[i + 1][j + 1][1] + ratio[i, j]):
            out.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif i < m and best[i][j] == best[i + 1][j]:
            out.append((old[i], None))
            i += 1
        else:
            out.append((None, new[j]))
            j += 1
    return out


def _by_text(old: list[_Node], new: list[_Node]) -> list[tuple[_Node | None, _Node | None]]:
    keys_old = [(n.level, n.depth, n.key or "", n.full) for n in old]
    keys_new = [(n.level, n.depth, n.key or "", n.full) for n in new]
    matcher = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    out: list[tuple[_Node | None, _Node | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(zip(old[i1:i2], new[j1:j2]))
        else:
            out.extend(_pair_block(old[i1:i2], new[j1:j2]))
    return out


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of id pairs in the same order on both sides (pairs sorted by old index)."""
    if not pairs:
        return []
    length = [1] * len(pairs)
    before = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        for l in range(k):
            if pairs[l][1] < j and length[l] + 1 > length[k]:
                length[k], before[k] = length[l] + 1, l
    k = max(range(len(pairs)), key=lambda x: length[x])
    out = []
    while k != -1:
        out.append(pairs[k])
        k = before[k]
    return out[::-1]


def _match(old: tuple[_Node, ...], new: tuple[_Node, ...], start: bool = True, first_articles: bool = False
           ) -> list[tuple[_Node | None, _Node | None]]:
    """Old and new children of one container paired in order: by id, then by text between the id pairs."""
    where = {(n.level, n.key): j for j, n in enumerate(new) if n.key}
    pairs = sorted((i, where[n.level, n.key]) for i, n in enumerate(old)
                   if n.key and (n.level, n.key) in where and old[i].depth == new[where[n.level, n.key]].depth)
    anchors = _increasing(pairs)
    out: list[tuple[_Node | None, _Node | None]] = []
    i = j = 0
    for a, b in [*anchors, (len(old), len(new))]:
        out.extend(_by_text(list(old[i:a]), list(new[j:b])))
        if a < len(old):
            out.append((old[a], new[b]))
        i, j = a + 1, b + 1
    claimed = {(n.level, n.key) for n in old if n.key}
    if start and out and out[0][0] is None and old and (new[0].level != "pasal" or first_articles) \
            and (old[0].level, old[0].depth) == (new[0].level, new[0].depth) \
            and not (old[0].key and (old[0].level, old[0].key) in where) \
            and not (new[0].key and (new[0].level, new[0].key) in claimed):
        # Nothing can be numbered before the first element: the first new one is read as the first old one
        # changed (what Lampiran II leaves: change the first, insert after it), even when each has an id the
        # other version does not know. A Pasal at the start of a later BAB follows the Pasal of the BAB before,
        # and an id found in both versions says which element is which: those stay.
        return [(old[0], new[0]), *_match(old[1:], new[1:], start=False)]
    return out


def _align(old: _Node | None, new: _Node | None, fresh: bool = False, first: _Node | None = None,
           printed: bool = False) -> Aligned:
    """``first``: the old container of the document's first Pasal. ``printed``: the new version is built with
    its frozen labels, so a matched element whose printed text differs is changed too (a reference to an element
    that moved reads another number), though alignment still goes by the compared form."""
    if old is None:
        assert new is not None
        return Aligned("inserted", None, new, [_align(None, c, True) for c in new.children], fresh=fresh)
    if new is None:
        return Aligned("deleted", old, None, [_align(c, None) for c in old.children], fresh=fresh)
    restructured = (old.level == "pasal" and old.numbered != new.numbered) or \
        bool(old.children) != bool(new.children)
    status: Status = "changed" if old.norm != new.norm or restructured or \
        (printed and " ".join(old.text.split()) != " ".join(new.text.split())) else "kept"
    if restructured:
        children = [_align(None, c, True) for c in new.children]
    else:
        live = tuple(c for c in old.children if not c.gone)
        children = _with_gone(old.children, [_align(a, b, first=first, printed=printed)
                                             for a, b in _match(live, new.children, first_articles=old is first)])
        # a BAB or Bagian whose Pasal are now grouped (or the other way round): its old content stays, deleted,
        # so that every enacted number is still there; it is replaced whole
        levels = ({c.level for c in old.children}, {c.level for c in new.children})
        restructured = old.level in GROUP_LEVELS and levels[0] != levels[1]
    return Aligned(status, old, new, children, restructured=restructured)


def _with_gone(old: tuple[_Node, ...], aligned: list[Aligned]) -> list[Aligned]:
    """``aligned`` with the placeholders of elements deleted by an earlier amendment put back, each right after
    the old element before it (they are not aligned: a "Dihapus." text would pair with anything)."""
    out = list(aligned)
    for index, node in enumerate(old):
        if not node.gone:
            continue
        at = 0
        if index:
            previous = old[index - 1]
            at = next(i for i, item in enumerate(out) if item.old is previous) + 1
        out.insert(at, Aligned("deleted", node, None, [], gone=True))
    return out


def _bare(level: str, label: str) -> str:
    prefix = PREFIX.get(level)
    return label[len(prefix):] if prefix and label.startswith(prefix) else label


def _printed(level: str, bare: str, depth: int) -> str:
    if level in PREFIX:
        return PREFIX[level] + bare
    if level == "ayat":
        return f"({bare})"
    return bare + ("." if depth <= 2 else ")")


_WORDS = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf", "pasal": "Pasal", "ayat": "ayat",
          "huruf": "huruf", "angka": "angka"}


def _insert_label(level: str, depth: int, before: str | None, after: str | None, where: str) -> str:
    """The label of an element inserted after ``before`` (a frozen label) and before ``after``: ``12A`` between
    12 and 13; after the last element of its container (``after`` None) the next number (ayat (4) after (3),
    :func:`rancang.language.numbering.appended`)."""
    try:
        if before is None:
            numbering.inserted_first(level)
        if after is None:
            bare = numbering.appended(level, _bare(level, before), 1)  # type: ignore[arg-type]
        else:
            bare = numbering.inserted(level, _bare(level, before), 1)  # type: ignore[arg-type]
    except ValueError as problem:
        raise VersionError(f"{where}: {problem}") from None
    if after is not None and numbering.label_key(level, bare) >= numbering.label_key(level, _bare(level, after)):
        raise VersionError(
            f"{where}: {_WORDS[level]} baru di antara {_WORDS[level]} {_bare(level, before)} dan {_WORDS[level]} "
            f"{_bare(level, after)} tidak mempunyai nomor sisipan (Lampiran II UU 12/2011 tidak mengaturnya); "
            f"tempatkan sesudah {_WORDS[level]} {_bare(level, after)}, atau ubah salah satu unsur di sekitarnya")
    return _printed(level, bare, depth)


def _label_siblings(siblings: list[Aligned], where: str) -> None:
    """Frozen labels of one container's children, then of what is under them (Pasal: :func:`_label_articles`)."""
    enacted = {s.level for s in siblings if s.old is not None}
    for index, item in enumerate(siblings):
        if item.level == "pasal":
            continue
        if item.old is not None:
            item.label = item.old.label
        elif item.fresh or item.level not in enacted:  # nothing at its level was numbered here before
            item.label = item.node.label
        else:
            before = next((s.label for s in reversed(siblings[:index]) if s.level == item.level), None)
            after = next((s.old.label for s in siblings[index + 1:] if s.old is not None and s.level == item.level),
                         None)
            item.label = _insert_label(item.level, item.node.depth, before, after, where or "batang tubuh")
    for item in siblings:
        inner = item.label if item.level in ("pasal", "bab") else f"{_reference(item)} {where}".strip()
        _label_siblings(item.children, inner)


def _label_articles(body: list[Aligned]) -> None:
    """Pasal are numbered across the whole body: an inserted one follows the Pasal before it, wherever it is."""
    articles = [a for item in body for a in item.walk() if a.level == "pasal"]
    for index, item in enumerate(articles):
        if item.status != "inserted":
            item.label = item.old.label  # type: ignore[union-attr]
            continue
        before = articles[index - 1].label if index else None
        after = next((a.old.label for a in articles[index + 1:] if a.status != "inserted" and a.old), None)
        item.label = _insert_label("pasal", 0, before, after, "batang tubuh")


# -- change points -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangePoint:
    """One numbered point of an amendment's Pasal I."""

    action: Action
    level: str
    labels: tuple[str, ...]
    """The frozen labels of the elements it changes, inserts or deletes, as printed (``Pasal 12A``, ``(1a)``)."""
    container: tuple[str, ...]
    """The printed path of what holds them, innermost first, as the instruction names it: ``()`` for a BAB or
    a Pasal, ``("Pasal 18",)`` for an ayat, ``("ayat (2)", "Pasal 7")`` for a huruf, ``("BAB IV",)`` for a
    Bagian."""
    between: tuple[str, str | None] | None
    """For an insertion: the frozen labels before and after it (after: None when inserted at the end)."""
    quoted: tuple[Element, ...]
    """The new elements, whole (for a changed heading: the group without its content); empty for ``hapus``."""
    path: tuple[str, ...]
    """Frozen labels from the body down to the container, for :func:`apply` (``("BAB IV", "Pasal 7", "(2)")``)."""
    heading_only: bool = False
    """A BAB, Bagian or Paragraf whose title changed: only the title is replaced."""
    article: Element | None = None
    """For a point below a Pasal: the whole new Pasal, for instructions that end "sehingga Pasal 18 berbunyi
    sebagai berikut:"."""

    def instruction(self, within: str | None = None, amendments: tuple[str, ...] | list[str] = (), *,
                    comma: bool = False, last_comma: bool = True) -> str:
        """The Indonesian instruction of this point (Lampiran II formulas). ``within``: the amended regulation's
        citation, for the single form of a Pasal I with this one point (``Ketentuan Pasal 5 dalam <within>
        diubah ...``, :func:`rancang.language.amendment_words.single_instruction`); ``amendments``: its earlier
        amendments' citations, oldest first."""
        from rancang.language import amendment_words

        labels = [_word_label(self.level, label) for label in self.labels]
        between = None
        if self.between is not None:
            between = (_word_label(self.level, self.between[0]),
                       _word_label(self.level, self.between[1]) if self.between[1] else None)
        if within is not None:
            return amendment_words.single_instruction(within, self.action, self.level, labels, list(self.container),
                                                      between, amendments, comma=comma, last_comma=last_comma)
        return amendment_words.change_instruction(self.action, self.level, labels, list(self.container), between)


def _word_label(level: str, label: str) -> str:
    """How an instruction names a label: ``12A`` (Pasal), ``IVA`` (BAB), ``(1a)`` (ayat), ``c1`` (huruf)."""
    if level in PREFIX:
        return _bare(level, label)
    if level == "ayat":
        return label
    return label.rstrip(".)")


def _reference(item: Aligned) -> str:
    """How a container is named in an instruction: ``Pasal 7``, ``ayat (2)``, ``huruf b``, ``BAB IV``."""
    if item.level in PREFIX:
        return item.label
    return f"{item.level} {_word_label(item.level, item.label)}"


def _container(chain: list[Aligned], level: str) -> tuple[str, ...]:
    """Innermost first; a Pasal (and what is in it) is named without its BAB, a Bagian with it."""
    names: list[str] = []
    in_article = level == "pasal" or any(c.level == "pasal" for c in chain)
    for item in reversed(chain):
        if item.level in GROUP_LEVELS and in_article:
            break
        names.append(_reference(item))
    return tuple(names)


@dataclass
class Versions:
    """Two versions compared: the merged tree (alignment and frozen labels) and its change points."""

    body: list[Aligned]
    document: Document | None = None
    """The new version built with its frozen labels, when :func:`compare` was given ``rebuild``."""

    def frozen(self) -> tuple[Element, ...]:
        """The new version with its frozen labels."""
        return tuple(item.element() for item in self.body)

    def outline(self) -> Outline:
        return outline_of(self.frozen())

    def labels(self) -> dict[str, str]:
        """The frozen label of every element of the new version by its anchor there (inserted ones too)."""
        return {item.new.anchor: item.label for top in self.body for item in top.walk()
                if item.new is not None and item.new.anchor}

    def alignment(self) -> list[tuple[Status, str, tuple[str, ...], str | None, str | None]]:
        """Every element of both versions in document order: (status, level, frozen label path, old anchor,
        new anchor); what is under a deleted element is listed as deleted, what is under an inserted one as
        inserted; an element an earlier amendment deleted (:attr:`Aligned.gone`) is listed as deleted too."""
        out: list[tuple[Status, str, tuple[str, ...], str | None, str | None]] = []

        def walk(items: list[Aligned], path: tuple[str, ...]) -> None:
            for item in items:
                here = path + (item.label,)
                out.append((item.status, item.level, here, item.old.anchor if item.old else None,
                            item.new.anchor if item.new else None))
                walk(item.children, here)

        walk(self.body, ())
        return out

    def points(self) -> list[ChangePoint]:
        out: list[ChangePoint] = []
        self._container_points(self.body, [], out)
        return out

    # -- points of one container ---------------------------------------------------------------------------------

    def _container_points(self, siblings: list[Aligned], chain: list[Aligned], out: list[ChangePoint]) -> None:
        for kind, run in _runs(siblings):
            if kind == "inserted":
                out.append(self._run_point("sisip", run, siblings, chain))
            elif kind == "deleted":
                out.append(self._run_point("hapus", run, siblings, chain))
            else:
                (item,) = run
                if item.unchanged:
                    continue
                if item.level in GROUP_LEVELS and item.restructured:
                    out.append(ChangePoint("ubah", item.level, (item.label,), _container(chain, item.level),
                                           None, (item.element(),), _path(chain)))
                elif item.level in GROUP_LEVELS:
                    if item.status == "changed":
                        out.append(ChangePoint("ubah", item.level, (item.label,), _container(chain, item.level),
                                               None, (Element(item.level, item.label, item.node.text),),
                                               _path(chain), heading_only=True))
                    self._container_points(item.children, chain + [item], out)
                else:
                    self._refine(item, chain, out)

    def _run_point(self, action: Action, run: list[Aligned], siblings: list[Aligned], chain: list[Aligned]
                   ) -> ChangePoint:
        level = run[0].level
        between = None
        quoted: tuple[Element, ...] = ()
        if action == "sisip":
            between = self._between(run, siblings)
            quoted = tuple(item.element() for item in run)
        return ChangePoint(action, level, tuple(item.label for item in run), _container(chain, level), between, quoted,
                           _path(chain), article=_article_of(chain))

    def _between(self, run: list[Aligned], siblings: list[Aligned]) -> tuple[str, str | None]:
        if run[0].level == "pasal":
            articles = [a for top in self.body for a in top.walk() if a.level == "pasal"]
            first = next(i for i, a in enumerate(articles) if a is run[0])
            last = next(i for i, a in enumerate(articles) if a is run[-1])
            rest = articles[last + 1:]
            return articles[first - 1].label, next((a.label for a in rest if a.status != "inserted"), None)
        first = next(i for i, s in enumerate(siblings) if s is run[0])
        last = next(i for i, s in enumerate(siblings) if s is run[-1])
        return siblings[first - 1].label, next((s.label for s in siblings[last + 1:]), None)

    def _refine(self, item: Aligned, chain: list[Aligned], out: list[ChangePoint]) -> None:
        """A changed Pasal, ayat or butir: named whole, or its one kind of change named precisely."""
        whole = ChangePoint("ubah", item.level, (item.label,), _container(chain, item.level), None,
                            (item.element(),),
                            _path(chain), article=_article_of(chain))
        if item.status == "changed" or not any(child.unchanged for child in item.children):
            out.append(whole)
            return
        runs = [(kind, run) for kind, run in _runs(item.children) if not (kind == "matched" and run[0].unchanged)]
        if {kind for kind, _ in runs} == {"matched", "inserted"} and all(
                _punctuation_only(run[0]) for kind, run in runs if kind == "matched"):
            # a huruf inserted before the last one moves the list's "; dan" / "; atau": the neighbour whose only
            # change is that punctuation is no change of its own (the point quotes the whole Pasal anyway)
            runs = [(kind, run) for kind, run in runs if kind != "matched"]
        kinds = {kind for kind, _ in runs}
        if len(kinds) != 1:
            out.append(whole)
            return
        (kind,) = kinds
        inner = chain + [item]
        if kind == "matched":
            changed = [run[0] for _, run in runs]
            if len(changed) == 1:
                self._refine(changed[0], inner, out)
            else:
                out.append(ChangePoint("ubah", changed[0].level, tuple(c.label for c in changed),
                                       _container(inner, changed[0].level),
                                       None, tuple(c.element() for c in changed), _path(inner),
                                       article=_article_of(inner)))
            return
        if len(runs) != 1:
            out.append(whole)
            return
        out.append(self._run_point("sisip" if kind == "inserted" else "hapus", runs[0][1], item.children, inner))


_LIST_ENDING = re.compile(r"\s*(?:[;,.:]\s*)?(?:(?:dan/atau|dan|atau)\s*)?$")


def _punctuation_only(item: Aligned) -> bool:
    """A huruf or angka whose text differs from its old one only in the punctuation and conjunction the engine
    ends a list item with (``; dan``, ``; atau``, ``;``, ``.``), everything under it unchanged."""
    if item.level not in ("huruf", "angka") or item.status != "changed" or item.old is None or item.new is None:
        return False
    return (_LIST_ENDING.sub("", item.old.norm) == _LIST_ENDING.sub("", item.new.norm)
            and all(child.unchanged for child in item.children))


def _runs(siblings: list[Aligned]) -> Iterator[tuple[str, list[Aligned]]]:
    """Consecutive inserted (or deleted) siblings of one level together; each matched one alone."""
    run: list[Aligned] = []
    for item in siblings:
        kind = item.status if item.status in ("inserted", "deleted") and not item.gone else "matched"
        if run and (kind == "matched" or run[0].gone or run[0].status != item.status or run[0].level != item.level):
            yield (run[0].status if run[0].status in ("inserted", "deleted") and not run[0].gone else "matched"), run
            run = []
        run.append(item)
    if run:
        yield (run[0].status if run[0].status in ("inserted", "deleted") and not run[0].gone else "matched"), run


def _path(chain: list[Aligned]) -> tuple[str, ...]:
    return tuple(item.label for item in chain)


def _article_of(chain: list[Aligned]) -> Element | None:
    return next((item.element() for item in chain if item.level == "pasal"), None)


def _first_articles(node: _Node) -> _Node | None:
    """The node whose children hold the first Pasal."""
    for child in node.children:
        if child.level == "pasal":
            return node
        found = _first_articles(child)
        if found is not None:
            return found
    return None


Rebuild = Callable[[Mapping[str, str]], Document]
"""Builds the new version again with the given frozen labels: ``lambda labels: engine.build(regulation, settings,
catalogue, labels=labels)[0]``."""


def compare(old: Document, new: Document, rebuild: Rebuild | None = None) -> Versions:
    """Compare the enacted version with the whole edited text (both numbered by the engine).

    With ``rebuild`` the new version is built a second time with its frozen labels (:meth:`Versions.labels`,
    keyed by the anchors of ``new``, which the labelled build keeps) and compared again: the changed and
    inserted texts, the quoted elements and the outline then read the frozen numbers in their references
    ("sebagaimana dimaksud dalam Pasal 12A", not "Pasal 13"), and a kept text whose printed reference now reads
    another number (its target moved to another BAB or Pasal) is a change. The labelled build is
    :attr:`Versions.document`. Alignment and labels are the same in both passes (they go by the compared form,
    in which a reference is the id it names)."""
    versions = _compare(old, new)
    if rebuild is None:
        return versions
    document = rebuild(versions.labels())
    again = _compare(old, document, printed=True)
    again.document = document
    return again


def _compare(old: Document, new: Document, printed: bool = False) -> Versions:
    top = _Node("", "", "", None, nodes(old))
    root = _align(top, _Node("", "", "", None, nodes(new)), first=_first_articles(top), printed=printed)
    body = root.children
    _label_articles(body)
    _label_siblings(body, "")
    return Versions(body)


def diff(old: Document, new: Document, rebuild: Rebuild | None = None) -> list[ChangePoint]:
    """The change points that turn ``old`` into ``new``, in document order (``rebuild``: see :func:`compare`)."""
    return compare(old, new, rebuild).points()


# -- applying ----------------------------------------------------------------------------------------------------


@dataclass
class _Mutable:
    level: str
    label: str
    text: str
    children: list["_Mutable"]
    deleted: bool = False
    depth: int = 0

    @classmethod
    def of(cls, element: Element) -> "_Mutable":
        return cls(element.level, element.label, element.text, [cls.of(c) for c in element.children],
                   element.deleted, element.depth)

    def frozen(self) -> Element:
        return Element(self.level, self.label, self.text, tuple(c.frozen() for c in self.children), self.deleted,
                       self.depth)


def apply(old: Document, points: list[ChangePoint]) -> Outline:
    """The consolidated outline: the change points carried out, in order, on the enacted version."""
    root = _Mutable("", "", "", [_Mutable.of(e) for e in elements(old)])
    for point in points:
        container = root
        for label in point.path:
            container = _child(container, label, point)
        siblings = container.children
        if point.action == "sisip":
            assert point.between is not None
            if point.article is not None and point.level not in (*GROUP_LEVELS, "pasal"):
                _replace_article(root, point)  # "... sehingga Pasal 18 berbunyi sebagai berikut:" and the Pasal
                continue
            labels = [c.label for c in siblings]
            at = labels.index(point.between[0]) + 1 if point.between[0] in labels else 0
            siblings[at:at] = [_Mutable.of(e) for e in point.quoted]
            continue
        for index, label in enumerate(point.labels):
            target = _child(container, label, point)
            if point.action == "hapus":
                target.deleted, target.text, target.children = True, DELETED, []
            elif point.heading_only:
                target.text = point.quoted[index].text
            else:
                siblings[siblings.index(target)] = _Mutable.of(point.quoted[index])
    return outline_of([c.frozen() for c in root.children])


def _child(container: _Mutable, label: str, point: ChangePoint) -> _Mutable:
    for child in container.children:
        if child.label == label:
            return child
    raise VersionError(f"butir perubahan menunjuk {label} di {' '.join(point.path) or 'batang tubuh'}, yang tidak "
                       f"ada dalam naskah lama")


def _replace_article(root: _Mutable, point: ChangePoint) -> None:
    """Carry out an insertion inside a Pasal the way the Perubahan words it: the whole Pasal as quoted."""
    assert point.article is not None
    container = root
    for label in point.path:
        child = _child(container, label, point)
        if child.level == "pasal":
            container.children[container.children.index(child)] = _Mutable.of(point.article)
            return
        container = child
    raise VersionError(f"butir perubahan di {' '.join(point.path)} tidak menunjuk pasal")

