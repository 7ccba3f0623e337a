"""The words of a study visit that more than one output shows: its dates, its parties and its titles.

The brief and the report (:mod:`rancang.visits.content`) and the site's list of visits
(``{rancang-kunjungan}``) read them here.
"""

from __future__ import annotations

from rancang.language.numbering import long_date, month_year, weekday_date
from rancang.models import ProjectData
from rancang.models.base import PartialDate
from rancang.models.visit import Role, Side, Visit


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
