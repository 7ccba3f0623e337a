"""The page of one innovation, as docutils nodes.

Summary card, facts table, narrative sections, indicators (baseline ->
result), awards, replication, legal basis (linked to the regulation page when
it is one of the project's regulations), sources, contact and the
last-verified date with a warning when it is stale.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from docutils import nodes

from rancang.language.citation import cite
from rancang.models import ProjectData
from rancang.models.innovation import Innovation
from rancang.site import markdown
from rancang.language.wording import (  # noqa: F401 - re-exported for the site's other modules
    FORM_WORDS,
    INITIATOR_WORDS,
    KIND_WORDS,
    LEVEL_WORDS,
    STAGE_WORDS,
    STATUS_WORDS,
    number,
    partial_date,
)

STALE_AFTER_DAYS = 365

NARRATIVE = [("summary", "Ringkasan"), ("problem", "Masalah"), ("design", "Rancang bangun dan pokok perubahan"),
             ("solution", "Solusi"), ("novelty", "Kebaruan"), ("purpose", "Tujuan"), ("benefits", "Manfaat"),
             ("results", "Hasil")]


def _section(title: str, anchor: str) -> nodes.section:
    section = nodes.section(ids=[anchor], names=[anchor])
    section += nodes.title(title, title)
    return section


def _table(rows: Iterable[tuple[str, nodes.Node | str]], classes: list[str]) -> nodes.table:
    rows = list(rows)
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


def facts(record_id: str, innovation: Innovation, data: ProjectData) -> list[tuple[str, str]]:
    agency = data.agencies.get(innovation.agency) if innovation.agency else None
    rows = [
        ("Perangkat daerah", agency.name if agency else ""),
        ("Unit", innovation.unit or ""),
        ("Inisiator", INITIATOR_WORDS.get(innovation.initiator.value, "") if innovation.initiator else ""),
        ("Inovator", ", ".join(innovation.innovators)),
        ("Bentuk", FORM_WORDS[innovation.form.value] if innovation.form else ""),
        ("Jenis", KIND_WORDS[innovation.kind.value] if innovation.kind else ""),
        ("Urusan pemerintahan", ", ".join(innovation.affairs)),
        ("Tahapan", STAGE_WORDS[innovation.stage.value] if innovation.stage else ""),
        ("Mulai uji coba", partial_date(innovation.trial_date)),
        ("Mulai penerapan", partial_date(innovation.implementation_date)),
        ("Status", STATUS_WORDS[innovation.status.value] if innovation.status else ""),
    ]
    return [(label, value) for label, value in rows if value]


def profile_nodes(record_id: str, innovation: Innovation, data: ProjectData, today: dt.date,
                  regulation_link) -> list[nodes.Node]:
    """``regulation_link(id)`` returns the URI of the page of the project's regulation ``id`` relative to this
    profile's page, or None when the project has no such regulation."""
    page = _section(innovation.name, f"inovasi-{record_id}")
    if innovation.other_names:
        page += nodes.paragraph(text="Juga dikenal sebagai: " + ", ".join(innovation.other_names),
                                classes=["rancang-nama-lain"])
    card = nodes.container(classes=["rancang-ringkas", "sd-card", "sd-shadow-sm"])
    rows = facts(record_id, innovation, data)
    if rows:
        card += _table(rows, ["rancang-fakta"])
    page += card
    page += _verified(innovation, today)

    for attribute, title in NARRATIVE:
        text = getattr(innovation, attribute)
        if text:
            section = _section(title, f"{attribute}")
            section += markdown.node(text)
            page += section

    if innovation.indicators:
        section = _section("Indikator", "indikator")
        table = nodes.table(classes=["rancang-indikator"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (40, 20, 20, 20):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        header = nodes.row()
        for label in ("Indikator", "Satuan", "Awal", "Hasil"):
            header += nodes.entry("", nodes.paragraph(text=label))
        head += header
        body = nodes.tbody()
        group += body
        for indicator in innovation.indicators:
            row = nodes.row()
            for value in (indicator.name, indicator.unit or "", _measure(indicator.baseline),
                          _measure(indicator.result)):
                row += nodes.entry("", nodes.paragraph(text=value))
            body += row
        section += table
        page += section

    if innovation.awards:
        section = _section("Penghargaan", "penghargaan")
        items = nodes.bullet_list(classes=["rancang-linimasa"])
        for award in sorted(innovation.awards, key=lambda a: a.year):
            words = f"{award.year}: {award.name}"
            extra = ", ".join(x for x in (award.giver, LEVEL_WORDS.get(award.level.value) if award.level else None)
                              if x)
            if extra:
                words += f" ({extra})"
            items += nodes.list_item("", nodes.paragraph(text=words))
        section += items
        page += section

    replication = innovation.replication
    if replication and (replication.origin or replication.adopters or replication.requirements or
                        replication.lessons):
        section = _section("Replikasi", "replikasi")
        for label, entries in (("Mereplikasi dari", replication.origin), ("Direplikasi oleh", replication.adopters)):
            if entries:
                section += nodes.paragraph(text=f"{label}: " + "; ".join(
                    e.region + (f" ({e.year})" if e.year else "") + (f", {e.note}" if e.note else "")
                    for e in entries))
        if replication.requirements:
            section += nodes.rubric(text="Prasyarat")
            section += markdown.node(replication.requirements)
        if replication.lessons:
            section += nodes.rubric(text="Pelajaran")
            section += markdown.node(replication.lessons)
        page += section

    if innovation.legal_basis:
        section = _section("Dasar hukum", "dasar-hukum")
        items = nodes.bullet_list()
        for ref in innovation.legal_basis:
            para = nodes.paragraph()
            if ref.regulation and ref.regulation in data.regulations:
                regulation = data.regulations[ref.regulation]
                words = f"{data.settings.regulation_name} tentang {regulation.title}"
                para += nodes.reference("", f"Rancangan {words}" if regulation.is_draft else words, internal=True,
                                        refuri=regulation_link(ref.regulation))
            elif ref.id and ref.id in data.catalogue:
                para += nodes.Text(cite(data.catalogue[ref.id], data.catalogue))
                target = regulation_link(ref.id)
                if target:
                    para += nodes.Text(" ")
                    para += nodes.reference("", "(baca peraturannya)", internal=True, refuri=target)
            else:
                para += nodes.Text(ref.description or ref.id or "")
            items += nodes.list_item("", para)
        section += items
        page += section

    contact = innovation.contact
    if contact:
        rows = [(label, value) for label, value in (
            ("Nama", contact.name), ("Jabatan", contact.position), ("Telepon", contact.phone),
            ("Surel", contact.email), ("Situs", contact.website)) if value]
        if rows:
            section = _section("Kontak", "kontak")
            section += _table(rows, ["rancang-kontak"])
            page += section

    if innovation.sources:
        section = _section("Sumber", "sumber")
        items = nodes.enumerated_list()
        for source in innovation.sources:
            para = nodes.paragraph()
            if source.url:
                para += nodes.reference("", source.title, refuri=source.url)
            else:
                para += nodes.Text(source.title)
            details = ", ".join(x for x in (source.publisher, partial_date(source.date)) if x)
            if details:
                para += nodes.Text(f". {details}.")
            items += nodes.list_item("", para)
        section += items
        page += section
    return [page]


def _measure(value) -> str:
    if value is None:
        return ""
    text = number(value.value)
    if value.year:
        text += f" ({value.year})"
    if value.note:
        text += f", {value.note}"
    return text


def _verified(innovation: Innovation, today: dt.date) -> nodes.Node:
    verified = innovation.verified
    if verified is None:
        return nodes.paragraph(text="Profil ini belum pernah diverifikasi; periksa sumbernya sebelum dikutip.",
                               classes=["rancang-basi"])
    age = (today - verified.as_date()).days
    text = f"Terakhir diverifikasi: {partial_date(verified)}."
    if age > STALE_AFTER_DAYS:
        return nodes.paragraph(text=text + " Data ini mungkin sudah usang.", classes=["rancang-basi"])
    return nodes.paragraph(text=text, classes=["rancang-verifikasi"])
