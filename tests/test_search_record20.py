"""What the search index holds of a page (rancang.site.search_record), on the example's build: names weigh most,
navigation, gallery cards, category lists and "belum tercatat" are left out, the text blocks are the page's."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from rancang.language.search_words import terms
from rancang.site.search_record import BODY, FACTS, TITLE


def _record(example_build, docname: str) -> dict:
    path = example_build.site.parent / ".doctrees" / "rancang-cari" / f"{docname}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _innovations(root: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (root / "kb" / "inovasi").glob("*.yaml")}


def test_a_profile_weighs_its_name_then_its_facts_then_its_text(example_build) -> None:
    agencies = {a["id"]: a["nama"] for a in yaml.safe_load(
        (example_build.root / "kb" / "perangkat-daerah.yaml").read_text(encoding="utf-8"))}
    for record_id, source in _innovations(example_build.root).items():
        record = _record(example_build, f"kb/inovasi/{record_id}")
        assert record["title"] == source["nama"]
        assert record["url"] == f"kb/inovasi/{record_id}.html" and record["kind"] == "inovasi"
        for term in terms(source["nama"]):
            assert record["terms"][term] >= TITLE, (record_id, term)
        blocks = record["blocks"]  # an unknown fact of the facts table is left out, not indexed as words
        assert not [b for a, b in zip(blocks, blocks[1:]) if a in ("Bentuk", "Jenis") and b == "belum tercatat"]
        agency = agencies.get(source.get("perangkat_daerah"))
        if agency:  # the agency's name is in the facts table
            assert all(record["terms"].get(t, 0) >= FACTS for t in terms(agency)), record_id
        summary = source.get("ringkasan")
        if summary:
            first = terms(summary.split()[0])
            assert not first or record["terms"][first[0]] > BODY, record_id


def test_the_gallery_page_holds_no_card_and_no_category_list(example_build) -> None:
    record = _record(example_build, "kb/galeri")
    names = " ".join(source["nama"] for source in _innovations(example_build.root).values())
    own = set(terms(" ".join(record["blocks"])))
    assert not {t for t in terms(names) if t not in own} & set(record["terms"])
    assert not [b for b in record["blocks"] if "(1)" in b or " · " in b]
    assert record["title"] == "Galeri inovasi"
