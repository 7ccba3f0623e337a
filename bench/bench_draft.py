"""How fast a regulation is drafted, against docxtpl alone.

Generates a 300-Pasal regulation (fixed seed; BABs, ayat, rincian and [[...]] references) in a
temporary project. The docxtpl baseline renders the same paragraph texts (every label, title,
ayat and rincian of the engine's tree, ``draft_paragraphs`` of them) from a flat list, with a
``{%p for %}`` loop in a copy of the same Word template (its styles and page set-up), with the
same Jinja settings (autoescape, StrictUndefined): load the template, render, save to a file.
That is the floor the issue asks rancang to stay near: no numbering, no references, no styles
per paragraph, no checking.

Measured side by side (interleaved, ROUNDS rounds, medians):

* ``draft_inprocess_ms``   -- `rancang draft` in one warm process: ``rancang.documents.draft()`` on the
                              regulation file, i.e. read + check the regulation and what it uses
                              (rancang.yaml, kb/dasar-hukum.yaml; YAML, validation, references,
                              drafting rules), engine, render, atomic write (with fsync);
* ``draft_document_ms``    -- the document part of it: engine + render + atomic write, from the
                              already checked project (``regulation_docx`` + ``atomic_write_bytes``);
* ``docxtpl_flat_ms``      -- docxtpl alone, as above (load, render, save to a file);
* ``draft_vs_docxtpl_ratio``          -- draft_inprocess_ms / docxtpl_flat_ms, per round, median:
                                         the issue's end-to-end figure (target <= 2);
* ``draft_document_vs_docxtpl_ratio`` -- draft_document_ms / docxtpl_flat_ms, per round, median:
                                         what rancang adds to docxtpl to make the document itself.

Also, for context: ``draft_check_ms`` (the check part alone, interleaved with the above),
``draft_engine_ms`` and ``draft_render_ms`` (median of 5, not interleaved), and whole processes,
interleaved:
``draft_process_ms`` (`python -m rancang draft`, imports included) against ``docxtpl_process_ms``
(`python` running a script that imports docxtpl, reads the flat list from a JSON file, renders
and saves), and their ratio ``draft_process_vs_docxtpl_ratio``.

Usage: python bench/bench_draft.py [PASAL] [--rounds R]   (defaults 300, 7). One ``name: value``
line per figure.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("inovasi daerah pelayanan publik perangkat masyarakat usulan penilaian penerapan laporan tim "
         "anggaran data kegiatan pembinaan evaluasi").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_regulation(pasal: int, seed: int = 2021) -> dict:
    rng = random.Random(seed)
    chapters, count = [], 0
    while count < pasal:
        content = []
        for _ in range(rng.randint(5, 12)):
            if count >= pasal:
                break
            count += 1
            pid = f"p{count}"
            if rng.random() < 0.5:
                ayat = []
                for k in range(rng.randint(2, 4)):
                    text = sentence(rng, 20).capitalize()
                    if count > 3 and rng.random() < 0.3:
                        text += f" [[p{rng.randint(1, count - 1)}]]"
                    ayat.append({"id": f"{pid}a{k}", "teks": text + "."})
                content.append({"id": pid, "ayat": ayat})
            else:
                butir = [sentence(rng, 8) for _ in range(rng.randint(2, 5))]
                content.append({"id": pid, "teks": sentence(rng, 12).capitalize() + " meliputi:",
                                "rincian": {"sifat": rng.choice(["kumulatif", "alternatif", "kumulatif_alternatif"]),
                                            "butir": butir}})
        chapters.append({"bab": sentence(rng, 3).upper(), "isi": content})
    return {"tentang": "Uji Kecepatan", "menimbang": ["bahwa " + sentence(rng, 20)] * 3, "mengingat": ["uud-1945"],
            "ketentuan_umum": [{"istilah": f"Istilah {i}", "arti": sentence(rng, 12)} for i in range(1, 21)],
            "batang_tubuh": chapters}


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def flat_template(base: Path, target: Path) -> None:
    from docx import Document

    document = Document(str(base))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    for text in ("{%p for t in baris %}", "{{ t }}", "{%p endfor %}"):
        document.add_paragraph(text)
    document.save(str(target))


DOCXTPL_SCRIPT = """
import json, sys
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined
lines = json.loads(open(sys.argv[2], encoding="utf-8").read())
tpl = DocxTemplate(sys.argv[1])
tpl.render({"baris": lines}, jinja_env=Environment(undefined=StrictUndefined, autoescape=True), autoescape=True)
tpl.save(sys.argv[3])
"""


def main(argv: list[str]) -> None:
    import argparse
    import json

    from docxtpl import DocxTemplate
    from jinja2 import Environment, StrictUndefined

    from rancang.check import check_project
    from rancang.drafting.engine import build, forget_built
    from rancang.drafting.tree import plain
    from rancang.documents import draft, regulation_docx, template_path
    from rancang.fileio import atomic_write_bytes
    from rancang.render.regulation_docx import render

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pasal", nargs="?", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    pasal = args.pasal
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "rancang.yaml").write_text("daerah: {jenis: kota, nama: Contoh, provinsi: Sulawesi Selatan}\n",
                                           encoding="utf-8")
        (root / "kb").mkdir()
        (root / "kb/dasar-hukum.yaml").write_text("- {id: uud-1945, jenis: UUD, tahun: 1945, terkonfirmasi: true}\n",
                                                  encoding="utf-8")
        (root / "regulations").mkdir()
        source = root / "regulations/uji.yaml"
        source.write_text(yaml.safe_dump(make_regulation(pasal), allow_unicode=True), encoding="utf-8")
        checked = check_project(root)
        data, report = checked.data, checked.report
        assert not report.errors, report.errors[:3]
        regulation = data.regulations["uji"]
        document, problems = build(regulation, data.settings, data.catalogue)
        assert not problems and len(document.articles()) == pasal + 2

        # The same paragraph texts, flat, for docxtpl alone.
        lines: list[str] = []

        def collect(items):
            for item in items:
                if hasattr(item, "children"):
                    lines.extend([item.label, item.title])
                    collect(item.children)
                else:
                    lines.append(item.label)
                    for clause in item.clauses:
                        lines.append(plain(clause.text))
                        stack = list(clause.points)
                        while stack:
                            point = stack.pop(0)
                            lines.append(plain(point.text))
                            stack[0:0] = point.points

        collect(document.body)
        flat = root / "flat.docx"
        flat_template(template_path(root), flat)
        flat_lines = root / "baris.json"
        flat_lines.write_text(json.dumps(lines, ensure_ascii=False), encoding="utf-8")
        flat_out = root / "flat-out.docx"

        def docxtpl_flat() -> None:
            tpl = DocxTemplate(str(flat))
            tpl.render({"baris": lines}, jinja_env=Environment(undefined=StrictUndefined, autoescape=True),
                       autoescape=True)
            tpl.save(str(flat_out))

        target = root / "out.docx"

        def in_process() -> None:
            draft(root, source)

        def document_only() -> None:
            forget_built()  # the engine keeps its last trees: the document part includes building the tree
            atomic_write_bytes(target, regulation_docx(root, checked, "uji"))

        related = [source, root / "rancang.yaml", root / "kb/dasar-hukum.yaml"]
        for warm in (in_process, document_only, docxtpl_flat):
            warm()
        def check_only() -> None:
            check_project(root, related)

        def engine_only() -> None:
            forget_built()
            build(regulation, data.settings, data.catalogue)

        engine_ms = median_ms(engine_only, 5)
        render_ms = median_ms(lambda: render(document, template_path(root)), 5)
        rounds = []
        for _ in range(args.rounds):  # interleaved, so that all see the same machine load
            rounds.append((median_ms(in_process, 1), median_ms(document_only, 1), median_ms(docxtpl_flat, 1),
                           median_ms(check_only, 1)))
        command = [sys.executable, "-m", "rancang", "-C", str(root), "draft", str(source)]
        baseline = [sys.executable, "-c", DOCXTPL_SCRIPT, str(flat), str(flat_lines), str(flat_out)]
        processes = []
        for _ in range(3):
            processes.append((median_ms(lambda: subprocess.run(command, check=True, capture_output=True), 1),
                              median_ms(lambda: subprocess.run(baseline, check=True, capture_output=True), 1)))

    print(f"draft_pasal: {pasal}")
    print(f"draft_paragraphs: {len(lines)}")
    print(f"draft_check_ms: {statistics.median(r[3] for r in rounds):.0f}")
    print(f"draft_engine_ms: {engine_ms:.0f}")
    print(f"draft_render_ms: {render_ms:.0f}")
    print(f"draft_inprocess_ms: {statistics.median(r[0] for r in rounds):.0f}")
    print(f"draft_document_ms: {statistics.median(r[1] for r in rounds):.0f}")
    print(f"docxtpl_flat_ms: {statistics.median(r[2] for r in rounds):.0f}")
    print(f"draft_document_vs_docxtpl_ratio: {statistics.median(r[1] / r[2] for r in rounds):.2f}")
    print(f"draft_process_ms: {statistics.median(p[0] for p in processes):.0f}")
    print(f"docxtpl_process_ms: {statistics.median(p[1] for p in processes):.0f}")
    print(f"draft_process_vs_docxtpl_ratio: {statistics.median(p[0] / p[1] for p in processes):.2f}")
    print(f"draft_vs_docxtpl_ratio: {statistics.median(r[0] / r[2] for r in rounds):.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
