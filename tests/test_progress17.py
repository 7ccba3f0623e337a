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
        "Menyiapkan penulisan situs", "Menulis halaman situs", "Membuat galeri", "Membuat data terbuka"]
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
    assert documents == 3
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
    assert any(f.startswith("Memeriksa data, ") and f.endswith(" berlalu") for f in frames), frames
    # redrawn in place: carriage returns, no newline per update, no escape code; the log lines are not there
    assert "\r" in screen
    assert "\x1b" not in screen
    assert "Membaca halaman situs (" not in screen
    assert re.search(r"^Selesai dalam \d+,\d detik: situs dibangun, 3 dokumen ditulis(, \d+ peringatan)?\.\r?$",
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
        assert "Memeriksa data ..." in rebuild
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
