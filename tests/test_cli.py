"""The command line, end to end on the bundled example."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import rancang.check
from rancang.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


# What the bundled example still reports: only citations that could not be confirmed from the sources
# (terkonfirmasi: false in kb/dasar-hukum.yaml). They are real and stay visible.
UNCONFIRMED = {"uu-13-2022", "permendagri-120-2018", "permendagri-104-2018"}


def test_check_on_the_bundled_example_has_no_errors(in_root, capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    findings, checked, summary = out[:-2], out[-2], out[-1]
    assert summary == f"Ditemukan 0 galat dan {len(UNCONFIRMED)} peringatan."
    assert all(": L512: peringatan: " in line for line in findings)
    assert {line.split("'")[1] for line in findings} == UNCONFIRMED
    assert checked.startswith("Diperiksa: 1 pengaturan proyek, 1 daftar perangkat daerah, 1 katalog dasar hukum, ")
    innovations = len(list((ROOT / "kb/inovasi").glob("*.yaml")))
    assert f"{innovations} profil inovasi" in checked and innovations >= 5


def test_check_json_on_the_example(in_root, capsys):
    assert main(["check", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["galat"] == 0 and report["peringatan"] == len(UNCONFIRMED)
    assert {f["kode"] for f in report["temuan"]} == {"L512"}
    assert report["diperiksa"]["pengaturan proyek"] == 1
    assert main(["check", "--strict"]) == 1  # CI mode: the unconfirmed citations must be resolved first


def test_build_validates_and_reports(example_build):
    # `rancang build --no-pdf` in a fresh copy of the example (conftest.py), not in the repository: a real build,
    # not "nothing changed" (tested elsewhere), and nothing written beside the sources.
    assert example_build.code == 0
    out = example_build.output
    assert "Ditemukan 0 galat dan 3 peringatan." in out
    assert "Ditulis: _build/dokumen/perwali-inovasi-daerah.docx" in out


def test_check_from_a_subfolder_finds_the_project(monkeypatch, capsys):
    monkeypatch.chdir(ROOT / "kb")
    assert main(["check"]) == 0


def test_paths_restrict_the_report(tmp_path, monkeypatch, capsys):
    (tmp_path / "rancang.yaml").write_text("daerah: {jenis: kota, nama: A, provinsi: B}\n", encoding="utf-8")
    (tmp_path / "kb/inovasi").mkdir(parents=True)
    (tmp_path / "kb/inovasi/a.yaml").write_text("nama: A\nbentuk: x\n", encoding="utf-8")
    (tmp_path / "kb/inovasi/b.yaml").write_text("nama: B\njenis: y\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "kb/inovasi/b.yaml"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in out[:-2]] == ["kb/inovasi/b.yaml:2:8"]
    assert out[-2] == "Diperiksa: 1 profil inovasi."
    assert main(["check", "notes.yaml"]) == 0
    assert "notes.yaml: P404:" in capsys.readouterr().out


def test_no_project(tmp_path, capsys):
    assert main(["-C", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "P401: rancang.yaml tidak ditemukan" in err


def test_usage_errors_are_in_indonesian(capsys):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "cara pakai: rancang" in err and "galat: argumen berikut wajib diisi: PERINTAH" in err
    with pytest.raises(SystemExit):
        main(["new", "apa", "x"])
    assert "pilihan tidak dikenal: 'apa'" in capsys.readouterr().err


def test_help_is_in_indonesian(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "cara pakai:" in out and "pilihan:" in out and "tampilkan bantuan ini lalu keluar" in out
    for english in ("usage:", "options:", "show this help"):
        assert english not in out


def test_an_internal_error_is_explained_without_traceback(in_root, capsys, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(rancang.check, "check_project", broken)
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert "galat internal rancang (RuntimeError: boom)" in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_console_script_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "rancang", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("rancang ")


def test_yaml_where_rancang_does_not_look_is_reported(tmp_path, monkeypatch, capsys):
    (tmp_path / "rancang.yaml").write_text("daerah: {jenis: kota, nama: A, provinsi: B}\n", encoding="utf-8")
    for rel in ("kb/inovasi/lama/x.yaml", "kb/inovasi/y.yml", "visit/a.yaml", "docs/conf.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("nama: X\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0  # warnings only
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "kb/inovasi/lama/x.yaml: P404: peringatan: berkas ini tidak diperiksa karena berada di luar tempat berkas "
        "data; pindahkan ke kb/inovasi/, regulations/, atau visits/",
        "kb/inovasi/y.yml: P404: peringatan: berkas ini tidak diperiksa karena berada di luar tempat berkas data; "
        "ganti akhirannya menjadi .yaml",
        "visit/a.yaml: P404: peringatan: berkas ini tidak diperiksa karena berada di luar tempat berkas data; "
        "pindahkan ke kb/inovasi/, regulations/, atau visits/",
        "Diperiksa: 1 pengaturan proyek.",
        "Ditemukan 0 galat dan 3 peringatan.",
    ]


def test_strict_turns_warnings_into_errors(tmp_path, monkeypatch, capsys):
    (tmp_path / "rancang.yaml").write_text("daerah: {jenis: kota, nama: A, provinsi: B}\n", encoding="utf-8")
    (tmp_path / "kb/inovasi/lama").mkdir(parents=True)
    (tmp_path / "kb/inovasi/lama/x.yaml").write_text("nama: X\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert "Ditemukan 0 galat dan 1 peringatan." in capsys.readouterr().out
    assert main(["check", "--strict"]) == 1
    out = capsys.readouterr().out
    assert "kb/inovasi/lama/x.yaml: P404: berkas ini" in out and "Ditemukan 1 galat dan 0 peringatan." in out
