"""HTML that rancang renders from its own Jinja templates (charts, the gallery's controls), placed in a page."""

from __future__ import annotations

from docutils import nodes


def block(html: str) -> nodes.container:
    """HTML rendered by the builder's template engine from a template of ``site/templates/``, in a ``no-search``
    container: Sphinx strips the tags of raw HTML and would run neighbouring labels together into nonsense
    words in the search index. Never for text a user wrote: that goes through :mod:`rancang.site.richtext`."""
    box = nodes.container(classes=["no-search"])
    box += nodes.raw("", html, format="html")
    return box
