"""The workbooks rancang writes open in a real spreadsheet client: LibreOffice Calc reads the IID export
(``rancang iid --ekspor``) and the open data workbook (``data/inovasi.xlsx``) and writes every sheet as CSV; each
text cell reads exactly as rancang wrote it (openpyxl's reading of the same file), each sheet has every row."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pytest

from iid_region import complete_region, innovation_id
from rancang.cli import main
from support import needs_calc

pytestmark = needs_calc

# comma, double quote, UTF-8, row 1, -, -, -, -, raw values (not "as shown"), -, -, every sheet in its own file
CSV_EXPORT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def calc_sheets(workbook: Path, work: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``workbook`` as LibreOffice Calc reads it: sheet name -> rows of cell texts."""
    out = work / "csv"
    profile = Path(tempfile.mkdtemp(prefix="lo-profil-", dir=work))
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                           CSV_EXPORT, "--outdir", str(out), str(workbook)],
                          capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(profile)})
    assert done.returncode == 0, done.stderr
    prefix = f"{workbook.stem}-"
    sheets = {}
    for path in out.glob(f"{prefix}*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.reader(handle)]
        sheets[path.stem[len(prefix):]] = rows
    return sheets


def openpyxl_sheets(workbook: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(workbook)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def assert_same(workbook: Path, work: Path) -> dict[str, list[list[str]]]:
    calc, written = calc_sheets(workbook, work), openpyxl_sheets(workbook)
    assert sorted(calc) == sorted(written)
    for name, rows in written.items():
        read = calc[name]
        assert len(read) == len(rows), name
        for number, (row, shown) in enumerate(zip(rows, read), start=1):
            for column, value in enumerate(row):
                cell = shown[column] if column < len(shown) else ""
                where = f"{name}!{openpyxl.utils.get_column_letter(column + 1)}{number}"
                if value is None:
                    assert cell == "", where
                elif isinstance(value, str):
                    assert cell == value, where
                elif isinstance(value, dt.datetime):
                    assert cell, where  # a date cell: Calc shows it with the cell's format
                else:
                    assert cell and float(cell.replace(",", ".")) == pytest.approx(float(value)), where
    return calc


def test_the_iid_export_opens_in_calc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = complete_region(tmp_path, innovations=6)
    path = root / "kb/inovasi" / f"{innovation_id(1)}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("nama:"))
    lines[at] = "nama: 'Layanan PU & <Kota> \"Cepat\"'"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "iid.xlsx"
    monkeypatch.chdir(root)
    assert main(["iid", "--ekspor", str(target)]) == 0
    calc = assert_same(target, tmp_path)
    profile = calc["Profil"]
    assert [row[3] for row in profile[1:3]] == ['Layanan PU & <Kota> "Cepat"', "Inovasi Sintetis 02"]
    dates = [row[profile[0].index("Waktu penerapan inovasi daerah")] for row in profile[1:]]
    assert all(dates), dates  # every full date reads as a date
    assert len(calc["Bukti SID"]) == 1 + 6 * 20


def test_the_open_data_workbook_opens_in_calc(example_build, tmp_path: Path):
    calc = assert_same(example_build.site / "data" / "inovasi.xlsx", tmp_path)
    rows = calc["inovasi"]
    assert rows[0][:2] == ["id", "nama"] and len(rows) == 1 + 6
    assert len(calc["kolom"]) == len(rows[0]) + 1  # one row per column, under a header
    assert {row[1] for row in rows[1:]} >= {"Berdaya Srikandi oleh Srikandi", "Call Center 112"}
