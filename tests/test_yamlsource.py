"""The safe reader: YAML 1.2 scalars, locations, and what it refuses."""

import datetime as dt

import pytest

from rancang.yamlsource import child, load_text


def data_of(text):
    source, problems = load_text(text, "x.yaml")
    assert problems == []
    return source.data


@pytest.mark.parametrize(
    "text, value",
    [
        ("v: no", "no"),  # YAML 1.1 would read False
        ("v: yes", "yes"),
        ("v: off", "off"),
        ("v: 09:00", "09:00"),  # YAML 1.1 would read 540
        ("v: 0421123456", "0421123456"),  # leading zero kept
        ("v: 08", "08"),
        ("v: 1_000", "1_000"),
        ("v: 2021", 2021),
        ("v: -3", -3),
        ("v: 1.5", 1.5),
        ("v: true", True),
        ("v: False", False),
        ("v: ~", None),
        ("v:", None),
        ("v: 2021-06-04", dt.date(2021, 6, 4)),
        ("v: 2021-06", "2021-06"),
        ("v: '2021-06-04'", "2021-06-04"),
        ("v: .inf", ".inf"),
        ("v: PU & <Kota>", "PU & <Kota>"),
        ("v: '{{ nama }}'", "{{ nama }}"),
    ],
)
def test_scalars_resolve_like_yaml_1_2(text, value):
    assert data_of(text) == {"v": value}


def test_every_character_is_kept():
    text = 'v: "Dinas Pertanian, Kelautan & Perikanan — “Srikandi” <b> {% raw %} \\u00e9"\n'
    assert data_of(text)["v"] == "Dinas Pertanian, Kelautan & Perikanan — “Srikandi” <b> {% raw %} é"


def test_block_text_keeps_newlines():
    assert data_of("v: |\n  baris satu\n  baris dua\n")["v"] == "baris satu\nbaris dua\n"


def test_nodes_carry_one_based_positions():
    source, _ = load_text("a: 1\nb:\n  - x\n  - y: 2\n", "x.yaml")
    second = child(child(source.node, "b"), 1)
    assert (second.start_mark.line + 1, second.start_mark.column + 1) == (4, 5)
    assert source.location(child(second, "y")).line == 4


def test_problems_that_allow_validation_are_kept_with_the_source():
    source, problems = load_text("a: 1\na: 2\nb: 2021-02-30\n", "x.yaml")
    assert source is not None and source.data == {"a": 1, "b": "2021-02-30"}
    assert [(p.code, p.location.line, p.location.column) for p in problems] == [("Y107", 2, 1), ("S205", 3, 4)]


def test_alias_bomb_is_bounded():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 10) + "]")
    source, problems = load_text("\n".join(lines) + "\n", "bomb.yaml")
    assert source is None
    assert [p.code for p in problems] == ["Y109"]


def test_python_tags_are_refused_without_running_anything():
    source, problems = load_text("v: !!python/object/apply:os.system ['echo hacked']\n", "x.yaml")
    assert [(p.code, p.location.line, p.location.column) for p in problems] == [("Y108", 1, 4)]


def test_a_quoted_full_date_is_a_date():
    from rancang.models.base import PartialDate

    assert PartialDate.parse("2021-06-04") == PartialDate(2021, 6, 4)
    import pydantic_core
    import pytest as _pytest

    with _pytest.raises(pydantic_core.PydanticCustomError):
        PartialDate.parse("2021-02-30")
