"""Reading a built HTML page as a reader sees it (for content assertions)."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _Visible(HTMLParser):
    """Text a reader sees or hears: element text plus title/placeholder/value/alt/aria-label."""

    SKIP = {"script", "style"}
    ATTRS = {"title", "placeholder", "value", "alt", "aria-label"}
    BLOCKS = {"p", "div", "li", "dt", "dd", "td", "th", "tr", "pre", "section", "br", "ul", "ol", "table",
              "h1", "h2", "h3", "h4", "h5", "h6", "title", "caption", "form", "nav", "search", "header"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        for name, value in attrs:
            if name in self.ATTRS and value:
                self.parts.append(f"\n{value}\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """The page's visible text, block elements on their own lines, runs of spaces collapsed."""
    parser = _Visible()
    parser.feed(page)
    return re.sub(r"[ \t]+", " ", "".join(parser.parts))
