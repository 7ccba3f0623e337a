"""Rebuilds do only the work a change needs: the record cache, Sphinx's re-reading, and the files made from
every record (search index, open data). Built on a small synthetic corpus (``bench/corpus.py``) that, like a
new region's project, has no legal catalogue file."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from rancang.build import build_project
from rancang.check import check_project
from rancang.layout import RECORD_CACHE
from rancang.record_cache import SHARDS, RecordCache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

RECORDS = 24

pytestmark = pytest.mark.slow  # builds, rebuilt


def _age_file(path: Path, seconds: int) -> None:
    import os
    import time

    past = time.time() - seconds
    os.utime(path, (past, past))


def _age(root: Path, seconds: int = 3600) -> None:
    """Make every input look edited an hour ago (files written just now are 'racy' and never trusted)."""
    import os
    import time

    past = time.time() - seconds
    for path in root.rglob("*"):
        if "_build" not in path.relative_to(root).parts:
            os.utime(path, (past, past))


def mtimes(folder: Path, pattern: str) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob(pattern) if p.is_file()}


def run_build(root: Path) -> list[str]:
    report, lines = build_project(root, pdf=False)
    assert not report.errors, [d.format() for d in report.errors]
    return lines


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("korpus")
    corpus.make_project(root, RECORDS)
    assert not (root / "kb/dasar-hukum.yaml").exists()
    run_build(root)
    doctrees, site = root / "_build/.doctrees", root / "_build/html"
    first = {"doctrees": mtimes(doctrees, "*.doctree"), "site": mtimes(site, "*")}
    run_build(root)
    second = {"doctrees": mtimes(doctrees, "*.doctree"), "site": mtimes(site, "*")}
    marker = "Penandaujiinkremental"
    edited = corpus.edit_record(root, 3, f"{marker} tercatat.")
    run_build(root)
    third = {"doctrees": mtimes(doctrees, "*.doctree"), "site": mtimes(site, "*")}
    return {"root": root, "first": first, "second": second, "third": third, "marker": marker,
            "edited": edited.stem}


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, stamp in after.items() if before.get(name) != stamp}


def test_a_build_without_change_reads_no_document_again(project):
    """A missing data file (no kb/dasar-hukum.yaml) or an extension's static path once made every build a
    full rebuild."""
    assert len(project["first"]["doctrees"]) >= RECORDS
    assert changed(project["first"]["doctrees"], project["second"]["doctrees"]) == set()


def test_a_build_without_change_rewrites_nothing_in_the_site(project):
    rewritten = changed(project["first"]["site"], project["second"]["site"])
    # Sphinx copies its static files and writes its own index pages on every build: cheap, constant.
    assert {name for name in rewritten if not name.startswith("_static/")} <= {
        ".buildinfo", "genindex.html", "search.html", "index.html", "objects.inv"}, rewritten


def test_one_edited_record_rereads_it_and_the_pages_that_show_every_record(project):
    reread = changed(project["second"]["doctrees"], project["third"]["doctrees"])
    assert f"kb/inovasi/{project['edited']}.doctree" in reread
    assert not any(name.startswith("kb/inovasi/") and project["edited"] not in name for name in reread), reread
    # Only pages about every record (gallery, summary, open data page) are read with it.
    assert reread - {f"kb/inovasi/{project['edited']}.doctree"} <= {
        "kb/galeri.doctree", "kb/ringkasan.doctree", "kb/data.doctree", "kb/index.doctree"}


def test_the_edit_reaches_page_search_index_and_open_data(project):
    site, marker = project["root"] / "_build/html", project["marker"]
    assert marker in (site / f"kb/inovasi/{project['edited']}.html").read_text(encoding="utf-8")
    from search_reading import pages_with

    assert pages_with(site, marker) == {f"kb/inovasi/{project['edited']}.html"}
    records = json.loads((site / "data/inovasi.json").read_text(encoding="utf-8"))
    record = next(r for r in records if r["id"] == project["edited"])
    assert record["hasil"].startswith(f"{marker} tercatat.")
    site_changes = changed(project["second"]["site"], project["third"]["site"])
    assert {"_cari/manifes.js", "data/inovasi.json", f"kb/inovasi/{project['edited']}.html"} \
        <= site_changes
    assert not any(name.startswith("kb/inovasi/") and project["edited"] not in name for name in site_changes)


def test_the_cache_gives_the_same_records_and_problems_as_reading_every_file(tmp_path):
    root = tmp_path / "p"
    corpus.make_project(root, 6)
    # A profile with a drafting warning, located inside its text (needs the YAML nodes).
    path = root / "kb/inovasi/inovasi-00002.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\nrancang_bangun: |\n", 1)
    tail = rest.split("\nmasalah: |\n", 1)[1]
    path.write_text(f"{head}\nrancang_bangun: |\n  Terlalu pendek.\nmasalah: |\n{tail}", encoding="utf-8")
    _age(root)  # files written a moment ago are never cached ("racy")

    checked = check_project(root)
    fresh_data, fresh = checked.data, checked.report
    cache = RecordCache.open(root)
    check_project(root, cache=cache)
    assert (cache.hits, cache.misses) == (0, 6)
    cache.save()
    assert len(list((root / RECORD_CACHE).glob("*.pickle"))) == SHARDS

    cache = RecordCache.open(root)
    checked = check_project(root, cache=cache)
    cached_data, cached = checked.data, checked.report
    assert (cache.hits, cache.misses) == (6, 0)
    assert [d.format() for d in cached.diagnostics] == [d.format() for d in fresh.diagnostics]
    assert any(d.code == "L601" for d in cached.diagnostics)
    for record_id, model in fresh_data.innovations.items():
        assert cached_data.innovations[record_id].model_dump() == model.model_dump()
    # Locations of a cached record come from its file, read again on demand.
    from rancang.locations import locate

    one = cached_data.innovations["inovasi-00004"]
    assert locate(one.indicators[0], "name") == locate(fresh_data.innovations["inovasi-00004"].indicators[0], "name")


def test_a_changed_file_or_another_version_of_rancang_is_read_again(tmp_path):
    root = tmp_path / "p"
    corpus.make_project(root, 4)
    _age(root)
    cache = RecordCache.open(root)
    check_project(root, cache=cache)
    cache.save()
    edited = corpus.edit_record(root, 1, "Kalimat baru.")
    _age_file(edited, 1800)
    cache = RecordCache.open(root)
    checked = check_project(root, cache=cache)
    data, _ = checked.data, checked.report
    assert (cache.hits, cache.misses) == (3, 1)
    assert data.innovations["inovasi-00001"].results.startswith("Kalimat baru.")

    import pickle

    for shard in (root / RECORD_CACHE).glob("*.pickle"):
        version, entries = pickle.loads(shard.read_bytes())
        shard.write_bytes(pickle.dumps(("versi-lain", entries)))
    cache = RecordCache.open(root)
    check_project(root, cache=cache)
    assert cache.hits == 0


def test_one_edit_rewrites_one_shard_of_the_cache(tmp_path):
    root = tmp_path / "p"
    corpus.make_project(root, 40)
    _age(root)
    cache = RecordCache.open(root)
    check_project(root, cache=cache)
    cache.save()
    before = mtimes(root / RECORD_CACHE, "*.pickle")
    edited = corpus.edit_record(root, 7, "Satu suntingan.")
    _age_file(edited, 1800)
    cache = RecordCache.open(root)
    check_project(root, cache=cache)
    cache.save()
    assert len(changed(before, mtimes(root / RECORD_CACHE, "*.pickle"))) == 1


def test_an_unreadable_cache_is_ignored(tmp_path):
    root = tmp_path / "p"
    corpus.make_project(root, 3)
    (root / RECORD_CACHE).mkdir(parents=True)
    for number in range(SHARDS):
        (root / RECORD_CACHE / f"{number:02d}.pickle").write_bytes(b"bukan pickle")
    cache = RecordCache.open(root)
    checked = check_project(root, cache=cache)
    data, report = checked.data, checked.report
    assert len(data.innovations) == 3 and not report.errors and cache.misses == 3


def test_check_never_writes_a_cache(tmp_path):
    root = tmp_path / "p"
    corpus.make_project(root, 3)
    check_project(root)
    assert not (root / "_build").exists()
    shutil.rmtree(root)


# -- the build as a whole: nothing changed, nothing to do ------------------------------------------------

UP_TO_DATE = "Tidak ada yang berubah sejak pembangunan terakhir; keluaran tetap."


def test_a_build_with_nothing_changed_does_nothing(tmp_path):
    root = tmp_path / "p"
    corpus.make_project(root, 6)
    _age(root)
    first = run_build(root)
    assert UP_TO_DATE not in first
    site = root / "_build/html"
    before = mtimes(site, "*")
    second = run_build(root)
    assert second[0] == UP_TO_DATE
    assert any(line.startswith("Situs: ") for line in second)
    assert mtimes(site, "*") == before


def test_an_edited_input_or_a_damaged_output_means_a_real_build(tmp_path):
    root = tmp_path / "p"
    corpus.make_project(root, 6)
    _age(root)
    run_build(root)
    page = root / "_build/html/kb/inovasi/inovasi-00002.html"
    page.unlink()
    assert UP_TO_DATE not in run_build(root)
    assert page.is_file()

    corpus.edit_record(root, 1, "Suntingan baru.")
    _age(root)
    lines = run_build(root)
    assert UP_TO_DATE not in lines
    assert "Suntingan baru." in (root / "_build/html/kb/inovasi/inovasi-00001.html").read_text(encoding="utf-8")
    assert run_build(root)[0] == UP_TO_DATE


def test_inputs_written_a_moment_ago_are_never_trusted(tmp_path):
    """A file changed in the same clock tick as the fingerprint could look unchanged: no state is kept."""
    from rancang.layout import STATE_FILE

    root = tmp_path / "p"
    corpus.make_project(root, 3)
    run_build(root)
    assert not (root / STATE_FILE).exists()
    assert UP_TO_DATE not in run_build(root)


def test_the_site_reuses_the_data_rancang_build_loaded(tmp_path, monkeypatch):
    """The site does not check the project a second time, however the root was written."""
    import os

    import rancang.check

    root = tmp_path / "p"
    corpus.make_project(root, 3)
    checked = check_project(root)
    report = checked.report
    assert not report.errors

    def refuse(*args, **kwargs):
        raise AssertionError("checked twice")

    monkeypatch.setattr(rancang.check, "check_project", refuse)
    monkeypatch.chdir(tmp_path)
    from rancang.site.builder import build_site

    outdir, _ = build_site(Path("p"), checked)
    assert (tmp_path / "p/_build/html/kb/inovasi/inovasi-00001.html").is_file()
    assert os.path.samefile(outdir.parent.parent, root)


def test_open_data_written_record_by_record_equals_one_json_dump(tmp_path):
    import json
    import os
    import time

    from rancang.site.opendata import json_bytes, record

    root = tmp_path / "p"
    corpus.make_project(root, 5)
    past = time.time() - 3600
    for path in (root / "kb/inovasi").iterdir():
        os.utime(path, (past, past))
    checked = check_project(root)
    data, _ = checked.data, checked.report
    expected = (json.dumps([record(rid, m) for rid, m in sorted(data.innovations.items())], ensure_ascii=False,
                           indent=2) + "\n").encode("utf-8")
    fragments: dict = {}
    assert json_bytes(data, fragments) == expected
    assert len(fragments) == 5
    assert json_bytes(data, fragments) == expected  # from the fragments
    corpus.edit_record(root, 2, "Perubahan.")
    checked = check_project(root)
    data, _ = checked.data, checked.report
    assert b"Perubahan." in json_bytes(data, fragments)
    data.innovations.clear()
    assert json_bytes(data, fragments) == b"[]\n" and fragments == {}


def test_a_record_written_a_moment_ago_is_not_cached(tmp_path):
    root = tmp_path / "p"
    corpus.make_project(root, 3)
    cache = RecordCache.open(root)
    check_project(root, cache=cache)
    assert cache.fresh == {}
