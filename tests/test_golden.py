"""Golden outputs: what users get from rancang must not change while its internals are restructured.

The goldens in ``tests/golden/`` were captured from commit ca1e88e; this module builds the same
projects with the rancang under test and compares. It uses the public command line only
(``python -m rancang`` in a subprocess, ``rancang.cli.main`` for the bad-file corpus), never an
internal module. What is pinned:

1. DOCX, per part: every DOCX of ``rancang build --no-pdf`` on the bundled example (the regulation,
   the visit brief and the visit report) and of ``rancang draft`` in examples/pangkep. A manifest
   ``docx/<project>/<name>.json`` lists the parts in zip order with their SHA-256; the zip container
   itself (entry timestamps: the only thing that differs between two builds) is not compared.
   ``word/document.xml`` and every XML part that is not the template's own (core properties,
   headers) are kept one tag per line, so a failure prints a unified diff of the XML. The copies
   offered for download on the site (``_unduhan/``) must have the same parts.
2. Open data, byte for byte: ``_build/html/data/*`` (``opendata/``).
3. HTML pages (``html/<page>.json``): every element in document order with its attributes (sorted,
   Sphinx's ``?v=`` suffix removed) and its text with ASCII whitespace folded. ``static.json`` pins
   the files of ``_static/`` by SHA-256 (which the ``?v=`` suffixes only stood for).
4. Diagnostics, line for line: ``rancang check`` (text and ``--format json``) on every case of the
   bad-file corpus of tests/test_bad_files.py (inputs frozen in ``bad-files/inputs.json``), and
   ``check``/``build``/``draft`` output on both example projects (``commands/``). Also pinned:
   ``--help`` of every command and the skeletons ``rancang new`` writes.

Dates. ``faketime`` is not installed, so no date is faked. The only output that depends on the
current date is the verification sentence of a profile page (``Data ini mungkin sudah usang.``
and the class ``rancang-basi`` after 365 days); the HTML comparison folds both forms into one
(``capture.fold_verification``). Neither example sets ``diverifikasi`` today, so nothing is hidden
now, and a profile that gets one later will not make the golden rot. Everything else was checked
not to depend on the date, but for a draft regulation's DOCX core properties, which carry the build
date: the commands run with ``SOURCE_DATE_EPOCH`` set to 2025-01-01 (``capture.environment``).

Determinism: two builds of the landed code, with different hash seeds and 1, 2 or 4 Sphinx
processes (``RANCANG_PROSES``), gave identical goldens; only zip entry timestamps differed.

A deliberate output change: run ``tests/golden/regenerate.py`` (see its docstring) and name the
change in the commit message. Never regenerate to make this test pass.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def _load_capture():
    name = "golden_capture"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, GOLDEN / "capture.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


capture = _load_capture()
ROOT = capture.ROOT
REGENERATE = "tests/golden/regenerate.py (hanya untuk perubahan keluaran yang disengaja, sebutkan di commit)"


def _rel(path: Path, base: Path, suffix: str = "") -> str:
    rel = path.relative_to(base).as_posix()
    return rel[: -len(suffix)] if suffix and rel.endswith(suffix) else rel


COMMANDS = sorted(_rel(p, GOLDEN / "commands", ".json") for p in (GOLDEN / "commands").glob("*.json"))
DOCX = sorted(_rel(p, GOLDEN / "docx", ".json") for p in (GOLDEN / "docx").glob("*/*.json"))
OPEN_DATA = sorted(p.name for p in (GOLDEN / "opendata").iterdir())
PAGES = sorted(_rel(p, GOLDEN / "html", ".json") for p in (GOLDEN / "html").rglob("*.json"))
SKELETONS = sorted(_rel(p, GOLDEN / "skeletons") for p in (GOLDEN / "skeletons").rglob("*.yaml"))
CORPUS_OUTPUTS = capture.load_json(GOLDEN / "bad-files" / "outputs.json")
CORPUS = list(CORPUS_OUTPUTS)


# -- building each project once --------------------------------------------------------------


@pytest.fixture(scope="module")
def parepare(tmp_path_factory):
    return capture.build_parepare(ROOT, tmp_path_factory.mktemp("golden") / "parepare")


@pytest.fixture(scope="module")
def pangkep(tmp_path_factory):
    return capture.build_pangkep(ROOT, tmp_path_factory.mktemp("golden") / "pangkep")


@pytest.fixture(scope="module")
def extras(tmp_path_factory):
    return capture.help_and_skeletons(ROOT, tmp_path_factory.mktemp("golden") / "kerangka")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    inputs = capture.load_json(GOLDEN / "bad-files" / "inputs.json")
    return capture.run_corpus(inputs, tmp_path_factory.mktemp("golden") / "korpus")


@pytest.fixture(scope="module")
def site(parepare):
    root, runs = parepare
    if runs["parepare-build"]["kode_keluar"] != 0:
        pytest.fail(_command_failure(capture.load_json(GOLDEN / "commands" / "parepare-build.json"),
                                     runs["parepare-build"], "parepare-build"), pytrace=False)
    return root / "_build" / "html"


@pytest.fixture(scope="module")
def templates():
    return capture.template_parts([ROOT / "templates"])


# -- comparison helpers (each returns None when equal, else a readable failure message) ---------


def _command_failure(expected: dict, actual: dict, label: str) -> str | None:
    if expected == actual:
        return None
    parts = [f"keluaran '{expected['perintah']}' berubah ({label}); golden dari {REGENERATE}"]
    if expected["perintah"] != actual["perintah"]:
        parts.append(f"perintah: {expected['perintah']!r} -> {actual['perintah']!r}")
    if expected["kode_keluar"] != actual["kode_keluar"]:
        parts.append(f"kode keluar: {expected['kode_keluar']} -> {actual['kode_keluar']}")
    for stream in ("stdout", "stderr"):
        if expected[stream] != actual[stream]:
            parts.append(capture.diff(expected[stream], actual[stream], f"{label}.{stream}"))
    return "\n".join(parts)


def _lines_failure(expected: list[str], actual: list[str], label: str) -> str | None:
    if expected == actual:
        return None
    return f"{label} berubah:\n" + capture.diff(expected, actual, label)


def _docx_failure(golden_manifest: list[list[str]], parts: dict[str, bytes], kept: Path,
                  templates: dict[tuple[str, str], bytes], label: str) -> str | None:
    """Compare a DOCX's parts with its golden manifest; a changed XML part is shown as a diff."""
    actual = capture.manifest(parts)
    if actual == golden_manifest:
        return None
    expected = dict(map(tuple, golden_manifest))
    messages = [f"DOCX {label} berubah:"]
    if [n for n, _ in golden_manifest] != list(parts):
        messages.append(_lines_failure([n for n, _ in golden_manifest], list(parts), f"{label} (daftar bagian)"))
    for name, data in parts.items():
        if name not in expected or expected[name] == capture.sha256(data):
            continue
        copy = kept / name
        if copy.is_file():
            before = copy.read_text(encoding="utf-8")
        elif (name, expected[name]) in templates:
            before = capture.readable_xml(templates[(name, expected[name])])
        else:
            messages.append(f"bagian {name}: sha256 {expected[name]} -> {capture.sha256(data)} (tidak ada salinan)")
            continue
        after = capture.readable_xml(data)
        if before == after:
            messages.append(f"bagian {name}: bitanya berubah, tetapi isinya per tag sama (spasi antartag?)")
        else:
            messages.append(f"bagian {name}:\n" + capture.diff(before.splitlines(), after.splitlines(),
                                                               f"{label}/{name}"))
    return "\n".join(messages)


def _check(failure: str | None) -> None:
    """Fail with the readable message alone (no traceback, no repr of a long string)."""
    if failure is not None:
        pytest.fail(failure, pytrace=False)


# -- 1. DOCX -----------------------------------------------------------------------------------


def _project_root(request, project: str) -> Path:
    root, _runs = request.getfixturevalue(project)
    return root


@pytest.mark.parametrize("label", DOCX)
def test_docx_parts(label, request, templates):
    project, stem = label.split("/")
    outputs = capture.docx_outputs(_project_root(request, project))
    assert stem in outputs, f"{stem}.docx tidak ditulis lagi (ada: {sorted(outputs)})"
    failure = _docx_failure(capture.load_json(GOLDEN / "docx" / f"{label}.json"),
                            capture.docx_parts(outputs[stem]), GOLDEN / "docx" / label, templates, label)
    _check(failure)


@pytest.mark.parametrize("project", ["parepare", "pangkep"])
def test_no_docx_added_or_removed(project, request):
    written = sorted(capture.docx_outputs(_project_root(request, project)))
    pinned = sorted(label.split("/")[1] for label in DOCX if label.startswith(f"{project}/"))
    assert written == pinned


def test_downloads_are_the_same_documents(parepare, site, templates):
    root, _runs = parepare
    offered = capture.downloads(root)
    assert sorted(offered) == sorted(label.split("/")[1] for label in DOCX if label.startswith("parepare/"))
    for stem, path in offered.items():
        label = f"parepare/{stem}"
        failure = _docx_failure(capture.load_json(GOLDEN / "docx" / f"{label}.json"), capture.docx_parts(path),
                                GOLDEN / "docx" / label, templates, f"_unduhan/{stem}")
        _check(failure)


# -- 2. open data ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", OPEN_DATA)
def test_open_data_bytes(name, site):
    expected = (GOLDEN / "opendata" / name).read_bytes()
    path = site / "data" / name
    assert path.is_file(), f"data/{name} tidak ditulis lagi"
    actual = path.read_bytes()
    if actual != expected:
        pytest.fail(_lines_failure(expected.decode("utf-8", "replace").splitlines(),
                                   actual.decode("utf-8", "replace").splitlines(), f"data/{name}")
                    or f"data/{name}: bitanya berubah, barisnya sama (akhir baris, BOM, atau akhir berkas?)",
                    pytrace=False)


def test_no_open_data_added_or_removed(site):
    assert sorted(p.name for p in (site / "data").iterdir()) == OPEN_DATA


# -- 3. HTML -------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_html_page(page, site):
    path = site / page
    assert path.is_file(), f"halaman {page} tidak ditulis lagi"
    expected = capture.load_json(GOLDEN / "html" / f"{page}.json")
    failure = _lines_failure(expected, capture.html_elements(path.read_text(encoding="utf-8")), page)
    _check(failure)


def test_no_page_added_or_removed(site):
    assert sorted(capture.html_pages(site)) == PAGES


def test_static_files(site):
    expected = capture.load_json(GOLDEN / "static.json")
    actual = capture.static_manifest(site)
    changed = {name: (expected.get(name), actual.get(name)) for name in sorted(set(expected) | set(actual))
               if expected.get(name) != actual.get(name)}
    assert not changed, f"berkas _static/ berubah (golden sha256 -> sekarang): {json.dumps(changed, indent=1)}"


# -- 4. diagnostics and other command output ----------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_command_output(name, request):
    if name.startswith(("parepare-", "pangkep-")):
        _root, runs = request.getfixturevalue(name.split("-")[0])
    else:
        runs, _skeletons = request.getfixturevalue("extras")
    assert name in runs, f"perintah {name} tidak dijalankan lagi"
    failure = _command_failure(capture.load_json(GOLDEN / "commands" / f"{name}.json"), runs[name], name)
    _check(failure)


def test_no_command_added_or_removed(parepare, pangkep, extras):
    assert sorted([*parepare[1], *pangkep[1], *extras[0]]) == COMMANDS


@pytest.mark.parametrize("rel", SKELETONS)
def test_skeleton(rel, extras):
    _runs, skeletons = extras
    assert rel in skeletons, f"kerangka {rel} tidak ditulis lagi (ada: {sorted(skeletons)})"
    failure = _lines_failure((GOLDEN / "skeletons" / rel).read_text(encoding="utf-8").splitlines(),
                             skeletons[rel].splitlines(), rel)
    _check(failure)
    assert skeletons[rel] == (GOLDEN / "skeletons" / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CORPUS)
def test_bad_file_diagnostics(case, corpus):
    expected = CORPUS_OUTPUTS[case]
    failures = [_command_failure(expected[form], corpus[case][form], f"{case} ({form})") for form in ("teks", "json")]
    _check("\n".join(f for f in failures if f) or None)


def test_bad_file_corpus_is_whole():
    inputs = capture.load_json(GOLDEN / "bad-files" / "inputs.json")
    assert [c["name"] for c in inputs["cases"]] == CORPUS
    assert len(CORPUS) >= 70
    for case in inputs["cases"]:
        if case["kind"] == "file":
            assert capture.sha256(capture.unpack(case["isi"])) == case["sha256"], case["name"]


# -- the golden set itself, and the quality of a failure message -------------------------------------


def test_goldens_are_present():
    assert len(DOCX) == 5 and len(PAGES) >= 25 and len(OPEN_DATA) == 8
    assert {"parepare-check", "parepare-build", "pangkep-check", "pangkep-draft"} <= set(COMMANDS)


def test_a_changed_word_in_a_docx_is_shown_as_an_xml_diff(parepare, templates):
    label = "parepare/perwali-inovasi-daerah"
    parts = capture.docx_parts(capture.docx_outputs(parepare[0])["perwali-inovasi-daerah"])
    assert b">WALI KOTA PAREPARE<" in parts["word/document.xml"]
    parts["word/document.xml"] = parts["word/document.xml"].replace(b">WALI KOTA PAREPARE<", b">WALIKOTA PAREPARE<", 1)
    message = _docx_failure(capture.load_json(GOLDEN / "docx" / f"{label}.json"), parts,
                            GOLDEN / "docx" / label, templates, label)
    assert message is not None
    assert "--- golden/parepare/perwali-inovasi-daerah/word/document.xml" in message
    assert '\n-<w:t xml:space="preserve">WALI KOTA PAREPARE</w:t>\n' in message
    assert '\n+<w:t xml:space="preserve">WALIKOTA PAREPARE</w:t>\n' in message
    assert message.count("bagian ") == 1, message  # only the changed part is reported


def test_a_changed_line_of_output_is_shown_as_a_diff():
    expected = {"perintah": "rancang check", "kode_keluar": 0, "stdout": ["a", "b", "c"], "stderr": []}
    actual = {**expected, "kode_keluar": 1, "stdout": ["a", "B", "c"]}
    message = _command_failure(expected, actual, "contoh")
    assert "kode keluar: 0 -> 1" in message
    assert "\n-b\n+B\n" in message
    assert _command_failure(expected, dict(expected), "contoh") is None


def test_html_normalisation():
    page = ('<!DOCTYPE html><html><head><link rel="stylesheet" href="_static/x.css?v=5ecbeea2" />'
            '<!-- komentar --></head><body><p class="rancang-basi" id="v">Terakhir diverifikasi: '
            '4 Juni 2021. Data ini mungkin sudah usang.</p><p>Pasal\xa01  dan\n  Pasal 2</p></body></html>')
    fresh = page.replace(' class="rancang-basi"', ' class="rancang-verifikasi"').replace(
        " Data ini mungkin sudah usang.", "")
    lines = capture.html_elements(page)
    assert lines == capture.html_elements(fresh)
    assert '<link href="_static/x.css" rel="stylesheet" />' in lines
    assert '<p class="rancang-verifikasi|rancang-basi" id="v">' in lines
    assert "#text Terakhir diverifikasi: 4 Juni 2021." in lines
    assert "#text Pasal\xa01 dan Pasal 2" in lines  # a no-break space is kept, other spaces folded
    assert not any("komentar" in line for line in lines)
    # The date itself is still compared.
    assert capture.html_elements(page.replace("2021", "2022")) != lines
