"""`make verify` (opencounter/verify.py): the council's CI checks its own site without judging its words.
Each check passes on the test councils' sites and fails, naming the page, on a site with that fault."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import BUILD_DATE, FIXTURES, ROOT
from opencounter import verify
from sitebuild import make_project


@pytest.mark.parametrize("built", ["sample", "glanafon", "northbrook"])
def test_the_test_councils_sites_pass_every_file_check(built, request):
    site = request.getfixturevalue(built)
    expected = verify.expected_site(site.project, BUILD_DATE)
    assert verify.missing_pages(site.site, expected) == []
    assert verify.broken_links(site.site, expected.site_url) == []
    assert verify.loads_from_other_hosts(site.site) == []


def test_every_page_of_every_language_is_expected_and_one_page_of_each_kind_is_chosen(glanafon):
    expected = verify.expected_site(glanafon.project, BUILD_DATE)
    assert {"", "cy/", "about/", "cy/about/", "services/", "cy/services/"} <= set(expected.pages)
    assert "calendars/civic-centre.ics" in expected.files and "cy/calendars/civic-centre.ics" in expected.files
    assert {"home", "service", "office", "hand-written page", "cy home", "cy service", "page not found"} <= set(expected.kinds)
    assert expected.kinds["service"].startswith("services/") and expected.kinds["cy service"].startswith("cy/services/")


def test_a_page_not_built_or_with_two_main_headings_is_named(sample, tmp_path):
    site = shutil.copytree(sample.site, tmp_path / "site")
    (site / "services" / "council-tax" / "index.html").unlink()
    (site / "offices" / "index.html").write_text("<h1>Offices</h1><h1>Again</h1>")
    (site / "calendars" / "riverside-house.ics").unlink()
    found = verify.missing_pages(site, verify.expected_site(sample.project, BUILD_DATE))
    assert sorted(found) == ["calendars/riverside-house.ics: not built", "offices/: has 2 main headings (H1), not 1",
                             "services/council-tax/: not built"]


def test_a_link_to_a_missing_page_file_or_part_of_a_page_is_named(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="../#there">home</a>')
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://www.x.example/gone/"><link rel="canonical" href="https://www.x.example/a/">'
        '<a href="a/">a</a> <a href="a/#top">top</a> <a href="a/#nowhere">x</a> <a href="b.pdf">b</a> '
        '<a href="#there" id="there">here</a> <a href="mailto:x@x.example">m</a> <a href="tel:01632960000">t</a> '
        '<a href="https://www.x.example/elsewhere/">the council\'s other pages</a> <a href="../../etc/passwd">up</a>'
        '<img src="/missing.png" alt="">')
    assert verify.broken_links(tmp_path, "https://www.x.example/") == [
        "index.html -> https://www.x.example/gone/",
        "index.html -> a/#nowhere (no part of the page has the id 'nowhere')",
        "index.html -> b.pdf", "index.html -> ../../etc/passwd (outside the site)", "index.html -> /missing.png"]


def test_anything_loaded_from_another_host_is_named(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://www.x.example/"><script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/a.css"><img src="pic.png" alt="">')
    (tmp_path / "site.css").write_text("@font-face { src: url(https://fonts.example/a.woff2) }")
    (tmp_path / "app.js").write_text("fetch('https://www.googletagmanager.com/gtag/js')")
    assert verify.loads_from_other_hosts(tmp_path) == [
        "index.html: <script> https://cdn.example/x.js", "index.html: <link> //fonts.example/a.css",
        "site.css: https://fonts.example/a.woff2", "app.js: googletagmanager"]


def test_two_builds_that_differ_in_a_byte_or_a_file_are_told_apart(tmp_path):
    for name in ("one", "two"):
        (tmp_path / name / "a").mkdir(parents=True)
        (tmp_path / name / "a" / "same.txt").write_text("same")
    (tmp_path / "one" / "page.html").write_text("built at 10:01")
    (tmp_path / "two" / "page.html").write_text("built at 10:02")
    (tmp_path / "two" / "extra.txt").write_text("")
    assert verify.differences(tmp_path / "one", tmp_path / "two") == ["extra.txt: only in the second build",
                                                                      "page.html: differs"]


@pytest.mark.browser
def test_axe_and_requests_to_other_hosts_fail_the_browser_check(tmp_path, browser):
    (tmp_path / "index.html").write_text('<html><body><img src="https://tracker.example/pixel.png">'
                                         '<button></button></body></html>')
    found = verify.axe_problems(tmp_path, {"home": ""}, widths=(1280,), browser=browser)
    assert any("(home, 1280px): html-has-lang" in line for line in found), found
    assert any("button-name" in line for line in found), found
    assert "a page at 1280px asked another host for https://tracker.example/pixel.png" in found


def run_verify(project, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), BUILD_DATE="2026-11-24", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "opencounter.verify", str(project), *args], capture_output=True,
                          text=True, env=env, timeout=600)


@pytest.mark.build
def test_make_verify_passes_on_a_councils_project_with_a_line_for_each_check(tmp_path):
    """End to end, without the browser (axe on every page of the sample is in test_browser.py and
    test_tasks.py; the browser check's failures are tested above; .ci/run runs the whole of `make verify`)."""
    project = make_project(tmp_path / "council", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    (project / "site").mkdir()
    (project / "site" / "old.html").write_text("the site as it was")
    result = run_verify(project, "--no-browser")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(("ok", "FAILED"))]
    assert [line.split("(")[0].strip() for line in lines] == [
        "ok     make check finds no errors", "ok     The site builds", "ok     Every page is built",
        "ok     Every link within the site resolves", "ok     Nothing is loaded from another host",
        "ok     A second build is byte for byte the same"]
    assert result.stdout.rstrip().endswith("All 6 checks passed.")
    assert (project / "site" / "old.html").read_text() == "the site as it was"  # verify builds elsewhere
    assert not (project / ".cache").exists()


def test_make_verify_stops_at_make_check_when_the_catalogue_has_an_error(tmp_path):
    project = make_project(tmp_path / "council", FIXTURES / "invalid" / "bad-choice.yaml",
                           FIXTURES / "valid" / "standards.yaml")
    result = run_verify(project, "--no-browser")
    assert result.returncode == 1
    assert "FAILED make check finds no errors" in result.stdout
    assert "services.yaml:" in result.stdout and "'walkin' is not one of the choices" in result.stdout
    assert "The site builds" not in result.stdout and "Traceback" not in result.stdout + result.stderr
    assert "1 of 1 checks failed: make check finds no errors." in result.stdout
