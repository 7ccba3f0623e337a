"""The words of a study visit that more than one output shows: its dates, its parties and its titles.

The brief and the report (:mod:`rancang.visits.content`) and the site's list of visits
(``{rancang-kunjungan}``) read them here, and the innovations a visit names (:func:`innovation`): ours, or
another region's from the copy of its directory (``parepare:call-center-112``), with the attribution the
documents print beside its facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from rancang.language.numbering import long_date, month_year, weekday_date
from rancang.models import ProjectData
from rancang.models.base import PartialDate
from rancang.models.project_data import Foreign
from rancang.models.visit import Role, Side, Visit, split_ref
from rancang.present.innovation import InnovationView


def visit_date(visit: Visit) -> str:
    """``Jumat, 4 Juni 2021`` (or ``Jumat, 4 Juni 2021 sampai Sabtu, 5 Juni 2021``)."""
    text = day(visit.date)
    if visit.end_date is not None and visit.end_date != visit.date:
        text += f" sampai {day(visit.end_date)}"
    return text


def day(value: PartialDate) -> str:
    """``Jumat, 4 Juni 2021``, ``Juni 2021`` or ``2021``, as precise as the date is known."""
    if value.day:
        return weekday_date(value.as_date())
    if value.month:
        return month_year(value.year, value.month)
    return str(value.year)


def our_name(data: ProjectData) -> str:
    """``Pemerintah Kota Parepare``."""
    return f"Pemerintah {data.settings.region_full_name}"


def parties(visit: Visit, data: ProjectData) -> tuple[str, str]:
    """(host, guest) names."""
    ours = our_name(data)
    other = visit.other_party.name
    return (ours, other) if visit.role is Role.HOST else (other, ours)


def side_name(side: Side, visit: Visit, data: ProjectData) -> str:
    """The party a participant belongs to."""
    return our_name(data) if side is Side.OURS else visit.other_party.name


def title(visit: Visit, data: ProjectData) -> str:
    """``Kunjungan Kerja DPRD Kabupaten ... ke Kota Parepare``, or the visit's own title."""
    host, guest = parties(visit, data)
    place = data.settings.region_full_name if visit.role is Role.HOST else (visit.other_party.region or host)
    return visit.title or f"Kunjungan Kerja {guest} ke {place}"


def subtitle(visit: Visit, data: ProjectData) -> str:
    """The title and the date, on two lines (the cover of the brief and the report)."""
    return f"{title(visit, data)}\n{visit_date(visit)}"


def running_header(kind: str, visit: Visit) -> str:
    """Short enough for one line: ``Bahan Kunjungan Kerja · DPRD Kabupaten ... · 4 Juni 2021``."""
    when = long_date(visit.date.as_date()) if visit.date.day else str(visit.date)
    return f"{kind} · {visit.other_party.name} · {when}"  # the counterpart, whichever role we have


@dataclass(frozen=True)
class VisitInnovation:
    """An innovation a visit names, ready to show."""

    view: InnovationView
    attribution: str | None
    """For another region's innovation: ``Sumber: Direktori Inovasi Kota Parepare, salinan data/inovasi.json
    tanggal 6 Desember 2026``; None for ours."""


def innovation(ref: str, data: ProjectData) -> VisitInnovation | None:
    """The innovation ``ref`` names (``call-center-112`` or ``parepare:call-center-112``); None when unknown (the
    check reports it, R301)."""
    directory, record_id = split_ref(ref)
    if directory is None:
        record = data.innovations.get(record_id)
        return VisitInnovation(InnovationView(record_id, record, data), None) if record is not None else None
    foreign = data.foreign.get(directory)
    if foreign is None or record_id not in foreign.data.innovations:
        return None
    return VisitInnovation(InnovationView(record_id, foreign.data.innovations[record_id], foreign.data),
                           attribution(foreign))


def attribution(foreign: Foreign) -> str:
    """Whose facts these are and of when: ``Sumber: Direktori Inovasi Kota Parepare, salinan data/inovasi.json
    tanggal 6 Desember 2026`` (with the web address when the copy came from one)."""
    address = foreign.address
    web = urlsplit(address).scheme in ("http", "https")
    parts = PurePosixPath(urlsplit(address).path if web else address.replace("\\", "/")).parts
    published = "/".join(parts[-2:]) if len(parts) >= 2 else (parts[-1] if parts else "inovasi.json")
    text = f"Sumber: Direktori Inovasi {foreign.name}, salinan {published}"
    if foreign.fetched is not None:
        text += f" tanggal {long_date(foreign.fetched.date())}"
    if web:
        text += f" ({address})"
    return text
