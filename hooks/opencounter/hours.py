"""Opening hours: read the ways officers write them, into a week the presenter can say in any language.

Officers write `Mon-Fri: 09:00-17:00`; residents read "Monday to Friday: 9am to 5pm" (present.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # for messages to officers

_DAY_WORDS = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2, "weds": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
_DAY_GROUPS = {
    "weekdays": (0, 1, 2, 3, 4),
    "weekends": (5, 6), "weekend": (5, 6),
    "every day": tuple(range(7)), "daily": tuple(range(7)), "all week": tuple(range(7)),
}
_BANK_HOLIDAY_KEYS = {"bank holidays", "bank holiday", "bank and public holidays", "public holidays"}

MIDDAY = 12 * 60
OPEN, CLOSED, ALL_DAY, BY_APPOINTMENT, AS_USUAL = "open", "closed", "24-hours", "by-appointment", "as-usual"


class HoursError(ValueError):
    """Opening hours that cannot be read. Carries a hint for the officer."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class DayHours:
    """What one day (or the bank holiday rule) looks like."""

    kind: str = CLOSED
    ranges: tuple[tuple[int, int], ...] = ()  # minutes after midnight, end may be 1440

    @property
    def is_open(self) -> bool:
        return self.kind in (OPEN, ALL_DAY, BY_APPOINTMENT)


@dataclass(frozen=True)
class OpeningHours:
    """A week of opening hours, Monday first, and what happens on bank holidays."""

    days: tuple[DayHours, ...]
    bank_holidays: DayHours = DayHours(CLOSED)

    def on(self, day: date, bank_holidays: frozenset[date] | set[date] = frozenset()) -> DayHours:
        """The hours that apply on a date, taking the bank holiday rule into account."""
        usual = self.days[day.weekday()]
        if day in bank_holidays and self.bank_holidays.kind != AS_USUAL:
            return self.bank_holidays
        return usual


# ---------------------------------------------------------------- reading

def parse_days(key: str) -> tuple[int, ...] | str:
    """Read a day key: a day, a range, a list, or "bank holidays" (returned as the string "bank")."""
    note = _NOTE.search(key)
    if note:
        days = _NOTE.sub(" ", key).strip()
        raise HoursError(f"The note in brackets, '({note.group(1).strip()})', is not read: a line names days only.",
                         hint=f"Write '{days}' alone, with its hours after the colon. Put the note in the "
                              "description, or a notice while it lasts.")
    text = re.sub(r"\s+", " ", key.strip().lower().rstrip(":"))
    if text in _BANK_HOLIDAY_KEYS:
        return "bank"
    if text in _DAY_GROUPS:
        return _DAY_GROUPS[text]
    range_match = re.fullmatch(r"(.+?)\s*(?: to |-|–|—| until | through )\s*(.+)", text)
    if range_match:
        first, last = _day(range_match.group(1), key), _day(range_match.group(2), key)
        if last >= first:
            return tuple(range(first, last + 1))
        return tuple(range(first, 7)) + tuple(range(0, last + 1))  # "Saturday to Monday"
    parts = [p for p in re.split(r"\s*(?:,|&| and )\s*", text) if p]
    return tuple(sorted({_day(p, key) for p in parts}))


def _day(word: str, key: str) -> int:
    cleaned = word.strip().rstrip(".")
    if cleaned not in _DAY_WORDS and cleaned.endswith("s") and cleaned[:-1] in _DAY_WORDS:
        cleaned = cleaned[:-1]  # "Mondays"
    if cleaned in _DAY_WORDS:
        return _DAY_WORDS[cleaned]
    raise HoursError(
        f"'{key}' is not a day or a range of days.",
        hint="Write a day (Monday), a range (Monday to Friday, Mon-Fri) or 'Bank holidays'.")


_TIME = re.compile(
    r"(?P<word>midday|noon|12 ?noon|midnight)"
    r"|(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)"
    r"|(?P<h24>\d{1,2})[:.](?P<m24>\d{2})")

_RANGE_SPLIT = re.compile(r"\s*(?:\bto\b|\buntil\b|\btill\b|-|–|—)\s*")


def parse_time(text: str, is_end: bool = False) -> int:
    """Minutes after midnight for "9am", "9:30am", "09:00", "17.30", "midday"."""
    cleaned = text.strip().lower()
    match = _TIME.fullmatch(cleaned)
    if not match:
        raise HoursError(
            f"'{text.strip()}' is not a time.",
            hint="Write times like 9am, 5:30pm, midday or 17:30.")
    if match.group("word"):
        if match.group("word") == "midnight":
            return 1440 if is_end else 0
        return 720
    if match.group("h"):
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise HoursError(f"'{text.strip()}' is not a time.",
                             hint="With am or pm, the hour is from 1 to 12, like 9am or 12:30pm.")
        pm = match.group("ampm").startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        result = hour * 60 + minute
        return 1440 if result == 0 and is_end else result
    hour, minute = int(match.group("h24")), int(match.group("m24"))
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise HoursError(f"'{text.strip()}' is not a time.",
                         hint="Use the 24-hour clock from 00:00 to 24:00, or write 9am, 5:30pm.")
    result = hour * 60 + minute
    return 1440 if result == 0 and is_end else result


class NoteInHours(HoursError):
    """Hours with a note in brackets ("9:30am to 7pm (5pm on Fridays)"): notes are not read.

    `hours` is the text without the note, `note` the note as typed (without its brackets)."""

    def __init__(self, hours: str, note: str):
        super().__init__(f"The note in brackets, '({note})', is not read: opening hours give times only.",
                         hint="Give days with other hours a line of their own, like 'Friday: 9am to 5pm'. "
                              "Put anything else in the description.")
        self.hours = hours
        self.note = note


_NOTE = re.compile(r"\s*\(([^()]*)\)\s*")


def parse_day_hours(value: str, bank_holiday: bool = False) -> DayHours:
    """Read one value: "9am to 5pm", "9am to 12:30pm and 1:30pm to 4pm", "closed", ...

    Messages quote the officer's words as typed (in their own case)."""
    note = _NOTE.search(value)
    if note:
        raise NoteInHours(_NOTE.sub(" ", value).strip(), note.group(1).strip())
    typed = re.sub(r"\s+", " ", value.strip()).rstrip(".")
    text = typed.lower()
    if text in ("closed", "shut", "not open"):
        return DayHours(CLOSED)
    if text in ("24 hours", "open 24 hours", "24 hours a day", "24/7", "all day"):
        return DayHours(ALL_DAY)
    if text in ("by appointment", "by appointment only", "appointment only", "appointments only"):
        return DayHours(BY_APPOINTMENT)
    if text in ("open as usual", "as usual", "usual hours", "normal hours", "open"):
        if bank_holiday:
            return DayHours(AS_USUAL)
        raise HoursError(f"'{value.strip()}' only fits bank holidays.",
                         hint="Give the hours for this day, like 9am to 5pm, or write closed.")
    ranges = []
    for part in re.split(r"\s*(?:\band\b|,|;|&)\s*", typed, flags=re.I):
        if not part:
            continue
        pieces = _RANGE_SPLIT.split(part.lower())
        if len(pieces) != 2 or not all(pieces):
            raise HoursError(
                f"'{part}' is not a range of hours.",
                hint="Write an opening and a closing time joined by 'to', like 9am to 5pm. "
                     "Join several ranges with 'and'. You can also write closed, 24 hours or by appointment.")
        typed_pieces = re.split(_RANGE_SPLIT.pattern, part, flags=re.I)
        start, end = parse_time(typed_pieces[0]), parse_time(typed_pieces[1], is_end=True)
        # From the afternoon or evening to the morning is a line open overnight ("5pm to 9am"): it runs
        # into the next day. From a morning to an earlier morning is a slip of am and pm.
        overnight = end < start and start >= MIDDAY and end <= MIDDAY
        if end <= start and not overnight:
            raise HoursError(
                f"In '{part}', the closing time is not after the opening time.",
                hint="Check am and pm. Hours that run past midnight are written from the evening to the "
                     "morning, like 10pm to 6am.")
        ranges.append((start, end))
    ranges.sort()
    for (first_start, end), (start, _) in zip(ranges, ranges[1:]):
        if start < end or end < first_start:  # an overnight range has to be the day's last
            raise HoursError(f"The ranges in '{value.strip()}' overlap.",
                             hint="Give each range of hours once, in order, like 9am to 1pm and 2pm to 5pm.")
    if not ranges:
        raise HoursError("No hours are given.", hint="Write hours like 9am to 5pm, or closed.")
    if ranges == [(0, 1440)]:
        return DayHours(ALL_DAY)
    return DayHours(OPEN, tuple(ranges))


def day_runs(days: tuple[int, ...]) -> list[str]:
    """Days as opening hours keys, one for each run of days in a row: ["Monday and Tuesday", "Thursday to Friday"]."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return [DAY_NAMES[r[0]] if len(r) == 1 else f"{DAY_NAMES[r[0]]} and {DAY_NAMES[r[1]]}" if len(r) == 2
            else f"{DAY_NAMES[r[0]]} to {DAY_NAMES[r[-1]]}" for r in runs]


_NOTE_DAY = re.compile(r"\b(" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + r")s?\b", re.I)
_NOTE_TIME = re.compile(r"\b(midday|noon|midnight|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|\d{1,2}[:.]\d{2})\b", re.I)


def lines_for_note(days: tuple[int, ...], hours: str, note: str) -> list[tuple[str, str]] | None:
    """The separate lines a note such as "5pm on Fridays" stands for, in the officer's own words:
    [("Monday to Thursday", "9:30am to 7pm"), ("Friday", "9:30am to 5pm")]; None when the note says
    something else (a closing time for some of the days is what it can read)."""
    times = _NOTE_TIME.findall(note)
    named = {_DAY_WORDS[m.lower()] for m in _NOTE_DAY.findall(note)}
    pieces = re.split(_RANGE_SPLIT.pattern, hours.strip(), flags=re.I)
    if len(times) != 1 or not named or not named < set(days) or len(pieces) != 2:
        return None
    try:
        start, end, changed = parse_time(pieces[0]), parse_time(pieces[1], True), parse_time(times[0], True)
    except HoursError:
        return None
    opens = re.search(r"\b(open|opens|opening|from|start|starts)\b", note, re.I)
    if opens:
        other = f"{times[0].strip()} to {pieces[1].strip()}"
        valid = changed < end
    else:
        other = f"{pieces[0].strip()} to {times[0].strip()}"
        valid = start < changed
    if not valid:
        return None
    out: list[tuple[int, str, str]] = []
    for group, text in ((tuple(d for d in days if d not in named), hours.strip()), (tuple(sorted(named)), other)):
        for key in day_runs(group):
            out.append((_DAY_WORDS[key.split()[0].lower()], key, text))
    return [(key, text) for _, key, text in sorted(out)]


def build_opening_hours(entries: list[tuple[tuple[int, ...] | str, DayHours]]) -> OpeningHours:
    """Assemble a week from entries already read. Days not given are closed.

    Bank holidays are closed unless a line says otherwise, except for a 24-hour line or office
    (every day it opens, it is open all day): that does not close for a bank holiday.
    """
    days = [DayHours(CLOSED)] * 7
    bank = None
    for which, hours in entries:
        if which == "bank":
            bank = hours
        else:
            for index in which:
                days[index] = hours
    if bank is None:
        open_days = [d for d in days if d.kind != CLOSED]
        round_the_clock = bool(open_days) and all(d.kind == ALL_DAY for d in open_days)
        bank = DayHours(AS_USUAL) if round_the_clock else DayHours(CLOSED)
    return OpeningHours(tuple(days), bank)
