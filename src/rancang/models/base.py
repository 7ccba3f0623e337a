"""Base model and shared field types.

Python attribute names are English; every field carries its Indonesian YAML key
as its alias, and its Indonesian description (which the JSON Schema turns into
the hover text of the user's editor). Models import nothing else of rancang,
so that every layer can use them.

After validation each model instance remembers the file and the YAML node it
was built from (see :func:`rancang.locations.locate`), so an engine can point a
user to the exact line of any value.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetCoreSchemaHandler, PrivateAttr
from pydantic_core import PydanticCustomError, core_schema

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Model(BaseModel):
    """Base of every record: Indonesian keys, unknown keys refused."""

    model_config = ConfigDict(
        extra="forbid",
        validate_by_alias=True,
        serialize_by_alias=True,
        frozen=False,
        str_strip_whitespace=False,
        use_attribute_docstrings=False,
    )

    _path: str = PrivateAttr(default="")
    _node: Any = PrivateAttr(default=None)
    _text: str = PrivateAttr(default="")
    _reload: Any = PrivateAttr(default=None)

    # Set by the loader (rancang.locations.attach_sources).
    def _attach(self, path: str, node: Any, text: str = "") -> None:
        self._path = path
        self._node = node
        self._text = text
        if getattr(node, "is_lazy_source", False):
            self._reload = node

    @property
    def source_text(self) -> str:
        """The whole text of the file this record came from."""
        self._load_source()
        return self._text

    @property
    def source_path(self) -> str:
        return self._path

    @property
    def source_node(self) -> Any:
        self._load_source()
        return self._node

    def _load_source(self) -> None:
        # A record loaded without its YAML nodes (all records: a national project holds tens of thousands)
        # carries a lazy source instead; the file is read again, and the nodes attached to the whole
        # record, the first time a location is asked for.
        node = self._node
        if node is not None and getattr(node, "is_lazy_source", False):
            node()

    def __getstate__(self) -> dict[Any, Any]:
        """Pickled (by rancang's record cache) without the YAML nodes and the file's text."""
        state = super().__getstate__()
        private = state.get("__pydantic_private__")
        if private:
            state = {**state, "__pydantic_private__": {**private, "_node": private.get("_reload"), "_text": ""}}
        return state


class Choice(str, enum.Enum):
    """A closed list of YAML values, each with its Indonesian label written beside it, once.

    ``GOVERNANCE = "tata_kelola", "Tata kelola pemerintahan daerah"``: the value is what YAML holds (and what
    JSON Schema and open data show), :attr:`label` what a reader sees on a page, in a card or in a brief.
    """

    label: str

    def __new__(cls, value: str, label: str) -> "Choice":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise PydanticCustomError(
            "S207",
            "id '{value}' tidak valid: pakai huruf kecil a-z, angka, dan tanda hubung",
            {"value": value},
        )
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("S206", "teks tidak boleh kosong")
    return value


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise PydanticCustomError(
            "S206", "alamat web '{value}' tidak valid: harus diawali http:// atau https://", {"value": value}
        )
    return value


def _check_email(value: str) -> str:
    if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
        raise PydanticCustomError("S206", "alamat surel '{value}' tidak valid", {"value": value})
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    Field(json_schema_extra={"pattern": ID_PATTERN.pattern}),
]
"""An id: lower-case letters, digits and hyphens (``call-center-112``)."""

Text = Annotated[str, AfterValidator(_check_text), Field(json_schema_extra={"minLength": 1})]
"""Non-empty text, kept exactly as written."""

Markdown = Annotated[
    str,
    AfterValidator(_check_text),
    Field(json_schema_extra={"minLength": 1, "markdownDescription": "Teks bebas; format Markdown diizinkan."}),
]
"""Free text that may contain Markdown (rendered by MyST on the site)."""

Url = Annotated[str, AfterValidator(_check_url), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})]
Email = Annotated[str, AfterValidator(_check_email), Field(json_schema_extra={"format": "email"})]
Year = Annotated[int, Field(ge=1945, le=2100)]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (ISO 8601 reduced precision).

    Sources often give only "2018" or "Juni 2021"; forcing a full date would
    make users invent a day.
    """

    year: int
    month: int | None = None
    day: int | None = None

    PATTERN: ClassVar[re.Pattern[str]] = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise PydanticCustomError("S205", "tanggal harus ditulis TTTT-BB-HH, TTTT-BB, atau TTTT")
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
            try:  # a full date written in quotes: '2021-06-04'
                year, month, day = (int(part) for part in value.strip().split("-"))
                return cls.parse(_dt.date(year, month, day))
            except ValueError:
                raise PydanticCustomError("S205", "tanggal '{value}' tidak ada dalam kalender",
                                          {"value": value}) from None
        if isinstance(value, str):
            match = cls.PATTERN.match(value.strip())
            if match:
                year = int(match.group(1))
                month = int(match.group(2)) if match.group(2) else None
                if month is not None and not 1 <= month <= 12:
                    raise PydanticCustomError("S205", "bulan {month} tidak ada (1 sampai 12)", {"month": month})
                if not 1900 <= year <= 2100:
                    raise PydanticCustomError("S205", "tahun {year} di luar rentang 1900-2100", {"year": year})
                return cls(year, month)
        raise PydanticCustomError(
            "S205",
            "tanggal '{value}' harus ditulis TTTT-BB-HH (misalnya 2021-06-04), TTTT-BB, atau TTTT",
            {"value": str(value)},
        )

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def as_date(self) -> _dt.date:
        """The earliest day this partial date can mean (for sorting and ranges)."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def isoformat(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.isoformat()),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict:
        return {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\d{4}(-\d{1,2})?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ]
        }


def field(alias: str, description: str, **kwargs: Any) -> Any:
    """A model field with its Indonesian YAML key and description."""
    return Field(alias=alias, description=description, **kwargs)
