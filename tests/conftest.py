"""Fixtures shared by the test modules (the helpers they use are in ``support.py``).

* ``example_build``: the bundled example, copied once and built once per session with ``rancang build --no-pdf``
  (Sphinx warnings not allowed), for every test that only reads its outputs;
* ``paginated_site``: the paginated gallery of ``test_site_gallery_pages.py``, built once per session (the page
  tests and the browser tests read it);
* ``example_copy``: a fresh copy of the example's sources for a test that changes it, as the working folder.

Hypothesis runs the same examples on every run (``derandomize``) and never judges an example by the clock
(no deadline, no "too slow" health check): a busy machine cannot turn a property red.

The ``slow`` marker (registered in ``pyproject.toml``) is on the end-to-end tests that start processes,
LibreOffice, a browser or many Sphinx builds: ``pytest -m "not slow"`` leaves them out for a quick round;
``make test`` runs everything.

The suite runs in one process per CPU (pytest-xdist, ``-n auto --dist loadfile`` in ``pyproject.toml``; see
:func:`pytest_xdist_auto_num_workers`): each module runs whole, in order, in one process, so what a module
builds once is built once and no test depends on where it runs. ``-n 0`` runs everything in this process.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from support import Built, build_in_place, copy_example

settings.register_profile("rancang", deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("rancang")


@dataclass(frozen=True)
class ExampleBuild(Built):
    """The example built once with ``rancang build --no-pdf``: what it printed and its exit code."""

    code: int = 0
    output: str = ""


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> ExampleBuild:
    """The bundled example, built once by ``rancang build --no-pdf`` run in its folder. Read it, never change it."""
    root = copy_example(tmp_path_factory.mktemp("contoh") / "proyek")
    code, output = build_in_place(root)
    assert code == 0, output
    assert "peringatan situs" not in output.lower(), output  # Sphinx warnings are errors for the example
    site = root / "_build" / "html"
    assert (site / "index.html").is_file(), output
    return ExampleBuild(root=root, site=site, code=code, output=output)


@pytest.fixture(scope="session")
def paginated_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example with 23 innovations and three cards a page (see ``test_site_gallery_pages.py``), built once."""
    from test_site_gallery_pages import build_paginated, paginated_project

    root = paginated_project(tmp_path_factory.mktemp("galeri-halaman") / "proyek")
    return Built(root=root, site=build_paginated(root))


@pytest.fixture
def example_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the example's sources in ``tmp_path / "proyek"``, which is also the working folder."""
    root = copy_example(tmp_path / "proyek")
    monkeypatch.chdir(root)
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    return root


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one process per CPU this process may use, at most four (more would mostly wait for the longest
    module, and each builds the session fixtures again); ``PYTEST_XDIST_AUTO_NUM_WORKERS`` decides if set."""
    import os

    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(4, cpus))


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium (bench/chromium.py) for one test module; the module's tests share it."""
    from support import chromium

    driver = chromium.driver(tmp_path_factory.mktemp("chromium-profil"))
    try:
        yield driver
    finally:
        driver.quit()
