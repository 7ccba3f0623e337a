"""Sphinx extension of the knowledge-base site: only wiring.

* ``.yaml`` records are documents, read by :class:`RecordParser` (innovation
  profiles and regulations), so incremental builds and search just work;
* the project's data (agencies, catalogue, every record) is loaded once per
  build, for pages that show more than their own record;
* pages that aggregate records (gallery, overview, ...) are marked outdated
  whenever a record changes;
* Indonesian search is registered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers import Parser
from sphinx.application import Sphinx
from sphinx.util import logging

from rancang.site.search_id import SearchIndonesian

logger = logging.getLogger(__name__)

AGGREGATE_KEY = "rancang_aggregates"
"""env attribute: docnames whose content depends on every record."""


class RecordParser(Parser):
    """Turns ``kb/inovasi/<id>.yaml`` and ``regulations/<id>.yaml`` into pages."""

    supported = ("rancang-yaml",)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        from rancang.site import pages

        env = document.settings.env
        for node in pages.record_page(env, env.docname, inputstring):
            document += node


def _load_project(app: Sphinx) -> None:
    from rancang.check import check_project

    root = Path(app.srcdir)
    data, report = check_project(root)
    from rancang.site import state

    state.register(app.srcdir, data, app.builder)
    app.rancang_data = data  # type: ignore[attr-defined]  # for build-finished handlers
    for diagnostic in report.errors:
        logger.warning("%s: %s", diagnostic.code, diagnostic.message, location=diagnostic.location.path,
                       type="rancang", subtype=diagnostic.code)


DOWNLOADS_KEY = "rancang_downloads"
"""env attribute: docname -> {document file: existed when the page was read} (for download links)."""


def note_downloads(env: Any, files: dict[str, bool]) -> None:
    """A page links these documents when they exist: rebuild it when that changes (a PDF appears, ...)."""
    if not hasattr(env, DOWNLOADS_KEY):
        setattr(env, DOWNLOADS_KEY, {})
    getattr(env, DOWNLOADS_KEY)[env.docname] = files


def _downloads_changed(env: Any) -> set[str]:
    return {docname for docname, files in getattr(env, DOWNLOADS_KEY, {}).items()
            if any(Path(path).exists() != existed for path, existed in files.items())}


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """A page that aggregates records is outdated when any record is; a page with download links when the
    documents it links appear or disappear."""
    outdated = _downloads_changed(env)
    records = {d for d in added | changed | removed if d.startswith(("kb/inovasi/", "regulations/"))}
    if records or _data_files_changed(app, env):
        outdated |= getattr(env, AGGREGATE_KEY, set())
    return sorted(outdated - added - changed - removed)


def _data_files_changed(app: Sphinx, env: Any) -> bool:
    """kb/perangkat-daerah.yaml, kb/dasar-hukum.yaml and rancang.yaml are not documents; track their mtimes."""
    root = Path(app.srcdir)
    stamps = {}
    for name in ("rancang.yaml", "kb/perangkat-daerah.yaml", "kb/dasar-hukum.yaml"):
        path = root / name
        stamps[name] = path.stat().st_mtime_ns if path.exists() else 0
    previous = getattr(env, "rancang_data_stamps", None)
    env.rancang_data_stamps = stamps
    return previous is not None and previous != stamps


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, AGGREGATE_KEY, set()).discard(docname)
    getattr(env, DOWNLOADS_KEY, {}).pop(docname, None)


def _merge(app: Sphinx, env: Any, docnames: Any, other: Any) -> None:
    mine = getattr(env, AGGREGATE_KEY, set())
    mine |= getattr(other, AGGREGATE_KEY, set())
    setattr(env, AGGREGATE_KEY, mine)
    downloads = getattr(env, DOWNLOADS_KEY, {})
    downloads.update({d: f for d, f in getattr(other, DOWNLOADS_KEY, {}).items() if d in docnames})
    setattr(env, DOWNLOADS_KEY, downloads)


def _static_files(app: Sphinx, config: Any) -> None:
    static = str(Path(__file__).parent / "static")
    if static not in config.html_static_path:
        config.html_static_path.append(static)
    templates = str(Path(__file__).parent / "templates")
    if templates not in config.templates_path:
        config.templates_path.append(templates)


def setup(app: Sphinx) -> dict[str, Any]:
    from rancang.site import casestudies, charts, directives, gallery, opendata, output

    app.add_source_suffix(".yaml", "rancang-yaml", override=True)
    app.add_source_parser(RecordParser, override=True)
    app.add_search_language(SearchIndonesian)
    app.connect("builder-inited", _load_project)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    for component in (directives, output, gallery, charts, opendata, casestudies):
        component.setup(app)
    app.connect("config-inited", _static_files)
    app.add_css_file("rancang.css")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
