"""End to end: 200 innovation records from another agency's database, imported, checked and published.

The source is ``tests/fixtures/impor_inovasi/besar/`` — synthetic records in the shape of a real regional
innovation database export (see ``make_besar.py`` there): HTML narratives from rich-text editors and MS-Word
pastes with their defects (fields cut off mid-tag, unclosed tags, ``&nbsp;``/``&shy;``, base64 images, layout
and real tables), 145 spellings of 120 agencies, the same innovation name twice; once as UTF-8 CSV, once as
Windows-1252 CSV with semicolons, once as XLSX with two header rows.

What a user would see is asserted: ``rancang impor inovasi`` writes 200 profiles, loses no word (each word of
each cell is in a profile or in the import report), names about 120 agencies (the merges listed in the report),
the three files give the same profiles; ``rancang check`` finds no raw HTML (L610) and does report the shared
name (L605); the built site shows 200 profiles, no tag as text and no base64 anywhere.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import importlib.util
import io
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from support import REPO

BESAR = Path(__file__).resolve().parent / "fixtures" / "impor_inovasi" / "besar"
SOURCES = {
    "csv": BESAR / "inovasi-200.csv",
    "latin1": BESAR / "inovasi-200-latin1-semikolon.csv",
    "xlsx": BESAR / "inovasi-200.xlsx",
}
MAPPING = BESAR / "pemetaan.yaml"
COUNT = 200


def _generator():
    """The fixture's generator as a module (its ground truth: BODIES, DUPLICATE_NAME, records())."""
    spec = importlib.util.spec_from_file_location("make_besar", BESAR / "make_besar.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_besar", module)
    spec.loader.exec_module(module)
    return module


gen = _generator()


# -- the project and the command line --------------------------------------------------------------------------


INDEX = """# Direktori Inovasi (uji impor)

Direktori hasil impor 200 inovasi dari basis data perangkat daerah.

```{toctree}
:hidden:

galeri
ringkasan
data
```
"""


def new_project(root: Path) -> Path:
    """A project with the example's settings, agencies and legal-basis catalogue, its gallery, summary and
    open-data pages, and no innovation profile yet."""
    (root / "kb" / "inovasi").mkdir(parents=True)
    shutil.copy2(REPO / "rancang.yaml", root / "rancang.yaml")
    for name in ("perangkat-daerah.yaml", "dasar-hukum.yaml", "galeri.md", "ringkasan.md", "data.md"):
        shutil.copy2(REPO / "kb" / name, root / "kb" / name)
    (root / "kb" / "index.md").write_text(INDEX, encoding="utf-8")
    return root


def run(root: Path, *args: str) -> tuple[int, str]:
    """``rancang ARGS`` run in this process inside ``root``: (exit code, everything it printed)."""
    from rancang.cli import main

    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.delenv("RANCANG_DEBUG", raising=False)
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            code = main(list(args))
    return code, printed.getvalue()


class Imported:
    """One import: the project, what ``rancang impor inovasi`` printed, what it wrote (read once)."""

    def __init__(self, root: Path, source: Path, code: int, output: str):
        self.root, self.source, self.code, self.output = root, source, code, output

    @functools.cached_property
    def records(self) -> dict[str, dict]:
        return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
                for path in sorted((self.root / "kb" / "inovasi").glob("*.yaml"))}

    @functools.cached_property
    def agencies(self) -> list[dict]:
        return yaml.safe_load((self.root / "kb" / "perangkat-daerah.yaml").read_text(encoding="utf-8"))

    @property
    def report_path(self) -> Path:
        """The report the command names ('Laporan: impor/<stem>.impor.md'), outside the published kb/."""
        named = re.search(r"(?m)^Laporan: (\S+)$", self.output)
        assert named, self.output[:2000]
        path = self.root / named.group(1)
        assert path.is_file() and "kb" not in path.relative_to(self.root).parts, path
        return path

    @functools.cached_property
    def report(self) -> str:
        return self.report_path.read_text(encoding="utf-8")


def do_import(root: Path, source: Path) -> Imported:
    new_project(root)
    code, output = run(root, "impor", "inovasi", str(source), "--pemetaan", str(MAPPING))
    return Imported(root, source, code, output)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    """Each of the three files imported into a project of its own (once for this module)."""
    out = {}
    for name, source in SOURCES.items():
        out[name] = do_import(tmp_path_factory.mktemp(f"impor-{name}") / "proyek", source)
    return out


@pytest.fixture(scope="module")
def csv_import(imported) -> Imported:
    result = imported["csv"]
    assert result.code == 0, result.output
    return result


# -- words ---------------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Words compared loosely: NFC, soft hyphens out, case folded, letters and digits only (so that a
    Markdown escape or an id's hyphen does not hide a word)."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return _TOKEN.findall(text.casefold())


def source_rows() -> list[dict[str, str]]:
    with open(SOURCES["csv"], encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def cell_words(value: str) -> list[str]:
    """The words of one source cell as the import ledger counts them (HTML: its text)."""
    from rancang.importer.innovations.html import looks_like_html, plain_words

    if looks_like_html(value):
        return [t for word in plain_words(value) for t in tokens(word)]
    return tokens(value)


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k)] + strings(v)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [] if value is None else [str(value)]


# -- the fixture itself (fast) ----------------------------------------------------------------------------------


def test_the_fixture_is_what_the_generator_writes(tmp_path):
    """The checked-in files are the generator's output, byte for byte (seeded; fixed XLSX dates)."""
    gen.main(tmp_path)
    for source in SOURCES.values():
        assert (tmp_path / source.name).read_bytes() == source.read_bytes(), source.name


def test_the_fixture_has_the_shapes_of_a_real_export():
    rows = source_rows()
    assert len(rows) == COUNT
    raw = SOURCES["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    with open(SOURCES["latin1"], encoding="cp1252", newline="") as handle:
        assert list(csv.DictReader(handle, delimiter=";")) == rows
    with pytest.raises(UnicodeDecodeError):
        SOURCES["latin1"].read_bytes().decode("utf-8")
    spellings = {row["Perangkat Daerah"] for row in rows}
    assert len(spellings) == 145 and len({gen.SPELLING_BODY[s].name for s in spellings}) == 120
    names = [row["Nama Inovasi"] for row in rows]
    assert names.count(gen.DUPLICATE_NAME) == 2 and len(set(names)) == COUNT - 1
    text = "".join(value for row in rows for value in row.values())
    for shape in ('<p style="text-align: justify;">', "<ol>", "<li>", "MsoNormal", "<o:p></o:p>",
                  "data:image/png;base64,", "&nbsp;", "&shy;", '<table style="width: 100%;" border="0"',
                  'border="1"', "colspan", "<br />\r\n"):
        assert shape in text, shape
    from openpyxl import load_workbook

    sheet = load_workbook(SOURCES["xlsx"]).worksheets[0]
    assert sheet.cell(1, 1 + gen.COLUMNS.index("Latar Belakang")).value == "Narasi"
    assert sheet.cell(2, 1 + gen.COLUMNS.index("Latar Belakang")).value == "Latar Belakang"
    assert sheet.max_row == COUNT + 2


# -- the import ------------------------------------------------------------------------------------------------


def test_import_writes_200_profiles(csv_import):
    records = csv_import.records
    assert len(records) == COUNT, csv_import.output
    names = sorted(record["nama"] for record in records.values())
    assert names == sorted(row["Nama Inovasi"] for row in source_rows())
    # the two innovations of the same name get two files
    same = [rid for rid, record in records.items() if record["nama"] == gen.DUPLICATE_NAME]
    assert len(same) == 2 and len(set(records[rid]["perangkat_daerah"] for rid in same)) == 2


def test_three_files_give_the_same_profiles(imported):
    """UTF-8 CSV, Windows-1252 CSV with semicolons, XLSX with two header rows: the same 200 profiles."""
    for name in ("latin1", "xlsx"):
        assert imported[name].code == 0, imported[name].output
    base = imported["csv"].records
    for name in ("latin1", "xlsx"):
        other = imported[name].records
        assert sorted(other) == sorted(base), name
        differ = [(rid, key, base[rid].get(key), other[rid].get(key)) for rid in base
                  for key in sorted(set(base[rid]) | set(other[rid])) if base[rid].get(key) != other[rid].get(key)]
        assert not differ, (name, len(differ), differ[:3])
    # what was detected is said
    assert "1252" in imported["latin1"].output or "latin" in imported["latin1"].output.lower()
    assert ";" in imported["latin1"].output


REPORTED_COLUMNS = ("No", "Waktu Input", "Keterangan", "Perangkat Daerah", "Inisiator", "Jenis Inovasi",
                    "Bentuk Inovasi", "Tahapan Inovasi")
"""Columns whose words the import report may hold: not imported, or read into an id or an allowed value."""

LEDGER = re.compile(r"(\d+) kata sumber: (\d+) ada di profil yang ditulis, (\d+) dicatat di laporan ini, "
                    r"(\d+) tidak terlacak")


def test_no_word_is_lost_by_the_ledger(csv_import):
    """The import's own word ledger, as printed and in the report: every source word is in a profile or in the
    report, none untracked."""
    found = LEDGER.search(csv_import.report)
    assert found, csv_import.report[:2000]
    total, in_profiles, in_report, untracked = map(int, found.groups())
    assert untracked == 0, (found.group(0), csv_import.output[:2000])
    assert in_profiles + in_report == total
    # the narratives are converted, not parked in the report: it holds the columns not imported, the labels
    # read as allowed values, the agency spellings, and little else (text of tags cut off, dropped styles)
    expected = sum(len(tokens(row[column])) for row in source_rows() for column in REPORTED_COLUMNS)
    assert in_report <= expected + 300, (in_report, expected)
    assert f"Kata sumber: {total}; di profil {in_profiles}, di laporan {in_report}, tidak terlacak 0" \
        in csv_import.output


NARRATIVE_COLUMNS = set(gen.NARRATIVE_COLUMNS) | {"Deskripsi Singkat"}


def test_no_word_is_lost_counted_independently(csv_import):
    """Counted here, not by the importer: every word of every cell of a row is in that row's profile (its keys,
    its agency's entry with its aliases, its images' captions) or in the import report; and the narratives'
    words are in the profile itself (a tag cut off at the end of a cell by the source's column limit is text
    no reader should see: its words are left to the report, and at most three others per cell)."""
    records = csv_import.records
    by_name: dict[str, list[dict]] = {}
    for record in records.values():
        by_name.setdefault(record["nama"], []).append(record)
    agencies = {agency["id"]: agency for agency in csv_import.agencies}
    report = set(tokens(csv_import.report))
    missing: list[tuple[str, str, str]] = []
    only_in_report: list[tuple[str, str, list[str]]] = []
    for row in source_rows():
        profile: set[str] = set()
        for record in by_name.get(row["Nama Inovasi"], []):
            profile.update(t for s in strings(record) for t in tokens(s))
            profile.update(t for s in strings(agencies.get(record.get("perangkat_daerah"), {})) for t in tokens(s))
        for column, value in row.items():
            words = cell_words(value)
            missing.extend((row["No"], column, word) for word in words if word not in profile | report)
            if column in NARRATIVE_COLUMNS:
                cut = set(tokens(value[value.rfind("<"):])) if value.rfind("<") > value.rfind(">") else set()
                outside = [word for word in words if word not in profile and word not in cut]
                if len(outside) > 3:
                    only_in_report.append((row["No"], column, outside[:10]))
    assert not missing, (len(missing), missing[:30])
    assert not only_in_report, (len(only_in_report), only_in_report[:10])


def test_agencies_are_merged_and_the_merges_reported(csv_import):
    """145 spellings, 120 bodies: one agency per body, never two bodies in one; each merge in the report."""
    records = csv_import.records
    by_name = {}
    for record in records.values():
        by_name.setdefault(record["nama"], []).append(record["perangkat_daerah"])
    body_ids: dict[str, set[str]] = {}
    for row in source_rows():
        ids = by_name[row["Nama Inovasi"]]
        if row["Nama Inovasi"] == gen.DUPLICATE_NAME:
            continue
        body_ids.setdefault(gen.SPELLING_BODY[row["Perangkat Daerah"]].name, set()).update(ids)
    split = {body: ids for body, ids in body_ids.items() if len(ids) > 1}
    assert not split, split
    owners: dict[str, list[str]] = {}
    for body, ids in body_ids.items():
        owners.setdefault(next(iter(ids)), []).append(body)
    joined = {agency: bodies for agency, bodies in owners.items() if len(bodies) > 1}
    assert not joined, joined
    agencies = csv_import.agencies
    assert len(agencies) == 120, len(agencies)  # the example's three agencies are among the 120
    # the capitals were tidied
    names = {agency["nama"] for agency in agencies}
    assert "Dinas Perhubungan" in names and "Kelurahan Lumpue" in names
    assert not [name for name in names if name.isupper() and len(name) > 6]
    # every other spelling is reported with the agency it was merged into
    lines = [" ".join(line.split()) for line in csv_import.report.splitlines()]
    unreported = []
    for body in gen.BODIES:
        agency = next(iter(body_ids[body.name]))
        for spelling, how in body.variants:
            said = f"«{' '.join(spelling.split())}» → `{agency}`"
            if not any(said in line for line in lines):
                unreported.append(said)
    assert not unreported, unreported
    # a typo-level merge is flagged for a person to check
    typo = [line for line in lines if "«Dinas Ketahanan Pagan»" in line]
    assert typo and "periksa" in typo[0], typo


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for folder in ("kb",) for path in
            sorted((root / folder).rglob("*")) if path.is_file()}


def test_importing_the_same_export_again_changes_nothing(csv_import, tmp_path):
    """The same records again (this time the Windows-1252 copy): refused profile by profile without --perbarui
    (nothing written), and with --perbarui found the same — not one file of kb/ changes, no agency is added."""
    root = tmp_path / "proyek"
    shutil.copytree(csv_import.root, root, ignore=shutil.ignore_patterns("_build", "impor"))
    before = _snapshot(root)
    command = ("impor", "inovasi", str(SOURCES["latin1"]), "--pemetaan", str(MAPPING))
    code, output = run(root, *command)
    assert code == 1 and output.count(": P435:") == COUNT, output[-2000:]
    assert _snapshot(root) == before
    code, output = run(root, *command, "--perbarui")
    assert code == 0, output[-2000:]
    assert f"diperbarui: 0; sama: {COUNT}" in output, output[:1000]
    changed = [name for name, data in _snapshot(root).items() if before.get(name) != data]
    assert not changed, changed[:10]


def test_images_are_files_with_captions(csv_import):
    records = csv_import.records
    pictures = [(rid, picture) for rid, record in records.items() for picture in record.get("gambar", [])]
    expected = sum(record.images for record in gen.records())
    assert len(pictures) == expected
    for rid, picture in pictures:
        path = csv_import.root / picture["berkas"]
        assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), picture
        assert picture["keterangan"].strip()
    assert any(p["keterangan"].startswith("Bagan alur layanan") for _, p in pictures)
    for record in records.values():
        assert "base64" not in yaml.safe_dump(record, allow_unicode=True)


def test_numbered_steps_stay_numbered_lists(csv_import):
    """Process steps (Tahapan Proses) numbered in the source — an editor's <ol>, MS-Word's list paragraphs ('1.'
    in a mso-list span) or typed '1. ...' lines — are a Markdown ordered list in the profile, never paragraphs
    starting with an escaped '1\\.'."""
    by_name = {}
    for rid, record in csv_import.records.items():
        by_name.setdefault(record["nama"], []).append(record)
    not_lists = []
    for row in source_rows():
        source = row["Tahapan Proses"]
        if not ("<ol" in source or "mso-list:l0" in source or source.startswith("1. ")):
            continue
        if row["Nama Inovasi"] == gen.DUPLICATE_NAME:
            continue
        for record in by_name[row["Nama Inovasi"]]:
            steps = record.get("langkah", "")
            if not re.search(r"(?m)^\s*1\. \S", steps) or re.search(r"(?m)^\s*\d+\\\.", steps):
                not_lists.append((row["No"], "word" if "mso-list" in source else "", steps[:100]))
    assert not not_lists, (len(not_lists), not_lists[:5])


def test_invisible_characters_do_not_split_words(csv_import):
    """A soft hyphen (&shy; or U+00AD typed in a plain cell) would cut 'pe-la-yan-an' into four words for the
    site search: none is left in a profile."""
    left = [rid for rid, path in ((p.stem, p) for p in (csv_import.root / "kb" / "inovasi").glob("*.yaml"))
            if "\u00ad" in path.read_text(encoding="utf-8") or "&shy;" in path.read_text(encoding="utf-8")]
    assert not left, left


def test_check_finds_no_raw_html_and_reports_the_shared_name(csv_import):
    code, output = run(csv_import.root, "check")
    assert "L610" not in output, [line for line in output.splitlines() if "L610" in line][:10]
    l605 = [line for line in output.splitlines() if ": L605:" in line]
    assert len(l605) == 1, output[-3000:]
    assert gen.DUPLICATE_NAME in l605[0]
    assert code == 0 and not re.search(r": [SPR]\d{3}:", output), output[-3000:]  # no error, no schema problem


# -- the site --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(csv_import) -> Path:
    code, output = run(csv_import.root, "build", "--no-pdf")
    assert code == 0, output[-5000:]
    out = csv_import.root / "_build" / "html"
    assert (out / "index.html").is_file()
    return out


def _visible(html: str) -> str:
    """The text of a page as a reader sees it: scripts, styles and tags out, entities kept as written."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"(?s)<[^>]*>", " ", html)


@pytest.mark.slow
def test_site_pages_show_no_tag_text(site):
    bad = []
    for page in sorted(site.rglob("*.html")):
        text = _visible(page.read_text(encoding="utf-8"))
        for needle in ("&lt;p", "&lt;li", "&lt;span", "&lt;/", "&lt;br", "&lt;o:p", "style=", "mso-",
                       "&amp;nbsp;", "&amp;shy;", "MsoNormal"):
            if needle in text:
                at = text.index(needle)
                bad.append((str(page.relative_to(site)), needle, text[max(0, at - 60): at + 60]))
    assert not bad, bad[:20]


@pytest.mark.slow
def test_no_base64_in_pages_or_search_index(site):
    base64_run = re.compile(r"(?:data:image/[a-z]+;base64,|iVBORw0KGgo|[A-Za-z0-9+/]{120,}={0,2})")
    found = []
    for page in sorted(site.rglob("*")):
        if page.suffix not in (".html", ".js", ".json") or "_static" in page.parts:
            continue
        if page.parts[-3:-1][-1:] == ("e",) and "_cari" in page.parts:
            continue  # the search index's term buckets: bitmaps of pages are base64 by design, never page text
        text = page.read_text(encoding="utf-8", errors="replace")
        match = base64_run.search(text)
        if match:
            found.append((str(page.relative_to(site)), text[max(0, match.start() - 40): match.start() + 80]))
    assert not found, found[:10]
    assert (site / "_cari" / "manifes.js").is_file()


@pytest.mark.slow
def test_the_gallery_shows_200_profiles(site, csv_import):
    """The gallery's pages together show one card per profile, the count says 200, each profile has its page."""
    pages = [site / "kb" / "galeri.html", *sorted((site / "galeri" / "halaman").glob("*.html"))]
    ids: list[str] = []
    for page in pages:
        ids.extend(re.findall(r'data-inovasi="([^"]+)"', page.read_text(encoding="utf-8")))
    assert set(ids) == set(csv_import.records), (len(set(ids)), sorted(set(csv_import.records) - set(ids))[:10])
    assert f"{COUNT} inovasi" in _visible((site / "kb" / "galeri.html").read_text(encoding="utf-8"))
    profiles = [rid for rid in csv_import.records if (site / "kb" / "inovasi" / f"{rid}.html").is_file()]
    assert len(profiles) == COUNT


@pytest.mark.slow
def test_profile_pages_show_the_pictures_as_files(site, csv_import):
    """The pictures that were base64 in the cells are image files on the profile pages, with their captions."""
    shown = 0
    for rid, record in csv_import.records.items():
        if not record.get("gambar"):
            continue
        page = (site / "kb" / "inovasi" / f"{rid}.html").read_text(encoding="utf-8")
        for picture in record["gambar"]:
            name = Path(picture["berkas"]).name
            tag = re.search(rf'<img[^>]*src="([^"]*{re.escape(name)})"[^>]*>', page)
            assert tag, (rid, name)
            assert (site / "kb" / "inovasi" / tag.group(1)).resolve().is_file(), tag.group(0)
            assert picture["keterangan"] in page
            shown += 1
    assert shown == sum(record.images for record in gen.records())
