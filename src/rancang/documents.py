"""Documents: every DOCX (and PDF) rancang writes, regulations and visits alike.

``rancang draft`` (a regulation), ``rancang brief`` / ``rancang report`` (a visit), ``rancang proposal`` (the KIPP
proposal draft of one innovation, made on demand only) and the document part of ``rancang build`` (regulations and
visits) go through here: which Word template is used and whether it is fit
(:func:`template_problems`), the jobs and their order, rendering (in forked workers when there are many),
atomic writes, PDF conversion with LibreOffice and removal of PDFs that no longer match their DOCX.

Nothing is written when the check finds what a document cannot be made without
(:meth:`rancang.diagnostics.Report.blocking`); drafting findings are advice, handed back to be listed, unless
``--strict`` makes them stop the document too. A failed PDF conversion keeps the DOCX. Regulations are rendered
from the tree built once by the check (:attr:`rancang.check.Checked.drafts`); nothing here numbers anything.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable

from rancang.check import Checked, check_project
from rancang.diagnostics import Diagnostic, Location, RancangError, Report, Severity
from rancang.fileio import atomic_write_bytes
from rancang.layout import Layout, display_path
from rancang.loader import format_of
from rancang.locations import locate
from rancang.models import ProjectData
from rancang.progress import NO_PROGRESS, Progress

KINDS = {"brief": "bahan", "report": "laporan"}
"""Visit document kind -> file name suffix: ``<visit-id>-bahan.docx``, ``<visit-id>-laporan.docx``."""


@dataclass
class Outcome:
    written: list[Path]
    messages: list[str]
    problems: list[Diagnostic] = field(default_factory=list)
    """Failures that still left the DOCX written (a PDF that could not be made)."""
    advice: list[Diagnostic] = field(default_factory=list)
    """What the check found that did not stop the document: drafting findings and warnings, for the drafter to
    read (``--strict`` would have stopped on them)."""


def documents_folder(root: Path, data: ProjectData) -> Path:
    return Layout(root).documents_output(data.settings.outputs.documents if data.settings else None)


# -- templates ----------------------------------------------------------------------------------------------


def _template(root: Path, name: str) -> Path:
    """The project's copy of a template (``templates/``), or the one shipped with rancang."""
    path = Layout(root).template(name)
    if path.is_file():
        return path
    return Path(str(resources.files("rancang").joinpath("templates", name)))


def template_path(root: Path) -> Path:
    """The Word template of regulations."""
    from rancang.render.template_names import TEMPLATE_NAME

    return _template(root, TEMPLATE_NAME)


def visit_template(root: Path) -> Path:
    """The Word template of visit briefs and reports."""
    from rancang.render.template_names import VISIT_TEMPLATE_NAME

    return _template(root, VISIT_TEMPLATE_NAME)


def template_problems(root: Path, data: ProjectData) -> list[Diagnostic]:
    """Each template that the project's documents need, checked before any document is made with it (an extra
    check for :func:`rancang.check.check_project`)."""
    problems = []
    if data.regulations:
        problems.extend(_template_problems(root))
    if data.visits:
        problems.extend(_visit_template_problems(root))
    return problems


def _template_problems(root: Path) -> list[Diagnostic]:
    from rancang.render.template_check import template_problems
    from rancang.render.template_names import OPTIONAL_STYLES, REQUIRED_STYLES, TEMPLATE_VARIABLES

    path = template_path(root)
    return [Diagnostic("P406", message, Location(display_path(path)))
            for message in template_problems(path, REQUIRED_STYLES, TEMPLATE_VARIABLES)] + _tag_problems(path) + \
        _optional_style_problems(path, OPTIONAL_STYLES)


def _optional_style_problems(path: Path, optional: set[str]) -> list[Diagnostic]:
    """A template made before rancang wrote Markdown as rich text, or before it had a style for a part of a
    regulation (the quoted text of a Perubahan, a Penjelasan, the notes and notice of a consolidated text), still
    works; say what it lacks, and what stands in for each part's style (:data:`LATER_STYLES
    <rancang.render.template_names.LATER_STYLES>`). The comparison matrix needs nothing here: its styles are
    added to the document when the template lacks them (:mod:`rancang.render.amendment_matrix_docx`)."""
    from rancang.render.template_check import missing_styles
    from rancang.render.template_names import LATER_STYLES

    missing = missing_styles(path, optional)
    if not missing:
        return []
    rich = [name for name in missing if name not in LATER_STYLES]
    parts = [name for name in missing if name in LATER_STYLES]
    found = []
    if rich:
        found.append("gaya teks Markdown: " + ", ".join(rich))
    if parts:
        found.append("gaya bagian peraturan: " + ", ".join(f"{name} (diganti {LATER_STYLES[name]})" for name in parts))
    return [Diagnostic("P414", "templat belum memiliki " + "; ".join(found) + "; isinya ditulis dengan gaya isi biasa "
                               "atau gaya penggantinya (salin gaya itu dari templat bawaan rancang agar tampilannya "
                               "dapat diatur di Word)", Location(display_path(path)), Severity.WARNING)]


def _tag_problems(path: Path) -> list[Diagnostic]:
    from rancang.render.template_check import tag_problems

    return [Diagnostic("P406" if error else "P410", message, Location(display_path(path), paragraph, 1),
                       Severity.ERROR if error else Severity.WARNING)
            for message, paragraph, error in tag_problems(path)]


def _visit_template_problems(root: Path) -> list[Diagnostic]:
    """The Word template of visit briefs and reports, checked like the regulation template."""
    from rancang.render.template_check import template_problems
    from rancang.render.template_names import VISIT_OPTIONAL_STYLES, VISIT_REQUIRED_STYLES, VISIT_TEMPLATE_VARIABLES

    path = visit_template(root)
    return [Diagnostic("P406", message, Location(display_path(path)))
            for message in template_problems(path, VISIT_REQUIRED_STYLES, VISIT_TEMPLATE_VARIABLES)] + \
        _tag_problems(path) + _optional_style_problems(path, VISIT_OPTIONAL_STYLES)


def bagan_problems(root: Path, data: ProjectData) -> list[Diagnostic]:
    """Without Graphviz, a warning at each ``bagan:`` of a lampiran (an extra check for
    :func:`rancang.check.check_project`).

    A warning, not an error: the documents and the site are still made, with a visible note in the chart's place
    (:mod:`rancang.render.bagan`), as they are made without LibreOffice when only the PDF is missing. Stopping the
    whole build because one picture cannot be drawn on this machine would hide every other output.
    """
    return _undrawn_charts([annex for regulation in data.regulations.values() for annex in regulation.annexes])


def _undrawn_charts(annexes: list) -> list[Diagnostic]:
    charts = [annex for annex in annexes if annex.chart is not None]
    if not charts:
        return []
    from rancang.render.bagan import NOT_INSTALLED, available

    if available():
        return []
    return [Diagnostic("P413", NOT_INSTALLED, chart_location(annex), Severity.WARNING) for annex in charts]


def chart_location(annex) -> Location:
    """Where the ``bagan:`` key of a lampiran is written."""
    from rancang.yamlsource import key_node, node_location

    found = key_node(annex.source_node, "bagan")
    return node_location(annex.source_path, found) if found is not None else locate(annex, "chart")


# -- one regulation ----------------------------------------------------------------------------------------


def regulation_docx(root: Path, checked: Checked, record_id: str) -> bytes:
    """The DOCX of one regulation, from its tree; raises RancangError with the engine's problems."""
    from rancang.render.bagan import BaganError
    from rancang.render.regulation_docx import TemplateStyleError, render
    from rancang.render.richtext_docx import project_images

    data = checked.data
    drafted = checked.drafts[record_id]
    if drafted.problems:
        raise RancangError(drafted.problems)
    document = drafted.document
    emblem = (root / data.settings.emblem) if data.settings.emblem else None
    margins = data.settings.documents.margins
    margins_cm = None if margins is None else {
        "top": margins.top, "bottom": margins.bottom, "left": margins.left, "right": margins.right}
    template = template_path(root)
    try:
        return render(document, template, emblem, margins_cm, project_images(root),
                      regulation_properties(data, record_id))
    except TemplateStyleError as exc:
        raise RancangError([Diagnostic("P406", f"templat tidak memiliki gaya: {exc}",
                                       Location(display_path(template)))]) from None
    except BaganError as exc:  # Graphviz failed or took too long (a missing Graphviz gives a note instead)
        annex = next((annex for annex in data.regulations[record_id].annexes if annex.chart is exc.chart), None)
        where = chart_location(annex) if annex is not None else Location(display_path(root / "regulations"))
        raise RancangError([Diagnostic("P413", str(exc), where)]) from None


def regulation_properties(data: ProjectData, record_id: str):
    """Core properties of a regulation's DOCX: its full name, the region's government, its date of enactment
    (or the build date while it has none)."""
    from rancang.present.titles import regulation_title
    from rancang.present.visit import our_name
    from rancang.render.docx_template import Properties

    regulation = data.regulations[record_id]
    enacted = regulation.enactment.date
    return Properties(regulation_title(data.settings, regulation, data), our_name(data),
                      enacted.as_date() if enacted is not None and enacted.day else None)


def _margins_cm(data: ProjectData) -> dict[str, float] | None:
    margins = data.settings.documents.margins
    return None if margins is None else {
        "top": margins.top, "bottom": margins.bottom, "left": margins.left, "right": margins.right}


def _render_regulation(root: Path, data: ProjectData, document, properties) -> bytes:
    """A regulation tree (a version, a consolidated text) as DOCX with the project's template and settings."""
    from rancang.render.regulation_docx import TemplateStyleError, render
    from rancang.render.richtext_docx import project_images

    emblem = (root / data.settings.emblem) if data.settings.emblem else None
    template = template_path(root)
    try:
        return render(document, template, emblem, _margins_cm(data), project_images(root), properties)
    except TemplateStyleError as exc:
        raise RancangError([Diagnostic("P406", f"templat tidak memiliki gaya: {exc}",
                                       Location(display_path(template)))]) from None


def _compared(checked: Checked, record_id: str):
    """A whole-text amendment beside the version it amends; its problems (R308) raised."""
    from rancang.drafting.amendment import compared

    found = compared(record_id, checked.data)
    if found is None:  # pragma: no cover - refused before (P404)
        raise RancangError([Diagnostic("P404", "bukan perubahan peraturan dengan naskah utuh",
                                       locate(checked.data.regulations[record_id]))])
    if found.versions is None:
        raise RancangError([d for d in found.problems if d.severity is Severity.ERROR] or found.problems)
    return found


def _companion_properties(data: ProjectData, record_id: str, what: str):
    """Core properties of a companion document: ``<what>: <the amendment's full name>``, dated like it."""
    from rancang.render.docx_template import Properties

    properties = regulation_properties(data, record_id)
    return Properties(f"{what}: {properties.title}", properties.author, properties.date)


def matrix_docx(root: Path, checked: Checked, record_id: str) -> bytes:
    """The comparison matrix of a whole-text amendment (:mod:`rancang.render.amendment_matrix_docx`)."""
    from rancang.render import amendment_matrix_docx

    found = _compared(checked, record_id)
    drafted = checked.drafts.get(record_id)
    title = drafted.document.title if drafted is not None and not drafted.problems else found.new_document.title
    return amendment_matrix_docx.render(
        matrix_title(title), amendment_matrix_docx.rows(found), template_path(root), _margins_cm(checked.data),
        _companion_properties(checked.data, record_id, "Matriks Perbandingan"))


def matrix_title(title: list[str]) -> list[str]:
    """The matrix's title lines from the Perubahan's: "MATRIKS PERBANDINGAN", its name (``RANCANGAN PERATURAN WALI
    KOTA SUKAMAJU``, with its number once it has one), "TENTANG", "PERUBAHAN ATAS ... TENTANG ..."."""
    lines = [line for line in title if "..." not in line]
    if "TENTANG" in lines:
        at = lines.index("TENTANG")
        lines = [" ".join(lines[:at]), *lines[at:]]
    return ["MATRIKS PERBANDINGAN", *lines]


TRACKED_NOTICE = ("NASKAH DENGAN LACAK PERUBAHAN",
                  "Naskah {regulation} di bawah ini menunjukkan perubahan yang dimuat {amendment} sebagai lacak "
                  "perubahan (track changes): teks yang dihapus dicoret, teks yang disisipkan digarisbawahi. Naskah "
                  "ini bukan naskah resmi.")
"""The notice above the kop of a tracked-changes document (the same in both versions: not a change)."""


def tracked_docx(root: Path, checked: Checked, record_id: str) -> bytes:
    """The version in force with a whole-text amendment's changes tracked (:mod:`rancang.render.tracked_docx`):
    both versions in the frame (kop, title, konsiderans, signatures) of the amended regulation, with a notice
    above the kop; revisions by "rancang", dated the amendment's enactment (the build date while a draft)."""
    from dataclasses import replace

    from rancang.render import tracked_docx as tracked
    from rancang.render.docx_template import build_date

    data = checked.data
    found = _compared(checked, record_id)
    frame, old_body, new_body = found.old_document, found.old_document.body, found.new_document.body
    amendment_name = "perubahan ini"
    regulation_name = "peraturan yang diubah"  # without the consolidated history (not expected)
    try:
        from rancang.drafting import consolidation
    except ImportError:  # pragma: no cover - the consolidated text not there yet
        consolidation = None
    chain = consolidation.history_of(record_id, data) if consolidation is not None else None
    if chain is not None:
        frame = chain.steps[0].document
        before, step = chain.before(record_id), chain.step(record_id)
        old_body, new_body = before.document.body, step.document.body  # deleted elements kept, as "Dihapus."
        amendment_name, regulation_name = step.citation, chain.steps[0].citation
    heading, text = TRACKED_NOTICE
    notice = [heading, text.format(amendment=amendment_name, regulation=regulation_name)]
    properties = _companion_properties(data, record_id, "Lacak Perubahan")
    old = _render_regulation(root, data, replace(frame, body=old_body, notice=notice), properties)
    new = _render_regulation(root, data, replace(frame, body=new_body, notice=notice), properties)
    out, _count = tracked.tracked(old, new, properties.date or build_date())
    return out


def consolidated_docx(root: Path, checked: Checked, base_id: str) -> bytes:
    """The consolidated text (naskah terintegrasi) of the amended regulation ``base_id``:
    :meth:`rancang.drafting.consolidation.History.consolidated` rendered like any regulation (its marks and notice
    in their own styles, :mod:`rancang.render.regulation_docx`)."""
    from rancang.drafting import consolidation
    from rancang.render.docx_template import Properties

    data = checked.data
    chain = consolidation.history(base_id, data)
    if chain is None:  # pragma: no cover - refused before (P404)
        raise RancangError([Diagnostic("P404", "peraturan ini tidak diubah", locate(data.regulations[base_id]))])
    properties = regulation_properties(data, base_id)
    newest = chain.steps[-1].regulation.enactment.date
    date = newest.as_date() if newest is not None and newest.day else None
    return _render_regulation(root, data, chain.consolidated(),
                              Properties(f"Naskah Terintegrasi: {properties.title}", properties.author, date))


COMPANIONS = ("matriks", "lacak", "terintegrasi")
"""What ``rancang draft`` makes beside a regulation (``--matriks``, ``--lacak``, ``--terintegrasi``): the
comparison matrix and the tracked-changes document of a whole-text amendment, the consolidated text of an amended
regulation."""


def draft(root: Path, regulation_file: Path, out: Path | None = None, pdf: bool = False,
          strict: bool = False, companion: str | None = None) -> Outcome:
    """``rancang draft regulations/<id>.yaml [-o OUT] [--pdf] [--strict] [--matriks | --lacak | --terintegrasi]``.

    ``companion`` None: the regulation itself (a whole-text amendment: its Perubahan), ``<id>.docx``;
    "matriks": the comparison matrix of a whole-text amendment, ``<id>-matriks.docx``; "lacak": the regulation
    in force with the amendment's changes tracked, ``<id>-lacak.docx``; "terintegrasi": the consolidated text of
    an amended regulation (given the regulation or one of its amendments), ``<base id>-terintegrasi.docx``. A
    file that is not what the companion is made from is refused (P404) before anything is written."""
    layout = Layout(root)
    if companion is None:
        return _one_document(root, regulation_file, "regulasi",
                             "bukan berkas rancangan peraturan (regulations/<id>.yaml)",
                             [layout.settings_file, layout.catalogue_file], lambda data: data.regulations,
                             lambda checked, record_id: f"{record_id}.docx",
                             lambda checked, record_id: regulation_docx(root, checked, record_id), out, pdf, strict,
                             # the DOCX is written, with a note in each chart's place
                             notes=lambda checked, record_id: _undrawn_charts(
                                 checked.data.regulations[record_id].annexes))
    if companion not in COMPANIONS:
        raise ValueError(companion)
    if companion == "terintegrasi":
        return _one_document(root, regulation_file, "regulasi",
                             "bukan berkas rancangan peraturan (regulations/<id>.yaml)",
                             [layout.settings_file, layout.catalogue_file], lambda data: data.regulations,
                             lambda checked, record_id: companion_name(
                                 "terintegrasi", consolidated_base(checked.data, record_id) or record_id),
                             lambda checked, record_id: consolidated_docx(
                                 root, checked, consolidated_base(checked.data, record_id) or record_id),
                             out, pdf, strict, guard=_not_amended)
    render = matrix_docx if companion == "matriks" else tracked_docx
    return _one_document(root, regulation_file, "regulasi",
                         "bukan berkas rancangan peraturan (regulations/<id>.yaml)",
                         [layout.settings_file, layout.catalogue_file], lambda data: data.regulations,
                         lambda checked, record_id: companion_name(companion, record_id),
                         lambda checked, record_id: render(root, checked, record_id), out, pdf, strict,
                         guard=lambda checked, record_id: _not_an_amendment(checked, record_id, companion))


def akn_xml(checked: Checked, record_id: str, today: "dt.date") -> bytes:
    """The Akoma Ntoso XML of one regulation, from its tree (:mod:`rancang.render.akn`); raises RancangError with
    the engine's problems, or P465 when the region has no Kemendagri code."""
    from rancang.render import akn

    drafted = checked.drafts[record_id]
    if drafted.problems:
        raise RancangError(drafted.problems)
    meta = akn.metadata(checked.data, record_id, today)
    if isinstance(meta, Diagnostic):
        raise RancangError([meta])
    return akn.render(drafted.document, meta)


def export_akn(root: Path, regulation_file: Path, out: Path | None = None, strict: bool = False,
               today: "dt.date | None" = None) -> Outcome:
    """``rancang ekspor akn regulations/<id>.yaml [-o OUT.xml] [--strict]``: the regulation as Akoma Ntoso 3.0,
    bawaan ``<documents folder>/<id>.xml``, written atomically (nothing when the regulation cannot be made)."""
    import datetime as dt

    layout = Layout(root)
    when = today or dt.date.today()
    return _one_document(root, regulation_file, "regulasi",
                         "bukan berkas rancangan peraturan (regulations/<id>.yaml)",
                         [layout.settings_file, layout.catalogue_file], lambda data: data.regulations,
                         lambda checked, record_id: f"{record_id}.xml",
                         lambda checked, record_id: akn_xml(checked, record_id, when), out, False, strict,
                         docx=False)


def companion_name(companion: str, record_id: str) -> str:
    """``<id>-matriks.docx``, ``<id>-lacak.docx``, ``<base id>-terintegrasi.docx``."""
    return f"{record_id}-{companion}.docx"


def _not_an_amendment(checked: Checked, record_id: str, companion: str) -> list[Diagnostic]:
    """P404 when ``--matriks`` or ``--lacak`` is asked of a file that is not a whole-text amendment."""
    from rancang.drafting.amendment import amended_regulation

    regulation = checked.data.regulations[record_id]
    if amended_regulation(regulation, checked.data.regulations) is not None:
        return []
    what = "matriks perbandingan" if companion == "matriks" else "naskah dengan lacak perubahan"
    return [Diagnostic(
        "P404", f"{what} hanya dibuat dari perubahan peraturan yang memuat naskah utuh; berkas ini tidak "
                "mengubah berkas lain di regulations/", locate(regulation, "amends") if regulation.amends else
        locate(regulation),
        suggestion="tulis 'mengubah: <id berkas di regulations/>' pada salinan peraturan yang disunting (tanpa "
                   "'perubahan'), lalu jalankan lagi; untuk peraturan yang diubah, gunakan --terintegrasi")]


def consolidated_base(data: ProjectData, record_id: str) -> str | None:
    """The amended regulation whose consolidated text ``record_id`` belongs to: itself when a whole-text
    amendment amends it, the regulation it amends (followed back) when it is one; None otherwise."""
    from rancang.drafting.amendment import amended_regulation

    regulations = data.regulations
    current, seen = record_id, {record_id}
    while True:
        regulation = regulations.get(current)
        if regulation is None or amended_regulation(regulation, regulations) is None or regulation.amends in seen:
            break
        current = regulation.amends
        seen.add(current)
    if current != record_id:
        return current
    amended = any(amended_regulation(other, regulations) is not None and other.amends == record_id
                  for other in regulations.values())
    return record_id if amended else None


def _not_amended(checked: Checked, record_id: str) -> list[Diagnostic]:
    """P404 when ``--terintegrasi`` is asked of a regulation that no whole-text amendment amends."""
    if consolidated_base(checked.data, record_id) is not None:
        return []
    return [Diagnostic(
        "P404", "naskah terintegrasi hanya dibuat untuk peraturan yang diubah: tidak ada berkas di regulations/ "
                "yang mengubah peraturan ini dengan naskah utuh", locate(checked.data.regulations[record_id]),
        suggestion="naskah terintegrasi dibuat dari peraturan yang diubah atau dari perubahannya (berkas yang "
                   "memuat 'mengubah: <id>')")]


def _one_document(root: Path, source: Path, format_name: str, wrong_format: str, related: list[Path],
                  records: Callable[[ProjectData], dict], name: Callable[[Checked, str], str],
                  render: Callable[[Checked, str], bytes], out: Path | None, pdf: bool, strict: bool,
                  notes: Callable[[Checked, str], list[Diagnostic]] | None = None,
                  guard: Callable[[Checked, str], list[Diagnostic]] | None = None, docx: bool = True) -> Outcome:
    """One document from one data file: check what it depends on, render, write atomically, maybe a PDF.

    Only what blocks (:meth:`Report.blocking`) stops it; drafting findings and warnings come back as
    :attr:`Outcome.advice`. ``notes`` are problems of this document that still let it be written (a chart that
    cannot be drawn here): they stop it only with ``strict``. ``guard`` gives errors that stop this document
    whatever ``strict`` says (a report with nothing to report), before anything is written. ``docx`` False: the
    document is not a DOCX (an XML export), so no PDF beside it is its PDF.
    """
    shown = display_path(source)
    fmt = format_of(root, source)
    if fmt is None or fmt.name != format_name:
        raise RancangError([Diagnostic("P404", wrong_format, Location(shown))])
    checked = check_project(root, [p for p in [source, *related] if p.exists()])
    report = checked.report.strict() if strict else checked.report
    _stop_on_blocking(report, strict)
    record_id = source.stem
    if record_id not in records(checked.data):
        raise RancangError([Diagnostic("Y101", "berkas tidak ditemukan", Location(shown))])
    refused = guard(checked, record_id) if guard is not None else []
    if refused:
        raise RancangError(refused)
    noted = notes(checked, record_id) if notes is not None else []
    if strict:
        _stop_on_blocking(Report(noted).strict(), strict)
    target = out if out is not None else documents_folder(root, checked.data) / name(checked, record_id)
    atomic_write_bytes(target, render(checked, record_id))
    outcome = Outcome([target], [f"Ditulis: {display_path(target)}"], list(noted), report.sorted())
    if pdf:
        outcome.written.extend(_to_pdf([target], target.parent, outcome, required=True))
    if docx:
        _remove_stale_pdfs([target], outcome)
    return outcome


def build_documents(root: Path, checked: Checked, pdf: bool = True, progress: Progress = NO_PROGRESS) -> Outcome:
    """Every regulation and every visit's brief (and report) of a checked project into the documents folder.

    Written one by one in a fixed order (regulations, then visits by id), each atomically; the first document
    that cannot be made stops the build with its problems, and the documents after it are not touched. Many
    documents are rendered in worker processes (:func:`make_documents`). ``progress`` gets the phase "Menulis
    dokumen" counted in documents written, then "Membuat PDF" when LibreOffice converts them (in one run: its
    count moves when the run is over).
    """
    data = checked.data
    folder = documents_folder(root, data)
    jobs = [Job("regulation", record_id, folder / f"{record_id}.docx") for record_id in sorted(data.regulations)]
    jobs.extend(companion_jobs(data, folder))
    jobs.extend(visit_jobs(data, folder))
    outcome = Outcome([], [])
    # The DOCX of every PDF already there (made by `rancang build`), to tell a PDF that still shows its DOCX
    # from one of an older draft: `rancang serve` builds without PDF and must not delete the ones that are right.
    before = {job.target: _digest(job.target) for job in jobs if job.target.with_suffix(".pdf").is_file()}
    progress.phase("Menulis dokumen", total=len(jobs), unit="dokumen")
    written = make_documents(root, checked, jobs, progress)
    outcome.messages.extend(f"Ditulis: {display_path(target)}" for target in written)
    outcome.written.extend(written)
    if pdf and written:
        outcome.written.extend(_pdf_phase(written, folder, outcome, progress))
    else:
        changed = [path for path in written if path in before and before[path] != _digest(path)]
        if changed:  # made again from the new DOCX (LibreOffice is there: `build` made them); else removed below
            outcome.written.extend(_pdf_phase(changed, folder, outcome, progress))
        written = changed
    _remove_stale_pdfs(written, outcome)
    return outcome


def _digest(path: Path) -> str | None:
    """What a DOCX says: its parts' names and contents (the ZIP's times of writing aside); None when unreadable."""
    import hashlib
    import zipfile

    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(path) as package:
            for member in sorted(package.namelist()):
                digest.update(member.encode("utf-8") + b"\0")
                digest.update(hashlib.sha256(package.read(member)).digest())
    except (OSError, zipfile.BadZipFile):
        return None
    return digest.hexdigest()


def _remove_stale_pdfs(docx: list[Path], outcome: Outcome) -> None:
    """A PDF beside a DOCX just written, and not made in the same run, shows an older draft: remove it."""
    for path in docx:
        pdf = path.with_suffix(".pdf")
        if pdf.exists() and pdf not in outcome.written:
            pdf.unlink()
            outcome.messages.append(f"Dihapus: {display_path(pdf)} (PDF lama tidak lagi sesuai dengan DOCX)")


def _pdf_phase(docx: list[Path], folder: Path, outcome: Outcome, progress: Progress) -> list[Path]:
    """The PDFs of a build, as the phase "Membuat PDF", counted as LibreOffice writes them (in one run)."""
    progress.phase("Membuat PDF", total=len(docx), unit="PDF")
    counted = [0]

    def made(count: int) -> None:
        progress.advance(count - counted[0])
        counted[0] = count

    pdfs = _to_pdf(docx, folder, outcome, required=False, made=made)
    if pdfs:
        made(len(pdfs))
    return pdfs


def _to_pdf(docx: list[Path], folder: Path, outcome: Outcome, required: bool,
            made: Callable[[int], None] | None = None) -> list[Path]:
    """Convert; a failure is a problem when the PDF was asked for, a remark otherwise."""
    from rancang.render.pdf import PdfError, convert_to_pdf

    try:
        pdfs = convert_to_pdf(docx, folder, made=made)
    except PdfError as exc:
        if required:
            outcome.problems.append(Diagnostic("P405", str(exc), Location(display_path(docx[0]))))
        else:
            outcome.messages.append(f"PDF tidak dibuat: {exc}")
        return []
    outcome.messages.extend(f"Ditulis: {display_path(p)}" for p in pdfs)
    return pdfs


def _stop_on_blocking(report: Report, strict: bool) -> None:
    """Nothing is written when the check found what blocks a document; everything it found is shown."""
    if report.blocking(strict):
        raise RancangError(report.sorted())


# -- many documents ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One document to make: ``kind`` is "regulation", "matriks", "lacak", "terintegrasi" (``record_id``: the
    amended regulation), "brief" or "report"."""

    kind: str
    record_id: str
    target: Path


PARALLEL_FROM = 8
"""From this many documents on, they are rendered in worker processes (a handful is faster in this one)."""
MAX_WORKERS = 8


def document_workers(count: int) -> int:
    """How many worker processes render ``count`` documents (1: this process does it all)."""
    if count < PARALLEL_FROM or not _can_fork():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS, count // 4))


def _can_fork() -> bool:
    """Workers are forked, so they share what is already loaded (the project, the renderers) without re-reading
    or re-importing anything; where fork is unavailable or unsafe (Windows, macOS) documents are made here."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def render_job(root: Path, checked: Checked, job: Job) -> bytes:
    if job.kind == "regulation":
        return regulation_docx(root, checked, job.record_id)
    if job.kind == "matriks":
        return matrix_docx(root, checked, job.record_id)
    if job.kind == "lacak":
        return tracked_docx(root, checked, job.record_id)
    if job.kind == "terintegrasi":
        return consolidated_docx(root, checked, job.record_id)
    return visit_docx(root, checked.data, job.record_id, job.kind)


def companion_jobs(data: ProjectData, folder: Path) -> list[Job]:
    """Of every whole-text amendment its matrix and tracked-changes document, of every regulation it amends the
    consolidated text; by id."""
    from rancang.drafting.amendment import amended_regulation

    jobs = []
    bases = set()
    for record_id, regulation in sorted(data.regulations.items()):
        if amended_regulation(regulation, data.regulations) is None:
            continue
        for kind in ("matriks", "lacak"):
            jobs.append(Job(kind, record_id, folder / companion_name(kind, record_id)))
        base = consolidated_base(data, record_id)
        if base is not None:
            bases.add(base)
    jobs.extend(Job("terintegrasi", base, folder / companion_name("terintegrasi", base)) for base in sorted(bases))
    return jobs


def make_documents(root: Path, checked: Checked, jobs: list[Job], progress: Progress = NO_PROGRESS) -> list[Path]:
    """Render and write ``jobs`` in order; returns the paths written.

    The first job that cannot be made raises its RancangError; the jobs before it are written, the ones after it
    are not touched, whether the documents are made here or in worker processes. Each document written is a
    unit of ``progress`` (counted here, in the process that writes them all).
    """
    workers = document_workers(len(jobs))
    if workers == 1:
        for job in jobs:
            atomic_write_bytes(job.target, render_job(root, checked, job))
            progress.advance()
        return [job.target for job in jobs]
    # One document per template is made here first, so that the renderers' caches (template, styles,
    # compiled Jinja, table frames) are filled once and inherited by every worker.
    early: dict[int, tuple[bool, object]] = {}
    for regulation in (True, False):
        index = next((i for i, job in enumerate(jobs) if (job.kind == "regulation") == regulation), None)
        if index is not None:
            early[index] = _render_one(root, checked, jobs[index])
    rest = [index for index in range(len(jobs)) if index not in early]
    size = max(1, -(-len(rest) // (workers * 4)))  # a few chunks per worker: balanced, written while rendering
    chunks = [rest[start:start + size] for start in range(0, len(rest), size)]
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORK
    _WORK = (root, checked, jobs)
    gc.freeze()  # the workers' garbage collector leaves the inherited objects (and their memory pages) alone
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_started)
    written = []
    try:
        rendered = (result for results in executor.map(_render_chunk, chunks) for result in results)
        for index, job in enumerate(jobs):
            if index in early:
                ok, value = early[index]
            else:
                got, (ok, value) = next(rendered)
                assert got == index, (got, index)
            if not ok:
                raise RancangError(value)  # type: ignore[arg-type]
            atomic_write_bytes(job.target, value)  # type: ignore[arg-type]
            written.append(job.target)
            progress.advance()
    finally:
        _WORK = None
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
    return written


_WORK: tuple[Path, Checked, list[Job]] | None = None
"""What the forked workers render (set just before they are started, so they inherit it)."""


def _render_one(root: Path, checked: Checked, job: Job) -> tuple[bool, object]:
    """(True, DOCX bytes), or (False, the problems) when the document cannot be made."""
    try:
        return True, render_job(root, checked, job)
    except RancangError as exc:
        return False, list(exc.diagnostics)


def _worker_started() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops the build and says so


def _render_chunk(indices: list[int]) -> list[tuple[int, tuple[bool, object]]]:
    """In a worker: the DOCX bytes of each job, up to the first one that cannot be made (its problems)."""
    assert _WORK is not None
    root, checked, jobs = _WORK
    results = []
    for index in indices:
        results.append((index, _render_one(root, checked, jobs[index])))
        if not results[-1][1][0]:
            break  # the documents after it are not written
    return results


# -- visits ------------------------------------------------------------------------------------------------


def _builder(kind: str) -> Callable:
    from rancang.visits.content import brief, report

    return brief if kind == "brief" else report


def visit_docx(root: Path, data: ProjectData, record_id: str, kind: str) -> bytes:
    from rancang.render.regulation_docx import TemplateStyleError
    from rancang.render.richtext_docx import project_images
    from rancang.render.visit_docx import render

    visit = data.visits[record_id]
    document = _builder(kind)(visit, data)
    template = visit_template(root)
    try:
        return render(document, template, data.settings.documents.visit_paper.value, project_images(root),
                      visit_properties(visit, data, kind))
    except TemplateStyleError as exc:
        raise RancangError([Diagnostic("P406", f"templat tidak memiliki gaya: {exc}",
                                       Location(display_path(template)))]) from None


def visit_properties(visit, data: ProjectData, kind: str):
    """Core properties of a brief or report: ``Bahan Kunjungan Kerja: <the visit's title>``, the region's
    government, the visit's (first) date (or the build date when its day is not known)."""
    from rancang.present.visit import our_name, title
    from rancang.render.docx_template import Properties

    words = "Bahan Kunjungan Kerja" if kind == "brief" else "Laporan Hasil Kunjungan Kerja"
    return Properties(f"{words}: {title(visit, data)}", our_name(data),
                      visit.date.as_date() if visit.date.day else None)


def file_name(record_id: str, kind: str) -> str:
    return f"{record_id}-{KINDS[kind]}.docx"


def write_visit(root: Path, visit_file: Path, kind: str, out: Path | None = None, pdf: bool = False,
                strict: bool = False) -> Outcome:
    """``rancang brief|report visits/<id>.yaml [-o OUT] [--pdf] [--strict]``."""
    layout = Layout(root)
    return _one_document(root, visit_file, "kunjungan", "bukan berkas kunjungan kerja (visits/<id>.yaml)",
                         [layout.settings_file, layout.kb], lambda data: data.visits,
                         lambda checked, record_id: file_name(record_id, kind),
                         lambda checked, record_id: visit_docx(root, checked.data, record_id, kind), out, pdf,
                         strict, guard=(lambda checked, record_id: _report_without_results(checked.data.visits[
                             record_id])) if kind == "report" else None)


def _report_without_results(visit) -> list[Diagnostic]:
    """R306 when ``rancang report`` is asked for a visit whose results are not written yet: the report would say
    nothing of what the visit found."""
    if has_results(visit):
        return []
    return [Diagnostic(
        "R306", "laporan belum dapat dibuat: kunjungan ini belum berisi kunci hasil, kesimpulan, atau tindak_lanjut",
        locate(visit),
        suggestion="isi sesudah kunjungan salah satu kunci hasil (per sesi: judul, uraian), kesimpulan, atau "
                   "tindak_lanjut (kegiatan, penanggung_jawab, tenggat); bahan kunjungan dibuat dengan 'rancang brief'",
    )]


def has_results(visit) -> bool:
    return bool(visit.results or visit.conclusions or visit.follow_up)


def visit_jobs(data: ProjectData, folder: Path) -> list[Job]:
    """Every visit's brief, and its report once results are written, in order of visit id."""
    jobs = []
    for record_id, visit in sorted(data.visits.items()):
        for kind in ["brief", "report"] if has_results(visit) else ["brief"]:
            jobs.append(Job(kind, record_id, folder / file_name(record_id, kind)))
    return jobs


# -- KIPP proposals -----------------------------------------------------------------------------------------


def proposal_template(root: Path) -> Path:
    """The Word template of KIPP proposal drafts."""
    from rancang.render.template_names import PROPOSAL_TEMPLATE_NAME

    return _template(root, PROPOSAL_TEMPLATE_NAME)


def proposal_name(record_id: str, year: int) -> str:
    """``<id>-proposal-kipp-2023.docx``."""
    return f"{record_id}-proposal-kipp-{year}.docx"


def unknown_innovation(root: Path, record_id: str) -> Diagnostic:
    """P463: no ``kb/inovasi/<record_id>.yaml``; the closest ids are suggested."""
    from rancang.language.suggest import closest_few, quoted_choices
    from rancang.layout import is_skeleton

    layout = Layout(root)
    folder = layout.innovations
    known = sorted(p.stem for p in folder.glob("*.yaml") if not is_skeleton(p.name)) if folder.is_dir() else []
    close = closest_few(record_id, known)
    if close:
        suggestion = f"maksud Anda {quoted_choices(close)}?"
    elif known:
        suggestion = f"id inovasi adalah nama berkas di {display_path(folder)}/ tanpa .yaml, misalnya '{known[0]}'"
    else:
        suggestion = f"belum ada profil inovasi di {display_path(folder)}/; buat dengan 'rancang new inovasi ID'"
    return Diagnostic("P463", f"inovasi '{record_id}' tidak ditemukan: tidak ada berkas "
                              f"{display_path(layout.innovation_file(record_id))}",
                      Location(display_path(folder)), suggestion=suggestion)


def proposal_docx(root: Path, data: ProjectData, record_id: str, catalogue) -> tuple[bytes, list[Diagnostic]]:
    """The DOCX of the KIPP proposal draft of one innovation, and the advice on it (an aspect over its limit,
    empty, or incomplete: :func:`rancang.assessment.kipp.findings`)."""
    from rancang.assessment.kipp import findings
    from rancang.present.proposal import proposal
    from rancang.present.visit import our_name
    from rancang.render.docx_template import Properties
    from rancang.render.proposal_docx import TemplateStyleError, render
    from rancang.render.richtext_docx import project_images

    view = proposal(record_id, data, catalogue)
    advice = findings(record_id, view.innovation.record, catalogue, view.assessments)
    template = proposal_template(root)
    properties = Properties(f"Draf Proposal KIPP {catalogue.year}: {view.innovation.name}",
                            our_name(data) if data.settings else "rancang")
    try:
        paper = data.settings.documents.visit_paper.value if data.settings else "A4"
        return render(view, template, paper, project_images(root), properties), advice
    except TemplateStyleError as exc:
        raise RancangError([Diagnostic("P406", f"templat tidak memiliki gaya: {exc}",
                                       Location(display_path(template)))]) from None


def _regulations_cited(profile: Path) -> list[str]:
    """Ids of the project's regulations a profile's legal basis names (``dasar_hukum: - regulasi: <id>``): checked
    with it so that the draft cites their titles; the other regulations, and what the check finds in them, are
    none of the proposal's business."""
    import yaml

    try:
        data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # the check reports it
    entries = data.get("dasar_hukum") if isinstance(data, dict) else None
    return [e["regulasi"] for e in entries or [] if isinstance(e, dict) and isinstance(e.get("regulasi"), str)
            and "/" not in e["regulasi"]] if isinstance(entries, list) else []


def write_proposal(root: Path, record_id: str, out: Path | None = None, pdf: bool = False,
                   strict: bool = False, year: int | None = None) -> Outcome:
    """``rancang proposal ID [-o OUT] [--pdf] [--strict]``: the KIPP proposal draft of ``kb/inovasi/ID.yaml``.

    What the check finds that blocks a document stops it, as for a brief; the proposal's own findings (P460-P462)
    and the check's warnings are advice, listed after the document is written, unless ``strict`` makes them stop
    it before anything is written."""
    from rancang.assessment.kipp import load_catalogue

    layout = Layout(root)
    source = layout.innovation_file(record_id)
    if "/" in record_id or "\\" in record_id or not source.is_file():
        raise RancangError([unknown_innovation(root, record_id)])
    catalogue = load_catalogue(year)
    related = [source, layout.settings_file, layout.agencies_file, layout.catalogue_file,
               *(layout.regulation_file(r) for r in _regulations_cited(source))]
    checked = check_project(root, [p for p in related if p.exists()])
    report = checked.report.strict() if strict else checked.report
    _stop_on_blocking(report, strict)
    if record_id not in checked.data.innovations:  # pragma: no cover - a file that is not a profile
        raise RancangError([Diagnostic("Y101", "berkas tidak ditemukan", Location(display_path(source)))])
    data, advice = proposal_docx(root, checked.data, record_id, catalogue)
    if strict and advice:
        _stop_on_blocking(Report(advice).strict(), strict)
    target = out if out is not None else documents_folder(root, checked.data) / proposal_name(record_id,
                                                                                              catalogue.year)
    atomic_write_bytes(target, data)
    outcome = Outcome([target], [f"Ditulis: {display_path(target)}"], [], [*report.sorted(), *advice])
    if pdf:
        outcome.written.extend(_to_pdf([target], target.parent, outcome, required=True))
    _remove_stale_pdfs([target], outcome)
    return outcome
