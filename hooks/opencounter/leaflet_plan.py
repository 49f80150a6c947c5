"""Which leaflets a catalogue makes, in which print sizes, and how a long one is split.

Leaflets are split the way a resident asks for them: one services leaflet per topic (numbered,
so the A to Z index can say which to take), one visiting leaflet per office, and one each for
contacting the council and its standards. A services leaflet (or the index) that would run past
the page limit is split into parts by letter: "Housing: A to K", "Housing: L to Z".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence

from . import urls
from .models import Catalogue
from .plans import plan_title
from .present import presenter
from .words import Words, words as words_for


@dataclass(frozen=True)
class Edition:
    """A print size. Sizes are in points; `smallest` is the least any text on the page may be.
    `pages` is the most pages a leaflet may have in it; `qr` is the QR code's width in mm."""

    slug: str
    body: float
    smallest: float
    pages: int
    qr: float

    @property
    def large(self) -> bool:
        return self is LARGE_PRINT


STANDARD = Edition("standard", 14, 12, 24, 40)
LARGE_PRINT = Edition("large-print", 18, 16, 36, 44)
EDITIONS = (STANDARD, LARGE_PRINT)

# The kinds of leaflet, in the order the Leaflets page lists their groups.
CONTACT, STANDARDS, INDEX, SERVICES, OFFICE = "contact", "standards", "index", "services", "office"
PLAN = "plan"  # format 1.3: the strategy and its action plan
SPLITTABLE = (SERVICES, INDEX)
PART = "--part-"  # in the name of a part of a split leaflet: services-housing--part-1


@dataclass(frozen=True)
class LeafletPlan:
    """One leaflet: its file name, title, kind, the web page it belongs to, and what it covers.

    context: for a services leaflet its "category", "services" (the home page's most used ones first,
    the council's `popular` list in its order, then A to Z), "popular" (those ids), "number" ("3", or "3A" for a part) and
    "part" ("A to K", or ""); for the index its "services" (A to Z) and "part", and
    "topics", the services leaflets it points to; for a visiting leaflet its "office".
    """

    slug: str
    title: str
    kind: str
    page_src: str  # the matching web page's source path
    context: Mapping[str, Any] = field(default_factory=dict)
    footer: str = ""  # the running footer, when it should say more than the title ("Services leaflet 3: Housing")

    def file_name(self, edition: Edition) -> str:
        """visiting-main-office.pdf, or large-print/visiting-main-office.pdf: an edition other than the
        standard one has a folder of its own, so no id (even one ending -large-print) makes a clash."""
        folder = "" if edition is STANDARD else f"{edition.slug}/"
        return f"{folder}{self.slug}.pdf"

    @property
    def number(self) -> str:
        return self.context.get("number", "")

    @property
    def qr_src(self) -> str:
        """The web page the leaflet's QR code opens: its own page, but for a leaflet about one service, that
        service's page (not its topic's)."""
        services = self.context.get("services", ())
        if self.kind == SERVICES and len(services) == 1:
            return urls.service(services[0].id)
        return self.page_src

    @property
    def whole_title(self) -> str:
        """The title of the leaflet this one is a part of (its own title if it is not split)."""
        return self.context.get("whole_title", self.title)


def plan_leaflets(catalogue: Catalogue, words: Words | None = None) -> list[LeafletPlan]:
    """Every leaflet the catalogue makes, whole (before any is split), in a stable order.

    The index comes without its "topics": the maker fills them in once the services leaflets
    have been split (see `with_topics`).
    """
    w = words or words_for(catalogue.language)
    say = presenter(w.language)
    plans = [
        LeafletPlan("how-to-contact-us", w("leaflet.contact.title"), CONTACT, urls.CONTACT),
        LeafletPlan("customer-service-standards", catalogue.standards_title, STANDARDS, urls.STANDARDS),
        LeafletPlan("a-to-z-of-services", w("leaflet.index.title"), INDEX, urls.SERVICES,
                    {"services": say.a_to_z(catalogue.services), "part": "", "topics": ()}),
    ]
    if catalogue.plan or catalogue.strategy:
        plans.append(LeafletPlan("our-plan", plan_title(catalogue, say), PLAN, urls.PLAN))
    popular = tuple(s.id for s in catalogue.popular_services)  # the home page's "Most used services"
    topics = [(c, popular_first(say.a_to_z(catalogue.services_in(c)), popular)) for c in catalogue.categories]
    for number, (category, services) in enumerate([t for t in topics if t[1]], start=1):  # no gaps in the numbers
        plans.append(LeafletPlan(f"services-{category.id}", category.name, SERVICES, urls.category(category.id),
                                 {"category": category, "services": services, "popular": popular,
                                  "number": str(number), "part": ""},
                                 footer=w("leaflet.services.footer", number=number, title=category.name)))
    for office in catalogue.offices:
        title = w("leaflet.office.closed_title" if office.is_closed else "leaflet.office.title", office=office.name)
        plans.append(LeafletPlan(f"visiting-{office.id}", title, OFFICE, urls.office(office.id), {"office": office}))
    return plans


def split(plan: LeafletPlan, parts: int, words: Words | None = None) -> list[LeafletPlan]:
    """A services leaflet (or the index) split into `parts` leaflets by letter, each about the same size.

    Cuts fall between letters where that keeps the parts near the same size, so a letter is
    mostly in one part; each part says which letters it covers ("A to K").
    """
    w = words or words_for("en")
    say = presenter(w.language)
    initial = say.initial
    services = say.a_to_z(plan.context["services"])  # cut by letter; each part puts its popular ones first again
    parts = max(1, min(parts, len(services)))
    if parts == 1:
        return [plan]
    cuts = _cuts([initial(s.name) for s in services], parts)
    result = []
    for index, (start, end) in enumerate(zip([0, *cuts], [*cuts, len(services)])):
        chunk = services[start:end]
        first, last = initial(chunk[0].name), initial(chunk[-1].name)
        chunk = popular_first(chunk, plan.context.get("popular", ()))
        letters = first if first == last else w("leaflet.part.letters", first=first, last=last)
        number = f"{plan.number}{chr(ord('A') + index)}" if plan.number else ""
        title = w("leaflet.part.title", title=plan.title, letters=letters)
        footer = w("leaflet.services.footer", number=number, title=title) if number else ""
        # "--" never appears in an id, so a part never has the name of another leaflet (a topic "x-part-1").
        result.append(replace(plan, slug=f"{plan.slug}{PART}{index + 1}", title=title, footer=footer,
                              context={**plan.context, "services": chunk, "number": number, "part": letters,
                                       "part_of": (index + 1, parts), "whole_title": plan.title}))
    return result


def popular_first(services: Sequence[Any], popular: Sequence[str]) -> tuple[Any, ...]:
    """Services with the council's `popular` ones first, in the order it lists them, then the rest as they are
    (A to Z): a topic leaflet starts with what people most often ask for."""
    rank = {service_id: index for index, service_id in enumerate(popular)}
    return tuple(sorted(services, key=lambda s: rank.get(s.id, len(rank))))  # sorted() keeps the rest's order


def _cuts(letters: list[str], parts: int) -> list[int]:
    """Where to cut a list into `parts` runs of near-equal length, moved to a change of letter if one is near."""
    size = len(letters) / parts
    cuts: list[int] = []
    for n in range(1, parts):
        ideal = round(n * size)
        window = max(1, math.floor(size / 4))
        candidates = [i for i in range(max(1, ideal - window), min(len(letters) - 1, ideal + window) + 1)
                      if letters[i] != letters[i - 1]]
        cut = min(candidates, key=lambda i: (abs(i - ideal), i)) if candidates else ideal
        cut = max(cut, (cuts[-1] + 1) if cuts else 1)
        cuts.append(min(cut, len(letters) - (parts - n)))
    return cuts


def with_topics(index: LeafletPlan, topics: Sequence[LeafletPlan]) -> LeafletPlan:
    """The index, told which services leaflet each service is in."""
    return replace(index, context={**index.context, "topics": tuple(topics)})
