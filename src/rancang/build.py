"""``rancang build``: check the project, then build its outputs.

Documents go to the documents folder (``_build/dokumen/`` by default): every
regulation as DOCX, and as PDF when LibreOffice is installed. The site
(``_build/html/``) is added by the site generator. Nothing is written when the
check finds an error that blocks (:meth:`rancang.diagnostics.Report.blocking`),
so a failed build never replaces good outputs. Drafting findings do not block:
they are in the report, beside what was built; ``strict`` makes them block.
"""

from __future__ import annotations

import gc
from pathlib import Path

from rancang.check import check_project
from rancang.layout import ROOT_DOC, Layout
from rancang.diagnostics import Diagnostic, Location, Report
from rancang.layout import display_path
from rancang.progress import NO_PROGRESS, Progress


def build_project(root: Path, pdf: bool = True, strict: bool = False,
                  progress: Progress = NO_PROGRESS) -> tuple[Report, list[str]]:
    """Returns the check report and one line per thing built (or skipped).

    With ``strict`` (``rancang build --strict``) drafting findings and warnings block like errors: nothing is
    written when there are any. The report is returned as found (the caller raises its warnings for display).
    The phases (checking, documents, the site's) go to ``progress``; the last one has ended on return.
    """
    enabled = gc.isenabled()
    try:
        return _build_project(root, pdf, strict, progress)
    finally:
        progress.end()
        gc.unfreeze()  # `rancang serve` builds again and again in one process: let this build's data go
        if enabled:
            gc.enable()


def _build_project(root: Path, pdf: bool, strict: bool, progress: Progress) -> tuple[Report, list[str]]:
    from rancang.documents import bagan_problems, build_documents, documents_folder, template_problems
    from rancang.record_cache import RecordCache
    from rancang.uptodate import BuildState

    state = BuildState(root, pdf)
    previous = state.previous()
    # The last build had findings that --strict refuses: check again, so that this build is refused in full.
    if previous is not None and not previous[0].blocking(strict):
        report, lines = previous
        return report, ["Tidak ada yang berubah sejak pembangunan terakhir; keluaran tetap.",
                        *(line for line in lines if line.startswith("Situs: "))]
    # Reading the cache and checking create millions of objects and no garbage cycles: the cyclic collector
    # would walk the growing heap again and again (2.5 s instead of 0.3 s to open the cache at 10,000).
    gc.disable()
    cache = RecordCache.open(root, lazy=True)  # read inside the phase "Memeriksa data", counted in files
    checked = check_project(root, cache=cache, extra=[template_problems, bagan_problems], progress=progress)
    data, report = checked.data, checked.report
    layout = Layout(root)
    home = layout.home_page
    if not home.is_file():
        report.add(Diagnostic("P408", f"halaman beranda situs {ROOT_DOC}.md tidak ada; buat halaman itu (lihat "
                                      "contoh Kota Parepare)", Location(display_path(home))))
    if report.blocking(strict):
        return report, ["Pembangunan dihentikan: perbaiki galat di atas lebih dahulu."]
    cache.save()  # only by a build that goes on: a refused build writes nothing under _build/
    # The project's data lives until the end: keep the cyclic collector from walking it again and again
    # while Sphinx allocates (seconds on a national project).
    gc.freeze()
    gc.enable()  # Sphinx's doctrees are full of cycles (parent links): they must be collected
    state.forget()  # until this build has finished
    outcome = build_documents(root, checked, pdf=pdf, progress=progress)  # "Menulis dokumen", counted
    lines = list(outcome.messages)
    from rancang.site.builder import SiteError, build_site

    try:
        outdir, warnings = build_site(root, checked, progress=progress)
    except SiteError as exc:
        report.add(Diagnostic("P408", str(exc).splitlines()[0], Location(display_path(layout.kb))))
        return report, lines
    except OSError as exc:
        from rancang.fileio import write_error

        report.extend(write_error(layout.site_output(data.settings.outputs.site), exc).diagnostics)
        return report, lines
    from rancang.site.warnings import site_warnings

    # Sphinx's English warnings, in Indonesian and at their place: `kb/index.md:18: P453: peringatan situs: ...`
    lines.extend(warning.format() for warning in site_warnings(warnings, root))
    lines.append(f"Situs: {display_path(outdir / 'index.html')} ({len(data.innovations)} profil inovasi, "
                 f"{len(data.regulations)} rancangan peraturan, {len(data.visits)} kunjungan kerja).")
    if data.regulations and data.settings is not None and data.settings.region.code is None:
        from rancang.render.akn import missing_code

        # a note, not a warning: the code is optional until the region wants its Akoma Ntoso files
        lines.append(f"Catatan: {missing_code(data).format()}")
    if not outcome.problems and not report.blocking():  # a PDF that failed is tried again next time
        state.store(report, lines, [outdir, documents_folder(root, data)])
    return report, lines
