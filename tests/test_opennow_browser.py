"""The open-now and reply-by lines in a real browser, with its clock set to chosen moments.

A small council in English and Welsh (tests/fixtures/open-now) is built once; Chromium reads its
pages with Playwright's clock set to a weekday morning, a weekday night, a Saturday, Christmas
Day 2026, days inside closures, an overnight line and Wednesday 23 December 2026, and in other
time zones than the UK's. Any request to another host fails the test that made it.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from browser import SiteServer, axe_source, describe_violations, run_axe
from conftest import FIXTURES

CASE = FIXTURES / "open-now"


@pytest.fixture(scope="session")
def oakfield(tmp_path_factory):
    """The open-now council, both languages, built once per test run."""
    from sitebuild import shared_build
    result = shared_build(tmp_path_factory, "oakfield", CASE / "services.yaml", CASE / "standards.yaml",
                          content=FIXTURES / "bilingual" / "content")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def server(oakfield):
    site = SiteServer(oakfield.site)
    yield site
    site.close()


@pytest.fixture
def open_page(browser, server):
    """open_page(path, moment, timezone=...): the page read at that moment (UK time unless it says
    otherwise), in a browser whose own time zone is the one given."""
    contexts, outside = [], []

    def open_(path: str, moment: str, timezone: str = "Europe/London", javascript: bool = True, install: bool = False,
              width: int = 1280):
        context = browser.new_context(timezone_id=timezone, java_script_enabled=javascript,
                                      viewport={"width": width, "height": 800}, reduced_motion="reduce")
        contexts.append(context)

        def guard(route):
            url = route.request.url
            if url.startswith(server.origin + "/"):
                route.continue_()
            else:
                # The theme asks each hreflang page's site for its sitemap.xml (a bilingual site's, not ours):
                # blocked here, and not what this module tests.
                if not url.endswith("/sitemap.xml"):
                    outside.append(url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        when = datetime.fromisoformat(moment)
        if install:
            page.clock.install(time=when)
        else:
            page.clock.set_fixed_time(when)
        page.goto(f"{server.origin}/{path}", wait_until="networkidle")
        page.errors = errors
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not outside, f"requests to other hosts: {outside[:10]}"


# Each channel's or office's open-now line on a page, by its heading; only lines that show.
LINES = """() => Object.fromEntries(Array.from(document.querySelectorAll('.oc-channel, .oc-office, .oc-office-top, .oc-start, .oc-way'))
  .map(block => [block.matches('.oc-office-top, .oc-start') ? 'top' : block.querySelector('h2, h3, h4').textContent.trim(),
                 Array.from(block.querySelectorAll('.oc-open-now')).filter(p => !p.hidden).map(p => p.textContent)[0] || null]))"""
REPLIES = """() => Array.from(document.querySelectorAll('.oc-standard')).map(item =>
  [item.querySelector('p').textContent.trim(), Array.from(item.querySelectorAll('.oc-reply-by')).filter(p => !p.hidden)
   .map(p => p.textContent)[0] || null])"""


def lines(page) -> dict[str, str | None]:
    page.wait_for_function("Array.from(document.querySelectorAll('[data-oc-open-now]')).some(p => !p.hidden)")
    assert not page.errors
    return page.evaluate(LINES)


def replies(page) -> dict[str, str | None]:
    """Each standard's reply-by line on a page, once the browser has filled them in."""
    page.wait_for_function("document.querySelector('.oc-reply-by:not([hidden])')")
    assert not page.errors
    return dict(page.evaluate(REPLIES))


def office_line(page) -> str:
    return lines(page)["top"]


# Moments in UK time: December is GMT, so these are also UTC.
TUESDAY_MORNING = "2026-12-01T10:00:00+00:00"
TUESDAY_NIGHT = "2026-12-01T22:00:00+00:00"
SATURDAY = "2026-12-05T11:00:00+00:00"
CHRISTMAS_DAY = "2026-12-25T11:00:00+00:00"
WEDNESDAY_23_DECEMBER = "2026-12-23T12:00:00+00:00"


def test_a_weekday_morning(open_page):
    page = open_page("contact/", TUESDAY_MORNING)
    assert lines(page) == {"Customer services": "Open now, until 5pm", "Out-of-hours line": "Closed now, opens at 5pm",
                           "Emergencies": "Open now, 24 hours", "Advice line": "Open now, until 5pm",
                           "General enquiries": None, "Write to us": None, "Social media": None}
    assert office_line(open_page("offices/town-hall/", TUESDAY_MORNING)) == "Open now, until 5pm"
    # The home page's phone number, and the number to call on a service page's first screen.
    assert lines(open_page("", TUESDAY_MORNING))["Phone"] == "Open now, until 5pm"
    assert lines(open_page("services/advice/", "2026-11-30T10:00:00+00:00"))["top"] == "By appointment only today"


def test_a_weekday_night_and_a_line_open_overnight(open_page):
    page = open_page("contact/", TUESDAY_NIGHT)
    found = lines(page)
    assert found["Customer services"] == "Closed now, opens tomorrow at 9am"
    assert found["Out-of-hours line"] == "Open now, until 9am tomorrow"
    assert office_line(open_page("offices/town-hall/", TUESDAY_NIGHT)) == "Closed now, opens tomorrow at 9am"
    # Friday night runs into the weekend's 24 hours, to the end of Sunday (Monday's hours start at 5pm).
    assert lines(open_page("contact/", "2026-12-04T20:00:00+00:00"))["Out-of-hours line"] == \
        "Open now, until midnight on Sunday"


def test_a_saturday(open_page):
    found = lines(open_page("contact/", SATURDAY))
    assert found["Customer services"] == "Closed now, opens Monday at 9am"
    assert found["Out-of-hours line"] == "Open now, until midnight tomorrow"
    assert found["Advice line"] == "Open now, until 5pm"
    assert office_line(open_page("offices/town-hall/", SATURDAY)) == "Closed now, opens Monday at 9am"
    # The library is closed Monday to Wednesday for new carpets: it opens on Thursday.
    assert office_line(open_page("offices/library/", SATURDAY)) == "Closed now, opens Thursday at 9am"


def test_a_lunch_break_and_a_day_by_appointment(open_page):
    assert office_line(open_page("offices/library/", "2026-12-01T13:00:00+00:00")) == "Closed now, opens at 1:30pm"
    assert lines(open_page("contact/", "2026-11-30T10:00:00+00:00"))["Advice line"] == "By appointment only today"


def test_christmas_day(open_page):
    found = lines(open_page("contact/", CHRISTMAS_DAY))
    assert found["Customer services"] == "Closed today: Christmas Day, bank holiday. Opens Tuesday at 9am."
    assert found["Advice line"] == "Open now, until 2pm"  # "Bank holidays: 10am to 2pm"
    assert found["Out-of-hours line"] == "Closed now, opens at 5pm"  # "Bank holidays: as usual": a Friday
    assert found["Emergencies"] == "Open now, 24 hours"
    assert office_line(open_page("offices/town-hall/", CHRISTMAS_DAY)) == \
        "Closed until Monday 4 January: Christmas and New Year"
    assert office_line(open_page("offices/library/", CHRISTMAS_DAY)) == \
        "Closed today: Christmas Day, bank holiday. Opens Tuesday at 9am."


def test_during_a_closure(open_page):
    assert office_line(open_page("offices/library/", "2026-12-08T11:00:00+00:00")) == \
        "Closed until Thursday 10 December: New carpets"
    assert office_line(open_page("offices/library/", "2026-12-14T11:00:00+00:00")) == \
        "Closed today. Opens tomorrow at 9am."  # a closure with no reason given
    assert office_line(open_page("offices/town-hall/", "2026-12-29T09:30:00+00:00")) == \
        "Closed until Monday 4 January: Christmas and New Year"
    # The offices page and a service page say it too, under each office.
    assert lines(open_page("offices/", "2026-12-08T11:00:00+00:00"))["Oakfield Library"] == \
        "Closed until Thursday 10 December: New carpets"
    assert lines(open_page("services/advice/", "2026-12-08T11:00:00+00:00"))["Oakfield Library"] == \
        "Closed until Thursday 10 December: New carpets"


def test_the_reply_date_on_wednesday_23_december_counts_working_days_over_christmas(open_page):
    page = open_page("contact/", WEDNESDAY_23_DECEMBER)
    assert replies(page) == {
        "We aim to answer calls within 30 seconds.": None,
        # Thursday 24, then Christmas Day, the weekend and Boxing Day's substitute day are not working days.
        "We will reply to your email within 2 working days.": "If you contact us today, we will reply by Tuesday 29 December.",
        "We will reply to your letter within 10 working days.": "If you contact us today, we will reply by Monday 11 January.",
        "We will reply to private messages within 3 days.": "If you contact us today, we will reply by Saturday 26 December.",
        "We will acknowledge your complaint within 3 working days.": "If you complain today, that is by Wednesday 30 December.",
    }
    service = replies(open_page("services/advice/", WEDNESDAY_23_DECEMBER))
    assert service["We will reply to your email within 2 working days."] == \
        "If you contact us today, we will reply by Tuesday 29 December."
    assert service["We will send you a plan within 14 days."] is None  # a service's own promise is not a reply
    standards = replies(open_page("standards/", WEDNESDAY_23_DECEMBER))
    assert standards["We will give you at least 2 working days' notice before we visit your home."] is None


def test_a_message_sent_on_a_weekend_is_counted_from_the_next_working_day(open_page):
    found = replies(open_page("contact/", SATURDAY))
    # Monday 7 is the day it counts as received: 2 working days on is Wednesday 9.
    assert found["We will reply to your email within 2 working days."] == \
        "If you contact us today, we will reply by Wednesday 9 December."


def test_uk_time_is_used_whatever_the_devices_time_zone(open_page):
    # 10am in London is 5am in New York and 7pm in Tokyo.
    assert office_line(open_page("offices/town-hall/", TUESDAY_MORNING, "America/New_York")) == "Open now, until 5pm"
    assert office_line(open_page("offices/town-hall/", TUESDAY_MORNING, "Asia/Tokyo")) == "Open now, until 5pm"
    # 8:30am UTC in June is 9:30am British Summer Time: open, whether the device says UTC or New York.
    june = "2027-06-01T08:30:00+00:00"
    assert office_line(open_page("offices/town-hall/", june, "Etc/UTC")) == "Open now, until 5pm"
    assert office_line(open_page("offices/town-hall/", june, "America/New_York")) == "Open now, until 5pm"
    # 11pm in New York on Tuesday 22 December is 4am on Wednesday 23 in London.
    found = replies(open_page("contact/", "2026-12-23T04:00:00+00:00", "America/New_York"))
    assert found["We will reply to your email within 2 working days."] == \
        "If you contact us today, we will reply by Tuesday 29 December."


def test_a_page_left_open_changes_its_line_when_the_office_closes(open_page):
    page = open_page("offices/town-hall/", "2026-12-01T16:59:30+00:00", install=True)
    assert office_line(page) == "Open now, until 5pm"
    page.clock.run_for(60_000)
    page.wait_for_function("document.querySelector('.oc-office-top .oc-open-now').textContent.startsWith('Closed')")
    assert office_line(page) == "Closed now, opens tomorrow at 9am"


def test_outside_the_days_the_data_covers_nothing_is_said(open_page):
    for moment in ("2029-03-06T10:00:00+00:00", "2026-10-01T10:00:00+00:00"):  # 13 months on; a month before
        page = open_page("offices/town-hall/", moment)
        page.wait_for_timeout(200)
        assert page.evaluate("Array.from(document.querySelectorAll('.oc-open-now, .oc-reply-by')).every(p => p.hidden)")
    # A few days before the build date (24 November) is still covered: a clock set to last week is answered.
    assert office_line(open_page("offices/town-hall/", "2026-11-20T10:00:00+00:00")) == "Open now, until 5pm"


def test_the_welsh_site_says_it_in_welsh_from_its_own_data(open_page):
    page = open_page("cy/offices/town-hall/", CHRISTMAS_DAY)
    assert office_line(page) == "Ar gau tan ddydd Llun 4 Ionawr: Y Nadolig a'r Flwyddyn Newydd"
    found = lines(open_page("cy/contact/", TUESDAY_NIGHT))
    assert found["Gwasanaethau cwsmeriaid"] == "Ar gau nawr, yn agor yfory am 9yb"
    assert found["Llinell y tu allan i oriau"] == "Ar agor nawr, tan 9yb yfory"
    page = open_page("cy/contact/", WEDNESDAY_23_DECEMBER)
    assert "Os cysylltwch â ni heddiw, byddwn yn ateb erbyn dydd Mawrth 29 Rhagfyr." in replies(page).values()
    found = lines(open_page("cy/contact/", CHRISTMAS_DAY))
    assert found["Gwasanaethau cwsmeriaid"] == "Ar gau heddiw: Dydd Nadolig, gŵyl banc. Yn agor ddydd Mawrth am 9yb."


def test_without_javascript_the_weekly_hours_and_closures_show_and_no_line(open_page):
    page = open_page("offices/library/", "2026-12-01T10:00:00+00:00", javascript=False)
    assert page.evaluate("Array.from(document.querySelectorAll('.oc-open-now')).every(p => p.hidden && !p.textContent)")
    assert page.locator("table.oc-hours-table").is_visible()
    assert page.locator("ul.oc-closures").is_visible()


def test_on_paper_the_lines_are_left_out(open_page):
    """A printed page is read later: "open now" and "today" would be out of date."""
    page = open_page("contact/", WEDNESDAY_23_DECEMBER)
    page.wait_for_function("document.querySelector('.oc-reply-by:not([hidden])')")
    page.emulate_media(media="print")
    shown = page.evaluate("Array.from(document.querySelectorAll('.oc-open-now, .oc-reply-by'))"
                          ".filter(p => getComputedStyle(p).display !== 'none').length")
    assert shown == 0


def test_the_built_pages_say_nothing_about_now(oakfield):
    """Written at build time, "open now" would be stale the next minute: the lines are empty in the HTML."""
    stale = re.compile(r"Open now|Closed now|Closed today|Closed until|we will reply by|Ar agor nawr|Ar gau nawr")
    for path in oakfield.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not stale.search(html), path
        for element in re.findall(r"<p [^>]*data-oc-(?:open-now|reply-by)=[^>]*>(.*?)</p>", html):
            assert element == ""
    assert len(list(oakfield.site.glob("assets/opennow.*.json"))) == 1
    assert len(list(oakfield.site.glob("cy/assets/opennow.*.json"))) == 1


def test_a_page_with_the_line_passes_axe_at_390_pixels_and_the_line_is_plain_text(open_page):
    page = open_page("offices/town-hall/", TUESDAY_MORNING, width=390)
    assert office_line(page) == "Open now, until 5pm"
    line = page.locator(".oc-office-top .oc-open-now")
    assert line.evaluate("p => p.tagName === 'P' && !p.closest('[aria-live], [role=status], [role=alert]')")
    assert not page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth > 0")
    assert not describe_violations("offices/town-hall/", run_axe(page, axe_source()))
    page = open_page("contact/", WEDNESDAY_23_DECEMBER, width=390)
    page.wait_for_function("document.querySelector('.oc-reply-by:not([hidden])')")
    assert not describe_violations("contact/", run_axe(page, axe_source()))
