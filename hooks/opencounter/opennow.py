"""What the browser needs to say "Open now, until 5pm" and "we will reply by Monday 7 December".

Whether a place is open depends on the moment someone reads the page, not on the day the site
was built, so the line is worked out in the browser (overrides/assets/javascripts/opencounter.js)
from data written here once per build, in the build's language: one small JSON file in the site,
cached by the browser and shared by every page. A page names what it needs by a key: an office's
or a channel's hours and closures, or a standard's target.

The rules that need no clock stay here: which bank holidays the nation has (calendar.py, the
library's one rule), what a day's hours are in minutes, which standards promise a reply by a
date, and every word and time as the presenter writes it. The browser only counts.

The file holds, for this language:
  from, to     the days it covers (a month before the build date to 13 months after); outside them
               nothing is shown
  holidays     {"2026-12-25": "Christmas Day", ...}: the nation's bank holidays, named
  entries      {key: {"week": [day x 7], "bank": day or "as-usual", "closures": [[first, last, reason]]}}
               where a day is a list of [start, end] minutes (end before start runs into the next
               day; [[0, 1440]] is 24 hours) or "by-appointment"
  times        {"540": "9am", ...}: every time the entries use, as the presenter writes it
  days         {"on": [...], "by": [...]}: day names Monday first, as written after "opens" and
               "until" ("ddydd Llun" in Welsh) and after "by" ("dydd Llun")
  months       month names, January first, as a date writes them
  words        the sentences, with {placeholders} the browser fills in
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from babel.dates import format_date as babel_date

from .calendar import bank_holidays, months_ahead
from .hours import ALL_DAY, AS_USUAL, BY_APPOINTMENT, CLOSED, DayHours, OpeningHours
from .models import Catalogue, Channel, Closure, Office, ServicePromise, Standard
from .present import complaint_standards, presenter
from .values import ValueProblem, read_target
from .words import words as words_for

FOLDER = "assets"  # beside javascripts/, where the script looks for it
MONTHS_AHEAD = 13
# Days before the build date the file still covers: a site built today is right for a clock set a
# little earlier too (a page cached, a build the night before, a test of last Tuesday).
DAYS_BEFORE = 31
# Standards about a reply to something a resident sends: "If you contact us today, we will reply by ...".
REPLY_CHANNELS = ("email", "post", "online", "social", "sms", "voicemail")
WORD_KEYS = (
    "open_now.open", "open_now.open_all_day", "open_now.closed", "open_now.closed_now", "open_now.closed_today",
    "open_now.closed_today_reason", "open_now.closed_today_opens", "open_now.closed_today_reason_opens",
    "open_now.closed_until", "open_now.closed_until_reason", "open_now.appointment_today",
    "open_now.until.today", "open_now.until.tomorrow", "open_now.until.day", "open_now.until.date",
    "open_now.next.today", "open_now.next.tomorrow", "open_now.next.day", "open_now.next.date",
    "open_now.date", "open_now.date_year", "reply_by.contact", "reply_by.complaint",
)


def day_entry(hours: DayHours) -> list[list[int]] | str:
    """One day's hours as the browser reads them: [[540, 1020]], [] (closed), [[0, 1440]] (24 hours),
    "by-appointment", or "as-usual" (for the bank holiday rule)."""
    if hours.kind == CLOSED:
        return []
    if hours.kind == ALL_DAY:
        return [[0, 1440]]
    if hours.kind in (BY_APPOINTMENT, AS_USUAL):
        return hours.kind
    return [[start, end] for start, end in hours.ranges]


def hours_entry(hours: OpeningHours, closures: tuple[Closure, ...] = ()) -> dict[str, Any]:
    """An office's or channel's week, bank holiday rule and closures, for the browser."""
    return {"week": [day_entry(day) for day in hours.days], "bank": day_entry(hours.bank_holidays),
            "closures": [[c.start.isoformat(), c.end.isoformat(), c.reason] for c in closures]}


def entry_key(entry: dict[str, Any]) -> str:
    """A short key made from the entry itself: offices and lines with the same hours share one."""
    text = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def reply_by(catalogue: Catalogue, standard: Standard | ServicePromise) -> str:
    """How the browser counts a standard's reply date, or "" if it has none: "working 2 contact" is
    2 working days, said as "If you contact us today, we will reply by ..."; "days 14 complaint"
    counts calendar days for a complaint. Only standards about answering what a resident sends (by
    email, letter, form, text, social media, voicemail) or about a complaint, with a target in days
    or working days; a service's own promise (a repair, a decision) says something else."""
    if not isinstance(standard, Standard) or not standard.target:
        return ""
    if standard in complaint_standards(catalogue):
        wording = "complaint"
    elif standard.channel in REPLY_CHANNELS:
        wording = "contact"
    else:
        return ""
    try:
        target = read_target(standard.target)
    except ValueProblem:
        return ""
    if target == "next working day":
        return f"working 1 {wording}"
    count, unit = target.split(" ", 1)
    if unit in ("working day", "working days"):
        return f"working {int(count)} {wording}"
    if unit in ("day", "days"):
        return f"days {int(count)} {wording}"
    return ""


class OpenNowData:
    """The open-now and reply-by data of one catalogue in its language: keys for pages, a file for the site."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.language = catalogue.language
        self.first = catalogue.build_date - timedelta(days=DAYS_BEFORE)
        self.last = months_ahead(catalogue.build_date, MONTHS_AHEAD)
        self.entries: dict[str, dict[str, Any]] = {}
        self._keys: dict[int, str] = {}  # id() of an office or channel: its key
        for thing in self._things():
            entry = self._entry(thing)
            if entry is not None:
                key = entry_key(entry)
                self.entries.setdefault(key, entry)
                self._keys[id(thing)] = key
        self.content = json.dumps(self._document(), ensure_ascii=False, separators=(",", ":")).encode()
        self.path = f"{FOLDER}/opennow.{hashlib.sha256(self.content).hexdigest()[:10]}.json"

    def key(self, thing: Office | Channel) -> str:
        """The key of an office's or channel's hours, or "" if it has no line (no hours, a closed office)."""
        key = self._keys.get(id(thing))
        if key is None:  # not one of the catalogue's own (a test's): made on the spot, if it is in the file
            entry = self._entry(thing)
            key = entry_key(entry) if entry is not None else ""
        return key if key in self.entries else ""

    def reply_by(self, standard: Standard | ServicePromise) -> str:
        return reply_by(self.catalogue, standard)

    def write(self, site_dir: Path) -> Path:
        """Write the file into the built site; return its path."""
        target = Path(site_dir) / self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.content)
        return target

    # ------------------------------------------------------------ helpers

    def _things(self):
        catalogue = self.catalogue
        yield from catalogue.offices
        yield from catalogue.channels
        for service in catalogue.services:
            yield from service.contact

    def _entry(self, thing: Office | Channel) -> dict[str, Any] | None:
        hours = thing.opening_hours
        if hours is None or (isinstance(thing, Office) and thing.is_closed):
            return None
        closures = sorted(thing.closures, key=lambda c: c.start) if isinstance(thing, Office) else ()
        return hours_entry(hours, tuple(c for c in closures if c.end >= self.first and c.start <= self.last))

    def _document(self) -> dict[str, Any]:
        say = presenter(self.language)
        words = words_for(self.language)
        # A week before the first day too: last night's hours may still run this morning.
        holidays = {day.isoformat(): say.bank_holiday(name)
                    for day, name in bank_holidays(self.catalogue.council.nation, self.first - timedelta(days=7),
                                                   self.last)}
        minutes = sorted({m for entry in self.entries.values() for day in (*entry["week"], entry["bank"])
                          if isinstance(day, list) for span in day for m in span})
        locale = say.locale
        return {
            "from": self.first.isoformat(), "to": self.last.isoformat(),
            "holidays": holidays,
            "entries": self.entries,
            "times": {str(m): say.time(m) for m in minutes},
            "days": {"on": [say.day_after(i, "to") for i in range(7)],
                     "by": [say.day_after(i, "and") for i in range(7)]},
            "months": [babel_date(date(2026, month, 1), "MMMM", locale=locale) for month in range(1, 13)],
            "words": {key: words(key) for key in WORD_KEYS},
        }
