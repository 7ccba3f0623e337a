"""Registry of diagnostic codes.

A code is stable: once published it keeps its meaning, so that users can switch
it off by name and search for it. The documentation page of codes is generated
from this table (``docs/kode.md``, through the ``rancang-codes`` directive
of ``docs/_ext/rancang_docs.py``).

Prefixes:

* ``Y1xx`` -- reading the file and its YAML syntax;
* ``S2xx`` -- the shape of a record (keys, types, allowed values);
* ``R3xx`` -- ids and references between files;
* ``P4xx`` -- the project as a whole (``rancang.yaml``, folders, paths);
* ``L5xx``/``L6xx`` -- drafting rules, registered by :mod:`rancang.lint` with
  their examples (their page is generated from that registry).

A drafting rule's code is marked :attr:`CodeInfo.drafting_rule`: what it finds is advice on how a text is
written, never something a document cannot be made without (see
:attr:`rancang.diagnostics.Diagnostic.is_drafting_finding`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeInfo:
    title: str
    description: str
    drafting_rule: bool = False
    """Registered by a drafting rule of :mod:`rancang.lint` (the ``L`` codes); every other code is a check of
    what the outputs are made from."""


CODES: dict[str, CodeInfo] = {
    # -- files and YAML -----------------------------------------------------
    "Y101": CodeInfo(
        "Berkas tidak dapat dibaca",
        "Berkas tidak ada, berupa folder, atau tidak dapat dibuka karena izin akses.",
    ),
    "Y102": CodeInfo(
        "Berkas bukan UTF-8",
        "Semua berkas YAML harus disimpan dengan pengodean UTF-8. Simpan ulang berkas "
        "dari penyunting teks dengan pilihan pengodean UTF-8.",
    ),
    "Y103": CodeInfo(
        "Berkas biner",
        "Berkas berisi bita nol (NUL), jadi bukan berkas teks (misalnya gambar atau dokumen Word "
        "yang diberi akhiran .yaml).",
    ),
    "Y104": CodeInfo(
        "Berkas terlalu besar",
        "Satu berkas data dibatasi ukurannya agar pemeriksaan tetap cepat dan aman. "
        "Pecah data menjadi beberapa berkas.",
    ),
    "Y105": CodeInfo(
        "Sintaks YAML tidak valid",
        "Berkas tidak dapat diurai sebagai YAML: misalnya tanda kutip tidak ditutup, "
        "indentasi tidak konsisten, atau titik dua hilang.",
    ),
    "Y106": CodeInfo(
        "Tab dipakai untuk indentasi",
        "YAML hanya menerima spasi untuk indentasi. Ganti setiap tab dengan spasi.",
    ),
    "Y107": CodeInfo(
        "Kunci ganda",
        "Kunci yang sama ditulis dua kali dalam satu pemetaan; salah satu nilainya akan hilang.",
    ),
    "Y108": CodeInfo(
        "Tag YAML tidak diizinkan",
        "Tag seperti !!python/object dapat menjalankan kode; rancang hanya membaca YAML aman.",
    ),
    "Y109": CodeInfo(
        "Struktur terlalu besar atau terlalu dalam",
        "Berkas bersarang terlalu dalam atau alias (&/*) mengembang menjadi terlalu banyak nilai.",
    ),
    "Y110": CodeInfo(
        "Berkas kosong",
        "Berkas tidak berisi data apa pun. Berkas daftar (kb/perangkat-daerah.yaml, kb/dasar-hukum.yaml) yang hanya "
        "berisi komentar, atau hanya [], bukan galat: dibaca sebagai daftar kosong.",
    ),
    "Y111": CodeInfo(
        "Lebih dari satu dokumen",
        "Satu berkas hanya boleh berisi satu dokumen YAML (tanpa pemisah --- kedua).",
    ),
    "Y112": CodeInfo(
        "Karakter tidak diizinkan",
        "Berkas berisi karakter kendali yang tidak dapat ditulis ke dokumen Word atau halaman web.",
    ),
    "Y113": CodeInfo(
        "Kunci bukan teks",
        "Setiap kunci harus berupa teks, misalnya nama: atau tahun:.",
    ),
    "Y114": CodeInfo(
        "Penggabungan kunci tidak didukung",
        "Kunci penggabungan YAML (<<) tidak didukung; tulis nilainya secara lengkap.",
    ),
    "Y115": CodeInfo(
        "Jenis berkas sumber tidak didukung",
        "rancang impor membaca dokumen Word .docx, PDF yang memiliki lapisan teks, teks .txt, dan dokumen Akoma "
        "Ntoso .xml (hasil rancang ekspor akn). Simpan "
        "dokumen .doc, .rtf, atau .odt sebagai .docx dari Word atau LibreOffice lalu impor ulang.",
    ),
    "Y116": CodeInfo(
        "PDF tanpa lapisan teks",
        "PDF hanya berisi gambar halaman (misalnya hasil pindaian), jadi teksnya tidak dapat dibaca. "
        "Lakukan OCR dulu (misalnya dengan ocrmypdf atau fitur OCR pemindai), lalu impor PDF hasilnya atau "
        "teksnya.",
    ),
    "Y117": CodeInfo(
        "Teks PDF tidak dapat diambil",
        "Teks PDF diambil dengan pdftotext (paket Debian poppler-utils). Program itu tidak terpasang, gagal "
        "membaca PDF (rusak atau terkunci sandi), atau terlalu lama.",
    ),
    "Y118": CodeInfo(
        "Dokumen Word tidak dapat dibaca",
        "Berkas .docx rusak, terkunci sandi, atau bukan dokumen Word walaupun berakhiran .docx. Buka dan "
        "simpan ulang di Word atau LibreOffice.",
    ),
    "Y119": CodeInfo(
        "Berkas Akoma Ntoso bukan XML yang sah",
        "rancang impor peraturan membaca berkas .xml sebagai dokumen Akoma Ntoso 3.0 (misalnya hasil 'rancang "
        "ekspor akn'). Berkas ini tidak dapat diurai sebagai XML: terpotong, salah pengodean, atau rusak pada "
        "baris yang disebut.",
    ),
    "Y120": CodeInfo(
        "Bukan dokumen Akoma Ntoso 3.0",
        "Elemen akar berkas harus <akomaNtoso> dalam namespace http://docs.oasis-open.org/legaldocml/ns/akn/3.0 "
        "(Akoma Ntoso 3.0, OASIS LegalDocML).",
    ),
    "Y121": CodeInfo(
        "Jenis dokumen Akoma Ntoso tidak didukung",
        "rancang membaca dokumen <act> (peraturan), <bill> (rancangan), dan <doc> (keputusan). Dokumen lain "
        "(misalnya <judgment> atau <debate>) bukan peraturan daerah.",
    ),
    # -- record shape -------------------------------------------------------
    "S201": CodeInfo(
        "Kunci wajib tidak ada",
        "Rekaman tidak memiliki kunci yang wajib diisi.",
    ),
    "S202": CodeInfo(
        "Kunci tidak dikenal",
        "Kunci tidak termasuk format berkas ini. Kunci yang salah eja tidak pernah diabaikan diam-diam.",
    ),
    "S203": CodeInfo(
        "Jenis nilai salah",
        "Nilai tidak berjenis yang diharapkan (teks, bilangan, daftar, atau pemetaan).",
    ),
    "S204": CodeInfo(
        "Nilai di luar pilihan",
        "Kunci ini hanya menerima nilai dari daftar pilihan tertentu.",
    ),
    "S205": CodeInfo(
        "Tanggal tidak valid",
        "Tanggal ditulis sebagai TTTT-BB-HH (misalnya 2021-06-04), TTTT-BB, atau TTTT, "
        "dan harus merupakan tanggal yang ada.",
    ),
    "S206": CodeInfo(
        "Nilai tidak valid",
        "Nilai melanggar batasan format (misalnya teks kosong, bilangan negatif, alamat web tidak valid).",
    ),
    "S207": CodeInfo(
        "Id tidak valid",
        "Id hanya boleh berisi huruf kecil a-z, angka, dan tanda hubung, diawali huruf atau angka "
        "(misalnya call-center-112).",
    ),
    "S208": CodeInfo(
        "Nama daerah mengulang jenisnya",
        "Nama daerah di rancang.yaml ditulis tanpa 'Kota' atau 'Kabupaten' (nama: Pangkajene dan Kepulauan, "
        "bukan Kabupaten Pangkajene dan Kepulauan): kata itu diturunkan dari jenis, dan bila diulang tercetak "
        "dua kali, misalnya 'BUPATI KABUPATEN PANGKAJENE DAN KEPULAUAN'.",
    ),
    "S209": CodeInfo(
        "Gelar atau NIP dalam nama penanda tangan",
        "Nama kepala daerah dan sekretaris daerah dicetak di blok tanda tangan peraturan, yang memuat nama tanpa "
        "gelar, pangkat, dan NIP (Permendagri 80/2015): tulis 'Andi Baso', bukan 'Dr. H. Andi Baso, S.H., "
        "M.H.'. Gelar yang dikenali antara lain Prof., Dr., Drs., Dra., Ir., H., Hj., S.H., M.H., S.E., M.M., "
        "M.Si., S.Sos., S.STP., M.AP., S.Pd., S.Kom., S.T., M.T., Ph.D.",
    ),
    "S210": CodeInfo(
        "Tingkat bukti IID tidak valid",
        "'tingkat' sebuah bukti IID (bukti: di profil inovasi atau di kb/iid.yaml) adalah parameter indikator "
        "yang diklaim: 1, 2, atau 3. Skor baris indikator = bobot x tingkat.",
    ),
    "S211": CodeInfo(
        "Bukti IID tanpa dokumen",
        "Setiap butir bukti IID menyebut satu dokumen: 'berkas' (jalur di dalam folder proyek) atau 'tautan' "
        "(alamat web, misalnya video YouTube), tidak keduanya.",
    ),
    "S212": CodeInfo(
        "Indikator IID tidak dikenal",
        "'indikator' sebuah bukti IID bukan id indikator dalam katalog IID yang dipakai (kb/iid.yaml 'katalog', "
        "atau katalog terbaru). Daftar id ada di halaman dokumentasi IID; id yang sama dipakai setiap tahun.",
    ),
    "S213": CodeInfo(
        "Indikator IID di berkas yang salah",
        "Indikator aspek SID (per inovasi, misalnya regulasi atau video) dicatat di profil inovasi; indikator "
        "aspek SPD (pemerintah daerah, misalnya opini-bpk atau ipm) dicatat di kb/iid.yaml.",
    ),
    "S214": CodeInfo(
        "Bukti IID ganda atau bertentangan",
        "Dokumen yang sama dicatat dua kali untuk satu indikator, atau satu indikator diklaim dengan tingkat "
        "yang berbeda di satu berkas. Satu indikator boleh memiliki beberapa dokumen, dengan tingkat yang sama.",
    ),
    "S215": CodeInfo(
        "Bagian dokumen Akoma Ntoso tidak dikenali",
        "Unsur dokumen Akoma Ntoso tidak berbentuk seperti yang ditulis rancang untuk peraturan daerah (misalnya "
        "jenis peraturan dari daerah lain, butir Ketentuan Umum tanpa <def>, atau rincian satu butir). Lihat "
        "docs/akn.md untuk pemetaan unsur peraturan ke Akoma Ntoso.",
    ),
    "S216": CodeInfo(
        "Bagian wajib dokumen Akoma Ntoso tidak ada",
        "Dokumen tidak memuat bagian yang wajib ada dalam peraturan: judul, Menimbang (<recitals>), Mengingat "
        "(<citations>), batang tubuh (<body>) atau diktum, teks pasal atau butir.",
    ),
    "S217": CodeInfo(
        "Rujukan Akoma Ntoso ke eId yang tidak ada",
        "<ref href=\"#eId\"> menunjuk eId yang tidak dimiliki unsur mana pun dalam dokumen, sehingga rujukannya "
        "tidak dapat ditulis sebagai [[id]].",
    ),
    "S218": CodeInfo(
        "Peraturan yang disebut tidak ada dalam katalog",
        "Dasar hukum Mengingat, peraturan yang dicabut, atau peraturan yang dilaksanakan ditulis dengan id dari "
        "kb/dasar-hukum.yaml. Kutipannya dalam dokumen dicocokkan dengan kutipan yang dibuat rancang dari setiap "
        "entri katalog; daftarkan peraturan yang belum ada, lalu impor ulang.",
    ),
    "S219": CodeInfo(
        "Rumusan baku tidak sesuai",
        "Bagian yang dibuat rancang sendiri (butir penutup Menimbang, pasal saat mulai berlaku, akhir butir "
        "rincian '; dan', '; atau', '; dan/atau') tidak berbunyi seperti rumusan rancang, sehingga tidak dapat "
        "dikembalikan menjadi kunci YAML-nya.",
    ),
    # -- ids and references -------------------------------------------------
    "R301": CodeInfo(
        "Id tidak dikenal",
        "Rujukan ke id yang tidak ada (perangkat daerah, dasar hukum, inovasi, atau unsur peraturan).",
    ),
    "R302": CodeInfo(
        "Id ganda",
        "Id yang sama dipakai dua kali; rujukan kepadanya menjadi ambigu.",
    ),
    "R303": CodeInfo(
        "Penanda rujukan tidak dapat dibaca",
        "Isi [[ ... ]] dalam teks harus berupa id unsur ([[pasal-bentuk]]), label saja ([[#pasal-bentuk]]), "
        "beberapa id ([[ayat-a, ayat-b]]), rentang ([[pasal-a sampai pasal-b]]), bilangan ([[14]]), "
        "atau tanggal ([[2021-06-04]]).",
    ),
    "R305": CodeInfo(
        "Penanda rujukan tidak lengkap",
        "Penanda rujukan dibuka dengan [[ dan ditutup dengan ]]; [id]] atau [[id] kurang satu kurung siku dan "
        "akan tercetak apa adanya dalam dokumen.",
    ),
    "R306": CodeInfo(
        "Laporan tanpa hasil",
        "rancang report membuat laporan kunjungan dari hasil, kesimpulan, dan tindak_lanjut yang diisi sesudah "
        "kunjungan; tanpa ketiganya tidak ada yang dilaporkan dan tidak ada berkas yang ditulis.",
    ),
    "R307": CodeInfo(
        "Mengubah rancangan yang belum ditetapkan",
        "Peraturan yang diubah ('mengubah') belum bernomor, bertahun, dan bertanggal penetapan: perubahan tetap "
        "dibuat, tetapi nomor unsur yang ditetapkan belum tetap.",
    ),
    "R308": CodeInfo(
        "Perubahan tidak dapat dirumuskan",
        "Dari naskah lama dan naskah baru tidak dapat disusun butir perubahan (misalnya unsur baru sebelum unsur "
        "pertama yang tetap ada, atau di antara dua nomor sisipan).",
    ),
    "R309": CodeInfo(
        "Perubahan tanpa butir perubahan",
        "Naskah baru sama dengan naskah peraturan yang diubah ('mengubah'): Pasal I tidak memuat satu pun butir "
        "perubahan.",
    ),
    "R310": CodeInfo(
        "Inovasi replikasi tidak dikenal",
        "'inovasi' pada replikasi.dari atau replikasi.oleh sebuah profil menyebut id yang tidak ada di kb/inovasi/ "
        "(atau id profil itu sendiri). Inovasi daerah lain ditulis <direktori>:<id>, misalnya "
        "parepare:call-center-112.",
    ),
    "R311": CodeInfo(
        "Direktori replikasi tidak dikenal",
        "'inovasi' pada replikasi menyebut <direktori>:<id>, tetapi direktori itu tidak terdaftar di "
        "direktori_lain rancang.yaml.",
    ),
    "R312": CodeInfo(
        "Inovasi replikasi tidak ada di direktori lain",
        "'inovasi' pada replikasi menyebut <direktori>:<id>, tetapi salinan direktori itu tidak memuat id "
        "tersebut; bila inovasi itu baru ditambahkan di sana, ambil ulang salinannya dengan 'rancang direktori "
        "ambil'.",
    ),
    "R304": CodeInfo(
        "Rujukan tidak dapat dirumuskan",
        "Rentang harus berupa unsur sejenis dengan induk yang sama, dari nomor kecil ke besar; rujukan "
        "ganda hanya untuk pasal, ayat, butir, diktum, dan istilah.",
    ),
    # -- project --------------------------------------------------------------
    "P401": CodeInfo(
        "Proyek tidak ditemukan",
        "Tidak ada rancang.yaml di folder ini atau folder induknya.",
    ),
    "P402": CodeInfo(
        "Jalur berkas tidak valid",
        "Jalur berkas (gambar lambang atau gambar profil inovasi) tidak ada, bukan jalur relatif, atau berada di "
        "luar folder proyek.",
    ),
    "P403": CodeInfo(
        "Jenis peraturan tidak sesuai daerah",
        "Kota menetapkan Peraturan Wali Kota; kabupaten menetapkan Peraturan Bupati. Peraturan Daerah "
        "(jenis: peraturan_daerah) dibentuk oleh kota dan kabupaten.",
    ),
    "P404": CodeInfo(
        "Berkas tidak dikenali",
        "Berkas YAML berada di luar tempat berkas data (misalnya di subfolder kb/inovasi/ atau di folder "
        "visit/ yang salah eja) atau berakhiran .yml, sehingga tidak diperiksa dan tidak dibangun. Kerangka contoh "
        "(nama berkas diawali _, misalnya regulations/_contoh.yaml) yang disebut langsung pada rancang check juga "
        "dilaporkan dengan kode ini: kerangka tidak diperiksa sampai disalin dengan nama tanpa _.",
    ),
    "P406": CodeInfo(
        "Templat Word tidak lengkap",
        "Templat .docx tidak dapat dibuka, tidak memiliki gaya (style) bernama yang dipakai rancang (misalnya "
        "karena dihapus atau diganti namanya di Word), atau memuat variabel {{ ... }} yang tidak dikenal. "
        "Kembalikan gaya atau variabel tersebut, atau salin ulang templat bawaan.",
    ),
    "P407": CodeInfo(
        "Kode aturan tidak dikenal",
        "pemeriksaan.abaikan atau pemeriksaan.abaikan_per_berkas di rancang.yaml, atau abaikan_aturan dalam "
        "berkas peraturan, menyebut kode aturan yang tidak ada; periksa ejaannya di daftar aturan.",
    ),
    "P415": CodeInfo(
        "Unsur yang diabaikan tidak ada",
        "'abaikan_aturan' dalam berkas peraturan menyebut id unsur yang tidak ada di peraturan itu (pasal, ayat, "
        "butir, istilah, BAB, bagian, paragraf, atau lampiran dengan 'id:' tersebut). Temuan unsur itu tetap "
        "dilaporkan; periksa ejaan id-nya.",
    ),
    "P408": CodeInfo(
        "Situs gagal dibangun",
        "Sphinx tidak dapat membangun situs basis pengetahuan; pesan Sphinx menyertainya.",
    ),
    "P409": CodeInfo(
        "Berkas keluaran tidak dapat ditulis",
        "Folder keluaran tidak boleh ditulisi, disk penuh, atau jalurnya tidak ada. Berkas keluaran yang lama "
        "tidak diubah; tidak ada berkas setengah jadi yang tertinggal.",
    ),
    "P410": CodeInfo(
        "Tag templat terpecah",
        "Sebuah tag {{ ... }} atau {% ... %} di templat Word memuat perubahan format di tengahnya, sehingga Word "
        "menyimpannya dalam beberapa bagian. rancang biasanya tetap dapat membacanya, tetapi sebaiknya tag itu "
        "diketik ulang dengan satu format.",
    ),
    "P411": CodeInfo(
        "Gambar tidak valid",
        "Berkas yang disebut di gambar.berkas profil inovasi bukan gambar PNG, JPEG, atau SVG menurut isinya, "
        "akhiran namanya tidak sesuai isinya, atau SVG-nya tidak sah, berisi skrip, atau berisi deklarasi "
        "entitas. Simpan ulang gambarnya sebagai PNG atau JPEG.",
    ),
    "P412": CodeInfo(
        "Gambar terlalu besar",
        "Satu gambar profil inovasi paling besar 5 MB agar situs dan bahan kunjungan tetap ringan. Perkecil "
        "ukuran atau resolusinya, atau simpan sebagai JPEG.",
    ),
    "P413": CodeInfo(
        "Bagan tidak dapat digambar",
        "Bagan susunan organisasi (bagan: di lampiran) digambar oleh Graphviz (program dot, paket Debian "
        "graphviz). Bila Graphviz tidak terpasang, dokumen dan situs tetap dibuat dan tempat bagan diisi "
        "keterangan bahwa bagan belum digambar; pasang Graphviz lalu bangun ulang. Bila Graphviz gagal atau "
        "terlalu lama menggambar bagan, dokumen itu tidak dibuat.",
    ),
    "P414": CodeInfo(
        "Templat belum memiliki gaya teks Markdown",
        "Templat Word proyek dibuat sebelum rancang menulis isian Markdown (daftar, tabel, kutipan, gambar, "
        "tautan) dengan gayanya sendiri. Dokumen tetap dibuat: gaya isi biasa dipakai untuk paragrafnya, dan "
        "tabel serta tautan tanpa gaya. Salin gaya yang disebut dari templat bawaan rancang (atau buat dengan "
        "nama yang sama) agar tampilannya dapat diatur di Word.",
    ),
    "P420": CodeInfo(
        "Bukan naskah peraturan",
        "rancang impor peraturan tidak menemukan judul 'PERATURAN WALI KOTA/BUPATI/DAERAH ...' atau satu pun "
        "pasal di berkas itu. Periksa bahwa berkasnya naskah peraturan (bukan pindaian tanpa teks, bukan "
        "dokumen lain), atau salin teksnya ke berkas .txt lalu impor berkas itu.",
    ),
    "P421": CodeInfo(
        "Berkas impor sudah ada",
        "rancang impor peraturan tidak pernah menimpa berkas: regulasi hasil impor (regulations/<id>.yaml) "
        "atau laporannya (<id>.impor.md) sudah ada. Pilih nama lain dengan -o, atau pindahkan berkas lama.",
    ),
    "P422": CodeInfo(
        "Tempat berkas hasil impor salah",
        "Peraturan hasil impor ditulis di folder regulations/ proyek dengan akhiran .yaml (misalnya -o "
        "regulations/perwali-5-2019.yaml), karena hanya di sana rancang check dan rancang draft membacanya.",
    ),
    "P423": CodeInfo(
        "Kamus bahasa Indonesia tidak terpasang",
        "Aturan L593 (kata yang tidak ada dalam kamus) membaca kamus Hunspell bahasa Indonesia melalui "
        "libenchant. Bila kamus atau pustakanya tidak terpasang, aturan itu dilewati dengan catatan ini (sekali "
        "per pemeriksaan) dan aturan lain, termasuk L591 dan L592, tetap berjalan. Pasang paket Debian "
        "hunspell-id dan libenchant-2-2 (apt-get install hunspell-id libenchant-2-2), atau matikan L593 di "
        "rancang.yaml (pemeriksaan: abaikan: [L593]).",
    ),
    "P430": CodeInfo(
        "Berkas data inovasi tidak dapat dibaca",
        "rancang impor inovasi membaca CSV, XLSX, dan JSON (daftar objek). Berkasnya tidak ada, akhirannya "
        "lain, isinya rusak (JSON tidak sah, XLSX bukan arsip Excel), atau tidak berisi baris judul kolom dan "
        "satu pun baris data.",
    ),
    "P431": CodeInfo(
        "Pemetaan kolom tidak valid",
        "Berkas pemetaan (--pemetaan PEMETAAN.yaml) menyebut kunci profil yang tidak ada, memberi bentuk isian "
        "yang salah, atau bukan YAML yang sah. Setiap kolom sumber dipetakan ke satu kunci profil (jalur "
        "bertitik seperti kontak.telepon), dengan 'nilai' untuk pilihan dan 'pemisah' untuk daftar.",
    ),
    "P432": CodeInfo(
        "Kolom sumber tidak dikenali",
        "Tanpa --pemetaan, rancang mencocokkan judul kolom dengan pemetaan bawaan (rancang dan iid); tidak ada "
        "yang cocok, atau berkas pemetaan menyebut kolom yang tidak ada di sumber. Tulis berkas pemetaan untuk "
        "kolom sumber Anda (lihat dokumentasi impor inovasi).",
    ),
    "P433": CodeInfo(
        "Isi sel tidak dapat dibaca",
        "Isi satu sel tidak dapat diubah menjadi nilai kunci profilnya: tanggal yang tidak dikenali, pilihan yang "
        "tidak ada (misalnya tahapan selain inisiatif, uji coba, penerapan), atau angka yang bukan angka. Lokasinya "
        "berkas:baris:kolom sumber; perbaiki sumbernya atau tambahkan 'nilai' di pemetaan.",
    ),
    "P434": CodeInfo(
        "Baris tanpa nama inovasi",
        "Setiap profil wajib memiliki nama; baris sumber yang berisi data tetapi sel namanya kosong tidak dapat "
        "diimpor. Baris yang seluruhnya kosong dilewati tanpa pesan.",
    ),
    "P435": CodeInfo(
        "Profil inovasi sudah ada",
        "rancang impor inovasi tidak pernah menimpa profil tanpa diminta: kb/inovasi/<id>.yaml dengan id yang sama "
        "sudah ada. Dengan --perbarui, hanya kunci yang dipetakan yang diganti; isi dan komentar lain di berkas "
        "itu tetap.",
    ),
    "P436": CodeInfo(
        "Lembar kerja tidak ada",
        "--lembar menyebut lembar kerja (sheet) yang tidak ada di berkas XLSX; pesan menyebut lembar yang ada.",
    ),
    "P437": CodeInfo(
        "Gambar isian tidak disimpan",
        "Gambar di dalam isian HTML (data: URI) disimpan ke kb/gambar/ hanya bila berupa PNG, JPEG, atau SVG dan "
        "paling besar 5 MB; gambar lain dicatat di laporan impor beserta keterangannya, tidak disimpan.",
    ),
    "P438": CodeInfo(
        "Perangkat daerah yang mirip",
        "Nama perangkat daerah baru dari sumber mirip dengan perangkat daerah lain (salah ketik, singkatan, huruf "
        "besar). Periksa di laporan impor; bila sama, gabungkan dan tambahkan ejaan lainnya sebagai 'alias'.",
    ),
    "P439": CodeInfo(
        "Berkas tidak dapat diperbarui",
        "rancang impor inovasi menambah perangkat daerah dan alias ke kb/perangkat-daerah.yaml, dan dengan "
        "--perbarui mengganti kunci profil, dengan menyunting teks berkas tanpa menulis ulang isian lain. Berkas "
        "itu tidak valid, atau bagian yang perlu disunting ditulis dalam gaya alir ([...], {...}); perbaiki dulu "
        "dengan rancang check atau tulis dalam gaya blok.",
    ),
    "P440": CodeInfo(
        "Salinan direktori lain belum ada",
        "rancang.yaml menyebut direktori inovasi daerah lain (direktori_lain), tetapi salinan datanya belum ada di "
        "folder proyek. Jalankan 'rancang direktori ambil NAMA': perintah itu mengambil data/inovasi.json dari "
        "alamatnya dan menyimpannya sebagai salinan. Pembangunan dan pemeriksaan tidak pernah mengakses jaringan.",
    ),
    "P441": CodeInfo(
        "Salinan direktori lain tidak dapat dibaca",
        "Salinan inovasi.json (atau perangkat-daerah.json, dasar-hukum.json) direktori lain bukan JSON yang sah, "
        "bukan daftar objek, atau sebuah butirnya tanpa 'id' yang valid. Lokasinya berkas:baris:kolom di dalam "
        "salinan; isian yang tidak sesuai format profil dilaporkan dengan kode S2xx di tempat yang sama. Ambil "
        "ulang salinannya; bila tetap salah, data terbuka daerah itu yang perlu diperbaiki.",
    ),
    "P442": CodeInfo(
        "Salinan direktori lain berubah",
        "Sidik SHA-256 salinan tidak sama dengan yang dicatat di asal.yaml saat diambil: salinannya disunting atau "
        "diganti. Salinan dipakai apa adanya; ambil ulang dengan 'rancang direktori ambil NAMA' agar fakta dan "
        "tanggal yang disebut dalam bahan kunjungan sesuai sumbernya.",
    ),
    "P443": CodeInfo(
        "Asal salinan tidak tercatat",
        "asal.yaml di samping salinan tidak ada atau tidak valid, sehingga alamat dan tanggal pengambilan tidak "
        "diketahui (bahan kunjungan menyebut sumbernya tanpa tanggal). Ambil ulang dengan 'rancang direktori "
        "ambil NAMA'.",
    ),
    "P444": CodeInfo(
        "Direktori lain tidak dapat diambil",
        "rancang direktori ambil tidak dapat membaca alamat direktori lain: alamat bukan http://, https://, atau "
        "jalur berkas, server tidak menjawab dalam batas waktu, menjawab dengan galat, atau berkasnya tidak ada. "
        "Salinan lama tidak diubah.",
    ),
    "P445": CodeInfo(
        "Data direktori lain tidak valid",
        "Yang diambil dari alamat direktori lain bukan data inovasi rancang yang sah (lokasi setiap masalah "
        "disebut di dalam data yang diambil). Tidak ada yang ditulis; salinan lama tidak diubah. Periksa alamatnya "
        "(harus menunjuk data/inovasi.json situs direktori itu).",
    ),
    "P446": CodeInfo(
        "Direktori lain tidak dikenal",
        "rancang direktori ambil menyebut nama yang tidak ada di direktori_lain (rancang.yaml), atau jalur salinan "
        "(salinan) bukan berkas .json di dalam folder proyek.",
    ),
    "P447": CodeInfo(
        "Folder proyek baru tidak kosong",
        "rancang init menulis proyek baru hanya ke folder yang belum ada atau yang masih kosong, agar tidak ada "
        "berkas yang tertimpa. Folder yang disebut sudah berisi berkas (atau sudah berisi rancang.yaml, jadi sudah "
        "menjadi proyek rancang), atau nama itu dipakai sebuah berkas. Pilih folder baru; tidak ada yang ditulis. "
        "Folder yang hanya berisi .git (sesudah git init) atau entri tersembunyi penyunting dan sistem versi "
        "(.gitattributes, .editorconfig, .vscode) dianggap kosong.",
    ),
    "P448": CodeInfo(
        "Daerah proyek baru tidak lengkap atau tidak sah",
        "rancang init memerlukan tepat satu dari --kabupaten NAMA atau --kota NAMA, dan --provinsi NAMA. Nama "
        "ditulis tanpa jenisnya ('Pangkajene dan Kepulauan', bukan 'Kabupaten Pangkajene dan Kepulauan'; "
        "'Sulawesi Selatan', bukan 'Provinsi Sulawesi Selatan'), karena kata itu diturunkan dari jenis daerah dan "
        "akan tercetak dua kali. Semua masalah dilaporkan sekaligus; tidak ada yang ditulis.",
    ),
    "P449": CodeInfo(
        "Proyek baru tidak dapat ditulis",
        "rancang init tidak dapat menulis folder proyek (izin, disk penuh, jalur yang bukan folder). Berkas "
        "ditulis lebih dulu ke folder tersembunyi lalu dipindahkan sekaligus, jadi tidak ada yang tertinggal "
        "setengah jadi.",
    ),
    "P452": CodeInfo(
        "Kabupaten tanpa ibu kota",
        "Peraturan kabupaten ditetapkan dan diundangkan di ibu kota kabupaten (misalnya Pangkajene untuk "
        "Kabupaten Pangkajene dan Kepulauan). Tanpa 'ibu_kota' di bagian 'daerah' rancang.yaml, tempat itu "
        "diisi nama kabupaten. Peringatan, diberikan bila proyek memuat rancangan peraturan; 'penetapan: tempat:' "
        "di satu peraturan tetap didahulukan.",
    ),
    "P453": CodeInfo(
        "Daftar isi situs tidak cocok dengan halamannya",
        "Peringatan situs: daftar isi (toctree) sebuah halaman menyebut halaman yang tidak ada atau tidak ikut "
        "dibangun, menyebut halaman yang sama dua kali, atau sebuah halaman tidak tercantum di daftar isi mana "
        "pun. Situs tetap dibangun; pesan menyebut baris daftar isi yang perlu diperbaiki.",
    ),
    "P454": CodeInfo(
        "Rujukan di halaman situs tidak menemukan tujuannya",
        "Peringatan situs: label, halaman, tautan, gambar, berkas unduhan, atau profil inovasi yang dirujuk "
        "sebuah halaman tidak ada, atau sebuah label dipakai dua kali. Situs tetap dibangun; rujukan itu tidak "
        "menjadi tautan atau gambarnya tidak tampil.",
    ),
    "P455": CodeInfo(
        "Peringatan situs lainnya",
        "Peringatan situs tentang penulisan halaman (direktif atau peran yang tidak dikenal, tingkat judul, "
        "kepala halaman) dan peringatan Sphinx lainnya, dengan terjemahan Sphinx sendiri bila ada; pesan yang "
        "belum diterjemahkan diberi tanda '(pesan asli Sphinx)'.",
    ),
    "P456": CodeInfo(
        "Berkas bukti IID tidak ditemukan",
        "'berkas' sebuah bukti IID harus jalur relatif ke berkas yang ada di dalam folder proyek (misalnya "
        "kb/bukti/sk-inovasi.pdf), tidak di luar folder proyek dan bukan jalur mutlak.",
    ),
    "P457": CodeInfo(
        "Jenis berkas bukti IID tidak diterima",
        "Isi berkas bukti IID (bukan hanya akhiran namanya) harus salah satu jenis yang diterima katalog IID "
        "(PDF, JPEG, atau PNG), dan akhiran namanya sesuai isinya. Jenis yang diterima portal belum "
        "terkonfirmasi dari dokumen resmi: lihat halaman dokumentasi IID.",
    ),
    "P458": CodeInfo(
        "Berkas bukti IID terlalu besar",
        "Berkas bukti IID lebih besar dari batas unggah katalog IID. Dilaporkan hanya bila batas itu tercatat "
        "di katalog; bila batas portal belum diketahui, ukuran berkas tidak diperiksa.",
    ),
    "P459": CodeInfo(
        "Katalog IID tidak tersedia",
        "'katalog' di kb/iid.yaml menyebut tahun yang katalog indikatornya tidak ada di rancang; katalog terbaru "
        "yang tersedia dipakai sebagai gantinya.",
    ),
    "P460": CodeInfo(
        "Aspek proposal KIPP melebihi batas kata",
        "Peringatan rancang proposal: isi satu aspek proposal Kompetisi Inovasi Pelayanan Publik, seperti yang "
        "diambil dari profil inovasi, lebih panjang daripada batas kata aspek itu. Dokumen tetap ditulis dan "
        "aspeknya ditandai; ringkas teksnya di profil atau di draf. Dengan --strict, dokumen tidak ditulis.",
    ),
    "P461": CodeInfo(
        "Aspek proposal KIPP kosong",
        "Peringatan rancang proposal: profil inovasi tidak berisi satu pun kunci yang mengisi suatu aspek proposal "
        "(misalnya 'replikasi' untuk Adaptabilitas). Draf tetap ditulis dengan penanda isian bagi penulis; tidak "
        "ada teks yang dikarang. Dengan --strict, dokumen tidak ditulis.",
    ),
    "P462": CodeInfo(
        "Aspek proposal KIPP belum lengkap",
        "Peringatan rancang proposal: sebagian kunci yang mengisi suatu aspek proposal kosong di profil inovasi. "
        "Draf menandai bagian itu bagi penulis. Dengan --strict, dokumen tidak ditulis.",
    ),
    "P463": CodeInfo(
        "Inovasi untuk proposal tidak ditemukan",
        "rancang proposal ID memerlukan id profil inovasi yang ada, yaitu nama berkas kb/inovasi/<id>.yaml tanpa "
        ".yaml. Pesan menyebut id terdekat yang ada.",
    ),
    "P464": CodeInfo(
        "Data aspek proposal KIPP tidak tersedia",
        "Data aspek proposal KIPP tahun yang diminta (berkas kipp-<tahun>.yaml bawaan rancang) tidak ada atau "
        "tidak valid. Pesan menyebut tahun yang tersedia.",
    ),
    "P465": CodeInfo(
        "Kode wilayah untuk Akoma Ntoso belum diisi",
        "Alamat Akoma Ntoso (URI FRBR) peraturan daerah memuat kode wilayah Kemendagri daerah itu tanpa titik "
        "(/akn/id-7372/act/perwali/2025/12). rancang.yaml belum memuat 'daerah.kode', jadi berkas Akoma Ntoso "
        "tidak ditulis sama sekali. Isi kode wilayah Kemendagri di antara tanda kutip, misalnya kode: \"73.72\"; "
        "jangan menebak: cocokkan dengan Permendagri tentang kode dan data wilayah administrasi pemerintahan.",
    ),
    "P470": CodeInfo(
        "Isian metadata JDIH kosong",
        "Peringatan rancang ekspor jdih: satu isian metadata JDIH sebuah peraturan tidak dapat diisi dari data "
        "proyek (misalnya subjek, bidang hukum, lokasi, pemrakarsa, status, tanggal pengundangan, atau nomor "
        "Berita/Lembaran Daerah). Isian itu dibiarkan kosong, tidak ditebak; pesan menyebut kunci yang perlu "
        "diisi (di blok 'jdih' berkas peraturan atau di rancang.yaml). Berkas ekspor tetap ditulis.",
    ),
    "P471": CodeInfo(
        "Berkas ekspor JDIH tidak dikenal",
        "rancang ekspor jdih -o menulis JSON (berakhiran .json) atau CSV (berakhiran .csv); akhiran lain ditolak "
        "dan tidak ada yang ditulis.",
    ),
    "P472": CodeInfo(
        "Tidak ada peraturan untuk metadata JDIH",
        "Proyek tidak memuat satu pun berkas regulations/<id>.yaml yang valid, jadi metadata JDIH tidak dibuat.",
    ),
    "P405": CodeInfo(
        "PDF tidak dapat dibuat",
        "LibreOffice tidak terpasang, terlalu lama, atau gagal mengubah DOCX menjadi PDF. Berkas DOCX tetap "
        "tersedia dan tidak diubah.",
    ),
}
