"""The page of one innovation, as docutils nodes, from its view (:class:`rancang.present.innovation.InnovationView`).

Facts table (the region line among them), last-verified date (with a warning when it is stale), narrative
sections (process steps and the driving and hindering factors among them, in the view's order), images
(figures with their caption and source), indicators (baseline -> result, change), awards, budget (always: "Anggaran
belum tercatat dalam direktori." as in the visit's brief when the profile gives none), replication,
legal basis (linked to the regulation's page when it is one of the project's regulations), contact (with its
address and phone numbers) and sources. What each
part says comes from the view; this module only decides how it looks. The facts table, the indicators and the
awards are also embedded in case studies (:mod:`rancang.site.casestudies`) by the functions below.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

from docutils import nodes

from rancang.present.innovation import UNKNOWN, IndicatorView, InnovationView, LegalLine
from rancang.present.replication import LinkLine, Party, ProfileLinks
from rancang.site.richtext import ImageUri, no_images, nodes_of
from rancang.visits.content import NOT_IN_DIRECTORY

RegulationLink = Callable[[str], "str | None"]
"""The URI of the page of the project's regulation ``id`` relative to the page shown, None when there is none."""

PartyLink = Callable[[Party], "str | None"]
"""The URI of the page of an innovation a replication link names, None when it has none (a region)."""


def section(title: str, anchor: str) -> nodes.section:
    part = nodes.section(ids=[anchor], names=[anchor])
    part += nodes.title(title, title)
    return part


def two_columns(rows: Iterable[tuple[str, nodes.Node | str]], classes: list[str]) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=2)
    table += group
    group += nodes.colspec(colwidth=30)
    group += nodes.colspec(colwidth=70)
    body = nodes.tbody()
    group += body
    for label, value in rows:
        row = nodes.row()
        row += nodes.entry("", nodes.paragraph(text=label))
        cell = nodes.entry()
        cell += value if isinstance(value, nodes.Node) else nodes.paragraph(text=value)
        row += cell
        body += row
    return table


def facts_table(view: InnovationView) -> nodes.table:
    """The facts, in the view's order; an unknown fact says so (class ``rancang-belum-tercatat``)."""
    rows = []
    for fact in view.facts:
        rows.append((fact.label, fact.value if fact.known else
                     nodes.paragraph(text=UNKNOWN, classes=["rancang-belum-tercatat"])))
    return two_columns(rows, ["rancang-fakta"])


def indicator_table(indicators: tuple[IndicatorView, ...]) -> nodes.table:
    """Indikator, Awal, Hasil, Perubahan: the values with their unit, year and note."""
    table = nodes.table(classes=["rancang-indikator"])
    group = nodes.tgroup(cols=4)
    table += group
    for width in (31, 23, 23, 23):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    header = nodes.row()
    for label in ("Indikator", "Awal", "Hasil", "Perubahan"):
        header += nodes.entry("", nodes.paragraph(text=label))
    head += header
    body = nodes.tbody()
    group += body
    for indicator in indicators:
        row = nodes.row()
        for value in (indicator.name, indicator.baseline or UNKNOWN, indicator.result or UNKNOWN,
                      indicator.change or "–"):
            row += nodes.entry("", nodes.paragraph(text=value))
        body += row
    return table


def award_list(view: InnovationView) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["rancang-linimasa"])
    for award in view.awards:
        items += nodes.list_item("", nodes.paragraph(text=award.text))
    return items


def legal_list(lines: tuple[LegalLine, ...], regulation_link: RegulationLink) -> nodes.bullet_list:
    """The legal basis in the view's order; a line is a link to the regulation's page when the project has it."""
    items = nodes.bullet_list(classes=["rancang-dasar-hukum"])
    for line in lines:
        para = nodes.paragraph()
        target = regulation_link(line.target) if line.target else None
        if target:
            para += nodes.reference("", line.text, internal=True, refuri=target)
        else:
            para += nodes.Text(line.text)
        items += nodes.list_item("", para)
    return items


def figure(image, image_uri: ImageUri) -> nodes.figure | None:
    """An image of the profile with its caption and source; None when ``image_uri`` does not place it."""
    uri = image_uri(image.file)
    if uri is None:
        return None
    box = nodes.figure(classes=["rancang-gambar"])
    box += nodes.image(uri=uri, alt=image.caption)
    box += nodes.caption(text=image.caption)
    if image.credit:
        box += nodes.legend("", nodes.paragraph(text=image.credit, classes=["rancang-sumber-gambar"]))
    return box


def link_list(lines: tuple[LinkLine, ...], party_link: PartyLink) -> nodes.bullet_list:
    """Replication links: the other innovation's name linked to its page, then its region, year and notes."""
    items = nodes.bullet_list(classes=["rancang-replikasi-tautan"])
    for line in lines:
        para = nodes.paragraph()
        uri = party_link(line.party)
        if uri:
            para += nodes.reference("", line.party.name, refuri=uri, internal=line.party.record_id is not None)
        else:
            para += nodes.Text(line.party.name)
        if line.details:
            para += nodes.Text(line.details)
        items += nodes.list_item("", para)
    return items


def profile_nodes(view: InnovationView, today: dt.date, regulation_link: RegulationLink,
                  image_uri: ImageUri = no_images, replication: ProfileLinks | None = None,
                  party_link: PartyLink = lambda party: None) -> list[nodes.Node]:
    """The page of ``view``'s innovation. ``image_uri`` places the images of the profile and of its Markdown
    fields (:func:`rancang.site.richtext.project_images`). ``replication``: the innovation's replication links,
    whichever profile records them (:func:`rancang.present.replication.links_by_record`), each a link given by
    ``party_link``; without them, the entries of the profile itself, as text."""
    page = section(view.name, f"inovasi-{view.id}")
    if view.other_names:
        page += nodes.paragraph(text="Juga dikenal sebagai: " + ", ".join(view.other_names),
                                classes=["rancang-nama-lain"])
    card = nodes.container(classes=["rancang-ringkas", "sd-card", "sd-shadow-sm"])
    card += facts_table(view)
    page += card
    text, stale = view.verification(today)
    page += nodes.paragraph(text=text, classes=["rancang-basi" if stale else "rancang-verifikasi"])

    for item in view.narrative:
        part = section(item.title, item.key)
        part.extend(nodes_of(item.tree, image_uri))
        page += part

    figures = [box for box in (figure(image, image_uri) for image in view.images) if box is not None]
    if figures:
        part = section("Gambar", "gambar")
        part.extend(figures)
        page += part

    if view.indicators:
        part = section("Indikator", "indikator")
        part += indicator_table(view.indicators)
        page += part

    if view.awards:
        part = section("Penghargaan", "penghargaan")
        part += award_list(view)
        page += part

    part = section("Anggaran", "anggaran")  # always, as in the visit's brief: a missing budget says so
    if view.budget:
        items = nodes.bullet_list(classes=["rancang-anggaran"])
        for budget in view.budget:
            items += nodes.list_item("", nodes.paragraph(text=budget.text))
        part += items
    else:
        part += nodes.paragraph(text=f"Anggaran {NOT_IN_DIRECTORY}.", classes=["rancang-belum-tercatat"])
    page += part

    notes = view.replication
    if notes is not None or replication:
        part = section("Replikasi", "replikasi")
        if replication:
            for label, lines in (("Mereplikasi", replication.origin), ("Direplikasi oleh", replication.adopters)):
                if lines:
                    part += nodes.paragraph(text=f"{label}:", classes=["rancang-replikasi-arah"])
                    part += link_list(lines, party_link)
        elif notes is not None:
            for label, entries in (("Mereplikasi dari", notes.origin), ("Direplikasi oleh", notes.adopters)):
                if entries:
                    part += nodes.paragraph(text=f"{label}: " + "; ".join(entries))
        for note in (notes.requirements, notes.lessons) if notes is not None else ():
            if note is not None:
                part += nodes.rubric(text=note.title)
                part.extend(nodes_of(note.tree, image_uri))
        page += part

    if view.legal_basis:
        part = section("Dasar hukum", "dasar-hukum")
        part += legal_list(view.legal_basis, regulation_link)
        page += part

    if view.contacts:
        part = section("Kontak", "kontak")
        rows = []
        for line in view.contacts:
            if line.link:
                rows.append((line.label, nodes.paragraph("", "", nodes.reference("", line.value, refuri=line.link))))
            else:
                rows.append((line.label, line.value))
        part += two_columns(rows, ["rancang-kontak"])
        page += part

    if view.sources:
        part = section("Sumber", "sumber")
        items = nodes.enumerated_list()
        for source in view.sources:
            para = nodes.paragraph()
            if source.url:
                para += nodes.reference("", source.title, refuri=source.url)
            else:
                para += nodes.Text(source.title)
            if source.details:
                para += nodes.Text(f". {source.details}.")
            items += nodes.list_item("", para)
        part += items
        page += part
    return [page]
