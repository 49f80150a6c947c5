"""The building blocks of the catalogue format: kinds of value, fields and records.

A `Record` is a table of `Field`s; each field names a `Kind` that reads one YAML node.
Reading never stops at the first problem: every kind records what is wrong in the shared
`Reader` and returns `INVALID`, so one run reports everything.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

from . import hours as hours_module
from .errors import Problem, found_text
from .values import (ValueProblem, read_date, read_date_or_month, read_email, read_figure, read_id, read_percent, read_phone, read_postcode,
                     read_target, read_url, read_working_days)
from .yamlfile import MappingNode, Node, ScalarNode, SequenceNode, is_empty, position


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"

    def __bool__(self) -> bool:
        return False


INVALID: Any = _Invalid()


# Languages a catalogue can be written in (format 1.2), with their names for messages to officers.
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}


@dataclass
class Reader:
    """Where problems are collected while one file is read, and the languages the catalogue is in."""

    label: str
    problems: list[Problem] = field(default_factory=list)
    languages: tuple[str, ...] = ("en",)
    sections: list = field(default_factory=list)  # the records being read, outermost first

    def problem(self, node: Node, where: tuple[str, ...], message: str, *, expected: str = "",
                found: str = "", hint: str = "") -> None:
        line, column = position(node)
        self.problems.append(Problem(self.label, line, column, describe(where), message, expected, found, hint))


def describe(where: tuple[str, ...]) -> str:
    """A path in plain words: services → 'council-tax' → contact → item 2."""
    return " → ".join(where)


def shape_of(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a section with its own keys"
    if isinstance(node, SequenceNode):
        return "a list"
    return found_text(node.value)


_LINE_BREAKS = str.maketrans("", "", "\n\r\t")


# Zero-width non-joiner and joiner: Persian, Urdu, Arabic, Hindi, Bengali and other scripts need them
# inside words (Persian "می‌خواهم" is spelt with one). Allowed between two letters of such a script;
# refused everywhere else (between Latin letters, beside a space, at either end), where they only hide.
_JOINERS = {"\u200c", "\u200d"}


def _joins_letters(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and _needs_joiners(text[index - 1]) and _needs_joiners(text[index + 1])


def _needs_joiners(char: str) -> bool:
    """A letter or mark of a script that writes zero-width joiners inside words (not Latin, Greek, Cyrillic)."""
    if char.isascii() or unicodedata.category(char)[0] not in "LM":
        return False
    return not unicodedata.name(char, "LATIN").startswith(("LATIN", "GREEK", "CYRILLIC"))


def invisible_character(text: str) -> str:
    """The first character that cannot be seen or that turns text round (bidirectional controls), named."""
    if text.translate(_LINE_BREAKS).isprintable():  # the usual case, answered in C
        return ""
    for index, char in enumerate(text):
        if char in "\n\t\r" or (char in _JOINERS and _joins_letters(text, index)):
            continue
        if unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp"):
            name = unicodedata.name(char, "an unnamed character")
            return f"{name} (U+{ord(char):04X})"
    return ""


class Kind:
    """How to read one value. `expected` says in plain words what it should look like."""

    expected = "a value"

    def read(self, node: Node, reader: Reader, where: tuple[str, ...]) -> Any:
        raise NotImplementedError


class Text(Kind):
    """Plain text on one or more lines. Escaped wherever it is shown."""

    expected = "text"

    def __init__(self, expected: str = "text"):
        self.expected = expected

    def read(self, node, reader, where):
        if not isinstance(node, ScalarNode):
            reader.problem(node, where, f"'{where[-1]}' should be {self.expected}.",
                           expected=self.expected, found=shape_of(node),
                           hint="Write the text on the same line, after the colon.")
            return INVALID
        hidden = invisible_character(node.value)
        if hidden:
            reader.problem(node, where, f"This text has an invisible character: {hidden}.",
                           expected="letters, numbers, spaces and punctuation you can see", found=hidden,
                           hint="Retype the text, or delete the character (it is often pasted in with the text). "
                                "Invisible characters can make text read differently from how it looks, "
                                "like 'exe.live' for 'evil.exe', so they are never published.")
            return INVALID
        return node.value.strip()


class Markdown(Text):
    """Text that may use Markdown (links, lists, bold). Raw HTML is never passed through."""

    def __init__(self, expected: str = "text (Markdown allowed)"):
        super().__init__(expected)


class Checked(Text):
    """Text that a function reads into a value, or rejects with a `ValueProblem`."""

    def __init__(self, expected: str, parse: Callable[[str], Any], name: str = ""):
        super().__init__(expected)
        self._parse = parse
        self.name = name

    def read(self, node, reader, where):
        text = super().read(node, reader, where)
        if text is INVALID:
            return INVALID
        try:
            return self._parse(text)
        except (ValueProblem, hours_module.HoursError) as problem:
            reader.problem(node, where, problem.message, expected=self.expected,
                           found=found_text(text), hint=problem.hint)
            return INVALID


def Id() -> Checked:
    return Checked("an id: lower-case words joined by hyphens, like council-tax", read_id, "id")


def Date() -> Checked:
    return Checked("a date written year-month-day, like 2026-12-24", read_date, "date")


def DateOrMonth() -> Checked:
    """Format 1.3: a date, or a month (2024-09) where the council's own document gives only the month."""
    return Checked("a date written year-month-day, like 2026-12-24, or a month written year-month, like 2024-09",
                   read_date_or_month, "date-or-month")


def Url(https_only: bool = False) -> Checked:
    return Checked("a web address starting https://", lambda text: read_url(text, https_only),
                   "https-url" if https_only else "url")


def Email() -> Checked:
    return Checked("an email address", read_email, "email")


def Phone(relay: bool = False) -> Checked:
    expected = "a text relay number: 18001 then a UK phone number" if relay else "a UK phone number, like 01632 960000"
    return Checked(expected, lambda text: read_phone(text, relay), "phone")


def Target() -> Checked:
    return Checked("a target like 45 seconds, 2 working days or next working day", read_target, "target")


def Percent() -> Checked:
    return Checked("a percentage, like 86%", read_percent, "percent")


def Figure() -> Checked:
    return Checked("a percentage like 86%, or for a measure a number like 1,204", read_figure, "figure")


def WorkingDays() -> Checked:
    return Checked("a number of working days, like 10", read_working_days, "working-days")


def Postcode() -> Checked:
    return Checked("a UK postcode, like CA14 3YJ", read_postcode, "postcode")


class Number(Text):
    def __init__(self, expected: str, low: float, high: float):
        super().__init__(expected)
        self.low, self.high = low, high

    def read(self, node, reader, where):
        text = super().read(node, reader, where)
        if text is INVALID:
            return INVALID
        try:
            value = float(text)
        except ValueError:
            value = None
        if value is None or not self.low <= value <= self.high:
            reader.problem(node, where, f"'{where[-1]}' should be {self.expected}.", expected=self.expected,
                           found=found_text(text), hint="Copy the number from a map, like 54.6431.")
            return INVALID
        return value


class Choice(Text):
    """One word from a fixed list. Case, spaces and underscores are forgiven.

    A hint never offers a choice that says something else than the officer wrote: "Did you mean"
    only for a slip of typing, never for a word of a phrase ("walk-in or appointment" is not
    "appointment"). `together` names the choice that says two others at once; `meant` gives the
    hint for a word that is not a choice here but has a place elsewhere ("face-to-face" is an office).
    """

    def __init__(self, options: tuple[str, ...], default: str | None = None,
                 together: dict[frozenset[str], str] | None = None, meant: dict[str, str] | None = None):
        super().__init__("one of " + ", ".join(options))
        self.options = options
        self.default = default
        self.together = together or {}
        self.meant = meant or {}

    def read(self, node, reader, where):
        text = super().read(node, reader, where)
        if text is INVALID:
            return INVALID
        value = "-".join(text.lower().replace("_", " ").split())
        if value in self.options:
            return value
        reader.problem(node, where, f"'{text}' is not one of the choices for '{where[-1]}'.",
                       expected=self.expected, found=found_text(text), hint=self.hint(text))
        return INVALID

    def hint(self, text: str) -> str:
        """What to write instead of `text`, never a choice that changes what it says."""
        lowered = text.lower()
        compact = _compact(lowered)
        for word, advice in self.meant.items():
            if compact == _compact(word):
                return advice
        named = [option for option in self.options
                 if re.search(r"(?<![a-z])" + r"[-_\s]*".join(map(re.escape, option.split("-"))) + r"(?![a-z])", lowered)]
        use = f"Use one of: {', '.join(self.options)}."
        if len(named) > 1:
            both = self.together.get(frozenset(named))
            listed = " and ".join(f"'{option}'" for option in named)
            if both and both != "-".join(lowered.replace("_", " ").split()):
                return f"'{text}' names {listed} together. When both are true, write '{both}'."
            return f"'{text}' names {listed}: a choice says one thing. Write the one that is true. {use}"
        if set(re.findall(r"[a-z]+", lowered)) & _NEGATIONS or re.search(r"\b(?:or|and|but)\b|[/&+]", lowered):
            return use  # "not walk-in", "phone or email": a phrase, whose nearest choice would say less or else
        close = difflib.get_close_matches("-".join(lowered.replace("_", " ").split()), self.options, n=1, cutoff=0.5)
        # A slip of typing ("walkin", "apointment"), not a word picked out of a longer phrase.
        if close and difflib.SequenceMatcher(None, compact, _compact(close[0])).ratio() >= 0.7:
            return f"Did you mean '{close[0]}'?"
        return use


_NEGATIONS = {"no", "not", "never", "without", "except", "non", "nor"}


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


class LanguageCode(Choice):
    """A language, written as its code: en, cy. "Welsh" or "Cymraeg" gets the code as its hint."""

    NAMES = {"english": "en", "saesneg": "en", "welsh": "cy", "cymraeg": "cy"}

    def __init__(self):
        super().__init__(tuple(LANGUAGE_NAMES))

    def read(self, node, reader, where):
        text = node.value.strip() if isinstance(node, ScalarNode) and isinstance(node.value, str) else ""
        example = "languages: [en, cy]" if "council" in where else "languages: [cy]"
        if "," in text:
            reader.problem(node, where, f"'{text}' is more than one language, written as one.",
                           expected="a list of codes in square brackets", found=found_text(text),
                           hint=f"Put square brackets round the codes: 'languages: [{text}]'.")
            return INVALID
        code = self.NAMES.get(text.casefold())
        if code:
            reader.problem(node, where, f"'{text}' is the name of a language: write its code here.",
                           expected=self.expected, found=found_text(text),
                           hint=f"Write '{code}' for {LANGUAGE_NAMES[code]}, as in '{example}'.")
            return INVALID
        value = text.casefold()
        if text and value not in self.options:
            meant = self.suggestion(value)
            reader.problem(node, where, f"'{text}' is not a language Open Counter can publish in.",
                           expected=self.expected, found=found_text(text),
                           hint=(f"Did you mean '{meant}' ({LANGUAGE_NAMES[meant]})? " if meant else "")
                           + "Write en for English and cy for Welsh" + (f", as in '{example}'." if not meant else "."))
            return INVALID
        return super().read(node, reader, where)

    @classmethod
    def suggestion(cls, text: str) -> str:
        """The code someone meant by "cyy", "english" or "Cymraeg", or ""."""
        text = text.strip().casefold()
        if text in cls.NAMES:
            return cls.NAMES[text]
        close = difflib.get_close_matches(text, tuple(LANGUAGE_NAMES), n=1, cutoff=0.5)
        return close[0] if close else ""


class Ref(Text):
    """An id that points at something else. Checked once everything is read."""

    def __init__(self, target: str):
        super().__init__(f"the id of {target}")
        self.target = target

    def read(self, node, reader, where):
        text = super().read(node, reader, where)
        return INVALID if text is INVALID else Reference(text, node, where)


@dataclass(frozen=True)
class Reference:
    """An id as written, remembered with its place so a dangling one can be reported."""

    id: str
    node: Node
    where: tuple[str, ...]


class Lines(Kind):
    """Lines of text: a list, or a single line (an address without its postcode)."""

    expected = "lines of text, as a list like [Riverside House, Bridge Street, Riverton]"
    item_expected = "a line of text"

    def read(self, node, reader, where):
        if isinstance(node, ScalarNode):
            return (node.value.strip(),) if node.value.strip() else INVALID
        items = ListOf(Text("a line of text"), min_items=1).read(node, reader, where)
        return INVALID if items is INVALID else tuple(items)


class Words(Kind):
    """Short words or phrases: a list, or one line with commas between them."""

    expected = "a list of words, like [ctax, bill, discount]"
    item_expected = "a word or short phrase"

    def read(self, node, reader, where):
        if isinstance(node, ScalarNode):
            return tuple(w.strip() for w in node.value.split(",") if w.strip())
        items = ListOf(Text("a word or short phrase")).read(node, reader, where)
        return INVALID if items is INVALID else tuple(i for i in items if i)


class ListOf(Kind):
    """A list of one kind of value. `single=True` also takes one value without the list."""

    def __init__(self, item: Kind, min_items: int = 0, single: bool = False):
        self.item = item
        self.min_items = min_items
        self.single = single
        size = f"a list of at least {min_items}" if min_items else "a list"
        self.expected = f"{size}, each item {item.expected}, on its own line starting with '- '"

    def read(self, node, reader, where):
        if self.single and isinstance(node, ScalarNode):
            return [self.item.read(node, reader, where)]
        if not isinstance(node, SequenceNode):
            reader.problem(node, where, f"'{where[-1]}' should be a list.", expected=self.expected,
                           found=shape_of(node), hint="Start each item on a new line with a dash and a space: '- '.")
            return INVALID
        if len(node.value) < self.min_items:
            reader.problem(node, where, f"'{where[-1]}' needs at least {self.min_items} item.",
                           expected=self.expected, found="an empty list", hint="Add an item.")
            return INVALID
        items = []
        for index, child in enumerate(node.value, start=1):
            label = f"item {index}"
            if isinstance(child, MappingNode):
                for key, value in child.value:
                    if key.value in ("id", "name", "term", "label") and isinstance(value, ScalarNode) and value.value:
                        label = f"item {index} ('{value.value}')"
                        break
            value = self.item.read(child, reader, where + (label,))
            if value is not INVALID:
                items.append(value)
        return items


class Map(Kind):
    """Free keys mapped to values of one kind, kept in order (for opening hours)."""

    def __init__(self, expected: str):
        self.expected = expected

    def read(self, node, reader, where):
        if not isinstance(node, MappingNode):
            reader.problem(node, where, f"'{where[-1]}' should be a list of days and hours.",
                           expected=self.expected, found=shape_of(node),
                           hint="Put each day or range of days on its own line, indented, like 'Monday to Friday: 9am to 5pm'.")
            return INVALID
        return [(key, value) for key, value in node.value]


class OpeningHoursKind(Map):
    """Days or ranges of days, each with its hours (see hours.py)."""

    def __init__(self):
        super().__init__("days and hours, one per line, like 'Monday to Friday: 9am to 5pm'")

    def read(self, node, reader, where):
        entries = super().read(node, reader, where)
        if entries is INVALID:
            return INVALID
        ok = True
        read_entries = []
        covered: dict[int, str] = {}
        for key, value in entries:
            if not isinstance(key, ScalarNode):
                ok = False  # already reported by yamlfile: a key must be plain text
                continue
            here = where + (key.value,)
            try:
                days = hours_module.parse_days(key.value)
            except hours_module.HoursError as problem:
                reader.problem(key, here, problem.message, expected="a day, a range like Monday to Friday, or Bank holidays",
                               found=found_text(key.value), hint=problem.hint)
                ok = False
                continue
            if days == "bank" and "bank" in covered.values():
                reader.problem(key, here, "Bank holidays are given more than once.", expected="one bank holidays line",
                               found=found_text(key.value), hint="Keep one line for bank holidays.")
                ok = False
            if days == "bank":
                covered[-1] = "bank"
            else:
                clash = [hours_module.DAY_NAMES[d] for d in days if d in covered]
                if clash:
                    first = covered[next(d for d in days if d in covered)]
                    reader.problem(key, here, f"{clash[0]} is given more than once.",
                                   expected="each day in one line only", found=f"'{first}' and '{key.value}'",
                                   hint=f"Remove {clash[0]} from one of the lines.")
                    ok = False
                covered.update({d: key.value for d in days})
            if not isinstance(value, ScalarNode) or is_empty(value):
                reader.problem(value if not is_empty(value) else key, here, f"The hours for '{key.value}' are missing or not text.",
                               expected="hours like 9am to 5pm, or closed", found=shape_of(value) if not is_empty(value) else "nothing",
                               hint="Write the hours on the same line, after the colon.")
                ok = False
                continue
            try:
                read_entries.append((days, hours_module.parse_day_hours(value.value, bank_holiday=days == "bank")))
            except hours_module.NoteInHours as problem:
                reader.problem(value, here, problem.message, expected="hours like 9am to 5pm, with no notes",
                               found=found_text(value.value, limit=120),
                               hint=_note_hint(key.value, days, problem, office="offices" in where))
                ok = False
            except hours_module.HoursError as problem:
                reader.problem(value, here, problem.message, expected="hours like 9am to 5pm, 9am to 1pm and 2pm to 5pm, closed, 24 hours or by appointment",
                               found=found_text(value.value), hint=problem.hint)
                ok = False
        return hours_module.build_opening_hours(read_entries) if ok else INVALID


def _note_hint(key: str, days, problem, office: bool = False) -> str:
    """How to write hours that a note in brackets changes: the separate lines, in the officer's words."""
    lines = hours_module.lines_for_note(days, problem.hours, problem.note) if days != "bank" else None
    if lines:
        written = " and ".join(f"'{day}: {hours}'" for day, hours in lines)
        return (f"Give the days with other hours a line of their own, instead of '{key}': {written}, "
                "each on its own line.")
    return (f"Write '{key}: {problem.hours}' without the note. If some days have other hours, give them a line "
            "of their own, like 'Friday: 9am to 5pm'. " +
            ("Put dates it is closed under its 'closures:', and anything else in its 'notice:'." if office else
             "Put anything else in the channel's 'description:'."))


@dataclass(frozen=True)
class Translations:
    """A value written once for each language (format 1.2): `name: {en: Council Tax, cy: Treth y Cyngor}`."""

    values: tuple[tuple[str, Any], ...]

    def get(self, language: str) -> Any:
        return dict(self.values)[language]


def language_list(languages: tuple[str, ...]) -> str:
    """ "English (en) and Welsh (cy)"."""
    names = [f"{LANGUAGE_NAMES[code]} ({code})" for code in languages]
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


class Localised(Kind):
    """A field shown as words. In one language, its value; in two (format 1.2), one line per language:

        name:
          en: Council Tax
          cy: Treth y Cyngor

    A field without one of the council's languages is a problem that names the field and the language.
    `items=True` is for lists of words (promises, keywords, address lines): written item by item in
    the same way, or as one mapping of lists. `shared=True` is for a value that is the same in every
    language unless written once per language (a web address, when the page differs by language).
    """

    def __init__(self, inner: Kind, items: bool = False, shared: bool = False):
        self.inner = inner
        self.items = items
        self.shared = shared
        self.expected = inner.expected

    def read(self, node, reader, where):
        if isinstance(node, MappingNode):
            return self._by_language(node, reader, where)
        if (self.items and isinstance(node, SequenceNode) and len(reader.languages) > 1
                and node.value and not any(isinstance(item, MappingNode) for item in node.value)):
            name, codes = where[-1], reader.languages
            reader.problem(node, where, f"'{name}' is in one language only: it needs {language_list(codes)}.",
                           expected=f"a list for each language ({', '.join(c + ':' for c in codes)}), or each item "
                                    "in each language", found=shape_of(node),
                           hint=f"Under '{name}:', write {' and '.join(repr(c + ': [...]') for c in codes)} on lines of "
                                f"their own, or write each item as '- {codes[0]}: ...' with '{codes[1]}: ...' under it.")
            return INVALID
        if self.items and isinstance(node, SequenceNode) and isinstance(self.inner, ListOf):
            return ListOf(Localised(self.inner.item), self.inner.min_items, self.inner.single).read(node, reader, where)
        if self.items and isinstance(node, SequenceNode) and isinstance(self.inner, (Lines, Words)):
            item = Localised(Text(self.inner.item_expected))
            values = ListOf(item, min_items=1 if isinstance(self.inner, Lines) else 0).read(node, reader, where)
            return INVALID if values is INVALID else tuple(v for v in values if v)
        value = self.inner.read(node, reader, where)
        if value is not INVALID and len(reader.languages) > 1 and not self.shared:
            name, codes = where[-1], reader.languages
            lines = " and ".join(f"'{code}: ...'" for code in codes)
            if name.startswith("item "):
                rest = " and ".join(f"'{code}: ...'" for code in codes[1:])
                hint = (f"Write this item as '- {codes[0]}: ...' with {rest} on the next line, "
                        f"lined up with '{codes[0]}:'. A name that is the same in every language is written in each.")
            else:
                hint = (f"Put {lines} on lines of their own under '{name}:', indented. A name that is the same "
                        "in every language is written in each.")
            reader.problem(node, where, f"'{name}' is in one language only: it needs {language_list(codes)}.",
                           expected=f"a line for each language: {', '.join(c + ':' for c in codes)}",
                           found=shape_of(node), hint=hint)
            return INVALID
        return value

    def _by_language(self, node: MappingNode, reader: Reader, where: tuple[str, ...]):
        values, ok, meant_codes = [], True, set()
        for key, value in node.value:
            code = key.value if isinstance(key, ScalarNode) else ""
            if code not in reader.languages:
                known = code in LANGUAGE_NAMES
                meant = "" if known else LanguageCode.suggestion(code)
                if known:
                    hint = f"Add '{code}' to 'languages:' under 'council:' in services.yaml, or remove this line."
                elif meant in reader.languages:
                    meant_codes.add(meant)  # so not reported again as missing
                    hint = f"Did you mean '{meant}:'? Write the {LANGUAGE_NAMES[meant]} after '{meant}:'."
                else:
                    hint = ("Write each language's text after its code: "
                            + ", ".join(f"{c}: for {n}" for c, n in LANGUAGE_NAMES.items()) + ".")
                reader.problem(key, where + (code,), f"'{code}' is not one of the languages of this catalogue."
                               if known else f"'{code}' is not a language code this catalogue can use.",
                               expected="one of " + ", ".join(reader.languages), found=found_text(code), hint=hint)
                ok = False
                continue
            if is_empty(value):
                continue  # reported below as missing, with the others
            result = self.inner.read(value, reader, where + (code,))
            if result is INVALID:
                ok = False
            else:
                values.append((code, result))
        given = {code for code, _ in values}
        written = {k.value for k, v in node.value if isinstance(k, ScalarNode) and not is_empty(v)}
        for code in reader.languages:
            if code not in given and code not in written and code not in meant_codes:
                name = where[-1]
                reader.problem(node, where, f"'{name}' has no {LANGUAGE_NAMES[code]} ({code}).",
                               expected=f"a line '{code}: ...' under '{name}:'", found="no line for it",
                               hint=f"Add a line '{code}:' with the {LANGUAGE_NAMES[code]} "
                                    f"{'web address' if self.shared else 'text'}, under '{name}:', "
                                    f"lined up with the other languages.")
                ok = False
        return Translations(tuple(values)) if ok else INVALID


def in_language(value: Any, language: str) -> Any:
    """A value read from the file, with every Translations in it replaced by its text in `language`."""
    if isinstance(value, Translations):
        return in_language(value.get(language), language)
    if isinstance(value, Raw):
        copy = Raw(value.node, value.where)
        copy.nodes = value.nodes
        copy.update({k: in_language(v, language) for k, v in value.items()})
        return copy
    if isinstance(value, list):
        return [in_language(v, language) for v in value]
    if isinstance(value, tuple):
        return tuple(in_language(v, language) for v in value)
    return value


@dataclass(frozen=True)
class Field:
    """One key of a record: its kind, whether it must be there, and what it is for."""

    name: str
    kind: Kind
    required: bool = False
    doc: str = ""


def _this(noun: str) -> str:
    """ "a service" -> "this service"; "services.yaml" stays as it is."""
    for article in ("a ", "an ", "the "):
        if noun.startswith(article):
            return "this " + noun[len(article):]
    return noun


class Raw(dict):
    """A record's values by field name, with the node each came from (for later checks)."""

    def __init__(self, node: Node, where: tuple[str, ...]):
        super().__init__()
        self.node = node
        self.where = where
        self.nodes: dict[str, Node] = {}

    def at(self, name: str) -> Node:
        return self.nodes.get(name, self.node)


class Record(Kind):
    """A section with named keys, read field by field; unknown keys are reported."""

    # Every record made, so that a key in the wrong place can be told where it belongs.
    known: list["Record"] = []

    def __init__(self, noun: str, fields: tuple[Field, ...], check: Callable[[Raw, Reader], None] | None = None,
                 misplaced: dict[str, str] | None = None):
        self.noun = noun
        self.expected = noun
        self.fields = {f.name: f for f in fields}
        self.check = check
        self.misplaced = misplaced or {}  # what to do with a key of another section written here
        Record.known.append(self)

    def _unknown_key_hint(self, name: str, enclosing: tuple["Record", ...] = ()) -> str:
        close = difflib.get_close_matches(name, list(self.fields), n=1, cutoff=0.6)
        if close:
            return f"Did you mean '{close[0]}'?"
        owners = [r for r in Record.known if name in r.fields and r.noun != self.noun]
        # A key of a section around this one, or inside it: the line is right but indented to the wrong
        # level, and moving it keeps the officer's work.
        nearby = sorted({r.noun for r in owners if r in enclosing or r in self.within()})
        if nearby:
            return (f"'{name}' is a key of {' or '.join(nearby[:2])}, not of {self.noun}. The line may be indented "
                    "wrongly: move it so that it lines up with the other keys of the section it belongs to.")
        if owners:  # in its place, but a key this section does not have: indenting cannot mend it
            keys = list(self.fields)
            has = ", ".join(keys[:-1]) + " and " + keys[-1] if len(keys) > 1 else keys[0]
            if name in self.misplaced:
                return f"'{name}' does not belong in {self.noun}, which has {has} only. {self.misplaced[name]}"
            return (f"'{name}' does not belong in {self.noun}, which has {has} only ('{name}' is a key of "
                    f"{' or '.join(sorted({r.noun for r in owners})[:2])}). Delete the line, or say what it says "
                    "in one of those keys.")
        return "Check the spelling. If the line is not needed, delete it."

    def within(self) -> set["Record"]:
        """Every record that can be written inside this one, at any depth."""
        found: set[Record] = set()
        stack: list[Kind] = [f.kind for f in self.fields.values()]
        while stack:
            kind = stack.pop()
            for inner in (getattr(kind, "item", None), getattr(kind, "inner", None), getattr(kind, "inline", None)):
                if isinstance(inner, Kind):
                    stack.append(inner)
            if isinstance(kind, Record) and kind not in found:
                found.add(kind)
                stack.extend(f.kind for f in kind.fields.values())
        return found

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other) -> bool:
        return self is other

    def read(self, node, reader, where):
        if not isinstance(node, MappingNode):
            required = [name for name, f in self.fields.items() if f.required]
            reader.problem(node, where, f"This should be {self.noun}, with its own keys.",
                           expected=f"{self.noun}, with keys such as {', '.join(required or list(self.fields)[:3])}",
                           found=shape_of(node),
                           hint="Indent the keys under this line, each as 'key: value'.")
            return INVALID
        reader.sections.append(self)
        try:
            return self._read(node, reader, where)
        finally:
            reader.sections.pop()

    def _read(self, node, reader, where):
        raw = Raw(node, where)
        ok = True
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                ok = False  # already reported by yamlfile: a key must be plain text
                continue
            name = key.value
            if name not in self.fields:
                reader.problem(key, where + (name,), f"'{name}' is not a key that {self.noun} can have.",
                               expected="one of " + ", ".join(self.fields), found=found_text(name),
                               hint=self._unknown_key_hint(name, tuple(reader.sections[:-1])))
                ok = False
                continue
            raw.nodes[name] = value
            if is_empty(value):
                if self.fields[name].required:
                    reader.problem(key, where + (name,), f"'{name}' is empty.",
                                   expected=self.fields[name].kind.expected, found="nothing",
                                   hint=f"Write the {name} after the colon.")
                    ok = False
                continue
            result = self.fields[name].kind.read(value, reader, where + (name,))
            if result is INVALID:
                ok = False
            else:
                raw[name] = result
        for name, spec in self.fields.items():
            if spec.required and name not in raw.nodes:
                reader.problem(node, where, f"'{name}' is missing.",
                               expected=f"{name}: {spec.kind.expected}", found="no line for it",
                               hint=f"Add a line '{name}: ...' to {_this(self.noun)}." + (f" {spec.doc}" if spec.doc else ""))
                ok = False
        if self.check:  # on what could be read: one mistake must not hide another
            self.check(raw, reader)
        # A record with problems is still returned, so that references to its id do not
        # also show up as problems: nothing is built while any problem is recorded.
        return raw
