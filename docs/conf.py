"""Konfigurasi Sphinx untuk dokumentasi rancang (Bahasa Indonesia).

Dibangun dengan ``make docs``. Rujukan format, daftar kode, dan rujukan perintah
dibuat langsung dari kode rancang oleh ekstensi lokal ``_ext/rancang_docs.py``,
jadi tidak dapat berbeda dari perilaku program.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
# Saat dibangun dari checkout tanpa instalasi, pakai sumber di src/.
try:
    import rancang  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(HERE.parent / "src"))
    import rancang  # noqa: F401

project = "rancang"
author = "Pengembang rancang"
release = version = rancang.__version__
language = "id"

extensions = [
    "myst_parser",
    "sphinx_design",
    "rancang_docs",
    "rancang_arsitektur",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path = ["_templates"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- HTML ----------------------------------------------------------------------------

html_theme = "alabaster"
html_title = "Dokumentasi rancang"
html_short_title = "rancang"
html_static_path = ["_static"]
html_css_files = ["rancang.css"]
html_show_sourcelink = False
html_copy_source = False
html_show_sphinx = False
html_show_copyright = False
html_search_language = "en"  # Sphinx belum punya pemecah kata Indonesia; pencarian tetap berjalan.
html_sidebars = {
    "**": ["about.html", "cari.html", "navigation.html", "terkait.html"],
}
html_theme_options = {
    "description": "Inovasi daerah, rancangan peraturan, dan bahan kunjungan kerja dari berkas YAML.",
    "fixed_sidebar": False,
    "show_powered_by": False,
    "github_button": False,
    "page_width": "1100px",
    "sidebar_width": "230px",
    "font_family": "Georgia, 'Times New Roman', serif",
    "head_font_family": "Georgia, 'Times New Roman', serif",
}
