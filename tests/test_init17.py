"""Issue 17, item 1: `rancang init` writes a clean project for one region, as a new user of a kabupaten meets it.

The project checks clean and builds its site at once (no record yet, no warning), its pages take their title
and region words from rancang.yaml (editing it changes every page), its skeletons are neither checked nor
published, and nothing in it or in its built site names Parepare. Refusals say what to type instead and write
nothing. The bundled example's pages are the same files, so deleting its case study breaks nothing.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from rancang.cli import main
from support import REPO, build_in_place, copy_example

PANGKEP = ["--kabupaten", "Pangkajene dan Kepulauan", "--provinsi", "Sulawesi Selatan", "--ibu-kota", "Pangkajene"]
TITLE = "Direktori Inovasi Kabupaten Pangkajene dan Kepulauan"
BUNDLED = REPO / "src" / "rancang" / "skeletons" / "proyek"
PAGES = ["index", "galeri", "ringkasan", "replikasi", "kesiapan-iid", "peraturan", "kunjungan", "data"]


def run(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    """``rancang ARGV`` in this process inside ``cwd``: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        patch.delenv("RANCANG_DEBUG", raising=False)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    return code, out.getvalue(), err.getvalue()


def texts_of(folder: Path):
    """(path, text) of every file below ``folder``, the parts of every zip (DOCX, XLSX) included."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"PK":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    yield f"{path}!{name}", archive.read(name).decode("utf-8", "replace")
        else:
            yield str(path), data.decode("utf-8", "replace")


def body_text(page: Path) -> str:
    """The visible text of a built page's body (tags dropped, whitespace folded)."""
    import html

    text = page.read_text(encoding="utf-8")
    text = text[text.index('<div class="body"'):]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.fixture(scope="module")
def pangkep(tmp_path_factory) -> tuple[Path, str]:
    """A kabupaten project from `rancang init`, built once: (its folder, what init printed)."""
    base = tmp_path_factory.mktemp("init")
    code, out, err = run(["init", "pangkep", *PANGKEP], base)
    assert (code, err) == (0, ""), err
    root = base / "pangkep"
    code, printed = build_in_place(root)
    assert code == 0, printed
    return root, out + printed


# -- a new kabupaten project ------------------------------------------------------------------------------


def test_init_writes_the_project_and_says_what_is_next(pangkep):
    root, printed = pangkep
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                     if p.is_file() and not p.relative_to(root).as_posix().startswith("_build/"))
    assert written == sorted([
        ".gitignore", "README.md", "rancang.yaml",
        "kb/index.md", "kb/galeri.md", "kb/ringkasan.md", "kb/replikasi.md", "kb/kesiapan-iid.md", "kb/peraturan.md",
        "kb/kunjungan.md", "kb/data.md",
        "kb/studi-kasus/index.md", "kb/studi-kasus/_contoh.md", "kb/dasar-hukum.yaml", "kb/perangkat-daerah.yaml",
        "kb/iid.yaml", "kb/inovasi/_contoh.yaml", "regulations/_contoh.yaml", "visits/_contoh.yaml",
    ])
    assert "Proyek rancang Kabupaten Pangkajene dan Kepulauan (Sulawesi Selatan) ditulis di pangkep/:" in printed
    assert "Langkah berikutnya: cd pangkep, lengkapi rancang.yaml, lalu rancang check dan rancang build" in printed
    assert (root / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "_build/"
    settings = yaml.safe_load((root / "rancang.yaml").read_text(encoding="utf-8"))
    assert settings == {"daerah": {"jenis": "kabupaten", "nama": "Pangkajene dan Kepulauan",
                                   "provinsi": "Sulawesi Selatan", "ibu_kota": "Pangkajene"},
                        "situs": {"judul": TITLE, "deskripsi": "Galeri dan basis data inovasi perangkat daerah "
                                  "Pemerintah Kabupaten Pangkajene dan Kepulauan."}}
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# {TITLE}\n")
    for command in ("rancang check", "rancang build", "rancang serve", "docs/mulai.md"):
        assert command in readme


def test_new_project_checks_clean_and_builds_its_empty_site_without_a_warning(pangkep):
    root, printed = pangkep
    code, out, err = run(["check"], root)
    assert (code, out.splitlines()) == (0, ["Diperiksa: 1 pengaturan proyek, 1 daftar perangkat daerah, 1 katalog "
                                            "dasar hukum, 1 data IID daerah.", "Tidak ada masalah."]), err
    assert "Situs: _build/html/index.html (0 profil inovasi, 0 rancangan peraturan, 0 kunjungan kerja)." in printed
    assert not re.search(r"peringatan|galat|warning", printed, re.IGNORECASE), printed


def test_nothing_in_the_new_project_or_its_site_names_parepare(pangkep):
    root, _ = pangkep
    assert (root / "_build" / "html" / "search.html").is_file()
    found = [path for path, text in texts_of(root) if "parepare" in text.lower()]
    assert found == []


def test_pages_take_title_and_region_from_the_settings(pangkep):
    root, _ = pangkep
    site = root / "_build" / "html"
    for page in PAGES:
        text = (site / "kb" / f"{page}.html").read_text(encoding="utf-8")
        assert f"— {TITLE}</title>" in text.replace("&#8212;", "—"), page
        assert f'rancang-nama-situs" href="{"#" if page == "index" else "index.html"}">{TITLE}</a>' in text, page
        assert not re.search(r"\{\{ *\w+ *\}\}", text), page  # every substitution replaced
    home = body_text(site / "kb" / "index.html")
    assert home.startswith(f"{TITLE} ¶ Galeri dan basis data inovasi perangkat daerah Pemerintah Kabupaten "
                           "Pangkajene dan Kepulauan: apa inovasinya")
    assert "Belum ada rancangan peraturan." in home and "Belum ada studi kasus." in home
    assert "yang melibatkan Pemerintah Kabupaten Pangkajene dan Kepulauan, dengan bahan kunjungan" in body_text(
        site / "kb" / "kunjungan.html")


def test_skeletons_are_neither_checked_nor_published(pangkep):
    root, _ = pangkep
    site = root / "_build" / "html"
    published = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert not [p for p in published if "_contoh" in p]
    assert "kb/studi-kasus/index.html" in published
    for skeleton in ("kb/inovasi/_contoh.yaml", "regulations/_contoh.yaml", "visits/_contoh.yaml"):
        text = (root / skeleton).read_text(encoding="utf-8")
        assert text.splitlines()[1].startswith("## KERANGKA CONTOH. Berkas yang namanya diawali \"_\" bukan data")
    code, out, _ = run(["check", "kb", "regulations", "visits"], root)
    assert code == 0 and "_contoh" not in out


def test_a_skeleton_copied_under_an_id_is_data(tmp_path):
    code, _, err = run(["init", "pangkep", *PANGKEP], tmp_path)
    assert code == 0, err
    root = tmp_path / "pangkep"
    shutil.copy(root / "kb/inovasi/_contoh.yaml", root / "kb/inovasi/desa-cerdas.yaml")
    shutil.copy(root / "regulations/_contoh.yaml", root / "regulations/perbup-inovasi.yaml")
    code, out, _ = run(["check"], root)
    assert code == 1
    assert ("Diperiksa: 1 pengaturan proyek, 1 daftar perangkat daerah, 1 katalog dasar hukum, 1 data IID daerah, 1 profil inovasi, "
            "1 rancangan peraturan.") in out
    assert "regulations/perbup-inovasi.yaml:" in out and "S201: 'tentang' belum diisi" in out
    assert [line for line in out.splitlines() if line.startswith("kb/inovasi/desa-cerdas.yaml")
            and ": peringatan: " not in line] == []  # only advice on what the profile could still say


def test_skeletons_speak_of_the_kabupaten(pangkep):
    root, _ = pangkep
    regulation = (root / "regulations/_contoh.yaml").read_text(encoding="utf-8")
    assert "# jenis: peraturan_bupati" in regulation
    assert "#     arti: Kabupaten Pangkajene dan Kepulauan" in regulation
    assert "#   tempat: Pangkajene" in regulation
    innovation = (root / "kb/inovasi/_contoh.yaml").read_text(encoding="utf-8")
    assert "#   kabupaten_kota: Kabupaten Pangkajene dan Kepulauan  ## kosongkan" in innovation
    assert "#   provinsi: Sulawesi Selatan             ## tanpa kata \"Provinsi\"" in innovation
    assert "#   - uraian: Keputusan Bupati tentang Penetapan Inovasi Daerah" in innovation
    for text in (regulation, innovation, (root / "visits/_contoh.yaml").read_text(encoding="utf-8")):
        assert not re.search(r"Wali ?[Kk]ota|Kota Contoh|73\.72", text)
    agencies = (root / "kb/perangkat-daerah.yaml").read_text(encoding="utf-8")
    assert "## Kabupaten Pangkajene dan Kepulauan.\n" in agencies
    assert "#     - Bappeda Kabupaten Pangkajene dan Kepulauan\n" in agencies
    assert yaml.safe_load(agencies) is None  # only comments: the list is still empty


def test_rancang_new_in_a_kabupaten_uses_its_words(tmp_path):
    code, _, _ = run(["init", "pangkep", *PANGKEP], tmp_path)
    root = tmp_path / "pangkep"
    assert run(["new", "inovasi", "Pangkep Smart Village"], root)[0] == 0
    assert run(["new", "kunjungan", "studi-banding"], root)[0] == 0
    innovation = (root / "kb/inovasi/pangkep-smart-village.yaml").read_text(encoding="utf-8")
    assert "#   kabupaten_kota: Kabupaten Pangkajene dan Kepulauan" in innovation
    assert "Keputusan Bupati tentang" in innovation and "Parepare" not in innovation
    visit = (root / "visits/studi-banding.yaml").read_text(encoding="utf-8")
    assert "#   provinsi: Sulawesi Selatan" in visit


def test_editing_rancang_yaml_changes_every_page(tmp_path):
    code, _, err = run(["init", "pangkep", *PANGKEP], tmp_path)
    assert code == 0, err
    root = tmp_path / "pangkep"
    settings = root / "rancang.yaml"
    assert build_in_place(root)[0] == 0
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        f"judul: {TITLE}", "judul: Inovasi Pangkep"), encoding="utf-8")
    code, printed = build_in_place(root)
    assert code == 0, printed
    for page in PAGES:
        text = (root / "_build/html/kb" / f"{page}.html").read_text(encoding="utf-8").replace("&#8212;", "—")
        assert "— Inovasi Pangkep</title>" in text and TITLE not in text, page
    assert body_text(root / "_build/html/kb/index.html").startswith("Inovasi Pangkep ¶ Galeri")


def test_kota_project_keeps_the_mayor_s_words(tmp_path):
    code, out, err = run(["init", "kota", "--kota", "Parepare", "--provinsi", "Sulawesi Selatan"], tmp_path)
    assert code == 0, err
    root = tmp_path / "kota"
    settings = (root / "rancang.yaml").read_text(encoding="utf-8")
    assert "\nejaan_jabatan: Wali Kota\n" in settings and "#   ibu_kota: Nama Tempat" in settings
    assert "ibu_kota belum diisi" not in out
    assert "# jenis: peraturan_wali_kota" in (root / "regulations/_contoh.yaml").read_text(encoding="utf-8")
    assert run(["check"], root)[0] == 0


def test_kabupaten_without_capital_is_told_to_fill_it(tmp_path):
    code, out, _ = run(["init", "x", "--kabupaten", "Pangkajene dan Kepulauan", "--provinsi", "Sulawesi Selatan"],
                       tmp_path)
    assert code == 0
    assert "ibu_kota belum diisi: isi daerah.ibu_kota di rancang.yaml sebelum menyusun peraturan" in out
    assert "#   ibu_kota: Nama Ibu Kota" in (tmp_path / "x/rancang.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["kabupaten", "kota"])
def test_uncommented_settings_are_valid(tmp_path, kind):
    from rancang.models import FORMATS
    from rancang.project_init import NewRegion, settings_text
    from rancang.models.project import RegionKind
    from rancang.validation import validate
    from rancang.yamlsource import load_text

    region = NewRegion(RegionKind(kind), "Pangkajene dan Kepulauan", "Sulawesi Selatan")
    text = "\n".join(re.sub(r"^(\s*)# (?!#)", r"\1", line) for line in settings_text(region).splitlines()[1:])
    source, problems = load_text(text, "rancang.yaml")
    assert problems == []
    model, problems = validate(FORMATS["proyek"].model, source)
    assert [d.format() for d in problems] == []
    assert model.head.name == "Nama Kepala Daerah" and model.region.capital is not None


# -- refusals: Indonesian, all at once, exit 1, nothing written -------------------------------------------


@pytest.mark.parametrize(("argv", "expected"), [
    (["--kabupaten", "Pangkajene dan Kepulauan"],
     ["rancang init: P448: --provinsi belum diisi: tulis nama provinsi tanpa kata 'Provinsi', misalnya --provinsi "
      "\"Sulawesi Selatan\""]),
    (["--kota", "Parepare", "--kabupaten", "Pangkajene dan Kepulauan", "--provinsi", "Sulawesi Selatan"],
     ["rancang init: P448: pilih salah satu, --kabupaten NAMA atau --kota NAMA, bukan keduanya"]),
    (["--provinsi", "Sulawesi Selatan"],
     ["rancang init: P448: daerahnya belum disebut: tulis --kabupaten NAMA atau --kota NAMA (nama tanpa kata "
      "'Kabupaten' atau 'Kota', misalnya --kabupaten \"Pangkajene dan Kepulauan\")"]),
    (["--kabupaten", "Kabupaten Pangkajene dan Kepulauan", "--provinsi", "Provinsi Sulawesi Selatan"],
     ["rancang init: P448: --kabupaten \"Kabupaten Pangkajene dan Kepulauan\": nama daerah diawali 'Kabupaten', "
      "padahal kata itu sudah diturunkan dari jenis daerahnya (tercetak dua kali, misalnya 'BUPATI KABUPATEN "
      "PANGKAJENE DAN KEPULAUAN'); tulis --kabupaten \"Pangkajene dan Kepulauan\"",
      "rancang init: P448: --provinsi \"Provinsi Sulawesi Selatan\": tulis nama provinsi tanpa kata 'Provinsi': "
      "--provinsi \"Sulawesi Selatan\""]),
    (["--kota", "Kota Parepare"],
     ["rancang init: P448: --kota \"Kota Parepare\": nama daerah diawali 'Kota', padahal kata itu sudah diturunkan "
      "dari jenis daerahnya (tercetak dua kali, misalnya 'WALI KOTA KOTA PAREPARE'); tulis --kota \"Parepare\"",
      "rancang init: P448: --provinsi belum diisi: tulis nama provinsi tanpa kata 'Provinsi', misalnya --provinsi "
      "\"Sulawesi Selatan\""]),
])
def test_init_refuses_an_incomplete_region_and_writes_nothing(tmp_path, argv, expected):
    code, out, err = run(["init", "baru", *argv], tmp_path)
    assert (code, out, err.splitlines()) == (1, "", expected)
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path):
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada" / "catatan.txt").write_text("punya saya\n", encoding="utf-8")
    code, out, err = run(["init", "ada", *PANGKEP], tmp_path)
    assert (code, out) == (1, "")
    assert err.splitlines() == ["ada: P447: folder ini tidak kosong (berisi catatan.txt); rancang init hanya menulis "
                                "ke folder baru atau kosong agar tidak ada berkas yang tertimpa: pilih folder baru "
                                "(folder yang hanya berisi .git dari git init, atau .gitattributes, .editorconfig, "
                                ".vscode, diterima)"]
    assert [p.name for p in (tmp_path / "ada").iterdir()] == ["catatan.txt"]


def test_init_refuses_an_existing_project_and_reports_the_region_too(tmp_path):
    root = copy_example(tmp_path / "parepare", ("rancang.yaml",))
    before = (root / "rancang.yaml").read_bytes()
    code, _, err = run(["init", ".", "--kabupaten", "Kabupaten Pangkajene dan Kepulauan"], root)
    assert code == 1
    lines = err.splitlines()
    assert lines[-1] == (".: P447: folder ini sudah berisi rancang.yaml (sudah menjadi proyek rancang); "
                         "rancang init tidak menimpa apa pun: sunting proyek itu, atau pilih folder baru")
    assert [line.split(": ")[1] for line in lines] == ["P448", "P448", "P447"]
    assert (root / "rancang.yaml").read_bytes() == before and [p.name for p in root.iterdir()] == ["rancang.yaml"]


def test_init_into_an_empty_folder_and_the_working_folder(tmp_path):
    (tmp_path / "kosong").mkdir()
    code, out, err = run(["init", ".", *PANGKEP], tmp_path / "kosong")
    assert code == 0, err
    assert (tmp_path / "kosong" / "rancang.yaml").is_file()
    assert not [p for p in (tmp_path / "kosong").iterdir() if p.name.startswith(".pangkep") or "rancang-init" in p.name]


@pytest.mark.parametrize("existing", [False, True])
def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch, existing):
    target = tmp_path / "baru"
    if existing:
        target.mkdir()
    real_rename = os.rename
    calls = []

    def failing(source, destination):
        calls.append(destination)
        if len(calls) == 3 or not existing:
            raise OSError(28, "No space left on device")
        return real_rename(source, destination)

    monkeypatch.setattr(os, "rename", failing)
    code, out, err = run(["init", "baru", *PANGKEP], tmp_path)
    monkeypatch.undo()
    assert (code, out) == (1, "")
    assert err.splitlines() == ["baru: P449: proyek tidak dapat ditulis: disk penuh; tidak ada yang ditulis"]
    assert [p.name for p in tmp_path.iterdir()] == (["baru"] if existing else [])
    if existing:
        assert list(target.iterdir()) == []


# -- the bundled example: the same pages, a case study that can be deleted ----------------------------------


def test_the_example_s_pages_are_the_pages_init_writes():
    for page in [*PAGES, "studi-kasus/index"]:
        assert (REPO / "kb" / f"{page}.md").read_text(encoding="utf-8") == \
            (BUNDLED / "kb" / f"{page}.md").read_text(encoding="utf-8"), page
        assert "parepare" not in (REPO / "kb" / f"{page}.md").read_text(encoding="utf-8").lower(), page


def test_the_national_catalogue_is_the_example_s_entries_as_they_are():
    example = {entry["id"]: entry for entry in yaml.safe_load((REPO / "kb/dasar-hukum.yaml").read_text("utf-8"))}
    bundled = yaml.safe_load((BUNDLED / "kb/dasar-hukum.yaml").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in bundled] == [
        "uud-1945", "uu-25-2009", "uu-12-2011", "uu-15-2019", "uu-13-2022", "uu-23-2014", "uu-2-2015", "uu-9-2015",
        "uu-11-2020", "uu-6-2023", "pp-38-2017", "permendagri-80-2015", "permendagri-120-2018",
        "permendagri-104-2018"]
    for entry in bundled:
        assert entry == example[entry["id"]], entry["id"]


def test_deleting_the_example_s_case_study_keeps_the_home_page_building(tmp_path):
    root = copy_example(tmp_path / "parepare")
    (root / "kb/studi-kasus/berdaya-srikandi.md").unlink()
    code, printed = build_in_place(root)
    assert code == 0, printed
    assert not [line for line in printed.splitlines() if re.search(r"peringatan situs|toctree", line, re.I)]
    home = body_text(root / "_build/html/kb/index.html")
    assert home.startswith("Direktori Inovasi Kota Parepare ¶ Galeri dan basis data inovasi perangkat daerah "
                           "Pemerintah Kota Parepare: apa inovasinya")
    assert "Belum ada studi kasus." in home


# -- the documentation page shows what rancang really prints and writes -------------------------------------


def test_the_guide_quotes_what_init_prints_and_the_words_pages_get(tmp_path):
    from rancang.loader import load_file
    from rancang.models import FORMATS
    from rancang.site.config import page_words

    guide = (REPO / "docs" / "mulai.md").read_text(encoding="utf-8")
    command = re.search(r"```bash\n(rancang init .*)\n```", guide).group(1)
    assert command == "rancang init pangkep " + " ".join(f'"{a}"' if " " in a else a for a in PANGKEP)
    shown = re.search(r"```text\n(.*?)```", guide, re.S).group(1)
    code, out, _ = run(["init", "pangkep", *PANGKEP], tmp_path)
    assert (code, out) == (0, shown)
    settings, _ = load_file(tmp_path / "pangkep" / "rancang.yaml", FORMATS["proyek"])
    table = dict(re.findall(r"\* - `\{\{ (\w+) \}\}`\n  - (.+)\n", guide))
    assert table == page_words(settings)
