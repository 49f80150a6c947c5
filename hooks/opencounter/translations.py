"""`make translations`: every field shown as words, in a spreadsheet a translator can work in.

    python -m opencounter.translations export [folder] [--file translations.csv]
    python -m opencounter.translations import [folder] [--file translations.csv]

Export writes a CSV (UTF-8, which Excel and LibreOffice open with the Welsh letters intact) with a
row for every field, or item of a list, that the catalogue shows as words: the file, the line,
the field in plain words, a key that finds it again, the English, and the Welsh (empty where it is
missing). No cell can run as a formula in a spreadsheet (spreadsheet.py).

Import reads such a file back and writes each Welsh text into services.yaml or standards.yaml,
where it belongs: it changes only Welsh values (adding a line where one is missing), each once,
never the English, and checks the result before it saves anything:

- two rows for one text are refused, naming both rows; rows for texts not in the files are named;
- the new files are read back and compared, node by node, with the old ones in which only the
  Welsh values changed, so no text can add a key, change the English, or read back differently;
- the catalogue must load afterwards, and a problem is told against the spreadsheet row and
  column it comes from, not a line of YAML the translator never wrote.

If anything is wrong, nothing is written. The spreadsheet may be at most 20 MB (MAX_BYTES).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

import yaml

from . import format as fmt
from . import spreadsheet
from .errors import CatalogueError, Problem
from .fields import ListOf, Localised, Markdown, Record, describe
from .loading import catalogue_languages, load_catalogue
from .spreadsheet import restore
from .yamlfile import MappingNode, Node, ScalarNode, SequenceNode, read_yaml

FILES = (("services.yaml", fmt.SERVICES_FILE), ("standards.yaml", fmt.STANDARDS_FILE))
COLUMNS = ("file", "line", "field", "key", "english", "welsh")
ENGLISH, WELSH = "en", "cy"


@dataclass
class Entry:
    """One text to translate, and how to find its Welsh line in the file again."""

    file: str
    key: str
    where: str
    line: int
    english: str
    welsh: str
    form: str  # "mapping", "plain", "item", "list" (one item of a list per language)
    node: Node  # the value: a language mapping, a plain scalar, or (for "list") the language mapping
    key_node: Node | None = None
    index: int = 0  # for "list": which item
    markdown: bool = False
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- reading the files

def entries(folder: Path) -> list[Entry]:
    """Every text shown as words in both files, in file order."""
    return _entries(_roots(folder))


def _roots(folder: Path, problems: list[Problem] | None = None) -> dict[str, Node]:
    """Each file's node tree (a file that cannot be read is left out, with its problems in `problems`)."""
    problems = [] if problems is None else problems
    roots = {name: read_yaml(folder / name, name, problems) for name, _ in FILES}
    return {name: root for name, root in roots.items() if root is not None}


def _entries(roots: dict[str, Node]) -> list[Entry]:
    found: list[Entry] = []
    for name, record in FILES:
        root = roots.get(name)
        if isinstance(root, MappingNode):
            found += list(_walk_record(name, record, root, "", ()))
    return found


def _walk_record(file: str, record: Record, node: MappingNode, path: str, where: tuple) -> Iterator[Entry]:
    for key, value in node.value:
        spec = record.fields.get(key.value) if isinstance(key, ScalarNode) else None
        if spec is None:
            continue
        yield from _walk(file, spec.kind, key, value, f"{path}{key.value}", where + (key.value,))


def _walk(file: str, kind, key: Node, value: Node, path: str, where: tuple) -> Iterator[Entry]:
    if isinstance(kind, Localised):
        yield from _localised(file, kind, key, value, path, where)
    elif isinstance(kind, Record) and isinstance(value, MappingNode):
        yield from _walk_record(file, kind, value, path + "/", where)
    elif isinstance(kind, ListOf) and isinstance(value, SequenceNode):
        for index, child in enumerate(value.value, start=1):
            name = _item_name(child, index)
            inner = getattr(kind.item, "inline", kind.item)  # a service's contact: channels written out in full
            label = f"item {index}" + (f" ('{name}')" if name != str(index) else "")
            if isinstance(inner, Record) and isinstance(child, MappingNode):
                yield from _walk_record(file, inner, child, f"{path}/{name}/", where + (label,))
            elif isinstance(inner, Localised):
                yield from _localised(file, inner, child, child, f"{path}/{index}", where + (label,))


def _localised(file: str, kind: Localised, key: Node, value: Node, path: str, where: tuple) -> Iterator[Entry]:
    markdown = isinstance(kind.inner, Markdown)
    line = value.start_mark.line + 1
    if isinstance(value, MappingNode):
        by_code = {k.value: v for k, v in value.value if isinstance(k, ScalarNode)}
        english, welsh = by_code.get(ENGLISH), by_code.get(WELSH)
        if kind.items and isinstance(english, SequenceNode):
            welsh_items = welsh.value if isinstance(welsh, SequenceNode) else []
            for index, item in enumerate(english.value):
                text = welsh_items[index].value if index < len(welsh_items) else ""
                yield Entry(file, f"{path}/{index + 1}", describe(where + (f"item {index + 1}",)), item.start_mark.line + 1,
                            _text(item), _text_or(text), "list", value, key, index, markdown)
            return
        yield Entry(file, path, describe(where), line, _text(english), _text(welsh), "mapping", value, key,
                    markdown=markdown)
    elif kind.items and isinstance(value, SequenceNode) and value.flow_style:
        # [a, b] in one language: the Welsh becomes a second list, beside it.
        for index, item in enumerate(value.value):
            yield Entry(file, f"{path}/{index + 1}", describe(where + (f"item {index + 1}",)), item.start_mark.line + 1,
                        _text(item), "", "flow", value, key, index, markdown)
    elif kind.items and isinstance(value, SequenceNode):
        for index, child in enumerate(value.value, start=1):
            yield from _localised(file, Localised(getattr(kind.inner, "item", kind.inner)), child, child,
                                  f"{path}/{index}", where + (f"item {index}",))
    elif isinstance(value, ScalarNode):
        form = "item" if key is value else "plain"
        yield Entry(file, path, describe(where), line, value.value.strip(), "", form, value, key, markdown=markdown)


def _item_name(node: Node, index: int) -> str:
    """An item's id (or its place in the list), for its key."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return value.value.strip()
    return str(index)


def _text(node: Node | None) -> str:
    return node.value.strip() if isinstance(node, ScalarNode) else ""


def _text_or(value) -> str:
    return value.strip() if isinstance(value, str) else ""


# ---------------------------------------------------------------- export

def export(folder: Path, out: Path) -> int:
    """Write the spreadsheet. Returns the number of rows."""
    rows = entries(folder)
    text = spreadsheet.write_rows(COLUMNS, ([e.file, e.line, e.where, e.key, e.english, e.welsh] for e in rows))
    out.write_text(text, encoding="utf-8-sig", newline="")  # the mark tells spreadsheets it is UTF-8
    return len(rows)


# ---------------------------------------------------------------- import

# Measured: 3,000 services with long descriptions make a spreadsheet of 7 MB, 11 MB with every Welsh cell filled
# (bench/build.py's catalogue). 20 MB is well above any council's, and far below what takes long to read.
MAX_BYTES = 20 * 1024 * 1024
NAMED = 5  # rows named in a message before "and N more"


class TranslationError(Exception):
    """The spreadsheet could not be read back. The message says why, for a person."""


@dataclass(frozen=True)
class Row:
    """One row of the spreadsheet, numbered as the spreadsheet shows it (the column names are row 1)."""

    number: int
    file: str
    key: str
    welsh: str


@dataclass
class Sheet:
    rows: list[Row]
    column: str  # the welsh column, as a spreadsheet names it ("F")


@dataclass
class Imported:
    """What an import did: texts changed in each file, and the rows left out (not in the files)."""

    changed: dict[str, int]
    left_out: list[Row]

    def note(self, spreadsheet: Path) -> str:
        """The rows left out, named, for the person who ran the import ("" when there are none)."""
        if not self.left_out:
            return ""
        count = len(self.left_out)
        return (f"{_rows_count(count)} of {spreadsheet} {'is' if count == 1 else 'are'} not in services.yaml or "
                f"standards.yaml and {'was' if count == 1 else 'were'} left out: "
                + _named(f"row {r.number} ({r.file} {r.key})" for r in self.left_out)
                + ". The catalogue may have changed since the spreadsheet was made: run 'make translations' for a "
                  "new one, and copy the Welsh across.")


@dataclass
class _Edit:
    """One change to a file: the span it replaces, the text put there, and the rows it comes from."""

    file: str
    start: int
    end: int
    text: str
    rows: list[Row]
    entry: Entry
    welsh: str | list[str]  # what the Welsh must read back as (a list for a list's items)
    new_start: int = 0  # where the change is in the new text
    new_end: int = 0


def import_welsh(folder: Path, spreadsheet_path: Path) -> Imported:
    """Write the Welsh column into the files. Nothing is written unless every change reads back as meant."""
    sheet = _read_sheet(spreadsheet_path)
    unreadable: list[Problem] = []
    roots = _roots(folder, unreadable)
    if unreadable or len(roots) < len(FILES):  # a file missing, broken, or with tabs: the officer's to fix
        _check_before(folder)
    found = {(e.file, e.key): e for e in _entries(roots)}
    _refuse_duplicates(sheet)
    left_out = [r for r in sheet.rows if (r.file, r.key) not in found]
    if left_out and len(left_out) == len(sheet.rows):
        raise TranslationError(
            f"None of the {len(sheet.rows):,} rows of {spreadsheet_path} is a text in services.yaml or standards.yaml "
            f"(first: {_named(f'row {r.number} ({r.file} {r.key})' for r in left_out)}), so nothing was changed. "
            "Check that this is the spreadsheet 'make translations' made for this catalogue.")
    texts = {name: _read_text(folder / name) for name, _ in FILES}
    edits, changed = _edits(sheet, found, texts)
    if not edits:
        return Imported({}, left_out)
    for edit in edits:  # a file with Windows line ends keeps them
        if "\r\n" in texts[edit.file]:
            edit.text = edit.text.replace("\r\n", "\n").replace("\n", "\r\n")
    new_texts = {name: _apply(texts[name], [e for e in edits if e.file == name]) for name in texts}
    _verify(roots, new_texts, edits, sheet.column)
    _check_loads(folder, new_texts, edits, sheet.column)
    for name in sorted({e.file for e in edits}):
        _write_atomic(folder / name, new_texts[name], bom=(folder / name).read_bytes()[:3] == b"\xef\xbb\xbf")
    return Imported(changed, left_out)


def _read_text(path: Path) -> str:
    """A file's text as the YAML reader saw it (its places are counted in it): line ends as they are, no BOM."""
    with open(path, encoding="utf-8-sig", newline="") as file:
        return file.read()


def _read_sheet(path: Path) -> Sheet:
    """The rows, each text as it was before the spreadsheet protection (spreadsheet.restore)."""
    try:
        info = path.stat()
    except OSError as error:
        raise TranslationError(f"{path} cannot be opened ({error.strerror}). Run 'make translations' to make it, "
                               "or give its name with --file.") from None
    if not stat.S_ISREG(info.st_mode):
        raise TranslationError(f"{path} is not an ordinary file. Save the spreadsheet as 'CSV UTF-8' and try again.")
    if info.st_size > MAX_BYTES:
        raise TranslationError(f"{path} is {info.st_size / (1024 * 1024):.1f} MB, over the limit of "
                               f"{MAX_BYTES // (1024 * 1024)} MB, so nothing was changed. A catalogue of 3,000 services "
                               "makes a spreadsheet of about 11 MB: check that this is the right file. A spreadsheet "
                               "may also be imported in parts: split its rows into smaller files, each with the "
                               "column names in row 1, and import each in turn as translations.csv.")
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:  # it grew while it was read
            raise TranslationError(f"{path} is over {MAX_BYTES // (1024 * 1024)} MB: nothing was changed.")
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TranslationError(f"{path} cannot be read as a UTF-8 CSV file ({error}). In your spreadsheet, "
                               "save it as 'CSV UTF-8'.") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
    except csv.Error as error:
        raise TranslationError(f"Row 1 of {path} cannot be read as CSV ({error}). Save it as 'CSV UTF-8'.") from None
    names = [restore(h).strip() for h in header]
    missing = [c for c in ("file", "key", "welsh") if c not in names]
    if missing:
        raise TranslationError(f"{path} has no column {', '.join(missing)}: keep the columns "
                               f"{', '.join(COLUMNS)} as 'make translations' wrote them.")
    at = {name: names.index(name) for name in ("file", "key", "welsh")}
    rows, number = [], 1
    try:
        for cells in reader:
            number += 1
            if not any(c.strip() for c in cells):
                continue  # an empty row a spreadsheet left at the end

            def cell(name: str) -> str:
                return restore(cells[at[name]]) if at[name] < len(cells) else ""

            welsh = cell("welsh").replace("\r\n", "\n").replace("\r", "\n").strip()
            rows.append(Row(number, cell("file").strip(), cell("key").strip(), welsh))
    except csv.Error as error:
        raise TranslationError(f"Row {number + 1} of {path} cannot be read as CSV ({error}). Save it as "
                               "'CSV UTF-8' from your spreadsheet.") from None
    return Sheet(rows, _column_letter(at["welsh"]))


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _refuse_duplicates(sheet: Sheet) -> None:
    """Two rows for one text: which is meant cannot be known, so neither is taken."""
    first: dict[tuple[str, str], Row] = {}
    pairs = []
    for row in sheet.rows:
        earlier = first.setdefault((row.file, row.key), row)
        if earlier is not row:
            pairs.append((earlier, row))
    if pairs:
        raise TranslationError(
            "Some texts have more than one row, so nothing was changed: "
            + _named(f"rows {a.number} and {b.number} ({a.file} {a.key})" for a, b in pairs)
            + ". Keep one row for each text (the one with the Welsh you want), delete the other, and import again.")


def _check_before(folder: Path) -> None:
    """The files must load before anything is written into them: a problem of their own is not the translator's."""
    problems = _problems(lambda: load_catalogue(folder / "services.yaml", folder / "standards.yaml", date.today()))
    if problems:
        raise TranslationError("services.yaml and standards.yaml have problems of their own, so nothing was changed. "
                               "Fix these first ('make check' lists them too), then import again:\n\n"
                               + "\n\n".join(p.format() for p in problems))


def _problems(load) -> list[Problem]:
    """The problems a load finds, apart from missing Welsh (which is what the import is filling in)."""
    try:
        load()
    except CatalogueError as error:
        return [p for p in error.problems if "has no Welsh" not in p.message and "in one language only" not in p.message]
    return []


def _edits(sheet: Sheet, found: dict, texts: dict[str, str]) -> tuple[list[_Edit], dict[str, int]]:
    edits: list[_Edit] = []
    lists: dict[int, dict] = {}  # "list" rows: every item of one list is written together
    changed: dict[str, int] = {}
    for row in sheet.rows:
        entry = found.get((row.file, row.key))
        if entry is None or not row.welsh or row.welsh == entry.welsh:
            continue
        changed[entry.file] = changed.get(entry.file, 0) + 1
        if entry.form in ("list", "flow"):
            group = lists.setdefault(id(entry.node), {"entry": entry, "items": {}, "rows": []})
            group["items"][entry.index] = row.welsh
            group["rows"].append(row)
        else:
            start, end, text, welsh = _edit(texts[entry.file], entry, row.welsh)
            edits.append(_Edit(entry.file, start, end, text, [row], entry, welsh))
    by_list: dict[int, list[Entry]] = {}
    for e in found.values():
        if e.form in ("list", "flow"):
            by_list.setdefault(id(e.node), []).append(e)
    for group in lists.values():
        entry = group["entry"]
        siblings = sorted(by_list[id(entry.node)], key=lambda e: e.index)
        items = [group["items"].get(e.index, e.welsh) for e in siblings]
        start, end, text, welsh = _list_edit(texts[entry.file], entry, items)
        edits.append(_Edit(entry.file, start, end, text, group["rows"], entry, welsh))
    return edits, changed


def _apply(text: str, edits: list[_Edit]) -> str:
    """The text with every edit made, in one pass; each edit learns where it landed."""
    pieces, position, shift = [], 0, 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < position:  # two edits in one place: never guess which wins
            raise TranslationError(f"{_where(edit.rows, '')} changes the same place in {edit.file} as another row, "
                                   "so nothing was changed. Keep one row for each text and import again.")
        pieces += [text[position:edit.start], edit.text]
        edit.new_start = edit.start + shift
        edit.new_end = edit.new_start + len(edit.text)
        shift += len(edit.text) - (edit.end - edit.start)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def _edit(text: str, entry: Entry, welsh: str) -> tuple[int, int, str, str]:
    """Where in the file the Welsh goes, what to put there, and what it reads back as."""
    node = entry.node
    if entry.form == "mapping":
        by_code = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
        if WELSH in by_code:
            key, value = by_code[WELSH]
            start, end = value.start_mark.index, _value_end(text, value)
            scalar = _scalar(welsh, key.start_mark.column, _rest_blank(text, end))
            space = " " if text[start - 1:start] == ":" else ""  # 'cy:' with nothing after it
            return start, end, space + scalar + ("\n" if text[end - 1:end] == "\n" else ""), welsh
        # Add the line after the last language, lined up with it.
        last_key, last_value = node.value[-1]
        column = last_key.start_mark.column
        end = _value_end(text, last_value)
        newline = "" if text[end - 1:end] == "\n" else "\n"
        scalar = _scalar(welsh, column, not newline or _rest_blank(text, end))
        return end, end, f"{newline}{' ' * column}{WELSH}: {scalar}" + ("" if newline else "\n"), welsh
    # One line in one language: it becomes a line per language, the English as it was.
    if entry.form == "plain":
        column = entry.key_node.start_mark.column + 2
    else:  # an item of a list, "- text"
        column = node.start_mark.column
    start, end = node.start_mark.index, _value_end(text, node)
    english = text[start:end].rstrip("\n")
    if "\n" in english:  # its lines move in by two spaces, under the new 'en:' (a value that folds reads the same)
        head, _, rest = english.partition("\n")
        english = head + "\n" + "\n".join(("  " + line) if line.strip() else "" for line in rest.split("\n"))
    indent = " " * column
    first = "" if entry.form == "item" else "\n" + indent
    block = f"{first}{ENGLISH}: {english}\n{indent}{WELSH}: {_scalar(welsh, column, _rest_blank(text, end))}"
    if entry.form == "plain" and text[start - 1:start] == " ":
        start -= 1  # no space left at the end of 'name:'
    return start, end, block + ("\n" if text[end - 1:end] == "\n" else ""), welsh


def _list_edit(text: str, entry: Entry, items: list[str]) -> tuple[int, int, str, list[str]]:
    """A list written once per language: the Welsh list, whole, in the file's flow style."""
    node = entry.node
    items = [" ".join(i.split()) for i in items]
    flow = "[" + ", ".join(_quoted(i) for i in items) + "]"
    if entry.form == "flow":  # address: [a, b]  ->  address: / en: [a, b] / cy: [x, y]
        indent = " " * (entry.key_node.start_mark.column + 2)
        english = text[node.start_mark.index:node.end_mark.index]
        start = node.start_mark.index - (1 if text[node.start_mark.index - 1:node.start_mark.index] == " " else 0)
        return start, node.end_mark.index, f"\n{indent}{ENGLISH}: {english}\n{indent}{WELSH}: {flow}", items
    by_code = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
    if WELSH in by_code:
        _, value = by_code[WELSH]
        start, end = value.start_mark.index, _value_end(text, value)
        space = " " if text[start - 1:start] == ":" else ""
        return start, end, space + flow + ("\n" if text[end - 1:end] == "\n" else ""), items
    last_key, last_value = node.value[-1]
    end = _value_end(text, last_value)
    newline = "" if text[end - 1:end] == "\n" else "\n"
    return end, end, f"{newline}{' ' * last_key.start_mark.column}{WELSH}: {flow}" + ("" if newline else "\n"), items


def _value_end(text: str, node: Node) -> int:
    """Where a value ends in the text (a block scalar's span takes in its last new line)."""
    return node.end_mark.index


def _rest_blank(text: str, end: int) -> bool:
    """Nothing but spaces after a value on its line (a comment there would fall into a block below it)."""
    line_end = text.find("\n", end)
    return not text[end:line_end if line_end >= 0 else len(text)].strip()


def _scalar(value: str, column: int, block_ok: bool = True) -> str:
    """A value as YAML that reads back exactly: a block for several lines when it can, else in quotes."""
    if "\n" in value and block_ok:
        indent = " " * (column + 2)
        block = "|\n" + "\n".join(indent + line if line else "" for line in value.split("\n"))
        try:  # a first line that starts with spaces, or a character YAML reads as a line break, cannot be a block
            read = yaml.compose(" " * column + "k: " + block + "\n", Loader=_LOADER).value[0][1].value
        except yaml.YAMLError:
            read = None
        if read == value + "\n":
            return block
    return _quoted(value)


# Characters YAML cannot hold as they are in double quotes: those it does not print, and those it reads as a
# line break (NEL, the line and paragraph separators), which a quoted value would fold into a space.
_ESCAPE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def _quoted(value: str) -> str:
    """A value in double quotes (JSON's escapes are YAML's too), every character YAML would change escaped."""
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


# ---------------------------------------------------------------- checks before anything is written

_STR = "tag:yaml.org,2002:str"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: a large file is read back in a second


def _verify(roots: dict[str, Node], new_texts: dict[str, str], edits: list[_Edit], column: str) -> None:
    """The new files must be the old ones with the Welsh values changed, and nothing else.

    Each file is read back and compared, node by node, with the old one in which only the
    Welsh values were changed. A text that would add a key, change the English or read back
    differently is refused, naming its row.
    """
    for name, root in roots.items():
        file_edits = [e for e in edits if e.file == name]
        if not file_edits:
            continue
        paths: dict[int, tuple] = {}
        expected = _tree(root, paths)
        for edit in file_edits:
            _expect(expected, paths, edit)
        try:
            new_root = yaml.compose(new_texts[name], Loader=_LOADER)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            edit = _edit_at(file_edits, mark.index if mark else 0)
            raise TranslationError(_refusal(edit, column, "it would break the layout of the file")) from None
        marks: dict[tuple, int] = {}
        actual = _tree(new_root, marks=marks)
        difference = _difference(expected, actual, ())
        if difference is not None:
            owner = [e for e in file_edits if difference[:len(paths[id(_owner_node(e))])] == paths[id(_owner_node(e))]]
            if owner:
                edit = max(owner, key=lambda e: len(paths[id(_owner_node(e))]))
            else:
                known = max((p for p in marks if difference[:len(p)] == p), key=len, default=())
                edit = _edit_at(file_edits, marks.get(known, 0))
            raise TranslationError(_refusal(edit, column, "it would not read back exactly as written in the "
                                                          "spreadsheet, or would change more than the Welsh"))


def _owner_node(edit: _Edit) -> Node:
    return edit.entry.node


def _tree(node: Node, paths: dict[int, tuple] | None = None, path: tuple = (), marks: dict | None = None) -> list:
    """A node tree as nested lists, to compare: ["s", tag, text], ["l", [...]], ["m", [[key, value], ...]]."""
    if paths is not None:
        paths[id(node)] = path
    if marks is not None:
        marks[path] = node.start_mark.index
    if isinstance(node, ScalarNode):
        return ["s", node.tag, node.value]
    if isinstance(node, SequenceNode):
        return ["l", [_tree(child, paths, path + (i,), marks) for i, child in enumerate(node.value)]]
    return ["m", [[_tree(k, paths, path + (i, 0), marks), _tree(v, paths, path + (i, 1), marks)]
                  for i, (k, v) in enumerate(node.value)]]


def _expect(tree: list, paths: dict[int, tuple], edit: _Edit) -> None:
    """Change the old file's tree as the edit means to: a Welsh value, nothing else."""
    entry = edit.entry
    here = _subtree(tree, paths[id(entry.node)])
    if isinstance(edit.welsh, list):
        welsh = ["l", [_welsh(item) for item in edit.welsh]]
    else:
        welsh = _welsh(edit.welsh)
    if entry.form in ("mapping", "list"):
        pairs = here[1]
        for pair in pairs:
            if pair[0][0] == "s" and pair[0][2] == WELSH:
                pair[1] = welsh
                return
        pairs.append([["s", _STR, WELSH], welsh])
        return
    old = list(here)  # plain, item, flow: the value becomes a mapping of English and Welsh
    here[:] = ["m", [[["s", _STR, ENGLISH], old], [["s", _STR, WELSH], welsh]]]


def _welsh(text: str) -> list:
    return ["w", _STR, text]


def _subtree(tree: list, path: tuple) -> list:
    """The part of a tree at a path of _tree: a list index, then for a mapping 0 (key) or 1 (value)."""
    here = tree
    steps = list(path)
    while steps:
        index = steps.pop(0)
        if here[0] == "l":
            here = here[1][index]
        else:
            here = here[1][index][steps.pop(0)]
    return here


def _difference(expected: list, actual: list, path: tuple) -> tuple | None:
    """The path of the first place the trees differ (None when they are the same)."""
    if expected[0] == "w":  # a Welsh value: a block adds a line break at its end, which the loader drops
        same = actual[0] == "s" and actual[1] == _STR and actual[2].rstrip("\n") == expected[2]
        return None if same else path
    if expected[0] != actual[0]:
        return path
    if expected[0] == "s":
        return None if expected[1:] == actual[1:] else path
    if len(expected[1]) != len(actual[1]):
        return path
    for index, (e, a) in enumerate(zip(expected[1], actual[1])):
        if expected[0] == "l":
            found = _difference(e, a, path + (index,))
        else:
            found = _difference(e[0], a[0], path + (index, 0)) or _difference(e[1], a[1], path + (index, 1))
        if found is not None:
            return found
    return None


def _edit_at(edits: list[_Edit], index: int) -> _Edit:
    """The edit at a place in the new text, or the last one before it (a parser reports a mistake after it)."""
    ordered = sorted(edits, key=lambda e: e.new_start)
    before = [e for e in ordered if e.new_start <= index]
    return before[-1] if before else ordered[0]


def _where(rows: list[Row], column: str) -> str:
    numbers = [str(r.number) for r in rows]
    label = f"Row {numbers[0]}" if len(numbers) == 1 else \
        f"Rows {', '.join(numbers[:-1])} and {numbers[-1]}"
    return f"{label}, column {column} (welsh)" if column else label


def _refusal(edit: _Edit, column: str, why: str) -> str:
    return (f"{_where(edit.rows, column)}: the Welsh for {edit.entry.where} was not written, because {why}. "
            "Nothing was changed. Check the text for characters that do not belong in it (copied from another "
            "program, say), or write it into the file by hand.")


def _check_loads(folder: Path, new_texts: dict[str, str], edits: list[_Edit], column: str) -> None:
    """Load the changed files before they are saved: a Welsh text that breaks them is never written.

    Each problem is told against the spreadsheet row it comes from, not a line of YAML the
    translator never wrote (unless the files had problems before: those are the officer's)."""
    with tempfile.TemporaryDirectory() as temporary:
        for name, text in new_texts.items():
            with open(Path(temporary) / name, "w", encoding="utf-8", newline="") as file:
                file.write(text)
        problems = _problems(lambda: load_catalogue(Path(temporary) / "services.yaml",
                                                    Path(temporary) / "standards.yaml", date.today()))
    if not problems:
        return
    _check_before(folder)
    blocks = []
    for problem in problems:
        file_edits = [e for e in edits if e.file == problem.file] or edits
        text = new_texts[file_edits[0].file]
        spans = sorted(((text.count("\n", 0, e.new_start) + 1, text.count("\n", 0, e.new_end) + 1, e)
                        for e in file_edits), key=lambda span: span[:2])
        inside = [e for first, last, e in spans if first <= problem.line <= last]
        before = [e for first, _, e in spans if first <= problem.line]  # a parser may report the line after
        edit = (inside or before or [spans[0][2]])[0 if inside else -1]
        lines = [f"{_where(edit.rows, column)}: {problem.message}", f"    Field:    {edit.entry.where}"]
        if problem.expected:
            lines.append(f"    Expected: {problem.expected}")
        if problem.found:
            lines.append(f"    Found:    {problem.found}")
        if problem.hint:
            lines.append(f"    How to fix it: {problem.hint}")
        blocks.append("\n".join(lines))
    raise TranslationError("The Welsh texts were not written, and nothing was changed, because these rows of the "
                           "spreadsheet would make the files wrong. Correct them in the spreadsheet and import "
                           "again:\n\n" + "\n\n".join(dict.fromkeys(blocks)))


def _rows_count(count: int) -> str:
    return "1 row" if count == 1 else f"{count:,} rows"


def _named(items: Iterator[str] | list[str]) -> str:
    """The first few, then "and N more"."""
    items = list(items)
    shown = ", ".join(items[:NAMED])
    return shown + (f", and {len(items) - NAMED:,} more" if len(items) > NAMED else "")


def _write_atomic(path: Path, text: str, bom: bool = False) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make translations", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("export", "import"))
    parser.add_argument("folder", nargs="?", default=".", type=Path)
    parser.add_argument("--file", type=Path, default=None, help="the spreadsheet (default: translations.csv)")
    args = parser.parse_args(argv)
    spreadsheet_path = args.file or args.folder / "translations.csv"
    languages = catalogue_languages(args.folder / "services.yaml")
    if WELSH not in languages:
        print("services.yaml does not say the council publishes in Welsh. Add 'languages: [en, cy]' under "
              "'council:' first.", file=sys.stderr)
        return 1
    if args.action == "export":
        count = export(args.folder, spreadsheet_path)
        print(f"Wrote {count} texts to {spreadsheet_path}. Fill in the 'welsh' column (keep the other columns as "
              f"they are), save it as CSV UTF-8, then run 'make translations-import'.")
        return 0
    try:
        imported = import_welsh(args.folder, spreadsheet_path)
    except TranslationError as error:
        print(f"\n{error}\n", file=sys.stderr)
        return 1
    note = imported.note(spreadsheet_path)
    if note:
        print(note, file=sys.stderr)
    if not imported.changed:
        print(f"No Welsh text in {spreadsheet_path} differs from the files: nothing was changed.")
    else:
        print("Wrote the Welsh texts: " + ", ".join(f"{n} in {f}" for f, n in sorted(imported.changed.items())) +
              ". Run 'make check' to see anything still missing.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
