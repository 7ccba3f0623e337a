"""Run every drafting rule over a checked project, and apply the switches.

Rules see only files that passed the shape checks (a file with S/Y errors is
reported for those first). Codes can be switched off for the project or per
file in ``rancang.yaml``::

    pemeriksaan:
      abaikan: [L544]
      abaikan_per_berkas:
        "kb/inovasi/*.yaml": [L600]

and per element of a regulation, in the regulation's own file (by the element's id)::

    abaikan_aturan:
      pasal-susunan: [L544]
      istilah-inisiator: [L545]

A finding is switched off for an element when it is located inside that element's YAML (its id's mapping).
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import functools
import hashlib
from pathlib import Path
from typing import Mapping

from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.drafting.engine import Drafted
from rancang.lint.context import Draft, LintContext
from rancang.lint.registry import RULES, Rule, all_rules
from rancang.loader import AGENCIES_MEMO
from rancang.models import ProjectData
from rancang.models.base import Model
from rancang.locations import locate


def lint(root: Path, data: ProjectData, drafts: Mapping[str, Drafted]) -> list[Diagnostic]:
    """Every rule over the project and the regulations' trees (built once by the caller), switches applied."""
    if data.settings is None:
        return []  # the rules depend on the settings (region, spelling, switches): fix rancang.yaml first
    context = LintContext(root, data)
    for record_id, drafted in sorted(drafts.items()):
        if not drafted.problems:
            # a whole-text amendment is read as its author wrote it (its whole text), not as its Pasal I
            text = drafted.text if drafted.text is not None else drafted.document
            context.drafts.append(Draft(record_id, data.regulations[record_id], text))
    context.memos = _memos(root, data)
    per_profile = _per_profile(context) if context.memos is not None else {}
    found: list[Diagnostic] = []
    for rule in all_rules():
        if rule.code in per_profile:
            found.extend(per_profile[rule.code])
        elif rule.code in WHOLE_FILE and context.memos is not None and WHOLE_FILE[rule.code] in context.memos:
            found.extend(context.remember(WHOLE_FILE[rule.code], f"temuan {rule.code}",
                                          lambda rule=rule: list(rule.check(context))))
        elif rule.code in NEEDLES and context.memos is not None:
            found.extend(rule.check(_only_with(context, NEEDLES[rule.code])))
        else:
            found.extend(rule.check(context))
    return _switches(root, data, found)


# -- what a build keeps of each profile (its memo in the record cache) ------------------------------------------

PER_PROFILE = ("L600", "L601", "L602", "L603", "L604")
"""Rules whose findings on a profile depend on that profile alone: not on the settings, the other records or
any other file; and which go through the profiles in order of their ids, so that the findings on a set of
profiles are those on each profile, one profile after another (``tests/test_lint_memo.py`` checks both on the
rule examples). A build keeps each profile's findings with the record: only a changed profile is looked at
again."""

NEEDLES = {"L610": "<", "L611": "!["}
"""Rules on the Markdown fields that find nothing in a text without the string given (a tag, an image). Which
profiles hold it somewhere is kept with each record, so that the rule (which also looks at other files: the
images) is run only on those."""

WHOLE_FILE = {"L606": AGENCIES_MEMO}
"""Rules whose findings depend on one data file alone (and the code and settings): kept with that file's memo."""

_MEMO_VERSION = "lint-1"


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """Changes with the code the memos come from: the rules, what they read (language data) and how records
    are read (:func:`rancang.record_cache.code_version`)."""
    from rancang.record_cache import code_version

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"{_MEMO_VERSION}\0{code_version()}".encode())
    for folder in ("lint", "language"):
        for item in sorted((package / folder).rglob("*")):
            if item.is_file() and "__pycache__" not in item.parts:
                digest.update(item.relative_to(package).as_posix().encode())
                digest.update(item.read_bytes())
    for name in ("locations.py", "richtext.py"):
        item = package / name
        if item.is_file():
            digest.update(item.read_bytes())
    return digest.hexdigest()


def _memos(root: Path, data: ProjectData) -> dict[str, dict] | None:
    """The profiles' memos (None without a record cache), those written by other code or under other settings
    emptied: each memo holds the version of the code and a digest of rancang.yaml it was worked out with."""
    if data.memos is None:
        return None
    from rancang.layout import Layout

    try:
        settings = Layout(root).settings_file.read_bytes()
    except OSError:
        return None
    key = hashlib.sha256(f"{_code_version()}\0".encode() + settings).hexdigest()
    for memo in data.memos.values():
        if memo.get("_versi") != key:
            memo.clear()
            memo["_versi"] = key
    return data.memos


def _profile_context(context: LintContext, innovations: dict) -> LintContext:
    """The context of ``context`` with only ``innovations`` as the project's profiles (its own shared values)."""
    return LintContext(context.root, dataclasses.replace(context.data, innovations=innovations),
                       drafts=context.drafts, memos=None)


def _per_profile(context: LintContext) -> dict[str, list[Diagnostic]]:
    """The findings of the :data:`PER_PROFILE` rules, each profile's from its memo when it has them."""
    memos = context.memos or {}
    rules: list[Rule] = [RULES[code] for code in PER_PROFILE if code in RULES]
    found: dict[str, list[Diagnostic]] = {rule.code: [] for rule in rules}
    for record_id, profile in sorted(context.data.innovations.items()):
        memo = memos.get(record_id)
        kept = memo.get("temuan") if memo is not None else None
        if kept is None:
            alone = _profile_context(context, {record_id: profile})
            kept = {rule.code: list(rule.check(alone)) for rule in rules}
            kept = {code: findings for code, findings in kept.items() if findings}
            if memo is not None:
                memo["temuan"] = kept
        for code, findings in kept.items():
            found[code].extend(findings)
    return found


def holds(profile: Model, needle: str) -> bool:
    """Whether a Markdown field of ``profile`` (or of a model in it) holds ``needle``."""
    from rancang.lint.rules.markdown import markdown_texts

    return next(iter(markdown_texts(profile, needle)), None) is not None


def _only_with(context: LintContext, needle: str) -> LintContext:
    """The context with only the profiles one of whose Markdown fields holds ``needle`` (from the memos)."""
    memos = context.memos or {}
    kept = {}
    for record_id, profile in context.data.innovations.items():
        memo = memos.get(record_id)
        what = f"memuat {needle}"
        found = memo.get(what) if memo is not None else None
        if found is None:
            found = holds(profile, needle)
            if memo is not None:
                memo[what] = found
        if found:
            kept[record_id] = profile
    return _profile_context(context, kept)


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
    elements = _element_switches(data, problems)
    kept = []
    for diagnostic in found:
        if _matches(diagnostic.code, config.ignore):
            continue
        if elements and _inside_element(diagnostic, elements):
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



Span = tuple[str, tuple[int, int], tuple[int, int], list[str]]
"""File, first (line, column), end (line, column) -- 1-based, end excluded -- and the codes switched off."""


def _elements_with_ids(value) -> "dict[str, Model]":
    """Every element of a regulation that has an id (pasal, ayat, butir, istilah, BAB, bagian, paragraf,
    lampiran), by id."""
    found: dict[str, Model] = {}
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, Model):
            element_id = getattr(item, "id", None)
            if isinstance(element_id, str) and element_id not in found:
                found[element_id] = item
            for name in type(item).model_fields:
                child = getattr(item, name)
                if isinstance(child, (list, Model)):
                    stack.append(child)
    return found


def _element_switches(data: ProjectData, problems: list[Diagnostic]) -> list[Span]:
    """The spans of the elements named in each regulation's ``abaikan_aturan``; unknown ids and codes are
    reported (P415, P407)."""
    spans: list[Span] = []
    for regulation in data.regulations.values():
        switches = getattr(regulation, "ignored_rules", None)
        if not switches:
            continue
        elements = _elements_with_ids([regulation.definitions, regulation.body, regulation.annexes])
        for element_id, codes in switches.items():
            for code in codes:
                if not _known(code):
                    problems.append(Diagnostic("P407", f"kode aturan '{code}' di 'abaikan_aturan' tidak dikenal",
                                               locate(regulation, "ignored_rules", element_id), Severity.WARNING))
            element = elements.get(element_id)
            if element is None:
                close = difflib.get_close_matches(element_id, list(elements), n=1)
                nearest = f"mungkin '{close[0]}'" if close else ""
                problems.append(Diagnostic(
                    "P415", f"'abaikan_aturan' menyebut unsur '{element_id}', tetapi tidak ada pasal, ayat, butir, "
                    "istilah, BAB, bagian, paragraf, atau lampiran dengan id itu dalam peraturan ini",
                    locate(regulation, "ignored_rules", element_id), Severity.WARNING,
                    "tulis id unsurnya persis seperti di 'id:' unsur itu" + (f"; {nearest}" if nearest else "")))
                continue
            node = element.source_node
            if node is None or not element.source_path or not hasattr(node, "start_mark"):
                continue
            start, end = node.start_mark, node.end_mark
            spans.append((element.source_path, (start.line + 1, start.column + 1), (end.line + 1, end.column + 1),
                          [code for code in codes if _known(code)]))
    return spans


def _inside_element(diagnostic: Diagnostic, spans: list[Span]) -> bool:
    where = diagnostic.location
    at = (where.line, max(where.column, 1))
    return any(where.path == path and start <= at < end and _matches(diagnostic.code, codes)
               for path, start, end, codes in spans)
