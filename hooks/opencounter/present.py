"""What pages and leaflets say, worked out once from the Catalogue, in the language asked for.

A `Presenter` formats hours, days, dates, phone numbers and targets, and words the pieces that
the web writer (site.py), the print writer (leaflet_content.py) and the data writers share: how
to get into an office, which bank holidays change its hours, what a standard's target is, where
a service sits in an A to Z. The words come from words/<language>.yaml; day and month names
from Babel's locale data; the grammar that no table can hold (a Welsh day after "i" is
"ddydd") is here, once.

Rules about the data that have no words in them (which standards are about complaints, who helps
someone who cannot go online) are plain functions at the end.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date
from typing import Any, Iterable, Sequence, TypeVar

from babel.dates import format_date as babel_date, get_day_names

from .calendar import COMING_UP_MONTHS, HoursChange, months_ahead, office_hours_changes
from .channels import CHANNEL_TYPES, GROUPS, STANDARD_CHANNELS
from .hours import ALL_DAY, AS_USUAL, BY_APPOINTMENT, CLOSED, OPEN, DayHours, OpeningHours
from decimal import Decimal

from .models import Action, Catalogue, Channel, Measure, Office, ServicePromise, Standard, Strategy
from .values import Figure, Month, PhoneNumber, ValueProblem, format_percent, last_day, read_target
from .words import Words, words as words_for

T = TypeVar("T")

# The order statuses are counted in: "5 done, 4 on track, 2 delayed, 1 not started".
COUNT_ORDER = ("done", "on-track", "at-risk", "delayed", "not-started", "dropped")

_LOCALES = {"en": "en_GB", "cy": "cy"}


class Presenter:
    """Says things about one catalogue in one language."""

    def __init__(self, words: Words):
        self.w = words
        self.language = words.language
        self.locale = _LOCALES[self.language]
        days = get_day_names("wide", locale=self.locale)
        self.days = tuple(days[i] for i in range(7))  # Monday first, as in hours.py

    # ------------------------------------------------------------ times and days

    def time(self, minutes: int) -> str:
        """GOV.UK style: 9am, 9:30am, midday, midnight ("9yb", "canol dydd" in Welsh)."""
        w = self.w
        if minutes in (0, 1440):
            return w("time.midnight")
        if minutes == 720:
            return w("time.midday")
        hour, minute = divmod(minutes, 60)
        suffix = w("time.am") if hour < 12 else w("time.pm")
        hour = hour % 12 or 12
        return f"{hour}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{suffix}"

    def day_range(self, first: int, last: int) -> str:
        """ "Monday", "Monday and Tuesday", "Monday to Friday" ("Dydd Llun i ddydd Gwener")."""
        if first == last:
            return self.days[first]
        if last == first + 1:
            return self.w("days.pair", first=self.days[first], last=self._day_after(last, "and"))
        return self.w("days.range", first=self.days[first], last=self._day_after(last, "to"))

    def day_after(self, index: int, word: str) -> str:
        """A day's name inside a sentence: after "to" as after "i" (to), "tan" (until) and "yn agor" (opens),
        soft-mutated in Welsh ("ddydd Llun"); after "and" as after "a" (and) and "erbyn" (by): "dydd Llun"."""
        return self._day_after(index, word)

    def _day_after(self, index: int | str, word: str) -> str:
        """A day's name (or a date that starts with one) after "and" or "to", as its language writes it there."""
        name = self.days[index] if isinstance(index, int) else index
        if self.language == "cy":
            # "Dydd Llun a dydd Mawrth"; after "i" (to), a soft mutation: "i ddydd Gwener".
            name = name[:1].lower() + name[1:]
            return "d" + name if word == "to" and name.startswith("dydd") else name
        return name

    def day_hours(self, hours: DayHours, in_sentence: bool = False) -> str:
        """ "9am to 5pm"; "Closed" in a table cell, "closed" after "Sunday: "."""
        w = self.w
        if hours.kind == OPEN:
            return w("hours.and").join(self._range(a, b) for a, b in hours.ranges)
        text = w({CLOSED: "hours.closed", ALL_DAY: "hours.all_day", BY_APPOINTMENT: "hours.by_appointment",
                  AS_USUAL: "hours.as_usual"}[hours.kind])
        return text[:1].lower() + text[1:] if in_sentence else text

    def _range(self, start: int, end: int) -> str:
        text = self.w("hours.range", start=self.time(start), end=self.time(end))
        return self.w("hours.next_day", range=text) if end < start else text

    def summary(self, hours: OpeningHours) -> list[tuple[str, str]]:
        """Days with the same hours grouped: [("Monday to Friday", "9am to 5pm"), ...].

        Closed days at the end of the week are kept, so nobody has to guess.
        """
        if all(d == hours.days[0] for d in hours.days):
            return [(self.w("days.every"), self.day_hours(hours.days[0], in_sentence=True))]
        groups: list[tuple[int, int, DayHours]] = []
        for index, day in enumerate(hours.days):
            if groups and groups[-1][2] == day and groups[-1][1] == index - 1:
                groups[-1] = (groups[-1][0], index, day)
            else:
                groups.append((index, index, day))
        return [(self.day_range(first, last), self.day_hours(day, in_sentence=True)) for first, last, day in groups]

    def week(self, hours: OpeningHours) -> list[tuple[str, str]]:
        """Every day of the week with its hours, then bank holidays: for a table."""
        rows = [(self.days[i], self.day_hours(d)) for i, d in enumerate(hours.days)]
        return rows + [(self.w("hours.bank_holidays"), self.day_hours(hours.bank_holidays))]

    def hours_rows(self, hours: OpeningHours) -> list[tuple[str, str]]:
        """Opening hours as table rows, days with the same hours together, then bank holidays: short on paper."""
        rows = [(days, text[:1].upper() + text[1:]) for days, text in self.summary(hours)]
        return rows + [(self.w("hours.bank_holidays"), self.day_hours(hours.bank_holidays))]

    def open_text(self, hours: OpeningHours | None) -> str:
        """The days it is open, in one line: "Monday to Friday: 9am to 5pm; Saturday: 9am to midday"."""
        if hours is None:
            return ""
        closed = self.day_hours(DayHours(CLOSED), in_sentence=True)
        return "; ".join(f"{days}: {text}" for days, text in self.summary(hours) if text != closed)

    def bank_holiday_text(self, hours: OpeningHours) -> str:
        """The bank holiday rule as a sentence."""
        kind = hours.bank_holidays.kind
        if kind == OPEN:
            return self.w("bank_holidays.open", hours=self.day_hours(hours.bank_holidays, in_sentence=True))
        return self.w({CLOSED: "bank_holidays.closed", AS_USUAL: "bank_holidays.as_usual",
                       ALL_DAY: "bank_holidays.all_day", BY_APPOINTMENT: "bank_holidays.by_appointment"}[kind])

    def hours_list(self, hours: OpeningHours) -> list[str]:
        """Opening hours as lines ("Monday to Friday: 9am to 5pm"), then the bank holiday rule, for pages and
        leaflets alike; a line or office never open says nothing of bank holidays unless it opens on them."""
        found = [f"{days}: {text}" for days, text in self.summary(hours)]
        if hours.bank_holidays.kind != CLOSED or any(day.is_open for day in hours.days):
            found.append(self.bank_holiday_text(hours))
        return found

    def hours_line(self, channel: Channel) -> str:
        """When a line is open, in one line, or "" if it gives no hours."""
        return self.open_text(channel.opening_hours)

    # ------------------------------------------------------------ dates and numbers

    def date(self, day: date | Month, weekday: bool = False) -> str:
        """GOV.UK style: "24 December 2026", or "Thursday 24 December 2026" ("Dydd Iau 24 Rhagfyr 2026").
        A month (format 1.3) is "September 2024" ("Medi 2024")."""
        if isinstance(day, Month):
            return babel_date(day.first_day, "LLLL y", locale=self.locale)
        return babel_date(day, "EEEE d MMMM y" if weekday else "d MMMM y", locale=self.locale)

    def standards_dates(self, catalogue: Catalogue) -> str:
        """When the standards were agreed and will be reviewed, as the standards page and leaflet say it.

        A review date that has passed is not said as a plan ("We will next review them by 31 March 2020"):
        the page says what the council said, and no more ("We said we would review them by ...")."""
        w, sentences = self.w, []
        if catalogue.adopted:
            key = "standards.adopted_month" if isinstance(catalogue.adopted, Month) else "standards.adopted"
            sentences.append(w(key, date=self.date(catalogue.adopted)))
        if catalogue.next_review:
            passed = last_day(catalogue.next_review) < catalogue.build_date
            sentences.append(w("standards.review_was_due" if passed else "standards.next_review",
                               date=self.date(catalogue.next_review)))
        return " ".join(sentences)

    def date_range(self, start: date, end: date) -> str:
        """ "Thursday 24 December 2026" or "Thursday 24 December 2026 to Friday 1 January 2027"."""
        if start == end:
            return self.date(start, weekday=True)
        return self.w("dates.range", first=self.date(start, weekday=True),
                      last=self._day_after(self.date(end, weekday=True), "to"))

    def phone(self, number: PhoneNumber) -> str:
        """ "01632 960000", or "01632 960000, extension 4505"."""
        if number.extension:
            return self.w("phone.extension", number=number.number, extension=number.extension)
        return number.number

    def target(self, standard: Standard | ServicePromise) -> str:
        """A standard's target in words: "45 seconds", "2 working days" ("45 eiliad"); with a share (format
        1.3), "80% of calls within 60 seconds". A service's own promise may have any target, already in
        words: it is said as written."""
        if not standard.target:
            return ""
        try:
            text = read_target(standard.target)
        except ValueProblem:
            return standard.target
        share = getattr(standard, "share", None)
        if text in ("next working day", "same day", "same working day"):
            slug = text.replace(" ", "_")
            if share is not None:
                return self.w("target.share", share=format_percent(share),
                              things=self.w(f"target.things.{standard.channel}"), when=self.w(f"target.when.{slug}"))
            return self.w(f"target.{slug}")
        count, unit = text.split(" ", 1)
        unit = unit.removesuffix("s").replace(" ", "_")
        form = "one" if count == "1" else "two" if count == "2" and f"target.{unit}.two" in self.w.table else "other"
        said = self.w(f"target.{unit}.{form}", count=count)  # "2 ddiwrnod": Welsh mutates after 2
        if share is not None:
            return self.w("target.share", share=format_percent(share), things=self.w(f"target.things.{standard.channel}"),
                          when=self.w("target.when.count", target=said))
        return said

    def target_to_show(self, standard: Standard | ServicePromise) -> str:
        """A standard's target, unless its promise already says it ("within 45 seconds" and 45 seconds;
        with a share, the share too: "80% of calls within 60 seconds")."""
        target = self.target(standard)
        if not target:
            return ""
        promise = standard.promise.lower()
        share = getattr(standard, "share", None)
        said = self.target(Standard(standard.id, standard.channel, standard.promise, standard.target)) \
            if share is not None else target
        if said.lower() in promise and (share is None or format_percent(share).lower() in promise):
            return ""
        return target

    def at_offices(self, standard: Standard) -> str:
        """ "At Time Square and Riverside House.", for a standard for some offices only (format 1.3)."""
        if not standard.offices:
            return ""
        return self.w("standards.at_offices", offices=self.w.join_and([o.name for o in standard.offices]))

    def pages(self, count: int) -> str:
        return self.w.plural(count, "pages")

    # ------------------------------------------------------------ channels, offices, standards

    def channel_label(self, kind: str) -> str:
        """What a type of channel is called when it has no name of its own: "Phone", "Relay UK"."""
        return self.w(f"channel.{kind}.label")

    def number_label(self, channel: Channel) -> str:
        """The word before its number: "Phone", "Text", "Text relay"."""
        return self.w.get(f"channel.{channel.type}.number") or self.w("channel.phone.number")

    def help_text(self, channel: Channel) -> str:
        """How to use a relay service, for a channel that does not say so itself."""
        return self.w.get(f"channel.{channel.type}.help", "")

    def served_in(self, channel: Channel) -> str:
        """ "Welsh language line", for a channel served in one language only (empty otherwise)."""
        if not channel.languages or len(channel.languages) > 1:
            return ""
        said = self.w(f"channel.language.{channel.languages[0]}")
        return "" if said.casefold() in channel.name.casefold() else said  # its name says so already

    def channel_groups(self, offline_first: bool = False) -> list[tuple[str, str]]:
        """(group, heading) pairs, as the contact page and leaflet list them. Leaflets list the ways
        that need no internet first."""
        pairs = [(group, self.w(f"channel.group.{group}")) for group in GROUPS]
        if offline_first:
            offline = {t.group for t in CHANNEL_TYPES.values() if t.offline is True}
            pairs.sort(key=lambda pair: pair[0] not in offline or pair[0] == "relay")
        return pairs

    @functools.cached_property
    def standard_headings(self) -> dict[str, str]:
        """The heading each way of contacting us has on the standards page: "When you phone us"."""
        return {channel: self.w(f"standards.heading.{channel}") for channel in STANDARD_CHANNELS}

    def access_text(self, office: Office) -> str:
        """How to get in: "You can walk in. You do not need an appointment." and so on."""
        return self.w(f"office.access.{office.access}")

    def in_sentence(self, title: str) -> str:
        """A title as written, for use inside a sentence: a first word such as "Our" or "The" is lower-cased
        ("Read our customer contact standards"); the rest stays as the council wrote it."""
        first, _, rest = title.partition(" ")
        small = {word.strip() for word in self.w("title.small_first_words").split(",")}
        return f"{first.lower()} {rest}" if rest and first in small else title

    def standards_link(self, catalogue: Catalogue) -> str:
        """The words of a link to the standards page, with the council's own title for them."""
        return self.w("standards.read", title=self.in_sentence(catalogue.standards_title))

    def in_person_lede(self, catalogue: Catalogue) -> str:
        """What the contact page says about visiting, true to how the offices see people."""
        kinds = {office.access for office in catalogue.offices if not office.is_closed}
        if not kinds:
            return self.w("contact.in_person_lede.closed")
        if kinds == {"appointment"}:
            return self.w("contact.in_person_lede.appointment")
        if "appointment" in kinds:
            return self.w("contact.in_person_lede.mixed")
        return self.w("contact.in_person_lede.walk_in")

    def closures_coming_up(self, catalogue: Catalogue, office: Office,
                           months: int = COMING_UP_MONTHS) -> list[dict[str, Any]]:
        """Closures, and bank holidays that change the usual hours, from the build date to `months` ahead."""
        w = self.w
        end = months_ahead(catalogue.build_date, months)
        items = [{"start": c.start, "end": c.end, "reason": c.reason or w("closures.closed")}
                 for c in catalogue.upcoming_closures(office) if c.start <= end]
        items += [{"start": change.day, "end": change.day,
                   "reason": w("closures.bank_holiday", name=self.bank_holiday(change.name),
                               change=self.hours_change(change))}
                  for change in office_hours_changes(catalogue, office, months)]
        return sorted(items, key=lambda i: i["start"])

    def hours_change(self, change: HoursChange) -> str:
        """What happens on a bank holiday: "closed", or "open 10am to 2pm"."""
        if change.hours.is_open:
            return self.w("closures.open", hours=self.day_hours(change.hours, in_sentence=True))
        return self.w("closures.closed_that_day")

    def holiday(self, name: str) -> str:
        """A bank holiday's name (the holidays package gives English), in this language, as GOV.UK
        names it: "Boxing Day (substitute day)". Two on one day come as "New Year Holiday; New
        Year's Day (observed)"."""
        return self.w.join_and([self._one_holiday(part.strip()) for part in name.split(";")])

    def bank_holiday(self, name: str) -> str:
        """A bank holiday's name, saying it is one unless the name says so: "Christmas Day, bank
        holiday", "Boxing Day (substitute day), bank holiday", "Spring bank holiday"."""
        said = self.holiday(name)
        if self.w("holiday.bank_holiday_words").casefold() in said.casefold():
            return said
        return self.w("holiday.bank_holiday", name=said)

    def _one_holiday(self, name: str) -> str:
        observed = name.endswith(" (observed)")
        name = name.removesuffix(" (observed)")
        slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        said = self.w.get(f"holiday.{slug}", name)
        return self.w("holiday.substitute", name=said) if observed else said

    # ------------------------------------------------------------ the plan and measures over time (format 1.3)

    def figure(self, figure: Figure) -> str:
        """A result, target or baseline in its unit, in words: "78%", "1,204", "2 minutes 30 seconds", "4.2 out of 5"."""
        if figure.is_time:
            return self.duration(figure.value)
        if figure.unit == "score":
            said = f"{figure.value.normalize():f}"
            return self.w("figure.score", score=said, out_of=f"{figure.out_of.normalize():f}") if figure.out_of else said
        if figure.percent:
            return format_percent(figure.value)
        return f"{figure.value.normalize():,f}"

    def duration(self, seconds: Decimal) -> str:
        """A length of time: "2 minutes 30 seconds", "1 hour 5 minutes", "45 seconds" ("2 funud 30 eiliad")."""
        whole = int(seconds)
        hours, rest = divmod(whole, 3600)
        minutes, secs = divmod(rest, 60)
        fraction = seconds - whole
        parts = []
        for count, unit in ((hours, "hour"), (minutes, "minute")):
            if count:
                parts.append(self._count(count, unit))
        if secs or fraction or not parts:
            value = Decimal(secs) + fraction
            parts.append(self._count(value, "second"))
        said = parts[0]
        for part in parts[1:]:
            said = self.w("figure.time.and", first=said, last=part)
        return said

    def _count(self, count, unit: str) -> str:
        text = f"{Decimal(count).normalize():f}" if not isinstance(count, int) else str(count)
        form = "one" if text == "1" else "two" if text == "2" and f"target.{unit}.two" in self.w.table else "other"
        return self.w(f"target.{unit}.{form}", count=text)

    def status(self, status: str) -> str:
        """An action's status in words: "On track", "Delayed" (never a colour alone)."""
        return self.w(f"plan.status.{status}")

    def period(self, start, end) -> str:
        """ "April 2024 to March 2027"; one end alone when the other is not given."""
        if start and end:
            return self.w("plan.period", first=self.date(start), last=self.date(end))
        return self.date(start or end) if (start or end) else ""

    def approved(self, strategy: Strategy) -> str:
        """ "Approved by the Executive Committee on 20 March 2024." ("in March 2024" for a month)."""
        if not strategy.approved:
            return ""
        month = "_month" if isinstance(strategy.approved, Month) else ""
        if strategy.approved_by:
            return self.w(f"plan.approved_by{month}", who=strategy.approved_by, date=self.date(strategy.approved))
        return self.w(f"plan.approved{month}", date=self.date(strategy.approved))

    def due(self, action: Action, today: date) -> str:
        """ "Due March 2027"; for an open action whose month has passed, "Was due June 2026"."""
        if not action.due:
            return ""
        passed = action.is_open and last_day(action.due) < today
        return self.w("plan.was_due" if passed else "plan.due", date=self.date(action.due))

    def action_count(self, actions: Sequence[Action]) -> str:
        """ "8 actions: 3 done, 1 on track, 1 at risk, 1 delayed, 1 not started, 1 dropped": statuses with none left out."""
        counts = [(status, sum(1 for a in actions if a.status == status)) for status in COUNT_ORDER]
        said = [f"{count} {self.status(status)[:1].lower()}{self.status(status)[1:]}" for status, count in counts if count]
        return self.w("plan.count", actions=self.w.plural(len(actions), "plan.actions"), statuses=", ".join(said))

    def measure_target(self, measure: Measure) -> str:
        """ "Target: 2 minutes by March 2027." """
        if measure.target is None:
            return ""
        if measure.by:
            return self.w("measures.target_by", target=self.figure(measure.target), date=self.date(measure.by))
        return self.w("measures.target", target=self.figure(measure.target))

    def better(self, measure: Measure) -> str:
        """ "Higher is better." or "Lower is better."; nothing when the measure does not say."""
        return self.w(f"measures.better.{measure.better}") if measure.better else ""

    def baseline(self, measure: Measure) -> str:
        if measure.baseline is None:
            return ""
        if measure.baseline_period:
            return self.w("measures.baseline_period", figure=self.figure(measure.baseline), period=measure.baseline_period)
        return self.w("measures.baseline", figure=self.figure(measure.baseline))

    def no_results(self, measure: Measure) -> str:
        """ "No results yet. First results due March 2027." for a measure that has none."""
        if measure.first_results:
            return self.w("measures.first_due", date=self.date(measure.first_results))
        return self.w("measures.none_yet")

    # ------------------------------------------------------------ A to Z

    def sort_key(self, name: str) -> tuple:
        """A name as an A to Z in this language files it: case and accents aside ("Ŵyr" with the Ws,
        "Ærø" with the As). In Welsh, ch, dd, ff, ng, ll, ph, rh and th are letters of their own."""
        plain = _plain(name)
        if self.language != "cy":
            return (plain,)
        return tuple(_WELSH_ORDER.get(letter, 100 + ord(letter[0])) for letter in _welsh_letters(plain))

    def initial(self, name: str) -> str:
        """The letter a name is filed under: "Ŵyr" under W, "3D printing" under 0-9, anything else under #.
        In Welsh, "Llyfrgell" is under Ll."""
        plain = _plain(name).lstrip()
        first = (_welsh_letters(plain)[:1] or [""])[0] if self.language == "cy" else plain[:1]
        if first[:1].isalpha():
            return first[:1].upper() + first[1:]
        return "0-9" if first[:1].isdigit() else "#"

    def a_to_z(self, items: Iterable[T], attribute: str = "name") -> tuple[T, ...]:
        """Things in A to Z order of their names (or another attribute, like a glossary term's `term`),
        as a reader looks them up: pages and leaflets alike."""
        def key(item: T) -> tuple:
            name = getattr(item, attribute)
            return self.sort_key(name), name
        return tuple(sorted(items, key=key))

    def a_to_z_groups(self, items: Sequence[T]) -> list[tuple[str, list[T]]]:
        """Things in A to Z order, under the letter each is filed under."""
        groups: list[tuple[str, list[T]]] = []
        for item in self.a_to_z(items):
            letter = self.initial(item.name)
            if not groups or groups[-1][0] != letter:
                groups.append((letter, []))
            groups[-1][1].append(item)
        return groups


@functools.lru_cache(maxsize=4)
def presenter(language: str = "en") -> Presenter:
    """The presenter for a language (one per language, made once)."""
    return Presenter(words_for(language))


# Letters with no accent to take off, written the way an A to Z files them.
_AS_LETTERS = str.maketrans({"Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "Œ": "OE", "œ": "oe",
                             "ß": "ss", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d"})
_WELSH_ALPHABET = ("a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "l", "ll", "m", "n", "o",
                   "p", "ph", "r", "rh", "s", "t", "th", "u", "w", "y")
_WELSH_ORDER = {letter: index for index, letter in enumerate(_WELSH_ALPHABET)}
_WELSH_PAIRS = {letter for letter in _WELSH_ALPHABET if len(letter) == 2}


def _plain(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.translate(_AS_LETTERS)).encode("ascii", "ignore").decode()
    return (plain or name).casefold()


def _welsh_letters(text: str) -> list[str]:
    """Text as Welsh letters: "llyfrgell" is ll, y, f, r, g, e, ll."""
    letters, index = [], 0
    while index < len(text):
        pair = text[index:index + 2]
        if pair in _WELSH_PAIRS:
            letters.append(pair)
            index += 2
        else:
            letters.append(text[index])
            index += 1
    return letters


# ---------------------------------------------------------------- rules about the data, in no language

def complaint_standards(catalogue: Catalogue) -> tuple[Standard, ...]:
    """The standards about complaints (what happens next), wherever they are listed: a promise with one
    of the words for a complaint in the catalogue's language ("complain"; "cwyn", "gŵyn" in Welsh)."""
    words = [w.strip() for w in words_for(catalogue.language)("complaints.words").split(",")]
    # NFC, so that a "ŵ" typed as w and a combining circumflex is found too.
    return tuple(s for s in catalogue.standards if s.shown_at()
                 and any(w in unicodedata.normalize("NFC", s.promise).lower() for w in words))


def ways_to_complain(catalogue: Catalogue) -> dict[str, Any]:
    """How to complain, as listed below the council's own feedback text: the complaints and suggestions
    pages, and without the internet the main phone line, the first postal address and open offices.
    A route the text already gives (its web address, phone number or postcode) is not listed again."""
    text = catalogue.feedback.text if catalogue.feedback else ""
    phone = catalogue.main_phone
    post = next((c for c in catalogue.channels if c.type == "post"), None)
    complaints = catalogue.feedback.complaints if catalogue.feedback else ""
    suggestions = catalogue.feedback.suggestions if catalogue.feedback else ""
    return {"online": "" if gives_web_address(text, complaints) else complaints,
            "suggestions": "" if gives_web_address(text, suggestions) else suggestions,
            "phone": None if phone and gives_number(text, phone.number) else phone,
            "post": None if post and gives_postcode(text, post.postcode) else post,
            "offices": tuple(o for o in catalogue.offices if not o.is_closed)}


def gives_web_address(text: str, url: str) -> bool:
    """Whether a text already has this web address (with or without https:// and www., case aside)."""
    def plain(value: str) -> str:
        return re.sub(r"^(?:https?://)?(?:www\.)?", "", value.strip().casefold()).rstrip("/")
    return bool(url) and plain(url) in re.sub(r"https?://(?:www\.)?", "", text.casefold())


def gives_number(text: str, number: PhoneNumber | None) -> bool:
    """Whether a text already has this phone number, however it is spaced (01632 960000, 01632-960-000,
    +44 1632 960000)."""
    if number is None:
        return False
    digits = re.sub(r"\D", "", number.number)
    written = re.sub(r"(?<=\d)[\s().-]+(?=\d)", "", text).replace("+44(0)", "0").replace("+44", "0")
    return bool(digits) and re.search(rf"(?<!\d){digits}(?!\d)", written) is not None


def gives_postcode(text: str, postcode: str) -> bool:
    """Whether a text already has this postcode (spaces and case aside)."""
    plain = re.sub(r"\s", "", postcode).casefold()
    return bool(plain) and plain in re.sub(r"\s", "", text).casefold()


def bsl_at_offices(catalogue: Catalogue) -> tuple[tuple[Office, tuple[str, ...]], ...]:
    """Open offices whose facilities mention British Sign Language, with those facilities in the council's
    words: the accessibility statement offers BSL at an office only when the catalogue says so."""
    words = [w.strip() for w in words_for(catalogue.language)("accessibility.bsl_words").split(",")]
    found = []
    for office in catalogue.offices:
        said = tuple(f for f in office.facilities if any(_has_word(f, w) for w in words))
        if said and not office.is_closed:
            found.append((office, said))
    return tuple(found)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", unicodedata.normalize("NFC", text).casefold()) is not None


def help_offline(catalogue: Catalogue) -> tuple[Channel, ...]:
    """For an online-only service, who helps someone who cannot go online: the main phone line, or else
    every general way in that needs no internet (none: a library can help)."""
    phone = catalogue.main_phone
    return (phone,) if phone else catalogue.offline_channels
