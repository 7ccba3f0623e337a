"""The documentation in docs/ builds without warnings and shows what users need.

The docs are built once (in-process, with -W) into a temporary folder; the tests
then read the HTML a reader sees: the generated format tables, the code list,
the command reference, and the Indonesian interface of the theme.
"""

from __future__ import annotations

import html
import io
import re
from contextlib import redirect_stderr, redirect_stdout
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rancang.cli import build_parser
from rancang.codes import CODES
from rancang.models import FORMATS
from rancang.models.innovation import Innovation

DOCS = Path(__file__).resolve().parents[1] / "docs"

PAGES = ("index", "panduan", "format", "kode", "perintah", "search", "genindex")

#: English interface strings of Sphinx/alabaster that the docs replace.
ENGLISH = (
    "Navigation",
    "Quick search",
    "Related Topics",
    "Show Source",
    "Page source",
    "This Page",
    "Powered by",
    "Created using",
    "Documentation overview",
    "Previous",
    "Next",
    "Permalink",
    "Link to this",
    "Search",
    "Index",
    "Contents",
    "Please activate JavaScript",
    "Fork me",
    "©",
)


class _Visible(HTMLParser):
    """Text a reader sees or hears: element text plus title/placeholder/value/alt/aria-label."""

    SKIP = {"script", "style"}
    ATTRS = {"title", "placeholder", "value", "alt", "aria-label"}
    BLOCKS = {"p", "div", "li", "dt", "dd", "td", "th", "tr", "pre", "section", "br", "ul", "ol", "table",
              "h1", "h2", "h3", "h4", "h5", "h6", "title", "caption", "form", "nav", "search"}

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
    parser = _Visible()
    parser.feed(page)
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sphinx.cmd.build import build_main

    out = tmp_path_factory.mktemp("docs")
    log = io.StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        status = build_main(["-W", "--keep-going", "-b", "html", "-q",
                             "-d", str(out / "doctrees"), str(DOCS), str(out / "html")])
    assert status == 0, f"sphinx -W gagal:\n{log.getvalue()}"
    return out / "html"


def read(site: Path, name: str) -> str:
    return (site / f"{name}.html").read_text(encoding="utf-8")


def section(page: str, anchor: str) -> str:
    """The HTML of one <section id=anchor> (up to the next section of the same level)."""
    start = page.index(f'<section id="{anchor}"')
    following = page.find('<section id="format-', start + 1)
    return page[start:following if following != -1 else len(page)]


def test_every_page_is_built(site: Path) -> None:
    for name in PAGES:
        assert (site / f"{name}.html").is_file(), name


def test_format_page_has_a_row_for_every_innovation_key(site: Path) -> None:
    innovation = section(read(site, "format"), "format-inovasi")
    keys = set(re.findall(r'<code class="[^"]*rancang-kunci[^"]*"[^>]*>(?:<span class="pre">)?([^<]+)', innovation))
    aliases = {info.alias for info in Innovation.model_fields.values()}
    assert aliases, "Innovation has no aliases?"
    assert aliases <= keys, f"kunci tanpa baris: {sorted(aliases - keys)}"


def test_format_page_documents_every_format_with_nested_tables_and_skeletons(site: Path) -> None:
    page = read(site, "format")
    for name, fmt in FORMATS.items():
        assert f'id="format-{name}"' in page, name
        assert f"schemas/{fmt.schema_file}" in page, name
    # nested models are tables with their Indonesian titles
    text = visible_text(page)
    for title in ("Indikator", "Nilai terukur", "Penghargaan", "Pasal", "Ayat", "Butir rincian", "Acara"):
        assert title in text, title
    # the skeleton of rancang new is shown, with its schema line resolved
    assert "yaml-language-server: $schema=../../schemas/inovasi.schema.json" in text
    assert "__SCHEMA__" not in text and "__NAMA__" not in text


def test_codes_page_lists_every_code(site: Path) -> None:
    page = read(site, "kode")
    text = visible_text(page)
    for code, info in CODES.items():
        assert f'id="kode-{code.lower()}"' in page, code
        assert code in text, code
        assert html.unescape(info.title) in text, code
    for heading in ("Berkas dan YAML", "Bentuk rekaman", "Rujukan", "Proyek"):
        assert heading in text


def test_commands_page_lists_every_subcommand(site: Path) -> None:
    text = visible_text(read(site, "perintah"))
    parser = build_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices
    assert {"check", "build", "new", "schema"} <= set(subcommands)
    for name in subcommands:
        assert f"rancang {name}" in text, name
    assert "--format" in text and "--check" in text and "--project" in text


def test_guide_explains_the_workflow(site: Path) -> None:
    text = visible_text(read(site, "panduan"))
    for needle in ("make build", "rancang new", "rancang check", "rancang build", "--format json",
                   "yaml-language-server", "berkas:baris:kolom: KODE: pesan", "kabupaten",
                   "Peraturan Bupati", "kb/perangkat-daerah.yaml", "kb/dasar-hukum.yaml", "templates/"):
        assert needle in text, needle


@pytest.mark.parametrize("name", PAGES)
def test_no_english_interface_strings(site: Path, name: str) -> None:
    text = visible_text(read(site, name))
    found = [word for word in ENGLISH if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    assert not found, f"{name}.html masih memuat teks Inggris: {found}"


def test_no_external_requests(site: Path) -> None:
    for page in site.glob("*.html"):
        for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", page.read_text(encoding="utf-8")):
            assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", tag), f"{page.name}: {tag}"
