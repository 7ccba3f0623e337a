"""Capture rancang's user-visible outputs in a comparable form (for tests/test_golden.py).

Shared by the golden test and by ``regenerate.py``, so that both see outputs through exactly the
same normalisation. Everything here goes through rancang's public command line only:
``python -m rancang ...`` in a subprocess, or ``rancang.cli.main([...])`` in this process (for the
bad-file corpus, where 80 subprocesses would be slow). No internal rancang module is imported,
because their paths are about to change.

What is normalised, and why (everything else is compared exactly):

* DOCX: the zip container is not compared, only its parts (name, order, SHA-256 of the bytes). The
  zip entries carry the time of writing (two builds a few seconds apart differ only there).
* HTML: Sphinx's cache-busting suffix ``?v=<hash>`` on ``href``/``src`` is removed (the hash of a
  static file, pinned separately by ``static.json``); attribute order is not compared (sorted);
  comments are dropped; runs of ASCII whitespace in text are folded to one space (no-break spaces
  are kept, a reader sees them).
* Profile pages compare ``diverifikasi`` with today's date (``Data ini mungkin sudah usang.`` and
  the class ``rancang-basi`` after 365 days). That sentence and that class are folded to one form,
  see :func:`fold_verification`. No pinned project sets ``diverifikasi`` today, so this does not
  hide anything yet; it keeps the golden from rotting when one does. No other output depends on
  the date (checked: the DOCX core properties come from the template, ``2025-01-01``).
* Command output: the temporary project folder, if it ever appears, is written ``<proyek>``.
"""

from __future__ import annotations

import base64
import contextlib
import difflib
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent

PAREPARE_ITEMS = ("rancang.yaml", "kb", "regulations", "visits", "templates", "schemas")
PANGKEP = Path("examples") / "pangkep"
PANGKEP_DRAFT = "regulations/perbup-pelaksanaan-inovasi-daerah.yaml"
SKELETON_KINDS = ("inovasi", "regulasi", "kunjungan")
TIMEOUT = 600


# -- projects ------------------------------------------------------------------------------


def copy_parepare(source: Path, dest: Path) -> Path:
    """The bundled example (repository root) without code, tests or earlier builds."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PAREPARE_ITEMS:
        item = source / name
        if item.is_dir():
            shutil.copytree(item, dest / name, ignore=shutil.ignore_patterns("_build", "__pycache__"))
        else:
            shutil.copy2(item, dest / name)
    return dest


def copy_pangkep(source: Path, dest: Path) -> Path:
    shutil.copytree(source / PANGKEP, dest, ignore=shutil.ignore_patterns("_build", "__pycache__"))
    return dest


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("RANCANG_DEBUG", None)  # internal errors are reported as users see them, not raised
    env.update(PYTHONIOENCODING="utf-8", PYTHONUTF8="1", COLUMNS="80", LINES="25")
    # A draft's DOCX carries the build date in its properties: the goldens are made on a fixed day (2025-01-01).
    env["SOURCE_DATE_EPOCH"] = "1735689600"
    return env


def _unfold_paths(text: str, cwd: Path) -> str:
    for form in {str(cwd.resolve()), str(cwd)}:
        text = text.replace(form, "<proyek>")
    return text


def run(args: list[str], cwd: Path) -> dict:
    """``python -m rancang ARGS`` in ``cwd``: what a user sees (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-m", "rancang", *args], cwd=cwd, capture_output=True,
                          encoding="utf-8", env=environment(), timeout=TIMEOUT)
    return record(args, done.returncode, done.stdout, done.stderr, cwd)


def run_in_process(args: list[str], cwd: Path) -> dict:
    """``rancang.cli.main(ARGS)`` with ``cwd`` as working folder (same result as the command line)."""
    from rancang.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.pop("RANCANG_DEBUG", None)
    try:
        with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    finally:
        if saved is not None:
            os.environ["RANCANG_DEBUG"] = saved
    return record(args, code, out.getvalue(), err.getvalue(), cwd)


def record(args: list[str], code: int, stdout: str, stderr: str, cwd: Path) -> dict:
    return {
        "perintah": " ".join(["rancang", *args]),
        "kode_keluar": code,
        "stdout": _mask_durations(_unfold_paths(stdout, cwd)).splitlines(),
        "stderr": _mask_durations(_unfold_paths(stderr, cwd)).splitlines(),
    }


_DURATION = re.compile(r"\b\d+ jam \d+ menit\b|\b\d+ menit(?: \d+ detik)?\b|\b\d+(?:,\d+)? detik\b")


def _mask_durations(text: str) -> str:
    """Times taken (the phase and closing lines of long work) differ on every run: ``<waktu>``."""
    return _DURATION.sub("<waktu>", text)


# -- DOCX --------------------------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def docx_parts(path: Path) -> dict[str, bytes]:
    """Every part of a DOCX in zip order (the zip's own timestamps are not part of a part)."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def manifest(parts: dict[str, bytes]) -> list[list[str]]:
    """[[part name, sha256], ...] in zip order."""
    return [[name, sha256(data)] for name, data in parts.items()]


def readable_xml(data: bytes) -> str:
    """An XML part with one tag per line, for a unified diff (Word writes a part on one line).

    Only a line break is inserted between ``>`` and ``<``; text inside elements is untouched.
    """
    text = data.decode("utf-8", errors="replace")
    return re.sub(r">(?=<)", ">\n", text).rstrip("\n") + "\n"


def template_parts(folders: list[Path]) -> dict[tuple[str, str], bytes]:
    """(part name, sha256) -> bytes of every part of every Word template found in ``folders``."""
    found: dict[tuple[str, str], bytes] = {}
    for folder in folders:
        for template in sorted(folder.glob("*.docx")):
            for name, data in docx_parts(template).items():
                found[(name, sha256(data))] = data
    return found


def kept_parts(parts: dict[str, bytes], templates: dict[tuple[str, str], bytes]) -> dict[str, bytes]:
    """The parts a golden keeps a readable copy of: word/document.xml and every XML part that is not
    byte for byte a part of a template (headers, footers, core properties...)."""
    return {name: data for name, data in parts.items()
            if name == "word/document.xml"
            or (name.endswith((".xml", ".rels")) and (name, sha256(data)) not in templates)}


# -- HTML ----------------------------------------------------------------------------------------

CACHE_BUSTER = re.compile(r"\?v=[0-9A-Za-z]+(?=$|#)")
ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")
URL_ATTRS = {"href", "src"}


class _Elements(HTMLParser):
    """A page as a list of lines: ``<tag a="v">``, ``</tag>``, ``#text ...``, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = ASCII_SPACE.sub(" ", "".join(self._text)).strip()
        self._text = []
        if text:
            self.lines.append(f"#text {text}")

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> str:
        shown = []
        for name, value in sorted(attrs, key=lambda item: item[0]):
            if value is None:
                shown.append(name)
                continue
            if name in URL_ATTRS:
                value = CACHE_BUSTER.sub("", value)
            shown.append(f'{name}="{html.escape(value, quote=True)}"')
        return "<" + " ".join([tag, *shown]) + close

    def handle_starttag(self, tag, attrs):
        self._flush()
        self.lines.append(self._tag(tag, attrs, ">"))

    def handle_startendtag(self, tag, attrs):
        self._flush()
        self.lines.append(self._tag(tag, attrs, " />"))

    def handle_endtag(self, tag):
        self._flush()
        self.lines.append(f"</{tag}>")

    def handle_data(self, data):
        self._text.append(data)

    def handle_decl(self, decl):
        self._flush()
        self.lines.append(f"<!{decl}>")

    def close(self) -> None:
        super().close()
        self._flush()


VERIFIED = re.compile(r"^#text (Terakhir diverifikasi: .*?)(?: Data ini mungkin sudah usang\.)?$")
VERIFIED_CLASS = re.compile(r"\brancang-(?:basi|verifikasi)\b")
VERIFIED_FOLDED = "rancang-verifikasi|rancang-basi"


def fold_verification(lines: list[str]) -> list[str]:
    """The one date-dependent sentence on a profile page, in one form whatever today is.

    ``<p class="rancang-verifikasi">Terakhir diverifikasi: 4 Juni 2021.</p>`` becomes, after 365
    days, ``<p class="rancang-basi">Terakhir diverifikasi: 4 Juni 2021. Data ini mungkin sudah
    usang.</p>``. Both are written ``<p class="rancang-verifikasi|rancang-basi">`` and ``#text
    Terakhir diverifikasi: 4 Juni 2021.`` (the date itself stays compared).
    """
    out = list(lines)
    for i, line in enumerate(out):
        match = VERIFIED.match(line)
        if match and i and out[i - 1].startswith("<p "):
            out[i] = f"#text {match.group(1)}"
            out[i - 1] = VERIFIED_CLASS.sub(VERIFIED_FOLDED, out[i - 1])
    return out


def html_elements(page: str) -> list[str]:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return fold_verification(parser.lines)


def html_pages(site: Path) -> dict[str, list[str]]:
    """Every page of a built site except Sphinx's static files, by path relative to the site."""
    return {path.relative_to(site).as_posix(): html_elements(path.read_text(encoding="utf-8"))
            for path in sorted(site.rglob("*.html")) if "_static" not in path.relative_to(site).parts}


def static_manifest(site: Path) -> dict[str, str]:
    """``_static/`` file -> sha256 (the JS and CSS a page loads; their ``?v=`` is stripped above)."""
    static = site / "_static"
    return {path.relative_to(static).as_posix(): sha256(path.read_bytes())
            for path in sorted(static.rglob("*")) if path.is_file()}


# -- text comparison ---------------------------------------------------------------------------

MAX_DIFF_LINES = 300


def diff(expected: list[str], actual: list[str], label: str) -> str:
    """A unified diff (golden -> now), cut at MAX_DIFF_LINES lines."""
    lines = list(difflib.unified_diff(expected, actual, f"golden/{label}", f"sekarang/{label}", lineterm="", n=3))
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + [f"... ({len(lines) - MAX_DIFF_LINES} baris diff lagi)"]
    return "\n".join(lines)


def dump_json(value) -> bytes:
    """Goldens are JSON with one list item per line, so that git diffs of them stay readable."""
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


# -- the bad-file corpus ---------------------------------------------------------------------


def pack(data: bytes) -> str:
    return base64.b64encode(zlib.compress(data, 9)).decode("ascii")


def unpack(text: str) -> bytes:
    return zlib.decompress(base64.b64decode(text))


def install_corpus_case(root: Path, base: dict[str, str], case: dict) -> None:
    """A fresh base project at ``root`` with one corpus case installed at its place."""
    for rel, text in base.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "regulations").mkdir(exist_ok=True)
    (root / "visits").mkdir(exist_ok=True)
    target = root / case["target"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if case["kind"] == "folder":
        target.mkdir()
    else:
        target.write_bytes(unpack(case["isi"]))


def run_corpus(inputs: dict, work: Path) -> dict[str, dict]:
    """``rancang check`` (text and JSON) on the base project with each case installed."""
    results = {}
    for number, case in enumerate(inputs["cases"]):
        root = work / f"kasus-{number:03d}"
        install_corpus_case(root, inputs["base"], case)
        results[case["name"]] = {
            "teks": run_in_process(["check"], root),
            "json": run_in_process(["check", "--format", "json"], root),
        }
    return results


# -- the captures ---------------------------------------------------------------------------


def build_parepare(source: Path, work: Path) -> tuple[Path, dict[str, dict]]:
    """The bundled example: check (text, JSON), then ``rancang build --no-pdf``."""
    root = copy_parepare(source, work)
    runs = {
        "parepare-check": run(["check"], root),
        "parepare-check-json": run(["check", "--format", "json"], root),
        "parepare-build": run(["build", "--no-pdf"], root),
    }
    return root, runs


def build_pangkep(source: Path, work: Path) -> tuple[Path, dict[str, dict]]:
    """examples/pangkep: check, then ``rancang draft`` of its regulation."""
    root = copy_pangkep(source, work)
    runs = {
        "pangkep-check": run(["check"], root),
        "pangkep-check-json": run(["check", "--format", "json"], root),
        "pangkep-draft": run(["draft", PANGKEP_DRAFT], root),
    }
    return root, runs


def help_and_skeletons(source: Path, work: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """``--help`` of rancang and of every command, and the file each ``rancang new KIND`` writes."""
    root = copy_parepare(source, work)
    runs = {"bantuan": run(["--help"], root)}
    for line in runs["bantuan"]["stdout"]:
        match = re.match(r"^    (\w+)\s", line)
        if match:
            runs[f"bantuan-{match.group(1)}"] = run([match.group(1), "--help"], root)
    skeletons = {}
    for kind in SKELETON_KINDS:
        before = {p for p in root.rglob("*.yaml")}
        runs[f"new-{kind}"] = run(["new", kind, f"contoh-{kind}"], root)
        [written] = sorted({p for p in root.rglob("*.yaml")} - before)
        skeletons[written.relative_to(root).as_posix()] = written.read_text(encoding="utf-8")
    return runs, skeletons


def docx_outputs(root: Path) -> dict[str, Path]:
    """Name -> path of every DOCX a build or draft wrote under _build/dokumen."""
    return {path.stem: path for path in sorted((root / "_build" / "dokumen").glob("*.docx"))}


def downloads(root: Path) -> dict[str, Path]:
    return {path.stem: path for path in sorted((root / "_build" / "html" / "_unduhan").glob("*.docx"))}
