"""A synthetic region whose IID evidence is complete: "Kabupaten Contoh", a fictional project made for tests.

Nothing here describes a real region or real documents. The project is a ``rancang init`` skeleton with
``innovations`` profiles (the first six cover the six basic-service affairs of the 2026 catalogue), each with
evidence for every SID indicator of the newest catalogue, and ``kb/iid.yaml`` with evidence for every SPD
indicator. The documents are tiny generated PDF and PNG files under ``kb/bukti/``; the video is a link.

    from iid_region import complete_region
    root = complete_region(tmp_path)                      # 14 innovations, every level 3
    root = complete_region(tmp_path, innovations=6, sid_level=2, spd_level=1)

With the defaults the 2026 catalogue gives, by hand: SPD 21 x 3 = 63; SID 14 x 111 / MAX(14, 14) = 111;
count score 14 x 0,38 = 5,32; total 179,32; index 179,32 / 250 x 100 = 71,73: Sangat Inovatif.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from rancang.assessment.catalogue import load_catalogue
from rancang.models.project import RegionKind
from rancang.project_init import NewRegion, init_project

REGION = NewRegion(RegionKind.REGENCY, "Contoh", "Nusa Contoh", "Contoh Baru")
"""Fictional: no such regency or province exists."""

AFFAIRS = ("pendidikan", "kesehatan", "pekerjaan umum dan penataan ruang", "perumahan rakyat dan kawasan permukiman",
           "ketenteraman, ketertiban umum, dan pelindungan masyarakat", "sosial")
"""The six basic-service affairs, written as a profile writes them (lower case)."""

OTHER_AFFAIRS = ("perhubungan", "kependudukan dan pencatatan sipil", "pertanian", "pariwisata")

PNG_INDICATORS = {"alat-kerja", "sosialisasi", "layanan-terintegrasi", "informasi-layanan"}
"""Indicators whose synthetic evidence is a PNG image (the others get a PDF; the video a link)."""

LINK_INDICATORS = {"video"}


def innovation_id(number: int) -> str:
    return f"inovasi-sintetis-{number:02d}"


def pdf_bytes(text: str) -> bytes:
    """A minimal, valid one-page PDF showing ``text`` (ASCII)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def png_bytes(width: int = 4, height: int = 4, grey: int = 128) -> bytes:
    """A minimal, valid greyscale PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([grey]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _design(number: int) -> str:
    sentence = (f"Rancang bangun sintetis inovasi contoh nomor {number} untuk pengujian; layanan dirancang ulang "
                "agar warga mengajukan permohonan sekali, petugas memeriksa berkas secara berurutan, dan hasilnya "
                "dikirim kembali tanpa warga datang berulang kali.")
    return " ".join([sentence] * 12)


def _evidence(root: Path, folder: str, indicators, level: int, label: str) -> list[str]:
    """YAML lines of ``bukti:`` entries (indented for a list at the top level), writing each document."""
    lines = []
    for indicator in indicators:
        lines.append(f"  - indikator: {indicator.id}")
        lines.append(f"    tingkat: {level}")
        if indicator.id in LINK_INDICATORS:
            lines.append(f"    tautan: https://example.org/video-sintetis/{label}")
        else:
            suffix = "png" if indicator.id in PNG_INDICATORS else "pdf"
            relative = f"kb/bukti/{folder}/{indicator.id}.{suffix}"
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png_bytes() if suffix == "png" else
                              pdf_bytes(f"Dokumen sintetis {label} {indicator.id}"))
            lines.append(f"    berkas: {relative}")
        lines.append(f"    keterangan: Dokumen sintetis untuk pengujian ({indicator.number}).")
    return lines


def write_profile(root: Path, number: int, level: int, affair: str, catalogue=None) -> Path:
    """One synthetic profile with evidence for every SID indicator at ``level``."""
    catalogue = catalogue or load_catalogue()
    record_id = innovation_id(number)
    lines = [
        "# yaml-language-server: $schema=../../schemas/inovasi.schema.json",
        "## Profil sintetis untuk pengujian: inovasi ini tidak ada.",
        f"nama: Inovasi Sintetis {number:02d}",
        f"ringkasan: Inovasi rekaan nomor {number} milik Kabupaten Contoh, dibuat untuk pengujian rancang.",
        "perangkat_daerah: bappeda-contoh",
        "inisiator: asn",
        "bentuk: pelayanan_publik",
        "jenis: digital",
        "urusan:",
        f"  - {affair}",
        "tahapan: penerapan",
        "tanggal_uji_coba: 2024-02",
        "tanggal_penerapan: 2024-06-03",
        f"rancang_bangun: {_design(number)}",
        "tujuan: Mempercepat layanan rekaan bagi warga Kabupaten Contoh.",
        "manfaat: Warga rekaan menerima hasil layanan lebih cepat.",
        "hasil: Waktu layanan rekaan turun dari lima hari menjadi satu hari.",
        "sumber:",
        "  - judul: Data sintetis untuk pengujian rancang (bukan sumber nyata)",
        "bukti:",
        *_evidence(root, record_id, catalogue.sid, level, record_id),
    ]
    path = root / "kb" / "inovasi" / f"{record_id}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_region_file(root: Path, level: int, catalogue=None) -> Path:
    """``kb/iid.yaml`` with evidence for every SPD indicator at ``level``."""
    catalogue = catalogue or load_catalogue()
    lines = [
        "# yaml-language-server: $schema=../schemas/iid.schema.json",
        "## Data IID sintetis Kabupaten Contoh (rekaan, untuk pengujian).",
        f"katalog: {catalogue.year}",
        "bukti:",
        *_evidence(root, "daerah", catalogue.spd, level, "daerah"),
    ]
    path = root / "kb" / "iid.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def complete_region(tmp_path: Path, innovations: int = 14, sid_level: int = 3, spd_level: int = 3) -> Path:
    """A new synthetic project in ``tmp_path / "kabupaten-contoh"`` with complete IID evidence; returns its root."""
    root = tmp_path / "kabupaten-contoh"
    init_project(root, REGION)
    catalogue = load_catalogue()
    (root / "kb" / "perangkat-daerah.yaml").write_text(
        "# yaml-language-server: $schema=../schemas/perangkat-daerah.schema.json\n"
        "## Perangkat daerah sintetis Kabupaten Contoh (rekaan, untuk pengujian).\n"
        "- id: bappeda-contoh\n"
        "  nama: Badan Perencanaan Pembangunan Daerah Kabupaten Contoh\n", encoding="utf-8")
    affairs = AFFAIRS + OTHER_AFFAIRS
    for number in range(1, innovations + 1):
        write_profile(root, number, sid_level, affairs[(number - 1) % len(affairs)], catalogue)
    write_region_file(root, spd_level, catalogue)
    return root
