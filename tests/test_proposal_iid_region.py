"""A KIPP proposal for an innovation of the synthetic complete region (``tests/iid_region.py``, Kabupaten Contoh):
its profile, once given what a proposal asks beyond the IID form, yields a draft with no part left to the author;
as written for the IID, every part the draft marks is one the profile really lacks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from docx_reading import blocks
from rancang.documents import write_proposal

import iid_region
from support import needs_libreoffice

KIPP_ONLY = {
    "masalah": "Warga rekaan datang berulang kali & menunggu > 3 hari.",
    "kebaruan": "Satu permohonan untuk semua syarat, pertama di Kabupaten Contoh.",
    "langkah": "1. Warga mengajukan permohonan sekali.\n2. Petugas memeriksa berkas.\n3. Hasil dikirim kembali.",
    "solusi": "Berkas diperiksa berurutan oleh petugas tanpa warga datang lagi.",
    "indikator": [{"nama": "Waktu layanan", "satuan": "hari", "awal": {"nilai": 5, "tahun": 2023},
                   "hasil": {"nilai": 1, "tahun": 2025}}],
    "inovator": ["Tim Sintetis Contoh"],
    "anggaran": [{"tahun": 2024, "jumlah": 25000000, "sumber": "APBD"}],
    "dasar_hukum": [{"uraian": "Keputusan Bupati Contoh (rekaan) tentang inovasi daerah"}],
    "replikasi": {"oleh": [{"daerah": "Kabupaten Rekaan Lain", "tahun": 2025}]},
    "faktor_pendorong": "Dukungan pimpinan rekaan.",
    "faktor_penghambat": "Jaringan lemah; diatasi dengan layanan luring.",
}


def _profile(root: Path) -> tuple[str, Path]:
    record_id = iid_region.innovation_id(1)
    return record_id, root / "kb" / "inovasi" / f"{record_id}.yaml"


def test_synthetic_region_innovation_as_written_marks_only_what_its_profile_lacks(tmp_path):
    root = iid_region.complete_region(tmp_path / "contoh", innovations=6)
    record_id, path = _profile(root)
    profile = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = tmp_path / "proposal.docx"
    write_proposal(root, record_id, out)
    found = blocks(out.read_bytes())
    marked = [re.search(r"'([a-z_]+)'", text).group(1) for style, text in found if style == "Isian Penulis"]
    assert marked, "the IID profile lacks what only a proposal asks (kebaruan, replikasi, ...)"
    for key in marked:
        assert key not in profile, key
    assert ("Judul Sampul", profile["nama"]) in found


def test_synthetic_region_innovation_with_the_proposal_keys_has_no_placeholder(tmp_path):
    root = iid_region.complete_region(tmp_path / "contoh", innovations=6)
    record_id, path = _profile(root)
    with path.open("a", encoding="utf-8") as stream:
        stream.write(yaml.safe_dump(KIPP_ONLY, allow_unicode=True, sort_keys=False))
    out = tmp_path / "proposal.docx"
    outcome = write_proposal(root, record_id, out)
    found = blocks(out.read_bytes())
    assert not [text for style, text in found if style == "Isian Penulis"]
    assert not [d for d in outcome.advice if d.code in ("P460", "P461", "P462")]
    table = [text for style, text in found if style == "tabel"]
    assert not any("kosong" in row for row in table)
    assert "Warga rekaan datang berulang kali & menunggu > 3 hari." in [text for _style, text in found]


@needs_libreoffice
def test_the_complete_proposal_converts_in_libreoffice(tmp_path):
    import subprocess

    root = iid_region.complete_region(tmp_path / "contoh", innovations=6)
    record_id, path = _profile(root)
    with path.open("a", encoding="utf-8") as stream:
        stream.write(yaml.safe_dump(KIPP_ONLY, allow_unicode=True, sort_keys=False))
    out = tmp_path / "proposal.docx"
    outcome = write_proposal(root, record_id, out, pdf=True)
    pdf = out.with_suffix(".pdf")
    assert pdf in outcome.written and not outcome.problems, outcome.messages
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Warga rekaan datang berulang kali & menunggu > 3 hari." in text
    assert "Untuk diisi penulis:" not in text and "8. Strategi Keberlanjutan" in text
