"""The catalogue format (version 1.3) as one table: every record, every field, what it takes.

A field shown as words is `Said`: in a catalogue in two languages, it is written once per language.

This table is what the loader checks against. The contract is ../shared/catalogue-format.md;
fields marked "Open Counter addition" are optional extras documented in docs/editors-guide.md.
"""

from __future__ import annotations

from .channels import CHANNEL_TYPES, STANDARD_CHANNELS
from .fields import (LANGUAGE_NAMES, Choice, Date, DateOrMonth, Email, Field, Figure, Id, LanguageCode, Lines, ListOf, Localised,
                     Markdown, Number, OpeningHoursKind, Percent, Phone, Postcode, Raw, Reader, Record, Ref, Target, Text, Translations,
                     Url, WorkingDays, Words)
from .values import Figure as FigureValue
from .values import ValueProblem, first_day, last_day, read_email, read_percent, read_phone, read_target
from .yamlfile import MappingNode, ScalarNode, is_empty

NATIONS = ("england", "wales", "scotland", "northern-ireland")
ACCESS = ("walk-in", "appointment", "walk-in-and-appointment", "closed")  # 1.3: walk-in-and-appointment
LANGUAGES = tuple(LANGUAGE_NAMES)
# "walk-in or appointment" names two choices: the hint offers the one that says both (format 1.3), never one of them.
ACCESS_TOGETHER = {frozenset({"walk-in", "appointment"}): "walk-in-and-appointment"}
# Words for help in person, written as a channel type: in this format a place people visit is an office.
IN_PERSON = ("In-person help is an office, not a channel: add the place under 'offices:' in services.yaml, with its "
             "address, postcode, access and opening hours, and list its id under 'offices:' of the services "
             "people can get there.")
IN_PERSON_WORDS = {word: IN_PERSON for word in ("face-to-face", "face to face", "in-person", "in person", "visit",
                                               "walk-in", "office", "counter", "reception", "drop-in")}


def Said(kind=None):
    """A field shown as words: in each of the council's languages (format 1.2)."""
    return Localised(kind or Text())


def SaidItems(kind):
    """A list of words, item by item in each language, or one list per language (format 1.2)."""
    return Localised(kind, items=True)


def SameOrSaid(kind):
    """A web address: the same in every language, or one line per language when the page differs by language."""
    return Localised(kind, shared=True)


class ServiceTarget(Localised):
    """A service standard's target: a target like "10 working days" (the same in every language, which
    the site says in each), or any words, which in a catalogue in two languages are written in each."""

    def __init__(self):
        super().__init__(Text())

    def read(self, node, reader, where):
        if isinstance(node, ScalarNode) and isinstance(node.value, str):
            try:
                read_target(node.value)
            except ValueProblem:
                pass
            else:
                return Text().read(node, reader, where)
        return super().read(node, reader, where)


class ChannelAddress(Localised):
    """A channel's address: for post, lines of words in each language; for email, an email address,
    which is the same in every language."""

    def __init__(self):
        super().__init__(Lines(), items=True)

    def read(self, node, reader, where):
        if isinstance(node, ScalarNode) and "@" in node.value and " " not in node.value.strip():
            return self.inner.read(node, reader, where)
        return super().read(node, reader, where)


def _check_channel(raw: Raw, reader: Reader) -> None:
    """What each type of channel needs (from the channel registry): a number for phones, a web address for online ones."""
    kind = raw.get("type")
    where = raw.where
    spec = CHANNEL_TYPES.get(kind)
    needs = spec.needs if spec else ()
    if spec and spec.needs_one_of and not any(name in raw.nodes for name in spec.needs_one_of):
        reader.problem(raw.node, where, f"A {kind} channel needs a {' or a '.join(spec.needs_one_of)}.",
                       expected=" or ".join(f"{name}:" for name in spec.needs_one_of), found="neither",
                       hint="Add the web address of the BSL video relay service, or its number.")
    for name in needs:
        empty = name in raw.nodes and is_empty(raw.nodes[name])
        if name not in raw and (name not in raw.nodes or empty):  # a value that failed has its own problem
            reader.problem(raw.at(name), where + ((name,) if empty else ()), f"A {kind} channel needs '{name}'.",
                           expected=f"{name}: {CHANNEL_FIELDS[name].kind.expected}",
                           found="nothing" if empty else "no line for it",
                           hint=f"Write the {name} after '{name}:'." if empty else f"Add a line '{name}: ...' to this channel.")
    if "number" in raw:
        text, node = raw["number"], raw.at("number")
        try:
            raw["number"] = read_phone(text, relay=bool(spec and spec.relay))
        except ValueProblem as problem:
            reader.problem(node, where + ("number",), problem.message,
                           expected="a text relay number: 18001 then a UK phone number" if spec and spec.relay
                           else "a UK phone number, like 01632 960000",
                           found=f"'{text}'", hint=problem.hint)
    if "address" in raw and kind == "email":
        value, node = raw["address"], raw.at("address")
        # An email address is not words: one address, though a council may give one per language.
        if isinstance(value, Translations):
            value = value.values[0][1]
        value = tuple(v.values[0][1] if isinstance(v, Translations) else v for v in value)
        try:
            raw["address"] = read_email(value[0] if len(value) == 1 else "")
        except ValueProblem as problem:
            reader.problem(node, where + ("address",), problem.message, expected="an email address",
                           found=f"'{', '.join(map(str, value))}'", hint=problem.hint)


CHANNEL_FIELDS = {f.name: f for f in (
    Field("id", Id(), doc="A short name other parts of the file use to point at this channel."),
    Field("type", Choice(tuple(CHANNEL_TYPES), meant=IN_PERSON_WORDS), required=True, doc="What kind of channel this is."),
    Field("name", Said(), doc="What the channel is called, like 'Customer services'."),
    Field("number", Text("a UK phone number, like 01632 960000"),
          doc="For phone, sms, text-relay and video-relay. Text relay numbers start with 18001. "
              "An extension may follow: 01632 960000 ext. 4505."),
    Field("url", SameOrSaid(Url()), doc="For online, webchat, chatbot, social, and video-relay."),
    Field("address", ChannelAddress(), doc="For email: the email address. For post: the address lines, without the postcode."),
    Field("postcode", Postcode(), doc="For post."),
    Field("opening_hours", OpeningHoursKind(), doc="When the channel is staffed. Days not listed are closed."),
    Field("description", Said(Markdown()), doc="Anything else people should know."),
    Field("languages", ListOf(LanguageCode(), single=True),
          doc="Version 1.2: the languages the channel is served in, when it is one only, like [cy] for a Welsh language line."),
)}


def channel_record(inline: bool) -> Record:
    fields = dict(CHANNEL_FIELDS)
    fields["id"] = Field("id", Id(), required=not inline, doc=CHANNEL_FIELDS["id"].doc)
    fields["name"] = Field("name", Said(), required=not inline, doc=CHANNEL_FIELDS["name"].doc)
    return Record("a channel", tuple(fields.values()), check=_check_channel)


class ContactItem(Text):
    """A channel id, or a channel written out in full for one service."""

    def __init__(self):
        super().__init__("a channel id, or a channel with type, name and its details")
        self.reference = Ref("a channel")
        self.inline = channel_record(inline=True)

    def read(self, node, reader, where):
        if isinstance(node, MappingNode):
            return self.inline.read(node, reader, where)
        return self.reference.read(node, reader, where)


def _check_office(raw: Raw, reader: Reader) -> None:
    for reference in raw.get("instead", []):
        if reference.id == raw.get("id"):
            reader.problem(reference.node, reference.where, "An office cannot be where to go instead of itself.",
                           expected="the id of another office", found=f"'{reference.id}'",
                           hint="Name the office people should go to while this one is closed.")
    # By the lines given, not the values read: a latitude out of range has its own message, and is not "missing".
    if ("latitude" in raw.nodes) != ("longitude" in raw.nodes):
        missing = "longitude" if "latitude" in raw.nodes else "latitude"
        reader.problem(raw.node, raw.where, f"'{missing}' is missing: give both latitude and longitude, or neither.",
                       expected="latitude and longitude together", found=f"only {'latitude' if missing == 'longitude' else 'longitude'}",
                       hint=f"Add '{missing}:' from the same map, or remove the other one.")


def _check_dates(start: str, end: str, noun: str):
    def check(raw: Raw, reader: Reader) -> None:
        if start in raw and end in raw and raw[end] < raw[start]:
            reader.problem(raw.at(end), raw.where + (end,), f"The {noun} ends before it starts.",
                           expected=f"'{end}' on or after '{start}'", found=f"{start}: {raw[start]}, {end}: {raw[end]}",
                           hint="Check the year and the month. Swap the dates if they are the wrong way round.")
    return check


CLOSURE = Record("a closure", (
    Field("from", Date(), required=True, doc="The first day the office is closed."),
    Field("to", Date(), doc="The last day it is closed (the same as from if left out)."),
    Field("reason", Said(), doc="Why, in a few words, like 'Christmas and New Year'."),
), check=_check_dates("from", "to", "closure"))

COUNCIL = Record("the council", (
    Field("name", Said(), required=True, doc="The council's full name."),
    Field("languages", ListOf(LanguageCode(), min_items=1, single=True),
          doc="Version 1.2: the languages the council publishes in, the main one first, like [en, cy]. "
              "The first is at the site's root, each other under /<code>/."),
    Field("website", Url(https_only=True), required=True, doc="The address of the published site, starting https://."),
    Field("nation", Choice(NATIONS), required=True, doc="Decides which bank holidays apply."),
    Field("tagline", Said(), doc="A line shown under the council's name on the home page."),
    Field("call_charges", SameOrSaid(Url()), doc="A page explaining what calls cost."),
    Field("popular", ListOf(Ref("a service"), single=True),
          doc="Version 1.1: service ids for 'Most used services' on the home page, in that order."),
    Field("extra_help", Said(Markdown()), doc="Version 1.1: how people with complex needs can get extra help. "
                                        "Shown on the contact page, service pages and the contact leaflet."),
    # 1.3 (d-truth): the place served, for search engines and open data
    Field("area", Said(), doc="Version 1.3: the place the council serves, like 'Bracknell Forest', for search "
                              "engines and open data. When left out, no area is claimed."),
))

CATEGORY = Record("a category", (
    Field("id", Id(), required=True),
    Field("name", Said(), required=True, doc="The name residents see, like 'Council Tax and benefits'."),
    Field("summary", Said(), doc="One line saying what is in the category."),
))

OFFICE = Record("an office", (
    Field("id", Id(), required=True),
    Field("name", Said(), required=True),
    Field("address", SaidItems(Lines()), required=True, doc="The address lines, without the postcode."),
    Field("postcode", Postcode(), required=True),
    Field("access", Choice(ACCESS, together=ACCESS_TOGETHER), required=True,
          doc="walk-in, appointment (only), walk-in-and-appointment (version 1.3: walk in, or book for a longer "
              "talk), or closed."),
    Field("instead", ListOf(Ref("an office"), single=True),
          doc="Version 1.1: where to go while this office is closed (office ids)."),
    Field("opening_hours", OpeningHoursKind()),
    Field("closures", ListOf(CLOSURE), doc="Days the office is shut, like Christmas."),
    Field("facilities", SaidItems(Words()), doc="Free words, like step-free access, hearing loop."),
    Field("directions", Said(Markdown()), doc="How to get there."),
    Field("phone", Phone()),
    Field("latitude", Number("a latitude from -90 to 90, like 54.6431", -90, 90)),
    Field("longitude", Number("a longitude from -180 to 180, like -3.5436", -180, 180)),
    Field("notice", Said(), doc="A standing note for visitors, like parking."),
), check=_check_office)

ONLINE_ACTION = Record("an online link", (
    Field("label", Said(), required=True, doc="What you can do, like 'Pay your Council Tax'."),
    Field("url", SameOrSaid(Url()), required=True),
))

_COUNCIL_WIDE = ("A service's own standard is for the service, however people contact you about it. A promise about "
                 "one way of contacting you goes under 'standards:' in standards.yaml, with its channel.")

SERVICE_PROMISE = Record("a service standard", (
    Field("promise", Said(), required=True),
    Field("target", ServiceTarget(), doc="A target like 10 working days, or any words."),
), misplaced={"channel": "Delete the line. " + _COUNCIL_WIDE, "offices": "Delete the line. " + _COUNCIL_WIDE,
              "share": "Write the share in the promise or the target, like 'target: 80% within 10 working days'."})

SERVICE = Record("a service", (
    Field("id", Id(), required=True),
    Field("name", Said(), required=True),
    Field("category", Ref("a category"), required=True),
    Field("summary", Said(), required=True, doc="One sentence saying what the service is for."),
    Field("description", Said(Markdown())),
    Field("online", ListOf(ONLINE_ACTION), doc="Things you can do online."),
    Field("contact", ListOf(ContactItem(), single=True), doc="Channel ids, or channels written out for this service."),
    Field("offices", ListOf(Ref("an office"), single=True), doc="Offices where you can get help in person."),
    Field("standards", ListOf(SERVICE_PROMISE), doc="Promises for this service alone."),
    Field("keywords", SaidItems(Words()), doc="Other words people search for."),
    Field("status", Choice(("active", "temporarily-closed"))),
    Field("reviewed", Date(), doc="When the content was last checked."),
    Field("owner", Said(), doc="Who keeps it up to date."),
))

NOTICE = Record("a notice", (
    Field("text", Said(Markdown()), required=True),
    Field("from", Date(), doc="Not shown before this date."),
    Field("until", Date(), doc="Not shown after this date."),
    Field("level", Choice(("info", "warning"))),
    Field("on", ListOf(Ref("an office, service or category"), single=True),
          doc="Office, service or category ids. Shown everywhere if left out."),
), check=_check_dates("from", "until", "notice"))

ACCESSIBILITY = Record("the accessibility statement", (
    Field("status", Choice(("full", "partial", "not")),
          doc="How far the site meets WCAG 2.2 AA: full, partial or not. Partial needs known problems."),
    Field("problems", SaidItems(ListOf(Markdown("a known problem"))), doc="Known problems, in plain words."),
    Field("email", Email(), doc="Where to report an accessibility problem."),
    Field("phone", Phone(), doc="A phone number for accessibility problems (the main number if left out)."),
    Field("response_days", WorkingDays(), doc="How soon you reply to a request, in working days."),
    Field("prepared", Date(), doc="When the statement was first prepared."),
    Field("reviewed", Date(), doc="When it was last reviewed."),
))

SERVICES_FILE = Record("services.yaml", (
    Field("council", COUNCIL, required=True),
    Field("categories", ListOf(CATEGORY, min_items=1), required=True),
    Field("channels", ListOf(channel_record(inline=False)), required=True),
    Field("offices", ListOf(OFFICE)),
    Field("services", ListOf(SERVICE, min_items=1), required=True),
    Field("notices", ListOf(NOTICE)),
    Field("accessibility", ACCESSIBILITY, doc="Open Counter addition: the accessibility statement's facts."),
))

def _share_needs_target(raw: Raw, reader: Reader) -> None:
    """A share is the share of contacts the target is for: without a target it says nothing."""
    if "share" in raw and "target" not in raw.nodes:
        reader.problem(raw.at("share"), raw.where + ("share",), "A share needs a target: the share of contacts "
                       "that meets what?", expected="target: with the share, like 'target: 60 seconds'",
                       found="share with no target",
                       hint="Add 'target:' with the time, like 'target: 60 seconds', or remove the share.")


STANDARD = Record("a standard", (
    Field("id", Id(), doc="Needed to publish performance against it."),
    Field("channel", Choice(STANDARD_CHANNELS, meant={word: "Did you mean 'in-person'? It is the channel for "
                                                         "help at an office." for word in ("face-to-face", "face to face",
                                                                                           "visit", "office", "walk-in")}),
          doc="The way of contacting us it is about (any if left out)."),
    Field("promise", Said(), required=True),
    Field("target", Target()),
    Field("share", Percent(), doc="Version 1.3: the share of contacts the target is for, like 80%: "
                                  "printed with the target, as in '80% of calls within 60 seconds'."),
    Field("offices", ListOf(Ref("an office"), single=True),
          doc="Version 1.3: office ids, for a standard at these offices only. It is shown on the standards page "
              "(naming the offices), on those offices' pages and on the pages of services offered there."),
    Field("detail", Said(Markdown())),
), check=_share_needs_target)


def _check_review(raw: Raw, reader: Reader) -> None:
    """The standards are reviewed after they were agreed: a review date before `adopted` is a slip."""
    if "adopted" in raw and "next_review" in raw and last_day(raw["next_review"]) < first_day(raw["adopted"]):
        reader.problem(raw.at("next_review"), ("next_review",), "The next review is before the standards were agreed.",
                       expected="'next_review' on or after 'adopted'",
                       found=f"adopted: {raw['adopted'].isoformat()}, next_review: {raw['next_review'].isoformat()}",
                       hint="Check the years. 'next_review' is when you will next review the standards, so it "
                            "comes after 'adopted'.")

def _check_result(raw: Raw, reader: Reader) -> None:
    """A result is for a standard or for a measure, not both; a standard's result is a percentage."""
    has = [name for name in ("standard", "measure") if name in raw.nodes]
    if len(has) == 2:
        reader.problem(raw.at("measure"), raw.where, "A result names a standard and a measure.",
                       expected="standard: or measure:, not both", found="both",
                       hint="Split it into two results, one for the standard and one for the measure.")
    elif not has:
        reader.problem(raw.node, raw.where, "'standard' is missing.", expected="standard: the id of a standard, "
                       "or measure: the id of a measure", found="no line for it",
                       hint="Add a line 'standard: ...' with the id of the standard this result is for.")
    figure = raw.get("result")
    if "standard" in raw.nodes and figure is not None and not figure.percent:
        try:  # version 1 reads a plain 86 as 86%
            raw["result"] = FigureValue(read_percent(raw.at("result").value), True)
            return
        except ValueProblem:
            pass
        reader.problem(raw.at("result"), raw.where + ("result",), "A standard's result should be a percentage.",
                       expected="a percentage, like 86%", found=f"'{figure.text}'",
                       hint=f"Write it as a percentage, like {figure.text}%, if that is the share that met the target. "
                            "A count belongs to a measure.")


RESULT = Record("a performance result", (
    Field("standard", Ref("a standard"), doc="The standard this result is for (or give measure)."),
    Field("measure", Ref("a measure"), doc="Version 1.1: the measure this result is for (or give standard)."),
    Field("period", Said(), required=True, doc="Like 'April to June 2026'."),
    Field("result", Figure(), required=True,
          doc="The share of contacts that met the target, like 86%. A measure's result may be a number, like 1,204."),
    Field("goal", Percent()),
), check=_check_result)

MEASURE = Record("a measure", (
    Field("id", Id(), required=True),
    Field("name", Said(), required=True, doc="What is measured, like 'Customers satisfied with our service'."),
    Field("description", Said(Markdown()), doc="Where the figure comes from."),
))

FEEDBACK = Record("feedback", (
    Field("complaints", SameOrSaid(Url())),
    Field("suggestions", SameOrSaid(Url())),
    Field("text", Said(Markdown())),
))

GLOSSARY_TERM = Record("a glossary term", (
    Field("term", Said(), required=True),
    Field("meaning", Said(), required=True),
))

STANDARDS_FILE = Record("standards.yaml", (
    Field("title", Said(), doc="Version 1.1: the title of the standards page and leaflet "
                               "(\"Our customer service standards\" if left out)."),
    Field("adopted", DateOrMonth(), doc="Version 1.1: when the standards were agreed. Version 1.3: a month "
                                        "(2024-09) when only the month is known."),
    Field("next_review", DateOrMonth(), doc="Version 1.1: when they will next be reviewed: a date, or (1.3) a month. "
                                            "On or after 'adopted'."),
    Field("introduction", Said(Markdown())),
    Field("promises", SaidItems(ListOf(Text("a promise"), min_items=1, single=True)), required=True),
    Field("standards", ListOf(STANDARD), required=True),
    Field("ask_of_you", SaidItems(ListOf(Text("a request"), single=True))),
    Field("feedback", FEEDBACK),
    Field("measures", ListOf(MEASURE), doc="Version 1.1: published figures that are not a standard's target."),
    Field("performance", ListOf(RESULT)),
    Field("glossary", ListOf(GLOSSARY_TERM)),
), check=_check_review)
