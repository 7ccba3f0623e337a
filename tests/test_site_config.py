"""The site's Sphinx configuration comes from rancang.yaml; kb/conf.py may extend it."""

from pathlib import Path

from rancang.models.project import Project
from rancang.site.config import sphinx_config

SETTINGS = Project.model_validate({"daerah": {"jenis": "kabupaten", "nama": "Pangkajene dan Kepulauan",
                                              "provinsi": "Sulawesi Selatan"}})


def test_configuration_is_derived_from_the_settings(tmp_path):
    config = sphinx_config(tmp_path, SETTINGS)
    assert config["html_title"] == "Direktori Inovasi Kabupaten Pangkajene dan Kepulauan"
    assert config["language"] == "id" and config["html_additional_pages"] == {"search": "search.html"}
    assert config["html_sidebars"] == {"**": ["searchbox.html"]}  # no sidebar that grows with the site
    assert "rancang.site.extension" in config["extensions"]


def test_an_override_file_in_kb_extends_it(tmp_path):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb/conf.py").write_text(
        "import os\n"
        "html_theme_options = {**html_theme_options, 'description': 'Situs uji'}\n"
        "html_last_updated_fmt = '%d %B %Y'\n", encoding="utf-8")
    config = sphinx_config(tmp_path, SETTINGS)
    assert config["html_theme_options"]["description"] == "Situs uji"
    assert config["html_last_updated_fmt"] == "%d %B %Y"
    assert "os" not in config and config["language"] == "id"


def test_no_content_word_is_lost_to_a_stop_word_stem():
    """A content word whose stem were a function word would be dropped from pages and queries alike."""
    from rancang.language.search_words import STOPWORDS, terms

    words = ["diadakan", "keadaan", "berlainan", "bersama", "bagian", "pelayanan", "peraturan", "kesehatan",
             "pembangunan", "dilakukan", "penyelenggaraan", "berinovasi", "kerja sama"]
    assert [w for w in words if not terms(w)] == []
    assert not STOPWORDS & {t for w in words for t in terms(w)}
    assert terms("Pelayanan") == ["layan"]
