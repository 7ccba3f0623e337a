"""How the knowledge-base site scales with the number of innovation profiles.

For each size N a synthetic project is generated (``bench/corpus.py``: fixed
seed, realistic field lengths) and built with ``rancang build --no-pdf`` as a
whole process, as a user runs it. Printed, one ``name: value`` line each:

* ``site_pages_<N>``          -- HTML pages written by the full build;
* ``site_full_s_<N>``         -- full build from an empty ``_build`` (median of ``--runs``);
* ``site_pages_per_s_<N>``    -- pages / full build time;
* ``site_page_kb_<N>``        -- median size of the HTML pages, in kB;
* ``site_peak_mb_<N>``        -- peak memory of the build, all its processes together (proportional set
                                 size, so memory shared by forked workers counts once; sampled every
                                 0.5 s over the process group: reading smaps of a large process is
                                 not free, and a faster sampler would slow the build it measures);
* ``site_noop_s_<N>``         -- the build again with nothing changed (median of 5);
* ``site_edit_one_s_<N>``     -- the build after one profile got a new sentence (median of 5, another
                                 profile each time);
* ``site_rate_ratio_<N>_<M>`` and ``site_page_kb_ratio_<N>_<M>`` -- the large size against the small one,
                                 measured in the same run.

Usage::

    python bench/bench_site.py [N ...] [--runs R] [--full-only] [--folder DIR] [--json FILE] [--plot FILE.svg]

Default sizes 1000 and 10000 (``make bench``); ``make bench-full`` measures 100, 1000 and 36742 (the
national index of 2025) full builds in one run, so ``site_rate_ratio_36742_1000`` compares two sizes
measured side by side. ``--plot`` draws build time against N (log-log). ``--folder`` keeps the corpora
(``DIR/korpus-<N>``, sources reused when there, every full build from an empty ``_build``) for
``bench/bench_search.py``, which measures search on the same built sites; without it they live in a
temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

RANCANG = [sys.executable, "-m", "rancang"]


def _group_rss_kb(pgid: int) -> int:
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) != pgid:  # field 5 of stat: process group
                continue
            # PSS, not RSS: Sphinx's workers are forked, and pages they share with the main process would
            # be counted once per process by RSS.
            with open(f"/proc/{entry}/smaps_rollup", "rb") as handle:
                for line in handle:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except (OSError, IndexError, ValueError):
            continue
    return total


FULL_LOG = "bench-bangun-penuh.log"
"""What the last full build printed, kept in ``_build`` (removed with it, so never stale)."""

FULL_INDEX = "bench-indeks-penuh.json"
"""The search index's record of that full build (``.doctrees/rancang-cari.json``: ``detik``, ``penuh``), kept in
``_build`` because the next build rewrites the record; bench_search.py prints its seconds."""


def keep_full_build(root: Path, output: bytes) -> None:
    """Keep what a full build of ``root`` printed and what its search index recorded, for bench_search.py."""
    (root / "_build" / FULL_LOG).write_bytes(output)
    state = root / "_build" / ".doctrees" / "rancang-cari.json"
    if state.is_file():
        recorded = json.loads(state.read_text(encoding="utf-8"))
        kept = {key: recorded[key] for key in ("detik", "penuh") if key in recorded}
        (root / "_build" / FULL_INDEX).write_text(json.dumps(kept) + "\n", encoding="utf-8")


def timed_build(root: Path, keep_output: bool = False) -> tuple[float, float]:
    """One `rancang build --no-pdf` in ``root``: (seconds, peak MB of its process group).

    With ``keep_output`` (a full build) what it printed and what its search index recorded are kept in ``_build``.
    """
    start = time.perf_counter()
    process = subprocess.Popen([*RANCANG, "-C", str(root), "build", "--no-pdf"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _group_rss_kb(process.pid))
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        output, _ = process.communicate(timeout=3600)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"rancang build gagal ({process.returncode}):\n{output.decode()[-3000:]}")
    if keep_output:
        keep_full_build(root, output)
    return seconds, peak / 1024


def site_pages(root: Path) -> list[Path]:
    return [p for p in (root / "_build/html").rglob("*.html") if p.is_file()]


def measure(n: int, runs: int, work: Path, full_only: bool = False) -> dict[str, float]:
    root = work / f"korpus-{n}"
    if not root.is_dir():
        corpus.make_project(root, n)
    fulls, peaks = [], []
    for _ in range(runs):
        shutil.rmtree(root / "_build", ignore_errors=True)
        seconds, peak = timed_build(root, keep_output=True)
        fulls.append(seconds)
        peaks.append(peak)
    pages = site_pages(root)
    sizes = sorted(p.stat().st_size for p in pages)
    full = statistics.median(fulls)
    out = {"pages": len(pages), "full_s": full, "pages_per_s": len(pages) / full,
           "page_kb": statistics.median(sizes) / 1024, "peak_mb": max(peaks)}
    if full_only:
        return out
    noops = [timed_build(root)[0] for _ in range(5)]
    edits = []
    for k in range(5):
        corpus.edit_record(root, (k * 7919) % n, f"Kalimat suntingan {k} {time.time_ns()}.")
        edits.append(timed_build(root)[0])
    out["noop_s"] = statistics.median(noops)
    out["edit_one_s"] = statistics.median(edits)
    return out


def plot(points: list[tuple[int, float]], target: Path) -> None:
    """Build time against N, both axes logarithmic, as a small self-contained SVG."""
    import math

    width, height, left, bottom, top, right = 560, 340, 70, 50, 30, 30
    xs = [math.log10(n) for n, _ in points]
    ys = [math.log10(s) for _, s in points]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
    x1, y1 = max(x1, x0 + 1), max(y1, y0 + 1)

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * (width - left - right)

    def py(y: float) -> float:
        return height - bottom - (y - y0) / (y1 - y0) * (height - bottom - top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Waktu bangun situs menurut jumlah profil" font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>']
    for e in range(x0, x1 + 1):
        parts.append(f'<line x1="{px(e):.1f}" y1="{py(y0):.1f}" x2="{px(e):.1f}" y2="{py(y1):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{px(e):.1f}" y="{height - bottom + 18}" text-anchor="middle">'
                     f'{10 ** e:,}'.replace(",", ".") + "</text>")
    for e in range(y0, y1 + 1):
        parts.append(f'<line x1="{px(x0):.1f}" y1="{py(e):.1f}" x2="{px(x1):.1f}" y2="{py(e):.1f}" stroke="#ddd"/>')
        label = f"{10 ** e:g} s".replace(".", ",")
        parts.append(f'<text x="{left - 8}" y="{py(e) + 4:.1f}" text-anchor="end">{label}</text>')
    # Reference line: linear growth (slope 1) through the first point, clipped to the plot area.
    parts.append(f'<clipPath id="area"><rect x="{px(x0):.1f}" y="{py(y1):.1f}" width="{px(x1) - px(x0):.1f}" '
                 f'height="{py(y0) - py(y1):.1f}"/></clipPath>')
    parts.append(f'<line x1="{px(xs[0]):.1f}" y1="{py(ys[0]):.1f}" x2="{px(x1):.1f}" '
                 f'y2="{py(ys[0] + (x1 - xs[0])):.1f}" stroke="#999" stroke-dasharray="4 4" clip-path="url(#area)"/>')
    parts.append(f'<text x="{px(x1) - 6:.1f}" y="{py(y0) - 8:.1f}" text-anchor="end" fill="#666">'
                 "garis putus-putus: tumbuh sebanding N</text>")
    path = " ".join(f"{'M' if i == 0 else 'L'}{px(x):.1f},{py(y):.1f}" for i, (x, y) in enumerate(zip(xs, ys)))
    parts.append(f'<path d="{path}" fill="none" stroke="#1f5fa8" stroke-width="2"/>')
    for (n, s), x, y in zip(points, xs, ys):
        parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="4" fill="#1f5fa8"/>')
        label = f"{s:.0f} s" if s >= 10 else f"{s:.1f} s".replace(".", ",")
        parts.append(f'<text x="{px(x) + 6:.1f}" y="{py(y) - 8:.1f}">{label}</text>')
    parts.append(f'<text x="{(left + width - right) / 2}" y="{height - 8}" text-anchor="middle">'
                 "Jumlah profil inovasi (skala log)</text>")
    parts.append(f'<text x="14" y="{(top + height - bottom) / 2}" text-anchor="middle" '
                 f'transform="rotate(-90 14 {(top + height - bottom) / 2})">Waktu bangun penuh (skala log)</text>')
    parts.append("</svg>\n")
    target.write_text("\n".join(parts), encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=0, help="full builds per size (default: 3 below 10,000, else 1)")
    parser.add_argument("--full-only", action="store_true", help="only the full build (for the national size)")
    parser.add_argument("--plot", type=Path, help="draw build time against N of every size in --json")
    parser.add_argument("--json", type=Path, help="add the figures to this JSON file (by size)")
    parser.add_argument("--folder", type=Path, help="keep the corpora in this folder (default: a temporary one)")
    args = parser.parse_args(argv)
    results: dict[int, dict[str, float]] = {}
    if args.folder:
        args.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rancang-bench-") as tmp:
        work = args.folder or Path(tmp)
        for n in sorted(args.sizes):
            runs = args.runs or (3 if n < 10_000 else 1)
            results[n] = figures = measure(n, runs, work, args.full_only)
            print(f"site_pages_{n}: {figures['pages']}")
            print(f"site_full_s_{n}: {figures['full_s']:.1f}")
            print(f"site_pages_per_s_{n}: {figures['pages_per_s']:.1f}")
            print(f"site_page_kb_{n}: {figures['page_kb']:.1f}")
            print(f"site_peak_mb_{n}: {figures['peak_mb']:.0f}")
            if not args.full_only:
                print(f"site_noop_s_{n}: {figures['noop_s']:.2f}")
                print(f"site_edit_one_s_{n}: {figures['edit_one_s']:.2f}")
            sys.stdout.flush()
    sizes = sorted(results)
    for small, large in zip(sizes, sizes[1:]):
        if small >= 1000:
            a, b = results[small], results[large]
            print(f"site_rate_ratio_{large}_{small}: {b['pages_per_s'] / a['pages_per_s']:.2f}")
            print(f"site_page_kb_ratio_{large}_{small}: {b['page_kb'] / a['page_kb']:.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        saved = json.loads(args.json.read_text(encoding="utf-8")) if args.json.is_file() else {}
        # Merged by size: a --full-only run keeps the no-op and edit figures an earlier run saved for that size.
        saved.update({str(n): {**saved.get(str(n), {}), **r, "runs": args.runs or (3 if n < 10_000 else 1),
                               "tanggal": time.strftime("%Y-%m-%d")} for n, r in results.items()})
        args.json.write_text(json.dumps(saved, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        results = {int(n): r for n, r in saved.items()}
    if args.plot and len(results) > 1:
        plot([(n, results[n]["full_s"]) for n in sorted(results)], args.plot)


if __name__ == "__main__":
    main(sys.argv[1:])
