"""Rule modules; importing this package registers every rule."""

from rancang.lint.rules import (  # noqa: F401
    agencies, amendment, body, catalogue, decree, frame, knowledge, markdown, phrases, region, spelling, text,
)
