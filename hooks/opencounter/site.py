"""The public site as a list of pages, each rendered from the Catalogue with a Jinja template.

No MkDocs here: hooks/pages.py hands these pages to MkDocs. Templates live in
overrides/opencounter/ (pages/ and components/), are autoescaped, and fail on unknown names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import jinja2

from . import urls
from .channels import STANDARD_HEADINGS, groups_in_order
from .hours import DAY_NAMES
from .models import Catalogue
from .present import a_to_z, a_to_z_groups, access_text, closures_coming_up, target_to_show
from .text import Glossary, render_inline_markdown, render_markdown
from .values import format_date, format_date_range, format_percent
from .words import words as words_for


NOTICES = "<!-- oc-notices -->"

# The Leaflets page's groups, and the kinds of leaflet (leaflet_plan.py) in each.
LEAFLET_GROUPS = {"contacting-us": ("contact", "standards"), "services": ("index", "services"), "offices": ("office",)}
LEAFLET_QUESTIONS = ("contact", "services", "index", "office", "standards")


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
    description: str = ""  # for search engines and link previews: the page's summary
    keywords: tuple[str, ...] = ()  # words people search for: in the search index, not on the page

    @property
    def url(self) -> str:
        return urls.url_of(self.src)


def plan_site(catalogue: Catalogue, leaflets: Sequence[Any] = ()) -> list[PagePlan]:
    """Every page the catalogue makes, in a stable order. With leaflets, a page listing them."""
    name = catalogue.council.name
    pages = [
        PagePlan(urls.HOME, name, "home.html", in_nav=True,
                 description=catalogue.council.tagline or f"How to use {name}'s services, get in touch and visit us."),
        PagePlan(urls.SERVICES, "Services A to Z", "services.html", in_nav=True,
                 description=f"Every service {name} offers, from A to Z."),
        PagePlan(urls.CATEGORIES, "Services by topic", "categories.html",
                 description=f"{name}'s services, grouped by topic."),
        PagePlan(urls.CONTACT, "Contact us", "contact.html", in_nav=True,
                 description=f"Phone numbers, email, addresses, help if you are deaf, and how to complain to {name}."),
        PagePlan(urls.STANDARDS, catalogue.standards_title, "standards.html", source_file="standards.yaml", in_nav=True,
                 description=f"What {name} promises when you contact us, and how often we keep our promises."),
    ]
    if catalogue.offices:
        pages.append(PagePlan(urls.OFFICES, "Offices", "offices.html", in_nav=True,
                              description=f"Where to see {name} in person, and when our offices are open."))
    pages.append(PagePlan(urls.ACCESSIBILITY, "Accessibility statement", "accessibility.html",
                          description=f"How accessible {name}'s website is, and how to report a problem."))
    if leaflets:
        pages.append(PagePlan(urls.LEAFLETS, "Printed leaflets", "leaflets.html", in_nav=True,
                              description=f"Leaflets to print about {name}'s services, in standard and large print."))
    if catalogue.glossary:
        pages.append(PagePlan(urls.GLOSSARY, "Glossary", "glossary.html", source_file="standards.yaml", in_nav=True,
                              description="What the words we use mean."))
    for category in catalogue.categories:
        pages.append(PagePlan(urls.category(category.id), category.name, "category.html",
                              {"category": category}, in_nav=True, notice_ids=(category.id,),
                              description=category.summary or f"{category.name}: services from {name}."))
    for service in catalogue.services:
        pages.append(PagePlan(urls.service(service.id), service.name, "service.html", {"service": service},
                              notice_ids=(service.id, service.category.id), description=service.summary,
                              keywords=service.keywords))
    for office in catalogue.offices:
        pages.append(PagePlan(urls.office(office.id), office.name, "office.html", {"office": office},
                              notice_ids=(office.id,),
                              description=f"{office.name}, {', '.join(office.address)}, {office.postcode}: "
                                          "opening hours, closures and how to get there."))
    return pages


class SiteRenderer:
    """Renders page bodies (everything below the H1) and adds notices and glossary terms."""

    def __init__(self, catalogue: Catalogue, template_dir: Path, site_url: str = "", leaflets: Sequence[Any] = ()):
        self.catalogue = catalogue
        self.leaflets = list(leaflets)
        self.site_url = site_url
        self.glossary = Glossary([(g.term, g.meaning) for g in catalogue.glossary])
        words = words_for("en")
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)), autoescape=True,
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(
            markdown=render_markdown, inline_markdown=render_inline_markdown, date=format_date,
            date_range=format_date_range, percent=format_percent, short_url=urls.short_url, term_anchor=self.glossary.anchor_of)
        self.env.tests["contains_word"] = lambda words, part: any(part in w.lower() for w in words)
        self.env.tests["contains_text"] = lambda text, part: part.lower() in (text or "").lower()
        self.env.globals.update(
            catalogue=catalogue, council=catalogue.council, urls=urls, day_names=DAY_NAMES,
            upcoming=lambda office: closures_coming_up(catalogue, office), access_text=lambda o: access_text(o, words),
            target_to_show=target_to_show, a_to_z=a_to_z, a_to_z_groups=a_to_z_groups,
            channel_groups=groups_in_order(), standard_headings=STANDARD_HEADINGS,
            leaflets=self.leaflets, leaflets_for=self.leaflets_for, first_sentence=first_sentence,
            leaflet_groups=self.leaflet_groups, leaflet_questions=self.leaflet_questions,
            edition_name=lambda leaflet: words(f"edition.{leaflet.edition.slug}"))

    def render(self, plan: PagePlan) -> str:
        """The body of a generated page, as HTML."""
        template = self.env.get_template(f"pages/{plan.template}")
        return template.render(page_url=plan.url, link=_linker(plan.url), plan=plan, **plan.context)

    def decorate(self, html: str, page_url: str, notice_ids: tuple[str, ...] = (), title: str = "") -> str:
        """Mark where the notices go, and explain the glossary terms the page uses.

        Notices go below the page's own summary (a template may place NOTICES itself, after safety
        text); they are filled in by `fill_notices` once search has indexed the page, so search finds
        a notice once, on the home page, not on every page it is shown on.
        """
        skip = {title.lower()} if title else set()
        if page_url == urls.url_of(urls.GLOSSARY):
            skip |= set(self.glossary.terms)
        html, used = self.glossary.link_terms(html, skip)
        terms = self.env.get_template("components/page_extras.html").render(
            terms=used, link=_linker(page_url), page_url=page_url)
        if NOTICES not in html:
            head, h1_end, rest = html.partition("</h1>")
            if not h1_end:
                head, h1_end, rest = "", "", html
            summary_end = rest.find("</p>")
            if 0 <= summary_end and not rest[:summary_end].lstrip().startswith(("<h", "<div", "<ul")):
                rest = rest[:summary_end + 4] + NOTICES + rest[summary_end + 4:]
            else:
                rest = NOTICES + rest
            html = head + h1_end + rest
        return html + terms

    def fill_notices(self, output: str, page_url: str, notice_ids: tuple[str, ...] = ()) -> str:
        """The finished page with its current notices in place: short, the rest of a long one a tap away."""
        if NOTICES not in output:
            return output
        notices = () if page_url == urls.url_of(urls.HOME) else self.catalogue.notices_for()
        notices += self.catalogue.notices_for(*notice_ids) if notice_ids else ()
        html = self.env.get_template("components/notices.html").render(notices=notices) if notices else ""
        return output.replace(NOTICES, html, 1)

    # ------------------------------------------------------------ helpers for templates

    def leaflets_for(self, page_src: str) -> list[Any]:
        """The leaflets (both editions) that belong to a web page."""
        return [leaflet for leaflet in self.leaflets if leaflet.plan.page_src == page_src]

    def leaflet_groups(self) -> list[dict[str, Any]]:
        """The leaflets as the Leaflets page lists them: contacting us, services, offices; both editions a row."""
        words = words_for("en")
        rows: dict[str, dict[str, Any]] = {}
        for leaflet in self.leaflets:
            rows.setdefault(leaflet.plan.slug, {"plan": leaflet.plan, "leaflets": []})["leaflets"].append(leaflet)
        groups = []
        for group_id, kinds in LEAFLET_GROUPS.items():
            members = [row for row in rows.values() if row["plan"].kind in kinds]
            if members:
                groups.append({"id": group_id, "heading": words(f"leaflets.group.{group_id}"),
                               "lede": words(f"leaflets.group.{group_id}.lede"), "rows": members,
                               "editions": [f"{words(f'edition.{e.slug}')} ({words(f'edition.{e.slug}.size')})"
                                            for e in (l.edition for l in members[0]["leaflets"])]})
        return groups

    def leaflet_questions(self) -> list[tuple[str, str]]:
        """What to print for the questions people ask at a library desk."""
        words = words_for("en")
        kinds: dict[str, Any] = {}
        for leaflet in self.leaflets:
            kinds.setdefault(leaflet.plan.kind, leaflet.plan)  # a split leaflet answers by its whole title
        return [(words(f"leaflets.question.{kind}"), words(f"leaflets.answer.{kind}", title=kinds[kind].whole_title))
                for kind in LEAFLET_QUESTIONS if kind in kinds]


def first_sentence(text: str) -> tuple[str, str]:
    """A notice split after its first sentence, when it has more: (first, rest)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text.strip(), maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (text.strip(), "")


def _linker(page_url: str):
    def link(target_src_or_url: str) -> str:
        target = urls.url_of(target_src_or_url) if target_src_or_url.endswith(".md") else target_src_or_url
        return urls.relative(page_url, target)
    return link


__all__ = ["PagePlan", "SiteRenderer", "plan_site"]
