"""HTML narratives of agency database exports → Markdown that :mod:`rancang.richtext` reads as it was meant.

Real exports hold the HTML of a rich-text editor or of a Word paste: ``<p style="text-align: justify;"><span
style="font-family: Arial;">...``, nested ``<ol>``/``<ul>``, ``<o:p></o:p>`` and ``class="MsoNormal"``,
conditional comments, one-cell layout tables, real tables, base64 pictures, ``&nbsp;``/``&shy;``, ``<style>`` and
``<script>`` blocks, page breaks, and tags cut off where the database field ended. :func:`html_to_markdown` turns
such a field into Markdown built from what rancang's rich text knows (paragraphs, hard line breaks, bullet and
numbered lists, nested, block quotes, pipe tables, bold, italic, links) and nothing else, so the check finds no
raw HTML (L610) in it; every character of the text that could be read as Markdown is escaped so that each word of
the source reaches :func:`rancang.richtext.plain` exactly.

What is not kept is said: :attr:`Converted.dropped` holds one Indonesian note for each piece left out, with its
text after ``": "`` (the content of a ``<style>``, a comment, a cut-off tag, a broken ``data:`` URI, the address of a
picture that cannot be copied), so a word ledger can account for every word: the words of :func:`plain_words` of
the source are the words of the Markdown plus the words of those notes. Pictures embedded as ``data:`` URIs are
taken out of the text and returned as :class:`Image` (the importer writes them beside the record).

MS-Word list paragraphs (``mso-list:l0 level1``, the number or bullet in a part only Word shows) become nested
lists; ``<span style="font-weight: bold">`` is bold; a field whose tags the export escaped once more
(``&lt;p&gt;``, no real tag) is read as the HTML it was.

The conversion is a :class:`markdownify.MarkdownConverter` subclass run on a tree that is tidied first
(:meth:`_Converter.prepare`): left-out elements and pictures removed, inline runs beside blocks wrapped in
paragraphs, stray list and table content put in items and cells, one-cell tables turned into block quotes.
Emphasis is written only where Markdown will close it (the characters around it decide), and a result with
emphasis or links is read back with :func:`rancang.richtext.parse`: should a word not arrive, the field is
converted again without emphasis, then without links, down to its plain words (HTML nested too deep to walk
gets that too, with a note).
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html import unescape as html_unescape
from html.entities import html5
from urllib.parse import unquote_to_bytes

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, PreformattedString
from markdownify import MarkdownConverter

__all__ = ["Converted", "Image", "html_to_markdown", "looks_like_html", "plain_words"]


@dataclass(frozen=True)
class Image:
    """A picture taken out of a field: its bytes and what it shows."""

    data: bytes
    kind: str
    """``png``, ``jpeg``, ``gif``, ``webp``, ``svg``, ``bmp``, ... (from the bytes, else the ``data:`` type)."""
    alt: str
    """The ``alt`` (else ``title``) text of the picture, ``""`` when it has none."""
    index: int
    """1-based position among the field's pictures."""


@dataclass
class Converted:
    markdown: str
    images: list[Image] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    """Indonesian notes of what was left out, each ``"<what>: <the text left out>"``."""


# -- what the words of an HTML text are ------------------------------------------------------------------------

BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
"""Elements that end a word: text on either side of them is never joined into one word."""

DROP = frozenset({
    "applet", "area", "audio", "base", "button", "canvas", "embed", "frame", "frameset", "iframe", "input", "link",
    "map", "meta", "noscript", "object", "param", "script", "select", "source", "style", "template", "textarea",
    "title", "track", "video", "xml",
})
"""Elements left out with all they hold (their text goes to the notes)."""

_SEPARATORS = BLOCK | DROP | {"svg"}
_STRUCTURE = frozenset({"ul", "ol", "menu", "dir", "table", "thead", "tbody", "tfoot", "tr", "colgroup"})
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_BOLD = re.compile(r"(?<![\w-])font-weight\s*:\s*(bold|bolder|[6-9]00)\b", re.IGNORECASE)
_ITALIC = re.compile(r"(?<![\w-])font-style\s*:\s*(italic|oblique)\b", re.IGNORECASE)
_MSO_LIST = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.IGNORECASE)
_TABLE_PARTS = ("td", "th", "tr", "thead", "tbody", "tfoot", "caption")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MARKERS = {"b": "**", "strong": "**", "em": "*", "i": "*", "u": "*"}

_JUNK = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u200b\ufeff]")
"""Characters that are no text: control characters, the soft hyphen (``&shy;``), zero-width space, BOM."""
_SPACE = re.compile(r"\s+")
_WORDY = re.compile(r"\w")


def _clean(text: str) -> str:
    return _JUNK.sub("", text)


def _collect(root: Tag) -> str:
    """The text of a tree as the word ledger reads it: strings (``<style>`` and ``<script>`` content included,
    comments and declarations not), a space where an element in ``_SEPARATORS`` begins and ends."""
    out: list[str] = []
    stack: list = [iter(root.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, NavigableString):
            if not isinstance(child, PreformattedString):
                out.append(str(child))
        elif isinstance(child, Tag):
            if child.name in _SEPARATORS:
                out.append(" ")
                stack.append(iter([*child.children, NavigableString(" ")]))
            else:
                stack.append(iter(child.children))
    return _clean("".join(out))


def _soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!--")
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_LONG_DATA = re.compile(r"data:[^\s\"'<>]{80,}", re.IGNORECASE)  # a picture cut off with its tag: its head is enough
_CUT_START = re.compile(r"<[A-Za-z][A-Za-z0-9:-]*\s+[A-Za-z:-]+=[^<>]*\Z")


def looks_like_html(text: str) -> bool:
    """Whether a field holds HTML: a tag, a comment, a character reference (``&nbsp;``), or a tag with
    attributes cut off at its end."""
    if _TAG.search(text) or _CUT_START.search(text):
        return True
    return any(ref.group(1).startswith("#") or ref.group(1) + ";" in html5 for ref in _ENTITY.finditer(text))


_ESCAPED_TAG = re.compile(r"&lt;/?(p|br|div|span|b|i|u|strong|em|ol|ul|li|table|tr|td|th|h[1-6]|a)\b[^<>]*?&gt;",
                          re.IGNORECASE)


def _source(text: str) -> str:
    """The HTML of a field: a field whose tags were escaped once more by the export (``&lt;p&gt;Teks&lt;/p&gt;``,
    and no real tag) is read with them unescaped."""
    if _ESCAPED_TAG.search(text) and not _TAG.search(text):
        return html_unescape(text)
    return text


def _cut(text: str) -> tuple[str, str]:
    """A field without the tag cut off at its end (``...<p style="text-ali``) or the comment never closed, which
    the parser would take for text, and the note saying so (``""`` when nothing was cut)."""
    opened = text.rfind("<!--")
    if opened >= 0 and "-->" not in text[opened + 4:]:
        start, what = opened, "komentar HTML yang tidak ditutup"
    else:
        found = None
        for found in _TAG_START.finditer(text):
            pass
        if found is None or ">" in text[found.start():]:
            return text, ""
        start, what = found.start(), "tag HTML yang terpotong di akhir isian"
    cut = _LONG_DATA.sub(lambda found: found.group()[:48] + "…", _SPACE.sub(" ", _clean(text[start:])).strip())
    return text[:start], f"{what} dibuang: {cut}"


def plain_words(text: str) -> list[str]:
    """The words of a source field as the word ledger counts them: for HTML the words of its text (character
    references decoded, ``&shy;`` and other invisible characters removed, block elements and ``<br>`` ending
    words, the content of ``<style>`` and ``<script>`` counted, comments and attributes not); for any other text
    its words as written. A tag cut off at the end of the field is markup, not words; tags escaped twice by the
    export (``&lt;p&gt;``) are tags."""
    if not looks_like_html(text):
        return text.split()
    return _collect(_soup(_cut(_source(text))[0])).split()


# -- escaping --------------------------------------------------------------------------------------------------

_INLINE_SPECIAL = re.compile(r"([\\*_`\[\]<|])")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_ORDERED = re.compile(r"(\d{1,9})[.)](?= |$)")


def _escape_inline(text: str) -> str:
    """Text with every character that Markdown could read as markup escaped (line starts: :func:`_escape_start`)."""
    return _ENTITY_LIKE.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def _escape_start(line: str) -> str:
    """A line of a paragraph that cannot start a heading, quote, list, rule, fence or setext underline."""
    line = line.strip(" ")
    if not line:
        return line
    if line[0] in "#>+-=~":
        return "\\" + line
    found = _ORDERED.match(line)
    if found:
        return found.group(1) + "\\" + line[len(found.group(1)):]
    return line


_BR = "\x00"      # a <br> until its block decides what it becomes
_CELL = "\x01"    # the start of a table cell
_ROW = "\x02"     # the start of a table row
_BREAKS = re.compile(f" *{_BR}(?: *{_BR})+ *")
_ONE_BREAK = re.compile(f" *{_BR} *")
_FLAT = re.compile(f"[\\s{_BR}{_CELL}{_ROW}]+")
_SPACES = re.compile(" {2,}")
_NEWLINES = re.compile(r"^(\n*)((?:.*[^\n])?)(\n*)$", re.DOTALL)


def _block_text(text: str) -> str:
    """The inline Markdown of one block (``<br>`` as ``_BR``) as paragraphs: one ``<br>`` a hard line break, two
    or more a new paragraph, none at the edges; every line's start escaped."""
    paragraphs = []
    for paragraph in _BREAKS.split(_SPACES.sub(" ", text.replace("\n", " "))):
        lines = [_escape_start(line) for line in _ONE_BREAK.split(paragraph)]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\\\n".join(lines))
    return "\n\n".join(paragraphs)


def _flat(text: str) -> str:
    """Inline Markdown on one line (a table cell, a list inside a cell): every break a space."""
    return _FLAT.sub(" ", text).strip()


def _punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


# -- pictures --------------------------------------------------------------------------------------------------

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
    (b"BM", "bmp"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"), (b"\x00\x00\x01\x00", "ico"),
)
_DATA_URI = re.compile(r"data:([^,;]*)((?:;[^,;]*)*),(.*)", re.DOTALL | re.IGNORECASE)
_SUBTYPE = {"jpg": "jpeg", "pjpeg": "jpeg", "svg+xml": "svg", "x-icon": "ico", "vnd.microsoft.icon": "ico",
            "x-png": "png", "x-ms-bmp": "bmp"}


def _kind(data: bytes, mime: str) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "svg"
    if mime.startswith("image/"):
        subtype = mime[6:]
        subtype = _SUBTYPE.get(subtype, subtype)
        return subtype if re.fullmatch(r"[a-z0-9]{2,8}", subtype) else None
    return None


def _decode(uri: str) -> tuple[bytes, str] | str:
    """The bytes and kind of a ``data:`` URI, or why it cannot be read."""
    found = _DATA_URI.match(uri)
    if not found:
        return "alamat data: tanpa koma"
    mime = found.group(1).strip().lower()
    params = [param.strip().lower() for param in found.group(2).split(";")]
    payload = found.group(3)
    try:
        if "base64" in params:
            packed = re.sub(r"\s+", "", unquote_to_bytes(payload).decode("ascii"))
            data = base64.b64decode(packed + "=" * (-len(packed) % 4), validate=True)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return "isi base64 rusak"
    if not data:
        return "isinya kosong"
    kind = _kind(data, mime)
    if kind is None:
        return f"bukan gambar yang dikenal ({mime or 'tanpa jenis'})"
    return data, kind


def _word_marker(paragraph: Tag) -> tuple[str, list] | None:
    """The number or bullet of a Word list paragraph and the pieces that hold it (between ``[if !supportLists]``
    and ``[endif]``, or a span styled ``mso-list:Ignore``)."""
    start = next((piece for piece in paragraph.descendants if isinstance(piece, PreformattedString)
                  and "supportLists" in str(piece)), None)
    if start is not None:
        pieces = [start]
        sibling = start.next_sibling
        while sibling is not None and not (isinstance(sibling, PreformattedString) and "endif" in str(sibling)):
            pieces.append(sibling)
            sibling = sibling.next_sibling
        if sibling is None:
            return None
        pieces.append(sibling)
    else:
        span = paragraph.find("span", style=re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE))
        if span is None:
            return None
        pieces = [span]
    text = "".join(_collect(piece) if isinstance(piece, Tag) else "" if isinstance(piece, PreformattedString)
                   else str(piece) for piece in pieces)
    text = _SPACE.sub(" ", _clean(text)).strip()
    return (text, pieces) if text else None


def _shown(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# -- the converter ---------------------------------------------------------------------------------------------


class _Converter(MarkdownConverter):
    """markdownify with rancang's subset of Markdown: see the module's documentation."""

    class Options(MarkdownConverter.DefaultOptions):
        bullets = "-"                 # every level (markdownify's convert_li); escaping, breaks, emphasis, tables
        strong_em_symbol = "*"        # and links are this class's own

    _options: dict | None = None

    def __init__(self) -> None:
        # markdownify's __init__ gathers the options by dir() each time: once is enough (no option is given)
        if _Converter._options is None:
            super().__init__()
            _Converter._options = self.options
        self.options = dict(_Converter._options)
        self.convert_fn_cache = {}
        self.images: list[Image] = []
        self.dropped: list[str] = []
        self.containers: set[int] = set()     # ids of elements whose content is all blocks
        self.emphasis = True
        self.links = True
        self.marked = False                   # emphasis or a link written: read the result back
        self.soup: BeautifulSoup | None = None
        self.functions = {
            "[document]": self.convert__document_, "a": self.convert_a, "b": self.convert_b, "strong": self.convert_b,
            "em": self.convert_em, "i": self.convert_em, "u": self.convert_em, "br": self.convert_br,
            "blockquote": self.convert_blockquote, "ul": self.convert_list, "ol": self.convert_list,
            "menu": self.convert_list, "dir": self.convert_list, "li": self.convert_li, "hr": self.convert_hr,
            "table": self.convert_table, "tr": self.convert_tr, "td": self.convert_td, "th": self.convert_td,
            "pre": self.convert_p,
            **{name: self.convert_hN_ for name in _HEADINGS},
            **{name: self.convert_p for name in BLOCK - _STRUCTURE - _HEADINGS
               - {"br", "hr", "li", "blockquote", "pre", "td", "th", "dl"}},
            "dl": self.convert_p,
        }

    def get_conv_fn(self, tag_name):
        return self.functions.get(tag_name)

    # -- the tree tidied before conversion ---------------------------------------------------------------------

    def prepare(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self._prepare(soup)
        self._settle(soup, always=True)

    def cut_tail(self, text: str) -> str:
        text, note = _cut(text)
        if note:
            self.dropped.append(note)
        return text

    def _note(self, what: str, text: str, wordy: bool = False) -> None:
        """A note of text left out: any text (the ledger counts every word), a comment only with letters or digits."""
        text = _SPACE.sub(" ", _clean(text)).strip()
        if text and (not wordy or _WORDY.search(text)):
            self.dropped.append(f"{what}: {text}")

    def _prepare(self, node: Tag) -> None:
        self._word_lists(node)
        self._join_runs(node)
        for child in list(node.children):
            if isinstance(child, PreformattedString):
                if isinstance(child, Comment):
                    if not re.match(r"\s*\[(end)?if", str(child)):
                        self._note("komentar HTML dibuang", str(child), wordy=True)
                elif isinstance(child, CData):
                    self._note("bagian CDATA dibuang", str(child))
                child.extract()
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in DROP:
                what = {"style": "gaya CSS (<style>) dibuang", "script": "skrip (<script>) dibuang",
                        "title": "judul dokumen HTML (<title>) dibuang"}.get(name, f"isi elemen <{name}> dibuang")
                self._note(what, _collect(child))
                child.replace_with(NavigableString(" "))
                continue
            if name == "img":
                self._image(child)
                child.extract()
                continue
            if name == "svg":
                self._svg(child)
                child.replace_with(NavigableString(" "))
                continue
            if name in ("col", "colgroup"):
                child.extract()
                continue
            if name in ("span", "font") and child.get("style"):
                name = self._styled(child)
            if re.match(r"h\d", name) and name not in _HEADINGS:
                child.name = name = "span"  # <h7>, <h2o>: not a heading to rancang nor to the word ledger
            elif name in _TABLE_PARTS and child.find_parent("table") is None:
                child.name = name = "div"  # a cell without its table
            self._prepare(child)
            if name == "table":
                self._table(child)
            elif name in _LISTS:
                self._list(child)
            elif name == "li":
                self._lift(child)
                self._settle(child)
            elif name in BLOCK:
                self._settle(child)
            elif any(self._blocky(piece) for piece in child.children):
                child.unwrap()  # <font><p>..</p></font>, <b>a<p>b</p></b>: its format cannot span blocks

    def _join_runs(self, node: Tag) -> None:
        """``<b>Has</b><b>il</b>`` (Word splits a bold word into runs) is one bold run: ``**Has****il**`` would
        not be bold in Markdown."""
        child = next(iter(node.children), None)
        while child is not None:
            following = child.next_sibling
            if isinstance(child, Tag) and child.name in ("span", "font") and child.get("style"):
                self._styled(child)
            if isinstance(following, Tag) and following.name in ("span", "font") and following.get("style"):
                self._styled(following)
            if isinstance(child, Tag) and isinstance(following, Tag) and child.name in _MARKERS \
                    and _MARKERS[child.name] == _MARKERS.get(following.name):
                for piece in list(following.children):
                    child.append(piece.extract())
                following.extract()
                continue
            child = following

    def _word_lists(self, node: Tag) -> None:
        """MS-Word's list paragraphs (``<p style="mso-list:l0 level1 lfo1">`` with the number or bullet in a part
        only Word shows) become lists: nested by level, numbered when Word numbered them 1., 2., ... in order."""
        group: list[tuple[Tag, int]] = []
        for child in [*node.children, None]:
            if isinstance(child, NavigableString) and (isinstance(child, PreformattedString) or not child.strip()):
                continue
            found = _MSO_LIST.search(str(child.get("style") or "")) if isinstance(child, Tag) and \
                child.name == "p" else None
            if found:
                group.append((child, int(found.group(1))))
                continue
            if group:
                self._word_list(group)
            group = []

    def _word_list(self, group: list[tuple[Tag, int]]) -> None:
        roots: list[dict] = []
        stack: list[dict] = []
        bullets: list[str] = []
        for paragraph, level in group:
            marker = _word_marker(paragraph)
            if marker is None:
                return
            text, pieces = marker
            if re.fullmatch(r"\d{1,9}\.", text):
                kind = "ol"
            elif len(text) == 1 and not text.isdigit():
                kind = "ul"
            else:
                return  # 'a.', 'i)', '1.1': Word's own numbering stays as it is written
            while stack and stack[-1]["level"] > level:
                stack.pop()
            if not stack or stack[-1]["level"] < level:
                new = {"level": level, "kind": kind, "items": []}
                if stack:
                    stack[-1]["items"][-1]["lists"].append(new)
                else:
                    roots.append(new)
                stack.append(new)
            if stack[-1]["kind"] != kind:
                return
            stack[-1]["items"].append({"paragraph": paragraph, "pieces": pieces, "text": text, "lists": []})

        def numbered_in_order(lists: list[dict]) -> bool:
            for one in lists:
                if one["kind"] == "ol":
                    numbers = [int(item["text"][:-1]) for item in one["items"]]
                    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
                        return False
                if not all(numbered_in_order(item["lists"]) for item in one["items"]):
                    return False
            return True

        if not numbered_in_order(roots):
            return

        def build(one: dict) -> Tag:
            tag = self.soup.new_tag(one["kind"])
            if one["kind"] == "ol" and one["items"][0]["text"] != "1.":
                tag["start"] = one["items"][0]["text"][:-1]
            for item in one["items"]:
                if item["text"] != "-" and one["kind"] == "ul":
                    bullets.append(item["text"])
                for piece in item["pieces"]:
                    piece.extract()
                entry = self.soup.new_tag("li")
                entry.append(item["paragraph"].extract())
                for inner in item["lists"]:
                    entry.append(build(inner))
                tag.append(entry)
            return tag

        anchor = group[0][0]
        place = self.soup.new_tag("div")
        anchor.insert_before(place)
        for one in roots:
            place.insert_before(build(one))
        place.extract()
        for paragraph, _ in group:
            if paragraph.parent is not None and paragraph.parent.name != "li":
                paragraph.extract()
        if bullets:
            self.dropped.append("penanda butir daftar Word diganti tanda '-': " + " ".join(bullets))

    def _styled(self, span: Tag) -> str:
        """``<span style="font-weight: bold">`` is bold, ``font-style: italic`` italic, as editors write them."""
        style = str(span.get("style"))
        bold = _BOLD.search(style) is not None
        italic = _ITALIC.search(style) is not None
        if italic and bold:
            inner = self.soup.new_tag("em")
            for piece in list(span.children):
                inner.append(piece.extract())
            span.append(inner)
        if bold or italic:
            span.name = "strong" if bold else "em"
        return span.name

    def _blocky(self, node) -> bool:
        return isinstance(node, Tag) and ((node.name in BLOCK and node.name != "br") or id(node) in self.containers)

    def _settle(self, node: Tag, always: bool = False) -> None:
        """Inline content beside blocks wrapped in paragraphs: the element then holds blocks only."""
        if node.name in _STRUCTURE:
            return
        children = list(node.children)
        if not always and not any(self._blocky(child) for child in children):
            return
        self.containers.add(id(node))
        run: list = []
        for child in [*children, None]:
            if child is None or self._blocky(child):
                if any(isinstance(item, Tag) or str(item).strip() for item in run):
                    paragraph = self.soup.new_tag("p")
                    run[0].insert_before(paragraph)
                    for item in run:
                        paragraph.append(item.extract())
                run = []
            else:
                run.append(child)

    def _list(self, node: Tag) -> None:
        """Only items in a list: a nested list goes into the item before it, other content into an item."""
        previous = None
        run: list = []

        def flush() -> None:
            if any(isinstance(item, Tag) or str(item).strip() for item in run):
                item = self.soup.new_tag("li")
                run[0].insert_before(item)
                for piece in run:
                    item.append(piece.extract())
                self._settle(item)
            run.clear()

        for item in node.find_all("li", recursive=False):
            self._lift(item)
        for child in list(node.children):
            if isinstance(child, Tag) and child.name == "li":
                flush()
                previous = child
            elif isinstance(child, Tag) and child.name in _LISTS and previous is not None and not run:
                previous.append(child.extract())
                self._settle(previous)
            else:
                run.append(child)
        flush()

    def _lift(self, item: Tag) -> None:
        """``<li>a<li>b`` (an item never closed holds the next): the next item and what follows it become the
        item's siblings."""
        inner = next((child for child in item.children if isinstance(child, Tag) and child.name == "li"), None)
        if inner is None:
            return
        rest = [inner, *inner.next_siblings]
        anchor = item
        for piece in rest:
            anchor.insert_after(piece.extract())
            anchor = piece
        self._settle(item)
        for piece in rest:
            if isinstance(piece, Tag) and piece.name == "li":
                self._lift(piece)

    def _table(self, table: Tag) -> None:
        """Stray content into cells; a table with at most one cell holding anything becomes a block quote."""
        for caption in table.find_all("caption", recursive=False):
            caption.insert_before(NavigableString(" "))  # the caption ended a word where it stood
            table.insert_before(caption.extract())
        sections = [table, *table.find_all(("thead", "tbody", "tfoot"), recursive=False)]
        for section in sections:
            self._wrap_stray(section, ("thead", "tbody", "tfoot", "tr"), "tr")
        rows = [row for section in sections for row in section.find_all("tr", recursive=False)]
        for row in rows:
            self._wrap_stray(row, ("td", "th"), "td")
        cells = [cell for row in rows for cell in row.find_all(("td", "th"), recursive=False)]
        if [word for cell in cells for word in _collect(cell).split()] != _collect(table).split():
            self._unravel(table)  # text in no cell (a <thead> in a <thead>...): the table is read as blocks
            return
        filled = [cell for cell in cells if _collect(cell).strip()]
        if len(filled) > 1:
            return
        if not filled:
            table.replace_with(NavigableString(" "))
            return
        quote = self.soup.new_tag("blockquote")
        for piece in list(filled[0].children):
            quote.append(piece.extract())
        table.replace_with(quote)
        for stray in quote.find_all(_TABLE_PARTS):
            inside = stray.find_parent("table")
            if inside is None or not any(parent is quote for parent in inside.parents):
                stray.name = "div"  # a cell that was in the layout table's cell, not in a table of its own
                self._settle(stray)
        self._settle(quote)

    def _unravel(self, table: Tag) -> None:
        parts = [part for part in table.find_all(("table", *_TABLE_PARTS))
                 if part.find_parent("table") is table or part.name == "caption"]
        for part in [*reversed(parts), table]:
            part.name = "div"
            self._settle(part)

    def _wrap_stray(self, node: Tag, allowed: tuple[str, ...], wrapper: str) -> None:
        run: list = []
        for child in [*node.children, None]:
            if child is None or isinstance(child, Tag) and child.name in allowed:
                if any(isinstance(item, Tag) or str(item).strip() for item in run):
                    outer = self.soup.new_tag(wrapper)
                    run[0].insert_before(outer)
                    inner = outer
                    if wrapper == "tr":
                        inner = self.soup.new_tag("td")
                        outer.append(inner)
                    for item in run:
                        inner.append(item.extract())
                    self._settle(inner)
                run = []
            else:
                run.append(child)

    def _image(self, img: Tag) -> None:
        src = str(img.get("src") or "").strip()
        alt = _SPACE.sub(" ", _clean(str(img.get("alt") or img.get("title") or ""))).strip()
        if not src:
            return
        if src[:5].lower() == "data:":
            decoded = _decode(src)
            if isinstance(decoded, str):
                self.dropped.append(f"gambar data: yang tidak bisa dibaca dibuang ({decoded}): {_shown(src)}")
                return
            data, kind = decoded
            self.images.append(Image(data, kind, alt, len(self.images) + 1))
            return
        shown = f"{src} (keterangan: {alt})" if alt else src
        if src[:5].lower() == "file:" or re.match(r"[A-Za-z]:\\", src):
            self.dropped.append(f"gambar dari berkas di komputer penyalin tidak bisa diambil: {shown}")
        elif re.match(r"https?://", src, re.IGNORECASE):
            self.dropped.append(f"gambar dari alamat luar tidak diunduh: {shown}")
        else:
            self.dropped.append(f"gambar dengan alamat relatif tidak bisa diambil: {shown}")

    def _svg(self, svg: Tag) -> None:
        title = svg.find("title")
        alt = _SPACE.sub(" ", _clean(str(svg.get("aria-label") or (title.get_text() if title else "")))).strip()
        self.images.append(Image(str(svg).encode("utf-8"), "svg", alt, len(self.images) + 1))
        self._note("teks di dalam gambar SVG ikut gambarnya, tidak masuk teks isian", _collect(svg))

    # -- the walk ----------------------------------------------------------------------------------------------

    def process_tag(self, node, parent_tags=None):
        """markdownify's walk, leaner: the tree is already tidied (:meth:`prepare`), so whitespace between blocks is
        known without looking around, and no ancestor is searched for each element."""
        if parent_tags is None:
            parent_tags = set()
        name = node.name
        inner_tags = parent_tags | {name}
        if name in _HEADINGS or name == "td" or name == "th":
            inner_tags.add("_inline")
        between_blocks = name in _STRUCTURE or id(node) in self.containers
        strings: list[str] = []
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, PreformattedString) or between_blocks and not child.strip():
                    continue
                piece = self.process_text(child, inner_tags)
            else:
                piece = self.process_tag(child, inner_tags)
            if piece:
                strings.append(piece)
        if name not in _LISTS:  # the items of one list are one list
            _separate_lists(strings)
        if "pre" in inner_tags:
            text = "".join(strings)
        else:
            joined = [""]
            for piece in strings:
                leading, content, trailing = _NEWLINES.match(piece).groups()
                if joined[-1] and leading:
                    leading = "\n" * min(2, max(len(joined.pop()), len(leading)))
                joined += [leading, content, trailing]
            text = "".join(joined)
        convert = self.functions.get(name)
        return convert(node, text, parent_tags) if convert else text

    # -- text --------------------------------------------------------------------------------------------------

    def process_text(self, el, parent_tags=None):
        if isinstance(el, PreformattedString):
            return ""
        text = _clean(str(el))
        if parent_tags and "pre" in parent_tags:
            text = re.sub(r"\r\n?|\n", _BR, text)
        return _escape_inline(_SPACE.sub(" ", text))

    # -- blocks ------------------------------------------------------------------------------------------------

    def convert__document_(self, el, text, parent_tags):
        return text

    def convert_p(self, el, text, parent_tags):
        if "_inline" in parent_tags:
            return " " + _flat(text) + " "
        if id(el) in self.containers:
            return "\n\n" + text.strip("\n") + "\n\n"
        body = _block_text(text)
        if not body:
            return ""
        if self._tight(el):
            return "\n" + body + "\n"
        return "\n\n" + body + "\n\n"

    def _tight(self, el: Tag) -> bool:
        """A paragraph alone in its list item (beside nested lists) keeps the list tight."""
        parent = el.parent
        if parent is None or parent.name != "li":
            return False
        blocks = [child for child in parent.children if self._blocky(child)]
        return blocks[0] is el and sum(1 for child in blocks if child.name not in _LISTS) == 1

    def convert_hN_(self, el, text, parent_tags):
        if "_inline" in parent_tags:
            return " " + _flat(text) + " "
        body = _block_text(_flat(text)) if id(el) in self.containers else _block_text(text)
        if not body:
            return ""
        if self.emphasis and "\n\n" not in body and "*" not in body.replace("\\*", ""):
            body = f"**{body}**"
            self.marked = True
        return "\n\n" + body + "\n\n"

    def convert_blockquote(self, el, text, parent_tags):
        if "_inline" in parent_tags:
            return " " + _flat(text) + " "
        if id(el) not in self.containers:
            text = _block_text(text)
        return super().convert_blockquote(el, text, parent_tags)

    def convert_list(self, el, text, parent_tags):
        if "_inline" in parent_tags:
            return " " + _flat(text) + " "
        if not text.strip():
            return ""
        return super().convert_list(el, text.strip("\n") + "\n", parent_tags)

    def convert_li(self, el, text, parent_tags):
        if "_inline" in parent_tags:  # in a cell or a heading: the item's number kept as text
            number = ""
            if el.parent is not None and el.parent.name == "ol":
                start = str(el.parent.get("start") or "1")
                number = f"{(int(start) if start.isdigit() else 1) + len(el.find_previous_siblings('li'))}. "
            return " " + number + _flat(text) + " "
        if id(el) not in self.containers:
            text = _block_text(text)
        return "\n" + super().convert_li(el, text, parent_tags)  # never glued to a nested list before it

    def convert_hr(self, el, text, parent_tags):
        if "_inline" in parent_tags:
            return " "
        return "\n\n***\n\n"  # "---" would make "- ---" one rule instead of an item holding one

    def convert_br(self, el, text, parent_tags):
        return _BR

    # -- tables ------------------------------------------------------------------------------------------------

    def convert_td(self, el, text, parent_tags):
        span = str(el.get("colspan") or "1").strip()
        extra = min(int(span), 50) - 1 if span.isdigit() and int(span) > 1 else 0
        return _CELL + _flat(text) + _CELL * extra

    def convert_tr(self, el, text, parent_tags):
        return _ROW + text

    def convert_table(self, el, text, parent_tags):
        if "_inline" in parent_tags:
            return " " + _flat(text) + " "
        rows = [[_flat(cell) for cell in row.split(_CELL)[1:]] for row in text.split(_ROW)[1:]]
        rows = [row for row in rows if any(row)]
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n\n" + "\n".join(lines) + "\n\n"

    # -- inline ------------------------------------------------------------------------------------------------

    def _split(self, text: str) -> tuple[str, str, str]:
        inner = text.strip(" " + _BR)
        start = len(text) - len(text.lstrip(" " + _BR))
        return text[:start], inner, text[start + len(inner):]

    def _side(self, el: Tag, forward: bool) -> str:
        """The character just outside an inline element in its block (a space at the block's edge or a break)."""
        node = el
        for _ in range(50):
            sibling = node.next_sibling if forward else node.previous_sibling
            while sibling is None:
                node = node.parent
                if node is None or node.name in BLOCK or id(node) in self.containers:
                    return " "
                sibling = node.next_sibling if forward else node.previous_sibling
            node = sibling
            if isinstance(sibling, PreformattedString):
                continue
            if isinstance(sibling, NavigableString):
                text = _clean(str(sibling))
            elif sibling.name in BLOCK or id(sibling) in self.containers:
                return " "
            elif sibling.name in _MARKERS or sibling.name == "a":
                # its delimiters join this one's (or it is written plain): the text inside them decides
                text = _collect(sibling).strip()
                if not text:
                    continue
                return text[0] if forward else text[-1]
            else:
                text = _collect(sibling)
            if text:
                return text[0] if forward else text[-1]
        return "*"

    def _before(self, el: Tag):
        """What comes just before an inline element in its block (its parent's sibling when it is first)."""
        node = el
        while True:
            while node.previous_sibling is None:
                node = node.parent
                if node is None or node.name in BLOCK or id(node) in self.containers:
                    return None
            node = node.previous_sibling
            if isinstance(node, PreformattedString) or isinstance(node, Tag) and node.name not in BLOCK \
                    and not _collect(node):
                continue  # a comment, an empty element: nothing written between
            return node

    def _wrap(self, el, text, marker: str, parent_tags) -> str:
        if not self.emphasis:
            return text
        names = {"b", "strong", *_HEADINGS} if marker == "**" else {"em", "i", "u"}
        if names & parent_tags or id(el) in self.containers or "\n" in text or _BREAKS.search(text):
            return text
        before, inner, after = self._split(text)
        if not inner:
            return text
        if not before and _ends_with(self._before(el), marker):
            return text  # right after the same emphasis ('**a****b**'): the words stay, this part plain
        core = inner.strip("*")
        if not core or core.endswith("\\"):
            return text
        first, last = core[0], core[-1]
        if _punct(first) and not before:
            outside = self._side(el, False)
            if not (outside.isspace() or _punct(outside)):
                return text
        if _punct(last) and not after:
            outside = self._side(el, True)
            if not (outside.isspace() or _punct(outside)):
                return text
        self.marked = True
        return f"{before}{marker}{inner}{marker}{after}"

    def convert_b(self, el, text, parent_tags):
        return self._wrap(el, text, "**", parent_tags)

    def convert_em(self, el, text, parent_tags):
        return self._wrap(el, text, "*", parent_tags)

    def convert_a(self, el, text, parent_tags):
        if not self.links or "a" in parent_tags or id(el) in self.containers or "\n" in text \
                or _BREAKS.search(text):
            return text
        href = _SPACE.sub("%20", _clean(str(el.get("href") or "")).strip())
        before, inner, after = self._split(text)
        if not inner or not href or href.startswith("#"):
            return text
        if not re.match(r"(https?|ftp)://[^/]|mailto:|tel:", href, re.IGNORECASE):
            self.dropped.append(f"tautan yang tidak bisa dibuka dari situs dibuang, teksnya tetap: {href}")
            return text
        target = re.sub(r"[<>\\]", lambda found: "%{:02X}".format(ord(found.group())), href)
        if re.search(r"[()]", target):
            target = f"<{target}>"
        self.marked = True
        return f"{before}[{inner}]({target}){after}"


_TOP_ITEM = re.compile(r"(?:\d{1,9}([.)])|([-*+])) ")
_SWAP = {".": ")", ")": ".", "-": "*", "*": "-", "+": "*"}


def _separate_lists(pieces: list[str]) -> None:
    """Two lists one after the other are one list to Markdown (and '1.' '1.' would be numbered 1, 2): the second
    is written with the other delimiter ('1)' or '*'), which Markdown reads as a list of its own."""
    before = None
    for index, piece in enumerate(pieces):
        if not piece.startswith("\n"):
            if piece.strip():
                before = None
            continue
        lines = [line for line in piece.split("\n") if line.strip()]
        if not lines:
            continue
        first = _TOP_ITEM.match(lines[0])
        if first and before and (first.group(1) or first.group(2)) == before:
            # every list of the piece swaps, so lists inside it that were kept apart stay apart
            pattern = r"(?m)^(\d{1,9})([.)]) " if first.group(1) else r"(?m)^()([-*+]) "
            piece = re.sub(pattern, lambda found: f"{found.group(1)}{_SWAP[found.group(2)]} ", piece)
            pieces[index] = piece
        tops = [line for line in piece.split("\n") if line.strip() and not line[0].isspace()]
        last = _TOP_ITEM.match(tops[-1]) if tops else None
        before = (last.group(1) or last.group(2)) if last else None


def _ends_with(node, marker: str) -> bool:
    """Whether the Markdown of ``node`` may end with ``marker`` (an emphasis element last in it)."""
    while isinstance(node, Tag):
        if _MARKERS.get(node.name) == marker:
            return True
        node = next((child for child in reversed(node.contents) if not isinstance(child, PreformattedString)
                     and (_collect(child) if isinstance(child, Tag) else _clean(str(child)))), None)
    return False


def _tidy(markdown: str) -> str:
    markdown = re.sub(f"[{_BR}{_CELL}{_ROW}]", " ", markdown)
    lines = [line.rstrip() for line in markdown.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _arrives(markdown: str, needed: Counter) -> bool:
    from rancang.richtext import parse, plain

    tree = parse(markdown)
    return not tree.raw_html and not needed - Counter(plain(tree).split())


def html_to_markdown(text: str) -> Converted:
    """The Markdown of an HTML field, its pictures and notes of what was left out (see the module's text)."""
    converter = _Converter()
    try:
        soup = _soup(converter.cut_tail(_source(text)))
        converter.prepare(soup)
        markdown = _tidy(converter.convert_soup(soup))
        # Escaping, blocks, lists and tables are the same for every field (the property tests try them);
        # emphasis and links depend on the characters around them: read the result back when it has any.
        needed = Counter(_collect(soup).split()) if converter.marked else Counter()
        if converter.marked and not _arrives(markdown, needed):
            converter.emphasis = False
            markdown = _tidy(converter.convert_soup(soup))
            if not _arrives(markdown, needed):
                converter.links = False
                markdown = _tidy(converter.convert_soup(soup))
                if not _arrives(markdown, needed):
                    raise RecursionError  # the flat text below always arrives
    except RecursionError:
        return _flat_conversion(text)
    return Converted(markdown, converter.images, converter.dropped)


def _flat_conversion(text: str) -> Converted:
    """The words of a field as one paragraph, for HTML nested too deep to convert element by element."""
    converter = _Converter()
    soup = _soup(converter.cut_tail(_source(text)))
    for node in list(soup.descendants):
        if isinstance(node, Tag) and node.parent is not None and node.find_parent(DROP | {"svg"}) is None:
            if node.name in DROP:
                converter._note(f"isi elemen <{node.name}> dibuang", _collect(node))
                node.replace_with(NavigableString(" "))
            elif node.name == "img":
                converter._image(node)
                node.extract()
            elif node.name == "svg":
                converter._svg(node)
                node.replace_with(NavigableString(" "))
    words = _collect(soup).split()
    converter.dropped.append("susunan HTML isian ini tidak bisa dibaca per elemen: teksnya disimpan sebagai satu "
                             "paragraf tanpa format")
    markdown = _escape_start(_escape_inline(" ".join(words)))
    return Converted(markdown, converter.images, converter.dropped)
