"""``rancang check``: load the project, resolve references, report every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rancang.diagnostics import Diagnostic, Location, Report, Severity
from rancang.loader import ProjectData, display_path, format_of, is_inside, load_project
from rancang.references import check_references

ALWAYS_REPORTED = {"P402"}

_COUNT_WORDS = {
    "proyek": "pengaturan proyek",
    "perangkat-daerah": "daftar perangkat daerah",
    "dasar-hukum": "katalog dasar hukum",
    "inovasi": "profil inovasi",
    "regulasi": "rancangan peraturan",
    "kunjungan": "kunjungan kerja",
}


def check_project(root: Path, paths: list[Path] | None = None, cache: Any = None) -> tuple[ProjectData, Report]:
    """Check the whole project; with ``paths``, report only problems in those files.

    The whole project is always loaded, so that references from the given files
    to the rest (an agency id, a catalogue entry) are resolved.
    """
    data, problems = load_project(root, cache)
    problems.extend(check_references(data))
    if data.regulations:
        problems.extend(_template_problems(root))
    if data.visits:
        problems.extend(_visit_template_problems(root))
    from rancang.lint.runner import lint

    # Drafting rules speak about files that are otherwise correct: errors come first.
    broken = {d.location.path for d in problems if d.severity is Severity.ERROR}
    problems.extend(d for d in lint(root, data) if d.location.path not in broken)
    report = Report()
    if paths:
        wanted: set[str] = set()
        for path in paths:
            if path.is_dir():
                wanted.update(p for p in data.files if is_inside(Path(p), path))
                continue
            shown = display_path(path)
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
    return data, report



def _template_problems(root: Path) -> list[Diagnostic]:
    """The Word template of regulations is checked before any draft is made with it."""
    from rancang.drafts import template_path
    from rancang.render.template_check import template_problems
    from rancang.render.template_names import REQUIRED_STYLES, TEMPLATE_VARIABLES

    path = template_path(root)
    return [Diagnostic("P406", message, Location(display_path(path)))
            for message in template_problems(path, REQUIRED_STYLES, TEMPLATE_VARIABLES)] + _tag_problems(path)


def _tag_problems(path: Path) -> list[Diagnostic]:
    from rancang.render.template_check import tag_problems

    return [Diagnostic("P406" if error else "P410", message, Location(display_path(path), paragraph, 1),
                       Severity.ERROR if error else Severity.WARNING)
            for message, paragraph, error in tag_problems(path)]


def _visit_template_problems(root: Path) -> list[Diagnostic]:
    """The Word template of visit briefs and reports, checked like the regulation template."""
    from rancang.render.template_check import template_problems
    from rancang.render.template_names import VISIT_REQUIRED_STYLES, VISIT_TEMPLATE_VARIABLES
    from rancang.visits.documents import visit_template

    path = visit_template(root)
    return [Diagnostic("P406", message, Location(display_path(path)))
            for message in template_problems(path, VISIT_REQUIRED_STYLES, VISIT_TEMPLATE_VARIABLES)] + \
        _tag_problems(path)
