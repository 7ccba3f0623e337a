"""The page of one record (innovation profile or regulation), read by :class:`RecordParser`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers import Parser
from sphinx.application import Sphinx
from sphinx.util import logging

from rancang.documents import documents_folder
from rancang.drafting.tree import Mark, plain
from rancang.language import numbering
from rancang.layout import INNOVATION_DOCS, REGULATION_DOCS, SHARED_DATA_FILES, regulation_doc
from rancang.models.innovation import Innovation
from rancang.models.regulation import Regulation
from rancang.present.innovation import InnovationView
from rancang.present.titles import regulation_title
from rancang.render.bagan import available as bagan_available
from rancang.site import context
from rancang.site.domain import RancangDomain
from rancang.site.links import AKN, AKN_LABEL, DOWNLOADS, RECORD_FOLDERS
from rancang.site.profile import profile_nodes
from rancang.site.readiness import profile_section as readiness_section
from rancang.site.replication import profile_links
from rancang.site.regulation_page import Consolidated, Version, VersionPoint, marked_anchors, regulation_nodes
from rancang.site.richtext import project_images
from rancang.validation import validate
from rancang.yamlsource import load_text

logger = logging.getLogger(__name__)

__all__ = ["DOWNLOADS", "RecordParser", "record_page"]


class RecordParser(Parser):
    """Turns ``kb/inovasi/<id>.yaml`` and ``regulations/<id>.yaml`` into pages."""

    supported = ("rancang-yaml",)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        for node in record_page(env, env.docname, inputstring):
            document += node


def orphan() -> nodes.docinfo:
    """Records are reached from the gallery and indexes, not from a toctree."""
    docinfo = nodes.docinfo()
    field = nodes.field()
    field += nodes.field_name(text="orphan")
    field += nodes.field_body()
    docinfo += field
    return docinfo


def record_page(env, docname: str, text: str) -> list[nodes.Node]:
    shared = context.of(env)
    data = shared.data
    path = Path(env.srcdir) / f"{docname}.yaml"
    # The shared data files (agencies, catalogue, settings) are not noted as dependencies of every record page:
    # :func:`_outdated` renews every page when one of them changes (their stamps, kept in the domain), and
    # Sphinx would check them for each page on every build (three stats a record).
    record_id = docname.rsplit("/", 1)[-1]
    is_innovation = docname.startswith(INNOVATION_DOCS)
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
                return shared.builder.get_relative_uri(docname, regulation_doc(regulation_id))
            return None

        links, party_link = profile_links(env, docname)
        page = profile_nodes(InnovationView(record_id, model, data), shared.today, regulation_link,
                             project_images(Path(env.srcdir)), links, party_link)
        readiness = readiness_section(env, docname)
        if readiness is not None:  # before the sources, which end the page
            sections = [child for child in page[0].children if isinstance(child, nodes.section)]
            last = sections[-1] if sections and "sumber" in sections[-1]["ids"] else None
            page[0].insert(page[0].index(last) if last is not None else len(page[0]), readiness)
        return [orphan(), *page]
    return [orphan(), *regulation_page(env, record_id, model)]


def regulation_page(env, record_id: str, regulation: Regulation) -> list[nodes.Node]:
    shared = context.of(env)
    data = shared.data
    drafted = shared.draft(record_id) if data.regulations.get(record_id) is regulation else None
    if drafted is not None:  # built once per run, by the check
        document, problems = drafted.document, drafted.problems
    else:  # a file the check did not load (plain sphinx-build only): read again above, drafted here
        from rancang.drafting.engine import build

        document, problems = build(regulation, data.settings, data.catalogue, innovations=data.innovations,
                                   agencies=data.agencies)
    for problem in problems:
        logger.warning("%s: %s", problem.code, problem.message, location=(problem.location.path,
                                                                          problem.location.line))
    if any(annex.innovations is not None for annex in regulation.annexes):
        RancangDomain.of(env).note_aggregate(env.docname)  # its lampiran lists the innovations' records
    title = regulation_title(data.settings, regulation, data)
    history = _history(env, record_id) if data.regulations.get(record_id) is regulation else None
    consolidated: Consolidated | None = None
    links: list[tuple[str, str, str]] = []
    names = [(record_id, "")]  # (file name, what it is beside the regulation itself)
    if history is not None:
        RancangDomain.of(env).note_aggregate(env.docname)  # its versions are other files: read again with them
        if record_id == history.base_id:
            document = history.consolidated()
            consolidated = _consolidated(env, history, document)
            names.append((f"{record_id}-terintegrasi", "Naskah terintegrasi"))
        else:
            base = data.regulations[history.base_id]
            links.append(("Naskah terintegrasi", regulation_title(data.settings, base, data),
                          shared.builder.get_relative_uri(env.docname, regulation_doc(history.base_id))))
            names += [(f"{record_id}-matriks", "Matriks perbandingan"), (f"{record_id}-lacak", "Perubahan terlacak")]
    folder = documents_folder(Path(env.srcdir), data)
    files = {str(folder / f"{name}.{suffix}"): (folder / f"{name}.{suffix}").exists()
             for name, _word in names for suffix in ("docx", "pdf")}
    RancangDomain.of(env).note_downloads(env.docname, files)
    downloads = [(f"{word} ({label})" if word else label, f"../{DOWNLOADS}/{name}.{suffix}") for name, word in names
                 for label, suffix in (("DOCX", "docx"), ("PDF", "pdf")) if files[str(folder / f"{name}.{suffix}")]]
    if data.settings.region.code is not None:  # rancang.site.akn writes it then (without the code: P465, no file)
        downloads.append((AKN_LABEL, f"../{AKN}/{record_id}.xml"))
    if any(annex.chart is not None for annex in document.annexes) and not bagan_available():
        env.note_reread()  # its charts are notes: drawn by the next build on a machine with Graphviz
    return regulation_nodes(document, title, downloads, project_images(Path(env.srcdir)), consolidated,
                            tuple(links))


# -- an amended regulation: its consolidated text -----------------------------------------------------------------


def _history(env, record_id: str):
    """The versions a regulation file belongs to (:func:`rancang.drafting.consolidation.history`), built once per
    process and build; None when it is neither amended nor a whole-text amendment."""
    from rancang.drafting import consolidation

    shared = context.of(env)
    data = shared.data
    named = shared.once("amended-ids", lambda: {r.amends for r in data.regulations.values() if r.amends})
    regulation = data.regulations[record_id]
    if data.settings is None or (record_id not in named and regulation.amends not in data.regulations):
        return None  # most regulations: no look at the others' bodies
    histories = shared.once("histories", dict)
    base = consolidation.base_of(record_id, data)
    if base not in histories:
        histories[base] = consolidation.history(base, data)
    return histories[base]


def _consolidated(env, history, document) -> Consolidated:
    """The riwayat versi of an amended regulation's page and the links of its marks."""
    shared = context.of(env)
    data = shared.data
    anchors = marked_anchors(document)

    def page(record_id: str) -> str:
        return shared.builder.get_relative_uri(env.docname, regulation_doc(record_id))

    def mark_uri(mark: Mark) -> str | None:
        record_id, _hash, fragment = mark.target.partition("#")
        if record_id not in data.regulations:
            return None
        return f"{page(record_id)}#{fragment}" if fragment else page(record_id)

    listed = []
    for index, step in enumerate(history.steps):
        regulation = step.regulation
        state = f"ditetapkan {_date(regulation.enactment.date)}" if regulation.is_enacted else "rancangan"
        points = []
        drafted = shared.draft(step.record_id) if index else None
        if drafted is not None and drafted.document.body:
            first = drafted.document.body[0]
            for change in first.changes:
                # the single form: the one change's instruction is Pasal I's lead
                words = plain(change.text) or (plain(first.clauses[0].text) if first.clauses else "")
                points.append(VersionPoint(change.label, words, anchors.get(f"{step.record_id}#{change.anchor}")))
        listed.append(Version(step.citation, state, page(step.record_id), points))
    return Consolidated(listed, mark_uri)


def _date(value) -> str:
    """An enactment date as the riwayat versi prints it: ``1 Februari 2024`` (``Februari 2024``, ``2024``)."""
    if value.day:
        return numbering.long_date(value.as_date())
    if value.month:
        return numbering.month_year(value.year, value.month)
    return str(value.year)


# -- when record pages and the pages that show every record are read again -------------------------


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """A page that aggregates records is outdated when any record is; a page with download links when the
    documents it links appear or disappear."""
    domain = RancangDomain.of(env)
    outdated = domain.downloads_changed()
    records = {d for d in added | changed | removed if d.startswith(RECORD_FOLDERS)}
    if _data_files_changed(app, domain):
        outdated |= set(env.found_docs)  # agency names, catalogue, settings: shown on every record page
    elif records:
        outdated |= {docname for docname in domain.aggregates if domain.aggregate_changed(docname)}
        outdated |= _amended_pages(env, [d[len(REGULATION_DOCS):] for d in added | changed
                                         if d.startswith(REGULATION_DOCS)])
    return sorted(outdated - added - changed - removed)


def _amended_pages(env: Any, record_ids: list[str]) -> set[str]:
    """The pages of the regulations these files amend: a new whole-text amendment renews the page of the
    regulation it amends (its consolidated text), which was not an aggregate before."""
    data = context.of(env).data
    if not any(data.regulations.get(record_id) is not None and data.regulations[record_id].amends
               in data.regulations for record_id in record_ids):
        return set()
    from rancang.drafting import consolidation

    return {regulation_doc(consolidation.base_of(record_id, data)) for record_id in record_ids
            if record_id in data.regulations} & set(env.found_docs)


def _data_files_changed(app: Sphinx, domain: RancangDomain) -> bool:
    """kb/perangkat-daerah.yaml, kb/dasar-hukum.yaml and rancang.yaml are not documents; track their mtimes."""
    root = Path(app.srcdir)
    stamps = {}
    for name in SHARED_DATA_FILES:
        path = root / name
        stamps[name] = path.stat().st_mtime_ns if path.exists() else 0
    return domain.data_files_changed(stamps)


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


def setup(app: Sphinx) -> None:
    app.add_source_suffix(".yaml", "rancang-yaml", override=True)
    app.add_source_parser(RecordParser, override=True)
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-read", _lean_toc, priority=600)  # after Sphinx's toc collector (500)
