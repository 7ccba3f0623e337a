"""Other regions' directories: ``direktori_lain`` in rancang.yaml, their copies, ``nama:id`` in visits.

The copies are read (never fetched) by every check and build; ``rancang direktori ambil`` is the only command that
touches the network. The fixtures here are written for the tests (the shapes of our own open data, with defects);
the Pangkep example's copy is checked against what the root project publishes now.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import socket
import textwrap
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from docx_reading import blocks, texts
from rancang.check import check_project
from rancang.cli import main
from rancang.language.numbering import long_date
from rancang.directories import json_nodes, parse_copy
from rancang.models.project import Project
from rancang.models.visit import Visit, split_ref
from rancang.yamlsource import load_text
from rancang.validation import validate
from support import REPO

PANGKEP = REPO / "examples" / "pangkep"
COPY = PANGKEP / "direktori-lain" / "parepare"
VISIT = "visits/studi-banding-parepare-2021.yaml"


# -- a small project with another directory -----------------------------------------------------------------

SETTINGS = """\
daerah:
  jenis: kabupaten
  nama: Contoh
  provinsi: Sulawesi Selatan
direktori_lain:
  tetangga:
    nama: Kota Tetangga
    alamat: sumber/data/inovasi.json
"""

#: Two profiles as another rancang site publishes them (our own words, not a real directory's text).
RECORDS = [
    {"id": "layanan-kilat", "nama": "Layanan Kilat", "perangkat_daerah": "dinas-a", "bentuk": "pelayanan_publik",
     "tahapan": "penerapan", "ringkasan": "Layanan perizinan selesai dalam satu hari.",
     "penghargaan": [{"nama": "Top 10 Lomba Contoh", "tahun": 2020, "pemberi": "Pemerintah Provinsi",
                      "tingkat": "provinsi"}]},
    {"id": "kebun-sekolah", "nama": "Kebun Sekolah", "tahapan": "uji_coba"},
]
AGENCIES = [{"id": "dinas-a", "nama": "Dinas Contoh Pelayanan", "singkatan": "DCP"}]


def dump(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_copy(root: Path, content: bytes, agencies: bytes | None = None, origin: bool = True) -> Path:
    folder = root / "direktori-lain" / "tetangga"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inovasi.json").write_bytes(content)
    if agencies is not None:
        (folder / "perangkat-daerah.json").write_bytes(agencies)
    if origin:
        (folder / "asal.yaml").write_text(
            f"alamat: sumber/data/inovasi.json\ndiambil: 2021-06-01T09:00:00+08:00\n"
            f"sha256: {hashlib.sha256(content).hexdigest()}\njumlah: 2\n", encoding="utf-8")
    return folder


def project(root: Path, visit: str | None = None, content: bytes | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "rancang.yaml").write_text(SETTINGS, encoding="utf-8")
    if content is not None:
        write_copy(root, content, dump(AGENCIES))
    if visit is not None:
        (root / "visits").mkdir(exist_ok=True)
        (root / "visits" / "kunjungan.yaml").write_text(textwrap.dedent(visit), encoding="utf-8")
    return root


GUEST_VISIT = """\
    peran: tamu
    pihak_lain: {nama: Pemerintah Kota Tetangga}
    tanggal: 2021-06-04
    agenda:
      - kegiatan: Paparan perizinan
        inovasi: tetangga:layanan-kilat
    inovasi:
      - tetangga:layanan-kilat
      - tetangga:kebun-sekolah
    hasil:
      - judul: Layanan perizinan
        inovasi: tetangga:layanan-kilat
        uraian: Dipaparkan oleh perangkat daerahnya.
"""


def run(root: Path, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- models ----------------------------------------------------------------------------------------------


def test_settings_name_other_directories_with_a_default_copy_path():
    source, problems = load_text(SETTINGS + "  lain:\n    nama: Kota Lain\n    alamat: https://contoh.test/data/"
                                 "inovasi.json\n    salinan: salinan/lain.json\n", "rancang.yaml")
    settings, found = validate(Project, source)
    assert not problems and not found
    assert settings.other_directories["tetangga"].name == "Kota Tetangga"
    assert settings.other_directories["tetangga"].copy_path("tetangga") == "direktori-lain/tetangga/inovasi.json"
    assert settings.other_directories["lain"].copy_path("lain") == "salinan/lain.json"


def test_a_directory_name_must_be_an_id_and_needs_its_address():
    source, _ = load_text(SETTINGS.replace("  tetangga:\n", "  Tetangga:\n") +
                          "  kosong:\n    nama: Kota Kosong\n", "rancang.yaml")
    _settings, found = validate(Project, source)
    shown = sorted(d.format() for d in found)
    assert any(line.startswith("rancang.yaml:7:5: S207: id 'Tetangga' tidak valid") for line in shown), shown
    assert "rancang.yaml:10:5: S201: kunci wajib 'alamat' tidak ada" in shown, shown


@pytest.mark.parametrize("ref, parts", [("call-center-112", (None, "call-center-112")),
                                        ("parepare:call-center-112", ("parepare", "call-center-112"))])
def test_innovation_refs_name_ours_or_another_directory(ref, parts):
    visit = Visit.model_validate({"peran": "tamu", "pihak_lain": {"nama": "X"}, "tanggal": "2021-06-04",
                                  "inovasi": [ref], "agenda": [{"kegiatan": "Paparan", "inovasi": ref}],
                                  "hasil": [{"judul": "J", "inovasi": ref, "uraian": "U"}]})
    assert split_ref(visit.innovations[0]) == parts


def test_a_malformed_reference_is_located_and_explained():
    source, _ = load_text("peran: tamu\npihak_lain: {nama: X}\ntanggal: 2021-06-04\ninovasi:\n"
                          "  - Parepare:Call Center\n  - parepare::x\n", "visits/k.yaml")
    _visit, found = validate(Visit, source)
    assert [d.format() for d in found] == [
        "visits/k.yaml:5:5: S207: id 'Parepare:Call Center' tidak valid: pakai huruf kecil a-z, angka, dan tanda "
        "hubung (call-center-112); inovasi daerah lain ditulis dengan nama direktorinya dan titik dua "
        "(parepare:call-center-112)",
        "visits/k.yaml:6:5: S207: id 'parepare::x' tidak valid: pakai huruf kecil a-z, angka, dan tanda hubung "
        "(call-center-112); inovasi daerah lain ditulis dengan nama direktorinya dan titik dua "
        "(parepare:call-center-112)",
    ]


# -- reading the copies ----------------------------------------------------------------------------------


def test_the_copy_is_read_into_foreign_never_into_our_innovations(tmp_path, monkeypatch):
    root = project(tmp_path / "p", GUEST_VISIT, dump(RECORDS))
    offline(monkeypatch)
    checked = check_project(root)
    assert not checked.report.diagnostics, [d.format() for d in checked.report.diagnostics]
    data = checked.data
    assert data.innovations == {}
    foreign = data.foreign["tetangga"]
    assert foreign.name == "Kota Tetangga"
    assert sorted(foreign.data.innovations) == ["kebun-sekolah", "layanan-kilat"]
    assert foreign.data.agencies["dinas-a"].short_name == "DCP"
    assert foreign.fetched.isoformat() == "2021-06-01T09:00:00+08:00"


QUOTED_SERVICE, QUOTED_TYPO, QUOTED_ITEM = '"pelayanan"', '"tahapn"', '"bukan objek"'


def test_problems_in_the_copy_are_located_inside_the_json(tmp_path, monkeypatch, capsys):
    bad = [dict(RECORDS[0], bentuk="pelayanan"), {"id": "kebun-sekolah", "nama": "Kebun", "tahapn": "uji_coba"},
           {"nama": "Tanpa id"}, "bukan objek", {"id": "kebun-sekolah", "nama": "Kebun lagi"}]
    content = dump(bad)
    root = project(tmp_path / "p", None, content)
    text = content.decode()
    lines = text.splitlines()

    def at(needle: str, occurrence: int = 0) -> str:
        numbers = [i for i, line in enumerate(lines) if needle in line]
        line = numbers[occurrence]
        return f"{line + 1}:{lines[line].index(needle) + 1}"

    opening = int(at("Tanpa id").split(":")[0]) - 1  # the line of the item's "{"
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 1
    copy = "direktori-lain/tetangga/inovasi.json"
    expected = [
        f"{copy}:{at(QUOTED_SERVICE)}: S204: nilai 'pelayanan' untuk 'bentuk' tidak dikenal; pilihan: tata_kelola, "
        "pelayanan_publik, lainnya (mungkin maksud Anda 'pelayanan_publik'?)",
        f"{copy}:{at(QUOTED_TYPO)}: S202: kunci 'tahapn' tidak dikenal (mungkin maksud Anda 'tahapan'?)",
        f"{copy}:{opening}:3: P441: butir ke-3 tidak memiliki 'id' yang valid (huruf kecil, angka, dan tanda "
        "hubung)",
        f"{copy}:{at(QUOTED_ITEM)}: P441: butir ke-4 bukan objek profil inovasi ({{...}})",
    ]
    for line in expected:
        assert line in out.splitlines(), out


def test_a_copy_that_is_not_json_is_reported_at_its_line_and_column(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p", None, b'[\n  {"id": "a", "nama": "A",}\n]\n')
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 1
    assert "direktori-lain/tetangga/inovasi.json:2:27: P441: salinan bukan JSON yang sah: nama kunci di antara " \
           "tanda kutip ganda diharapkan di sini" in out.splitlines(), out


def test_json_nodes_mark_every_value_where_it_is_written():
    text = '[\n  {"id": "a",\n   "nama": "A \\"kutip\\"", "angka": [1, -2.5e3, true, null]}\n]'
    node = json_nodes(text, "x.json")
    record = node.value[0]
    [(key, name)] = [(k, v) for k, v in record.value if k.value == "nama"]
    assert (key.start_mark.line + 1, key.start_mark.column + 1) == (3, 4)
    assert (name.start_mark.line + 1, name.start_mark.column + 1) == (3, 12)
    numbers = [v for k, v in record.value if k.value == "angka"][0]
    assert [(n.value, n.start_mark.column + 1) for n in numbers.value] == [
        ("1", 37), ("-2.5e3", 40), ("true", 48), ("null", 54)]


def test_a_missing_copy_says_to_fetch_it(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p", GUEST_VISIT)
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 1
    assert ("rancang.yaml:7:5: P440: salinan direktori Kota Tetangga (direktori-lain/tetangga/inovasi.json) belum ada "
            "(jalankan 'rancang direktori ambil tetangga' untuk mengambilnya dari sumber/data/inovasi.json)"
            ) in out.splitlines(), out
    assert "R301" not in out  # the references into it are not blamed twice


def test_a_changed_copy_is_a_warning_and_a_missing_origin_too(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p", GUEST_VISIT, dump(RECORDS))
    copy = root / "direktori-lain" / "tetangga" / "inovasi.json"
    copy.write_bytes(copy.read_bytes().replace(b"satu hari", b"dua hari"))
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 0
    assert ("direktori-lain/tetangga/asal.yaml:3:9: P442: peringatan: salinan direktori-lain/tetangga/inovasi.json "
            "berubah sejak diambil (sidik SHA-256-nya tidak sama dengan asal.yaml); salinan tidak boleh disunting "
            "(ambil ulang dengan 'rancang direktori ambil tetangga')") in out.splitlines(), out
    (root / "direktori-lain" / "tetangga" / "asal.yaml").unlink()
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 0
    assert ("direktori-lain/tetangga/inovasi.json: P443: peringatan: asal.yaml tidak ada di samping salinan: asal dan "
            "tanggal salinan tidak diketahui (ambil ulang dengan 'rancang direktori ambil tetangga')"
            ) in out.splitlines(), out


def test_a_copy_outside_the_project_is_refused(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p")
    (root / "rancang.yaml").write_text(SETTINGS + "    salinan: ../luar.json\n", encoding="utf-8")
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 1
    assert "rancang.yaml:7:5: P446: salinan '../luar.json' harus jalur relatif di dalam folder proyek" \
        in out.splitlines(), out
    (root / "rancang.yaml").write_text(SETTINGS + "    salinan: kb/tetangga.json\n", encoding="utf-8")
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 1
    assert "rancang.yaml:7:5: P446: salinan 'kb/tetangga.json' tidak boleh berada di folder data (kb/, " \
           "regulations/, visits/); pakai misalnya direktori-lain/tetangga/inovasi.json" in out.splitlines(), out


# -- references from visits ------------------------------------------------------------------------------


def test_unknown_references_say_how_to_add_or_name_the_record(tmp_path, monkeypatch, capsys):
    visit = """\
        peran: tamu
        pihak_lain: {nama: Pemerintah Kota Tetangga}
        tanggal: 2021-06-04
        inovasi:
          - layanan-kilat
          - taman-baca
          - tetanga:layanan-kilat
          - jiran:taman-baca
          - tetangga:layanan-kilatt
          - tetangga:taman-baca
        agenda:
          - kegiatan: Paparan
            inovasi: taman-baca
    """
    root = project(tmp_path / "p", visit, dump(RECORDS))
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 1
    found = [line for line in out.splitlines() if "R301" in line]
    assert found == [
        "visits/kunjungan.yaml:5:5: R301: inovasi 'layanan-kilat' tidak dikenal (inovasi itu ada di direktori Kota "
        "Tetangga: tulis 'tetangga:layanan-kilat')",
        "visits/kunjungan.yaml:6:5: R301: inovasi 'taman-baca' tidak dikenal (tambahkan profilnya dengan 'rancang new "
        "inovasi taman-baca'; bila inovasi itu milik daerah lain, daftarkan direktorinya di direktori_lain "
        "(rancang.yaml) lalu tulis 'NAMA:taman-baca')",
        "visits/kunjungan.yaml:7:5: R301: direktori lain 'tetanga' tidak dikenal (mungkin maksud Anda "
        "'tetangga:layanan-kilat'?)",
        "visits/kunjungan.yaml:8:5: R301: direktori lain 'jiran' tidak dikenal (daftarkan direktori itu di rancang.yaml "
        "(direktori_lain: jiran: nama, alamat) lalu jalankan 'rancang direktori ambil jiran'; atau, bila inovasi itu "
        "milik daerah kita, tulis id-nya saja dan tambahkan profilnya dengan 'rancang new inovasi taman-baca')",
        "visits/kunjungan.yaml:9:5: R301: inovasi 'layanan-kilatt' tidak ada di salinan direktori Kota Tetangga "
        "(direktori-lain/tetangga/inovasi.json) (mungkin maksud Anda 'tetangga:layanan-kilat'?)",
        "visits/kunjungan.yaml:10:5: R301: inovasi 'taman-baca' tidak ada di salinan direktori Kota Tetangga "
        "(direktori-lain/tetangga/inovasi.json) (bila inovasi itu baru ditambahkan di sana, ambil ulang salinannya "
        "dengan 'rancang direktori ambil tetangga')",
        "visits/kunjungan.yaml:13:14: R301: inovasi 'taman-baca' tidak dikenal (tambahkan profilnya dengan 'rancang "
        "new inovasi taman-baca'; bila inovasi itu milik daerah lain, daftarkan direktorinya di direktori_lain "
        "(rancang.yaml) lalu tulis 'NAMA:taman-baca')",
    ]


# -- the brief and the report ----------------------------------------------------------------------------


def offline(monkeypatch) -> None:
    """Any attempt to reach the network fails the test."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("hanya 'rancang direktori ambil' boleh mengakses jaringan")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_the_brief_shows_the_hosts_facts_with_attribution(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p", GUEST_VISIT, dump(RECORDS))
    offline(monkeypatch)
    code, _out, err = run(root, monkeypatch, capsys, "brief", "visits/kunjungan.yaml", "-o", "bahan.docx")
    assert code == 0, err
    shown = blocks((root / "bahan.docx").read_bytes())
    attribution = "Sumber: Direktori Inovasi Kota Tetangga, salinan data/inovasi.json tanggal 1 Juni 2021"
    heading = shown.index(("Judul 2", "A. Layanan Kilat"))
    assert shown[heading + 1] == ("Catatan", attribution)
    rows = [text for _style, text in shown[heading:]]
    assert "Perangkat daerah | : | Dinas Contoh Pelayanan" in rows
    assert "Tahapan | : | Penerapan" in rows
    assert "Layanan perizinan selesai dalam satu hari." in rows
    assert any("2020: Top 10 Lomba Contoh" in text for text in rows)
    assert ("Judul 2", "B. Kebun Sekolah") in shown
    assert any(text.startswith("1 | - | Paparan perizinan (Layanan Kilat) |") for _style, text in shown)

    code, _out, err = run(root, monkeypatch, capsys, "report", "visits/kunjungan.yaml", "-o", "laporan.docx")
    assert code == 0, err
    shown = texts((root / "laporan.docx").read_bytes())
    at = shown.index("Inovasi | : | Layanan Kilat")
    assert attribution in shown[at:at + 6]


def test_the_pangkep_brief_shows_parepares_innovations(tmp_path, monkeypatch, capsys):
    root = shutil.copytree(PANGKEP, tmp_path / "pangkep", ignore=shutil.ignore_patterns("_build"))
    code, _out, err = run(root, monkeypatch, capsys, "brief", VISIT, "-o", "bahan.docx")
    assert code == 0, err
    shown = blocks((root / "bahan.docx").read_bytes())
    copy = {record["id"]: record for record in json.loads((COPY / "inovasi.json").read_text(encoding="utf-8"))}
    agencies = {a["id"]: a["nama"] for a in json.loads((COPY / "perangkat-daerah.json").read_text(encoding="utf-8"))}
    origin = yaml.safe_load((COPY / "asal.yaml").read_text(encoding="utf-8"))
    attribution = f"Sumber: Direktori Inovasi Kota Parepare, salinan data/inovasi.json tanggal " \
                  f"{long_date(origin['diambil'].date())}"
    visit = yaml.safe_load((root / VISIT).read_text(encoding="utf-8"))
    assert ("Judul 1", "VI. INOVASI YANG DIPELAJARI") in shown
    for letter, ref in zip("ABCDE", visit["inovasi"]):
        record = copy[ref.split(":")[1]]
        heading = shown.index(("Judul 2", f"{letter}. {record['nama']}"))
        assert shown[heading + 1] == ("Catatan", attribution)
        if "perangkat_daerah" in record:
            assert ("tabel", f"Perangkat daerah | : | {agencies[record['perangkat_daerah']]}") in shown[heading:]
    text = "\n".join(t for _s, t in shown)
    assert "2020: Top 45 KIPP (Kementerian PANRB, tingkat nasional)" in text
    assert "Tamu | : | Pemerintah Kabupaten Pangkajene dan Kepulauan" in text


# -- the Pangkep site does not show Parepare's records, and builds stay offline ----------------------------


@pytest.mark.slow
def test_foreign_records_stay_out_of_the_site_and_the_build_is_offline(tmp_path, monkeypatch, capsys):
    root = shutil.copytree(PANGKEP, tmp_path / "pangkep", ignore=shutil.ignore_patterns("_build"))
    for page in ("index.md", "galeri.md", "ringkasan.md", "data.md", "kunjungan.md"):
        text = (REPO / "kb" / page).read_text(encoding="utf-8")
        if page == "index.md":
            text = text.replace("studi-kasus/berdaya-srikandi\n", "").split("## Studi kasus")[0]
        (root / "kb" / page).write_text(text, encoding="utf-8")

    offline(monkeypatch)
    code, out, err = run(root, monkeypatch, capsys, "build", "--no-pdf")
    assert code == 0, out + err
    assert "Situs: _build/html/index.html (0 profil inovasi, 2 rancangan peraturan, 1 kunjungan kerja)." in out
    site = root / "_build" / "html"
    assert json.loads((site / "data" / "inovasi.json").read_text(encoding="utf-8")) == []
    assert not (site / "kb" / "inovasi").exists()
    records = json.loads((COPY / "inovasi.json").read_text(encoding="utf-8"))
    for page in ("galeri.html", "ringkasan.html", "data.html"):
        html = (site / "kb" / page).read_text(encoding="utf-8")
        for record in records:
            assert f"inovasi/{record['id']}" not in html, (page, record["id"])
            if record["nama"] not in "Direktori Inovasi Kabupaten Pangkajene dan Kepulauan":  # the site's title
                assert record["nama"] not in html, (page, record["nama"])
    from search_reading import site_index

    assert not [url for url in site_index(site)[1] if "call-center-112" in url]
    brief = texts((root / "_build" / "dokumen" / "studi-banding-parepare-2021-bahan.docx").read_bytes())
    assert "A. Call Center 112" in brief


# -- the example's copy is what the root project publishes now -------------------------------------------


def test_the_pangkep_copy_equals_what_the_root_project_publishes(example_build):
    published = example_build.site / "data"
    copied = sorted(path.name for path in COPY.glob("*.json"))
    assert copied == ["dasar-hukum.json", "inovasi.json", "perangkat-daerah.json"]
    for name in copied:
        assert (COPY / name).read_bytes() == (published / name).read_bytes(), (
            f"examples/pangkep/direktori-lain/parepare/{name} sudah usang: jalankan 'rancang direktori ambil "
            "parepare' di examples/pangkep sesudah 'make build'")
    origin = yaml.safe_load((COPY / "asal.yaml").read_text(encoding="utf-8"))
    assert origin["alamat"] == "../../_build/html/data/inovasi.json"
    assert origin["sha256"] == hashlib.sha256((COPY / "inovasi.json").read_bytes()).hexdigest()
    assert origin["jumlah"] == len(json.loads((COPY / "inovasi.json").read_text(encoding="utf-8")))


def test_the_pangkep_example_checks_clean():
    checked = check_project(PANGKEP)
    assert not checked.report.errors, [d.format() for d in checked.report.errors]
    assert not [d for d in checked.report.warnings if d.code.startswith("P44")]
    assert set(checked.data.foreign) == {"parepare"}


# -- rancang direktori ambil -----------------------------------------------------------------------------


def test_fetching_from_a_path_writes_the_copy_and_its_origin(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p")
    source = root / "sumber" / "data"
    source.mkdir(parents=True)
    (source / "inovasi.json").write_bytes(dump(RECORDS))
    (source / "perangkat-daerah.json").write_bytes(dump(AGENCIES))
    code, out, err = run(root, monkeypatch, capsys, "direktori", "ambil", "tetangga")
    assert (code, err) == (0, "")
    assert out == ("Diambil: tetangga (Kota Tetangga) ke direktori-lain/tetangga/: inovasi.json 2 rekaman, "
                   "perangkat-daerah.json 1 rekaman.\n")
    folder = root / "direktori-lain" / "tetangga"
    assert (folder / "inovasi.json").read_bytes() == dump(RECORDS)
    assert (folder / "perangkat-daerah.json").read_bytes() == dump(AGENCIES)
    assert not (folder / "dasar-hukum.json").exists()
    origin = yaml.safe_load((folder / "asal.yaml").read_text(encoding="utf-8"))
    assert origin["alamat"] == "sumber/data/inovasi.json"
    assert origin["sha256"] == hashlib.sha256(dump(RECORDS)).hexdigest()
    assert origin["jumlah"] == 2
    assert origin["berkas_lain"] == {"perangkat-daerah.json": {"sha256": hashlib.sha256(dump(AGENCIES)).hexdigest(),
                                                               "jumlah": 1}}
    assert origin["diambil"].tzinfo is not None  # a date and time with its offset (not compared with the clock)
    checked = check_project(root)
    assert not checked.report.diagnostics, [d.format() for d in checked.report.diagnostics]


def test_fetched_data_with_problems_writes_nothing(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p", None, dump(RECORDS))
    before = {p.name: p.read_bytes() for p in (root / "direktori-lain" / "tetangga").iterdir()}
    source = root / "sumber" / "data"
    source.mkdir(parents=True)
    (source / "inovasi.json").write_bytes(dump([{"id": "a", "nama": "A", "tahapan": "selesai"}]))
    code, out, err = run(root, monkeypatch, capsys, "direktori", "ambil")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "rancang.yaml:8:13: P445: sumber/data/inovasi.json bukan data inovasi.json rancang yang sah; tidak ada yang "
        "ditulis",
        "sumber/data/inovasi.json:5:16: S204: nilai 'selesai' untuk 'tahapan' tidak dikenal; pilihan: inisiatif, "
        "uji_coba, penerapan",
    ]
    assert {p.name: p.read_bytes() for p in (root / "direktori-lain" / "tetangga").iterdir()} == before


def test_an_unknown_name_or_address_is_refused(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p")
    code, out, err = run(root, monkeypatch, capsys, "direktori", "ambil", "tetanga")
    assert (code, out) == (1, "")
    assert err == "rancang.yaml:1:1: P446: direktori lain 'tetanga' tidak ada di direktori_lain (rancang.yaml) " \
                  "(mungkin maksud Anda 'tetangga'?)\n"
    code, out, err = run(root, monkeypatch, capsys, "direktori", "ambil")
    assert code == 1
    assert err == "rancang.yaml:8:13: P444: berkas 'sumber/data/inovasi.json' tidak ditemukan (Kota Tetangga)\n"
    (root / "rancang.yaml").write_text(SETTINGS.replace("sumber/data/inovasi.json", "ftp://contoh.test/inovasi.json"),
                                       encoding="utf-8")
    code, out, err = run(root, monkeypatch, capsys, "direktori", "ambil")
    assert code == 1
    assert err == "rancang.yaml:8:13: P444: alamat 'ftp://contoh.test/inovasi.json' harus diawali http:// atau " \
                  "https://, atau berupa jalur berkas\n"
    assert not (root / "direktori-lain").exists()


class _Response(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.close()


def test_fetching_over_https_with_a_timeout(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p", None, dump(RECORDS))
    (root / "direktori-lain" / "tetangga" / "dasar-hukum.json").write_bytes(b"[]\n")  # no longer published
    (root / "rancang.yaml").write_text(SETTINGS.replace("sumber/data/inovasi.json",
                                                        "https://inovasi.contoh.test/data/inovasi.json"),
                                       encoding="utf-8")
    asked = []

    def served(request, timeout):
        asked.append((request.full_url, timeout))
        if request.full_url.endswith("/inovasi.json"):
            return _Response(dump(RECORDS[:1]))
        if request.full_url.endswith("/perangkat-daerah.json"):
            return _Response(dump(AGENCIES))
        raise urllib.error.HTTPError(request.full_url, 404, "Not Found", None, None)

    monkeypatch.setattr(urllib.request, "urlopen", served)
    code, out, err = run(root, monkeypatch, capsys, "direktori", "ambil", "tetangga")
    assert (code, err) == (0, "")
    assert [url for url, _ in asked] == ["https://inovasi.contoh.test/data/inovasi.json",
                                         "https://inovasi.contoh.test/data/perangkat-daerah.json",
                                         "https://inovasi.contoh.test/data/dasar-hukum.json"]
    assert all(timeout and timeout > 0 for _, timeout in asked)
    folder = root / "direktori-lain" / "tetangga"
    assert (folder / "inovasi.json").read_bytes() == dump(RECORDS[:1])
    assert not (folder / "dasar-hukum.json").exists()

    def slow(request, timeout):
        raise urllib.error.URLError(TimeoutError("timed out"))

    monkeypatch.setattr(urllib.request, "urlopen", slow)
    code, out, err = run(root, monkeypatch, capsys, "direktori", "ambil", "tetangga")
    assert code == 1
    assert err.startswith("rancang.yaml:8:13: P444: https://inovasi.contoh.test/data/inovasi.json tidak menjawab "
                          "dalam ")
    assert (folder / "inovasi.json").read_bytes() == dump(RECORDS[:1])  # the old copy stays
    # The brief names the web address beside the attribution.
    (root / "visits").mkdir()
    (root / "visits" / "k.yaml").write_text(textwrap.dedent(GUEST_VISIT).replace(
        "  - tetangga:kebun-sekolah\n", ""), encoding="utf-8")
    code, _out, err = run(root, monkeypatch, capsys, "brief", "visits/k.yaml", "-o", "b.docx")
    assert code == 0, err
    assert any(text.endswith("(https://inovasi.contoh.test/data/inovasi.json)") and text.startswith(
        "Sumber: Direktori Inovasi Kota Tetangga, salinan data/inovasi.json tanggal ")
        for text in texts((root / "b.docx").read_bytes()))


def test_parse_copy_accepts_what_our_open_data_writes(example_build):
    problems: list = []
    records = parse_copy((example_build.site / "data" / "inovasi.json").read_bytes(), "inovasi.json", "inovasi",
                         problems)
    assert problems == []
    assert sorted(records) == sorted(p.stem for p in (example_build.root / "kb" / "inovasi").glob("*.yaml"))


def test_an_unknown_agency_id_suggests_the_agency_it_abbreviates(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p")
    (root / "kb" / "inovasi").mkdir(parents=True)
    (root / "kb" / "perangkat-daerah.yaml").write_text(
        "- id: dinas-kesehatan\n  nama: Dinas Kesehatan\n  alias: [Dinkes Kabupaten Contoh]\n", encoding="utf-8")
    (root / "kb" / "inovasi" / "a.yaml").write_text("nama: A\nperangkat_daerah: dinkes\n", encoding="utf-8")
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 1
    assert "kb/inovasi/a.yaml:2:19: R301: perangkat daerah 'dinkes' tidak dikenal (mungkin maksud Anda " \
           "'dinas-kesehatan'? id perangkat daerah didaftarkan di kb/perangkat-daerah.yaml)" in out.splitlines(), out


def test_a_control_character_in_the_copy_is_refused_where_it_is():
    content = dump([{"id": "a", "nama": "A", "ringkasan": "baris\u0007bunyi"}, {"id": "b", "nama": "B"}])
    problems: list = []
    records = parse_copy(content, "salinan.json", "inovasi", problems)
    assert [d.format() for d in problems] == ["salinan.json:5:18: Y112: karakter kendali U+0007 tidak diizinkan "
                                              "dalam teks"]
    assert sorted(records) == ["b"]


def test_a_broken_origin_is_a_located_warning_and_the_copy_still_serves(tmp_path, monkeypatch, capsys):
    root = project(tmp_path / "p", GUEST_VISIT, dump(RECORDS))
    origin = root / "direktori-lain" / "tetangga" / "asal.yaml"
    origin.write_text(origin.read_text(encoding="utf-8").replace("jumlah: 2", "jumlah: dua"), encoding="utf-8")
    code, out, _err = run(root, monkeypatch, capsys, "check")
    assert code == 0
    assert [line for line in out.splitlines() if "P443" in line] == [
        "direktori-lain/tetangga/asal.yaml:4:9: P443: peringatan: asal.yaml tidak valid: 'jumlah' harus berupa "
        "bilangan bulat, bukan 'dua' (ambil ulang dengan 'rancang direktori ambil tetangga')"]
    code, _out, err = run(root, monkeypatch, capsys, "brief", "visits/kunjungan.yaml", "-o", "b.docx")
    assert code == 0, err
    shown = texts((root / "b.docx").read_bytes())
    assert "Sumber: Direktori Inovasi Kota Tetangga, salinan data/inovasi.json" in shown  # no date: not known


@pytest.mark.parametrize("content, message", [
    (b"[" * 200_000 + b"]" * 200_000, "x.json:1:1: P441: salinan bersarang terlalu dalam"),
    (b'[{"id": "a", "nama": ' + b"[" * 5000 + b"]" * 5000 + b"}]", "x.json:1:1: P441: salinan bersarang terlalu dalam"),
    (b"\xff\xfe[]", "x.json:1:1: P441: salinan bukan teks UTF-8"),
    (b"{}", "x.json:1:1: P441: salinan harus berupa daftar (JSON [...]) profil inovasi"),
])
def test_hostile_copies_are_refused_with_a_message(content, message):
    problems: list = []
    assert parse_copy(content, "x.json", "inovasi", problems) is None
    assert [d.format() for d in problems] == [message]
