"""``rancang brief`` / ``rancang report`` and the visit part of ``rancang build``.

Like the regulation drafts: check what the visit depends on, build the
content, render with the Word template, write atomically, optionally convert
to PDF (a PDF failure keeps the DOCX).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Callable

from rancang.check import check_project
from rancang.diagnostics import Diagnostic, Location, RancangError
from rancang.drafts import TEMPLATE_FOLDER, Outcome, _remove_stale_pdfs, _to_pdf, documents_folder
from rancang.fileio import atomic_write_bytes
from rancang.loader import PROJECT_FILE, ProjectData, display_path, format_of

KINDS = {"brief": "bahan", "report": "laporan"}
"""Document kind -> file name suffix: ``<visit-id>-bahan.docx``, ``<visit-id>-laporan.docx``."""


def visit_template(root: Path) -> Path:
    from rancang.render.template_names import VISIT_TEMPLATE_NAME

    path = root / TEMPLATE_FOLDER / VISIT_TEMPLATE_NAME
    if path.is_file():
        return path
    return Path(str(resources.files("rancang").joinpath("templates", VISIT_TEMPLATE_NAME)))


def _builder(kind: str) -> Callable:
    from rancang.visits.content import brief, report

    return brief if kind == "brief" else report


def visit_docx(root: Path, data: ProjectData, record_id: str, kind: str) -> bytes:
    from rancang.render.regulation_docx import TemplateStyleError
    from rancang.render.visit_docx import render

    document = _builder(kind)(data.visits[record_id], data)
    template = visit_template(root)
    try:
        return render(document, template, data.settings.documents.visit_paper.value)
    except TemplateStyleError as exc:
        raise RancangError([Diagnostic("P406", f"templat tidak memiliki gaya: {exc}",
                                       Location(display_path(template)))]) from None


def file_name(record_id: str, kind: str) -> str:
    return f"{record_id}-{KINDS[kind]}.docx"


def write_visit(root: Path, visit_file: Path, kind: str, out: Path | None = None, pdf: bool = False) -> Outcome:
    """``rancang brief|report visits/<id>.yaml [-o OUT] [--pdf]``."""
    fmt = format_of(root, visit_file)
    shown = display_path(visit_file)
    if fmt is None or fmt.name != "kunjungan":
        raise RancangError([Diagnostic("P404", "bukan berkas kunjungan kerja (visits/<id>.yaml)", Location(shown))])
    related = [visit_file, root / PROJECT_FILE, root / "kb"]
    data, report = check_project(root, [p for p in related if p.exists()])
    if report.errors:
        raise RancangError(report.sorted())
    record_id = visit_file.stem
    if record_id not in data.visits:
        raise RancangError([Diagnostic("Y101", "berkas tidak ditemukan", Location(shown))])
    target = out if out is not None else documents_folder(root, data) / file_name(record_id, kind)
    atomic_write_bytes(target, visit_docx(root, data, record_id, kind))
    outcome = Outcome([target], [f"Ditulis: {display_path(target)}"])
    if pdf:
        outcome.written.extend(_to_pdf([target], target.parent, outcome, required=True))
    _remove_stale_pdfs([target], outcome)
    return outcome


def has_results(visit) -> bool:
    return bool(visit.results or visit.conclusions or visit.follow_up)


def visit_jobs(data: ProjectData, folder: Path) -> list:
    """Every visit's brief, and its report once results are written, in order of visit id."""
    from rancang.drafts import Job

    jobs = []
    for record_id, visit in sorted(data.visits.items()):
        for kind in ["brief", "report"] if has_results(visit) else ["brief"]:
            jobs.append(Job(kind, record_id, folder / file_name(record_id, kind)))
    return jobs


def build_visits(root: Path, data: ProjectData) -> list[Path]:
    """Every visit's brief, and its report once results are written; returns the DOCX paths."""
    from rancang.drafts import make_documents

    return make_documents(root, data, visit_jobs(data, documents_folder(root, data)))
