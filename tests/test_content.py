"""Hand-written pages: the council's name is filled in, and another council's name is pointed out."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SAMPLE
from opencounter.check import main as check
from opencounter.content import fill_placeholders, missing_translations, other_councils, pages_in, versions
from opencounter.content import heading_as_text, meta_as_text, remote_load_problems, remote_loads, unsafe_links
from opencounter.text import sanitise_page
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


# ---------------------------------------------------------------- hostile input (issue 23)

def test_links_in_content_out_of_the_project_or_into_git_are_refused_by_name(tmp_path):
    project, folder = tmp_path / "council", tmp_path / "council" / "content"
    (folder / "shared").mkdir(parents=True)
    (project / ".git").mkdir()
    (project / "notes").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (folder / "about.md").write_text("# About\n")
    (folder / "hostname.md").symlink_to("/etc/hostname")
    (folder / "git").symlink_to(project / ".git")
    (folder / "everything").symlink_to(project)
    (folder / "notes").symlink_to(project / "notes")  # inside the project: fine
    (folder / "shared" / "gone.md").symlink_to(tmp_path / "elsewhere" / "gone.md")
    (folder / "outside").symlink_to(tmp_path / "elsewhere")
    found = {p.file: p.message for p in unsafe_links(folder, project)}
    assert sorted(found) == ["content/everything", "content/git", "content/hostname.md", "content/outside",
                             "content/shared/gone.md"]
    assert "a place outside the project" in found["content/hostname.md"]
    assert "a hidden folder of the project" in found["content/git"]
    assert "the project folder itself" in found["content/everything"]
    assert "which does not exist" in found["content/shared/gone.md"]


def test_a_linked_folder_is_followed_once_and_a_dangling_link_in_it_is_a_message(tmp_path):
    project = tmp_path / "council"
    (project / "content").mkdir(parents=True)
    (project / "pictures").mkdir()
    (project / "pictures" / "loop").symlink_to(project / "pictures")
    (project / "pictures" / "old.png").symlink_to(project / "pictures" / "missing.png")
    (project / "content" / "pictures").symlink_to(project / "pictures")
    found = unsafe_links(project / "content", project)
    assert [(p.file, p.message) for p in found] == [
        ("content/pictures/old.png", f"This is a link to {project / 'pictures' / 'missing.png'}, which does not exist.")]


def test_a_build_with_a_link_out_of_the_project_stops_naming_it_and_publishes_nothing(tmp_path):
    project = make_project(tmp_path / "council", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    (project / "content" / "host.md").symlink_to("/etc/hostname")
    (project / "content" / "broken").mkdir()
    (project / "content" / "broken" / "x.md").symlink_to(tmp_path / "nowhere.md")
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "content/host.md:1:1: error: This is a link to /etc/hostname, a place outside the project" in result.output
    assert "content/broken/x.md:1:1: error: This is a link to" in result.output
    assert not (project / "site").exists()


@pytest.mark.parametrize("source, line", [
    ("![Pixel](https://tracker.example/p.gif)", 3),
    ("![Pixel](//tracker.example/p.gif)", 3),
    ('<img alt="" src="https://tracker.example/p.gif">', 3),
    ('<img\n  alt=""\n  SRC = \'http://tracker.example/p.gif\'>', 3),
    ('<img src="a.png" srcset="a.png 1x, https://t.example/b.png 2x" alt="">', 3),
    ('<iframe src="https://video.example/embed/1"></iframe>', 3),
    ('<script src="https://cdn.example/x.js"></script>', 3),
    ('<link rel="stylesheet" href="https://cdn.example/x.css">', 3),
    ('<p style="background: url(https://t.example/p.gif)">Hi</p>', 3),
    ('<video poster="https://t.example/p.jpg"></video>', 3),
    ("Text.\n\n![Pixel][p]\n\n[p]: https://tracker.example/p.gif", 7),
    ('<img src="&#104;ttps://t.example/p.gif">', 3),
    ('<img src="\\\\t.example/p.gif">', 3),
], ids=["markdown-image", "protocol-relative", "img", "img-on-three-lines", "srcset", "iframe", "script", "link",
        "style-url", "poster", "reference-image", "entity", "backslashes"])
def test_anything_a_page_would_load_from_another_host_is_found_with_its_line(source, line):
    found = remote_loads(f"# Help\n\n{source}\n")
    assert [number for number, _ in found] == [line], found


def test_links_to_other_sites_pictures_of_the_site_and_code_examples_are_fine():
    assert remote_loads("# Help\n\n[Our main site](https://www.council.example) and "
                        '<a href="https://x.example">x</a>.\n\n![Map](map.png) <img src="../assets/a.png" alt="">\n\n'
                        '```html\n<img src="https://t.example/p.gif">\n```\n\nWrite `<img src="https://x.example/a.png">`.\n') == []


def test_a_page_loading_a_picture_from_another_host_stops_the_build_naming_page_and_line(tmp_path):
    project = make_project(tmp_path / "council", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    (project / "content" / "help.md").write_text("# Help\n\nHello.\n\n![](https://tracker.example/p.gif)\n")
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "content/help.md:5:1: error: This page loads something from another website" in result.output
    assert check([str(project)]) == 1


def test_the_sanitiser_drops_a_picture_from_another_host_whatever_way_it_is_written():
    html = sanitise_page('<p><img src="https://t.example/p.gif" alt="a"><img src=" //t.example/p.gif" alt="b">'
                         '<img src="\\\\t.example/p.gif" alt="d"><img src="map.png" alt="c"></p>')
    assert "t.example" not in html and 'src="map.png"' in html


def test_front_matter_and_headings_are_text_wherever_the_theme_prints_them(tmp_path):
    project = make_project(tmp_path / "council", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    (project / "content" / "a.md").write_text(
        '---\ntitle: "</title><script>alert(1)</script>"\ndescription: "\\"><script>alert(2)</script>"\n---\n\n'
        "# Page A\n\nText.\n", encoding="utf-8")
    (project / "content" / "b.md").write_text(
        "# &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;\n\nText.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    for page in ("a", "b", ""):  # each page, and the navigation on the home page
        html = (project / "site" / page / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
    a = (project / "site" / "a" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - " in a
    assert '<meta name="description" content="&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;">' in a
    b = (project / "site" / "b" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; - " in b
    index = (project / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in index and "</title>" not in index


def test_front_matter_text_is_escaped_and_other_values_kept():
    meta = meta_as_text({"title": "<b>A</b> & B", "hide": ["toc"], "search": {"exclude": True}})
    assert meta == {"title": "&lt;b&gt;A&lt;/b&gt; &amp; B", "hide": ["toc"], "search": {"exclude": True}}
    assert heading_as_text("Fish &amp; chips &lt;script&gt; <code>x</code>") == "Fish &amp; chips &lt;script&gt; x"


def test_a_page_in_a_linked_folder_is_checked_for_loads_from_another_host_too(tmp_path):
    project = tmp_path / "council"
    (project / "content").mkdir(parents=True)
    (project / "shared").mkdir()
    (project / "shared" / "loop").symlink_to(project / "shared")
    (project / "shared" / "news.md").write_text("# News\n\n![](https://t.example/p.gif)\n")
    (project / "content" / "shared").symlink_to(project / "shared")
    found = remote_load_problems(project / "content")
    assert [(p.file, p.line) for p in found] == [("content/shared/news.md", 3)]
