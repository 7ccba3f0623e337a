"""A regulation draft: ``regulations/<id>.yaml``.

The body is a tree -- BAB, Bagian, Paragraf, Pasal, ayat, rincian -- written
**without any number**: the regulation engine numbers it once, and every output
renders that numbered tree. Elements that are referred to carry an ``id``.

A list item or an ayat may be written as plain text, or as a mapping when it
needs an id or sub-items::

    batang_tubuh:
      - bab: KETENTUAN UMUM ...        # a BAB: its title, then its content
        isi:
          - bagian: Bentuk              # a Bagian inside it
            isi:
              - id: bentuk              # a Pasal (it has teks or ayat)
                teks: "Bentuk Inovasi Daerah meliputi:"
                rincian:
                  sifat: kumulatif      # -> "; dan" on the second-to-last item
                  butir:
                    - inovasi tata kelola pemerintahan daerah
                    - inovasi pelayanan publik
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, Iterator, Union

from pydantic import (ConfigDict, Discriminator, Field, Tag, TypeAdapter, ValidationError, ValidationInfo,
                      ValidatorFunctionWrapHandler, field_validator, model_validator)
from pydantic_core import InitErrorDetails, PydanticCustomError

from rancang.models.base import Id, Markdown, Model, PartialDate, Text, Year, field


class RegulationKind(str, enum.Enum):
    MAYOR = "peraturan_wali_kota"
    REGENT = "peraturan_bupati"
    REGIONAL = "peraturan_daerah"
    """A Peraturan Daerah (Perda): made by the head of region with the DPRD's joint approval."""
    MAYOR_DECREE = "keputusan_wali_kota"
    """A Keputusan Wali Kota: a concrete, individual, final decision in diktum, not promulgated."""
    REGENT_DECREE = "keputusan_bupati"
    """A Keputusan Bupati (as :attr:`MAYOR_DECREE`; the region decides the word, as for a Perkada)."""

    @property
    def is_decree(self) -> bool:
        """A Keputusan Kepala Daerah (Keputusan Wali Kota/Bupati)."""
        return self in (RegulationKind.MAYOR_DECREE, RegulationKind.REGENT_DECREE)


class ListKind(str, enum.Enum):
    """Sifat rincian: decides the single conjunction on the second-to-last item."""

    CUMULATIVE = "kumulatif"  # "; dan"
    ALTERNATIVE = "alternatif"  # "; atau"
    BOTH = "kumulatif_alternatif"  # "; dan/atau"


def _error(loc: tuple, code: str, message: str, context: dict, value: Any) -> InitErrorDetails:
    """One located error of a validator that checks values below its own field (raised together as a
    ``ValidationError``, whose locations pydantic appends to the field's: the message points at the value)."""
    return InitErrorDetails(type=PydanticCustomError(code, message, context), loc=loc, input=value)


def _text_shorthand(value: Any) -> Any:
    """Allow ``- some text`` where a mapping ``- teks: some text`` is meant."""
    if isinstance(value, str):
        return {"teks": value}
    return value


class Point(Model):
    """One item of a rincian (huruf, angka, or a deeper level)."""

    id: Id | None = field("id", "Id untuk dirujuk dari teks lain.", default=None)
    text: Text = field("teks", "Isi butir, tanpa huruf/angka di depan dan tanpa tanda baca di akhir.")
    items: "Enumeration | None" = field("rincian", "Rincian di bawah butir ini.", default=None)

    @model_validator(mode="before")
    @classmethod
    def text_shorthand(cls, value: Any) -> Any:
        return _text_shorthand(value)


class Enumeration(Model):
    """A rincian: items lettered a., b., ... (or 1., a), 1) at deeper levels)."""

    kind: ListKind = field(
        "sifat",
        "kumulatif (…; dan), alternatif (…; atau), atau kumulatif_alternatif (…; dan/atau).",
    )
    items: list[Point] = field("butir", "Butir-butir rincian (minimal dua).", min_length=2)
    closing: Text | None = field(
        "penutup", "Lanjutan kalimat sesudah rincian, misalnya 'dicabut dan dinyatakan tidak berlaku.'",
        default=None,
    )


Point.model_rebuild()


class Clause(Model):
    """An ayat."""

    id: Id | None = field("id", "Id untuk dirujuk dari teks lain.", default=None)
    text: Text = field("teks", "Isi ayat, tanpa nomor (1), (2) di depan.")
    items: Enumeration | None = field("rincian", "Rincian dalam ayat ini.", default=None)

    @model_validator(mode="before")
    @classmethod
    def text_shorthand(cls, value: Any) -> Any:
        return _text_shorthand(value)


class Change(Model):
    """A change point of an amending regulation (``perubahan`` of a Pasal I): the instruction and the new text."""

    text: Text = field(
        "teks", "Perintah perubahan tanpa nomor di depan, misalnya 'Ketentuan Pasal 5 diubah sehingga berbunyi "
        "sebagai berikut:'. Nomor butir perubahan (1., 2., ...) dibuat otomatis.")
    quoted: Markdown | None = field(
        "naskah", "Naskah baru yang dikutip sesudah perintah itu, apa adanya: setiap baris menjadi satu paragraf "
        "(misalnya 'Pasal 5', lalu '(1) ...', 'a. ...'); nomor di dalamnya ditulis sendiri karena menunjuk unsur "
        "peraturan yang diubah. Kosongkan untuk perintah tanpa naskah, misalnya 'Pasal 16 dihapus.'.",
        default=None)


class Article(Model):
    """A Pasal: either one norm (``teks``) or several ayat (``ayat``); in an amending regulation, change points
    (``perubahan``) after an optional lead (``teks``)."""

    id: Id | None = field("id", "Id untuk dirujuk dari teks lain.", default=None)
    text: Text | None = field("teks", "Isi pasal yang terdiri atas satu norma (tidak diberi nomor ayat).", default=None)
    items: Enumeration | None = field("rincian", "Rincian dalam pasal satu norma.", default=None)
    changes: list[Change] | None = field(
        "perubahan", "Hanya dalam peraturan perubahan ('mengubah'): butir-butir perubahan pasal ini (Pasal I), "
        "dinomori 1., 2., ... sesudah 'teks'. Tanpa 'teks', kalimat pembukanya dibuat otomatis: 'Beberapa "
        "ketentuan dalam <peraturan yang diubah> diubah sebagai berikut:'.", default=None, min_length=1)
    clauses: list[Clause] = field(
        "ayat", "Ayat-ayat pasal ini, tanpa nomor. Pasal dengan satu ayat tidak diberi nomor ayat.",
        default_factory=list, validate_default=True
    )

    @field_validator("clauses")
    @classmethod
    def text_or_clauses(cls, clauses: list[Clause], info: ValidationInfo) -> list[Clause]:
        if "text" not in info.data or "items" not in info.data or "changes" not in info.data:
            return clauses  # already reported
        text, items = info.data["text"], info.data["items"]
        if info.data["changes"] is not None:
            if clauses:
                raise PydanticCustomError(
                    "S206", "pasal berisi 'perubahan' tidak memuat 'ayat'; tulis kalimat pembukanya di 'teks'",
                    {"kunci": "ayat"})
            if items is not None:
                raise PydanticCustomError(
                    "S206", "pasal berisi 'perubahan' tidak memuat 'rincian'; tulis setiap perubahan sebagai "
                    "butir 'perubahan'", {"kunci": "rincian"})
            return clauses
        if text is None and not clauses:
            raise PydanticCustomError("S201", "pasal harus memiliki 'teks' (satu norma) atau 'ayat'")
        if text is not None and clauses:
            raise PydanticCustomError("S206", "pasal berisi 'teks' atau 'ayat', tidak keduanya", {"kunci": "ayat"})
        if items is not None and text is None:
            raise PydanticCustomError(
                "S206", "'rincian' pasal hanya dipakai bersama 'teks'; taruh di dalam ayat", {"kunci": "rincian"}
            )
        return clauses


def _kind_of(value: Any) -> str | None:
    if isinstance(value, dict):
        for key, tag in (("bab", "Chapter"), ("bagian", "Part"), ("paragraf", "Division")):
            if key in value:
                return tag
        return "Article"
    if isinstance(value, Model):
        return type(value).__name__
    return None


def _uniform(items: list, what: str) -> list:
    kinds = {type(item).__name__ for item in items}
    if len(kinds) > 1:
        raise PydanticCustomError(
            "S206", "{what} tidak boleh mencampur pasal dengan pengelompokan; kelompokkan semua pasalnya",
            {"what": what},
        )
    return items


class Division(Model):
    """A Paragraf (inside a Bagian)."""

    title: Text = field("paragraf", "Judul paragraf, tanpa nomor (Paragraf 1 dihitung otomatis).")
    id: Id | None = field("id", "Id untuk dirujuk.", default=None)
    content: list[Article] = field("isi", "Pasal-pasal dalam paragraf ini.", min_length=1)


PartContent = Annotated[
    Union[Annotated[Division, Tag("Division")], Annotated[Article, Tag("Article")]],
    Discriminator(
        _kind_of,
        custom_error_type="S206",
        custom_error_message="isi Bagian hanya boleh berupa Paragraf atau Pasal (tingkat tidak boleh dilompati)",
    ),
]


class Part(Model):
    """A Bagian (inside a BAB)."""

    title: Text = field("bagian", "Judul bagian, tanpa nomor (Bagian Kesatu dihitung otomatis).")
    id: Id | None = field("id", "Id untuk dirujuk.", default=None)
    content: list[PartContent] = field("isi", "Paragraf atau pasal dalam bagian ini.", min_length=1)

    @field_validator("content")
    @classmethod
    def uniform_content(cls, value: list) -> list:
        return _uniform(value, "isi Bagian")


ChapterContent = Annotated[
    Union[Annotated[Part, Tag("Part")], Annotated[Article, Tag("Article")]],
    Discriminator(
        _kind_of,
        custom_error_type="S206",
        custom_error_message="isi BAB hanya boleh berupa Bagian atau Pasal (tingkat tidak boleh dilompati)",
    ),
]


class Chapter(Model):
    """A BAB."""

    title: Text = field("bab", "Judul BAB, tanpa nomor (BAB I dihitung otomatis).")
    id: Id | None = field("id", "Id untuk dirujuk.", default=None)
    content: list[ChapterContent] = field("isi", "Bagian atau pasal dalam BAB ini.", min_length=1)

    @field_validator("content")
    @classmethod
    def uniform_content(cls, value: list) -> list:
        return _uniform(value, "isi BAB")


BodyContent = Annotated[
    Union[Annotated[Chapter, Tag("Chapter")], Annotated[Article, Tag("Article")]],
    Discriminator(
        _kind_of,
        custom_error_type="S206",
        custom_error_message="batang tubuh hanya boleh berisi BAB atau Pasal (tingkat tidak boleh dilompati)",
    ),
]


class Definition(Model):
    """One term of Ketentuan Umum (Pasal 1)."""

    id: Id | None = field("id", "Id untuk dirujuk.", default=None)
    term: Text = field("istilah", "Istilah yang didefinisikan, dengan huruf kapital di awal setiap kata.")
    abbreviation: Text | None = field(
        "disingkat", "Singkatan: '... yang selanjutnya disingkat X adalah ...'.", default=None
    )
    short_name: Text | None = field(
        "disebut", "Sebutan pendek: '... yang selanjutnya disebut X adalah ...'.", default=None
    )
    meaning: Text = field("arti", "Arti istilah, tanpa titik di akhir (ditambahkan otomatis).")

    @field_validator("short_name")
    @classmethod
    def one_alias(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and info.data.get("abbreviation") is not None:
            raise PydanticCustomError("S206", "isi 'disingkat' atau 'disebut', tidak keduanya", {"kunci": "disebut"})
        return value


class Citation(Model):
    """An item of Mengingat: a catalogue id, optionally narrowed to an article."""

    id: Id = field("id", "Id dalam kb/dasar-hukum.yaml.")
    article: Text | None = field("pasal", "Pasal yang dirujuk, misalnya 'Pasal 18 ayat (6)'.", default=None)

    @model_validator(mode="before")
    @classmethod
    def id_shorthand(cls, value: Any) -> Any:
        return {"id": value} if isinstance(value, str) else value


class Delegation(Model):
    """The one provision of a higher regulation that a regulation carries out (``melaksanakan``): its konsiderans
    is then the single point without a letter (Lampiran II UU 12/2011; domain notes, konsiderans)."""

    id: Id = field("id", "Id peraturan yang mendelegasikan, dalam kb/dasar-hukum.yaml, misalnya 'pp-38-2017'.")
    article: Text = field("pasal", "Pasal (dan ayat) yang dilaksanakan, misalnya 'Pasal 5 ayat (4)'.")


class Commencement(str, enum.Enum):
    ON_PROMULGATION = "diundangkan"
    ON_ENACTMENT = "ditetapkan"
    """A Keputusan, which is not promulgated: effective on the date it is signed (domain notes, legal-products
    §1.1-1.2)."""


class ClosingProvisions(Model):
    """Ketentuan penutup, generated from fixed formulas."""

    revokes: list[Id] = field(
        "mencabut", "Id peraturan (dalam katalog) yang dicabut dan dinyatakan tidak berlaku.", default_factory=list
    )
    commencement: Commencement | PartialDate = field(
        "mulai_berlaku",
        "'diundangkan' (mulai berlaku pada tanggal diundangkan; bawaan peraturan), 'ditetapkan' (mulai berlaku "
        "pada tanggal ditetapkan; bawaan dan satu-satunya pilihan kata untuk Keputusan), atau tanggal lengkap "
        "TTTT-BB-HH.",
        default=Commencement.ON_PROMULGATION,
    )

    @field_validator("commencement")
    @classmethod
    def full_date(cls, value: Commencement | PartialDate) -> Commencement | PartialDate:
        if isinstance(value, PartialDate) and value.day is None:
            raise PydanticCustomError(
                "S205", "saat mulai berlaku harus tanggal lengkap TTTT-BB-HH, bukan '{value}'", {"value": str(value)})
        return value


class Enactment(Model):
    """Penetapan: place, date and signatory."""

    place: Text | None = field("tempat", "Tempat penetapan; bawaan: nama daerah.", default=None)
    date: PartialDate | None = field("tanggal", "Tanggal penetapan; kosong untuk rancangan.", default=None)
    signatory: Text | None = field(
        "penanda_tangan", "Nama penanda tangan tanpa gelar; bawaan: kepala daerah dari rancang.yaml.", default=None
    )


class Promulgation(Enactment):
    """Pengundangan by the regional secretary: the Berita Daerah number of a Perkada, the Lembaran Daerah and
    Tambahan Lembaran Daerah numbers and the NOREG of a Perda."""

    signatory: Text | None = field(
        "penanda_tangan", "Nama penanda tangan tanpa gelar; bawaan: sekretaris daerah dari rancang.yaml.", default=None
    )
    gazette_number: int | None = field(
        "nomor_berita_daerah", "Nomor Berita Daerah (Peraturan Wali Kota/Bupati).", default=None, ge=1)
    gazette_year: Year | None = field(
        "tahun_berita_daerah", "Tahun Berita Daerah (Peraturan Wali Kota/Bupati); bawaan: tahun pengundangan.",
        default=None)
    regional_gazette_number: int | None = field(
        "nomor_lembaran_daerah", "Nomor Lembaran Daerah (Peraturan Daerah).", default=None, ge=1)
    regional_gazette_year: Year | None = field(
        "tahun_lembaran_daerah", "Tahun Lembaran Daerah (Peraturan Daerah); bawaan: tahun pengundangan.",
        default=None)
    supplement_number: int | None = field(
        "nomor_tambahan_lembaran_daerah",
        "Nomor Tambahan Lembaran Daerah, tempat Penjelasan Peraturan Daerah dimuat.", default=None, ge=1)
    register_number: Text | None = field(
        "noreg", "Nomor register Peraturan Daerah dari gubernur, seperti tercetak, misalnya '(3/2020)' atau "
        "'(4-187/2017)'; baris NOREG hanya dicetak bila diisi.", default=None)


PERKADA_PROMULGATION_KEYS = ("nomor_berita_daerah", "tahun_berita_daerah")
PERDA_PROMULGATION_KEYS = ("nomor_lembaran_daerah", "tahun_lembaran_daerah", "nomor_tambahan_lembaran_daerah",
                           "noreg")


class LegalStatus(str, enum.Enum):
    """Status of an enacted regulation in JDIH metadata (a draft's status is always "Rancangan")."""

    IN_FORCE = "berlaku"
    NOT_IN_FORCE = "tidak_berlaku"


class JdihMetadata(Model):
    """JDIH metadata that rancang cannot derive from the regulation or rancang.yaml (``rancang ekspor jdih``).
    Everything else (title, T.E.U. Badan, number, kind, place and dates, source, signatory, related
    regulations) is derived; a value left out here stays empty in the export and is reported."""

    subject: Text | None = field(
        "subjek", "Tajuk subjek JDIH, huruf kapital, bagian dipisah ' - ', misalnya 'INOVASI DAERAH - <NAMA "
        "DAERAH>'.", default=None)
    field_of_law: Text | None = field(
        "bidang_hukum", "Bidang hukum JDIH, misalnya 'Hukum Administrasi Negara'.", default=None)
    location: Text | None = field(
        "lokasi", "Tempat dokumen fisiknya disimpan, misalnya 'Bagian Hukum Sekretariat Daerah'.", default=None)
    initiator: Text | None = field(
        "pemrakarsa", "Unit kerja pengusul rancangan, misalnya 'Badan Perencanaan Pembangunan Daerah'.",
        default=None)
    status: LegalStatus | None = field(
        "status", "Status peraturan yang sudah ditetapkan: berlaku atau tidak_berlaku. Rancangan selalu berstatus "
        "'Rancangan'.", default=None)
    status_note: Text | None = field(
        "keterangan_status", "Keterangan status yang tidak diketahui rancang, misalnya 'Dicabut dengan Peraturan "
        "... Nomor ... Tahun ...'. 'Mengubah ...' dan 'Mencabut ...' dibuat otomatis dari 'mengubah' "
        "dan 'ketentuan_penutup: mencabut'.", default=None)
    pages: int | None = field(
        "jumlah_halaman", "Jumlah halaman naskah resmi, untuk isian Sumber JDIH ('BD KOTA <NAMA> <TAHUN> (<NOMOR>) : "
        "<N> HLM').", default=None, ge=1)


class ExplainedElement(Model):
    """The explanation of one Pasal, ayat or butir in Penjelasan's II. PASAL DEMI PASAL."""

    reference: Id = field(
        "rujukan", "Id pasal, ayat, butir rincian, atau istilah Ketentuan Umum yang dijelaskan. Nomornya mengikuti "
        "penomoran otomatis, sehingga penjelasan tetap di tempatnya bila pasal disisipkan atau dipindahkan.")
    text: Markdown = field(
        "teks", "Penjelasannya (Markdown), misalnya 'Yang dimaksud dengan \"pelayanan publik\" adalah ...'. "
        "Rujukan [[id]] dapat dipakai.")


class Explanation(Model):
    """The Penjelasan of a Peraturan Daerah."""

    general: Markdown = field(
        "umum", "I. UMUM: latar belakang, maksud, dan pokok isi Peraturan Daerah (Markdown; rujukan [[id]] dapat "
        "dipakai).")
    elements: list[ExplainedElement] = field(
        "pasal", "II. PASAL DEMI PASAL: penjelasan pasal, ayat, atau butir tertentu. Setiap pasal dicantumkan "
        "otomatis; yang tidak dijelaskan diberi 'Cukup jelas.'. Bila satu ayat atau butir dijelaskan, semua ayat "
        "atau butir sejajarnya ikut dicantumkan.", default_factory=list)

    @field_validator("elements")
    @classmethod
    def one_explanation_per_element(cls, elements: list[ExplainedElement]) -> list[ExplainedElement]:
        seen: dict[str, int] = {}
        errors = []
        for index, element in enumerate(elements):
            if element.reference in seen:
                errors.append(_error((index, "rujukan"), "S206",
                                     "'{rujukan}' sudah dijelaskan pada butir ke-{first}; gabungkan kedua penjelasan",
                                     {"rujukan": element.reference, "first": seen[element.reference] + 1},
                                     element.reference))
            else:
                seen[element.reference] = index
        if errors:
            raise ValidationError.from_exception_data("Explanation", errors)
        return elements


CHART_MAX_UNITS = 150
"""Units in one bagan: a Sekretariat Daerah, the largest chart of a region, has fewer than a hundred boxes."""
CHART_MAX_DEPTH = 6
"""Levels of one bagan, the head included: Kepala, Bidang, Seksi, ... seldom more than four."""
CHART_MAX_NAME = 200
"""Characters of one unit's name or note: a box holds a few short lines."""


class OrgUnit(Model):
    """A unit of an organisation chart (bagan susunan organisasi) with the units under it."""

    name: Text = field(
        "nama", "Nama unit atau jabatan seperti tertulis di kotaknya, misalnya 'Kepala Dinas', 'Sekretariat', "
        "'Bidang Pelayanan', 'Subbagian Umum dan Kepegawaian'.", max_length=CHART_MAX_NAME)
    note: Text | None = field(
        "keterangan", "Baris tambahan di bawah nama dalam kotak yang sama, lebih kecil, misalnya jabatan "
        "pimpinannya ('Kepala Bidang') atau 'UPTD'. Kosongkan bila tidak ada.", default=None,
        max_length=CHART_MAX_NAME)
    staff: bool = field(
        "staf", "true untuk unit yang digambar di samping garis atasannya, di atas bawahan lainnya, misalnya "
        "Kelompok Jabatan Fungsional atau Sekretariat; berpasangan kiri dan kanan, yang pertama di kiri. "
        "Bawaan: false.", default=False)
    subordinates: list["OrgUnit"] = field(
        "bawahan", "Unit di bawah unit ini, dari kiri ke kanan. Bawahan unit tingkat kedua atau lebih rendah yang "
        "tidak mempunyai bawahan lagi (misalnya Seksi di bawah Bidang) disusun dari atas ke bawah.",
        default_factory=list)

    def walk(self, depth: int = 1) -> "Iterator[tuple[OrgUnit, int]]":
        """This unit and every unit under it, depth first, with its level (this unit: ``depth``)."""
        yield self, depth
        for unit in self.subordinates:
            yield from unit.walk(depth + 1)


OrgUnit.model_rebuild()


class Member(Model):
    """A member of a team formed by a Keputusan (a row of its lampiran: No. | Jabatan dalam Tim | Jabatan/Unsur |
    Nama | NIP)."""

    team_office: Text = field("jabatan_tim", "Jabatan dalam tim, misalnya 'Ketua', 'Sekretaris', 'Anggota'.")
    office: Text = field("jabatan", "Jabatan atau unsur asalnya, misalnya 'Sekretaris Daerah'.")
    name: Text | None = field("nama", "Nama lengkap; kosongkan bila belum diketahui (kolomnya dibiarkan kosong).",
                              default=None)
    nip: Text | None = field("nip", "NIP; kosongkan bila tidak ada atau belum diketahui.", default=None)

    @field_validator("nip", mode="before")
    @classmethod
    def nip_as_text(cls, value: Any) -> Any:
        """A NIP written without quotes is read by YAML as a number: it is kept as the digits written."""
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value


class AllInnovations(str, enum.Enum):
    """``inovasi: semua``: every innovation of the knowledge base."""

    ALL = "semua"


class Annex(Model):
    """A lampiran: Markdown text, an organisation chart, a table generated from the knowledge base (the
    innovations, a team's members), or several of them (the text first)."""

    id: Id | None = field("id", "Id untuk dirujuk.", default=None)
    title: Text = field("judul", "Judul lampiran.")
    content: Markdown | None = field(
        "isi", "Isi lampiran (Markdown: paragraf, tabel, gambar). Boleh kosong bila lampiran berisi 'bagan', "
        "'inovasi', atau 'anggota'.", default=None)
    innovations: AllInnovations | list[Id] | None = field(
        "inovasi", "Tabel inovasi daerah dari kb/inovasi/: 'semua' (setiap profil inovasi) atau daftar id "
        "inovasi. Kolomnya: No., Nama Inovasi, Perangkat Daerah, Bentuk, Jenis, Tahapan, Tanggal/Tahun; yang tidak "
        "tercatat di profil dibiarkan kosong.", default=None, min_length=1)
    @field_validator("innovations", mode="before")
    @classmethod
    def all_or_ids(cls, value: Any) -> Any:
        """One message for a word that is neither 'semua' nor a list (not one per member of the union)."""
        if isinstance(value, str) and value != AllInnovations.ALL.value:
            raise PydanticCustomError(
                "S204", "nilai '{value}' untuk 'inovasi' tidak dikenal; tulis 'semua' atau daftar id inovasi",
                {"value": value})
        return value

    members: list[Member] | None = field(
        "anggota", "Tabel susunan keanggotaan tim: No., Jabatan dalam Tim, Jabatan/Unsur, Nama, NIP.",
        default=None, min_length=1)
    chart: OrgUnit | None = field(
        "bagan", "Bagan susunan organisasi: unit teratas (misalnya 'Kepala Dinas') dengan 'bawahan'-nya. "
        "Digambar sebagai bagan kotak dan garis di DOCX/PDF dan di situs (perlu Graphviz).", default=None,
        validate_default=True)

    @field_validator("chart")
    @classmethod
    def content_or_chart(cls, chart: OrgUnit | None, info: ValidationInfo) -> OrgUnit | None:
        if "content" not in info.data:
            return chart  # already reported
        if "innovations" not in info.data or "members" not in info.data:
            return chart  # a table key is wrong: already reported
        tables = info.data["innovations"] is not None or info.data["members"] is not None
        if chart is None and info.data["content"] is None and not tables:
            raise PydanticCustomError("S201", "lampiran harus memiliki 'isi' atau 'bagan' (atau keduanya)",
                                      {"kunci": "isi", "saran": "atau tabel dari basis pengetahuan: 'inovasi' "
                                                                "(inovasi daerah) atau 'anggota' (susunan tim)"})
        if chart is None:
            return chart
        units = deepest = 0
        for _unit, depth in chart.walk():
            units += 1
            deepest = max(deepest, depth)
        if units > CHART_MAX_UNITS:
            raise PydanticCustomError(
                "S206", "bagan memuat {units} unit, lebih dari {limit}; pecah menjadi beberapa lampiran",
                {"units": units, "limit": CHART_MAX_UNITS})
        if deepest > CHART_MAX_DEPTH:
            raise PydanticCustomError(
                "S206", "bagan bertingkat {depth}, lebih dari {limit} tingkat; pecah menjadi beberapa bagan",
                {"depth": deepest, "limit": CHART_MAX_DEPTH})
        return chart


class Dictum(Model):
    """A diktum of a Keputusan, written without its label (KESATU, KEDUA ... are generated)."""

    id: Id | None = field("id", "Id untuk dirujuk dari teks lain: [[id]] menjadi 'sebagaimana dimaksud dalam "
                                "Diktum KESATU'.", default=None)
    text: Text = field(
        "teks", "Isi diktum tanpa label KESATU, KEDUA di depan: kalimat yang diawali huruf kapital; titik di akhir "
        "(atau titik dua sebelum rincian) ditambahkan otomatis.")
    items: Enumeration | None = field("rincian", "Rincian diktum ini (huruf a., b., ...).", default=None)

    @model_validator(mode="before")
    @classmethod
    def text_shorthand(cls, value: Any) -> Any:
        return _text_shorthand(value)


class _Absent(list):
    """The default of a list key that one kind requires and another forbids: tells "not written" from ``[]``."""


_PERKADA_NUMBER: TypeAdapter[int | None] = TypeAdapter(Annotated[int | None, Field(ge=1)])
"""A Peraturan's nomor: a whole number (the Keputusan's is text, see :meth:`Regulation.number_of_the_kind`)."""

DECREE_ONLY = ("diktum", "memperhatikan", "tembusan")
"""Keys of a Keputusan only."""
NOT_IN_A_DECREE = ("batang_tubuh", "ketentuan_umum", "penjelasan", "pengundangan", "mengubah")
"""Keys of a Peraturan that a Keputusan has not: no Pasal, no Ketentuan Umum, not promulgated."""


def _kind(info: ValidationInfo) -> RegulationKind | None | bool:
    """The regulation's kind as validated before this field; False when it was invalid (already reported)."""
    return info.data["kind"] if "kind" in info.data else False


def _is_decree(info: ValidationInfo) -> bool:
    kind = _kind(info)
    return isinstance(kind, RegulationKind) and kind.is_decree


def _not_in_a_decree(key: str) -> PydanticCustomError:
    what = {"batang_tubuh": "tidak memuat BAB atau Pasal: tulis isinya sebagai 'diktum'",
            "ketentuan_umum": "tidak memuat Ketentuan Umum: hapus 'ketentuan_umum'",
            "penjelasan": "tidak memuat Penjelasan: hapus 'penjelasan'",
            "pengundangan": "tidak diundangkan (berlaku sejak ditetapkan): hapus 'pengundangan'",
            "mengubah": "belum dapat disusun rancang sebagai perubahan: hapus 'mengubah' dan tulis Keputusan "
                        "yang utuh"}[key]
    return PydanticCustomError("S206", "Keputusan {what}",
                               {"what": what, "kunci": key,
                                "saran": "bila ini peraturan, tulis jenis: peraturan_wali_kota, peraturan_bupati, "
                                         "atau peraturan_daerah"})


def _decree_only(key: str) -> PydanticCustomError:
    return PydanticCustomError(
        "S206", "'{key}' hanya dimuat dalam Keputusan; hapus '{key}' atau tulis jenis: keputusan_wali_kota atau "
                "keputusan_bupati", {"key": key, "kunci": key})


class Regulation(Model):
    """A regulation of the region: Peraturan Wali Kota, Peraturan Bupati, Peraturan Daerah (with its
    Penjelasan), or Keputusan Wali Kota/Bupati (in diktum, with Memperhatikan and Tembusan); a draft until it has
    a number, a year and a full date of enactment."""

    model_config = ConfigDict(json_schema_extra={
        "if": {"required": ["jenis"], "properties": {"jenis": {"enum": [RegulationKind.MAYOR_DECREE.value,
                                                                      RegulationKind.REGENT_DECREE.value]}}},
        "then": {"required": ["diktum"]},
        "else": {"required": ["batang_tubuh"]},
        "anyOf": [{"required": ["menimbang"]}, {"required": ["melaksanakan"]}],
        "not": {"required": ["menimbang", "melaksanakan"]},
    })
    """For an editor: a Keputusan needs 'diktum', a Peraturan 'batang_tubuh'; 'menimbang' or 'melaksanakan', not
    both (the model says why, located)."""

    kind: RegulationKind | None = field(
        "jenis", "peraturan_wali_kota, peraturan_bupati, peraturan_daerah, keputusan_wali_kota, atau "
        "keputusan_bupati; bawaan: Peraturan Wali Kota (kota) atau Peraturan Bupati (kabupaten).", default=None
    )
    number: int | Text | None = field(
        "nomor", "Nomor; kosongkan selama masih rancangan. Peraturan: bilangan (5). Keputusan: teks seperti "
        "tercetak sesudah 'NOMOR', menurut pola nomor daerah Anda (misalnya dengan kode klasifikasi dan tahun); "
        "rancang tidak pernah membuat nomor.", default=None)
    year: Year | None = field("tahun", "Tahun; kosongkan selama masih rancangan.", default=None,
                              validate_default=True)
    title: Text = field("tentang", "Nama peraturan, misalnya 'Inovasi Daerah'.")
    amends: Id | None = field(
        "mengubah", "Id peraturan yang diubah. Id berkas di regulations/: berkas ini memuat naskah utuh yang "
        "sudah disunting dan rancang menyusun Peraturan Perubahannya (Pasal I dan Pasal II) sendiri. Id dalam "
        "kb/dasar-hukum.yaml: pasal-pasal peraturan perubahan ini "
        "dinomori dengan angka Romawi (Pasal I, Pasal II) dan Pasal I memuat 'perubahan'. Peraturan yang diubah "
        "dicantumkan sendiri di 'mengingat'. Tidak untuk Keputusan.", default=None)
    implements: Delegation | None = field(
        "melaksanakan", "Sebagai ganti 'menimbang', bagi peraturan atau keputusan yang melaksanakan satu ketentuan "
        "peraturan yang lebih tinggi: id peraturan itu di kb/dasar-hukum.yaml dan pasalnya, misalnya {id: "
        "pp-38-2017, pasal: Pasal …}. Konsiderans menjadi satu butir tanpa huruf yang dibuat otomatis: "
        "'bahwa untuk melaksanakan ketentuan Pasal ... Peraturan ... tentang ..., perlu menetapkan ... tentang "
        "...;'. Peraturan itu dicantumkan juga di 'mengingat'.", default=None)
    considerations: list[Text] = field(
        "menimbang",
        "Pokok pikiran, masing-masing diawali 'bahwa'. Butir penutup ('bahwa berdasarkan pertimbangan ...') "
        "dibuat otomatis. Wajib, kecuali 'melaksanakan' diisi (tidak keduanya).",
        min_length=1, default_factory=_Absent, validate_default=True,
    )
    legal_bases: list[Citation] = field("mengingat", "Dasar hukum: id dari kb/dasar-hukum.yaml.", min_length=1)
    noted: list[Text] = field(
        "memperhatikan", "Hanya Keputusan, boleh tidak ada: surat, berita acara, atau hasil rapat yang "
        "diperhatikan, masing-masing tanpa nomor dan tanpa tanda baca di akhir (dinomori bila lebih dari satu, "
        "diakhiri ';' otomatis).", default_factory=list)
    definitions: list[Definition] = field("ketentuan_umum", "Istilah dan artinya (Pasal 1).", default_factory=list)
    proper_names: list[Text] = field(
        "nama_diri", "Nama diri yang ditulis dengan huruf kapital tanpa didefinisikan: nama unit, jabatan, dan "
        "program, misalnya 'Bidang Pelayanan', 'Subbagian Umum dan Kepegawaian', 'Kepala Bidang', 'Kelompok "
        "Jabatan Fungsional'. Pemeriksaan huruf kapital dan ejaan tidak mempersoalkan nama-nama ini. Nama unit "
        "dalam judul BAB/Bagian/Paragraf, dalam 'bagan' lampiran, dan dalam butir susunan organisasi sudah "
        "dikenali sendiri.", default_factory=list)
    body: list[BodyContent] = field(
        "batang_tubuh", "BAB atau Pasal, tanpa nomor. BAB pertama berjudul KETENTUAN UMUM menerima Pasal "
        "ketentuan umum sebagai pasal pertamanya, dan BAB terakhir berjudul KETENTUAN PENUTUP menerima pasal "
        "pencabutan dan saat mulai berlaku sesudah pasal-pasalnya sendiri. Wajib untuk peraturan; Keputusan "
        "tidak memuatnya (isinya 'diktum').", default_factory=_Absent, validate_default=True)
    dicta: list[Dictum] = field(
        "diktum", "Hanya Keputusan (wajib, minimal satu): diktum-diktumnya tanpa label. KESATU, KEDUA, ... dibuat "
        "otomatis, dan diktum terakhir (saat mulai berlaku) serta diktum pencabutan ('mencabut') ditambahkan "
        "sendiri.", default_factory=_Absent, validate_default=True)
    closing: ClosingProvisions = field(
        "ketentuan_penutup", "Pencabutan dan saat mulai berlaku.", default_factory=ClosingProvisions
    )
    enactment: Enactment = field("penetapan", "Tempat, tanggal, dan penanda tangan penetapan.", default_factory=Enactment)
    promulgation: Promulgation = field(
        "pengundangan", "Tempat, tanggal, penanda tangan, dan nomor Berita Daerah (Peraturan Wali Kota/Bupati) atau "
        "Lembaran Daerah (Peraturan Daerah).", default_factory=Promulgation
    )
    explanation: Explanation | None = field(
        "penjelasan", "Penjelasan Peraturan Daerah: I. UMUM dan II. PASAL DEMI PASAL, dicetak sesudah tanda "
        "tangan dan sebelum lampiran. Hanya untuk jenis: peraturan_daerah.", default=None)
    copies: list[Text] = field(
        "tembusan", "Hanya Keputusan, boleh tidak ada: penerima tembusan, misalnya 'Gubernur Sulawesi Selatan di "
        "Makassar', tanpa nomor dan tanda baca di akhir (dinomori, diakhiri ';' dan '.' otomatis).",
        default_factory=list)
    annexes: list[Annex] = field("lampiran", "Lampiran.", default_factory=list)
    jdih: JdihMetadata = field(
        "jdih", "Metadata JDIH yang tidak dapat diturunkan rancang (subjek, bidang hukum, lokasi, pemrakarsa, status, "
        "jumlah halaman), untuk 'rancang ekspor jdih' dan data/jdih.json situs.", default_factory=JdihMetadata)
    ignored_rules: dict[Id, list[Text]] = field(
        "abaikan_aturan", "Aturan pemeriksaan yang dimatikan untuk satu unsur saja: id unsur (pasal, ayat, butir, "
        "istilah, BAB, bagian, paragraf, lampiran) dengan daftar kode aturannya, misalnya "
        "{pasal-susunan: [L544], istilah-inisiator: [L545]}. Temuan di dalam unsur itu tidak dilaporkan; "
        "untuk seluruh berkas atau proyek pakai 'pemeriksaan' di rancang.yaml.", default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def considerations_or_delegation(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """'menimbang' and 'melaksanakan' together: reported at the one written second, once the rest is valid."""
        second = None
        if isinstance(value, dict) and "menimbang" in value and "melaksanakan" in value:
            second = [key for key in value if key in ("menimbang", "melaksanakan")][1]
        regulation = handler(value)
        if second is not None:
            raise PydanticCustomError(
                "S206", "'menimbang' dan 'melaksanakan' tidak dipakai bersama-sama; pilih salah satu",
                {"kunci": second,
                 "saran": "'melaksanakan' untuk konsiderans satu butir yang melaksanakan satu ketentuan peraturan "
                          "yang lebih tinggi, 'menimbang' untuk pokok-pokok pikiran"})
        return regulation

    @field_validator("considerations", mode="wrap")
    @classmethod
    def considerations_unless_delegated(cls, value: Any, handler: ValidatorFunctionWrapHandler,
                                        info: ValidationInfo) -> list:
        """Required, unless 'melaksanakan' gives the single delegated konsiderans."""
        if not isinstance(value, _Absent):
            return handler(value)
        if "implements" not in info.data or info.data["implements"] is not None:
            return []  # delegated, or 'melaksanakan' is wrong: already reported
        raise PydanticCustomError(
            "S201", "kunci wajib 'menimbang' tidak ada",
            {"saran": "atau 'melaksanakan' (id dan pasal) bila peraturan ini melaksanakan satu ketentuan peraturan "
                      "yang lebih tinggi"})

    @field_validator("number", mode="wrap")
    @classmethod
    def number_of_the_kind(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        """A Keputusan's nomor is text in the region's pattern (``100.3.3.2/.../2026``; domain notes §1.3); a
        Peraturan's is a whole number from 1, checked as before."""
        if _is_decree(info):
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)
            return handler(value)
        if _kind(info) is False and isinstance(value, str):
            return handler(value)  # the kind is wrong: its problem is reported, not a number's
        return _PERKADA_NUMBER.validate_python(value)

    @field_validator("body", mode="wrap")
    @classmethod
    def body_of_the_kind(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> list:
        """Required (one element at least) in a Peraturan; absent from a Keputusan."""
        absent = isinstance(value, _Absent)
        if _is_decree(info):
            if absent:
                return []
            raise _not_in_a_decree("batang_tubuh")
        if absent:
            raise PydanticCustomError("S201", "kunci wajib 'batang_tubuh' tidak ada")
        body = handler(value)
        if not body:
            raise PydanticCustomError("S206", "'batang_tubuh' harus berisi minimal 1 butir")
        return _uniform(body, "batang tubuh")

    @field_validator("dicta", mode="wrap")
    @classmethod
    def dicta_of_the_kind(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> list:
        """Required (one diktum at least) in a Keputusan; absent from a Peraturan."""
        absent = isinstance(value, _Absent)
        if not _is_decree(info):
            if absent or _kind(info) is False:
                return []
            raise _decree_only("diktum")
        if absent:
            raise PydanticCustomError("S201", "kunci wajib 'diktum' tidak ada")
        dicta = handler(value)
        if not dicta:
            raise PydanticCustomError("S206", "'diktum' harus berisi minimal 1 butir")
        return dicta

    @field_validator("noted", "copies")
    @classmethod
    def only_in_a_decree(cls, value: list, info: ValidationInfo) -> list:
        if value and _kind(info) is not False and not _is_decree(info):
            raise _decree_only("memperhatikan" if info.field_name == "noted" else "tembusan")
        return value

    @field_validator("definitions", "amends")
    @classmethod
    def not_in_a_decree(cls, value: Any, info: ValidationInfo) -> Any:
        if value and _is_decree(info):
            raise _not_in_a_decree("ketentuan_umum" if info.field_name == "definitions" else "mengubah")
        return value

    @field_validator("closing")
    @classmethod
    def commencement_of_the_kind(cls, value: ClosingProvisions, info: ValidationInfo) -> ClosingProvisions:
        """A Keputusan is not promulgated: it takes effect when signed (or on a date); only it may say so."""
        if _kind(info) is False or "commencement" not in value.model_fields_set:
            return value
        decree = _is_decree(info)
        if decree and value.commencement is Commencement.ON_PROMULGATION:
            raise ValidationError.from_exception_data("ClosingProvisions", [_error(
                ("mulai_berlaku",), "S206", "Keputusan tidak diundangkan; tulis mulai_berlaku: ditetapkan (bawaan) atau "
                "tanggal lengkap", {}, value.commencement.value)])
        if not decree and value.commencement is Commencement.ON_ENACTMENT:
            raise ValidationError.from_exception_data("ClosingProvisions", [_error(
                ("mulai_berlaku",), "S206", "peraturan mulai berlaku pada tanggal diundangkan atau sesudahnya; "
                "'ditetapkan' hanya untuk Keputusan", {}, value.commencement.value)])
        return value

    @field_validator("year")
    @classmethod
    def number_and_year(cls, value: int | None, info: ValidationInfo) -> int | None:
        if "number" not in info.data:
            return value  # already reported
        number = info.data["number"]
        if (number is None) != (value is None):
            raise PydanticCustomError(
                "S201", "isi 'nomor' dan 'tahun' bersama-sama, atau kosongkan keduanya (rancangan)",
                {"kunci": "nomor" if number is not None else "tahun"},
            )
        return value

    @field_validator("body", mode="after")
    @classmethod
    def changes_only_in_an_amendment(cls, value: list, info: ValidationInfo) -> list:
        if "amends" not in info.data:
            return value  # already reported
        amends = info.data["amends"]
        errors = []
        for loc, element in _body_elements(value):
            if isinstance(element, Article) and element.changes is not None and amends is None:
                errors.append(_error(loc + ("perubahan",), "S206",
                                     "'perubahan' hanya dipakai dalam peraturan perubahan; isi 'mengubah' dengan id "
                                     "peraturan yang diubah (dari kb/dasar-hukum.yaml)", {"kunci": "perubahan"},
                                     None))
        if errors:
            raise ValidationError.from_exception_data("Regulation", errors)
        return value

    @field_validator("promulgation")
    @classmethod
    def gazette_of_the_kind(cls, value: Promulgation, info: ValidationInfo) -> Promulgation:
        if "kind" not in info.data:
            return value  # already reported
        if _is_decree(info):
            if value.model_fields_set:
                raise _not_in_a_decree("pengundangan")
            return value
        regional = info.data["kind"] is RegulationKind.REGIONAL
        given = value.model_fields_set
        errors = []
        for name, info_field in type(value).model_fields.items():
            key = info_field.alias
            if name not in given or getattr(value, name) is None:
                continue
            if regional and key in PERKADA_PROMULGATION_KEYS:
                wanted = key.replace("berita_daerah", "lembaran_daerah")
                errors.append(_error((key,), "S206",
                                     "Peraturan Daerah diundangkan dalam Lembaran Daerah, bukan Berita Daerah: "
                                     "tulis '{wanted}' sebagai ganti '{key}'", {"wanted": wanted, "key": key},
                                     getattr(value, name)))
            elif not regional and key in PERDA_PROMULGATION_KEYS:
                if key == "noreg":
                    message = ("NOREG hanya diberikan kepada Peraturan Daerah; hapus '{key}' atau tulis "
                               "jenis: peraturan_daerah")
                elif key == "nomor_tambahan_lembaran_daerah":
                    message = ("Tambahan Lembaran Daerah hanya untuk Peraturan Daerah; hapus '{key}' atau tulis "
                               "jenis: peraturan_daerah")
                else:
                    message = ("Peraturan Wali Kota/Bupati diundangkan dalam Berita Daerah, bukan Lembaran Daerah: "
                               "tulis '{wanted}' sebagai ganti '{key}'")
                errors.append(_error((key,), "S206", message,
                                     {"wanted": key.replace("lembaran_daerah", "berita_daerah"), "key": key},
                                     getattr(value, name)))
        if errors:
            raise ValidationError.from_exception_data("Promulgation", errors)
        return value

    @field_validator("explanation")
    @classmethod
    def explanation_of_a_perda(cls, value: Explanation | None, info: ValidationInfo) -> Explanation | None:
        if value is not None and _is_decree(info):
            raise _not_in_a_decree("penjelasan")
        if value is not None and "kind" in info.data and info.data["kind"] is not RegulationKind.REGIONAL:
            raise PydanticCustomError(
                "S206", "'penjelasan' hanya dimuat dalam Peraturan Daerah; tulis jenis: peraturan_daerah atau hapus "
                "'penjelasan'", {"kunci": "penjelasan"})
        return value

    @property
    def is_regional(self) -> bool:
        """A Peraturan Daerah (made with the DPRD), not a Peraturan Wali Kota/Bupati."""
        return self.kind is RegulationKind.REGIONAL

    @property
    def is_decree(self) -> bool:
        """A Keputusan Wali Kota/Bupati: diktum instead of BAB and Pasal, not promulgated."""
        return self.kind is not None and self.kind.is_decree

    @property
    def is_enacted(self) -> bool:
        """Enacted: it has a number, a year and the full date of its enactment (penetapan)."""
        date = self.enactment.date
        return self.number is not None and self.year is not None and date is not None and date.day is not None

    @property
    def is_draft(self) -> bool:
        """A draft (rancangan): not enacted yet; its document carries the RANCANGAN marker."""
        return not self.is_enacted


def _body_elements(body: list, loc: tuple = ()) -> Iterator[tuple[tuple, Model]]:
    """Every BAB, Bagian, Paragraf and Pasal of a body with its location below ``batang_tubuh``."""
    for index, element in enumerate(body):
        here = loc + (index,)
        yield here, element
        content = getattr(element, "content", None)
        if isinstance(content, list):
            yield from _body_elements(content, here + ("isi",))
