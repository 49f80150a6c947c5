"""Pieces that web pages and leaflets say alike, worked out once from the Catalogue.

The web writer (site.py) and the print writer (leaflet_content.py) both use these, so a rule
such as "a target the promise already states is not repeated" or "which bank holidays change an
office's hours" lives in one place. Words come from words.py.
"""

from __future__ import annotations

from typing import Any

from .calendar import bank_holidays, months_ahead
from .models import Catalogue, Channel, Office, Standard
from .words import Words


def access_text(office: Office, words: Words) -> str:
    """How to get in: "You can walk in. You do not need an appointment." and so on."""
    return words(f"office.access.{office.access}")


def target_to_show(standard: Standard) -> str:
    """A standard's target, unless its promise already says it ("within 45 seconds" and 45 seconds)."""
    if standard.target and standard.target.lower() not in standard.promise.lower():
        return standard.target
    return ""


def hours_line(channel: Channel) -> str:
    """When a line is open, in one line ("Monday to Friday: 9am to 5pm"), or "" if it gives no hours."""
    return channel.opening_hours.open_text() if channel.opening_hours else ""


def closures_coming_up(catalogue: Catalogue, office: Office, months: int = 3) -> list[dict[str, Any]]:
    """Closures, and bank holidays that change the usual hours, from the build date to `months` ahead."""
    today = catalogue.build_date
    end = months_ahead(today, months)
    items = [{"start": c.start, "end": c.end, "reason": c.reason or "Closed"}
             for c in catalogue.upcoming_closures(office) if c.start <= end]
    hours = office.opening_hours
    if hours is not None and not office.is_closed:
        for day, name in bank_holidays(catalogue.council.nation, today, end):
            if any(i["start"] <= day <= i["end"] for i in items):
                continue
            usual, actual = hours.days[day.weekday()], hours.on(day, {day})
            if actual == usual:  # open as usual, or shut that day of the week anyway
                continue
            name = name.replace(" (observed)", ", substitute day")
            change = "open " + actual.text(in_sentence=True) if actual.is_open else "closed"
            items.append({"start": day, "end": day, "reason": f"{name} (bank holiday): {change}"})
    return sorted(items, key=lambda i: i["start"])
