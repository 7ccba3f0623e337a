"""``rancang build``: check the project, then build its outputs.

Documents go to the documents folder (``_build/dokumen/`` by default): every
regulation as DOCX, and as PDF when LibreOffice is installed. The site
(``_build/html/``) is added by the site generator. Nothing is written when the
check finds an error, so a failed build never replaces good outputs.
"""

from __future__ import annotations

from pathlib import Path

from rancang.check import check_project
from rancang.diagnostics import Report


def build_project(root: Path, pdf: bool = True) -> tuple[Report, list[str]]:
    """Returns the check report and one line per thing built (or skipped)."""
    from rancang.drafts import build_documents

    data, report = check_project(root)
    if report.errors:
        return report, ["Pembangunan dihentikan: perbaiki galat di atas lebih dahulu."]
    outcome = build_documents(root, data, pdf=pdf)
    lines = list(outcome.messages)
    lines.append(
        f"Selesai: {len(data.regulations)} rancangan peraturan. Situs basis pengetahuan ({len(data.innovations)} "
        f"profil inovasi) dan bahan kunjungan ({len(data.visits)} kunjungan) belum tersedia pada versi ini."
    )
    return report, lines
