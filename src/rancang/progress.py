"""Progress of long work: the small protocol that the lower layers call, and a reporter that does nothing.

A long command (``rancang build``, each rebuild of ``rancang serve``, the importers) goes through phases,
each named in Indonesian for the user ("Memeriksa data", "Menulis halaman situs", ...), some with a count of
units known in advance. The code doing the work only says where it is::

    progress.phase("Menulis halaman situs", total=len(pages), unit="halaman")
    for page in pages:
        ...
        progress.advance()
    progress.end()

How that is shown is the application's business (:mod:`rancang.terminal`: a redrawn line on a terminal, a
line per phase start and end in a log). This module is in the core layer so that every layer can take a
:class:`Progress`; it draws nothing and imports nothing of rancang.

Rules for implementations, which callers rely on:

* :meth:`Progress.advance` may be called from a thread other than the one that started the phase (the site
  counts pages written by Sphinx's worker processes in a reader thread), and very often: it must be cheap
  (no output of its own; drawing is throttled elsewhere) and thread-safe.
* Calls from a forked child process are ignored: Sphinx and the document writer fork workers that inherit
  the reporter, and only the process that created it may draw.
* :meth:`Progress.phase` ends the phase before it; :meth:`Progress.end` without a phase does nothing.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Where long work reports how far it is."""

    def phase(self, name: str, total: int | None = None, unit: str = "") -> None:
        """Start the phase ``name`` (Indonesian, shown as is); ``total`` units of ``unit`` when known."""

    def advance(self, count: int = 1) -> None:
        """``count`` more units of the current phase are done."""

    def end(self) -> None:
        """The current phase is over."""


class NoProgress:
    """A :class:`Progress` that shows nothing: the default of every function that takes one."""

    def phase(self, name: str, total: int | None = None, unit: str = "") -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def end(self) -> None:
        pass


NO_PROGRESS: Progress = NoProgress()
