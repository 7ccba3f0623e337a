"""The Pangkep example's illustrative Raperda on Inovasi Daerah: a kabupaten Perda with its Penjelasan.

The file examples/pangkep/regulations/raperda-inovasi-daerah.yaml is checked as the user checks it
(``rancang check --strict``), drafted with ``rancang draft`` and read back paragraph by paragraph with its styles
(``docx_reading.blocks``): the RANCANGAN marker, the joint approval, Menetapkan, the Lembaran Daerah lines, and
the Penjelasan with "Cukup jelas." for every Pasal not explained and the given explanations at their Pasal,
ayat and huruf. The example is a labelled illustration: it stays a draft and cites only confirmed catalogue entries.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from docx_reading import blocks
from rancang.check import check_project
from rancang.cli import main

ROOT = Path(__file__).resolve().parents[1]
PANGKEP = ROOT / "examples" / "pangkep"
NAME = "raperda-inovasi-daerah"
SOURCE = f"regulations/{NAME}.yaml"
REGION = "KABUPATEN PANGKAJENE DAN KEPULAUAN"


def source() -> dict:
    return yaml.safe_load((PANGKEP / SOURCE).read_text(encoding="utf-8"))


def section(found: list[tuple[str, str]], first: tuple[str, str], last: tuple[str, str]) -> list[tuple[str, str]]:
    start = found.index(first)
    return found[start:found.index(last, start) + 1]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("raperda") / f"{NAME}.docx"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(PANGKEP)
        assert main(["draft", SOURCE, "--strict", "-o", str(target)]) == 0
    return target


@pytest.fixture(scope="module")
def found(drafted: Path) -> list[tuple[str, str]]:
    return blocks(drafted.read_bytes())


# -- the example is checked clean, and stays an illustration -------------------------------------------------


def test_the_raperda_checks_clean_with_strict(monkeypatch, capsys):
    monkeypatch.chdir(PANGKEP)
    code = main(["check", "--strict", SOURCE])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.splitlines()[-1] == "Tidak ada masalah."


def test_the_project_check_finds_nothing_in_the_raperda():
    checked = check_project(PANGKEP)
    assert NAME in checked.data.regulations
    assert [d.format() for d in checked.report.diagnostics if d.location.path.endswith(f"{NAME}.yaml")] == []


def test_the_raperda_is_a_labelled_draft_citing_only_confirmed_entries():
    text = (PANGKEP / SOURCE).read_text(encoding="utf-8")
    assert "CONTOH ILUSTRASI, BUKAN RANCANGAN RESMI" in text.splitlines()[1]
    data = source()
    assert data["jenis"] == "peraturan_daerah"
    assert not {"nomor", "tahun", "penetapan", "pengundangan"} & set(data), "a draft: no number, date or gazette"
    catalogue = {entry["id"]: entry for entry in
                 yaml.safe_load((PANGKEP / "kb" / "dasar-hukum.yaml").read_text(encoding="utf-8"))}
    cited = [item if isinstance(item, str) else item["id"] for item in data["mengingat"]]
    assert cited[:2] == ["uud-1945", "uu-29-1959"]  # the opening pattern of the 2020 Perda
    assert all(catalogue[i]["terkonfirmasi"] for i in cited), cited
    assert "perda-pangkep-3-2020" not in cited  # its Lembaran Daerah is unknown


# -- the frame of the Perda in the DOCX -----------------------------------------------------------------------


def test_the_title_is_marked_rancangan_with_open_numbers(found):
    assert found[:11] == [
        ("Lambang", ""), ("Kop", f"BUPATI {REGION.removeprefix('KABUPATEN ')}"),
        ("Kop", "PROVINSI SULAWESI SELATAN"), ("Normal", ""),
        ("Judul Peraturan", "RANCANGAN"), ("Judul Peraturan", f"PERATURAN DAERAH {REGION}"),
        ("Judul Peraturan", "NOMOR ... TAHUN ..."), ("Normal", ""),
        ("Judul Peraturan", "TENTANG"), ("Normal", ""), ("Judul Peraturan", "INOVASI DAERAH"),
    ]


def test_the_konsiderans_closes_with_membentuk_and_mengingat_follows_the_2020_pattern(found):
    texts = [text for _style, text in found]
    assert (" |  | c. | bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
            "membentuk Peraturan Daerah tentang Inovasi Daerah;") in texts
    mengingat = [text for text in texts if text.startswith("Mengingat | : | ")]
    assert mengingat == ["Mengingat | : | 1. | Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia "
                         "Tahun 1945;"]
    start = texts.index(mengingat[0])
    assert texts[start + 1].startswith(" |  | 2. | Undang-Undang Nomor 29 Tahun 1959 tentang Pembentukan "
                                       "Daerah-daerah Tingkat II di Sulawesi (Lembaran Negara")
    assert texts[start + 3].startswith(" |  | 4. | Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah")


def test_the_joint_approval_precedes_memutuskan_and_menetapkan_names_the_perda(found):
    assert section(found, ("Pembukaan", "Dengan Persetujuan Bersama"),
                   ("tabel", "Menetapkan | : | PERATURAN DAERAH TENTANG INOVASI DAERAH.")) == [
        ("Pembukaan", "Dengan Persetujuan Bersama"),
        ("Pembukaan", f"DEWAN PERWAKILAN RAKYAT DAERAH {REGION}"),
        ("Pembukaan", "dan"),
        ("Pembukaan", "BUPATI PANGKAJENE DAN KEPULAUAN"),
        ("Normal", ""),
        ("Pembukaan", "MEMUTUSKAN:"),
        ("Normal", ""),
        ("tabel", "Menetapkan | : | PERATURAN DAERAH TENTANG INOVASI DAERAH."),
    ]


def test_the_body_calls_itself_peraturan_daerah_and_ends_in_the_lembaran_daerah(found):
    texts = [text for _style, text in found]
    assert ("Isi Pasal", "Dalam Peraturan Daerah ini yang dimaksud dengan:") in found
    assert ("Isi Pasal", "Peraturan Daerah ini mulai berlaku pada tanggal diundangkan.") in found
    assert ("Penutup", "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Daerah ini dengan "
                       "penempatannya dalam Lembaran Daerah Kabupaten Pangkajene dan Kepulauan.") in found
    assert ("Berita Daerah", f"LEMBARAN DAERAH {REGION} TAHUN ... NOMOR ...") in found
    assert not any(text.startswith("NOREG") for text in texts), "no NOREG line while a draft"
    assert not any("BERITA DAERAH" in text or "Berita Daerah" in text or "Peraturan Bupati" in text
                   for text in texts)
    assert [text for style, text in found if style == "Judul Pasal"] == [f"Pasal {n}" for n in range(1, 15)]


# -- the Penjelasan ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def explanation(found) -> list[tuple[str, str]]:
    return section(found, ("Judul Penjelasan", "PENJELASAN"),
                   ("Berita Daerah", f"TAMBAHAN LEMBARAN DAERAH {REGION} NOMOR ..."))


def test_the_penjelasan_follows_the_lembaran_daerah_line_with_its_heading(found, explanation):
    assert found.index(("Berita Daerah", f"LEMBARAN DAERAH {REGION} TAHUN ... NOMOR ...")) < \
        found.index(("Judul Penjelasan", "PENJELASAN"))
    assert explanation[:8] == [
        ("Judul Penjelasan", "PENJELASAN"), ("Judul Penjelasan", "ATAS"),
        ("Judul Penjelasan", f"PERATURAN DAERAH {REGION}"), ("Judul Penjelasan", "NOMOR ... TAHUN ..."),
        ("Judul Penjelasan", "TENTANG"), ("Judul Penjelasan", "INOVASI DAERAH"), ("Normal", ""),
        ("Bagian Penjelasan", "I.\tUMUM"),
    ]
    assert explanation[-1] == ("Berita Daerah", f"TAMBAHAN LEMBARAN DAERAH {REGION} NOMOR ...")


def test_umum_is_the_authors_prose_with_its_list(explanation):
    umum = explanation[explanation.index(("Bagian Penjelasan", "I.\tUMUM")) + 1:
                       explanation.index(("Bagian Penjelasan", "II.\tPASAL DEMI PASAL"))]
    assert [style for style, _text in umum] == ["Isi Penjelasan 1"] * 2 + ["Daftar 1"] * 4 + ["Isi Penjelasan 1"]
    assert umum[0][1].startswith("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah memberi ruang")
    assert umum[2:6] == [
        ("Daftar 1", "1.\ttujuan Inovasi Daerah;"), ("Daftar 1", "2.\tbentuk dan kriteria Inovasi Daerah;"),
        ("Daftar 1", "3.\ttahapan Inovasi Daerah, yaitu pengusulan, penetapan, uji coba, dan penerapan; dan"),
        ("Daftar 1", "4.\tpelaporan dan replikasi Inovasi Daerah."),
    ]


def explained(pasal: str, explanation: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What II. PASAL DEMI PASAL writes under one Pasal, up to the next."""
    start = explanation.index(("Unsur Penjelasan 1", pasal))
    end = next((i for i in range(start + 1, len(explanation)) if explanation[i][0] == "Unsur Penjelasan 1"),
               len(explanation) - 2)
    return explanation[start + 1:end]


CLEAR = [("Isi Penjelasan 1", "Cukup jelas.")]


def test_every_pasal_is_listed_and_those_not_explained_are_cukup_jelas(explanation):
    part = explanation[explanation.index(("Bagian Penjelasan", "II.\tPASAL DEMI PASAL")):]
    assert [text for style, text in part if style == "Unsur Penjelasan 1"] == [f"Pasal {n}" for n in range(1, 15)]
    for n in (1, 5, 6, 7, 9, 10, 11, 12, 13, 14):
        assert explained(f"Pasal {n}", explanation) == CLEAR, n


def test_the_given_explanations_stand_at_their_pasal_ayat_and_huruf(explanation):
    # Pasal 2 ayat (2) huruf b: every ayat listed, then every huruf of ayat (2)
    assert explained("Pasal 2", explanation) == [
        ("Unsur Penjelasan 2", "Ayat (1)"), ("Isi Penjelasan 2", "Cukup jelas."),
        ("Unsur Penjelasan 2", "Ayat (2)"),
        ("Unsur Penjelasan 3", "Huruf a"), ("Isi Penjelasan 3", "Cukup jelas."),
        ("Unsur Penjelasan 3", "Huruf b"),
        ("Isi Penjelasan 3", 'Yang dimaksud dengan "peran serta masyarakat" adalah keikutsertaan masyarakat dalam '
                             'mengusulkan, melaksanakan, dan memanfaatkan Inovasi Daerah.'),
        ("Unsur Penjelasan 3", "Huruf c"), ("Isi Penjelasan 3", "Cukup jelas."),
    ]
    # Pasal 3: each of its three forms explained
    pasal3 = explained("Pasal 3", explanation)
    assert [text for style, text in pasal3 if style == "Unsur Penjelasan 2"] == ["Huruf a", "Huruf b", "Huruf c"]
    assert pasal3[1] == ("Isi Penjelasan 2", 'Yang dimaksud dengan "inovasi tata kelola Pemerintahan Daerah" adalah '
                                             'pembaharuan dalam tata kelola internal Pemerintah Daerah, misalnya '
                                             'perencanaan dan penganggaran secara elektronik.')
    assert "Cukup jelas." not in [text for _style, text in pasal3]
    # Pasal 4: only huruf e explained
    assert explained("Pasal 4", explanation) == [
        *[pair for letter in "abcd" for pair in (("Unsur Penjelasan 2", f"Huruf {letter}"),
                                                 ("Isi Penjelasan 2", "Cukup jelas."))],
        ("Unsur Penjelasan 2", "Huruf e"),
        ("Isi Penjelasan 2", 'Yang dimaksud dengan "dapat direplikasi" adalah Inovasi Daerah dapat diterapkan oleh '
                             'daerah lain.'),
    ]
    # Pasal 8 ayat (3) huruf b
    pasal8 = explained("Pasal 8", explanation)
    assert [text for style, text in pasal8 if style == "Unsur Penjelasan 2"] == [
        "Ayat (1)", "Ayat (2)", "Ayat (3)", "Ayat (4)"]
    huruf_b = pasal8.index(("Unsur Penjelasan 3", "Huruf b"))
    assert pasal8[huruf_b + 1][1].startswith('Yang dimaksud dengan "pakar" adalah')
    assert pasal8[huruf_b - 1] == ("Isi Penjelasan 3", "Cukup jelas.")  # huruf a


def test_the_explanations_follow_their_ids_in_the_source():
    data = source()
    given = [item["rujukan"] for item in data["penjelasan"]["pasal"]]
    assert given == ["sasaran-pemberdayaan", "bentuk-tata-kelola", "bentuk-pelayanan-publik", "bentuk-lainnya",
                     "kriteria-replikasi", "anggota-pakar"]


# -- LibreOffice -------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_raperda_converts_in_libreoffice(drafted, tmp_path):
    from support import require_libreoffice

    from rancang.render.pdf import convert_to_pdf

    require_libreoffice()
    source_copy = tmp_path / drafted.name
    source_copy.write_bytes(drafted.read_bytes())
    (pdf,) = convert_to_pdf([source_copy], tmp_path)
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "- 2 -" in raw
    # the page numbers at the top of pages 2, 3, ... are left out: a block may run over a page break
    text = " ".join(re.sub(r"^\f?- \d+ -$", "", raw, flags=re.MULTILINE).split())
    for expected in (f"RANCANGAN PERATURAN DAERAH {REGION} NOMOR ... TAHUN ...",
                     f"Dengan Persetujuan Bersama DEWAN PERWAKILAN RAKYAT DAERAH {REGION} dan BUPATI PANGKAJENE "
                     "DAN KEPULAUAN MEMUTUSKAN:",
                     "PERATURAN DAERAH TENTANG INOVASI DAERAH.",
                     f"PENJELASAN ATAS PERATURAN DAERAH {REGION}", "I. UMUM", "II. PASAL DEMI PASAL",
                     "Pasal 4 Huruf a Cukup jelas.", "Pasal 14 Cukup jelas.",
                     f"TAMBAHAN LEMBARAN DAERAH {REGION} NOMOR ..."):
        assert expected in text, expected
    assert text.index(f"LEMBARAN DAERAH {REGION} TAHUN") < text.index("PENJELASAN ATAS")
