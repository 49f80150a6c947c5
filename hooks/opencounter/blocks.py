"""What a printed leaflet is made of: a few kinds of block and of text run, as plain data.

The leaflet writer (leaflet_content.py) says what a leaflet contains with these; the typesetter
(typeset.py, with overrides/opencounter/leaflets/leaflet.typ) lays them out. Everything is
dicts, lists and strings, so it goes to the engine as JSON and every text stays text.

Text runs: a string, a list of runs, or bold / nowrap / big / link / BREAK below.
Blocks: heading, paragraph, bullets, table, keep, box, lines, top, index.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Union

Run = Union[str, list, dict]
Block = dict[str, Any]

BREAK: dict = {"br": True}

# Phone numbers as people write them (01632 960000, 020 7946 0000, 18001 01632 960000) and postcodes:
# on paper, wherever they are, they are never broken over two lines.
UNBREAKABLE = re.compile(r"\b(?:(?:18001 )?0\d{2,4}(?: \d{3,6}){1,2}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})\b")


def whole(run: Run) -> Run:
    """A run with every phone number and postcode in its text kept on one line."""
    if isinstance(run, str):
        if not UNBREAKABLE.search(run):
            return run
        parts: list = []
        last = 0
        for match in UNBREAKABLE.finditer(run):
            if match.start() > last:
                parts.append(run[last:match.start()])
            parts.append(nowrap(match.group(0)))
            last = match.end()
        if last < len(run):
            parts.append(run[last:])
        return parts
    if isinstance(run, list):
        return [whole(r) for r in run]
    if isinstance(run, dict) and "nowrap" not in run and "br" not in run:
        return {k: (whole(v) if k in ("b", "big", "text") else v) for k, v in run.items()}
    return run


def bold(text: Run) -> dict:
    return {"b": text}


def nowrap(text: str) -> dict:
    """Text kept on one line: a phone number, a postcode."""
    return {"nowrap": text}


def big(text: Run) -> dict:
    """Bold at the edition's emphasis size: the main phone number on page 1."""
    return {"big": text}


def link(address: str, text: Run) -> dict:
    return {"link": address, "text": text}


def heading(level: int, text: Run) -> Block:
    return {"type": "heading", "level": level, "text": whole(text)}


def paragraph(text: Run, style: str = "") -> Block:
    """A paragraph. Style "lede" prints it a little larger, under the title; "label" keeps it on the
    same page as what follows ("Without the internet:" and its list)."""
    block = {"type": "paragraph", "text": whole(text)}
    if style:
        block["style"] = style
    return block


def bullets(items: Iterable[Run | list[Block]], columns: int = 1, numbered: bool = False) -> Block:
    """A list. An item is a run of text, or a list of blocks (paragraphs inside one item);
    numbered=True numbers the items."""
    block = {"type": "list", "items": [{"blocks": i} if _is_blocks(i) else whole(i) for i in items], "columns": columns}
    if numbered:
        block["numbered"] = True
    return block


def table(head: list[Run], rows: list[list[Run]], columns: list, keep: bool = True, row_heads: bool = False) -> Block:
    """A table with a header row. columns: "auto", {"fr": 1} or {"mm": 40} for each column.
    keep: the table stays whole on one page (only for short tables: a block taller than a page
    would run off the paper); otherwise it runs on, its header repeated. row_heads: the first
    column is bold."""
    return {"type": "table", "head": head, "rows": [[whole(cell) for cell in row] for row in rows], "columns": columns,
            "keep": keep, "row_heads": row_heads}


def keep(blocks: list[Block]) -> Block:
    """Blocks that stay together on one page: only a few lines, or they would run off the paper."""
    return {"type": "keep", "blocks": blocks}


def box(blocks: list[Block]) -> Block:
    """Blocks in a black border, kept together: a notice."""
    return {"type": "box", "blocks": blocks}


def lines(items: list[Run]) -> Block:
    """Lines that belong together, one under another: an address."""
    return {"type": "lines", "lines": [whole(i) for i in items]}


def top(qr_alt: str, blocks: list[Block]) -> Block:
    """The box at the top of page 1: the leaflet's QR code (see Job.qr), with the main phone number and
    how to check beside it."""
    return {"type": "top", "qr_alt": qr_alt, "blocks": blocks}


def index(groups: list[tuple[str, list[tuple[Run, str]]]], level: int = 2, columns: int = 2) -> Block:
    """An A to Z: a heading (at `level`) for each letter, then (entry, where to look) lines, in columns."""
    return {"type": "index", "columns": columns, "level": level,
            "groups": [{"letter": letter, "entries": [[whole(e[0]), e[1]] for e in entries]} for letter, entries in groups]}


def _is_blocks(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(b, dict) and "type" in b for b in item)


def texts(value: Any) -> Iterable[str]:
    """Every string in a leaflet document, wherever it is (for checks on characters)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def map_texts(value: Any, change) -> Any:
    """The document with `change` applied to every string shown as text (not to block kinds or QR codes)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [map_texts(v, change) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in _NOT_TEXT else map_texts(v, change)) for k, v in value.items()}
    return value


_NOT_TEXT = {"type", "link", "columns", "style", "level"}
