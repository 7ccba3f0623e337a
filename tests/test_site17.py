"""Issue 17, the site: Sphinx's warnings in Indonesian at their place, a menu of the pages the project has, and
the profile's budget as the visit's brief shows it.

A new user who deletes the example's case study, links a page that is not there or forgets a page in the table
of contents reads ``kb/index.md:19: P453: peringatan situs: <Indonesian, with what to do>`` instead of
Sphinx's English; ``rancang serve`` shows the same lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from docx_reading import blocks
from support import build_in_place, copy_example

from rancang.site.warnings import ORIGINAL, site_warnings

pytestmark = pytest.mark.slow

PAGE = """\
---
orphan: true
---
(bersama)=
# Halaman uji

(sama)=
## Bagian satu

(sama)=
## Bagian dua

Lihat {ref}`label-tak-ada` dan {doc}`halaman-tak-ada`.

Lihat juga [tautan ini](tujuan-tak-ada.md).

![Gambar uji](gambar-tak-ada.png)

Unduh {download}`berkas-tak-ada.pdf`.

```{direktif-tak-ada}
isi
```

Peran {peran-tak-ada}`x` di sini.

Catatan kaki tanpa isi[^tanpa-isi].

```{toctree}
:hidden:

studi-kasus/dihapus
```
"""

NOTES = """\
---
orphan: true
---
(bersama)=
# Catatan

[^ganda]: satu
[^ganda]: dua
"""

LOOSE = "# Halaman lepas\n\nHalaman ini tidak ada di daftar isi mana pun.\n"

SITE_WARNING = re.compile(r"^(?P<path>[\w./-]+)(?::(?P<line>\d+))?: (?P<code>[A-Z]\d{3}): peringatan situs: \S")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line of ``text`` that contains ``needle``."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[nth - 1]


@pytest.fixture(scope="module")
def warned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """The example with three pages that a new user got wrong, built by ``rancang build --no-pdf``."""
    root = copy_example(tmp_path_factory.mktemp("peringatan") / "proyek")
    (root / "kb" / "uji.md").write_text(PAGE, encoding="utf-8")
    (root / "kb" / "catatan.md").write_text(NOTES, encoding="utf-8")
    (root / "kb" / "lepas.md").write_text(LOOSE, encoding="utf-8")
    code, output = build_in_place(root)
    return root, code, output


def test_warnings_are_indonesian_located_and_say_what_to_do(warned) -> None:
    root, code, output = warned
    assert code == 0, output  # a warning does not stop the build
    page = "kb/uji.md"
    expected = [
        # the case: the table of contents names a page that was deleted; the line of that entry
        f"{page}:{line_of(PAGE, 'studi-kasus/dihapus')}: P453: peringatan situs: daftar isi (toctree) menyebut "
        "halaman 'studi-kasus/dihapus', tetapi berkas kb/studi-kasus/dihapus.md tidak ada; hapus baris itu dari "
        "daftar isi, atau buat lagi halamannya",
        "kb/lepas.md: P453: peringatan situs: halaman ini tidak tercantum di daftar isi (toctree) mana pun, jadi "
        "tidak dapat dicapai dari halaman lain; tambahkan baris 'lepas' ke daftar isi di kb/index.md, atau tulis "
        "'orphan: true' di antara dua baris --- di awal halaman ini bila memang berdiri sendiri",
        f"{page}:{line_of(PAGE, 'label-tak-ada')}: P454: peringatan situs: label 'label-tak-ada' tidak ada; "
        "periksa ejaannya, atau pasang label (label-tak-ada)= pada baris tepat di atas judul yang dituju",
        f"{page}:{line_of(PAGE, 'halaman-tak-ada')}: P454: peringatan situs: halaman 'halaman-tak-ada' tidak ada; "
        "periksa ejaan dan jalurnya; jalur dibaca dari folder halaman ini, tanpa akhiran .md",
        f"{page}:{line_of(PAGE, 'tujuan-tak-ada')}: P454: peringatan situs: tautan ke 'tujuan-tak-ada.md' tidak "
        "menemukan tujuannya: tidak ada halaman, label, atau judul bagian dengan nama itu; periksa ejaan dan "
        "jalurnya; jalur dibaca dari folder halaman ini",
        f"{page}:{line_of(PAGE, 'gambar-tak-ada')}: P454: peringatan situs: gambar kb/gambar-tak-ada.png tidak "
        "ada atau tidak dapat dibaca; periksa nama berkasnya (huruf besar dan kecil dibedakan) dan letaknya; "
        "jalur dibaca dari folder halaman ini",
        f"{page}:{line_of(PAGE, 'berkas-tak-ada')}: P454: peringatan situs: berkas unduhan kb/berkas-tak-ada.pdf "
        "tidak ada atau tidak dapat dibaca",
        f"{page}:{line_of(PAGE, '(sama)=', 2)}: P454: peringatan situs: label 'sama' dipakai lebih dari sekali di "
        "halaman ini; ganti nama salah satunya (dan rujukan kepadanya)",
        f"{page}:{line_of(PAGE, 'direktif-tak-ada')}: P455: peringatan situs: direktif 'direktif-tak-ada' tidak "
        "dikenal, jadi isinya tidak ditampilkan; periksa ejaannya (direktif rancang diawali rancang-, misalnya "
        "rancang-fakta), atau tulis isinya sebagai teks biasa",
        f"{page}:{line_of(PAGE, 'peran-tak-ada')}: P455: peringatan situs: peran (role) '{{peran-tak-ada}}' tidak "
        "dikenal",
        f"{page}:{line_of(PAGE, 'tanpa-isi')}: P454: peringatan situs: rujukan 'tanpa-isi' tidak menemukan "
        "tujuannya (misalnya catatan kaki [^tanpa-isi] yang isinya tidak ditulis)",
        f"kb/catatan.md:{line_of(NOTES, '[^ganda]', 2)}: P454: peringatan situs: isi catatan kaki [^ganda] ditulis "
        "lebih dari sekali di halaman ini",
    ]
    lines = output.splitlines()
    for wanted in expected:
        assert any(line.startswith(wanted) for line in lines), (wanted, output)
    # a label of two pages: at the heading it marks on the page read second, naming the other
    assert any(re.match(r"kb/(uji|catatan)\.md:5: P454: peringatan situs: label 'bersama' sudah dipakai di "
                        r"kb/(uji|catatan)\.md; setiap label harus unik di seluruh situs", line)
               for line in lines), output
    # a warning the table does not know: Sphinx's own Indonesian words
    assert any(line.startswith("kb/catatan.md:") and ": P455: peringatan situs: Catatan kaki [#] tidak dirujuk."
               in line for line in lines), output
    # one that neither knows: English, marked as such, still located
    assert any(line.startswith(f"{page}:") and line.endswith(ORIGINAL) for line in lines), output

    warnings = [line for line in lines if "peringatan situs" in line]
    assert len(warnings) >= len(expected) + 2
    for line in warnings:
        assert SITE_WARNING.match(line), line
    assert "WARNING" not in output and "Peringatan situs:" not in output and "[toc." not in output
    assert str(root) not in output and str(root.resolve()) not in output  # paths are the project's


def test_serve_shows_the_same_warnings_on_a_rebuild(warned) -> None:
    from rancang.serve import build_once

    root, _code, _output = warned
    page = root / "kb" / "uji.md"
    page.write_text(PAGE.replace("Halaman uji", "Halaman uji yang diubah"), encoding="utf-8")
    said: list[str] = []
    assert build_once(root, said.append, first=False)
    entry = line_of(PAGE, "studi-kasus/dihapus")
    assert any(line.startswith(f"kb/uji.md:{entry}: P453: peringatan situs: daftar isi (toctree) menyebut "
                               "halaman 'studi-kasus/dihapus'") for line in said), said
    assert not [line for line in said if line.startswith("Situs: ")]  # a rebuild shows its warnings only


@pytest.mark.parametrize(("log", "shown"), [
    # MyST's heading levels (switched off by default: a project's kb/conf.py can switch them on)
    ("{root}/kb/a.md:5: WARNING: Non-consecutive header level increase; H1 to H3 [myst.header]",
     "kb/a.md:5: P455: peringatan situs: tingkat judul melompat dari H1 ke H3 (misalnya dari # langsung ke ###); "
     "pakai tingkat berikutnya (## di bawah #, ### di bawah ##)"),
    # a substitution of rancang.yaml that is not there
    ("{root}/kb/index.md:1: WARNING: Substitution error:UndefinedError: 'jduul' is undefined [myst.substitution]",
     "kb/index.md:1: P455: peringatan situs: isian {{ jduul }} tidak dikenal; periksa ejaan namanya; nama yang "
     "dikenal berasal dari rancang.yaml"),
    # a label used on two pages
    ("{root}/kb/b.md:3: WARNING: duplicate label sama, other instance in {root}/kb/a.md",
     "kb/b.md:3: P454: peringatan situs: label 'sama' sudah dipakai di kb/a.md; setiap label harus unik di "
     "seluruh situs: ganti nama salah satunya (dan rujukan kepadanya)"),
    # no location: the site's folder
    ("WARNING: unknown config value 'x' in override, ignoring",
     "kb: P455: peringatan situs: nilai konfigurasi 'x' yang tidak dikenal pada penulisan ulang, mengabaikan"),
    # rancang's own warnings keep their words and code
    ("{root}/kb/inovasi/x.yaml:4: WARNING: S201: kunci 'nma' tidak dikenal",
     "kb/inovasi/x.yaml:4: S201: peringatan situs: kunci 'nma' tidak dikenal"),
])
def test_each_kind_of_warning(tmp_path: Path, log: str, shown: str) -> None:
    (warning,) = site_warnings(log.format(root=tmp_path), tmp_path)
    assert warning.format() == shown


def test_a_continued_warning_stays_one_warning(tmp_path: Path) -> None:
    log = (f"{tmp_path}/kb/a.md:7: ERROR: Something odd:\n\n   detail line [docutils]\n"
           f"{tmp_path}/kb/a.md:9: WARNING: unknown document: 'x' [ref.doc]\n")
    first, second = site_warnings(log, tmp_path)
    assert first.format().startswith("kb/a.md:7: P455: peringatan situs: Something odd:")
    assert first.format().endswith("detail line " + ORIGINAL)
    assert second.format().startswith("kb/a.md:9: P454: peringatan situs: halaman 'x' tidak ada")


# -- the menu: only pages that exist ---------------------------------------------------------------------------


def menu_labels(page: Path) -> list[str]:
    tree = lxml.html.parse(str(page)).getroot()
    return [a.text_content().strip() for a in tree.xpath("//nav[contains(@class, 'rancang-nav')]//a")]


def menu_targets(page: Path) -> list[str]:
    tree = lxml.html.parse(str(page)).getroot()
    return [a.get("href") for a in tree.xpath("//nav[contains(@class, 'rancang-nav')]//a")]


def test_menu_links_only_pages_the_project_has(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "proyek")
    code, output = build_in_place(root)
    assert code == 0, output
    site = root / "_build" / "html"
    profile = site / "kb" / "inovasi" / "call-center-112.html"
    full = ["Beranda", "Galeri", "Ringkasan", "Replikasi", "Kesiapan IID", "Peraturan", "Kunjungan",
            "Data terbuka", "Studi kasus"]
    assert menu_labels(profile) == full

    # a region without regulations: no kb/peraturan.md (and none in the table of contents)
    (root / "kb" / "peraturan.md").unlink()
    index = root / "kb" / "index.md"
    index.write_text("".join(line for line in index.read_text(encoding="utf-8").splitlines(keepends=True)
                             if line.strip() != "peraturan"), encoding="utf-8")
    code, output = build_in_place(root)
    assert code == 0, output
    assert "peringatan situs" not in output.lower(), output
    shorter = [label for label in full if label != "Peraturan"]
    # every page, also those that were not read again (the profile did not change)
    for page in (profile, site / "kb" / "index.html", site / "kb" / "galeri.html",
                 site / "regulations" / "perwali-inovasi-daerah.html"):
        assert menu_labels(page) == shorter, page
        for href in menu_targets(page):  # "#" on the page itself
            target = href.split("#")[0]
            assert not target or (page.parent / target).resolve().is_file(), (page, href)


# -- the profile shows the budget as the brief does ------------------------------------------------------------


def test_profile_shows_the_budget_and_the_start_as_the_brief_does(example_build, tmp_path: Path) -> None:
    """Call Center 112 has no budget in its profile: the brief says so under "Anggaran"; the page too. Given a
    budget and the start of the initiative, both show them in the same words."""
    brief = [text for _style, text in blocks((example_build.root / "_build" / "dokumen" /
                                              "dprd-pangkep-2021-bahan.docx").read_bytes())]
    start = brief.index("A. Call Center 112")
    anggaran = brief.index("Anggaran", start)
    note = brief[anggaran + 1]
    assert note == "Anggaran belum tercatat dalam direktori."

    page = lxml.html.parse(str(example_build.site / "kb" / "inovasi" / "call-center-112.html")).getroot()
    (part,) = page.xpath("//section[@id='anggaran']")
    assert part.xpath("./h2")[0].text_content().strip().rstrip("¶").strip() == "Anggaran"
    assert [p.text_content().strip() for p in part.xpath("./p")] == [note]

    # A profile that gives its budget and the start of the initiative: the page shows both, in the brief's words.
    root = copy_example(tmp_path / "proyek")
    profile = root / "kb" / "inovasi" / "call-center-112.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "tanggal_inisiatif: 2016-03\nanggaran:\n"
                       "  - tahun: 2019\n    jumlah: 250000000\n    sumber: APBD\n", encoding="utf-8")
    code, output = build_in_place(root)
    assert code == 0, output
    brief = [text for _style, text in blocks((root / "_build" / "dokumen" / "dprd-pangkep-2021-bahan.docx")
                                              .read_bytes())]
    start = brief.index("A. Call Center 112")
    budget = brief[brief.index("Anggaran", start) + 1].removeprefix("•\t")  # a bullet in the DOCX
    assert budget == "2019: Rp250.000.000 (APBD)"
    (row,) = [text for text in brief[start:brief.index("Anggaran", start)] if text.startswith("Mulai inisiatif |")]
    started = row.split(" | ")[-1]  # the facts are a table: label, ":", value

    page = lxml.html.parse(str(root / "_build" / "html" / "kb" / "inovasi" / "call-center-112.html")).getroot()
    assert [li.text_content().strip() for li in page.xpath("//section[@id='anggaran']//li")] == [budget]
    facts = {row.xpath("./td")[0].text_content().strip(): row.xpath("./td")[1].text_content().strip()
             for row in page.xpath("//table[contains(@class, 'rancang-fakta')]//tr")}
    assert facts["Mulai inisiatif"] == started == "Maret 2016"
