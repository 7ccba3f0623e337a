"""Rule modules; importing this package registers every rule."""

from rancang.lint.rules import body, catalogue, frame, knowledge, markdown, phrases, spelling, text  # noqa: F401
