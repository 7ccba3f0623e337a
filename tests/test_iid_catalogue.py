"""The IID catalogues shipped as data: each loads, its sums are those its sources state, and what is not known
is left unknown (never a made-up number)."""

from __future__ import annotations

import pytest

from rancang.assessment.catalogue import ESTIMATE_LABEL, catalogue_for, catalogue_years, load_catalogue
from rancang.models.iid import Aspect, Confidence

STABLE_SID_IDS = {
    "regulasi", "sdm", "anggaran", "alat-kerja", "bimtek", "rkpd", "aktor", "pelaksana", "jejaring", "sosialisasi",
    "pedoman-teknis", "informasi-layanan", "kemudahan-proses", "pengaduan", "layanan-terintegrasi", "replikasi",
    "kecepatan", "kemanfaatan", "monev", "video",
}


@pytest.mark.parametrize("year", catalogue_years())
def test_every_shipped_catalogue_loads_with_unique_ids_and_three_levels(year):
    catalogue = load_catalogue(year)
    assert catalogue.year == year
    ids = [item.id for item in catalogue.indicators]
    assert len(ids) == len(set(ids))
    assert all(len(item.levels) == 3 and all(text.strip() for text in item.levels) for item in catalogue.indicators)
    assert all(item.sources for item in catalogue.indicators)
    thresholds = [p.minimum for p in catalogue.predicates.thresholds]
    assert thresholds == sorted(thresholds, reverse=True)


def test_2026_is_shipped_and_is_the_newest_by_default():
    assert 2026 in catalogue_years()
    assert load_catalogue().year == max(catalogue_years())


def test_2026_sums_are_those_the_guideline_states():
    catalogue = load_catalogue(2026)
    assert len(catalogue.spd) == 20 and len(catalogue.sid) == 20
    assert catalogue.spd_maximum == sum(item.weight for item in catalogue.spd) * 3 == 63
    assert catalogue.sid_maximum == sum(item.weight for item in catalogue.sid) * 3 == 111
    assert catalogue.count_maximum == pytest.approx(0.38 * 200) == pytest.approx(76)
    assert catalogue.formula.maximum_total.value == 250 == catalogue.spd_maximum + catalogue.sid_maximum + 76
    assert catalogue.indicator("video").weight == 4 and catalogue.indicator("video").maximum == 12


def test_2026_ids_and_mandatory_indicators():
    catalogue = load_catalogue(2026)
    assert {item.id for item in catalogue.sid} == STABLE_SID_IDS
    assert {item.id for item in catalogue.sid if item.mandatory} == {"regulasi", "sdm", "kecepatan", "kemanfaatan",
                                                                    "video"}
    # ten numbered SPD indicators are mandatory; 5, 10 and 11 have two rows each
    mandatory_numbers = {item.number.rstrip("ab") for item in catalogue.spd if item.mandatory}
    assert mandatory_numbers == {"1", "3", "4", "5", "6", "7", "8", "9", "10", "11"}
    assert all(item.aspect is Aspect.SID for item in catalogue.sid)


def test_unknown_and_unconfirmed_values_are_labelled_not_invented():
    catalogue = load_catalogue(2026)
    assert catalogue.upload.max_megabytes is None and catalogue.upload.size_confidence is None
    assert catalogue.upload.types_confidence is Confidence.LOW
    assert catalogue.formula.divisor_minimum.confidence is Confidence.LOW
    assert catalogue.predicates.confidence is Confidence.LOW
    assert "bukan nilai resmi" in ESTIMATE_LABEL


def test_a_year_without_catalogue():
    with pytest.raises(KeyError):
        load_catalogue(1999)
    catalogue, exact = catalogue_for(1999)
    assert not exact and catalogue.year == max(catalogue_years())


def test_the_basic_service_affairs_are_named_as_uu_23_2014_names_them_and_spellings_are_recognised():
    from rancang.assessment.indicators import affairs_coverage
    from rancang.models.innovation import Innovation

    catalogue = load_catalogue(2026)
    rule = catalogue.affairs_rule
    assert "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat" in rule.affairs
    # every other name is a whole name (a flow list split at its commas would give "dan ... masyarakat")
    assert not [name for names in rule.aliases.values() for name in names if name.startswith(("dan ", "serta "))]
    for written in ("Ketenteraman, Ketertiban Umum, dan Perlindungan Masyarakat", "trantibumlinmas",
                    "ketenteraman dan ketertiban umum serta pelindungan masyarakat"):
        coverage = affairs_coverage([Innovation(nama="Contoh", urusan=[written])], catalogue)
        assert coverage.covered == ("Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",), written
