"""Issue 17, item 4: ``rancang serve`` as a new user meets it.

The port is checked before anything is built; serve never deletes what ``build`` wrote; every data folder,
rancang.yaml and the templates are watched; warnings keep ``path:line:col``.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import struct
import textwrap
import threading
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from support import copy_example

GUARD = 600
"""Wall seconds after which a command is taken to hang: a guard, not a bound."""


def test_a_busy_port_is_reported_at_once_before_anything_is_built(tmp_path):
    root = copy_example(tmp_path / "proyek")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "rancang", "-C", str(root), "serve", "--port", str(port)],
                                capture_output=True, text=True, encoding="utf-8", timeout=GUARD)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"tidak dapat membuka server di 127.0.0.1:{port}" in output
    assert "--port" in output
    assert "Membangun situs" not in output  # the error comes first, not after a build
    assert "Traceback" not in output
    assert not (root / "_build" / "html").exists()  # nothing was built


# -- serving a project: a helper -------------------------------------------------------------------------------


class Served:
    """``rancang serve --port 0`` in a subprocess; its output read line by line."""

    def __init__(self, root: Path, env: dict[str, str] | None = None, cwd: Path | None = None):
        self.process = subprocess.Popen([sys.executable, "-m", "rancang", "-C", str(root), "serve", "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        encoding="utf-8", env=env, cwd=cwd)
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=lambda: [self.lines.put(line.rstrip("\n")) for line in self.process.stdout],
                         daemon=True).start()

    def wait_for(self, pattern: str) -> re.Match:
        deadline = time.monotonic() + GUARD
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.output)
                continue
            self.output.append(line)
            if match := re.search(pattern, line):
                return match
        pytest.fail(f"rancang serve hangs: no line matching {pattern!r} after {GUARD} s:\n" + "\n".join(self.output))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=GUARD)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _soffice(tmp_path: Path) -> Path:
    """Stands in for LibreOffice: the "PDF" of a DOCX is a copy of it, so a PDF shows which DOCX it was made of."""
    script = tmp_path / "soffice-palsu"
    script.write_text(textwrap.dedent("""\
        #!/bin/sh
        while [ "$1" != "--outdir" ]; do shift; done
        out="$2"; shift 2
        for f in "$@"; do
            b=$(basename "$f" .docx)
            cp "$f" "$out/$b.pdf"
        done
        """), encoding="utf-8")
    script.chmod(0o755)
    return script


def _says(path: Path) -> dict[str, bytes]:
    """The parts of a DOCX (or of its stand-in PDF), the ZIP's times of writing aside."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _pdf_matches_docx(pdf: Path) -> bool:
    return _says(pdf) == _says(pdf.with_suffix(".docx"))


def test_serve_keeps_the_pdfs_that_build_made_and_makes_again_the_one_whose_document_changed(tmp_path):
    root = copy_example(tmp_path / "proyek")
    env = dict(os.environ, RANCANG_SOFFICE=str(_soffice(tmp_path)))
    built = subprocess.run([sys.executable, "-m", "rancang", "-C", str(root), "build"], capture_output=True,
                           text=True, encoding="utf-8", env=env, timeout=GUARD)
    assert built.returncode == 0, built.stdout + built.stderr
    documents = root / "_build" / "dokumen"
    pdfs = sorted(documents.glob("*.pdf"))
    assert len(pdfs) == len(list(documents.glob("*.docx"))) >= 3
    made = {pdf.name: pdf.read_bytes() for pdf in pdfs}

    served = Served(root, env)
    try:
        served.wait_for(r"Situs disajikan di http://127\.0\.0\.1:\d+/")
        assert sorted(documents.glob("*.pdf")) == pdfs, "\n".join(served.output)  # none deleted
        assert {pdf.name: pdf.read_bytes() for pdf in pdfs} == made  # nor made again: their DOCX is the same
        assert not [line for line in served.output if line.startswith("Dihapus")]

        visit = root / "visits" / "dprd-pangkep-2021.yaml"
        visit.write_text(visit.read_text(encoding="utf-8").replace(
            "maksud: Mempelajari proses inovasi", "maksud: Mempelajari bersama proses inovasi"), encoding="utf-8")
        served.wait_for(r"Berubah: visits/dprd-pangkep-2021\.yaml\. Membangun ulang")
        served.wait_for(r"Situs diperbarui dalam [\d,]+ detik\.")
        assert sorted(documents.glob("*.pdf")) == pdfs, "\n".join(served.output)
        for pdf in pdfs:  # every PDF shows its DOCX as it is now: the brief's made again, the others as they were
            assert _pdf_matches_docx(pdf), pdf.name
        brief = documents / "dprd-pangkep-2021-bahan.pdf"
        assert brief.read_bytes() != made[brief.name]
        regulation = documents / "perwali-inovasi-daerah.pdf"
        assert regulation.read_bytes() == made[regulation.name]
    finally:
        served.stop()


def _png(red: int) -> bytes:
    """A 1×1 PNG of one colour."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes([0, red, 0, 0]))) + chunk(b"IEND", b""))


def test_serve_builds_again_when_a_file_that_rancang_yaml_names_outside_the_data_folders_changes(tmp_path):
    root = copy_example(tmp_path / "proyek")
    emblem = root / "gambar" / "lambang.png"
    emblem.parent.mkdir()
    emblem.write_bytes(_png(10))
    settings = root / "rancang.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nlambang: gambar/lambang.png\n", encoding="utf-8")
    regulation = root / "_build" / "dokumen" / "perwali-inovasi-daerah.docx"

    served = Served(root)
    try:
        served.wait_for(r"Situs disajikan di http://127\.0\.0\.1:\d+/")
        served.wait_for(r"Memantau perubahan pada .*rancang\.yaml.*visits/.*templates/")
        first = _says(regulation)
        emblem.write_bytes(_png(200))  # the region's emblem replaced by another
        served.wait_for(r"Berubah: gambar/lambang\.png\. Membangun ulang")
        served.wait_for(r"Situs diperbarui dalam [\d,]+ detik\.")
        assert _says(regulation) != first  # the regulation's letterhead shows the new emblem
    finally:
        served.stop()


def test_serve_warnings_keep_path_line_col_after_a_build(tmp_path):
    """`rancang build` first (it caches the records), then `rancang serve`: the regulation's findings, taken
    from the cache, still point at their line and column."""
    root = copy_example(tmp_path / "proyek")
    built = subprocess.run([sys.executable, "-m", "rancang", "-C", str(root), "build", "--no-pdf"],
                           capture_output=True, text=True, encoding="utf-8", cwd=root, timeout=GUARD)
    assert built.returncode == 0, built.stdout + built.stderr
    located = re.compile(r"^regulations/perwali-inovasi-daerah\.yaml:\d+:\d+: L512: peringatan: ")
    assert [line for line in built.stdout.splitlines() if located.match(line)]

    settings = root / "rancang.yaml"  # the same settings, written again: serve builds again (not up to date)
    settings.write_text(settings.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    served = Served(root, cwd=root)
    try:
        served.wait_for(r"Situs disajikan di http://127\.0\.0\.1:\d+/")
        findings = [line for line in served.output if " L512: " in line]
        assert findings, "\n".join(served.output)
        assert all(located.match(line) for line in findings), "\n".join(findings)
    finally:
        served.stop()
