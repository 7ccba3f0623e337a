"""A build keeps what the drafting rules found on each profile (its memo in the record cache) and looks again
only at the profiles that changed: the findings must be exactly those of a fresh ``rancang check``, the rules
that compare profiles with each other (L605) included."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pytest

from rancang.check import check_project
from rancang.drafting import amendment
from rancang.lint import runner
from rancang.lint.registry import RULES
from rancang.loader import load_project
from rancang.record_cache import RecordCache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

pytestmark = pytest.mark.slow


def _age(root: Path, seconds: int = 3600) -> None:
    past = time.time() - seconds
    for path in root.rglob("*"):
        if "_build" not in path.relative_to(root).parts:
            os.utime(path, (past, past))


def _set(root: Path, index: int, field: str, value: str) -> Path:
    """Replace a top-level scalar or block of profile ``index`` by ``field: value``."""
    path = root / f"kb/inovasi/{corpus.record_id(index)}.yaml"
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{field}:.*?(?=^\S|\Z)", re.M | re.S)
    assert pattern.search(text), field
    path.write_text(pattern.sub(lambda _m: f"{field}: {value}\n", text, count=1), encoding="utf-8")
    return path


def _name(root: Path, index: int) -> str:
    path = root / f"kb/inovasi/{corpus.record_id(index)}.yaml"
    return re.search(r"^nama: (.*)$", path.read_text(encoding="utf-8"), re.M).group(1)


def _findings(root: Path, cache: RecordCache | None) -> list[str]:
    report = check_project(root, cache=cache).report
    return [d.format() for d in report.diagnostics]


@pytest.fixture()
def project(tmp_path) -> Path:
    root = tmp_path / "p"
    corpus.make_project(root, 30)
    _set(root, 2, "rancang_bangun", "Terlalu pendek.")  # L601
    _set(root, 3, "sumber", "[]")  # L603
    _set(root, 4, "tanggal_penerapan", "2001")  # L604
    _set(root, 5, "manfaat", "Layanan <b>lebih cepat</b> bagi warga.")  # L610
    _set(root, 6, "manfaat", "'Alur: ![Bagan](kb/gambar/tidak-ada.png)'")  # L611
    _set(root, 7, "nama", _name(root, 8).upper())  # L605
    _set(root, 9, "tujuan", "null")  # L600
    _age(root)
    return root


def test_per_profile_rules_find_on_the_project_what_they_find_on_each_profile(project):
    data, _ = load_project(project)
    drafts = amendment.build_all(data)
    context = runner.LintContext(project, data)
    for code in runner.PER_PROFILE:
        rule = RULES[code]
        whole = list(rule.check(context))
        one_by_one = [finding for record_id, profile in sorted(data.innovations.items())
                      for finding in rule.check(runner._profile_context(context, {record_id: profile}))]
        assert whole == one_by_one, code
    assert {d.code for d in runner.lint(project, data, drafts)} >= {"L600", "L601", "L603", "L604", "L605", "L610",
                                                                    "L611"}


def test_a_build_after_edits_finds_what_a_fresh_check_finds(project):
    fresh = _findings(project, None)
    assert {line.split(": ")[1] for line in fresh} >= {"L600", "L601", "L603", "L604", "L605", "L610", "L611"}

    cache = RecordCache.open(project)
    assert _findings(project, cache) == fresh  # every memo written
    cache.save()
    cache = RecordCache.open(project)
    assert _findings(project, cache) == fresh  # every memo read
    assert cache.hits == 30
    cache.save()

    # One edit brings a new finding on its own profile and a twin name with another, one removes findings.
    edited = [_set(project, 11, "rancang_bangun", "Pendek sekali."),
              _set(project, 12, "nama", _name(project, 20)),
              _set(project, 7, "nama", "Nama Yang Kini Lain Sendiri"),
              _set(project, 5, "manfaat", "Layanan lebih cepat bagi warga."),
              _set(project, 13, "ringkasan", "'Lihat ![bagan](https://contoh.go.id/b.png)'")]
    past = time.time() - 1800
    for path in edited:
        os.utime(path, (past, past))
    fresh = _findings(project, None)
    cache = RecordCache.open(project)
    found = _findings(project, cache)
    assert cache.misses == 5
    assert found == fresh
    codes = [line.split(": ")[1] for line in found]
    assert codes.count("L601") == 2 and "L605" in codes and "L610" not in codes and "L611" in codes
    cache.save()
    cache = RecordCache.open(project)
    assert _findings(project, cache) == fresh


def test_memos_are_dropped_when_the_settings_change(project):
    cache = RecordCache.open(project)
    check_project(project, cache=cache)
    cache.save()
    settings = project / "rancang.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n# diubah\n", encoding="utf-8")
    _age(project, 1800)
    cache = RecordCache.open(project)
    data, _ = load_project(project, cache)
    memos = runner._memos(project, data)
    assert memos and all(set(memo) == {"_versi"} for memo in memos.values())


def test_check_keeps_no_memos(project):
    data, _ = load_project(project)
    assert data.memos is None


def test_the_agencies_findings_are_kept_while_their_file_does_not_change(project):
    agencies = project / "kb/perangkat-daerah.yaml"
    cache = RecordCache.open(project)
    assert not any(": L606: " in line for line in _findings(project, cache))
    cache.save()
    first = re.search(r"^  nama: (.*)$", agencies.read_text(encoding="utf-8"), re.M).group(1).strip("'\"")
    with agencies.open("a", encoding="utf-8") as handle:
        handle.write(f"- id: kembar-baru\n  nama: '{first.upper()}'\n")
    past = time.time() - 1800
    os.utime(agencies, (past, past))
    fresh = _findings(project, None)
    assert any(": L606: " in line for line in fresh)
    for _ in range(2):
        cache = RecordCache.open(project)
        assert _findings(project, cache) == fresh
        cache.save()
