"""A regulation as a readable web page, from the same numbered tree as the DOCX.

Every Pasal, ayat and butir has its anchor (``#pasal-5``, ``#pasal-5-ayat-2``)
and every resolved reference is a link. Nothing is numbered here. A Perda adds
its joint approval, its NOREG line and its Penjelasan (``#penjelasan``, every
element explained with its own anchor ``#penjelasan-pasal-5-ayat-2``); an
amending regulation's Pasal I its change points, the quoted new text under each.
A Keputusan Kepala Daerah (``Document.decree``) shows its Memperhatikan like Mengingat, its diktum under
Menetapkan (``#diktum-kesatu``, its rincian ``#diktum-kedua-huruf-a``), the signature without promulgation, and
its Tembusan, numbered.
The page is made of docutils nodes (Sphinx writes the HTML), never of HTML text.

Every element with an Akoma Ntoso eId (:mod:`rancang.drafting.eids`, assigned with the tree) carries it as one
more HTML id after its own anchor (``#pasal-5`` and ``#chp_II__sec_5``), so an address in the regulation's
Akoma Ntoso file (linked in the download line, ``akn/<id>.xml``) opens the same element here; the old anchors
keep working. A rincian's blockList has no element of its own here: its eId is on its first item.

An amended regulation's page shows its consolidated text (naskah terintegrasi,
:meth:`rancang.drafting.consolidation.History.consolidated`) with :class:`Consolidated`: the notice saying what
the text is, the *riwayat versi* (the original and each amendment: citation, enacted date or "rancangan", link to
its page, and each amendment's change points linking to the element they touched here), then the text, every
marked element followed by its notes ("[Diubah dengan ...]", a link to the change point on the amendment's page).
Its anchors are those of the frozen labels (the consolidated text is built with them: ``#pasal-12a``,
``#pasal-2-ayat-1a``, ``#bab-4a``), so every enacted element keeps the anchor it had on the unamended page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from docutils import nodes

from rancang.drafting.tree import (
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
    Mark,
    Point,
    RichText,
    Span,
)
from rancang.models.regulation import OrgUnit
from rancang.render.bagan import NotInstalled, placeholder, svg
from rancang.site.richtext import ImageUri, no_images, nodes_of


def rich(text: RichText, parent: nodes.Element) -> nodes.Element:
    """The spans of a text into ``parent``: references as links, italic spans as ``<em>``, bold as ``<strong>``."""
    for span in text:
        node: nodes.Node
        if span.target:
            node = nodes.reference("", span.text, internal=True, refuri=f"#{span.target}")
        else:
            node = nodes.Text(span.text)
        if span.italic:
            node = nodes.emphasis("", "", node)
        if span.bold:
            node = nodes.strong("", "", node)
        parent += node
    return parent


def chart_node(chart: OrgUnit) -> nodes.Element:
    """A lampiran's organisation chart: Graphviz's SVG as a raw HTML node (the markup is Graphviz's, its texts
    escaped by it), or, without Graphviz, a note in its place (the build reports P413 at the ``bagan:`` key)."""
    box = nodes.container(classes=["rancang-bagan-wadah"])
    try:
        box += nodes.raw("", svg(chart), format="html")
    except NotInstalled:
        box += nodes.paragraph(text=placeholder(chart), classes=["rancang-bagan-kosong"])
    return box


def _ids(*names: str) -> list[str]:
    """The HTML ids of an element: its anchor first (the address links have always used), then its eId; empty
    names left out."""
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


def _labelled(label: str | None, text: RichText, anchor: str, classes: list[str], *more: str) -> nodes.paragraph:
    para = nodes.paragraph(ids=_ids(anchor, *more), classes=classes)
    if label:
        para += nodes.inline(text=f"{label} ", classes=["rancang-label"])
    return rich(text, para)


def _list(title: str, entries: list[ListEntry], anchor: str, eid: str = "") -> nodes.container:
    box = nodes.container(ids=_ids(anchor, eid), classes=["rancang-konsiderans"])
    box += nodes.paragraph(text=title, classes=["rancang-konsiderans-judul"])
    for entry in entries:
        box += _labelled(entry.label, entry.text, "", ["rancang-butir-konsiderans"], entry.eid)
    return box


Notes = Callable[[list[Mark]], list[nodes.Node]]
"""The nodes of an element's marks (none outside a consolidated text)."""


def _no_notes(marks: list[Mark]) -> list[nodes.Node]:
    return []


def _points(points: list[Point], level: int, notes: Notes = _no_notes, list_eid: str = "") -> list[nodes.Node]:
    """The items of a rincian, flat, each indented by its level; ``list_eid`` (the rincian's blockList) goes on
    the first item."""
    out: list[nodes.Node] = []
    for index, point in enumerate(points):
        out.append(_labelled(point.label, point.text, point.anchor, ["rancang-rincian", f"rancang-tingkat-{level}"],
                             point.eid, "" if index else list_eid))
        out.extend(_points(point.points, level + 1, notes, point.list_eid))
        if point.closing:
            out.append(_labelled(None, point.closing, "", ["rancang-rincian", f"rancang-tingkat-{level}"]))
        out.extend(notes(point.marks))
    return out


def _clause(clause: Clause, numbered: bool, notes: Notes = _no_notes) -> list[nodes.Node]:
    out: list[nodes.Node] = [_labelled(clause.label, clause.text, clause.anchor if numbered else "",
                                       ["rancang-ayat" if numbered else "rancang-norma"], clause.eid)]
    out.extend(_points(clause.points, 2 if numbered else 1, notes, clause.list_eid))
    if clause.closing:
        out.append(_labelled(None, clause.closing, "", ["rancang-lanjutan"]))
    out.extend(notes(clause.marks))
    return out


def _change(change: Change, list_eid: str = "") -> nodes.container:
    """A change point of an amending regulation: ``1.`` and its instruction, then the quoted new text; the first
    carries the eId of Pasal I's list of change points too."""
    box = nodes.container(ids=_ids(change.anchor, change.eid, list_eid), classes=["rancang-perubahan"])
    if change.label or change.text:  # the single form: its instruction is the Pasal's lead
        box += _labelled(change.label, change.text, "", ["rancang-rincian", "rancang-tingkat-1"])
    if change.quoted:
        quoted = nodes.container(ids=_ids(change.quoted_eid), classes=["rancang-naskah"])
        for line in change.quoted:
            quoted += rich(line.text, nodes.paragraph(
                classes=["rancang-naskah-judul" if line.heading else "rancang-naskah-baris"]))
        box += quoted
    return box


def _article(article: Article, notes: Notes = _no_notes) -> nodes.container:
    box = nodes.container(ids=_ids(article.anchor, article.eid), classes=["rancang-pasal"])
    box += nodes.paragraph(text=article.label, classes=["rancang-judul-pasal"])
    for clause in article.clauses:
        for node in _clause(clause, clause.label is not None, notes):
            box += node
    for index, change in enumerate(article.changes):
        box += _change(change, "" if index else article.list_eid)
    box.extend(notes(article.marks))
    return box


def _dictum(dictum: Dictum, classes: tuple[str, ...] | list[str] = ()) -> nodes.container:
    """``KESATU :`` and its text, its rincian under the text (the style sheet hangs the label); a Keputusan's
    ``Menetapkan :`` line too."""
    box = nodes.container(ids=_ids(dictum.anchor, dictum.eid), classes=["rancang-diktum", *classes])
    para = nodes.paragraph(classes=["rancang-teks-diktum"])
    para += nodes.inline(text=f"{dictum.label} ", classes=["rancang-label-diktum"])
    para += nodes.inline(text=": ", classes=["rancang-titik-dua"])
    box += rich(dictum.text, para)
    box.extend(_points(dictum.points, 1, list_eid=dictum.list_eid))
    if dictum.closing:
        box += _labelled(None, dictum.closing, "", ["rancang-lanjutan-diktum"])
    return box


def copies_node(copies: list[str]) -> nodes.container:
    """``Tembusan:`` and to whom copies go, numbered as in the DOCX."""
    box = nodes.container(ids=["tembusan"], classes=["rancang-tembusan"])
    box += nodes.paragraph(text="Tembusan:", classes=["rancang-tembusan-judul"])
    for number, entry in enumerate(copies, start=1):
        box += _labelled(f"{number}.", [Span(entry)], "", ["rancang-butir-tembusan"])
    return box


def _explained(item: Explained, image_uri: ImageUri) -> nodes.container:
    """A Pasal, ayat or huruf of II. PASAL DEMI PASAL: its label, its explanation, the elements under it (nested:
    the style sheet indents each level)."""
    box = nodes.container(ids=_ids(item.anchor, item.eid),
                          classes=["rancang-unsur-penjelasan", f"rancang-tingkat-{item.depth}"])
    label = nodes.paragraph(classes=["rancang-label-penjelasan"])
    label += nodes.reference("", item.label, internal=True, refuri=f"#{item.target}")
    box += label
    if item.text is not None:
        box.extend(nodes_of(item.text, image_uri))
    for child in item.children:
        box += _explained(child, image_uri)
    return box


def explanation_node(part: ExplanationPart, image_uri: ImageUri = no_images) -> nodes.container:
    """A Perda's Penjelasan: its title, I. UMUM (rich text), II. PASAL DEMI PASAL, the Tambahan line."""
    box = nodes.container(ids=_ids(part.anchor, part.eid), classes=["rancang-penjelasan"])
    head = nodes.container(classes=["rancang-kepala-penjelasan"])
    for line in part.title:
        head += nodes.paragraph(text=line, classes=["rancang-tengah"])
    box += head
    for (number, title), content, eid in ((part.general_heading, None, part.general_eid),
                                          (part.articles_heading, part.articles, part.articles_eid)):
        heading = nodes.paragraph(ids=_ids(eid), classes=["rancang-bagian-penjelasan"])
        heading += nodes.inline(text=f"{number} ", classes=["rancang-label"])
        heading += nodes.Text(title)
        box += heading
        if content is None:
            general = nodes.container(classes=["rancang-penjelasan-umum"])
            general.extend(nodes_of(part.general, image_uri))
            box += general
        else:
            for item in content:
                box += _explained(item, image_uri)
    box += nodes.paragraph(text=part.supplement_line, classes=["rancang-berita-daerah"])
    return box


def _body(items: list, notes: Notes = _no_notes) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for item in items:
        if isinstance(item, Group):
            box = nodes.container(ids=_ids(item.anchor, item.eid), classes=[f"rancang-{item.kind}"])
            box += nodes.paragraph(text=item.label, classes=[f"rancang-judul-{item.kind}"])
            if item.title:  # a deleted BAB of a consolidated text may keep only its label
                box += nodes.paragraph(text=item.title, classes=[f"rancang-judul-{item.kind}"])
            box.extend(notes(item.marks))
            for node in _body(item.children, notes):
                box += node
            out.append(box)
        else:
            out.append(_article(item, notes))
    return out


# -- the consolidated text ------------------------------------------------------------------------------------


@dataclass
class VersionPoint:
    """A change point of an amendment, as the riwayat versi lists it."""

    label: str
    """``1.``"""
    instruction: str
    """Its instruction as Pasal I prints it ("Ketentuan ayat (2) Pasal 2 diubah ...")."""
    anchor: str | None
    """The anchor of the element it changed on this page (None: no element carries its mark)."""


@dataclass
class Version:
    """One version in the riwayat versi: the original regulation or one amendment."""

    citation: str
    state: str
    """``ditetapkan 1 Februari 2024`` or ``rancangan``."""
    uri: str | None
    """Its page, relative to this one."""
    points: list[VersionPoint] = field(default_factory=list)


@dataclass
class Consolidated:
    """What an amended regulation's page shows besides its consolidated text."""

    versions: list[Version]
    mark_uri: Callable[[Mark], str | None]
    """The link of a mark: the change point on the amendment's page (``../regulations/x.html#pasal-1-perubahan-2``)."""


def mark_text(mark: Mark) -> str:
    """A note as a reader sees it, as in the DOCX: in square brackets."""
    return f"[{mark.text}]"


def marked_anchors(document: Document) -> dict[str, str]:
    """The anchor of the first element carrying each mark target (``<amendment id>#pasal-1-perubahan-2``), in
    document order: where the riwayat versi links a change point."""
    found: dict[str, str] = {}

    def note(marks: list[Mark], anchor: str) -> None:
        for mark in marks:
            if mark.target and anchor:
                found.setdefault(mark.target, anchor)

    def points(items: list[Point]) -> None:
        for item in items:
            note(item.marks, item.anchor)
            points(item.points)

    def walk(items: list[BodyItem]) -> None:
        for item in items:
            note(item.marks, item.anchor)
            if isinstance(item, Group):
                walk(item.children)
            else:
                for clause in item.clauses:
                    note(clause.marks, clause.anchor)
                    points(clause.points)

    walk(document.body)
    return found


def _notes(mark_uri: Callable[[Mark], str | None]) -> Notes:
    def notes(marks: list[Mark]) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for mark in marks:
            para = nodes.paragraph(classes=["rancang-catatan-perubahan", f"rancang-catatan-{mark.action}"])
            uri = mark_uri(mark)
            para += nodes.Text("[")
            para += nodes.reference("", mark.text, refuri=uri) if uri else nodes.Text(mark.text)
            para += nodes.Text("]")
            out.append(para)
        return out

    return notes


def history_node(versions: list[Version]) -> nodes.container:
    """The riwayat versi: each version as an item (its citation linking its page, its state), an amendment's
    change points under it, each instruction linking the element it changed on this page."""
    box = nodes.container(ids=["riwayat-versi"], classes=["rancang-riwayat-versi"])
    box += nodes.paragraph(text="Riwayat versi", classes=["rancang-riwayat-judul"])
    listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for version in versions:
        item = nodes.list_item(classes=["rancang-versi"])
        para = nodes.paragraph()
        para += nodes.reference("", version.citation, internal=True, refuri=version.uri) if version.uri \
            else nodes.Text(version.citation)
        para += nodes.Text(f" ({version.state})")
        item += para
        if version.points:
            points = nodes.bullet_list(classes=["rancang-butir-versi"])
            for point in version.points:
                entry = nodes.paragraph()
                if point.label:
                    entry += nodes.inline(text=f"{point.label} ", classes=["rancang-label"])
                entry += nodes.reference("", point.instruction, internal=True, refuri=f"#{point.anchor}") \
                    if point.anchor else nodes.Text(point.instruction)
                points += nodes.list_item("", entry)
            item += points
        listing += item
    box += listing
    return box


def _signature(block, classes: str) -> nodes.container:
    box = nodes.container(classes=[classes])
    for line in (block.place_line, block.date_line, block.office, block.name):
        box += nodes.paragraph(text=line)
    return box


def regulation_nodes(document: Document, page_title: str, downloads: list[tuple[str, str]],
                     image_uri: ImageUri = no_images, consolidated: Consolidated | None = None,
                     links: tuple[tuple[str, str, str], ...] = ()) -> list[nodes.Node]:
    """``downloads``: (label, relative URL) of the DOCX/PDF of this regulation; ``image_uri`` places the images
    of the lampiran (:func:`rancang.site.richtext.project_images`); ``consolidated``: ``document`` is an amended
    regulation's consolidated text, shown with its notice, riwayat versi and notes; ``links``: (lead, text,
    relative URL) paragraphs under the downloads (an amendment's link to the consolidated text)."""
    section = nodes.section(ids=["peraturan"], names=["peraturan"])
    section += nodes.title(page_title, page_title)
    if downloads:
        para = nodes.paragraph(classes=["rancang-unduh"])
        para += nodes.Text("Unduh: ")
        for index, (label, url) in enumerate(downloads):
            if index:
                para += nodes.Text(" · ")
            para += nodes.reference("", label, refuri=url)
        section += para
    for lead, text, url in links:
        para = nodes.paragraph(classes=["rancang-tautan-naskah"])
        para += nodes.Text(f"{lead}: ")
        para += nodes.reference("", text, internal=True, refuri=url)
        section += para
    notes = _no_notes
    if consolidated is not None:
        notice = nodes.container(classes=["rancang-keterangan-naskah"])
        for line in document.notice:
            notice += nodes.paragraph(text=line)
        section += notice
        section += history_node(consolidated.versions)
        notes = _notes(consolidated.mark_uri)
    head = nodes.container(classes=["rancang-kepala-peraturan"])
    for line in [*document.heading, *document.title, document.invocation, document.office_line]:
        if not line:  # a Keputusan without "DENGAN RAHMAT ..." (setting dokumen.keputusan_dengan_rahmat)
            continue
        head += nodes.paragraph(text=line, classes=["rancang-tengah"])
    section += head
    section += _list("Menimbang", document.considerations, "menimbang", document.recitals_eid)
    section += _list("Mengingat", document.legal_bases, "mengingat", document.citations_eid)
    if document.noted:
        section += _list("Memperhatikan", document.noted, "memperhatikan", document.noted_eid)
    if document.approval:
        approval = nodes.container(classes=["rancang-persetujuan"])
        for line in document.approval:
            approval += nodes.paragraph(text=line, classes=["rancang-tengah"])
        section += approval
    section += nodes.paragraph(text=document.decision, classes=["rancang-tengah"])
    if document.decree:  # in line with the diktum under it
        section += _dictum(Dictum(document.enact_label, [Span(document.enact_text)]), ["rancang-menetapkan"])
    else:
        section += nodes.paragraph(text=f"{document.enact_label}: {document.enact_text}",
                                   classes=["rancang-menetapkan"])
    for node in _body(document.body, notes):
        section += node
    if document.decree:  # not promulgated: signed, then the Tembusan
        for dictum in document.dicta:
            section += _dictum(dictum)
        section += _signature(document.enactment, "rancang-tanda-tangan")
        if document.copies:
            section += copies_node(document.copies)
    else:
        section += nodes.paragraph(text=document.promulgation_order, classes=["rancang-penutup"])
        section += _signature(document.enactment, "rancang-tanda-tangan")
        section += _signature(document.promulgation, "rancang-pengundangan")
        section += nodes.paragraph(text=document.gazette_line, classes=["rancang-berita-daerah"])
    if document.register_line is not None:
        section += nodes.paragraph(text=document.register_line, classes=["rancang-noreg"])
    if document.explanation is not None:
        section += explanation_node(document.explanation, image_uri)
    for annex in document.annexes:
        box = nodes.container(ids=_ids(annex.anchor, annex.eid), classes=["rancang-lampiran"])
        for line in annex.header:
            box += nodes.paragraph(text=line, classes=["rancang-kepala-lampiran"])
        box += nodes.paragraph(text=annex.title, classes=["rancang-tengah"])
        box.extend(nodes_of(annex.content, image_uri))
        if annex.chart is not None:
            box += chart_node(annex.chart)
        section += box
    return [section]
