"""Project settings: ``rancang.yaml``.

Another region adopts rancang by editing this file and the data folders. The
words that depend on the region -- ``Wali Kota`` or ``Bupati``, ``Kota`` or
``Kabupaten``, the Berita Daerah line -- are derived here once, so that no
renderer spells them itself.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re

from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from rancang.layout import DOCUMENTS_OUTPUT, OTHER_DIRECTORIES, SITE_OUTPUT
from rancang.models.base import Id, Model, Text, field
from rancang.models.innovation import RegionCode


class RegionKind(str, enum.Enum):
    CITY = "kota"
    REGENCY = "kabupaten"


class OfficeSpelling(str, enum.Enum):
    """Spelling of the mayor's office; practice differs between cities."""

    TWO_WORDS = "Wali Kota"
    ONE_WORD = "Walikota"


class Region(Model):
    kind: RegionKind = field("jenis", "kota atau kabupaten.")
    name: Text = field("nama", "Nama daerah tanpa 'Kota'/'Kabupaten', misalnya Parepare.")
    province: Text = field("provinsi", "Nama provinsi tanpa kata 'Provinsi', misalnya Sulawesi Selatan.")
    capital: Text | None = field(
        "ibu_kota",
        "Tempat penetapan dan pengundangan peraturan bila berbeda dari nama daerah (misalnya ibu kota "
        "kabupaten); bawaan: nama daerah.",
        default=None,
    )
    code: RegionCode | None = field(
        "kode",
        "Kode wilayah Kemendagri daerah ini di antara tanda kutip, misalnya \"73.72\" (Kota Parepare): alamat "
        "Akoma Ntoso peraturannya (/akn/id-7372/...).",
        default=None,
    )

    @field_validator("code")
    @classmethod
    def code_of_the_region(cls, value: str | None) -> str | None:
        """The region is a kota or kabupaten: its code has two parts (``73.72``), a province's (``73``) is wrong."""
        if value is not None and "." not in value:
            raise PydanticCustomError(
                "S206", "kode wilayah '{value}' adalah kode provinsi; daerah proyek adalah kota atau kabupaten: "
                "tulis kode NN.NN (misalnya 73.72)", {"value": value})
        return value

    @field_validator("name")
    @classmethod
    def name_without_kind(cls, value: str, info: ValidationInfo) -> str:
        """``nama: Kabupaten Pangkajene dan Kepulauan`` would print "BUPATI KABUPATEN PANGKAJENE ..."."""
        match = REGION_KIND_PREFIX.match(value)
        if match is None:
            return value
        rest = value[match.end():].strip()
        kind = info.data.get("kind")
        kind_value = kind.value if isinstance(kind, RegionKind) else "kota atau kabupaten"
        raise PydanticCustomError(
            "S208",
            "nama daerah '{nama}' diawali '{kata}': kata 'Kota'/'Kabupaten' sudah diturunkan dari jenis "
            "({jenis}), jadi tercetak dua kali (misalnya 'BUPATI KABUPATEN ...')",
            {"nama": value, "kata": match.group(1), "jenis": kind_value,
             "saran": f"tulis nama: {rest}" if rest else "tulis nama daerah saja"})


REGION_KIND_PREFIX = re.compile(r"^\s*(Kota|Kabupaten|Kab\.?|Pemerintah\s+(?:Kota|Kabupaten))(?=\s)", re.IGNORECASE)
"""A region's name that repeats its kind (``Kabupaten Pangkajene``, ``Kab. Pangkep``, ``Kota Parepare``).
Single words such as ``Kotabaru`` or ``Kotamobagu`` are names and pass."""

_LEADING_TITLES = ("Prof", "Dr", "Drs", "Dra", "Ir", "H", "Hj", "KH", "Hajjah")
"""Titles written before a name. ``H.``/``Hj.`` (haji, hajah) are religious honorifics, not degrees, but the
signature block of a regulation carries the name without any of them (Permendagri 80/2015, Lampiran II: nama
ditulis tanpa gelar dan pangkat), and in practice the Perbup/Perwali drop them too. ``H.`` is recognised only
before the name, where it is the honorific; inside a name it may be an initial (``Andi H. Sulaiman``)."""

_DEGREES = frozenset({
    "SH", "MH", "SE", "MM", "MSI", "SSOS", "SSTP", "MAP", "SPD", "SKOM", "ST", "MT", "PHD", "SIP", "MSC", "MA",
    "MPD", "MKES", "SKM", "SKED", "SAG", "MAG", "SHI", "MHI", "SSI", "SPSI", "MKN", "SIKOM", "SPT", "SP",
    "AMD", "MBA", "MPH", "MEC", "MEK", "MHUM", "SS", "MTP", "MPA", "LLM",
})
"""Degrees written after a name (``S.H.``, ``M.Si.``), compared without dots and spaces, in capitals."""

_NIP = re.compile(r"\bNIP\b|\d", re.IGNORECASE)


def titles_in_name(name: str) -> tuple[list[str], str]:
    """The titles, degrees or NIP written in a signatory's name, and the name without them:
    ``Dr. H. Andi Baso, S.H., M.H.`` -> (["Dr.", "H.", "S.H.", "M.H."], "Andi Baso")."""
    head, _, tail = name.partition(",")
    found: list[str] = []
    words = head.split()
    kept: list[str] = []
    leading = True
    for word in words:
        bare = word.rstrip(".")
        if leading and bare.lower() in {t.lower() for t in _LEADING_TITLES} and (word.endswith(".") or len(bare) > 1):
            found.append(word)
            continue
        leading = False
        if "." in bare and bare.replace(".", "").upper() in _DEGREES:
            found.append(word)  # "S.H." written without the comma before it
            continue
        kept.append(word)
    for part in tail.split(","):
        part = part.strip()
        if not part:
            continue
        key = part.replace(".", "").replace(" ", "").upper()
        if key in _DEGREES or "." in part or key.isdigit():
            found.append(part)
        else:
            kept.append(part)  # "Andi Muhammad, Jr"? kept: not a degree rancang knows
    clean = " ".join(kept)
    if _NIP.search(clean):
        nip = re.search(r"\bNIP\b.*|\d[\d\s]*", clean, re.IGNORECASE)
        assert nip is not None
        found.append(nip.group(0).strip())
        clean = clean[:nip.start()].strip()
    return found, clean


class Official(Model):
    name: Text | None = field("nama", "Nama lengkap tanpa gelar, pangkat, atau NIP (seperti di blok tanda tangan).",
                              default=None)
    title: Text | None = field(
        "jabatan", "Jabatan bila berbeda dari bawaan, misalnya 'Penjabat Wali Kota Parepare'.", default=None
    )

    @field_validator("name")
    @classmethod
    def name_without_titles(cls, value: str | None) -> str | None:
        if value is None:
            return value
        found, clean = titles_in_name(value)
        if not found:
            return value
        shown = ", ".join(f"'{t}'" for t in found)
        raise PydanticCustomError(
            "S209",
            "nama penanda tangan memuat gelar atau NIP ({gelar}); blok tanda tangan peraturan memuat nama tanpa "
            "gelar, pangkat, dan NIP (Permendagri 80/2015)",
            {"gelar": shown, "saran": f"tulis nama: {clean}" if clean else "tulis nama saja"})


class Outputs(Model):
    site: Text = field("situs", "Folder keluaran situs.", default=SITE_OUTPUT)
    documents: Text = field("dokumen", "Folder keluaran dokumen DOCX/PDF.", default=DOCUMENTS_OUTPUT)


class Margins(Model):
    top: float = field("atas", "Marjin atas (cm).", gt=0, le=10)
    bottom: float = field("bawah", "Marjin bawah (cm).", gt=0, le=10)
    left: float = field("kiri", "Marjin kiri (cm).", gt=0, le=10)
    right: float = field("kanan", "Marjin kanan (cm).", gt=0, le=10)


class Paper(str, enum.Enum):
    A4 = "A4"
    F4 = "F4"


class AmendmentStyle(Model):
    """How an amending regulation words the chain of earlier amendments, where regional practice varies (the
    domain notes on legal drafting, section 10: both forms are seen in enacted texts)."""

    comma_last: bool = field(
        "koma_sebelum_terakhir",
        "Tulis koma dalam 'sebagaimana telah beberapa kali diubah, terakhir dengan ...' (bawaan: ya); 'tidak' "
        "menulis '... diubah terakhir dengan ...'.", default=True)
    comma_before_verb: bool = field(
        "koma_sebelum_diubah",
        "Tulis koma sesudah nama peraturan yang diubah pada Pasal I: 'Beberapa ketentuan dalam ... (Berita "
        "Daerah ...), diubah sebagai berikut:' (bawaan: tidak).", default=False)


class Documents(Model):
    visit_paper: Paper = field(
        "kertas_kunjungan", "Ukuran kertas bahan dan laporan kunjungan kerja: A4 (bawaan) atau F4.",
        default=Paper.A4)
    margins: Margins | None = field(
        "marjin",
        "Marjin halaman dokumen dalam cm. Bawaan: marjin templat Word (atas 2,5; bawah 2; kiri 3; kanan 2).",
        default=None,
    )
    decree_invocation: bool = field(
        "keputusan_dengan_rahmat",
        "Cetak 'DENGAN RAHMAT TUHAN YANG MAHA ESA' pada Keputusan Wali Kota/Bupati (bawaan: ya). Templat "
        "sebagian daerah tidak memuatnya; peraturan selalu memuatnya.", default=True)
    amendments: AmendmentStyle = field(
        "perubahan", "Rumusan peraturan perubahan yang praktiknya beragam di daerah.",
        default_factory=AmendmentStyle)


class Checks(Model):
    """Which drafting rules ``rancang check`` applies (like ruff's ``ignore``)."""

    ignore: list[Text] = field(
        "abaikan",
        "Kode aturan yang tidak diperiksa di seluruh proyek, misalnya L544; awalan kode mencakup semua kode "
        "di bawahnya (L6 = semua aturan profil inovasi).",
        default_factory=list)
    ignore_per_file: dict[str, list[Text]] = field(
        "abaikan_per_berkas",
        "Kode aturan yang tidak diperiksa untuk berkas tertentu: pola jalur (misalnya 'kb/inovasi/*.yaml') "
        "dengan daftar kodenya.",
        default_factory=dict,
    )


class Site(Model):
    title: Text | None = field("judul", "Judul situs; bawaan: 'Direktori Inovasi <Kota/Kabupaten> <Nama>'.", default=None)
    description: Text | None = field("deskripsi", "Deskripsi singkat situs.", default=None)
    base_url: Text | None = field("alamat", "Alamat situs yang dipublikasikan.", default=None)


ORIGIN_FILE = "asal.yaml"
"""Beside each copy: where and when it was fetched (written by ``rancang direktori ambil``)."""

SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class OtherDirectory(Model):
    """Direktori inovasi daerah lain yang inovasinya boleh disebut dalam kunjungan (``parepare:call-center-112``)."""

    name: Text = field("nama", "Nama daerah pemilik direktori, seperti ditulis dalam sumber bahan kunjungan: "
                               "misalnya Kota Parepare.")
    address: Text = field(
        "alamat",
        "Alamat data/inovasi.json yang diterbitkan direktori itu: https://... atau jalur berkas (relatif terhadap "
        "folder proyek). Hanya dibaca oleh 'rancang direktori ambil'; pembangunan tidak pernah mengakses jaringan.")
    copy_file: Text | None = field(
        "salinan",
        "Jalur salinan inovasi.json di dalam folder proyek, ditulis oleh 'rancang direktori ambil'; bawaan: "
        f"{OTHER_DIRECTORIES}/<nama>/inovasi.json.", default=None)

    def copy_path(self, key: str) -> str:
        """The copy's path relative to the project root: ``direktori-lain/parepare/inovasi.json``."""
        return self.copy_file or f"{OTHER_DIRECTORIES}/{key}/inovasi.json"


class CopiedFile(Model):
    sha256: Text = field("sha256", "Sidik SHA-256 isi berkas saat diambil.", pattern=SHA256_PATTERN.pattern)
    count: int = field("jumlah", "Banyaknya rekaman dalam berkas.", ge=0)


class CopyOrigin(Model):
    """``asal.yaml`` beside a copy of another directory: written by ``rancang direktori ambil``, not by hand."""

    address: Text = field("alamat", "Alamat atau jalur tempat salinan diambil.")
    fetched: _dt.datetime = field("diambil", "Tanggal dan waktu pengambilan.")
    sha256: Text = field("sha256", "Sidik SHA-256 isi inovasi.json saat diambil.", pattern=SHA256_PATTERN.pattern)
    count: int = field("jumlah", "Banyaknya profil inovasi dalam inovasi.json.", ge=0)
    others: dict[str, CopiedFile] = field(
        "berkas_lain", "Berkas lain yang ikut diambil di samping inovasi.json (perangkat-daerah.json, "
                       "dasar-hukum.json).", default_factory=dict)


class Project(Model):
    """Pengaturan proyek rancang."""

    region: Region = field("daerah", "Daerah: jenis, nama, dan provinsi.")
    office_spelling: OfficeSpelling = field(
        "ejaan_jabatan",
        "Ejaan jabatan kepala daerah kota: 'Wali Kota' (bawaan) atau 'Walikota'. Samakan dengan Perwali "
        "yang sudah ada di daerah Anda. Tidak berlaku untuk kabupaten.",
        default=OfficeSpelling.TWO_WORDS,
    )
    head: Official = field("kepala_daerah", "Kepala daerah (penanda tangan penetapan).", default_factory=Official)
    secretary: Official = field(
        "sekretaris_daerah", "Sekretaris daerah (penanda tangan pengundangan).", default_factory=Official
    )
    emblem: Text | None = field(
        "lambang", "Jalur gambar lambang (PNG/JPEG) di dalam folder proyek, untuk kop peraturan.", default=None
    )
    outputs: Outputs = field("keluaran", "Folder keluaran.", default_factory=Outputs)
    documents: Documents = field("dokumen", "Pengaturan dokumen Word/PDF.", default_factory=Documents)
    site: Site = field("situs", "Pengaturan situs basis pengetahuan.", default_factory=Site)
    checks: Checks = field("pemeriksaan", "Aturan penyusunan yang diabaikan oleh rancang check.",
                           default_factory=Checks)
    other_directories: dict[Id, OtherDirectory] = field(
        "direktori_lain",
        "Direktori inovasi daerah lain yang inovasinya disebut dalam kunjungan sebagai <nama>:<id> (misalnya "
        "parepare:call-center-112): nama pendek (huruf kecil, angka, tanda hubung) dengan nama daerah, alamat "
        "data/inovasi.json-nya, dan jalur salinannya. Salinan diambil dengan 'rancang direktori ambil'.",
        default_factory=dict)

    @field_validator("office_spelling")
    @classmethod
    def spelling_for_regency(cls, value: OfficeSpelling, info: ValidationInfo) -> OfficeSpelling:
        region = info.data.get("region")
        if region is not None and region.kind is RegionKind.REGENCY and value is OfficeSpelling.ONE_WORD:
            raise PydanticCustomError("S206", "ejaan_jabatan hanya berlaku untuk kota; kabupaten dipimpin Bupati")
        return value

    # -- words derived from the region ------------------------------------------

    @property
    def region_kind_word(self) -> str:
        """``Kota`` or ``Kabupaten``."""
        return "Kota" if self.region.kind is RegionKind.CITY else "Kabupaten"

    @property
    def region_full_name(self) -> str:
        """``Kota Parepare``."""
        return f"{self.region_kind_word} {self.region.name}"

    @property
    def head_office(self) -> str:
        """``Wali Kota``, ``Walikota`` or ``Bupati``."""
        return self.office_spelling.value if self.region.kind is RegionKind.CITY else "Bupati"

    @property
    def office_title(self) -> str:
        """``Wali Kota Parepare``: the office that makes the regulation (kop, title, jabatan pembentuk)."""
        return f"{self.head_office} {self.region.name}"

    @property
    def head_title(self) -> str:
        """The signatory's title: ``Wali Kota Parepare``, or the configured one (``Penjabat Wali Kota Parepare``)."""
        return self.head.title or self.office_title

    @property
    def secretary_title(self) -> str:
        """``Sekretaris Daerah Kota Parepare`` (or the configured title)."""
        return self.secretary.title or f"Sekretaris Daerah {self.region_full_name}"

    @property
    def regulation_name(self) -> str:
        """``Peraturan Wali Kota`` or ``Peraturan Bupati``."""
        return f"Peraturan {self.head_office}"

    @property
    def gazette_name(self) -> str:
        """``Berita Daerah Kota Parepare``."""
        return f"Berita Daerah {self.region_full_name}"

    @property
    def site_title(self) -> str:
        return self.site.title or f"Direktori Inovasi {self.region_full_name}"

