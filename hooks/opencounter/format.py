"""The catalogue format (version 1) as one table: every record, every field, what it takes.

This table is what the loader checks against. The contract is ../shared/catalogue-format.md;
fields marked "Open Counter addition" are optional extras documented in docs/editors-guide.md.
"""

from __future__ import annotations

from .fields import (Choice, Date, Email, Field, Id, Lines, ListOf, Markdown, Number, OpeningHoursKind, Percent,
                     Phone, Raw, Reader, Record, Ref, Target, Text, Url, Words)
from .models import CHANNEL_TYPES, STANDARD_CHANNELS
from .values import ValueProblem, read_email, read_phone
from .yamlfile import MappingNode, is_empty

NATIONS = ("england", "wales", "scotland", "northern-ireland")
ACCESS = ("walk-in", "appointment", "closed")


def _check_channel(raw: Raw, reader: Reader) -> None:
    """What each type of channel needs: a number for phones, a web address for online ones."""
    kind = raw.get("type")
    where = raw.where
    needs = {
        "phone": ("number",), "text-relay": ("number",), "email": ("address",),
        "online": ("url",), "webchat": ("url",), "social": ("url",),
        "post": ("address", "postcode"),
    }.get(kind, ())
    if kind == "video-relay" and "number" not in raw and "url" not in raw:
        reader.problem(raw.node, where, "A video relay channel needs a number or a url.",
                       expected="number: or url:", found="neither",
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
            raw["number"] = read_phone(text, relay=kind == "text-relay")
        except ValueProblem as problem:
            reader.problem(node, where + ("number",), problem.message,
                           expected="a text relay number: 18001 then a UK phone number" if kind == "text-relay"
                           else "a UK phone number, like 01632 960000",
                           found=f"'{text}'", hint=problem.hint)
    if "address" in raw:
        value, node = raw["address"], raw.at("address")
        if kind == "email":
            try:
                raw["address"] = read_email(value[0] if len(value) == 1 else "")
            except ValueProblem as problem:
                reader.problem(node, where + ("address",), problem.message, expected="an email address",
                               found=f"'{', '.join(value)}'", hint=problem.hint)


CHANNEL_FIELDS = {f.name: f for f in (
    Field("id", Id(), doc="A short name other parts of the file use to point at this channel."),
    Field("type", Choice(CHANNEL_TYPES), required=True, doc="What kind of channel this is."),
    Field("name", Text(), doc="What the channel is called, like 'Customer services'."),
    Field("number", Text("a UK phone number, like 01632 960000"),
          doc="For phone, text-relay and video-relay. Text relay numbers start with 18001."),
    Field("url", Url(), doc="For online, webchat, social, and video-relay."),
    Field("address", Lines(), doc="For email: the email address. For post: the address lines, without the postcode."),
    Field("postcode", Text("a postcode, like RV1 2AB"), doc="For post."),
    Field("opening_hours", OpeningHoursKind(), doc="When the channel is staffed. Days not listed are closed."),
    Field("description", Markdown(), doc="Anything else people should know."),
)}


def channel_record(inline: bool) -> Record:
    fields = dict(CHANNEL_FIELDS)
    fields["id"] = Field("id", Id(), required=not inline, doc=CHANNEL_FIELDS["id"].doc)
    fields["name"] = Field("name", Text(), required=not inline, doc=CHANNEL_FIELDS["name"].doc)
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
    if ("latitude" in raw) != ("longitude" in raw):
        missing = "longitude" if "latitude" in raw else "latitude"
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
    Field("reason", Text(), doc="Why, in a few words, like 'Christmas and New Year'."),
), check=_check_dates("from", "to", "closure"))

COUNCIL = Record("the council", (
    Field("name", Text(), required=True, doc="The council's full name."),
    Field("website", Url(https_only=True), required=True, doc="The address of the published site, starting https://."),
    Field("nation", Choice(NATIONS), required=True, doc="Decides which bank holidays apply."),
    Field("tagline", Text(), doc="A line shown under the council's name on the home page."),
    Field("call_charges", Url(), doc="A page explaining what calls cost."),
))

CATEGORY = Record("a category", (
    Field("id", Id(), required=True),
    Field("name", Text(), required=True, doc="The name residents see, like 'Council Tax and benefits'."),
    Field("summary", Text(), doc="One line saying what is in the category."),
))

OFFICE = Record("an office", (
    Field("id", Id(), required=True),
    Field("name", Text(), required=True),
    Field("address", Lines(), required=True, doc="The address lines, without the postcode."),
    Field("postcode", Text("a postcode, like RV1 2AB"), required=True),
    Field("access", Choice(ACCESS), required=True, doc="walk-in, appointment (only), or closed."),
    Field("opening_hours", OpeningHoursKind()),
    Field("closures", ListOf(CLOSURE), doc="Days the office is shut, like Christmas."),
    Field("facilities", Words(), doc="Free words, like step-free access, hearing loop."),
    Field("directions", Markdown(), doc="How to get there."),
    Field("phone", Phone()),
    Field("latitude", Number("a latitude from -90 to 90, like 54.6431", -90, 90)),
    Field("longitude", Number("a longitude from -180 to 180, like -3.5436", -180, 180)),
    Field("notice", Text(), doc="A standing note for visitors, like parking."),
), check=_check_office)

ONLINE_ACTION = Record("an online link", (
    Field("label", Text(), required=True, doc="What you can do, like 'Pay your Council Tax'."),
    Field("url", Url(), required=True),
))

SERVICE_PROMISE = Record("a service standard", (
    Field("promise", Text(), required=True),
    Field("target", Text()),
))

SERVICE = Record("a service", (
    Field("id", Id(), required=True),
    Field("name", Text(), required=True),
    Field("category", Ref("a category"), required=True),
    Field("summary", Text(), required=True, doc="One sentence saying what the service is for."),
    Field("description", Markdown()),
    Field("online", ListOf(ONLINE_ACTION), doc="Things you can do online."),
    Field("contact", ListOf(ContactItem(), single=True), doc="Channel ids, or channels written out for this service."),
    Field("offices", ListOf(Ref("an office"), single=True), doc="Offices where you can get help in person."),
    Field("standards", ListOf(SERVICE_PROMISE), doc="Promises for this service alone."),
    Field("keywords", Words(), doc="Other words people search for."),
    Field("status", Choice(("active", "temporarily-closed"))),
    Field("reviewed", Date(), doc="When the content was last checked."),
    Field("owner", Text(), doc="Who keeps it up to date."),
))

NOTICE = Record("a notice", (
    Field("text", Markdown(), required=True),
    Field("from", Date(), doc="Not shown before this date."),
    Field("until", Date(), doc="Not shown after this date."),
    Field("level", Choice(("info", "warning"))),
    Field("on", ListOf(Ref("an office, service or category"), single=True),
          doc="Office, service or category ids. Shown everywhere if left out."),
), check=_check_dates("from", "until", "notice"))

ACCESSIBILITY = Record("the accessibility statement", (
    Field("status", Choice(("full", "partial", "not")),
          doc="How far the site meets WCAG 2.2 AA: full, partial or not. Partial needs known problems."),
    Field("problems", ListOf(Markdown("a known problem")), doc="Known problems, in plain words."),
    Field("email", Email(), doc="Where to report an accessibility problem."),
    Field("phone", Phone(), doc="A phone number for accessibility problems (the main number if left out)."),
    Field("response_days", Text("a number of working days, like 10"), doc="How soon you reply to a request."),
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

STANDARD = Record("a standard", (
    Field("id", Id(), doc="Needed to publish performance against it."),
    Field("channel", Choice(STANDARD_CHANNELS), doc="The way of contacting us it is about (any if left out)."),
    Field("promise", Text(), required=True),
    Field("target", Target()),
    Field("detail", Markdown()),
))

RESULT = Record("a performance result", (
    Field("standard", Ref("a standard"), required=True),
    Field("period", Text(), required=True, doc="Like 'April to June 2026'."),
    Field("result", Percent(), required=True, doc="The share of contacts that met the target."),
    Field("goal", Percent()),
))

FEEDBACK = Record("feedback", (
    Field("complaints", Url()),
    Field("suggestions", Url()),
    Field("text", Markdown()),
))

GLOSSARY_TERM = Record("a glossary term", (
    Field("term", Text(), required=True),
    Field("meaning", Text(), required=True),
))

STANDARDS_FILE = Record("standards.yaml", (
    Field("introduction", Markdown()),
    Field("promises", ListOf(Text("a promise"), min_items=1, single=True), required=True),
    Field("standards", ListOf(STANDARD), required=True),
    Field("ask_of_you", ListOf(Text("a request"), single=True)),
    Field("feedback", FEEDBACK),
    Field("performance", ListOf(RESULT)),
    Field("glossary", ListOf(GLOSSARY_TERM)),
))
