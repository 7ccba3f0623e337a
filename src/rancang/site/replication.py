"""Replication on the site: the graph of ``{rancang-replikasi}`` and the links on each profile page.

``{rancang-replikasi}`` (the page ``kb/replikasi.md``) shows every replication link our profiles record
(:func:`rancang.present.replication.replication_graph`): a directed graph drawn by Graphviz's ``dot`` as
inline SVG -- our innovations, other regions' innovations (``<direktori>:<id>``) and regions named only in
words, an arrow "mereplikasi" from the innovation that replicates to the one it replicates, each innovation a
link to its profile page (another region's on its published site, when its directory is on the web) -- and
under it a table of every link, which says the same for a screen reader, and is the whole content when
Graphviz is not installed (a note says so, and the next build on a machine with Graphviz draws it).

The figure is the Jinja template :data:`TEMPLATE`; Python computes what it shows. The SVG is Graphviz's
output, reworked as an element tree: user text reaches DOT only inside HTML-like labels built with
:mod:`xml.etree.ElementTree` (as :mod:`rancang.render.bagan` does), node and edge names are generated, and
links and titles are added to the SVG afterwards, as elements, never through DOT strings.

Incremental builds: a page shows links that other profiles may record (``B`` says ``dari A``: A's page lists
``B`` among "Direplikasi oleh"), and another region's names come from the copy of its directory. So each page
that shows replication notes a digest of what it shows (:meth:`RancangDomain.note_shown`), and
:func:`_outdated` reads again, on every build, the pages whose digest is no longer what they show -- a
profile that gained its first link included. The graph is computed once per build, in one pass over the
profiles.
"""

from __future__ import annotations

import hashlib
import textwrap
import xml.etree.ElementTree as ET
from typing import Any

from docutils import nodes
from lxml import etree
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from rancang.layout import INNOVATION_DOCS, innovation_doc
from rancang.present.replication import (
    Party,
    PartyKind,
    ProfileLinks,
    ReplicationGraph,
    links_by_record,
    replication_graph,
)
from rancang.render.bagan import BaganError, NotInstalled, available, run_dot
from rancang.site import context, templated
from rancang.site.domain import RancangDomain

logger = logging.getLogger(__name__)

TEMPLATE = "rancang-replikasi.html"
"""The figure of ``{rancang-replikasi}`` (in ``templates/``)."""

TITLE = "Grafik replikasi inovasi"

SHOWN = "replikasi"
"""What the pages note they show (:meth:`RancangDomain.note_shown`)."""

NO_GRAPHVIZ = ("Graphviz (program dot) tidak terpasang saat situs ini dibangun, jadi grafik replikasi belum "
               "digambar. Tabel di bawah memuat semua tautan replikasi yang sama; grafiknya muncul setelah situs "
               "dibangun ulang di komputer yang memasang paket graphviz (apt-get install graphviz).")

EMPTY = ("Belum ada replikasi yang tercatat: belum ada profil inovasi dalam direktori ini yang mengisi "
         "replikasi.dari atau replikasi.oleh.")

STYLE = {
    PartyKind.OURS: 'shape=box, style="rounded,filled", fillcolor="#dcecf4", color="#2f6f8f"',
    PartyKind.FOREIGN: 'shape=box, style="rounded,filled,dashed", fillcolor="#fdf1dc", color="#9a5b00"',
    PartyKind.REGION: 'shape=ellipse, style="filled", fillcolor="#eeeeee", color="#666666"',
}
"""How each kind of node is drawn (the legend of the template shows the same colours)."""

WRAP = 28
"""Characters per line in a node."""

SVG_NS = "http://www.w3.org/2000/svg"


# -- what a build shows -------------------------------------------------------------------------------------


def graph_of(env: Any) -> ReplicationGraph:
    """The replication graph of this build, computed once."""
    shared = context.of(env)
    return shared.once("replikasi", lambda: replication_graph(shared.data))


def links_of(env: Any) -> dict[str, ProfileLinks]:
    """Our innovation id -> its links, for the profile pages (only innovations that have one)."""
    return context.of(env).once("replikasi-profil", lambda: links_by_record(graph_of(env)))


def digest(value: Any) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


def graph_digest(env: Any) -> str:
    """What the graph page shows: the graph, and whether it can be drawn."""
    return digest((graph_of(env), available()))


def party_uri(env: Any, docname: str, party: Party) -> str | None:
    """The page of a party, relative to ``docname``: our profile's page, or another region's published page."""
    if party.kind is PartyKind.OURS and party.record_id:
        return context.of(env).builder.get_relative_uri(docname, innovation_doc(party.record_id))
    return party.url


# -- the profile page ---------------------------------------------------------------------------------------


def profile_links(env: Any, docname: str) -> tuple[ProfileLinks | None, Any]:
    """The links the profile page ``docname`` lists and a function giving the URI of a party on that page; the
    page notes what it shows (see the module's docstring)."""
    record_id = docname[len(INNOVATION_DOCS):]
    links = links_of(env).get(record_id)
    if links:
        RancangDomain.of(env).note_shown(docname, SHOWN, digest(links))
    return links, lambda party: party_uri(env, docname, party)


# -- the graph ----------------------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WRAP, break_long_words=False, break_on_hyphens=False) or [" "]


def _label(party: Party) -> str:
    """An HTML-like DOT label built as an element tree: every character of a name is text."""
    root = ET.Element("L")
    head = ET.SubElement(root, "B") if party.kind is not PartyKind.REGION else root
    _text_lines(head, _lines(party.name))
    if party.kind is not PartyKind.REGION and party.region:
        ET.SubElement(root, "BR")
        _text_lines(ET.SubElement(root, "FONT", {"POINT-SIZE": "11"}), _lines(party.region))
    xml = ET.tostring(root, encoding="unicode")
    return "<" + xml.removeprefix("<L>").removesuffix("</L>").replace("<BR />", "<BR/>") + ">"


def _text_lines(parent: ET.Element, lines: list[str]) -> None:
    for index, line in enumerate(lines):
        line = line.replace("\\", "\\\\")  # dot expands \N, \G, \L... even in HTML-like labels
        if index == 0:
            parent.text = line
        else:
            ET.SubElement(parent, "BR").tail = line


def dot_source(graph: ReplicationGraph) -> str:
    """The DOT text of the graph: node ``n<i>`` is ``graph.parties[i]``, edge ``e<j>`` is ``graph.links[j]``
    (their SVG elements carry these ids, so that links and titles are added to them afterwards)."""
    index = graph.party_index()
    lines = [
        "digraph replikasi {",
        '  graph [rankdir=LR, nodesep=0.25, ranksep=0.7, fontname="sans-serif", bgcolor="transparent", pad=0.1];',
        '  node [fontname="sans-serif", fontsize=14, margin="0.16,0.08", penwidth=1.2];',
        '  edge [color="#2f6f8f", penwidth=1.3, arrowsize=0.8];',
    ]
    for number, party in enumerate(graph.parties):
        lines.append(f'  n{number} [id="n{number}", label={_label(party)}, {STYLE[party.kind]}];')
    for number, link in enumerate(graph.links):
        lines.append(f'  n{index[link.replicator.key]} -> n{index[link.original.key]} [id="e{number}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def link_sentence(link: Any) -> str:
    """``Layanan Kilat (Kota Tetangga) mereplikasi Call Center 112 (Kota Parepare), 2019``."""
    text = f"{link.replicator.label} mereplikasi {link.original.label}"
    return text + (f", {link.year}" if link.year else "")


def svg_markup(graph: ReplicationGraph, uris: list[str | None], ident: str) -> str:
    """The graph as an ``<svg>`` element: each node a link to its page (``uris[i]`` of ``graph.parties[i]``,
    none for a region) with a title, each edge with a title (``A mereplikasi B``), the whole labelled by a
    ``<title>`` and a ``<desc>`` that says every link. Raises :class:`BaganError` (:class:`NotInstalled`)."""
    parser = etree.XMLParser(remove_comments=True, remove_blank_text=True, resolve_entities=False,
                             no_network=True, load_dtd=False)
    root = etree.fromstring(run_dot(dot_source(graph), "svg", None), parser)
    svg = f"{{{SVG_NS}}}"
    for element in list(root.iter(f"{svg}title")):  # Graphviz's: the generated names
        element.getparent().remove(element)
    for group in list(root.iter(f"{svg}g")):
        name = group.get("id", "")
        group.attrib.pop("id", None)
        if name.startswith("n") and name[1:].isdigit():
            party = graph.parties[int(name[1:])]
            group.set("class", f"node rancang-replikasi-{party.kind.value}")
            uri = uris[int(name[1:])]
            holder = group
            if uri:
                holder = etree.SubElement(group, f"{svg}a")
                holder.set("href", uri)
                for child in [c for c in group if c is not holder]:
                    holder.append(child)
            title = etree.Element(f"{svg}title")
            title.text = party.label
            holder.insert(0, title)
        elif name.startswith("e") and name[1:].isdigit():
            title = etree.Element(f"{svg}title")
            title.text = link_sentence(graph.links[int(name[1:])])
            group.insert(0, title)
    for element in root.iter():
        if element is not root:
            element.attrib.pop("id", None)
    heading = etree.Element(f"{svg}title", id=f"{ident}-judul")
    heading.text = TITLE
    description = etree.Element(f"{svg}desc", id=f"{ident}-uraian")
    description.text = describe(graph)
    root.insert(0, description)
    root.insert(0, heading)
    root.set("role", "group")
    root.set("aria-labelledby", f"{ident}-judul {ident}-uraian")
    root.set("class", "rancang-replikasi-svg")
    return etree.tostring(root, encoding="unicode")


def describe(graph: ReplicationGraph) -> str:
    """Every link in one sentence (the graph's ``<desc>``)."""
    return (f"Graf berarah, {len(graph.parties)} simpul dan {len(graph.links)} tautan replikasi; setiap panah "
            "berarti mereplikasi. " + "; ".join(link_sentence(link) for link in graph.links) + ".")


def party_view(party: Party, uri: str | None) -> dict[str, Any]:
    return {"nama": party.name, "wilayah": party.region if party.kind is not PartyKind.REGION else None,
            "uri": uri, "jenis": party.kind.value}


def figure_view(env: Any, docname: str, graph: ReplicationGraph, ident: str) -> dict[str, Any]:
    """What :data:`TEMPLATE` shows (see its header)."""
    uris = [party_uri(env, docname, party) for party in graph.parties]
    markup, note = None, None
    if graph.links:
        try:
            markup = svg_markup(graph, uris, ident)
        except NotInstalled:
            note = NO_GRAPHVIZ
            env.note_reread()  # drawn by the next build on a machine with Graphviz
        except BaganError as error:
            note = f"Grafik replikasi tidak dapat digambar ({error}). Tabel di bawah memuat semua tautannya."
            logger.warning("grafik replikasi tidak dapat digambar: %s", error, location=docname)
    index = graph.party_index()
    shared = context.of(env)
    rows = []
    for link in graph.links:
        rows.append({
            "replikator": party_view(link.replicator, uris[index[link.replicator.key]]),
            "asal": party_view(link.original, uris[index[link.original.key]]),
            "tahun": link.year,
            "keterangan": list(link.notes),
            "dicatat": [(shared.data.innovations[record_id].name,
                         shared.builder.get_relative_uri(docname, innovation_doc(record_id)))
                        for record_id in link.recorded_in],
        })
    kinds = [kind for kind in PartyKind if any(party.kind is kind for party in graph.parties)]
    return {"id": ident, "judul": TITLE, "svg": markup, "catatan": note, "kosong": EMPTY if not graph.links else None,
            "legenda": [(kind.value, kind.label) for kind in kinds], "baris": rows,
            "jumlah": {"simpul": len(graph.parties), "tautan": len(graph.links)}}


class ReplicationDirective(SphinxDirective):
    """``{rancang-replikasi}``: the replication graph and the table of its links."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        graph = graph_of(self.env)
        RancangDomain.of(self.env).note_shown(self.env.docname, SHOWN, graph_digest(self.env))
        ident = f"rancang-replikasi-{self.env.new_serialno('rancang-replikasi')}"
        view = figure_view(self.env, self.env.docname, graph, ident)
        html = context.of(self.env).builder.templates.render(TEMPLATE, {"replikasi": view})
        return [templated.block(html)]


# -- incremental builds -------------------------------------------------------------------------------------


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """The pages whose replication links are no longer what they show (see the module's docstring)."""
    domain = RancangDomain.of(env)
    noted = domain.shown(SHOWN)
    current = {innovation_doc(record_id): digest(links) for record_id, links in links_of(env).items()}
    outdated = set()
    for docname in set(noted) | set(current):
        if docname.startswith(INNOVATION_DOCS):
            if noted.get(docname) != current.get(docname):
                outdated.add(docname)
        elif noted[docname] != graph_digest(env):
            outdated.add(docname)
    return sorted((outdated & set(env.found_docs)) - added - changed - removed)


def setup(app: Sphinx) -> None:
    app.add_directive("rancang-replikasi", ReplicationDirective)
    app.connect("env-get-outdated", _outdated)
