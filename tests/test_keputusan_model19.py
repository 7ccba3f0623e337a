"""The Keputusan Kepala Daerah in the regulation model: its kinds, keys and what each kind may not hold.

Every problem is read as ``rancang check`` prints it (file:line:col, code, Indonesian message), all at once; a
Peraturan keeps its old behaviour and messages (a whole-number nomor, a required batang_tubuh).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from rancang.cli import main
from rancang.models.regulation import AllInnovations, Regulation, RegulationKind

CATALOGUE = """\
- id: uud-1945
  jenis: UUD
  tahun: 1945
  terkonfirmasi: true
"""

DECREE = """
    jenis: keputusan_wali_kota
    tentang: Pembentukan Tim Uji
    menimbang: [bahwa perlu dibentuk Tim Uji]
    mengingat: [uud-1945]
    diktum:
      - Membentuk Tim Uji.
    """


def check_output(tmp_path: Path, monkeypatch, capsys, files: dict[str, str], region: str = "kota") -> list[str]:
    root = tmp_path / "proyek"
    (root / "kb").mkdir(parents=True)
    (root / "regulations").mkdir()
    (root / "rancang.yaml").write_text(
        f"daerah: {{jenis: {region}, nama: Parepare, provinsi: Sulawesi Selatan}}\n", encoding="utf-8")
    (root / "kb" / "dasar-hukum.yaml").write_text(CATALOGUE, encoding="utf-8")
    for name, text in files.items():
        (root / "regulations" / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    monkeypatch.chdir(root)
    code = main(["check"])
    out = capsys.readouterr().out.splitlines()
    return [line for line in out if not line.startswith(("Diperiksa", "Ditemukan"))] + [f"kode keluar {code}"]


def test_a_plain_keputusan_is_valid_and_clean(tmp_path, monkeypatch, capsys):
    assert check_output(tmp_path, monkeypatch, capsys, {"kep.yaml": DECREE}) == ["Tidak ada masalah.", "kode keluar 0"]


def test_a_keputusan_reports_every_key_of_a_peraturan_at_once(tmp_path, monkeypatch, capsys):
    out = check_output(tmp_path, monkeypatch, capsys, {"kep.yaml": DECREE + """
    ketentuan_umum:
      - istilah: Daerah
        arti: Kota Parepare
    batang_tubuh:
      - teks: Tim dibentuk.
    penjelasan:
      umum: Tidak untuk Keputusan.
    pengundangan:
      nomor_berita_daerah: 4
    ketentuan_penutup:
      mulai_berlaku: diundangkan
    """})
    assert out == [
        "regulations/kep.yaml:8:1: S206: Keputusan tidak memuat Ketentuan Umum: hapus 'ketentuan_umum' (bila ini "
        "peraturan, tulis jenis: peraturan_wali_kota, peraturan_bupati, atau peraturan_daerah)",
        "regulations/kep.yaml:11:1: S206: Keputusan tidak memuat BAB atau Pasal: tulis isinya sebagai 'diktum' "
        "(bila ini peraturan, tulis jenis: peraturan_wali_kota, peraturan_bupati, atau peraturan_daerah)",
        "regulations/kep.yaml:13:1: S206: Keputusan tidak memuat Penjelasan: hapus 'penjelasan' (bila ini "
        "peraturan, tulis jenis: peraturan_wali_kota, peraturan_bupati, atau peraturan_daerah)",
        "regulations/kep.yaml:15:1: S206: Keputusan tidak diundangkan (berlaku sejak ditetapkan): hapus "
        "'pengundangan' (bila ini peraturan, tulis jenis: peraturan_wali_kota, peraturan_bupati, atau "
        "peraturan_daerah)",
        "regulations/kep.yaml:18:18: S206: Keputusan tidak diundangkan; tulis mulai_berlaku: ditetapkan (bawaan) "
        "atau tanggal lengkap",
        "kode keluar 1",
    ]


def test_a_keputusan_needs_its_diktum(tmp_path, monkeypatch, capsys):
    without = DECREE.replace("    diktum:\n      - Membentuk Tim Uji.\n", "")
    empty = DECREE.replace("    diktum:\n      - Membentuk Tim Uji.\n", "    diktum: []\n")
    out = check_output(tmp_path, monkeypatch, capsys, {"a.yaml": without, "b.yaml": empty})
    assert out == [
        "regulations/a.yaml:1:1: S201: kunci wajib 'diktum' tidak ada",
        "regulations/b.yaml:5:9: S206: 'diktum' harus berisi minimal 1 butir",
        "kode keluar 1",
    ]


def test_a_peraturan_has_no_diktum_memperhatikan_or_tembusan_and_keeps_its_old_messages(tmp_path, monkeypatch,
                                                                                       capsys):
    out = check_output(tmp_path, monkeypatch, capsys, {"perwali.yaml": """
        tentang: Uji
        nomor: 5a
        tahun: 2020
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        memperhatikan: [Berita Acara Rapat]
        diktum: [Menetapkan uji.]
        tembusan: [Gubernur]
        """, "tanpa-batang-tubuh.yaml": """
        tentang: Uji
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        ketentuan_penutup:
          mulai_berlaku: ditetapkan
        """, "kosong.yaml": """
        tentang: Uji
        nomor: 0
        tahun: 2020
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        batang_tubuh: []
        """})
    assert out == [
        "regulations/kosong.yaml:2:8: S206: 'nomor' harus ≥ 1, bukan '0'",
        "regulations/kosong.yaml:6:15: S206: 'batang_tubuh' harus berisi minimal 1 butir",
        "regulations/perwali.yaml:1:1: S201: kunci wajib 'batang_tubuh' tidak ada",
        "regulations/perwali.yaml:2:8: S203: 'nomor' harus berupa bilangan bulat, bukan '5a'",
        "regulations/perwali.yaml:6:1: S206: 'memperhatikan' hanya dimuat dalam Keputusan; hapus 'memperhatikan' "
        "atau tulis jenis: keputusan_wali_kota atau keputusan_bupati",
        "regulations/perwali.yaml:7:1: S206: 'diktum' hanya dimuat dalam Keputusan; hapus 'diktum' atau tulis "
        "jenis: keputusan_wali_kota atau keputusan_bupati",
        "regulations/perwali.yaml:8:1: S206: 'tembusan' hanya dimuat dalam Keputusan; hapus 'tembusan' atau tulis "
        "jenis: keputusan_wali_kota atau keputusan_bupati",
        "regulations/tanpa-batang-tubuh.yaml:1:1: S201: kunci wajib 'batang_tubuh' tidak ada",
        "regulations/tanpa-batang-tubuh.yaml:5:18: S206: peraturan mulai berlaku pada tanggal diundangkan atau "
        "sesudahnya; 'ditetapkan' hanya untuk Keputusan",
        "kode keluar 1",
    ]


def test_the_kind_of_keputusan_follows_the_region(tmp_path, monkeypatch, capsys):
    out = check_output(tmp_path, monkeypatch, capsys,
                       {"kep.yaml": DECREE.replace("keputusan_wali_kota", "keputusan_bupati")})
    assert out == [
        "regulations/kep.yaml:1:8: P403: Kota Parepare menetapkan Keputusan Wali Kota, bukan keputusan bupati "
        "(tulis jenis: keputusan_wali_kota atau hapus kunci jenis)",
        "kode keluar 1",
    ]


def test_a_diktum_id_is_unique_among_the_other_ids(tmp_path, monkeypatch, capsys):
    out = check_output(tmp_path, monkeypatch, capsys, {"kep.yaml": DECREE.replace(
        "      - Membentuk Tim Uji.\n",
        "      - {id: diktum-tim, teks: Membentuk Tim Uji.}\n"
        "      - {id: diktum-tim, teks: Tim Uji bekerja.}\n")})
    assert out == ["regulations/kep.yaml:7:10: R302: id 'diktum-tim' sudah dipakai di baris 6", "kode keluar 1"]


def test_the_nomor_of_a_keputusan_is_text_and_a_peraturans_a_number():
    base = {"tentang": "Uji", "menimbang": ["bahwa uji"], "mengingat": ["uud-1945"]}
    decree = Regulation.model_validate({**base, "jenis": "keputusan_bupati", "nomor": "188.45/1/Kpts/2026",
                                        "tahun": 2026, "diktum": ["Menetapkan uji."]})
    assert decree.number == "188.45/1/Kpts/2026" and decree.is_decree and decree.kind is RegulationKind.REGENT_DECREE
    assert decree.body == [] and decree.promulgation.model_fields_set == set()
    plain = Regulation.model_validate({**base, "jenis": "keputusan_wali_kota", "nomor": 7, "tahun": 2026,
                                       "diktum": ["Menetapkan uji."]})
    assert plain.number == "7"
    perkada = Regulation.model_validate({**base, "nomor": 5, "tahun": 2020, "batang_tubuh": [{"teks": "Uji berlaku."}]})
    assert perkada.number == 5 and not perkada.is_decree and perkada.dicta == []


def test_a_lampiran_may_hold_only_an_innovation_or_member_table():
    base = {"jenis": "keputusan_wali_kota", "tentang": "Uji", "menimbang": ["bahwa uji"], "mengingat": ["uud-1945"],
            "diktum": ["Menetapkan uji."]}
    decree = Regulation.model_validate({**base, "lampiran": [
        {"judul": "Daftar Inovasi Daerah", "inovasi": "semua"},
        {"judul": "Inovasi Terpilih", "inovasi": ["call-center-112"]},
        {"judul": "Susunan Tim", "anggota": [{"jabatan_tim": "Ketua", "jabatan": "Sekretaris Daerah",
                                              "nip": 196501011990031001}]}]})
    everything, chosen, team = decree.annexes
    assert everything.innovations is AllInnovations.ALL
    assert chosen.innovations == ["call-center-112"]
    assert team.members[0].nip == "196501011990031001" and team.members[0].name is None


@pytest.mark.parametrize("annex, expected", [
    ({"judul": "Kosong"}, "S201: lampiran harus memiliki 'isi' atau 'bagan' (atau keduanya)"),
    ({"judul": "Salah", "inovasi": "sebagian"},
     "S204: nilai 'sebagian' untuk 'inovasi' tidak dikenal; tulis 'semua' atau daftar id inovasi"),
    ({"judul": "Tanpa Jabatan", "anggota": [{"jabatan_tim": "Ketua"}]}, "S201: kunci wajib 'jabatan' tidak ada"),
])
def test_a_lampirans_table_keys_are_checked(tmp_path, monkeypatch, capsys, annex, expected):
    import yaml

    text = textwrap.dedent(DECREE).strip() + "\n" + yaml.safe_dump({"lampiran": [annex]}, allow_unicode=True)
    out = check_output(tmp_path, monkeypatch, capsys, {"kep.yaml": text})
    assert out[-1] == "kode keluar 1" and len(out) == 2, out
    assert expected in out[0], out


def test_a_peraturan_does_not_amend_a_keputusan(tmp_path, monkeypatch, capsys):
    out = check_output(tmp_path, monkeypatch, capsys, {"kep.yaml": DECREE, "ubah.yaml": """
        tentang: Pembentukan Tim Uji
        mengubah: kep
        menimbang: [bahwa perlu diubah]
        mengingat: [uud-1945]
        batang_tubuh:
          - teks: Tim Uji dibentuk.
        """})
    assert out[0] == ("regulations/ubah.yaml:2:11: R304: 'kep' adalah Keputusan, bukan peraturan: rancang menyusun "
                      "perubahan hanya untuk peraturan (hapus 'mengubah': Keputusan diganti dengan Keputusan baru "
                      "yang mencabutnya)")
    assert out[-1] == "kode keluar 1"


def test_the_editor_asks_for_diktum_in_a_keputusan_and_batang_tubuh_in_a_peraturan():
    import json

    import jsonschema
    import yaml

    schema = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "regulasi.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    decree = yaml.safe_load(textwrap.dedent(DECREE))

    def messages(data: dict) -> list[str]:
        return [error.message for error in validator.iter_errors(data)]

    assert messages(decree) == []
    assert messages({key: value for key, value in decree.items() if key != "diktum"}) == [
        "'diktum' is a required property"]
    perkada = {key: value for key, value in decree.items() if key not in ("jenis", "diktum")}
    assert messages(perkada) == ["'batang_tubuh' is a required property"]
    assert messages({**perkada, "batang_tubuh": [{"teks": "Uji berlaku."}]}) == []
