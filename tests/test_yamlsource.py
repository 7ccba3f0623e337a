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


# libyaml reads valid files (much faster); the Python parser explains errors. Both must see the same nodes.

from hypothesis import given, settings, strategies as st  # noqa: E402

from rancang import yamlsource  # noqa: E402

YAML_PIECES = st.sampled_from([
    "a", "b: ", "- ", "  ", "\n", ": ", "'", '"', "|", ">", "-", "#", "&x ", "*x", "[", "]", "{", "}", ",", "? ",
    "!!str ", "%", "\\", "é", "🙂", "1", "2021-06-04", "09:00", "no", "~", "...", "---", "\t", "\r\n", "\ufeff",
])


def _shape(node):
    marks = (node.start_mark.line, node.start_mark.column)
    if isinstance(node.value, list):
        # A collection's end differs only by trailing blanks (libyaml ends it at the next line); rancang
        # searches text between start and end, so only the ends of scalars must agree exactly.
        return (node.tag, marks, [(_shape(item[0]), _shape(item[1])) if isinstance(item, tuple) else _shape(item)
                                  for item in node.value])
    end = (node.end_mark.line, node.end_mark.column)
    if node.value == "" and not node.style:
        # An empty value after a document marker or an explicit "? key" is placed differently (the line
        # after vs. the end of the marker); after "key:" both agree, which test_empty_values_agree checks.
        marks = end = None
    return (node.tag, marks, end, node.value, getattr(node, "style", None) or None)  # libyaml: "" for plain


def _compose(loader_class, text):
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except (yaml.YAMLError, RecursionError, UnicodeError):
        return "error"
    return None if node is None else _shape(node)


import yaml  # noqa: E402


@pytest.mark.skipif(yamlsource._CLoader is None, reason="PyYAML without libyaml")
@settings(max_examples=1500, deadline=None)
@given(st.lists(YAML_PIECES, max_size=30).map("".join))
def test_libyaml_reads_what_the_python_parser_reads(text):
    """Where both parsers read a text, rancang uses libyaml's nodes: they must equal the Python parser's."""
    if not yamlsource.fast_path_allowed(text):
        return  # such files always go to the Python parser
    fast, slow = _compose(yamlsource._CLoader, text), _compose(yamlsource._PyLoader, text)
    if "error" not in (fast, slow):
        assert fast == slow
    # libyaml tolerates a few constructs the Python parser refuses (e.g. "|#" without a space); those files
    # are read as written, nothing lost. What libyaml refuses is always explained by the Python parser.


def test_libyaml_is_used_when_installed():
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    assert yamlsource._CLoader is not None


@pytest.mark.skipif(yamlsource._CLoader is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize("text", ["nama:\n", "nama: \nb: 1\n", "- a:\n  b:\n",
                                  "a:\n  -\n  - b\n"])
def test_empty_values_agree(text):
    def empties(loader_class):
        loader = loader_class(text)
        stack, out = [loader.get_single_node()], []
        while stack:
            node = stack.pop()
            if isinstance(node.value, list):
                for item in node.value:
                    stack.extend(item if isinstance(item, tuple) else (item,))
            elif node.value == "":
                out.append((node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column))
        return sorted(out)

    assert empties(yamlsource._CLoader) == empties(yamlsource._PyLoader)
