"""What rules see: the validated project, each regulation's numbered tree, and
every hand-written text with where it sits (file, line, column, Pasal, ayat)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from rancang.diagnostics import Diagnostic, Location
from rancang.drafting.tree import Article, Clause, Document, Group, Point
from rancang.models import ProjectData
from rancang.models.base import Model
from rancang.models.regulation import Regulation
from rancang.locations import locate, locate_in_text


@dataclass(frozen=True)
class TextSite:
    """One text an author wrote in a regulation."""

    kind: str
    """``menimbang``, ``arti``, ``pasal``, ``ayat``, ``butir``, ``penutup``, ``lampiran``, ``judul``."""
    text: str
    model: Model
    field: str
    index: int | None = None
    """Position in a list field (``menimbang``)."""
    article: int | None = None
    clause: int | None = None
    depth: int = 0
    """Rincian level of a butir (1 = huruf)."""

    def location(self, needle: str | None = None, occurrence: int = 0) -> Location:
        """Where the text starts, or where ``needle`` occurs in it."""
        if needle:
            return locate_in_text(self.model, self.field, needle, occurrence, index=self.index)
        extra = () if self.index is None else (self.index,)
        return locate(self.model, self.field, *extra)


ASCII_TWINS = {0x212A: "k", 0x130: "i", 0x131: "i", 0x17F: "s"}
"""The characters, other than ASCII letters, that a pattern with re.IGNORECASE matches with an ASCII letter
(Kelvin sign, dotted capital I, dotless i, long s); ``tests/test_lint_prefilters.py`` checks the list."""


def fold(text: str) -> str:
    """``text`` in lower case, with :data:`ASCII_TWINS` written as their ASCII letters.

    Where a pattern compiled with re.IGNORECASE matches a word of ASCII letters in ``text``, ``fold(text)``
    holds that word in lower case: so a rule whose every finding needs such a word can first look for the
    word, with ``in``, in the folded texts (much faster than a regex that begins with a look-behind or \\b).
    """
    return (text if text.isascii() else text.translate(ASCII_TWINS)).lower()


def _is_word_character(character: str) -> bool:
    """What \\w matches (in a str pattern)."""
    return character.isalnum() or character == "_"


@dataclass
class Draft:
    record_id: str
    regulation: Regulation
    document: Document
    shared: dict = field(default_factory=dict, repr=False, compare=False)
    """What several rules compute from this draft alone (its texts, its terms and their matcher): computed
    by the first rule that asks, reused by the others. The models and the tree are not changed by rules."""

    def texts(self) -> Iterator[TextSite]:
        """Every hand-written text, in document order."""
        sites = self.shared.get("texts")
        if sites is None:
            sites = self.shared["texts"] = tuple(self._texts())
        return iter(sites)

    def folded(self) -> str:
        """The text of every site (:meth:`texts`), folded (:func:`fold`), one after another with a line break
        between them."""
        folded = self.shared.get("folded")
        if folded is None:
            folded = self.shared["folded"] = fold("\n".join(site.text for site in self.texts()))
        return folded

    def may_hold(self, *words: str, word_start: bool = False) -> bool:
        """Whether a text of the draft may hold one of ``words`` (ASCII, lower case) in any case -- with
        ``word_start``, at the start of a word (not after a letter, digit or '_', as \\b asks) -- False only
        when none does, so that a rule whose every finding needs one of them can skip the draft's texts.
        (:func:`fold` keeps every character one character, and a word character one: positions hold.)"""
        folded = self.folded()
        for word in words:
            at = folded.find(word)
            while at >= 0:
                if not word_start or at == 0 or not _is_word_character(folded[at - 1]):
                    return True
                at = folded.find(word, at + 1)
        return False

    def _texts(self) -> Iterator[TextSite]:
        regulation = self.regulation
        for index, text in enumerate(regulation.considerations):
            yield TextSite("menimbang", text, regulation, "considerations", index)
        for definition in regulation.definitions:
            yield TextSite("arti", definition.meaning, definition, "meaning", article=1)
        yield from self._body(self.document.body)
        for annex in regulation.annexes:
            if annex.content is not None:  # a lampiran may hold only a bagan
                yield TextSite("lampiran", annex.content, annex, "content")

    def _body(self, items: list) -> Iterator[TextSite]:
        for item in items:
            if isinstance(item, Group):
                if item.source is not None:
                    yield TextSite("judul", item.source.title, item.source, "title")
                yield from self._body(item.children)
            elif isinstance(item, Article) and item.source is not None:
                for number, clause in enumerate(item.clauses, start=1):
                    yield from self._clause(item, clause, number if clause.label else None)

    def _clause(self, article: Article, clause: Clause, clause_number: int | None) -> Iterator[TextSite]:
        source = clause.source
        if source is None:
            return
        kind = "ayat" if clause_number else "pasal"
        yield TextSite(kind, source.text, source, "text", article=article.number, clause=clause_number)
        yield from self._points(article, clause.points, clause_number)
        if source.items is not None and source.items.closing:
            yield TextSite("penutup", source.items.closing, source.items, "closing", article=article.number,
                           clause=clause_number)

    def _points(self, article: Article, points: list[Point], clause_number: int | None) -> Iterator[TextSite]:
        for point in points:
            if point.source is None:
                continue
            yield TextSite("butir", point.source.text, point.source, "text", article=article.number,
                           clause=clause_number, depth=point.depth)
            yield from self._points(article, point.points, clause_number)
            items = getattr(point.source, "items", None)
            if items is not None and items.closing:
                yield TextSite("penutup", items.closing, items, "closing", article=article.number,
                               clause=clause_number)


@dataclass
class LintContext:
    root: Path
    data: ProjectData
    drafts: list[Draft] = field(default_factory=list)

    @property
    def settings(self):
        return self.data.settings


def diagnostic(code: str, message: str, where: Location, suggestion: str | None = None) -> Diagnostic:
    """A finding of rule ``code``, with the rule's severity."""
    from rancang.lint.registry import RULES

    return Diagnostic(code, message, where, RULES[code].severity, suggestion)


def quote(text: str, limit: int = 60) -> str:
    """The offending text as the message quotes it: ``'bahwa ...'``."""
    one_line = " ".join(text.split())
    return f"'{one_line if len(one_line) <= limit else one_line[: limit - 3] + '...'}'"
