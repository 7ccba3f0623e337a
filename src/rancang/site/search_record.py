"""What the search index holds of one page: its weighted terms and its text blocks for snippets.

Taken from the page's doctree when Sphinx reads it (in whichever process reads it), so that the index is
fed from the page the reader sees, not from a second rendering of the data. Left out: everything the site
marks ``no-search`` (templated navigation, gallery controls, charts), the gallery's cards and category lists
(their words belong to the profiles they show), "belum tercatat" (a fact a profile does not give), raw HTML,
comments and tables of contents, so a snippet never shows a menu or a run of filter options.

Field weights, from the reader's expectation that a name outranks a passing mention:

* the page title (an innovation's or a regulation's name): :data:`TITLE`;
* an innovation's other names: :data:`ALIAS`; its summary section: :data:`SUMMARY`;
* the facts table (agency, affair, form, stage, ...): :data:`FACTS`; other headings: :data:`HEADING`;
* everything else: :data:`BODY`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from docutils import nodes
from sphinx import addnodes

from rancang.language.search_words import terms_of_words, words
from rancang.layout import CASE_STUDY_DOCS, INNOVATION_DOCS, REGULATION_DOCS
from rancang.site.gallery import kartu, studi_kasus_kartu

TITLE, ALIAS, SUMMARY, FACTS, HEADING, BODY = 10, 6, 4, 3, 2, 1

MAX_BLOCK_CHARS = 40_000
"""Text kept for snippets (a long regulation keeps its first this many characters; its terms are all indexed)."""

KINDS = {"inovasi": "Profil inovasi", "peraturan": "Peraturan", "studi-kasus": "Studi kasus",
         "halaman": "Halaman"}
"""Kind of page -> the label a result shows."""


def kind_of(docname: str) -> str:
    if docname.startswith(INNOVATION_DOCS):
        return "inovasi"
    if docname.startswith(REGULATION_DOCS):
        return "peraturan"
    if docname.startswith(CASE_STUDY_DOCS):
        return "studi-kasus"
    return "halaman"


@dataclass
class Record:
    """One page in the index: ``terms`` maps a term to its weighted count, ``best`` to the highest field weight it
    occurs with, ``length`` counts its words."""

    docname: str
    url: str
    title: str
    kind: str
    terms: dict[str, int] = field(default_factory=dict)
    length: int = 0
    blocks: list[str] = field(default_factory=list)
    best: dict[str, int] = field(default_factory=dict)


_NOT_TEXT = (nodes.raw, nodes.comment, nodes.substitution_definition, nodes.system_message, nodes.target,
             addnodes.toctree, kartu, studi_kasus_kartu, nodes.docinfo)


_NOT_SEARCHED = frozenset((
    "no-search",  # templated navigation, controls and charts (rancang.site.templated)
    "rancang-kategori",  # the gallery's category lists: links to listing pages, not content
    "rancang-belum-tercatat",  # "belum tercatat": a fact the profile does not give
))


def _skipped(node: nodes.Node) -> bool:
    if isinstance(node, _NOT_TEXT):
        return True
    return isinstance(node, nodes.Element) and not _NOT_SEARCHED.isdisjoint(node.get("classes", ()))


def _blocks(node: nodes.Node, weight: int) -> Iterator[tuple[int, str, bool]]:
    """(weight, text, is a heading) of every block of text under ``node``, in order."""
    for child in node.children:
        if _skipped(child):
            continue
        if isinstance(child, nodes.title):
            yield max(weight, HEADING), child.astext(), True
        elif isinstance(child, nodes.TextElement):
            text = child.astext()
            if text.strip():
                own = ALIAS if "rancang-nama-lain" in child.get("classes", ()) else weight
                yield own, text, False
        elif isinstance(child, nodes.Element):
            inner = weight
            if isinstance(child, nodes.section) and "summary" in child.get("ids", ()):
                inner = max(weight, SUMMARY)
            elif isinstance(child, nodes.table) and "rancang-fakta" in child.get("classes", ()):
                inner = max(weight, FACTS)
            yield from _blocks(child, inner)
        elif isinstance(child, nodes.Text) and child.astext().strip():
            yield weight, child.astext(), False


def record(doctree: nodes.document, docname: str, url: str) -> Record:
    """The index entry of the page read into ``doctree``."""
    title = ""
    counts: Counter[str] = Counter()
    length = 0
    best: dict[str, int] = {}
    kept: list[str] = []
    size = 0
    first = True
    for weight, text, heading in _blocks(doctree, BODY):
        if heading and first:
            title, weight, first = text, TITLE, False
        found = list(terms_of_words(words(text)))
        length += len(found)
        for term in found:
            counts[term] += weight
            if best.get(term, 0) < weight:
                best[term] = weight
        if weight != TITLE and size < MAX_BLOCK_CHARS:
            piece = " ".join(text.split())
            kept.append(piece[: MAX_BLOCK_CHARS - size])
            size += len(piece)
    return Record(docname, url, title or docname, kind_of(docname), dict(counts), length, kept, best)
