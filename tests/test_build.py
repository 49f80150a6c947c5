"""Whole builds with MkDocs: the sample council, the contract example, and broken catalogues."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from html.parser import HTMLParser

import pytest

from conftest import FIXTURES, ROOT
from opencounter.leaflets import plan_leaflets
from opencounter.loading import load_catalogue
from opencounter.words import words
from sitebuild import build, make_project, shared_build

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def contract(tmp_path_factory):
    result = shared_build(tmp_path_factory, "contract", FIXTURES / "contract" / "services.yaml",
                          FIXTURES / "contract" / "standards.yaml")
    assert result.returncode == 0, result.output
    return result


def text_of(html: str) -> str:
    """The visible text of a page's main content, whitespace folded."""
    main = html.split('<article', 1)[-1].split('</article>', 1)[0]
    main = re.sub(r"<script.*?</script>", " ", main, flags=re.S)
    main = re.sub(r"</?(?:strong|a|em|span|code|abbr)\b[^>]*>", "", main)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).replace(" ,", ",")


def test_every_page_kind_is_built(sample):
    for url in ["", "services", "categories", "contact", "offices", "standards", "glossary", "about",
                "services/council-tax", "offices/riverside-house", "categories/council-tax-and-benefits"]:
        assert (sample.site / url / "index.html").exists(), url


def test_service_page_shows_everything_about_the_service(contract):
    page = text_of(contract.page("services/council-tax"))
    assert "Pay your Council Tax, ask for a discount or tell us you are moving." in page
    assert "You pay Council Tax for the home you live in." in page
    assert "Pay your Council Tax" in page
    assert "01632 960000" in page and "Monday to Friday: 9am to 5pm" in page
    assert "enquiries@riverside.example" in page
    assert "Riverside House" in page and "You can walk in" in page
    assert "We will set up your new account within 10 working days." in page
    assert "We aim to answer calls to our published numbers within 45 seconds." in page  # phone standard
    assert "We will reply fully within 2 working days." in page  # email standard
    assert "1 October 2026" in page


def test_office_page_has_hours_closures_and_map(contract):
    html = contract.page("offices/riverton")
    page = text_of(html)
    assert "Riverside House Bridge Street Riverton RV1 2AB" in page
    assert "Monday 9am to 5pm" in page and "Saturday Closed" in page
    assert "Bank holidays Closed" in page
    assert "Thursday 24 December 2026 to Friday 1 January 2027: Christmas and New Year" in page
    assert "Step-free access" in page and "The number 30 bus stops outside." in page
    assert "openstreetmap.org/?mlat=54.6431&amp;mlon=-3.5436" in html
    assert "Council Tax" in page  # services you can get help with here
    assert "Parking is limited on market days." in page


def test_contact_page_lists_every_channel(sample):
    page = text_of(sample.page("contact"))
    for expected in ["01632 960000", "18001 01632 960000", "British Sign Language", "RV1 2AB",
                     "Find out about call charges"]:
        assert expected in page


def test_standards_page_groups_standards_and_shows_performance(sample):
    html = sample.page("standards")
    for heading in ["When you phone us", "When you email us", "When you write to us", "When you visit us",
                    "When we visit you at home", "When you contact us on social media", "What we ask of you",
                    "How we are doing", "Tell us what you think"]:
        assert heading in html
    assert '<th scope="col">Result</th>' in html


def test_notices_show_only_between_their_dates_and_where_aimed(contract, tmp_path):
    # The contract notice runs 2026-11-01 to 2027-01-31 and is aimed at the riverton office.
    assert "closes at 1pm on Wednesday 2 December" in contract.page("offices/riverton")
    assert "closes at 1pm on Wednesday 2 December" not in contract.page("services/council-tax")
    later = build(contract.project, "2027-02-01", "--site-dir", str(tmp_path / "later"))
    assert later.returncode == 0, later.output
    assert "closes at 1pm" not in (tmp_path / "later" / "offices" / "riverton" / "index.html").read_text()


def test_every_service_shows_a_way_in_without_the_internet(sample):
    """Under its contact heading, every service page gives a phone number or an address (online only:
    a number to call, or a way in with an address). The site promises no help the catalogue does not
    offer, so there is no third way: the sample offers one of these for every service."""
    pages = sorted((sample.site / "services").glob("*/index.html"))
    assert len(pages) >= 25
    for page in pages:
        html = page.read_text()
        assert '<h2 id="contact">' in html, page
        section = html.split('<h2 id="contact">', 1)[1].split("</article>", 1)[0]
        assert 'class="oc-phone"' in section or 'class="oc-address"' in section, page


@pytest.fixture(scope="module")
def northbrook_with_glossary(tmp_path_factory):
    """A second council, with glossary terms of its own."""
    standards = (FIXTURES / "format-1-1" / "standards.yaml").read_text() + (
        "\nglossary:\n  - term: Relay UK\n    meaning: A free service for people who cannot hear or speak on the phone.\n"
        "  - term: digital assistant\n    meaning: A computer program that answers simple questions.\n")
    result = shared_build(tmp_path_factory, "northbrook-glossary", FIXTURES / "format-1-1" / "services.yaml", standards)
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize("built", ["sample", "northbrook_with_glossary"])
def test_glossary_terms_are_explained_where_they_appear(built, request):
    """Every page whose paragraphs use a glossary term links it to its meaning on that page."""
    site = request.getfixturevalue(built)
    catalogue = load_catalogue(site.project / "services.yaml", site.project / "standards.yaml", date(2026, 11, 24))
    terms = [g.term for g in catalogue.glossary]
    checked = 0
    for page in site.site.rglob("index.html"):
        html = page.read_text()
        anchors = re.findall(r'class="oc-term" href="#([^"]+)"', html)
        for anchor in anchors:
            assert f'<dt id="{anchor}">' in html, (page, anchor)
        if "/glossary/" in str(page) or "/404" in str(page):
            continue
        paragraphs = " ".join(re.sub(r"<a\b(?![^>]*oc-term).*?</a>", " ", p, flags=re.S)  # other links are not linked
                              for p in re.findall(r"<p>(.*?)</p>", html.split("<article", 1)[-1], flags=re.S))
        title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        own = re.sub(r"<[^>]+>", "", title.group(1)).strip().lower() if title else ""
        used = [t for t in terms if t.lower() != own
                and re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", paragraphs, re.I)]
        for term in used:
            checked += 1
            assert any(a.startswith("term-") for a in anchors), (page, term)
    assert checked, "no page of this catalogue uses a glossary term: the test checked nothing"


def test_search_index_has_service_names_keywords_and_summaries(sample):
    index = (sample.site / "search" / "search_index.json").read_text()
    assert "Council Tax" in index and "rubbish" in index
    docs = json.loads(index)["docs"]
    council_tax = next(d for d in docs if d["location"] == "services/council-tax/")
    assert "ctax" in council_tax["text"]  # words people search for are found...
    assert "ctax" not in sample.page("services/council-tax")  # ...but are not text for residents to read
    assert "Also searched for" not in sample.page("services/council-tax")


def test_a_notice_is_shown_where_it_applies_but_found_once_by_search(sample):
    docs = json.loads((sample.site / "search" / "search_index.json").read_text())["docs"]
    found = [d["location"] for d in docs if "Riverside House closes at 5:15pm" in d["text"]]
    assert found == ["#notices"]  # the home page's list of notices
    service = sample.page("services/council-tax")
    assert "Riverside House closes at 5:15pm" in service  # still shown on the page
    # Below the summary and the service's own first words, never above them.
    assert service.index('class="oc-lede"') < service.index('class="oc-start"') < service.index('class="oc-notices"')
    child = sample.page("services/worried-about-a-child")
    assert child.index("If a child is in immediate danger, call 999.") < child.index('class="oc-notices"')


def test_pages_have_one_h1_and_en_gb(sample):
    for page in sample.site.rglob("index.html"):
        html = page.read_text()
        assert html.count("<h1") == 1, page
        assert '<html lang="en-GB"' in html, page


def test_services_are_kept_out_of_the_side_navigation(sample):
    html = sample.page("")
    assert 'href="services/council-tax/"' not in html.split('<div class="md-content"', 1)[0]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append(attributes[name])


def test_every_internal_link_resolves(sample):
    broken = []
    for page in sample.site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text())
        for link in parser.links:
            if re.match(r"^[a-z]+:", link) or link.startswith("#") or link.startswith("//"):
                continue
            path = link.split("#")[0].split("?")[0]
            # 404.html links from the site root: it is served at any address.
            target = (sample.site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(sample.site)} -> {link}")
    assert not broken, broken[:20]


HOSTILE = {
    "name: Riverside Borough Council": 'name: "Riverside <script>alert(1)</script> Council"',
    "    name: Council Tax and benefits": '    name: "Tax & <b>benefits</b>"',
    "You pay Council Tax for the home you live in.":
        "You pay <script>alert(2)</script> [click](javascript:alert(3)) <img src=x onerror=alert(4)>",
    "    name: Council Tax  ": '    name: "<img src=x onerror=alert(5)>"  ',
    "reason: Christmas and New Year": 'reason: "</title><script>alert(6)</script>"',
}


def test_html_in_the_catalogue_never_reaches_a_page_as_markup(tmp_path):
    services = (FIXTURES / "contract" / "services.yaml").read_text()
    for old, new in HOSTILE.items():
        assert old in services
        services = services.replace(old, new, 1)
    project = make_project(tmp_path / "p", services, FIXTURES / "contract" / "standards.yaml")
    result = build(project)
    assert result.returncode == 0, result.output
    for page in (project / "site").rglob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html and "<b>benefits</b>" not in html, page
        assert "javascript:" not in html, page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (project / "site" / "index.html").read_text()


def test_a_broken_catalogue_builds_nothing_and_keeps_the_old_site(tmp_path):
    project = make_project(tmp_path / "p", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    assert build(project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    (project / "services.yaml").write_text(
        (FIXTURES / "invalid" / "several-problems.yaml").read_text())
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "services.yaml:27:13: error: 'walkin' is not one of the choices for 'access'." in result.output
    assert "Did you mean 'walk-in'?" in result.output
    assert "services.yaml:28:12:" in result.output
    # The council's words are the last words: nothing from MkDocs after them that reads like a crash.
    assert result.output.rstrip().endswith("Fix the lines above and try again."), result.output[-300:]
    assert "Aborted" not in result.output and "ERROR" not in result.output
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before


def test_a_hand_written_page_at_a_generated_address_is_an_error(tmp_path):
    content = tmp_path / "content"
    (content / "contact").mkdir(parents=True)
    (content / "contact" / "index.md").write_text("# Contact\n")
    project = make_project(tmp_path / "p", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml",
                           content=content)
    result = build(project)
    assert result.returncode != 0
    assert "content/contact/index.md has the same address as the generated page 'Contact us'" in result.output
    assert not (project / ".cache" / "leaflets").exists()  # found before a single leaflet was typeset


def test_leaflets_page_lists_every_leaflet_with_edition_size_and_pages(sample):
    html = sample.page("leaflets")
    pdfs = sorted(p.relative_to(sample.site / "leaflets").as_posix() for p in (sample.site / "leaflets").rglob("*.pdf"))
    catalogue = load_catalogue(sample.project / "services.yaml", sample.project / "standards.yaml", date(2026, 11, 24))
    assert len(pdfs) == 2 * len(plan_leaflets(catalogue))  # both editions of every leaflet
    for name in pdfs:
        assert f'href="{name}"' in html, name
    assert re.search(r"PDF, \d+ pages? \(\d+ sheets?\), \d+ KB", html)
    assert "double-sided" in html and "actual size" in html


def test_leaflets_page_groups_leaflets_and_says_which_to_print_for_which_question(sample):
    html = sample.page("leaflets")
    headings = re.findall(r'<h2 id="([a-z-]+)"', html)
    assert headings[:5] == ["which", "printing", "contacting-us", "services", "offices"]
    which = html.split('id="which"')[1].split("</table>")[0]
    for question, answer in [("How do I get in touch, or make a complaint?", "How to contact us"),
                             ("When is an office open, or how do I get there?", "The visiting leaflet for that office"),
                             ("Which services are there, or which leaflet has a service?", "A to Z of council services")]:
        assert re.search(re.escape(question) + r"</td><td>" + re.escape(answer), which), question
    services = html.split('id="services"')[1].split('id="offices"')[0]
    assert "A to Z of council services" in services and "1: Council Tax and benefits" in services
    # Each row gives both editions with their page counts, read from the PDFs.
    row = services.split("1: Council Tax and benefits")[1].split("</tr>")[0]
    pages = [int(n) for n in re.findall(r"PDF, (\d+) pages?", row)]
    import pypdfium2
    assert pages == [len(pypdfium2.PdfDocument(str(sample.site / "leaflets" / f"{e}services-council-tax-and-benefits.pdf")))
                     for e in ("", "large-print/")]


def test_topic_and_a_to_z_pages_link_to_their_leaflets(sample):
    assert 'href="../../leaflets/services-housing.pdf"' in sample.page("categories/housing")
    assert 'href="../leaflets/a-to-z-of-services.pdf"' in sample.page("services")


def test_office_and_standards_pages_link_to_their_leaflets(sample):
    assert 'href="../../leaflets/visiting-riverside-house.pdf"' in sample.page("offices/riverside-house")
    assert 'href="../../leaflets/large-print/visiting-riverside-house.pdf"' in sample.page("offices/riverside-house")
    assert 'href="../leaflets/customer-service-standards.pdf"' in sample.page("standards")


def test_a_broken_leaflet_template_fails_the_build_and_keeps_the_old_site(tmp_path):
    project = make_project(tmp_path / "p", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    assert build(project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    template = project / "overrides" / "opencounter" / "leaflets" / "leaflet.typ"
    template.write_text(template.read_text().replace("leaflet.title,", "leaflet.nonsense,"))
    shutil.rmtree(project / ".cache")
    result = build(project)
    assert result.returncode != 0
    assert "The leaflet template leaflet.typ failed for '" in result.output
    assert "dictionary does not contain key \"nonsense\"" in result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before


def test_the_built_site_loads_nothing_from_another_host(sample):
    # The rule is make verify's (opencounter.verify): one list of tags, trackers and the theme's
    # conditional loads (Mermaid, a ResizeObserver polyfill), whose cases the next test rules out.
    from opencounter.verify import loads_from_other_hosts
    found = loads_from_other_hosts(sample.site)
    assert not found, found[:20]


def test_the_cases_where_the_theme_would_load_from_a_cdn_never_happen(sample):
    for page in sample.site.rglob("*.html"):
        html = page.read_text()
        assert 'class="mermaid"' not in html, page
        assert "resize-observer-polyfill.js" in html, page
    assert (sample.site / "assets/javascripts/vendor/resize-observer-polyfill.js").exists()


def test_accessibility_statement_is_linked_from_every_page(sample):
    statement = text_of(sample.page("accessibility"))
    for expected in ["partially compliant", "Some older PDF forms", "accessibility@riverside.example",
                     "Equality Advisory and Support Service", "prepared on 23 September 2026",
                     "last reviewed on 2 November 2026"]:
        assert expected in statement, expected
    for page in sample.site.rglob("*.html"):
        assert "Accessibility statement</a>" in page.read_text(), page


def test_the_statement_names_the_northern_ireland_enforcer(tmp_path):
    services = (FIXTURES / "contract" / "services.yaml").read_text().replace("nation: england", "nation: northern-ireland")
    project = make_project(tmp_path / "p", services, FIXTURES / "contract" / "standards.yaml")
    assert build(project).returncode == 0
    statement = (project / "site" / "accessibility" / "index.html").read_text()
    assert "Equality Commission for Northern Ireland" in statement
    assert "fully compliant" in statement  # no accessibility section: the default


def test_two_builds_of_one_catalogue_are_byte_identical(sample, tmp_path):
    # A second project folder: its leaflets are rendered afresh, not read from the first build's cache.
    fresh = make_project(tmp_path / "fresh", sample.project / "services.yaml", sample.project / "standards.yaml")
    assert not (fresh / ".cache").exists()
    again = build(fresh, "2026-11-24", "--site-dir", str(tmp_path / "again"))
    assert again.returncode == 0, again.output
    first = {p.relative_to(sample.site): p.read_bytes() for p in sample.site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_every_page_has_its_canonical_address(sample):
    for page in sample.site.rglob("index.html"):
        address = "https://www.riverside.example/" + str(page.parent.relative_to(sample.site)).replace(".", "") + "/"
        address = address.replace("example//", "example/")
        assert f'<link rel="canonical" href="{address}">' in page.read_text(), page
