"""Links between the site's pages, and to the documents it carries."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from rancang.layout import INNOVATION_DOCS, REGULATION_DOCS
from rancang.site import context

DOWNLOADS = "_unduhan"
"""Folder of the site that holds the regulations' and visits' DOCX and PDF."""

AKN = "akn"
"""Folder of the site that holds each regulation's Akoma Ntoso file, ``akn/<regulation id>.xml``."""
AKN_LABEL = "Naskah Akoma Ntoso (XML)"
"""How a regulation page names the link to its Akoma Ntoso file."""

RECORD_FOLDERS = (INNOVATION_DOCS, REGULATION_DOCS)
"""Documents of these folders are records (``.yaml``), read by the record parser."""


def doc_link(directive: SphinxDirective, docname: str, text: str) -> nodes.reference:
    """A link from the page being read to another document."""
    env = directive.env
    uri = context.of(env).builder.get_relative_uri(env.docname, docname)
    return nodes.reference("", text, internal=True, refuri=uri)
