"""Run Sphinx on a project to build its site (``keluaran.situs``, by default ``_build/html``)."""

from __future__ import annotations

import gc
import io
import os
from pathlib import Path

from rancang.check import Checked
from rancang.layout import Layout
from rancang.progress import NO_PROGRESS, Progress


def workers() -> int:
    """Sphinx reads and writes in this many processes (forked; Sphinx runs one when there is little to do)."""
    override = os.environ.get("RANCANG_PROSES")
    if override and override.isdigit() and int(override) > 0:
        return int(override)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _stop_workers() -> None:
    """Sphinx's parallel workers are forked processes; when the build stops early (Ctrl+C, an error while
    tasks are being handed out) they would be left waiting to send their results, and the interpreter
    would wait for them at exit for ever."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.kill()
        child.join(timeout=5)


class SiteError(Exception):
    """The site could not be built; the message is Indonesian, the log holds Sphinx's words."""


def build_site(root: Path, checked: Checked, warnings_are_errors: bool = False,
               progress: Progress = NO_PROGRESS) -> tuple[Path, str]:
    """Build the site incrementally from a checked project; returns the output folder and Sphinx's warnings.

    Its phases and counts go to ``progress`` (:mod:`rancang.site.build_progress`).
    """
    data = checked.data
    from sphinx.application import Sphinx
    from sphinx.util.console import nocolor
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    nocolor()  # the warnings are shown to users by rancang, not on a terminal Sphinx controls

    from rancang.site import build_progress, context
    from rancang.site.config import sphinx_config

    outdir = Layout(root).site_output(data.settings.outputs.site)
    doctrees = Layout(root).doctrees
    log = io.StringIO()
    from sphinx.errors import SphinxError

    try:
        with patch_docutils(root), docutils_namespace():
            progress.phase(build_progress.PREPARING)
            collecting = gc.isenabled()
            gc.disable()  # unpickling the environment makes millions of objects: collections cost ~40% of it
            try:
                app = Sphinx(str(root), None, str(outdir), str(doctrees), "html",
                             confoverrides=sphinx_config(root, data.settings), status=None, warning=log,
                             freshenv=False, warningiserror=warnings_are_errors, keep_going=True,
                             parallel=workers())
            finally:
                gc.freeze()  # the environment and the checked project stay for the build: collections skip them
                if collecting:
                    gc.enable()
            context.provide(app, checked)  # the site reuses what `rancang build` checked: never checked twice
            hookup = build_progress.attach(app, progress)
            try:
                app.build()
            except BaseException:
                _stop_workers()
                raise
            finally:
                hookup.close()
    except SphinxError as exc:
        raise SiteError(f"situs gagal dibangun ({type(exc).__name__}: {exc})\n{log.getvalue()}") from None
    finally:
        gc.unfreeze()  # a long-running process (rancang serve, the tests) collects this build's objects later
    if app.statuscode:
        raise SiteError(f"situs gagal dibangun:\n{log.getvalue()}")
    return outdir, log.getvalue()
