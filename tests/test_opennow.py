"""The data the open-now and reply-by lines are worked out from (opennow.py).

The browser's side (counting from the clock) is tested in test_opennow_browser.py."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from conftest import FIXTURES
from opencounter.calendar import bank_holidays, months_ahead
from opencounter.hours import (ALL_DAY, AS_USUAL, BY_APPOINTMENT, CLOSED, DayHours, build_opening_hours,
                               parse_day_hours, parse_days)
from opencounter.loading import load_catalogue
from opencounter.models import Closure, ServicePromise
from opencounter.opennow import WORD_KEYS, OpenNowData, day_entry, entry_key, hours_entry, reply_by
from opencounter.present import presenter

CASE = FIXTURES / "open-now"
BUILT = date(2026, 11, 24)


@pytest.fixture(scope="module")
def oakfield():
    """The open-now council in each of its languages."""
    return {language: load_catalogue(CASE / "services.yaml", CASE / "standards.yaml", BUILT, language=language)
            for language in ("en", "cy")}


def week(**lines: str):
    return build_opening_hours([(parse_days(days.replace("_", " ")), parse_day_hours(text, days == "bank_holidays"))
                                for days, text in lines.items()])


def test_a_day_is_minutes_a_kind_or_nothing():
    assert day_entry(parse_day_hours("9am to 12:30pm and 1:30pm to 5pm")) == [[540, 750], [810, 1020]]
    assert day_entry(parse_day_hours("5pm to 9am")) == [[1020, 540]]  # runs into the next day: the end is before the start
    assert day_entry(DayHours(ALL_DAY)) == [[0, 1440]]
    assert day_entry(DayHours(CLOSED)) == []
    assert day_entry(DayHours(BY_APPOINTMENT)) == "by-appointment"
    assert day_entry(DayHours(AS_USUAL)) == "as-usual"


def test_an_entry_has_the_week_from_monday_the_bank_holiday_rule_and_the_closures():
    hours = week(Monday_to_Friday="9am to 5pm", Saturday="9am to midday", bank_holidays="10am to 2pm")
    entry = hours_entry(hours, (Closure(date(2026, 12, 24), date(2027, 1, 1), "Christmas and New Year"),))
    assert entry == {"week": [[[540, 1020]]] * 5 + [[[540, 720]], []], "bank": [[600, 840]],
                     "closures": [["2026-12-24", "2027-01-01", "Christmas and New Year"]]}
    assert hours_entry(week(Every_day="24 hours"))["bank"] == "as-usual"  # as hours.py reads a 24-hour line


def test_places_with_the_same_hours_share_one_entry_and_a_closed_office_has_none(oakfield):
    catalogue = oakfield["en"]
    data = OpenNowData(catalogue)
    channels = {c.id: c for c in catalogue.channels}
    offices = {o.id: o for o in catalogue.offices}
    assert data.key(channels["main-phone"]) and data.key(channels["main-phone"]) != data.key(offices["town-hall"])
    assert data.key(offices["old-depot"]) == ""  # closed: its page says so, and where to go instead
    assert data.key(channels["email"]) == ""  # no hours
    assert data.key(channels["advice-line"]) == data.key(catalogue.services[0].contact[0])
    assert entry_key(hours_entry(channels["main-phone"].opening_hours)) == data.key(channels["main-phone"])
    assert set(data.entries) == {data.key(c) for c in (*catalogue.channels, *catalogue.offices) if data.key(c)}


def test_closures_are_those_not_over_a_month_before_the_build_date(write_catalogue):
    services = (CASE / "services.yaml").read_text().replace("      - from: 2026-12-07", "      - from: 2026-10-01\n"
                "        to: 2026-10-23\n        reason:\n          en: Long gone\n          cy: Wedi hen fynd\n"
                "      - from: 2026-10-20\n        to: 2026-10-24\n        reason:\n          en: Gone\n          cy: Wedi mynd\n"
                "      - from: 2026-12-07")
    catalogue = write_catalogue(services, (CASE / "standards.yaml").read_text())
    library = next(o for o in catalogue.offices if o.id == "library")
    data = OpenNowData(catalogue)
    assert [c[2] for c in data.entries[data.key(library)]["closures"]] == ["Gone", "New carpets", ""]


def test_the_file_names_the_nations_bank_holidays_from_the_one_calendar_in_the_language_of_the_site(oakfield):
    english, welsh = (json.loads(OpenNowData(oakfield[code]).content) for code in ("en", "cy"))
    assert english["from"] == "2026-10-24" and english["to"] == months_ahead(BUILT, 13).isoformat() == "2027-12-24"
    expected = bank_holidays("england", date(2026, 10, 17), date(2027, 12, 24))
    assert list(english["holidays"]) == [day.isoformat() for day, _ in expected]
    # Named as the pages name them (one rule: present.bank_holiday).
    assert english["holidays"]["2026-12-25"] == "Christmas Day, bank holiday"
    assert english["holidays"]["2026-12-28"] == presenter("en").bank_holiday("Boxing Day (observed)")
    assert welsh["holidays"]["2026-12-25"] == presenter("cy").bank_holiday("Christmas Day") != "Christmas Day, bank holiday"


def test_times_days_months_and_words_are_as_the_presenter_and_the_words_files_say(oakfield):
    english, welsh = (json.loads(OpenNowData(oakfield[code]).content) for code in ("en", "cy"))
    assert english["times"]["540"] == "9am" and english["times"]["1440"] == "midnight" and english["times"]["750"] == "12:30pm"
    assert welsh["times"]["540"] == "9yb" and welsh["times"]["1020"] == "5yh"
    used = {m for entry in english["entries"].values() for day in (*entry["week"], entry["bank"])
            if isinstance(day, list) for span in day for m in span}
    assert used == {int(m) for m in english["times"]}
    assert english["days"] == {"on": list(presenter("en").days), "by": list(presenter("en").days)}
    assert welsh["days"]["on"][0] == "ddydd Llun" and welsh["days"]["by"][0] == "dydd Llun"  # "tan ddydd Llun", "erbyn dydd Llun"
    assert english["months"][0] == "January" and welsh["months"][11] == "Rhagfyr"
    assert set(english["words"]) == set(welsh["words"]) == set(WORD_KEYS)
    assert english["words"]["open_now.closed"] == "Closed now, opens {next}"
    assert welsh["words"]["open_now.closed"] == "Ar gau nawr, yn agor {next}"


def test_a_reply_date_is_for_replies_and_complaints_with_a_target_in_days(oakfield):
    catalogue = oakfield["en"]
    by_id = {s.id: s for s in catalogue.standards}
    assert reply_by(catalogue, by_id["reply-emails"]) == "working 2 contact"
    assert reply_by(catalogue, by_id["reply-letters"]) == "working 10 contact"
    assert reply_by(catalogue, by_id["reply-social"]) == "days 3 contact"  # plain days count every day
    assert reply_by(catalogue, by_id["acknowledge-complaints"]) == "working 3 complaint"
    assert reply_by(catalogue, by_id["answer-calls"]) == ""  # seconds
    assert reply_by(catalogue, by_id["home-visit-notice"]) == ""  # notice before a visit, not a reply
    assert reply_by(catalogue, ServicePromise("We will send you a plan within 14 days.", "14 days")) == ""


def test_next_working_day_is_one_working_day(oakfield):
    catalogue = oakfield["en"]
    standard = next(s for s in catalogue.standards if s.id == "reply-emails")
    assert reply_by(catalogue, replace(standard, target="next working day")) == "working 1 contact"
    assert reply_by(catalogue, replace(standard, target="1 day")) == "days 1 contact"
    assert reply_by(catalogue, replace(standard, target="")) == ""


def test_the_file_is_named_by_its_content_so_a_new_build_is_never_read_from_an_old_cache(oakfield, tmp_path):
    first, again, welsh = OpenNowData(oakfield["en"]), OpenNowData(oakfield["en"]), OpenNowData(oakfield["cy"])
    assert first.content == again.content and first.path == again.path
    assert first.path.startswith("assets/opennow.") and first.path != welsh.path
    written = first.write(tmp_path)
    assert written == tmp_path / first.path and written.read_bytes() == first.content
    json.loads(written.read_text(encoding="utf-8"))
