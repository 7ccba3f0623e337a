"""The page of one record (innovation profile or regulation)."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from rancang.models.innovation import Innovation
from rancang.site import state
from rancang.models.regulation import Regulation
from rancang.site.profile import profile_nodes
from rancang.site.regulation_page import regulation_nodes
from rancang.validation import validate
from rancang.yamlsource import load_text

logger = logging.getLogger(__name__)

DOWNLOADS = "_unduhan"
"""Folder of the site that holds the regulations' DOCX and PDF."""


def orphan() -> nodes.docinfo:
    """Records are reached from the gallery and indexes, not from a toctree."""
    docinfo = nodes.docinfo()
    field = nodes.field()
    field += nodes.field_name(text="orphan")
    field += nodes.field_body()
    docinfo += field
    return docinfo


def record_page(env, docname: str, text: str) -> list[nodes.Node]:
    shared = state.of(env)
    data = shared.data
    path = Path(env.srcdir) / f"{docname}.yaml"
    for name in ("rancang.yaml", "kb/perangkat-daerah.yaml", "kb/dasar-hukum.yaml"):
        # Sphinx re-reads a page on every build when a dependency is missing; a data file that appears later
        # is caught by the extension's stamps (every page is renewed then).
        if (Path(env.srcdir) / name).exists():
            env.note_dependency(str(Path(env.srcdir) / name))
    record_id = docname.rsplit("/", 1)[-1]
    is_innovation = docname.startswith("kb/inovasi/")
    # The project's data was read from these same files at the start of this build: reuse the record.
    model = (data.innovations if is_innovation else data.regulations).get(record_id)
    problems = []
    if model is None:  # not loaded (an error in it): read it again to report why, at its lines
        source, problems = load_text(text, str(path))
        if source is not None and not problems:
            model, problems = validate(Innovation if is_innovation else Regulation, source)
    if model is None:
        for problem in problems:
            logger.warning("%s: %s", problem.code, problem.message, location=(str(path), problem.location.line))
        return [orphan(), nodes.section("", nodes.title(text=record_id), ids=[record_id])]
    if isinstance(model, Innovation):
        def regulation_link(regulation_id: str) -> str | None:
            if regulation_id in data.regulations:
                return f"../../regulations/{regulation_id}.html"
            return None

        return [orphan(), *profile_nodes(record_id, model, data, shared.today, regulation_link)]
    return [orphan(), *regulation_page(env, record_id, model)]


def regulation_page(env, record_id: str, regulation: Regulation) -> list[nodes.Node]:
    from rancang.drafting.engine import build

    data = state.project_data(env)
    document, problems = build(regulation, data.settings, data.catalogue)
    for problem in problems:
        logger.warning("%s: %s", problem.code, problem.message, location=(problem.location.path,
                                                                          problem.location.line))
    title = f"{data.settings.regulation_name} tentang {regulation.title}"
    if regulation.is_draft:
        title = f"Rancangan {title}"
    from rancang.site.extension import note_downloads

    folder = Path(env.srcdir) / data.settings.outputs.documents
    files = {str(folder / f"{record_id}.{suffix}"): (folder / f"{record_id}.{suffix}").exists()
             for suffix in ("docx", "pdf")}
    note_downloads(env, files)
    downloads = [(label, f"../{DOWNLOADS}/{record_id}.{suffix}") for label, suffix in (("DOCX", "docx"),
                                                                                          ("PDF", "pdf"))
                 if files[str(folder / f"{record_id}.{suffix}")]]
    return regulation_nodes(document, title, downloads)
