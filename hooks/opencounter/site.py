"""The public site as a list of pages, each rendered from the Catalogue with a Jinja template.

No MkDocs here: hooks/pages.py hands these pages to MkDocs. Templates live in
overrides/opencounter/ (pages/ and components/), are autoescaped, and fail on unknown names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import jinja2

from . import urls
from .calendar import bank_holidays, months_ahead
from .channels import STANDARD_HEADINGS, groups_in_order
from .hours import DAY_NAMES
from .models import Catalogue, Office, Service
from .text import Glossary, render_inline_markdown, render_markdown
from .values import format_date, format_date_range, format_percent


@dataclass(frozen=True)
class PagePlan:
    """One generated page: where it goes, its title, and what its template needs."""

    src: str
    title: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    source_file: str = "services.yaml"
    in_nav: bool = False
    notice_ids: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return urls.url_of(self.src)


def plan_site(catalogue: Catalogue, leaflets: Sequence[Any] = ()) -> list[PagePlan]:
    """Every page the catalogue makes, in a stable order. With leaflets, a page listing them."""
    pages = [
        PagePlan(urls.HOME, catalogue.council.name, "home.html", in_nav=True),
        PagePlan(urls.SERVICES, "Services A to Z", "services.html", in_nav=True),
        PagePlan(urls.CATEGORIES, "Services by topic", "categories.html"),
        PagePlan(urls.CONTACT, "Contact us", "contact.html", in_nav=True),
        PagePlan(urls.STANDARDS, catalogue.standards_title, "standards.html", source_file="standards.yaml", in_nav=True),
    ]
    if catalogue.offices:
        pages.append(PagePlan(urls.OFFICES, "Offices", "offices.html", in_nav=True))
    pages.append(PagePlan(urls.ACCESSIBILITY, "Accessibility statement", "accessibility.html"))
    if leaflets:
        pages.append(PagePlan(urls.LEAFLETS, "Printed leaflets", "leaflets.html", in_nav=True))
    if catalogue.glossary:
        pages.append(PagePlan(urls.GLOSSARY, "Glossary", "glossary.html", source_file="standards.yaml", in_nav=True))
    for category in catalogue.categories:
        pages.append(PagePlan(urls.category(category.id), category.name, "category.html",
                              {"category": category}, in_nav=True, notice_ids=(category.id,)))
    for service in catalogue.services:
        pages.append(PagePlan(urls.service(service.id), service.name, "service.html", {"service": service},
                              notice_ids=(service.id, service.category.id)))
    for office in catalogue.offices:
        pages.append(PagePlan(urls.office(office.id), office.name, "office.html", {"office": office},
                              notice_ids=(office.id,)))
    return pages


class SiteRenderer:
    """Renders page bodies (everything below the H1) and adds notices and glossary terms."""

    def __init__(self, catalogue: Catalogue, template_dir: Path, site_url: str = "", leaflets: Sequence[Any] = ()):
        self.catalogue = catalogue
        self.leaflets = list(leaflets)
        self.site_url = site_url
        self.glossary = Glossary([(g.term, g.meaning) for g in catalogue.glossary])
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)), autoescape=True,
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(
            markdown=render_markdown, inline_markdown=render_inline_markdown, date=format_date,
            date_range=format_date_range, percent=format_percent, short_url=urls.short_url, term_anchor=self.glossary.anchor_of)
        self.env.tests["contains_word"] = lambda words, part: any(part in w.lower() for w in words)
        self.env.globals.update(
            catalogue=catalogue, council=catalogue.council, urls=urls, day_names=DAY_NAMES,
            upcoming=lambda office: closures_coming_up(catalogue, office), access_text=ACCESS_TEXT,
            channel_groups=groups_in_order(), standard_headings=STANDARD_HEADINGS,
            leaflets=self.leaflets, leaflets_for=self.leaflets_for)

    def render(self, plan: PagePlan) -> str:
        """The body of a generated page, as HTML."""
        template = self.env.get_template(f"pages/{plan.template}")
        return template.render(page_url=plan.url, link=_linker(plan.url), plan=plan, **plan.context)

    def decorate(self, html: str, page_url: str, notice_ids: tuple[str, ...] = (), title: str = "") -> str:
        """Add the notices for this page above the text, and explain glossary terms it uses."""
        notices = self.catalogue.notices_for() + (self.catalogue.notices_for(*notice_ids) if notice_ids else ())
        skip = {title.lower()} if title else set()
        if page_url == urls.url_of(urls.GLOSSARY):
            skip |= set(self.glossary.terms)
        html, used = self.glossary.link_terms(html, skip)
        parts = self.env.get_template("components/page_extras.html").render(
            notices=notices, terms=used, link=_linker(page_url), page_url=page_url)
        top, _, bottom = parts.partition("<!-- body -->")
        head, h1_end, rest = html.partition("</h1>")
        if h1_end:
            return head + h1_end + top + rest + bottom
        return top + html + bottom

    # ------------------------------------------------------------ helpers for templates

    def leaflets_for(self, page_src: str) -> list[Any]:
        """The leaflets (both editions) that belong to a web page."""
        return [leaflet for leaflet in self.leaflets if leaflet.plan.page_src == page_src]


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


def _linker(page_url: str):
    def link(target_src_or_url: str) -> str:
        target = urls.url_of(target_src_or_url) if target_src_or_url.endswith(".md") else target_src_or_url
        return urls.relative(page_url, target)
    return link


ACCESS_TEXT = {
    "walk-in": "You can walk in. You do not need an appointment.",
    "appointment": "By appointment only. Contact us to book before you visit.",
    "closed": "This office is closed.",
}

__all__ = ["PagePlan", "SiteRenderer", "plan_site", "closures_coming_up"]
