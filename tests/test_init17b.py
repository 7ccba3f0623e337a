"""Issue 17, `rancang init` follow-ups, as a new user of a kabupaten meets them.

A new project has ``kb/perangkat-daerah.yaml`` at once: a list file that holds only comments (or ``[]``) is an
empty list, not an empty file (Y110), and ``rancang impor inovasi`` adds its agencies into it (under the comments,
or in place of ``[]``) so that the project checks clean. ``rancang init`` accepts a folder that holds only ``.git``
(a user who ran ``git init`` first) or hidden editor entries, and still refuses anything else. A skeleton named
on the command line (``rancang check regulations/_contoh.yaml``) is said to be a skeleton, with how to make it data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from support import REPO
from test_init17 import PANGKEP, run

TABLE = REPO / "tests" / "fixtures" / "impor_inovasi" / "iid-utf8.csv"
CHECKED_EMPTY = "Diperiksa: 1 pengaturan proyek, 1 daftar perangkat daerah, 1 katalog dasar hukum, 1 data IID daerah."


@pytest.fixture
def project(tmp_path) -> Path:
    code, _, err = run(["init", "pangkep", *PANGKEP], tmp_path)
    assert code == 0, err
    return tmp_path / "pangkep"


# -- (1) the agencies file of a new project: an empty list until something is listed -----------------------


def test_init_writes_the_agencies_file_with_only_comments_and_the_project_checks_clean(project):
    text = (project / "kb/perangkat-daerah.yaml").read_text(encoding="utf-8")
    assert all(not line.strip() or line.startswith("#") for line in text.splitlines())
    assert not (project / "kb/_perangkat-daerah.yaml").exists()
    code, out, err = run(["check"], project)
    assert (code, out.splitlines(), err) == (0, [CHECKED_EMPTY, "Tidak ada masalah."], "")


def test_the_agencies_example_uncommented_is_a_valid_entry(project):
    text = (project / "kb/perangkat-daerah.yaml").read_text(encoding="utf-8")
    path = project / "kb/perangkat-daerah.yaml"
    lines = text.splitlines()
    path.write_text("\n".join([lines[0], *(re.sub(r"^# (?!#)", "", line) for line in lines[1:])]) + "\n",
                    encoding="utf-8")
    assert [entry["id"] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))] == ["bappeda"]
    code, out, _ = run(["check"], project)
    assert (code, out.splitlines()[-1]) == (0, "Tidak ada masalah."), out


@pytest.mark.parametrize("name", ["kb/perangkat-daerah.yaml", "kb/dasar-hukum.yaml"])
@pytest.mark.parametrize("content", ["## belum ada\n", "[]\n", "", "# yaml-language-server: x\n\n[]  # kosong\n"])
def test_a_list_file_with_only_comments_or_brackets_is_an_empty_list(project, name, content):
    (project / name).write_text(content, encoding="utf-8")
    code, out, err = run(["check"], project)
    assert "Y110" not in out and (code, out.splitlines()) == (0, [CHECKED_EMPTY, "Tidak ada masalah."]), out


def test_settings_without_data_are_still_an_empty_file(project):
    (project / "rancang.yaml").write_text("## belum diisi\n", encoding="utf-8")
    code, out, _ = run(["check"], project)
    assert code == 1 and "rancang.yaml:1:1: Y110: berkas tidak berisi data" in out


@pytest.mark.parametrize("shape", ["init", "brackets"])
def test_impor_inovasi_adds_its_agencies_into_an_empty_list_file(project, shape):
    path = project / "kb/perangkat-daerah.yaml"
    if shape == "brackets":
        path.write_text("# yaml-language-server: $schema=../schemas/perangkat-daerah.schema.json\n[]\n",
                        encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    code, out, err = run(["impor", "inovasi", str(TABLE)], project)
    assert code == 0, err
    assert "4 profil baru" in out + err
    text = path.read_text(encoding="utf-8")
    kept = before.replace("[]\n", "")  # every comment stays, on top; "[]" gives way to the entries
    assert text.startswith(kept) and "[]" not in text
    agencies = yaml.safe_load(text)
    assert {"dinas-komunikasi-dan-informatika", "dinas-pertanian-kelautan-dan-perikanan"} <= \
        {entry["id"] for entry in agencies}
    code, out, err = run(["check"], project)
    assert code == 0 and " galat dan " in out and out.splitlines()[-1].startswith("Ditemukan 0 galat"), out


def test_impor_inovasi_refuses_an_agencies_list_in_flow_style_at_its_place_and_writes_nothing(project):
    path = project / "kb/perangkat-daerah.yaml"
    path.write_text("## satu butir\n[{id: bappeda, nama: Badan Perencanaan Pembangunan Daerah}]\n", encoding="utf-8")
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    code, out, err = run(["impor", "inovasi", str(TABLE)], project)
    assert code == 1
    assert "kb/perangkat-daerah.yaml:2:1: P439: daftar perangkat daerah harus ditulis dalam gaya blok (- id: ...); " \
           "perangkat daerah baru tidak dapat ditambahkan" in err
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == before


# -- (2) a folder that holds only version control or editor entries -----------------------------------------


def test_init_into_a_folder_after_git_init(tmp_path):
    folder = tmp_path / "pangkep"
    (folder / ".git" / "refs").mkdir(parents=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (folder / ".vscode").mkdir()
    (folder / ".editorconfig").write_text("root = true\n", encoding="utf-8")
    (folder / ".gitattributes").write_text("* text=auto\n", encoding="utf-8")
    code, out, err = run(["init", "pangkep", *PANGKEP], tmp_path)
    assert (code, err) == (0, "")
    assert out.startswith("Proyek rancang Kabupaten Pangkajene dan Kepulauan (Sulawesi Selatan) ditulis di pangkep/:")
    assert (folder / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    assert (folder / ".editorconfig").read_text(encoding="utf-8") == "root = true\n"
    assert sorted(p.name for p in folder.iterdir()) == [
        ".editorconfig", ".git", ".gitattributes", ".gitignore", ".vscode", "README.md", "kb", "rancang.yaml",
        "regulations", "visits"]
    assert run(["check"], folder)[0] == 0


@pytest.mark.parametrize("other", [".gitignore", "README.md", ".env"])
def test_init_still_refuses_a_git_folder_with_anything_else(tmp_path, other):
    folder = tmp_path / "pangkep"
    (folder / ".git").mkdir(parents=True)
    (folder / other).write_text("punya saya\n", encoding="utf-8")
    code, out, err = run(["init", "pangkep", *PANGKEP], tmp_path)
    assert (code, out) == (1, "")
    assert err.startswith(f"pangkep: P447: folder ini tidak kosong (berisi {other}); rancang init hanya menulis")
    assert sorted(p.name for p in folder.iterdir()) == sorted([".git", other])
    assert (folder / other).read_text(encoding="utf-8") == "punya saya\n"


# -- (3) a skeleton named on the command line ----------------------------------------------------------------


@pytest.mark.parametrize(("skeleton", "how"), [
    ("regulations/_contoh.yaml", "salin berkas ini dengan nama tanpa \"_\" (nama berkas menjadi id-nya, misalnya "
                                 "regulations/contoh.yaml) lalu isi, atau jalankan rancang new regulasi ID"),
    ("kb/inovasi/_contoh.yaml", "salin berkas ini dengan nama tanpa \"_\" (nama berkas menjadi id-nya, misalnya "
                                "kb/inovasi/contoh.yaml) lalu isi, atau jalankan rancang new inovasi ID"),
    ("visits/_contoh.yaml", "salin berkas ini dengan nama tanpa \"_\" (nama berkas menjadi id-nya, misalnya "
                            "visits/contoh.yaml) lalu isi, atau jalankan rancang new kunjungan ID"),
    ("kb/studi-kasus/_contoh.md", "ganti namanya, atau salin, tanpa \"_\" (misalnya kb/studi-kasus/contoh.md) lalu "
                                  "isi"),
])
def test_checking_a_skeleton_by_name_says_it_is_a_skeleton_and_how_to_make_it_data(project, skeleton, how):
    code, out, err = run(["check", skeleton], project)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{skeleton}: P404: peringatan: berkas ini kerangka contoh (namanya diawali \"_\"), bukan data: rancang check "
        f"tidak memeriksanya dan situs tidak menerbitkannya; untuk menjadikannya data, {how}",
        "Diperiksa: tidak ada berkas.",
        "Ditemukan 0 galat dan 1 peringatan."]


def test_a_skeleton_beside_the_file_it_stands_for_points_at_that_file(project):
    (project / "kb/_perangkat-daerah.yaml").write_text("## lama\n", encoding="utf-8")
    code, out, _ = run(["check", "kb/_perangkat-daerah.yaml", "--format", "json"], project)
    found = __import__("json").loads(out)["temuan"]
    assert code == 0 and [f["pesan"] for f in found] == [
        "berkas ini kerangka contoh (namanya diawali \"_\"), bukan data: rancang check tidak memeriksanya dan situs "
        "tidak menerbitkannya; untuk menjadikannya data, salin yang diperlukan ke kb/perangkat-daerah.yaml: berkas "
        "itulah yang dibaca"]


@pytest.mark.parametrize(("old", "kept"), [
    ("## daftar\n[]\n", "## daftar\n"),
    ("## daftar\n[]  # belum ada\n", "## daftar\n# belum ada\n"),
    ("## daftar\nnull\n", "## daftar\n"),
    ("## daftar\n", "## daftar\n"),
    ("", ""),
])
def test_agencies_text_puts_new_entries_in_place_of_an_empty_list(old, kept):
    from rancang.importer.innovations.run import agencies_text

    text = agencies_text(old, "kb/perangkat-daerah.yaml", [{"id": "bappeda", "nama": "Bappeda"}], [], "t.csv")
    assert text.startswith(kept)
    assert yaml.safe_load(text) == [{"id": "bappeda", "nama": "Bappeda"}]
