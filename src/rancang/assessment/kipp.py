"""KIPP proposals (Kompetisi Inovasi Pelayanan Publik, Kementerian PANRB): the aspects of a year's proposal as
data, word counts against their limits, and what a draft still lacks.

Each year's proposal structure is one file beside this module, ``kipp-<year>.yaml`` (:class:`KippCatalogue`):
the aspects in their order, each with its weight, its word limit (``null`` when it could not be confirmed: no
limit is ever guessed), what it asks in rancang's own words, how sure that is, and which keys of an innovation
profile prefill it (``isian``). The words of each part are written by the presentation layer
(:mod:`rancang.present.proposal`) from the profile; this module counts them, compares them with the limit and
says what is missing (:func:`assess`, :func:`findings`). Nothing here writes a sentence of the proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import field_validator, model_validator

from rancang.diagnostics import Diagnostic, Location, RancangError, Severity
from rancang.locations import locate
from rancang.models.base import Choice, Id, Model, Text, Url, field
from rancang.models.innovation import Innovation
from rancang.validation import validate
from rancang.yamlsource import load_text

PACKAGE = "rancang.assessment"
FILE_PATTERN = re.compile(r"^kipp-(\d{4})\.yaml$")

PROFILE_KEYS = {
    "ringkasan": "summary",
    "masalah": "problem",
    "tujuan": "purpose",
    "kebaruan": "novelty",
    "langkah": "steps",
    "solusi": "solution",
    "rancang_bangun": "design",
    "tanggal": "implementation_date",
    "hasil": "results",
    "indikator": "indicators",
    "manfaat": "benefits",
    "replikasi": "replication",
    "anggaran": "budget",
    "inovator": "innovators",
    "perangkat_daerah": "agency",
    "dasar_hukum": "legal_basis",
    "faktor_pendorong": "drivers",
    "faktor_penghambat": "obstacles",
}
"""The keys of an innovation profile an aspect can be prefilled from (``isian: - kunci:``), each with the
model attribute it points to in a finding. ``tanggal`` stands for the three dates (``tanggal_inisiatif``,
``tanggal_uji_coba``, ``tanggal_penerapan``)."""


DATE_KEYS = ("tanggal_inisiatif", "tanggal_uji_coba", "tanggal_penerapan")


def quoted_keys(key: str) -> str:
    """How a finding or a placeholder names the profile key(s) of a part: ``'tujuan'``; for ``tanggal`` the
    three date keys."""
    if key == "tanggal":
        return ", ".join(f"'{k}'" for k in DATE_KEYS[:-1]) + f" dan '{DATE_KEYS[-1]}'"
    return f"'{key}'"


class Confidence(Choice):
    HIGH = "tinggi", "tinggi"
    MEDIUM = "sedang", "sedang"
    LOW = "rendah", "rendah"


class AspectConfidence(Model):
    weight: Confidence = field("bobot", "Keyakinan atas judul, urutan, dan bobot aspek.")
    limit: Confidence | None = field("batas_kata", "Keyakinan atas batas kata (kosong bila batasnya tidak diketahui).",
                                     default=None)
    question: Confidence = field("pertanyaan", "Keyakinan atas uraian yang ditanyakan aspek ini.")


class Prefill(Model):
    key: str = field("kunci", "Kunci profil inovasi yang mengisi bagian ini, misalnya 'tujuan'.")
    title: Text = field("judul", "Judul kecil bagian ini di proposal.")
    hint: Text = field("petunjuk", "Yang perlu ditulis penulis bila kunci itu kosong di profil.")

    @field_validator("key")
    @classmethod
    def known_key(cls, value: str) -> str:
        if value not in PROFILE_KEYS:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError("S203", "kunci profil '{value}' tidak dikenal untuk isian proposal",
                                      {"value": value})
        return value


class Aspect(Model):
    id: Id = field("id", "Id aspek, tetap dari tahun ke tahun bila aspeknya sama.")
    title: Text = field("judul", "Judul aspek seperti dalam pedoman.")
    weight: float = field("bobot", "Bobot aspek dalam persen.", ge=0, le=100, allow_inf_nan=False)
    limit: int | None = field("batas_kata", "Batas jumlah kata; null bila belum dikonfirmasi.", default=None, gt=0)
    question: Text = field("pertanyaan", "Yang ditanyakan aspek ini, dengan kata-kata rancang sendiri.")
    confidence: AspectConfidence = field("keyakinan", "Seberapa yakin data aspek ini.")
    prefill: list[Prefill] = field("isian", "Bagian aspek ini dan kunci profil yang mengisinya.", min_length=1)

    @model_validator(mode="after")
    def limit_and_confidence(self) -> "Aspect":
        if (self.limit is None) != (self.confidence.limit is None):
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError("S206", "batas_kata dan keyakinan.batas_kata diisi keduanya atau tidak sama "
                                              "sekali")
        return self


class CatalogueSource(Model):
    title: Text = field("judul", "Judul sumber.")
    url: Url | None = field("url", "Alamat web.", default=None)


class KippCatalogue(Model):
    """The proposal structure of one year's KIPP."""

    year: int = field("tahun", "Tahun kompetisi.", ge=2014, le=2100)
    competition: Text = field("kompetisi", "Nama kompetisi.")
    organiser: Text = field("penyelenggara", "Penyelenggara kompetisi.")
    group: Text = field("kelompok", "Kelompok peserta yang aspeknya dimuat, misalnya 'umum'.")
    note: Text | None = field("catatan", "Catatan tentang keyakinan dan sumber data ini.", default=None)
    sources: list[CatalogueSource] = field("sumber", "Sumber data ini.", min_length=1)
    aspects: list[Aspect] = field("aspek", "Aspek proposal, berurutan seperti dalam pedoman.", min_length=1)

    @field_validator("aspects")
    @classmethod
    def unique_ids(cls, value: list[Aspect]) -> list[Aspect]:
        ids = [a.id for a in value]
        doubled = sorted({i for i in ids if ids.count(i) > 1})
        if doubled:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError("S206", "id aspek dipakai lebih dari sekali: {ids}", {"ids": ", ".join(doubled)})
        return value

    @property
    def total_weight(self) -> float:
        return sum(a.weight for a in self.aspects)


# -- loading ------------------------------------------------------------------------------------------------


def catalogue_years() -> list[int]:
    """The years that have a ``kipp-<year>.yaml``, oldest first."""
    names = (entry.name for entry in resources.files(PACKAGE).iterdir())
    return sorted(int(m.group(1)) for m in map(FILE_PATTERN.match, names) if m)


def load_catalogue(year: int | None = None) -> KippCatalogue:
    """The proposal structure of ``year`` (the newest when None); a missing year or a broken file is a
    :class:`RancangError` (P464)."""
    years = catalogue_years()
    if not years:  # pragma: no cover - the package ships at least one
        raise RancangError([Diagnostic("P464", "tidak ada data aspek proposal KIPP", Location(PACKAGE))])
    chosen = years[-1] if year is None else year
    if chosen not in years:
        raise RancangError([Diagnostic(
            "P464", f"tidak ada data aspek proposal KIPP tahun {chosen}", Location(f"kipp-{chosen}.yaml"),
            suggestion="tahun yang tersedia: " + ", ".join(str(y) for y in years))])
    return _load(chosen)


@lru_cache(maxsize=None)
def _load(year: int) -> KippCatalogue:
    name = f"kipp-{year}.yaml"
    text = resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return parse_catalogue(text, name)


def parse_catalogue(text: str, display: str) -> KippCatalogue:
    """A catalogue from its YAML text; every problem at once as a :class:`RancangError`."""
    source, problems = load_text(text, display)
    catalogue = None
    if source is not None:
        catalogue, found = validate(KippCatalogue, source)
        problems = [*problems, *found]
    if catalogue is None or problems:
        raise RancangError(problems or [Diagnostic("P464", "data aspek proposal KIPP tidak valid", Location(display))])
    year = FILE_PATTERN.match(Path(display).name)
    if year and int(year.group(1)) != catalogue.year:
        raise RancangError([Diagnostic("P464", f"berkas {display} berisi tahun {catalogue.year}",
                                       locate(catalogue, "year"))])
    return catalogue


# -- counting -----------------------------------------------------------------------------------------------

_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_WORD = re.compile(r"\w", re.UNICODE)


def count_words(text: str) -> int:
    """Words of a plain text: tokens between white space that hold a letter or a digit (``Rp1,9``, ``426%``
    and ``edukatif-fasilitatif`` are one word each; ``→`` and ``-`` are none). A list mark at the start of a
    line (``1.``, ``-``) is not a word: the proposal form is filled in as running text."""
    total = 0
    for line in text.splitlines():
        line = _LIST_MARK.sub("", line)
        total += sum(1 for token in line.split() if _WORD.search(token))
    return total


# -- assessment ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartText:
    """What the profile gives for one part of an aspect, as the proposal shows it."""

    prefill: Prefill
    plain: str
    """The words of the part, without markup (empty when the profile does not give it)."""

    @property
    def words(self) -> int:
        return count_words(self.plain)

    @property
    def missing(self) -> bool:
        return self.words == 0


@dataclass(frozen=True)
class AspectAssessment:
    aspect: Aspect
    parts: tuple[PartText, ...]

    @property
    def words(self) -> int:
        return sum(part.words for part in self.parts)

    @property
    def limit(self) -> int | None:
        return self.aspect.limit

    @property
    def over_by(self) -> int:
        """Words beyond the limit (0 within it, or when the limit is not known)."""
        return max(self.words - self.limit, 0) if self.limit is not None else 0

    @property
    def empty(self) -> bool:
        return all(part.missing for part in self.parts)

    @property
    def missing(self) -> tuple[PartText, ...]:
        return tuple(part for part in self.parts if part.missing)

    @property
    def status(self) -> str:
        """What the closing table says of this aspect."""
        if self.empty:
            return "kosong, perlu ditulis"
        if self.over_by:
            return f"melebihi batas {self.over_by} kata"
        if self.limit is None:
            return "batas kata belum dikonfirmasi"
        return "sesuai batas"


def assess(aspect: Aspect, texts: dict[str, str]) -> AspectAssessment:
    """The assessment of one aspect given the plain text of each of its parts (by profile key)."""
    return AspectAssessment(aspect, tuple(PartText(p, texts.get(p.key, "")) for p in aspect.prefill))


def findings(record_id: str, innovation: Innovation, catalogue: KippCatalogue,
             assessments: list[AspectAssessment]) -> list[Diagnostic]:
    """Advice on the draft, located in the profile: an aspect over its limit (P460), an aspect the profile
    gives nothing for (P461), the parts of an aspect still to be written (P462). Warnings: the document is made
    anyway; ``--strict`` makes them stop it."""
    out = []
    name = f"KIPP {catalogue.year}"
    for assessment in assessments:
        aspect = assessment.aspect
        if assessment.over_by:
            part = max(assessment.parts, key=lambda p: p.words)
            out.append(Diagnostic(
                "P460", f"aspek '{aspect.title}' proposal {name} berisi {assessment.words} kata, melebihi batas "
                        f"{aspect.limit} kata sebanyak {assessment.over_by} kata",
                _where(innovation, part.prefill.key), Severity.WARNING,
                suggestion=f"ringkas {quoted_keys(part.prefill.key)} di profil atau sunting draf proposalnya"))
        elif assessment.empty:
            keys = ", ".join(quoted_keys(p.prefill.key) for p in assessment.parts)
            out.append(Diagnostic(
                "P461", f"aspek '{aspect.title}' (bobot {percent(aspect.weight)}) proposal {name} kosong: profil "
                        f"{record_id} tidak berisi {keys}", _where(innovation, None), Severity.WARNING,
                suggestion="isi kunci itu di profil bila faktanya diketahui; draf menandai tempatnya untuk penulis"))
        elif assessment.missing:
            keys = ", ".join(quoted_keys(p.prefill.key) for p in assessment.missing)
            out.append(Diagnostic(
                "P462", f"aspek '{aspect.title}' proposal {name} belum lengkap: {keys} kosong di profil",
                _where(innovation, None), Severity.WARNING,
                suggestion="draf menandai bagian itu untuk diisi penulis"))
    return out


def _where(innovation: Innovation, key: str | None) -> Location:
    attribute = PROFILE_KEYS.get(key) if key else None
    if attribute is None or getattr(innovation, attribute, None) in (None, [], ""):
        return locate(innovation)
    return locate(innovation, attribute)


def percent(value: float) -> str:
    """``30%``, ``12,5%``."""
    text = f"{value:g}".replace(".", ",")
    return f"{text}%"
