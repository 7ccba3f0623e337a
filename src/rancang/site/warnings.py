"""Sphinx's warnings as rancang shows them: ``kb/index.md:18: P453: peringatan situs: <Indonesian>``.

Sphinx, docutils and MyST warn in English (``kb/index.md:12: WARNING: toctree contains reference to
nonexisting document 'kb/studi-kasus/x' [toc.not_readable]``). Each warning of the build's log becomes one
:class:`SiteWarning`, with a path relative to the project and an Indonesian message, found in this order:

1. rancang's own warnings (``R301: ...``, ``rancang-fakta: ...``) keep their words and code;
2. the table ``peringatan.yaml`` beside this module: the warnings a region's staff meet most, each with what
   to do next and, for an entry of a table of contents, the line of that entry (Sphinx gives the line of the
   ``toctree`` directive);
3. Sphinx's own Indonesian catalogue (``sphinx/locale/id``), read here without touching the process's locale
   or Sphinx's console translator: the English text, with its values, is matched against each message id;
4. otherwise the English text, marked :data:`ORIGINAL`.

Sphinx formats a warning before it leaves a parallel worker, so the log's text (not the logging record) is
what every warning has in common: it is what is read.
"""

from __future__ import annotations

import functools
import gettext
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from rancang.codes import CODES
from rancang.layout import KB

TABLE = Path(__file__).with_name("peringatan.yaml")

MARK = "peringatan situs"
"""The words after the code of every site warning (``path:line: P453: peringatan situs: ...``)."""

ORIGINAL = "(pesan asli Sphinx)"
"""Ends a warning that neither the table nor Sphinx's catalogue translates."""

TOC, REFERENCE, MARKUP = "P453", "P454", "P455"

_RECORD = re.compile(r"^(?:(?P<location>.*?): )?(?P<level>WARNING|ERROR|CRITICAL|SEVERE): (?P<message>.*)$")
_KIND = re.compile(r"\s\[(?P<kind>[A-Za-z_][\w.-]*)\]\s*$")
_OWN_CODE = re.compile(r"^(?P<code>[A-Z]\d{3}): (?P<message>.*)$", re.S)
_PLACEHOLDER = re.compile(r"%(?:\((?P<name>\w+)\))?[-#0 +]*\d*(?:\.\d+)?(?P<conversion>[sdrifx%])")
_FIELD = re.compile(r"\{(?:(?P<index>\d+)(?P<entry>:entri)?|(?P<page>halaman))\}")


@dataclass(frozen=True)
class SiteWarning:
    path: str
    """Relative to the project (``kb/index.md``); absolute only for a file outside it."""
    line: int
    """1-based; 0 when Sphinx gives none."""
    code: str
    message: str

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line > 0 else self.path
        return f"{where}: {self.code}: {MARK}: {self.message}"


def is_site_warning(line: str) -> bool:
    """A line of ``rancang build`` that is a site warning (:meth:`SiteWarning.format`)."""
    return f": {MARK}: " in line


def site_warnings(log: str, root: Path) -> list[SiteWarning]:
    """Every warning of Sphinx's warning stream ``log``, in order, once each."""
    prefixes = sorted({f"{str(folder).rstrip('/')}/" for folder in (root, root.resolve())}, key=len, reverse=True)
    found: dict[SiteWarning, None] = {}
    for location, message in _records(log):
        path, line = _location(location, prefixes)
        for prefix in prefixes:
            message = message.replace(prefix, "")
        found.setdefault(_translate(message, path, line, root), None)
    return list(found)


# -- reading the log ---------------------------------------------------------------------------------------------


def _records(log: str) -> list[tuple[str | None, str]]:
    """(location, message) of each warning; a line that does not start a warning continues the one before."""
    records: list[list] = []
    for text in log.splitlines():
        match = _RECORD.match(text)
        if match:
            records.append([match["location"], match["message"]])
        elif records:
            records[-1][1] += "\n" + text
        elif text.strip():
            records.append([None, text])
    return [(location, message.rstrip()) for location, message in records]


def _location(location: str | None, prefixes: list[str]) -> tuple[str, int]:
    if not location:
        return KB, 0
    match = re.match(r"^(?P<path>.*?)(?::(?P<line>\d*))?$", location)
    path, line = (match["path"], int(match["line"] or 0)) if match else (location, 0)
    for prefix in prefixes:
        if path.startswith(prefix):
            return PurePosixPath(path[len(prefix):]).as_posix(), line
    return path or KB, line


# -- translating ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    code: str
    pattern: re.Pattern[str]
    quoted: tuple[bool, ...]
    """Per value: printed with %r (its quotes are dropped)."""
    kind: str | None
    message: str
    advice: str | None
    entry_line: bool


def _translate(text: str, path: str, line: int, root: Path) -> SiteWarning:
    match = _KIND.search(text)
    kind = match["kind"] if match else None
    message = text[:match.start()] if match else text

    own = _OWN_CODE.match(message)
    if own and own["code"] in CODES:
        return SiteWarning(path, line, own["code"], own["message"])
    if kind and kind.split(".")[0] == "rancang":
        return SiteWarning(path, line, REFERENCE if kind == "rancang.fakta" else MARKUP, message)

    for entry in _table():
        if entry.kind is not None and kind is not None and entry.kind != kind:
            continue
        found = entry.pattern.match(message)
        if found is None:
            continue
        values = [value[1:-1] if quoted and len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value
                  for value, quoted in zip(found.groups(), entry.quoted)]
        words = _fill(entry.message, values, path)
        if entry.advice:
            words += "; " + _fill(entry.advice, values, path)
        if entry.entry_line and values:
            line = _entry_line(root / path, line, _as_entry(values[0], path), last=entry.kind == "toc.duplicate_entry")
        return SiteWarning(path, line, entry.code, words)

    translated = _sphinx_catalogue(message)
    if translated is not None:
        return SiteWarning(path, line, MARKUP, translated)
    return SiteWarning(path, line, MARKUP, f"{message} {ORIGINAL}")


def _fill(template: str, values: list[str], path: str) -> str:
    def field(match: re.Match[str]) -> str:
        if match["page"]:
            page = PurePosixPath(path).with_suffix("").as_posix()
            return page[len(KB) + 1:] if page.startswith(f"{KB}/") else page
        index = int(match["index"]) - 1
        if not 0 <= index < len(values):
            return match[0]
        return _as_entry(values[index], path) if match["entry"] else values[index]

    return _FIELD.sub(field, template)


def _as_entry(document: str, path: str) -> str:
    """A document name (``kb/studi-kasus/x``) as a toctree of the page ``path`` names it (``studi-kasus/x``)."""
    folder = PurePosixPath(path).parent.as_posix()
    if folder not in ("", ".") and document.startswith(f"{folder}/"):
        return document[len(folder) + 1:]
    return document


def _entry_line(file: Path, line: int, entry: str, last: bool) -> int:
    """The line of ``entry`` in the toctree that starts at ``line`` of ``file``; ``line`` when not found."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return line
    if not 0 < line <= len(lines):
        return line
    fence = lines[line - 1].strip()
    fence = fence[:len(fence) - len(fence.lstrip(fence[:1]))] if fence[:1] in "`:" else ""
    names = {entry, f"{entry}.md", f"/{entry}"}
    hits = []
    for number in range(line + 1, len(lines) + 1):
        text = lines[number - 1].strip()
        if fence and text == fence:
            break
        name = text[text.rfind("<") + 1:-1].strip() if text.endswith(">") and "<" in text else text
        if name in names or (name.startswith("/") and name.lstrip("/").endswith(entry)):
            hits.append(number)
    if not hits:
        return line
    return hits[-1] if last else hits[0]


def _pattern(template: str) -> tuple[re.Pattern[str], tuple[bool, ...], int, list[str | None]]:
    """A message template (``unknown document: %r``) as a regular expression that matches it filled in; also
    which values were printed with %r, how many literal characters it has, and the names of its values."""
    parts, quoted, names = [], [], []
    literal = 0
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        text = template[position:match.start()]
        parts.append(re.escape(text))
        literal += len(text.strip())
        position = match.end()
        if match["conversion"] == "%":
            parts.append("%")
            continue
        parts.append(r"(-?\d+)" if match["conversion"] == "d" else "(.+?)")
        quoted.append(match["conversion"] == "r")
        names.append(match["name"])
    text = template[position:]
    parts.append(re.escape(text))
    literal += len(text.strip())
    return re.compile("^" + "".join(parts) + "$", re.S), tuple(quoted), literal, names


@functools.cache
def _table() -> tuple[_Entry, ...]:
    import yaml

    entries = []
    for item in yaml.safe_load(TABLE.read_text(encoding="utf-8")):
        pattern, quoted, _literal, _names = _pattern(item["inggris"])
        entries.append(_Entry(item["kode"], pattern, quoted, item.get("jenis"), " ".join(item["pesan"].split()),
                              " ".join(item["saran"].split()) if item.get("saran") else None,
                              item.get("baris") == "entri"))
    return tuple(entries)


@functools.cache
def _catalogue() -> tuple[tuple[re.Pattern[str], str, tuple[str | None, ...]], ...]:
    """Sphinx's Indonesian messages with a value or at least ten letters of text, most specific first."""
    import sphinx.locale

    try:
        translation = gettext.translation("sphinx", localedir=str(Path(sphinx.locale.__file__).parent),
                                          languages=["id"])
    except OSError:  # pragma: no cover - a Sphinx without its Indonesian catalogue
        return ()
    ranked = []
    for msgid, msgstr in getattr(translation, "_catalog", {}).items():
        if not isinstance(msgid, str) or not msgid or not msgstr or "\n" in msgid:
            continue
        pattern, _quoted, literal, names = _pattern(msgid)
        if literal < 10:
            continue
        ranked.append((literal, pattern, msgstr, tuple(names)))
    ranked.sort(key=lambda item: -item[0])
    return tuple((pattern, msgstr, names) for _literal, pattern, msgstr, names in ranked)


def _sphinx_catalogue(message: str) -> str | None:
    """``message`` in Sphinx's Indonesian words, with its values; None when Sphinx has no translation of it."""
    for pattern, msgstr, names in _catalogue():
        found = pattern.match(message)
        if found is None:
            continue
        values = found.groups()
        slots = [m for m in _PLACEHOLDER.finditer(msgstr) if m["conversion"] != "%"]
        if len(slots) != len(values):
            continue
        by_name = {name: value for name, value in zip(names, values) if name}
        pieces, position, index = [], 0, 0
        for slot in _PLACEHOLDER.finditer(msgstr):
            pieces.append(msgstr[position:slot.start()])
            position = slot.end()
            if slot["conversion"] == "%":
                pieces.append("%")
            elif slot["name"]:
                if slot["name"] not in by_name:
                    break
                pieces.append(by_name[slot["name"]])
            else:
                pieces.append(values[index])
                index += 1
        else:
            pieces.append(msgstr[position:])
            return "".join(pieces)
    return None
