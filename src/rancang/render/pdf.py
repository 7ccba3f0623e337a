"""DOCX → PDF with LibreOffice (``soffice --headless --convert-to pdf``).

One LibreOffice process converts a whole batch (start-up dominates the cost of a conversion).
Each run gets its own throw-away user profile, so parallel runs and a user's open LibreOffice do
not interfere, and a timeout after which the whole process group is killed.

The PDFs are written to a temporary folder first and moved into ``out_dir`` only when every PDF
of the batch exists; each is copied next to its target and renamed with :func:`os.replace`, so
``out_dir`` never holds a partial PDF. The DOCX files are only read.

Fonts: ``FONTCONFIG_FILE`` points LibreOffice to ``fonts.conf`` in this package, which includes the
system configuration and maps "Bookman Old Style" to "URW Bookman" (Debian: fonts-urw-base35).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Callable

from rancang.render.processes import kill_group

__all__ = ["PdfError", "convert_to_pdf", "find_soffice", "FONTS_CONF"]

ENV_SOFFICE = "RANCANG_SOFFICE"
FONTS_CONF = Path(str(resources.files(__package__).joinpath("fonts.conf")))

_NOT_INSTALLED = (
    "LibreOffice (soffice) tidak ditemukan; pasang paket libreoffice-writer-nogui untuk membuat PDF. "
    "Berkas DOCX tetap tersedia."
)
_KEEP = "Berkas DOCX tetap tersedia; tidak ada PDF yang ditulis."


class PdfError(Exception):
    """A PDF could not be made; the message is Indonesian and meant for the user."""


def find_soffice() -> str:
    """Path of the LibreOffice program: ``$RANCANG_SOFFICE`` if set, else ``soffice``/``libreoffice`` on PATH."""
    override = os.environ.get(ENV_SOFFICE)
    if override:
        found = shutil.which(override)
        if found is None:
            raise PdfError(
                f"LibreOffice (soffice) tidak ditemukan di {override!r} (variabel {ENV_SOFFICE}); "
                "periksa jalurnya atau pasang paket libreoffice-writer-nogui untuk membuat PDF. "
                "Berkas DOCX tetap tersedia."
            )
        return found
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise PdfError(_NOT_INSTALLED)
    return found


def _tail(path: Path, limit: int = 600) -> str:
    """The end of LibreOffice's output, without its harmless warning about Java."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    lines = [line for line in text.splitlines() if line.strip() and "javaldx" not in line]
    return " | ".join(lines)[-limit:]


def _check_inputs(docx_paths: list[Path]) -> list[Path]:
    sources = [Path(p).resolve() for p in docx_paths]
    missing = [str(p) for p in sources if not p.is_file()]
    if missing:
        raise PdfError("Berkas DOCX tidak ditemukan: " + ", ".join(missing) + ". Tidak ada PDF yang dibuat.")
    seen: dict[str, Path] = {}
    for path in sources:
        other = seen.setdefault(path.stem, path)
        if other != path:
            raise PdfError(
                f"Dua berkas bernama sama ({other} dan {path}) akan menjadi {path.stem}.pdf yang sama; "
                "ubah kelompoknya lalu ulangi. Tidak ada PDF yang dibuat."
            )
    return list(dict.fromkeys(sources))


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    if FONTS_CONF.is_file():
        env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    return env


POLL_SECONDS = 0.25
"""While LibreOffice runs, how often the PDFs it has written so far are counted (for ``made``)."""


def _run(soffice: str, sources: list[Path], work: Path, timeout: float,
         made: Callable[[int], None] | None = None) -> Path:
    """Run one LibreOffice conversion of ``sources`` into ``work/pdf``; return that folder. ``made`` is told
    how many PDFs LibreOffice has written so far, each time that number grows (a count to show, nothing more)."""
    profile = work / "profile"
    pdf_dir = work / "pdf"
    profile.mkdir()
    pdf_dir.mkdir()
    log = work / "soffice.log"
    cmd = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(pdf_dir),
        *map(str, sources),
    ]
    with open(log, "wb") as out:
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=_environment(),
                cwd=work,
                start_new_session=True,  # own process group: a timeout kills soffice.bin too
            )
        except OSError as exc:
            raise PdfError(f"LibreOffice ({soffice}) tidak dapat dijalankan: {exc}. {_KEEP}") from exc
        try:
            returncode = _wait(proc, pdf_dir, timeout, made)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            raise PdfError(
                f"LibreOffice tidak selesai dalam {timeout:g} detik dan dihentikan. {_KEEP}"
            ) from None
        except BaseException:
            kill_group(proc)
            raise
    detail = _tail(log)
    detail = f" Keluaran LibreOffice: {detail}" if detail else ""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = str(-returncode)
        raise PdfError(f"LibreOffice berhenti mendadak (sinyal {name}). {_KEEP}{detail}")
    if returncode != 0:
        raise PdfError(f"LibreOffice gagal membuat PDF (kode keluar {returncode}). {_KEEP}{detail}")
    return pdf_dir


def _wait(proc: subprocess.Popen, pdf_dir: Path, timeout: float, made: Callable[[int], None] | None) -> int:
    """``proc.wait(timeout)``, counting the PDFs in ``pdf_dir`` meanwhile when ``made`` wants to know."""
    if made is None:
        return proc.wait(timeout=timeout)
    deadline = time.monotonic() + timeout
    seen = 0
    while True:
        try:
            return proc.wait(timeout=max(0.0, min(POLL_SECONDS, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            if time.monotonic() >= deadline:
                raise
        try:
            count = sum(1 for entry in os.scandir(pdf_dir) if entry.name.endswith(".pdf"))
        except OSError:
            continue
        if count > seen:
            seen = count
            made(count)


def _place(pdf: Path, target: Path) -> Path:
    """Copy ``pdf`` to a temporary file beside ``target``; return the temporary file."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".pdf.tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as dst, open(pdf, "rb") as src:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def convert_to_pdf(docx_paths: list[Path], out_dir: Path, timeout: float = 120, *,
                   made: Callable[[int], None] | None = None) -> list[Path]:
    """Convert DOCX files to PDF in one LibreOffice run; return the PDF paths (``out_dir/<stem>.pdf``).

    ``made`` (optional) is told, while LibreOffice runs, how many of the PDFs it has written so far.

    Raises :class:`PdfError` (Indonesian message) when LibreOffice is missing, times out, fails or
    produces no PDF for some file; then no PDF of this batch is written to ``out_dir``.
    """
    if not docx_paths:
        return []
    sources = _check_inputs(list(docx_paths))
    soffice = find_soffice()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="rancang-soffice-") as tmp:
        pdf_dir = _run(soffice, sources, Path(tmp), timeout, made)
        produced = [pdf_dir / f"{src.stem}.pdf" for src in sources]
        missing = [src.name for src, pdf in zip(sources, produced) if not pdf.is_file() or pdf.stat().st_size == 0]
        if missing:
            detail = _tail(Path(tmp) / "soffice.log")
            detail = f" Keluaran LibreOffice: {detail}" if detail else ""
            raise PdfError(
                "LibreOffice selesai tetapi tidak menghasilkan PDF untuk: " + ", ".join(missing)
                + f". {_KEEP}{detail}"
            )
        targets = [out_dir / pdf.name for pdf in produced]
        staged: list[Path] = []
        try:
            for pdf, target in zip(produced, targets):
                staged.append(_place(pdf, target))
        except OSError as exc:
            for path in staged:
                path.unlink(missing_ok=True)
            raise PdfError(f"PDF tidak dapat ditulis ke {out_dir}: {exc}. Berkas DOCX tetap tersedia.") from exc
        for tmp_pdf, target in zip(staged, targets):
            os.replace(tmp_pdf, target)
    return targets


if __name__ == "__main__":  # pragma: no cover - manual use: python -m rancang.render.pdf a.docx OUTDIR
    import sys

    start = time.perf_counter()
    result = convert_to_pdf([Path(p) for p in sys.argv[1:-1]], Path(sys.argv[-1]))
    print("\n".join(map(str, result)), f"({time.perf_counter() - start:.2f} s)", sep="\n")
