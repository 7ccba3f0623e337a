"""`rancang impor inovasi` on 10,000 rows: seconds (median) and rows per second, per source form.

The table is synthetic and shaped like an agency database export with IID labels: every row a name, an
agency among 150 spellings of 120 bodies (ALL CAPS, abbreviations, one-letter typos), stage, initiator, kind,
form, two urusan, dates in several shapes, and three narratives of about 60 words, a third of them in HTML
(paragraph with an inline style, a numbered list, &nbsp;). Each round imports it into a fresh empty project
(settings and the example's agencies) in this warm process, writing every profile, the new agencies and the
report; ``--coba`` (no writing) is measured apart. Printed per form: ``median_s``, ``baris_per_detik``, and the
word ledger (``hilang`` must be 0).

Usage: ``python bench/bench_impor_inovasi.py [ROWS] [ROUNDS]`` (default 10000 rows, 3 rounds).
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

HEADER = ["No", "Nama Inovasi", "Perangkat Daerah", "Tahapan", "Inisiator", "Jenis", "Bentuk",
          "Urusan Pemerintahan", "Waktu Uji Coba", "Waktu Penerapan", "Rancang Bangun dan Pokok Perubahan",
          "Tujuan", "Manfaat"]
BODIES = ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Dinas Perhubungan", "Dinas Pariwisata",
          "Badan Pendapatan Daerah", "Dinas Lingkungan Hidup", "Dinas Perindustrian", "Dinas Perdagangan",
          "Dinas Ketahanan Pangan", "Dinas Kearsipan", "Dinas Perpustakaan", "Dinas Tenaga Kerja"]
WORDS = ("layanan warga pelayanan data desa kelurahan petugas laporan aplikasi jadwal kader posyandu sekolah "
         "pasar nelayan petani sampah air bersih jalan antrean berkas surat izin pajak bantuan lansia remaja "
         "balita ibu hamil gizi").split()
STAGES = ["Inisiatif", "Uji Coba", "Penerapan", "penerapan"]
INITIATORS = ["ASN", "Masyarakat", "Kepala Daerah", "OPD", "Anggota DPRD"]
KINDS = ["Digital", "Non Digital", "Non-digital"]
FORMS = ["Inovasi Pelayanan Publik", "Tata Kelola Pemerintahan Daerah", "Inovasi Daerah Lainnya"]
AFFAIRS = ["kesehatan", "pendidikan", "sosial", "perhubungan", "pariwisata", "lingkungan hidup"]


def agencies(rng: random.Random) -> list[str]:
    names = []
    for n in range(120):
        body = BODIES[n % len(BODIES)]
        names.append(body if n < len(BODIES) else f"{body} Wilayah {n}")
    spellings = list(names)
    for name in names[:30]:
        spellings.append(name.upper())
    return spellings


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def narrative(rng: random.Random, html: bool) -> str:
    if not html:
        return sentence(rng, 30) + "\n" + sentence(rng, 30)
    return (f'<p style="text-align: justify;">{sentence(rng, 25)}&nbsp;{sentence(rng, 10)}</p>'
            f"<ol><li>{sentence(rng, 8)}</li><li>{sentence(rng, 8)}</li></ol><p>{sentence(rng, 10)}</p>")


def table(rows: int) -> bytes:
    rng = random.Random(16)
    spellings = agencies(rng)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for n in range(1, rows + 1):
        year = 2015 + n % 10
        writer.writerow([n, f"{sentence(rng, 3)[:-1]} {n}", rng.choice(spellings), rng.choice(STAGES),
                         rng.choice(INITIATORS), rng.choice(KINDS), rng.choice(FORMS),
                         "; ".join(rng.sample(AFFAIRS, 2)), rng.choice([str(year), f"{year}-03",
                                                                         f"04/06/{year}", f"4 Juni {year}"]),
                         str(year + 1), narrative(rng, n % 3 == 0), sentence(rng, 20), sentence(rng, 20)])
    return buffer.getvalue().encode("utf-8")


def xlsx(rows: int, target: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("inovasi")
    for record in csv.reader(io.StringIO(table(rows).decode("utf-8"), newline="")):
        sheet.append(record)
    book.save(target)


def project(target: Path) -> Path:
    (target / "kb" / "inovasi").mkdir(parents=True)
    shutil.copy2(REPO / "rancang.yaml", target / "rancang.yaml")
    shutil.copy2(REPO / "kb" / "perangkat-daerah.yaml", target / "kb" / "perangkat-daerah.yaml")
    return target


def main() -> None:
    from rancang.importer.innovations.run import import_innovations

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as folder:
        sources = Path(folder)
        (sources / "inovasi.csv").write_bytes(table(rows))
        xlsx(rows, sources / "inovasi.xlsx")
        print(f"{'bentuk':16} {'baris':>6} {'median_s':>9} {'baris_per_detik':>16} {'kata':>8} {'hilang':>6}")
        for label, name, coba in (("csv", "inovasi.csv", False), ("csv --coba", "inovasi.csv", True),
                                  ("xlsx", "inovasi.xlsx", False)):
            times, result = [], None
            for _ in range(rounds):
                with tempfile.TemporaryDirectory() as work:
                    root = project(Path(work))
                    started = time.perf_counter()
                    result = import_innovations(root, sources / name, coba=coba)
                    times.append(time.perf_counter() - started)
            median = statistics.median(times)
            ledger = result.ledger
            print(f"{label:16} {rows:>6} {median:>9.2f} {rows / median:>16.0f} {ledger.total:>8} "
                  f"{len(ledger.missing):>6}")


if __name__ == "__main__":
    main()
