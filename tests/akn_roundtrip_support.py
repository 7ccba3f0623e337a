"""Shared by the AKN round-trip tests: export a regulation with the AKN writer, read it back with the importer,
build both and compare the numbered trees."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Mapping

from rancang.drafting.engine import build
from rancang.drafting.tree import Document
from rancang.importer.akn import read_akn
from rancang.language.akn_uri import AknUri, catalogue_uri
from rancang.language.citation import hierarchy_key, name_of
from rancang.models.catalogue import LegalBasis
from rancang.models.project import Project
from rancang.models.regulation import Regulation
from rancang.render.akn import Amendment, Metadata, render

TODAY = dt.date(2026, 12, 7)


def export(regulation: Regulation, document: Document, settings: Project,
           catalogue: Mapping[str, LegalBasis]) -> bytes:
    """The AKN of a built regulation, with metadata made here (the tree is what is read back)."""
    cited = sorted((c for c in regulation.legal_bases if c.id in catalogue),
                   key=lambda citation: hierarchy_key(catalogue[citation.id]))
    uri = AknUri("id-7372", "act", "perwali", regulation.year or TODAY.year, str(regulation.number or "uji"),
                 TODAY, "penetapan")
    amends = None
    if regulation.amends in catalogue:  # as rancang.render.akn.metadata names an amended act of the catalogue
        entry = catalogue[regulation.amends]
        amends = Amendment(catalogue_uri(entry, settings) or "", name_of(entry, settings))
    meta = Metadata(uri=uri, title=regulation.title, author=settings.office_title,
                    citations=[catalogue_uri(catalogue[c.id], settings) for c in cited],
                    terms=[d.term for d in regulation.definitions], amends=amends)
    return render(document, meta)


def comparable(value: Any) -> Any:
    """A tree as nested plain values (``source`` fields are not compared by the dataclasses either)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: comparable(getattr(value, f.name)) for f in dataclasses.fields(value) if f.compare}
    if isinstance(value, (list, tuple)):
        return [comparable(item) for item in value]
    return value


def round_trip(data: dict, settings: Project, catalogue: Mapping[str, LegalBasis], **build_args
               ) -> tuple[Document, Document, dict, bytes]:
    """(tree of ``data``, tree of what the importer read from its AKN, the YAML data read, the AKN)."""
    regulation = Regulation.model_validate(data)
    document, problems = build(regulation, settings, catalogue, **build_args)
    xml = export(regulation, document, settings, catalogue)
    read = read_akn(xml, "uji.xml", settings, catalogue)
    again = Regulation.model_validate(read)
    document_again, _problems = build(again, settings, catalogue, **build_args)
    return document, document_again, read, xml
