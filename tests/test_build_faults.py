"""Faults during ``rancang build``: LibreOffice missing, hanging or crashing, an interrupted build,
a write failure half-way. Each gives a clear Indonesian message, keeps what was already good, and
leaves no temporary file behind.

Everything runs through ``rancang.cli.main(["build"])`` on a copy of the example project; LibreOffice
is replaced by small shell scripts (``RANCANG_SOFFICE``), so these tests need no LibreOffice.
"""

from __future__ import annotations

import errno
import hashlib
import os
import textwrap
from pathlib import Path

import pytest

import rancang.render.pdf as pdf_module
from rancang.cli import main
from support import assert_ended

DOCS = "_build/dokumen"
REGULATION = "perwali-inovasi-daerah"

pytestmark = pytest.mark.slow  # whole builds


@pytest.fixture
def project(example_copy):
    """A fresh copy of the example in tmp_path / "proyek", the working folder (conftest.py)."""
    return example_copy


def _fake(tmp_path: Path, name: str, body: str) -> Path:
    script = tmp_path / name
    script.write_text("#!/bin/sh\n" + textwrap.dedent(body), encoding="utf-8")
    script.chmod(0o755)
    return script


def _good_soffice(tmp_path: Path) -> Path:
    """Writes a small PDF for every DOCX it is given, like ``soffice --convert-to pdf --outdir DIR``."""
    return _fake(tmp_path, "soffice-baik", """\
        while [ "$1" != "--outdir" ]; do shift; done
        out="$2"; shift 2
        for f in "$@"; do
            b=$(basename "$f" .docx)
            printf '%%PDF-1.4 baik' > "$out/$b.pdf"
        done
        """)


def _docx(root: Path) -> list[Path]:
    return sorted((root / DOCS).glob("*.docx"))


def _pdfs(root: Path) -> list[Path]:
    return sorted((root / DOCS).glob("*.pdf"))


def _temp_files(root: Path) -> list[Path]:
    return [p for p in (root / "_build").rglob("*") if p.name.endswith(".tmp")]


def _tree_hash(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _expected_docx(root: Path) -> set[str]:
    names = {f"{p.stem}.docx" for p in (root / "regulations").glob("*.yaml")}
    assert names, "the example project has a regulation"
    return names


def test_missing_libreoffice_keeps_the_docx(project, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RANCANG_SOFFICE", str(tmp_path / "tidak-ada" / "soffice"))
    assert main(["build"]) == 0
    out, err = capsys.readouterr()
    assert "PDF tidak dibuat: LibreOffice (soffice) tidak ditemukan" in out
    assert "Berkas DOCX tetap tersedia." in out
    assert "Traceback" not in out + err
    names = {p.name for p in _docx(project)}
    assert _expected_docx(project) <= names
    assert all(p.stat().st_size > 0 for p in _docx(project))
    assert _pdfs(project) == []
    assert _temp_files(project) == []


def test_hanging_libreoffice_is_stopped(project, tmp_path, monkeypatch, capsys):
    # A first build with a working (fake) LibreOffice leaves a PDF beside every DOCX.
    monkeypatch.setenv("RANCANG_SOFFICE", str(_good_soffice(tmp_path)))
    assert main(["build"]) == 0
    old_pdfs = _pdfs(project)
    assert {p.stem for p in old_pdfs} == {p.stem for p in _docx(project)}
    capsys.readouterr()

    # Then LibreOffice hangs after writing half a PDF; the timeout is made short. The hanging child notes its
    # process id, and the script what it does after the child ends (it never should).
    child, woke = tmp_path / "anak.pid", tmp_path / "bangun"
    hang = _fake(tmp_path, "soffice-macet", f"""\
        while [ "$1" != "--outdir" ]; do shift; done
        printf '%%PDF-1.4 setengah' > "$2/perwali-inovasi-daerah.pdf"
        sleep 120 &
        echo $! > {child}
        wait
        echo bangun > {woke}
        """)
    monkeypatch.setenv("RANCANG_SOFFICE", str(hang))
    monkeypatch.setattr(pdf_module.convert_to_pdf, "__defaults__", (1,))
    assert main(["build"]) == 0
    # Stopped, not waited for: the script never went on, and its hanging child is gone too.
    assert not woke.exists()
    assert_ended(int(child.read_text()))
    out, err = capsys.readouterr()
    assert "PDF tidak dibuat: LibreOffice tidak selesai dalam 1 detik dan dihentikan." in out
    assert "Berkas DOCX tetap tersedia; tidak ada PDF yang ditulis." in out
    assert "Traceback" not in out + err
    assert _expected_docx(project) <= {p.name for p in _docx(project)}
    # drafts' rule: a PDF beside a DOCX just written, not made in this run, shows an older draft and is removed.
    for old in old_pdfs:
        assert not old.exists()
        assert f"Dihapus: {DOCS}/{old.name} (PDF lama tidak lagi sesuai dengan DOCX)" in out
    assert _pdfs(project) == []  # no partial PDF either
    assert _temp_files(project) == []


def test_crashing_libreoffice_keeps_the_docx(project, tmp_path, monkeypatch, capsys):
    crash = _fake(tmp_path, "soffice-gagal", """\
        echo "gagal memuat profil" >&2
        exit 1
        """)
    monkeypatch.setenv("RANCANG_SOFFICE", str(crash))
    assert main(["build"]) == 0
    out, err = capsys.readouterr()
    assert "PDF tidak dibuat: LibreOffice gagal membuat PDF (kode keluar 1)." in out
    assert "gagal memuat profil" in out and "Berkas DOCX tetap tersedia" in out
    assert "Traceback" not in out + err
    assert _expected_docx(project) <= {p.name for p in _docx(project)}
    assert _pdfs(project) == []
    assert _temp_files(project) == []


def test_an_interrupted_build_leaves_the_previous_site(project, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RANCANG_SOFFICE", str(tmp_path / "tidak-ada" / "soffice"))
    assert main(["build"]) == 0
    html = project / "_build/html"
    before = _tree_hash(html)
    assert "index.html" in before
    capsys.readouterr()

    import rancang.site.builder as builder

    calls = []

    def interrupted(root, data, *args, **kwargs):
        calls.append(sorted(p.name for p in _docx(project)))  # documents were written before the site
        raise KeyboardInterrupt

    monkeypatch.setattr(builder, "build_site", interrupted)
    from rancang.layout import STATE_FILE

    (project / STATE_FILE).unlink(missing_ok=True)  # a real build, not "nothing changed" (tested elsewhere)
    assert main(["build"]) == 130
    out, err = capsys.readouterr()
    assert err.strip().endswith("Dibatalkan.")
    assert "Traceback" not in out + err
    assert calls and _expected_docx(project) <= set(calls[0])
    assert _tree_hash(html) == before
    assert _temp_files(project) == []


def test_a_write_failure_half_way_keeps_the_old_files(project, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RANCANG_SOFFICE", str(tmp_path / "tidak-ada" / "soffice"))
    assert main(["build"]) == 0
    documents = _docx(project)
    assert len(documents) >= 2, "the example project builds at least two documents"
    for path in documents:
        path.write_bytes(b"versi lama")
    capsys.readouterr()

    real_replace = os.replace
    targets = []

    def replace(src, dst, *args, **kwargs):
        targets.append(Path(dst))
        if len(targets) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    assert main(["build"]) == 1
    out, err = capsys.readouterr()
    assert "P409: berkas tidak dapat ditulis: disk penuh; berkas lama tidak diubah" in err
    assert "Traceback" not in out + err and "galat internal" not in err
    first, second = (t.resolve() for t in targets[:2])
    # The first document was replaced before the failure: it holds the complete new version (a DOCX, a zip).
    assert first.read_bytes()[:2] == b"PK"
    # The second keeps its previous version, whole.
    assert second.read_bytes() == b"versi lama"
    # Documents after the failure were not touched.
    for path in documents:
        if path.resolve() not in (first, second):
            assert path.read_bytes() == b"versi lama"
    assert _temp_files(project) == []
