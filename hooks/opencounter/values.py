"""Readers for single values as officers type them: ids, dates, web addresses, phone numbers.

Each reader takes the text from the file and returns a clean value, or raises ValueError
with a message and a hint (`ValueProblem`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import shortnumberinfo


class ValueProblem(ValueError):
    """A value that cannot be read: what was expected, and how to fix it."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


# ---------------------------------------------------------------- ids

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Ids become folder and file names (services/<id>/, visiting-<id>.pdf): well inside every system's limit.
MAX_ID_LENGTH = 80


def id_suggestion(text: str) -> str:
    """An id made from any text: accents and Welsh letters kept as their plain letter (tŷ -> ty)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")


def read_id(text: str) -> str:
    if len(text) > MAX_ID_LENGTH:
        raise ValueProblem(f"An id can be at most {MAX_ID_LENGTH} characters long; this one has {len(text)}.",
                           hint="Use a few words that say what it is, like 'council-tax'. The id becomes "
                                "part of the page address, so short is better.")
    if _ID.fullmatch(text):
        return text
    suggestion = id_suggestion(text)
    raise ValueProblem(
        "An id must be lower-case letters and numbers joined by hyphens.",
        hint=f"Try '{suggestion}'." if suggestion else "Use words like 'council-tax'.")


# ---------------------------------------------------------------- dates

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def read_date(text: str) -> date:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text.strip())
    if not match:
        if _MONTH.fullmatch(text.strip()):
            raise ValueProblem("This is a month: here a full date is needed, with the day.",
                               hint="Write the day too, like 2026-12-24 (year, month, day).")
        raise ValueProblem("This is not a date written as year-month-day.",
                           hint="Write dates like 2026-12-24 (year, month, day).")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise ValueProblem(f"There is no month {month}.",
                           hint="Write dates as year-month-day, like 2026-12-24. The month comes second.")
    if not 1900 <= year <= 2999:
        raise ValueProblem(f"The year {year} is not a year this catalogue can mean.",
                           hint="Write the year in full, with 4 digits, like 2026.")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem(f"There is no {day} {_MONTHS[month - 1]} in {year}.",
                           hint="Check the day of the month.") from None


_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True, order=True)
class Month:
    """A month without a day (format 1.3: `2024-09`), for dates a council publishes only to the month.

    Printed "September 2024" by the presenter. Compared with a date by its first or last day: a
    month has passed after its last day.
    """

    year: int
    month: int

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()


def first_day(value: date | Month) -> date:
    """The first day a date or a month covers."""
    return value.first_day if isinstance(value, Month) else value


def last_day(value: date | Month) -> date:
    """The last day a date or a month covers: a month has passed after it."""
    return value.last_day if isinstance(value, Month) else value


def read_date_or_month(text: str) -> date | Month:
    """A date (2026-12-24), or a month (2024-09) where the council's own document gives only the month."""
    match = _MONTH.fullmatch(text.strip())
    if not match:
        try:
            return read_date(text)
        except ValueProblem as problem:
            raise ValueProblem(problem.message.replace("year-month-day.", "year-month-day or year-month."),
                               hint=problem.hint.replace("(year, month, day).", "(year, month, day), or "
                                                         "2024-09 for a month when only the month is known.")) from None
    year, month = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise ValueProblem(f"There is no month {month}.",
                           hint="Write a month as year-month, like 2024-09. The month comes second.")
    if not 1900 <= year <= 2999:
        raise ValueProblem(f"The year {year} is not a year this catalogue can mean.",
                           hint="Write the year in full, with 4 digits, like 2026.")
    return Month(year, month)


# ---------------------------------------------------------------- web and email

# Leaflets print addresses and put them in QR codes, which must stay small enough to scan.
MAX_URL_LENGTH = 300
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]|localhost", re.I)


def read_url(text: str, https_only: bool = False) -> str:
    value = text.strip()
    if re.search(r"\s", value):
        raise ValueProblem("A web address cannot contain spaces.", hint="Remove the spaces, or copy the address again from the browser.")
    if re.search(r"[\"'<>`{}|\\^\x00-\x1f\x7f]", value):
        raise ValueProblem("A web address cannot contain quotes, angle brackets or similar characters.",
                           hint="Copy the address again from the browser's address bar.")
    parts = urlsplit(value)
    if not parts.scheme:
        raise ValueProblem("A web address must start with https://.",
                           hint=f"Write 'https://{value}'." if _HOST.match(value) else "Copy the full address from the browser's address bar.")
    allowed = ("https",) if https_only else ("https", "http")
    if https_only and parts.scheme.lower() == "http":
        raise ValueProblem("This web address must start with https://, not http://.",
                           hint=f"Write 'https://{value[7:]}'. Every council site must be served securely.")
    if parts.scheme.lower() not in allowed:
        raise ValueProblem(f"A web address here must start with {' or '.join(s + '://' for s in allowed)}.",
                           hint="Copy the full address from the browser's address bar.")
    if "@" in parts.netloc:
        raise ValueProblem("This web address has a user name or password in it, which must never be published.",
                           hint="Remove everything between '//' and '@', and the '@'. If it is a real "
                                "password, change it: it may already have been seen.")
    if len(value) > MAX_URL_LENGTH:
        raise ValueProblem(f"This web address is {len(value)} characters long; the limit is {MAX_URL_LENGTH}.",
                           hint="Use the shorter address of the page. Leaflets print web addresses and turn "
                                "them into QR codes, which cannot hold very long ones.")
    host = parts.hostname or ""
    if not _HOST.fullmatch(host):
        raise ValueProblem("This web address has no valid site name after https://.",
                           hint="Copy the full address from the browser's address bar.")
    return value


_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}", re.I)


def read_email(text: str) -> str:
    value = text.strip()
    if value.lower().startswith("mailto:"):
        raise ValueProblem("Write the email address on its own.", hint=f"Remove 'mailto:' and write '{value[7:]}'.")
    if not _EMAIL.fullmatch(value):
        raise ValueProblem("This is not an email address.", hint="Write it like enquiries@riverside.example.")
    return value


# ---------------------------------------------------------------- postcodes

_POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})")


def tidy_postcode(text: str) -> str:
    """Upper case with one space ("rv1  2ab" -> "RV1 2AB"); other text is kept as typed."""
    match = _POSTCODE.fullmatch(text.strip().upper())
    return f"{match.group(1)} {match.group(2)}" if match else text.strip()


def read_postcode(text: str) -> str:
    """A UK postcode shape, tidied ("ca14  3yj" -> "CA14 3YJ"). Anything else is a problem."""
    value = text.strip().upper()
    if _POSTCODE.fullmatch(value) or value.replace(" ", "") == "GIR0AA":
        return tidy_postcode(value) if value.replace(" ", "") != "GIR0AA" else "GIR 0AA"
    letters = re.sub(r"[^A-Z0-9]", "", value)
    if "O" in letters[-3:-2]:  # a letter O typed for the number 0 in the second half
        fixed = letters[:-3] + letters[-3:].replace("O", "0", 1)
        if _POSTCODE.fullmatch(fixed):
            raise ValueProblem("This is not a UK postcode.", hint=f"Did you mean '{tidy_postcode(fixed)}'? "
                               "The second half starts with the number 0, not the letter O.")
    raise ValueProblem("This is not a UK postcode.",
                       hint="Write a postcode like CA14 3YJ. If you do not know it, find it on the Royal Mail "
                            "website before you publish the address.")


# ---------------------------------------------------------------- targets and results

_TARGET = re.compile(r"(\d+) (second|minute|hour|day|working day)s?|next working day|same (?:working )?day", re.I)
# "80% within 60 seconds": a share and a target written as one (format 1.3 has `share:` for the share).
_SHARE_IN_TARGET = re.compile(r"(\d+(?:\.\d+)?\s*(?:%|per ?cent))\s+(?:of\s+[\w\s-]+?\s+)?"
                              r"(?:(?:with)?in|by|on|the)?\s*(?:the\s+)?(.+)", re.I)


def read_target(text: str) -> str:
    value = re.sub(r"\s+", " ", text.strip())
    if not _TARGET.fullmatch(value):
        share = _SHARE_IN_TARGET.fullmatch(value)
        if share:
            percent = re.match(r"\d+(?:\.\d+)?", share.group(1)).group(0) + "%"
            rest = share.group(2)
            target = f"'target: {rest.lower()}'" if _TARGET.fullmatch(rest) else "'target:' with the time, like '60 seconds'"
            raise ValueProblem(
                f"This target has a share in it ({percent}): the share goes on a line of its own.",
                hint=f"Write 'share: {percent}' on a line of its own in this standard, and {target}. "
                     "The page prints them together, like '80% of calls within 60 seconds'.")
        raise ValueProblem(
            "This is not a target the standards page can show.",
            hint="Write a number and a unit: '45 seconds', '10 minutes', '4 hours', '5 days', "
                 "'10 working days'; or 'next working day', 'same day' or 'same working day'.")
    return value.lower()


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(%|per ?cent)?", re.I)


def read_percent(text: str) -> Decimal:
    """A share from 0% to 100%. A fraction such as 0.78 is a problem: the hint offers 78%."""
    match = _PERCENT.fullmatch(text.strip())
    if not match:
        raise ValueProblem("This is not a percentage from 0% to 100%.", hint="Write it like 86%.")
    value = Decimal(match.group(1))
    if not match.group(2) and "." in match.group(1) and value <= 1:
        raise ValueProblem("This looks like a fraction, not a percentage.",
                           hint=f"Did you mean {format_percent(value * 100)}? Write percentages with a % sign, like 86%.")
    if value > 100:
        raise ValueProblem("A percentage cannot be more than 100%.",
                           hint="Check the figure. A share of contacts is between 0% and 100%.")
    return value


def read_working_days(text: str) -> str:
    """A number of working days from 1 to 365, as digits ("10", or "10 working days" read as 10)."""
    match = re.fullmatch(r"(\d{1,3})(?:\s+(?:working\s+)?days?)?", text.strip(), re.I)
    if not match or not 1 <= int(match.group(1)) <= 365:
        raise ValueProblem("This is not a number of working days.",
                           hint="Write a whole number from 1 to 365, like 10. The page adds 'working days'.")
    return str(int(match.group(1)))


def format_percent(value: Decimal) -> str:
    return f"{value.normalize():f}%"


@dataclass(frozen=True)
class Figure:
    """A published figure: a percentage (86%) or a plain count (1,204); in format 1.3 also a time (kept in
    seconds: unit "minutes" or "seconds") or a score (4.2, with the measure's `out_of`).

    Worded by the presenter ("2 minutes 30 seconds", "4.2 out of 5"); `text` is the plain form for data files.
    """

    value: Decimal
    percent: bool
    unit: str = ""  # format 1.3: percent | number | minutes | seconds | score ("" when the measure gives none)
    out_of: Decimal | None = None  # a score's top mark

    @property
    def is_time(self) -> bool:
        return self.unit in TIME_UNITS

    @property
    def text(self) -> str:
        if self.is_time:
            return f"{self.value.normalize():f} seconds"
        if self.unit == "score":
            return f"{self.value.normalize():f}"
        return format_percent(self.value) if self.percent else f"{self.value.normalize():,f}"

    def __str__(self) -> str:
        return self.text


def read_figure(text: str) -> Figure:
    """A measure's result: a percentage (78%), or a plain number that may have commas (1,204)."""
    value = text.strip()
    plain = re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", value)
    if plain and not ("." in value and Decimal(value.replace(",", "")) <= 1):  # 0.78 is a fraction: read_percent says so
        return Figure(Decimal(value.replace(",", "")), False)
    if not _PERCENT.fullmatch(value):
        raise ValueProblem("This is not a percentage or a number.",
                           hint="Write a percentage like 86%. A measure's result may also be a number, like 1,204.")
    return Figure(read_percent(value), True)


# ---------------------------------------------------------------- phone numbers

# Ofcom keeps these ranges for drama and examples: accepted so sample catalogues reach nobody.
_DRAMA_RANGES = (
    ("01632960000", "01632960999"), ("02079460000", "02079460999"),
    ("01134960000", "01134960999"), ("01144960000", "01144960999"), ("01154960000", "01154960999"),
    ("01164960000", "01164960999"), ("01174960000", "01174960999"), ("01184960000", "01184960999"),
    ("01214960000", "01214960999"), ("01314960000", "01314960999"), ("01414960000", "01414960999"),
    ("01514960000", "01514960999"), ("01614960000", "01614960999"), ("01914980000", "01914980999"),
    ("02890180000", "02890180999"), ("02920180000", "02920180999"),
    ("07700900000", "07700900999"), ("08081570000", "08081570999"), ("09098790000", "09098790999"),
    ("03069990000", "03069990999"),
)
_RELAY_PREFIXES = ("18001", "18002")


@dataclass(frozen=True)
class PhoneNumber:
    """A UK phone number, grouped for reading ("01632 960000") and dialable (tel: link).

    An extension is printed after the number ("01632 960000, extension 4505") and added to
    the tel: link the way RFC 3966 says, so phones that support it dial it too.
    """

    number: str
    dial: str  # digits (and a leading +) for a tel: link
    extension: str = ""

    @property
    def display(self) -> str:
        return f"{self.number}, extension {self.extension}" if self.extension else self.number

    @property
    def tel(self) -> str:
        return f"tel:{self.dial};ext={self.extension}" if self.extension else f"tel:{self.dial}"

    @property
    def sms(self) -> str:
        return f"sms:{self.dial}"

    def __str__(self) -> str:
        return self.display


_EXTENSION = re.compile(r"(.*?)[\s,]*(?:ext(?:ension)?\.?|x)\s*(\d{1,6})", re.I)


def read_phone(text: str, relay: bool = False) -> PhoneNumber:
    """Read a UK number, maybe with an extension ("ext. 4505"); with relay=True it must start with 18001."""
    value = re.sub(r"\s+", " ", text.strip())
    extension = _EXTENSION.fullmatch(value)
    if extension and extension.group(1):
        number = read_phone(extension.group(1), relay)
        return PhoneNumber(number.number, number.dial, extension.group(2))
    if relay:
        prefix_match = re.match(r"(18001|18002)\s*(.*)", value)
        if not prefix_match:
            raise ValueProblem("A text relay number starts with 18001.",
                               hint=f"Write '18001 {value}'.")
        prefix, rest = prefix_match.groups()
        number = read_phone(rest)
        return PhoneNumber(f"{prefix} {number.number}", prefix + _national_digits(number.number))
    if value.startswith(_RELAY_PREFIXES) and len(re.sub(r"\D", "", value)) > 11:
        raise ValueProblem("Numbers starting 18001 are text relay numbers.",
                           hint="Use type: text-relay for this channel, or remove the 18001.")
    cleaned = value.replace("(0)", "").replace("(", "").replace(")", "")
    if re.search(r"[^\d +\-.]", cleaned):
        raise ValueProblem("A phone number can only have digits and spaces, and an extension after it.",
                           hint="Write it like 01632 960000, or 01632 960000 ext. 4505. "
                                "Put opening hours and notes in other fields.")
    digits = re.sub(r"[\s\-.]", "", cleaned)
    try:
        parsed = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        raise ValueProblem("This is not a phone number.", hint="Write it like 01632 960000.") from None
    national = "0" + str(parsed.national_number) if parsed.country_code == 44 else ""
    if parsed.country_code == 44 and (phonenumbers.is_valid_number(parsed) or _is_drama(national)):
        display = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        return PhoneNumber(display, "+44" + str(parsed.national_number))
    if parsed.country_code == 44 and shortnumberinfo.is_valid_short_number(parsed):
        return PhoneNumber(digits, digits)
    if parsed.country_code != 44:
        raise ValueProblem("This is not a UK phone number.", hint="Write a UK number starting with 0, like 01632 960000.")
    raise ValueProblem(
        "This is not a real UK phone number: it has too few or too many digits, or the code does not exist.",
        hint="Check the number against the one you call. Most UK numbers have 11 digits, like 01632 960000.")


def _is_drama(national: str) -> bool:
    return any(low <= national <= high and len(national) == len(low) for low, high in _DRAMA_RANGES)


def _national_digits(display: str) -> str:
    return re.sub(r"\D", "", display)


# ---------------------------------------------------------------- results in a measure's unit (format 1.3)

UNITS = ("percent", "number", "minutes", "seconds", "score")
TIME_UNITS = ("minutes", "seconds")
_TIME_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(hours?|hrs?|minutes?|mins?|seconds?|secs?)", re.I)
_SECONDS_IN = {"h": 3600, "m": 60, "s": 1}
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def read_time(text: str) -> Decimal:
    """A length of time in seconds: "2:30" (minutes:seconds), "2 minutes 30 seconds", "150 seconds", "1 hour"."""
    value = re.sub(r"\s+", " ", text.strip().lower())
    clock = re.fullmatch(r"(\d+):([0-5]\d)", value)
    if clock:
        return Decimal(int(clock.group(1)) * 60 + int(clock.group(2)))
    parts = _TIME_PART.findall(value)
    rest = _TIME_PART.sub("", value).replace(",", " ").replace(" and ", " ").strip()
    if parts and not rest:
        return sum((Decimal(count) * _SECONDS_IN[unit[0]] for count, unit in parts), Decimal(0))
    if _NUMBER.fullmatch(value):
        raise ValueProblem("A time needs its unit: a number alone could be minutes or seconds.",
                           hint=f"Write '{value} minutes' or '{value} seconds', or minutes and seconds as "
                                "'2:30' or '2 minutes 30 seconds'.")
    raise ValueProblem("This is not a length of time.",
                       hint="Write it like '2:30' (minutes and seconds), '2 minutes 30 seconds' or '150 seconds'.")


def read_in_unit(text: str, unit: str, out_of: Decimal | None = None) -> Figure:
    """A result, target or baseline in its measure's unit (format 1.3). Without a unit (as in 1.1), a
    figure with % is a percentage, without it a count."""
    value = text.strip()
    if not unit:
        return read_figure(value)
    if unit == "percent":
        if not value.endswith("%") and not re.search(r"per ?cent$", value, re.I):
            if _NUMBER.fullmatch(value):
                raise ValueProblem("This measure is a percentage: write the % sign.",
                                   hint=f"Write '{value}%'. If it is a count, write 'unit: number' in the measure.")
        return Figure(read_percent(value), True, "percent")
    if unit == "number":
        plain = _NUMBER.fullmatch(value)
        if not plain:
            if value.endswith("%"):
                raise ValueProblem("This measure counts things ('unit: number'), so its figures have no % sign.",
                                   hint=f"Write '{value.rstrip('%').strip()}', or write 'unit: percent' in the measure "
                                        "if it is a share.")
            raise ValueProblem("This is not a number.", hint="Write a number like 1,204 or 1204.")
        return Figure(Decimal(value.replace(",", "")), False, "number")
    if unit in TIME_UNITS:
        return Figure(read_time(value), False, unit)
    if unit == "score":
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s*(?:/|out of)\s*(\d+(?:\.\d+)?))?", value, re.I)
        if not match:
            raise ValueProblem("This is not a score.", hint=f"Write the score as a number, like '4.2'"
                               + (f" (out of {out_of.normalize():f})." if out_of else "."))
        score = Decimal(match.group(1))
        if match.group(2) and out_of is not None and Decimal(match.group(2)) != out_of:
            raise ValueProblem(f"This score is out of {match.group(2)}, but the measure's scores are out of "
                               f"{out_of.normalize():f}.", hint=f"Write the score alone, like '{score.normalize():f}', "
                               "on the measure's scale, or change 'out_of'.")
        if out_of is not None and score > out_of:
            raise ValueProblem(f"The score {score.normalize():f} is more than the top mark, {out_of.normalize():f} "
                               "('out_of').", hint=f"Check the figure: a score on this measure is from 0 to "
                               f"{out_of.normalize():f}. If the scale changed, change 'out_of'.")
        return Figure(score, False, "score", out_of)
    raise ValueError(f"unknown unit {unit}")


def read_out_of(text: str) -> Decimal:
    """A score's top mark: a number above 0, like 5 or 10."""
    value = text.strip()
    if not re.fullmatch(r"\d+(?:\.\d+)?", value) or Decimal(value) <= 0:
        raise ValueProblem("This is not a top mark for a score.", hint="Write the highest score possible, like 5 or 10.")
    return Decimal(value)
