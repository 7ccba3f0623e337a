"""Directives for the region's own pages in kb/ (they aggregate records)."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.documents import KINDS, documents_folder
from rancang.layout import REGULATION_DOCS
from rancang.site import context
from rancang.site.domain import RancangDomain
from rancang.site.links import DOWNLOADS, doc_link
from rancang.present.titles import regulation_title
from rancang.present.visit import parties, visit_date


VISIT_DOCUMENTS = {"brief": "Bahan kunjungan", "report": "Laporan hasil"}
"""The documents of a visit (kinds of :data:`rancang.documents.KINDS`) and their labels, in list order."""


class RegulationsDirective(SphinxDirective):
    """``{rancang-peraturan}``: the project's regulations with links to their pages."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        RancangDomain.of(self.env).note_aggregate(self.env.docname)
        data = context.of(self.env).data
        items = nodes.bullet_list(classes=["rancang-daftar-peraturan"])
        for record_id, regulation in sorted(data.regulations.items()):
            title = regulation_title(data.settings, regulation, data)
            para = nodes.paragraph()
            para += doc_link(self, f"{REGULATION_DOCS}{record_id}", title)
            items += nodes.list_item("", para)
        if not data.regulations:
            return [nodes.paragraph(text="Belum ada rancangan peraturan.")]
        return [items]


class VisitsDirective(SphinxDirective):
    """``{rancang-kunjungan}``: the study visits with their brief and report for download."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        domain = RancangDomain.of(self.env)
        domain.note_aggregate(self.env.docname)
        shared = context.of(self.env)
        data = shared.data
        if not data.visits:
            return [nodes.paragraph(text="Belum ada kunjungan kerja.")]
        folder = documents_folder(Path(self.env.srcdir), data)
        here = shared.builder.get_target_uri(self.env.docname)
        up = "../" * here.count("/")
        items = nodes.bullet_list(classes=["rancang-daftar-kunjungan"])
        files: dict[str, bool] = {}
        for record_id, visit in sorted(data.visits.items(), key=lambda kv: kv[1].date, reverse=True):
            host, guest = parties(visit, data)
            para = nodes.paragraph()
            para += nodes.strong(text=visit.title or f"Kunjungan kerja {guest} ke {host}")
            para += nodes.Text(f", {visit_date(visit)}. ")
            links = []
            for kind, label in VISIT_DOCUMENTS.items():
                for suffix in ("docx", "pdf"):
                    name = f"{record_id}-{KINDS[kind]}.{suffix}"
                    path = folder / name
                    files[str(path)] = path.exists()
                    if files[str(path)]:
                        links.append((f"{label} ({suffix.upper()})", f"{up}{DOWNLOADS}/{name}"))
            for index, (label, uri) in enumerate(links):
                if index:
                    para += nodes.Text(" · ")
                para += nodes.reference("", label, refuri=uri)
            items += nodes.list_item("", para)
        domain.note_downloads(self.env.docname, files)
        return [items]


def setup(app: Sphinx) -> None:
    app.add_directive("rancang-peraturan", RegulationsDirective)
    app.add_directive("rancang-kunjungan", VisitsDirective)
