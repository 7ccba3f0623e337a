"""A self-assessed estimate of the Indeks Inovasi Daerah, by the published formula and the catalogue's data.

    SPD   = sum of the region's indicator scores (weight x level)
    SID   = (sum over innovations of their indicator scores) / MAX(divisor minimum, n) + count score
    total = SPD + SID;   index = total / maximum total x 100

The count score (per innovation, up to a cap) is zero when the innovations do not cover the catalogue's
basic-service affairs; innovations implemented outside the catalogue's window are not counted. A row counts
only when its evidence has no problem. No predicate is given while mandatory evidence is missing: the estimate
says what is missing instead. Everything here is an estimate (:data:`ESTIMATE_LABEL`), never the official score.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rancang.assessment.catalogue import ESTIMATE_LABEL
from rancang.assessment.indicators import (AffairsCoverage, IndicatorReadiness, WindowCheck, affairs_coverage,
                                           date_words, indicator_rows, window_check)
from rancang.models import ProjectData
from rancang.models.iid import Aspect, Confidence, IidCatalogue
from rancang.layout import IID_FILE


@dataclass(frozen=True)
class CountedInnovation:
    """What the estimate needs of one innovation: its SID rows and whether it is counted."""

    record_id: str
    rows: tuple[IndicatorReadiness, ...]
    window: WindowCheck

    @property
    def score(self) -> float:
        return sum(row.score for row in self.rows)

    @property
    def missing_mandatory(self) -> list[str]:
        return [row.indicator.id for row in self.rows if row.mandatory and row.score == 0]


@dataclass
class Estimate:
    """The estimated index of a region. Every number is an estimate (:attr:`label`)."""

    catalogue_year: int
    spd: float
    spd_maximum: float
    sid_sum: float
    """Sum of the SID indicator scores of the counted innovations."""
    divisor: float
    """MAX(divisor minimum, n): a whole number as the catalogues write it."""
    sid_indicators: float
    """``sid_sum / divisor``."""
    sid_indicators_maximum: float
    count: int
    """Innovations counted (n)."""
    count_score: float
    count_maximum: float | None
    sid: float
    total: float
    maximum: float
    index: float
    """0-100, rounded to two decimals as the predicates are written."""
    predicate: str | None
    """None while mandatory evidence is missing (:attr:`missing` says what)."""
    missing: list[str] = field(default_factory=list)
    """What keeps the estimate from a predicate, in Indonesian sentences."""
    notes: list[str] = field(default_factory=list)
    """What the numbers rest on that is not confirmed (the catalogue's confidence), and what lowered them."""
    excluded: list[tuple[str, str]] = field(default_factory=list)
    """Innovations not counted: (id, why)."""
    affairs: AffairsCoverage | None = None
    label: str = ESTIMATE_LABEL

    @property
    def has_predicate(self) -> bool:
        return self.predicate is not None


def estimate(data: ProjectData, catalogue: IidCatalogue) -> Estimate:
    """The estimate of the project's region (see the module's docstring)."""
    spd_rows, _stray = indicator_rows(data.root, data.iid.evidence if data.iid else [], catalogue, Aspect.SPD)
    innovations = [CountedInnovation(record_id, tuple(indicator_rows(data.root, profile.evidence, catalogue,
                                                                     Aspect.SID)[0]),
                                     window_check(profile, catalogue))
                   for record_id, profile in sorted(data.innovations.items())]
    return estimate_from(catalogue, spd_rows, innovations, data, has_region_file=data.iid is not None)


def estimate_from(catalogue: IidCatalogue, spd_rows: list[IndicatorReadiness],
                  innovations: list[CountedInnovation], data: ProjectData,
                  has_region_file: bool) -> Estimate:
    """The estimate from rows already worked out (:func:`rancang.assessment.readiness.region_readiness`)."""
    formula = catalogue.formula
    counted = [item for item in innovations if item.window.counted]
    excluded = [(item.record_id, item.window.note or "") for item in innovations if not item.window.counted]
    n = len(counted)
    minimum = formula.divisor_minimum.value
    divisor = max(int(minimum) if minimum is not None and float(minimum).is_integer() else (minimum or 1), n)
    spd = sum(row.score for row in spd_rows)
    sid_sum = sum(item.score for item in counted)
    sid_indicators = sid_sum / divisor
    coverage = affairs_coverage([data.innovations[item.record_id] for item in counted
                                 if item.record_id in data.innovations], catalogue)
    per, cap = formula.count_score.value, formula.count_cap.value
    count_score = 0.0 if per is None else per * (n if cap is None else min(n, int(cap)))
    notes: list[str] = []
    if coverage is not None and not coverage.met:
        count_score = 0.0
        notes.append(f"skor jumlah inovasi 0: inovasi yang dihitung baru mencakup {len(coverage.covered)} dari "
                     f"{len(catalogue.affairs_rule.affairs)} urusan pelayanan dasar (disyaratkan "
                     f"{coverage.minimum}); belum ada: {', '.join(coverage.missing)}")
    sid = sid_indicators + count_score
    total = spd + sid
    maximum = formula.maximum_total.value or (catalogue.spd_maximum + catalogue.sid_maximum +
                                              (catalogue.count_maximum or 0))
    index = round(total / maximum * 100, 2) if maximum else 0.0
    missing = _missing(catalogue, spd_rows, counted, has_region_file)
    predicate = None if missing else _predicate(catalogue, index)
    notes.extend(_confidence_notes(catalogue))
    return Estimate(
        catalogue_year=catalogue.year, spd=spd, spd_maximum=catalogue.spd_maximum, sid_sum=sid_sum,
        divisor=divisor, sid_indicators=sid_indicators, sid_indicators_maximum=catalogue.sid_maximum, count=n,
        count_score=count_score, count_maximum=catalogue.count_maximum, sid=sid, total=total, maximum=maximum,
        index=index, predicate=predicate, missing=missing, notes=notes, excluded=excluded, affairs=coverage)


def _predicate(catalogue: IidCatalogue, index: float) -> str | None:
    for threshold in catalogue.predicates.thresholds:
        if index >= threshold.minimum:
            return threshold.name
    return None


def _missing(catalogue: IidCatalogue, spd_rows: list[IndicatorReadiness], counted: list[CountedInnovation],
             has_region_file: bool) -> list[str]:
    missing = []
    if not counted:
        missing.append("belum ada profil inovasi yang dihitung (kb/inovasi/)")
    spd_lacking = [row.indicator.id for row in spd_rows if row.mandatory and row.score == 0]
    if spd_lacking:
        where = IID_FILE if has_region_file else f"{IID_FILE} (berkas ini belum ada)"
        missing.append(f"bukti indikator wajib pemerintah daerah (SPD) belum lengkap di {where}: "
                       f"{', '.join(spd_lacking)}")
    for item in counted:
        lacking = item.missing_mandatory
        if lacking:
            missing.append(f"inovasi '{item.record_id}' belum memiliki bukti indikator wajib: {', '.join(lacking)}")
    return missing


def _confidence_notes(catalogue: IidCatalogue) -> list[str]:
    notes = []
    formula = catalogue.formula
    for words, fact in (("pembagi minimal", formula.divisor_minimum), ("skor per inovasi", formula.count_score),
                        ("batas jumlah inovasi", formula.count_cap), ("skor total maksimum", formula.maximum_total)):
        if fact.value is None:
            notes.append(f"{words} tidak diketahui")
        elif fact.confidence is not Confidence.HIGH:
            notes.append(f"{words} {_number(fact.value)} (keyakinan {fact.confidence.value})")
    if catalogue.predicates.confidence is not Confidence.HIGH:
        bounds = ", ".join(f"{p.name} ≥ {_number(p.minimum)}" for p in catalogue.predicates.thresholds
                           if p.minimum > 0)
        notes.append(f"batas predikat {bounds} (keyakinan {catalogue.predicates.confidence.value})")
    rule = catalogue.affairs_rule
    if rule is not None and rule.confidence is not Confidence.HIGH:
        notes.append(f"syarat {rule.minimum} urusan pelayanan dasar untuk skor jumlah inovasi (keyakinan "
                     f"{rule.confidence.value})")
    window = catalogue.window
    if window is not None and window.confidence is not Confidence.HIGH:
        notes.append(f"masa penerapan {date_words(window.start)} sampai {date_words(window.end)} (keyakinan "
                     f"{window.confidence.value})")
    return notes


def _number(value: float) -> str:
    """Indonesian decimal comma: 65,01; 14."""
    return f"{value:g}".replace(".", ",")
