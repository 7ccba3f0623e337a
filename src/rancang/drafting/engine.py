"""The regulation engine: a validated model -> one numbered document tree.

Two passes. The first walks the model in document order, numbers every
element (BAB, Bagian, Paragraf, Pasal, ayat, rincian), adds the generated parts
(Ketentuan Umum as Pasal 1, the Ketentuan Penutup, the fixed formulas of the
frame) and records where each id ended up. The second writes every text, with
its ending punctuation and its resolved ``[[...]]`` references, now that all
numbers are known. Problems are diagnostics with the location of the text.

A Keputusan Kepala Daerah (``jenis: keputusan_wali_kota`` or ``keputusan_bupati``) has the same frame without
BAB or Pasal: its content is the diktum, labelled with spelled ordinals in capitals (KESATU, KEDUA, ...), the
revocation and the commencement generated last; Memperhatikan and Tembusan are its own; it is not promulgated
(domain notes, legal-products §1.2).

Numbers go by position, unless the build is given frozen labels (the new version of an amended regulation,
whose enacted numbers never move: Pasal 12A, BAB IVA, ayat (1a), huruf c1, angka 2a; see :func:`build`): then
an element in the map is printed with its label and every reference to it reads it, while anchors and
``Article.number`` stay positional.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping

from rancang.language.citation import cite, hierarchy_key, name_of
from rancang.layout import CATALOGUE_FILE
from rancang.diagnostics import Diagnostic, Severity
from rancang.language import numbering
from rancang import richtext
from rancang.drafting import annex_tables, annex_text
from rancang.drafting.references import Context, ReferenceProblem, Resolver, Target, broken_markers
from rancang.drafting import eids, emphasis
from rancang.drafting.tree import (
    AnnexPart,
    Article,
    BodyItem,
    Change,
    Clause,
    Dictum,
    Document,
    Explained,
    ExplanationPart,
    Group,
    ListEntry,
    Point,
    QuotedLine,
    RichText,
    SignatureBlock,
    Span,
)
from rancang.models import ProjectData
from rancang.models.base import Model, PartialDate
from rancang.models.catalogue import Agency, LegalBasis
from rancang.models.innovation import Innovation
from rancang.models.project import Project
from rancang.language.suggest import closest_few, quoted_choices
from rancang.language.regulation_words import KindWords, kind_words
from rancang.models.regulation import (
    Article as ArticleModel,
    Chapter,
    Division,
    Enumeration,
    ExplainedElement,
    ListKind,
    Part,
    Regulation,
)
from rancang.locations import locate, locate_in_text

ELLIPSIS = "..."
CONJUNCTIONS = {ListKind.CUMULATIVE: "dan", ListKind.ALTERNATIVE: "atau", ListKind.BOTH: "dan/atau"}
GENERAL_PROVISIONS = "KETENTUAN UMUM"
CLOSING_PROVISIONS = "KETENTUAN PENUTUP"
CLEAR = "Cukup jelas."
"""What Penjelasan says of an element it does not explain (Lampiran II UU 12/2011)."""
EXPLAINED_KINDS = ("pasal", "ayat", "butir", "istilah")
QUOTED_LABEL = re.compile(r"^(BAB\s+[IVXLCDM]+[A-Z]?|Bagian\s+Ke\w+|Paragraf\s+\d+[A-Za-z]?|Pasal\s+\d+[A-Z]?)$")
"""A unit's label on its own line in the quoted new text of a change point: it and the title under a BAB,
Bagian or Paragraf label are centred."""


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
    frozen: Mapping[str, str] = field(default_factory=dict)
    """Frozen labels by anchor (see :func:`build`): a label found here replaces the positional one."""
    innovations: Mapping[str, Innovation] = field(default_factory=dict)
    """The knowledge base's innovations, for a lampiran's ``inovasi`` table."""
    agencies: Mapping[str, Agency] = field(default_factory=dict)
    catalogue_loaded: bool = True
    """False when kb/dasar-hukum.yaml failed to load: an id missing from it is then not reported here."""
    words: KindWords = field(init=False)

    def __post_init__(self) -> None:
        self.words = kind_words(self.settings, self.regulation.kind)

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
        """``Peraturan Wali Kota``, ``Peraturan Bupati`` or ``Peraturan Daerah``: decided by the regulation's kind."""
        return self.words.name

    @property
    def roman(self) -> bool:
        """An amending regulation numbers its Pasal in Roman: Pasal I, Pasal II."""
        return self.regulation.amends is not None

    def article_label(self, number: int) -> str:
        """``Pasal 5`` (``Pasal V`` in an amending regulation), or its frozen label (``Pasal 12A``)."""
        return self.frozen.get(f"pasal-{number}") or f"Pasal {numbering.roman(number) if self.roman else number}"

    def container_labels(self, context: Context) -> dict[str, str]:
        """The frozen labels of the Pasal and ayat a rincian is in, for its :class:`Target` (empty: positional)."""
        if not self.frozen or context.article is None:
            return {}
        article = f"pasal-{context.article}"
        clause = self.frozen.get(f"{article}-ayat-{context.clause}", "") if context.clause is not None else ""
        return {"article_label": self.frozen.get(article, ""), "clause_label": clause}

    def dictum_fields(self, context: Context) -> dict:
        """The diktum a rincian item is in, for its :class:`Target` (empty outside a Keputusan's diktum)."""
        if context.dictum is None:
            return {}
        return {"dictum": context.dictum, "dictum_label": f"Diktum {dictum_label(context.dictum)}"}

    def label(self, anchor: str, positional: str) -> str:
        """The label of the element at ``anchor``: its frozen one when given, else ``positional``."""
        return self.frozen.get(anchor) or positional

    # -- pass one: structure and numbers -------------------------------------------------

    def body(self) -> list[BodyItem]:
        """The numbered body. With BAB, Ketentuan Umum (Pasal 1) opens a BAB KETENTUAN UMUM and the closing
        Pasal end a BAB KETENTUAN PENUTUP: the author's own first or last BAB of that title when there is one,
        otherwise one generated for them."""
        regulation = self.regulation
        grouped = bool(regulation.body) and isinstance(regulation.body[0], Chapter)
        chapters = [element for element in regulation.body if isinstance(element, Chapter)]
        own_general = grouped and _heading(chapters[0].title) == GENERAL_PROVISIONS
        own_closing = grouped and _heading(chapters[-1].title) == CLOSING_PROVISIONS
        items: list[BodyItem] = []
        chapter_count = 0
        definitions = self.definitions_article() if regulation.definitions else None
        if definitions is not None and not own_general:
            if grouped:
                chapter_count += 1
                anchor = f"bab-{chapter_count}"
                items.append(Group("bab", self.label(anchor, f"BAB {numbering.roman(chapter_count)}"),
                                   GENERAL_PROVISIONS, [definitions], anchor))
            else:
                items.append(definitions)
        for index, element in enumerate(regulation.body):
            if isinstance(element, Chapter):
                chapter_count += 1
                group = self.chapter(element, chapter_count)
                if index == 0 and own_general and definitions is not None:
                    _first_articles(group).children.insert(0, definitions)
                items.append(group)
            else:
                items.append(self.article(element))
        closing = self.closing_articles()
        if own_closing:
            _last_articles(items[-1]).children.extend(closing)  # type: ignore[arg-type]
        elif grouped:
            chapter_count += 1
            anchor = f"bab-{chapter_count}"
            items.append(Group("bab", self.label(anchor, f"BAB {numbering.roman(chapter_count)}"),
                               CLOSING_PROVISIONS, closing, anchor))
        else:
            items.extend(closing)
        return items

    def chapter(self, chapter: Chapter, number: int) -> Group:
        anchor = f"bab-{number}"
        label = self.label(anchor, f"BAB {numbering.roman(number)}")
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
        label = self.label(anchor, f"Bagian {numbering.ordinal(number)}")
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
        label = self.label(anchor, f"Paragraf {number}")
        self.register(division.id, Target("paragraf", anchor, 0, label=f"{label} {parent_label}"))
        return Group("paragraf", label, division.title, [self.article(a) for a in division.content], anchor,
                     source=division)

    def new_article(self, element_id: str | None) -> tuple[int, str]:
        self.article_count += 1
        number = self.article_count
        anchor = f"pasal-{number}"
        self.register(element_id, Target("pasal", anchor, 0, article=number,
                                         article_label=self.frozen.get(anchor, "")))
        return number, anchor

    def article(self, model: ArticleModel) -> Article:
        number, anchor = self.new_article(model.id)
        article = Article(number, self.article_label(number), [], anchor, source=model)
        if model.changes is not None:
            self.amending_article(article, model)
            return article
        if model.text is not None:
            clause = Clause(None, [], anchor=anchor, source=model)
            article.clauses.append(clause)
            self.clause_text(clause, model.text, model.items, None, Context(number), (model, "text"))
        if len(model.clauses) == 1:  # a single ayat is not numbered: it is the Pasal's one norm
            only = model.clauses[0]
            self.register(only.id, Target("pasal", anchor, 0, article=number,
                                          article_label=self.frozen.get(anchor, "")))
            clause = Clause(None, [], anchor=anchor, source=only)
            article.clauses.append(clause)
            self.clause_text(clause, only.text, only.items, None, Context(number), (only, "text"))
            return article
        for index, clause_model in enumerate(model.clauses, start=1):
            clause_anchor = f"{anchor}-ayat-{index}"
            clause_label = self.frozen.get(clause_anchor, "")
            self.register(clause_model.id, Target("ayat", clause_anchor, 0, article=number, clause=index,
                                                  article_label=self.frozen.get(anchor, ""), clause_label=clause_label))
            clause = Clause(clause_label or f"({index})", [], anchor=clause_anchor, source=clause_model)
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
            label = self.frozen.get(anchor)
            item_path = path + ((_point_reference(depth, label) if label else reference, index),)
            self.register(item.id, Target("butir", anchor, 0, article=context.article, clause=clause_number,
                                          path=item_path, **self.container_labels(context),
                                          **self.dictum_fields(context)))
            point = Point(label or numbering.point_label(depth, index), [], depth=depth, anchor=anchor, source=item)

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

    def amending_article(self, article: Article, model: ArticleModel) -> None:
        """A Pasal of change points: its lead (the author's, or the standard one naming the amended regulation),
        then ``1.``, ``2.``, ... each with its instruction and the new text quoted line by line."""
        context = Context(article.number)
        lead = Clause(None, [], anchor=article.anchor, source=model if model.text is not None else None)
        article.clauses.append(lead)
        if model.text is not None:
            def set_lead(value: RichText) -> None:
                lead.text = value

            self.later(set_lead, model.text, context, "", (model, "text"))
        else:
            amended = self.catalogue.get(self.regulation.amends or "")
            name = cite(amended, self.catalogue, settings=self.settings) if amended is not None else ELLIPSIS
            lead.text = [Span(f"Beberapa ketentuan dalam {name} diubah sebagai berikut:")]
        for index, change_model in enumerate(model.changes or [], start=1):
            change = Change(f"{index}.", [], _quoted(change_model.quoted), f"{article.anchor}-perubahan-{index}",
                            source=change_model)
            article.changes.append(change)

            def set_text(value: RichText, change: Change = change) -> None:
                change.text = value

            self.later(set_text, change_model.text, context, "", (change_model, "text"))

    def definitions_article(self) -> Article:
        number, anchor = self.new_article(None)
        lead = Clause(None, [Span(f"Dalam {self.reg_name} ini yang dimaksud dengan:")], anchor=anchor)
        for index, definition in enumerate(self.regulation.definitions, start=1):
            point_anchor = f"{anchor}-angka-{index}"
            label = self.frozen.get(point_anchor)
            self.register(definition.id, Target("istilah", point_anchor, 0, article=number,
                                                path=((_point_reference(2, label) if label else f"angka {index}",
                                                       index),), article_label=self.frozen.get(anchor, "")))
            point = Point(label or f"{index}.", [], depth=2, anchor=point_anchor, source=definition)
            lead.points.append(point)
            head = definition.term
            if definition.abbreviation:
                head += f" yang selanjutnya disingkat {definition.abbreviation}"
            elif definition.short_name:
                head += f" yang selanjutnya disebut {definition.short_name}"

            def set_text(value: RichText, point: Point = point, head: str = head) -> None:
                point.text = [Span(f"{head} adalah "), *value]

            self.later(set_text, definition.meaning, Context(number), ".", (definition, "meaning"))
        return Article(number, self.article_label(number), [lead], anchor)

    def closing_articles(self) -> list[Article]:
        closing = self.regulation.closing
        articles = []
        revoked = [self.catalogue[i] for i in closing.revokes if i in self.catalogue]
        if revoked:
            number, anchor = self.new_article(None)
            opening = f"Pada saat {self.reg_name} ini mulai berlaku"
            if len(revoked) == 1:
                name = cite(revoked[0], self.catalogue, settings=self.settings)
                text = f"{opening}, {name} dicabut dan dinyatakan tidak berlaku."
                clause = Clause(None, [Span(text)], anchor=anchor)
            else:
                clause = Clause(None, [Span(f"{opening}:")], anchor=anchor,
                                closing=[Span("dicabut dan dinyatakan tidak berlaku.")])
                for index, entry in enumerate(revoked, start=1):
                    ending = _ending(index, len(revoked), "dan", ",")
                    clause.points.append(Point(numbering.point_label(1, index),
                                               [Span(_with_ending(cite(entry, self.catalogue,
                                                                       settings=self.settings), ending))],
                                               anchor=f"{anchor}-huruf-{numbering.letter(index)}"))
            articles.append(Article(number, self.article_label(number), [clause], anchor))
        number, anchor = self.new_article(None)
        if isinstance(closing.commencement, PartialDate):
            when = f"pada tanggal {_date_text(closing.commencement)}"
        else:
            when = "pada tanggal diundangkan"
        articles.append(Article(number, self.article_label(number),
                                [Clause(None, [Span(f"{self.reg_name} ini mulai berlaku {when}.")], anchor=anchor)],
                                anchor))
        return articles

    # -- a Keputusan's diktum --------------------------------------------------------------

    def dicta(self) -> list[Dictum]:
        """KESATU, KEDUA, ...: the author's diktum, then the revocation (``mencabut``) and the commencement."""
        out: list[Dictum] = []
        for model in self.regulation.dicta:
            dictum = self.new_dictum(len(out) + 1, model.id, model)
            context = Context(dictum=len(out) + 1)
            out.append(dictum)

            def set_text(value: RichText, dictum: Dictum = dictum) -> None:
                dictum.text = value

            if model.items is None:
                self.later(set_text, model.text, context, ".", (model, "text"))
                continue
            self.later(set_text, model.text, context, ":", (model, "text"))
            items = model.items
            dictum.points = self.points(items, 1, "," if items.closing else ".", context, dictum.anchor, None, ())
            if items.closing:
                def set_closing(value: RichText, dictum: Dictum = dictum) -> None:
                    dictum.closing = value

                self.later(set_closing, items.closing, context, "", (items, "closing"))
        closing = self.regulation.closing
        revoked = [self.catalogue[i] for i in closing.revokes if i in self.catalogue]
        if revoked:
            dictum = self.new_dictum(len(out) + 1, None, None)
            opening = f"Pada saat {self.reg_name} ini mulai berlaku"
            if len(revoked) == 1:
                name = cite(revoked[0], self.catalogue, settings=self.settings)
                dictum.text = [Span(f"{opening}, {name} dicabut dan dinyatakan tidak berlaku.")]
            else:
                dictum.text = [Span(f"{opening}:")]
                dictum.closing = [Span("dicabut dan dinyatakan tidak berlaku.")]
                for index, entry in enumerate(revoked, start=1):
                    ending = _ending(index, len(revoked), "dan", ",")
                    dictum.points.append(Point(numbering.point_label(1, index),
                                               [Span(_with_ending(cite(entry, self.catalogue,
                                                                       settings=self.settings), ending))],
                                               anchor=f"{dictum.anchor}-huruf-{numbering.letter(index)}"))
            out.append(dictum)
        dictum = self.new_dictum(len(out) + 1, None, None)
        if isinstance(closing.commencement, PartialDate):
            when = f"pada tanggal {_date_text(closing.commencement)}"
        else:
            when = "pada tanggal ditetapkan"
        dictum.text = [Span(f"{self.reg_name} ini mulai berlaku {when}.")]
        out.append(dictum)
        return out

    def new_dictum(self, number: int, element_id: str | None, source: Model | None) -> Dictum:
        label = dictum_label(number)
        anchor = f"diktum-{label.lower().replace(' ', '-')}"
        self.register(element_id, Target("diktum", anchor, 0, label=f"Diktum {label}", dictum=number))
        return Dictum(label, [], anchor=anchor, source=source)

    def noted(self) -> list[ListEntry]:
        """Memperhatikan: numbered when more than one, each ending with ";" (domain notes §1.2)."""
        given = self.regulation.noted
        entries = [ListEntry(None if len(given) == 1 else f"{index}.", []) for index in range(1, len(given) + 1)]
        for index, (entry, text) in enumerate(zip(entries, given)):
            def set_text(value: RichText, entry: ListEntry = entry) -> None:
                entry.text = value

            self.later(set_text, text, Context(), ";", (self.regulation, "noted", index))
        return entries

    def copies(self) -> list[str]:
        """Tembusan: each ends with ";", the last with "."; numbered by the renderers."""
        given = self.regulation.copies
        return [_with_ending(text, "." if index == len(given) else ";") for index, text in enumerate(given, start=1)]

    # -- the frame ---------------------------------------------------------------------

    def considerations(self) -> list[ListEntry]:
        """The lettered points, then the closing formula built from how many there are; or, for a regulation that
        carries out one provision (``melaksanakan``), the single point without a letter."""
        if self.regulation.implements is not None:
            return [ListEntry(None, [Span(self.delegated_consideration())])]
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
        formula = (f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {which}, perlu {self.words.making} "
                   f"{self.reg_name} tentang {self.regulation.title};")
        entries.append(ListEntry(f"{numbering.letter(len(given) + 1)}.", [Span(formula)]))
        return entries

    def delegated_consideration(self) -> str:
        """``bahwa untuk melaksanakan ketentuan Pasal … Peraturan Pemerintah Nomor 38 Tahun 2017 tentang
        Inovasi Daerah, perlu menetapkan Peraturan Wali Kota tentang ...;``: the delegating regulation named
        without its gazette bracket (Lampiran II; domain notes, konsiderans). An id not in the catalogue is an
        R301 (unless the catalogue failed to load, which is reported where it is) and its name an ellipsis."""
        delegation = self.regulation.implements
        assert delegation is not None
        entry = self.catalogue.get(delegation.id)
        if entry is not None:
            name = name_of(entry, self.settings)
        else:
            name = ELLIPSIS
            if self.catalogue_loaded:
                self.problems.append(_unknown_legal_basis(delegation.id, self.catalogue,
                                                          locate(delegation, "id")))
        return (f"bahwa untuk melaksanakan ketentuan {delegation.article} {name}, perlu {self.words.making} "
                f"{self.reg_name} tentang {self.regulation.title};")

    def legal_bases(self) -> list[ListEntry]:
        citations = [c for c in self.regulation.legal_bases if c.id in self.catalogue]

        ordered = sorted(citations, key=lambda citation: hierarchy_key(self.catalogue[citation.id]))
        single = len(ordered) == 1
        return [
            ListEntry(None if single else f"{index}.",
                      [Span(cite(self.catalogue[c.id], self.catalogue, c.article, self.settings) + ";")])
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
        def set_content(value: richtext.RichText) -> None:
            part.content = value

        markdown = annex.content or ""
        if annex.innovations is not None or annex.members is not None:  # tables from the knowledge base
            markdown = annex_tables.annex_markdown(annex, self.innovations, self.agencies)
        part.content = self.rich_later(markdown, Context(), (annex, "content"), set_content)

    def rich_later(self, markdown: str, context: Context, source: tuple, assign: Callable[[richtext.RichText], None]
                   ) -> richtext.RichText:
        """Markdown parsed once; each ``[[...]]`` of its text resolved in pass two, then ``assign`` gets the
        tree with the phrases in place. Returns the tree as parsed (what stands until then)."""
        tree = richtext.parse(markdown)
        model, attribute, *index = source
        for problem in broken_markers(markdown):  # R305: [id]] or [[id] that would stay as text
            where = locate_in_text(model, attribute, problem.markup, index=index[0] if index else None)
            self.problems.append(Diagnostic(problem.code, problem.message, where, Severity.ERROR, problem.suggestion))
        markups = annex_text.references_in(tree)
        resolved: list[RichText] = [[] for _ in markups]
        for slot, markup in enumerate(markups):
            def set_text(value: RichText, slot: int = slot) -> None:
                resolved[slot] = value
                if slot == len(markups) - 1:  # texts are resolved in order: this is the last one
                    assign(annex_text.with_references(tree, resolved))

            self.later(set_text, markup, context, "", source)
        return tree

    def explanation(self, body: list[BodyItem]) -> ExplanationPart | None:
        """A Perda's Penjelasan: I. UMUM, then II. PASAL DEMI PASAL with every Pasal of ``body`` in order."""
        given = self.regulation.explanation
        if given is None:
            return None
        entries = self.explained_entries(given.elements)
        part = ExplanationPart(
            ["PENJELASAN", "ATAS", *self.title_block()], ("I.", "UMUM"), richtext.RichText(()),
            ("II.", "PASAL DEMI PASAL"), [],
            f"{self.words.supplement.upper()} NOMOR "
            f"{self.regulation.promulgation.supplement_number or ELLIPSIS}")

        def set_general(value: richtext.RichText) -> None:
            part.general = value

        part.general = self.rich_later(given.general, Context(), (given, "general"), set_general)
        for article in _articles(body):
            part.articles.append(self.explained(_ExplainedNode.of_article(article), entries, 1, Context(article.number)))
        return part

    def explained_entries(self, elements: list[ExplainedElement]) -> dict[str, ExplainedElement]:
        """The explanations by the anchor of what they explain; an id that names nothing, or no Pasal, ayat or
        butir, is reported at its ``rujukan``."""
        resolver = Resolver(self.targets, list(self.targets), self.roman)
        found: dict[str, ExplainedElement] = {}
        for element in elements:
            where = locate(element, "reference")
            try:
                target = resolver.target(element.reference)
            except ReferenceProblem as problem:
                self.problems.append(Diagnostic(problem.code, problem.message, where, Severity.ERROR,
                                                problem.suggestion))
                continue
            if target.kind not in EXPLAINED_KINDS:
                self.problems.append(Diagnostic(
                    "R304", f"penjelasan pasal demi pasal hanya menjelaskan pasal, ayat, butir rincian, atau istilah; "
                            f"'{element.reference}' adalah {target.label or target.kind}", where, Severity.ERROR,
                    "jelaskan pasalnya, atau tulis penjelasan ini di 'umum'"))
                continue
            earlier = found.get(target.anchor)
            if earlier is not None:
                self.problems.append(Diagnostic(
                    "R302", f"'{element.reference}' menunjuk unsur yang sudah dijelaskan oleh '{earlier.reference}' "
                            f"(baris {locate(earlier, 'reference').line})", where, Severity.ERROR,
                    "gabungkan kedua penjelasan"))
                continue
            found[target.anchor] = element
        return found

    def explained(self, node: "_ExplainedNode", entries: dict[str, ExplainedElement], depth: int,
                  context: Context) -> Explained:
        """One element: its explanation, and, when something under it is explained, every element on the level
        under it (Lampiran II: each ayat or huruf with its text or "Cukup jelas.")."""
        anchor = f"penjelasan-{node.anchor}"
        item = Explained(node.label, None, [], depth, anchor, node.anchor)
        context = Context(context.article, node.clause if node.clause is not None else context.clause)
        entry = entries.get(node.anchor)
        if entry is not None:
            def set_text(value: richtext.RichText, item: Explained = item) -> None:
                item.text = value

            item.text = self.rich_later(entry.text, context, (entry, "text"), set_text)
        if node.explains_below(entries):
            item.children = [self.explained(child, entries, depth + 1, context) for child in node.children]
        elif item.text is None:
            item.text = richtext.parse(CLEAR)
        return item

    def title_block(self) -> list[str]:
        """``PERATURAN WALI KOTA PAREPARE``, ``NOMOR ... TAHUN ...``, ``TENTANG``, name."""
        regulation = self.regulation
        if self.words.decree:  # a text in the region's pattern, printed as given (domain notes §1.3)
            number = f"NOMOR {regulation.number if regulation.number is not None else ELLIPSIS}"
        else:
            number = f"NOMOR {regulation.number} TAHUN {regulation.year}" if regulation.number else \
                f"NOMOR {ELLIPSIS} TAHUN {ELLIPSIS}"
        return [self.words.full_name.upper(), number, "TENTANG", regulation.title.upper()]

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
        if self.words.decree:  # not promulgated: no Sekretaris Daerah block, no Berita Daerah line
            return enactment, SignatureBlock("", "", "", ""), ""
        secretary = regulation.promulgation.signatory or settings.secretary.name
        promulgation = SignatureBlock(
            f"Diundangkan di {regulation.promulgation.place or place}",
            f"pada tanggal {_date_text(regulation.promulgation.date)}",
            f"{settings.secretary_title.upper()},",
            secretary.upper() if secretary else ELLIPSIS,
        )
        given = regulation.promulgation
        if self.words.regional:
            year, number = given.regional_gazette_year, given.regional_gazette_number
        else:
            year, number = given.gazette_year, given.gazette_number
        year = year or (given.date.year if given.date else None)
        gazette = f"{self.words.gazette.upper()} TAHUN {year or ELLIPSIS} NOMOR {number or ELLIPSIS}"
        return enactment, promulgation, gazette

    def approval(self) -> list[str]:
        """A Perda's joint approval, centred between Mengingat and MEMUTUSKAN (the regional form of the
        block of a Undang-Undang, domain notes legal-products §2)."""
        if not self.words.regional:
            return []
        return ["Dengan Persetujuan Bersama",
                f"DEWAN PERWAKILAN RAKYAT DAERAH {self.settings.region_full_name.upper()}", "dan",
                self.settings.office_title.upper()]

    def register_line(self) -> str | None:
        """``NOREG PERATURAN DAERAH KOTA PAREPARE, PROVINSI SULAWESI SELATAN: (3/2020)``, as given."""
        noreg = self.regulation.promulgation.register_number
        if not self.words.regional or noreg is None:
            return None
        return (f"NOREG {self.words.full_name.upper()}, PROVINSI {self.settings.region.province.upper()}: "
                f"{noreg.strip()}")

    # -- pass two: texts --------------------------------------------------------------

    def resolve_texts(self) -> None:
        resolver = Resolver(self.targets, list(self.targets), self.roman)
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
    text: Document | None = None
    """A whole-text amendment's own text, as its author wrote it (built with its frozen labels), beside
    ``document``, the Perubahan written from it: what the linter reads (the author's words are there, not in
    Pasal I's quotations). None for any other regulation: ``document`` is its text."""


def build(regulation: Regulation, settings: Project, catalogue: Mapping[str, LegalBasis], *,
          labels: Mapping[str, str] | None = None, innovations: Mapping[str, Innovation] | None = None,
          agencies: Mapping[str, Agency] | None = None) -> tuple[Document, list[Diagnostic]]:
    """Number and resolve a regulation. Problems are returned, never raised.

    ``labels``: frozen labels, for the new version of an amended regulation, whose enacted numbers never move
    (:meth:`rancang.drafting.versions.Versions.labels` gives them). Keyed by the anchor the element has when the
    regulation is built WITHOUT labels (``pasal-13``, ``bab-5``, ``bab-2-bagian-1``, ``pasal-7-ayat-2``,
    ``pasal-7-ayat-2-huruf-c``, ``pasal-1-angka-4``): every element has one, with an id or not, and anchors do
    not change with the labels, so a build with labels keeps the same anchors and the map stays valid. Values are
    printed labels as the tree holds them: ``Pasal 12A``, ``BAB IVA``, ``Bagian Kedua A``, ``Paragraf 3A``,
    ``(1a)``, ``c1.``, ``5a.``, ``c1)``, ``5a)``. An element not in the map keeps its positional label.

    A labelled element is printed with its label and every ``[[id]]`` reference to it reads it ("sebagaimana
    dimaksud dalam Pasal 12A ayat (1a) huruf c1"). Order, ranges and "the same Pasal" still go by position
    (:class:`~rancang.drafting.tree.Article` ``number`` stays the Pasal's position): three Pasal in a row in the
    new text are a range even when one between them was deleted (the deleted one is not in the new text).
    Without ``labels`` nothing changes.

    ``innovations`` and ``agencies``: the knowledge base's records, for a lampiran that lists innovations
    (``inovasi``; :mod:`rancang.drafting.annex_tables`)."""
    return _build(regulation, settings, catalogue, labels or {}, innovations, agencies)


def build_all(data: ProjectData) -> dict[str, Drafted]:
    """Every regulation of a loaded project, each built once (none without valid settings)."""
    if data.settings is None:
        return {}
    loaded = "dasar-hukum" not in data.unloaded
    return {record_id: Drafted(*_build(regulation, data.settings, data.catalogue, None, data.innovations,
                                       data.agencies, catalogue_loaded=loaded))
            for record_id, regulation in sorted(data.regulations.items())}


def _build(regulation: Regulation, settings: Project, catalogue: Mapping[str, LegalBasis],
           labels: Mapping[str, str] | None = None, innovations: Mapping[str, Innovation] | None = None,
           agencies: Mapping[str, Agency] | None = None, *, catalogue_loaded: bool = True
           ) -> tuple[Document, list[Diagnostic]]:
    builder = _Builder(regulation, settings, catalogue, frozen=labels or {}, innovations=innovations or {},
                       agencies=agencies or {}, catalogue_loaded=catalogue_loaded)
    decree = builder.words.decree
    considerations = builder.considerations()
    noted = builder.noted()
    body = [] if decree else builder.body()
    dicta = builder.dicta() if decree else []
    annexes = builder.annexes()
    explanation = None if decree else builder.explanation(body)
    builder.resolve_texts()
    enactment, promulgation, gazette = builder.signatures()
    title = builder.title_block()
    document = Document(
        heading=[settings.office_title.upper(), f"PROVINSI {settings.region.province.upper()}"],
        draft=regulation.is_draft,
        title=(["RANCANGAN"] if regulation.is_draft else []) + title,
        # a Keputusan's invocation: in most templates, missing in some regions' (legal-products notes, 1.2)
        invocation="" if decree and not settings.documents.decree_invocation else "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        office_line=f"{settings.office_title.upper()},",
        considerations=considerations,
        legal_bases=builder.legal_bases(),
        decision="MEMUTUSKAN:",
        enact_label="Menetapkan",
        enact_text=f"{builder.reg_name.upper()} TENTANG {regulation.title.upper()}.",
        body=body,
        promulgation_order="" if decree else (
            f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {builder.reg_name} ini "
            f"dengan penempatannya dalam {builder.words.gazette}."),
        enactment=enactment,
        promulgation=promulgation,
        gazette_line=gazette,
        annexes=annexes,
        approval=builder.approval(),
        register_line=builder.register_line(),
        explanation=explanation,
        decree=decree,
        noted=noted,
        dicta=dicta,
        copies=builder.copies() if decree else [],
    )
    eids.assign(document)  # the Akoma Ntoso eIds, once the tree is whole
    return document, builder.problems


# -- small text rules --------------------------------------------------------------------


def _unknown_legal_basis(name: str, catalogue: Mapping[str, LegalBasis], where) -> Diagnostic:
    """R301 for an id of ``melaksanakan`` not in the catalogue, worded as :mod:`rancang.references` words an
    unknown Mengingat id (:mod:`rancang.language.suggest`)."""
    known = list(catalogue)
    guesses = closest_few(name, known)
    defined = f"id dasar hukum didaftarkan di {CATALOGUE_FILE}"
    if guesses:
        suggestion = f"mungkin maksud Anda {quoted_choices(guesses)}? {defined}"
    elif not known:
        suggestion = f"daftarnya masih kosong; {defined}"
    else:
        suggestion = defined
    return Diagnostic("R301", f"dasar hukum '{name}' tidak dikenal", where, Severity.ERROR, suggestion)



def dictum_label(number: int) -> str:
    """``KESATU``, ``KEDUA``, ``KESEBELAS``, ``KEDUA BELAS``: a diktum's label, the spelled ordinal in capitals
    (domain notes, legal-products §1.2; ``PERTAMA`` is not used)."""
    return numbering.ordinal(number).upper()


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


def _point_reference(depth: int, label: str) -> str:
    """How a reference names a rincian item of the printed ``label``: ``c1.`` -> ``huruf c1``, ``5a.`` ->
    ``angka 5a``, ``c1)`` -> ``huruf c1)`` (as :func:`rancang.language.numbering.point_reference`)."""
    word = "huruf" if depth in (1, 3) else "angka"
    return f"{word} {label.rstrip('.')}" if depth <= 2 else f"{word} {label}"


def _date_text(value: PartialDate | None) -> str:
    if value is None:
        return ELLIPSIS
    if value.day:
        return numbering.long_date(value.as_date())
    if value.month:
        return f"{ELLIPSIS} {numbering.month_year(value.year, value.month)}"
    return f"{ELLIPSIS} {value.year}"


def _heading(title: str) -> str:
    """A BAB's title as compared with the standard ones: capitals, single spaces, no final punctuation (as the
    linter compares it; a final mark is its own finding, L532)."""
    return " ".join(title.upper().split()).rstrip(".,;:!? ")


def _first_articles(group: Group) -> Group:
    """The group that holds the first Pasal of ``group``: itself, or its first Bagian (or that one's first
    Paragraf) when it is divided."""
    while group.children and isinstance(group.children[0], Group):
        group = group.children[0]
    return group


def _last_articles(group: Group) -> Group:
    """The group that holds the last Pasal of ``group`` (see :func:`_first_articles`)."""
    while group.children and isinstance(group.children[-1], Group):
        group = group.children[-1]
    return group


def _articles(items: list[BodyItem]) -> list[Article]:
    out: list[Article] = []
    for item in items:
        if isinstance(item, Article):
            out.append(item)
        else:
            out.extend(_articles(item.children))
    return out


def _quoted(text: str | None) -> list[QuotedLine]:
    """The quoted new text of a change point: one line per non-empty source line, as written (``*x*`` italic);
    a unit's label and the title under a BAB, Bagian or Paragraf label are headings."""
    lines: list[QuotedLine] = []
    title_next = False
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        label = QUOTED_LABEL.match(line) is not None
        lines.append(QuotedLine(_verbatim(line), label or title_next))
        title_next = label and not line.startswith("Pasal")
    return lines


def _verbatim(line: str) -> RichText:
    """A line as written, its ``*...*`` emphasis read (a quoted text holds no ``[[...]]`` of this regulation)."""
    if not emphasis.has_marks(line):
        return [Span(line)]
    reading = emphasis.read(line)
    spans: RichText = []
    start = 0
    for index in range(1, len(reading.text) + 1):
        if index == len(reading.text) or reading.styles[index] != reading.styles[start]:
            style = reading.styles[start]
            spans.append(Span(reading.text[start:index], italic=bool(style & emphasis.ITALIC),
                              bold=bool(style & emphasis.BOLD)))
            start = index
    return spans


@dataclass
class _ExplainedNode:
    """A Pasal, ayat or butir of the numbered tree as Penjelasan addresses it: label, anchor, what is under it."""

    label: str
    anchor: str
    children: list["_ExplainedNode"]
    clause: int | None = None

    @classmethod
    def of_article(cls, article: Article) -> "_ExplainedNode":
        numbered = [clause for clause in article.clauses if clause.label is not None]
        if numbered:
            children = [cls(f"Ayat {clause.label}", clause.anchor, [cls.of_point(p) for p in clause.points],
                            index) for index, clause in enumerate(numbered, start=1)]
        else:
            children = [cls.of_point(point) for clause in article.clauses for point in clause.points]
        return cls(article.label, article.anchor, children)

    @classmethod
    def of_point(cls, point: Point) -> "_ExplainedNode":
        word = "Huruf" if point.depth in (1, 3) else "Angka"
        return cls(f"{word} {point.label.rstrip('.')}", point.anchor, [cls.of_point(p) for p in point.points])

    def explains_below(self, entries: Mapping[str, object]) -> bool:
        """Whether an element under this one is explained."""
        return any(child.anchor in entries or child.explains_below(entries) for child in self.children)
