"""What a search on the site costs a reader, and how good its answers are, measured through the real page.

Every figure comes from the built site opened in headless Chromium (Debian's ``chromium`` and
``chromium-driver``, driven by selenium as ``tests/test_site_browser.py`` does), never from the index files
themselves. The site is served over HTTP by a thread of this process (``http.server``, HTTP/1.0, **no gzip
or other compression**: the bytes are what a static host without compression sends; a host that gzips
sends fewer). The search page contract is the one of ``docs/cari.md``: ``search.html?q=...``, the status
``#rancang-cari-status[data-status=selesai]`` once the results and their snippets are in the page, results
``li.rancang-hasil[data-halaman]``, the button ``#rancang-cari-lagi`` for the next ten.

Size (``python bench/bench_search.py [N ...]``, default 1000 and 10000; ``make bench-full`` adds 36742).
For each N the bench corpus (``bench/corpus.py``) is built with ``rancang build --no-pdf`` in
``--folder``/korpus-<N> (the same folders ``bench/bench_site.py --folder`` builds: a folder already built is
brought up to date by an ordinary build, not rebuilt; ``--penuh`` rebuilds from an empty ``_build``).
Printed, one ``name: value`` line each:

* ``search_query_kb_<N>``    -- kilobytes (1,000 bytes) the browser fetched for one typical two-word query
                                with a cold cache: the search page, its styles, scripts and fonts, the index
                                parts and snippets, everything until the status says ``selesai``; the
                                median over the queries of ``QUERIES``, each from a cold cache (cache
                                cleared and disabled through the DevTools protocol, so the browser's memory
                                cache does not help either). Bytes are those on the wire as Chromium counts
                                them (``Network.loadingFinished.encodedDataLength``: headers + body);
* ``search_query_kb_max_<N>`` -- the same for the worst query of the set (context), named on the comment
                                line that follows (``# search_query_worst_<N>: '...'``);
* ``search_query_index_kb_<N>`` -- of the median query, the part fetched under ``_cari/`` (the index);
* ``search_query_s_<N>``     -- seconds from navigation to ``selesai`` for the median query (context: on a
                                loaded machine it varies);
* ``search_index_s_<N>``     -- the seconds the search-index step took in the last full build of that folder,
                                as the index recorded it then (``_build/.doctrees/rancang-cari.json``:
                                ``detik`` when ``penuh``; kept aside, since the next build rewrites it) or
                                else as the build printed it (a phase line naming "cari"/"pencarian"); absent, with a note on
                                stderr, when neither says.

The typical queries (``QUERIES``) are pairs of words of medium frequency in the corpus vocabulary:
``bench/corpus.py`` draws its 301 distinct words with weight 1/rank, and every word chosen has a rank
between 89 and 222 (a word of rank ~150 occurs about once per profile, so each word is on roughly half
to two thirds of the profiles and both together on about a third: neither the rarest nor the commonest
case). They are phrases a reader types: "bantuan sosial", "izin usaha", ...

Relevance (``--relevansi``, also in ``make bench``): the judged queries of ``bench/cari/kueri.yaml`` (over the
bench corpus of 1,000 profiles and over the bundled example, Kota Parepare), each typed as a reader types
it, each with the pages a reader expects. For each query the page ``search.html?q=...`` is opened and its
results read in order. Printed:

* ``search_precision_at_5`` -- mean over the queries of |first 5 results ∩ expected| / min(5, |expected|)
                               (so a query expecting one page scores 1 when that page is among the first
                               five, and a query expecting twelve scores the share of the first five that
                               are expected);
* ``search_recall``         -- mean over the queries of |results ∩ expected| / |expected|, over all the
                               results the page offers: the script presses "Tampilkan 10 hasil berikutnya"
                               until every expected page has appeared, the list ends, or ``RECALL_DEPTH``
                               results are shown (an expected page further down counts as missed);
* ``search_recall_at_10``   -- the same over the first 10 results only;
* ``search_mrr``            -- mean reciprocal rank of the first expected result (context);
* ``search_kueri_n``        -- the number of judged queries;
* with ``--per-kueri``, one line per query: its precision@5, recall, rank of the first expected page, and
  the first five results.

``--periksa-kueri`` checks the judged set against the corpus sources instead (no browser): the expectations
of the synthetic corpus are derived from the records as ``bench/corpus.py`` writes them (title words,
innovators, agency; the rule is written next to each query), and this recomputes them from the YAML files.

Usage::

    python bench/bench_search.py [N ...] [--folder DIR] [--penuh] [--tanpa-bangun]
    python bench/bench_search.py --relevansi [--per-kueri] [--folder DIR]
    python bench/bench_search.py --periksa-kueri [--folder DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote, urlparse

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import chromium  # noqa: E402
import corpus  # noqa: E402
from bench_site import FULL_INDEX, FULL_LOG, keep_full_build  # noqa: E402

RANCANG = [sys.executable, "-m", "rancang"]
JUDGED = HERE / "cari" / "kueri.yaml"
DEFAULT_FOLDER = Path(tempfile.gettempdir()) / "rancang-bench"

QUERIES = ("bantuan sosial", "izin usaha", "air bersih", "bank sampah", "lalu lintas", "kartu identitas",
           "pajak retribusi")
"""Typical two-word queries: both words of medium frequency in ``corpus.WORDS`` (ranks 89 to 222 of 301)."""

RECALL_DEPTH = 200
"""Results shown (by pressing "Tampilkan 10 hasil berikutnya") before an expected page still missing counts as missed."""

WAIT = 120
"""Wall seconds after which a page is taken to hang (a guard, not a bound)."""

EXAMPLE_PARTS = ("rancang.yaml", "kb", "regulations", "visits", "templates", "schemas")
"""The bundled example's sources (the repository's root is the example project of Kota Parepare)."""


# -- building ---------------------------------------------------------------------------------------------------


def build(root: Path, full: bool) -> str:
    """``rancang build --no-pdf`` in ``root`` (from an empty ``_build`` when ``full``); returns what it printed."""
    if full:
        shutil.rmtree(root / "_build", ignore_errors=True)
    done = subprocess.run([*RANCANG, "-C", str(root), "build", "--no-pdf"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=7200)
    if done.returncode != 0:
        raise SystemExit(f"rancang build gagal di {root} ({done.returncode}):\n{done.stdout[-3000:]}")
    if full:
        keep_full_build(root, done.stdout.encode("utf-8"))
    return done.stdout


def prepared(root: Path, make, *, full: bool = False, skip_build: bool = False) -> Path:
    """The site of the project in ``root`` (written by ``make(root)`` if missing), built; returns the site folder."""
    if not (root / "rancang.yaml").is_file():
        make(root)
    site = root / "_build" / "html"
    if skip_build and (site / "search.html").is_file():
        return site
    built = (site / "search.html").is_file() and (root / "_build" / FULL_LOG).is_file()
    build(root, full=full or not built)
    return site


def corpus_site(folder: Path, n: int, **how) -> Path:
    return prepared(folder / f"korpus-{n}", lambda root: corpus.make_project(root, n), **how)


def _copy_example(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_PARTS:
        source = REPO / name
        if (root / name).is_dir():
            shutil.rmtree(root / name)
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("_build", "__pycache__", ".*"))
        elif source.is_file():
            shutil.copy2(source, root / name)


def example_site(folder: Path) -> Path:
    """The bundled example (Kota Parepare), its sources copied afresh into ``folder``/contoh and built there
    (incrementally when built before: it takes seconds)."""
    _copy_example(folder / "contoh")
    return prepared(folder / "contoh", _copy_example)


PHASE = re.compile(r"^(?P<fase>[^:\n]*(?:cari|pencarian)[^:\n]*): selesai\b.*?dalam (?P<s>[\d.]*\d(?:,\d+)?) detik",
                   re.I | re.M)


def index_seconds(root: Path) -> float | None:
    """The seconds the search-index step took in the last full build of ``root``: what the index recorded then
    (``.doctrees/rancang-cari.json``, kept as FULL_INDEX) when it was a full indexing, else a phase line of the
    build's output naming "cari" or "pencarian"; None when neither says."""
    log = root / "_build" / FULL_LOG
    if not log.is_file():
        return None
    state = root / "_build" / FULL_INDEX
    if state.is_file():
        recorded = json.loads(state.read_text(encoding="utf-8"))
        if recorded.get("penuh") and isinstance(recorded.get("detik"), (int, float)):
            return float(recorded["detik"])
    found = [float(m["s"].replace(".", "").replace(",", ".")) for m in PHASE.finditer(log.read_text(encoding="utf-8"))]
    return sum(found) if found else None


# -- serving and the browser ------------------------------------------------------------------------------------


@contextmanager
def browser() -> Iterator[object]:
    """Headless Chromium with a fresh profile (cold cache) that logs DevTools' network events."""
    if not (chromium.CHROMIUM.is_file() and chromium.CHROMEDRIVER.is_file()):
        raise SystemExit("Chromium atau ChromeDriver tidak terpasang (/usr/bin/chromium, /usr/bin/chromedriver): "
                         "pasang paket Debian chromium dan chromium-driver")
    with tempfile.TemporaryDirectory(prefix="rancang-chromium-") as profile:
        driver = chromium.driver(Path(profile), performance_log=True)
        try:
            yield driver
        finally:
            driver.quit()


def _status(driver) -> tuple[str | None, str | None]:
    return driver.execute_script(
        "var s = document.getElementById('rancang-cari-status');"
        "return s ? [s.getAttribute('data-status'), s.getAttribute('data-jumlah')] : [null, null];")


def _wait_done(driver, query: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        state, _ = _status(driver)
        if state == "selesai":
            return
        if state == "galat":
            text = driver.execute_script("return document.getElementById('rancang-cari-status').textContent")
            raise RuntimeError(f"pencarian {query!r} gagal: {text}")
        time.sleep(0.05)
    raise TimeoutError(f"pencarian {query!r}: status tidak 'selesai' dalam {WAIT} detik")


def _network(events: list[dict], state: dict) -> None:
    """Fold DevTools network events into ``state``: url by request, bytes by request, requests still open."""
    for entry in events:
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method", ""), message.get("params", {})
        request = params.get("requestId")
        if method == "Network.requestWillBeSent":
            state["url"][request] = params["request"]["url"]
            state["open"].add(request)
        elif method == "Network.loadingFinished":
            state["bytes"][request] = params.get("encodedDataLength", 0)
            state["open"].discard(request)
        elif method == "Network.loadingFailed":
            state["open"].discard(request)
            state["failed"].append(state["url"].get(request, request))


def cold_query(driver, base: str, query: str) -> dict:
    """Open ``search.html?q=query`` with a cold cache; bytes fetched, seconds to ``selesai``, the requests."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.get("about:blank")
    driver.get_log("performance")  # forget what came before
    state: dict = {"url": {}, "bytes": {}, "open": set(), "failed": []}
    start = time.perf_counter()
    driver.get(f"{base}search.html?q={quote(query)}")
    _wait_done(driver, query)
    seconds = time.perf_counter() - start
    # What the page still fetches right after (a request already sent) counts as well.
    quiet_since, deadline = time.monotonic(), time.monotonic() + 10
    while time.monotonic() < deadline:
        events = driver.get_log("performance")
        _network(events, state)
        if events:
            quiet_since = time.monotonic()
        if not state["open"] and time.monotonic() - quiet_since > 0.5:
            break
        time.sleep(0.1)
    by_url = {}
    for request, size in state["bytes"].items():
        url = state["url"].get(request, request)
        by_url[url] = by_url.get(url, 0) + size
    index = sum(size for url, size in by_url.items() if "/_cari/" in urlparse(url).path)
    return {"bytes": sum(by_url.values()), "index_bytes": index, "seconds": seconds, "requests": by_url,
            "failed": state["failed"], "jumlah": _status(driver)[1]}


def measure_size(folder: Path, n: int, *, full: bool, skip_build: bool, verbose: bool) -> dict:
    site = corpus_site(folder, n, full=full, skip_build=skip_build)
    runs = {}
    with chromium.served(site) as base, browser() as driver:
        for query in QUERIES:
            runs[query] = cold_query(driver, base, query)
            if verbose:
                r = runs[query]
                print(f"# {n} {query!r}: {r['bytes'] / 1000:.1f} kB in {len(r['requests'])} permintaan, "
                      f"{r['seconds']:.2f} s, {r['jumlah']} hasil", file=sys.stderr)
                for url, size in sorted(r["requests"].items(), key=lambda item: -item[1]):
                    print(f"#   {size / 1000:8.1f} kB  {urlparse(url).path}", file=sys.stderr)
    ordered = sorted(runs, key=lambda q: runs[q]["bytes"])
    median = ordered[len(ordered) // 2]
    worst = ordered[-1]
    return {"kb": statistics.median(r["bytes"] for r in runs.values()) / 1000,
            "kb_max": runs[worst]["bytes"] / 1000, "worst": worst,
            "index_kb": runs[median]["index_bytes"] / 1000, "s": runs[median]["seconds"],
            "index_s": index_seconds(folder / f"korpus-{n}")}


# -- relevance --------------------------------------------------------------------------------------------------


def load_judged(path: Path = JUDGED) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["kueri"]


def docname(expected: str) -> str:
    """An expected page as the results name it (``data-halaman``): a bare id is an innovation profile."""
    return expected if "/" in expected else f"kb/inovasi/{expected}"


def _results(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#rancang-cari-hasil li.rancang-hasil'))"
        ".map(function (li) { return li.getAttribute('data-halaman'); });")


def ranked(driver, base: str, query: str, expected: set[str]) -> list[str]:
    """The results of ``query`` in order, more of them loaded until every expected page is in (or the cap)."""
    driver.get(f"{base}search.html?q={quote(query)}")
    _wait_done(driver, query)
    results = _results(driver)
    while not expected <= set(results) and len(results) < RECALL_DEPTH:
        more = driver.execute_script(
            "var b = document.getElementById('rancang-cari-lagi');"
            "if (!b || b.hidden || b.disabled || b.offsetParent === null) return false; b.click(); return true;")
        if not more:
            break
        deadline = time.monotonic() + WAIT
        while len(_results(driver)) <= len(results) and time.monotonic() < deadline:
            time.sleep(0.05)
        _wait_done(driver, query)
        if len(_results(driver)) <= len(results):
            break
        results = _results(driver)
    return results


def score(results: list[str], expected: set[str]) -> dict:
    found = [page for page in results if page in expected]
    first = next((i + 1 for i, page in enumerate(results) if page in expected), None)
    return {"p5": len(set(results[:5]) & expected) / min(5, len(expected)),
            "recall": len(set(results) & expected) / len(expected),
            "recall10": len(set(results[:10]) & expected) / len(expected),
            "rr": 1 / first if first else 0.0, "first": first, "found": len(found)}


def relevance(folder: Path, *, per_query: bool, skip_build: bool) -> dict:
    queries = load_judged()
    sites = {"contoh": lambda: example_site(folder),
             "korpus-1000": lambda: corpus_site(folder, 1000, skip_build=skip_build)}
    scores = []
    with browser() as driver:
        for name, make in sites.items():
            chosen = [q for q in queries if q["korpus"] == name]
            if not chosen:
                continue
            with chromium.served(make()) as base:
                for item in chosen:
                    expected = {docname(page) for page in item["harapan"]}
                    results = ranked(driver, base, item["kueri"], expected)
                    s = score(results, expected)
                    scores.append(s)
                    if per_query:
                        first = "-" if s["first"] is None else s["first"]
                        print(f"# {name} {item['kueri']!r}: p@5 {s['p5']:.2f} recall {s['recall']:.2f} "
                              f"pertama {first} | {' '.join(results[:5])}")
    return {"p5": statistics.mean(s["p5"] for s in scores), "recall": statistics.mean(s["recall"] for s in scores),
            "recall10": statistics.mean(s["recall10"] for s in scores),
            "mrr": statistics.mean(s["rr"] for s in scores), "n": len(scores)}


# -- checking the judged set against the corpus ------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return set(re.findall(r"[0-9a-z]+", text.lower()))


def derived(rule: dict, records: dict[str, dict]) -> set[str]:
    """The record ids a rule of ``kueri.yaml`` selects from the corpus records (their YAML, as corpus.py wrote it).

    ``judul``: a list of word groups; the record's name holds, for every group, one of its words.
    ``inovator``: the record lists this innovator. ``perangkat_daerah``: the record's agency is this one.
    """
    out = set()
    for rid, record in records.items():
        ok = True
        if "judul" in rule:
            title = _words(record["nama"])
            ok &= all(any(word in title for word in group) for group in rule["judul"])
        if "inovator" in rule:
            ok &= rule["inovator"] in record.get("inovator", [])
        if "perangkat_daerah" in rule:
            ok &= record.get("perangkat_daerah") == rule["perangkat_daerah"]
        if ok:
            out.add(rid)
    return out


def check_judged(folder: Path) -> int:
    root = folder / "korpus-1000"
    if not (root / "rancang.yaml").is_file():
        corpus.make_project(root, 1000)
    records = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "kb/inovasi").glob("*.yaml"))}
    bad = 0
    queries = load_judged()
    for item in queries:
        if item["korpus"] != "korpus-1000":
            continue
        want = derived(item["aturan"], records)
        if want != set(item["harapan"]):
            bad += 1
            print(f"{item['kueri']!r}: aturan memilih {sorted(want)}, tertulis {sorted(item['harapan'])}")
    print(f"{len(queries)} kueri, {sum(q['korpus'] == 'korpus-1000' for q in queries)} atas korpus, "
          f"{bad} tidak cocok dengan aturannya")
    return 1 if bad else 0


# -- main -------------------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER,
                        help=f"where the built corpora live (default {DEFAULT_FOLDER}; shared with bench_site.py)")
    parser.add_argument("--penuh", action="store_true", help="build from an empty _build even if already built")
    parser.add_argument("--tanpa-bangun", action="store_true",
                        help="use a built corpus site as it is, without building (make bench: bench_site.py just built it)")
    parser.add_argument("--relevansi", action="store_true", help="precision@5 and recall of bench/cari/kueri.yaml")
    parser.add_argument("--per-kueri", action="store_true", help="with --relevansi: one line per query")
    parser.add_argument("--periksa-kueri", action="store_true", help="check kueri.yaml against the corpus (no browser)")
    parser.add_argument("--rinci", action="store_true", help="every request of every query, on stderr")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    if args.periksa_kueri:
        return check_judged(args.folder)
    sizes = args.sizes or ([] if args.relevansi else [1000, 10000])
    for n in sorted(sizes):
        figures = measure_size(args.folder, n, full=args.penuh, skip_build=args.tanpa_bangun, verbose=args.rinci)
        print(f"search_query_kb_{n}: {figures['kb']:.1f}")
        print(f"search_query_kb_max_{n}: {figures['kb_max']:.1f}")
        print(f"# search_query_worst_{n}: {figures['worst']!r}")
        print(f"search_query_index_kb_{n}: {figures['index_kb']:.1f}")
        print(f"search_query_s_{n}: {figures['s']:.2f}")
        if figures["index_s"] is not None:
            print(f"search_index_s_{n}: {figures['index_s']:.1f}")
        else:
            print(f"(search_index_s_{n}: keluaran build penuh tidak menyebut fase indeks pencarian)", file=sys.stderr)
        sys.stdout.flush()
    if args.relevansi:
        figures = relevance(args.folder, per_query=args.per_kueri, skip_build=args.tanpa_bangun)
        print(f"search_precision_at_5: {figures['p5']:.2f}")
        print(f"search_recall: {figures['recall']:.2f}")
        print(f"search_recall_at_10: {figures['recall10']:.2f}")
        print(f"search_mrr: {figures['mrr']:.2f}")
        print(f"search_kueri_n: {figures['n']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
