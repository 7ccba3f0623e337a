"""Rewrite the goldens of tests/test_golden.py from whatever rancang this is run with.

ONLY FOR A DELIBERATE OUTPUT CHANGE, NAMED IN THE COMMIT. The goldens are the promise that users
see the same documents, site and messages; regenerating them to make a failing test pass defeats
them. If an output changes on purpose, run this, read ``git diff tests/golden`` line by line, and
say in the commit message which output changed and why.

Usage (from the repository root)::

    .venv/bin/python tests/golden/regenerate.py                    # this checkout
    PYTHONPATH=/tmp/base/src .venv/bin/python tests/golden/regenerate.py --source /tmp/base

``--source`` is the checkout whose example projects (repository root and examples/pangkep) and
tests/test_bad_files.py are read; the rancang that runs is the one Python imports (PYTHONPATH wins
over the editable install; the script prints which). To capture from a commit rather than from a
working tree that others are editing, add a worktree (``git worktree add /tmp/base COMMIT``) and
pass it both ways as above. The goldens are always written next to this script.

The inputs of the bad-file corpus (tests/data/bad plus the files generated at run time) are frozen
into ``bad-files/inputs.json`` from tests/test_bad_files.py, so the golden test needs neither that
module nor rancang's internals. If that module cannot be imported (for example while internal
module paths move), the frozen inputs already in ``bad-files/inputs.json`` are reused.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


capture = _load("golden_capture", HERE / "capture.py")

# Everything below these names is rewritten; capture.py, regenerate.py and README.md are not.
GENERATED = ("commands", "docx", "opendata", "html", "static.json", "skeletons", "bad-files")


def write(rel: str, data: bytes | str) -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def write_docx(project: str, root: Path, templates: dict) -> None:
    for stem, path in capture.docx_outputs(root).items():
        parts = capture.docx_parts(path)
        write(f"docx/{project}/{stem}.json", capture.dump_json(capture.manifest(parts)))
        for name, data in capture.kept_parts(parts, templates).items():
            write(f"docx/{project}/{stem}/{name}", capture.readable_xml(data))


def corpus_inputs(source: Path, work: Path) -> dict:
    """The base project and every case of tests/test_bad_files.py, as the bytes it installs."""
    frozen = HERE / "bad-files" / "inputs.json"
    try:
        sys.path.insert(0, str(source / "tests"))
        module = _load("golden_test_bad_files", source / "tests" / "test_bad_files.py")
    except Exception as error:  # noqa: BLE001 - any failure means: keep what was frozen
        if not frozen.is_file():
            raise
        print(f"tests/test_bad_files.py tidak dapat dimuat ({error!r}); masukan korpus lama dipakai.")
        return capture.load_json(frozen)
    finally:
        sys.path.remove(str(source / "tests"))
    cases = []
    for number, case in enumerate(module.ALL):
        root = work / f"masukan-{number:03d}"
        root.mkdir()
        module.make_project(root)
        case.install(root)
        target = root / case.where
        entry = {"name": case.name, "target": case.where}
        if target.is_dir():
            entry.update(kind="folder")
        else:
            data = target.read_bytes()
            entry.update(kind="file", sha256=capture.sha256(data), isi=capture.pack(data))
        cases.append(entry)
    return {"base": dict(module.BASE), "cases": cases}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=capture.ROOT,
                        help="checkout whose example projects and tests/test_bad_files.py are read")
    args = parser.parse_args()
    source = args.source.resolve()

    import rancang

    print(f"rancang: {rancang.__file__}")
    print(f"sumber: {source}")

    with tempfile.TemporaryDirectory(prefix="rancang-golden-") as tmp:
        work = Path(tmp)
        inputs = corpus_inputs(source, work)  # before anything is deleted (it may reuse the old one)
        for name in GENERATED:
            path = HERE / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

        templates = capture.template_parts([source / "templates"])

        root, runs = capture.build_parepare(source, work / "parepare")
        site = root / "_build" / "html"
        for name, result in runs.items():
            write(f"commands/{name}.json", capture.dump_json(result))
        write_docx("parepare", root, templates)
        for path in sorted((site / "data").iterdir()):
            write(f"opendata/{path.name}", path.read_bytes())
        for rel, lines in capture.html_pages(site).items():
            write(f"html/{rel}.json", capture.dump_json(lines))
        write("static.json", capture.dump_json(capture.static_manifest(site)))

        root, runs = capture.build_pangkep(source, work / "pangkep")
        for name, result in runs.items():
            write(f"commands/{name}.json", capture.dump_json(result))
        write_docx("pangkep", root, templates)

        runs, skeletons = capture.help_and_skeletons(source, work / "kerangka")
        for name, result in runs.items():
            write(f"commands/{name}.json", capture.dump_json(result))
        for rel, text in skeletons.items():
            write(f"skeletons/{rel}", text)

        write("bad-files/inputs.json", capture.dump_json(inputs))
        write("bad-files/outputs.json", capture.dump_json(capture.run_corpus(inputs, work / "korpus")))

    print(f"Golden ditulis di {HERE}. Periksa 'git diff tests/golden' sebelum commit.")


if __name__ == "__main__":
    main()
