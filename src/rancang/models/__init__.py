"""Typed models of every YAML format rancang reads.

:data:`FORMATS` names each format once: its model, its JSON Schema file in
``schemas/`` and where its files live in a project.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from rancang import layout
from rancang.models.catalogue import Agencies, Agency, LegalBasis, LegalCatalogue, LegalKind
from rancang.models.iid import RegionEvidence
from rancang.models.innovation import Innovation
from rancang.models.project import Project
from rancang.models.project_data import ProjectData
from rancang.models.regulation import Regulation
from rancang.models.visit import Visit


@dataclass(frozen=True)
class Format:
    name: str
    """Short Indonesian name, used in messages and by ``rancang new``."""
    model: type[BaseModel]
    schema_file: str
    location: str
    """Where files of this format live, relative to the project root (a glob)."""
    per_file_id: bool
    """True when the file name (without .yaml) is the record's id."""


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("proyek", Project, "rancang.schema.json", layout.PROJECT_FILE, False),
        Format("perangkat-daerah", Agencies, "perangkat-daerah.schema.json", layout.AGENCIES_FILE, False),
        Format("dasar-hukum", LegalCatalogue, "dasar-hukum.schema.json", layout.CATALOGUE_FILE, False),
        Format("iid", RegionEvidence, "iid.schema.json", layout.IID_FILE, False),
        Format("inovasi", Innovation, "inovasi.schema.json", f"{layout.INNOVATIONS}/*.yaml", True),
        Format("regulasi", Regulation, "regulasi.schema.json", f"{layout.REGULATIONS}/*.yaml", True),
        Format("kunjungan", Visit, "kunjungan.schema.json", f"{layout.VISITS}/*.yaml", True),
    )
}

__all__ = [
    "FORMATS",
    "Format",
    "Agencies",
    "Agency",
    "Innovation",
    "LegalBasis",
    "LegalCatalogue",
    "LegalKind",
    "Project",
    "ProjectData",
    "Regulation",
    "RegionEvidence",
    "Visit",
]
