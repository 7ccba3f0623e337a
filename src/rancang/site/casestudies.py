"""Site component: case studies (MyST pages in ``kb/studi-kasus/``).

A case study tells the story of an innovation in prose; its numbers come from
the knowledge base, so that each fact is written once:

``{rancang-fakta} <innovation-id>``
    The innovation's facts table, its indicators (baseline -> result, change)
    and awards, as its profile page shows them (both read its
    :class:`rancang.present.innovation.InnovationView`), with a link to its profile.
    The page records a dependency on the record's YAML (and on the agencies'
    list), so it is rebuilt whenever the record changes. An unknown id is a
    warning that names the closest id.

``{rancang-studi-kasus}``
    The list of every case study with the innovations it is about (the page
    behind "Studi kasus" in the navigation bar). The list is filled in when the
    page is written, from :func:`case_studies`; such a page is re-read whenever
    a case study is added, changed or removed.

:func:`case_studies` gives ``(docname, title, innovation ids)`` of every case
study, for pages that show them (the gallery). What pages embed and list is
kept in the site's domain (:mod:`rancang.site.domain`): a directive of another
component that lists case studies calls ``note_case_study_list`` there so
that its page is re-read when they change.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from rancang.layout import CASE_STUDY_DOCS, INNOVATION_DOCS, Layout
from rancang.present.innovation import InnovationView
from rancang.site import context
from rancang.site.domain import CASE_STUDY_INDEX, RancangDomain, case_studies, is_case_study
from rancang.site.links import doc_link
from rancang.site.profile import award_list, facts_table, indicator_table

logger = logging.getLogger(__name__)

FOLDER = CASE_STUDY_DOCS
"""Documents of this folder are case studies."""

INDEX = CASE_STUDY_INDEX
"""The page that lists them (not a case study itself)."""

__all__ = ["case_studies", "is_case_study", "setup"]


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    touched = added | changed | removed
    domain = RancangDomain.of(env)
    if not any(is_case_study(d) or d in domain.embeds for d in touched):
        return []
    return sorted(domain.case_study_lists - touched)


# -- {rancang-fakta} ---------------------------------------------------------------------


class FactsDirective(SphinxDirective):
    """``{rancang-fakta} <innovation-id>``: the facts of an innovation, from its record."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        record_id = self.arguments[0].strip()
        env = self.env
        data = context.of(env).data
        root = Path(env.srcdir)
        layout = Layout(root)
        # Rebuilt when the record changes, and on every build while it is missing.
        env.note_dependency(str(layout.innovation_file(record_id)))
        env.note_dependency(str(layout.agencies_file))
        innovation = data.innovations.get(record_id)
        if innovation is None:
            return [self._missing(record_id, data, root)]
        RancangDomain.of(env).note_embed(env.docname, record_id)

        view = InnovationView(record_id, innovation, data)
        box = nodes.container(classes=["rancang-studi-fakta", "sd-card", "sd-shadow-sm"], ids=[f"fakta-{record_id}"])
        heading = nodes.paragraph(classes=["rancang-studi-fakta-judul"])
        heading += nodes.strong(text=view.name)
        heading += nodes.Text(": fakta dari basis data inovasi")
        box += heading
        box += facts_table(view)
        if view.indicators:
            box += indicator_table(view.indicators)
        if view.awards:
            box += nodes.paragraph(text="Penghargaan", classes=["rancang-studi-fakta-sub"])
            box += award_list(view)
        link = nodes.paragraph(classes=["rancang-ke-profil"])
        link += nodes.Text("Profil lengkap: ")
        link += doc_link(self, f"{INNOVATION_DOCS}{record_id}", view.name)
        box += link
        return [box]

    def _missing(self, record_id: str, data: Any, root: Path) -> nodes.Node:
        if Layout(root).innovation_file(record_id).is_file():
            message = f"profil inovasi '{record_id}' belum lolos pemeriksaan (jalankan rancang check)"
        else:
            known = sorted(data.innovations)
            closest = difflib.get_close_matches(record_id, known, n=1, cutoff=0.0)
            message = f"tidak ada profil inovasi '{record_id}' di kb/inovasi/"
            if closest:
                message += f"; maksudnya '{closest[0]}'?"
        logger.warning("rancang-fakta: %s", message, location=self.get_location(), type="rancang",
                       subtype="fakta")
        return nodes.paragraph(text=f"Fakta inovasi '{record_id}' tidak dapat ditampilkan.",
                               classes=["rancang-basi"])


# -- {rancang-studi-kasus} ---------------------------------------------------------------


class case_study_list(nodes.General, nodes.Element):
    """Placeholder for the list of case studies, filled in at ``doctree-resolved``."""


class CaseStudiesDirective(SphinxDirective):
    """``{rancang-studi-kasus}``: every case study, with links to the innovations it is about."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        RancangDomain.of(self.env).note_case_study_list(self.env.docname)
        return [case_study_list()]


def _fill_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(case_study_list))
    if not placeholders:
        return
    env = app.env
    data = context.of(env).data
    studies = [s for s in case_studies(env) if s[0] != docname]
    for placeholder in placeholders:
        if not studies:
            placeholder.replace_self(nodes.paragraph(text="Belum ada studi kasus."))
            continue
        items = nodes.bullet_list(classes=["rancang-daftar-studi-kasus"])
        for target, title, ids in studies:
            para = nodes.paragraph()
            para += nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(docname, target))
            names = [(i, data.innovations[i].name) for i in ids if i in data.innovations]
            if names:
                para += nodes.Text(" (tentang ")
                for index, (record_id, name) in enumerate(names):
                    if index:
                        para += nodes.Text(", ")
                    para += nodes.reference("", name, internal=True,
                                            refuri=app.builder.get_relative_uri(docname, f"{INNOVATION_DOCS}{record_id}"))
                para += nodes.Text(")")
            items += nodes.list_item("", para)
        placeholder.replace_self(items)


def setup(app: Sphinx) -> None:
    """Registers this component's directives and events, and the Indonesian interface."""
    app.add_directive("rancang-fakta", FactsDirective)
    app.add_directive("rancang-studi-kasus", CaseStudiesDirective)
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-resolved", _fill_lists)
