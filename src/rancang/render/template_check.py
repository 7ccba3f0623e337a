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


def variables(archive: zipfile.ZipFile) -> set[str]:
    found: set[str] = set()
    for name in archive.namelist():
        if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
            text = _TAG.sub("", archive.read(name).decode("utf-8"))
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
