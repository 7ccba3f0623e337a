"""A regulation as a readable web page, from the same numbered tree as the DOCX.

Every Pasal, ayat and butir has its anchor (``#pasal-5``, ``#pasal-5-ayat-2``)
and every resolved reference is a link. Nothing is numbered here. A Perda adds
its joint approval, its NOREG line and its Penjelasan (``#penjelasan``, every
element explained with its own anchor ``#penjelasan-pasal-5-ayat-2``); an
amending regulation's Pasal I its change points, the quoted new text under each.
The page is made of docutils nodes (Sphinx writes the HTML), never of HTML text.
"""

from __future__ import annotations

from docutils import nodes

from rancang.drafting.tree import (
    Article,
    Change,
    Clause,
    Document,
    Explained,
    ExplanationPart,
    Group,
    ListEntry,
    Point,
    RichText,
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


def _labelled(label: str | None, text: RichText, anchor: str, classes: list[str]) -> nodes.paragraph:
    para = nodes.paragraph(ids=[anchor] if anchor else [], classes=classes)
    if label:
        para += nodes.inline(text=f"{label} ", classes=["rancang-label"])
    return rich(text, para)


def _list(title: str, entries: list[ListEntry], anchor: str) -> nodes.container:
    box = nodes.container(ids=[anchor], classes=["rancang-konsiderans"])
    box += nodes.paragraph(text=title, classes=["rancang-konsiderans-judul"])
    for entry in entries:
        box += _labelled(entry.label, entry.text, "", ["rancang-butir-konsiderans"])
    return box


def _points(points: list[Point], level: int) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for point in points:
        out.append(_labelled(point.label, point.text, point.anchor, ["rancang-rincian", f"rancang-tingkat-{level}"]))
        out.extend(_points(point.points, level + 1))
        if point.closing:
            out.append(_labelled(None, point.closing, "", ["rancang-rincian", f"rancang-tingkat-{level}"]))
    return out


def _clause(clause: Clause, numbered: bool) -> list[nodes.Node]:
    out: list[nodes.Node] = [_labelled(clause.label, clause.text, clause.anchor if numbered else "",
                                       ["rancang-ayat" if numbered else "rancang-norma"])]
    out.extend(_points(clause.points, 2 if numbered else 1))
    if clause.closing:
        out.append(_labelled(None, clause.closing, "", ["rancang-lanjutan"]))
    return out


def _change(change: Change) -> nodes.container:
    """A change point of an amending regulation: ``1.`` and its instruction, then the quoted new text."""
    box = nodes.container(ids=[change.anchor], classes=["rancang-perubahan"])
    box += _labelled(change.label, change.text, "", ["rancang-rincian", "rancang-tingkat-1"])
    if change.quoted:
        quoted = nodes.container(classes=["rancang-naskah"])
        for line in change.quoted:
            quoted += rich(line.text, nodes.paragraph(
                classes=["rancang-naskah-judul" if line.heading else "rancang-naskah-baris"]))
        box += quoted
    return box


def _article(article: Article) -> nodes.container:
    box = nodes.container(ids=[article.anchor], classes=["rancang-pasal"])
    box += nodes.paragraph(text=article.label, classes=["rancang-judul-pasal"])
    for clause in article.clauses:
        for node in _clause(clause, clause.label is not None):
            box += node
    for change in article.changes:
        box += _change(change)
    return box


def _explained(item: Explained, image_uri: ImageUri) -> nodes.container:
    """A Pasal, ayat or huruf of II. PASAL DEMI PASAL: its label, its explanation, the elements under it (nested:
    the style sheet indents each level)."""
    box = nodes.container(ids=[item.anchor], classes=["rancang-unsur-penjelasan", f"rancang-tingkat-{item.depth}"])
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
    box = nodes.container(ids=[part.anchor], classes=["rancang-penjelasan"])
    head = nodes.container(classes=["rancang-kepala-penjelasan"])
    for line in part.title:
        head += nodes.paragraph(text=line, classes=["rancang-tengah"])
    box += head
    for (number, title), content in ((part.general_heading, None), (part.articles_heading, part.articles)):
        heading = nodes.paragraph(classes=["rancang-bagian-penjelasan"])
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


def _body(items: list) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for item in items:
        if isinstance(item, Group):
            box = nodes.container(ids=[item.anchor], classes=[f"rancang-{item.kind}"])
            box += nodes.paragraph(text=item.label, classes=[f"rancang-judul-{item.kind}"])
            box += nodes.paragraph(text=item.title, classes=[f"rancang-judul-{item.kind}"])
            for node in _body(item.children):
                box += node
            out.append(box)
        else:
            out.append(_article(item))
    return out


def regulation_nodes(document: Document, page_title: str, downloads: list[tuple[str, str]],
                     image_uri: ImageUri = no_images) -> list[nodes.Node]:
    """``downloads``: (label, relative URL) of the DOCX/PDF of this regulation; ``image_uri`` places the images
    of the lampiran (:func:`rancang.site.richtext.project_images`)."""
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
    head = nodes.container(classes=["rancang-kepala-peraturan"])
    for line in [*document.heading, *document.title, document.invocation, document.office_line]:
        head += nodes.paragraph(text=line, classes=["rancang-tengah"])
    section += head
    section += _list("Menimbang", document.considerations, "menimbang")
    section += _list("Mengingat", document.legal_bases, "mengingat")
    if document.approval:
        approval = nodes.container(classes=["rancang-persetujuan"])
        for line in document.approval:
            approval += nodes.paragraph(text=line, classes=["rancang-tengah"])
        section += approval
    section += nodes.paragraph(text=document.decision, classes=["rancang-tengah"])
    section += nodes.paragraph(text=f"{document.enact_label}: {document.enact_text}", classes=["rancang-menetapkan"])
    for node in _body(document.body):
        section += node
    section += nodes.paragraph(text=document.promulgation_order, classes=["rancang-penutup"])
    for block, classes in ((document.enactment, "rancang-tanda-tangan"), (document.promulgation,
                                                                           "rancang-pengundangan")):
        box = nodes.container(classes=[classes])
        for line in (block.place_line, block.date_line, block.office, block.name):
            box += nodes.paragraph(text=line)
        section += box
    section += nodes.paragraph(text=document.gazette_line, classes=["rancang-berita-daerah"])
    if document.register_line is not None:
        section += nodes.paragraph(text=document.register_line, classes=["rancang-noreg"])
    if document.explanation is not None:
        section += explanation_node(document.explanation, image_uri)
    for annex in document.annexes:
        box = nodes.container(ids=[annex.anchor], classes=["rancang-lampiran"])
        for line in annex.header:
            box += nodes.paragraph(text=line, classes=["rancang-kepala-lampiran"])
        box += nodes.paragraph(text=annex.title, classes=["rancang-tengah"])
        box.extend(nodes_of(annex.content, image_uri))
        if annex.chart is not None:
            box += chart_node(annex.chart)
        section += box
    return [section]
