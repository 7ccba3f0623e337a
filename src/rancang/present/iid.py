"""What ``rancang iid`` shows and exports: the IID readiness of a region and of each innovation, and the estimate.

Every word and number of the text report, of its JSON and of the export workbook is made here from the domain's
results (:func:`rancang.assessment.readiness.region_readiness`); the command prints it and
:mod:`rancang.render.iid_xlsx` lays it out. Nothing is scored here. The estimate is always labelled
:data:`ESTIMATE_LABEL`, and when the domain gives no predicate (mandatory evidence missing) no number is shown:
the report says that the estimate cannot be made yet, and what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Sequence

from rancang.assessment.catalogue import ESTIMATE_LABEL, confidence_words
from rancang.assessment.evidence import size_limit_note, unconfirmed_types_note
from rancang.assessment.readiness import IndicatorReadiness, IndicatorStatus, RegionReadiness, region_readiness
from rancang.language.wording import number
from rancang.layout import IID_FILE
from rancang.models import ProjectData
from rancang.models.iid import IidCatalogue
from rancang.present.iid_form import FORM_CONFIDENCE, FORM_SOURCES, FormRow, form_rows

__all__ = ["ESTIMATE_LABEL", "EvidenceRow", "IidExport", "IidReport", "MISSING_HEADERS", "SID_HEADERS", "SPD_HEADERS",
           "iid_report"]

SID_HEADERS = ("Id (rancang)", "Nama inovasi", "Nomor indikator", "Indikator", "Tingkat diklaim", "Berkas",
               "Tautan", "Keterangan", "Status")
SPD_HEADERS = ("Nomor indikator", "Indikator", "Tingkat diklaim", "Berkas", "Tautan", "Keterangan", "Status")
MISSING_HEADERS = ("Id (rancang)", "Nama inovasi", "Isian", "Yang masih kurang")


@dataclass(frozen=True)
class EvidenceRow:
    """One line of an evidence sheet: an indicator and one document (or none yet)."""

    number: str
    indicator: str
    level: int | None
    file: str | None
    """The document's path inside the project, as the profile writes it (``kb/bukti/sk-tim.pdf``): where to take
    it from when uploading; None when there is no document (or it is a link)."""
    link: str | None
    note: str | None
    status: str
    record_id: str | None = None
    """The innovation (None for the region's own indicators)."""
    innovation: str | None = None


@dataclass
class IidExport:
    """Everything the export workbook holds, in its order."""

    rows: list[FormRow]
    sid: list[EvidenceRow] = field(default_factory=list)
    spd: list[EvidenceRow] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def sid_rows(self) -> list[Sequence[object]]:
        return [(e.record_id, e.innovation, e.number, e.indicator, e.level, e.file, e.link, e.note, e.status)
                for e in self.sid]

    def spd_rows(self) -> list[Sequence[object]]:
        return [(e.number, e.indicator, e.level, e.file, e.link, e.note, e.status) for e in self.spd]

    def missing_rows(self) -> list[Sequence[object]]:
        return [(row.record_id, row.name, value.field.header, value.missing)
                for row in self.rows for value in row.missing]


@dataclass
class IidReport:
    """The readiness report of one project: what ``rancang iid`` prints, its JSON, and the export workbook."""

    region: str
    readiness: RegionReadiness
    rows: list[FormRow]
    """The IID form's profile fields of every innovation, in the order of :attr:`readiness`'s innovations."""

    @property
    def catalogue(self) -> IidCatalogue:
        return self.readiness.catalogue

    # -- text ---------------------------------------------------------------------------------------------------

    def lines(self) -> list[str]:
        readiness, catalogue = self.readiness, self.catalogue
        out = [f"Kesiapan Indeks Inovasi Daerah: {self.region}",
               f"Katalog: {catalogue.name} ({confidence_words(catalogue.confidence)}).", ""]
        out.extend(self._estimate_lines())
        out.append("")
        spd = readiness.spd
        where = IID_FILE if readiness.has_region_file else f"{IID_FILE}, berkas ini belum ada"
        out.append(f"Daerah (aspek SPD, {where}): {_ready(spd)} dari {len(spd)} indikator berbukti.")
        out.extend(_indicator_lines(spd, "  "))
        out.extend(f"  Bukti yang tidak dikenali: {problem}" for problem in readiness.stray)
        out.append("")
        counts = self.counts()
        out.append(f"Inovasi: {counts['inovasi']}; bukti indikator wajib lengkap: {counts['wajib_lengkap']}; semua "
                   f"indikator berbukti: {counts['semua_berbukti']}; isian profil formulir lengkap: "
                   f"{counts['isian_lengkap']}.")
        for item, row in zip(readiness.innovations, self.rows):
            out.append("")
            out.append(f"{item.record_id}: {item.name}")
            out.append(f"  Indikator SID berbukti: {_ready(item.indicators)} dari {len(item.indicators)}.")
            out.extend(_indicator_lines(item.indicators, "  "))
            out.extend(f"  Bukti yang tidak dikenali: {problem}" for problem in item.stray)
            if item.window.note:
                out.append(f"  Masa penerapan: {item.window.note}.")
            out.extend(_form_lines(row))
        return out

    def counts(self) -> dict[str, int]:
        """How many innovations are how far along (the region's summary)."""
        innovations = self.readiness.innovations
        return {"inovasi": len(innovations),
                "wajib_lengkap": sum(1 for item in innovations if not item.missing_mandatory),
                "semua_berbukti": sum(1 for item in innovations if not item.missing),
                "isian_lengkap": sum(1 for row in self.rows if not row.missing)}

    def _estimate_lines(self) -> list[str]:
        estimate = self.readiness.estimate
        head = f"Perkiraan nilai ({ESTIMATE_LABEL})"
        if not estimate.has_predicate:
            out = [f"{head}: belum dapat dihitung, karena bukti wajib belum lengkap. Yang masih kurang:"]
            out.extend(f"    - {reason}" for reason in estimate.missing)
        else:
            out = [f"{head}: indeks {number(estimate.index)} dari 100, predikat {estimate.predicate}.",
                   f"  SPD {number(round(estimate.spd, 2))} dari {number(round(estimate.spd_maximum, 2))}; "
                   f"SID {number(round(estimate.sid, 2))} (indikator {number(round(estimate.sid_indicators, 2))} "
                   f"dari {number(round(estimate.sid_indicators_maximum, 2))}, skor jumlah inovasi "
                   f"{number(round(estimate.count_score, 2))}{_of(estimate.count_maximum)}); total "
                   f"{number(round(estimate.total, 2))} dari {number(round(estimate.maximum, 2))}; "
                   f"{estimate.count} inovasi dihitung."]
        out.extend(f"  Tidak dihitung: {record_id}: {why}." for record_id, why in estimate.excluded)
        if estimate.notes:
            out.append("  Catatan perkiraan:")
            out.extend(f"    - {note}" for note in estimate.notes)
        return out

    # -- JSON ---------------------------------------------------------------------------------------------------

    def as_dict(self, findings: list[dict] | None = None) -> dict:
        readiness, catalogue = self.readiness, self.catalogue
        return {
            "daerah": self.region,
            "katalog": {"tahun": catalogue.year, "nama": catalogue.name, "keyakinan": catalogue.confidence.value},
            "perkiraan": self._estimate_dict(),
            "spd": {"berkas": IID_FILE, "berkas_ada": readiness.has_region_file,
                    "indikator": [_indicator_dict(row) for row in readiness.spd],
                    "bukti_tidak_dikenali": list(readiness.stray)},
            "jumlah": self.counts(),
            "inovasi": [{
                "id": item.record_id, "nama": item.name,
                "indikator": [_indicator_dict(indicator) for indicator in item.indicators],
                "bukti_tidak_dikenali": list(item.stray),
                "masa_penerapan": {"dihitung": item.window.counted, "catatan": item.window.note},
                "isian_formulir": _form_dict(row),
            } for item, row in zip(readiness.innovations, self.rows)],
            "temuan": findings or [],
        }

    def _estimate_dict(self) -> dict:
        estimate = self.readiness.estimate
        numbers = None
        if estimate.has_predicate:
            numbers = {"indeks": estimate.index, "spd": round(estimate.spd, 2),
                       "spd_maksimum": round(estimate.spd_maximum, 2), "sid": round(estimate.sid, 2),
                       "sid_indikator": round(estimate.sid_indicators, 2),
                       "sid_indikator_maksimum": round(estimate.sid_indicators_maximum, 2),
                       "skor_jumlah_inovasi": round(estimate.count_score, 2),
                       "total": round(estimate.total, 2), "maksimum": round(estimate.maximum, 2),
                       "jumlah_inovasi": estimate.count}
        return {"label": ESTIMATE_LABEL, "dapat_dihitung": estimate.has_predicate, "predikat": estimate.predicate,
                "nilai": numbers, "kurang": list(estimate.missing), "catatan": list(estimate.notes),
                "tidak_dihitung": [{"id": record_id, "alasan": why} for record_id, why in estimate.excluded]}

    # -- the workbook -------------------------------------------------------------------------------------------

    def export(self) -> IidExport:
        readiness = self.readiness
        sid = [evidence for item in readiness.innovations for row in item.indicators
               for evidence in _evidence_rows(row, item.record_id, item.name)]
        spd = [evidence for row in readiness.spd for evidence in _evidence_rows(row)]
        return IidExport(self.rows, sid, spd, self._notes())

    def _notes(self) -> list[tuple[str, str]]:
        catalogue, estimate = self.catalogue, self.readiness.estimate
        if estimate.has_predicate:
            value = (f"indeks {number(estimate.index)} dari 100, predikat {estimate.predicate} ({ESTIMATE_LABEL}; "
                     "nilai resmi adalah hasil validasi BSKDN)")
        else:
            value = (f"belum dapat dihitung ({ESTIMATE_LABEL}): bukti wajib belum lengkap. Yang masih kurang: "
                     + "; ".join(estimate.missing))
        notes = [
            ("Isi buku kerja", f"Isian formulir Indeks Inovasi Daerah {self.region}, disiapkan dengan rancang dari "
                               "basis pengetahuan, untuk dipindahkan ke aplikasi IID."),
            ("Perkiraan nilai", value),
            ("Katalog indikator", f"{catalogue.name} (tahun {catalogue.year}), {confidence_words(catalogue.confidence)}"
                                  + (f": {catalogue.note}" if catalogue.note else "")),
            ("Dasar katalog", catalogue.basis),
        ]
        if estimate.notes:
            notes.append(("Catatan perkiraan", "; ".join(estimate.notes)))
        notes.append(("Batas unggah", size_limit_note(catalogue)))
        types = unconfirmed_types_note(catalogue)
        if types:
            notes.append(("Jenis berkas", types))
        return notes + form_notes()


def iid_report(data: ProjectData, catalogue: IidCatalogue) -> IidReport:
    """The report of the project ``data`` against ``catalogue``."""
    readiness = region_readiness(data, catalogue)
    rows = {row.record_id: row for row in form_rows(data)}
    return IidReport(region_name(data), readiness, [rows[item.record_id] for item in readiness.innovations])


def region_name(data: ProjectData) -> str:
    """``Kota Parepare``; ``proyek ini`` when rancang.yaml could not be read."""
    return data.settings.region_full_name if data.settings is not None else "proyek ini"


def form_notes() -> list[tuple[str, str]]:
    """The lines of the ``Keterangan`` sheet about the form itself."""
    return [
        ("Urutan isian", "Kolom lembar Profil mengikuti urutan isian profil inovasi pada formulir Indeks Inovasi "
                         "Daerah; kolom pertama adalah id rancang (bukan isian formulir), untuk mencocokkan baris "
                         "dengan lembar bukti."),
        ("Keyakinan urutan isian", FORM_CONFIDENCE),
        ("Sumber urutan isian", "; ".join(FORM_SOURCES)),
        ("Isian Covid-19", "Pertanyaan Covid-19 pada formulir 2021-2022 tidak dimuat: formulir sesudahnya tidak "
                           "menanyakannya dan profil tidak menyimpannya."),
        ("Nilai kosong", "Sel kosong berarti profil belum memuat isian itu; rancang tidak pernah mengarangnya. "
                         "Daftarnya ada di lembar Belum lengkap; indikator tanpa bukti ada di lembar bukti dengan "
                         "status Belum ada bukti."),
    ]


# -- helpers ------------------------------------------------------------------------------------------------------


def _ready(rows: list[IndicatorReadiness]) -> int:
    return sum(1 for row in rows if row.status is IndicatorStatus.READY)


def _of(maximum: float | None) -> str:
    return f" dari {number(round(maximum, 2))}" if maximum is not None else ""


def _name(row: IndicatorReadiness) -> str:
    """``16 Regulasi inovasi daerah``."""
    return f"{row.indicator.number} {row.indicator.name}"


def _documents(row: IndicatorReadiness) -> str:
    return ", ".join(entry.file or entry.link or "" for entry in row.entries)


def _indicator_lines(rows: list[IndicatorReadiness], indent: str) -> list[str]:
    """Indicators with evidence one per line (level, documents), those with problems one per line (what is wrong),
    the missing ones on one line (mandatory ones marked)."""
    out = []
    for row in rows:
        if row.status is IndicatorStatus.READY:
            out.append(f"{indent}- {_name(row)}: tingkat {row.level}; {_documents(row)}")
    for row in rows:
        if row.status is IndicatorStatus.PROBLEM:
            out.append(f"{indent}- {_name(row)}: bukti bermasalah: {'; '.join(row.problems)}")
    missing = [row for row in rows if row.status is IndicatorStatus.MISSING]
    if missing:
        mandatory = sum(1 for row in missing if row.mandatory)
        out.append(f"{indent}Belum berbukti ({len(missing)}, {mandatory} wajib): "
                   + ", ".join(_name(row) + (" (wajib)" if row.mandatory else "") for row in missing) + ".")
    return out


def _form_lines(row: FormRow) -> list[str]:
    missing = row.missing
    if not missing:
        return ["  Isian profil formulir IID: lengkap."]
    return ([f"  Isian profil formulir IID yang masih kurang ({len(missing)}):"]
            + [f"    - {value.field.header}: {value.missing}" for value in missing])


def _form_dict(row: FormRow) -> list[dict]:
    return [{"isian": value.field.key, "judul": value.field.header,
             "nilai": value.value.isoformat() if hasattr(value.value, "isoformat") else value.value,
             "kurang": value.missing} for value in row.values]


def _indicator_dict(row: IndicatorReadiness) -> dict:
    indicator = row.indicator
    return {"id": indicator.id, "nomor": indicator.number, "nama": indicator.name, "wajib": indicator.mandatory,
            "status": row.status.value, "tingkat": row.level,
            "bukti": [{"berkas": entry.file, "tautan": entry.link, "tingkat": entry.level,
                       "keterangan": entry.note} for entry in row.entries],
            "masalah": list(row.problems)}


def _evidence_rows(row: IndicatorReadiness, record_id: str | None = None,
                   innovation: str | None = None) -> list[EvidenceRow]:
    """One row per document of the indicator; one row with empty cells when it has none."""
    status = row.status.label
    if row.problems:
        status += ": " + "; ".join(row.problems)
    if not row.entries:
        return [EvidenceRow(row.indicator.number, row.indicator.name, None, None, None, None, status, record_id,
                            innovation)]
    return [EvidenceRow(row.indicator.number, row.indicator.name, entry.level,
                        PurePosixPath(entry.file).as_posix() if entry.file else None, entry.link, entry.note, status,
                        record_id, innovation) for entry in row.entries]
