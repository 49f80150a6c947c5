"""`make translations`: every field shown as words, in a spreadsheet a translator can work in.

    python -m opencounter.translations export [folder] [--file translations.csv]
    python -m opencounter.translations import [folder] [--file translations.csv]

Export writes a CSV (UTF-8, which Excel and LibreOffice open with the Welsh letters intact) with a
row for every field, or item of a list, that the catalogue shows as words: the file, the line,
the field in plain words, a key that finds it again, the English, and the Welsh (empty where it is
missing). Import reads such a file back and writes each Welsh text into services.yaml or
standards.yaml, where it belongs: it changes only Welsh lines (adding one where it is missing),
never the English, and checks the result before it saves anything. A file that would not load
afterwards is left as it was, with the problems said.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from . import format as fmt
from .errors import CatalogueError
from .fields import ListOf, Localised, Markdown, Record, describe
from .loading import catalogue_languages, load_catalogue
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
    found: list[Entry] = []
    for name, record in FILES:
        root = read_yaml(folder / name, name, [])
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
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for e in rows:
        writer.writerow([e.file, e.line, e.where, e.key, e.english, e.welsh])
    out.write_text(buffer.getvalue(), encoding="utf-8-sig")  # the mark tells spreadsheets it is UTF-8
    return len(rows)


# ---------------------------------------------------------------- import

class TranslationError(Exception):
    """The spreadsheet could not be read back. The message says why, for a person."""


def import_welsh(folder: Path, spreadsheet: Path) -> dict[str, int]:
    """Write the Welsh column into the files. Returns how many texts changed in each file."""
    rows = _read_rows(spreadsheet)
    found = {(e.file, e.key): e for e in entries(folder)}
    skipped = [r for r in rows if (r["file"], r["key"]) not in found]
    edits: dict[str, list[tuple[int, int, str]]] = {}
    lists: dict[tuple[str, int], dict] = {}  # "list" rows: every item of one list is written together
    changed: dict[str, int] = {}
    for row in rows:
        entry = found.get((row["file"], row["key"]))
        welsh = row["welsh"].strip()
        if entry is None or not welsh or welsh == entry.welsh:
            continue
        changed[entry.file] = changed.get(entry.file, 0) + 1
        if entry.form in ("list", "flow"):
            group = lists.setdefault((entry.file, entry.node.start_mark.index), {"entry": entry, "items": {}})
            group["items"][entry.index] = welsh
        else:
            edits.setdefault(entry.file, []).append(_edit(folder / entry.file, entry, welsh))
    for (file, _), group in lists.items():
        entry = group["entry"]
        english_items = [e for e in found.values() if e.file == file and e.form == entry.form and e.node is entry.node]
        items = [group["items"].get(e.index, e.welsh) for e in sorted(english_items, key=lambda e: e.index)]
        edits.setdefault(file, []).append(_list_edit(folder / file, entry, items))
    if not edits:
        return {}
    texts = {name: (folder / name).read_text(encoding="utf-8") for name, _ in FILES}
    for name, file_edits in edits.items():
        text = texts[name]
        for start, end, replacement in sorted(file_edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        texts[name] = text
    _check(folder, texts)
    for name, file_edits in edits.items():
        _write_atomic(folder / name, texts[name])
    if skipped:
        print(f"{len(skipped)} rows are no longer in the files (the catalogue changed since the spreadsheet was "
              "made) and were left out: " + ", ".join(f"{r['file']} {r['key']}" for r in skipped[:5]), file=sys.stderr)
    return changed


def _read_rows(spreadsheet: Path) -> list[dict[str, str]]:
    try:
        text = spreadsheet.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TranslationError(f"{spreadsheet} cannot be read as a UTF-8 CSV file ({error}). In your spreadsheet, "
                               "save it as 'CSV UTF-8'.") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("file", "key", "welsh") if c not in (reader.fieldnames or [])]
    if missing:
        raise TranslationError(f"{spreadsheet} has no column {', '.join(missing)}: keep the columns "
                               f"{', '.join(COLUMNS)} as 'make translations' wrote them.")
    return [{k: (v or "") for k, v in row.items() if k} for row in reader]


def _edit(path: Path, entry: Entry, welsh: str) -> tuple[int, int, str]:
    """Where in the file the Welsh goes, and what to put there."""
    text = path.read_text(encoding="utf-8")
    node = entry.node
    if entry.form == "mapping":
        by_code = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
        if WELSH in by_code:
            key, value = by_code[WELSH]
            return value.start_mark.index, _value_end(text, value), _scalar(welsh, key.start_mark.column, entry.markdown)
        # Add the line after the last language, lined up with it.
        last_key, last_value = node.value[-1]
        column = last_key.start_mark.column
        end = _value_end(text, last_value)
        newline = "" if text[end - 1:end] == "\n" else "\n"
        return end, end, f"{newline}{' ' * column}{WELSH}: {_scalar(welsh, column, entry.markdown)}" + ("" if newline else "\n")
    # One line in one language: it becomes a line per language, the English as it was.
    if entry.form == "plain":
        column = entry.key_node.start_mark.column + 2
    else:  # an item of a list, "- text"
        column = node.start_mark.column
    english = text[node.start_mark.index:_value_end(text, node)].rstrip("\n")
    if english[:1] in "|>":  # a block: its lines move in by two spaces, under the new 'en:'
        head, _, rest = english.partition("\n")
        english = head + "\n" + "\n".join(("  " + line) if line.strip() else "" for line in rest.split("\n"))
    indent = " " * column
    first = "" if entry.form == "item" else "\n" + indent
    block = f"{first}{ENGLISH}: {english}\n{indent}{WELSH}: {_scalar(welsh, column, entry.markdown)}"
    start, end = node.start_mark.index, _value_end(text, node)
    if entry.form == "plain" and text[start - 1:start] == " ":
        start -= 1  # no space left at the end of 'name:'
    return start, end, block + ("\n" if text[end - 1:end] == "\n" and not block.endswith("\n") else "")


def _list_edit(path: Path, entry: Entry, items: list[str]) -> tuple[int, int, str]:
    """A list written once per language: the Welsh list, whole, in the file's flow style."""
    text = path.read_text(encoding="utf-8")
    node = entry.node
    flow = "[" + ", ".join(_scalar(i, 0, False, flow=True) for i in items) + "]"
    if entry.form == "flow":  # address: [a, b]  ->  address: / en: [a, b] / cy: [x, y]
        indent = " " * (entry.key_node.start_mark.column + 2)
        english = text[node.start_mark.index:node.end_mark.index]
        start = node.start_mark.index - (1 if text[node.start_mark.index - 1:node.start_mark.index] == " " else 0)
        return start, node.end_mark.index, f"\n{indent}{ENGLISH}: {english}\n{indent}{WELSH}: {flow}"
    by_code = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
    if WELSH in by_code:
        _, value = by_code[WELSH]
        end = _value_end(text, value)
        return value.start_mark.index, end, flow + ("\n" if text[end - 1:end] == "\n" and value.flow_style is False else "")
    last_key, last_value = node.value[-1]
    end = _value_end(text, last_value)
    newline = "" if text[end - 1:end] == "\n" else "\n"
    return end, end, f"{newline}{' ' * last_key.start_mark.column}{WELSH}: {flow}" + ("" if newline else "\n")


def _value_end(text: str, node: Node) -> int:
    """Where a value ends in the text (a block scalar's span takes in its last new line)."""
    return node.end_mark.index


def _scalar(value: str, column: int, markdown: bool, flow: bool = False) -> str:
    """A value as YAML that reads back exactly: quoted on one line, or a block for several lines."""
    if "\n" in value and not flow:
        indent = " " * (column + 2)
        return "|\n" + "\n".join(indent + line if line else "" for line in value.splitlines()) + "\n"
    return json.dumps(" ".join(value.split()) if flow else value, ensure_ascii=False)


def _check(folder: Path, texts: dict[str, str]) -> None:
    """Load the changed files before they are saved: a Welsh text that breaks them is never written."""
    with tempfile.TemporaryDirectory() as temporary:
        for name, text in texts.items():
            (Path(temporary) / name).write_text(text, encoding="utf-8")
        try:
            from datetime import date
            load_catalogue(Path(temporary) / "services.yaml", Path(temporary) / "standards.yaml", date.today())
        except CatalogueError as error:
            problems = [p for p in error.problems if "has no Welsh" not in p.message and "in one language only" not in p.message]
            if problems:
                raise TranslationError("The Welsh texts were not written, because the files would then have "
                                       "problems:\n\n" + "\n\n".join(p.format() for p in problems)) from None


def _write_atomic(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
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
    spreadsheet = args.file or args.folder / "translations.csv"
    languages = catalogue_languages(args.folder / "services.yaml")
    if WELSH not in languages:
        print("services.yaml does not say the council publishes in Welsh. Add 'languages: [en, cy]' under "
              "'council:' first.", file=sys.stderr)
        return 1
    if args.action == "export":
        count = export(args.folder, spreadsheet)
        print(f"Wrote {count} texts to {spreadsheet}. Fill in the 'welsh' column (keep the other columns as they "
              f"are), save it as CSV UTF-8, then run 'make translations-import'.")
        return 0
    try:
        changed = import_welsh(args.folder, spreadsheet)
    except TranslationError as error:
        print(f"\n{error}\n", file=sys.stderr)
        return 1
    if not changed:
        print(f"No Welsh text in {spreadsheet} differs from the files: nothing was changed.")
    else:
        print("Wrote the Welsh texts: " + ", ".join(f"{n} in {f}" for f, n in sorted(changed.items())) +
              ". Run 'make check' to see anything still missing.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
