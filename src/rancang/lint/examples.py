"""The small, clean project every rule example is applied to.

``project_files(example)`` returns the files of the base project with the
example's patch applied (a target outside the base, ``inovasi-lain``, is a copy of the base profile,
then patched): for a mapping file the patch's top-level keys replace
the base's; for a list file (``dasar-hukum``) entries with the same ``id`` are
replaced and others appended. The base passes every rule, so a rule's wrong
example must produce that rule's code and nothing else, and its right example
nothing at all.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from rancang.lint.registry import Example

BASE: dict[str, str] = {
    "rancang.yaml": """
        daerah:
          jenis: kota
          nama: Parepare
          provinsi: Sulawesi Selatan
        kepala_daerah:
          nama: Nama Kepala Daerah
    """,
    "kb/perangkat-daerah.yaml": """
        - id: bappeda
          nama: Badan Perencanaan Pembangunan Daerah
          singkatan: Bappeda
    """,
    "kb/dasar-hukum.yaml": """
        - id: uud-1945
          jenis: UUD
          tahun: 1945
          terkonfirmasi: true
        - id: uu-23-2014
          jenis: UU
          nomor: 23
          tahun: 2014
          tentang: Pemerintahan Daerah
          lembaran: {tahun: 2014, nomor: 244}
          tambahan: 5587
          terkonfirmasi: true
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran: {tahun: 2017, nomor: 206}
          tambahan: 6123
          terkonfirmasi: true
    """,
    "kb/inovasi/contoh.yaml": """
        nama: Layanan Contoh
        perangkat_daerah: bappeda
        inisiator: perangkat_daerah
        bentuk: pelayanan_publik
        jenis: digital
        urusan: [perencanaan]
        tahapan: penerapan
        tanggal_uji_coba: 2019-01-02
        tanggal_penerapan: 2020-01-02
        status: berjalan
        rancang_bangun: >-
          Layanan Contoh lahir dari masalah yang dicatat Bappeda pada tahun 2018. Usulan program dari
          kelurahan dan perangkat daerah dikirim dalam berkas kertas, dikumpulkan secara manual, lalu diketik
          ulang oleh staf sebelum musyawarah perencanaan pembangunan. Cara ini lambat, banyak usulan yang
          tercecer, dan pengusul tidak dapat mengetahui apakah usulannya sudah dibahas atau ditolak beserta
          alasannya. Rata-rata satu usulan baru tercatat dua minggu setelah dikirim, dan sebagian besar
          warga tidak pernah menerima kabar tentang nasib usulan mereka.

          Pokok perubahan yang dibawa inovasi ini ada tiga. Pertama, seluruh usulan diterima melalui satu
          formulir daring yang dapat diisi dari kantor kelurahan, dari telepon genggam warga, atau dibantu
          petugas di loket layanan. Setiap usulan langsung mendapat nomor pelacakan dan tercatat dalam basis
          data yang sama dengan yang dipakai Bappeda untuk menyusun rencana kerja. Kedua, setiap tahap
          pembahasan, mulai dari verifikasi, pembahasan di kecamatan, sampai penetapan dalam rencana kerja,
          dicatat dalam sistem, sehingga pengusul dapat melihat posisi usulannya kapan saja dan menerima
          pemberitahuan ketika statusnya berubah. Ketiga, Bappeda menerbitkan rekapitulasi usulan per
          kelurahan dan per urusan secara terbuka, sehingga anggota dewan, perangkat daerah, dan warga
          melihat data yang sama.

          Rancang bangun layanan disusun bersama kelurahan, kecamatan, dinas komunikasi dan informatika, dan
          perwakilan warga melalui dua kali lokakarya. Uji coba dilakukan di dua kecamatan selama enam bulan
          pada tahun 2019. Selama uji coba, tim mencatat keluhan pengguna, memperbaiki formulir agar lebih
          sederhana, dan menambahkan bantuan petugas bagi warga yang tidak terbiasa memakai internet. Setelah
          uji coba dinilai berhasil, layanan diterapkan di seluruh kota mulai Januari 2020 dan ditetapkan
          dengan Keputusan Wali Kota.

          Keunggulan layanan ini terletak pada keterbukaan proses dan kecepatan pencatatan. Usulan kini
          tercatat pada hari yang sama, staf tidak lagi mengetik ulang berkas, dan setiap keputusan disertai
          alasan yang dapat dibaca pengusul. Layanan ini dapat direplikasi oleh daerah lain karena memakai
          perangkat lunak sumber terbuka, tidak membutuhkan perangkat keras khusus, dan panduan teknisnya
          tersedia bagi siapa saja yang ingin menerapkannya.
        tujuan: Tujuan layanan contoh.
        manfaat: Manfaat layanan contoh.
        hasil: Hasil layanan contoh.
        dasar_hukum:
          - uraian: Keputusan Wali Kota tentang Penetapan Inovasi Daerah
        anggaran:
          - {tahun: 2020, sumber: APBD}
        indikator:
          - {nama: Pengguna, satuan: orang, awal: {nilai: 10, tahun: 2019}, hasil: {nilai: 20, tahun: 2020}}
        sumber:
          - {judul: Berita contoh, url: "https://contoh.go.id/berita", tanggal: 2021-06-04}
    """,
    "regulations/contoh.yaml": """
        tentang: Inovasi Daerah
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi Daerah
          - bahwa Inovasi Daerah perlu diatur agar terarah
        mengingat:
          - {id: uud-1945, pasal: Pasal 18 ayat (6)}
          - uu-23-2014
          - pp-38-2017
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
                    - id: bentuk-tata-kelola
                      teks: inovasi tata kelola Pemerintahan Daerah
                    - inovasi pelayanan publik
              - ayat:
                  - id: ayat-penetapan
                    teks: Wali Kota menetapkan Inovasi Daerah [[pasal-bentuk]].
                  - Penetapan [[ayat-penetapan]] dilakukan paling lama [[14]] hari sejak usulan diterima.
    """,
}

FILE_OF = {
    "proyek": "rancang.yaml",
    "perangkat-daerah": "kb/perangkat-daerah.yaml",
    "dasar-hukum": "kb/dasar-hukum.yaml",
    "inovasi": "kb/inovasi/contoh.yaml",
    "inovasi-lain": "kb/inovasi/contoh-lain.yaml",
    "regulasi": "regulations/contoh.yaml",
    "regulasi-perubahan": "regulations/contoh-perubahan.yaml",
    "regulasi-perubahan-kedua": "regulations/contoh-perubahan-kedua.yaml",
    "keputusan": "regulations/keputusan.yaml",
    "regulasi-pelaksana": "regulations/pelaksana.yaml",
}

BASE_OF = {"kb/inovasi/contoh-lain.yaml": "kb/inovasi/contoh.yaml",
           "regulations/contoh-perubahan.yaml": "regulations/contoh.yaml",
           "regulations/contoh-perubahan-kedua.yaml": "regulations/contoh.yaml"}
"""A file the base project does not have, made from a base file when an example patches it (a second profile
for rules that compare profiles)."""

ENACTED = """
nomor: 4
tahun: 2023
penetapan:
  tanggal: 2023-03-01
pengundangan:
  tanggal: 2023-03-02
  nomor_berita_daerah: 4
"""

BESIDE: dict[str, dict[str, str]] = {
    "regulations/contoh-perubahan.yaml": {"regulations/contoh-lama.yaml": "regulations/contoh.yaml"},
    "regulations/contoh-perubahan-kedua.yaml": {"regulations/contoh-lama.yaml": "regulations/contoh.yaml"},
}
"""Files written beside a target: a whole-text amendment (``mengubah: contoh-lama``) needs the enacted regulation
it amends, the base regulation with a number, year and dates."""


FIRST_AMENDMENT = """
mengubah: contoh-lama
nomor: 7
tahun: 2024
penetapan:
  tanggal: 2024-05-02
pengundangan:
  tanggal: 2024-05-03
  nomor_berita_daerah: 7
"""
"""What makes the base regulation an enacted first amendment of ``contoh-lama`` (beside a second amendment: a
Pasal added at the end of its BAB, see :data:`AMENDED`)."""

FIRST_AMENDMENT_PASAL = """\
      - id: pasal-pengumuman
        teks: Wali Kota mengumumkan Inovasi Daerah yang ditetapkan kepada masyarakat.
"""

AMENDED: dict[str, tuple[str, ...]] = {
    "regulations/contoh-perubahan-kedua.yaml": ("regulations/contoh-perubahan-pertama.yaml",),
}
"""Targets beside which an enacted first amendment of ``contoh-lama`` is written (the rules on an amendment of an
amendment)."""


def first_amendment() -> str:
    """The enacted first amendment of ``contoh-lama``: the base regulation with one Pasal added."""
    return base_text("regulations/contoh.yaml") + FIRST_AMENDMENT_PASAL + textwrap.dedent(FIRST_AMENDMENT).lstrip()


DECREE = """
    jenis: keputusan_wali_kota
    tentang: Pembentukan Tim Inovasi Daerah
    menimbang:
      - bahwa untuk mengoordinasikan pelaksanaan Inovasi Daerah perlu membentuk Tim Inovasi Daerah
    mengingat: [uu-23-2014, pp-38-2017]
    diktum:
      - id: diktum-pembentukan
        teks: >-
          Membentuk Tim Inovasi Daerah dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang
          merupakan bagian tidak terpisahkan dari Keputusan Wali Kota ini.
      - id: diktum-tugas
        teks: "Tim Inovasi Daerah [[diktum-pembentukan]] bertugas:"
        rincian:
          sifat: kumulatif
          butir:
            - menyusun rencana kerja
            - melaporkan hasil pelaksanaan tugasnya kepada Wali Kota
    tembusan:
      - Gubernur Sulawesi Selatan di Makassar
    lampiran:
      - judul: Susunan Keanggotaan Tim Inovasi Daerah
        anggota:
          - {jabatan_tim: Ketua, jabatan: Sekretaris Daerah}
"""
"""A clean Keputusan Wali Kota, the base of the examples of the rules on a Keputusan (target ``keputusan``):
written only into the projects of those examples."""

DELEGATED = """
    tentang: Uji Coba Inovasi Daerah
    melaksanakan:
      id: pp-38-2017
      pasal: Pasal …
    mengingat:
      - {id: uud-1945, pasal: Pasal 18 ayat (6)}
      - uu-23-2014
      - pp-38-2017
    batang_tubuh:
      - teks: Perangkat daerah melakukan uji coba sebelum inovasi diterapkan.
"""
"""A clean Peraturan Wali Kota that carries out one provision (``melaksanakan`` instead of ``menimbang``), the base
of the examples of the rules on that key (target ``regulasi-pelaksana``)."""

TEMPLATES: dict[str, str] = {"regulations/keputusan.yaml": DECREE, "regulations/pelaksana.yaml": DELEGATED}
"""Base texts of files that are not in every example project, only in those of the examples that target them."""


def base_text(name: str) -> str:
    return textwrap.dedent({**TEMPLATES, **BASE}[name]).lstrip()


def patched(example: Example) -> dict[str, str]:
    """Every file of the example project, as text."""
    files = {name: base_text(name) for name in BASE}
    target = FILE_OF[example.target]
    files.setdefault(target, base_text(BASE_OF.get(target, target)))
    for name, source in BESIDE.get(target, {}).items():
        files.setdefault(name, base_text(source) + textwrap.dedent(ENACTED).lstrip())
    for name in AMENDED.get(target, ()):
        files.setdefault(name, first_amendment())
    base = yaml.safe_load(files[target])
    patch = yaml.safe_load(textwrap.dedent(example.patch))
    if isinstance(base, list):
        by_id = {item["id"]: item for item in base}
        for item in patch:
            by_id[item["id"]] = item
        merged: object = list(by_id.values())
    else:
        merged = {**base, **patch}
    files[target] = yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=120)
    return files


def write_project(folder: Path, example: Example) -> Path:
    for name, text in patched(example).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
