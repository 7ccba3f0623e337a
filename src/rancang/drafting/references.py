"""Cross-references inside a regulation: ``[[id]]`` markup -> the legal phrase.

An author writes, in any text of a regulation:

* ``[[id]]`` -> ``sebagaimana dimaksud dalam Pasal 7 ayat (2) huruf b``, or
  ``sebagaimana dimaksud pada ayat (1)`` inside the same Pasal;
* ``[[id-1, id-2]]`` -> several targets, ordered and grouped as Lampiran II
  asks (own Pasal first, then by number; three or more in a row become a range);
* ``[[id-1 sampai id-2]]`` -> ``Pasal 3 sampai dengan Pasal 6``;
* ``[[#id]]`` -> only the label: ``Pasal 7 ayat (2)``;
* ``[[14]]`` -> ``14 (empat belas)``;  ``[[2021-06-04]]`` -> ``4 Juni 2021``;
* ``[[lampiran-id]]`` -> ``sebagaimana tercantum dalam Lampiran``;
* in a Keputusan, ``[[diktum-id]]`` -> ``sebagaimana dimaksud dalam Diktum KESATU`` (domain notes,
  legal-products §1.2), and an item of a diktum's rincian -> ``sebagaimana dimaksud dalam Diktum KEDUA huruf
  a`` (the diktum first, as a Pasal comes before its huruf in Lampiran II's references; ``pada huruf a`` inside
  the same diktum).

References are resolved against the numbered tree, so inserting or moving an
element renumbers every phrase that points to it. Emphasis around or next to a
reference (``*ad hoc*``, see :mod:`rancang.drafting.emphasis`) is read in the
same pass: a reference inside ``*...*`` is italic like the words around it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from rancang.language.numbering import long_date, roman, with_words
from rancang.drafting import emphasis
from rancang.drafting.tree import RichText, Span
from rancang.models.base import ID_PATTERN

MARKUP = re.compile(r"\[\[(.*?)\]\]", re.S)
_ID = r"[a-z0-9][a-z0-9-]*"
_RANGE = re.compile(rf"^\s*({_ID})\s+sampai\s+({_ID})\s*$")
_LABEL = re.compile(rf"^\s*#\s*({_ID})\s*$")
_NUMBER = re.compile(r"^\s*(\d{1,12})\s*$")
_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_UNOPENED = re.compile(r"\[([^\[\]\s]*)\]\]")
"""``]]`` opened by one ``[`` only: ``[ayat-hasil-tim]]``. A ``]]`` with no ``[`` before it is left alone: it is
rarely a marker (``x]]`` in a quoted text)."""
_UNCLOSED = re.compile(r"\[\[(?:([^\[\]\n]{0,80})\]|([^\[\]\s]*))")
"""``[[`` with no ``]]`` after it: ``[[ayat-x]``."""


@dataclass(frozen=True)
class Target:
    """Where an element with an id ended up after numbering."""

    kind: str
    """``pasal``, ``ayat``, ``butir``, ``istilah``, ``bab``, ``bagian``, ``paragraf``, ``lampiran`` or ``diktum``."""
    anchor: str
    order: int
    """Document order, for sorting several targets."""
    article: int | None = None
    clause: int | None = None
    """Number of the ayat, when the element is (inside) a numbered ayat."""
    path: tuple[tuple[str, int], ...] = ()
    """Rincian labels down to the element, e.g. (("huruf b", 2), ("angka 1", 1))."""
    label: str = ""
    """For groups and annexes: ``BAB II``, ``Lampiran I``."""
    article_label: str = ""
    """The printed label of its Pasal when it is not ``Pasal <article>``: a frozen label of an amended
    regulation (``Pasal 12A``). ``article`` stays the Pasal's position, for order, ranges and "the same Pasal"."""
    clause_label: str = ""
    """The printed label of its ayat when it is not ``(<clause>)``: a frozen label (``(1a)``); ``clause`` stays the
    ayat's position."""
    dictum: int | None = None
    """The position of the diktum of a Keputusan it is (in), 1 for KESATU."""
    dictum_label: str = ""
    """``Diktum KEDUA``: for an item of a diktum's rincian."""

    @property
    def parent(self) -> tuple:
        """What two elements must share to form a range or a run."""
        if self.kind in ("pasal", "diktum"):
            return (self.kind,)
        if self.kind == "ayat":
            return ("ayat", self.article)
        return (self.kind, self.article, self.clause, self.path[:-1])


@dataclass(frozen=True)
class Context:
    """Where a reference is written."""

    article: int | None = None
    clause: int | None = None
    dictum: int | None = None
    """The diktum of a Keputusan the text is in (1 for KESATU)."""


class ReferenceProblem(Exception):
    """A reference that cannot be written; carries the code and Indonesian message."""

    def __init__(self, code: str, message: str, suggestion: str | None = None, markup: str = ""):
        super().__init__(message)
        self.code = code
        self.message = message
        self.suggestion = suggestion
        self.markup = markup


@dataclass
class Resolver:
    targets: dict[str, Target]
    known_ids: list[str] = field(default_factory=list)
    roman: bool = False
    """Pasal are numbered in Roman (an amending regulation: Pasal I, Pasal II)."""

    # -- public ----------------------------------------------------------------------

    def target(self, element_id: str) -> Target:
        """Where the element ``element_id`` ended up; :class:`ReferenceProblem` (R301) when there is none."""
        return self._target(element_id)

    def render(self, text: str, context: Context) -> tuple[RichText, list[ReferenceProblem]]:
        """Replace every ``[[...]]`` in ``text`` and read its emphasis; returns spans and the problems found."""
        spans: RichText = []
        problems: list[ReferenceProblem] = list(broken_markers(text))
        if emphasis.has_marks(text):
            self._render_styled(text, context, spans, problems)
            return _merge(spans), problems
        position = 0
        for match in MARKUP.finditer(text):
            if match.start() > position:
                spans.append(Span(text[position:match.start()]))
            spans.extend(self._markup(match, context, problems))
            position = match.end()
        if position < len(text):
            spans.append(Span(text[position:]))
        return _merge(spans), problems

    def _render_styled(self, text: str, context: Context, spans: RichText, problems: list[ReferenceProblem]) -> None:
        """:meth:`render` for a text with emphasis marks: runs of shown characters, references in place."""
        reading = emphasis.read(text, protect=MARKUP)
        markups = {match.start(): match for match in MARKUP.finditer(text)}
        shown, offsets, styles = reading.text, reading.offsets, reading.styles
        index, start = 0, 0
        while index < len(shown):
            match = markups.get(offsets[index])
            if match is None and styles[index] == styles[start]:
                index += 1
                continue
            if index > start:
                spans.append(_styled(Span(shown[start:index]), styles[start]))
            if match is not None:  # a reference: every span of its phrase takes the style around it
                spans.extend(_styled(span, styles[index]) for span in self._markup(match, context, problems))
                while index < len(shown) and offsets[index] < match.end():
                    index += 1
            start = index
        if len(shown) > start:
            spans.append(_styled(Span(shown[start:]), styles[start]))

    def _markup(self, match: re.Match[str], context: Context, problems: list[ReferenceProblem]) -> RichText:
        """The spans of one ``[[...]]``; a problem is recorded and the markup kept as written."""
        try:
            return self._expand(match.group(1), context)
        except ReferenceProblem as exc:
            exc.markup = match.group(0)
            problems.append(exc)
            return [Span(match.group(0))]

    # -- one markup ----------------------------------------------------------------------

    def _expand(self, inner: str, context: Context) -> RichText:
        if m := _NUMBER.match(inner):
            return [Span(with_words(int(m.group(1))))]
        if m := _DATE.match(inner):
            try:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise ReferenceProblem("S205", f"tanggal '{inner.strip()}' tidak ada dalam kalender") from None
            return [Span(long_date(day))]
        if m := _LABEL.match(inner):
            target = self._target(m.group(1))
            return [Span(self._label(target, context), target.anchor)]
        if m := _RANGE.match(inner):
            first, last = self._target(m.group(1)), self._target(m.group(2))
            return self._range_phrase(first, last, context)
        parts = [p.strip() for p in inner.split(",")]
        if not parts or not all(ID_PATTERN.match(p) for p in parts):
            raise ReferenceProblem(
                "R303", f"penanda rujukan [[{inner}]] tidak dapat dibaca",
                "tulis [[id]], [[#id]], [[id-1, id-2]], [[id-1 sampai id-2]], [[14]], atau [[2021-06-04]]",
            )
        targets = [self._target(p) for p in parts]
        if len(targets) == 1:
            return self._single_phrase(targets[0], context)
        return self._multi_phrase(targets, context)

    def _target(self, element_id: str) -> Target:
        target = self.targets.get(element_id)
        if target is None:
            import difflib

            close = difflib.get_close_matches(element_id, self.known_ids or list(self.targets), n=1, cutoff=0.6)
            raise ReferenceProblem(
                "R301", f"unsur '{element_id}' yang dirujuk tidak ada dalam peraturan ini",
                f"mungkin maksud Anda '{close[0]}'?" if close else None,
            )
        return target

    # -- phrases ---------------------------------------------------------------------------

    def _single_phrase(self, target: Target, context: Context) -> RichText:
        if target.kind == "lampiran":
            return [Span("sebagaimana tercantum dalam "), Span(target.label, target.anchor)]
        preposition = "pada" if self._same_article(target, context) else "dalam"
        return [Span(f"sebagaimana dimaksud {preposition} "), Span(self._label(target, context), target.anchor)]

    def _multi_phrase(self, targets: list[Target], context: Context) -> RichText:
        for target in targets:
            if target.kind not in ("pasal", "ayat", "butir", "istilah", "diktum"):
                raise ReferenceProblem("R304", "rujukan ganda hanya dapat menunjuk pasal, ayat, butir, atau istilah"
                                       if target.dictum is None and target.kind != "diktum" else
                                       "rujukan ganda hanya dapat menunjuk diktum atau butir")
        unique = list({t.anchor: t for t in targets}.values())
        if any(t.kind == "diktum" or t.dictum is not None for t in unique):  # a Keputusan: each named in order
            unique.sort(key=lambda t: t.order)
            preposition = "pada" if self._same_article(unique[0], context) else "dalam"
            return [Span(f"sebagaimana dimaksud {preposition} "),
                    *_join([[Span(self._label(t, context), t.anchor)] for t in unique])]
        unique.sort(key=lambda t: (not self._same_article(t, context), t.order))
        groups: list[list[Target]] = []
        for target in unique:
            if groups and groups[-1][0].article == target.article and groups[-1][0].kind != "pasal" \
                    and target.kind != "pasal":
                groups[-1].append(target)
            else:
                groups.append([target])
        pieces: list[RichText] = []
        index = 0
        while index < len(groups):
            run = self._article_run(groups, index)
            if len(run) >= 3:
                first, last = run[0][0], run[-1][0]
                pieces.append([Span(self._pasal(first), first.anchor), Span(" sampai dengan "),
                               Span(self._pasal(last), last.anchor)])
                index += len(run)
                continue
            pieces.append(self._group_text(groups[index], context))
            index += 1
        preposition = "pada" if self._same_article(unique[0], context) else "dalam"
        return [Span(f"sebagaimana dimaksud {preposition} "), *_join(pieces)]

    def _article_run(self, groups: list[list[Target]], start: int) -> list[list[Target]]:
        """Consecutive whole-Pasal groups starting at ``start`` (Pasal 10, 11, 12 ...)."""
        run = []
        for group in groups[start:]:
            if len(group) != 1 or group[0].kind != "pasal":
                break
            if run and group[0].article != run[-1][0].article + 1:
                break
            run.append(group)
        return run

    def _group_text(self, group: list[Target], context: Context) -> RichText:
        """Targets in one Pasal: ``Pasal 7 ayat (2) dan ayat (4)``; runs of 3+ become ranges."""
        inner = Context(group[0].article, None)
        items: list[RichText] = []
        i = 0
        while i < len(group):
            j = i
            while j + 1 < len(group) and _consecutive(group[j], group[j + 1]):
                j += 1
            if j - i >= 2:  # the end of a range drops what it shares with the start (its ayat)
                end = Context(group[j].article, None if group[j].kind == "ayat" else group[j].clause)
                items.append([Span(self._tail(group[i], inner), group[i].anchor), Span(" sampai dengan "),
                              Span(self._tail(group[j], end), group[j].anchor)])
                i = j + 1
            else:
                items.append([Span(self._tail(group[i], inner), group[i].anchor)])
                i += 1
        if not self._same_article(group[0], context) and group[0].kind != "pasal":
            first = items[0][0]
            items[0][0] = Span(f"{self._pasal(group[0])} {first.text}", first.target)
        return _join(items)

    def _range_phrase(self, first: Target, last: Target, context: Context) -> RichText:
        if first.kind != last.kind or first.parent != last.parent or first.kind not in ("pasal", "ayat", "butir",
                                                                                           "istilah", "diktum"):
            raise ReferenceProblem("R304", "awal dan akhir rentang harus unsur sejenis dalam induk yang sama")
        if first.order >= last.order:
            raise ReferenceProblem("R304", "rentang harus ditulis dari unsur yang lebih awal ke yang lebih akhir")
        preposition = "pada" if self._same_article(first, context) else "dalam"
        if first.kind == "diktum":
            return [Span(f"sebagaimana dimaksud {preposition} "), Span(first.label, first.anchor),
                    Span(" sampai dengan "), Span(last.label, last.anchor)]
        if first.kind == "pasal":
            return [Span(f"sebagaimana dimaksud {preposition} "), Span(self._pasal(first), first.anchor),
                    Span(" sampai dengan "), Span(self._pasal(last), last.anchor)]
        start = self._label(first, context)
        end = self._tail(last, Context(last.article, None if first.kind == "ayat" else last.clause))
        return [Span(f"sebagaimana dimaksud {preposition} "), Span(start, first.anchor), Span(" sampai dengan "),
                Span(end, last.anchor)]

    # -- labels ------------------------------------------------------------------------------

    def _pasal(self, target: Target) -> str:
        """``Pasal 7``, ``Pasal VII`` in an amending regulation, or the frozen label (``Pasal 12A``)."""
        if target.article_label:
            return target.article_label
        number = target.article
        return f"Pasal {roman(number) if self.roman and number else number}"

    @staticmethod
    def _same_article(target: Target, context: Context) -> bool:
        """Inside the Pasal (or the diktum) it is in: ``pada ayat (1)``, ``pada huruf a``."""
        if target.dictum is not None:
            return target.dictum == context.dictum and target.kind != "diktum"
        return target.article is not None and target.article == context.article and target.kind != "pasal"

    def _label(self, target: Target, context: Context) -> str:
        """``Pasal 7 ayat (2) huruf b``, shortened inside the same Pasal or ayat."""
        if target.kind in ("bab", "bagian", "paragraf", "lampiran", "diktum"):
            return target.label
        if target.kind == "pasal":
            return self._pasal(target)
        if self._same_article(target, context):
            return self._tail(target, context)
        if target.dictum is not None:
            return f"{target.dictum_label} {self._tail(target, Context())}"
        head = self._pasal(target)
        tail = self._tail(target, Context(target.article, None))
        return f"{head} {tail}" if tail else head

    def _tail(self, target: Target, context: Context) -> str:
        """The part after ``Pasal N``: ``ayat (2) huruf b``; the ayat is dropped inside the same ayat."""
        parts = []
        if target.clause is not None and not (context.clause == target.clause and target.kind != "ayat"):
            parts.append(f"ayat {target.clause_label or f'({target.clause})'}")
        parts.extend(label for label, _n in target.path)
        if not parts and target.kind == "pasal":
            return self._pasal(target)
        return " ".join(parts)


def broken_markers(text: str) -> list[ReferenceProblem]:
    """Every ``[[`` or ``]]`` outside a whole ``[[...]]``: a marker with one bracket too few (``[ayat-x]]``,
    ``[[ayat-x]``) that would otherwise reach the document as text (R305)."""
    if "[[" not in text and "]]" not in text:
        return []
    rest = MARKUP.sub(lambda match: " " * len(match.group(0)), text)
    found = [(m.start(), m) for m in _UNCLOSED.finditer(rest)]
    found += [(m.start(), m) for m in _UNOPENED.finditer(rest) if not any(m.start() < o.end() and o.start() < m.end()
                                                                         for _, o in found)]
    problems = []
    for _start, match in sorted(found, key=lambda pair: pair[0]):
        written, inner = match.group(0), next((g for g in match.groups() if g is not None), "").strip()
        problem = ReferenceProblem(
            "R305", f"penanda rujukan '{written}' tidak lengkap: buka dengan [[ dan tutup dengan ]]",
            f"tulis [[{inner}]]" if inner else "tulis [[id]], atau hapus kurung siku yang tersisa")
        problem.markup = written
        problems.append(problem)
    return problems


def _consecutive(a: Target, b: Target) -> bool:
    if a.kind != b.kind or a.parent != b.parent:
        return False
    if a.kind == "ayat":
        return a.clause is not None and b.clause == a.clause + 1
    if a.kind in ("butir", "istilah") and a.path and b.path:
        return b.path[-1][1] == a.path[-1][1] + 1
    return False


def _join(pieces: list[RichText]) -> RichText:
    """``A``, ``A dan B``, ``A, B, dan C``."""
    out: RichText = []
    for index, piece in enumerate(pieces):
        if index:
            if len(pieces) == 2:
                out.append(Span(" dan "))
            elif index == len(pieces) - 1:
                out.append(Span(", dan "))
            else:
                out.append(Span(", "))
        out.extend(piece)
    return out


def _styled(span: Span, style: int) -> Span:
    if not style:
        return span
    return dataclasses.replace(span, italic=bool(style & emphasis.ITALIC), bold=bool(style & emphasis.BOLD))


def _merge(spans: RichText) -> RichText:
    """Join neighbouring plain spans of one style, so that such text is one span."""
    out: RichText = []
    for span in spans:
        if not span.text:
            continue
        last = out[-1] if out else None
        if last is not None and last.target is None and span.target is None \
                and (last.italic, last.bold) == (span.italic, span.bold):
            out[-1] = dataclasses.replace(last, text=last.text + span.text)
        else:
            out.append(span)
    return out
