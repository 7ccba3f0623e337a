"""KIPP proposal drafts: the aspects as data, the draft of the example read back paragraph by paragraph with its
styles (prefilled text, word counts computed here from the profile, marked parts where the profile is silent),
a synthetic complete profile with nothing to mark and an aspect over its limit, and the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from docx_reading import blocks
from rancang import richtext
from rancang.assessment.kipp import catalogue_years, count_words, load_catalogue, parse_catalogue
from rancang.cli import main
from rancang.diagnostics import RancangError
from rancang.documents import write_proposal

from support import REPO, copy_example

PAREPARE = "berdaya-srikandi-oleh-srikandi"
ASPECTS = ["Ringkasan", "Latar Belakang dan Tujuan", "Kebaruan/Nilai Tambah", "Implementasi Inovasi", "Signifikansi",
           "Adaptabilitas", "Sumber Daya", "Strategi Keberlanjutan"]
WEIGHTS = ["0%", "10%", "15%", "5%", "30%", "20%", "5%", "15%"]


def words(text: str) -> int:
    """Words as a reader counts them: tokens between spaces that hold a letter or a digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def sections(found: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """The paragraphs under each "Judul 1" heading, by heading text."""
    out: dict[str, list[tuple[str, str]]] = {}
    current = None
    for style, text in found:
        if style == "Judul 1":
            current = out.setdefault(text, [])
        elif current is not None:
            current.append((style, text))
    return out


def count_of(section: list[tuple[str, str]]) -> str:
    return next(text for style, text in section if style.startswith("Hitungan Kata"))


def parts(section: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """Paragraphs under each "Judul 3" part title of one aspect."""
    out: dict[str, list[tuple[str, str]]] = {}
    current = None
    for style, text in section:
        if style == "Judul 3":
            current = out.setdefault(text, [])
        elif current is not None:
            current.append((style, text))
    return out


# -- the data ------------------------------------------------------------------------------------------------


def test_newest_catalogue_is_kipp_2023_general_group_with_its_weights_and_only_the_confirmed_limit():
    assert 2023 in catalogue_years()
    catalogue = load_catalogue()
    assert catalogue.year == max(catalogue_years())
    assert catalogue.group == "umum"
    assert [a.title for a in catalogue.aspects] == ASPECTS
    assert [a.weight for a in catalogue.aspects] == [0, 10, 15, 5, 30, 20, 5, 15]
    assert catalogue.total_weight == 100
    # Only the summary's limit (200 words) was confirmed; no other limit is guessed.
    assert [a.limit for a in catalogue.aspects] == [200] + [None] * 7
    assert all(a.confidence.limit is None for a in catalogue.aspects[1:])
    assert all(s.url and s.url.startswith("https://") for s in catalogue.sources)


def test_a_broken_catalogue_is_reported_with_its_location():
    text = (REPO / "src/rancang/assessment/kipp-2023.yaml").read_text(encoding="utf-8")
    with pytest.raises(RancangError) as caught:
        parse_catalogue(text.replace("kunci: manfaat", "kunci: manfat"), "kipp-2023.yaml")
    [problem] = caught.value.diagnostics
    assert problem.code == "S203" and "manfat" in problem.message and problem.location.line > 0
    with pytest.raises(RancangError) as caught:
        load_catalogue(1999)
    assert caught.value.diagnostics[0].code == "P464"
    assert "2023" in caught.value.diagnostics[0].suggestion


@pytest.mark.parametrize("text, expected", [
    ("Inovasi Dinas Pertanian", 3),
    ("naik 426% → Rp1,9 juta", 4),
    ("1. satu\n2. dua tiga\n- empat", 4),
    ("edukatif-fasilitatif ( - )", 1),
    ("", 0),
])
def test_word_count(text, expected):
    assert count_words(text) == expected == words(_LIST.sub("", text) if "\n" in text else text)


_LIST = re.compile(r"^(?:\d+\.|-)\s", re.MULTILINE)


# -- the example: real facts, what is missing is marked ---------------------------------------------------------


@pytest.fixture(scope="module")
def parepare(tmp_path_factory) -> tuple[list[tuple[str, str]], list, Path]:
    root = copy_example(tmp_path_factory.mktemp("proposal") / "proyek", ("rancang.yaml", "kb", "regulations"))
    out = root / "keluaran" / "proposal.docx"
    outcome = write_proposal(root, PAREPARE, out)
    assert outcome.written == [out] and not outcome.problems
    return blocks(out.read_bytes()), outcome.advice, root


def test_example_cover_and_one_heading_per_aspect_in_order(parepare):
    found, _advice, _root = parepare
    assert found[:8] == [
        ("Judul Dokumen", "PROPOSAL KOMPETISI INOVASI PELAYANAN PUBLIK (KIPP) 2023"),
        ("Subjudul Dokumen", "Kelompok umum"),
        ("Normal", ""),
        ("Judul Sampul", "Berdaya Srikandi oleh Srikandi"),
        ("Keterangan Sampul", "Dinas Pertanian, Kelautan dan Perikanan"),
        ("Keterangan Sampul", "Kota Parepare, Provinsi Sulawesi Selatan"),
        ("Keterangan Sampul", "Kompetisi Inovasi Pelayanan Publik (KIPP) 2023, kelompok umum"),
        ("Keterangan Sampul", "Draf disusun oleh rancang dari basis pengetahuan; bukan proposal final."),
    ]
    headings = [text for style, text in found if style == "Judul 1"]
    assert headings == [f"{n}. {title}" for n, title in enumerate(ASPECTS, start=1)] + [
        "Rekapitulasi Jumlah Kata", "Catatan"]
    for (n, title), weight in zip(enumerate(ASPECTS, start=1), WEIGHTS):
        assert count_of(sections(found)[f"{n}. {title}"]).startswith(f"Bobot {weight} · ")


def test_example_word_counts_are_those_of_the_profile(parepare):
    found, _advice, root = parepare
    profile = yaml.safe_load((root / "kb/inovasi" / f"{PAREPARE}.yaml").read_text(encoding="utf-8"))
    by_aspect = sections(found)
    signifikansi = parts(by_aspect["5. Signifikansi"])
    indicator_lines = [text for style, text in signifikansi["Indikator sebelum dan sesudah"]]
    assert [line.split(":")[0] for line in indicator_lines] == [i["nama"] for i in profile["indikator"]]
    expected = {
        "1. Ringkasan": words(profile["ringkasan"]),
        "2. Latar Belakang dan Tujuan": words(profile["masalah"]),
        "3. Kebaruan/Nilai Tambah": 0,
        "4. Implementasi Inovasi": words(profile["solusi"]),
        "5. Signifikansi": words(profile["hasil"]) + sum(words(line) for line in indicator_lines),
        "6. Adaptabilitas": 0,
        "7. Sumber Daya": sum(words(name) for name in profile["inovator"]) + words(
            "Dinas Pertanian, Kelautan dan Perikanan"),
        "8. Strategi Keberlanjutan": 0,
    }
    for heading, count in expected.items():
        line = count_of(by_aspect[heading])
        assert line.split(" · ")[1].startswith(f"{count} kata"), (heading, line)
    assert count_of(by_aspect["1. Ringkasan"]).endswith(f"{expected['1. Ringkasan']} kata dari batas 200 kata")
    assert count_of(by_aspect["5. Signifikansi"]).endswith("kata (batas kata belum dikonfirmasi)")
    table = [text for style, text in found if style == "tabel"]
    assert table[0] == "No. | Aspek | Bobot | Kata | Batas kata | Keterangan"
    assert table[1] == f"1 | Ringkasan | 0% | {expected['1. Ringkasan']} | 200 | sesuai batas"
    assert table[3] == "3 | Kebaruan/Nilai Tambah | 15% | 0 | belum dikonfirmasi | kosong, perlu ditulis"
    assert table[-1] == f" | Jumlah | 100% | {sum(expected.values())} |  | "


def test_example_marks_every_missing_part_and_invents_nothing(parepare):
    found, advice, root = parepare
    profile = yaml.safe_load((root / "kb/inovasi" / f"{PAREPARE}.yaml").read_text(encoding="utf-8"))
    marked = [text for style, text in found if style == "Isian Penulis"]
    keys = [re.search(r"'([a-z_]+)'", text).group(1) for text in marked]
    assert keys == ["tujuan", "kebaruan", "langkah", "tanggal_inisiatif", "manfaat", "replikasi", "anggaran",
                    "dasar_hukum", "faktor_pendorong", "faktor_penghambat"]
    assert all(text.startswith("Untuk diisi penulis: Tulis ") for text in marked)
    assert all(f"kb/inovasi/{PAREPARE}.yaml" in text for text in marked)
    # Every paragraph of text in the aspects is the profile's own words.
    allowed = {richtext.plain(profile[key]) for key in ("ringkasan", "masalah", "solusi", "hasil")}
    allowed |= set(profile["inovator"]) | {"Dinas Pertanian, Kelautan dan Perikanan"}
    indicator_names = tuple(f"{i['nama']}: " for i in profile["indikator"])
    for heading, section in sections(found).items():
        if heading[0].isdigit():
            for style, text in section:
                if style == "Isi":
                    assert text in allowed or text.startswith(indicator_names), text
    # The advice says the same, located in the profile; nothing is over a limit.
    codes = [d.code for d in advice if d.code.startswith("P46")]
    assert codes == ["P462", "P461", "P462", "P462", "P461", "P462", "P461"]
    assert all(d.location.path.endswith(f"kb/inovasi/{PAREPARE}.yaml") for d in advice if d.code.startswith("P46"))
    assert not any(style == "Hitungan Kata Lewat" for style, _text in found)


def test_example_ends_with_the_draft_note_and_the_sources(parepare):
    found, _advice, _root = parepare
    note = sections(found)["Catatan"]
    assert note[0] == ("Isi", "Draf ini disusun oleh rancang dari basis pengetahuan "
                              f"(kb/inovasi/{PAREPARE}.yaml). Teks setiap aspek diambil apa adanya dari profil "
                              "inovasi; bagian yang bertanda \"Untuk diisi penulis\" belum ada di profil dan harus "
                              "ditulis sendiri sebelum proposal dikirim. Uraian \"Yang ditanyakan\" adalah ringkasan "
                              "rancang, bukan kutipan pedoman. Periksa juga susunan aspek, bobot, dan batas kata pada "
                              "petunjuk teknis KIPP tahun lomba.")
    bullets = [text for style, text in note if style == "Butir"]
    assert any("123dok.com" in text for text in bullets)


# -- a synthetic complete profile ----------------------------------------------------------------------------------

LONG_SUMMARY = " ".join(["Layanan"] + ["warga"] * 246 + ["PU & < 5 menit."])  # 250 words ("&", "<" are none)


def synthetic_project(root: Path, summary: str = LONG_SUMMARY) -> Path:
    """A small project (fictional, synthetic) with one profile that fills every part of every aspect."""
    copy_example(root, ("rancang.yaml",))
    (root / "kb/inovasi").mkdir(parents=True)
    (root / "kb/perangkat-daerah.yaml").write_text(
        "- id: dinas-uji\n  nama: Dinas Uji Coba & <Sintetis>\n", encoding="utf-8")
    (root / "kb/inovasi/layanan-uji.yaml").write_text(yaml.safe_dump({
        "nama": "Layanan Uji & <Sintetis>",
        "ringkasan": summary,
        "perangkat_daerah": "dinas-uji",
        "unit": "Bidang Layanan",
        "inovator": ["Tim Sintetis A", "Tim Sintetis B"],
        "tanggal_uji_coba": "2021-03",
        "tanggal_penerapan": 2022,
        "masalah": "Antrean panjang & waktu tunggu > 60 menit di loket.",
        "tujuan": "Memangkas waktu tunggu.",
        "kebaruan": "Antrean daring pertama di daerah fiktif ini.",
        "langkah": "1. Daftar daring.\n2. Datang sesuai jam.",
        "solusi": "Nomor antrean dikirim lewat pesan singkat.",
        "hasil": "Waktu tunggu turun.",
        "manfaat": "Warga tidak perlu menunggu di loket.",
        "indikator": [{"nama": "Waktu tunggu", "satuan": "menit", "awal": {"nilai": 90, "tahun": 2020},
                       "hasil": {"nilai": 15, "tahun": 2022}}],
        "anggaran": [{"tahun": 2022, "jumlah": 150000000, "sumber": "APBD"}],
        "dasar_hukum": [{"uraian": "Keputusan Kepala Dinas Uji Nomor 1 Tahun 2021"}],
        "replikasi": {"oleh": [{"daerah": "Kabupaten Fiktif", "tahun": 2023, "keterangan": "PKS"}],
                      "prasyarat": "Jaringan internet di loket."},
        "faktor_pendorong": "Dukungan pimpinan.",
        "faktor_penghambat": "Sinyal lemah; diatasi dengan loket cadangan.",
        "sumber": [{"judul": "Data sintetis untuk pengujian rancang"}],
    }, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def test_complete_profile_has_no_placeholders_and_flags_the_aspect_over_its_limit(tmp_path):
    root = synthetic_project(tmp_path / "proyek")
    out = tmp_path / "uji.docx"
    outcome = write_proposal(root, "layanan-uji", out)
    found = blocks(out.read_bytes())
    assert not any(style == "Isian Penulis" for style, _text in found)
    by_aspect = sections(found)
    assert [(style, text) for style, text in by_aspect["1. Ringkasan"] if style.startswith("Hitungan")] == [
        ("Hitungan Kata Lewat", "Bobot 0% · 250 kata dari batas 200 kata: MELEBIHI BATAS 50 kata")]
    table = [text for style, text in found if style == "tabel"]
    assert table[1] == "1 | Ringkasan | 0% | 250 | 200 | melebihi batas 50 kata"
    over = [d for d in outcome.advice if d.code == "P460"]
    assert len(over) == 1 and over[0].location.path.endswith("kb/inovasi/layanan-uji.yaml")
    assert over[0].location.line > 1  # at 'ringkasan', where the words are
    assert not [d for d in outcome.advice if d.code in ("P461", "P462")]
    # & and < of the profile reach the document exactly.
    texts = [text for _style, text in found]
    assert "Layanan Uji & <Sintetis>" in texts
    assert "Dinas Uji Coba & <Sintetis>, Bidang Layanan" in texts
    assert "Antrean panjang & waktu tunggu > 60 menit di loket." in texts
    assert any(text.endswith("PU & < 5 menit.") for text in texts)
    implementasi = parts(by_aspect["4. Implementasi Inovasi"])
    assert implementasi["Waktu pelaksanaan"] == [("Isi", "Uji coba: Maret 2021"), ("Isi", "Penerapan: 2022")]
    assert [style for style, _text in implementasi["Langkah-langkah"]] == ["Daftar 1", "Daftar 1"]
    adaptabilitas = by_aspect["6. Adaptabilitas"]
    assert ("Isi", "Direplikasi oleh: Kabupaten Fiktif (2023), PKS") in adaptabilitas
    assert ("Isi", "2022: Rp150.000.000 (APBD)") in parts(by_aspect["7. Sumber Daya"])["Anggaran"]


def test_strict_stops_on_the_findings_and_writes_nothing(tmp_path):
    root = synthetic_project(tmp_path / "proyek")
    out = tmp_path / "uji.docx"
    with pytest.raises(RancangError) as caught:
        write_proposal(root, "layanan-uji", out, strict=True)
    assert [d.code for d in caught.value.diagnostics] == ["P460"]
    assert not out.exists()


# -- the command line ----------------------------------------------------------------------------------------------


def test_cli_writes_the_default_file_and_prints_the_advice(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    root = synthetic_project(tmp_path / "proyek", summary="Layanan antrean daring di loket.")
    monkeypatch.chdir(root)
    assert main(["-C", str(root), "proposal", "layanan-uji"]) == 0
    out, err = capsys.readouterr()
    target = root / "_build/dokumen/layanan-uji-proposal-kipp-2023.docx"
    assert target.is_file()
    assert out.strip().endswith("_build/dokumen/layanan-uji-proposal-kipp-2023.docx")
    assert err == ""


def test_cli_unknown_id_is_explained_with_a_suggestion(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    root = synthetic_project(tmp_path / "proyek")
    monkeypatch.chdir(root)
    assert main(["-C", str(root), "proposal", "layanan-ujo"]) == 1
    _out, err = capsys.readouterr()
    assert err.strip() == ("kb/inovasi: P463: inovasi 'layanan-ujo' tidak ditemukan: tidak ada berkas "
                           "kb/inovasi/layanan-ujo.yaml (maksud Anda 'layanan-uji'?)")
    assert not (root / "_build").exists()


def test_cli_strict_exits_1_and_lists_the_findings(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    root = synthetic_project(tmp_path / "proyek")
    monkeypatch.chdir(root)
    assert main(["-C", str(root), "proposal", "layanan-uji", "--strict"]) == 1
    _out, err = capsys.readouterr()
    assert "kb/inovasi/layanan-uji.yaml:2:" in err  # at the summary
    assert "P460: aspek 'Ringkasan' proposal KIPP 2023 berisi 250 kata, melebihi batas 200 kata" in err
    assert not (root / "_build").exists()


# -- the template and the year ------------------------------------------------------------------------------------


def test_the_packaged_proposal_template_is_the_generated_one_with_its_styles(tmp_path):
    import subprocess
    import sys
    import zipfile

    from docx import Document

    from rancang.render.template_names import PROPOSAL_REQUIRED_STYLES

    def parts(path: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    packaged = REPO / "src/rancang/templates/proposal-kipp.docx"
    subprocess.run([sys.executable, str(REPO / "templates/make_templates.py"), "--proposal", str(tmp_path / "p.docx")],
                   check=True, capture_output=True)
    assert parts(packaged) == parts(tmp_path / "p.docx"), "run: .venv/bin/python templates/make_templates.py"
    assert PROPOSAL_REQUIRED_STYLES <= {style.name for style in Document(str(packaged)).styles}


def test_cli_unknown_year_names_the_years_there_are(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    root = synthetic_project(tmp_path / "proyek")
    monkeypatch.chdir(root)
    assert main(["-C", str(root), "proposal", "layanan-uji", "--tahun", "2019"]) == 1
    _out, err = capsys.readouterr()
    assert err.strip() == ("kipp-2019.yaml: P464: tidak ada data aspek proposal KIPP tahun 2019 (tahun yang tersedia: "
                           + ", ".join(str(y) for y in catalogue_years()) + ")")
    assert not (root / "_build").exists()
