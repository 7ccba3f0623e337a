"""Checks of the IID evidence a project records (``bukti:`` of the profiles and of ``kb/iid.yaml``).

Each entry is checked against the catalogue the project uses (``katalog:`` of ``kb/iid.yaml``, else the newest):
the indicator exists and belongs where it is written (SID in a profile, SPD in the region file), the same
document is not listed twice and one indicator is not claimed at two levels in one file, and the document is a
file inside the project, of a type the catalogue accepts (by content, not by name), within the upload limit
when that limit is known. Every problem of every entry is reported at once, at the line of the value.

The level (1-3) and "berkas or tautan" are checked by the model itself (S210, S211).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from rancang.assessment.catalogue import catalogue_for, catalogue_years
from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.language.suggest import closest_few, quoted_choices
from rancang.layout import IID_FILE, is_inside
from rancang.locations import locate
from rancang.models import ProjectData
from rancang.models.base import Model
from rancang.models.iid import Aspect, Confidence, Evidence, IidCatalogue

SUFFIXES = {".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}
"""File names evidence may have, and the type each must hold (checked by content)."""

_TYPE_NAMES = {"pdf": "PDF", "jpeg": "JPEG", "png": "PNG"}
_HEAD = 16


@dataclass(frozen=True)
class EntryProblem:
    """A problem of one evidence entry: its code, its message, and the key of the entry it is about."""

    code: str
    message: str
    key: str
    suggestion: str | None = None
    severity: Severity = Severity.ERROR


def file_kind(head: bytes) -> str | None:
    """``pdf``, ``jpeg`` or ``png`` by the first bytes of a file; None for anything else."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def _types_text(types: Iterable[str]) -> str:
    names = [_TYPE_NAMES.get(kind, kind.upper()) for kind in types]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])}, atau {names[-1]}"


def _suffixes_text(types: Iterable[str]) -> str:
    wanted = set(types)
    names = [suffix for suffix, kind in SUFFIXES.items() if kind in wanted]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])}, atau {names[-1]}"


def unconfirmed_types_note(catalogue: IidCatalogue) -> str | None:
    """What is said beside a type problem while the portal's accepted types are not confirmed."""
    if catalogue.upload.types_confidence is Confidence.HIGH:
        return None
    return (f"rancang memeriksa {_types_text(catalogue.upload.types)}; jenis berkas yang diterima portal IID "
            f"belum terkonfirmasi, keyakinan {catalogue.upload.types_confidence.value}")


def size_limit_note(catalogue: IidCatalogue) -> str:
    """How the upload size limit is described wherever it is shown."""
    limit = catalogue.upload.max_megabytes
    if limit is None:
        return "batas ukuran unggah portal IID belum diketahui; ukuran berkas tidak diperiksa"
    words = f"{limit:g}".replace(".", ",")
    confidence = catalogue.upload.size_confidence
    sure = "" if confidence is Confidence.HIGH else \
        f" (keyakinan {confidence.value if confidence else 'tidak diketahui'})"
    return f"batas ukuran unggah portal IID {words} MB per berkas{sure}"


def file_problem(root: Path, name: str, catalogue: IidCatalogue) -> EntryProblem | None:
    """The problem of the evidence file ``name`` (relative to the project root), or None."""
    try:
        return _file_problem(root, name, catalogue)
    except (OSError, ValueError) as error:  # a name the system refuses (too long, a NUL character, ...)
        reason = getattr(error, "strerror", None) or str(error)
        return EntryProblem("P456", f"berkas bukti '{name}' tidak dapat dibaca ({reason})", "berkas")


def _file_problem(root: Path, name: str, catalogue: IidCatalogue) -> EntryProblem | None:
    candidate = Path(name)
    if candidate.is_absolute() or name.startswith(("/", "\\")):
        return EntryProblem("P456", f"berkas bukti '{name}' harus jalur relatif di dalam folder proyek "
                                    "(misalnya kb/bukti/sk-inovasi.pdf)", "berkas")
    resolved = (root / candidate).resolve()
    if not is_inside(resolved, root):
        return EntryProblem("P456", f"berkas bukti '{name}' berada di luar folder proyek", "berkas",
                            "pindahkan dokumennya ke dalam folder proyek, misalnya kb/bukti/")
    if not resolved.exists():
        return EntryProblem("P456", f"berkas bukti '{name}' tidak ditemukan", "berkas",
                            "periksa ejaan jalurnya (relatif terhadap folder proyek, tempat rancang.yaml)")
    if not resolved.is_file():
        return EntryProblem("P456", f"'{name}' bukan berkas dokumen (folder atau berkas khusus)", "berkas",
                            f"sebut berkas {_types_text(catalogue.upload.types)}-nya")
    types = catalogue.upload.types
    expected = SUFFIXES.get(candidate.suffix.lower())
    if expected is None or expected not in types:
        return EntryProblem("P457", f"berkas bukti '{name}' harus berakhiran {_suffixes_text(types)} "
                                    f"({_types_text(types)})", "berkas", unconfirmed_types_note(catalogue))
    size = resolved.stat().st_size
    limit = catalogue.upload.max_megabytes
    if limit is not None and size > limit * 1024 * 1024:
        shown = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        return EntryProblem("P458", f"berkas bukti '{name}' berukuran {shown} MB; {size_limit_note(catalogue)}",
                            "berkas", "perkecil atau pecah dokumennya")
    with open(resolved, "rb") as handle:
        kind = file_kind(handle.read(_HEAD))
    if kind is None:
        return EntryProblem("P457", f"berkas bukti '{name}' bukan {_types_text(types)} menurut isinya", "berkas",
                            unconfirmed_types_note(catalogue))
    if kind != expected:
        return EntryProblem("P457", f"berkas bukti '{name}' berisi {_TYPE_NAMES[kind]}, tidak sesuai akhiran "
                                    "namanya", "berkas", "beri akhiran yang sesuai isinya")
    return None


def entry_problems(root: Path, entries: list[Evidence], catalogue: IidCatalogue,
                   aspect: Aspect) -> list[list[EntryProblem]]:
    """The problems of each entry of one file (a profile's or kb/iid.yaml's ``bukti``), in the entries' order."""
    found: list[list[EntryProblem]] = [[] for _ in entries]
    known = [item.id for item in catalogue.indicators]
    seen: dict[tuple[str, str], int] = {}
    levels: dict[str, tuple[int, int]] = {}
    for index, entry in enumerate(entries):
        problems = found[index]
        indicator = catalogue.indicator(entry.indicator)
        if indicator is None:
            own = [item.id for item in catalogue.of_aspect(aspect)]
            guesses = closest_few(entry.indicator, own) or closest_few(entry.indicator, known)
            where = "profil inovasi" if aspect is Aspect.SID else IID_FILE
            suggestion = f"mungkin maksud Anda {quoted_choices(guesses)}?" if guesses else \
                f"id indikator aspek {aspect.value} yang dicatat di {where}: {', '.join(own)}"
            problems.append(EntryProblem(
                "S212", f"indikator IID '{entry.indicator}' tidak dikenal dalam katalog {catalogue.year}",
                "indikator", suggestion))
        elif indicator.aspect is not aspect:
            if aspect is Aspect.SID:
                message = (f"indikator '{entry.indicator}' ({indicator.label}) adalah indikator pemerintah "
                           f"daerah (aspek SPD): catat buktinya di {IID_FILE}, bukan di profil inovasi")
            else:
                message = (f"indikator '{entry.indicator}' ({indicator.label}) adalah indikator per inovasi "
                           "(aspek SID): catat buktinya di profil inovasinya (kb/inovasi/<id>.yaml), bukan di "
                           f"{IID_FILE}")
            problems.append(EntryProblem("S213", message, "indikator"))
        document = entry.file or entry.link or ""
        key = (entry.indicator, document)
        if key in seen:
            problems.append(EntryProblem(
                "S214", f"dokumen '{document}' sudah dicatat untuk indikator '{entry.indicator}' pada butir "
                        f"ke-{seen[key] + 1}", "berkas" if entry.file else "tautan"))
        else:
            seen[key] = index
        if entry.indicator in levels and levels[entry.indicator][0] != entry.level:
            first_level, first_index = levels[entry.indicator]
            problems.append(EntryProblem(
                "S214", f"indikator '{entry.indicator}' sudah diklaim dengan tingkat {first_level} pada butir "
                        f"ke-{first_index + 1}; satu indikator diklaim dengan satu tingkat", "tingkat"))
        else:
            levels.setdefault(entry.indicator, (entry.level, index))
        if entry.file is not None:
            problem = file_problem(root, entry.file, catalogue)
            if problem is not None:
                problems.append(problem)
    return found


def evidence_files(root: Path, entries: list[Evidence]) -> list[Path]:
    """The files inside the project that ``entries`` name (existing or not): what a page showing their readiness
    depends on (the site notes them as dependencies, so that a changed or removed document renews the page)."""
    found = []
    for entry in entries:
        if entry.file is None:
            continue
        candidate = Path(entry.file)
        if candidate.is_absolute() or entry.file.startswith(("/", "\\")):
            continue
        try:
            resolved = (root / candidate).resolve()
        except (OSError, ValueError):
            continue
        if is_inside(resolved, root):
            found.append(resolved)
    return found


def project_catalogue(data: ProjectData) -> tuple[IidCatalogue, list[Diagnostic]]:
    """The catalogue the project uses, and P459 when ``katalog`` names a year rancang has no catalogue of."""
    year = data.iid.catalogue if data.iid is not None else None
    catalogue, exact = catalogue_for(year)
    if exact:
        return catalogue, []
    where = locate(data.iid, "catalogue")
    years = ", ".join(str(y) for y in catalogue_years())
    return catalogue, [Diagnostic(
        "P459", f"katalog IID {year} tidak tersedia di rancang; katalog {catalogue.year} dipakai", where,
        Severity.WARNING, suggestion=f"katalog yang tersedia: {years}")]


def check_evidence(root: Path, data: ProjectData) -> list[Diagnostic]:
    """Every problem of every evidence entry of the project, located (path:line:col)."""
    has_region = data.iid is not None and bool(data.iid.evidence)
    if not has_region and not any(profile.evidence for profile in data.innovations.values()):
        return project_catalogue(data)[1] if data.iid is not None else []
    catalogue, problems = project_catalogue(data)
    for _record_id, profile in sorted(data.innovations.items()):
        if profile.evidence:
            problems.extend(_located(profile, profile.evidence, entry_problems(root, profile.evidence, catalogue,
                                                                               Aspect.SID)))
    if has_region:
        problems.extend(_located(data.iid, data.iid.evidence, entry_problems(root, data.iid.evidence, catalogue,
                                                                             Aspect.SPD)))
    return problems


def _located(record: Model, entries: list[Evidence], found: list[list[EntryProblem]]) -> list[Diagnostic]:
    located = []
    for index, (entry, problems) in enumerate(zip(entries, found)):
        for problem in problems:
            key = problem.key if problem.key != "berkas" or entry.file is not None else "tautan"
            located.append(Diagnostic(problem.code, problem.message, _where(record, index, key), problem.severity,
                                      suggestion=problem.suggestion))
    return located


def _where(record: Model, index: int, key: str) -> Location:
    return locate(record, "evidence", index, key)
