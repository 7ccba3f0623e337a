"""Run every drafting rule over a checked project, and apply the switches.

Rules see only files that passed the shape checks (a file with S/Y errors is
reported for those first). Codes can be switched off for the project or per
file in ``rancang.yaml``::

    pemeriksaan:
      abaikan: [L544]
      abaikan_per_berkas:
        "kb/inovasi/*.yaml": [L600]
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Mapping

from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.drafting.engine import Drafted
from rancang.lint.context import Draft, LintContext
from rancang.lint.registry import RULES, all_rules
from rancang.models import ProjectData
from rancang.locations import locate


def lint(root: Path, data: ProjectData, drafts: Mapping[str, Drafted]) -> list[Diagnostic]:
    """Every rule over the project and the regulations' trees (built once by the caller), switches applied."""
    if data.settings is None:
        return []  # the rules depend on the settings (region, spelling, switches): fix rancang.yaml first
    context = LintContext(root, data)
    for record_id, drafted in sorted(drafts.items()):
        if not drafted.problems:
            context.drafts.append(Draft(record_id, data.regulations[record_id], drafted.document))
    found: list[Diagnostic] = []
    for rule in all_rules():
        found.extend(rule.check(context))
    return _switches(root, data, found)


def _switches(root: Path, data: ProjectData, found: list[Diagnostic]) -> list[Diagnostic]:
    settings = data.settings
    if settings is None:
        return found
    config = settings.checks
    problems: list[Diagnostic] = []
    for index, code in enumerate(config.ignore):
        if not _known(code):
            problems.append(Diagnostic("P407", f"kode aturan '{code}' tidak dikenal", locate(config, "ignore", index),
                                       Severity.WARNING))
    for pattern, codes in config.ignore_per_file.items():
        for code in codes:
            if not _known(code):
                problems.append(Diagnostic("P407", f"kode aturan '{code}' tidak dikenal",
                                           locate(config, "ignore_per_file", pattern), Severity.WARNING))
    kept = []
    for diagnostic in found:
        if _matches(diagnostic.code, config.ignore):
            continue
        if config.ignore_per_file:  # the relative path resolves the file (system calls): only when needed
            relative = _relative(root, diagnostic.location)
            if any(_matches(diagnostic.code, codes) and fnmatch.fnmatch(relative, pattern)
                   for pattern, codes in config.ignore_per_file.items()):
                continue
        kept.append(diagnostic)
    return problems + kept


def _matches(code: str, selectors: list[str]) -> bool:
    """A selector is a code (``L544``) or a prefix of codes (``L6`` = every L6xx, ``L`` = every rule)."""
    return any(code.startswith(selector) for selector in selectors)


def _known(selector: str) -> bool:
    return any(code.startswith(selector) for code in RULES)


def _relative(root: Path, location: Location) -> str:
    try:
        return Path(location.path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return location.path

