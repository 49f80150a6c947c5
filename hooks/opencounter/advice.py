"""Plain English advice on a catalogue that has no errors: suggestions, never a failed build.

Each rule has a name. A council switches rules off or tunes their limits in mkdocs.yml
(`extra: advice:`), and an officer accepts advice on one field with a comment at the end of
its line: `# accept` (every rule) or `# accept: reading-age, long-sentence`.
"""

from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from .errors import Problem
from .fields import LANGUAGE_NAMES, ListOf, Localised, Markdown, Record, Text
from .loading import catalogue_languages
from .format import SERVICES_FILE, STANDARDS_FILE
from .models import Catalogue
from .calendar import months_ahead
from .values import Month, first_day, last_day
from .yamlfile import MappingNode, Node, ScalarNode, SequenceNode, position, read_yaml

RULES = {
    "plain-words": "words the GOV.UK style guide asks us to avoid",
    "long-sentence": "sentences longer than the limit",
    "long-summary": "summaries longer than one sentence or the character limit",
    "reading-age": "summaries and descriptions with a reading age above the limit",
    "jargon": "abbreviations and jargon that the glossary does not explain",
    "digital-by-choice": "services that can only be used online",
    "review-date": "services not reviewed within the limit",
    "past-dates": "closures and notices whose dates have passed, notices about a day that has passed, a "
                  "standards review date that has passed, and (format 1.3) a strategy that has ended, a plan not "
                  "updated when it should have been, actions past their due month, actions due after the strategy "
                  "ends, and a date for first results on a measure that has results",
    "other-council": "hand-written pages in content/ that name a council other than the one in services.yaml",
    "leaflet-characters": "characters the leaflet fonts cannot print, which leaflets leave out",
    "bank-holidays": "lines and offices open every day that close on bank holidays only by default",
    "translation-items": "lists written once per language with more items in one language than another",
    # Leaflet overflow (issue 23): text too long for a line of a printed leaflet.
    "leaflet-long-words": "web addresses and words too long for one line of a printed leaflet",
}


READING_AGE_MIN_WORDS = 30
# The rules that read English, and so look at the English text of a catalogue in several languages.
ENGLISH_RULES = ("plain-words", "long-sentence", "long-summary", "reading-age", "jargon")
_LANGUAGES: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("languages", default=("en",))


@dataclass
class AdviceSettings:
    """Limits and switches, from mkdocs.yml `extra: advice:`."""

    off: set[str] = field(default_factory=set)
    sentence_words: int = 25
    summary_characters: int = 160
    reading_age: float = 12
    review_months: int = 12

    @classmethod
    def from_config(cls, values: dict | None) -> "AdviceSettings":
        values = dict(values or {})
        # Without quotes, YAML 1.1 (which mkdocs.yml uses) reads the key `off` as false.
        off = values.pop("off", None) or values.pop(False, None) or []
        off = [off] if isinstance(off, str) else list(off)
        unknown = [name for name in off if name not in RULES]
        if unknown:
            raise ValueError(f"Unknown advice rule: {', '.join(map(str, unknown))}. The rules are: {', '.join(RULES)}.")
        settings = cls(off=set(off))
        for key, value in values.items():
            if key == "off" or not hasattr(settings, key):
                raise ValueError(f"Unknown advice setting: {key}. "
                                 "Use off, sentence_words, summary_characters, reading_age or review_months.")
            try:
                setattr(settings, key, type(getattr(settings, key))(value))
            except (TypeError, ValueError):
                raise ValueError(f"The advice setting {key} must be a number, not '{value}'.") from None
        return settings


# GOV.UK style guide "words to avoid", and the commonest plain English swaps.
PLAIN_WORDS = {
    "utilise": "use", "utilize": "use", "utilisation": "use", "facilitate": "help or make possible",
    "going forward": "from now on, or in future", "in order to": "to", "commence": "start", "prior to": "before",
    "purchase": "buy", "assist": "help", "assistance": "help", "endeavour": "try", "approximately": "about",
    "in relation to": "about", "with regard to": "about", "in respect of": "about", "whilst": "while",
    "amongst": "among", "obtain": "get", "sufficient": "enough", "terminate": "end", "per annum": "a year",
    "additional": "more or extra", "leverage": "use or influence", "empower": "allow or help", "liaise": "work with",
    "robust": "strong or well thought out", "streamline": "simplify", "deliver": "make, give or do",
    "deploy": "use or put into place", "foster": "encourage", "tackle": "solve or deal with", "tackling": "dealing with",
    "key": "important (unless it unlocks something)", "overarching": "main or general", "agenda": "plan",
    "collaborate": "work with", "combat": "stop or reduce", "initiate": "start", "in the event of": "if",
    "a number of": "some, or give the number", "at this point in time": "now", "due to the fact that": "because",
    "should you wish": "if you want", "dwelling": "home", "reside": "live", "residence": "home",
}
JARGON = ("statutory", "discretionary", "eligibility criteria", "arrears", "mandate", "tenure", "levy", "precept",
          "remit", "in accordance with", "thereafter", "hereby", "aforementioned", "pursuant to")
ABBREVIATIONS_EVERYONE_KNOWS = {"UK", "PDF", "OK", "TV", "ID", "NHS", "GP", "AM", "PM", "BBC", "FAQ", "DIY", "MP"}


def advise(services_path: Path, standards_path: Path, catalogue: Catalogue | None, settings: AdviceSettings,
           today: date, labels: tuple[str, str] = ("services.yaml", "standards.yaml"),
           printable: frozenset[str] | None = None) -> list[Problem]:
    """Every piece of advice, in file order. Without a catalogue (it has errors), only advice on text.
    `printable`: the characters the leaflet fonts have (no advice on characters without it)."""
    glossary = ({g.term.lower() for g in catalogue.glossary} if catalogue else _glossary_terms(standards_path))
    _LANGUAGES.set(catalogue_languages(services_path))
    found: list[Problem] = []
    for path, label, record in ((services_path, labels[0], SERVICES_FILE), (standards_path, labels[1], STANDARDS_FILE)):
        root = read_yaml(path, label, [])
        if root is None:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        advisor = _Advisor(label, lines, settings, glossary, today, found, printable)
        for where, name, kind, key, node, language in _text_fields(record, root, ()):
            advisor.text_field(where, name, kind, key, node, language)
        advisor.uneven_lists(root, ())
        long_words(advisor, root, ())  # leaflet overflow: its own walk, over every value
        if record is SERVICES_FILE and catalogue is not None:
            advisor.services(root, catalogue)
        if record is STANDARDS_FILE and catalogue is not None:
            advisor.standards(root, catalogue)
    return sorted((p for p in found if p.rule not in settings.off), key=lambda p: p.sort_key)


def _glossary_terms(standards_path: Path) -> set[str]:
    root = read_yaml(standards_path, "standards.yaml", [])
    sections = {k.value: v for k, v in root.value} if isinstance(root, MappingNode) else {}
    return {v.value.lower() for item in _items(sections.get("glossary"))
            for k, v in item.value if k.value == "term" and isinstance(v, ScalarNode)}


# ---------------------------------------------------------------- walking the file with its field table

def _text_fields(record: Record, node: Node, where: tuple[str, ...], language: str = "") -> Iterator[tuple]:
    """(where, field name, kind, key node, value node, language) for every text value in the file."""
    if not isinstance(node, MappingNode):
        return
    for key, value in node.value:
        spec = record.fields.get(key.value)
        if spec is None:
            continue
        yield from _walk(spec.kind, key.value, key, value, where + (key.value,), language)


def _walk(kind, name, key, value, where, language):
    if isinstance(kind, Localised):
        # A field in several languages: each language's line, so that each rule can tell what it reads.
        if isinstance(value, MappingNode):
            for code, text in value.value:
                if isinstance(code, ScalarNode):
                    yield from _walk(kind.inner, name, code, text, where, code.value)
        elif kind.items and isinstance(value, SequenceNode) and isinstance(kind.inner, ListOf):
            yield from _walk(ListOf(Localised(kind.inner.item)), name, key, value, where, language)
        else:
            yield from _walk(kind.inner, name, key, value, where, language or _LANGUAGES.get()[0])
    elif isinstance(kind, Record):
        yield from _text_fields(kind, value, where, language)
    elif isinstance(kind, ListOf) and isinstance(value, SequenceNode):
        for index, child in enumerate(value.value, start=1):
            item_where = where + (_label(child, index),)
            inner = getattr(kind.item, "inline", kind.item)  # contact items: channels written out in full
            if isinstance(inner, Record):
                yield from _text_fields(inner, child, item_where, language)
            elif isinstance(inner, Localised):
                yield from _walk(inner, name, child, child, item_where, language)
            elif isinstance(inner, Text) and type(inner) in (Text, Markdown) and isinstance(child, ScalarNode):
                yield item_where, name, inner, child, child, language or _LANGUAGES.get()[0]
    elif type(kind) in (Text, Markdown) and isinstance(value, ScalarNode):
        yield where, name, kind, key, value, language or _LANGUAGES.get()[0]


def _label(node: Node, index: int) -> str:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value in ("id", "name", "term", "label") and isinstance(value, ScalarNode):
                return f"item {index} ('{value.value}')"
    return f"item {index}"


# ---------------------------------------------------------------- the rules

class _Advisor:
    def __init__(self, label, lines, settings, glossary, today, found, printable=None):
        self.label, self.lines, self.settings, self.glossary, self.today, self.found = \
            label, lines, settings, glossary, today, found
        self.printable = printable

    def add(self, rule: str, node: Node, where, message: str, hint: str, key: Node | None = None) -> None:
        if self._accepted(rule, key or node):
            return
        line, column = position(node)
        self.found.append(Problem(self.label, line, column, " → ".join(where), message, hint=hint,
                                  severity="advice", rule=rule))

    def _accepted(self, rule: str, node: Node) -> bool:
        line = self.lines[node.start_mark.line] if node.start_mark.line < len(self.lines) else ""
        match = re.search(r"#\s*accept\b:?\s*([\w\-, ]*)", line)
        if not match:
            return False
        rules = [r.strip() for r in match.group(1).split(",") if r.strip()]
        return not rules or rule in rules

    def uneven_lists(self, node: Node, where: tuple[str, ...]) -> None:
        """A list written as one list per language ("facilities: en: [...] cy: [...]") whose lists
        differ in length: a line missing from one language, so its pages say less. Keywords may differ."""
        if isinstance(node, MappingNode):
            keys = [k.value for k, _ in node.value if isinstance(k, ScalarNode)]
            lists = [(k.value, v) for k, v in node.value if isinstance(k, ScalarNode) and isinstance(v, SequenceNode)]
            name = where[-1] if where else ""
            if (len(lists) > 1 and len(lists) == len(keys) and all(k in LANGUAGE_NAMES for k in keys)
                    and name != "keywords" and len({len(v.value) for _, v in lists}) > 1):
                counts = " and ".join(f"{len(v.value)}{' items' if i == 0 else ''} in {LANGUAGE_NAMES[k]} ({k})"
                                      for i, (k, v) in enumerate(lists))
                fewer = min(lists, key=lambda item: len(item[1].value))[0]
                self.add("translation-items", node, where, f"'{name}' has {counts}.",
                         f"Check that no item is missing from the {LANGUAGE_NAMES[fewer]} list: each item is "
                         "usually said in each language, so that both sites say as much. If the lists really "
                         "differ, end this line with # accept.")
                return
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    self.uneven_lists(value, where + (key.value,))
        elif isinstance(node, SequenceNode):
            for index, child in enumerate(node.value, start=1):
                self.uneven_lists(child, where + (_label(child, index),))

    def text_field(self, where, name, kind, key, node, language: str = "en") -> None:
        text = plain_text(node.value) if isinstance(kind, Markdown) else node.value
        if self.printable is not None and not text.isascii():
            missing = sorted({c for c in text if c not in self.printable and not c.isspace()})
            if missing:
                self.add("leaflet-characters", node, where,
                         f"The printed leaflets cannot show {', '.join(repr(c) for c in missing[:5])}: their fonts do "
                         "not have it, so leaflets leave it out. The website shows it.",
                         "Use words instead of emoji and symbols. For text in another alphabet, give the "
                         "information in English too, so that a leaflet still says it.", key)
        if language != "en":  # the rules below read English
            return
        lower = text.lower()
        for phrase, instead in PLAIN_WORDS.items():
            if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", lower):
                self.add("plain-words", node, where, f"'{phrase}' is a word to avoid in plain English.",
                         f"Try '{instead}'.", key)
        for sentence in sentences(text):
            words = len(sentence.split())
            if words > self.settings.sentence_words:
                self.add("long-sentence", node, where,
                         f"A sentence has {words} words: '{_short(sentence)}'.",
                         f"Split it so that no sentence has more than {self.settings.sentence_words} words.", key)
        if name == "summary":
            count = len(sentences(text))
            if count > 1 or len(text) > self.settings.summary_characters:
                self.add("long-summary", node, where,
                         f"The summary has {count} {'sentence' if count == 1 else 'sentences'} and "
                         f"{len(text)} characters.",
                         f"Keep a summary to one sentence of at most {self.settings.summary_characters} characters. "
                         "Put the rest in the description.", key)
        # A readability formula needs a passage: on one short sentence a single long word swings it by
        # several years, so short texts are left to the sentence and plain-words rules.
        if name in ("summary", "description") and len(text.split()) >= READING_AGE_MIN_WORDS:
            age = reading_age(text)
            if age > self.settings.reading_age:
                self.add("reading-age", node, where,
                         f"The reading age is about {age:.1f} (Flesch-Kincaid grade level plus 5).",
                         f"Aim for a reading age of {self.settings.reading_age:g} or less: "
                         "use shorter sentences and shorter, common words.", key)
        # Capitals inside a dotted name, such as GOV.UK or NHS.UK, are part of the name, not an abbreviation.
        undotted = re.sub(r"\b[\w-]+(?:\.[\w-]+)+\b", " ", text)
        for word in sorted(set(re.findall(r"\b[A-Z]{2,}s?\b", undotted))):
            bare = word.rstrip("s") if word.endswith("s") and word[:-1].isupper() else word
            if bare not in ABBREVIATIONS_EVERYONE_KNOWS and not self._explained(bare):
                self.add("jargon", node, where, f"'{bare}' is an abbreviation that the glossary does not explain.",
                         f"Write it out in full, or add '{bare}' to the glossary in standards.yaml.", key)
        for phrase in JARGON:
            if re.search(rf"\b{re.escape(phrase)}\b", lower) and not self._explained(phrase):
                self.add("jargon", node, where, f"'{phrase}' is jargon that the glossary does not explain.",
                         f"Use everyday words, or add '{phrase}' to the glossary in standards.yaml.", key)

    def _explained(self, term: str) -> bool:
        term = term.lower()
        return any(term == g or f"({term})" in g or re.search(rf"\b{re.escape(term)}\b", g) for g in self.glossary)

    def standards(self, root: MappingNode, catalogue: Catalogue) -> None:
        self.review(root, catalogue)
        self.plan(root, catalogue)

    def plan(self, root: MappingNode, catalogue: Catalogue) -> None:
        """Format 1.3: what has gone stale in the strategy, the plan and the measures."""
        strategy, plan = catalogue.strategy, catalogue.plan
        strategy_node = _value(root, "strategy")
        if strategy and strategy.end and last_day(strategy.end) < self.today:
            key, node = _entry(strategy_node, "to")
            if node is not None:
                self.add("past-dates", node, ("strategy", "to"),
                         f"The strategy ended in {_said(strategy.end)}, which has passed. The plan page still shows it.",
                         "If a new strategy has been agreed, write it under 'strategy:' and its actions under 'plan:'. "
                         "If this one was extended, change 'to'.", key)
        if plan:
            months = {"month": 1, "quarter": 3, "year": 12}[plan.update_every]
            due = months_ahead(plan.updated, months)
            key, node = _entry(_value(root, "plan"), "updated")
            if due < self.today and node is not None:
                self.add("past-dates", node, ("plan", "updated"),
                         f"The plan was last updated on {_said(plan.updated)}: it is updated every "
                         f"{ {'month': 'month', 'quarter': '3 months', 'year': 'year'}[plan.update_every]}, so an "
                         f"update was due by {_said(due)}.",
                         "Update each action's status, progress and update, then change 'updated' to today's date.", key)
            action_nodes = _items(_value(_value(root, "plan"), "actions"))
            for index, (action, node) in enumerate(zip(plan.actions, action_nodes), start=1):
                due_key, due_node = _entry(node, "due")
                if action.due is None or due_node is None:
                    continue
                where = ("plan", "actions", _label(node, index), "due")
                if action.is_open and last_day(action.due) < self.today:
                    self.add("past-dates", due_node, where,
                             f"'{action.title}' was due by {_said(action.due)} and its status is still "
                             f"'{action.status}'. The page says \"Was due {_said(action.due)}\".",
                             "Change 'status' to done if it is finished, or dropped if you stopped it. If it is "
                             "late, say so in 'update' and change 'due' to the new month.", due_key)
                if strategy and strategy.end and first_day(action.due) > last_day(strategy.end):
                    self.add("past-dates", due_node, where,
                             f"'{action.title}' is due in {_said(action.due)}, after the strategy ends "
                             f"({_said(strategy.end)}).",
                             "Check the date. If the action will finish after the strategy, say so in 'update', "
                             "or change the strategy's 'to'.", due_key)
        results = {r.measure.id for r in catalogue.performance if r.measure}
        for index, (measure, node) in enumerate(zip(catalogue.measures, _items(_value(root, "measures"))), start=1):
            key, first = _entry(node, "first_results")
            if measure.first_results and measure.id in results and first is not None:
                self.add("past-dates", first, ("measures", _label(node, index), "first_results"),
                         f"'{measure.name}' has results, so its date for first results is not shown.",
                         "Delete the 'first_results' line.", key)

    def review(self, root: MappingNode, catalogue: Catalogue) -> None:
        """A review date that has passed: the page no longer says "We will next review them by" a past day."""
        review = catalogue.next_review
        if review is None or not last_day(review) < self.today:
            return
        key, node = next(((k, v) for k, v in root.value if k.value == "next_review"), (None, None))
        if node is None:
            return
        said = MONTHS[review.month - 1] + f" {review.year}" if isinstance(review, Month) \
            else f"{review.day} {MONTHS[review.month - 1]} {review.year}"
        self.add("past-dates", node, ("next_review",),
                 f"The standards were due to be reviewed by {said}, which has passed. The page now says only "
                 f"\"We said we would review them by {said}.\"",
                 "Review the standards, then update 'next_review' to the date of the next review (and "
                 "'adopted', if they were agreed again).", key)

    def services(self, root: MappingNode, catalogue: Catalogue) -> None:
        sections = {key.value: value for key, value in root.value}
        by_id = {s.id: s for s in catalogue.services}
        for index, node in enumerate(_items(sections.get("services")), start=1):
            fields = {key.value: (key, value) for key, value in node.value}
            service = by_id.get(fields.get("id", (None, ScalarNode("", "")))[1].value)
            if service is None:
                continue
            where = ("services", f"item {index} ('{service.id}')")
            if not service.reachable_offline:
                key = fields.get("contact", (node, node))[0]
                self.add("digital-by-choice", key, where,
                         f"'{service.name}' can only be used online.",
                         "Add a phone number, a postal address or an office where people can get help, "
                         "so that nobody is shut out.", key)
            reviewed_key, reviewed = fields.get("reviewed", (None, None))
            limit = self.settings.review_months
            if service.reviewed is None:
                self.add("review-date", node, where, f"'{service.name}' has no reviewed date.",
                         "Check the page and add 'reviewed:' with today's date.")
            elif _months_between(service.reviewed, self.today) > limit:
                self.add("review-date", reviewed, where + ("reviewed",),
                         f"'{service.name}' was last reviewed on {service.reviewed.isoformat()}, "
                         f"more than {limit} months ago.", "Check the page is still right, then update the date.",
                         reviewed_key)
        hours_of = {("channels", c.id): c.opening_hours for c in catalogue.channels}
        hours_of.update({("offices", o.id): o.opening_hours for o in catalogue.offices})
        for section in ("channels", "offices"):
            for index, node in enumerate(_items(sections.get(section)), start=1):
                fields = {key.value: (key, value) for key, value in node.value}
                item_id = fields.get("id", (None, ScalarNode("", "")))[1].value
                key, hours_node = fields.get("opening_hours", (None, None))
                hours = hours_of.get((section, item_id))
                if hours is None or not isinstance(hours_node, MappingNode):
                    continue
                said = any(isinstance(k, ScalarNode) and parse_days_or_none(k.value) == "bank" for k, _ in hours_node.value)
                if not said and all(d.is_open for d in hours.days) and hours.bank_holidays.kind == "closed":
                    self.add("bank-holidays", key, (section, _label(node, index), "opening_hours"),
                             "This is open every day of the week, but shown as closed on bank holidays, because it "
                             "has no 'Bank holidays:' line.",
                             "If it is open on bank holidays, add 'Bank holidays: open as usual' (or its hours). "
                             "If it does close, add 'Bank holidays: closed' to say so.", key)
        for index, node in enumerate(_items(sections.get("offices")), start=1):
            fields = {key.value: value for key, value in node.value}
            for closure_index, closure in enumerate(_items(fields.get("closures")), start=1):
                dates = {key.value: value for key, value in closure.value}
                last = dates.get("to") or dates.get("from")
                if last is not None and _is_before(last.value, self.today):
                    self.add("past-dates", last, ("offices", _label(node, index), "closures", f"item {closure_index}"),
                             "This closure has ended.", "Remove it, so the list only shows what is coming up.")
        for index, node in enumerate(_items(sections.get("notices")), start=1):
            dates = {key.value: value for key, value in node.value}
            if dates.get("until") is not None and _is_before(dates["until"].value, self.today):
                self.add("past-dates", dates["until"], ("notices", f"item {index}", "until"),
                         "This notice has ended and is no longer shown.", "Remove it from the file.")
                continue
            text = dates.get("text")
            day = last_day_named(text.value) if isinstance(text, ScalarNode) else None
            if day is not None and day < self.today:
                self.add("past-dates", text, ("notices", f"item {index}", "text"),
                         f"This notice is about {day.day} {MONTHS[day.month - 1]} {day.year}, which has passed, "
                         "but it is still shown.",
                         "Remove the notice, or give it an 'until:' date so that it stops showing on its own.")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_DAY_IN_TEXT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)


def last_day_named(text: str) -> date | None:
    """The latest full date written in words in a text ("1 April 2023"), if any."""
    days = []
    for day, month, year in _DAY_IN_TEXT.findall(text):
        try:
            days.append(date(int(year), [m.lower() for m in MONTHS].index(month.lower()) + 1, int(day)))
        except ValueError:
            continue
    return max(days) if days else None


def parse_days_or_none(key: str):
    from .hours import HoursError, parse_days
    try:
        return parse_days(key)
    except HoursError:
        return None


def _value(node: Node | None, name: str) -> Node | None:
    return _entry(node, name)[1]


def _entry(node: Node | None, name: str) -> tuple[Node | None, Node | None]:
    """The key and value nodes of `name` in a section, or (None, None)."""
    if not isinstance(node, MappingNode):
        return None, None
    return next(((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == name), (None, None))


def _said(value: date | Month) -> str:
    """ "March 2027" or "31 October 2026", for advice (in English, as every message is)."""
    if isinstance(value, Month):
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _items(node: Node | None) -> list[MappingNode]:
    return [n for n in node.value if isinstance(n, MappingNode)] if isinstance(node, SequenceNode) else []


def _is_before(text: str, today: date) -> bool:
    try:
        return date.fromisoformat(text.strip()) < today
    except ValueError:
        return False


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def _short(sentence: str, words: int = 8) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# ---------------------------------------------------------------- text measures

def plain_text(markdown: str) -> str:
    """Markdown without its markup: link text kept, addresses dropped, list items as sentences."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<?https?://\S+>?|\S+@\S+\.\w+", "", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+(.*)$", lambda m: m.group(1).rstrip(".") + ".", text, flags=re.M)
    return re.sub(r"[*_`#>]", "", text)


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n", text.strip())
    return [p.strip() for p in parts if len(p.strip().split()) > 0]


def syllables(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def reading_age(text: str) -> float:
    """Flesch-Kincaid grade level plus 5: the age of a reader in that school year.

    A name inside a sentence (a capitalised word that does not start it, like "Universal Credit")
    counts as one syllable: officers cannot make "Discretionary Housing Payment" shorter, and
    readers know the names of the things they ask about.
    """
    parts = sentences(text)
    counts = [1 if index and word[0].isupper() else syllables(word)
              for sentence in parts for index, word in enumerate(re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence))]
    if not counts:
        return 0.0
    grade = 0.39 * len(counts) / max(1, len(parts)) + 11.8 * sum(counts) / len(counts) - 15.59
    return max(0.0, grade) + 5


# ---------------------------------------------------------------- leaflet overflow (issue 23)

# A line of a large print leaflet holds about 50 characters (18pt on A4), a column of a list fewer.
# Leaflets break longer words and addresses (typeset.breakable) so nothing runs off the page, but a
# broken address is hard to read and to type, and a word that long is most often pasted by mistake.
LEAFLET_LINE = 50
LEAFLET_ADDRESS_LINES = 2  # an address over two lines is still easy to type; a longer one gets advice
_TOKEN = re.compile(r"[^\s()\[\]<>\"']+")
_NOT_PRINTED = {"id", "keywords"}


def long_words(advisor: "_Advisor", node: Node, where: tuple[str, ...]) -> None:
    """Advice on every value with a web address or word longer than a leaflet's line."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value not in _NOT_PRINTED:
                if isinstance(value, ScalarNode):
                    _long_word(advisor, key, value, where + (key.value,))
                else:
                    long_words(advisor, value, where + (key.value,))
    elif isinstance(node, SequenceNode):
        for index, child in enumerate(node.value, start=1):
            if isinstance(child, ScalarNode):
                _long_word(advisor, child, child, where + (f"item {index}",))
            else:
                long_words(advisor, child, where + (_label(child, index),))


def _long_word(advisor: "_Advisor", key: Node, node: ScalarNode, where: tuple[str, ...]) -> None:
    if not isinstance(node.value, str) or len(node.value) <= LEAFLET_LINE:
        return
    found = dict.fromkeys(t.rstrip(".,;:!?") for t in _TOKEN.findall(node.value) if len(t) > LEAFLET_LINE)
    for token in [t for t in found if len(t) > LEAFLET_LINE * (LEAFLET_ADDRESS_LINES if _is_address(t) else 1)][:3]:
        _advise_on(advisor, key, node, where, token)  # each once, at most three a value


def _is_address(token: str) -> bool:
    return bool(re.match(r"(?:[a-z][a-z0-9+.-]*:|www\.)", token, re.I)) or "/" in token


def _advise_on(advisor: "_Advisor", key: Node, node: ScalarNode, where: tuple[str, ...], longest: str) -> None:
    lines = -(-len(longest) // LEAFLET_LINE)
    shown = longest if len(longest) <= 40 else longest[:39] + "…"
    if _is_address(longest):
        advisor.add("leaflet-long-words", node, where,
                    f"This web address has {len(longest):,} characters: '{shown}'. A line of a large print leaflet "
                    f"holds about {LEAFLET_LINE}, so leaflets print it over {lines:,} lines, where it is hard to "
                    "read and to type.",
                    "Link to a page with a short address, like the council's own page about this (not a search "
                    "result or a link with tracking in it). If the address must stay, end the line with # accept.",
                    key)
    else:
        advisor.add("leaflet-long-words", node, where,
                    f"A word has {len(longest):,} characters with no space: '{shown}'. A line of a large print "
                    f"leaflet holds about {LEAFLET_LINE}, so leaflets break it over {lines:,} lines.",
                    "Check the text: a word this long is most often pasted by mistake. Put in the spaces it needs, "
                    "or shorten it.", key)
