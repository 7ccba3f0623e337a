"""The site build's phases and counts for a :class:`rancang.progress.Progress` (``rancang build``, ``serve``).

Sphinx reads and writes pages in forked worker processes (:func:`rancang.site.builder.workers`); only the
main process may report. What it can see, and what is reported from it:

* ``Menyiapkan situs``: from the start until Sphinx knows what to read (loading the previous environment,
  finding the sources);
* ``Membaca halaman situs``, N pages: the total from ``env-before-read-docs`` (after the site's own handlers
  changed the list); one unit per page read in the main process (``doctree-read``, a serial build) or per page
  of each chunk merged back from a worker (``env-merge-info``, a parallel build: a chunk's pages count when
  the main process has them);
* ``Menyiapkan penulisan situs``: from ``env-updated`` (Sphinx saves its environment, checks consistency and
  copies the static files);
* ``Menulis halaman situs``, N pages: the total is the set of pages Sphinx hands to ``write_documents`` (no
  event carries it: the builder's method is wrapped, as :mod:`rancang.site.tuning` wraps others); each page
  counts when its HTML is made (``html-page-context``). In a worker process that event writes one byte into
  a pipe, which a thread of the main process reads and counts, so the count follows the workers page by page
  rather than chunk by chunk; a full pipe only loses a count, never blocks a worker;
* ``Membuat galeri``: from ``html-collect-pages`` (the gallery's pages, the search page and index), counting
  each page made in the main process;
* ``Membuat data terbuka``: from ``build-finished`` (the open data files, the documents copied beside the
  pages);
* ``Membuat indeks pencarian``: from the search index's own ``build-finished`` handler
  (:data:`rancang.site.search.INDEX_PRIORITY`), until the build returns.
"""

from __future__ import annotations

import os
import select
import threading
from typing import Any

from rancang.progress import Progress
from rancang.site.search import INDEX_PRIORITY

PREPARING = "Menyiapkan situs"
READING = "Membaca halaman situs"
BETWEEN = "Menyiapkan penulisan situs"
WRITING = "Menulis halaman situs"
GALLERY = "Membuat galeri"
OPEN_DATA = "Membuat data terbuka"
SEARCH_INDEX = "Membuat indeks pencarian"
PAGES = "halaman"

EARLY, LATE = 100, 900
"""Event priorities: a phase that begins with an event starts before the site's own handlers of it (EARLY),
a total is read after they changed the list (LATE)."""


class _PipeCounter:
    """Counts the bytes worker processes write into a pipe, in a thread of the main process."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.read_end, self.write_end = os.pipe()
        os.set_blocking(self.write_end, False)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def note(self) -> None:
        """In a worker: one page made."""
        try:
            os.write(self.write_end, b"\0")
        except OSError:  # full (the main process is busy) or closed: a lost count, never a blocked worker
            pass

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="rancang-hitung-halaman", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.read_end], [], [], 0.1)
            if ready:
                self._read()

    def _read(self) -> None:
        try:
            data = os.read(self.read_end, 65536)
        except (BlockingIOError, OSError):
            return
        if data:
            self.progress.advance(len(data))

    def stop(self) -> None:
        """Stop the thread and count what is left in the pipe."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        os.set_blocking(self.read_end, False)
        try:
            while data := os.read(self.read_end, 65536):
                self.progress.advance(len(data))
        except (BlockingIOError, OSError):
            pass
        os.set_blocking(self.read_end, True)

    def close(self) -> None:
        self.stop()
        for fd in (self.read_end, self.write_end):
            try:
                os.close(fd)
            except OSError:
                pass


class Hookup:
    """The handlers of one build; :meth:`close` after the build (also when it failed)."""

    def __init__(self, app: Any, progress: Progress) -> None:
        self.app, self.progress = app, progress
        self.main = os.getpid()
        self.pipe = _PipeCounter(progress)
        self.listeners = [
            app.connect("env-before-read-docs", self.reading, priority=LATE),
            app.connect("doctree-read", self.read_one),
            app.connect("env-merge-info", self.merged),
            app.connect("env-updated", self.between, priority=EARLY),
            app.connect("html-page-context", self.page),
            app.connect("html-collect-pages", self.gallery, priority=EARLY),
            app.connect("build-finished", self.open_data, priority=EARLY),
            app.connect("build-finished", self.search_index, priority=INDEX_PRIORITY - 1),
        ]
        builder = app.builder
        original = builder.write_documents

        def write_documents(docnames: Any) -> None:
            self.progress.phase(WRITING, len(docnames), PAGES)
            self.pipe.start()
            try:
                original(docnames)
            finally:
                self.pipe.stop()
            self.progress.end()

        builder.write_documents = write_documents

    # Sphinx's events (the signatures are Sphinx's)
    def reading(self, app: Any, env: Any, docnames: list[str]) -> None:
        self.progress.phase(READING, len(docnames), PAGES)

    def read_one(self, app: Any, doctree: Any) -> None:
        if os.getpid() == self.main:  # a serial build; in a parallel one, the merge counts
            self.progress.advance()

    def merged(self, app: Any, env: Any, docnames: Any, other: Any) -> None:
        self.progress.advance(len(docnames))

    def between(self, app: Any, env: Any) -> None:
        self.progress.phase(BETWEEN)

    def page(self, app: Any, pagename: str, templatename: str, context: Any, doctree: Any) -> None:
        if os.getpid() == self.main:
            self.progress.advance()
        else:
            self.pipe.note()

    def gallery(self, app: Any) -> list:
        self.progress.phase(GALLERY, unit=PAGES)
        return []

    def open_data(self, app: Any, exception: BaseException | None) -> None:
        if exception is None:
            self.progress.phase(OPEN_DATA)

    def search_index(self, app: Any, exception: BaseException | None) -> None:
        if exception is None:
            self.progress.phase(SEARCH_INDEX)

    def close(self) -> None:
        for listener in self.listeners:
            self.app.disconnect(listener)
        self.pipe.close()
        self.progress.end()


def attach(app: Any, progress: Progress) -> Hookup:
    """Report the phases of ``app``'s build to ``progress`` (the caller began :data:`PREPARING` before making
    ``app``: loading the previous environment is part of it); call :meth:`Hookup.close` when it is over."""
    return Hookup(app, progress)
