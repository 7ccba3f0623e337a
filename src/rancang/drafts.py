"""``rancang draft`` and the document part of ``rancang build``.

Checks what a regulation depends on, runs the engine, renders the DOCX and
writes it atomically; optionally converts it to PDF with LibreOffice. Nothing
is written when a check fails, and a failed PDF conversion keeps the DOCX.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rancang.check import check_project
from rancang.diagnostics import Diagnostic, Location, RancangError, Report
from rancang.fileio import atomic_write_bytes
from rancang.loader import PROJECT_FILE, ProjectData, display_path, format_of

TEMPLATE_FOLDER = "templates"


@dataclass
class Outcome:
    written: list[Path]
    messages: list[str]
    problems: list[Diagnostic] = field(default_factory=list)
    """Failures that still left the DOCX written (a PDF that could not be made)."""


def documents_folder(root: Path, data: ProjectData) -> Path:
    folder = data.settings.outputs.documents if data.settings else "_build/dokumen"
    return root / folder


def template_path(root: Path) -> Path:
    """The project's template (``templates/``), or the one shipped with rancang."""
    from importlib import resources

    from rancang.render.template_names import TEMPLATE_NAME

    path = root / TEMPLATE_FOLDER / TEMPLATE_NAME
    if path.is_file():
        return path
    return Path(str(resources.files("rancang").joinpath("templates", TEMPLATE_NAME)))


def regulation_docx(root: Path, data: ProjectData, record_id: str) -> bytes:
    """Engine + renderer for one regulation; raises RancangError with the engine's problems."""
    from rancang.drafting.engine import build
    from rancang.render.regulation_docx import TemplateStyleError, render

    regulation = data.regulations[record_id]
    document, problems = build(regulation, data.settings, data.catalogue)
    if problems:
        raise RancangError(problems)
    emblem = (root / data.settings.emblem) if data.settings.emblem else None
    margins = data.settings.documents.margins
    margins_cm = None if margins is None else {
        "top": margins.top, "bottom": margins.bottom, "left": margins.left, "right": margins.right}
    template = template_path(root)
    try:
        return render(document, template, emblem, margins_cm)
    except TemplateStyleError as exc:
        raise RancangError([Diagnostic("P406", f"templat tidak memiliki gaya: {exc}",
                                       Location(display_path(template)))]) from None


def draft(root: Path, regulation_file: Path, out: Path | None = None, pdf: bool = False) -> Outcome:
    """``rancang draft regulations/<id>.yaml [-o OUT] [--pdf]``."""
    fmt = format_of(root, regulation_file)
    shown = display_path(regulation_file)
    if fmt is None or fmt.name != "regulasi":
        raise RancangError([Diagnostic("P404", "bukan berkas rancangan peraturan (regulations/<id>.yaml)",
                                       Location(shown))])
    related = [regulation_file, root / PROJECT_FILE, root / "kb" / "dasar-hukum.yaml"]
    data, report = check_project(root, [p for p in related if p.exists()])
    _stop_on_errors(report)
    record_id = regulation_file.stem
    if record_id not in data.regulations:
        raise RancangError([Diagnostic("Y101", "berkas tidak ditemukan", Location(shown))])
    target = out if out is not None else documents_folder(root, data) / f"{record_id}.docx"
    atomic_write_bytes(target, regulation_docx(root, data, record_id))
    outcome = Outcome([target], [f"Ditulis: {display_path(target)}"])
    if pdf:
        outcome.written.extend(_to_pdf([target], target.parent, outcome, required=True))
    _remove_stale_pdfs([target], outcome)
    return outcome


def build_documents(root: Path, data: ProjectData, pdf: bool = True) -> Outcome:
    """Every regulation and every visit's brief (and report) of a checked project into the documents folder."""
    folder = documents_folder(root, data)
    outcome = Outcome([], [])
    written = []
    for record_id in sorted(data.regulations):
        target = folder / f"{record_id}.docx"
        atomic_write_bytes(target, regulation_docx(root, data, record_id))
        written.append(target)
        outcome.messages.append(f"Ditulis: {display_path(target)}")
    if data.visits:
        from rancang.visits.documents import build_visits

        for target in build_visits(root, data):
            written.append(target)
            outcome.messages.append(f"Ditulis: {display_path(target)}")
    outcome.written.extend(written)
    if pdf and written:
        outcome.written.extend(_to_pdf(written, folder, outcome, required=False))
    _remove_stale_pdfs(written, outcome)
    return outcome


def _remove_stale_pdfs(docx: list[Path], outcome: Outcome) -> None:
    """A PDF beside a DOCX just written, and not made in the same run, shows an older draft: remove it."""
    for path in docx:
        pdf = path.with_suffix(".pdf")
        if pdf.exists() and pdf not in outcome.written:
            pdf.unlink()
            outcome.messages.append(f"Dihapus: {display_path(pdf)} (PDF lama tidak lagi sesuai dengan DOCX)")


def _to_pdf(docx: list[Path], folder: Path, outcome: Outcome, required: bool) -> list[Path]:
    """Convert; a failure is a problem when the PDF was asked for, a remark otherwise."""
    from rancang.render.pdf import PdfError, convert_to_pdf

    try:
        pdfs = convert_to_pdf(docx, folder)
    except PdfError as exc:
        if required:
            outcome.problems.append(Diagnostic("P405", str(exc), Location(display_path(docx[0]))))
        else:
            outcome.messages.append(f"PDF tidak dibuat: {exc}")
        return []
    outcome.messages.extend(f"Ditulis: {display_path(p)}" for p in pdfs)
    return pdfs


def _stop_on_errors(report: Report) -> None:
    if report.errors:
        raise RancangError(report.sorted())
