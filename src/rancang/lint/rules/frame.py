"""Rules for the frame of a regulation: konsiderans, Mengingat, title."""

from __future__ import annotations

import re
from typing import Iterator

from rancang.diagnostics import Diagnostic, Severity
from rancang.lint.context import LintContext, diagnostic, quote
from rancang.lint.registry import Example, rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@rule(
    "L501", "Konsiderans tidak diawali 'bahwa'", ERROR,
    "Setiap pokok pikiran konsiderans diawali kata 'bahwa' (Lampiran II UU 12/2011, teknik konsiderans).",
    wrong=Example("regulasi", """
        menimbang:
          - untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi Daerah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi
            Daerah
    """),
)
def considerations_start_with_bahwa(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for site in draft.texts():
            if site.kind == "menimbang" and not site.text.lstrip().startswith("bahwa "):
                yield diagnostic("L501", f"konsiderans {quote(site.text)} tidak diawali 'bahwa'", site.location(),
                                 "awali dengan 'bahwa ' (huruf kecil)")


_CLOSING_FORMULA = re.compile(r"^\s*bahwa\s+berdasarkan\s+pertimbangan\s+sebagaimana\s+dimaksud", re.I)


@rule(
    "L502", "Butir penutup konsiderans diketik sendiri", ERROR,
    "Butir terakhir konsiderans ('bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a ..., perlu "
    "menetapkan ...') adalah rumusan baku yang dibuat rancang dari jumlah butir; bila diketik juga, butir itu "
    "muncul dua kali dengan huruf yang salah.",
    wrong=Example("regulasi", """
        menimbang:
          - bahwa Inovasi Daerah perlu diatur agar terarah
          - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Wali Kota
            tentang Inovasi Daerah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa Inovasi Daerah perlu diatur agar terarah
    """),
)
def closing_formula_is_generated(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for site in draft.texts():
            if site.kind == "menimbang" and _CLOSING_FORMULA.match(site.text):
                yield diagnostic("L502", f"butir penutup konsiderans {quote(site.text)} dibuat otomatis",
                                 site.location(), "hapus butir ini")
