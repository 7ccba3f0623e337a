"""JDIH metadata of the project's regulations: one record per regulation, as JSON and CSV for upload.

A JDIH (Jaringan Dokumentasi dan Informasi Hukum) portal describes each regulation with the fields of the
document standard (Permenkumham 8/2019, as implemented by BPHN's ILDIS; domain notes legal-products §4). Almost
every field follows from what rancang already holds, so it is computed here, never typed twice:

* title, kind and its abbreviation, number, year: the regulation and :mod:`rancang.present.titles`; a draft is
  named ``Rancangan ...`` and its status is ``Rancangan``;
* T.E.U. Badan (tajuk entri utama): from the region (``Parepare (Kota)`` for a Perda, ``Parepare. Wali Kota``
  for a Keputusan; the Perkada form is not in the standard's table and follows the Keputusan's);
* place and dates of enactment and promulgation, signatory: ``penetapan``/``pengundangan`` and rancang.yaml,
  with the defaults the drafting engine prints;
* source (``BD KOTA PAREPARE 2025 (12) : 10 HLM``): the Berita/Lembaran Daerah number and ``jdih.jumlah_halaman``;
* related regulations: the catalogue entries of Mengingat; the status note: ``mengubah`` and ``mencabut``, and
  the project's enacted amendments of it.

What rancang cannot know (subject, field of law, location of the paper copy, initiating unit, whether an enacted
regulation is still in force, the number of pages) comes from the regulation's optional ``jdih`` block. A value
that is not known is an empty string in both files and a finding (P470): nothing is guessed.

The JSON file is a list of records keyed as the JDIHN integration feed (``idData``, ``judul``, ``teuBadan``, ...;
every value a string, dates ``YYYY-MM-DD``), with a few rancang keys beside them for the fields the feed does not
carry (``tipeDokumen``, ``lokasi``, ``penandatangan``, ...). The CSV file has the same fields under the labels of
the JDIH form, UTF-8 with BOM like the open data CSV. :data:`FIELDS` is the one definition both use, and the docs
page lists it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Callable

from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.language.citation import name_of
from rancang.language.regulation_words import kind_words
from rancang.layout import regulation_doc
from rancang.locations import locate
from rancang.models import ProjectData
from rancang.models.base import PartialDate
from rancang.models.project import Project, RegionKind
from rancang.models.regulation import LegalStatus, Regulation, RegulationKind
from rancang.present.titles import regulation_title

DOCUMENT_TYPE = "Peraturan"
"""JDIH document type of every regulation and decree (the others are Monografi, Artikel, Putusan)."""
LANGUAGE = "Indonesia"
DRAFT_STATUS = "Rancangan"
"""The status of a regulation not enacted yet: it is not in force, and a JDIH must not list it as such."""
STATUS_WORDS = {LegalStatus.IN_FORCE: "Berlaku", LegalStatus.NOT_IN_FORCE: "Tidak Berlaku"}
SEPARATOR = "; "
"""Between the items of a list in one value (related regulations, status notes)."""

ABBREVIATIONS = {
    RegulationKind.REGIONAL: "PERDA",
    RegulationKind.MAYOR: "PERWALI",
    RegulationKind.REGENT: "PERBUP",
    RegulationKind.MAYOR_DECREE: "KEPWALI",
    RegulationKind.REGENT_DECREE: "KEPBUP",
}
"""``singkatanJenis``. Only PERDA is in the standard's list; the others follow common usage (PERWAL/PERWALI
varies between regions) and are marked unconfirmed in docs/jdih.md."""

FEED_CONSTANTS = {"operasi": "4", "display": "1"}
"""Written with these values by the JDIHN feeds seen; their meaning is not documented (docs/jdih.md)."""


@dataclass(frozen=True)
class Missing:
    """A field left empty: the YAML key that would fill it and where to report it."""

    label: str
    key: str
    location: Location


@dataclass(frozen=True)
class JdihRecord:
    """One regulation's JDIH metadata: every field as text (empty when unknown)."""

    regulation_id: str
    values: dict[str, str]
    """By JSON key (see :data:`FIELDS`)."""
    draft: bool
    missing: tuple[Missing, ...]

    def findings(self) -> list[Diagnostic]:
        """P470 for every empty field that the project could fill (advice: the export is written anyway)."""
        return [Diagnostic("P470", f"metadata JDIH '{self.regulation_id}': {m.label} kosong", m.location,
                           Severity.WARNING, suggestion=f"isi {m.key}") for m in self.missing]


@dataclass(frozen=True)
class Field:
    key: str
    """Key in the JSON record (the JDIHN feed's, or rancang's when the feed has none)."""
    label: str
    """Header of the CSV column: the JDIH form's label."""
    description: str
    feed: bool = True
    """A key of the JDIHN integration feed (False: added by rancang)."""


FIELDS: list[Field] = [
    Field("idData", "Id", "Id peraturan: nama berkasnya, regulations/<id>.yaml."),
    Field("tipeDokumen", "Tipe Dokumen", "Selalu 'Peraturan'.", feed=False),
    Field("judul", "Judul", "Judul lengkap seperti di situs; rancangan diawali 'Rancangan'."),
    Field("teuBadan", "T.E.U. Badan/Pengarang", "Tajuk entri utama dari nama daerah: Peraturan Daerah '<Nama> "
          "(Kota)' atau '<Nama> (Kabupaten)'; peraturan dan keputusan kepala daerah '<Nama>. Wali Kota' atau "
          "'<Nama>. Bupati'."),
    Field("noPeraturan", "Nomor Peraturan", "Nomor; kosong selama rancangan."),
    Field("tahun_pengundangan", "Tahun", "Tahun peraturan; kosong selama rancangan."),
    Field("jenis", "Jenis/Bentuk Peraturan", "Misalnya 'Peraturan Wali Kota' atau 'Peraturan Daerah'."),
    Field("singkatanJenis", "Singkatan Jenis/Bentuk Peraturan", "PERDA, PERWALI, PERBUP, KEPWALI, atau KEPBUP."),
    Field("tempatTerbit", "Tempat Penetapan", "Tempat penetapan seperti tercetak di blok tanda tangan."),
    Field("tanggal_penetapan", "Tanggal Penetapan", "TTTT-BB-HH; kosong selama rancangan."),
    Field("tanggal_pengundangan", "Tanggal Pengundangan", "TTTT-BB-HH; kosong bila belum diundangkan (Keputusan "
          "tidak diundangkan)."),
    Field("sumber", "Sumber", "Berita Daerah (BD) atau Lembaran Daerah (LD), daerah, tahun, (nomor), jumlah "
          "halaman: 'BD KOTA <NAMA> <TAHUN> (<NOMOR>) : <N> HLM'."),
    Field("subjek", "Subjek", "Dari jdih: subjek."),
    Field("status", "Status", "'Rancangan' untuk rancangan; 'Berlaku' atau 'Tidak Berlaku' dari jdih: status."),
    Field("keteranganStatus", "Keterangan Status", "Mengubah/mencabut peraturan lain dan diubah dengan peraturan "
          "proyek yang sudah ditetapkan (otomatis), lalu jdih: keterangan_status.", feed=False),
    Field("bahasa", "Bahasa", "Selalu 'Indonesia'."),
    Field("lokasi", "Lokasi", "Dari jdih: lokasi.", feed=False),
    Field("bidangHukum", "Bidang Hukum", "Dari jdih: bidang_hukum."),
    Field("penandatangan", "Penandatangan", "Nama penanda tangan penetapan tanpa gelar.", feed=False),
    Field("pemrakarsa", "Pemrakarsa", "Dari jdih: pemrakarsa.", feed=False),
    Field("peraturanTerkait", "Peraturan Terkait", "Peraturan dalam Mengingat, dipisah '; '.", feed=False),
    Field("urlDetailPeraturan", "Alamat Halaman", "Halaman peraturan di situs, bila situs: alamat diisi di "
          "rancang.yaml."),
]
"""Every field, in the order of the CSV columns and of the JSON keys (then :data:`FEED_CONSTANTS`)."""

EMPTY_FEED_KEYS = ("noPanggil", "penerbit", "deskripsiFisik", "isbn", "nomorIndukBuku", "fileDownload",
                   "urlDownload", "abstrak", "urlabstrak")
"""Keys of the JDIHN feed for a library's books and uploaded files: always empty in rancang's export (the
regulation's PDF and its abstract are uploaded on the portal)."""


def _date(value: PartialDate | None) -> str:
    return value.isoformat() if value is not None and value.day is not None else ""


def teu_badan(settings: Project, kind: RegulationKind | None) -> str:
    """Tajuk entri utama (Permenkumham 8/2019): a Perda is entered under the region, ``Parepare (Kota)``; a
    Keputusan under its office, ``Parepare. Wali Kota`` (``Bogor. Bupati``). A Peraturan Wali Kota/Bupati is not
    in the table: entered under its office like a Keputusan (unconfirmed, docs/jdih.md)."""
    region = settings.region
    if kind is RegulationKind.REGIONAL:
        return f"{region.name} ({'Kota' if region.kind is RegionKind.CITY else 'Kabupaten'})"
    return f"{region.name}. {settings.head_office}"


def _kind(settings: Project, regulation: Regulation) -> RegulationKind:
    if regulation.kind is not None:
        return regulation.kind
    return RegulationKind.MAYOR if settings.region.kind is RegionKind.CITY else RegulationKind.REGENT


def _related(regulation: Regulation, data: ProjectData, settings: Project) -> str:
    names = []
    for citation in regulation.legal_bases:
        entry = data.catalogue.get(citation.id)
        if entry is not None:
            names.append(name_of(entry, settings))
    return SEPARATOR.join(names)


def _named(target: str, data: ProjectData, settings: Project) -> str | None:
    if target in data.regulations:
        return regulation_title(settings, data.regulations[target], data)
    entry = data.catalogue.get(target)
    return name_of(entry, settings) if entry is not None else None


def _status_note(regulation_id: str, regulation: Regulation, data: ProjectData, settings: Project) -> str:
    """``Mengubah ...``, ``Mencabut ...``, ``Diubah dengan ...`` (an enacted amendment of the project; a draft
    changes nothing yet), then ``jdih: keterangan_status``."""
    notes = []
    if regulation.amends is not None:
        name = _named(regulation.amends, data, settings)
        if name:
            notes.append(f"Mengubah {name}")
    for revoked in regulation.closing.revokes:
        name = _named(revoked, data, settings)
        if name:
            notes.append(f"Mencabut {name}")
    for other_id in sorted(data.regulations):
        other = data.regulations[other_id]
        if other.amends == regulation_id and other.is_enacted:
            notes.append(f"Diubah dengan {regulation_title(settings, other, data)}")
    if regulation.jdih.status_note:
        notes.append(regulation.jdih.status_note)
    return SEPARATOR.join(notes)


def _source(regulation: Regulation, settings: Project) -> tuple[str, list[tuple[str, str]]]:
    """``BD KOTA PAREPARE 2025 (12) : 10 HLM`` and what is missing to write it (label, key)."""
    given = regulation.promulgation
    if regulation.is_regional:
        prefix, number, year = "LD", given.regional_gazette_number, given.regional_gazette_year
        number_key = "pengundangan: nomor_lembaran_daerah"
    else:
        prefix, number, year = "BD", given.gazette_number, given.gazette_year
        number_key = "pengundangan: nomor_berita_daerah"
    year = year or (given.date.year if given.date is not None else None) or regulation.year
    missing = []
    if number is None:
        missing.append(("nomor Berita/Lembaran Daerah (Sumber)", number_key))
    if regulation.jdih.pages is None:
        missing.append(("jumlah halaman (Sumber)", "jdih: jumlah_halaman"))
    if number is None or year is None:
        return "", missing
    text = f"{prefix} {settings.region_full_name.upper()} {year} ({number})"
    if regulation.jdih.pages is not None:
        text += f" : {regulation.jdih.pages} HLM"
    return text, missing


def jdih_record(regulation_id: str, regulation: Regulation, data: ProjectData) -> JdihRecord:
    """The JDIH metadata of one regulation of the project (see the module's docstring)."""
    settings = data.settings
    assert settings is not None, "a regulation is checked against rancang.yaml"
    kind = _kind(settings, regulation)
    words = kind_words(settings, kind)
    meta = regulation.jdih
    draft = regulation.is_draft
    missing: list[Missing] = []
    here = locate(regulation, "jdih") if "jdih" in regulation.model_fields_set else locate(regulation)

    def own(label: str, value: str | None, key: str) -> str:
        if not value:
            missing.append(Missing(label, f"jdih: {key}", here))
        return value or ""

    signatory = regulation.enactment.signatory or settings.head.name or ""
    if not signatory:
        missing.append(Missing("penandatangan", "kepala_daerah: nama di rancang.yaml atau penetapan: "
                               "penanda_tangan", locate(regulation)))
    if draft:
        status, source = DRAFT_STATUS, ""
    else:
        status = STATUS_WORDS[meta.status] if meta.status is not None else own("status", None, "status")
        if regulation.is_decree:
            source = ""  # a Keputusan is not promulgated
        else:
            source, lacking = _source(regulation, settings)
            where = locate(regulation, "promulgation") if "promulgation" in regulation.model_fields_set else \
                locate(regulation)
            for label, key in lacking:
                missing.append(Missing(label, key, here if key.startswith("jdih") else where))
            if regulation.promulgation.date is None or regulation.promulgation.date.day is None:
                missing.append(Missing("tanggal pengundangan", "pengundangan: tanggal", where))
    base = settings.site.base_url
    values = {
        "idData": regulation_id,
        "tipeDokumen": DOCUMENT_TYPE,
        "judul": regulation_title(settings, regulation, data),
        "teuBadan": teu_badan(settings, kind),
        "noPeraturan": str(regulation.number) if regulation.number is not None else "",
        "tahun_pengundangan": str(regulation.year) if regulation.year is not None else "",
        "jenis": words.name,
        "singkatanJenis": ABBREVIATIONS[kind],
        "tempatTerbit": regulation.enactment.place or settings.region.capital or settings.region.name,
        "tanggal_penetapan": _date(regulation.enactment.date),
        "tanggal_pengundangan": "" if regulation.is_decree else _date(regulation.promulgation.date),
        "sumber": source,
        "subjek": own("subjek", meta.subject, "subjek"),
        "status": status,
        "keteranganStatus": _status_note(regulation_id, regulation, data, settings),
        "bahasa": LANGUAGE,
        "lokasi": own("lokasi", meta.location, "lokasi"),
        "bidangHukum": own("bidang hukum", meta.field_of_law, "bidang_hukum"),
        "penandatangan": signatory,
        "pemrakarsa": own("pemrakarsa", meta.initiator, "pemrakarsa"),
        "peraturanTerkait": _related(regulation, data, settings),
        "urlDetailPeraturan": f"{base.rstrip('/')}/{regulation_doc(regulation_id)}.html" if base else "",
    }
    return JdihRecord(regulation_id, values, draft, tuple(missing))


def jdih_records(data: ProjectData) -> list[JdihRecord]:
    """Every regulation's record, in id order."""
    return [jdih_record(rid, data.regulations[rid], data) for rid in sorted(data.regulations)]


def feed_record(record: JdihRecord) -> dict[str, str]:
    """The JSON object of one record: :data:`FIELDS`, the feed's always-empty keys, :data:`FEED_CONSTANTS`."""
    out = {field.key: record.values[field.key] for field in FIELDS}
    out.update({key: "" for key in EMPTY_FEED_KEYS})
    out.update(FEED_CONSTANTS)
    return out


def json_bytes(records: list[JdihRecord]) -> bytes:
    """``jdih.json``: a list of :func:`feed_record` objects, every value a string."""
    text = json.dumps([feed_record(r) for r in records], ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def csv_bytes(records: list[JdihRecord]) -> bytes:
    """``jdih.csv``: a header row of the JDIH form's labels, one row per regulation (UTF-8 with BOM, so that Excel
    reads it; RFC 4180 quoting)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([field.label for field in FIELDS])
    for record in records:
        writer.writerow([record.values[field.key] for field in FIELDS])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


FORMATS: dict[str, Callable[[list[JdihRecord]], bytes]] = {".json": json_bytes, ".csv": csv_bytes}
"""The export's writer by file suffix."""
