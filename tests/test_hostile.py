"""The hostile-input corpus, run through every command in a real, resource-limited process.

Every case of :data:`CASES` is installed into a copy of a small, valid project
(:data:`BASE`: one innovation, one regulation, one visit) whose outputs were
already built once (the "good previous output"), and each applicable command
(``check``, ``draft``, ``brief``, ``report``, ``build``) is run as
``python -m rancang -C <project> ...`` in a process of its own with a CPU-time and an
address-space limit (``RLIMIT_CPU``, ``RLIMIT_AS``). The processes are forked from a
warm interpreter that has imported rancang already (``warm_rancang.py``): each is a
real process with its own limits, minus half a second of imports. A refused case must

* exit with code 1 within its CPU time and memory (the bombs within a few CPU seconds);
  a busy machine makes a run take longer, never use more CPU, so no bound here is on
  the clock; a run still going after :data:`HANG_GUARD` seconds is reported as a hang;
* print ``path[:line:col]: KODE: message`` lines with one of the expected codes,
  in Indonesian, and never a traceback or an internal error;
* leave the ``_build`` tree byte-identical (nothing written, nothing replaced).

A case that is valid but hostile (Jinja syntax, raw HTML) must succeed, and its
text must reach the DOCX and HTML outputs literally: Jinja is never evaluated,
HTML is escaped and no ``<script>`` from the data is ever executed.

Static fixtures live in ``tests/data/hostile/``: ``<case>.yaml`` is written to
every file a command reads (a new innovation profile, the regulation and the
visit); ``<case>/<format>.yaml`` gives one version per format. The 50 MB file,
binary and non-UTF-8 files and symlinks are made at run time.

A case marked with ``bug=`` is a known defect of rancang (``xfail(strict=True)``).
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from docx_reading import texts
from warm_rancang import Ended, Hang, WarmRancang

DATA = Path(__file__).resolve().parent / "data" / "hostile"

# -- the small valid project ---------------------------------------------------------------

INNOVATION = "kb/inovasi/call-center-112.yaml"
REGULATION = "regulations/perwali-uji.yaml"
VISIT = "visits/kunjungan-uji.yaml"
NEW_INNOVATION = "kb/inovasi/berkas-jahat.yaml"

BASE = {
    "rancang.yaml": """\
daerah:
  jenis: kota
  nama: Parepare
  provinsi: Sulawesi Selatan
pemeriksaan:
  abaikan: [L]
""",
    "kb/perangkat-daerah.yaml": """\
- id: diskominfo
  nama: Dinas Komunikasi dan Informatika
""",
    "kb/dasar-hukum.yaml": """\
- id: uud-1945
  jenis: UUD
  tahun: 1945
  terkonfirmasi: true
""",
    INNOVATION: """\
nama: Call Center 112
ringkasan: Layanan darurat 24 jam.
perangkat_daerah: diskominfo
""",
    REGULATION: """\
tentang: Uji
menimbang: [bahwa perlu diuji]
mengingat: [uud-1945]
batang_tubuh:
  - teks: Peraturan ini berlaku.
""",
    VISIT: """\
peran: tamu
pihak_lain:
  nama: Dinas Kominfo Kota Contoh
tanggal: 2021-06-04
tempat: Ruang Rapat
maksud: Belajar inovasi.
peserta:
  - nama: Andi
    pihak: kita
agenda:
  - waktu: "09.00-10.00"
    kegiatan: Paparan
inovasi: [call-center-112]
pertanyaan_kunci: ["Bagaimana memulai?"]
hasil:
  - judul: Temuan
    uraian: Layanan berjalan baik.
""",
    "kb/index.md": "# Uji\n\n```{toctree}\n:hidden:\n\ngaleri\n```\n",
    "kb/galeri.md": "# Galeri inovasi\n\n```{rancang-galeri}\n```\n",
}

COMMANDS: dict[str, list[str]] = {
    "check": ["check"],
    "draft": ["draft", REGULATION],
    "brief": ["brief", VISIT],
    "report": ["report", VISIT],
    "build": ["build", "--no-pdf"],
}

DOCX = {"draft": "_build/dokumen/perwali-uji.docx", "brief": "_build/dokumen/kunjungan-uji-bahan.docx",
        "report": "_build/dokumen/kunjungan-uji-laporan.docx"}

# Where each format's version of a case goes.
FORMAT_TARGETS = {"inovasi": INNOVATION, "regulasi": REGULATION, "kunjungan": VISIT}
# Where a format-independent case goes: every file some command reads.
GENERIC_TARGETS = (NEW_INNOVATION, REGULATION, VISIT)

ADDRESS_SPACE = 2 * 1024**3
CPU_SECONDS = 60
"""The CPU limit of every run (a case may set a lower one)."""
HANG_GUARD = 300
"""Wall seconds after which a run is taken to hang (the slowest takes a few seconds): a guard, not a bound."""
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8"}


def write_base(root: Path) -> None:
    for rel, text in BASE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@dataclass
class Run:
    code: int | None
    out: str
    err: str
    cpu: float
    """CPU seconds (user + system) the process used."""
    max_rss_kb: int

    @property
    def text(self) -> str:
        return self.out + self.err


def rancang(warm: WarmRancang, root: Path, *args: str, cpu: int = CPU_SECONDS) -> Run:
    """``python -m rancang -C ROOT ARGS`` in ROOT, in a process limited to ``cpu`` CPU seconds and ADDRESS_SPACE."""
    output = root.parent / "keluaran-proses"
    output.mkdir(exist_ok=True)
    try:
        done: Ended = warm.run(root, ["-C", str(root), *args], env={**ENV, "HOME": str(root.parent)}, output=output,
                               cpu_seconds=cpu, address_space=ADDRESS_SPACE, hang_guard=HANG_GUARD)
    except Hang:
        pytest.fail(f"rancang {' '.join(args)} hangs: still running after {HANG_GUARD} s (killed)")
    assert done.signal != signal.SIGXCPU, f"rancang {' '.join(args)} used more than {cpu} s of CPU (stopped)"
    assert done.signal is None, f"rancang {' '.join(args)} ended by signal {done.signal}:\n{done.out}{done.err}"
    return Run(done.code, done.out, done.err, done.cpu, done.max_rss_kb)


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file (and symlink target) under ``folder``."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# -- the cases ------------------------------------------------------------------------------

Install = Callable[[Path, Path], None]
"""(project root, outside folder) -> None: puts the case into the project."""


@dataclass
class Case:
    name: str
    codes: frozenset[str]
    """Codes a refusal may carry; at least one must be printed. Empty: the case is valid (exit 0)."""
    install: Install
    commands: tuple[str, ...] = tuple(COMMANDS)
    bug: dict[str, str] = field(default_factory=dict)
    """Command -> description of a known defect (xfail strict)."""
    cpu: int | None = None
    """CPU seconds the refusal may use at most (the process's CPU limit; otherwise CPU_SECONDS)."""
    shows_target: bool = False
    """The refusal names the symlink's target (outside the project) instead of the path given."""


def _static(name: str) -> Install:
    def install(root: Path, _outside: Path) -> None:
        for rel in GENERIC_TARGETS:
            shutil.copyfile(DATA / name, root / rel)
    return install


def _per_format(folder: str) -> Install:
    def install(root: Path, _outside: Path) -> None:
        for fmt, rel in FORMAT_TARGETS.items():
            shutil.copyfile(DATA / folder / f"{fmt}.yaml", root / rel)
    return install


def _bytes(data: bytes) -> Install:
    def install(root: Path, _outside: Path) -> None:
        for rel in GENERIC_TARGETS:
            (root / rel).write_bytes(data)
    return install


def _huge(root: Path, _outside: Path) -> None:
    """50 MB: a valid start, then a sparse hole (no disk used; refused by size before reading)."""
    for rel in GENERIC_TARGETS:
        with (root / rel).open("wb") as f:
            f.write(b"nama: Call Center 112\nringkasan: |\n  ")
            f.truncate(50 * 1024 * 1024)


def _huge_text(root: Path, _outside: Path) -> None:
    """50 MB of real, repeated YAML text (not sparse), only as a new innovation."""
    line = b"  Layanan darurat 24 jam untuk seluruh warga kota. " * 20 + b"\n"
    with (root / NEW_INNOVATION).open("wb") as f:
        f.write(b"nama: Call Center 112\nringkasan: |\n")
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))


def _random_binary(root: Path, _outside: Path) -> None:
    data = bytes(range(256)) * 64 + os.urandom(4096)
    for rel in GENERIC_TARGETS:
        (root / rel).write_bytes(data)


def _settings(extra: str) -> Install:
    def install(root: Path, _outside: Path) -> None:
        with (root / "rancang.yaml").open("a", encoding="utf-8") as f:
            f.write(extra)
    return install


PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _emblem_symlink(root: Path, outside: Path) -> None:
    image = outside / "lambang-luar.png"
    image.write_bytes(PNG_1X1)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates/lambang.png").symlink_to(image)
    _settings("lambang: templates/lambang.png\n")(root, outside)


def _emblem_folder_symlink(root: Path, outside: Path) -> None:
    (outside / "gambar").mkdir()
    (outside / "gambar/garuda.png").write_bytes(PNG_1X1)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates/gambar").symlink_to(outside / "gambar", target_is_directory=True)
    _settings("lambang: templates/gambar/garuda.png\n")(root, outside)


def _data_symlink(target: str) -> Install:
    def install(root: Path, _outside: Path) -> None:
        (root / "kb/inovasi/link.yaml").symlink_to(target)
    return install


def _replaced_by_symlink(target: str) -> Install:
    """The regulation and the visit themselves are symlinks to a file outside the project."""
    def install(root: Path, _outside: Path) -> None:
        for rel in (REGULATION, VISIT):
            (root / rel).unlink()
            (root / rel).symlink_to(target)
    return install


def _outside_yaml_symlink(root: Path, outside: Path) -> None:
    """A symlink to a perfectly valid profile that lives outside the project."""
    secret = outside / "rahasia.yaml"
    secret.write_text("nama: RAHASIA-DI-LUAR-PROYEK\n", encoding="utf-8")
    (root / "kb/inovasi/rahasia.yaml").symlink_to(secret)


def _folder_symlink(root: Path, outside: Path) -> None:
    """kb/inovasi itself is a symlink to a folder outside the project."""
    (outside / "inovasi").mkdir()
    (outside / "inovasi/rahasia.yaml").write_text("nama: RAHASIA-DI-LUAR-PROYEK\n", encoding="utf-8")
    shutil.copyfile(root / INNOVATION, outside / "inovasi/call-center-112.yaml")
    shutil.rmtree(root / "kb/inovasi")
    (root / "kb/inovasi").symlink_to(outside / "inovasi", target_is_directory=True)




def _no_index(root: Path, _outside: Path) -> None:
    (root / "kb/index.md").unlink()

CASES: list[Case] = [
    # -- YAML syntax and structure -----------------------------------------------------------
    Case("yaml-rusak", frozenset({"Y105"}), _static("yaml-rusak.yaml")),
    Case("tab-indentasi", frozenset({"Y105", "Y106"}), _static("tab-dan-kutip.yaml")),
    Case("dua-dokumen", frozenset({"Y111"}), _static("dua-dokumen.yaml")),
    Case("kunci-ganda", frozenset({"Y107"}), _static("kunci-ganda.yaml")),
    Case("kunci-gabung", frozenset({"Y114"}), _static("kunci-gabung.yaml")),
    # -- wrong types -----------------------------------------------------------------------------
    Case("bukan-pemetaan", frozenset({"S203"}), _static("bukan-pemetaan.yaml")),
    Case("jenis-salah", frozenset({"S203", "S204", "S205", "S206"}), _per_format("jenis-salah")),
    # -- bombs -----------------------------------------------------------------------------------
    Case("bersarang-daftar", frozenset({"Y109"}), _static("bersarang-daftar.yaml"), cpu=10),
    Case("bersarang-pemetaan", frozenset({"Y109"}), _static("bersarang-pemetaan.yaml"), cpu=10),
    Case("bersarang-100000", frozenset({"Y109"}),
         _bytes(b"nama: Call Center 112\ntag: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"), cpu=10),
    Case("bom-alias-daftar", frozenset({"Y109"}), _static("bom-alias.yaml"), cpu=10),
    Case("bom-alias-pemetaan", frozenset({"Y109"}), _static("bom-alias-pemetaan.yaml"), cpu=10),
    Case("50-mb-jarang", frozenset({"Y104"}), _huge, cpu=5),
    Case("50-mb-teks", frozenset({"Y104"}), _huge_text, commands=("check", "brief", "build"), cpu=5),
    # -- binary and other encodings --------------------------------------------------------------
    Case("biner-png", frozenset({"Y103"}), _bytes(PNG_1X1)),
    Case("biner-acak", frozenset({"Y102", "Y103"}), _random_binary),
    Case("utf-16", frozenset({"Y102"}), _bytes(b"\xff\xfe" + "nama: Call Center 112\n".encode("utf-16-le"))),
    Case("latin-1", frozenset({"Y102"}), _bytes(b"nama: Caf\xe9 112\n")),
    Case("utf-8-terpotong", frozenset({"Y102"}), _bytes("nama: Kota ".encode() + "é".encode()[:1] + b"\n")),
    # -- code execution ----------------------------------------------------------------------------
    Case("tag-python", frozenset({"Y108"}), _static("tag-python.yaml")),
    # -- characters Word rejects -----------------------------------------------------------------
    Case("karakter-kendali-xml", frozenset({"Y112"}), _static("karakter-kendali-xml.yaml")),
    Case("karakter-kendali-mentah", frozenset({"Y112"}),
         _bytes(b"nama: Call Center\x07 112\nringkasan: teks\x1b[31m merah\n")),
    # -- paths that leave the project ------------------------------------------------------------
    Case("lambang-keluar", frozenset({"P402"}), _settings("lambang: ../../etc/passwd\n")),
    Case("lambang-mutlak", frozenset({"P402"}), _settings("lambang: /etc/passwd\n")),
    Case("lambang-mutlak-png", frozenset({"P402"}), _settings("lambang: /usr/share/pixmaps/debian-logo.png\n")),
    Case("lambang-tautan-simbolik", frozenset({"P402"}), _emblem_symlink),
    Case("lambang-folder-tautan", frozenset({"P402"}), _emblem_folder_symlink),
    Case("tautan-etc-passwd", frozenset({"P402", "Y101", "P404"}), _data_symlink("/etc/passwd"),
         commands=("check", "brief", "report", "build")),
    Case("tautan-yaml-di-luar", frozenset({"P402", "Y101", "P404"}), _outside_yaml_symlink,
         commands=("check", "brief", "report", "build")),
    Case("tautan-folder-di-luar", frozenset({"P402", "Y101", "P404"}), _folder_symlink,
         commands=("check", "brief", "report", "build")),
    # Refused (P404, exit 1, nothing written), but the location printed is the resolved target
    # ("/etc/passwd: P404: bukan berkas rancangan peraturan"), not the path the user typed.
    Case("berkas-perintah-tautan", frozenset({"P402", "P404", "Y101"}), _replaced_by_symlink("/etc/passwd"),
         commands=("draft", "brief", "report"), shows_target=True),
    # -- a project file the site needs is missing --------------------------------------------------
    Case("indeks-situs-hilang", frozenset({"P408", "P401"}), _no_index, commands=("build",)),
    # -- valid but hostile: must come out literally ------------------------------------------------
    Case("jinja", frozenset(), _per_format("jinja")),
    Case("html-mentah", frozenset(), _per_format("html")),
]

BY_NAME = {case.name: case for case in CASES}
RAN: dict[tuple[str, str], float] = {}
"""(case, command) -> CPU seconds, for the summary test."""

CODE_LINE = re.compile(r"^(?P<berkas>\S[^:]*?)(?::(?P<baris>\d+):(?P<kolom>\d+))?: (?P<kode>[YSRPL]\d{3}): "
                       r"(?P<pesan>.+)$", re.MULTILINE)
SUMMARY_ROW = re.compile(r"^  +\d+  (\S.*)$")
"""A row of the summary that ends a long report: a count, then a code and its title, or a file."""
PROGRESS_LINE = re.compile(r"(?:Selesai dalam|Berhenti setelah) .+"
                           r"|[A-Z][a-z]+(?: [a-z]+)*(?: \([\d.]+ [a-z]+\))? \.\.\."
                           r"|[A-Z][a-z]+(?: [a-z]+)*: (?:selesai|[\d.]+ dari [\d.]+ [a-z]+)(?:,? .+)? dalam .+"
                           r"(?:detik|menit)\.")
"""The phases of a long command in a log (rancang.terminal) and its closing line with the time taken."""
ENGLISH = re.compile(r"\b(expected|found|could not|cannot|error|invalid|not allowed|unexpected|character|"
                     r"scanning|parsing|stream|should|must|permission|denied|no such file)\b", re.IGNORECASE)


def _params() -> list:
    out = []
    for case in CASES:
        for command in case.commands:
            reason = case.bug.get(command)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(case.name, command, id=f"{case.name}-{command}", marks=marks))
    return out


pytestmark = pytest.mark.slow  # about 160 processes


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """The server that forks each run from an interpreter with rancang imported (see warm_rancang.py)."""
    with WarmRancang({**ENV, "HOME": str(tmp_path_factory.mktemp("rumah"))}) as server:
        yield server


@pytest.fixture(scope="module")
def built_base(tmp_path_factory, warm) -> Path:
    """The valid project with all its outputs built once: the good previous output."""
    root = tmp_path_factory.mktemp("basis") / "proyek"
    write_base(root)
    done = rancang(warm, root, "build", "--no-pdf")
    assert done.code == 0, done.text
    for rel in DOCX.values():
        assert (root / rel).is_file(), rel
    assert (root / "_build/html/kb/inovasi/call-center-112.html").is_file()
    return root


@pytest.fixture
def project(built_base, tmp_path) -> tuple[Path, Path]:
    root = tmp_path / "proyek"
    shutil.copytree(built_base, root, symlinks=True)
    outside = tmp_path / "di-luar-proyek"
    outside.mkdir()
    return root, outside


# -- the corpus through every command ----------------------------------------------------------


def test_corpus_files_are_all_used():
    used = set()
    for path in DATA.rglob("*.yaml"):
        rel = path.relative_to(DATA)
        used.add(rel.parts[0] if len(rel.parts) > 1 else rel.name)
    named = {"yaml-rusak.yaml", "tab-dan-kutip.yaml", "dua-dokumen.yaml", "kunci-ganda.yaml", "kunci-gabung.yaml",
             "bukan-pemetaan.yaml", "jenis-salah", "bersarang-daftar.yaml", "bersarang-pemetaan.yaml",
             "bom-alias.yaml", "bom-alias-pemetaan.yaml", "tag-python.yaml", "karakter-kendali-xml.yaml",
             "jinja", "html"}
    assert used == named
    assert len(CASES) >= 30


@pytest.mark.parametrize(("name", "command"), _params())
def test_hostile_case(name, command, project, warm):
    case = BY_NAME[name]
    root, outside = project
    case.install(root, outside)
    before = tree_digest(root / "_build")
    done = rancang(warm, root, *COMMANDS[command], cpu=case.cpu or CPU_SECONDS)  # fails beyond its CPU limit
    RAN[(name, command)] = done.cpu

    assert "Traceback" not in done.text, done.text
    assert "galat internal" not in done.text, done.text
    if case.cpu is not None:
        assert done.cpu < case.cpu, f"{done.cpu:.1f} s CPU"
    assert not (root / "TERETAS").exists() and not (root.parent / "TERETAS").exists()
    assert "RAHASIA-DI-LUAR-PROYEK" not in done.text
    assert "root:x:0:0" not in done.text

    if not case.codes:
        assert done.code == 0, done.text
        check_literal_output(name, command, root)
        return

    assert done.code == 1, done.text
    found = CODE_LINE.findall(done.text)
    assert found, done.text
    codes = {kode for _b, _l, _c, kode, _p in found}
    assert codes & case.codes, f"expected one of {sorted(case.codes)}, got {sorted(codes)}:\n{done.text}"
    for berkas, _line, _col, _kode, pesan in found:
        assert not ENGLISH.search(re.sub(r"'[^']*'", "''", pesan)), pesan
        if not case.shows_target:
            assert not Path(berkas).is_absolute() or berkas.startswith(str(root)), f"outside the project: {berkas}"
    # Every line is a diagnostic, a row of the summary per code and per file (more than 20 findings), or one of
    # the Indonesian closing lines.
    for line in done.text.splitlines():
        row = SUMMARY_ROW.match(line)
        if row and not case.shows_target and not re.fullmatch(r"[YSRPL]\d{3}  .+", row.group(1)):
            assert not Path(row.group(1)).is_absolute() or row.group(1).startswith(str(root)), line
        assert CODE_LINE.match(line) or row or PROGRESS_LINE.fullmatch(line) or line.startswith(
            ("Diperiksa: ", "Ditemukan ", "Pembangunan dihentikan", "Ringkasan ", "Menurut berkas:")), line
    assert tree_digest(root / "_build") == before, "a refused run changed the outputs"


# -- valid but hostile text: printed literally --------------------------------------------------

JINJA_LITERALS = {
    "draft": ["Uji {{ 7 * 191 }}".upper(), "bahwa {% for x in range(3) %}ULANG{% endfor %} perlu diuji",
              "Peraturan ini berlaku {{ lambang }} {{ isi }} {# komentar #}."],
    "brief": ["Dinas {{ 7 * 191 }}", "Ruang {% for x in range(3) %}ULANG{% endfor %}",
              "Belajar {{ config.items() }} {# komentar #}.", "Paparan {{ kop_jabatan }}",
              "Bagaimana {{ 7 * 191 }}?", "Call Center {{ 7 * 191 }}",
              "Layanan {% for x in range(3) %}ULANG{% endfor %} darurat {{ config.items() }} dan {# komentar #}."],
    "report": ["Dinas {{ 7 * 191 }}", "Temuan {% if true %}YA{% endif %}"],
}
HTML_LITERALS = {
    "draft": ['Uji <script>alert("xss-tentang")</script>'.upper(), "bahwa <b>perlu</b> diuji",
              "Peraturan ini berlaku <img src=x onerror=\"alert('xss-teks')\">."],
    "brief": ['Dinas <script>alert("xss-pihak")</script>', "Ruang <b>Rapat</b>",
              "Belajar <img src=x onerror=\"alert('xss-maksud')\">.", "Call Center 112 <b>tebal</b>"],
    "report": ['Layanan <script>alert("xss-hasil")</script> berjalan baik.'],
}


def _in_docx(lines: list[str], expected: str) -> bool:
    return any(expected in line for line in lines)


def _page_texts(page: str) -> str:
    """The visible text of an HTML page, entities decoded (scripts and styles of the theme removed)."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def check_literal_output(name: str, command: str, root: Path) -> None:
    literals = JINJA_LITERALS if name == "jinja" else HTML_LITERALS
    if command in DOCX:
        lines = texts((root / DOCX[command]).read_bytes())
        joined = "\n".join(lines)
        for expected in literals[command]:
            assert _in_docx(lines, expected), f"{expected!r} not in {DOCX[command]}:\n{joined}"
        assert "1337" not in joined and "ULANGULANG" not in joined
    if command != "build":
        return
    pages = {p.relative_to(root / "_build/html").as_posix(): p.read_text(encoding="utf-8")
             for p in (root / "_build/html").rglob("*.html")}
    profile = pages["kb/inovasi/call-center-112.html"]
    regulation = pages["regulations/perwali-uji.html"]
    if name == "jinja":
        assert "Call Center {{ 7 * 191 }}" in html.unescape(profile)
        assert "{% for x in range(3) %}ULANG{% endfor %}" in html.unescape(profile)
        assert "Uji {{ 7 * 191 }}" in html.unescape(regulation).replace("UJI", "Uji")
        for page in pages.values():
            assert "1337" not in page and "ULANGULANG" not in page
        return
    # Raw HTML in the data: escaped wherever it appears, never an element of the page.
    for rel, page in pages.items():
        for marker in ("xss-ringkasan", "xss-img", "xss-iframe", "xss-tautan", "xss-div", "xss-tag",
                       "xss-tentang", "xss-teks"):
            for tag in re.findall(r"<[a-zA-Z][^<>]*" + marker + r"[^<>]*>", page):
                assert False, f"{rel}: raw element from the data: {tag}"
            assert f"javascript:alert('{marker}')" not in re.findall(r'href="([^"]*)"', page), rel
        assert '<script>alert("xss' not in page, rel
        assert "<style>body { display: none }</style>" not in page, rel
        assert "<b>tebal</b>" not in page, rel
    visible = _page_texts(profile)
    assert 'Layanan darurat <script>alert("xss-ringkasan")</script> 24 jam.' in " ".join(visible.split())
    assert "Call Center 112 <b>tebal</b>" in visible
    assert 'Uji <script>alert("xss-tentang")</script>' in _page_texts(regulation).replace("UJI", "Uji")


# -- the summary ---------------------------------------------------------------------------------


def test_summary_every_case_ran_through_every_applicable_command(request):
    selected = [item for item in request.session.items
                if getattr(item, "originalname", None) == "test_hostile_case"]
    if not selected:
        pytest.skip("no hostile case selected")
    ran = {(item.callspec.params["name"], item.callspec.params["command"]) for item in selected}
    assert set(RAN) == ran
    per_command = {command: sum(1 for (_n, c) in RAN if c == command) for command in COMMANDS}
    if len(selected) == len(_params()):
        assert len(RAN) >= 140
        assert all(per_command[c] >= 25 for c in COMMANDS), per_command
    slowest = max(RAN.values())
    assert slowest < CPU_SECONDS
    print(f"\n{len({n for n, _c in RAN})} kasus x perintah = {len(RAN)} proses; per perintah {per_command}; "
          f"terlama {slowest:.1f} s CPU, total {sum(RAN.values()):.1f} s CPU")
