"""A synthetic knowledge base for benchmarks: N innovation profiles of realistic size.

Fixed seed, so every run (and every machine) builds the same corpus. Field
lengths follow the profile format and the IID form (``../shared/domain``):
the summary is one paragraph under 200 words, the design section
(``rancang_bangun``) has at least 300 words as the national form asks, the
other narrative fields a paragraph or two; 1-3 indicators, 0-3 budget years,
0-2 awards, 1-3 sources, 2-5 tags, 1-2 government affairs from the list of
concurrent affairs. A page is about 800-1,000 words, like a filled-in profile.
Agencies grow with the corpus (about one per 12 innovations, as a national
network is many regions with some 30 agencies each).

The words are real Indonesian words drawn with a Zipf-like distribution, plus
a few invented place and person names per record, so the search index grows
the way a real one does. Everything is synthetic: no record describes a real
innovation.

Usage as a script: ``python bench/corpus.py N FOLDER`` writes a project.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SIZES = (100, 1_000, 10_000, 36_742)
"""Corpus sizes of the issue: 36,742 is the number of innovations in the 2025 national index."""

SEED = 2025

# Concurrent government affairs (urusan pemerintahan konkuren), as written in profiles.
AFFAIRS = (
    "pendidikan", "kesehatan", "pekerjaan umum dan penataan ruang", "perumahan rakyat dan kawasan permukiman",
    "ketenteraman, ketertiban umum, dan pelindungan masyarakat", "sosial", "tenaga kerja",
    "pemberdayaan perempuan dan pelindungan anak", "pangan", "pertanahan", "lingkungan hidup",
    "administrasi kependudukan dan pencatatan sipil", "pemberdayaan masyarakat dan desa",
    "pengendalian penduduk dan keluarga berencana", "perhubungan", "komunikasi dan informatika",
    "koperasi, usaha kecil, dan menengah", "penanaman modal", "kepemudaan dan olahraga", "statistik",
    "persandian", "kebudayaan", "perpustakaan", "kearsipan", "kelautan dan perikanan", "pariwisata",
    "pertanian", "kehutanan", "energi dan sumber daya mineral", "perdagangan", "perindustrian", "transmigrasi",
)

AGENCY_KINDS = ("Dinas", "Badan", "Kecamatan", "Kelurahan", "UPTD", "Puskesmas", "RSUD", "Sekretariat")

# Common words of innovation profiles, most frequent first (drawn with a Zipf-like weight).
WORDS = """
dan yang di untuk dengan dalam ini pada dari inovasi masyarakat pelayanan daerah layanan data warga
program kegiatan melalui sebagai agar dapat lebih oleh secara perangkat publik hasil tahun kota
kabupaten pemerintah informasi sistem aplikasi petugas proses waktu digital kelurahan kecamatan desa
kesehatan pendidikan anak perempuan keluarga sekolah pasien puskesmas rumah sakit ibu hamil balita
gizi stunting imunisasi posyandu kader bidan dokter perawat obat rujukan antrean pendaftaran
pengaduan laporan keluhan tindak lanjut respons cepat darurat bencana banjir kebakaran evakuasi posko
pelatihan pendampingan bimbingan sosialisasi edukasi penyuluhan kampanye literasi keterampilan usaha
mikro kecil menengah koperasi pasar produk pemasaran modal kredit bantuan sosial penerima manfaat
sasaran cakupan capaian target indikator meningkat menurun persen jumlah rata biaya anggaran hemat
efisien efektif transparan akuntabel terpadu terintegrasi daring luring formulir berkas dokumen
izin perizinan administrasi kependudukan akta kartu identitas surat keterangan tanda tangan elektronik
arsip perpustakaan buku baca minat literasi sampah lingkungan bersih hijau pohon air sanitasi limbah
daur ulang bank pupuk tani petani nelayan ikan tangkap budidaya rumput laut pesisir pantai pelabuhan
jalan jembatan drainase transportasi angkutan parkir lalu lintas pariwisata wisata budaya festival
kuliner kerajinan pemuda olahraga relawan tokoh agama adat musyawarah rapat koordinasi evaluasi
pemantauan pengawasan verifikasi validasi survei kepuasan indeks nilai mutu standar prosedur
operasional kebijakan peraturan keputusan wali bupati sekretaris kepala bidang seksi staf aparatur
pegawai kinerja disiplin absensi gaji tunjangan pajak retribusi pendapatan asli penerimaan belanja
pengadaan barang jasa aset lahan bangunan gedung kantor ruang fasilitas sarana prasarana jaringan
internet server situs portal dasbor peta lokasi koordinat pesan singkat telepon nomor panggilan pusat
kontak satu pintu mandiri swadaya gotong royong partisipasi kolaborasi kemitraan swasta perguruan
tinggi mahasiswa peneliti kajian riset uji coba penerapan replikasi keberlanjutan dampak perubahan
kebaruan manfaat tujuan masalah solusi awal sebelum sesudah pertama kedua baru lama cepat mudah murah
dekat jauh terpencil pulau kepulauan dataran tinggi rendah wilayah kawasan lingkungan rukun tetangga
""".split()

SYLLABLES = ("ba", "da", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "wa", "ri", "ru", "ni", "no", "si",
             "tu", "mi", "ngu", "lo", "se", "re", "to", "ko")


class Words:
    """Draws words with a Zipf-like weight (1/rank), the shape of natural text."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.weights = [1 / (rank + 1) for rank in range(len(WORDS))]

    def words(self, n: int) -> list[str]:
        return self.rng.choices(WORDS, weights=self.weights, k=n)

    def name(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))).capitalize()

    def sentence(self, n: int) -> str:
        words = self.words(n)
        if self.rng.random() < 0.3:
            words[self.rng.randrange(len(words))] = self.name()
        return " ".join(words).capitalize() + "."

    def paragraph(self, words: int) -> str:
        out, count = [], 0
        while count < words:
            n = self.rng.randint(8, 24)
            out.append(self.sentence(n))
            count += n
        return " ".join(out)

    def markdown(self, words: int) -> str:
        """A narrative field: paragraphs, sometimes a list or bold words (Markdown, as users write it)."""
        parts, left = [], words
        while left > 0:
            n = min(left, self.rng.randint(60, 140))
            if self.rng.random() < 0.15:
                items = max(2, n // 12)
                parts.append("\n".join(f"- {self.sentence(max(4, n // items))}" for _ in range(items)))
            else:
                text = self.paragraph(n)
                if self.rng.random() < 0.2:
                    first = text.split(" ", 2)
                    text = f"**{first[0]} {first[1]}** {first[2]}" if len(first) == 3 else text
                parts.append(text)
            left -= n
        return "\n\n".join(parts)


def block(text: str, indent: int = 2) -> str:
    """A YAML literal block scalar (``|``) holding the text exactly."""
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def agencies(n: int) -> list[tuple[str, str]]:
    rng = random.Random(SEED - 1)
    w = Words(rng)
    count = max(30, n // 12)
    out = []
    for i in range(count):
        kind = AGENCY_KINDS[i % len(AGENCY_KINDS)]
        out.append((f"pd-{i:05d}", f"{kind} {rng.choice(AFFAIRS).title()} {w.name()}"))
    return out


def innovation(rng: random.Random, w: Words, index: int, agency_ids: list[str]) -> str:
    year = rng.randint(2014, 2024)
    affairs = rng.sample(AFFAIRS, rng.choice((1, 1, 1, 2)))
    lines = [
        f"nama: {quoted(' '.join(w.words(rng.randint(2, 4))).title() + ' ' + w.name())}",
        f"ringkasan: {block(w.paragraph(rng.randint(40, 150)))}",
        f"perangkat_daerah: {rng.choice(agency_ids)}",
        f"inisiator: {rng.choice(['kepala_daerah', 'anggota_dprd', 'asn', 'perangkat_daerah', 'masyarakat'])}",
        "inovator:",
        *(f"  - {w.name()} {w.name()}" for _ in range(rng.randint(1, 3))),
        f"bentuk: {rng.choice(['tata_kelola', 'pelayanan_publik', 'pelayanan_publik', 'lainnya'])}",
        f"jenis: {rng.choice(['digital', 'digital', 'non_digital'])}",
        "urusan:",
        *(f"  - {quoted(a)}" for a in affairs),
        f"tahapan: {rng.choice(['inisiatif', 'uji_coba', 'penerapan', 'penerapan', 'penerapan'])}",
        f"tanggal_inisiatif: {year}",
        f"tanggal_uji_coba: {year}-{rng.randint(1, 12):02d}",
        f"tanggal_penerapan: {year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"status: {rng.choice(['berjalan', 'berjalan', 'berjalan', 'berhenti'])}",
        f"rancang_bangun: {block(w.markdown(rng.randint(320, 440)))}",
    ]
    for key in ("masalah", "solusi", "kebaruan", "tujuan", "manfaat", "hasil"):
        lines.append(f"{key}: {block(w.markdown(rng.randint(30, 110)))}")
    lines.append("indikator:")
    for _ in range(rng.randint(1, 3)):
        start = rng.randint(5, 500)
        lines += [f"  - nama: {quoted(' '.join(w.words(rng.randint(2, 5))).capitalize())}",
                  f"    satuan: {rng.choice(['orang', 'persen', 'hari', 'dokumen', 'kelurahan'])}",
                  f"    awal: {{nilai: {start}, tahun: {year}}}",
                  f"    hasil: {{nilai: {start + rng.randint(1, 900)}, tahun: {min(year + 2, 2025)}}}"]
    budgets = rng.randint(1, 3)
    if budgets:
        lines.append("anggaran:")
        for k in range(budgets):
            lines.append(f"  - {{tahun: {min(year + k, 2025)}, jumlah: {rng.randint(10, 900) * 1_000_000}, "
                         f"sumber: {rng.choice(['APBD', 'APBN', 'CSR', 'DAK'])}}}")
    lines.append("dasar_hukum:")
    lines.append(f"  - uraian: {quoted('Keputusan Wali Kota tentang ' + ' '.join(w.words(4)).title())}")
    awards = rng.choice((0, 0, 1, 1, 2))
    if awards:
        lines.append("penghargaan:")
        for _ in range(awards):
            lines.append(f"  - {{nama: {quoted('Top ' + str(rng.choice((30, 40, 45, 99))) + ' ' + rng.choice(['KIPP', 'Lomba Inovasi Daerah', 'Innovative Government Award']))}, "
                         f"tahun: {min(year + rng.randint(0, 3), 2025)}, "
                         f"tingkat: {rng.choice(['daerah', 'provinsi', 'nasional'])}}}")
    lines.append("kontak:")
    lines.append(f"  nama: {w.name()} {w.name()}")
    lines.append(f"  telepon: '0{rng.randint(811, 899)}{rng.randint(1000000, 9999999)}'")
    lines.append("tag:")
    lines += [f"  - {t}" for t in w.words(rng.randint(2, 5))]
    lines.append("sumber:")
    for k in range(rng.randint(1, 3)):
        lines += [f"  - judul: {quoted(w.sentence(rng.randint(5, 12)).rstrip('.'))}",
                  f"    url: https://berita.contoh.id/{year}/{index}-{k}",
                  f"    penerbit: {w.name()} News",
                  f"    tanggal: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]
    return "\n".join(lines) + "\n"


def record_id(index: int) -> str:
    return f"inovasi-{index:05d}"


SETTINGS = """\
daerah: {jenis: kota, nama: Contoh, provinsi: Sulawesi Selatan}
situs:
  judul: Direktori Inovasi (korpus uji)
  deskripsi: Korpus sintetis untuk mengukur kecepatan rancang.
"""

INDEX = """\
# Direktori inovasi (korpus uji)

Korpus sintetis untuk mengukur kecepatan rancang.

```{toctree}
:hidden:

galeri
ringkasan
data
```
"""


def make_project(folder: Path, n: int, seed: int = SEED) -> list[str]:
    """Write a project with ``n`` innovation profiles into ``folder``; returns the record ids."""
    (folder / "kb/inovasi").mkdir(parents=True, exist_ok=True)
    (folder / "rancang.yaml").write_text(SETTINGS, encoding="utf-8")
    agency_list = agencies(n)
    (folder / "kb/perangkat-daerah.yaml").write_text(
        "".join(f"- id: {a}\n  nama: {quoted(name)}\n" for a, name in agency_list), encoding="utf-8")
    (folder / "kb/index.md").write_text(INDEX, encoding="utf-8")
    for page in ("galeri.md", "ringkasan.md", "data.md"):
        shutil.copyfile(ROOT / "kb" / page, folder / "kb" / page)
    rng = random.Random(seed)
    w = Words(rng)
    ids = [a for a, _ in agency_list]
    names = []
    for i in range(n):
        name = record_id(i)
        (folder / f"kb/inovasi/{name}.yaml").write_text(innovation(rng, w, i, ids), encoding="utf-8")
        names.append(name)
    return names


def edit_record(folder: Path, index: int, marker: str) -> Path:
    """Change one record the way an editor does: a new sentence at the end of its ``hasil``."""
    path = folder / f"kb/inovasi/{record_id(index)}.yaml"
    text = path.read_text(encoding="utf-8")
    head, tail = text.split("\nhasil: |\n", 1)
    path.write_text(f"{head}\nhasil: |\n  {marker}\n{tail}", encoding="utf-8")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("pakai: python bench/corpus.py N FOLDER")
    target = Path(sys.argv[2])
    make_project(target, int(sys.argv[1]))
    print(f"ditulis: {target} ({sys.argv[1]} profil)")
