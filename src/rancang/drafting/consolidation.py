"""The versions of an amended regulation, one after the other, and the consolidated text (naskah terintegrasi).

A regulation file (the *base*) is amended by whole-text amendments: files whose ``mengubah`` names it (or names
another whole-text amendment of it: the chain is followed back to the base) and that hold the whole edited text
(:mod:`rancang.drafting.amendment`). :func:`history` puts them in order, the base first, then the amendments:
the enacted ones by enactment date (then id), then the drafts by id. Each amendment is compared with the version
before it, the text in force after the previous step, with its frozen labels and its deleted elements kept as
"Dihapus.": so a second amendment that adds a Pasal after Pasal 12A (inserted by the first) writes Pasal 12B and
never renumbers, and an element the first amendment deleted is not deleted again.

A :class:`Step` is one version: the base as the engine builds it, or the text in force after an amendment: the
amendment's whole text built with its frozen labels, each element deleted so far put back in its place as
"<label> Dihapus." (a deleted Pasal: the Pasal with one unnumbered ayat "Dihapus."; a deleted BAB, Bagian or
Paragraf: its label with the title "Dihapus." and nothing under it; an ayat, huruf or angka: its label and
"Dihapus."). Anchors are made from the frozen labels (``pasal-12a``, ``pasal-7-ayat-1a``, ``bab-4a``,
``bab-2-bagian-2``, ``pasal-3-huruf-c1``; see :func:`anchor_piece`), so they are unique and stay the same from one
version to the next; references inside the text point at them.

:meth:`History.consolidated` is the version to read: the frame (kop, title, menimbang, mengingat, signatures,
gazette line) is the base regulation's, the title gains "SEBAGAIMANA TELAH DIUBAH DENGAN ...", ``notice`` says
what the text is, and every element an amendment changed, inserted or deleted carries its :class:`Mark`\\ s, oldest
first, each naming the change point (``<amendment id>#pasal-1-perubahan-<n>``) that did it. A point that replaces
a whole Pasal marks the Pasal; one that changes ayat (2) marks that ayat; a changed BAB heading marks the BAB.
An amendment that cannot be compared (R308) adds nothing: its step repeats the text before it.

Left out: the lampiran and the Penjelasan follow the newest version's build and the base's respectively, without
marks; a Penjelasan of an amendment is not merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator, Mapping

from rancang.diagnostics import Diagnostic
from rancang.drafting import eids, engine, versions
from rancang.drafting.tree import (Article, BodyItem, Clause, Document, ExplanationPart, Explained, Group, Mark,
                                   Point, RichText, Span)
from rancang.language import amendment_words, numbering
from rancang.language.regulation_words import kind_words, regulation_name
from rancang.locations import locate
from rancang.models import ProjectData
from rancang.models.project import Project
from rancang.models.regulation import Article as ArticleModel, Chapter, Division, Part, Regulation

DELETED = versions.DELETED

Key = tuple[str, ...]
"""Where an element is, for its marks: the labels from its Pasal down (``("Pasal 7", "(2)")``; Pasal labels are
unique in a regulation), or from the body down for a BAB, Bagian or Paragraf (``("BAB IV", "Bagian Kedua")``)."""


@dataclass
class Step:
    """One version of a regulation."""

    record_id: str
    """The base regulation's file, then each whole-text amendment."""
    regulation: Regulation
    document: Document
    """The text in force after this step, frozen labels printed, deleted elements as "Dihapus." (the base: as the
    engine builds it). No marks: see :meth:`History.consolidated`."""
    versions: versions.Versions | None
    """Compared with the step before; None for the base, or when the comparison failed (R308 in ``problems``)."""
    citation: str
    """Short name for marks: ``Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024``; a draft: ``Rancangan Peraturan
    Wali Kota Sukamaju tentang Perubahan atas ...``."""
    ordinal: int = 0
    """0 for the base, 1 for the first amendment (PERUBAHAN ATAS), 2 for the second (PERUBAHAN KEDUA ATAS) ..."""
    built: Document | None = None
    """An amendment's own whole text built with its frozen labels, without the deleted elements (the engine's
    anchors): :attr:`rancang.drafting.amendment.Compared.new_document`."""
    problems: list[Diagnostic] = field(default_factory=list)
    """An amendment's build problems, and R308."""
    marks: dict[Key, list[Mark]] = field(default_factory=dict, repr=False)
    """Every mark made up to this step, by element."""


@dataclass
class History:
    """A regulation and its whole-text amendments, in order."""

    base_id: str
    steps: list[Step]
    """The base first, then its whole-text amendments: enacted ones by enactment date, then drafts by id."""
    settings: Project | None = field(default=None, repr=False)

    def step(self, record_id: str) -> Step:
        for step in self.steps:
            if step.record_id == record_id:
                return step
        raise KeyError(record_id)

    def before(self, amendment_id: str) -> Step:
        """The version the amendment ``amendment_id`` amends: the step before it."""
        index = self.steps.index(self.step(amendment_id))
        if index == 0:
            raise KeyError(f"{amendment_id} is the base regulation, not an amendment")
        return self.steps[index - 1]

    def amendments(self, upto: str | None = None) -> list[Step]:
        """The amendment steps up to ``upto`` (included; all when None)."""
        last = self.steps.index(self.step(upto)) if upto else len(self.steps) - 1
        return self.steps[1:last + 1]

    def consolidated(self, upto: str | None = None) -> Document:
        """The text in force after ``upto`` (the newest amendment when None), to read: frozen labels, deleted
        elements as "Dihapus.", each changed, inserted or deleted element with its marks (oldest first), ``notice``
        saying what the text is, and the base regulation's frame (kop, menimbang, mengingat, signatures, gazette
        line) with "SEBAGAIMANA TELAH DIUBAH DENGAN ..." added to its title."""
        step = self.step(upto) if upto else self.steps[-1]
        base = self.steps[0]
        amendments = self.amendments(step.record_id)
        document = _marked(step.document, step.marks)
        names = [a.citation for a in amendments]
        title = list(base.document.title)
        if names:
            title.append(f"SEBAGAIMANA TELAH DIUBAH DENGAN {amendment_words.join(names).upper()}")
        return replace(document, heading=base.document.heading, draft=base.document.draft, title=title,
                       invocation=base.document.invocation, office_line=base.document.office_line,
                       considerations=base.document.considerations, legal_bases=base.document.legal_bases,
                       approval=base.document.approval, decision=base.document.decision,
                       enact_label=base.document.enact_label, enact_text=base.document.enact_text,
                       promulgation_order=base.document.promulgation_order, enactment=base.document.enactment,
                       promulgation=base.document.promulgation, gazette_line=base.document.gazette_line,
                       register_line=base.document.register_line, explanation=base.document.explanation,
                       notice=self._notice(amendments))

    def _notice(self, amendments: list[Step]) -> list[str]:
        base = self.steps[0]
        full = f"{base.citation} tentang {base.regulation.title}" if base.regulation.is_enacted else base.citation
        gazette = "Berita Daerah"
        if self.settings is not None:
            gazette = kind_words(self.settings, base.regulation.kind).gazette
        if not amendments:
            changed = "belum diubah"
        else:
            changed = "sebagaimana telah diubah dengan " + amendment_words.join([a.citation for a in amendments])
        lines = [
            "NASKAH TERINTEGRASI",
            f"Naskah ini menyatukan {full} {changed}. Setiap ketentuan yang diubah, disisipkan, atau dihapus "
            "diberi catatan peraturan yang mengubahnya.",
            f"Naskah ini disusun untuk memudahkan pembacaan dan bukan naskah resmi. Yang berlaku adalah naskah "
            f"setiap peraturan sebagaimana diundangkan dalam {gazette}.",
        ]
        drafts = [a.citation for a in amendments if not a.regulation.is_enacted]
        if drafts or not base.regulation.is_enacted:
            lines.append("Naskah ini memuat rancangan yang belum ditetapkan; isinya masih dapat berubah.")
        return lines


# -- the order of the versions -----------------------------------------------------------------------------------


def _has_changes(regulation: Regulation) -> bool:
    """Whether a Pasal holds hand-written ``perubahan`` (the catalogue form)."""
    def walk(items) -> bool:
        for item in items:
            if isinstance(item, ArticleModel):
                if item.changes is not None:
                    return True
            elif isinstance(item, (Chapter, Part, Division)) and walk(item.content):
                return True
        return False

    return walk(regulation.body)


def amended_regulation(regulation: Regulation, regulations: Mapping[str, Regulation]) -> Regulation | None:
    """The regulation file a whole-text amendment amends; None for the catalogue form (or no ``mengubah``)."""
    if regulation.amends is None or regulation.amends not in regulations or _has_changes(regulation):
        return None
    return regulations[regulation.amends]


def _whole_text_target(record_id: str, data: ProjectData) -> str | None:
    """The file a whole-text amendment names in ``mengubah`` (None when ``record_id`` is not one)."""
    regulation = data.regulations.get(record_id)
    if regulation is None or amended_regulation(regulation, data.regulations) is None:
        return None
    return regulation.amends


def base_of(record_id: str, data: ProjectData) -> str:
    """The base regulation of a whole-text amendment, following ``mengubah`` back (itself when not one)."""
    seen = {record_id}
    current = record_id
    while True:
        target = _whole_text_target(current, data)
        if target is None or target in seen:
            return current
        seen.add(target)
        current = target


def _order(base_id: str, data: ProjectData) -> list[str]:
    regulations = data.regulations
    found = [rid for rid in regulations if rid != base_id and _whole_text_target(rid, data) is not None
             and base_of(rid, data) == base_id]
    enacted = sorted((rid for rid in found if regulations[rid].is_enacted),
                     key=lambda rid: (regulations[rid].enactment.date.as_date(), rid))
    drafts = sorted(rid for rid in found if not regulations[rid].is_enacted)
    return enacted + drafts


# -- names -------------------------------------------------------------------------------------------------------


def short_citation(regulation: Regulation, settings: Project, ordinal: int = 0, base: Regulation | None = None
                   ) -> str:
    """``Peraturan Wali Kota Sukamaju Nomor 3 Tahun 2024``; a draft: ``Rancangan Peraturan Wali Kota Sukamaju
    tentang <its title>`` (an amendment's title: ``Perubahan atas Peraturan ... tentang ...``), named by
    :func:`rancang.language.regulation_words.regulation_name` as every output names it."""
    words = kind_words(settings, regulation.kind)
    if regulation.is_enacted:
        return f"{words.full_name} Nomor {regulation.number} Tahun {regulation.year}"
    return regulation_name(words.full_name, regulation.number, regulation.year,
                           amendment_title(regulation, settings, ordinal, base), draft=True)


def running_title(regulation: Regulation, data: ProjectData) -> str:
    """The subject of a regulation of the project in running text: its ``tentang``; a whole-text amendment's is
    ``Perubahan [Kedua] atas Peraturan ... Nomor ... Tahun ... tentang ...`` (its ordinal from the order of the
    versions, without building them)."""
    settings = data.settings
    record_id = next((rid for rid, found in data.regulations.items() if found is regulation), None)
    if settings is None or record_id is None or _whole_text_target(record_id, data) is None:
        return regulation.title
    base_id = base_of(record_id, data)
    order = _order(base_id, data)
    if record_id not in order:
        return regulation.title
    return amendment_title(regulation, settings, order.index(record_id) + 1, data.regulations[base_id])


def amendment_title(regulation: Regulation, settings: Project, ordinal: int, base: Regulation | None) -> str:
    """A regulation's title in running text; an amendment's is "Perubahan [Kedua] atas <base> ..."."""
    if not ordinal or base is None:
        return regulation.title
    words = kind_words(settings, base.kind)
    number = base.number if base.number is not None else engine.ELLIPSIS
    year = base.year if base.year is not None else engine.ELLIPSIS
    return amendment_words.amendment_title(words.full_name, "", number, year, base.title, ordinal, capitals=False)


# -- building the history ----------------------------------------------------------------------------------------


def history(base_id: str, data: ProjectData) -> History | None:
    """The versions of the regulation ``base_id``; None when no whole-text amendment amends it (or the project
    has no settings, or ``base_id`` is not a regulation file)."""
    settings = data.settings
    if settings is None or base_id not in data.regulations:
        return None
    order = _order(base_id, data)
    if not order:
        return None
    catalogue = data.catalogue
    base = data.regulations[base_id]
    document, problems = engine.build(base, settings, catalogue)
    steps = [Step(base_id, base, _anchored(document), None, short_citation(base, settings), 0,
                  problems=problems)]
    for ordinal, record_id in enumerate(order, start=1):
        regulation = data.regulations[record_id]
        before = steps[-1]
        citation = short_citation(regulation, settings, ordinal, base)
        new_reg = regulation.model_copy(update={"amends": None})
        new_doc, problems = engine.build(new_reg, settings, catalogue)

        def rebuild(labels, new_reg=new_reg):
            return engine.build(new_reg, settings, catalogue, labels=labels)[0]

        try:
            result, text = following(before.document, new_doc, rebuild)
        except versions.VersionError as error:
            problems.append(Diagnostic("R308", f"perubahan tidak dapat dirumuskan: {error}",
                                       locate(regulation, "amends")))
            steps.append(Step(record_id, regulation, before.document, None, citation, ordinal, new_doc, problems,
                              dict(before.marks)))
            continue
        labelled = result.document or new_doc
        marks = {key: list(found) for key, found in before.marks.items()}
        for index, point in enumerate(result.points(), start=1):
            mark = Mark(point.action, f"{_VERB[point.action]} dengan {citation}",
                        f"{record_id}#pasal-1-perubahan-{index}")
            for label in point.labels:
                marks.setdefault(key_of(point.path + (label,)), []).append(mark)
        steps.append(Step(record_id, regulation, text, result, citation, ordinal, labelled, problems, marks))
    return History(base_id, steps, settings)


def following(before: Document, new: Document, rebuild: versions.Rebuild | None = None
              ) -> tuple[versions.Versions, Document]:
    """An amendment's whole text ``new`` (built by position) compared with the text in force ``before`` it, and
    the text in force after it: ``new`` with its frozen labels (``rebuild``, see :func:`rancang.drafting.versions.
    compare`), every deleted element put back as "Dihapus.", anchors from the frozen labels. Raises
    :class:`~rancang.drafting.versions.VersionError` when the change cannot be written."""
    result = versions.compare(before, new, rebuild=rebuild)
    return result, _anchored(_merged(result.body, result.document or new))


def history_of(record_id: str, data: ProjectData) -> History | None:
    """The history a regulation file belongs to: of the regulation it amends (a whole-text amendment) or of
    itself (an amended regulation); None when neither."""
    if record_id not in data.regulations:
        return None
    return history(base_of(record_id, data), data)


_VERB = {"ubah": "Diubah", "sisip": "Disisipkan", "hapus": "Dihapus"}


def key_of(path: tuple[str, ...]) -> Key:
    """The :data:`Key` of the element at a label path from the body (``("BAB II", "Pasal 7", "(2)")`` ->
    ``("Pasal 7", "(2)")``)."""
    for index in range(len(path) - 1, -1, -1):
        if path[index].startswith("Pasal "):
            return path[index:]
    return path


# -- the text in force after a step: the labelled build with the deleted elements put back ----------------------


def _placeholder(item: versions.Aligned):
    level, label = item.level, item.label
    if level in versions.GROUP_LEVELS:
        return Group(level, label, DELETED, [])  # type: ignore[arg-type]
    if level == "pasal":
        return Article(0, label, [Clause(None, [Span(DELETED)])])
    if level == "ayat":
        return Clause(label, [Span(DELETED)])
    return Point(label, [Span(DELETED)], depth=item.node.depth)


class _Queue:
    """The aligned children of one container, consumed in order while its built elements are walked."""

    def __init__(self, items: list[versions.Aligned]) -> None:
        self.items = items
        self.at = 0

    def deleted(self) -> list:
        """The placeholders of deleted elements before the next kept or inserted one."""
        out = []
        while self.at < len(self.items) and self.items[self.at].new is None:
            out.append(_placeholder(self.items[self.at]))
            self.at += 1
        return out

    def next(self) -> versions.Aligned:
        item = self.items[self.at]
        self.at += 1
        return item


def _merged(aligned: list[versions.Aligned], document: Document) -> Document:
    return replace(document, body=_merged_items(_Queue(aligned), document.body))


def _merged_items(queue: _Queue, items: list[BodyItem]) -> list[BodyItem]:
    out: list[BodyItem] = []
    for item in items:
        out.extend(queue.deleted())
        here = queue.next()
        if isinstance(item, Group):
            out.append(replace(item, children=_merged_items(_Queue(here.children), item.children)))
        else:
            out.append(_merged_article(here, item))
    out.extend(queue.deleted())
    return out


def _merged_article(here: versions.Aligned, article: Article) -> Article:
    queue = _Queue(here.children)
    numbered = any(clause.label is not None for clause in article.clauses)
    clauses: list[Clause] = []
    for clause in article.clauses:
        if numbered:
            if clause.label is None:
                clauses.append(clause)
                continue
            clauses.extend(queue.deleted())
            inner = queue.next()
            clauses.append(replace(clause, points=_merged_points(_Queue(inner.children), clause.points)))
        else:
            clauses.append(replace(clause, points=_merged_points(queue, clause.points, last=False)))
    rest = queue.deleted()
    if rest and numbered:
        clauses.extend(rest)
    elif rest:
        holder = next((c for c in reversed(clauses) if c.points), clauses[-1] if clauses else None)
        if holder is not None:
            holder.points.extend(rest)
    return replace(article, clauses=clauses)


def _merged_points(queue: _Queue, points: list[Point], last: bool = True) -> list[Point]:
    out: list[Point] = []
    for point in points:
        out.extend(queue.deleted())
        here = queue.next()
        out.append(replace(point, points=_merged_points(_Queue(here.children), point.points)))
    if last:
        out.extend(queue.deleted())
    return out


# -- anchors from the frozen labels ------------------------------------------------------------------------------


def _suffix(rank: int) -> str:
    if not rank:
        return ""
    repeat, index = divmod(rank - 1, 26)
    return "abcdefghijklmnopqrstuvwxyz"[index] * (repeat + 1)


def anchor_piece(level: str, label: str) -> str:
    """The part of an anchor one element adds: ``pasal-12a``, ``bab-4a`` (a BAB by its number, as the engine
    anchors it), ``bagian-2`` (Bagian Kedua), ``bagian-2a`` (Bagian Kedua A), ``paragraf-3a``, ``ayat-1a``,
    ``huruf-c1``, ``angka-5a``."""
    bare = versions._bare(level, label) if level in versions.PREFIX else label
    bare = bare.strip().strip("()").rstrip(".)")
    word = level if level in ("bab", "bagian", "paragraf", "pasal", "ayat") else level
    if level in ("bab", "bagian"):
        try:
            base, rank = numbering.label_key(level, bare)
            return f"{word}-{base}{_suffix(rank)}"
        except ValueError:
            pass
    return f"{word}-" + re.sub(r"[^0-9a-z]+", "-", bare.lower()).strip("-")


def _anchored(document: Document) -> Document:
    """The document with anchors made from its frozen labels, every reference pointing at them, and Pasal
    positions counted again (placeholders included)."""
    moved: dict[str, str] = {}
    count = [0]

    def note(old: str, new: str) -> str:
        if old:
            moved.setdefault(old, new)
        return new

    def point(item: Point, parent: str) -> Point:
        level = "huruf" if item.depth in (1, 3) else "angka"
        anchor = note(item.anchor, f"{parent}-{anchor_piece(level, item.label)}")
        return replace(item, anchor=anchor, points=[point(p, anchor) for p in item.points])

    def article(item: Article) -> Article:
        count[0] += 1
        anchor = note(item.anchor, anchor_piece("pasal", item.label))
        clauses = []
        for clause in item.clauses:
            here = anchor if clause.label is None else f"{anchor}-{anchor_piece('ayat', clause.label)}"
            if clause.label is not None or clause.anchor != item.anchor:
                note(clause.anchor, here)
            clauses.append(replace(clause, anchor=here, points=[point(p, here) for p in clause.points]))
        return replace(item, number=count[0], anchor=anchor, clauses=clauses)

    def group(item: Group, parent: str) -> Group:
        piece = anchor_piece(item.kind, item.label)
        anchor = note(item.anchor, f"{parent}-{piece}" if parent else piece)
        return replace(item, anchor=anchor, children=[body(c, anchor) for c in item.children])

    def body(item: BodyItem, parent: str) -> BodyItem:
        return article(item) if isinstance(item, Article) else group(item, parent)

    items = [body(item, "") for item in document.body]
    return eids.assign(_retarget(replace(document, body=items), moved))  # the placeholders' eIds too


def _texts(document: Document, change: Callable[[RichText], RichText]) -> Document:
    """The document with every text of its body passed through ``change``."""
    def point(item: Point) -> Point:
        return replace(item, text=change(item.text), closing=change(item.closing) if item.closing else item.closing,
                       points=[point(p) for p in item.points])

    def clause(item: Clause) -> Clause:
        return replace(item, text=change(item.text), closing=change(item.closing) if item.closing else item.closing,
                       points=[point(p) for p in item.points])

    def body(item: BodyItem) -> BodyItem:
        if isinstance(item, Article):
            return replace(item, clauses=[clause(c) for c in item.clauses])
        return replace(item, children=[body(c) for c in item.children])

    return replace(document, body=[body(item) for item in document.body])


def _retarget(document: Document, moved: dict[str, str]) -> Document:
    def change(text: RichText) -> RichText:
        return [replace(span, target=moved.get(span.target, span.target)) if span.target else span for span in text]

    out = _texts(document, change)
    if out.explanation is not None:
        out = replace(out, explanation=_explanation(out.explanation, moved))
    return out


def _explanation(part: ExplanationPart, moved: dict[str, str]) -> ExplanationPart:
    def walk(item: Explained) -> Explained:
        return replace(item, target=moved.get(item.target, item.target), children=[walk(c) for c in item.children])

    return replace(part, articles=[walk(a) for a in part.articles])


# -- marks -------------------------------------------------------------------------------------------------------


def _marked(document: Document, marks: dict[Key, list[Mark]]) -> Document:
    """A copy of ``document`` whose elements carry their marks."""

    def found(key: Key) -> list[Mark]:
        return list(marks.get(key, []))

    def point(item: Point, path: Key) -> Point:
        here = path + (item.label,)
        return replace(item, marks=found(here), points=[point(p, here) for p in item.points])

    def article(item: Article) -> Article:
        here = (item.label,)
        clauses = []
        for clause in item.clauses:
            inner = here if clause.label is None else here + (clause.label,)
            clauses.append(replace(clause, marks=found(inner) if clause.label is not None else [],
                                   points=[point(p, inner) for p in clause.points]))
        return replace(item, marks=found(here), clauses=clauses)

    def body(item: BodyItem, path: Key) -> BodyItem:
        if isinstance(item, Article):
            return article(item)
        here = path + (item.label,)
        return replace(item, marks=found(here), children=[body(c, here) for c in item.children])

    return replace(document, body=[body(item, ()) for item in document.body])


def marked_elements(document: Document) -> Iterator[tuple[str, str, list[Mark]]]:
    """(anchor, label, marks) of every marked element of a consolidated text, in document order (for tests and
    the site's history list)."""
    def points(items: list[Point]) -> Iterator[tuple[str, str, list[Mark]]]:
        for item in items:
            if item.marks:
                yield item.anchor, item.label, item.marks
            yield from points(item.points)

    def walk(items: list[BodyItem]) -> Iterator[tuple[str, str, list[Mark]]]:
        for item in items:
            if item.marks:
                yield item.anchor, item.label, item.marks
            if isinstance(item, Article):
                for clause in item.clauses:
                    if clause.marks:
                        yield clause.anchor, clause.label or "", clause.marks
                    yield from points(clause.points)
            else:
                yield from walk(item.children)

    yield from walk(document.body)


__all__ = ["Step", "History", "history", "history_of", "base_of", "short_citation", "running_title", "anchor_piece",
           "marked_elements", "key_of", "following"]
