"""The validated catalogue: what the council publishes, every reference resolved.

Built only from a catalogue with no problems; pages and leaflets both render from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterable

from .channels import CHANNEL_TYPES, ChannelType
from .hours import OpeningHours
from .values import Figure, Month, PhoneNumber


def general_channels(channels: tuple[Channel, ...]) -> tuple[Channel, ...]:
    """The first phone, email, post and relay channels: for services that name none of their own.

    Only the first of each kind, so that a line such as out-of-hours emergencies is not offered
    for everything.
    """
    chosen: dict[str, Channel] = {}
    for channel in channels:
        if channel.kind.general:
            chosen.setdefault(channel.type, channel)
    return tuple(c for c in channels if c in chosen.values())


@dataclass(frozen=True)
class Council:
    name: str
    website: str
    nation: str
    tagline: str = ""
    call_charges: str = ""
    popular: tuple[str, ...] = ()  # service ids, in the order given
    extra_help: str = ""  # Markdown
    languages: tuple[str, ...] = ("en",)  # format 1.2: the languages it publishes in, the main one first
    area: str = ""  # format 1.3: the place it serves (JSON-LD areaServed, Open Referral service areas); "": none claimed


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    summary: str = ""


@dataclass(frozen=True)
class Channel:
    """A way to reach the council: a phone line, an inbox, a web form, an address."""

    id: str
    type: str
    name: str
    number: PhoneNumber | None = None
    url: str = ""
    email: str = ""
    address: tuple[str, ...] = ()
    postcode: str = ""
    opening_hours: OpeningHours | None = None
    description: str = ""  # Markdown
    languages: tuple[str, ...] = ()  # format 1.2: served in these languages only (empty: in every language)

    @property
    def kind(self) -> ChannelType:
        return CHANNEL_TYPES[self.type]

    @property
    def needs_internet(self) -> bool:
        offline = self.kind.offline
        return not (offline is True or (offline == "number" and self.number))  # BSL by app or web is online

    @property
    def number_link(self) -> str:
        """The link that dials (tel:) or texts (sms:) the number."""
        if not self.number:
            return ""
        return self.number.sms if self.kind.link == "sms" else self.number.tel


@dataclass(frozen=True)
class Closure:
    start: date
    end: date
    reason: str = ""


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    address: tuple[str, ...]
    postcode: str
    access: str  # walk-in | appointment | walk-in-and-appointment (1.3) | closed
    opening_hours: OpeningHours | None = None
    closures: tuple[Closure, ...] = ()
    facilities: tuple[str, ...] = ()
    directions: str = ""  # Markdown
    phone: PhoneNumber | None = None
    latitude: float | None = None
    longitude: float | None = None
    notice: str = ""
    instead: tuple[str, ...] = ()  # office ids: where to go while this one is closed

    @property
    def is_closed(self) -> bool:
        return self.access == "closed"


@dataclass(frozen=True)
class OnlineAction:
    label: str
    url: str


@dataclass(frozen=True)
class ServicePromise:
    """A standard that applies to one service alone."""

    promise: str
    target: str = ""


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    category: Category
    summary: str
    description: str = ""  # Markdown
    online: tuple[OnlineAction, ...] = ()
    contact: tuple[Channel, ...] = ()
    offices: tuple[Office, ...] = ()
    standards: tuple[ServicePromise, ...] = ()
    keywords: tuple[str, ...] = ()
    status: str = "active"
    reviewed: date | None = None
    owner: str = ""
    uses_council_contacts: bool = False  # no `contact` given: the council's general channels apply

    @property
    def offline_channels(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.contact if not c.needs_internet)

    @property
    def open_offices(self) -> tuple[Office, ...]:
        return tuple(o for o in self.offices if not o.is_closed)

    @property
    def reachable_offline(self) -> bool:
        """Digital by choice: can someone without the internet use this service?"""
        return bool(self.offline_channels or self.open_offices)


@dataclass(frozen=True)
class Notice:
    text: str  # Markdown
    start: date | None = None
    end: date | None = None
    level: str = "info"
    on: tuple[str, ...] = ()  # ids; empty means everywhere

    def is_current(self, today: date) -> bool:
        return (self.start is None or self.start <= today) and (self.end is None or today <= self.end)


@dataclass(frozen=True)
class Standard:
    id: str
    channel: str
    promise: str
    target: str = ""
    detail: str = ""  # Markdown
    share: Decimal | None = None  # format 1.3: the share of contacts the target is for (80)
    offices: tuple[Office, ...] = ()  # format 1.3: a standard at these offices only (empty: everywhere)

    def shown_at(self, offices: Iterable[Office] = ()) -> bool:
        """The rule for where a standard is shown, outside the standards page (which lists every one): a
        standard for some offices only on the pages and leaflets of those offices and of the services
        offered at them; any other standard wherever its way of contacting us is."""
        if not self.offices:
            return True
        ids = {o.id for o in offices}
        return any(o.id in ids for o in self.offices)


@dataclass(frozen=True)
class Measure:
    """A published figure that is not a standard's target, such as customer satisfaction."""

    id: str
    name: str
    description: str = ""  # Markdown
    unit: str = ""  # format 1.3: percent | number | minutes | seconds | score ("" as in 1.1)
    out_of: Decimal | None = None  # a score's top mark
    better: str = ""  # higher | lower ("" says nothing about direction)
    target: Figure | None = None
    by: date | Month | None = None  # when the target is for
    baseline: Figure | None = None
    baseline_period: str = ""
    first_results: date | Month | None = None  # when a measure with no results yet reports first

    def met(self, figure: Figure) -> bool | None:
        """Whether a result meets the target: only said when the measure has a target and says which way is better."""
        if self.target is None or not self.better:
            return None
        return figure.value >= self.target.value if self.better == "higher" else figure.value <= self.target.value


# ---------------------------------------------------------------- the strategy and the plan (format 1.3)

@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    summary: str = ""  # Markdown


@dataclass(frozen=True)
class HeardPoint:
    """What residents said when asked, as they said it: "You want one login"."""

    id: str
    text: str


@dataclass(frozen=True)
class Strategy:
    title: str
    start: date | Month | None = None
    end: date | Month | None = None
    approved: date | Month | None = None
    approved_by: str = ""
    vision: str = ""  # Markdown
    papers: str = ""  # the committee papers
    themes: tuple[Theme, ...] = ()
    heard_when: str = ""
    heard: tuple[HeardPoint, ...] = ()


OPEN_STATUSES = ("not-started", "on-track", "at-risk", "delayed")


@dataclass(frozen=True)
class Action:
    id: str
    title: str
    status: str  # not-started | on-track | at-risk | delayed | done | dropped
    theme: Theme | None = None
    heard: HeardPoint | None = None
    due: date | Month | None = None
    progress: Decimal | None = None
    update: str = ""  # Markdown
    services: tuple[str, ...] = ()  # service ids
    offices: tuple[str, ...] = ()  # office ids

    @property
    def is_open(self) -> bool:
        """Not done and not dropped: what is still changing."""
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class Plan:
    updated: date
    actions: tuple[Action, ...]
    update_every: str = "year"  # month | quarter | year
    owner: str = ""


@dataclass(frozen=True)
class Result:
    """Published performance for one period: against a standard, or for a measure."""

    standard: Standard | None
    period: str
    result: Figure
    goal: Decimal | None = None
    measure: Measure | None = None

    @property
    def subject(self) -> str:
        """What the figure is about: the standard's promise or the measure's name."""
        return self.standard.promise if self.standard else self.measure.name

    @property
    def met_goal(self) -> bool | None:
        return None if self.goal is None else self.result.value >= self.goal


@dataclass(frozen=True)
class Feedback:
    complaints: str = ""
    suggestions: str = ""
    text: str = ""  # Markdown


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    meaning: str


@dataclass(frozen=True)
class Accessibility:
    """What the accessibility statement says: compliance, known problems, who to tell."""

    status: str = "full"  # full | partial | not
    problems: tuple[str, ...] = ()  # Markdown
    email: str = ""
    phone: PhoneNumber | None = None
    response_days: str = ""
    prepared: date | None = None
    reviewed: date | None = None


@dataclass(frozen=True)
class Catalogue:
    """Everything in services.yaml and standards.yaml, checked and linked up."""

    council: Council
    categories: tuple[Category, ...]
    channels: tuple[Channel, ...]
    offices: tuple[Office, ...]
    services: tuple[Service, ...]
    notices: tuple[Notice, ...]
    promises: tuple[str, ...]
    standards: tuple[Standard, ...]
    introduction: str = ""
    ask_of_you: tuple[str, ...] = ()
    feedback: Feedback | None = None
    performance: tuple[Result, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    accessibility: Accessibility = Accessibility()
    build_date: date = field(default_factory=date.today)
    standards_title: str = "Our customer service standards"
    adopted: date | Month | None = None  # format 1.3: a month when only the month is known
    next_review: date | Month | None = None
    measures: tuple[Measure, ...] = ()
    strategy: Strategy | None = None  # format 1.3
    plan: Plan | None = None  # format 1.3
    language: str = "en"  # the language this catalogue's words are in (one of council.languages)

    @property
    def popular_services(self) -> tuple[Service, ...]:
        """The council's chosen `popular` services; otherwise the first open service of each topic (8 at most)."""
        if self.council.popular:
            by_id = {s.id: s for s in self.services}
            return tuple(by_id[i] for i in self.council.popular)
        seen, result = set(), []
        for service in self.services:
            if service.category.id not in seen and service.status == "active":
                seen.add(service.category.id)
                result.append(service)
        return tuple(result[:8])

    def offices_instead(self, office: Office) -> tuple[Office, ...]:
        """Where to go while a closed office is closed (nothing for an open one)."""
        if not office.is_closed:
            return ()
        by_id = {o.id: o for o in self.offices}
        return tuple(by_id[i] for i in office.instead)

    def results_for(self, subject: Standard | Measure) -> tuple[Result, ...]:
        """Every published result for one standard or measure, in the order given."""
        return tuple(r for r in self.performance if subject in (r.standard, r.measure))

    @property
    def measured(self) -> tuple[Standard | Measure, ...]:
        """Standards and measures that have results, in the order they first appear in performance."""
        seen: list = []
        for result in self.performance:
            subject = result.standard or result.measure
            if subject not in seen:
                seen.append(subject)
        return tuple(seen)

    def services_in(self, category: Category) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.category.id == category.id)

    def services_at(self, office: Office) -> tuple[Service, ...]:
        return tuple(s for s in self.services if any(o.id == office.id for o in s.offices))

    def standards_for(self, service: Service) -> tuple[Standard, ...]:
        """The council-wide standards for the ways in a service offers: each channel's own (a phone
        line's, not voicemail's), and visiting if it has an open office; and (format 1.3) every standard
        for an open office the service is offered at. The standards for every contact ("any") are on the
        standards page, one link away, not repeated on every service."""
        wanted = set()
        for channel in service.contact:
            wanted.add(channel.kind.standards[0])
        if service.open_offices:
            wanted.add("in-person")
        return tuple(s for s in self.standards if s.shown_at(service.open_offices)
                     and (s.channel in wanted or s.offices))

    def standards_about(self, *channels: str) -> tuple[Standard, ...]:
        """The standards for these ways of contacting us (their `channel`), as the contact page and leaflet
        list them: not those for some offices only, which are shown at those offices."""
        return tuple(s for s in self.standards if s.channel in channels and s.shown_at())

    def standards_at(self, office: Office) -> tuple[Standard, ...]:
        """The standards for this office (format 1.3 `offices:`), for its page and leaflet."""
        return tuple(s for s in self.standards if s.offices and s.shown_at((office,)))

    def notices_for(self, *ids: str) -> tuple[Notice, ...]:
        """Current notices aimed at any of these ids (pass no ids for the ones shown everywhere)."""
        wanted = set(ids)
        return tuple(n for n in self.notices if n.is_current(self.build_date)
                     and ((not n.on and not wanted) or wanted.intersection(n.on)))

    @property
    def current_notices(self) -> tuple[Notice, ...]:
        """Every notice shown today, wherever it is aimed: the home page lists them all."""
        return tuple(n for n in self.notices if n.is_current(self.build_date))

    def notices_on(self, *ids: str, office: Office | None = None) -> tuple[tuple[Notice, ...], tuple[Notice, ...]]:
        """The current notices a page or leaflet shows, as (first, after_hours); each is shown in full.

        `ids` are what the page is about (its office, service or category). Notices aimed at them come
        first, under the page's summary. The notices for everywhere come next on most pages; but on a
        page or leaflet about one `office` they come only after the office's own hours and closures
        (`after_hours`), as they may be about another place ("Riverside House closes ..."). A notice
        aimed at one office is never shown on another office's page or leaflet. The home page lists
        every current notice in a section of its own instead.
        """
        aimed = self.notices_for(*ids) if ids else ()
        everywhere = tuple(n for n in self.notices_for() if n not in aimed)
        return (aimed, everywhere) if office is not None else (aimed + everywhere, ())

    def upcoming_closures(self, office: Office, days: int | None = None) -> tuple[Closure, ...]:
        """Closures that have not ended yet, optionally only those starting within `days`."""
        result = []
        for closure in office.closures:
            if closure.end < self.build_date:
                continue
            if days is not None and (closure.start - self.build_date).days > days:
                continue
            result.append(closure)
        return tuple(sorted(result, key=lambda c: c.start))

    @property
    def general_channels(self) -> tuple[Channel, ...]:
        return general_channels(self.channels)

    @property
    def offline_channels(self) -> tuple[Channel, ...]:
        """Where someone without the internet can get help: the general channels that need no internet."""
        return tuple(c for c in self.general_channels if not c.needs_internet)

    @property
    def every_service_offline(self) -> bool:
        return all(s.reachable_offline for s in self.services)

    @property
    def main_phone(self) -> Channel | None:
        return next((c for c in self.channels if c.type == "phone"), None)
