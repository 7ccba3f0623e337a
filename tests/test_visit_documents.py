"""Study-visit brief and report: content from the visit and the knowledge base, read back from the DOCX."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from docx_reading import blocks, texts
from rancang.check import check_project
from rancang.cli import main
from rancang.visits.blocks import Bullets, Heading, KeyValues, Para, Table
from rancang.visits.content import brief, report
from support import copy_example, needs_libreoffice

ROOT = Path(__file__).resolve().parents[1]
VISIT = "dprd-pangkep-2021"


@pytest.fixture(scope="module")
def data():
    checked = check_project(ROOT)
    loaded, result = checked.data, checked.report
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
    assert ("Perempuan pesisir aktif | 70 orang (2017) | 368 orang (2019), naik 426% | naik 298 orang (426%)"
            in flat)
    assert "2020: Top 45 KIPP (Kementerian PANRB, tingkat nasional)" in flat
    assert "2018: Top 40 KIPP (Kementerian PANRB, tingkat nasional)" in flat
    # Direktori Inovasi's legal basis: the project's draft, named as every output names it
    assert "Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah" in flat
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


# -- the DOCX, read back ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def brief_docx(data):
    from rancang.documents import visit_docx

    return blocks(visit_docx(ROOT, data, VISIT, "brief"))


def test_brief_docx_frame_date_and_agenda(brief_docx):
    assert brief_docx[:2] == [("Judul Dokumen", "BAHAN KUNJUNGAN KERJA"),
                              ("Subjudul Dokumen", "Studi Banding DPRD Kabupaten Pangkajene dan Kepulauan ke Kota "
                                                   "Parepare\nJumat, 4 Juni 2021")]
    rows = [text for style, text in brief_docx if style == "tabel"]
    assert "Hari/tanggal | : | Jumat, 4 Juni 2021" in rows
    agenda_header = rows.index("No. | Waktu | Kegiatan | Penyaji | Tempat")
    assert rows[agenda_header + 1:agenda_header + 3] == [
        "1 | - | Paparan proses dan capaian inovasi Pemerintah Kota Parepare | Samsuddin, Kepala Bappeda Kota "
        "Parepare | Kota Parepare",
        "2 | - | Penjelasan proses inovasi oleh inovator perangkat daerah | Inovator perangkat daerah | Kota Parepare",
    ]
    assert ("Judul 1", "V. AGENDA") in brief_docx


def test_brief_docx_has_every_innovation_with_its_facts(brief_docx, data):
    lines = [text for _style, text in brief_docx]
    for letter_, innovation_id in zip("ABCDE", data.visits[VISIT].innovations):
        assert f"{letter_}. {data.innovations[innovation_id].name}" in lines
    assert "Perangkat daerah | : | Dinas Pertanian, Kelautan dan Perikanan" in lines
    assert "Perempuan pesisir aktif | 70 orang (2017) | 368 orang (2019), naik 426% | naik 298 orang (426%)" in lines
    assert ("Butir", "•\t2020: Top 45 KIPP (Kementerian PANRB, tingkat nasional)") in brief_docx
    numbered = [text for style, text in brief_docx if style == "Butir Bernomor"]
    assert numbered[0].startswith("1.\tBagaimana Lomba Inovasi")


def test_report_docx_reads_back(data):
    from rancang.documents import visit_docx

    found = blocks(visit_docx(ROOT, data, VISIT, "report"))
    assert found[0] == ("Judul Dokumen", "LAPORAN HASIL KUNJUNGAN KERJA")
    assert ("Judul 1", "III. HASIL KUNJUNGAN") in found
    assert ("Judul 2", "E. Penghargaan KIPP 2019") in found
    assert "1 | Penyusunan draf Peraturan Wali Kota Parepare tentang Inovasi Daerah | - | -" in \
        [text for style, text in found if style == "tabel"]


SPECIAL = "PU & <Kota> \"kutip\" 'tunggal' {{ nama }} {% if %} é 中文"


def write_project(tmp_path: Path, visit_text: str) -> Path:
    copy_example(tmp_path, parts=("rancang.yaml", "kb", "regulations", "templates"))
    (tmp_path / "visits").mkdir()
    (tmp_path / "visits/uji.yaml").write_text(textwrap.dedent(visit_text).lstrip(), encoding="utf-8")
    return tmp_path


def test_special_characters_reach_the_brief_exactly(tmp_path, monkeypatch, capsys):
    import yaml

    visit = {"peran": "tamu", "pihak_lain": {"nama": f"Dinas {SPECIAL}"}, "tanggal": "2021-06-04",
             "tempat": f"Ruang {SPECIAL}", "maksud": f"Maksud {SPECIAL}",
             "peserta": [{"nama": f"Nama {SPECIAL}", "pihak": "kita"}],
             "agenda": [{"waktu": "09.00-10.00", "kegiatan": f"Acara {SPECIAL}"}],
             "inovasi": ["call-center-112"], "pertanyaan_kunci": [f"Tanya {SPECIAL}?"]}
    root = write_project(tmp_path, yaml.safe_dump(visit, allow_unicode=True))
    monkeypatch.chdir(root)
    assert main(["brief", "visits/uji.yaml", "-o", "keluar.docx"]) == 0
    assert capsys.readouterr().out == "Ditulis: keluar.docx\n"
    lines = texts((root / "keluar.docx").read_bytes())
    for expected in (f"Tempat | : | Ruang {SPECIAL}", f"Maksud {SPECIAL}", f"1 | 09.00-10.00 | Acara {SPECIAL} | - | "
                     f"Ruang {SPECIAL}", f"1.\tTanya {SPECIAL}?", "A. Call Center 112"):
        assert expected in lines, expected
    assert any(f"Nama {SPECIAL}" in line for line in lines)
    assert "Tuan rumah | : | Dinas " + SPECIAL in lines


def test_an_unknown_innovation_names_the_closest_id(tmp_path, monkeypatch, capsys):
    root = write_project(tmp_path, """
        peran: tuan_rumah
        pihak_lain: {nama: DPRD Contoh}
        tanggal: 2021-06-04
        inovasi: [call-centre-112]
    """)
    monkeypatch.chdir(root)
    assert main(["brief", "visits/uji.yaml"]) == 1
    err = capsys.readouterr().err
    assert "visits/uji.yaml:4:11: R301: inovasi 'call-centre-112' tidak dikenal (mungkin maksud Anda " \
           "'call-center-112'? id inovasi adalah nama berkasnya di kb/inovasi/ (tanpa .yaml))" in err
    assert not (root / "_build").exists()


@needs_libreoffice
@pytest.mark.slow
def test_libreoffice_opens_the_brief_and_the_report(tmp_path, data):
    import subprocess

    from rancang.render.pdf import convert_to_pdf
    from rancang.documents import visit_docx

    paths = []
    for kind in ("brief", "report"):
        path = tmp_path / f"{kind}.docx"
        path.write_bytes(visit_docx(ROOT, data, VISIT, kind))
        paths.append(path)
    pdfs = convert_to_pdf(paths, tmp_path)
    assert [p.name for p in pdfs] == ["brief.pdf", "report.pdf"]
    for pdf, title in zip(pdfs, ("BAHAN KUNJUNGAN KERJA", "LAPORAN HASIL KUNJUNGAN KERJA")):
        text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert title in text and "Jumat, 4 Juni 2021" in text and "Halaman 1" in text
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        width, height = [float(x) for x in info.split("Page size:")[1].split()[:3:2]]
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4
