"""Check a Word template without loading docxtpl or python-docx.

``rancang check`` runs this on every project with regulations, so it reads
the .docx as the zip of XML it is: style names from ``word/styles.xml`` and
Jinja tags from the text of ``word/document.xml`` (and headers/footers). The
renderer's own test checks the same template with docxtpl's parser.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"<[^>]+>")
_VARIABLE = re.compile(r"\{\{[prc]?\s*([A-Za-z_][A-Za-z0-9_]*)")


def style_names(archive: zipfile.ZipFile) -> set[str]:
    root = ElementTree.fromstring(archive.read("word/styles.xml"))
    return {name.get(f"{_W}val") for name in root.iter(f"{_W}name")} - {None}


def missing_styles(path: Path, wanted: set[str]) -> list[str]:
    """The styles of ``wanted`` the template lacks, sorted (none when it cannot be read: that is reported
    by :func:`template_problems`)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sorted(wanted - style_names(archive))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, UnicodeDecodeError, OSError):
        return []


def variables(archive: zipfile.ZipFile) -> set[str]:
    found: set[str] = set()
    for name in archive.namelist():
        if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
            xml = archive.read(name).decode("utf-8").replace("</w:p>", "</w:p>\n")  # paragraphs apart
            text = _TAG.sub("", xml)
            found.update(_VARIABLE.findall(text))
    return found


def template_problems(path: Path, required_styles: set[str], expected_variables: set[str]) -> list[str]:
    """What makes a Word template unusable, in Indonesian (empty when it is fine)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = style_names(archive)
            used = variables(archive)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, UnicodeDecodeError, OSError) as exc:
        return [f"templat tidak dapat dibuka sebagai dokumen Word ({type(exc).__name__})"]
    problems = []
    missing = required_styles - names
    if missing:
        problems.append(f"templat tidak memiliki gaya: {', '.join(sorted(missing))}")
    unknown = sorted(used - expected_variables)
    absent = sorted(expected_variables - used)
    if unknown:
        problems.append(f"templat memakai variabel yang tidak dikenal rancang: {', '.join(unknown)}")
    if absent:
        problems.append(f"templat tidak memuat variabel: {', '.join(absent)}")
    return problems


_JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_UNSUPPORTED = re.compile(r"\{%-?\s*(include|extends|import|from|macro|call|block)\b")
_PARAGRAPH_TAG = re.compile(r"\{%(p|tr|tc|r)\s")


def tag_problems(path: Path) -> list[tuple[str, int, bool]]:
    """Jinja tags docxtpl cannot handle, paragraph by paragraph: (message, paragraph number, is_error).

    Unsupported tags (include, macro, ...), unclosed tags and ``{%p %}``-style tags that share their paragraph
    are errors; a tag split across runs (its format changes in the middle) is a warning: docxtpl usually
    merges it, but Word may split it differently after the next edit.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return []  # reported by template_problems
    root = ElementTree.fromstring(xml)
    found: list[tuple[str, int, bool]] = []
    for number, paragraph in enumerate(root.iter(f"{_W}p"), start=1):
        runs = ["".join(t.text or "" for t in run.iter(f"{_W}t")) for run in paragraph.iter(f"{_W}r")]
        text = "".join(runs)
        if "{" not in text:
            continue
        ends = []
        position = 0
        for run in runs:
            position += len(run)
            ends.append(position)
        for match in _JINJA_TAG.finditer(text):
            tag = match.group(0)
            first = next(i for i, end in enumerate(ends) if end > match.start())
            last = next(i for i, end in enumerate(ends) if end >= match.end())
            if _UNSUPPORTED.match(tag):
                found.append((f"paragraf {number}: tag {tag!r} tidak didukung templat Word rancang", number, True))
            elif _PARAGRAPH_TAG.match(tag) and text.strip() != tag:
                found.append((f"paragraf {number}: tag {tag!r} harus sendirian dalam paragrafnya", number, True))
            if first != last:
                found.append((f"paragraf {number}: tag {tag!r} terpecah di beberapa bagian berformat berbeda; "
                               "ketik ulang tag itu dengan satu format", number, False))
        leftover = _JINJA_TAG.sub("", text)
        if "{{" in leftover or "{%" in leftover:
            found.append((f"paragraf {number}: tag Jinja tidak ditutup ('}}}}' atau '%}}' hilang)", number, True))
    return found
