"""A cache of validated records between builds, so that a build after a small change reads only what changed.

``rancang build`` (and ``rancang serve``) keep, in ``_build/.cache/``, every
innovation profile, regulation and visit as validated last time, with the
problems found in it, keyed by the file's size, modification time and inode.
A record whose file did not change is taken from the cache without reading its
YAML; its YAML nodes (needed only to point at a line) are read again the first
time a location is asked for. ``rancang check`` never uses the cache: it reads
everything, every time.

The cache is only an accelerator: it is ignored when it cannot be read, when it
was written by another version of rancang's models or reader, or for any file
it does not know; it is written atomically and a failure to write it is
silent. Deleting ``_build/`` is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CACHE_FILE = Path("_build") / ".cache" / "rekaman.pickle"

_CODE = ("models", "validation.py", "yamlsource.py", "diagnostics.py", "codes.py", "loader.py")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Changes whenever the code that turns a file into a model or a problem changes (editable installs too)."""
    package = Path(__file__).parent
    digest = hashlib.sha256(sys.version.encode())
    for name in _CODE:
        path = package / name
        files = sorted(path.glob("*.py")) if path.is_dir() else [path]
        for item in files:
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    import pydantic

    digest.update(pydantic.VERSION.encode())
    return digest.hexdigest()


def stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


class LazySource:
    """Reads a cached record's file again, the first time one of its models is asked for a location."""

    def __init__(self, path: Path, shown: str, model: Any) -> None:
        self.path, self.shown, self.model = path, shown, model

    def __call__(self) -> None:
        from rancang.validation import attach_sources
        from rancang.yamlsource import load

        source, _ = load(self.path, self.shown)
        if source is None:  # the file vanished or broke since: locations fall back to the file itself
            attach_sources(self.model, self.shown, None, "")
            return
        attach_sources(self.model, self.shown, source.node, source.text)


@dataclass
class RecordCache:
    """Entries: absolute path -> (stamp, shown path, model or None, problems)."""

    root: Path
    entries: dict[str, tuple] = field(default_factory=dict)
    fresh: dict[str, tuple] = field(default_factory=dict)
    version: str = ""
    hits: int = 0
    misses: int = 0

    @classmethod
    def open(cls, root: Path) -> RecordCache:
        cache = cls(root, version=code_version())
        try:
            with open(root / CACHE_FILE, "rb") as handle:
                version, entries = pickle.load(handle)
            if version == cache.version and isinstance(entries, dict):
                cache.entries = entries
        except Exception:  # noqa: BLE001 - a cache that cannot be read is simply not used
            pass
        return cache

    def get(self, path: Path, shown: str) -> tuple[Any, list] | None:
        key = str(path.absolute())
        entry = self.entries.get(key)
        current = stamp(path)
        if entry is None or current is None or entry[0] != current or entry[1] != shown:
            self.misses += 1
            return None
        self.hits += 1
        _, _, model, problems = entry
        if model is not None:
            from rancang.models.base import LAZY_SOURCES

            LAZY_SOURCES[shown] = LazySource(path, shown, model)
        self.fresh[key] = entry
        return model, list(problems)

    def put(self, path: Path, shown: str, model: Any, problems: list) -> None:
        current = stamp(path)
        if current is not None:
            self.fresh[str(path.absolute())] = (current, shown, model, list(problems))

    def save(self) -> None:
        """Write the entries seen in this run (files that disappeared are dropped); silent on failure."""
        if self.misses == 0 and set(self.fresh) == set(self.entries):
            return  # nothing new to remember
        target = self.root / CACHE_FILE
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as handle:
                pickle.dump((self.version, self.fresh), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except Exception:  # noqa: BLE001 - the cache is optional
            try:
                temporary.unlink()
            except OSError:
                pass
