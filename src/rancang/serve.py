"""``rancang serve``: build the site, serve it on 127.0.0.1 and rebuild it when a source changes.

The site is served by Python's :mod:`http.server` in a background thread; the
main thread polls the modification times of the project's sources once a
second (no new dependency) and runs the same incremental build as
``rancang build --no-pdf`` when something changed. A build that fails keeps
the previous site online. Ctrl+C (or SIGTERM) stops both cleanly.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rancang.layout import BUILD, PROJECT_FILE, Layout, display_path
from rancang.progress import NO_PROGRESS, Progress

Stamps = dict[str, tuple[int, int]]


def _ignored(relative: Path) -> bool:
    """Editor backups, hidden files and caches do not trigger a build."""
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts) or \
        relative.name.endswith(("~", ".swp", ".tmp"))


def watched(root: Path) -> list[str]:
    """What the site and the documents are built from (:attr:`rancang.layout.Layout.watched`), relative to
    ``root``: ``rancang.yaml``, ``kb``, ``regulations``, ``visits``, ``templates``, ``direktori-lain``. The names
    shown; :func:`snapshot` watches every file of the project besides (an emblem, an image, a copy that
    rancang.yaml names elsewhere), as the up-to-date check of ``rancang build`` does."""
    return [path.relative_to(root).as_posix() for path in Layout(root).watched]


def _outputs(root: Path) -> set[str]:
    """The output folders (``_build`` and the ``keluaran`` folders of rancang.yaml), relative to ``root``: not
    watched, since every build writes them."""
    folders = {BUILD}
    for folder in (site_folder(root), _output_folder(root, "dokumen")):
        try:
            folders.add(folder.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:  # outside the project
            pass
    return folders


def snapshot(root: Path) -> Stamps:
    """(mtime, size) of every file of the project but its outputs, keyed by its path relative to ``root``."""
    stamps: Stamps = {}
    outputs = _outputs(root)
    for folder, folders, files in os.walk(root):
        relative_folder = Path(folder).relative_to(root)
        folders[:] = sorted(name for name in folders
                            if not _ignored(relative_folder / name)
                            and (relative_folder / name).as_posix() not in outputs)
        for name in files:
            relative = relative_folder / name
            if _ignored(relative):
                continue
            try:
                stat = (root / relative).stat()
            except OSError:  # removed between listing and stat
                continue
            stamps[relative.as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def changed_paths(before: Stamps, after: Stamps) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def site_folder(root: Path) -> Path:
    """The site's output folder (``keluaran.situs`` in rancang.yaml), read cheaply."""
    return _output_folder(root, "situs")


def _output_folder(root: Path, key: str) -> Path:
    import yaml

    try:
        settings = yaml.safe_load(Layout(root).settings_file.read_text(encoding="utf-8")) or {}
        folder = settings.get("keluaran", {}).get(key) or None
    except (OSError, yaml.YAMLError, AttributeError):
        folder = None
    layout = Layout(root)
    return layout.site_output(str(folder) if folder else None) if key == "situs" else \
        layout.documents_output(str(folder) if folder else None)


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site folder without logging every request; the browser must not cache rebuilt pages."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    folder: Path

    def finish_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        # The folder is looked up on every request: it may change when rancang.yaml does.
        _Handler(request, client_address, self, directory=str(self.folder))


def build_once(root: Path, say: Callable[[str], None], first: bool, seen: set[str] | None = None,
               progress: Progress = NO_PROGRESS) -> bool:
    """One incremental build (documents without PDF, then the site); True when it succeeded.

    Errors are always shown; a warning already shown by an earlier build (``seen``) is only counted. The
    build's phases go to ``progress``.
    """
    from rancang.build import build_project
    from rancang.diagnostics import Severity
    from rancang.site.warnings import is_site_warning

    report, lines = build_project(root, pdf=False, progress=progress)
    seen = set() if seen is None else seen
    repeated = 0
    for diagnostic in report.sorted():
        text = diagnostic.format()
        if text in seen and diagnostic.severity is Severity.WARNING:
            repeated += 1
            continue
        seen.add(text)
        say(text)
    if repeated:
        say(f"({repeated} peringatan yang sama seperti sebelumnya tidak ditampilkan ulang.)")
    blocking = report.blocking()  # errors of drafting rules are advice: the site is rebuilt with them
    if blocking:
        say(f"Ditemukan {len(blocking)} galat: situs tidak diperbarui; halaman lama tetap disajikan.")
        return False
    for line in lines:
        if first or is_site_warning(line):
            say(line)
    return True


def serve(root: Path, port: int = 8000, host: str = "127.0.0.1", interval: float = 1.0,
          say: Callable[[str], None] | None = None) -> int:
    """Build, serve and watch until interrupted; returns the exit code."""
    if say is None:
        def say(text: str) -> None:
            print(text, flush=True)
    from rancang.terminal import TerminalProgress, seconds_text

    # The port first: a busy port is reported at once, not after a build of minutes.
    try:
        server = _Server((host, port), _Handler)
    except OSError as exc:
        say(f"rancang serve: galat: tidak dapat membuka server di {host}:{port} ({exc.strerror or exc}). "
            "Port itu mungkin sedang dipakai program lain (mungkin 'rancang serve' yang masih berjalan); "
            "hentikan program itu atau pilih port lain dengan --port, misalnya --port 8001 "
            "(--port 0 memilih port yang kosong).")
        return 1
    try:
        say("Membangun situs ...")
        started = time.monotonic()
        stamps = snapshot(root)
        seen: set[str] = set()
        with TerminalProgress() as progress:  # each build's phases on standard error (rancang.terminal)
            built = build_once(root, say, first=True, seen=seen, progress=progress)
        if built:
            say(f"Selesai dalam {seconds_text(time.monotonic() - started)}: situs siap disajikan.")
        folder = site_folder(root)
        folder.mkdir(parents=True, exist_ok=True)
    except BaseException:
        server.server_close()
        raise
    server.folder = folder
    thread = threading.Thread(target=server.serve_forever, name="rancang-serve", daemon=True)
    thread.start()

    previous_sigterm = None
    if threading.current_thread() is threading.main_thread():
        def _stop(signum, frame):  # type: ignore[no-untyped-def]
            raise KeyboardInterrupt

        previous_sigterm = signal.signal(signal.SIGTERM, _stop)

    actual_port = server.server_address[1]
    say(f"Situs disajikan di http://{host}:{actual_port}/ dari {display_path(folder)}.")
    names = ", ".join(name if name == PROJECT_FILE else f"{name}/" for name in watched(root))
    say(f"Memantau perubahan pada {names} dan berkas lain di folder proyek (kecuali keluaran). "
        "Tekan Ctrl+C untuk berhenti.")
    try:
        while True:
            time.sleep(interval)
            current = snapshot(root)
            changed = changed_paths(stamps, current)
            if not changed:
                continue
            stamps = current
            shown = ", ".join(changed[:5]) + (f", dan {len(changed) - 5} berkas lain" if len(changed) > 5 else "")
            say(f"Berubah: {shown}. Membangun ulang ...")
            if PROJECT_FILE in changed:  # keluaran.situs may have moved
                server.folder = site_folder(root)
            started = time.monotonic()
            try:
                with TerminalProgress() as progress:
                    built = build_once(root, say, first=False, seen=seen, progress=progress)
            except KeyboardInterrupt:
                raise
            except Exception as exc:  # a bug in rancang or Sphinx: keep the old site online, keep watching
                if os.environ.get("RANCANG_DEBUG"):
                    raise
                say(f"galat internal saat membangun ulang ({type(exc).__name__}: {exc}); situs lama tetap "
                    "disajikan. Jalankan 'rancang build' dengan RANCANG_DEBUG=1 untuk rinciannya.")
                continue
            if built:
                say(f"Situs diperbarui dalam {seconds_text(time.monotonic() - started)}.")
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
        if previous_sigterm is not None:
            signal.signal(signal.SIGTERM, previous_sigterm)
    say("Dihentikan.")
    return 0
