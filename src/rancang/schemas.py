"""JSON Schemas of the YAML formats, for editor validation and completion.

The files in ``schemas/`` are generated from the models (``rancang schema``)
and a test keeps them in sync. Example files point to them with a first line
``# yaml-language-server: $schema=<relative path>`` which the YAML extension
of VS Code reads.

Titles and descriptions a user sees on hover are Indonesian: field titles are
the YAML keys, and model titles come from :data:`TITLES` (class docstrings are
for developers and are dropped).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from rancang.models import FORMATS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

TITLES: dict[str, str] = {
    # models
    "Project": "Pengaturan proyek rancang",
    "Region": "Daerah",
    "Official": "Pejabat",
    "Outputs": "Folder keluaran",
    "Site": "Situs",
    "Margins": "Marjin halaman",
    "Checks": "Pemeriksaan",
    "Documents": "Dokumen",
    "AmendmentStyle": "Rumusan peraturan perubahan",
    "Paper": "Ukuran kertas",
    "OtherDirectory": "Direktori inovasi daerah lain",
    "Agencies": "Daftar perangkat daerah",
    "Agency": "Perangkat daerah",
    "LegalCatalogue": "Katalog dasar hukum",
    "LegalBasis": "Dasar hukum",
    "Publication": "Lembaran/Berita",
    "Innovation": "Profil inovasi daerah",
    "Measurement": "Nilai terukur",
    "Indicator": "Indikator",
    "Budget": "Anggaran",
    "LegalRef": "Dasar hukum inovasi",
    "Award": "Penghargaan",
    "ReplicationEntry": "Daerah replikasi",
    "Replication": "Replikasi",
    "Contact": "Kontak",
    "Area": "Wilayah",
    "CitedSource": "Sumber",
    "Picture": "Gambar",
    "Evidence": "Bukti dukung indikator IID",
    "RegionEvidence": "Data Indeks Inovasi Daerah (IID) daerah",
    "Regulation": "Rancangan peraturan atau keputusan (Peraturan Wali Kota/Bupati, Peraturan Daerah, atau "
                  "Keputusan Wali Kota/Bupati)",
    "Dictum": "Diktum",
    "Delegation": "Ketentuan yang dilaksanakan",
    "Member": "Anggota tim",
    "Point": "Butir rincian",
    "Enumeration": "Rincian",
    "Clause": "Ayat",
    "Article": "Pasal",
    "Division": "Paragraf",
    "Part": "Bagian",
    "Chapter": "BAB",
    "Definition": "Istilah ketentuan umum",
    "Citation": "Dasar hukum (Mengingat)",
    "ClosingProvisions": "Ketentuan penutup",
    "Enactment": "Penetapan",
    "Promulgation": "Pengundangan",
    "JdihMetadata": "Metadata JDIH",
    "Annex": "Lampiran",
    "Change": "Butir perubahan",
    "Explanation": "Penjelasan",
    "ExplainedElement": "Penjelasan pasal, ayat, atau butir",
    "OrgUnit": "Unit bagan organisasi",
    "Visit": "Kunjungan kerja",
    "Party": "Pihak",
    "Person": "Orang",
    "AgendaItem": "Acara",
    "SessionResult": "Hasil sesi",
    "FollowUp": "Tindak lanjut",
    "Reporter": "Pelapor",
    # enums
    "LegalKind": "Jenis peraturan",
    "Form": "Bentuk inovasi",
    "Kind": "Jenis inovasi",
    "Stage": "Tahapan",
    "Initiator": "Inisiator",
    "Status": "Status",
    "AwardLevel": "Tingkat penghargaan",
    "RegulationKind": "Jenis peraturan atau keputusan",
    "ListKind": "Sifat rincian",
    "Commencement": "Saat mulai berlaku",
    "LegalStatus": "Status peraturan (JDIH)",
    "AllInnovations": "Semua inovasi",
    "Role": "Peran",
    "Side": "Pihak peserta",
    "RegionKind": "Jenis daerah",
    "OfficeSpelling": "Ejaan jabatan",
}


def _localise(schema: dict[str, Any], class_name: str | None) -> None:
    if class_name is not None:
        schema.pop("description", None)
        title = TITLES.get(class_name)
        if title is None:
            raise KeyError(f"no Indonesian title for model {class_name!r}; add it to rancang.schemas.TITLES")
        schema["title"] = title
    for key, prop in schema.get("properties", {}).items():
        prop["title"] = key


SHORTHANDS: dict[str, dict[str, Any]] = {
    # Models that also accept a plain string (see their "before" validators).
    "Point": {"type": "string", "minLength": 1},
    "Clause": {"type": "string", "minLength": 1},
    "Dictum": {"type": "string", "minLength": 1},
    "Citation": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
}


def schema_for(model: type[BaseModel], file_name: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    defs = schema.get("$defs", {})
    for name, definition in defs.items():
        _localise(definition, name)
    for name, short in SHORTHANDS.items():
        if name in defs:
            full = defs[name]
            defs[name] = {"title": full["title"], "anyOf": [short, {k: v for k, v in full.items() if k != "title"}]}
    _localise(schema, model.__name__)
    return {"$schema": SCHEMA_DIALECT, "$id": file_name, **schema}


def generate() -> dict[str, str]:
    """File name -> JSON text of every schema."""
    out = {}
    for fmt in FORMATS.values():
        schema = schema_for(fmt.model, fmt.schema_file)
        out[fmt.schema_file] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return out


def write(folder: Path) -> list[Path]:
    """Write the schemas; returns the files that changed."""
    from rancang.fileio import atomic_write_text

    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in generate().items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            atomic_write_text(target, text)
            changed.append(target)
    return changed


def schema_comment(data_file: Path, root: Path, fmt_schema_file: str) -> str:
    """The first line that points an editor at the schema, relative to the data file."""
    import os

    target = root / "schemas" / fmt_schema_file
    rel = Path(os.path.relpath(target, data_file.parent)).as_posix()
    return f"# yaml-language-server: $schema={rel}"
