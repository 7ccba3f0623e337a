"""Replication links between innovations, as every output shows them.

A profile records replication in ``replikasi.dari`` (the innovations it replicates) and ``replikasi.oleh``
(those that replicate it). Each entry names a region in words (``daerah``), an innovation (``inovasi``: ours,
``call-center-112``, or another region's from the copy of its directory, ``parepare:call-center-112``), or both.

* :func:`entries`: the entries of one list of a profile, each with the party it names (for the profile page,
  which links the innovation, and for the texts of the brief and the open data);
* :func:`replication_graph`: every link of the project, once each (``A dari B`` on A's profile and ``B oleh A``
  on B's are the same link), with the parties they join: our innovations, other regions' innovations, and
  regions named only in words. The site draws it and lists it in a table.

Every link reads "mereplikasi": from the innovation that replicates to the one it replicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable
from urllib.parse import urljoin, urlsplit

from rancang.layout import innovation_doc
from rancang.models.innovation import ReplicationEntry
from rancang.models.project_data import ProjectData
from rancang.models.visit import split_ref


class PartyKind(str, Enum):
    """What a node of the graph is, with the words the legend uses."""

    OURS = "kita"
    FOREIGN = "lain"
    REGION = "daerah"

    @property
    def label(self) -> str:
        return {"kita": "Inovasi dalam direktori ini", "lain": "Inovasi daerah lain (dari direktori_lain)",
                "daerah": "Daerah yang disebut tanpa nama inovasinya"}[self.value]


@dataclass(frozen=True)
class Party:
    """One side of a replication link."""

    key: str
    """Stable and unique: ``call-center-112`` (ours), ``parepare:call-center-112``, ``daerah:kabupaten barru``."""
    kind: PartyKind
    name: str
    """The innovation's name; for :attr:`PartyKind.REGION`, the region as written."""
    region: str | None
    """The region of an innovation (``Kota Parepare``); None for a region node or when not known."""
    record_id: str | None = None
    """Our innovation's id: its page is ``kb/inovasi/<id>``."""
    url: str | None = None
    """The page of another region's innovation on its published site, when its directory is on the web."""

    @property
    def label(self) -> str:
        """``Call Center 112 (Kota Parepare)``; a region alone: ``Kabupaten Barru``."""
        return f"{self.name} ({self.region})" if self.region and self.kind is not PartyKind.REGION else self.name


@dataclass(frozen=True)
class EntryView:
    """One entry of ``replikasi.dari`` or ``replikasi.oleh`` as a profile shows it."""

    party: Party
    year: int | None
    note: str | None

    @property
    def details(self) -> str:
        """What follows the party's name: ``, Kota Parepare (2019), PKS Nomor ...`` (another region's
        innovation); ``(2021)`` (ours: the region goes without saying)."""
        text = f", {self.party.region}" if self.party.kind is PartyKind.FOREIGN and self.party.region else ""
        if self.year:
            text += f" ({self.year})"
        if self.note:
            text += f", {self.note}"
        return text

    @property
    def text(self) -> str:
        """``Call Center 112, Kota Parepare (2019), PKS Nomor ...``; ``Kabupaten Barru (2019)``."""
        return self.party.name + self.details


@dataclass(frozen=True)
class ReplicationLink:
    """``replicator`` mereplikasi ``original``."""

    replicator: Party
    original: Party
    year: int | None
    notes: tuple[str, ...]
    recorded_in: tuple[str, ...]
    """Our profiles that record the link (in ``dari`` or ``oleh``), by id."""


@dataclass(frozen=True)
class ReplicationGraph:
    parties: tuple[Party, ...]
    """Every party of a link, ours first, then other regions' innovations, then regions; by name in each."""
    links: tuple[ReplicationLink, ...]
    """Every link once, in the order of the parties."""

    def party_index(self) -> dict[str, int]:
        return {party.key: index for index, party in enumerate(self.parties)}


def our_region(data: ProjectData) -> str | None:
    return data.settings.region_full_name if data.settings is not None else None


def ours(record_id: str, data: ProjectData) -> Party:
    """Our innovation ``record_id`` (known to be in ``data``)."""
    return Party(record_id, PartyKind.OURS, data.innovations[record_id].name, our_region(data), record_id)


def party(entry: ReplicationEntry, data: ProjectData) -> Party:
    """The innovation or the region an entry names. An id the check reports as unknown (R310-R312) becomes a
    party named by the id as written, so that an output made anyway still shows what was written."""
    if entry.innovation is None:
        region = " ".join((entry.region or "").split())
        return Party(f"daerah:{region.casefold()}", PartyKind.REGION, region, None)
    directory, record_id = split_ref(entry.innovation)
    if directory is None:
        if record_id in data.innovations:
            return ours(record_id, data)
        return Party(record_id, PartyKind.OURS, record_id, entry.region or our_region(data), None)
    foreign = data.foreign.get(directory)
    record = foreign.data.innovations.get(record_id) if foreign is not None else None
    region = foreign.name if foreign is not None else entry.region
    if record is None:
        return Party(entry.innovation, PartyKind.FOREIGN, entry.innovation, region)
    return Party(entry.innovation, PartyKind.FOREIGN, record.name, region, None,
                 published_page(foreign.address, record_id))


def published_page(address: str, record_id: str) -> str | None:
    """The page of a profile on another region's rancang site, from the web address of its open data
    (``https://<situs>/data/inovasi.json`` -> ``https://<situs>/kb/inovasi/<id>.html``); None for a copy read
    from a file, or an address that is not a rancang site's ``data/inovasi.json``."""
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.path.endswith("/data/inovasi.json"):
        return None
    return urljoin(address, f"../{innovation_doc(record_id)}.html")


def entries(items: Iterable[ReplicationEntry], data: ProjectData) -> tuple[EntryView, ...]:
    """The entries of one list of a profile, in the order written."""
    return tuple(EntryView(party(entry, data), entry.year, entry.note) for entry in items)


_ORDER = {PartyKind.OURS: 0, PartyKind.FOREIGN: 1, PartyKind.REGION: 2}


def replication_graph(data: ProjectData) -> ReplicationGraph:
    """Every replication link that our profiles record (see the module's docstring)."""
    found: dict[tuple[str, str], dict] = {}
    parties: dict[str, Party] = {}

    def add(replicator: Party, original: Party, entry: ReplicationEntry, record_id: str) -> None:
        if replicator.key == original.key:
            return  # an innovation naming itself: the check reports it (R310)
        for side in (replicator, original):
            parties.setdefault(side.key, side)
        link = found.setdefault((replicator.key, original.key), {"year": None, "notes": [], "recorded_in": []})
        if link["year"] is None:
            link["year"] = entry.year
        if entry.note and entry.note not in link["notes"]:
            link["notes"].append(entry.note)
        if record_id not in link["recorded_in"]:
            link["recorded_in"].append(record_id)

    for record_id, innovation in sorted(data.innovations.items()):
        replication = innovation.replication
        if replication is None:
            continue
        here = ours(record_id, data)
        for entry in replication.origin:
            add(here, party(entry, data), entry, record_id)
        for entry in replication.adopters:
            add(party(entry, data), here, entry, record_id)

    ordered = sorted(parties.values(), key=lambda p: (_ORDER[p.kind], p.name.casefold(), p.key))
    rank = {p.key: index for index, p in enumerate(ordered)}
    links = [ReplicationLink(parties[a], parties[b], value["year"], tuple(value["notes"]),
                             tuple(sorted(value["recorded_in"]))) for (a, b), value in found.items()]
    links.sort(key=lambda link: (rank[link.replicator.key], rank[link.original.key]))
    return ReplicationGraph(tuple(ordered), tuple(links))


@dataclass(frozen=True)
class LinkLine:
    """One link as a profile page lists it: the other party (its name linked to its page) and the details."""

    party: Party
    details: str
    """``, Kota Parepare (2019), PKS Nomor ...``."""


@dataclass(frozen=True)
class ProfileLinks:
    """The links of one of our innovations, whichever profile records them."""

    origin: tuple[LinkLine, ...]
    """What it replicates."""
    adopters: tuple[LinkLine, ...]
    """What replicates it."""

    def __bool__(self) -> bool:
        return bool(self.origin or self.adopters)


def _line(other: Party, link: ReplicationLink) -> LinkLine:
    details = EntryView(other, link.year, "; ".join(link.notes) or None).details
    return LinkLine(other, details)


def links_by_record(graph: ReplicationGraph) -> dict[str, ProfileLinks]:
    """:func:`profile_links` of every innovation of ours that has a link (one pass over the links)."""
    origin: dict[str, list[LinkLine]] = {}
    adopters: dict[str, list[LinkLine]] = {}
    for link in graph.links:
        if link.replicator.kind is PartyKind.OURS and link.replicator.record_id:
            origin.setdefault(link.replicator.record_id, []).append(_line(link.original, link))
        if link.original.kind is PartyKind.OURS and link.original.record_id:
            adopters.setdefault(link.original.record_id, []).append(_line(link.replicator, link))
    return {record_id: ProfileLinks(tuple(origin.get(record_id, ())), tuple(adopters.get(record_id, ())))
            for record_id in sorted(set(origin) | set(adopters))}
