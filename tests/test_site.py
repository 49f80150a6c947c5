"""Which notices a page shows, and where (Catalogue.notices_on, read by SiteRenderer.fill_notices)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, valid_services
from opencounter import urls
from opencounter.site import SiteRenderer, plan_site

TEMPLATES = ROOT / "overrides" / "opencounter"

# A second office, and three notices: one for everywhere that is about one office (as the sample's Christmas
# notice is, its sentence for other offices last), and one aimed at each office.
TWO_OFFICES = valid_services().replace("services:\n", """  - id: northam
    name: Northam Library
    address: [Market Street, Northam]
    postcode: TE2 2BB
    access: walk-in
    opening_hours:
      Mon-Sat: 9am to 5pm
services:
""", 1).replace("notices:\n", """notices:
  - text: Testham Council Offices close on 23 December. Libraries have their own Christmas opening times, so check before you visit.
    level: warning
  - text: Testham's lift is broken until Friday.
    on: [testham]
  - text: Northam Library closes at 1pm on Wednesday for staff training.
    on: [northam]
""", 1)

EVERYWHERE, TESTHAM, NORTHAM = "Testham Council Offices close", "lift is broken", "Northam Library closes at 1pm"


@pytest.fixture
def catalogue(write_catalogue):
    return write_catalogue(TWO_OFFICES)


def test_an_office_page_shows_its_own_notices_first_and_those_for_everywhere_after_its_hours(catalogue):
    northam = next(o for o in catalogue.offices if o.id == "northam")
    first, after_hours = catalogue.notices_on("northam", office=northam)
    assert [n.text[:28] for n in first] == [NORTHAM[:28]]  # not Testham's lift
    assert [n.text[:29] for n in after_hours] == [EVERYWHERE]
    first, after_hours = catalogue.notices_on("bins", "bin-collections")  # a page not about one office
    assert [n.text for n in first][0] == "Collections are a day late after bank holidays."
    assert EVERYWHERE in first[1].text and after_hours == ()


def page(catalogue, src: str) -> str:
    renderer = SiteRenderer(catalogue, TEMPLATES, "https://www.testshire.example/")
    plan = next(p for p in plan_site(catalogue) if p.src == src)
    html = renderer.decorate(renderer.render(plan), plan.url, plan.notice_ids, plan.title)
    return renderer.fill_notices(html, plan.url, plan.notice_ids)


def test_a_notice_for_one_office_is_not_on_another_offices_page_and_hours_come_first(catalogue):
    html = page(catalogue, urls.office("northam"))
    assert NORTHAM in html and TESTHAM not in html
    assert html.index(NORTHAM) < html.index('id="opening-hours"') < html.index(EVERYWHERE)
    assert "oc-notices-after-hours" not in html and "oc-notices -->" not in html  # both places filled


def test_every_sentence_of_a_notice_shows_without_a_tap(catalogue):
    for src in (urls.office("northam"), urls.service("bin-collections"), urls.CONTACT):
        html = page(catalogue, src)
        assert "Libraries have their own Christmas opening times" in html, src
        assert "<details" not in html.split('class="oc-notices"', 1)[1].split("</div>\n</div>", 1)[0], src
    assert re.search(r'<p><strong class="oc-notice__label">Important:</strong> Testham Council Offices close', html)


def test_the_offices_page_shows_notices_for_any_office(catalogue):
    html = page(catalogue, urls.OFFICES)
    assert NORTHAM in html and TESTHAM in html and EVERYWHERE in html
    assert NORTHAM not in page(catalogue, urls.service("bin-collections"))
