"""Rules on names that should be one of a kind: an innovation profile per innovation (L605), an entry of
``kb/perangkat-daerah.yaml`` per agency (L606).

Both compare names by :func:`rancang.language.agencies.key` (capitals, punctuation, spacing, ``dan``/``&`` and
the common abbreviations of institutions folded), so ``SIPAKARAJA`` and ``Si Pakaraja`` or ``Dinkes`` and
``Dinas Kesehatan`` meet; an import from another database is where such twins come from.
"""

from __future__ import annotations

from typing import Iterator

from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.language.agencies import key, near_duplicates
from rancang.lint.context import LintContext, diagnostic, quote
from rancang.lint.registry import Example, rule
from rancang.locations import locate
from rancang.models.catalogue import Agency

WARNING = Severity.WARNING


def _where(location: Location) -> str:
    return f"{location.path}:{location.line}" if location.line > 0 else location.path


# -- L605 ---------------------------------------------------------------------


@rule(
    "L605", "Dua profil inovasi bernama sama", WARNING,
    "Satu inovasi dicatat dalam satu profil: Indeks Inovasi Daerah menilai setiap inovasi yang dilaporkan satu "
    "kali, dan direktori, galeri, serta data terbuka menghitung satu profil sebagai satu inovasi. Dua profil "
    "yang namanya sama (termasuk nama_lain), setelah huruf besar, tanda baca, spasi, dan singkatan nama instansi "
    "disamakan, biasanya inovasi yang sama yang masuk dua kali, misalnya dari dua impor atau dari basis data yang "
    "mencatat tiap tahun pelaporan sebagai baris sendiri. Bila memang dua inovasi berbeda, bedakan namanya "
    "seperti pada sumbernya (misalnya dengan nama kelurahan atau tahun).",
    wrong=Example("inovasi-lain", """
        nama: LAYANAN CONTOH
    """),
    right=Example("inovasi-lain", """
        nama: Layanan Contoh Kelurahan Lumpue
    """),
)
def same_innovation_name(context: LintContext) -> Iterator[Diagnostic]:
    # Each spelling keeps the arguments of its location; a location is looked up only for what is reported
    # (locating reads the profile's file again: thousands of profiles must not pay for it).
    first_of: dict[str, tuple[str, object, tuple]] = {}
    for record_id, profile in sorted(context.data.innovations.items()):
        spellings = [(profile.name, ("name",))]
        spellings += [(name, ("other_names", i)) for i, name in enumerate(profile.other_names)]
        # SIPAKARAJA = Si Pakaraja; the keys of a profile are kept with it between builds
        keys = context.remember(record_id, "L605", lambda: [key(name).replace(" ", "") for name, _ in spellings])
        reported: set[str] = set()
        own: dict[str, tuple[str, object, tuple]] = {}
        for (name, place), name_key in zip(spellings, keys):
            if not name_key:
                continue
            earlier = first_of.get(name_key)
            if earlier is not None and earlier[0] != record_id and earlier[0] not in reported:
                reported.add(earlier[0])
                other_id, other_profile, other_place = earlier
                yield diagnostic(
                    "L605", f"profil '{record_id}' bernama {quote(name)}, sama dengan profil '{other_id}' "
                    f"({_where(locate(other_profile, *other_place))})", locate(profile, *place),
                    f"bila inovasi yang sama, gabungkan isinya ke kb/inovasi/{other_id}.yaml, hapus profil ini, "
                    f"dan catat ejaan lain di nama_lain; bila berbeda, bedakan namanya seperti pada sumbernya")
            own.setdefault(name_key, (record_id, profile, place))
        for name_key, value in own.items():
            first_of.setdefault(name_key, value)


# -- L606 ---------------------------------------------------------------------


def _spellings(agency: Agency) -> Iterator[tuple[str, str, tuple]]:
    """(spelling, key name, locate arguments) of an agency's name, short name and aliases."""
    yield agency.name, "nama", ("name",)
    if agency.short_name:
        yield agency.short_name, "singkatan", ("short_name",)
    for index, alias in enumerate(agency.aliases):
        yield alias, "alias", ("aliases", index)


@rule(
    "L606", "Perangkat daerah tercatat dua kali", WARNING,
    "Satu perangkat daerah dicatat sekali di kb/perangkat-daerah.yaml, supaya profil inovasinya terkumpul di "
    "bawah satu id dan terhitung bersama. Basis data lain menulis nama yang sama dengan banyak cara: huruf besar "
    "semua, singkatan (Dinkes, Bappeda, Kemenkumham), dengan atau tanpa nama daerah (Dinas Kesehatan Kota "
    "Parepare), tanda baca dan '&' (Dinas Pertanian, Kelautan dan Perikanan), atau salah ketik satu huruf. Dua "
    "entri yang namanya sama setelah semua itu disamakan (daftar singkatan: src/rancang/language/"
    "singkatan-instansi.yaml) kemungkinan satu perangkat daerah: gabungkan dan simpan ejaan lainnya di "
    "'alias', agar impor berikutnya mengenalinya. Alias yang sama dengan nama, singkatan, atau alias perangkat "
    "daerah lain membuat nama itu menunjuk dua perangkat daerah. Nama yang berbeda satu kata (Dinas Kesehatan "
    "dan Dinas Kesehatan Hewan, Kecamatan Bacukiki dan Kecamatan Bacukiki Barat) tidak dilaporkan.",
    wrong=Example("perangkat-daerah", """
        - id: bappeda-kota-parepare
          nama: BADAN PERENCANAAN PEMBANGUNAN DAERAH KOTA PAREPARE
    """),
    right=Example("perangkat-daerah", """
        - id: bappeda
          nama: Badan Perencanaan Pembangunan Daerah
          singkatan: Bappeda
          alias:
            - BADAN PERENCANAAN PEMBANGUNAN DAERAH KOTA PAREPARE
    """),
)
def duplicate_agencies(context: LintContext) -> Iterator[Diagnostic]:
    agencies = context.data.agencies
    order = list(agencies)
    # An alias that is another agency's name, short name or alias (by key).
    owners: dict[str, list[tuple[str, str, str]]] = {}
    for agency_id in order:
        for spelling, kind, _ in _spellings(agencies[agency_id]):
            owners.setdefault(key(spelling), []).append((agency_id, kind, spelling))
    clashing: set[frozenset[str]] = set()
    clashing_aliases: set[tuple[str, int]] = set()
    for agency_id in order:
        agency = agencies[agency_id]
        for index, alias in enumerate(agency.aliases):
            others = [o for o in owners.get(key(alias), ()) if o[0] != agency_id]
            if not others:
                continue
            other_id, kind, spelling = others[0]
            clashing.add(frozenset((agency_id, other_id)))
            clashing_aliases.add((agency_id, index))
            yield diagnostic(
                "L606", f"alias {quote(alias)} perangkat daerah '{agency_id}' sama dengan {kind} {quote(spelling)} "
                f"perangkat daerah '{other_id}' "
                f"({_where(locate(agencies[other_id], 'name'))})", locate(agency, "aliases", index),
                "satu nama hanya boleh menunjuk satu perangkat daerah: hapus alias ini, atau gabungkan kedua "
                "entri bila keduanya satu perangkat daerah")
    names = [(agency_id, spelling) for agency_id in order
             for spelling, kind, where in _spellings(agencies[agency_id])
             if kind != "alias" or (agency_id, where[1]) not in clashing_aliases]  # reported above
    for first, second, reason in near_duplicates(names):
        if frozenset((first, second)) in clashing:
            continue
        kept, other = agencies[first], agencies[second]
        yield diagnostic(
            "L606", f"perangkat daerah '{second}' mungkin sama dengan '{first}' ({_where(locate(kept, 'name'))}): "
            f"{reason}", locate(other, "name"),
            f"bila satu perangkat daerah, gabungkan: hapus entri '{second}', ganti 'perangkat_daerah: {second}' "
            f"pada profil inovasi menjadi '{first}', dan tulis {quote(other.name)} di 'alias' perangkat daerah "
            f"'{first}'")
