"""The public site as a list of pages, each rendered from the Catalogue with a Jinja template.

No MkDocs here: hooks/adapter.py hands these pages to MkDocs. Templates live in
overrides/opencounter/ (pages/ and components/), are autoescaped, and fail on unknown names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import jinja2
from markupsafe import Markup, escape

from . import urls
from .models import Catalogue, Notice
from .opennow import OpenNowData
from .plans import has_plan, measures_over_time, plan_page, plan_title, what_is_changing
from .present import bsl_at_offices, complaint_standards, help_offline, presenter, ways_to_complain
from .text import Glossary, render_inline_markdown, render_markdown
from .values import format_percent
from .words import words as words_for


NOTICES = "<!-- oc-notices -->"
NOTICES_AFTER_HOURS = "<!-- oc-notices-after-hours -->"  # an office page: notices for everywhere, after its hours

# The Leaflets page's groups, and the kinds of leaflet (leaflet_plan.py) in each.
LEAFLET_GROUPS = {"contacting-us": ("contact", "standards", "plan"), "services": ("index", "services"), "offices": ("office",)}
LEAFLET_QUESTIONS = ("contact", "services", "index", "office", "standards", "plan")


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
    """Every page the catalogue makes, in a stable order, in the catalogue's language. With leaflets, a
    page listing them."""
    w = words_for(catalogue.language)
    name = catalogue.council.name
    pages = [
        PagePlan(urls.HOME, name, "home.html", in_nav=True,
                 description=catalogue.council.tagline or w("page.home.description", council=name)),
        PagePlan(urls.SERVICES, w("page.services.title"), "services.html", in_nav=True,
                 description=w("page.services.description", council=name)),
        PagePlan(urls.CATEGORIES, w("page.categories.title"), "categories.html",
                 description=w("page.categories.description", council=name)),
        PagePlan(urls.CONTACT, w("page.contact.title"), "contact.html", in_nav=True,
                 description=w("page.contact.description", council=name)),
        PagePlan(urls.STANDARDS, catalogue.standards_title, "standards.html", source_file="standards.yaml", in_nav=True,
                 description=w("page.standards.description" if catalogue.performance else "page.standards.description.no_results",
                               council=name)),
    ]
    if has_plan(catalogue):
        pages.append(PagePlan(urls.PLAN, plan_title(catalogue, presenter(catalogue.language)), "plan.html",
                              source_file="standards.yaml", in_nav=True,
                              description=w("plan.description", council=name)))
    if catalogue.offices:
        pages.append(PagePlan(urls.OFFICES, w("page.offices.title"), "offices.html", in_nav=True,
                              notice_ids=tuple(o.id for o in catalogue.offices),  # notices for any office
                              description=w("page.offices.description", council=name)))
    pages.append(PagePlan(urls.ACCESSIBILITY, w("page.accessibility.title"), "accessibility.html",
                          description=w("page.accessibility.description", council=name)))
    if leaflets:
        pages.append(PagePlan(urls.LEAFLETS, w("page.leaflets.title"), "leaflets.html", in_nav=True,
                              description=w("page.leaflets.description", council=name)))
    if catalogue.glossary:
        pages.append(PagePlan(urls.GLOSSARY, w("page.glossary.title"), "glossary.html", source_file="standards.yaml",
                              in_nav=True, description=w("page.glossary.description")))
    for category in catalogue.categories:
        pages.append(PagePlan(urls.category(category.id), category.name, "category.html",
                              {"category": category}, in_nav=True, notice_ids=(category.id,),
                              description=category.summary or w("page.category.description", topic=category.name,
                                                                council=name)))
    for service in catalogue.services:
        pages.append(PagePlan(urls.service(service.id), service.name, "service.html", {"service": service},
                              notice_ids=(service.id, service.category.id), description=service.summary,
                              keywords=service.keywords))
    for office in catalogue.offices:
        pages.append(PagePlan(urls.office(office.id), office.name, "office.html", {"office": office},
                              notice_ids=(office.id,),
                              description=w("page.office.description", office=office.name,
                                            address=", ".join((*office.address, office.postcode)))))
    return pages


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, shared by every SiteRenderer: compiling is most
    of the cost of a small render, and each build (each rebuild of `make serve`, each test) makes a new
    renderer. Safe with edits: Jinja compares the template source's checksum and compiles an edited one again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()  # every SiteRenderer's environment has the same settings, so one cache serves all


class SiteRenderer:
    """Renders page bodies (everything below the H1) and adds notices and glossary terms."""

    def __init__(self, catalogue: Catalogue, template_dir: Path, site_url: str = "", leaflets: Sequence[Any] = ()):
        self.catalogue = catalogue
        self.leaflets = list(leaflets)
        self.site_url = site_url
        self.glossary = Glossary([(g.term, g.meaning) for g in catalogue.glossary])
        self.words = words = words_for(catalogue.language)
        say = presenter(catalogue.language)
        self.open_now = OpenNowData(catalogue)  # written into the site by `self.open_now.write(site_dir)`
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)), autoescape=True,
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, bytecode_cache=_COMPILED)
        self.env.filters.update(
            markdown=render_markdown, inline_markdown=render_inline_markdown, date=say.date, date_range=say.date_range,
            phone=say.phone, percent=format_percent, short_url=urls.short_url, term_anchor=self.glossary.anchor_of)
        self.env.tests["contains_word"] = lambda words, part: any(part in w.lower() for w in words)
        self.env.globals.update(
            catalogue=catalogue, council=catalogue.council, urls=urls, t=self.t, anchor=anchor, say=say, join=self.join,
            upcoming=lambda office: say.closures_coming_up(catalogue, office),
            complaint_standards=lambda: complaint_standards(catalogue),
            ways_to_complain=lambda: ways_to_complain(catalogue),
            bsl_at_offices=lambda: bsl_at_offices(catalogue),
            help_offline=lambda: help_offline(catalogue),
            has_plan=has_plan(catalogue), plan_title=plan_title(catalogue, say),
            plan_page=lambda: plan_page(catalogue, say),
            measures_over_time=lambda: measures_over_time(catalogue, say),
            what_is_changing=lambda service=None, office=None: what_is_changing(catalogue, say, service, office),
            leaflets=self.leaflets, leaflets_for=self.leaflets_for, notice_html=self.notice_html,
            leaflet_groups=self.leaflet_groups, leaflet_questions=self.leaflet_questions,
            edition_name=lambda leaflet: words(f"edition.{leaflet.edition.slug}"),
            pages_text=lambda leaflet: leaflet.pages_text(words),
            open_now_key=self.open_now.key, open_now_data=self.open_now.path, reply_by=self.open_now.reply_by)

    def t(self, key: str, **values: Any) -> Markup:
        """The words for a key, escaped; a value that is already markup (a link made by `anchor`) stays markup."""
        text = Markup(escape(self.words(key)))
        return text.format(**values) if values else text

    def join(self, items: Sequence[Any], word: str = "or") -> Markup:
        """ "A, B or C" (or "and"), keeping links made by `anchor` as links."""
        items = [escape(item) for item in items]
        if len(items) < 2:
            return Markup("").join(items)
        first = escape(self.words("list.comma")).join(items[:-1])
        return self.t(f"list.{word}", first=first, last=items[-1])

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
        """The finished page with its current notices in place, each in full (`Catalogue.notices_on` decides
        which, and where: on an office's page, those for everywhere come after its hours)."""
        if NOTICES not in output and NOTICES_AFTER_HOURS not in output:
            return output
        if page_url == urls.url_of(urls.HOME):  # the home page lists every notice in a section of its own
            first, after_hours = (), ()
        else:
            office = next((o for o in self.catalogue.offices if urls.url_of(urls.office(o.id)) == page_url), None)
            first, after_hours = self.catalogue.notices_on(*notice_ids, office=office)
        if NOTICES_AFTER_HOURS not in output:  # a template without the second place: all go in the first
            first, after_hours = first + after_hours, ()
        template = self.env.get_template("components/notices.html")
        for marker, notices, later in ((NOTICES, first, False), (NOTICES_AFTER_HOURS, after_hours, True)):
            html = template.render(notices=notices, after_hours=later) if notices else ""
            output = output.replace(marker, html, 1)
        return output

    # ------------------------------------------------------------ helpers for templates

    def notice_html(self, notice: Notice) -> Markup:
        """A notice in full, "Important:" (or "Notice:") in bold at the start of its first paragraph."""
        label = f'<strong class="oc-notice__label">{escape(self.words("notice.important" if notice.level == "warning" else "notice.notice"))}</strong>'
        html = str(render_markdown(notice.text))
        return Markup(f"<p>{label} {html[3:]}" if html.startswith("<p>") else f"<p>{label}</p>{html}")

    def leaflets_for(self, page_src: str) -> list[Any]:
        """The leaflets (both editions) that belong to a web page."""
        return [leaflet for leaflet in self.leaflets if leaflet.plan.page_src == page_src]

    def leaflet_groups(self) -> list[dict[str, Any]]:
        """The leaflets as the Leaflets page lists them: contacting us, services, offices; both editions a row."""
        words = self.words
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
        words = self.words
        kinds: dict[str, Any] = {}
        for leaflet in self.leaflets:
            kinds.setdefault(leaflet.plan.kind, leaflet.plan)  # a split leaflet answers by its whole title
        return [(words(f"leaflets.question.{kind}"), words(f"leaflets.answer.{kind}", title=kinds[kind].whole_title))
                for kind in LEAFLET_QUESTIONS if kind in kinds]


def anchor(href: str, text: Any, **attributes: str) -> Markup:
    """A link as markup, its address and words escaped: for a link inside a sentence of words."""
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return Markup(f'<a href="{escape(href)}"{extra}>{escape(text)}</a>')


def _linker(page_url: str):
    def link(target_src_or_url: str) -> str:
        target = urls.url_of(target_src_or_url) if target_src_or_url.endswith(".md") else target_src_or_url
        return urls.relative(page_url, target)
    return link


__all__ = ["PagePlan", "SiteRenderer", "plan_site"]
