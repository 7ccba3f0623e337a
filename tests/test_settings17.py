"""Issue 17, item 2 (settings that cannot be right; skeletons in the project's kind and region), as a new user of
a kabupaten meets them: `rancang check` and `rancang new regulasi`."""

import re
from pathlib import Path

import pytest

from rancang.cli import main
from rancang.models.project import titles_in_name

REGENCY = "daerah:\n  jenis: kabupaten\n  nama: {nama}\n  provinsi: Sulawesi Selatan\n{extra}"


def project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "rancang.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def check(root: Path, capsys, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(root)
    capsys.readouterr()
    code = main(["check"])
    captured = capsys.readouterr()
    return code, (captured.out + captured.err).splitlines()


def test_kind_repeated_in_the_name_is_a_located_error_with_the_name_to_write(tmp_path, capsys, monkeypatch):
    root = project(tmp_path, REGENCY.format(nama="Kabupaten Pangkajene dan Kepulauan",
                                            extra="  ibu_kota: Pangkajene\n"))
    code, lines = check(root, capsys, monkeypatch)
    assert code == 1
    assert lines[0] == (
        "rancang.yaml:3:9: S208: nama daerah 'Kabupaten Pangkajene dan Kepulauan' diawali 'Kabupaten': kata "
        "'Kota'/'Kabupaten' sudah diturunkan dari jenis (kabupaten), jadi tercetak dua kali (misalnya 'BUPATI "
        "KABUPATEN ...') (tulis nama: Pangkajene dan Kepulauan)")
    assert "Traceback" not in "\n".join(lines)


@pytest.mark.parametrize("name, right", [("Kota Parepare", "Kotabaru"), ("kab. Pangkep", "Kotamobagu"),
                                         ("KABUPATEN MAROS", "Maros")])
def test_kind_word_before_the_name_in_any_spelling(tmp_path, capsys, monkeypatch, name, right):
    """Reported in any case and abbreviation; a single word that begins like a kind is a name and passes."""
    root = project(tmp_path, REGENCY.format(nama=name, extra="  ibu_kota: Contoh\n"))
    code, lines = check(root, capsys, monkeypatch)
    assert code == 1
    assert lines[0].startswith(f"rancang.yaml:3:9: S208: nama daerah '{name}' diawali")
    project(tmp_path, REGENCY.format(nama=right, extra="  ibu_kota: Contoh\n"))
    assert check(root, capsys, monkeypatch) == (0, ["Diperiksa: 1 pengaturan proyek.", "Tidak ada masalah."])


def test_titles_and_nip_in_signatories_names_are_located_errors(tmp_path, capsys, monkeypatch):
    root = project(tmp_path, REGENCY.format(
        nama="Pangkajene dan Kepulauan",
        extra="  ibu_kota: Pangkajene\nkepala_daerah:\n  nama: Dr. H. Muhammad Yusran Lalogau, S.STP., M.Si.\n"
              "sekretaris_daerah:\n  nama: Andi Sulaiman NIP 19650101 199003 1 001\n"))
    code, lines = check(root, capsys, monkeypatch)
    assert code == 1
    assert lines[:2] == [
        "rancang.yaml:7:9: S209: nama penanda tangan memuat gelar atau NIP ('Dr.', 'H.', 'S.STP.', 'M.Si.'); blok "
        "tanda tangan peraturan memuat nama tanpa gelar, pangkat, dan NIP (Permendagri 80/2015) "
        "(tulis nama: Muhammad Yusran Lalogau)",
        "rancang.yaml:9:9: S209: nama penanda tangan memuat gelar atau NIP ('NIP 19650101 199003 1 001'); blok "
        "tanda tangan peraturan memuat nama tanpa gelar, pangkat, dan NIP (Permendagri 80/2015) "
        "(tulis nama: Andi Sulaiman)",
    ]


@pytest.mark.parametrize("name, titles, clean", [
    ("Dr. Andi Baso", ["Dr."], "Andi Baso"),
    ("Drs. Abdul Rahman", ["Drs."], "Abdul Rahman"),
    ("Dra. Nurhayati", ["Dra."], "Nurhayati"),
    ("Ir. Joko Susilo, M.T.", ["Ir.", "M.T."], "Joko Susilo"),
    ("Prof. Dr. Ir. Budi Santoso, Ph.D.", ["Prof.", "Dr.", "Ir.", "Ph.D."], "Budi Santoso"),
    ("H. Andi Baso, S.H., M.H.", ["H.", "S.H.", "M.H."], "Andi Baso"),
    ("Hj. Andi Nurhayati, S.E., M.M.", ["Hj.", "S.E.", "M.M."], "Andi Nurhayati"),
    ("Andi Baso, S.Sos., M.AP.", ["S.Sos.", "M.AP."], "Andi Baso"),
    ("Muh. Ilham, S.Pd., S.Kom., S.T.", ["S.Pd.", "S.Kom.", "S.T."], "Muh. Ilham"),
    ("ANDI BASO, SH, MH", ["SH", "MH"], "ANDI BASO"),
    ("Andi Baso S.H.", ["S.H."], "Andi Baso"),
    ("Andi Baso 196501011990031001", ["196501011990031001"], "Andi Baso"),
])
def test_titles_recognised(name, titles, clean):
    assert titles_in_name(name) == (titles, clean)


def test_names_without_titles_pass():
    """``H.`` inside a name is an initial, not the honorific; words that begin like a title are names."""
    for name in ["Tasming Hamid", "Andi H. Sulaiman", "Muh. Ilham", "A. Baso Sulaiman", "Irwan Dra",
                 "Drajat Santoso"]:
        assert titles_in_name(name) == ([], name)


def test_regency_without_capital_is_a_located_warning_not_an_error(tmp_path, capsys, monkeypatch):
    """Reported once the project has a regulation (the place of enactment is a regulation's)."""
    root = project(tmp_path, REGENCY.format(nama="Pangkajene dan Kepulauan", extra=""))
    assert check(root, capsys, monkeypatch)[1][-1] == "Tidak ada masalah."
    (root / "regulations").mkdir()
    (root / "regulations/perbup-uji.yaml").write_text(
        "tentang: Uji\nmenimbang: [bahwa perlu diuji]\nmengingat: [uud-1945]\nbatang_tubuh:\n"
        "  - teks: Peraturan ini berlaku.\n", encoding="utf-8")
    (root / "kb").mkdir()
    (root / "kb/dasar-hukum.yaml").write_text("- id: uud-1945\n  jenis: UUD\n  tahun: 1945\n  terkonfirmasi: true\n",
                                              encoding="utf-8")
    code, lines = check(root, capsys, monkeypatch)
    assert code == 0, lines
    assert lines[0] == (
        "rancang.yaml:2:3: P452: peringatan: kabupaten tanpa 'ibu_kota': tempat penetapan dan pengundangan "
        "peraturan akan ditulis 'Pangkajene dan Kepulauan' (nama kabupaten), bukan nama ibu kotanya (tambahkan "
        "di bawah 'daerah:' misalnya ibu_kota: <nama ibu kota kabupaten>)")
    project(root, REGENCY.format(nama="Pangkajene dan Kepulauan", extra="  ibu_kota: Pangkajene\n"))
    assert not [line for line in check(root, capsys, monkeypatch)[1] if "P452" in line]
    project(root, "daerah:\n  jenis: kota\n  nama: Parepare\n  provinsi: Sulawesi Selatan\n")
    assert not [line for line in check(root, capsys, monkeypatch)[1] if "P452" in line]




def uncomment(text: str) -> str:
    return "\n".join(re.sub(r"^(\s*)# (?!#)", r"\1", line) for line in text.splitlines()) + "\n"


def test_new_regulation_in_a_regency_speaks_of_the_regency_and_leaves_the_title_to_fill(tmp_path, capsys,
                                                                                         monkeypatch):
    root = project(tmp_path, REGENCY.format(nama="Pangkajene dan Kepulauan", extra="  ibu_kota: Pangkajene\n"))
    monkeypatch.chdir(root)
    assert main(["new", "regulasi", "perbup-inovasi-daerah"]) == 0
    text = (root / "regulations/perbup-inovasi-daerah.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[4].startswith("# jenis: peraturan_bupati ")
    assert lines[7].startswith("tentang:  ") and "misalnya: Inovasi Daerah" in lines[7]
    assert "#     arti: Kabupaten Pangkajene dan Kepulauan" in lines
    assert "#     arti: tim yang dibentuk oleh Bupati" in lines
    assert '#                 teks: "Ruang lingkup Peraturan Bupati ini meliputi:"' in lines
    assert lines.count("#   tempat: Pangkajene") == 2
    for foreign in ("Wali Kota", "wali_kota", "Kota Contoh", "Perbup Inovasi Daerah", "Contoh\n#   tanggal"):
        assert foreign not in text
    # The title is not made up from the id: check asks for it, at its place.
    code, out = check(root, capsys, monkeypatch)
    assert code == 1 and out[0] == "regulations/perbup-inovasi-daerah.yaml:8:9: S201: 'tentang' belum diisi"
    # Uncommented and filled, it is a regency's regulation with no finding about its kind or region words.
    schema, _, rest = text.partition("\n")
    filled = schema + "\n" + uncomment(rest).replace("tentang:  ", "tentang: Inovasi Daerah  ", 1)
    filled = "\n".join(line for line in filled.splitlines() if not line.startswith("#d "))
    (root / "regulations/perbup-inovasi-daerah.yaml").write_text(filled + "\n", encoding="utf-8")
    code, out = check(root, capsys, monkeypatch)
    assert {re.search(r": ([A-Z]\d{3}): ", line).group(1) for line in out[:-2]} == {"R301"}, out  # no kb/ yet


def test_new_regulation_in_a_city_keeps_the_mayor_s_words(tmp_path, monkeypatch):
    root = project(tmp_path, "daerah:\n  jenis: kota\n  nama: Parepare\n  provinsi: Sulawesi Selatan\n")
    monkeypatch.chdir(root)
    assert main(["new", "regulasi", "perwali-inovasi"]) == 0
    lines = (root / "regulations/perwali-inovasi.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[4].startswith("# jenis: peraturan_wali_kota ")
    assert "#     arti: Kota Parepare" in lines and lines.count("#   tempat: Parepare") == 2
    assert lines[7].startswith("tentang:  ") and "Perwali Inovasi" not in "\n".join(lines)
