"""Rule modules; importing this package registers every rule."""

from rancang.lint.rules import frame  # noqa: F401
