"""The documentation in docs/ builds without warnings and shows what users need.

The docs are built once (in-process, with -W) into a temporary folder; the tests
then read the HTML a reader sees: the generated format tables, the code list,
the command reference, the drafting page, and the Indonesian interface of the theme.
What the drafting page quotes from rancang's output (the text of a Pasal, reference
phrases, messages) is compared with what rancang produces today.
"""

from __future__ import annotations

import html
import io
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from html_reading import visible_text

from rancang.cli import build_parser, main
from rancang.codes import CODES
from rancang.models import FORMATS
from rancang.models.innovation import Innovation
from rancang.render import regulation_docx, template_names

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"

pytestmark = pytest.mark.slow  # the documentation built by Sphinx, and more builds

PAGES = ("index", "panduan", "rancangan", "situs", "kunjungan", "format", "kode", "perintah", "search", "genindex")

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


# -- the drafting page (rancangan.md) ---------------------------------------------------

#: The reference syntax rows of the drafting page: markup, and the phrase it produces in the
#: Pangkajene dan Kepulauan example (examples/pangkep), where the markup is really written.
REFERENCE_ROWS = [
    ("[[asal-usulan]]", "sebagaimana dimaksud pada ayat (1)"),
    ("[[hasil-layak]]", "sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf a"),
    ("[[#pasal-isi-usulan]], [[#pasal-penilaian-usulan]], dan [[#pasal-penetapan]]",
     "Ketentuan Pasal 3, Pasal 5, dan Pasal 7 berlaku secara mutatis mutandis"),
    ("[[pasal-uji-coba, pasal-penerapan]]", "sebagaimana dimaksud dalam Pasal 8 dan Pasal 9"),
    ("[[pasal-inisiator sampai pasal-replikasi]]", "sebagaimana dimaksud dalam Pasal 2 sampai dengan Pasal 10"),
    ("[[lampiran-format-laporan]]", "sebagaimana tercantum dalam Lampiran"),
    ("[[14]]", "14 (empat belas)"),
]

#: The rule examples of the page, "written in Pasal 9 ayat (3)" of a draft whose ids name their numbers.
RULE_ROWS = [
    ("[[pasal-12, ayat-7-4, ayat-9-1, ayat-7-2]]",
     "sebagaimana dimaksud pada ayat (1), Pasal 7 ayat (2) dan ayat (4), dan Pasal 12"),
    ("[[ayat-7-2, ayat-7-4]]", "sebagaimana dimaksud dalam Pasal 7 ayat (2) dan ayat (4)"),
    ("[[pasal-5, pasal-3, pasal-4]]", "sebagaimana dimaksud dalam Pasal 3 sampai dengan Pasal 5"),
    ("[[ayat-7-1, ayat-7-2, ayat-7-3]]", "sebagaimana dimaksud dalam Pasal 7 ayat (1) sampai dengan ayat (3)"),
    ("[[pasal-3, pasal-4]]", "sebagaimana dimaksud dalam Pasal 3 dan Pasal 4"),
    ("[[2021-06-04]]", "4 Juni 2021"),
]

#: Generated sentences the page quotes from the Parepare draft.
PAREPARE_QUOTES = [
    "d. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c, perlu "
    "menetapkan Peraturan Wali Kota tentang Inovasi Daerah;",
    "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
    "PERATURAN WALI KOTA TENTANG INOVASI DAERAH.",
    "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
    "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.",
    "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Wali Kota ini dengan "
    "penempatannya dalam Berita Daerah Kota Parepare.",
    "BERITA DAERAH KOTA PAREPARE TAHUN ... NOMOR ...",
]

CATALOGUE = """\
- id: uu-23-2014
  jenis: UU
  nomor: 23
  tahun: 2014
  tentang: Pemerintahan Daerah
  lembaran: {tahun: 2014, nomor: 244}
  tambahan: 5587
  terkonfirmasi: true
"""


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_text(site: Path) -> str:
    return squeeze(visible_text(read(site, "rancangan")))


def docx_text(path: Path) -> str:
    """The text of a DOCX in reading order, paragraphs and table cells separated by spaces."""
    from docx import Document

    document = Document(str(path))
    body = document.element.body
    parts = []
    for node in body.iter():
        if node.tag.endswith("}p"):
            parts.append("".join((t.text or "") if t.tag.endswith("}t") else " "
                                 for t in node.iter() if t.tag.endswith(("}t", "}tab", "}br"))))
    return squeeze(" ".join(parts))


def source_block(start: str) -> list[str]:
    """Lines of the fenced block of docs/rancangan.md whose opening lines end with ``start``."""
    text = (DOCS / "rancangan.md").read_text(encoding="utf-8")
    begin = text.index(start) + len(start)
    end = text.index("\n```", begin)
    return [line for line in text[begin:end].split("\n") if not line.startswith(":")]


def draft(capsys: pytest.CaptureFixture[str], root: Path, regulation: Path, out: Path) -> str:
    status = main(["-C", str(root), "draft", str(regulation), "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.out + captured.err
    return docx_text(out)


def small_project(root: Path) -> Path:
    (root / "kb").mkdir(parents=True)
    (root / "regulations").mkdir()
    (root / "rancang.yaml").write_text("daerah:\n  jenis: kota\n  nama: Parepare\n  provinsi: Sulawesi Selatan\n",
                                       encoding="utf-8")
    (root / "kb" / "dasar-hukum.yaml").write_text(CATALOGUE, encoding="utf-8")
    return root


def test_drafting_page_lists_every_template_style(site: Path) -> None:
    """One row per named style of the renderer (STYLES, POINT_STYLES, Normal), each with a description."""
    page = read(site, "rancangan")
    table = page[page.index("rancang-gaya-tabel"):]
    table = table[:table.index("</table>")]
    rows = [[squeeze(visible_text(cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]
    rows = [row for row in rows if row]  # the header row has <th> only
    expected = set(regulation_docx.STYLES.values()) | set(regulation_docx.POINT_STYLES)
    from rancang.render.template_names import TEMPLATE_STYLES

    assert expected | {"Normal"} == TEMPLATE_STYLES
    assert {row[0] for row in rows} == TEMPLATE_STYLES
    assert len(rows) == len(TEMPLATE_STYLES)
    for name, use, looks in rows:
        assert use, f"gaya {name!r} tanpa keterangan"
        assert looks, f"gaya {name!r} tanpa tampilan bawaan"
        assert f'id="gaya-{re.sub(r"[^a-z0-9]+", "-", name.lower())}"' in table, name
    text = page_text(site)
    for setting in ("dokumen.marjin", "lambang", "ejaan_jabatan", "daerah.ibu_kota", "libreoffice-writer-nogui",
                    "URW Bookman", "_build/dokumen/"):
        assert setting in text, setting


def test_drafting_page_shows_the_reference_syntax(site: Path) -> None:
    text = page_text(site)
    for markup, phrase in REFERENCE_ROWS + RULE_ROWS:
        assert markup in text, markup
        assert phrase.split(" berlaku")[0] in text, phrase
    for needle in ("[[#", " sampai ", "pada", "dalam", "R301", "R303", "R304"):
        assert needle in text, needle
    page = read(site, "rancangan")
    for code in ("r301", "r303", "r304", "p405", "p406"):
        assert f'href="kode.html#kode-{code}"' in page, code


def test_drafting_page_is_linked(site: Path) -> None:
    assert 'href="rancangan.html"' in read(site, "index")
    assert 'href="rancangan.html"' in read(site, "panduan")
    guide = squeeze(visible_text(read(site, "panduan")))
    assert "tanpa menulis keluaran" not in guide
    assert "_build/dokumen/" in guide


def test_drafting_page_quotes_what_rancang_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The Pasal text, reference phrases and generated sentences on the page are rancang's real output."""
    parepare = draft(capsys, REPO, REPO / "regulations" / "perwali-inovasi-daerah.yaml", tmp_path / "pp.docx")
    shown = [line for line in source_block(":name: hasil-pasal\n") if line.strip()]
    assert any(line.strip() == "Pasal 4" for line in shown)
    for line in shown:
        assert squeeze(line) in parepare, line
    for quote in PAREPARE_QUOTES:
        assert quote in parepare, quote

    pangkep_root = REPO / "examples" / "pangkep"
    pangkep_file = pangkep_root / "regulations" / "perbup-pelaksanaan-inovasi-daerah.yaml"
    pangkep = draft(capsys, pangkep_root, pangkep_file, tmp_path / "pk.docx")
    source = pangkep_file.read_text(encoding="utf-8")
    for markup, phrase in REFERENCE_ROWS:
        for single in re.findall(r"\[\[[^\]]*\]\]", markup):
            assert single in squeeze(source), single
        assert phrase in pangkep, phrase
    assert "a. akademisi; b. pakar; dan/atau c. praktisi, sesuai dengan kebutuhan." in pangkep

    root = small_project(tmp_path / "aturan")
    articles = []
    for number in range(1, 13):
        if number == 7:
            articles.append("  - ayat:\n" + "".join(f"      - id: ayat-7-{n}\n        teks: Ayat {n}.\n"
                                                       for n in range(1, 5)))
        elif number == 9:
            written = "; ".join(f"T{i} {markup}" for i, (markup, _phrase) in enumerate(RULE_ROWS))
            articles.append(f"  - ayat:\n      - id: ayat-9-1\n        teks: Ayat 1.\n      - Ayat 2.\n"
                            f"      - 'Rujukan {written}.'\n")
        else:
            articles.append(f"  - id: pasal-{number}\n    teks: Pasal {number}.\n")
    regulation = root / "regulations" / "aturan.yaml"
    regulation.write_text("tentang: Contoh\nmenimbang:\n  - bahwa perlu contoh\nmengingat:\n  - uu-23-2014\n"
                          "batang_tubuh:\n" + "".join(articles), encoding="utf-8")
    rules = draft(capsys, root, regulation, tmp_path / "aturan.docx")
    for i, (markup, phrase) in enumerate(RULE_ROWS):
        end = "." if i == len(RULE_ROWS) - 1 else ";"
        assert f"T{i} {phrase}{end}" in rules, (markup, phrase, rules)


def test_drafting_page_shows_real_messages(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The broken example on the page gives exactly the messages shown; so does a missing LibreOffice."""
    root = small_project(tmp_path / "rusak")
    lines = source_block(":caption: regulations/contoh-rujukan.yaml\n")
    (root / "regulations" / "contoh-rujukan.yaml").write_text("\n".join(lines).strip("\n") + "\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["check"]) == 1
    shown = source_block("```text\n$ rancang check\n")
    assert capsys.readouterr().out.splitlines() == [line for line in shown if line]

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("RANCANG_SOFFICE", raising=False)
    good = small_project(tmp_path / "tanpa-libreoffice")
    (good / "regulations" / "contoh.yaml").write_text(
        "tentang: Contoh\nmenimbang:\n  - bahwa perlu contoh\nmengingat:\n  - uu-23-2014\n"
        "batang_tubuh:\n  - teks: Pasal satu.\n", encoding="utf-8")
    monkeypatch.chdir(good)
    assert main(["draft", "regulations/contoh.yaml", "--pdf"]) == 1
    message = capsys.readouterr().err.strip().split(": P405: ", 1)[1]
    page = (DOCS / "rancangan.md").read_text(encoding="utf-8")
    assert f"P405: {message}" in page
    assert (good / "_build" / "dokumen" / "contoh.docx").is_file()


def test_undocumented_template_style_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A style added to a renderer, or a visit chapter, without a description in the docs makes the -W build fail."""
    from sphinx.cmd.build import build_main

    monkeypatch.setitem(regulation_docx.STYLES, "baru", "Gaya Baru")
    monkeypatch.setitem(template_names.VISIT_STYLES, "baru", "Gaya Kunjungan Baru")
    monkeypatch.syspath_prepend(str(DOCS / "_ext"))
    import rancang_docs

    monkeypatch.delitem(rancang_docs.BRIEF_CHAPTERS, "AGENDA")
    log = io.StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        status = build_main(["-W", "--keep-going", "-b", "html", "-q",
                             "-d", str(tmp_path / "doctrees"), str(DOCS), str(tmp_path / "html")])
    assert status != 0
    messages = log.getvalue()
    assert "'Gaya Baru'" in messages and "belum punya keterangan" in messages
    assert "'Gaya Kunjungan Baru'" in messages and "VISIT_STYLE_USES['baru']" in messages
    assert "bab 'V. AGENDA'" in messages and "BRIEF_CHAPTERS" in messages



def test_rules_page_lists_every_rule_with_examples_and_real_messages(site):
    from rancang.lint.registry import all_rules

    html = read(site, "aturan")
    for rule in all_rules():
        assert f'id="aturan-{rule.code.lower()}"' in html, rule.code
        assert f"{rule.code}:" in html
    assert html.count("Pesan rancang check") == len(list(all_rules()))


# -- the knowledge-base site page (situs.md) ---------------------------------------------


def site_directives(tmp_path: Path) -> set[str]:
    """Names of the directives the site extension registers, read from a throwaway Sphinx app.

    The app is created without the extension (so nothing of the project is loaded); then the
    extension's ``setup`` runs on it, and the names it passes to ``add_directive`` are collected.
    ``docutils_namespace`` restores docutils' registry afterwards.
    """
    from docutils.parsers.rst import directives
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    from rancang.site import extension

    source = tmp_path / "sumber"
    source.mkdir()
    (source / "conf.py").write_text("", encoding="utf-8")
    with docutils_namespace():
        app = Sphinx(str(source), str(source), str(tmp_path / "html"), str(tmp_path / "doctrees"), "html",
                     status=None, warning=io.StringIO())
        added: set[str] = set()
        register = app.add_directive

        def spy(name, *args, **kwargs):  # robust even if another test left directives registered globally
            added.add(name)
            return register(name, *args, **kwargs)

        app.add_directive = spy
        extension.setup(app)
    return added


def table_rows(page: str, css_class: str) -> list[list[str]]:
    """Rows (cell texts, header row left out) of the table of ``page`` that has ``css_class``."""
    start = page.index(css_class)
    table = page[start:page.index("</table>", start)]
    rows = [[squeeze(visible_text(cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]
    return [row for row in rows if row]


def test_site_page_lists_every_directive_of_the_site(site: Path, tmp_path: Path) -> None:
    registered = site_directives(tmp_path)
    assert {"rancang-galeri", "rancang-fakta", "rancang-grafik"} <= registered, registered
    rows = table_rows(read(site, "situs"), "rancang-direktif")
    listed = [row[0] for row in rows]
    assert len(listed) == len(set(listed)), listed
    assert set(listed) == registered, (f"tidak ada di halaman: {sorted(registered - set(listed))}; "
                                       f"tidak terdaftar: {sorted(set(listed) - registered)}")
    for name, shows, example in rows:
        assert shows, name
        assert example.startswith("{" + name + "}"), (name, example)


def test_site_page_explains_the_site(site: Path) -> None:
    from rancang.site import charts, gallery, opendata

    page = read(site, "situs")
    text = squeeze(visible_text(page))
    for needle in ("make build", "rancang build", "_build/html/index.html", "tanpa internet", "rancang serve",
                   "http://127.0.0.1:8000/", "--port", "kb/galeri.html?perangkat-daerah=dpkp&tahapan=penerapan",
                   "galeri/perangkat-daerah/dpkp.html", "layanan", "pelayanan", "{rancang-fakta}",
                   "kb/studi-kasus/", "#pasal-5-ayat-2", "Unduh", "DOCX", "PDF", "SVG", "kb/conf.py",
                   "html_extra_path", "escape", "javascript:", "Pembangunan bertahap", "Keamanan"):
        assert needle in text, needle
    # the eight facets of the gallery, in its order, each with its name in the URL
    assert [row[:2] for row in table_rows(page, "rancang-filter")] == [[f.label, f.name] for f in gallery.FACETS]
    assert len(gallery.FACETS) == 8 and "delapan filter" in text
    for kind in charts.CHARTS:
        assert kind in text, kind
    for part in opendata.OpenDataDirective.PARTS:
        assert part in text, part
    for name in (opendata.JSON_FILE, opendata.CSV_FILE, opendata.SCHEMA_FILE):
        assert f"{opendata.FOLDER}/{name}" in text, name


def test_site_page_is_in_the_toctree_and_linked_from_the_guide(site: Path) -> None:
    index = read(site, "index")
    toc = index[index.index('class="toctree-wrapper'):]
    order = [toc.index(f'href="{name}.html"') for name in ("rancangan", "aturan", "situs", "format")]
    assert order == sorted(order), order
    assert 'href="situs.html' in read(site, "panduan")
    assert 'href="situs.html' in read(site, "rancangan")


def test_no_page_says_the_site_is_not_available(site: Path) -> None:
    for page in sorted(site.glob("*.html")):
        text = squeeze(visible_text(page.read_text(encoding="utf-8")))
        for sentence in re.split(r"(?<=[.;!?])\s+", text):
            if re.search(r"\bsitus\b", sentence, re.I):
                assert not re.search(r"belum tersedia|menyusul|belum menulis", sentence), f"{page.name}: {sentence}"


# -- the study-visit page (kunjungan.md) ----------------------------------------------------


VISIT_ROLES = ("tuan_rumah", "tamu")


def minimal_visit(role: str):
    from rancang.models.visit import Visit

    return Visit.model_validate({"peran": role, "pihak_lain": {"nama": "Pemerintah Kabupaten Uji"},
                                 "tanggal": "2024-03-12"})


def minimal_data():
    from rancang.models import ProjectData
    from rancang.models.project import Project

    settings = Project.model_validate({"daerah": {"jenis": "kabupaten", "nama": "Uji", "provinsi": "Uji"}})
    return ProjectData(root=REPO, settings=settings)


def chapters(document) -> list[str]:
    from rancang.visits.blocks import Heading

    return [block.text for block in document.blocks if isinstance(block, Heading) and block.level == 1]


def outline_rows(site: Path, kind: str) -> list[str]:
    """The chapter headings of the page's outline table of ``kind``, in order."""
    page = read(site, "kunjungan")
    start = page.index(f"rancang-kerangka-{kind}")
    table = page[start:page.index("</table>", start)]
    return [html.unescape(text) for text in re.findall(r'<span class="rancang-bab">([^<]+)</span>', table)]


@pytest.mark.parametrize("kind", ["bahan", "laporan"])
def test_visit_page_lists_the_chapters_the_content_builder_writes(site: Path, kind: str) -> None:
    """Both outlines, chapter for chapter and in order, as rancang.visits.content writes them for either role."""
    from rancang.visits import content

    builder = content.brief if kind == "bahan" else content.report
    by_role = [chapters(builder(minimal_visit(role), minimal_data())) for role in VISIT_ROLES]
    assert len(by_role[0]) == len(by_role[1])
    expected = []
    for headings in zip(*by_role):
        expected.extend(dict.fromkeys(headings))  # one row when both roles agree, one per role otherwise
    assert outline_rows(site, kind) == expected
    if kind == "bahan":
        assert "VI. PROFIL INOVASI" in expected and "VI. INOVASI YANG DIPELAJARI" in expected

    # the repository example (a filled-in visit) has the same chapters
    from rancang.check import check_project

    checked = check_project(REPO)
    data = checked.data
    example = data.visits["dprd-pangkep-2021"]
    assert set(chapters(builder(example, data))) <= set(expected)


def test_visit_page_lists_what_is_taken_from_each_innovation_profile(site: Path) -> None:
    from rancang.models.innovation import Innovation
    from rancang.visits import content
    from rancang.visits.blocks import Heading, KeyValues

    empty = content.innovation_blocks(Innovation.model_validate({"nama": "Uji"}), minimal_data())
    filled = content.innovation_blocks(Innovation.model_validate(
        {"nama": "Uji", "penghargaan": [{"nama": "Uji", "tahun": 2024}], "kontak": {"nama": "Uji"},
         "langkah": "Uji", "faktor_pendorong": "Uji", "faktor_penghambat": "Uji"}), minimal_data())
    labels = [label for block in empty if isinstance(block, KeyValues) for label, _value in block.rows]
    headings = [block.text for block in filled if isinstance(block, Heading)]
    rows = table_rows(read(site, "kunjungan"), "rancang-kerangka-inovasi")
    assert [row[0] for row in rows] == labels + headings
    for name, keys, written in rows:
        assert keys, name
        assert content.MISSING in written or written == "Bagian ini tidak ditulis.", (name, written)


def test_visit_page_lists_every_visit_style(site: Path) -> None:
    rows = table_rows(read(site, "kunjungan"), "rancang-gaya-kunjungan-tabel")
    assert {row[0] for row in rows} == template_names.VISIT_TEMPLATE_STYLES
    assert len(rows) == len(template_names.VISIT_TEMPLATE_STYLES)
    for name, use, looks in rows:
        assert use, f"gaya {name!r} tanpa keterangan"
        assert looks, f"gaya {name!r} tanpa tampilan bawaan"
    page = read(site, "kunjungan")
    for name in template_names.VISIT_REQUIRED_STYLES:
        assert f'id="gaya-kunjungan-{re.sub(r"[^a-z0-9]+", "-", name.lower())}"' in page, name


def test_visit_page_explains_the_workflow(site: Path) -> None:
    text = squeeze(visible_text(read(site, "kunjungan")))
    for needle in ("rancang new kunjungan", "peran: tuan_rumah", "peran: tamu", "pertanyaan_kunci", "hasil",
                   "kesimpulan", "tindak_lanjut", "rancang brief visits/<id>.yaml", "rancang report visits/<id>.yaml",
                   "-o KELUARAN.docx", "--pdf", "--no-pdf", "<id>-bahan.docx", "<id>-laporan.docx",
                   "dokumen.kertas_kunjungan", "A4", "F4", "templates/kunjungan-kerja.docx", "LibreOffice",
                   "{rancang-kunjungan}", "kb/kunjungan.md", "_unduhan/", "belum tercatat dalam direktori"):
        assert needle in text, needle
    page = read(site, "kunjungan")
    for code in ("r301", "p404", "p405", "p406"):
        assert f'href="kode.html#kode-{code}"' in page, code


def test_visit_page_is_in_the_toctree_and_linked(site: Path) -> None:
    index = read(site, "index")
    toc = index[index.index('class="toctree-wrapper'):]
    order = [toc.index(f'href="{name}.html"') for name in ("situs", "kunjungan", "format")]
    assert order == sorted(order), order
    for name in ("index", "panduan", "rancangan"):
        assert 'href="kunjungan.html' in read(site, name), name


def test_no_page_says_visit_materials_are_not_available(site: Path) -> None:
    for page in sorted(site.glob("*.html")):
        text = squeeze(visible_text(page.read_text(encoding="utf-8")))
        for sentence in re.split(r"(?<=[.;!?])\s+", text):
            if re.search(r"kunjungan", sentence, re.I):
                assert not re.search(r"\b(?:belum tersedia|menyusul|belum menulis)\b", sentence, re.I), \
                    f"{page.name}: {sentence}"


def text_blocks(name: str) -> list[list[str]]:
    """The lines of every ```text block of docs/<name>.md."""
    source = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    return [block.strip("\n").split("\n") for block in re.findall(r"```text\n(.*?)\n\s*```", source, re.S)]


def block_with(name: str, needle: str, without: str | None = None) -> list[str]:
    """The one ```text block of docs/<name>.md with a line holding ``needle`` (and none holding ``without``)."""
    found = [block for block in text_blocks(name) if any(needle in line for line in block)
             and not (without and any(without in line for line in block))]
    assert len(found) == 1, (name, needle, found)
    return [line.strip() for line in found[0]]


def test_build_output_shown_is_what_rancang_build_prints(capsys: pytest.CaptureFixture[str]) -> None:
    """The end of rancang build's report on the two pages: check summary, documents (DOCX, then PDF), site."""
    from rancang.check import check_project
    from rancang.documents import file_name, has_results

    main(["-C", str(REPO), "check"])
    summary = capsys.readouterr().out.splitlines()[-2:]
    assert summary[0].startswith("Diperiksa:"), summary
    checked = check_project(REPO)
    data = checked.data
    folder = data.settings.outputs.documents
    docx = [f"{folder}/{record}.docx" for record in sorted(data.regulations)]
    for record, visit in sorted(data.visits.items()):
        docx += [f"{folder}/{file_name(record, kind)}" for kind in (("brief", "report") if has_results(visit)
                                                                     else ("brief",))]
    expected = summary + [f"Ditulis: {path}" for path in docx] + [
        f"Ditulis: {path.removesuffix('.docx')}.pdf" for path in docx] + [
        f"Situs: {data.settings.outputs.site}/index.html ({len(data.innovations)} profil inovasi, "
        f"{len(data.regulations)} rancangan peraturan, {len(data.visits)} kunjungan kerja)."]
    for name in ("kunjungan", "rancangan"):
        assert block_with(name, "Situs: ") == expected, name


def visit_project(root: Path) -> Path:
    """A copy of the repository project (settings and data), without outputs."""
    from support import copy_example

    return copy_example(root, parts=("rancang.yaml", "kb", "regulations", "visits"))


def test_visit_page_quotes_what_rancang_prints(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = visit_project(tmp_path / "proyek")
    monkeypatch.chdir(root)
    shown = block_with("kunjungan", "-laporan.docx", without="Situs: ")
    assert main(["brief", "visits/dprd-pangkep-2021.yaml"]) == 0
    assert main(["report", "visits/dprd-pangkep-2021.yaml"]) == 0
    written = capsys.readouterr().out.splitlines()
    assert written == [line for line in shown if not line.endswith(".pdf")]
    assert [line for line in shown if line.endswith(".pdf")] == ["Ditulis: _build/dokumen/dprd-pangkep-2021-bahan.pdf"]

    # what the brief says of a sparse profile, as the page quotes it
    brief = docx_text(root / "_build" / "dokumen" / "dprd-pangkep-2021-bahan.docx")
    call_center = brief[brief.index("A. Call Center 112"):brief.index("B. Call Nak Center")]
    page = squeeze((DOCS / "kunjungan.md").read_text(encoding="utf-8").replace("*", ""))
    for quote in ("Perangkat daerah : belum tercatat", "Dasar hukum belum tercatat dalam direktori.",
                  "Dasar pelaksanaan (surat undangan, surat perintah tugas, atau DPA) belum dicatat."):
        assert quote in brief, quote
        assert quote in page, quote
    assert "Perangkat daerah : belum tercatat" in call_center

    # a mistyped innovation id
    visit = root / "visits" / "dprd-pangkep-2021.yaml"
    text = visit.read_text(encoding="utf-8")
    visit.write_text(text.replace("  - call-center-112\n", "  - call-centre-112\n", 1), encoding="utf-8")
    assert main(["check", "visits/dprd-pangkep-2021.yaml"]) == 1
    message = capsys.readouterr().out.splitlines()[0]
    assert block_with("kunjungan", ": R301: ") == [message]
    visit.write_text(text, encoding="utf-8")

    # not a visit file
    assert main(["brief", "regulations/perwali-inovasi-daerah.yaml"]) == 1
    assert block_with("kunjungan", ": P404: ") == capsys.readouterr().err.strip().splitlines()

    # no LibreOffice: the DOCX is written, the command fails with P405
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("RANCANG_SOFFICE", raising=False)
    assert main(["brief", "visits/dprd-pangkep-2021.yaml", "--pdf"]) == 1
    captured = capsys.readouterr()
    assert captured.out.strip() == "Ditulis: _build/dokumen/dprd-pangkep-2021-bahan.docx"
    assert block_with("kunjungan", ": P405: ") == captured.err.strip().splitlines()


def test_guarantees_page_lists_the_tests_and_the_real_limits(site: Path) -> None:
    from rancang import yamlsource

    page = read(site, "jaminan")
    text = squeeze(visible_text(page))
    assert "Jaminan keandalan" in text
    for name in ("test_bad_files.py", "test_hostile.py", "test_faults.py", "test_build_faults.py",
                 "test_site_pages.py", "test_site_build.py", "test_drafting_properties.py", "test_fuzz.py"):
        assert f"tests/{name}" in text, name
    assert (REPO / "tests/test_build_faults.py").is_file()
    limits = [squeeze(" ".join(row)) for row in table_rows(page, "rancang-batas")]
    assert any(f"{yamlsource.MAX_FILE_BYTES // 1024 // 1024} MB" in row for row in limits), limits
    assert any(f"{yamlsource.MAX_DEPTH} tingkat" in row for row in limits), limits
    assert any(f"{yamlsource.MAX_VALUES:,} nilai".replace(",", ".") in row for row in limits), limits
    for code in ("P409", "P405", "P402", "Dibatalkan."):
        assert code in text, code
    index = read(site, "index")
    assert 'href="jaminan.html"' in index
