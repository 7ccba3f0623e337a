"""Command line: parses arguments, calls one function, prints what it found.

Nothing else happens here. Exit codes: 0 success, 1 problems in the user's
data (or an operation refused), 2 wrong command-line usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from rancang import __version__, layout
from rancang.diagnostics import Diagnostic, RancangError, Report

STRICT_HELP = ("perlakukan temuan aturan penyusunan dan peringatan sebagai galat: tidak ada yang ditulis (kode keluar "
               "1), misalnya untuk CI; tanpa pilihan ini temuan hanya dilaporkan")
BRIEF_HELP = ("cetak hanya ringkasan temuan (jumlah per kode dan per berkas) dan baris penutup, tanpa daftar "
              "temuannya")

# -- argparse in Bahasa Indonesia ----------------------------------------------------

_ARGPARSE_TEXT = {
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi rancang lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak dikenal: %(value)r (pilih dari %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "memerlukan satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan ambigu: %(option)s bisa berarti %(matches)s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak valid",
    "not allowed with argument %s": "tidak boleh dipakai bersama %s",
}


def _translate(message: str) -> str:
    return _ARGPARSE_TEXT.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


argparse._ = _translate  # type: ignore[attr-defined]
argparse.ngettext = _ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rancang",
        description="rancang: direktori inovasi, rancangan peraturan, dan bahan kunjungan kerja dari berkas YAML.",
    )
    parser.add_argument("--version", action="version", version=f"rancang {__version__}",
                        help="tampilkan versi rancang lalu keluar")
    parser.add_argument(
        "-C", "--project", metavar="FOLDER", type=Path, default=None,
        help="folder proyek (berisi rancang.yaml); bawaan: folder kerja atau induknya",
    )
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    commands.required = True

    init = commands.add_parser("init", help="buat proyek baru untuk satu kabupaten atau kota", description=(
        "Tulis proyek rancang baru untuk satu daerah di FOLDER (folder baru atau kosong): rancang.yaml, halaman "
        "situs yang judul dan teksnya diambil dari rancang.yaml, katalog dasar hukum nasional, satu kerangka contoh "
        "di setiap folder data (nama berkas diawali '_', tidak diperiksa dan tidak diterbitkan), .gitignore, dan "
        "README.md. Proyek itu langsung lolos rancang check dan dapat dibangun dengan rancang build."))
    init.add_argument("folder", type=Path, metavar="FOLDER", help="folder proyek baru (dibuat bila belum ada)")
    init.add_argument("--kabupaten", metavar="NAMA", default=None,
                      help="nama kabupaten tanpa kata 'Kabupaten', misalnya \"Pangkajene dan Kepulauan\"")
    init.add_argument("--kota", metavar="NAMA", default=None, help="nama kota tanpa kata 'Kota'")
    init.add_argument("--provinsi", metavar="NAMA", default=None,
                      help="nama provinsi tanpa kata 'Provinsi' (wajib), misalnya \"Sulawesi Selatan\"")
    init.add_argument("--ibu-kota", metavar="NAMA", default=None, dest="ibu_kota",
                      help="tempat peraturan ditetapkan dan diundangkan (ibu kota kabupaten), misalnya Pangkajene")

    check = commands.add_parser("check", help="periksa semua berkas YAML proyek", description=(
        "Periksa berkas proyek dan laporkan semua masalah sekaligus sebagai berkas:baris:kolom: KODE: pesan."))
    check.add_argument("paths", nargs="*", type=Path, metavar="JALUR",
                       help="berkas atau folder yang diperiksa; bawaan: seluruh proyek")
    check.add_argument("--format", choices=("teks", "json"), default="teks", help="bentuk laporan (bawaan: teks)")
    check.add_argument("--strict", action="store_true",
                       help="perlakukan peringatan sebagai galat (kode keluar 1), misalnya untuk CI")
    check.add_argument("--ringkas", action="store_true", help=BRIEF_HELP)

    build = commands.add_parser("build", help="periksa lalu bangun semua keluaran proyek",
                                description="Periksa seluruh proyek lalu bangun keluarannya.")
    build.add_argument("--format", choices=("teks", "json"), default="teks", help="bentuk laporan (bawaan: teks)")
    build.add_argument("--no-pdf", action="store_true", help="jangan membuat PDF walaupun LibreOffice terpasang")
    build.add_argument("--strict", action="store_true", help=STRICT_HELP)
    build.add_argument("--ringkas", action="store_true", help=BRIEF_HELP)

    serve = commands.add_parser("serve", help="bangun situs, sajikan di 127.0.0.1, dan bangun ulang saat berkas berubah",
                                description=("Bangun situs (tanpa PDF), sajikan folder situs di http://127.0.0.1:PORT/, "
                                             "lalu pantau kb/, regulations/, rancang.yaml, dan templates/: setiap "
                                             "perubahan dibangun ulang secara bertahap. Tekan Ctrl+C untuk berhenti."))
    serve.add_argument("--port", type=int, default=8000, metavar="N",
                       help="port server (bawaan: 8000; 0 = pilih port yang kosong)")

    draft = commands.add_parser("draft", help="buat rancangan peraturan (DOCX) dari regulations/<id>.yaml",
                                description="Nomori, rumuskan rujukan, lalu tulis rancangan peraturan sebagai DOCX.")
    draft.add_argument("regulation", type=Path, metavar="BERKAS", help=f"{layout.REGULATIONS}/<id>.yaml")
    draft.add_argument("-o", "--output", type=Path, metavar="KELUARAN.docx", default=None,
                       help=f"berkas keluaran; bawaan: {layout.DOCUMENTS_OUTPUT}/<id>.docx")
    draft.add_argument("--pdf", action="store_true", help="buat juga PDF dengan LibreOffice")
    draft.add_argument("--strict", action="store_true", help=STRICT_HELP)
    companion = draft.add_mutually_exclusive_group()
    companion.add_argument("--matriks", dest="companion", action="store_const", const="matriks",
                           help="buat matriks perbandingan (ketentuan lama, ketentuan baru, keterangan) dari "
                                "perubahan peraturan; bawaan: <id>-matriks.docx")
    companion.add_argument("--lacak", dest="companion", action="store_const", const="lacak",
                           help="buat naskah peraturan yang diubah dengan lacak perubahan (track changes) Word; "
                                "bawaan: <id>-lacak.docx")
    companion.add_argument("--terintegrasi", dest="companion", action="store_const", const="terintegrasi",
                           help="buat naskah terintegrasi peraturan yang diubah (dari peraturan itu atau "
                                "perubahannya); bawaan: <id peraturan>-terintegrasi.docx")

    for name, what in (("brief", "bahan kunjungan kerja"), ("report", "laporan hasil kunjungan kerja")):
        visit = commands.add_parser(name, help=f"buat {what} (DOCX) dari visits/<id>.yaml",
                                    description=f"Tulis {what} sebagai DOCX, dengan profil inovasi dari kb/.")
        visit.add_argument("visit", type=Path, metavar="BERKAS", help=f"{layout.VISITS}/<id>.yaml")
        visit.add_argument("-o", "--output", type=Path, metavar="KELUARAN.docx", default=None,
                           help=f"berkas keluaran; bawaan: {layout.DOCUMENTS_OUTPUT}/<id>-{'bahan' if name == 'brief' else 'laporan'}.docx")
        visit.add_argument("--pdf", action="store_true", help="buat juga PDF dengan LibreOffice")
        visit.add_argument("--strict", action="store_true", help=STRICT_HELP)

    proposal = commands.add_parser(
        "proposal", help="buat draf proposal KIPP (DOCX) dari profil kb/inovasi/<id>.yaml",
        description=("Tulis draf proposal Kompetisi Inovasi Pelayanan Publik (KIPP) untuk satu inovasi: setiap "
                     "aspek dengan bobot dan jumlah katanya, diisi dari profil inovasi; bagian yang belum ada di "
                     "profil ditandai untuk diisi penulis, tidak dikarang."))
    proposal.add_argument("innovation", metavar="ID", help=f"id inovasi (nama berkas di {layout.INNOVATIONS}/ "
                                                          "tanpa .yaml)")
    proposal.add_argument("-o", "--output", type=Path, metavar="KELUARAN.docx", default=None,
                          help=f"berkas keluaran; bawaan: {layout.DOCUMENTS_OUTPUT}/<id>-proposal-kipp-<tahun>.docx")
    proposal.add_argument("--pdf", action="store_true", help="buat juga PDF dengan LibreOffice")
    proposal.add_argument("--strict", action="store_true",
                          help="perlakukan temuan (aspek melebihi batas kata, aspek kosong atau belum lengkap) dan "
                               "peringatan sebagai galat: tidak ada yang ditulis (kode keluar 1)")
    proposal.add_argument("--tahun", type=int, metavar="TAHUN", default=None,
                          help="tahun KIPP yang susunan aspeknya dipakai; bawaan: tahun terbaru yang tersedia")

    impor = commands.add_parser("impor", help="impor naskah yang sudah ada menjadi berkas YAML", description=(
        "Baca naskah yang sudah ada (peraturan dari DOCX, PDF berlapis teks, atau teks; profil inovasi dari tabel "
        "CSV, XLSX, atau JSON) menjadi berkas YAML rancang, "
        "beserta laporan impor. Berkas yang sudah ada tidak pernah ditimpa (profil inovasi hanya diperbarui dengan "
        "--perbarui)."))
    what = impor.add_subparsers(dest="what", metavar="JENIS", parser_class=_Parser)
    what.required = True
    regulation = what.add_parser(
        "peraturan", help="peraturan yang sudah ditetapkan (Perwali, Perbup, Perda)", description=(
            "Baca peraturan dari DOCX, PDF berlapis teks, atau teks (.txt) menjadi regulations/<id>.yaml, dengan "
            "laporan regulations/<id>.impor.md: yang dibuang, diperbaiki, tidak dikenali, rujukan yang tetap "
            "teks, dan setiap tempat rancang draft akan menulis lain dari sumbernya. Dokumen Akoma Ntoso (.xml, "
            "hasil rancang ekspor akn) dibaca langsung menjadi naskah yang sama persis."))
    regulation.add_argument("source", type=Path, metavar="BERKAS", help="naskah .docx, .pdf, .txt, atau .xml (Akoma "
                                                                         "Ntoso)")
    regulation.add_argument("-o", "--output", type=Path, metavar="KELUARAN.yaml", default=None,
                            help=f"berkas YAML hasil; bawaan: {layout.REGULATIONS}/<jenis>-<nomor>-<tahun>.yaml")
    regulation.add_argument("--katalog", action="store_true",
                            help=f"tambahkan dasar hukum yang belum ada ke {layout.KB}/dasar-hukum.yaml "
                                 "(terkonfirmasi: false)")
    innovations = what.add_parser(
        "inovasi", help="profil inovasi dari tabel CSV, XLSX, atau JSON", description=(
            "Baca tabel inovasi (CSV, XLSX, atau JSON berisi daftar objek, termasuk data/inovasi.json situs rancang "
            "lain) menjadi kb/inovasi/<id>.yaml, dengan laporan impor/<nama-berkas>.impor.md. Semua baris diperiksa "
            "dulu; bila ada masalah, semuanya dilaporkan dan tidak ada yang ditulis. Profil yang sudah ada tidak "
            "ditimpa kecuali dengan --perbarui."))
    innovations.add_argument("source", type=Path, metavar="BERKAS", help="tabel .csv, .xlsx, atau .json")
    innovations.add_argument("--pemetaan", metavar="PEMETAAN", default=None,
                             help="berkas pemetaan kolom (.yaml) atau pemetaan bawaan: rancang, iid; bawaan: dipilih "
                                  "menurut judul kolom")
    innovations.add_argument("--coba", action="store_true",
                             help="periksa dan cetak laporannya tanpa menulis berkas apa pun")
    innovations.add_argument("--perbarui", action="store_true",
                             help="perbarui profil yang sudah ada: hanya kunci yang dipetakan diganti, isi dan "
                                  "komentar lain tetap")
    innovations.add_argument("--lembar", metavar="NAMA", default=None,
                             help="lembar kerja XLSX yang dibaca; bawaan: lembar 'inovasi' atau lembar pertama")

    ekspor = commands.add_parser("ekspor", help="ekspor peraturan ke format pertukaran (Akoma Ntoso, metadata JDIH)",
                                 description=(
        "Tulis data peraturan proyek dalam format baku yang dibaca atau diunggah ke sistem lain: Akoma Ntoso "
        "(XML peraturan) dan metadata JDIH."))
    export_what = ekspor.add_subparsers(dest="what", metavar="FORMAT", parser_class=_Parser)
    export_what.required = True
    akn = export_what.add_parser(
        "akn", help="peraturan sebagai Akoma Ntoso 3.0 (XML)", description=(
            "Tulis satu peraturan sebagai XML Akoma Ntoso 3.0 (OASIS LegalDocML): metadata FRBR dengan alamat "
            "/akn/id-<kode wilayah>/..., konsiderans, batang tubuh dengan eId setiap unsur, rujukan, ketentuan umum, "
            "penutup, penjelasan, dan lampiran. Skema alamatnya dijelaskan di dokumentasi (Akoma Ntoso)."))
    akn.add_argument("regulation", type=Path, metavar="BERKAS", help=f"{layout.REGULATIONS}/<id>.yaml")
    akn.add_argument("-o", "--output", type=Path, metavar="KELUARAN.xml", default=None,
                     help=f"berkas keluaran; bawaan: {layout.DOCUMENTS_OUTPUT}/<id>.xml")
    akn.add_argument("--strict", action="store_true", help=STRICT_HELP)
    jdih = export_what.add_parser(
        "jdih", help="metadata JDIH setiap peraturan (JSON untuk integrasi JDIHN, atau CSV)", description=(
            "Periksa proyek seperti rancang check, lalu tulis metadata JDIH setiap peraturan di regulations/: "
            "judul, T.E.U. badan, nomor, jenis dan singkatannya, tempat dan tanggal penetapan dan pengundangan, "
            "sumber, subjek, status, bahasa, lokasi, bidang hukum, penanda tangan, pemrakarsa, dan peraturan "
            "terkait. Rancangan berstatus 'Rancangan'. Isian yang tidak diketahui dibiarkan kosong dan dilaporkan "
            "(P470) sebagai peringatan."))
    jdih.add_argument("-o", "--output", type=Path, metavar="BERKAS.json|BERKAS.csv", default=None,
                      help="tulis ke berkas ini: JSON berakhiran .json (kunci integrasi JDIHN), CSV berakhiran .csv "
                           "(judul kolom isian JDIH); bawaan: JSON ke keluaran standar")


    direktori = commands.add_parser(
        "direktori", help="salinan direktori inovasi daerah lain (direktori_lain di rancang.yaml)", description=(
            "Direktori inovasi daerah lain yang inovasinya disebut dalam kunjungan sebagai NAMA:ID."))
    direktori_what = direktori.add_subparsers(dest="what", metavar="TINDAKAN", parser_class=_Parser)
    direktori_what.required = True
    ambil = direktori_what.add_parser(
        "ambil", help="ambil salinan data/inovasi.json direktori lain", description=(
            "Ambil data/inovasi.json (dan perangkat-daerah.json serta dasar-hukum.json bila diterbitkan) dari "
            "alamat setiap direktori di direktori_lain (https://, http://, atau jalur berkas), periksa isinya, "
            "lalu simpan sebagai salinan beserta asal.yaml (alamat, waktu, sidik SHA-256, jumlah). Hanya "
            "perintah ini yang mengakses jaringan; pemeriksaan dan pembangunan membaca salinannya."))
    ambil.add_argument("names", nargs="*", metavar="NAMA",
                       help="nama direktori di direktori_lain (misalnya parepare); bawaan: semuanya")

    iid = commands.add_parser(
        "iid", help="kesiapan Indeks Inovasi Daerah (IID): bukti per indikator, kekurangan, perkiraan nilai",
        description=(
            "Periksa proyek seperti rancang check, lalu laporkan kesiapan Indeks Inovasi Daerah: untuk setiap "
            "inovasi, indikator yang sudah berbukti dan tingkat yang diklaim, yang masih kurang, dan isian profil "
            "yang masih diminta formulir IID; untuk daerah, indikator SPD; lalu perkiraan nilai indeks dan "
            "predikatnya (perkiraan, bukan nilai resmi). Bila bukti wajib belum ada, perkiraan tidak dibuat dan "
            "kekurangannya disebutkan."))
    iid.add_argument("--tahun", type=int, metavar="TAHUN", default=None,
                     help="tahun katalog indikator IID; bawaan: 'katalog' di kb/iid.yaml, atau katalog terbaru")
    iid.add_argument("--format", choices=("teks", "json"), default="teks", help="bentuk laporan (bawaan: teks)")
    iid.add_argument("--ekspor", type=Path, metavar="BERKAS.xlsx", default=None,
                     help="tulis juga buku kerja XLSX berisi isian formulir IID setiap inovasi (urutan portal), "
                          "bukti per indikator, bukti SPD daerah, dan keterangannya")
    iid.add_argument("--strict", action="store_true",
                     help="perlakukan peringatan pemeriksaan sebagai galat: laporan dan ekspor tidak dibuat (kode "
                          "keluar 1), misalnya untuk CI")

    new = commands.add_parser("new", help="buat kerangka berkas baru", description=(
        "Tulis kerangka berkas baru yang berisi penjelasan setiap kunci. Berkas yang sudah ada tidak ditimpa."))
    new.add_argument("kind", choices=("inovasi", "regulasi", "keputusan", "kunjungan"), metavar="JENIS",
                     help="inovasi, regulasi (Peraturan Wali Kota/Bupati atau Peraturan Daerah), keputusan "
                     "(Keputusan Wali Kota/Bupati), atau kunjungan")
    new.add_argument("id", metavar="ID", help="id rekaman, sekaligus nama berkas (misalnya call-center-112); nama "
                     "bebas seperti \"Pangkep Smart Village\" dijadikan id pangkep-smart-village")

    schema = commands.add_parser("schema", help="tulis ulang JSON Schema di folder schemas/",
                                 description="Tulis JSON Schema setiap format ke folder schemas/ proyek.")
    schema.add_argument("--check", action="store_true",
                        help="jangan menulis; keluar dengan kode 1 bila schemas/ tidak sesuai")
    return parser


# -- commands -----------------------------------------------------------------------


def _root(args: argparse.Namespace) -> Path:
    from rancang.layout import PROJECT_FILE, find_root

    start = args.project or Path.cwd()
    root = find_root(start)
    if root is None:
        from rancang.diagnostics import Location

        raise RancangError([
            Diagnostic("P401", f"{PROJECT_FILE} tidak ditemukan di {start} atau folder induknya; "
                               "jalankan rancang dari folder proyek atau pakai -C FOLDER", Location(str(start)))
        ])
    return root


SUMMARY_ABOVE = 20
"""More findings than this and the report ends with a count per code and per file. Up to about twenty lines
the list is its own overview (it fits one terminal screen with the closing lines); beyond that a reader
scrolls, and needs the counts to see which rule or file the findings come from before reading them."""

def _print_report(report: Report, fmt: str, done: str, blocking: list[Diagnostic] | None = None,
                  brief: bool = False) -> int:
    """Print the report; exit code 1 when something in ``blocking`` (by default: every error) was found.

    A command that writes documents passes what blocks them (:meth:`Report.blocking`): errors of drafting rules
    outside it are counted apart, as advice that did not stop it. With more than :data:`SUMMARY_ABOVE` findings
    the list ends with a summary per code and per file; ``brief`` (``--ringkas``) prints only the summary and
    the closing line (in JSON: the counts without the list).
    """
    stopping = report.errors if blocking is None else blocking
    findings = report.sorted()
    summary = brief or len(findings) > SUMMARY_ABOVE
    if fmt == "json":
        print(report.to_json(summary=summary, findings=not brief))
        return 1 if stopping else 0
    if not brief:
        for diagnostic in findings:
            print(diagnostic.format())
    if summary and findings:
        for line in report.summary_lines():
            print(line)
    if not brief:
        checked = ", ".join(f"{n} {what}" for what, n in report.checked.items()) or "tidak ada berkas"
        print(f"Diperiksa: {checked}.")
    errors, warnings = len(report.errors), len(report.warnings)
    stops = {id(d) for d in stopping}
    advice = sum(1 for d in report.errors if id(d) not in stops)
    if advice:
        print(f"Ditemukan {errors - advice} galat, {advice} galat aturan penyusunan (tidak menghentikan penulisan "
              f"keluaran; --strict menghentikannya), dan {warnings} peringatan.")
    elif errors or warnings:
        print(f"Ditemukan {errors} galat dan {warnings} peringatan.")
    else:
        print(done)
    return 1 if stopping else 0


def cmd_init(args: argparse.Namespace) -> int:
    from rancang.project_init import init_project, region_from_options, summary

    folder = (args.project or Path.cwd()) / args.folder
    region, problems = region_from_options(args.kota, args.kabupaten, args.provinsi, args.ibu_kota)
    files = init_project(folder, region, problems)
    assert region is not None
    for line in summary(folder, region, files):
        print(line)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from rancang.check import check_project
    from rancang.documents import bagan_problems, template_problems

    root = _root(args)
    # On a terminal, a redrawn line on standard error counts the files read ("Memeriksa data: 4.210 dari 10.003
    # berkas ..."), erased before the report; in a log or a pipe `check` prints only its report, as before.
    with _terminal_only_progress() as progress:
        report = check_project(root, [p for p in args.paths] or None, extra=[template_problems, bagan_problems],
                               progress=progress).report
    if args.strict:
        report = report.strict()
    return _print_report(report, args.format, "Tidak ada masalah.", brief=args.ringkas)


def _terminal_only_progress():
    """A :class:`rancang.terminal.TerminalProgress` when standard error is a terminal; else one that shows nothing."""
    import contextlib

    from rancang.progress import NO_PROGRESS
    from rancang.terminal import TerminalProgress

    try:
        live = sys.stderr.isatty()
    except (AttributeError, ValueError):
        live = False
    return TerminalProgress(live=True) if live else contextlib.nullcontext(NO_PROGRESS)


def cmd_build(args: argparse.Namespace) -> int:
    from rancang.build import build_project
    from rancang.terminal import TerminalProgress

    root = _root(args)
    # Phases and counts on standard error: a redrawn line on a terminal, a line per phase in a log.
    with TerminalProgress() as progress:
        report, written = build_project(root, pdf=not args.no_pdf, strict=args.strict, progress=progress)
        if args.strict:
            report = report.strict()
        code = _print_report(report, args.format, "Tidak ada masalah.", report.blocking(args.strict), args.ringkas)
        if args.format == "teks":
            for line in written:
                print(line)
        progress.finish(*build_summary(report, written, code))
    return code


def build_summary(report: Report, written: list[str], code: int) -> tuple[str, bool]:
    """What the closing line of ``build`` says after its time (``Selesai dalam 24,3 detik: ...``), and whether
    the build went through."""
    from rancang.terminal import number

    findings = []
    if report.errors:
        findings.append(f"{number(len(report.errors))} galat")
    if report.warnings:
        findings.append(f"{number(len(report.warnings))} peringatan")
    if code:
        return f"{', '.join(findings) or 'galat'}; keluaran yang sudah ada tidak diganti.", False
    if written and written[0].startswith("Tidak ada yang berubah"):
        return "tidak ada yang berubah; keluaran tetap.", True
    documents = sum(1 for line in written if line.startswith("Ditulis: "))
    done = ["situs dibangun" if any(line.startswith("Situs: ") for line in written) else "situs tidak dibangun"]
    if documents:
        done.append(f"{number(documents)} dokumen ditulis")
    return ", ".join(done + findings) + ".", True


def cmd_serve(args: argparse.Namespace) -> int:
    from rancang.serve import serve

    root = _root(args)
    if not 0 <= args.port <= 65535:
        print(f"rancang serve: galat: port {args.port} di luar rentang 0-65535", file=sys.stderr)
        return 2
    return serve(root, port=args.port)


def cmd_draft(args: argparse.Namespace) -> int:
    from rancang.documents import draft

    root = _root(args)
    outcome = draft(root, args.regulation.resolve(), args.output.resolve() if args.output else None, args.pdf,
                    args.strict, companion=args.companion)
    return _print_outcome(outcome)


def cmd_visit(args: argparse.Namespace) -> int:
    from rancang.documents import write_visit

    root = _root(args)
    outcome = write_visit(root, args.visit.resolve(), args.command, args.output.resolve() if args.output else None,
                          args.pdf, args.strict)
    return _print_outcome(outcome)


def cmd_proposal(args: argparse.Namespace) -> int:
    from rancang.documents import write_proposal

    root = _root(args)
    outcome = write_proposal(root, args.innovation, args.output.resolve() if args.output else None, args.pdf,
                             args.strict, args.tahun)
    return _print_outcome(outcome)


def _print_outcome(outcome) -> int:
    """What one document command wrote (stdout), then the advice it went on with and its problems (stderr)."""
    for line in outcome.messages:
        print(line)
    for diagnostic in outcome.advice:
        print(diagnostic.format(), file=sys.stderr)
    if outcome.advice:
        print(f"Dokumen tetap ditulis walaupun ada {len(outcome.advice)} temuan di atas; dengan --strict, temuan "
              "menghentikan penulisan.", file=sys.stderr)
    for diagnostic in outcome.problems:
        print(diagnostic.format(), file=sys.stderr)
    return 1 if outcome.problems else 0


def cmd_impor(args: argparse.Namespace) -> int:
    if args.what == "inovasi":
        return cmd_impor_inovasi(args)
    from rancang.importer.run import import_regulation
    from rancang.layout import display_path
    from rancang.terminal import TerminalProgress

    root = _root(args)
    with TerminalProgress() as progress:
        imported = import_regulation(root, args.source.resolve(), args.output.resolve() if args.output else None,
                                     katalog=args.katalog, progress=progress)
        _print_imported_regulation(imported)
        progress.finish(f"{display_path(imported.yaml_path)} dan laporannya ditulis.")
    return 0


def _print_imported_regulation(imported) -> None:
    from rancang.layout import display_path

    print(f"Ditulis: {display_path(imported.yaml_path)}")
    print(f"Laporan: {display_path(imported.report_path)}")
    comparison = imported.comparison
    if comparison is not None:
        counts = ", ".join(f"{n} {kind}" for kind, n in comparison.source.items() if n)
        print(f"Terbaca: {counts}; {comparison.identical} dari {comparison.articles} pasal ditulis sama persis "
              "oleh rancang draft.")
    ledger = imported.ledger
    print(f"Kata sumber: {ledger.total}; di naskah hasil {ledger.in_document}, di laporan {ledger.in_report}, "
          f"tidak terlacak {len(ledger.missing)}.")
    counts: dict[str, int] = {}
    for note in imported.notes:
        counts[note.kind] = counts.get(note.kind, 0) + 1
    if counts:
        print("Catatan laporan: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()) + ".")
    for entry in imported.added_entries:
        print(f"Ditambahkan ke katalog: {entry} (terkonfirmasi: false)")
    for diagnostic in imported.problems:
        print(diagnostic.format(), file=sys.stderr)


def cmd_ekspor(args: argparse.Namespace) -> int:
    return EXPORTS[args.what](args)


def cmd_ekspor_akn(args: argparse.Namespace) -> int:
    from rancang.documents import export_akn

    root = _root(args)
    outcome = export_akn(root, args.regulation.resolve(), args.output.resolve() if args.output else None,
                         args.strict)
    return _print_outcome(outcome)


def cmd_direktori(args: argparse.Namespace) -> int:
    from rancang.directories import fetch_directories

    root = _root(args)
    done, problems = fetch_directories(root, list(args.names))
    for fetched in done:
        counts = ", ".join(f"{name} {n} rekaman" for name, n in fetched.counts.items())
        print(f"Diambil: {fetched.key} ({fetched.name}) ke {fetched.folder}/: {counts}.")
    for diagnostic in problems:
        print(diagnostic.format(), file=sys.stderr)
    return 1 if problems else 0


def cmd_impor_inovasi(args: argparse.Namespace) -> int:
    from rancang.importer.innovations.run import import_innovations
    from rancang.terminal import TerminalProgress, number

    root = _root(args)
    with TerminalProgress() as progress:
        result = import_innovations(root, args.source.resolve(), args.pemetaan, coba=args.coba,
                                    perbarui=args.perbarui, lembar=args.lembar, progress=progress)
        _print_imported_innovations(args, result)
        progress.finish(f"{number(len(result.table.rows))} baris dibaca; " + (
            "tidak ada berkas yang ditulis (--coba)." if args.coba else
            f"{number(result.count('baru'))} profil baru, {number(result.count('diperbarui'))} diperbarui, "
            f"{number(result.count('sama'))} sama."))
    return 0


def _print_imported_innovations(args: argparse.Namespace, result) -> None:
    from rancang.layout import display_path

    table = result.table
    print(f"Dibaca: {table.shown} ({table.kind.upper()}; {'; '.join(table.detected)}); {len(table.rows)} baris; "
          f"pemetaan {result.mapping.shown}.")
    print(f"Profil baru: {result.count('baru')}; diperbarui: {result.count('diperbarui')}; sama: "
          f"{result.count('sama')}.")
    if result.new_agencies or result.new_aliases:
        print(f"Perangkat daerah baru: {len(result.new_agencies)}; alias baru: {len(result.new_aliases)}.")
    images = sum(len(plan.images) for plan in result.planned)
    if images:
        print(f"Gambar: {images}.")
    ledger = result.ledger
    print(f"Kata sumber: {ledger.total}; di profil {ledger.in_record}, di laporan {ledger.in_report}, tidak "
          f"terlacak {len(ledger.missing)}.")
    for diagnostic in result.warnings:
        print(diagnostic.format(), file=sys.stderr)
    if args.coba:
        print("Coba saja (--coba): tidak ada berkas yang ditulis. Laporannya:")
        print()
        print(result.report, end="")
    else:
        print(f"Laporan: {display_path(result.report_path)}")


def cmd_iid(args: argparse.Namespace) -> int:
    from rancang.assessment.catalogue import catalogue_years, load_catalogue
    from rancang.assessment.readiness import project_catalogue
    from rancang.check import check_project
    from rancang.diagnostics import Location
    from rancang.present.iid import iid_report

    root = _root(args)
    catalogue = None
    if args.tahun is not None:
        try:
            catalogue = load_catalogue(args.tahun)
        except KeyError:
            years = ", ".join(str(year) for year in catalogue_years())
            print(f"rancang iid: galat: katalog IID tahun {args.tahun} tidak tersedia di rancang; katalog yang "
                  f"tersedia: {years}", file=sys.stderr)
            return 1
    target = args.ekspor.resolve() if args.ekspor is not None else None
    if target is not None and target.suffix.lower() != ".xlsx":
        raise RancangError([Diagnostic("P409", "berkas ekspor harus berakhiran .xlsx (buku kerja Excel), misalnya "
                                               "iid.xlsx; tidak ada yang ditulis", Location(str(args.ekspor)))])
    checked = check_project(root)
    report = checked.report.strict() if args.strict else checked.report
    if report.errors:
        if args.format == "json":  # what `rancang check --format json` prints, for the same program
            print(report.to_json())
            return 1
        for diagnostic in report.sorted():
            print(diagnostic.format(), file=sys.stderr)
        print(f"Ditemukan {len(report.errors)} galat dan {len(report.warnings)} peringatan: perbaiki dulu (lihat "
              "rancang check); laporan IID tidak dibuat dan tidak ada yang ditulis.", file=sys.stderr)
        return 1
    if catalogue is None:
        catalogue, _reported = project_catalogue(checked.data)  # a missing year is among the check's warnings
    result = iid_report(checked.data, catalogue)
    if target is not None:
        from rancang.render import iid_xlsx

        iid_xlsx.write(target, result.export())
    if args.format == "json":
        import json

        print(json.dumps(result.as_dict(findings=[d.as_dict() for d in report.sorted()]), ensure_ascii=False,
                         indent=2))
        return 0
    for line in result.lines():
        print(line)
    _print_iid_warnings(report)
    if target is not None:
        from rancang.layout import display_path

        print(f"Ditulis: {display_path(target)}")
    return 0


def _print_iid_warnings(report: Report) -> None:
    """The check's warnings about the knowledge base (profiles, kb/iid.yaml) in full on standard error, the others
    (drafting rules on regulations) as one count: they do not concern the IID."""
    shown = [d for d in report.sorted() if d.location.path.startswith(f"{layout.KB}/")]
    for diagnostic in shown:
        print(diagnostic.format(), file=sys.stderr)
    others = len(report.warnings) - len(shown)
    if others:
        print(f"Pemeriksaan proyek juga menemukan {others} peringatan di luar {layout.KB}/ (lihat rancang check).",
              file=sys.stderr)


def cmd_ekspor_jdih(args: argparse.Namespace) -> int:
    from rancang.check import check_project
    from rancang.diagnostics import Location
    from rancang.present import jdih

    root = _root(args)
    target = args.output.resolve() if args.output is not None else None
    if target is not None and target.suffix.lower() not in jdih.FORMATS:
        raise RancangError([Diagnostic("P471", "berkas ekspor JDIH harus berakhiran .json (kunci integrasi JDIHN) "
                                               "atau .csv; tidak ada yang ditulis", Location(str(args.output)))])
    checked = check_project(root)
    report = checked.report
    if report.errors:
        for diagnostic in report.sorted():
            print(diagnostic.format(), file=sys.stderr)
        print(f"Ditemukan {len(report.errors)} galat dan {len(report.warnings)} peringatan: perbaiki dulu (lihat "
              "rancang check); metadata JDIH tidak dibuat dan tidak ada yang ditulis.", file=sys.stderr)
        return 1
    if not checked.data.regulations:
        raise RancangError([Diagnostic("P472", f"tidak ada peraturan di {layout.REGULATIONS}/; metadata JDIH tidak "
                                               "dibuat", Location(layout.REGULATIONS))])
    records = jdih.jdih_records(checked.data)
    findings = [d for record in records for d in record.findings()]  # by regulation, in the order of the fields
    for diagnostic in findings:
        print(diagnostic.format(), file=sys.stderr)
    if target is None:
        sys.stdout.write(jdih.json_bytes(records).decode("utf-8"))
    else:
        from rancang.fileio import atomic_write_bytes
        from rancang.layout import display_path

        atomic_write_bytes(target, jdih.FORMATS[target.suffix.lower()](records))
        print(f"Ditulis: {display_path(target)} ({len(records)} peraturan).")
    drafts = sum(1 for record in records if record.draft)
    empty = f", {len(findings)} isian kosong (P470)" if findings else ""
    print(f"Metadata JDIH: {len(records)} peraturan, {drafts} di antaranya rancangan{empty}.", file=sys.stderr)
    return 0


EXPORTS: dict[str, Callable[[argparse.Namespace], int]] = {
    "akn": cmd_ekspor_akn,
    "jdih": cmd_ekspor_jdih,
}
"""``rancang ekspor FORMAT``: one function per format (its subparser is added in :func:`build_parser`)."""


def cmd_new(args: argparse.Namespace) -> int:
    from rancang.scaffold import choose_id, new_record

    root = _root(args)
    record_id, name = choose_id(args.id)
    path = new_record(root, args.kind, record_id, name)
    if name is not None:
        filled = f"; kunci nama: diisi '{name}'" if args.kind == "inovasi" else ""
        print(f"'{name}' bukan id, jadi id-nya dibuat dari nama itu: {record_id}{filled}.")
    print(f"Dibuat: {path}. Isi kuncinya, lalu jalankan 'rancang check'.")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from rancang import schemas

    root = _root(args)
    folder = root / "schemas"
    if args.check:
        stale = [name for name, text in schemas.generate().items()
                 if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
        for name in stale:
            print(f"schemas/{name}: tidak sesuai model; jalankan 'rancang schema'")
        return 1 if stale else 0
    changed = schemas.write(folder)
    print(f"{len(changed)} skema diperbarui di {folder}." if changed else "Semua skema sudah sesuai.")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "check": cmd_check,
    "build": cmd_build,
    "serve": cmd_serve,
    "draft": cmd_draft,
    "brief": cmd_visit,
    "report": cmd_visit,
    "proposal": cmd_proposal,
    "impor": cmd_impor,
    "direktori": cmd_direktori,
    "iid": cmd_iid,
    "ekspor": cmd_ekspor,
    "new": cmd_new,
    "schema": cmd_schema,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except RancangError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output went away (`rancang check | head`)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so that the exit flush does not fail again
        return 141  # as a shell reports a process ended by SIGPIPE
    except Exception as exc:  # a bug in rancang: say so plainly, no traceback unless asked
        if os.environ.get("RANCANG_DEBUG"):
            raise
        print(
            f"galat internal rancang ({type(exc).__name__}: {exc}). Ini kesalahan pada rancang, bukan pada data "
            "Anda; jalankan ulang dengan RANCANG_DEBUG=1 untuk rinciannya dan laporkan ke pengembang.",
            file=sys.stderr,
        )
        return 1


def run() -> None:
    """The ``rancang`` command: :func:`main`, then exit without tearing the heap down object by object.

    A build of a large project leaves millions of objects; letting the interpreter free them one by one took
    seconds after the work was done. Every file rancang writes is closed (and renamed into place) before
    :func:`main` returns, so only the standard streams need flushing.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
