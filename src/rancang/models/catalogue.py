"""The knowledge base's shared lists: agencies and the legal-basis catalogue.

``kb/perangkat-daerah.yaml`` lists the region's agencies; ``kb/dasar-hukum.yaml``
lists every regulation the other files cite. A citation is never typed by hand:
:mod:`rancang.citation` writes it from these fields.
"""

from __future__ import annotations

import enum

from pydantic import RootModel, model_validator
from pydantic_core import PydanticCustomError

from rancang.models.base import Id, Model, PartialDate, Text, Url, Year, field


class Agency(Model):
    """One perangkat daerah (SKPD/OPD)."""

    id: Id = field("id", "Id perangkat daerah, dipakai oleh profil inovasi (misalnya bappeda).")
    name: Text = field("nama", "Nama lengkap, misalnya Badan Perencanaan Pembangunan Daerah.")
    short_name: Text | None = field("singkatan", "Nama singkat, misalnya Bappeda.", default=None)


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
    number: int | None = field("nomor", "Nomor peraturan (tidak ada untuk UUD).", default=None, ge=1)
    year: Year = field("tahun", "Tahun peraturan.")
    title: Text | None = field(
        "tentang", "Nama peraturan sesudah kata 'tentang', ditulis persis seperti aslinya (tidak ada untuk UUD).",
        default=None,
    )
    issuer: Text | None = field(
        "pembentuk",
        "Untuk Permen: nama sesudah 'Peraturan Menteri' (misalnya Dalam Negeri). Untuk Perban: nama lembaga "
        "sesudah 'Peraturan' (misalnya Badan Pusat Statistik). Untuk Perda, Pergub, Perkada, dan Keputusan "
        "Kepala Daerah: nama daerah lengkap (misalnya Kota Parepare, Kabupaten Pangkajene dan Kepulauan, "
        "Provinsi Sulawesi Selatan).",
        default=None,
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

    @model_validator(mode="after")
    def check_shape(self) -> "LegalBasis":
        if self.kind is LegalKind.UUD:
            if self.number is not None or self.gazette is not None or self.supplement is not None:
                raise PydanticCustomError("S206", "UUD tidak memiliki nomor, lembaran, atau tambahan")
            if self.title is not None:
                raise PydanticCustomError("S206", "UUD tidak memiliki 'tentang'")
        else:
            for key, value in (("nomor", self.number), ("tentang", self.title)):
                if value is None:
                    raise PydanticCustomError("S201", "kunci wajib '{key}' tidak ada", {"key": key})
        if self.kind in (LegalKind.PERMEN, LegalKind.PERBAN, LegalKind.PERDA, LegalKind.PERKADA,
                         LegalKind.PERDA_PROVINSI, LegalKind.PERGUB, LegalKind.KEPKADA) and not self.issuer:
            raise PydanticCustomError(
                "S201",
                "kunci 'pembentuk' wajib untuk {kind} (kementerian atau daerah pembentuknya)",
                {"kind": self.kind.value},
            )
        if self.supplement is not None and self.kind in (LegalKind.PERMEN, LegalKind.PERBAN, LegalKind.PERKADA):
            raise PydanticCustomError(
                "S206", "{kind} diundangkan dalam Berita Negara/Daerah yang tidak memiliki Tambahan",
                {"kind": self.kind.value},
            )
        return self


class LegalCatalogue(RootModel[list[LegalBasis]]):
    """Katalog dasar hukum."""
