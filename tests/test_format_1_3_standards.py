"""Format 1.3 standards: a share with the target, same-day targets, standards at some offices only, dates given
as a month, and a review date that has passed. Pages and leaflets read the same rules (models.py, present.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from conftest import ROOT, valid_services
from opencounter import urls
from opencounter.blocks import texts
from opencounter.leaflet_content import LeafletWriter
from opencounter.leaflet_plan import CONTACT, OFFICE, STANDARDS, plan_leaflets
from opencounter.present import complaint_standards, presenter
from opencounter.site import SiteRenderer, plan_site
from opencounter.values import Month
from opencounter.words import words

# Two offices; bin collections are offered at Testham only, council tax at neither.
SERVICES = valid_services().replace("services:\n", """  - id: northam
    name: Northam Library
    address: [Market Place, Northam]
    postcode: TE2 2BB
    access: walk-in
    opening_hours:
      Saturday: 9am to 1pm
services:
  - id: council-tax
    name: Council Tax
    category: bins
    summary: Pay your Council Tax.
    contact: [main-phone]
""", 1)

STANDARDS = """adopted: 2019-09
next_review: 2020-03-31
promises:
  - Treat you fairly
standards:
  - id: answer-calls
    channel: phone
    promise: We aim to answer your call quickly.
    target: 60 seconds
    share: 80%
  - id: call-back
    channel: phone
    promise: If we cannot answer, we will call you back.
    target: same working day
  - id: see-visitors
    channel: in-person
    promise: If you visit Testham Council Offices, we will see you within 15 minutes.
    target: 15 minutes
    offices: [testham]
  - id: complaints-at-northam
    channel: any
    promise: We will reply to a complaint made at Northam Library within 5 working days.
    target: 5 working days
    offices: northam
  - id: library-phone
    channel: phone
    promise: When you phone Northam Library, we answer within 30 seconds.
    target: 30 seconds
    offices: [northam]
"""


@pytest.fixture
def catalogue(write_catalogue):
    return write_catalogue(SERVICES, STANDARDS)


def _pages(catalogue):
    renderer = SiteRenderer(catalogue, ROOT / "overrides" / "opencounter", "https://www.testshire.example/")
    return {plan.src: renderer.render(plan) for plan in plan_site(catalogue)}


def _leaflets(catalogue):
    writer = LeafletWriter(catalogue, catalogue.council.website, words("en"))
    from opencounter.leaflet_plan import STANDARD
    return {plan.slug: " ".join(texts(writer.document(plan, STANDARD)["blocks"])) for plan in plan_leaflets(catalogue)}


def test_the_model_holds_parsed_values(catalogue):
    by_id = {s.id: s for s in catalogue.standards}
    assert by_id["answer-calls"].share == Decimal("80")
    assert by_id["call-back"].target == "same working day"
    assert [o.id for o in by_id["see-visitors"].offices] == ["testham"]
    assert [o.id for o in by_id["complaints-at-northam"].offices] == ["northam"]  # one id without brackets
    assert catalogue.adopted == Month(2019, 9) and catalogue.next_review == date(2020, 3, 31)


def test_a_share_is_printed_with_the_target_in_each_language(catalogue):
    answer, call_back = catalogue.standards[:2]
    assert presenter("en").target(answer) == "80% of calls within 60 seconds"
    assert presenter("cy").target(answer) == "80% o alwadau o fewn 60 eiliad"
    assert presenter("en").target(call_back) == "same working day"
    assert presenter("cy").target(call_back) == "yr un diwrnod gwaith"
    # A promise that says the share and the time already is not followed by the target again.
    said = answer.__class__(answer.id, "phone", "We answer 80% of calls within 60 seconds.", "60 seconds",
                            share=Decimal("80"))
    assert presenter("en").target_to_show(said) == ""
    unsaid = answer.__class__(answer.id, "phone", "We answer calls within 60 seconds.", "60 seconds", share=Decimal("80"))
    assert presenter("en").target_to_show(unsaid) == "80% of calls within 60 seconds"


def test_a_month_is_printed_as_a_month_in_each_language():
    assert presenter("en").date(Month(2024, 9)) == "September 2024"
    assert presenter("cy").date(Month(2024, 9)) == "Medi 2024"


def test_a_review_date_that_has_passed_is_not_said_as_a_plan(catalogue):
    said = presenter("en").standards_dates(catalogue)
    assert said == "We agreed these standards in September 2019. We said we would review them by 31 March 2020."
    assert "will next review" not in said
    assert presenter("cy").standards_dates(catalogue) == ("Fe wnaethon ni gytuno ar y safonau hyn ym mis Medi 2019. "
                                                         "Fe ddywedon ni y bydden ni'n eu hadolygu erbyn 31 Mawrth 2020.")
    ahead = catalogue.__class__(**{**catalogue.__dict__, "next_review": Month(2027, 3)})
    assert presenter("en").standards_dates(ahead).endswith("We will next review them by March 2027.")
    # The last day of the month is still before the review has passed.
    on_time = catalogue.__class__(**{**catalogue.__dict__, "next_review": Month(2026, 11)})
    assert "will next review them by November 2026" in presenter("en").standards_dates(on_time)


def test_a_standard_for_some_offices_is_chosen_by_one_rule(catalogue):
    by_id = {s.id: s for s in catalogue.standards}
    testham, northam = catalogue.offices
    bins, council_tax = {s.id: s for s in catalogue.services}["bin-collections"], \
        {s.id: s for s in catalogue.services}["council-tax"]
    assert catalogue.standards_at(testham) == (by_id["see-visitors"],)
    assert catalogue.standards_at(northam) == (by_id["complaints-at-northam"], by_id["library-phone"])
    assert by_id["see-visitors"] in catalogue.standards_for(bins)
    assert by_id["complaints-at-northam"] not in catalogue.standards_for(bins)
    assert not any(s.offices for s in catalogue.standards_for(council_tax))
    assert catalogue.standards_about("in-person", "any") == ()
    assert catalogue.standards_about("phone") == (by_id["answer-calls"], by_id["call-back"])
    assert complaint_standards(catalogue) == ()  # the Northam complaint standard is Northam's alone


def test_pages_show_an_office_standard_on_the_standards_page_its_office_and_its_services_only(catalogue):
    pages = _pages(catalogue)
    promise = "we will see you within 15 minutes"
    standards = pages[urls.STANDARDS]
    assert promise in standards and "At Testham Council Offices." in standards
    assert "We agreed these standards in September 2019. We said we would review them by 31 March 2020." in standards
    assert "Target: 80% of calls within 60 seconds" in standards
    assert promise in pages[urls.office("testham")] and "At Testham Council Offices." not in pages[urls.office("testham")]
    assert promise in pages[urls.service("bin-collections")]
    for src in (urls.office("northam"), urls.service("council-tax"), urls.CONTACT, urls.HOME):
        assert promise not in pages[src], src
    assert "Northam Library within 5 working days" in pages[urls.office("northam")]
    assert "Northam Library within 5 working days" not in pages[urls.CONTACT]
    assert "When you phone Northam Library" in pages[urls.office("northam")]
    assert "When you phone Northam Library" not in pages[urls.CONTACT]


def test_leaflets_follow_the_same_rule(catalogue):
    leaflets = _leaflets(catalogue)
    promise = "we will see you within 15 minutes"
    assert promise in leaflets["customer-service-standards"] and "At Testham Council Offices." in leaflets[
        "customer-service-standards"]
    assert "September 2019" in leaflets["customer-service-standards"]
    assert "We said we would review them by 31 March 2020." in leaflets["customer-service-standards"]
    assert promise in leaflets["visiting-testham"]
    assert promise not in leaflets["visiting-northam"]
    assert promise not in leaflets["how-to-contact-us"]
    assert "80% of calls within 60 seconds" in leaflets["how-to-contact-us"]
    assert "When you phone Northam Library" not in leaflets["how-to-contact-us"]
    assert "When you phone Northam Library" in leaflets["visiting-northam"]


def test_open_data_says_the_share_and_the_offices_of_a_standard(catalogue):
    import csv
    import io
    from opencounter.openreferral import OpenReferral
    rows = {r["standard"]: r for r in csv.DictReader(io.StringIO(
        OpenReferral(catalogue, "https://testham.example.gov.uk/").tables()["standards.csv"].decode("utf-8")))}
    assert (rows["answer-calls"]["share"], rows["answer-calls"]["offices"]) == ("80", "")
    assert (rows["see-visitors"]["share"], rows["see-visitors"]["offices"]) == ("", "testham")
