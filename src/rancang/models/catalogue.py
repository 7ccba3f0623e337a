"""The knowledge base's shared lists: agencies and the legal-basis catalogue.

``kb/perangkat-daerah.yaml`` lists the region's agencies; ``kb/dasar-hukum.yaml``
lists every regulation the other files cite. A citation is never typed by hand:
:mod:`rancang.language.citation` writes it from these fields.
"""

from __future__ import annotations

import enum

from typing import Any

from pydantic import RootModel, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from rancang.models.base import Id, Model, PartialDate, Text, Url, Year, field


class Agency(Model):
    """One perangkat daerah (SKPD/OPD)."""

    id: Id = field("id", "Id perangkat daerah, dipakai oleh profil inovasi (misalnya bappeda).")
    name: Text = field("nama", "Nama lengkap, misalnya Badan Perencanaan Pembangunan Daerah.")
    short_name: Text | None = field("singkatan", "Nama singkat, misalnya Bappeda.", default=None)
    aliases: list[Text] = field(
        "alias",
        "Ejaan lain nama perangkat daerah ini yang dipakai di sumber lain (basis data, formulir, berita), "
        "misalnya DINAS KESEHATAN KOTA PAREPARE atau Dinkes; dipakai untuk mengenali perangkat daerah yang sama "
        "ketika data inovasi diimpor.",
        default_factory=list,
    )


class Agencies(RootModel[list[Agency]]):
    """Daftar perangkat daerah."""


class LegalKind(str, enum.Enum):
    """Jenis peraturan, in the hierarchy order of UU 12/2011 (Pasal 7-8)."""

    UUD = "UUD"
    UU = "UU"
    PERPPU = "Perppu"
    PP = "PP"
    PERPRES = "Perpres"
    PERMEN = "Permen"
    PERBAN = "Perban"
    PERDA_PROVINSI = "Perda Provinsi"
    PERGUB = "Pergub"
    PERDA = "Perda"
    PERKADA = "Perkada"
    KEPKADA = "Keputusan Kepala Daerah"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Names users may type instead of the short value (for suggestions)."""
        return {
            "Undang-Undang Dasar": "UUD",
            "Undang-Undang": "UU",
            "Peraturan Pemerintah Pengganti Undang-Undang": "Perppu",
            "Peraturan Pemerintah": "PP",
            "Peraturan Presiden": "Perpres",
            "Peraturan Menteri": "Permen",
            "Permendagri": "Permen",
            "Peraturan Badan": "Perban",
            "Peraturan Daerah Provinsi": "Perda Provinsi",
            "Peraturan Gubernur": "Pergub",
            "Peraturan Daerah": "Perda",
            "Peraturan Kepala Daerah": "Perkada",
            "Peraturan Wali Kota": "Perkada",
            "Peraturan Walikota": "Perkada",
            "Perwali": "Perkada",
            "Peraturan Bupati": "Perkada",
            "Perbup": "Perkada",
            "Keputusan Wali Kota": "Keputusan Kepala Daerah",
            "Keputusan Bupati": "Keputusan Kepala Daerah",
        }

    @property
    def rank(self) -> int:
        """Position in the hierarchy (lower is higher)."""
        return list(LegalKind).index(self)


class Publication(Model):
    """Where the regulation was promulgated: Lembaran/Berita Negara or Daerah."""

    year: Year = field("tahun", "Tahun Lembaran Negara/Berita Negara/Lembaran Daerah/Berita Daerah.")
    number: int = field("nomor", "Nomor dalam Lembaran/Berita tersebut.", ge=1)


class LegalBasis(Model):
    """One regulation in the catalogue (``kb/dasar-hukum.yaml``)."""

    id: Id = field("id", "Id untuk merujuk peraturan ini, misalnya uu-23-2014.")
    kind: LegalKind = field(
        "jenis",
        "Jenis peraturan: UUD, UU, Perppu, PP, Perpres, Permen, Perban, Perda Provinsi, Pergub, Perda, "
        "Perkada, atau Keputusan Kepala Daerah.",
    )
    number: int | None = field("nomor", "Nomor peraturan (tidak ada untuk UUD).", default=None, ge=1,
                               validate_default=True)
    year: Year = field("tahun", "Tahun peraturan.")
    title: Text | None = field(
        "tentang", "Nama peraturan sesudah kata 'tentang', ditulis persis seperti aslinya (tidak ada untuk UUD).",
        default=None,
        validate_default=True,
    )
    issuer: Text | None = field(
        "pembentuk",
        "Untuk Permen: nama sesudah 'Peraturan Menteri' (misalnya Dalam Negeri). Untuk Perban: nama lembaga "
        "sesudah 'Peraturan' (misalnya Badan Pusat Statistik). Untuk Perda, Pergub, Perkada, dan Keputusan "
        "Kepala Daerah: nama daerah lengkap (misalnya Kota Parepare, Kabupaten Pangkajene dan Kepulauan, "
        "Provinsi Sulawesi Selatan).",
        default=None,
        validate_default=True,
    )
    enacted: PartialDate | None = field(
        "diundangkan", "Tanggal diundangkan, untuk mengurutkan peraturan setingkat secara kronologis.", default=None
    )
    gazette: Publication | None = field(
        "lembaran",
        "Lembaran Negara (UU, PP, Perpres), Berita Negara (Permen), Lembaran Daerah (Perda), "
        "atau Berita Daerah (Perkada).",
        default=None,
    )
    supplement: int | None = field(
        "tambahan", "Nomor Tambahan Lembaran Negara atau Tambahan Lembaran Daerah.", default=None, ge=1
    )
    amended_by: list[Id] = field(
        "diubah_dengan",
        "Id peraturan yang mengubahnya, urut dari yang pertama sampai yang terakhir.",
        default_factory=list,
    )
    confirmed: bool = field(
        "terkonfirmasi",
        "true bila nomor, tahun, dan data pengundangan sudah dicocokkan dengan salinan resmi (JDIH); "
        "false bila belum.",
    )
    source: Url | None = field("sumber", "Alamat salinan yang dipakai untuk memeriksa.", default=None)
    note: Text | None = field("catatan", "Catatan, misalnya apa yang belum dapat dikonfirmasi.", default=None)

    # Rules that depend on `jenis`; each points at the key concerned and runs even
    # when another field of the same entry is wrong.

    @field_validator("number", "title")
    @classmethod
    def required_unless_constitution(cls, value: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("kind")
        key = "nomor" if info.field_name == "number" else "tentang"
        if kind is LegalKind.UUD and value is not None:
            raise PydanticCustomError("S206", "UUD tidak memiliki '{key}'", {"key": key, "kunci": key})
        if kind is not None and kind is not LegalKind.UUD and value is None:
            raise PydanticCustomError("S201", "kunci wajib '{key}' tidak ada", {"key": key})
        return value

    @field_validator("issuer")
    @classmethod
    def issuer_when_needed(cls, value: str | None, info: ValidationInfo) -> str | None:
        kind = info.data.get("kind")
        if kind in _ISSUED_BY_NAME and value is None:
            raise PydanticCustomError(
                "S201", "kunci 'pembentuk' wajib untuk {kind} (kementerian atau daerah pembentuknya)",
                {"kind": kind.value},
            )
        return value

    @field_validator("gazette", "supplement")
    @classmethod
    def publication_fits_kind(cls, value: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("kind")
        key = "lembaran" if info.field_name == "gazette" else "tambahan"
        if value is None or kind is None:
            return value
        if kind is LegalKind.UUD:
            raise PydanticCustomError("S206", "UUD tidak memiliki '{key}'", {"key": key, "kunci": key})
        if key == "tambahan" and kind in _NO_SUPPLEMENT:
            raise PydanticCustomError(
                "S206", "{kind} diundangkan dalam Berita Negara/Daerah yang tidak memiliki Tambahan",
                {"kind": kind.value, "kunci": key},
            )
        return value


_ISSUED_BY_NAME = (LegalKind.PERMEN, LegalKind.PERBAN, LegalKind.PERDA, LegalKind.PERKADA,
                   LegalKind.PERDA_PROVINSI, LegalKind.PERGUB, LegalKind.KEPKADA)
_NO_SUPPLEMENT = (LegalKind.PERMEN, LegalKind.PERBAN, LegalKind.PERKADA, LegalKind.PERGUB, LegalKind.KEPKADA)


class LegalCatalogue(RootModel[list[LegalBasis]]):
    """Katalog dasar hukum."""
