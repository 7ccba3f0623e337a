"""Files the site carries besides its pages: the DOCX and PDF of the regulations and visits, the home redirect."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from rancang.documents import KINDS, documents_folder
from rancang.site import context
from rancang.site.links import DOWNLOADS


def copy_documents(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    data = context.of(app.env).data
    source = documents_folder(Path(app.srcdir), data)
    target = Path(app.outdir) / DOWNLOADS
    target.mkdir(parents=True, exist_ok=True)
    names = [*data.regulations, *(f"{v}-{word}" for v in data.visits for word in KINDS.values())]
    for name in names:
        for suffix in ("docx", "pdf"):
            path = source / f"{name}.{suffix}"
            if path.is_file():
                shutil.copy2(path, target / path.name)


def home_redirect(app: Sphinx, exception: Exception | None) -> None:
    """``index.html`` at the top of the site opens the region's home page (kb/index)."""
    if exception is not None or app.builder.format != "html":
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    page = ('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<title>{app.config.html_title}</title></head>'
            f'<body><a href="{target}">Buka beranda</a></body></html>\n')
    index = Path(app.outdir) / "index.html"
    if not index.exists() or index.read_text(encoding="utf-8") != page:
        index.write_text(page, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", copy_documents)
    app.connect("build-finished", home_redirect)
