"""Is the last build still up to date? Then ``rancang build`` has nothing to do.

Like ``make``, a build compares what it would read with what the last
successful build read: every file of the project (sizes, modification times,
inodes; ``_build`` and hidden folders excepted), rancang's own code and the
versions of the libraries that shape the outputs, the options of the build,
the working folder (messages show paths relative to it) and the date (a
profile page says when its verification is stale). The outputs of the last
build are listed too, so a page deleted or edited by hand is made again.

When nothing differs, the build prints the report of the last build again and
writes nothing. The stored state lives in ``_build/.cache/bangun.pickle``; a
state that cannot be read means "build". A file changed in the same clock tick
as the fingerprint was taken could be missed ("racy" files, as git calls them):
a state is therefore not stored when any input is that recent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from rancang.layout import BUILD, Layout

RACY_NS = 50_000_000
"""An input modified this close to (or after) the fingerprint keeps the state from being stored."""

LIBRARIES = ("sphinx", "myst-parser", "sphinx-design", "docxtpl", "python-docx", "pydantic", "babel", "docutils")


def _walk(folder: Path, skip_top: tuple[str, ...]) -> list[tuple[str, int, int, int]]:
    found = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.name == "__pycache__":
                continue
            if current == folder and entry.name in skip_top:
                continue
            try:
                if entry.is_dir(follow_symlinks=True):
                    stack.append(Path(entry.path))
                    continue
                info = entry.stat(follow_symlinks=True)
            except OSError:
                continue
            found.append((os.path.relpath(entry.path, folder), info.st_size, info.st_mtime_ns, info.st_ino))
    return sorted(found)


def _environment(pdf: bool) -> str:
    from importlib import metadata

    parts = [sys.version, f"pdf={pdf}", os.getcwd(), dt.date.today().isoformat(),
             os.environ.get("RANCANG_SOFFICE", ""), shutil.which("soffice") or "", shutil.which("libreoffice") or "",
             shutil.which("dot") or ""]  # Graphviz draws the bagan of lampiran
    for name in LIBRARIES:
        try:
            parts.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}=-")
    package = Path(__file__).parent
    parts.extend(f"{name}:{size}:{mtime}" for name, size, mtime, _ in _walk(package, ()))
    return "\n".join(parts)


class BuildState:
    """The fingerprint of this build's inputs, taken before anything is read."""

    def __init__(self, root: Path, pdf: bool) -> None:
        self.root = root
        self.taken_ns = time.time_ns()
        self.inputs = _walk(root, (BUILD,))
        digest = hashlib.sha256(_environment(pdf).encode())
        for entry in self.inputs:
            digest.update(repr(entry).encode())
        self.fingerprint = digest.hexdigest()

    def _outputs(self, folders: list[Path]) -> list[tuple[str, int, int, int]]:
        listing = []
        for folder in folders:
            if folder.is_dir():
                listing.extend((f"{folder}/{name}", size, mtime, inode)
                               for name, size, mtime, inode in _walk(folder, ()))
        return listing

    def previous(self) -> tuple[Any, list[str]] | None:
        """The report and lines of the last build, when it had exactly these inputs and its outputs are intact."""
        try:
            with open(Layout(self.root).state_file, "rb") as handle:
                fingerprint, folders, outputs, report, lines = pickle.load(handle)
        except Exception:  # noqa: BLE001 - no usable state: build
            return None
        if fingerprint != self.fingerprint or self._outputs([Path(f) for f in folders]) != outputs:
            return None
        return report, lines

    def store(self, report: Any, lines: list[str], folders: list[Path]) -> None:
        """Remember a successful build (silently skipped when an input is too recent or writing fails)."""
        if any(mtime >= self.taken_ns - RACY_NS for _, _, mtime, _ in self.inputs):
            self.forget()
            return
        from rancang.diagnostics import RancangError
        from rancang.fileio import atomic_write_bytes

        state = (self.fingerprint, [str(f) for f in folders], self._outputs(folders), report, lines)
        try:
            atomic_write_bytes(Layout(self.root).state_file, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
        except (RancangError, OSError):  # the state is only an accelerator
            pass

    def forget(self) -> None:
        try:
            (Layout(self.root).state_file).unlink()
        except OSError:
            pass
