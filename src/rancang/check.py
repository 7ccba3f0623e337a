"""Checking a project: load every file, build each regulation's tree once, resolve references, lint.

The result (:class:`Checked`) is handed on: the documents, the site and the visit materials read the same
data and the same trees. Checks of outputs (the Word templates) belong to the layer that owns them and are
passed in as ``extra`` by the command that composes the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from rancang.diagnostics import Diagnostic, Location, Report, Severity
from rancang.layout import DATA_FOLDERS, SKELETON_PREFIX, display_path, is_inside, is_skeleton
from rancang.loader import format_of, load_project
from rancang.models import ProjectData
from rancang.progress import NO_PROGRESS, Progress
from rancang.assessment.evidence import check_evidence
from rancang.drafting.engine import Drafted
from rancang.drafting import amendment
from rancang.lint.registry import reported_beside_errors
from rancang.lint.runner import lint
from rancang.references import check_references

ALWAYS_REPORTED = {"P402"}

_COUNT_WORDS = {
    "proyek": "pengaturan proyek",
    "perangkat-daerah": "daftar perangkat daerah",
    "dasar-hukum": "katalog dasar hukum",
    "inovasi": "profil inovasi",
    "regulasi": "rancangan peraturan",
    "kunjungan": "kunjungan kerja",
    "iid": "data IID daerah",
}


@dataclass
class Checked:
    """A loaded and checked project: its data, each regulation's numbered tree, and the report."""

    data: ProjectData
    report: Report
    drafts: dict[str, Drafted] = field(default_factory=dict)
    """Regulation id -> its tree, built once in this run (none when rancang.yaml is invalid)."""


ExtraCheck = Callable[[Path, ProjectData], Iterable[Diagnostic]]
"""A check of something outside the data files (a Word template), given by the command that needs it."""


def check_project(root: Path, paths: list[Path] | None = None, cache: Any = None,
                  extra: Iterable[ExtraCheck] = (), progress: Progress = NO_PROGRESS) -> Checked:
    """Check the whole project; with ``paths``, report only problems in those files.

    The whole project is always loaded, so that references from the given files to the rest (an agency id,
    a catalogue entry) are resolved. ``cache`` (a :class:`rancang.record_cache.RecordCache`) supplies records
    whose files did not change since the last build. ``progress`` gets the phase "Memeriksa data", counted in
    files read (:func:`rancang.loader.load_project`), which this leaves running: the caller ends it.
    """
    data, problems = load_project(root, cache, progress)
    drafts = amendment.build_all(data)
    problems.extend(check_references(data, drafts))
    problems.extend(check_evidence(root, data))
    for record_id in data.regulations:
        problems.extend(amendment.findings(record_id, data, drafts))
    for check in extra:
        problems.extend(check(root, data))
    # Drafting rules speak about files that are otherwise correct: errors come first (but for the rules that read
    # only the text as written, such as a copied regulation's region words, reported with its unknown ids at once).
    broken = {d.location.path for d in problems if d.severity is Severity.ERROR}
    problems.extend(d for d in lint(root, data, drafts)
                    if d.location.path not in broken or reported_beside_errors(d.code))
    report = Report()
    if paths:
        wanted: set[str] = set()
        for path in paths:
            if path.is_dir():
                wanted.update(p for p in data.files if is_inside(Path(p), path))
                continue
            shown = display_path(path)
            if is_skeleton(path.name) and path.is_file() and any(is_inside(path, root / f) for f in DATA_FOLDERS):
                report.add(_skeleton_named(root, path, shown))
                continue
            if format_of(root, path) is None:
                report.add(
                    Diagnostic("P404", "berkas ini tidak berada di folder data rancang; formatnya tidak dikenali",
                               Location(shown), Severity.WARNING)
                )
                continue
            wanted.add(shown)
        # Links leading out of the project are refused whatever was asked for: they are a safety error.
        problems = [d for d in problems if d.location.path in wanted or d.code in ALWAYS_REPORTED]
        files = {p: f for p, f in data.files.items() if p in wanted}
    else:
        files = data.files
    report.extend(problems)
    for fmt in files.values():
        report.count(_COUNT_WORDS.get(fmt, fmt))
    return Checked(data, report, drafts)


def _skeleton_named(root: Path, path: Path, shown: str) -> Diagnostic:
    """A skeleton (``regulations/_contoh.yaml``) named on the command line: not checked, and how it becomes data."""
    data_name = path.name.lstrip(SKELETON_PREFIX)
    fmt = format_of(root, path.with_name(data_name)) if data_name else None
    if fmt is not None and fmt.per_file_id:
        how = (f"salin berkas ini dengan nama tanpa \"{SKELETON_PREFIX}\" (nama berkas menjadi id-nya, misalnya "
               f"{display_path(path.with_name(data_name))}) lalu isi, atau jalankan rancang new {fmt.name} ID")
    elif data_name and path.with_name(data_name).exists():
        how = f"salin yang diperlukan ke {display_path(path.with_name(data_name))}: berkas itulah yang dibaca"
    elif data_name:
        how = (f"ganti namanya, atau salin, tanpa \"{SKELETON_PREFIX}\" (misalnya "
               f"{display_path(path.with_name(data_name))}) lalu isi")
    else:
        how = f"beri nama tanpa \"{SKELETON_PREFIX}\" di depannya"
    return Diagnostic("P404", f"berkas ini kerangka contoh (namanya diawali \"{SKELETON_PREFIX}\"), bukan data: rancang "
                              f"check tidak memeriksanya dan situs tidak menerbitkannya; untuk menjadikannya data, {how}",
                      Location(shown), Severity.WARNING)
