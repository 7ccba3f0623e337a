"""The regulation engine: a validated model -> one numbered document tree.

Two passes. The first walks the model in document order, numbers every
element (BAB, Bagian, Paragraf, Pasal, ayat, rincian), adds the generated parts
(Ketentuan Umum as Pasal 1, the Ketentuan Penutup, the fixed formulas of the
frame) and records where each id ended up. The second writes every text, with
its ending punctuation and its resolved ``[[...]]`` references, now that all
numbers are known. Problems are diagnostics with the location of the text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable, Mapping

from rancang.language.citation import cite, hierarchy_key
from rancang.diagnostics import Diagnostic, Severity
from rancang.language import numbering
from rancang import richtext
from rancang.drafting import annex_text
from rancang.drafting.references import Context, ReferenceProblem, Resolver, Target
from rancang.drafting.tree import (
    AnnexPart,
    Article,
    BodyItem,
    Clause,
    Document,
    Group,
    ListEntry,
    Point,
    RichText,
    SignatureBlock,
    Span,
)
from rancang.models import ProjectData
from rancang.models.base import Model, PartialDate
from rancang.models.catalogue import LegalBasis
from rancang.models.project import Project
from rancang.models.regulation import (
    Article as ArticleModel,
    Chapter,
    Division,
    Enumeration,
    ListKind,
    Part,
    Regulation,
)
from rancang.locations import locate, locate_in_text

ELLIPSIS = "..."
CONJUNCTIONS = {ListKind.CUMULATIVE: "dan", ListKind.ALTERNATIVE: "atau", ListKind.BOTH: "dan/atau"}



@dataclass
class _Text:
    """A text waiting for pass two: where it goes and where it came from."""

    assign: Callable[[RichText], None]
    raw: str
    context: Context
    ending: str = ""
    source: tuple | None = None
    """(model, attribute) or (model, attribute, index) of the text, for locations."""


@dataclass
class _Builder:
    regulation: Regulation
    settings: Project
    catalogue: Mapping[str, LegalBasis]
    problems: list[Diagnostic] = field(default_factory=list)
    targets: dict[str, Target] = field(default_factory=dict)
    texts: list[_Text] = field(default_factory=list)
    order: int = 0
    article_count: int = 0

    # -- helpers -----------------------------------------------------------------------

    def later(self, assign: Callable[[RichText], None], raw: str, context: Context, ending: str = "",
              source: tuple | None = None) -> None:
        self.texts.append(_Text(assign, raw, context, ending, source))

    def register(self, element_id: str | None, target: Target) -> None:
        self.order += 1
        if element_id:
            self.targets[element_id] = Target(**{**target.__dict__, "order": self.order})

    @property
    def reg_name(self) -> str:
        """``Peraturan Wali Kota``."""
        return self.settings.regulation_name

    # -- pass one: structure and numbers -------------------------------------------------

    def body(self) -> list[BodyItem]:
        regulation = self.regulation
        grouped = bool(regulation.body) and isinstance(regulation.body[0], Chapter)
        items: list[BodyItem] = []
        chapter_count = 0
        if regulation.definitions:
            definitions = self.definitions_article()
            if grouped:
                chapter_count += 1
                items.append(Group("bab", f"BAB {numbering.roman(chapter_count)}", "KETENTUAN UMUM",
                                   [definitions], f"bab-{chapter_count}"))
            else:
                items.append(definitions)
        for element in regulation.body:
            if isinstance(element, Chapter):
                chapter_count += 1
                items.append(self.chapter(element, chapter_count))
            else:
                items.append(self.article(element))
        closing = self.closing_articles()
        if grouped:
            chapter_count += 1
            items.append(Group("bab", f"BAB {numbering.roman(chapter_count)}", "KETENTUAN PENUTUP", closing,
                               f"bab-{chapter_count}"))
        else:
            items.extend(closing)
        return items

    def chapter(self, chapter: Chapter, number: int) -> Group:
        anchor = f"bab-{number}"
        label = f"BAB {numbering.roman(number)}"
        self.register(chapter.id, Target("bab", anchor, 0, label=label))
        children: list[BodyItem] = []
        part_count = 0
        for element in chapter.content:
            if isinstance(element, Part):
                part_count += 1
                children.append(self.part(element, part_count, anchor, label))
            else:
                children.append(self.article(element))
        return Group("bab", label, chapter.title.upper(), children, anchor, source=chapter)

    def part(self, part: Part, number: int, parent_anchor: str, parent_label: str) -> Group:
        anchor = f"{parent_anchor}-bagian-{number}"
        label = f"Bagian {numbering.ordinal(number)}"
        self.register(part.id, Target("bagian", anchor, 0, label=f"{label} {parent_label}"))
        children: list[BodyItem] = []
        division_count = 0
        for element in part.content:
            if isinstance(element, Division):
                division_count += 1
                children.append(self.division(element, division_count, anchor, f"{label} {parent_label}"))
            else:
                children.append(self.article(element))
        return Group("bagian", label, part.title, children, anchor, source=part)

    def division(self, division: Division, number: int, parent_anchor: str, parent_label: str) -> Group:
        anchor = f"{parent_anchor}-paragraf-{number}"
        label = f"Paragraf {number}"
        self.register(division.id, Target("paragraf", anchor, 0, label=f"{label} {parent_label}"))
        return Group("paragraf", label, division.title, [self.article(a) for a in division.content], anchor,
                     source=division)

    def new_article(self, element_id: str | None) -> tuple[int, str]:
        self.article_count += 1
        number = self.article_count
        anchor = f"pasal-{number}"
        self.register(element_id, Target("pasal", anchor, 0, article=number))
        return number, anchor

    def article(self, model: ArticleModel) -> Article:
        number, anchor = self.new_article(model.id)
        article = Article(number, f"Pasal {number}", [], anchor, source=model)
        if model.text is not None:
            clause = Clause(None, [], anchor=anchor, source=model)
            article.clauses.append(clause)
            self.clause_text(clause, model.text, model.items, None, Context(number), (model, "text"))
        if len(model.clauses) == 1:  # a single ayat is not numbered: it is the Pasal's one norm
            only = model.clauses[0]
            self.register(only.id, Target("pasal", anchor, 0, article=number))
            clause = Clause(None, [], anchor=anchor, source=only)
            article.clauses.append(clause)
            self.clause_text(clause, only.text, only.items, None, Context(number), (only, "text"))
            return article
        for index, clause_model in enumerate(model.clauses, start=1):
            clause_anchor = f"{anchor}-ayat-{index}"
            self.register(clause_model.id, Target("ayat", clause_anchor, 0, article=number, clause=index))
            clause = Clause(f"({index})", [], anchor=clause_anchor, source=clause_model)
            article.clauses.append(clause)
            self.clause_text(clause, clause_model.text, clause_model.items, index, Context(number, index),
                             (clause_model, "text"))
        return article

    def clause_text(self, clause: Clause, text: str, items: Enumeration | None, clause_number: int | None,
                    context: Context, source: tuple[Model, str]) -> None:
        def set_text(value: RichText) -> None:
            clause.text = value

        if items is None:
            self.later(set_text, text, context, "", source)
            return
        self.later(set_text, text, context, ":", source)
        final = "," if items.closing else "."
        clause.points = self.points(items, 1, final, context, clause.anchor, clause_number, ())
        if items.closing:
            def set_closing(value: RichText) -> None:
                clause.closing = value

            self.later(set_closing, items.closing, context, "", (items, "closing"))

    def points(self, items: Enumeration, depth: int, final: str, context: Context, parent_anchor: str,
               clause_number: int | None, path: tuple[tuple[str, int], ...]) -> list[Point]:
        out = []
        count = len(items.items)
        for index, item in enumerate(items.items, start=1):
            ending = _ending(index, count, CONJUNCTIONS[items.kind], final)
            reference = numbering.point_reference(depth, index)
            anchor = f"{parent_anchor}-{reference.replace(' ', '-').replace(')', '')}"
            item_path = path + ((reference, index),)
            self.register(item.id, Target("butir", anchor, 0, article=context.article, clause=clause_number,
                                          path=item_path))
            point = Point(numbering.point_label(depth, index), [], depth=depth, anchor=anchor, source=item)

            def set_text(value: RichText, point: Point = point) -> None:
                point.text = value

            if item.items is not None:
                self.later(set_text, item.text, context, ":", (item, "text"))
                closing = item.items.closing
                point.points = self.points(item.items, depth + 1, "," if closing else ending, context, anchor,
                                           clause_number, item_path)
                if closing:
                    def set_closing(value: RichText, point: Point = point) -> None:
                        point.closing = value

                    self.later(set_closing, closing, context, ending, (item.items, "closing"))
            else:
                self.later(set_text, item.text, context, ending, (item, "text"))
            out.append(point)
        return out

    def definitions_article(self) -> Article:
        number, anchor = self.new_article(None)
        lead = Clause(None, [Span(f"Dalam {self.reg_name} ini yang dimaksud dengan:")], anchor=anchor)
        for index, definition in enumerate(self.regulation.definitions, start=1):
            point_anchor = f"{anchor}-angka-{index}"
            self.register(definition.id, Target("istilah", point_anchor, 0, article=number,
                                                path=((f"angka {index}", index),)))
            point = Point(f"{index}.", [], depth=2, anchor=point_anchor, source=definition)
            lead.points.append(point)
            head = definition.term
            if definition.abbreviation:
                head += f" yang selanjutnya disingkat {definition.abbreviation}"
            elif definition.short_name:
                head += f" yang selanjutnya disebut {definition.short_name}"

            def set_text(value: RichText, point: Point = point, head: str = head) -> None:
                point.text = [Span(f"{head} adalah "), *value]

            self.later(set_text, definition.meaning, Context(number), ".", (definition, "meaning"))
        return Article(number, f"Pasal {number}", [lead], anchor)

    def closing_articles(self) -> list[Article]:
        closing = self.regulation.closing
        articles = []
        revoked = [self.catalogue[i] for i in closing.revokes if i in self.catalogue]
        if revoked:
            number, anchor = self.new_article(None)
            opening = f"Pada saat {self.reg_name} ini mulai berlaku"
            if len(revoked) == 1:
                text = f"{opening}, {cite(revoked[0], self.catalogue)} dicabut dan dinyatakan tidak berlaku."
                clause = Clause(None, [Span(text)], anchor=anchor)
            else:
                clause = Clause(None, [Span(f"{opening}:")], anchor=anchor,
                                closing=[Span("dicabut dan dinyatakan tidak berlaku.")])
                for index, entry in enumerate(revoked, start=1):
                    ending = _ending(index, len(revoked), "dan", ",")
                    clause.points.append(Point(numbering.point_label(1, index),
                                               [Span(_with_ending(cite(entry, self.catalogue), ending))],
                                               anchor=f"{anchor}-huruf-{numbering.letter(index)}"))
            articles.append(Article(number, f"Pasal {number}", [clause], anchor))
        number, anchor = self.new_article(None)
        if isinstance(closing.commencement, PartialDate):
            when = f"pada tanggal {_date_text(closing.commencement)}"
        else:
            when = "pada tanggal diundangkan"
        articles.append(Article(number, f"Pasal {number}",
                                [Clause(None, [Span(f"{self.reg_name} ini mulai berlaku {when}.")], anchor=anchor)],
                                anchor))
        return articles

    # -- the frame ---------------------------------------------------------------------

    def considerations(self) -> list[ListEntry]:
        """The lettered points, then the closing formula built from how many there are."""
        given = self.regulation.considerations
        entries = [ListEntry(f"{numbering.letter(i)}.", []) for i in range(1, len(given) + 1)]
        for index, (entry, text) in enumerate(zip(entries, given)):
            def set_text(value: RichText, entry: ListEntry = entry) -> None:
                entry.text = value

            self.later(set_text, text, Context(), ";", (self.regulation, "considerations", index))
        letters = [f"huruf {numbering.letter(i)}" for i in range(1, len(given) + 1)]
        if len(letters) <= 2:
            which = " dan ".join(letters)
        else:
            which = ", ".join(letters[:-1]) + f", dan {letters[-1]}"
        formula = (f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {which}, perlu menetapkan "
                   f"{self.reg_name} tentang {self.regulation.title};")
        entries.append(ListEntry(f"{numbering.letter(len(given) + 1)}.", [Span(formula)]))
        return entries

    def legal_bases(self) -> list[ListEntry]:
        citations = [c for c in self.regulation.legal_bases if c.id in self.catalogue]

        ordered = sorted(citations, key=lambda citation: hierarchy_key(self.catalogue[citation.id]))
        single = len(ordered) == 1
        return [
            ListEntry(None if single else f"{index}.",
                      [Span(cite(self.catalogue[c.id], self.catalogue, c.article) + ";")])
            for index, c in enumerate(ordered, start=1)
        ]

    def annexes(self) -> list[AnnexPart]:
        annexes = self.regulation.annexes
        parts = []
        for index, annex in enumerate(annexes, start=1):
            suffix = "" if len(annexes) == 1 else f" {numbering.roman(index)}"
            label = f"LAMPIRAN{suffix}"
            anchor = "lampiran" if len(annexes) == 1 else f"lampiran-{index}"
            self.register(annex.id, Target("lampiran", anchor, 0, label=f"Lampiran{suffix}"))
            part = AnnexPart(label, [label, *self.title_block()[:-2], "TENTANG", self.regulation.title.upper()],
                             annex.title.upper(), richtext.RichText(()), f"{self.settings.head_title.upper()},",
                             self.head_name(), anchor, chart=annex.chart)
            self.annex_content(annex, part)
            parts.append(part)
        return parts

    def annex_content(self, annex, part: AnnexPart) -> None:
        """The lampiran's Markdown parsed once; each ``[[...]]`` of its text resolved in pass two, in place."""
        tree = richtext.parse(annex.content or "")
        part.content = tree
        markups = annex_text.references_in(tree)
        resolved: list[RichText] = [[] for _ in markups]
        for slot, markup in enumerate(markups):
            def set_text(value: RichText, slot: int = slot) -> None:
                resolved[slot] = value
                if slot == len(markups) - 1:  # texts are resolved in order: this is the last one
                    part.content = annex_text.with_references(tree, resolved)

            self.later(set_text, markup, Context(), "", (annex, "content"))

    def title_block(self) -> list[str]:
        """``PERATURAN WALI KOTA PAREPARE``, ``NOMOR ... TAHUN ...``, ``TENTANG``, name."""
        regulation = self.regulation
        number = f"NOMOR {regulation.number} TAHUN {regulation.year}" if regulation.number else \
            f"NOMOR {ELLIPSIS} TAHUN {ELLIPSIS}"
        return [f"PERATURAN {self.settings.office_title.upper()}", number, "TENTANG", regulation.title.upper()]

    def head_name(self) -> str:
        name = self.regulation.enactment.signatory or self.settings.head.name
        return name.upper() if name else ELLIPSIS

    def signatures(self) -> tuple[SignatureBlock, SignatureBlock, str]:
        settings, regulation = self.settings, self.regulation
        place = settings.region.capital or settings.region.name
        enactment = SignatureBlock(
            f"Ditetapkan di {regulation.enactment.place or place}",
            f"pada tanggal {_date_text(regulation.enactment.date)}",
            f"{settings.head_title.upper()},",
            self.head_name(),
        )
        secretary = regulation.promulgation.signatory or settings.secretary.name
        promulgation = SignatureBlock(
            f"Diundangkan di {regulation.promulgation.place or place}",
            f"pada tanggal {_date_text(regulation.promulgation.date)}",
            f"{settings.secretary_title.upper()},",
            secretary.upper() if secretary else ELLIPSIS,
        )
        year = regulation.promulgation.gazette_year or (
            regulation.promulgation.date.year if regulation.promulgation.date else None)
        gazette = (f"{settings.gazette_name.upper()} TAHUN {year or ELLIPSIS} "
                   f"NOMOR {regulation.promulgation.gazette_number or ELLIPSIS}")
        return enactment, promulgation, gazette

    # -- pass two: texts --------------------------------------------------------------

    def resolve_texts(self) -> None:
        resolver = Resolver(self.targets, list(self.targets))
        for pending in self.texts:
            spans, problems = resolver.render(pending.raw, pending.context)
            if pending.ending and spans:
                _end(spans, pending.ending)
            pending.assign(spans)
            for problem in problems:
                self.problems.append(self.diagnostic(problem, pending))

    def diagnostic(self, problem: ReferenceProblem, pending: _Text) -> Diagnostic:
        model, attribute, *index = pending.source if pending.source else (self.regulation, "title")
        if problem.markup:
            where = locate_in_text(model, attribute, problem.markup, index=index[0] if index else None)
        else:
            where = locate(model, attribute, *index)
        return Diagnostic(problem.code, problem.message, where, Severity.ERROR, problem.suggestion)


@dataclass(frozen=True)
class Drafted:
    """A regulation numbered and resolved once per run: the tree every consumer reads (the linter, the DOCX
    renderer, the site's page), and the problems found while building it."""

    document: Document
    problems: list[Diagnostic]


def build(regulation: Regulation, settings: Project, catalogue: Mapping[str, LegalBasis]
          ) -> tuple[Document, list[Diagnostic]]:
    """Number and resolve a regulation. Problems are returned, never raised."""
    return _build(regulation, settings, catalogue)


def build_all(data: ProjectData) -> dict[str, Drafted]:
    """Every regulation of a loaded project, each built once (none without valid settings)."""
    if data.settings is None:
        return {}
    return {record_id: Drafted(*_build(regulation, data.settings, data.catalogue))
            for record_id, regulation in sorted(data.regulations.items())}


def _build(regulation: Regulation, settings: Project, catalogue: Mapping[str, LegalBasis]
           ) -> tuple[Document, list[Diagnostic]]:
    builder = _Builder(regulation, settings, catalogue)
    considerations = builder.considerations()
    body = builder.body()
    annexes = builder.annexes()
    builder.resolve_texts()
    enactment, promulgation, gazette = builder.signatures()
    title = builder.title_block()
    document = Document(
        heading=[settings.office_title.upper(), f"PROVINSI {settings.region.province.upper()}"],
        draft=regulation.is_draft,
        title=(["RANCANGAN"] if regulation.is_draft else []) + title,
        invocation="DENGAN RAHMAT TUHAN YANG MAHA ESA",
        office_line=f"{settings.office_title.upper()},",
        considerations=considerations,
        legal_bases=builder.legal_bases(),
        decision="MEMUTUSKAN:",
        enact_label="Menetapkan",
        enact_text=f"PERATURAN {settings.head_office.upper()} TENTANG {regulation.title.upper()}.",
        body=body,
        promulgation_order=(f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {builder.reg_name} ini "
                            f"dengan penempatannya dalam {settings.gazette_name}."),
        enactment=enactment,
        promulgation=promulgation,
        gazette_line=gazette,
        annexes=annexes,
    )
    return document, builder.problems


# -- small text rules --------------------------------------------------------------------


def _ending(index: int, count: int, conjunction: str, final: str) -> str:
    """``;`` for every item, ``; dan`` on the second-to-last, ``final`` on the last."""
    if index == count:
        return final
    if index == count - 1:
        return f"; {conjunction}"
    return ";"


def _end(spans: RichText, ending: str) -> None:
    """Append the generated ending to a text: upright, after an italic or bold last word as after a reference."""
    last = spans[-1]
    if last.target is None and not (last.italic or last.bold):
        spans[-1] = Span(_with_ending(last.text, ending))
        return
    if last.target is None:  # "*ad hoc;*": the author's mark stays, only what it lacks is added
        stripped = last.text.rstrip()
        spans[-1] = dataclasses.replace(last, text=stripped)
        rest = _with_ending(stripped, ending)[len(stripped):]
        if rest:
            spans.append(Span(rest))
        return
    spans.append(Span(_with_ending("", ending)))


def _with_ending(text: str, ending: str) -> str:
    """Append generated punctuation without doubling what the author already typed."""
    if not ending:
        return text
    stripped = text.rstrip()
    mark = ending[0]
    if mark in ";:.," and stripped.endswith(mark):
        return stripped + ending[1:]
    return stripped + ending


def _date_text(value: PartialDate | None) -> str:
    if value is None:
        return ELLIPSIS
    if value.day:
        return numbering.long_date(value.as_date())
    if value.month:
        return f"{ELLIPSIS} {numbering.month_year(value.year, value.month)}"
    return f"{ELLIPSIS} {value.year}"
