"""Site component: the search, on rancang's own chunked index instead of Sphinx's ``searchindex.js``.

Sphinx's index is one file a browser loads whole (15 MB at 10,000 profiles) and that the builder rewrites on
every edit; it is switched off (``builder.search = False``). Instead:

* **reading** (``doctree-read``, in whichever process reads the page): the page's record, its weighted terms
  and text blocks (:mod:`rancang.site.search_record`), is stored in the doctree folder, one file a page;
* **after writing** (``build-finished``): the index in ``_cari/`` is brought up to date from the records of
  the pages read in this build (:mod:`rancang.site.search_index`): an edit rewrites a small segment, not the
  index;
* ``search.html`` (template ``templates/search.html``) and ``_static/rancang-cari.js`` search it in the
  browser, with the Snowball Indonesian stemmer Sphinx ships in JavaScript (``_cari/akar.js``).

How long the index took is kept in the state file (``detik``), for ``bench/bench_search.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from rancang.fileio import atomic_write_bytes
from rancang.site.search_index import FOLDER, SearchIndex, record_path, write_record
from rancang.site.search_record import record

logger = logging.getLogger(__name__)

INDEX_PRIORITY = 800
"""The index is written after the other ``build-finished`` handlers (open data, documents): the phase
"Membuat indeks pencarian" (:mod:`rancang.site.build_progress`) begins just before it."""

RECORDS = "rancang-cari-2"
"""Folder of the page records in the doctree folder (:func:`rancang.site.search_index.record_bytes`); its
number changes with their format, so that a project built by another version reads its pages again once."""
STATE = "rancang-cari.json"
STEMMER = "akar.js"
STEMMER_SOURCES = ("base-stemmer.js", "indonesian-stemmer.js")


def _records(app: Sphinx) -> Path:
    return Path(app.doctreedir) / RECORDS


def _html(app: Sphinx) -> bool:
    return getattr(app.builder, "format", None) == "html"


def _switch_off_sphinx_search(app: Sphinx) -> None:
    if _html(app):
        app.builder.search = False  # type: ignore[attr-defined]


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Pages without a record (a project built before this index existed) are read again, once."""
    app.rancang_search_removed = set(removed)  # type: ignore[attr-defined]
    if not _html(app):
        return []
    records = _records(app)
    known = set(added) | set(changed) | set(removed)
    return sorted(d for d in env.found_docs - known if not record_path(records, d).is_file())


def _note_read(app: Sphinx, env: Any, docnames: list[str]) -> None:
    app.rancang_search_read = set(docnames)  # type: ignore[attr-defined]


def _store(app: Sphinx, doctree: nodes.document) -> None:
    if not _html(app):
        return
    docname = app.env.docname
    write_record(_records(app), record(doctree, docname, app.builder.get_target_uri(docname)))


def _stemmer_script() -> bytes:
    import sphinx.search

    folder = Path(sphinx.search.__file__).parent / "minified-js"
    return b"\n".join((folder / name).read_bytes().rstrip() for name in STEMMER_SOURCES) + b"\n"


def _finish(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not _html(app):
        return
    from rancang import __version__

    output = Path(app.outdir) / FOLDER
    state = Path(app.doctreedir) / STATE
    index = SearchIndex(_records(app), state, output, __version__)
    index.update(app.env.found_docs, getattr(app, "rancang_search_read", set()),
                 getattr(app, "rancang_search_removed", set()))
    stemmer = _stemmer_script()
    target = output / STEMMER
    if not target.is_file() or target.read_bytes() != stemmer:
        atomic_write_bytes(target, stemmer)


NOT_ON_SEARCH_PAGE = frozenset(("sphinx-design.min.css", "pygments.css", "rancang-grafik.css", "doctools.js",
                                "sphinx_highlight.js", "design-tabs.js", "documentation_options.js",
                                "translations.js"))
"""Files every page links that the search page does not use: a reader who opens it first downloads 70 kB less
(sphinx-design's stylesheet alone is 55 kB)."""


def _lean_search_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if pagename != "search":
        return
    context["rancang_terjemahan_js"] = ""  # messages of Sphinx's scripts, which this page does not load
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [f for f in context[key]
                            if Path(str(getattr(f, "filename", f)).split("?")[0]).name not in NOT_ON_SEARCH_PAGE]


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _switch_off_sphinx_search)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-before-read-docs", _note_read)
    app.connect("doctree-read", _store, priority=900)
    app.connect("html-page-context", _lean_search_page)
    app.connect("build-finished", _finish, priority=INDEX_PRIORITY)
