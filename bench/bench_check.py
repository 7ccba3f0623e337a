"""How fast `rancang check` reads and validates a knowledge base.

Generates a synthetic project with N innovation records (``bench/corpus.py``:
fixed seed, field lengths modelled on the profile format), then measures, as
medians of several runs:

* ``check_ms_per_record_<N>`` -- load + validate + resolve references, per record;
* ``check_startup_ratio`` -- `rancang check` on the bundled example as a whole
  process, against `python -c pass` (shows that `check` imports no Sphinx/docxtpl).

Usage: python bench/bench_check.py [N ...]   (default: 100 1000)
Prints one ``name: value`` line per figure.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_project  # noqa: E402  (the shared synthetic corpus)


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
                checked = check_project(folder)
                _, report = checked.data, checked.report
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
