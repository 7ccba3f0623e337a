"""The site's interface in Indonesian.

The templates in ``templates/`` (navigation bar, footer, search box, search
page) are written in Indonesian. What is left comes from Sphinx itself: strings
its Indonesian catalogue lacks or translates oddly (``Go``, ``Link to this
heading`` on every heading, ``Main`` read aloud for the sidebar) and the
search script's messages (``Search Results``, the result count). The first are
added to the runtime catalogue at ``builder-inited`` (the same trick as the
toolkit documentation); the second are given to the page as a
``Documentation.addTranslations`` call after Sphinx's own ``translations.js``.
"""

from __future__ import annotations

import json
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Sphinx's interface strings (templates and HTML writer) as this site shows them.
UI_TEXT = {
    "Go": "Cari",
    "Search": "Pencarian",
    "search": "Cari",
    "Quick search": "Cari",
    "Searching": "Mencari",
    "Navigation": "Navigasi",
    "Main": "Utama",
    "Related Topics": "Topik terkait",
    "Documentation overview": "Ikhtisar",
    "Previous": "Sebelumnya",
    "Next": "Berikutnya",
    "Previous topic": "Halaman sebelumnya",
    "Next topic": "Halaman berikutnya",
    "previous chapter": "bab sebelumnya",
    "next chapter": "bab berikutnya",
    "Page source": "Sumber halaman",
    "Show Source": "Lihat sumber",
    "This Page": "Halaman ini",
    "Index": "Indeks",
    "Contents": "Isi",
    "Link to this heading": "Tautan ke judul ini",
    "Permalink to this heading": "Tautan ke judul ini",
    "Link to this table": "Tautan ke tabel ini",
    "Link to this code": "Tautan ke kode ini",
    "Link to this image": "Tautan ke gambar ini",
    "Link to this definition": "Tautan ke definisi ini",
    "Link to this equation": "Tautan ke persamaan ini",
    "Link to this term": "Tautan ke istilah ini",
    "Please activate JavaScript to enable the search\n    functionality.":
        "Aktifkan JavaScript di peramban untuk memakai pencarian.",
    "Please activate JavaScript to enable the search functionality.":
        "Aktifkan JavaScript di peramban untuk memakai pencarian.",
    "Searching for multiple words only shows matches that contain\n    all words.":
        "Bila lebih dari satu kata, hanya halaman yang memuat semua kata itu yang ditampilkan.",
}

#: Messages of Sphinx's search scripts (searchtools.js, sphinx_highlight.js).
JS_TEXT: dict[str, Any] = {
    "Search Results": "Hasil pencarian",
    "Searching": "Mencari",
    "Preparing search...": "Menyiapkan pencarian...",
    "Search finished, found one page matching the search query.": [
        "Pencarian selesai: ${resultCount} halaman cocok dengan kata yang dicari.",
    ],
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that "
    "you've selected enough categories.":
        "Tidak ada halaman yang cocok. Periksa ejaan kata yang dicari, atau coba kata lain.",
    "Hide Search Matches": "Sembunyikan hasil pencarian",
    ", in ": ", di ",
}


def translations_script() -> str:
    """The body of an inline ``<script>`` that completes Sphinx's Indonesian messages."""
    catalog = json.dumps({"locale": "id", "plural_expr": "0", "messages": JS_TEXT}, ensure_ascii=False)
    safe = catalog.replace("</", "<\\/")  # never ends the <script> element
    return f"Documentation.addTranslations({safe});"


def translate_interface(app: Sphinx) -> None:
    """Fill Sphinx's runtime catalogue with :data:`UI_TEXT` (templates and writers read it)."""
    if app.config.language != "id":
        return
    catalog = getattr(app.translator, "_catalog", None)
    if isinstance(catalog, dict):
        catalog.update(UI_TEXT)
    else:  # pragma: no cover - Sphinx without an Indonesian catalogue
        logger.warning("katalog Indonesia Sphinx tidak ditemukan; sebagian teks antarmuka tetap berbahasa Inggris",
                       type="rancang", subtype="bahasa")


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    context["rancang_terjemahan_js"] = translations_script()


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", translate_interface)
    app.connect("html-page-context", page_context)
