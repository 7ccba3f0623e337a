"""What ``rancang iid`` shows and exports: the IID readiness of a region and of each innovation, and the estimate.

Every word and number of the text report, of its JSON and of the export workbook is made here, from the
domain's results (:mod:`rancang.assessment`); the command prints it and :mod:`rancang.render.iid_xlsx` lays it
out. The estimate is always labelled :data:`ESTIMATE_LABEL`: the official score is the one BSKDN validates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from rancang.present.iid_form import FORM_CONFIDENCE, FORM_SOURCES, FormRow, form_rows

ESTIMATE_LABEL = "perkiraan, bukan nilai resmi"

SID_HEADERS = ("Id (rancang)", "Nama inovasi", "Nomor indikator", "Indikator", "Tingkat diklaim", "Berkas",
               "Tautan", "Keterangan", "Status")
SPD_HEADERS = ("Nomor indikator", "Indikator", "Tingkat diklaim", "Berkas", "Tautan", "Keterangan", "Status")


@dataclass(frozen=True)
class EvidenceRow:
    """One line of an evidence sheet: an indicator and one document (or none yet)."""

    number: str
    indicator: str
    level: int | None
    file: str | None
    """The file's name as the portal will receive it (``sk-tim.pdf``), None when there is no document."""
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
                         "Daftarnya ada di lembar Belum lengkap."),
    ]


@dataclass
class IidReport:
    """The readiness report of one project: what ``rancang iid`` prints, its JSON, and the export workbook."""

    region: str
    rows: list[FormRow]

    def lines(self) -> list[str]:
        out = [f"Kesiapan Indeks Inovasi Daerah {self.region}", ""]
        out.append(f"Inovasi: {len(self.rows)}.")
        for row in self.rows:
            out.append(f"{row.record_id}: {row.name}")
            out.extend(_form_lines(row))
        return out

    def as_dict(self, findings: list[dict] | None = None) -> dict:
        return {
            "daerah": self.region,
            "inovasi": [{"id": row.record_id, "nama": row.name, "isian_formulir": _form_dict(row)}
                        for row in self.rows],
            "temuan": findings or [],
        }

    def export(self) -> IidExport:
        return IidExport(self.rows, notes=form_notes())


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


def region_name(data) -> str:
    """``Kota Parepare``; ``proyek ini`` when rancang.yaml has no region."""
    settings = data.settings
    if settings is None:
        return "proyek ini"
    return settings.region_full_name


def iid_report(data, catalogue=None) -> IidReport:
    return IidReport(region_name(data), form_rows(data))


def load_catalogue_for(data, year: int | None):
    return None
