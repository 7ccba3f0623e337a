"""The linter over a Keputusan Kepala Daerah: no false alarm from the rules written for a Peraturan, hand-written
references resolved inside a diktum, and the rules per kind (L595-L598), read as ``rancang check`` prints them.

The base Keputusan is :data:`rancang.lint.examples.DECREE` (the base of the rules' own examples), written beside
the small clean project every rule example uses."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from rancang.check import check_project
from rancang.lint.examples import DECREE, write_project
from rancang.lint.registry import Example


def findings(tmp_path, monkeypatch, target: str, patch: str) -> list[str]:
    root = write_project(tmp_path, Example(target, textwrap.dedent(patch)))
    monkeypatch.chdir(root)
    return [d.format() for d in check_project(root).report.sorted()]


def decree_with(**changes) -> str:
    """A YAML patch of the base Keputusan."""
    return yaml.safe_dump(changes, allow_unicode=True, sort_keys=False, width=200)


BASE_DICTA = yaml.safe_load(textwrap.dedent(DECREE))["diktum"]


def test_the_base_keputusan_is_clean(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, "keputusan", "{}") == []


def test_a_regency_keputusan_is_clean(tmp_path, monkeypatch):
    root = write_project(tmp_path, Example("keputusan", decree_with(
        jenis="keputusan_bupati",
        diktum=yaml.safe_load(yaml.safe_dump(BASE_DICTA).replace("Wali Kota", "Bupati")))))
    settings = root / "rancang.yaml"
    settings.write_text(settings.read_text().replace("jenis: kota", "jenis: kabupaten").replace(
        "nama: Parepare", "nama: Pangkajene dan Kepulauan"), encoding="utf-8")
    for path in [root / "regulations" / "contoh.yaml", *(root / "kb" / "inovasi").glob("*.yaml")]:
        path.write_text(path.read_text().replace("Wali Kota", "Bupati").replace("Kota Parepare", "Kabupaten "
                                                                                 "Pangkajene dan Kepulauan"))
    monkeypatch.chdir(root)
    found = [d.format() for d in check_project(root).report.sorted()]
    assert [line for line in found if "keputusan.yaml" in line] == []


def test_a_full_keputusan_raises_no_false_alarm(tmp_path, monkeypatch):
    """Every part of a Keputusan at once: Memperhatikan (document names, in capitals), a diktum of several
    sentences with a lettered rincian and references in it, Tembusan, a lampiran of text and members."""
    assert findings(tmp_path, monkeypatch, "keputusan", decree_with(
        memperhatikan=["Berita Acara Rapat Koordinasi Tim Inovasi Daerah",
                       "Surat Kepala Badan Perencanaan Pembangunan Daerah"],
        diktum=[BASE_DICTA[0], {
            "id": "diktum-tugas", "teks": "Tim Inovasi Daerah [[diktum-pembentukan]] bertugas:",
            "rincian": {"sifat": "kumulatif", "butir": [
                {"id": "tugas-rencana", "teks": "menyusun rencana kerja"},
                "melaksanakan rencana kerja [[tugas-rencana]]",
                "melaporkan hasil pelaksanaan tugasnya kepada Wali Kota"]}},
            "Dalam melaksanakan tugas [[tugas-rencana]], Tim Inovasi Daerah dibantu oleh sekretariat.",
            "Segala biaya yang timbul akibat ditetapkannya Keputusan Wali Kota ini dibebankan pada Anggaran "
            "Pendapatan dan Belanja Daerah."],
        tembusan=["Gubernur Sulawesi Selatan di Makassar", "Ketua Dewan Perwakilan Rakyat Daerah Kota Parepare"],
        lampiran=[{"judul": "Susunan Keanggotaan Tim Inovasi Daerah", "isi": "Susunan keanggotaan sebagai berikut.",
                   "anggota": [{"jabatan_tim": "Ketua", "jabatan": "Sekretaris Daerah"}]}],
    )) == []


def test_a_handwritten_huruf_in_a_diktum_points_into_that_diktum(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, "keputusan", decree_with(diktum=[BASE_DICTA[0], {
        "teks": "Tim Inovasi Daerah [[diktum-pembentukan]] bertugas:",
        "rincian": {"sifat": "kumulatif", "butir": [
            "menyusun rencana kerja", "melaksanakan rencana kerja sebagaimana dimaksud pada huruf a",
            "melaporkan rencana kerja sebagaimana dimaksud pada huruf d"]}}]))
    assert found == [
        "regulations/keputusan.yaml:17:34: L562: peringatan: rujukan 'sebagaimana dimaksud pada huruf a' ditulis "
        "tangan; nomornya tidak ikut berubah bila pasal, ayat, atau butir disisipkan atau dipindahkan (beri id pada "
        "Diktum KEDUA huruf a lalu tulis [[id]] menggantikan 'sebagaimana dimaksud pada huruf a')",
        "regulations/keputusan.yaml:18:32: L560: rujukan 'sebagaimana dimaksud pada huruf d': Diktum KEDUA tidak "
        "memiliki huruf d (rinciannya hanya sampai huruf c) (periksa nomor yang dirujuk; dengan [[id]] nomornya "
        "dihitung otomatis)",
    ]


def test_a_pasal_in_a_keputusan_is_no_element_of_it(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, "keputusan", decree_with(diktum=[
        BASE_DICTA[0], "Tim Inovasi Daerah melaksanakan tugas sebagaimana dimaksud dalam Pasal 2."]))
    assert found == [
        "regulations/keputusan.yaml:12:41: L560: rujukan 'sebagaimana dimaksud dalam Pasal 2': Keputusan tidak "
        "memuat pasal; rujuk diktumnya dengan [[id]] (periksa nomor yang dirujuk; dengan [[id]] nomornya dihitung "
        "otomatis)"]


def test_labels_and_references_typed_by_hand(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, "keputusan", decree_with(diktum=[
        {**BASE_DICTA[0], "teks": "KESATU: " + BASE_DICTA[0]["teks"]},
        "Tim Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU melapor kepada Wali Kota.",
        "Laporan sebagaimana dimaksud dalam diktum Pertama disampaikan setiap tahun."]))
    assert found == [
        "regulations/keputusan.yaml:10:10: L595: peringatan: label diktum 'KESATU:' diketik di depan teks diktum "
        "(hapus labelnya: KESATU, KEDUA, ... dibuat otomatis)",
        "regulations/keputusan.yaml:12:49: L595: peringatan: rujukan 'Diktum KESATU' ditulis tangan; labelnya tidak "
        "ikut berubah bila diktum disisipkan atau dipindahkan (beri id pada diktum itu lalu tulis [[id]]: rancang "
        "menulis 'sebagaimana dimaksud dalam Diktum KESATU' sendiri)",
        "regulations/keputusan.yaml:13:38: L595: peringatan: rujukan 'diktum Pertama': diktum diberi label KESATU, "
        "bukan PERTAMA (beri id pada diktum itu lalu tulis [[id]]: rancang menulis 'sebagaimana dimaksud dalam "
        "Diktum KESATU' sendiri)",
    ]


def test_criminal_provisions_only_in_a_perda(tmp_path, monkeypatch):
    in_a_decree = findings(tmp_path, monkeypatch, "keputusan", decree_with(diktum=[
        BASE_DICTA[0],
        "Anggota yang membocorkan data diancam pidana kurungan paling lama 3 (tiga) bulan atau pidana denda paling "
        "banyak Rp50.000.000,00 (lima puluh juta rupiah)."]))
    assert in_a_decree == [
        "regulations/keputusan.yaml:12:33: L596: 'diancam pidana': Keputusan tidak boleh memuat ketentuan pidana "
        "(ketentuan pidana hanya dimuat dalam Peraturan Daerah; hapus ancaman pidana ini)",
        "regulations/keputusan.yaml:12:89: L596: 'pidana denda paling banyak': Keputusan tidak boleh memuat "
        "ketentuan pidana (ketentuan pidana hanya dimuat dalam Peraturan Daerah; hapus ancaman pidana ini)",
    ]


@pytest.mark.parametrize("kind, expected", [
    (None, ["regulations/contoh.yaml:23:8: L596: 'KETENTUAN PIDANA': Peraturan Wali Kota/Bupati tidak boleh memuat "
            "ketentuan pidana (ketentuan pidana hanya dimuat dalam Peraturan Daerah; hapus ancaman pidana ini)"]),
    ("peraturan_daerah", []),
])
def test_a_bab_of_criminal_provisions_in_a_perkada_but_not_in_a_perda(tmp_path, monkeypatch, kind, expected):
    patch = {"batang_tubuh": [
        {"bab": "KETENTUAN UMUM", "isi": [{"teks": "Inovasi Daerah dilaksanakan oleh perangkat daerah."}]},
        {"bab": "KETENTUAN PIDANA", "isi": [{"teks": "Perangkat daerah menyusun laporan setiap tahun."}]}]}
    if kind:
        patch["jenis"] = kind
    found = [line for line in findings(tmp_path, monkeypatch, "regulasi", decree_with(**patch))
             if "L596" in line]
    assert found == expected


def test_a_requirement_that_mentions_pidana_is_no_criminal_provision(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, "keputusan", decree_with(diktum=[
        BASE_DICTA[0], "Anggota Tim Inovasi Daerah tidak pernah dipidana karena melakukan tindak pidana korupsi."
    ])) == []


def test_sanctions_in_a_keputusan_and_a_lower_case_diktum(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, "keputusan", decree_with(diktum=[
        BASE_DICTA[0], "[[diktum-pembentukan]] yang tidak melapor dikenai sanksi berupa denda."]))
    assert found == [
        "regulations/keputusan.yaml:12:4: L598: peringatan: diktum '[[diktum-pembentukan]] yang tidak melapor "
        "dikenai sanksi ...' diawali huruf kecil (awali teks diktum dengan huruf kapital, misalnya 'Menetapkan ...')",
        "regulations/keputusan.yaml:12:54: L597: peringatan: 'sanksi': Keputusan menetapkan hal yang konkret dan "
        "individual, tidak memuat sanksi (atur sanksinya dalam peraturan, atau hapus dari Keputusan ini)",
        "regulations/keputusan.yaml:12:68: L597: peringatan: 'denda': Keputusan menetapkan hal yang konkret dan "
        "individual, tidak memuat sanksi (atur sanksinya dalam peraturan, atau hapus dari Keputusan ini)",
    ]


def test_a_peraturan_may_speak_of_sanctions_and_diktum_words(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, "regulasi", decree_with(batang_tubuh=[
        {"bab": "KETENTUAN UMUM", "isi": [{"teks": "Perangkat daerah yang tidak melapor dikenai sanksi "
                                                   "administratif berupa teguran tertulis."}]}]))
    assert [line for line in found if any(code in line for code in ("L595", "L596", "L597", "L598"))] == []


def test_the_word_diktum_before_other_words_is_no_reference(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, "keputusan", decree_with(diktum=[
        BASE_DICTA[0], "Tim Inovasi Daerah melaksanakan diktum keputusan ini dengan penuh tanggung jawab."])) == []


def test_a_commencement_typed_as_a_diktum_would_be_printed_twice(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, "keputusan", decree_with(diktum=[
        BASE_DICTA[0], "Keputusan Wali Kota ini mulai berlaku pada tanggal ditetapkan."])) == [
        "regulations/keputusan.yaml:12:23: L599: diktum 'Keputusan Wali Kota ini mulai berlaku pada tanggal "
        "diteta...' menyatakan saat mulai berlaku; rancang menulis diktum itu sendiri sebagai diktum terakhir "
        "(hapus diktum ini; tanggal mulai berlaku yang lain ditulis di ketentuan_penutup.mulai_berlaku)"]
