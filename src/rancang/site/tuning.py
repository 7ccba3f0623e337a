"""Sphinx tuned for large sites: what each build skips or drops, with the figures that made it worth it.

Nothing here changes a page; every hook only saves time or memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx



def _forget_written_doctree(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Sphinx keeps the pickled bytes of every doctree it loads for writing until the build ends: at 36,742
    pages about a gigabyte. A written page's doctree is not needed again (read from disk if it were)."""
    cache = getattr(app.env, "_pickled_doctree_cache", None)
    if isinstance(cache, dict):
        cache.pop(docname, None)


def _dedupe_static_paths(app: Sphinx) -> None:
    """Extensions append their static folder at every start; the configuration Sphinx pickles must stay equal
    to the next build's, or every build becomes a full rebuild ("The configuration has changed")."""
    paths = app.config.html_static_path
    app.config.html_static_path = list(dict.fromkeys(paths))


PARALLEL_FROM = 200
"""Fewer documents to read than this: read and write them in one process. Each parallel chunk sends the
whole environment back to the main process, which costs seconds on a large site for a handful of pages."""


def _serial_when_few(app: Sphinx, env: Any, docnames: list[str]) -> None:
    if len(docnames) < PARALLEL_FROM:
        app.parallel = 1


def _note_removed(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    app.rancang_removed_docs = bool(removed)  # type: ignore[attr-defined]
    return []


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _dedupe_static_paths, priority=900)
    app.connect("env-get-outdated", _note_removed)
    app.connect("env-before-read-docs", _serial_when_few)
    app.connect("doctree-resolved", _forget_written_doctree, priority=900)
