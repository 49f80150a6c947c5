"""The catalogue format (version 1.3) as one table: every record, every field, what it takes.

A field shown as words is `Said`: in a catalogue in two languages, it is written once per language.

This table is what the loader checks against. The contract is ../shared/catalogue-format.md;
fields marked "Open Counter addition" are optional extras documented in docs/editors-guide.md.
"""

from __future__ import annotations

from .channels import CHANNEL_TYPES, STANDARD_CHANNELS
from .fields import (INVALID, LANGUAGE_NAMES, Checked, Choice, Date, DateOrMonth, Email, Field, Figure, Id, LanguageCode, Lines, ListOf, Localised,
                     Markdown, Number, OpeningHoursKind, Percent, Phone, Postcode, Raw, Reader, Record, Ref, Target, Text, Translations,
                     Url, WorkingDays, Words)
from .values import Figure as FigureValue
from .values import (UNITS, ValueProblem, first_day, last_day, read_email, read_figure, read_in_unit, read_out_of,
                     read_percent, read_phone, read_target)
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

FIGURE_EXPECTED = "a percentage like 86%, or for a measure a number like 1,204"


def InUnit(expected: str) -> Checked:
    """A figure in a measure's unit (format 1.3): read as text here, and in its unit once the measure is known."""
    return Checked(expected, str, "figure-in-unit")


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
    if "result" in raw and "measure" not in raw.nodes:  # a measure's result is read in its unit (_check_measures)
        try:
            raw["result"] = read_figure(raw["result"])
        except ValueProblem as problem:
            reader.problem(raw.at("result"), raw.where + ("result",), problem.message, expected=FIGURE_EXPECTED,
                           found=f"'{raw['result']}'", hint=problem.hint)
            del raw["result"]
    figure = raw.get("result")
    if "standard" in raw.nodes and isinstance(figure, FigureValue) and not figure.percent:
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
    Field("result", InUnit(FIGURE_EXPECTED), required=True,
          doc="The share of contacts that met the target, like 86%. A measure's result may be a number, like 1,204; "
              "version 1.3: in the measure's unit, like 2:30 or 2 minutes 30 seconds, a score like 4.2, or 78%."),
    Field("goal", Percent()),
), check=_check_result)

UNIT_EXAMPLES = {"percent": "78%", "number": "1,204", "minutes": "2:30 or 2 minutes 30 seconds",
                 "seconds": "45 seconds", "score": "4.2"}


def _unit_expected(unit: str, out_of=None) -> str:
    if not unit:
        return FIGURE_EXPECTED
    said = {"percent": "a percentage", "number": "a number", "minutes": "a time", "seconds": "a time",
            "score": "a score" + (f" out of {out_of.normalize():f}" if out_of else "")}[unit]
    return f"{said}, like {UNIT_EXAMPLES[unit]}"


def read_figure_at(raw: Raw, name: str, reader: Reader, unit: str, out_of) -> None:
    """Read the figure written under `name` in the measure's unit, in place; a problem names the unit."""
    if name not in raw:
        return
    try:
        raw[name] = read_in_unit(raw[name], unit, out_of)
    except ValueProblem as problem:
        reader.problem(raw.at(name), raw.where + (name,), problem.message, expected=_unit_expected(unit, out_of),
                       found=f"'{raw[name]}'", hint=problem.hint)
        del raw[name]


def _check_measure(raw: Raw, reader: Reader) -> None:
    """Format 1.3: a score has a top mark and only a score has one; a target's date needs a target;
    the target and baseline are in the measure's unit."""
    unit = raw.get("unit", "")
    if "out_of" in raw.nodes and "unit" in raw and unit != "score":
        reader.problem(raw.at("out_of"), raw.where + ("out_of",), "Only a score has a top mark ('out_of').",
                       expected="out_of with 'unit: score'", found=f"unit: {unit}",
                       hint="Remove the 'out_of' line, or write 'unit: score' if the figures are scores.")
    elif "out_of" in raw.nodes and "unit" not in raw.nodes:
        reader.problem(raw.at("out_of"), raw.where + ("out_of",), "A top mark ('out_of') is for a score, and this "
                       "measure has no unit.", expected="'unit: score' with out_of", found="out_of with no unit",
                       hint="Add a line 'unit: score' to this measure, or remove the 'out_of' line.")
    if unit == "score" and "out_of" not in raw.nodes:
        reader.problem(raw.at("unit"), raw.where + ("unit",), "A score needs its top mark: 'out_of'.",
                       expected="out_of: the highest score, like 5", found="no line for it",
                       hint="Add a line 'out_of: 5' (or whatever the highest score is) to this measure.")
    if "by" in raw.nodes and "target" not in raw.nodes:
        reader.problem(raw.at("by"), raw.where + ("by",), "'by' says when the target is for, and this measure "
                       "has no target.", expected="target: with by", found="by with no target",
                       hint="Add a line 'target: ...' in the measure's unit, or remove the 'by' line.")
    if "baseline_period" in raw.nodes and "baseline" not in raw.nodes:
        reader.problem(raw.at("baseline_period"), raw.where + ("baseline_period",), "'baseline_period' says when "
                       "the baseline was measured, and this measure has no baseline.",
                       expected="baseline: with baseline_period", found="baseline_period with no baseline",
                       hint="Add a line 'baseline: ...' in the measure's unit, or remove the 'baseline_period' line.")
    if "unit" in raw.nodes and "unit" not in raw:
        for name in ("target", "baseline"):  # the unit has its own problem: its figures cannot be read yet
            raw.pop(name, None)
        return
    out_of = raw.get("out_of")
    for name in ("target", "baseline"):
        read_figure_at(raw, name, reader, unit, out_of)


MEASURE = Record("a measure", (
    Field("id", Id(), required=True),
    Field("name", Said(), required=True, doc="What is measured, like 'Customers satisfied with our service'."),
    Field("description", Said(Markdown()), doc="Where the figure comes from."),
    Field("unit", Choice(UNITS), doc="Version 1.3: percent, number, minutes, seconds or score. Without it, as in "
                                     "1.1: a result with % is a percentage, without it a count."),
    Field("out_of", Checked("the highest score, like 5", read_out_of, "out-of"),
          doc="Version 1.3: for unit: score, the highest score, like 5."),
    Field("better", Choice(("higher", "lower")), doc="Version 1.3: which way is better, higher or lower."),
    Field("target", InUnit("a figure in the measure's unit"), doc="Version 1.3: the figure aimed for, in the measure's unit."),
    Field("by", DateOrMonth(), doc="Version 1.3: when the target is for: a date or a month, like 2027-03."),
    Field("baseline", InUnit("a figure in the measure's unit"),
          doc="Version 1.3: the figure before the work began, in the measure's unit."),
    Field("baseline_period", Said(), doc="Version 1.3: when the baseline was measured, like 'April 2020 to March 2021'."),
    Field("first_results", DateOrMonth(), doc="Version 1.3: for a measure with no results yet, when the first are due."),
), check=_check_measure)


# ---------------------------------------------------------------- the strategy and the plan (format 1.3)

ACTION_STATUSES = ("not-started", "on-track", "at-risk", "delayed", "done", "dropped")
UPDATE_EVERY = ("month", "quarter", "year")

THEME = Record("a theme", (
    Field("id", Id(), required=True),
    Field("name", Said(), required=True, doc="The theme's name, like 'Digital, operations and performance'. "
                                             "A name with a colon is written in quotes."),
    Field("summary", Said(Markdown()), doc="One or two sentences on what the theme is about."),
))

HEARD_POINT = Record("a heard point", (
    Field("id", Id(), required=True),
    Field("text", Said(), required=True, doc="What residents said, as they said it: 'You want one login'."),
))

HEARD = Record("what residents told us", (
    Field("when", Said(), doc="When you asked, in words, like 'September 2020 to March 2021'."),
    Field("points", ListOf(HEARD_POINT, min_items=1), required=True, doc="What residents told you, point by point."),
))

STRATEGY = Record("the strategy", (
    Field("title", Said(), required=True, doc="The strategy's title, like 'Customer Services Strategy 2021 to 2024'."),
    Field("from", DateOrMonth(), doc="When it began: a date or a month, like 2021-07."),
    Field("to", DateOrMonth(), doc="When it ends: a date or a month, like 2024-03."),
    Field("approved", DateOrMonth(), doc="When it was approved."),
    Field("approved_by", Said(), doc="Who approved it, like 'the Executive Committee'."),
    Field("vision", Said(Markdown()), doc="The strategy's vision, in a sentence or two."),
    Field("papers", SameOrSaid(Url()), doc="The committee papers: the full strategy and its reports."),
    Field("themes", ListOf(THEME), doc="The strategy's themes; actions name one by its id."),
    Field("heard", HEARD, doc="What residents told you when you asked; actions name a point by its id."),
), check=lambda raw, reader: _strategy_dates(raw, reader))


def _strategy_dates(raw: Raw, reader: Reader) -> None:
    if "from" in raw and "to" in raw and last_day(raw["to"]) < first_day(raw["from"]):
        reader.problem(raw.at("to"), raw.where + ("to",), "The strategy ends before it begins.",
                       expected="'to' on or after 'from'",
                       found=f"from: {raw['from'].isoformat()}, to: {raw['to'].isoformat()}",
                       hint="Check the years. Swap the dates if they are the wrong way round.")


ACTION = Record("an action", (
    Field("id", Id(), required=True),
    Field("title", Said(), required=True, doc="What you will do, in a few words."),
    Field("theme", Ref("a theme"), doc="The id of one of the strategy's themes."),
    Field("heard", Ref("a heard point"), doc="The id of a point under 'heard:' that this action answers."),
    Field("due", DateOrMonth(), doc="When it is due: a date or a month, like 2022-03."),
    Field("status", Choice(ACTION_STATUSES), required=True,
          doc="not-started, on-track, at-risk, delayed, done or dropped."),
    Field("progress", Percent(), doc="How far it has got, like 40%."),
    Field("update", Said(Markdown()), doc="The latest news, in a sentence or two."),
    Field("services", ListOf(Ref("a service"), single=True),
          doc="Service ids: their pages say what is changing while the action is open."),
    Field("offices", ListOf(Ref("an office"), single=True),
          doc="Office ids: their pages say what is changing while the action is open."),
))

PLAN = Record("the plan", (
    Field("updated", Date(), required=True, doc="The day progress was last updated."),
    Field("update_every", Choice(UPDATE_EVERY), doc="How often you update it: month, quarter or year (year if left out)."),
    Field("owner", Said(), doc="Who is responsible for the plan: a role, not a person."),
    Field("actions", ListOf(ACTION, min_items=1), required=True, doc="What you will do."),
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
    Field("strategy", STRATEGY, doc="Version 1.3: the strategy these standards belong to."),
    Field("plan", PLAN, doc="Version 1.3: the action plan, shown on a page of its own."),
), check=lambda raw, reader: (_check_review(raw, reader), _check_measure_results(raw, reader),
                              _check_plan_dates(raw, reader)))


def _check_measure_results(raw: Raw, reader: Reader) -> None:
    """A measure's results, read in its unit (format 1.3) once the measures are known."""
    measures = {m["id"]: m for m in raw.get("measures", []) if "id" in m}
    for result in raw.get("performance", []):
        if "measure" not in result or "result" not in result:
            continue
        measure = measures.get(result["measure"].id)
        if measure is None:
            del result["result"]  # the measure is missing: reported as a reference
            continue
        if "unit" not in measure and "unit" in measure.nodes:
            del result["result"]  # the unit has its own problem
            continue
        read_figure_at(result, "result", reader, measure.get("unit", ""), measure.get("out_of"))


def _check_plan_dates(raw: Raw, reader: Reader) -> None:
    """An action cannot be due before the strategy began."""
    began = raw.get("strategy", {}).get("from")
    if began is None:
        return
    for action in raw.get("plan", {}).get("actions", []):
        due = action.get("due")
        if due is not None and last_day(due) < first_day(began):
            reader.problem(action.at("due"), action.where + ("due",), "This action is due before the strategy began.",
                           expected=f"'due' on or after the strategy's 'from' ({began.isoformat()})",
                           found=f"due: {due.isoformat()}",
                           hint="Check the year. An action in this plan is due after the strategy began.")
