"""Drafting findings are advice: ``draft``, ``brief``, ``report`` and ``build`` write their documents despite them,
list them with their place, and exit 0; ``--strict`` turns them (and warnings) into errors that stop the document.
What a document cannot be made without (a wrong shape, an unresolved ``[[id]]``) still stops it.

Everything runs through :func:`rancang.cli.main`, as a user types it, in a copy of the bundled example.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docx_reading import texts
from rancang.cli import main
from rancang.codes import CODES
from rancang.diagnostics import Diagnostic, Location, Report, Severity
from rancang.lint.examples import write_project
from rancang.lint.registry import RULES, all_rules

REGULATION = "regulations/perwali-inovasi-daerah.yaml"
DOCX = "_build/dokumen/perwali-inovasi-daerah.docx"
WRITTEN = "Inisiator menyampaikan usulan Inovasi Daerah kepada Wali Kota melalui Bappeda."
DEVIATING = "Inisiator menyampaikan usulan inovasi daerah kepada Wali Kota melalui Bappeda."
"""A defined term written in lower case, as enacted regulations often have it: L543, an error of a drafting rule."""
FINDING = f"{REGULATION}:168:53: L543: 'inovasi daerah' ditulis tidak seperti istilah yang didefinisikan "
"""Where the linter puts it: the line and column of the lower-case term in the YAML."""


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def deviate(root: Path) -> None:
    replace_in(root / REGULATION, f"teks: {WRITTEN}", f"teks: {DEVIATING}")


def without_unconfirmed_citations(root: Path) -> None:
    """The example's only other findings are L512 warnings (citations not yet confirmed): switched off, so that
    ``--strict`` has nothing but what a test adds."""
    replace_in(root / "rancang.yaml", "pemeriksaan:\n", "pemeriksaan:\n  abaikan: [L512]\n")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: its bytes and modification time (a rewrite with the same bytes shows too)."""
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


# -- the predicate ----------------------------------------------------------------------------------------------


def test_a_drafting_finding_is_exactly_a_code_of_a_drafting_rule():
    assert RULES, "the rules are registered"
    for code in CODES:
        finding = Diagnostic(code, "pesan", Location("berkas.yaml", 1, 1)).is_drafting_finding
        assert finding == (code in RULES), code
        assert finding == code.startswith("L"), code  # the published prefixes: L5xx and L6xx


def test_what_blocks_a_document():
    where = Location("regulations/uji.yaml", 3, 5)
    finding = Diagnostic("L543", "istilah berhuruf kecil", where)
    advice = Diagnostic("L544", "frasa berhuruf kapital", where, Severity.WARNING)
    warning = Diagnostic("P413", "Graphviz tidak terpasang", where, Severity.WARNING)
    shape = Diagnostic("S202", "kunci tidak dikenal", where)
    assert Report([finding, advice, warning]).blocking() == []
    assert Report([finding, advice, warning]).blocking(strict=True) == [finding, advice, warning]
    assert Report([finding, shape, warning]).blocking() == [shape]
    assert Report([]).blocking(strict=True) == []


# -- draft ------------------------------------------------------------------------------------------------------


def test_draft_writes_despite_a_drafting_finding_and_lists_it(example_copy, capsys):
    deviate(example_copy)
    code, out, err = run(capsys, "draft", REGULATION)
    assert code == 0, err
    assert out == f"Ditulis: {DOCX}\n"
    assert FINDING in err
    assert "Dokumen tetap ditulis walaupun ada 4 temuan di atas; dengan --strict, temuan menghentikan penulisan." \
        in err.splitlines()
    written = texts((example_copy / DOCX).read_bytes())
    assert f"(2)\t{DEVIATING}" in written  # the text as the drafter wrote it, nothing corrected behind their back
    assert not any(WRITTEN in line for line in written)


def test_draft_strict_refuses_a_drafting_finding_and_keeps_the_previous_document(example_copy, capsys):
    without_unconfirmed_citations(example_copy)
    deviate(example_copy)
    previous = example_copy / DOCX
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"dokumen lama yang baik")
    before = snapshot(previous.parent)
    code, out, err = run(capsys, "draft", "--strict", REGULATION)
    assert code == 1
    assert out == ""
    assert err.splitlines() == [FINDING + "'Inovasi Daerah' (tulis 'Inovasi Daerah')"]
    assert snapshot(previous.parent) == before


def test_draft_strict_writes_a_regulation_without_findings(example_copy, capsys):
    without_unconfirmed_citations(example_copy)
    code, out, err = run(capsys, "draft", "--strict", REGULATION)
    assert (code, out, err) == (0, f"Ditulis: {DOCX}\n", "")
    assert f"(2)\t{WRITTEN}" in texts((example_copy / DOCX).read_bytes())


def test_draft_strict_turns_warnings_into_errors(example_copy, capsys):
    code, _out, err = run(capsys, "draft", "--strict", REGULATION)
    assert code == 1
    assert err.count(": L512: ") == 3 and ": L512: peringatan: " not in err  # shown as errors
    assert not (example_copy / "_build").exists()


BLOCKING = {
    "S202": (f"teks: {DEVIATING}", f"teks: {DEVIATING}\n                catatan: kunci yang tidak ada di format"),
    "R301": ("Usulan Inovasi Daerah [[usulan-disampaikan]] memuat:",
             "Usulan Inovasi Daerah [[usulan-tidak-ada]] memuat:"),
}
"""Errors a document cannot be made without: a key the format does not have, a reference to no element."""


@pytest.mark.parametrize("code", sorted(BLOCKING))
@pytest.mark.parametrize("strict", [False, True], ids=["biasa", "strict"])
def test_an_error_a_document_cannot_be_made_without_still_stops_the_draft(example_copy, capsys, code, strict):
    deviate(example_copy)
    replace_in(example_copy / REGULATION, *BLOCKING[code])
    previous = example_copy / DOCX
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"dokumen lama yang baik")
    before = snapshot(previous.parent)
    status, out, err = run(capsys, "draft", *(["--strict"] if strict else []), REGULATION)
    assert status == 1
    assert out == ""
    assert f": {code}: " in err
    assert "Dokumen tetap ditulis" not in err
    assert snapshot(previous.parent) == before


# -- every drafting rule's wrong example still makes its document -------------------------------------------------

REGULATION_RULES = [rule for rule in all_rules() if rule.wrong.target in ("regulasi", "dasar-hukum", "proyek")]
"""Rules whose wrong example is in a regulation, the catalogue of legal bases or rancang.yaml: what ``draft``
checks. (Profile rules are warnings about the knowledge base; the visit tests below cover them.)"""


@pytest.mark.parametrize("rule", REGULATION_RULES, ids=[rule.code for rule in REGULATION_RULES])
def test_every_drafting_rule_is_advice_for_draft(rule, tmp_path, capsys):
    root = write_project(tmp_path / "proyek", rule.wrong)
    out = tmp_path / "keluar.docx"
    code, stdout, err = run(capsys, "-C", str(root), "draft", str(root / "regulations/contoh.yaml"), "-o", str(out))
    assert code == 0, err
    assert out.is_file() and texts(out.read_bytes())
    assert f": {rule.code}: " in err, err
    out.unlink()
    code, stdout, err = run(capsys, "-C", str(root), "draft", "--strict", str(root / "regulations/contoh.yaml"),
                            "-o", str(out))
    assert code == 1 and stdout == "" and f": {rule.code}: " in err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["proyek"]


# -- brief and report ------------------------------------------------------------------------------------------

VISIT = "visits/dprd-pangkep-2021.yaml"


@pytest.mark.parametrize(("command", "suffix"), [("brief", "bahan"), ("report", "laporan")])
def test_visit_documents_are_written_despite_findings_unless_strict(example_copy, capsys, command, suffix):
    replace_in(example_copy / "kb/inovasi/direktori-inovasi.yaml", "Menjadi galeri inovasi",
               "Menjadi <b>galeri</b> inovasi")  # L610, a warning of a profile the visit shows
    target = example_copy / f"_build/dokumen/dprd-pangkep-2021-{suffix}.docx"
    code, out, err = run(capsys, command, "--strict", VISIT)
    assert code == 1 and out == "" and ": L610: " in err
    assert not target.exists()
    code, out, err = run(capsys, command, VISIT)
    assert code == 0, err
    assert out == f"Ditulis: _build/dokumen/dprd-pangkep-2021-{suffix}.docx\n"
    assert "kb/inovasi/direktori-inovasi.yaml:16:" in err and ": L610: peringatan: " in err
    assert target.is_file()


# -- build ------------------------------------------------------------------------------------------------------


def test_build_writes_despite_a_drafting_finding_and_strict_refuses_it(example_copy, capsys):
    from rancang.serve import build_once

    deviate(example_copy)
    built = example_copy / "_build"

    code, out, err = run(capsys, "build", "--no-pdf", "--strict")
    assert code == 1
    assert FINDING in out and "Pembangunan dihentikan: perbaiki galat di atas lebih dahulu." in out
    assert "Ditemukan 4 galat dan 0 peringatan." in out  # the L512 warnings are errors too
    assert not (built / "dokumen").exists() and not (built / "html").exists()

    code, out, err = run(capsys, "build", "--no-pdf")
    assert code == 0, out + err
    assert FINDING in out
    assert ("Ditemukan 0 galat, 1 galat aturan penyusunan (tidak menghentikan penulisan keluaran; --strict "
            "menghentikannya), dan 3 peringatan.") in out.splitlines()
    assert f"Ditulis: {DOCX}" in out and "Situs: _build/html/index.html" in out
    assert f"(2)\t{DEVIATING}" in texts((example_copy / DOCX).read_bytes())

    # The last build went on with a finding: --strict does not reuse it as "nothing changed", it refuses.
    before = snapshot(built / "dokumen"), snapshot(built / "html")
    code, out, err = run(capsys, "build", "--no-pdf", "--strict")
    assert code == 1 and FINDING in out and "Pembangunan dihentikan" in out
    assert (snapshot(built / "dokumen"), snapshot(built / "html")) == before

    code, out, err = run(capsys, "build", "--no-pdf", "--format", "json")
    assert code == 0 and '"kode": "L543"' in out
    assert build_once(example_copy, lambda line: None, first=True)  # `rancang serve` shows the site too


def test_a_structural_error_still_stops_the_build(example_copy, capsys):
    deviate(example_copy)
    replace_in(example_copy / REGULATION, *BLOCKING["R301"])
    code, out, err = run(capsys, "build", "--no-pdf")
    assert code == 1
    assert ": R301: " in out and "Pembangunan dihentikan: perbaiki galat di atas lebih dahulu." in out
    assert not (example_copy / "_build/dokumen").exists() and not (example_copy / "_build/html").exists()
