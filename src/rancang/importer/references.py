"""Hand-typed references of an enacted regulation -> ``[[id]]`` markup, ids for their targets.

An enacted regulation says ``sebagaimana dimaksud dalam Pasal 12 ayat (2) huruf b`` in plain words; the
regulation YAML says ``[[pasal-12-ayat-2-huruf-b]]`` and lets the engine
(:mod:`rancang.drafting.references`) write the words. :func:`link_references` reads the parsed body and, for
every phrase it recognises:

1. reads it: ``sebagaimana dimaksud dalam|pada`` then one or more targets -- ``Pasal 5``, ``Pasal 5 ayat (2)``,
   ``ayat (1) huruf a``, ``huruf b angka 3``, ``huruf a)`` (third level), ``BAB II``,
   ``Bagian Kesatu BAB II``, ``Paragraf 1 ...``, ``ayat (1) Pasal ini`` -- joined by ``,``, ``dan``, ``, dan``, ``sampai dengan``
   (and ``atau``, ``dan/atau``, ``serta``, which the engine never writes: those end in the report); a target
   without ``Pasal`` or ``ayat`` continues the one before it (``Pasal 3 huruf a dan huruf c``) or, first in
   the phrase, is read where the phrase is written (``pada ayat (1)``, ``pada huruf a``);
2. resolves every target against the tree by the numbers printed in the source, relative to the Pasal and
   ayat the text belongs to;
3. writes the markup (``[[id]]``, ``[[id-1, id-2]]``, ``[[id-1 sampai id-2]]``) and renders it with the
   engine's own :class:`~rancang.drafting.references.Resolver` over targets numbered the way
   :mod:`rancang.drafting.engine` numbers the tree; only when the engine writes exactly the words of the
   source (and the whole text reads the same with the markup in it) is the phrase replaced and the targets
   given ids. Otherwise the source text stays and a :class:`~rancang.importer.tree.Note` of kind
   ``rujukan`` says why: the target does not exist or is ambiguous, the phrase is incomplete, or the engine
   would write other words (quoted in the note).

A bare label after ``dalam``, ``pada``, ``berdasarkan`` ... (``ketentuan dalam Pasal 5``) becomes the
label-only form ``[[#id]]`` when the engine writes exactly those words for it; anything less certain stays
text without a note (a bare ``Pasal 5`` may well be another regulation's).

Never converted: a phrase followed by the name of another regulation (``Pasal 5 Undang-Undang Nomor ...``),
any text of an amending regulation (its Pasal are numbered I, II and its numbers point into the amended
regulation), and a text that already holds ``[[`` or ``]]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rancang.drafting.references import Context, Resolver, Target
from rancang.drafting.tree import RichText
from rancang.importer.tree import Node, Note
from rancang.language import numbering

__all__ = ["link_references"]

# -- the words ------------------------------------------------------------------------------------------

_HEAD = re.compile(r"(?<![\w-])[Ss]ebagaimana\s+(?:yang\s+)?dimaksud(?:\s+(?:di\s*dalam|dalam|pada|di))?\s+")
"""The formula before the targets (``pada``/``dalam`` checked by rendering: a wrong one ends in the report)."""
_KEYWORD = re.compile(r"(?:Pasal|PASAL|[Aa]yat|[Hh]uruf|[Aa]ngka|BAB|Bab|Bagian|Paragraf)(?![\w-])")
_BARE_KEYWORD = re.compile(r"(?<![\w-])(?:Pasal|ayat|huruf|BAB|Bagian|Paragraf)(?![\w-])")
"""Where a bare label may start (never ``angka``: "ditulis dalam angka 5" is no reference)."""
_BARE_BEFORE = {"dalam", "pada", "di", "menurut", "berdasarkan", "dengan", "ketentuan", "terhadap", "sesuai"}
"""The word before a bare label that makes it a reference to this regulation's text."""
_PASAL = re.compile(r"(?:Pasal|PASAL)(?:\s+(\d+)(?![\w-])|\s+(ini)(?![\w-]))?")
_AYAT = re.compile(r"[Aa]yat(?:\s*\(\s*(\d+)\s*\)|\s+(\d+)(?![\w-]))?")
_HURUF = re.compile(r"[Hh]uruf(?:\s+(([a-z])\2{0,2})(?![\w-]))?")
_ANGKA = re.compile(r"[Aa]ngka(?:\s+(\d+)(?![\w-]))?")
_BAB = re.compile(r"(?:BAB|Bab)(?:\s+([IVXLCDM]+)(?![\w-]))?")
_PARAGRAF = re.compile(r"Paragraf(?:\s+(\d+)(?![\w-]))?")
_SEPARATOR = re.compile(r"\s*,\s*(?:(?:dan/atau|dan|atau|serta)\s+)?|\s+(?:dan/atau|dan|atau|serta|sampai\s+dengan)\s+")
_LABEL_WORDS = re.compile(
    r"(?:\s*(?:Pasal|PASAL|[Aa]yat|[Hh]uruf|[Aa]ngka|\(\s*\d+\s*\)|\d+\)?|([a-z])\1{0,2}\)?)(?![\w-]))*")
"""Labels and numbers, to quote a malformed phrase up to its end."""
_SPACE = re.compile(r"\s*")
_EXTERNAL = re.compile(
    r"\s+(?:(?:dari|dalam|pada)\s+)?(?:Undang-Undang|Undang|UUD|UU|Peraturan|PERATURAN|Perpres|Permen\w*|PP|Perppu"
    r"|Keputusan|Kepmen\w*|Keppres|Instruksi|Surat|Qanun|Perda|Perwal\w*|Perbup|Pergub|Kitab|KUH\w*|Staatsblad"
    r"|Ordonansi|Konvensi|Lampiran|undang-undang|peraturan|keputusan)(?![\w])")
"""After the targets: the name of another regulation (its Pasal, not ours), or of a lampiran."""
_THIS_REGULATION = re.compile(
    r"\s+(?:(?:dari|dalam|pada)\s+)?Peraturan\s+(?:Wali\s*[Kk]ota|Walikota|Bupati|Daerah|Gubernur)\s+ini(?![\w])")
"""``Pasal 5 Peraturan Wali Kota ini``: our own Pasal; the targets are converted, the name stays text."""
_ORDINALS = sorted(((numbering.ordinal(n), n) for n in range(1, 100)), key=lambda item: -len(item[0]))


@dataclass
class _Ref:
    """One target as written: ``Pasal 12 ayat (2) huruf b`` (numbers as printed)."""

    start: int
    end: int
    pasal: int | None = None
    here: bool = False
    """``Pasal ini``: the Pasal where the phrase is written (the engine never says so)."""
    ayat: int | None = None
    points: list[tuple[str, int, bool]] = field(default_factory=list)
    """(``huruf`` or ``angka``, value, written with ``)``)."""
    groups: list[tuple[str, int]] = field(default_factory=list)
    """(``paragraf``/``bagian``/``bab``, number) in the order written (innermost first)."""


@dataclass
class _Phrase:
    start: int
    end: int
    refs: list[_Ref]
    joints: list[str]
    """The separator after each ref but the last, normalised: ``and``, ``range`` or ``other``."""
    problem: str | None = None
    external: bool = False


class _Malformed(Exception):
    def __init__(self, message: str, end: int):
        super().__init__(message)
        self.message = message
        self.end = end


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()


def _paren_open(text: str, pos: int) -> bool:
    """Whether a ``(`` before ``pos`` is still open (a ``)`` at ``pos`` closes it rather than a label)."""
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _read_ref(text: str, pos: int) -> _Ref:
    """One target at ``pos`` (which starts with a keyword); :class:`_Malformed` when it is incomplete."""
    ref = _Ref(pos, pos)
    if m := _BAB.match(text, pos):
        if m.group(1) is None:
            raise _Malformed("rujukan tidak lengkap: nomor BAB tidak ada", m.end())
        value = _roman_value(m.group(1))
        if value is None:
            raise _Malformed(f"rujukan tidak lengkap: BAB {m.group(1)} bukan angka Romawi", m.end())
        ref.groups.append(("bab", value))
        ref.end = m.end()
        return ref
    if text.startswith("Paragraf", pos) or text.startswith("Bagian", pos):
        return _read_group(text, pos, ref)
    state = 0  # 1 after Pasal, 2 after ayat, 3 in the points
    while True:
        at = _skip_space(text, ref.end) if state else pos
        if state and not _KEYWORD.match(text, at):
            break
        if m := _PASAL.match(text, at):
            if m.group(2) and state and not ref.here:  # "ayat (1) Pasal ini"
                ref.here, ref.end = True, m.end()
                break
            if state:
                raise _Malformed("urutan unsur rujukan tidak lazim", m.end())
            if m.group(1) is None and m.group(2) is None:
                raise _Malformed("rujukan tidak lengkap: nomor pasal tidak ada", m.end())
            if m.group(2):
                ref.here, state = True, 1
            else:
                ref.pasal, state = int(m.group(1)), 1
        elif m := _AYAT.match(text, at):
            if state >= 2:
                raise _Malformed("urutan unsur rujukan tidak lazim", m.end())
            value = m.group(1) or m.group(2)
            if value is None:
                raise _Malformed("rujukan tidak lengkap: nomor ayat tidak ada", m.end())
            ref.ayat, state = int(value), 2
        elif (m := _HURUF.match(text, at)) or (m := _ANGKA.match(text, at)):
            kind = "huruf" if text[at] in "Hh" else "angka"
            if m.group(1) is None:
                what = "huruf" if kind == "huruf" else "nomor angka"
                raise _Malformed(f"rujukan tidak lengkap: {what} tidak ada", m.end())
            value = _letter_value(m.group(1)) if kind == "huruf" else int(m.group(1))
            end = m.end()
            paren = text.startswith(")", end) and not _paren_open(text, end)
            ref.points.append((kind, value, paren))
            state = 3
            ref.end = end + 1 if paren else end
            continue
        else:  # BAB, Bagian, Paragraf after a Pasal's parts
            raise _Malformed("urutan unsur rujukan tidak lazim", _KEYWORD.match(text, at).end())
        ref.end = m.end()
    return ref


def _read_group(text: str, pos: int, ref: _Ref) -> _Ref:
    """``Paragraf 1 Bagian Kesatu BAB II``, ``Bagian Kedua``, ... (innermost first, outer ones optional)."""
    at = pos
    if m := _PARAGRAF.match(text, at):
        if m.group(1) is None:
            raise _Malformed("rujukan tidak lengkap: nomor paragraf tidak ada", m.end())
        ref.groups.append(("paragraf", int(m.group(1))))
        ref.end = m.end()
        at = _skip_space(text, ref.end)
    if text.startswith("Bagian", at) and (at == pos or text[ref.end:at]):
        word = _skip_space(text, at + len("Bagian"))
        for name, value in _ORDINALS:
            if text.startswith(name, word) and not _continues(text, word + len(name)):
                ref.groups.append(("bagian", value))
                ref.end = word + len(name)
                break
        else:
            if at == pos:
                raise _Malformed("rujukan tidak lengkap: nomor bagian tidak ada", word)
            return ref
        at = _skip_space(text, ref.end)
    if (m := _BAB.match(text, at)) and text[ref.end:at] and m.group(1) and _roman_value(m.group(1)):
        ref.groups.append(("bab", _roman_value(m.group(1))))
        ref.end = m.end()
    return ref


def _continues(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos].isalnum() or text[pos] == "-")


def _read_phrase(text: str, start: int, pos: int) -> _Phrase | None:
    """The targets from ``pos`` on (``None`` when no target starts there); ``start`` is where the phrase
    begins (its formula, or the first target of a bare label)."""
    if not _KEYWORD.match(text, pos):
        return None
    refs: list[_Ref] = []
    joints: list[str] = []
    at = pos
    while True:
        try:
            ref = _read_ref(text, at)
        except _Malformed as problem:
            return _Phrase(start, _phrase_end(text, problem.end), refs, joints, problem.message)
        refs.append(ref)
        separator = _SEPARATOR.match(text, ref.end)
        if not separator or not _KEYWORD.match(text, separator.end()):
            break
        words = separator.group(0).strip()
        joints.append("range" if words.startswith("sampai") else
                      "and" if words in (",", "dan") or re.fullmatch(r",\s*dan", words) else "other")
        at = separator.end()
    phrase = _Phrase(start, refs[-1].end, refs, joints)
    if _EXTERNAL.match(text, phrase.end) and not _THIS_REGULATION.match(text, phrase.end):
        phrase.external = True
    return phrase


def _phrase_end(text: str, pos: int) -> int:
    """Where the quoted words of a malformed phrase end: after the labels and numbers that follow ``pos``."""
    return _LABEL_WORDS.match(text, pos).end()


def _letter_value(letters: str) -> int:
    """``b`` -> 2, ``aa`` -> 27 (as :func:`rancang.language.numbering.letter` counts)."""
    return (ord(letters[0]) - ord("a") + 1) + 26 * (len(letters) - 1)


def _roman_value(roman: str) -> int | None:
    for value in range(1, 200):
        if numbering.roman(value) == roman:
            return value
    return None


# -- the tree as the source numbers it and as the engine numbers it ------------------------------------


@dataclass
class _Place:
    """A node, where it sits, and what the engine makes of it."""

    node: Node
    parent: Node | None
    pasal: Node | None = None
    ayat: Node | None = None
    bab: Node | None = None
    bagian: Node | None = None
    chain: tuple[Node, ...] = ()
    """The butir from the ayat (or Pasal) down to this node, this node included when it is a butir."""
    depth: int = 0
    """Level of a butir: 1 for a huruf of an ayat, 2 for an angka under it ... (definitions: 1 for the terms)."""
    slug: str = ""
    """The generated id (unique), whether or not the node already has one."""
    target: Target | None = None
    context: Context = field(default_factory=Context)
    """The engine's context for a text written in this node."""


def _style(node: Node) -> str | None:
    """``huruf`` or ``angka``, from the label as printed."""
    core = node.label.strip().strip("().").strip()
    if core.isdigit():
        return "angka"
    if core.isalpha():
        return "huruf"
    return None


class _Tree:
    def __init__(self, body: list[Node], definitions_article: int | None):
        self.places: dict[int, _Place] = {}
        self.order: list[Node] = []
        self.pasal: list[Node] = []
        self.bab: list[Node] = []
        for node in body:
            self._walk(node, _Place(node, None))
        self.definitions = next((p for p in self.pasal if p.number == definitions_article), None) \
            if definitions_article is not None else None
        self._ids()
        self._targets()

    def place(self, node: Node) -> _Place:
        return self.places[id(node)]

    def _walk(self, node: Node, place: _Place) -> None:
        self.places[id(node)] = place
        self.order.append(node)
        if node.kind == "pasal":
            self.pasal.append(node)
            place.pasal = node
        elif node.kind == "ayat":
            place.ayat = node
        elif node.kind == "bab":
            self.bab.append(node)
            place.bab = node
        elif node.kind == "bagian":
            place.bagian = node
        for child in node.children:
            sub = _Place(child, node, pasal=place.pasal, ayat=place.ayat, bab=place.bab, bagian=place.bagian,
                         chain=place.chain, depth=place.depth)
            if child.kind == "butir":
                sub.depth = place.depth + 1
                sub.chain = place.chain + (child,)
            self._walk(child, sub)

    # ids: pasal-12, pasal-12-ayat-2-huruf-b, bab-2-bagian-1 ...

    def _ids(self) -> None:
        used = {node.id for node in self.order if node.id}
        for node in self.order:
            place = self.place(node)
            parent_slug = self.place(place.parent).slug if place.parent is not None else ""
            if node.kind == "pasal":
                base = f"pasal-{node.number}"
            elif node.kind == "bab":
                base = f"bab-{node.number}"
            elif node.kind in ("bagian", "paragraf", "ayat"):
                base = f"{parent_slug}-{node.kind}-{node.number}".lstrip("-")
            else:
                style = _style(node) or ("huruf" if place.depth % 2 else "angka")
                value = numbering.letter(node.number) if style == "huruf" and node.number > 0 else str(node.number)
                base = f"{parent_slug}-{style}-{value}".lstrip("-")
            base = re.sub(r"[^a-z0-9-]+", "-", base.lower()).strip("-") or node.kind
            slug, suffix = base, 1
            while slug in used:
                suffix += 1
                slug = f"{base}-{suffix}"
            used.add(slug)
            place.slug = slug

    def ident(self, node: Node) -> str:
        return node.id or self.place(node).slug

    # targets, as drafting/engine.py numbers the tree

    def _targets(self) -> None:
        articles: dict[int, int] = {}
        if self.definitions is not None:
            articles[id(self.definitions)] = 1
        for node in self.pasal:
            if id(node) not in articles:
                articles[id(node)] = len(articles) + 1
        first = list(self.definitions.walk()) if self.definitions is not None else []
        seen = {id(node) for node in first}
        order = {id(node): index for index, node in
                 enumerate(first + [node for node in self.order if id(node) not in seen], start=1)}
        chapters = 0
        for node in self.order:
            place = self.place(node)
            at = order[id(node)]
            if node.kind == "bab":
                chapters += 1
                place.target = Target("bab", self.ident(node), at, label=f"BAB {numbering.roman(chapters)}")
            elif node.kind == "bagian" and place.parent is not None and place.parent.kind == "bab":
                parent = self.place(place.parent).target
                index = _index(place.parent, node)
                place.target = Target("bagian", self.ident(node), at,
                                      label=f"Bagian {numbering.ordinal(index)} {parent.label}")
            elif node.kind == "paragraf" and place.parent is not None and place.parent.kind == "bagian" \
                    and self.place(place.parent).target is not None:
                parent = self.place(place.parent).target
                place.target = Target("paragraf", self.ident(node), at,
                                      label=f"Paragraf {_index(place.parent, node)} {parent.label}")
            elif node.kind == "pasal":
                article = articles[id(node)]
                place.target = Target("pasal", self.ident(node), at, article=article)
                place.context = Context(article)
            elif node.kind == "ayat" and place.pasal is not None:
                article = articles[id(place.pasal)]
                clauses = [child for child in place.pasal.children if child.kind == "ayat"]
                if len(clauses) == 1:  # the engine's Pasal of one norm
                    place.target = Target("pasal", self.ident(node), at, article=article)
                    place.context = Context(article)
                else:
                    clause = _index(place.pasal, node)
                    place.target = Target("ayat", self.ident(node), at, article=article, clause=clause)
                    place.context = Context(article, clause)
            elif node.kind == "butir" and place.pasal is not None:
                self._point_target(node, place, at, articles[id(place.pasal)])

    def _point_target(self, node: Node, place: _Place, at: int, article: int) -> None:
        holder = self.place(place.ayat) if place.ayat is not None else self.place(place.pasal)
        place.context = holder.context
        clause = holder.context.clause
        if place.pasal is self.definitions and place.ayat is None:
            if place.depth == 1:
                index = _index(place.parent, node)
                place.target = Target("istilah", self.ident(node), at, article=article,
                                      path=((f"angka {index}", index),))
            return  # below a term: nothing the engine can name
        path = []
        parent = place.ayat if place.ayat is not None else place.pasal
        for depth, item in enumerate(place.chain, start=1):
            index = _index(parent, item)
            path.append((numbering.point_reference(depth, index), index))
            parent = item
        place.target = Target("butir", self.ident(node), at, article=article, clause=clause, path=tuple(path))

    def targets(self) -> dict[str, Target]:
        return {self.ident(node): place.target for node in self.order
                if (place := self.place(node)).target is not None}


def _index(parent: Node, child: Node) -> int:
    """1-based position of ``child`` among the children of its kind (the number the engine gives it)."""
    siblings = [c for c in parent.children if c.kind == child.kind]
    return next(i for i, c in enumerate(siblings, start=1) if c is child)


# -- resolving a phrase against the source numbers ----------------------------------------------------


class _Unresolved(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _describe(trail: list[Node]) -> str:
    """``Pasal 5 ayat (2) huruf b`` for a trail of source nodes."""
    words = []
    for node in trail:
        if node.kind == "pasal":
            words.append(f"Pasal {node.number}")
        elif node.kind == "ayat":
            words.append(f"ayat ({node.number})")
        elif node.kind == "butir":
            style = _style(node)
            words.append(f"huruf {numbering.letter(node.number)}" if style == "huruf" and node.number > 0
                         else f"angka {node.number}" if style == "angka" else node.label)
        else:
            words.append(_group_words(node))
    return " ".join(words)


def _group_words(group: Node) -> str:
    """``BAB III``, ``Bagian Kedua``, ``Paragraf 1`` as printed."""
    return f"{'BAB' if group.kind == 'bab' else group.kind.capitalize()} {group.label}"


def _point_words(kind: str, value: int, paren: bool) -> str:
    label = numbering.letter(value) if kind == "huruf" else str(value)
    return f"{kind} {label}{')' if paren else ''}"


class _Resolution:
    """Targets of one phrase, read where it is written."""

    def __init__(self, tree: _Tree, where: Node):
        self.tree = tree
        self.where = tree.place(where)

    def one(self, found: list[Node], what: str, within: str = "") -> Node:
        if not found:
            raise _Unresolved(f"{what} tidak ada{' dalam ' + within if within else ''}")
        if len(found) > 1:
            raise _Unresolved(f"{what} ada lebih dari satu{' dalam ' + within if within else ''}")
        return found[0]

    def pasal(self, number: int) -> Node:
        return self.one([p for p in self.tree.pasal if p.number == number], f"Pasal {number}")

    def trail(self, ref: _Ref, previous: list[Node] | None) -> list[Node]:
        """The nodes from the Pasal down to the target of ``ref`` (a group target: that group alone)."""
        if ref.groups:
            return [self.group(ref)]
        if ref.pasal is not None:
            trail = [self.pasal(ref.pasal)]
        elif ref.here:
            if self.where.pasal is None:
                raise _Unresolved("'Pasal ini' ditulis di luar pasal")
            trail = [self.where.pasal]
        elif ref.ayat is not None:
            pasal = previous[0] if previous and previous[0].kind == "pasal" else self.where.pasal
            if pasal is None:
                raise _Unresolved(f"ayat ({ref.ayat}) ditulis di luar pasal")
            trail = [pasal]
        else:
            trail = self.inherited(ref, previous) if previous else None
            if trail is None:
                return self.relative(ref)
            return self.down(trail, ref.points)
        if ref.ayat is not None:
            clauses = [c for c in trail[-1].children if c.kind == "ayat" and c.number == ref.ayat]
            trail.append(self.one(clauses, f"ayat ({ref.ayat})", _describe(trail)))
        return self.down(trail, ref.points)

    def inherited(self, ref: _Ref, previous: list[Node]) -> list[Node] | None:
        """``huruf c`` after ``Pasal 3 huruf a``: Pasal 3 and what it shares with the target before it."""
        kind, _value, paren = ref.points[0]
        for index in range(len(previous) - 1, -1, -1):
            node = previous[index]
            if node.kind == "butir" and _style(node) == kind \
                    and paren == (self.tree.place(node).depth >= 3):
                return previous[:index]
        return None

    def relative(self, ref: _Ref) -> list[Node]:
        """``huruf a`` first in a phrase: in the list of the ayat (or Pasal) where it is written."""
        where = self.where
        holder = where.ayat or where.pasal
        if holder is None:
            raise _Unresolved(f"{_point_words(*ref.points[0])} ditulis di luar pasal")
        trail = [where.pasal] + ([where.ayat] if where.ayat is not None else [])
        kind = ref.points[0][0]
        containers = [holder, *where.chain]
        for depth, container in enumerate(containers):
            if any(child.kind == "butir" and _style(child) == kind for child in container.children):
                return self.down(trail + list(where.chain[:depth]), ref.points)
        raise _Unresolved(f"{_point_words(*ref.points[0])} tidak ada dalam {_describe(trail)}")

    def down(self, trail: list[Node], points: list[tuple[str, int, bool]]) -> list[Node]:
        trail = list(trail)
        for kind, value, paren in points:
            found = [c for c in trail[-1].children if c.kind == "butir" and c.number == value
                     and _style(c) in (kind, None)]
            trail.append(self.one(found, _point_words(kind, value, paren), _describe(trail)))
        return trail

    def group(self, ref: _Ref) -> Node:
        wanted = dict(ref.groups)
        scope: Node | None = None
        if "bab" in wanted:
            scope = self.one([b for b in self.tree.bab if b.number == wanted["bab"]],
                             f"BAB {numbering.roman(wanted['bab'])}")
        for kind in ("bagian", "paragraf"):
            if kind not in wanted:
                continue
            if scope is None:
                scope = self.where.bab if kind == "bagian" else self.where.bagian
            if scope is None:
                raise _Unresolved(f"{kind.capitalize()} {wanted[kind]} ditulis di luar "
                                  f"{'BAB' if kind == 'bagian' else 'bagian'}")
            name = numbering.ordinal(wanted[kind]) if kind == "bagian" else str(wanted[kind])
            scope = self.one([c for c in scope.children if c.kind == kind and c.number == wanted[kind]],
                             f"{kind.capitalize()} {name}", _group_words(scope))
        assert scope is not None
        return scope


def _resolve(tree: _Tree, where: Node, phrase: _Phrase) -> list[list[Node]]:
    """Each target's node, ranges expanded (``sampai dengan``: every element between)."""
    resolution = _Resolution(tree, where)
    trails: list[list[Node]] = []
    for ref in phrase.refs:
        trails.append(resolution.trail(ref, trails[-1] if trails else None))
    out: list[list[Node]] = []
    index = 0
    while index < len(trails):
        if index < len(phrase.joints) and phrase.joints[index] == "range":
            if index + 1 < len(phrase.joints) and phrase.joints[index + 1] == "range":
                raise _Unresolved("rentang bersambung tidak dapat dibaca")
            out.append(_between(tree, trails[index][-1], trails[index + 1][-1]))
            index += 2
        else:
            out.append([trails[index][-1]])
            index += 1
    return out


def _between(tree: _Tree, first: Node, last: Node) -> list[Node]:
    if first.kind == "pasal" and last.kind == "pasal":
        siblings = tree.pasal
    elif first.kind == last.kind and tree.place(first).parent is tree.place(last).parent \
            and first.kind in ("ayat", "butir") and _style(first) == _style(last):
        siblings = [c for c in tree.place(first).parent.children if c.kind == first.kind]
    else:
        raise _Unresolved("awal dan akhir rentang bukan unsur sejenis dalam induk yang sama")
    start = next(i for i, n in enumerate(siblings) if n is first)
    end = next(i for i, n in enumerate(siblings) if n is last)
    if end <= start:
        raise _Unresolved("rentang ditulis dari unsur yang lebih akhir ke yang lebih awal")
    return siblings[start:end + 1]


# -- converting a text -------------------------------------------------------------------------------


def _shown(spans: RichText) -> list[tuple[str, bool, bool]]:
    return [(char, span.italic, span.bold) for span in spans for char in span.text]


@dataclass
class _Linker:
    tree: _Tree
    resolver: Resolver
    notes: list[Note] = field(default_factory=list)

    def text(self, node: Node, text: str) -> str:
        """``text`` (a text or closing of ``node``) with every reference that can be converted, converted."""
        if "[[" in text or "]]" in text:
            if _HEAD.search(text):
                self.note(node, text, "teks memuat '[[' atau ']]'; rujukan di dalamnya tidak diubah")
            return text
        context = self.tree.place(node).context
        pieces: list[tuple[int, int, str, list[Node]]] = []  # (start, end, markup, targets) accepted
        original: list[list[tuple[str, bool, bool]]] = []  # how the source text reads, once needed

        def attempt(start: int, end: int, markup: str, targets: list[Node]) -> bool:
            """Accept a replacement if the whole text, with it and those before, reads exactly as the source."""
            if not original:
                original.append(_shown(self.resolver.render(text, context)[0]))
            trial = sorted(pieces + [(start, end, markup, targets)], key=lambda piece: piece[0])
            spans, problems = self.resolver.render(_apply(text, trial), context)
            if problems or _shown(spans) != original[0]:
                return False
            pieces[:] = trial
            return True

        position = 0
        while position < len(text):
            head = _HEAD.search(text, position)
            bare = _BARE_KEYWORD.search(text, position)
            if head is None and bare is None:
                break
            if head is not None and (bare is None or head.start() <= bare.start()):
                phrase = _read_phrase(text, head.start(), head.end())
                if phrase is None:
                    position = head.end()
                    continue
                self.formula(node, text, phrase, context, attempt)
            else:
                phrase = _read_phrase(text, bare.start(), bare.start()) if _bare_allowed(text, bare.start()) \
                    else None
                if phrase is None:
                    position = bare.end()
                    continue
                self.bare(node, text, phrase, context, attempt)
            position = max(phrase.end, position + 1)
        for _start, _end, _markup, targets in pieces:
            for target in targets:
                if target.id is None:
                    target.id = self.tree.place(target).slug
        return _apply(text, pieces)

    def formula(self, node: Node, text: str, phrase: _Phrase, context: Context, attempt) -> None:
        words = text[phrase.start:phrase.end]
        if phrase.problem:
            self.note(node, words, phrase.problem)
            return
        if phrase.external:
            return
        try:
            groups = _resolve(self.tree, node, phrase)
        except _Unresolved as problem:
            self.note(node, words, problem.message)
            return
        targets = [target for group in groups for target in group]
        missing = [t for t in targets if self.tree.place(t).target is None]
        if missing:
            self.note(node, words, f"{_describe([missing[0]])} tidak dapat dirujuk oleh rancang draft")
            return
        ids = [self.tree.ident(t) for t in targets]
        if len(groups) == 1 and len(phrase.joints) == 1 and phrase.joints[0] == "range":
            markup = f"[[{ids[0]} sampai {ids[-1]}]]"
        else:
            markup = f"[[{', '.join(ids)}]]"
        spans, problems = self.resolver.render(markup, context)
        if problems:
            self.note(node, words, f"rancang draft tidak dapat menulis rujukan ini: {problems[0].message}")
            return
        rendered = "".join(span.text for span in spans)
        if rendered != words:
            spacing = " (hanya spasinya yang berbeda)" if " ".join(words.split()) == rendered else ""
            self.note(node, words, f'rancang draft akan menulis "{rendered}"{spacing}; teks sumber dibiarkan')
            return
        named = [targets[0], targets[-1]] if markup.count(" sampai ") else targets  # a range names its ends
        if not attempt(phrase.start, phrase.end, markup, named):
            self.note(node, words, "rujukan tidak diubah: teks di sekitarnya akan terbaca lain")

    def bare(self, node: Node, text: str, phrase: _Phrase, context: Context, attempt) -> None:
        """Label-only references (``[[#id]]``), each target on its own; all or nothing, never a note."""
        if phrase.problem or phrase.external:
            return
        resolution = _Resolution(self.tree, node)
        trails: list[list[Node]] = []
        try:
            for ref in phrase.refs:
                trails.append(resolution.trail(ref, trails[-1] if trails else None))
        except _Unresolved:
            return
        replacements = []
        for ref, trail in zip(phrase.refs, trails):
            target = trail[-1]
            if self.tree.place(target).target is None:
                return
            markup = f"[[#{self.tree.ident(target)}]]"
            spans, problems = self.resolver.render(markup, context)
            if problems or "".join(span.text for span in spans) != text[ref.start:ref.end]:
                return
            replacements.append((ref.start, ref.end, markup, [target]))
        for replacement in replacements:
            if not attempt(*replacement):
                return

    def note(self, node: Node, words: str, message: str) -> None:
        self.notes.append(Note("rujukan", message, tuple(node.lines), words))


def _bare_allowed(text: str, start: int) -> bool:
    before = re.search(r"([\w-]+)\s+$", text[max(0, start - 40):start])
    return before is not None and before.group(1).lower() in _BARE_BEFORE


def _apply(text: str, pieces: list[tuple[int, int, str, list[Node]]]) -> str:
    out, position = [], 0
    for start, end, markup, _targets in pieces:
        out.append(text[position:start])
        out.append(markup)
        position = end
    out.append(text[position:])
    return "".join(out)


def _amending(body: list[Node]) -> bool:
    """An amending regulation numbers its Pasal I, II: its references point into the amended one."""
    return any(node.kind == "pasal" and re.fullmatch(r"[IVXLC]+", node.label.strip())
               for top in body for node in top.walk())


def link_references(body: list[Node], definitions_article: int | None = None) -> list[Note]:
    """Turn the hand-typed references of ``body`` into ``[[...]]`` markup, in place.

    ``body`` is the parsed body (its ``text`` and ``closing`` are rewritten; referenced nodes without an id
    get one: ``pasal-12``, ``pasal-12-ayat-2-huruf-b``, ``bab-2-bagian-1``, unique in the tree);
    ``definitions_article`` is the number of the Pasal of Ketentuan Umum, whose angka are terms (the engine
    makes it Pasal 1). Returns a ``rujukan`` note for every reference left as text, with the reason.
    """
    if _amending(body):
        return []
    tree = _Tree(body, definitions_article)
    targets = tree.targets()
    linker = _Linker(tree, Resolver(targets, list(targets)))
    for node in tree.order:
        if node.kind not in ("pasal", "ayat", "butir"):
            continue
        if node.text:
            node.text = linker.text(node, node.text)
        if node.closing:
            node.closing = linker.text(node, node.closing)
    return linker.notes
