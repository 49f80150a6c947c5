"""Dates that depend on the day: the build date and the bank holidays of the council's nation."""

from __future__ import annotations

import functools
import os
from datetime import date

import holidays

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


def bank_holidays(nation: str, start: date, end: date) -> list[tuple[date, str]]:
    """Bank holidays from start to end inclusive, in date order, with their names."""
    return list(_bank_holidays(nation, start, end))


@functools.lru_cache(maxsize=64)  # every office page and calendar asks for the same months
def _bank_holidays(nation: str, start: date, end: date) -> tuple[tuple[date, str], ...]:
    calendar = holidays.country_holidays("GB", subdiv=_SUBDIVISIONS[nation], years=range(start.year, end.year + 1))
    return tuple(sorted((day, name) for day, name in calendar.items() if start <= day <= end))


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

