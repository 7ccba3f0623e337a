"""The profile keys that provincial and national collections hold: the region (`wilayah`, with its Kemendagri
code), the process steps (`langkah`), the driving and hindering factors (`faktor_pendorong`,
`faktor_penghambat`), the contact's address and several phone numbers (`kontak.alamat`, `kontak.telepon`).

A profile written with them is read into the model and accepted by the JSON Schema; the profile page and the
study-visit brief show each of them under an Indonesian heading or label; a single phone number written as
one string, as profiles did before, stays valid; a wrong region code is reported in Indonesian at its
``berkas:baris:kolom``, together with every other problem of the file.

The profile is a fixture written for this test (its texts are made up, in the shape real collections have);
the bundled example's profiles are left as they are.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import lxml.html
import pytest

from docx_reading import blocks
from support import REPO, build_site_of, copy_example

from rancang.cli import main
from rancang.locations import locate
from rancang.models.innovation import Innovation
from rancang.present.innovation import InnovationView
from rancang.validation import validate
from rancang.yamlsource import load_text

RECORD_ID = "uji-kunci-profil"
VISIT_ID = "uji-kunci-profil"

RECORD = textwrap.dedent("""\
    # yaml-language-server: $schema=../../schemas/inovasi.schema.json
    nama: Layanan Uji Kunci Profil
    perangkat_daerah: bappeda
    wilayah:
      provinsi: Sulawesi Selatan
      kabupaten_kota: Kota Parepare
      kode: "73.72"
    ringkasan: Layanan contoh untuk menguji kunci profil yang baru.
    solusi: Warga melapor lewat satu nomor, petugas menindaklanjuti.
    langkah: |
      1. Warga menghubungi petugas jaga.
      2. Petugas mencatat laporan dan meneruskannya.
      3. Tim lapangan menindaklanjuti lalu melapor balik.
    hasil: Laporan ditangani lebih cepat.
    faktor_pendorong: |
      Dukungan **pimpinan daerah** dan petugas jaga yang terlatih.
    faktor_penghambat: |
      - Jaringan seluler lemah di pulau-pulau.
      - Warga belum mengenal nomor layanan.
    kontak:
      nama: Petugas Uji
      alamat: Jalan Contoh Nomor 1, Kelurahan Uji
      telepon:
        - "0421-000111"
        - "0812-0000-0222"
""")

VISIT = textwrap.dedent(f"""\
    # yaml-language-server: $schema=../schemas/kunjungan.schema.json
    peran: tuan_rumah
    pihak_lain:
      nama: DPRD Kabupaten Contoh
    tanggal: 2021-06-04
    inovasi:
      - {RECORD_ID}
""")

REGION_LINE = "Kota Parepare, Provinsi Sulawesi Selatan (kode 73.72)"
STEPS = ["Warga menghubungi petugas jaga.", "Petugas mencatat laporan dan meneruskannya.",
         "Tim lapangan menindaklanjuti lalu melapor balik."]
DRIVERS = "Dukungan pimpinan daerah dan petugas jaga yang terlatih."
OBSTACLES = ["Jaringan seluler lemah di pulau-pulau.", "Warga belum mengenal nomor layanan."]
ADDRESS = "Jalan Contoh Nomor 1, Kelurahan Uji"
PHONES = "0421-000111, 0812-0000-0222"


def read(text: str, name: str = RECORD_ID):
    """The profile ``text`` through the reader and the model: (record or None, problems as printed)."""
    source, problems = load_text(text, f"kb/inovasi/{name}.yaml")
    assert source is not None and not problems, [p.format() for p in problems]
    record, problems = validate(Innovation, source)
    return record, [p.format() for p in problems]


def with_lines(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


# -- the model and the schema ----------------------------------------------------------------------------------


def test_the_new_keys_reach_the_model():
    record, problems = read(RECORD)
    assert problems == []
    assert (record.area.province, record.area.city, record.area.code) == ("Sulawesi Selatan", "Kota Parepare",
                                                                        "73.72")
    assert record.steps.startswith("1. Warga menghubungi petugas jaga.\n2. ")
    assert record.drivers == "Dukungan **pimpinan daerah** dan petugas jaga yang terlatih.\n"
    assert record.obstacles.startswith("- Jaringan seluler lemah")
    assert record.contact.address == ADDRESS
    assert record.contact.phones == ["0421-000111", "0812-0000-0222"]


def test_the_view_gives_the_region_line_the_narratives_and_the_contact():
    record, _ = read(RECORD)
    view = InnovationView(RECORD_ID, record, data=None)  # nothing here reads the project's data
    assert view.region == REGION_LINE
    assert [(n.key, n.title) for n in view.narrative] == [
        ("summary", "Ringkasan"), ("solution", "Solusi"), ("steps", "Langkah-langkah"), ("results", "Hasil"),
        ("drivers", "Faktor pendorong"), ("obstacles", "Faktor penghambat")]
    assert [(line.label, line.value) for line in view.contacts] == [
        ("Nama", "Petugas Uji"), ("Alamat", ADDRESS), ("Telepon", PHONES)]


@pytest.mark.parametrize("area, line", [
    ("{provinsi: Sulawesi Selatan, kode: '73'}", "Provinsi Sulawesi Selatan (kode 73)"),
    ("{provinsi: Sulawesi Selatan, kode: 73}", "Provinsi Sulawesi Selatan (kode 73)"),  # a bare number
    ("{provinsi: Provinsi Sulawesi Selatan}", "Provinsi Sulawesi Selatan"),  # the word written once
    ("{provinsi: Sulawesi Selatan, kabupaten_kota: Kabupaten Pangkajene dan Kepulauan}",
     "Kabupaten Pangkajene dan Kepulauan, Provinsi Sulawesi Selatan"),
])
def test_the_region_line_of_a_province_or_without_code(area, line):
    record, problems = read(f"nama: Uji\nwilayah: {area}\n")
    assert problems == []
    view = InnovationView(RECORD_ID, record, data=None)
    assert view.region == line
    assert view.facts[0].label == "Wilayah" and view.facts[0].value == line


def test_a_profile_without_the_new_keys_shows_no_region():
    record, problems = read("nama: Uji\nperangkat_daerah: bappeda\n")
    assert problems == []
    assert record.area is None and record.contact is None
    agencies = type("Data", (), {"agencies": {}})()
    assert "wilayah" not in [fact.key for fact in InnovationView(RECORD_ID, record, agencies).facts]


def test_a_single_phone_number_written_as_one_string_stays_valid():
    record, problems = read('nama: Uji\nkontak:\n  telepon: "0421-21112"\n')
    assert problems == []
    assert record.contact.phones == ["0421-21112"]
    assert [(line.label, line.value) for line in InnovationView(RECORD_ID, record, None).contacts] == [
        ("Telepon", "0421-21112")]
    # the number's place is the scalar itself, as for the first item of a list
    assert str(locate(record.contact, "phones", 0)) == f"kb/inovasi/{RECORD_ID}.yaml:3:12"
    record, _ = read('nama: Uji\nkontak:\n  telepon:\n    - "0421-21112"\n')
    assert str(locate(record.contact, "phones", 0)) == f"kb/inovasi/{RECORD_ID}.yaml:4:7"


def test_a_wrong_single_phone_number_is_located_at_its_scalar():
    _, problems = read("nama: Uji\nkontak:\n  nama: Budi\n  telepon: 112\n")
    assert problems == [f"kb/inovasi/{RECORD_ID}.yaml:4:12: S203: 'telepon' harus berupa teks, bukan '112' "
                        "(tulis di antara tanda kutip bila ini memang teks)"]
    _, problems = read('nama: Uji\nkontak:\n  telepon:\n    - "0421-21112"\n    - ""\n')
    assert problems == [f"kb/inovasi/{RECORD_ID}.yaml:5:7: S206: teks tidak boleh kosong"]


def test_the_schema_describes_the_new_keys_and_accepts_what_the_model_accepts():
    schema = json.loads((REPO / "schemas" / "inovasi.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    properties = schema["properties"]
    for key in ("wilayah", "langkah", "faktor_pendorong", "faktor_penghambat"):
        assert properties[key]["title"] == key and properties[key]["description"]
    area = schema["$defs"]["Area"]
    assert area["title"] == "Wilayah" and area["required"] == ["provinsi"]
    assert set(schema["$defs"]["Contact"]["properties"]) >= {"alamat", "telepon"}

    source, _ = load_text(RECORD, "x.yaml")
    assert not list(checker.iter_errors(source.data))
    one_phone = {"nama": "Uji", "kontak": {"telepon": "0421-21112"}}
    assert not list(checker.iter_errors(one_phone))
    for bad in ("7372", "73.7", "73-72", "Sulsel"):
        assert list(checker.iter_errors({"nama": "Uji", "wilayah": {"provinsi": "Sulawesi Selatan", "kode": bad}}))


def test_a_wrong_region_code_is_reported_in_indonesian_with_every_other_problem(tmp_path, monkeypatch, capsys):
    root = copy_example(tmp_path / "proyek", parts=("rancang.yaml", "kb", "regulations", "templates", "schemas"))
    folder = root / "kb" / "inovasi"
    (folder / "kode-salah.yaml").write_text(textwrap.dedent("""\
        nama: Uji Kode Salah
        wilayah:
          provinsi: Sulawesi Selatan
          kabupaten_kota: Kota Parepare
          kode: "7372"
        kontak:
          telepon: 112
    """), encoding="utf-8")
    (folder / "kode-bilangan.yaml").write_text(
        "nama: Uji Kode Bilangan\nwilayah:\n  provinsi: Sulawesi Selatan\n  kabupaten_kota: Kota Parepare\n"
        "  kode: 73.10\n", encoding="utf-8")
    (folder / "kode-tingkat.yaml").write_text(
        "nama: Uji Kode Tingkat\nwilayah: {provinsi: Sulawesi Selatan, kode: '73.72'}\n", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    assert main(["check", "kb/inovasi"]) == 1
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "Traceback" not in printed
    for line in (
        "kb/inovasi/kode-salah.yaml:5:9: S206: kode wilayah '7372' tidak valid: tulis kode Kemendagri NN untuk "
        "provinsi (misalnya 73) atau NN.NN untuk kabupaten/kota (misalnya 73.72)",
        "kb/inovasi/kode-salah.yaml:7:12: S203: 'telepon' harus berupa teks, bukan '112'",
        "kb/inovasi/kode-bilangan.yaml:5:9: S206: kode wilayah 73.1 ditulis tanpa tanda kutip sehingga terbaca "
        "sebagai bilangan (73.10 menjadi 73.1): tulis kodenya di antara tanda kutip, misalnya kode: \"73.72\"",
        "kb/inovasi/kode-tingkat.yaml:2:45: S206: kode wilayah '73.72' adalah kode kabupaten/kota, tetapi "
        "'kabupaten_kota' tidak diisi: isi 'kabupaten_kota', atau tulis kode provinsi NN (misalnya 73)",
    ):
        assert line in printed, printed


def test_a_province_code_beside_a_city_is_refused():
    _, problems = read("nama: Uji\nwilayah:\n  provinsi: Sulawesi Selatan\n  kabupaten_kota: Kota Parepare\n"
                       "  kode: '73'\n")
    assert problems == [f"kb/inovasi/{RECORD_ID}.yaml:5:9: S206: kode wilayah '73' adalah kode provinsi, sedangkan "
                        "'kabupaten_kota' diisi: tulis kode kabupaten/kota NN.NN (misalnya 73.72)"]


# -- the profile page and the brief ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with the fixture profile and a visit that names it."""
    root = copy_example(tmp_path_factory.mktemp("kunci-profil") / "proyek")
    (root / "kb" / "inovasi" / f"{RECORD_ID}.yaml").write_text(RECORD, encoding="utf-8")
    (root / "visits" / f"{VISIT_ID}.yaml").write_text(VISIT, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    """Its site, built once (Sphinx warnings not allowed)."""
    folder, _warnings = build_site_of(project, documents=False)
    return folder


def _text(element) -> str:
    return " ".join(element.text_content().replace("\u00b6", "").split())


def test_the_profile_page_shows_the_region_steps_factors_and_contact(site):
    page = lxml.html.parse(str(site / "kb" / "inovasi" / f"{RECORD_ID}.html")).getroot()
    facts = [[_text(cell) for cell in row.xpath("./td|./th")]
             for row in page.xpath("//table[contains(@class, 'rancang-fakta')]//tr")]
    assert facts[0] == ["Wilayah", REGION_LINE]

    def part(anchor: str):
        [found] = page.xpath(f"//section[@id='{anchor}']")
        return found

    steps = part("steps")
    assert _text(steps.xpath("./h2")[0]) == "Langkah-langkah"
    assert [_text(li) for li in steps.xpath(".//ol/li")] == STEPS
    drivers = part("drivers")
    assert _text(drivers.xpath("./h2")[0]) == "Faktor pendorong"
    assert _text(drivers.xpath(".//p")[0]) == DRIVERS
    assert _text(drivers.xpath(".//strong")[0]) == "pimpinan daerah"
    obstacles = part("obstacles")
    assert _text(obstacles.xpath("./h2")[0]) == "Faktor penghambat"
    assert [_text(li) for li in obstacles.xpath(".//ul/li")] == OBSTACLES
    headings = [_text(h) for h in page.xpath("//section/h2")]
    assert headings.index("Solusi") < headings.index("Langkah-langkah") < headings.index("Hasil") \
        < headings.index("Faktor pendorong") < headings.index("Faktor penghambat") < headings.index("Kontak")

    contact = [[_text(cell) for cell in row.xpath("./td|./th")]
               for row in part("kontak").xpath(".//table[contains(@class, 'rancang-kontak')]//tr")]
    assert contact == [["Nama", "Petugas Uji"], ["Alamat", ADDRESS], ["Telepon", PHONES]]


def test_the_brief_shows_the_region_steps_factors_and_contact(project):
    from support import check_clean

    from rancang.documents import visit_docx

    found = blocks(visit_docx(project, check_clean(project).data, VISIT_ID, "brief"))
    start = found.index(("Judul 2", "A. Layanan Uji Kunci Profil"))
    end = next(i for i, (style, _text) in enumerate(found) if i > start and style == "Judul 1")
    section = found[start + 1:end]
    texts = [text for _style, text in section]
    assert texts[0] == f"Wilayah | : | {REGION_LINE}"

    def under(heading: str) -> list[tuple[str, str]]:
        index = section.index(("Judul 3", heading))
        following = next((i for i in range(index + 1, len(section)) if section[i][0] == "Judul 3"), len(section))
        return [item for item in section[index + 1:following] if item[1]]

    assert [text.split("\t", 1)[-1] for _style, text in under("Langkah-langkah")] == STEPS
    assert [text for _style, text in under("Faktor pendorong")] == [DRIVERS]
    assert [text.split("\t", 1)[-1] for _style, text in under("Faktor penghambat")] == OBSTACLES
    assert under("Kontak") == [("tabel", "Nama | : | Petugas Uji"), ("tabel", f"Alamat | : | {ADDRESS}"),
                               ("tabel", f"Telepon | : | {PHONES}")]
    headings = [text for style, text in section if style == "Judul 3"]
    assert headings == ["Langkah-langkah", "Dasar hukum", "Anggaran", "Hasil", "Faktor pendorong",
                        "Faktor penghambat", "Replikasi", "Kontak"]

