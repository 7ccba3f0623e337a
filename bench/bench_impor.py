"""`rancang impor peraturan` on the real-shaped fixtures: time, Pasal identical, words accounted for.

For each fixture of tests/fixtures/impor (a Perwali with BAB and Bagian, a Perbup with Paragraf, a Perda
with Penjelasan, an amendment) in each form (clean text, DOCX with Word numbering, PDF made by
LibreOffice, OCR-like text), ROUNDS times: a fresh copy of the matching example project, then one import
in this (warm) process with `--katalog`. Printed per case (medians over the rounds):

* ``impor_ms``      -- the whole import: read, repair, parse, references, catalogue, YAML, render back,
  compare, check of the written file, report;
* ``pasal_sama``    -- Pasal whose text `rancang draft` writes exactly as the source, of all Pasal;
* ``kata``          -- source words; ``di_naskah`` in the drafted document; ``di_laporan`` in the report;
  ``hilang`` in neither (must be 0).

Usage: ``python bench/bench_impor.py [ROUNDS]`` (default 5).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "impor"
NAMES = ("perwali-bab-bagian", "perbup-paragraf", "perda-penjelasan", "perwali-perubahan")
FORMS = ("clean.txt", "docx", "pdf", "ocr.txt")
PROJECT_PARTS = ("rancang.yaml", "kb", "templates")


def project(name: str, target: Path) -> Path:
    source = REPO / "examples" / "pangkep" if name.startswith("perbup") else REPO
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part)
        elif (source / part).is_file():
            shutil.copy2(source / part, target / part)
    (target / "regulations").mkdir()
    return target


def main() -> None:
    from rancang.importer.run import import_regulation

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"{'kasus':38} {'impor_ms':>9} {'pasal_sama':>11} {'kata':>6} {'di_naskah':>9} {'di_laporan':>10} "
          f"{'hilang':>6}")
    for name in NAMES:
        for form in FORMS:
            times, result = [], None
            for _ in range(rounds):
                with tempfile.TemporaryDirectory() as folder:
                    root = project(name, Path(folder))
                    started = time.perf_counter()
                    result = import_regulation(root, FIXTURES / f"{name}.{form}", katalog=True)
                    times.append(time.perf_counter() - started)
            comparison, ledger = result.comparison, result.ledger
            same = f"{comparison.identical}/{comparison.articles}" if comparison else "-"
            print(f"{name + '.' + form:38} {statistics.median(times) * 1000:9.0f} {same:>11} {ledger.total:6} "
                  f"{ledger.in_document:9} {ledger.in_report:10} {len(ledger.missing):6}")


if __name__ == "__main__":
    main()
