"""Progress of long commands on the user's screen or in a log (the app layer's :class:`rancang.progress.Progress`).

``rancang build``, each rebuild of ``rancang serve`` and the importers report their phases
(:mod:`rancang.progress`); :class:`TerminalProgress` shows them on standard error, in one of two ways:

* on a terminal, one line redrawn in place (carriage return, no other control sequence) with the phase, the
  count done of the total, the time since the command started and an estimate of the phase's remaining
  time: ``Menulis halaman situs: 412 dari 1.004 halaman (41%), 0:12 berlalu, sisa ± 0:10``. A thread redraws
  the line at most five times a second, and only when its text changed; counting a unit only adds to a
  number, so reporting costs the work nothing measurable. The line is erased when the phase ends;
* elsewhere (CI logs, a pipe, a file), one line when a phase starts and one when it ends, no carriage
  return, no escape code: ``Membaca halaman situs (1.004 halaman) ...`` then ``Membaca halaman situs:
  selesai, 1.004 halaman dalam 7,9 detik.``

Either way the command ends with one line giving the time taken (:meth:`TerminalProgress.finish`):
``Selesai dalam 24,3 detik: ...``. Everything goes to standard error, so that standard output stays what the
command prints as its result (``--format json`` among them).

Why not ``rich`` (installed, as import-linter needs it) or Sphinx's own status output: Sphinx's status is
English (or Sphinx's Indonesian catalogue), knows only its own phases and counts chunks, not pages; ``rich``
draws a good bar but its console writes through Python's buffered streams from its refresh thread, which is
not safe while Sphinx and the document writer fork worker processes, and the log form (a line per phase) and
the Indonesian wording of times and numbers would still be ours. This writer is small, writes the live line
with :func:`os.write` (no lock a forked child could inherit taken), and adds no dependency.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any, TextIO

REDRAW_SECONDS = 0.2
"""The live line is redrawn at most this often (and only when its text changed)."""

ESTIMATE_AFTER = 1.0
"""No remaining time is shown before a phase has run this long and counted a unit: too early to be true."""


def number(n: int) -> str:
    """An Indonesian whole number: ``1.004``."""
    return f"{n:,}".replace(",", ".")


def seconds_text(seconds: float) -> str:
    """A duration in Indonesian words: ``0,4 detik``, ``41,2 detik``, ``2 menit 5 detik``, ``1 jam 3 menit``."""
    if seconds < 60:
        return f"{seconds:.1f}".replace(".", ",") + " detik"
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} jam {minutes} menit"
    return f"{minutes} menit {secs} detik" if secs else f"{minutes} menit"


def clock(seconds: float) -> str:
    """A duration as a clock: ``0:07``, ``12:40``, ``1:02:03``."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class _Phase:
    __slots__ = ("name", "total", "unit", "done", "started")

    def __init__(self, name: str, total: int | None, unit: str, started: float) -> None:
        self.name, self.total, self.unit, self.done, self.started = name, total, unit, 0, started


class TerminalProgress:
    """A :class:`rancang.progress.Progress` on standard error (or ``stream``); see the module's text.

    ``live`` is whether the stream is a terminal (the default decides by :meth:`io.IOBase.isatty`). Use it
    as a context manager: leaving the block stops the redrawing thread and erases the live line, also when
    the command is interrupted.
    """

    def __init__(self, stream: TextIO | None = None, live: bool | None = None) -> None:
        self.stream: TextIO = stream if stream is not None else sys.stderr
        if live is None:
            try:
                live = self.stream.isatty()
            except (AttributeError, ValueError, OSError):
                live = False
        self.live = bool(live)
        self._fd = self.stream.fileno() if self.live else -1
        self._owner = os.getpid()
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._phase: _Phase | None = None
        self._shown = ""  # the live line now on the screen
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    # -- the protocol ------------------------------------------------------------------------------------

    def phase(self, name: str, total: int | None = None, unit: str = "") -> None:
        if os.getpid() != self._owner:
            return
        self.end()
        with self._lock:
            self._phase = _Phase(name, total, unit, time.monotonic())
        if self.live:
            self._start_ticker()
            self._draw()
        else:
            counted = f" ({number(total)} {unit})".rstrip() if total is not None and unit else ""
            self._line(f"{name}{counted} ...")

    def advance(self, count: int = 1) -> None:
        if os.getpid() != self._owner:
            return
        with self._lock:
            if self._phase is not None:
                self._phase.done += count

    def end(self) -> None:
        if os.getpid() != self._owner:
            return
        with self._lock:
            phase, self._phase = self._phase, None
            if phase is None:
                return
            if self.live:
                self._erase()
                return
        self._line(self._ended(phase, time.monotonic()))

    # -- the command's end -------------------------------------------------------------------------------

    @property
    def elapsed(self) -> float:
        """Seconds since the reporter was made (the command's start)."""
        return time.monotonic() - self._started

    def finish(self, summary: str, ok: bool = True) -> str:
        """End the last phase and write the closing line (``Selesai dalam 24,3 detik: summary``); returns it.

        ``ok`` False (the command stopped on errors) begins the line with ``Berhenti setelah`` instead.
        """
        self.end()
        self.close()
        took = seconds_text(self.elapsed)
        line = (f"Selesai dalam {took}: " if ok else f"Berhenti setelah {took}: ") + summary
        try:
            sys.stdout.flush()  # the command's result first
        except (OSError, ValueError):
            pass
        self._line(line)
        return line

    def close(self) -> None:
        """Stop redrawing and erase the live line (nothing is written in log form)."""
        self._stop.set()
        ticker, self._ticker = self._ticker, None
        if ticker is not None and ticker is not threading.current_thread():
            ticker.join()
        if self.live and os.getpid() == self._owner:
            with self._lock:
                self._erase()

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is None:
            self.end()
        self.close()

    # -- drawing -----------------------------------------------------------------------------------------

    def _ended(self, phase: _Phase, now: float) -> str:
        took = seconds_text(now - phase.started)
        if not phase.unit:
            return f"{phase.name}: selesai dalam {took}."
        if phase.total is not None and phase.done != phase.total:
            return f"{phase.name}: {number(phase.done)} dari {number(phase.total)} {phase.unit} dalam {took}."
        return f"{phase.name}: selesai, {number(phase.done)} {phase.unit} dalam {took}."

    def text(self, now: float | None = None) -> str:
        """The live line for the current phase ('' without one)."""
        now = time.monotonic() if now is None else now
        phase = self._phase
        if phase is None:
            return ""
        parts = [phase.name]
        if phase.total:
            share = min(100, phase.done * 100 // phase.total)
            parts[0] += f": {number(phase.done)} dari {number(phase.total)} {phase.unit} ({share}%)".replace("  ", " ")
        elif phase.unit and phase.done:
            parts[0] += f": {number(phase.done)} {phase.unit}"
        parts.append(f"{clock(now - self._started)} berlalu")
        running = now - phase.started
        if phase.total and 0 < phase.done < phase.total and running >= ESTIMATE_AFTER:
            parts.append(f"sisa ± {clock(running * (phase.total - phase.done) / phase.done + 0.5)}")
        return ", ".join(parts)

    def _start_ticker(self) -> None:
        if self._ticker is not None:
            return
        self._stop.clear()
        self._ticker = threading.Thread(target=self._tick, name="rancang-kemajuan", daemon=True)
        self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(REDRAW_SECONDS):
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            if self._phase is None:
                return
            text = self.text()
            text = text[:self._width()]
            if text == self._shown:
                return
            self._write_live("\r" + text.ljust(len(self._shown)) + ("\r" + text if len(text) < len(self._shown)
                                                                      else ""))
            self._shown = text

    def _width(self) -> int:
        """Columns the live line may use: one less than the terminal's, so that it never wraps (80 when the
        terminal does not say, as a pseudo-terminal without a size reports 0)."""
        try:
            columns = os.get_terminal_size(self._fd).columns
        except OSError:
            columns = 0
        return max(columns if columns > 0 else 80, 21) - 1

    def _erase(self) -> None:
        """Under the lock: blank the live line and put the cursor at its start."""
        if self._shown:
            self._write_live("\r" + " " * len(self._shown) + "\r")
            self._shown = ""

    def _write_live(self, text: str) -> None:
        # os.write, not the stream: the drawing thread must take no lock of Python's buffered streams, which
        # a process forked meanwhile (Sphinx's workers) would inherit locked.
        try:
            os.write(self._fd, text.encode(getattr(self.stream, "encoding", None) or "utf-8", "replace"))
        except OSError:
            pass

    def _line(self, text: str) -> None:
        try:
            self.stream.write(text + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass
