"""The menu at the top of every page: the region's pages, only those the project has.

A project without ``kb/peraturan.md`` has no "Peraturan" in its menu (never a link to a page that is not
there). The menu goes to the templates as the context value ``rancang_menu`` (document, label, area: a page of
that folder marks the item as current), through ``html_context``: Sphinx writes every page again when a
value of it changes, so adding or removing one of these pages renews the menu of every page, and an
unchanged menu rewrites nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from rancang.layout import CASE_STUDIES, INNOVATIONS, KB, REGULATIONS, ROOT_DOC

MENU = (
    (ROOT_DOC, "Beranda", ""),
    (f"{KB}/galeri", "Galeri", f"{INNOVATIONS}/"),
    (f"{KB}/ringkasan", "Ringkasan", ""),
    (f"{KB}/replikasi", "Replikasi", ""),
    (f"{KB}/kesiapan-iid", "Kesiapan IID", ""),
    (f"{KB}/peraturan", "Peraturan", f"{REGULATIONS}/"),
    (f"{KB}/kunjungan", "Kunjungan", ""),
    (f"{KB}/data", "Data terbuka", ""),
    (f"{CASE_STUDIES}/index", "Studi kasus", f"{CASE_STUDIES}/"),
)
"""(document, label, area) in the order of the menu."""


def menu(srcdir: Path) -> list[tuple[str, str, str]]:
    """The items of :data:`MENU` whose page exists (the home page always: the build stops without it)."""
    return [item for item in MENU if item[0] == ROOT_DOC or (srcdir / f"{item[0]}.md").is_file()]


def _add_menu(app: Sphinx, config: Any) -> None:
    config.html_context = {**config.html_context, "rancang_menu": menu(Path(app.srcdir))}


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _add_menu)
