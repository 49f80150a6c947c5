"""Hand-written pages: the council's name is filled in, and another council's name is pointed out."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLE
from opencounter.check import main as check
from opencounter.content import fill_placeholders, missing_translations, other_councils, pages_in, versions
from sitebuild import build, make_project


def test_the_placeholder_becomes_the_councils_name_as_text():
    assert fill_placeholders("Welcome to {{ council.name }}.", "Northbrook District Council") == \
        "Welcome to Northbrook District Council."
    filled = fill_placeholders("{{council.name}}", "<b>*Bad*</b> & Co")
    assert "<b>" not in filled and "\\*Bad\\*" in filled


def test_another_councils_name_is_pointed_at_line_by_line(tmp_path):
    (tmp_path / "about.md").write_text("# About\n\nRun by Riverside Borough Council.\n"
                                       "Roads are run by Northshire County Council. <!-- accept -->\n")
    found = other_councils(tmp_path, "Northbrook District Council")
    assert [(p.file, p.line, p.column) for p in found] == [("content/about.md", 3, 8)]
    assert "{{ council.name }}" in found[0].hint
    assert other_councils(tmp_path, "Riverside Borough Council") == []


def test_the_shipped_pages_name_no_council(tmp_path):
    assert other_councils(SAMPLE / "content", "Northbrook District Council") == []


def test_make_check_points_at_a_page_that_names_another_council(tmp_path, capsys):
    project = make_project(tmp_path, FIXTURES / "format-1-1" / "services.yaml", FIXTURES / "format-1-1" / "standards.yaml")
    (project / "content" / "history.md").write_text("# Our history\n\nWe were part of Westshire County Council.\n")
    assert check([str(project)]) == 0  # advice, not an error
    out = capsys.readouterr().out
    assert "content/history.md:3:17: advice (other-council): This page names 'Westshire County Council'" in out


def test_a_page_that_still_names_the_sample_council_stops_the_build(tmp_path):
    project = make_project(tmp_path, FIXTURES / "format-1-1" / "services.yaml", FIXTURES / "format-1-1" / "standards.yaml")
    (project / "content" / "welcome.md").write_text("# Welcome\n\nWelcome to Riverside Borough Council.\n")
    result = build(project)
    assert result.returncode != 0
    assert "content/welcome.md:3:12: error: This page names 'Riverside Borough Council'" in result.output
    assert "Traceback" not in result.output


def test_a_hand_written_page_is_sanitised_like_a_markdown_field(tmp_path):
    project = make_project(tmp_path, FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    (project / "content" / "help.md").write_text(
        "# Help\n\n<script>alert(1)</script>\n\n[Click](javascript:alert(2)) and "
        "<a href=\"https://www.testshire.example/\" onclick=\"alert(3)\">our main site</a> or "
        "[contact us](contact/index.md).\n\n"
        "| Day | Hours |\n| --- | --- |\n| Monday | 9am to 5pm |\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    html = (project / "site" / "help" / "index.html").read_text()
    body = html.split('<article', 1)[1].split('</article>', 1)[0]
    assert "<script>alert(1)" not in body and "javascript:" not in body and "onclick" not in body
    assert 'href="../contact/"' in body  # a link to a page of the site still works
    assert "<table>" in body and "9am to 5pm" in body


def test_glossary_terms_made_of_welsh_letters_get_ids_of_their_own():
    from opencounter.text import Glossary
    glossary = Glossary([("ŵ", "one"), ("ŷ", "two"), ("Council tax", "three"), ("Council-Tax", "four")])
    anchors = [term.anchor for term in glossary.terms.values()]
    assert anchors == ["term-w", "term-y", "term-council-tax", "term-council-tax-2"]
    assert glossary.anchor_of("Council-Tax") == "term-council-tax-2"


def _pages(folder, *names):
    folder.mkdir()
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"# {name}\n")
    return folder


def test_each_page_is_found_in_each_language_whichever_comes_first(tmp_path):
    english_first = _pages(tmp_path / "a", "about.md", "about.cy.md", "help/index.md", "help/index.cy.md")
    assert versions(english_first, ("en", "cy")) == {"about.md": {"en": "about.md", "cy": "about.cy.md"},
                                                     "help/index.md": {"en": "help/index.md", "cy": "help/index.cy.md"}}
    assert missing_translations(english_first, ("en", "cy")) == []
    welsh_first = _pages(tmp_path / "b", "about.md", "about.en.md", "news.cy.md", "news.en.md")
    assert versions(welsh_first, ("cy", "en")) == {"about.md": {"cy": "about.md", "en": "about.en.md"},
                                                   "news.md": {"cy": "news.cy.md", "en": "news.en.md"}}
    assert missing_translations(welsh_first, ("cy", "en")) == []


def test_each_language_build_publishes_its_own_version_under_the_pages_name(tmp_path):
    folder = _pages(tmp_path / "a", "about.md", "about.cy.md", "help/index.md", "help/index.cy.md", "news.cy.md")
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))
    written = versions(folder, ("en", "cy"))
    assert pages_in("en", names, written) == (["about.cy.md", "help/index.cy.md", "news.cy.md"], [])
    assert pages_in("cy", names, written) == (
        ["about.cy.md", "about.md", "help/index.cy.md", "help/index.md", "news.cy.md"],
        [("about.md", "about.cy.md"), ("help/index.md", "help/index.cy.md"), ("news.md", "news.cy.md")])
    english_only = versions(folder, ("en",))  # a page in a language the site is not in is left out
    assert pages_in("en", names, english_only) == (["about.cy.md", "help/index.cy.md", "news.cy.md"], [])


def test_the_shipped_pages_serve_any_order_of_languages_and_an_english_only_site():
    """content/ ships about.md in English and about.cy.md in Welsh: a council putting Welsh first,
    or publishing in English only, builds with them unchanged."""
    folder = SAMPLE / "content"
    assert versions(folder, ("cy", "en"))["about.md"] == {"cy": "about.cy.md", "en": "about.md"}
    assert versions(folder, ("en",))["about.md"] == {"en": "about.md"}
    assert versions(folder, ("cy",))["about.md"] == {"cy": "about.cy.md"}
    for languages in (("en", "cy"), ("cy", "en")):
        assert missing_translations(folder, languages) == []


def test_a_page_missing_in_one_language_names_the_file_to_add(tmp_path):
    problems = missing_translations(_pages(tmp_path / "c", "about.md", "contact-us.cy.md"), ("cy", "en"))
    assert [(p.file, p.message, p.expected) for p in problems] == [
        ("content/about.md", "This page has no English (en) version.", "content/about.en.md"),
        ("content/contact-us.cy.md", "This page has no English (en) version.", "content/contact-us.en.md")]
    assert problems[0].hint.startswith("Add content/about.en.md, with the page in English")
