"""Many documents in one build: rendered in worker processes, written in order, same bytes as one by one.

``rancang build`` renders its documents in forked worker processes once there are many of them
(``rancang.documents.PARALLEL_FROM``); the parent writes each DOCX atomically in a fixed order. These tests
make the parallel path run (two workers, whatever the machine) on a copy of the example project with
extra visits, and compare it with the sequential path: the same files with the same content, the same
messages in the same order, the same error at the same document. Also: `check`, `draft` and `brief`
import no Sphinx.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import rancang.documents as drafts
from rancang.check import check_project
from rancang.cli import main
from rancang.diagnostics import Diagnostic, Location, RancangError

DOCS = "_build/dokumen"
EXTRA = 14

VISIT = """\
judul: Studi Banding Kabupaten Contoh {n} & "Mitra" <uji>
peran: tamu
pihak_lain:
  nama: Pemerintah Kabupaten Contoh {n}
  provinsi: Sulawesi Selatan
tanggal: 2022-03-{day:02d}
tempat: Kantor Bappeda
maksud: Mempelajari inovasi nomor {n}.
peserta:
  - nama: Andi {n}
    jabatan: Kepala Bidang
    pihak: kita
agenda:
  - waktu: "09.00-10.00"
    kegiatan: Paparan inovasi {n}
    inovasi: call-center-112
inovasi:
  - call-center-112
  - direktori-inovasi
pertanyaan_kunci:
  - Bagaimana inovasi {n} direplikasi?
"""


@pytest.fixture
def project(example_copy):
    """A fresh copy of the example (conftest.py), the working folder, with EXTRA more visits."""
    for n in range(1, EXTRA + 1):
        (example_copy / f"visits/contoh-{n:02d}.yaml").write_text(VISIT.format(n=n, day=n), encoding="utf-8")
    return example_copy


@pytest.fixture
def two_workers(monkeypatch):
    """The parallel path with two workers, on any machine."""
    if not drafts._can_fork():
        pytest.skip("documents are rendered in worker processes only where fork is available")
    monkeypatch.setattr(drafts, "document_workers", lambda count: 2 if count >= drafts.PARALLEL_FROM else 1)


def _sequential(monkeypatch):
    monkeypatch.setattr(drafts, "document_workers", lambda count: 1)


def _contents(folder: Path) -> dict[str, dict[str, bytes]]:
    """Every DOCX, part by part (the core properties hold a time)."""
    found = {}
    for path in sorted(folder.glob("*.docx")):
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            found[path.name] = {info.filename: archive.read(info.filename) for info in archive.infolist()
                                if info.filename != "docProps/core.xml"}
    return found


@pytest.mark.slow
def test_parallel_documents_equal_the_sequential_ones(project, two_workers, monkeypatch):
    checked = check_project(project)
    report = checked.report
    assert not report.errors
    parallel = drafts.build_documents(project, checked, pdf=False)
    first = _contents(project / DOCS)
    shutil.rmtree(project / "_build")

    _sequential(monkeypatch)
    sequential = drafts.build_documents(project, checked, pdf=False)
    assert parallel.messages == sequential.messages
    assert parallel.written == sequential.written
    assert _contents(project / DOCS) == first
    # Regulations first, then the visits by id; a report only where results are written.
    names = [path.name for path in parallel.written]
    assert names[:2] == ["keputusan-inovasi-daerah.docx", "perwali-inovasi-daerah.docx"]
    assert names[2:] == sorted(names[2:])
    assert len(names) == 2 + 2 + EXTRA
    assert len(names) >= drafts.PARALLEL_FROM


@pytest.mark.slow
def test_the_first_failing_document_stops_the_build_in_order(project, two_workers, monkeypatch):
    checked = check_project(project)
    data = checked.data
    jobs = [drafts.Job("regulation", r, project / DOCS / f"{r}.docx") for r in sorted(data.regulations)]
    from rancang.documents import visit_jobs

    jobs += visit_jobs(data, project / DOCS)
    for job in jobs:
        job.target.parent.mkdir(parents=True, exist_ok=True)
        job.target.write_bytes(b"versi lama")
    broken = jobs[9]
    real = drafts.render_job

    def render_job(root, checked, job):
        if job == broken or job.record_id == jobs[12].record_id:
            raise RancangError([Diagnostic("P406", f"templat tidak memiliki gaya: Isi ({job.record_id})",
                                           Location("templates/kunjungan-kerja.docx"))])
        return real(root, checked, job)

    monkeypatch.setattr(drafts, "render_job", render_job)  # inherited by the forked workers
    with pytest.raises(RancangError) as caught:
        drafts.build_documents(project, checked, pdf=False)
    assert [d.message for d in caught.value.diagnostics] == [
        f"templat tidak memiliki gaya: Isi ({broken.record_id})"]
    for index, job in enumerate(jobs):
        content = job.target.read_bytes()
        if index < 9:
            assert content[:2] == b"PK", job.target.name  # written before the failure
        else:
            assert content == b"versi lama", job.target.name  # the failing one and all after it: untouched
    assert not [p for p in (project / DOCS).iterdir() if p.name.endswith(".tmp")]


@pytest.mark.slow
def test_a_failure_in_a_worker_is_reported_in_indonesian_by_build(project, two_workers, monkeypatch, capsys):
    import rancang.render.visit_docx as visit_docx

    real = visit_docx.body_xml

    def body_xml(template, key, document, paper="A4", images=None):
        if "Contoh 7 " in document.subtitle:
            raise visit_docx.TemplateStyleError("Butir")
        return real(template, key, document, paper, images)

    monkeypatch.setattr(visit_docx, "body_xml", body_xml)  # inherited by the forked workers
    code = main(["build", "--no-pdf"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "templates/kunjungan-kerja.docx: P406: templat tidak memiliki gaya: Butir" in err
    assert "Traceback" not in out + err
    assert not (project / DOCS / "contoh-07-bahan.docx").exists()
    assert (project / DOCS / "contoh-06-bahan.docx").exists()


def test_a_handful_of_documents_is_made_in_this_process(monkeypatch):
    assert drafts.document_workers(3) == 1
    assert drafts.document_workers(drafts.PARALLEL_FROM - 1) == 1
    assert 1 <= drafts.document_workers(200) <= drafts.MAX_WORKERS


@pytest.mark.slow
@pytest.mark.parametrize("command", [
    ["check"],
    ["draft", "regulations/perwali-inovasi-daerah.yaml"],
    ["brief", "visits/dprd-pangkep-2021.yaml"],
    ["report", "visits/dprd-pangkep-2021.yaml"],
])
def test_commands_that_make_one_thing_import_no_sphinx(project, command):
    script = textwrap.dedent("""
        import sys
        from rancang.cli import main
        code = main(sys.argv[1:])
        loaded = sorted({m.split(".")[0] for m in sys.modules} & {"sphinx", "docutils", "myst_parser"})
        print("LOADED", code, loaded)
        """)
    done = subprocess.run([sys.executable, "-c", script, *command], cwd=project, capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "LOADED 0 []", done.stdout + done.stderr
