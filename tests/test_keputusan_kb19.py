"""A Keputusan from the knowledge base: lampiran tables generated from kb/inovasi and from a team's members, the
Parepare example Keputusan, and ``rancang new keputusan``.

The tables are read back as a reader sees them: the Markdown is parsed (:mod:`rancang.richtext`, what the DOCX
and the site render) and compared cell by cell, so an unescaped ``|`` that splits a cell, or a fact put in the
wrong column, fails. Unknown innovation ids are reported at their place (path:line:col) with the closest id.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from rancang import richtext
from rancang.cli import main
from rancang.drafting import annex_tables
from rancang.models import FORMATS
from rancang.models.catalogue import Agency
from rancang.models.innovation import Innovation
from rancang.models.regulation import Annex, Regulation
from rancang.scaffold import region_words, skeleton_text
from rancang.validation import validate
from rancang.yamlsource import load_text

from support import REPO, copy_example

AGENCIES = {
    "bappeda": Agency.model_validate({"id": "bappeda", "nama": "Badan Perencanaan Pembangunan Daerah",
                                      "singkatan": "Bappeda"}),
    "dinas-x": Agency.model_validate({"id": "dinas-x", "nama": "Dinas Komunikasi | Informatika"}),
}


def innovation(**values) -> Innovation:
    return Innovation.model_validate(values)


INNOVATIONS = {
    "zebra-layanan": innovation(nama="Zebra Layanan", perangkat_daerah="bappeda", bentuk="tata_kelola",
                                jenis="digital", tahapan="penerapan", tanggal_uji_coba="2018",
                                tanggal_penerapan="2019-03"),
    "apel-pagi": innovation(nama="Apel Pagi", tahapan="uji_coba", tanggal_penerapan="2020"),
    "sapa-warga": innovation(nama="Sapa | Warga *Cepat* [[x]]", perangkat_daerah="dinas-x", unit="Bidang Satu",
                             bentuk="pelayanan_publik", jenis="non_digital", tahapan="inisiatif",
                             tanggal_inisiatif="2021-06-04"),
    "akar-rumput": innovation(nama="Akar Rumput", perangkat_daerah="tidak-ada", bentuk="lainnya"),
}


def annex(text: str, path: str = "regulations/kep.yaml") -> Annex:
    """A lampiran read from YAML as the loader reads it (with locations)."""
    source, problems = load_text(textwrap.dedent(text), path)
    assert problems == []
    model, problems = validate(Annex, source)
    assert [d.format() for d in problems] == []
    return model


def cells(markdown: str) -> list[list[str]]:
    """Every row of the one table in ``markdown`` (header first), each cell's words as a reader sees them."""
    tables = [block for block in richtext.parse(markdown).blocks if isinstance(block, richtext.Table)]
    assert len(tables) == 1, markdown
    table = tables[0]
    return [[richtext.plain(richtext.RichText((richtext.Paragraph(c.children),))).strip() for c in row]
            for row in (table.header, *table.rows)]


# -- the innovation table -------------------------------------------------------------------------------------


def test_all_innovations_by_name_with_what_each_record_holds():
    table = annex_tables.innovation_table(annex("judul: Daftar\ninovasi: semua\n"), INNOVATIONS, AGENCIES)
    assert cells(table) == [
        ["No.", "Nama Inovasi", "Perangkat Daerah", "Bentuk", "Jenis", "Tahapan", "Tanggal/Tahun"],
        # an agency id that names no agency, and every fact not recorded: empty, never guessed
        ["1.", "Akar Rumput", "", "Inovasi daerah lainnya", "", "", ""],
        # the stage's own date: uji coba without tanggal_uji_coba stays empty (not the implementation year)
        ["2.", "Apel Pagi", "", "", "", "Uji coba", ""],
        # "|", "*", "[[" in names are printed as written; the unit follows the agency
        ["3.", "Sapa | Warga *Cepat* [[x]]", "Dinas Komunikasi | Informatika (Bidang Satu)", "Pelayanan publik",
         "Non-digital", "Inisiatif", "4 Juni 2021"],
        ["4.", "Zebra Layanan", "Badan Perencanaan Pembangunan Daerah", "Tata kelola pemerintahan daerah",
         "Digital", "Penerapan", "Maret 2019"],
    ]


def test_listed_innovations_keep_the_order_written_and_unknown_ids_are_reported_at_their_place():
    lampiran = annex("""\
        judul: Daftar
        inovasi:
          - zebra-layanan
          - apel-pagi
          - zebra-layanan
          - sapa-wraga
          - tidak-mirip-apa-pun
        """)
    rows = cells(annex_tables.innovation_table(lampiran, INNOVATIONS, AGENCIES))
    assert [row[:2] for row in rows[1:]] == [["1.", "Zebra Layanan"], ["2.", "Apel Pagi"], ["3.", "Zebra Layanan"]]
    problems = [d.format() for d in annex_tables.innovation_problems(lampiran, INNOVATIONS)]
    assert problems == [
        "regulations/kep.yaml:5:5: R302: inovasi 'zebra-layanan' sudah disebut di baris 3 (hapus salah satunya: "
        "lampiran memuat setiap inovasi sekali)",
        "regulations/kep.yaml:6:5: R301: inovasi 'sapa-wraga' tidak dikenal (mungkin maksud Anda 'sapa-warga'? id "
        "inovasi adalah nama berkasnya di kb/inovasi/ (tanpa .yaml))",
        "regulations/kep.yaml:7:5: R301: inovasi 'tidak-mirip-apa-pun' tidak dikenal (id inovasi adalah nama "
        "berkasnya di kb/inovasi/ (tanpa .yaml); atau tulis inovasi: semua untuk memuat semua inovasi)",
    ]
    # a record whose file failed to load is reported there, not again here
    assert annex_tables.innovation_problems(lampiran, INNOVATIONS, {"inovasi/sapa-wraga", "inovasi/tidak-mirip-apa-pun"}) \
        == annex_tables.innovation_problems(lampiran, INNOVATIONS)[:1]


def test_all_innovations_of_an_empty_knowledge_base_is_a_table_without_rows():
    rows = cells(annex_tables.innovation_table(annex("judul: Daftar\ninovasi: semua\n"), {}, {}))
    assert rows == [list(annex_tables.INNOVATION_COLUMNS)]
    assert annex_tables.innovation_problems(annex("judul: Daftar\ninovasi: semua\n"), {}) == []


def test_a_lampiran_without_tables_gives_no_table():
    plain = annex("judul: Daftar\nisi: Teks saja.\n")
    assert annex_tables.innovation_table(plain, INNOVATIONS, AGENCIES) == ""
    assert annex_tables.member_table(plain) == ""
    assert annex_tables.annex_markdown(plain, INNOVATIONS, AGENCIES) == "Teks saja.\n"


# -- the member table -----------------------------------------------------------------------------------------


def test_members_with_empty_cells_where_nothing_is_given():
    lampiran = annex("""\
        judul: Susunan Keanggotaan Tim Inovasi Daerah
        isi: Susunan keanggotaan tim.
        anggota:
          - {jabatan_tim: Ketua, jabatan: Sekretaris Daerah}
          - jabatan_tim: Sekretaris
            jabatan: Kepala Badan Perencanaan Pembangunan Daerah
            nama: Nama | Dengan Garis
            nip: 198001012005011001
        """)
    assert cells(annex_tables.member_table(lampiran)) == [
        ["No.", "Jabatan dalam Tim", "Jabatan/Unsur", "Nama", "NIP"],
        ["1.", "Ketua", "Sekretaris Daerah", "", ""],
        ["2.", "Sekretaris", "Kepala Badan Perencanaan Pembangunan Daerah", "Nama | Dengan Garis",
         "198001012005011001"],
    ]
    whole = richtext.parse(annex_tables.annex_markdown(lampiran, INNOVATIONS, AGENCIES))
    assert [type(block).__name__ for block in whole.blocks] == ["Paragraph", "Table"]  # the text, then the table


def test_cell_escapes_what_markdown_would_read_and_keeps_one_line():
    text = "a | b *c* _d_ `e` <f> \\g [h](i) &amp; ![j]"
    parsed = cells(annex_tables.table(("X",), [[text + "\nlanjut"]]))
    assert parsed[1] == [text + " lanjut"]


# -- the Parepare example -------------------------------------------------------------------------------------


EXAMPLE = "regulations/keputusan-inovasi-daerah.yaml"


def test_the_parepare_keputusan_invents_no_number_date_or_name():
    regulation, problems = validate(Regulation, load_text((REPO / EXAMPLE).read_text(encoding="utf-8"), EXAMPLE)[0])
    assert problems == []
    assert regulation.kind.value == "keputusan_wali_kota"
    assert regulation.number is None and regulation.year is None and regulation.is_draft
    assert regulation.enactment.date is None and regulation.enactment.signatory is None
    assert [a.innovations for a in regulation.annexes] == ["semua"]
    data = "\n".join(line.split("##")[0] for line in (REPO / EXAMPLE).read_text(encoding="utf-8").splitlines())
    data = re.sub(r"\b[a-z]+-\d+-\d{4}\b", "", data).replace("Nomor 38 Tahun 2017", "")  # catalogue ids, PP 38
    assert not re.search(r"\d", data.split("\n", 1)[1])  # no year, number or date of its own


def test_the_parepare_keputusan_checks_clean_and_its_lampiran_lists_the_knowledge_base(tmp_path):
    from rancang.check import check_project

    root = copy_example(tmp_path / "contoh")
    checked = check_project(root)
    mine = [d.format() for d in checked.report.diagnostics if d.location.path == EXAMPLE]
    assert mine == []
    data = checked.data
    lampiran = data.regulations["keputusan-inovasi-daerah"].annexes[0]
    rows = cells(annex_tables.innovation_table(lampiran, data.innovations, data.agencies))
    assert rows[1:] == [
        ["1.", "Berdaya Srikandi oleh Srikandi", "Dinas Pertanian, Kelautan dan Perikanan", "Pelayanan publik", "",
         "Penerapan", ""],
        ["2.", "Call Center 112", "", "Pelayanan publik", "", "Penerapan", ""],
        ["3.", "Call Nak Center", "", "Pelayanan publik", "", "", ""],
        ["4.", "Direktori Inovasi", "Badan Perencanaan Pembangunan Daerah", "", "Digital", "", ""],
        ["5.", "Kantong Kreatif", "Kecamatan Bacukiki", "Pelayanan publik", "", "", ""],
        ["6.", "Workshop Champion of Innovation", "", "", "", "", ""],
    ]


def test_the_parepare_keputusan_docx_has_its_diktum_and_the_generated_lampiran(tmp_path, monkeypatch):
    from docx_reading import blocks

    root = copy_example(tmp_path / "contoh")
    monkeypatch.chdir(root)
    assert main(["draft", EXAMPLE, "--strict"]) == 0  # no drafting finding either
    written = sorted((root / "_build").rglob("keputusan-inovasi-daerah*.docx"))
    assert written, list((root / "_build").rglob("*.docx"))
    found = [(style, text) for style, text in blocks(written[0].read_bytes()) if text]
    texts = [text for _style, text in found]
    assert ("Judul Peraturan", "KEPUTUSAN WALI KOTA PAREPARE") in found
    assert ("Judul Peraturan", "PENETAPAN INOVASI DAERAH KOTA PAREPARE") in found
    decision = texts.index("MEMUTUSKAN:")
    assert found[decision + 1:decision + 6] == [
        ("tabel", "Menetapkan | : | KEPUTUSAN WALI KOTA TENTANG PENETAPAN INOVASI DAERAH KOTA PAREPARE."),
        ("tabel", "KESATU | : | Menetapkan Inovasi Daerah Kota Parepare sebagaimana tercantum dalam Lampiran yang "
                  "merupakan bagian tidak terpisahkan dari Keputusan Wali Kota ini."),
        ("tabel", "KEDUA | : | Perangkat daerah pelaksana Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU "
                  "bertugas:\na.\tmelaksanakan Inovasi Daerah sesuai dengan tahapannya;\nb.\tmenyediakan data dan "
                  "bukti dukung Inovasi Daerah untuk pengisian Indeks Inovasi Daerah; dan\nc.\tmelaporkan "
                  "pelaksanaan Inovasi Daerah kepada Wali Kota melalui Badan Perencanaan Pembangunan Daerah."),
        ("tabel", "KETIGA | : | Badan Perencanaan Pembangunan Daerah mengoordinasikan pelaksanaan dan pelaporan "
                  "Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU."),
        ("tabel", "KEEMPAT | : | Keputusan Wali Kota ini mulai berlaku pada tanggal ditetapkan."),
    ]
    copies = texts.index("Tembusan:")
    assert found[copies:copies + 3] == [
        ("Tembusan", "Tembusan:"), ("Tembusan", "1.\tGubernur Sulawesi Selatan di Makassar;"),
        ("Tembusan", "2.\tKetua Dewan Perwakilan Rakyat Daerah Kota Parepare di Parepare.")]
    assert ("Tanda Tangan", "pada tanggal ...") in found  # no date invented
    annex = texts.index("LAMPIRAN")
    assert found[annex:annex + 13] == [
        ("Lampiran Kepala", "LAMPIRAN"), ("Lampiran Kepala", "KEPUTUSAN WALI KOTA PAREPARE"),
        ("Lampiran Kepala", "NOMOR ..."), ("Lampiran Kepala", "TENTANG"),
        ("Lampiran Kepala", "PENETAPAN INOVASI DAERAH KOTA PAREPARE"),
        ("Judul Lampiran", "DAFTAR INOVASI DAERAH KOTA PAREPARE"),
        ("tabel", "No. | Nama Inovasi | Perangkat Daerah | Bentuk | Jenis | Tahapan | Tanggal/Tahun"),
        ("tabel", "1. | Berdaya Srikandi oleh Srikandi | Dinas Pertanian, Kelautan dan Perikanan | Pelayanan publik "
                  "|  | Penerapan | "),
        ("tabel", "2. | Call Center 112 |  | Pelayanan publik |  | Penerapan | "),
        ("tabel", "3. | Call Nak Center |  | Pelayanan publik |  |  | "),
        ("tabel", "4. | Direktori Inovasi | Badan Perencanaan Pembangunan Daerah |  | Digital |  | "),
        ("tabel", "5. | Kantong Kreatif | Kecamatan Bacukiki | Pelayanan publik |  |  | "),
        ("tabel", "6. | Workshop Champion of Innovation |  |  |  |  | "),
    ]
    assert not any("Berita Daerah" in text or "Diundangkan" in text for text in texts)  # not promulgated


# -- rancang new keputusan ------------------------------------------------------------------------------------


def uncomment(text: str) -> str:
    return "\n".join(re.sub(r"^(\s*)# (?!#)", r"\1", line) for line in text.splitlines()) + "\n"


def project(root: Path, kind: str, name: str, extra: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "rancang.yaml").write_text(
        f"daerah:\n  jenis: {kind}\n  nama: {name}\n  provinsi: Sulawesi Selatan\n{extra}", encoding="utf-8")
    return root


def test_uncommented_keputusan_skeleton_validates_and_shows_every_decree_key():
    text = uncomment(skeleton_text("keputusan")).replace("__SCHEMA__", "").replace("__ID__", "x")
    for placeholder, word in region_words(None).items():
        text = text.replace(placeholder, word)
    text = re.sub(r"^tentang:.*$", "tentang: Contoh", text, flags=re.M)
    source, problems = load_text(text, "keputusan.yaml")
    assert problems == []
    model, problems = validate(FORMATS["regulasi"].model, source)
    assert [d.format() for d in problems] == []
    assert model.kind.value == "keputusan_wali_kota"
    shown = set(re.findall(r"^\s*(?:- )?([a-z_]+):", text, flags=re.M))
    assert {"jenis", "nomor", "tahun", "tentang", "menimbang", "mengingat", "memperhatikan", "diktum", "teks",
            "rincian", "sifat", "butir", "penutup", "ketentuan_penutup", "mulai_berlaku", "penetapan", "tempat",
            "tanggal", "penanda_tangan", "tembusan", "lampiran", "judul", "isi", "inovasi", "anggota",
            "jabatan_tim", "jabatan", "nama", "nip", "abaikan_aturan", "nama_diri"} <= shown
    # and nothing of a Perkada or Perda
    assert not shown & {"batang_tubuh", "ketentuan_umum", "pengundangan", "penjelasan", "mengubah", "pasal", "ayat"}


@pytest.mark.parametrize(("kind", "name", "extra", "jenis", "words"), [
    ("kota", "Parepare", "", "keputusan_wali_kota", "Keputusan Wali Kota ini"),
    ("kota", "Parepare", "ejaan_jabatan: Walikota\n", "keputusan_wali_kota", "Keputusan Walikota ini"),
    ("kabupaten", "Pangkajene dan Kepulauan", "", "keputusan_bupati", "Keputusan Bupati ini"),
])
def test_new_keputusan_in_the_regions_words(tmp_path, monkeypatch, capsys, kind, name, extra, jenis, words):
    root = project(tmp_path / "p", kind, name, extra)
    monkeypatch.chdir(root)
    assert main(["new", "keputusan", "penetapan-inovasi"]) == 0
    written = root / "regulations/penetapan-inovasi.yaml"
    assert f"Dibuat: regulations/penetapan-inovasi.yaml" in capsys.readouterr().out
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/regulasi.schema.json"
    assert f"\njenis: {jenis}" in text
    assert words in text
    region = f"{'Kota' if kind == 'kota' else 'Kabupaten'} {name}"
    assert f"DAFTAR INOVASI DAERAH {region.upper()}" not in text  # placeholders are the region's words, as typed
    assert f"DAFTAR INOVASI DAERAH {region}" in text
    assert "__" not in text
    # the skeleton is not a finished Keputusan: 'tentang' and 'diktum' are still to fill, and check says so
    assert main(["check"]) == 1
    said = capsys.readouterr().out
    assert "regulations/penetapan-inovasi.yaml" in said and "tentang" in said and "diktum" in said
    # filled in, it is a Keputusan that checks
    first, rest = text.split("\n", 1)  # the schema line stays a comment
    filled = first + "\n" + uncomment(rest).replace("tentang:", "tentang: Penetapan Inovasi Daerah", 1)
    written.write_text(filled, encoding="utf-8")
    (root / "kb").mkdir(exist_ok=True)
    (root / "kb/dasar-hukum.yaml").write_text(
        (REPO / "kb/dasar-hukum.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    from rancang.check import check_project

    checked = check_project(root)
    assert [d.format() for d in checked.report.errors] == []


def test_new_refuses_an_unknown_kind_listing_keputusan(tmp_path, monkeypatch, capsys):
    from rancang.diagnostics import RancangError
    from rancang.scaffold import new_record

    with pytest.raises(RancangError) as raised:
        new_record(project(tmp_path, "kota", "Parepare"), "ketetapan", "x")
    assert "pilih inovasi, regulasi, kunjungan, keputusan" in raised.value.diagnostics[0].message


def test_check_reports_an_unknown_innovation_of_the_lampiran_at_its_line(tmp_path, monkeypatch, capsys):
    root = copy_example(tmp_path / "contoh")
    path = root / EXAMPLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    inovasi: semua", "    inovasi:\n      - call-center-112\n      - call-centre-112"),
                    encoding="utf-8")
    line = text.splitlines().index("    inovasi: semua") + 3
    monkeypatch.chdir(root)
    assert main(["check", EXAMPLE]) == 1
    message = (f"{EXAMPLE}:{line}:9: R301: inovasi 'call-centre-112' tidak dikenal (mungkin maksud Anda "
               "'call-center-112'? id inovasi adalah nama berkasnya di kb/inovasi/ (tanpa .yaml))")
    assert message in capsys.readouterr().out
    # docs/keputusan.md quotes exactly this message
    assert f"\n{message}\n" in (REPO / "docs/keputusan.md").read_text(encoding="utf-8")


TEAM = """\
jenis: keputusan_bupati
tentang: Pembentukan Tim Inovasi Daerah
menimbang:
  - bahwa perlu dibentuk tim untuk mengoordinasikan inovasi daerah
mengingat: [uu-23-2014]
diktum:
  - id: diktum-pembentukan
    teks: >-
      Membentuk Tim Inovasi Daerah dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang
      merupakan bagian tidak terpisahkan dari Keputusan Bupati ini.
  - teks: Tim Inovasi Daerah [[diktum-pembentukan]] melaporkan pelaksanaan tugasnya kepada Bupati.
penetapan:
  tempat: Pangkajene
lampiran:
  - judul: Susunan Keanggotaan Tim Inovasi Daerah
    isi: Susunan keanggotaan Tim Inovasi Daerah.
    anggota:
      - {jabatan_tim: Ketua, jabatan: Sekretaris Daerah}
      - {jabatan_tim: Sekretaris, jabatan: Kepala Badan Perencanaan Pembangunan Daerah}
      - {jabatan_tim: Anggota, jabatan: Kepala Dinas Komunikasi dan Informatika}
"""


def test_a_regency_keputusan_forming_a_team_prints_its_member_table(tmp_path, monkeypatch):
    from docx_reading import blocks

    root = project(tmp_path / "pangkep", "kabupaten", "Pangkajene dan Kepulauan", "  ibu_kota: Pangkajene\n")
    (root / "kb").mkdir()
    (root / "kb/dasar-hukum.yaml").write_text((REPO / "kb/dasar-hukum.yaml").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    (root / "regulations").mkdir()
    (root / "regulations/tim-inovasi.yaml").write_text(TEAM, encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["draft", "regulations/tim-inovasi.yaml", "-o", "tim.docx"]) == 0
    found = [(style, text) for style, text in blocks((root / "tim.docx").read_bytes()) if text]
    texts = [text for _style, text in found]
    assert ("Judul Peraturan", "KEPUTUSAN BUPATI PANGKAJENE DAN KEPULAUAN") in found
    assert "KEDUA | : | Tim Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU melaporkan pelaksanaan tugasnya " \
           "kepada Bupati." in texts
    annex = texts.index("LAMPIRAN")
    assert found[annex:annex + 11] == [
        ("Lampiran Kepala", "LAMPIRAN"), ("Lampiran Kepala", "KEPUTUSAN BUPATI PANGKAJENE DAN KEPULAUAN"),
        ("Lampiran Kepala", "NOMOR ..."), ("Lampiran Kepala", "TENTANG"),
        ("Lampiran Kepala", "PEMBENTUKAN TIM INOVASI DAERAH"),
        ("Judul Lampiran", "SUSUNAN KEANGGOTAAN TIM INOVASI DAERAH"),
        (found[annex + 6][0], "Susunan keanggotaan Tim Inovasi Daerah."),  # the lampiran's own text first
        ("tabel", "No. | Jabatan dalam Tim | Jabatan/Unsur | Nama | NIP"),
        ("tabel", "1. | Ketua | Sekretaris Daerah |  | "),  # no name, no NIP: empty, never invented
        ("tabel", "2. | Sekretaris | Kepala Badan Perencanaan Pembangunan Daerah |  | "),
        ("tabel", "3. | Anggota | Kepala Dinas Komunikasi dan Informatika |  | "),
    ]
