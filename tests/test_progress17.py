"""Issue 17, item 5: long work shows how far it is, as a user sees it.

``rancang build``, ``rancang serve`` (each rebuild) and the importers report their phases on standard error:
on a terminal (here a pseudo-terminal) one line redrawn in place with the count done of the total, the time
since the start and an estimate; in a log (a pipe) a line when each phase starts and ends, with no carriage
return and no escape code. Every command ends with ``Selesai dalam …: …`` (an Indonesian decimal comma).
No test asserts a duration: only that it is written, in the Indonesian form.
"""

from __future__ import annotations

import fcntl
import os
import queue
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from support import REPO, copy_example

GUARD = 600
"""Wall seconds after which a command is taken to hang: a guard, not a bound."""

SUMMARY = re.compile(r"^Selesai dalam (\d+,\d detik|\d+ menit( \d+ detik)?|\d+ jam \d+ menit): (.+)$", re.M)


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "RANCANG_DEBUG"}
    env.update(extra)
    return env


def rancang_in_log(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``rancang ARGS`` with its output going to pipes, as in a CI log."""
    return subprocess.run([sys.executable, "-m", "rancang", "-C", str(root), *args], capture_output=True,
                          text=True, encoding="utf-8", env=environment(**env), timeout=GUARD, cwd=root)


def rancang_on_terminal(root: Path, *args: str) -> tuple[int, str]:
    """``rancang ARGS`` on a pseudo-terminal of 120 columns: (exit code, everything the terminal received)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "rancang", "-C", str(root), *args], stdin=slave,
                               stdout=slave, stderr=slave, env=environment(), close_fds=True, cwd=root)
    os.close(slave)
    received = bytearray()
    deadline = time.monotonic() + GUARD
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the terminal's other side is closed, the command is over
                    break
                if not data:
                    break
                received += data
            elif process.poll() is not None:
                break
        code = process.wait(timeout=GUARD)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    return code, received.decode("utf-8")


def phase_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not SUMMARY.match(line)]


# -- rancang build ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_in_log(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    root = copy_example(tmp_path_factory.mktemp("log") / "proyek")
    return root, rancang_in_log(root, "build", "--no-pdf")


def test_build_in_a_log_writes_a_line_when_each_phase_starts_and_ends(example_in_log):
    _root, done = example_in_log
    assert done.returncode == 0, done.stdout + done.stderr
    lines = phase_lines(done.stderr)
    starts = [line for line in lines if line.endswith(" ...")]
    assert [line.split(" (")[0].removesuffix(" ...") for line in starts] == [
        "Memeriksa data", "Menulis dokumen", "Menyiapkan situs", "Membaca halaman situs",
        "Menyiapkan penulisan situs", "Menulis halaman situs", "Membuat galeri", "Membuat data terbuka",
        "Membuat indeks pencarian"]
    # every phase that starts ends, in the same order, with its time in Indonesian
    ends = [line for line in lines if not line.endswith(" ...")]
    assert len(ends) == len(starts) == len(lines) / 2
    for start, end in zip(starts, ends):
        assert end.startswith(start.split(" (")[0].removesuffix(" ...") + ": "), (start, end)
        assert re.search(r"dalam \d+,\d detik\.$", end), end


def test_build_in_a_log_counts_the_pages_read_and_written(example_in_log):
    root, done = example_in_log
    read = re.search(r"^Membaca halaman situs \(([\d.]+) halaman\) \.\.\.$", done.stderr, re.M)
    assert read, done.stderr
    total = read.group(1)
    # the example: its pages under kb/ and one page per profile and per regulation, all read on a first build
    sources = [*(root / "kb").rglob("*.md"), *(root / "kb" / "inovasi").glob("*.yaml"),
               *(root / "regulations").glob("*.yaml")]
    assert int(total.replace(".", "")) == len(sources)
    assert f"Membaca halaman situs: selesai, {total} halaman dalam " in done.stderr
    assert f"Menulis halaman situs ({total} halaman) ..." in done.stderr
    assert f"Menulis halaman situs: selesai, {total} halaman dalam " in done.stderr
    gallery = re.search(r"^Membuat galeri: selesai, (\d+) halaman dalam ", done.stderr, re.M)
    assert gallery and int(gallery.group(1)) > 0, done.stderr


def test_build_in_a_log_has_no_carriage_return_and_no_escape_code(example_in_log):
    _root, done = example_in_log
    for stream in (done.stdout, done.stderr):
        assert "\r" not in stream
        assert "\x1b" not in stream


def test_build_ends_with_one_summary_line_with_its_time(example_in_log):
    _root, done = example_in_log
    assert done.stderr.splitlines()[-1] == SUMMARY.search(done.stderr).group(0)
    warnings = re.search(r"^Ditemukan 0 galat dan (\d+) peringatan\.$", done.stdout, re.M).group(1)
    documents = done.stdout.count("\nDitulis: _build/dokumen/")
    assert documents == 4
    assert SUMMARY.search(done.stderr).group(3) == f"situs dibangun, {documents} dokumen ditulis, {warnings} peringatan."
    # what the build printed as its result stays on standard output, untouched
    assert done.stdout.splitlines()[-1].startswith("Situs: _build/html/index.html (")
    assert "Selesai dalam" not in done.stdout


def test_build_again_says_nothing_changed(example_in_log):
    root, _done = example_in_log
    again = rancang_in_log(root, "build", "--no-pdf")
    assert again.returncode == 0
    assert SUMMARY.search(again.stderr).group(3) == "tidak ada yang berubah; keluaran tetap."


def test_a_refused_build_says_it_stopped_and_after_how_long(tmp_path):
    root = copy_example(tmp_path / "proyek")
    profile = root / "kb" / "inovasi" / "kantong-kreatif.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("nama:", "nama_salah:", 1), encoding="utf-8")
    done = rancang_in_log(root, "build", "--no-pdf")
    assert done.returncode == 1
    last = done.stderr.splitlines()[-1]
    assert re.fullmatch(r"Berhenti setelah \d+,\d detik: \d+ galat(, \d+ peringatan)?; keluaran yang sudah ada "
                        r"tidak diganti\.", last), done.stderr
    assert "Membaca halaman situs" not in done.stderr  # nothing was built


def test_json_output_stays_pure_json(tmp_path):
    import json

    root = copy_example(tmp_path / "proyek")
    done = rancang_in_log(root, "build", "--no-pdf", "--format", "json")
    assert done.returncode == 0
    json.loads(done.stdout)
    assert SUMMARY.search(done.stderr)


def test_build_on_a_terminal_redraws_one_line_with_counts_and_time(tmp_path):
    root = copy_example(tmp_path / "proyek")
    code, screen = rancang_on_terminal(root, "build", "--no-pdf")
    assert code == 0, screen
    frames = [frame.strip() for frame in re.split(r"[\r\n]", screen) if frame.strip()]
    # the line is drawn at once when a phase starts, with the count done of the total and the time so far
    assert any(re.fullmatch(r"Membaca halaman situs: \d+ dari \d+ halaman \(\d+%\), \d+:\d\d berlalu.*", f)
               for f in frames), frames
    assert any(re.fullmatch(r"Menulis halaman situs: \d+ dari \d+ halaman \(\d+%\), \d+:\d\d berlalu.*", f)
               for f in frames), frames
    files = len(example_data_files(root))
    assert any(re.fullmatch(rf"Memeriksa data: \d+ dari {files} berkas \(\d+%\), \d+:\d\d berlalu.*", f)
               for f in frames), frames
    assert any(re.fullmatch(r"Menulis dokumen: \d dari 4 dokumen \(\d+%\), \d+:\d\d berlalu.*", f)
               for f in frames), frames
    # redrawn in place: carriage returns, no newline per update, no escape code; the log lines are not there
    assert "\r" in screen
    assert "\x1b" not in screen
    assert "Membaca halaman situs (" not in screen
    assert re.search(r"^Selesai dalam \d+,\d detik: situs dibangun, 4 dokumen ditulis(, \d+ peringatan)?\.\r?$",
                     screen, re.M), screen
    # the live line is erased before the result is printed: the result lines start clean
    assert re.search(r"^Situs: _build/html/index\.html \(", screen, re.M), screen


def test_parallel_build_counts_every_page_written_by_the_workers(tmp_path):
    """200 pages and more are read and written by Sphinx's forked workers: each page they write is counted."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import corpus
    finally:
        sys.path.remove(str(REPO / "bench"))
    root = tmp_path / "korpus"
    corpus.make_project(root, 210)
    done = rancang_in_log(root, "build", "--no-pdf", RANCANG_PROSES="2")
    assert done.returncode == 0, done.stderr
    total = re.search(r"^Menulis halaman situs \(([\d.]+) halaman\) \.\.\.$", done.stderr, re.M).group(1)
    assert int(total.replace(".", "")) > 210
    assert f"Menulis halaman situs: selesai, {total} halaman dalam " in done.stderr
    assert f"Membaca halaman situs: selesai, {total} halaman dalam " in done.stderr


# -- counts while checking and writing documents ---------------------------------------------------------------


def example_data_files(root: Path) -> list[Path]:
    """The data files of a copy of the example, found here independently of rancang's loader (skeletons, whose
    names start with '_', are not data)."""
    files = [root / "rancang.yaml", root / "kb" / "perangkat-daerah.yaml", root / "kb" / "dasar-hukum.yaml",
             root / "kb" / "iid.yaml"]
    for folder in (root / "kb" / "inovasi", root / "regulations", root / "visits"):
        files.extend(path for path in folder.glob("*.yaml") if not path.name.startswith("_"))
    return [path for path in files if path.is_file()]


def test_build_in_a_log_counts_the_files_checked_and_the_documents_written(example_in_log):
    root, done = example_in_log
    files = len(example_data_files(root))
    assert files > 5
    assert f"Memeriksa data ({files} berkas) ..." in done.stderr.splitlines(), done.stderr
    assert re.search(rf"^Memeriksa data: selesai, {files} berkas dalam \d+,\d detik\.$", done.stderr, re.M)
    documents = sorted(path.name for path in (root / "_build" / "dokumen").glob("*.docx"))
    assert len(documents) == 4, documents  # the Perwali, the Keputusan, the visit's brief and its report
    assert "Menulis dokumen (4 dokumen) ..." in done.stderr.splitlines(), done.stderr
    assert re.search(r"^Menulis dokumen: selesai, 4 dokumen dalam \d+,\d detik\.$", done.stderr, re.M)
    assert "Membuat PDF" not in done.stderr  # --no-pdf


def test_a_build_from_the_record_cache_counts_every_file_too(tmp_path):
    """The second build takes unchanged records from _build/.cache/: they are counted like the ones read."""
    root = copy_example(tmp_path / "proyek")
    assert rancang_in_log(root, "build", "--no-pdf").returncode == 0
    assert any((root / "_build" / ".cache" / "rekaman").glob("*.pickle"))
    profile = root / "kb" / "inovasi" / "kantong-kreatif.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# disunting\n", encoding="utf-8")
    again = rancang_in_log(root, "build", "--no-pdf")
    assert again.returncode == 0, again.stderr
    files = len(example_data_files(root))
    assert f"Memeriksa data ({files} berkas) ..." in again.stderr.splitlines(), again.stderr
    assert re.search(rf"^Memeriksa data: selesai, {files} berkas dalam ", again.stderr, re.M), again.stderr


class Recorded:
    """A :class:`rancang.progress.Progress` that keeps what it was told."""

    def __init__(self) -> None:
        self.phases: list[tuple[str, int | None, str]] = []
        self.done: dict[str, int] = {}

    def phase(self, name: str, total: int | None = None, unit: str = "") -> None:
        self.phases.append((name, total, unit))
        self.done[name] = 0

    def advance(self, count: int = 1) -> None:
        self.done[self.phases[-1][0]] += count

    def end(self) -> None:
        pass


def test_the_record_cache_is_read_inside_the_counted_phase(tmp_path, monkeypatch):
    """`rancang build` opens the cache lazily: reading it (a second or more at 10,000 profiles) happens after
    the phase has started with its total, and every file from the cache is a unit of it."""
    from rancang.check import check_project
    from rancang.record_cache import RecordCache

    root = copy_example(tmp_path / "proyek")
    monkeypatch.chdir(root)
    first = RecordCache.open(root)
    check_project(root, cache=first)
    first.save()
    cache = RecordCache.open(root, lazy=True)
    assert cache.pending and not cache.entries
    recorded = Recorded()
    check_project(root, cache=cache, progress=recorded)
    files = len(example_data_files(root))
    assert recorded.phases == [("Memeriksa data", files, "berkas")]
    assert recorded.done["Memeriksa data"] == files
    assert cache.hits == len(list((root / "kb" / "inovasi").glob("*.yaml"))) + 3  # profiles, the Perwali and the Keputusan, visit


def test_documents_written_by_worker_processes_are_each_counted(tmp_path, monkeypatch):
    """From 8 documents on they are rendered in forked workers; the count moves as each is written here."""
    from rancang.check import check_project
    from rancang.documents import Job, document_workers, make_documents

    root = copy_example(tmp_path / "proyek")
    monkeypatch.chdir(root)
    checked = check_project(root)
    jobs = [Job("regulation", "perwali-inovasi-daerah", tmp_path / "keluar" / f"salinan-{n}.docx") for n in range(9)]
    jobs.append(Job("brief", "dprd-pangkep-2021", tmp_path / "keluar" / "bahan.docx"))
    recorded = Recorded()
    recorded.phase("Menulis dokumen", len(jobs), "dokumen")
    written = make_documents(root, checked, jobs, recorded)
    assert len(written) == len(jobs) and all(path.is_file() for path in written)
    assert recorded.done["Menulis dokumen"] == len(jobs)
    assert document_workers(len(jobs)) > 1 or os.cpu_count() == 1


def fake_soffice(folder: Path, body: str) -> Path:
    """A stand-in for LibreOffice (``RANCANG_SOFFICE``): a shell script that writes a PDF per DOCX given."""
    script = folder / "soffice-palsu"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(0o755)
    return script


WRITE_PDFS = """while [ "$1" != "--outdir" ]; do shift; done
out="$2"; shift 2
for f in "$@"; do n=$(basename "$f" .docx); printf '%%PDF-1.4 %s' "$n" > "$out/$n.pdf"; done
"""


def test_build_with_pdf_counts_the_pdfs_in_their_own_phase(tmp_path):
    root = copy_example(tmp_path / "proyek")
    done = rancang_in_log(root, "build", RANCANG_SOFFICE=str(fake_soffice(tmp_path, WRITE_PDFS)))
    assert done.returncode == 0, done.stderr
    pdfs = list((root / "_build" / "dokumen").glob("*.pdf"))
    assert len(pdfs) == 4
    lines = done.stderr.splitlines()
    assert lines.index("Menulis dokumen (4 dokumen) ...") < lines.index("Membuat PDF (4 PDF) ...") < \
        lines.index("Menyiapkan situs ...")
    assert re.search(r"^Membuat PDF: selesai, 4 PDF dalam \d+,\d detik\.$", done.stderr, re.M), done.stderr


def test_the_pdfs_are_counted_while_libreoffice_still_runs(tmp_path, monkeypatch):
    """LibreOffice converts every DOCX in one run: the count moves as its PDFs appear, not only at the end.
    The stand-in writes the first PDF, then waits until the count of one has been reported (it gives up after
    a minute, which would fail the test)."""
    from rancang.render.pdf import convert_to_pdf

    sources = []
    for name in ("satu", "dua", "tiga"):
        path = tmp_path / "sumber" / f"{name}.docx"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"PK")  # the stand-in does not read it
        sources.append(path)
    seen = tmp_path / "terhitung"
    script = fake_soffice(tmp_path, f"""while [ "$1" != "--outdir" ]; do shift; done
out="$2"; shift 2
printf '%%PDF-1.4' > "$out/satu.pdf"
n=0; while [ ! -f {seen} ] && [ $n -lt 600 ]; do sleep 0.1; n=$((n+1)); done
printf '%%PDF-1.4' > "$out/dua.pdf"; printf '%%PDF-1.4' > "$out/tiga.pdf"
""")
    reported: list[int] = []

    def made(count: int) -> None:
        reported.append(count)
        seen.touch()

    monkeypatch.setenv("RANCANG_SOFFICE", str(script))
    pdfs = convert_to_pdf(sources, tmp_path / "keluar", made=made)
    assert len(pdfs) == 3
    assert reported[0] == 1  # reported while the stand-in was still waiting for it
    assert reported == sorted(reported) and reported[-1] <= 3


# -- rancang check ---------------------------------------------------------------------------------------------


def test_check_on_a_terminal_counts_the_files_and_leaves_the_report_clean(tmp_path):
    root = copy_example(tmp_path / "proyek")
    code, screen = rancang_on_terminal(root, "check")
    assert code == 0, screen
    files = len(example_data_files(root))
    frames = [frame.strip() for frame in re.split(r"[\r\n]", screen) if frame.strip()]
    assert any(re.fullmatch(rf"Memeriksa data: \d+ dari {files} berkas \(\d+%\), \d+:\d\d berlalu.*", f)
               for f in frames), frames
    assert "\x1b" not in screen
    # the live line is blanked before the report: what remains on the screen is the report `check` prints in a
    # log, line for line (each screen line as shown: what follows its last carriage return)
    in_log = rancang_in_log(root, "check")
    assert in_log.stdout.splitlines()[-1].startswith("Ditemukan ")
    shown = [line.rstrip("\r").rpartition("\r")[2].rstrip() for line in screen.split("\n")]
    assert [line for line in shown if line] == in_log.stdout.splitlines(), screen


def test_check_in_a_log_or_as_json_prints_only_its_report(tmp_path):
    import json

    root = copy_example(tmp_path / "proyek")
    done = rancang_in_log(root, "check")
    assert done.stderr == ""
    assert "Memeriksa data" not in done.stdout and "\r" not in done.stdout
    as_json = rancang_in_log(root, "check", "--format", "json")
    assert as_json.stderr == ""
    json.loads(as_json.stdout)


# -- the importers ---------------------------------------------------------------------------------------------


def empty_project(root: Path) -> Path:
    (root / "kb" / "inovasi").mkdir(parents=True)
    shutil.copy2(REPO / "rancang.yaml", root / "rancang.yaml")
    for name in ("perangkat-daerah.yaml", "dasar-hukum.yaml"):
        shutil.copy2(REPO / "kb" / name, root / "kb" / name)
    return root


def test_impor_inovasi_in_a_log_counts_rows_and_profiles(tmp_path):
    root = empty_project(tmp_path / "proyek")
    source = REPO / "tests" / "fixtures" / "impor_inovasi" / "iid-utf8.csv"
    done = rancang_in_log(root, "impor", "inovasi", str(source))
    assert done.returncode == 0, done.stderr
    written = sorted((root / "kb" / "inovasi").glob("*.yaml"))
    assert written
    rows = re.search(r"^Mengubah baris menjadi profil \((\d+) baris\) \.\.\.$", done.stderr, re.M)
    assert rows, done.stderr
    assert f"Mengubah baris menjadi profil: selesai, {rows.group(1)} baris dalam " in done.stderr
    assert f"Menulis profil ({len(written)} profil) ..." in done.stderr
    assert f"Menulis profil: selesai, {len(written)} profil dalam " in done.stderr
    assert SUMMARY.search(done.stderr).group(3) == \
        f"{rows.group(1)} baris dibaca; {len(written)} profil baru, 0 diperbarui, 0 sama."
    assert "\r" not in done.stderr and "\x1b" not in done.stderr


def test_impor_inovasi_coba_says_nothing_was_written(tmp_path):
    root = empty_project(tmp_path / "proyek")
    source = REPO / "tests" / "fixtures" / "impor_inovasi" / "iid-utf8.csv"
    done = rancang_in_log(root, "impor", "inovasi", str(source), "--coba")
    assert done.returncode == 0, done.stderr
    assert SUMMARY.search(done.stderr).group(3).endswith("baris dibaca; tidak ada berkas yang ditulis (--coba).")
    assert "Menulis profil" not in done.stderr


def test_impor_peraturan_in_a_log_shows_its_phases_and_summary(tmp_path):
    root = copy_example(tmp_path / "proyek")
    source = REPO / "tests" / "fixtures" / "impor" / "perwali-bab-bagian.clean.txt"
    done = rancang_in_log(root, "impor", "peraturan", str(source), "-o", str(root / "regulations" / "uji.yaml"))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    for start in ("Membaca naskah ...", "Membandingkan dengan rancang draft ...", "Menulis dan memeriksa hasil ..."):
        assert start in lines, done.stderr
    parsed = re.search(r"^Mengurai naskah \(([\d.]+) baris\) \.\.\.$", done.stderr, re.M)
    assert parsed and int(parsed.group(1).replace(".", "")) > 10, done.stderr
    assert f"Mengurai naskah: selesai, {parsed.group(1)} baris dalam " in done.stderr
    assert SUMMARY.search(done.stderr).group(3) == "regulations/uji.yaml dan laporannya ditulis."


# -- rancang serve ---------------------------------------------------------------------------------------------


def test_serve_shows_the_phases_of_every_build_and_each_ends_with_its_time(tmp_path):
    root = copy_example(tmp_path / "proyek")
    process = subprocess.Popen([sys.executable, "-m", "rancang", "-C", str(root), "serve", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                               env=environment())
    lines: queue.Queue[str] = queue.Queue()
    seen: list[str] = []
    threading.Thread(target=lambda: [lines.put(line.rstrip("\n")) for line in process.stdout], daemon=True).start()

    def wait_for(pattern: str) -> str:
        deadline = time.monotonic() + GUARD
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                assert process.poll() is None, "\n".join(seen)
                continue
            seen.append(line)
            if re.fullmatch(pattern, line):
                return line
        raise AssertionError(f"{pattern!r} not seen:\n" + "\n".join(seen))

    try:
        wait_for(r"Membaca halaman situs \(\d+ halaman\) \.\.\.")
        wait_for(r"Menulis halaman situs: selesai, \d+ halaman dalam \d+,\d detik\.")
        wait_for(r"Selesai dalam \d+,\d detik: situs siap disajikan\.")
        wait_for(r"Memantau perubahan .*")
        profile = root / "kb" / "inovasi" / "kantong-kreatif.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + "\n# disunting\n", encoding="utf-8")
        start = len(seen)
        wait_for(r"Situs diperbarui dalam \d+,\d detik\.")
        rebuild = seen[start:]
        assert any(re.fullmatch(r"Membaca halaman situs \(\d+ halaman\) \.\.\.", line) for line in rebuild), rebuild
        files = len(example_data_files(root))
        assert f"Memeriksa data ({files} berkas) ..." in rebuild, rebuild
        assert "Menulis dokumen (4 dokumen) ..." in rebuild, rebuild
    finally:
        process.terminate()
        process.wait(timeout=GUARD)
    assert not any("\r" in line or "\x1b" in line for line in seen)


# -- the reporter itself ---------------------------------------------------------------------------------------


def test_times_and_numbers_are_written_the_indonesian_way():
    from rancang.terminal import clock, number, seconds_text

    assert seconds_text(41.24) == "41,2 detik"
    assert seconds_text(0.04) == "0,0 detik"
    assert seconds_text(125) == "2 menit 5 detik"
    assert seconds_text(120) == "2 menit"
    assert seconds_text(3725) == "1 jam 2 menit"
    assert number(36742) == "36.742"
    assert number(1004) == "1.004"
    assert clock(7) == "0:07" and clock(760) == "12:40" and clock(3723) == "1:02:03"


def test_a_forked_worker_reports_nothing():
    """Sphinx's workers inherit the reporter: only the process that made it may write."""
    import io

    from rancang.terminal import TerminalProgress

    log = io.StringIO()
    progress = TerminalProgress(log, live=False)
    progress.phase("Menulis halaman situs", 10, "halaman")
    pid = os.fork()
    if pid == 0:  # the worker
        progress.advance(5)
        progress.phase("Tahap lain")
        progress.end()
        os._exit(0)
    os.waitpid(pid, 0)
    progress.advance(10)
    progress.end()
    assert log.getvalue().splitlines()[0] == "Menulis halaman situs (10 halaman) ..."
    assert log.getvalue().splitlines()[1].startswith("Menulis halaman situs: selesai, 10 halaman dalam ")
    assert "Tahap lain" not in log.getvalue()


def test_the_live_line_estimates_the_remaining_time_from_the_phase_so_far():
    from rancang.terminal import TerminalProgress

    progress = TerminalProgress(open(os.devnull, "w"), live=False)
    progress.phase("Menulis halaman situs", 1000, "halaman")
    progress.advance(250)
    started = progress._phase.started
    assert progress.text(started + 0.5).startswith("Menulis halaman situs: 250 dari 1.000 halaman (25%), ")
    assert "sisa" not in progress.text(started + 0.5)  # too early to tell
    assert progress.text(started + 10).endswith(", sisa ± 0:30")
    progress.end()
    assert progress.text() == ""


def test_a_terminal_that_does_not_say_its_width_gets_the_whole_line():
    """A pseudo-terminal without a size (``docker run -t``, some CI runners) reports 0 columns."""
    from rancang.terminal import TerminalProgress

    master, slave = os.openpty()
    stream = open(slave, "w", encoding="utf-8", closefd=False)
    try:
        progress = TerminalProgress(stream, live=True)
        assert os.get_terminal_size(slave).columns == 0
        progress.phase("Membaca halaman situs", 1004, "halaman")
        progress.close()
        ready, _, _ = select.select([master], [], [], 5)
        shown = os.read(master, 65536).decode("utf-8") if ready else ""
    finally:
        stream.close()
        os.close(slave)
        os.close(master)
    assert "\rMembaca halaman situs: 0 dari 1.004 halaman (0%), 0:00 berlalu" in shown, repr(shown)
