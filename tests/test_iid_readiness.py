"""Readiness per innovation and per region, and the estimate: the example (no evidence: no predicate, and what is
missing said), and the synthetic Kabupaten Contoh (numbers worked out by hand from the 2026 catalogue)."""

from __future__ import annotations

from pathlib import Path

import pytest

from iid_region import complete_region, innovation_id, png_bytes
from rancang.assessment.catalogue import load_catalogue
from rancang.assessment.readiness import (IndicatorStatus, innovation_readiness, project_catalogue,
                                          region_readiness)
from rancang.assessment.score import estimate
from rancang.check import check_project

REPO = Path(__file__).resolve().parents[1]
MANDATORY_SID = ["regulasi", "sdm", "kecepatan", "kemanfaatan", "video"]


def _data(root: Path):
    checked = check_project(root)
    assert not checked.report.errors, [d.format() for d in checked.report.errors]
    return checked.data


@pytest.fixture(scope="module")
def example():
    data = check_project(REPO).data
    catalogue, problems = project_catalogue(data)
    assert not problems and catalogue.year == 2026
    return data, region_readiness(data, catalogue)


def test_the_example_gets_no_predicate_and_says_what_is_missing(example):
    data, region = example
    result = region.estimate
    assert result.predicate is None and not result.has_predicate
    assert result.index == 0 and result.spd == 0 and result.sid_sum == 0
    assert result.label == "perkiraan, bukan nilai resmi BSKDN"
    assert result.missing[0].startswith("bukti indikator wajib pemerintah daerah (SPD) belum lengkap di kb/iid.yaml: "
                                        "visi-misi, perizinan, ")
    for record_id in data.innovations:
        assert (f"inovasi '{record_id}' belum memiliki bukti indikator wajib: {', '.join(MANDATORY_SID)}"
                in result.missing)
    assert "pembagi minimal 14 (keyakinan rendah)" in result.notes
    assert any(note.startswith("skor jumlah inovasi 0: ") for note in result.notes)


def test_each_example_innovation_lists_every_indicator_missing(example):
    data, region = example
    assert [item.record_id for item in region.innovations] == sorted(data.innovations)
    for item in region.innovations:
        assert len(item.missing) == 20 and not item.complete and not item.has_evidence
        assert [i.id for i in item.missing_mandatory] == MANDATORY_SID
        assert all(row.status is IndicatorStatus.MISSING and row.level is None for row in item.indicators)
    srikandi = next(item for item in region.innovations if item.record_id == "berdaya-srikandi-oleh-srikandi")
    assert [field.key for field in srikandi.form_fields] == [
        "inisiator", "jenis", "tanggal_uji_coba", "tanggal_penerapan", "rancang_bangun", "tujuan", "manfaat"]
    assert region.has_region_file and len(region.spd_missing_mandatory) == 13


def test_the_complete_region_gets_the_number_and_predicate_worked_out_by_hand(tmp_path):
    data = _data(complete_region(tmp_path))
    result = estimate(data, load_catalogue())
    # SPD: every weight x 3 = 63; SID: 14 innovations x 111 / MAX(14, 14) = 111; count: 14 x 0.38 = 5.32
    assert result.spd == pytest.approx(63)
    assert result.sid_sum == pytest.approx(14 * 111) and result.divisor == 14
    assert result.sid_indicators == pytest.approx(111)
    assert result.count == 14 and result.count_score == pytest.approx(5.32)
    assert result.total == pytest.approx(179.32) and result.maximum == 250
    assert result.index == 71.73  # 179.32 / 250 x 100 = 71.728
    assert result.predicate == "Sangat Inovatif"
    assert result.missing == [] and result.excluded == []
    assert result.affairs is not None and result.affairs.met


def test_fewer_innovations_and_lower_levels(tmp_path):
    data = _data(complete_region(tmp_path, innovations=6, sid_level=2, spd_level=1))
    result = estimate(data, load_catalogue())
    # SPD 21 x 1 = 21; SID 6 x 74 = 444 / MAX(14, 6) = 31.714...; count 6 x 0.38 = 2.28 (six affairs covered)
    assert result.spd == pytest.approx(21) and result.divisor == 14
    assert result.sid_indicators == pytest.approx(444 / 14)
    assert result.count_score == pytest.approx(2.28)
    assert result.index == 22.0  # (21 + 31.7143 + 2.28) / 250 x 100 = 21.998
    assert result.predicate == "Kurang Inovatif"


def test_region_and_estimate_agree(tmp_path):
    data = _data(complete_region(tmp_path, innovations=3))
    catalogue = load_catalogue()
    region = region_readiness(data, catalogue)
    assert region.estimate.index == estimate(data, catalogue).index
    assert all(item.complete and item.score == 111 for item in region.innovations)
    assert region.spd_score == 63 and not region.spd_missing


def test_a_missing_mandatory_indicator_means_no_predicate(tmp_path):
    root = complete_region(tmp_path)
    profile = root / "kb" / "inovasi" / f"{innovation_id(3)}.yaml"
    text = profile.read_text(encoding="utf-8")
    start = text.index("  - indikator: regulasi\n")
    end = text.index("  - indikator:", start + 1)
    profile.write_text(text[:start] + text[end:], encoding="utf-8")
    data = _data(root)
    result = estimate(data, load_catalogue())
    assert result.predicate is None
    assert result.missing == [f"inovasi '{innovation_id(3)}' belum memiliki bukti indikator wajib: regulasi"]
    assert result.sid_sum == pytest.approx(14 * 111 - 9)
    assert 0 < result.index < 71.73


def test_evidence_with_a_problem_does_not_count(tmp_path):
    root = complete_region(tmp_path, innovations=1)
    (root / "kb" / "bukti" / innovation_id(1) / "sdm.pdf").write_bytes(png_bytes())  # a PNG named .pdf
    data = check_project(root).data
    catalogue = load_catalogue()
    item = innovation_readiness(innovation_id(1), data.innovations[innovation_id(1)], catalogue, root)
    row = next(row for row in item.indicators if row.indicator.id == "sdm")
    assert row.status is IndicatorStatus.PROBLEM and row.score == 0 and row.level == 3
    assert row.problems == (f"berkas bukti 'kb/bukti/{innovation_id(1)}/sdm.pdf' berisi PNG, tidak sesuai akhiran "
                            "namanya (beri akhiran yang sesuai isinya)",)
    assert [i.id for i in item.missing_mandatory] == ["sdm"]
    assert item.score == 111 - 6


def test_the_affairs_rule_and_the_window(tmp_path):
    root = complete_region(tmp_path, innovations=5)  # the sixth basic-service affair (sosial) is not covered
    catalogue = load_catalogue()
    result = estimate(_data(root), catalogue)
    assert result.count_score == 0
    assert any("belum ada: Sosial" in note for note in result.notes)
    assert result.predicate is not None
    profile = root / "kb" / "inovasi" / f"{innovation_id(2)}.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("tanggal_penerapan: 2024-06-03",
                                                                   "tanggal_penerapan: 2023-05"), encoding="utf-8")
    result = estimate(_data(root), catalogue)
    assert result.count == 4 and [record for record, _why in result.excluded] == [innovation_id(2)]
    assert "di luar masa penerapan yang dihitung" in result.excluded[0][1]
