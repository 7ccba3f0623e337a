"""Precision and recall of the drafting linter on an annotated corpus.

``bench/lint_eval/`` holds regulations written for this measurement (``regulations/``), a small
catalogue (``kb/dasar-hukum.yaml``) and one annotation file per checked file (``anotasi/``). An
annotation lists every deviation seeded in that file (``temuan``: class, expected code if known,
line, the exact words) and passages that must produce no finding (``bersih``: line, words).

The script builds an eval project in a temporary folder (``rancang.yaml``, templates and schemas
from the repository, the eval catalogue and regulations), runs the check as ``rancang check
--format json`` does, and matches each drafting finding (L5xx), one to one, to an annotation of the same file and line
whose code is the finding's code or whose classes include the finding's class (a deviation that
either a spelling or a phrase rule may find is annotated with both classes). A finding inside a folded scalar reported at its ``>-`` line matches an annotation
on a line of that block, and is listed as such (the location is then wrong, not the finding).

It prints precision and recall per rule class and overall, then the false alarms (with the clean
passage they hit, if any) and the misses. Targets (issue 15): precision >= 90 %, recall >= 80 %.

Usage: python bench/bench_lint_eval.py [--json FILE]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "bench" / "lint_eval"
ANNOTATIONS = EVAL / "anotasi"

CLASSES = {
    "ejaan": "ejaan (kata baku, salah ketik, singkatan tidak resmi)",
    "frasa": "frasa (terdiri atas, pendelegasian, rumusan penutup)",
    "kapital": "huruf kapital dan istilah (tak didefinisikan, tak dipakai, tak seragam)",
    "rujukan": "rujukan (Pasal, ayat, huruf)",
    "katalog": "katalog dasar hukum (tahun, judul perubahan, LN/TLN)",
    "rincian": "rincian dan tanda baca",
    "lain": "lain-lain",
}

# Code -> class: one table, by ranges of the registry (rancang.lint.registry.RULES). New codes in a
# range land in its class automatically; the titles of codes found in the registry are printed with
# --aturan so the table can be checked as rules land.
CODE_CLASSES: list[tuple[str, str, str]] = [  # (first code, last code, class)
    ("L501", "L502", "frasa"),       # konsiderans: 'bahwa', closing item typed by hand
    ("L503", "L503", "rincian"),     # konsiderans punctuation
    ("L510", "L519", "katalog"),     # Mengingat order, citation data; L516-L519 catalogue sanity (K)
    ("L520", "L520", "rincian"),     # title punctuation
    ("L521", "L521", "kapital"),
    ("L522", "L522", "rincian"),
    ("L523", "L539", "lain"),        # chart units, chapter order
    ("L532", "L532", "rincian"),     # heading punctuation (checked before the range above)
    ("L540", "L540", "rincian"),     # punctuation typed in a term or its meaning
    ("L546", "L546", "katalog"),     # a quoted title differs from the catalogue
    ("L541", "L549", "kapital"),     # terms and capitals; L547-L549 names/capitals (N)
    ("L550", "L559", "rincian"),     # lists
    ("L560", "L569", "rujukan"),
    ("L570", "L579", "lain"),        # numbers
    ("L586", "L586", "ejaan"),       # informal abbreviation in a norm (Kadis, Dirjen)
    ("L587", "L587", "rincian"),     # space before a colon, semicolon or comma; double space
    ("L588", "L588", "kapital"),     # the same phrase in capitals and in lower case
    ("L589", "L589", "rujukan"),     # a reference without its number ('dalam Pasal huruf a')
    ("L580", "L589", "frasa"),       # jabatan spelling, 'berlaku efektif', blank delegation; L583 'terdiri
                                     # dari', L584 closing formulas, L585 delegation to a Keputusan
    ("L590", "L599", "ejaan"),       # foreign terms; L591-L594 spelling (S)
]


def code_class(code: str) -> str:
    for first, last, name in CODE_CLASSES:
        if first == last == code:
            return name
    for first, last, name in CODE_CLASSES:
        if first <= code <= last:
            return name
    return "lain"


@dataclass
class Expected:
    file: str
    line: int
    words: str
    cls: str
    code: str | None = None
    note: str = ""
    lines: tuple[int, ...] = ()
    """Every line the finding may be reported at (``baris`` may be a list: either of two entries)."""
    classes: tuple[str, ...] = ()
    """Every class a rule that finds it may belong to (``kelas`` may be a list; the first counts for recall)."""
    found: list = field(default_factory=list)


@dataclass
class Clean:
    file: str
    line: int
    words: str


@dataclass
class Finding:
    file: str
    line: int
    column: int
    code: str
    message: str
    matched: Expected | None = None
    block: bool = False

    @property
    def cls(self) -> str:
        return code_class(self.code)


def load_annotations(folder: Path = ANNOTATIONS) -> tuple[list[Expected], list[Clean]]:
    expected: list[Expected] = []
    clean: list[Clean] = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = data["berkas"]
        for item in data.get("temuan") or []:
            lines = item["baris"] if isinstance(item["baris"], list) else [item["baris"]]
            classes = item["kelas"] if isinstance(item["kelas"], list) else [item["kelas"]]
            for cls in classes:
                if cls not in CLASSES:
                    raise ValueError(f"{path.name}: kelas tidak dikenal {cls!r}")
            expected.append(Expected(name, lines[0], str(item["kata"]), classes[0], item.get("kode"),
                                     item.get("catatan", ""), tuple(lines), tuple(classes)))
        for item in data.get("bersih") or []:
            clean.append(Clean(name, item["baris"], str(item["kata"])))
    return expected, clean


def eval_file(name: str) -> Path:
    """Where an annotated file lies in bench/lint_eval (``regulations/x.yaml``, ``kb/dasar-hukum.yaml``)."""
    return EVAL / name


def annotation_problems(expected: list[Expected], clean: list[Clean]) -> list[str]:
    """Every annotated line exists and contains the annotated words (case as written)."""
    problems = []
    texts: dict[str, list[str]] = {}
    for item in [*expected, *clean]:
        path = eval_file(item.file)
        if not path.is_file():
            problems.append(f"{item.file}: berkas tidak ada")
            continue
        lines = texts.setdefault(item.file, path.read_text(encoding="utf-8").splitlines())
        for number in getattr(item, "lines", ()) or (item.line,):
            if not 1 <= number <= len(lines):
                problems.append(f"{item.file}:{number}: baris tidak ada")
            elif number == item.line and item.words not in lines[number - 1]:
                # The words are on the first line; further lines are other places the finding may be reported.
                problems.append(f"{item.file}:{number}: {item.words!r} tidak ada di baris {lines[number - 1]!r}")
    return problems


def build_project(target: Path) -> Path:
    """The eval project: the repository's settings, templates and schemas, the eval kb and regulations."""
    shutil.copy(ROOT / "rancang.yaml", target / "rancang.yaml")
    for folder in ("templates", "schemas"):
        shutil.copytree(ROOT / folder, target / folder)
    (target / "kb").mkdir()
    shutil.copy(ROOT / "kb" / "perangkat-daerah.yaml", target / "kb" / "perangkat-daerah.yaml")
    shutil.copytree(EVAL / "kb", target / "kb", dirs_exist_ok=True)
    shutil.copytree(EVAL / "regulations", target / "regulations")
    return target


def run_check(project: Path) -> dict:
    """``rancang check --format json`` on ``project``, through the command-line entry point."""
    from rancang.cli import main

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(project)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main(["check", "--format", "json"])
            except SystemExit:
                pass
    finally:
        os.chdir(here)
    try:
        return json.loads(out.getvalue())
    except json.JSONDecodeError as error:
        raise RuntimeError(f"keluaran rancang check bukan JSON: {out.getvalue()[:500]} {err.getvalue()[:500]}") \
            from error


def block_lines(path: Path) -> dict[int, range]:
    """For each line holding a folded or literal block indicator (``>-``, ``|``), the lines of its block."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: dict[int, range] = {}
    for number, line in enumerate(lines, 1):
        stripped = line.rstrip()
        if not stripped.endswith((">-", ">", "|", "|-", ">+", "|+")):
            continue
        indent = len(line) - len(line.lstrip())
        end = number
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
        blocks[number] = range(number + 1, end + 1)
    return blocks


def match(findings: list[Finding], expected: list[Expected]) -> None:
    """Pair findings with annotations, one to one: exact line first, then a block's first line."""
    blocks: dict[str, dict[int, range]] = {}

    def fits(finding: Finding, item: Expected) -> bool:
        if item.file != finding.file or item.found:
            return False
        return item.code == finding.code or finding.cls in item.classes

    for finding in findings:
        for item in expected:
            if finding.line in item.lines and fits(finding, item):
                item.found.append(finding)
                finding.matched = item
                break
    for finding in findings:
        if finding.matched:
            continue
        path = eval_file(finding.file)
        block = blocks.setdefault(finding.file, block_lines(path) if path.is_file() else {}).get(finding.line)
        if not block:
            continue
        for item in expected:
            if any(line in block for line in item.lines) and fits(finding, item):
                item.found.append(finding)
                finding.matched = item
                finding.block = True
                break


def evaluate() -> dict:
    expected, clean = load_annotations()
    problems = annotation_problems(expected, clean)
    if problems:
        raise ValueError("anotasi tidak cocok dengan berkasnya:\n" + "\n".join(problems))
    with tempfile.TemporaryDirectory(prefix="lint-eval-") as folder:
        report = run_check(build_project(Path(folder)))
    broken = [f for f in report["temuan"] if not f["kode"].startswith("L")]
    findings = [Finding(f["berkas"], f["baris"], f["kolom"], f["kode"], f["pesan"])
                for f in report["temuan"] if f["kode"].startswith("L5")]
    match(findings, expected)
    return {"expected": expected, "clean": clean, "findings": findings, "broken": broken,
            "other": [f for f in report["temuan"] if f["kode"].startswith("L") and not f["kode"].startswith("L5")]}


def scores(result: dict) -> dict[str, dict[str, float | int]]:
    table: dict[str, dict[str, float | int]] = {}
    for cls in [*CLASSES, "semua"]:
        found = [f for f in result["findings"] if cls in ("semua", f.cls)]
        wanted = [e for e in result["expected"] if cls in ("semua", e.cls)]
        right = sum(1 for f in found if f.matched)
        hit = sum(1 for e in wanted if e.found)
        if not found and not wanted:
            continue
        table[cls] = {
            "temuan": len(found), "benar": right, "diharapkan": len(wanted), "terdeteksi": hit,
            "presisi": right / len(found) if found else 1.0,
            "recall": hit / len(wanted) if wanted else 1.0,
        }
    return table


def duplicate_of(finding: Finding, findings: list[Finding]) -> Finding | None:
    """A matched finding of another rule at the same file, line and column: the same words told twice."""
    for other in findings:
        if other is not finding and other.matched and (other.file, other.line, other.column) == (
                finding.file, finding.line, finding.column):
            return other
    return None


def clean_hit(finding: Finding, clean: list[Clean]) -> Clean | None:
    for item in clean:
        if item.file == finding.file and item.line == finding.line:
            return item
    return None


def print_report(result: dict, out=sys.stdout) -> dict:
    table = scores(result)
    if result["broken"]:
        print("PERINGATAN: berkas evaluasi tidak sah (temuan non-L):", file=out)
        for f in result["broken"]:
            print(f"  {f['berkas']}:{f['baris']}: {f['kode']}: {f['pesan']}", file=out)
    print(f"{'kelas':10} {'temuan':>6} {'benar':>5} {'presisi':>8} {'diharap':>7} {'kena':>5} {'recall':>7}", file=out)
    for cls, row in table.items():
        print(f"{cls:10} {row['temuan']:6} {row['benar']:5} {row['presisi']:8.0%} {row['diharapkan']:7} "
              f"{row['terdeteksi']:5} {row['recall']:7.0%}", file=out)
    overall = table.get("semua", {"presisi": 1.0, "recall": 1.0})
    print(f"lint_eval_precision: {overall['presisi']:.3f}  (target >= 0.90)", file=out)
    print(f"lint_eval_recall: {overall['recall']:.3f}  (target >= 0.80)", file=out)
    alarms = [f for f in result["findings"] if not f.matched]
    print(f"\nTemuan keliru ({len(alarms)}):", file=out)
    for f in sorted(alarms, key=lambda f: (f.file, f.line, f.code)):
        hit = clean_hit(f, result["clean"])
        mark = f"  [bagian bersih: {hit.words!r}]" if hit else ""
        twin = duplicate_of(f, result["findings"])
        if twin:
            # Counted as a false alarm: a careful review says it once.
            mark += f"  [duplikat {twin.code} di kolom yang sama]"
        print(f"  {f.file}:{f.line}:{f.column}: {f.code} ({f.cls}): {f.message}{mark}", file=out)
    misses = [e for e in result["expected"] if not e.found]
    print(f"\nTidak terdeteksi ({len(misses)}):", file=out)
    for e in sorted(misses, key=lambda e: (e.file, e.line)):
        code = f" {e.code}" if e.code else ""
        print(f"  {e.file}:{e.line}: {e.cls}{code}: {e.words!r}  {e.note}".rstrip(), file=out)
    blocked = [f for f in result["findings"] if f.block]
    if blocked:
        print(f"\nTemuan benar, tetapi dilaporkan di baris '>-', bukan di baris kata-katanya ({len(blocked)}):",
              file=out)
        for f in blocked:
            print(f"  {f.file}:{f.line}: {f.code} (kata di baris {f.matched.line}: {f.matched.words!r})", file=out)
    if result["other"]:
        print(f"\nTemuan lain di luar L5xx (tidak dihitung): {len(result['other'])}", file=out)
    return table


def print_rules(out=sys.stdout) -> None:
    from rancang.lint.registry import RULES

    for code, rule in sorted(RULES.items()):
        if code.startswith("L5"):
            print(f"  {code} -> {code_class(code):8} {rule.title}", file=out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="tulis angka per kelas ke berkas JSON ini")
    parser.add_argument("--aturan", action="store_true", help="cetak tabel kode -> kelas dari registry")
    args = parser.parse_args(argv)
    if args.aturan:
        print_rules()
    result = evaluate()
    table = print_report(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
