"""Every example regulation (the repository's regulations/ and examples/*/regulations/) exported as Akoma Ntoso
exactly as ``rancang ekspor akn`` writes it, read back by :mod:`rancang.importer.akn`, and built again: the same
numbered tree. A Perubahan of a regulation of the project itself (a whole-text amendment) is not read back: the
reader says so, located, in Indonesian."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rancang.check import check_project
from rancang.diagnostics import RancangError
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
    if whole_text_amendment:
        with pytest.raises(RancangError) as raised:
            read_akn(xml, f"{record_id}.xml", data.settings, data.catalogue)
        (problem,) = raised.value.diagnostics
        assert problem.code == "S215"
        assert str(problem.location).startswith(f"{record_id}.xml:")
        assert "Peraturan Perubahan" in problem.message and "<mod" in problem.message
        return
    read = read_akn(xml, f"{record_id}.xml", data.settings, data.catalogue)
    again = Regulation.model_validate(read)
    document, problems = build(again, data.settings, data.catalogue, innovations=data.innovations,
                               agencies=data.agencies)
    assert not problems
    assert comparable(document) == comparable(drafts[record_id].document)
    # and so the same document: every paragraph of the DOCX rancang draft writes (the chart of a lampiran
    # aside, which the AKN does not carry; no example has one)
    template = template_path(root)
    assert docx_paragraphs(render(document, template)) == docx_paragraphs(render(drafts[record_id].document,
                                                                                 template))
