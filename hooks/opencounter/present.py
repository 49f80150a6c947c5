"""Pieces that web pages and leaflets say alike, worked out once from the Catalogue.

The web writer (site.py) and the print writer (leaflet_content.py) both use these, so a rule
such as "a target the promise already states is not repeated" or "which bank holidays change an
office's hours" lives in one place. Words come from words.py.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Callable, Iterable, Sequence, TypeVar

from .calendar import bank_holidays, months_ahead
from .models import Catalogue, Channel, Office, Standard
from .words import Words

T = TypeVar("T")


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


def hours_rows(hours, words: Words) -> list[tuple[str, str]]:
    """Opening hours as table rows, days with the same hours together, then bank holidays: short on paper."""
    rows = [(days, text[:1].upper() + text[1:]) for days, text in hours.summary()]
    return rows + [(words("hours.bank_holidays"), hours.bank_holidays.text())]


def complaint_standards(catalogue: Catalogue) -> tuple[Standard, ...]:
    """The standards about complaints (what happens next), wherever they are listed."""
    return tuple(s for s in catalogue.standards if "complain" in s.promise.lower())


def ways_to_complain_offline(catalogue: Catalogue) -> dict[str, Any]:
    """How to complain without the internet: the main phone line, the first postal address, open offices."""
    return {"phone": catalogue.main_phone,
            "post": next((c for c in catalogue.channels if c.type == "post"), None),
            "offices": tuple(o for o in catalogue.offices if not o.is_closed)}


def help_offline(catalogue: Catalogue) -> tuple[Channel, ...]:
    """For an online-only service, who helps someone who cannot go online: the main phone line, or else
    every general way in that needs no internet (none: a library can help)."""
    phone = catalogue.main_phone
    return (phone,) if phone else catalogue.offline_channels


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


# ---------------------------------------------------------------- A to Z

# Letters with no accent to take off, written the way an English A to Z files them.
_AS_LETTERS = str.maketrans({"Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "Œ": "OE", "œ": "oe",
                             "ß": "ss", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d"})


def sort_key(name: str) -> str:
    """A name as an A to Z files it: case and accents aside ("Ŵyr" with the Ws, "Ærø" with the As)."""
    plain = unicodedata.normalize("NFKD", name.translate(_AS_LETTERS)).encode("ascii", "ignore").decode()
    return (plain or name).casefold()


def initial(name: str) -> str:
    """The letter a name is filed under: "Ŵyr" under W, "3D printing" under 0-9, anything else under #."""
    first = sort_key(name).lstrip()[:1].upper()
    return first if first.isalpha() else "0-9" if first.isdigit() else "#"


def a_to_z(items: Iterable[T], name: Callable[[T], str] = lambda item: item.name) -> tuple[T, ...]:
    """Things in A to Z order of their names, as a reader looks them up (pages and leaflets alike)."""
    return tuple(sorted(items, key=lambda item: (sort_key(name(item)), name(item))))


def a_to_z_groups(items: Sequence[T]) -> list[tuple[str, list[T]]]:
    """Things in A to Z order, under the letter each is filed under."""
    groups: list[tuple[str, list[T]]] = []
    for item in a_to_z(items):
        letter = initial(item.name)
        if not groups or groups[-1][0] != letter:
            groups.append((letter, []))
        groups[-1][1].append(item)
    return groups
