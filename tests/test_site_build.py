"""The knowledge-base site, built with Sphinx -W from a copy of the bundled example (no browser).

* incremental builds: nothing is rewritten when nothing changed; a record's new name reaches every page
  that shows it, no page keeps the old one, and pages that do not show it are left alone;
* search: the index is stemmed the Indonesian way (``pelayanan`` and ``layanan`` are both ``layan``);
* the site makes no request to another host (scripts, styles, fonts and images are all local).
"""

from __future__ import annotations

import hashlib
import html
from html.parser import HTMLParser
import json
import pickle
import re
from pathlib import Path

import pytest
import yaml

from rancang.language.search_words import terms
from search_reading import site_index
from support import build_site_of, copy_example

ALWAYS_WRITTEN = {"genindex.html", "search.html"}
"""Sphinx writes its additional pages on every build (their content stays the same)."""



# -- helpers shared with test_site_browser.py ---------------------------------------------------------------------


def innovation_records(root: Path) -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in
            sorted((root / "kb" / "inovasi").glob("*.yaml"))}


def page_text(path: Path) -> str:
    """What a reader sees of a page: tags, scripts and styles removed, entities decoded."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text))


class _MainText(HTMLParser):
    """Text of the main content, leaving out scripts, styles and "no-search" containers (as Sphinx's indexer)."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr", "area", "base", "embed", "param",
            "track"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        skipping = self.skip_depth > 0 or tag in ("script", "style") or "no-search" in classes
        self.stack.append(skipping and self.skip_depth == 0)
        if skipping:
            self.skip_depth += 1

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        self.stack.pop()
        if self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def main_text(path: Path) -> str:
    """The text of a page's main content (what Sphinx indexes), without navigation and sidebar."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r'role="main"[^>]*>(.*?)(<div class="sphinxsidebar"|<footer|<div class="footer")', text, re.S)
    assert match, f"{path}: no main content found"
    parser = _MainText()
    parser.feed(match.group(1))
    return " ".join(parser.parts)


# -- a built copy for the read-only tests ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(example_build) -> Path:
    """The session's build of the example (conftest.py): read only."""
    return example_build.site


# -- incremental builds ------------------------------------------------------------------------------------------


def _snapshot(outdir: Path) -> dict[str, tuple[int, str]]:
    return {path.relative_to(outdir).as_posix(): (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
            for path in sorted(outdir.rglob("*")) if path.is_file()}


def _pages(snapshot: dict) -> list[str]:
    return [name for name in snapshot if name.endswith(".html")]


def _rewritten(before: dict, after: dict) -> set[str]:
    return {name for name in _pages(after) if name not in before or before[name][0] != after[name][0]}


def _aggregates(root: Path) -> set[str]:
    """Pages marked as showing every record (rewritten whenever any record changes), from the site's domain in
    Sphinx's environment."""
    with open(root / "_build" / ".doctrees" / "environment.pickle", "rb") as handle:
        env = pickle.load(handle)
    return {f"{docname}.html" for docname in env.domaindata["rancang"]["aggregates"]}


def _source_texts(root: Path) -> str:
    """Every source text of the site except comment lines."""
    texts = []
    for path in [*root.glob("kb/**/*.yaml"), *root.glob("kb/**/*.md"), *root.glob("regulations/*.yaml")]:
        texts.extend(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("#"))
    return re.sub(r"\s+", " ", " ".join(texts))  # a folded YAML string may break a name across lines


def _pages_showing(outdir: Path, text: str) -> set[str]:
    return {path.relative_to(outdir).as_posix() for path in outdir.rglob("*.html") if text in page_text(path)}


def _text_files_containing(outdir: Path, text: str) -> set[str]:
    """Pages, search index and open data files that still contain ``text``."""
    found = set()
    for path in outdir.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".csv", ".txt"}:
            content = path.read_text(encoding="utf-8", errors="replace")
            if text in content or text in html.unescape(content):
                found.add(path.relative_to(outdir).as_posix())
    return found


def _renamable_record(root: Path) -> tuple[str, str]:
    """A record whose name is written nowhere but in its ``nama`` (so the old name must vanish entirely)."""
    sources = _source_texts(root)
    records = innovation_records(root)
    for record_id in ["call-center-112", *records]:
        name = records.get(record_id, {}).get("nama")
        if name and sources.count(name) == 1:
            return record_id, name
    pytest.fail("no innovation whose name appears only in its own 'nama' key")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> dict:
    """Builds a copy four times -- as is, unchanged, one record renamed, one agency renamed -- and records each."""
    root = copy_example(tmp_path_factory.mktemp("inkremental"))
    agency_users = _add_agency(root)
    outdir, _ = build_site_of(root)
    result: dict = {"root": root, "outdir": outdir, "first": _snapshot(outdir)}

    outdir, _ = build_site_of(root)  # no change
    result["second"] = _snapshot(outdir)
    result["documents"] = _documents(root)

    record_id, old = _renamable_record(root)
    result.update(record_id=record_id, old=old, new="Layanan Uji Ganti Nama",
                  showing_old=_pages_showing(outdir, old))
    path = root / "kb" / "inovasi" / f"{record_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(f"\nnama: {old}\n") == 1
    path.write_text(text.replace(f"\nnama: {old}\n", f"\nnama: {result['new']}\n"), encoding="utf-8")
    outdir, _ = build_site_of(root)
    result["third"] = _snapshot(outdir)
    result["showing_new"] = _pages_showing(outdir, result["new"])
    result["stale"] = _text_files_containing(outdir, old)
    result["profile_page"] = (outdir / f"kb/inovasi/{record_id}.html").read_text(encoding="utf-8")
    result["aggregates"] = _aggregates(root)

    outdir, _ = build_site_of(root)  # no change again
    result["fourth"] = _snapshot(outdir)

    old_agency, new_agency = AGENCY_NAMES
    result.update(old_agency=old_agency, new_agency=new_agency, agency_users=agency_users,
                  showing_old_agency=_pages_showing(outdir, old_agency))
    agencies_file = root / "kb" / "perangkat-daerah.yaml"
    text = agencies_file.read_text(encoding="utf-8")
    assert text.count(f"nama: {old_agency}\n") == 1
    agencies_file.write_text(text.replace(f"nama: {old_agency}\n", f"nama: {new_agency}\n"), encoding="utf-8")
    outdir, _ = build_site_of(root)
    result["agency_pages"] = {rid: page_text(outdir / f"kb/inovasi/{rid}.html") for rid in result["agency_users"]}
    result["showing_new_agency"] = _pages_showing(outdir, new_agency)
    result["stale_agency"] = _text_files_containing(outdir, old_agency)
    return result


AGENCY_NAMES = ("Dinas Uji Nama Lama", "Dinas Uji Nama Baru")


def _add_agency(root: Path) -> list[str]:
    """Every agency name of the example is also written in some text; a new one gives a clean test of a rename."""
    with open(root / "kb" / "perangkat-daerah.yaml", "a", encoding="utf-8") as handle:
        handle.write(f"\n- id: dinas-uji\n  nama: {AGENCY_NAMES[0]}\n")
    renamed, _name = _renamable_record(root)
    users = [record_id for record_id in innovation_records(root) if record_id != renamed][:2]
    for record_id in users:
        path = root / "kb" / "inovasi" / f"{record_id}.yaml"
        text = path.read_text(encoding="utf-8")
        if re.search(r"^perangkat_daerah:", text, re.M):
            text = re.sub(r"^perangkat_daerah:.*$", "perangkat_daerah: dinas-uji", text, count=1, flags=re.M)
        else:
            text = re.sub(r"^(nama:.*)$", r"\1\nperangkat_daerah: dinas-uji", text, count=1, flags=re.M)
        path.write_text(text, encoding="utf-8")
    assert all(r.get("perangkat_daerah") == "dinas-uji" for r in map(innovation_records(root).get, users))
    return users


def _documents(root: Path) -> set[str]:
    """The pages Sphinx writes from documents (the others -- genindex, search, facet pages -- are generated)."""
    with open(root / "_build" / ".doctrees" / "environment.pickle", "rb") as handle:
        env = pickle.load(handle)
    return {f"{docname}.html" for docname in env.found_docs}


@pytest.mark.slow
def test_a_build_without_change_rewrites_no_page_of_a_document(history):
    first, second = history["first"], history["second"]
    assert "kb/index.html" in first and "index.html" in first
    assert set(second) == set(first)
    assert _rewritten(first, second) & history["documents"] == set()
    changed = {name for name in second if first[name][1] != second[name][1]}
    # The regulations' DOCX are rebuilt by the document step (Word files carry their creation time).
    assert {name for name in changed if not name.startswith("_unduhan/")} == set()
    assert _rewritten(history["third"], history["fourth"]) & history["documents"] == set()


@pytest.mark.slow
def test_a_build_without_change_rewrites_no_generated_page(history):
    """Pages that are not documents (facet pages of the gallery, the home redirect) are kept as well."""
    generated = set(_pages(history["second"])) - history["documents"] - ALWAYS_WRITTEN
    assert _rewritten(history["first"], history["second"]) & generated == set()
    assert _rewritten(history["third"], history["fourth"]) & generated == set()


@pytest.mark.slow
def test_a_renamed_record_shows_its_new_name_everywhere_and_nowhere_else(history):
    old, new, record_id = history["old"], history["new"], history["record_id"]
    second, third = history["second"], history["third"]
    profile = f"kb/inovasi/{record_id}.html"
    showing_old, showing_new = history["showing_old"], history["showing_new"]
    assert profile in showing_old
    if "kb/galeri.html" in second:  # the gallery lists every innovation
        assert "kb/galeri.html" in showing_old
    page = history["profile_page"]
    assert re.search(rf"<title>{re.escape(new)}\b", page) and re.search(rf"<h1>{re.escape(new)}<", page)
    assert showing_new == showing_old, "the new name must appear exactly where the old one did"
    content_changed = {name for name in _pages(third) if second.get(name, (0, ""))[1] != third[name][1]}
    assert showing_old <= content_changed
    assert history["stale"] == set(), "stale name left in the site"


@pytest.mark.slow
def test_a_renamed_record_leaves_the_other_pages_alone(history):
    second, third = history["second"], history["third"]
    rewritten = _rewritten(second, third)
    content_changed = {name for name in _pages(third) if second.get(name, (0, ""))[1] != third[name][1]}
    untouched = set(_pages(third)) - history["showing_new"] - ALWAYS_WRITTEN
    assert content_changed & untouched == set(), sorted(content_changed & untouched)
    # Pages that aggregate every record are re-rendered on any record change by design (same bytes, checked
    # above); every other page that does not show the record keeps its file.
    assert rewritten & untouched <= history["aggregates"], sorted(rewritten & untouched - history["aggregates"])


@pytest.mark.slow
def test_a_renamed_agency_reaches_every_profile_that_names_it(history):
    old_agency, new_agency = history["old_agency"], history["new_agency"]
    assert history["agency_users"]
    assert {f"kb/inovasi/{rid}.html" for rid in history["agency_users"]} <= history["showing_old_agency"]
    for rid, text in history["agency_pages"].items():
        assert new_agency in text, rid
    assert history["showing_new_agency"] == history["showing_old_agency"]
    assert history["stale_agency"] == set(), "stale agency name left in the site"


# -- search ------------------------------------------------------------------------------------------------------


def _documents_containing(site: Path, pattern: str) -> set[str]:
    regex = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)
    # The gallery's generated pages (galeri/...) list cards of profiles: not indexed, their profiles are.
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")
            if path.relative_to(site).parts[0] not in ("_static", "galeri", "search.html", "genindex.html")
            and 'role="main"' in path.read_text(encoding="utf-8") and regex.search(main_text(path))}


def test_search_index_uses_indonesian_stems(site):
    found, pages = site_index(site)

    # pelayanan and layanan are one term, found in every page that has either word.
    assert terms("pelayanan") == terms("layanan") == ["layan"]
    assert "pelayanan" not in found and "layanan" not in found
    either = _documents_containing(site, "pelayanan|layanan")
    # the gallery's cards and category lists are not indexed (the profiles they show are)
    assert "kb/galeri.html" not in found["layan"]
    assert either and either - {"kb/galeri.html"} <= found["layan"]

    # Every page in the index is a page of the site, with its title.
    for url, page in pages.items():
        assert (site / url).is_file(), url
        assert page["j"] and page["j"] in main_text(site / url), url

    # No words glued together by markup ("<dt>Inovasi</dt><dd>6</dd>" read as "inovasi6").
    glued = sorted(term for term in found if re.search(r"[^\W\d_]{2}\d+[^\W\d_]{2}", term))
    assert glued == [], f"words glued together in the search index: {glued[:15]}"

    # peraturan -> atur; Indonesian function words are not terms; English stemming is not used.
    assert terms("peraturan") == ["atur"]
    assert _documents_containing(site, "peraturan") <= found["atur"]
    assert "inovasi" in found
    assert "yang" not in found and "dan" not in found

    # Words ending in -kan lose the suffix (and their prefixes).
    words = set()
    for url in pages:
        words |= {w.lower() for w in re.findall(r"\w+", main_text(site / url))}
    kan = {w: terms(w) for w in words if w.endswith("kan") and len(w) > 6}
    stemmed = {w: t[0] for w, t in kan.items() if len(t) == 1 and t[0] != w and len(t[0]) >= 3}
    assert stemmed, "the example has no word ending in -kan"
    for word, stem in stemmed.items():
        assert stem in found, (word, stem)
        assert word not in found, word
    assert "diselenggarakan" not in stemmed or stemmed["diselenggarakan"] == "selenggara"

    # The browser stems queries with the same Snowball Indonesian stemmer (test_search_browser_terms20).
    assert "IndonesianStemmer" in (site / "_cari" / "akar.js").read_text(encoding="utf-8")
    assert not (site / "searchindex.js").exists()


# -- no external requests ----------------------------------------------------------------------------------------

_EXTERNAL = r"""(?:https?:)?//"""
_HTML_RESOURCE = re.compile(
    rf"""<(script|link|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*?"""
    rf"""\b(src|href|srcset|data|poster)\s*=\s*["']?\s*{_EXTERNAL}""", re.I | re.S)
_CSS_URL = re.compile(rf"""(url\(\s*["']?\s*{_EXTERNAL}|@import\s+["']{_EXTERNAL})""", re.I)
_JS_REQUEST = re.compile(
    rf"""(\.src\s*=\s*["'`]{_EXTERNAL}|fetch\(\s*["'`]{_EXTERNAL}|import\s*\(?\s*["'`]{_EXTERNAL}"""
    rf"""|\bfrom\s+["'`]{_EXTERNAL}|XMLHttpRequest[^;]*open\([^)]*["'`]{_EXTERNAL})""", re.I)


def test_site_makes_no_external_requests(site):
    problems = []
    pages = list(site.rglob("*.html"))
    assert len(pages) > 5
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        shown = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            problems += [f"{shown}: {m.group(0)[:120]}" for m in _HTML_RESOURCE.finditer(text)]
            for style in re.findall(r"<style\b.*?</style>|\bstyle\s*=\s*\"[^\"]*\"", text, re.S | re.I):
                problems += [f"{shown}: {m.group(0)}" for m in _CSS_URL.finditer(style)]
        elif path.suffix == ".css":
            problems += [f"{shown}: {m.group(0)}" for m in _CSS_URL.finditer(path.read_text(encoding="utf-8"))]
        elif path.suffix == ".js":
            text = path.read_text(encoding="utf-8")
            problems += [f"{shown}: {m.group(0)[:120]}" for m in _JS_REQUEST.finditer(text)]
            problems += [f"{shown}: {m.group(0)}" for m in _CSS_URL.finditer(text)]
    assert problems == []
    # Links to the sources of a profile are allowed (and present): they are followed only when clicked.
    assert any(re.search(r'<a [^>]*href="https://', p.read_text(encoding="utf-8")) for p in pages)


# -- rancang serve -----------------------------------------------------------------------------------------------


SERVE_HANG_GUARD = 180
"""Wall seconds after which `rancang serve` is taken to hang (it answers within seconds): a guard, not a bound."""


@pytest.mark.slow
def test_serve_rebuilds_the_served_site_when_a_record_changes(tmp_path):
    import queue
    import signal
    import subprocess
    import sys
    import threading
    import time
    import urllib.request

    root = copy_example(tmp_path / "proyek")
    record_id, old = _renamable_record(root)
    new = "Layanan Uji Server Lokal"
    process = subprocess.Popen([sys.executable, "-m", "rancang", "-C", str(root), "serve", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    lines: queue.Queue[str] = queue.Queue()
    output: list[str] = []
    threading.Thread(target=lambda: [lines.put(line.rstrip("\n")) for line in process.stdout], daemon=True).start()

    def wait_for(pattern: str) -> re.Match:
        deadline = time.monotonic() + SERVE_HANG_GUARD
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                assert process.poll() is None, "\n".join(output)
                continue
            output.append(line)
            if match := re.search(pattern, line):
                return match
        pytest.fail(f"rancang serve hangs: no line matching {pattern!r} after {SERVE_HANG_GUARD} s:\n"
                    + "\n".join(output))

    def fetch(url: str) -> str:
        with urllib.request.urlopen(url, timeout=SERVE_HANG_GUARD) as response:
            assert response.status == 200
            return response.read().decode("utf-8")

    try:
        base = wait_for(r"Situs disajikan di (http://127\.0\.0\.1:\d+/)").group(1)
        assert "kb/index.html" in fetch(base)  # the home redirect
        assert "Direktori Inovasi" in fetch(base + "kb/index.html")
        profile = f"{base}kb/inovasi/{record_id}.html"
        assert f"<title>{old}" in fetch(profile)

        path = root / "kb" / "inovasi" / f"{record_id}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(f"\nnama: {old}\n", f"\nnama: {new}\n"),
                        encoding="utf-8")
        deadline = time.monotonic() + SERVE_HANG_GUARD
        while f"<title>{new}" not in fetch(profile):
            if time.monotonic() > deadline:
                pytest.fail(f"rancang serve hangs: the profile still shows the old name after {SERVE_HANG_GUARD} s")
            time.sleep(0.25)
        wait_for(rf"Berubah: kb/inovasi/{record_id}\.yaml\. Membangun ulang")
        wait_for(r"Situs diperbarui dalam [\d,]+ detik\.")

        process.send_signal(signal.SIGINT)  # Ctrl+C
        wait_for(r"^Dihentikan\.$")
        assert process.wait(timeout=SERVE_HANG_GUARD) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.slow
def test_download_links_follow_the_documents(tmp_path):
    """A PDF made after the site was built appears as a download on the next (incremental) build."""
    root = copy_example(tmp_path)
    outdir, _ = build_site_of(root)
    page = outdir / "regulations/perwali-inovasi-daerah.html"
    assert "perwali-inovasi-daerah.pdf" not in page.read_text(encoding="utf-8")
    (root / "_build/dokumen/perwali-inovasi-daerah.pdf").write_bytes(b"%PDF-1.4 uji")
    (root / "_build/dokumen/dprd-pangkep-2021-bahan.pdf").write_bytes(b"%PDF-1.4 uji")
    build_site_of(root, documents=False)  # the site again, the documents (and their PDFs) left as they are
    assert "../_unduhan/perwali-inovasi-daerah.pdf" in page.read_text(encoding="utf-8")
    assert "dprd-pangkep-2021-bahan.pdf" in (outdir / "kb/kunjungan.html").read_text(encoding="utf-8")
    assert (outdir / "_unduhan/perwali-inovasi-daerah.pdf").read_bytes() == b"%PDF-1.4 uji"
