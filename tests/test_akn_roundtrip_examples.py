"""Every example regulation (the repository's regulations/ and examples/*/regulations/) exported as Akoma Ntoso
exactly as ``rancang ekspor akn`` writes it, read back by :mod:`rancang.importer.akn`, and built again: the same
numbered tree. A Perubahan of a regulation of the project itself (a whole-text amendment) is read back, given the
project, as its whole new text: built again in the project it gives the identical Perubahan."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from rancang.check import check_project
from rancang.drafting import amendment
from rancang.documents import template_path
from rancang.drafting.engine import build
from rancang.importer.akn import read_akn
from rancang.models.regulation import Regulation
from rancang.render import akn
from rancang.render.regulation_docx import render

from akn_roundtrip_support import comparable
from test_drafting_properties import docx_paragraphs

REPO = Path(__file__).resolve().parents[1]
PROJECTS = [REPO, *sorted(path.parent for path in (REPO / "examples").glob("*/rancang.yaml"))]
TODAY = dt.date(2026, 12, 7)


def _cases() -> list:
    cases = []
    for root in PROJECTS:
        for path in sorted((root / "regulations").glob("*.yaml")):
            cases.append(pytest.param(root, path.stem, id=f"{root.name}/{path.stem}"))
    return cases


_LOADED: dict[Path, tuple] = {}


def _project(root: Path) -> tuple:
    if root not in _LOADED:
        data = check_project(root, []).data
        _LOADED[root] = (data, amendment.build_all(data))
    return _LOADED[root]


@pytest.mark.parametrize(("root", "record_id"), _cases())
def test_example_regulation_round_trips(root: Path, record_id: str) -> None:
    data, drafts = _project(root)
    meta = akn.metadata(data, record_id, TODAY)
    assert not isinstance(meta, akn.Diagnostic), meta
    xml = akn.render(drafts[record_id].document, meta)
    whole_text_amendment = amendment.amended_regulation(data.regulations[record_id], data.regulations) is not None
    # a Perubahan of a regulation of the project is read back as its whole new text, given the project
    read = read_akn(xml, f"{record_id}.xml", data.settings, data.catalogue, project=data)
    again = Regulation.model_validate(read)
    if whole_text_amendment:
        assert read["mengubah"] == data.regulations[record_id].amends
        changed = dataclasses.replace(data, regulations={**data.regulations, record_id: again})
        built = amendment.build(record_id, changed)
        assert built is not None
        document, problems = built.document, built.problems
    else:
        document, problems = build(again, data.settings, data.catalogue, innovations=data.innovations,
                                   agencies=data.agencies)
    assert not problems
    assert comparable(document) == comparable(drafts[record_id].document)
    # and so the same document: every paragraph of the DOCX rancang draft writes (the chart of a lampiran
    # aside, which the AKN does not carry; no example has one)
    template = template_path(root)
    assert docx_paragraphs(render(document, template)) == docx_paragraphs(render(drafts[record_id].document,
                                                                                 template))
