"""A council written to version 1.1 of the format, built whole: every addition reaches pages and leaflets,
and nothing of the sample council survives anywhere in the output."""

from __future__ import annotations

import io
import re

import pdfplumber

from test_build import text_of


def leaflet_text(site, name: str) -> str:
    with pdfplumber.open(io.BytesIO((site / "leaflets" / name).read_bytes())) as pdf:
        # A zero-width space prints nothing: where a long address may break (typeset.breakable).
        return " ".join(re.sub(r"\u200b\n?", "", page.extract_text() or "").replace("\n", " ") for page in pdf.pages)


def test_sms_and_chatbot_channels_are_on_the_contact_page_with_their_links(northbrook):
    html = northbrook.page("contact")
    assert '<h2 id="sms">By text message</h2>' in html
    assert 'href="sms:+447700900123"' in html
    assert '<h2 id="chatbot">Digital assistant</h2>' in html
    assert 'href="https://www.northbrook.example/ask/"' in html
    assert "Open as usual on bank holidays." in text_of(html)  # a 24-hour line does not close for them


def test_an_extension_is_printed_in_words_and_dialled(northbrook):
    html = northbrook.page("services/planning")
    assert 'href="tel:+441632960000;ext=4505"' in html
    assert "01632 960000, extension 4505" in text_of(html)


def test_popular_services_are_the_councils_choice_in_its_order(northbrook):
    home = northbrook.page("")
    popular = home.split('id="popular"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r">([^<]+)</a>", popular) == ["Bin collections", "Council Tax"]


def test_extra_help_is_on_the_contact_page_service_pages_and_the_contact_leaflet(northbrook):
    sentence = "we can visit you at home, book an interpreter"
    assert sentence in text_of(northbrook.page("contact"))
    assert sentence in text_of(northbrook.page("services/council-tax"))
    assert sentence in leaflet_text(northbrook.site, "how-to-contact-us.pdf")


def test_a_closed_office_says_where_to_go_instead_everywhere(northbrook):
    page = text_of(northbrook.page("offices/old-town-hall"))
    assert "While it is closed, go to Council Offices instead." in page
    assert "Gernon Road Northbrook NB6 3JF" in page  # the open office's address, tidied
    assert "go to Council Offices instead" in text_of(northbrook.page("offices"))
    leaflet = leaflet_text(northbrook.site, "visiting-old-town-hall.pdf")
    assert "Where to go instead" in leaflet and "Council Offices" in leaflet and "NB6 3JF" in leaflet


def test_the_standards_have_their_own_title_dates_webchat_standard_and_measures(northbrook):
    html = northbrook.page("standards")
    assert "<title>Our Customer Care Standards - Northbrook District Council</title>" in html
    page = text_of(html)
    assert "We agreed these standards on 1 April 2021. We will next review them by 31 March 2027." in page
    assert "When you use webchat" in page and "When you call us through Relay UK" in page
    assert "Customers satisfied with our service" in page and "41,204" in page and "78%" in page
    leaflet = leaflet_text(northbrook.site, "customer-service-standards.pdf")
    assert leaflet.count("Our Customer Care Standards") >= 2  # title and running footer
    assert "We agreed these standards on 1 April 2021." in leaflet


def test_the_standards_leaflet_prints_every_result_the_web_page_shows(northbrook):
    leaflet = leaflet_text(northbrook.site, "customer-service-standards.pdf")
    page = text_of(northbrook.page("standards"))
    for period in ("2022 to 2023", "2023 to 2024", "2024 to 2025", "2025 to 2026", "April to June 2026"):
        assert period in leaflet and period in page
    for figure in ("81%", "79%", "88%", "78%", "41,204"):
        assert figure in leaflet and figure in page
    assert "From our survey of people who contacted us." in leaflet


def test_nothing_of_the_sample_council_survives_in_site_search_or_leaflets(northbrook):
    sample = re.compile(r"riverside|rv1 2ab|01632 960000\b(?!, extension)", re.I)
    for path in sorted(northbrook.site.rglob("*")):
        if path.suffix in (".html", ".json", ".xml"):
            found = sample.search(path.read_text(encoding="utf-8"))
            assert not found, f"{path.relative_to(northbrook.site)}: {found.group(0)}"
        elif path.suffix == ".pdf":
            found = sample.search(leaflet_text(northbrook.site, path.name))
            assert not found, f"{path.name}: {found.group(0)}"
    assert "Northbrook District Council" in text_of(northbrook.page("about"))


def test_an_out_of_hours_line_open_overnight_prints_the_next_day_on_pages_and_leaflets(northbrook):
    assert "Monday to Friday: 5pm to 9am the next day" in text_of(northbrook.page("contact"))
    assert "Monday to Friday: 5pm to 9am the next day" in leaflet_text(northbrook.site, "how-to-contact-us.pdf")
