"""Both example drafts open in a real client: LibreOffice converts them to PDF.

Checks the page size (F4), the font that was used, and the text of the PDF
(`pdftotext`), so that what the DOCX says is what a reader sees.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from rancang.check import check_project
from rancang.documents import build_documents

from support import needs_libreoffice

ROOT = Path(__file__).resolve().parents[1]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_size(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, _x, height = line.split(":", 1)[1].split()[:3]
    return float(width), float(height)


@needs_libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("project, record, expected", [
    (ROOT, "perwali-inovasi-daerah", [
        "WALI KOTA PAREPARE", "PERATURAN WALI KOTA PAREPARE", "NOMOR ... TAHUN ...", "INOVASI DAERAH",
        "Pasal 17", "sebagaimana dimaksud dalam Pasal 9 ayat (3)", "BERITA DAERAH KOTA PAREPARE TAHUN ... NOMOR ...",
    ]),
    (ROOT / "examples" / "pangkep", "perbup-pelaksanaan-inovasi-daerah", [
        "BUPATI PANGKAJENE DAN KEPULAUAN", "PERATURAN BUPATI PANGKAJENE DAN KEPULAUAN", "KETENTUAN PENUTUP",
        "14 (empat belas) hari", "BERITA DAERAH KABUPATEN PANGKAJENE DAN KEPULAUAN TAHUN ... NOMOR ...",
    ]),
])
def test_example_drafts_convert_to_f4_pdf_with_their_text(project, record, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(project)
    checked = check_project(project)
    data, report = checked.data, checked.report
    assert not report.errors
    # Build into a temporary folder, as `rancang build` does into _build/dokumen.
    data.settings.outputs.documents = str(tmp_path)
    outcome = build_documents(project, checked, pdf=True)
    pdf = tmp_path / f"{record}.pdf"
    assert pdf in outcome.written, outcome.messages
    width, height = page_size(pdf)
    assert abs(width - 609.45) < 2 and abs(height - 935.43) < 2  # F4: 215 x 330 mm
    text = " ".join(pdf_text(pdf).split())
    for line in expected:
        assert line in text, line
    assert "- 2 -" in pdf_text(pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Bookman" in fonts
