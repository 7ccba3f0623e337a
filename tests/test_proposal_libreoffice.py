"""The KIPP proposal draft of the example opens in a real client: LibreOffice converts it to PDF, and the PDF's
text (pdftotext) shows the cover, every aspect with its word count, the marked parts and the closing table."""

from __future__ import annotations

import subprocess

import pytest

from rancang.documents import write_proposal

from support import copy_example, needs_libreoffice


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


@needs_libreoffice
@pytest.mark.slow
def test_example_proposal_converts_to_pdf_with_its_text(tmp_path):
    root = copy_example(tmp_path / "proyek", ("rancang.yaml", "kb"))
    out = tmp_path / "keluaran" / "proposal.docx"
    outcome = write_proposal(root, "berdaya-srikandi-oleh-srikandi", out, pdf=True)
    pdf = out.with_suffix(".pdf")
    assert pdf in outcome.written and not outcome.problems, outcome.messages
    text = " ".join(pdf_text(pdf).split())
    for needle in ("PROPOSAL KOMPETISI INOVASI PELAYANAN PUBLIK (KIPP) 2023", "Berdaya Srikandi oleh Srikandi",
                   "Kota Parepare, Provinsi Sulawesi Selatan", "1. Ringkasan", "dari batas 200 kata",
                   "8. Strategi Keberlanjutan", "batas kata belum dikonfirmasi", "Untuk diisi penulis:",
                   "Rekapitulasi Jumlah Kata", "kosong, perlu ditulis", "Draf ini disusun oleh rancang",
                   "Perempuan pesisir aktif: 70 orang (2017) → 368 orang (2019)"):
        assert needle in text, needle
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    assert abs(float(size[2]) - 595.3) < 2 and abs(float(size[4]) - 841.9) < 2  # A4
