"""``rancang init``: a new region's project that checks clean and builds its site at once.

``rancang init FOLDER --kabupaten NAMA | --kota NAMA --provinsi P [--ibu-kota K]`` writes::

    rancang.yaml            the region (kind, name, province, capital), the site's title; the rest commented
    README.md               a short guide for the region's staff
    .gitignore              _build/
    kb/*.md                 the site's pages, their region words as MyST substitutions ({{ judul }}, ...)
    kb/dasar-hukum.yaml     national regulations on regional innovation, copied from rancang's example catalogue
    kb/iid.yaml             the region's IID evidence (aspect SPD), still none: readiness reports what is missing
    kb/perangkat-daerah.yaml
                            the agencies, still none: only comments (an empty list) with an example entry
    kb/inovasi/_contoh.yaml, kb/studi-kasus/_contoh.md, regulations/_contoh.yaml, visits/_contoh.yaml
                            commented skeletons (:data:`rancang.layout.SKELETON_PREFIX`): neither checked nor
                            published

Nothing in it is taken from the bundled example but national facts: no name, office holder or agency of
another region. The pages are the same files as the example's (``src/rancang/skeletons/proyek/kb``; a test
keeps the two equal): their region words come from ``rancang.yaml`` through ``rancang.site.config.page_words``.

The options are checked first and every problem is reported at once (P447 a folder that is not empty, P448 the
region); then the files are written into a hidden folder beside (or inside an empty) ``FOLDER`` and moved into
place, so that a failure (P449) leaves nothing behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rancang.diagnostics import Diagnostic, Location, RancangError
from rancang.layout import (
    AGENCIES_FILE,
    CASE_STUDIES,
    CATALOGUE_FILE,
    IID_FILE,
    INNOVATIONS,
    KB,
    PROJECT_FILE,
    REGULATIONS,
    SKELETON_PREFIX,
    VISITS,
    display_path,
)
from rancang.models.project import REGION_KIND_PREFIX, Project, RegionKind

SKELETON = f"{SKELETON_PREFIX}contoh"
"""The name (without suffix) of the skeleton ``rancang init`` writes in each data folder."""

PAGES = ("index", "galeri", "ringkasan", "replikasi", "kesiapan-iid", "peraturan", "kunjungan", "data")
"""The site's pages of ``kb/`` (and ``kb/studi-kasus/index.md``), the same as the bundled example's."""

RECORD_SKELETONS = {"inovasi": INNOVATIONS, "regulasi": REGULATIONS, "kunjungan": VISITS}
"""``rancang new`` kind -> the folder where ``rancang init`` writes its skeleton."""

WHERE = Location("rancang init")


@dataclass(frozen=True)
class NewRegion:
    """The region of a new project, as given on the command line (checked by :func:`region_from_options`)."""

    kind: RegionKind
    name: str
    province: str
    capital: str | None = None

    @property
    def kind_word(self) -> str:
        return "Kota" if self.kind is RegionKind.CITY else "Kabupaten"

    @property
    def option(self) -> str:
        return f"--{self.kind.value}"


def _bundled(relative: str) -> str:
    return resources.files("rancang").joinpath("skeletons", "proyek", *relative.split("/")).read_text(
        encoding="utf-8")


def _one_line(value: str) -> str:
    return " ".join(value.split())


def region_from_options(kota: str | None, kabupaten: str | None, provinsi: str | None,
                        ibu_kota: str | None) -> tuple[NewRegion | None, list[Diagnostic]]:
    """The region the options name, or every problem with them (P448)."""
    problems: list[str] = []
    if kota is not None and kabupaten is not None:
        problems.append("pilih salah satu, --kabupaten NAMA atau --kota NAMA, bukan keduanya")
    elif kota is None and kabupaten is None:
        problems.append("daerahnya belum disebut: tulis --kabupaten NAMA atau --kota NAMA (nama tanpa kata "
                        "'Kabupaten' atau 'Kota', misalnya --kabupaten \"Pangkajene dan Kepulauan\")")
    kind = RegionKind.CITY if kota is not None and kabupaten is None else RegionKind.REGENCY
    name = None
    for option, value, office in (("--kabupaten", kabupaten, "BUPATI"), ("--kota", kota, "WALI KOTA")):
        if value is None:
            continue
        name = _one_line(value)
        match = REGION_KIND_PREFIX.match(name)
        if not name:
            problems.append(f"{option}: nama daerah kosong")
        elif match is not None:
            rest = name[match.end():].strip()
            problems.append(
                f"{option} \"{name}\": nama daerah diawali '{match.group(1)}', padahal kata itu sudah diturunkan dari "
                f"jenis daerahnya (tercetak dua kali, misalnya '{office} {name.upper()}'); tulis {option} "
                f"\"{rest or 'NAMA'}\"")
    province = None
    if provinsi is None:
        problems.append("--provinsi belum diisi: tulis nama provinsi tanpa kata 'Provinsi', misalnya --provinsi "
                        "\"Sulawesi Selatan\"")
    else:
        province = _one_line(provinsi)
        if not province:
            problems.append("--provinsi: nama provinsi kosong")
        elif province.lower().startswith("provinsi "):
            problems.append(f"--provinsi \"{province}\": tulis nama provinsi tanpa kata 'Provinsi': --provinsi "
                            f"\"{province[len('provinsi '):].strip()}\"")
    capital = None
    if ibu_kota is not None:
        capital = _one_line(ibu_kota)
        if not capital:
            problems.append("--ibu-kota: nama ibu kota kosong")
    if problems:
        return None, [Diagnostic("P448", message, WHERE) for message in problems]
    assert name is not None and province is not None
    return NewRegion(kind, name, province, capital), []


def settings_text(region: NewRegion) -> str:
    """``rancang.yaml`` of the new project: the region and the site's title, every other key commented."""
    from rancang.scaffold import fill, yaml_text

    city = region.kind is RegionKind.CITY
    full = f"{region.kind_word} {region.name}"
    head = "Wali Kota" if city else "Bupati"
    if region.capital is not None:
        capital = "  ibu_kota: __IBU_KOTA_NAMA__  ## tempat peraturan ditetapkan dan diundangkan\n"
    elif city:
        capital = ("  ## Tempat penetapan dan pengundangan peraturan bila berbeda dari nama kota:\n"
                   "#   ibu_kota: Nama Tempat\n")
    else:
        capital = ("  ## Ibu kota kabupaten: tempat peraturan ditetapkan dan diundangkan (\"Ditetapkan di ...\"). Isi\n"
                   "  ## sebelum menyusun peraturan; tanpanya tempat itu diisi nama kabupaten (peringatan P452).\n"
                   "#   ibu_kota: Nama Ibu Kota\n")
    spelling = ("## Ejaan jabatan kepala daerah kota: \"Wali Kota\" (bawaan) atau \"Walikota\". Samakan dengan\n"
                "## Peraturan Wali Kota yang sudah ada di daerah Anda (periksa di JDIH daerah).\n"
                "ejaan_jabatan: Wali Kota\n\n") if city else ""
    words = {
        "__IBU_KOTA__\n": capital,
        "__EJAAN__\n": spelling,
        "__JENIS_DAERAH__": region.kind.value,
        "__NAMA_DAERAH__": yaml_text(region.name),
        "__PROVINSI__": yaml_text(region.province),
        "__IBU_KOTA_NAMA__": yaml_text(region.capital or ""),
        "__DAERAH__": full,
        "__KEPALA__": head,
        "__JABATAN_KEPALA__": f"{head} {region.name}",
        "__PERATURAN__": f"Peraturan {head}",
        "__JUDUL__": yaml_text(f"Direktori Inovasi {full}"),
        "__DESKRIPSI__": yaml_text(f"Galeri dan basis data inovasi perangkat daerah Pemerintah {full}."),
    }
    text = _bundled(PROJECT_FILE)
    for block in ("__IBU_KOTA__\n", "__EJAAN__\n"):
        text = text.replace(block, words.pop(block))
    return fill(text, words)


def _settings_of(text: str) -> tuple[Project | None, list[Diagnostic]]:
    from rancang.validation import validate
    from rancang.yamlsource import load_text

    source, problems = load_text(text, PROJECT_FILE)
    if source is None or problems:
        return None, problems
    model, problems = validate(Project, source)
    return (model if not problems else None), problems


def _skeleton_header(kind: str) -> str:
    return (f"## KERANGKA CONTOH. Berkas yang namanya diawali \"{SKELETON_PREFIX}\" bukan data: rancang check tidak "
            "membacanya dan situs\n"
            f"## tidak menerbitkannya. Untuk rekaman baru jalankan \"rancang new {kind} ID\" (kerangka yang sama "
            "dengan\n"
            "## nama berkas yang benar), atau salin berkas ini menjadi ID.yaml lalu isi. Berkas ini boleh dihapus.\n")


def project_files(region: NewRegion) -> dict[str, str]:
    """Every file of the new project: path relative to its folder -> text."""
    from rancang.scaffold import fill, region_words, render_skeleton

    settings_yaml = settings_text(region)
    settings, problems = _settings_of(settings_yaml)
    if settings is None:  # a name the model refuses (the options were checked: this is rare)
        raise RancangError([Diagnostic("P448", d.message, WHERE) for d in problems])
    words = region_words(settings)
    document = {"__JUDUL__": settings.site_title, "__PEMERINTAH__": f"Pemerintah {settings.region_full_name}",
                **words}
    files = {PROJECT_FILE: settings_yaml,
             "README.md": fill(_bundled("README.md"), document),
             ".gitignore": _bundled("gitignore")}
    for page in PAGES:
        files[f"{KB}/{page}.md"] = _bundled(f"kb/{page}.md")
    files[f"{CASE_STUDIES}/index.md"] = _bundled("kb/studi-kasus/index.md")
    files[f"{CASE_STUDIES}/{SKELETON}.md"] = _bundled(f"kb/studi-kasus/{SKELETON}.md")
    files[CATALOGUE_FILE] = _bundled("kb/dasar-hukum.yaml")
    files[AGENCIES_FILE] = fill(_bundled(f"kb/{Path(AGENCIES_FILE).name}"), words)  # only comments: an empty list
    files[IID_FILE] = fill(_bundled(f"kb/{Path(IID_FILE).name}"), words)  # no evidence yet: readiness says what lacks
    for kind, folder in RECORD_SKELETONS.items():
        target = Path("/proyek") / folder / f"{SKELETON}.yaml"  # only its place relative to the root counts
        text = render_skeleton(kind, "<id>", target, Path("/proyek"), name="Nama Inovasi", settings=settings)
        first, _, rest = text.partition("\n")
        files[f"{folder}/{SKELETON}.yaml"] = f"{first}\n{_skeleton_header(kind)}{rest}"
    return files


TOLERATED = (".git", ".gitattributes", ".editorconfig", ".vscode", ".idea", ".hg", ".svn", ".DS_Store")
"""Hidden entries of version control and editors that a folder may hold and still be "empty" for ``rancang
init`` (a user who ran ``git init`` first): none of them is a name the project writes, so nothing is overwritten."""


def _folder_problems(folder: Path) -> list[Diagnostic]:
    shown = Location(display_path(folder))
    if not folder.exists():
        return []
    if not folder.is_dir():
        return [Diagnostic("P447", "sudah ada berkas dengan nama ini; rancang init menulis proyek ke folder baru "
                                   "atau folder kosong", shown)]
    entries = sorted(entry.name for entry in folder.iterdir() if entry.name not in TOLERATED)
    if not entries:
        return []
    if PROJECT_FILE in entries:
        return [Diagnostic("P447", f"folder ini sudah berisi {PROJECT_FILE} (sudah menjadi proyek rancang); "
                                   "rancang init tidak menimpa apa pun: sunting proyek itu, atau pilih folder baru",
                           shown)]
    listed = ", ".join(entries[:5]) + (f", dan {len(entries) - 5} lainnya" if len(entries) > 5 else "")
    return [Diagnostic("P447", f"folder ini tidak kosong (berisi {listed}); rancang init hanya menulis ke folder "
                               "baru atau kosong agar tidak ada berkas yang tertimpa: pilih folder baru (folder "
                               "yang hanya berisi .git dari git init, atau .gitattributes, .editorconfig, .vscode, "
                               "diterima)", shown)]


def init_project(folder: Path, region: NewRegion | None, problems: list[Diagnostic] | None = None) -> dict[str, str]:
    """Write the new project into ``folder`` (a new or empty folder) and return its files; raises every problem
    of the options (``problems``) and of the folder at once, before anything is written."""
    problems = [*(problems or []), *_folder_problems(folder)]
    if problems or region is None:
        raise RancangError(problems)
    files = project_files(region)
    _write(folder, files)
    return files


def _write(folder: Path, files: dict[str, str]) -> None:
    """Write ``files`` into a hidden folder, then move it into place: a failure leaves nothing behind."""
    from rancang.fileio import _REASONS

    folder = Path(os.path.abspath(folder))
    exists = folder.is_dir()
    created: list[Path] = []  # parents of a new folder that did not exist, outermost last
    for parent in folder.parents:
        if parent.exists():
            break
        created.append(parent)
    moved: list[Path] = []
    staging: Path | None = None
    try:
        for parent in reversed(created):
            parent.mkdir()
        base = folder if exists else folder.parent
        staging = base / f".{folder.name}.rancang-init-{secrets.token_hex(4)}"
        staging.mkdir()  # mode 0o777 less the umask: the project's folder gets the user's usual rights
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        if exists:
            for entry in sorted(staging.iterdir()):
                target = folder / entry.name
                os.rename(entry, target)
                moved.append(target)
            staging.rmdir()
        else:
            os.rename(staging, folder)
        staging = None
    except BaseException as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        for target in moved:
            shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)
        for parent in created:
            try:
                parent.rmdir()
            except OSError:
                break
        if isinstance(exc, OSError):
            reason = _REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
            raise RancangError([Diagnostic("P449", f"proyek tidak dapat ditulis: {reason}; tidak ada yang ditulis",
                                           Location(display_path(folder)))]) from None
        raise


def summary(folder: Path, region: NewRegion, files: dict[str, str]) -> list[str]:
    """What ``rancang init`` prints once the project is written."""
    shown = display_path(folder)
    full = f"{region.kind_word} {region.name}"
    skeletons = sorted(path for path in files if Path(path).name.startswith(SKELETON_PREFIX))
    catalogue = sum(1 for line in files[CATALOGUE_FILE].splitlines() if line.startswith("- id:"))
    lines = [
        f"Proyek rancang {full} ({region.province}) ditulis di {shown}/:",
        f"  {PROJECT_FILE}, README.md, .gitignore;",
        f"  halaman situs {KB}/*.md dan {CASE_STUDIES}/index.md (judul dan teksnya dari {PROJECT_FILE});",
        f"  {CATALOGUE_FILE}: {catalogue} peraturan nasional tentang pemerintahan dan inovasi daerah;",
        f"  {AGENCIES_FILE}: daftar perangkat daerah, masih kosong (contoh isiannya sebagai komentar);",
        f"  {IID_FILE}: bukti dukung Indeks Inovasi Daerah tingkat pemerintah daerah, masih kosong;",
        f"  kerangka contoh (tidak diperiksa, tidak diterbitkan): {', '.join(skeletons)}.",
    ]
    if region.kind is RegionKind.REGENCY and region.capital is None:
        lines.append(f"ibu_kota belum diisi: isi daerah.ibu_kota di {PROJECT_FILE} sebelum menyusun peraturan "
                     "(tempat penetapan dan pengundangan).")
    lines.append(f"Langkah berikutnya: cd {shown}, lengkapi {PROJECT_FILE}, lalu rancang check dan rancang build "
                 "(lihat README.md).")
    return lines
