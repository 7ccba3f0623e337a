"""Many briefs: one `rancang build` against one `rancang brief` process per visit.

Copies the bundled example project (rancang.yaml, kb/, regulations/, visits/, templates/) to a
temporary folder and adds synthetic visits (fixed seed, modelled on visits/dprd-pangkep-2021.yaml:
title, other party, date, place, basis, background, purpose, objectives, 3-8 participants,
3-7 agenda items, 2-5 innovations of kb/, 4-8 key questions, expected outputs; no results, so each
gets a brief only) until there are N visits (default 200). `rancang check` must pass on the project
(exit 0) before anything is timed.

Then, interleaved so that both see the same machine load, ROUNDS times:

(a) `rancang build --no-pdf` as a whole process, from an empty ``_build/`` each time. This is the
    full build: check of the whole project, every document (N briefs, the example visit's report,
    the example regulation) and the Sphinx site (a page per innovation, regulation and visit
    list). No LibreOffice.
(b) SAMPLE separate `rancang brief visits/<id>.yaml` processes (every N/SAMPLE-th visit, the same
    ones each round); the median of one process is multiplied by N. Each process imports what it
    needs, checks the project (all N visits are loaded, since a visit refers to the knowledge
    base) and writes one DOCX, exactly as a user running the command N times would.

Printed (medians over the rounds):

* ``brief_process_ms``      -- one `rancang brief` process;
* ``briefs_separate_s``     -- N x brief_process_ms (estimated from the sample, see above);
* ``build_s``               -- one clean `rancang build --no-pdf`, everything included;
* ``batch_speedup``         -- briefs_separate_s / build_s, per round, then the median;
* ``build_check_s``, ``build_documents_s``, ``build_site_s`` -- the phases of the same build, timed
  inside one more `rancang build --no-pdf` process (clean ``_build/``) run once per round;
* ``brief_in_build_ms``     -- build_documents_s / number of documents written by the build
  (rendering runs in worker processes on all cores; the writes are atomic, in order);
* ``batch_speedup_documents`` -- brief_process_ms / brief_in_build_ms: the document work alone;
* ``build_workers``         -- worker processes used for the documents;
* ``documents_parallel_s``, ``documents_sequential_s``, ``documents_parallel_speedup`` -- the
  documents of the same checked project made in one warm process with the workers, then one by one
  in that process (``document_workers`` forced to 1), interleaved ROUNDS times: what the workers add;
* ``cpu_parallel_capacity`` -- in the same rounds, build_workers pure-Python CPU loops run in parallel
  against one after the other: the speedup the machine itself allows at that moment (about 2 on an
  idle 2-core machine, about 1 when another job takes a core). Read documents_parallel_speedup
  against it.

Usage: python bench/bench_briefs.py [N] [--rounds R] [--sample S]   (defaults 200, 3, 20).
One ``name: value`` line per figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RANCANG = [sys.executable, "-m", "rancang"]

REGIONS = [
    ("Kabupaten", "Pinrang"), ("Kabupaten", "Sidenreng Rappang"), ("Kabupaten", "Barru"), ("Kota", "Palopo"),
    ("Kabupaten", "Wajo"), ("Kabupaten", "Bone"), ("Kabupaten", "Enrekang"), ("Kota", "Makassar"),
    ("Kabupaten", "Luwu Utara"), ("Kabupaten", "Bantaeng"), ("Kabupaten", "Majene"), ("Kota", "Kendari"),
    ("Kabupaten", "Polewali Mandar"), ("Kabupaten", "Takalar"), ("Kota", "Gorontalo"), ("Kabupaten", "Soppeng"),
]
PROVINCES = ["Sulawesi Selatan", "Sulawesi Barat", "Sulawesi Tenggara", "Gorontalo"]
BODIES = ["DPRD", "Bappeda", "Pemerintah", "Dinas Komunikasi dan Informatika", "Inspektorat"]
NAMES = ["Andi Baso", "Nurhayati", "Muhammad Arfah", "Sitti Rahmah", "Rusdi Hamzah", "Andi Nurul", "Syamsul Alam",
         "Hasnawati", "Ahmad Yani", "Kartini Laila", "Haeruddin", "Fitriani Idris"]
POSITIONS = ["Ketua Komisi I", "Anggota Komisi II", "Kepala Bidang Litbang", "Sekretaris Bappeda",
             "Analis Kebijakan Ahli Muda", "Kepala Subbagian Program", "Inovator perangkat daerah",
             "Kepala Bappeda", "Camat", "Lurah"]
WORDS = ("inovasi daerah pelayanan publik perangkat masyarakat usulan penilaian penerapan laporan tim anggaran "
         "data kegiatan pembinaan evaluasi replikasi pendampingan kapasitas aparatur kolaborasi digital pengaduan "
         "kesehatan pendidikan perempuan pesisir kelurahan kecamatan indeks capaian").split()


def sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def make_visit(rng: random.Random, innovations: list[str], number: int) -> str:
    kind, name = rng.choice(REGIONS)
    body = rng.choice(BODIES)
    party = f"{body} {kind} {name}"
    role = rng.choice(["tuan_rumah", "tamu"])
    day = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lines = [
        f"judul: {quoted(f'Studi Banding {party} tentang {sentence(rng, 3, 6).lower()}')}",
        f"peran: {role}",
        "pihak_lain:",
        f"  nama: {quoted(party)}",
        f"  daerah: {quoted(f'{kind} {name}')}",
        f"  provinsi: {rng.choice(PROVINCES)}",
        f"tanggal: {day}",
        f"tempat: {quoted('Kantor ' + rng.choice(['Bappeda', 'Wali Kota', 'DPRD', 'Diskominfo']) + ' Kota Parepare')}",
        "dasar:",
        f"  - {quoted(f'Surat {party} Nomor {rng.randint(1, 999)}/{rng.randint(1, 99)}/{day[:4]}')}",
        f"latar_belakang: {quoted('. '.join(sentence(rng, 12, 24) for _ in range(rng.randint(2, 4))) + '.')}",
        f"maksud: {quoted(sentence(rng, 10, 18) + '.')}",
        "tujuan:",
        *[f"  - {quoted(sentence(rng, 6, 14))}" for _ in range(rng.randint(2, 4))],
        "peserta:",
    ]
    for index in range(rng.randint(3, 8)):
        lines += [f"  - nama: {quoted(rng.choice(NAMES))}",
                  f"    jabatan: {quoted(rng.choice(POSITIONS))}",
                  f"    pihak: {'kita' if index % 2 == 0 else 'mereka'}",
                  f"    peran: {rng.choice(['narasumber', 'peserta', 'ketua rombongan', 'moderator'])}"]
    lines.append("agenda:")
    chosen = rng.sample(innovations, rng.randint(2, min(5, len(innovations))))
    for index in range(rng.randint(3, 7)):
        hour = 8 + index
        lines += [f"  - waktu: \"{hour:02d}.00-{hour:02d}.50\"",
                  f"    kegiatan: {quoted(sentence(rng, 4, 10))}",
                  f"    penyaji: {quoted(rng.choice(NAMES) + ', ' + rng.choice(POSITIONS))}"]
        if index < len(chosen):
            lines.append(f"    inovasi: {chosen[index]}")
    lines += ["inovasi:", *[f"  - {i}" for i in chosen], "pertanyaan_kunci:"]
    lines += [f"  - {quoted(sentence(rng, 8, 18) + '?')}" for _ in range(rng.randint(4, 8))]
    lines += ["keluaran:", *[f"  - {quoted(sentence(rng, 4, 9))}" for _ in range(rng.randint(1, 3))],
              "sumber_dana: APBD"]
    return (f"# yaml-language-server: $schema=../schemas/kunjungan.schema.json\n"
            f"## Kunjungan sintetis {number} untuk bench/bench_briefs.py.\n" + "\n".join(lines) + "\n")


def make_project(folder: Path, visits: int, seed: int = 2021) -> list[str]:
    for name in ("rancang.yaml", "kb", "regulations", "visits", "templates"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    rng = random.Random(seed)
    innovations = sorted(p.stem for p in (folder / "kb/inovasi").glob("*.yaml"))
    existing = sorted(p.stem for p in (folder / "visits").glob("*.yaml"))
    for number in range(1, visits - len(existing) + 1):
        (folder / f"visits/kunjungan-{number:03d}.yaml").write_text(make_visit(rng, innovations, number),
                                                                  encoding="utf-8")
    return sorted(p.stem for p in (folder / "visits").glob("*.yaml"))


PHASES = r"""
import json, sys, time
from pathlib import Path
import rancang.build, rancang.documents, rancang.site.builder as site
times, counts = {}, {}
def timed(name, fn):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            times[name] = times.get(name, 0) + time.perf_counter() - start
    return wrapper
rancang.build.check_project = timed("check", rancang.build.check_project)
documents = rancang.documents.build_documents
def build_documents(*args, **kwargs):
    outcome = documents(*args, **kwargs)
    counts["written"] = sum(1 for p in outcome.written if p.suffix == ".docx")
    return outcome
rancang.documents.build_documents = timed("documents", build_documents)
site.build_site = timed("site", site.build_site)
report, lines = rancang.build.build_project(Path(sys.argv[1]), pdf=False)
assert not report.errors, [d.format() for d in report.errors][:3]
import rancang.documents as d
print(json.dumps({**times, **counts, "workers": d.document_workers(counts["written"]) if hasattr(d, "document_workers") else 1}))
"""


PARALLEL = r"""
import json, sys, time
from pathlib import Path
import rancang.documents as drafts
from rancang.check import check_project
root = Path(sys.argv[1])
checked = check_project(root)
data, report = checked.data, checked.report
default = drafts.document_workers
workers = default(len(data.visits) + len(data.regulations))
drafts.build_documents(root, checked, pdf=False)  # warm: imports and caches

def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

import multiprocessing
pairs = []
for _ in range(int(sys.argv[2])):
    row = []
    for choice in (default, lambda count: 1):
        drafts.document_workers = choice
        start = time.perf_counter()
        drafts.build_documents(root, checked, pdf=False)
        row.append(time.perf_counter() - start)
    # The same number of pure-Python CPU loops, in parallel then one after the other: how many cores the
    # machine really gives at this moment.
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(burn, [3_000_000] * workers)
    row.append(time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(workers):
        burn(3_000_000)
    row.append(time.perf_counter() - start)
    pairs.append(row)
print(json.dumps(pairs))
"""


def run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("visits", nargs="?", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "proyek"
        root.mkdir()
        ids = make_project(root, args.visits)
        assert len(ids) == args.visits, len(ids)
        checked = subprocess.run(RANCANG + ["check"], cwd=root, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout[-2000:] + checked.stderr[-2000:]
        sample = ids[:: max(1, len(ids) // args.sample)][: args.sample]
        build_times, brief_times, speedups, phases = [], [], [], []
        for _ in range(args.rounds):
            shutil.rmtree(root / "_build", ignore_errors=True)
            build = run(RANCANG + ["build", "--no-pdf"], root)
            per_brief = statistics.median(run(RANCANG + ["brief", f"visits/{i}.yaml"], root) for i in sample)
            build_times.append(build)
            brief_times.append(per_brief)
            speedups.append(per_brief * len(ids) / build)
            shutil.rmtree(root / "_build", ignore_errors=True)
            out = subprocess.run([sys.executable, "-c", PHASES, str(root)], cwd=root, check=True,
                                 capture_output=True, text=True).stdout
            phases.append(json.loads(out.strip().splitlines()[-1]))
        pairs = json.loads(subprocess.run([sys.executable, "-c", PARALLEL, str(root), str(args.rounds)], cwd=root,
                                          check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        documents = phases[-1]["written"]
        brief_ms = statistics.median(brief_times) * 1000
        documents_s = statistics.median(p["documents"] for p in phases)
        in_build_ms = documents_s * 1000 / documents

    print(f"briefs_visits: {len(ids)}")
    print(f"briefs_sampled_processes: {len(sample)} per round, {args.rounds} rounds (scaled to {len(ids)})")
    print(f"build_documents_written: {documents}")
    print(f"brief_process_ms: {brief_ms:.0f}")
    print(f"briefs_separate_s: {brief_ms * len(ids) / 1000:.1f}")
    print(f"build_s: {statistics.median(build_times):.2f}")
    print(f"build_check_s: {statistics.median(p['check'] for p in phases):.2f}")
    print(f"build_documents_s: {documents_s:.2f}")
    print(f"build_site_s: {statistics.median(p['site'] for p in phases):.2f}")
    print(f"build_workers: {phases[-1]['workers']}")
    print(f"brief_in_build_ms: {in_build_ms:.1f}")
    print(f"batch_speedup_documents: {brief_ms / in_build_ms:.1f}")
    print(f"documents_parallel_s: {statistics.median(p[0] for p in pairs):.2f}")
    print(f"documents_sequential_s: {statistics.median(p[1] for p in pairs):.2f}")
    print(f"documents_parallel_speedup: {statistics.median(p[1] / p[0] for p in pairs):.2f}")
    print(f"cpu_parallel_capacity: {statistics.median(p[3] / p[2] for p in pairs):.2f}")
    print(f"batch_speedup: {statistics.median(speedups):.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
