"""Everything a project holds, validated: the container that the data layer fills and every layer above reads."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rancang.models.catalogue import Agency, LegalBasis
from rancang.models.iid import RegionEvidence
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
    iid: RegionEvidence | None = None
    """``kb/iid.yaml`` (optional): the IID catalogue year and the region's own evidence; None when absent."""
    files: dict[str, str] = field(default_factory=dict)
    """Display path of every data file read -> its format name."""
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Display path of every data file read -> (size, modification time in ns), as it was read."""
    unloaded: set[str] = field(default_factory=set)
    """Data files that could not be loaded (not UTF-8, not YAML, wrong shape), by kind and id: ``dasar-hukum``,
    ``perangkat-daerah``, ``inovasi/<id>``, ``regulasi/<id>``. The ids they define are unknown, but a reference to
    one of them is not reported again as unknown (R301): the file's own problem says what to fix."""
    foreign: dict[str, "Foreign"] = field(default_factory=dict)
    """Other regions' directories (``direktori_lain`` of rancang.yaml) whose copy was read: name -> its data.
    Their records are never in :attr:`innovations`: the site, its counts and the open data do not show them;
    only a visit names them (``parepare:call-center-112``)."""
    memos: dict[str, dict] | None = field(default=None, repr=False, compare=False)
    """Innovation id -> what was worked out from that profile alone, kept between builds with the record
    (:class:`rancang.record_cache.Memo`); None when there is no record cache (``rancang check``). Also the memo
    of the list of agencies (:data:`rancang.loader.AGENCIES_MEMO`)."""

    def fingerprint(self) -> str:
        """Changes when any data file is added, removed or changed: outputs made from all of them (open data,
        ...) need to be renewed only then."""
        digest = hashlib.sha256()
        for shown in sorted(self.stamps):
            digest.update(f"{shown}\0{self.stamps[shown]}\n".encode())
        return digest.hexdigest()


@dataclass
class Foreign:
    """The copy of another region's published directory (``direktori-lain/<nama>/inovasi.json``), validated."""

    key: str
    """The short name of ``direktori_lain``: ``parepare``."""
    name: str
    """The region: ``Kota Parepare``."""
    address: str
    """Where the copy was fetched from (``alamat``): a web address or a path."""
    copy: str
    """The copy's path as the user sees it."""
    fetched: dt.datetime | None
    """When the copy was fetched (``asal.yaml``); None when that is not recorded."""
    data: ProjectData
    """Its innovations, agencies and legal catalogue, as a project of its own (no settings, no regulations), so
    that :class:`rancang.present.innovation.InnovationView` shows a record of it as one of ours."""
