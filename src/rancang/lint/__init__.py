"""The drafting linter: rules over the models and the numbered trees (Lampiran II UU 12/2011, IID fields).

Rules register themselves on import (:func:`rancang.lint.registry.rule`); importing this package imports every
rule module, so that :func:`rancang.lint.registry.all_rules` sees them all. The rule modules import the registry
and the context, never the other way round: the import contract in ``pyproject.toml`` holds that.
"""

from rancang.lint import rules  # noqa: F401 - registers every rule
