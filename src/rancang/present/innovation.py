"""One view of an innovation profile, read by every output that shows it.

The profile page, the gallery card, the case-study embed (``{rancang-fakta}``), the brief and the report of a
study visit, and the open data all show an innovation through :class:`InnovationView`, so that they show the
same facts, in the same order and the same words:

* :attr:`InnovationView.facts`: ``(label, value)`` in one order; a fact a reader expects (agency, form, kind,
  affairs, stage, trial and implementation dates, status) is always there, with :data:`UNKNOWN` when the
  profile does not give it; the others (region, unit, initiator, innovators, start of the initiative) only when
  known;
* :attr:`InnovationView.region`: the region line, ``Kota Parepare, Provinsi Sulawesi Selatan (kode 73.72)``;
* :attr:`InnovationView.awards`: oldest first, with the giver and the level's label;
* :attr:`InnovationView.legal_basis`: the lines of the legal basis in the order of "Mengingat" (hierarchy of
  UU 12/2011, then date: :func:`rancang.language.citation.hierarchy_key`), each with the id of the project's
  regulation page it links to, if any;
* :attr:`InnovationView.indicators`: baseline and result with their unit, year and note, and the change;
* :attr:`InnovationView.budget`, contacts (name, position, address, phone numbers, e-mail, website), sources,
  replication, the narrative fields as :class:`rancang.richtext.RichText` (the process steps and the driving
  and hindering factors among them), the images and the cover image.

A view is cheap to make: each part is computed the first time it is read (the gallery reads a few facts of
tens of thousands of profiles, a page reads everything of one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from rancang import richtext
from rancang.language.citation import HIERARCHY_RANK, cite, hierarchy_key
from rancang.language.wording import number, partial_date, rupiah
from rancang.models.catalogue import LegalKind
from rancang.models.innovation import Award, AwardLevel, Innovation, Measurement
from rancang.models.project_data import ProjectData
from rancang.present.replication import entries
from rancang.present.titles import regulation_title

UNKNOWN = "belum tercatat"
"""The value of a fact a reader expects but the profile does not give (never guessed, never left blank)."""

STALE_AFTER_DAYS = 365
"""A profile verified longer ago than this says that its data may be out of date."""

NARRATIVE = (("summary", "Ringkasan"), ("problem", "Masalah"), ("design", "Rancang bangun dan pokok perubahan"),
             ("solution", "Solusi"), ("steps", "Langkah-langkah"), ("novelty", "Kebaruan"), ("purpose", "Tujuan"),
             ("benefits", "Manfaat"), ("results", "Hasil"), ("drivers", "Faktor pendorong"),
             ("obstacles", "Faktor penghambat"))
"""The narrative fields, in the order of a profile, with their headings."""


@dataclass(frozen=True)
class Fact:
    key: str
    """Stable name of the fact (``perangkat-daerah``, ``tahapan``, ...), for outputs that pick some."""
    label: str
    value: str
    """The words shown; :data:`UNKNOWN` when not known."""
    known: bool


@dataclass(frozen=True)
class AwardView:
    year: int
    name: str
    giver: str | None
    level: AwardLevel | None
    source: str | None

    @property
    def level_label(self) -> str | None:
        """``Nasional``."""
        return self.level.label if self.level else None

    @property
    def details(self) -> str:
        """``Kementerian PANRB, tingkat nasional`` (empty when neither is known)."""
        return ", ".join(x for x in (self.giver, f"tingkat {self.level.label.lower()}" if self.level else None)
                         if x)

    @property
    def text(self) -> str:
        """``2020: Top 45 KIPP (Kementerian PANRB, tingkat nasional)``."""
        details = self.details
        return f"{self.year}: {self.name}" + (f" ({details})" if details else "")


@dataclass(frozen=True)
class LegalLine:
    text: str
    """The citation of a catalogue entry, the title of the project's regulation, or the description."""
    target: str | None
    """Id of the project's regulation whose page this line links to, None when there is none."""
    catalogue_id: str | None = None
    regulation_id: str | None = None


@dataclass(frozen=True)
class IndicatorView:
    name: str
    unit: str | None
    baseline: str | None
    """``70 orang (2017)``, ``791.000 rupiah per bulan (2017), sekitar``; None when not measured."""
    result: str | None
    change: str | None
    """``naik 298 orang (426%)``; None unless both values are known."""
    source: str | None

    @property
    def text(self) -> str:
        """``Perempuan pesisir aktif: 70 orang (2017) → 368 orang (2019), naik 298 orang (426%)``."""
        values = " → ".join(x or UNKNOWN for x in (self.baseline, self.result))
        return f"{self.name}: {values}" + (f", {self.change}" if self.change else "")


@dataclass(frozen=True)
class BudgetView:
    year: int
    amount: str | None
    """``Rp150.000.000``; None when the amount is not known."""
    source: str | None

    @property
    def text(self) -> str:
        """``2020: Rp150.000.000 (APBD)``."""
        return f"{self.year}: {self.amount or 'jumlah ' + UNKNOWN}" + (f" ({self.source})" if self.source else "")


@dataclass(frozen=True)
class Line:
    """A labelled value with an optional link (contacts)."""

    label: str
    value: str
    link: str | None = None


@dataclass(frozen=True)
class SourceView:
    title: str
    url: str | None
    details: str
    """``Kilas Sulawesi, November 2020`` (may be empty)."""

    @property
    def text(self) -> str:
        return self.title + (f". {self.details}." if self.details else "")


@dataclass(frozen=True)
class Narrative:
    key: str
    """Attribute of the model (``summary``) and anchor on the page."""
    title: str
    source: str
    """The Markdown as written."""
    tree: richtext.RichText


@dataclass(frozen=True)
class ReplicationView:
    origin: tuple[str, ...]
    """``Kabupaten Barru (2019), PKS Nomor ...``; ``Call Center 112, Kota Parepare (2019)`` for an entry that
    names an innovation."""
    adopters: tuple[str, ...]
    requirements: Narrative | None
    lessons: Narrative | None


@dataclass(frozen=True)
class ImageView:
    file: str
    """The path as written: relative to the project's folder, with ``/``."""
    caption: str
    source: str | None
    cover: bool

    @property
    def path(self) -> str:
        """The path as Sphinx names a file of the project: ``kb/gambar/foto.jpg`` (``./`` and ``//`` removed)."""
        return PurePosixPath(self.file).as_posix()

    @property
    def credit(self) -> str | None:
        """``Sumber: Dokumentasi Bappeda``."""
        return f"Sumber: {self.source}" if self.source else None


class InnovationView:
    """What every output shows of one innovation (see the module's docstring)."""

    def __init__(self, record_id: str, innovation: Innovation, data: ProjectData) -> None:
        self.id = record_id
        self.record = innovation
        self.data = data

    # -- identity -------------------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def other_names(self) -> tuple[str, ...]:
        return tuple(self.record.other_names)

    @cached_property
    def agency_name(self) -> str | None:
        """Full name of the agency; its id when the list of agencies does not have it; None when not given."""
        agency_id = self.record.agency
        if agency_id is None:
            return None
        agency = self.data.agencies.get(agency_id)
        return agency.name if agency else agency_id

    @cached_property
    def agency_short(self) -> str | None:
        """Short name of the agency (``Bappeda``), else its full name."""
        agency_id = self.record.agency
        if agency_id is None:
            return None
        agency = self.data.agencies.get(agency_id)
        return (agency.short_name or agency.name) if agency else agency_id

    # -- labels of the allowed values -----------------------------------------------------------------------

    @property
    def stage_label(self) -> str | None:
        return self.record.stage.label if self.record.stage else None

    @property
    def form_label(self) -> str | None:
        return self.record.form.label if self.record.form else None

    @property
    def kind_label(self) -> str | None:
        return self.record.kind.label if self.record.kind else None

    @property
    def status_label(self) -> str | None:
        return self.record.status.label if self.record.status else None

    @property
    def initiator_label(self) -> str | None:
        return self.record.initiator.label if self.record.initiator else None

    @property
    def affairs_label(self) -> str | None:
        """``Kelautan dan perikanan, pertanian``."""
        return ", ".join(self.record.affairs) or None

    @cached_property
    def region(self) -> str | None:
        """``Kota Parepare, Provinsi Sulawesi Selatan (kode 73.72)``; ``Provinsi Sulawesi Selatan (kode 73)`` for a
        province's innovation; None when the profile does not give its region."""
        area = self.record.area
        if area is None:
            return None
        province = area.province.strip()
        if not province.casefold().startswith("provinsi "):
            province = f"Provinsi {province}"
        text = ", ".join(x for x in (area.city, province) if x)
        return text + (f" (kode {area.code})" if area.code else "")

    @property
    def year(self) -> int | None:
        """Year of implementation, else of the trial, else of the initiative (the gallery's "Tahun")."""
        return record_year(self.record)

    # -- facts ----------------------------------------------------------------------------------------------

    @cached_property
    def facts(self) -> tuple[Fact, ...]:
        """The facts table (see the module's docstring): expected facts always, others when known."""
        record = self.record
        rows = (  # key, label, value, expected
            ("wilayah", "Wilayah", self.region, False),
            ("perangkat-daerah", "Perangkat daerah", self.agency_name, True),
            ("unit", "Unit", record.unit, False),
            ("inisiator", "Inisiator", self.initiator_label, False),
            ("inovator", "Inovator", ", ".join(record.innovators) or None, False),
            ("bentuk", "Bentuk", self.form_label, True),
            ("jenis", "Jenis", self.kind_label, True),
            ("urusan", "Urusan pemerintahan", self.affairs_label, True),
            ("tahapan", "Tahapan", self.stage_label, True),
            ("tanggal-inisiatif", "Mulai inisiatif", partial_date(record.started) or None, False),
            ("tanggal-uji-coba", "Mulai uji coba", partial_date(record.trial_date) or None, True),
            ("tanggal-penerapan", "Mulai penerapan", partial_date(record.implementation_date) or None, True),
            ("status", "Status", self.status_label, True),
        )
        return tuple(Fact(key, label, value if value else UNKNOWN, bool(value))
                     for key, label, value, expected in rows if value or expected)

    def fact(self, key: str) -> Fact | None:
        return next((fact for fact in self.facts if fact.key == key), None)

    # -- awards, legal basis, indicators, budget ----------------------------------------------------------------

    @cached_property
    def awards(self) -> tuple[AwardView, ...]:
        """Oldest first (then as written)."""
        return tuple(_award(award) for award in sorted(self.record.awards, key=lambda a: a.year))

    @property
    def award_count(self) -> int:
        return len(self.record.awards)

    @cached_property
    def legal_basis(self) -> tuple[LegalLine, ...]:
        """In the order of "Mengingat": hierarchy, then date; the project's drafts after the enacted regulations of
        their level; descriptions in words last, as written."""
        data = self.data
        ranked = []
        for position, ref in enumerate(self.record.legal_basis):
            if ref.id and ref.id in data.catalogue:
                entry = data.catalogue[ref.id]
                line = LegalLine(cite(entry, data.catalogue, settings=data.settings),
                                 ref.id if ref.id in data.regulations else None, catalogue_id=ref.id)
                key = (*hierarchy_key(entry), position)
            elif ref.regulation and ref.regulation in data.regulations and data.settings is not None:
                regulation = data.regulations[ref.regulation]
                line = LegalLine(regulation_title(data.settings, regulation, data), ref.regulation,
                                 regulation_id=ref.regulation)
                when = dt.date(regulation.year, 1, 1) if regulation.year else dt.date.max
                # a Keputusan's number is text (100.3.3.2/...): it sorts by year and position, never against an int
                number = regulation.number if isinstance(regulation.number, int) else 0
                key = (HIERARCHY_RANK[LegalKind.PERKADA], when, number, position)
            else:
                line = LegalLine(ref.description or ref.id or ref.regulation or "", None, catalogue_id=ref.id,
                                 regulation_id=ref.regulation)
                key = (len(HIERARCHY_RANK) + 1, dt.date.max, 0, position)
            ranked.append((key, line))
        return tuple(line for _, line in sorted(ranked, key=lambda item: item[0]))

    @cached_property
    def indicators(self) -> tuple[IndicatorView, ...]:
        return tuple(IndicatorView(ind.name, ind.unit, _measure(ind.baseline, ind.unit), _measure(ind.result, ind.unit),
                                   _change(ind.baseline, ind.result, ind.unit), ind.source)
                     for ind in self.record.indicators)

    @cached_property
    def budget(self) -> tuple[BudgetView, ...]:
        """Oldest year first."""
        return tuple(BudgetView(b.year, rupiah(b.amount) if b.amount is not None
                                else None, b.source)
                     for b in sorted(self.record.budget, key=lambda b: b.year))

    # -- contacts, sources, replication, narrative, images ------------------------------------------------------

    @cached_property
    def contacts(self) -> tuple[Line, ...]:
        contact = self.record.contact
        if contact is None:
            return ()
        rows = (Line("Nama", contact.name or ""), Line("Jabatan", contact.position or ""),
                Line("Alamat", contact.address or ""), Line("Telepon", ", ".join(contact.phones)),
                Line("Surel", contact.email or "", f"mailto:{contact.email}" if contact.email else None),
                Line("Situs", contact.website or "", contact.website))
        return tuple(row for row in rows if row.value)

    @cached_property
    def sources(self) -> tuple[SourceView, ...]:
        return tuple(SourceView(s.title, s.url, ", ".join(x for x in (s.publisher, partial_date(s.date)) if x))
                     for s in self.record.sources)

    @cached_property
    def narrative(self) -> tuple[Narrative, ...]:
        """The narrative fields the profile gives, in :data:`NARRATIVE` order."""
        found = []
        for key, title in NARRATIVE:
            text = getattr(self.record, key)
            if text:
                found.append(Narrative(key, title, text, richtext.parse(text)))
        return tuple(found)

    def narrative_of(self, key: str) -> Narrative | None:
        return next((item for item in self.narrative if item.key == key), None)

    @cached_property
    def replication(self) -> ReplicationView | None:
        replication = self.record.replication
        if replication is None or not (replication.origin or replication.adopters or replication.requirements
                                       or replication.lessons):
            return None

        def text(key: str, title: str, value: str | None) -> Narrative | None:
            return Narrative(key, title, value, richtext.parse(value)) if value else None

        origin, adopters = entries(replication.origin, self.data), entries(replication.adopters, self.data)
        return ReplicationView(tuple(e.text for e in origin), tuple(e.text for e in adopters),
                               text("requirements", "Prasyarat", replication.requirements),
                               text("lessons", "Pelajaran", replication.lessons))

    @cached_property
    def images(self) -> tuple[ImageView, ...]:
        """In the order written."""
        return tuple(ImageView(p.file, p.caption, p.source, p.cover) for p in self.record.images)

    @property
    def cover(self) -> ImageView | None:
        """The image marked as cover (the first one, should several be marked: the check reports it)."""
        return next((image for image in self.images if image.cover), None)

    # -- verification ---------------------------------------------------------------------------------------

    def verification(self, today: dt.date) -> tuple[str, bool]:
        """``(sentence, stale)``: when the profile was last verified, and whether that is too long ago."""
        verified = self.record.verified
        if verified is None:
            return "Profil ini belum pernah diverifikasi; periksa sumbernya sebelum dikutip.", True
        text = f"Terakhir diverifikasi: {partial_date(verified)}."
        if (today - verified.as_date()).days > STALE_AFTER_DAYS:
            return text + " Data ini mungkin sudah usang.", True
        return text, False


def record_year(innovation: Innovation) -> int | None:
    """Year of implementation, else of the trial, else of the initiative."""
    for date in (innovation.implementation_date, innovation.trial_date, innovation.started):
        if date is not None:
            return date.year
    return None


def view(record_id: str, data: ProjectData) -> InnovationView:
    """The view of the innovation ``record_id`` of ``data``."""
    return InnovationView(record_id, data.innovations[record_id], data)


def _award(award: Award) -> AwardView:
    return AwardView(award.year, award.name, award.giver, award.level, award.source)


def _measure(value: Measurement | None, unit: str | None) -> str | None:
    """``70 orang (2017)``, ``6,3 ton (2017), sekitar, per tahun``."""
    if value is None:
        return None
    text = number(value.value) + (f" {unit}" if unit else "")
    if value.year:
        text += f" ({value.year})"
    if value.note:
        text += f", {value.note}"
    return text


def _change(baseline: Measurement | None, result: Measurement | None, unit: str | None) -> str | None:
    """``naik 298 orang (426%)``, ``turun 2 hari (40%)``, ``tetap``."""
    if baseline is None or result is None:
        return None
    delta = round(result.value - baseline.value, 6)
    if delta == 0:
        return "tetap"
    text = f"{'naik' if delta > 0 else 'turun'} {number(abs(delta))}" + (f" {unit}" if unit else "")
    if baseline.value:
        text += f" ({number(round(abs(delta) / abs(baseline.value) * 100))}%)"
    return text
