"""The contributors' page draws the layers from the import contract, so the picture cannot drift from it.

The extension ``docs/_ext/rancang_arsitektur.py`` is tested on the real ``pyproject.toml``: its SVG shows
every layer and every module of the contract, in order, with arrows that only point down; its table has one
row per layer. A tiny Sphinx project (one page, this extension only) shows the directive end to end, and
that a contract with another number or order of layers stops the build with a clear message. The whole
documentation, this page included, is built with ``-W`` by ``tests/test_docs.py``.
"""

from __future__ import annotations

import io
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
PYPROJECT = REPO / "pyproject.toml"
SVG = "{http://www.w3.org/2000/svg}"

sys.path.insert(0, str(DOCS / "_ext"))
import rancang_arsitektur as arsitektur  # noqa: E402


def contract_layers(path: Path = PYPROJECT) -> list[list[tuple[str, bool]]]:
    """The layers as written in the contract: [(module, optional), ...] per layer, top to bottom."""
    config = tomllib.loads(path.read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    result = []
    for text in layers:
        whole = text.startswith("(") and text.endswith(")")
        result.append([(part.strip("()"), whole or part.startswith("("))
                       for part in re.split(r"\s*[:|]\s*", text.strip())])
    return result


@pytest.fixture(scope="module")
def layers() -> list[arsitektur.ContractLayer]:
    return arsitektur.read_contract(PYPROJECT)


@pytest.fixture(scope="module")
def svg(layers) -> ET.Element:
    # Parsed back from the markup that goes into the page, so the test reads what the browser gets.
    return ET.fromstring(arsitektur.svg_markup(layers))


def test_the_contract_is_read_with_one_description_per_layer(layers):
    expected = contract_layers()
    assert [[(m.name, m.optional) for m in layer.modules] for layer in layers] == expected
    assert [layer.about.key for layer in layers] == ["app", "outputs", "present", "domain", "data", "core"]
    assert all(layer.about.anchor in {m.name for m in layer.modules} for layer in layers)


def test_the_picture_shows_every_layer_and_module_of_the_contract_in_order(svg, layers):
    boxes = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "rancang-lapisan-kotak"]
    assert [g.get("data-lapisan") for g in boxes] == [layer.about.key for layer in layers]
    shown = [[(chip.get("data-modul"), "".join(chip.itertext()).strip())
              for chip in box.iter(f"{SVG}g") if chip.get("class") == "rancang-modul"] for box in boxes]
    for box, layer, expected, chips in zip(boxes, layers, contract_layers(), shown):
        assert [name for name, _ in chips] == [name for name, _ in expected], layer.about.key
        for (name, text), (_, optional) in zip(chips, expected):
            assert text == (f"{name} opsional" if optional else name)
        heading = "".join(next(box.iter(f"{SVG}text")).itertext())
        assert heading.startswith(f"{layer.index + 1}. {layer.about.name}")
    # Boxes top to bottom, without overlap.
    tops = [float(box.find(f"{SVG}rect").get("y")) for box in boxes]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)


def test_the_arrows_only_point_down_from_one_layer_to_the_next(svg, layers):
    boxes = [g.find(f"{SVG}rect") for g in svg.iter(f"{SVG}g") if g.get("class") == "rancang-lapisan-kotak"]
    arrows = [line for line in svg.iter(f"{SVG}line") if line.get("class") == "rancang-panah"]
    assert [a.get("data-dari") for a in arrows] == [layer.about.key for layer in layers[:-1]]
    for arrow, upper, lower in zip(arrows, boxes, boxes[1:]):
        assert arrow.get("x1") == arrow.get("x2")
        y1, y2 = float(arrow.get("y1")), float(arrow.get("y2"))
        assert float(upper.get("y")) + float(upper.get("height")) <= y1 < y2 <= float(lower.get("y"))
        assert arrow.get("marker-end")
    # The arrowhead points along the line (orient="auto"), i.e. down.
    marker = svg.find(f"{SVG}defs/{SVG}marker")
    assert marker.get("orient") == "auto" and marker.find(f"{SVG}path").get("d") == "M0,0 L10,5 L0,10 z"


def test_the_picture_has_an_indonesian_title_and_description(svg, layers):
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title.text.startswith("Lapisan kode rancang dari atas ke bawah: aplikasi, keluaran, penyajian")
    assert "Impor hanya boleh mengarah ke bawah" in title.text
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    for layer in contract_layers():
        for name, _ in layer:
            assert name in desc.text
    width, height = (float(v) for v in svg.get("viewBox").split()[2:])
    assert width > 0 and height > 0


def test_the_table_has_one_row_per_layer_with_its_modules(layers):
    table = arsitektur.layer_table(layers)
    rows = list(table.findall(lambda node: node.tagname == "row"))
    header, body = rows[0], rows[1:]
    assert [entry.astext() for entry in header.children] == ["Lapisan", "Modul", "Gunanya"]
    assert len(body) == len(layers)
    for row, layer, expected in zip(body, layers, contract_layers()):
        name, modules, purpose = (entry.astext() for entry in row.children)
        assert name.startswith(f"{layer.index + 1}. {layer.about.name} ({layer.about.key})")
        assert re.findall(r"rancang\.([\w_]+)", modules) == [m for m, _ in expected]
        assert purpose == layer.about.purpose.replace("`", "")


def _contract_with(tmp_path: Path, layers: list[str]) -> Path:
    lines = ",\n".join(f'  "{layer}"' for layer in layers)
    path = tmp_path / "pyproject.toml"
    path.write_text(f'[tool.importlinter]\nroot_package = "rancang"\n\n[[tool.importlinter.contracts]]\n'
                    f'name = "x"\ntype = "layers"\ncontainers = ["rancang"]\nlayers = [\n{lines}\n]\n',
                    encoding="utf-8")
    return path


def _real_layer_texts() -> list[str]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    return layers


def test_a_contract_with_another_number_of_layers_is_refused(tmp_path):
    path = _contract_with(tmp_path, _real_layer_texts()[:-1])
    with pytest.raises(arsitektur.ContractError, match=r"memuat 5 lapisan.*LAYERS.*ada 6"):
        arsitektur.read_contract(path)


def test_a_contract_whose_layers_moved_is_refused(tmp_path):
    texts = _real_layer_texts()
    texts[3], texts[4] = texts[4], texts[3]
    with pytest.raises(arsitektur.ContractError, match=r"lapisan ke-4 .* tidak memuat modul 'check'"):
        arsitektur.read_contract(_contract_with(tmp_path, texts))


def test_the_layer_syntax_of_import_linter():
    modules, whole, independent = arsitektur.parse_layer("a : (b) : c")
    assert [(m.name, m.optional) for m in modules] == [("a", False), ("b", True), ("c", False)]
    assert not whole and not independent
    modules, whole, independent = arsitektur.parse_layer("(x)")
    assert [(m.name, m.optional) for m in modules] == [("x", True)] and whole
    modules, whole, independent = arsitektur.parse_layer("p | q")
    assert [m.name for m in modules] == ["p", "q"] and independent


def _build(tmp_path: Path, pyproject: Path) -> tuple[int, str, Path]:
    """A one-page project with this extension only, built with -W into ``tmp_path/out``."""
    from sphinx.cmd.build import build_main

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        "extensions = ['myst_parser', 'rancang_arsitektur']\n"
        "language = 'id'\n"
        f"rancang_pyproject = {str(pyproject)!r}\n",
        encoding="utf-8")
    (src / "index.md").write_text("# Arsitektur\n\n```{rancang-lapisan}\n```\n", encoding="utf-8")
    out = tmp_path / "out"
    log = io.StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        status = build_main(["-W", "--keep-going", "-b", "html", "-q", "-E",
                             "-d", str(out / "doctrees"), str(src), str(out / "html")])
    return status, log.getvalue(), out / "html"


def test_the_directive_renders_the_picture_and_the_table(tmp_path):
    status, log, html_dir = _build(tmp_path, PYPROJECT)
    assert status == 0, log
    page = (html_dir / "index.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 1 and "<title id=" in page
    table = page[page.index('<table class="'):page.index("</table>")]
    assert "rancang-lapisan-tabel" in table
    assert table.count("<tr") == 1 + len(contract_layers())
    for layer in contract_layers():
        for name, _ in layer:
            assert f'data-modul="{name}"' in page
            assert f"rancang.{name}" in table


def test_the_build_stops_with_a_clear_message_when_the_contract_changed(tmp_path):
    contract = _contract_with(tmp_path, _real_layer_texts()[:-1])
    status, log, _ = _build(tmp_path, contract)
    assert status != 0
    assert "memuat 5 lapisan" in log and "LAYERS" in log


def test_the_page_uses_the_directive_and_is_in_the_table_of_contents():
    page = (DOCS / "arsitektur.md").read_text(encoding="utf-8")
    assert page.startswith("# Arsitektur untuk kontributor\n")
    assert "```{rancang-lapisan}\n```" in page
    assert "rancang_arsitektur" in (DOCS / "conf.py").read_text(encoding="utf-8")
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    toctree = index[index.index("```{toctree}"):]
    assert "\narsitektur\n" in toctree
