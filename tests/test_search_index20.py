"""The search index (rancang.site.search_index): what a browser reads back equals what the pages say, after a
full indexing and after any sequence of edits, additions and removals (incremental segments)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from rancang.language.search_words import browser_tables, terms, words
from rancang.site.search_index import (BITMAP_TOP, MANIFEST, SearchIndex, compaction_threshold,
                                       encode_postings, fnv1a, quantised, record_bytes, write_record)
from rancang.site.search_record import FACTS, SUMMARY, TITLE, Record
from search_reading import decode, read_index, script as _script


VOCABULARY = ("pelayanan perizinan perijinan izin usaha kesehatan ibu hamil sampah plastik desa desakan kerja sama "
              "kerjasama sistem sistim aplikasi daring praktik praktek pengelolaan kelola air minum bank pasar "
              "sekolah guru gizi anak stunting jalan lampu kota kabupaten wali").split()


def _record(name: str, rng: random.Random) -> Record:
    title = " ".join(rng.sample(VOCABULARY, 2)).title()
    body = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(5, 40)))
    counts: dict[str, int] = {}
    for term in terms(title):
        counts[term] = counts.get(term, 0) + 10
    for term in terms(body):
        counts[term] = counts.get(term, 0) + 1
    best = {term: TITLE for term in terms(title)}
    return Record(name, f"{name}.html", title, "inovasi", counts, len(terms(title + " " + body)), [body], best)



def expected(records: dict[str, Record]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for record in records.values():
        for term in record.terms:
            out.setdefault(term, set()).add(record.url)
    return out


@pytest.fixture
def site(tmp_path: Path):
    class Site:
        records = tmp_path / "records"
        output = tmp_path / "html" / "_cari"

        def index(self) -> SearchIndex:
            return SearchIndex(self.records, tmp_path / "state.json", self.output, "uji")

    return Site()


def test_full_index_reads_back_exactly(site) -> None:
    rng = random.Random(7)
    records = {f"kb/inovasi/r{i:03d}": _record(f"kb/inovasi/r{i:03d}", rng) for i in range(300)}
    for record in records.values():
        write_record(site.records, record)
    outcome = site.index().update(records, records, [])
    assert outcome.full and outcome.pages == 300
    manifest, found, pages = read_index(site.output)
    assert found == expected(records)
    assert pages["kb/inovasi/r007.html"]["j"] == records["kb/inovasi/r007"].title
    assert manifest["varian"] == browser_tables()["varian"]
    # a word on most pages is stored as a bitmap
    buckets = [_script(p)[1] for p in site.output.glob("*/e/*.js")]
    assert any(text.startswith("B") for group in buckets for text in group.values())


@pytest.mark.parametrize("seed", range(6))
def test_edits_additions_removals_read_back_as_a_fresh_index(site, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    records = {f"p{i:03d}": _record(f"p{i:03d}", rng) for i in range(200)}
    for record in records.values():
        write_record(site.records, record)
    site.index().update(records, records, [])
    for _ in range(8):
        changed: set[str] = set()
        removed: set[str] = set()
        for _ in range(rng.randint(1, 6)):
            action = rng.random()
            if action < 0.6:
                name = rng.choice(sorted(records))
            elif action < 0.8:
                name = f"baru{rng.randint(0, 10_000)}"
            else:
                name = rng.choice(sorted(records))
                del records[name]
                removed.add(name)
                changed.discard(name)
                continue
            records[name] = _record(name, rng)
            write_record(site.records, records[name])
            changed.add(name)
        outcome = site.index().update(records, changed, removed)
        _, found, pages = read_index(site.output)
        assert found == expected(records)
        assert set(pages) == {r.url for r in records.values()}
        assert {p["j"] for p in pages.values()} == {r.title for r in records.values()}
    assert not outcome.full or len(records) < 240


def test_an_edit_writes_a_small_segment_and_removes_the_old_one(site) -> None:
    rng = random.Random(3)
    records = {f"p{i:04d}": _record(f"p{i:04d}", rng) for i in range(1000)}
    for record in records.values():
        write_record(site.records, record)
    site.index().update(records, records, [])
    base = {p.name for p in site.output.iterdir() if p.is_dir()}
    for k in range(3):
        records["p0005"] = _record("p0005", rng)
        write_record(site.records, records["p0005"])
        outcome = site.index().update(records, {"p0005", "p0006"}, [])  # p0006 read again, unchanged
        assert not outcome.full and outcome.delta == 1
        folders = {p.name for p in site.output.iterdir() if p.is_dir()}
        assert base < folders and len(folders - base) == 1  # the base stays, one delta, the old delta gone
    manifest, found, _ = read_index(site.output)
    assert len(manifest["hapus"]) == 1
    assert found == expected(records)
    # nothing read again: nothing written, also after a removal
    del records["p0009"]
    site.index().update(records, set(), ["p0009"])
    before = (site.output / MANIFEST).stat().st_mtime_ns
    assert site.index().update(records, set(), []).delta == 1
    assert (site.output / MANIFEST).stat().st_mtime_ns == before
    assert read_index(site.output)[1] == expected(records)


def test_past_the_threshold_the_base_is_rebuilt(site) -> None:
    rng = random.Random(5)
    records = {f"p{i:03d}": _record(f"p{i:03d}", rng) for i in range(100)}
    for record in records.values():
        write_record(site.records, record)
    site.index().update(records, records, [])
    names = sorted(records)[: compaction_threshold(100) + 1]
    for name in names:
        records[name] = _record(name, rng)
        write_record(site.records, records[name])
    outcome = site.index().update(records, set(names), [])
    assert outcome.full
    manifest, found, _ = read_index(site.output)
    assert len(manifest["segmen"]) == 1 and manifest["hapus"] == []
    assert found == expected(records)


def test_a_changed_word_table_or_a_lost_output_rebuilds_everything(site, tmp_path: Path) -> None:
    rng = random.Random(9)
    records = {f"p{i}": _record(f"p{i}", rng) for i in range(20)}
    for record in records.values():
        write_record(site.records, record)
    site.index().update(records, records, [])
    assert not site.index().update(records, {"p1"}, []).full
    assert SearchIndex(site.records, tmp_path / "state.json", site.output, "versi lain").update(
        records, set(), []).full
    import shutil

    shutil.rmtree(site.output)
    assert site.index().update(records, set(), []).full
    assert read_index(site.output)[1] == expected(records)


def test_postings_encodings() -> None:
    pairs = [(0, 255), (1, 3), (200, 1), (70_000, 17)]
    assert decode(encode_postings([p << 8 | q for p, q in pairs], 80_000)) == dict(pairs)
    common = [(i, 1 + i % 200) for i in range(0, 1000, 2)]
    text = encode_postings([p << 8 | q for p, q in common], 1000)
    assert text.startswith("B")
    back = decode(text)
    assert set(back) == {p for p, _ in common}
    best = sorted(common, key=lambda p: (-p[1], p[0]))[:BITMAP_TOP]
    assert all(back[p] == q for p, q in best)
    assert max(q for p, q in back.items() if (p, q) not in best) <= min(q for _, q in best)


def test_weights_rank_the_field_first_then_bm25() -> None:
    assert quantised(1, 300, TITLE) > quantised(40, 300, SUMMARY) > quantised(40, 300, FACTS) > quantised(40, 300)
    assert quantised(10, 300) > quantised(4, 300) > quantised(1, 300) >= 1
    assert quantised(1, 100) > quantised(1, 300) > quantised(1, 3000)
    assert quantised(10_000, 1) == 63 and quantised(10_000, 1, TITLE) == 255
    record = Record("a", "a.html", "Judul </script>", "halaman", {"judul": 10}, 1, ["teks \u2028 baris"],
                    {"judul": TITLE})
    fragment, weights = record_bytes(record).decode("utf-8").split("\n")
    assert "</" not in fragment and "\u2028" not in fragment
    assert json.loads(fragment)["j"] == "Judul </script>"
    assert json.loads(weights) == {"judul": quantised(10, 1, TITLE)}


def test_fnv1a_matches_the_published_vectors() -> None:
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def test_records_are_written_only_when_they_change(site) -> None:
    record = Record("a", "a.html", "Judul", "halaman", {"judul": 10}, 1, ["Judul"])
    write_record(site.records, record)
    target = site.records / "a.json"
    stamp = target.stat().st_mtime_ns
    write_record(site.records, record)
    assert target.stat().st_mtime_ns == stamp
    assert words("e-KTP Kabupatén") == ["ktp", "kabupaten"]
