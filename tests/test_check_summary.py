"""Readable at volume: many findings end with a count per code and per file; ``--ringkas`` prints only that."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rancang.cli import SUMMARY_ABOVE, main
from rancang.codes import CODES
from support import copy_example

EXTRA = 24
"""Considerations added to the example's Perwali, each missing 'bahwa' (L501) and ending with ';' (L503)."""


@pytest.fixture(scope="module")
def noisy(tmp_path_factory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("ramai"), ("rancang.yaml", "kb", "regulations", "templates"))
    regulation = root / "regulations" / "perwali-inovasi-daerah.yaml"
    text = regulation.read_text(encoding="utf-8")
    added = "".join(f"  - untuk keperluan nomor {n} perlu diatur;\n" for n in range(EXTRA))
    regulation.write_text(text.replace("menimbang:\n", "menimbang:\n" + added, 1), encoding="utf-8")
    catalogue = root / "kb" / "dasar-hukum.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("lembaran: {tahun: 2017, nomor: 206}", "lembaran: {tahun: 2016, nomor: 206}"),
                         encoding="utf-8")
    return root


def run(capsys, root: Path, *args: str) -> tuple[int, list[str]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)  # paths as a user in the project folder sees them
        code = main(["check", *args])
    return code, capsys.readouterr().out.splitlines()


def quiet(root: Path, dangling: int = 0) -> Path:
    """The example with every drafting rule switched off, and ``dangling`` unknown ids in a Mengingat
    (R301 each): a number of findings that the rules being written elsewhere do not change."""
    settings = root / "rancang.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("pemeriksaan:\n", "pemeriksaan:\n  abaikan: [L]\n"), encoding="utf-8")
    regulation = root / "regulations" / "perwali-inovasi-daerah.yaml"
    text = regulation.read_text(encoding="utf-8")
    added = "".join(f"  - tidak-ada-{n}\n" for n in range(dangling))
    regulation.write_text(text.replace("mengingat:\n", "mengingat:\n" + added, 1), encoding="utf-8")
    return root


FINDING = re.compile(r"^\S+:\d+:\d+: [A-Z]\d{3}: ")


def findings_of(lines: list[str]) -> list[str]:
    return [line for line in lines if FINDING.match(line)]


def test_many_findings_end_with_counts_per_code_and_per_file(noisy, capsys):
    code, lines = run(capsys, noisy)
    listed = findings_of(lines)
    assert len(listed) > SUMMARY_ABOVE
    start = lines.index(next(line for line in lines if line.startswith("Ringkasan ")))
    assert lines[start] == f"Ringkasan {len(listed)} temuan menurut kode:"
    assert lines[:start] == listed  # the list first, then the summary, then the closing lines
    by_code = lines[start + 1:lines.index("Menurut berkas:")]
    counted = {row.split()[1]: int(row.split()[0]) for row in by_code}
    assert counted["L501"] == EXTRA and counted["L503"] == EXTRA and counted["L516"] == 1
    assert sum(counted.values()) == len(listed)
    assert f"  {EXTRA}  L501  {CODES['L501'].title}" in by_code
    assert [int(row.split()[0]) for row in by_code] == sorted(counted.values(), reverse=True)
    per_file = lines[lines.index("Menurut berkas:") + 1:]
    per_file = per_file[:next(i for i, line in enumerate(per_file) if not line.startswith("  "))]
    files = {row.split()[1]: int(row.split()[0]) for row in per_file}
    assert files["kb/dasar-hukum.yaml"] == 1
    assert files["regulations/perwali-inovasi-daerah.yaml"] >= 2 * EXTRA
    assert sum(files.values()) == len(listed)
    assert lines[-2].startswith("Diperiksa: ") and lines[-1].startswith("Ditemukan ")
    assert code == 1  # L501 is a galat: check still says so


def test_ringkas_prints_only_the_summary_and_the_final_line(noisy, capsys):
    _, full = run(capsys, noisy)
    code, lines = run(capsys, noisy, "--ringkas")
    assert findings_of(lines) == []
    start = full.index(lines[0])
    assert lines == full[start:-2] + full[-1:]
    assert code == 1


def test_few_findings_are_not_summarised_unless_asked(capsys, tmp_path):
    root = quiet(copy_example(tmp_path / "proyek", ("rancang.yaml", "kb", "regulations", "templates")), 2)
    _, lines = run(capsys, root)
    assert len(findings_of(lines)) == 2
    assert not any(line.startswith("Ringkasan ") for line in lines)
    _, brief = run(capsys, root, "--ringkas")
    assert brief[0] == f"Ringkasan {len(findings_of(lines))} temuan menurut kode:"
    assert brief[-1] == lines[-1]


def test_the_threshold(capsys, tmp_path):
    at = quiet(copy_example(tmp_path / "pas", ("rancang.yaml", "kb", "regulations", "templates")), SUMMARY_ABOVE)
    above = quiet(copy_example(tmp_path / "lebih", ("rancang.yaml", "kb", "regulations", "templates")),
                  SUMMARY_ABOVE + 1)
    assert not any(line.startswith("Ringkasan ") for line in run(capsys, at)[1])
    _, lines = run(capsys, above)
    assert f"Ringkasan {SUMMARY_ABOVE + 1} temuan menurut kode:" in lines
    assert f"  {SUMMARY_ABOVE + 1}  R301  {CODES['R301'].title}" in lines
    assert f"  {SUMMARY_ABOVE + 1}  regulations/perwali-inovasi-daerah.yaml" in lines


def test_ringkas_without_findings_says_so(capsys, tmp_path):
    root = quiet(copy_example(tmp_path / "proyek", ("rancang.yaml", "kb", "regulations", "templates")))
    code, lines = run(capsys, root, "--ringkas")
    assert (code, lines) == (0, ["Tidak ada masalah."])


def test_json_gets_the_same_counts(noisy, capsys):
    _, lines = run(capsys, noisy)
    code, out = run(capsys, noisy, "--format", "json")
    report = json.loads("\n".join(out))
    summary = report["ringkasan"]
    rows = lines[lines.index(next(line for line in lines if line.startswith("Ringkasan "))) + 1:]
    by_code = {row.split()[1]: int(row.split()[0]) for row in rows[:rows.index("Menurut berkas:")]}
    assert {row["kode"]: row["jumlah"] for row in summary["per_kode"]} == by_code
    assert all(row["judul"] == CODES[row["kode"]].title for row in summary["per_kode"])
    assert sum(row["jumlah"] for row in summary["per_berkas"]) == len(report["temuan"])
    _, out = run(capsys, noisy, "--format", "json", "--ringkas")
    brief = json.loads("\n".join(out))
    assert "temuan" not in brief and brief["ringkasan"] == summary and brief["galat"] == report["galat"]


def test_json_of_few_findings_is_unchanged(capsys, tmp_path):
    """Below the threshold the JSON report is the one programs already read (no 'ringkasan')."""
    root = quiet(copy_example(tmp_path / "proyek", ("rancang.yaml", "kb", "regulations", "templates")), 3)
    _, out = run(capsys, root, "--format", "json")
    assert list(json.loads("\n".join(out))) == ["diperiksa", "galat", "peringatan", "temuan"]
