"""Which days are bank holidays, and which change an office's hours (calendar.py): the one rule that
office pages, leaflets, calendars and JSON-LD share.

The expected days are GOV.UK's published lists (www.gov.uk/bank-holidays) for 2026 and 2027. A
holiday at a weekend is not a bank holiday: its substitute weekday is.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from opencounter.calendar import bank_holidays, hours_changes, office_hours_changes
from opencounter.hours import build_opening_hours, parse_day_hours, parse_days
from opencounter.models import Catalogue, Closure, Council, Office
from opencounter.present import presenter

en, cy = presenter("en"), presenter("cy")

# GOV.UK, England and Wales, 2026 and 2027
ENGLAND_AND_WALES = [
    ("2026-01-01", "New Year's Day"), ("2026-04-03", "Good Friday"), ("2026-04-06", "Easter Monday"),
    ("2026-05-04", "Early May bank holiday"), ("2026-05-25", "Spring bank holiday"),
    ("2026-08-31", "Summer bank holiday"), ("2026-12-25", "Christmas Day"),
    ("2026-12-28", "Boxing Day (substitute day)"),
    ("2027-01-01", "New Year's Day"), ("2027-03-26", "Good Friday"), ("2027-03-29", "Easter Monday"),
    ("2027-05-03", "Early May bank holiday"), ("2027-05-31", "Spring bank holiday"),
    ("2027-08-30", "Summer bank holiday"), ("2027-12-27", "Christmas Day (substitute day)"),
    ("2027-12-28", "Boxing Day (substitute day)"),
]
# GOV.UK, Scotland. 15 June 2026 was proclaimed by the Privy Council (Scotland at the FIFA World Cup).
SCOTLAND = [
    ("2026-01-01", "New Year's Day"), ("2026-01-02", "2nd January"), ("2026-04-03", "Good Friday"),
    ("2026-05-04", "Early May bank holiday"), ("2026-05-25", "Spring bank holiday"), ("2026-06-15", None),
    ("2026-08-03", "Summer bank holiday"), ("2026-11-30", "St Andrew's Day"), ("2026-12-25", "Christmas Day"),
    ("2026-12-28", "Boxing Day (substitute day)"),
    ("2027-01-01", "New Year's Day"), ("2027-01-04", "2nd January (substitute day)"), ("2027-03-26", "Good Friday"),
    ("2027-05-03", "Early May bank holiday"), ("2027-05-31", "Spring bank holiday"),
    ("2027-08-02", "Summer bank holiday"), ("2027-11-30", "St Andrew's Day"),
    ("2027-12-27", "Christmas Day (substitute day)"), ("2027-12-28", "Boxing Day (substitute day)"),
]
# GOV.UK, Northern Ireland
NORTHERN_IRELAND = [
    ("2026-01-01", "New Year's Day"), ("2026-03-17", "St Patrick's Day"), ("2026-04-03", "Good Friday"),
    ("2026-04-06", "Easter Monday"), ("2026-05-04", "Early May bank holiday"), ("2026-05-25", "Spring bank holiday"),
    ("2026-07-13", "Battle of the Boyne (substitute day)"), ("2026-08-31", "Summer bank holiday"),
    ("2026-12-25", "Christmas Day"), ("2026-12-28", "Boxing Day (substitute day)"),
    ("2027-01-01", "New Year's Day"), ("2027-03-17", "St Patrick's Day"), ("2027-03-26", "Good Friday"),
    ("2027-03-29", "Easter Monday"), ("2027-05-03", "Early May bank holiday"), ("2027-05-31", "Spring bank holiday"),
    ("2027-07-12", "Battle of the Boyne"), ("2027-08-30", "Summer bank holiday"),
    ("2027-12-27", "Christmas Day (substitute day)"), ("2027-12-28", "Boxing Day (substitute day)"),
]


@pytest.mark.parametrize("nation, expected", [
    ("england", ENGLAND_AND_WALES), ("wales", ENGLAND_AND_WALES), ("scotland", SCOTLAND),
    ("northern-ireland", NORTHERN_IRELAND),
])
def test_the_bank_holidays_of_each_nation_are_the_days_gov_uk_lists(nation, expected):
    found = bank_holidays(nation, date(2026, 1, 1), date(2027, 12, 31))
    assert [day.isoformat() for day, _ in found] == [day for day, _ in expected]
    names = {day.isoformat(): en.holiday(name) for day, name in found}
    assert {day: names[day] for day, name in expected if name} == {day: name for day, name in expected if name}


@pytest.mark.parametrize("nation", ["england", "wales", "scotland", "northern-ireland"])
def test_a_holiday_at_a_weekend_is_not_a_bank_holiday(nation):
    found = dict(bank_holidays(nation, date(2026, 12, 20), date(2028, 1, 10)))
    assert date(2026, 12, 26) not in found  # Boxing Day 2026 is a Saturday
    assert date(2027, 12, 25) not in found and date(2027, 12, 26) not in found  # Saturday and Sunday
    assert date(2028, 1, 1) not in found  # New Year's Day 2028 is a Saturday
    assert all(day.weekday() < 5 for day in found)
    assert en.holiday(found[date(2026, 12, 28)]) == "Boxing Day (substitute day)"
    assert cy.holiday(found[date(2026, 12, 28)]) == "Gŵyl San Steffan (diwrnod amgen)"
    assert en.holiday(found[date(2028, 1, 3)]) == "New Year's Day (substitute day)"


def test_a_substitute_day_just_after_the_window_still_moves_the_weekend_holiday():
    """A window that ends on Saturday 1 January 2028 does not show it: the bank holiday is Monday 3 January."""
    assert bank_holidays("england", date(2027, 12, 29), date(2028, 1, 1)) == []


def _hours(**lines):
    return build_opening_hours([(parse_days(key.replace("_", " ")), parse_day_hours(value, key.startswith("Bank")))
                                for key, value in lines.items()])


LIBRARY = _hours(Monday_to_Friday="9am to 5pm", Saturday="9am to 12:30pm")  # closed on bank holidays by default


def test_an_office_open_on_saturdays_has_no_bank_holiday_on_saturday_26_december_2026():
    changes = hours_changes("england", LIBRARY, date(2026, 12, 1), date(2027, 1, 31))
    assert [(c.day.isoformat(), c.hours.is_open) for c in changes] == [
        ("2026-12-25", False), ("2026-12-28", False), ("2027-01-01", False)]


def test_christmas_2027_changes_monday_and_tuesday_not_the_weekend():
    weekend_too = _hours(Monday_to_Friday="9am to 5pm", Weekends="10am to 4pm", Bank_holidays="10am to 2pm")
    changes = hours_changes("scotland", weekend_too, date(2027, 12, 20), date(2028, 1, 10))
    assert [c.day.isoformat() for c in changes] == ["2027-12-27", "2027-12-28", "2028-01-03", "2028-01-04"]
    assert en.hours_change(changes[0]) == "open 10am to 2pm"


def test_a_bank_holiday_that_changes_nothing_is_left_out():
    as_usual = _hours(Monday_to_Friday="9am to 5pm", Bank_holidays="open as usual")
    assert hours_changes("england", as_usual, date(2026, 12, 1), date(2027, 1, 31)) == []
    tuesday_to_saturday = _hours(Tuesday_to_Saturday="9am to 5pm")  # shut on Mondays anyway
    assert [c.day.isoformat() for c in hours_changes("england", tuesday_to_saturday, date(2026, 12, 1),
                                                    date(2027, 1, 31))] == ["2026-12-25", "2027-01-01"]


def _catalogue(office: Office, nation: str = "england", build_date: date = date(2026, 12, 1)) -> Catalogue:
    council = Council(name="Test Council", website="https://www.test.example", nation=nation)
    return Catalogue(council=council, categories=(), channels=(), offices=(office,), services=(), notices=(),
                     promises=(), standards=(), build_date=build_date)


def test_an_office_closure_covers_the_bank_holidays_inside_it():
    office = Office(id="library", name="Library", address=("1 High Street",), postcode="RV1 2AB", access="walk-in",
                    opening_hours=LIBRARY, closures=(Closure(date(2026, 12, 24), date(2026, 12, 28)),))
    assert [c.day.isoformat() for c in office_hours_changes(_catalogue(office), office)] == ["2027-01-01"]
    assert office_hours_changes(_catalogue(replace(office, access="closed")), replace(office, access="closed")) == []


def test_the_window_runs_from_the_build_date():
    office = Office(id="library", name="Library", address=("1 High Street",), postcode="RV1 2AB", access="walk-in",
                    opening_hours=LIBRARY)
    catalogue = _catalogue(office, build_date=date(2026, 9, 30))  # 3 months: to 30 December
    assert [c.day.isoformat() for c in office_hours_changes(catalogue, office)] == ["2026-12-25", "2026-12-28"]
    assert len(office_hours_changes(catalogue, office, months=12)) == 8  # to 30 August 2027
