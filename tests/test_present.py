"""What pages and leaflets say, in each language (present.py): Welsh days, times, dates, bank
holidays and A to Z order. English formatting is covered with the hours and values it prints
(test_hours.py, test_values.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
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


# ---------------------------------------------------------------- nothing the catalogue does not say (d-truth)

from conftest import valid_services  # noqa: E402
from opencounter.present import bsl_at_offices, gives_number, gives_postcode, gives_web_address, ways_to_complain  # noqa: E402
from opencounter.values import read_phone  # noqa: E402

VALID_STANDARDS = (Path(__file__).parent / "fixtures" / "valid" / "standards.yaml").read_text()


@pytest.mark.parametrize("title, english", [
    ("Our customer contact standards", "Read our customer contact standards"),
    ("Our Customer Care Standards", "Read our Customer Care Standards"),
    ("The Riverside Promise", "Read the Riverside Promise"),
    ("Customer Service Charter", "Read Customer Service Charter"),  # no first word to lower-case
    ("Ourselves", "Read Ourselves"),
])
def test_a_link_to_the_standards_uses_the_councils_title_inside_a_sentence(title, english):
    assert en.standards_link(SimpleNamespace(standards_title=title)) == english


def test_a_welsh_link_to_the_standards_uses_the_councils_title_inside_a_sentence():
    assert cy.standards_link(SimpleNamespace(standards_title="Ein safonau gofal cwsmeriaid")) == \
        "Darllen ein safonau gofal cwsmeriaid"
    assert cy.standards_link(SimpleNamespace(standards_title="Safonau Gwasanaeth")) == "Darllen Safonau Gwasanaeth"


def test_the_title_is_used_where_the_standards_are_linked(write_catalogue):
    catalogue = write_catalogue(valid_services(), "title: Our customer contact standards\n" + VALID_STANDARDS)
    assert en.standards_link(catalogue) == "Read our customer contact standards"
    assert en.standards_link(write_catalogue(valid_services())) == "Read our customer service standards"  # default


def _offices(*access):
    return SimpleNamespace(offices=[SimpleNamespace(access=a, is_closed=a == "closed") for a in access])


@pytest.mark.parametrize("access, expected", [
    (("walk-in",), "You can visit us at our offices. You do not need an appointment."),
    (("walk-in", "closed"), "You can visit us at our offices. You do not need an appointment."),
    (("appointment",), "You can see us at our offices by appointment. Contact us to book before you visit."),
    (("walk-in", "appointment"), "You can visit us at our offices. Some are open for walk-in visits and some by "
                                 "appointment only."),
    (("closed",), "Our offices are closed for now."),
])
def test_the_contact_page_says_how_offices_see_people_as_they_do(access, expected):
    assert en.in_person_lede(_offices(*access)) == expected


@pytest.mark.parametrize("text, found", [
    ("Call 01632 960100.", True), ("Call 01632-960-100.", True), ("Call +44 1632 960100.", True),
    ("Call (01632) 960100.", True), ("Call 01632 960101.", False), ("Call 101632 9601001.", False), ("", False),
])
def test_a_phone_number_in_a_text_is_found_however_it_is_spaced(text, found):
    assert gives_number(text, read_phone("01632 960100")) is found


def test_a_postcode_and_a_web_address_in_a_text_are_found():
    assert gives_postcode("Write to Council Offices, Testham, te1 1aa.", "TE1 1AA")
    assert not gives_postcode("Write to us.", "TE1 1AA")
    assert gives_web_address("Go to [our form](https://www.testshire.example/complain).",
                             "https://www.testshire.example/complain/")
    assert gives_web_address("Go to testshire.example/complain", "https://www.testshire.example/complain")
    assert not gives_web_address("Go to testshire.example/complain", "https://www.testshire.example/suggest")


def test_the_complaints_section_does_not_list_again_a_route_the_feedback_text_gives(write_catalogue):
    feedback = ("feedback:\n  complaints: https://www.testshire.example/complain\n"
                "  suggestions: https://www.testshire.example/suggest\n"
                "  text: Call us on 01632 960100 or write to Council Offices, High Street, Testham TE1 1AA.\n")
    ways = ways_to_complain(write_catalogue(valid_services(), VALID_STANDARDS + feedback))
    assert ways["phone"] is None and ways["post"] is None  # in the text already
    assert ways["online"] == "https://www.testshire.example/complain" and ways["offices"]
    plain = ways_to_complain(write_catalogue(valid_services(), VALID_STANDARDS + feedback.replace(
        "Call us on 01632 960100 or write to Council Offices, High Street, Testham TE1 1AA.", "Tell us.")))
    assert plain["phone"].number.number == "01632 960100" and plain["post"].postcode == "TE1 1AA"


def test_bsl_is_offered_only_at_offices_whose_facilities_say_so(write_catalogue):
    assert bsl_at_offices(write_catalogue(valid_services())) == ()
    loop_only = valid_services().replace("    access: walk-in\n", "    access: walk-in\n    facilities: [hearing loop]\n")
    assert bsl_at_offices(write_catalogue(loop_only)) == ()
    bsl = valid_services().replace("    access: walk-in\n",
                                   "    access: walk-in\n    facilities: [hearing loop, BSL interpreter by appointment]\n")
    [(office, said)] = bsl_at_offices(write_catalogue(bsl))
    assert office.id == "testham" and said == ("BSL interpreter by appointment",)
    assert bsl_at_offices(write_catalogue(bsl.replace("access: walk-in", "access: closed"))) == ()
    assert bsl_at_offices(write_catalogue(bsl.replace("BSL interpreter", "Jobs board"))) == ()  # "jobs" is not "bsl"
