"""How fast a regulation is drafted, against docxtpl alone.

Generates a 300-Pasal regulation (fixed seed; BABs, Bagian, ayat, rincian and
[[...]] references) in a temporary project and prints, as medians:

* ``draft_engine_ms``      -- numbering + references (the tree);
* ``draft_render_ms``      -- the DOCX from the tree (docxtpl + subdocument);
* ``draft_inprocess_ms``   -- engine + render + atomic write, in one process;
* ``draft_process_ms``     -- `rancang draft` as a whole process (imports included);
* ``docxtpl_flat_ms``      -- docxtpl alone rendering the same paragraph texts from a flat list
                              (`{%p for %}` loop in the same template);
* ``draft_vs_docxtpl_ratio`` -- draft_inprocess_ms / docxtpl_flat_ms, measured side by side.

Usage: python bench/bench_draft.py [PASAL]   (default 300). One ``name: value`` line per figure.
"""

from __future__ import annotations

import io
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


def main(argv: list[str]) -> None:
    from docxtpl import DocxTemplate
    from jinja2 import Environment, StrictUndefined

    from rancang.check import check_project
    from rancang.drafting.engine import build
    from rancang.drafting.tree import plain
    from rancang.drafts import regulation_docx, template_path
    from rancang.fileio import atomic_write_bytes
    from rancang.render.regulation_docx import render

    pasal = int(argv[0]) if argv else 300
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "rancang.yaml").write_text("daerah: {jenis: kota, nama: Contoh, provinsi: Sulawesi Selatan}\n",
                                           encoding="utf-8")
        (root / "kb").mkdir()
        (root / "kb/dasar-hukum.yaml").write_text("- {id: uud-1945, jenis: UUD, tahun: 1945, terkonfirmasi: true}\n",
                                                  encoding="utf-8")
        (root / "regulations").mkdir()
        (root / "regulations/uji.yaml").write_text(yaml.safe_dump(make_regulation(pasal), allow_unicode=True),
                                                   encoding="utf-8")
        data, report = check_project(root)
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

        def docxtpl_flat() -> None:
            tpl = DocxTemplate(str(flat))
            tpl.render({"baris": lines}, jinja_env=Environment(undefined=StrictUndefined, autoescape=True),
                       autoescape=True)
            tpl.save(io.BytesIO())

        target = root / "out.docx"

        def in_process() -> None:
            atomic_write_bytes(target, regulation_docx(root, data, "uji"))

        engine_ms = median_ms(lambda: build(regulation, data.settings, data.catalogue), 5)
        render_ms = median_ms(lambda: render(document, template_path(root)), 5)
        pairs = []
        for _ in range(5):  # interleaved, so both see the same machine load
            pairs.append((median_ms(in_process, 1), median_ms(docxtpl_flat, 1)))
        command = [sys.executable, "-m", "rancang", "-C", str(root), "draft", str(root / "regulations/uji.yaml")]
        process_ms = median_ms(lambda: subprocess.run(command, check=True, capture_output=True), 3)

    print(f"draft_pasal: {pasal}")
    print(f"draft_paragraphs: {len(lines)}")
    print(f"draft_engine_ms: {engine_ms:.0f}")
    print(f"draft_render_ms: {render_ms:.0f}")
    print(f"draft_inprocess_ms: {statistics.median(p[0] for p in pairs):.0f}")
    print(f"draft_process_ms: {process_ms:.0f}")
    print(f"docxtpl_flat_ms: {statistics.median(p[1] for p in pairs):.0f}")
    print(f"draft_vs_docxtpl_ratio: {statistics.median(p[0] / p[1] for p in pairs):.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
