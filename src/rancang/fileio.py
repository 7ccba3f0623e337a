"""Writing output files safely.

Every file rancang itself writes -- documents, open data, the gallery's generated files, caches, build state --
goes through :func:`atomic_write_bytes`: the content is written to a temporary file in the same folder, flushed
to disk, then renamed over the target. A failure at any point leaves the previous file (or no file) -- never a
half-written one (:func:`atomic_copy` for the site's download copies). Two writers do the same by other means:
:mod:`rancang.render.pdf` copies LibreOffice's PDF to a temporary file beside the target and renames it, and the
site's pages are written by Sphinx. (The example projects of :mod:`rancang.lint.examples` are scratch files
for the docs and tests, not outputs.)
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


_REASONS = {
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EACCES: "izin menulis ditolak",
    errno.EPERM: "izin menulis ditolak",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.ENOTDIR: "bagian jalurnya bukan folder",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.ENOENT: "jalurnya tidak ada",
    errno.EISDIR: "jalur itu sebuah folder",
}


def write_error(target: Path, exc: OSError):
    """A clear Indonesian diagnostic for a failed write (the caller raises it)."""
    from rancang.diagnostics import Diagnostic, Location, RancangError

    reason = _REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return RancangError([Diagnostic("P409", f"berkas tidak dapat ditulis: {reason}; berkas lama tidak diubah",
                                    Location(str(target)))])


def atomic_write_bytes(target: Path, data: bytes | Callable[[BinaryIO], None], *, overwrite: bool = True) -> None:
    """Write ``data`` to ``target`` atomically; a failure raises a RancangError (P409) and leaves no trace,
    except FileExistsError when ``overwrite`` is False and the target exists. ``data`` may be a function that
    writes the content into the open temporary file (a large file assembled from parts)."""
    target = Path(target)
    try:
        _atomic_write(target, data, overwrite)
    except FileExistsError:
        raise
    except OSError as exc:
        raise write_error(target, exc) from None


def _atomic_write(target: Path, data: bytes | Callable[[BinaryIO], None], overwrite: bool) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file stands where a folder of the path should be
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(target.parent)) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
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


def atomic_copy(source: Path, target: Path) -> None:
    """Copy ``source`` over ``target`` the same safe way, keeping its times (like :func:`shutil.copy2`)."""
    atomic_write_bytes(target, source.read_bytes())
    info = source.stat()
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
