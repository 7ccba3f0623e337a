"""The linter's evaluation harness (bench/bench_lint_eval.py) runs on its annotated corpus.

The targets (precision >= 90 %, recall >= 80 %) are measured and printed by the bench, not asserted here;
this checks that the corpus and its annotations agree and that every number can be computed.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def harness():
    spec = importlib.util.spec_from_file_location("bench_lint_eval", ROOT / "bench" / "bench_lint_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_lint_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_every_annotated_line_exists_and_holds_its_words(harness):
    expected, clean = harness.load_annotations()
    assert len(expected) >= 30 and len(clean) >= 30
    assert harness.annotation_problems(expected, clean) == []


def test_every_checked_file_has_an_annotation_and_the_other_way_round(harness):
    annotated = {item.file for item in harness.load_annotations()[0]}
    files = {f"regulations/{p.name}" for p in (harness.EVAL / "regulations").glob("*.yaml")}
    assert annotated == files | {"kb/dasar-hukum.yaml"}


def test_annotated_deviations_and_clean_passages_do_not_share_a_line(harness):
    expected, clean = harness.load_annotations()
    seeded = {(item.file, item.line) for item in expected}
    # A clean passage on the line of a deviation would let a wrong finding there pass as right.
    shared = [(c.file, c.line, c.words) for c in clean if (c.file, c.line) in seeded]
    assert shared == []


def test_every_annotated_class_and_code_is_known(harness):
    for item in harness.load_annotations()[0]:
        assert set(item.classes) <= set(harness.CLASSES)
        if item.code:
            assert harness.code_class(item.code) in item.classes, item


def test_codes_map_to_classes(harness):
    assert harness.code_class("L591") == "ejaan"
    assert harness.code_class("L585") == harness.code_class("L583") == "frasa"
    assert harness.code_class("L589") == "rujukan" and harness.code_class("L588") == "kapital"
    assert harness.code_class("L547") == "kapital"
    assert harness.code_class("L517") == harness.code_class("L546") == "katalog"
    assert harness.code_class("L550") == "rincian"
    assert harness.code_class("L532") == "rincian"
    assert harness.code_class("L563") == "rujukan"


def test_the_harness_checks_the_corpus_and_prints_every_class(harness):
    result = harness.evaluate()
    assert result["broken"] == [], "the eval regulations must be valid files (no S/P/R findings)"
    out = io.StringIO()
    table = harness.print_report(result, out)
    text = out.getvalue()
    assert "lint_eval_precision:" in text and "lint_eval_recall:" in text
    assert {"ejaan", "frasa", "kapital", "rujukan", "katalog", "rincian", "semua"} <= set(table)
    for row in table.values():
        assert 0 <= row["presisi"] <= 1 and 0 <= row["recall"] <= 1


def test_matching_pairs_one_finding_with_one_annotation(harness):
    item = harness.Expected("regulations/a.yaml", 5, "ijin", "ejaan", None, "", (5,), ("ejaan", "frasa"))
    twice = [harness.Finding("regulations/a.yaml", 5, 1, "L591", "'ijin'"),
             harness.Finding("regulations/a.yaml", 5, 9, "L592", "'ijin'"),
             harness.Finding("regulations/a.yaml", 6, 1, "L591", "'ijin'")]
    harness.match(twice, [item])
    assert [f.matched is item for f in twice] == [True, False, False]
