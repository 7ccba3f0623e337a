"""The import round trip: random regulation -> ``rancang draft`` -> DOCX / text / PDF -> ``rancang impor peraturan``
-> a regulation equal to the one drafted.

The random regulations are enacted Peraturan Wali Kota of the bundled example (``impor_strategies.py`` says what
they hold): whatever the engine writes from a model, the importer must read back into the same model -- the same
frame, Mengingat ids, definitions, BAB/Bagian/Paragraf/Pasal/ayat/rincian tree, list kinds and closing words,
signatures, and every ``[[id]]`` reference with the id the importer gives its target. The import report must
list nothing it did not recognise and no source word it lost (the word ledger).

Variants of the same document:

* the DOCX ``rancang draft`` writes;
* its paragraphs as the lines of a ``.txt`` (a table row: its cells' texts, space-separated);
* the same text with every line wrapped at 70 columns, as a text taken from a printed page has its lines broken
  mid-sentence (references such as ``Pasal 3 ayat (2)`` then may begin a line);
* the PDF LibreOffice makes of the DOCX (slow: few examples).
"""

from __future__ import annotations

import contextlib
import difflib
import io
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import Phase, example, given, note, settings
from hypothesis.control import currently_in_test_context

from docx_reading import blocks
from impor_strategies import count_articles, regulations
from support import copy_example, require_libreoffice

ORIGINAL = "rt-asli"
IMPORTED = "rt-impor"
WRAP = 70

FULL = {
    "jenis": "peraturan_wali_kota", "nomor": 7, "tahun": 2021, "tentang": "Pengelolaan Pasar Rakyat",
    "menimbang": ["bahwa pengelolaan pasar perlu ditata", "bahwa pelayanan pasar perlu ditingkatkan"],
    "mengingat": [{"id": "uud-1945", "pasal": "Pasal 18 ayat (6)"}, "uu-23-2014", "pp-38-2017"],
    "ketentuan_umum": [
        {"istilah": "Pasar Rakyat", "arti": "tempat usaha warga"},
        {"istilah": "Dinas Perdagangan", "disingkat": "DP", "arti": "dinas urusan perdagangan"},
        {"istilah": "Kepala Dinas", "disebut": "Kepala", "arti": "kepala dinas perdagangan"},
    ],
    "batang_tubuh": [
        {"bab": "PENGELOLAAN", "isi": [
            {"bagian": "Pengelolaan Umum", "isi": [
                {"id": "pasal-2", "teks": "Pengelolaan pasar dilaksanakan secara terpadu."},
                {"ayat": [
                    {"id": "pasal-3-ayat-1", "teks": "Dinas melaksanakan pembinaan pasar."},
                    {"teks": "Pembinaan [[pasal-3-ayat-1]] meliputi:", "rincian": {
                        "sifat": "kumulatif", "butir": [
                            "pelatihan pedagang",
                            {"teks": "pendampingan usaha:", "rincian": {
                                "sifat": "alternatif", "butir": [
                                    {"id": "pasal-3-ayat-2-huruf-b-angka-1", "teks": "koperasi pasar"},
                                    "kelompok usaha"]}},
                            "sosialisasi standar"],
                        "penutup": "dilaksanakan secara berkala."}},
                ]},
            ]},
            {"bagian": "Retribusi", "isi": [
                {"paragraf": "Tarif", "isi": [
                    {"teks": "Tarif retribusi [[pasal-2]] ditetapkan setiap tahun."}]},
                {"paragraf": "Pembayaran", "isi": [
                    {"teks": "Pembayaran retribusi [[pasal-3-ayat-2-huruf-b-angka-1]] dilakukan melalui:",
                     "rincian": {"sifat": "kumulatif_alternatif", "butir": ["kantor dinas", "petugas pasar"]}}]},
            ]},
        ]},
        {"bab": "PENGAWASAN", "isi": [
            {"ayat": ["Dinas melakukan pengawasan pasar.", "Pengawasan dilaporkan secara berkala."]}]},
    ],
    "ketentuan_penutup": {"mulai_berlaku": "diundangkan"},
    "penetapan": {"tempat": "Parepare", "tanggal": "2021-03-04", "penanda_tangan": "TASMING HAMID"},
    "pengundangan": {"tempat": "Parepare", "tanggal": "2021-03-05", "penanda_tangan": "ANDI MAKKASAU",
                     "nomor_berita_daerah": 7, "tahun_berita_daerah": 2021},
}
"""One regulation with every level, a nested list with its closing words, definitions with both aliases and
references to a Pasal, an ayat and an angka (also run as the first example of each variant)."""


# -- the project and the steps ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's settings, catalogue and templates (its own regulations and visits left out: every step
    loads the whole project)."""
    root = copy_example(tmp_path_factory.mktemp("impor-bolak-balik") / "proyek",
                        ("rancang.yaml", "kb", "templates", "schemas"))
    (root / "regulations").mkdir()
    return root


@dataclass
class Imported:
    model: dict | None
    """The imported regulation as loaded by the project's loader (``model_dump``), or None."""
    problems: list[str]
    """What keeps a document from being written from the imported file (``rancang check``'s errors that are no
    drafting finding: the random texts use defined terms in lower case, as enacted texts do)."""
    unrecognised: list[str]
    """Entries of the report's "Tidak dikenali" section."""
    missing: list[str]
    """Source words the report's ledger could not find."""
    report: str
    yaml_text: str


def _run(root: Path, argv: list[str]) -> tuple[int, str]:
    from rancang.cli import main

    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.delenv("RANCANG_DEBUG", raising=False)
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            code = main(argv)
    return code, printed.getvalue()


def _has_import_command() -> bool:
    from rancang import cli

    return "impor" in cli.COMMANDS


def _load(root: Path, record_id: str) -> tuple[dict | None, list[str]]:
    from rancang.check import check_project

    path = root / "regulations" / f"{record_id}.yaml"
    checked = check_project(root, [path, root / "kb" / "dasar-hukum.yaml"])
    problems = [d.format() for d in checked.report.blocking()]
    regulation = checked.data.regulations.get(record_id)
    return (regulation.model_dump(mode="json") if regulation is not None else None), problems


def _section(report: str, title: str) -> list[str]:
    """The bullet lines under the report's ``## title``."""
    out: list[str] = []
    inside = False
    for line in report.splitlines():
        if line.startswith("## "):
            inside = line[3:].strip() == title
            continue
        if inside and line.startswith("- "):
            out.append(line[2:])
    return out


def _reset(root: Path, catalogue: bytes) -> None:
    for name in (f"{ORIGINAL}.yaml", f"{IMPORTED}.yaml", f"{IMPORTED}.impor.md"):
        (root / "regulations" / name).unlink(missing_ok=True)
    (root / "kb" / "dasar-hukum.yaml").write_bytes(catalogue)


def draft(root: Path, data: dict) -> tuple[dict, Path]:
    """Write ``data`` as ``regulations/rt-asli.yaml``, load it (the original model) and draft its DOCX."""
    path = root / "regulations" / f"{ORIGINAL}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    original, problems = _load(root, ORIGINAL)
    assert original is not None and not problems, problems
    docx = root / "_build" / "rt.docx"
    code, printed = _run(root, ["draft", f"regulations/{ORIGINAL}.yaml", "-o", str(docx)])
    assert code == 0, printed
    return original, docx


def impor(root: Path, source: Path) -> Imported:
    """``rancang impor peraturan SOURCE -o regulations/rt-impor.yaml --katalog`` (the importer's function while
    the command does not exist), then the imported file loaded as ``rancang check`` loads it."""
    out = root / "regulations" / f"{IMPORTED}.yaml"
    if _has_import_command():
        code, printed = _run(root, ["impor", "peraturan", str(source), "-o", f"regulations/{IMPORTED}.yaml",
                                    "--katalog"])
        assert out.exists(), f"rancang impor peraturan (kode {code}) tidak menulis {out.name}:\n{printed}"
    else:
        from rancang.importer.run import import_regulation

        import_regulation(root, source, out, katalog=True)
    report_path = out.with_name(f"{IMPORTED}.impor.md")
    report = report_path.read_text(encoding="utf-8") if report_path.exists() else ""
    from rancang.importer.tree import NOTE_KINDS

    model, problems = _load(root, IMPORTED)
    ledger = _section(report, "Buku kata")
    untraced = re.search(r"(\d+) tidak terlacak", report)
    assert untraced is not None, f"the report has no word ledger:\n{report}"
    if int(untraced.group(1)) and not ledger:
        ledger = [untraced.group(0)]
    return Imported(model, problems, _section(report, NOTE_KINDS["tidak-dikenali"]), ledger, report,
                    out.read_text(encoding="utf-8"))


def _note(text: str) -> None:
    """Shown with a failure: a Hypothesis note inside a property, else printed (pytest shows it on failure)."""
    if currently_in_test_context():
        note(text)
    else:
        print(text)


def _readable(model: dict) -> str:
    def prune(value):
        if isinstance(value, dict):
            return {key: prune(item) for key, item in value.items() if item not in (None, [], {})}
        if isinstance(value, list):
            return [prune(item) for item in value]
        return value

    return yaml.safe_dump(prune(model), allow_unicode=True, sort_keys=False, width=120)


def assert_round_trip(original: dict, imported: Imported) -> None:
    _note(f"imported YAML:\n{imported.yaml_text}")
    _note(f"report:\n{imported.report}")
    assert imported.model is not None, "the imported file does not load: " + "\n".join(imported.problems)
    assert not imported.problems, imported.problems
    if imported.model != original:
        diff = "\n".join(difflib.unified_diff(_readable(original).splitlines(), _readable(imported.model).splitlines(),
                                              "drafted", "imported", lineterm="", n=2))
        raise AssertionError(f"the imported regulation differs from the drafted one:\n{diff}")
    assert not imported.unrecognised, imported.unrecognised
    assert not imported.missing, imported.missing


# -- sources made from the DOCX ------------------------------------------------------------------------------------


def docx_lines(docx: Path) -> list[str]:
    """The DOCX's paragraphs as lines: a label's tab a space, a table row its non-empty cells."""
    lines = []
    for style, text in blocks(docx.read_bytes()):
        if style == "tabel":
            text = " ".join(cell.strip() for cell in text.split(" | ") if cell.strip())
        lines.append(" ".join(text.replace("\t", " ").split()))
    return lines


def wrapped(lines: list[str], width: int = WRAP) -> list[str]:
    """Every line broken at ``width`` columns, between words."""
    out: list[str] = []
    for line in lines:
        out.extend(textwrap.wrap(line, width, break_on_hyphens=False, break_long_words=False) or [""])
    return out


def text_source(root: Path, docx: Path, wrap: bool) -> Path:
    lines = docx_lines(docx)
    path = root / "_build" / ("rt-70.txt" if wrap else "rt.txt")
    path.write_text("\n".join(wrapped(lines) if wrap else lines) + "\n", encoding="utf-8")
    return path


def pdf_source(root: Path, docx: Path) -> Path:
    from rancang.render.pdf import convert_to_pdf

    return convert_to_pdf([docx], root / "_build" / "pdf")[0]


def round_trip(project: Path, data: dict, variant: str) -> None:
    catalogue = (project / "kb" / "dasar-hukum.yaml").read_bytes()
    _reset(project, catalogue)
    try:
        original, docx = draft(project, data)
        if variant == "docx":
            source = docx
        elif variant == "pdf":
            source = pdf_source(project, docx)
        else:
            source = text_source(project, docx, wrap=variant == "wrapped")
        _note(f"source ({variant}):\n" + ("\n".join(docx_lines(docx)) if variant != "wrapped"
                                          else source.read_text(encoding="utf-8")))
        imported = impor(project, source)
        assert (project / "kb" / "dasar-hukum.yaml").read_bytes() == catalogue, \
            "--katalog added entries for a Mengingat of catalogue ids"
        assert_round_trip(original, imported)
    finally:
        _reset(project, catalogue)


# -- what the importer does not pass yet -------------------------------------------------------------------------

KNOWN: dict[tuple[str, str], str] = {}
"""Cases the importer does not pass yet: expected to fail, strictly (remove the entry when it is fixed)."""


# -- the properties ---------------------------------------------------------------------------------------------


@settings(max_examples=15)
@given(regulations())
@example(FULL)
def test_docx_round_trip(project: Path, data: dict) -> None:
    round_trip(project, data, "docx")


@settings(max_examples=10)
@given(regulations(stacked_closings=False))
@example(FULL)
def test_text_round_trip(project: Path, data: dict) -> None:
    round_trip(project, data, "text")


@settings(max_examples=10)
@given(regulations(stacked_closings=False))
@example(FULL)
def test_wrapped_text_round_trip(project: Path, data: dict) -> None:
    round_trip(project, data, "wrapped")


@pytest.mark.slow
@settings(max_examples=3, phases=(Phase.explicit, Phase.reuse, Phase.generate))  # a PDF takes seconds: no shrinking
@given(regulations(max_articles=8, stacked_closings=False))
@example(FULL)
def test_pdf_round_trip(project: Path, data: dict) -> None:
    require_libreoffice()
    round_trip(project, data, "pdf")


# -- small cases, each one thing ------------------------------------------------------------------------------

SMALL = {
    "jenis": "peraturan_wali_kota", "nomor": 1, "tahun": 2020, "tentang": "Pasar",
    "menimbang": ["bahwa pasar perlu ditata"], "mengingat": ["uu-23-2014"],
    "batang_tubuh": [{"teks": "Pasar dikelola dinas."}],
    "ketentuan_penutup": {"mulai_berlaku": "diundangkan"},
    "penetapan": {"tempat": "Parepare", "tanggal": "2020-03-04", "penanda_tangan": "TASMING HAMID"},
    "pengundangan": {"tempat": "Parepare", "tanggal": "2020-03-05", "penanda_tangan": "ANDI MAKKASAU",
                     "nomor_berita_daerah": 7, "tahun_berita_daerah": 2020},
}
"""The smallest enacted regulation: one Menimbang, one Mengingat, one Pasal. The Mengingat item is a line of
more than 200 characters, so the ``.txt`` of the DOCX's paragraphs is read as whole paragraphs; the wrapped
text is a broken layout."""

LIST_WITH_CLOSING = [{"teks": "Pasar meliputi:", "rincian": {
    "sifat": "kumulatif", "butir": ["kios", "los"], "penutup": "dikelola dinas."}}]
NESTED_SECOND_TO_LAST = [{"teks": "Pasar meliputi:", "rincian": {"sifat": "alternatif", "butir": [
    {"teks": "kios:", "rincian": {"sifat": "kumulatif", "butir": ["besar", "kecil"]}}, "los"]}}]
NESTED_CLOSING = [{"teks": "Pasar meliputi:", "rincian": {"sifat": "kumulatif", "butir": [
    {"teks": "kios:", "rincian": {"sifat": "kumulatif", "butir": ["besar", "kecil"], "penutup": "milik dinas"}},
    "los"]}}]
CLOSING_AFTER_A_NESTED_SECOND_TO_LAST = [{"teks": "Pasar meliputi:", "rincian": {"sifat": "kumulatif", "butir": [
    {"teks": "kios:", "rincian": {"sifat": "kumulatif", "butir": ["besar", "kecil"]}}, "los"],
    "penutup": "dikelola dinas."}}]
"""``a. kios: 1. besar; dan 2. kecil; dan`` / ``b. los,`` / ``dikelola dinas.``: the outer list's ``; dan`` stands
at the end of the inner list."""
CLOSINGS_OF_A_LAST_ITEM_AND_ITS_LIST = [{"teks": "Pasar meliputi:", "rincian": {"sifat": "kumulatif", "butir": [
    "kios", {"teks": "los:", "rincian": {"sifat": "kumulatif", "butir": ["besar", "kecil"], "penutup": "milik dinas"}}],
    "penutup": "dikelola dinas."}}]
"""``b. los: 1. besar; 2. kecil,`` / ``milik dinas,`` / ``dikelola dinas.``: two closings, the inner one ending
with the outer list's ``,``."""
AYAT_NUMBER_AT_LINE_START = [
    {"teks": "Pasar rakyat kota dikelola [[pasal-2-ayat-1]]."},
    {"ayat": [{"id": "pasal-2-ayat-1", "teks": "Dinas mengelola pasar."}, "Kepala dinas melapor."]}]
"""Wrapped at 70 columns, the reference ends a line with ``... Pasal 2 ayat`` and the next begins ``(1).``."""
AYAT_NUMBER_AT_LINE_START_IN_A_LIST = [
    {"teks": "Pasar meliputi:", "rincian": {"sifat": "kumulatif", "butir": [
        "kios", "pasar rakyat kota dikelola [[pasal-2-ayat-1-huruf-a]]", "los"]}},
    {"ayat": [{"teks": "Dinas mengelola:", "rincian": {"sifat": "kumulatif", "butir": [
        {"id": "pasal-2-ayat-1-huruf-a", "teks": "kios"}, "los"]}}, "Kepala dinas melapor."]}]
"""Wrapped: ``b. pasar ... dalam Pasal 2 ayat`` / ``(1) huruf a; dan`` inside a list."""
CONJUNCTION_ALONE = [{"teks": "Pasar meliputi:", "rincian": {"sifat": "kumulatif", "butir": [
    "pelayanan pasar rakyat dilaksanakan secara terpadu oleh dinas kota", "los"]}}]
"""Wrapped: ``a. ... dinas kota;`` / ``dan`` / ``b. los.``: the conjunction alone on a line."""
RANGE = [{"teks": "Pasar dikelola [[pasal-2 sampai pasal-4]]."}, {"id": "pasal-2", "teks": "Kios disewakan."},
         {"teks": "Los disewakan."}, {"id": "pasal-4", "teks": "Lapak disewakan."}]
"""``Pasal 2 sampai dengan Pasal 4``: the range's ends carry ids, Pasal 3 between them needs none."""

CASES = {
    "small": (SMALL["batang_tubuh"], ("docx", "text", "wrapped")),
    "list-with-closing": (LIST_WITH_CLOSING, ("docx", "text", "wrapped")),
    "nested-list-second-to-last": (NESTED_SECOND_TO_LAST, ("docx", "text")),
    "nested-list-closing": (NESTED_CLOSING, ("docx", "text")),
    "closing-after-a-nested-second-to-last": (CLOSING_AFTER_A_NESTED_SECOND_TO_LAST, ("docx", "text", "wrapped")),
    "closings-of-a-last-item-and-its-list": (CLOSINGS_OF_A_LAST_ITEM_AND_ITS_LIST, ("docx", "text", "wrapped")),
    "ayat-number-at-line-start": (AYAT_NUMBER_AT_LINE_START, ("wrapped",)),
    "ayat-number-at-line-start-in-a-list": (AYAT_NUMBER_AT_LINE_START_IN_A_LIST, ("wrapped",)),
    "conjunction-alone-on-a-line": (CONJUNCTION_ALONE, ("wrapped",)),
    "range": (RANGE, ("docx", "text")),
}


@pytest.mark.parametrize(("case", "variant"), [
    pytest.param(case, variant, marks=[pytest.mark.xfail(reason=KNOWN[case, variant], strict=True)]
                 if (case, variant) in KNOWN else [])
    for case, (_body, variants) in CASES.items() for variant in variants])
def test_small_case_round_trip(project: Path, case: str, variant: str) -> None:
    """One shape at a time, in the form where it is hard: the failures of the properties, made small."""
    data = {**SMALL, "batang_tubuh": CASES[case][0]}
    round_trip(project, data, variant)


# -- the strategy itself ------------------------------------------------------------------------------------------


@settings(max_examples=50)
@given(regulations())
def test_strategy_gives_valid_small_regulations(data: dict) -> None:
    """Every drawn mapping is a valid regulation of at most a dozen Pasal or so, and every reference names an
    element that carries that id."""
    from rancang.models.regulation import Regulation

    Regulation.model_validate(data)
    assert count_articles(data) <= 14
    text = yaml.safe_dump(data)
    for target in re.findall(r"\[\[([a-z0-9-]+)\]\]", text):
        assert re.search(rf"\bid: {re.escape(target)}\n", text), target
