"""Dates that depend on the day: the build date, the bank holidays of the council's nation, and
which of them change an office's hours."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Container

import holidays

from .hours import DayHours, OpeningHours
from .models import Catalogue, Office
from .values import ValueProblem, read_date

FIRST_BUILD_YEAR, LAST_BUILD_YEAR = 1970, 2105
_SUBDIVISIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern-ireland": "NIR"}


def build_date(environ: dict[str, str] | None = None) -> date:
    """The day the site is built for: BUILD_DATE (2026-12-24) if set, otherwise today.

    Raises ValueProblem for a BUILD_DATE that is not a date, so a preview is never silently wrong.
    """
    value = (environ if environ is not None else os.environ).get("BUILD_DATE", "").strip()
    if not value:
        return date.today()
    try:
        day = read_date(value)
    except ValueProblem as problem:
        raise ValueProblem(f"BUILD_DATE={value}: {problem.message}", problem.hint) from None
    if not FIRST_BUILD_YEAR <= day.year <= LAST_BUILD_YEAR:
        # The sitemap's gzip header and the PDFs' dates count seconds from 1970 in 32 bits.
        raise ValueProblem(f"BUILD_DATE={value}: the site can only be built for a day from "
                           f"{FIRST_BUILD_YEAR} to {LAST_BUILD_YEAR}.", "Use a date in those years, like 2026-12-24.")
    return day


COMING_UP_MONTHS = 3  # office pages, leaflets and JSON-LD list the closures and bank holidays this far ahead
CALENDAR_MONTHS = 12  # an office's .ics file, which people keep in their own calendar


@dataclass(frozen=True)
class HoursChange:
    """A bank holiday on which an office or line opens differently from that day of the week."""

    day: date
    name: str  # as bank_holidays() gives it
    hours: DayHours  # the hours that day (closed, or other hours)


def bank_holidays(nation: str, start: date, end: date) -> list[tuple[date, str]]:
    """The bank holidays GOV.UK lists for a nation, from start to end inclusive, in date order, with
    their names in English as the holidays package gives them ("Boxing Day (observed)" is the
    substitute day; two holidays on one day are joined by "; ").

    A holiday that falls at a weekend is not a bank holiday: its substitute weekday is (GOV.UK
    lists Monday 28 December 2026, not Saturday 26 December). The package lists both.
    """
    return list(_bank_holidays(nation, start, end))


@functools.lru_cache(maxsize=64)  # every office page and calendar asks for the same months
def _bank_holidays(nation: str, start: date, end: date) -> tuple[tuple[date, str], ...]:
    # A year more, so the substitute (Monday 3 January) of a holiday at the end of the window is seen.
    calendar = holidays.country_holidays("GB", subdiv=_SUBDIVISIONS[nation],
                                         years=range(start.year, end.year + 2))
    found = []
    for day, names in sorted(calendar.items()):
        if not start <= day <= end:
            continue
        kept = [name for name in _names(names) if not _moved(day, name, calendar)]
        if kept:
            found.append((day, "; ".join(kept)))
    return tuple(found)


_OBSERVED = " (observed)"


def _names(names: str) -> list[str]:
    return [name.strip() for name in names.split(";")]


def _moved(day: date, name: str, calendar: holidays.HolidayBase) -> bool:
    """A holiday at a weekend whose bank holiday moves to a substitute weekday (in the days after it)."""
    return day.weekday() >= 5 and any(name + _OBSERVED in _names(calendar.get(day + timedelta(days=n), ""))
                                      for n in range(1, 5))


def hours_changes(nation: str, hours: OpeningHours | None, start: date, end: date,
                  closed: Container[date] = frozenset()) -> list[HoursChange]:
    """The bank holidays from start to end on which these hours differ from the usual for that day of
    the week: the one rule for office pages, leaflets, calendars and JSON-LD. A day in `closed` (an
    office's own closure) is left out: the closure says it already."""
    if hours is None:
        return []
    changes = []
    for day, name in bank_holidays(nation, start, end):
        actual = hours.on(day, {day})
        if day not in closed and actual != hours.days[day.weekday()]:
            changes.append(HoursChange(day, name, actual))
    return changes


def office_hours_changes(catalogue: Catalogue, office: Office, months: int = COMING_UP_MONTHS) -> list[HoursChange]:
    """The bank holidays from the build date to `months` ahead that change an open office's hours,
    leaving out the days its own closures cover."""
    if office.is_closed:
        return []
    today = catalogue.build_date
    closed = {closure.start + timedelta(days=n) for closure in catalogue.upcoming_closures(office)
              for n in range((closure.end - closure.start).days + 1)}
    return hours_changes(catalogue.council.nation, office.opening_hours, today, months_ahead(today, months), closed)


def months_ahead(start: date, months: int) -> date:
    """The same day `months` later (or the last day of a shorter month)."""
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    for day in range(start.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(start.day, 28))

