"""A whole build of a council that says little (tests/fixtures/claims): everything the site says is
true and the council's own. Its library opens on Saturdays and has no closure at Christmas, it has no
BSL channel or facility, its standards have their own title, its feedback text gives its phone number
and address, it names the area it serves, and one office takes walk-ins or bookings.

Built for 1 December 2026, so the 3-month window of pages, leaflets and JSON-LD and the 12 months of
the calendar both cover Christmas 2026, when Boxing Day is a Saturday and the bank holiday is Monday 28
December.
"""

from __future__ import annotations

import csv
import io
import json

import pdfplumber
import pytest

from conftest import FIXTURES
from sitebuild import build, make_project
from test_build import text_of
from test_openreferral import json_ld

pytestmark = pytest.mark.build

CASE = FIXTURES / "claims"


@pytest.fixture(scope="module")
def ashdown(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("claims"), CASE / "services.yaml", CASE / "standards.yaml")
    result = build(project, "2026-12-01")
    assert result.returncode == 0, result.output
    return result


def leaflet_text(site, name: str) -> str:
    with pdfplumber.open(site / "leaflets" / f"{name}.pdf") as pdf:
        return " ".join((page.extract_text() or "").replace("\n", " ") for page in pdf.pages)


def test_saturday_26_december_2026_is_no_bank_holiday_anywhere(ashdown):
    """The library opens on Saturdays: it is open as usual on Boxing Day, a Saturday, and closed on the
    substitute day, Monday 28 December, on its page, its leaflet, its calendar and its JSON-LD."""
    page = text_of(ashdown.page("offices/vale-library"))
    leaflet = leaflet_text(ashdown.site, "visiting-vale-library")
    for said in (page, leaflet):
        assert "26 December" not in said
        assert "Monday 28 December 2026: Boxing Day (substitute day), bank holiday: closed" in said
        assert "Friday 25 December 2026: Christmas Day, bank holiday: closed" in said
    calendar = (ashdown.site / "calendars" / "vale-library.ics").read_bytes().decode("utf-8")
    assert "DTSTART;VALUE=DATE:20261226" not in calendar
    assert "DTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20261229\r\n" \
           "SUMMARY:Vale Library closed: Boxing Day (substitute day)\\, bank holiday" in calendar
    special = json_ld(ashdown.page("offices/vale-library"))["specialOpeningHoursSpecification"]
    assert [(s["validFrom"], s["description"]) for s in special] == [
        ("2026-12-25", "Christmas Day, bank holiday"), ("2026-12-28", "Boxing Day (substitute day), bank holiday"),
        ("2027-01-01", "New Year's Day, bank holiday")]


def test_the_accessibility_statement_promises_nothing_the_catalogue_does_not_say(ashdown):
    statement = text_of(ashdown.page("accessibility"))
    assert "Sign Language" not in statement and "BSL" not in statement  # no BSL channel or facility
    assert "These offices have audio induction loops: Vale Library." in statement
    assert "working days" not in statement  # no response_days: no number of days promised
    assert "any of our offices" not in statement
    assert "each time it is published" not in statement


def test_the_about_page_makes_no_claim_about_the_councils_own_work(ashdown):
    about = text_of(ashdown.page("about"))
    assert "Ashdown District Council" in about
    assert "communications team" not in about and "once a year" not in about


def test_every_link_to_the_standards_uses_the_councils_title(ashdown):
    for url in ("contact", "services/borrow-books"):
        page = text_of(ashdown.page(url))
        assert "Read our customer contact standards" in page, url
        assert "customer service standards" not in page, url
    assert "<h1" in ashdown.page("standards") and "Our customer contact standards" in ashdown.page("standards")
    assert leaflet_text(ashdown.site, "customer-service-standards").count("Our customer contact standards") >= 1


def test_a_route_the_feedback_text_gives_is_not_listed_again(ashdown):
    complaints = text_of(ashdown.page("contact")).split("Make a complaint To complain", 1)[1]
    assert complaints.count("01632 960200") == 1 and complaints.count("AV1 1AA") == 1
    assert "Make a complaint online" in complaints and "at one of our offices" in complaints
    leaflet = leaflet_text(ashdown.site, "how-to-contact-us").split("Make a complaint", 1)[1].split("In person")[0]
    assert leaflet.count("01632 960200") == 1 and leaflet.count("AV1 1AA") == 1
    standards = leaflet_text(ashdown.site, "customer-service-standards").split("Tell us what you think", 1)[1]
    assert standards.count("01632 960200") == 1 and "ashdown.example/complaints" in standards


def test_the_area_served_is_the_place_the_council_names(ashdown):
    service = json_ld(ashdown.page("services/borrow-books"))
    assert service["areaServed"] == {"@type": "AdministrativeArea", "name": "Ashdown"}
    [record] = [json.loads(p.read_text()) for p in (ashdown.site / "openreferral" / "services").glob("*.json")]
    assert [(a["name"], a["service_id"]) for a in record["service_areas"]] == [("Ashdown", record["id"])]
    rows = list(csv.DictReader(io.StringIO((ashdown.site / "openreferral" / "service_areas.csv").read_text())))
    assert [r["service_area"] for r in rows] == ["Ashdown"]


def test_an_office_where_you_walk_in_or_book_says_so(ashdown):
    assert "You can walk in, or book an appointment for a longer talk." in text_of(ashdown.page("offices/ashdown-house"))
    offices = text_of(ashdown.page("offices"))
    assert "Walk in, or book an appointment Ashdown House" in offices
    assert "You can visit us at our offices. You do not need an appointment." in text_of(ashdown.page("contact"))
    assert "Walk in, or book" in leaflet_text(ashdown.site, "how-to-contact-us")
    assert "You can walk in, or book an appointment for a longer talk." in \
        leaflet_text(ashdown.site, "visiting-ashdown-house")
