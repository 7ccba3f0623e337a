"""kb/iid.yaml is a data file like the other kb files: loaded into ProjectData.iid, stamped (so that outputs made
from all data are renewed when it changes), watched by the site as a shared data file, and checked by schema."""

from __future__ import annotations

import os
from pathlib import Path

from iid_region import complete_region
from rancang.layout import IID_FILE, SHARED_DATA_FILES, Layout
from rancang.loader import load_project
from rancang.models import FORMATS

REPO = Path(__file__).resolve().parents[1]


def test_the_region_file_is_loaded_and_stamped(tmp_path, monkeypatch):
    root = complete_region(tmp_path, innovations=1)
    monkeypatch.chdir(root)
    data, problems = load_project(root)
    assert not [p.format() for p in problems]
    assert data.iid is not None and data.iid.catalogue == 2026 and len(data.iid.evidence) == 20
    assert data.files[IID_FILE] == "iid" and IID_FILE in data.stamps
    before = data.fingerprint()
    path = Layout(root).iid_file
    path.write_text(path.read_text(encoding="utf-8").replace("tingkat: 3", "tingkat: 2", 1), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert load_project(root)[0].fingerprint() != before


def test_the_region_file_is_optional_and_shared(tmp_path, monkeypatch):
    root = complete_region(tmp_path, innovations=1)
    (root / IID_FILE).unlink()
    monkeypatch.chdir(root)
    data, problems = load_project(root)
    assert data.iid is None and not [p.format() for p in problems]
    assert IID_FILE in SHARED_DATA_FILES and FORMATS["iid"].location == IID_FILE


def test_the_example_region_file_records_no_evidence():
    data, problems = load_project(REPO)
    assert data.iid is not None and data.iid.catalogue == 2026 and data.iid.evidence == []
