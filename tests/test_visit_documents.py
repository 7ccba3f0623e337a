"""Study-visit brief and report: content from the visit and the knowledge base, read back from the DOCX."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from docx_reading import blocks, texts
from rancang.check import check_project
from rancang.cli import main
from rancang.visits.blocks import Bullets, Heading, KeyValues, Para, Table
from rancang.visits.content import brief, report

ROOT = Path(__file__).resolve().parents[1]
VISIT = "dprd-pangkep-2021"


@pytest.fixture(scope="module")
def data():
    loaded, result = check_project(ROOT)
    assert not result.errors
    return loaded


def headings(document, level=None):
    return [b.text for b in document.blocks if isinstance(b, Heading) and (level is None or b.level == level)]


def test_brief_outline_for_the_host(data):
    document = brief(data.visits[VISIT], data)
    assert document.title == "BAHAN KUNJUNGAN KERJA"
    assert document.subtitle == ("Studi Banding DPRD Kabupaten Pangkajene dan Kepulauan ke Kota Parepare\n"
                                 "Jumat, 4 Juni 2021")
    assert headings(document, 1) == ["I. PENDAHULUAN", "II. WAKTU DAN TEMPAT", "III. PARA PIHAK DAN NARAHUBUNG",
                                     "IV. PESERTA", "V. AGENDA", "VI. PROFIL INOVASI", "VII. PERTANYAAN KUNCI",
                                     "VIII. KELUARAN YANG DIHARAPKAN", "IX. PENUTUP"]
    innovations = [data.innovations[i].name for i in data.visits[VISIT].innovations]
    assert [h for h in headings(document, 2) if h[3:] in innovations] == \
        [f"{letter}. {name}" for letter, name in zip("ABCDE", innovations)]
    [when] = [b for b in document.blocks if isinstance(b, KeyValues) and b.rows[0][0] == "Hari/tanggal"]
    assert when.rows == (("Hari/tanggal", "Jumat, 4 Juni 2021"), ("Tempat", "Kota Parepare"))


def test_each_innovation_brings_its_facts_from_the_knowledge_base(data):
    document = brief(data.visits[VISIT], data)
    flat = []
    for block in document.blocks:
        if isinstance(block, KeyValues):
            flat.extend(f"{k}: {v}" for k, v in block.rows)
        elif isinstance(block, Table):
            flat.extend(" | ".join(row) for row in block.rows)
        elif isinstance(block, Bullets):
            flat.extend(block.items)
        elif isinstance(block, (Para, Heading)):
            flat.append(block.text)
    assert "Perangkat daerah: Dinas Pertanian, Kelautan dan Perikanan" in flat
    assert "Perempuan pesisir aktif | orang | 70 (2017) | 368 (2019), naik 426%" in flat
    assert "2020: Top 45 KIPP (Kementerian PANRB)" in flat
    assert "2018: Top 40 KIPP (Kementerian PANRB)" in flat
    assert "Rancangan Peraturan Wali Kota tentang Inovasi Daerah" in flat  # Direktori Inovasi's legal basis
    assert "Dasar hukum belum tercatat dalam direktori." in flat  # said, not guessed


def test_the_same_visit_made_as_guests(data):
    visit = data.visits[VISIT].model_copy(update={"role": data.visits[VISIT].role.__class__("tamu")})
    document = brief(visit, data)
    assert "VI. INOVASI YANG DIPELAJARI" in headings(document, 1)
    [parties] = [b for b in document.blocks if isinstance(b, KeyValues) and b.rows[0][0] == "Tuan rumah"]
    assert parties.rows[:2] == (("Tuan rumah", "DPRD Kabupaten Pangkajene dan Kepulauan"),
                                ("Tamu", "Pemerintah Kota Parepare"))


def test_report_outline_and_follow_up(data):
    document = report(data.visits[VISIT], data)
    assert document.title == "LAPORAN HASIL KUNJUNGAN KERJA"
    assert headings(document, 1) == ["I. PENDAHULUAN", "II. PELAKSANAAN", "III. HASIL KUNJUNGAN", "IV. KESIMPULAN",
                                     "V. RENCANA TINDAK LANJUT", "VI. PENUTUP"]
    results = [h for h in headings(document, 2)]
    assert "A. Lomba Inovasi 2018 dan 2019" in results and "B. Workshop Champion of Innovation" in results
    [follow] = [b for b in document.blocks if isinstance(b, Table) and b.headers[1] == "Kegiatan"
                and "Penanggung jawab" in b.headers]
    assert follow.rows == (("1", "Penyusunan draf Peraturan Wali Kota Parepare tentang Inovasi Daerah", "-", "-"),)
