"""One cell's value as the value of a profile key, by what the key holds (:class:`mapping.Kind`).

Dates come in many shapes (``2021``, ``2021-06-04``, ``04/06/2021``, ``4 Juni 2021``, ``Juni 2021``, an
Excel date or an Excel day number); choices by the mapping's ``nilai``, by their value (``uji_coba``) or by
their label (``Uji coba``); lists split at the mapping's ``pemisah`` (by default ``;`` and line breaks);
Markdown narratives written as HTML are converted (:mod:`rancang.importer.innovations.html`). A cell that
cannot be read raises :class:`CellProblem` with an Indonesian message; the caller locates it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rancang.importer.innovations.mapping import DEFAULT_SEPARATOR, Kind, Rule, normal
from rancang.language import agencies
from rancang.models.base import ID_PATTERN, PartialDate

if TYPE_CHECKING:  # the HTML reader (bs4, markdownify) is imported only when a cell holds HTML
    from rancang.importer.innovations.html import Image

WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+")


def words(text: str) -> list[str]:
    """Words for the ledger: letters and digits, case-folded."""
    return WORD.findall(text.casefold())


INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
"""Soft hyphens, zero-width spaces and joiners, byte-order marks: they cut words apart for the site search."""
INVISIBLE[0xA0] = " "
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")


def clean(text: str) -> str:
    """A plain cell's text as a reader sees it: HTML entities typed into the cell (``&amp;``, ``&shy;``,
    ``&nbsp;``) decoded, invisible characters removed, no-break spaces made spaces."""
    if "&" in text and _ENTITY.search(text):
        import html

        text = html.unescape(text)
    return text.translate(INVISIBLE)


class CellProblem(Exception):
    def __init__(self, message: str, suggestion: str | None = None):
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


class NotImportable(Exception):
    """A value that has no place in a profile (a summary column in the view's words): the report keeps it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Converted:
    value: Any
    notes: list[str] = field(default_factory=list)
    """What was done that a reader should know (Indonesian), each with the source text it concerns."""
    images: list[Image] = field(default_factory=list)
    """Pictures taken out of an HTML cell (:class:`rancang.importer.innovations.html.Image`)."""


# -- dates ------------------------------------------------------------------------------------------------------

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
EXCEL_EPOCH = dt.date(1899, 12, 30)

_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NAMED = re.compile(r"^(?:(\d{1,2})\s*[\s\-/.]\s*)?([A-Za-z]+)\.?[\s,\-/]*(\d{4})$")

DATE_SHAPES = "2021, 2021-06, 2021-06-04, 04/06/2021 (hari/bulan/tahun), 4 Juni 2021, atau Juni 2021"


def _partial(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    try:
        if day is not None:
            dt.date(year, month or 1, day)
        if month is not None and not 1 <= month <= 12:
            raise ValueError
    except ValueError:
        raise CellProblem(f"tanggal {day or ''}/{month or ''}/{year} tidak ada dalam kalender") from None
    if not 1900 <= year <= 2100:
        raise CellProblem(f"tahun {year} di luar rentang 1900-2100")
    return PartialDate(year, month, day)


def parse_date(value: Any) -> tuple[PartialDate, list[str]]:
    """A date of any common shape, and what was assumed to read it."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day), []
    if isinstance(value, bool):
        raise CellProblem(f"{value!r} bukan tanggal")
    if isinstance(value, (int, float)):
        number = float(value)
        if number.is_integer() and 1900 <= number <= 2100:
            return _partial(int(number)), []
        if number.is_integer() and 20000 <= number <= 80000:  # an Excel day number not formatted as a date
            day = EXCEL_EPOCH + dt.timedelta(days=int(number))
            return PartialDate(day.year, day.month, day.day), [f"angka hari Excel {int(number)} dibaca sebagai "
                                                                f"tanggal {day.isoformat()}"]
        raise CellProblem(f"angka {value} bukan tanggal; tulis {DATE_SHAPES}")
    text = " ".join(str(value).split()).strip(" .,")
    lowered = text.casefold()
    lowered = re.sub(r"^tahun\s+", "", lowered)
    for day_name in DAYS:
        if lowered.startswith(day_name):
            lowered = lowered[len(day_name):].lstrip(" ,")
            break
    if re.fullmatch(r"\d{4}", lowered):
        return _partial(int(lowered)), []
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", lowered)
    if match:
        return _partial(int(match.group(1)), int(match.group(2))), []
    match = _ISO.match(lowered)
    if match:
        return _partial(int(match.group(1)), int(match.group(2)), int(match.group(3))), []
    match = _NUMERIC.match(lowered)
    if match:
        first, second, year = (int(g) for g in match.groups())
        if second > 12 >= first:
            return _partial(year, first, second), [f"«{text}» dibaca sebagai bulan/hari/tahun (bulan {second} "
                                                   "tidak ada)"]
        return _partial(year, second, first), []
    match = _MONTH_YEAR.match(lowered)
    if match:
        return _partial(int(match.group(2)), int(match.group(1))), []
    match = _NAMED.match(lowered)
    if match and match.group(2) in MONTHS:
        day = int(match.group(1)) if match.group(1) else None
        return _partial(int(match.group(3)), MONTHS[match.group(2)], day), []
    raise CellProblem(f"tanggal «{text}» tidak dikenali; tulis {DATE_SHAPES}")


def date_value(date: PartialDate) -> Any:
    """As the YAML writes it: a year as a number, a month as ``'2021-06'``, a day as a date."""
    if date.day:
        return dt.date(date.year, date.month or 1, date.day)
    if date.month:
        return f"{date.year:04d}-{date.month:02d}"
    return date.year


# -- choices ----------------------------------------------------------------------------------------------------


def _loose(text: str) -> str:
    text = normal(text).replace("-", " ")
    text = re.sub(r"\s*\([^)]*\)$", "", text)  # 'Digital (Daring)'
    return " ".join(text.split())


def parse_choice(value: Any, choice: type, values: dict[str, str]) -> str:
    text = " ".join(str(value).split())
    key = normal(text)
    if key in values:
        return values[key]
    loose = _loose(text)
    for member in choice:
        if loose in (_loose(member.value), _loose(member.label)):
            return member.value
    trimmed = re.sub(r"^inovasi\s+", "", loose)
    for member in choice:
        label = _loose(member.label)
        if trimmed in (_loose(member.value), label) or (len(trimmed) > 6 and label.startswith(trimmed)):
            return member.value
    allowed = [f"{member.value} ({member.label})" for member in choice]
    close = difflib.get_close_matches(loose, [_loose(m.label) for m in choice] + [_loose(m.value) for m in choice],
                                      n=1, cutoff=0.6)
    suggestion = None
    if close:
        target = next(m for m in choice if close[0] in (_loose(m.label), _loose(m.value)))
        suggestion = f"mungkin maksud Anda '{target.value}'? Bila benar, tambahkan di pemetaan 'nilai'"
    raise CellProblem(f"nilai «{text}» tidak dikenal; pilihan: " + ", ".join(allowed),
                      suggestion or "tambahkan padanannya di pemetaan: kolom → nilai")


# -- the rest ---------------------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def source_text(value: Any) -> str:
    """A cell as text (for the report and the ledger)."""
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False)
    return _text(value)


def split(value: Any, separator: str | None) -> list[Any]:
    if isinstance(value, list):
        return value
    text = clean(_text(value))
    if separator is None:
        parts = re.split(rf"{re.escape(DEFAULT_SEPARATOR)}|\r?\n", text)
    else:
        parts = text.split(separator)
    return [part.strip() for part in parts if part.strip()]


def markdown(value: Any) -> Converted:
    text = _text(value)
    from rancang.importer.innovations import html

    if html.looks_like_html(text):
        converted = html.html_to_markdown(text)
        return Converted(converted.markdown.strip(), list(converted.dropped), list(converted.images))
    text = clean(text)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return Converted("\n".join(lines).strip("\n").strip())


def number(value: Any) -> float:
    if isinstance(value, bool):
        raise CellProblem(f"{value!r} bukan angka")
    if isinstance(value, (int, float)):
        return float(value)
    text = re.sub(r"^rp\.?\s*", "", _text(value).strip().casefold())
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.500.000,50
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CellProblem(f"«{_text(value)}» bukan angka") from None


def convert(value: Any, kind: Kind, rule: Rule) -> Converted:
    """The value of one key from one cell (JSON: any JSON value)."""
    name = kind.name
    if name == "list":
        item = kind.item or Kind("text")
        if item.name == "model":
            if isinstance(value, list):
                return Converted(value)
            raise NotImportable("daftar berisi isian bertingkat hanya dapat diimpor dari JSON")
        out, notes, images = [], [], []
        for part in split(value, rule.separator):
            one = convert(part, item, rule)
            out.append(one.value)
            notes += one.notes
            images += one.images
        return Converted(out, notes, images)
    if name == "model":
        if isinstance(value, dict):
            return Converted(value)
        raise NotImportable("isian bertingkat hanya dapat diimpor dari JSON (objek)")
    if isinstance(value, (dict, list)):
        raise CellProblem(f"{source_text(value)[:60]} harus berupa satu nilai, bukan daftar atau objek")
    if name == "date":
        date, notes = parse_date(value)
        return Converted(date_value(date), notes)
    if name == "choice" and kind.choice is not None:
        return Converted(parse_choice(value, kind.choice, rule.values))
    if name == "markdown":
        return markdown(value)
    if name == "int":
        got = number(value)
        if not got.is_integer():
            raise CellProblem(f"«{_text(value)}» harus bilangan bulat (misalnya tahun 2021)")
        return Converted(int(got))
    if name == "number":
        return Converted(number(value))
    if name == "bool":
        text = normal(_text(value))
        if text in ("ya", "y", "true", "benar", "1", "iya"):
            return Converted(True)
        if text in ("tidak", "t", "false", "salah", "0", "bukan"):
            return Converted(False)
        raise CellProblem(f"«{_text(value)}» harus ya atau tidak")
    text = " ".join(clean(_text(value)).split())
    if name == "id" and not ID_PATTERN.match(text):
        raise CellProblem(f"id «{text}» tidak valid: pakai huruf kecil a-z, angka, dan tanda hubung")
    if rule.key in CAPITALISED_NAMES:
        tidied = agencies.tidy_caps(text)
        if tidied is not None and tidied != text:
            return Converted(tidied, [f"nama yang ditulis dengan huruf besar semua dirapikan: «{text}» menjadi "
                                      f"«{tidied}»"])
    return Converted(text)


CAPITALISED_NAMES = {"wilayah.provinsi", "wilayah.kabupaten_kota", "unit"}
"""Keys holding a proper name that exports often write in capitals ('KOTA PAREPARE'): written as a name is."""


def slug(text: str) -> str:
    """``"Berdaya Srikandi oleh Srikandi"`` -> ``"berdaya-srikandi-oleh-srikandi"`` (ASCII, at most 80 letters,
    cut at a hyphen)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(out) > 80:
        out = out[:80].rsplit("-", 1)[0]
    return out or "inovasi"
