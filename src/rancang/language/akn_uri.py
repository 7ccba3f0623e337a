"""The Akoma Ntoso (FRBR) addresses of Indonesian regional legislation: the one place of the URI scheme.

The scheme follows the AKN Naming Convention 1.0 (``/akn/<country>[-<locality>]/<doctype>/<subtype>[/<actor>]/
<date>/<number>``); its Indonesian part is rancang's proposal (domain notes, legal-products §5.3), documented for
users in ``docs/akn.md``:

* country ``id``; locality = the region's Kemendagri code without its dot (``daerah.kode: "73.72"`` -> ``7372``);
* doctype ``act`` for an enacted Peraturan Wali Kota/Bupati or Peraturan Daerah, ``bill`` while it is a draft
  (rancangan), ``doc`` for a Keputusan Wali Kota/Bupati;
* subtype ``perwali``, ``perbup``, ``perda`` or ``keputusan``;
* date = the year (numbers restart every year); a draft has no year of its own: the year of the date it is
  exported on (the expression and FRBRdate carry that whole date, named ``rancangan``);
* number = the regulation's number; a Keputusan's number as printed with ``/`` and spaces as ``-``
  (``100.3.3.2/252/2025`` -> ``100.3.3.2-252-2025``); a draft's = its record id (``perwali-inovasi-daerah``).

Expression = work + ``/ind@<date>`` (Indonesian, ISO 639-2 ``ind``; the date of enactment, or of export for a
draft); manifestation = expression + ``.xml``. Acts of the catalogue (``kb/dasar-hukum.yaml``) cited in Mengingat
get a work URI when their kind, year and number are known (:func:`catalogue_uri`): national acts ``/akn/id/act/uu/
2014/23``, a Permen or Perban with its issuer as actor (``/akn/id/act/permen/dalam-negeri/2017/104``), the region's
own Perda/Perkada with its locality.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rancang.models.catalogue import LegalBasis, LegalKind
from rancang.models.project import Project, RegionKind
from rancang.models.regulation import Regulation, RegulationKind

COUNTRY = "id"
LANGUAGE = "ind"
"""ISO 639-2 code of Indonesian, as the naming convention asks."""

_SUBTYPES = {
    RegulationKind.MAYOR: "perwali",
    RegulationKind.REGENT: "perbup",
    RegulationKind.REGIONAL: "perda",
    RegulationKind.MAYOR_DECREE: "keputusan",
    RegulationKind.REGENT_DECREE: "keputusan",
}

_NATIONAL = {
    LegalKind.UUD: "uud",
    LegalKind.UU: "uu",
    LegalKind.PERPPU: "perppu",
    LegalKind.PP: "pp",
    LegalKind.PERPRES: "perpres",
    LegalKind.PERMEN: "permen",
    LegalKind.PERBAN: "perban",
}


def locality(code: str) -> str:
    """``73.72`` -> ``7372``: the Kemendagri code without its dot."""
    return code.replace(".", "")


def slug(text: str) -> str:
    """A URI segment: lower case, letters, digits, ``.`` and ``-`` (``/`` and spaces become ``-``)."""
    value = re.sub(r"[^0-9a-z.]+", "-", text.strip().lower())
    return value.strip("-.") or "nn"


@dataclass(frozen=True)
class AknUri:
    """The FRBR addresses of one exported regulation."""

    place: str
    """``id-7372``."""
    doctype: str
    """``act``, ``bill`` or ``doc``."""
    subtype: str
    year: int
    number: str
    date: dt.date
    """The expression's date: the date of enactment, or the export date of a draft."""
    date_name: str
    """What ``date`` is: ``penetapan`` or ``rancangan``."""

    @property
    def work(self) -> str:
        return f"/akn/{self.place}/{self.doctype}/{self.subtype}/{self.year}/{self.number}"

    @property
    def expression(self) -> str:
        return f"{self.work}/{LANGUAGE}@{self.date.isoformat()}"

    @property
    def manifestation(self) -> str:
        return f"{self.expression}.xml"

    def component(self, name: str) -> str:
        """``!main``, ``!lampiran_1``, ``!penjelasan``: a component's work URI (FRBRthis)."""
        return f"{self.work}/!{name}"

    def expression_component(self, name: str) -> str:
        return f"{self.expression}/!{name}"


def regulation_uri(settings: Project, regulation: Regulation, record_id: str, today: dt.date) -> AknUri | None:
    """The addresses of a regulation of the region, or None when the region's code is not set (P465: the caller
    reports it, located at ``daerah`` in rancang.yaml)."""
    code = settings.region.code
    if code is None:
        return None
    kind = regulation.kind or (RegulationKind.MAYOR if settings.region.kind is RegionKind.CITY
                               else RegulationKind.REGENT)
    enacted = regulation.enactment.date
    if regulation.is_draft:
        doctype = "doc" if kind.is_decree else "bill"
        date, name = today, "rancangan"
        year = regulation.year or today.year
        number = slug(record_id)
    else:
        assert enacted is not None and regulation.year is not None and regulation.number is not None
        doctype = "doc" if kind.is_decree else "act"
        date, name = enacted.as_date(), "penetapan"
        year = regulation.year
        number = slug(str(regulation.number))
    return AknUri(f"{COUNTRY}-{locality(code)}", doctype, _SUBTYPES[kind], year, number, date, name)


def catalogue_uri(entry: LegalBasis, settings: Project) -> str | None:
    """The work URI of an act of the catalogue, when its kind, year and number say it; None otherwise (the UUD,
    an act without a number, another region's act, or a regional act of a region without its code)."""
    if entry.number is None:
        return None
    subtype = _NATIONAL.get(entry.kind)
    if subtype is not None:
        place = COUNTRY
        if entry.kind in (LegalKind.PERMEN, LegalKind.PERBAN):
            if not entry.issuer:
                return None
            subtype = f"{subtype}/{slug(entry.issuer)}"
    else:
        place = _regional_place(entry, settings)
        if place is None:
            return None
        subtype = _regional_subtype(entry)
        if subtype is None:
            return None
    return f"/akn/{place}/act/{subtype}/{entry.year}/{entry.number}"


def _regional_place(entry: LegalBasis, settings: Project) -> str | None:
    code = settings.region.code
    if code is None or not entry.issuer:
        return None
    issuer = " ".join(entry.issuer.lower().split())
    if entry.kind in (LegalKind.PERDA_PROVINSI, LegalKind.PERGUB):
        if issuer == f"provinsi {settings.region.province.lower()}":
            return f"{COUNTRY}-{code.split('.')[0]}"
        return None
    kind = "kota" if settings.region.kind is RegionKind.CITY else "kabupaten"
    if issuer == f"{kind} {settings.region.name.lower()}":
        return f"{COUNTRY}-{locality(code)}"
    return None


def _regional_subtype(entry: LegalBasis) -> str | None:
    issuer = (entry.issuer or "").lower()
    if entry.kind is LegalKind.PERDA_PROVINSI or entry.kind is LegalKind.PERDA:
        return "perda"
    if entry.kind is LegalKind.PERGUB:
        return "pergub"
    if entry.kind is LegalKind.PERKADA:
        return "perwali" if issuer.startswith("kota") else "perbup"
    return None  # a Keputusan is a doc, not cited as an act here
