"""Akoma Ntoso round trip: regulation -> numbered tree -> AKN (:mod:`rancang.render.akn`) -> regulation YAML
(:mod:`rancang.importer.akn`) -> the identical numbered tree.

Random regulations come from the engine's property-test generators (tests/test_drafting_properties.py): BAB,
Bagian, Paragraf, Pasal, ayat, rincian four levels deep with closing words, Ketentuan Umum with abbreviations
and short names, ids, and every form of ``[[...]]`` reference (single, label only, several, ranges), with texts
full of ``& < > " '`` and non-ASCII. The tree built from what the reader gives back must equal the tree the AKN
was written from: every label, text span, reference target, anchor and eId.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, note, settings

from akn_roundtrip_support import comparable, round_trip
from rancang.importer.run import to_yaml
from rancang.models.project import Project
from test_drafting_properties import CATALOGUE, regulations

SETTINGS = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan",
                                              "kode": "73.72"}})
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_same_tree(original, again, read: dict, xml: bytes) -> None:
    first, second = comparable(original), comparable(again)
    if first != second:
        note(to_yaml(read, []))
        note(xml.decode("utf-8"))
        a = json.dumps(first, indent=1, ensure_ascii=False, default=str).splitlines()
        b = json.dumps(second, indent=1, ensure_ascii=False, default=str).splitlines()
        import difflib
        raise AssertionError("\n".join(list(difflib.unified_diff(a, b, lineterm="", n=3))[:80]))


@PROPERTY
@given(regulations(references=1))
def test_random_regulation_round_trips(data: dict) -> None:
    original, again, read, xml = round_trip(data, SETTINGS, CATALOGUE)
    assert_same_tree(original, again, read, xml)


@PROPERTY
@given(regulations(references=None))
def test_random_regulation_without_references_round_trips(data: dict) -> None:
    original, again, read, xml = round_trip(data, SETTINGS, CATALOGUE)
    assert_same_tree(original, again, read, xml)
