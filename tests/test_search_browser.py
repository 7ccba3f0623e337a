"""The site's search page in headless Chromium (selenium), as a reader uses it: from ``file://`` and over HTTP.

The page's contract (``docs/cari.md``): ``search.html?q=...`` at the site root; the form
``#rancang-cari-form`` with the field ``#rancang-cari-kata`` (typing and Enter search without reloading the
page, the address keeps ``?q=``); the status ``#rancang-cari-status`` (``data-status`` memuat, selesai or galat,
``data-jumlah``, Indonesian text); the results ``#rancang-cari-hasil li.rancang-hasil[data-halaman]``, each with
its title link ``a.rancang-hasil-judul``, its kind ``.rancang-hasil-jenis`` and its snippet
``p.rancang-hasil-cuplikan`` with ``<mark>``; ten a time, ``#rancang-cari-lagi`` for the next ten. Every page
has the sidebar box (a form to ``search.html`` with a field ``q``).

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); skipped only when they are
missing. The HTTP server is a thread of this process (``http.server``), serving the built folder as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlparse

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from support import build_site_of, chromium, copy_example, needs_browser
from test_site_build import main_text

WAIT = 120
"""Wall seconds after which the page is taken to hang (a guard, not a bound)."""

ENGINE = Path(__file__).resolve().parents[1] / "src" / "rancang" / "site" / "static" / "rancang-cari.js"
"""The search page's script: until it is in the tree (issue 20), the page has Sphinx's search, not this contract."""

pytestmark = [needs_browser, pytest.mark.slow,
              pytest.mark.skipif(not ENGINE.is_file(), reason="mesin pencari rancang (rancang-cari.js) belum ada")]

PROFILE = "berdaya-srikandi-oleh-srikandi"
CASE_STUDY = "kb/studi-kasus/berdaya-srikandi"
REGULATION = "regulations/perwali-inovasi-daerah"

VARIANTS = (("izin", "ijin"), ("perizinan", "perijinan"), ("sistem", "sistim"), ("kerja sama", "kerjasama"),
            ("praktik", "praktek"))
"""Spelling variants of Indonesian administration (issue 20): the standard form, then the one also written."""

STANDARD = """\
nama: Gerai Perizinan Terpadu
ringkasan: >-
  Warga di desa mengurus izin usaha lewat sistem antrean di kantor kecamatan. Gerai ini hasil kerja sama
  kecamatan dengan dinas perizinan dan meniru praktik baik daerah tetangga.
bentuk: pelayanan_publik
"""
"""A profile written in the standard forms (added to a copy of the example for the variant test only)."""

VARIANT = """\
nama: Jemput Bola Perijinan Keliling
ringkasan: >-
  Atas desakan pelaku usaha, petugas keliling mengantar ijin keramaian dengan sistim jemput bola. Layanan ini
  hasil kerjasama kelurahan dan meniru praktek baik kota lain.
bentuk: pelayanan_publik
"""
"""The same words in the variants; "desakan" (pressure) must not answer "desa" (village)."""


# -- fixtures ---------------------------------------------------------------------------------------------------


class Site:
    """A built site and the address it is opened at (``file://`` or ``http://``), ending with a slash."""

    def __init__(self, folder: Path, base: str) -> None:
        self.folder, self.base = folder, base

    def url(self, page: str, query: str | None = None) -> str:
        return self.base + page + (f"?q={quote(query)}" if query is not None else "")

    def file_of(self, href: str) -> Path:
        """The file a link of this site points to (an absolute address, as the browser resolves it)."""
        assert href.startswith(self.base), (href, self.base)
        return self.folder / unquote(urlparse(href).path[len(urlparse(self.base).path):])


@pytest.fixture(scope="module", params=["file", "http"])
def site(request, example_build):
    """The session's build of the example (conftest.py), opened from file:// and then over HTTP."""
    folder = example_build.site
    if request.param == "file":
        yield Site(folder, folder.as_uri() + "/")
        return
    with chromium.served(folder) as base:
        yield Site(folder, base)


@pytest.fixture(scope="module")
def variant_site(tmp_path_factory) -> Site:
    """The example with two more profiles, one in the standard spellings and one in the variants (file://)."""
    root = copy_example(tmp_path_factory.mktemp("varian") / "proyek")
    (root / "kb" / "inovasi" / "gerai-perizinan-terpadu.yaml").write_text(STANDARD, encoding="utf-8")
    (root / "kb" / "inovasi" / "jemput-bola-perijinan.yaml").write_text(VARIANT, encoding="utf-8")
    folder, _ = build_site_of(root, documents=False)
    return Site(folder, folder.as_uri() + "/")


# -- reading the page -------------------------------------------------------------------------------------------


def _errors(driver) -> list[str]:
    """JavaScript errors logged since the last call (the site has no favicon: its 404 over HTTP is no error)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "/favicon.ico " not in entry["message"]]


def _status(driver) -> dict:
    return driver.execute_script(
        "var s = document.getElementById('rancang-cari-status');"
        "return s ? {status: s.getAttribute('data-status'), jumlah: s.getAttribute('data-jumlah'),"
        "            text: s.textContent} : {status: null, jumlah: null, text: ''};")


def _wait_done(driver, query: str) -> dict:
    """The status once the page says ``selesai`` for this query (its text names the query)."""
    def done(d):
        state = _status(d)
        assert state["status"] != "galat", state
        return state if state["status"] == "selesai" and query in state["text"] else False

    return WebDriverWait(driver, WAIT).until(done)


def _results(driver) -> list[dict]:
    """The results in order: page (data-halaman), title, link (absolute), kind, snippet text and its marks."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('#rancang-cari-hasil li.rancang-hasil')).map(function (li) {
            var a = li.querySelector('a.rancang-hasil-judul'), kind = li.querySelector('.rancang-hasil-jenis'),
                snippet = li.querySelector('p.rancang-hasil-cuplikan');
            return {page: li.getAttribute('data-halaman'), title: a ? a.textContent.trim() : null,
                    href: a ? a.href : null, kind: kind ? kind.textContent.trim() : null,
                    snippet: snippet ? snippet.textContent : null,
                    marks: snippet ? Array.from(snippet.querySelectorAll('mark')).map(function (m) {
                        return m.textContent; }) : []};
        });""")


def _search(driver, site: Site, query: str) -> tuple[dict, list[dict]]:
    """Open ``search.html?q=query`` and wait for its results."""
    driver.get(site.url("search.html", query))
    return _wait_done(driver, query), _results(driver)


def _pages(results: list[dict]) -> list[str]:
    return [r["page"] for r in results]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _record(site: Site, record_id: str) -> dict:
    root = site.folder.parents[1]
    return yaml.safe_load((root / "kb" / "inovasi" / f"{record_id}.yaml").read_text(encoding="utf-8"))


# -- the example ------------------------------------------------------------------------------------------------


def test_typing_a_query_and_enter_shows_the_profile_first(browser, site):
    _errors(browser)
    browser.get(site.url("search.html"))
    form = browser.find_element(By.ID, "rancang-cari-form")
    field = form.find_element(By.ID, "rancang-cari-kata")
    assert field.get_attribute("name") == "q" and field.get_attribute("type") == "search"
    browser.execute_script("window.rancangTandaUji = 'halaman yang sama';")
    field.clear()
    field.send_keys("srikandi", Keys.ENTER)
    state = _wait_done(browser, "srikandi")
    # Searched in place: the page was not reloaded, and the address says what was searched.
    assert browser.execute_script("return window.rancangTandaUji") == "halaman yang sama"
    assert parse_qs(urlparse(browser.current_url).query).get("q") == ["srikandi"]

    results = _results(browser)
    # Both pages with "Srikandi" in their title come first: the profile and its case study.
    assert set(_pages(results)[:2]) == {f"kb/inovasi/{PROFILE}", CASE_STUDY}, _pages(results)
    profile = next(r for r in results if r["page"] == f"kb/inovasi/{PROFILE}")
    assert profile["title"] == _record(site, PROFILE)["nama"]
    assert profile["kind"] == "Profil inovasi"
    assert next(r for r in results if r["page"] == CASE_STUDY)["kind"] in ("Studi kasus", "Halaman")
    # Every result links to a page of the site that exists.
    for result in results:
        target = site.file_of(result["href"])
        assert target.is_file(), result
        assert target.relative_to(site.folder).with_suffix("").as_posix() == result["page"], result

    # Indonesian status: how many pages, for which words.
    jumlah = int(state["jumlah"])
    assert jumlah >= len(results) >= 2
    assert re.search(rf"\b{jumlah}\b", state["text"]) and "halaman" in state["text"].lower(), state
    assert _errors(browser) == []

    # The title link opens the profile.
    browser.find_element(By.CSS_SELECTOR, f"li.rancang-hasil[data-halaman='kb/inovasi/{PROFILE}'] a").click()
    WebDriverWait(browser, WAIT).until(lambda d: urlparse(d.current_url).path.endswith(f"{PROFILE}.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(profile["title"])


def test_the_snippet_marks_the_word_in_the_profile_text(browser, site):
    _, results = _search(browser, site, "perempuan pesisir")
    profile = next((r for r in results[:5] if r["page"] == f"kb/inovasi/{PROFILE}"), None)
    assert profile, _pages(results)
    marks = [m.lower() for m in profile["marks"]]
    assert any("pesisir" in m for m in marks) and any("perempuan" in m for m in marks), profile
    # The snippet is taken from the profile's own text (its main content), never from navigation or sidebar.
    text = _flat(main_text(site.file_of(profile["href"])))
    pieces = [_flat(p) for p in re.split(r"…|\.\.\.", profile["snippet"]) if len(_flat(p)) >= 12]
    assert pieces, profile["snippet"]
    for piece in pieces:
        assert piece in text, (piece, profile["snippet"])
    for navigation in ("Beranda", "Cari di situs ini", "Galeri Ringkasan"):
        assert navigation not in profile["snippet"]
    assert _errors(browser) == []


def test_navigation_words_find_nothing_and_say_so(browser, site):
    """"Beranda" is only in the navigation of every page: kept out of the index, it finds no page."""
    for query in ("beranda", "zqxwv"):
        state, results = _search(browser, site, query)
        assert results == [], (query, _pages(results))
        assert state["jumlah"] == "0", state
        assert "tidak" in state["text"].lower() and query in state["text"], state
    assert _errors(browser) == []


def test_spelling_variant_in_the_example_finds_the_regulation(browser, site):
    """The draft Perwali says "sistem pengukuran"; a reader types "sistim"."""
    _, standard = _search(browser, site, "sistem pengukuran")
    _, variant = _search(browser, site, "sistim pengukuran")
    assert REGULATION in _pages(variant)[:3], _pages(variant)
    assert _pages(variant) == _pages(standard)
    regulation = next(r for r in variant if r["page"] == REGULATION)
    assert regulation["kind"] == "Peraturan"
    assert any(m.lower().startswith("sistem") for m in regulation["marks"]), regulation


def test_ten_results_then_the_next_ten(browser, site):
    state, results = _search(browser, site, "inovasi")
    jumlah = int(state["jumlah"])
    assert jumlah > 10, state
    assert len(results) == 10
    more = browser.find_element(By.ID, "rancang-cari-lagi")
    assert more.is_displayed() and more.text.strip() == "Tampilkan 10 hasil berikutnya"
    more.click()
    WebDriverWait(browser, WAIT).until(lambda d: len(_results(d)) == min(20, jumlah))
    again = _results(browser)
    assert _pages(again)[:10] == _pages(results) and len(set(_pages(again))) == len(again)
    assert _errors(browser) == []


def test_the_sidebar_box_of_a_profile_searches(browser, site):
    browser.get(site.url(f"kb/inovasi/{PROFILE}.html"))
    field = browser.find_element(By.CSS_SELECTOR, "form[action$='search.html'] input[name='q']")
    field.send_keys("kantong kreatif", Keys.ENTER)
    WebDriverWait(browser, WAIT).until(lambda d: urlparse(d.current_url).path.endswith("/search.html"))
    _wait_done(browser, "kantong kreatif")
    assert _pages(_results(browser))[0] == "kb/inovasi/kantong-kreatif"


# -- spelling variants (the example with two more profiles) -----------------------------------------------------


@pytest.mark.parametrize("standard, variant", VARIANTS)
def test_spelling_variants_find_each_other(browser, variant_site, standard, variant):
    both = {"kb/inovasi/gerai-perizinan-terpadu", "kb/inovasi/jemput-bola-perijinan"}
    for query in (standard, variant):
        _, results = _search(browser, variant_site, query)
        assert both <= set(_pages(results)), (query, _pages(results))
    assert _errors(browser) == []


def test_desa_does_not_find_desakan(browser, variant_site):
    _, results = _search(browser, variant_site, "desa")
    assert "kb/inovasi/gerai-perizinan-terpadu" in _pages(results)
    assert "kb/inovasi/jemput-bola-perijinan" not in _pages(results)
