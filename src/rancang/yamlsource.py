"""Safe YAML reading that remembers where every value came from.

The file is composed into PyYAML nodes (which carry line and column) and then
converted to plain Python values by our own walk, so that

* only the standard scalar tags are accepted -- ``!!python/...`` and every
  custom tag is refused (no code can run while reading user data);
* scalars resolve like YAML 1.2's core schema: ``yes``/``no``/``on``/``off``
  stay text, ``09:00`` stays text (YAML 1.1 would make it the number 540) and
  ``0421123`` keeps its leading zero;
* duplicate keys, non-text keys and merge keys are errors instead of silent
  data loss;
* alias expansion and nesting depth are bounded ("billion laughs");
* every problem is a :class:`~rancang.diagnostics.Diagnostic` with a location.

Models are validated from the plain values and keep a reference to the node
they were built from (see :mod:`rancang.models.base`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from rancang.diagnostics import Diagnostic, Location

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest data file we read. A profile is a few kB; the catalogue a few hundred."""

MAX_VALUES = 200_000
"""Largest number of values a file may expand to, aliases included."""

MAX_DEPTH = 60
"""Deepest nesting of mappings and lists."""

TAG_PREFIX = "tag:yaml.org,2002:"
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
"""C0/C1 controls (but tab, line feed, carriage return, NEL), lone surrogates and non-characters."""

_SCALAR_TAGS = {TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


class StrictResolver(BaseResolver):
    """Implicit typing after the YAML 1.2 core schema (plus dates)."""


StrictResolver.add_implicit_resolver(
    TAG_PREFIX + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictResolver.add_implicit_resolver(
    TAG_PREFIX + "null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
StrictResolver.add_implicit_resolver(
    TAG_PREFIX + "int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
StrictResolver.add_implicit_resolver(
    TAG_PREFIX + "float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
StrictResolver.add_implicit_resolver(TAG_PREFIX + "merge", re.compile(r"^<<$"), ["<"])
StrictResolver.add_implicit_resolver(
    TAG_PREFIX + "timestamp",
    re.compile(
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
         (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
         (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        re.X,
    ),
    list("0123456789"),
)


class _PyLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                SafeConstructor, StrictResolver):
    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        SafeConstructor.__init__(self)
        StrictResolver.__init__(self)


try:  # libyaml is much faster; errors are always re-read with the Python parser.
    from yaml.cyaml import CParser as _CParser

    class _CLoader(_CParser, SafeConstructor, StrictResolver):
        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            StrictResolver.__init__(self)

except ImportError:  # pragma: no cover - depends on the PyYAML build
    _CLoader = None  # type: ignore[assignment,misc]


@dataclass
class Source:
    """One parsed file: its plain data and the node tree it came from."""

    path: str
    data: Any
    node: Node
    problems: list[Diagnostic] = field(default_factory=list)
    text: str = ""
    """The file's text, to locate a position inside a value."""
    """Problems found while reading that still let the rest be validated."""

    def location(self, node: Node | None) -> Location:
        return node_location(self.path, node)


def node_location(path: str, node: Node | None) -> Location:
    if node is None:
        return Location(path, 0, 0)
    mark = node.start_mark
    return Location(path, mark.line + 1, mark.column + 1)


def _mark_location(path: str, mark: Any) -> Location:
    if mark is None:
        return Location(path, 1, 1)
    return Location(path, mark.line + 1, mark.column + 1)


def read_text(path: Path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a data file as text, refusing what is not a small UTF-8 text file."""
    try:
        if path.is_dir():
            return None, [Diagnostic("Y101", "berupa folder, bukan berkas", Location(display))]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Diagnostic(
                    "Y104",
                    f"berkas berukuran {size / 1024 / 1024:.1f} MB; batasnya "
                    f"{MAX_FILE_BYTES // 1024 // 1024} MB per berkas",
                    Location(display),
                )
            ]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Diagnostic("Y101", "berkas tidak ditemukan", Location(display))]
    except OSError as exc:
        return None, [Diagnostic("Y101", f"berkas tidak dapat dibaca ({exc.strerror or exc})", Location(display))]

    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Diagnostic("Y102", "berkas memakai pengodean UTF-16; simpan ulang sebagai UTF-8", Location(display, 1, 1),
                       suggestion=SAVE_AS_UTF8)
        ]
    if b"\x00" in raw:
        return None, [Diagnostic("Y103", "berkas berisi bita nol (NUL); ini bukan berkas teks", Location(display))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)
        before = raw[:start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        return None, [
            Diagnostic(
                "Y102",
                f"bita 0x{raw[start]:02x}{_as_legacy(raw[start])} bukan UTF-8; simpan ulang berkas dengan pengodean "
                "UTF-8",
                Location(display, line, column),
                suggestion=SAVE_AS_UTF8,
            )
        ]
    return text, []


SAVE_AS_UTF8 = ("cara menyimpan sebagai UTF-8 — Excel: Simpan Sebagai, pilih jenis 'CSV UTF-8' atau Alat > Opsi "
                "Web > Pengodean: Unicode (UTF-8); Notepad: Simpan Sebagai, Pengodean: UTF-8; LibreOffice: Simpan "
                "Sebagai, centang 'Sunting pengaturan penyaring', Set karakter: Unicode (UTF-8)")
"""How to save a file as UTF-8 in the programs a region's staff use (Y102)."""


def _as_legacy(byte: int) -> str:
    """`` ('é' dalam pengodean Windows-1252)``: the character a byte that is not UTF-8 stands for in the
    encoding Excel and old Notepad save with, when it is one; empty otherwise."""
    try:
        character = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return ""
    if not character.isprintable():
        return ""
    return f" (karakter '{character}' dalam pengodean Windows-1252/Latin-1)"


# PyYAML's problem texts -> (code, Indonesian message, use the context mark?).
# The context mark points where the construct began (the opening quote, the
# "[", the key without its colon), which is where the user has to look.
_ESCAPE = ("urutan escape (garis miring terbalik) tidak valid dalam teks bertanda kutip ganda; untuk jalur "
           "seperti C:\\Users pakai tanda kutip tunggal")
_TRANSLATIONS: list[tuple[str, str, str, bool]] = [
    ("found character '\\t' that cannot start any token", "Y106",
     "tab tidak boleh dipakai untuk indentasi atau sebelum nilai; pakai spasi", False),
    ("found a tab character", "Y106", "tab tidak boleh dipakai untuk indentasi; pakai spasi", False),
    ("found unexpected end of stream", "Y105", "teks bertanda kutip tidak ditutup", True),
    ("found unknown escape character", "Y105", _ESCAPE, False),
    ("expected escape sequence of", "Y105", _ESCAPE, False),
    ("found unexpected document separator", "Y105", "teks bertanda kutip tidak ditutup sebelum pemisah ---", True),
    ("mapping values are not allowed here", "Y105",
     "titik dua tidak diharapkan di sini; beri tanda kutip pada teks yang memuat ': ' atau periksa indentasi", False),
    ("could not find expected ':'", "Y105", "kunci ini tidak diikuti titik dua (:)", True),
    ("expected ',' or ']'", "Y105", "daftar yang dibuka dengan [ tidak ditutup dengan ]", True),
    ("expected ',' or '}'", "Y105", "pemetaan yang dibuka dengan { tidak ditutup dengan }", True),
    ("found undefined alias", "Y105", "alias (*) merujuk ke jangkar (&) yang tidak ada", False),
    ("found duplicate anchor", "Y105", "nama jangkar (&) dipakai dua kali", False),
    ("expected alphabetic or numeric character", "Y105",
     "nama jangkar (&) atau alias (*) tidak valid; beri tanda kutip bila ini teks biasa", False),
    ("found undefined tag handle", "Y108", "tag YAML tidak dikenal; beri tanda kutip bila ini teks biasa", False),
    ("expected a comment or a line break", "Y105", "ada teks tak terduga sesudah tanda | atau >", False),
    ("expected chomping or indentation indicators", "Y105", "penanda blok teks | atau > tidak valid", False),
    ("expected indentation indicator in the range 1-9", "Y105", "penanda indentasi blok teks harus 1-9", False),
    ("but found '<scalar>'", "Y105",
     "ada teks sesudah nilai yang sudah selesai (misalnya sesudah tanda kutip penutup); beri tanda kutip pada "
     "seluruh teks", False),
    ("expected <block end>, but found '-'", "Y105", "butir daftar (-) tidak sejajar dengan butir sebelumnya", False),
    ("expected <block end>, but found", "Y105", "indentasi tidak konsisten", False),
    ("did not find expected key", "Y105", "indentasi tidak konsisten atau kunci hilang", False),
    ("did not find expected '-' indicator", "Y105", "butir daftar harus diawali tanda '-' yang sejajar", False),
    ("expected '<document start>'", "Y105", "isi tak terduga sesudah akhir dokumen", False),
    ("found character", "Y105", "karakter ini tidak boleh mengawali nilai; beri tanda kutip pada teks", False),
    ("special characters are not allowed", "Y112", "berkas berisi karakter kendali yang tidak diizinkan", False),
    ("expected a single document in the stream", "Y111",
     "berkas berisi lebih dari satu dokumen YAML (pemisah ---)", False),
]


def _translate(exc: yaml.YAMLError, display: str) -> Diagnostic:
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    for needle, code, message, use_context in _TRANSLATIONS:
        if needle in problem or needle in context:
            mark = (context_mark if use_context else problem_mark) or problem_mark or context_mark
            return Diagnostic(code, message, _mark_location(display, mark))
    return Diagnostic("Y105", "sintaks YAML tidak valid di sini", _mark_location(display, problem_mark or context_mark))


def _deepest(text: str, display: str) -> Diagnostic:
    """Where nesting first goes past MAX_DEPTH, found from the (non-recursive) event stream."""
    depth = -1  # the top-level collection is depth 0, as in _Converter
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return Diagnostic("Y109", f"struktur bersarang terlalu dalam (batas {MAX_DEPTH} tingkat)",
                                      _mark_location(display, event.start_mark))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    return Diagnostic("Y109", f"struktur bersarang terlalu dalam (batas {MAX_DEPTH} tingkat)",
                      Location(display, 1, 1))


def fast_path_allowed(text: str) -> bool:
    """libyaml accepts a tab inside plain text and reads a byte-order mark inside the text differently; the
    Python parser (whose behaviour rancang documents) decides such files, which are rare.
    ``tests/test_yamlsource.py`` compares both parsers on random text."""
    return "\t" not in text and "\ufeff" not in text


def compose(text: str, display: str) -> tuple[Node | None, list[Diagnostic]]:
    """Parse text into a node tree; errors become diagnostics."""
    if _CLoader is not None and fast_path_allowed(text):
        try:
            loader = _CLoader(text)
            try:
                return loader.get_single_node(), []
            finally:
                loader.dispose()
        except (yaml.YAMLError, RecursionError, UnicodeError):
            pass  # re-read below for a precise message
    try:
        loader = _PyLoader(text)
        try:
            return loader.get_single_node(), []
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        where = Location(display, before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [Diagnostic("Y112", f"karakter kendali U+{char:04X} tidak diizinkan dalam berkas", where)]
    except yaml.YAMLError as exc:
        return None, [_translate(exc, display)]
    except RecursionError:
        return None, [_deepest(text, display)]


class _Converter:
    def __init__(self, display: str):
        self.display = display
        self.count = 0
        self.problems: list[Diagnostic] = []
        self.constructor = SafeConstructor()
        self.too_big = False

    def loc(self, node: Node) -> Location:
        return node_location(self.display, node)

    def convert(self, node: Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            if not self.too_big:
                self.too_big = True
                self.problems.append(
                    Diagnostic(
                        "Y109",
                        f"berkas mengembang menjadi lebih dari {MAX_VALUES:,} nilai (alias & dan * yang "
                        "berlipat ganda?)".replace(",", "."),
                        self.loc(node),
                    )
                )
            return None
        if depth > MAX_DEPTH:
            if not self.too_big:
                self.too_big = True
                self.problems.append(
                    Diagnostic("Y109", f"struktur bersarang terlalu dalam (batas {MAX_DEPTH} tingkat)", self.loc(node))
                )
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != TAG_PREFIX + "seq":
                return self.bad_tag(node)
            return [self.convert(child, depth + 1) for child in node.value]
        if isinstance(node, MappingNode):
            if node.tag != TAG_PREFIX + "map":
                return self.bad_tag(node)
            return self.mapping(node, depth)
        return self.bad_tag(node)  # pragma: no cover - PyYAML has no other node kinds

    def bad_tag(self, node: Node) -> None:
        tag = str(node.tag)
        shown = "!!" + tag[len(TAG_PREFIX):] if tag.startswith(TAG_PREFIX) else tag
        self.problems.append(
            Diagnostic("Y108", f"tag YAML {shown} tidak diizinkan; rancang hanya membaca YAML aman", self.loc(node))
        )
        return None

    def text(self, node: ScalarNode, value: str) -> str:
        """Refuse characters that Word and HTML cannot carry (written as escapes in quotes)."""
        bad = _FORBIDDEN_CHARS.search(value)
        if bad:
            self.problems.append(
                Diagnostic("Y112", f"karakter kendali U+{ord(bad.group()):04X} tidak diizinkan dalam teks",
                           self.loc(node))
            )
            # The file is rejected anyway; a placeholder lets the rest still be validated.
            return _FORBIDDEN_CHARS.sub("\ufffd", value)
        return value

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            return self.bad_tag(node)
        try:
            value = self.constructor.construct_object(node, deep=True)
            return self.text(node, value) if isinstance(value, str) else value
        except (ConstructorError, ValueError, OverflowError):
            if node.tag == TAG_PREFIX + "timestamp":
                self.problems.append(
                    Diagnostic("S205", f"tanggal {node.value!r} tidak ada dalam kalender", self.loc(node))
                )
            else:
                self.problems.append(Diagnostic("Y105", f"nilai {node.value!r} tidak dapat dibaca", self.loc(node)))
            return node.value

    def mapping(self, node: MappingNode, depth: int) -> dict:
        result: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == TAG_PREFIX + "merge":
                self.problems.append(
                    Diagnostic("Y114", "kunci penggabungan << tidak didukung; tulis nilainya secara lengkap", self.loc(key_node))
                )
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (TAG_PREFIX + "str",):
                shown = key_node.value if isinstance(key_node, ScalarNode) else "..."
                self.problems.append(
                    Diagnostic("Y113", f"kunci {shown!r} bukan teks; kunci harus berupa nama seperti nama:", self.loc(key_node))
                )
                continue
            key = self.text(key_node, key_node.value)
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.problems.append(
                    Diagnostic("Y107", f"kunci '{key}' sudah ditulis di baris {first}", self.loc(key_node))
                )
                continue
            seen[key] = key_node
            result[key] = self.convert(value_node, depth + 1)
        return result


def load(path: Path, display: str | None = None, empty_list: bool = False) -> tuple[Source | None, list[Diagnostic]]:
    """Read one YAML data file.

    Returns the source (None when nothing could be read) and the problems found.
    A source may come with problems that still let its structure be validated
    (a duplicate key, an impossible date), so that one run reports them all.
    With ``empty_list`` (a file that is a list, such as the agencies), a file without data -- only comments,
    or nothing -- is an empty list instead of Y110.
    """
    display = display if display is not None else str(path)
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    return load_text(text, display, empty_list)


def load_text(text: str, display: str, empty_list: bool = False) -> tuple[Source | None, list[Diagnostic]]:
    node, problems = compose(text, display)
    if problems:
        return None, problems
    if node is None or (isinstance(node, ScalarNode) and node.tag == TAG_PREFIX + "null"):
        if empty_list:  # a list file that holds only comments: nothing listed yet
            start = yaml.error.Mark(display, 0, 0, 0, None, None)
            return Source(display, [], SequenceNode(TAG_PREFIX + "seq", [], start, start), [], text), []
        return None, [Diagnostic("Y110", "berkas tidak berisi data", Location(display, 1, 1))]
    converter = _Converter(display)
    data = converter.convert(node)
    if converter.too_big:
        return None, converter.problems
    return Source(display, data, node, converter.problems, text), list(converter.problems)


def is_empty_list(node: Node | None) -> bool:
    """``[]`` or ``null``: a list file in which nothing is listed yet."""
    return (isinstance(node, SequenceNode) and bool(node.flow_style) and not node.value) or \
        (isinstance(node, ScalarNode) and node.tag == TAG_PREFIX + "null")


def without_node(text: str, node: Node) -> str:
    """``text`` without the characters of ``node`` (``[]``, ``null``), and without its line if nothing but
    blanks is left on it; every other line (comments included) as it was. For appending block entries to a
    list file written ``[]``."""
    lines = text.splitlines(keepends=True)
    start, end = node.start_mark, node.end_mark
    if start.line >= len(lines) or start.line != end.line:
        return text if start.line >= len(lines) else "".join(lines[:start.line] + lines[end.line + 1:])
    line = lines[start.line]
    before = line[:start.column]
    rest = before + (line[end.column:] if before.strip() else line[end.column:].lstrip(" \t"))
    lines[start.line] = "" if not rest.strip() else rest
    return "".join(lines)


def child(node: Node | None, key: str | int) -> Node | None:
    """The node under a mapping key or a sequence index, if there is one."""
    if isinstance(node, MappingNode) and isinstance(key, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return value_node
        return None
    if isinstance(node, SequenceNode) and isinstance(key, int):
        if 0 <= key < len(node.value):
            return node.value[key]
        return None
    return None


def key_node(node: Node | None, key: str) -> Node | None:
    """The node of a mapping key itself (to point at a misspelt key)."""
    if isinstance(node, MappingNode):
        for k, _v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return k
    return None
