"""Directives for the region's own pages in kb/ (they aggregate records)."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.site import state
from rancang.site.extension import AGGREGATE_KEY


def depends_on_all_records(directive: SphinxDirective) -> None:
    """This page shows data of every record: rebuild it whenever any record changes."""
    env = directive.env
    if not hasattr(env, AGGREGATE_KEY):
        setattr(env, AGGREGATE_KEY, set())
    getattr(env, AGGREGATE_KEY).add(env.docname)


def doc_link(directive: SphinxDirective, docname: str, text: str) -> nodes.reference:
    """A link from the current page to another document."""
    uri = state.of(directive.env).builder.get_relative_uri(directive.env.docname, docname)
    return nodes.reference("", text, internal=True, refuri=uri)


class RegulationsDirective(SphinxDirective):
    """``{rancang-peraturan}``: the project's regulations with links to their pages."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        depends_on_all_records(self)
        data = state.project_data(self.env)
        items = nodes.bullet_list(classes=["rancang-daftar-peraturan"])
        for record_id, regulation in sorted(data.regulations.items()):
            title = f"{data.settings.regulation_name} tentang {regulation.title}"
            if regulation.is_draft:
                title = f"Rancangan {title}"
            para = nodes.paragraph()
            para += doc_link(self, f"regulations/{record_id}", title)
            items += nodes.list_item("", para)
        if not data.regulations:
            return [nodes.paragraph(text="Belum ada rancangan peraturan.")]
        return [items]


def setup(app: Sphinx) -> None:
    app.add_directive("rancang-peraturan", RegulationsDirective)
