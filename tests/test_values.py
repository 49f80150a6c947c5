"""Single values: phone numbers, dates, web addresses, ids, targets."""

from __future__ import annotations

from datetime import date

import pytest

from opencounter.values import (ValueProblem, read_date, read_email, read_figure, read_id, read_percent,
                                read_phone, read_postcode, read_target, read_url, tidy_postcode)


@pytest.mark.parametrize("written, display, tel", [
    ("01632 960000", "01632 960000", "tel:+441632960000"),
    ("01632960000", "01632 960000", "tel:+441632960000"),
    ("020 7946 0123", "020 7946 0123", "tel:+442079460123"),
    ("+44 (0)20 7946 0123", "020 7946 0123", "tel:+442079460123"),
    ("07700 900123", "07700 900123", "tel:+447700900123"),
    ("0800 123 4567", "0800 123 4567", "tel:+448001234567"),
    ("0113 496 0000", "0113 496 0000", "tel:+441134960000"),
])
def test_uk_numbers_are_grouped_govuk_style(written, display, tel):
    number = read_phone(written)
    assert (number.display, number.tel) == (display, tel)


@pytest.mark.parametrize("written", ["01632 960000 ext. 4505", "01632 960000 ext 4505", "01632 960000 extension 4505",
                                     "01632 960000 x4505", "01632960000, Ext. 4505"])
def test_an_extension_is_printed_in_words_and_dialled_where_phones_can(written):
    number = read_phone(written)
    assert number.display == "01632 960000, extension 4505"
    assert number.tel == "tel:+441632960000;ext=4505"  # RFC 3966


def test_a_text_message_number_gets_an_sms_link():
    assert read_phone("07700 900123").sms == "sms:+447700900123"


def test_text_relay_numbers_keep_their_prefix():
    number = read_phone("18001 01632 960000", relay=True)
    assert number.display == "18001 01632 960000"
    assert number.tel == "tel:1800101632960000"


@pytest.mark.parametrize("written", ["01632 96000", "0123", "+1 202 555 0100", "call us", "01632 960000 ext",
                                     "18001 01632 960000", "01632 960000 ext. 4505 or 4506"])
def test_bad_numbers_are_rejected(written):
    with pytest.raises(ValueProblem):
        read_phone(written)


def test_dates():
    assert read_date("2026-12-24") == date(2026, 12, 24)
    for bad, message in [("2026-02-30", "no 30 February"), ("2026-13-01", "no month 13"), ("24/12/2026", "year-month-day")]:
        with pytest.raises(ValueProblem, match=message):
            read_date(bad)


def test_urls():
    assert read_url("https://www.riverside.example/en/") == "https://www.riverside.example/en/"
    for bad in ["www.riverside.example", "javascript:alert(1)", "https://", "https://exa mple.com", "ftp://x.example"]:
        with pytest.raises(ValueProblem):
            read_url(bad)
    with pytest.raises(ValueProblem, match="not http://"):
        read_url("http://www.riverside.example", https_only=True)


def test_emails_ids_targets_percentages_postcodes():
    assert read_email("enquiries@riverside.example") == "enquiries@riverside.example"
    with pytest.raises(ValueProblem, match="on its own"):
        read_email("mailto:enquiries@riverside.example")
    assert read_id("council-tax") == "council-tax"
    with pytest.raises(ValueProblem) as caught:
        read_id("Council Tax")
    assert caught.value.hint == "Try 'council-tax'."
    assert read_target("2 Working Days") == "2 working days"
    assert read_target("next working day") == "next working day"
    with pytest.raises(ValueProblem):
        read_target("soon")
    assert str(read_percent("86.5%")) == "86.5"
    with pytest.raises(ValueProblem):
        read_percent("120%")
    assert tidy_postcode("rv1  2ab") == "RV1 2AB"
    assert tidy_postcode("Not a postcode") == "Not a postcode"


@pytest.mark.parametrize("written, hint", [("0.78", "Did you mean 78%?"), ("0.5", "Did you mean 50%?"),
                                           ("120%", "between 0% and 100%"), ("101", "between 0% and 100%")])
def test_a_fraction_or_a_share_over_100_is_refused_with_a_true_hint(written, hint):
    with pytest.raises(ValueProblem) as caught:
        read_percent(written)
    assert hint in caught.value.hint


@pytest.mark.parametrize("written, text, percent", [("78%", "78%", True), ("1,204", "1,204", False),
                                                    ("1204", "1,204", False), ("4.2", "4.2", False)])
def test_a_measure_is_a_percentage_or_a_plain_number(written, text, percent):
    figure = read_figure(written)
    assert (figure.text, figure.percent) == (text, percent)


def test_a_measure_as_a_fraction_gets_the_percentage_hint():
    with pytest.raises(ValueProblem, match="fraction") as caught:
        read_figure("0.78")
    assert "78%" in caught.value.hint


@pytest.mark.parametrize("written, tidy", [("ca14  3yj", "CA14 3YJ"), ("SW1A 1AA", "SW1A 1AA"), ("rv12ab", "RV1 2AB"),
                                           ("GIR 0AA", "GIR 0AA")])
def test_postcodes_are_tidied(written, tidy):
    assert read_postcode(written) == tidy


@pytest.mark.parametrize("written", ["not known", "TBC", "CA14", "12345", "CA14 3YJ X"])
def test_a_postcode_that_is_not_a_postcode_shape_is_refused(written):
    with pytest.raises(ValueProblem, match="not a UK postcode"):
        read_postcode(written)


def test_a_letter_o_for_a_zero_gets_the_right_hint():
    with pytest.raises(ValueProblem) as caught:
        read_postcode("CA14 OYJ")
    assert "Did you mean 'CA14 0YJ'?" in caught.value.hint


def test_limits_that_keep_the_output_buildable():
    from opencounter.calendar import build_date
    with pytest.raises(ValueProblem, match="from 1970 to 2105"):
        build_date({"BUILD_DATE": "1969-12-31"})
    with pytest.raises(ValueProblem, match="from 1970 to 2105"):
        build_date({"BUILD_DATE": "2106-01-01"})
    assert build_date({"BUILD_DATE": "2105-12-31"}) == date(2105, 12, 31)
    with pytest.raises(ValueProblem, match="The year 0 is not a year"):
        read_date("0000-01-01")
    with pytest.raises(ValueProblem, match="the limit is 300"):
        read_url("https://www.riverside.example/" + "a" * 300)
    with pytest.raises(ValueProblem, match="user name or password"):
        read_url("https://officer:secret@www.riverside.example/")
    with pytest.raises(ValueProblem, match="at most 80 characters"):
        read_id("a" * 81)
    assert read_id("a" * 80) == "a" * 80


def test_a_month_is_read_where_format_1_3_allows_one():
    from opencounter.values import Month, first_day, last_day, read_date_or_month
    assert read_date_or_month("2024-09") == Month(2024, 9)
    assert read_date_or_month("2024-09-15") == date(2024, 9, 15)
    assert (first_day(Month(2024, 2)), last_day(Month(2024, 2))) == (date(2024, 2, 1), date(2024, 2, 29))
    assert last_day(Month(2024, 12)) == date(2024, 12, 31)
    with pytest.raises(ValueProblem, match="no month 13"):
        read_date_or_month("2024-13")
    # Where a day is needed, a month is named as a month, not as a broken date.
    with pytest.raises(ValueProblem, match="This is a month: here a full date is needed"):
        read_date("2024-09")


def test_same_day_targets_and_a_share_written_into_the_target():
    assert read_target("Same Day") == "same day"
    assert read_target("same  working day") == "same working day"
    with pytest.raises(ValueProblem) as caught:
        read_target("80% within 60 seconds")
    assert caught.value.message == "This target has a share in it (80%): the share goes on a line of its own."
    assert "'share: 80%'" in caught.value.hint and "'target: 60 seconds'" in caught.value.hint
    with pytest.raises(ValueProblem) as caught:
        read_target("90 per cent of emails in 2 working days")
    assert "'share: 90%'" in caught.value.hint and "'target: 2 working days'" in caught.value.hint
