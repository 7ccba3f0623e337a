"""One innovation profile: ``kb/inovasi/<id>.yaml``.

The fields follow what the national Indeks Inovasi Daerah form asks for (name,
stage, initiator, digital or not, form, urusan, trial and implementation dates,
design, purpose, benefits, results) and what case libraries add (problem,
novelty, indicators before and after, awards, replication, sources, images with
their caption and source), and what provincial and national collections hold
(the region with its Kemendagri code, the process steps, the driving and
hindering factors, the contact's address and phone numbers). The id is the file
name, so it is written in exactly one place. The Indonesian label of each
allowed value is written beside it (:class:`rancang.models.base.Choice`), once
for every output.

Only ``nama`` is required: a profile may start small, and an unknown fact is
left out rather than guessed. ``rancang check`` reports what the index would
still ask for.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from rancang.models.base import Choice, Email, Id, Markdown, Model, PartialDate, Text, Url, Year, field
from rancang.models.iid import Evidence


class Form(Choice):
    """Bentuk inovasi daerah (PP 38/2017)."""

    GOVERNANCE = "tata_kelola", "Tata kelola pemerintahan daerah"
    PUBLIC_SERVICE = "pelayanan_publik", "Pelayanan publik"
    OTHER = "lainnya", "Inovasi daerah lainnya"


class Kind(Choice):
    """Jenis: digital (daring) or non-digital (luring), as the IID form classes it."""

    DIGITAL = "digital", "Digital"
    NON_DIGITAL = "non_digital", "Non-digital"


class Stage(Choice):
    """Tahapan as reported in the IID."""

    INITIATIVE = "inisiatif", "Inisiatif"
    TRIAL = "uji_coba", "Uji coba"
    IMPLEMENTATION = "penerapan", "Penerapan"


class Initiator(Choice):
    """Who proposed the innovation (PP 38/2017)."""

    HEAD_OF_REGION = "kepala_daerah", "Kepala daerah"
    COUNCIL_MEMBER = "anggota_dprd", "Anggota DPRD"
    CIVIL_SERVANT = "asn", "ASN"
    AGENCY = "perangkat_daerah", "Perangkat daerah"
    CITIZEN = "masyarakat", "Masyarakat"


class Status(Choice):
    RUNNING = "berjalan", "Berjalan"
    STOPPED = "berhenti", "Berhenti"


class AwardLevel(Choice):
    """Listed from the lowest level to the highest."""

    CITY = "daerah", "Daerah"
    PROVINCE = "provinsi", "Provinsi"
    NATIONAL = "nasional", "Nasional"
    INTERNATIONAL = "internasional", "Internasional"


class Measurement(Model):
    value: float = field("nilai", "Nilai angka.", allow_inf_nan=False)
    year: Year | None = field("tahun", "Tahun pengukuran.", default=None)
    note: Text | None = field("keterangan", "Keterangan, misalnya 'sekitar' atau 'per bulan'.", default=None)


class Indicator(Model):
    """A measured result: baseline and result."""

    name: Text = field("nama", "Apa yang diukur, misalnya 'Perempuan pesisir aktif'.")
    unit: Text | None = field("satuan", "Satuan, misalnya orang, ton, rupiah per bulan.", default=None)
    baseline: Measurement | None = field("awal", "Nilai sebelum inovasi (baseline).", default=None)
    result: Measurement | None = field("hasil", "Nilai sesudah inovasi.", default=None, validate_default=True)
    source: Url | None = field("sumber", "Sumber angka ini, bila berbeda dari sumber profil.", default=None)

    @field_validator("result")
    @classmethod
    def needs_a_value(cls, value: Measurement | None, info: ValidationInfo) -> Measurement | None:
        if value is None and "baseline" in info.data and info.data["baseline"] is None:
            raise PydanticCustomError("S201", "indikator harus memiliki 'awal', 'hasil', atau keduanya")
        return value


class Budget(Model):
    year: Year = field("tahun", "Tahun anggaran.")
    amount: float | None = field("jumlah", "Jumlah dalam rupiah.", default=None, ge=0, allow_inf_nan=False)
    source: Text | None = field("sumber", "Sumber dana, misalnya APBD, APBN, CSR.", default=None)


class LegalRef(Model):
    """The legal basis of the innovation: a catalogue entry, or a decree described in words."""

    id: Id | None = field("id", "Id dalam kb/dasar-hukum.yaml.", default=None)
    regulation: Id | None = field(
        "regulasi", "Id rancangan peraturan proyek ini (regulations/<id>.yaml) yang mengatur inovasi ini.",
        default=None)
    description: Text | None = field(
        "uraian", "Uraian bila dasar hukumnya belum ada di katalog (misalnya SK Wali Kota yang belum bernomor).",
        default=None,
        validate_default=True,
    )

    @field_validator("description")
    @classmethod
    def one_of(cls, value: str | None, info: ValidationInfo) -> str | None:
        if "id" not in info.data or "regulation" not in info.data:
            return value  # already reported
        given = [key for key, present in (("id", info.data["id"] is not None),
                                          ("regulasi", info.data["regulation"] is not None),
                                          ("uraian", value is not None)) if present]
        if len(given) > 1:
            raise PydanticCustomError("S206", "isi salah satu dari 'id', 'regulasi', atau 'uraian', tidak {keys}",
                                      {"keys": " dan ".join(given), "kunci": given[-1]})
        if not given:
            raise PydanticCustomError("S201", "isi salah satu: 'id' (dari katalog), 'regulasi', atau 'uraian'")
        return value


class Award(Model):
    name: Text = field("nama", "Nama penghargaan, misalnya 'Top 45 KIPP'.")
    year: Year = field("tahun", "Tahun penghargaan.")
    giver: Text | None = field("pemberi", "Pemberi penghargaan, misalnya Kementerian PANRB.", default=None)
    level: AwardLevel | None = field("tingkat", "Tingkat: daerah, provinsi, nasional, internasional.", default=None)
    source: Url | None = field("sumber", "Sumber berita atau sertifikat.", default=None)


from rancang.models.visit import InnovationRef  # noqa: E402 (kept beside its only use in this module)


class ReplicationEntry(Model):
    """One replication: the region (words), the innovation (an id, ours or ``<direktori>:<id>`` of another
    region's directory), or both; the references are resolved by :mod:`rancang.references` (R310-R312)."""

    region: Text | None = field(
        "daerah", "Daerah atau instansi, misalnya Kabupaten Pangkajene dan Kepulauan; boleh dikosongkan bila "
        "'inovasi' diisi (daerahnya diambil dari profil inovasi itu).", default=None)
    innovation: InnovationRef | None = field(
        "inovasi", "Inovasi yang direplikasi (di 'dari') atau yang mereplikasi (di 'oleh'): id profil di "
        "kb/inovasi/ (misalnya layanan-112), atau <direktori>:<id> untuk inovasi daerah lain yang "
        "direktorinya terdaftar di direktori_lain rancang.yaml (misalnya kota-tetangga:layanan-112).", default=None, validate_default=True)
    year: Year | None = field("tahun", "Tahun replikasi.", default=None)
    note: Text | None = field("keterangan", "Keterangan atau bukti (PKS, surat, berita).", default=None)

    @field_validator("innovation")
    @classmethod
    def names_something(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and "region" in info.data and info.data["region"] is None:
            raise PydanticCustomError("S201", "isi 'daerah', 'inovasi', atau keduanya")
        return value


class Replication(Model):
    origin: list[ReplicationEntry] = field("dari", "Inovasi ini mereplikasi inovasi dari mana.", default_factory=list)
    adopters: list[ReplicationEntry] = field("oleh", "Daerah yang mereplikasi inovasi ini.", default_factory=list)
    requirements: Markdown | None = field("prasyarat", "Prasyarat agar daerah lain dapat mereplikasi.", default=None)
    lessons: Markdown | None = field("pelajaran", "Pelajaran yang dipetik.", default=None)


def _one_or_more(value: Any) -> Any:
    """A single value where a list is expected becomes a list of one (``telepon: "0421-21112"`` as written before
    a profile could hold several numbers); the value's location stays that of the scalar."""
    return [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value


def _text_or_list_schema(schema: dict[str, Any]) -> None:
    """JSON Schema of a list of texts that also accepts one text."""
    items = schema.pop("items")
    schema.pop("type", None)
    schema["anyOf"] = [{"type": "array", "items": items}, dict(items)]


class Contact(Model):
    name: Text | None = field("nama", "Nama narahubung.", default=None)
    position: Text | None = field("jabatan", "Jabatan narahubung.", default=None)
    address: Text | None = field("alamat", "Alamat kantor atau tempat layanan.", default=None)
    phones: Annotated[list[Text], BeforeValidator(_one_or_more)] = field(
        "telepon", "Nomor telepon, masing-masing di antara tanda kutip; satu nomor boleh ditulis tanpa daftar "
        "(telepon: \"0421-21112\").", default_factory=list, json_schema_extra=_text_or_list_schema)
    email: Email | None = field("surel", "Alamat surel.", default=None)
    website: Url | None = field("situs", "Situs web.", default=None)


class CitedSource(Model):
    """A cited source."""

    title: Text = field("judul", "Judul artikel atau dokumen.")
    url: Url | None = field("url", "Alamat web.", default=None)
    publisher: Text | None = field("penerbit", "Penerbit atau media.", default=None)
    date: PartialDate | None = field("tanggal", "Tanggal terbit.", default=None)
    accessed: PartialDate | None = field("diakses", "Tanggal diakses.", default=None)


IMAGE_SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
"""File names an image of a profile may have, and the kind of image each must hold (checked by content)."""

IMAGE_MAX_BYTES = 5 * 1024 * 1024
"""Largest image file of a profile: 5 MB (a photo for a page or an A4 brief needs far less)."""

IMAGE_MAX_TEXT = "5 MB"


class Picture(Model):
    """An image of the profile: a photo of the service, a screenshot, a diagram."""

    file: Text = field(
        "berkas", "Jalur berkas gambar di dalam folder proyek, misalnya kb/gambar/srikandi.jpg: PNG, JPEG, atau "
        f"SVG, paling besar {IMAGE_MAX_TEXT}.")
    caption: Text = field("keterangan", "Keterangan gambar: apa yang tampak (juga dibaca oleh pembaca layar).")
    source: Text | None = field(
        "sumber", "Sumber atau pemilik gambar, misalnya 'Dokumentasi Bappeda'.", default=None)
    cover: bool = field(
        "sampul", "true bila gambar ini menjadi sampul kartu inovasi di galeri (paling banyak satu gambar).",
        default=False)


REGION_CODE = re.compile(r"^[0-9]{2}(?:\.[0-9]{2})?$")
"""Kode wilayah Kemendagri: ``73`` (provinsi) or ``73.72`` (kabupaten/kota)."""

_CODE_HELP = "tulis kode Kemendagri NN untuk provinsi (misalnya 73) atau NN.NN untuk kabupaten/kota (misalnya 73.72)"


def _code_as_written(value: Any) -> Any:
    """``kode: 73`` is read as a number and means the text "73"; ``kode: 73.10`` is read as the number 73.1, whose
    written form is lost: it must be quoted."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise PydanticCustomError(
            "S206", "kode wilayah {value} ditulis tanpa tanda kutip sehingga terbaca sebagai bilangan (73.10 "
            "menjadi 73.1): tulis kodenya di antara tanda kutip, misalnya kode: \"73.72\"", {"value": repr(value)})
    return value


def _check_code(value: str) -> str:
    if not REGION_CODE.match(value):
        raise PydanticCustomError("S206", "kode wilayah '{value}' tidak valid: " + _CODE_HELP, {"value": value})
    return value


def _code_schema(schema: dict[str, Any]) -> None:
    schema.pop("type", None)
    schema["anyOf"] = [{"type": "string", "pattern": REGION_CODE.pattern},
                       {"type": "integer", "minimum": 10, "maximum": 99}]


RegionCode = Annotated[
    str,
    BeforeValidator(_code_as_written),
    AfterValidator(_check_code),
    Field(json_schema_extra=_code_schema),
]
"""A Kemendagri region code, as text (a bare two-digit number is taken as written)."""


class Area(Model):
    """The region of the innovation, for provincial and national directories."""

    province: Text = field("provinsi", "Nama provinsi tanpa kata 'Provinsi', misalnya Sulawesi Selatan.")
    city: Text | None = field(
        "kabupaten_kota", "Kabupaten atau kota dengan jenisnya ('Kabupaten ...' atau 'Kota ...'); kosongkan untuk "
        "inovasi pemerintah provinsi.", default=None)
    code: RegionCode | None = field(
        "kode", "Kode wilayah Kemendagri di antara tanda kutip: \"73\" untuk provinsi, \"73.72\" untuk "
        "kabupaten/kota.", default=None)

    @field_validator("code")
    @classmethod
    def matches_the_level(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or "city" not in info.data:
            return value
        if info.data["city"] is not None and "." not in value:
            raise PydanticCustomError(
                "S206", "kode wilayah '{value}' adalah kode provinsi, sedangkan 'kabupaten_kota' diisi: tulis kode "
                "kabupaten/kota NN.NN (misalnya 73.72)", {"value": value})
        if info.data["city"] is None and "." in value:
            raise PydanticCustomError(
                "S206", "kode wilayah '{value}' adalah kode kabupaten/kota, tetapi 'kabupaten_kota' tidak diisi: "
                "isi 'kabupaten_kota', atau tulis kode provinsi NN (misalnya 73)", {"value": value})
        return value


class Innovation(Model):
    """Profil satu inovasi daerah."""

    name: Text = field("nama", "Nama inovasi, ditulis seperti nama resminya.")
    other_names: list[Text] = field(
        "nama_lain", "Ejaan atau nama lain yang dipakai sumber (untuk pencarian).", default_factory=list
    )
    summary: Markdown | None = field("ringkasan", "Ringkasan satu paragraf (≤ 200 kata).", default=None)
    agency: Id | None = field("perangkat_daerah", "Id perangkat daerah pelaksana (kb/perangkat-daerah.yaml).", default=None)
    unit: Text | None = field("unit", "Unit kerja di bawah perangkat daerah, bila ada.", default=None)
    area: Area | None = field(
        "wilayah", "Provinsi dan kabupaten/kota inovasi ini, dengan kode wilayah Kemendagri (untuk direktori "
        "provinsi dan nasional).", default=None)
    initiator: Initiator | None = field(
        "inisiator",
        "Penggagas: kepala_daerah, anggota_dprd, asn, perangkat_daerah, atau masyarakat.",
        default=None,
    )
    innovators: list[Text] = field("inovator", "Nama inovator.", default_factory=list)
    form: Form | None = field("bentuk", "Bentuk: tata_kelola, pelayanan_publik, atau lainnya.", default=None)
    kind: Kind | None = field("jenis", "Jenis: digital atau non_digital.", default=None)
    affairs: list[Text] = field(
        "urusan", "Urusan pemerintahan, misalnya 'kelautan dan perikanan'.", default_factory=list
    )
    stage: Stage | None = field("tahapan", "Tahapan: inisiatif, uji_coba, atau penerapan.", default=None)
    started: PartialDate | None = field("tanggal_inisiatif", "Tanggal (atau tahun) ide dimulai.", default=None)
    trial_date: PartialDate | None = field("tanggal_uji_coba", "Tanggal (atau tahun) mulai uji coba.", default=None)
    implementation_date: PartialDate | None = field(
        "tanggal_penerapan", "Tanggal (atau tahun) mulai penerapan.", default=None
    )
    status: Status | None = field("status", "Status: berjalan atau berhenti.", default=None)
    verified: PartialDate | None = field(
        "diverifikasi", "Tanggal terakhir profil ini diperiksa kebenarannya.", default=None
    )
    design: Markdown | None = field(
        "rancang_bangun", "Rancang bangun dan pokok perubahan (formulir IID meminta ≥ 300 kata).", default=None
    )
    problem: Markdown | None = field("masalah", "Masalah yang diatasi, sebaiknya dengan angka awal.", default=None)
    solution: Markdown | None = field("solusi", "Cara inovasi mengatasi masalah.", default=None)
    steps: Markdown | None = field(
        "langkah", "Alur atau tahapan proses inovasi, sebaiknya sebagai daftar bernomor (1. ..., 2. ...).",
        default=None)
    novelty: Markdown | None = field("kebaruan", "Apa yang baru dan unik.", default=None)
    purpose: Markdown | None = field("tujuan", "Tujuan inovasi.", default=None)
    benefits: Markdown | None = field("manfaat", "Manfaat bagi daerah dan masyarakat.", default=None)
    results: Markdown | None = field("hasil", "Hasil yang dicapai.", default=None)
    drivers: Markdown | None = field(
        "faktor_pendorong", "Faktor yang mendorong keberhasilan inovasi.", default=None)
    obstacles: Markdown | None = field(
        "faktor_penghambat", "Faktor yang menghambat inovasi dan cara mengatasinya.", default=None)
    indicators: list[Indicator] = field("indikator", "Ukuran hasil: nilai awal dan hasil.", default_factory=list)
    budget: list[Budget] = field("anggaran", "Dukungan anggaran per tahun.", default_factory=list)
    legal_basis: list[LegalRef] = field("dasar_hukum", "Dasar hukum inovasi (SK, Perkada, Perda).", default_factory=list)
    awards: list[Award] = field("penghargaan", "Penghargaan yang diraih.", default_factory=list)
    replication: Replication | None = field("replikasi", "Replikasi dari dan oleh daerah lain.", default=None)
    contact: Contact | None = field("kontak", "Narahubung.", default=None)
    video: Url | None = field("video", "Tautan video inovasi.", default=None)
    images: list[Picture] = field(
        "gambar", "Gambar inovasi (foto, tangkapan layar, bagan) dengan keterangan dan sumbernya; tampil di "
        "halaman profil dan di bahan kunjungan, dan yang ditandai sampul di kartu galeri.", default_factory=list)
    tags: list[Text] = field("tag", "Kata kunci bebas untuk penelusuran.", default_factory=list)
    sources: list[CitedSource] = field("sumber", "Sumber fakta dalam profil ini.", default_factory=list)
    evidence: list[Evidence] = field(
        "bukti", "Bukti dukung Indeks Inovasi Daerah (IID) per indikator aspek SID: indikator, tingkat yang "
        "diklaim (1-3), dan dokumennya (berkas di dalam proyek atau tautan); satu butir per dokumen. Yang belum "
        "ada dibiarkan kosong: rancang iid melaporkan apa yang masih kurang.", default_factory=list)
