"""How fast `rancang check` reads and validates a knowledge base.

Generates a synthetic project (fixed seed; field lengths modelled on the
innovation profile format) with N innovation records, then measures, as medians
of several runs:

* ``check_ms_per_record_<N>`` -- load + validate + resolve references, per record;
* ``check_startup_ratio`` -- `rancang check` on the bundled example as a whole
  process, against `python -c pass` (shows that `check` imports no Sphinx/docxtpl).

Usage: python bench/bench_check.py [N ...]   (default: 100 1000)
Prints one ``name: value`` line per figure.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = (
    "inovasi pelayanan publik masyarakat daerah perangkat data layanan kesehatan pendidikan perempuan pesisir "
    "pelatihan aplikasi pengaduan warga kelurahan kecamatan anggaran program kegiatan hasil manfaat"
).split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_project(folder: Path, n: int, seed: int = 2021) -> None:
    rng = random.Random(seed)
    (folder / "kb/inovasi").mkdir(parents=True)
    (folder / "rancang.yaml").write_text(
        "daerah: {jenis: kota, nama: Contoh, provinsi: Sulawesi Selatan}\n", encoding="utf-8")
    agencies = [f"opd-{i}" for i in range(30)]
    (folder / "kb/perangkat-daerah.yaml").write_text(
        "".join(f"- id: {a}\n  nama: Dinas {a}\n" for a in agencies), encoding="utf-8")
    for i in range(n):
        text = f"""nama: Inovasi {i} {sentence(rng, 3)}
perangkat_daerah: {rng.choice(agencies)}
bentuk: {rng.choice(['tata_kelola', 'pelayanan_publik', 'lainnya'])}
jenis: {rng.choice(['digital', 'non_digital'])}
urusan: [{rng.choice(WORDS)}]
tahapan: {rng.choice(['inisiatif', 'uji_coba', 'penerapan'])}
tanggal_penerapan: {rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}
ringkasan: {sentence(rng, 60)}
rancang_bangun: |
  {sentence(rng, 300)}
masalah: {sentence(rng, 80)}
solusi: {sentence(rng, 80)}
hasil: {sentence(rng, 80)}
indikator:
  - nama: {sentence(rng, 3)}
    satuan: orang
    awal: {{nilai: {rng.randint(1, 100)}, tahun: 2017}}
    hasil: {{nilai: {rng.randint(100, 900)}, tahun: 2019}}
penghargaan:
  - {{nama: Top 45 KIPP, tahun: 2020, pemberi: Kementerian PANRB, tingkat: nasional}}
sumber:
  - {{judul: {sentence(rng, 6)}, url: 'https://contoh.go.id/{i}', tanggal: 2021-06-04}}
"""
        (folder / f"kb/inovasi/inovasi-{i}.yaml").write_text(text, encoding="utf-8")


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str]) -> None:
    from rancang.check import check_project

    sizes = [int(a) for a in argv] or [100, 1000]
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            make_project(folder, n)

            def run() -> None:
                _, report = check_project(folder)
                assert not report.errors, report.errors[:3]

            seconds = median_time(run, 3)
            print(f"check_ms_per_record_{n}: {seconds / n * 1000:.2f}")

    rancang = [sys.executable, "-m", "rancang", "-C", str(ROOT), "check"]
    bare = [sys.executable, "-c", "pass"]
    pairs = []
    for _ in range(5):  # interleaved, so both see the same machine load
        t_bare = median_time(lambda: subprocess.run(bare, check=True), 1)
        t_check = median_time(lambda: subprocess.run(rancang, check=True, capture_output=True), 1)
        pairs.append((t_check, t_bare))
    print(f"check_example_ms: {statistics.median(p[0] for p in pairs) * 1000:.0f}")
    print(f"check_startup_ratio: {statistics.median(p[0] / p[1] for p in pairs):.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
