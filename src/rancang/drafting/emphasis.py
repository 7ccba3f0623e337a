"""Italics in the texts of a regulation: ``*ad hoc*`` is printed *ad hoc*.

Foreign and regional-language terms are printed in italics. A text of a regulation -- a konsiderans, a
Pasal, an ayat, a butir, the meaning of a defined term -- is not Markdown: a leading ``1.`` is not a list,
``<`` and ``&`` are characters, ``[[...]]`` is a reference. So only emphasis with ``*`` is read here:

* ``*x*`` is italic, ``**x**`` is bold, ``***x***`` both;
* a ``*`` that opens or closes nothing stays a character: ``5 * 3``, ``catatan*)``, an unclosed ``*``;
* ``\\*`` writes a ``*`` that is never a mark; every other backslash is a backslash;
* ``_`` is always a character: underscores are the blanks of forms (``Nomor: ______``), and ``_x_``
  would turn them into italics unasked.

Which ``*`` pair up follows CommonMark exactly as markdown-it reads it (flanking runs, the rule of three,
nesting), so ``*x*`` means the same here as in a lampiran, which is Markdown (:mod:`rancang.richtext`):
this module is a port of markdown-it's emphasis rules for ``*`` alone, and ``tests/test_italics.py``
checks it against markdown-it on generated texts. It is its own small parser rather than a call to
markdown-it because the engine and the linter need the source offset of every shown character (references
are placed by offset, and a finding points at a term's line and column), which markdown-it's inline tokens
do not give; and because ``rancang check`` runs on every save and stays free of markdown-it's import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ITALIC = 1
BOLD = 2

_LETTER = "\ue000"
"""What a protected region (a ``[[...]]`` reference) is to the flanking rules: a private-use character, a
letter (neither white space nor punctuation) -- a reference reads as a word."""
_WHITESPACE = frozenset("\t\n\v\f\r \xa0\u1680\u202f\u205f\u3000") | frozenset(map(chr, range(0x2000, 0x200B)))
"""CommonMark's white space, as markdown-it tests it."""


def has_marks(text: str) -> bool:
    """Whether ``text`` may hold emphasis (a cheap test: most texts have none)."""
    return "*" in text


@dataclass(frozen=True)
class Reading:
    """A text as shown: its characters, where each came from in the source, and its style."""

    text: str
    """The shown characters (the source less the emphasis marks and the backslashes of ``\\*``)."""
    offsets: tuple[int, ...]
    """For each shown character, its index in the source text."""
    styles: tuple[int, ...]
    """For each shown character, :data:`ITALIC` and/or :data:`BOLD` (0: upright)."""

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source range of shown characters ``start`` to ``end`` (marks inside it included)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def upright(text: str) -> Reading:
    """``text`` shown as written, every character upright."""
    return Reading(text, tuple(range(len(text))), (0,) * len(text))


def read(text: str, protect: re.Pattern[str] | None = None) -> Reading:
    """The shown characters of ``text`` with their style; regions matched by ``protect`` are one word."""
    if not has_marks(text):
        return upright(text)
    seen = text.replace("\x00", _LETTER)  # what the flanking rules look at
    if protect is not None:
        seen = protect.sub(lambda m: _LETTER * len(m.group(0)), seen)
    delimiters, escapes = _scan(seen)
    _balance(delimiters)
    hidden = set(escapes)
    italic = [0] * (len(text) + 1)
    bold = [0] * (len(text) + 1)
    index = len(delimiters) - 1
    while index >= 0:  # markdown-it's emphasis postProcess: pairs, and two nested adjacent pairs are strong
        opener = delimiters[index]
        if opener.end == -1:
            index -= 1
            continue
        closer = delimiters[opener.end]
        strong = (index > 0 and delimiters[index - 1].end == opener.end + 1
                  and delimiters[index - 1].position == opener.position - 1
                  and delimiters[opener.end + 1].position == closer.position + 1)
        counts = bold if strong else italic
        counts[opener.position + 1] += 1
        counts[closer.position] -= 1
        hidden.update((opener.position, closer.position))
        if strong:
            hidden.update((delimiters[index - 1].position, delimiters[opener.end + 1].position))
            index -= 1
        index -= 1
    offsets, styles = [], []
    in_italic = in_bold = 0
    for offset in range(len(text)):
        in_italic += italic[offset]
        in_bold += bold[offset]
        if offset not in hidden:
            offsets.append(offset)
            styles.append((ITALIC if in_italic else 0) | (BOLD if in_bold else 0))
    return Reading("".join(text[offset] for offset in offsets), tuple(offsets), tuple(styles))


@dataclass
class _Delimiter:
    """One ``*`` of a run (markdown-it keeps one delimiter per character)."""

    position: int
    length: int
    """Length of its run: for the rule of three."""
    open: bool
    close: bool
    end: int = -1
    """Index of the matching closer, once paired (openers only)."""


def _punctuation(character: str) -> bool:
    return unicodedata.category(character).startswith(("P", "S"))


def _scan(text: str) -> tuple[list[_Delimiter], list[int]]:
    """Every ``*`` of a run, with whether its run can open and close emphasis (markdown-it's scanDelims with
    ``canSplitWord``, as for ``*``); and the backslashes of ``\\*``."""
    delimiters: list[_Delimiter] = []
    escapes: list[int] = []
    position, size = 0, len(text)
    while position < size:
        character = text[position]
        if character == "\\" and text.startswith("*", position + 1):
            escapes.append(position)
            position += 2
            continue
        if character != "*":
            position += 1
            continue
        end = position
        while end < size and text[end] == "*":
            end += 1
        before = text[position - 1] if position else " "
        after = text[end] if end < size else " "
        before_space, after_space = before in _WHITESPACE, after in _WHITESPACE
        before_punctuation, after_punctuation = _punctuation(before), _punctuation(after)
        left = not (after_space or (after_punctuation and not (before_space or before_punctuation)))
        right = not (before_space or (before_punctuation and not (after_space or after_punctuation)))
        delimiters.extend(_Delimiter(at, end - position, left, right) for at in range(position, end))
        position = end
    return delimiters, escapes


def _balance(delimiters: list[_Delimiter]) -> None:
    """Pair openers with closers: markdown-it's processDelimiters (balance_pairs), for one marker."""
    openers_bottom = [-1] * 6
    jumps: list[int] = []
    header = 0
    last_position = -2
    for closer_index, closer in enumerate(delimiters):
        jumps.append(0)
        if last_position != closer.position - 1:
            header = closer_index  # a new run starts here
        last_position = closer.position
        if not closer.close:
            continue
        bottom_slot = (3 if closer.open else 0) + closer.length % 3
        minimum = openers_bottom[bottom_slot]
        opener_index = header - jumps[header] - 1
        new_minimum = opener_index
        while opener_index > minimum:
            opener = delimiters[opener_index]
            if opener.open and opener.end < 0:
                odd = ((opener.close or closer.open) and (opener.length + closer.length) % 3 == 0
                       and (opener.length % 3 != 0 or closer.length % 3 != 0))
                if not odd:
                    last_jump = jumps[opener_index - 1] + 1 if opener_index > 0 and \
                        not delimiters[opener_index - 1].open else 0
                    jumps[closer_index] = closer_index - opener_index + last_jump
                    jumps[opener_index] = last_jump
                    closer.open = False
                    opener.end = closer_index
                    opener.close = False
                    new_minimum = -1
                    last_position = -2
                    break
            opener_index -= jumps[opener_index] + 1
        if new_minimum != -1:
            openers_bottom[bottom_slot] = new_minimum
