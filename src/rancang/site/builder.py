"""Run Sphinx on a project to build its site (``_build/html``)."""

from __future__ import annotations

import io
from pathlib import Path

from rancang.loader import ProjectData


class SiteError(Exception):
    """The site could not be built; the message is Indonesian, the log holds Sphinx's words."""


def build_site(root: Path, data: ProjectData, warnings_are_errors: bool = False) -> tuple[Path, str]:
    """Build the site incrementally; returns the output folder and Sphinx's warnings."""
    from sphinx.application import Sphinx
    from sphinx.util.console import nocolor
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    nocolor()  # the warnings are shown to users by rancang, not on a terminal Sphinx controls

    from rancang.site.config import sphinx_config

    outdir = root / data.settings.outputs.site
    doctrees = root / "_build" / ".doctrees"
    log = io.StringIO()
    from sphinx.errors import SphinxError

    try:
        with patch_docutils(root), docutils_namespace():
            app = Sphinx(str(root), None, str(outdir), str(doctrees), "html",
                         confoverrides=sphinx_config(root, data.settings), status=None, warning=log,
                         freshenv=False, warningiserror=warnings_are_errors, keep_going=True)
            app.build()
    except SphinxError as exc:
        raise SiteError(f"situs gagal dibangun ({type(exc).__name__}: {exc})\n{log.getvalue()}") from None
    if app.statuscode:
        raise SiteError(f"situs gagal dibangun:\n{log.getvalue()}")
    return outdir, log.getvalue()
