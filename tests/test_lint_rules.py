"""Every drafting rule, both directions: its wrong example gets exactly its code,
its right example gets nothing. The same examples make the documentation page."""

from __future__ import annotations

import pytest

from rancang.check import check_project
from rancang.lint.examples import write_project
from rancang.lint.registry import Example, all_rules

RULES = list(all_rules())


def findings(tmp_path, monkeypatch, example: Example) -> list:
    root = write_project(tmp_path, example)
    monkeypatch.chdir(root)
    checked = check_project(root)
    report = checked.report
    return report.sorted()


def test_the_base_project_is_clean(tmp_path, monkeypatch):
    assert [d.format() for d in findings(tmp_path, monkeypatch, Example("regulasi", "{}"))] == []


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_wrong_example_gets_exactly_its_rule(rule, tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, rule.wrong)
    assert found, f"{rule.code}: the wrong example is not reported"
    assert {d.code for d in found} == {rule.code}, [d.format() for d in found]
    assert all(d.severity is rule.severity for d in found)
    assert all(d.location.line > 0 for d in found)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_right_example_is_clean(rule, tmp_path, monkeypatch):
    assert [d.format() for d in findings(tmp_path, monkeypatch, rule.right)] == []


def test_rules_have_indonesian_titles_and_rationales():
    for rule in RULES:
        assert rule.code[0] == "L" and rule.code[1:].isdigit()
        assert rule.title and rule.rationale
