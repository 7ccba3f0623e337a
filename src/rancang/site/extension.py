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

from rancang.site.search_id import SearchIndonesian, prune_faster

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
    """The project's data, loaded once: from ``rancang build`` (already checked) or, under plain Sphinx, here."""
    from rancang.site import state

    data = state.take_preloaded(app.srcdir)
    if data is None:
        from rancang.check import check_project

        data, report = check_project(Path(app.srcdir))
        for diagnostic in report.errors:
            logger.warning("%s: %s", diagnostic.code, diagnostic.message, location=diagnostic.location.path,
                           type="rancang", subtype=diagnostic.code)
    state.register(app.srcdir, data, app.builder)
    app.rancang_data = data  # type: ignore[attr-defined]  # for build-finished handlers


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
    records = {d for d in added | changed | removed if d.startswith(RECORD_FOLDERS)}
    if _data_files_changed(app, env):
        outdated |= set(env.found_docs)  # agency names, catalogue, settings: shown on every record page
    elif records:
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


RECORD_FOLDERS = ("kb/inovasi/", "regulations/")


def _lean_toc(app: Sphinx, doctree: nodes.document) -> None:
    """A record page is reached from the gallery, never from a toctree, and no sidebar shows its contents:
    keep only its title in the table of contents Sphinx stores for it. Sphinx keeps every page's toc in the
    pickled environment, loaded on every build: with a dozen sections per profile that was ~4 kB a record."""
    env = app.env
    if env.docname.startswith(RECORD_FOLDERS) and env.docname in env.tocs:
        toc = env.tocs[env.docname]
        if len(toc) and isinstance(toc[0], nodes.list_item):
            first = toc[0]
            for child in list(first.children):
                if isinstance(child, nodes.bullet_list):
                    first.remove(child)
        env.toc_num_entries[env.docname] = 1 if len(toc) else 0


def _forget_written_doctree(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Sphinx keeps the pickled bytes of every doctree it loads for writing until the build ends: at 36,742
    pages about a gigabyte. A written page's doctree is not needed again (read from disk if it were)."""
    cache = getattr(app.env, "_pickled_doctree_cache", None)
    if isinstance(cache, dict):
        cache.pop(docname, None)


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


def _dedupe_static_paths(app: Sphinx) -> None:
    """Extensions append their static folder at every start; the configuration Sphinx pickles must stay equal
    to the next build's, or every build becomes a full rebuild ("The configuration has changed")."""
    paths = app.config.html_static_path
    app.config.html_static_path = list(dict.fromkeys(paths))


def _keep_unchanged_search_index(app: Sphinx) -> None:
    """Sphinx loads and rewrites the whole search index on every build, even when no page changed (seconds
    at 10,000 pages). When this build writes no page and removed none, the index on disk is still right."""
    builder = app.builder
    if not getattr(builder, "search", False) or not hasattr(builder, "load_indexer"):
        return
    load, dump = builder.load_indexer, builder.dump_search_index
    skip = {"index": False}

    def load_indexer(docnames: Any) -> None:
        index = Path(builder.outdir) / builder.searchindex_filename
        removed = getattr(app, "rancang_removed_docs", False)
        skip["index"] = not docnames and not removed and index.is_file()
        if not skip["index"]:
            prune_faster(builder.indexer)
            load(docnames)

    def dump_search_index() -> None:
        if not skip["index"]:
            dump()

    builder.load_indexer = load_indexer
    builder.dump_search_index = dump_search_index


PARALLEL_FROM = 200
"""Fewer documents to read than this: read and write them in one process. Each parallel chunk sends the
whole environment back to the main process, which costs seconds on a large site for a handful of pages."""


def _serial_when_few(app: Sphinx, env: Any, docnames: list[str]) -> None:
    if len(docnames) < PARALLEL_FROM:
        app.parallel = 1


def _note_removed(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    app.rancang_removed_docs = bool(removed)  # type: ignore[attr-defined]
    return []


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
    app.connect("doctree-read", _lean_toc, priority=600)  # after Sphinx's toc collector (500)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    for component in (directives, output, gallery, charts, opendata, casestudies):
        component.setup(app)
    app.connect("config-inited", _static_files)
    app.connect("builder-inited", _dedupe_static_paths, priority=900)
    app.connect("builder-inited", _keep_unchanged_search_index)
    app.connect("env-get-outdated", _note_removed)
    app.connect("env-before-read-docs", _serial_when_few)
    app.connect("doctree-resolved", _forget_written_doctree, priority=900)
    app.add_css_file("rancang.css")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
