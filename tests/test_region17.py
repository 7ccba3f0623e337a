"""Issue 17, item 2: the region's words as located findings (L620, L621).

The issue's scenario: a kabupaten project (Pangkajene dan Kepulauan) with the Parepare Perwali copied in must be
told at every foreign word, and a new Perbup that says "disampaikan kepada Wali Kota ... Peraturan Wali Kota ini"
too; the bundled Parepare example and examples/pangkep are told nothing. Common nouns ('perkotaan', 'kota-kota di
Indonesia', 'kabupaten/kota') and the regions a visit declares are left alone; visits, case studies and pages are
examined as well as regulations.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rancang.cli import main
from support import REPO, copy_example

KABUPATEN = """\
daerah:
  jenis: kabupaten
  nama: Pangkajene dan Kepulauan
  provinsi: Sulawesi Selatan
  ibu_kota: Pangkajene
"""

PERWALI = REPO / "regulations" / "perwali-inovasi-daerah.yaml"

FINDING = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<code>L62\d): (?:peringatan: )?(?P<rest>.*)$",
                     re.M)


def region_findings(output: str, path: str | None = None) -> list[re.Match]:
    return [m for m in FINDING.finditer(output) if path is None or m.group("path") == path]


def where(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Line and column (1-based) of ``phrase`` in a fixture's text, found by plain search."""
    position = -1
    for _ in range(occurrence + 1):
        position = text.index(phrase, position + 1)
    return text.count("\n", 0, position) + 1, position - (text.rfind("\n", 0, position) + 1) + 1


def check(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def kabupaten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kabupaten project with the root example's knowledge base (catalogue, agencies) and no regulation yet."""
    root = tmp_path / "pangkep"
    root.mkdir()
    (root / "rancang.yaml").write_text(KABUPATEN, encoding="utf-8")
    (root / "kb").mkdir()
    for name in ("dasar-hukum.yaml", "perangkat-daerah.yaml"):
        shutil.copy2(REPO / "kb" / name, root / "kb" / name)
    (root / "regulations").mkdir()
    monkeypatch.chdir(root)
    return root


def _without_comments(text: str) -> list[str]:
    return ["" if line.lstrip().startswith("#") else line for line in text.splitlines()]


def test_the_parepare_perwali_copied_into_a_kabupaten_is_reported_at_every_foreign_word(kabupaten, capsys):
    target = kabupaten / "regulations" / "perwali-inovasi-daerah.yaml"
    shutil.copy2(PERWALI, target)
    code, output = check(capsys)
    assert code == 0, output  # advice: the documents can still be made
    found = region_findings(output, "regulations/perwali-inovasi-daerah.yaml")

    # Counted from the source, independently of the rule: every foreign phrase of this file holds the word 'Kota'
    # once ('Kota Parepare', 'Wali Kota', 'Peraturan Wali Kota', 'Pemerintah Kota Parepare', 'Keputusan Wali Kota').
    lines = _without_comments(PERWALI.read_text(encoding="utf-8"))
    expected = sum(len(re.findall(r"(?<![\w/-])Kota(?![\w/-])", line)) for line in lines)
    assert expected >= 15
    assert len([m for m in found if m.group("code") == "L620"]) == expected, output
    # ... and every 'Parepare' standing alone ('tempat: Parepare'), counted as every 'Parepare' of the file less
    # those written after 'Kota'
    text = "\n".join(lines)
    # (also in capitals, as a JDIH subject heading writes it: 'INOVASI DAERAH - PAREPARE')
    bare = len(re.findall(r"(?<![\w-])Parepare(?![\w-])", text)) - len(re.findall(r"Kota\s+Parepare", text))
    capitals = len(re.findall(r"(?<![\w-])PAREPARE(?![\w-])", text))
    assert bare >= 2 and capitals == 1
    alone = [m for m in found if m.group("code") == "L621"]
    assert len(alone) == bare + capitals, output
    assert len(found) == expected + bare + capitals
    assert all("'Parepare' adalah nama daerah lain (Kota Parepare), padahal proyek ini Kabupaten Pangkajene dan "
               "Kepulauan (tulis Pangkajene dan Kepulauan bila yang dimaksud daerah ini)" in m.group("rest")
               or "'PAREPARE' adalah nama daerah lain (Kota Parepare), padahal proyek ini Kabupaten Pangkajene dan "
               "Kepulauan (tulis PANGKAJENE DAN KEPULAUAN bila yang dimaksud daerah ini)" in m.group("rest")
               for m in alone), output

    # Each finding points at the first letter of its phrase, a different one each time.
    positions = {(int(m.group("line")), int(m.group("column"))) for m in found}
    assert len(positions) == len(found)
    text = "\n".join(lines)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for line, column in positions:
        at = " ".join(text[offsets[line - 1] + column - 1:][:40].split())
        assert at.startswith(("Kota Parepare", "Wali Kota", "Peraturan Wali Kota", "Pemerintah Kota Parepare",
                              "Keputusan Wali Kota", "Parepare", "PAREPARE")), (line, column, at)

    # "Daerah adalah Kota Parepare. Wali Kota adalah Wali Kota Parepare.": the word, why, and what to write
    daerah = lines.index("  - istilah: Daerah") + 2
    assert any(f":{daerah}:" in m.group(0) and "'Kota Parepare' adalah nama daerah kota, padahal proyek ini "
               "Kabupaten Pangkajene dan Kepulauan (tulis Kabupaten Pangkajene dan Kepulauan)" in m.group(0)
               for m in found), output
    wali = lines.index("  - istilah: Wali Kota") + 1
    assert any(f":{wali}:" in m.group(0) and "'Wali Kota' adalah sebutan kepala daerah kota, padahal proyek ini "
               "Kabupaten Pangkajene dan Kepulauan (tulis Bupati)" in m.group(0) for m in found), output
    assert any(f":{wali + 1}:" in m.group(0) and "'Wali Kota Parepare'" in m.group(0)
               and "(tulis Bupati Pangkajene dan Kepulauan)" in m.group(0) for m in found), output

    # --strict makes the advice an error
    code, output = check(capsys, "--strict")
    assert code == 1 and region_findings(output)


def test_the_copied_regulation_is_told_its_foreign_words_together_with_its_unknown_ids(kabupaten, capsys):
    # A regulation copied from another region usually cites what the new project's catalogue lacks: the unknown
    # id is an error, and the region words are shown with it rather than after it is fixed.
    source = PERWALI.read_text(encoding="utf-8")
    assert "  - uu-29-1959\n" in source
    copied = source.replace("  - uu-29-1959\n", "  - uu-29-1959\n  - perwali-parepare-lain\n")
    (kabupaten / "regulations" / "perwali-inovasi-daerah.yaml").write_text(copied, encoding="utf-8")
    code, output = check(capsys)
    assert code == 1
    assert "R301: dasar hukum 'perwali-parepare-lain' tidak dikenal" in output, output
    lines = _without_comments(copied)
    expected = sum(len(re.findall(r"(?<![\w/-])Kota(?![\w/-])", line)) for line in lines)
    expected += sum(len(re.findall(r"^\s*tempat: Parepare$", line)) for line in lines)
    expected += sum(len(re.findall(r"^\s*subjek: .* - PAREPARE$", line)) for line in lines)  # the JDIH subject
    assert len(region_findings(output, "regulations/perwali-inovasi-daerah.yaml")) == expected, output
    assert "L512" not in output  # the other drafting rules still wait for the errors to be fixed


NEW_PERBUP = """\
tentang: Inovasi Daerah
menimbang:
  - bahwa Inovasi Daerah perlu diatur agar terarah
mengingat:
  - uu-23-2014
  - pp-38-2017
batang_tubuh:
  - id: pasal-usulan
    ayat:
      - Usulan Inovasi Daerah disampaikan kepada Wali Kota melalui Bappeda.
      - >-
        Ketentuan lebih lanjut mengenai tata cara pengusulan diatur dengan
        Peraturan Bupati.
  - teks: Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def test_a_new_perbup_that_speaks_of_the_wali_kota_is_reported(kabupaten, capsys):
    (kabupaten / "regulations" / "perbup-baru.yaml").write_text(NEW_PERBUP, encoding="utf-8")
    code, output = check(capsys)
    found = region_findings(output, "regulations/perbup-baru.yaml")
    shown = sorted((int(m.group("line")), int(m.group("column")), m.group("rest")) for m in found)
    assert [(line, column) for line, column, _ in shown] == [
        where(NEW_PERBUP, "Wali Kota melalui"), where(NEW_PERBUP, "Peraturan Wali Kota ini")], output
    assert "'Wali Kota' adalah sebutan kepala daerah kota" in shown[0][2]
    assert "(tulis Bupati)" in shown[0][2]
    assert "'Peraturan Wali Kota' adalah jenis peraturan kepala daerah kota" in shown[1][2]
    assert "(tulis Peraturan Bupati)" in shown[1][2]
    # the project's own words ('Peraturan Bupati') are not questioned
    assert all("Bupati'" not in rest.split("adalah")[0] for _, _, rest in shown)


NOTE = "# Catatan\n\nCatatan ini memakai kata {word} yang bukan milik daerah ini.\n"


def test_the_bundled_examples_report_no_region_words(tmp_path, monkeypatch, capsys):
    # Each example gets one page with a word of the other kind: that page is told, the example's own files are not.
    root = copy_example(tmp_path / "parepare")
    (root / "kb" / "catatan.md").write_text(NOTE.format(word="Bupati"), encoding="utf-8")
    monkeypatch.chdir(root)
    code, output = check(capsys)
    assert code == 0, output
    assert [(m.group("path"), m.group("code")) for m in region_findings(output)] == [("kb/catatan.md", "L620")], \
        output

    pangkep = tmp_path / "pangkep"
    shutil.copytree(REPO / "examples" / "pangkep", pangkep)
    (pangkep / "kb" / "catatan.md").write_text(NOTE.format(word="Wali Kota"), encoding="utf-8")
    monkeypatch.chdir(pangkep)
    code, output = check(capsys)
    assert code == 0, output
    assert [(m.group("path"), m.group("code")) for m in region_findings(output)] == [("kb/catatan.md", "L620")], \
        output


COMMON_NOUNS = """\
tentang: Inovasi Daerah
menimbang:
  - >-
    bahwa pertumbuhan kawasan perkotaan dan kota-kota di Indonesia menuntut pelayanan publik yang cepat,
    sebagaimana pemerintah daerah kabupaten/kota lain, Gubernur, Bupati, dan Wali Kota melaksanakan Inovasi
    Daerah, termasuk program Kota Layak Anak
mengingat:
  - uu-23-2014
batang_tubuh:
  - teks: Bupati/Wali Kota yang lain dapat mereplikasi Inovasi Daerah.
  - teks: Kota ini melaksanakan Inovasi Daerah.
"""


def test_common_nouns_and_both_kinds_named_together_are_not_region_words(tmp_path, monkeypatch, capsys):
    root = copy_example(tmp_path / "parepare")
    (root / "regulations" / "umum.yaml").write_text(COMMON_NOUNS, encoding="utf-8")
    monkeypatch.chdir(root)
    _, output = check(capsys)
    assert not region_findings(output, "regulations/umum.yaml"), output

    # the other way: the same regulation with a bare 'Bupati' is told
    (root / "regulations" / "umum.yaml").write_text(
        COMMON_NOUNS.replace("Bupati/Wali Kota yang lain", "Bupati"), encoding="utf-8")
    _, output = check(capsys)
    found = region_findings(output, "regulations/umum.yaml")
    assert [(m.group("line"), m.group("column"), m.group("code")) for m in found] == [
        (*map(str, where(COMMON_NOUNS, "Bupati/Wali Kota yang lain")), "L620")], output
    assert "'Bupati' adalah sebutan kepala daerah kabupaten, padahal proyek ini Kota Parepare (tulis Wali Kota)" \
        in found[0].group("rest")


def test_a_kabupaten_may_name_its_capital_town_but_not_another_kota(kabupaten, capsys):
    (kabupaten / "regulations" / "ibu-kota.yaml").write_text(NEW_PERBUP.replace(
        "Usulan Inovasi Daerah disampaikan kepada Wali Kota melalui Bappeda.",
        "Bappeda di Kota Pangkajene menerima usulan dari Kota Makassar.").replace(
        "Peraturan Wali Kota ini", "Peraturan Bupati ini"), encoding="utf-8")
    _, output = check(capsys)
    found = region_findings(output, "regulations/ibu-kota.yaml")
    assert [m.group("rest").split(":")[1].strip().split(" adalah")[0] for m in found] == ["'Kota Makassar'"], output
    assert found[0].group("code") == "L620"


CATALOGUE_ENTRY = """
- id: perda-pangkep-3-2020
  jenis: Perda
  pembentuk: Kabupaten Pangkajene dan Kepulauan
  nomor: 3
  tahun: 2020
  tentang: Inovasi Daerah
  terkonfirmasi: false
"""

CITING = """\
tentang: Inovasi Daerah
menimbang:
  - >-
    bahwa Peraturan Daerah Kabupaten Pangkajene dan Kepulauan Nomor 3 Tahun 2020 tentang Inovasi Daerah
    mengatur Inovasi Daerah
mengingat:
  - uu-23-2014
batang_tubuh:
  - teks: Wali Kota melaksanakan Inovasi Daerah.
"""


def test_a_regulation_cited_from_the_catalogue_is_not_a_region_word(tmp_path, monkeypatch, capsys):
    root = copy_example(tmp_path / "parepare")
    (root / "regulations" / "kutipan.yaml").write_text(CITING, encoding="utf-8")
    monkeypatch.chdir(root)
    _, output = check(capsys)
    found = region_findings(output, "regulations/kutipan.yaml")
    line, column = where(CITING, "Kabupaten Pangkajene")
    assert [(m.group("line"), m.group("column")) for m in found] == [(str(line), str(column))], output  # no entry
    assert "'Kabupaten Pangkajene dan Kepulauan' adalah nama daerah kabupaten" in found[0].group("rest")

    with (root / "kb" / "dasar-hukum.yaml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(CATALOGUE_ENTRY)
    _, output = check(capsys)
    assert not region_findings(output, "regulations/kutipan.yaml"), output


VISIT = """\
judul: Studi Banding ke Kota Parepare
peran: tamu
pihak_lain:
  nama: Pemerintah Kota Parepare
  daerah: Kota Parepare
  provinsi: Sulawesi Selatan
tanggal: 2021-06-04
tempat: Kota Parepare
maksud: >-
  Mempelajari Peraturan Wali Kota tentang Inovasi Daerah yang disusun Pemerintah Kota Parepare
  dan pesan Wali Kota Parepare kepada Bupati.
kesimpulan:
  - Kota Makassar tidak dikunjungi.
"""


def test_a_visit_may_name_the_region_it_declares(kabupaten, capsys):
    (kabupaten / "visits").mkdir()
    (kabupaten / "visits" / "parepare.yaml").write_text(VISIT, encoding="utf-8")
    _, output = check(capsys)
    found = region_findings(output, "visits/parepare.yaml")
    # the declared Kota Parepare, its Wali Kota and its Perwali are the visit's subject; Kota Makassar is not
    line, column = where(VISIT, "Kota Makassar")
    assert [(m.group("line"), m.group("column"), m.group("code")) for m in found] == [
        (str(line), str(column), "L620")], output
    assert "kunjungan 'parepare': 'Kota Makassar' adalah nama daerah kota" in found[0].group("rest")


def test_case_studies_and_pages_are_examined(kabupaten, capsys):
    (kabupaten / "visits").mkdir()
    (kabupaten / "visits" / "parepare.yaml").write_text(VISIT, encoding="utf-8")
    (kabupaten / "kb" / "studi-kasus").mkdir()
    case_study = ("# Studi kasus\n\nInovasi ini ditetapkan dengan Keputusan Bupati.\n"
                  "Usulannya disampaikan kepada Wali Kota melalui Bappeda.\n\n"
                  'Sumber: Tribun, "DPRD Pangkep Belajar Inovasi di Pemkot Makassar".\n')
    (kabupaten / "kb" / "studi-kasus" / "contoh.md").write_text(case_study, encoding="utf-8")
    (kabupaten / "kb" / "index.md").write_text(
        "# Direktori Inovasi\n\nInovasi Pemerintah Kabupaten Pangkajene dan Kepulauan, hasil studi banding ke\n"
        "Kota Parepare, untuk perkotaan dan perdesaan.\n", encoding="utf-8")
    (kabupaten / "kb" / "_contoh.md").write_text("# Kerangka\n\nWali Kota\n", encoding="utf-8")
    (kabupaten / "kb" / "catatan.md").write_text(
        "# Catatan\n\n% disalin dari halaman Wali Kota\n<!-- Pemerintah Kota Makassar -->\nIsi catatan.\n",
        encoding="utf-8")
    _, output = check(capsys)
    found = [m for m in region_findings(output) if m.group("path").startswith("kb/")]
    line, column = where(case_study, "Wali Kota")
    assert [(m.group("path"), m.group("line"), m.group("column")) for m in found] == [
        ("kb/studi-kasus/contoh.md", str(line), str(column))], output
    assert "halaman: 'Wali Kota' adalah sebutan kepala daerah kota, padahal proyek ini Kabupaten Pangkajene dan " \
           "Kepulauan (tulis Bupati)" in found[0].group("rest")


# -- bare names of other regions and other provinces (L621 alone, L622) ----------------------------------------

BARE = """\
tentang: Inovasi Daerah
menimbang:
  - bahwa Kota Makassar telah menerapkan Inovasi Daerah
  - >-
    bahwa Bappeda di Pangkajene mempelajari Inovasi Daerah dari Makassar dan dari Kota Batu; Batu bata
    dan batu kali dipakai untuk membangun gedung inovasi di Batu dan di MAKASSAR
mengingat:
  - uu-23-2014
batang_tubuh:
  - teks: Inovasi Daerah Makassarnya tidak disalin; Pangkajene dan Kepulauan melaksanakan Inovasi Daerah.
  - teks: Perangkat Daerah mengikuti Pameran Batu Akik.
"""


def test_a_name_written_with_kota_elsewhere_is_reported_where_it_stands_alone(kabupaten, capsys):
    (kabupaten / "regulations" / "bare.yaml").write_text(BARE, encoding="utf-8")
    _, output = check(capsys)
    found = region_findings(output, "regulations/bare.yaml")
    shown = sorted((int(m.group("line")), int(m.group("column")), m.group("code"), m.group("rest")) for m in found)
    assert [(line, column, code) for line, column, code, _ in shown] == sorted([
        (*where(BARE, "Kota Makassar"), "L620"),
        (*where(BARE, "Makassar dan"), "L621"),
        (*where(BARE, "Kota Batu"), "L620"),
        (*where(BARE, "Batu dan di"), "L621"),
        (*where(BARE, "MAKASSAR"), "L621"),
    ]), output
    # not reported: 'Batu bata' (a common word 'batu' at the start of a clause) and 'Pameran Batu Akik' (among
    # capitalised words), 'Makassarnya' (inside a word),
    # 'Pangkajene' and 'Pangkajene dan Kepulauan' (the project's own capital and name)
    messages = {rest.split(": ", 1)[1] for _, _, code, rest in shown if code == "L621"}
    assert "'Makassar' adalah nama daerah lain (Kota Makassar), padahal proyek ini Kabupaten Pangkajene dan " \
           "Kepulauan (tulis Pangkajene dan Kepulauan bila yang dimaksud daerah ini)" in messages, output
    assert "'MAKASSAR' adalah nama daerah lain (Kota Makassar), padahal proyek ini Kabupaten Pangkajene dan " \
           "Kepulauan (tulis PANGKAJENE DAN KEPULAUAN bila yang dimaksud daerah ini)" in messages, output

    # the other way: without 'Kota Makassar' and 'Kota Batu' anywhere, the bare names are not known as regions
    (kabupaten / "regulations" / "bare.yaml").write_text(
        BARE.replace("Kota Makassar", "Daerah lain").replace("dari Kota Batu", "dari luar"), encoding="utf-8")
    _, output = check(capsys)
    assert not region_findings(output, "regulations/bare.yaml"), output


def test_a_region_a_visit_declares_is_known_across_files_and_exempt_where_declared(kabupaten, capsys):
    (kabupaten / "visits").mkdir()
    visit = VISIT.replace("kesimpulan:\n  - Kota Makassar tidak dikunjungi.\n",
                          'kesimpulan:\n  - Rombongan kembali dari Parepare.\nsumber:\n  - Tribun Parepare\n')
    (kabupaten / "visits" / "parepare.yaml").write_text(visit, encoding="utf-8")
    regulation = NEW_PERBUP.replace("disampaikan kepada Wali Kota melalui Bappeda.",
                                    "disampaikan kepada Bupati mencontoh Parepare.").replace(
                                    "Peraturan Wali Kota ini", "Peraturan Bupati ini")
    (kabupaten / "regulations" / "perbup-baru.yaml").write_text(regulation, encoding="utf-8")
    (kabupaten / "kb" / "studi-kasus").mkdir()
    (kabupaten / "kb" / "studi-kasus" / "contoh.md").write_text(
        "# Studi kasus\n\nInovasi ini dipelajari di Parepare.\n", encoding="utf-8")
    _, output = check(capsys)
    # the visit declares Kota Parepare: its own text and the project's pages may name it; a regulation may not
    assert not region_findings(output, "visits/parepare.yaml"), output
    assert not region_findings(output, "kb/studi-kasus/contoh.md"), output
    found = region_findings(output, "regulations/perbup-baru.yaml")
    assert [(m.group("line"), m.group("column"), m.group("code")) for m in found] == [
        (*map(str, where(regulation, "Parepare")), "L621")], output
    assert "'Parepare' adalah nama daerah lain (Kota Parepare)" in found[0].group("rest")


PROVINCES = """\
tentang: Inovasi Daerah
menimbang:
  - >-
    bahwa Pemerintah Provinsi Sulawesi Barat dan Gubernur Sulawesi Barat mendorong Inovasi Daerah di
    Provinsi Sulawesi Selatan
  - bahwa Gubernur Sulawesi Selatan dan pemerintah daerah provinsi lain mendukung Inovasi Daerah
mengingat:
  - uu-23-2014
batang_tubuh:
  - teks: Gubernur Jawa Timur tidak mengatur Inovasi Daerah ini.
"""


def test_another_province_is_reported_in_a_regulation(kabupaten, capsys):
    (kabupaten / "regulations" / "provinsi.yaml").write_text(PROVINCES, encoding="utf-8")
    _, output = check(capsys)
    found = region_findings(output, "regulations/provinsi.yaml")
    shown = sorted((int(m.group("line")), int(m.group("column")), m.group("code"), m.group("rest")) for m in found)
    assert [(line, column, code) for line, column, code, _ in shown] == sorted([
        (*where(PROVINCES, "Provinsi Sulawesi Barat"), "L622"),
        (*where(PROVINCES, "Gubernur Sulawesi Barat"), "L622"),
        (*where(PROVINCES, "Gubernur Jawa Timur"), "L622"),
    ]), output
    assert "'Provinsi Sulawesi Barat' menyebut provinsi lain, padahal proyek ini Kabupaten Pangkajene dan " \
           "Kepulauan di Provinsi Sulawesi Selatan (tulis Provinsi Sulawesi Selatan)" in shown[0][3], output
    assert "'Gubernur Sulawesi Barat' menyebut provinsi lain" in shown[1][3]
    assert "(tulis Gubernur Sulawesi Selatan)" in shown[1][3]

    # the other way: the project's own province everywhere is not told
    (kabupaten / "regulations" / "provinsi.yaml").write_text(
        PROVINCES.replace("Sulawesi Barat", "Sulawesi Selatan").replace(
            "Jawa Timur", "Sulawesi Selatan Nama Lengkap"), encoding="utf-8")
    _, output = check(capsys)
    assert not region_findings(output, "regulations/provinsi.yaml"), output


def test_a_visit_and_the_pages_may_name_the_declared_province_and_a_governor_by_name(kabupaten, capsys):
    (kabupaten / "visits").mkdir()
    visit = VISIT.replace("provinsi: Sulawesi Selatan", "provinsi: Sulawesi Barat").replace(
        "kesimpulan:\n  - Kota Makassar tidak dikunjungi.\n",
        "kesimpulan:\n  - Gubernur Sulawesi Barat menyambut rombongan di Provinsi Sulawesi Barat.\n"
        "  - Provinsi Jawa Timur tidak dikunjungi.\n")
    (kabupaten / "visits" / "parepare.yaml").write_text(visit, encoding="utf-8")
    page = ("# Catatan\n\nRombongan bertemu Gubernur Sulawesi Barat dan Gubernur Nama Lengkap.\n"
            "Provinsi Jawa Timur belum dikunjungi.\n")
    (kabupaten / "kb" / "catatan.md").write_text(page, encoding="utf-8")
    _, output = check(capsys)
    found = region_findings(output, "visits/parepare.yaml")
    assert [(m.group("line"), m.group("column"), m.group("code")) for m in found] == [
        (*map(str, where(visit, "Provinsi Jawa Timur")), "L622")], output
    assert "(tulis Provinsi Sulawesi Selatan; bila memang provinsi itu yang dimaksud, isi provinsi di pihak_lain " \
           "kunjungan)" in found[0].group("rest")
    # the page: the visit's province and a governor named by a person's name pass; another province does not
    found = region_findings(output, "kb/catatan.md")
    assert [(m.group("line"), m.group("column"), m.group("code")) for m in found] == [
        (*map(str, where(page, "Provinsi Jawa Timur")), "L622")], output


def test_a_fresh_init_project_reports_no_region_words(tmp_path, monkeypatch, capsys):
    code = main(["init", str(tmp_path / "pangkep"), "--kabupaten", "Pangkajene dan Kepulauan", "--provinsi",
                 "Sulawesi Selatan", "--ibu-kota", "Pangkajene"])
    assert code == 0
    monkeypatch.chdir(tmp_path / "pangkep")
    code, output = check(capsys, "--strict")
    assert code == 0 and not region_findings(output), output
