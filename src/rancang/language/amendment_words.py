"""The fixed formulas of an amending regulation (Perubahan): its title, the lead of Pasal I, each change point.

Pure functions from labels to Indonesian text; which elements changed is decided elsewhere
(:mod:`rancang.drafting.versions`). Labels are the elements' printed labels, bare or with their unit word
(``12A`` or ``Pasal 12A``; ``(1a)`` or ``1a``; ``c``, ``c.``; ``5``, ``5.``); a ``container`` is the printed path
of the element holding them, innermost first, as the text reads it: ``[]`` for a BAB or Pasal (Pasal numbers
run through the whole regulation), ``["Pasal 18"]`` for an ayat, ``["ayat (2)", "Pasal 7"]`` for a huruf of
an ayat, ``["BAB III"]`` for a Bagian.

Sources (checked 2026-12; the formulas are facts, the examples in the tests are ours):

* Lampiran II UU 12/2011, "Perubahan Peraturan Perundang-undangan", as restated with its examples in the
  DPR handbook *Proses & Teknik Penyusunan Undang-Undang*:
  https://online.flipbuilder.com/Buku/cmtv/files/basic-html/page291.html (Pasal I and II, Roman),
  https://online.flipbuilder.com/Buku/cmtv/files/basic-html/page292.html (Pasal I lead, "Beberapa ketentuan
  dalam ... diubah sebagai berikut:" for several points, "Ketentuan Pasal ... dalam ... diubah sehingga
  berbunyi sebagai berikut:" for one; points "Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:",
  "Ketentuan ayat (2) dan ayat (3) Pasal 8 diubah ..."),
  https://online.flipbuilder.com/Buku/cmtv/files/basic-html/page293.html (an amended regulation's chain in
  Pasal I; "Bab V dihapus."; inserted bab and pasal placed where their matter belongs),
  https://online.flipbuilder.com/Buku/cmtv/files/basic-html/page294.html ("Di antara Pasal 128 dan Pasal 129
  disisipkan 1 (satu) pasal, yakni Pasal 128A sehingga berbunyi sebagai berikut:"; inserted ayat numbered
  with the ayat before it and a lower-case letter in brackets, "Di antara ayat (1) dan ayat (2) Pasal 18
  disisipkan 2 (dua) ayat, yakni ayat (1a) dan ayat (1b) sehingga Pasal 18 berbunyi sebagai berikut:";
  a deleted unit keeps its number marked dihapus: "Pasal 16 dihapus.", "Pasal 18 ayat (2) dihapus sehingga
  Pasal 18 berbunyi sebagai berikut:").
* Title: Lampiran II on amendment titles ("PERUBAHAN ATAS ...", and when amended more than once the count
  between PERUBAHAN and ATAS, "PERUBAHAN KEDUA ATAS ...", without listing the earlier amendments), as quoted in
  https://text-id.123dok.com/document/ozl1d4goy-penutup-jika-peraturan-telah-diubah-lebih-dari-1-satu-kali-diantara-kata-perubahan-dan.html
  and the project's notes (/work/shared/domain/legal-drafting.md §7).
* Appending after the last unit ("Setelah Pasal ... ditambahkan 1 (satu) pasal, yakni ..."): the Kemenkeu
  restatement of Lampiran II (KMK 527/KMK.01/2022, butir 124e; source S4 of the project's notes). Secondary.
* Lists of several labels: "A dan B"; "A, B, dan C" (the comma before *dan* as in Lampiran II's konsiderans
  and in enacted amendments, e.g. UU 41/2014 Pasal I angka 1 "angka 41, angka 46, dan angka 49").

Where practice varies, a keyword argument chooses and its default is the form of Lampiran II's own examples:
``quoted`` (what "sehingga ... berbunyi" names: Lampiran II quotes the whole Pasal after inserting or deleting
an ayat, "sehingga Pasal 18 berbunyi", but only "sehingga berbunyi" after changing ayat); ``comma`` (Lampiran
II's own Pasal I example writes "...) diubah sebagai berikut:", many enacted texts "...), diubah"). Not covered:
combined points ("Ketentuan Pasal 1 angka 2 diubah, di antara angka 5 dan angka 6 disisipkan ..., sehingga
Pasal 1 berbunyi ...") and ranges ("Pasal 10 sampai dengan Pasal 15"): each label is named. A BAB is written ``BAB`` as in Lampiran II's
insertion example ("BAB IVA"; the DPR restatement writes "Bab V dihapus." in another example). A Pasal I with a
single change point has no number: its lead is the instruction itself naming the regulation
(:func:`single_instruction`), Lampiran II's single form ("Ketentuan Pasal 5 dalam ... diubah sehingga berbunyi
sebagai berikut:"), extended the same way to one insertion or deletion ("Di antara Pasal 12 dan Pasal 13 dalam
... disisipkan ...", "Pasal 16 dalam ... dihapus.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rancang.language import numbering

#: What a change point does: change, insert (or append after the last), delete.
ACTIONS = ("ubah", "sisip", "hapus")

#: The word naming each level in a reference ("Pasal 5", "ayat (2)", "huruf a") and, lower-case, in a count
#: ("1 (satu) pasal").
_UNIT = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf", "pasal": "Pasal", "ayat": "ayat",
         "huruf": "huruf", "angka": "angka"}

#: What a deleted element reads in the consolidated text and in a quoted Pasal.
DELETED = "Dihapus."


def unit_name(level: str, label: str) -> str:
    """``("pasal", "12A")`` -> ``Pasal 12A``; ``("ayat", "1a")`` -> ``ayat (1a)``; ``("huruf", "c.")`` ->
    ``huruf c``; a label already carrying its word (``Pasal 12A``, ``ayat (1a)``, ``BAB IV``) is kept."""
    if level not in _UNIT:
        raise ValueError(f"tingkat {level!r} tidak dikenal; pilih salah satu dari {', '.join(_UNIT)}")
    word = _UNIT[level]
    text = " ".join(label.split())
    if not text:
        raise ValueError(f"label {level} kosong")
    if text.lower().startswith(word.lower() + " "):
        text = text[len(word) + 1:]
    if level == "ayat":
        text = text.strip("()")
        return f"ayat ({text})"
    if level in ("huruf", "angka"):
        text = text.rstrip(".")
    return f"{word} {text}"


def join(items: Sequence[str]) -> str:
    """``A``; ``A dan B``; ``A, B, dan C``."""
    items = list(items)
    if not items:
        raise ValueError("daftar kosong")
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return ", ".join(items[:-1]) + f", dan {items[-1]}"


def _path(container: Sequence[str]) -> str:
    return " ".join(" ".join(part.split()) for part in container)


def _pasal_of(container: Sequence[str]) -> str | None:
    """The Pasal in a container path (``["ayat (2)", "Pasal 7"]`` -> ``Pasal 7``)."""
    for part in container:
        if re.match(r"Pasal\s", part):
            return " ".join(part.split())
    return None


def _berbunyi(quoted: str | None) -> str:
    return f"sehingga {quoted} berbunyi sebagai berikut:" if quoted else "sehingga berbunyi sebagai berikut:"


def change_instruction(action: str, level: str, labels: Sequence[str], container: Sequence[str] = (),
                       between: tuple[str, str | None] | None = None, *, quoted: str | None | bool = True,
                       ) -> str:
    """The instruction of one change point of Pasal I (without its number).

    ``action`` "ubah": ``Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:``; ``Ketentuan ayat (2)
    dan ayat (3) Pasal 8 diubah sehingga berbunyi sebagai berikut:``.

    "sisip", ``between`` = (label before, label after): ``Di antara Pasal 12 dan Pasal 13 disisipkan 1 (satu)
    pasal, yakni Pasal 12A sehingga berbunyi sebagai berikut:``; ``Di antara ayat (1) dan ayat (2) Pasal 18
    disisipkan 2 (dua) ayat, yakni ayat (1a) dan ayat (1b) sehingga Pasal 18 berbunyi sebagai berikut:``.
    With no label after (appended after the last unit): ``Setelah ayat (3) Pasal 6 ditambahkan 1 (satu) ayat,
    yakni ayat (4) sehingga Pasal 6 berbunyi sebagai berikut:``.

    "hapus": ``Pasal 16 dihapus.``; ``BAB V dihapus.``; inside a Pasal, in reference order and quoting the
    Pasal: ``Pasal 18 ayat (2) dihapus sehingga Pasal 18 berbunyi sebagai berikut:``.

    ``quoted`` is what "sehingga ... berbunyi" names. ``True`` (default): Lampiran II's choice, the Pasal of
    the container when an ayat, huruf or angka is inserted or deleted, nothing otherwise (the changed or
    inserted units are quoted themselves); ``None`` or ``False``: nothing; a string (``"Pasal 7"``): that unit.
    """
    if action not in ACTIONS:
        raise ValueError(f"tindakan {action!r} tidak dikenal; pilih salah satu dari {', '.join(ACTIONS)}")
    if not labels:
        raise ValueError("tidak ada unsur yang diubah, disisipkan, atau dihapus")
    names = [unit_name(level, label) for label in labels]
    path = _path(container)
    inner = level in ("ayat", "huruf", "angka")
    if quoted is True:
        quoted = _pasal_of(container) if inner and action != "ubah" else None
    elif quoted is False:
        quoted = None
    if inner and not _pasal_of(container) and action != "ubah":
        raise ValueError(f"{level} harus disebut bersama pasalnya (container tanpa Pasal: {list(container)})")

    if action == "ubah":
        if between is not None:
            raise ValueError("'between' hanya untuk sisipan")
        target = join(names) + (f" {path}" if path else "")
        return f"Ketentuan {target} diubah {_berbunyi(quoted)}"

    if action == "hapus":
        if between is not None:
            raise ValueError("'between' hanya untuk sisipan")
        if not inner:
            target = join(names) + (f" {path}" if path else "")
            return f"{target} dihapus."
        # reference order, outermost first: "Pasal 18 ayat (2)", "Pasal 7 ayat (2) huruf c dan huruf d"
        outer = _path(list(reversed(list(container))))
        return f"{outer} {join(names)} dihapus {_berbunyi(quoted)}"

    if between is None:
        raise ValueError("sisipan memerlukan 'between': (unsur sebelum, unsur sesudah atau None)")
    before, after = between
    count = f"{numbering.with_words(len(names))} {level}"
    which = f"yakni {join(names)}"
    where = f" {path}" if path else ""
    if after is None:
        return f"Setelah {unit_name(level, before)}{where} ditambahkan {count}, {which} {_berbunyi(quoted)}"
    return (f"Di antara {unit_name(level, before)} dan {unit_name(level, after)}{where} disisipkan {count}, "
            f"{which} {_berbunyi(quoted)}")


def amendment_title(kind_name: str, region: str, number: str | int, year: str | int, about: str,
                    ordinal: int = 1, *, capitals: bool = True) -> str:
    """``PERUBAHAN ATAS PERATURAN WALI KOTA PAREPARE NOMOR 5 TAHUN 2020 TENTANG ...``; ``ordinal`` 2 ->
    ``PERUBAHAN KEDUA ATAS ...`` (the count only: the earlier amendments are not listed in a title).

    ``kind_name`` and ``region`` as the amended regulation is named (``Peraturan Wali Kota`` + ``Parepare``;
    ``Peraturan Daerah`` + ``Kota Parepare``; an empty region is left out). ``capitals=False`` gives the form
    used in running text (the last konsiderans, "Menetapkan"): ``Perubahan Kedua atas Peraturan Wali Kota
    Parepare Nomor 5 Tahun 2020 tentang ...`` with ``about`` as given."""
    if ordinal < 1:
        raise ValueError(f"perubahan ke-{ordinal} tidak ada; yang pertama adalah 1")
    count = "" if ordinal == 1 else f" {numbering.ordinal(ordinal)}"
    name = " ".join(part for part in (kind_name.strip(), region.strip()) if part)
    text = f"Perubahan{count} atas {name} Nomor {number} Tahun {year} tentang {' '.join(about.split())}"
    return text.upper() if capitals else text


def amended_citation(citation: str, amendments: Sequence[str] = (), *, last_comma: bool = True) -> str:
    """The amended regulation as Pasal I names it: its citation, then the chain of earlier amendments
    (``... sebagaimana telah diubah dengan ...``; after several, ``... sebagaimana telah beberapa kali diubah,
    terakhir dengan ...``, the form :func:`rancang.language.citation.cite` writes in Mengingat). Pass a citation
    from ``cite`` as it is: it already holds the chain, and ``amendments`` stays empty."""
    if not amendments:
        return citation
    if len(amendments) == 1:
        return f"{citation} sebagaimana telah diubah dengan {amendments[0]}"
    comma = "," if last_comma else ""
    return f"{citation} sebagaimana telah beberapa kali diubah{comma} terakhir dengan {amendments[-1]}"


def pasal_i_lead(citation: str, single: str | None = None, amendments: Sequence[str] = (), *,
                 comma: bool = False, last_comma: bool = True) -> str:
    """The text of Pasal I before its change points.

    Several points: ``Beberapa ketentuan dalam <citation> diubah sebagai berikut:``. A single changed Pasal
    (``single="Pasal 5"``): ``Ketentuan Pasal 5 dalam <citation> diubah sehingga berbunyi sebagai berikut:``,
    then that Pasal, with no numbered point. ``citation`` is the amended regulation with its publication
    (``Peraturan Wali Kota Parepare Nomor 5 Tahun 2020 tentang ... (Berita Daerah Kota Parepare Tahun 2020
    Nomor 5)``); ``amendments`` the earlier amending regulations, oldest first (see :func:`amended_citation`).
    ``comma=True`` writes the comma many enacted texts put before *diubah*; ``last_comma=False`` the chain's
    "beberapa kali diubah terakhir dengan" without its comma (both: settings ``dokumen.perubahan``)."""
    name = amended_citation(" ".join(citation.split()), amendments, last_comma=last_comma)
    sep = "," if comma else ""
    if single is not None:
        return f"Ketentuan {single} dalam {name}{sep} diubah sehingga berbunyi sebagai berikut:"
    return f"Beberapa ketentuan dalam {name}{sep} diubah sebagai berikut:"


_VERBS = re.compile(r" (diubah|disisipkan|ditambahkan|dihapus)\b")


def single_instruction(citation: str, action: str, level: str, labels: Sequence[str], container: Sequence[str] = (),
                       between: tuple[str, str | None] | None = None, amendments: Sequence[str] = (), *,
                       comma: bool = False, last_comma: bool = True) -> str:
    """The whole of Pasal I before its quoted text when it has a single change point (Lampiran II's single
    form, no number): the point's instruction (:func:`change_instruction`) naming the regulation before its verb.

    ``Ketentuan Pasal 5 dalam <citation> diubah sehingga berbunyi sebagai berikut:``; ``Di antara Pasal 12 dan
    Pasal 13 dalam <citation> disisipkan 1 (satu) pasal, yakni Pasal 12A sehingga berbunyi sebagai berikut:``;
    ``Pasal 16 dalam <citation> dihapus.``; ``Pasal 18 ayat (2) dalam <citation> dihapus sehingga Pasal 18
    berbunyi sebagai berikut:``. ``citation``, ``amendments`` and ``comma`` as in :func:`pasal_i_lead`."""
    instruction = change_instruction(action, level, labels, container, between)
    name = amended_citation(" ".join(citation.split()), amendments, last_comma=last_comma)
    match = _VERBS.search(instruction)
    assert match is not None  # every instruction has its verb
    sep = "," if comma else ""
    return f"{instruction[:match.start()]} dalam {name}{sep}{instruction[match.start():]}"
