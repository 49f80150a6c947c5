"""Welsh and English: two equal sites and two sets of leaflets from one catalogue (format 1.2).

Glanafon (tests/fixtures/bilingual) is built whole, as a council would: both sites, every page
linked to its counterpart, Welsh words on Welsh pages, Welsh dates and times, Welsh leaflets.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from conftest import FIXTURES, ROOT
from opencounter.words import words
from sitebuild import build, make_project
from test_build import text_of
from test_openreferral import json_ld

pytestmark = pytest.mark.build
CASE = FIXTURES / "bilingual"


def pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("index.html") if not str(p.relative_to(site)).startswith("cy/")}


def test_both_sites_have_every_page(glanafon):
    english, welsh = pages(glanafon.site), pages(glanafon.site / "cy")
    assert english == welsh and len(english) > 15
    assert (glanafon.site / "cy" / "404.html").is_file()


def test_every_page_says_its_language_and_links_to_the_same_page_in_the_other(glanafon):
    site = glanafon.site
    for relative in pages(site):
        for language, other, folder in (("en-GB", "cy", site), ("cy", "en", site / "cy")):
            html = (folder / relative).read_text()
            assert f'<html lang="{language}"' in html, relative
            link = re.search(r'<a href="([^"]+)" class="oc-language__link" lang="(\w+)" hreflang="(\w+)">([^<]+)</a>', html)
            assert link, (relative, language)
            href, lang, hreflang, name = link.groups()
            assert lang == hreflang == other and name == ("Cymraeg" if other == "cy" else "English")
            target = (folder / relative).parent / href
            assert (target / "index.html").resolve() == ((site / "cy" if other == "cy" else site) / relative).resolve()
            for code in ("en", "cy", "x-default"):
                assert f'<link rel="alternate" hreflang="{code}"' in html, (relative, code)
            alternates = re.findall(r'<link rel="alternate"[^>]*>', html)
            assert len(alternates) == 3, (relative, alternates)  # nothing else claims to be this page elsewhere
            assert all('href="https://www.glanafon.example/' in a for a in alternates), (relative, alternates)


def test_the_sitemap_lists_both_languages_with_their_counterparts(glanafon):
    sitemap = (glanafon.site / "sitemap.xml").read_text()
    for relative in pages(glanafon.site):
        path = relative[:-len("index.html")]
        english, welsh = f"https://www.glanafon.example/{path}", f"https://www.glanafon.example/cy/{path}"
        assert f"<loc>{english}</loc>" in sitemap and f"<loc>{welsh}</loc>" in sitemap, path
        assert f'hreflang="cy" href="{welsh}"' in sitemap


def whole_page(html: str) -> str:
    """Everything a person or a screen reader meets on a page: its text, and its labels and titles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    labels = " ".join(re.findall(r'(?:aria-label|placeholder|title|alt)="([^"]*)"', html))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html) + " " + labels)


def _theme_words(language: str) -> dict[str, str]:
    import material
    text = (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{language}.html").read_text()
    return dict(re.findall(r'"([a-z.]+)": "([^"]*)"', text))


def _english_interface_phrases() -> list[str]:
    """Phrases of three words or more that our English interface (and the theme's) says and the Welsh does not."""
    english, welsh = words("en").table, words("cy").table
    theme_en, theme_cy = _theme_words("en"), _theme_words("cy")
    english = {**{f"theme.{k}": v for k, v in theme_en.items() if v != theme_cy.get(k)}, **english}
    found = []
    for key, text in english.items():
        if key.startswith(("leaflet.", "language.")) or text == welsh.get(key):
            continue
        for piece in re.split(r"\{[a-z_]+\}", text):
            piece = piece.strip(" .,:;()'\"")
            if len(piece.split()) >= 3:
                found.append(piece)
    return found


def test_welsh_pages_have_no_english_interface_words(glanafon):
    phrases = _english_interface_phrases()
    assert len(phrases) > 100
    for page in (glanafon.site / "cy").rglob("*.html"):
        text = whole_page(page.read_text())
        for phrase in phrases:
            assert phrase not in text, (str(page.relative_to(glanafon.site)), phrase)


def test_no_link_heading_or_label_on_a_welsh_page_is_an_english_interface_word(glanafon):
    """Short words too ("Home", "Services"): every link, heading, button, label and table cell
    whose whole text is one of our English interface texts, or the theme's, is a miss."""
    english, welsh = words("en").table, words("cy").table
    interface = {text.strip() for key, text in english.items()
                 if "{" not in text and text != welsh.get(key) and len(text.strip()) > 2 and not key.startswith("language.")}
    interface |= {v for k, v in _theme_words("en").items() if v != _theme_words("cy").get(k) and len(v) > 2}
    assert {"Home", "Services", "Contact us", "Opening hours"} <= interface
    element = re.compile(r"<(a|h[1-6]|button|label|th|td|caption|dt|summary|li)\b[^>]*>(.*?)</\1>", re.S)
    for page in (glanafon.site / "cy").rglob("*.html"):
        html = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(), flags=re.S)
        for _, inner in element.findall(html):
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inner)).strip()
            assert text not in interface, (str(page.relative_to(glanafon.site)), text)


def _json_ld_texts(data) -> list[str]:
    if isinstance(data, dict):
        return [t for key, value in data.items() if not key.startswith("@") for t in _json_ld_texts(value)]
    if isinstance(data, list):
        return [t for value in data for t in _json_ld_texts(value)]
    return [data] if isinstance(data, str) else []


def test_structured_data_on_welsh_pages_is_in_welsh(glanafon):
    """What search engines and assistants read (schema.org JSON-LD) says the page's language and
    uses no English interface words: "In person at", "bank holiday", "This office is closed"."""
    phrases = _english_interface_phrases() + ["In person at", "bank holiday", "Closed"]
    documents = {}
    for page in (glanafon.site / "cy").rglob("index.html"):
        html = page.read_text()
        if "application/ld+json" in html:
            documents[str(page.relative_to(glanafon.site))] = json_ld(html)
    assert len(documents) > 5 and "cy/contact/index.html" in documents
    for where, data in documents.items():
        assert data["mainEntityOfPage"]["inLanguage"] == "cy", where
        for text in _json_ld_texts(data):
            for phrase in phrases:
                assert phrase not in text, (where, phrase, text)
    texts = [t for data in documents.values() for t in _json_ld_texts(data)]
    assert any(t.startswith("Wyneb yn wyneb: ") for t in texts)
    english = json_ld(glanafon.page("contact"))
    assert english["mainEntityOfPage"]["inLanguage"] == "en-GB"
    welsh_line = [p for p in english["contactPoint"] if p["name"] == "Helpline in Welsh"]
    assert welsh_line and welsh_line[0]["availableLanguage"] == ["cy"]


def test_structured_data_names_bank_holidays_and_closures_in_the_page_language():
    from datetime import date
    from opencounter.jsonld import StructuredData
    from opencounter.loading import load_catalogue
    said = {}
    for language in ("en", "cy"):
        catalogue = load_catalogue(CASE / "services.yaml", CASE / "standards.yaml", date(2027, 3, 1), language=language)
        data = StructuredData(catalogue, "https://www.glanafon.example/")
        special = [s["description"] for office in catalogue.offices for s in data.special_days(office)]
        said[language] = special
    assert "Good Friday, bank holiday" in said["en"]
    assert "Dydd Gwener y Groglith, gŵyl banc" in said["cy"]
    assert not any("bank holiday" in text for text in said["cy"])


def test_welsh_pages_print_days_months_and_times_in_welsh(glanafon):
    welsh = text_of(glanafon.page("cy/offices/civic-centre"))
    for expected in ["Dydd Llun", "Dydd Gwener", "Dydd Sadwrn", "8:30yb", "5yh", "hanner dydd", "Rhagfyr", "Gwyliau banc"]:
        assert expected in welsh, expected
    assert "Monday" not in welsh and "December" not in welsh
    english = text_of(glanafon.page("offices/civic-centre"))
    assert "Monday" in english and "8:30am" in english and "December" in english
    # Phone numbers are the same in both.
    assert "029 2018 0000" in text_of(glanafon.page("cy/contact")) and "029 2018 0000" in text_of(glanafon.page("contact"))


def test_a_service_target_written_once_is_said_in_each_language(glanafon):
    welsh, english = text_of(glanafon.page("cy/services/housing-benefit")), text_of(glanafon.page("services/housing-benefit"))
    assert "Byddwn yn ateb eich cwestiwn cyn pen 2 ddiwrnod gwaith." in welsh
    assert "We will reply to your question within 2 working days." in english
    assert "Targed: 2" not in welsh and "Target: 2" not in english  # the promise says it already


def test_a_channel_in_one_language_says_so_in_both(glanafon):
    assert "Welsh language line" in text_of(glanafon.page("contact"))
    assert "Llinell Gymraeg" in text_of(glanafon.page("cy/contact"))


def test_search_in_each_language_finds_its_own_pages(glanafon):
    english = json.loads((glanafon.site / "search" / "search_index.json").read_text())["docs"]
    welsh = json.loads((glanafon.site / "cy" / "search" / "search_index.json").read_text())["docs"]
    assert any(d["location"] == "services/council-tax/" and "Treth Gyngor" in d["title"] for d in welsh)
    assert not any("Treth Gyngor" in d["title"] for d in english)
    assert any("treth" in d["text"] for d in welsh if d["location"] == "services/council-tax/")  # a Welsh keyword


def test_every_leaflet_is_in_welsh_and_in_english(glanafon):
    english = sorted(p.relative_to(glanafon.site / "leaflets") for p in (glanafon.site / "leaflets").rglob("*.pdf"))
    welsh = sorted(p.relative_to(glanafon.site / "cy" / "leaflets") for p in (glanafon.site / "cy" / "leaflets").rglob("*.pdf"))
    assert english == welsh and len(english) >= 12  # both editions of each
    with pdfplumber.open(io.BytesIO((glanafon.site / "cy" / "leaflets" / "services-money.pdf").read_bytes())) as pdf:
        assert resolve1(pdf.doc.catalog["Lang"]) == b"cy"
        text = " ".join(page.extract_text() for page in pdf.pages)
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars if c["text"] in "ŵŷ"}
    assert "Treth Gyngor" in text and "symud tŷ" in text  # ŷ read back as ŷ, from the fallback font
    # Its QR code and its "to see changes" line take a Welsh reader to the Welsh pages.
    assert "glanafon.example/cy/categories/money" in text.replace("\n", "")
    assert "ewch i glanafon.example/cy " in text.replace("\n", " ")
    assert fonts == {"NotoSans-Regular"}
    assert pdf.metadata["Title"].endswith("Cyngor Bwrdeistref Sirol Glanafon")
    leaflets_page = glanafon.page("cy/leaflets")
    assert 'href="services-money.pdf"' in leaflets_page and "Treth Gyngor a budd-daliadau" in leaflets_page


def test_hand_written_pages_are_in_each_language(glanafon):
    assert "Am y wefan hon" in glanafon.page("cy/about") and "About this site" in glanafon.page("about")
    assert not (glanafon.site / "about.cy").exists()


def test_a_page_with_no_welsh_version_stops_the_build(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "about.md").write_text("# About\n\nRun by {{ council.name }}.\n")
    project = make_project(tmp_path / "p", CASE / "services.yaml", CASE / "standards.yaml", content=content)
    result = build(project)
    assert result.returncode != 0
    assert "content/about.md:1:1: error: This page has no Welsh (cy) version." in result.output
    assert "Add content/about.cy.md" in result.output and "Traceback" not in result.output


def test_a_council_with_welsh_first_has_the_welsh_site_at_the_root_and_english_under_en(tmp_path):
    """Glanafon with Welsh first, dropped into the project as it ships (its content/ pages unchanged)."""
    services = (CASE / "services.yaml").read_text().replace("languages: [en, cy]", "languages: [cy, en]", 1)
    project = make_project(tmp_path / "p", services, CASE / "standards.yaml")
    result = build(project)
    assert result.returncode == 0, result.output
    site = project / "site"
    for page in ("index.html", "about/index.html", "contact/index.html", "offices/civic-centre/index.html"):
        welsh, english = (site / page).read_text(), (site / "en" / page).read_text()
        assert '<html lang="cy"' in welsh and '<html lang="en-GB"' in english, page
        assert 'class="oc-language__link" lang="en" hreflang="en">English</a>' in welsh, page
        assert 'class="oc-language__link" lang="cy" hreflang="cy">Cymraeg</a>' in english, page
    assert "Am y wefan hon" in text_of((site / "about/index.html").read_text())
    assert "Cyngor Bwrdeistref Sirol Glanafon" in text_of((site / "about/index.html").read_text())
    assert "About this site" in text_of((site / "en/about/index.html").read_text())
    assert "Dydd Llun" in text_of((site / "offices/civic-centre/index.html").read_text())
    assert not (site / "cy").exists() and not (site / "about.en").exists()
    sitemap = (site / "sitemap.xml").read_text()
    assert '<loc>https://www.glanafon.example/en/contact/</loc>' in sitemap
    assert {p.name for p in (site / "leaflets").glob("*.pdf")} == {p.name for p in (site / "en" / "leaflets").glob("*.pdf")}


def test_make_check_names_every_missing_welsh_line(tmp_path):
    services = (CASE / "services.yaml").read_text()
    lines = services.splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.strip() == "cy: Treth Gyngor")
    (tmp_path / "services.yaml").write_text("\n".join(l for i, l in enumerate(lines, start=1) if i != number) + "\n")
    (tmp_path / "standards.yaml").write_text((CASE / "standards.yaml").read_text())
    result = subprocess.run([sys.executable, "-m", "opencounter.check", str(tmp_path)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert f"services.yaml:{number - 1}:7: error: 'name' has no Welsh (cy)." in result.stdout
    assert "services → item 1 ('council-tax') → name" in result.stdout
    assert "reads the English text only" in result.stdout


def test_an_english_only_council_has_one_site_and_no_language_link(sample):
    assert not (sample.site / "cy").exists()
    assert not (sample.site / "about.cy").exists()  # content/about.cy.md is for councils that publish in Welsh
    assert "Am y wefan" not in (sample.site / "search" / "search_index.json").read_text()
    assert "oc-language__link" not in sample.page("services/council-tax")
    assert 'hreflang="cy"' not in sample.page("services/council-tax")


# ---------------------------------------------------------------- in Chromium, on a phone

@pytest.fixture(scope="module")
def glanafon_server(glanafon):
    from browser import SiteServer
    server = SiteServer(glanafon.site)
    yield server
    server.close()


@pytest.fixture
def phone(browser, glanafon_server):
    context = browser.new_context(viewport={"width": 390, "height": 740}, reduced_motion="reduce")
    origin = glanafon_server.origin
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin + "/")
                  else route.abort())
    tab = context.new_page()
    tab.origin = origin
    yield tab
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("start, other, name", [("cy/services/council-tax/", "services/council-tax/", "English"),
                                                 ("offices/civic-centre/", "cy/offices/civic-centre/", "Cymraeg")])
def test_on_a_phone_the_other_language_is_one_tap_from_the_header_to_the_same_page(phone, start, other, name):
    phone.goto(f"{phone.origin}/{start}")
    link = phone.locator(".md-header .oc-language__link")
    assert link.is_visible() and link.inner_text().strip() == name  # without opening the menu
    box = link.bounding_box()
    assert box["y"] + box["height"] <= phone.locator(".md-header").bounding_box()["height"]
    assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.2 target size
    with phone.expect_navigation():
        link.click()
    assert phone.url == f"{phone.origin}/{other}"
    assert phone.evaluate("document.documentElement.lang") == ("cy" if name == "Cymraeg" else "en-GB")


@pytest.mark.browser
def test_the_language_link_is_reached_from_the_keyboard_early(phone):
    phone.goto(f"{phone.origin}/cy/contact/")
    for _ in range(6):  # skip link, then the header's few controls
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.classList.contains('oc-language__link')"):
            break
    else:
        pytest.fail("the language link is not among the first 6 stops of the Tab key")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url == f"{phone.origin}/contact/"


@pytest.mark.browser
def test_searching_in_welsh_finds_the_welsh_page_with_welsh_labels(phone):
    phone.goto(f"{phone.origin}/cy/")
    phone.get_by_role("button", name=words("cy")("site.search_button")).first.click()  # its label is Welsh too
    field = phone.locator("input.md-search__input")
    assert field.get_attribute("placeholder") == words("cy")("theme.search.placeholder")
    phone.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() === "
                            f"{json.dumps(words('cy')('theme.search.result.placeholder'))}")
    phone.keyboard.type("treth", delay=50)
    results = phone.locator(".md-search-result__item")
    results.first.wait_for()
    text = phone.locator(".md-search-result").inner_text()
    assert "Treth Gyngor" in text and "Council Tax" not in text
    href = phone.locator(".md-search-result__link").first.get_attribute("href")
    assert "/cy/" in phone.evaluate("h => new URL(h, location.href).pathname", href)


@pytest.mark.browser
@pytest.mark.parametrize("path, name", [("cy/", "Cyngor Bwrdeistref Sirol Glanafon"),
                                        ("", "Glanafon County Borough Council")])
def test_on_a_phone_the_header_shows_the_whole_council_name(phone, path, name):
    """Welsh council names are long and start alike ("Cyngor Bwrdeistref Sirol ..."): cut short,
    the header would not say which council it is."""
    phone.goto(f"{phone.origin}/{path}")
    title = phone.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert title.inner_text().strip() == name
    clipped = title.evaluate("e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1")
    assert not clipped
    box, header = title.bounding_box(), phone.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"]
