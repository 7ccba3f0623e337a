"""Readiness for the IID: what each innovation and the region already have for each indicator, and what is
still missing (evidence per indicator, the profile fields the IID form asks for), with the estimate.

``rancang iid`` and the site's readiness pages show these objects; they compute nothing themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rancang.assessment.catalogue import ESTIMATE_LABEL
from rancang.assessment.evidence import project_catalogue
from rancang.assessment.indicators import (FormField, IndicatorReadiness, IndicatorStatus, WindowCheck,
                                           form_fields, indicator_rows, window_check)
from rancang.assessment.score import CountedInnovation, Estimate, estimate_from
from rancang.models import ProjectData
from rancang.models.iid import Aspect, IidCatalogue, IidIndicator
from rancang.models.innovation import Innovation

__all__ = ["FormField", "IndicatorReadiness", "IndicatorStatus", "InnovationReadiness", "RegionReadiness",
           "innovation_readiness", "project_catalogue", "region_readiness"]


@dataclass
class InnovationReadiness:
    """One innovation against the catalogue's SID indicators."""

    record_id: str
    name: str
    catalogue_year: int
    indicators: list[IndicatorReadiness]
    """Every SID indicator, in catalogue order."""
    form_fields: list[FormField]
    """Profile fields the IID form still asks for."""
    window: WindowCheck
    stray: list[str] = field(default_factory=list)
    """Problems of entries that belong to no SID indicator (unknown id, SPD indicator)."""

    @property
    def missing(self) -> list[IidIndicator]:
        """Indicators without usable evidence (none, or with a problem)."""
        return [row.indicator for row in self.indicators if row.status is not IndicatorStatus.READY]

    @property
    def missing_mandatory(self) -> list[IidIndicator]:
        return [indicator for indicator in self.missing if indicator.mandatory]

    @property
    def with_problems(self) -> list[IndicatorReadiness]:
        return [row for row in self.indicators if row.status is IndicatorStatus.PROBLEM]

    @property
    def score(self) -> float:
        """Sum of weight x level of the indicators with usable evidence (an estimate)."""
        return sum(row.score for row in self.indicators)

    @property
    def maximum(self) -> float:
        return sum(row.maximum for row in self.indicators)

    @property
    def has_evidence(self) -> bool:
        return any(row.entries for row in self.indicators) or bool(self.stray)

    @property
    def complete(self) -> bool:
        """Every indicator has usable evidence and every form field is answered."""
        return not self.missing and not self.stray and not self.form_fields

    label: str = ESTIMATE_LABEL


@dataclass
class RegionReadiness:
    """The region: its own (SPD) indicators, every innovation, and the estimate."""

    catalogue: IidCatalogue
    has_region_file: bool
    """Whether ``kb/iid.yaml`` exists (it holds the SPD evidence)."""
    spd: list[IndicatorReadiness]
    innovations: list[InnovationReadiness]
    estimate: Estimate
    stray: list[str] = field(default_factory=list)
    """Problems of kb/iid.yaml entries that belong to no SPD indicator."""

    @property
    def spd_missing(self) -> list[IidIndicator]:
        return [row.indicator for row in self.spd if row.status is not IndicatorStatus.READY]

    @property
    def spd_missing_mandatory(self) -> list[IidIndicator]:
        return [indicator for indicator in self.spd_missing if indicator.mandatory]

    @property
    def spd_score(self) -> float:
        return sum(row.score for row in self.spd)


def innovation_readiness(record_id: str, innovation: Innovation, catalogue: IidCatalogue,
                         root: Path) -> InnovationReadiness:
    """Readiness of one innovation (``root``: the project folder, against which evidence files are checked)."""
    rows, stray = indicator_rows(root, innovation.evidence, catalogue, Aspect.SID)
    return InnovationReadiness(record_id, innovation.name, catalogue.year, rows, form_fields(innovation),
                               window_check(innovation, catalogue), stray)


def region_readiness(data: ProjectData, catalogue: IidCatalogue) -> RegionReadiness:
    """Readiness of the whole region, with the estimate (:func:`rancang.assessment.score.estimate`)."""
    spd, stray = indicator_rows(data.root, data.iid.evidence if data.iid else [], catalogue, Aspect.SPD)
    innovations = [innovation_readiness(record_id, profile, catalogue, data.root)
                   for record_id, profile in sorted(data.innovations.items())]
    counted = [CountedInnovation(item.record_id, tuple(item.indicators), item.window) for item in innovations]
    result = estimate_from(catalogue, spd, counted, data, has_region_file=data.iid is not None)
    return RegionReadiness(catalogue, data.iid is not None, spd, innovations, result, stray)
