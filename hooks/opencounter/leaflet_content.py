"""What each leaflet says: the Catalogue as leaflet documents (blocks.py), one per plan and print size.

Every leaflet opens the same way: its title, a line on what it is for, then a box with the
council's main phone number (bold, larger than the body text, with its hours) beside a QR code
that opens the matching web page, and the day it was made. The rest depends on its kind:

- contact: every way in, those that need no internet first, what the council promises for each,
  the offices in brief (their own leaflets have the rest), how to complain, extra help;
- standards: promises, standards with their targets, what we ask of you, feedback, every result;
- services: one topic's services, each with what it is for and how to use it without the internet;
- index: every service from A to Z, with the number of the services leaflet it is in;
- office: address, how to get in, hours, closures and bank holidays, facilities, directions, services.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .blocks import (BREAK, Block, big, bold, box, bullets, heading, index, keep, lines, nowrap, paragraph,
                     table, top)
from .channels import STANDARD_HEADINGS, groups_in_order
from .leaflet_plan import CONTACT, INDEX, OFFICE, SERVICES, STANDARDS, Edition, LeafletPlan, a_to_z, initial
from .models import Catalogue, Channel, Office, Service
from .present import access_text, closures_coming_up, hours_line, target_to_show
from .text import markdown_blocks
from .urls import short_url
from .values import format_date, format_date_range, format_percent
from .words import Words

EMPHASIS = 1.4  # the main phone number, against the body size: clear print asks for at least 1.2
SHORT_LIST = 12  # services at an office listed one a line; more are listed by topic


class LeafletWriter:
    """Writes leaflet documents from one catalogue, in one language."""

    def __init__(self, catalogue: Catalogue, site_url: str, words: Words):
        self.catalogue = catalogue
        self.council = catalogue.council
        self.site_url = site_url.rstrip("/") + "/"
        self.w = words
        self._services_at: dict[str, list[Service]] = {}
        for service in catalogue.services:
            for office in service.offices:
                self._services_at.setdefault(office.id, []).append(service)
        self._bodies: dict[str, list[Block]] = {}

    def address(self, plan: LeafletPlan) -> str:
        """The web page a leaflet belongs to, which its QR code opens."""
        return urls.absolute(self.site_url, urls.url_of(plan.page_src))

    def document(self, plan: LeafletPlan, edition: Edition) -> dict[str, Any]:
        """The whole leaflet, ready for the typesetter."""
        w = self.w
        address = self.address(plan)
        if plan.slug not in self._bodies:  # the same words in both editions: written once
            self._bodies.clear()
            self._bodies[plan.slug] = [heading(1, plan.title), *self._opening(plan), self._top(address),
                                       *{CONTACT: self._contact, STANDARDS: self._standards, SERVICES: self._services,
                                         INDEX: self._index, OFFICE: self._office}[plan.kind](plan)]
        title = plan.title if edition.slug == "standard" else w("leaflet.large_print_title", title=plan.title)
        return {
            "title": w("leaflet.document_title", title=title, council=self.council.name),
            "council": self.council.name,
            "footer": plan.title,
            "lang": w("language.code"), "region": w("language.region"),
            "edition": {"body": edition.body, "smallest": edition.smallest, "large": edition.large, "qr": edition.qr},
            "emphasis": EMPHASIS,
            "words": {"page": w.pieces("leaflet.page", "page", "pages")},
            "blocks": self._bodies[plan.slug],
        }

    # ------------------------------------------------------------ the start of every leaflet

    def _opening(self, plan: LeafletPlan) -> list[Block]:
        w = self.w
        if plan.kind == SERVICES:
            category = plan.context["category"]
            lede = [paragraph(w("leaflet.services.lede", number=plan.number), "lede")]
            return lede + ([paragraph(category.summary)] if category.summary else [])
        if plan.kind == OFFICE:
            office = plan.context["office"]
            return [paragraph([", ".join(office.address), " ", nowrap(office.postcode)], "lede"),
                    paragraph(bold(access_text(office, w)), "lede")]
        if plan.kind == STANDARDS:
            intro = markdown_blocks(self.catalogue.introduction)
            return intro or [paragraph(w("leaflet.standards.lede"), "lede")]
        return [paragraph(w(f"leaflet.{plan.kind}.lede"), "lede")]

    def _top(self, address: str) -> Block:
        """The box on page 1: call us (the number big and bold, its hours beside it), scan, and check."""
        w = self.w
        phone = self.catalogue.main_phone
        content: list[Block] = []
        if phone:
            content.append(paragraph([w("leaflet.call_us"), " ", big(nowrap(phone.number.display))]))
            hours = hours_line(phone)
            if hours:
                content.append(paragraph(bold([hours, ". ", phone.opening_hours.bank_holiday_text()])))
        where = short_url(address)
        content.append(paragraph([bold(w("leaflet.scan")), BREAK, _breakable_address(where)]))
        check = w("leaflet.made_on", date=format_date(self.catalogue.build_date), website=short_url(self.council.website))
        content.append(paragraph([check, " ", w("leaflet.or_call") if phone else ""]))
        return top(w("leaflet.qr_alt", address=where), content)

    # ------------------------------------------------------------ how to contact us

    def _contact(self, plan: LeafletPlan) -> list[Block]:
        w, catalogue = self.w, self.catalogue
        out: list[Block] = []
        for group, heading_text in groups_in_order(offline_first=True):
            channels = [c for c in catalogue.channels if c.kind.group == group]
            if not channels:
                continue
            out.append(heading(2, heading_text))
            for channel in channels:
                out += [heading(3, channel.name), *self._channel(channel)]
            promised = self._promises_for(channels)
            if promised:
                out.append(keep([paragraph(bold(w("leaflet.contact.promise"))), bullets(promised)]))
            if group == "phone" and self.council.call_charges:
                out.append(paragraph(w("leaflet.contact.call_charges", address=short_url(self.council.call_charges))))
        if self.council.extra_help:
            out += [heading(2, w("contact.extra_help")), *markdown_blocks(self.council.extra_help)]
        out += self._complaints()
        if catalogue.offices:
            out += [heading(2, w("contact.in_person")), paragraph(w("leaflet.contact.offices"), "label"),
                    table([w("leaflet.contact.office"), w("leaflet.contact.address"), w("leaflet.contact.visit")],
                          [[bold(o.name), [", ".join(o.address), " ", nowrap(o.postcode)], self._visit(o)]
                           for o in catalogue.offices],
                          [{"fr": 1}, {"fr": 1.4}, {"fr": 1}], keep=False)]
        return out

    def _channel(self, channel: Channel) -> list[Block]:
        w = self.w
        out: list[Block] = []
        if channel.kind.help_text and not channel.description:
            out.append(paragraph(channel.kind.help_text))
        if channel.number:
            label = channel.kind.number_label
            out.append(paragraph([f"{label}: ", bold(nowrap(channel.number.display))]))
        if channel.email:
            out.append(paragraph([w("leaflet.email"), " ", bold(channel.email)]))
        if channel.url:
            out.append(paragraph(short_url(channel.url)))
        if channel.address:
            out.append(lines([*channel.address, nowrap(channel.postcode)]))
        if channel.opening_hours:
            hours = channel.opening_hours
            out.append(bullets([f"{days}: {text}" for days, text in hours.summary()] + [hours.bank_holiday_text()]))
        return out + markdown_blocks(channel.description)

    def _promises_for(self, channels: list[Channel]) -> list[str]:
        own = {c.kind.standards[0] for c in channels}
        return [self._standard_text(s) for s in self.catalogue.standards if s.channel in own]

    def _standard_text(self, standard) -> str:
        target = target_to_show(standard)
        return f"{standard.promise} {self.w('leaflet.target', target=target)}" if target else standard.promise

    def _visit(self, office: Office) -> Any:
        w = self.w
        if office.is_closed:
            instead = self.catalogue.offices_instead(office)
            return w("leaflet.contact.closed_instead", offices=w.join_or([o.name for o in instead])) if instead \
                else w("leaflet.contact.closed")
        return w(f"leaflet.contact.visit.{office.access}")

    def _complaints(self) -> list[Block]:
        w, catalogue = self.w, self.catalogue
        feedback = catalogue.feedback
        out: list[Block] = [heading(2, w("contact.complaints"))]
        if feedback and feedback.text:
            out += markdown_blocks(feedback.text)
        ways: list[Any] = []
        if feedback and feedback.complaints:
            ways.append([w("leaflet.complain.online"), " ", bold(short_url(feedback.complaints))])
        phone = catalogue.main_phone
        if phone:
            ways.append([w("leaflet.complain.call"), " ", bold(nowrap(phone.number.display))])
        post = next((c for c in catalogue.channels if c.type == "post"), None)
        if post:
            ways.append([w("leaflet.complain.write"), " ", ", ".join(post.address), " ", nowrap(post.postcode)])
        if any(not o.is_closed for o in catalogue.offices):
            ways.append(w("leaflet.complain.visit"))
        if ways:
            out.append(keep([paragraph(w("leaflet.complain.ways")), bullets(ways)]))
        promised = [self._standard_text(s) for s in catalogue.standards if "complain" in s.promise.lower()]
        if promised:
            out.append(keep([paragraph(bold(w("contact.complaints_next"))), bullets(promised)]))
        return out

    # ------------------------------------------------------------ customer service standards

    def _standards(self, plan: LeafletPlan) -> list[Block]:
        w, catalogue = self.w, self.catalogue
        out: list[Block] = []
        dates = []
        if catalogue.adopted:
            dates.append(w("standards.adopted", date=format_date(catalogue.adopted)))
        if catalogue.next_review:
            dates.append(w("standards.next_review", date=format_date(catalogue.next_review)))
        if dates:
            out.append(paragraph(" ".join(dates)))
        out += [heading(2, w("standards.promises")), paragraph(w("standards.promises_lede"), "label"),
                bullets(list(catalogue.promises))]
        for channel, heading_text in STANDARD_HEADINGS.items():
            standards = [s for s in catalogue.standards if s.channel == channel]
            if not standards:
                continue
            items = []
            for standard in standards:
                target = target_to_show(standard)
                first = paragraph([standard.promise, " ", bold(w("leaflet.target", target=target))] if target
                                  else standard.promise)
                items.append([first, *markdown_blocks(standard.detail)])
            out += [heading(2, heading_text), bullets(items)]
        if catalogue.ask_of_you:
            out += [heading(2, w("standards.ask_of_you")), bullets(list(catalogue.ask_of_you))]
        feedback = catalogue.feedback
        if feedback:
            out += [heading(2, w("standards.feedback")), *markdown_blocks(feedback.text)]
            ways = []
            if feedback.complaints:
                ways.append(w("leaflet.standards.complain", address=short_url(feedback.complaints)))
            if feedback.suggestions:
                ways.append(w("leaflet.standards.suggest", address=short_url(feedback.suggestions)))
            if catalogue.main_phone:
                ways.append([w("leaflet.standards.call"), " ", bold(nowrap(catalogue.main_phone.number.display)), "."])
            if ways:
                out.append(bullets(ways))
        if catalogue.performance:
            out += [heading(2, w("standards.performance")), paragraph(w("standards.performance_lede"))]
            for subject in catalogue.measured:
                results = catalogue.results_for(subject)
                goals = any(r.goal is not None for r in results)
                head = [w("standards.period"), w("standards.result")]
                if goals:
                    head += [w("standards.goal"), w("standards.goal_met")]
                rows = []
                for result in results:
                    row = [result.period, result.result.text]
                    if goals:
                        row += [format_percent(result.goal) if result.goal is not None else w("standards.no_goal"),
                                w({True: "standards.met", False: "standards.missed", None: "standards.no_goal"}[result.met_goal])]
                    rows.append(row)
                name = getattr(subject, "promise", None) or subject.name
                columns = [{"fr": 1.6}, {"fr": 1}] + ([{"fr": 1}, {"fr": 1}] if goals else [])
                out.append(keep([heading(3, name), table(head, rows, columns, row_heads=True)]))
                out += markdown_blocks(getattr(subject, "description", ""))
        return out

    # ------------------------------------------------------------ services of one topic

    def _services(self, plan: LeafletPlan) -> list[Block]:
        w = self.w
        out: list[Block] = []
        if plan.context.get("part"):
            number, count = plan.context["part_of"]
            out.append(paragraph(w("leaflet.services.part", number=number, count=count, letters=plan.context["part"])))
        for service in plan.context["services"]:
            out += [heading(2, service.name), *self._service(service)]
        return out

    def _service(self, service: Service) -> list[Block]:
        w, catalogue = self.w, self.catalogue
        # A service may run over a page, but never splits from its name and summary, or its
        # "Without the internet:" from the first way in.
        out: list[Block] = [paragraph(service.summary, "label")]
        if service.status == "temporarily-closed":
            out.append(paragraph(bold(w("service.closed")), "label"))
        ways: list[Any] = []
        for channel in service.offline_channels:
            if channel.number:
                detail = channel.name if channel == catalogue.main_phone else \
                    ", ".join(p for p in (channel.name, hours_line(channel)) if p)
                ways.append([f"{channel.kind.number_label}: ", bold(nowrap(channel.number.display)), f" ({detail})"])
            elif channel.address:
                ways.append([w("leaflet.services.write"), " ", ", ".join(channel.address), " ", nowrap(channel.postcode)])
        if service.open_offices:
            ways.append(w("leaflet.services.visit", offices=w.join_or([o.name for o in service.open_offices])))
        if ways:  # a short list, kept whole with its label
            out.append(keep([paragraph(bold(w("leaflet.services.offline"))), bullets(ways)]))
        elif service.status != "temporarily-closed":
            phone = catalogue.main_phone
            out.append(paragraph(w("service.online_only_call", number=phone.number.display) if phone
                                 else w("service.online_only_library")))
        out.append(paragraph([w("leaflet.services.online"), " ",
                              _breakable_address(short_url(urls.absolute(self.site_url, urls.url_of(urls.service(service.id)))))]))
        return out

    # ------------------------------------------------------------ the A to Z index

    def _index(self, plan: LeafletPlan) -> list[Block]:
        w = self.w
        topics: tuple[LeafletPlan, ...] = plan.context["topics"]
        where = {s.id: t.number for t in topics for s in t.context["services"]}
        out: list[Block] = []
        if plan.context.get("part"):
            number, count = plan.context["part_of"]
            out.append(paragraph(w("leaflet.index.part", number=number, count=count, letters=plan.context["part"])))
        out += [heading(2, w("leaflet.index.topics")), paragraph(w("leaflet.index.topics_lede")),
                table([w("leaflet.index.number"), w("leaflet.index.topic")], [[bold(t.number), t.title] for t in topics],
                      [{"mm": 22}, {"fr": 1}], keep=False, row_heads=True),
                heading(2, w("leaflet.index.services"))]
        groups: list[tuple[str, list]] = []
        for service in plan.context["services"]:
            letter = initial(service.name)
            if not groups or groups[-1][0] != letter:
                groups.append((letter, []))
            groups[-1][1].append((service.name, where.get(service.id, "")))
        out.append(index(groups, level=3))
        return out

    # ------------------------------------------------------------ visiting an office

    def _office(self, plan: LeafletPlan) -> list[Block]:
        w, catalogue = self.w, self.catalogue
        office: Office = plan.context["office"]
        out: list[Block] = []
        if office.phone:
            out.append(paragraph([w("leaflet.office.phone"), " ", bold(nowrap(office.phone.display))]))
        if office.notice:
            out.append(paragraph(office.notice))
        for notice in catalogue.notices_for() + catalogue.notices_for(office.id):
            label = w("notice.important") if notice.level == "warning" else w("notice.notice")
            text = markdown_blocks(notice.text)
            if text and text[0]["type"] == "paragraph":
                text[0] = paragraph([bold(label), " ", text[0]["text"]])
            else:
                text.insert(0, paragraph(bold(label)))
            out.append(box(text))
        if office.is_closed:
            return out + self._instead(office)
        if office.opening_hours:
            hours = office.opening_hours
            rows = [[day, day_hours.text()] for day, day_hours in hours.week()]
            rows.append([w("hours.bank_holidays"), hours.bank_holidays.text()])
            out += [heading(2, w("office.opening_hours")),
                    table([w("hours.day"), w("hours.hours")], rows, [{"fr": 1}, {"fr": 1.6}], row_heads=True)]
        coming = closures_coming_up(catalogue, office)
        out.append(heading(2, w("leaflet.office.closures")))
        out.append(bullets([[bold(format_date_range(i["start"], i["end"])), ": ", i["reason"]] for i in coming])
                   if coming else paragraph(w("leaflet.office.no_closures")))
        if office.facilities:
            out += [heading(2, w("office.facilities")),
                    bullets([f[:1].upper() + f[1:] for f in office.facilities], columns=2)]
        if office.directions:
            out += [heading(2, w("office.directions")), *markdown_blocks(office.directions)]
        services = a_to_z(self._services_at.get(office.id, []))
        if len(services) > SHORT_LIST:  # by topic, in a line each, so a busy office still fits one sheet
            out.append(heading(2, w("office.services")))
            for category in self.catalogue.categories:
                names = [s.name for s in services if s.category.id == category.id]
                if names:
                    out.append(paragraph([bold(f"{category.name}:"), " ", w.join_and(names), "."]))
        elif services:
            out += [heading(2, w("office.services")), bullets([s.name for s in services], columns=2)]
        return out

    def _instead(self, office: Office) -> list[Block]:
        """A closed office: where to go instead, or how else to reach the council."""
        w = self.w
        others = self.catalogue.offices_instead(office)
        if others:
            out: list[Block] = [heading(2, w("office.instead"))]
            for other in others:
                part = [heading(3, other.name), lines([*other.address, nowrap(other.postcode)]),
                        paragraph(bold(access_text(other, w)))]
                if other.opening_hours:
                    hours = other.opening_hours
                    part.append(bullets([f"{d}: {t}" for d, t in hours.summary()] + [hours.bank_holiday_text()]))
                out.append(keep(part))
            return out
        ways = [c for c in self.catalogue.offline_channels]
        items = []
        for channel in ways:
            if channel.number:
                items.append([f"{channel.kind.number_label}: ", bold(nowrap(channel.number.display))])
            elif channel.address:
                items.append([w("leaflet.services.write"), " ", ", ".join(channel.address), " ", nowrap(channel.postcode)])
        return [heading(2, w("leaflet.office.other_ways")),
                keep([paragraph(w("leaflet.office.other_ways_lede")), *([bullets(items)] if items else [])])]


def _breakable_address(address: str) -> list:
    """A web address that may break after a slash, never elsewhere."""
    parts = address.split("/")
    return [nowrap(part + ("/" if i < len(parts) - 1 else "")) for i, part in enumerate(parts)]
