"""Everything a project holds, validated: the container that the data layer fills and every layer above reads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rancang.models.catalogue import Agency, LegalBasis
from rancang.models.innovation import Innovation
from rancang.models.project import Project
from rancang.models.regulation import Regulation
from rancang.models.visit import Visit


@dataclass
class ProjectData:
    """Everything a project holds, validated. Records that failed are absent."""

    root: Path
    settings: Project | None = None
    agencies: dict[str, Agency] = field(default_factory=dict)
    catalogue: dict[str, LegalBasis] = field(default_factory=dict)
    innovations: dict[str, Innovation] = field(default_factory=dict)
    regulations: dict[str, Regulation] = field(default_factory=dict)
    visits: dict[str, Visit] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    """Display path of every data file read -> its format name."""
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Display path of every data file read -> (size, modification time in ns), as it was read."""

    def fingerprint(self) -> str:
        """Changes when any data file is added, removed or changed: outputs made from all of them (open data,
        ...) need to be renewed only then."""
        digest = hashlib.sha256()
        for shown in sorted(self.stamps):
            digest.update(f"{shown}\0{self.stamps[shown]}\n".encode())
        return digest.hexdigest()
