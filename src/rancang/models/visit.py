"""A study visit (kunjungan kerja / studi banding): ``visits/<id>.yaml``.

One file serves before the visit (the brief: pendahuluan, waktu dan tempat,
peserta, agenda, the innovations and key questions) and after it (the report:
results per session, conclusions, follow-up). The innovations are ids in the
knowledge base, so their facts are written once; an innovation of another region
is named ``<direktori>:<id>`` (``parepare:call-center-112``) after a directory
listed in ``direktori_lain`` of rancang.yaml, whose copy holds its facts.
"""

from __future__ import annotations

import enum
import re
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from rancang.models.base import Email, Markdown, Model, PartialDate, Text, field


INNOVATION_REF = re.compile(r"^(?:([a-z0-9][a-z0-9-]*):)?([a-z0-9][a-z0-9-]*)$")
"""``call-center-112`` (our knowledge base) or ``parepare:call-center-112`` (another region's directory)."""


def _check_ref(value: str) -> str:
    if not INNOVATION_REF.match(value):
        raise PydanticCustomError(
            "S207",
            "id '{value}' tidak valid: pakai huruf kecil a-z, angka, dan tanda hubung (call-center-112); inovasi "
            "daerah lain ditulis dengan nama direktorinya dan titik dua (parepare:call-center-112)",
            {"value": value},
        )
    return value


InnovationRef = Annotated[
    str,
    AfterValidator(_check_ref),
    Field(json_schema_extra={"pattern": INNOVATION_REF.pattern}),
]
"""An innovation of the visit: an id of ``kb/inovasi/`` or ``<directory>:<id>`` of another region's directory."""


def split_ref(ref: str) -> tuple[str | None, str]:
    """``("parepare", "call-center-112")`` for ``parepare:call-center-112``; ``(None, id)`` for our own id."""
    directory, colon, record_id = ref.partition(":")
    return (directory, record_id) if colon else (None, ref)


class Role(str, enum.Enum):
    HOST = "tuan_rumah"
    GUEST = "tamu"


class Side(str, enum.Enum):
    """Which party a person belongs to."""

    OURS = "kita"
    THEIRS = "mereka"


class Party(Model):
    name: Text = field("nama", "Nama instansi, misalnya DPRD Kabupaten Pangkajene dan Kepulauan.")
    region: Text | None = field("daerah", "Daerah asal, misalnya Kabupaten Pangkajene dan Kepulauan.", default=None)
    province: Text | None = field("provinsi", "Provinsi.", default=None)


class Person(Model):
    name: Text | None = field("nama", "Nama (boleh dikosongkan bila hanya jabatan yang diketahui).", default=None)
    position: Text | None = field("jabatan", "Jabatan.", default=None, validate_default=True)
    side: Side = field("pihak", "kita (pihak kita) atau mereka (pihak lain).")
    role: Text | None = field("peran", "Peran dalam kunjungan, misalnya narasumber atau ketua rombongan.", default=None)
    phone: Text | None = field("telepon", "Telepon narahubung (tulis di antara tanda kutip).", default=None)
    email: Email | None = field("surel", "Surel narahubung.", default=None)
    contact_person: bool = field("narahubung", "true bila orang ini narahubung.", default=False)

    @field_validator("position")
    @classmethod
    def name_or_position(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and "name" in info.data and info.data["name"] is None:
            raise PydanticCustomError("S201", "isi 'nama' atau 'jabatan' (atau keduanya)")
        return value


class AgendaItem(Model):
    time: Text | None = field("waktu", "Waktu, misalnya '09.00-10.00' (tulis di antara tanda kutip).", default=None)
    date: PartialDate | None = field("tanggal", "Tanggal, bila kunjungan lebih dari satu hari.", default=None)
    activity: Text = field("kegiatan", "Kegiatan.")
    speaker: Text | None = field("penyaji", "Penyaji atau pelaksana.", default=None)
    place: Text | None = field("tempat", "Tempat, bila berbeda dari tempat kunjungan.", default=None)
    innovation: InnovationRef | None = field(
        "inovasi", "Id inovasi yang dibahas pada sesi ini (inovasi daerah lain: <direktori>:<id>).", default=None)


class SessionResult(Model):
    """What came out of one session (filled in after the visit)."""

    title: Text = field("judul", "Judul sesi atau pokok bahasan.")
    innovation: InnovationRef | None = field(
        "inovasi", "Id inovasi yang dibahas (inovasi daerah lain: <direktori>:<id>).", default=None)
    description: Markdown = field("uraian", "Uraian hasil.")


class FollowUp(Model):
    action: Text = field("kegiatan", "Tindak lanjut.")
    owner: Text | None = field("penanggung_jawab", "Perangkat daerah atau pejabat penanggung jawab.", default=None)
    due: PartialDate | None = field("tenggat", "Tenggat waktu.", default=None)


class Reporter(Model):
    """Who signs the report (laporan hasil kunjungan kerja) at its end."""

    name: Text = field("nama", "Nama pelapor, seperti ditulis di bawah tanda tangan.")
    position: Text | None = field("jabatan", "Jabatan pelapor, misalnya Kepala Bagian Organisasi.", default=None)
    nip: Text | None = field("nip", "NIP pelapor, bila ada (tulis di antara tanda kutip).", default=None)


class Visit(Model):
    """Kunjungan kerja (studi banding)."""

    title: Text | None = field("judul", "Judul kegiatan; bawaan dibuat dari pihak dan tanggal.", default=None)
    role: Role = field("peran", "Peran kita: tuan_rumah atau tamu.")
    other_party: Party = field("pihak_lain", "Pihak yang berkunjung atau yang dikunjungi.")
    date: PartialDate = field("tanggal", "Tanggal (hari pertama) kunjungan.")
    end_date: PartialDate | None = field("sampai", "Tanggal hari terakhir, bila lebih dari satu hari.", default=None)
    place: Text | None = field("tempat", "Tempat kunjungan.", default=None)
    basis: list[Text] = field("dasar", "Dasar pelaksanaan: surat undangan, SPT, DPA.", default_factory=list)
    background: Markdown | None = field("latar_belakang", "Latar belakang.", default=None)
    purpose: Markdown | None = field("maksud", "Maksud kunjungan.", default=None)
    objectives: list[Text] = field("tujuan", "Tujuan kunjungan.", default_factory=list)
    participants: list[Person] = field("peserta", "Peserta dan narahubung kedua pihak.", default_factory=list)
    agenda: list[AgendaItem] = field("agenda", "Susunan acara.", default_factory=list)
    innovations: list[InnovationRef] = field(
        "inovasi",
        "Inovasi yang dipaparkan atau dipelajari: id di kb/inovasi/<id>.yaml, atau <direktori>:<id> untuk inovasi "
        "daerah lain dari direktori yang terdaftar di direktori_lain (rancang.yaml), misalnya "
        "parepare:call-center-112.", default_factory=list
    )
    key_questions: list[Text] = field("pertanyaan_kunci", "Pertanyaan kunci.", default_factory=list)
    expected_outputs: list[Text] = field("keluaran", "Keluaran yang diharapkan.", default_factory=list)
    funding: Text | None = field("sumber_dana", "Sumber dana kunjungan.", default=None)
    results: list[SessionResult] = field("hasil", "Hasil per sesi (diisi sesudah kunjungan).", default_factory=list)
    conclusions: list[Text] = field("kesimpulan", "Kesimpulan (sesudah kunjungan).", default_factory=list)
    follow_up: list[FollowUp] = field("tindak_lanjut", "Rencana tindak lanjut (sesudah kunjungan).", default_factory=list)
    sources: list[Text] = field("sumber", "Sumber fakta kunjungan (judul dan alamat berita).", default_factory=list)
    reporter: Reporter | None = field(
        "pelapor", "Pelapor yang menandatangani laporan hasil kunjungan: nama, jabatan, dan NIP (bila ada).",
        default=None)

    @field_validator("end_date")
    @classmethod
    def end_after_start(cls, value: PartialDate | None, info: ValidationInfo) -> PartialDate | None:
        start = info.data.get("date")
        if value is not None and start is not None and value.as_date() < start.as_date():
            raise PydanticCustomError("S205", "'sampai' ({end}) lebih awal dari 'tanggal' ({start})",
                                      {"end": str(value), "start": str(start)})
        return value
