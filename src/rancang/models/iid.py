"""The Indeks Inovasi Daerah (IID) of Kemendagri/BSKDN: the evidence a project records for it, and the
catalogue of one assessment year.

Evidence (``bukti:``) is written per indicator: in an innovation profile for the indicators of the innovation
(aspect SID), in the optional region file ``kb/iid.yaml`` for the indicators of the regional government
(aspect SPD). Each entry names the indicator by its stable slug id (the same id across years), the level
claimed (1 to 3) and the document that supports it: a file inside the project or a link (the video).

The catalogue (``src/rancang/assessment/iid-<year>.yaml``, package data) is what one year's assessment asks:
indicators with their weight and three levels, the formula's constants, the predicate thresholds and the
portal's upload rules. Every fact carries its confidence (``keyakinan``): what is not confirmed is labelled so
wherever it is shown, and what is unknown is left empty, never guessed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from rancang.models.base import Choice, Id, Model, Text, Url, Year, field


# -- evidence recorded in a project ----------------------------------------------------------------------------

LEVELS = (1, 2, 3)
"""The parameter levels of every IID indicator: the row's score is its weight times the level."""


def _level(value: object) -> object:
    """``tingkat`` is 1, 2 or 3 (a whole number): anything else is reported with its own code, S210."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in LEVELS:
        raise PydanticCustomError(
            "S210", "tingkat '{value}' tidak valid: tulis 1, 2, atau 3 (parameter indikator IID yang diklaim)",
            {"value": str(value)})
    return value


Level = Annotated[int, BeforeValidator(_level), Field(json_schema_extra={"enum": list(LEVELS)})]


class Evidence(Model):
    """One piece of evidence (bukti dukung) for one IID indicator."""

    indicator: Id = field(
        "indikator", "Id indikator IID, misalnya regulasi, sdm, kemanfaatan, video (daftarnya di halaman "
        "dokumentasi IID; id yang sama dipakai setiap tahun).")
    level: Level = field(
        "tingkat", "Parameter yang diklaim: 1, 2, atau 3 (skor baris = bobot indikator x tingkat).")
    file: Text | None = field(
        "berkas", "Jalur dokumen bukti di dalam folder proyek, misalnya kb/bukti/sk-inovasi-2025.pdf.",
        default=None)
    link: Url | None = field(
        "tautan", "Alamat web bukti bila bukan berkas, misalnya tautan video YouTube.", default=None,
        validate_default=True)
    note: Text | None = field("keterangan", "Keterangan: apa yang dibuktikan dokumen ini.", default=None)

    @field_validator("link")
    @classmethod
    def one_of(cls, value: str | None, info: ValidationInfo) -> str | None:
        if "file" not in info.data:
            return value  # already reported
        if value is not None and info.data["file"] is not None:
            raise PydanticCustomError("S211", "isi salah satu dari 'berkas' atau 'tautan', tidak keduanya",
                                      {"kunci": "tautan"})
        if value is None and info.data["file"] is None:
            raise PydanticCustomError("S211", "bukti harus memiliki 'berkas' (dokumen di dalam proyek) atau "
                                              "'tautan' (alamat web)")
        return value


class RegionEvidence(Model):
    """``kb/iid.yaml``: the region's own IID data (optional file)."""

    catalogue: Year | None = field(
        "katalog", "Tahun katalog indikator IID yang dipakai (misalnya 2026); kosongkan untuk katalog terbaru "
        "yang tersedia di rancang.", default=None)
    evidence: list[Evidence] = field(
        "bukti", "Bukti indikator pemerintah daerah (aspek SPD), satu butir per dokumen.", default_factory=list)


# -- the catalogue of one year ----------------------------------------------------------------------------------

class Confidence(Choice):
    """How sure the catalogue is of a fact (the same scale as the project's domain notes)."""

    LOW = "rendah", "Keyakinan rendah (belum dicocokkan dengan dokumen resmi)"
    MEDIUM = "sedang", "Keyakinan sedang (satu sumber sekunder)"
    HIGH = "tinggi", "Keyakinan tinggi (dokumen resmi atau beberapa sumber sepakat)"


class Aspect(Choice):
    SPD = "SPD", "Satuan Pemerintahan Daerah"
    SID = "SID", "Satuan Inovasi Daerah"


class Source(Model):
    key: Id = field("id", "Id sumber, dirujuk oleh 'sumber' fakta lain.")
    title: Text = field("judul", "Judul sumber.")
    url: Url | None = field("url", "Alamat web sumber, bila ada.", default=None)
    note: Text | None = field("keterangan", "Apa yang diambil dari sumber ini.", default=None)


class Fact(Model):
    """A value of the formula with its confidence; ``nilai`` empty means unknown."""

    value: float | None = field("nilai", "Nilainya; kosong bila tidak diketahui.", default=None)
    confidence: Confidence = field("keyakinan", "rendah, sedang, atau tinggi.")
    sources: list[Id] = field("sumber", "Id sumber.", default_factory=list)
    note: Text | None = field("catatan", "Catatan.", default=None)


class IidIndicator(Model):
    id: Id = field("id", "Id tetap indikator (sama setiap tahun).")
    number: Text = field("nomor", "Nomor indikator dalam katalog tahun itu, misalnya 16 atau 2a.")
    name: Text = field("nama", "Nama indikator.")
    aspect: Aspect = field("aspek", "SPD (pemerintah daerah) atau SID (per inovasi).")
    variable: Text = field("variabel", "Variabel indikator.")
    weight: float = field("bobot", "Bobot indikator.", gt=0)
    mandatory: bool = field("wajib", "Indikator wajib diisi.")
    levels: list[Text] = field("tingkat", "Parameter tingkat 1, 2, dan 3 (uraian dengan kata sendiri).",
                               min_length=3, max_length=3)
    evidence: Text = field("bukti", "Bukti dukung yang lazim.")
    note: Text | None = field("catatan", "Catatan.", default=None)
    confidence: Confidence = field("keyakinan", "Keyakinan atas bobot dan parameter.")
    sources: list[Id] = field("sumber", "Id sumber.", default_factory=list)

    @property
    def maximum(self) -> float:
        return self.weight * LEVELS[-1]

    @property
    def label(self) -> str:
        """``16. Regulasi inovasi daerah``: the indicator as the catalogue numbers it."""
        return f"{self.number}. {self.name}"

    def score(self, level: int) -> float:
        """Row score: weight x level."""
        return self.weight * level


class Predicate(Model):
    name: Text = field("nama", "Nama predikat.")
    minimum: float = field("minimal", "Nilai indeks terendah predikat ini (0-100).", ge=0, le=100)


class Predicates(Model):
    thresholds: list[Predicate] = field("batas", "Predikat dari yang tertinggi.", min_length=1)
    confidence: Confidence = field("keyakinan", "rendah, sedang, atau tinggi.")
    sources: list[Id] = field("sumber", "Id sumber.", default_factory=list)
    note: Text | None = field("catatan", "Catatan.", default=None)


class Formula(Model):
    divisor_minimum: Fact = field("pembagi_minimal", "Pembagi minimal jumlah skor SID: MAX(pembagi, n).")
    count_score: Fact = field("skor_per_inovasi", "Skor jumlah inovasi per inovasi.")
    count_cap: Fact = field("batas_jumlah_inovasi", "Jumlah inovasi terbanyak yang diberi skor jumlah.")
    maximum_total: Fact = field("maksimum_total", "Skor total maksimum (pembagi indeks).")
    confidence: Confidence = field("keyakinan", "Keyakinan atas bentuk rumus.")
    sources: list[Id] = field("sumber", "Id sumber.", default_factory=list)
    note: Text | None = field("catatan", "Catatan.", default=None)


class AffairsRule(Model):
    """The count score is given only when the innovations cover the basic-service affairs."""

    affairs: list[Text] = field("urusan", "Urusan wajib pelayanan dasar.", min_length=1)
    minimum: int = field("minimal", "Banyak urusan yang harus terpenuhi.", ge=1)
    aliases: dict[str, list[Text]] = field(
        "sebutan_lain", "Sebutan lain tiap urusan (huruf kecil) yang dikenali di profil.", default_factory=dict)
    confidence: Confidence = field("keyakinan", "rendah, sedang, atau tinggi.")
    sources: list[Id] = field("sumber", "Id sumber.", default_factory=list)
    note: Text | None = field("catatan", "Catatan.", default=None)


class Window(Model):
    """Innovations count only when implemented within this window."""

    start: dt.date = field("mulai", "Tanggal penerapan paling awal.")
    end: dt.date = field("sampai", "Tanggal penerapan paling akhir.")
    confidence: Confidence = field("keyakinan", "rendah, sedang, atau tinggi.")
    sources: list[Id] = field("sumber", "Id sumber.", default_factory=list)
    note: Text | None = field("catatan", "Catatan.", default=None)


class UploadRules(Model):
    types: list[Text] = field("jenis", "Jenis berkas yang diterima (pdf, jpeg, png).", min_length=1)
    types_confidence: Confidence = field("keyakinan_jenis", "Keyakinan atas jenis berkas.")
    max_megabytes: float | None = field(
        "ukuran_maksimal_mb", "Ukuran terbesar satu berkas dalam MB; kosong bila tidak diketahui.", default=None,
        gt=0)
    size_confidence: Confidence | None = field(
        "keyakinan_ukuran", "Keyakinan atas ukuran terbesar; kosong bila ukurannya tidak diketahui.",
        default=None)
    sources: list[Id] = field("sumber", "Id sumber.", default_factory=list)
    note: Text | None = field("catatan", "Catatan.", default=None)


class IidCatalogue(Model):
    """What one year's IID asks (package data ``assessment/iid-<year>.yaml``)."""

    year: Year = field("tahun", "Tahun penilaian.")
    name: Text = field("nama", "Nama katalog.")
    basis: Text = field("dasar", "Dokumen yang menjadi dasar katalog.")
    confidence: Confidence = field("keyakinan", "Keyakinan atas katalog secara keseluruhan.")
    note: Text | None = field("catatan", "Catatan.", default=None)
    sources: list[Source] = field("sumber", "Sumber.", min_length=1)
    formula: Formula = field("rumus", "Konstanta rumus indeks.")
    predicates: Predicates = field("predikat", "Predikat dan batasnya.")
    affairs_rule: AffairsRule | None = field("urusan_wajib", "Syarat urusan untuk skor jumlah inovasi.",
                                             default=None)
    window: Window | None = field("masa_penerapan", "Masa penerapan inovasi yang dihitung.", default=None)
    upload: UploadRules = field("unggah", "Aturan unggah bukti dukung di portal.")
    indicators: list[IidIndicator] = field("indikator", "Indikator.", min_length=1)

    def indicator(self, indicator_id: str) -> IidIndicator | None:
        for item in self.indicators:
            if item.id == indicator_id:
                return item
        return None

    def of_aspect(self, aspect: Aspect) -> list[IidIndicator]:
        return [item for item in self.indicators if item.aspect is aspect]

    @property
    def spd(self) -> list[IidIndicator]:
        return self.of_aspect(Aspect.SPD)

    @property
    def sid(self) -> list[IidIndicator]:
        return self.of_aspect(Aspect.SID)

    @property
    def spd_maximum(self) -> float:
        return sum(item.maximum for item in self.spd)

    @property
    def sid_maximum(self) -> float:
        """The maximum of one innovation's indicators (the average over innovations has the same maximum)."""
        return sum(item.maximum for item in self.sid)

    @property
    def count_maximum(self) -> float | None:
        score, cap = self.formula.count_score.value, self.formula.count_cap.value
        return None if score is None or cap is None else score * cap

    def source(self, key: str) -> Source | None:
        for item in self.sources:
            if item.key == key:
                return item
        return None
