"""The IID catalogues shipped with rancang: one ``iid-<year>.yaml`` per assessment year, beside this module.

A catalogue is data (:class:`rancang.models.iid.IidCatalogue`): next year's indicators, weights, thresholds and
upload rules are an edit of a YAML file, not of code. The files are package data and validated when read; a
broken file is a bug of rancang (a test reads every one), so it raises instead of reporting to the user.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from rancang.models.iid import Confidence, IidCatalogue
from rancang.validation import validate
from rancang.yamlsource import load

FOLDER = Path(__file__).parent
_NAME = re.compile(r"^iid-(\d{4})\.yaml$")

ESTIMATE_LABEL = "perkiraan, bukan nilai resmi BSKDN"
"""Written beside every number rancang computes from a catalogue: the official score is the one BSKDN validates."""


class CatalogueError(Exception):
    """A shipped catalogue file is broken (a bug of rancang, not of the user's project)."""


def catalogue_years() -> list[int]:
    """The years whose catalogue rancang ships, oldest first."""
    return sorted(int(match.group(1)) for path in FOLDER.iterdir() if (match := _NAME.match(path.name)))


def load_catalogue(year: int | None = None) -> IidCatalogue:
    """The catalogue of ``year`` (the newest shipped when None). Raises :class:`KeyError` for a year rancang
    has no catalogue of (see :func:`catalogue_years`)."""
    years = catalogue_years()
    if not years:
        raise CatalogueError("no IID catalogue is shipped")
    if year is None:
        year = years[-1]
    if year not in years:
        raise KeyError(year)
    return _load(year)


def catalogue_for(year: int | None) -> tuple[IidCatalogue, bool]:
    """The catalogue of ``year`` and whether it is that year's (False: the year has no catalogue and the newest
    is given instead; ``rancang check`` says so, P459)."""
    try:
        return load_catalogue(year), True
    except KeyError:
        return load_catalogue(None), False


@functools.lru_cache(maxsize=8)
def _load(year: int) -> IidCatalogue:
    path = FOLDER / f"iid-{year}.yaml"
    source, problems = load(path, f"rancang/assessment/{path.name}")
    if source is not None:
        model, more = validate(IidCatalogue, source)
        problems = problems + more
    else:
        model = None
    if problems or model is None:
        raise CatalogueError("; ".join(problem.format() for problem in problems) or f"{path.name} is empty")
    if model.year != year:
        raise CatalogueError(f"{path.name} says tahun: {model.year}")
    _consistent(model)
    return model


def _consistent(catalogue: IidCatalogue) -> None:
    """Ids unique, sources known, thresholds from the highest down."""
    ids = [item.id for item in catalogue.indicators]
    if len(set(ids)) != len(ids):
        raise CatalogueError(f"duplicate indicator ids in iid-{catalogue.year}.yaml")
    known = {source.key for source in catalogue.sources}
    cited = [key for item in catalogue.indicators for key in item.sources]
    cited += [key for part in (catalogue.formula, catalogue.predicates, catalogue.affairs_rule, catalogue.window,
                               catalogue.upload) if part is not None for key in part.sources]
    for fact in (catalogue.formula.divisor_minimum, catalogue.formula.count_score, catalogue.formula.count_cap,
                 catalogue.formula.maximum_total):
        cited += fact.sources
    unknown = sorted(set(cited) - known)
    if unknown:
        raise CatalogueError(f"unknown sources {unknown} in iid-{catalogue.year}.yaml")
    minima = [p.minimum for p in catalogue.predicates.thresholds]
    if minima != sorted(minima, reverse=True):
        raise CatalogueError(f"predicates of iid-{catalogue.year}.yaml are not from the highest down")


def confidence_words(confidence: Confidence | None) -> str:
    """``keyakinan rendah``: how a confidence is written beside a fact."""
    return "tidak diketahui" if confidence is None else f"keyakinan {confidence.value}"
