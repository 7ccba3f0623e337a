"""What the search index holds of a page (rancang.site.search_record), on the example's build: names weigh most,
navigation, gallery cards, category lists and "belum tercatat" are left out, the text blocks are the page's."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from rancang.language.search_words import terms


def _record(example_build, docname: str) -> dict:
    """The stored record of a page: its fragment and its terms with their weights q (1..255)."""
    from rancang.site.search import RECORDS

    path = example_build.site.parent / ".doctrees" / RECORDS / f"{docname}.json"
    fragment, weights = path.read_text(encoding="utf-8").split("\n")
    value = json.loads(fragment)
    return {"title": value["j"], "url": value["u"], "kind": value["t"], "blocks": value["b"],
            "terms": json.loads(weights)}


def _innovations(root: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (root / "kb" / "inovasi").glob("*.yaml")}


def test_a_profile_weighs_its_name_then_its_facts_then_its_text(example_build) -> None:
    agencies = {a["id"]: a["nama"] for a in yaml.safe_load(
        (example_build.root / "kb" / "perangkat-daerah.yaml").read_text(encoding="utf-8"))}
    for record_id, source in _innovations(example_build.root).items():
        record = _record(example_build, f"kb/inovasi/{record_id}")
        assert record["title"] == source["nama"]
        assert record["url"] == f"kb/inovasi/{record_id}.html" and record["kind"] == "inovasi"
        for term in terms(source["nama"]):  # the top two bits of a weight: the best field (3: the name)
            assert record["terms"][term] >> 6 == 3, (record_id, term)
        blocks = record["blocks"]  # an unknown fact of the facts table is left out, not indexed as words
        assert not [b for a, b in zip(blocks, blocks[1:]) if a in ("Bentuk", "Jenis") and b == "belum tercatat"]
        agency = agencies.get(source.get("perangkat_daerah"))
        if agency:  # the agency's name is in the facts table
            assert all(record["terms"].get(t, 0) >> 6 >= 1 for t in terms(agency)), record_id
        summary = source.get("ringkasan")
        if summary:
            first = terms(summary.split()[0])
            assert not first or record["terms"][first[0]] >> 6 >= 2, record_id


def test_the_gallery_page_holds_no_card_and_no_category_list(example_build) -> None:
    record = _record(example_build, "kb/galeri")
    names = " ".join(source["nama"] for source in _innovations(example_build.root).values())
    own = set(terms(" ".join(record["blocks"])))
    assert not {t for t in terms(names) if t not in own} & set(record["terms"])
    assert not [b for b in record["blocks"] if "(1)" in b or " · " in b]
    assert record["title"] == "Galeri inovasi"
