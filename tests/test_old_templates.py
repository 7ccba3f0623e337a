"""A region's own Word template made before rancang wrote Markdown as rich text still makes every document.

The rich-text styles (lists, quotes, tables, images, links: ``render.template_names.RICHTEXT_STYLES``) are
optional: a template without them gets a located warning (P414) naming them, and the documents are written
with the body-text style in their place.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

from docx import Document
from lxml import etree
from support import REPO, copy_example

from rancang.cli import main
from rancang.render.template_names import OPTIONAL_STYLES, VISIT_OPTIONAL_STYLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _without_styles(path: Path, names: set[str]) -> None:
    """Rewrite the template at ``path`` without the styles called ``names`` (as a template of version 0.1)."""
    with zipfile.ZipFile(path) as archive:
        parts = {item.filename: archive.read(item.filename) for item in archive.infolist()}
    root = etree.fromstring(parts["word/styles.xml"])
    for style in root.findall(f"{W}style"):
        name = style.find(f"{W}name")
        if name is not None and name.get(f"{W}val") in names:
            root.remove(style)
    parts["word/styles.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _old_project(tmp_path: Path, source: Path | None = None) -> Path:
    root = copy_example(tmp_path / "proyek") if source is None else Path(shutil.copytree(source, tmp_path / "proyek"))
    templates = root / "templates"
    templates.mkdir(exist_ok=True)
    for name, styles in (("peraturan-kepala-daerah.docx", OPTIONAL_STYLES),
                         ("kunjungan-kerja.docx", VISIT_OPTIONAL_STYLES)):
        shutil.copy2(REPO / "templates" / name, templates / name)
        _without_styles(templates / name, styles)
    return root


def test_check_warns_once_per_template_and_names_the_missing_styles(tmp_path, capsys, monkeypatch):
    root = _old_project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["check", "--format", "json"]) == 0
    findings = [f for f in json.loads(capsys.readouterr().out)["temuan"] if f["kode"] == "P414"]
    assert sorted(f["berkas"] for f in findings) == ["templates/kunjungan-kerja.docx",
                                                     "templates/peraturan-kepala-daerah.docx"]
    assert all(f["tingkat"] == "peringatan" for f in findings)
    regulation = next(f for f in findings if f["berkas"].endswith("peraturan-kepala-daerah.docx"))
    for name in ("Daftar 1", "Kutipan", "Tabel Isi", "Hyperlink"):
        assert name in regulation["pesan"]


def test_documents_are_written_with_the_body_style_in_place_of_the_missing_ones(tmp_path, capsys, monkeypatch):
    root = _old_project(tmp_path, REPO / "examples" / "pangkep")
    monkeypatch.chdir(root)
    out = root / "perbup.docx"
    assert main(["draft", "regulations/perbup-pelaksanaan-inovasi-daerah.yaml", "-o", str(out)]) == 0
    document = Document(str(out))
    styles = {p.style.name for p in document.paragraphs}
    assert not styles & OPTIONAL_STYLES
    annex = [p for p in document.paragraphs if p.style.name == "Isi Lampiran"]
    assert len(annex) >= 2, "the lampiran's list items stand in the body-text style"
    assert not any(p.text.lstrip().startswith(("* ", "- ", "**")) for p in document.paragraphs)


def test_a_brief_is_written_with_an_old_visit_template(tmp_path, monkeypatch, capsys):
    root = _old_project(tmp_path)
    monkeypatch.chdir(root)
    out = root / "bahan.docx"
    assert main(["brief", "visits/dprd-pangkep-2021.yaml", "-o", str(out)]) == 0
    paragraphs = Document(str(out)).paragraphs
    assert {p.style.name for p in paragraphs}.isdisjoint(VISIT_OPTIONAL_STYLES)
    assert any(p.text.strip() for p in paragraphs if p.style.name == "Isi")
