"""Markdown from YAML fields, rendered safely.

Free-text fields (ringkasan, masalah, hasil ...) may use Markdown. They are
rendered with markdown-it (CommonMark + tables) with raw HTML switched off, so
``<script>`` in a field is shown as text, never run; link targets are checked
by markdown-it (no ``javascript:``). No MyST directives are available in these
fields, so a field cannot include files or inject raw blocks.
"""

from __future__ import annotations

from docutils import nodes
from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def to_html(text: str) -> str:
    return _MD.render(text)


def node(text: str, classes: list[str] | None = None) -> nodes.raw:
    """A raw HTML node whose HTML comes only from the safe renderer above (Sphinx indexes it for search)."""
    raw = nodes.raw("", to_html(text), format="html")
    if classes:
        raw["classes"] = classes
    return raw


def block(html: str) -> nodes.container:
    """Raw HTML built by rancang itself (charts, controls), in a ``no-search`` container: Sphinx strips the tags
    of raw HTML and would run neighbouring labels together into nonsense words in the search index."""
    box = nodes.container(classes=["no-search"])
    box += nodes.raw("", html, format="html")
    return box
