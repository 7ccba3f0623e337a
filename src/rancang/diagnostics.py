"""One error type for everything a user is told: a code, a location and a message.

Every problem rancang finds -- a YAML syntax error, a missing key, a dangling id,
later a drafting rule -- becomes a :class:`Diagnostic`. The CLI prints them as
``path:line:col: KODE: pesan``, ``--format json`` serialises the same objects,
and the Sphinx extension turns them into warnings with a type.

Lines and columns are 1-based, as editors show them.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from typing import Iterable

from rancang.codes import CODES


class Severity(str, enum.Enum):
    ERROR = "galat"
    WARNING = "peringatan"


@dataclass(frozen=True, order=True)
class Location:
    """A position in a user's file (1-based line and column)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{max(self.column, 1)}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    location: Location
    severity: Severity = Severity.ERROR
    suggestion: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered diagnostic code {self.code!r}")

    @property
    def is_drafting_finding(self) -> bool:
        """Found by a drafting rule (``L5xx``/``L6xx``): advice on how a text is written.

        A document can always be made despite it (the rules read the tree the document is rendered from), so
        ``draft``, ``brief``, ``report`` and ``build`` write their documents and list it; only ``--strict``
        stops on it. Every other error (a file that cannot be read, a wrong shape, an unresolved ``[[id]]``, a
        broken template) is something a document cannot be made without.
        """
        return CODES[self.code].drafting_rule

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.line, self.location.column, self.code, self.message)

    def format(self) -> str:
        level = "peringatan: " if self.severity is Severity.WARNING else ""
        text = f"{self.location}: {self.code}: {level}{self.message}"
        if self.suggestion:
            text += f" ({self.suggestion})"
        return text

    def as_dict(self) -> dict:
        return {
            "berkas": self.location.path,
            "baris": self.location.line,
            "kolom": self.location.column,
            "kode": self.code,
            "tingkat": self.severity.value,
            "pesan": self.message,
            "saran": self.suggestion,
        }


@dataclass
class Report:
    """All diagnostics of one run, plus what was checked."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    def count(self, what: str, n: int = 1) -> None:
        self.checked[what] = self.checked.get(what, 0) + n

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def blocking(self, strict: bool = False) -> list[Diagnostic]:
        """What keeps a document from being written: each error that is not a drafting finding; with
        ``strict`` (``--strict``), every diagnostic, drafting findings and warnings included."""
        if strict:
            return list(self.diagnostics)
        return [d for d in self.diagnostics if d.severity is Severity.ERROR and not d.is_drafting_finding]

    def sorted(self) -> list[Diagnostic]:
        unique = {(d.sort_key(), d.severity): d for d in self.diagnostics}
        return [unique[k] for k in sorted(unique, key=lambda k: k[0])]

    def strict(self) -> "Report":
        """The same findings with every peringatan raised to galat (``--strict``)."""
        return Report(
            [Diagnostic(d.code, d.message, d.location, Severity.ERROR, d.suggestion) for d in self.diagnostics],
            dict(self.checked),
        )

    def summary(self) -> dict[str, list[dict]]:
        """How many findings (as :meth:`sorted` lists them) per code, with the code's title, and per file; most
        first, then by code or path."""
        per_code: dict[str, int] = {}
        per_file: dict[str, int] = {}
        for d in self.sorted():
            per_code[d.code] = per_code.get(d.code, 0) + 1
            per_file[d.location.path] = per_file.get(d.location.path, 0) + 1
        return {
            "per_kode": [{"kode": code, "judul": CODES[code].title, "jumlah": n}
                         for code, n in sorted(per_code.items(), key=lambda item: (-item[1], item[0]))],
            "per_berkas": [{"berkas": path, "jumlah": n}
                           for path, n in sorted(per_file.items(), key=lambda item: (-item[1], item[0]))],
        }

    def summary_lines(self) -> list[str]:
        """:meth:`summary` as the text report prints it: a count, then the code and its title (or the file)."""
        summary = self.summary()
        total = sum(row["jumlah"] for row in summary["per_kode"])
        width = len(str(max([row["jumlah"] for row in summary["per_kode"]], default=0)))
        lines = [f"Ringkasan {total} temuan menurut kode:"]
        lines += [f"  {row['jumlah']:>{width}}  {row['kode']}  {row['judul']}" for row in summary["per_kode"]]
        lines.append("Menurut berkas:")
        lines += [f"  {row['jumlah']:>{width}}  {row['berkas']}" for row in summary["per_berkas"]]
        return lines

    def to_json(self, summary: bool = False, findings: bool = True) -> str:
        """The report for programs; with ``summary`` also the counts of :meth:`summary` (``ringkasan``), and
        without ``findings`` no list of them (``--ringkas``)."""
        items = self.sorted()
        report: dict = {
            "diperiksa": self.checked,
            "galat": sum(1 for d in items if d.severity is Severity.ERROR),
            "peringatan": sum(1 for d in items if d.severity is Severity.WARNING),
        }
        if summary:
            report["ringkasan"] = self.summary()
        if findings:
            report["temuan"] = [d.as_dict() for d in items]
        return json.dumps(report, ensure_ascii=False, indent=2)


class RancangError(Exception):
    """Raised to stop a command; carries the diagnostics that explain why."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
