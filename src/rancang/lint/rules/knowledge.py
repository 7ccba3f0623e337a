"""Rules: knowledge (see rancang.lint.registry for how a rule is written)."""

from __future__ import annotations
