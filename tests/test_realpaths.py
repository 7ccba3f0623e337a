"""``layout.RealPaths`` and the loader's listing give what ``os.path.realpath`` and ``sorted(root.glob(...))``
give, with and without symbolic links (the loader relies on it for every file of the project)."""

from __future__ import annotations

import os
from pathlib import Path

from rancang.layout import RealPaths, display_path
from rancang.loader import RealPaths as LoaderRealPaths, _listed, _yaml_files_under


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "proyek"
    (root / "kb/inovasi").mkdir(parents=True)
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "x.yaml").write_text("a: 1\n")
    (root / "kb/inovasi/b.yaml").write_text("a: 1\n")
    (root / "kb/inovasi/a.yaml").write_text("a: 1\n")
    (root / "kb/inovasi/.tersembunyi.yaml").write_text("a: 1\n")
    (root / "kb/inovasi/catatan.txt").write_text("-")
    os.symlink(outside / "x.yaml", root / "kb/inovasi/keluar.yaml")
    os.symlink(root / "kb/inovasi/a.yaml", root / "kb/inovasi/dalam.yaml")
    os.symlink(tmp_path / "tidak-ada.yaml", root / "kb/inovasi/putus.yaml")
    os.symlink(outside, root / "kb/tautan-folder")
    (root / "kb/lain").mkdir()
    (root / "kb/lain/c.yml").write_text("a: 1\n")
    return root


def test_real_paths_are_realpath(tmp_path):
    root = _tree(tmp_path)
    real = RealPaths()
    paths = [*root.rglob("*"), root / "kb/inovasi/tidak-ada.yaml", root / "kb/tautan-folder/x.yaml",
             Path("relatif.yaml"), Path("a/../b.yaml"), root / "kb/inovasi/../inovasi/a.yaml"]
    for path in paths:
        assert real(path) == os.path.realpath(path), path
        assert real(path, is_link=path.is_symlink()) == os.path.realpath(path), path
    assert LoaderRealPaths is RealPaths


def test_display_path_of_a_real_path(tmp_path, monkeypatch):
    root = _tree(tmp_path)
    monkeypatch.chdir(root)
    for path in [*root.rglob("*"), root, tmp_path, Path("kb/inovasi/a.yaml")]:
        assert display_path(path, real=RealPaths()(path)) == display_path(path), path


def test_listing_is_sorted_glob(tmp_path):
    root = _tree(tmp_path)
    for location in ("kb/inovasi/*.yaml", "kb/*/*.yaml", "kb/tautan-folder/*.yaml", "tidak-ada/*.yaml",
                     "rancang.yaml", "kb/inovasi/a.yaml"):
        listed = _listed(root, location, RealPaths())
        assert [path for path, _ in listed] == sorted(root.glob(location)), location
        assert [real for _, real in listed] == [os.path.realpath(path) for path, _ in listed]


def test_yaml_files_under_is_os_walk(tmp_path):
    root = _tree(tmp_path)
    walked = []
    for current, _dirs, files in os.walk(root / "kb"):
        walked += [Path(current) / name for name in files
                   if name.endswith((".yaml", ".yml")) and (Path(current) / name).is_file()]
    found = _yaml_files_under(root / "kb", RealPaths())
    assert sorted(Path(path) for path, _ in found) == sorted(walked)
    assert all(real == os.path.realpath(path) for path, real in found)
