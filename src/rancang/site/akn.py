"""Akoma Ntoso files of the site: ``akn/<regulation id>.xml`` for every regulation.

At the end of an HTML build each regulation whose tree was built is written as Akoma Ntoso 3.0 (even with
problems: its page is built too; :mod:`rancang.render.akn`, from the tree the check built once) into ``akn/``
beside the pages; its page links the file (``akn/<id>.xml``, :mod:`rancang.site.regulation_page`). A file is written atomically and only when its
content changed, so a build with no change leaves the folder alone; the file of a regulation that is gone (or
can no longer be made) is removed. A region without its Kemendagri code (``daerah.kode``) gets no file (its pages
link none; :mod:`rancang.site.regulation_page`), and no Sphinx warning: the code is optional until the region
wants its AKN files; ``rancang build`` notes P465 under its output and ``rancang ekspor akn`` stops on it.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from rancang.diagnostics import Diagnostic
from rancang.site import context, links
from rancang.site.opendata import write_if_changed

logger = logging.getLogger(__name__)

FOLDER = links.AKN
"""The folder of the AKN files, relative to the site's root (the pages link there)."""


def write_akn(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from rancang.render import akn

    shared = context.of(app.env)
    data = shared.data
    if data.settings is None:
        return
    folder = Path(app.outdir) / FOLDER
    written: set[str] = set()
    missing: Diagnostic | None = None
    for record_id in sorted(data.regulations):
        drafted = shared.draft(record_id)
        if drafted is None:
            continue
        # written even when the check found problems in it: its page is built too, and links the file
        meta = akn.metadata(data, record_id, shared.today)
        if isinstance(meta, Diagnostic):
            missing = meta
            break
        name = f"{record_id}.xml"
        write_if_changed(folder / name, akn.render(drafted.document, meta))
        written.add(name)
    if folder.is_dir():
        for stale in folder.glob("*.xml"):
            if stale.name not in written:
                stale.unlink()
    if missing is not None:
        # Not a warning: the code is optional, and the pages link no AKN file then. `rancang build` notes P465
        # under its output (rancang.build), `rancang ekspor akn` stops on it; here only Sphinx's status log.
        where = missing.location
        logger.info("%s: %s: %s (%s)", where, missing.code, missing.message, missing.suggestion)


def setup(app: Sphinx) -> None:
    """Registers this component's events."""
    app.connect("build-finished", write_akn)
