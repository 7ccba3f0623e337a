"""Akoma Ntoso 3.0 (OASIS LegalDocML) of one regulation, from its numbered tree.

The tree (:mod:`rancang.drafting.tree`) holds every number, label, text and resolved reference; this module only
maps it to AKN elements with lxml (never XML by string concatenation). The mapping is rancang's proposal for
Indonesian regional acts (domain notes, legal-products §5.3; ``docs/akn.md``):

* a Peraturan Wali Kota/Bupati or Peraturan Daerah is an ``act`` (a draft a ``bill``); a Keputusan a
  ``doc name="keputusan"`` whose diktum are ``hcontainer name="diktum"`` in ``mainBody``;
* FRBR Work/Expression/Manifestation from :mod:`rancang.language.akn_uri` (the one place of the URI scheme);
* ``preface``: kop and title (``docStatus`` RANCANGAN, ``docType``, ``docNumber``, ``docTitle``);
* ``preamble``: the invocation, the office, Menimbang as ``recitals``, Mengingat as ``citations`` (each with a
  ``ref`` to the cited act's work URI when the catalogue gives one), a Keputusan's Memperhatikan, a Perda's joint
  approval and the enacting formula;
* ``body``: BAB ``chapter``, Bagian ``part``, Paragraf ``subpart``, Pasal ``section``, ayat ``subsection``, a
  rincian a ``blockList`` (its lead in ``listIntroduction``, its closing in ``listWrapUp``) of ``item``; a
  Perubahan's change points are items whose new text is a ``quotedStructure`` inside a ``mod``;
* Ketentuan Umum items: the term in ``def`` (``refersTo`` a ``TLCTerm`` in ``references``); its uses in the body
  (plain text, not glued to another capitalised word) in ``term``;
* ``conclusions``: the promulgation order, the Ditetapkan/Diundangkan blocks with their ``signature``, the gazette
  line (and a Keputusan's Tembusan);
* ``attachments``: the Penjelasan (``doc name="penjelasan"``), then each Lampiran (``doc name="lampiran"``; its
  Markdown as blocks, its organisation chart as nested lists).

:func:`metadata` gathers from the project what the tree does not hold (URIs, title, dates, refs of Mengingat and
of amendments); :func:`render` writes the XML. A draft's dates are the export date (see
:mod:`rancang.language.akn_uri`), so its file changes once a day at most.

Every ``num`` is the tree's label as printed (``Pasal 5``, ``(1)``, ``a.``, ``BAB II``); texts keep their spans:
a reference is ``<ref href="#eId">`` around exactly its text, italic ``<i>``, bold ``<b>``. eIds are the tree's
(``node.eid``, given by the drafting engine); none is made here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable

from lxml import etree

from rancang import richtext
from rancang.drafting.eids import by_anchor
from rancang.drafting.tree import (
    AnnexPart,
    Article,
    BodyItem,
    Dictum,
    Document,
    Explained,
    ExplanationPart,
    Group,
    ListEntry,
    Point,
    RichText,
    SignatureBlock,
)
from rancang.diagnostics import Diagnostic, Severity
from rancang.language.akn_uri import LANGUAGE, AknUri, catalogue_uri, regulation_uri
from rancang.language.citation import hierarchy_key
from rancang.locations import locate
from rancang.models import ProjectData

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_NS = f"{{{NAMESPACE}}}"
SOURCE = "rancang"
"""The TLCOrganization that made the markup (``source="#rancang"``)."""

_NAME_BEFORE = re.compile(r"[A-Z][\w-]*\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z]")
"""A capitalised word right before or after a defined term: the term is part of another name there."""

_GROUP_TAGS = {"bab": "chapter", "bagian": "part", "paragraf": "subpart"}


@dataclass(frozen=True)
class Amendment:
    """Another act named in the lifecycle: the act this one amends (``activeRef``), or an act that amends this
    one (``passiveRef`` and an ``eventRef type="amendment"`` on its date)."""

    href: str
    show_as: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Metadata:
    """What the tree does not hold: addresses, names and dates, made by the caller from the project."""

    uri: AknUri
    title: str
    """The regulation's full name (FRBRalias ``title``): ``Peraturan Wali Kota Parepare Nomor 7 Tahun 2023
    tentang ...``."""
    author: str
    """The office that makes it: ``Wali Kota Parepare``."""
    citations: list[str | None]
    """The work URI of each Mengingat entry of the tree, in its order (None: no ref)."""
    terms: list[str] = field(default_factory=list)
    """The defined terms of Ketentuan Umum (``ketentuan_umum``), for ``def`` and ``TLCTerm``."""
    publication: tuple[str, dt.date, str | None] | None = None
    """``(gazette name, date of promulgation, number)`` of an enacted act."""
    amends: Amendment | None = None
    amended_by: list[Amendment] = field(default_factory=list)
    made: dt.date | None = None
    """Date of this manifestation (the export); the expression's date when None."""
    enacted: dt.date | None = None
    """The whole date of enactment (``Ditetapkan ... pada tanggal``), when known."""
    promulgated: dt.date | None = None
    """The whole date of promulgation, when known."""


def render(document: Document, meta: Metadata) -> bytes:
    """The AKN XML of ``document``, UTF-8 with an XML declaration."""
    return etree.tostring(_Writer(document, meta).root(), xml_declaration=True, encoding="UTF-8",
                          pretty_print=False)


def _el(tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    element = etree.Element(_NS + tag, {k: v for k, v in (attrib or {}).items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None,
         text: str | None = None) -> etree._Element:
    element = _el(tag, attrib, text)
    parent.append(element)
    return element


def _eid(node: object) -> str | None:
    """The eId the drafting engine gave a tree node (None where it has none: no attribute is written)."""
    return getattr(node, "eid") or None


def _append_text(parent: etree._Element, text: str) -> None:
    """Mixed content: ``text`` after the last child of ``parent`` (or as its text)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _tlc_id(term: str) -> str:
    """``Inovasi Daerah`` -> ``inovasiDaerah``: the id of a term's TLCTerm."""
    words = re.findall(r"[0-9A-Za-z]+", term)
    if not words:
        return "istilah"
    first, rest = words[0].lower(), "".join(word[:1].upper() + word[1:].lower() for word in words[1:])
    value = first + rest
    return value if value[0].isalpha() else f"t{value}"


class _Writer:
    def __init__(self, document: Document, meta: Metadata) -> None:
        self.document = document
        self.meta = meta
        self.anchors = by_anchor(document)
        """Tree anchor -> eId, for references (``Span.target`` names the anchor of its target)."""
        for annex in document.annexes:  # a [[...]] reference to a lampiran
            if annex.anchor and annex.eid:
                self.anchors.setdefault(annex.anchor, annex.eid)
        self.terms = {term: _tlc_id(term) for term in meta.terms}
        self.used_terms: dict[str, str] = {}
        self.term_pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(t) for t in sorted(self.terms, key=len, reverse=True)) + r")(?![\w-])"
        ) if self.terms else None
        self.mark_terms = False
        """In the body: a defined term used in a plain span is a ``term`` (refersTo its TLCTerm)."""
        self.people: dict[str, tuple[str, str]] = {}
        """TLCPerson/TLCRole id -> (element, showAs): the signatories and their offices."""

    # -- anchors ------------------------------------------------------------------------------

    def href(self, target: str) -> str | None:
        """``#eId`` of a tree anchor (a target may carry a record: ``id#anchor`` is another document)."""
        anchor = target[1:] if target.startswith("#") else target
        eid = self.anchors.get(anchor)
        return f"#{eid}" if eid else None

    # -- the document -------------------------------------------------------------------------

    def root(self) -> etree._Element:
        doc, uri = self.document, self.meta.uri
        root = etree.Element(_NS + "akomaNtoso", nsmap={None: NAMESPACE})
        if doc.decree:
            main = _sub(root, "doc", {"name": "keputusan", "contains": "originalVersion"})
        else:
            main = _sub(root, uri.doctype if uri.doctype in ("act", "bill") else "act",
                        {"name": uri.subtype, "contains": "originalVersion"})
        meta = self.meta_element("main")
        main.append(meta)
        main.append(self.preface())
        main.append(self.preamble())
        if doc.decree:
            main_body = _sub(main, "mainBody")
            self.mark_terms = True
            for dictum in doc.dicta:
                main_body.append(self.dictum(dictum))
            self.mark_terms = False
        else:
            body = _sub(main, "body")
            self.mark_terms = True
            for item in doc.body:
                body.append(self.body_item(item))
            self.mark_terms = False
        main.append(self.conclusions())
        attachments = self.attachments()
        if attachments is not None:
            main.append(attachments)
        self.finish_references(meta)
        return root

    # -- meta ---------------------------------------------------------------------------------

    def meta_element(self, component: str, name: str | None = None) -> etree._Element:
        uri, meta_data = self.meta.uri, self.meta
        date, date_name = uri.date.isoformat(), uri.date_name
        made = (meta_data.made or uri.date).isoformat()
        meta = _el("meta")
        ident = _sub(meta, "identification", {"source": f"#{SOURCE}"})
        work = _sub(ident, "FRBRWork")
        _sub(work, "FRBRthis", {"value": uri.component(component)})
        _sub(work, "FRBRuri", {"value": uri.work})
        _sub(work, "FRBRalias", {"value": meta_data.title if name is None else name, "name": "title"})
        _sub(work, "FRBRdate", {"date": date, "name": date_name})
        _sub(work, "FRBRauthor", {"href": "#kepalaDaerah", "as": "#pembentuk"})
        _sub(work, "FRBRcountry", {"value": uri.place})
        _sub(work, "FRBRsubtype", {"value": uri.subtype})
        _sub(work, "FRBRnumber", {"value": uri.number})
        if component == "main":
            _sub(work, "FRBRprescriptive", {"value": "false" if uri.doctype == "bill" else "true"})
        expression = _sub(ident, "FRBRExpression")
        _sub(expression, "FRBRthis", {"value": uri.expression_component(component)})
        _sub(expression, "FRBRuri", {"value": uri.expression})
        _sub(expression, "FRBRdate", {"date": date, "name": date_name})
        _sub(expression, "FRBRauthor", {"href": f"#{SOURCE}"})
        _sub(expression, "FRBRlanguage", {"language": LANGUAGE})
        manifestation = _sub(ident, "FRBRManifestation")
        _sub(manifestation, "FRBRthis", {"value": f"{uri.expression_component(component)}.xml"})
        _sub(manifestation, "FRBRuri", {"value": uri.manifestation})
        _sub(manifestation, "FRBRdate", {"date": made, "name": "ekspor"})
        _sub(manifestation, "FRBRauthor", {"href": f"#{SOURCE}"})
        _sub(manifestation, "FRBRformat", {"value": "application/akn+xml"})
        if component != "main":
            return meta
        publication = meta_data.publication
        if publication is not None:
            gazette, when, number = publication
            _sub(meta, "publication", {"date": when.isoformat(), "name": gazette, "showAs": gazette,
                                       "number": number})
        lifecycle = _sub(meta, "lifecycle", {"source": f"#{SOURCE}"})
        _sub(lifecycle, "eventRef", {"eId": "e_1", "date": date, "source": "#ori", "type": "generation"})
        for index, amendment in enumerate(meta_data.amended_by, start=1):
            if amendment.date is not None:
                _sub(lifecycle, "eventRef", {"eId": f"e_{index + 1}", "date": amendment.date.isoformat(),
                                             "source": f"#pas_{index}", "type": "amendment"})
        return meta

    def finish_references(self, meta: etree._Element) -> None:
        """``references`` after ``lifecycle``: the act itself, what it amends or is amended by, the persons,
        roles and organisations named by the metadata, and the defined terms."""
        references = _el("references", {"source": f"#{SOURCE}"})
        uri = self.meta.uri
        _sub(references, "original", {"eId": "ori", "href": uri.expression, "showAs": self.meta.title})
        if self.meta.amends is not None:
            _sub(references, "activeRef", {"eId": "act_1", "href": self.meta.amends.href,
                                           "showAs": self.meta.amends.show_as})
        for index, amendment in enumerate(self.meta.amended_by, start=1):
            _sub(references, "passiveRef", {"eId": f"pas_{index}", "href": amendment.href,
                                            "showAs": amendment.show_as})
        _sub(references, "TLCOrganization", {"eId": SOURCE, "href": "/ontology/organization/rancang",
                                             "showAs": "rancang"})
        _sub(references, "TLCPerson", {"eId": "kepalaDaerah", "href": "/ontology/person/id/kepalaDaerah",
                                       "showAs": self.meta.author})
        _sub(references, "TLCRole", {"eId": "pembentuk", "href": "/ontology/role/id/pembentuk",
                                     "showAs": "Pembentuk"})
        for tlc_id, (kind, show_as) in self.people.items():
            folder = "person" if kind == "TLCPerson" else "role"
            _sub(references, kind, {"eId": tlc_id, "href": f"/ontology/{folder}/id/{tlc_id}", "showAs": show_as})
        for term, tlc in self.used_terms.items():
            _sub(references, "TLCTerm", {"eId": tlc, "href": f"/ontology/term/id/{tlc}", "showAs": term})
        # meta: identification, publication?, classification*, lifecycle*, ..., references*
        meta.append(references)

    # -- text ---------------------------------------------------------------------------------

    def inline(self, parent: etree._Element, spans: RichText, define: bool = False) -> etree._Element:
        """Append the spans to ``parent`` as mixed content. ``define``: the text starts with a defined term
        (a Ketentuan Umum item): that term goes in ``def``."""
        spans = list(spans)
        if define and spans and not spans[0].target and not spans[0].italic and not spans[0].bold:
            first = spans[0].text
            term = next((t for t in sorted(self.terms, key=len, reverse=True)
                         if first.startswith(t) and first[len(t):len(t) + 1] in (" ", "")), None)
            if term is not None:
                tlc = self.terms[term]
                self.used_terms[term] = tlc
                _sub(parent, "def", {"refersTo": f"#{tlc}"}, term)
                _append_text(parent, first[len(term):])
                spans = spans[1:]
        for span in spans:
            holder = parent
            if span.target:
                href = self.href(span.target)
                if href is not None:
                    holder = _sub(holder, "ref", {"href": href})
            if span.bold:
                holder = _sub(holder, "b")
            if span.italic:
                holder = _sub(holder, "i")
            if holder is parent:
                self.plain_text(parent, span.text)
            else:
                holder.text = span.text
        return parent

    def plain_text(self, parent: etree._Element, text: str) -> None:
        """Plain text; in the body, each use of a defined term in a ``term`` element."""
        if not self.mark_terms or self.term_pattern is None:
            _append_text(parent, text)
            return
        last = 0
        for match in self.term_pattern.finditer(text):
            if _NAME_BEFORE.search(text, 0, match.start()) or _NAME_AFTER.match(text, match.end()):
                continue  # part of a longer name ("Dewan Perwakilan Rakyat Daerah", "Wali Kota Parepare")
            _append_text(parent, text[last:match.start()])
            term = match.group(1)
            self.used_terms[term] = self.terms[term]
            _sub(parent, "term", {"refersTo": f"#{self.terms[term]}"}, term)
            last = match.end()
        _append_text(parent, text[last:])

    def p(self, spans: RichText, attrib: dict[str, str] | None = None, define: bool = False) -> etree._Element:
        return self.inline(_el("p", attrib), spans, define)

    # -- preface, preamble --------------------------------------------------------------------

    def preface(self) -> etree._Element:
        doc = self.document
        preface = _el("preface")
        for line in doc.notice:
            _sub(preface, "p", {"class": "pemberitahuan"}, line)
        for line in doc.heading:
            _sub(preface, "p", {"class": "kop"}, line)
        title = list(doc.title)
        tagged_type = False
        for index, line in enumerate(title):
            p = _sub(preface, "p", {"class": "judul"})
            if line == "RANCANGAN" and index == 0:
                _sub(p, "docStatus", None, line)
            elif line.startswith("NOMOR "):
                _sub(p, "docNumber", None, line)
            elif line == "TENTANG":
                p.text = line
            elif index == len(title) - 1:
                _sub(p, "docTitle", None, line)
            elif not tagged_type:
                _sub(p, "docType", None, line)
                tagged_type = True
            else:
                p.text = line
        return preface

    def preamble(self) -> etree._Element:
        doc = self.document
        preamble = _el("preamble")
        if doc.invocation:
            formula = _sub(preamble, "formula", {"name": "frasaKetuhanan"})
            _sub(formula, "p", None, doc.invocation)
        _sub(preamble, "p", {"class": "jabatan"}, doc.office_line)
        recitals = _sub(preamble, "recitals", {"eId": doc.recitals_eid or None})
        intro = _sub(recitals, "intro")
        _sub(intro, "p", None, "Menimbang:")
        for entry in doc.considerations:
            recital = _sub(recitals, "recital", {"eId": _eid(entry)})
            if entry.label:
                _sub(recital, "num", None, entry.label)
            recital.append(self.p(entry.text))
        citations = _sub(preamble, "citations", {"eId": doc.citations_eid or None})
        intro = _sub(citations, "intro")
        _sub(intro, "p", None, "Mengingat:")
        hrefs = list(self.meta.citations) + [None] * max(0, len(doc.legal_bases) - len(self.meta.citations))
        for entry, href in zip(doc.legal_bases, hrefs):
            citation = _sub(citations, "citation", {"eId": _eid(entry)})
            if entry.label:
                _sub(citation, "num", None, entry.label)
            citation.append(self.citation_p(entry, href))
        if doc.noted:
            noted = _sub(preamble, "citations", {"eId": doc.noted_eid or None, "name": "memperhatikan"})
            _sub(_sub(noted, "intro"), "p", None, "Memperhatikan:")
            for entry in doc.noted:
                citation = _sub(noted, "citation", {"eId": _eid(entry)})
                if entry.label:
                    _sub(citation, "num", None, entry.label)
                citation.append(self.p(entry.text))
        if doc.approval:
            formula = _sub(preamble, "formula", {"name": "persetujuanBersama"})
            for line in doc.approval:
                _sub(formula, "p", None, line)
        formula = _sub(preamble, "formula", {"name": "enactingFormula"})
        _sub(formula, "p", None, doc.decision)
        p = _sub(formula, "p")
        _sub(p, "span", {"class": "label"}, doc.enact_label)
        _append_text(p, ": ")
        _sub(p, "span", {"class": "isi"}, doc.enact_text)
        return preamble

    def citation_p(self, entry: ListEntry, href: str | None) -> etree._Element:
        """A Mengingat entry: its printed text, the act's name in a ``ref`` to the act's work URI (the ending
        ``;`` stays outside)."""
        if href is None or len(entry.text) != 1 or entry.text[0].target:
            return self.p(entry.text)
        text = entry.text[0].text
        ending = text[len(text.rstrip(";.")):]
        p = _el("p")
        _sub(p, "ref", {"href": href}, text[:len(text) - len(ending)] if ending else text)
        _append_text(p, ending)
        return p

    # -- body ---------------------------------------------------------------------------------

    def body_item(self, item: BodyItem) -> etree._Element:
        if isinstance(item, Group):
            element = _el(_GROUP_TAGS[item.kind], {"eId": _eid(item)})
            _sub(element, "num", None, item.label)
            _sub(element, "heading", None, item.title)
            for child in item.children:
                element.append(self.body_item(child))
            return element
        return self.article(item)

    def article(self, article: Article) -> etree._Element:
        section = _el("section", {"eId": _eid(article)})
        _sub(section, "num", None, article.label)
        labelled = [clause for clause in article.clauses if clause.label is not None]
        if labelled and not article.changes:
            for clause in article.clauses:
                subsection = _sub(section, "subsection", {"eId": _eid(clause)})
                if clause.label is not None:
                    _sub(subsection, "num", None, clause.label)
                subsection.append(self.content(clause.text, clause.points, clause.closing, clause))
            return section
        content = _sub(section, "content")
        for clause in article.clauses:
            self.blocks(content, clause.text, clause.points, clause.closing, clause, clause.label)
        if article.changes:
            content.append(self.changes(article))
        if not len(content):
            _sub(content, "p")
        return section

    def content(self, text: RichText, points: list[Point], closing: RichText | None, owner: object,
                define: bool = False) -> etree._Element:
        content = _el("content")
        self.blocks(content, text, points, closing, owner, None, define)
        if not len(content):
            _sub(content, "p")
        return content

    def blocks(self, parent: etree._Element, text: RichText, points: list[Point], closing: RichText | None,
               owner: object, label: str | None = None, define: bool = False) -> None:
        """A text and its rincian: a ``p``, or a ``blockList`` whose ``listIntroduction`` is the text."""
        if not points:
            p = self.p(text, define=define)
            if label is not None:
                p.insert(0, _el("span", {"class": "label"}, label))
                p[0].tail = " " + (p.text or "")
                p.text = None
            parent.append(p)
            return
        parent.append(self.block_list(text, points, closing, owner, define))

    def block_list(self, text: RichText, points: list[Point], closing: RichText | None, owner: object,
                   define: bool = False) -> etree._Element:
        block_list = _el("blockList", {"eId": getattr(owner, "list_eid") or None})
        intro = _sub(block_list, "listIntroduction")
        self.inline(intro, text)
        definitions = define or self._is_definitions(points)
        for point in points:
            item = _sub(block_list, "item", {"eId": _eid(point)})
            _sub(item, "num", None, point.label)
            if point.points:
                item.append(self.block_list(point.text, point.points, point.closing, point))
            else:
                item.append(self.p(point.text, define=definitions))
        if closing:
            wrap = _sub(block_list, "listWrapUp")
            self.inline(wrap, closing)
        return block_list

    def _is_definitions(self, points: list[Point]) -> bool:
        """The rincian of Ketentuan Umum: every item starts with a defined term."""
        if not self.terms or not points:
            return False
        starts = 0
        for point in points:
            first = point.text[0].text if point.text else ""
            if any(first.startswith(term + " ") for term in self.terms):
                starts += 1
        return starts >= max(1, len(points) // 2)

    def changes(self, article: Article) -> etree._Element:
        """A Perubahan's change points: ``1.`` and its instruction, the new text quoted in a ``mod``."""
        block_list = _el("blockList", {"eId": article.list_eid or None})
        for change in article.changes:
            item = _sub(block_list, "item", {"eId": _eid(change)})
            _sub(item, "num", None, change.label)
            p = _sub(item, "p")
            mod = _sub(p, "mod")
            self.inline(mod, change.text)
            if change.quoted:
                quoted = _sub(mod, "quotedStructure", {"eId": change.quoted_eid or None})
                for line in change.quoted:
                    quoted.append(self.p(line.text, {"class": "judul"} if line.heading else None))
        return block_list

    # -- keputusan ----------------------------------------------------------------------------

    def dictum(self, dictum: Dictum) -> etree._Element:
        element = _el("hcontainer", {"name": "diktum", "eId": _eid(dictum)})
        _sub(element, "num", None, dictum.label)
        element.append(self.content(dictum.text, dictum.points, dictum.closing, dictum))
        return element

    # -- conclusions --------------------------------------------------------------------------

    def conclusions(self) -> etree._Element:
        doc = self.document
        conclusions = _el("conclusions")
        if doc.promulgation_order:
            formula = _sub(conclusions, "formula", {"name": "perintahPengundangan"})
            _sub(formula, "p", None, doc.promulgation_order)
        conclusions.append(self.signature_block(doc.enactment, "penetapan", self.meta.enacted))
        if doc.promulgation.office:
            conclusions.append(self.signature_block(doc.promulgation, "pengundangan", self.meta.promulgated))
        if doc.gazette_line:
            _sub(conclusions, "p", {"class": "lembaran"}, doc.gazette_line)
        if doc.register_line:
            _sub(conclusions, "p", {"class": "noreg"}, doc.register_line)
        if doc.copies:
            copies = _sub(conclusions, "blockContainer", {"class": "tembusan"})
            _sub(copies, "p", None, "Tembusan:")
            for line in doc.copies:
                _sub(copies, "p", None, line)
        return conclusions

    def tlc(self, kind: str, what: str, block: str, show_as: str) -> str:
        """The id of a TLCPerson or TLCRole in ``references`` (``penandaTanganPenetapan``), noted once."""
        tlc_id = f"{what}{block[:1].upper()}{block[1:]}"
        self.people.setdefault(tlc_id, (kind, show_as.rstrip(",") or "..."))
        return tlc_id

    def signature_block(self, block: SignatureBlock, name: str, when: dt.date | None) -> etree._Element:
        container = _el("blockContainer", {"class": name})
        p = _sub(container, "p")
        _sub(p, "span", {"class": "tempat"}, block.place_line)
        p = _sub(container, "p")
        if when is not None:
            _sub(p, "date", {"date": when.isoformat()}, block.date_line)
        else:  # not known yet (a draft): the printed line only
            _sub(p, "span", {"class": "tanggal"}, block.date_line)
        p = _sub(container, "p")
        signature = _sub(p, "signature")
        _sub(signature, "role", {"refersTo": f"#{self.tlc('TLCRole', 'jabatan', name, block.office)}"},
             block.office)
        _sub(signature, "person", {"refersTo": f"#{self.tlc('TLCPerson', 'penandaTangan', name, block.name)}"},
             block.name)
        return container

    # -- attachments --------------------------------------------------------------------------

    def attachments(self) -> etree._Element | None:
        doc = self.document
        if doc.explanation is None and not doc.annexes:
            return None
        attachments = _el("attachments")
        if doc.explanation is not None:
            attachments.append(self.explanation(doc.explanation))
        for index, annex in enumerate(doc.annexes, start=1):
            attachments.append(self.annex(annex, index))
        return attachments

    def explanation(self, part: ExplanationPart) -> etree._Element:
        attachment = _el("attachment", {"eId": _eid(part)})
        doc = _sub(attachment, "doc", {"name": "penjelasan"})
        doc.append(self.meta_element("penjelasan", " ".join(part.title)))
        preface = _sub(doc, "preface")
        for line in part.title:
            _sub(preface, "p", None, line)
        main_body = _sub(doc, "mainBody")
        general = _sub(main_body, "hcontainer", {"name": "umum", "eId": part.general_eid or None})
        _sub(general, "num", None, part.general_heading[0])
        _sub(general, "heading", None, part.general_heading[1])
        general.append(self.rich_content(part.general))
        articles = _sub(main_body, "hcontainer", {"name": "pasalDemiPasal", "eId": part.articles_eid or None})
        _sub(articles, "num", None, part.articles_heading[0])
        _sub(articles, "heading", None, part.articles_heading[1])
        for item in part.articles:
            articles.append(self.explained(item))
        if not part.articles:
            _sub(articles, "content").append(_el("p"))
        if part.supplement_line:
            _sub(main_body, "p", {"class": "tambahan"}, part.supplement_line)
        return attachment

    def explained(self, item: Explained) -> etree._Element:
        element = _el("hcontainer", {"name": "penjelasan", "eId": _eid(item)})
        _sub(element, "num", None, item.label)
        if not item.children:
            element.append(self.rich_content(item.text))
            return element
        if item.text is not None:
            intro = _sub(element, "intro")
            for block in self.rich_blocks(item.text):
                intro.append(block)
            if not len(intro):
                _sub(intro, "p")
        for child in item.children:
            element.append(self.explained(child))
        return element

    def annex(self, annex: AnnexPart, index: int) -> etree._Element:
        attachment = _el("attachment", {"eId": _eid(annex)})
        doc = _sub(attachment, "doc", {"name": "lampiran"})
        doc.append(self.meta_element(f"lampiran_{index}", annex.title))
        preface = _sub(doc, "preface")
        _sub(preface, "p", {"class": "label"}, annex.label)
        for line in annex.header:
            _sub(preface, "p", {"class": "kepala"}, line)
        p = _sub(preface, "p", {"class": "judul"})
        _sub(p, "docTitle", None, annex.title)
        main_body = _sub(doc, "mainBody")
        for block in self.rich_blocks(annex.content):
            main_body.append(block)
        if annex.chart is not None:
            chart = _sub(main_body, "blockContainer", {"class": "bagan"})
            chart.append(self.chart([annex.chart]))
        if not len(main_body):
            _sub(main_body, "p")
        conclusions = _sub(doc, "conclusions")
        container = _sub(conclusions, "blockContainer", {"class": "penandatangan"})
        p = _sub(container, "p")
        signature = _sub(p, "signature")
        _sub(signature, "role", {"refersTo": f"#{self.tlc('TLCRole', 'jabatan', 'penetapan', annex.signature_office)}"},
             annex.signature_office)
        _sub(signature, "person", {"refersTo": f"#{self.tlc('TLCPerson', 'penandaTangan', 'penetapan', annex.signature_name)}"},
             annex.signature_name)
        return attachment

    def chart(self, units: list) -> etree._Element:
        """An organisation chart (``bagan``) as nested lists: each unit's name, its note, the units under it."""
        block_list = _el("blockList")
        for unit in units:
            item = _sub(block_list, "item", {"class": "staf" if unit.staff else None})
            _sub(item, "p", None, unit.name)
            if unit.note:
                _sub(item, "p", {"class": "keterangan"}, unit.note)
            if unit.subordinates:
                item.append(self.chart(unit.subordinates))
        return block_list

    # -- rich text (Markdown) -----------------------------------------------------------------

    def rich_content(self, text: richtext.RichText | None) -> etree._Element:
        content = _el("content")
        for block in self.rich_blocks(text):
            content.append(block)
        if not len(content):
            _sub(content, "p")
        return content

    def rich_blocks(self, text: richtext.RichText | None) -> list[etree._Element]:
        if text is None:
            return []
        out: list[etree._Element] = []
        for block in text.blocks:
            out.extend(self.rich_block(block))
        return out

    def rich_block(self, block: richtext.Block) -> list[etree._Element]:
        if isinstance(block, richtext.Paragraph):
            return [self.rich_inline(_el("p"), block.children)]
        if isinstance(block, richtext.Heading):
            return [self.rich_inline(_el("p", {"class": f"judul-{block.level}"}), block.children)]
        if isinstance(block, (richtext.BulletList, richtext.OrderedList)):
            block_list = _el("blockList")
            for number, item in enumerate(block.items, start=getattr(block, "start", 1)):
                element = _sub(block_list, "item")
                if isinstance(block, richtext.OrderedList):
                    _sub(element, "num", None, f"{number}.")
                for child in item.blocks:
                    for converted in self.rich_block(child):
                        element.append(converted)
                if len(element) == (1 if isinstance(block, richtext.OrderedList) else 0):
                    _sub(element, "p")
            if not len(block_list):
                return []
            return [block_list]
        if isinstance(block, richtext.Table):
            table = _el("table")
            if block.header:
                row = _sub(table, "tr")
                for cell in block.header:
                    self.rich_inline(_sub(_sub(row, "th"), "p"), cell.children)
            for cells in block.rows:
                row = _sub(table, "tr")
                for cell in cells:
                    self.rich_inline(_sub(_sub(row, "td"), "p"), cell.children)
            if not len(table):
                return []
            return [table]
        if isinstance(block, richtext.BlockQuote):
            container = _el("blockContainer", {"class": "kutipan"})
            for child in block.blocks:
                for converted in self.rich_block(child):
                    container.append(converted)
            if not len(container):
                _sub(container, "p")
            return [container]
        if isinstance(block, (richtext.CodeBlock, richtext.RawBlock)):
            return [_el("p", None, block.text)]
        return []  # a thematic break

    def rich_inline(self, parent: etree._Element, items: Iterable[richtext.Inline]) -> etree._Element:
        for item in items:
            if isinstance(item, (richtext.Text, richtext.Raw, richtext.Code)):
                _append_text(parent, item.text)
            elif isinstance(item, richtext.LineBreak):
                _sub(parent, "br")
            elif isinstance(item, richtext.Emphasis):
                self.rich_inline(_sub(parent, "i"), item.children)
            elif isinstance(item, richtext.Strong):
                self.rich_inline(_sub(parent, "b"), item.children)
            elif isinstance(item, richtext.Link):
                href = self.href(item.target) if item.target.startswith("#") else item.target
                if href is None:
                    self.rich_inline(parent, item.children)
                else:
                    self.rich_inline(_sub(parent, "ref", {"href": href}), item.children)
            elif isinstance(item, richtext.Image):
                _sub(parent, "img", {"src": item.source, "alt": item.alt or None})
        return parent



def metadata(data: ProjectData, record_id: str, today: dt.date) -> Metadata | Diagnostic:
    """What :func:`render` needs besides the tree, from the project; a P465 (located at ``daerah`` in
    rancang.yaml) when the region has no Kemendagri code, so no URI can be made."""
    from rancang.present.titles import regulation_title

    settings, regulation = data.settings, data.regulations[record_id]
    assert settings is not None
    uri = regulation_uri(settings, regulation, record_id, today)
    if uri is None:
        return missing_code(data)
    catalogue = data.catalogue
    cited = sorted((c for c in regulation.legal_bases if c.id in catalogue),
                   key=lambda citation: hierarchy_key(catalogue[citation.id]))
    publication = None
    promulgation = regulation.promulgation
    if not regulation.is_draft and not (regulation.kind is not None and regulation.kind.is_decree) \
            and promulgation.date is not None and promulgation.date.day:
        from rancang.language.regulation_words import kind_words

        words = kind_words(settings, regulation.kind)
        number = promulgation.regional_gazette_number if words.regional else promulgation.gazette_number
        publication = (words.gazette, promulgation.date.as_date(), None if number is None else str(number))
    amends = None
    if regulation.amends is not None:
        amends = _act_reference(data, regulation.amends, today)
    amended_by = []
    for other_id, other in sorted(data.regulations.items()):
        if other.amends == record_id and not other.is_draft:
            other_uri = regulation_uri(settings, other, other_id, today)
            if other_uri is not None and other.enactment.date is not None:
                amended_by.append(Amendment(other_uri.work, regulation_title(settings, other, data),
                                            other.enactment.date.as_date()))
    return Metadata(
        uri=uri,
        title=regulation_title(settings, regulation, data),
        author=settings.office_title,
        citations=[catalogue_uri(catalogue[c.id], settings) for c in cited],
        terms=[definition.term for definition in regulation.definitions],
        publication=publication,
        amends=amends,
        amended_by=amended_by,
        made=today if regulation.is_draft else None,
        enacted=_whole(regulation.enactment.date),
        promulgated=_whole(regulation.promulgation.date),
    )


def _whole(value) -> dt.date | None:
    """A partial date as a date when it has its day."""
    return value.as_date() if value is not None and value.day else None


def _act_reference(data: ProjectData, act_id: str, today: dt.date) -> Amendment | None:
    """The act a Perubahan amends: a regulation of the project, or an act of the catalogue."""
    from rancang.language.citation import name_of
    from rancang.present.titles import regulation_title

    settings = data.settings
    assert settings is not None
    if act_id in data.regulations:
        other = data.regulations[act_id]
        other_uri = regulation_uri(settings, other, act_id, today)
        if other_uri is None:
            return None
        return Amendment(other_uri.work, regulation_title(settings, other, data))
    entry = data.catalogue.get(act_id)
    if entry is None:
        return None
    href = catalogue_uri(entry, settings)
    return None if href is None else Amendment(href, name_of(entry, settings))


def missing_code(data: ProjectData) -> Diagnostic:
    """P465: the region's Kemendagri code is not in rancang.yaml."""
    settings = data.settings
    assert settings is not None
    return Diagnostic(
        "P465", "kode wilayah Kemendagri daerah belum diisi, jadi alamat Akoma Ntoso (/akn/id-<kode>/...) "
                "peraturan tidak dapat dibuat dan berkas Akoma Ntoso tidak ditulis",
        locate(settings, "region"), Severity.ERROR,
        "isi 'kode' di bawah 'daerah' dengan kode wilayah Kemendagri di antara tanda kutip, misalnya "
        "kode: \"73.72\"; cocokkan dengan Permendagri tentang kode wilayah, jangan menebak")
