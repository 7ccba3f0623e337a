"""``rancang build``: check the project, then build its outputs.

The outputs (the site in ``_build/html/``, the documents in ``_build/dokumen/``)
are added by the site and document generators; until a generator exists for a
kind of record, the build checks it and says so. Nothing is written when the
check finds an error, so a failed build never replaces good outputs.
"""

from __future__ import annotations

from pathlib import Path

from rancang.check import check_project
from rancang.diagnostics import Report


def build_project(root: Path) -> tuple[Report, list[str]]:
    """Returns the check report and one line per thing built (or skipped)."""
    data, report = check_project(root)
    if report.errors:
        return report, ["Pembangunan dihentikan: perbaiki galat di atas lebih dahulu."]
    lines = [
        f"Siap dibangun: {len(data.innovations)} profil inovasi, {len(data.regulations)} rancangan peraturan, "
        f"{len(data.visits)} kunjungan kerja.",
        "Pembuat situs dan dokumen belum tersedia pada versi ini; data sudah diperiksa dan tidak ada yang ditulis.",
    ]
    return report, lines
