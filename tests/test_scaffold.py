"""`rancang new`: skeletons list every key, validate once filled, never overwrite."""

import re
from pathlib import Path

import pytest

from rancang.cli import main
from rancang.models import FORMATS
from rancang.scaffold import KINDS, regulation_words, skeleton_text
from rancang.validation import validate
from rancang.yamlsource import load_text

from pydantic import BaseModel, RootModel


def make_project(tmp_path: Path, kind: str = "kota") -> Path:
    (tmp_path / "rancang.yaml").write_text(
        f"daerah:\n  jenis: {kind}\n  nama: Contoh\n  provinsi: Sulawesi Selatan\n", encoding="utf-8"
    )
    return tmp_path


def uncomment(text: str) -> str:
    """Turn every commented-out key ("# key: ...") into data; prose comments start with "##"."""
    return "\n".join(re.sub(r"^(\s*)# (?!#)", r"\1", line) for line in text.splitlines()) + "\n"


FILL = {  # the values a skeleton deliberately leaves empty
    "kunjungan": [("  nama:", "  nama: DPRD Kabupaten Contoh"), ("tanggal:", "tanggal: 2021-06-04")],
    "regulasi": [("tentang:", "tentang: Contoh")],
}

VARIANTS = {  # keys that exclude others: "#<marker> " lines, the keys they replace, the values they need
    "regulasi": [("d", ("nomor_berita_daerah", "tahun_berita_daerah"),
                  [("jenis: peraturan_wali_kota", "jenis: peraturan_daerah")]),
                 ("m", ("menimbang",), [])],
}


def variants(kind: str, text: str):
    """The skeleton uncommented as it is (its "#<marker> " lines left out), then once per variant: its "#<marker> "
    lines uncommented in place of the keys they replace."""
    yield uncomment(text), FILL.get(kind, [])
    if kind == "regulasi":  # a Keputusan is a regulation file too: its keys are shown by its own skeleton
        yield uncomment(skeleton_text("keputusan")).replace("__KEPUTUSAN_JENIS__", "keputusan_wali_kota"), \
            FILL["regulasi"]
    for marker, replaced, fill in VARIANTS.get(kind, []):
        lines, dropping = [], False
        for line in text.splitlines():  # a replaced key, commented or not, with its commented items
            if re.match(rf"^#?\s*({'|'.join(replaced)}):", line):
                dropping = True
                continue
            if dropping and re.match(r"^#\s{2,}\S", line):
                continue
            dropping = False
            lines.append(line)
        yield uncomment("\n".join(re.sub(rf"^(\s*)#{marker} ", r"\1# ", line) for line in lines)), \
            FILL.get(kind, []) + fill


def all_aliases(model: type[BaseModel], seen=None) -> set[str]:
    import typing

    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    out = set()
    if issubclass(model, RootModel):
        fields = {}
    else:
        fields = model.model_fields
    for name, info in fields.items():
        out.add(info.alias or name)
        stack = [info.annotation]
        while stack:
            tp = stack.pop()
            stack.extend(typing.get_args(tp))
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                out |= all_aliases(tp, seen)
    return out


def keys_in(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_in(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_in(v)}
    return set()


@pytest.mark.parametrize("kind", KINDS)
def test_uncommented_skeleton_uses_every_key_and_validates(kind):
    used: set[str] = set()
    for text, fill in variants(kind, skeleton_text(kind)):
        text = text.replace("__SCHEMA__", "").replace("__ID__", "x").replace("__NAMA__", "Contoh")
        for placeholder, word in regulation_words(None).items():
            text = text.replace(placeholder, word)
        for old, new in fill:
            text = re.sub(rf"^{re.escape(old)}(?=\s|$)", new, text, count=1, flags=re.M)
        source, problems = load_text(text, f"{kind}.yaml")
        assert problems == []
        model, problems = validate(FORMATS[kind].model, source)
        assert [d.format() for d in problems] == []
        used |= keys_in(source.data)
    assert all_aliases(FORMATS[kind].model) - used == set()


def test_new_innovation_is_valid_at_once(tmp_path, capsys, monkeypatch):
    root = make_project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["new", "inovasi", "call-center-112"]) == 0
    written = root / "kb/inovasi/call-center-112.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/inovasi.schema.json"
    assert "\nnama: Call Center 112\n" in text
    assert "Dibuat: kb/inovasi/call-center-112.yaml" in capsys.readouterr().out
    assert main(["check"]) == 0


def test_new_regulation_and_visit_say_what_to_fill(tmp_path, capsys, monkeypatch):
    root = make_project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["new", "regulasi", "inovasi-daerah"]) == 0
    assert main(["new", "kunjungan", "studi-banding"]) == 0
    assert (root / "regulations/inovasi-daerah.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/regulasi.schema.json\n"
    )
    capsys.readouterr()
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:6] == [
        "regulations/inovasi-daerah.yaml:8:9: S201: 'tentang' belum diisi",
        "regulations/inovasi-daerah.yaml:9:11: S201: 'menimbang' belum diisi",
        "regulations/inovasi-daerah.yaml:11:11: S201: 'mengingat' belum diisi",
        "regulations/inovasi-daerah.yaml:27:14: S201: 'batang_tubuh' belum diisi",
        "visits/studi-banding.yaml:8:8: S201: 'nama' belum diisi",
        "visits/studi-banding.yaml:11:9: S201: 'tanggal' belum diisi",
    ]


def test_new_refuses_to_overwrite_and_keeps_the_file(tmp_path, capsys, monkeypatch):
    root = make_project(tmp_path)
    monkeypatch.chdir(root)
    target = root / "kb/inovasi/x.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("nama: Punya Saya\n", encoding="utf-8")
    assert main(["new", "inovasi", "x"]) == 1
    assert target.read_text(encoding="utf-8") == "nama: Punya Saya\n"
    assert "kb/inovasi/x.yaml: Y101: berkas sudah ada dan tidak ditimpa" in capsys.readouterr().err
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.yaml"]  # no temp file left


def test_new_refuses_an_invalid_id(tmp_path, capsys, monkeypatch):
    root = make_project(tmp_path)
    monkeypatch.chdir(root)
    assert main(["new", "inovasi", "???"]) == 1  # a free name becomes its slug (tests/test_messages17.py)
    assert "S207: id '???' tidak valid" in capsys.readouterr().err
    assert not (root / "kb").exists()
