"""What pages and leaflets say, in each language (present.py): Welsh days, times, dates, bank
holidays and A to Z order. English formatting is covered with the hours and values it prints
(test_hours.py, test_values.py)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from opencounter.hours import build_opening_hours, parse_day_hours
from opencounter.present import presenter

cy, en = presenter("cy"), presenter("en")


@pytest.mark.parametrize("minutes, english, welsh", [
    (540, "9am", "9yb"), (570, "9:30am", "9:30yb"), (720, "midday", "hanner dydd"),
    (1020, "5pm", "5yh"), (0, "midnight", "hanner nos"),
])
def test_times(minutes, english, welsh):
    assert en.time(minutes) == english and cy.time(minutes) == welsh


def test_welsh_days_mutate_after_i_but_not_after_a():
    assert cy.day_range(0, 4) == "Dydd Llun i ddydd Gwener"
    assert cy.day_range(5, 6) == "Dydd Sadwrn a dydd Sul"
    assert cy.day_range(2, 2) == "Dydd Mercher"
    assert en.day_range(0, 4) == "Monday to Friday"


def test_welsh_hours_in_a_sentence_and_a_table():
    hours = build_opening_hours([((0, 1, 2, 3, 4), parse_day_hours("9am to 12:30pm and 1:30pm to 5pm")),
                                 ((5,), parse_day_hours("9am to midday"))])
    assert cy.open_text(hours) == "Dydd Llun i ddydd Gwener: 9yb i 12:30yh a 1:30yh i 5yh; Dydd Sadwrn: 9yb i hanner dydd"
    assert cy.hours_rows(hours)[-2:] == [("Dydd Sul", "Ar gau"), ("Gwyliau banc", "Ar gau")]
    assert cy.day_hours(parse_day_hours("10pm to 2am")) == "10yh i 2yb y diwrnod wedyn"


def test_welsh_dates_use_welsh_day_and_month_names():
    assert cy.date(date(2026, 12, 24)) == "24 Rhagfyr 2026"
    assert cy.date(date(2026, 12, 24), weekday=True) == "Dydd Iau 24 Rhagfyr 2026"
    assert cy.date_range(date(2026, 12, 24), date(2027, 1, 1)) == "Dydd Iau 24 Rhagfyr 2026 i ddydd Gwener 1 Ionawr 2027"
    assert en.date_range(date(2026, 12, 24), date(2027, 1, 1)) == "Thursday 24 December 2026 to Friday 1 January 2027"


@pytest.mark.parametrize("package_name, english, welsh", [
    ("Boxing Day", "Boxing Day", "Gŵyl San Steffan"),
    ("Boxing Day (observed)", "Boxing Day (substitute day)", "Gŵyl San Steffan (diwrnod amgen)"),
    ("Christmas Day (observed)", "Christmas Day (substitute day)", "Dydd Nadolig (diwrnod amgen)"),
    ("Saint Andrew's Day", "St Andrew's Day", "Gŵyl Andreas"),
    ("Saint Patrick's Day", "St Patrick's Day", "Gŵyl Sant Padrig"),
    ("May Day", "Early May bank holiday", "Gŵyl banc dechrau Mai"),
    ("Late Summer Bank Holiday", "Summer bank holiday", "Gŵyl banc yr haf"),
    ("New Year Holiday; New Year's Day (observed)", "2nd January and New Year's Day (substitute day)",
     "2il o Ionawr a Dydd Calan (diwrnod amgen)"),
])
def test_bank_holidays_are_named_in_each_language_as_gov_uk_names_them(package_name, english, welsh):
    assert en.holiday(package_name) == english and cy.holiday(package_name) == welsh


@pytest.mark.parametrize("package_name, english, welsh", [
    ("Christmas Day", "Christmas Day, bank holiday", "Dydd Nadolig, gŵyl banc"),
    ("Boxing Day (observed)", "Boxing Day (substitute day), bank holiday", "Gŵyl San Steffan (diwrnod amgen), gŵyl banc"),
    ("Spring Bank Holiday", "Spring bank holiday", "Gŵyl banc y gwanwyn"),  # its name says so once
])
def test_a_bank_holiday_is_said_to_be_one_once(package_name, english, welsh):
    assert en.bank_holiday(package_name) == english and cy.bank_holiday(package_name) == welsh


def test_every_bank_holiday_the_package_names_has_words():
    import holidays
    names = set()
    for nation in ("ENG", "WLS", "SCT", "NIR"):
        names |= set(holidays.UK(subdiv=nation, years=range(2024, 2031)).values())
    one_off = {"Scotland's participation in the FIFA World Cup final"}
    for name in names - one_off:
        assert cy.holiday(name) != name or name == "May Day", name  # translated, not the package's English


def test_the_welsh_a_to_z_files_digraphs_as_letters():
    names = ["Tai", "Llyfrgell", "Lles", "Casglu sbwriel", "Chwaraeon", "Dreth", "Ddirwy", "Ffyrdd", "Fforddiadwy",
             "Rhentu", "Rhif", "Ŵyr", "Ysgolion"]
    ordered = [s.name for s in cy.a_to_z(SimpleNamespace(name=n) for n in names)]
    assert ordered == ["Casglu sbwriel", "Chwaraeon", "Dreth", "Ddirwy", "Fforddiadwy", "Ffyrdd", "Lles", "Llyfrgell",
                       "Rhentu", "Rhif", "Tai", "Ŵyr", "Ysgolion"]
    assert [letter for letter, _ in cy.a_to_z_groups([SimpleNamespace(name=n) for n in ["Llyfrgell", "Lles", "Ŵyr"]])] \
        == ["Ll", "W"]
    # English has no digraphs: Ll is under L.
    assert [letter for letter, _ in en.a_to_z_groups([SimpleNamespace(name="Llandudno library")])] == ["L"]


def test_a_line_in_one_language_says_so_unless_its_name_does():
    line = SimpleNamespace(languages=("cy",), name="Helpline in Welsh")
    assert en.served_in(line) == "Welsh language line" and cy.served_in(line) == "Llinell Gymraeg"
    assert en.served_in(SimpleNamespace(languages=("cy",), name="Welsh language line")) == ""
    assert cy.served_in(SimpleNamespace(languages=("en", "cy"), name="Prif linell")) == ""


def test_targets_are_said_in_each_language_with_welsh_mutation_after_two():
    def target(text):
        return SimpleNamespace(target=text, promise="")
    assert [en.target(target(t)) for t in ("1 working day", "2 working days", "45 seconds")] == \
        ["1 working day", "2 working days", "45 seconds"]
    assert [cy.target(target(t)) for t in ("1 working day", "2 working days", "3 working days", "2 minutes",
                                           "2 hours", "next working day")] == \
        ["1 diwrnod gwaith", "2 ddiwrnod gwaith", "3 diwrnod gwaith", "2 funud", "2 awr", "y diwrnod gwaith nesaf"]
    # A promise that already says its target does not say it again, in either language.
    promise = SimpleNamespace(target="2 working days", promise="Byddwn yn ateb cyn pen 2 ddiwrnod gwaith.")
    assert cy.target_to_show(promise) == ""
