"""Headless Chromium (Debian's ``chromium`` and ``chromium-driver``, through selenium) and a local HTTP server
for a built site: shared by ``bench/bench_search.py`` and the browser tests (``tests/test_site_browser.py``,
``tests/test_search_browser.py``, ``tests/test_search_browser_terms20.py``)."""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 120
"""Wall seconds after which a page is taken to hang (a guard, not a bound)."""

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000")


def driver(profile: Path, performance_log: bool = False) -> Any:
    """A headless Chromium with its own profile folder, logging the browser's console (and, on request, the
    network events of DevTools: what each response cost). The caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    logs = {"browser": "ALL", **({"performance": "ALL"} if performance_log else {})}
    options.set_capability("goog:loggingPrefs", logs)
    chromium = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    chromium.set_page_load_timeout(WAIT)
    chromium.set_script_timeout(WAIT)
    return chromium


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the standard library's name)
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site over HTTP from a thread of this process (no compression); yields its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
