"""Open data after an edit: the files written from the last build's (texts copied, the workbook's unchanged
pieces copied compressed) are the same, byte for byte, as those of a first build. On the synthetic corpus of
``bench/corpus.py``, with more profiles than one compressed piece of the sheet holds."""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path

import pytest

from rancang.check import check_project
from rancang.site import opendata

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

RECORDS = 2 * opendata.BLOCK_ROWS + 7
"""Three pieces of the sheet, the last one short."""


def _age(root: Path) -> None:
    past = time.time() - 3600
    for path in (root / "kb").rglob("*.yaml"):
        os.utime(path, (past, past))


def _fresh(data) -> dict[str, bytes]:
    return {opendata.JSON_FILE: opendata.json_bytes(data), opendata.CSV_FILE: opendata.csv_bytes(data),
            opendata.XLSX_FILE: opendata.xlsx_bytes(data)}


def _written(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in (opendata.JSON_FILE, opendata.CSV_FILE, opendata.XLSX_FILE)}


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("korpus")
    corpus.make_project(root, RECORDS)
    _age(root)
    return root


def _step(root: Path, folder: Path, index):
    data = check_project(root).data
    index = opendata.write_rows_files(data, folder, index, "kode")
    assert _written(folder) == _fresh(data)
    return data, index


def test_the_files_after_edits_are_those_of_a_first_build(base, tmp_path):
    import shutil

    root = tmp_path / "proyek"
    shutil.copytree(base, root)
    folder = tmp_path / "data"
    data, index = _step(root, folder, None)
    assert len(index["blocks"]) == 3
    with zipfile.ZipFile(folder / opendata.XLSX_FILE) as archive:
        assert archive.testzip() is None
    first = {name: (folder / name).stat().st_mtime_ns for name in _written(folder)}

    _, index = _step(root, folder, index)  # nothing changed: nothing written
    assert {name: (folder / name).stat().st_mtime_ns for name in _written(folder)} == first

    edited = corpus.edit_record(root, 70, "Kalimat suntingan.")  # in the second piece of the sheet
    _, index = _step(root, folder, index)
    assert b"Kalimat suntingan." in (folder / opendata.CSV_FILE).read_bytes()

    stat = edited.stat()  # the same text, another stamp: the files stay
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10_000_000_000))
    before = {name: (folder / name).stat().st_mtime_ns for name in _written(folder)}
    _, index = _step(root, folder, index)
    assert {name: (folder / name).stat().st_mtime_ns for name in _written(folder)} == before

    # a very long cell widens its column (the frame of the workbook changes), then a profile goes, one comes
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("hasil: |\n", "hasil: |\n  " + "panjang " * 200 + "\n", 1), encoding="utf-8")
    _, index = _step(root, folder, index)
    first_file = sorted((root / "kb" / "inovasi").glob("*.yaml"))[0]
    moved = first_file.read_text(encoding="utf-8")
    first_file.unlink()
    _, index = _step(root, folder, index)
    (root / "kb" / "inovasi" / "zz-baru.yaml").write_text(moved, encoding="utf-8")
    data, index = _step(root, folder, index)
    assert len(data.innovations) == RECORDS
    with zipfile.ZipFile(folder / opendata.XLSX_FILE) as archive:
        assert archive.testzip() is None


def test_a_lost_or_changed_file_is_written_whole_again(base, tmp_path):
    import shutil

    root = tmp_path / "proyek"
    shutil.copytree(base, root)
    folder = tmp_path / "data"
    _, index = _step(root, folder, None)
    (folder / opendata.CSV_FILE).write_bytes(b"diubah orang")
    (folder / opendata.XLSX_FILE).unlink()
    corpus.edit_record(root, 3, "Kalimat lain.")
    _step(root, folder, index)


def test_crc_of_joined_pieces():
    import zlib

    pieces = [os.urandom(size) for size in (0, 1, 300, 70_000)]
    crc = 0
    for piece in pieces:
        crc = opendata._crc_combine(crc, zlib.crc32(piece), len(piece))
    assert crc == zlib.crc32(b"".join(pieces))
