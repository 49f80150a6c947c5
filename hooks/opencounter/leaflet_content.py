"""What each leaflet says: the Catalogue as leaflet documents (blocks.py), one per plan and print size.

Every leaflet opens the same way: its title, a line on what it is for, then a box with the
council's main phone number (bold, larger than the body text, with its hours) beside a QR code
that opens the matching web page, the day it was made, and the notices that apply to it. A
visiting leaflet's box has the office's own number and opening hours instead, with the council's
main line, labelled as the council's, below it. The rest depends on its kind:

- contact: every way in, those that need no internet first, what the council promises for each,
  how to complain, extra help, and the offices in brief (their own leaflets have the rest);
- standards: promises, standards with their targets, what we ask of you, feedback, every result;
- services: one topic's services, each with what it is for, what to know, and how to use it
  without the internet;
- index: every service from A to Z, with the number of the services leaflet it is in;
- office: address, how to get in, hours, closures and bank holidays, facilities, directions,
  services; for a closed office, where to go instead.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .blocks import BREAK, Block, big, bold, box, bullets, heading, index, keep, lines, nowrap, paragraph, table, top
from .leaflet_plan import CONTACT, INDEX, OFFICE, PLAN, SERVICES, STANDARDS, Edition, LeafletPlan
from .plans import latest_results, plan_page
from .models import Catalogue, Channel, Notice, Office, Service
from .present import complaint_standards, help_offline, presenter, ways_to_complain
from .text import markdown_blocks
from .urls import short_url
from .values import format_percent
from .words import Words

EMPHASIS = 1.4  # the main phone number, against the body size: clear print asks for at least 1.2
SHORT_LIST = 12  # services at an office listed one a line; more are listed by topic
KEPT_ROWS = 10  # a table of results this short stays whole on one page; a longer one runs on, header repeated
FOOTER_CHARACTERS = {"standard": 60, "large-print": 44}  # what fits on one line of the running footer


class LeafletWriter:
    """Writes leaflet documents from one catalogue, in one language."""

    def __init__(self, catalogue: Catalogue, site_url: str, words: Words):
        self.catalogue = catalogue
        self.council = catalogue.council
        self.site_url = site_url.rstrip("/") + "/"
        self.w = words
        self.say = presenter(words.language)
        self._services_at: dict[str, list[Service]] = {}
        for service in catalogue.services:
            for office in service.offices:
                self._services_at.setdefault(office.id, []).append(service)
        self._bodies: dict[str, list[Block]] = {}

    def address(self, plan: LeafletPlan) -> str:
        """The web page a leaflet's QR code opens: its own, or for a leaflet about one service, the service's."""
        return urls.absolute(self.site_url, urls.url_of(plan.qr_src))

    def document(self, plan: LeafletPlan, edition: Edition) -> dict[str, Any]:
        """The whole leaflet, ready for the typesetter."""
        w = self.w
        if plan.slug not in self._bodies:  # the same words in both editions: written once
            self._bodies.clear()
            body = {CONTACT: self._contact, STANDARDS: self._standards, SERVICES: self._services, INDEX: self._index,
                    OFFICE: self._office, PLAN: self._plan}[plan.kind](plan)
            self._bodies[plan.slug] = [heading(1, plan.title), *self._opening(plan), *self._top(plan), *body]
        title = plan.title if edition.slug == "standard" else w("leaflet.large_print_title", title=plan.title)
        return {
            "title": w("leaflet.document_title", title=title, council=self.council.name),
            "council": self.council.name,
            "footer": _shorten(plan.footer or plan.title, FOOTER_CHARACTERS[edition.slug]),
            "lang": w("language.code"), "region": w("language.region") or None,
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
            lede = [w("leaflet.services.lede", number=plan.number)]
            if category.summary:
                lede += [BREAK, _text(category.summary)]
            return [paragraph(lede, "lede")]
        if plan.kind == OFFICE:
            office = plan.context["office"]
            return [paragraph([", ".join(office.address), " ", nowrap(office.postcode)], "lede"),
                    paragraph(bold(self.say.access_text(office)), "lede")]
        if plan.kind == STANDARDS:
            intro = markdown_blocks(self.catalogue.introduction)
            return intro or [paragraph(w("leaflet.standards.lede"), "lede")]
        if plan.kind == PLAN:
            view = plan_page(self.catalogue, self.say)
            said = " ".join(part for part in (view["period"], view["approved"]) if part)
            return [paragraph(said or w("leaflet.plan.lede"), "lede")]
        return [paragraph(w(f"leaflet.{plan.kind}.lede"), "lede")]

    def _top(self, plan: LeafletPlan) -> list[Block]:
        """The box on page 1: call us (the number big and bold, its hours beside it) and scan; then the
        day the leaflet was made, and (but for a visiting leaflet) the notices that apply to all of it.

        A visiting leaflet leads with the office: its own number (big) and when it is open, with the
        council's main line below the box, named as the council's, with the line's own hours. An office
        without a number of its own (or whose number is the main line) has its hours first, then the
        council's line, named, in the box."""
        w = self.w
        address = self.address(plan)
        phone = self.catalogue.main_phone
        office: Office | None = plan.context["office"] if plan.kind == OFFICE else None
        own = office.phone if office and office.phone and not (phone and phone.number == office.phone) else None
        content: list[Block] = []
        if office and not office.is_closed:
            if own:
                content.append(paragraph([bold(w("leaflet.office.phone")), " ", big(nowrap(self.say.phone(own)))]))
            content += self._office_hours(office)
        if phone and not own:
            label = w("leaflet.office.council_line", council=self.council.name) if office else w("leaflet.call_us")
            content += self._main_line(bold(label), big(nowrap(self.say.phone(phone.number))))
        where = short_url(address)
        content.append(paragraph([bold(w("leaflet.scan")), BREAK, _breakable_address(where)]))
        made = w("leaflet.made_on", date=self.say.date(self.catalogue.build_date), website=short_url(self.site_url))
        made += " " + w("leaflet.or_call") if phone else "."
        out = [top(w("leaflet.qr_alt", address=where), content)]
        if phone and own:  # the council's line, below the office's box and named as the council's
            label = w("leaflet.office.council_line", council=self.council.name)
            out.append(keep(self._main_line(label, bold(nowrap(self.say.phone(phone.number))), emphasis=False)))
        out.append(paragraph(made))
        if plan.kind == OFFICE:  # an office's own notes come first: its leaflet adds the notices
            return out
        ids = (plan.context["category"].id,) if plan.kind == SERVICES else ()
        return out + self._notices(self.catalogue.notices_on(*ids)[0])

    def _main_line(self, label: Any, number: Any, emphasis: bool = True) -> list[Block]:
        """The council's main phone number after its label, then the line's own hours."""
        phone = self.catalogue.main_phone
        out = [paragraph([label, " ", number])]
        hours = self.say.hours_line(phone)
        if hours:
            line = [hours, ". ", self.say.bank_holiday_text(phone.opening_hours)]
            out.append(paragraph(bold(line) if emphasis else line))
        return out

    def _office_hours(self, office: Office) -> list[Block]:
        """When an office is open, in one line, for the top of its leaflet."""
        hours = self.say.open_text(office.opening_hours)
        if not hours:
            return []
        return [paragraph([bold(self.w("leaflet.office.open")), " ",
                           bold([hours, ". ", self.say.bank_holiday_text(office.opening_hours)])])]

    def _notices(self, notices: tuple[Notice, ...]) -> list[Block]:
        """These notices (Catalogue.notices_on chooses them), each in a box, in full."""
        out = []
        for notice in notices:
            label = self.w("notice.important" if notice.level == "warning" else "notice.notice")
            text = markdown_blocks(notice.text)
            if text and text[0]["type"] == "paragraph":
                text[0] = paragraph([bold(label), " ", text[0]["text"]])
            else:
                text.insert(0, paragraph(bold(label)))
            out.append(box(text))
        return out

    # ------------------------------------------------------------ how to contact us

    def _contact(self, plan: LeafletPlan) -> list[Block]:
        w, catalogue = self.w, self.catalogue
        out: list[Block] = []
        for group, heading_text in self.say.channel_groups(offline_first=True):
            channels = [c for c in catalogue.channels if c.kind.group == group]
            if not channels:
                continue
            out.append(heading(2, heading_text))
            for channel in channels:
                named = not (len(channels) == 1 and channel.name.casefold() == heading_text.casefold())
                out += self._channel(channel, named)
            out += self._promises_for(channels)
            if group == "phone" and self.council.call_charges:
                out.append(paragraph(w("leaflet.contact.call_charges", address=short_url(self.council.call_charges))))
        out += self._complaints()
        if self.council.extra_help:
            out += [heading(2, w("contact.extra_help")), *markdown_blocks(self.council.extra_help)]
        if catalogue.offices:
            rows = [[bold(o.name), [", ".join(o.address), " ", nowrap(o.postcode)], self._visit(o)] for o in catalogue.offices]
            out += [heading(2, w("contact.in_person")), paragraph(w("leaflet.contact.offices"), "label"),
                    table([w("leaflet.contact.office"), w("leaflet.contact.address"), w("leaflet.contact.visit")], rows,
                          [{"fr": 1}, {"fr": 1.4}, {"fr": 1}], keep=False)]
        return out

    def _channel(self, channel: Channel, named: bool = True) -> list[Block]:
        """A way in: its name, how to use it and when, kept together; then what else to know."""
        w = self.w
        say = self.say
        how: list[Block] = [heading(3, channel.name)] if named else []
        if say.served_in(channel):
            how.append(paragraph(bold(say.served_in(channel))))
        if say.help_text(channel) and not channel.description:
            how.append(paragraph(say.help_text(channel)))
        if channel.number:
            how.append(paragraph([f"{say.number_label(channel)}: ", bold(nowrap(say.phone(channel.number)))]))
        if channel.email:
            how.append(paragraph([w("leaflet.email"), " ", bold(channel.email)]))
        if channel.url:
            how.append(paragraph(_breakable_address(short_url(channel.url))))
        if channel.address:
            how.append(lines([*channel.address, nowrap(channel.postcode)]))
        if channel.opening_hours:
            hours = channel.opening_hours
            how.append(bullets(say.hours_list(hours)))
        return [keep(how), *markdown_blocks(channel.description)]

    def _promises_for(self, channels: list[Channel]) -> list[Block]:
        """What the council promises for these ways in, under the way each promise is about."""
        out = []
        own = [c.kind.standards[0] for c in channels]
        for standard_channel in dict.fromkeys(own):
            promised = [self._standard_text(s) for s in self.catalogue.standards_about(standard_channel)]
            if promised:
                label = self.w("leaflet.contact.promise", heading=self.say.standard_headings[standard_channel])
                out.append(keep([paragraph(bold(label)), bullets(promised[:1])]))
                if promised[1:]:
                    out.append(bullets(promised[1:]))
        return out

    def _standard_text(self, standard, at_offices: bool = True) -> str:
        target = self.say.target_to_show(standard)
        text = f"{standard.promise} {self.w('leaflet.target', target=target)}" if target else standard.promise
        at = self.say.at_offices(standard) if at_offices else ""
        return f"{text} {at}" if at else text

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
        offline = ways_to_complain(catalogue)  # not what the feedback text says already
        if offline["online"]:
            ways.append([w("leaflet.complain.online"), " ", bold(short_url(offline["online"]))])
        if offline["phone"]:
            ways.append([w("leaflet.complain.call"), " ", bold(nowrap(self.say.phone(offline["phone"].number)))])
        if offline["post"]:
            post = offline["post"]
            ways.append([w("leaflet.complain.write"), " ", ", ".join(post.address), " ", nowrap(post.postcode)])
        if offline["offices"]:
            ways.append(w("leaflet.complain.visit"))
        if ways:
            out.append(keep([paragraph(w("leaflet.complain.ways")), bullets(ways)]))
        promised = [self._standard_text(s) for s in complaint_standards(catalogue)]
        if promised:
            out.append(keep([paragraph(bold(w("contact.complaints_next"))), bullets(promised)]))
        return out

    # ------------------------------------------------------------ customer service standards

    def _standards(self, plan: LeafletPlan) -> list[Block]:
        w, catalogue = self.w, self.catalogue
        out: list[Block] = []
        dates = self.say.standards_dates(catalogue)
        if dates:
            out.append(paragraph(dates))
        out += [heading(2, w("standards.promises")), paragraph(w("standards.promises_lede"), "label"),
                bullets([_text(p) for p in catalogue.promises])]
        for channel, heading_text in self.say.standard_headings.items():
            standards = [s for s in catalogue.standards if s.channel == channel]
            if not standards:
                continue
            items = []
            for standard in standards:
                target = self.say.target_to_show(standard)
                first = paragraph([_text(standard.promise), " ", bold(w("leaflet.target", target=target))] if target
                                  else _text(standard.promise))
                at = [paragraph(self.say.at_offices(standard))] if standard.offices else []
                items.append([first, *at, *markdown_blocks(standard.detail)])
            out += [heading(2, heading_text), bullets(items)]
        if catalogue.ask_of_you:
            out += [heading(2, w("standards.ask_of_you")), bullets([_text(a) for a in catalogue.ask_of_you])]
        feedback = catalogue.feedback
        if feedback:
            out += [heading(2, w("standards.feedback")), *markdown_blocks(feedback.text)]
            ways = []
            routes = ways_to_complain(catalogue)  # not what the feedback text says already
            if routes["online"]:
                ways.append(w("leaflet.standards.complain", address=short_url(routes["online"])))
            if routes["suggestions"]:
                ways.append(w("leaflet.standards.suggest", address=short_url(routes["suggestions"])))
            if routes["phone"]:
                ways.append([w("leaflet.standards.call"), " ", bold(nowrap(self.say.phone(routes["phone"].number))), "."])
            if ways:
                out.append(bullets(ways))
        if catalogue.performance or catalogue.measures:
            out += [heading(2, w("standards.performance")), paragraph(w("standards.performance_lede"))]
            for subject in catalogue.measured:
                out += self._results(subject)
            for measure in catalogue.measures:  # a measure with no results is said to have none yet
                if not catalogue.results_for(measure):
                    out += [keep([heading(3, measure.name), paragraph(self.say.no_results(measure))])]
        return out

    # ------------------------------------------------------------ the strategy and its plan (format 1.3)

    def _plan(self, plan: LeafletPlan) -> list[Block]:
        """The strategy in brief, the actions by theme with status and due month, the measures with their
        latest result and target (plans.py decides what each shows, as for the web page)."""
        w = self.w
        view = plan_page(self.catalogue, self.say)
        out: list[Block] = []
        if view["vision"]:
            out += [heading(2, w("plan.vision")), *markdown_blocks(view["vision"])]
        if view["actions"]:
            out += [heading(2, w("plan.actions_heading")), paragraph(view["count"])]
            for theme in view["themes"]:
                items = []
                for item in theme["actions"]:
                    said = [w("plan.status_label") + ": " + item.status]
                    if item.due:
                        said.append(item.due)
                    if item.progress:
                        said.append(item.progress)
                    items.append([keep([paragraph(bold(_text(item.title))), paragraph(". ".join(said) + ".")])])
                if items:
                    out += ([heading(3, theme["name"])] if theme["name"] else []) + [bullets(items)]
        if view["heard"]:
            out += [heading(2, w("plan.heard_heading"))]
            pairs = []
            for point in view["heard"]:
                answers = "; ".join(f"{a.title} ({a.status})" for a in point["actions"])
                pairs.append([paragraph([bold(w("plan.you_told_us") + ":"), " ", _text(point["text"])]),
                              *([paragraph([bold(w("plan.so_we_are") + ":"), " ", _text(answers)])] if answers else [])])
            out.append(bullets(pairs))
        measures = latest_results(self.catalogue, self.say)
        if measures:
            out += [heading(2, w("measures.heading")),
                    table([w("leaflet.plan.measure"), w("leaflet.plan.latest"), w("leaflet.plan.target")],
                          [[_text(m["name"]), m["latest"], m["target"] or w("standards.no_goal_cell")] for m in measures],
                          [{"fr": 2}, {"fr": 1.5}, {"fr": 1.5}], keep=len(measures) <= KEPT_ROWS, row_heads=True)]
        if view["updated"]:
            out.append(paragraph(view["updated"]))
        if view["papers"]:
            out.append(paragraph([w("leaflet.plan.papers"), " ", _breakable_address(short_url(view["papers"]))]))
        return out

    def _results(self, subject) -> list[Block]:
        """One standard's or measure's results: its name, where the figures come from, then every period."""
        w = self.w
        results = self.catalogue.results_for(subject)
        goals = any(r.goal is not None for r in results)
        head = [w("standards.period"), w("standards.result")] + ([w("standards.goal"), w("standards.goal_met")] if goals else [])
        rows = []
        for result in results:
            row = [result.period, self.say.figure(result.result)]
            if goals:
                row += [format_percent(result.goal) if result.goal is not None else w("standards.no_goal"),
                        w({True: "standards.met", False: "standards.missed", None: "standards.no_goal"}[result.met_goal])]
            rows.append(row)
        name = getattr(subject, "promise", None) or subject.name
        columns = [{"fr": 2}, {"fr": 1}] + ([{"fr": 1}, {"fr": 1.2}] if goals else [])
        about = markdown_blocks(getattr(subject, "description", ""))
        results_table = table(head, rows, columns, keep=len(rows) <= KEPT_ROWS, row_heads=True)
        if len(rows) <= KEPT_ROWS:
            return [keep([heading(3, name), *about, results_table])]
        return [heading(3, name), *about, results_table]

    # ------------------------------------------------------------ services of one topic

    def _services(self, plan: LeafletPlan) -> list[Block]:
        w = self.w
        out: list[Block] = []
        if plan.context.get("part"):
            number, count = plan.context["part_of"]
            out.append(paragraph(w("leaflet.services.part", number=number, count=count, letters=plan.context["part"])))
        for service in plan.context["services"]:
            out += self._service(service)
        return out

    def _service(self, service: Service) -> list[Block]:
        """A service: what it is for, what to know, then how to use it without the internet.

        It may run over a page, but its name never parts from its summary, nor "Without the
        internet:" from the first way in."""
        w, catalogue, say = self.w, self.catalogue, self.say
        out: list[Block] = [heading(2, service.name), paragraph(_text(service.summary), "label")]
        if service.status == "temporarily-closed":
            out.append(paragraph(bold(w("service.closed"))))
        out += self._notices(catalogue.notices_for(service.id))
        out += markdown_blocks(service.description)
        page = short_url(urls.absolute(self.site_url, urls.url_of(urls.service(service.id))))
        out.append(paragraph([w("leaflet.services.online"), " ", *_breakable_address(page)]))
        ways: list[Any] = []
        for channel in service.offline_channels:
            if channel.number:
                way = [f"{say.number_label(channel)}: ", bold(nowrap(say.phone(channel.number))), f" ({channel.name})"]
                if say.served_in(channel):
                    way.append(f" ({say.served_in(channel)})")
                hours = say.hours_line(channel) if channel != catalogue.main_phone else ""
                ways.append(way + ([BREAK, hours] if hours else []))
            elif channel.address:
                ways.append([w("leaflet.services.write"), " ", ", ".join(channel.address), " ", nowrap(channel.postcode)])
        ways += self._visits(service.open_offices)
        if ways:
            out.append(keep([paragraph(bold(w("leaflet.services.offline"))), bullets(ways[:1])]))
            if ways[1:]:
                out.append(bullets(ways[1:]))
        elif service.status != "temporarily-closed":
            out += self._online_only()
        return out

    def _visits(self, offices: tuple[Office, ...]) -> list[Any]:
        """How to see someone: walk in at these offices; book first at those that see people by appointment."""
        w = self.w
        out: list[Any] = []
        walk_in = [o for o in offices if o.access in ("walk-in", "walk-in-and-appointment")]
        if len(walk_in) == 1:
            out.append(w("leaflet.services.visit", office=walk_in[0].name))
        elif walk_in:
            out.append([paragraph(w("leaflet.services.visit_one_of")), bullets([o.name for o in walk_in])])
        for office in (o for o in offices if o.access == "appointment"):
            phone = office.phone or (self.catalogue.main_phone.number if self.catalogue.main_phone else None)
            out.append([w("leaflet.services.book", office=office.name)]
                       + ([" ", w("leaflet.services.book_call"), " ", bold(nowrap(self.say.phone(phone)))] if phone else []))
        return out

    def _online_only(self) -> list[Block]:
        w = self.w
        helpers = help_offline(self.catalogue)
        if not helpers:
            return [paragraph(w("service.online_only"))]
        if helpers[0] == self.catalogue.main_phone:
            return [paragraph(w("service.online_only_call", number=self.say.phone(helpers[0].number)))]
        ways = [[f"{self.say.number_label(c)}: ", bold(nowrap(self.say.phone(c.number)))] if c.number
                else [w("leaflet.services.write"), " ", ", ".join(c.address), " ", nowrap(c.postcode)] for c in helpers]
        return [keep([paragraph(w("service.online_only_contact")), bullets(ways)])]

    # ------------------------------------------------------------ the A to Z index

    def _index(self, plan: LeafletPlan) -> list[Block]:
        w = self.w
        topics: tuple[LeafletPlan, ...] = plan.context["topics"]
        where = {s.id: t.number for t in topics for s in t.context["services"]}
        out: list[Block] = []
        if plan.context.get("part"):
            number, count = plan.context["part_of"]
            out.append(paragraph(w("leaflet.index.part", number=number, count=count, letters=plan.context["part"])))
        # One row a topic, however many parts it is in, so the key stays short.
        rows: dict[str, list] = {}
        for topic in topics:
            category = topic.context["category"]
            if category.id not in rows:
                rows[category.id] = [[], category.name, []]
            rows[category.id][0].append(topic.number)
            if topic.context.get("part"):
                rows[category.id][2].append(w("leaflet.index.part_letters", number=topic.number,
                                              letters=topic.context["part"]))
        key = [[bold(numbers[0] if len(numbers) == 1 else w("leaflet.part.letters", first=numbers[0], last=numbers[-1])),
                [name, *([BREAK, w("list.comma").join(parts)] if parts else [])]] for numbers, name, parts in rows.values()]
        out += [heading(2, w("leaflet.index.topics")), paragraph(w("leaflet.index.topics_lede"), "label"),
                table([w("leaflet.index.number"), w("leaflet.index.topic")], key,
                      [{"mm": 34}, {"fr": 1}], keep=False, row_heads=True),
                heading(2, w("leaflet.index.services"))]
        groups: list[tuple[str, list]] = []
        for service in plan.context["services"]:
            letter = self.say.initial(service.name)
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
        main = catalogue.main_phone
        if office.is_closed and office.phone and not (main and main.number == office.phone):
            out.append(paragraph([w("leaflet.office.phone"), " ", bold(nowrap(self.say.phone(office.phone)))]))
        if office.notice:
            out.append(paragraph(_text(office.notice)))
        aimed, everywhere = catalogue.notices_on(office.id, office=office)
        if office.is_closed:
            return out + self._notices(aimed + everywhere) + self._instead(office)
        out += self._notices(aimed)
        if office.opening_hours:
            rows = [[day, text] for day, text in self.say.hours_rows(office.opening_hours)]
            out += [heading(2, w("office.opening_hours")),
                    table([w("hours.day"), w("hours.hours")], rows, [{"fr": 1}, {"fr": 1.3}], row_heads=True)]
        out += self._closures(office, 2)
        out += self._notices(everywhere)  # after the office's own hours: they may be about another place
        promised = [self._standard_text(s, at_offices=False) for s in catalogue.standards_at(office)]
        if promised:
            out += [heading(2, w("office.standards")), bullets(promised)]
        if office.facilities:
            out += [heading(2, w("office.facilities")),
                    bullets([f[:1].upper() + f[1:] for f in office.facilities], columns=2)]
        if office.directions:
            out += [heading(2, w("office.directions")), *markdown_blocks(office.directions)]
        services = self.say.a_to_z(self._services_at.get(office.id, []))
        if len(services) > SHORT_LIST:  # by topic, in a line each, so a busy office still fits one sheet
            out.append(heading(2, w("office.services")))
            for category in catalogue.categories:
                names = [s.name for s in services if s.category.id == category.id]
                if names:
                    out.append(paragraph([bold(f"{category.name}:"), " ", w.join_and(names), "."]))
        elif services:
            out += [heading(2, w("office.services")), bullets([s.name for s in services], columns=2)]
        return out

    def _closures(self, office: Office, level: int) -> list[Block]:
        w = self.w
        coming = self.say.closures_coming_up(self.catalogue, office)
        listed = bullets([[bold(self.say.date_range(i["start"], i["end"])), ": ", i["reason"]] for i in coming]) if coming \
            else paragraph(w("leaflet.office.no_closures"))
        return [heading(level, w("leaflet.office.closures")), listed]

    def _instead(self, office: Office) -> list[Block]:
        """A closed office: where to go instead (with its hours, phone and closures), or how else to reach us."""
        w = self.w
        others = self.catalogue.offices_instead(office)
        if others:
            out: list[Block] = [heading(2, w("office.instead"))]
            for other in others:
                part: list[Block] = [heading(3, other.name), lines([*other.address, nowrap(other.postcode)]),
                                     paragraph(bold(self.say.access_text(other)))]
                if other.phone:
                    part.append(paragraph([w("leaflet.office.phone"), " ", bold(nowrap(self.say.phone(other.phone)))]))
                if other.opening_hours:
                    part.append(table([w("hours.day"), w("hours.hours")],
                                      [[d, t] for d, t in self.say.hours_rows(other.opening_hours)],
                                      [{"fr": 1}, {"fr": 1.3}], row_heads=True))
                out.append(keep(part))
                coming = self.say.closures_coming_up(self.catalogue, other)
                if coming:
                    out.append(keep([paragraph(bold(w("leaflet.office.closures"))),
                                     bullets([[bold(self.say.date_range(i["start"], i["end"])), ": ", i["reason"]]
                                              for i in coming])]))
            return out
        items = []
        for channel in self.catalogue.offline_channels:
            if channel.number:
                items.append([f"{self.say.number_label(channel)}: ", bold(nowrap(self.say.phone(channel.number)))])
            elif channel.address:
                items.append([w("leaflet.services.write"), " ", ", ".join(channel.address), " ", nowrap(channel.postcode)])
        return [heading(2, w("leaflet.office.other_ways")),
                keep([paragraph(w("leaflet.office.other_ways_lede")), *([bullets(items)] if items else [])])]


def _text(value: str) -> str:
    """Plain text from the catalogue, its lines joined as the web joins them."""
    return " ".join(value.split())


def _breakable_address(address: str) -> list:
    """A web address that may break after a slash, never elsewhere."""
    parts = address.split("/")
    return [nowrap(part + ("/" if i < len(parts) - 1 else "")) for i, part in enumerate(parts)]


def _shorten(text: str, limit: int) -> str:
    """A running footer on one line: a long title is cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,:;")
    return cut + "…"
