"""What the test modules share, written once: the bundled example project (copy it, build it), what the machine
must have for some tests (LibreOffice and poppler, Chromium and ChromeDriver), and CPU time.

The fixtures built from these helpers (one build of the example per session, ...) are in ``conftest.py``.
"""

from __future__ import annotations

import resource
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest

REPO = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(REPO / "bench"))
import chromium  # noqa: E402  (bench/chromium.py: headless Chromium and a local server, shared with the bench)
"""The repository: its root is also the bundled example project (Kota Parepare)."""

EXAMPLE_PARTS = ("rancang.yaml", "kb", "regulations", "visits", "templates", "schemas")
"""The example's sources (not its outputs): settings, knowledge base, drafts, visits, Word templates, schemas."""

_NOT_SOURCES = shutil.ignore_patterns("_build", "__pycache__", ".*")


def copy_example(target: Path, parts: tuple[str, ...] = EXAMPLE_PARTS) -> Path:
    """A copy of the bundled example's sources in ``target`` (created if needed); returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in parts:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_NOT_SOURCES)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def build_in_place(root: Path) -> tuple[int, str]:
    """``rancang build --no-pdf`` run in this process inside ``root``: (exit code, everything it printed)."""
    import contextlib
    import io

    from rancang.cli import main

    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.delenv("RANCANG_DEBUG", raising=False)
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            code = main(["build", "--no-pdf"])
    return code, printed.getvalue()


def check_clean(root: Path):
    """``check_project(root)``, asserting that it found no error; returns the checked project."""
    from rancang.check import check_project

    checked = check_project(root)
    assert not checked.report.errors, [d.format() for d in checked.report.errors]
    return checked


def build_site_of(root: Path, *, documents: bool = True, warnings_are_errors: bool = True) -> tuple[Path, str]:
    """What ``rancang build --no-pdf`` does (check, the DOCX documents unless ``documents=False``, the site), with
    Sphinx warnings as errors unless asked otherwise; returns the site folder and Sphinx's warnings."""
    from rancang.documents import build_documents
    from rancang.site.builder import build_site

    checked = check_clean(root)
    if documents:
        build_documents(root, checked, pdf=False)
    return build_site(root, checked, warnings_are_errors=warnings_are_errors)


@dataclass(frozen=True)
class Built:
    """A project built once and shared by tests that only read it: never write into it."""

    root: Path
    site: Path
    """The site folder (``_build/html``)."""


# -- what the machine must have --------------------------------------------------------------------------------

HAVE_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
HAVE_POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdffonts"))
CHROMIUM, CHROMEDRIVER = chromium.CHROMIUM, chromium.CHROMEDRIVER
HAVE_BROWSER = CHROMIUM.is_file() and CHROMEDRIVER.is_file()

LIBREOFFICE_MISSING = "LibreOffice (soffice) atau poppler-utils tidak terpasang; .ci/run memasangnya"
BROWSER_MISSING = ("Chromium atau ChromeDriver tidak terpasang (/usr/bin/chromium, /usr/bin/chromedriver): "
                   "pasang paket Debian chromium dan chromium-driver (.ci/run memasangnya)")

needs_libreoffice = pytest.mark.skipif(not (HAVE_SOFFICE and HAVE_POPPLER), reason=LIBREOFFICE_MISSING)


def _have_calc() -> bool:
    """LibreOffice Calc's import filters are installed beside the program (Debian: libreoffice-calc-nogui)."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        return False
    folder = Path(program).resolve().parent
    return any((folder / name).is_file() for name in ("libscfiltlo.so", "libscfiltlo.dylib"))


HAVE_CALC = _have_calc()
needs_calc = pytest.mark.skipif(not HAVE_CALC, reason="LibreOffice Calc tidak terpasang (paket Debian "
                                                      "libreoffice-calc-nogui); .ci/run memasangnya")
"""Skips a test only when LibreOffice or poppler-utils (pdftotext, pdfinfo, pdffonts) is missing."""

needs_browser = pytest.mark.skipif(not HAVE_BROWSER, reason=BROWSER_MISSING)
"""Skips a test only when Debian's Chromium or its ChromeDriver is missing."""


def require_libreoffice() -> None:
    """For fixtures: skip when LibreOffice or poppler-utils is missing (a mark does not reach a fixture)."""
    if not (HAVE_SOFFICE and HAVE_POPPLER):
        pytest.skip(LIBREOFFICE_MISSING)


# -- CPU time --------------------------------------------------------------------------------------------------


@dataclass
class CpuTime:
    cpu: float = 0.0
    """User + system CPU time, in seconds."""


@contextmanager
def cpu_time() -> Iterator[CpuTime]:
    """The CPU seconds (user + system) this process spends in the block.

    A bound on work, not on the clock: a busy machine makes the block take longer, not use more CPU.
    """
    used = CpuTime()
    before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        yield used
    finally:
        after = resource.getrusage(resource.RUSAGE_SELF)
        used.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# -- processes -------------------------------------------------------------------------------------------------

ENDED_GUARD = 60
"""Wall seconds a killed process may take to disappear before it is said to have survived (a guard, not a bound)."""


def assert_ended(pid: int) -> None:
    """The process ``pid`` has ended (or is a zombie waiting for its parent), or ends within the guard."""
    import time

    stat = Path(f"/proc/{pid}/stat")
    deadline = time.monotonic() + ENDED_GUARD
    while True:
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError, IndexError):
            return
        if state == "Z":
            return
        if time.monotonic() > deadline:  # a hang guard, not a speed bound
            raise AssertionError(f"process {pid} survived being stopped ({ENDED_GUARD} s later)")
        time.sleep(0.05)


@contextmanager
def counted_libreoffice(folder: Path) -> Iterator[Callable[[], int]]:
    """LibreOffice as rancang finds it, behind a script that counts its runs (``RANCANG_SOFFICE`` while inside);
    yields a function giving the number of runs so far. Work counted, not timed: one run per batch."""
    real = shutil.which("soffice") or shutil.which("libreoffice")
    assert real, LIBREOFFICE_MISSING
    log = folder / "soffice-runs.log"
    script = folder / "soffice-counted"
    script.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RANCANG_SOFFICE", str(script))
        yield lambda: len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0
