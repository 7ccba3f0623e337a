"""Resolve ids between files, and inside a regulation.

Innovation -> perangkat daerah and dasar hukum, and the innovations it replicates or that replicate it
(``replikasi.dari/oleh[].inovasi``: ours, or ``nama:id`` of another region's directory; R310-R312);
regulation -> dasar hukum; catalogue -> its amending acts; visit -> innovations (ours, or ``nama:id`` of
another region's directory). An unknown id is an error that names the closest existing id.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping

from rancang.diagnostics import Diagnostic, Location
from rancang.layout import AGENCIES_FILE, CATALOGUE_FILE, INNOVATIONS, REGULATIONS
from rancang.drafting import annex_tables
from rancang.drafting.engine import Drafted
from rancang.models import ProjectData
from rancang.models.base import Model
from rancang.models.project import RegionKind
from rancang.models.regulation import Regulation, RegulationKind
from rancang.models.visit import split_ref
from rancang.language.suggest import closest, closest_few, quoted_choices  # noqa: F401 (used here and re-exported)
from rancang.locations import locate


SOURCES = {
    "dasar hukum": CATALOGUE_FILE,
    "peraturan yang diubah": CATALOGUE_FILE,
    "perangkat daerah": AGENCIES_FILE,
    "rancangan peraturan": f"{REGULATIONS}/",
    "inovasi": f"{INNOVATIONS}/",
}
"""Where the ids of each kind are defined, as the user finds it in the project."""


def _defined_in(what: str) -> str:
    source = SOURCES[what]
    if source.endswith("/"):
        return f"id {what} adalah nama berkasnya di {source} (tanpa .yaml)"
    return f"id {what} didaftarkan di {source}"


def _unknown(name: str, known: dict, what: str, where: Location) -> Diagnostic:
    """An unknown id: the suggestion gives the closest known ids and the file where such ids are defined."""
    guesses = closest_few(name, known)
    if guesses:
        suggestion = f"mungkin maksud Anda {quoted_choices(guesses)}? {_defined_in(what)}"
    elif not known:
        suggestion = f"daftarnya masih kosong; {_defined_in(what)}"
    else:
        suggestion = _defined_in(what)
    return Diagnostic("R301", f"{what} '{name}' tidak dikenal", where, suggestion=suggestion)


def _missing(record_id: str, known: Mapping[str, object], data: ProjectData, kind: str) -> bool:
    """Whether an id is unknown and worth reporting: not when the file that defines it (``kb/dasar-hukum.yaml``
    for ``dasar-hukum``, ``kb/inovasi/<id>.yaml`` for ``inovasi``) failed to load; that file's problem is reported
    where it is, and an unknown id would only mislead."""
    return record_id not in known and kind not in data.unloaded and f"{kind}/{record_id}" not in data.unloaded


def check_references(data: ProjectData, drafts: Mapping[str, Drafted]) -> list[Diagnostic]:
    """Every id that one record gives for another, and every ``[[...]]`` reference of the regulations' trees."""
    problems: list[Diagnostic] = []
    problems.extend(_catalogue(data))
    problems.extend(_innovations(data))
    problems.extend(_regulations(data, drafts))
    problems.extend(_visits(data))
    return problems


def _catalogue(data: ProjectData) -> Iterator[Diagnostic]:
    for entry in data.catalogue.values():
        for index, other in enumerate(entry.amended_by):
            if _missing(other, data.catalogue, data, "dasar-hukum"):
                yield _unknown(other, data.catalogue, "dasar hukum", locate(entry, "amended_by", index))
            elif other == entry.id:
                yield Diagnostic("R301", f"'{entry.id}' tidak dapat mengubah dirinya sendiri",
                                 locate(entry, "amended_by", index))


def _innovations(data: ProjectData) -> Iterator[Diagnostic]:
    for innovation in data.innovations.values():
        if innovation.agency and _missing(innovation.agency, data.agencies, data, "perangkat-daerah"):
            yield _unknown_agency(innovation.agency, data, locate(innovation, "agency"))
        for ref in innovation.legal_basis:
            if ref.id and _missing(ref.id, data.catalogue, data, "dasar-hukum"):
                yield _unknown(ref.id, data.catalogue, "dasar hukum", locate(ref, "id"))
            if ref.regulation and _missing(ref.regulation, data.regulations, data, "regulasi"):
                yield _unknown(ref.regulation, data.regulations, "rancangan peraturan", locate(ref, "regulation"))
    yield from _replications(data)


REPLICATION_CODES = ("R310", "R311", "R312")
"""Unknown innovation of ours, unknown directory, id not in that directory's copy (a replication's 'inovasi')."""


def _replications(data: ProjectData) -> Iterator[Diagnostic]:
    """``replikasi.dari[].inovasi`` and ``replikasi.oleh[].inovasi`` of every profile."""
    for record_id, innovation in data.innovations.items():
        replication = innovation.replication
        if replication is None:
            continue
        for entry in [*replication.origin, *replication.adopters]:
            if entry.innovation is None:
                continue
            if entry.innovation == record_id:
                yield Diagnostic("R310", f"inovasi '{record_id}' tidak dapat mereplikasi dirinya sendiri",
                                 locate(entry, "innovation"),
                                 suggestion="tulis id inovasi lain, atau hapus 'inovasi' dan sebut daerahnya saja")
                continue
            yield from _innovation_ref(entry.innovation, data, entry, "innovation", codes=REPLICATION_CODES)


def _unknown_agency(agency: str, data: ProjectData, where: Location) -> Diagnostic:
    """An unknown agency id; when no id is close, the agency whose name, short name or alias (``alias``) it
    spells (``dinkes`` for ``dinas-kesehatan``) is suggested."""
    problem = _unknown(agency, data.agencies, "perangkat daerah", where)
    if closest(agency, data.agencies) is None and data.agencies:
        from rancang.language.agencies import match

        found = match(agency.replace("-", " "), data.agencies)
        if found is not None:
            return Diagnostic("R301", problem.message, where,
                              suggestion=f"mungkin maksud Anda '{found.id}'? {_defined_in('perangkat daerah')}")
    return problem


def _regulations(data: ProjectData, drafts: Mapping[str, Drafted]) -> Iterator[Diagnostic]:
    settings = data.settings
    for record_id, regulation in data.regulations.items():
        for citation in regulation.legal_bases:
            if _missing(citation.id, data.catalogue, data, "dasar-hukum"):
                yield _unknown(citation.id, data.catalogue, "dasar hukum", locate(citation, "id"))
        for index, revoked in enumerate(regulation.closing.revokes):
            if _missing(revoked, data.catalogue, data, "dasar-hukum"):
                yield _unknown(revoked, data.catalogue, "dasar hukum", locate(regulation.closing, "revokes", index))
        if (regulation.amends is not None and regulation.amends not in data.regulations
                and _missing(regulation.amends, data.catalogue, data, "dasar-hukum")):
            # a catalogue entry (Pasal I written by hand) or a regulation file (the whole edited text)
            yield _unknown(regulation.amends, {**data.catalogue, **data.regulations}, "peraturan yang diubah",
                           locate(regulation, "amends"))
        amended = data.regulations.get(regulation.amends or "")
        if amended is not None and amended.is_decree:
            yield Diagnostic("R304", f"'{regulation.amends}' adalah Keputusan, bukan peraturan: rancang menyusun "
                                     f"perubahan hanya untuk peraturan", locate(regulation, "amends"),
                             suggestion="hapus 'mengubah': Keputusan diganti dengan Keputusan baru yang "
                                        "mencabutnya")
        for annex in regulation.annexes:  # a lampiran's innovation table names records of kb/inovasi
            yield from annex_tables.innovation_problems(annex, data.innovations, data.unloaded)
        if settings is not None and regulation.kind not in (None, RegulationKind.REGIONAL):
            city = settings.region.kind is RegionKind.CITY
            if regulation.kind.is_decree:
                expected = RegulationKind.MAYOR_DECREE if city else RegulationKind.REGENT_DECREE
                name = f"Keputusan {settings.head_office}"
            else:
                expected = RegulationKind.MAYOR if city else RegulationKind.REGENT
                name = settings.regulation_name
            if regulation.kind is not expected:
                yield Diagnostic(
                    "P403",
                    f"{settings.region_full_name} menetapkan {name}, "
                    f"bukan {regulation.kind.value.replace('_', ' ')}",
                    locate(regulation, "kind"),
                    suggestion=f"tulis jenis: {expected.value} atau hapus kunci jenis",
                )
        duplicates = list(_unique_element_ids(regulation))
        yield from duplicates
        if record_id in drafts and not duplicates:
            # Problems only the numbered tree can show: [[...]] references that do not resolve.
            yield from drafts[record_id].problems


def element_ids(regulation: Regulation) -> Iterator[tuple[str, Model]]:
    """Every (id, element) pair in a regulation, in document order."""

    def walk(value: object) -> Iterator[tuple[str, Model]]:
        if isinstance(value, Model):
            element_id = getattr(value, "id", None)
            if isinstance(element_id, str) and type(value).model_fields.get("id") is not None \
                    and type(value).__name__ != "Citation":
                yield element_id, value
            for name in type(value).model_fields:
                child = getattr(value, name)
                if isinstance(child, (Model, list)):  # not into texts and numbers: nothing to find there
                    yield from walk(child)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, (Model, list)):
                    yield from walk(item)

    for name in ("definitions", "body", "dicta", "annexes"):
        yield from walk(getattr(regulation, name))


def _unique_element_ids(regulation: Regulation) -> Iterator[Diagnostic]:
    seen: dict[str, Model] = {}
    for element_id, element in element_ids(regulation):
        if element_id in seen:
            first = locate(seen[element_id], "id")
            yield Diagnostic("R302", f"id '{element_id}' sudah dipakai di baris {first.line}", locate(element, "id"))
        else:
            seen[element_id] = element


def _visits(data: ProjectData) -> Iterator[Diagnostic]:
    for visit in data.visits.values():
        for index, ref in enumerate(visit.innovations):
            yield from _innovation_ref(ref, data, visit, "innovations", index)
        for item in [*visit.agenda, *visit.results]:
            if item.innovation:
                yield from _innovation_ref(item.innovation, data, item, "innovation")


def _innovation_ref(ref: str, data: ProjectData, holder: Model, name: str, *index: int,
                    codes: tuple[str, str, str] = ("R301", "R301", "R301")) -> Iterator[Diagnostic]:
    """An innovation a visit (or a replication) names: ``call-center-112`` in kb/inovasi/, or
    ``parepare:call-center-112`` in the copy of a directory of ``direktori_lain``. The suggestion says how to add
    the record or name it from another directory when no known id is close. ``codes``: of an unknown id of ours,
    an unknown directory, an id the directory's copy does not hold."""
    def where() -> Location:
        return locate(holder, name, *index)

    directory, record_id = split_ref(ref)
    if directory is None:
        if not _missing(record_id, data.innovations, data, "inovasi"):
            return
        guesses = closest_few(record_id, data.innovations)
        elsewhere = [key for key, foreign in sorted(data.foreign.items()) if record_id in foreign.data.innovations]
        if elsewhere:
            suggestion = f"inovasi itu ada di direktori {data.foreign[elsewhere[0]].name}: tulis '{elsewhere[0]}:{record_id}'"
        elif guesses:
            suggestion = f"mungkin maksud Anda {quoted_choices(guesses)}? {_defined_in('inovasi')}"
        else:
            suggestion = (f"tambahkan profilnya dengan 'rancang new inovasi {record_id}'; bila inovasi itu milik daerah "
                          f"lain, daftarkan direktorinya di direktori_lain (rancang.yaml) lalu tulis 'NAMA:{record_id}'")
        yield Diagnostic(codes[0], f"inovasi '{record_id}' tidak dikenal", where(), suggestion=suggestion)
        return
    foreign = data.foreign.get(directory)
    configured = data.settings.other_directories if data.settings is not None else {}
    if foreign is None:
        if directory in configured:
            return  # its copy is missing or broken: the loader said so (P440, P441) where it is configured
        guess = closest(directory, configured)
        if guess:
            suggestion = f"mungkin maksud Anda '{guess}:{record_id}'?"
        else:
            suggestion = (f"daftarkan direktori itu di rancang.yaml (direktori_lain: {directory}: nama, alamat) lalu "
                          f"jalankan 'rancang direktori ambil {directory}'; atau, bila inovasi itu milik daerah "
                          f"kita, tulis id-nya saja dan tambahkan profilnya dengan 'rancang new inovasi {record_id}'")
        yield Diagnostic(codes[1], f"direktori lain '{directory}' tidak dikenal", where(), suggestion=suggestion)
        return
    if record_id in foreign.data.innovations:
        return
    guess = closest(record_id, foreign.data.innovations)
    suggestion = (f"mungkin maksud Anda '{directory}:{guess}'?" if guess else
                  f"bila inovasi itu baru ditambahkan di sana, ambil ulang salinannya dengan 'rancang direktori ambil "
                  f"{directory}'")
    yield Diagnostic(codes[2], f"inovasi '{record_id}' tidak ada di salinan direktori {foreign.name} ({foreign.copy})",
                     where(), suggestion=suggestion)
