"""Faults while writing: a clear message, the previous output intact, nothing half-written."""

from __future__ import annotations

import errno
import os

import pytest

from rancang.cli import main


@pytest.fixture
def project(example_copy):
    """A fresh copy of the example, the working folder (conftest.py)."""
    return example_copy


@pytest.mark.parametrize("error, words", [(errno.ENOSPC, "disk penuh"), (errno.EACCES, "izin menulis ditolak"),
                                           (errno.EROFS, "sistem berkas hanya-baca")])
def test_a_failed_write_keeps_the_previous_document(project, monkeypatch, capsys, error, words):
    previous = project / "_build/dokumen/perwali-inovasi-daerah.docx"
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"rancangan lama")

    def failing_replace(src, dst):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, "replace", failing_replace)
    assert main(["draft", "regulations/perwali-inovasi-daerah.yaml"]) == 1
    err = capsys.readouterr().err
    assert f"P409: berkas tidak dapat ditulis: {words}; berkas lama tidak diubah" in err
    assert "Traceback" not in err and "galat internal" not in err
    assert previous.read_bytes() == b"rancangan lama"
    assert sorted(p.name for p in previous.parent.iterdir()) == ["perwali-inovasi-daerah.docx"]  # no temp file


def test_an_unwritable_output_folder_is_explained(project, capsys):
    (project / "tidak-folder").write_text("ini berkas, bukan folder", encoding="utf-8")
    assert main(["brief", "visits/dprd-pangkep-2021.yaml", "-o", "tidak-folder/bahan.docx"]) == 1
    err = capsys.readouterr().err
    assert "P409: berkas tidak dapat ditulis" in err and "Traceback" not in err
