"""Drafting rules: each with a stable code, a severity, its rationale and examples.

A rule is a function over the project (models and numbered trees) that yields
:class:`~rancang.diagnostics.Diagnostic`. Every rule carries a wrong and a
right example; the documentation page lists them and the tests run them, so
the page cannot drift from the code.

Codes ``L5xx`` are for regulations, ``L6xx`` for the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from rancang.codes import CODES, CodeInfo
from rancang.diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class Example:
    """A change to a small valid project that shows the rule.

    ``patch`` is YAML whose top-level keys replace those of the base file of
    ``target`` (``regulasi``, ``inovasi``, ``dasar-hukum`` or ``proyek``); see
    :mod:`rancang.lint.examples`.
    """

    target: str
    patch: str


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    severity: Severity
    rationale: str
    """The drafting rule it comes from, and where that rule is written."""
    wrong: Example
    right: Example
    check: Callable[["object"], Iterable[Diagnostic]] = field(compare=False, repr=False)
    beside_errors: bool = False
    """Reported also in a file that has errors (an unknown id, say): the rule reads only the text as written, which
    no such error makes wrong. Other rules wait until the file's errors are fixed."""


RULES: dict[str, Rule] = {}


def rule(code: str, title: str, severity: Severity, rationale: str, wrong: Example, right: Example, *,
         beside_errors: bool = False):
    """Decorator registering a check function as a rule (and its code for diagnostics)."""

    def register(check: Callable[["object"], Iterable[Diagnostic]]):
        if code in RULES or code in CODES and not code.startswith("L"):
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, title, severity, rationale, wrong, right, check, beside_errors)
        CODES[code] = CodeInfo(title, rationale, drafting_rule=True)
        return check

    return register


def reported_beside_errors(code: str) -> bool:
    """Whether a finding of ``code`` is reported in a file that has errors (:attr:`Rule.beside_errors`)."""
    found = RULES.get(code)
    return found is not None and found.beside_errors


def all_rules() -> Iterator[Rule]:
    """Every registered rule, by code (the rule modules register themselves when :mod:`rancang.lint` is
    imported)."""
    yield from sorted(RULES.values(), key=lambda r: r.code)
