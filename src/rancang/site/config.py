"""The Sphinx configuration of a region's site, derived from ``rancang.yaml``.

A region maintains content, not a ``conf.py``: everything Sphinx needs comes
from here. The values must be stable between builds (Sphinx rebuilds
everything when its configuration changes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rancang.layout import ROOT_DOC, SITE_EXCLUDES, SITE_SOURCES, Layout
from rancang.models.project import Project

PACKAGE = Path(__file__).parent

SITE_EXTENSIONS = ["myst_parser", "sphinx_design", "rancang.site.extension"]



def sphinx_config(root: Path, settings: Project) -> dict[str, Any]:
    config = _base(settings)
    override = Layout(root).site_override  # the region's own Python, trusted like any conf.py
    if override.is_file():
        namespace: dict[str, Any] = {**config, "__file__": str(override)}
        exec(compile(override.read_text(encoding="utf-8"), str(override), "exec"), namespace)  # noqa: S102
        config = {key: value for key, value in namespace.items()
                  if not key.startswith("_") and not callable(value) and not hasattr(value, "__spec__")}
    return config


def static_paths() -> list[str]:
    """Our static folder and sphinx-design's, which it appends at builder-inited (the extension removes the
    duplicate), so the stored configuration equals the next build's."""
    import importlib.util

    paths = [str(PACKAGE / "static")]
    spec = importlib.util.find_spec("sphinx_design")
    if spec is not None and spec.origin:
        paths.append(str(Path(spec.origin).parent / "static"))
    return paths


def page_words(settings: Project) -> dict[str, str]:
    """The region's words that the pages of ``kb/`` write as MyST substitutions (``# {{ judul }}``,
    ``{{ pemerintah }}``), so that editing ``rancang.yaml`` changes every page. ``docs/mulai.md`` lists them;
    ``kb/conf.py`` may add its own (``myst_substitutions``)."""
    return {
        "judul": settings.site_title,  # Direktori Inovasi Kabupaten Pangkajene dan Kepulauan
        "deskripsi": settings.site.description or "",
        "daerah": settings.region_full_name,  # Kabupaten Pangkajene dan Kepulauan
        "nama_daerah": settings.region.name,  # Pangkajene dan Kepulauan
        "pemerintah": f"Pemerintah {settings.region_full_name}",
        "provinsi": settings.region.province,
        "kepala_daerah": settings.office_title,  # Bupati Pangkajene dan Kepulauan
        "peraturan_kepala_daerah": settings.regulation_name,  # Peraturan Bupati
    }


def _base(settings: Project) -> dict[str, Any]:
    return {
        "project": settings.site_title,
        "html_title": settings.site_title,
        "language": "id",
        # The search page is rancang's (rancang.site.search); Sphinx's own search is switched off.
        "html_additional_pages": {"search": "search.html"},
        "root_doc": ROOT_DOC,
        "include_patterns": list(SITE_SOURCES),
        "exclude_patterns": list(SITE_EXCLUDES),
        "extensions": SITE_EXTENSIONS,
        "html_theme": "alabaster",
        # Set here, not by the extension at config-inited: Sphinx compares the configuration with the one
        # of the previous build, and a value changed after loading made every build a full rebuild.
        "html_static_path": static_paths(),
        "templates_path": [str(PACKAGE / "templates")],
        # A sidebar that lists every page makes every page grow with the site: search only.
        "html_sidebars": {"**": ["searchbox.html"]},
        "html_theme_options": {"description": settings.site.description or "", "show_powered_by": False,
                               "show_relbars": False},
        "html_show_sourcelink": False,
        "html_show_sphinx": False,
        "html_show_copyright": False,
        "html_copy_source": False,
        "myst_enable_extensions": ["colon_fence", "deflist", "substitution"],
        "myst_substitutions": page_words(settings),
        "suppress_warnings": ["myst.header"],
    }
