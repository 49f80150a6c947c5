"""`make engines`: MkDocs and ProperDocs build the same site, the generator tag aside."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from opencounter.engines import FOLDER, compare, differences
from sitebuild import make_project

PAGE = '<head><meta name="generator" content="{}"></head><p>Open 9am to 5pm</p>'


def _site(folder, **files):
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def test_sites_that_differ_only_in_the_generator_tag_are_the_same(tmp_path):
    first = _site(tmp_path / "mkdocs", **{"index.html": PAGE.format("mkdocs-1.6.1"), "a/b.pdf": "%PDF"})
    second = _site(tmp_path / "properdocs", **{"index.html": PAGE.format("mkdocs-ProperDocs 1.6.7"), "a/b.pdf": "%PDF"})
    assert differences(first, second) == []


def test_any_other_difference_and_any_missing_file_is_listed(tmp_path):
    first = _site(tmp_path / "mkdocs", **{"index.html": PAGE.format("x"), "only.html": "", "a/b.pdf": "%PDF"})
    second = _site(tmp_path / "properdocs", **{"index.html": PAGE.format("y").replace("5pm", "6pm"),
                                                "a/b.pdf": "%PDF", "new.xml": ""})
    assert differences(first, second) == ["only in mkdocs/: only.html", "only in properdocs/: new.xml",
                                          "differs: index.html"]


@pytest.mark.build
def test_both_engines_build_the_same_welsh_and_english_site(tmp_path, capsys, monkeypatch):
    case = FIXTURES / "bilingual"
    project = make_project(tmp_path / "p", case / "services.yaml", case / "standards.yaml", content=case / "content")
    for name, value in (("BUILD_DATE", "2026-11-24"), ("OPENCOUNTER_LEAFLETS", "off"), ("PYTHONDONTWRITEBYTECODE", "1")):
        monkeypatch.setenv(name, value)
    assert compare(project) == 0, capsys.readouterr().err
    assert "MkDocs and ProperDocs built the same site" in capsys.readouterr().out
    built = project / FOLDER
    # The second language is built by a second run of the same engine, not by MkDocs every time.
    assert "ProperDocs" in (built / "properdocs" / "cy" / "index.html").read_text()
    assert "ProperDocs" not in (built / "mkdocs" / "cy" / "index.html").read_text()
