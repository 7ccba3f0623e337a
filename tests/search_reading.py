"""Reading the site's search index (``_cari/``) in tests, from the format in rancang.site.search_index's docstring,
written independently of the code that writes it (as the browser script is)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from rancang.language.search_words import terms
from rancang.site.search_index import FOLDER, MANIFEST, fnv1a

def script(path: Path) -> tuple[str, object]:
    text = path.read_text(encoding="utf-8")
    match = re.fullmatch(r'rancangCari\.terima\(("(?:[^"\\]|\\.)*"),(.*)\);\n', text, re.S)
    assert match, text[:200]
    return json.loads(match.group(1)), json.loads(match.group(2))


def _bytes(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _pairs(text: str) -> list[tuple[int, int]]:
    page, out = -1, []
    for code in filter(None, text.split(",")):
        value = int(code, 16)
        page += value >> 8
        out.append((page, value & 0xFF))
    return out


def decode(text: str) -> dict[int, int]:
    if text[0] == "L":
        return dict(_pairs(text[1:]))
    rest, bitmap, top = text[1:].split(".")
    found = {}
    for index, byte in enumerate(_bytes(bitmap)):
        for bit in range(8):
            if byte & (1 << bit):
                found[index * 8 + bit] = int(rest)
    found.update(_pairs(top) if top else {})
    return found


def read_index(folder: Path) -> tuple[dict, dict[str, set[str]], dict[str, dict]]:
    """(manifest, term -> docnames having it, docname -> fragment), as a browser would see it."""
    key, manifest = script(folder / MANIFEST)
    assert key == "manifes"
    hidden = set(manifest["hapus"])
    pages: dict[int, dict] = {}
    found: dict[str, set[int]] = {}
    for segment in manifest["segmen"]:
        for n in range(segment["awal"], segment["awal"] + segment["banyak"]):
            key, fragment = script(folder / segment["id"] / "h" / str(n // 1000) / f"{n}.js")
            assert key == f"{segment['id']}/h/{n}"
            pages[n] = fragment
        for bucket in range(segment["ember"]):
            key, group = script(folder / segment["id"] / "e" / f"{bucket}.js")
            for term, postings in group.items():
                assert fnv1a(term) % segment["ember"] == bucket
                for local in decode(postings):
                    found.setdefault(term, set()).add(segment["awal"] + local)
    assert all(pages[n] is None for n in hidden), "a hidden page still has its text"
    live = {n: p for n, p in pages.items() if n not in hidden}
    assert manifest["jumlah"] == len(live)
    by_doc = {p["u"]: p for p in live.values()}
    assert len(by_doc) == len(live), "a page is in the index twice"
    visible = {t: {pages[n]["u"] for n in ns if n not in hidden} for t, ns in found.items()}
    return manifest, {t: urls for t, urls in visible.items() if urls}, by_doc


def site_index(site: Path) -> tuple[dict[str, set[str]], dict[str, dict]]:
    """(term -> URLs of the pages having it, URL -> the page's fragment) of a built site."""
    _, found, pages = read_index(site / FOLDER)
    return found, pages


def pages_with(site: Path, text: str) -> set[str]:
    """URLs (from the site root) of the pages that have every term of ``text``, as the browser's search finds them."""
    found, _ = site_index(site)
    wanted = terms(text)
    assert wanted, text
    result: set[str] | None = None
    for term in wanted:
        result = found.get(term, set()) if result is None else result & found.get(term, set())
    return result or set()
