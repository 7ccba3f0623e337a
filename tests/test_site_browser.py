"""The built site in headless Chromium (selenium): gallery facets, links, search, screenshots.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); skipped only when they
are missing. Pages are opened from ``file://``, as a reader who downloaded the site would.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from support import needs_browser
from test_site_build import innovation_records, page_text

SHOTS = Path("/tmp/rancang-shots")
WAIT = 120
"""Wall seconds after which the page is taken to hang, for anything it does after loading (a guard, not a bound)."""

pytestmark = [needs_browser, pytest.mark.slow]

FACETS = {"tahapan": "penerapan", "bentuk": "pelayanan_publik"}
"""The two facets chosen in the gallery: YAML key and value (the same as the URL's)."""

PROFILE_WITH_REGULATION = "direktori-inovasi"
REGULATION = "perwali-inovasi-daerah"


@pytest.fixture(scope="module")
def site(example_build) -> Path:
    """The session's build of the example (conftest.py), whose profile PROFILE_WITH_REGULATION cites REGULATION."""
    record = example_build.root / "kb" / "inovasi" / f"{PROFILE_WITH_REGULATION}.yaml"
    assert REGULATION in str(yaml.safe_load(record.read_text(encoding="utf-8")).get("dasar_hukum"))
    return example_build.site


def _url(site: Path, page: str, query: str = "") -> str:
    return (site / page).as_uri() + (f"?{query}" if query else "")


def _page_of(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def _errors(driver) -> list[str]:
    """JavaScript errors logged since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


# -- gallery -----------------------------------------------------------------------------------------------------


def _open_gallery(driver, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, WAIT).until(  # the script shows the controls once it has read the URL
        lambda d: d.find_element(By.CSS_SELECTOR, ".rancang-facets").is_displayed())


def _visible_innovations(driver) -> list[str]:
    """Innovation cards without the ``hidden`` attribute, checked against what the browser really shows. Read in
    one script call: the gallery's script may replace the cards between two calls of a driver (a stale
    element)."""
    rows = driver.execute_script(
        "return Array.from(document.querySelectorAll('div.rancang-kartu[data-inovasi]'))"
        ".filter(function (c) { return !c.hasAttribute('data-studi-kasus'); })"
        ".map(function (c) { return [c.getAttribute('data-inovasi'), c.hasAttribute('hidden'),"
        " c.getClientRects().length > 0]; });")
    shown = []
    for record_id, hidden, displayed in rows:
        assert displayed is not hidden, f"{record_id}: hidden={hidden}"
        if not hidden:
            shown.append(record_id)
    return shown


def test_gallery_facets_filter_the_cards_and_live_in_the_url(browser, site):
    records = innovation_records(site.parents[1])
    expected = sorted(rid for rid, record in records.items()
                      if all(record.get(key) == value for key, value in FACETS.items()))
    assert expected and len(expected) < len(records), "the chosen facets should select some, not all"

    _open_gallery(browser, _url(site, "kb/galeri.html"))
    assert sorted(_visible_innovations(browser)) == sorted(records)
    assert browser.find_element(By.ID, "rancang-jumlah").text == f"{len(records)} inovasi"
    # The cards carry the record's values (the DOM contract of the gallery).
    for card in browser.find_elements(By.CSS_SELECTOR, "div.rancang-kartu[data-inovasi]:not([data-studi-kasus])"):
        record = records[card.get_attribute("data-inovasi")]
        for key in FACETS:
            assert card.get_attribute(f"data-{key}") == (record.get(key) or ""), (record["nama"], key)

    for name, value in FACETS.items():
        Select(browser.find_element(By.CSS_SELECTOR, f"select.rancang-facet[name='{name}']")).select_by_value(value)
    assert sorted(_visible_innovations(browser)) == expected
    assert browser.find_element(By.ID, "rancang-jumlah").text == f"{len(expected)} inovasi"
    query = parse_qs(urlparse(browser.current_url).query)
    assert {name: query.get(name) for name in FACETS} == {name: [value] for name, value in FACETS.items()}
    # A case-study card stays only when one of its innovations does.
    for card in browser.find_elements(By.CSS_SELECTOR, "div.rancang-kartu[data-studi-kasus]"):
        related = set(card.get_attribute("data-inovasi").split("|"))
        assert (card.get_attribute("hidden") is None) == bool(related & set(expected))
    assert _errors(browser) == []

    # The address restores the filter.
    address = browser.current_url
    browser.get("about:blank")
    _open_gallery(browser, address)
    for name, value in FACETS.items():
        select = Select(browser.find_element(By.CSS_SELECTOR, f"select.rancang-facet[name='{name}']"))
        assert select.first_selected_option.get_attribute("value") == value
    assert sorted(_visible_innovations(browser)) == expected
    assert browser.find_element(By.ID, "rancang-jumlah").text == f"{len(expected)} inovasi"

    # "Semua" on both controls shows every card again.
    for name in FACETS:
        Select(browser.find_element(By.CSS_SELECTOR, f"select.rancang-facet[name='{name}']")).select_by_value("")
    assert sorted(_visible_innovations(browser)) == sorted(records)
    assert not set(FACETS) & set(parse_qs(urlparse(browser.current_url).query))


# -- links -------------------------------------------------------------------------------------------------------


def test_profile_links_to_its_regulation(browser, site):
    from rancang.check import check_project
    from rancang.present.titles import regulation_title

    checked = check_project(site.parents[1])
    data = checked.data
    regulation = data.regulations[REGULATION]
    title = regulation_title(data.settings, regulation)
    assert title == "Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah"

    browser.get(_url(site, f"kb/inovasi/{PROFILE_WITH_REGULATION}.html"))
    link = browser.find_element(By.CSS_SELECTOR, f"a[href$='regulations/{REGULATION}.html']")
    link.click()
    WebDriverWait(browser, WAIT).until(lambda d: d.current_url.split("?")[0].endswith(f"regulations/{REGULATION}.html"))
    assert browser.title.startswith(title), browser.title
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(title)
    article = browser.find_element(By.ID, "pasal-15")
    assert "Pasal 15" in article.text
    assert _errors(browser) == []


# -- search ------------------------------------------------------------------------------------------------------


def searched_text(path: Path) -> str:
    """A page's text without the sections kept out of the search index (``no-search``: the profile's Kesiapan IID
    list, which names the same twenty indicators on every profile)."""
    text = re.sub(r'<section\b[^>]*class="[^"]*\bno-search\b[^"]*"[^>]*>.*?</section>', " ",
                  path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).lower()


def test_search_for_layanan_finds_pages_that_say_pelayanan(browser, site):
    browser.get(_url(site, "search.html", "q=layanan"))
    try:
        WebDriverWait(browser, WAIT).until(
            lambda d: d.find_element(By.ID, "rancang-cari-status").get_attribute("data-status") == "selesai")
    except TimeoutException:
        pytest.fail(f"no search results: {browser.find_element(By.ID, 'rancang-cari-status').text!r}")
    status = browser.find_element(By.ID, "rancang-cari-status")
    total = int(status.get_attribute("data-jumlah"))
    while browser.find_element(By.ID, "rancang-cari-lagi").is_displayed():  # every result, ten at a time
        shown = len(browser.find_elements(By.CSS_SELECTOR, "#rancang-cari-hasil li a"))
        browser.find_element(By.ID, "rancang-cari-lagi").click()
        WebDriverWait(browser, WAIT).until(
            lambda d: len(d.find_elements(By.CSS_SELECTOR, "#rancang-cari-hasil li a")) > shown
            and d.find_element(By.ID, "rancang-cari-status").get_attribute("data-status") == "selesai")
    links = browser.find_elements(By.CSS_SELECTOR, "#rancang-cari-hasil li a.rancang-hasil-judul")
    assert len(links) == total and f"{total} halaman memuat kata «layanan»" in status.text
    results = {_page_of(a.get_attribute("href")).resolve() for a in links}
    texts = {path: page_text(path).lower() for path in results if path.suffix == ".html"}
    assert any("pelayanan" in text for text in texts.values()), sorted(map(str, results))
    # Pages that say only "pelayanan" (never "layanan") in what is searched are found through the stem alone.
    only_pelayanan = {path for path in site.rglob("*.html")
                      if path.parent.name == "inovasi" and re.search(r"\bpelayanan\b", searched_text(path))
                      and not re.search(r"\blayanan\b", searched_text(path))}
    assert only_pelayanan and {path.resolve() for path in only_pelayanan} <= results
    assert _errors(browser) == []


# -- screenshots ------------------------------------------------------------------------------------------------


def _screenshot(driver, path: Path, width: int) -> int:
    """A full-page screenshot at ``width`` CSS pixels; returns the page's scroll width."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return window.innerWidth") == width)
    height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 8000), "scale": 1}})
    import base64

    path.write_bytes(base64.b64decode(shot["data"]))
    return scroll_width


def test_screenshots_at_desktop_and_phone_width(browser, site, tmp_path):
    pages = {"beranda": "kb/index.html", "galeri": "kb/galeri.html",
             "profil": f"kb/inovasi/{PROFILE_WITH_REGULATION}.html"}
    SHOTS.mkdir(parents=True, exist_ok=True)
    widths = {}
    try:
        for width in (1280, 390):
            for name, page in pages.items():
                browser.get(_url(site, page))
                target = tmp_path / f"{name}-{width}.png"
                widths[target.name] = _screenshot(browser, target, width)
                assert target.stat().st_size > 5000
                shutil.copy2(target, SHOTS / target.name)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(f"screenshots: {SHOTS} (scroll widths: {widths})")
    # At phone width nothing forces the reader to scroll sideways.
    assert {name: w for name, w in widths.items() if name.endswith("-390.png") and w > 390} == {}


# -- paginated gallery -------------------------------------------------------------------------------------------


def _counter(driver) -> str:
    return driver.find_element(By.ID, "rancang-jumlah").text


def _card_markup(driver, record_id: str) -> str:
    """The card as the browser holds it (white space included: the script clones the server's template)."""
    return driver.execute_script(
        "return document.querySelector('div.rancang-kartu[data-inovasi=\"' + arguments[0] + '\"]').outerHTML",
        record_id)


def test_paginated_gallery_filters_every_record_not_only_the_first_page(browser, paginated_site):
    from rancang.check import check_project
    from rancang.site import gallery
    from test_site_gallery_pages import PAGE_SIZE

    root, out = paginated_site.root, paginated_site.site  # built once per session (conftest.py)
    checked = check_project(root)
    data, _ = checked.data, checked.report
    prepared = gallery.prepare(data)
    order = prepared.order
    # A stage whose innovations fill more than one page, most of them beyond the gallery's first page.
    item = max(prepared.catalogue["tahapan"], key=lambda i: len(set(i.innovations) - set(order[:PAGE_SIZE])))
    members = item.innovations
    assert len(members) > PAGE_SIZE and set(members[:PAGE_SIZE]) - set(order[:PAGE_SIZE])

    _errors(browser)  # forget what earlier tests left in the log
    _open_gallery(browser, _url(out, "kb/galeri.html"))
    assert _visible_innovations(browser) == order[:PAGE_SIZE]
    assert _counter(browser) == f"{len(order)} inovasi"
    # The first page's cards, as the server wrote them: with and without a kind, a summary, an agency.
    first_cards = {record_id: _card_markup(browser, record_id) for record_id in order[:PAGE_SIZE]}
    assert len(set(first_cards.values())) == PAGE_SIZE and 'data-jenis=""' in "".join(first_cards.values())
    # The index is loaded only when the reader uses a control.
    assert _index_files(browser) == []

    Select(browser.find_element(By.CSS_SELECTOR, "select.rancang-facet[name='tahapan']")).select_by_value(item.value)
    WebDriverWait(browser, WAIT).until(lambda d: _counter(d) == f"{len(members)} inovasi")
    assert _visible_innovations(browser) == members[:PAGE_SIZE]
    pages = -(-len(members) // PAGE_SIZE)
    nav = browser.find_element(By.CSS_SELECTOR, "nav.rancang-halaman")
    assert nav.find_element(By.CLASS_NAME, "rancang-halaman-posisi").text == f"Halaman 1 dari {pages}"
    for card in browser.find_elements(By.CSS_SELECTOR, "div.rancang-kartu:not([data-studi-kasus])"):
        assert card.get_attribute("data-tahapan") == item.value
        link = card.find_element(By.CSS_SELECTOR, ".rancang-kartu-judul a")
        assert link.text == data.innovations[card.get_attribute("data-inovasi")].name
        assert _page_of(link.get_attribute("href")) == out / "kb" / "inovasi" / f"{card.get_attribute('data-inovasi')}.html"
    assert parse_qs(urlparse(browser.current_url).query) == {"tahapan": [item.value]}

    # The next page of the filtered cards, in the address as well.
    nav.find_element(By.CSS_SELECTOR, "a.rancang-halaman-berikutnya").click()
    WebDriverWait(browser, WAIT).until(lambda d: _visible_innovations(d) == members[PAGE_SIZE:2 * PAGE_SIZE])
    assert browser.find_element(By.CSS_SELECTOR, "nav.rancang-halaman .rancang-halaman-posisi").text == \
        f"Halaman 2 dari {pages}"
    assert parse_qs(urlparse(browser.current_url).query) == {"tahapan": [item.value], "halaman": ["2"]}
    assert _counter(browser) == f"{len(members)} inovasi"
    # Case-study cards are on the first page only.
    assert all(card.get_attribute("hidden") is not None
               for card in browser.find_elements(By.CSS_SELECTOR, "div.rancang-kartu[data-studi-kasus]"))

    # The address restores filter and page.
    address = browser.current_url
    browser.get("about:blank")
    _open_gallery(browser, address)
    WebDriverWait(browser, WAIT).until(lambda d: _visible_innovations(d) == members[PAGE_SIZE:2 * PAGE_SIZE])
    assert _counter(browser) == f"{len(members)} inovasi"

    # Two facets at once.
    agency = next(a for a in prepared.catalogue["perangkat-daerah"] if set(a.innovations) & set(members))
    both = [r for r in members if r in set(agency.innovations)]
    Select(browser.find_element(By.CSS_SELECTOR, "select.rancang-facet[name='perangkat-daerah']")).select_by_value(
        agency.value)
    WebDriverWait(browser, WAIT).until(lambda d: _counter(d) == f"{len(both)} inovasi")
    assert _visible_innovations(browser) == both[:PAGE_SIZE]
    assert "halaman" not in parse_qs(urlparse(browser.current_url).query)

    # "Hapus filter": every record again, the first page built by the script like the server's.
    browser.find_element(By.CSS_SELECTOR, "button.rancang-hapus-filter").click()
    WebDriverWait(browser, WAIT).until(lambda d: _counter(d) == f"{len(order)} inovasi")
    assert _visible_innovations(browser) == order[:PAGE_SIZE]
    assert {record_id: _card_markup(browser, record_id) for record_id in order[:PAGE_SIZE]} == first_cards
    last = browser.find_elements(By.CSS_SELECTOR, "nav.rancang-halaman a.rancang-halaman-nomor")[-1]
    assert last.text == str(-(-len(order) // PAGE_SIZE))
    last.click()
    WebDriverWait(browser, WAIT).until(lambda d: _visible_innovations(d) == order[-(len(order) % PAGE_SIZE or
                                                                                     PAGE_SIZE):])
    assert _errors(browser) == []


def _index_files(driver) -> list[str]:
    """The keys of the index files the page loaded (rancang-galeri.js marks their script elements)."""
    return driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('script[data-rancang-indeks]'),"
        " function (s) { return s.getAttribute('data-rancang-indeks'); })")


def _matching(driver, chosen: list[tuple[str, str]]) -> list[int] | None:
    """The positions rancang-galeri.js finds for a filter (its own decoding and intersection)."""
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "var folder = document.querySelector('.rancang-facets').getAttribute('data-indeks');"
        "window.rancangGaleri.cocok(folder, arguments[0].map(function (c) { return {name: c[0], value: c[1]}; }),"
        " done);", [list(pair) for pair in chosen])


def test_the_script_filters_every_value_and_every_pair_as_the_records_say(browser, paginated_site):
    """The script's decoding of the position lists and its intersection, for every facet value and every pair
    of values of two facets, against the records' own values."""
    import itertools

    from rancang.check import check_project
    from test_site_gallery_pages import truth

    data = check_project(paginated_site.root).data
    order, having = truth(data)
    _errors(browser)
    browser.get(_url(paginated_site.site, "kb/galeri.html"))
    keys = sorted(having)
    for key in keys:
        assert [order[p] for p in _matching(browser, [key])] == [r for r in order if r in having[key]], key
    for first, second in itertools.combinations(keys, 2):
        if first[0] != second[0]:
            expected = [r for r in order if r in having[first] and r in having[second]]
            assert [order[p] for p in _matching(browser, [first, second])] == expected, (first, second)
    assert _errors(browser) == []


@pytest.fixture(scope="module")
def served(paginated_site):
    """The paginated site over HTTP (a static server on the loopback)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(paginated_site.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("where", ["file", "http"])
def test_two_facets_on_page_two_load_only_what_the_page_shows(browser, paginated_site, served, where):
    """From file:// and over HTTP: the address of a two-facet filter on its second page shows the right cards
    and count, having loaded the index's entry, the two values' lists and the chunks of those cards only."""
    from rancang.check import check_project
    from rancang.site import gallery
    from test_site_gallery_pages import INDEX_CHUNK, PAGE_SIZE, truth

    data = check_project(paginated_site.root).data
    order, having = truth(data)
    pairs = [(a, b) for a in having for b in having if a[0] < b[0]]
    first, second = max(pairs, key=lambda pair: (len(having[pair[0]] & having[pair[1]]), pair))
    both = [r for r in order if r in having[first] & having[second]]
    assert len(both) > PAGE_SIZE  # a second page
    names = [facet.name for facet in gallery.FACETS]
    chosen = sorted([first, second], key=lambda pair: names.index(pair[0]))  # the controls' order
    query = "&".join(f"{name}={value}" for name, value in chosen) + "&halaman=2"
    url = (_url(paginated_site.site, "kb/galeri.html", query) if where == "file"
           else f"{served}kb/galeri.html?{query}")
    _errors(browser)
    browser.get("about:blank")
    browser.get(url)
    shown = both[PAGE_SIZE:2 * PAGE_SIZE]
    WebDriverWait(browser, WAIT).until(lambda d: _visible_innovations(d) == shown)
    assert _counter(browser) == f"{len(both)} inovasi"
    pages = -(-len(both) // PAGE_SIZE)
    assert browser.find_element(By.CSS_SELECTOR, "nav.rancang-halaman .rancang-halaman-posisi").text == \
        f"Halaman 2 dari {pages}"
    assert parse_qs(urlparse(browser.current_url).query) == {**{n: [v] for n, v in chosen}, "halaman": ["2"]}
    for card in browser.find_elements(By.CSS_SELECTOR, "div.rancang-kartu:not([data-studi-kasus])"):
        for name, value in chosen:
            assert value in card.get_attribute(f"data-{name}").split("|")
        link = card.find_element(By.CSS_SELECTOR, ".rancang-kartu-judul a")
        assert link.text == data.innovations[card.get_attribute("data-inovasi")].name
        if where == "http":
            assert link.get_attribute("href") == f"{served}kb/inovasi/{card.get_attribute('data-inovasi')}.html"
    chunks = {f"kartu/{order.index(r) // INDEX_CHUNK}" for r in shown}
    assert sorted(_index_files(browser)) == sorted({"indeks"} | {f"{n}/{v}" for n, v in chosen} | chunks)
    assert [e for e in _errors(browser) if "/favicon.ico " not in e] == []  # the site has none


def test_paginated_gallery_without_script_links_static_pages(browser, paginated_site):
    """The static pages: the next link of the gallery opens galeri/halaman/2.html, whose cards follow."""
    from test_site_gallery_pages import PAGE_SIZE

    out = paginated_site.site  # built once per session (conftest.py)
    _errors(browser)  # forget what earlier tests left in the log
    browser.get(_url(out, "kb/galeri.html"))
    browser.find_element(By.CSS_SELECTOR, "nav.rancang-halaman a.rancang-halaman-berikutnya").click()
    WebDriverWait(browser, WAIT).until(lambda d: d.current_url.endswith("galeri/halaman/2.html"))
    cards = browser.find_elements(By.CSS_SELECTOR, "div.rancang-kartu")
    assert len(cards) == PAGE_SIZE and all(card.is_displayed() for card in cards)
    assert browser.find_element(By.CSS_SELECTOR, ".rancang-halaman-posisi").text.startswith("Halaman 2 dari ")
    assert _errors(browser) == []
