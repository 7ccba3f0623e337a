"""Issue 17, item 6: the documents a region hands out -- core properties, the agenda of a visit of several days,
the reporter's signature block -- read back from the DOCX."""

from __future__ import annotations

import io
import textwrap
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from docx_reading import blocks
from rancang.check import check_project
from support import copy_example

ROOT = Path(__file__).resolve().parents[1]
VISIT = "dprd-pangkep-2021"
REGULATION = "perwali-inovasi-daerah"


@pytest.fixture(scope="module")
def checked():
    found = check_project(ROOT)
    assert not found.report.errors
    return found


def core(data: bytes):
    return Document(io.BytesIO(data)).core_properties


def last_modified_by(data: bytes) -> list[str]:
    """Read from docProps/core.xml itself: docxcompose rebinds python-docx's prefix "cp" once imported."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml"))
    return [element.text for element in root.iter() if element.tag.endswith("}lastModifiedBy")]


# -- core properties -------------------------------------------------------------------------------------------


def test_the_regulation_docx_is_titled_and_authored_by_the_region(checked, monkeypatch):
    from rancang.documents import regulation_docx

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28: a draft has no date of its own
    data = regulation_docx(ROOT, checked, REGULATION)
    props = core(data)
    assert props.title == "Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah"
    assert props.author == "Pemerintah Kota Parepare"
    assert last_modified_by(data) == ["Pemerintah Kota Parepare"]
    assert props.created == props.modified == datetime(2026, 5, 28, tzinfo=timezone.utc)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode("utf-8")
    assert "Templat" not in xml and ">rancang<" not in xml


def test_a_draft_without_a_date_carries_the_build_date(checked, monkeypatch):
    from rancang.documents import regulation_docx

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.utcnow().date()
    created = core(regulation_docx(ROOT, checked, REGULATION)).created.date()
    assert before <= created <= datetime.utcnow().date()


def test_an_enacted_regulation_carries_its_date_of_enactment(checked, monkeypatch):
    from rancang.documents import regulation_properties

    from rancang.models.base import PartialDate

    regulation = checked.data.regulations[REGULATION]
    enacted = regulation.model_copy(update={"enactment": regulation.enactment.model_copy(
        update={"date": PartialDate(2021, 3, 15)})})
    data = checked.data
    monkeypatch.setitem(data.regulations, REGULATION, enacted)
    props = regulation_properties(data, REGULATION)
    assert props.date is not None and props.date.isoformat() == "2021-03-15"


@pytest.mark.parametrize("kind, words", [("brief", "Bahan Kunjungan Kerja"),
                                         ("report", "Laporan Hasil Kunjungan Kerja")])
def test_brief_and_report_carry_their_title_the_region_and_the_visit_date(checked, kind, words):
    from rancang.documents import visit_docx

    data = visit_docx(ROOT, checked.data, VISIT, kind)
    props = core(data)
    assert props.title == (f"{words}: Studi Banding DPRD Kabupaten Pangkajene dan Kepulauan ke Kota Parepare")
    assert props.author == "Pemerintah Kota Parepare"
    assert last_modified_by(data) == ["Pemerintah Kota Parepare"]
    assert props.created == props.modified == datetime(2021, 6, 4, tzinfo=timezone.utc)


# -- the agenda of a visit of several days ----------------------------------------------------------------------

TWO_DAYS = """
    peran: tamu
    pihak_lain: {nama: Pemerintah Kota Contoh}
    tanggal: 2021-06-04
    sampai: 2021-06-05
    tempat: Kantor Wali Kota Contoh
    agenda:
      - {tanggal: 2021-06-04, waktu: '09.00-10.00', kegiatan: Paparan inovasi, penyaji: Bappeda}
      - {tanggal: 2021-06-05, waktu: '08.00-12.00', kegiatan: Kunjungan lapangan, tempat: Puskesmas Contoh}
      - {kegiatan: Ramah tamah}
    hasil:
      - {judul: Paparan, uraian: Inovasi dipaparkan.}
    kesimpulan: [Inovasi layak direplikasi.]
    tindak_lanjut:
      - {kegiatan: Menyusun kajian replikasi}
"""


def write_visit(tmp_path: Path, text: str) -> Path:
    copy_example(tmp_path, parts=("rancang.yaml", "kb", "regulations", "templates"))
    (tmp_path / "visits").mkdir()
    (tmp_path / "visits/uji.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return tmp_path


def agenda_rows(data: bytes) -> list[str]:
    rows = [text for style, text in blocks(data) if style == "tabel"]
    start = next(i for i, row in enumerate(rows) if row.startswith("No. | ") and "Kegiatan | Penyaji" in row)
    end = next((i for i in range(start + 1, len(rows)) if not rows[i][:1].isdigit()), len(rows))
    return rows[start:end]


@pytest.mark.parametrize("command, name", [("brief", "bahan"), ("report", "laporan")])
def test_a_two_day_agenda_has_a_date_column(tmp_path, monkeypatch, capsys, command, name):
    from rancang.cli import main

    root = write_visit(tmp_path, TWO_DAYS)
    monkeypatch.chdir(root)
    assert main([command, "visits/uji.yaml", "-o", f"{name}.docx"]) == 0, capsys.readouterr().err
    assert agenda_rows((root / f"{name}.docx").read_bytes()) == [
        "No. | Tanggal | Waktu | Kegiatan | Penyaji | Tempat",
        "1 | Jumat, 4 Juni 2021 | 09.00-10.00 | Paparan inovasi | Bappeda | Kantor Wali Kota Contoh",
        "2 | Sabtu, 5 Juni 2021 | 08.00-12.00 | Kunjungan lapangan | - | Puskesmas Contoh",
        "3 | - | - | Ramah tamah | - | Kantor Wali Kota Contoh",
    ]


def test_an_agenda_naming_another_day_has_a_date_column_without_sampai(tmp_path, monkeypatch, capsys):
    from rancang.cli import main

    root = write_visit(tmp_path, TWO_DAYS.replace("    sampai: 2021-06-05\n", ""))
    monkeypatch.chdir(root)
    assert main(["brief", "visits/uji.yaml", "-o", "bahan.docx"]) == 0, capsys.readouterr().err
    assert agenda_rows((root / "bahan.docx").read_bytes())[0] == "No. | Tanggal | Waktu | Kegiatan | Penyaji | Tempat"


def test_a_one_day_agenda_keeps_its_five_columns(tmp_path, monkeypatch, capsys):
    from rancang.cli import main

    one_day = TWO_DAYS.replace("    sampai: 2021-06-05\n", "").replace("tanggal: 2021-06-05, ", "")
    root = write_visit(tmp_path, one_day)
    monkeypatch.chdir(root)
    assert main(["brief", "visits/uji.yaml", "-o", "bahan.docx"]) == 0, capsys.readouterr().err
    assert agenda_rows((root / "bahan.docx").read_bytes())[:3] == [
        "No. | Waktu | Kegiatan | Penyaji | Tempat",
        "1 | 09.00-10.00 | Paparan inovasi | Bappeda | Kantor Wali Kota Contoh",
        "2 | 08.00-12.00 | Kunjungan lapangan | - | Puskesmas Contoh",
    ]


# -- the reporter's signature block -------------------------------------------------------------------------------


def signature_cells(data: bytes) -> list[list[tuple[str, str]]]:
    """(style, text) of each cell's paragraphs in the document's last table."""
    table = Document(io.BytesIO(data)).tables[-1]
    return [[(p.style.name, p.text) for p in cell.paragraphs] for cell in table.rows[-1].cells]


def test_the_report_ends_with_the_reporters_signature_block(tmp_path, monkeypatch, capsys):
    from rancang.cli import main

    text = TWO_DAYS + """
    pelapor:
      nama: Andi Rahman
      jabatan: Kepala Bagian Organisasi
      nip: '198001012005011001'
    """
    root = write_visit(tmp_path, text)
    monkeypatch.chdir(root)
    assert main(["report", "visits/uji.yaml", "-o", "laporan.docx"]) == 0, capsys.readouterr().err
    data = (root / "laporan.docx").read_bytes()
    left, right = signature_cells(data)
    assert left == [("Isi Tabel", "")]
    assert right == [("Isi Tabel", "Yang melaporkan,"), ("Isi Tabel", "Kepala Bagian Organisasi"),
                     ("Isi Tabel", ""), ("Isi Tabel", ""), ("Isi Tabel", ""),
                     ("Isi Tabel", "Andi Rahman"), ("Isi Tabel", "NIP 198001012005011001")]
    found = blocks(data)
    last_table = max(i for i, (style, _text) in enumerate(found) if style == "tabel")
    assert found[last_table - 1] == ("Isi", "Demikian laporan hasil kunjungan kerja ini disampaikan untuk menjadi "
                                            "bahan tindak lanjut.")
    assert found[last_table + 1:] == [("Normal", "")]  # nothing after the signature
    table = Document(io.BytesIO(data)).tables[-1]
    assert table.style.name == "Tabel Keterangan"
    assert table.rows[-1]._tr.trPr is not None and table.rows[-1]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None


def test_a_reporter_without_position_or_nip(tmp_path, monkeypatch, capsys):
    from rancang.cli import main

    root = write_visit(tmp_path, TWO_DAYS + "    pelapor: {nama: Andi Rahman}\n")
    monkeypatch.chdir(root)
    assert main(["report", "visits/uji.yaml", "-o", "laporan.docx"]) == 0, capsys.readouterr().err
    _left, right = signature_cells((root / "laporan.docx").read_bytes())
    assert [text for _style, text in right] == ["Yang melaporkan,", "", "", "", "Andi Rahman"]


def test_without_pelapor_the_report_says_what_to_fill(tmp_path, monkeypatch, capsys):
    from rancang.cli import main

    root = write_visit(tmp_path, TWO_DAYS)
    monkeypatch.chdir(root)
    assert main(["report", "visits/uji.yaml", "-o", "laporan.docx"]) == 0, capsys.readouterr().err
    found = blocks((root / "laporan.docx").read_bytes())
    assert found[-1] == ("Catatan", "Pelapor yang menandatangani laporan belum diisi (kunci 'pelapor': nama, "
                                    "jabatan, nip).")


def test_the_brief_has_no_signature_block(tmp_path, monkeypatch, capsys):
    from rancang.cli import main

    root = write_visit(tmp_path, TWO_DAYS + "    pelapor: {nama: Andi Rahman}\n")
    monkeypatch.chdir(root)
    assert main(["brief", "visits/uji.yaml", "-o", "bahan.docx"]) == 0, capsys.readouterr().err
    assert "Andi Rahman" not in " ".join(text for _style, text in blocks((root / "bahan.docx").read_bytes()))
