"""JSON Schemas: in sync with the models, referenced by every example file, and
accepting exactly what the models accept (so the editor agrees with `rancang check`)."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from rancang import schemas
from rancang.loader import project_files
from rancang.models import FORMATS
from rancang.yamlsource import load, load_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = project_files(ROOT)


def as_json(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def validator(fmt_name):
    schema = json.loads((ROOT / "schemas" / FORMATS[fmt_name].schema_file).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_schema_files_match_the_models():
    generated = schemas.generate()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.json")}
    assert on_disk == generated, "schemas/ is stale: run `rancang schema`"


def test_schemas_are_valid_json_schema_with_indonesian_titles():
    for text in schemas.generate().values():
        schema = json.loads(text)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == schemas.SCHEMA_DIALECT
        for name, definition in schema.get("$defs", {}).items():
            assert definition["title"] in schemas.TITLES.values()
            for key, prop in definition.get("properties", {}).items():
                assert prop["title"] == key
                assert prop.get("description"), f"{name}.{key} has no Indonesian description"


def test_there_are_examples_of_every_format():
    assert {fmt.name for _, fmt in EXAMPLES} == set(FORMATS)


@pytest.mark.parametrize("path, fmt", EXAMPLES, ids=[str(p.relative_to(ROOT)) for p, _ in EXAMPLES])
def test_example_points_to_its_schema_and_validates(path, fmt):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schemas.schema_comment(path, ROOT, fmt.schema_file)
    source, problems = load(path)
    assert problems == []
    errors = [e.message for e in validator(fmt.name).iter_errors(as_json(source.data))]
    assert errors == []


@pytest.mark.parametrize(
    "fmt, text",
    [
        ("inovasi", "nama: X\nperangkat_daeah: bappeda\n"),  # misspelt key
        ("inovasi", "nama: X\nbentuk: pelayanan publik\n"),  # not an allowed value
        ("inovasi", "nama: ''\n"),  # empty text
        ("regulasi", "tentang: X\nmenimbang: [bahwa a]\nmengingat: [uud-1945]\n"
                     "batang_tubuh:\n  - bab: A\n    isi:\n      - paragraf: B\n        isi: [{teks: c}]\n"),
        ("kunjungan", "peran: tuan rumah\npihak_lain: {nama: X}\ntanggal: 2021-06-04\n"),
    ],
)
def test_the_editor_rejects_what_check_rejects(fmt, text):
    source, problems = load_text(text, "x.yaml")
    assert problems == []
    assert list(validator(fmt).iter_errors(as_json(source.data)))
    from rancang.validation import validate

    model, problems = validate(FORMATS[fmt].model, source)
    assert model is None and problems


def test_shorthand_forms_are_accepted_by_the_editor_too():
    text = ("tentang: X\nmenimbang: [bahwa a]\nmengingat: [uud-1945, {id: uu-23-2014, pasal: Pasal 1}]\n"
            "batang_tubuh:\n  - ayat: [satu, {teks: dua}]\n  - teks: 'meliputi:'\n    rincian:\n"
            "      sifat: alternatif\n      butir: [a, {teks: b}]\n")
    source, _ = load_text(text, "x.yaml")
    assert list(validator("regulasi").iter_errors(as_json(source.data))) == []
