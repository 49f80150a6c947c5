"""Opening hours: every form the format allows, read into a week and printed in GOV.UK style (present.py)."""

from __future__ import annotations

from datetime import date

import pytest

from opencounter.hours import HoursError, build_opening_hours, parse_day_hours, parse_days
from opencounter.present import presenter

say = presenter("en")


@pytest.mark.parametrize("written, printed", [
    ("9am to 5pm", "9am to 5pm"),
    ("9:30am to 5:30pm", "9:30am to 5:30pm"),
    ("midday to 2pm", "midday to 2pm"),
    ("09:00 to 17:00", "9am to 5pm"),
    ("09:00-17:00", "9am to 5pm"),
    ("9.30am - 4.45pm", "9:30am to 4:45pm"),
    ("8:45am to 12pm and 1pm to 5:15pm", "8:45am to midday and 1pm to 5:15pm"),
    ("9am to 12:30pm and 1:30pm to 4pm", "9am to 12:30pm and 1:30pm to 4pm"),
    ("6pm to midnight", "6pm to midnight"),
    ("00:00 to 24:00", "24 hours"),
    ("closed", "Closed"),
    ("Closed", "Closed"),
    ("24 hours", "24 hours"),
    ("by appointment", "By appointment only"),
    ("12 noon to 2pm", "midday to 2pm"),
])
def test_hours_are_printed_in_govuk_style(written, printed):
    assert say.day_hours(parse_day_hours(written)) == printed


@pytest.mark.parametrize("written, message", [
    ("9am to 17pm", "not a time"),
    ("8:45am to 4:45am", "closing time is not after"),
    ("5pm to 2am and 8pm to 10pm", "overlap"),
    ("9am to 1pm and 12pm to 5pm", "overlap"),
    ("9 to 5", "not a time"),
    ("9am", "not a range"),
    ("open as usual", "only fits bank holidays"),
    ("25:00 to 26:00", "not a time"),
])
def test_bad_hours_are_rejected_with_a_reason(written, message):
    with pytest.raises(HoursError, match=message):
        parse_day_hours(written)


@pytest.mark.parametrize("written, days", [
    ("Monday", (0,)), ("Mon", (0,)), ("Tues", (1,)), ("Weds", (2,)), ("Thurs", (3,)),
    ("Monday to Friday", (0, 1, 2, 3, 4)), ("Mon-Fri", (0, 1, 2, 3, 4)), ("mon - fri", (0, 1, 2, 3, 4)),
    ("Saturday and Sunday", (5, 6)), ("Mon, Wed and Fri", (0, 2, 4)), ("Weekends", (5, 6)),
    ("Every day", (0, 1, 2, 3, 4, 5, 6)), ("Bank holidays", "bank"), ("Mondays", (0,)),
    ("Saturday to Monday", (5, 6, 0)),
])
def test_day_keys(written, days):
    assert parse_days(written) == days


def test_an_unknown_day_is_rejected():
    with pytest.raises(HoursError, match="not a day"):
        parse_days("Mondy to Friday")


@pytest.mark.parametrize("minutes, printed", [(0, "midnight"), (540, "9am"), (570, "9:30am"), (720, "midday"),
                                              (750, "12:30pm"), (1020, "5pm"), (1440, "midnight")])
def test_times(minutes, printed):
    assert say.time(minutes) == printed


def test_week_summary_groups_days_and_keeps_closed_days():
    week = build_opening_hours([((0, 1, 2, 3), parse_day_hours("8:45am to 5:15pm")),
                                ((4,), parse_day_hours("8:45am to 4:45pm")),
                                ((5,), parse_day_hours("9am to 12:30pm"))])
    assert say.summary(week) == [("Monday to Thursday", "8:45am to 5:15pm"), ("Friday", "8:45am to 4:45pm"),
                              ("Saturday", "9am to 12:30pm"), ("Sunday", "closed")]
    assert say.bank_holiday_text(week) == "Closed on bank holidays."


def test_every_day_the_same_is_said_once():
    week = build_opening_hours([(tuple(range(7)), parse_day_hours("24 hours")),
                                ("bank", parse_day_hours("open as usual", bank_holiday=True))])
    assert say.summary(week) == [("Every day", "24 hours")]
    assert say.bank_holiday_text(week) == "Open as usual on bank holidays."


def test_bank_holiday_rule_applies_on_the_day():
    week = build_opening_hours([((0, 1, 2, 3, 4), parse_day_hours("9am to 5pm"))])
    christmas = date(2026, 12, 25)
    assert say.day_hours(week.on(christmas, {christmas})) == "Closed"
    assert say.day_hours(week.on(date(2026, 12, 24), {christmas})) == "9am to 5pm"


def _hours(**lines):
    return build_opening_hours([(parse_days(key.replace("_", " ")), parse_day_hours(value, key.startswith("Bank")))
                                for key, value in lines.items()])


def test_a_24_hour_line_is_open_on_bank_holidays_unless_it_says_otherwise():
    assert say.bank_holiday_text(_hours(Every_day="24 hours")) == "Open as usual on bank holidays."
    assert say.bank_holiday_text(_hours(Monday_to_Friday="24 hours")) == "Open as usual on bank holidays."
    assert say.bank_holiday_text(_hours(Every_day="24 hours", Bank_holidays="closed")) == "Closed on bank holidays."
    christmas = date(2026, 12, 25)
    assert _hours(Every_day="24 hours").on(christmas, {christmas}).is_open


def test_a_line_with_opening_times_is_still_closed_on_bank_holidays_by_default():
    assert say.bank_holiday_text(_hours(Monday_to_Friday="9am to 5pm")) == "Closed on bank holidays."
    mixed = _hours(Monday_to_Friday="24 hours", Saturday="9am to 1pm")
    assert say.bank_holiday_text(mixed) == "Closed on bank holidays."


@pytest.mark.parametrize("written, printed", [
    ("5pm to 9am", "5pm to 9am the next day"),
    ("10pm to 6am", "10pm to 6am the next day"),
    ("17:00-09:00", "5pm to 9am the next day"),
    ("9am to 1pm and 5pm to midnight", "9am to 1pm and 5pm to midnight"),
    ("8am to 1pm and 6pm to 2am", "8am to 1pm and 6pm to 2am the next day"),
])
def test_a_line_open_overnight_runs_into_the_next_morning(written, printed):
    assert say.day_hours(parse_day_hours(written)) == printed


def test_an_out_of_hours_line_every_night_prints_in_govuk_style():
    hours = _hours(Monday_to_Friday="5pm to 9am", Weekends="24 hours")
    assert say.summary(hours)[0] == ("Monday to Friday", "5pm to 9am the next day")


def test_a_note_in_brackets_is_named_as_a_note_and_the_separate_lines_are_offered():
    from opencounter.hours import NoteInHours, lines_for_note
    with pytest.raises(NoteInHours) as caught:
        parse_day_hours("9:30am to 7pm (5pm on Fridays)")
    assert caught.value.note == "5pm on Fridays" and caught.value.hours == "9:30am to 7pm"
    assert "'(5pm on Fridays)'" in caught.value.message  # as typed, capital F
    assert lines_for_note((0, 1, 2, 3, 4), "9:30am to 7pm", "5pm on Fridays") == \
        [("Monday to Thursday", "9:30am to 7pm"), ("Friday", "9:30am to 5pm")]
    assert lines_for_note((0, 1, 2, 3, 4), "9am to 5pm", "opens 10am on Wednesdays") == \
        [("Monday and Tuesday", "9am to 5pm"), ("Wednesday", "10am to 5pm"), ("Thursday and Friday", "9am to 5pm")]
    assert lines_for_note((0, 1, 2, 3, 4), "9am to 5pm", "closed for lunch") is None
    # Every line offered can be read back.
    for key, hours in lines_for_note((0, 1, 2, 3, 4), "9am to 5pm", "opens 10am on Wednesdays"):
        parse_days(key), parse_day_hours(hours)


def test_words_that_are_not_hours_are_quoted_as_typed():
    with pytest.raises(HoursError) as caught:
        parse_day_hours("9AM to 1PM and Lunch")
    assert caught.value.message == "'Lunch' is not a range of hours."
    with pytest.raises(HoursError) as caught:
        parse_day_hours("9am to Noonish")
    assert "'Noonish'" in caught.value.message


def test_a_note_in_brackets_after_the_days_is_named_as_a_note():
    with pytest.raises(HoursError) as caught:
        parse_days("Monday to Friday (term time)")
    assert caught.value.message == "The note in brackets, '(term time)', is not read: a line names days only."
    assert caught.value.hint.startswith("Write 'Monday to Friday' alone")


def test_pages_and_leaflets_list_hours_then_the_bank_holiday_rule_the_same_way():
    assert say.hours_list(_hours(Monday_to_Friday="9am to 5pm")) == [
        "Monday to Friday: 9am to 5pm", "Saturday and Sunday: closed", "Closed on bank holidays."]
    assert say.hours_list(_hours(Bank_holidays="10am to 2pm")) == ["Every day: closed", "Open 10am to 2pm on bank holidays."]
    assert say.hours_list(_hours(Monday="closed")) == ["Every day: closed"]  # never open: nothing about bank holidays
