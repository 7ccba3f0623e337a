"""The browser turns words into terms exactly as the index builder does (rancang.language.search_words and
_static/rancang-cari.js with the Snowball stemmer of _cari/akar.js), on every word of the example's pages
and on the spelling variants; otherwise a word on a page could not be found by typing it."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from rancang.language.search_words import STOPWORDS, stem_corrections, terms, variant_pairs, words
from support import chromium, needs_browser

pytestmark = [needs_browser, pytest.mark.slow]


def _vocabulary(site) -> list[str]:
    seen: set[str] = set()
    from rancang.site.search import RECORDS

    for record in (site.parent / ".doctrees" / RECORDS).rglob("*.json"):
        value = json.loads(record.read_text(encoding="utf-8").split("\n")[0])
        for block in [value["j"], *value["b"]]:
            seen.update(block.split())
    for standard, variants in variant_pairs():
        seen.add(standard)
        seen.update(variants)
        seen.update(f"di{v}kan" for v in variants)
        seen.update(f"pe{v}an" for v in variants)
    whole, roots, kept = stem_corrections()
    seen.update(whole)
    seen.update(kept)
    seen.update(STOPWORDS)
    seen.update(["Kabupatén", "e-KTP", "UMKM-nya", "2023", "1.000", "ＡＢＣ", "İzin"])
    return sorted(seen)


def test_browser_terms_equal_the_index_terms(example_build, browser) -> None:
    site = example_build.site
    browser.get((site / "search.html").as_uri())
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return !!(window.rancangCari && rancangCari.istilah)"))
    texts = _vocabulary(site)
    assert len(texts) > 1500
    got = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "rancangCari.istilah(arguments[0]).then(done, function (e) { done(String(e)); });", texts)
    assert isinstance(got, list), got
    different = {t: (g, terms(t)) for t, g in zip(texts, got) if g != terms(t)}
    assert different == {}
    assert terms("perijinan") == terms("perizinan") == ["izin"]
    assert words("e-KTP") == ["ktp"]


def test_a_site_without_its_index_says_why_and_what_to_do(example_build, browser, tmp_path) -> None:
    """The site copied without its `_cari/` folder: the search page says so in Indonesian, from file:// (how to
    open it) and over HTTP (what to publish), instead of showing nothing."""
    import shutil

    from selenium.webdriver.common.by import By

    site = tmp_path / "situs"
    shutil.copytree(example_build.site, site)
    shutil.rmtree(site / "_cari")

    def status(url: str) -> str:
        browser.get(url)
        element = browser.find_element(By.ID, "rancang-cari-status")
        WebDriverWait(browser, 60).until(lambda d: element.get_attribute("data-status") == "galat")
        return element.text

    text = status((site / "search.html").as_uri() + "?q=inovasi")
    assert "tidak dapat dimuat" in text and "rancang serve" in text and "rancang build" in text
    with chromium.served(site) as base:
        text = status(f"{base}search.html?q=inovasi")
    assert "tidak dapat dimuat" in text and "_cari" in text and "rancang build" in text
