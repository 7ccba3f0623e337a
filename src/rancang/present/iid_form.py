"""The profile fields of the Indeks Inovasi Daerah (IID) form, in the portal's order, filled from a profile.

The IID application asks, for every innovation, a short list of profile fields before the evidence per
indicator. Their order and the wording of their choices follow a regional copy of the national form ("form
isian proposal inovasi daerah", see :data:`FORM_SOURCES`); what it does not settle is marked with its
confidence in every output (:data:`FORM_CONFIDENCE`). The Covid-19 question of the 2021-2022 forms is left out:
later forms do not ask it, and a profile does not hold it.

:func:`form_row` gives one innovation's values in that order: a choice as the portal words it, a full date as a
date, a narrative as plain text; a value the profile does not give is None, never guessed, and listed with what
is missing (:attr:`FormRow.missing`). Which profile fields the form still asks, and why (not given, a design
shorter than the 300 words the form asks for, a date not asked at this stage), is the domain's verdict
(:func:`rancang.assessment.indicators.form_fields`, the same as on the site); this view adds the form's header
(agency, contact person) and a date that lacks its day, which the portal's date field cannot take as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from rancang import richtext
from rancang.assessment.indicators import form_fields
from rancang.language.wording import partial_date
from rancang.models.base import Choice, PartialDate
from rancang.models.innovation import Form, Initiator, Innovation, Kind, Stage
from rancang.models.project_data import ProjectData
from rancang.present.innovation import InnovationView


class FieldKind(str, Enum):
    TEXT = "teks"
    CHOICE = "pilihan"
    DATE = "tanggal"
    NARRATIVE = "uraian"


@dataclass(frozen=True)
class FormField:
    key: str
    """The profile's YAML key the value comes from (``tahapan``); ``perangkat_daerah`` and ``kontak`` for the
    header of the form."""
    header: str
    """The column header: the form's own name of the field."""
    kind: FieldKind


FORM_FIELDS: tuple[FormField, ...] = (
    FormField("perangkat_daerah", "Nama OPD/unit pengusul", FieldKind.TEXT),
    FormField("kontak", "Narahubung", FieldKind.TEXT),
    FormField("nama", "Nama inovasi daerah", FieldKind.TEXT),
    FormField("tahapan", "Tahapan inovasi", FieldKind.CHOICE),
    FormField("inisiator", "Inisiator inovasi daerah", FieldKind.CHOICE),
    FormField("jenis", "Jenis inovasi", FieldKind.CHOICE),
    FormField("bentuk", "Bentuk inovasi daerah", FieldKind.CHOICE),
    FormField("urusan", "Urusan pemerintahan", FieldKind.TEXT),
    FormField("tanggal_uji_coba", "Waktu uji coba inovasi daerah", FieldKind.DATE),
    FormField("tanggal_penerapan", "Waktu penerapan inovasi daerah", FieldKind.DATE),
    FormField("rancang_bangun", "Rancang bangun inovasi daerah dan pokok perubahan yang dilakukan",
              FieldKind.NARRATIVE),
    FormField("tujuan", "Tujuan inovasi daerah", FieldKind.NARRATIVE),
    FormField("manfaat", "Manfaat yang diperoleh", FieldKind.NARRATIVE),
    FormField("hasil", "Hasil inovasi", FieldKind.NARRATIVE),
)
"""The form's fields in its order. The agency and the contact person head the regional form; "urusan" is placed
after the form of innovation, where the Covid-19 question stood in 2021-2022 (its place in the current portal
is not confirmed, so no output numbers the fields)."""

FORM_SOURCES: tuple[str, ...] = (
    "https://123dok.com/id/docs/form-isian-proposal-inovasi-daerah.11901683",
    "https://pdfcoffee.com/download/paparan-indeks-inovasi-daerah-3-pdf-free.html",
)
"""Where the order and the wording come from: a regional copy of the national form (fields 1-12 and their
choices) and a BSKDN training deck of March 2022 (the five initiators of PP 38/2017, digital or not)."""

FORM_CONFIDENCE = ("sedang: urutan dan pilihan diambil dari salinan formulir IID di daerah (2021-2022) dan bahan "
                   "sosialisasi BSKDN 2022, belum dicocokkan dengan aplikasi IID tahun berjalan; letak isian "
                   "urusan pemerintahan belum dipastikan")
"""How far the order and the wording can be trusted, in the words every output shows."""

PORTAL_LABELS: dict[Choice, str] = {
    # where the form words a choice as rancang's own label does, the label is the model's (written once there)
    Stage.INITIATIVE: Stage.INITIATIVE.label,
    Stage.TRIAL: Stage.TRIAL.label,
    Stage.IMPLEMENTATION: Stage.IMPLEMENTATION.label,
    Initiator.HEAD_OF_REGION: "Kepala Daerah",
    Initiator.COUNCIL_MEMBER: Initiator.COUNCIL_MEMBER.label,
    Initiator.AGENCY: "Perangkat Daerah",
    Initiator.CIVIL_SERVANT: "ASN",
    Initiator.CITIZEN: "Masyarakat",
    Kind.DIGITAL: Kind.DIGITAL.label,
    Kind.NON_DIGITAL: "Non Digital",
    Form.GOVERNANCE: "Inovasi tata kelola pemerintah daerah",
    Form.PUBLIC_SERVICE: "Inovasi pelayanan publik",
    Form.OTHER: "Inovasi bentuk lainnya sesuai dengan bidang urusan pemerintahan yang menjadi kewenangan daerah",
}
"""Each allowed value as the IID form words its choice (the profile's own label is for rancang's pages)."""

NOT_GIVEN = "belum diisi"

CELL_LIMIT = 32_767
"""The most characters a spreadsheet cell holds: a longer text is cut in the workbook, and listed as incomplete."""


@dataclass(frozen=True)
class FormValue:
    field: FormField
    value: str | dt.date | None
    """What goes into the form: the portal's words, a date, plain text; None when the profile does not give it."""
    missing: str | None = None
    """What the form still lacks here (:data:`NOT_GIVEN`, a date without its day, too few words); None when
    complete or not asked at this stage."""


@dataclass(frozen=True)
class FormRow:
    record_id: str
    name: str
    values: tuple[FormValue, ...]
    """One per :data:`FORM_FIELDS`, in that order."""

    @property
    def missing(self) -> tuple[FormValue, ...]:
        return tuple(value for value in self.values if value.missing)

    def value(self, key: str) -> FormValue:
        return next(value for value in self.values if value.field.key == key)


def form_row(view: InnovationView) -> FormRow:
    """The IID form's profile fields of one innovation (see the module's docstring)."""
    asked = {item.key: item.reason for item in form_fields(view.record)}
    return FormRow(view.id, view.name, tuple(_value(form_field, view, view.record, asked)
                                             for form_field in FORM_FIELDS))


def form_rows(data: ProjectData) -> list[FormRow]:
    """Every innovation of the project, by id."""
    return [form_row(InnovationView(record_id, data.innovations[record_id], data))
            for record_id in sorted(data.innovations)]


def _value(form_field: FormField, view: InnovationView, record: Innovation, asked: dict[str, str]) -> FormValue:
    key = form_field.key
    if key == "perangkat_daerah":
        agency = view.agency_name
        text = ", ".join(x for x in (agency, record.unit) if x) if agency else record.unit
        return FormValue(form_field, text, None if text else NOT_GIVEN)
    if key == "kontak":
        contact = record.contact
        text = None
        if contact is not None and contact.name:
            text = contact.name + (f" ({', '.join(contact.phones)})" if contact.phones else "")
        return FormValue(form_field, text, None if text else NOT_GIVEN)
    missing = asked.get(key)
    if key == "nama":
        return FormValue(form_field, record.name, missing)
    if key == "urusan":
        return FormValue(form_field, "; ".join(record.affairs) or None, missing)
    if form_field.kind is FieldKind.CHOICE:
        choice = {"tahapan": record.stage, "inisiator": record.initiator, "jenis": record.kind,
                  "bentuk": record.form}[key]
        return FormValue(form_field, PORTAL_LABELS.get(choice, choice.label) if choice is not None else None,
                         missing)
    if form_field.kind is FieldKind.DATE:
        date = record.trial_date if key == "tanggal_uji_coba" else record.implementation_date
        return _date(form_field, date, missing)
    text = {"rancang_bangun": record.design, "tujuan": record.purpose, "manfaat": record.benefits,
            "hasil": record.results}[key]
    plain = richtext.plain(text) if text else None
    if plain is not None and len(plain) > CELL_LIMIT and missing is None:
        missing = (f"teks {len(plain):,} karakter, lebih panjang daripada satu sel buku kerja "
                   f"({CELL_LIMIT:,} karakter): sel memuat awalnya saja; salin selengkapnya dari profil").replace(",", ".")
    return FormValue(form_field, plain, missing)


def _date(form_field: FormField, date: PartialDate | None, missing: str | None) -> FormValue:
    """A full date as a date; a year or a month as its words, with what the form still lacks."""
    if date is None or date.day:
        return FormValue(form_field, date.as_date() if date is not None else None, missing)
    return FormValue(form_field, partial_date(date),
                     missing or f"baru {partial_date(date)}; formulir meminta tanggal, bulan, dan tahun")
