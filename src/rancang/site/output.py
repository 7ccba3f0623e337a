"""Files the site carries besides its pages: the DOCX and PDF of the regulations and visits, the home redirect."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from rancang.documents import KINDS, documents_folder
from rancang.fileio import atomic_copy, atomic_write_bytes
from rancang.site import context
from rancang.site.links import DOWNLOADS

REDIRECT_TEMPLATE = "rancang-alihkan.html"
"""The top-level ``index.html`` (in ``templates/``, rendered by the builder's template engine)."""


def copy_documents(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    data = context.of(app.env).data
    source = documents_folder(Path(app.srcdir), data)
    target = Path(app.outdir) / DOWNLOADS
    target.mkdir(parents=True, exist_ok=True)
    names = [*data.regulations, *(f"{v}-{word}" for v in data.visits for word in KINDS.values())]
    for record_id, regulation in data.regulations.items():  # a whole-text amendment's companions (rancang build)
        if regulation.amends is not None and regulation.amends in data.regulations:
            names += [f"{record_id}-matriks", f"{record_id}-lacak", f"{regulation.amends}-terintegrasi"]
    for name in names:
        for suffix in ("docx", "pdf"):
            path = source / f"{name}.{suffix}"
            if path.is_file():
                atomic_copy(path, target / path.name)


def home_redirect(app: Sphinx, exception: Exception | None) -> None:
    """``index.html`` at the top of the site opens the region's home page (kb/index); written only when its
    content changed."""
    if exception is not None or app.builder.format != "html":
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    page = app.builder.templates.render(REDIRECT_TEMPLATE, {"alamat": target, "judul": app.config.html_title})
    content = (page + "\n").encode("utf-8")  # Jinja drops the template's last newline; the file ends with one
    index = Path(app.outdir) / "index.html"
    if not index.is_file() or index.read_bytes() != content:
        atomic_write_bytes(index, content)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", copy_documents)
    app.connect("build-finished", home_redirect)
