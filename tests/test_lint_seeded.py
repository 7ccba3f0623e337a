"""A draft seeded with ten typical mistakes gets ten precise messages and nothing else."""

from __future__ import annotations

import textwrap

from rancang.check import check_project
from rancang.lint.examples import write_project
from rancang.lint.registry import Example

SEEDED = """
    tentang: Inovasi Daerah.
    menimbang:
      - untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi Daerah
      - bahwa Inovasi Daerah perlu diatur agar terarah;
    mengingat:
      - pp-38-2017
      - {id: uud-1945, pasal: Pasal 18 ayat (6)}
      - uu-23-2014
    ketentuan_umum:
      - istilah: Daerah
        arti: Kota Parepare
      - istilah: Wali Kota
        arti: Wali Kota Parepare
      - istilah: Pemerintahan Daerah
        arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
      - istilah: Inovasi Daerah
        arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
    batang_tubuh:
      - bab: BENTUK INOVASI DAERAH
        isi:
          - id: pasal-bentuk
            teks: "Inovasi Daerah berbentuk:"
            rincian:
              sifat: alternatif
              butir:
                - inovasi tata kelola Pemerintahan Daerah; atau
                - inovasi pelayanan publik
          - ayat:
              - Walikota menetapkan inovasi daerah [[pasal-bentuk]].
              - Penetapan sebagaimana dimaksud dalam ayat (1) dilakukan paling lama 3 (empat) hari sejak usulan
                diterima oleh Wali Kota di Daerah.
              - Penetapan Wali Kota mulai berlaku efektif sejak ditandatangani.
"""

EXPECTED = [  # (code, line, column, words of the message); each position checked to point at the mistake
    ("L520", 1, 18, "nama peraturan 'Inovasi Daerah.' diakhiri tanda baca '.'"),
    ("L501", 3, 5, "konsiderans 'untuk meningkatkan kinerja penyelenggaraan Pemerintahan D...' tidak diawali "
                   "'bahwa'"),
    ("L503", 4, 44, "akhir konsiderans '...diatur agar terarah;' memuat ';' yang diketik sendiri"),
    ("L510", 7, 5, "'uud-1945' ditulis sesudah 'pp-38-2017', padahal lebih tinggi tingkatnya"),
    ("L550", 26, 54, "butir 'inovasi tata kelola Pemerintahan Daerah; atau' diakhiri '; atau'"),
    ("L580", 29, 13, "'Walikota' dalam 'Walikota menetapkan inovasi daerah [[pasal-bentuk]].'"),
    ("L543", 29, 33, "'inovasi daerah' ditulis tidak seperti istilah yang didefinisikan 'Inovasi Daerah'"),
    ("L561", 30, 44, "rujukan 'sebagaimana dimaksud dalam ayat (1)': ayat dalam pasal yang sama dirujuk dengan 'pada'"),
    ("L570", 30, 81, "'3 (empat)': 3 dibaca 'tiga', bukan 'empat'"),
    ("L581", 32, 33, "'mulai berlaku efektif'"),
]


def test_ten_typical_mistakes_get_ten_precise_messages(tmp_path, monkeypatch):
    root = write_project(tmp_path, Example("regulasi", "{}"))  # the clean example project ...
    (root / "regulations/contoh.yaml").write_text(textwrap.dedent(SEEDED).lstrip(), encoding="utf-8")  # ... + this
    monkeypatch.chdir(root)
    checked = check_project(root)
    report = checked.report
    found = report.sorted()
    lines = [d.format() for d in found]
    assert len(found) == 10, "\n".join(lines)
    assert [(d.code, d.location.line, d.location.column) for d in found] == \
        [(code, line, column) for code, line, column, _words in EXPECTED], lines
    for diagnostic, (_code, _line, _column, words) in zip(found, EXPECTED):
        assert diagnostic.location.path == "regulations/contoh.yaml"
        assert words in diagnostic.message, diagnostic.format()
