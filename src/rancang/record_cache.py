"""A cache of validated records between builds, so that a build after a small change reads only what changed.

``rancang build`` (and ``rancang serve``) keep, in ``_build/.cache/rekaman/``, every
innovation profile, regulation and visit as validated last time, with the
problems found in it, keyed by the file's size, modification time and inode.
A record whose file did not change is taken from the cache without reading its
YAML; its YAML nodes (needed only to point at a line) are read again the first
time a location is asked for. ``rancang check`` never uses the cache: it reads
everything, every time.

With each record the cache keeps its :class:`Memo`: what the drafting rules
worked out from that record alone (their findings on a profile, its name keys),
so that they look again only at the records that changed
(:mod:`rancang.lint.runner` says what each memo depends on and drops it when
the rules' code or rancang.yaml changed). The list of agencies, read every
time, has a memo too (an entry without a model), kept while its file does not
change.

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
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rancang.layout import Layout


_CODE = ("models", "validation.py", "yamlsource.py", "diagnostics.py", "codes.py", "loader.py", "record_cache.py")


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


def stamp(path: Path, info: os.stat_result | None = None) -> tuple[int, int, int] | None:
    """(size, modification time, inode) of ``path``; ``info``: its ``stat`` when the caller just made it."""
    if info is None:
        try:
            info = path.stat()
        except OSError:
            return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


RACY_NS = 2_000_000_000

SHARDS = 32
"""The cache is split in files by record, so a build after one edit rewrites one small file, not all."""


def _shard(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % SHARDS


def _relocatable(model: Any, path: Path, shown: str) -> None:
    """A record read with its YAML nodes (regulations, visits) is cached without them: give it, and every model
    in it, the means to read them again (a :class:`rancang.locations.LazySource`), so that its problems and the
    drafting findings still point at ``line:col`` when it is taken from the cache."""
    from rancang.locations import LazySource
    from rancang.models.base import Model

    if not isinstance(model, Model) or model._reload is not None:
        return
    lazy = LazySource(path, shown, model)
    stack: list[Any] = [model]
    while stack:
        value = stack.pop()
        if isinstance(value, Model):
            value._reload = lazy
            stack.extend(getattr(value, name) for name in type(value).model_fields)
        elif isinstance(value, list):
            stack.extend(value)


class Memo(dict):
    """What is worked out from one record alone (the drafting rules' findings on a profile, ...), kept with the
    record in the cache: :mod:`rancang.lint.runner` fills it and says what it depends on besides the record.
    A memo written to (``changed``) has its shard written again."""

    changed = False

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.changed = True

    def clear(self) -> None:
        if self:
            self.changed = True
        super().clear()

    def __reduce__(self):  # pickled without ``changed``
        return (Memo, (dict(self),))


@dataclass
class RecordCache:
    """Entries: absolute path -> (stamp, shown path, model or None, problems, memo)."""

    root: Path
    entries: dict[str, tuple] = field(default_factory=dict)
    fresh: dict[str, tuple] = field(default_factory=dict)
    version: str = ""
    hits: int = 0
    misses: int = 0
    dirty: set[int] = field(default_factory=set)

    pending: bool = False
    """The shards are not read yet (:meth:`open` with ``lazy``): the first :meth:`get`, :meth:`put` or
    :meth:`save` reads them."""

    @classmethod
    def open(cls, root: Path, lazy: bool = False) -> RecordCache:
        """The cache of ``root``'s last build. ``lazy``: read its shards only when first asked for a record, so
        that the caller can show progress before (``rancang build``: inside the phase "Memeriksa data")."""
        cache = cls(root, version=code_version(), pending=True)
        if not lazy:
            cache._read()
        return cache

    def _read(self) -> None:
        self.pending = False
        folder = Layout(self.root).record_cache
        for number in range(SHARDS):
            try:
                with open(folder / f"{number:02d}.pickle", "rb") as handle:
                    version, entries = pickle.load(handle)
                if version == self.version and isinstance(entries, dict):
                    self.entries.update(entries)
                    continue
            except FileNotFoundError:
                pass
            except Exception:  # noqa: BLE001 - a shard that cannot be read is simply not used
                pass
            self.dirty.add(number)

    def get(self, path: Path, shown: str, info: os.stat_result | None = None) -> tuple[Any, list] | None:
        """The record of ``path`` and its problems as cached, if its file did not change (``info``: the file's
        ``stat``, when the caller just made it)."""
        if self.pending:
            self._read()
        key = str(path.absolute())
        entry = self.entries.get(key)
        current = stamp(path, info)
        if entry is None or current is None or entry[0] != current or entry[1] != shown:
            self.misses += 1
            return None
        self.hits += 1
        _, _, model, problems, _memo = entry
        self.fresh[key] = entry
        return model, list(problems)

    def memo(self, path: Path) -> Memo:
        """The memo of ``path``'s record, after :meth:`get` or :meth:`put` (a new one, kept by no one, when the
        record is not to be cached: a file written a moment ago)."""
        entry = self.fresh.get(str(path.absolute()))
        return entry[4] if entry is not None else Memo()

    def file_memo(self, path: Path, shown: str, info: os.stat_result | None = None) -> Memo:
        """A memo for a file that is read every time (``kb/perangkat-daerah.yaml``): kept as long as the file does
        not change (an entry without a model)."""
        if self.pending:
            self._read()
        key = str(path.absolute())
        entry = self.entries.get(key)
        current = stamp(path, info)
        if entry is not None and current is not None and entry[0] == current and entry[1] == shown \
                and entry[2] is None:
            self.fresh[key] = entry
            return entry[4]
        memo = Memo()
        if current is not None and current[1] < time.time_ns() - RACY_NS:  # as in :meth:`put`
            self.fresh[key] = (current, shown, None, [], memo)
            self.dirty.add(_shard(key))
        return memo

    def put(self, path: Path, shown: str, model: Any, problems: list) -> None:
        if self.pending:
            self._read()
        current = stamp(path)
        _relocatable(model, path, shown)
        key = str(path.absolute())
        # A file written in the last moments could change again within the same clock tick, unseen by its
        # stamp ("racy", as git says): such a record is read again next time rather than trusted.
        if current is not None and current[1] < time.time_ns() - RACY_NS:
            self.fresh[key] = (current, shown, model, list(problems), Memo())
            self.dirty.add(_shard(key))

    def save(self) -> None:
        """Write the shards that changed in this run (files that disappeared are dropped); silent on failure."""
        if self.pending:
            self._read()
        dirty = set(self.dirty)
        dirty.update(_shard(key) for key in set(self.entries) - set(self.fresh))
        dirty.update(_shard(key) for key, entry in self.fresh.items() if entry[4].changed)
        if not dirty:
            return
        shards: dict[int, dict[str, tuple]] = {number: {} for number in dirty}
        for key, entry in self.fresh.items():
            number = _shard(key)
            if number in shards:
                shards[number][key] = entry
        from rancang.diagnostics import RancangError
        from rancang.fileio import atomic_write_bytes

        folder = Layout(self.root).record_cache
        for number, entries in shards.items():
            try:
                atomic_write_bytes(folder / f"{number:02d}.pickle",
                                   pickle.dumps((self.version, entries), protocol=pickle.HIGHEST_PROTOCOL))
            except (RancangError, OSError):  # the cache is optional
                pass
