"""The pages that show every record after an edit: read again only when what they show changed, and the site
after the edits the same, file for file, as the site of a first build of the same project. On the synthetic
corpus of ``bench/corpus.py`` with more profiles than a gallery page holds (gallery pages, facet pages and the
gallery's index are generated)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from search_reading import site_index

from rancang.build import build_project
from rancang.site.gallery import PAGE_SIZE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

RECORDS = PAGE_SIZE + 12

pytestmark = pytest.mark.slow  # several builds

AGGREGATES = ("kb/galeri", "kb/ringkasan", "kb/data")

SPHINX_OWN = {".buildinfo", "searchindex.js"}
"""Written by Sphinx with what differs between two builds of the same pages (none of rancang's pages): its
search index keeps the words of a removed page as empty entries."""


def _age(root: Path) -> None:
    import os
    import time

    past = time.time() - 3600
    for path in root.rglob("*"):
        if "_build" not in path.relative_to(root).parts:
            os.utime(path, (past, past))


def _build(root: Path) -> None:
    report, _ = build_project(root, pdf=False)
    assert not report.errors, [d.format() for d in report.errors]


def _doctrees(root: Path) -> dict[str, int]:
    folder = root / "_build" / ".doctrees"
    return {name: (folder / f"{name}.doctree").stat().st_mtime_ns for name in AGGREGATES}


def _site(root: Path) -> dict[str, bytes]:
    """The site's files but the search index, whose files differ by design after edits (a base segment and a
    delta of changed pages); what it finds is compared separately."""
    folder = root / "_build" / "html"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.relative_to(folder).as_posix() not in SPHINX_OWN
            and not p.relative_to(folder).as_posix().startswith("_cari/")}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edits_reread_what_changed_and_give_the_site_of_a_first_build(tmp_path):
    root = tmp_path / "proyek"
    corpus.make_project(root, RECORDS)
    _age(root)
    _build(root)
    before = _doctrees(root)
    site = _site(root)

    # a sentence in a profile's results: no card, chart or count shows it
    corpus.edit_record(root, 5, "Kalimat suntingan.")
    _build(root)
    assert _doctrees(root) == before
    after = _site(root)
    changed = {name for name in site.keys() | after.keys() if site.get(name) != after.get(name)}
    assert f"kb/inovasi/{corpus.record_id(5)}.html" in changed
    assert not any(name.startswith(("galeri/", "kb/galeri", "kb/ringkasan", "kb/data")) for name in changed), changed

    # a new name (the gallery's order, cards and index) and another urusan (charts, facets, categories)
    path = root / "kb" / "inovasi" / f"{corpus.record_id(7)}.yaml"
    text = path.read_text(encoding="utf-8")
    name_line = next(line for line in text.splitlines() if line.startswith("nama: "))
    _replace(path, name_line, "nama: 'Aaa Inovasi Paling Awal'")
    _replace(path, "urusan:\n", "urusan:\n  - 'urusan baru uji'\n")
    _build(root)
    assert all(_doctrees(root)[name] != before[name] for name in ("kb/galeri", "kb/ringkasan"))
    assert _doctrees(root)["kb/data"] == before["kb/data"]  # the number of profiles did not change

    # a profile removed (every count changes)
    (root / "kb" / "inovasi" / f"{corpus.record_id(9)}.yaml").unlink()
    _build(root)

    fresh = tmp_path / "baru"
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns("_build"))
    _build(fresh)
    incremental, first = _site(root), _site(fresh)
    # Sphinx leaves the page of a removed document behind (its own behaviour, not what this test is about)
    assert set(incremental) - set(first) == {f"kb/inovasi/{corpus.record_id(9)}.html"}
    assert set(first) <= set(incremental)
    assert [name for name in sorted(first) if incremental[name] != first[name]] == []
    # the search index finds the same pages for every term, with the same titles and texts
    assert site_index(root / "_build" / "html") == site_index(fresh / "_build" / "html")
