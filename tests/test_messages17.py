"""Issue 17, item 3: messages that say what to do next, as a new user meets them.

Unknown ids list the closest ids and the file where such ids are defined; a file that fails to decode names the
character and how to save it as UTF-8, and the ids of a file that failed to load are not reported again as
unknown; a malformed ``[[...]]`` marker is a located error; ``rancang report`` without results is an error; ``rancang
new inovasi "Nama Bebas"`` makes the slug id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.cli import main

SETTINGS = """\
daerah:
  jenis: kota
  nama: Parepare
  provinsi: Sulawesi Selatan
pemeriksaan:
  abaikan: [L]
"""

AGENCIES = """\
- id: dinas-kesehatan
  nama: Dinas Kesehatan
- id: dinas-kesehatan-hewan
  nama: Dinas Kesehatan Hewan
- id: dinas-pendidikan
  nama: Dinas Pendidikan
"""

CATALOGUE = """\
- id: uu-23-2014
  jenis: UU
  nomor: 23
  tahun: 2014
  tentang: Pemerintahan Daerah
  terkonfirmasi: true
- id: pp-38-2017
  jenis: PP
  nomor: 38
  tahun: 2017
  tentang: Inovasi Daerah
  terkonfirmasi: true
"""


def make_project(root: Path, files: dict[str, str | bytes]) -> Path:
    base: dict[str, str | bytes] = {
        "rancang.yaml": SETTINGS,
        "kb/perangkat-daerah.yaml": AGENCIES,
        "kb/dasar-hukum.yaml": CATALOGUE,
    }
    base.update(files)
    for rel, content in base.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for folder in ("kb/inovasi", "regulations", "visits"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    return root


def run(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(root)
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# -- unknown ids: the closest ids and where such ids are defined ---------------------------------------------


def test_unknown_agency_lists_the_closest_ids_and_the_agencies_file(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {"kb/inovasi/a.yaml": "nama: A\nperangkat_daerah: dinas-keshatan\n"})
    code, out = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 1
    assert ("kb/inovasi/a.yaml:2:19: R301: perangkat daerah 'dinas-keshatan' tidak dikenal (mungkin maksud Anda "
            "'dinas-kesehatan' atau 'dinas-kesehatan-hewan'? id perangkat daerah didaftarkan di "
            "kb/perangkat-daerah.yaml)") in out
    assert "Traceback" not in out


def test_unknown_legal_basis_with_no_close_id_names_the_catalogue_file(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {"kb/inovasi/a.yaml": "nama: A\ndasar_hukum:\n  - id: perpres-99-2099\n"})
    code, out = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 1
    assert ("kb/inovasi/a.yaml:3:9: R301: dasar hukum 'perpres-99-2099' tidak dikenal "
            "(id dasar hukum didaftarkan di kb/dasar-hukum.yaml)") in out


def test_unknown_innovation_of_a_visit_names_the_profiles_folder(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {
        "kb/inovasi/call-center-112.yaml": "nama: Call Center 112\n",
        "kb/inovasi/call-center-113.yaml": "nama: Call Center 113\n",
        "visits/uji.yaml": VISIT.format(ref="call-centre-112"),
    })
    code, out = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 1
    assert ("R301: inovasi 'call-centre-112' tidak dikenal (mungkin maksud Anda 'call-center-112' atau "
            "'call-center-113'? id inovasi adalah nama berkasnya di kb/inovasi/ (tanpa .yaml))") in out


VISIT = """\
peran: tuan_rumah
pihak_lain: {{nama: DPRD Contoh}}
tanggal: 2021-06-04
inovasi: [{ref}]
"""


# -- a file that is not UTF-8: the character, where it is, how to save as UTF-8; no misleading R301 after -----


LATIN1_CATALOGUE = CATALOGUE.replace("Inovasi Daerah", "Inovasi Daerah dan Café").encode("cp1252")


def test_a_latin1_file_names_the_character_and_how_to_save_it_as_utf8(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {"kb/dasar-hukum.yaml": LATIN1_CATALOGUE})
    code, out = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 1
    line = next(text for text in out.splitlines() if "Y102" in text)
    assert line.startswith("kb/dasar-hukum.yaml:11:34: Y102: bita 0xe9 (karakter 'é' dalam pengodean "
                           "Windows-1252/Latin-1) bukan UTF-8; simpan ulang berkas dengan pengodean UTF-8 (")
    for program in ("Excel: Simpan Sebagai", "Notepad: Simpan Sebagai, Pengodean: UTF-8", "LibreOffice: Simpan Sebagai"):
        assert program in line
    assert "Traceback" not in out


def test_ids_of_a_catalogue_that_failed_to_load_are_not_reported_again_as_unknown(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {
        "kb/dasar-hukum.yaml": LATIN1_CATALOGUE,
        "kb/inovasi/a.yaml": "nama: A\ndasar_hukum:\n  - id: uu-23-2014\n  - id: pp-38-2017\n",
    })
    code, out = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 1
    assert "Y102" in out
    assert "R301" not in out, out
    assert "Ditemukan 1 galat" in out, out


def test_an_innovation_file_that_failed_to_load_is_not_reported_again_by_a_visit(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {
        "kb/inovasi/call-center-112.yaml": "nama: Call Center 112 \u2013 Darurat\n".encode("cp1252"),
        "visits/uji.yaml": VISIT.format(ref="call-center-112"),
    })
    code, out = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 1
    assert ("kb/inovasi/call-center-112.yaml:1:23: Y102: bita 0x96 (karakter '\u2013' dalam pengodean "
            "Windows-1252/Latin-1) bukan UTF-8") in out
    assert "R301" not in out, out


# -- a malformed reference marker: a located error, never text in a document ------------------------------


REGULATION = "regulations/perwali-inovasi-daerah.yaml"


def _break_marker(root: Path, good: str, bad: str) -> None:
    path = root / REGULATION
    text = path.read_text(encoding="utf-8")
    assert text.count(good) == 1
    path.write_text(text.replace(good, bad), encoding="utf-8")


@pytest.mark.parametrize(("bad", "column", "fix"), [
    ("[usulan-disampaikan]]", 39, "[[usulan-disampaikan]]"),
    ("[[usulan-disampaikan]", 39, "[[usulan-disampaikan]]"),
])
def test_a_marker_with_a_bracket_too_few_is_a_located_error(example_copy, capsys, bad, column, fix):
    _break_marker(example_copy, "Usulan Inovasi Daerah [[usulan-disampaikan]] dibahas",
                  f"Usulan Inovasi Daerah {bad} dibahas")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert (f"{REGULATION}:181:{column}: R305: penanda rujukan '{bad}' tidak lengkap: buka dengan [[ dan tutup "
            f"dengan ]] (tulis {fix})") in out.splitlines(), out


def test_a_broken_marker_never_reaches_the_regulation_document(example_copy, capsys):
    _break_marker(example_copy, "Tim Independen [[tim-menentukan-kelayakan]]", "Tim Independen [tim-menentukan-kelayakan]]")
    assert main(["draft", REGULATION, "-o", "keluar.docx"]) == 1
    captured = capsys.readouterr()
    assert "R305: penanda rujukan '[tim-menentukan-kelayakan]]' tidak lengkap" in captured.out + captured.err
    assert not (example_copy / "keluar.docx").exists()


# -- rancang report without results: an error naming the keys, nothing written ------------------------------


def _without_results(root: Path) -> Path:
    """The example visit as it is before the visit: no hasil, kesimpulan, tindak_lanjut."""
    import yaml

    path = root / "visits" / "dprd-pangkep-2021.yaml"
    visit = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("hasil", "kesimpulan", "tindak_lanjut"):
        del visit[key]
    path.write_text(yaml.safe_dump(visit, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_report_without_results_is_an_error_that_names_the_keys_and_writes_nothing(example_copy, capsys):
    _without_results(example_copy)
    assert main(["report", "visits/dprd-pangkep-2021.yaml", "-o", "laporan.docx"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith("visits/dprd-pangkep-2021.yaml:1:1: R306: laporan belum dapat dibuat: kunjungan ini "
                               "belum berisi kunci hasil, kesimpulan, atau tindak_lanjut (isi sesudah kunjungan "), lines
    for key in ("hasil", "kesimpulan", "tindak_lanjut", "rancang brief"):
        assert key in lines[0]
    assert "Traceback" not in captured.err
    assert not (example_copy / "laporan.docx").exists()
    assert not (example_copy / "_build" / "dokumen" / "dprd-pangkep-2021-laporan.docx").exists()
    # the brief, made before the visit, is still written
    assert main(["brief", "visits/dprd-pangkep-2021.yaml", "-o", "bahan.docx"]) == 0
    assert (example_copy / "bahan.docx").is_file()


# -- rancang new with a free name: the slug id, nama: filled, and it says so ---------------------------------


def test_new_innovation_from_a_free_name_makes_the_slug_id_and_fills_the_name(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {})
    code, out = run(tmp_path, monkeypatch, capsys, "new", "inovasi", "Pangkep Smart Village")
    assert code == 0, out
    assert out.splitlines() == [
        "'Pangkep Smart Village' bukan id, jadi id-nya dibuat dari nama itu: pangkep-smart-village; kunci nama: "
        "diisi 'Pangkep Smart Village'.",
        "Dibuat: kb/inovasi/pangkep-smart-village.yaml. Isi kuncinya, lalu jalankan 'rancang check'.",
    ]
    text = (tmp_path / "kb" / "inovasi" / "pangkep-smart-village.yaml").read_text(encoding="utf-8")
    assert "\nnama: Pangkep Smart Village\n" in text
    code, out = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 0, out


def test_a_free_name_that_yaml_would_misread_is_quoted(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {})
    code, out = run(tmp_path, monkeypatch, capsys, "new", "inovasi", "Layanan:  Cepat #1 Kécamatan")
    assert code == 0, out
    text = (tmp_path / "kb" / "inovasi" / "layanan-cepat-1-kecamatan.yaml").read_text(encoding="utf-8")
    assert '\nnama: "Layanan: Cepat #1 Kécamatan"\n' in text
    # a name with nothing to make an id of is still refused
    code, out = run(tmp_path, monkeypatch, capsys, "new", "inovasi", "!!!")
    assert code == 1
    assert "S207: id '!!!' tidak valid" in out
    assert sorted(path.name for path in (tmp_path / "kb" / "inovasi").iterdir()) == ["layanan-cepat-1-kecamatan.yaml"]


def test_a_broken_marker_in_an_annex_is_a_located_error(example_copy, capsys):
    with (example_copy / REGULATION).open("a", encoding="utf-8") as regulation:
        regulation.write("lampiran:\n  - judul: Format Usulan\n    isi: |\n      Usulan memuat hal [pasal-penetapan]].\n")
    lines = (example_copy / REGULATION).read_text(encoding="utf-8").splitlines()
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert (f"{REGULATION}:{len(lines)}:25: R305: penanda rujukan '[pasal-penetapan]]' tidak lengkap: buka dengan [[ "
            "dan tutup dengan ]] (tulis [[pasal-penetapan]])") in out.splitlines(), out
