"""Readiness of the indicators one by one: which evidence an innovation (aspect SID) or the regional government
(aspect SPD, ``kb/iid.yaml``) has for each indicator of the catalogue, its status and the level claimed.

:mod:`rancang.assessment.readiness` (per innovation and per region) and :mod:`rancang.assessment.score` (the
estimate) both read these rows; the public API is theirs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from rancang.assessment.evidence import EntryProblem, entry_problems
from rancang.models.base import Choice, PartialDate
from rancang.models.iid import Aspect, Evidence, IidCatalogue, IidIndicator
from rancang.models.innovation import Innovation, Stage


class IndicatorStatus(Choice):
    """Where one indicator stands."""

    READY = "ada", "Ada bukti"
    PROBLEM = "bermasalah", "Bukti bermasalah"
    MISSING = "belum", "Belum ada bukti"


@dataclass(frozen=True)
class IndicatorReadiness:
    """One indicator of the catalogue, for one innovation (SID) or for the region (SPD)."""

    indicator: IidIndicator
    status: IndicatorStatus
    level: int | None
    """The level claimed (None without evidence)."""
    entries: tuple[Evidence, ...] = ()
    problems: tuple[str, ...] = ()
    """What is wrong with the entries, in Indonesian (the located messages are ``rancang check``'s)."""

    @property
    def mandatory(self) -> bool:
        return self.indicator.mandatory

    @property
    def score(self) -> float:
        """Weight x level claimed, counted only when the evidence has no problem."""
        if self.status is not IndicatorStatus.READY or self.level is None:
            return 0.0
        return self.indicator.score(self.level)

    @property
    def maximum(self) -> float:
        return self.indicator.maximum


@dataclass(frozen=True)
class FormField:
    """A field of the IID form that a profile does not answer yet."""

    key: str
    """The profile's YAML key (``tanggal_penerapan``)."""
    label: str
    """What the form calls it, in Indonesian."""
    reason: str = "belum diisi"


def indicator_rows(root: Path, entries: list[Evidence], catalogue: IidCatalogue,
                   aspect: Aspect) -> tuple[list[IndicatorReadiness], list[str]]:
    """A row for every indicator of ``aspect`` in catalogue order, and the problems of entries that belong to no
    such indicator (an unknown id, an indicator of the other aspect)."""
    found = entry_problems(root, entries, catalogue, aspect)
    by_indicator: dict[str, list[tuple[Evidence, list[EntryProblem]]]] = {}
    stray: list[str] = []
    for entry, problems in zip(entries, found):
        indicator = catalogue.indicator(entry.indicator)
        if indicator is None or indicator.aspect is not aspect:
            stray.extend(_words(problem) for problem in problems)
            continue
        by_indicator.setdefault(entry.indicator, []).append((entry, problems))
    rows = []
    for indicator in catalogue.of_aspect(aspect):
        given = by_indicator.get(indicator.id, [])
        if not given:
            rows.append(IndicatorReadiness(indicator, IndicatorStatus.MISSING, None))
            continue
        problems = tuple(_words(problem) for _entry, listed in given for problem in listed)
        status = IndicatorStatus.PROBLEM if problems else IndicatorStatus.READY
        level = max(entry.level for entry, _listed in given)
        rows.append(IndicatorReadiness(indicator, status, level, tuple(entry for entry, _ in given), problems))
    return rows, stray


def _words(problem: EntryProblem) -> str:
    return f"{problem.message} ({problem.suggestion})" if problem.suggestion else problem.message


# -- the profile fields the IID form asks for ----------------------------------------------------------------

FORM_FIELDS = (
    ("name", "Nama inovasi"),
    ("stage", "Tahapan inovasi"),
    ("initiator", "Inisiator inovasi"),
    ("kind", "Jenis inovasi (digital atau non-digital)"),
    ("form", "Bentuk inovasi"),
    ("affairs", "Urusan pemerintahan"),
    ("trial_date", "Waktu uji coba"),
    ("implementation_date", "Waktu penerapan"),
    ("design", "Rancang bangun dan pokok perubahan"),
    ("purpose", "Tujuan inovasi"),
    ("benefits", "Manfaat yang diperoleh"),
    ("results", "Hasil inovasi"),
)
"""The profile fields of the IID form, in the form's order (regional copies of the form, keyakinan sedang)."""

DESIGN_MINIMUM_WORDS = 300
"""The form asks at least 300 words of design and main changes (keyakinan sedang)."""

_WORD = re.compile(r"\S*?[^\W_]\S*")
"""A word as a reader counts it (as rule L601 counts): a run of non-space characters with a letter or digit."""

_TRIAL_ON = {Stage.TRIAL, Stage.IMPLEMENTATION}


def form_fields(profile: Innovation) -> list[FormField]:
    """The fields of the IID form the profile does not answer (yet), in the form's order. A field asked only at a
    later stage (the implementation date of an innovation on trial) is not listed."""
    missing = []
    for attribute, label in FORM_FIELDS:
        key = type(profile).model_fields[attribute].alias or attribute
        if attribute == "trial_date" and profile.stage is not None and profile.stage not in _TRIAL_ON:
            continue
        if attribute in ("implementation_date", "results") and profile.stage is not None and \
                profile.stage is not Stage.IMPLEMENTATION:
            continue
        value = getattr(profile, attribute)
        if value is None or value == [] or (isinstance(value, str) and not value.strip()):
            missing.append(FormField(key, label))
        elif attribute == "design":
            words = len(_WORD.findall(value))
            if words < DESIGN_MINIMUM_WORDS:
                missing.append(FormField(key, label, f"{words} kata; formulir meminta paling sedikit "
                                                      f"{DESIGN_MINIMUM_WORDS} kata"))
    return missing


# -- the implementation window ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class WindowCheck:
    counted: bool
    """Whether the innovation counts in the estimate."""
    note: str | None = None
    """Why not, or why it is not certain (Indonesian)."""


def _last_day(date: PartialDate) -> dt.date:
    if date.day:
        return date.as_date()
    if date.month:
        following = dt.date(date.year + (date.month == 12), date.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(date.year, 12, 31)


def window_check(profile: Innovation, catalogue: IidCatalogue) -> WindowCheck:
    """Whether the innovation was implemented within the catalogue's window (when it has one)."""
    window = catalogue.window
    if window is None:
        return WindowCheck(True)
    span = f"{date_words(window.start)} sampai {date_words(window.end)}"
    date = profile.implementation_date
    if date is None and profile.stage is not None and profile.stage is not Stage.IMPLEMENTATION:
        return WindowCheck(True)  # an initiative or a trial has no implementation date yet
    if date is None:
        return WindowCheck(True, f"tanggal_penerapan belum diisi, jadi belum dapat dipastikan inovasi ini "
                                 f"diterapkan dalam masa {span}; dihitung dalam perkiraan")
    first, last = date.as_date(), _last_day(date)
    if last < window.start or first > window.end:
        return WindowCheck(False, f"diterapkan {date.isoformat()}, di luar masa penerapan yang dihitung ({span}, "
                                  f"keyakinan {window.confidence.value}); tidak dihitung dalam perkiraan")
    if first < window.start or last > window.end:
        return WindowCheck(True, f"tanggal_penerapan {date.isoformat()} belum cukup rinci untuk memastikan masa "
                                 f"penerapan {span}; dihitung dalam perkiraan")
    return WindowCheck(True)


_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember")


def date_words(date: dt.date) -> str:
    """``1 Januari 2024``."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


# -- basic-service affairs ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AffairsCoverage:
    covered: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    minimum: int = 0

    @property
    def met(self) -> bool:
        return len(self.covered) >= self.minimum


def affairs_coverage(profiles: list[Innovation], catalogue: IidCatalogue) -> AffairsCoverage | None:
    """Which of the catalogue's basic-service affairs the innovations cover (None: the catalogue has no rule)."""
    rule = catalogue.affairs_rule
    if rule is None:
        return None
    written = {_fold(affair) for profile in profiles for affair in profile.affairs}
    covered, missing = [], []
    for affair in rule.affairs:
        names = {_fold(affair), *(_fold(name) for name in rule.aliases.get(affair, []))}
        (covered if names & written else missing).append(affair)
    return AffairsCoverage(tuple(covered), tuple(missing), rule.minimum)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("&", "dan").split())

