"""site.py's cache of compiled templates: a new renderer (a preview rebuild, a test) skips compiling,
and still sees a template edited since."""

from __future__ import annotations

import shutil

import jinja2

from conftest import BUILD_DATE, FIXTURES, ROOT
from opencounter.loading import load_catalogue
from opencounter.site import SiteRenderer, plan_site


def _glossary(catalogue):
    return next(p for p in plan_site(catalogue) if p.template == "glossary.html")


def test_a_second_renderer_compiles_nothing(tmp_path, monkeypatch):
    catalogue = load_catalogue(FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml", BUILD_DATE)
    templates = shutil.copytree(ROOT / "overrides" / "opencounter", tmp_path / "templates")
    first = SiteRenderer(catalogue, templates).render(_glossary(catalogue))
    compiled = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, *a, **k: compiled.append(a) or original(self, *a, **k))
    assert SiteRenderer(catalogue, templates).render(_glossary(catalogue)) == first
    assert compiled == []


def test_a_template_edited_between_two_renderers_is_compiled_again(tmp_path):
    catalogue = load_catalogue(FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml", BUILD_DATE)
    templates = shutil.copytree(ROOT / "overrides" / "opencounter", tmp_path / "templates")
    before = SiteRenderer(catalogue, templates).render(_glossary(catalogue))
    page = templates / "pages" / "glossary.html"
    page.write_text(page.read_text() + "\n<p>Edited while previewing</p>\n")
    after = SiteRenderer(catalogue, templates).render(_glossary(catalogue))
    assert "Edited while previewing" not in before and "Edited while previewing" in after
