"""Each office's closures and the bank holidays it closes for (or opens differently on), as iCalendar.

Residents and library staff subscribe to the file and see the days in their own calendar. The
same catalogue and build date always give the same bytes (RFC 5545: CRLF lines folded at 75
octets, text escaped, a stable UID for each day).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from .calendar import CALENDAR_MONTHS, office_hours_changes
from .models import Catalogue, Office
from .present import presenter


def office_calendar(catalogue: Catalogue, office: Office) -> bytes:
    """The iCalendar file of one office: closures that have not ended, and bank holidays in the next year."""
    say = presenter(catalogue.language)
    w = say.w
    stamp = catalogue.build_date.strftime("%Y%m%dT000000Z")
    domain = catalogue.council.website.split("//", 1)[-1].split("/", 1)[0]
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, catalogue.council.website.rstrip("/") + "/calendars/" + office.id)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Open Counter//Office closures//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_text(w('calendar.name', office=office.name))}",
             "X-WR-TIMEZONE:Europe/London"]

    def event(start: date, end: date, summary: str, kind: str) -> None:
        uid = uuid.uuid5(namespace, f"{kind}/{start.isoformat()}/{end.isoformat()}")
        lines.extend(["BEGIN:VEVENT", f"UID:{uid}@{domain}", f"DTSTAMP:{stamp}",
                      f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
                      f"DTEND;VALUE=DATE:{(end + timedelta(days=1)).strftime('%Y%m%d')}",
                      f"SUMMARY:{_text(summary)}", "TRANSP:TRANSPARENT", "END:VEVENT"])

    for closure in catalogue.upcoming_closures(office):
        event(closure.start, closure.end, w("calendar.closed_for", office=office.name, reason=closure.reason)
              if closure.reason else w("calendar.closed", office=office.name), "closure")
    for change in office_hours_changes(catalogue, office, CALENDAR_MONTHS):
        event(change.day, change.day, w("calendar.bank_holiday", office=office.name, change=say.hours_change(change),
                                        name=say.bank_holiday(change.name)), "bank-holiday")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


def _text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and new lines escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines start with a space
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


__all__ = ["office_calendar"]
