"""One innovation profile: ``kb/inovasi/<id>.yaml``.

The fields follow what the national Indeks Inovasi Daerah form asks for (name,
stage, initiator, digital or not, form, urusan, trial and implementation dates,
design, purpose, benefits, results) and what case libraries add (problem,
novelty, indicators before and after, awards, replication, sources, images with
their caption and source). The id is the file name, so it is written in exactly
one place. The Indonesian label of each allowed value is written beside it
(:class:`rancang.models.base.Choice`), once for every output.

Only ``nama`` is required: a profile may start small, and an unknown fact is
left out rather than guessed. ``rancang check`` reports what the index would
still ask for.
"""

from __future__ import annotations

from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from rancang.models.base import Choice, Email, Id, Markdown, Model, PartialDate, Text, Url, Year, field


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


class ReplicationEntry(Model):
    region: Text = field("daerah", "Daerah atau instansi, misalnya Kabupaten Pangkajene dan Kepulauan.")
    year: Year | None = field("tahun", "Tahun replikasi.", default=None)
    note: Text | None = field("keterangan", "Keterangan atau bukti (PKS, surat, berita).", default=None)


class Replication(Model):
    origin: list[ReplicationEntry] = field("dari", "Inovasi ini mereplikasi inovasi dari mana.", default_factory=list)
    adopters: list[ReplicationEntry] = field("oleh", "Daerah yang mereplikasi inovasi ini.", default_factory=list)
    requirements: Markdown | None = field("prasyarat", "Prasyarat agar daerah lain dapat mereplikasi.", default=None)
    lessons: Markdown | None = field("pelajaran", "Pelajaran yang dipetik.", default=None)


class Contact(Model):
    name: Text | None = field("nama", "Nama narahubung.", default=None)
    position: Text | None = field("jabatan", "Jabatan narahubung.", default=None)
    phone: Text | None = field("telepon", "Nomor telepon (tulis di antara tanda kutip).", default=None)
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
        "sumber", "Sumber atau pemilik gambar, misalnya 'Dokumentasi Bappeda Kota Parepare'.", default=None)
    cover: bool = field(
        "sampul", "true bila gambar ini menjadi sampul kartu inovasi di galeri (paling banyak satu gambar).",
        default=False)


class Innovation(Model):
    """Profil satu inovasi daerah."""

    name: Text = field("nama", "Nama inovasi, ditulis seperti nama resminya.")
    other_names: list[Text] = field(
        "nama_lain", "Ejaan atau nama lain yang dipakai sumber (untuk pencarian).", default_factory=list
    )
    summary: Markdown | None = field("ringkasan", "Ringkasan satu paragraf (≤ 200 kata).", default=None)
    agency: Id | None = field("perangkat_daerah", "Id perangkat daerah pelaksana (kb/perangkat-daerah.yaml).", default=None)
    unit: Text | None = field("unit", "Unit kerja di bawah perangkat daerah, bila ada.", default=None)
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
    novelty: Markdown | None = field("kebaruan", "Apa yang baru dan unik.", default=None)
    purpose: Markdown | None = field("tujuan", "Tujuan inovasi.", default=None)
    benefits: Markdown | None = field("manfaat", "Manfaat bagi daerah dan masyarakat.", default=None)
    results: Markdown | None = field("hasil", "Hasil yang dicapai.", default=None)
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
