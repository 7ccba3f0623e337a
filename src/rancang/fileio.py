"""Writing output files safely.

Every file rancang writes goes through :func:`atomic_write_bytes`: the content
is written to a temporary file in the same folder, flushed to disk, then
renamed over the target. A failure at any point leaves the previous file (or
no file) -- never a half-written one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_bytes(target: Path, data: bytes, *, overwrite: bool = True) -> None:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        if overwrite:
            os.replace(tmp, target)
        else:
            # link() fails if the target exists, so a concurrent writer cannot be clobbered.
            os.link(tmp, target)
            os.unlink(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(target: Path, text: str, *, overwrite: bool = True) -> None:
    atomic_write_bytes(target, text.encode("utf-8"), overwrite=overwrite)
